//! Per-user API tokens: how programs (a hotline bot, a partner's case system, a report
//! script) act as a staff member through the JSON API.
//!
//! An administrator makes a token for an account; the secret is shown once and only its
//! SHA-256 is kept, as for sessions. A request carrying it acts as that account, under the
//! same access rules and audit as the account's own pages: the token adds no rights. Every
//! creation, revocation and refused token is audited. Must not know about HTTP.

use chrono::{DateTime, Utc};
use komek_domain::limits::MAX_SHORT_CHARS;
use komek_domain::{AccountId, Capability, ValidationError};
use komek_store::repo::{self, api_tokens::ApiTokenRecord};
use uuid::Uuid;

use crate::audit::{Action, Event};
use crate::auth::token_hash;
use crate::crypto::random_hex;
use crate::{Actor, App, AppError, AppResult};

/// The audit log's record kind for tokens.
const KIND: &str = "api-token";
/// Every secret starts with this, so that secret scanners and people recognise one in a
/// log, a paste or a repository.
pub const SECRET_PREFIX: &str = "komek_";
/// Random bytes in a secret: as many as a session token.
const SECRET_BYTES: usize = 32;
/// Last use is recorded at most this often: an API call should not always cost a write.
const TOUCH_EVERY: chrono::Duration = chrono::Duration::seconds(60);

/// A token's id: what lists show and revocation takes (never the secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ApiTokenId(pub Uuid);

impl std::fmt::Display for ApiTokenId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for ApiTokenId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim()).map(Self)
    }
}

/// A token as listed to administrators: never its secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    pub id: ApiTokenId,
    pub account_id: AccountId,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiTokenRecord> for ApiTokenInfo {
    fn from(r: ApiTokenRecord) -> Self {
        Self {
            id: ApiTokenId(r.id),
            account_id: r.account_id,
            label: r.label,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}

/// A token just made: its id (to revoke it by) and the secret, shown only now.
#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub id: ApiTokenId,
    pub secret: String,
}

impl App {
    /// Makes a token that acts as `account`. Administrators (and the system) only: a token is
    /// a credential, handed to a program by whoever runs the instance. The label says what the
    /// token is for; it is shown in lists but kept out of the audit log, which holds ids only.
    pub fn create_api_token(&self, actor: &Actor, account: AccountId, label: &str) -> AppResult<NewApiToken> {
        actor.require(Capability::ManageAccounts)?;
        let label = label.trim();
        if label.is_empty() {
            return Err(AppError::Invalid(vec![ValidationError::Required { field: "label" }]));
        }
        if label.chars().count() > MAX_SHORT_CHARS {
            return Err(AppError::Invalid(vec![ValidationError::TooLong { field: "label", max: MAX_SHORT_CHARS }]));
        }
        let secret = format!("{SECRET_PREFIX}{}", random_hex(SECRET_BYTES));
        let record = ApiTokenRecord {
            id: Uuid::now_v7(),
            account_id: account,
            label: label.to_owned(),
            created_at: now_millis(),
            last_used_at: None,
            revoked_at: None,
        };
        self.store.write(|tx| {
            repo::accounts::get(tx, account)?;
            repo::api_tokens::insert(tx, &token_hash(&secret), &record)?;
            let event = Event::new(actor.account_id(), Action::Create, KIND, record.id.to_string());
            self.audit(tx, event.detail(format!("for account {account}")))
        })?;
        Ok(NewApiToken { id: ApiTokenId(record.id), secret })
    }

    /// The staff member a token acts as. Refuses (with `SessionEnded`, and an audit entry) a
    /// token that is unknown, revoked, or whose account is disabled. An account whose role
    /// needs a second factor is still served: the token was made for it by an administrator
    /// and is itself the credential, and a program cannot type a code from a phone. For the same
    /// reason a one-time password not yet changed, or a lock after wrong passwords, does not
    /// stop a token: those guard the password, which a token does not use.
    pub fn api_actor(&self, secret: &str) -> AppResult<Actor> {
        let hash = token_hash(secret);
        let found = self.store.read(|tx| {
            let Some(token) = repo::api_tokens::by_hash(tx, &hash)? else { return Ok(None) };
            let account = repo::accounts::get(tx, token.account_id)?.account;
            Ok(Some((token, account)))
        })?;
        let (token, account) = match found {
            None => return self.refuse_api_token(None, "unknown".to_owned(), "unknown API token"),
            Some((token, _)) if token.revoked_at.is_some() => {
                return self.refuse_api_token(Some(token.account_id), token.id.to_string(), "revoked API token");
            }
            Some((token, account)) if account.disabled => {
                let why = "API token of a disabled account";
                return self.refuse_api_token(Some(token.account_id), token.id.to_string(), why);
            }
            Some(live) => live,
        };
        let now = Utc::now();
        if token.last_used_at.is_none_or(|used| now - used > TOUCH_EVERY) {
            self.store.write(|tx| repo::api_tokens::touch(tx, token.id, now))?;
        }
        Ok(Actor::Staff(account))
    }

    /// Records a refused token (a security event, like a failed login) and refuses it.
    fn refuse_api_token(&self, account: Option<AccountId>, record_id: String, why: &str) -> AppResult<Actor> {
        self.store.write(|tx| self.audit(tx, Event::new(account, Action::LoginFailed, KIND, record_id).detail(why)))?;
        Err(AppError::SessionEnded)
    }

    /// Revokes a token at once; revoking one already revoked changes nothing.
    pub fn revoke_api_token(&self, actor: &Actor, id: ApiTokenId) -> AppResult<()> {
        actor.require(Capability::ManageAccounts)?;
        let ApiTokenId(id) = id;
        self.store.write(|tx| {
            let token = repo::api_tokens::get(tx, id)?;
            if repo::api_tokens::revoke(tx, id, now_millis())? {
                let event = Event::new(actor.account_id(), Action::Delete, KIND, id.to_string());
                self.audit(tx, event.detail(format!("for account {}", token.account_id)))?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Every token, or one account's, oldest first, revoked ones included (marked).
    pub fn api_tokens(&self, actor: &Actor, account: Option<AccountId>) -> AppResult<Vec<ApiTokenInfo>> {
        actor.require(Capability::ManageAccounts)?;
        Ok(self.store.read(|tx| repo::api_tokens::list(tx, account))?.into_iter().map(Into::into).collect())
    }
}

/// The store keeps milliseconds: a record made here reads back equal.
fn now_millis() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).expect("now is a valid timestamp")
}
