//! Appeals with their topics, help given and named parties.

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::entities::Appeal;
use komek_domain::{AppealId, Currency, Money, OfficeId};

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// An appeal as stored: the notes are ciphertext.
#[derive(Debug, Clone)]
pub struct StoredAppeal {
    /// `appeal.notes` is always `None` here; the sealed notes are in `notes_enc`.
    pub appeal: Appeal,
    pub notes_enc: Option<Vec<u8>>,
    pub version: i64,
}

const COLUMNS: &str = "id, office_id, received_at, channel, contact, person_id, occupation, sector, work_region, \
                       work_district, wage_minor, wage_currency, migration_reason, notes_enc, operator_id, \
                       follow_up_on, outcome, version";

fn from_row(row: &Row) -> Result<StoredAppeal, StoreError> {
    let wage = match (row.get::<Option<i64>>(10)?, row.get::<Option<String>>(11)?) {
        (Some(minor), Some(code)) => Some(Money {
            minor,
            currency: Currency::parse(&code).ok_or_else(|| StoreError::Invalid(format!("currency {code:?}")))?,
        }),
        _ => None,
    };
    Ok(StoredAppeal {
        appeal: Appeal {
            id: row.get(0)?,
            office_id: row.get(1)?,
            received_at: row.get(2)?,
            channel: row.get(3)?,
            contact: row.get(4)?,
            person_id: row.get(5)?,
            occupation: row.get(6)?,
            sector: row.get(7)?,
            work_region: row.get(8)?,
            work_district: row.get(9)?,
            wage,
            migration_reason: row.get(12)?,
            notes: None,
            operator_id: row.get(14)?,
            follow_up_on: row.get(15)?,
            outcome: row.get(16)?,
            topics: Vec::new(),
            help: Vec::new(),
            parties: Vec::new(),
        },
        notes_enc: row.get(13)?,
        version: row.get(17)?,
    })
}

pub fn insert(tx: &mut dyn Tx, a: &Appeal, notes_enc: Option<Vec<u8>>) -> Result<(), StoreError> {
    let now = Utc::now();
    tx.execute(
        "INSERT INTO appeals (id, office_id, received_at, channel, contact, person_id, occupation, sector,
                              work_region, work_district, wage_minor, wage_currency, migration_reason,
                              notes_enc, operator_id, follow_up_on, outcome, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, 1)",
        params![
            a.id,
            a.office_id,
            a.received_at,
            &a.channel,
            &a.contact,
            a.person_id,
            a.occupation.clone(),
            a.sector.clone(),
            a.work_region.clone(),
            a.work_district.clone(),
            a.wage.map(|w| w.minor),
            a.wage.map(|w| w.currency.code()),
            a.migration_reason.clone(),
            notes_enc,
            a.operator_id,
            a.follow_up_on,
            &a.outcome,
            now,
        ],
    )?;
    for topic in &a.topics {
        tx.execute("INSERT INTO appeal_topics (appeal_id, topic) VALUES ($1, $2)", params![a.id, topic])?;
    }
    for help in &a.help {
        tx.execute("INSERT INTO appeal_help (appeal_id, help) VALUES ($1, $2)", params![a.id, help])?;
    }
    for (party, role) in &a.parties {
        tx.execute(
            "INSERT INTO appeal_parties (appeal_id, party_id, role) VALUES ($1, $2, $3)",
            params![a.id, *party, role],
        )?;
    }
    Ok(())
}

pub fn get(tx: &mut dyn Tx, id: AppealId) -> Result<StoredAppeal, StoreError> {
    let mut stored = from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM appeals WHERE id = $1"), params![id])?)?;
    let a = &mut stored.appeal;
    a.topics = codes(tx, "SELECT topic FROM appeal_topics WHERE appeal_id = $1 ORDER BY topic", id)?;
    a.help = codes(tx, "SELECT help FROM appeal_help WHERE appeal_id = $1 ORDER BY help", id)?;
    a.parties = tx
        .query("SELECT party_id, role FROM appeal_parties WHERE appeal_id = $1 ORDER BY party_id", params![id])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect::<Result<_, StoreError>>()?;
    Ok(stored)
}

fn codes(tx: &mut dyn Tx, sql: &str, id: AppealId) -> Result<Vec<String>, StoreError> {
    tx.query(sql, params![id])?.iter().map(|r| r.get(0)).collect()
}

/// A line of the appeals register, without the notes.
#[derive(Debug, Clone)]
pub struct AppealLine {
    pub id: AppealId,
    pub received_at: DateTime<Utc>,
    pub channel: String,
    pub outcome: String,
    pub follow_up_on: Option<NaiveDate>,
}

/// The newest appeals of an office (or of all offices).
pub fn recent(tx: &mut dyn Tx, office: Option<OfficeId>, limit: i64) -> Result<Vec<AppealLine>, StoreError> {
    // Two statements rather than "$1 IS NULL OR office_id = $1", which no index can serve.
    let rows = match office {
        Some(office) => tx.query(
            "SELECT id, received_at, channel, outcome, follow_up_on FROM appeals
             WHERE office_id = $1 ORDER BY received_at DESC LIMIT $2",
            params![office, limit],
        )?,
        None => tx.query(
            "SELECT id, received_at, channel, outcome, follow_up_on FROM appeals ORDER BY received_at DESC LIMIT $1",
            params![limit],
        )?,
    };
    rows.iter()
        .map(|r| {
            Ok(AppealLine {
                id: r.get(0)?,
                received_at: r.get(1)?,
                channel: r.get(2)?,
                outcome: r.get(3)?,
                follow_up_on: r.get(4)?,
            })
        })
        .collect()
}

/// Appeals received in `[from, to)`, in one office or all.
pub fn count_received(
    tx: &mut dyn Tx,
    office: Option<OfficeId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<i64, StoreError> {
    match office {
        Some(office) => tx.query_i64(
            "SELECT count(*) FROM appeals WHERE office_id = $1 AND received_at >= $2 AND received_at < $3",
            params![office, from, to],
        ),
        None => {
            tx.query_i64("SELECT count(*) FROM appeals WHERE received_at >= $1 AND received_at < $2", params![from, to])
        }
    }
}

/// Follow-ups due on or before `day` that a given operator owns.
pub fn count_follow_ups_due(
    tx: &mut dyn Tx,
    operator: komek_domain::AccountId,
    day: NaiveDate,
) -> Result<i64, StoreError> {
    tx.query_i64(
        "SELECT count(*) FROM appeals WHERE operator_id = $1 AND follow_up_on IS NOT NULL AND follow_up_on <= $2
         AND outcome = 'pending'",
        params![operator, day],
    )
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM appeals", &[])
}
