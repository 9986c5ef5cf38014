//! Encryption of identifying fields, keyed blind indexes, and the key hierarchy.
//!
//! A 32-byte master key lives outside the database (a 0600 key file in the data directory,
//! or `KOMEK_MASTER_KEY`); it only wraps the data key, which is stored wrapped in `key_ring`.
//! Fields are sealed with XChaCha20-Poly1305, the record kind, id and field name bound in as
//! associated data so a ciphertext moved to another record or field fails to open. Search
//! uses HMAC-SHA-256 of folded tokens under a key derived from the data key, so the
//! database holds neither plaintext nor anything an attacker without the key can test.

use std::io::Write;
use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use komek_store::repo::{self, IndexToken};
use komek_store::{Store, StoreError};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// The environment variable that may carry the master key (64 hex digits) instead of a file.
pub const MASTER_KEY_VAR: &str = "KOMEK_MASTER_KEY";
/// The key file's name inside the data directory.
pub const MASTER_KEY_FILE: &str = "master.key";

const SEALED_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const WRAP_AAD: &[u8] = b"komek/data-key/v1";

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the master key is missing: no {MASTER_KEY_VAR} and no key file at {0}")]
    MissingMasterKey(String),
    #[error("the master key is malformed: it must be 64 hexadecimal digits ({0})")]
    MalformedMasterKey(String),
    #[error("the master key does not open this database's data key: wrong key for this data")]
    WrongMasterKey,
    #[error("a sealed value could not be opened (damaged, or moved from another record)")]
    Unseal,
    #[error("cannot read or write the key file: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// 32 random bytes from the operating system.
pub fn random_key() -> [u8; 32] {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).expect("the operating system's random source failed");
    key
}

/// Random bytes as lowercase hex: tokens, one-time passwords.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source failed");
    hex::encode(buf)
}

/// The master key: wraps data keys, never stored in the database.
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

impl MasterKey {
    pub fn generate() -> Self {
        Self(random_key())
    }

    pub fn from_hex(text: &str) -> Result<Self, CryptoError> {
        let bytes = hex::decode(text.trim()).map_err(|e| CryptoError::MalformedMasterKey(e.to_string()))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|b: Vec<u8>| CryptoError::MalformedMasterKey(format!("{} bytes instead of 32", b.len())))?;
        Ok(Self(key))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The key from `KOMEK_MASTER_KEY`, else from the data directory's key file; when neither
    /// exists and `create` is set, a new key file is written with mode 0600.
    pub fn load(data_dir: &Path, create: bool) -> Result<Self, CryptoError> {
        if let Ok(value) = std::env::var(MASTER_KEY_VAR) {
            return Self::from_hex(&value);
        }
        let path = data_dir.join(MASTER_KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::from_hex(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
                let key = Self::generate();
                key.write_file(&path)?;
                Ok(key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(CryptoError::MissingMasterKey(path.display().to_string()))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Writes the key to a new file readable by its owner only.
    pub fn write_file(&self, path: &Path) -> Result<(), CryptoError> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path)?;
        writeln!(file, "{}", self.to_hex())?;
        file.sync_all()?;
        Ok(())
    }

    fn wrap(&self, data_key: &[u8; 32]) -> Vec<u8> {
        seal_with(&self.0, WRAP_AAD, data_key)
    }

    fn unwrap_key(&self, wrapped: &[u8]) -> Result<[u8; 32], CryptoError> {
        let plain = open_with(&self.0, WRAP_AAD, wrapped).map_err(|_| CryptoError::WrongMasterKey)?;
        plain.try_into().map_err(|_| CryptoError::WrongMasterKey)
    }
}

pub(crate) fn seal_with(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).expect("the operating system's random source failed");
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad })
        .expect("XChaCha20-Poly1305 encryption of an in-memory buffer cannot fail");
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(SEALED_VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

pub(crate) fn open_with(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < 1 + NONCE_LEN + 16 || sealed[0] != SEALED_VERSION {
        return Err(CryptoError::Unseal);
    }
    let cipher = XChaCha20Poly1305::new(key.into());
    cipher
        .decrypt(XNonce::from_slice(&sealed[1..1 + NONCE_LEN]), Payload { msg: &sealed[1 + NONCE_LEN..], aad })
        .map_err(|_| CryptoError::Unseal)
}

fn derive(key: &[u8; 32], purpose: &[u8]) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(purpose);
    mac.finalize().into_bytes().into()
}

/// The keys in use, unwrapped in memory: sealing, blind indexes, the audit chain.
#[derive(Clone)]
pub struct Keys {
    data_key: [u8; 32],
    index_key: [u8; 32],
    audit_key: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

/// Where a sealed value belongs: bound into its ciphertext.
#[derive(Debug, Clone, Copy)]
pub struct FieldRef<'a> {
    pub kind: &'a str,
    pub id: Uuid,
    pub field: &'a str,
}

impl FieldRef<'_> {
    fn aad(&self) -> Vec<u8> {
        format!("komek/field/v1/{}/{}/{}", self.kind, self.id, self.field).into_bytes()
    }
}

impl Keys {
    /// Unwraps the database's data key with `master`, creating and storing one on first use.
    pub fn load_or_create(store: &Store, master: &MasterKey) -> Result<Self, CryptoError> {
        let existing = store.read(repo::keys::all)?;
        let data_key = match existing.iter().find(|k| k.active) {
            Some(k) => master.unwrap_key(&k.wrapped)?,
            None => {
                let data_key = random_key();
                let wrapped =
                    repo::keys::WrappedKey { id: Uuid::now_v7(), wrapped: master.wrap(&data_key), active: true };
                store.write(|tx| repo::keys::insert(tx, &wrapped))?;
                data_key
            }
        };
        Ok(Self::from_data_key(data_key))
    }

    /// The keys of a data key wrapped by `master` (a backup's header carries one).
    pub fn from_wrapped(master: &MasterKey, wrapped: &[u8]) -> Result<Self, CryptoError> {
        Ok(Self::from_data_key(master.unwrap_key(wrapped)?))
    }

    /// The key that seals backups: derived from the data key, so a backup opens with the
    /// master key that was in use when it was made.
    pub(crate) fn backup_key(&self) -> [u8; 32] {
        derive(&self.data_key, b"komek/backup/v1")
    }

    fn from_data_key(data_key: [u8; 32]) -> Self {
        Self {
            index_key: derive(&data_key, b"komek/blind-index/v1"),
            audit_key: derive(&data_key, b"komek/audit-chain/v1"),
            data_key,
        }
    }

    /// Re-wraps every data key under `new_master`. The data is untouched: only the wrapping
    /// changes, in one transaction, so the server can keep running with the keys it holds.
    pub fn rotate_master(store: &Store, old: &MasterKey, new_master: &MasterKey) -> Result<usize, CryptoError> {
        let keys = store.read(repo::keys::all)?;
        let mut rewrapped = Vec::with_capacity(keys.len());
        for k in &keys {
            rewrapped.push((k.id, new_master.wrap(&old.unwrap_key(&k.wrapped)?)));
        }
        store.write(|tx| {
            for (id, wrapped) in &rewrapped {
                repo::keys::rewrap(tx, *id, wrapped.clone())?;
            }
            Ok(())
        })?;
        Ok(rewrapped.len())
    }

    pub fn seal(&self, at: FieldRef<'_>, plaintext: &[u8]) -> Vec<u8> {
        seal_with(&self.data_key, &at.aad(), plaintext)
    }

    pub fn open(&self, at: FieldRef<'_>, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        open_with(&self.data_key, &at.aad(), sealed)
    }

    /// Seals a value as JSON.
    pub fn seal_json<T: serde::Serialize>(&self, at: FieldRef<'_>, value: &T) -> Vec<u8> {
        self.seal(at, &serde_json::to_vec(value).expect("serialising plain data cannot fail"))
    }

    pub fn open_json<T: serde::de::DeserializeOwned>(&self, at: FieldRef<'_>, sealed: &[u8]) -> Result<T, CryptoError> {
        serde_json::from_slice(&self.open(at, sealed)?).map_err(|_| CryptoError::Unseal)
    }

    /// The blind-index token of an already folded value.
    pub fn index_token(&self, kind: &'static str, folded: &str) -> IndexToken {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.index_key).expect("HMAC takes keys of any length");
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(folded.as_bytes());
        // 16 bytes keep collisions negligible at any size this system will reach.
        IndexToken { kind, token: mac.finalize().into_bytes()[..16].to_vec() }
    }

    /// Keyed hash for the audit chain.
    pub fn audit_mac(&self, parts: &[&[u8]]) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.audit_key).expect("HMAC takes keys of any length");
        for part in parts {
            // Length-prefixed, so no two different entries hash the same bytes.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        hex::encode(mac.finalize().into_bytes())
    }
}

impl crate::App {
    /// Opens a sealed JSON value inside a transaction, for system work that shows it to nobody
    /// (re-indexing); every read on behalf of a person goes through `read_sealed_json`.
    pub(crate) fn open_json_unaudited<T: serde::de::DeserializeOwned>(
        &self,
        at: FieldRef<'_>,
        sealed: &[u8],
    ) -> Result<T, StoreError> {
        self.keys.open_json(at, sealed).map_err(|e| StoreError::Invalid(e.to_string()))
    }

    /// Opens a sealed text field; the caller records the read of its record.
    pub(crate) fn open_text(&self, at: FieldRef<'_>, sealed: &[u8]) -> Result<String, StoreError> {
        let plain = self.keys.open(at, sealed).map_err(|e| StoreError::Invalid(e.to_string()))?;
        String::from_utf8(plain).map_err(|_| StoreError::Invalid(format!("{} is not text", at.field)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::from_data_key(random_key())
    }

    #[test]
    fn a_sealed_field_opens_only_in_its_own_record_and_field() {
        let k = keys();
        let id = Uuid::now_v7();
        let here = FieldRef { kind: "person", id, field: "identity" };
        let sealed = k.seal(here, "Хусан".as_bytes());
        assert_eq!(k.open(here, &sealed).unwrap(), "Хусан".as_bytes());
        assert!(!sealed.windows(4).any(|w| w == "Ху".as_bytes()));
        let other_record = FieldRef { id: Uuid::now_v7(), ..here };
        assert!(k.open(other_record, &sealed).is_err());
        let other_field = FieldRef { field: "notes", ..here };
        assert!(k.open(other_field, &sealed).is_err());
        let mut tampered = sealed.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert!(k.open(here, &tampered).is_err());
        assert!(k.open(here, &sealed[..10]).is_err());
    }

    #[test]
    fn a_wrong_master_key_is_told_apart_from_damage() {
        let master = MasterKey::generate();
        let wrapped = master.wrap(&random_key());
        assert!(matches!(MasterKey::generate().unwrap_key(&wrapped), Err(CryptoError::WrongMasterKey)));
        assert!(master.unwrap_key(&wrapped).is_ok());
    }

    #[test]
    fn master_keys_parse_from_hex_and_refuse_anything_else() {
        let k = MasterKey::generate();
        assert_eq!(MasterKey::from_hex(&format!("{}\n", k.to_hex())).unwrap().0, k.0);
        assert!(MasterKey::from_hex("abcd").is_err());
        assert!(MasterKey::from_hex(&"zz".repeat(32)).is_err());
    }

    #[test]
    fn blind_index_tokens_depend_on_key_kind_and_value() {
        let (a, b) = (keys(), keys());
        assert_eq!(a.index_token("name", "husan"), a.index_token("name", "husan"));
        assert_ne!(a.index_token("name", "husan"), b.index_token("name", "husan"));
        assert_ne!(a.index_token("name", "husan").token, a.index_token("phone", "husan").token);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_key_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let key = MasterKey::generate();
        let path = dir.path().join(MASTER_KEY_FILE);
        key.write_file(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(key.write_file(&path).is_err(), "never overwrites an existing key");
    }
}
