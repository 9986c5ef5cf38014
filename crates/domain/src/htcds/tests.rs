//! The export held against the standard itself: the field list and Komek's code maps kept as
//! test data (`tests/data/htcds/`), independent of the mapping the export reads, told with
//! Husan's case from the seed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;

use super::*;
use crate::casework::{IndicatorAnswer, VictimStatus};
use crate::indicators::{CATALOGUES, Eleven, FORCED_LABOUR, Source};
use crate::referrals::Direction;
use crate::{AccountId, AssessmentId, NoteId, OfficeId, PartnerId, ReferralId, Role, lookups};

const FIELD_LIST: &str = include_str!("../../tests/data/htcds/fields-2.0.json");
const VALUE_MAPS: &str = include_str!("../../tests/data/htcds/komek-value-maps.json");
const ENGLISH_LOOKUPS: &str = include_str!("../../../web/i18n/en/lookups.ftl");

/// Every category a consent can allow.
fn everything() -> ExportConsent {
    ExportConsent::covering(lookups::DATA_CATEGORY.codes.iter().copied())
}

/// Husan's consent (as in the referral tests): who he is and the story of his case; not his
/// health, contacts, documents or the people who exploited him.
fn husans_consent() -> ExportConsent {
    ExportConsent::covering(["identity", "case-narrative"])
}

/// The standard's fields as the test data lists them, by name, in its order.
fn standard_fields() -> Vec<Value> {
    let list: Value = serde_json::from_str(FIELD_LIST).expect("the field list is JSON");
    list["fields"].as_array().cloned().unwrap_or_default()
}

fn standard_field(name: &str) -> Option<Value> {
    standard_fields().into_iter().find(|f| f["name"] == name)
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a calendar date")
}

fn answer(indicator: &str, answer: Answer) -> IndicatorAnswer {
    IndicatorAnswer { indicator: indicator.into(), answer, source: Some(Source::Interview), noted_on: None }
}

fn assessment(case: &Case, person: PersonId, on: NaiveDate, answers: Vec<IndicatorAnswer>) -> Assessment {
    Assessment {
        id: AssessmentId::new(),
        case_id: case.id,
        person_id: person,
        catalogue: FORCED_LABOUR.id.into(),
        edition: FORCED_LABOUR.edition.into(),
        assessed_on: on,
        assessor_id: None,
        minor: false,
        answers,
    }
}

fn note(case: &Case, visibility: NoteVisibility, role: Role, on: NaiveDate, text: &str) -> CaseNote {
    CaseNote {
        id: NoteId::new(),
        case_id: case.id,
        author_id: AccountId::new(),
        author_role: role,
        visibility,
        text: text.into(),
        written_at: Utc.from_utc_datetime(&on.and_hms_opt(10, 0, 0).expect("a time of day")),
    }
}

fn referral(
    case: &Case,
    person: PersonId,
    direction: Direction,
    purpose: &str,
    status: &str,
    on: NaiveDate,
    partner_name: &str,
) -> ReferralForExport {
    let created_at = Utc.from_utc_datetime(&on.and_hms_opt(9, 0, 0).expect("a time of day"));
    let step = |status: &str, on: NaiveDate| ReferralStep {
        status: status.into(),
        on,
        by: AccountId::new(),
        note: None,
        recorded_at: created_at,
    };
    let steps = match status {
        "draft" => vec![],
        _ => {
            vec![step(if direction == Direction::Outgoing { "sent" } else { "received" }, on.succ_opt().unwrap_or(on))]
        }
    };
    ReferralForExport {
        referral: Referral {
            id: ReferralId::new(),
            office_id: OfficeId::new(),
            number: "R-2008-014".into(),
            direction,
            person_id: person,
            case_id: Some(case.id),
            appeal_id: None,
            partner_id: PartnerId::new(),
            purpose: purpose.into(),
            services: vec!["repatriation".into()],
            urgency: "urgent".into(),
            reply_due_on: None,
            fields: vec!["full-name".into()],
            consent_id: None,
            override_reason: None,
            status: status.into(),
            created_by: AccountId::new(),
            created_at,
        },
        partner_name: partner_name.into(),
        steps,
    }
}

/// Husan, from the seed: a plasterer from Uzbekistan recruited at the Kuyluk day-labour market
/// in Tashkent by an intermediary, his passport taken by the "employer" and his wages unpaid,
/// made to pour concrete on building sites in and around Shymkent (Lenger, Tolebi district of
/// Turkistan region) until the police's organised-crime unit freed him. Everything Komek can
/// hold about him is filled in, so the export writes every field it ever writes.
fn husans_case() -> (CaseForExport, PersonId) {
    let husan = PersonId::new();
    let case = Case {
        number: "2008-017".into(),
        persons: vec![husan],
        parties: vec![],
        recruited_at: "Tashkent, Kuyluk market".into(),
        recruited_country: Some("UZ".into()),
        exploited_region: Some("turkistan".into()),
        exploited_district: Some("tolebi".into()),
        exploited_place: Some("construction-site".into()),
        exploited_country: None,
        // An intermediary at Kuyluk market; moved under escort from site to site.
        recruitment_methods: vec!["bazaar-intermediary".into()],
        means_of_control: vec!["confinement-isolation".into(), "documents-withheld".into()],
        status: "closed-referred".into(),
        closed_on: Some(day(2008, 11, 20)),
        outcomes: vec!["returned-home".into()],
        closing_reason: Some("referred-elsewhere".into()),
        sensitive: true,
        victims: vec![VictimStatus {
            person_id: husan,
            status: "identified".into(),
            identified_by: Some("police".into()),
            identified_on: Some(day(2008, 9, 10)),
        }],
        summary: Some(
            "Recruited in Tashkent as a plasterer for 500 tenge a square metre; in Kazakhstan the \
             \"employer\" took the passports of three workers \"for the permits\", paid nothing and \
             moved them under escort from site to site."
                .into(),
        ),
        ..Case::opened(OfficeId::new(), "trafficking-labour", AccountId::new(), day(2008, 9, 3))
    };
    let person = PersonForExport {
        id: husan,
        profile: PersonProfile {
            sex: "male".into(),
            citizenship: "UZ".into(),
            other_citizenships: vec![],
            age_band: "21-23".into(),
            home_region: "Tashkent".into(),
            languages: vec!["uz".into(), "other".into(), "ru".into()],
            vulnerabilities: vec!["no-documents".into()],
            anonymous: false,
        },
        identity: Some(PersonIdentity {
            full_name: "Хусан Абдуллаев".into(),
            passport_name: "ABDULLAEV HUSAN".into(),
            other_spellings: vec!["Khusan Abdullayev".into()],
            birth_date: Some(day(1985, 4, 12)),
            birth_year: Some(1985),
            phones: vec!["8 (90) no number".into(), "90 123 45 67".into()],
            documents: vec!["AA 1234567".into()],
            address: "Tashkent, Chilanzar 9, 14".into(),
            notes: "Parents in Tashkent.".into(),
        }),
        appeal_sector: Some("construction".into()),
        appeal_occupation: Some("skilled-construction".into()),
    };
    let events = vec![
        EventForExport::new(
            "exploitation",
            day(2008, 6, 2),
            Some("Pouring concrete on a hospital site; passport kept by the employer, no pay.".into()),
        ),
        EventForExport::new(
            "recruitment",
            day(2008, 5, 20),
            Some("Offered plastering work in Kazakhstan by an intermediary at Kuyluk market.".into()),
        ),
        EventForExport::new("transit", day(2008, 5, 28), None),
        EventForExport::new(
            "escape-release",
            day(2008, 9, 1),
            Some("Freed by the organised-crime unit in Lenger.".into()),
        ),
    ];
    let parties = vec![
        PartyForExport {
            role: "employer".into(),
            kind: "person".into(),
            identity: Some(PartyIdentity {
                name: "Жаксылыков Серик".into(),
                notes: "Took the passports, said he had paid for the workers.".into(),
                ..Default::default()
            }),
        },
        PartyForExport {
            role: "intermediary".into(),
            kind: "person".into(),
            identity: Some(PartyIdentity { name: "Unknown man at Kuyluk market".into(), ..Default::default() }),
        },
        PartyForExport {
            role: "foreman".into(),
            kind: "company".into(),
            identity: Some(PartyIdentity { name: "TOO StroiMontazh-Yug".into(), ..Default::default() }),
        },
        PartyForExport {
            role: "transporter".into(),
            kind: "person".into(),
            identity: Some(PartyIdentity { name: "Minibus driver from Shymkent".into(), ..Default::default() }),
        },
    ];
    let assessments = vec![
        // The first interview took violence for a fact; the second corrected it.
        assessment(&case, husan, day(2008, 9, 4), vec![answer("fl-p-violence", Answer::Yes)]),
        assessment(
            &case,
            husan,
            day(2008, 9, 12),
            vec![
                answer("fl-p-violence", Answer::No),
                answer("fl-ur-deceptive-recruitment", Answer::Yes),
                answer("fl-p-confiscation-documents", Answer::Yes),
                answer("fl-p-withholding-wages", Answer::Yes),
                answer("fl-wl-induced-addiction", Answer::Yes),
                answer("fl-wl-forced-overtime", Answer::Unknown),
            ],
        ),
    ];
    let notes = vec![
        note(
            &case,
            NoteVisibility::Team,
            Role::Lawyer,
            day(2008, 9, 5),
            "=SUM(A1) wrote the police; reply \"soon\"; files: a\\b\nsecond line",
        ),
        note(&case, NoteVisibility::AuthorRole, Role::Psychologist, day(2008, 9, 12), "Sleeps badly, nightmares."),
        note(&case, NoteVisibility::Team, Role::Lawyer, day(2008, 10, 1), "IOM agreed to arrange his return."),
    ];
    let referrals = vec![
        referral(&case, husan, Direction::Outgoing, "investigation", "accepted", day(2008, 9, 8), "DP Turkistan, OCU"),
        referral(
            &case,
            husan,
            Direction::Outgoing,
            "return-reintegration",
            "closed",
            day(2008, 10, 2),
            "IOM Kazakhstan",
        ),
        referral(&case, husan, Direction::Outgoing, "assistance", "draft", day(2008, 10, 5), "A shelter never asked"),
        referral(&case, husan, Direction::Incoming, "assistance", "accepted", day(2008, 9, 2), "NGO in Tashkent"),
    ];
    let input = CaseForExport {
        case,
        persons: vec![person],
        assessments,
        events,
        notes,
        parties,
        referrals,
        lead_name: "Aigerim Sadykova".into(),
        organisation_name: "Komek legal aid centre, Shymkent".into(),
    };
    (input, husan)
}

/// Husan's case with the co-worker freed with him.
fn husan_and_his_co_worker() -> (CaseForExport, PersonId, PersonId) {
    let (mut input, husan) = husans_case();
    let co_worker = PersonId::new();
    input.case.persons.push(co_worker);
    input.case.victims.push(VictimStatus {
        person_id: co_worker,
        status: "presumed".into(),
        identified_by: Some("ngo".into()),
        identified_on: None,
    });
    input.persons.push(PersonForExport {
        id: co_worker,
        profile: PersonProfile { sex: "male".into(), citizenship: "TJ".into(), ..Default::default() },
        identity: Some(PersonIdentity { full_name: "Рустам Назаров".into(), ..Default::default() }),
        appeal_sector: None,
        appeal_occupation: None,
    });
    (input, husan, co_worker)
}

fn husans_record(consent: &ExportConsent) -> HtcdsRecord {
    let (input, husan) = husans_case();
    record(&input, husan, consent).expect("Husan is a person of his case")
}

/// Every code a value holds.
fn codes_of(value: &HtcdsValue) -> Vec<&str> {
    match value {
        HtcdsValue::One(Scalar::Code(code)) => vec![code],
        HtcdsValue::Codes(codes) => codes.iter().map(String::as_str).collect(),
        HtcdsValue::Each(items) => items
            .iter()
            .filter_map(|i| match i {
                Some(Scalar::Code(code)) => Some(code.as_str()),
                _ => None,
            })
            .collect(),
        HtcdsValue::One(_) => vec![],
    }
}

fn codes(record: &HtcdsRecord, field: &str) -> Vec<String> {
    record.get(field).map(codes_of).unwrap_or_default().into_iter().map(str::to_owned).collect()
}

fn text_of(record: &HtcdsRecord, field: &str) -> Option<String> {
    match record.get(field) {
        Some(HtcdsValue::One(Scalar::Text(text))) => Some(text.clone()),
        _ => None,
    }
}

// The embedded mapping.

#[test]
fn the_embedded_mapping_parses_and_names_its_standard_source_and_licence() {
    let mapping = mapping();
    assert_eq!(mapping.standard.version, "2.0");
    assert_eq!(mapping.standard.version_date, day(2021, 12, 24));
    assert_eq!(mapping.standard.licence, "CC BY 4.0");
    assert!(mapping.standard.attribution.contains("IOM does not endorse Komek"));
    assert!(mapping.standard.source.starts_with("https://github.com/UNMigration/HTCDS"));
    assert_eq!(mapping.fields.len(), 84);
    assert_eq!(mapping.exchange_key.name, "komek_CaseNumber");
    assert!(mapping.field("komek_CaseNumber").is_none(), "the exchange key is not a field of the standard");
}

/// Each table translates exactly the codes of the Komek list it names: a code added to a list
/// and not to its table fails here, not silently in an export.
#[test]
fn every_code_of_each_mapped_komek_list_has_an_entry() {
    let mapping = mapping();
    for (name, table) in &mapping.maps {
        let komek: BTreeSet<&str> = match name.as_str() {
            "ilo-indicator" => CATALOGUES.iter().flat_map(|c| c.indicators.iter().map(|i| i.code)).collect(),
            "eleven" => Eleven::ALL.iter().map(|t| t.code()).collect(),
            _ => {
                let list = lookups::ALL.iter().find(|l| l.name == table.komek_list);
                list.unwrap_or_else(|| panic!("{name}: no lookup list {}", table.komek_list))
                    .codes
                    .iter()
                    .copied()
                    .collect()
            }
        };
        let listed: BTreeSet<&str> = table.map.keys().map(String::as_str).collect();
        assert_eq!(listed, komek, "{name}: the table's codes are the list's codes");
        for (code, translation) in &table.map {
            let none = translation.confidence == Confidence::NoEquivalent;
            assert_eq!(none, translation.htcds.is_empty(), "{name}: {code} is 'none' exactly when it gives nothing");
            for field in &table.htcds_fields {
                let spec = mapping.field(field).unwrap_or_else(|| panic!("{name}: no field {field}"));
                assert!(spec.written(), "{name}: {field} is a field Komek writes");
                for htcds in &translation.htcds {
                    assert!(!htcds.contains('-'), "{name}: {code} → {htcds} looks like a Komek code");
                    if !spec.codes.is_empty() {
                        assert!(spec.codes.contains(htcds), "{name}: {code} → {htcds} is not a code of {field}");
                    }
                }
            }
        }
    }
    for name in ["sex", "citizenship", "language", "victim-status", "identifying-body", "case-status", "case-kind"] {
        assert!(mapping.maps.contains_key(name), "the {name} table is there");
    }
    for (catalogue, added) in &mapping.verdict_yes_adds.catalogues {
        assert!(CATALOGUES.iter().any(|c| c.id == catalogue), "{catalogue} is a shipped catalogue");
        let spec = mapping.field(&mapping.verdict_yes_adds.htcds_field).expect("the field verdicts add to");
        assert!(added.iter().all(|c| spec.codes.contains(c)), "{catalogue}: {added:?}");
    }
}

/// The mapping's copy of the field list is the test data's: names, order, core flags, status,
/// sensitivity and codes; each field needs at least the consent categories its sensitivity
/// classes translate to; and the code tables the test data also has are the same.
#[test]
fn the_mapping_agrees_with_the_field_list_and_the_value_maps_of_the_test_data() {
    let mapping = mapping();
    let standard = standard_fields();
    let names: Vec<String> = standard.iter().map(|f| f["name"].as_str().unwrap_or_default().to_owned()).collect();
    let mine: Vec<String> = mapping.fields.iter().map(|f| f.name.clone()).collect();
    assert_eq!(mine, names);
    let translate = |classes: &[String]| -> BTreeSet<String> {
        classes
            .iter()
            .flat_map(|c| mapping.consent_of_sensitivity.get(c).unwrap_or_else(|| panic!("class {c} translated")))
            .cloned()
            .collect()
    };
    for (spec, field) in mapping.fields.iter().zip(&standard) {
        let name = &spec.name;
        assert_eq!(Some(spec.core), field["core"].as_bool(), "{name}: core");
        assert_eq!(spec.deprecated, field["status"] == "DEPRECATED", "{name}: deprecated");
        assert_eq!(spec.sensitivity, strings(&field["sensitivity"]), "{name}: sensitivity");
        let consent: BTreeSet<String> = spec.consent.iter().cloned().collect();
        assert!(consent.is_superset(&translate(&spec.sensitivity)), "{name}: consent {consent:?}");
        assert!(spec.consent.iter().all(|c| lookups::DATA_CATEGORY.contains(c)), "{name}: {:?}", spec.consent);
        assert!(!spec.written() || !spec.deprecated, "{name}: a deprecated field is never written");
        let values = field["values"].as_array().cloned().unwrap_or_default();
        if !spec.codes.is_empty() {
            let listed: Vec<String> = values.iter().filter_map(|v| v["code"].as_str().map(str::to_owned)).collect();
            assert_eq!(spec.codes, listed, "{name}: codes");
            let multiple = field["multiple"].as_bool().unwrap_or_default();
            assert_eq!(spec.kind == Some(PickKind::MultiPicklist), multiple, "{name}: multi-select");
        }
        for value in values.iter().filter(|v| v.get("sensitivity").is_some()) {
            let code = value["code"].as_str().unwrap_or_default();
            let classes = strings(&value["sensitivity"]);
            if spec.codes.is_empty() {
                continue;
            }
            assert_eq!(spec.value_sensitivity.get(code), Some(&classes), "{name}: {code}");
            let own: BTreeSet<String> = spec.value_consent.get(code).cloned().unwrap_or_default().into_iter().collect();
            assert!(own.is_superset(&translate(&classes)), "{name}: {code} needs {own:?}");
        }
    }
    let maps: Value = serde_json::from_str(VALUE_MAPS).expect("the value maps are JSON");
    let (mut tables, mut compared) = (0, 0);
    for (_, theirs) in maps["maps"].as_object().into_iter().flatten() {
        let Some(entries) = theirs["map"].as_object() else { continue };
        let codes: BTreeSet<&String> = entries.keys().collect();
        // The same field, the same Komek list (place, sector and occupation share a field).
        let same = |m: &&ValueMap| {
            m.htcds_fields.iter().any(|f| theirs["htcds_field"] == *f) && m.map.keys().collect::<BTreeSet<_>>() == codes
        };
        let Some(mine) = mapping.maps.values().find(same) else { continue };
        tables += 1;
        for (code, entry) in entries {
            let translation = &mine.map[code];
            assert_eq!(translation.htcds, strings(&entry["htcds"]), "{code}");
            let confidence = match translation.confidence {
                Confidence::Exact => "exact",
                Confidence::Approximate => "approximate",
                Confidence::NoEquivalent => "none",
            };
            assert_eq!(entry["confidence"], confidence, "{code}");
            compared += 1;
        }
    }
    // Komek's own lists have no table in the test data to compare with.
    let own = ["referral-purpose", "recruitment-method", "means-of-control"];
    assert!(own.iter().all(|name| mapping.maps.contains_key(*name)), "Komek's own tables are there");
    assert_eq!(tables, mapping.maps.len() - own.len(), "every table but Komek's own was compared");
    assert!(compared > 150, "the tables were compared ({compared} codes)");
}

/// The labels written as text are the English labels the web crate shows, for every code.
#[test]
fn the_labels_written_are_the_english_labels_of_every_code() {
    let mapping = mapping();
    for (list_name, labels) in &mapping.labels {
        let list = lookups::ALL.iter().find(|l| l.name == list_name).expect("a lookup list");
        let listed: Vec<&str> = labels.keys().map(String::as_str).collect();
        let mut codes = list.codes.to_vec();
        codes.sort_unstable();
        assert_eq!(listed, codes, "{list_name}: a label for each code");
        for (code, label) in labels {
            let id = list.label_id(code);
            let line = ENGLISH_LOOKUPS.lines().find_map(|l| l.strip_prefix(&format!("{id} = ")));
            assert_eq!(line.map(str::trim), Some(label.as_str()), "{id}");
        }
    }
}

// The record against the standard.

#[test]
fn every_field_the_export_writes_is_a_field_of_the_standard() {
    let (input, ..) = husan_and_his_co_worker();
    let written = records(&input, |_| Some(everything()));
    let standard: BTreeSet<String> =
        standard_fields().iter().filter_map(|f| f["name"].as_str().map(str::to_owned)).collect();
    for record in &written {
        for (name, _) in &record.fields {
            assert!(standard.contains(*name), "{name} is not in the standard");
        }
    }
    let json = to_json(&written);
    for record in json["records"].as_array().into_iter().flatten() {
        for name in record.as_object().into_iter().flatten().map(|(name, _)| name) {
            assert!(standard.contains(name) || name == "komek_CaseNumber", "{name} is not in the standard");
        }
    }
}

#[test]
fn every_code_written_for_a_pick_list_is_a_code_of_that_field() {
    let (input, ..) = husan_and_his_co_worker();
    let mut checked = 0;
    for record in records(&input, |_| Some(everything())) {
        for (name, value) in &record.fields {
            let field = standard_field(name).unwrap_or_else(|| panic!("{name} is in the standard"));
            let allowed: Vec<String> = field["values"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v["code"].as_str().map(str::to_owned))
                .collect();
            let kind = field["kind"].as_str().unwrap_or_default();
            if kind.contains("picklist") && allowed.is_empty() {
                // Valued from an ISO list: ISO 3166-1 alpha-2 countries, ISO 639-2 languages.
                let iso = |c: &str| match *name {
                    "prs_Citizenship" => c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase()),
                    _ => c.len() == 3 && c.chars().all(|c| c.is_ascii_lowercase()),
                };
                assert!(codes_of(value).iter().all(|c| iso(c)), "{name}: {value:?}");
                assert!(!matches!(value, HtcdsValue::One(Scalar::Text(_))), "{name}: a code, not text");
                continue;
            }
            if allowed.is_empty() {
                assert!(codes_of(value).is_empty(), "{name} has no pick list, yet got {value:?}");
                continue;
            }
            let multiple = field["multiple"].as_bool().unwrap_or_default();
            let repeating = mapping().repeats(&mapping().field(name).map(|f| f.part.clone()).unwrap_or_default());
            match value {
                HtcdsValue::Codes(_) => assert!(multiple, "{name}: several codes for a single choice"),
                HtcdsValue::One(Scalar::Code(_)) => assert!(!multiple, "{name}: one code for a multi-select"),
                HtcdsValue::Each(_) => assert!(repeating, "{name}: items in a part that does not repeat"),
                other => panic!("{name}: a pick list written as {other:?}"),
            }
            for code in codes_of(value) {
                assert!(allowed.iter().any(|a| a == code), "{name}: {code} is not one of {allowed:?}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "codes were written and checked ({checked})");
}

/// Translated, never passed through: Komek's kebab-case codes never reach the record.
#[test]
fn komek_codes_are_translated_into_the_standards() {
    let record = husans_record(&everything());
    assert_eq!(codes(&record, "prs_Gender"), ["Masculine"]);
    assert_eq!(codes(&record, "prs_Citizenship"), ["UZ"]);
    assert_eq!(codes(&record, "prs_PrimaryLanguage"), ["uzb"]);
    assert_eq!(codes(&record, "prs_SecondaryLanguage"), ["rus"], "'other' has no ISO code and is skipped");
    assert_eq!(codes(&record, "cas_Status"), ["ClosedReferred"]);
    assert_eq!(codes(&record, "vic_TraffickingStatus"), ["ActualVictimOfTrafficking"]);
    assert_eq!(codes(&record, "vic_TraffickingStatusDecisionMakingOrg"), ["Police"]);
    assert_eq!(codes(&record, "vic_TypeOfExploitation"), ["ForcedLabour"]);
    assert_eq!(codes(&record, "vic_ForcedLabourIndustry"), ["F_Construction"]);
    assert_eq!(
        codes(&record, "per_RoleInProcess"),
        ["Exploiter", "RecruiterOrIntermediary", "ControlledIndividual", "Transporter"]
    );
    assert_eq!(
        codes(&record, "hte_Type"),
        ["Recruitment", "Transit", "Exploitation"],
        "by day; release is no HTCDS event"
    );
    assert_eq!(codes(&record, "cas_ReasonForOutgoingReferral"), ["Other", "MigrationOrChangeOfLocation"]);
    assert_eq!(codes(&record, "cas_ReasonForIncomingReferral"), ["AdditionalServicesRequired"]);
    let json = to_json(std::slice::from_ref(&record)).to_string();
    for komek in ["closed-referred", "trafficking-labour", "construction-site", "identified", "\"male\"", "\"uz\""] {
        assert!(!json.contains(komek), "{komek} passed through");
    }
}

#[test]
fn husans_record_says_what_komek_holds_about_him() {
    let record = husans_record(&everything());
    assert_eq!(record.case_number, "2008-017");
    assert_eq!(text_of(&record, "org_Name").as_deref(), Some("Komek legal aid centre, Shymkent"));
    assert_eq!(text_of(&record, "prs_SecondName").as_deref(), Some("ABDULLAEV HUSAN"), "the passport's spelling");
    assert_eq!(record.get("prs_FirstName"), None, "Komek cannot split a name");
    assert_eq!(record.get("prs_Birthdate"), Some(&HtcdsValue::One(Scalar::Day(day(1985, 4, 12)))));
    assert_eq!(text_of(&record, "prs_MobilePhone").as_deref(), Some("+998901234567"), "the first that is a phone");
    assert_eq!(text_of(&record, "prs_IdentityNumber").as_deref(), Some("AA 1234567"));
    assert_eq!(record.get("vic_AgeWhenTrafficked"), Some(&HtcdsValue::One(Scalar::Number(23))));
    assert_eq!(text_of(&record, "vic_LocationOfRecruitment").as_deref(), Some("Tashkent, Kuyluk market, UZ"));
    assert_eq!(
        text_of(&record, "vic_LocationOfExploitation").as_deref(),
        Some("Construction site, Tolebi District, Turkistan Region, KZ")
    );
    // The later interview corrected the violence; the addiction needs the health category.
    // The escort the lawyer recorded has no code of its own; the documents are written once.
    assert_eq!(
        codes(&record, "vic_MethodsOfControl"),
        ["FalsePromises", "TakesEarnings", "PsychoactiveSubstance", "WithholdsDocuments", "Other"]
    );
    assert_eq!(codes(&record, "vic_MethodOfRecruitment"), ["AtAPlaceOfBusiness"], "at Kuyluk market");
    assert_eq!(codes(&record, "prs_Citizenship"), ["UZ"]);
    assert_eq!(text_of(&record, "cas_ReasonForCaseClosure").as_deref(), Some("Referred to another organisation"));
    assert_eq!(text_of(&record, "cas_CaseOwner").as_deref(), Some("Aigerim Sadykova"));
    let organisations = |field| match record.get(field) {
        Some(HtcdsValue::Each(items)) => items.clone(),
        _ => vec![],
    };
    assert_eq!(
        organisations("cas_ReferredOrganisation"),
        [Some(Scalar::Text("DP Turkistan, OCU".into())), Some(Scalar::Text("IOM Kazakhstan".into()))],
        "the draft never left"
    );
    assert_eq!(
        organisations("cas_OutgoingReferralDate"),
        [Some(Scalar::Day(day(2008, 9, 9))), Some(Scalar::Day(day(2008, 10, 3)))],
        "the days they were sent"
    );
    assert_eq!(
        organisations("per_Organisation"),
        [None, None, Some(Scalar::Text("TOO StroiMontazh-Yug".into())), None],
        "only the company party names an organisation"
    );
    assert_eq!(organisations("hte_Country"), [Some(Scalar::Text("UZ".into())), None, Some(Scalar::Text("KZ".into()))]);
    assert_eq!(organisations("hte_Description")[1], None, "the transit has no text");
    assert_eq!(record.get("con_Consent"), Some(&HtcdsValue::One(Scalar::Flag(true))));
}

#[test]
fn a_psychologists_note_never_leaves() {
    let record = husans_record(&everything());
    let Some(HtcdsValue::Each(comments)) = record.get("cco_CaseComment") else { panic!("comments are written") };
    assert_eq!(comments.len(), 3, "the summary and the two team notes");
    let json = to_json(&[record]).to_string();
    assert!(!json.contains("nightmares"));
}

/// Husan's consent has no health: nothing he did not allow is in his record, and what he
/// allowed is.
#[test]
fn husans_consent_lets_out_only_the_categories_it_names() {
    let record = husans_record(&husans_consent());
    let withheld = ["health", "contact", "perpetrator", "documents"];
    for (name, value) in &record.fields {
        let field = standard_field(name).unwrap_or_else(|| panic!("{name} is in the standard"));
        let classes = strings(&field["sensitivity"]);
        let spec = mapping().field(name).unwrap_or_else(|| panic!("{name} is in the mapping"));
        for category in withheld {
            assert!(!classes.iter().any(|c| c == category), "{name} is {category} data");
            assert!(!spec.consent.iter().any(|c| c == category), "{name} needs {category}");
        }
        for code in codes_of(value) {
            let own = field["values"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|v| v["code"] == code)
                .map(|v| strings(&v["sensitivity"]))
                .unwrap_or_default();
            assert!(!own.iter().any(|c| c == "health" || c == "sexual_life"), "{name}: {code} is {own:?}");
        }
        assert!(!classes.iter().any(|c| c == "precise_location"), "{name}: a precise location is contact data");
    }
    for carried in ["prs_SecondName", "prs_Birthdate", "prs_Gender", "vic_TypeOfExploitation", "cco_CaseComment"] {
        assert!(record.get(carried).is_some(), "{carried} is carried");
    }
    for left_out in ["prs_MobilePhone", "prs_IdentityNumber", "per_RoleInProcess", "hte_Description"] {
        assert_eq!(record.get(left_out), None, "{left_out} is left out");
    }
    assert_eq!(
        codes(&record, "vic_MethodsOfControl"),
        ["FalsePromises", "TakesEarnings", "WithholdsDocuments", "Other"],
        "a substance is health data: the code goes, the field stays"
    );
    assert_eq!(record.categories(), BTreeSet::from(["case-narrative", "identity"]));
    let csv = String::from_utf8(to_csv(&[record])).expect("UTF-8");
    let header = csv.lines().next().unwrap_or_default();
    assert!(!header.contains("prs_MobilePhone") && !header.contains("per_"), "left out, not emptied: {header}");
}

#[test]
fn a_value_of_its_own_sensitivity_goes_with_its_field_when_not_covered() {
    let (mut input, husan) = husans_case();
    input.persons[0].profile.sex = "other".into();
    let everything = record(&input, husan, &everything()).expect("a record");
    assert_eq!(codes(&everything, "prs_Gender"), ["NonConforming"]);
    let husans = record(&input, husan, &husans_consent()).expect("a record");
    assert_eq!(husans.get("prs_Gender"), None, "non-conforming gender is sexual-life data, here under health");
}

#[test]
fn con_consent_is_true_only_when_the_caller_says_a_consent_covers_the_export() {
    let uncovered = ExportConsent { covered: false, ..everything() };
    assert_eq!(husans_record(&uncovered).get("con_Consent"), Some(&HtcdsValue::One(Scalar::Flag(false))));
    assert_eq!(husans_record(&husans_consent()).get("con_Consent"), Some(&HtcdsValue::One(Scalar::Flag(true))));
}

/// `not_held` is what a fully held case still cannot fill: the core fields it does not write.
#[test]
fn not_held_lists_exactly_the_core_fields_a_full_case_does_not_write() {
    let (input, ..) = husan_and_his_co_worker();
    let written_records = records(&input, |_| Some(everything()));
    let written: BTreeSet<&str> = written_records.iter().flat_map(|r| r.fields.iter().map(|(n, _)| *n)).collect();
    let core: BTreeSet<String> = standard_fields()
        .iter()
        .filter(|f| f["core"] == true && f["status"] != "DEPRECATED")
        .filter_map(|f| f["name"].as_str().map(str::to_owned))
        .collect();
    let json = to_json(&written_records);
    let not_held: BTreeSet<String> = strings(&json["not_held"]).into_iter().collect();
    let unwritten: BTreeSet<String> = core.iter().filter(|f| !written.contains(f.as_str())).cloned().collect();
    assert_eq!(not_held, unwritten);
    assert!(!not_held.contains("con_Consent") && !not_held.contains("vic_MethodOfRecruitment"));
    assert_eq!(core.len(), 38, "the standard's core, as the Excel toolkit has it");
}

#[test]
fn the_json_form_names_the_standard_its_licence_and_the_exchange_key() {
    let (input, ..) = husan_and_his_co_worker();
    let json = to_json(&records(&input, |_| Some(everything())));
    assert_eq!(json["standard"]["version"], "2.0");
    assert_eq!(json["standard"]["version_date"], "2021-12-24");
    assert_eq!(json["standard"]["licence"], "CC BY 4.0");
    assert_eq!(json["exchange_key"]["field"], "komek_CaseNumber");
    assert!(strings(&json["repeating_parts"]["event"]["fields"]).contains(&"hte_Date".to_owned()));
    let first = &json["records"][0];
    assert_eq!(first["komek_CaseNumber"], "2008-017");
    assert_eq!(first["prs_Birthdate"], "1985-04-12");
    assert_eq!(first["con_Consent"], true);
    assert_eq!(first["vic_AgeWhenTrafficked"], 23);
    assert_eq!(first["prs_Citizenship"], serde_json::json!(["UZ"]));
    assert_eq!(first["hte_Description"][1], Value::Null);
}

#[test]
fn a_case_with_two_persons_gives_two_records_and_a_person_without_consent_none() {
    let (input, husan, co_worker) = husan_and_his_co_worker();
    let both = records(&input, |_| Some(husans_consent()));
    assert_eq!(both.len(), 2);
    assert_eq!(both.iter().map(|r| r.person_id).collect::<Vec<_>>(), [husan, co_worker]);
    assert!(both.iter().all(|r| r.case_number == "2008-017"));
    assert_eq!(text_of(&both[1], "prs_SecondName").as_deref(), Some("Рустам Назаров"));
    assert_eq!(codes(&both[1], "prs_Citizenship"), ["TJ"]);
    assert_eq!(codes(&both[1], "vic_TraffickingStatus"), ["PossibleVictimOfTrafficking"]);
    assert_eq!(
        codes(&both[1], "vic_MethodsOfControl"),
        ["WithholdsDocuments", "Other"],
        "Husan's assessment is his own; what the case records is everyone's"
    );
    assert_eq!(both[0].get("cas_Status"), both[1].get("cas_Status"), "the case part repeats");
    assert_eq!(both[1].get("cas_ReferredOrganisation"), None, "Husan's referrals are his own");
    let only_husan = records(&input, |person| (person == husan).then(husans_consent));
    assert_eq!(only_husan.iter().map(|r| r.person_id).collect::<Vec<_>>(), [husan]);
    assert_eq!(record(&input, PersonId::new(), &everything()), None, "not a person of the case");
}

#[test]
fn a_birth_year_alone_gives_neither_a_birth_date_nor_an_age() {
    let (mut input, husan) = husans_case();
    if let Some(identity) = input.persons[0].identity.as_mut() {
        identity.birth_date = None;
    }
    let record = record(&input, husan, &everything()).expect("a record");
    assert_eq!(record.get("prs_Birthdate"), None);
    assert_eq!(record.get("vic_AgeWhenTrafficked"), None);
}

#[test]
fn without_his_identity_no_identifying_field_is_written() {
    let (mut input, husan) = husans_case();
    input.persons[0].identity = None;
    let record = record(&input, husan, &everything()).expect("a record");
    for field in ["prs_SecondName", "prs_Birthdate", "prs_MobilePhone", "prs_MailingStreet", "prs_IdentityNumber"] {
        assert_eq!(record.get(field), None, "{field}");
    }
    assert_eq!(codes(&record, "prs_Gender"), ["Masculine"], "the profile is not identifying");
}

// The CSV form.

/// One cell as the receiver reads it: the formula guard taken off, the list split on
/// unescaped `;` and unescaped.
fn read_cell(cell: &str, is_list: bool) -> Vec<String> {
    /// What the writer guards: a formula's start, or a `'` before something it guards.
    fn guarded(s: &str) -> bool {
        match s.chars().next() {
            Some('=' | '@' | '\t' | '\r') => true,
            Some('+' | '-') => s[1..].trim().parse::<f64>().is_err(),
            Some('\'') => guarded(&s[1..]),
            _ => false,
        }
    }
    let cell = cell.strip_prefix('\'').filter(|rest| guarded(rest)).unwrap_or(cell);
    if !is_list {
        return vec![cell.to_owned()];
    }
    let mut items = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => items.last_mut().into_iter().for_each(|i| i.extend(chars.next())),
            ';' => items.push(String::new()),
            c => items.last_mut().into_iter().for_each(|i| i.push(c)),
        }
    }
    items
}

/// The values of a record as text, as the CSV should carry them.
fn expected_cells(record: &HtcdsRecord) -> BTreeMap<String, Vec<String>> {
    let scalar = |s: &Scalar| match s {
        Scalar::Text(t) | Scalar::Code(t) => t.clone(),
        Scalar::Day(d) => d.format("%Y-%m-%d").to_string(),
        Scalar::Flag(f) => f.to_string(),
        Scalar::Number(n) => n.to_string(),
    };
    let mut cells = BTreeMap::from([("komek_CaseNumber".to_owned(), vec![record.case_number.clone()])]);
    for (name, value) in &record.fields {
        let texts = match value {
            HtcdsValue::One(s) => vec![scalar(s)],
            HtcdsValue::Codes(codes) => codes.clone(),
            HtcdsValue::Each(items) => items.iter().map(|i| i.as_ref().map(scalar).unwrap_or_default()).collect(),
        };
        cells.insert((*name).to_owned(), texts);
    }
    cells
}

#[test]
fn the_csv_reads_back_to_the_same_values() {
    let (mut input, ..) = husan_and_his_co_worker();
    input.case.number = "-1+2".into(); // a case number a spreadsheet would compute
    input.lead_name = "=HYPERLINK(\"http://example.org\")".into();
    input.organisation_name = "'Komek' centre".into(); // a quote that guards nothing stays
    let written = records(&input, |_| Some(everything()));
    let bytes = to_csv(&written);
    let text = String::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark for spreadsheets");
    assert!(text.contains("\r\n"), "lines end with CRLF");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    assert_eq!(header[0], "komek_CaseNumber");
    let positions: Vec<usize> = header[1..].iter().map(|h| mapping().position(h).expect("a field")).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "the standard's order, each once");
    let everywhere: BTreeSet<&str> = written.iter().flat_map(|r| r.fields.iter().map(|(n, _)| *n)).collect();
    assert_eq!(header.len() - 1, everywhere.len(), "every field written in any record");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), written.len());
    for (row, record) in rows.iter().zip(&written) {
        let expected = expected_cells(record);
        for (name, cell) in header.iter().zip(row.iter()) {
            let is_list = mapping().holds_list(name);
            match expected.get(name) {
                Some(values) => assert_eq!(&read_cell(cell, is_list), values, "{name}"),
                None => assert_eq!(cell, "", "{name} is empty where the record has none"),
            }
        }
    }
    assert!(text.contains("'=HYPERLINK"), "a formula is not run by a spreadsheet");
    assert!(text.contains("\\;") && text.contains("a\\\\b"), "a ';' and a '\\' in an item are escaped");
    assert!(text.contains("'-1+2"), "nor a sum");
    assert!(text.contains("+998901234567"), "a phone number stays as it is");
}

#[test]
fn a_case_exploited_abroad_names_its_country_not_kazakhstan() {
    let (mut input, husan) = husans_case();
    input.case.exploited_region = None;
    input.case.exploited_district = None;
    input.case.exploited_country = Some("RU".into());
    let record = record(&input, husan, &everything()).expect("Husan is a person of his case");
    assert_eq!(text_of(&record, "vic_LocationOfExploitation").as_deref(), Some("Construction site, RU"));
    let countries = match record.get("hte_Country") {
        Some(HtcdsValue::Each(items)) => items.clone(),
        other => panic!("hte_Country is one item per event: {other:?}"),
    };
    assert_eq!(countries, [Some(Scalar::Text("UZ".into())), None, Some(Scalar::Text("RU".into()))]);
}

#[test]
fn a_country_of_exploitation_beside_a_kazakh_region_is_the_one_written() {
    let (mut input, husan) = husans_case();
    let implied = record(&input, husan, &everything()).expect("Husan is a person of his case");
    input.case.exploited_country = Some("KZ".into());
    let with_country = record(&input, husan, &everything()).expect("Husan is a person of his case");
    assert_eq!(
        text_of(&with_country, "vic_LocationOfExploitation"),
        text_of(&implied, "vic_LocationOfExploitation"),
        "KZ either way, written once"
    );
}

#[test]
fn every_citizenship_is_written_the_main_one_first_each_once() {
    let (mut input, husan) = husans_case();
    input.persons[0].profile.citizenship = "TJ".into();
    input.persons[0].profile.other_citizenships = vec!["UZ".into(), "RU".into()];
    let written = record(&input, husan, &everything()).expect("a record");
    assert_eq!(codes(&written, "prs_Citizenship"), ["TJ", "UZ", "RU"], "the main one first, not by the alphabet");
    let husans = record(&input, husan, &husans_consent()).expect("a record");
    assert_eq!(codes(&husans, "prs_Citizenship"), ["TJ", "UZ", "RU"], "all of them under identity, as the main one");
    let anonymous = record(&input, husan, &ExportConsent::covering(["case-narrative"])).expect("a record");
    assert_eq!(anonymous.get("prs_Citizenship"), None, "and none of them without it");
    input.persons[0].profile.citizenship = "unknown".into();
    input.persons[0].profile.other_citizenships = vec![];
    let unknown = record(&input, husan, &everything()).expect("a record");
    assert_eq!(unknown.get("prs_Citizenship"), None, "unknown has no code of the standard");
}

/// The means of control the lawyer recorded join those the indicator answers give, each once;
/// a recorded code of its own sensitivity goes unless the consent covers it.
#[test]
fn recorded_means_of_control_join_the_derived_ones_and_keep_to_the_consent() {
    let (mut input, husan) = husans_case();
    input.case.means_of_control =
        vec!["wages-withheld".into(), "medical-care-denied".into(), "sexual-violence".into(), "debt".into()];
    let all = record(&input, husan, &everything()).expect("a record");
    assert_eq!(
        codes(&all, "vic_MethodsOfControl"),
        [
            "DebtBondage",
            "FalsePromises",
            "SexualAbuse",
            "TakesEarnings",
            "RestrictsMedicalCare",
            "PsychoactiveSubstance",
            "WithholdsDocuments"
        ],
        "in the standard's order, the wages once though both say so"
    );
    let husans = record(&input, husan, &husans_consent()).expect("a record");
    assert_eq!(
        codes(&husans, "vic_MethodsOfControl"),
        ["DebtBondage", "FalsePromises", "TakesEarnings", "WithholdsDocuments"],
        "medical care, sexual abuse and the substance need health"
    );
    input.assessments.clear();
    input.case.means_of_control = vec!["sexual-violence".into()];
    let only_health = record(&input, husan, &husans_consent()).expect("a record");
    assert_eq!(only_health.get("vic_MethodsOfControl"), None, "nothing left: the field goes");
}

#[test]
fn every_method_of_recruitment_and_means_of_control_translates_into_the_standards_codes() {
    let (mut input, husan) = husans_case();
    input.case.recruitment_methods = lookups::RECRUITMENT_METHOD.codes.iter().map(|c| (*c).to_owned()).collect();
    input.case.means_of_control = lookups::MEANS_OF_CONTROL.codes.iter().map(|c| (*c).to_owned()).collect();
    let all = record(&input, husan, &everything()).expect("a record");
    let standard_codes = |field: &str| -> Vec<String> {
        let values = standard_field(field).map(|f| f["values"].clone()).unwrap_or_default();
        values.as_array().into_iter().flatten().filter_map(|v| v["code"].as_str().map(str::to_owned)).collect()
    };
    let recruitment = codes(&all, "vic_MethodOfRecruitment");
    assert!(recruitment.iter().all(|c| standard_codes("vic_MethodOfRecruitment").contains(c)), "{recruitment:?}");
    for expected in ["ThroughFamilyOrFamilyEvents", "ThroughFriendsOrSocialEvents", "ThroughAnOnlineAdvertisement"] {
        assert!(recruitment.iter().any(|c| c == expected), "{expected} in {recruitment:?}");
    }
    let control = codes(&all, "vic_MethodsOfControl");
    assert_eq!(control, standard_codes("vic_MethodsOfControl"), "every code of the standard can be recorded");
}

/// An event's own place is written for it; an event without one keeps the case's places.
#[test]
fn an_event_with_a_place_of_its_own_is_written_there() {
    let (mut input, husan) = husans_case();
    let transit = input.events.iter_mut().find(|e| e.kind == "transit").expect("the transit");
    transit.place_region = Some("turkistan".into());
    transit.place_district = Some("saryagash".into());
    transit.place_settlement = Some("Zhibek Zholy ".into());
    let exploitation = input.events.iter_mut().find(|e| e.kind == "exploitation").expect("the exploitation");
    exploitation.place_country = Some("RU".into());
    let written = record(&input, husan, &everything()).expect("a record");
    let items = |field: &str| match written.get(field) {
        Some(HtcdsValue::Each(items)) => items.clone(),
        other => panic!("{field} is one item per event: {other:?}"),
    };
    let text = |t: &str| Some(Scalar::Text(t.into()));
    // By day: the recruitment (the case's place), the transit, the exploitation.
    assert_eq!(items("hte_Country"), [text("UZ"), text("KZ"), text("RU")], "a Kazakh region implies KZ");
    assert_eq!(items("hte_State"), [None, text("Turkistan Region"), None], "Russia has no region of Komek's");
    assert_eq!(items("hte_City"), [None, text("Zhibek Zholy"), None], "the town as told, before its district");
    let husans = record(&input, husan, &ExportConsent::covering(["identity"])).expect("a record");
    assert_eq!(husans.get("hte_City"), None, "an event's place is the case's story");
}
