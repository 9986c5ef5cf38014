//! Break-glass reads: a record opened outside the reader's normal reach, allowed with a
//! written reason, audited, and listed for managers until they review it.

use chrono::{DateTime, Utc};
use komek_domain::{AccountId, Capability};
use komek_store::repo::break_glass::{self as repo_bg, BreakGlassRow};
use komek_store::{StoreError, Tx};
use uuid::Uuid;

use crate::audit::{Action, Event};
use crate::{Actor, App, AppError, AppResult};

/// A reason must say something: "need it" is not one.
pub const MIN_REASON_CHARS: usize = 10;

/// The reason given for breaking glass, trimmed, if it says enough.
pub(crate) fn checked_reason(reason: &str) -> AppResult<&str> {
    let reason = reason.trim();
    if reason.chars().count() < MIN_REASON_CHARS {
        return Err(AppError::Invalid(vec![komek_domain::ValidationError::Required { field: "reason" }]));
    }
    Ok(reason)
}

/// A break-glass read awaiting review, as a manager sees it.
#[derive(Debug, Clone)]
pub struct Review {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub username: String,
    pub record_kind: String,
    pub record_id: String,
    pub reason: String,
}

impl App {
    /// Records a break-glass read in the caller's transaction: the sealed reason for review,
    /// and an audit entry pointing to it (the audit log itself never holds the reason).
    pub(crate) fn record_break_glass(
        &self,
        tx: &mut dyn Tx,
        reader: AccountId,
        record_kind: &str,
        record_id: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        let id = Uuid::now_v7();
        let row = BreakGlassRow {
            id,
            at: Utc::now(),
            account_id: reader,
            record_kind: record_kind.to_owned(),
            record_id: record_id.to_owned(),
            reason_enc: self.keys.seal(crate::sealed::break_glass_reason(id), reason.as_bytes()),
        };
        repo_bg::insert(tx, &row)?;
        self.audit(
            tx,
            Event::new(Some(reader), Action::BreakGlass, record_kind, record_id).detail(format!("review {id}")),
        )
    }

    /// Break-glass reads not yet reviewed, oldest first, with their reasons.
    pub fn break_glass_reviews(&self, actor: &Actor) -> AppResult<Vec<Review>> {
        actor.require(Capability::ViewAudit)?;
        Ok(self.audited_read(|tx| {
            let accounts = komek_store::repo::accounts::list(tx)?;
            repo_bg::unreviewed(tx, 500)?
                .into_iter()
                .map(|row| {
                    // The reason may name people: showing it is a read like any other.
                    self.audit(tx, Event::new(actor.account_id(), Action::Read, "break-glass", row.id.to_string()))?;
                    Ok(Review {
                        reason: self.open_text(crate::sealed::break_glass_reason(row.id), &row.reason_enc)?,
                        username: accounts
                            .iter()
                            .find(|a| a.id == row.account_id)
                            .map_or_else(|| row.account_id.to_string(), |a| a.username.clone()),
                        id: row.id,
                        at: row.at,
                        record_kind: row.record_kind,
                        record_id: row.record_id,
                    })
                })
                .collect()
        })?)
    }

    /// A manager has looked at a break-glass read.
    pub fn mark_break_glass_reviewed(&self, actor: &Actor, id: Uuid) -> AppResult<()> {
        actor.require(Capability::ViewAudit)?;
        let reviewer = actor.account_id().ok_or(AppError::Forbidden)?;
        self.store.write(|tx| {
            if !repo_bg::mark_reviewed(tx, id, reviewer)? {
                return Err(StoreError::NotFound);
            }
            self.audit(tx, Event::new(Some(reviewer), Action::Update, "break-glass", id.to_string()).detail("reviewed"))
        })?;
        Ok(())
    }
}
