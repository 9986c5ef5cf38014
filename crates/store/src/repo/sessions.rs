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
    /// The second step of sign-in is done (or not needed for this account's role).
    pub second_factor_ok: bool,
}

pub fn insert(tx: &mut dyn Tx, token_hash: &str, session: &SessionRecord) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, second_factor_ok)
         VALUES ($1, $2, $3, $4, $5, $6)",
        params![
            token_hash,
            session.account_id,
            &session.csrf_token,
            session.created_at,
            session.last_seen_at,
            session.second_factor_ok
        ],
    )?;
    Ok(())
}

pub fn get(tx: &mut dyn Tx, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
    let Some(row) = tx.query_opt(
        "SELECT account_id, csrf_token, created_at, last_seen_at, second_factor_ok FROM sessions WHERE token_hash = $1",
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
        second_factor_ok: row.get(4)?,
    }))
}

pub fn touch(tx: &mut dyn Tx, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1", params![token_hash, at])?;
    Ok(())
}

pub fn set_second_factor_ok(tx: &mut dyn Tx, token_hash: &str) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE sessions SET second_factor_ok = $2, pending_totp_enc = NULL WHERE token_hash = $1",
        params![token_hash, true],
    )?;
    Ok(())
}

/// A TOTP secret offered during enrolment, sealed, until the first code confirms it.
pub fn set_pending_totp(tx: &mut dyn Tx, token_hash: &str, sealed: Option<Vec<u8>>) -> Result<(), StoreError> {
    tx.execute("UPDATE sessions SET pending_totp_enc = $2 WHERE token_hash = $1", params![token_hash, sealed])?;
    Ok(())
}

pub fn pending_totp(tx: &mut dyn Tx, token_hash: &str) -> Result<Option<Vec<u8>>, StoreError> {
    tx.query_one("SELECT pending_totp_enc FROM sessions WHERE token_hash = $1", params![token_hash])?.get(0)
}

pub fn delete(tx: &mut dyn Tx, token_hash: &str) -> Result<(), StoreError> {
    tx.execute("DELETE FROM sessions WHERE token_hash = $1", params![token_hash])?;
    Ok(())
}

/// "Log out everywhere".
pub fn delete_for_account(tx: &mut dyn Tx, account_id: AccountId) -> Result<u64, StoreError> {
    tx.execute("DELETE FROM sessions WHERE account_id = $1", params![account_id])
}

/// Ends every session of an account but one (after a password change).
pub fn delete_others(tx: &mut dyn Tx, account_id: AccountId, keep_token_hash: &str) -> Result<u64, StoreError> {
    tx.execute("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2", params![account_id, keep_token_hash])
}
