//! The audit log: every change, every read of identifying data, every login, appended in
//! the same transaction as the thing it records, each entry chained to the previous one by
//! a keyed hash. `verify` walks the chain and names the first entry that does not fit.

use chrono::{DateTime, Utc};
use komek_domain::AccountId;
use komek_store::repo::audit::{self, AuditRow};
use komek_store::{Store, StoreError, Tx};

use crate::crypto::Keys;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    /// Identifying data was shown to someone.
    Read,
    /// A search over identifying data (the record id is the kind searched).
    Search,
    Export,
    Login,
    LoginFailed,
    Logout,
    PasswordChanged,
    /// A read outside the reader's normal reach, with a reason.
    BreakGlass,
    KeyRotated,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Read,
        Self::Search,
        Self::Export,
        Self::Login,
        Self::LoginFailed,
        Self::Logout,
        Self::PasswordChanged,
        Self::BreakGlass,
        Self::KeyRotated,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Read => "read",
            Self::Search => "search",
            Self::Export => "export",
            Self::Login => "login",
            Self::LoginFailed => "login-failed",
            Self::Logout => "logout",
            Self::PasswordChanged => "password-changed",
            Self::BreakGlass => "break-glass",
            Self::KeyRotated => "key-rotated",
        }
    }
}

/// One thing to record. `detail` must never hold identifying data: ids and codes only.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub actor: Option<AccountId>,
    pub action: Action,
    pub record_kind: &'a str,
    pub record_id: String,
    pub detail: String,
}

impl<'a> Event<'a> {
    pub fn new(actor: Option<AccountId>, action: Action, record_kind: &'a str, record_id: impl Into<String>) -> Self {
        Self { actor, action, record_kind, record_id: record_id.into(), detail: String::new() }
    }

    pub fn detail(self, detail: impl Into<String>) -> Self {
        Self { detail: detail.into(), ..self }
    }
}

/// Which entries the log page shows; `None` matches everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub username: Option<String>,
    pub record_id: Option<String>,
    pub action: Option<String>,
}

/// An entry as the log page shows it, with the account's username.
#[derive(Debug, Clone)]
pub struct Line {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// `None` for the system (the command line, the demo generator) or an unknown username.
    pub username: Option<String>,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub detail: String,
}

impl crate::App {
    /// The newest entries matching `filter`, for managers and administrators.
    pub fn audit_log(&self, actor: &crate::Actor, filter: &Filter, limit: i64) -> crate::AppResult<Vec<Line>> {
        actor.require(komek_domain::Capability::ViewAudit)?;
        Ok(self.store.read(|tx| {
            let accounts = komek_store::repo::accounts::list(tx)?;
            let account_id = match &filter.username {
                Some(name) => match accounts.iter().find(|a| &a.username == name) {
                    Some(a) => Some(a.id.to_string()),
                    None => return Ok(Vec::new()),
                },
                None => None,
            };
            let rows =
                audit::search(tx, account_id.as_deref(), filter.record_id.as_deref(), filter.action.as_deref(), limit)?;
            Ok(rows
                .into_iter()
                .map(|r| Line {
                    username: r
                        .account_id
                        .as_ref()
                        .and_then(|id| accounts.iter().find(|a| &a.id.to_string() == id))
                        .map(|a| a.username.clone()),
                    seq: r.seq,
                    at: r.at,
                    action: r.action,
                    record_kind: r.record_kind,
                    record_id: r.record_id,
                    detail: r.detail,
                })
                .collect())
        })?)
    }

    /// Usernames of every account, for the log page's filter.
    pub fn audit_usernames(&self, actor: &crate::Actor) -> crate::AppResult<Vec<String>> {
        actor.require(komek_domain::Capability::ViewAudit)?;
        Ok(self.store.read(komek_store::repo::accounts::list)?.into_iter().map(|a| a.username).collect())
    }

    /// Walks the whole audit chain (see [`verify`]).
    pub fn verify_audit(&self, actor: &crate::Actor) -> crate::AppResult<Verdict> {
        actor.require(komek_domain::Capability::ViewAudit)?;
        Ok(verify(&self.store, &self.keys)?)
    }

    /// Records `event` in the caller's transaction (see [`record`]).
    pub(crate) fn audit(&self, tx: &mut dyn Tx, event: Event<'_>) -> Result<(), StoreError> {
        record(tx, &self.keys, event)
    }
}

fn entry_hash(keys: &Keys, row: &AuditRow) -> String {
    keys.audit_mac(&[
        row.prev_hash.as_bytes(),
        &row.seq.to_be_bytes(),
        &row.at.timestamp_millis().to_be_bytes(),
        row.account_id.as_deref().unwrap_or("").as_bytes(),
        row.action.as_bytes(),
        row.record_kind.as_bytes(),
        row.record_id.as_bytes(),
        row.detail.as_bytes(),
    ])
}

/// Appends `event` inside the caller's transaction: the entry exists exactly when the change does.
pub fn record(tx: &mut dyn Tx, keys: &Keys, event: Event<'_>) -> Result<(), StoreError> {
    let (seq, prev_hash) = audit::lock_head(tx)?;
    let mut row = AuditRow {
        seq: seq + 1,
        at: now_millis(),
        account_id: event.actor.map(|a| a.to_string()),
        action: event.action.code().to_owned(),
        record_kind: event.record_kind.to_owned(),
        record_id: event.record_id,
        detail: event.detail,
        prev_hash,
        hash: String::new(),
    };
    row.hash = entry_hash(keys, &row);
    audit::append(tx, &row)
}

/// Milliseconds are what the store keeps: hash exactly what will be read back.
fn now_millis() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Utc::now().timestamp_millis()).expect("now is a valid timestamp")
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The whole chain holds; this many entries checked.
    Intact { entries: i64 },
    /// The first entry (by sequence number) where the chain breaks, and why.
    Broken { seq: i64, reason: String },
}

/// Walks the whole chain in pages, never holding it all in memory.
pub fn verify(store: &Store, keys: &Keys) -> Result<Verdict, StoreError> {
    const PAGE: i64 = 5_000;
    let (head_seq, head_hash) = store.read(audit::head)?;
    let mut expected_seq = 1;
    let mut prev_hash = String::new();
    loop {
        let rows = store.read(|tx| audit::page(tx, expected_seq - 1, PAGE))?;
        let last_page = (rows.len() as i64) < PAGE;
        for row in rows {
            // Entries written while the check runs are after the head it started from.
            if row.seq > head_seq {
                break;
            }
            if row.seq != expected_seq {
                let reason = if row.seq > expected_seq {
                    format!("entries {expected_seq} to {} are missing", row.seq - 1)
                } else {
                    "sequence numbers are out of order".to_owned()
                };
                return Ok(Verdict::Broken { seq: expected_seq, reason });
            }
            if row.prev_hash != prev_hash {
                return Ok(Verdict::Broken {
                    seq: row.seq,
                    reason: "it does not follow the entry before it (removed, inserted or reordered)".into(),
                });
            }
            if entry_hash(keys, &row) != row.hash {
                return Ok(Verdict::Broken { seq: row.seq, reason: "its content was changed".into() });
            }
            prev_hash = row.hash;
            expected_seq += 1;
        }
        if last_page {
            break;
        }
    }
    let checked = expected_seq - 1;
    if checked != head_seq || prev_hash != head_hash {
        return Ok(Verdict::Broken {
            seq: checked + 1,
            reason: format!(
                "the log ends at entry {checked} but {head_seq} were written (entries removed from the end)"
            ),
        });
    }
    Ok(Verdict::Intact { entries: checked })
}
