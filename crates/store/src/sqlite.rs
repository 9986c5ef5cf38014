//! The embedded back end: one SQLite file in WAL mode, a small pool of connections.

use std::path::Path;
use std::time::Duration;

use r2d2_sqlite::SqliteConnectionManager;
use r2d2_sqlite::rusqlite::{self, ErrorCode, TransactionBehavior, types::ToSqlOutput, types::ValueRef};

use crate::StoreError;
use crate::sql::{Dialect, Row, Tx, Value, to_sqlite_placeholders};

pub(crate) type Pool = r2d2::Pool<SqliteConnectionManager>;

pub(crate) fn open(path: &Path) -> Result<Pool, StoreError> {
    let refuse =
        |e: rusqlite::Error| StoreError::Open(format!("{}: {}", path.display(), explain_open_error(&e.to_string())));
    // Check the file once by hand: a file that is not a database only shows itself on the first
    // read, and r2d2 would keep retrying such a connection until its timeout.
    let mut probe = rusqlite::Connection::open(path).map_err(refuse)?;
    configure(&mut probe).map_err(refuse)?;
    probe.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).map_err(refuse)?;
    drop(probe);
    let manager = SqliteConnectionManager::file(path).with_init(configure);
    Ok(r2d2::Pool::builder()
        .max_size(crate::POOL_CONNECTIONS)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?)
}

/// Bytes of WAL file kept after a checkpoint.
const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// Copies the database as it is now into `into`, an empty file: one read of the live file
/// for as long as copying its pages takes, where reading every table through it would hold
/// back its checkpoints (and let its WAL grow) for as long as the reader takes. The copy is
/// in rollback-journal mode, complete in itself.
pub(crate) fn copy_into(pool: &Pool, into: &Path) -> Result<(), StoreError> {
    let target = into.to_str().ok_or_else(|| StoreError::Invalid(format!("{} is not UTF-8", into.display())))?;
    pool.get()?.execute("VACUUM INTO ?1", [target]).map_err(map_error)?;
    Ok(())
}

/// The directory of the pool's database file.
pub(crate) fn directory(pool: &Pool) -> Result<std::path::PathBuf, StoreError> {
    let conn = pool.get()?;
    let file = conn.path().filter(|p| !p.is_empty()).ok_or_else(|| StoreError::Invalid("no database file".into()))?;
    Ok(Path::new(file).parent().map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf))
}

/// Opens a copy made by [`copy_into`] to read only: no journal, WAL or lock file is made next to it.
pub(crate) fn open_copy(path: &Path) -> Result<Pool, StoreError> {
    use rusqlite::OpenFlags;
    let manager = SqliteConnectionManager::file(path)
        .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_init(|c| c.pragma_update(None, "foreign_keys", "ON"));
    Ok(r2d2::Pool::builder()
        .max_size(1)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?)
}

fn configure(c: &mut rusqlite::Connection) -> rusqlite::Result<()> {
    c.busy_timeout(Duration::from_secs(10))?;
    c.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: in WAL mode every commit waits until the WAL is on disk, so a save the user was
    // told about survives a power cut, not only a crash of the process (which NORMAL covers).
    c.pragma_update(None, "synchronous", "FULL")?;
    // macOS only: fsync there leaves the data in the drive's cache; ask for a real flush.
    c.pragma_update(None, "fullfsync", "ON")?;
    // A checkpoint after a burst of writes cuts the WAL back to this size instead of keeping
    // the file at its largest.
    c.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)?;
    c.pragma_update(None, "foreign_keys", "ON")?;
    c.set_prepared_statement_cache_capacity(256);
    Ok(())
}

fn explain_open_error(message: &str) -> String {
    if message.contains("not a database") || message.contains("malformed") {
        "the file is not a Komek database or is damaged; restore it from a backup".to_owned()
    } else {
        message.to_owned()
    }
}

pub(crate) fn with_tx<T>(
    pool: &Pool,
    write: bool,
    f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut conn = pool.get()?;
    // Writers take the lock up front: a deferred transaction that later writes can fail
    // with SQLITE_BUSY instead of waiting its turn.
    let behavior = if write { TransactionBehavior::Immediate } else { TransactionBehavior::Deferred };
    let tx = conn.transaction_with_behavior(behavior).map_err(map_error)?;
    let mut wrapped = SqliteTx { tx, write };
    let result = f(&mut wrapped)?;
    wrapped.tx.commit().map_err(map_error)?;
    Ok(result)
}

struct SqliteTx<'c> {
    tx: rusqlite::Transaction<'c>,
    write: bool,
}

impl Tx for SqliteTx<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn writable(&self) -> bool {
        self.write
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        let mut stmt = self.tx.prepare_cached(&to_sqlite_placeholders(sql)).map_err(map_error)?;
        let changed = stmt.execute(rusqlite::params_from_iter(params)).map_err(map_error)?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        let mut out = Vec::new();
        self.query_each(sql, params, &mut |row| {
            out.push(row);
            Ok(())
        })?;
        Ok(out)
    }

    fn query_each(
        &mut self,
        sql: &str,
        params: &[Value],
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.tx.prepare_cached(&to_sqlite_placeholders(sql)).map_err(map_error)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).map_err(map_error)?;
        while let Some(row) = rows.next().map_err(map_error)? {
            let mut values = Vec::with_capacity(columns);
            for i in 0..columns {
                values.push(match row.get_ref(i).map_err(map_error)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Real(r) => Value::Int(r as i64),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                });
            }
            each(Row(values))?;
        }
        Ok(())
    }

    fn execute_batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.tx.execute_batch(sql).map_err(map_error)
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

fn map_error(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ConstraintViolation => {
            StoreError::Conflict(e.to_string())
        }
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == ErrorCode::NotADatabase || f.code == ErrorCode::DatabaseCorrupt =>
        {
            StoreError::Open("the database file is damaged; restore it from a backup".to_owned())
        }
        _ => StoreError::Sqlite(e.to_string()),
    }
}
