//! The scale back end: PostgreSQL through a pool of blocking clients (run off the async threads).

use std::collections::HashMap;
use std::error::Error as _;
use std::time::Duration;

use r2d2_postgres::postgres::{
    self, Client, NoTls, Statement,
    error::{Severity, SqlState},
    types::{IsNull, ToSql, Type, to_sql_checked},
};

use crate::StoreError;
use crate::sql::{Dialect, Row, Tx, Value};

pub(crate) type Pool = r2d2::Pool<Connections>;

/// Statements a connection keeps prepared. The repositories' SQL is a few hundred fixed texts
/// (and a few dozen list queries built from filters); past this many the cache starts afresh.
const STATEMENTS_KEPT: usize = 512;

/// A pooled connection with the statements it has prepared: a statement is parsed and planned
/// once per connection, and each later use is a single round trip instead of two.
pub(crate) struct Connection {
    /// Always `Some` until the connection is dropped.
    client: Option<Client>,
    statements: HashMap<String, Statement>,
}

impl Connection {
    fn client(&mut self) -> &mut Client {
        self.client.as_mut().expect("a connection has its client until dropped")
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.statements.clear();
        // The blocking client closes its connection by running a small async runtime of its
        // own, which panics on a thread that is already running one (an async server dropping
        // the last handle to the pool): close it on a thread of its own instead.
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

/// Opens and checks pooled connections for r2d2.
pub(crate) struct Connections {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Connections {
    type Connection = Connection;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Connection, postgres::Error> {
        Ok(Connection { client: Some(self.config.connect(NoTls)?), statements: HashMap::new() })
    }

    fn is_valid(&self, conn: &mut Connection) -> Result<(), postgres::Error> {
        conn.client().simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut Connection) -> bool {
        conn.client.as_ref().is_none_or(Client::is_closed)
    }
}

pub(crate) fn open(url: &str) -> Result<Pool, StoreError> {
    let mut config: postgres::Config =
        url.parse().map_err(|e| StoreError::Open(format!("the database URL is not valid: {e}")))?;
    config.connect_timeout(Duration::from_secs(5));
    config.application_name("komek");
    // The server's notices (a statement that had nothing to do) are not news to an operator;
    // its warnings are.
    config.notice_callback(|notice| match notice.parsed_severity() {
        Some(Severity::Warning) => tracing::warn!("PostgreSQL: {}", notice.message()),
        _ => tracing::debug!("PostgreSQL {}: {}", notice.severity(), notice.message()),
    });
    // Connect once by hand: r2d2 would retry quietly until its timeout and then only say
    // "timed out", where the driver's own error names the cause.
    config.connect(NoTls).map_err(|e| StoreError::Open(describe(&config, &e)))?;
    let manager = Connections { config };
    Ok(r2d2::Pool::builder()
        .max_size(crate::POOL_CONNECTIONS)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?)
}

fn describe(config: &postgres::Config, e: &postgres::Error) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let cause = e.source().map(|s| s.to_string()).unwrap_or_else(|| e.to_string());
    format!(
        "cannot connect to PostgreSQL at {} (database {:?}): {cause}",
        hosts.join(","),
        config.get_dbname().unwrap_or("default")
    )
}

pub(crate) fn with_tx<T>(
    pool: &Pool,
    write: bool,
    f: impl FnOnce(&mut dyn Tx) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut pooled = pool.get()?;
    let Connection { client, statements } = &mut *pooled;
    let client = client.as_mut().expect("a connection has its client until dropped");
    let mut builder = client.build_transaction().read_only(!write);
    if !write {
        // A read sees one snapshot throughout, as SQLite's reads do: a backup is consistent.
        builder = builder.isolation_level(postgres::IsolationLevel::RepeatableRead);
    }
    let tx = builder.start().map_err(map_error)?;
    let mut wrapped = PgTx { tx, statements, write };
    let result = f(&mut wrapped)?;
    wrapped.tx.commit().map_err(map_error)?;
    Ok(result)
}

/// Runs `sql` on its own, outside any transaction: for the statements PostgreSQL refuses in one.
pub(crate) fn outside_transaction(pool: &Pool, sql: &str) -> Result<(), StoreError> {
    pool.get()?.client().batch_execute(sql).map_err(map_error)
}

struct PgTx<'c> {
    tx: postgres::Transaction<'c>,
    statements: &'c mut HashMap<String, Statement>,
    write: bool,
}

impl PgTx<'_> {
    /// The statement for `sql`, prepared on this connection once.
    fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(stmt) = self.statements.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.tx.prepare(sql).map_err(map_error)?;
        if self.statements.len() >= STATEMENTS_KEPT {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }
}

fn refs(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

impl Tx for PgTx<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn writable(&self) -> bool {
        self.write
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        let stmt = self.statement(sql)?;
        self.tx.execute(&stmt, &refs(params)).map_err(map_error)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        let stmt = self.statement(sql)?;
        let rows = self.tx.query(&stmt, &refs(params)).map_err(map_error)?;
        rows.iter().map(decode_row).collect()
    }

    fn execute_batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.tx.batch_execute(sql).map_err(map_error)
    }
}

fn decode_row(row: &postgres::Row) -> Result<Row, StoreError> {
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let value = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(i).map(|v| v.map(Value::Int))
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(i).map(|v| v.map(|n| Value::Int(n.into())))
        } else if *ty == Type::INT2 {
            row.try_get::<_, Option<i16>>(i).map(|v| v.map(|n| Value::Int(n.into())))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(i).map(|v| v.map(Value::Bool))
        } else if *ty == Type::BYTEA {
            row.try_get::<_, Option<Vec<u8>>>(i).map(|v| v.map(Value::Blob))
        } else if *ty == Type::TEXT || *ty == Type::VARCHAR || *ty == Type::NAME || *ty == Type::BPCHAR {
            row.try_get::<_, Option<String>>(i).map(|v| v.map(Value::Text))
        } else {
            return Err(StoreError::Decode { column: i, expected: "BIGINT, BOOLEAN, TEXT or BYTEA (CAST it)" });
        };
        values.push(value.map_err(map_error)?.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) if *ty == Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
            Value::Int(i) if *ty == Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
            // Rows copied from SQLite carry booleans as integers.
            Value::Int(i) if *ty == Type::BOOL => (*i != 0).to_sql(ty, out),
            Value::Int(i) => i.to_sql(ty, out),
            Value::Bool(b) => b.to_sql(ty, out),
            Value::Text(s) => s.to_sql(ty, out),
            Value::Blob(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn map_error(e: postgres::Error) -> StoreError {
    match e.code() {
        Some(code) if *code == SqlState::UNIQUE_VIOLATION || *code == SqlState::FOREIGN_KEY_VIOLATION => {
            StoreError::Conflict(e.to_string())
        }
        // Two writers that each wait for a row the other holds: the server undoes one of them.
        Some(code) if *code == SqlState::T_R_DEADLOCK_DETECTED || *code == SqlState::T_R_SERIALIZATION_FAILURE => {
            StoreError::Collided(e.to_string())
        }
        _ => StoreError::Postgres(e.source().map(|s| s.to_string()).unwrap_or_else(|| e.to_string())),
    }
}
