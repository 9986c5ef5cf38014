//! Versioned schema changes, one SQL file per version and back end, applied in order at
//! start-up, each in its own transaction so a failed one leaves the previous schema intact.

use crate::sql::{Dialect, Tx};
use crate::{Store, StoreError, params};

/// One schema version with its script for each back end.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "second factor",
        sqlite: include_str!("migrations/sqlite/0002_second_factor.sql"),
        postgres: include_str!("migrations/postgres/0002_second_factor.sql"),
    },
    Migration {
        version: 3,
        name: "break glass",
        sqlite: include_str!("migrations/sqlite/0003_break_glass.sql"),
        postgres: include_str!("migrations/postgres/0003_break_glass.sql"),
    },
    Migration {
        version: 4,
        name: "typo-tolerant search",
        sqlite: include_str!("migrations/sqlite/0004_typo_tolerant_search.sql"),
        postgres: include_str!("migrations/postgres/0004_typo_tolerant_search.sql"),
    },
    Migration {
        version: 5,
        name: "api tokens",
        sqlite: include_str!("migrations/sqlite/0005_api_tokens.sql"),
        postgres: include_str!("migrations/postgres/0005_api_tokens.sql"),
    },
    Migration {
        version: 6,
        name: "register filters",
        sqlite: include_str!("migrations/sqlite/0006_register_filters.sql"),
        postgres: include_str!("migrations/postgres/0006_register_filters.sql"),
    },
    Migration {
        version: 7,
        name: "case desk",
        sqlite: include_str!("migrations/sqlite/0007_case_desk.sql"),
        postgres: include_str!("migrations/postgres/0007_case_desk.sql"),
    },
    Migration {
        version: 8,
        name: "exchange rates",
        sqlite: include_str!("migrations/sqlite/0008_exchange_rates.sql"),
        postgres: include_str!("migrations/postgres/0008_exchange_rates.sql"),
    },
    Migration {
        version: 9,
        name: "report speed",
        sqlite: include_str!("migrations/sqlite/0009_report_speed.sql"),
        postgres: include_str!("migrations/postgres/0009_report_speed.sql"),
    },
    Migration {
        version: 10,
        name: "repatriation escort",
        sqlite: include_str!("migrations/sqlite/0010_repatriation_escort.sql"),
        postgres: include_str!("migrations/postgres/0010_repatriation_escort.sql"),
    },
    Migration {
        version: 11,
        name: "release ledger",
        sqlite: include_str!("migrations/sqlite/0011_release_ledger.sql"),
        postgres: include_str!("migrations/postgres/0011_release_ledger.sql"),
    },
    Migration {
        version: 12,
        name: "referrals",
        sqlite: include_str!("migrations/sqlite/0012_referrals.sql"),
        postgres: include_str!("migrations/postgres/0012_referrals.sql"),
    },
    Migration {
        version: 13,
        name: "htcds model",
        sqlite: include_str!("migrations/sqlite/0013_htcds_model.sql"),
        postgres: include_str!("migrations/postgres/0013_htcds_model.sql"),
    },
    Migration {
        version: 14,
        name: "consent scans",
        sqlite: include_str!("migrations/sqlite/0014_consent_scans.sql"),
        postgres: include_str!("migrations/postgres/0014_consent_scans.sql"),
    },
    Migration {
        version: 15,
        name: "sent letters",
        sqlite: include_str!("migrations/sqlite/0015_sent_letters.sql"),
        postgres: include_str!("migrations/postgres/0015_sent_letters.sql"),
    },
    Migration {
        version: 16,
        name: "htcds gaps",
        sqlite: include_str!("migrations/sqlite/0016_htcds_gaps.sql"),
        postgres: include_str!("migrations/postgres/0016_htcds_gaps.sql"),
    },
    Migration {
        version: 17,
        name: "referral indexes",
        sqlite: include_str!("migrations/sqlite/0017_referral_indexes.sql"),
        postgres: include_str!("migrations/postgres/0017_referral_indexes.sql"),
    },
    Migration {
        version: 18,
        name: "referral report days",
        sqlite: include_str!("migrations/sqlite/0018_referral_report_days.sql"),
        postgres: include_str!("migrations/postgres/0018_referral_report_days.sql"),
    },
    Migration {
        version: 19,
        name: "declined referrals",
        sqlite: include_str!("migrations/sqlite/0019_declined_referrals.sql"),
        postgres: include_str!("migrations/postgres/0019_declined_referrals.sql"),
    },
    Migration {
        version: 20,
        name: "victim profiles",
        sqlite: include_str!("migrations/sqlite/0020_victim_profiles.sql"),
        postgres: include_str!("migrations/postgres/0020_victim_profiles.sql"),
    },
    Migration {
        version: 21,
        name: "monitoring visits",
        sqlite: include_str!("migrations/sqlite/0021_monitoring_visits.sql"),
        postgres: include_str!("migrations/postgres/0021_monitoring_visits.sql"),
    },
    Migration {
        version: 22,
        name: "visit tasks",
        sqlite: include_str!("migrations/sqlite/0022_visit_tasks.sql"),
        postgres: include_str!("migrations/postgres/0022_visit_tasks.sql"),
    },
    Migration {
        version: 23,
        name: "visit photos",
        sqlite: include_str!("migrations/sqlite/0023_visit_photos.sql"),
        postgres: include_str!("migrations/postgres/0023_visit_photos.sql"),
    },
    Migration {
        version: 24,
        name: "repeat offenders",
        sqlite: include_str!("migrations/sqlite/0024_repeat_offenders.sql"),
        postgres: include_str!("migrations/postgres/0024_repeat_offenders.sql"),
    },
    Migration {
        version: 25,
        name: "triggers older SQLite reads",
        sqlite: include_str!("migrations/sqlite/0025_older_sqlite.sql"),
        postgres: include_str!("migrations/postgres/0025_older_sqlite.sql"),
    },
    Migration {
        version: 26,
        name: "lookup codes",
        sqlite: include_str!("migrations/sqlite/0026_lookup_codes.sql"),
        postgres: include_str!("migrations/postgres/0026_lookup_codes.sql"),
    },
];

pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const CREATE_LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

fn ledger_exists(tx: &mut dyn Tx) -> Result<bool, StoreError> {
    let count = match tx.dialect() {
        Dialect::Sqlite => {
            tx.query_i64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", &[])?
        }
        Dialect::Postgres => tx.query_i64(
            "SELECT count(*) FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
            &[],
        )?,
    };
    Ok(count > 0)
}

pub(crate) fn current_version(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    if !ledger_exists(tx)? {
        return Ok(0);
    }
    tx.query_i64("SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_migrations", &[])
}

pub(crate) fn run(store: &Store, target: i64) -> Result<Vec<i64>, StoreError> {
    let mut applied = Vec::new();
    for migration in MIGRATIONS.iter().filter(|m| m.version <= target) {
        let done = store.write(|tx| {
            if tx.dialect() == Dialect::Postgres {
                // Two servers starting at once must not both migrate.
                tx.execute("SELECT pg_advisory_xact_lock(7000001)", &[])?;
            }
            // Only when missing: PostgreSQL answers every CREATE … IF NOT EXISTS of an existing
            // table with a notice, at every start.
            if !ledger_exists(tx)? {
                tx.execute(CREATE_LEDGER, &[])?;
            }
            let current = current_version(tx)?;
            if current > LATEST_VERSION {
                return Err(StoreError::TooNew { found: current, known: LATEST_VERSION });
            }
            if current >= migration.version {
                return Ok(false);
            }
            let script = match tx.dialect() {
                Dialect::Sqlite => migration.sqlite,
                Dialect::Postgres => migration.postgres,
            };
            tx.execute_batch(script)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                params![migration.version, migration.name, chrono::Utc::now()],
            )?;
            Ok(true)
        })?;
        if done {
            tracing::info!(version = migration.version, name = migration.name, "applied migration");
            applied.push(migration.version);
        }
    }
    Ok(applied)
}
