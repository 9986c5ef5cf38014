//! The key ring: data keys wrapped by the master key, which the database never holds.

use chrono::Utc;
use uuid::Uuid;

use crate::sql::Tx;
use crate::{StoreError, params};

#[derive(Debug, Clone)]
pub struct WrappedKey {
    pub id: Uuid,
    pub wrapped: Vec<u8>,
    pub active: bool,
}

pub fn insert(tx: &mut dyn Tx, key: &WrappedKey) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO key_ring (id, wrapped_key, created_at, active) VALUES ($1, $2, $3, $4)",
        params![key.id, key.wrapped.clone(), Utc::now(), key.active],
    )?;
    Ok(())
}

pub fn all(tx: &mut dyn Tx) -> Result<Vec<WrappedKey>, StoreError> {
    tx.query("SELECT id, wrapped_key, active FROM key_ring ORDER BY created_at", &[])?
        .iter()
        .map(|r| Ok(WrappedKey { id: r.get(0)?, wrapped: r.get(1)?, active: r.get(2)? }))
        .collect()
}

/// Replaces a key's wrapping (master key rotation); the data key itself is unchanged.
pub fn rewrap(tx: &mut dyn Tx, id: Uuid, wrapped: Vec<u8>) -> Result<(), StoreError> {
    tx.execute("UPDATE key_ring SET wrapped_key = $2 WHERE id = $1", params![id, wrapped])?;
    Ok(())
}
