//! The two back ends' schemas agree: after every migration, on fresh databases, SQLite and
//! PostgreSQL have the same tables, and each table the same columns in the same order, of the
//! same kind (integer, text, bytes, boolean), as required, with the same primary key. A migration
//! written for one back end and not the other, or written differently, shows here.
//!
//! What differs on purpose is listed below, each with why.

use std::collections::BTreeMap;

use komek_store::Store;
use komek_store::testing::{PostgresDb, SqliteDb};

/// Columns that are BOOLEAN on PostgreSQL and INTEGER (0 or 1) on SQLite, which has no boolean
/// type; the SQL seam reads both as a bool. Listed one by one, so that a count or a flag written
/// as the other kind on one back end by mistake is not taken for one of these.
const BOOLEAN_AS_INTEGER_ON_SQLITE: &[(&str, &str)] = &[
    ("accounts", "disabled"),
    ("accounts", "must_change_password"),
    ("assessments", "minor"),
    ("cases", "sensitive"),
    ("key_ring", "active"),
    ("partners", "active"),
    ("persons", "anonymous"),
    ("sessions", "second_factor_ok"),
];

/// A column as the two back ends are compared.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    name: String,
    /// "integer", "text", "bytes", "boolean", or the declared type where it is none of these.
    kind: String,
    /// NOT NULL. A primary key column counts as required on both back ends: PostgreSQL makes
    /// every key column NOT NULL, while SQLite reports a key column not declared NOT NULL as
    /// nullable (and, unless it is an INTEGER key, would even store a NULL in it, a quirk it
    /// keeps for old files). Komek never writes a row without its key.
    required: bool,
    /// Its place in the primary key, from 1; 0 outside it.
    key: i64,
}

/// Each table's columns in their order.
type Schema = BTreeMap<String, Vec<Column>>;

fn kind(declared: &str) -> String {
    match declared.to_lowercase().as_str() {
        "integer" | "bigint" | "smallint" => "integer".to_owned(),
        "text" | "character varying" => "text".to_owned(),
        "blob" | "bytea" => "bytes".to_owned(),
        "boolean" => "boolean".to_owned(),
        other => other.to_owned(),
    }
}

/// Runs a query giving table, column, declared type, NOT NULL (0 or 1) and place in the primary
/// key, one row per column in table order.
fn schema(store: &Store, sql: &str) -> Schema {
    let rows = store.read(|tx| tx.query(sql, &[])).expect("the catalogue answers");
    let mut schema = Schema::new();
    for row in rows {
        let table: String = row.get(0).unwrap();
        let key: i64 = row.get(4).unwrap();
        let not_null: i64 = row.get(3).unwrap();
        let declared: String = row.get(2).unwrap();
        let column =
            Column { name: row.get(1).unwrap(), kind: kind(&declared), required: not_null == 1 || key > 0, key };
        schema.entry(table).or_default().push(column);
    }
    schema
}

/// SQLite's tables, without its own (`sqlite_sequence`, `sqlite_stat1`, …), which appear once a
/// table has AUTOINCREMENT or the database is analysed and have no counterpart.
fn sqlite_schema(store: &Store) -> Schema {
    let mut schema = schema(
        store,
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk
         FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY m.name, p.cid",
    );
    for (table, name) in BOOLEAN_AS_INTEGER_ON_SQLITE {
        let column = schema.get_mut(*table).and_then(|columns| columns.iter_mut().find(|c| c.name == *name));
        let column = column.unwrap_or_else(|| panic!("{table}.{name} is listed as a boolean and is not there"));
        assert_eq!(column.kind, "integer", "{table}.{name} is listed as a boolean kept as an integer");
        column.kind = "boolean".to_owned();
    }
    schema
}

fn postgres_schema(store: &Store) -> Schema {
    schema(
        store,
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text,
                CAST(CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END AS BIGINT),
                CAST(COALESCE(k.ordinal_position, 0) AS BIGINT)
         FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
         LEFT JOIN information_schema.table_constraints tc
           ON tc.table_schema = c.table_schema AND tc.table_name = c.table_name
          AND tc.constraint_type = 'PRIMARY KEY'
         LEFT JOIN information_schema.key_column_usage k
           ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
          AND k.table_name = c.table_name AND k.column_name = c.column_name
         WHERE c.table_schema = current_schema()
         ORDER BY c.table_name, c.ordinal_position",
    )
}

/// What one schema has and the other lacks, or has otherwise, a line each.
fn differences(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut found = Vec::new();
    for table in sqlite.keys().chain(postgres.keys().filter(|t| !sqlite.contains_key(*t))) {
        match (sqlite.get(table), postgres.get(table)) {
            (Some(_), None) => found.push(format!("{table}: only on SQLite")),
            (None, Some(_)) => found.push(format!("{table}: only on PostgreSQL")),
            (Some(s), Some(p)) => {
                for at in 0..s.len().max(p.len()) {
                    let (s, p) = (s.get(at), p.get(at));
                    if s != p {
                        found.push(format!("{table}, column {}: SQLite {s:?}, PostgreSQL {p:?}", at + 1));
                    }
                }
            }
            (None, None) => {}
        }
    }
    found
}

#[test]
fn sqlite_and_postgresql_have_the_same_tables_and_columns() {
    let Some(postgres) = PostgresDb::new() else { return };
    let sqlite = SqliteDb::new();
    let (sqlite, postgres) = (sqlite_schema(&sqlite.store), postgres_schema(&postgres.store));
    assert!(sqlite.len() > 30 && sqlite.contains_key("schema_migrations"), "{:?}", sqlite.keys());
    let found = differences(&sqlite, &postgres);
    assert!(found.is_empty(), "the schemas differ:\n{}", found.join("\n"));
}

#[test]
fn a_difference_is_named_with_its_table() {
    let column = |name: &str, kind: &str| Column { name: name.into(), kind: kind.into(), required: true, key: 0 };
    let sqlite =
        Schema::from([("a".to_owned(), vec![column("x", "integer")]), ("b".to_owned(), vec![column("y", "text")])]);
    let postgres =
        Schema::from([("a".to_owned(), vec![column("x", "boolean")]), ("c".to_owned(), vec![column("z", "bytes")])]);
    let found = differences(&sqlite, &postgres);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("a, column 1: SQLite Some(Column { name: \"x\", kind: \"integer\""), "{}", found[0]);
    assert_eq!(found[1..], ["b: only on SQLite", "c: only on PostgreSQL"]);
    assert_eq!(kind("BIGINT"), kind("integer"));
    assert_eq!(kind("BLOB"), kind("bytea"));
}
