//! The organisation's own lists: an administrator adds codes to the editable lookup lists,
//! renames them in each language, moves them and retires them. Codes are never deleted nor
//! renamed: records and reports keep them, and a retired code stays on the records that hold
//! it while no form offers it for new ones.
//!
//! The catalogue is read once and kept in memory ([`LookupCache`]), shared with the web
//! layer's translations; every change made through the [`App`] replaces it. A second process
//! writing to the same database would not be seen until a restart: only the server edits lists.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use komek_domain::law::SavedArticle;
use komek_domain::lookups::{self, Catalogue, HoldsCodes, LookupList, SavedCode};
use komek_domain::{Capability, ValidationError};
use komek_store::repo;

use crate::audit::{Action, Event};
use crate::{Actor, App, AppError, AppResult};

/// The catalogue as last read, shared by the services and the pages' translations.
#[derive(Debug, Default)]
pub struct LookupCache {
    current: RwLock<Option<Arc<Catalogue>>>,
    /// Held by a change from reading the catalogue it starts from until the catalogue is
    /// read again after it: changes go one at a time, so none starts from a catalogue older
    /// than the database, and an older read never replaces a newer one.
    editing: Mutex<()>,
}

impl LookupCache {
    /// The catalogue, if it has been read; `None` before the first read.
    pub fn loaded(&self) -> Option<Arc<Catalogue>> {
        self.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    fn edit(&self) -> MutexGuard<'_, ()> {
        self.editing.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn set_first(&self, catalogue: Catalogue) -> Arc<Catalogue> {
        let mut current = self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        current.get_or_insert_with(|| Arc::new(catalogue)).clone()
    }

    fn set(&self, catalogue: Catalogue) -> Arc<Catalogue> {
        let catalogue = Arc::new(catalogue);
        *self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(catalogue.clone());
        catalogue
    }
}

/// How an administrator changes one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeChange {
    /// New labels (language → label; a blank one keeps a shipped code's translation).
    Rename(BTreeMap<String, String>),
    /// No longer offered for new records, from today.
    Retire,
    /// Offered again.
    Restore,
    /// One place up (`true`) or down.
    Move { up: bool },
}

impl App {
    /// Every list as the organisation has it now.
    pub fn lookups(&self) -> AppResult<Arc<Catalogue>> {
        if let Some(catalogue) = self.lookups.loaded() {
            return Ok(catalogue);
        }
        // The first read: a change made meanwhile has set a newer one, which stays.
        Ok(self.lookups.set_first(self.read_lookups()?))
    }

    /// The lists as the administrator's page shows them, to change them.
    pub fn lists_to_edit(&self, actor: &Actor) -> AppResult<Arc<Catalogue>> {
        actor.require(Capability::ManageSettings)?;
        self.lookups()
    }

    /// The cache the web layer's translations read labels from.
    pub fn lookup_cache(&self) -> Arc<LookupCache> {
        self.lookups.clone()
    }

    fn reload_lookups(&self) -> AppResult<Arc<Catalogue>> {
        Ok(self.lookups.set(self.read_lookups()?))
    }

    /// The catalogue as the database has it now.
    fn read_lookups(&self) -> AppResult<Catalogue> {
        let (codes, articles) = self.store.read(|tx| Ok((repo::lookups::list(tx)?, repo::lookups::articles(tx)?)))?;
        Ok(Catalogue::new(codes, articles))
    }

    /// The codes of a record its editable lists do not offer: unknown ones, and retired ones
    /// the version it replaces (`before`) did not hold.
    pub(crate) fn refused_codes<T: HoldsCodes>(
        &self,
        record: &T,
        before: Option<&T>,
    ) -> AppResult<Vec<ValidationError>> {
        let before = before.map(HoldsCodes::codes_held).unwrap_or_default();
        Ok(self.lookups()?.check(&record.codes_held(), &before))
    }

    /// Refuses a new record with every problem at once: those its own validation found
    /// (`problems`) and the codes its editable lists do not offer.
    pub(crate) fn check_new<T: HoldsCodes>(&self, record: &T, mut problems: Vec<ValidationError>) -> AppResult<()> {
        problems.extend(self.refused_codes(record, None)?);
        AppError::invalid(problems)
    }

    /// Adds `code` to the editable list `list`, last, with its labels.
    pub fn add_lookup_code(
        &self,
        actor: &Actor,
        list: &str,
        code: &str,
        labels: BTreeMap<String, String>,
    ) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        let _one_at_a_time = self.lookups.edit();
        // Read afresh: another process may have changed the lists.
        let catalogue = self.reload_lookups()?;
        let list = editable_list(&catalogue, list)?;
        let code = code.trim();
        let labels = trimmed(labels);
        let saved = SavedCode {
            list: list.name.to_owned(),
            code: code.to_owned(),
            position: catalogue.next_position(list),
            labels,
            retired_on: None,
            version: 0,
        };
        let mut errors = saved.validate();
        if catalogue.entry(list, code).is_some() {
            errors.push(ValidationError::Taken { field: "code" });
        }
        lookups::check_staff_label(&mut errors, &saved.labels);
        if catalogue.entries(list).len() >= lookups::MAX_CODES_IN_LIST {
            errors.push(ValidationError::TooMany { field: "code", max: lookups::MAX_CODES_IN_LIST });
        }
        AppError::invalid(errors)?;
        self.store.write(|tx| {
            repo::lookups::save(tx, &saved)?;
            let event = Event::new(actor.account_id(), Action::Create, "lookup", record_id(list, code));
            self.audit(tx, event.detail(described(&saved.labels)))
        })?;
        self.reload_lookups()?;
        Ok(())
    }

    /// Renames, retires, restores or moves one code of an editable list. `version` is the
    /// code's version as the administrator's page read it: a change made meanwhile is refused.
    pub fn change_lookup_code(
        &self,
        actor: &Actor,
        list: &str,
        code: &str,
        version: i64,
        change: CodeChange,
    ) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        let _one_at_a_time = self.lookups.edit();
        // Read afresh: another process may have changed the lists.
        let catalogue = self.reload_lookups()?;
        let list = editable_list(&catalogue, list)?;
        let entry = catalogue.entry(list, code).ok_or(AppError::NotFound)?;
        if entry.version != version {
            return Err(AppError::Conflict);
        }
        let position = catalogue.codes(list).iter().position(|c| *c == code).unwrap_or_default() as i64;
        // The row of one code as it stands, at `position`.
        let row = |entry: &lookups::Entry, position: i64| SavedCode {
            list: list.name.to_owned(),
            code: entry.code.clone(),
            position,
            labels: entry.labels.clone(),
            retired_on: entry.retired_on,
            version: entry.version,
        };
        let mut rows = Vec::new();
        let detail = match change {
            CodeChange::Rename(labels) => {
                let labels = trimmed(labels);
                let mut errors = Vec::new();
                if !entry.shipped {
                    lookups::check_staff_label(&mut errors, &labels);
                }
                AppError::invalid(errors)?;
                let detail = format!("labels {} → {}", described(&entry.labels), described(&labels));
                rows.push(SavedCode { labels, ..row(entry, position) });
                detail
            }
            CodeChange::Retire if entry.retired() => return Ok(()),
            CodeChange::Retire => {
                // A form must still have something to offer.
                if catalogue.options(list, &[]).len() <= 1 {
                    return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "retire" }]));
                }
                let today = self.today(actor)?;
                rows.push(SavedCode { retired_on: Some(today), ..row(entry, position) });
                format!("retired on {today}")
            }
            CodeChange::Restore if !entry.retired() => return Ok(()),
            CodeChange::Restore => {
                rows.push(SavedCode { retired_on: None, ..row(entry, position) });
                "offered again".to_owned()
            }
            CodeChange::Move { up } => {
                // Every code of the list is written with its place, so that the order no
                // longer depends on the shipped one.
                for (moved, place) in catalogue.moved(list, code, up) {
                    let entry = catalogue.entry(list, &moved).expect("a code of the list moves");
                    rows.push(row(entry, place));
                }
                if rows.is_empty() {
                    return Ok(());
                }
                format!("moved {}", if up { "up" } else { "down" })
            }
        };
        for saved in &rows {
            AppError::invalid(saved.validate())?;
        }
        self.store.write(|tx| {
            for saved in &rows {
                repo::lookups::save(tx, saved)?;
            }
            let event = Event::new(actor.account_id(), Action::Update, "lookup", record_id(list, code));
            self.audit(tx, event.detail(detail))
        })?;
        self.reload_lookups()?;
        Ok(())
    }
}

impl App {
    /// Adds an article of law to the catalogue proceedings cite, dated and with its source.
    /// Its code spells its book and number; an article already there is refused by its number.
    pub fn add_article(&self, actor: &Actor, mut article: SavedArticle) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        let _one_at_a_time = self.lookups.edit();
        // Read afresh: another process may have changed the lists.
        let catalogue = self.reload_lookups()?;
        article.number = article.number.trim().to_owned();
        article.code = format!("{}-{}", article.book, article.number);
        article.labels = trimmed(article.labels);
        article.source = article.source.trim().to_owned();
        article.version = 0;
        let mut errors = article.validate();
        if catalogue.article(&article.code).is_some() {
            errors.push(ValidationError::Taken { field: "number" });
        }
        lookups::check_staff_label(&mut errors, &article.labels);
        AppError::invalid(errors)?;
        self.store.write(|tx| {
            repo::lookups::save_article(tx, &article)?;
            let detail =
                format!("in force {}–{}; {}", article.in_force_from, until(&article), described(&article.labels));
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Create, "law-article", article.code.clone()).detail(detail),
            )
        })?;
        self.reload_lookups()?;
        Ok(())
    }

    /// Changes an article's dates (an amendment, a repeal), labels and source, if it is still at
    /// `version` as the administrator's page read it. Its code, book and number stay.
    pub fn change_article(&self, actor: &Actor, changed: SavedArticle) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        let _one_at_a_time = self.lookups.edit();
        // Read afresh: another process may have changed the lists.
        let catalogue = self.reload_lookups()?;
        let entry = catalogue.article(&changed.code).ok_or(AppError::NotFound)?;
        if entry.version != changed.version {
            return Err(AppError::Conflict);
        }
        let before = entry.saved();
        let article = SavedArticle {
            in_force_from: changed.in_force_from,
            in_force_to: changed.in_force_to,
            labels: trimmed(changed.labels),
            source: changed.source.trim().to_owned(),
            ..before.clone()
        };
        let mut errors = article.validate();
        if !entry.shipped {
            lookups::check_staff_label(&mut errors, &article.labels);
        }
        AppError::invalid(errors)?;
        self.store.write(|tx| {
            repo::lookups::save_article(tx, &article)?;
            let detail = format!(
                "in force {}–{} → {}–{}; labels {} → {}; source {:?} → {:?}",
                before.in_force_from,
                until(&before),
                article.in_force_from,
                until(&article),
                described(&before.labels),
                described(&article.labels),
                before.source,
                article.source
            );
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Update, "law-article", article.code.clone()).detail(detail),
            )
        })?;
        self.reload_lookups()?;
        Ok(())
    }
}

/// The last day an article is in force, as the audit log shows it.
fn until(article: &SavedArticle) -> String {
    article.in_force_to.map_or_else(|| "…".to_owned(), |day| day.to_string())
}

/// The editable list named `name`; any other name reads as a list that is not there.
fn editable_list(catalogue: &Catalogue, name: &str) -> AppResult<LookupList> {
    catalogue.list(name).filter(|list| list.editable).ok_or(AppError::NotFound)
}

/// Labels without surrounding spaces, blank ones left out.
fn trimmed(labels: BTreeMap<String, String>) -> BTreeMap<String, String> {
    labels
        .into_iter()
        .map(|(language, label)| (language, label.trim().to_owned()))
        .filter(|(_, label)| !label.is_empty())
        .collect()
}

/// The audit log's name for a code.
fn record_id(list: LookupList, code: &str) -> String {
    format!("{}/{code}", list.name)
}

/// Labels as the audit log shows them: `en "Police extortion", ru "Вымогательство полиции"`.
fn described(labels: &BTreeMap<String, String>) -> String {
    let parts: Vec<String> = labels.iter().map(|(language, label)| format!("{language} {label:?}")).collect();
    if parts.is_empty() { "none".to_owned() } else { parts.join(", ") }
}
