//! The mobile group's visits through the services, on both back ends, told with the seed's raid:
//! jointly with the prosecutor, the group goes to a cotton farm in the Maktaaral district and
//! finds 63 workers from Uzbekistan, 11 of them minors, the passports of 20 held by the
//! foreman and no written contracts; it consults three workers on the spot and opens a group
//! case; a month later it comes back and finds the passports returned; the report of those
//! months counts the visits, the people met and the violations found.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use komek_app::appeals::{Intake, IntakePerson};
use komek_app::clock::{of_offset, start_of_day};
use komek_app::monitoring::VisitQuery;
use komek_app::parties::{NewParty, WageTotal};
use komek_app::reports::ReportQuery;
use komek_app::{Actor, App, AppError, AppResult, Keys, MasterKey, Settings};
use komek_domain::casework::Proceeding;
use komek_domain::entities::{Appeal, PartyIdentity, PersonIdentity, PersonProfile, Service};
use komek_domain::monitoring::{Check, CitizenshipCount, Observation, PeopleMet, Visit, VisitNotes, VisitTask};
use komek_domain::referrals::Partner;
use komek_domain::registry::Standing;
use komek_domain::reports::{VISIT_COLUMNS, column, table};
use komek_domain::{
    AccountId, CaseId, Currency, Money, OfficeId, PartnerId, PartyId, PersonId, ProceedingId, Role, ServiceId, TaskId,
    ValidationError, VisitId,
};
use komek_store::{Store, params};

komek_store::on_both_back_ends!(
    the_maktaaral_raid_its_consultations_group_case_and_return_visit,
    a_visit_sent_twice_is_saved_once_and_a_stale_edit_is_refused,
    counts_that_do_not_add_up_are_refused_and_nothing_is_saved,
    who_may_open_change_and_work_on_a_visit,
    reading_a_visits_notes_is_audited_and_counts_alone_are_not,
    follow_up_work_from_a_visit_reaches_its_assignees_dashboard,
    photographs_of_a_visit_are_pictures_kept_sealed_and_opened_within_reach,
    what_a_visit_shows_stays_within_the_readers_reach,
    a_farm_registered_twice_is_merged_with_everything_that_names_it,
    the_repeat_offenders_counts_kept_as_records_change_are_the_counts_made_afresh,
    appeals_naming_one_party_at_once_are_all_counted,
);

struct Group {
    app: App,
    manager: Actor,
    consultant: Actor,
    lawyer: Actor,
    operator: Actor,
    far_manager: Actor,
    far_consultant: Actor,
    prosecutor: PartnerId,
    farm: PartyId,
    hq: OfficeId,
    today: NaiveDate,
}

fn id(actor: &Actor) -> AccountId {
    actor.account_id().unwrap()
}

fn group(store: Store) -> Group {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let away = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let staff = |name: &str, role, office| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, office, "ru").unwrap().account)
    };
    let manager = staff("gulnara", Role::Manager, hq.id);
    let consultant = staff("aigerim", Role::MobileConsultant, hq.id);
    let lawyer = staff("shakhnoza", Role::Lawyer, hq.id);
    let operator = staff("dana", Role::HotlineOperator, hq.id);
    let far_manager = staff("marat", Role::Manager, away.id);
    let far_consultant = staff("bakhyt", Role::MobileConsultant, away.id);
    let prosecutor = app
        .add_partner(
            &manager,
            Partner {
                id: PartnerId::new(),
                name: "Прокуратура Мактааральского района".into(),
                kind: "prosecutor".into(),
                country: "KZ".into(),
                regions: vec!["turkistan".into()],
                services: vec![],
                languages: vec!["ru".into(), "kk".into()],
                working_hours: String::new(),
                active: true,
                contacts: None,
                updated_at: Utc::now(),
            },
        )
        .unwrap();
    let farm = NewParty {
        kind: "company".into(),
        region: Some("turkistan".into()),
        district: Some("maktaaral".into()),
        identity: PartyIdentity { name: "КХ «Акжол»".into(), ..Default::default() },
    };
    let farm = app.register_party(&consultant, None, farm).unwrap();
    let today = app.today(&consultant).unwrap();
    Group {
        app,
        manager,
        consultant,
        lawyer,
        operator,
        far_manager,
        far_consultant,
        prosecutor,
        farm,
        hq: hq.id,
        today,
    }
}

fn check(item: &str, answer: Observation, people: Option<u32>) -> Check {
    Check { item: item.into(), answer, people }
}

/// A visit planned for `on` at the farm, jointly with the prosecutor, by the consultant.
fn plan(g: &Group, on: NaiveDate) -> Visit {
    Visit {
        id: VisitId::new(),
        office_id: g.hq,
        status: "planned".into(),
        planned_on: on,
        visited_on: None,
        region: "turkistan".into(),
        district: "maktaaral".into(),
        place_kind: "cotton-field".into(),
        party_id: Some(g.farm),
        partners: vec![g.prosecutor],
        team: vec![id(&g.consultant), id(&g.lawyer)],
        people: PeopleMet::default(),
        checks: vec![],
        hours_per_day: None,
        violations: vec![],
        materials: vec![],
        notes: None,
        created_by: None,
        updated_at: Utc::now(),
        version: 1,
    }
}

/// What the group found on the raid.
fn raid_found(visit: Visit, on: NaiveDate) -> Visit {
    Visit {
        status: "done".into(),
        visited_on: Some(on),
        people: PeopleMet {
            total: 63,
            women: 22,
            men: 41,
            minors: 11,
            citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: 63 }],
        },
        checks: vec![
            check("written-contracts", Observation::No, Some(63)),
            check("passports-held", Observation::Yes, Some(20)),
            check("children-working", Observation::Yes, Some(11)),
            check("drinking-water", Observation::Yes, None),
        ],
        hours_per_day: Some(12),
        materials: vec![komek_domain::monitoring::Material {
            kind: "leaflet".into(),
            language: "uz".into(),
            quantity: 60,
        }],
        notes: Some(VisitNotes {
            settlement: "с. Жетысай, бригада у арыка".into(),
            narrative: "Паспорта 20 работников у бригадира; договоров нет; 11 подростков на сборе хлопка.".into(),
            cancel_reason: String::new(),
        }),
        ..visit
    }
}

/// An on-site consultation with a worker met on the visit, registered with them.
fn consultation(g: &Group, visit: VisitId, name: &str, at: DateTime<Utc>) -> AppResult<PersonId> {
    let appeal = Appeal {
        topics: vec!["documents-taken".into()],
        help: vec!["legal-consultation".into()],
        ..Appeal::received(g.hq, id(&g.consultant), at, "hotline-phone", "migrant", "advised")
    };
    let profile =
        PersonProfile { sex: "male".into(), citizenship: "UZ".into(), age_band: "18-20".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: name.into(), ..Default::default() };
    let intake = Intake {
        appeal,
        person: IntakePerson::New { profile, identity },
        new_parties: vec![],
        lead_notice: String::new(),
        visit: Some(visit),
    };
    let saved = g.app.register_intake(&g.consultant, intake)?;
    let appeal = g.app.appeal(&g.consultant, saved.appeal_id)?.appeal;
    assert_eq!(appeal.channel, "mobile-group", "an appeal taken on a visit came by the mobile group");
    Ok(saved.person_id.unwrap())
}

fn the_maktaaral_raid_its_consultations_group_case_and_return_visit(store: Store) {
    let g = group(store);
    let raid_day = g.today - Duration::days(40);
    let planned = g.app.create_visit(&g.manager, None, plan(&g, raid_day), None).unwrap();
    assert!(planned.created);
    let month = VisitQuery { from: Some(raid_day), to: Some(raid_day), oldest_first: true, ..Default::default() };
    let listed = g.app.visits(&g.consultant, &month, 0).unwrap().items;
    assert_eq!(listed.iter().map(|l| (l.id, l.status.as_str())).collect::<Vec<_>>(), vec![(planned.id, "planned")]);
    assert_eq!(listed[0].partners, vec![g.prosecutor], "joint with the prosecutor");

    // An appeal cannot be taken on a visit that has not taken place.
    let on_the_day = |minutes: i64| start_of_day(of_offset(300), raid_day) + Duration::minutes(600 + minutes);
    let early = consultation(&g, planned.id, "Р.", on_the_day(0));
    assert!(matches!(early, Err(AppError::Invalid(ref e)) if *e == [ValidationError::Invalid { field: "visit" }]));

    let file = g.app.visit_file(&g.consultant, planned.id).unwrap();
    let read = file.visit.version;
    let done = raid_found(file.visit, raid_day);
    let version = g.app.update_visit(&g.consultant, done, read, None).unwrap();
    let file = g.app.visit_file(&g.consultant, planned.id).unwrap();
    assert_eq!(file.visit.version, version);
    let violations: Vec<(&str, Option<u32>)> =
        file.visit.violations.iter().map(|v| (v.kind.as_str(), v.people)).collect();
    assert_eq!(
        violations,
        vec![("no-written-contract", Some(63)), ("documents-withheld", Some(20)), ("child-labour", Some(11))],
        "the checklist's answers are the visit's violations"
    );
    assert_eq!(file.party.as_ref().and_then(|p| p.identity.as_ref()).map(|i| i.name.as_str()), Some("КХ «Акжол»"));
    assert!(file.previous.is_none(), "the first visit to the farm");
    assert!(file.may.register_appeals && !file.may.open_case, "a consultant consults, a lawyer opens cases");

    // Three on-site consultations, one after another.
    let workers: Vec<_> = ["Турсунов Азиз", "Каримов Жасур", "Юлдашев Бобур"]
        .iter()
        .zip(0..)
        .map(|(n, i)| consultation(&g, planned.id, n, on_the_day(i * 20)).unwrap())
        .collect();
    let file = g.app.visit_file(&g.lawyer, planned.id).unwrap();
    assert_eq!(file.appeals.iter().map(|a| a.person_id.unwrap()).collect::<Vec<_>>(), workers);
    assert!(file.may.open_case);

    // One group case for the workers of the farm.
    let form = CaseId::new();
    let case = g.app.open_case_from_visit(&g.lawyer, planned.id, "labour-exploitation", false, form).unwrap();
    let again = g.app.open_case_from_visit(&g.lawyer, planned.id, "labour-exploitation", false, form).unwrap();
    assert_eq!(again, case, "the same form sent twice opens one case");
    let opened = g.app.case_file(&g.lawyer, case).unwrap().case;
    let mut expected = workers.clone();
    expected.sort();
    assert_eq!(opened.persons, expected);
    assert_eq!(opened.parties, vec![(g.farm, "employer".to_owned())]);
    assert_eq!(opened.exploited_district.as_deref(), Some("maktaaral"));
    let file = g.app.visit_file(&g.lawyer, planned.id).unwrap();
    assert_eq!(file.cases, vec![(case, opened.number.clone())]);

    // On the farm's page, an allegation until the labour inspection fines it; with the wages
    // the lawyer claimed and recovered for a worker.
    let page = g.app.party_file(&g.lawyer, g.farm).unwrap();
    assert_eq!(page.standing, Standing::Alleged);
    assert_eq!(page.cases.iter().map(|c| (c.case.id, c.role.as_str())).collect::<Vec<_>>(), [(case, "employer")]);
    let kzt = |tenge: i64| Some(Money { minor: tenge * 100, currency: Currency::KZT });
    let wages = Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: Some(workers[0]),
        kind: "wage-recovery".into(),
        delivered_on: raid_day + Duration::days(10),
        provider: "Правовой центр".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: None,
        amount_claimed: kzt(300_000),
        amount_recovered: kzt(180_000),
    };
    g.app.add_service(&g.lawyer, wages).unwrap();
    let fine = Proceeding {
        id: ProceedingId::new(),
        case_id: case,
        kind: "administrative".into(),
        authority: "labour-inspection".into(),
        articles: vec![],
        stage: "decided".into(),
        opened_on: raid_day + Duration::days(2),
        hearings: vec![],
        outcome: Some("fine".into()),
        decided_on: Some(raid_day + Duration::days(20)),
        sentence_months: None,
        fine: kzt(150_000),
        notes: String::new(),
    };
    g.app.add_proceeding(&g.lawyer, fine).unwrap();
    let page = g.app.party_file(&g.lawyer, g.farm).unwrap();
    assert_eq!(page.standing, Standing::ConfirmedByDecision);
    let decided: Vec<_> = page.proceedings.iter().map(|p| (p.case_number.as_str(), p.outcome.as_deref())).collect();
    assert_eq!(decided, [(opened.number.as_str(), Some("fine"))]);
    assert_eq!(
        page.wages,
        [WageTotal { currency: Currency::KZT, claimed: 30_000_000, recovered: 18_000_000 }],
        "in tiyn"
    );

    // A month later: the passports are back.
    let return_day = raid_day + Duration::days(30);
    let mut again = raid_found(plan(&g, return_day), return_day);
    again.people = PeopleMet {
        total: 58,
        women: 20,
        men: 38,
        minors: 0,
        citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: 58 }],
    };
    again.checks = vec![
        check("written-contracts", Observation::No, Some(58)),
        check("passports-held", Observation::No, None),
        check("children-working", Observation::No, None),
        check("drinking-water", Observation::Yes, None),
    ];
    let second = g.app.create_visit(&g.consultant, None, again, None).unwrap();
    let file = g.app.visit_file(&g.consultant, second.id).unwrap();
    let (earlier, changes) = file.previous.expect("the raid is the visit before");
    assert_eq!(earlier.id, planned.id);
    let changed: Vec<&str> = changes.checks.iter().map(|(item, ..)| item.as_str()).collect();
    assert_eq!(changed, vec!["written-contracts", "passports-held", "children-working"]);
    let gone: Vec<&str> = changes.violations_gone.iter().map(|v| v.kind.as_str()).collect();
    assert_eq!(gone, vec!["documents-withheld", "child-labour"]);
    assert_eq!((changes.people, changes.minors), ((63, 58), (11, 0)));

    // The farm's visits, newest first.
    let at_farm = VisitQuery { party: Some(g.farm), ..Default::default() };
    let listed = g.app.visits(&g.manager, &at_farm, 0).unwrap().items;
    assert_eq!(listed.iter().map(|l| l.id).collect::<Vec<_>>(), vec![second.id, planned.id]);
    assert_eq!((listed[1].people_total, listed[1].people_minors, listed[1].violations), (63, 11, 3));
    // The farm's page gathers its visits with the appeals that name it.
    let page = g.app.party_file(&g.lawyer, g.farm).unwrap();
    assert_eq!(page.visits.iter().map(|v| v.id).collect::<Vec<_>>(), vec![second.id, planned.id]);
    assert!(matches!(g.app.party_file(&g.far_consultant, g.farm), Err(AppError::NotFound)), "out of reach");

    // The farm heads the repeat offenders of its district: two visits, four violations.
    let other = NewParty {
        kind: "company".into(),
        district: Some("maktaaral".into()),
        identity: PartyIdentity { name: "ТОО «Береке»".into(), ..Default::default() },
        ..Default::default()
    };
    let other = g.app.register_party(&g.consultant, None, other).unwrap();
    let mut once = raid_found(plan(&g, return_day), return_day);
    once.party_id = Some(other);
    once.checks.truncate(1);
    g.app.create_visit(&g.consultant, None, once, None).unwrap();
    let ranked = g.app.repeat_offenders(&g.lawyer, Some("maktaaral")).unwrap();
    let counts: Vec<_> = ranked.iter().map(|o| (o.party.id, o.counts.visits, o.counts.violations)).collect();
    assert_eq!(counts, vec![(g.farm, 2, 4), (other, 1, 1)]);
    assert_eq!(ranked[0].party.identity.as_ref().map(|i| i.name.as_str()), Some("КХ «Акжол»"));
    assert!(g.app.repeat_offenders(&g.lawyer, Some("saryagash")).unwrap().is_empty());
    assert!(g.app.repeat_offenders(&g.far_consultant, Some("maktaaral")).unwrap().is_empty(), "another office's");
    let analyst = g.app.create_account(&Actor::System, "alma", "alma", Role::Analyst, g.hq, "ru").unwrap().account;
    assert!(matches!(g.app.repeat_offenders(&Actor::Staff(analyst), None), Err(AppError::Forbidden)), "never public");

    // The report of those days counts the three visits made (two of them with 63 people, 11
    // of them minors) in the office whose group made them; a visit only planned met nobody.
    let mut planned_only = plan(&g, return_day);
    planned_only.party_id = Some(other);
    g.app.create_visit(&g.manager, None, planned_only, None).unwrap();
    let period = ReportQuery::custom(raid_day, return_day, Some(g.hq)).unwrap();
    let report = g.app.report(&g.manager, &period).unwrap();
    let by_district = report.table(table::VISITS_BY_DISTRICT).unwrap();
    assert_eq!(VISIT_COLUMNS.map(|c| by_district.count("maktaaral", c)), [Some(3), Some(184), Some(22), Some(5)]);
    let by_place = report.table(table::VISITS_BY_PLACE_KIND).unwrap();
    assert_eq!(by_place.count("cotton-field", column::VISITS), Some(3));
    let by_month = report.table(table::VISITS_BY_MONTH).unwrap();
    assert_eq!(by_month.count("total", column::VIOLATIONS), Some(5));
    let found = report.table(table::VIOLATIONS_BY_KIND).unwrap();
    let found: Vec<_> = ["no-written-contract", "documents-withheld", "child-labour"]
        .iter()
        .map(|v| found.count(v, column::VIOLATIONS))
        .collect();
    assert_eq!(found, vec![Some(3), Some(1), Some(1)]);
    let away = ReportQuery { office: g.far_manager.office_id(), ..period };
    let away = g.app.report(&g.far_manager, &away).unwrap();
    assert!(away.table(table::VISITS_BY_DISTRICT).unwrap().rows.is_empty(), "another office's group");
}

fn a_visit_sent_twice_is_saved_once_and_a_stale_edit_is_refused(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(1);
    let form = raid_found(plan(&g, day), day);
    // A farm not yet in the registry, registered with the visit.
    let newcomer = || {
        let identity = PartyIdentity { name: "КХ «Береке»".into(), ..Default::default() };
        Some(NewParty { kind: "company".into(), identity, ..Default::default() })
    };
    let first = g.app.create_visit(&g.consultant, None, form.clone(), newcomer()).unwrap();
    let again = g.app.create_visit(&g.consultant, None, form.clone(), newcomer()).unwrap();
    assert_eq!((first.id, first.created, again.created), (again.id, true, false));
    let count = |g: &Group, table: &str| {
        g.app.store().read(|tx| tx.query_i64(&format!("SELECT count(*) FROM {table}"), &[])).unwrap()
    };
    assert_eq!((count(&g, "visits"), count(&g, "parties")), (1, 2), "the farm and the new one, once");
    let party = g.app.visit_file(&g.consultant, first.id).unwrap().party.and_then(|p| p.identity).unwrap();
    assert_eq!(party.name, "КХ «Береке»");
    // Someone else sending the same form id makes a visit of their own.
    let other = g.app.create_visit(&g.lawyer, None, form, None).unwrap();
    assert!(other.created && other.id != first.id);

    let file = g.app.visit_file(&g.consultant, first.id).unwrap();
    let mut edit = file.visit.clone();
    edit.people.minors = 12;
    g.app.update_visit(&g.consultant, edit.clone(), file.visit.version, None).unwrap();
    edit.people.minors = 13;
    assert!(matches!(g.app.update_visit(&g.lawyer, edit, file.visit.version, None), Err(AppError::Conflict)));
    assert_eq!(g.app.visit_file(&g.consultant, first.id).unwrap().visit.people.minors, 12);
}

fn counts_that_do_not_add_up_are_refused_and_nothing_is_saved(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(1);
    let refused = |visit: Visit| match g.app.create_visit(&g.consultant, None, visit, None) {
        Err(AppError::Invalid(errors)) => errors,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let mut visit = raid_found(plan(&g, day), day);
    visit.people.minors = 70;
    assert_eq!(refused(visit), vec![ValidationError::MoreThan { field: "people.minors", max: 63 }]);
    let mut visit = raid_found(plan(&g, day), day);
    visit.checks[1].people = Some(64);
    assert_eq!(refused(visit), vec![ValidationError::MoreThan { field: "checks.people", max: 63 }]);
    let tomorrow = g.today + Duration::days(1);
    let visit = raid_found(plan(&g, tomorrow), tomorrow);
    assert_eq!(refused(visit), vec![ValidationError::Future { field: "visited_on" }]);
    let mut visit = plan(&g, day);
    visit.place_kind = "rice-field".into();
    assert!(matches!(refused(visit).as_slice(), [ValidationError::UnknownCode { field: "place_kind", .. }]));
    let mut visit = plan(&g, day);
    visit.team.push(id(&g.operator));
    assert_eq!(refused(visit), vec![ValidationError::Invalid { field: "team" }], "the hotline does not go on visits");
    let mut visit = plan(&g, day);
    visit.partners.push(PartnerId::new());
    assert_eq!(refused(visit), vec![ValidationError::Invalid { field: "partners" }]);
    let none = g.app.store().read(|tx| tx.query_i64("SELECT count(*) FROM visits", &[])).unwrap();
    assert_eq!(none, 0);
    // A party of another office, out of reach, is not there.
    let mut visit = plan(&g, day);
    visit.party_id = Some(PartyId::new());
    assert!(matches!(g.app.create_visit(&g.consultant, None, visit, None), Err(AppError::NotFound)));
}

fn who_may_open_change_and_work_on_a_visit(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(2);
    let visit = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    // (who, opens it, reads its notes, what an edit gets)
    let expected = [
        ("gulnara", &g.manager, true, true, "saved"),
        ("aigerim", &g.consultant, true, true, "saved"),
        ("shakhnoza", &g.lawyer, true, true, "saved"),
        ("dana", &g.operator, true, true, "forbidden"),
        // Another office's manager compares districts: the counts, not the notes.
        ("marat", &g.far_manager, true, false, "not there"),
        ("bakhyt", &g.far_consultant, false, false, "not there"),
    ];
    for (who, actor, opens, notes, edit) in expected {
        match g.app.visit_file(actor, visit) {
            Ok(seen) => {
                assert!(opens, "{who} should not open it");
                assert_eq!(seen.visit.notes.is_some(), notes, "{who}: notes");
                assert_eq!(seen.may.change, edit == "saved", "{who}: may change");
            }
            Err(AppError::NotFound) => assert!(!opens, "{who} should open it"),
            Err(e) => panic!("{who}: {e:?}"),
        }
        let current = g.app.visit_file(&g.manager, visit).unwrap();
        let got = match g.app.update_visit(actor, current.visit.clone(), current.visit.version, None) {
            Ok(_) => "saved",
            Err(AppError::Forbidden) => "forbidden",
            Err(AppError::NotFound) => "not there",
            Err(e) => panic!("{who}: {e:?}"),
        };
        assert_eq!(got, edit, "{who} edits");
    }
    // The analyst counts visits in the reports only.
    let analyst =
        Actor::Staff(g.app.create_account(&Actor::System, "alma", "alma", Role::Analyst, g.hq, "ru").unwrap().account);
    assert!(matches!(g.app.visit_file(&analyst, visit), Err(AppError::Forbidden)));
    assert!(matches!(g.app.visits(&analyst, &VisitQuery::default(), 0), Err(AppError::Forbidden)));
    // Another office's consultant neither lists it nor takes an appeal on it; on its team, they do.
    assert!(g.app.visits(&g.far_consultant, &VisitQuery::default(), 0).unwrap().items.is_empty());
    let mut far = g.app.visit_file(&g.manager, visit).unwrap();
    far.visit.team.push(id(&g.far_consultant));
    g.app.update_visit(&g.manager, far.visit.clone(), far.visit.version, None).unwrap();
    assert!(g.app.visit_file(&g.far_consultant, visit).unwrap().may.change);
}

fn reading_a_visits_notes_is_audited_and_counts_alone_are_not(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(2);
    let visit = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    let reads = |g: &Group, who: &Actor| {
        g.app
            .store()
            .read(|tx| {
                tx.query_i64(
                    "SELECT count(*) FROM audit_log WHERE action = 'read' AND record_kind = 'visit' AND record_id = $1
                     AND account_id = $2",
                    params![visit, id(who)],
                )
            })
            .unwrap()
    };
    g.app.visit_file(&g.lawyer, visit).unwrap();
    assert_eq!(reads(&g, &g.lawyer), 1);
    g.app.visit_file(&g.far_manager, visit).unwrap();
    assert_eq!(reads(&g, &g.far_manager), 0, "counts alone name nobody");
    // The notes are ciphertext at rest.
    let sealed: Vec<u8> = g
        .app
        .store()
        .read(|tx| tx.query_one("SELECT notes_enc FROM visits WHERE id = $1", params![visit])?.get(0))
        .unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains("бригадир"));
}

fn follow_up_work_from_a_visit_reaches_its_assignees_dashboard(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(3);
    let visit = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    let task = |title: &str, to: &Actor, due: NaiveDate| VisitTask {
        id: TaskId::new(),
        record: visit,
        title: title.into(),
        assignee_id: id(to),
        due_on: due,
        done_on: None,
        created_by: None,
    };
    let letter =
        g.app.add_visit_task(&g.consultant, task("Письмо в инспекцию труда о паспортах", &g.lawyer, day)).unwrap();
    let back =
        g.app.add_visit_task(&g.consultant, task("Повторный выезд", &g.consultant, g.today + Duration::days(30)));
    let back = back.unwrap();
    // Nobody who cannot read case files takes a task; nobody out of reach gives one.
    let analyst = g.app.create_account(&Actor::System, "alma", "alma", Role::Analyst, g.hq, "ru").unwrap().account;
    let refused =
        g.app.add_visit_task(&g.consultant, VisitTask { assignee_id: analyst.id, ..task("x", &g.lawyer, day) });
    assert!(
        matches!(refused, Err(AppError::Invalid(ref e)) if *e == [ValidationError::Invalid { field: "assignee_id" }])
    );
    let far = g.app.add_visit_task(&g.far_consultant, task("x", &g.far_consultant, day));
    assert!(matches!(far, Err(AppError::NotFound)));

    let mine = g.app.my_visit_tasks(&g.lawyer, 10).unwrap();
    assert_eq!(mine.iter().map(|t| (t.task.id, t.overdue)).collect::<Vec<_>>(), vec![(letter, true)]);
    assert_eq!((mine[0].district.as_str(), mine[0].visit_day), ("maktaaral", day));
    let file = g.app.visit_file(&g.consultant, visit).unwrap();
    assert_eq!(file.tasks.iter().map(|t| t.id).collect::<Vec<_>>(), vec![letter, back]);
    assert_eq!(file.tasks[0].title, "Письмо в инспекцию труда о паспортах");
    // The lawyer sends the letter and marks it done.
    g.app.set_visit_task_done(&g.lawyer, visit, letter, true).unwrap();
    assert!(g.app.my_visit_tasks(&g.lawyer, 10).unwrap().is_empty());
    assert_eq!(g.app.visit_file(&g.lawyer, visit).unwrap().tasks[1].done_on, Some(g.today));
    assert!(matches!(g.app.set_visit_task_done(&g.far_consultant, visit, back, true), Err(AppError::NotFound)));
    // The titles are ciphertext at rest.
    let sealed: Vec<u8> = g
        .app
        .store()
        .read(|tx| tx.query_one("SELECT title_enc FROM visit_tasks WHERE id = $1", params![letter])?.get(0))
        .unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains("инспекцию"));
}

fn photographs_of_a_visit_are_pictures_kept_sealed_and_opened_within_reach(store: Store) {
    use komek_app::casework::EvidenceRefused;
    let g = group(store);
    let day = g.today - Duration::days(1);
    let visit = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    let jpeg = komek_app::fixtures::smallest_jpeg();
    let photo = g.app.attach_visit_photo(&g.consultant, visit, "барак у поля.jpg", &jpeg).unwrap();
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let refused = g.app.attach_visit_photo(&g.consultant, visit, "договор.pdf", pdf);
    assert!(matches!(refused, Err(EvidenceRefused::File(komek_domain::evidence::EvidenceProblem::RefusedType))));
    let cut = g.app.attach_visit_photo(&g.consultant, visit, "cut.jpg", &jpeg[..jpeg.len() - 2]);
    assert!(matches!(cut, Err(EvidenceRefused::File(_))), "an upload cut short");
    let far = g.app.attach_visit_photo(&g.far_consultant, visit, "x.jpg", &jpeg);
    assert!(matches!(far, Err(EvidenceRefused::App(AppError::NotFound))));

    let file = g.app.visit_file(&g.lawyer, visit).unwrap();
    assert_eq!(file.photos.iter().map(|p| (p.id, p.kind.as_str())).collect::<Vec<_>>(), vec![(photo, "jpeg")]);
    let opened = g.app.visit_photo(&g.lawyer, visit, photo).unwrap();
    assert_eq!((opened.name.as_str(), opened.content), ("барак у поля.jpg", jpeg.clone()));
    assert!(matches!(g.app.visit_photo(&g.far_manager, visit, photo), Err(AppError::NotFound)), "counts only");
    assert!(g.app.visit_file(&g.far_manager, visit).unwrap().photos.is_empty());
    let stored: Vec<u8> = g
        .app
        .store()
        .read(|tx| tx.query_one("SELECT content_enc FROM visit_photos WHERE id = $1", params![photo])?.get(0))
        .unwrap();
    assert!(!stored.windows(4).any(|w| w == b"JFIF"), "the picture is ciphertext at rest");
    let reads = g.app.store().read(|tx| {
        tx.query_i64("SELECT count(*) FROM audit_log WHERE record_kind = 'visit-photo' AND action = 'read'", &[])
    });
    assert_eq!(reads.unwrap(), 1);
}

fn what_a_visit_shows_stays_within_the_readers_reach(store: Store) {
    let g = group(store);
    let (earlier_day, day) = (g.today - Duration::days(40), g.today - Duration::days(10));
    // Another office's visit to the farm comes first; the head office's visit after it.
    let far_office = g.far_manager.office_id().unwrap();
    let far_visit = Visit { team: vec![], ..raid_found(plan(&g, earlier_day), earlier_day) };
    let far_visit = g.app.create_visit(&Actor::System, Some(far_office), far_visit, None);
    let far_visit = far_visit.unwrap().id;
    let visit = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    let previous = |who: &Actor| g.app.visit_file(who, visit).unwrap().previous.map(|(v, _)| v.id);
    assert_eq!(previous(&g.consultant), None, "the other office's visit is not there for its staff");
    assert_eq!(previous(&g.far_manager), Some(far_visit), "the organisation's managers compare");

    // A sensitive group case: listed for its team only.
    let at = start_of_day(of_offset(300), day) + Duration::hours(10);
    consultation(&g, visit, "Турсунов Азиз", at).unwrap();
    let case = g.app.open_case_from_visit(&g.lawyer, visit, "trafficking-labour", true, CaseId::new()).unwrap();
    assert_eq!(
        g.app.visit_file(&g.lawyer, visit).unwrap().cases.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        vec![case]
    );
    assert!(g.app.visit_file(&g.operator, visit).unwrap().cases.is_empty());
    let consulted = g.app.visit_file(&g.lawyer, visit).unwrap();
    assert_eq!(consulted.appeals[0].outcome, "case-opened");

    // Consultations and a case came of it: it cannot be made a plan again.
    let mut undone = consulted.visit.clone();
    undone.status = "cancelled".into();
    let refused = g.app.update_visit(&g.consultant, undone, consulted.visit.version, None);
    assert!(matches!(refused, Err(AppError::Invalid(ref e)) if *e == [ValidationError::Invalid { field: "status" }]));

    // Tasks go to colleagues who can see the visit, from those who may change it.
    let task = |to: &Actor| VisitTask {
        id: TaskId::new(),
        record: visit,
        title: "Письмо".into(),
        assignee_id: id(to),
        due_on: day,
        done_on: None,
        created_by: None,
    };
    let far = g.app.add_visit_task(&g.consultant, task(&g.far_consultant));
    assert!(matches!(far, Err(AppError::Invalid(ref e)) if *e == [ValidationError::Invalid { field: "assignee_id" }]));
    assert!(matches!(g.app.add_visit_task(&g.operator, task(&g.lawyer)), Err(AppError::Forbidden)));
}

/// The hotline registered the farm again under another spelling, with its phone; a raid went
/// to that record. The lawyer merges the second record into the first: every appeal, case and
/// visit now names the farm, its spelling and phone find it, and the duplicate is gone.
fn a_farm_registered_twice_is_merged_with_everything_that_names_it(store: Store) {
    let g = group(store);
    let call = |parties: Vec<(PartyId, String)>, new_parties: Vec<(NewParty, String)>| {
        let appeal = Appeal {
            topics: vec!["wages-unpaid".into()],
            parties,
            ..Appeal::received(g.hq, id(&g.operator), Utc::now(), "hotline-phone", "migrant", "advised")
        };
        let intake =
            Intake { appeal, person: IntakePerson::None, new_parties, lead_notice: String::new(), visit: None };
        g.app.register_intake(&g.operator, intake).unwrap().appeal_id
    };
    let again = NewParty {
        kind: "company".into(),
        region: Some("turkistan".into()),
        district: None,
        identity: PartyIdentity {
            name: "Акжол крестьянское хозяйство".into(),
            phones: vec!["+7 701 555 01 01".into()],
            identifiers: vec!["080440012345".into()],
            ..Default::default()
        },
    };
    let first = call(vec![], vec![(again, "employer".into())]);
    let duplicate = g.app.appeal(&g.operator, first).unwrap().appeal.parties[0].0;
    let both = call(vec![(g.farm, "employer".into()), (duplicate, "intermediary".into())], vec![]);
    let appeal_version = g.app.appeal(&g.operator, both).unwrap().version;
    let day = g.today - Duration::days(3);
    let visit = Visit { party_id: Some(duplicate), ..raid_found(plan(&g, day), day) };
    let visit = g.app.create_visit(&g.consultant, None, visit, None).unwrap().id;
    let worker = consultation(&g, visit, "Каримов Алишер", Utc::now()).unwrap();
    let case = komek_domain::entities::Case {
        persons: vec![worker],
        parties: vec![(duplicate, "employer".into())],
        ..komek_domain::entities::Case::opened(g.hq, "forced-labour", id(&g.lawyer), g.today)
    };
    let case = g.app.open_case(&g.lawyer, case).unwrap();
    let kept = g.app.party_record(&g.lawyer, g.farm).unwrap().version;

    // Who may not, and what is refused, changes nothing.
    let refused = |who: &Actor, keep: PartyId, version: i64, dup: PartyId| g.app.merge_parties(who, keep, version, dup);
    assert!(matches!(refused(&g.operator, g.farm, kept, duplicate), Err(AppError::Forbidden)));
    assert!(matches!(refused(&g.far_manager, g.farm, kept, duplicate), Err(AppError::NotFound)));
    assert!(matches!(refused(&g.lawyer, g.farm, kept + 1, duplicate), Err(AppError::Conflict)));
    assert!(matches!(refused(&g.lawyer, g.farm, kept, g.farm), Err(AppError::Invalid(_))));
    let many_names = NewParty {
        kind: "company".into(),
        region: None,
        district: None,
        identity: PartyIdentity {
            name: "Акжол-Агро".into(),
            other_names: (0..komek_domain::limits::MAX_SPELLINGS).map(|n| format!("Акжол {n}")).collect(),
            ..Default::default()
        },
    };
    let many_names = g.app.register_party(&g.operator, None, many_names).unwrap();
    let overflow = refused(&g.lawyer, many_names, 1, duplicate);
    let Err(AppError::Invalid(fields)) = overflow else { panic!("{overflow:?}") };
    assert_eq!(fields.iter().map(ValidationError::field).collect::<Vec<_>>(), ["party_other_names"]);
    assert!(g.app.party_record(&g.lawyer, duplicate).is_ok(), "nothing was merged");

    g.app.merge_parties(&g.lawyer, g.farm, kept, duplicate).unwrap();
    assert!(matches!(g.app.party_record(&g.lawyer, duplicate), Err(AppError::NotFound)));
    let record = g.app.party_record(&g.lawyer, g.farm).unwrap();
    let identity = record.party.identity.clone().unwrap();
    assert_eq!(
        (record.version, identity.name.as_str(), record.party.district.as_deref()),
        (kept + 1, "КХ «Акжол»", Some("maktaaral"))
    );
    assert_eq!(identity.other_names, ["Акжол крестьянское хозяйство"]);
    assert_eq!((identity.phones.len(), identity.identifiers.len()), (1, 1));
    let found = |q| g.app.search_parties(&g.lawyer, q, 5).unwrap().into_iter().map(|(p, _)| p.id).collect::<Vec<_>>();
    assert_eq!(found("87015550101"), [g.farm], "the duplicate's phone finds the farm");
    assert_eq!(found("080440012345"), [g.farm]);

    let file = g.app.party_file(&g.lawyer, g.farm).unwrap();
    let mut appeals: Vec<_> = file.appeals.iter().map(|(a, role)| (a.id, role.as_str())).collect();
    appeals.sort();
    let mut expected = vec![(first, "employer"), (both, "employer")];
    expected.sort();
    assert_eq!(appeals, expected, "an appeal naming both keeps the role it gave the farm");
    assert_eq!(file.visits.iter().map(|v| v.id).collect::<Vec<_>>(), [visit]);
    assert_eq!(file.cases.iter().map(|c| c.case.id).collect::<Vec<_>>(), [case]);
    assert_eq!(g.app.appeal(&g.operator, both).unwrap().version, appeal_version + 1, "an open edit form is stale");
    let merges = g
        .app
        .store()
        .read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM audit_log WHERE record_kind = 'party' AND account_id = $1
                 AND ((action = 'delete' AND record_id = $2) OR (action = 'update' AND record_id = $3))",
                params![id(&g.lawyer), duplicate, g.farm],
            )
        })
        .unwrap();
    assert_eq!(merges, 2, "the removal and the merge are in the audit log");
}

/// The repeat offenders' counts as kept: party, district, victims, violations, visits, appeals.
fn offences_kept(g: &Group) -> Vec<(String, String, i64, i64, i64, i64)> {
    let rows = g.app.store().read(|tx| {
        tx.query(
            "SELECT party_id, district, victims, violations, visits, appeals FROM party_offences
             ORDER BY party_id, district",
            &[],
        )
    });
    let row = |r: &komek_store::Row| -> (String, String, i64, i64, i64, i64) {
        (
            r.get(0).unwrap(),
            r.get(1).unwrap(),
            r.get(2).unwrap(),
            r.get(3).unwrap(),
            r.get(4).unwrap(),
            r.get(5).unwrap(),
        )
    };
    rows.unwrap().iter().map(row).collect()
}

/// Checks that the counts kept are what counting every party afresh gives, and returns them.
fn offences_afresh(g: &Group, step: &str) -> Vec<(String, String, i64, i64, i64, i64)> {
    let before = offences_kept(g);
    g.app
        .store()
        .write(|tx| {
            tx.execute("DELETE FROM party_offences", &[])?;
            let mut after = None;
            while let Some(last) = komek_store::repo::parties::recount_page(tx, after, 2)? {
                after = Some(last);
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(before, offences_kept(g), "after {step}, the counts kept are not the counts made afresh");
    before
}

/// The repeat offenders' counts are kept as records change, not counted on each look. After
/// each kind of change — a visit done, moved to another district or another party; a case's
/// victims, sensitivity and place; persons and parties merged — they are what counting
/// every party afresh gives.
fn the_repeat_offenders_counts_kept_as_records_change_are_the_counts_made_afresh(store: Store) {
    let g = group(store);
    let bazaar = NewParty {
        kind: "person".into(),
        region: Some("turkistan".into()),
        district: Some("saryagash".into()),
        identity: PartyIdentity { name: "Бригадир Рустам".into(), ..Default::default() },
    };
    let foreman = g.app.register_party(&g.consultant, None, bazaar).unwrap();
    let day = g.today - Duration::days(5);

    let raid = g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap().id;
    let planned = g.app.create_visit(&g.consultant, None, plan(&g, g.today), None).unwrap().id;
    let counted = offences_afresh(&g, "a visit done and one planned");
    assert!(counted.iter().any(|row| row.0 == g.farm.to_string() && row.1 == "maktaaral" && row.4 == 1), "{counted:?}");
    let elsewhere = Visit { id: planned, district: "saryagash".into(), ..raid_found(plan(&g, day), day) };
    let version = g.app.update_visit(&g.consultant, elsewhere.clone(), 1, None).unwrap();
    offences_afresh(&g, "a planned visit done in another district");
    g.app.update_visit(&g.consultant, Visit { party_id: Some(foreman), ..elsewhere }, version, None).unwrap();
    offences_afresh(&g, "a visit moved to another party");

    let worker = consultation(&g, raid, "Каримов Алишер", Utc::now()).unwrap();
    let brother = consultation(&g, raid, "Алишер Каримов", Utc::now()).unwrap();
    // An appeal comes to name the foreman, then the farm instead, then is saved unchanged.
    let appeal: komek_domain::AppealId = g
        .app
        .store()
        .read(|tx| tx.query_one("SELECT id FROM appeals WHERE person_id = $1", params![worker])?.get(0))
        .unwrap();
    for parties in [vec![(foreman, "intermediary")], vec![(g.farm, "employer")], vec![(g.farm, "employer")]] {
        let record = g.app.appeal(&g.consultant, appeal).unwrap();
        let changed = Appeal { parties: parties.iter().map(|(p, r)| (*p, r.to_string())).collect(), ..record.appeal };
        g.app.update_appeal(&g.consultant, changed, record.version).unwrap();
        offences_afresh(&g, "an appeal naming other parties");
    }
    let victim = |person| komek_domain::casework::VictimStatus {
        person_id: person,
        status: "presumed".into(),
        identified_by: Some("ngo".into()),
        identified_on: Some(day),
    };
    let mut case = komek_domain::entities::Case {
        persons: vec![worker, brother],
        victims: vec![victim(worker), victim(brother)],
        parties: vec![(g.farm, "employer".into()), (foreman, "intermediary".into())],
        ..komek_domain::entities::Case::opened(g.hq, "forced-labour", id(&g.lawyer), day)
    };
    let case_id = g.app.open_case(&g.lawyer, case.clone()).unwrap();
    case.id = case_id;
    let counted = offences_afresh(&g, "a case with two victims");
    assert!(counted.iter().any(|row| row.0 == foreman.to_string() && row.1.is_empty() && row.2 == 2), "{counted:?}");
    let mut version = 1;
    for change in ["sensitive", "open again", "exploited in Saryagash", "one victim fewer", "the farm no longer"] {
        match change {
            "sensitive" => case.sensitive = true,
            "open again" => case.sensitive = false,
            "exploited in Saryagash" => case.exploited_district = Some("saryagash".into()),
            "one victim fewer" => case.victims.truncate(1),
            _ => case.parties.truncate(1),
        }
        version = g.app.update_case(&g.lawyer, case.clone(), version).unwrap();
        offences_afresh(&g, change);
    }
    case.parties = vec![(g.farm, "employer".into()), (foreman, "intermediary".into())];
    case.victims = vec![victim(worker), victim(brother)];
    g.app.update_case(&g.lawyer, case, version).unwrap();
    let kept_version = g.app.person_file(&g.lawyer, worker).unwrap().version;
    g.app.merge_persons(&g.lawyer, worker, kept_version, brother).unwrap();
    let counted = offences_afresh(&g, "two victims found to be one person");
    assert!(counted.iter().any(|row| row.0 == foreman.to_string() && row.1.is_empty() && row.2 == 1), "{counted:?}");
    let farm_version = g.app.party_record(&g.lawyer, g.farm).unwrap().version;
    g.app.merge_parties(&g.lawyer, g.farm, farm_version, foreman).unwrap();
    let counted = offences_afresh(&g, "the foreman found to be the farm");
    assert!(counted.iter().all(|row| row.0 == g.farm.to_string()), "{counted:?}");
    let ranked = g.app.repeat_offenders(&g.lawyer, None).unwrap();
    assert_eq!(
        ranked.iter().map(|o| (o.party.id, o.counts.victims, o.counts.visits)).collect::<Vec<_>>(),
        [(g.farm, 1, 2)]
    );
    // A database upgraded from before the counts were kept has them counted at start-up.
    g.app
        .store()
        .write(|tx| {
            tx.execute("DELETE FROM party_offences", &[])?;
            tx.execute(
                "INSERT INTO maintenance_pending (task) VALUES ('recount-offenders') ON CONFLICT DO NOTHING",
                &[],
            )
        })
        .unwrap();
    g.app.finish_maintenance().unwrap();
    assert_eq!(offences_kept(&g), counted);
}

/// Operators save appeals naming the same farm at the same moment: every save succeeds, and
/// the farm's count holds all of them (on PostgreSQL the writers count one after the other).
fn appeals_naming_one_party_at_once_are_all_counted(store: Store) {
    let g = group(store);
    let day = g.today - Duration::days(1);
    g.app.create_visit(&g.consultant, None, raid_found(plan(&g, day), day), None).unwrap();
    const OPERATORS: usize = 4;
    const CALLS: usize = 8;
    std::thread::scope(|s| {
        for _ in 0..OPERATORS {
            s.spawn(|| {
                for _ in 0..CALLS {
                    let appeal = Appeal {
                        topics: vec!["wages-unpaid".into()],
                        parties: vec![(g.farm, "employer".into())],
                        ..Appeal::received(g.hq, id(&g.operator), Utc::now(), "hotline-phone", "migrant", "advised")
                    };
                    let intake = Intake {
                        appeal,
                        person: IntakePerson::None,
                        new_parties: vec![],
                        lead_notice: String::new(),
                        visit: None,
                    };
                    g.app.register_intake(&g.operator, intake).unwrap();
                }
            });
        }
    });
    let counted = offences_afresh(&g, "appeals saved at once");
    let everywhere = counted.iter().find(|row| row.0 == g.farm.to_string() && row.1.is_empty());
    assert_eq!(everywhere.map(|row| row.5), Some((OPERATORS * CALLS) as i64), "{counted:?}");
}
