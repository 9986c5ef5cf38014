//! The store's side of reports on both back ends: the dated exchange rates, each appeal's
//! topic and help sets kept in step with its lists (also through an upgrade), and the
//! aggregate queries bounded by time, day and office.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use komek_domain::casework::{Assessment, IndicatorAnswer, Proceeding, VictimStatus};
use komek_domain::entities::{Account, Appeal, Case, Office, PersonProfile, Service};
use komek_domain::indicators::{Answer, Source};
use komek_domain::reports::{ExchangeRate, YearMonth};
use komek_domain::*;
use komek_store::repo;
use komek_store::repo::reports::{self as counts, Scope};
use komek_store::{Store, params};

conformance!(
    exchange_rates_start_at_the_seed_year_and_are_set_corrected_and_removed,
    each_appeal_keeps_its_topic_and_help_sets_in_step_with_its_lists,
    appeals_are_counted_within_the_moments_and_the_office_asked_for,
    case_work_is_counted_by_its_days_and_the_office_of_its_case,
    the_latest_assessment_is_known_whatever_order_they_come_in_and_through_a_merge,
    the_annual_report_counts_amounts_an_old_database_holds_past_64_bits,
);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, hour, 0, 0).unwrap()
}

fn office(store: &Store, code: &str) -> Office {
    let office = Office { id: OfficeId::new(), code: code.into(), name: code.into(), utc_offset_minutes: 300 };
    store.write(|tx| repo::offices::insert(tx, &office)).unwrap();
    office
}

fn account(store: &Store, office: &Office, username: &str) -> Account {
    let account = Account {
        id: AccountId::new(),
        office_id: office.id,
        username: username.into(),
        display_name: username.into(),
        role: Role::Lawyer,
        language: "ru".into(),
        must_change_password: false,
        disabled: false,
    };
    store.write(|tx| repo::accounts::insert(tx, &account, "$argon2id$stub")).unwrap();
    account
}

fn person(store: &Store, office: &Office, citizenship: &str) -> PersonId {
    let p = repo::persons::StoredPerson {
        id: PersonId::new(),
        office_id: office.id,
        profile: PersonProfile { sex: "male".into(), citizenship: citizenship.into(), ..Default::default() },
        identity_enc: vec![1],
        created_at: Utc::now(),
        version: 1,
    };
    store.write(|tx| repo::persons::insert(tx, &p, &[])).unwrap();
    p.id
}

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

fn appeal(office: &Office, operator: &Account, received_at: DateTime<Utc>, topics: &[&str], help: &[&str]) -> Appeal {
    Appeal {
        topics: strings(topics),
        help: strings(help),
        ..Appeal::received(office.id, operator.id, received_at, "hotline-phone", "migrant", "advised")
    }
}

fn sets(store: &Store, id: AppealId) -> (String, String) {
    store
        .read(|tx| {
            let r = tx.query_one("SELECT topic_set, help_set FROM appeals WHERE id = $1", params![id])?;
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

fn scope(from: NaiveDate, to: NaiveDate, office: Option<OfficeId>) -> Scope {
    // The office's calendar is UTC+5: its day starts at 19:00 UTC the day before.
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap().and_utc() - chrono::Duration::hours(5);
    let mut months = Vec::new();
    let mut month = YearMonth { year: from.year(), month: from.month() };
    while let Ok(first) = month.first_day() {
        if first > to {
            break;
        }
        let last = month.last_day().unwrap().min(to);
        months.push((month, start(first.max(from)), start(last.succ_opt().unwrap())));
        month = month.next();
    }
    Scope {
        received_from: start(from),
        received_to: start(to.succ_opt().unwrap()),
        first_day: from,
        last_day: to,
        office,
        months,
    }
}

fn exchange_rates_start_at_the_seed_year_and_are_set_corrected_and_removed(store: &Store) {
    let usd = |valid_from, minor| ExchangeRate { currency: Currency::USD, valid_from, tenge_per_unit_minor: minor };
    let rates = store.read(counts::rates).unwrap();
    assert_eq!(rates[0], usd(day(2008, 1, 1), 15_000), "150 tenge a dollar in the seed's year");
    assert!(rates.iter().all(|r| r.currency == Currency::USD && r.tenge_per_unit_minor > 0));
    assert!(rates.windows(2).all(|w| w[0].valid_from < w[1].valid_from));
    let on = |d| store.read(|tx| counts::rate_on(tx, Currency::USD, d)).unwrap();
    assert_eq!(on(day(2008, 12, 31)), Some(usd(day(2008, 1, 1), 15_000)));
    assert_eq!(on(day(2009, 1, 1)).map(|r| r.tenge_per_unit_minor), Some(14_750));
    assert_eq!(on(day(2007, 12, 31)), None, "no rate before the first");
    assert_eq!(store.read(|tx| counts::rate_on(tx, Currency::RUB, day(2008, 6, 1))).unwrap(), None);

    assert_eq!(store.write(|tx| counts::set_rate(tx, &usd(day(2007, 1, 1), 12_250))).unwrap(), None);
    assert_eq!(on(day(2007, 12, 31)).map(|r| r.tenge_per_unit_minor), Some(12_250));
    assert_eq!(store.write(|tx| counts::set_rate(tx, &usd(day(2007, 1, 1), 12_300))).unwrap(), Some(12_250));
    assert_eq!(on(day(2007, 6, 1)).map(|r| r.tenge_per_unit_minor), Some(12_300));
    assert!(store.write(|tx| counts::remove_rate(tx, Currency::USD, day(2007, 1, 1))).unwrap());
    assert!(!store.write(|tx| counts::remove_rate(tx, Currency::USD, day(2007, 1, 1))).unwrap());
    assert_eq!(store.read(counts::rates).unwrap(), rates);
    // A rate of nothing is refused by the database too.
    assert!(store.write(|tx| counts::set_rate(tx, &usd(day(2010, 1, 1), 0))).is_err());
}

fn each_appeal_keeps_its_topic_and_help_sets_in_step_with_its_lists(store: &Store) {
    let hq = office(store, "hq");
    let operator = account(store, &hq, "operator");
    let mut a = appeal(&hq, &operator, at(2008, 5, 5, 6), &["registration", "employment"], &["legal-consultation"]);
    a.topics.sort();
    store.write(|tx| repo::appeals::insert(tx, &a, None)).unwrap();
    assert_eq!(sets(store, a.id), ("employment,registration".into(), "legal-consultation".into()));

    // An edit replaces the lists; the sets follow.
    a.topics = strings(&["citizenship"]);
    a.help = strings(&["information", "referral"]);
    store.write(|tx| repo::appeals::update(tx, &a, None, 1)).unwrap();
    assert_eq!(sets(store, a.id), ("citizenship".into(), "information,referral".into()));
    a.topics.clear();
    a.help.clear();
    store.write(|tx| repo::appeals::update(tx, &a, None, 2)).unwrap();
    assert_eq!(sets(store, a.id), (String::new(), String::new()));

    // Rows written one by one, or taken away, or changed in place.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO appeal_topics (appeal_id, topic, received_at) VALUES ($1, 'wages-unpaid', $2)",
                params![a.id, a.received_at],
            )?;
            tx.execute(
                "INSERT INTO appeal_topics (appeal_id, topic, received_at) VALUES ($1, 'documents-taken', $2)",
                params![a.id, a.received_at],
            )?;
            tx.execute("INSERT INTO appeal_help (appeal_id, help) VALUES ($1, 'referral')", params![a.id])
        })
        .unwrap();
    assert_eq!(sets(store, a.id), ("documents-taken,wages-unpaid".into(), "referral".into()));
    store
        .write(|tx| {
            tx.execute(
                "UPDATE appeal_topics SET topic = 'health' WHERE appeal_id = $1 AND topic = 'wages-unpaid'",
                params![a.id],
            )?;
            tx.execute("DELETE FROM appeal_help WHERE appeal_id = $1", params![a.id])
        })
        .unwrap();
    assert_eq!(sets(store, a.id), ("documents-taken,health".into(), String::new()));

    // A restored backup brings the appeal with its sets, then its rows: nothing changes.
    let mut restored = appeal(&hq, &operator, at(2008, 6, 1, 6), &[], &[]);
    restored.id = AppealId::new();
    store.write(|tx| repo::appeals::insert(tx, &restored, None)).unwrap();
    store
        .write(|tx| {
            tx.execute(
                "UPDATE appeals SET topic_set = 'employment,health', help_set = 'information' WHERE id = $1",
                params![restored.id],
            )?;
            for topic in ["health", "employment"] {
                tx.execute(
                    "INSERT INTO appeal_topics (appeal_id, topic, received_at) VALUES ($1, $2, $3)",
                    params![restored.id, topic, restored.received_at],
                )?;
            }
            tx.execute("INSERT INTO appeal_help (appeal_id, help) VALUES ($1, 'information')", params![restored.id])
        })
        .unwrap();
    assert_eq!(sets(store, restored.id), ("employment,health".into(), "information".into()));
}

fn appeals_are_counted_within_the_moments_and_the_office_asked_for(store: &Store) {
    let (hq, away) = (office(store, "hq"), office(store, "maktaaral"));
    let operator = account(store, &hq, "operator");
    let with = |mut a: Appeal, sector: Option<&str>, occupation: Option<&str>, wage: Option<i64>| {
        a.sector = sector.map(Into::into);
        a.occupation = occupation.map(Into::into);
        a.wage = wage.map(|w| Money::from_major(w, Currency::KZT));
        a.migration_reason = sector.map(|_| "economic".into());
        store.write(|tx| repo::appeals::insert(tx, &a, None)).unwrap();
    };
    // 1 January 2008 starts at 19:00 UTC on 31 December 2007 in Shymkent.
    with(appeal(&hq, &operator, at(2007, 12, 31, 18), &["employment"], &[]), Some("trade"), None, None);
    with(
        appeal(&hq, &operator, at(2007, 12, 31, 19), &["employment"], &[]),
        Some("construction"),
        Some("handyman"),
        Some(18_000),
    );
    with(
        appeal(&hq, &operator, at(2008, 1, 20, 6), &["employment", "registration"], &["legal-consultation"]),
        Some("construction"),
        Some("handyman"),
        Some(20_000),
    );
    with(
        appeal(&hq, &operator, at(2008, 2, 3, 6), &["citizenship"], &["legal-consultation", "information"]),
        None,
        Some("handyman"),
        None,
    );
    with(
        appeal(&away, &operator, at(2008, 2, 4, 6), &["private-matter"], &[]),
        Some("agriculture"),
        Some("agricultural-worker"),
        Some(10_000),
    );
    // 1 March starts at 19:00 UTC on 29 February: this one is March's.
    with(appeal(&hq, &operator, at(2008, 2, 29, 20), &[], &[]), None, None, None);

    let first_two_months = scope(day(2008, 1, 1), day(2008, 2, 29), None);
    let months = store.read(|tx| counts::appeals_by_month(tx, &first_two_months)).unwrap();
    assert_eq!(months, vec![(YearMonth { year: 2008, month: 1 }, 2), (YearMonth { year: 2008, month: 2 }, 2)]);

    let groups = store.read(|tx| counts::appeal_groups(tx, &first_two_months)).unwrap();
    assert_eq!(groups.iter().map(|g| g.appeals).sum::<u64>(), 4);
    let handyman: Vec<_> = groups.iter().filter(|g| g.occupation.as_deref() == Some("handyman")).collect();
    assert_eq!(handyman.iter().map(|g| g.appeals).sum::<u64>(), 3);
    assert_eq!(handyman.iter().map(|g| g.wages).sum::<u64>(), 2, "two of them stated a wage");
    assert_eq!(handyman.iter().map(|g| g.wage_sum).sum::<i128>(), 3_800_000);
    assert!(handyman.iter().filter(|g| g.wages > 0).all(|g| g.wage_currency == Some(Currency::KZT)));

    let mut topic_sets = store.read(|tx| counts::topic_sets(tx, &first_two_months)).unwrap();
    topic_sets.sort_by(|a, b| a.topics.cmp(&b.topics));
    let flat: Vec<(Vec<String>, Vec<String>, u64)> =
        topic_sets.into_iter().map(|s| (s.topics, s.help, s.appeals)).collect();
    assert_eq!(
        flat,
        vec![
            (strings(&["citizenship"]), strings(&["information", "legal-consultation"]), 1),
            (strings(&["employment"]), vec![], 1),
            (strings(&["employment", "registration"]), strings(&["legal-consultation"]), 1),
            (strings(&["private-matter"]), vec![], 1),
        ]
    );

    let hq_only = scope(day(2008, 1, 1), day(2008, 2, 29), Some(hq.id));
    assert_eq!(store.read(|tx| counts::appeal_groups(tx, &hq_only)).unwrap().iter().map(|g| g.appeals).sum::<u64>(), 3);
    assert_eq!(store.read(|tx| counts::topic_sets(tx, &hq_only)).unwrap().iter().map(|s| s.appeals).sum::<u64>(), 3);
    let months = store.read(|tx| counts::appeals_by_month(tx, &hq_only)).unwrap();
    assert_eq!(months.iter().map(|(_, n)| n).sum::<u64>(), 3);
    let nothing = scope(day(2009, 1, 1), day(2009, 1, 31), None);
    assert!(store.read(|tx| counts::appeal_groups(tx, &nothing)).unwrap().is_empty());
}

fn a_case(
    office: &Office,
    lead: &Account,
    persons: &[(PersonId, &str)],
    opened: NaiveDate,
    closed: Option<NaiveDate>,
) -> Case {
    Case {
        id: CaseId::new(),
        office_id: office.id,
        number: format!("n-{}", CaseId::new()),
        kind: "forced-labour".into(),
        status: if closed.is_some() { "closed" } else { "open" }.into(),
        sensitive: false,
        lead_id: lead.id,
        team: vec![],
        persons: persons.iter().map(|(p, _)| *p).collect(),
        parties: vec![],
        opened_on: opened,
        closed_on: closed,
        recruited_at: String::new(),
        exploited_region: None,
        exploited_district: None,
        exploited_place: None,
        exploited_country: None,
        recruitment_methods: vec![],
        means_of_control: vec![],
        outcomes: vec![],
        closing_reason: None,
        recruited_country: None,
        recruited_district: None,
        victims: persons
            .iter()
            .map(|(p, status)| VictimStatus {
                person_id: *p,
                status: status.to_string(),
                identified_by: Some("ngo".into()),
                identified_on: Some(opened),
            })
            .collect(),
        summary: None,
    }
}

fn service(case: &Case, person: Option<PersonId>, kind: &str, on: NaiveDate) -> Service {
    Service {
        id: ServiceId::new(),
        case_id: case.id,
        person_id: person,
        kind: kind.into(),
        delivered_on: on,
        provider: "us".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: (kind == "repatriation").then(|| "UZ".into()),
        amount_claimed: None,
        amount_recovered: None,
    }
}

fn assessment(case: &Case, person: PersonId, on: NaiveDate, yes: &[&str]) -> Assessment {
    Assessment {
        id: AssessmentId::new(),
        case_id: case.id,
        person_id: person,
        catalogue: "ilo-2012-forced-labour".into(),
        edition: "2012".into(),
        assessed_on: on,
        assessor_id: None,
        minor: false,
        answers: yes
            .iter()
            .map(|code| IndicatorAnswer {
                indicator: code.to_string(),
                answer: Answer::Yes,
                source: Some(Source::Interview),
                noted_on: None,
            })
            .chain(std::iter::once(IndicatorAnswer {
                indicator: "fl-ur-sale-of-worker".into(),
                answer: Answer::No,
                source: Some(Source::Interview),
                noted_on: None,
            }))
            .collect(),
    }
}

fn case_work_is_counted_by_its_days_and_the_office_of_its_case(store: &Store) {
    let (hq, away) = (office(store, "hq"), office(store, "maktaaral"));
    let lead = account(store, &hq, "lead");
    let (uz1, uz2, kg, kz) =
        (person(store, &hq, "UZ"), person(store, &hq, "UZ"), person(store, &hq, "KG"), person(store, &away, "KZ"));
    // Opened and closed on the first day of 2008; opened later in 2008; closed before 2008;
    // opened after it.
    let lasting = a_case(&hq, &lead, &[(uz1, "identified"), (uz2, "presumed")], day(2008, 1, 1), Some(day(2008, 1, 1)));
    let new = a_case(&hq, &lead, &[(uz2, "identified"), (kg, "not-a-victim")], day(2008, 3, 1), None);
    let old = a_case(&hq, &lead, &[(kg, "identified")], day(2007, 1, 1), Some(day(2007, 12, 31)));
    let later = a_case(&away, &lead, &[(kz, "presumed")], day(2009, 1, 1), None);
    let far = a_case(&away, &lead, &[(kz, "presumed")], day(2008, 7, 1), None);
    // Opened in 2007 and still open: their victims belong to 2007, whatever was done in 2008.
    let (g1, g2, quiet_one) = (person(store, &hq, "TJ"), person(store, &hq, "TJ"), person(store, &hq, "TJ"));
    let group = a_case(&hq, &lead, &[(g1, "presumed"), (g2, "presumed")], day(2007, 3, 1), None);
    let quiet = a_case(&hq, &lead, &[(quiet_one, "identified")], day(2007, 3, 1), None);
    for c in [&lasting, &new, &old, &later, &far, &group, &quiet] {
        store.write(|tx| repo::cases::insert(tx, c, None)).unwrap();
    }
    let mut recovery = service(&new, Some(uz2), "wage-recovery", day(2008, 4, 1));
    recovery.amount_claimed = Some(Money::from_major(300_000, Currency::KZT));
    recovery.amount_recovered = Some(Money::from_major(150_000, Currency::KZT));
    let mut nothing_back = service(&new, Some(uz2), "wage-recovery", day(2008, 5, 1));
    nothing_back.amount_claimed = Some(Money::from_major(50, Currency::USD));
    nothing_back.amount_recovered = Some(Money::from_major(0, Currency::USD));
    // Claimed in dollars, paid back in tenge: each sum counts in its own currency.
    let mut in_tenge = service(&new, Some(uz2), "wage-recovery", day(2008, 9, 1));
    in_tenge.amount_claimed = Some(Money::from_major(100, Currency::USD));
    in_tenge.amount_recovered = Some(Money::from_major(15_000, Currency::KZT));
    for s in [
        service(&lasting, Some(uz1), "repatriation", day(2008, 1, 1)),
        // A group brought home together names nobody: both its people count, once each.
        service(&new, None, "repatriation", day(2008, 6, 1)),
        service(&new, Some(uz2), "repatriation", day(2008, 6, 2)),
        service(&old, Some(kg), "repatriation", day(2007, 12, 31)),
        service(&far, Some(kz), "repatriation", day(2008, 8, 1)),
        recovery,
        nothing_back,
        in_tenge,
        service(&group, None, "shelter", day(2008, 2, 1)),
    ] {
        let stored = repo::cases::StoredService { service: s, result_enc: None, accompanied_by_enc: None };
        store.write(|tx| repo::cases::insert_service(tx, &stored)).unwrap();
    }
    let decided = |case: &Case, outcome: &str, on: Option<NaiveDate>| Proceeding {
        id: ProceedingId::new(),
        case_id: case.id,
        kind: "criminal".into(),
        authority: "court".into(),
        articles: vec![],
        stage: "decided".into(),
        opened_on: day(2007, 1, 1),
        hearings: vec![],
        outcome: Some(outcome.into()),
        decided_on: on,
        sentence_months: None,
        fine: None,
        notes: String::new(),
    };
    for p in [
        decided(&new, "sentence", Some(day(2008, 11, 28))),
        decided(&lasting, "fine", Some(day(2007, 11, 28))),
        decided(&new, "pending", Some(day(2008, 11, 28))),
        decided(&far, "acquittal", Some(day(2008, 12, 31))),
    ] {
        store.write(|tx| repo::casework::insert_proceeding(tx, &p, None)).unwrap();
    }
    // uz2 is assessed twice in 2008: the later one counts. uz1 was assessed in 2007 only.
    for a in [
        assessment(&new, uz2, day(2008, 3, 1), &["fl-ur-deceptive-recruitment"]),
        assessment(&new, uz2, day(2008, 9, 1), &["fl-p-confiscation-documents", "fl-p-withholding-wages"]),
        assessment(&lasting, uz1, day(2007, 6, 1), &["fl-p-violence"]),
        assessment(&far, kz, day(2008, 7, 2), &["fl-p-withholding-wages"]),
    ] {
        store.write(|tx| repo::casework::insert_assessment(tx, &a, "yes")).unwrap();
    }

    let sorted = |mut v: Vec<(String, u64)>| {
        v.sort();
        v
    };
    let pairs = |v: &[(&str, u64)]| v.iter().map(|(c, n)| (c.to_string(), *n)).collect::<Vec<_>>();
    let year = scope(day(2008, 1, 1), day(2008, 12, 31), None);
    let hq_year = scope(day(2008, 1, 1), day(2008, 12, 31), Some(hq.id));

    // uz2 is presumed in one case and identified in another: once, identified. kg is no
    // victim in 2008's cases; the group's and the quiet case's people belong to 2007.
    let victims = |scope: &Scope| store.read(|tx| counts::victims(tx, scope)).unwrap();
    assert_eq!(sorted(victims(&year).by_status), pairs(&[("identified", 2), ("presumed", 1)]));
    assert_eq!(sorted(victims(&hq_year).by_status), pairs(&[("identified", 2)]));
    // The same persons by sex, age band and citizenship: each once, as above.
    let profiles = |scope: &Scope| {
        let mut lines: Vec<(String, String, u64)> =
            victims(scope).profiles.into_iter().map(|p| (p.sex, p.citizenship, p.persons)).collect();
        lines.sort();
        lines
    };
    assert_eq!(profiles(&year), [("male".into(), "KZ".into(), 1), ("male".into(), "UZ".into(), 2)]);
    assert_eq!(profiles(&hq_year), [("male".to_owned(), "UZ".to_owned(), 2)]);
    assert_eq!(
        sorted(store.read(|tx| counts::repatriated(tx, &year)).unwrap()),
        pairs(&[("KG", 1), ("KZ", 1), ("UZ", 2)])
    );
    assert_eq!(sorted(store.read(|tx| counts::repatriated(tx, &hq_year)).unwrap()), pairs(&[("KG", 1), ("UZ", 2)]));
    assert_eq!(
        sorted(store.read(|tx| counts::services(tx, &year)).unwrap()),
        pairs(&[("repatriation", 4), ("shelter", 1), ("wage-recovery", 3)])
    );
    let mut recovered = store.read(|tx| counts::recovered(tx, &year)).unwrap();
    recovered.sort_by_key(|r| r.currency.code());
    assert_eq!(recovered.len(), 2);
    assert_eq!(
        (recovered[0].currency, recovered[0].claimed, recovered[0].recovered, recovered[0].services),
        (Currency::KZT, 30_000_000, 16_500_000, 2)
    );
    assert_eq!(
        (recovered[1].currency, recovered[1].claimed, recovered[1].recovered, recovered[1].services),
        (Currency::USD, 15_000, 0, 0)
    );
    assert_eq!(
        sorted(store.read(|tx| counts::proceedings(tx, &year)).unwrap()),
        pairs(&[("acquittal", 1), ("sentence", 1)])
    );
    assert_eq!(sorted(store.read(|tx| counts::proceedings(tx, &hq_year)).unwrap()), pairs(&[("sentence", 1)]));

    let assessed = store.read(|tx| counts::assessed(tx, &year)).unwrap();
    assert_eq!(assessed.persons, 2);
    assert_eq!(assessed.per_catalogue, pairs(&[("ilo-2012-forced-labour", 2)]));
    assert_eq!(
        sorted(assessed.indicators_yes),
        pairs(&[("fl-p-confiscation-documents", 1), ("fl-p-withholding-wages", 2)]),
        "uz2's earlier answer does not count"
    );
    let tags = sorted(assessed.tags_yes);
    assert!(tags.contains(&("withholding-of-wages".to_string(), 2)), "{tags:?}");
    assert!(tags.contains(&("retention-of-documents".to_string(), 1)), "{tags:?}");
    assert!(tags.contains(&("deception".to_string(), 0)), "uz2's earlier deception does not count: {tags:?}");
    let hq_assessed = store.read(|tx| counts::assessed(tx, &hq_year)).unwrap();
    assert_eq!(hq_assessed.persons, 1);

    let nothing = scope(day(2030, 1, 1), day(2030, 12, 31), None);
    for half in [counts::appeals_and_victims, counts::services_and_assessments] {
        let figures = store.read(|tx| half(tx, &nothing)).unwrap();
        assert!(figures.is_empty(), "{figures:?}");
    }
}

/// The day of the next assessment of a person in a catalogue, as the assessment and each of
/// its answers carry it.
fn superseded(store: &Store, a: &Assessment) -> (Option<NaiveDate>, Vec<Option<NaiveDate>>) {
    store
        .read(|tx| {
            let own = tx.query_one("SELECT superseded_on FROM assessments WHERE id = $1", params![a.id])?.get(0)?;
            let answers = tx
                .query("SELECT superseded_on FROM assessment_answers WHERE assessment_id = $1", params![a.id])?
                .iter()
                .map(|r| r.get(0))
                .collect::<Result<_, _>>()?;
            Ok((own, answers))
        })
        .unwrap()
}

fn the_latest_assessment_is_known_whatever_order_they_come_in_and_through_a_merge(store: &Store) {
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let (p, twin) = (person(store, &hq, "UZ"), person(store, &hq, "UZ"));
    let case = a_case(&hq, &lead, &[(p, "presumed"), (twin, "presumed")], day(2008, 1, 1), None);
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    let save = |a: &Assessment| store.write(|tx| repo::casework::insert_assessment(tx, a, "yes")).unwrap();
    let later = assessment(&case, p, day(2008, 6, 10), &["fl-p-withholding-wages"]);
    save(&later);
    // Recorded afterwards, but of an earlier day: it is the one superseded.
    let earlier = assessment(&case, p, day(2008, 6, 5), &["fl-p-violence"]);
    save(&earlier);
    assert_eq!(superseded(store, &earlier), (Some(day(2008, 6, 10)), vec![Some(day(2008, 6, 10)); 2]));
    assert_eq!(superseded(store, &later), (None, vec![None; 2]));
    // The twin's assessment of a day between: once the two are one person, it sits between.
    let twins = assessment(&case, twin, day(2008, 6, 7), &["fl-p-confiscation-documents"]);
    save(&twins);
    store.write(|tx| repo::cases::move_person(tx, twin, p)).unwrap();
    assert_eq!(superseded(store, &earlier).0, Some(day(2008, 6, 7)));
    assert_eq!(superseded(store, &twins), (Some(day(2008, 6, 10)), vec![Some(day(2008, 6, 10)); 2]));
    assert_eq!(superseded(store, &later).0, None);
    // A report of June 1–8 counts the twin's (the latest by the 8th), of the year the later one.
    let yes = |from, to| {
        let assessed = store.read(|tx| counts::assessed(tx, &scope(from, to, None))).unwrap();
        (assessed.persons, assessed.indicators_yes)
    };
    assert_eq!(yes(day(2008, 6, 1), day(2008, 6, 8)), (1, vec![("fl-p-confiscation-documents".to_owned(), 1)]));
    assert_eq!(yes(day(2008, 1, 1), day(2008, 12, 31)), (1, vec![("fl-p-withholding-wages".to_owned(), 1)]));
}

/// A database of the previous release with assessments gets each one's tags and the day it
/// was superseded on upgrade, and its answers carry them.
fn upgrade_marks_the_assessments_already_there(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 8);
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let p = crate::conformance::person_as_first_stored(store, &hq, "UZ", &[1]);
    let case = a_case(&hq, &lead, &[(p, "presumed")], day(2008, 1, 1), None);
    // As the previous release stored it: today's insert writes columns it did not have.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO cases (id, office_id, number, kind, status, sensitive, lead_id, opened_on, recruited_at,
                                    created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, $9)",
                params![
                    case.id,
                    case.office_id,
                    &case.number,
                    &case.kind,
                    &case.status,
                    case.sensitive,
                    case.lead_id,
                    case.opened_on,
                    Utc::now()
                ],
            )?;
            tx.execute("INSERT INTO case_persons (case_id, person_id) VALUES ($1, $2)", params![case.id, p])?;
            Ok(())
        })
        .unwrap();
    let first = assessment(&case, p, day(2008, 2, 1), &["fl-p-withholding-wages", "fl-p-confiscation-documents"]);
    let second = assessment(&case, p, day(2008, 3, 1), &[]);
    for a in [&first, &second] {
        // As the previous release stored them.
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO assessments (id, case_id, person_id, catalogue, edition, assessed_on, minor, verdict,
                                              created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'yes', $8)",
                    params![a.id, a.case_id, a.person_id, &a.catalogue, &a.edition, a.assessed_on, false, Utc::now()],
                )?;
                for x in &a.answers {
                    tx.execute(
                        "INSERT INTO assessment_answers (assessment_id, indicator, answer) VALUES ($1, $2, $3)",
                        params![a.id, &x.indicator, x.answer.code()],
                    )?;
                }
                Ok(())
            })
            .unwrap();
    }
    assert_eq!(store.migrate().unwrap(), crate::versions_from(9));
    assert_eq!(superseded(store, &first), (Some(day(2008, 3, 1)), vec![Some(day(2008, 3, 1)); 3]));
    assert_eq!(superseded(store, &second), (None, vec![None]));
    let tags = |a: &Assessment| {
        store
            .read(|tx| tx.query_one("SELECT tags FROM assessments WHERE id = $1", params![a.id])?.get::<i64>(0))
            .unwrap()
    };
    assert_eq!(tags(&first), first.tag_bits());
    assert_ne!(tags(&first), 0);
    assert_eq!(tags(&second), 0);
}

#[test]
fn sqlite_upgrade_marks_the_assessments_already_there() {
    upgrade_marks_the_assessments_already_there(&komek_store::testing::SqliteDb::at_version(8).store);
}

#[test]
fn postgres_upgrade_marks_the_assessments_already_there() {
    if let Some(db) = komek_store::testing::PostgresDb::at_version(8) {
        upgrade_marks_the_assessments_already_there(&db.store);
    }
}

/// A database of the previous release with appeals in it gets their sets on upgrade.
fn upgrade_fills_the_sets_of_appeals_already_there(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 7);
    let hq = office(store, "hq");
    let operator = account(store, &hq, "operator");
    let mut a =
        appeal(&hq, &operator, at(2008, 5, 5, 6), &["registration", "employment"], &["referral", "information"]);
    a.topics.sort();
    a.help.sort();
    let bare = appeal(&hq, &operator, at(2008, 5, 6, 6), &[], &[]);
    store.write(|tx| repo::appeals::insert(tx, &a, None)).unwrap();
    store.write(|tx| repo::appeals::insert(tx, &bare, None)).unwrap();
    assert_eq!(store.migrate().unwrap(), crate::versions_from(8));
    assert_eq!(sets(store, a.id), ("employment,registration".into(), "information,referral".into()));
    assert_eq!(sets(store, bare.id), (String::new(), String::new()));
}

#[test]
fn sqlite_upgrade_fills_the_sets_of_appeals_already_there() {
    upgrade_fills_the_sets_of_appeals_already_there(&komek_store::testing::SqliteDb::at_version(7).store);
}

#[test]
fn postgres_upgrade_fills_the_sets_of_appeals_already_there() {
    if let Some(db) = komek_store::testing::PostgresDb::at_version(7) {
        upgrade_fills_the_sets_of_appeals_already_there(&db.store);
    }
}

/// Amounts entered before they were bounded (2^63 − 1 wages and claims) sum past 64 bits: the
/// report still counts them, exactly, and says a figure is too large where one is.
fn the_annual_report_counts_amounts_an_old_database_holds_past_64_bits(store: &Store) {
    use komek_domain::reports::{Cell, Figures, Period, Rates, build, column, table};
    let hq = office(store, "hq");
    let operator = account(store, &hq, "operator");
    let huge = Money { minor: i64::MAX, currency: Currency::KZT };
    for (hour, wage) in [(9, huge), (10, huge), (11, Money::from_major(100, Currency::KZT))] {
        let mut a = appeal(&hq, &operator, at(2008, 5, 5, hour), &["wages-unpaid"], &[]);
        a.occupation = Some("handyman".into());
        a.wage = Some(wage);
        store.write(|tx| repo::appeals::insert(tx, &a, None)).unwrap();
    }
    let uz = person(store, &hq, "UZ");
    let case = a_case(&hq, &operator, &[(uz, "identified")], day(2008, 1, 1), None);
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    for _ in 0..2 {
        let recovery = Service {
            amount_claimed: Some(huge),
            amount_recovered: Some(Money { minor: i64::MAX, currency: Currency::USD }),
            ..service(&case, Some(uz), "wage-recovery", day(2008, 6, 1))
        };
        let stored = repo::cases::StoredService { service: recovery, result_enc: None, accompanied_by_enc: None };
        store.write(|tx| repo::cases::insert_service(tx, &stored)).unwrap();
    }

    let year = scope(day(2008, 1, 1), day(2008, 12, 31), None);
    let groups = store.read(|tx| counts::appeal_groups(tx, &year)).unwrap();
    let wages: i128 = groups.iter().map(|g| g.wage_sum).sum();
    assert_eq!(wages, 2 * i128::from(i64::MAX) + 10_000);
    let recovered = store.read(|tx| counts::recovered(tx, &year)).unwrap();
    let kzt = recovered.iter().find(|r| r.currency == Currency::KZT).unwrap();
    assert_eq!(kzt.claimed, 2 * i128::from(i64::MAX));

    let first = store.read(|tx| counts::appeals_and_victims(tx, &year)).unwrap();
    let second = store.read(|tx| counts::services_and_assessments(tx, &year)).unwrap();
    let figures = Figures {
        appeals_by_month: first.appeals_by_month,
        appeal_groups: first.appeal_groups,
        topic_sets: first.topic_sets,
        victims: first.victims,
        ..second
    };
    let rates = store.read(counts::rates).unwrap();
    let report = build(Period::year(2008).unwrap(), None, &figures, &Rates::in_force(&rates, day(2008, 1, 1)));
    let sums = report.table(table::WAGES_RECOVERED).unwrap();
    assert_eq!(sums.cell("KZT", column::CLAIMED), Some(&Cell::TooLarge));
    let averages = report.table(table::WAGES_BY_OCCUPATION).unwrap();
    assert!(
        matches!(averages.cell("handyman", column::AVERAGE_KZT), Some(Cell::TooLarge | Cell::Money(_))),
        "{averages:?}"
    );
}
