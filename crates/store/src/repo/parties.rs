//! Parties (employers, intermediaries, officials): sealed identity plus blind index; the
//! repeat offenders' ranking; and what the cases naming a party came to (outcomes,
//! proceedings, wages claimed and recovered).

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::{AppealId, CaseId, Currency, Money, OfficeId, PartyId, PersonId, VisitId};

use super::{BlindIndex, IndexToken, SearchTokens};
use crate::sql::{Row, Tx};
use crate::{StoreError, params};

#[derive(Debug, Clone)]
pub struct StoredParty {
    pub id: PartyId,
    pub office_id: OfficeId,
    pub kind: String,
    pub region: Option<String>,
    pub district: Option<String>,
    pub identity_enc: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

const COLUMNS: &str = "id, office_id, kind, region, district, identity_enc, created_at, version";

fn from_row(row: &Row) -> Result<StoredParty, StoreError> {
    Ok(StoredParty {
        id: row.get(0)?,
        office_id: row.get(1)?,
        kind: row.get(2)?,
        region: row.get(3)?,
        district: row.get(4)?,
        identity_enc: row.get(5)?,
        created_at: row.get(6)?,
        version: row.get(7)?,
    })
}

pub fn insert(tx: &mut dyn Tx, p: &StoredParty, tokens: &[IndexToken]) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO parties (id, office_id, kind, region, district, identity_enc, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1)",
        params![p.id, p.office_id, &p.kind, p.region.clone(), p.district.clone(), p.identity_enc.clone(), p.created_at],
    )?;
    BlindIndex::Parties.replace(tx, p.id.into(), tokens)
}

/// Saves a changed party if nobody else changed it since `p.version` was read; its blind
/// index is replaced with `tokens`.
pub fn update(tx: &mut dyn Tx, p: &StoredParty, tokens: &[IndexToken]) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE parties SET kind = $2, region = $3, district = $4, identity_enc = $5, updated_at = $6,
                version = version + 1
         WHERE id = $1 AND version = $7",
        params![p.id, &p.kind, p.region.clone(), p.district.clone(), p.identity_enc.clone(), Utc::now(), p.version],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the party was changed by someone else".into()));
    }
    BlindIndex::Parties.replace(tx, p.id.into(), tokens)?;
    // Its district is where cases that do not say where count their victims.
    recount(tx, [p.id])
}

pub fn get(tx: &mut dyn Tx, id: PartyId) -> Result<StoredParty, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM parties WHERE id = $1"), params![id])?)
}

pub fn exists(tx: &mut dyn Tx, id: PartyId) -> Result<bool, StoreError> {
    Ok(tx.query_i64("SELECT count(*) FROM parties WHERE id = $1", params![id])? > 0)
}

pub fn find(tx: &mut dyn Tx, search: &SearchTokens, limit: i64) -> Result<Vec<(PartyId, i64)>, StoreError> {
    Ok(BlindIndex::Parties.find(tx, search, limit)?.into_iter().map(|(id, hits)| (PartyId(id), hits)).collect())
}

/// One page of sealed identities in id order, after `after`: for re-indexing everything.
pub fn sealed_identities(
    tx: &mut dyn Tx,
    after: Option<PartyId>,
    limit: i64,
) -> Result<Vec<(PartyId, Vec<u8>)>, StoreError> {
    let after = after.map(|id| id.to_string()).unwrap_or_default();
    tx.query("SELECT id, identity_enc FROM parties WHERE id > $1 ORDER BY id LIMIT $2", params![after, limit])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect()
}

/// Replaces the blind index of one record, leaving the record itself alone.
pub fn replace_index(tx: &mut dyn Tx, id: PartyId, tokens: &[IndexToken]) -> Result<(), StoreError> {
    BlindIndex::Parties.replace(tx, id.into(), tokens)
}

/// Moves everything that names party `from` over to party `to`: appeals, cases and visits.
/// Where one appeal or case names both, the role it gave `to` stays. Each record moved takes
/// a new version, so that a form still naming `from` is refused as stale, not saved.
pub fn move_references(tx: &mut dyn Tx, from: PartyId, to: PartyId) -> Result<(), StoreError> {
    for (records, table, record) in [("appeals", "appeal_parties", "appeal_id"), ("cases", "case_parties", "case_id")] {
        tx.execute(
            &format!(
                "UPDATE {records} SET version = version + 1
                 WHERE id IN (SELECT {record} FROM {table} WHERE party_id = $1)"
            ),
            params![from],
        )?;
        tx.execute(
            &format!(
                "DELETE FROM {table} WHERE party_id = $1
                 AND {record} IN (SELECT {record} FROM {table} WHERE party_id = $2)"
            ),
            params![from, to],
        )?;
        tx.execute(&format!("UPDATE {table} SET party_id = $2 WHERE party_id = $1"), params![from, to])?;
    }
    tx.execute("UPDATE visits SET party_id = $2, version = version + 1 WHERE party_id = $1", params![from, to])?;
    recount(tx, [from, to])
}

/// Removes a party nothing names any more (see `move_references`), with its blind index, if
/// nobody changed it since `version` was read (what was read of it is what was kept).
pub fn delete(tx: &mut dyn Tx, id: PartyId, version: i64) -> Result<(), StoreError> {
    if tx.execute("DELETE FROM parties WHERE id = $1 AND version = $2", params![id, version])? == 0 {
        return Err(StoreError::Conflict("the party was changed by someone else".into()));
    }
    tx.execute("DELETE FROM party_offences WHERE party_id = $1", params![id])?;
    BlindIndex::Parties.replace(tx, id.into(), &[])
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM parties", &[])
}

/// A party of the repeat offenders' list: what it is ranked by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffenderLine {
    pub party_id: PartyId,
    pub office_id: OfficeId,
    pub district: Option<String>,
    /// Distinct persons presumed or identified as victims in cases that name it; sensitive
    /// cases are left out, as a count of one next to a name would tell that one exists.
    pub victims: i64,
    /// Violations found on the visits done to it.
    pub violations: i64,
    /// Visits done to it.
    pub visits: i64,
    /// Appeals that name it.
    pub appeals: i64,
}

/// The parties with victims or visits to their name, most victims first, then most
/// violations, most visits and most appeals; of one office when one is given. In a district,
/// when one is given: the visits and violations there, the victims of cases exploited there
/// (or, where a case does not say, cases of a party of that district), and the parties of the
/// district or visited there. Read from the counts `recount` keeps.
pub fn offenders(
    tx: &mut dyn Tx,
    office: Option<OfficeId>,
    district: Option<&str>,
    limit: i64,
) -> Result<Vec<OffenderLine>, StoreError> {
    let office = office.map(|o| o.to_string()).unwrap_or_default();
    tx.query(
        "SELECT o.party_id, o.office_id, p.district, o.victims, o.violations, o.visits, o.appeals
         FROM party_offences o JOIN parties p ON p.id = o.party_id
         WHERE o.district = $1 AND ($2 = '' OR o.office_id = $2)
         ORDER BY o.victims DESC, o.violations DESC, o.visits DESC, o.appeals DESC, o.party_id LIMIT $3",
        params![district.unwrap_or_default(), office, limit],
    )?
    .iter()
    .map(|r| {
        Ok(OffenderLine {
            party_id: r.get(0)?,
            office_id: r.get(1)?,
            district: r.get(2)?,
            victims: r.get(3)?,
            violations: r.get(4)?,
            visits: r.get(5)?,
            appeals: r.get(6)?,
        })
    })
    .collect()
}

/// Counts again what ranks each of `parties` among the repeat offenders, everywhere and in
/// every district where it has victims or visits (see `offenders`). Every write that changes
/// what names a party — an appeal, a case (its parties, persons, victims, sensitivity or place
/// of exploitation), a visit, the party itself — calls this in its transaction for the
/// parties named before and after the change.
///
/// On PostgreSQL the party's row is locked first (parties in id order), so that two writers
/// naming one party count one after the other, the second seeing what the first committed,
/// rather than side by side, each blind to the other. The lock is the one that leaves the
/// key-share lock alone which a writer already holds on the party by naming it (a foreign
/// key), else two such writers would each wait for the other. SQLite has one writer at a time.
pub fn recount(tx: &mut dyn Tx, parties: impl IntoIterator<Item = PartyId>) -> Result<(), StoreError> {
    let parties: std::collections::BTreeSet<PartyId> = parties.into_iter().collect();
    for party in parties {
        if tx.dialect() == crate::Dialect::Postgres {
            tx.query("SELECT id FROM parties WHERE id = $1 FOR NO KEY UPDATE", params![party])?;
        }
        tx.execute("DELETE FROM party_offences WHERE party_id = $1", params![party])?;
        tx.execute(
            "INSERT INTO party_offences (party_id, district, office_id, victims, violations, visits, appeals)
             SELECT id, district, office_id, victims, violations, visits, appeals FROM (
                 SELECT p.id, d.district, p.office_id,
                     CAST((SELECT count(DISTINCT cp.person_id) FROM case_parties x
                           JOIN cases c ON c.id = x.case_id
                           JOIN case_persons cp ON cp.case_id = x.case_id
                           WHERE x.party_id = p.id AND cp.victim_status IN ('presumed', 'identified')
                             AND NOT c.sensitive
                             AND (d.district = '' OR c.exploited_district = d.district
                                  OR (c.exploited_district IS NULL AND p.district = d.district))) AS BIGINT)
                         AS victims,
                     CAST((SELECT count(*) FROM visits v JOIN visit_violations w ON w.visit_id = v.id
                           WHERE v.party_id = p.id AND v.status = 'done'
                             AND (d.district = '' OR v.district = d.district)) AS BIGINT) AS violations,
                     CAST((SELECT count(*) FROM visits v
                           WHERE v.party_id = p.id AND v.status = 'done'
                             AND (d.district = '' OR v.district = d.district)) AS BIGINT) AS visits,
                     CAST((SELECT count(*) FROM appeal_parties a WHERE a.party_id = p.id) AS BIGINT) AS appeals
                 FROM parties p CROSS JOIN (
                     SELECT '' AS district
                     UNION SELECT v.district FROM visits v WHERE v.party_id = $1 AND v.status = 'done'
                     UNION SELECT c.exploited_district FROM case_parties x JOIN cases c ON c.id = x.case_id
                           WHERE x.party_id = $1 AND c.exploited_district IS NOT NULL
                     UNION SELECT q.district FROM parties q WHERE q.id = $1 AND q.district IS NOT NULL
                 ) d
                 WHERE p.id = $1
             ) counted
             WHERE victims > 0 OR visits > 0",
            params![party],
        )?;
    }
    Ok(())
}

/// Counts one page of parties in id order after `after` (see `recount`); returns the last id
/// done, `None` when there were no more.
pub fn recount_page(tx: &mut dyn Tx, after: Option<PartyId>, limit: i64) -> Result<Option<PartyId>, StoreError> {
    let after = after.map(|id| id.to_string()).unwrap_or_default();
    let page: Vec<PartyId> = tx
        .query("SELECT id FROM parties WHERE id > $1 ORDER BY id LIMIT $2", params![after, limit])?
        .iter()
        .map(|r| r.get(0))
        .collect::<Result<_, _>>()?;
    recount(tx, page.iter().copied())?;
    Ok(page.last().copied())
}

/// The parties an appeal names, to count again once it changes.
pub fn named_by_appeal(tx: &mut dyn Tx, appeal: AppealId) -> Result<Vec<PartyId>, StoreError> {
    tx.query("SELECT party_id FROM appeal_parties WHERE appeal_id = $1", params![appeal])?
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// The parties a case names, to count again once it changes.
pub fn named_by_case(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<PartyId>, StoreError> {
    tx.query("SELECT party_id FROM case_parties WHERE case_id = $1", params![case])?.iter().map(|r| r.get(0)).collect()
}

/// The party a visit went to, to count again once it changes.
pub fn visited_by(tx: &mut dyn Tx, visit: VisitId) -> Result<Vec<PartyId>, StoreError> {
    tx.query("SELECT party_id FROM visits WHERE id = $1 AND party_id IS NOT NULL", params![visit])?
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// The parties named by the cases of these persons, to count again once their victims change.
pub fn named_with_persons(tx: &mut dyn Tx, persons: &[PersonId]) -> Result<Vec<PartyId>, StoreError> {
    let mut out = Vec::new();
    for person in persons {
        let rows = tx.query(
            "SELECT DISTINCT x.party_id FROM case_parties x JOIN case_persons cp ON cp.case_id = x.case_id
             WHERE cp.person_id = $1",
            params![*person],
        )?;
        for row in rows.iter() {
            out.push(row.get(0)?);
        }
    }
    Ok(out)
}

// ---- What the cases naming a party came to

/// A proceeding of a case naming a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyProceeding {
    pub case_id: CaseId,
    /// `law::PROCEEDING_KIND`.
    pub kind: String,
    /// `law::PROCEEDING_OUTCOME`; `None` until decided.
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
}

/// Wages claimed, recovered, or both, by a service of a case naming a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyWages {
    pub case_id: CaseId,
    pub claimed: Option<Money>,
    pub recovered: Option<Money>,
}

/// The outcomes of the cases naming a party, as (case, outcome).
pub fn case_outcomes(tx: &mut dyn Tx, party: PartyId) -> Result<Vec<(CaseId, String)>, StoreError> {
    tx.query(
        "SELECT o.case_id, o.outcome FROM case_outcomes o JOIN case_parties x ON x.case_id = o.case_id
         WHERE x.party_id = $1 ORDER BY o.case_id, o.outcome",
        params![party],
    )?
    .iter()
    .map(|r| Ok((r.get(0)?, r.get(1)?)))
    .collect()
}

/// The proceedings of the cases naming a party, the latest decided first, those undecided last.
pub fn proceedings(tx: &mut dyn Tx, party: PartyId) -> Result<Vec<PartyProceeding>, StoreError> {
    tx.query(
        "SELECT p.case_id, p.kind, p.outcome, p.decided_on FROM proceedings p
         JOIN case_parties x ON x.case_id = p.case_id
         WHERE x.party_id = $1
         ORDER BY p.decided_on IS NULL, p.decided_on DESC, p.opened_on DESC, p.id",
        params![party],
    )?
    .iter()
    .map(|r| Ok(PartyProceeding { case_id: r.get(0)?, kind: r.get(1)?, outcome: r.get(2)?, decided_on: r.get(3)? }))
    .collect()
}

/// The services of the cases naming a party that claimed or recovered wages.
pub fn wages(tx: &mut dyn Tx, party: PartyId) -> Result<Vec<PartyWages>, StoreError> {
    let money = |r: &Row, at: usize| -> Result<Option<Money>, StoreError> {
        let minor: Option<i64> = r.get(at)?;
        let currency: Option<String> = r.get(at + 1)?;
        match (minor, currency) {
            (Some(minor), Some(code)) => Currency::parse(&code)
                .map(|currency| Some(Money { minor, currency }))
                .ok_or_else(|| StoreError::Invalid(format!("currency {code:?}"))),
            _ => Ok(None),
        }
    };
    tx.query(
        "SELECT s.case_id, s.claimed_minor, s.claimed_currency, s.recovered_minor, s.recovered_currency
         FROM services s JOIN case_parties x ON x.case_id = s.case_id
         WHERE x.party_id = $1 AND (s.claimed_minor IS NOT NULL OR s.recovered_minor IS NOT NULL)",
        params![party],
    )?
    .iter()
    .map(|r| Ok(PartyWages { case_id: r.get(0)?, claimed: money(r, 1)?, recovered: money(r, 3)? }))
    .collect()
}
