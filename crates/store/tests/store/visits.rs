//! Monitoring visits on both back ends: a visit keeps its counts and lists in their order and
//! its notes as the ciphertext given; it is changed only at the version read; lists filter by
//! office, day, status, district and party; a return visit finds the one before; appeals and
//! cases hang on a visit.

use chrono::{NaiveDate, TimeZone, Utc};
use komek_domain::entities::{Appeal, Case};
use komek_domain::monitoring::{Check, CitizenshipCount, Material, Observation, PeopleMet, Violation, Visit};
use komek_domain::*;
use komek_store::repo::appeals::{AppealFilter, AppealSort};
use komek_store::repo::visits::{StoredVisit, VisitFilter};
use komek_store::repo::{self, parties::StoredParty};
use komek_store::{Store, StoreError};

use crate::conformance::{account, office, person};
use crate::referrals::partner;

conformance!(
    a_visit_keeps_its_counts_lists_and_notes_and_changes_only_at_the_version_read,
    visits_are_listed_by_office_day_status_district_and_party,
    appeals_taken_and_cases_opened_on_a_visit_hang_on_it,
    a_visits_tasks_are_listed_for_it_and_for_their_assignee_until_done,
);

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2008, m, d).unwrap()
}

fn farm(store: &Store, office: OfficeId) -> PartyId {
    let party = StoredParty {
        id: PartyId::new(),
        office_id: office,
        kind: "company".into(),
        region: Some("turkistan".into()),
        district: Some("maktaaral".into()),
        identity_enc: vec![1],
        created_at: Utc::now(),
        version: 1,
    };
    store.write(|tx| repo::parties::insert(tx, &party, &[])).unwrap();
    party.id
}

fn visit(office: OfficeId, status: &str, on: NaiveDate, district: &str, party: Option<PartyId>) -> Visit {
    let done = status == "done";
    Visit {
        id: VisitId::new(),
        office_id: office,
        status: status.into(),
        planned_on: on,
        visited_on: done.then_some(on),
        region: "turkistan".into(),
        district: district.into(),
        place_kind: "cotton-field".into(),
        party_id: party,
        partners: vec![],
        team: vec![],
        people: PeopleMet::default(),
        checks: vec![],
        hours_per_day: None,
        violations: vec![],
        materials: vec![],
        notes: None,
        created_by: None,
        updated_at: Utc.with_ymd_and_hms(2008, 1, 10, 9, 0, 0).unwrap(),
        version: 1,
    }
}

fn a_visit_keeps_its_counts_lists_and_notes_and_changes_only_at_the_version_read(store: &Store) {
    let hq = office(store, "hq");
    let aigerim = account(store, &hq, "aigerim");
    let prosecutor = partner(store, "Прокуратура", "prokuratura", "prosecutor", &["turkistan"], &[]).partner.id;
    let mut v = visit(hq.id, "done", day(9, 16), "maktaaral", Some(farm(store, hq.id)));
    v.partners = vec![prosecutor];
    v.team = vec![aigerim.id];
    v.created_by = Some(aigerim.id);
    v.people = PeopleMet {
        total: 63,
        women: 22,
        men: 41,
        minors: 11,
        citizenships: vec![
            CitizenshipCount { citizenship: "UZ".into(), people: 60 },
            CitizenshipCount { citizenship: "TJ".into(), people: 3 },
        ],
    };
    // Kept in the order answered, not the list's.
    v.checks = vec![
        Check { item: "passports-held".into(), answer: Observation::Yes, people: Some(20) },
        Check { item: "written-contracts".into(), answer: Observation::No, people: None },
        Check { item: "drinking-water".into(), answer: Observation::NotSeen, people: None },
    ];
    v.hours_per_day = Some(12);
    v.violations = vec![
        Violation { kind: "documents-withheld".into(), people: Some(20) },
        Violation { kind: "child-labour".into(), people: None },
    ];
    v.materials = vec![
        Material { kind: "leaflet".into(), language: "uz".into(), quantity: 60 },
        Material { kind: "hotline-card".into(), language: "ru".into(), quantity: 10 },
    ];
    let stored = StoredVisit { visit: v.clone(), notes_enc: Some(vec![4, 2]) };
    store.write(|tx| repo::visits::insert(tx, &stored)).unwrap();
    let back = store.read(|tx| repo::visits::get(tx, v.id)).unwrap();
    assert_eq!(back.visit, v);
    assert_eq!(back.notes_enc, Some(vec![4, 2]));
    assert_eq!(store.read(|tx| repo::visits::reach_facts(tx, v.id, Some(aigerim.id))).unwrap(), (hq.id, true));
    assert_eq!(store.read(|tx| repo::visits::reach_facts(tx, v.id, None)).unwrap(), (hq.id, false));

    let read_by_another = back.clone();
    let mut changed = back.visit.clone();
    changed.people.minors = 9;
    changed.checks.truncate(1);
    changed.materials.clear();
    let next = StoredVisit { visit: changed.clone(), notes_enc: None };
    store.write(|tx| repo::visits::update(tx, &next, 1)).unwrap();
    let err = store.write(|tx| repo::visits::update(tx, &read_by_another, 1)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    let back = store.read(|tx| repo::visits::get(tx, v.id)).unwrap();
    assert_eq!(back.visit, Visit { version: 2, ..changed });
    assert_eq!(back.notes_enc, None);
    assert!(matches!(store.read(|tx| repo::visits::get(tx, VisitId::new())), Err(StoreError::NotFound)));
}

fn visits_are_listed_by_office_day_status_district_and_party(store: &Store) {
    let (hq, away) = (office(store, "hq"), office(store, "away"));
    let farm = farm(store, hq.id);
    let visits = [
        visit(hq.id, "done", day(3, 10), "maktaaral", Some(farm)),
        visit(hq.id, "done", day(4, 12), "maktaaral", Some(farm)),
        visit(hq.id, "cancelled", day(4, 20), "saryagash", None),
        visit(hq.id, "planned", day(5, 2), "maktaaral", Some(farm)),
        visit(away.id, "done", day(4, 15), "saryagash", None),
    ];
    for v in &visits {
        store.write(|tx| repo::visits::insert(tx, &StoredVisit { visit: v.clone(), notes_enc: None })).unwrap();
    }
    let list = |filter: VisitFilter, oldest_first: bool| -> Vec<VisitId> {
        store.read(|tx| repo::visits::list(tx, &filter, oldest_first, 10, 0)).unwrap().iter().map(|l| l.id).collect()
    };
    let ids = |at: &[usize]| at.iter().map(|i| visits[*i].id).collect::<Vec<_>>();
    let of_hq = VisitFilter { office: Some(hq.id), ..Default::default() };
    assert_eq!(list(of_hq.clone(), false), ids(&[3, 2, 1, 0]));
    assert_eq!(list(of_hq.clone(), true), ids(&[0, 1, 2, 3]));
    let april = VisitFilter { from: Some(day(4, 1)), to: Some(day(5, 1)), ..Default::default() };
    assert_eq!(list(april.clone(), true), ids(&[1, 4, 2]));
    assert_eq!(list(VisitFilter { status: Some("done".into()), ..april.clone() }, true), ids(&[1, 4]));
    assert_eq!(list(VisitFilter { district: Some("saryagash".into()), ..april }, true), ids(&[4, 2]));
    assert_eq!(list(VisitFilter { party: Some(farm), ..Default::default() }, true), ids(&[0, 1, 3]));
    let page = store.read(|tx| repo::visits::list(tx, &of_hq, true, 2, 2)).unwrap();
    assert_eq!(page.iter().map(|l| l.id).collect::<Vec<_>>(), ids(&[2, 3]));

    // The visit before a return visit: done, to the same party, not the visit itself.
    let before = |at: NaiveDate, except: VisitId| {
        store.read(|tx| repo::visits::previous_at_party(tx, farm, at, except)).unwrap()
    };
    assert_eq!(before(day(4, 12), visits[1].id), Some(visits[0].id));
    assert_eq!(before(day(5, 30), VisitId::new()), Some(visits[1].id), "the plan has not taken place");
    assert_eq!(before(day(3, 10), visits[0].id), None);
}

fn appeals_taken_and_cases_opened_on_a_visit_hang_on_it(store: &Store) {
    let hq = office(store, "hq");
    let op = account(store, &hq, "op");
    let v = visit(hq.id, "done", day(9, 16), "maktaaral", None);
    store.write(|tx| repo::visits::insert(tx, &StoredVisit { visit: v.clone(), notes_enc: None })).unwrap();
    let mut taken = Vec::new();
    for minute in 0..3 {
        let received = Utc.with_ymd_and_hms(2008, 9, 16, 6, minute, 0).unwrap();
        let appeal = Appeal {
            person_id: Some(person(store, &hq, &[])),
            ..Appeal::received(hq.id, op.id, received, "mobile-group", "migrant", "advised")
        };
        store
            .write(|tx| {
                repo::appeals::insert(tx, &appeal, None)?;
                repo::visits::link_appeal(tx, v.id, appeal.id)
            })
            .unwrap();
        taken.push(appeal.id);
    }
    let elsewhere = Appeal::received(hq.id, op.id, Utc::now(), "walk-in", "migrant", "advised");
    store.write(|tx| repo::appeals::insert(tx, &elsewhere, None)).unwrap();
    let on_visit = AppealFilter { visit: Some(v.id), ..Default::default() };
    let listed = store.read(|tx| repo::appeals::list(tx, &on_visit, AppealSort::OldestFirst, 10, 0)).unwrap();
    assert_eq!(listed.iter().map(|a| a.id).collect::<Vec<_>>(), taken);

    let case = Case { number: "2008-063".into(), ..Case::opened(hq.id, "labour-exploitation", op.id, day(9, 17)) };
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    for _ in 0..2 {
        store.write(|tx| repo::visits::link_case(tx, v.id, case.id)).unwrap();
    }
    assert_eq!(store.read(|tx| repo::visits::cases_of(tx, v.id)).unwrap(), vec![case.id], "linked once");
}

fn a_visits_tasks_are_listed_for_it_and_for_their_assignee_until_done(store: &Store) {
    use komek_domain::monitoring::VisitTask;
    let hq = office(store, "hq");
    let (lawyer, consultant) = (account(store, &hq, "lawyer"), account(store, &hq, "consultant"));
    let v = visit(hq.id, "done", day(9, 16), "maktaaral", None);
    store.write(|tx| repo::visits::insert(tx, &StoredVisit { visit: v.clone(), notes_enc: None })).unwrap();
    let task = |to: &komek_domain::entities::Account, due| VisitTask {
        id: TaskId::new(),
        record: v.id,
        title: String::new(),
        assignee_id: to.id,
        due_on: due,
        done_on: None,
        created_by: Some(consultant.id),
    };
    let (letter, back, call) = (task(&lawyer, day(9, 20)), task(&consultant, day(10, 16)), task(&lawyer, day(9, 18)));
    for t in [&letter, &back, &call] {
        store.write(|tx| repo::tasks::insert(tx, t, vec![7])).unwrap();
    }
    let ids = |tasks: Vec<(VisitTask, Vec<u8>)>| tasks.into_iter().map(|(t, _)| t.id).collect::<Vec<_>>();
    assert_eq!(ids(store.read(|tx| repo::tasks::of_record(tx, v.id)).unwrap()), vec![call.id, letter.id, back.id]);
    let mine = store.read(|tx| repo::visits::open_tasks_of(tx, lawyer.id, 10)).unwrap();
    assert_eq!(mine.iter().map(|o| o.task.id).collect::<Vec<_>>(), vec![call.id, letter.id]);
    assert_eq!(
        (mine[0].district.as_str(), mine[0].visit_day, mine[0].title_enc.clone()),
        ("maktaaral", day(9, 16), vec![7])
    );
    assert!(store.write(|tx| repo::tasks::set_done(tx, v.id, call.id, Some(day(9, 19)))).unwrap());
    assert!(!store.write(|tx| repo::tasks::set_done(tx, VisitId::new(), letter.id, Some(day(9, 19)))).unwrap());
    let mine = store.read(|tx| repo::visits::open_tasks_of(tx, lawyer.id, 10)).unwrap();
    assert_eq!(mine.iter().map(|o| o.task.id).collect::<Vec<_>>(), vec![letter.id]);
    assert_eq!(
        ids(store.read(|tx| repo::tasks::of_record(tx, v.id)).unwrap()),
        vec![letter.id, back.id, call.id],
        "done last"
    );
}
