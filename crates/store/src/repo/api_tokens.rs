//! Per-user API tokens: the caller holds a random secret, the table only its hash (as for
//! sessions), so a stolen database opens nothing. Revoked tokens are kept, marked, so that the
//! audit log's token ids still name something.

use chrono::{DateTime, Utc};
use komek_domain::AccountId;
use uuid::Uuid;

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// A token as stored, without its secret (which is never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: Uuid,
    pub account_id: AccountId,
    /// What the token is for, as the administrator named it ("hotline bot").
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, account_id, label, created_at, last_used_at, revoked_at";

fn from_row(row: &Row) -> Result<ApiTokenRecord, StoreError> {
    Ok(ApiTokenRecord {
        id: row.get(0)?,
        account_id: row.get(1)?,
        label: row.get(2)?,
        created_at: row.get(3)?,
        last_used_at: row.get(4)?,
        revoked_at: row.get(5)?,
    })
}

pub fn insert(tx: &mut dyn Tx, token_hash: &str, token: &ApiTokenRecord) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO api_tokens (id, account_id, label, token_hash, created_at, last_used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![
            token.id,
            token.account_id,
            &token.label,
            token_hash,
            token.created_at,
            token.last_used_at,
            token.revoked_at
        ],
    )?;
    Ok(())
}

/// The token whose secret hashes to `token_hash`, revoked or not.
pub fn by_hash(tx: &mut dyn Tx, token_hash: &str) -> Result<Option<ApiTokenRecord>, StoreError> {
    tx.query_opt(&format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1"), params![token_hash])?
        .map(|r| from_row(&r))
        .transpose()
}

pub fn get(tx: &mut dyn Tx, id: Uuid) -> Result<ApiTokenRecord, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1"), params![id])?)
}

/// Every token, or those of one account, oldest first.
pub fn list(tx: &mut dyn Tx, account: Option<AccountId>) -> Result<Vec<ApiTokenRecord>, StoreError> {
    let rows = match account {
        Some(account) => tx.query(
            &format!("SELECT {COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY created_at, id"),
            params![account],
        )?,
        None => tx.query(&format!("SELECT {COLUMNS} FROM api_tokens ORDER BY created_at, id"), &[])?,
    };
    rows.iter().map(from_row).collect()
}

/// Records that the token was used at `at`.
pub fn touch(tx: &mut dyn Tx, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", params![id, at])?;
    Ok(())
}

/// Revokes a live token; false when it was revoked already (its first revocation time stays).
pub fn revoke(tx: &mut dyn Tx, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(tx.execute("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", params![id, at])? == 1)
}
