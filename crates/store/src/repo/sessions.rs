//! Server-side login sessions: the cookie holds a random token, the table only its hash.

use chrono::{DateTime, Utc};
use komek_domain::AccountId;

use crate::sql::Tx;
use crate::{StoreError, params};

#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub account_id: AccountId,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

pub fn insert(tx: &mut dyn Tx, token_hash: &str, session: &SessionRecord) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5)",
        params![token_hash, session.account_id, &session.csrf_token, session.created_at, session.last_seen_at],
    )?;
    Ok(())
}

pub fn get(tx: &mut dyn Tx, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
    let Some(row) = tx.query_opt(
        "SELECT account_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
        params![token_hash],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(SessionRecord {
        account_id: row.get(0)?,
        csrf_token: row.get(1)?,
        created_at: row.get(2)?,
        last_seen_at: row.get(3)?,
    }))
}

pub fn touch(tx: &mut dyn Tx, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", params![token_hash, at])?;
    Ok(())
}

pub fn delete(tx: &mut dyn Tx, token_hash: &str) -> Result<(), StoreError> {
    tx.execute("DELETE FROM sessions WHERE token_hash = $1", params![token_hash])?;
    Ok(())
}

/// "Log out everywhere".
pub fn delete_for_account(tx: &mut dyn Tx, account_id: AccountId) -> Result<u64, StoreError> {
    tx.execute("DELETE FROM sessions WHERE account_id = $1", params![account_id])
}
