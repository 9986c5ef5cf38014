//! Whole tables, for backups and for moving an instance between back ends.

use crate::sql::{Dialect, Row, Tx, Value};
use crate::{StoreError, params};

/// Every table that holds data, parents before children, each with the columns that give its
/// rows a stable order. Sessions are left out on purpose: a restored instance starts logged out.
/// A test checks that no table of the schema is missing here.
pub const DATA_TABLES: &[(&str, &str)] = &[
    ("offices", "id"),
    ("accounts", "id"),
    ("key_ring", "id"),
    ("persons", "id"),
    ("person_index", "token, person_id"),
    ("parties", "id"),
    ("party_index", "token, party_id"),
    ("party_offences", "party_id, district"),
    // Before appeals: an on-site consultation names its visit.
    ("visits", "id"),
    ("appeals", "id"),
    ("appeal_topics", "appeal_id, topic"),
    ("appeal_help", "appeal_id, help"),
    ("appeal_parties", "appeal_id, party_id"),
    ("cases", "id"),
    ("case_counters", "prefix"),
    ("case_team", "case_id, account_id"),
    ("case_persons", "case_id, person_id"),
    ("case_parties", "case_id, party_id"),
    ("case_outcomes", "case_id, outcome"),
    ("services", "id"),
    ("case_events", "id"),
    ("assessments", "id"),
    ("assessment_answers", "assessment_id, indicator"),
    ("proceedings", "id"),
    ("proceeding_articles", "proceeding_id, article"),
    ("hearings", "proceeding_id, held_on"),
    ("case_tasks", "id"),
    ("case_notes", "id"),
    ("evidence_files", "id"),
    ("evidence_content", "evidence_id"),
    ("audit_log", "seq"),
    ("audit_head", "id"),
    ("recovery_codes", "account_id, code_hash"),
    ("break_glass", "id"),
    ("maintenance_pending", "task"),
    ("exchange_rates", "currency, valid_from"),
    ("public_releases", "id"),
    ("privacy_budget", "id"),
    ("partners", "id"),
    ("partner_regions", "partner_id, region"),
    ("partner_services", "partner_id, service"),
    ("partner_languages", "partner_id, language"),
    ("consents", "id"),
    ("consent_scans", "consent_id"),
    ("referrals", "id"),
    ("referral_steps", "referral_id, seq"),
    ("sent_letters", "referral_id"),
    ("visit_partners", "visit_id, partner_id"),
    ("visit_team", "visit_id, account_id"),
    ("visit_citizenships", "visit_id, citizenship"),
    ("visit_checks", "visit_id, item"),
    ("visit_violations", "visit_id, violation"),
    ("visit_materials", "visit_id, material, language"),
    ("visit_cases", "visit_id, case_id"),
    ("visit_tasks", "id"),
    ("visit_photos", "id"),
    ("lookup_codes", "list, code"),
    ("law_articles", "code"),
];

/// Tables whose rows are large (an evidence file is up to megabytes): read a few rows at a
/// time, so that a backup's memory does not grow with them.
pub const LARGE_ROW_TABLES: &[&str] = &["evidence_content", "consent_scans", "sent_letters", "visit_photos"];

/// Tables that hold no data worth keeping in a backup. API tokens are credentials like
/// sessions: a restored instance (perhaps a copy on another machine) must not accept the tokens
/// of the one it came from, nor bring back one revoked since the backup; administrators issue
/// new ones.
pub const NOT_BACKED_UP: &[&str] = &["sessions", "schema_migrations", "api_tokens"];

fn known(table: &str) -> Result<&'static (&'static str, &'static str), StoreError> {
    DATA_TABLES.iter().find(|(t, _)| *t == table).ok_or_else(|| StoreError::Invalid(format!("unknown table {table:?}")))
}

/// Every table of the schema, as the database lists them.
pub fn all_tables(tx: &mut dyn Tx) -> Result<Vec<String>, StoreError> {
    let sql = match tx.dialect() {
        Dialect::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        Dialect::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = current_schema() ORDER BY 1"
        }
    };
    tx.query(sql, &[])?.iter().map(|r| r.get(0)).collect()
}

/// A table's column names, in their defined order.
pub fn columns(tx: &mut dyn Tx, table: &str) -> Result<Vec<String>, StoreError> {
    let (table, _) = known(table)?;
    let sql = match tx.dialect() {
        Dialect::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
        Dialect::Postgres => {
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    tx.query(sql, params![*table])?.iter().map(|r| r.get(0)).collect()
}

/// One page of a table's rows, in its stable order.
pub fn page(tx: &mut dyn Tx, table: &str, columns: &[String], limit: i64, offset: i64) -> Result<Vec<Row>, StoreError> {
    let (table, order) = known(table)?;
    tx.query(
        &format!("SELECT {} FROM {table} ORDER BY {order} LIMIT $1 OFFSET $2", columns.join(", ")),
        params![limit, offset],
    )
}

/// Every row of a table in its stable order, handed to `each` as it is read: one pass, where
/// pages by OFFSET read the table's first rows again for every page.
pub fn each_row(
    tx: &mut dyn Tx,
    table: &str,
    columns: &[String],
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let (table, order) = known(table)?;
    tx.query_each(&format!("SELECT {} FROM {table} ORDER BY {order}", columns.join(", ")), &[], each)
}

/// Empties a table (a restore replaces even the rows a fresh schema starts with).
pub fn clear(tx: &mut dyn Tx, table: &str) -> Result<(), StoreError> {
    let (table, _) = known(table)?;
    tx.execute(&format!("DELETE FROM {table}"), &[])?;
    Ok(())
}

/// Inserts one row given as values for `columns`.
pub fn insert(tx: &mut dyn Tx, table: &str, columns: &[String], values: &[Value]) -> Result<(), StoreError> {
    let (table, _) = known(table)?;
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
    tx.execute(&format!("INSERT INTO {table} ({}) VALUES ({})", columns.join(", "), placeholders.join(", ")), values)?;
    Ok(())
}
