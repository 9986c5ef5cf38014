//! Offices: headquarters and district centres.

use komek_domain::OfficeId;
use komek_domain::entities::Office;

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

const COLUMNS: &str = "id, code, name, utc_offset_minutes";

fn from_row(row: &Row) -> Result<Office, StoreError> {
    Ok(Office { id: row.get(0)?, code: row.get(1)?, name: row.get(2)?, utc_offset_minutes: row.get(3)? })
}

pub fn insert(tx: &mut dyn Tx, office: &Office) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO offices (id, code, name, utc_offset_minutes) VALUES ($1, $2, $3, $4)",
        params![office.id, &office.code, &office.name, office.utc_offset_minutes],
    )?;
    Ok(())
}

/// Sets an office's name and clock (its code never changes); false when there is no such office.
pub fn update(tx: &mut dyn Tx, office: &Office) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE offices SET name = $2, utc_offset_minutes = $3 WHERE id = $1",
        params![office.id, &office.name, office.utc_offset_minutes],
    )? > 0)
}

pub fn get(tx: &mut dyn Tx, id: OfficeId) -> Result<Office, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM offices WHERE id = $1"), params![id])?)
}

pub fn by_code(tx: &mut dyn Tx, code: &str) -> Result<Option<Office>, StoreError> {
    tx.query_opt(&format!("SELECT {COLUMNS} FROM offices WHERE code = $1"), params![code])?
        .map(|r| from_row(&r))
        .transpose()
}

pub fn list(tx: &mut dyn Tx) -> Result<Vec<Office>, StoreError> {
    tx.query(&format!("SELECT {COLUMNS} FROM offices ORDER BY code"), &[])?.iter().map(from_row).collect()
}
