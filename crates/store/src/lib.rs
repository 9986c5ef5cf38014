//! Komek's storage: one SQL surface over an embedded SQLite file or a PostgreSQL server.
//!
//! Owns the connection pools, the versioned migrations of each back end, and the repositories
//! (plain functions over a [`sql::Tx`]) that read and write rows. Must not decide who may see
//! what, encrypt, or audit: the app crate's services do that and hand this crate ciphertext.
//! The seam between the two back ends is `sql.rs` plus one adapter file each; everything
//! above it is written once and checked on both by the conformance suite (`tests/`).

mod migrations;
mod postgres;
pub mod repo;
pub mod sql;
mod sqlite;
pub mod testing;

use std::path::Path;

pub use migrations::{LATEST_VERSION, MIGRATIONS};
pub use sql::{Dialect, Row, Tx, Value};

/// Connections an instance's pool keeps open to its database, on either back end. The server
/// runs its database work on as many blocking threads: a thread more would only wait for a
/// connection, and on 2 cores the waiting costs the tail (BENCHMARKS.md, "Audited reads").
pub const POOL_CONNECTIONS: u32 = 8;

/// What can go wrong below the services. Messages are for operators, never contain personal data.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database: {0}")]
    Open(String),
    #[error("the database connection pool failed: {0}")]
    Pool(String),
    #[error("SQLite error: {0}")]
    Sqlite(String),
    #[error("PostgreSQL error: {0}")]
    Postgres(String),
    #[error("the record conflicts with an existing one: {0}")]
    Conflict(String),
    /// Two writers each waited for what the other held, and the database undid this one:
    /// nothing of it was written, and the same change sent again will most likely go through.
    #[error("the change collided with another one at the same moment: {0}")]
    Collided(String),
    #[error("no such record")]
    NotFound,
    #[error("column {column} does not hold {expected}")]
    Decode { column: usize, expected: &'static str },
    #[error("stored data is not valid: {0}")]
    Invalid(String),
    #[error("the database schema is version {found}, newer than this Komek knows ({known}); upgrade Komek")]
    TooNew { found: i64, known: i64 },
}

impl From<r2d2::Error> for StoreError {
    fn from(e: r2d2::Error) -> Self {
        StoreError::Pool(e.to_string())
    }
}

enum Backend {
    Sqlite(sqlite::Pool),
    Postgres(postgres::Pool),
}

/// A consistent view of the database for long reads; see [`Store::snapshot`].
pub struct Snapshot {
    store: Store,
    /// The SQLite copy, removed on drop (after `store` has closed it).
    _file: Option<tempfile::TempPath>,
}

impl Snapshot {
    pub fn store(&self) -> &Store {
        &self.store
    }
}

/// A handle to the database; cheap to clone, safe to share between threads.
#[derive(Clone)]
pub struct Store {
    backend: std::sync::Arc<Backend>,
}

impl Store {
    /// Opens (creating if needed) an SQLite database file.
    pub fn open_sqlite(path: &Path) -> Result<Self, StoreError> {
        Ok(Self { backend: std::sync::Arc::new(Backend::Sqlite(sqlite::open(path)?)) })
    }

    /// Connects to PostgreSQL, e.g. `postgres://komek@127.0.0.1:5432/komek`.
    pub fn open_postgres(url: &str) -> Result<Self, StoreError> {
        Ok(Self { backend: std::sync::Arc::new(Backend::Postgres(postgres::open(url)?)) })
    }

    pub fn dialect(&self) -> Dialect {
        match *self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `f` in a read-only transaction.
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>) -> Result<T, StoreError> {
        self.transaction(false, f)
    }

    /// Runs `f` in a read-write transaction, committed only when `f` succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>) -> Result<T, StoreError> {
        self.transaction(true, f)
    }

    fn transaction<T>(
        &self,
        write: bool,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match &*self.backend {
            Backend::Sqlite(pool) => sqlite::with_tx(pool, write, f),
            Backend::Postgres(pool) => postgres::with_tx(pool, write, f),
        }
    }

    /// Does once what PostgreSQL's autovacuum does as tables change: `VACUUM (ANALYZE)`, which
    /// records the planner's statistics and marks the pages every transaction sees whole, so
    /// that an index-only scan need not visit their rows. For a server run with autovacuum off
    /// after a bulk load. SQLite has neither, and its plans do not use statistics here: nothing
    /// to do.
    pub fn vacuum_analyse(&self) -> Result<(), StoreError> {
        match &*self.backend {
            Backend::Sqlite(_) => Ok(()),
            Backend::Postgres(pool) => postgres::outside_transaction(pool, "VACUUM (ANALYZE)"),
        }
    }

    /// The database as it is now, to read at length (a backup) without holding back the live
    /// one. On SQLite a copy: the live file is read once, as fast as its pages copy, into a
    /// file of mode 0600 beside it that the snapshot removes when dropped (or on failure);
    /// reading the live file for the whole backup would stop every checkpoint meanwhile and let
    /// the WAL grow with every write of the office. On PostgreSQL the store itself: its read
    /// transactions are REPEATABLE READ, one snapshot that neither blocks writers nor holds
    /// back the server's WAL.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        match &*self.backend {
            Backend::Sqlite(pool) => {
                let dir = sqlite::directory(pool)?;
                let copy_failed = |e: std::io::Error| StoreError::Open(format!("a copy in {}: {e}", dir.display()));
                // Created empty with mode 0600 by tempfile; removed when the path is dropped.
                let file = tempfile::Builder::new()
                    .prefix(".komek-snapshot-")
                    .suffix(".sqlite3")
                    .tempfile_in(&dir)
                    .map_err(copy_failed)?
                    .into_temp_path();
                sqlite::copy_into(pool, &file)?;
                let store = Self { backend: std::sync::Arc::new(Backend::Sqlite(sqlite::open_copy(&file)?)) };
                Ok(Snapshot { store, _file: Some(file) })
            }
            Backend::Postgres(_) => Ok(Snapshot { store: self.clone(), _file: None }),
        }
    }

    /// Brings the schema up to date; returns the versions applied now.
    pub fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        migrations::run(self, LATEST_VERSION)
    }

    /// Brings the schema up to `version` only: how tests recreate an older release's database.
    pub fn migrate_to(&self, version: i64) -> Result<Vec<i64>, StoreError> {
        migrations::run(self, version)
    }

    /// The schema version the database is at (0 for an empty database).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.read(migrations::current_version)
    }
}
