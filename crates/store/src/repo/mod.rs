//! Repositories: one module per table group, plain functions over a transaction.
//!
//! They take and return domain types plus ciphertext (`Vec<u8>`) for identifying parts;
//! they never see plaintext identifying data and never check access.
//!
//! Counts derived from several tables are kept by the functions that write those tables, in
//! the same transaction: the repeat offenders' `party_offences` by every write that changes
//! what names a party (`parties::recount`). A new way of writing appeals, cases, visits or
//! parties (a deletion, an import) goes through these functions or recounts too; a test
//! compares the counts kept with the counts made afresh.

pub mod accounts;
pub mod api_tokens;
pub mod appeals;
pub mod audit;
pub mod break_glass;
pub mod cases;
pub mod casework;
pub mod keys;
pub mod lookups;
pub mod maintenance;
pub mod offices;
pub mod parties;
pub mod persons;
pub mod public_releases;
pub mod referrals;
pub mod reports;
pub mod sessions;
pub mod tables;
pub mod tasks;
pub mod visits;

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

/// What a search looks for in a blind index, word by word. A record scores, for each word,
/// the best of its hits on that word (a sure hit outweighs any near one), and the sum over
/// the words: so a record matching two words ranks above one matching one word however many
/// near forms that one shares.
#[derive(Debug, Clone, Default)]
pub struct SearchTokens {
    pub words: Vec<SearchWord>,
}

/// One word of a search (a name word, a phone, a document number).
#[derive(Debug, Clone)]
pub struct SearchWord {
    /// The word itself: a sure match.
    pub exact: IndexToken,
    /// Near forms: a letter missing or one too many.
    pub near: Vec<IndexToken>,
    /// Near forms for a letter changed. Left out for a word that many records hold exactly
    /// (a common name): there they would match every holder once per letter, which costs
    /// much and tells nothing the exact match did not. For a rare word they stay, since a
    /// typo can turn one real name into another (Ilyin, Ilya).
    pub changed_letter: Vec<IndexToken>,
}

impl SearchWord {
    /// A word matched exactly or not at all (a phone, a document number).
    pub fn exact(token: IndexToken) -> Self {
        Self { exact: token, near: Vec::new(), changed_letter: Vec::new() }
    }
}

impl SearchTokens {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How many tokens the search looks for (for the audit log).
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| 1 + w.near.len() + w.changed_letter.len()).sum()
    }
}

/// Records holding a word beyond which its changed-letter forms are left out.
const COMMON_WORD_HOLDERS: i64 = 50;

/// A sure hit's score; a near hit scores 1.
const EXACT_HIT_SCORE: i64 = 16;

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

    /// Records matching any word, best first, as (owner id, score); ties go to the newer record.
    pub(crate) fn find(
        self,
        tx: &mut dyn crate::Tx,
        search: &SearchTokens,
        limit: i64,
    ) -> Result<Vec<(uuid::Uuid, i64)>, crate::StoreError> {
        let (table, owner_col) = self.table_and_owner();
        let mut params: Vec<crate::Value> = Vec::new();
        let mut placeholder = |token: &IndexToken| {
            params.push(token.token.clone().into());
            format!("${}", params.len())
        };
        // Per word: which tokens are its (to group the hits by word), and which are exact.
        let (mut word_of, mut exact, mut all) = (String::new(), Vec::new(), Vec::new());
        for (i, word) in search.words.iter().enumerate() {
            let mut mine = vec![placeholder(&word.exact)];
            exact.push(mine[0].clone());
            mine.extend(word.near.iter().map(&mut placeholder));
            if !word.changed_letter.is_empty() {
                let holders = tx.query_i64(
                    &format!("SELECT count(*) FROM (SELECT 1 FROM {table} WHERE token = $1 LIMIT $2) AS holders"),
                    &[word.exact.token.clone().into(), (COMMON_WORD_HOLDERS + 1).into()],
                )?;
                if holders <= COMMON_WORD_HOLDERS {
                    mine.extend(word.changed_letter.iter().map(&mut placeholder));
                }
            }
            word_of.push_str(&format!(" WHEN token IN ({}) THEN {i}", mine.join(", ")));
            all.extend(mine);
        }
        if all.is_empty() {
            return Ok(Vec::new());
        }
        params.push(limit.into());
        let sql = format!(
            "SELECT owner, SUM(best) AS score FROM (
                 SELECT owner, word, MAX(hit) AS best FROM (
                     SELECT {owner_col} AS owner, CASE{word_of} END AS word,
                            CASE WHEN token IN ({exact}) THEN {EXACT_HIT_SCORE} ELSE 1 END AS hit
                     FROM {table} WHERE token IN ({all})
                 ) AS hits GROUP BY owner, word
             ) AS per_word
             GROUP BY owner ORDER BY score DESC, owner DESC LIMIT ${limit}",
            exact = exact.join(", "),
            all = all.join(", "),
            limit = params.len(),
        );
        tx.query(&sql, &params)?.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }
}
