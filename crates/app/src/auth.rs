//! Accounts, passwords and sessions.
//!
//! Passwords are hashed with Argon2id. A session is a random token in an HttpOnly cookie;
//! the database keeps only its SHA-256, so a stolen database opens no session. Sessions end
//! after an idle time and an absolute time. Ten wrong passwords in a row lock an account for
//! a while; many failures from one address lock that address out: both are audited.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use komek_domain::entities::Account;
use komek_domain::{AccountId, Capability, OfficeId, Role, ValidationError};
use komek_store::repo::{self, sessions::SessionRecord};
use sha2::{Digest, Sha256};

use crate::audit::{Action, Event};
use crate::crypto::random_hex;
use crate::{Actor, App, AppError, AppResult};

/// Shortest password we accept: long enough to resist guessing, short enough to type.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Interface languages for staff.
pub const LANGUAGES: [&str; 3] = ["ru", "kk", "en"];

/// Why a login was refused. Deliberately vague towards the user about which part was wrong.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("wrong username or password")]
    BadCredentials,
    #[error("the account is locked until {until}")]
    Locked { until: DateTime<Utc> },
    #[error("too many failed logins from this address; wait and try again")]
    AddressThrottled,
    #[error("the account is disabled")]
    Disabled,
    #[error(transparent)]
    Internal(#[from] AppError),
}

/// A logged-in session as the web layer holds it.
#[derive(Debug, Clone)]
pub struct Session {
    /// Goes into the cookie; never stored.
    pub token: String,
    pub csrf_token: String,
    pub account: Account,
    /// The second step of sign-in is done, or the account's role does not need it. Until
    /// then the session may do nothing but that step.
    pub second_factor_ok: bool,
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hashes a password with Argon2id and a fresh salt.
pub fn hash_password(password: &str) -> String {
    let mut salt_bytes = [0u8; 16];
    getrandom::fill(&mut salt_bytes).expect("the operating system's random source failed");
    let salt = SaltString::encode_b64(&salt_bytes).expect("16 bytes make a valid salt");
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("Argon2id with default parameters").to_string()
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to verify against when the username is unknown, so that the answer takes as long
/// as for a known one and does not reveal which usernames exist.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password, never valid"))
}

fn check_password_rules(password: &str) -> AppResult<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "password" }]));
    }
    Ok(())
}

/// One gate per account: password checks of one account take turns, so that wrong passwords
/// sent at once cannot all be checked before the first one is counted (and slip past the lock).
#[derive(Debug, Default)]
pub struct AccountGates {
    gates: Mutex<HashMap<AccountId, std::sync::Arc<Mutex<()>>>>,
}

impl AccountGates {
    fn gate(&self, id: AccountId) -> std::sync::Arc<Mutex<()>> {
        self.gates.lock().expect("gates lock").entry(id).or_default().clone()
    }
}

/// Failed logins per client address, kept in memory: enough to slow guessing from one place.
#[derive(Debug, Default)]
pub struct AddressThrottle {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl AddressThrottle {
    fn is_blocked(&self, addr: IpAddr, allowed: u32, window: std::time::Duration) -> bool {
        let map = self.failures.lock().expect("throttle lock");
        map.get(&addr).is_some_and(|(count, since)| *count >= allowed && since.elapsed() < window)
    }

    fn record_failure(&self, addr: IpAddr, window: std::time::Duration) {
        let mut map = self.failures.lock().expect("throttle lock");
        let entry = map.entry(addr).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= window {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }
}

/// A new account and the one-time password to hand to its owner.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub account: Account,
    pub one_time_password: String,
}

impl App {
    /// Checks a username and password; on success opens a session.
    pub fn login(&self, username: &str, password: &str, addr: IpAddr) -> Result<Session, LoginError> {
        let internal = LoginError::Internal;
        let window = self.settings.lock_for;
        if self.throttle.is_blocked(addr, self.settings.address_failures_allowed, window) {
            self.record_login_event(None, Action::LoginFailed, format!("address throttled: {addr}"))
                .map_err(internal)?;
            return Err(LoginError::AddressThrottled);
        }
        let record = self
            .store
            .read(|tx| repo::accounts::by_username(tx, &username.trim().to_lowercase()))
            .map_err(|e| internal(e.into()))?;
        let Some(record) = record else {
            password_matches(password, decoy_hash());
            self.throttle.record_failure(addr, window);
            self.record_login_event(None, Action::LoginFailed, format!("unknown username from {addr}"))
                .map_err(internal)?;
            return Err(LoginError::BadCredentials);
        };
        let id = record.account.id;
        let gate = self.login_gates.gate(id);
        let _turn = gate.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Read again inside the turn: an attempt that went just before may have locked it.
        let record = self.store.read(|tx| repo::accounts::get(tx, id)).map_err(|e| internal(e.into()))?;
        let now = Utc::now();
        if let Some(until) = record.locked_until.filter(|until| *until > now) {
            // As slow as a password check, so the answer's timing tells nothing.
            password_matches(password, decoy_hash());
            self.record_login_event(Some(id), Action::LoginFailed, format!("locked, from {addr}")).map_err(internal)?;
            return Err(LoginError::Locked { until });
        }
        if !password_matches(password, &record.password_hash) {
            self.throttle.record_failure(addr, window);
            let lock_until = now + chrono::Duration::from_std(window).unwrap_or_default();
            let after = self.settings.lock_after_failures;
            let failures = self
                .store
                .write(|tx| {
                    let n = repo::accounts::record_failed_login(tx, id, after, lock_until)?;
                    self.audit(
                        tx,
                        Event::new(Some(id), Action::LoginFailed, "account", id.to_string())
                            .detail(format!("wrong password ({n} in a row) from {addr}")),
                    )?;
                    Ok(n)
                })
                .map_err(|e| internal(e.into()))?;
            return Err(if failures >= after {
                LoginError::Locked { until: lock_until }
            } else {
                LoginError::BadCredentials
            });
        }
        if record.account.disabled {
            self.record_login_event(Some(id), Action::LoginFailed, format!("disabled, from {addr}"))
                .map_err(internal)?;
            return Err(LoginError::Disabled);
        }
        let token = random_hex(32);
        let csrf_token = random_hex(16);
        let second_factor_ok = !record.account.role.requires_second_factor();
        let session = SessionRecord {
            account_id: id,
            csrf_token: csrf_token.clone(),
            created_at: now,
            last_seen_at: now,
            second_factor_ok,
        };
        let locked_meanwhile = self
            .store
            .write(|tx| {
                // Failures racing this login may have locked the account since it was read.
                if repo::accounts::get(tx, id)?.locked_until.is_some_and(|until| until > now) {
                    return Ok(true);
                }
                // With a second step still to come, failures keep counting until it is passed:
                // a right password must not reset the count of wrong codes.
                if second_factor_ok {
                    repo::accounts::clear_failed_logins(tx, id)?;
                }
                repo::sessions::insert(tx, &token_hash(&token), &session)?;
                self.audit(
                    tx,
                    Event::new(Some(id), Action::Login, "account", id.to_string()).detail(format!("from {addr}")),
                )?;
                Ok(false)
            })
            .map_err(|e| internal(e.into()))?;
        if locked_meanwhile {
            let until = self.store.read(|tx| repo::accounts::get(tx, id)).map_err(|e| internal(e.into()))?.locked_until;
            return Err(LoginError::Locked { until: until.unwrap_or(now) });
        }
        Ok(Session { token, csrf_token, account: record.account, second_factor_ok })
    }

    fn record_login_event(&self, id: Option<AccountId>, action: Action, detail: String) -> AppResult<()> {
        let record_id = id.map_or_else(|| "unknown".to_owned(), |i| i.to_string());
        self.store.write(|tx| self.audit(tx, Event::new(id, action, "account", record_id).detail(detail)))?;
        Ok(())
    }

    /// Records a refused form (a CSRF token that is not the session's): a security event.
    pub fn record_refused_form(&self, actor: &Actor, path: &str) -> AppResult<()> {
        let id = actor.account_id();
        let detail = format!("form refused (CSRF token mismatch) at {path}");
        self.store.write(|tx| self.audit(tx, Event::new(id, Action::Update, "security", "csrf").detail(detail)))?;
        Ok(())
    }

    /// The session behind a cookie token, if it is still alive; refreshes its idle timer.
    pub fn session(&self, token: &str) -> AppResult<Session> {
        let hash = token_hash(token);
        let now = Utc::now();
        let idle = chrono::Duration::from_std(self.settings.session_idle).unwrap_or_default();
        let absolute = chrono::Duration::from_std(self.settings.session_absolute).unwrap_or_default();
        let (record, account) = self
            .store
            .read(|tx| {
                let Some(record) = repo::sessions::get(tx, &hash)? else { return Ok(None) };
                let account = repo::accounts::get(tx, record.account_id)?.account;
                Ok(Some((record, account)))
            })?
            .ok_or(AppError::SessionEnded)?;
        if account.disabled || now - record.last_seen_at > idle || now - record.created_at > absolute {
            self.store.write(|tx| repo::sessions::delete(tx, &hash))?;
            return Err(AppError::SessionEnded);
        }
        // Touch at most once a minute: a page view should not always cost a write.
        if now - record.last_seen_at > chrono::Duration::seconds(60) {
            self.store.write(|tx| repo::sessions::touch(tx, &hash, now))?;
        }
        Ok(Session {
            token: token.to_owned(),
            csrf_token: record.csrf_token,
            account,
            second_factor_ok: record.second_factor_ok,
        })
    }

    pub fn logout(&self, session: &Session) -> AppResult<()> {
        let id = session.account.id;
        self.store.write(|tx| {
            repo::sessions::delete(tx, &token_hash(&session.token))?;
            self.audit(tx, Event::new(Some(id), Action::Logout, "account", id.to_string()))
        })?;
        Ok(())
    }

    /// Ends every session of the actor's account ("log out everywhere").
    pub fn logout_everywhere(&self, actor: &Actor) -> AppResult<u64> {
        let id = actor.account_id().ok_or(AppError::Forbidden)?;
        Ok(self.store.write(|tx| {
            let n = repo::sessions::delete_for_account(tx, id)?;
            self.audit(
                tx,
                Event::new(Some(id), Action::Logout, "account", id.to_string())
                    .detail(format!("everywhere: {n} sessions")),
            )?;
            Ok(n)
        })?)
    }

    /// Changes the session's own password after checking the current one; every other session
    /// of the account ends. Wrong current passwords count towards the lock like wrong logins.
    pub fn change_password(&self, session: &Session, current: &str, new: &str) -> AppResult<()> {
        let id = session.account.id;
        let record = self.store.read(|tx| repo::accounts::get(tx, id))?;
        if record.locked_until.is_some_and(|until| until > Utc::now()) {
            return Err(AppError::SessionEnded);
        }
        if !password_matches(current, &record.password_hash) {
            let lock_until = Utc::now() + chrono::Duration::from_std(self.settings.lock_for).unwrap_or_default();
            let after = self.settings.lock_after_failures;
            self.store.write(|tx| {
                let n = repo::accounts::record_failed_login(tx, id, after, lock_until)?;
                let event = Event::new(Some(id), Action::LoginFailed, "account", id.to_string());
                self.audit(tx, event.detail(format!("wrong current password on the password page ({n} in a row)")))
            })?;
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "current_password" }]));
        }
        check_password_rules(new)?;
        if new == current {
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "new_password" }]));
        }
        let hash = hash_password(new);
        let keep = token_hash(&session.token);
        self.store.write(|tx| {
            repo::accounts::set_password(tx, id, &hash, false)?;
            repo::sessions::delete_others(tx, id, &keep)?;
            self.audit(tx, Event::new(Some(id), Action::PasswordChanged, "account", id.to_string()))
        })?;
        Ok(())
    }

    /// Remembers the actor's interface language.
    pub fn set_language(&self, actor: &Actor, language: &str) -> AppResult<()> {
        let id = actor.account_id().ok_or(AppError::Forbidden)?;
        if !LANGUAGES.contains(&language) {
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "language" }]));
        }
        self.store.write(|tx| repo::accounts::set_language(tx, id, language))?;
        Ok(())
    }

    /// Creates a staff account with a one-time password it must change at first login.
    pub fn create_account(
        &self,
        actor: &Actor,
        username: &str,
        display_name: &str,
        role: Role,
        office_id: OfficeId,
        language: &str,
    ) -> AppResult<NewAccount> {
        actor.require(Capability::ManageAccounts)?;
        let username = username.trim().to_lowercase();
        let mut errors = Vec::new();
        if username.is_empty()
            || username.len() > 64
            || !username.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            errors.push(ValidationError::Invalid { field: "username" });
        }
        if display_name.trim().is_empty() {
            errors.push(ValidationError::Required { field: "display_name" });
        }
        if !LANGUAGES.contains(&language) {
            errors.push(ValidationError::Invalid { field: "language" });
        }
        AppError::invalid(errors)?;
        let account = Account {
            id: AccountId::new(),
            office_id,
            username,
            display_name: display_name.trim().to_owned(),
            role,
            language: language.to_owned(),
            must_change_password: true,
            disabled: false,
        };
        let one_time_password = random_hex(8);
        let hash = hash_password(&one_time_password);
        self.store.write(|tx| {
            repo::offices::get(tx, office_id)?;
            repo::accounts::insert(tx, &account, &hash)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Create, "account", account.id.to_string())
                    .detail(format!("role {}", role.code())),
            )
        })?;
        Ok(NewAccount { account, one_time_password })
    }

    /// Sets a known password on an account (the demo and tests; never exposed over HTTP).
    pub fn set_password_directly(&self, actor: &Actor, id: AccountId, password: &str) -> AppResult<()> {
        actor.require(Capability::ManageAccounts)?;
        check_password_rules(password)?;
        let hash = hash_password(password);
        self.store.write(|tx| {
            repo::accounts::set_password(tx, id, &hash, false)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::PasswordChanged, "account", id.to_string())
                    .detail("set by administrator"),
            )
        })?;
        Ok(())
    }

    /// Every account with whether its second factor is set up, for the accounts page.
    pub fn account_overview(&self, actor: &Actor) -> AppResult<Vec<(Account, bool)>> {
        actor.require(Capability::ManageAccounts)?;
        Ok(self.store.read(|tx| {
            let enrolled = repo::accounts::enrolled(tx)?;
            Ok(repo::accounts::list(tx)?.into_iter().map(|a| (a.clone(), enrolled.contains(&a.id))).collect())
        })?)
    }

    /// Colleagues' names and offices, for lists that say who registered or leads what.
    /// Any staff role that works with records may know who its colleagues are.
    pub fn staff_names(&self, actor: &Actor) -> AppResult<Vec<(AccountId, String, OfficeId)>> {
        if !actor.can(Capability::RegisterAppeals) && !actor.can(Capability::ViewCases) {
            return Err(AppError::Forbidden);
        }
        Ok(self.store.read(repo::accounts::list)?.into_iter().map(|a| (a.id, a.display_name, a.office_id)).collect())
    }

    pub fn accounts(&self, actor: &Actor) -> AppResult<Vec<Account>> {
        actor.require(Capability::ManageAccounts)?;
        Ok(self.store.read(repo::accounts::list)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("correct horse battery", &hash));
        assert!(!password_matches("correct horse batterY", &hash));
        assert!(!password_matches("x", "not a hash"));
    }

    #[test]
    fn an_address_is_blocked_after_its_allowance_and_freed_after_the_window() {
        let t = AddressThrottle::default();
        let addr: IpAddr = "127.0.0.9".parse().unwrap();
        let window = std::time::Duration::from_secs(60);
        for _ in 0..3 {
            assert!(!t.is_blocked(addr, 3, window));
            t.record_failure(addr, window);
        }
        assert!(t.is_blocked(addr, 3, window));
        assert!(!t.is_blocked(addr, 3, std::time::Duration::ZERO));
    }
}
