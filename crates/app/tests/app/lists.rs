//! The organisation's own lists through the services, on both back ends: an administrator
//! adds a topic and retires another; the new one is chosen and counted, the retired one stays
//! on the appeals that hold it and in their report, and is no longer taken up.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use komek_app::audit::Filter;
use komek_app::lookups::CodeChange;
use komek_app::reports::ReportQuery;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::casework::Proceeding;
use komek_domain::entities::{Appeal, Case};
use komek_domain::law::SavedArticle;
use komek_domain::lookups::{self, TOPIC};
use komek_domain::reports::{Period, column, table};
use komek_domain::{AccountId, AppealId, OfficeId, ProceedingId, Role, ValidationError};
use komek_store::Store;

komek_store::on_both_back_ends!(
    a_topic_added_is_chosen_and_counted_and_a_retired_one_stays_where_it_was,
    only_an_administrator_changes_an_editable_list_and_each_change_is_checked,
    changes_made_at_once_are_each_seen_and_a_list_keeps_a_code_to_offer,
    an_article_added_after_the_law_changed_is_cited_and_a_repeal_is_dated,
);

struct Office {
    app: App,
    admin: Actor,
    operator: Actor,
    lawyer: Actor,
}

fn office(store: Store) -> Office {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let staff = |name: &str, role| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, hq.id, "ru").unwrap().account)
    };
    Office {
        admin: staff("aigerim", Role::Administrator),
        operator: staff("dilnoza", Role::HotlineOperator),
        lawyer: staff("marat", Role::Lawyer),
        app,
    }
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(l, s)| (l.to_string(), s.to_string())).collect()
}

fn call(k: &Office, day: u32, topic: &str) -> Result<AppealId, AppError> {
    let received_at = Utc.with_ymd_and_hms(2008, 3, day, 10, 0, 0).unwrap();
    let appeal = Appeal {
        topics: vec![topic.to_owned()],
        help: vec!["information".into()],
        ..Appeal::received(OfficeId::new(), AccountId::new(), received_at, "hotline-phone", "migrant", "advised")
    };
    k.app.register_appeal(&k.operator, appeal)
}

fn topics_counted(k: &Office) -> Vec<(String, u64)> {
    let query = ReportQuery { period: Period::year(2008).unwrap(), office: None };
    let report = k.app.report(&k.admin, &query).unwrap();
    let topics = report.table(table::APPEALS_BY_TOPIC).unwrap();
    TOPIC_ROWS.iter().filter_map(|row| topics.count(row, column::APPEALS).map(|n| (row.to_string(), n))).collect()
}

const TOPIC_ROWS: [&str; 3] = ["private-matter", "wages-unpaid", "police-extortion"];

fn a_topic_added_is_chosen_and_counted_and_a_retired_one_stays_where_it_was(store: Store) {
    let k = office(store);
    // Before: a code no list has is refused, by the field that holds it.
    let refused = call(&k, 3, "police-extortion").unwrap_err();
    assert!(
        matches!(&refused, AppError::Invalid(e) if matches!(&e[..], [ValidationError::UnknownCode { field: "topics", list: "topic", .. }])),
        "{refused:?}"
    );
    let private = call(&k, 3, "private-matter").unwrap();
    call(&k, 4, "wages-unpaid").unwrap();
    let before = topics_counted(&k);
    assert_eq!(before, [("private-matter".to_owned(), 1), ("wages-unpaid".to_owned(), 1)]);

    // The administrator adds a topic, with labels in two languages, and retires another.
    let police = labels(&[("ru", "Вымогательство полиции"), ("en", "Police extortion")]);
    k.app.add_lookup_code(&k.admin, "topic", "police-extortion", police).unwrap();
    let version = k.app.lookups().unwrap().entry(TOPIC, "private-matter").unwrap().version;
    k.app.change_lookup_code(&k.admin, "topic", "private-matter", version, CodeChange::Retire).unwrap();

    // Old reports are unchanged: the retired code is still counted where it was.
    assert_eq!(topics_counted(&k), before);

    // The new topic is chosen and counted under its code.
    call(&k, 5, "police-extortion").unwrap();
    assert!(topics_counted(&k).contains(&("police-extortion".to_owned(), 1)));

    // The retired topic is not taken up by a new appeal …
    let refused = call(&k, 6, "private-matter").unwrap_err();
    assert!(
        matches!(&refused, AppError::Invalid(e) if matches!(&e[..], [ValidationError::RetiredCode { field: "topics", .. }])),
        "{refused:?}"
    );
    // … but the appeal that holds it is saved again with it, and keeps it.
    let record = k.app.appeal(&k.operator, private).unwrap();
    let mut kept = record.appeal.clone();
    kept.notes = Some("Перезвонил: вопрос решён.".into());
    k.app.update_appeal(&k.operator, kept, record.version).unwrap();
    assert_eq!(k.app.appeal(&k.operator, private).unwrap().appeal.topics, ["private-matter"]);

    // What the organisation set outlives the process: a new App over the same database.
    let reopened = App::new(k.app.store().clone(), k.app.keys().clone(), Settings::default());
    let lists = reopened.lookups().unwrap();
    let added = lists.entry(TOPIC, "police-extortion").unwrap();
    assert_eq!(added.label("kk"), Some("Вымогательство полиции"), "a missing label falls back to Russian");
    assert!(lists.entry(TOPIC, "private-matter").unwrap().retired());
    assert_eq!(lists.codes(TOPIC).last(), Some(&"police-extortion"));

    // Offered again, it may be chosen again.
    let version = lists.entry(TOPIC, "private-matter").unwrap().version;
    k.app.change_lookup_code(&k.admin, "topic", "private-matter", version, CodeChange::Restore).unwrap();
    call(&k, 7, "private-matter").unwrap();
}

fn only_an_administrator_changes_an_editable_list_and_each_change_is_checked(store: Store) {
    let k = office(store);
    let some = || labels(&[("ru", "Карточка")]);
    let forbidden = k.app.add_lookup_code(&k.operator, "material", "card", some()).unwrap_err();
    assert!(matches!(forbidden, AppError::Forbidden), "{forbidden:?}");
    assert!(matches!(k.app.lists_to_edit(&k.operator), Err(AppError::Forbidden)));
    // A list that carries rules in code, or no list at all, is not there to edit.
    for list in ["sex", "case-status", "no-such-list"] {
        let missing = k.app.add_lookup_code(&k.admin, list, "card", some()).unwrap_err();
        assert!(matches!(missing, AppError::NotFound), "{list}: {missing:?}");
    }
    // A code is a short Latin name, given once, with a staff-language label.
    let refused = |code: &str, labels| match k.app.add_lookup_code(&k.admin, "material", code, labels) {
        Err(AppError::Invalid(e)) => e.iter().map(ValidationError::field).collect::<Vec<_>>(),
        other => panic!("{code}: {other:?}"),
    };
    assert_eq!(refused("Карточка", some()), ["code"]);
    assert_eq!(refused("leaflet", some()), ["code"], "a code the list has already");
    assert_eq!(refused("card", labels(&[("uz", "Kartochka")])), ["label_ru"]);
    assert_eq!(refused("card", labels(&[("ru", "a\u{1b}b")])), ["label_ru"]);
    assert_eq!(refused("card", labels(&[("ru", &"я".repeat(121))])), ["label_ru"]);

    k.app.add_lookup_code(&k.admin, "material", "card", labels(&[("ru", "Карточка"), ("uz", "Kartochka")])).unwrap();
    let lists = k.app.lookups().unwrap();
    assert_eq!(lists.codes(lookups::MATERIAL).last(), Some(&"card"));

    // Moved up, it takes its neighbour's place; a stale version is a change made meanwhile.
    let version = lists.entry(lookups::MATERIAL, "card").unwrap().version;
    k.app.change_lookup_code(&k.admin, "material", "card", version, CodeChange::Move { up: true }).unwrap();
    let order = k.app.lookups().unwrap().codes(lookups::MATERIAL).iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(order, ["leaflet", "booklet", "poster", "hotline-card", "card", "memo"]);
    let stale = k.app.change_lookup_code(&k.admin, "material", "card", version, CodeChange::Retire).unwrap_err();
    assert!(matches!(stale, AppError::Conflict), "{stale:?}");

    // A shipped code renamed keeps its code; a blank label keeps the shipped translation.
    let leaflet = k.app.lookups().unwrap().entry(lookups::MATERIAL, "leaflet").unwrap().version;
    let renamed = CodeChange::Rename(labels(&[("ru", "Листовка А5"), ("kk", " ")]));
    k.app.change_lookup_code(&k.admin, "material", "leaflet", leaflet, renamed).unwrap();
    let lists = k.app.lookups().unwrap();
    assert_eq!(lists.label("material", "leaflet", "ru"), Some("Листовка А5"));
    assert_eq!(lists.label("material", "leaflet", "kk"), None);

    // Each change is in the audit log, by the administrator, naming list and code.
    let filter = Filter { record_id: Some("material/card".into()), ..Default::default() };
    let lines = k.app.audit_log(&k.admin, &filter, 10).unwrap();
    let actions: Vec<&str> = lines.iter().rev().map(|l| l.action.as_str()).collect();
    assert_eq!(actions, ["create", "update"]);
    assert!(lines.iter().all(|l| l.username.as_deref() == Some("aigerim") && l.record_kind == "lookup"));
    assert!(lines[0].detail.contains("moved up"), "{:?}", lines[0].detail);
}

fn an_article_added_after_the_law_changed_is_cited_and_a_repeal_is_dated(store: Store) {
    let k = office(store);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let article = |number: &str, from| SavedArticle {
        code: String::new(),
        book: "cc2014".into(),
        number: number.into(),
        in_force_from: from,
        in_force_to: None,
        labels: labels(&[("ru", "УК РК 2014, ст. 128-1 — Использование труда жертв торговли людьми")]),
        source: "Закон РК от 2020 года (adilet.zan.kz)".into(),
        version: 0,
    };
    // Refused: a number that is not one, a day before its code was in force, an article there
    // already, no staff-language label; and by anyone but an administrator.
    let refused = |a: SavedArticle| match k.app.add_article(&k.admin, a) {
        Err(AppError::Invalid(e)) => e.iter().map(ValidationError::field).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(refused(article("ст. 128", day(2020, 1, 1))), ["number"]);
    assert_eq!(refused(article("128-1", day(2010, 1, 1))), ["in_force_from"]);
    assert_eq!(refused(article("128", day(2020, 1, 1))), ["number"], "the shipped article 128");
    assert_eq!(
        refused(SavedArticle { labels: labels(&[("tg", "Моддаи 128-1")]), ..article("128-1", day(2020, 1, 1)) }),
        ["label_ru"]
    );
    let forbidden = k.app.add_article(&k.lawyer, article("128-1", day(2020, 1, 1))).unwrap_err();
    assert!(matches!(forbidden, AppError::Forbidden), "{forbidden:?}");

    k.app.add_article(&k.admin, article("128-1", day(2020, 1, 1))).unwrap();
    let lists = k.app.lookups().unwrap();
    let added = lists.article("cc2014-128-1").unwrap();
    assert!(added.in_force_on(day(2021, 6, 1)) && !added.in_force_on(day(2019, 6, 1)));
    let order: Vec<&str> =
        lists.articles().iter().map(|a| a.code.as_str()).filter(|c| c.starts_with("cc2014-12")).collect();
    assert_eq!(order, ["cc2014-125", "cc2014-126", "cc2014-128", "cc2014-128-1"], "by number within its code");

    // A proceeding cites it; an article no one added is refused by the field.
    let person = {
        let profile = komek_domain::entities::PersonProfile {
            sex: "female".into(),
            citizenship: "UZ".into(),
            ..Default::default()
        };
        let identity =
            komek_domain::entities::PersonIdentity { full_name: "Гульнора Т.".into(), ..Default::default() };
        k.app.register_person(&k.lawyer, None, profile, identity).unwrap()
    };
    let opened = day(2021, 3, 1);
    let case = Case {
        persons: vec![person],
        ..Case::opened(OfficeId::new(), "forced-labour", k.lawyer.account_id().unwrap(), opened)
    };
    let case = k.app.open_case(&k.lawyer, case).unwrap();
    let proceeding = |articles: &[&str]| Proceeding {
        id: ProceedingId::new(),
        case_id: case,
        kind: "criminal".into(),
        authority: "police".into(),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        stage: "pre-trial-investigation".into(),
        opened_on: opened,
        hearings: vec![],
        outcome: None,
        decided_on: None,
        sentence_months: None,
        fine: None,
        notes: String::new(),
    };
    k.app.add_proceeding(&k.lawyer, proceeding(&["cc2014-128", "cc2014-128-1"])).unwrap();
    let unknown = k.app.add_proceeding(&k.lawyer, proceeding(&["cc2014-128-9"])).unwrap_err();
    assert!(
        matches!(&unknown, AppError::Invalid(e) if matches!(&e[..], [ValidationError::UnknownCode { field: "articles", list: "law-article", .. }])),
        "{unknown:?}"
    );

    // Repealed: a last day in force, from the version read; a stale version is refused.
    let read = k.app.lookups().unwrap().article("cc2014-128-1").unwrap().saved();
    let repealed = SavedArticle { in_force_to: Some(day(2024, 12, 31)), ..read.clone() };
    k.app.change_article(&k.admin, repealed.clone()).unwrap();
    assert!(matches!(k.app.change_article(&k.admin, repealed), Err(AppError::Conflict)));
    let after = k.app.lookups().unwrap();
    assert!(!after.article("cc2014-128-1").unwrap().in_force_on(day(2025, 1, 1)));
    // A shipped article's dates are the organisation's to correct too, within its code's.
    let shipped = after.article("cc2014-128").unwrap().saved();
    let early = SavedArticle { in_force_from: day(2014, 1, 1), ..shipped };
    assert!(matches!(k.app.change_article(&k.admin, early), Err(AppError::Invalid(_))));

    let filter = Filter { record_id: Some("cc2014-128-1".into()), ..Default::default() };
    let actions: Vec<String> =
        k.app.audit_log(&k.admin, &filter, 10).unwrap().iter().rev().map(|l| l.action.clone()).collect();
    assert_eq!(actions, ["create", "update"]);
}

fn changes_made_at_once_are_each_seen_and_a_list_keeps_a_code_to_offer(store: Store) {
    let k = office(store);
    // Four administrators' pages at once: each code added is in the lists the forms read.
    std::thread::scope(|scope| {
        for n in 0..4 {
            let k = &k;
            scope.spawn(move || {
                let code = format!("crop-{n}");
                k.app.add_lookup_code(&k.admin, "occupation", &code, labels(&[("ru", &code)])).unwrap();
            });
        }
    });
    let occupations =
        k.app.lookups().unwrap().codes(lookups::OCCUPATION).iter().map(|c| c.to_string()).collect::<Vec<_>>();
    for n in 0..4 {
        assert!(occupations.contains(&format!("crop-{n}")), "{occupations:?}");
    }
    // Added twice: taken, by the field.
    let again = k.app.add_lookup_code(&k.admin, "occupation", "crop-0", labels(&[("ru", "x")])).unwrap_err();
    assert!(matches!(&again, AppError::Invalid(e) if e == &[ValidationError::Taken { field: "code" }]), "{again:?}");

    // Every channel but one retired: the last one stays, or no form could be saved.
    let channels: Vec<String> = lookups::CHANNEL.codes.iter().map(|c| c.to_string()).collect();
    for code in &channels[1..] {
        k.app.change_lookup_code(&k.admin, "channel", code, 0, CodeChange::Retire).unwrap();
    }
    let last = k.app.change_lookup_code(&k.admin, "channel", &channels[0], 0, CodeChange::Retire).unwrap_err();
    assert!(matches!(last, AppError::Invalid(_)), "{last:?}");
    assert_eq!(k.app.lookups().unwrap().options(lookups::CHANNEL, &[]), [channels[0].as_str()]);
}
