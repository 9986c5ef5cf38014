//! Staff accounts with their secrets and login-throttling state.

use chrono::{DateTime, Utc};
use komek_domain::entities::Account;
use komek_domain::{AccountId, Role};

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// An account as stored, secrets included: only the app crate's auth service reads these.
#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub account: Account,
    pub password_hash: String,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, office_id, username, display_name, role, language, must_change_password, \
                       disabled, password_hash, failed_logins, locked_until";

fn from_row(row: &Row) -> Result<AccountRecord, StoreError> {
    let role: String = row.get(4)?;
    Ok(AccountRecord {
        account: Account {
            id: row.get(0)?,
            office_id: row.get(1)?,
            username: row.get(2)?,
            display_name: row.get(3)?,
            role: Role::parse(&role).ok_or_else(|| StoreError::Invalid(format!("unknown role {role:?}")))?,
            language: row.get(5)?,
            must_change_password: row.get(6)?,
            disabled: row.get(7)?,
        },
        password_hash: row.get(8)?,
        failed_logins: row.get(9)?,
        locked_until: row.get(10)?,
    })
}

pub fn insert(tx: &mut dyn Tx, account: &Account, password_hash: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO accounts (id, office_id, username, display_name, role, language, password_hash,
                               must_change_password, disabled, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        params![
            account.id,
            account.office_id,
            &account.username,
            &account.display_name,
            account.role.code(),
            &account.language,
            password_hash,
            account.must_change_password,
            account.disabled,
            Utc::now(),
        ],
    )?;
    Ok(())
}

pub fn get(tx: &mut dyn Tx, id: AccountId) -> Result<AccountRecord, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"), params![id])?)
}

pub fn by_username(tx: &mut dyn Tx, username: &str) -> Result<Option<AccountRecord>, StoreError> {
    tx.query_opt(&format!("SELECT {COLUMNS} FROM accounts WHERE username = $1"), params![username])?
        .map(|r| from_row(&r))
        .transpose()
}

pub fn list(tx: &mut dyn Tx) -> Result<Vec<Account>, StoreError> {
    tx.query(&format!("SELECT {COLUMNS} FROM accounts ORDER BY username"), &[])?
        .iter()
        .map(|r| from_row(r).map(|a| a.account))
        .collect()
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM accounts", &[])
}

pub fn set_password(tx: &mut dyn Tx, id: AccountId, hash: &str, must_change: bool) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE accounts SET password_hash = $2, must_change_password = $3 WHERE id = $1",
        params![id, hash, must_change],
    )?;
    Ok(())
}

pub fn set_language(tx: &mut dyn Tx, id: AccountId, language: &str) -> Result<(), StoreError> {
    tx.execute("UPDATE accounts SET language = $2 WHERE id = $1", params![id, language])?;
    Ok(())
}

/// Records a failed login; from `lock_after` failures on, locks the account until `lock_until`.
pub fn record_failed_login(
    tx: &mut dyn Tx,
    id: AccountId,
    lock_after: i64,
    lock_until: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute("UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = $1", params![id])?;
    let failures = tx.query_i64("SELECT failed_logins FROM accounts WHERE id = $1", params![id])?;
    if failures >= lock_after {
        tx.execute("UPDATE accounts SET locked_until = $2 WHERE id = $1", params![id, lock_until])?;
    }
    Ok(failures)
}

/// Ids of the accounts that have a second factor set up.
pub fn enrolled(tx: &mut dyn Tx) -> Result<Vec<AccountId>, StoreError> {
    tx.query("SELECT id FROM accounts WHERE totp_secret_enc IS NOT NULL", &[])?.iter().map(|r| r.get(0)).collect()
}

pub fn set_disabled(tx: &mut dyn Tx, id: AccountId, disabled: bool) -> Result<(), StoreError> {
    tx.execute("UPDATE accounts SET disabled = $2 WHERE id = $1", params![id, disabled])?;
    Ok(())
}

/// The account's sealed TOTP secret (if enrolled) and the step of the last code accepted.
pub fn second_factor(tx: &mut dyn Tx, id: AccountId) -> Result<(Option<Vec<u8>>, Option<i64>), StoreError> {
    let row = tx.query_one("SELECT totp_secret_enc, totp_last_step FROM accounts WHERE id = $1", params![id])?;
    Ok((row.get(0)?, row.get(1)?))
}

/// Enrols (or, with `None`, removes) the second factor; its recovery codes go with it.
pub fn set_second_factor(
    tx: &mut dyn Tx,
    id: AccountId,
    secret_enc: Option<Vec<u8>>,
    recovery_hashes: &[Vec<u8>],
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE accounts SET totp_secret_enc = $2, totp_last_step = NULL WHERE id = $1",
        params![id, secret_enc],
    )?;
    tx.execute("DELETE FROM recovery_codes WHERE account_id = $1", params![id])?;
    for hash in recovery_hashes {
        tx.execute("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)", params![id, hash.clone()])?;
    }
    Ok(())
}

/// Remembers the step of an accepted code so it cannot be used again; false when that step
/// (or a later one) was already used, as by a request racing this one with the same code.
pub fn set_totp_last_step(tx: &mut dyn Tx, id: AccountId, step: i64) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
        params![id, step],
    )? == 1)
}

/// Uses up a recovery code; false when it is unknown or already used.
pub fn use_recovery_code(tx: &mut dyn Tx, id: AccountId, hash: &[u8]) -> Result<bool, StoreError> {
    let changed = tx.execute(
        "UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL",
        params![id, hash.to_vec(), Utc::now()],
    )?;
    Ok(changed == 1)
}

pub fn clear_failed_logins(tx: &mut dyn Tx, id: AccountId) -> Result<(), StoreError> {
    tx.execute("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1", params![id])?;
    Ok(())
}
