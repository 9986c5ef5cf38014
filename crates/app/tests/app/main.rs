//! The services' integration tests, one binary: a module per feature, each through `App` on real
//! SQLite files and (where it says so) a real PostgreSQL server.

mod access_matrix;
mod api_tokens;
mod audit_chain;
mod audited_reads;
mod backup;
mod backup_under_load;
mod break_glass;
mod case_rules;
mod case_stories;
mod demo_year;
mod lists;
mod monitoring;
mod open_data;
mod parties;
mod partners;
mod referrals;
mod report_export;
mod reports;
mod search;
mod values;
