//! Blind-index tokens: what a record is findable by, and what a search text looks for.
//!
//! Every token is a keyed hash (`Keys::index_token`) of a folded form from
//! `komek_domain::normalise`, so the database can match names, phones and document numbers
//! by equality without holding any of them. Persons and parties share these rules.

use komek_domain::matching::PersonProbe;
use komek_domain::normalise;
use komek_store::repo::{self, ChangedLetter, IndexToken, SearchTokens};

use crate::audit::{Action, Event};
use crate::crypto::Keys;
use crate::{App, AppResult};

/// A whole folded name word.
const NAME: &str = "name";
/// A folded name word with one letter left out: what makes one typo findable.
const NAME_TYPO: &str = "name~";
const PHONE: &str = "phone";
const DOCUMENT: &str = "document";

/// The tokens a record is indexed under: each name word whole and with each letter left
/// out, each phone and each document number.
pub(crate) fn record_tokens<'a>(
    keys: &Keys,
    names: impl Iterator<Item = &'a String>,
    phones: &[String],
    documents: &[String],
) -> Vec<IndexToken> {
    let mut tokens = Vec::new();
    for word in names.flat_map(|n| normalise::name_tokens(n)) {
        tokens.extend(normalise::one_letter_deletions(&word).iter().map(|d| keys.index_token(NAME_TYPO, d)));
        tokens.push(keys.index_token(NAME, &word));
    }
    tokens.extend(phones.iter().filter_map(|p| normalise::phone(p)).map(|p| keys.index_token(PHONE, &p)));
    tokens
        .extend(documents.iter().filter_map(|d| normalise::document_number(d)).map(|d| keys.index_token(DOCUMENT, &d)));
    tokens
}

/// What a structured probe looks for: its name words (with typo tolerance), its phone and
/// its document number.
pub(crate) fn probe_tokens(keys: &Keys, probe: &PersonProbe) -> SearchTokens {
    let mut search = name_query_tokens(keys, &probe.name);
    if let Some(phone) = normalise::phone(&probe.phone) {
        search.strong.push(keys.index_token(PHONE, &phone));
    }
    if let Some(doc) = normalise::document_number(&probe.document) {
        search.strong.push(keys.index_token(DOCUMENT, &doc));
    }
    search
}

/// What a search text looks for. Strong: each word whole, the text as a phone or a document
/// number. Weak, for one typo: the word as a stored word with a letter left out (a letter
/// missing in the query), the query with a letter left out as a stored word (a letter too
/// many), and both with a letter left out (a letter changed, or two swapped; see
/// `ChangedLetter` for when those are used).
pub(crate) fn query_tokens(keys: &Keys, query: &str) -> SearchTokens {
    let mut search = name_query_tokens(keys, query);
    if let Some(phone) = normalise::phone(query) {
        search.strong.push(keys.index_token(PHONE, &phone));
    }
    if let Some(doc) = normalise::document_number(query) {
        search.strong.push(keys.index_token(DOCUMENT, &doc));
    }
    search
}

fn name_query_tokens(keys: &Keys, name: &str) -> SearchTokens {
    let mut search = SearchTokens::default();
    for word in normalise::name_tokens(name) {
        search.strong.push(keys.index_token(NAME, &word));
        if word.chars().count() < normalise::MIN_TYPO_TOLERANT_CHARS {
            continue;
        }
        search.weak.push(keys.index_token(NAME_TYPO, &word));
        let deletions = normalise::one_letter_deletions(&word);
        search.weak.extend(deletions.iter().map(|d| keys.index_token(NAME, d)));
        search.changed_letter.push(ChangedLetter {
            word: keys.index_token(NAME, &word),
            tokens: deletions.iter().map(|d| keys.index_token(NAME_TYPO, d)).collect(),
        });
    }
    search
}

/// Records re-indexed per transaction: small enough not to hold a writer for long.
pub(crate) const REINDEX_PAGE: i64 = 500;

impl App {
    /// Finishes the work migrations left for the keys' holder: re-indexing persons and
    /// parties after the token rules changed. Runs at start-up; each step is audited.
    pub fn finish_maintenance(&self) -> AppResult<()> {
        for task in self.store.read(repo::maintenance::pending)? {
            let kind = match task.as_str() {
                repo::maintenance::REINDEX_PERSONS => {
                    let mut after = None;
                    while let Some(last) = self.reindex_persons_page(after)? {
                        after = Some(last);
                    }
                    "person"
                }
                repo::maintenance::REINDEX_PARTIES => {
                    let mut after = None;
                    while let Some(last) = self.reindex_parties_page(after)? {
                        after = Some(last);
                    }
                    "party"
                }
                // A task of a newer release: leave it for that release.
                _ => continue,
            };
            self.store.write(|tx| {
                repo::maintenance::done(tx, &task)?;
                self.audit(tx, Event::new(None, Action::Update, kind, "search index").detail(task.clone()))
            })?;
        }
        Ok(())
    }
}
