//! The organisation's own lists: codes added to editable lookup lists, and shipped codes
//! renamed, moved or retired (`komek_domain::lookups::SavedCode`).

use std::collections::BTreeMap;

use komek_domain::lookups::SavedCode;

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

fn from_row(row: &Row) -> Result<SavedCode, StoreError> {
    let labels: String = row.get(3)?;
    let labels: BTreeMap<String, String> =
        serde_json::from_str(&labels).map_err(|e| StoreError::Invalid(format!("lookup labels: {e}")))?;
    Ok(SavedCode {
        list: row.get(0)?,
        code: row.get(1)?,
        position: row.get(2)?,
        labels,
        retired_on: row.get(4)?,
        version: row.get(5)?,
    })
}

/// Every saved code of every list.
pub fn list(tx: &mut dyn Tx) -> Result<Vec<SavedCode>, StoreError> {
    tx.query(
        "SELECT list, code, position, labels, retired_on, version FROM lookup_codes ORDER BY list, position, code",
        &[],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// Saves a code as `code.version` says it was read: 0 for a code never saved (added, or a
/// shipped code changed for the first time). Stores it with the next version, which it returns;
/// a code saved meanwhile is a conflict.
pub fn save(tx: &mut dyn Tx, code: &SavedCode) -> Result<i64, StoreError> {
    let labels = serde_json::to_string(&code.labels).map_err(|e| StoreError::Invalid(format!("lookup labels: {e}")))?;
    let version = code.version + 1;
    let changed = if code.version == 0 {
        let exists =
            tx.query_opt("SELECT 1 FROM lookup_codes WHERE list = $1 AND code = $2", params![&code.list, &code.code])?;
        if exists.is_some() {
            0
        } else {
            tx.execute(
                "INSERT INTO lookup_codes (list, code, position, labels, retired_on, version)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                params![&code.list, &code.code, code.position, &labels, code.retired_on, version],
            )?
        }
    } else {
        tx.execute(
            "UPDATE lookup_codes SET position = $3, labels = $4, retired_on = $5, version = $6
             WHERE list = $1 AND code = $2 AND version = $7",
            params![&code.list, &code.code, code.position, &labels, code.retired_on, version, code.version],
        )?
    };
    if changed == 0 {
        return Err(StoreError::Conflict(format!(
            "the code {} of the list {} was changed meanwhile",
            code.code, code.list
        )));
    }
    Ok(version)
}
