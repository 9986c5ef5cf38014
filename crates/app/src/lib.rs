//! Komek's services: every use case, with access control, encryption and audit built in.
//!
//! Owns the rules of who may do what (`access`), the sealing of identifying fields and the
//! blind indexes (`crypto`), the audit chain (`audit`), the data directory (`instance`), and
//! one module per area of work. Web handlers, the CLI and the demo generator all come through
//! here; none of them may reach the store directly. Must not render HTML or parse HTTP.

pub mod access;
pub mod api_tokens;
pub mod appeals;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod break_glass;
pub mod cases;
pub mod casework;
pub mod clock;
pub mod crypto;
pub mod dashboard;
pub mod demo;
#[cfg(any(test, feature = "testing"))]
pub mod fixtures;
pub mod instance;
pub mod lookups;
pub mod monitoring;
pub mod open_data;
pub mod parties;
pub mod partners;
pub(crate) mod pdf;
pub mod persons;
pub mod policy;
pub mod public_releases;
pub mod referrals;
pub mod report_export;
pub mod reports;
pub mod sealed;
mod search;
pub mod second_factor;
pub mod totp;

use std::time::Duration;

use komek_domain::ValidationError;
use komek_store::{Store, StoreError};

pub use access::Actor;
pub use crypto::{CryptoError, Keys, MasterKey};

/// Everything the services need: the store, the unwrapped keys, the settings.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Store,
    pub(crate) keys: Keys,
    pub settings: Settings,
    pub(crate) throttle: std::sync::Arc<auth::AddressThrottle>,
    pub(crate) login_gates: std::sync::Arc<auth::AccountGates>,
    pub(crate) appender: std::sync::Arc<audit::Appender>,
    pub(crate) lookups: std::sync::Arc<lookups::LookupCache>,
}

/// Security settings, all configurable; the defaults are the safe ones.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A session unused this long ends.
    pub session_idle: Duration,
    /// A session ends this long after login, however active.
    pub session_absolute: Duration,
    /// Wrong passwords in a row that lock an account …
    pub lock_after_failures: i64,
    /// … for this long.
    pub lock_for: Duration,
    /// Failed logins from one address within `lock_for` before that address is refused.
    pub address_failures_allowed: u32,
}

/// One page of a list.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Whether another page follows.
    pub more: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            session_idle: Duration::from_secs(30 * 60),
            session_absolute: Duration::from_secs(12 * 3600),
            lock_after_failures: 10,
            lock_for: Duration::from_secs(15 * 60),
            address_failures_allowed: 30,
        }
    }
}

impl App {
    pub fn new(store: Store, keys: Keys, settings: Settings) -> Self {
        Self {
            store,
            keys,
            settings,
            throttle: Default::default(),
            login_gates: Default::default(),
            appender: Default::default(),
            lookups: Default::default(),
        }
    }

    /// The store below the services, for tests and the benchmarks (the `testing` feature):
    /// the server and the CLI are built without it.
    #[cfg(any(test, feature = "testing"))]
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Whether the database answers.
    pub fn health(&self) -> AppResult<()> {
        self.store.read(|tx| tx.query_i64("SELECT 1", &[]))?;
        Ok(())
    }
}

/// Why a service refused or failed. The web layer maps each to a status and a translated message.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ValidationError>),
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("the session has ended; log in again")]
    SessionEnded,
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    Store(StoreError),
    /// A referral would carry what its consent does not allow (or the consent was withdrawn or
    /// has expired): the consent's own reason, naming the field where it is one.
    #[error("consent {consent}: {refused}")]
    NotConsented { consent: komek_domain::ConsentId, refused: komek_domain::referrals::SharingRefused },
    /// A printable document (a referral letter) could not be drawn.
    #[error("the document could not be drawn: {0}")]
    Document(String),
    /// The noise of a private release could not be drawn.
    #[error("drawing the noise of a private release failed: {0}")]
    Noise(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            // A collision with a change made at the same moment reads to the user as a change
            // made meanwhile: what they typed comes back, to be sent again.
            StoreError::Conflict(_) | StoreError::Collided(_) => Self::Conflict,
            other => Self::Store(other),
        }
    }
}

impl AppError {
    pub fn invalid(errors: Vec<ValidationError>) -> Result<(), Self> {
        if errors.is_empty() { Ok(()) } else { Err(Self::Invalid(errors)) }
    }
}

pub type AppResult<T> = Result<T, AppError>;
