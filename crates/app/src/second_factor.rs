//! Two-step sign-in: after the password, a code from an authenticator app (TOTP) or a
//! one-time recovery code. Required for every role that sees identifying data.
//!
//! Enrolment offers a fresh secret (sealed in the session until a first code confirms it),
//! shown as a QR code drawn here, never by an outside service. Accepted codes are remembered
//! by time step so none works twice; wrong codes count towards the account lock like wrong
//! passwords. Recovery codes are stored as keyed hashes and work once each.

use chrono::Utc;
use komek_domain::{AccountId, Capability};
use komek_store::repo;

use crate::audit::{Action, Event};
use crate::auth::{LoginError, Session, token_hash};
use crate::crypto::random_hex;
use crate::{Actor, App, AppError, AppResult, totp};

/// How many recovery codes an enrolment hands out.
pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Komek";

/// What the enrolment page shows.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The secret as typed into an app by hand (base32, in groups of four).
    pub secret_text: String,
    /// The QR code of the `otpauth://` address, as SVG.
    pub qr_svg: String,
}

/// Recovery codes are typed by hand: case, spaces and dashes do not matter.
fn normalise_recovery_code(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

impl App {
    /// Whether the session's account has a second factor set up.
    pub fn is_enrolled(&self, session: &Session) -> AppResult<bool> {
        Ok(self.store.read(|tx| repo::accounts::second_factor(tx, session.account.id))?.0.is_some())
    }

    /// Offers a new secret to a session that must enrol (replacing any earlier offer).
    pub fn begin_enrolment(&self, session: &Session) -> AppResult<Enrolment> {
        if self.is_enrolled(session)? {
            return Err(AppError::Forbidden);
        }
        // The secret already offered stays until it is confirmed: a mistyped code or a reload
        // must not replace what the phone has just scanned.
        let hash = token_hash(&session.token);
        let pending = self.store.read(|tx| repo::sessions::pending_totp(tx, &hash))?;
        let secret = match pending
            .map(|sealed| self.keys.open(crate::sealed::second_factor_secret(session.account.id), &sealed))
        {
            Some(Ok(secret)) => secret,
            _ => {
                let mut secret = vec![0u8; totp::SECRET_BYTES];
                getrandom::fill(&mut secret).expect("the operating system's random source failed");
                let sealed = self.keys.seal(crate::sealed::second_factor_secret(session.account.id), &secret);
                self.store.write(|tx| repo::sessions::set_pending_totp(tx, &hash, Some(sealed)))?;
                secret
            }
        };
        let text = totp::base32(&secret);
        let grouped: Vec<String> = text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        Ok(Enrolment {
            secret_text: grouped.join(" "),
            qr_svg: totp::qr_svg(&totp::otpauth_uri(ISSUER, &session.account.username, &secret)),
        })
    }

    /// Confirms the offered secret with a first code; returns the recovery codes, shown once.
    pub fn confirm_enrolment(&self, session: &Session, code: &str) -> Result<Vec<String>, LoginError> {
        let id = session.account.id;
        let hash = token_hash(&session.token);
        let sealed = self.store.read(|tx| repo::sessions::pending_totp(tx, &hash)).map_err(AppError::from)?;
        let Some(sealed) = sealed else { return Err(LoginError::BadCredentials) };
        let secret = self.keys.open(crate::sealed::second_factor_secret(id), &sealed).map_err(AppError::from)?;
        let Some(step) = totp::verify(&secret, code, Utc::now().timestamp(), None) else {
            self.second_factor_failed(id, "enrolment code")?;
            return Err(LoginError::BadCredentials);
        };
        let codes: Vec<String> = (0..RECOVERY_CODES)
            .map(|_| {
                let raw = random_hex(5);
                format!("{}-{}", &raw[..5], &raw[5..])
            })
            .collect();
        let hashes: Vec<Vec<u8>> =
            codes.iter().map(|c| self.keys.index_token("recovery", &normalise_recovery_code(c)).token).collect();
        self.store
            .write(|tx| {
                repo::accounts::set_second_factor(tx, id, Some(sealed.clone()), &hashes)?;
                repo::accounts::set_totp_last_step(tx, id, step)?;
                repo::sessions::set_second_factor_ok(tx, &hash)?;
                self.audit(
                    tx,
                    Event::new(Some(id), Action::Update, "account", id.to_string()).detail("second factor enrolled"),
                )
            })
            .map_err(AppError::from)?;
        Ok(codes)
    }

    /// Completes a login with a TOTP code or a recovery code.
    pub fn verify_second_factor(&self, session: &Session, code: &str) -> Result<(), LoginError> {
        let id = session.account.id;
        let (sealed, last_step) =
            self.store.read(|tx| repo::accounts::second_factor(tx, id)).map_err(AppError::from)?;
        let Some(sealed) = sealed else { return Err(LoginError::BadCredentials) };
        let record = self.store.read(|tx| repo::accounts::get(tx, id)).map_err(AppError::from)?;
        if let Some(until) = record.locked_until.filter(|until| *until > Utc::now()) {
            return Err(LoginError::Locked { until });
        }
        let secret = self.keys.open(crate::sealed::second_factor_secret(id), &sealed).map_err(AppError::from)?;
        let hash = token_hash(&session.token);
        let accepted = match totp::verify(&secret, code, Utc::now().timestamp(), last_step) {
            Some(step) => self
                .store
                .write(|tx| Ok(repo::accounts::set_totp_last_step(tx, id, step)?.then_some("authenticator code"))),
            None => {
                let recovery = self.keys.index_token("recovery", &normalise_recovery_code(code)).token;
                self.store
                    .write(|tx| Ok(repo::accounts::use_recovery_code(tx, id, &recovery)?.then_some("recovery code")))
            }
        }
        .map_err(AppError::from)?;
        // A lock set meanwhile (by failures racing this request) still holds.
        let locked = self.store.read(|tx| repo::accounts::get(tx, id)).map_err(AppError::from)?.locked_until;
        if let Some(until) = locked.filter(|until| *until > Utc::now()) {
            return Err(LoginError::Locked { until });
        }
        let Some(how) = accepted else {
            self.second_factor_failed(id, "wrong or reused code")?;
            return Err(LoginError::BadCredentials);
        };
        self.store
            .write(|tx| {
                repo::accounts::clear_failed_logins(tx, id)?;
                repo::sessions::set_second_factor_ok(tx, &hash)?;
                self.audit(
                    tx,
                    Event::new(Some(id), Action::Login, "account", id.to_string())
                        .detail(format!("second step: {how}")),
                )
            })
            .map_err(AppError::from)?;
        Ok(())
    }

    fn second_factor_failed(&self, id: AccountId, what: &str) -> Result<(), LoginError> {
        let lock_until = Utc::now() + chrono::Duration::from_std(self.settings.lock_for).unwrap_or_default();
        let after = self.settings.lock_after_failures;
        self.store
            .write(|tx| {
                let n = repo::accounts::record_failed_login(tx, id, after, lock_until)?;
                self.audit(
                    tx,
                    Event::new(Some(id), Action::LoginFailed, "account", id.to_string())
                        .detail(format!("second step: {what} ({n} in a row)")),
                )
            })
            .map_err(AppError::from)?;
        Ok(())
    }

    /// Removes an account's second factor (a lost phone): it enrols again at its next login.
    pub fn reset_second_factor(&self, actor: &Actor, id: AccountId) -> AppResult<()> {
        actor.require(Capability::ManageAccounts)?;
        self.store.write(|tx| {
            repo::accounts::get(tx, id)?;
            repo::accounts::set_second_factor(tx, id, None, &[])?;
            repo::sessions::delete_for_account(tx, id)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Update, "account", id.to_string()).detail("second factor reset"),
            )
        })?;
        Ok(())
    }

    /// Disables (or enables again) an account; disabling ends its sessions at once.
    pub fn set_account_disabled(&self, actor: &Actor, id: AccountId, disabled: bool) -> AppResult<()> {
        actor.require(Capability::ManageAccounts)?;
        if actor.account_id() == Some(id) {
            return Err(AppError::Forbidden);
        }
        self.store.write(|tx| {
            repo::accounts::get(tx, id)?;
            repo::accounts::set_disabled(tx, id, disabled)?;
            if disabled {
                repo::sessions::delete_for_account(tx, id)?;
            }
            let detail = if disabled { "disabled" } else { "enabled" };
            self.audit(tx, Event::new(actor.account_id(), Action::Update, "account", id.to_string()).detail(detail))
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn recovery_codes_are_read_however_they_are_typed() {
        assert_eq!(super::normalise_recovery_code(" AB12c-3d4E5 "), "ab12c3d4e5");
    }
}
