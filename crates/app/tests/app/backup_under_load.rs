//! A backup taken while the office works holds nothing back on the live SQLite database: in
//! the middle of the backup a save goes through and the WAL checkpoints down to nothing. The
//! private copy the backup reads is there (mode 0600) only while it runs, and gone after it,
//! also when the backup fails.

use std::io::Write;
use std::path::{Path, PathBuf};

use komek_app::{Actor, App, Keys, MasterKey, Settings, backup, demo};
use komek_store::Store;
use komek_store::repo::tables::DATA_TABLES;
use komek_store::testing::SqliteDb;
use r2d2_sqlite::rusqlite::Connection;

/// Passes the backup through and, at its first write after the two header lines (so while
/// the records are being read), runs `midway` once; `fail` then refuses that write.
struct Midway<F: FnMut()> {
    written: Vec<u8>,
    midway: Option<F>,
    fail: bool,
}

impl<F: FnMut()> Write for Midway<F> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.written.iter().filter(|&&b| b == b'\n').count() >= 2
            && let Some(mut midway) = self.midway.take()
        {
            midway();
            if self.fail {
                return Err(std::io::Error::other("the disk is full"));
            }
        }
        self.written.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The demo's records and a scanned file of 3 MB that does not compress, so that the backup
/// writes sealed chunks while it is still reading records.
fn office_at_work() -> (SqliteDb, MasterKey, App) {
    let db = SqliteDb::new();
    let master = MasterKey::generate();
    let app = App::new(db.store.clone(), Keys::load_or_create(&db.store, &master).unwrap(), Settings::default());
    app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    demo::generate(&app, 3, &|id: &str| id.to_owned()).unwrap();
    let case = app.cases(&Actor::System, &Default::default(), 0).unwrap().items[0].case.id;
    let mut scan = b"%PDF-1.4\n".to_vec();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    scan.extend((0..3 << 20).map(|_| {
        // xorshift: bytes that gzip cannot shrink.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u8
    }));
    scan.extend_from_slice(b"\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    app.add_evidence(&Actor::System, case, "scan.pdf", &scan).unwrap();
    (db, master, app)
}

fn copies_beside(database_dir: &Path) -> Vec<(PathBuf, u32)> {
    std::fs::read_dir(database_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".komek-snapshot-"))
        .map(|p| {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            (p, mode)
        })
        .collect()
}

fn counts(store: &Store) -> Vec<i64> {
    DATA_TABLES
        .iter()
        .map(|(t, _)| store.read(|tx| tx.query_i64(&format!("SELECT count(*) FROM {t}"), &[])).unwrap())
        .collect()
}

#[test]
fn the_wal_checkpoints_to_nothing_while_a_backup_runs_and_its_copy_is_removed() {
    let (db, master, app) = office_at_work();
    let database = db.dir.join("komek.sqlite3");
    let before = counts(app.store());
    // (checkpoint's busy flag, WAL frames left, WAL bytes) and the copies seen, midway.
    let mut seen = None;
    let mut out = Midway {
        written: Vec::new(),
        midway: Some(|| {
            // The office saves a record while the backup reads.
            app.create_office(&Actor::System, "branch", "Branch office", 300).unwrap();
            let live = Connection::open(&database).unwrap();
            let (busy, frames): (i64, i64) =
                live.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            let wal_bytes = std::fs::metadata(db.dir.join("komek.sqlite3-wal")).map_or(0, |m| m.len());
            seen = Some(((busy, frames, wal_bytes), copies_beside(&db.dir)));
        }),
        fail: false,
    };
    let summary = app.create_backup(&Actor::System, &mut out).unwrap();
    let written = out.written;
    let ((busy, frames, wal_bytes), copies) = seen.expect("the backup wrote while it read records");
    // Nothing reads the live file for the backup: the checkpoint was not kept waiting and
    // emptied the WAL, the save of the office included.
    assert_eq!((busy, frames, wal_bytes), (0, 0, 0), "checkpoint (busy, frames left, WAL bytes) midway");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0].1, 0o600, "the copy is private to its owner");
    assert!(copies_beside(&db.dir).is_empty(), "the copy outlived the backup");

    // The backup is the database as it was when it started.
    let target = SqliteDb::new();
    assert_eq!(backup::restore(&target.store, &master, &written[..]).unwrap(), summary);
    assert_eq!(counts(&target.store), before);
}

#[test]
fn a_failed_backup_leaves_no_copy_behind() {
    let (db, _master, app) = office_at_work();
    let mut copies = Vec::new();
    let out = Midway { written: Vec::new(), midway: Some(|| copies = copies_beside(&db.dir)), fail: true };
    assert!(app.create_backup(&Actor::System, out).is_err());
    assert_eq!(copies.len(), 1, "the backup read from a copy");
    assert!(copies_beside(&db.dir).is_empty(), "the copy outlived the failed backup");
}
