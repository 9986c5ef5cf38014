//! Audited reads at scale: reads hand their entries to one appender that commits those of
//! all waiting reads together, the chain stays one intact sequence under concurrent reads and
//! writes, a search is one entry naming what it showed, and an answered read's entry is
//! already in the database. Both back ends.

use std::sync::Arc;

use komek_app::audit::{self, Filter, Verdict};
use komek_app::{Actor, App, Keys, MasterKey, Settings};
use komek_domain::entities::{PersonIdentity, PersonProfile};
use komek_domain::{PersonId, Role};
use komek_store::Store;

fn app_with_operator(store: Store) -> (App, Actor) {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let created = app.create_account(&Actor::System, "aigerim", "Aigerim", Role::HotlineOperator, hq.id, "ru").unwrap();
    (app, Actor::Staff(created.account))
}

fn register(app: &App, actor: &Actor, name: &str) -> PersonId {
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: name.into(), ..Default::default() };
    app.register_person(actor, None, profile, identity).unwrap()
}

fn entries(store: &Store) -> i64 {
    store.read(|tx| tx.query_i64("SELECT count(*) FROM audit_log", &[])).unwrap()
}

const NAMES: [&str; 4] = ["Абдуллаев Хусан", "Абдуллаев Хасан", "Абдуллаева Шахноза", "Абдуллаев Рустам"];

/// Threads reading, searching and registering at once on one App: every answered request
/// leaves exactly one entry, and the chain verifies.
fn concurrent_reads_and_writes_keep_one_intact_chain(store: Store, _other: &dyn Fn() -> Store) {
    let (app, operator) = app_with_operator(store);
    let persons: Vec<PersonId> = NAMES.iter().map(|n| register(&app, &operator, n)).collect();
    let before = entries(app.store());
    let (app, operator, persons) = (Arc::new(app), Arc::new(operator), Arc::new(persons));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (app, operator, persons) = (app.clone(), operator.clone(), persons.clone());
            std::thread::spawn(move || {
                let mut answered = 0;
                for i in 0..12 {
                    match (t + i) % 3 {
                        0 => {
                            app.person_file(&operator, persons[i % persons.len()]).unwrap();
                        }
                        1 => {
                            let found = app.search_persons(&operator, "Abdullaev", 5).unwrap();
                            assert!(!found.is_empty());
                        }
                        _ => {
                            register(&app, &operator, &format!("Каримов Тимур {t} {i}"));
                        }
                    }
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    let answered: i64 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(entries(app.store()) - before, answered, "one entry per answered request");
    assert_eq!(audit::verify(app.store(), app.keys()).unwrap(), Verdict::Intact { entries: before + answered });
}

/// Reads queued behind a commit in progress are committed together, in one transaction.
fn waiting_reads_are_committed_in_one_transaction(store: Store, _other: &dyn Fn() -> Store) {
    const READERS: usize = 8;
    let (app, operator) = app_with_operator(store);
    let person = register(&app, &operator, NAMES[0]);
    let (before, commits) = (entries(app.store()), app.audit_read_commits());
    let app = Arc::new(app);
    let held = app.hold_audit_appends();
    let readers: Vec<_> = (0..READERS)
        .map(|_| {
            let (app, operator) = (app.clone(), operator.clone());
            std::thread::spawn(move || app.person_file(&operator, person).map(|_| ()))
        })
        .collect();
    // The first read commits alone and is held; the others queue behind it.
    while app.audit_reads_waiting() < READERS - 1 {
        std::thread::yield_now();
    }
    drop(held);
    for r in readers {
        r.join().unwrap().unwrap();
    }
    assert_eq!(entries(app.store()) - before, READERS as i64);
    assert_eq!(app.audit_read_commits() - commits, 2, "the held read's commit, then all the others in one");
    assert!(matches!(audit::verify(app.store(), app.keys()).unwrap(), Verdict::Intact { .. }));
}

/// A search is one entry naming every person it showed, found by each person's id.
fn a_search_is_one_entry_naming_what_it_showed(store: Store, _other: &dyn Fn() -> Store) {
    let (app, operator) = app_with_operator(store);
    let persons: Vec<PersonId> = NAMES.iter().map(|n| register(&app, &operator, n)).collect();
    let before = entries(app.store());
    let found = app.search_persons(&operator, "Abdullaev", 5).unwrap();
    assert!(found.len() >= 3, "{}", found.len());
    assert_eq!(entries(app.store()) - before, 1, "one entry for the search, none per person shown");
    let manager = Actor::System;
    for m in &found {
        let filter = Filter { record_id: Some(m.person.id.to_string()), ..Default::default() };
        let lines = app.audit_log(&manager, &filter, 50).unwrap();
        assert!(
            lines.iter().any(|l| l.action == "search" && l.detail.contains(&m.person.id.to_string())),
            "the search that showed {} is found by its id",
            m.person.id
        );
        assert!(lines.iter().any(|l| l.action == "create"), "and so is its creation");
    }
    let shown: Vec<PersonId> = found.iter().map(|m| m.person.id).collect();
    for p in persons.iter().filter(|p| !shown.contains(p)) {
        let filter = Filter { record_id: Some(p.to_string()), ..Default::default() };
        assert!(app.audit_log(&manager, &filter, 50).unwrap().iter().all(|l| l.action != "search"));
    }
    let everything = Filter { record_id: Some(String::new()), ..Default::default() };
    assert!(app.audit_log(&manager, &everything, 50).unwrap().is_empty(), "an empty id matches no search");
}

/// A list of names (a case's persons, the referral desk) is one entry naming each person
/// whose name it showed, found by each person's id; a person out of reach is not named.
fn a_list_of_names_is_one_entry_naming_whom_it_showed(store: Store, _other: &dyn Fn() -> Store) {
    let (app, operator) = app_with_operator(store);
    let persons: Vec<PersonId> = NAMES.iter().map(|n| register(&app, &operator, n)).collect();
    let other_office = app.create_office(&Actor::System, "tk", "Turkestan", 300).unwrap();
    let elsewhere = app.register_person(
        &Actor::System,
        Some(other_office.id),
        PersonProfile { sex: "female".into(), citizenship: "KG".into(), ..Default::default() },
        PersonIdentity { full_name: "Асанова Бегимай".into(), ..Default::default() },
    );
    let elsewhere = elsewhere.unwrap();
    let listed: Vec<PersonId> = persons.iter().copied().chain([elsewhere]).collect();
    let before = entries(app.store());
    let names = app.names_within_reach(&operator, &listed).unwrap();
    assert_eq!(names.len(), persons.len(), "the person of another office is not named");
    assert_eq!(entries(app.store()) - before, 1, "one entry for the list, none per name");
    let entries_about = |id: PersonId| {
        let filter = Filter { record_id: Some(id.to_string()), ..Default::default() };
        app.audit_log(&Actor::System, &filter, 50).unwrap()
    };
    for p in &persons {
        assert!(
            entries_about(*p).iter().any(|l| l.action == "read" && l.detail.contains(&p.to_string())),
            "the list that showed {p} is found by its id"
        );
    }
    assert!(entries_about(elsewhere).iter().all(|l| l.action != "read"), "nobody read the one out of reach");
}

/// When a read returns, its entry is committed: another connection sees it.
fn an_answered_read_is_in_the_database_when_it_returns(store: Store, other: &dyn Fn() -> Store) {
    let (app, operator) = app_with_operator(store);
    let person = register(&app, &operator, NAMES[0]);
    let elsewhere = other();
    let reads = |s: &Store| {
        s.read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM audit_log WHERE action = 'read' AND record_id = $1",
                &[person.to_string().into()],
            )
        })
        .unwrap()
    };
    for n in 1..=3 {
        app.person_file(&operator, person).unwrap();
        assert_eq!(reads(&elsewhere), n);
    }
    app.search_persons(&operator, "Husan", 5).unwrap();
    let searches =
        elsewhere.read(|tx| tx.query_i64("SELECT count(*) FROM audit_log WHERE action = 'search'", &[])).unwrap();
    assert_eq!(searches, 1);
}

/// A read whose entry cannot be committed is not answered.
fn a_read_whose_entry_fails_is_not_answered(store: Store, _other: &dyn Fn() -> Store) {
    let (app, operator) = app_with_operator(store);
    let person = register(&app, &operator, NAMES[0]);
    app.store().write(|tx| tx.execute_batch("ALTER TABLE audit_log RENAME TO audit_log_away")).unwrap();
    assert!(app.person_file(&operator, person).is_err());
    assert!(app.search_persons(&operator, "Husan", 5).is_err());
    app.store().write(|tx| tx.execute_batch("ALTER TABLE audit_log_away RENAME TO audit_log")).unwrap();
    app.person_file(&operator, person).unwrap();
    assert!(matches!(audit::verify(app.store(), app.keys()).unwrap(), Verdict::Intact { .. }));
}

macro_rules! on_both_back_ends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                let db = komek_store::testing::SqliteDb::new();
                let path = db.dir.join("komek.sqlite3");
                super::$name(db.store.clone(), &|| Store::open_sqlite(&path).unwrap());
            })+
            use komek_store::Store;
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(db) = komek_store::testing::PostgresDb::new() {
                    let url = db.url.clone();
                    super::$name(db.store.clone(), &|| Store::open_postgres(&url).unwrap());
                }
            })+
            use komek_store::Store;
        }
    };
}

on_both_back_ends!(
    concurrent_reads_and_writes_keep_one_intact_chain,
    waiting_reads_are_committed_in_one_transaction,
    a_search_is_one_entry_naming_what_it_showed,
    a_list_of_names_is_one_entry_naming_whom_it_showed,
    an_answered_read_is_in_the_database_when_it_returns,
    a_read_whose_entry_fails_is_not_answered,
);
