//! Encrypted backups: every table, read from one snapshot while the server keeps running,
//! written as compressed JSON lines sealed in numbered chunks; restored into an empty
//! database (SQLite or PostgreSQL, whichever the backup came from or not) in one transaction.
//!
//! File layout: a magic line; a plaintext header line (schema version, time, the wrapped data
//! key); then chunks of `[u32 length][nonce ‖ ciphertext]`, each sealed with XChaCha20-Poly1305
//! under a key derived from the data key, its number and "last" flag bound in, so a chunk that
//! is changed, dropped, reordered or cut off is refused. Opening it needs the master key that
//! wrapped the data key when the backup was made.

use std::io::{BufRead, BufReader, Read, Write};

use chrono::Utc;
use komek_domain::Capability;
use komek_store::repo::{
    self,
    tables::{DATA_TABLES, LARGE_ROW_TABLES},
};
use komek_store::{Dialect, LATEST_VERSION, Row, Store, StoreError, Value};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{Action, Event};
use crate::crypto::{CryptoError, Keys, MasterKey, open_with, seal_with};
use crate::{Actor, App, AppError};

const MAGIC: &[u8] = b"KOMEK-BACKUP 1\n";
const CHUNK_BYTES: usize = 1 << 20;
const PAGE_ROWS: i64 = 5_000;
/// Rows read at once from a table of large rows (evidence files).
const LARGE_PAGE_ROWS: i64 = 4;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("this is not a Komek backup file")]
    NotABackup,
    #[error("the backup file is cut short: it was not written completely or was truncated")]
    Truncated,
    #[error("the backup file was changed or damaged after it was written")]
    Tampered,
    #[error("the backup is of schema version {found}; this Komek restores version {expected}")]
    SchemaVersion { found: i64, expected: i64 },
    #[error("the target database is not empty: restore into a new data directory (and an empty PostgreSQL database)")]
    NotEmpty,
    #[error("the master key does not open this backup (it needs the key in use when the backup was made)")]
    WrongKey,
    #[error("cannot read or write the backup: {0}")]
    Io(std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    App(#[from] AppError),
}

/// Faults found inside the chunk stream, carried through `std::io` readers.
#[derive(Debug, thiserror::Error)]
enum StreamFault {
    #[error("truncated")]
    Truncated,
    #[error("tampered")]
    Tampered,
}

impl From<std::io::Error> for BackupError {
    fn from(e: std::io::Error) -> Self {
        match e.get_ref().and_then(|inner| inner.downcast_ref::<StreamFault>()) {
            Some(StreamFault::Truncated) => Self::Truncated,
            Some(StreamFault::Tampered) => Self::Tampered,
            None if e.kind() == std::io::ErrorKind::UnexpectedEof => Self::Truncated,
            None => Self::Io(e),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    schema_version: i64,
    created_at: String,
    wrapped_key: String,
}

/// What a backup or restore went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: usize,
    pub rows: u64,
}

fn chunk_aad(index: u64, last: bool) -> Vec<u8> {
    format!("komek/backup/v1/{index}/{}", u8::from(last)).into_bytes()
}

/// Seals what is written into numbered chunks.
struct SealingWriter<W: Write> {
    inner: W,
    key: [u8; 32],
    buffer: Vec<u8>,
    index: u64,
}

impl<W: Write> SealingWriter<W> {
    fn emit(&mut self, last: bool) -> std::io::Result<()> {
        let sealed = seal_with(&self.key, &chunk_aad(self.index, last), &self.buffer);
        self.inner.write_all(&(sealed.len() as u32).to_be_bytes())?;
        self.inner.write_all(&sealed)?;
        self.buffer.clear();
        self.index += 1;
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<W> {
        self.emit(true)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for SealingWriter<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        // Chunks are exactly CHUNK_BYTES long but for the last, so a reader can bound them.
        while self.buffer.len() >= CHUNK_BYTES {
            let rest = self.buffer.split_off(CHUNK_BYTES);
            self.emit(false)?;
            self.buffer = rest;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Opens numbered chunks in order, refusing any that do not fit.
struct OpeningReader<R: Read> {
    inner: R,
    key: [u8; 32],
    plain: Vec<u8>,
    position: usize,
    index: u64,
    done: bool,
}

impl<R: Read> OpeningReader<R> {
    fn next_chunk(&mut self) -> std::io::Result<()> {
        let mut length = [0u8; 4];
        self.inner.read_exact(&mut length).map_err(|_| std::io::Error::other(StreamFault::Truncated))?;
        let length = u32::from_be_bytes(length) as usize;
        // A chunk is at most CHUNK_BYTES of plaintext plus version byte, nonce and tag.
        if length > CHUNK_BYTES + 64 {
            return Err(std::io::Error::other(StreamFault::Tampered));
        }
        let mut sealed = vec![0u8; length];
        self.inner.read_exact(&mut sealed).map_err(|_| std::io::Error::other(StreamFault::Truncated))?;
        for last in [false, true] {
            if let Ok(plain) = open_with(&self.key, &chunk_aad(self.index, last), &sealed) {
                self.plain = plain;
                self.position = 0;
                self.index += 1;
                self.done = last;
                return Ok(());
            }
        }
        Err(std::io::Error::other(StreamFault::Tampered))
    }
}

impl<R: Read> Read for OpeningReader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.position == self.plain.len() {
            if self.done {
                return Ok(0);
            }
            self.next_chunk()?;
        }
        let n = out.len().min(self.plain.len() - self.position);
        out[..n].copy_from_slice(&self.plain[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Int(i) => json!(i),
        Value::Bool(b) => json!(b),
        Value::Text(s) => json!(s),
        Value::Blob(b) => json!({ "hex": hex::encode(b) }),
    }
}

fn from_json(value: &serde_json::Value) -> Result<Value, BackupError> {
    Ok(match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Int(n.as_i64().ok_or(BackupError::Tampered)?),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Object(o) => {
            let hex_text = o.get("hex").and_then(|h| h.as_str()).ok_or(BackupError::Tampered)?;
            Value::Blob(hex::decode(hex_text).map_err(|_| BackupError::Tampered)?)
        }
        serde_json::Value::Array(_) => return Err(BackupError::Tampered),
    })
}

impl App {
    /// Writes a backup of every table to `out`, from one consistent snapshot.
    pub fn create_backup<W: Write>(&self, actor: &Actor, out: W) -> Result<Summary, BackupError> {
        actor.require(Capability::ManageSettings).map_err(BackupError::App)?;
        // Read at length from a snapshot, never from the live database (see `Store::snapshot`).
        let snapshot = self.store.snapshot()?;
        let wrapped = snapshot
            .store()
            .read(repo::keys::all)?
            .into_iter()
            .find(|k| k.active)
            .ok_or(BackupError::Store(StoreError::NotFound))?;
        let mut out = out;
        out.write_all(MAGIC)?;
        let header = Header {
            schema_version: LATEST_VERSION,
            created_at: Utc::now().to_rfc3339(),
            wrapped_key: hex::encode(&wrapped.wrapped),
        };
        out.write_all(serde_json::to_string(&header).expect("a header serialises").as_bytes())?;
        out.write_all(b"\n")?;
        let sealer = SealingWriter { inner: out, key: self.keys.backup_key(), buffer: Vec::new(), index: 0 };
        let mut body = flate2::write::GzEncoder::new(sealer, flate2::Compression::default());
        let mut rows = 0u64;
        let outcome = snapshot.store().read(|tx| {
            for (table, _) in DATA_TABLES {
                let columns = repo::tables::columns(tx, table)?;
                writeln!(body, "{}", json!({ "table": table, "columns": columns })).map_err(io_to_store)?;
                let mut write_row = |row: &Row| {
                    let values: Vec<serde_json::Value> = row.0.iter().map(to_json).collect();
                    rows += 1;
                    writeln!(body, "{}", serde_json::Value::Array(values)).map_err(io_to_store)
                };
                if tx.dialect() == Dialect::Sqlite {
                    // The private copy, read in one pass, a row at a time.
                    repo::tables::each_row(tx, table, &columns, &mut |row| write_row(&row))?;
                    continue;
                }
                // PostgreSQL's client holds a query's rows until the last arrives: read by pages.
                let mut offset = 0;
                let page_rows = if LARGE_ROW_TABLES.contains(table) { LARGE_PAGE_ROWS } else { PAGE_ROWS };
                loop {
                    let page = repo::tables::page(tx, table, &columns, page_rows, offset)?;
                    page.iter().try_for_each(&mut write_row)?;
                    if (page.len() as i64) < page_rows {
                        break;
                    }
                    offset += page_rows;
                }
            }
            writeln!(body, "{}", json!({ "end": true })).map_err(io_to_store)?;
            Ok(())
        });
        outcome?;
        drop(snapshot);
        body.finish()?.finish()?;
        self.store.write(|tx| {
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Export, "backup", "all").detail(format!("{rows} rows")),
            )
        })?;
        Ok(Summary { tables: DATA_TABLES.len(), rows })
    }
}

fn io_to_store(e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("writing the backup failed: {e}"))
}

/// Restores a backup into `store`, which must be migrated and empty. Everything is written in
/// one transaction: a backup that turns out damaged half-way leaves the database empty.
pub fn restore<R: Read>(store: &Store, master: &MasterKey, input: R) -> Result<Summary, BackupError> {
    let mut input = BufReader::new(input);
    let mut magic = vec![0u8; MAGIC.len()];
    if input.read_exact(&mut magic).is_err() || magic != MAGIC {
        return Err(BackupError::NotABackup);
    }
    let mut header_line = String::new();
    input.read_line(&mut header_line)?;
    let header: Header = serde_json::from_str(&header_line).map_err(|_| BackupError::NotABackup)?;
    if header.schema_version != LATEST_VERSION {
        return Err(BackupError::SchemaVersion { found: header.schema_version, expected: LATEST_VERSION });
    }
    let wrapped = hex::decode(&header.wrapped_key).map_err(|_| BackupError::NotABackup)?;
    let keys = match Keys::from_wrapped(master, &wrapped) {
        Ok(keys) => keys,
        Err(CryptoError::WrongMasterKey) => return Err(BackupError::WrongKey),
        Err(e) => return Err(BackupError::App(e.into())),
    };
    let empty = store.read(|tx| Ok(repo::accounts::count(tx)? == 0 && repo::keys::all(tx)?.is_empty()))?;
    if !empty {
        return Err(BackupError::NotEmpty);
    }
    let opener =
        OpeningReader { inner: input, key: keys.backup_key(), plain: Vec::new(), position: 0, index: 0, done: false };
    let lines = BufReader::new(flate2::read::GzDecoder::new(opener)).lines();
    let mut fault: Option<BackupError> = None;
    let result = store.write(|tx| {
        let (mut table, mut columns, mut rows, mut tables, mut ended) =
            (String::new(), Vec::new(), 0u64, 0usize, false);
        for line in lines {
            let line = match line {
                Ok(line) => line,
                Err(e) => {
                    fault = Some(e.into());
                    return Err(StoreError::Invalid("the backup could not be read".into()));
                }
            };
            let parsed: serde_json::Value =
                serde_json::from_str(&line).map_err(|_| StoreError::Invalid("a backup line is not valid".into()))?;
            match parsed {
                serde_json::Value::Array(values) => {
                    let values = values
                        .iter()
                        .map(from_json)
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                    repo::tables::insert(tx, &table, &columns, &values)?;
                    rows += 1;
                }
                serde_json::Value::Object(o) if o.contains_key("table") => {
                    table = o.get("table").and_then(|t| t.as_str()).unwrap_or_default().to_owned();
                    columns = o
                        .get("columns")
                        .and_then(|c| c.as_array())
                        .map(|c| c.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                        .unwrap_or_default();
                    // Only the schema's own columns are ever named in SQL.
                    if columns != repo::tables::columns(tx, &table)? {
                        return Err(StoreError::Invalid(format!(
                            "the backup's {table} columns do not match this schema"
                        )));
                    }
                    repo::tables::clear(tx, &table)?;
                    tables += 1;
                }
                serde_json::Value::Object(o) if o.contains_key("end") => ended = true,
                _ => return Err(StoreError::Invalid("a backup line is not valid".into())),
            }
        }
        if !ended {
            fault = Some(BackupError::Truncated);
            return Err(StoreError::Invalid("the backup ends early".into()));
        }
        Ok(Summary { tables, rows })
    });
    match (result, fault) {
        (_, Some(fault)) => Err(fault),
        (Ok(summary), None) => Ok(summary),
        (Err(e), None) => Err(e.into()),
    }
}
