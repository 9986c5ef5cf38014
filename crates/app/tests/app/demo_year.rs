//! The demo year, generated through the services into a real database on both back ends,
//! matches the seed's published figures and is fully sealed, indexed and audited.

use komek_app::audit::{self, Verdict};
use komek_app::demo::{self, figures};
use komek_app::{Actor, App, Keys, MasterKey, Settings};
use komek_store::{Store, params};

fn fresh_app(store: Store) -> App {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    app
}

fn count(store: &Store, sql: &str) -> i64 {
    store.read(|tx| tx.query_i64(sql, &[])).unwrap()
}

fn the_demo_year_matches_the_seed(store: Store) -> App {
    let app = fresh_app(store.clone());
    let summary = demo::generate(&app, demo::DEFAULT_SEED, &|id: &str| id.to_owned()).unwrap();
    assert_eq!(summary.appeals, figures::APPEALS);
    assert_eq!(summary.cases, figures::VICTIMS);
    assert_eq!(count(&store, "SELECT count(*) FROM appeals"), 2_560);
    let in_group = |topics: &str| {
        count(&store, &format!("SELECT count(DISTINCT appeal_id) FROM appeal_topics WHERE topic IN ({topics})"))
    };
    assert_eq!(in_group("'employment', 'employment-contract', 'registration'"), 1_324);
    assert_eq!(in_group("'citizenship', 'residence-permit'"), 819);
    assert_eq!(in_group("'private-matter'"), 417);
    assert_eq!(count(&store, "SELECT count(*) FROM appeal_help WHERE help = 'legal-consultation'"), 1_899);
    for (sector, n) in figures::SECTORS {
        assert_eq!(
            count(&store, &format!("SELECT count(*) FROM appeals WHERE sector = '{sector}'")),
            n as i64,
            "{sector}"
        );
    }
    for (reason, n) in figures::REASONS {
        assert_eq!(
            count(&store, &format!("SELECT count(*) FROM appeals WHERE migration_reason = '{reason}'")),
            n as i64
        );
    }
    for (occupation, mean) in figures::WAGES {
        let (sum, n) = store
            .read(|tx| {
                let row = tx.query_one(
                    "SELECT CAST(SUM(wage_minor) AS BIGINT), count(*) FROM appeals WHERE occupation = $1 AND wage_minor IS NOT NULL",
                    params![occupation],
                )?;
                Ok((row.get::<i64>(0)?, row.get::<i64>(1)?))
            })
            .unwrap();
        assert!(n > 0);
        assert_eq!(sum, mean * 100 * n, "{occupation}");
    }
    assert_eq!(count(&store, "SELECT count(*) FROM cases"), 42);
    assert_eq!(count(&store, "SELECT count(DISTINCT person_id) FROM case_persons"), 42);
    assert_eq!(count(&store, "SELECT count(*) FROM case_persons WHERE victim_status = 'identified'"), 42);
    assert_eq!(count(&store, "SELECT count(DISTINCT case_id) FROM assessments"), 42, "every case assessed");
    // The one case brought to court in 2008: seven years.
    assert_eq!(
        count(&store, "SELECT count(*) FROM proceedings WHERE outcome = 'sentence' AND sentence_months = 84"),
        1
    );
    assert_eq!(count(&store, "SELECT count(*) FROM cases WHERE status LIKE 'closed%' AND closing_reason IS NULL"), 0);
    for (country, n) in figures::REPATRIATED {
        let sql = format!(
            "SELECT count(DISTINCT person_id) FROM services WHERE kind = 'repatriation' AND destination_country = '{country}'"
        );
        assert_eq!(count(&store, &sql), n as i64, "{country}");
    }
    // Every appeal and case lies in 2008 (Unix milliseconds).
    assert_eq!(
        count(&store, "SELECT count(*) FROM appeals WHERE received_at < 1199145600000 OR received_at >= 1230768000000"),
        0
    );
    assert_eq!(count(&store, "SELECT count(*) FROM services WHERE delivered_on NOT LIKE '2008-%'"), 0);
    // The mobile group's monthly raids: three a month, one called off, every visit of 2008;
    // each appeal it took is a consultation on a visit of the same day.
    assert_eq!(count(&store, "SELECT count(*) FROM visits WHERE planned_on LIKE '2008-%'"), 36);
    assert_eq!(count(&store, "SELECT count(DISTINCT substr(planned_on, 1, 7)) FROM visits"), 12);
    assert_eq!(count(&store, "SELECT count(*) FROM visits WHERE status = 'cancelled'"), 1);
    let mobile = count(&store, "SELECT count(*) FROM appeals WHERE channel = 'mobile-group'");
    assert!(mobile > 100, "{mobile}");
    let on_visits = count(&store, "SELECT count(*) FROM appeals a JOIN visits v ON v.id = a.visit_id");
    assert_eq!(
        on_visits,
        mobile
            - count(&store, "SELECT count(*) FROM appeals WHERE channel = 'mobile-group' AND outcome = 'case-opened'")
    );
    // The seed's raid: 63 workers from Uzbekistan, 11 minors, 20 passports held by the foreman.
    let raid = "SELECT count(*) FROM visits v JOIN visit_checks c ON c.visit_id = v.id
                WHERE v.people_total = 63 AND v.people_minors = 11 AND c.item = 'passports-held' AND c.people = 20";
    assert_eq!(count(&store, raid), 1);
    assert_eq!(
        audit::verify(&store, app.keys()).unwrap(),
        Verdict::Intact { entries: count(&store, "SELECT count(*) FROM audit_log") }
    );

    // His lawyer finds Husan however his name is typed, through the blind index …
    let staff = |name: &str| {
        Actor::Staff(app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == name).unwrap())
    };
    let names_found = |actor: &Actor, typed: &str| -> Vec<String> {
        let found = app.search_persons(actor, typed, 5).unwrap();
        found.iter().map(|m| m.person.identity.as_ref().unwrap().full_name.clone()).collect()
    };
    for typed in ["Хусан Абдуллаев", "Husan Abdullaev", "khusan abdulaev", "Abdullayev Xusan"] {
        let names = names_found(&staff("aigerim"), typed);
        assert!(names.iter().any(|n| n == "Хусан Абдуллаев"), "{typed}: {names:?}");
    }
    // … while his case is sensitive, nobody outside its team sees him, not even the hotline.
    assert!(!names_found(&staff("dana"), "Husan Abdullaev").iter().any(|n| n == "Хусан Абдуллаев"));
    app
}

/// Names, phones (as typed and normalised) and document numbers of a sample of the demo's
/// people, read back through the services: what must never be found in the raw database.
fn secrets_of_the_demo(app: &App) -> Vec<String> {
    let ids: Vec<komek_domain::PersonId> = app
        .store()
        .read(|tx| tx.query("SELECT id FROM persons ORDER BY id LIMIT 60", &[]))
        .unwrap()
        .iter()
        .map(|r| r.get(0).unwrap())
        .collect();
    let mut secrets = Vec::new();
    for id in ids {
        let identity = app.person(&Actor::System, id).unwrap().identity.unwrap();
        secrets.push(identity.full_name.clone());
        for phone in &identity.phones {
            secrets.push(phone.clone());
            secrets.extend(komek_domain::normalise::phone(phone));
        }
        secrets.extend(identity.documents.iter().cloned());
    }
    secrets.retain(|s| s.chars().count() >= 6);
    assert!(secrets.len() > 100, "the sample has names, phones and documents");
    secrets
}

fn assert_absent(haystack: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(!haystack.contains(secret.as_str()), "{secret:?} is stored in plaintext");
        // PostgreSQL shows BYTEA as hex: plaintext bytes would appear encoded.
        let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
        assert!(!haystack.contains(&hex), "{secret:?} is stored in plaintext bytes");
    }
}

#[test]
fn the_demo_year_matches_the_seed_on_sqlite_and_no_identity_is_stored_in_plaintext() {
    let db = komek_store::testing::SqliteDb::new();
    let app = the_demo_year_matches_the_seed(db.store.clone());
    let secrets = secrets_of_the_demo(&app);
    // The database file and its write-ahead log together hold everything written.
    let mut raw = Vec::new();
    for entry in std::fs::read_dir(&db.dir).unwrap() {
        raw.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    assert_absent(&String::from_utf8_lossy(&raw), &secrets);
}

#[test]
fn the_demo_year_matches_the_seed_on_postgres_and_no_identity_is_stored_in_plaintext() {
    let Some(db) = komek_store::testing::PostgresDb::new() else { return };
    let app = the_demo_year_matches_the_seed(db.store.clone());
    let secrets = secrets_of_the_demo(&app);
    let dump = db
        .store
        .read(|tx| {
            let tables = tx.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
                &[],
            )?;
            let mut dump = String::new();
            for table in tables {
                let name: String = table.get(0)?;
                for row in tx.query(&format!("SELECT CAST(t AS TEXT) FROM {name} t"), &[])? {
                    dump.push_str(&row.get::<String>(0)?);
                    dump.push('\n');
                }
            }
            Ok(dump)
        })
        .unwrap();
    assert!(dump.contains("hotline-phone"), "the dump holds the tables' rows");
    assert_absent(&dump, &secrets);
}

#[test]
fn the_same_seed_gives_the_same_year() {
    let fingerprint = |seed| {
        let db = komek_store::testing::SqliteDb::new();
        let app = fresh_app(db.store.clone());
        demo::generate(&app, seed, &|id: &str| id.to_owned()).unwrap();
        db.store
            .read(|tx| {
                tx.query("SELECT received_at, channel, sector, occupation, wage_minor FROM appeals ORDER BY received_at, channel", &[])
            })
            .unwrap()
    };
    let (a, b) = (fingerprint(7), fingerprint(7));
    assert_eq!(a.len(), 2_560);
    // Times are drawn to the second, and the order of equal times is stable.
    assert_eq!(
        a.iter().map(|r| r.0[1].clone()).collect::<Vec<_>>(),
        b.iter().map(|r| r.0[1].clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        a.iter().map(|r| r.0[0].clone()).collect::<Vec<_>>(),
        b.iter().map(|r| r.0[0].clone()).collect::<Vec<_>>()
    );
}
