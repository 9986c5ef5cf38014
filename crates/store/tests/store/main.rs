//! The store's integration tests, one binary: the conformance suite every back end passes, the
//! report counts, and SQLite's durability. Each module runs on real databases.

mod conformance;
mod reports;
mod sqlite_durability;
