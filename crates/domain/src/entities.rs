//! The records Komek keeps (offices, accounts, persons, appeals, cases, services, parties), as
//! plain data with their validation rules. The parts of a case file are in `casework`.
//!
//! Identifying parts are separate structs (`PersonIdentity`, `PartyIdentity`, free-text notes)
//! so the app crate can encrypt them as a whole and never hand them to a role that may not
//! see them: a record read without that right simply carries `None`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::limits::{
    MAX_CASE_PERSONS, MAX_CASE_TEAM, MAX_DOCUMENTS, MAX_NAMED_PARTIES, MAX_NOTE_CHARS, MAX_PHONES, MAX_REGION_CHARS,
    MAX_SHORT_CHARS, MAX_SPELLINGS,
};
use crate::lookups::{self, Coded, HoldsCodes};
use crate::{Money, Role, ValidationError, rules};

/// An office: headquarters or a district centre. Records belong to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub id: OfficeId,
    /// Short stable code typed in the CLI: "hq", "maktaaral".
    pub code: String,
    pub name: String,
    /// Local time offset from UTC in minutes (Kazakhstan is UTC+5 since March 2024).
    pub utc_offset_minutes: i32,
}

/// Longest office name: it heads the letters the office sends.
pub const MAX_OFFICE_NAME_CHARS: usize = 200;

impl Office {
    /// A name that shows something, on one line; a clock offset of a real time zone: UTC−12
    /// to UTC+14, in quarters of an hour.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        rules::check_required(&mut errors, "name", &self.name);
        rules::check_name(&mut errors, "name", &self.name, MAX_OFFICE_NAME_CHARS);
        if !(-12 * 60..=14 * 60).contains(&self.utc_offset_minutes) || self.utc_offset_minutes % 15 != 0 {
            errors.push(ValidationError::Invalid { field: "utc_offset_minutes" });
        }
        errors
    }
}

/// A staff account. Secrets (password hash, second factor) stay in the store layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: AccountId,
    pub office_id: OfficeId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Interface language: "ru", "kk" or "en".
    pub language: String,
    pub must_change_password: bool,
    pub disabled: bool,
}

/// The identifying part of a person: encrypted at rest, shown only to those allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonIdentity {
    /// The name as the person said it.
    pub full_name: String,
    /// The name as written in the passport, when seen.
    pub passport_name: String,
    /// Other spellings people use for this person.
    pub other_spellings: Vec<String>,
    pub birth_date: Option<NaiveDate>,
    /// When only the year (or an approximate age turned into a year) is known.
    pub birth_year: Option<i32>,
    pub phones: Vec<String>,
    pub documents: Vec<String>,
    pub address: String,
    pub notes: String,
}

impl PersonIdentity {
    /// Takes in what a duplicate record knew of the same person: its names become other
    /// spellings, its phones and documents join these, and empty fields are filled.
    pub fn absorb(&mut self, other: PersonIdentity) {
        for name in [other.full_name, other.passport_name].into_iter().chain(other.other_spellings) {
            if name != self.full_name && name != self.passport_name {
                add_distinct(&mut self.other_spellings, name);
            }
        }
        other.phones.into_iter().for_each(|p| add_distinct(&mut self.phones, p));
        other.documents.into_iter().for_each(|d| add_distinct(&mut self.documents, d));
        self.birth_date = self.birth_date.or(other.birth_date);
        self.birth_year = self.birth_year.or(other.birth_year);
        absorb_text(&mut self.address, &mut self.notes, other.address, other.notes);
    }
}

/// Adds a value to a list unless it is blank or there already.
fn add_distinct(list: &mut Vec<String>, value: String) {
    if !value.trim().is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

/// A duplicate's address fills an empty one; its notes follow these after a blank line.
fn absorb_text(address: &mut String, notes: &mut String, other_address: String, other_notes: String) {
    if address.trim().is_empty() {
        *address = other_address;
    }
    if !other_notes.trim().is_empty() {
        *notes = if notes.trim().is_empty() { other_notes } else { format!("{notes}\n\n{other_notes}") };
    }
}

/// The non-identifying part of a person: counted in statistics, never enough to find someone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProfile {
    /// `lookups::SEX`.
    pub sex: String,
    /// `lookups::CITIZENSHIP`: the main citizenship, the one reports count the person by.
    pub citizenship: String,
    /// Any further citizenships (`lookups::CITIZENSHIP` countries), each once and never the
    /// main one: a dual citizen of Uzbekistan and Russia is counted as one person, under one.
    pub other_citizenships: Vec<String>,
    /// Age band at registration (CTDC bands: "18-20", "30-38", …); empty when unknown.
    pub age_band: String,
    /// Region or town of origin, e.g. "Джизак" (coarse enough to be non-identifying).
    pub home_region: String,
    /// `lookups::LANGUAGE`.
    pub languages: Vec<String>,
    /// `lookups::VULNERABILITY`.
    pub vulnerabilities: Vec<String>,
    /// The person did not give a name: an anonymous appeal is a normal appeal.
    pub anonymous: bool,
}

impl PersonProfile {
    /// Takes in what a duplicate record knew: its languages and vulnerabilities join these,
    /// and fields still unknown here are filled.
    pub fn absorb(&mut self, other: PersonProfile) {
        for (mine, theirs) in
            [(&mut self.languages, other.languages), (&mut self.vulnerabilities, other.vulnerabilities)]
        {
            for code in theirs {
                if !mine.contains(&code) {
                    mine.push(code);
                }
            }
        }
        let unknown = |v: &str| v.is_empty() || v == "unknown";
        if unknown(&self.sex) {
            self.sex = other.sex;
        }
        // The other record's citizenships that this one lacks become further ones.
        let mut further = other.other_citizenships;
        if unknown(&self.citizenship) {
            self.citizenship = other.citizenship;
        } else {
            further.insert(0, other.citizenship);
        }
        let not_a_country = |c: &str| lookups::NOT_A_COUNTRY.contains(&c);
        if !not_a_country(&self.citizenship) {
            for code in further {
                if !not_a_country(&code) && code != self.citizenship && !self.other_citizenships.contains(&code) {
                    self.other_citizenships.push(code);
                }
            }
        }
        if self.age_band.is_empty() {
            self.age_band = other.age_band;
        }
        if self.home_region.trim().is_empty() {
            self.home_region = other.home_region;
        }
        self.anonymous &= other.anonymous;
    }
}

/// Someone the organisation helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub office_id: OfficeId,
    pub profile: PersonProfile,
    /// `None` when the reader may not see identifying data.
    pub identity: Option<PersonIdentity>,
    pub created_at: DateTime<Utc>,
}

/// The age bands of the Counter Trafficking Data Collaborative's public data (CTDC), from an
/// age in whole years.
pub fn age_band(age: i32) -> &'static str {
    match age {
        i32::MIN..=8 => "0-8",
        9..=17 => "9-17",
        18..=20 => "18-20",
        21..=23 => "21-23",
        24..=26 => "24-26",
        27..=29 => "27-29",
        30..=38 => "30-38",
        39..=47 => "39-47",
        _ => "48+",
    }
}

/// The CTDC age band on a given day of someone born in `birth_year` (their age that year).
pub fn age_band_at(birth_year: i32, on: NaiveDate) -> &'static str {
    use chrono::Datelike;
    age_band(on.year().saturating_sub(birth_year))
}

/// One contact: a call, a visit, a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    pub id: AppealId,
    pub office_id: OfficeId,
    pub received_at: DateTime<Utc>,
    pub channel: String,
    pub contact: String,
    pub person_id: Option<PersonId>,
    pub topics: Vec<String>,
    pub help: Vec<String>,
    pub occupation: Option<String>,
    pub sector: Option<String>,
    pub work_region: Option<String>,
    pub work_district: Option<String>,
    /// Monthly wage at the time of the appeal.
    pub wage: Option<Money>,
    pub migration_reason: Option<String>,
    /// Free text: identifying, encrypted at rest. `None` when the reader may not see it.
    pub notes: Option<String>,
    pub operator_id: AccountId,
    pub follow_up_on: Option<NaiveDate>,
    pub outcome: String,
    /// Parties the appeal names, with the role each played.
    pub parties: Vec<(PartyId, String)>,
}

impl HoldsCodes for Appeal {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let mut codes = vec![Coded::new("channel", lookups::CHANNEL, &self.channel)];
        codes.extend(Coded::each("topics", lookups::TOPIC, &self.topics));
        codes.extend(Coded::each("help", lookups::HELP, &self.help));
        codes.extend(Coded::optional("occupation", lookups::OCCUPATION, &self.occupation));
        codes.extend(Coded::optional("sector", lookups::SECTOR, &self.sector));
        codes.extend(Coded::optional("work_district", lookups::DISTRICT, &self.work_district));
        codes.extend(Coded::optional("migration_reason", lookups::MIGRATION_REASON, &self.migration_reason));
        codes
    }
}

impl Appeal {
    /// An appeal received at `received_at` by `operator_id` through `channel` from a `contact`
    /// (`lookups::CHANNEL`, `lookups::CONTACT`), with its `outcome` and nothing else recorded
    /// yet: the start a form or an import fills in.
    pub fn received(
        office_id: OfficeId,
        operator_id: AccountId,
        received_at: DateTime<Utc>,
        channel: &str,
        contact: &str,
        outcome: &str,
    ) -> Self {
        Self {
            id: AppealId::new(),
            office_id,
            received_at,
            channel: channel.to_owned(),
            contact: contact.to_owned(),
            person_id: None,
            topics: Vec::new(),
            help: Vec::new(),
            occupation: None,
            sector: None,
            work_region: None,
            work_district: None,
            wage: None,
            migration_reason: None,
            notes: None,
            operator_id,
            follow_up_on: None,
            outcome: outcome.to_owned(),
            parties: Vec::new(),
        }
    }

    /// Every problem at once, so a form can mark all its fields in one round trip. `now` is
    /// the server's clock: an appeal cannot have been received in the future.
    pub fn validate(&self, now: DateTime<Utc>) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let mut check = |field, list: lookups::LookupList, code: &str| {
            if let Err(e) = list.check(field, code) {
                errors.push(e);
            }
        };
        self.codes_held().into_iter().for_each(|c| check(c.field, c.list, c.code));
        check("contact", lookups::CONTACT, &self.contact);
        check("outcome", lookups::APPEAL_OUTCOME, &self.outcome);
        self.parties.iter().for_each(|(_, role)| check("parties.role", lookups::PARTY_ROLE, role));
        if let Some(region) = &self.work_region {
            check("work_region", lookups::REGION, region);
        }
        if self.topics.is_empty() {
            errors.push(ValidationError::Required { field: "topics" });
        }
        rules::check_count(&mut errors, "topics", self.topics.len(), lookups::TOPIC.most_chosen());
        rules::check_count(&mut errors, "help", self.help.len(), lookups::HELP.most_chosen());
        rules::check_count(&mut errors, "parties", self.parties.len(), MAX_NAMED_PARTIES);
        rules::check_amount(&mut errors, "wage", self.wage, rules::AmountKind::MonthlyWage);
        if let Some(notes) = &self.notes {
            rules::check_text(&mut errors, "notes", notes, MAX_NOTE_CHARS);
        }
        rules::check_past(&mut errors, "received_at", self.received_at, now);
        if let Some(day) = self.follow_up_on {
            rules::check_day(&mut errors, "follow_up_on", day);
        }
        errors
    }
}

/// Further citizenships go beside a main country: each a country (not "stateless" or
/// "unknown"), each once, none the main one.
fn other_citizenships_fit(profile: &PersonProfile) -> bool {
    let others = &profile.other_citizenships;
    let not_a_country = |c: &str| lookups::NOT_A_COUNTRY.contains(&c);
    others.is_empty()
        || (!not_a_country(&profile.citizenship)
            && others
                .iter()
                .enumerate()
                .all(|(at, c)| !not_a_country(c) && *c != profile.citizenship && !others[..at].contains(c)))
}

/// What may be said about a person: their profile and, when given, their identity. `today`
/// is the server's day: no one is born in the future.
pub fn validate_person(profile: &PersonProfile, identity: &PersonIdentity, today: NaiveDate) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut check = |field, list: lookups::LookupList, code: &str| {
        if let Err(e) = list.check(field, code) {
            errors.push(e);
        }
    };
    check("sex", lookups::SEX, &profile.sex);
    check("citizenship", lookups::CITIZENSHIP, &profile.citizenship);
    profile.languages.iter().for_each(|l| check("languages", lookups::LANGUAGE, l));
    profile.vulnerabilities.iter().for_each(|v| check("vulnerabilities", lookups::VULNERABILITY, v));
    if !profile.age_band.is_empty() {
        check("age_band", lookups::AGE_BAND, &profile.age_band);
    }
    rules::check_count(&mut errors, "languages", profile.languages.len(), lookups::LANGUAGE.codes.len());
    rules::check_count(
        &mut errors,
        "vulnerabilities",
        profile.vulnerabilities.len(),
        lookups::VULNERABILITY.codes.len(),
    );
    rules::check_codes(&mut errors, "other_citizenships", lookups::CITIZENSHIP, &profile.other_citizenships);
    if !other_citizenships_fit(profile) {
        errors.push(ValidationError::Invalid { field: "other_citizenships" });
    }
    rules::check_line(&mut errors, "home_region", &profile.home_region, MAX_REGION_CHARS);
    if !profile.anonymous && identity.full_name.trim().is_empty() {
        errors.push(ValidationError::Required { field: "full_name" });
    }
    rules::check_name(&mut errors, "full_name", &identity.full_name, MAX_SHORT_CHARS);
    rules::check_name(&mut errors, "passport_name", &identity.passport_name, MAX_SHORT_CHARS);
    rules::check_count(&mut errors, "other_spellings", identity.other_spellings.len(), MAX_SPELLINGS);
    let mut spellings = Vec::new();
    for name in &identity.other_spellings {
        rules::check_name(&mut spellings, "other_spellings", name, MAX_SHORT_CHARS);
    }
    spellings.dedup();
    errors.extend(spellings);
    rules::check_lines(&mut errors, "phones", &identity.phones, MAX_SHORT_CHARS, MAX_PHONES);
    if !errors.iter().any(|e| e.field() == "phones")
        && identity.phones.iter().any(|p| crate::normalise::phone(p).is_none())
    {
        errors.push(ValidationError::Invalid { field: "phones" });
    }
    rules::check_lines(&mut errors, "documents", &identity.documents, MAX_SHORT_CHARS, MAX_DOCUMENTS);
    rules::check_line(&mut errors, "address", &identity.address, MAX_SHORT_CHARS);
    rules::check_text(&mut errors, "notes", &identity.notes, MAX_NOTE_CHARS);
    if let Some(day) = identity.birth_date {
        if day > today {
            errors.push(ValidationError::Future { field: "birth_date" });
        } else {
            rules::check_day(&mut errors, "birth_date", day);
        }
    }
    if identity.birth_year.is_some_and(|y| !rules::birth_year_possible(y, today)) {
        errors.push(ValidationError::Invalid { field: "birth_year" });
    }
    errors
}

impl PartyIdentity {
    /// What may be said about who a party is, on `today`; its name is required.
    pub fn validate(&self, today: NaiveDate) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        rules::check_required(&mut errors, "party_name", &self.name);
        rules::check_name(&mut errors, "party_name", &self.name, MAX_SHORT_CHARS);
        rules::check_count(&mut errors, "party_other_names", self.other_names.len(), MAX_SPELLINGS);
        let mut names = Vec::new();
        for name in &self.other_names {
            rules::check_name(&mut names, "party_other_names", name, MAX_SHORT_CHARS);
        }
        names.dedup();
        errors.extend(names);
        rules::check_lines(&mut errors, "party_phones", &self.phones, MAX_SHORT_CHARS, MAX_PHONES);
        rules::check_lines(&mut errors, "party_identifiers", &self.identifiers, MAX_SHORT_CHARS, MAX_DOCUMENTS);
        rules::check_line(&mut errors, "party_address", &self.address, MAX_SHORT_CHARS);
        rules::check_text(&mut errors, "party_notes", &self.notes, MAX_NOTE_CHARS);
        if let Some(licence) = &self.licence {
            licence.validate(&mut errors, today);
        }
        errors
    }

    /// Takes in what a duplicate record knew of the same party: its names become other
    /// names, its phones and identifiers join these, empty fields (the licence among them)
    /// are filled, and its notes follow these.
    pub fn absorb(&mut self, other: PartyIdentity) {
        for name in std::iter::once(other.name).chain(other.other_names) {
            if name != self.name {
                add_distinct(&mut self.other_names, name);
            }
        }
        other.phones.into_iter().for_each(|p| add_distinct(&mut self.phones, p));
        other.identifiers.into_iter().for_each(|i| add_distinct(&mut self.identifiers, i));
        absorb_text(&mut self.address, &mut self.notes, other.address, other.notes);
        self.licence = self.licence.take().or(other.licence);
    }
}

/// Ongoing work for one or more persons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub office_id: OfficeId,
    /// Human reference, e.g. "2008-017".
    pub number: String,
    pub kind: String,
    pub status: String,
    /// Visible to its team only.
    pub sensitive: bool,
    pub lead_id: AccountId,
    pub team: Vec<AccountId>,
    pub persons: Vec<PersonId>,
    pub parties: Vec<(PartyId, String)>,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// Where the person was recruited and exploited (district codes or free place names).
    pub recruited_at: String,
    pub exploited_region: Option<String>,
    pub exploited_district: Option<String>,
    pub exploited_place: Option<String>,
    /// The country of exploitation (citizenship code), for exploitation abroad; with none set,
    /// a Kazakh region or district above implies Kazakhstan.
    pub exploited_country: Option<String>,
    /// `lookups::RECRUITMENT_METHOD`: how the person was drawn in, each once.
    pub recruitment_methods: Vec<String>,
    /// `lookups::MEANS_OF_CONTROL`: how the exploiters kept control, as recorded by the lawyer
    /// (the assessments' indicator answers say more; the HTCDS export joins both).
    pub means_of_control: Vec<String>,
    pub outcomes: Vec<String>,
    /// `lookups::CLOSING_REASON`, required once the case is closed.
    pub closing_reason: Option<String>,
    /// Where the person was recruited: a country (citizenship code) and, in Kazakhstan, a
    /// district; `recruited_at` names the place itself.
    pub recruited_country: Option<String>,
    pub recruited_district: Option<String>,
    /// Each person's standing as a victim, one per person of `persons` (a person missing
    /// here is "unknown").
    pub victims: Vec<crate::casework::VictimStatus>,
    /// The story in the lawyer's words: identifying, encrypted. `None` when not readable.
    pub summary: Option<String>,
}

impl HoldsCodes for Case {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let mut codes = vec![Coded::new("kind", lookups::CASE_KIND, &self.kind)];
        codes.extend(Coded::optional("exploited_district", lookups::DISTRICT, &self.exploited_district));
        codes.extend(Coded::optional("exploited_place", lookups::PLACE_KIND, &self.exploited_place));
        codes.extend(Coded::optional("closing_reason", lookups::CLOSING_REASON, &self.closing_reason));
        codes.extend(Coded::optional("recruited_district", lookups::DISTRICT, &self.recruited_district));
        codes
    }
}

impl Case {
    /// A case of `kind` opened on `opened_on` in an office, led by `lead_id`, open, not
    /// sensitive, with no number yet (the service gives it) and nothing else recorded.
    pub fn opened(office_id: OfficeId, kind: &str, lead_id: AccountId, opened_on: NaiveDate) -> Self {
        Self {
            id: CaseId::new(),
            office_id,
            number: String::new(),
            kind: kind.to_owned(),
            status: "open".into(),
            sensitive: false,
            lead_id,
            team: Vec::new(),
            persons: Vec::new(),
            parties: Vec::new(),
            opened_on,
            closed_on: None,
            recruited_at: String::new(),
            exploited_region: None,
            exploited_district: None,
            exploited_place: None,
            exploited_country: None,
            recruitment_methods: Vec::new(),
            means_of_control: Vec::new(),
            outcomes: Vec::new(),
            closing_reason: None,
            recruited_country: None,
            recruited_district: None,
            victims: Vec::new(),
            summary: None,
        }
    }

    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let mut check = |field, list: lookups::LookupList, code: &str| {
            if let Err(e) = list.check(field, code) {
                errors.push(e);
            }
        };
        self.codes_held().into_iter().for_each(|c| check(c.field, c.list, c.code));
        check("status", lookups::CASE_STATUS, &self.status);
        self.outcomes.iter().for_each(|o| check("outcomes", lookups::CASE_OUTCOME, o));
        self.parties.iter().for_each(|(_, role)| check("parties.role", lookups::PARTY_ROLE, role));
        let optional = [
            ("exploited_region", lookups::REGION, &self.exploited_region),
            ("exploited_country", lookups::CITIZENSHIP, &self.exploited_country),
            ("recruited_country", lookups::CITIZENSHIP, &self.recruited_country),
        ];
        for (field, list, value) in optional {
            if let Some(code) = value {
                check(field, list, code);
            }
        }
        if self.persons.is_empty() {
            errors.push(ValidationError::Required { field: "persons" });
        }
        if self.closed_on.is_some_and(|c| c < self.opened_on) {
            errors.push(ValidationError::Invalid { field: "closed_on" });
        }
        for victim in &self.victims {
            errors.extend(victim.validate());
            if !self.persons.contains(&victim.person_id) {
                errors.push(ValidationError::Invalid { field: "victims" });
            }
        }
        if self.is_closed() {
            // Closing asks what the case achieved (perhaps nothing: "none-yet") and why it ends.
            if self.outcomes.is_empty() {
                errors.push(ValidationError::Required { field: "outcomes" });
            }
            if self.closing_reason.is_none() {
                errors.push(ValidationError::Required { field: "closing_reason" });
            }
        }
        if let Some(summary) = &self.summary {
            rules::check_text(&mut errors, "summary", summary, MAX_NOTE_CHARS);
        }
        let mut named: Vec<PartyId> = self.parties.iter().map(|(id, _)| *id).collect();
        named.sort();
        if named.windows(2).any(|w| w[0] == w[1]) {
            errors.push(ValidationError::Invalid { field: "parties" });
        }
        // A group case is large ("a hundred recruited"), but not without bound.
        if self.persons.len() > MAX_CASE_PERSONS
            || self.team.len() > MAX_CASE_TEAM
            || self.parties.len() > MAX_NAMED_PARTIES
        {
            errors.push(ValidationError::Invalid { field: "persons" });
        }
        rules::check_count(&mut errors, "outcomes", self.outcomes.len(), lookups::CASE_OUTCOME.codes.len());
        let chosen = [
            ("recruitment_methods", lookups::RECRUITMENT_METHOD, &self.recruitment_methods),
            ("means_of_control", lookups::MEANS_OF_CONTROL, &self.means_of_control),
        ];
        for (field, list, codes) in chosen {
            rules::check_codes(&mut errors, field, list, codes);
            if codes.iter().enumerate().any(|(at, c)| codes[..at].contains(c)) {
                errors.push(ValidationError::Invalid { field });
            }
        }
        rules::check_count(&mut errors, "victims", self.victims.len(), MAX_CASE_PERSONS);
        rules::check_line(&mut errors, "recruited_at", &self.recruited_at, crate::limits::MAX_LINE_CHARS);
        rules::check_day(&mut errors, "opened_on", self.opened_on);
        if let Some(day) = self.closed_on {
            rules::check_day(&mut errors, "closed_on", day);
        }
        errors
    }

    pub fn is_closed(&self) -> bool {
        self.status.starts_with("closed")
    }

    /// A person's standing as a victim in this case.
    pub fn victim_status(&self, person: PersonId) -> Option<&crate::casework::VictimStatus> {
        self.victims.iter().find(|v| v.person_id == person)
    }
}

/// Help delivered within a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub case_id: CaseId,
    pub person_id: Option<PersonId>,
    pub kind: String,
    pub delivered_on: NaiveDate,
    /// "us" or the partner's name.
    pub provider: String,
    pub result: String,
    /// Repatriation: the country the person was brought home to (ISO code).
    pub destination_country: Option<String>,
    /// Repatriation: with whom the person went home (a relative, a partner's escort, alone);
    /// empty when not said. Can name people: encrypted.
    pub accompanied_by: String,
    /// Wage recovery: amounts claimed and recovered.
    pub amount_claimed: Option<Money>,
    pub amount_recovered: Option<Money>,
}

impl HoldsCodes for Service {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        vec![Coded::new("kind", lookups::SERVICE_KIND, &self.kind)]
    }
}

impl Service {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        rules::check_code(&mut errors, "kind", lookups::SERVICE_KIND, &self.kind);
        if let Some(country) = &self.destination_country
            && let Err(e) = lookups::CITIZENSHIP.check("destination_country", country)
        {
            errors.push(e);
        }
        if self.kind == "repatriation" && self.destination_country.is_none() {
            errors.push(ValidationError::Required { field: "destination_country" });
        }
        rules::check_required(&mut errors, "provider", &self.provider);
        rules::check_line(&mut errors, "provider", &self.provider, crate::limits::MAX_LINE_CHARS);
        rules::check_text(&mut errors, "result", &self.result, MAX_NOTE_CHARS);
        rules::check_line(&mut errors, "accompanied_by", &self.accompanied_by, crate::limits::MAX_LINE_CHARS);
        rules::check_amount(&mut errors, "amount_claimed", self.amount_claimed, rules::AmountKind::Claim);
        rules::check_amount(&mut errors, "amount_recovered", self.amount_recovered, rules::AmountKind::Claim);
        rules::check_day(&mut errors, "delivered_on", self.delivered_on);
        errors
    }
}

/// The identifying part of a party: the names of those alleged to exploit people.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyIdentity {
    pub name: String,
    pub other_names: Vec<String>,
    pub phones: Vec<String>,
    /// Business identification number (БИН/ИИН) or other identifier.
    pub identifiers: Vec<String>,
    pub address: String,
    pub notes: String,
    /// A recruitment agency's licence, or what is known of its lack. Sealed with the rest:
    /// parties recorded before licences were kept have none.
    #[serde(default)]
    pub licence: Option<AgencyLicence>,
}

/// The licence a recruitment agency holds (or claims, or lacks) to find people work, as the
/// agency, the authority or the workers say. An agency working without one
/// (`lookups::LICENCE_STATUS` "none") is a lead in itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyLicence {
    /// `lookups::LICENCE_STATUS`.
    pub status: String,
    pub number: String,
    /// The authority that issued it.
    pub issued_by: String,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

impl AgencyLicence {
    /// A known status; a number only for an agency that has (or had) a licence; an issue day
    /// not after `today`, and an end not before the issue.
    pub fn validate(&self, errors: &mut Vec<ValidationError>, today: NaiveDate) {
        if let Err(e) = lookups::LICENCE_STATUS.check("licence_status", &self.status) {
            errors.push(e);
        }
        rules::check_line(errors, "licence_number", &self.number, MAX_SHORT_CHARS);
        if self.status == "none" && !self.number.trim().is_empty() {
            errors.push(ValidationError::Invalid { field: "licence_number" });
        }
        rules::check_line(errors, "licence_issued_by", &self.issued_by, MAX_SHORT_CHARS);
        if let Some(day) = self.issued_on {
            rules::check_day(errors, "licence_issued_on", day);
            if day > today {
                errors.push(ValidationError::Future { field: "licence_issued_on" });
            }
        }
        if let Some(day) = self.valid_until {
            rules::check_day(errors, "licence_valid_until", day);
        }
        if let (Some(from), Some(until)) = (self.issued_on, self.valid_until)
            && until < from
        {
            errors.push(ValidationError::Invalid { field: "licence_valid_until" });
        }
    }
}

/// An employer, intermediary, foreman, "registration helper" or official. Records are
/// allegations until a case outcome confirms them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: PartyId,
    pub office_id: OfficeId,
    /// `lookups::PARTY_KIND`.
    pub kind: String,
    pub region: Option<String>,
    pub district: Option<String>,
    pub identity: Option<PartyIdentity>,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn appeal() -> Appeal {
        Appeal {
            id: AppealId::new(),
            office_id: OfficeId::new(),
            received_at: Utc::now(),
            channel: "hotline-phone".into(),
            contact: "migrant".into(),
            person_id: None,
            topics: vec!["wages-unpaid".into()],
            help: vec!["legal-consultation".into()],
            occupation: Some("agricultural-worker".into()),
            sector: Some("agriculture".into()),
            work_region: Some("turkistan".into()),
            work_district: Some("maktaaral".into()),
            wage: Some(Money::from_major(10_000, Currency::KZT)),
            migration_reason: Some("economic".into()),
            notes: Some(String::new()),
            operator_id: AccountId::new(),
            follow_up_on: None,
            outcome: "advised".into(),
            parties: vec![],
        }
    }

    #[test]
    fn an_anonymous_appeal_about_unpaid_wages_is_valid() {
        assert_eq!(appeal().validate(Utc::now()), vec![]);
    }

    #[test]
    fn every_problem_of_an_appeal_is_reported_at_once() {
        let mut a = appeal();
        a.channel = "Pigeon post".into();
        a.topics.clear();
        a.wage = Some(Money { minor: -1, currency: Currency::KZT });
        let fields: Vec<_> = a.validate(Utc::now()).iter().map(ValidationError::field).collect();
        assert_eq!(fields, vec!["channel", "topics", "wage"]);
    }

    #[test]
    fn every_age_band_given_is_a_code_of_the_list() {
        for age in -1..=120 {
            assert!(lookups::AGE_BAND.contains(age_band(age)), "{age}");
        }
        let mut bands: Vec<&str> = (0..=120).map(age_band).collect();
        bands.dedup();
        assert_eq!(bands, lookups::AGE_BAND.codes, "in the list's order, each reached");
    }

    #[test]
    fn age_bands_follow_ctdc() {
        assert_eq!(age_band(8), "0-8");
        assert_eq!(age_band(17), "9-17");
        assert_eq!(age_band(23), "21-23");
        assert_eq!(age_band(47), "39-47");
        assert_eq!(age_band(60), "48+");
    }

    #[test]
    fn an_unknown_code_is_named_by_the_field_that_holds_it() {
        // An editable list's code (the district) is refused here when it cannot be a code at
        // all; whether the organisation's list has it is the catalogue's to say.
        let mut a = appeal();
        a.work_district = Some("Nowhere".into());
        a.parties = vec![(PartyId::new(), "boss".into())];
        let refused = a.validate(Utc::now());
        assert_eq!(refused.iter().map(ValidationError::field).collect::<Vec<_>>(), ["work_district", "parties.role"]);
        let case = Case {
            number: "2008-017".into(),
            persons: vec![PersonId::new()],
            exploited_district: Some("no where".into()),
            recruited_district: Some("Elsewhere".into()),
            ..Case::opened(
                OfficeId::new(),
                "unpaid-wages",
                AccountId::new(),
                NaiveDate::from_ymd_opt(2008, 11, 3).unwrap(),
            )
        };
        let refused = case.validate();
        let fields: Vec<_> = refused.iter().map(ValidationError::field).collect();
        assert_eq!(fields, ["exploited_district", "recruited_district"], "{refused:?}");
    }

    #[test]
    fn further_citizenships_are_countries_each_once_beside_a_main_one() {
        let identity = PersonIdentity { full_name: "Хусан Абдуллаев".into(), ..Default::default() };
        let today = NaiveDate::from_ymd_opt(2008, 11, 3).unwrap();
        let refused = |main: &str, others: &[&str]| -> Vec<&'static str> {
            let profile = PersonProfile {
                sex: "male".into(),
                citizenship: main.into(),
                other_citizenships: others.iter().map(|c| c.to_string()).collect(),
                ..Default::default()
            };
            validate_person(&profile, &identity, today).iter().map(ValidationError::field).collect()
        };
        assert!(refused("UZ", &["RU", "KZ"]).is_empty(), "a citizen of three countries");
        assert!(refused("UZ", &[]).is_empty());
        assert_eq!(refused("UZ", &["UZ"]), ["other_citizenships"], "the main one again");
        assert_eq!(refused("UZ", &["RU", "RU"]), ["other_citizenships"], "twice");
        assert_eq!(refused("UZ", &["unknown"]), ["other_citizenships"], "not a country");
        assert_eq!(refused("stateless", &["RU"]), ["other_citizenships"], "stateless and a citizen");
        assert_eq!(refused("UZ", &["XX"]), ["other_citizenships"], "not on the list");
    }

    #[test]
    fn a_licence_is_not_issued_in_the_future_and_no_licence_has_no_number() {
        let today = NaiveDate::from_ymd_opt(2008, 11, 3).unwrap();
        let refused = |licence: AgencyLicence| -> Vec<ValidationError> {
            let mut errors = Vec::new();
            licence.validate(&mut errors, today);
            errors
        };
        let held = AgencyLicence {
            status: "valid".into(),
            number: "ЛИЦ-0042".into(),
            issued_on: Some(today),
            ..Default::default()
        };
        assert!(refused(held.clone()).is_empty(), "issued today");
        let tomorrow = today.succ_opt();
        assert_eq!(
            refused(AgencyLicence { issued_on: tomorrow, ..held.clone() }),
            [ValidationError::Future { field: "licence_issued_on" }]
        );
        assert_eq!(
            refused(AgencyLicence { status: "none".into(), ..held.clone() }),
            [ValidationError::Invalid { field: "licence_number" }],
            "a number for an agency without a licence"
        );
        assert!(refused(AgencyLicence { status: "none".into(), number: String::new(), ..held }).is_empty());
    }

    #[test]
    fn a_duplicate_party_brings_its_names_phones_identifiers_and_licence() {
        let mut kept = PartyIdentity {
            name: "ТОО «Агро-Мақтаарал»".into(),
            phones: vec!["+77011234567".into()],
            notes: "Бригадир держит паспорта.".into(),
            ..Default::default()
        };
        let licence = AgencyLicence { status: "none".into(), ..Default::default() };
        kept.absorb(PartyIdentity {
            name: "Агро Мактаарал".into(),
            other_names: vec!["ТОО «Агро-Мақтаарал»".into(), "Агромактаарал".into()],
            phones: vec!["+77011234567".into(), " ".into(), "+998901112233".into()],
            identifiers: vec!["080440012345".into()],
            address: "Мактааральский район".into(),
            notes: "Платит наличными.".into(),
            licence: Some(licence.clone()),
        });
        assert_eq!(kept.name, "ТОО «Агро-Мақтаарал»", "the kept name stays");
        assert_eq!(kept.other_names, ["Агро Мактаарал", "Агромактаарал"], "its own name not repeated");
        assert_eq!(kept.phones, ["+77011234567", "+998901112233"], "no blank, no repeat");
        assert_eq!(kept.identifiers, ["080440012345"]);
        assert_eq!(kept.address, "Мактааральский район");
        assert_eq!(kept.notes, "Бригадир держит паспорта.\n\nПлатит наличными.");
        assert_eq!(kept.licence, Some(licence));
        let held = AgencyLicence { status: "valid".into(), number: "KZ-17".into(), ..Default::default() };
        kept.licence = Some(held.clone());
        kept.absorb(PartyIdentity { licence: Some(AgencyLicence::default()), ..Default::default() });
        assert_eq!(kept.licence, Some(held), "the kept licence stays");
    }

    #[test]
    fn a_duplicate_record_brings_its_citizenships_as_further_ones() {
        let mut kept =
            PersonProfile { citizenship: "UZ".into(), other_citizenships: vec!["RU".into()], ..Default::default() };
        kept.absorb(PersonProfile {
            citizenship: "KZ".into(),
            other_citizenships: vec!["RU".into(), "UZ".into()],
            ..Default::default()
        });
        assert_eq!(
            (kept.citizenship.as_str(), kept.other_citizenships.as_slice()),
            ("UZ", &["RU".into(), "KZ".into()][..])
        );
        let mut stateless = PersonProfile { citizenship: "unknown".into(), ..Default::default() };
        stateless.absorb(PersonProfile { citizenship: "stateless".into(), ..Default::default() });
        stateless.absorb(kept.clone());
        assert_eq!((stateless.citizenship.as_str(), stateless.other_citizenships.len()), ("stateless", 0));
        let mut unknown = PersonProfile { citizenship: "unknown".into(), ..Default::default() };
        unknown.absorb(kept);
        assert_eq!(unknown.citizenship, "UZ", "the other's main one becomes the main one");
        assert_eq!(unknown.other_citizenships, ["RU", "KZ"]);
    }

    #[test]
    fn a_case_records_each_method_of_recruitment_and_means_of_control_once() {
        let case = Case {
            persons: vec![PersonId::new()],
            recruitment_methods: vec!["relatives".into(), "relatives".into()],
            means_of_control: vec!["debt".into(), "shackles".into()],
            ..Case::opened(
                OfficeId::new(),
                "forced-labour",
                AccountId::new(),
                NaiveDate::from_ymd_opt(2008, 1, 3).unwrap(),
            )
        };
        let fields: Vec<_> = case.validate().iter().map(ValidationError::field).collect();
        assert_eq!(fields, ["recruitment_methods", "means_of_control"]);
    }

    #[test]
    fn repatriation_needs_a_destination() {
        let s = Service {
            id: ServiceId::new(),
            case_id: CaseId::new(),
            person_id: None,
            kind: "repatriation".into(),
            delivered_on: NaiveDate::from_ymd_opt(2008, 11, 3).unwrap(),
            provider: "us".into(),
            result: String::new(),
            accompanied_by: String::new(),
            destination_country: None,
            amount_claimed: None,
            amount_recovered: None,
        };
        assert_eq!(s.validate(), vec![ValidationError::Required { field: "destination_country" }]);
    }
}
