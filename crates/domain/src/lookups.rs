//! Lookup lists: the stable codes behind every choice a form offers.
//!
//! Codes are stable identifiers: records and reports keep codes, never labels. The lists
//! Komek ships with are compiled in, their labels in the Fluent files of the web crate under
//! `lookup-{list}-{code}`. The lists marked editable are the organisation's own vocabulary: an
//! administrator adds codes with labels, renames, reorders and retires them, and the
//! [`Catalogue`] is the shipped lists with those changes laid over them. The other lists carry
//! rules in code (statuses, the check items of a visit, the ILO and HTCDS mappings) and stay
//! as shipped.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationError;

/// One named list of codes, in the order a form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookupList {
    /// Stable list name, also the middle part of each label's Fluent id.
    pub name: &'static str,
    /// The codes Komek ships with, in their shipped order.
    pub codes: &'static [&'static str],
    /// Whether the organisation may add, rename, reorder and retire its codes.
    pub editable: bool,
}

impl LookupList {
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains(&code)
    }

    /// The Fluent message id of a code's label. A Fluent id holds only letters, digits, `-`
    /// and `_`: a `+` (the age band "48+") is spelt "plus", anything else becomes `_`.
    pub fn label_id(&self, code: &str) -> String {
        let mut id = format!("lookup-{}-", self.name);
        for c in code.chars() {
            match c {
                '+' => id.push_str("plus"),
                c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => id.push(c),
                _ => id.push('_'),
            }
        }
        id
    }

    /// The most codes a record may choose from this list: each once.
    pub fn most_chosen(&self) -> usize {
        if self.editable { MAX_CODES_IN_LIST } else { self.codes.len() }
    }

    /// Checks that `code`, given for `field`, may belong to this list. A fixed list knows its
    /// codes here; an editable list's codes are the organisation's, so here a code need only
    /// be well formed, and [`Catalogue::check`] decides whether the list has it.
    pub fn check(&self, field: &'static str, code: &str) -> Result<(), ValidationError> {
        let known = if self.editable { code_is_well_formed(code) } else { self.contains(code) };
        if known { Ok(()) } else { Err(ValidationError::UnknownCode { field, list: self.name, code: code.to_owned() }) }
    }
}

/// The most codes an editable list holds, retired ones too; also the most a record may
/// choose from one.
pub const MAX_CODES_IN_LIST: usize = 200;

/// The longest code an administrator may give.
pub const MAX_CODE_CHARS: usize = 40;

/// The longest label of a code.
pub const MAX_LABEL_CHARS: usize = 120;

/// A code an organisation adds: a lower-case Latin letter, then letters, digits and single
/// hyphens ("police-extortion"), so that it reads the same in every language, in a URL and in
/// a spreadsheet's column.
pub fn code_is_well_formed(code: &str) -> bool {
    let bytes = code.as_bytes();
    (1..=MAX_CODE_CHARS).contains(&bytes.len())
        && bytes[0].is_ascii_lowercase()
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && !code.ends_with('-')
        && !code.contains("--")
}

macro_rules! lookup {
    ($(#[$doc:meta])* $ident:ident = $name:literal [$($code:literal),+ $(,)?]) => {
        $(#[$doc])*
        pub const $ident: LookupList = LookupList { name: $name, codes: &[$($code),+], editable: false };
    };
    ($(#[$doc:meta])* editable $ident:ident = $name:literal [$($code:literal),+ $(,)?]) => {
        $(#[$doc])*
        pub const $ident: LookupList = LookupList { name: $name, codes: &[$($code),+], editable: true };
    };
}

lookup!(
    /// How an appeal reached us.
    editable CHANNEL = "channel" [
        "hotline-phone", "walk-in", "district-centre", "mobile-group", "border-point",
        "messenger", "web-form", "email",
    ]
);

lookup!(
    /// Who was on the other end of an appeal.
    CONTACT = "contact" ["migrant", "relative", "employer", "partner", "official", "anonymous"]
);

lookup!(
    /// What an appeal is about; an appeal has one or several.
    editable TOPIC = "topic" [
        "employment", "employment-contract", "registration", "citizenship", "residence-permit",
        "wages-unpaid", "documents-taken", "forced-labour-suspicion", "detention-expulsion",
        "health", "children-education", "private-matter", "other",
    ]
);

lookup!(
    /// Help given during an appeal; several may apply.
    editable HELP = "help" ["legal-consultation", "psychological-consultation", "information", "referral"]
);

lookup!(
    /// Occupation at the time of the appeal.
    editable OCCUPATION = "occupation" [
        "handyman", "skilled-construction", "market-trader", "agricultural-worker", "foreman",
        "kitchen-worker-cook", "service-worker", "domestic-worker", "nanny", "factory-worker",
        "driver", "loader", "other",
    ]
);

lookup!(
    /// CTDC age bands at registration ([`crate::age_band`] gives one from an age); a person
    /// whose age is unknown has none.
    AGE_BAND = "age-band" ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"]
);

lookup!(
    /// Sector of work.
    editable SECTOR = "sector" ["trade", "construction", "services", "industry", "agriculture", "domestic-work"]
);

lookup!(
    /// Why the person migrated.
    editable MIGRATION_REASON = "reason" ["economic", "family", "business", "political", "other"]
);

lookup!(
    /// How an appeal ended for now.
    APPEAL_OUTCOME = "appeal-outcome" ["advised", "referred", "case-opened", "pending"]
);

lookup!(
    /// Kazakhstan's regions (oblasts and cities of republican significance), 2024 division.
    REGION = "region" [
        "shymkent", "turkistan", "almaty-city", "astana", "almaty", "zhetisu", "abai",
        "akmola", "aktobe", "atyrau", "east-kazakhstan", "zhambyl", "west-kazakhstan",
        "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan",
        "ulytau",
    ]
);

lookup!(
    /// Districts where the organisation works most: those of Turkistan region (the former
    /// South Kazakhstan region) and Shymkent's city districts.
    editable DISTRICT = "district" [
        "maktaaral", "saryagash", "kazygurt", "tolebi", "sairam", "ordabasy", "otyrar",
        "baidibek", "tulkibas", "shardara", "zhetysai", "keles", "sozak", "arys", "kentau",
        "turkistan-city", "shymkent-abai", "shymkent-al-farabi", "shymkent-enbekshi",
        "shymkent-karatau", "shymkent-turan",
    ]
);

lookup!(
    /// Kind of a case.
    editable CASE_KIND = "case-kind" [
        "trafficking-labour", "trafficking-sexual", "forced-labour", "labour-exploitation",
        "intermediary-fraud", "unpaid-wages", "documents-withheld", "expulsion-detention",
        "child-labour", "domestic-worker-abuse", "gender-based-violence", "other",
    ]
);

lookup!(
    /// Where a recruitment agency's licence stands: "none" for an agency found working
    /// without one.
    LICENCE_STATUS = "licence-status" ["valid", "suspended", "revoked", "expired", "none", "unknown"]
);

lookup!(
    /// Where a case stands.
    CASE_STATUS = "case-status" ["open", "follow-up", "closed", "closed-referred"]
);

lookup!(
    /// What a case achieved; a case may have several.
    CASE_OUTCOME = "case-outcome" [
        "returned-home", "documents-returned", "wages-paid", "employer-fined",
        "employer-avoided-liability", "sentence", "shelter-provided", "none-yet",
    ]
);

lookup!(
    /// Why a case was closed; closing asks for it together with the outcome.
    editable CLOSING_REASON = "closing-reason" [
        "goals-achieved", "referred-elsewhere", "person-declined", "lost-contact", "person-returned-home",
        "no-grounds", "other",
    ]
);

lookup!(
    /// What happened on a day of a case's timeline (HTCDS events: recruitment, transit,
    /// exploitation, and what followed).
    CASE_EVENT = "case-event" [
        "recruitment", "transit", "exploitation", "escape-release", "complaint", "identification",
        "return-home", "contact", "other",
    ]
);

lookup!(
    /// A person's standing as a victim in a case (HTCDS trafficking status).
    VICTIM_STATUS = "victim-status" ["unknown", "presumed", "identified", "not-a-victim"]
);

lookup!(
    /// The kind of body that identified a victim (HTCDS "identified by").
    IDENTIFYING_BODY = "identifying-body" ["ngo", "police", "prosecutor-court", "other-government", "other"]
);

lookup!(
    /// Help delivered within a case.
    editable SERVICE_KIND = "service" [
        "legal-consultation", "psychological", "psychiatric", "medical", "shelter",
        "food-clothing", "document-restoration", "wage-recovery", "mediation", "repatriation",
        "interpreter", "employment-help",
    ]
);

lookup!(
    /// The role a party played.
    PARTY_ROLE = "party-role" ["employer", "intermediary", "foreman", "registration-helper", "official", "transporter", "other"]
);

lookup!(
    /// Kind of place a monitoring visit goes to, or where someone was exploited.
    editable PLACE_KIND = "place" [
        "cotton-field", "vineyard", "melon-field", "greenhouse", "tobacco-field",
        "livestock-farm", "construction-site", "bazaar", "day-labour-market", "bus-station",
        "border-crossing", "ginning-factory", "household",
    ]
);

lookup!(
    /// Sex as the person states it (HTCDS gender values map from these).
    SEX = "sex" ["female", "male", "other", "unknown"]
);

lookup!(
    /// Citizenships seen in this work (ISO 3166-1 alpha-2), plus stateless and unknown.
    CITIZENSHIP = "citizenship" [
        "UZ", "KG", "TJ", "KZ", "RU", "TM", "AF", "CN", "TR", "AZ", "IL", "stateless", "unknown",
    ]
);

/// The codes of [`CITIZENSHIP`] that name no country: never a further citizenship.
pub const NOT_A_COUNTRY: &[&str] = &["stateless", "unknown"];

lookup!(
    /// Circumstances that call for extra care.
    VULNERABILITY = "vulnerability" ["minor", "pregnant", "disability", "no-documents", "unaccompanied-child"]
);

lookup!(
    /// Whether a party is a person or an organisation.
    PARTY_KIND = "party-kind" ["person", "company"]
);

lookup!(
    /// Languages a person speaks.
    LANGUAGE = "language" ["uz", "ru", "kk", "ky", "tg", "en", "other"]
);

lookup!(
    /// The kinds of organisation in the referral network.
    editable PARTNER_KIND = "partner-kind" [
        "police", "migration-police", "prosecutor", "court", "labour-inspection",
        "employment-department", "akimat", "medical", "shelter", "ngo",
        "international-organisation", "embassy-consulate", "ombudsman", "trade-union", "other",
    ]
);

lookup!(
    /// How a person's consent to share was given.
    CONSENT_METHOD = "consent-method" ["signed-form", "oral-with-witness", "guardian-for-minor"]
);

lookup!(
    /// What a referral, and the consent behind it, is for.
    REFERRAL_PURPOSE = "referral-purpose" [
        "assistance", "protection", "investigation", "legal-aid", "return-reintegration",
    ]
);

lookup!(
    /// The categories of a person's data a consent lets go; each shareable field belongs to one.
    DATA_CATEGORY = "data-category" [
        "identity", "contact", "case-narrative", "health", "perpetrator", "documents",
    ]
);

lookup!(
    /// How soon a partner should act on a referral.
    URGENCY = "urgency" ["routine", "urgent", "immediate"]
);

lookup!(
    /// Where a referral stands.
    REFERRAL_STATUS = "referral-status" [
        "draft", "sent", "received", "accepted", "declined", "services-delivered", "closed",
        "withdrawn",
    ]
);

lookup!(
    /// How the person was drawn in: through whom or where the offer came. Komek's own list,
    /// translated for the HTCDS export (`vic_MethodOfRecruitment`) by `data/htcds-2.0.json`.
    RECRUITMENT_METHOD = "recruitment-method" [
        "relatives", "friends-neighbours", "bazaar-intermediary", "day-labour-market",
        "employment-agency", "at-work", "school-college", "online-ad", "social-network-messenger",
        "newspaper-ad", "tv-radio-ad", "other",
    ]
);

lookup!(
    /// How the exploiters kept control of the person, as the person told it. Komek's own list,
    /// translated for the HTCDS export (`vic_MethodsOfControl`) by `data/htcds-2.0.json`.
    MEANS_OF_CONTROL = "means-of-control" [
        "documents-withheld", "wages-withheld", "debt", "false-promises", "threats-of-violence",
        "threats-of-police", "threats-to-family", "physical-violence", "sexual-violence",
        "psychological-pressure", "money-controlled", "necessities-withheld", "medical-care-denied",
        "alcohol-drugs", "excessive-hours", "confinement-isolation", "other",
    ]
);

lookup!(
    /// Where a monitoring visit stands: planned for a day, done, or called off with a reason.
    VISIT_STATUS = "visit-status" ["planned", "done", "cancelled"]
);

lookup!(
    /// What the mobile group looks at on every visit (each answered yes, no or not seen).
    /// Each item is worded so that its answer is a fact seen on the spot; which answer signals a
    /// violation is the domain's `monitoring::CHECK_SIGNALS`.
    CHECK_ITEM = "check-item" [
        "written-contracts", "passports-held", "wages-on-time", "long-hours", "days-off",
        "decent-housing", "drinking-water", "food", "children-working", "children-out-of-school",
        "medical-access", "free-movement", "threats-violence", "registered",
    ]
);

lookup!(
    /// Violations of workers' rights found on a visit; where one fits an ILO indicator of
    /// forced labour, `monitoring::violation_indicator` says which.
    VIOLATION = "violation" [
        "documents-withheld", "no-written-contract", "wages-withheld", "excessive-hours",
        "no-days-off", "degrading-living-conditions", "no-drinking-water", "no-food",
        "child-labour", "children-out-of-school", "no-medical-access", "restricted-movement",
        "threats-violence", "physical-violence", "debt-bondage", "deception", "isolation",
        "unregistered-workers",
    ]
);

lookup!(
    /// Materials the information campaign hands out.
    editable MATERIAL = "material" ["leaflet", "booklet", "poster", "hotline-card", "memo"]
);

/// Every list, for screens that show them all and for the translation completeness test.
pub const ALL: &[LookupList] = &[
    CHANNEL,
    CONTACT,
    TOPIC,
    HELP,
    OCCUPATION,
    SECTOR,
    MIGRATION_REASON,
    APPEAL_OUTCOME,
    REGION,
    DISTRICT,
    CASE_KIND,
    CASE_STATUS,
    CASE_OUTCOME,
    CLOSING_REASON,
    CASE_EVENT,
    VICTIM_STATUS,
    IDENTIFYING_BODY,
    SERVICE_KIND,
    PARTY_ROLE,
    PLACE_KIND,
    SEX,
    CITIZENSHIP,
    VULNERABILITY,
    PARTY_KIND,
    LICENCE_STATUS,
    LANGUAGE,
    AGE_BAND,
    PARTNER_KIND,
    CONSENT_METHOD,
    REFERRAL_PURPOSE,
    DATA_CATEGORY,
    URGENCY,
    REFERRAL_STATUS,
    RECRUITMENT_METHOD,
    MEANS_OF_CONTROL,
    VISIT_STATUS,
    CHECK_ITEM,
    VIOLATION,
    MATERIAL,
];

/// The languages a code's label may be given in: the staff's (Russian, Kazakh, English) and
/// the migrants' (Uzbek, Kyrgyz, Tajik), for lists a public page shows.
pub const LABEL_LANGUAGES: [&str; 6] = ["ru", "kk", "en", "uz", "ky", "tg"];

/// The staff languages, in the order a missing label falls back through them.
const LABEL_FALLBACK: [&str; 3] = ["ru", "en", "kk"];

/// What the organisation saved about one code of an editable list: a code it added, or a
/// shipped code it renamed, moved or retired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCode {
    pub list: String,
    pub code: String,
    /// Where the code stands in its list; lower first.
    pub position: i64,
    /// Language code (`LABEL_LANGUAGES`) → label. A shipped code's empty label keeps the
    /// shipped translation.
    pub labels: BTreeMap<String, String>,
    /// The day from which the code can no longer be chosen; records that hold it keep it.
    pub retired_on: Option<NaiveDate>,
    pub version: i64,
}

impl SavedCode {
    /// Every problem of a code as an administrator typed it.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.code.is_empty() {
            errors.push(ValidationError::Required { field: "code" });
        } else if !code_is_well_formed(&self.code) {
            errors.push(ValidationError::Invalid { field: "code" });
        }
        for (language, label) in &self.labels {
            let field = label_field(language);
            match field {
                Some(field) => crate::rules::check_line(&mut errors, field, label, MAX_LABEL_CHARS),
                None => errors.push(ValidationError::Invalid { field: "labels" }),
            }
        }
        errors
    }
}

/// What the organisation adds needs a label in a staff language (Russian, Kazakh or English):
/// the other languages' labels are for a public page, and the staff read one of these.
pub fn check_staff_label(errors: &mut Vec<ValidationError>, labels: &BTreeMap<String, String>) {
    let staff = &LABEL_LANGUAGES[..3];
    if !staff.iter().any(|l| labels.get(*l).is_some_and(|label| !label.trim().is_empty())) {
        errors.push(ValidationError::Required { field: "label_ru" });
    }
}

/// The form field of a label in `language` (`label_ru`, …), or `None` for a language labels
/// are not given in.
pub fn label_field(language: &str) -> Option<&'static str> {
    const FIELDS: [&str; 6] = ["label_ru", "label_kk", "label_en", "label_uz", "label_ky", "label_tg"];
    LABEL_LANGUAGES.iter().position(|l| *l == language).map(|at| FIELDS[at])
}

/// One code of a list as the organisation has it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub code: String,
    /// Whether Komek ships the code (its labels then come from the translations unless the
    /// organisation renamed it).
    pub shipped: bool,
    pub labels: BTreeMap<String, String>,
    pub retired_on: Option<NaiveDate>,
    /// The saved row's version; 0 for a shipped code never changed.
    pub version: i64,
}

impl Entry {
    pub fn retired(&self) -> bool {
        self.retired_on.is_some()
    }

    /// The organisation's label in `language`, else in the staff languages in turn, for a
    /// code with no shipped translation.
    pub fn label(&self, language: &str) -> Option<&str> {
        let own = |l: &str| self.labels.get(l).map(String::as_str).filter(|s| !s.trim().is_empty());
        own(language).or_else(|| if self.shipped { None } else { LABEL_FALLBACK.into_iter().find_map(own) })
    }
}

/// A code a record holds, with the field that holds it and the list it comes from: what
/// [`Catalogue::check`] looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coded<'a> {
    pub field: &'static str,
    pub list: LookupList,
    pub code: &'a str,
}

impl<'a> Coded<'a> {
    pub fn new(field: &'static str, list: LookupList, code: &'a str) -> Self {
        Self { field, list, code }
    }

    /// Each code of a field holding several.
    pub fn each(field: &'static str, list: LookupList, codes: &'a [String]) -> impl Iterator<Item = Self> + 'a {
        codes.iter().map(move |code| Self::new(field, list, code))
    }

    /// The code of an optional field, if any.
    pub fn optional(field: &'static str, list: LookupList, code: &'a Option<String>) -> Option<Self> {
        code.as_deref().map(|code| Self::new(field, list, code))
    }
}

/// A record that holds codes of editable lists: which, so that the application can check them
/// against the organisation's [`Catalogue`] (known, and not newly retired) whenever it saves
/// one. The record's own validation checks only that they are well formed.
pub trait HoldsCodes {
    fn codes_held(&self) -> Vec<Coded<'_>>;
}

/// Every list as the organisation has it: the shipped lists with its saved codes laid over,
/// and the articles of law proceedings cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    lists: Vec<(LookupList, Vec<Entry>)>,
    articles: Vec<crate::law::ArticleEntry>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Self::new(Vec::new(), Vec::new())
    }
}

impl Catalogue {
    /// The shipped lists with `saved` laid over them, and the shipped articles with
    /// `articles`. A shipped code without a saved row keeps its shipped place; saved rows of
    /// lists that are not editable are ignored.
    pub fn new(saved: Vec<SavedCode>, articles: Vec<crate::law::SavedArticle>) -> Self {
        let mut by_list: BTreeMap<String, Vec<SavedCode>> = BTreeMap::new();
        for row in saved {
            by_list.entry(row.list.clone()).or_default().push(row);
        }
        let lists = ALL
            .iter()
            .chain(crate::law::LISTS)
            .map(|list| {
                let rows = if list.editable { by_list.remove(list.name).unwrap_or_default() } else { Vec::new() };
                (*list, entries_of(*list, rows))
            })
            .collect();
        Self { lists, articles: crate::law::articles_with(articles) }
    }

    /// The articles of law, by code book and number.
    pub fn articles(&self) -> &[crate::law::ArticleEntry] {
        &self.articles
    }

    pub fn article(&self, code: &str) -> Option<&crate::law::ArticleEntry> {
        self.articles.iter().find(|a| a.code == code)
    }

    /// The editable lists, in the order of [`ALL`].
    pub fn editable(&self) -> impl Iterator<Item = LookupList> + '_ {
        self.lists.iter().map(|(list, _)| *list).filter(|list| list.editable)
    }

    /// The list with this name.
    pub fn list(&self, name: &str) -> Option<LookupList> {
        self.lists.iter().map(|(list, _)| *list).find(|list| list.name == name)
    }

    /// Every code of a list, retired ones too, in the list's order.
    pub fn entries(&self, list: LookupList) -> &[Entry] {
        self.lists.iter().find(|(l, _)| l.name == list.name).map_or(&[], |(_, entries)| entries.as_slice())
    }

    pub fn entry(&self, list: LookupList, code: &str) -> Option<&Entry> {
        self.entries(list).iter().find(|e| e.code == code)
    }

    /// What a form offers: the codes that may be chosen, and any retired code the record
    /// already holds (`held`), in the list's order.
    pub fn options<'a>(&'a self, list: LookupList, held: &[&str]) -> Vec<&'a str> {
        self.entries(list)
            .iter()
            .filter(|e| !e.retired() || held.contains(&e.code.as_str()))
            .map(|e| e.code.as_str())
            .collect()
    }

    /// Codes of a list in the list's order: where a report or a filter lists them.
    pub fn codes(&self, list: LookupList) -> Vec<&str> {
        self.entries(list).iter().map(|e| e.code.as_str()).collect()
    }

    /// The organisation's own label of a code, if it gave one (see [`Entry::label`]).
    pub fn label(&self, list: &str, code: &str, language: &str) -> Option<&str> {
        let list = self.list(list)?;
        self.entry(list, code)?.label(language)
    }

    /// The codes a record holds that its lists do not offer: a code an editable list does not
    /// have, or a retired one the record did not hold before (`before`: the codes of the
    /// version being replaced, empty for a new record). Fixed lists are checked by the
    /// records' own validation.
    pub fn check(&self, chosen: &[Coded<'_>], before: &[Coded<'_>]) -> Vec<ValidationError> {
        let held_before = |c: &Coded<'_>| before.iter().any(|b| b.list.name == c.list.name && b.code == c.code);
        chosen
            .iter()
            // A code that cannot be one is the record's own validation's to report.
            .filter(|c| c.list.editable && code_is_well_formed(c.code))
            .filter_map(|c| {
                let unknown =
                    || ValidationError::UnknownCode { field: c.field, list: c.list.name, code: c.code.to_owned() };
                // An article is dated, not retired: known is enough.
                if c.list.name == crate::law::ARTICLE_LIST {
                    return self.article(c.code).is_none().then(unknown);
                }
                match self.entry(c.list, c.code) {
                    None => Some(unknown()),
                    Some(entry) if entry.retired() && !held_before(c) => Some(ValidationError::RetiredCode {
                        field: c.field,
                        list: c.list.name,
                        code: c.code.to_owned(),
                    }),
                    Some(_) => None,
                }
            })
            .collect()
    }

    /// The positions every code of `list` takes when `code` moves one place up or down; empty
    /// when it cannot move that way.
    pub fn moved(&self, list: LookupList, code: &str, up: bool) -> Vec<(String, i64)> {
        let mut codes = self.codes(list);
        let Some(at) = codes.iter().position(|c| *c == code) else { return Vec::new() };
        let to = if up { at.checked_sub(1) } else { Some(at + 1).filter(|to| *to < codes.len()) };
        let Some(to) = to else { return Vec::new() };
        codes.swap(at, to);
        codes.into_iter().zip(0..).map(|(c, position)| (c.to_owned(), position)).collect()
    }

    /// The position a code added to `list` takes: after every other.
    pub fn next_position(&self, list: LookupList) -> i64 {
        self.entries(list).len() as i64
    }
}

/// A list's entries: shipped codes at their shipped places unless saved elsewhere, and the
/// organisation's codes, ordered by place (a shipped code first on a tie).
fn entries_of(list: LookupList, mut saved: Vec<SavedCode>) -> Vec<Entry> {
    let mut placed: Vec<(i64, usize, Entry)> = list
        .codes
        .iter()
        .enumerate()
        .map(|(at, code)| {
            let row = saved.iter().position(|s| s.code == *code).map(|i| saved.swap_remove(i));
            let position = row.as_ref().map_or(at as i64, |r| r.position);
            let entry = Entry {
                code: (*code).to_owned(),
                shipped: true,
                labels: row.as_ref().map(|r| r.labels.clone()).unwrap_or_default(),
                retired_on: row.as_ref().and_then(|r| r.retired_on),
                version: row.as_ref().map_or(0, |r| r.version),
            };
            (position, at, entry)
        })
        .collect();
    placed.extend(saved.into_iter().map(|row| {
        let entry = Entry {
            code: row.code,
            shipped: false,
            labels: row.labels,
            retired_on: row.retired_on,
            version: row.version,
        };
        (row.position, usize::MAX, entry)
    }));
    placed.sort_by(|a, b| (a.0, a.1, &a.2.code).cmp(&(b.0, b.1, &b.2.code)));
    placed.into_iter().map(|(_, _, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_within_each_list_and_list_names_are_unique() {
        let mut names = HashSet::new();
        for list in ALL {
            assert!(names.insert(list.name), "list {} twice", list.name);
            let mut seen = HashSet::new();
            for code in list.codes {
                assert!(seen.insert(code), "{}: code {code} twice", list.name);
                assert!(!code.is_empty() && !code.contains(' '), "{}: bad code {code:?}", list.name);
            }
        }
    }

    #[test]
    fn unknown_code_is_refused_with_the_field_and_the_list_named() {
        assert!(CONTACT.check("contact", "migrant").is_ok());
        let err = CONTACT.check("contact", "pigeon").unwrap_err();
        assert_eq!(err.field(), "contact");
        assert_eq!(err.to_string(), "contact: unknown code \"pigeon\" in the list contact");
        // An editable list's codes are the organisation's: here only their shape is checked.
        assert!(TOPIC.check("topics", "police-extortion").is_ok());
        for malformed in ["", "Police", "police extortion", "-x", "x-", "a--b", "тема", &"a".repeat(41)] {
            assert!(TOPIC.check("topics", malformed).is_err(), "{malformed:?}");
        }
    }

    #[test]
    fn shipped_codes_of_editable_lists_are_well_formed() {
        for list in ALL.iter().chain(crate::law::LISTS).filter(|l| l.editable) {
            for code in list.codes {
                assert!(code_is_well_formed(code), "{}: {code}", list.name);
            }
        }
    }

    fn saved(list: &str, code: &str, position: i64, retired: bool) -> SavedCode {
        SavedCode {
            list: list.into(),
            code: code.into(),
            position,
            labels: BTreeMap::from([("ru".to_owned(), format!("{code} (ru)"))]),
            retired_on: retired.then(|| NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            version: 1,
        }
    }

    #[test]
    fn the_catalogue_lays_the_organisations_codes_over_the_shipped_lists() {
        let catalogue = Catalogue::new(
            vec![
                saved("topic", "police-extortion", TOPIC.codes.len() as i64, false),
                saved("topic", "private-matter", 11, true),
                // A list that is not editable keeps its shipped codes whatever is saved.
                saved("sex", "robot", 0, false),
            ],
            Vec::new(),
        );
        let topics = catalogue.codes(TOPIC);
        assert_eq!(topics.len(), TOPIC.codes.len() + 1);
        assert_eq!(topics.last(), Some(&"police-extortion"));
        assert_eq!(catalogue.codes(SEX), SEX.codes);
        // Retired: no longer offered, unless the record holds it already.
        assert!(!catalogue.options(TOPIC, &[]).contains(&"private-matter"));
        assert!(catalogue.options(TOPIC, &["private-matter"]).contains(&"private-matter"));
        // Labels: the organisation's own, with a fallback for a code it added; a shipped code
        // without its own label keeps the translations.
        assert_eq!(catalogue.label("topic", "police-extortion", "kk"), Some("police-extortion (ru)"));
        assert_eq!(catalogue.label("topic", "employment", "ru"), None);
        assert_eq!(catalogue.label("topic", "private-matter", "en"), None);
    }

    #[test]
    fn a_record_may_keep_a_retired_code_but_not_take_one_up() {
        let catalogue = Catalogue::new(vec![saved("topic", "private-matter", 11, true)], Vec::new());
        let chosen = [Coded::new("topics", TOPIC, "private-matter"), Coded::new("sex", SEX, "female")];
        let refused = catalogue.check(&chosen, &[]);
        assert!(matches!(&refused[..], [ValidationError::RetiredCode { field: "topics", .. }]), "{refused:?}");
        assert_eq!(catalogue.check(&chosen, &[Coded::new("topics", TOPIC, "private-matter")]), vec![]);
        let unknown = catalogue.check(&[Coded::new("topics", TOPIC, "police-extortion")], &[]);
        assert!(matches!(&unknown[..], [ValidationError::UnknownCode { list: "topic", .. }]), "{unknown:?}");
    }

    #[test]
    fn moving_a_code_swaps_it_with_its_neighbour_and_numbers_the_whole_list() {
        let catalogue = Catalogue::default();
        let moved = catalogue.moved(MATERIAL, "booklet", true);
        let order: Vec<&str> = moved.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(order, ["booklet", "leaflet", "poster", "hotline-card", "memo"]);
        assert_eq!(moved.iter().map(|(_, p)| *p).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert!(catalogue.moved(MATERIAL, "leaflet", true).is_empty());
        assert!(catalogue.moved(MATERIAL, "memo", false).is_empty());
        let saved_order: Vec<SavedCode> = moved.into_iter().map(|(c, p)| saved("material", &c, p, false)).collect();
        assert_eq!(Catalogue::new(saved_order, Vec::new()).codes(MATERIAL)[..2], ["booklet", "leaflet"]);
    }
}
