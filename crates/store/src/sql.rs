//! The SQL surface both back ends share: values, rows and a transaction to run statements in.
//!
//! Repositories write their SQL once, with `$1, $2 …` placeholders and types both dialects
//! understand (BIGINT, TEXT, and the three kinds below); the back ends translate the rest.
//! Aggregates that PostgreSQL would return as NUMERIC must be CAST to BIGINT in the query.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::StoreError;

/// A value bound to, or read from, a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
    Blob(Vec<u8>),
}

/// Which database a transaction talks to, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A transaction on either back end. Everything a repository does goes through these calls.
pub trait Tx {
    fn dialect(&self) -> Dialect;
    /// Whether this is a read-write transaction (`Store::write`), not a read (`Store::read`).
    fn writable(&self) -> bool;
    /// Runs one statement; returns the number of rows changed.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError>;
    /// Runs one query and returns all its rows.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError>;
    /// Runs a script of several statements without parameters (migrations).
    fn execute_batch(&mut self, sql: &str) -> Result<(), StoreError>;
    /// Runs one query and hands its rows to `each` one at a time. SQLite reads each row as it
    /// is handed over, so a whole table passes through in little memory; elsewhere the rows are
    /// all read first, as by `query`.
    fn query_each(
        &mut self,
        sql: &str,
        params: &[Value],
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.query(sql, params)?.into_iter().try_for_each(each)
    }
}

impl dyn Tx + '_ {
    /// The first row, or `None`.
    pub fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Exactly the first row; `NotFound` when there is none.
    pub fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row, StoreError> {
        self.query_opt(sql, params)?.ok_or(StoreError::NotFound)
    }

    /// A single integer, such as a COUNT.
    pub fn query_i64(&mut self, sql: &str, params: &[Value]) -> Result<i64, StoreError> {
        self.query_one(sql, params)?.get(0)
    }
}

/// One result row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// Column `index` converted to `T`; a type mismatch is a `Decode` error naming the column.
    pub fn get<T: FromValue>(&self, index: usize) -> Result<T, StoreError> {
        let value = self.0.get(index).ok_or(StoreError::Decode { column: index, expected: "a column" })?;
        T::from_value(value).ok_or(StoreError::Decode { column: index, expected: T::EXPECTED })
    }
}

/// Conversion from a stored value.
pub trait FromValue: Sized {
    const EXPECTED: &'static str;
    fn from_value(value: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    const EXPECTED: &'static str = "an integer";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
}

impl FromValue for i32 {
    const EXPECTED: &'static str = "a 32-bit integer";
    fn from_value(value: &Value) -> Option<Self> {
        i64::from_value(value).and_then(|i| i32::try_from(i).ok())
    }
}

/// Counts (people met, copies handed out) are stored as integers and never negative.
impl FromValue for u32 {
    const EXPECTED: &'static str = "a count";
    fn from_value(value: &Value) -> Option<Self> {
        i64::from_value(value).and_then(|i| u32::try_from(i).ok())
    }
}

impl From<u32> for Value {
    fn from(count: u32) -> Self {
        Value::Int(i64::from(count))
    }
}

impl FromValue for bool {
    const EXPECTED: &'static str = "a boolean";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}

impl FromValue for String {
    const EXPECTED: &'static str = "text";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl FromValue for Vec<u8> {
    const EXPECTED: &'static str = "bytes";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}

impl FromValue for Uuid {
    const EXPECTED: &'static str = "a UUID";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(s) => Uuid::parse_str(s).ok(),
            _ => None,
        }
    }
}

impl FromValue for NaiveDate {
    const EXPECTED: &'static str = "a date (YYYY-MM-DD)";
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        }
    }
}

impl FromValue for DateTime<Utc> {
    const EXPECTED: &'static str = "a timestamp (Unix milliseconds)";
    fn from_value(value: &Value) -> Option<Self> {
        i64::from_value(value).and_then(DateTime::from_timestamp_millis)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// Typed ids are stored as their UUID text.
macro_rules! id_values {
    ($($id:ty),+) => {$(
        impl FromValue for $id {
            const EXPECTED: &'static str = "an id";
            fn from_value(value: &Value) -> Option<Self> {
                Uuid::from_value(value).map(Self)
            }
        }
        impl From<$id> for Value {
            fn from(id: $id) -> Self {
                Value::Text(id.0.to_string())
            }
        }
    )+};
}
use komek_domain::ids::*;
id_values!(
    PersonId,
    AppealId,
    CaseId,
    PartyId,
    OfficeId,
    AccountId,
    ServiceId,
    EventId,
    AssessmentId,
    ProceedingId,
    TaskId,
    NoteId,
    EvidenceId,
    PartnerId,
    ConsentId,
    ReferralId,
    VisitId,
    PhotoId
);

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Value::Int(v.into())
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl From<Uuid> for Value {
    fn from(v: Uuid) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Text(v.format("%Y-%m-%d").to_string())
    }
}
impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Value::Int(v.timestamp_millis())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// Builds a parameter list: `params![a, b, c]`.
#[macro_export]
macro_rules! params {
    ($($v:expr),* $(,)?) => { &[$($crate::sql::Value::from($v)),*][..] };
}

/// Rewrites `$1`-style placeholders to SQLite's `?1` form. Text inside quotes is left alone.
pub(crate) fn to_sqlite_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut in_quote = false;
    for ch in sql.chars() {
        if ch == '\'' {
            in_quote = !in_quote;
        }
        out.push(if ch == '$' && !in_quote { '?' } else { ch });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_quotes_only() {
        assert_eq!(
            to_sqlite_placeholders("UPDATE t SET a = $2, b = 'x$1' WHERE id = $1"),
            "UPDATE t SET a = ?2, b = 'x$1' WHERE id = ?1"
        );
    }

    #[test]
    fn optional_values_read_null_as_none() {
        let row = Row(vec![Value::Null, Value::Int(3), Value::Text("2008-05-01".into())]);
        assert_eq!(row.get::<Option<i64>>(0).unwrap(), None);
        assert_eq!(row.get::<Option<i64>>(1).unwrap(), Some(3));
        assert_eq!(row.get::<NaiveDate>(2).unwrap(), NaiveDate::from_ymd_opt(2008, 5, 1).unwrap());
        assert!(row.get::<String>(1).is_err());
    }
}
