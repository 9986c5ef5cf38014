//! The export's rules as data: `data/htcds-2.0.json`, compiled in and read once.
//!
//! Which field of the standard Komek writes and from what, which consent categories each field
//! needs, and every table that turns a Komek code into an HTCDS code. They are judgements the
//! team revises (a translation marked approximate, a sensitivity), so they live in a dated,
//! sourced file that is edited as data, never as code; `docs/htcds-mapping.md` argues them.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

static MAPPING: LazyLock<Mapping> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/htcds-2.0.json"))
        .expect("data/htcds-2.0.json is compiled in, and a unit test reads it")
});

/// The mapping Komek ships with.
pub fn mapping() -> &'static Mapping {
    &MAPPING
}

/// The whole data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub about: String,
    /// The day this mapping was last revised and its revision that day: "2026-12-05 r1".
    pub edition: String,
    pub standard: StandardInfo,
    pub exchange_key: ExchangeKey,
    /// The parts of a record that occur several times per record (`part` → what one item is).
    pub repeating_parts: BTreeMap<String, String>,
    /// How the sensitivity classes of the field list become a person's consent categories
    /// (`lookups::DATA_CATEGORY`): a class with no category is not the person's data.
    pub consent_of_sensitivity: BTreeMap<String, Vec<String>>,
    /// The country every code of `lookups::REGION` and `lookups::DISTRICT` lies in.
    pub country_of_regions: String,
    pub verdict_yes_adds: VerdictAdds,
    /// English labels of the Komek codes written as text (list name → code → label); the same
    /// as the web crate's `en/lookups.ftl`, which a test checks.
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    /// Code tables, by the name of the Komek list they translate.
    pub maps: BTreeMap<String, ValueMap>,
    /// Every field of the standard, in the standard's order.
    pub fields: Vec<FieldSpec>,
}

/// The standard the mapping is for, with the source and licence its copies must name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardInfo {
    pub name: String,
    pub publisher: String,
    pub version: String,
    pub version_date: NaiveDate,
    pub source: String,
    pub source_commit: String,
    pub source_file: String,
    pub licence: String,
    pub licence_url: String,
    /// The notice CC BY 4.0 asks every copy of the field names and codes to carry.
    pub attribution: String,
}

/// The key written beside each record: not a field of the standard.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeKey {
    pub name: String,
    pub meaning: String,
}

/// HTCDS codes a "yes" verdict of a catalogue adds to a field.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictAdds {
    pub htcds_field: String,
    /// Catalogue id (`indicators::Catalogue::id`) → codes added.
    pub catalogues: BTreeMap<String, Vec<String>>,
}

/// One code table: every code of a Komek list and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueMap {
    /// The Komek list it translates (a `lookups` list name, or the indicator catalogues).
    pub komek_list: String,
    pub htcds_fields: Vec<String>,
    pub map: BTreeMap<String, Translation>,
}

/// What one Komek code becomes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Empty when the standard has no equivalent: nothing is written.
    pub htcds: Vec<String>,
    pub confidence: Confidence,
}

/// How sure the team is of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Exact,
    /// A judgement call, for the team to confirm (the reasons are in docs/htcds-mapping.md).
    Approximate,
    /// The standard has no equivalent.
    #[serde(rename = "none")]
    NoEquivalent,
}

/// Whether a pick list takes one code or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickKind {
    Picklist,
    MultiPicklist,
}

/// One field of the standard and what Komek does with it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub name: String,
    /// The part of a record it belongs to (`person`, `victim`, `event`, …).
    pub part: String,
    pub core: bool,
    /// Withdrawn from the standard: never written, and not reported as missing.
    #[serde(default)]
    pub deprecated: bool,
    /// The sensitivity classes of the field list (`tests/data/htcds/fields-2.0.json`).
    pub sensitivity: Vec<String>,
    /// The consent categories (`lookups::DATA_CATEGORY`) that must all be allowed for the
    /// field to be written: at least what its classes translate to, sometimes more.
    pub consent: Vec<String>,
    /// Where Komek takes the value from; `None` when Komek never writes the field.
    pub komek: Option<String>,
    /// For a pick list Komek writes: one code or several.
    pub kind: Option<PickKind>,
    /// For a pick list Komek writes: its codes, in the standard's order.
    #[serde(default)]
    pub codes: Vec<String>,
    /// Codes with sensitivity classes of their own.
    #[serde(default)]
    pub value_sensitivity: BTreeMap<String, Vec<String>>,
    /// Codes that need consent categories beyond the field's.
    #[serde(default)]
    pub value_consent: BTreeMap<String, Vec<String>>,
}

impl FieldSpec {
    /// Whether Komek writes this field at all.
    pub fn written(&self) -> bool {
        self.komek.is_some()
    }

    /// The consent categories a value of this field needs: the field's and the code's own.
    pub fn consent_for<'a>(&'a self, code: Option<&str>) -> impl Iterator<Item = &'a str> {
        let own = code.and_then(|c| self.value_consent.get(c)).into_iter().flatten();
        self.consent.iter().chain(own).map(String::as_str)
    }
}

impl Mapping {
    /// The field with this name.
    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Where the field stands in the standard's order.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// What a Komek code of a list becomes; `None` for a code the table does not list.
    pub fn translation(&self, map: &str, code: &str) -> Option<&Translation> {
        self.maps.get(map)?.map.get(code)
    }

    /// The HTCDS codes a Komek code becomes: none when the standard has no equivalent, or
    /// when the table does not know the code (a test keeps every table complete).
    pub fn translate(&self, map: &str, code: &str) -> &[String] {
        self.translation(map, code).map_or(&[], |t| t.htcds.as_slice())
    }

    /// The first code a Komek code becomes, for a field that takes one.
    pub fn translate_one(&self, map: &str, code: &str) -> Option<&str> {
        self.translate(map, code).first().map(String::as_str)
    }

    /// The English label of a Komek code written as text.
    pub fn label(&self, list: &str, code: &str) -> Option<&str> {
        self.labels.get(list)?.get(code).map(String::as_str)
    }

    /// Whether a part of a record occurs several times per record.
    pub fn repeats(&self, part: &str) -> bool {
        self.repeating_parts.contains_key(part)
    }

    /// Whether a field's value is a list: a multi-select, or a field of a repeating part.
    pub fn holds_list(&self, field: &str) -> bool {
        self.field(field).is_some_and(|f| f.kind == Some(PickKind::MultiPicklist) || self.repeats(&f.part))
    }

    /// The standard's core fields Komek never writes (deprecated ones aside), in the
    /// standard's order: what a receiver must not read as "no".
    pub fn not_held(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().filter(|f| f.core && !f.deprecated && !f.written()).map(|f| f.name.as_str())
    }
}
