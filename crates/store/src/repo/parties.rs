//! Parties (employers, intermediaries, officials): sealed identity plus blind index; the
//! repeat offenders' ranking; and what the cases naming a party came to (outcomes,
//! proceedings, wages claimed and recovered).

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::{CaseId, Currency, Money, OfficeId, PartyId};

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
    BlindIndex::Parties.replace(tx, p.id.into(), tokens)
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
/// district or visited there.
pub fn offenders(
    tx: &mut dyn Tx,
    office: Option<OfficeId>,
    district: Option<&str>,
    limit: i64,
) -> Result<Vec<OffenderLine>, StoreError> {
    let office = office.map(|o| o.to_string()).unwrap_or_default();
    let district = district.unwrap_or_default();
    tx.query(
        "SELECT id, office_id, district, victims, violations, visits, appeals FROM (
             SELECT p.id, p.office_id, p.district,
                 CAST((SELECT count(DISTINCT cp.person_id) FROM case_parties x
                       JOIN cases c ON c.id = x.case_id
                       JOIN case_persons cp ON cp.case_id = x.case_id
                       WHERE x.party_id = p.id AND cp.victim_status IN ('presumed', 'identified')
                         AND NOT c.sensitive
                         AND ($2 = '' OR c.exploited_district = $2
                              OR (c.exploited_district IS NULL AND p.district = $2))) AS BIGINT) AS victims,
                 CAST((SELECT count(*) FROM visits v JOIN visit_violations w ON w.visit_id = v.id
                       WHERE v.party_id = p.id AND v.status = 'done' AND ($2 = '' OR v.district = $2)) AS BIGINT)
                     AS violations,
                 CAST((SELECT count(*) FROM visits v
                       WHERE v.party_id = p.id AND v.status = 'done' AND ($2 = '' OR v.district = $2)) AS BIGINT)
                     AS visits,
                 CAST((SELECT count(*) FROM appeal_parties a WHERE a.party_id = p.id) AS BIGINT) AS appeals
             FROM parties p
             WHERE ($1 = '' OR p.office_id = $1)
               AND p.id IN (
                   SELECT v.party_id FROM visits v
                   WHERE v.party_id IS NOT NULL AND v.status = 'done' AND ($2 = '' OR v.district = $2)
                   UNION SELECT x.party_id FROM case_parties x JOIN cases c ON c.id = x.case_id
                   WHERE $2 = '' OR c.exploited_district = $2
                   UNION SELECT q.id FROM parties q WHERE $2 <> '' AND q.district = $2)
         ) ranked
         WHERE victims > 0 OR visits > 0
         ORDER BY victims DESC, violations DESC, visits DESC, appeals DESC, id LIMIT $3",
        params![office, district, limit],
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
