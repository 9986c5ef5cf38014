//! Cases with their team, persons, parties, outcomes, and the services delivered in them.

use komek_domain::entities::{Case, Service};
use komek_domain::{AccountId, CaseId, Currency, Money, OfficeId, PersonId};

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// A case as stored: the summary is ciphertext.
#[derive(Debug, Clone)]
pub struct StoredCase {
    /// `case.summary` is always `None` here.
    pub case: Case,
    pub summary_enc: Option<Vec<u8>>,
    pub version: i64,
}

const COLUMNS: &str = "id, office_id, number, kind, status, sensitive, lead_id, opened_on, closed_on, recruited_at, \
                       exploited_region, exploited_district, exploited_place, summary_enc, version";

fn from_row(row: &Row) -> Result<StoredCase, StoreError> {
    Ok(StoredCase {
        case: Case {
            id: row.get(0)?,
            office_id: row.get(1)?,
            number: row.get(2)?,
            kind: row.get(3)?,
            status: row.get(4)?,
            sensitive: row.get(5)?,
            lead_id: row.get(6)?,
            opened_on: row.get(7)?,
            closed_on: row.get(8)?,
            recruited_at: row.get(9)?,
            exploited_region: row.get(10)?,
            exploited_district: row.get(11)?,
            exploited_place: row.get(12)?,
            summary: None,
            team: Vec::new(),
            persons: Vec::new(),
            parties: Vec::new(),
            outcomes: Vec::new(),
        },
        summary_enc: row.get(13)?,
        version: row.get(14)?,
    })
}

pub fn insert(tx: &mut dyn Tx, c: &Case, summary_enc: Option<Vec<u8>>) -> Result<(), StoreError> {
    let now = chrono::Utc::now();
    tx.execute(
        "INSERT INTO cases (id, office_id, number, kind, status, sensitive, lead_id, opened_on, closed_on,
                            recruited_at, exploited_region, exploited_district, exploited_place, summary_enc,
                            created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 1)",
        params![
            c.id,
            c.office_id,
            &c.number,
            &c.kind,
            &c.status,
            c.sensitive,
            c.lead_id,
            c.opened_on,
            c.closed_on,
            &c.recruited_at,
            c.exploited_region.clone(),
            c.exploited_district.clone(),
            c.exploited_place.clone(),
            summary_enc,
            now,
        ],
    )?;
    for member in &c.team {
        tx.execute("INSERT INTO case_team (case_id, account_id) VALUES ($1, $2)", params![c.id, *member])?;
    }
    for person in &c.persons {
        tx.execute("INSERT INTO case_persons (case_id, person_id) VALUES ($1, $2)", params![c.id, *person])?;
    }
    for (party, role) in &c.parties {
        tx.execute(
            "INSERT INTO case_parties (case_id, party_id, role) VALUES ($1, $2, $3)",
            params![c.id, *party, role],
        )?;
    }
    for outcome in &c.outcomes {
        tx.execute("INSERT INTO case_outcomes (case_id, outcome) VALUES ($1, $2)", params![c.id, outcome])?;
    }
    Ok(())
}

pub fn get(tx: &mut dyn Tx, id: CaseId) -> Result<StoredCase, StoreError> {
    let mut stored = from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM cases WHERE id = $1"), params![id])?)?;
    let c = &mut stored.case;
    c.team = column(tx, "SELECT account_id FROM case_team WHERE case_id = $1 ORDER BY account_id", id)?;
    c.persons = column(tx, "SELECT person_id FROM case_persons WHERE case_id = $1 ORDER BY person_id", id)?;
    c.outcomes = column(tx, "SELECT outcome FROM case_outcomes WHERE case_id = $1 ORDER BY outcome", id)?;
    c.parties = tx
        .query("SELECT party_id, role FROM case_parties WHERE case_id = $1 ORDER BY party_id", params![id])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect::<Result<_, StoreError>>()?;
    Ok(stored)
}

fn column<T: crate::sql::FromValue>(tx: &mut dyn Tx, sql: &str, id: CaseId) -> Result<Vec<T>, StoreError> {
    tx.query(sql, params![id])?.iter().map(|r| r.get(0)).collect()
}

/// Whether an account is on a case's team (or leads it).
pub fn is_on_team(tx: &mut dyn Tx, case: CaseId, account: AccountId) -> Result<bool, StoreError> {
    Ok(tx.query_i64(
        "SELECT count(*) FROM cases c WHERE c.id = $1 AND (c.lead_id = $2 OR EXISTS
            (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.account_id = $2))",
        params![case, account],
    )? > 0)
}

/// A line of a case list: what shows a case exists, without its summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLine {
    pub id: CaseId,
    pub office_id: OfficeId,
    pub number: String,
    pub kind: String,
    pub status: String,
    pub sensitive: bool,
    pub lead_id: AccountId,
    pub opened_on: chrono::NaiveDate,
}

/// The cases a person is in, newest first.
pub fn for_person(tx: &mut dyn Tx, person: PersonId) -> Result<Vec<CaseLine>, StoreError> {
    tx.query(
        "SELECT c.id, c.office_id, c.number, c.kind, c.status, c.sensitive, c.lead_id, c.opened_on
         FROM cases c JOIN case_persons cp ON cp.case_id = c.id
         WHERE cp.person_id = $1 ORDER BY c.opened_on DESC, c.id DESC",
        params![person],
    )?
    .iter()
    .map(|r| {
        Ok(CaseLine {
            id: r.get(0)?,
            office_id: r.get(1)?,
            number: r.get(2)?,
            kind: r.get(3)?,
            status: r.get(4)?,
            sensitive: r.get(5)?,
            lead_id: r.get(6)?,
            opened_on: r.get(7)?,
        })
    })
    .collect()
}

/// Moves one person's place in cases and services to another (merging duplicates); a case
/// that already names both keeps one line.
pub fn move_person(tx: &mut dyn Tx, from: PersonId, to: PersonId) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM case_persons WHERE person_id = $1
         AND case_id IN (SELECT case_id FROM case_persons WHERE person_id = $2)",
        params![from, to],
    )?;
    tx.execute("UPDATE case_persons SET person_id = $2 WHERE person_id = $1", params![from, to])?;
    tx.execute("UPDATE services SET person_id = $2 WHERE person_id = $1", params![from, to])?;
    Ok(())
}

/// Cases not closed, in one office or all.
pub fn count_open(tx: &mut dyn Tx, office: Option<OfficeId>) -> Result<i64, StoreError> {
    match office {
        Some(office) => tx.query_i64(
            "SELECT count(*) FROM cases WHERE office_id = $1 AND status IN ('open', 'follow-up')",
            params![office],
        ),
        None => tx.query_i64("SELECT count(*) FROM cases WHERE status IN ('open', 'follow-up')", &[]),
    }
}

/// The next number under `prefix` (e.g. "2008-" gives 1, 2, 3 …), taken in the caller's
/// transaction so that two cases opened at once never get the same one.
pub fn next_number(tx: &mut dyn Tx, prefix: &str) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO case_counters (prefix, last) VALUES ($1, 0) ON CONFLICT (prefix) DO NOTHING",
        params![prefix],
    )?;
    tx.execute("UPDATE case_counters SET last = last + 1 WHERE prefix = $1", params![prefix])?;
    tx.query_i64("SELECT last FROM case_counters WHERE prefix = $1", params![prefix])
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM cases", &[])
}

/// A service as stored: the result text is ciphertext.
#[derive(Debug, Clone)]
pub struct StoredService {
    /// `service.result` is always empty here.
    pub service: Service,
    pub result_enc: Option<Vec<u8>>,
}

pub fn insert_service(tx: &mut dyn Tx, s: &Service, result_enc: Option<Vec<u8>>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO services (id, case_id, person_id, kind, delivered_on, provider, result_enc,
                               destination_country, claimed_minor, claimed_currency, recovered_minor,
                               recovered_currency, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        params![
            s.id,
            s.case_id,
            s.person_id,
            &s.kind,
            s.delivered_on,
            &s.provider,
            result_enc,
            s.destination_country.clone(),
            s.amount_claimed.map(|m| m.minor),
            s.amount_claimed.map(|m| m.currency.code()),
            s.amount_recovered.map(|m| m.minor),
            s.amount_recovered.map(|m| m.currency.code()),
            chrono::Utc::now(),
        ],
    )?;
    Ok(())
}

pub fn services_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<StoredService>, StoreError> {
    tx.query(
        "SELECT id, case_id, person_id, kind, delivered_on, provider, result_enc, destination_country,
                claimed_minor, claimed_currency, recovered_minor, recovered_currency
         FROM services WHERE case_id = $1 ORDER BY delivered_on, id",
        params![case],
    )?
    .iter()
    .map(|r| {
        Ok(StoredService {
            service: Service {
                id: r.get(0)?,
                case_id: r.get(1)?,
                person_id: r.get(2)?,
                kind: r.get(3)?,
                delivered_on: r.get(4)?,
                provider: r.get(5)?,
                result: String::new(),
                destination_country: r.get(7)?,
                amount_claimed: money(r, 8)?,
                amount_recovered: money(r, 10)?,
            },
            result_enc: r.get(6)?,
        })
    })
    .collect()
}

fn money(row: &Row, at: usize) -> Result<Option<Money>, StoreError> {
    match (row.get::<Option<i64>>(at)?, row.get::<Option<String>>(at + 1)?) {
        (Some(minor), Some(code)) => Ok(Some(Money {
            minor,
            currency: Currency::parse(&code).ok_or_else(|| StoreError::Invalid(format!("currency {code:?}")))?,
        })),
        _ => Ok(None),
    }
}
