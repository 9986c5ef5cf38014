use chrono::{NaiveDate, Utc};

use super::*;

fn day(text: &str) -> NaiveDate {
    rules::parse_day(text).unwrap()
}

fn check(item: &str, answer: Observation, people: Option<u32>) -> Check {
    Check { item: item.into(), answer, people }
}

/// The seed's raid: a cotton farm in Maktaaral, 63 workers from Uzbekistan, 11 of them
/// minors, 20 passports held by the foreman, no written contracts.
fn raid() -> Visit {
    Visit {
        id: VisitId::new(),
        office_id: OfficeId::new(),
        status: "done".into(),
        planned_on: day("2025-09-15"),
        visited_on: Some(day("2025-09-16")),
        region: "turkistan".into(),
        district: "maktaaral".into(),
        place_kind: "cotton-field".into(),
        party_id: Some(PartyId::new()),
        partners: vec![PartnerId::new()],
        team: vec![AccountId::new()],
        people: PeopleMet {
            total: 63,
            women: 24,
            men: 39,
            minors: 11,
            citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: 63 }],
        },
        checks: vec![
            check("passports-held", Observation::Yes, Some(20)),
            check("written-contracts", Observation::No, Some(63)),
            check("children-working", Observation::Yes, Some(11)),
            check("drinking-water", Observation::NotSeen, None),
        ],
        hours_per_day: Some(12),
        violations: vec![Violation { kind: "excessive-hours".into(), people: None }],
        materials: vec![Material { kind: "leaflet".into(), language: "uz".into(), quantity: 60 }],
        notes: Some(VisitNotes { settlement: "аул Жетысай".into(), ..Default::default() }),
        created_by: None,
        updated_at: Utc::now(),
        version: 1,
    }
}

const TODAY: &str = "2025-10-01";

#[test]
fn the_seeds_raid_is_a_valid_visit() {
    assert_eq!(raid().validate(day(TODAY)), vec![]);
}

#[test]
fn counts_that_do_not_add_up_are_refused_naming_the_count() {
    let more_than = |field, max| ValidationError::MoreThan { field, max };
    let mut visit = raid();
    visit.people.minors = 64;
    assert_eq!(visit.validate(day(TODAY)), vec![more_than("people.minors", 63)]);

    let mut visit = raid();
    visit.checks[0].people = Some(70);
    assert_eq!(visit.validate(day(TODAY)), vec![more_than("checks.people", 63)]);

    let mut visit = raid();
    visit.people.men = 40;
    assert_eq!(visit.validate(day(TODAY)), vec![more_than("people.men", 39)], "women and men are 63 at most");

    let mut visit = raid();
    visit.people.citizenships.push(CitizenshipCount { citizenship: "TJ".into(), people: 1 });
    assert_eq!(visit.validate(day(TODAY)), vec![more_than("people.citizenships", 0)]);

    let mut visit = raid();
    visit.hours_per_day = Some(25);
    assert_eq!(visit.validate(day(TODAY)), vec![more_than("hours_per_day", 24)]);
}

#[test]
fn a_visit_in_the_future_or_at_an_unknown_place_is_refused() {
    let mut visit = raid();
    visit.visited_on = Some(day("2025-10-02"));
    assert_eq!(visit.validate(day(TODAY)), vec![ValidationError::Future { field: "visited_on" }]);

    let mut visit = raid();
    visit.place_kind = "the moon".into();
    let errors = visit.validate(day(TODAY));
    assert!(matches!(errors.as_slice(), [ValidationError::UnknownCode { field: "place_kind", .. }]), "{errors:?}");

    let mut visit = raid();
    visit.checks.push(check("passports-held", Observation::No, None));
    assert_eq!(
        visit.validate(day(TODAY)),
        vec![ValidationError::Invalid { field: "checks.item" }],
        "an item answered twice"
    );
}

#[test]
fn a_plan_has_no_findings_and_a_cancelled_visit_says_why() {
    let mut plan = raid();
    plan.status = "planned".into();
    assert_eq!(plan.validate(day(TODAY)), vec![ValidationError::Invalid { field: "visited_on" }]);
    plan.visited_on = None;
    assert_eq!(plan.validate(day(TODAY)), vec![ValidationError::Invalid { field: "status" }]);
    let plan = Visit {
        people: PeopleMet::default(),
        checks: vec![],
        hours_per_day: None,
        violations: vec![],
        materials: vec![],
        ..plan
    };
    assert_eq!(plan.validate(day(TODAY)), vec![]);
    // A plan may be for any day, in the future too.
    assert_eq!(Visit { planned_on: day("2026-03-01"), ..plan.clone() }.validate(day(TODAY)), vec![]);

    let cancelled = Visit { status: "cancelled".into(), ..plan.clone() };
    assert_eq!(cancelled.validate(day(TODAY)), vec![ValidationError::Required { field: "cancel_reason" }]);
    let notes = Some(VisitNotes { cancel_reason: "Дорогу размыло".into(), ..Default::default() });
    assert_eq!(Visit { notes, ..cancelled }.validate(day(TODAY)), vec![]);

    let mut done = raid();
    done.visited_on = None;
    assert_eq!(done.validate(day(TODAY)), vec![ValidationError::Required { field: "visited_on" }]);
}

#[test]
fn the_checklist_adds_the_violations_it_shows_with_their_counts() {
    let visit = raid().with_signalled_violations();
    let found: Vec<(&str, Option<u32>)> = visit.violations.iter().map(|v| (v.kind.as_str(), v.people)).collect();
    assert_eq!(
        found,
        vec![
            ("excessive-hours", None),
            ("no-written-contract", Some(63)),
            ("documents-withheld", Some(20)),
            ("child-labour", Some(11)),
        ]
    );
    assert_eq!(visit.clone().with_signalled_violations(), visit, "adding twice adds nothing");
    // The passports given back: the violation the first answer showed goes with it.
    let mut corrected = visit;
    corrected.checks[0].answer = Observation::No;
    let kinds: Vec<String> = corrected.with_signalled_violations().violations.into_iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ["excessive-hours", "no-written-contract", "child-labour"]);
}

#[test]
fn every_signal_and_indicator_names_codes_of_the_lists() {
    for (item, _, violation) in CHECK_SIGNALS {
        assert!(lookups::CHECK_ITEM.contains(item), "{item}");
        assert!(lookups::VIOLATION.contains(violation), "{violation}");
    }
    for item in lookups::CHECK_ITEM.codes {
        assert_eq!(CHECK_SIGNALS.iter().filter(|(i, ..)| i == item).count(), 1, "{item} signals one violation");
    }
    assert_eq!(violation_indicator("documents-withheld"), Some(Eleven::RetentionOfDocuments));
    assert_eq!(violation_indicator("child-labour"), None);
    let linked = lookups::VIOLATION.codes.iter().filter(|v| violation_indicator(v).is_some()).count();
    assert_eq!(linked, 14, "all but missing contracts, child labour, schooling and registration");
}

#[test]
fn a_return_visit_shows_what_changed() {
    let first = raid().with_signalled_violations();
    let mut second = raid();
    second.people.total = 58;
    second.people.men = 34;
    second.people.minors = 0;
    second.people.citizenships[0].people = 58;
    second.checks = vec![
        check("passports-held", Observation::No, None),
        check("written-contracts", Observation::No, Some(58)),
        check("drinking-water", Observation::NotSeen, None),
    ];
    let second = second.with_signalled_violations();
    assert_eq!(second.validate(day(TODAY)), vec![]);
    let changes = Changes::between(&first, &second);
    let items: Vec<&str> = changes.checks.iter().map(|(item, ..)| item.as_str()).collect();
    assert_eq!(items, vec!["written-contracts", "passports-held", "children-working"]);
    let gone: Vec<&str> = changes.violations_gone.iter().map(|v| v.kind.as_str()).collect();
    assert_eq!(gone, vec!["documents-withheld", "child-labour"]);
    assert!(changes.violations_new.is_empty());
    assert_eq!((changes.people, changes.minors), ((63, 58), (11, 0)));
}

#[test]
fn observations_round_trip_their_codes() {
    for o in Observation::ALL {
        assert_eq!(Observation::parse(o.code()), Some(o));
        assert_eq!(serde_json::to_value(o).unwrap(), o.code());
    }
    assert_eq!(Observation::parse("maybe"), None);
}
