//! Repositories: one module per table group, plain functions over a transaction.
//!
//! They take and return domain types plus ciphertext (`Vec<u8>`) for identifying parts;
//! they never see plaintext identifying data and never check access.

pub mod accounts;
pub mod api_tokens;
pub mod appeals;
pub mod audit;
pub mod break_glass;
pub mod cases;
pub mod keys;
pub mod maintenance;
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

/// What a search looks for in a blind index: tokens that mean a sure match (a whole name word,
/// a phone, a document number) and tokens that mean a near one (a word within one typo).
#[derive(Debug, Clone, Default)]
pub struct SearchTokens {
    pub strong: Vec<IndexToken>,
    pub weak: Vec<IndexToken>,
    /// Near-match tokens for a letter changed in a word. They are used only for a word that
    /// no record holds exactly: for a known word they would match every record holding it
    /// once per letter, which costs much and tells nothing the exact match did not.
    pub changed_letter: Vec<ChangedLetter>,
}

/// The changed-letter tokens of one query word, and the word's exact token that decides
/// whether they are needed.
#[derive(Debug, Clone)]
pub struct ChangedLetter {
    pub word: IndexToken,
    pub tokens: Vec<IndexToken>,
}

impl SearchTokens {
    pub fn is_empty(&self) -> bool {
        self.strong.is_empty() && self.weak.is_empty() && self.changed_letter.is_empty()
    }
}

/// How much one strong hit outweighs a weak one: more than the weak hits a long word can
/// collect, so a record with more sure matches always ranks above one with fewer.
const STRONG_HIT_WEIGHT: i64 = 16;

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

    /// Records matching any of the tokens, best first, as (owner id, score). The score counts
    /// weak hits once and strong hits `STRONG_HIT_WEIGHT` times; ties go to the newer record.
    pub(crate) fn find(
        self,
        tx: &mut dyn crate::Tx,
        search: &SearchTokens,
        limit: i64,
    ) -> Result<Vec<(uuid::Uuid, i64)>, crate::StoreError> {
        if search.is_empty() {
            return Ok(Vec::new());
        }
        let (table, owner_col) = self.table_and_owner();
        let mut weak: Vec<&IndexToken> = search.weak.iter().collect();
        for changed in &search.changed_letter {
            let known = tx.query_i64(
                &format!("SELECT count(*) FROM (SELECT 1 FROM {table} WHERE token = $1 LIMIT 1) AS known"),
                &[changed.word.token.clone().into()],
            )? > 0;
            if !known {
                weak.extend(&changed.tokens);
            }
        }
        let all: Vec<&IndexToken> = search.strong.iter().chain(weak).collect();
        if all.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = |range: std::ops::Range<usize>| range.map(|i| format!("${}", i + 1)).collect::<Vec<_>>();
        let strong = placeholders(0..search.strong.len());
        // An empty strong list still needs valid SQL: no token is the empty byte string.
        let strong = if strong.is_empty() { "NULL".to_owned() } else { strong.join(", ") };
        let mut params: Vec<crate::Value> = all.iter().map(|t| t.token.clone().into()).collect();
        params.push(limit.into());
        let sql = format!(
            "SELECT {owner_col}, SUM(CASE WHEN token IN ({strong}) THEN {STRONG_HIT_WEIGHT} ELSE 1 END) AS score \
             FROM {table} WHERE token IN ({}) \
             GROUP BY {owner_col} ORDER BY score DESC, {owner_col} DESC LIMIT ${}",
            placeholders(0..all.len()).join(", "),
            all.len() + 1
        );
        tx.query(&sql, &params)?.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }
}
