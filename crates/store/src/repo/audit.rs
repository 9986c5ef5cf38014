//! The audit log's rows. Hashing and verification are the app crate's (it holds the key);
//! this module only appends, reads in order, and serialises appends through `audit_head`.

use chrono::{DateTime, Utc};

use crate::sql::{Dialect, Row, Tx, Value};
use crate::{StoreError, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub account_id: Option<String>,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The chain's tip (last sequence number and hash), locked until the transaction ends so
/// that concurrent appends queue up instead of forking the chain.
pub fn lock_head(tx: &mut dyn Tx) -> Result<(i64, String), StoreError> {
    let sql = match tx.dialect() {
        Dialect::Postgres => "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
        Dialect::Sqlite => "SELECT seq, hash FROM audit_head WHERE id = 1",
    };
    let row = tx.query_one(sql, &[])?;
    Ok((row.get(0)?, row.get(1)?))
}

pub fn append(tx: &mut dyn Tx, row: &AuditRow) -> Result<(), StoreError> {
    append_all(tx, std::slice::from_ref(row))
}

/// Appends `rows` (consecutive, following the head taken with [`lock_head`]) and moves the
/// head to the last of them once: a batch of entries costs one head update.
pub fn append_all(tx: &mut dyn Tx, rows: &[AuditRow]) -> Result<(), StoreError> {
    let Some(last) = rows.last() else { return Ok(()) };
    for row in rows {
        insert(tx, row)?;
    }
    tx.execute("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", params![last.seq, &last.hash])?;
    Ok(())
}

fn insert(tx: &mut dyn Tx, row: &AuditRow) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit_log (seq, at, account_id, action, record_kind, record_id, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        params![
            row.seq,
            row.at,
            row.account_id.clone(),
            &row.action,
            &row.record_kind,
            &row.record_id,
            &row.detail,
            &row.prev_hash,
            &row.hash,
        ],
    )?;
    Ok(())
}

const COLUMNS: &str = "seq, at, account_id, action, record_kind, record_id, detail, prev_hash, hash";

fn from_row(r: &Row) -> Result<AuditRow, StoreError> {
    Ok(AuditRow {
        seq: r.get(0)?,
        at: r.get(1)?,
        account_id: r.get(2)?,
        action: r.get(3)?,
        record_kind: r.get(4)?,
        record_id: r.get(5)?,
        detail: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

/// Up to `limit` entries after `after_seq`, in chain order: verification reads the log in pages.
pub fn page(tx: &mut dyn Tx, after_seq: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    tx.query(
        &format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"),
        params![after_seq, limit],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// The newest entries matching the filters (each `None` matches everything). A record id
/// matches the entries about that record and the searches and lists that showed it, whose
/// detail names the records shown (`shown …`): one scan of the log either way, as the record filter
/// has no index of its own (`audit_record` leads with the kind).
pub fn search(
    tx: &mut dyn Tx,
    account_id: Option<&str>,
    record_id: Option<&str>,
    action: Option<&str>,
    limit: i64,
) -> Result<Vec<AuditRow>, StoreError> {
    // A plain substring test: the id typed may hold `%` or `_`, which LIKE would read as patterns.
    let shown = match tx.dialect() {
        Dialect::Postgres => "strpos(detail, CAST($2 AS TEXT))",
        Dialect::Sqlite => "instr(detail, $2)",
    };
    tx.query(
        &format!(
            "SELECT {COLUMNS} FROM audit_log WHERE (CAST($1 AS TEXT) IS NULL OR account_id = $1)
             AND (CAST($2 AS TEXT) IS NULL OR record_id = $2 OR (action IN ('search', 'read') AND CAST($2 AS TEXT) <> '' AND {shown} > 0))
             AND (CAST($3 AS TEXT) IS NULL OR action = $3) ORDER BY seq DESC LIMIT $4"
        ),
        &[Value::from(account_id), Value::from(record_id), Value::from(action), limit.into()],
    )?
    .iter()
    .map(from_row)
    .collect()
}

pub fn head(tx: &mut dyn Tx) -> Result<(i64, String), StoreError> {
    let row = tx.query_one("SELECT seq, hash FROM audit_head WHERE id = 1", &[])?;
    Ok((row.get(0)?, row.get(1)?))
}
