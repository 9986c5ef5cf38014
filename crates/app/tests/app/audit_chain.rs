//! The audit chain notices edits, removals and reorderings made directly in the database,
//! and the database holds no identifying data in plaintext. Both back ends.

use komek_app::audit::{self, Verdict};
use komek_app::{Actor, App, Keys, MasterKey, Settings};
use komek_domain::entities::{PersonIdentity, PersonProfile};
use komek_store::Store;

fn app_with_history(store: Store) -> App {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let office = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    for name in ["Хусан Абдуллаев", "Азамат Токтогулов", "Шахноза Каримова", "Ержан Турсунбаев"]
    {
        let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
        let identity = PersonIdentity {
            full_name: name.into(),
            phones: vec!["+998 90 123-45-67".into()],
            documents: vec!["AA7654321".into()],
            ..Default::default()
        };
        app.register_person(&Actor::System, Some(office.id), profile, identity).unwrap();
    }
    app
}

fn verdict(app: &App) -> Verdict {
    audit::verify(app.store(), app.keys()).unwrap()
}

fn tamper(app: &App, sql: &str) {
    app.store().write(|tx| tx.execute(sql, &[])).unwrap();
}

/// A fresh database and whatever keeps it alive (dropping it removes the database).
type Fresh = dyn Fn() -> (Box<dyn std::any::Any>, Store);

fn edits_removals_and_swaps_are_found(fresh: &Fresh) {
    let (_db, store) = fresh();
    let app = app_with_history(store);
    assert_eq!(verdict(&app), Verdict::Intact { entries: 5 });
    tamper(&app, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 3");
    assert!(matches!(verdict(&app), Verdict::Broken { seq: 3, .. }), "{:?}", verdict(&app));

    let (_db, store) = fresh();
    let app = app_with_history(store);
    tamper(&app, "DELETE FROM audit_log WHERE seq = 2");
    assert!(matches!(verdict(&app), Verdict::Broken { seq: 2, .. }), "{:?}", verdict(&app));

    let (_db, store) = fresh();
    let app = app_with_history(store);
    // Swap entries 2 and 3, each keeping the other's sequence number.
    tamper(&app, "UPDATE audit_log SET seq = seq + 1000 WHERE seq IN (2, 3)");
    tamper(&app, "UPDATE audit_log SET seq = 3 WHERE seq = 1002");
    tamper(&app, "UPDATE audit_log SET seq = 2 WHERE seq = 1003");
    assert!(matches!(verdict(&app), Verdict::Broken { seq: 2, .. }), "{:?}", verdict(&app));

    let (_db, store) = fresh();
    let app = app_with_history(store);
    tamper(&app, "DELETE FROM audit_log WHERE seq = 5");
    assert!(matches!(verdict(&app), Verdict::Broken { seq: 5, .. }), "{:?}", verdict(&app));
}

#[test]
fn edits_removals_and_swaps_are_found_on_sqlite() {
    edits_removals_and_swaps_are_found(&|| {
        let db = komek_store::testing::SqliteDb::new();
        let store = db.store.clone();
        (Box::new(db), store)
    });
}

#[test]
fn edits_removals_and_swaps_are_found_on_postgres() {
    if komek_store::testing::PostgresDb::new().is_none() {
        return;
    }
    edits_removals_and_swaps_are_found(&|| {
        let db = komek_store::testing::PostgresDb::new().expect("PostgreSQL answered a moment ago");
        let store = db.store.clone();
        (Box::new(db), store)
    });
}

#[test]
fn the_sqlite_file_holds_no_name_phone_or_passport_in_plaintext() {
    let db = komek_store::testing::SqliteDb::new();
    app_with_history(db.store.clone());
    // The main file and the write-ahead log together hold everything written.
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(&db.dir).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    for secret in ["Хусан", "Абдуллаев", "Токтогулов", "123-45-67", "901234567", "AA7654321", "7654321"]
    {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "{secret} found in plaintext");
    }
}
