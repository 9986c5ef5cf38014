//! Appeals with their topics, help given and named parties.

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::entities::Appeal;
use komek_domain::{AccountId, AppealId, Currency, Money, OfficeId, PartyId, PersonId, VisitId};

use crate::sql::{Row, Tx, Value};
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
    insert_lists(tx, a)?;
    super::parties::recount(tx, a.parties.iter().map(|(party, _)| *party))
}

fn insert_lists(tx: &mut dyn Tx, a: &Appeal) -> Result<(), StoreError> {
    for topic in &a.topics {
        tx.execute(
            "INSERT INTO appeal_topics (appeal_id, topic, received_at) VALUES ($1, $2, $3)",
            params![a.id, topic, a.received_at],
        )?;
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

/// Saves a changed appeal if nobody else changed it since `version` was read; its topics,
/// help and parties are replaced.
pub fn update(tx: &mut dyn Tx, a: &Appeal, notes_enc: Option<Vec<u8>>, version: i64) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE appeals SET received_at = $2, channel = $3, contact = $4, person_id = $5, occupation = $6,
                sector = $7, work_region = $8, work_district = $9, wage_minor = $10, wage_currency = $11,
                migration_reason = $12, notes_enc = $13, follow_up_on = $14, outcome = $15, updated_at = $16,
                version = version + 1
         WHERE id = $1 AND version = $17",
        params![
            a.id,
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
            a.follow_up_on,
            &a.outcome,
            Utc::now(),
            version,
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the appeal was changed by someone else".into()));
    }
    let named_before = super::parties::named_by_appeal(tx, a.id)?;
    for table in ["appeal_topics", "appeal_help", "appeal_parties"] {
        tx.execute(&format!("DELETE FROM {table} WHERE appeal_id = $1"), params![a.id])?;
    }
    insert_lists(tx, a)?;
    // An appeal counts only as naming a party: the counts change only when the parties do.
    let mut named_now: Vec<_> = a.parties.iter().map(|(party, _)| *party).collect();
    let mut named_before = named_before;
    named_now.sort();
    named_before.sort();
    if named_now == named_before {
        return Ok(());
    }
    super::parties::recount(tx, named_before.into_iter().chain(named_now))
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

/// A line of the appeals register: what a list shows, without the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealLine {
    pub id: AppealId,
    pub office_id: OfficeId,
    pub received_at: DateTime<Utc>,
    pub channel: String,
    pub contact: String,
    pub person_id: Option<PersonId>,
    pub operator_id: AccountId,
    pub topics: Vec<String>,
    pub outcome: String,
    pub follow_up_on: Option<NaiveDate>,
}

/// Which follow-ups a list keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Pending appeals whose follow-up date is on or before the given day.
    DueBy(NaiveDate),
    /// Pending appeals whose follow-up date is before the given day.
    OverdueOn(NaiveDate),
}

/// What an appeals list keeps; every part is optional and they all apply together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppealFilter {
    pub received_from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub received_to: Option<DateTime<Utc>>,
    pub office: Option<OfficeId>,
    pub operator: Option<AccountId>,
    pub channel: Option<String>,
    pub topic: Option<String>,
    pub outcome: Option<String>,
    pub follow_up: Option<FollowUp>,
    pub person: Option<PersonId>,
    pub party: Option<PartyId>,
    /// The monitoring visit the appeals were taken on.
    pub visit: Option<VisitId>,
}

/// The order of an appeals list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AppealSort {
    #[default]
    NewestFirst,
    OldestFirst,
    /// Soonest follow-up first; appeals without one last.
    FollowUpFirst,
}

const LINE_COLUMNS: &str =
    "a.id, a.office_id, a.received_at, a.channel, a.contact, a.person_id, a.operator_id, a.outcome, a.follow_up_on";

fn line_from_row(r: &Row) -> Result<AppealLine, StoreError> {
    Ok(AppealLine {
        id: r.get(0)?,
        office_id: r.get(1)?,
        received_at: r.get(2)?,
        channel: r.get(3)?,
        contact: r.get(4)?,
        person_id: r.get(5)?,
        operator_id: r.get(6)?,
        outcome: r.get(7)?,
        follow_up_on: r.get(8)?,
        topics: Vec::new(),
    })
}

/// One page of the appeals register, filtered and sorted. Every condition is a plain
/// comparison on an indexed column or an `EXISTS` on a keyed table, so the database picks
/// the narrowest index; a stable tie-break on the id makes paging exact.
pub fn list(
    tx: &mut dyn Tx,
    filter: &AppealFilter,
    sort: AppealSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<AppealLine>, StoreError> {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |condition: &str, value: Value| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("${}", values.len())));
    };
    if let Some(from) = filter.received_from {
        bind("a.received_at >= ?", from.into());
    }
    if let Some(to) = filter.received_to {
        bind("a.received_at < ?", to.into());
    }
    // A person, a party or a visit names a few appeals: those are the way in, and every other
    // condition only sifts them. Written so that no index can serve it (`|| ''`), a
    // condition cannot tempt the planner into walking a whole office or channel instead (a
    // visit's consultations found by walking its office's register took 0.4 s at 100,000
    // appeals).
    let narrow = filter.person.is_some() || filter.party.is_some() || filter.visit.is_some();
    let sift = |column: &str| if narrow { format!("{column} || '' = ?") } else { format!("{column} = ?") };
    if let Some(office) = filter.office {
        bind(&sift("a.office_id"), office.into());
    }
    if let Some(operator) = filter.operator {
        bind(&sift("a.operator_id"), operator.into());
    }
    if let Some(channel) = &filter.channel {
        bind(&sift("a.channel"), channel.into());
    }
    if let Some(outcome) = &filter.outcome {
        bind(&sift("a.outcome"), outcome.into());
    }
    // Otherwise a topic filter reads the register through the topic's own newest-first index.
    let through_topic = filter.topic.is_some() && !narrow;
    let from = match &filter.topic {
        Some(topic) if through_topic => {
            bind("t.topic = ?", topic.into());
            "appeal_topics t JOIN appeals a ON a.id = t.appeal_id"
        }
        Some(topic) => {
            bind("EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id AND t.topic = ?)", topic.into());
            "appeals a"
        }
        None => "appeals a",
    };
    if let Some(person) = filter.person {
        bind("a.person_id = ?", person.into());
    }
    if let Some(party) = filter.party {
        bind("a.id IN (SELECT p.appeal_id FROM appeal_parties p WHERE p.party_id = ?)", party.into());
    }
    if let Some(visit) = filter.visit {
        bind("a.visit_id = ?", visit.into());
    }
    match filter.follow_up {
        Some(FollowUp::DueBy(day)) => {
            bind("a.outcome = 'pending' AND a.follow_up_on IS NOT NULL AND a.follow_up_on <= ?", day.into())
        }
        Some(FollowUp::OverdueOn(day)) => {
            bind("a.outcome = 'pending' AND a.follow_up_on IS NOT NULL AND a.follow_up_on < ?", day.into())
        }
        None => {}
    }
    // Through a topic, order by the topic row's copy of the time, which its index holds.
    let at = if through_topic { "t.received_at" } else { "a.received_at" };
    let order = match sort {
        AppealSort::NewestFirst => format!("{at} DESC, a.id DESC"),
        AppealSort::OldestFirst => format!("{at} ASC, a.id ASC"),
        AppealSort::FollowUpFirst => {
            "CASE WHEN a.follow_up_on IS NULL THEN 1 ELSE 0 END, a.follow_up_on ASC, a.received_at DESC, a.id DESC"
                .into()
        }
    };
    let filter_sql = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    values.push(limit.into());
    values.push(offset.into());
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM {from} {filter_sql} ORDER BY {order} LIMIT ${} OFFSET ${}",
        values.len() - 1,
        values.len()
    );
    let mut lines = tx.query(&sql, &values)?.iter().map(line_from_row).collect::<Result<Vec<_>, _>>()?;
    // The page's topics in one query, not one per line.
    if !lines.is_empty() {
        let placeholders: Vec<String> = (1..=lines.len()).map(|i| format!("${i}")).collect();
        let ids: Vec<Value> = lines.iter().map(|l| l.id.into()).collect();
        let sql = format!(
            "SELECT appeal_id, topic FROM appeal_topics WHERE appeal_id IN ({}) ORDER BY topic",
            placeholders.join(", ")
        );
        for row in tx.query(&sql, &ids)? {
            let (id, topic): (AppealId, String) = (row.get(0)?, row.get(1)?);
            if let Some(line) = lines.iter_mut().find(|l| l.id == id) {
                line.topics.push(topic);
            }
        }
    }
    Ok(lines)
}

/// The newest appeals of an office (or of all offices).
pub fn recent(tx: &mut dyn Tx, office: Option<OfficeId>, limit: i64) -> Result<Vec<AppealLine>, StoreError> {
    list(tx, &AppealFilter { office, ..Default::default() }, AppealSort::NewestFirst, limit, 0)
}

/// The role a party played in an appeal.
pub fn party_role(tx: &mut dyn Tx, appeal: AppealId, party: PartyId) -> Result<String, StoreError> {
    tx.query_one("SELECT role FROM appeal_parties WHERE appeal_id = $1 AND party_id = $2", params![appeal, party])?
        .get(0)
}

/// Whether an appeal with this id exists (a form sent twice carries the same id).
pub fn exists(tx: &mut dyn Tx, id: AppealId) -> Result<bool, StoreError> {
    Ok(tx.query_i64("SELECT count(*) FROM appeals WHERE id = $1", params![id])? > 0)
}

/// Moves every appeal of one person to another (merging duplicates).
pub fn move_person(tx: &mut dyn Tx, from: PersonId, to: PersonId) -> Result<u64, StoreError> {
    tx.execute("UPDATE appeals SET person_id = $2 WHERE person_id = $1", params![from, to])
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
