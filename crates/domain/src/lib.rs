//! Komek's domain: the vocabulary every other crate speaks.
//!
//! Owns entity types, lookup lists, roles and their capabilities, money, and the pure rules
//! (validation, name folding for search). Must not do I/O, talk to a database, or know about
//! HTTP: everything here is plain data and pure functions, tested on its own.

pub mod access;
pub mod casework;
pub mod entities;
#[cfg(test)]
mod every_field;
pub mod evidence;
pub mod htcds;
pub mod ids;
pub mod indicators;
pub mod law;
pub mod limits;
pub mod lookups;
pub mod matching;
pub mod money;
pub mod monitoring;
pub mod normalise;
pub mod private_release;
pub mod public_release;
pub mod referrals;
pub mod registry;
pub mod release_ledger;
pub mod reports;
pub mod rules;
pub mod suppression;

pub use access::{Capability, Role};
pub use entities::{age_band, age_band_at};
pub use ids::*;
pub use money::{Currency, Money};

/// Why a value was refused. Every variant names what to fix; the web layer translates it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{field}: is required")]
    Required { field: &'static str },
    /// A code that is not in the lookup list the field takes its codes from.
    #[error("{field}: unknown code {code:?} in the list {list}")]
    UnknownCode { field: &'static str, list: &'static str, code: String },
    /// A name or code that must be unique and is already used (a code a list has already).
    #[error("{field}: is already taken")]
    Taken { field: &'static str },
    /// A code its list has retired, chosen for a record that did not hold it.
    #[error("{field}: the code {code:?} of the list {list} is retired")]
    RetiredCode { field: &'static str, list: &'static str, code: String },
    #[error("{field}: must not be negative")]
    Negative { field: &'static str },
    #[error("{field}: is too long (at most {max} characters)")]
    TooLong { field: &'static str, max: usize },
    #[error("{field}: is not a valid value")]
    Invalid { field: &'static str },
    #[error("{field}: must not contain control characters (only multi-line text may hold line breaks and tabs)")]
    ControlCharacter { field: &'static str },
    #[error("{field}: is too large (at most {max})")]
    TooLarge { field: &'static str, max: Money },
    #[error("{field}: has too many entries (at most {max})")]
    TooMany { field: &'static str, max: usize },
    #[error("{field}: must not be in the future")]
    Future { field: &'static str },
    /// A count larger than the count it is part of ("11 minors of 63 people met").
    #[error("{field}: must not be more than {max}")]
    MoreThan { field: &'static str, max: u32 },
}

impl ValidationError {
    /// The field the error is about, named as the record names it: a struct field, and
    /// `list.field` for a field of each element of a list (`parties.role`).
    pub fn field(&self) -> &'static str {
        match self {
            Self::Required { field }
            | Self::UnknownCode { field, .. }
            | Self::RetiredCode { field, .. }
            | Self::Taken { field }
            | Self::Negative { field }
            | Self::TooLong { field, .. }
            | Self::Invalid { field }
            | Self::ControlCharacter { field }
            | Self::TooLarge { field, .. }
            | Self::TooMany { field, .. }
            | Self::Future { field }
            | Self::MoreThan { field, .. } => field,
        }
    }
}
