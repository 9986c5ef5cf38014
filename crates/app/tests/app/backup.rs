//! Encrypted backups give back every record, on either back end and across them, and refuse
//! a changed, cut-short or foreign file without touching the target.

use komek_app::backup::{self, BackupError};
use komek_app::{Actor, App, Keys, MasterKey, Settings, audit::Verdict, demo};
use komek_store::Store;
use komek_store::repo::tables::DATA_TABLES;

fn demo_app(store: Store, master: &MasterKey) -> App {
    let app = App::new(store.clone(), Keys::load_or_create(&store, master).unwrap(), Settings::default());
    app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    demo::generate(&app, 3, &|id: &str| id.to_owned()).unwrap();
    app
}

fn counts(store: &Store) -> Vec<(String, i64)> {
    DATA_TABLES
        .iter()
        .map(|(t, _)| {
            (t.to_string(), store.read(|tx| tx.query_i64(&format!("SELECT count(*) FROM {t}"), &[])).unwrap())
        })
        .collect()
}

/// A scanned contract attached to the first case: evidence files travel in backups too.
const CONTRACT: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn attach_contract(app: &App) -> (komek_domain::CaseId, komek_domain::EvidenceId) {
    let case = app.cases(&Actor::System, &Default::default(), 0).unwrap().items[0].case.id;
    let file = app.add_evidence(&Actor::System, case, "договор.pdf", CONTRACT).unwrap();
    (case, file)
}

fn assert_contract_restored(
    restored: &Store,
    master: &MasterKey,
    (case, file): (komek_domain::CaseId, komek_domain::EvidenceId),
) {
    let app = App::new(restored.clone(), Keys::load_or_create(restored, master).unwrap(), Settings::default());
    let (meta, content) = app.evidence_file(&Actor::System, case, file).unwrap();
    assert_eq!((meta.name.as_str(), content.as_slice()), ("договор.pdf", CONTRACT));
}

/// The restored instance holds the rows of the snapshot (`expected`, counted just before the
/// backup: the backup's own audit entry comes after it), opens with the same master key, finds
/// people by name, and its audit chain is intact.
fn assert_same_instance(expected: &[(String, i64)], restored: &Store, master: &MasterKey) {
    assert_eq!(counts(restored), expected);
    let app = App::new(restored.clone(), Keys::load_or_create(restored, master).unwrap(), Settings::default());
    assert!(matches!(app.verify_audit(&Actor::System).unwrap(), Verdict::Intact { .. }));
    let found = app.search_persons(&Actor::System, "Husan Abdullaev", 5).unwrap();
    assert!(found.iter().any(|m| m.person.identity.as_ref().unwrap().full_name == "Хусан Абдуллаев"));
}

#[test]
fn a_backup_restores_on_sqlite_and_moves_to_postgres_and_damage_is_refused() {
    let master = MasterKey::generate();
    let source = komek_store::testing::SqliteDb::new();
    let app = demo_app(source.store.clone(), &master);
    let contract = attach_contract(&app);
    let expected = counts(app.store());
    let mut file = Vec::new();
    let summary = app.create_backup(&Actor::System, &mut file).unwrap();
    assert!(summary.rows > 10_000, "{summary:?}");
    assert!(!String::from_utf8_lossy(&file).contains("Абдуллаев"), "the backup is encrypted");

    let target = komek_store::testing::SqliteDb::new();
    assert_eq!(backup::restore(&target.store, &master, &file[..]).unwrap(), summary);
    assert_same_instance(&expected, &target.store, &master);
    assert_contract_restored(&target.store, &master, contract);
    assert!(!String::from_utf8_lossy(&file).contains("Catalog"), "evidence files are encrypted in the backup");
    // A second restore into the now full database is refused.
    assert!(matches!(backup::restore(&target.store, &master, &file[..]), Err(BackupError::NotEmpty)));

    if let Some(postgres) = komek_store::testing::PostgresDb::new() {
        backup::restore(&postgres.store, &master, &file[..]).unwrap();
        assert_same_instance(&expected, &postgres.store, &master);
        assert_contract_restored(&postgres.store, &master, contract);
    }

    let empty = komek_store::testing::SqliteDb::new();
    let fresh = counts(&empty.store);
    let mut changed = file.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x20;
    assert!(matches!(backup::restore(&empty.store, &master, &changed[..]), Err(BackupError::Tampered)));
    let cut = &file[..file.len() - 100];
    assert!(matches!(backup::restore(&empty.store, &master, cut), Err(BackupError::Truncated)));
    let other_key = MasterKey::generate();
    assert!(matches!(backup::restore(&empty.store, &other_key, &file[..]), Err(BackupError::WrongKey)));
    assert!(matches!(backup::restore(&empty.store, &master, &b"PK\x03\x04 a zip"[..]), Err(BackupError::NotABackup)));
    assert_eq!(counts(&empty.store), fresh, "failed restores leave the fresh database as it was");
}

#[test]
fn a_backup_restores_on_postgres() {
    let Some(source) = komek_store::testing::PostgresDb::new() else { return };
    let master = MasterKey::generate();
    let app = demo_app(source.store.clone(), &master);
    let expected = counts(app.store());
    let mut file = Vec::new();
    app.create_backup(&Actor::System, &mut file).unwrap();
    let target = komek_store::testing::PostgresDb::new().expect("PostgreSQL answered a moment ago");
    backup::restore(&target.store, &master, &file[..]).unwrap();
    assert_same_instance(&expected, &target.store, &master);
}
