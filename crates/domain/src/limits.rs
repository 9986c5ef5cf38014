//! How large a record may grow: the longest text of each kind, the most entries of each list.
//! The limits are generous for real work and stop a mistaken paste or a hostile request from
//! filling the database; every `validate()` and the API's schema read them from here.

/// Longest free text we accept in one field: a long consultation note, not a novel.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest free text a case part accepts: as long as an appeal's notes.
pub const MAX_TEXT_CHARS: usize = MAX_NOTE_CHARS;
/// Longest name, phone, document number or other short field.
pub const MAX_SHORT_CHARS: usize = 200;
/// Longest one-line text (a task title, a court's case number).
pub const MAX_LINE_CHARS: usize = 300;
/// Longest region of origin: a region or town name, not an address.
pub const MAX_REGION_CHARS: usize = 100;

/// Most parties one appeal or case names.
pub const MAX_NAMED_PARTIES: usize = 100;
/// Most other spellings of one person's or party's name: the transliterations of a name
/// between Uzbek, Russian and Kazakh spellings number a few dozen at most.
pub const MAX_SPELLINGS: usize = 50;
/// Most phones, documents or identifiers of one person or party.
pub const MAX_PHONES: usize = 20;
pub const MAX_DOCUMENTS: usize = 20;
/// Most persons one (group) case holds, and staff on its team.
pub const MAX_CASE_PERSONS: usize = 500;
pub const MAX_CASE_TEAM: usize = 50;
/// Most hearings and articles one proceeding lists.
pub const MAX_HEARINGS: usize = 100;
pub const MAX_ARTICLES: usize = 20;
