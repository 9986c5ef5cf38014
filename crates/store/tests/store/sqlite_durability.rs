//! The embedded database keeps what it acknowledged through a power cut: every connection of
//! the pool runs in WAL mode with `synchronous=FULL` (the WAL is on disk before a commit returns).

use komek_store::testing::SqliteDb;
use komek_store::{Store, StoreError};

/// `PRAGMA synchronous` and `journal_mode` of `depth` connections held at once.
fn settings_of_connections(store: &Store, depth: usize, seen: &mut Vec<(i64, String)>) -> Result<(), StoreError> {
    store.read(|tx| {
        let synchronous = tx.query_i64("PRAGMA synchronous", &[])?;
        let journal: String = tx.query("PRAGMA journal_mode", &[])?[0].get(0)?;
        seen.push((synchronous, journal));
        if depth > 1 { settings_of_connections(store, depth - 1, seen) } else { Ok(()) }
    })
}

#[test]
fn every_connection_writes_through_to_disk_before_a_commit_returns() {
    let db = SqliteDb::new();
    let mut seen = Vec::new();
    // The pool's every connection, the first and those opened later alike.
    settings_of_connections(&db.store, 8, &mut seen).unwrap();
    assert_eq!(seen.len(), 8);
    for (synchronous, journal) in seen {
        // 2 is FULL; NORMAL (1) may undo the last commits at a power cut.
        assert_eq!(synchronous, 2, "synchronous");
        assert_eq!(journal, "wal");
    }
}
