//! The store's integration tests, one binary: the conformance suite every back end passes, the
//! report counts, the two back ends' schemas side by side, and SQLite's durability. Each module
//! runs on real databases.

mod conformance;
mod reports;
mod schema;
mod sqlite_durability;
