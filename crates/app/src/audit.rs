//! The audit log: every change, every read of identifying data, every login, each entry
//! chained to the previous one by a keyed hash. `verify` walks the chain and names the first
//! entry that does not fit.
//!
//! A change is recorded in its own transaction: the entry exists exactly when the change
//! does. A read runs in a read transaction ([`App::audited_read`]) and hands its entries to
//! the [`Appender`], which writes the entries of every read waiting at that moment in one
//! transaction (one lock of the chain's head, one commit) and only then lets each read
//! answer. Reads thus never queue one by one on the head, and nothing read is shown before
//! its entry is committed. An entry's time is when it was appended, just after the read; a
//! record changed or deleted in between is still recorded as read, which it was, as of the
//! read's snapshot.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

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

/// The detail of a search's one entry: what it looked through, then `shown` and the id of
/// every record it showed, so that filtering the log by a record's id finds the searches
/// that showed it (see `repo::audit::search`).
pub(crate) fn search_detail<I: std::fmt::Display>(looked: String, shown: impl Iterator<Item = I>) -> String {
    let mut detail = looked;
    detail.push_str(", shown");
    for id in shown {
        detail.push(' ');
        detail.push_str(&id.to_string());
    }
    detail
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

    /// Opens a sealed identity for `actor` and records the read in the same transaction:
    /// identifying data is never shown without its audit entry.
    pub(crate) fn read_sealed_json<T: serde::de::DeserializeOwned>(
        &self,
        tx: &mut dyn Tx,
        actor: &crate::Actor,
        at: crate::crypto::FieldRef<'_>,
        sealed: &[u8],
    ) -> Result<T, StoreError> {
        let value = self.open_json_unaudited(at, sealed)?;
        self.audit(tx, Event::new(actor.account_id(), Action::Read, at.kind, at.id.to_string()))?;
        Ok(value)
    }

    /// Records a merge of two records of one `kind` on both: the duplicate removed, "merged
    /// into" the one kept, and the one kept updated, having "absorbed" it.
    pub(crate) fn audit_merge(
        &self,
        tx: &mut dyn Tx,
        actor: &crate::Actor,
        kind: &'static str,
        keep: impl std::fmt::Display,
        duplicate: impl std::fmt::Display,
    ) -> Result<(), StoreError> {
        let (keep, duplicate) = (keep.to_string(), duplicate.to_string());
        let merged = format!("merged into {keep}");
        self.audit(tx, Event::new(actor.account_id(), Action::Delete, kind, duplicate.clone()).detail(merged))?;
        let absorbed = format!("absorbed {duplicate}");
        self.audit(tx, Event::new(actor.account_id(), Action::Update, kind, keep).detail(absorbed))
    }

    /// Records that a page listed the names of `shown` among `asked` records of one `kind`:
    /// one entry, as a search's, that the log's record filter finds under each of them.
    pub(crate) fn audit_names_listed<I: std::fmt::Display>(
        &self,
        tx: &mut dyn Tx,
        actor: &crate::Actor,
        kind: &'static str,
        asked: usize,
        shown: impl Iterator<Item = I>,
    ) -> Result<(), StoreError> {
        let detail = search_detail(format!("names of {asked} listed"), shown);
        self.audit(tx, Event::new(actor.account_id(), Action::Read, kind, "names").detail(detail))
    }

    /// Records `event`: in the caller's transaction when it writes (see [`record`]); from a
    /// read transaction, kept for the [`Appender`], which commits it before the read returns.
    pub(crate) fn audit(&self, tx: &mut dyn Tx, event: Event<'_>) -> Result<(), StoreError> {
        if tx.writable() {
            return record(tx, &self.keys, event);
        }
        PENDING.with(|pending| match pending.borrow_mut().as_mut() {
            Some(events) => {
                events.push(Pending::from(event));
                Ok(())
            }
            None => Err(StoreError::Invalid("an audited read ran outside App::audited_read".into())),
        })
    }

    /// Runs `f` in a read transaction; the reads it audits are committed to the log (with
    /// those of other reads waiting at the same time) before this returns. When they cannot
    /// be, the read fails: nothing it read is shown.
    pub(crate) fn audited_read<T>(
        &self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let outer = PENDING.with(|p| p.borrow_mut().replace(Vec::new()));
        // Put back whatever an enclosing read was collecting, even if `f` panics.
        struct Restore(Option<Option<Vec<Pending>>>);
        impl Drop for Restore {
            fn drop(&mut self) {
                if let Some(outer) = self.0.take() {
                    PENDING.with(|p| *p.borrow_mut() = outer);
                }
            }
        }
        let restore = Restore(Some(outer));
        let result = self.store.read(f);
        let events = PENDING.with(|p| p.borrow_mut().take()).unwrap_or_default();
        drop(restore);
        let value = result?;
        self.appender.append(&self.store, &self.keys, events)?;
        Ok(value)
    }

    /// Records reads made outside any transaction (a file opened from what a read returned).
    pub(crate) fn audit_reads(&self, events: Vec<Event<'_>>) -> Result<(), StoreError> {
        self.appender.append(&self.store, &self.keys, events.into_iter().map(Pending::from).collect())
    }

    /// How many transactions the appender has committed for reads; for tests.
    #[doc(hidden)]
    pub fn audit_read_commits(&self) -> u64 {
        self.appender.lock().commits
    }

    /// Reads whose entries wait for the appender (not yet taken into a batch); for tests.
    #[doc(hidden)]
    pub fn audit_reads_waiting(&self) -> usize {
        self.appender.lock().waiting.len()
    }

    /// Holds the appender before its next commit until the guard is dropped, so that a test
    /// can queue reads behind it and see them committed together.
    #[doc(hidden)]
    pub fn hold_audit_appends(&self) -> MutexGuard<'_, ()> {
        self.appender.gate.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

thread_local! {
    /// The entries of the audited read running on this thread, while it runs.
    static PENDING: RefCell<Option<Vec<Pending>>> = const { RefCell::new(None) };
}

/// An [`Event`] waiting for the appender.
#[derive(Debug, Clone)]
struct Pending {
    actor: Option<AccountId>,
    action: Action,
    record_kind: String,
    record_id: String,
    detail: String,
}

impl From<Event<'_>> for Pending {
    fn from(e: Event<'_>) -> Self {
        Self {
            actor: e.actor,
            action: e.action,
            record_kind: e.record_kind.to_owned(),
            record_id: e.record_id,
            detail: e.detail,
        }
    }
}

/// Appends the entries of reads for an [`App`](crate::App) and its clones, in groups: each
/// read queues its entries; the first that finds nobody committing commits everything
/// queued (its own and others') in one transaction, then wakes them all with the outcome;
/// one queued meanwhile leads the next group. A failed group fails every read in it.
#[derive(Default)]
pub(crate) struct Appender {
    queue: Mutex<Queue>,
    done: Condvar,
    gate: Mutex<()>,
}

#[derive(Default)]
struct Queue {
    next_ticket: u64,
    waiting: Vec<(u64, Vec<Pending>)>,
    committing: bool,
    outcomes: HashMap<u64, Result<(), StoreError>>,
    commits: u64,
}

impl Appender {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns once `events` are committed (at once when there are none).
    fn append(&self, store: &Store, keys: &Keys, events: Vec<Pending>) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        let mut queue = self.lock();
        let ticket = queue.next_ticket;
        queue.next_ticket += 1;
        queue.waiting.push((ticket, events));
        loop {
            if let Some(outcome) = queue.outcomes.remove(&ticket) {
                return outcome;
            }
            if queue.committing {
                queue = self.done.wait(queue).unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            queue.committing = true;
            let batch = std::mem::take(&mut queue.waiting);
            drop(queue);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _gate = self.gate.lock().unwrap_or_else(PoisonError::into_inner);
                store.write(|tx| record_all(tx, keys, batch.iter().flat_map(|(_, events)| events)))
            }))
            .unwrap_or_else(|_| Err(StoreError::Invalid("appending to the audit log failed".into())));
            queue = self.lock();
            queue.committing = false;
            if outcome.is_ok() {
                queue.commits += 1;
            }
            for (t, _) in &batch {
                queue.outcomes.insert(*t, outcome.clone());
            }
            self.done.notify_all();
        }
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
    record_all(tx, keys, [&Pending::from(event)])
}

/// Appends `events` in order inside the caller's transaction, under one lock of the head.
fn record_all<'e>(
    tx: &mut dyn Tx,
    keys: &Keys,
    events: impl IntoIterator<Item = &'e Pending>,
) -> Result<(), StoreError> {
    let (mut seq, mut prev_hash) = audit::lock_head(tx)?;
    let at = now_millis();
    let mut rows = Vec::new();
    for event in events {
        seq += 1;
        let mut row = AuditRow {
            seq,
            at,
            account_id: event.actor.map(|a| a.to_string()),
            action: event.action.code().to_owned(),
            record_kind: event.record_kind.clone(),
            record_id: event.record_id.clone(),
            detail: event.detail.clone(),
            prev_hash: std::mem::take(&mut prev_hash),
            hash: String::new(),
        };
        row.hash = entry_hash(keys, &row);
        prev_hash = row.hash.clone();
        rows.push(row);
    }
    audit::append_all(tx, &rows)
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
