//! Repositories: one module per table group, plain functions over a transaction.
//!
//! They take and return domain types plus ciphertext (`Vec<u8>`) for identifying parts;
//! they never see plaintext identifying data and never check access.

pub mod accounts;
pub mod appeals;
pub mod audit;
pub mod break_glass;
pub mod cases;
pub mod keys;
pub mod offices;
pub mod parties;
pub mod persons;
pub mod sessions;
pub mod tables;

/// Code lists are stored as comma-separated text (codes never hold commas).
pub(crate) fn join_codes(codes: &[String]) -> String {
    codes.join(",")
}

pub(crate) fn split_codes(text: &str) -> Vec<String> {
    text.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// One keyed blind-index entry: the HMAC of a folded name token, phone or document number.
/// The kind is mixed into the HMAC by the app crate, so equal tokens of different kinds differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexToken {
    /// "name", "phone" or "document".
    pub kind: &'static str,
    pub token: Vec<u8>,
}

/// The blind-index tables, which share one shape.
#[derive(Debug, Clone, Copy)]
pub(crate) enum BlindIndex {
    Persons,
    Parties,
}

impl BlindIndex {
    fn table_and_owner(self) -> (&'static str, &'static str) {
        match self {
            Self::Persons => ("person_index", "person_id"),
            Self::Parties => ("party_index", "party_id"),
        }
    }

    /// Replaces every index entry of one record.
    pub(crate) fn replace(
        self,
        tx: &mut dyn crate::Tx,
        owner: crate::Value,
        tokens: &[IndexToken],
    ) -> Result<(), crate::StoreError> {
        let (table, owner_col) = self.table_and_owner();
        tx.execute(&format!("DELETE FROM {table} WHERE {owner_col} = $1"), std::slice::from_ref(&owner))?;
        let mut seen = std::collections::HashSet::new();
        for t in tokens.iter().filter(|t| seen.insert(t.token.clone())) {
            tx.execute(
                &format!("INSERT INTO {table} (kind, token, {owner_col}) VALUES ($1, $2, $3)"),
                &[t.kind.into(), t.token.clone().into(), owner.clone()],
            )?;
        }
        Ok(())
    }

    /// Records matching any of `tokens`, most matches first, as (owner id text, matches).
    pub(crate) fn find(
        self,
        tx: &mut dyn crate::Tx,
        tokens: &[IndexToken],
        limit: i64,
    ) -> Result<Vec<(uuid::Uuid, i64)>, crate::StoreError> {
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        let (table, owner_col) = self.table_and_owner();
        let placeholders: Vec<String> = (1..=tokens.len()).map(|i| format!("${i}")).collect();
        let mut params: Vec<crate::Value> = tokens.iter().map(|t| t.token.clone().into()).collect();
        params.push(limit.into());
        let sql = format!(
            "SELECT {owner_col}, count(*) AS hits FROM {table} WHERE token IN ({}) \
             GROUP BY {owner_col} ORDER BY hits DESC, {owner_col} DESC LIMIT ${}",
            placeholders.join(", "),
            tokens.len() + 1
        );
        tx.query(&sql, &params)?.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }
}
