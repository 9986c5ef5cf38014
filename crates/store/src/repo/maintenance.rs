//! One-off work left by migrations for the application (which holds the keys) to finish.

use crate::sql::Tx;
use crate::{StoreError, params};

/// Re-index every person's blind index with the current token rules.
pub const REINDEX_PERSONS: &str = "reindex-persons";
/// Re-index every party's blind index with the current token rules.
pub const REINDEX_PARTIES: &str = "reindex-parties";
/// Count every party's standing among the repeat offenders (`parties::recount`).
pub const RECOUNT_OFFENDERS: &str = "recount-offenders";

pub fn pending(tx: &mut dyn Tx) -> Result<Vec<String>, StoreError> {
    tx.query("SELECT task FROM maintenance_pending ORDER BY task", &[])?.iter().map(|r| r.get(0)).collect()
}

pub fn done(tx: &mut dyn Tx, task: &str) -> Result<(), StoreError> {
    tx.execute("DELETE FROM maintenance_pending WHERE task = $1", params![task])?;
    Ok(())
}
