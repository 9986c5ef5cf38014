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

fn the_demo_year_matches_the_seed(store: Store) {
    let app = fresh_app(store.clone());
    let summary = demo::generate(&app, demo::DEFAULT_SEED).unwrap();
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
    assert_eq!(
        audit::verify(&store, app.keys()).unwrap(),
        Verdict::Intact { entries: count(&store, "SELECT count(*) FROM audit_log") }
    );

    // The hotline finds Husan however his name is typed, through the blind index.
    let operator = app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == "dana").unwrap();
    let operator = Actor::Staff(operator);
    for typed in ["Хусан Абдуллаев", "Husan Abdullaev", "khusan abdulaev", "Abdullayev Xusan"] {
        let found = app.search_persons(&operator, typed, 5).unwrap();
        let names: Vec<String> = found.iter().map(|m| m.person.identity.as_ref().unwrap().full_name.clone()).collect();
        assert!(names.iter().any(|n| n == "Хусан Абдуллаев"), "{typed}: {names:?}");
    }
}

#[test]
fn the_demo_year_matches_the_seed_on_sqlite() {
    let db = komek_store::testing::SqliteDb::new();
    the_demo_year_matches_the_seed(db.store.clone());
}

#[test]
fn the_demo_year_matches_the_seed_on_postgres() {
    if let Some(db) = komek_store::testing::PostgresDb::new() {
        the_demo_year_matches_the_seed(db.store.clone());
    }
}

#[test]
fn the_same_seed_gives_the_same_year() {
    let fingerprint = |seed| {
        let db = komek_store::testing::SqliteDb::new();
        let app = fresh_app(db.store.clone());
        demo::generate(&app, seed).unwrap();
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
