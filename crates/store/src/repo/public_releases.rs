//! The ledger of public releases and the yearly privacy budget.

use chrono::{DateTime, NaiveDate, Utc};
pub use komek_domain::public_release::Mode;
use komek_domain::{AccountId, OfficeId};
use uuid::Uuid;

use crate::sql::Tx;
use crate::{StoreError, params};

/// One release made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRow {
    pub id: Uuid,
    pub made_at: DateTime<Utc>,
    /// `None`: the command line.
    pub made_by: Option<AccountId>,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// `None`: every office.
    pub office_id: Option<OfficeId>,
    pub mode: Mode,
    /// The figures published, as JSON.
    pub figures: String,
}

fn to_i64(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::Invalid(format!("{n} is too large")))
}

pub fn insert(tx: &mut dyn Tx, row: &ReleaseRow) -> Result<(), StoreError> {
    let (mode, threshold, epsilon) = match row.mode {
        Mode::Suppression { threshold } => ("suppression", Some(to_i64(threshold)?), None),
        Mode::Private { epsilon_milli } => ("private", None, Some(to_i64(epsilon_milli)?)),
    };
    tx.execute(
        "INSERT INTO public_releases (id, made_at, made_by, period_from, period_to, office_id, mode, threshold,
                                      epsilon_milli, figures)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        params![
            row.id,
            row.made_at,
            row.made_by,
            row.period_from,
            row.period_to,
            row.office_id,
            mode,
            threshold,
            epsilon,
            &row.figures
        ],
    )?;
    Ok(())
}

/// Every release made, oldest first.
pub fn all(tx: &mut dyn Tx) -> Result<Vec<ReleaseRow>, StoreError> {
    tx.query(
        "SELECT id, made_at, made_by, period_from, period_to, office_id, mode, threshold, epsilon_milli, figures
         FROM public_releases ORDER BY made_at, id",
        &[],
    )?
    .iter()
    .map(|r| {
        let mode: String = r.get(6)?;
        let count = |n: Option<i64>| {
            n.and_then(|n| u64::try_from(n).ok())
                .ok_or_else(|| StoreError::Invalid(format!("a {mode} release lacks its figure")))
        };
        let mode = match mode.as_str() {
            "suppression" => Mode::Suppression { threshold: count(r.get(7)?)? },
            "private" => Mode::Private { epsilon_milli: count(r.get(8)?)? },
            other => return Err(StoreError::Invalid(format!("unknown release mode {other:?}"))),
        };
        Ok(ReleaseRow {
            id: r.get(0)?,
            made_at: r.get(1)?,
            made_by: r.get(2)?,
            period_from: r.get(3)?,
            period_to: r.get(4)?,
            office_id: r.get(5)?,
            mode,
            figures: r.get(9)?,
        })
    })
    .collect()
}

/// The ε a calendar year's private releases may spend together, in thousandths.
pub fn budget_per_year(tx: &mut dyn Tx) -> Result<u64, StoreError> {
    let n = tx.query_i64("SELECT epsilon_per_year_milli FROM privacy_budget WHERE id = 1", &[])?;
    u64::try_from(n).map_err(|_| StoreError::Invalid(format!("privacy budget {n}")))
}

/// Sets it; returns the one it replaces.
pub fn set_budget_per_year(tx: &mut dyn Tx, epsilon_milli: u64) -> Result<u64, StoreError> {
    let before = budget_per_year(tx)?;
    tx.execute("UPDATE privacy_budget SET epsilon_per_year_milli = $1 WHERE id = 1", params![to_i64(epsilon_milli)?])?;
    Ok(before)
}

/// Takes the ledger for this transaction: releases checked against it and recorded one after
/// the other (a second taker waits, or on PostgreSQL fails rather than miss the first's).
pub fn lock(tx: &mut dyn Tx) -> Result<(), StoreError> {
    tx.execute("UPDATE privacy_budget SET epsilon_per_year_milli = epsilon_per_year_milli WHERE id = 1", &[])?;
    Ok(())
}
