//! The organisation's own lists through the services, on both back ends: an administrator
//! adds a topic and retires another; the new one is chosen and counted, the retired one stays
//! on the appeals that hold it and in their report, and is no longer taken up.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use komek_app::audit::Filter;
use komek_app::lookups::CodeChange;
use komek_app::reports::ReportQuery;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::entities::Appeal;
use komek_domain::lookups::{self, TOPIC};
use komek_domain::reports::{Period, column, table};
use komek_domain::{AccountId, AppealId, OfficeId, Role, ValidationError};
use komek_store::Store;

komek_store::on_both_back_ends!(
    a_topic_added_is_chosen_and_counted_and_a_retired_one_stays_where_it_was,
    only_an_administrator_changes_an_editable_list_and_each_change_is_checked,
);

struct Office {
    app: App,
    admin: Actor,
    operator: Actor,
}

fn office(store: Store) -> Office {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let staff = |name: &str, role| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, hq.id, "ru").unwrap().account)
    };
    Office { admin: staff("aigerim", Role::Administrator), operator: staff("dilnoza", Role::HotlineOperator), app }
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
