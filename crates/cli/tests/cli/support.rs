//! What every test of the `komek` command needs: the real executable on a data directory, and
//! its answers read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use komek_store::Value;
use komek_store::testing::{BackEnd, PostgresDb};

/// `komek --data-dir DIR ARGS…`, with no key or database from the environment.
pub fn komek(dir: &Path, args: &[&str]) -> Output {
    komek_command(dir, None).args(args).output().expect("run komek")
}

/// The `komek` command on a data directory (and a PostgreSQL database where one is given),
/// with no key or database from the environment.
pub fn komek_command(dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_komek"));
    command.arg("--data-dir").arg(dir).env_remove("KOMEK_MASTER_KEY").env_remove("KOMEK_DATABASE_URL");
    command.env("RUST_LOG", "warn");
    if let Some(url) = database_url {
        command.arg("--database-url").arg(url);
    }
    command
}

/// An instance as an operator sets one up: a data directory in a temporary directory of its
/// own, and on PostgreSQL an empty database of its own; both removed on drop.
pub struct Instance {
    pub data: PathBuf,
    pub database: Option<PostgresDb>,
    pub dir: tempfile::TempDir,
}

impl Instance {
    /// A new instance on `back_end`; on PostgreSQL the caller has seen that a server answers.
    pub fn new(back_end: BackEnd) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database = match back_end {
            BackEnd::Sqlite => None,
            // No schema yet: the first command makes it, as on a newly created database.
            BackEnd::Postgres => Some(PostgresDb::at_version(0).expect("a PostgreSQL server answers")),
        };
        Self { data: dir.path().join("data"), database, dir }
    }

    /// Another new instance on the same back end, for restoring into.
    pub fn another(&self) -> Self {
        Self::new(self.back_end())
    }

    pub fn back_end(&self) -> BackEnd {
        if self.database.is_some() { BackEnd::Postgres } else { BackEnd::Sqlite }
    }

    pub fn command(&self) -> Command {
        komek_command(&self.data, self.database.as_ref().map(|db| db.url.as_str()))
    }

    /// The database files (SQLite) or tables (PostgreSQL) in which `text` appears as it is.
    pub fn places_holding(&self, text: &str) -> Vec<String> {
        let Some(db) = &self.database else {
            return ["komek.sqlite3", "komek.sqlite3-wal"]
                .into_iter()
                .filter(|file| {
                    let bytes = std::fs::read(self.data.join(file)).unwrap_or_default();
                    bytes.windows(text.len()).any(|w| w == text.as_bytes())
                })
                .map(str::to_owned)
                .collect();
        };
        let tables = "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'";
        db.store
            .read(|tx| {
                let mut holding = Vec::new();
                for row in tx.query(tables, &[])? {
                    let table: String = row.get(0)?;
                    // A row's text form holds every column, bytea as hex and text as it is.
                    let sql = format!("SELECT count(*) FROM \"{table}\" AS r WHERE r::text LIKE $1");
                    if tx.query_i64(&sql, &[Value::Text(format!("%{text}%"))])? > 0 {
                        holding.push(table);
                    }
                }
                Ok(holding)
            })
            .expect("read the database's tables")
    }

    /// `komek ARGS…` on this instance.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run komek")
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// One clear line, no panic, no backtrace.
#[track_caller]
pub fn assert_refused(output: &Output, expected: &str) {
    assert!(!output.status.success(), "must fail: {}", stdout(output));
    let err = stderr(output);
    assert!(err.contains(expected), "expected {expected:?} in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
