//! The SQLite file opens in the tools an administrator has at hand to inspect or recover it:
//! Debian stable's `sqlite3` shell and Python's `sqlite3` module, SQLite 3.40 (the oldest
//! version Komek supports, as the README says). An older SQLite refuses the whole file when
//! one trigger or index of its schema uses syntax it does not know, so the test reads and
//! writes a file through those tools: the triggers that keep an appeal's set of topics fire.
//!
//! Without the tools the test says it was skipped, and fails in CI, which installs them.

use std::path::Path;
use std::process::Command;

use komek_store::testing::SqliteDb;

use crate::conformance::{account, office, register_appeal};

/// The oldest SQLite the file must open in: Debian 12's.
const OLDEST: (u32, u32) = (3, 40);

/// Runs Debian's `sqlite3` shell on the file, or `None` (saying so) where it is not installed.
fn shell(file: &Path, sql: &str) -> Option<String> {
    let output = match Command::new("sqlite3").arg("-bail").arg(file).arg(sql).output() {
        Ok(output) => output,
        Err(e) => {
            skipped(&format!("the sqlite3 shell cannot be run ({e})"));
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "sqlite3 refused the file: {stderr}");
    Some(String::from_utf8(output.stdout).expect("UTF-8"))
}

fn skipped(why: &str) {
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}: CI must install Debian's sqlite3 and python3");
    eprintln!("SKIPPED: {why}");
}

fn at_least_oldest(version: &str) -> bool {
    let mut parts = version.trim().split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let found = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    found >= OLDEST
}

#[test]
fn the_database_opens_and_its_triggers_fire_in_debians_sqlite3_shell_and_python() {
    let db = SqliteDb::new();
    let hq = office(&db.store, "hq");
    let operator = account(&db.store, &hq, "aigerim");
    let appeal = register_appeal(&db.store, &hq, &operator, 3, "wages-unpaid");
    let file = db.dir.join("komek.sqlite3");

    let Some(version) = shell(&file, "SELECT sqlite_version();") else { return };
    assert!(at_least_oldest(&version), "the shell is SQLite {version}, older than the oldest supported");
    // Every object of the schema is read, the file is sound, and a change an administrator
    // makes by hand keeps the appeal's sorted set of topics.
    let id = appeal.id.to_string();
    let script = format!(
        "PRAGMA integrity_check;
         SELECT count(*) > 30 FROM sqlite_schema WHERE type = 'table';
         INSERT INTO appeal_topics (appeal_id, topic, received_at)
             SELECT id, 'documents-taken', received_at FROM appeals WHERE id = '{id}';
         SELECT topic_set FROM appeals WHERE id = '{id}';"
    );
    let answered = shell(&file, &script).expect("the shell ran a moment ago");
    assert_eq!(answered.lines().collect::<Vec<_>>(), ["ok", "1", "documents-taken,wages-unpaid"], "{answered}");

    let python = "import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(sqlite3.sqlite_version)
print(db.execute('PRAGMA integrity_check').fetchone()[0])
db.execute(\"DELETE FROM appeal_topics WHERE topic = 'wages-unpaid'\")
db.commit()
print(db.execute('SELECT topic_set FROM appeals').fetchone()[0])";
    let output = match Command::new("python3").arg("-c").arg(python).arg(&file).output() {
        Ok(output) => output,
        Err(e) => return skipped(&format!("python3 cannot be run ({e})")),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "Python's sqlite3 refused the file: {stderr}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(at_least_oldest(lines[0]), "Python's SQLite is {}", lines[0]);
    assert_eq!(lines[1..], ["ok", "documents-taken"], "{stdout}");
}
