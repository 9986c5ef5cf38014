//! Every text field of every record, held to the rules of [`crate::rules`]: a NUL is refused
//! in each, naming the field, and a line break everywhere but in multi-line text. The test
//! walks each record as data, so a text field added to a record and not to `FIELDS` fails it.

use chrono::{NaiveDate, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::casework::*;
use crate::entities::*;
use crate::indicators::{Answer, Source};
use crate::monitoring::*;
use crate::referrals::*;
use crate::*;

/// What a text field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One line: no control characters at all.
    Line,
    /// Multi-line: line breaks and tabs allowed, other control characters not.
    Text,
    /// A code of a list: anything but a known code is refused.
    Code,
    /// Set by the services, never taken from a form or the API.
    Set,
}
use Kind::*;

/// Each text field as `record: path` (array entries as `[]`), the field its error names, and
/// its kind.
const FIELDS: &[(&str, &str, Kind)] = &[
    ("appeal: channel", "channel", Code),
    ("appeal: contact", "contact", Code),
    ("appeal: topics[]", "topics", Code),
    ("appeal: help[]", "help", Code),
    ("appeal: occupation", "occupation", Code),
    ("appeal: sector", "sector", Code),
    ("appeal: work_region", "work_region", Code),
    ("appeal: work_district", "work_district", Code),
    ("appeal: migration_reason", "migration_reason", Code),
    ("appeal: notes", "notes", Text),
    ("appeal: outcome", "outcome", Code),
    ("appeal: parties[][1]", "parties.role", Code),
    ("case: number", "", Set),
    ("case: kind", "kind", Code),
    ("case: status", "status", Code),
    ("case: parties[][1]", "parties.role", Code),
    ("case: recruited_at", "recruited_at", Line),
    ("case: exploited_region", "exploited_region", Code),
    ("case: exploited_district", "exploited_district", Code),
    ("case: exploited_place", "exploited_place", Code),
    ("case: exploited_country", "exploited_country", Code),
    ("case: recruitment_methods[]", "recruitment_methods", Code),
    ("case: means_of_control[]", "means_of_control", Code),
    ("case: outcomes[]", "outcomes", Code),
    ("case: closing_reason", "closing_reason", Code),
    ("case: recruited_country", "recruited_country", Code),
    ("case: recruited_district", "recruited_district", Code),
    ("case: victims[].status", "victims.status", Code),
    ("case: victims[].identified_by", "victims.identified_by", Code),
    ("case: summary", "summary", Text),
    ("service: kind", "kind", Code),
    ("service: provider", "provider", Line),
    ("service: result", "result", Text),
    ("service: destination_country", "destination_country", Code),
    ("service: accompanied_by", "accompanied_by", Line),
    ("event: kind", "kind", Code),
    ("event: text", "text", Text),
    ("event: place_country", "place_country", Code),
    ("event: place_region", "place_region", Code),
    ("event: place_district", "place_district", Code),
    ("event: place_settlement", "place_settlement", Line),
    ("proceeding: kind", "kind", Code),
    ("proceeding: authority", "authority", Code),
    ("proceeding: articles[]", "articles", Code),
    ("proceeding: stage", "stage", Code),
    ("proceeding: outcome", "outcome", Code),
    ("proceeding: notes", "notes", Text),
    ("task: title", "title", Line),
    ("note: text", "text", Text),
    ("assessment: catalogue", "catalogue", Code),
    ("assessment: edition", "", Set),
    ("assessment: answers[].indicator", "answers.indicator", Code),
    ("person: profile.sex", "sex", Code),
    ("person: profile.citizenship", "citizenship", Code),
    ("person: profile.other_citizenships[]", "other_citizenships", Code),
    ("person: profile.age_band", "age_band", Code),
    ("person: profile.home_region", "home_region", Line),
    ("person: profile.languages[]", "languages", Code),
    ("person: profile.vulnerabilities[]", "vulnerabilities", Code),
    ("person: identity.full_name", "full_name", Line),
    ("person: identity.passport_name", "passport_name", Line),
    ("person: identity.other_spellings[]", "other_spellings", Line),
    ("person: identity.phones[]", "phones", Line),
    ("person: identity.documents[]", "documents", Line),
    ("person: identity.address", "address", Line),
    ("person: identity.notes", "notes", Text),
    ("party: name", "party_name", Line),
    ("party: other_names[]", "party_other_names", Line),
    ("party: phones[]", "party_phones", Line),
    ("party: identifiers[]", "party_identifiers", Line),
    ("party: address", "party_address", Line),
    ("party: notes", "party_notes", Text),
    ("party: licence.status", "licence_status", Code),
    ("party: licence.number", "licence_number", Line),
    ("party: licence.issued_by", "licence_issued_by", Line),
    ("partner: name", "name", Line),
    ("partner: kind", "kind", Code),
    ("partner: country", "country", Code),
    ("partner: regions[]", "regions", Code),
    ("partner: services[]", "services", Code),
    ("partner: languages[]", "languages", Code),
    ("partner: working_hours", "working_hours", Line),
    ("partner: contacts.focal_points[].name", "focal_points.name", Line),
    ("partner: contacts.focal_points[].position", "focal_points.position", Line),
    ("partner: contacts.focal_points[].phones[]", "focal_points.phones", Line),
    ("partner: contacts.focal_points[].email", "focal_points.email", Line),
    ("partner: contacts.address", "address", Text),
    ("partner: contacts.notes", "notes", Text),
    ("consent: method", "method", Code),
    ("consent: recipients[].value", "recipients", Code),
    ("consent: purposes[]", "purposes", Code),
    ("consent: categories[]", "categories", Code),
    ("consent: note", "note", Text),
    ("referral: number", "", Set),
    ("referral: purpose", "purpose", Code),
    ("referral: services[]", "services", Code),
    ("referral: urgency", "urgency", Code),
    ("referral: fields[]", "fields", Code),
    ("referral: override_reason", "override_reason", Text),
    ("referral: status", "status", Code),
    ("visit: status", "status", Code),
    ("visit: region", "region", Code),
    ("visit: district", "district", Code),
    ("visit: place_kind", "place_kind", Code),
    ("visit: people.citizenships[].citizenship", "people.citizenships", Code),
    ("visit: checks[].item", "checks.item", Code),
    ("visit: violations[].kind", "violations.kind", Code),
    ("visit: materials[].kind", "materials.kind", Code),
    ("visit: materials[].language", "materials.language", Code),
    ("visit: notes.settlement", "settlement", Line),
    ("visit: notes.narrative", "narrative", Text),
    ("visit: notes.cancel_reason", "cancel_reason", Text),
    ("visit task: title", "title", Line),
];

/// A person as the services take one: a profile and an identity.
#[derive(Serialize, serde::Deserialize)]
struct PersonRecord {
    profile: PersonProfile,
    identity: PersonIdentity,
}

/// A record's rules over it as data; `None` when the data no longer reads as the record.
type Rules = Box<dyn Fn(&Value) -> Option<Vec<ValidationError>>>;

/// A record as data, and its rules.
struct Record {
    name: &'static str,
    data: Value,
    validate: Rules,
}

fn record<T: Serialize + DeserializeOwned + 'static>(
    name: &'static str,
    value: T,
    validate: fn(&T) -> Vec<ValidationError>,
) -> Record {
    let data = serde_json::to_value(&value).unwrap();
    // A value that no longer reads as the record (an id, a date) is not a text field.
    let validate = Box::new(move |v: &Value| serde_json::from_value::<T>(v.clone()).ok().map(|t| validate(&t)));
    Record { name, data, validate }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 4).unwrap()
}

/// One complete, valid record of each kind, every optional text given.
fn records() -> Vec<Record> {
    let person = PersonId::new();
    let party = PartyId::new();
    let wage = Money::from_major(150_000, Currency::KZT);
    vec![
        record(
            "appeal",
            Appeal {
                person_id: Some(person),
                topics: vec!["wages-unpaid".into()],
                help: vec!["legal-consultation".into()],
                occupation: Some("agricultural-worker".into()),
                sector: Some("agriculture".into()),
                work_region: Some("turkistan".into()),
                work_district: Some("maktaaral".into()),
                wage: Some(wage),
                migration_reason: Some("economic".into()),
                notes: Some("Called twice.".into()),
                follow_up_on: Some(day()),
                parties: vec![(party, "employer".into())],
                ..Appeal::received(OfficeId::new(), AccountId::new(), Utc::now(), "hotline-phone", "migrant", "advised")
            },
            |a| a.validate(Utc::now()),
        ),
        record(
            "case",
            Case {
                id: CaseId::new(),
                office_id: OfficeId::new(),
                number: "2025-001".into(),
                kind: "labour-exploitation".into(),
                status: "open".into(),
                sensitive: false,
                lead_id: AccountId::new(),
                team: vec![],
                persons: vec![person],
                parties: vec![(party, "employer".into())],
                opened_on: day(),
                closed_on: None,
                recruited_at: "Джизак".into(),
                exploited_region: Some("turkistan".into()),
                exploited_district: Some("maktaaral".into()),
                exploited_place: Some(lookups::PLACE_KIND.codes[0].into()),
                exploited_country: Some("KZ".into()),
                recruitment_methods: vec![lookups::RECRUITMENT_METHOD.codes[0].into()],
                means_of_control: vec![lookups::MEANS_OF_CONTROL.codes[0].into()],
                outcomes: vec![lookups::CASE_OUTCOME.codes[0].into()],
                closing_reason: Some(lookups::CLOSING_REASON.codes[0].into()),
                recruited_country: Some("UZ".into()),
                recruited_district: Some("maktaaral".into()),
                victims: vec![VictimStatus {
                    person_id: person,
                    status: "presumed".into(),
                    identified_by: Some("ngo".into()),
                    identified_on: Some(day()),
                }],
                summary: Some("Recruited in spring.".into()),
            },
            Case::validate,
        ),
        record(
            "service",
            Service {
                id: ServiceId::new(),
                case_id: CaseId::new(),
                person_id: Some(person),
                kind: "repatriation".into(),
                delivered_on: day(),
                provider: "us".into(),
                result: "Home.".into(),
                destination_country: Some("UZ".into()),
                accompanied_by: "a brother".into(),
                amount_claimed: Some(wage),
                amount_recovered: Some(wage),
            },
            Service::validate,
        ),
        record(
            "event",
            CaseEvent {
                id: EventId::new(),
                case_id: CaseId::new(),
                happened_on: day(),
                kind: lookups::CASE_EVENT.codes[0].into(),
                text: "Met the inspector.".into(),
                author_id: None,
                place_country: Some("KZ".into()),
                place_region: Some("turkistan".into()),
                place_district: Some("maktaaral".into()),
                place_settlement: Some("Атакент".into()),
            },
            CaseEvent::validate,
        ),
        record(
            "proceeding",
            Proceeding {
                id: ProceedingId::new(),
                case_id: CaseId::new(),
                kind: "criminal".into(),
                authority: "court".into(),
                articles: vec![law::ARTICLES[0].code.into()],
                stage: "decided".into(),
                opened_on: day(),
                hearings: vec![day()],
                outcome: Some("sentence".into()),
                decided_on: Some(day()),
                sentence_months: Some(84),
                fine: Some(wage),
                notes: "File 1-23.".into(),
            },
            Proceeding::validate,
        ),
        record(
            "task",
            Task {
                id: TaskId::new(),
                record: CaseId::new(),
                title: "Call about the passport".into(),
                assignee_id: AccountId::new(),
                due_on: day(),
                done_on: Some(day()),
                created_by: None,
            },
            Task::validate,
        ),
        record(
            "note",
            CaseNote {
                id: NoteId::new(),
                case_id: CaseId::new(),
                author_id: AccountId::new(),
                author_role: Role::Lawyer,
                visibility: NoteVisibility::Team,
                text: "Seen.".into(),
                written_at: Utc::now(),
            },
            CaseNote::validate,
        ),
        record(
            "assessment",
            Assessment {
                id: AssessmentId::new(),
                case_id: CaseId::new(),
                person_id: person,
                catalogue: indicators::FORCED_LABOUR.id.into(),
                edition: indicators::FORCED_LABOUR.edition.into(),
                assessed_on: day(),
                assessor_id: None,
                minor: false,
                answers: vec![IndicatorAnswer {
                    indicator: indicators::FORCED_LABOUR.indicators[0].code.into(),
                    answer: Answer::Yes,
                    source: Some(Source::Interview),
                    noted_on: Some(day()),
                }],
            },
            Assessment::validate,
        ),
        record(
            "person",
            PersonRecord {
                profile: PersonProfile {
                    sex: "male".into(),
                    citizenship: "UZ".into(),
                    other_citizenships: vec!["RU".into()],
                    age_band: "30-38".into(),
                    home_region: "Джизак".into(),
                    languages: vec!["uz".into()],
                    vulnerabilities: vec![lookups::VULNERABILITY.codes[0].into()],
                    anonymous: false,
                },
                identity: PersonIdentity {
                    full_name: "Хусан Тошматов".into(),
                    passport_name: "KHUSAN TOSHMATOV".into(),
                    other_spellings: vec!["Husan".into()],
                    birth_date: Some(day()),
                    birth_year: Some(1990),
                    phones: vec!["+998 90 123 45 67".into()],
                    documents: vec!["FA1234567".into()],
                    address: "Джизак, ул. Навои 5".into(),
                    notes: "Speaks Uzbek.".into(),
                },
            },
            |p| validate_person(&p.profile, &p.identity, Utc::now().date_naive()),
        ),
        record(
            "party",
            PartyIdentity {
                name: "ТОО «Береке»".into(),
                other_names: vec!["Bereke".into()],
                phones: vec!["+7 701 123 45 67".into()],
                identifiers: vec!["123456789012".into()],
                address: "Мактаарал".into(),
                notes: "Named by three workers.".into(),
                licence: Some(AgencyLicence {
                    status: "revoked".into(),
                    number: "ЛИЦ-0042".into(),
                    issued_by: "Управление занятости".into(),
                    issued_on: NaiveDate::from_ymd_opt(2006, 3, 1),
                    valid_until: NaiveDate::from_ymd_opt(2011, 3, 1),
                }),
            },
            |p| p.validate(day()),
        ),
        record(
            "partner",
            Partner {
                id: PartnerId::new(),
                name: "IOM Kazakhstan".into(),
                kind: "international-organisation".into(),
                country: "KZ".into(),
                regions: vec!["turkistan".into()],
                services: vec!["repatriation".into()],
                languages: vec!["ru".into()],
                working_hours: "Mon–Fri 9–18".into(),
                active: true,
                contacts: Some(PartnerContacts {
                    focal_points: vec![FocalPoint {
                        name: "Дана Сеитова".into(),
                        position: "Project assistant".into(),
                        phones: vec!["+7 717 000 00 00".into()],
                        email: "dana@example.org".into(),
                    }],
                    address: "Astana, Beibitshilik 10".into(),
                    notes: "Calls back within a day.".into(),
                }),
                updated_at: Utc::now(),
            },
            Partner::validate,
        ),
        record(
            "consent",
            Consent {
                id: ConsentId::new(),
                person_id: person,
                office_id: OfficeId::new(),
                given_on: day(),
                method: "signed-form".into(),
                // A recipient by kind: its value is a code (by partner, an id).
                recipients: vec![Recipient::Kind("shelter".into())],
                purposes: vec!["assistance".into()],
                categories: vec!["identity".into()],
                expires_on: Some(day()),
                withdrawn_on: Some(day()),
                note: Some("Read aloud in Uzbek.".into()),
                recorded_by: AccountId::new(),
                recorded_at: Utc::now(),
            },
            |c| c.validate(day()),
        ),
        record(
            "referral",
            Referral {
                id: ReferralId::new(),
                office_id: OfficeId::new(),
                number: "R-2025-001".into(),
                direction: Direction::Outgoing,
                person_id: person,
                case_id: Some(CaseId::new()),
                appeal_id: Some(AppealId::new()),
                partner_id: PartnerId::new(),
                purpose: "assistance".into(),
                services: vec!["shelter".into()],
                urgency: "urgent".into(),
                reply_due_on: Some(day()),
                fields: vec!["full-name".into()],
                consent_id: None,
                override_reason: Some("A child in danger.".into()),
                status: "draft".into(),
                created_by: AccountId::new(),
                created_at: Utc::now(),
            },
            Referral::validate,
        ),
        record(
            "visit",
            Visit {
                id: VisitId::new(),
                office_id: OfficeId::new(),
                status: "done".into(),
                planned_on: day(),
                visited_on: Some(day()),
                region: "turkistan".into(),
                district: "maktaaral".into(),
                place_kind: "cotton-field".into(),
                party_id: Some(party),
                partners: vec![PartnerId::new()],
                team: vec![AccountId::new()],
                people: PeopleMet {
                    total: 63,
                    women: 20,
                    men: 43,
                    minors: 11,
                    citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: 63 }],
                },
                // The answer is an enum: it no longer reads as the record when changed.
                checks: vec![Check { item: "passports-held".into(), answer: Observation::Yes, people: Some(20) }],
                hours_per_day: Some(12),
                violations: vec![Violation { kind: "child-labour".into(), people: Some(11) }],
                materials: vec![Material { kind: "leaflet".into(), language: "uz".into(), quantity: 60 }],
                notes: Some(VisitNotes {
                    settlement: "аул Жетысай".into(),
                    narrative: "Passports kept by the foreman.".into(),
                    cancel_reason: String::new(),
                }),
                created_by: None,
                updated_at: Utc::now(),
                version: 1,
            },
            |v| v.validate(day()),
        ),
        record(
            "visit task",
            VisitTask {
                id: TaskId::new(),
                record: VisitId::new(),
                title: "Письмо в инспекцию труда".into(),
                assignee_id: AccountId::new(),
                due_on: day(),
                done_on: Some(day()),
                created_by: None,
            },
            VisitTask::validate,
        ),
    ]
}

/// The path of every string of `value`: the entries of a list as `[]`, and those of a pair
/// within a list (a party and its role) by their place, `[1]`.
fn strings(value: &Value, path: String, in_list: bool, found: &mut Vec<String>) {
    match value {
        Value::String(_) => found.push(path),
        Value::Array(items) if in_list => {
            items.iter().enumerate().for_each(|(at, v)| strings(v, format!("{path}[{at}]"), false, found))
        }
        Value::Array(items) => items.iter().for_each(|v| strings(v, format!("{path}[]"), true, found)),
        Value::Object(fields) => fields.iter().for_each(|(k, v)| {
            let sep = if path.is_empty() { "" } else { "." };
            strings(v, format!("{path}{sep}{k}"), false, found)
        }),
        _ => {}
    }
}

/// `value` with the string at `path` (every entry of an array) replaced by `text`.
fn with(value: &Value, path: &str, text: &str) -> Value {
    fn set(value: &mut Value, parts: &[&str], text: &str) {
        match (parts.first(), value) {
            (None, v @ Value::String(_)) => *v = Value::String(text.into()),
            (Some(&"[]"), Value::Array(items)) => items.iter_mut().for_each(|v| set(v, &parts[1..], text)),
            (Some(part), Value::Array(items)) if part.starts_with('[') => {
                // A tuple's element: "[1]".
                let at: usize = part[1..part.len() - 1].parse().unwrap();
                set(&mut items[at], &parts[1..], text);
            }
            (Some(part), Value::Object(fields)) => set(fields.get_mut(*part).unwrap(), &parts[1..], text),
            (parts, v) => panic!("{parts:?} in {v}"),
        }
    }
    // "a.b[][1]" → ["a", "b", "[]", "[1]"].
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (head, mut rest) = segment.split_at(segment.find('[').unwrap_or(segment.len()));
        if !head.is_empty() {
            parts.push(head);
        }
        while !rest.is_empty() {
            let end = rest.find(']').unwrap() + 1;
            parts.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    let mut copy = value.clone();
    set(&mut copy, &parts, text);
    copy
}

#[test]
fn every_text_field_refuses_control_characters_and_line_breaks_where_one_line() {
    let mut listed: Vec<String> = Vec::new();
    for record in records() {
        assert_eq!((record.validate)(&record.data), Some(vec![]), "{} is valid as made", record.name);
        let mut paths = Vec::new();
        strings(&record.data, String::new(), false, &mut paths);
        paths.dedup();
        for path in paths {
            let key = format!("{}: {path}", record.name);
            let Some(&(_, field, kind)) = FIELDS.iter().find(|(k, ..)| *k == key) else {
                // Ids, days and enums read back only as themselves: not text.
                if (record.validate)(&with(&record.data, &path, "x\0")).is_none() {
                    continue;
                }
                panic!("{key} is a text field missing from FIELDS: add it with its kind");
            };
            listed.push(key.clone());
            let nul = (record.validate)(&with(&record.data, &path, "Ташкент\0")).unwrap();
            let line_break = (record.validate)(&with(&record.data, &path, "one\ntwo")).unwrap();
            match kind {
                Line | Text => {
                    assert!(nul.contains(&ValidationError::ControlCharacter { field }), "{key}: NUL gave {nul:?}");
                    let refused = line_break.contains(&ValidationError::ControlCharacter { field });
                    assert_eq!(refused, kind == Line, "{key}: a line break gave {line_break:?}");
                }
                Code => {
                    assert!(nul.iter().any(|e| e.field() == field), "{key}: NUL gave {nul:?}");
                    assert!(line_break.iter().any(|e| e.field() == field), "{key}: a line break gave {line_break:?}");
                }
                Set => {}
            }
        }
    }
    for (key, ..) in FIELDS {
        assert!(listed.contains(&key.to_string()), "{key} is in FIELDS but no record has it");
    }
}
