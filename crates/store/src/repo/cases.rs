//! Cases with their team, persons, parties, outcomes, and the services delivered in them.

use komek_domain::casework::VictimStatus;
use komek_domain::entities::{Case, Service};
use komek_domain::{AccountId, CaseId, Currency, Money, OfficeId, PartyId, PersonId};

use super::{join_codes, split_codes};
use crate::sql::{Row, Tx, Value};
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
                       exploited_region, exploited_district, exploited_place, summary_enc, version, closing_reason, \
                       recruited_country, recruited_district, exploited_country, recruitment_methods, \
                       means_of_control";

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
            closing_reason: row.get(15)?,
            recruited_country: row.get(16)?,
            recruited_district: row.get(17)?,
            exploited_country: row.get(18)?,
            recruitment_methods: split_codes(&row.get::<String>(19)?),
            means_of_control: split_codes(&row.get::<String>(20)?),
            victims: Vec::new(),
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
                            created_at, updated_at, version, closing_reason, recruited_country, recruited_district,
                            exploited_country, recruitment_methods, means_of_control)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 1, $16, $17, $18, $19,
                 $20, $21)",
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
            c.closing_reason.clone(),
            c.recruited_country.clone(),
            c.recruited_district.clone(),
            c.exploited_country.clone(),
            join_codes(&c.recruitment_methods),
            join_codes(&c.means_of_control),
        ],
    )?;
    insert_members(tx, c)?;
    super::parties::recount(tx, c.parties.iter().map(|(party, _)| *party))
}

/// The case's team, persons (with their victim status), parties and outcomes.
fn insert_members(tx: &mut dyn Tx, c: &Case) -> Result<(), StoreError> {
    for member in &c.team {
        tx.execute("INSERT INTO case_team (case_id, account_id) VALUES ($1, $2)", params![c.id, *member])?;
    }
    for person in &c.persons {
        let victim = c.victim_status(*person);
        tx.execute(
            "INSERT INTO case_persons (case_id, person_id, victim_status, identified_by, identified_on)
             VALUES ($1, $2, $3, $4, $5)",
            params![
                c.id,
                *person,
                victim.map_or("unknown", |v| v.status.as_str()),
                victim.and_then(|v| v.identified_by.clone()),
                victim.and_then(|v| v.identified_on),
            ],
        )?;
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
    c.victims = tx
        .query(
            "SELECT person_id, victim_status, identified_by, identified_on FROM case_persons
             WHERE case_id = $1 ORDER BY person_id",
            params![id],
        )?
        .iter()
        .map(|r| {
            Ok(VictimStatus {
                person_id: r.get(0)?,
                status: r.get(1)?,
                identified_by: r.get(2)?,
                identified_on: r.get(3)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    c.persons = c.victims.iter().map(|v| v.person_id).collect();
    c.outcomes = column(tx, "SELECT outcome FROM case_outcomes WHERE case_id = $1 ORDER BY outcome", id)?;
    c.parties = tx
        .query("SELECT party_id, role FROM case_parties WHERE case_id = $1 ORDER BY party_id", params![id])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect::<Result<_, StoreError>>()?;
    Ok(stored)
}

/// Replaces a case's header and members if nobody changed it since `version` was read.
pub fn update(tx: &mut dyn Tx, c: &Case, summary_enc: Option<Vec<u8>>, version: i64) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE cases SET kind = $2, status = $3, sensitive = $4, lead_id = $5, opened_on = $6, closed_on = $7,
                recruited_at = $8, exploited_region = $9, exploited_district = $10, exploited_place = $11,
                summary_enc = $12, closing_reason = $13, recruited_country = $14, recruited_district = $15,
                updated_at = $16, version = version + 1, exploited_country = $18, recruitment_methods = $19,
                means_of_control = $20
         WHERE id = $1 AND version = $17",
        params![
            c.id,
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
            c.closing_reason.clone(),
            c.recruited_country.clone(),
            c.recruited_district.clone(),
            chrono::Utc::now(),
            version,
            c.exploited_country.clone(),
            join_codes(&c.recruitment_methods),
            join_codes(&c.means_of_control),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the case was changed by someone else".into()));
    }
    let named_before = super::parties::named_by_case(tx, c.id)?;
    for table in ["case_team", "case_persons", "case_parties", "case_outcomes"] {
        tx.execute(&format!("DELETE FROM {table} WHERE case_id = $1"), params![c.id])?;
    }
    insert_members(tx, c)?;
    super::parties::recount(tx, named_before.into_iter().chain(c.parties.iter().map(|(party, _)| *party)))
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
pub struct CaseFacts {
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
pub fn for_person(tx: &mut dyn Tx, person: PersonId) -> Result<Vec<CaseFacts>, StoreError> {
    tx.query(
        "SELECT c.id, c.office_id, c.number, c.kind, c.status, c.sensitive, c.lead_id, c.opened_on
         FROM cases c JOIN case_persons cp ON cp.case_id = c.id
         WHERE cp.person_id = $1 ORDER BY c.opened_on DESC, c.id DESC",
        params![person],
    )?
    .iter()
    .map(case_line)
    .collect()
}

/// The cases naming a party, newest first, with the party's role in each.
pub fn naming_party(tx: &mut dyn Tx, party: PartyId) -> Result<Vec<(CaseFacts, String)>, StoreError> {
    tx.query(
        "SELECT c.id, c.office_id, c.number, c.kind, c.status, c.sensitive, c.lead_id, c.opened_on, x.role
         FROM cases c JOIN case_parties x ON x.case_id = c.id
         WHERE x.party_id = $1 ORDER BY c.opened_on DESC, c.id DESC",
        params![party],
    )?
    .iter()
    .map(|r| Ok((case_line(r)?, r.get(8)?)))
    .collect()
}

fn case_line(r: &Row) -> Result<CaseFacts, StoreError> {
    Ok(CaseFacts {
        id: r.get(0)?,
        office_id: r.get(1)?,
        number: r.get(2)?,
        kind: r.get(3)?,
        status: r.get(4)?,
        sensitive: r.get(5)?,
        lead_id: r.get(6)?,
        opened_on: r.get(7)?,
    })
}

/// Moves one person's place in cases and services to another (merging duplicates); a case
/// that already names both keeps one line.
pub fn move_person(tx: &mut dyn Tx, from: PersonId, to: PersonId) -> Result<(), StoreError> {
    // Two victims become one: the parties of their cases count one victim fewer.
    let named = super::parties::named_with_persons(tx, &[from, to])?;
    // Where both were in one case, the person kept takes the duplicate's standing as a victim
    // if theirs was not assessed.
    tx.execute(
        "UPDATE case_persons SET
            victim_status = (SELECT d.victim_status FROM case_persons d WHERE d.case_id = case_persons.case_id AND d.person_id = $1),
            identified_by = (SELECT d.identified_by FROM case_persons d WHERE d.case_id = case_persons.case_id AND d.person_id = $1),
            identified_on = (SELECT d.identified_on FROM case_persons d WHERE d.case_id = case_persons.case_id AND d.person_id = $1)
         WHERE person_id = $2 AND victim_status = 'unknown'
           AND EXISTS (SELECT 1 FROM case_persons d WHERE d.case_id = case_persons.case_id AND d.person_id = $1)",
        params![from, to],
    )?;
    tx.execute("UPDATE assessments SET person_id = $2 WHERE person_id = $1", params![from, to])?;
    tx.execute(
        "DELETE FROM case_persons WHERE person_id = $1
         AND case_id IN (SELECT case_id FROM case_persons WHERE person_id = $2)",
        params![from, to],
    )?;
    tx.execute("UPDATE case_persons SET person_id = $2 WHERE person_id = $1", params![from, to])?;
    tx.execute("UPDATE services SET person_id = $2 WHERE person_id = $1", params![from, to])?;
    super::parties::recount(tx, named)
}

/// What a case list is narrowed to. Sensitive cases show only to their team (`viewer`);
/// without a viewer (the system) all show.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub office: Option<OfficeId>,
    /// A status code, or "active" for open and follow-up together.
    pub status: Option<String>,
    pub kind: Option<String>,
    pub lead: Option<AccountId>,
    /// Only cases with a task not done before this day.
    pub overdue_on: Option<chrono::NaiveDate>,
    /// Only cases opened on these days, both included.
    pub opened_between: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub viewer: Option<AccountId>,
}

/// A line of the case list, with its tasks still to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseListEntry {
    pub case: CaseFacts,
    pub overdue_tasks: i64,
    pub next_due: Option<chrono::NaiveDate>,
}

/// One page of the case list, newest first; `today` decides which tasks are overdue.
pub fn list(
    tx: &mut dyn Tx,
    filter: &CaseFilter,
    today: chrono::NaiveDate,
    limit: i64,
    offset: i64,
) -> Result<Vec<CaseListEntry>, StoreError> {
    // $1 is today (for the overdue count); the viewer, when there is one, is $2.
    let mut values: Vec<Value> = vec![today.into()];
    let mut conditions: Vec<String> = Vec::new();
    let on_team = filter.viewer.map(|viewer| {
        values.push(viewer.into());
        "(c.lead_id = $2 OR EXISTS (SELECT 1 FROM case_team m WHERE m.case_id = c.id AND m.account_id = $2))"
    });
    if let Some(on_team) = on_team {
        // A sensitive case shows to its team only.
        conditions.push(format!("(NOT c.sensitive OR {on_team})"));
    }
    let active = filter.status.as_deref() == Some("active");
    let mut bind = |condition: &str, value: Value| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("${}", values.len())));
    };
    if let Some(office) = filter.office {
        // A case of another office shows to the people working on it.
        let or_on_team = on_team.map(|t| format!(" OR {t}")).unwrap_or_default();
        bind(&format!("(c.office_id = ?{or_on_team})"), office.into());
    }
    if let Some(status) = filter.status.as_deref().filter(|_| !active) {
        bind("c.status = ?", status.into());
    }
    if let Some(kind) = &filter.kind {
        bind("c.kind = ?", kind.into());
    }
    if let Some(lead) = filter.lead {
        bind("c.lead_id = ?", lead.into());
    }
    if let Some(day) = filter.overdue_on {
        bind(
            "EXISTS (SELECT 1 FROM case_tasks t WHERE t.case_id = c.id AND t.done_on IS NULL AND t.due_on < ?)",
            day.into(),
        );
    }
    if let Some((from, until)) = filter.opened_between {
        bind("c.opened_on >= ?", from.into());
        bind("c.opened_on <= ?", until.into());
    }
    if active {
        conditions.push("c.status IN ('open', 'follow-up')".into());
    }
    let conditions = conditions.join(" AND ");
    let limit_at = values.len() + 1;
    values.push(limit.into());
    values.push(offset.into());
    // The page is chosen first, walking an index in the list's order; only its lines then
    // have their tasks counted.
    let sql = format!(
        "SELECT c.id, c.office_id, c.number, c.kind, c.status, c.sensitive, c.lead_id, c.opened_on,
                (SELECT count(*) FROM case_tasks t WHERE t.case_id = c.id AND t.done_on IS NULL AND t.due_on < $1),
                (SELECT min(t.due_on) FROM case_tasks t WHERE t.case_id = c.id AND t.done_on IS NULL)
         FROM (SELECT c.id, c.office_id, c.number, c.kind, c.status, c.sensitive, c.lead_id, c.opened_on
               FROM cases c {} ORDER BY c.opened_on DESC, c.id DESC LIMIT ${limit_at} OFFSET ${}) c
         ORDER BY c.opened_on DESC, c.id DESC",
        if conditions.is_empty() { String::new() } else { format!("WHERE {conditions}") },
        limit_at + 1,
    );
    tx.query(&sql, &values)?
        .iter()
        .map(|r| Ok(CaseListEntry { case: case_line(r)?, overdue_tasks: r.get(8)?, next_due: r.get(9)? }))
        .collect()
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

/// A service as stored: its texts (result, with whom) are ciphertext, `None` when empty.
#[derive(Debug, Clone)]
pub struct StoredService {
    /// `service.result` and `service.accompanied_by` are always empty here.
    pub service: Service,
    pub result_enc: Option<Vec<u8>>,
    pub accompanied_by_enc: Option<Vec<u8>>,
}

pub fn insert_service(tx: &mut dyn Tx, stored: &StoredService) -> Result<(), StoreError> {
    let s = &stored.service;
    tx.execute(
        "INSERT INTO services (id, case_id, person_id, kind, delivered_on, provider, result_enc,
                               destination_country, claimed_minor, claimed_currency, recovered_minor,
                               recovered_currency, created_at, accompanied_by_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        params![
            s.id,
            s.case_id,
            s.person_id,
            &s.kind,
            s.delivered_on,
            &s.provider,
            stored.result_enc.clone(),
            s.destination_country.clone(),
            s.amount_claimed.map(|m| m.minor),
            s.amount_claimed.map(|m| m.currency.code()),
            s.amount_recovered.map(|m| m.minor),
            s.amount_recovered.map(|m| m.currency.code()),
            chrono::Utc::now(),
            stored.accompanied_by_enc.clone(),
        ],
    )?;
    Ok(())
}

pub fn services_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<StoredService>, StoreError> {
    tx.query(
        "SELECT id, case_id, person_id, kind, delivered_on, provider, result_enc, destination_country,
                claimed_minor, claimed_currency, recovered_minor, recovered_currency, accompanied_by_enc
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
                accompanied_by: String::new(),
                amount_claimed: money(r, 8)?,
                amount_recovered: money(r, 10)?,
            },
            result_enc: r.get(6)?,
            accompanied_by_enc: r.get(12)?,
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
