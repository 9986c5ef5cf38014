//! Test support shared by every crate's tests: fresh databases on both back ends.
//!
//! PostgreSQL tests create a database of their own on the server named by
//! `KOMEK_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`) and drop
//! it afterwards. Without a server they fail when `CI=true`, and are skipped, saying so,
//! everywhere else.

use std::path::PathBuf;

use r2d2_postgres::postgres::{Client, NoTls};

use crate::Store;

pub const POSTGRES_URL_VAR: &str = "KOMEK_TEST_POSTGRES_URL";
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A fresh SQLite database file in its own temporary directory, removed on drop.
pub struct SqliteDb {
    pub dir: PathBuf,
    pub store: Store,
}

impl SqliteDb {
    pub fn new() -> Self {
        Self::at_version(crate::LATEST_VERSION)
    }

    /// A database with the schema of an older release: migrations up to `version` only.
    pub fn at_version(version: i64) -> Self {
        let dir = std::env::temp_dir().join(format!("komek-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        let store = Store::open_sqlite(&dir.join("komek.sqlite3")).expect("open SQLite");
        store.migrate_to(version).expect("migrate SQLite");
        Self { dir, store }
    }
}

impl Default for SqliteDb {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for SqliteDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether the test PostgreSQL server answers; where it does not, says the test was skipped
/// (and fails it in CI).
pub fn postgres_answers() -> bool {
    admin_client().is_some()
}

/// A connection to the test server's administrative database, or `None` after saying why not.
fn admin_client() -> Option<(String, Client)> {
    let admin_url = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
    match Client::connect(&admin_url, NoTls) {
        Ok(client) => Some((admin_url, client)),
        Err(e) => {
            let message = format!("no PostgreSQL server at {admin_url} ({e}); set {POSTGRES_URL_VAR}");
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("PostgreSQL tests must run in CI: {message}");
            }
            eprintln!("SKIPPED PostgreSQL test: {message}");
            None
        }
    }
}

/// A fresh PostgreSQL database, dropped on drop.
pub struct PostgresDb {
    admin_url: String,
    pub name: String,
    pub url: String,
    pub store: Store,
}

impl PostgresDb {
    /// `None` (after printing why) when no server answers and this is not CI.
    pub fn new() -> Option<Self> {
        Self::at_version(crate::LATEST_VERSION)
    }

    /// A database with the schema of an older release: migrations up to `version` only.
    pub fn at_version(version: i64) -> Option<Self> {
        let (admin_url, mut admin) = admin_client()?;
        let name = format!("komek_test_{}", uuid::Uuid::now_v7().simple());
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
        let url = with_database(&admin_url, &name);
        let store = Store::open_postgres(&url).expect("open PostgreSQL");
        store.migrate_to(version).expect("migrate PostgreSQL");
        Some(Self { admin_url, name, url, store })
    }
}

impl Drop for PostgresDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.admin_url, NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// The same server URL with another database name.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let base = match base[after_scheme..].find('/') {
        Some(slash) => &base[..after_scheme + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{database}?{q}"),
        None => format!("{base}/{database}"),
    }
}

/// Test functions taking a [`Store`], each run as a `sqlite::` and a `postgres::` test on a
/// fresh database (the PostgreSQL one skipped, saying so, without a server, and failing in CI).
///
/// ```ignore
/// fn a_case_is_opened(store: Store) { … }
/// komek_store::on_both_back_ends!(a_case_is_opened, another_test);
/// ```
#[macro_export]
macro_rules! on_both_back_ends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                let db = $crate::testing::SqliteDb::new();
                super::$name(db.store.clone());
            })+
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(db) = $crate::testing::PostgresDb::new() {
                    super::$name(db.store.clone());
                }
            })+
        }
    };
}

/// The database a suite that starts a whole server or command runs it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackEnd {
    Sqlite,
    Postgres,
}

/// Test functions taking a [`BackEnd`], each run as a `sqlite::` and a `postgres::` test (the
/// PostgreSQL one skipped, saying so, without a server, and failing in CI): for suites that
/// start a server or the `komek` command on a database of their own.
///
/// ```ignore
/// fn a_lawyer_signs_in(back_end: BackEnd) { let server = Server::start(back_end); … }
/// komek_store::with_each_back_end!(a_lawyer_signs_in, another_test);
/// ```
#[macro_export]
macro_rules! with_each_back_end {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name($crate::testing::BackEnd::Sqlite);
            })+
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if $crate::testing::postgres_answers() {
                    super::$name($crate::testing::BackEnd::Postgres);
                }
            })+
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_swapped_in_urls() {
        assert_eq!(super::with_database("postgres://u@h:5432/postgres", "x"), "postgres://u@h:5432/x");
        assert_eq!(super::with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(super::with_database("postgres://u@h/db?sslmode=disable", "x"), "postgres://u@h/x?sslmode=disable");
    }
}
