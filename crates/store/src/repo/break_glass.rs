//! Break-glass reads and their review.

use chrono::{DateTime, Utc};
use komek_domain::AccountId;
use uuid::Uuid;

use crate::sql::Tx;
use crate::{StoreError, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakGlassRow {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub account_id: AccountId,
    pub record_kind: String,
    pub record_id: String,
    pub reason_enc: Vec<u8>,
}

pub fn insert(tx: &mut dyn Tx, row: &BreakGlassRow) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO break_glass (id, at, account_id, record_kind, record_id, reason_enc) VALUES ($1, $2, $3, $4, $5, $6)",
        params![row.id, row.at, row.account_id, &row.record_kind, &row.record_id, row.reason_enc.clone()],
    )?;
    Ok(())
}

/// Reads not yet reviewed, oldest first.
pub fn unreviewed(tx: &mut dyn Tx, limit: i64) -> Result<Vec<BreakGlassRow>, StoreError> {
    tx.query(
        "SELECT id, at, account_id, record_kind, record_id, reason_enc FROM break_glass
         WHERE reviewed_at IS NULL ORDER BY at LIMIT $1",
        params![limit],
    )?
    .iter()
    .map(|r| {
        Ok(BreakGlassRow {
            id: r.get(0)?,
            at: r.get(1)?,
            account_id: r.get(2)?,
            record_kind: r.get(3)?,
            record_id: r.get(4)?,
            reason_enc: r.get(5)?,
        })
    })
    .collect()
}

/// Marks a read reviewed; false when it does not exist or was reviewed already.
pub fn mark_reviewed(tx: &mut dyn Tx, id: Uuid, reviewer: AccountId) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE break_glass SET reviewed_by = $2, reviewed_at = $3 WHERE id = $1 AND reviewed_at IS NULL",
        params![id, reviewer, Utc::now()],
    )? == 1)
}
