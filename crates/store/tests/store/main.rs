//! The store's integration tests, one binary: the conformance suite every back end passes, the
//! report counts, the two back ends' schemas side by side, and SQLite's durability. Each module
//! runs on real databases.

/// Test functions taking a `&Store`, each run as a `sqlite::` and a `postgres::` test on a
/// fresh database (the PostgreSQL one skipped, saying so, without a server, and failing in CI):
/// what every back end must do alike.
macro_rules! conformance {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(&komek_store::testing::SqliteDb::new().store); })+
        }
        mod postgres {
            $(#[test] fn $name() {
                if let Some(db) = komek_store::testing::PostgresDb::new() { super::$name(&db.store); }
            })+
        }
    };
}

/// The versions an upgrade from `version - 1` applies, in order: every migration from
/// `version` on (their numbers may leave gaps).
fn versions_from(version: i64) -> Vec<i64> {
    komek_store::MIGRATIONS.iter().map(|m| m.version).filter(|v| *v >= version).collect()
}

mod conformance;
mod older_sqlite;
mod referrals;
mod reports;
mod schema;
mod sqlite_durability;
mod visits;
