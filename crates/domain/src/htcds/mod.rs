//! The export of a case in IOM's Human Trafficking Case Data Standard (HTCDS) v2.0, so that a
//! partner using the standard can take a referral in without retyping it.
//!
//! Pure: the app reads the case, unseals what the reader may see and hands it over as a
//! [`CaseForExport`]; this module turns it into one [`HtcdsRecord`] per person of the case
//! (HTCDS has no case identifier and puts the victim context on the person), then into JSON
//! ([`to_json`]) or a flat CSV ([`to_csv`]). Beside each record goes the case number as the
//! exchange key `komek_CaseNumber`, which is not an HTCDS field.
//!
//! Which field is written from what, which consent categories it needs and how each Komek code
//! translates are data (`data/htcds-2.0.json`, see [`mapping()`]), argued field by field in
//! `docs/htcds-mapping.md`. A Komek code never leaves untranslated: a code without an HTCDS
//! equivalent writes nothing.
//!
//! Consent. The app must refuse a person's record when no consent record covers this
//! recipient and purpose on the day (the check is the app's: [`crate::referrals::Consent`]
//! knows the recipients, purposes and days); it then passes the consent's categories as an
//! [`ExportConsent`]. A field whose categories are not all allowed is left out, not emptied,
//! and so is a code that needs a category of its own; `con_Consent` is true only when the
//! caller says a consent covers the export. [`HtcdsRecord::categories`] tells the app what a
//! record carries, for its audit entry.
//!
//! The repeating parts (events, perpetrators, case comments, referrals) are lists in the
//! record, one item per occurrence in the same order in each field of the part.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::casework::{Assessment, CaseNote, NoteVisibility};
use crate::entities::{Appeal, Case, PartyIdentity, PersonIdentity, PersonProfile};
use crate::indicators::{self, Answer, Verdict};
use crate::referrals::{self, Direction, Referral, ReferralStep};
use crate::{PersonId, normalise};

mod mapping;
mod output;
#[cfg(test)]
mod tests;

pub use mapping::{
    Confidence, ExchangeKey, FieldSpec, Mapping, PickKind, StandardInfo, Translation, ValueMap, VerdictAdds, mapping,
};
pub use output::{to_csv, to_json};

/// What the app has read, and unsealed where the reader may, of one case for the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseForExport {
    pub case: Case,
    /// The persons of the case.
    pub persons: Vec<PersonForExport>,
    /// The case's assessments, every one: the latest per person and catalogue counts.
    pub assessments: Vec<Assessment>,
    /// The case's timeline.
    pub events: Vec<EventForExport>,
    /// The case's notes as read; only team-visible ones are ever written.
    pub notes: Vec<CaseNote>,
    /// The case's parties, in the case's order.
    pub parties: Vec<PartyForExport>,
    /// The referrals of the case's persons, each with its partner's name.
    pub referrals: Vec<ReferralForExport>,
    /// The display name of the case lead.
    pub lead_name: String,
    /// The organisation's own name: it holds the record and gave the case number.
    pub organisation_name: String,
}

/// A person of the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonForExport {
    pub id: PersonId,
    pub profile: PersonProfile,
    /// `None` when the reader may not see it: no identifying field is written then.
    pub identity: Option<PersonIdentity>,
    /// `lookups::SECTOR` and `lookups::OCCUPATION` of the person's appeal before the case
    /// ([`appeal_before_case`]): the industry when the case names no place of exploitation.
    pub appeal_sector: Option<String>,
    pub appeal_occupation: Option<String>,
}

/// A dated entry of the case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventForExport {
    /// `lookups::CASE_EVENT`.
    pub kind: String,
    pub happened_on: NaiveDate,
    /// `None` when the reader may not see it.
    pub text: Option<String>,
    /// The event's own place (`CaseEvent.place_*`); with none of them, the case's places of
    /// recruitment and exploitation stand in. The settlement is `None` when not readable.
    pub place_country: Option<String>,
    pub place_region: Option<String>,
    pub place_district: Option<String>,
    pub place_settlement: Option<String>,
}

impl EventForExport {
    /// An event of `kind` on a day, with its text and no place of its own.
    pub fn new(kind: &str, happened_on: NaiveDate, text: Option<String>) -> Self {
        Self {
            kind: kind.to_owned(),
            happened_on,
            text,
            place_country: None,
            place_region: None,
            place_district: None,
            place_settlement: None,
        }
    }

    fn has_place(&self) -> bool {
        self.place_country.is_some()
            || self.place_region.is_some()
            || self.place_district.is_some()
            || self.place_settlement.as_deref().is_some_and(|s| !s.trim().is_empty())
    }
}

/// A party of the case, as the case names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyForExport {
    /// `lookups::PARTY_ROLE`: its role in this case.
    pub role: String,
    /// `lookups::PARTY_KIND`.
    pub kind: String,
    /// `None` when the reader may not see it.
    pub identity: Option<PartyIdentity>,
}

/// A referral of a person of the case, with its partner's name and steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralForExport {
    pub referral: Referral,
    pub partner_name: String,
    /// Its dated steps: the day it was sent or received is taken from them.
    pub steps: Vec<ReferralStep>,
}

/// What the person's consent lets the export carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportConsent {
    /// A consent record covers this recipient and purpose on the day: the app checked it.
    pub covered: bool,
    /// The consent's categories (`lookups::DATA_CATEGORY`).
    pub categories: BTreeSet<String>,
}

impl ExportConsent {
    /// A consent that covers the export and allows these categories.
    pub fn covering<S: Into<String>>(categories: impl IntoIterator<Item = S>) -> Self {
        Self { covered: true, categories: categories.into_iter().map(Into::into).collect() }
    }

    fn allows<'a>(&self, mut needed: impl Iterator<Item = &'a str>) -> bool {
        needed.all(|category| self.categories.contains(category))
    }
}

/// One value of a field, or one item of a field of a repeating part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    /// Written as an ISO date.
    Day(NaiveDate),
    /// A code of the field's pick list.
    Code(String),
    Flag(bool),
    Number(i64),
}

/// A field's value in a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtcdsValue {
    One(Scalar),
    /// A multi-select: codes of its pick list, each once, in the standard's order.
    Codes(Vec<String>),
    /// A field of a repeating part: one item per occurrence, `None` where it has no value.
    Each(Vec<Option<Scalar>>),
}

/// The HTCDS record of one person of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtcdsRecord {
    /// The exchange key `komek_CaseNumber`: the sender's case number, not an HTCDS field.
    pub case_number: String,
    pub person_id: PersonId,
    /// The fields written, in the standard's order.
    pub fields: Vec<(&'static str, HtcdsValue)>,
}

impl HtcdsRecord {
    /// A field's value, if it was written.
    pub fn get(&self, field: &str) -> Option<&HtcdsValue> {
        self.fields.iter().find(|(name, _)| *name == field).map(|(_, value)| value)
    }

    /// The consent categories the record carries, for the audit entry of what was shared.
    pub fn categories(&self) -> BTreeSet<&'static str> {
        let mapping = mapping();
        let mut categories = BTreeSet::new();
        for (name, value) in &self.fields {
            let Some(spec) = mapping.field(name) else { continue };
            let codes: Vec<&str> = match value {
                HtcdsValue::One(Scalar::Code(code)) => vec![code],
                HtcdsValue::Codes(codes) => codes.iter().map(String::as_str).collect(),
                HtcdsValue::Each(items) => items
                    .iter()
                    .filter_map(|item| match item {
                        Some(Scalar::Code(code)) => Some(code.as_str()),
                        _ => None,
                    })
                    .collect(),
                HtcdsValue::One(_) => Vec::new(),
            };
            categories.extend(spec.consent_for(None));
            for code in codes {
                categories.extend(spec.consent_for(Some(code)));
            }
        }
        categories
    }
}

/// The person's appeal that tells the industry of a case: the latest received on or before
/// the day the case opened (appeals are linked to persons, not to cases).
pub fn appeal_before_case<'a>(appeals: &'a [Appeal], person: PersonId, case: &Case) -> Option<&'a Appeal> {
    appeals
        .iter()
        .filter(|a| a.person_id == Some(person) && a.received_at.date_naive() <= case.opened_on)
        .max_by_key(|a| a.received_at)
}

/// The records of every person of the case (among `persons`) for whom `consent_for` gives a
/// consent, in the case's order. A person it gives none for gets no record: that is how the
/// app refuses one.
pub fn records(input: &CaseForExport, consent_for: impl Fn(PersonId) -> Option<ExportConsent>) -> Vec<HtcdsRecord> {
    input
        .case
        .persons
        .iter()
        .filter_map(|person| consent_for(*person).and_then(|consent| record(input, *person, &consent)))
        .collect()
}

/// The record of one person of the case under `consent`; `None` for someone not in the case
/// or not among `persons`.
pub fn record(input: &CaseForExport, person: PersonId, consent: &ExportConsent) -> Option<HtcdsRecord> {
    if !input.case.persons.contains(&person) {
        return None;
    }
    let found = input.persons.iter().find(|p| p.id == person)?;
    let mut fields = Fields::default();
    fields.put("org_Name", text(&input.organisation_name));
    person_fields(&mut fields, found);
    victim_fields(&mut fields, input, found);
    perpetrator_fields(&mut fields, input);
    case_fields(&mut fields, input);
    referral_fields(&mut fields, input, person);
    comment_fields(&mut fields, input);
    event_fields(&mut fields, input);
    fields.put("con_Consent", Some(HtcdsValue::One(Scalar::Flag(consent.covered))));
    Some(HtcdsRecord { case_number: input.case.number.clone(), person_id: person, fields: fields.allowed_by(consent) })
}

/// The fields of a record as they are built, by the standard's order.
#[derive(Default)]
struct Fields(BTreeMap<usize, (&'static FieldSpec, HtcdsValue)>);

impl Fields {
    fn put(&mut self, name: &str, value: Option<HtcdsValue>) {
        let mapping = mapping();
        let spec = mapping.position(name).map(|at| (at, &mapping.fields[at]));
        debug_assert!(spec.is_some(), "{name} is not a field of data/htcds-2.0.json");
        if let (Some((at, spec)), Some(value)) = (spec, value) {
            self.0.insert(at, (spec, value));
        }
    }

    /// What `consent` lets go: a field whose categories are not all allowed is left out, and
    /// so is a code that needs a category of its own (the whole field, for a single code).
    fn allowed_by(self, consent: &ExportConsent) -> Vec<(&'static str, HtcdsValue)> {
        let code_allowed = |spec: &FieldSpec, code: &str| consent.allows(spec.consent_for(Some(code)));
        self.0
            .into_values()
            .filter(|(spec, _)| consent.allows(spec.consent_for(None)))
            .filter_map(|(spec, value)| {
                let value = match value {
                    HtcdsValue::One(Scalar::Code(code)) if !code_allowed(spec, &code) => return None,
                    HtcdsValue::Codes(codes) => {
                        let codes: Vec<String> = codes.into_iter().filter(|c| code_allowed(spec, c)).collect();
                        if codes.is_empty() {
                            return None;
                        }
                        HtcdsValue::Codes(codes)
                    }
                    HtcdsValue::Each(items) => {
                        let items: Vec<Option<Scalar>> = items
                            .into_iter()
                            .map(|item| match item {
                                Some(Scalar::Code(code)) if !code_allowed(spec, &code) => None,
                                other => other,
                            })
                            .collect();
                        if items.iter().all(Option::is_none) {
                            return None;
                        }
                        HtcdsValue::Each(items)
                    }
                    other => other,
                };
                Some((spec.name.as_str(), value))
            })
            .collect()
    }
}

/// A text value; nothing for an empty one.
fn text(value: &str) -> Option<HtcdsValue> {
    let value = value.trim();
    (!value.is_empty()).then(|| HtcdsValue::One(Scalar::Text(value.to_owned())))
}

fn code(value: Option<&str>) -> Option<HtcdsValue> {
    value.map(|c| HtcdsValue::One(Scalar::Code(c.to_owned())))
}

/// A multi-select of these codes, each once in the standard's order; nothing when empty.
fn codes<'a>(field: &str, found: impl IntoIterator<Item = &'a String>) -> Option<HtcdsValue> {
    let found: BTreeSet<&str> = found.into_iter().map(String::as_str).collect();
    let order = mapping().field(field).map(|f| f.codes.as_slice()).unwrap_or_default();
    let mut ordered: Vec<String> = order.iter().filter(|c| found.contains(c.as_str())).cloned().collect();
    // A code the field's list lacks is kept, last, so the tests against the standard see it.
    ordered.extend(found.iter().filter(|c| !order.iter().any(|o| o == *c)).map(|c| (*c).to_owned()));
    (!ordered.is_empty()).then_some(HtcdsValue::Codes(ordered))
}

/// A field of a repeating part; nothing when no item has a value.
fn each(items: Vec<Option<Scalar>>) -> Option<HtcdsValue> {
    items.iter().any(Option::is_some).then_some(HtcdsValue::Each(items))
}

fn some_text(value: &str) -> Option<Scalar> {
    let value = value.trim();
    (!value.is_empty()).then(|| Scalar::Text(value.to_owned()))
}

/// The parts of a place, smallest first, as one line: "Tashkent, UZ".
fn place_line(parts: impl IntoIterator<Item = Option<String>>) -> Option<HtcdsValue> {
    let parts: Vec<String> = parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).collect();
    text(&parts.join(", "))
}

fn person_fields(fields: &mut Fields, person: &PersonForExport) {
    let mapping = mapping();
    let profile = &person.profile;
    fields.put("prs_Gender", code(mapping.translate_one("sex", &profile.sex)));
    let languages: Vec<&str> = profile.languages.iter().filter_map(|l| mapping.translate_one("language", l)).collect();
    fields.put("prs_PrimaryLanguage", code(languages.first().copied()));
    fields.put("prs_SecondaryLanguage", code(languages.get(1).copied()));
    // The main citizenship first, then the others as recorded; the standard's list of
    // countries has no order of its own to keep.
    let mut citizenships: Vec<String> = Vec::new();
    for code in std::iter::once(&profile.citizenship).chain(&profile.other_citizenships) {
        for country in mapping.translate("citizenship", code) {
            if !citizenships.contains(country) {
                citizenships.push(country.clone());
            }
        }
    }
    fields.put("prs_Citizenship", (!citizenships.is_empty()).then_some(HtcdsValue::Codes(citizenships)));
    let Some(identity) = &person.identity else { return };
    let name = if identity.passport_name.trim().is_empty() { &identity.full_name } else { &identity.passport_name };
    fields.put("prs_SecondName", text(name));
    fields.put("prs_Birthdate", identity.birth_date.map(|d| HtcdsValue::One(Scalar::Day(d))));
    let document = identity.documents.iter().find(|d| !d.trim().is_empty());
    fields.put("prs_IdentityNumber", document.and_then(|d| text(d)));
    let phone = identity.phones.iter().find_map(|p| normalise::phone(p));
    fields.put("prs_MobilePhone", phone.and_then(|p| text(&p)));
    fields.put("prs_MailingStreet", text(&identity.address));
}

/// The person's latest assessment in each catalogue: later interviews correct earlier ones.
fn latest_assessments(input: &CaseForExport, person: PersonId) -> Vec<&Assessment> {
    let mut latest: BTreeMap<&str, &Assessment> = BTreeMap::new();
    for assessment in input.assessments.iter().filter(|a| a.person_id == person && a.case_id == input.case.id) {
        match latest.get(assessment.catalogue.as_str()) {
            Some(kept) if kept.assessed_on > assessment.assessed_on => {}
            _ => {
                latest.insert(&assessment.catalogue, assessment);
            }
        }
    }
    latest.into_values().collect()
}

fn victim_fields(fields: &mut Fields, input: &CaseForExport, person: &PersonForExport) {
    let mapping = mapping();
    let case = &input.case;
    if let Some(victim) = case.victim_status(person.id) {
        fields.put("vic_TraffickingStatus", code(mapping.translate_one("victim-status", &victim.status)));
        let body = victim.identified_by.as_deref().and_then(|b| mapping.translate_one("identifying-body", b));
        fields.put("vic_TraffickingStatusDecisionMakingOrg", code(body));
    }

    let birth = person.identity.as_ref().and_then(|i| i.birth_date);
    let first_trafficked = input
        .events
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "recruitment" | "exploitation"))
        .map(|e| e.happened_on)
        .min();
    let age = birth.zip(first_trafficked).and_then(|(born, on)| on.years_since(born));
    fields.put("vic_AgeWhenTrafficked", age.map(|years| HtcdsValue::One(Scalar::Number(i64::from(years)))));

    let recruited_country = case.recruited_country.as_deref().and_then(|c| mapping.translate_one("citizenship", c));
    fields.put(
        "vic_LocationOfRecruitment",
        place_line([
            Some(case.recruited_at.clone()),
            label_of("district", case.recruited_district.as_deref()),
            recruited_country.map(str::to_owned),
        ]),
    );
    let recruited = case.recruitment_methods.iter().flat_map(|m| mapping.translate("recruitment-method", m));
    fields.put("vic_MethodOfRecruitment", codes("vic_MethodOfRecruitment", recruited));
    fields.put(
        "vic_LocationOfExploitation",
        place_line([
            label_of("place", case.exploited_place.as_deref()),
            label_of("district", case.exploited_district.as_deref()),
            label_of("region", case.exploited_region.as_deref()),
            exploitation_country(case),
        ]),
    );

    let latest = latest_assessments(input, person.id);
    // What the lawyer recorded, joined with what the indicator answers give, each once.
    let mut controls: Vec<&String> =
        case.means_of_control.iter().flat_map(|m| mapping.translate("means-of-control", m)).collect();
    for assessment in &latest {
        for answer in assessment.answers.iter().filter(|a| a.answer == Answer::Yes) {
            match mapping.translation("ilo-indicator", &answer.indicator) {
                Some(translation) => controls.extend(&translation.htcds),
                // An indicator added to a catalogue before this table learnt it still counts
                // through the eleven screening tags it stands for.
                None => {
                    let tags = indicators::indicator(&answer.indicator).map(|i| i.tags).unwrap_or_default();
                    controls.extend(tags.iter().flat_map(|tag| mapping.translate("eleven", tag.code())));
                }
            }
        }
    }
    fields.put("vic_MethodsOfControl", codes("vic_MethodsOfControl", controls));

    let mut exploitation: Vec<&String> = mapping.translate("case-kind", &case.kind).iter().collect();
    for assessment in &latest {
        let found = assessment.evaluate().is_some_and(|e| e.verdict == Verdict::Yes);
        if let Some(added) = mapping.verdict_yes_adds.catalogues.get(&assessment.catalogue).filter(|_| found) {
            exploitation.extend(added);
        }
    }
    fields.put("vic_TypeOfExploitation", codes("vic_TypeOfExploitation", exploitation));

    let industry = case
        .exploited_place
        .as_deref()
        .and_then(|p| mapping.translate_one("place", p))
        .or_else(|| person.appeal_sector.as_deref().and_then(|s| mapping.translate_one("sector", s)))
        .or_else(|| person.appeal_occupation.as_deref().and_then(|o| mapping.translate_one("occupation", o)));
    fields.put("vic_ForcedLabourIndustry", code(industry));
}

fn label_of(list: &str, code: Option<&str>) -> Option<String> {
    code.and_then(|c| mapping().label(list, c)).map(str::to_owned)
}

fn perpetrator_fields(fields: &mut Fields, input: &CaseForExport) {
    let mapping = mapping();
    let parties = &input.parties;
    let role = |p: &PartyForExport| mapping.translate_one("party-role", &p.role).map(|c| Scalar::Code(c.to_owned()));
    fields.put("per_RoleInProcess", each(parties.iter().map(role).collect()));
    let details = |p: &PartyForExport| p.identity.as_ref().and_then(|i| some_text(&i.notes));
    fields.put("per_RoleDetails", each(parties.iter().map(details).collect()));
    // A company is itself the organisation it acts for; a person party is linked to none.
    let organisation =
        |p: &PartyForExport| p.identity.as_ref().filter(|_| p.kind == "company").and_then(|i| some_text(&i.name));
    fields.put("per_Organisation", each(parties.iter().map(organisation).collect()));
}

fn case_fields(fields: &mut Fields, input: &CaseForExport) {
    let mapping = mapping();
    let case = &input.case;
    fields.put("cas_Status", code(mapping.translate_one("case-status", &case.status)));
    if case.is_closed() {
        let reason = label_of("closing-reason", case.closing_reason.as_deref());
        fields.put("cas_ReasonForCaseClosure", reason.and_then(|r| text(&r)));
    }
    fields.put("cas_CaseOwner", text(&input.lead_name));
}

fn referral_fields(fields: &mut Fields, input: &CaseForExport, person: PersonId) {
    let mapping = mapping();
    // A draft never left, and a referral taken back is not one the partner works on.
    let mut made: Vec<&ReferralForExport> = input
        .referrals
        .iter()
        .filter(|r| r.referral.person_id == person && r.referral.case_id.is_none_or(|id| id == input.case.id))
        .filter(|r| !referrals::not_yet_sent(&r.referral.status) && r.referral.status != "withdrawn")
        .collect();
    made.sort_by_key(|r| r.referral.created_at);
    let parts = [
        (
            Direction::Outgoing,
            "sent",
            "cas_ReferredOrganisation",
            "cas_OutgoingReferralDate",
            "cas_ReasonForOutgoingReferral",
        ),
        (
            Direction::Incoming,
            "received",
            "cas_ReferringOrganisation",
            "cas_IncomingReferralDate",
            "cas_ReasonForIncomingReferral",
        ),
    ];
    for (direction, step, organisation, date, reason) in parts {
        let these: Vec<&ReferralForExport> =
            made.iter().copied().filter(|r| r.referral.direction == direction).collect();
        fields.put(organisation, each(these.iter().map(|r| some_text(&r.partner_name)).collect()));
        let day = |r: &&ReferralForExport| {
            let stepped = r.steps.iter().find(|s| s.status == step).map(|s| s.on);
            Some(Scalar::Day(stepped.unwrap_or_else(|| r.referral.created_at.date_naive())))
        };
        fields.put(date, each(these.iter().map(day).collect()));
        let why = |r: &&ReferralForExport| {
            mapping.translate_one("referral-purpose", &r.referral.purpose).map(|c| Scalar::Code(c.to_owned()))
        };
        fields.put(reason, each(these.iter().map(why).collect()));
    }
}

fn comment_fields(fields: &mut Fields, input: &CaseForExport) {
    let mut notes: Vec<&CaseNote> =
        input.notes.iter().filter(|n| n.visibility == NoteVisibility::Team && n.case_id == input.case.id).collect();
    notes.sort_by_key(|n| n.written_at);
    let summary = input.case.summary.as_deref().and_then(some_text);
    let comments = summary.into_iter().chain(notes.iter().filter_map(|n| some_text(&n.text))).map(Some).collect();
    fields.put("cco_CaseComment", each(comments));
}

/// The country where the person was exploited (see [`country_of_place`]).
fn exploitation_country(case: &Case) -> Option<String> {
    country_of_place(
        case.exploited_country.as_deref(),
        case.exploited_region.as_deref(),
        case.exploited_district.as_deref(),
    )
}

/// The country of a place: its own country when recorded, else the country of Komek's regions
/// when a region or district is set (they are all Kazakh).
fn country_of_place(country: Option<&str>, region: Option<&str>, district: Option<&str>) -> Option<String> {
    let mapping = mapping();
    match country {
        Some(country) => mapping.translate_one("citizenship", country).map(str::to_owned),
        None => (region.is_some() || district.is_some()).then(|| mapping.country_of_regions.clone()),
    }
}

fn event_fields(fields: &mut Fields, input: &CaseForExport) {
    let mapping = mapping();
    let case = &input.case;
    let mut events: Vec<(&EventForExport, &str)> = input
        .events
        .iter()
        .filter_map(|e| mapping.translate_one("case-event", &e.kind).map(|kind| (e, kind)))
        .collect();
    events.sort_by_key(|(e, _)| e.happened_on);
    let recruited_country = case.recruited_country.as_deref().and_then(|c| mapping.translate_one("citizenship", c));
    let exploited_country = exploitation_country(case);
    let mut dates = Vec::new();
    let mut kinds = Vec::new();
    let mut descriptions = Vec::new();
    let mut countries = Vec::new();
    let mut states = Vec::new();
    let mut cities = Vec::new();
    for (event, kind) in events {
        dates.push(Some(Scalar::Day(event.happened_on)));
        kinds.push(Some(Scalar::Code(kind.to_owned())));
        descriptions.push(event.text.as_deref().and_then(some_text));
        // The event's own place when recorded (the town as told, else its district); without
        // one, the case's places of recruitment and exploitation stand in.
        let (country, state, city) = if event.has_place() {
            let settlement = event.place_settlement.as_deref().map(str::trim).filter(|s| !s.is_empty());
            (
                country_of_place(
                    event.place_country.as_deref(),
                    event.place_region.as_deref(),
                    event.place_district.as_deref(),
                ),
                label_of("region", event.place_region.as_deref()),
                settlement.map(str::to_owned).or_else(|| label_of("district", event.place_district.as_deref())),
            )
        } else {
            match event.kind.as_str() {
                "recruitment" => (
                    recruited_country.map(str::to_owned),
                    None,
                    label_of("district", case.recruited_district.as_deref()),
                ),
                "exploitation" => (
                    exploited_country.clone(),
                    label_of("region", case.exploited_region.as_deref()),
                    label_of("district", case.exploited_district.as_deref()),
                ),
                _ => (None, None, None),
            }
        };
        countries.push(country.map(Scalar::Text));
        states.push(state.map(Scalar::Text));
        cities.push(city.map(Scalar::Text));
    }
    fields.put("hte_Date", each(dates));
    fields.put("hte_Type", each(kinds));
    fields.put("hte_Description", each(descriptions));
    fields.put("hte_Country", each(countries));
    fields.put("hte_State", each(states));
    fields.put("hte_City", each(cities));
}
