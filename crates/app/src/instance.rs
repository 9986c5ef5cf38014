//! A Komek instance on disk: the data directory, its lock, its master key, its database,
//! and the first start that creates the head office and an administrator.

use std::fs::File;
use std::path::{Path, PathBuf};

use komek_domain::entities::Office;
use komek_domain::{OfficeId, Role};
use komek_store::{Store, StoreError, repo};

use crate::audit::{Action, Event};
use crate::auth::NewAccount;
use crate::crypto::{CryptoError, Keys, MasterKey};
use crate::{Actor, App, AppError, Settings};

/// The SQLite file's name inside the data directory.
pub const DATABASE_FILE: &str = "komek.sqlite3";
const LOCK_FILE: &str = "komek.lock";

/// Why an instance could not be opened: each says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    #[error("cannot use the data directory {0}: {1}")]
    DataDir(String, String),
    #[error("another Komek server is already using the data directory {0}; stop it first")]
    Busy(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    App(#[from] AppError),
}

/// An open data directory, locked for this process until dropped.
#[derive(Debug)]
pub struct DataDir {
    pub path: PathBuf,
    _lock: File,
}

/// Whether this process needs the data directory to itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Serving, loading the demo, migrating: one process at a time.
    Exclusive,
    /// Read-mostly commands beside a running server (audit verification).
    Shared,
}

impl DataDir {
    /// Creates the directory if needed (owner-only) and, for exclusive access, takes its lock.
    pub fn open(path: &Path, access: Access) -> Result<Self, InstanceError> {
        let fail = |e: std::io::Error| InstanceError::DataDir(path.display().to_string(), e.to_string());
        if !path.exists() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(path).map_err(fail)?;
        }
        if !path.is_dir() {
            return Err(InstanceError::DataDir(path.display().to_string(), "it is not a directory".into()));
        }
        let lock = File::options().create(true).truncate(false).write(true).open(path.join(LOCK_FILE)).map_err(fail)?;
        match if access == Access::Exclusive { lock.try_lock() } else { Ok(()) } {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(InstanceError::Busy(path.display().to_string())),
            Err(std::fs::TryLockError::Error(e)) => return Err(fail(e)),
        }
        Ok(Self { path: path.to_owned(), _lock: lock })
    }

    pub fn database_path(&self) -> PathBuf {
        self.path.join(DATABASE_FILE)
    }
}

/// What the first start created: shown once, then only its hash exists.
#[derive(Debug, Clone)]
pub struct FirstStart {
    pub office: Office,
    pub admin: NewAccount,
}

/// An opened instance: the services, and what the first start created, if this was it.
pub struct Instance {
    pub data_dir: DataDir,
    pub app: App,
    pub first_start: Option<FirstStart>,
}

/// Opens (or creates) the instance: lock, database (SQLite in the data directory unless a
/// PostgreSQL URL is given), migrations, master key, data key, first administrator.
pub fn open(
    data_dir: &Path,
    database_url: Option<&str>,
    settings: Settings,
    access: Access,
) -> Result<Instance, InstanceError> {
    let data_dir = DataDir::open(data_dir, access)?;
    let store = match database_url {
        Some(url) => Store::open_postgres(url)?,
        None => Store::open_sqlite(&data_dir.database_path())?,
    };
    store.migrate()?;
    // A key is made only for a database that has none yet; for any other, a missing key
    // file is an error, never a reason to start afresh and make the data unreadable.
    let has_keys = !store.read(repo::keys::all)?.is_empty();
    let master = MasterKey::load(&data_dir.path, !has_keys)?;
    let keys = match Keys::load_or_create(&store, &master) {
        Err(CryptoError::WrongMasterKey) => finish_interrupted_rotation(&data_dir.path, &store)?,
        other => other?,
    };
    let app = App::new(store, keys, settings);
    app.finish_maintenance()?;
    let first_start = first_start(&app)?;
    Ok(Instance { data_dir, app, first_start })
}

/// The key file a rotation writes before the database is re-wrapped, renamed over the key file after.
const NEW_KEY_FILE: &str = "master.key.new";

/// A rotation stopped between re-wrapping the database and renaming the new key file leaves the
/// right key in `master.key.new`: use it, and finish the rename.
fn finish_interrupted_rotation(dir: &Path, store: &Store) -> Result<Keys, InstanceError> {
    let candidate = dir.join(NEW_KEY_FILE);
    let Ok(text) = std::fs::read_to_string(&candidate) else { return Err(CryptoError::WrongMasterKey.into()) };
    let keys = Keys::load_or_create(store, &MasterKey::from_hex(&text)?)?;
    std::fs::rename(&candidate, dir.join(crate::crypto::MASTER_KEY_FILE)).map_err(CryptoError::Io)?;
    tracing::warn!("finished an interrupted master key rotation");
    Ok(keys)
}

/// What a master key rotation produced.
#[derive(Debug)]
pub enum RotatedKey {
    /// The new key replaced the key file.
    Written(PathBuf),
    /// The key came from `KOMEK_MASTER_KEY`: here is the new one to put there instead; it is
    /// also in this file until the operator has moved it (then delete the file).
    FromEnvironment(MasterKey, PathBuf),
}

/// Wraps the data key under a new master key. The data itself is untouched and a running
/// server keeps working (it holds the unwrapped key); the old master key stops working.
pub fn rotate_master_key(instance: &Instance) -> Result<RotatedKey, InstanceError> {
    let dir = &instance.data_dir.path;
    let from_environment = std::env::var(crate::crypto::MASTER_KEY_VAR).is_ok();
    let old = MasterKey::load(dir, false)?;
    let new = MasterKey::generate();
    let store = &instance.app.store;
    // The new key is on disk before the database depends on it, whichever way the key is
    // given: a stop at any point leaves a key that opens the data.
    let staged = dir.join(NEW_KEY_FILE);
    let _ = std::fs::remove_file(&staged);
    new.write_file(&staged)?;
    Keys::rotate_master(store, &old, &new)?;
    if !from_environment {
        std::fs::rename(&staged, dir.join(crate::crypto::MASTER_KEY_FILE)).map_err(CryptoError::Io)?;
    }
    let audited = instance.app.store.write(|tx| {
        instance.app.audit(tx, Event::new(None, Action::KeyRotated, "key-ring", "master").detail("master key rotated"))
    });
    if let Err(e) = audited {
        // The rotation itself is done; losing its audit entry must not lose the new key.
        tracing::error!(error = %e, "the master key was rotated but its audit entry could not be written");
    }
    Ok(if from_environment {
        RotatedKey::FromEnvironment(new, staged)
    } else {
        RotatedKey::Written(dir.join(crate::crypto::MASTER_KEY_FILE))
    })
}

fn first_start(app: &App) -> Result<Option<FirstStart>, InstanceError> {
    if app.store.read(repo::accounts::count)? > 0 {
        return Ok(None);
    }
    let office = match app.store.read(|tx| repo::offices::by_code(tx, "hq"))? {
        Some(office) => office,
        None => app.create_office(&Actor::System, "hq", "Head office", 300)?,
    };
    let admin = app.create_account(&Actor::System, "admin", "Administrator", Role::Administrator, office.id, "ru")?;
    Ok(Some(FirstStart { office, admin }))
}

impl App {
    pub fn create_office(
        &self,
        actor: &Actor,
        code: &str,
        name: &str,
        utc_offset_minutes: i32,
    ) -> Result<Office, AppError> {
        actor.require(komek_domain::Capability::ManageSettings)?;
        let office = Office {
            id: OfficeId::new(),
            code: code.trim().to_lowercase(),
            name: name.trim().to_owned(),
            utc_offset_minutes,
        };
        let errors = office.validate();
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        self.store.write(|tx| {
            repo::offices::insert(tx, &office)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Create, "office", office.id.to_string())
                    .detail(office.code.clone()),
            )
        })?;
        Ok(office)
    }

    /// Renames an office and sets its clock: its name heads the letters it sends, and its
    /// clock decides the day of what it records. The code stays.
    pub fn update_office(
        &self,
        actor: &Actor,
        id: OfficeId,
        name: &str,
        utc_offset_minutes: i32,
    ) -> Result<Office, AppError> {
        actor.require(komek_domain::Capability::ManageSettings)?;
        self.store.write(|tx| {
            let before = repo::offices::get(tx, id)?;
            let office = Office { name: name.trim().to_owned(), utc_offset_minutes, ..before.clone() };
            let errors = office.validate();
            if !errors.is_empty() {
                return Ok(Err(AppError::Invalid(errors)));
            }
            repo::offices::update(tx, &office)?;
            let mut changed = Vec::new();
            if office.name != before.name {
                changed.push(format!("name {:?} → {:?}", before.name, office.name));
            }
            if office.utc_offset_minutes != before.utc_offset_minutes {
                changed.push(format!("clock UTC{:+} min → UTC{:+} min", before.utc_offset_minutes, utc_offset_minutes));
            }
            if !changed.is_empty() {
                let event = Event::new(actor.account_id(), Action::Update, "office", id.to_string());
                self.audit(tx, event.detail(changed.join("; ")))?;
            }
            Ok(Ok(office))
        })?
    }

    pub fn offices(&self) -> Result<Vec<Office>, AppError> {
        Ok(self.store.read(repo::offices::list)?)
    }

    pub fn office_by_code(&self, code: &str) -> Result<Option<Office>, AppError> {
        Ok(self.store.read(|tx| repo::offices::by_code(tx, code))?)
    }
}
