//! Translations: Project Fluent files embedded in the binary, one bundle per staff language.
//!
//! Message ids are the vocabulary of pages (`ui.ftl`, and a file per larger module such as
//! `cases.ftl`), and of lookup codes (`lookups.ftl`,
//! `lookup-{list}-{code}`). A message missing in Russian or Kazakh falls back to English,
//! then to its id, so a page never breaks; the completeness test keeps that from happening.

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use komek_app::lookups::LookupCache;
use komek_domain::lookups::{Catalogue, LookupList};
use unic_langid::LanguageIdentifier;

/// A staff interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ru,
    Kk,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ru => "ru",
            Self::Kk => "kk",
            Self::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// The best of our languages for an Accept-Language header; Russian when nothing fits,
    /// the language every staff member of the seed organisation reads.
    pub fn negotiate(accept_language: &str) -> Self {
        accept_language
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Self::parse(tag.trim().split('-').next().unwrap_or("")))
            .next()
            .unwrap_or(Self::Ru)
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Ru => "Русский",
            Self::Kk => "Қазақша",
            Self::En => "English",
        }
    }
}

/// The files of one language. Each module's vocabulary lives in its own file.
macro_rules! sources {
    ($lang:literal) => {
        &[
            include_str!(concat!("../i18n/", $lang, "/ui.ftl")),
            include_str!(concat!("../i18n/", $lang, "/lookups.ftl")),
            include_str!(concat!("../i18n/", $lang, "/cases.ftl")),
            include_str!(concat!("../i18n/", $lang, "/indicators.ftl")),
            include_str!(concat!("../i18n/", $lang, "/law.ftl")),
            include_str!(concat!("../i18n/", $lang, "/reports.ftl")),
            include_str!(concat!("../i18n/", $lang, "/referrals.ftl")),
            include_str!(concat!("../i18n/", $lang, "/monitoring.ftl")),
        ]
    };
}

const SOURCES: [(Lang, &[&str]); 3] =
    [(Lang::Ru, sources!("ru")), (Lang::Kk, sources!("kk")), (Lang::En, sources!("en"))];

/// All bundles, built once at start-up, and the organisation's own lists: the labels an
/// administrator gave to codes come before the shipped translations.
pub struct I18n {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    lists: Arc<LookupCache>,
}

impl I18n {
    /// The shipped translations, with the shipped lists: for what runs without a database.
    pub fn load() -> Self {
        Self::with_lists(Arc::default())
    }

    /// Parses the embedded files. A syntax error in a shipped file is a build mistake, caught
    /// by the tests; it panics here rather than serve half-translated pages. Labels of the
    /// organisation's lists are read from `lists` as it stands at each use.
    pub fn with_lists(lists: Arc<LookupCache>) -> Self {
        let bundles = SOURCES
            .iter()
            .map(|(lang, files)| {
                let id: LanguageIdentifier = lang.code().parse().expect("language codes are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Unicode isolation marks would show up inside HTML attributes and inputs.
                bundle.set_use_isolating(false);
                for source in files.iter() {
                    let resource = FluentResource::try_new((*source).to_owned())
                        .unwrap_or_else(|(_, errors)| panic!("{} translations do not parse: {errors:?}", lang.code()));
                    bundle
                        .add_resource(resource)
                        .unwrap_or_else(|e| panic!("{} translations clash: {e:?}", lang.code()));
                }
                (*lang, bundle)
            })
            .collect();
        Self { bundles, lists }
    }

    /// The organisation's lists as last read (the shipped ones before the first read).
    pub fn lists(&self) -> Arc<Catalogue> {
        self.lists.loaded().unwrap_or_default()
    }

    /// The label an administrator gave a code, for a message id of the lookup scheme
    /// (`lookup-{list}-{code}`) of an editable list, or of an article (`law-{code}`).
    fn own_label(&self, lang: Lang, id: &str) -> Option<String> {
        // Every message of every page passes here: the lists are read only for a code's label.
        if let Some(code) = id.strip_prefix("law-") {
            return self.lists.loaded()?.article(code)?.label(lang.code()).map(str::to_owned);
        }
        let rest = id.strip_prefix("lookup-")?;
        let lists = self.lists.loaded()?;
        lists.editable().find_map(|list| {
            let code = rest.strip_prefix(list.name)?.strip_prefix('-')?;
            lists.entry(list, code)?.label(lang.code()).map(str::to_owned)
        })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == lang).expect("every language has a bundle").1
    }

    /// The shipped translation of `id` in `lang` alone, if there is one: what an
    /// organisation's own label of a shipped code replaces.
    pub fn shipped(&self, lang: Lang, id: &str) -> Option<String> {
        let bundle = self.bundle(lang);
        let pattern = bundle.get_message(id)?.value()?;
        Some(bundle.format_pattern(pattern, None, &mut Vec::new()).into_owned())
    }

    /// Whether `lang` has its own translation of `id` (no fallback).
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `id` in `lang`, formatted with `args`.
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        if let Some(label) = self.own_label(lang, id) {
            return label;
        }
        for l in [lang, Lang::En] {
            let bundle = self.bundle(l);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text: Cow<'_, str> = bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        id.to_owned()
    }

    /// Every message id of a language (for the completeness test).
    pub fn ids(lang: Lang) -> Vec<String> {
        let (_, files) = SOURCES.iter().find(|(l, _)| *l == lang).expect("every language has sources");
        files
            .iter()
            .flat_map(|s| s.lines())
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim()))
            .filter(|id| !id.is_empty() && !id.starts_with('#') && !id.starts_with(' ') && !id.starts_with('.'))
            .map(str::to_owned)
            .collect()
    }
}

/// Translation bound to one language, as pages use it.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub i18n: &'a I18n,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn t(&self, id: &str) -> String {
        self.i18n.format(self.lang, id, None)
    }

    /// A message with one named argument.
    pub fn t_with(&self, id: &str, name: &str, value: impl Into<FluentValue<'static>>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), value.into());
        self.i18n.format(self.lang, id, Some(&args))
    }

    /// A message with several named arguments.
    pub fn t_args(&self, id: &str, named: &[(&str, FluentValue<'static>)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in named {
            args.set(name.to_string(), value.clone());
        }
        self.i18n.format(self.lang, id, Some(&args))
    }

    /// The label of a lookup code: the organisation's, else the shipped translation, else the
    /// code itself (a code another organisation's record brought).
    pub fn lookup(&self, list: LookupList, code: &str) -> String {
        let id = list.label_id(code);
        match self.i18n.format(self.lang, &id, None) {
            label if label == id => code.to_owned(),
            label => label,
        }
    }

    /// What a form offers from a list: the codes that may be chosen, and the retired ones in
    /// `held` (what the record holds already).
    pub fn options(&self, list: LookupList, held: &[&str]) -> Vec<String> {
        self.i18n.lists().options(list, held).into_iter().map(str::to_owned).collect()
    }

    /// Every code of a list, retired ones too: what a filter over old records offers.
    pub fn codes(&self, list: LookupList) -> Vec<String> {
        self.i18n.lists().codes(list).into_iter().map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language_and_every_lookup_is_labelled() {
        let english: Vec<String> = I18n::ids(Lang::En);
        let i18n = I18n::load();
        for lang in Lang::ALL {
            for id in &english {
                assert!(i18n.has(lang, id), "{} lacks {id}", lang.code());
            }
            for list in komek_domain::lookups::ALL.iter().chain(komek_domain::law::LISTS) {
                for code in list.codes {
                    assert!(i18n.has(lang, &list.label_id(code)), "{} lacks {}", lang.code(), list.label_id(code));
                }
            }
            let law_labels = komek_domain::law::ARTICLES
                .iter()
                .map(|a| a.label_id())
                .chain(komek_domain::law::CodeBook::ALL.iter().map(|b| b.label_id()));
            for id in law_labels {
                assert!(i18n.has(lang, &id), "{} lacks {id}", lang.code());
            }
            for id in I18n::ids(lang) {
                assert!(english.contains(&id), "{} has {id}, which English lacks", lang.code());
            }
        }
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let i18n = I18n::load();
        let tr = |lang| Tr { i18n: &i18n, lang };
        assert_eq!(tr(Lang::Ru).t_with("count-appeals", "count", 1), "1 обращение");
        assert_eq!(tr(Lang::Ru).t_with("count-appeals", "count", 3), "3 обращения");
        assert_eq!(tr(Lang::Ru).t_with("count-appeals", "count", 25), "25 обращений");
        assert_eq!(tr(Lang::En).t_with("count-appeals", "count", 1), "1 appeal");
        assert_eq!(tr(Lang::En).t_with("count-appeals", "count", 2), "2 appeals");
    }

    #[test]
    fn accept_language_picks_our_best_match() {
        assert_eq!(Lang::negotiate("kk-KZ,kk;q=0.9,ru;q=0.8"), Lang::Kk);
        assert_eq!(Lang::negotiate("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::negotiate("uz,tr"), Lang::Ru);
        assert_eq!(Lang::negotiate(""), Lang::Ru);
    }
}
