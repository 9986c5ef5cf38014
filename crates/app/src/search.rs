//! Blind-index tokens: what a record is findable by, and what a search text looks for.
//!
//! Every token is a keyed hash (`Keys::index_token`) of a folded form from
//! `komek_domain::normalise`, so the database can match names, phones and document numbers
//! by equality without holding any of them. Persons and parties share these rules.

use komek_domain::matching::PersonProbe;
use komek_domain::normalise;
use komek_store::repo::{self, IndexToken, SearchTokens, SearchWord};

use crate::audit::{Action, Event};
use crate::crypto::Keys;
use crate::{App, AppResult};

/// Longest search text read, longest word, most words: enough for any name.
pub(crate) const MAX_QUERY_CHARS: usize = komek_domain::limits::MAX_SHORT_CHARS;
pub(crate) const MAX_QUERY_WORD_CHARS: usize = 40;
pub(crate) const MAX_QUERY_WORDS: usize = 8;

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
    for word in names.flat_map(|n| normalise::name_words(n)) {
        tokens.extend(word.typo_forms.iter().map(|f| keys.index_token(NAME_TYPO, f)));
        tokens.push(keys.index_token(NAME, &word.token));
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
        search.words.push(SearchWord::exact(keys.index_token(PHONE, &phone)));
    }
    if let Some(doc) = normalise::document_number(&probe.document) {
        search.words.push(SearchWord::exact(keys.index_token(DOCUMENT, &doc)));
    }
    search
}

/// What a search text looks for: its words as names, and the whole text as a phone or a
/// document number.
pub(crate) fn query_tokens(keys: &Keys, query: &str) -> SearchTokens {
    let mut search = name_query_tokens(keys, query);
    if let Some(phone) = normalise::phone(query) {
        search.words.push(SearchWord::exact(keys.index_token(PHONE, &phone)));
    }
    if let Some(doc) = normalise::document_number(query) {
        search.words.push(SearchWord::exact(keys.index_token(DOCUMENT, &doc)));
    }
    search
}

/// Each name word: exactly; near, as a stored word with a letter left out (a letter missing
/// in the query) or as one of the query's own typo forms (a letter too many); and, for a
/// letter changed or two swapped, as a typo form both share.
fn name_query_tokens(keys: &Keys, name: &str) -> SearchTokens {
    // A search is what a person types: a name, not a page of text (each word's near forms
    // grow with the square of its length).
    let name: String = name.chars().take(MAX_QUERY_CHARS).collect();
    let words = normalise::name_words(&name)
        .into_iter()
        .filter(|word| word.token.chars().count() <= MAX_QUERY_WORD_CHARS)
        .take(MAX_QUERY_WORDS)
        .map(|word| {
            // Even a short word may be a longer one with a letter missing ("Aan" for "Asan").
            let mut near = vec![keys.index_token(NAME_TYPO, &word.token)];
            near.extend(word.typo_forms.iter().map(|f| keys.index_token(NAME, f)));
            SearchWord {
                exact: keys.index_token(NAME, &word.token),
                near,
                changed_letter: word.typo_forms.iter().map(|f| keys.index_token(NAME_TYPO, f)).collect(),
            }
        })
        .collect();
    SearchTokens { words }
}

/// Records re-indexed per transaction: small enough not to hold a writer for long.
pub(crate) const REINDEX_PAGE: i64 = 500;

impl App {
    /// Finishes the work migrations left for the application: re-indexing persons and parties
    /// after the token rules changed (it holds the keys), counting the repeat offenders once.
    /// Runs at start-up; each step is audited.
    pub fn finish_maintenance(&self) -> AppResult<()> {
        for task in self.store.read(repo::maintenance::pending)? {
            let (kind, what) = match task.as_str() {
                repo::maintenance::REINDEX_PERSONS => {
                    every_page(|after| self.reindex_persons_page(after))?;
                    ("person", "search index")
                }
                repo::maintenance::REINDEX_PARTIES => {
                    every_page(|after| self.reindex_parties_page(after))?;
                    ("party", "search index")
                }
                repo::maintenance::RECOUNT_OFFENDERS => {
                    every_page(|after| {
                        Ok(self.store.write(|tx| repo::parties::recount_page(tx, after, REINDEX_PAGE))?)
                    })?;
                    ("party", "repeat offenders")
                }
                // A task of a newer release: leave it for that release.
                _ => continue,
            };
            self.store.write(|tx| {
                repo::maintenance::done(tx, &task)?;
                self.audit(tx, Event::new(None, Action::Update, kind, what).detail(task.clone()))
            })?;
        }
        Ok(())
    }
}

/// Runs a paged piece of work from the start: `page` does the page after the id it is given
/// and answers the last id it did, `None` once there is nothing more.
fn every_page<Id>(mut page: impl FnMut(Option<Id>) -> AppResult<Option<Id>>) -> AppResult<()> {
    let mut after = None;
    while let Some(last) = page(after)? {
        after = Some(last);
    }
    Ok(())
}
