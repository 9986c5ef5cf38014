//! Reports through the services, on both back ends: a small year built by hand, where every
//! figure is known, gives each table exactly; the period's edges and an office are honoured;
//! bad input is refused clearly, an empty period says so, a missing rate is named; and the
//! demo year's 2008 report shows the seed's published figures.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use komek_app::audit::Filter;
use komek_app::demo::{self, figures};
use komek_app::reports::ReportQuery;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::casework::{Assessment, IndicatorAnswer, Proceeding, VictimStatus};
use komek_domain::entities::{Appeal, Case, PersonIdentity, PersonProfile, Service};
use komek_domain::indicators::{Answer, Source};
use komek_domain::public_release::Figure;
use komek_domain::reports::{
    Cell, ExchangeRate, Label, MissingRate, Period, Report, Share, Table, column, one_decimal_truncated, table,
};
use komek_domain::{
    AccountId, AppealId, AssessmentId, CaseId, Currency, Money, OfficeId, PersonId, ProceedingId, Role, ServiceId,
};
use komek_store::Store;

// ---------------------------------------------------------------------------------------
// An organisation: the Shymkent office and the Maktaaral district centre.

struct Komek {
    app: App,
    hq: OfficeId,
    away: OfficeId,
    operator: Actor,
    away_operator: Actor,
    lawyer: Actor,
    away_lawyer: Actor,
    analyst: Actor,
    admin: Actor,
}

fn komek(store: Store) -> Komek {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap().id;
    let away = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap().id;
    let staff = |name: &str, role, office| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, office, "ru").unwrap().account)
    };
    Komek {
        operator: staff("dana", Role::HotlineOperator, hq),
        away_operator: staff("bakhyt", Role::HotlineOperator, away),
        lawyer: staff("aigerim", Role::Lawyer, hq),
        away_lawyer: staff("nurlan", Role::Lawyer, away),
        analyst: staff("asel", Role::Analyst, hq),
        admin: staff("root", Role::Administrator, hq),
        app,
        hq,
        away,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, hour, minute, 0).unwrap()
}

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

fn kzt(amount: i64) -> Money {
    Money::from_major(amount, Currency::KZT)
}

/// One call as the operator records it.
struct Call<'a> {
    received_at: DateTime<Utc>,
    channel: &'a str,
    topics: &'a [&'a str],
    help: &'a [&'a str],
    sector: Option<&'a str>,
    occupation: Option<&'a str>,
    wage: Option<Money>,
    reason: Option<&'a str>,
}

fn register(k: &Komek, operator: &Actor, call: Call<'_>) -> AppealId {
    let appeal = Appeal {
        topics: strings(call.topics),
        help: strings(call.help),
        occupation: call.occupation.map(Into::into),
        sector: call.sector.map(Into::into),
        wage: call.wage,
        migration_reason: call.reason.map(Into::into),
        notes: Some("Позвонил по поводу работы.".into()),
        ..Appeal::received(OfficeId::new(), AccountId::new(), call.received_at, call.channel, "migrant", "advised")
    };
    k.app.register_appeal(operator, appeal).unwrap()
}

fn someone(k: &Komek, actor: &Actor, name: &str, citizenship: &str) -> PersonId {
    let profile = PersonProfile {
        sex: "male".into(),
        citizenship: citizenship.into(),
        age_band: "24-26".into(),
        ..Default::default()
    };
    let identity = PersonIdentity { full_name: name.into(), ..Default::default() };
    k.app.register_person(actor, None, profile, identity).unwrap()
}

fn open(k: &Komek, lead: &Actor, victims: &[(PersonId, &str)], opened: NaiveDate) -> CaseId {
    let case = Case {
        id: CaseId::new(),
        office_id: OfficeId::new(),
        number: String::new(),
        kind: "labour-exploitation".into(),
        status: "open".into(),
        sensitive: false,
        lead_id: lead.account_id().unwrap(),
        team: vec![],
        persons: victims.iter().map(|(p, _)| *p).collect(),
        parties: vec![],
        opened_on: opened,
        closed_on: None,
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
        victims: victims
            .iter()
            .map(|(p, status)| VictimStatus {
                person_id: *p,
                status: status.to_string(),
                identified_by: (*status != "not-a-victim").then(|| "ngo".into()),
                identified_on: Some(opened),
            })
            .collect(),
        summary: Some("Работа без договора.".into()),
    };
    k.app.open_case(lead, case).unwrap()
}

fn deliver(k: &Komek, lead: &Actor, case: CaseId, person: Option<PersonId>, kind: &str, on: NaiveDate) -> Service {
    let service = Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: person,
        kind: kind.into(),
        delivered_on: on,
        provider: "us".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: None,
        amount_claimed: None,
        amount_recovered: None,
    };
    k.app.add_service(lead, service.clone()).unwrap();
    service
}

fn bring_home(k: &Komek, lead: &Actor, case: CaseId, person: Option<PersonId>, to: &str, on: NaiveDate) {
    let service = Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: person,
        kind: "repatriation".into(),
        delivered_on: on,
        provider: "IOM".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: Some(to.into()),
        amount_claimed: None,
        amount_recovered: None,
    };
    k.app.add_service(lead, service).unwrap();
}

fn recover(k: &Komek, lead: &Actor, case: CaseId, person: PersonId, claimed: i64, recovered: i64, on: NaiveDate) {
    let service = Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: Some(person),
        kind: "wage-recovery".into(),
        delivered_on: on,
        provider: "us".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: None,
        amount_claimed: Some(kzt(claimed)),
        amount_recovered: Some(kzt(recovered)),
    };
    k.app.add_service(lead, service).unwrap();
}

fn decided(k: &Komek, lead: &Actor, case: CaseId, outcome: &str, on: NaiveDate) {
    let proceeding = Proceeding {
        id: ProceedingId::new(),
        case_id: case,
        kind: "criminal".into(),
        authority: "court".into(),
        articles: vec![],
        stage: "decided".into(),
        opened_on: day(2007, 1, 1),
        hearings: vec![],
        outcome: Some(outcome.into()),
        decided_on: Some(on),
        sentence_months: (outcome == "sentence").then_some(84),
        fine: (outcome == "fine").then(|| kzt(50_000)),
        notes: String::new(),
    };
    k.app.add_proceeding(lead, proceeding).unwrap();
}

fn assess(k: &Komek, lead: &Actor, case: CaseId, person: PersonId, catalogue: &str, on: NaiveDate, yes: &[&str]) {
    let assessment = Assessment {
        id: AssessmentId::new(),
        case_id: case,
        person_id: person,
        catalogue: catalogue.into(),
        edition: String::new(),
        assessed_on: on,
        assessor_id: None,
        minor: false,
        answers: yes
            .iter()
            .map(|code| IndicatorAnswer {
                indicator: code.to_string(),
                answer: Answer::Yes,
                source: Some(Source::Interview),
                noted_on: Some(on),
            })
            .collect(),
    };
    k.app.add_assessment(lead, assessment).unwrap();
}

const FORCED_LABOUR: &str = "ilo-2012-forced-labour";
const TRAFFICKING: &str = "ilo-2009-trafficking-labour";

fn year(k: &Komek, actor: &Actor, y: i32, office: Option<OfficeId>) -> Report {
    k.app.report(actor, &ReportQuery { period: Period::year(y).unwrap(), office }).unwrap()
}

fn t<'r>(report: &'r Report, id: &str) -> &'r Table {
    report.table(id).unwrap_or_else(|| panic!("no table {id}"))
}

/// (row, count) of every row of a table's first count column.
fn counts(table: &Table) -> Vec<(String, u64)> {
    table
        .rows
        .iter()
        .map(|r| {
            let label = match &r.label {
                Label::Code(c) => c.clone(),
                Label::Group(g) => g.to_string(),
                Label::Month(m) => format!("{:04}-{:02}", m.year, m.month),
                Label::Total => "total".into(),
            };
            let Cell::Count(n) = r.cells[0] else { panic!("{label}: not a count") };
            (label, n)
        })
        .collect()
}

fn expect(rows: &[(&str, u64)]) -> Vec<(String, u64)> {
    rows.iter().map(|(c, n)| (c.to_string(), *n)).collect()
}

fn share(table: &Table, row: &str) -> Share {
    match table.cell(row, column::SHARE) {
        Some(Cell::Share(s)) => *s,
        other => panic!("{}/{row}: {other:?}", table.id),
    }
}

fn money(table: &Table, row: &str, col: &str) -> Money {
    match table.cell(row, col) {
        Some(Cell::Money(m)) => *m,
        other => panic!("{}/{row}/{col}: {other:?}", table.id),
    }
}

// ---------------------------------------------------------------------------------------
// A small year where every figure is known.

/// Shymkent's 2008 starts at 19:00 UTC on 31 December 2007 and ends at 19:00 UTC on
/// 31 December 2008. Eight appeals fall inside (six in Shymkent, two in Maktaaral), one on
/// each side outside; five cases, two of them in or from 2007.
fn a_small_year(k: &Komek) {
    let call = |received_at, channel, topics, help| Call {
        received_at,
        channel,
        topics,
        help,
        sector: None,
        occupation: None,
        wage: None,
        reason: None,
    };
    let outside = |received_at| Call {
        sector: Some("construction"),
        occupation: Some("handyman"),
        wage: Some(kzt(99_000)),
        reason: Some("political"),
        ..call(received_at, "hotline-phone", &["employment"], &["legal-consultation"])
    };
    register(k, &k.operator, outside(at(2007, 12, 31, 18, 30)));
    register(k, &k.operator, outside(at(2008, 12, 31, 19, 30)));
    let hq_calls = [
        Call {
            sector: Some("services"),
            occupation: Some("service-worker"),
            wage: Some(kzt(25_000)),
            reason: Some("economic"),
            ..call(at(2007, 12, 31, 19, 30), "messenger", &["health"], &["referral"])
        },
        Call {
            sector: Some("construction"),
            occupation: Some("handyman"),
            wage: Some(kzt(18_000)),
            reason: Some("economic"),
            ..call(at(2008, 1, 10, 6, 0), "hotline-phone", &["employment", "registration"], &["legal-consultation"])
        },
        Call {
            sector: Some("construction"),
            occupation: Some("handyman"),
            wage: Some(kzt(20_000)),
            reason: Some("economic"),
            ..call(
                at(2008, 1, 20, 6, 0),
                "hotline-phone",
                &["employment-contract"],
                &["legal-consultation", "information"],
            )
        },
        Call {
            reason: Some("family"),
            ..call(at(2008, 2, 5, 6, 0), "walk-in", &["citizenship", "residence-permit"], &["information"])
        },
        call(at(2008, 3, 1, 6, 0), "walk-in", &["private-matter"], &["psychological-consultation"]),
        Call {
            sector: Some("trade"),
            occupation: Some("market-trader"),
            ..call(at(2008, 12, 31, 18, 30), "hotline-phone", &["registration"], &[])
        },
    ];
    for c in hq_calls {
        register(k, &k.operator, c);
    }
    let away_calls = [
        Call {
            sector: Some("agriculture"),
            occupation: Some("agricultural-worker"),
            wage: Some(kzt(10_000)),
            reason: Some("economic"),
            ..call(at(2008, 9, 15, 6, 0), "district-centre", &["employment", "wages-unpaid"], &["legal-consultation"])
        },
        // A foreman paid in dollars: $100 is 15,000 tenge at 150.
        Call {
            sector: Some("agriculture"),
            occupation: Some("foreman"),
            wage: Some(Money::from_major(100, Currency::USD)),
            reason: Some("business"),
            ..call(at(2008, 10, 1, 6, 0), "mobile-group", &["wages-unpaid"], &["legal-consultation"])
        },
    ];
    for c in away_calls {
        register(k, &k.away_operator, c);
    }

    let (lawyer, away_lawyer) = (&k.lawyer, &k.away_lawyer);
    let p1 = someone(k, &k.operator, "Хамидов Хуршид", "UZ");
    let p2 = someone(k, &k.operator, "Каримов Рустам", "UZ");
    let p3 = someone(k, &k.operator, "Михаил Левин", "IL");
    let p4 = someone(k, &k.away_operator, "Айжан Сеитова", "KZ");
    let p5 = someone(k, &k.operator, "Азамат Токтогулов", "KG");
    let p6 = someone(k, &k.operator, "Фарход Назаров", "TJ");

    // C1: two brothers from Uzbekistan, opened in 2008, brought home together.
    let c1 = open(k, lawyer, &[(p1, "identified"), (p2, "presumed")], day(2008, 2, 1));
    deliver(k, lawyer, c1, Some(p1), "legal-consultation", day(2008, 2, 1));
    recover(k, lawyer, c1, p1, 300_000, 150_000, day(2008, 3, 1));
    recover(k, lawyer, c1, p2, 100_000, 0, day(2008, 3, 2));
    bring_home(k, lawyer, c1, None, "UZ", day(2008, 5, 1));
    decided(k, lawyer, c1, "sentence", day(2008, 11, 28));
    assess(k, lawyer, c1, p1, FORCED_LABOUR, day(2008, 2, 1), &["fl-ur-deceptive-recruitment"]);
    assess(
        k,
        lawyer,
        c1,
        p1,
        FORCED_LABOUR,
        day(2008, 6, 1),
        &["fl-p-confiscation-documents", "fl-p-withholding-wages"],
    );
    assess(k, lawyer, c1, p1, TRAFFICKING, day(2008, 6, 1), &["th-coercive-dest-confiscation-documents"]);
    assess(k, lawyer, c1, p2, FORCED_LABOUR, day(2008, 2, 1), &["fl-p-withholding-wages"]);

    // C2: opened in 2007, its person brought home in January 2008.
    let c2 = open(k, lawyer, &[(p3, "identified")], day(2007, 10, 1));
    bring_home(k, lawyer, c2, Some(p3), "IL", day(2008, 1, 15));
    decided(k, lawyer, c2, "fine", day(2007, 12, 1));

    // C3: Maktaaral's case.
    let c3 = open(k, away_lawyer, &[(p4, "presumed")], day(2008, 7, 1));
    deliver(k, away_lawyer, c3, Some(p4), "shelter", day(2008, 7, 2));
    bring_home(k, away_lawyer, c3, Some(p4), "KZ", day(2008, 8, 1));
    decided(k, away_lawyer, c3, "acquittal", day(2008, 12, 31));
    assess(k, away_lawyer, c3, p4, FORCED_LABOUR, day(2008, 7, 1), &["fl-p-violence"]);

    // C4: open since 2007 with nothing done in 2008; C5: no victim in it.
    let c4 = open(k, lawyer, &[(p5, "identified")], day(2007, 3, 1));
    assess(k, lawyer, c4, p5, FORCED_LABOUR, day(2007, 3, 1), &["fl-p-violence"]);
    let c5 = open(k, lawyer, &[(p6, "not-a-victim")], day(2008, 4, 1));
    deliver(k, lawyer, c5, Some(p6), "legal-consultation", day(2008, 4, 1));
}

fn a_small_year_gives_every_figure_of_the_report(store: Store) {
    let k = komek(store);
    a_small_year(&k);
    let report = year(&k, &k.analyst, 2008, None);
    assert!(!report.empty);
    assert!(report.missing_rates.is_empty(), "{:?}", report.missing_rates);
    assert_eq!(report.tables.iter().map(|t| t.id).collect::<Vec<_>>(), table::ALL);

    assert_eq!(counts(t(&report, table::APPEALS_TOTAL)), expect(&[("total", 8)]));
    assert_eq!(
        counts(t(&report, table::APPEALS_BY_MONTH)),
        expect(&[
            ("2008-01", 3),
            ("2008-02", 1),
            ("2008-03", 1),
            ("2008-04", 0),
            ("2008-05", 0),
            ("2008-06", 0),
            ("2008-07", 0),
            ("2008-08", 0),
            ("2008-09", 1),
            ("2008-10", 1),
            ("2008-11", 0),
            ("2008-12", 1),
        ])
    );
    let channels = t(&report, table::APPEALS_BY_CHANNEL);
    assert_eq!(
        counts(channels),
        expect(&[("hotline-phone", 3), ("walk-in", 2), ("district-centre", 1), ("mobile-group", 1), ("messenger", 1)])
    );
    assert_eq!(share(channels, "walk-in"), Share::new(2, 8));

    let topics = t(&report, table::APPEALS_BY_TOPIC);
    assert_eq!(
        counts(topics),
        expect(&[
            ("employment", 2),
            ("employment-contract", 1),
            ("registration", 2),
            ("citizenship", 1),
            ("residence-permit", 1),
            ("wages-unpaid", 2),
            ("health", 1),
            ("private-matter", 1),
            ("employment-contracts-registration", 4),
            ("citizenship-residence", 1),
            ("private-matters", 1),
            ("legal-consultations", 4),
        ])
    );
    assert_eq!(share(topics, "employment-contracts-registration"), Share::new(4, 8));
    assert_eq!(
        counts(t(&report, table::APPEALS_BY_HELP)),
        expect(&[("legal-consultation", 4), ("psychological-consultation", 1), ("information", 2), ("referral", 1),])
    );

    let reasons = t(&report, table::MIGRATION_REASONS);
    assert_eq!(counts(reasons), expect(&[("economic", 4), ("family", 1), ("business", 1)]));
    assert_eq!(reasons.unstated, Some(2));
    assert_eq!(share(reasons, "economic"), Share::new(4, 6));
    assert_eq!(share(reasons, "economic").percent(), Some(67));
    let sectors = t(&report, table::SECTORS);
    assert_eq!(counts(sectors), expect(&[("trade", 1), ("construction", 2), ("services", 1), ("agriculture", 2)]));
    assert_eq!(sectors.unstated, Some(2));
    assert_eq!(share(sectors, "trade").percent(), Some(17));

    let wages = t(&report, table::WAGES_BY_OCCUPATION);
    assert_eq!(
        counts(wages),
        expect(&[("handyman", 2), ("agricultural-worker", 1), ("foreman", 1), ("service-worker", 1)]),
        "the market trader gave no wage"
    );
    assert_eq!(money(wages, "handyman", column::AVERAGE_KZT), kzt(19_000));
    assert_eq!(money(wages, "handyman", column::AVERAGE_USD), Money { minor: 12_667, currency: Currency::USD });
    assert_eq!(money(wages, "foreman", column::AVERAGE_KZT), kzt(15_000));
    assert_eq!(money(wages, "foreman", column::AVERAGE_USD), Money::from_major(100, Currency::USD));
    assert_eq!(
        money(wages, "agricultural-worker", column::AVERAGE_USD),
        Money { minor: 6_667, currency: Currency::USD }
    );

    // The victims of the cases opened in 2008: p3's case was opened in 2007, though he was
    // brought home in 2008.
    assert_eq!(
        counts(t(&report, table::VICTIMS_ASSISTED)),
        expect(&[("presumed", 2), ("identified", 1), ("total", 3)])
    );
    assert_eq!(
        counts(t(&report, table::REPATRIATED_BY_CITIZENSHIP)),
        expect(&[("UZ", 2), ("KZ", 1), ("IL", 1), ("total", 4)])
    );
    assert_eq!(
        counts(t(&report, table::SERVICES_BY_KIND)),
        expect(&[("legal-consultation", 2), ("shelter", 1), ("wage-recovery", 2), ("repatriation", 3), ("total", 8)])
    );
    let recovered = t(&report, table::WAGES_RECOVERED);
    assert_eq!(counts(recovered), expect(&[("KZT", 1)]), "one service recovered something");
    assert_eq!(money(recovered, "KZT", column::CLAIMED), kzt(400_000));
    assert_eq!(money(recovered, "KZT", column::RECOVERED), kzt(150_000));
    assert_eq!(
        counts(t(&report, table::PROCEEDINGS_BY_OUTCOME)),
        expect(&[("sentence", 1), ("acquittal", 1), ("total", 2)])
    );

    // Indicators: p1's latest forced-labour interview counts, not his first; p5 was assessed
    // in 2007 only.
    let prevalence = t(&report, table::INDICATOR_PREVALENCE);
    let yes = |code: &str| prevalence.count(code, column::YES).unwrap();
    assert_eq!(prevalence.count("fl-p-withholding-wages", column::ASSESSED), Some(3));
    assert_eq!((yes("fl-p-withholding-wages"), yes("fl-p-confiscation-documents"), yes("fl-p-violence")), (2, 1, 1));
    assert_eq!(yes("fl-ur-deceptive-recruitment"), 0);
    assert_eq!(share(prevalence, "fl-p-withholding-wages"), Share::new(2, 3));
    assert_eq!(prevalence.count("th-coercive-dest-confiscation-documents", column::ASSESSED), Some(1));
    assert_eq!(yes("th-coercive-dest-confiscation-documents"), 1);
    let tags = t(&report, table::INDICATOR_TAGS);
    assert_eq!(tags.rows.len(), 11);
    let tag = |code: &str| tags.count(code, column::YES).unwrap();
    assert_eq!(tags.count("deception", column::ASSESSED), Some(3));
    assert_eq!(tag("retention-of-documents"), 1, "p1 once, though both his catalogues show it");
    assert_eq!(tag("withholding-of-wages"), 2);
    assert_eq!((tag("physical-sexual-violence"), tag("intimidation-threats"), tag("deception")), (1, 1, 0));
    assert_eq!(share(tags, "withholding-of-wages"), Share::new(2, 3));

    // Shymkent alone: its appeals and its cases' work.
    let hq = year(&k, &k.analyst, 2008, Some(k.hq));
    assert_eq!(hq.office, Some(k.hq));
    assert_eq!(counts(t(&hq, table::APPEALS_TOTAL)), expect(&[("total", 6)]));
    assert_eq!(counts(t(&hq, table::SECTORS)), expect(&[("trade", 1), ("construction", 2), ("services", 1)]));
    assert_eq!(counts(t(&hq, table::VICTIMS_ASSISTED)), expect(&[("presumed", 1), ("identified", 1), ("total", 2)]));
    assert_eq!(counts(t(&hq, table::REPATRIATED_BY_CITIZENSHIP)), expect(&[("UZ", 2), ("IL", 1), ("total", 3)]));
    assert_eq!(counts(t(&hq, table::PROCEEDINGS_BY_OUTCOME)), expect(&[("sentence", 1), ("total", 1)]));
    assert_eq!(t(&hq, table::INDICATOR_PREVALENCE).count("fl-p-violence", column::ASSESSED), Some(2));
    let away = year(&k, &k.analyst, 2008, Some(k.away));
    assert_eq!(counts(t(&away, table::APPEALS_TOTAL)), expect(&[("total", 2)]));
    assert_eq!(counts(t(&away, table::REPATRIATED_BY_CITIZENSHIP)), expect(&[("KZ", 1), ("total", 1)]));

    // A quarter and a month are the same counting over fewer days.
    let q1 =
        k.app.report(&k.analyst, &ReportQuery { period: Period::quarter(2008, 1).unwrap(), office: None }).unwrap();
    assert_eq!(counts(t(&q1, table::APPEALS_TOTAL)), expect(&[("total", 5)]));
    assert_eq!(counts(t(&q1, table::APPEALS_BY_MONTH)), expect(&[("2008-01", 3), ("2008-02", 1), ("2008-03", 1)]));
    assert_eq!(counts(t(&q1, table::REPATRIATED_BY_CITIZENSHIP)), expect(&[("IL", 1), ("total", 1)]));
    let jan = k.app.report(&k.analyst, &ReportQuery { period: Period::month(2008, 1).unwrap(), office: None }).unwrap();
    assert_eq!(counts(t(&jan, table::APPEALS_BY_TOPIC))[0], ("employment".to_string(), 1));
    let custom = ReportQuery::custom(day(2008, 12, 31), day(2009, 1, 1), None).unwrap();
    let edge = k.app.report(&k.analyst, &custom).unwrap();
    assert_eq!(counts(t(&edge, table::APPEALS_BY_MONTH)), expect(&[("2008-12", 1), ("2009-01", 1)]));

    // The report is audited with its period and office, and names nobody.
    let filter = Filter { action: Some("export".into()), ..Default::default() };
    let audited = k.app.audit_log(&Actor::System, &filter, 50).unwrap();
    assert!(audited.iter().any(|l| l.record_kind == "report"
        && l.record_id == "2008-01-01..2008-12-31"
        && l.detail == format!("office {}", k.hq)
        && l.username.as_deref() == Some("asel")));
}

fn bad_input_is_refused_clearly_and_an_empty_period_says_so(store: Store) {
    let k = komek(store);
    a_small_year(&k);
    let refused_for = |result: Result<Report, AppError>, field: &str| match result {
        Err(AppError::Invalid(errors)) => assert!(errors.iter().any(|e| e.field() == field), "{errors:?}"),
        other => panic!("expected a refusal for {field}, got {other:?}"),
    };
    match ReportQuery::custom(day(2008, 12, 31), day(2008, 1, 1), None) {
        Err(AppError::Invalid(errors)) => assert_eq!(errors[0].field(), "to"),
        other => panic!("a reversed range must be refused: {other:?}"),
    }
    let unknown = ReportQuery { period: Period::year(2008).unwrap(), office: Some(OfficeId::new()) };
    refused_for(k.app.report(&k.analyst, &unknown), "office");
    // Reports are for those who read statistics: not the hotline, not a lawyer.
    for actor in [&k.operator, &k.lawyer] {
        let asked = ReportQuery { period: Period::year(2008).unwrap(), office: None };
        assert!(matches!(k.app.report(actor, &asked), Err(AppError::Forbidden)));
    }

    let empty = year(&k, &k.analyst, 2030, None);
    assert!(empty.empty, "nothing happened in 2030");
    assert_eq!(empty.tables.len(), table::ALL.len(), "every table is there, empty");
    assert!(empty.tables.iter().all(|t| t.rows.is_empty()));
    assert!(empty.missing_rates.is_empty());
    let one_quiet_day = ReportQuery::custom(day(2008, 6, 15), day(2008, 6, 15), Some(k.hq)).unwrap();
    assert!(k.app.report(&k.analyst, &one_quiet_day).unwrap().empty);
}

fn the_public_release_hides_small_counts_for_those_who_read_reports_and_is_audited(store: Store) {
    let k = komek(store);
    a_small_year(&k);
    let asked = ReportQuery { period: Period::year(2008).unwrap(), office: None };
    let release = k.app.public_release(&k.analyst, &asked, 3).unwrap().unwrap();
    let report = year(&k, &k.analyst, 2008, None);
    assert_eq!(release.tables.len(), report.tables.len() - komek_domain::reports::table::STAFF_ONLY.len());
    for table in &release.tables {
        for row in &table.rows {
            for figure in &row.figures {
                if let Figure::Count(n) = figure {
                    assert!(*n == 0 || *n >= 3, "{}: {} shows {n}", table.id, row.code());
                }
            }
        }
    }
    // What the release shows is what the report counted.
    let shown = release.table(table::APPEALS_TOTAL).and_then(|t| t.figure("total", column::APPEALS));
    let counted = t(&report, table::APPEALS_TOTAL).count("total", column::APPEALS).unwrap();
    assert!(shown == Some(Figure::Count(counted)) || shown == Some(Figure::Hidden), "{shown:?}");

    for (threshold, field) in [(1, "threshold"), (5_000, "threshold")] {
        match k.app.public_release(&k.analyst, &asked, threshold) {
            Err(AppError::Invalid(errors)) => assert_eq!(errors[0].field(), field),
            other => panic!("a threshold of {threshold} must be refused: {other:?}"),
        }
    }
    for actor in [&k.operator, &k.lawyer] {
        assert!(matches!(k.app.public_release(actor, &asked, 10), Err(AppError::Forbidden)));
    }
    let log = k.app.audit_log(&Actor::System, &Filter::default(), 50).unwrap();
    assert!(
        log.iter().any(|l| l.record_kind == "public-release"
            && l.detail == "all offices, threshold 3"
            && l.username.as_deref() == Some("asel")),
        "{log:?}"
    );
}

fn a_missing_rate_is_named_and_the_rest_of_the_report_stands(store: Store) {
    let k = komek(store);
    a_small_year(&k);
    // No dollar rate before 2008 in the defaults: a report from 31 December 2007 needs one.
    let query = ReportQuery::custom(day(2007, 12, 31), day(2008, 1, 31), None).unwrap();
    let report = k.app.report(&k.analyst, &query).unwrap();
    assert_eq!(report.missing_rates, vec![MissingRate { currency: Currency::USD, on: day(2007, 12, 31) }]);
    let wages = t(&report, table::WAGES_BY_OCCUPATION);
    assert_eq!(wages.cell("handyman", column::AVERAGE_USD), Some(&Cell::Missing));
    // Two of 2008 and the one of the evening before: (99,000 + 18,000 + 20,000) / 3.
    assert_eq!(money(wages, "handyman", column::AVERAGE_KZT), Money { minor: 4_566_667, currency: Currency::KZT });
    assert_eq!(counts(t(&report, table::APPEALS_TOTAL)), expect(&[("total", 4)]));

    // The administrator adds the rate; the same report is complete.
    let rate = ExchangeRate { currency: Currency::USD, valid_from: day(2007, 1, 1), tenge_per_unit_minor: 12_250 };
    k.app.set_exchange_rate(&k.admin, rate).unwrap();
    let report = k.app.report(&k.analyst, &query).unwrap();
    assert!(report.missing_rates.is_empty());
    // 45,666.67 tenge at 122.50, from the exact sum: $372.79.
    assert_eq!(
        money(t(&report, table::WAGES_BY_OCCUPATION), "handyman", column::AVERAGE_USD),
        Money { minor: 37_279, currency: Currency::USD }
    );

    // A wage in dollars needs the dollar rate for its tenge figure too.
    k.app.remove_exchange_rate(&k.admin, Currency::USD, day(2008, 1, 1)).unwrap();
    k.app.remove_exchange_rate(&k.admin, Currency::USD, day(2007, 1, 1)).unwrap();
    let report = year(&k, &k.analyst, 2008, Some(k.away));
    assert_eq!(report.missing_rates, vec![MissingRate { currency: Currency::USD, on: day(2008, 1, 1) }]);
    let wages = t(&report, table::WAGES_BY_OCCUPATION);
    assert_eq!(wages.cell("foreman", column::AVERAGE_KZT), Some(&Cell::Missing));
    assert_eq!(money(wages, "agricultural-worker", column::AVERAGE_KZT), kzt(10_000));
    assert_eq!(counts(t(&report, table::APPEALS_TOTAL)), expect(&[("total", 2)]));
}

fn exchange_rates_are_kept_by_administrators_and_audited(store: Store) {
    let k = komek(store);
    let rates = k.app.exchange_rates(&k.analyst).unwrap();
    assert_eq!(
        rates[0],
        ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 }
    );
    let in_force = k.app.exchange_rate_on(&k.analyst, Currency::USD, day(2008, 7, 1)).unwrap().unwrap();
    assert_eq!(in_force.tenge_per_unit().to_string(), "150 ₸");
    assert!(matches!(k.app.exchange_rates(&k.operator), Err(AppError::Forbidden)));

    let rub = ExchangeRate { currency: Currency::RUB, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 500 };
    assert!(matches!(k.app.set_exchange_rate(&k.analyst, rub), Err(AppError::Forbidden)));
    k.app.set_exchange_rate(&k.admin, rub).unwrap();
    k.app.set_exchange_rate(&k.admin, ExchangeRate { tenge_per_unit_minor: 480, ..rub }).unwrap();
    assert_eq!(
        k.app.exchange_rate_on(&k.analyst, Currency::RUB, day(2008, 3, 1)).unwrap().map(|r| r.tenge_per_unit_minor),
        Some(480)
    );
    let bad = ExchangeRate { tenge_per_unit_minor: 0, ..rub };
    match k.app.set_exchange_rate(&k.admin, bad) {
        Err(AppError::Invalid(errors)) => assert_eq!(errors[0].field(), "rate"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(k.app.remove_exchange_rate(&k.admin, Currency::RUB, day(2009, 1, 1)), Err(AppError::NotFound)));
    k.app.remove_exchange_rate(&k.admin, Currency::RUB, day(2008, 1, 1)).unwrap();
    let filter = Filter { record_id: Some("RUB 2008-01-01".into()), ..Default::default() };
    let log = k.app.audit_log(&Actor::System, &filter, 10).unwrap();
    let entries: Vec<(&str, &str)> = log.iter().rev().map(|l| (l.action.as_str(), l.detail.as_str())).collect();
    assert_eq!(entries, vec![("create", "500"), ("update", "480 (was 500)"), ("delete", "")]);
}

komek_store::on_both_back_ends!(
    a_small_year_gives_every_figure_of_the_report,
    bad_input_is_refused_clearly_and_an_empty_period_says_so,
    the_public_release_hides_small_counts_for_those_who_read_reports_and_is_audited,
    a_missing_rate_is_named_and_the_rest_of_the_report_stands,
    exchange_rates_are_kept_by_administrators_and_audited,
    a_release_made_is_recorded_in_the_ledger_and_one_looked_at_is_not,
    a_private_release_draws_its_noise_once_and_spends_the_budget_of_each_year_it_touches,
);

fn a_private_release_draws_its_noise_once_and_spends_the_budget_of_each_year_it_touches(store: Store) {
    use komek_app::public_releases::{Mode, Refusal};
    use komek_domain::private_release::{self, is_template};
    let k = komek(store);
    a_small_year(&k);
    let year = ReportQuery { period: Period::year(2008).unwrap(), office: None };
    let budget = k.app.privacy_budget(&k.analyst).unwrap();
    assert_eq!((budget.per_year_milli, budget.spent.clone()), (1000, vec![]), "ε = 1 a year to start with");

    // Looking draws nothing and records nothing: the layout only.
    let looked = k.app.private_release(&k.analyst, &year, 400).unwrap().unwrap();
    assert!(is_template(&looked), "{looked:?}");
    assert!(k.app.release_ledger(&k.analyst).unwrap().entries.is_empty());

    // Made: every count carries noise; recorded with its ε; the year's budget spent.
    let made = k.app.make_private_release(&k.analyst, &year, 400).unwrap().unwrap();
    assert_eq!(made.mode, Mode::Private { epsilon_milli: 400 });
    let report = k.app.report(&k.analyst, &year).unwrap();
    let exact = private_release::private_release(&report, 400, |a| Ok::<_, ()>(a.counts.clone())).unwrap();
    let figures = |r: &komek_domain::public_release::Release| komek_domain::release_ledger::figures_of(r);
    let (noisy, truth) = (figures(&made), figures(&exact));
    assert_eq!(noisy.len(), truth.len(), "the same lines as the truth: every code of every list");
    assert!(noisy.iter().zip(&truth).any(|(n, t)| n.figure != t.figure), "the figures carry noise");
    assert!(noisy.iter().all(|f| matches!(f.figure, Figure::Count(_))), "counts only: no money, nothing hidden");
    let ledger = k.app.release_ledger(&k.analyst).unwrap();
    assert_eq!(ledger.entries.len(), 1);
    assert_eq!(ledger.entries[0].0.epsilon_milli(), Some(400));
    assert_eq!(k.app.privacy_budget(&k.analyst).unwrap().spent, vec![(2008, 400)]);

    // Made or looked at again: the figures drawn the first time, nothing more spent.
    assert_eq!(k.app.make_private_release(&Actor::System, &year, 400).unwrap().unwrap(), made);
    assert_eq!(k.app.private_release(&k.analyst, &year, 400).unwrap().unwrap(), made);
    assert_eq!(k.app.privacy_budget(&k.analyst).unwrap().spent, vec![(2008, 400)]);
    assert_eq!(k.app.release_ledger(&k.analyst).unwrap().entries.len(), 1);

    // Another period of the same year spends from the same budget; past it, refused naming the
    // year, recorded nowhere. A period over two years spends on both.
    let january = ReportQuery { period: Period::month(2008, 1).unwrap(), office: None };
    k.app.make_private_release(&k.analyst, &january, 500).unwrap().unwrap();
    let over = Refusal::OverBudget { year: 2008, spent_milli: 900, budget_milli: 1000 };
    assert_eq!(k.app.private_release(&k.analyst, &january, 200).unwrap(), Err(over.clone()));
    assert_eq!(k.app.make_private_release(&k.analyst, &january, 200).unwrap(), Err(over));
    let two_years = ReportQuery { period: Period::custom(day(2007, 12, 1), day(2008, 1, 31)).unwrap(), office: None };
    let over = Refusal::OverBudget { year: 2008, spent_milli: 900, budget_milli: 1000 };
    assert_eq!(k.app.make_private_release(&k.analyst, &two_years, 200).unwrap(), Err(over));
    k.app.make_private_release(&k.analyst, &two_years, 100).unwrap().unwrap();
    assert_eq!(k.app.privacy_budget(&k.analyst).unwrap().spent, vec![(2008, 1000), (2007, 100)]);

    // An administrator raises the budget; audited. Others may not; an ε out of range is refused.
    assert!(matches!(k.app.set_privacy_budget(&k.analyst, 2000), Err(AppError::Forbidden)));
    k.app.set_privacy_budget(&k.admin, 2000).unwrap();
    k.app.make_private_release(&k.analyst, &january, 200).unwrap().unwrap();
    for bad in [0, 5, 10_001] {
        let refused = k.app.private_release(&k.analyst, &year, bad);
        assert!(matches!(&refused, Err(AppError::Invalid(e)) if e[0].field() == "epsilon"), "{bad}: {refused:?}");
        let refused = k.app.set_privacy_budget(&k.admin, bad);
        assert!(matches!(&refused, Err(AppError::Invalid(e)) if e[0].field() == "budget"), "{bad}: {refused:?}");
    }
    for actor in [&k.operator, &k.lawyer] {
        assert!(matches!(k.app.make_private_release(actor, &year, 100), Err(AppError::Forbidden)));
        assert!(matches!(k.app.privacy_budget(actor), Err(AppError::Forbidden)));
    }
    let log = k.app.audit_log(&Actor::System, &Filter::default(), 100).unwrap();
    let private = log.iter().filter(|l| l.record_kind == "public-release" && l.detail.contains("private, ε"));
    assert_eq!(private.filter(|l| l.detail.ends_with("recorded in the ledger")).count(), 4, "{log:?}");
    assert!(log.iter().any(|l| l.record_kind == "privacy-budget" && l.detail == "ε per year 1 → 2"));
}

fn a_release_made_is_recorded_in_the_ledger_and_one_looked_at_is_not(store: Store) {
    let k = komek(store);
    a_small_year(&k);
    let year = ReportQuery { period: Period::year(2008).unwrap(), office: None };
    let looked = k.app.public_release(&k.analyst, &year, 3).unwrap().unwrap();
    assert!(k.app.release_ledger(&k.analyst).unwrap().entries.is_empty(), "looking records nothing");
    let made = k.app.make_public_release(&k.analyst, &year, 3).unwrap().unwrap();
    assert_eq!(made, looked, "nothing earlier to hide more for");
    let ledger = k.app.release_ledger(&k.analyst).unwrap();
    assert_eq!(ledger.entries.len(), 1);
    let (entry, by) = &ledger.entries[0];
    assert_eq!((entry.period, entry.office, entry.threshold()), (year.period, None, Some(3)));
    assert_eq!(by.as_deref(), Some("asel"), "display name as created");
    assert_eq!(entry.figures, komek_domain::release_ledger::figures_of(&made));
    // Made again, the same figures; made by the command line, no one named.
    assert_eq!(k.app.make_public_release(&Actor::System, &year, 3).unwrap().unwrap(), made);
    let ledger = k.app.release_ledger(&k.analyst).unwrap();
    assert_eq!(ledger.entries.len(), 2);
    assert_eq!(ledger.entries[0].1, None, "the latest first");
    for actor in [&k.operator, &k.lawyer] {
        assert!(matches!(k.app.release_ledger(actor), Err(AppError::Forbidden)));
        assert!(matches!(k.app.make_public_release(actor, &year, 3), Err(AppError::Forbidden)));
    }
    let log = k.app.audit_log(&Actor::System, &Filter::default(), 50).unwrap();
    let recorded =
        log.iter().filter(|l| l.record_kind == "public-release" && l.detail.ends_with("recorded in the ledger"));
    assert_eq!(recorded.count(), 2, "{log:?}");
}

// ---------------------------------------------------------------------------------------
// The seed reproduced.

/// The 2008 annual report of the seed, counted from the demo year's records by the report.
fn the_2008_demo_report_shows_the_seed_figures(store: Store) {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    demo::generate(&app, demo::DEFAULT_SEED, &|id: &str| id.to_owned()).unwrap();
    let analyst = app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == "analyst").unwrap();
    let report =
        app.report(&Actor::Staff(analyst), &ReportQuery { period: Period::year(2008).unwrap(), office: None }).unwrap();
    assert!(!report.empty && report.missing_rates.is_empty());

    assert_eq!(counts(t(&report, table::APPEALS_TOTAL)), expect(&[("total", 2_560)]));
    assert_eq!(counts(t(&report, table::APPEALS_BY_MONTH)).iter().map(|(_, n)| n).sum::<u64>(), 2_560);
    let channels = counts(t(&report, table::APPEALS_BY_CHANNEL));
    assert_eq!(channels.iter().map(|(_, n)| n).sum::<u64>(), 2_560);
    let topics = t(&report, table::APPEALS_BY_TOPIC);
    let group = |code| topics.count(code, column::APPEALS).unwrap() as usize;
    assert_eq!(group("employment-contracts-registration"), figures::EMPLOYMENT_GROUP, "1,324");
    assert_eq!(group("citizenship-residence"), figures::CITIZENSHIP_GROUP, "819");
    assert_eq!(group("private-matters"), figures::PRIVATE_MATTERS, "417");
    assert_eq!(group("legal-consultations"), figures::LEGAL_CONSULTATIONS, "1,899");

    let percents = |id| {
        let table = t(&report, id);
        counts(table).into_iter().map(|(code, _)| (code.clone(), share(table, &code).percent().unwrap())).collect()
    };
    let sectors: Vec<(String, u64)> = percents(table::SECTORS);
    assert_eq!(
        sectors,
        expect(&[("trade", 3), ("construction", 43), ("services", 13), ("industry", 1), ("agriculture", 40)])
    );
    let reasons: Vec<(String, u64)> = percents(table::MIGRATION_REASONS);
    assert_eq!(reasons, expect(&[("economic", 86), ("family", 8), ("business", 4), ("political", 2)]));
    for (id, published) in [(table::SECTORS, &figures::SECTORS[..]), (table::MIGRATION_REASONS, &figures::REASONS[..])]
    {
        let table = t(&report, id);
        let given: usize = published.iter().map(|(_, n)| n).sum();
        for (code, n) in published {
            assert_eq!(share(table, code), Share::new(*n as u64, given as u64), "{code}: kept exact");
        }
    }

    // The wage table: tenge as published, dollars at 150 to the cent, and the seed's own
    // figures when cut to one decimal as it prints them.
    let wages = t(&report, table::WAGES_BY_OCCUPATION);
    assert_eq!(wages.rows.len(), figures::WAGES.len());
    let published_dollars = ["120.0", "133.3", "166.6", "66.6", "266.6", "146.6", "166.6"];
    for ((occupation, tenge), seed) in figures::WAGES.iter().zip(published_dollars) {
        assert_eq!(money(wages, occupation, column::AVERAGE_KZT), kzt(*tenge), "{occupation}");
        let dollars = money(wages, occupation, column::AVERAGE_USD);
        assert_eq!(dollars.minor, (tenge * 100 * 100 * 2 + 15_000) / (15_000 * 2), "{occupation}: to the cent");
        assert_eq!(one_decimal_truncated(dollars), seed, "{occupation}");
    }
    assert_eq!(money(wages, "handyman", column::AVERAGE_USD), Money { minor: 12_000, currency: Currency::USD });
    assert_eq!(money(wages, "foreman", column::AVERAGE_USD), Money { minor: 26_667, currency: Currency::USD });

    assert_eq!(t(&report, table::VICTIMS_ASSISTED).count("total", column::PERSONS), Some(figures::VICTIMS as u64));
    assert_eq!(
        counts(t(&report, table::REPATRIATED_BY_CITIZENSHIP)),
        expect(&[("UZ", 27), ("KZ", 1), ("IL", 1), ("total", 29)])
    );
    assert_eq!(t(&report, table::SERVICES_BY_KIND).count("repatriation", column::SERVICES), Some(29));
    // One case to court: a seven-year sentence.
    assert_eq!(counts(t(&report, table::PROCEEDINGS_BY_OUTCOME)), expect(&[("sentence", 1), ("total", 1)]));
    let prevalence = t(&report, table::INDICATOR_PREVALENCE);
    assert_eq!(prevalence.count("fl-p-confiscation-documents", column::ASSESSED), Some(42), "every case assessed");

    // The mobile group's year: three raids a month, one called off; the seed's raid to a
    // Maktaaral cotton farm among them, with its 11 minors.
    let visits = t(&report, table::VISITS_BY_MONTH);
    assert_eq!(visits.count("total", column::VISITS), Some(35));
    assert!(visits.rows.iter().filter(|r| r.label != Label::Total).all(|r| r.cells[0] != Cell::Count(0)), "monthly");
    let districts = t(&report, table::VISITS_BY_DISTRICT);
    assert!(districts.count("maktaaral", column::MINORS_MET).unwrap() >= 11);
    for id in [table::VISITS_BY_DISTRICT, table::VISITS_BY_PLACE_KIND] {
        for c in komek_domain::reports::VISIT_COLUMNS {
            assert_eq!(t(&report, id).count("total", c), visits.count("total", c), "{id} {c}: one total");
        }
    }
    let kinds = t(&report, table::VIOLATIONS_BY_KIND);
    assert!(kinds.count("documents-withheld", column::VIOLATIONS).unwrap() >= 1);
    assert_eq!(kinds.count("total", column::VIOLATIONS), visits.count("total", column::VIOLATIONS));
}

#[test]
fn the_2008_demo_report_shows_the_seed_figures_on_sqlite() {
    let db = komek_store::testing::SqliteDb::new();
    the_2008_demo_report_shows_the_seed_figures(db.store.clone());
}

#[test]
fn the_2008_demo_report_shows_the_seed_figures_on_postgres() {
    if let Some(db) = komek_store::testing::PostgresDb::new() {
        the_2008_demo_report_shows_the_seed_figures(db.store.clone());
    }
}
