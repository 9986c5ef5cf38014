//! Monitoring visits: what was counted in the clear (people met, the checklist, violations,
//! materials, each list in a table of its own for the reports), the settlement and narrative
//! as ciphertext; the appeals taken and the cases opened on a visit.

use std::collections::HashMap;

use chrono::NaiveDate;
use komek_domain::monitoring::{
    Check, CitizenshipCount, Material, Observation, PeopleMet, Violation, Visit, VisitTask,
};
use komek_domain::{AccountId, AppealId, CaseId, OfficeId, PartnerId, PartyId, PhotoId, VisitId};

use crate::sql::{Row, Tx, Value};
use crate::{StoreError, params};

/// A visit as stored: `visit.notes` is always `None` here; the sealed notes are `notes_enc`.
#[derive(Debug, Clone)]
pub struct StoredVisit {
    pub visit: Visit,
    pub notes_enc: Option<Vec<u8>>,
}

const COLUMNS: &str = "v.id, v.office_id, v.status, v.planned_on, v.visited_on, v.region, v.district, v.place_kind,
    v.party_id, v.people_total, v.people_women, v.people_men, v.people_minors, v.hours_per_day, v.notes_enc,
    v.created_by, v.updated_at, v.version";

fn from_row(r: &Row) -> Result<StoredVisit, StoreError> {
    let visit = Visit {
        id: r.get(0)?,
        office_id: r.get(1)?,
        status: r.get(2)?,
        planned_on: r.get(3)?,
        visited_on: r.get(4)?,
        region: r.get(5)?,
        district: r.get(6)?,
        place_kind: r.get(7)?,
        party_id: r.get(8)?,
        partners: Vec::new(),
        team: Vec::new(),
        people: PeopleMet {
            total: r.get(9)?,
            women: r.get(10)?,
            men: r.get(11)?,
            minors: r.get(12)?,
            citizenships: Vec::new(),
        },
        checks: Vec::new(),
        hours_per_day: r.get(13)?,
        violations: Vec::new(),
        materials: Vec::new(),
        notes: None,
        created_by: r.get(15)?,
        updated_at: r.get(16)?,
        version: r.get(17)?,
    };
    Ok(StoredVisit { visit, notes_enc: r.get(14)? })
}

/// The values a visit's row is written from, insert and update alike: `$1` to `$15`.
fn row_values(stored: &StoredVisit) -> Vec<Value> {
    let v = &stored.visit;
    let p = &v.people;
    params![
        v.id,
        &v.status,
        v.planned_on,
        v.visited_on,
        &v.region,
        &v.district,
        &v.place_kind,
        v.party_id,
        p.total,
        p.women,
        p.men,
        p.minors,
        v.hours_per_day,
        stored.notes_enc.clone(),
        v.updated_at
    ]
    .to_vec()
}

pub fn insert(tx: &mut dyn Tx, stored: &StoredVisit) -> Result<(), StoreError> {
    let v = &stored.visit;
    let mut values = row_values(stored);
    values.extend([v.office_id.into(), v.created_by.into()]);
    tx.execute(
        "INSERT INTO visits (id, status, planned_on, visited_on, region, district, place_kind, party_id,
                             people_total, people_women, people_men, people_minors, hours_per_day, notes_enc,
                             updated_at, office_id, created_by, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $15, 1)",
        &values,
    )?;
    write_lists(tx, v)?;
    super::parties::recount(tx, v.party_id)
}

/// Saves a changed visit if nobody else changed it since `version` was read; its lists are
/// written again as they now are. The office and who planned it stay.
pub fn update(tx: &mut dyn Tx, stored: &StoredVisit, version: i64) -> Result<(), StoreError> {
    let mut values = row_values(stored);
    values.push(version.into());
    let visited_before = super::parties::visited_by(tx, stored.visit.id)?;
    let changed = tx.execute(
        "UPDATE visits SET status = $2, planned_on = $3, visited_on = $4, region = $5, district = $6, place_kind = $7,
                party_id = $8, people_total = $9, people_women = $10, people_men = $11, people_minors = $12,
                hours_per_day = $13, notes_enc = $14, updated_at = $15, version = version + 1
         WHERE id = $1 AND version = $16",
        &values,
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the visit was changed by someone else".into()));
    }
    write_lists(tx, &stored.visit)?;
    super::parties::recount(tx, visited_before.into_iter().chain(stored.visit.party_id))
}

const LIST_TABLES: [&str; 6] =
    ["visit_partners", "visit_team", "visit_citizenships", "visit_checks", "visit_violations", "visit_materials"];

fn write_lists(tx: &mut dyn Tx, v: &Visit) -> Result<(), StoreError> {
    for table in LIST_TABLES {
        tx.execute(&format!("DELETE FROM {table} WHERE visit_id = $1"), params![v.id])?;
    }
    for partner in &v.partners {
        let sql = "INSERT INTO visit_partners (visit_id, partner_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
        tx.execute(sql, params![v.id, *partner])?;
    }
    for account in &v.team {
        let sql = "INSERT INTO visit_team (visit_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
        tx.execute(sql, params![v.id, *account])?;
    }
    for c in &v.people.citizenships {
        let sql = "INSERT INTO visit_citizenships (visit_id, citizenship, people) VALUES ($1, $2, $3)";
        tx.execute(sql, params![v.id, &c.citizenship, c.people])?;
    }
    for (seq, c) in (0i64..).zip(&v.checks) {
        let sql = "INSERT INTO visit_checks (visit_id, item, seq, answer, people) VALUES ($1, $2, $3, $4, $5)";
        tx.execute(sql, params![v.id, &c.item, seq, c.answer.code(), c.people])?;
    }
    for (seq, violation) in (0i64..).zip(&v.violations) {
        let sql = "INSERT INTO visit_violations (visit_id, violation, seq, people) VALUES ($1, $2, $3, $4)";
        tx.execute(sql, params![v.id, &violation.kind, seq, violation.people])?;
    }
    for (seq, m) in (0i64..).zip(&v.materials) {
        let sql =
            "INSERT INTO visit_materials (visit_id, material, language, seq, quantity) VALUES ($1, $2, $3, $4, $5)";
        tx.execute(sql, params![v.id, &m.kind, &m.language, seq, m.quantity])?;
    }
    Ok(())
}

/// A visit with every list it holds.
pub fn get(tx: &mut dyn Tx, id: VisitId) -> Result<StoredVisit, StoreError> {
    let mut stored = from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM visits v WHERE v.id = $1"), params![id])?)?;
    let v = &mut stored.visit;
    let rows = |tx: &mut dyn Tx, sql: &str| tx.query(sql, params![id]);
    v.partners = rows(tx, "SELECT partner_id FROM visit_partners WHERE visit_id = $1 ORDER BY partner_id")?
        .iter()
        .map(|r| r.get::<PartnerId>(0))
        .collect::<Result<_, _>>()?;
    v.team = rows(tx, "SELECT account_id FROM visit_team WHERE visit_id = $1 ORDER BY account_id")?
        .iter()
        .map(|r| r.get::<AccountId>(0))
        .collect::<Result<_, _>>()?;
    let sql =
        "SELECT citizenship, people FROM visit_citizenships WHERE visit_id = $1 ORDER BY people DESC, citizenship";
    v.people.citizenships = rows(tx, sql)?
        .iter()
        .map(|r| Ok(CitizenshipCount { citizenship: r.get(0)?, people: r.get(1)? }))
        .collect::<Result<_, StoreError>>()?;
    v.checks = rows(tx, "SELECT item, answer, people FROM visit_checks WHERE visit_id = $1 ORDER BY seq")?
        .iter()
        .map(|r| {
            let answer: String = r.get(1)?;
            let answer = Observation::parse(&answer).ok_or(StoreError::Decode { column: 1, expected: "an answer" })?;
            Ok(Check { item: r.get(0)?, answer, people: r.get(2)? })
        })
        .collect::<Result<_, StoreError>>()?;
    v.violations = rows(tx, "SELECT violation, people FROM visit_violations WHERE visit_id = $1 ORDER BY seq")?
        .iter()
        .map(|r| Ok(Violation { kind: r.get(0)?, people: r.get(1)? }))
        .collect::<Result<_, StoreError>>()?;
    let sql = "SELECT material, language, quantity FROM visit_materials WHERE visit_id = $1 ORDER BY seq";
    v.materials = rows(tx, sql)?
        .iter()
        .map(|r| Ok(Material { kind: r.get(0)?, language: r.get(1)?, quantity: r.get(2)? }))
        .collect::<Result<_, StoreError>>()?;
    Ok(stored)
}

/// The office a visit belongs to, and whether the account is on its team: what reach asks,
/// read before anything else.
pub fn reach_facts(tx: &mut dyn Tx, id: VisitId, account: Option<AccountId>) -> Result<(OfficeId, bool), StoreError> {
    let row = tx.query_one(
        "SELECT v.office_id, EXISTS (SELECT 1 FROM visit_team t WHERE t.visit_id = v.id AND t.account_id = $2)
         FROM visits v WHERE v.id = $1",
        params![id, account.map(|a| a.to_string()).unwrap_or_default()],
    )?;
    Ok((row.get(0)?, row.get(1)?))
}

/// A line of the visits list: what the plan and the register show, without the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitLine {
    pub id: VisitId,
    pub office_id: OfficeId,
    pub status: String,
    pub planned_on: NaiveDate,
    pub visited_on: Option<NaiveDate>,
    pub district: String,
    pub place_kind: String,
    pub party_id: Option<PartyId>,
    pub people_total: u32,
    pub people_minors: u32,
    /// Kinds of violation found.
    pub violations: i64,
    pub team: Vec<AccountId>,
    pub partners: Vec<PartnerId>,
}

/// What a visits list keeps; every part is optional and they all apply together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitFilter {
    pub office: Option<OfficeId>,
    /// The day planned (or, once done, visited) from, inclusive.
    pub from: Option<NaiveDate>,
    /// Exclusive.
    pub to: Option<NaiveDate>,
    pub status: Option<String>,
    pub district: Option<String>,
    pub place_kind: Option<String>,
    pub party: Option<PartyId>,
}

/// Visits in day order (the day visited, else the day planned), newest first unless
/// `oldest_first`; at most `limit` after skipping `offset`.
pub fn list(
    tx: &mut dyn Tx,
    filter: &VisitFilter,
    oldest_first: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<VisitLine>, StoreError> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |condition: &str, value: Value| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("${}", values.len())));
    };
    if let Some(office) = filter.office {
        bind("v.office_id = ?", office.into());
    }
    if let Some(from) = filter.from {
        bind("COALESCE(v.visited_on, v.planned_on) >= ?", from.into());
    }
    if let Some(to) = filter.to {
        bind("COALESCE(v.visited_on, v.planned_on) < ?", to.into());
    }
    if let Some(status) = &filter.status {
        bind("v.status = ?", status.into());
    }
    if let Some(district) = &filter.district {
        bind("v.district = ?", district.into());
    }
    if let Some(kind) = &filter.place_kind {
        bind("v.place_kind = ?", kind.into());
    }
    if let Some(party) = filter.party {
        bind("v.party_id = ?", party.into());
    }
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let order = if oldest_first { "ASC" } else { "DESC" };
    values.extend([limit.into(), offset.into()]);
    let (l, o) = (values.len() - 1, values.len());
    let rows = tx.query(
        &format!(
            "SELECT v.id, v.office_id, v.status, v.planned_on, v.visited_on, v.district, v.place_kind, v.party_id,
                    v.people_total, v.people_minors,
                    CAST((SELECT count(*) FROM visit_violations w WHERE w.visit_id = v.id) AS BIGINT)
             FROM visits v {filter}
             ORDER BY COALESCE(v.visited_on, v.planned_on) {order}, v.id {order} LIMIT ${l} OFFSET ${o}"
        ),
        &values,
    )?;
    let mut lines = rows
        .iter()
        .map(|r| {
            Ok(VisitLine {
                id: r.get(0)?,
                office_id: r.get(1)?,
                status: r.get(2)?,
                planned_on: r.get(3)?,
                visited_on: r.get(4)?,
                district: r.get(5)?,
                place_kind: r.get(6)?,
                party_id: r.get(7)?,
                people_total: r.get(8)?,
                people_minors: r.get(9)?,
                violations: r.get(10)?,
                team: Vec::new(),
                partners: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    fill_company(tx, &mut lines)?;
    Ok(lines)
}

/// The team and partners of each listed visit: two queries however many visits.
fn fill_company(tx: &mut dyn Tx, lines: &mut [VisitLine]) -> Result<(), StoreError> {
    if lines.is_empty() {
        return Ok(());
    }
    let placeholders = (1..=lines.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let ids: Vec<Value> = lines.iter().map(|l| l.id.into()).collect();
    let mut team: HashMap<VisitId, Vec<AccountId>> = HashMap::new();
    let sql =
        format!("SELECT visit_id, account_id FROM visit_team WHERE visit_id IN ({placeholders}) ORDER BY account_id");
    for r in tx.query(&sql, &ids)? {
        team.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    let mut partners: HashMap<VisitId, Vec<PartnerId>> = HashMap::new();
    let sql = format!(
        "SELECT visit_id, partner_id FROM visit_partners WHERE visit_id IN ({placeholders}) ORDER BY partner_id"
    );
    for r in tx.query(&sql, &ids)? {
        partners.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    for line in lines {
        line.team = team.remove(&line.id).unwrap_or_default();
        line.partners = partners.remove(&line.id).unwrap_or_default();
    }
    Ok(())
}

/// The last visit done to a party before the visit `of` on `day` (two on one day in the
/// order of their ids): what a return visit compares with.
pub fn previous_at_party(
    tx: &mut dyn Tx,
    party: PartyId,
    day: NaiveDate,
    of: VisitId,
) -> Result<Option<VisitId>, StoreError> {
    let rows = tx.query(
        "SELECT id FROM visits WHERE party_id = $1 AND status = 'done'
           AND (visited_on < $2 OR (visited_on = $2 AND id < $3))
         ORDER BY visited_on DESC, id DESC LIMIT 1",
        params![party, day, of],
    )?;
    rows.first().map(|r| r.get(0)).transpose()
}

/// Links an appeal to the visit it was taken on.
pub fn link_appeal(tx: &mut dyn Tx, visit: VisitId, appeal: AppealId) -> Result<(), StoreError> {
    tx.execute("UPDATE appeals SET visit_id = $2 WHERE id = $1", params![appeal, visit])?;
    Ok(())
}

/// Records that a case was opened from a visit.
pub fn link_case(tx: &mut dyn Tx, visit: VisitId, case: CaseId) -> Result<(), StoreError> {
    let sql = "INSERT INTO visit_cases (visit_id, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    tx.execute(sql, params![visit, case])?;
    Ok(())
}

/// The cases opened from a visit.
pub fn cases_of(tx: &mut dyn Tx, visit: VisitId) -> Result<Vec<CaseId>, StoreError> {
    tx.query("SELECT case_id FROM visit_cases WHERE visit_id = $1 ORDER BY case_id", params![visit])?
        .iter()
        .map(|r| r.get(0))
        .collect()
}

// ---- Follow-up tasks

/// A visit task still to do, with what names its visit, for the dashboard.
#[derive(Debug, Clone)]
pub struct OpenVisitTask {
    pub task: VisitTask,
    pub title_enc: Vec<u8>,
    pub visit_office: OfficeId,
    pub district: String,
    pub place_kind: String,
    pub visit_day: NaiveDate,
}

/// An account's visit tasks still to do, soonest due first.
pub fn open_tasks_of(tx: &mut dyn Tx, assignee: AccountId, limit: i64) -> Result<Vec<OpenVisitTask>, StoreError> {
    tx.query(
        &format!(
            "SELECT {}, v.office_id, v.district, v.place_kind, COALESCE(v.visited_on, v.planned_on)
             FROM visit_tasks t JOIN visits v ON v.id = t.visit_id
             WHERE t.assignee_id = $1 AND t.done_on IS NULL ORDER BY t.due_on, t.id LIMIT $2",
            super::tasks::columns::<VisitId>()
        ),
        params![assignee, limit],
    )?
    .iter()
    .map(|r| {
        let (task, title_enc) = super::tasks::from_row(r)?;
        Ok(OpenVisitTask {
            task,
            title_enc,
            visit_office: r.get(7)?,
            district: r.get(8)?,
            place_kind: r.get(9)?,
            visit_day: r.get(10)?,
        })
    })
    .collect()
}

// ---- Photographs

/// A visit's photograph as listed: what it is, without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitPhoto {
    pub id: PhotoId,
    pub visit_id: VisitId,
    /// `EvidenceKind` code.
    pub kind: String,
    pub size: i64,
    pub added_by: AccountId,
    pub added_at: chrono::DateTime<chrono::Utc>,
}

/// A photograph as stored: its name and content are ciphertext.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    pub photo: VisitPhoto,
    pub name_enc: Vec<u8>,
    pub content_enc: Vec<u8>,
}

pub fn insert_photo(tx: &mut dyn Tx, stored: &StoredPhoto) -> Result<(), StoreError> {
    let p = &stored.photo;
    tx.execute(
        "INSERT INTO visit_photos (id, visit_id, name_enc, kind, size, content_enc, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        params![
            p.id,
            p.visit_id,
            stored.name_enc.clone(),
            &p.kind,
            p.size,
            stored.content_enc.clone(),
            p.added_by,
            p.added_at
        ],
    )?;
    Ok(())
}

const PHOTO_COLUMNS: &str = "id, visit_id, kind, size, added_by, added_at";

fn photo_from_row(r: &Row) -> Result<VisitPhoto, StoreError> {
    Ok(VisitPhoto {
        id: r.get(0)?,
        visit_id: r.get(1)?,
        kind: r.get(2)?,
        size: r.get(3)?,
        added_by: r.get(4)?,
        added_at: r.get(5)?,
    })
}

/// A visit's photographs, in the order they were added, without their content.
pub fn photos_of(tx: &mut dyn Tx, visit: VisitId) -> Result<Vec<VisitPhoto>, StoreError> {
    tx.query(
        &format!("SELECT {PHOTO_COLUMNS} FROM visit_photos WHERE visit_id = $1 ORDER BY added_at, id"),
        params![visit],
    )?
    .iter()
    .map(photo_from_row)
    .collect()
}

/// One of a visit's photographs with its sealed name and content.
pub fn photo(tx: &mut dyn Tx, visit: VisitId, id: PhotoId) -> Result<StoredPhoto, StoreError> {
    let row = tx.query_one(
        &format!("SELECT {PHOTO_COLUMNS}, name_enc, content_enc FROM visit_photos WHERE id = $1 AND visit_id = $2"),
        params![id, visit],
    )?;
    Ok(StoredPhoto { photo: photo_from_row(&row)?, name_enc: row.get(6)?, content_enc: row.get(7)? })
}
