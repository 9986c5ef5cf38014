//! Parties (employers, intermediaries, officials): sealed identity plus blind index.

use chrono::{DateTime, Utc};
use komek_domain::{OfficeId, PartyId};

use super::{BlindIndex, IndexToken};
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

pub fn get(tx: &mut dyn Tx, id: PartyId) -> Result<StoredParty, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM parties WHERE id = $1"), params![id])?)
}

pub fn find(tx: &mut dyn Tx, tokens: &[IndexToken], limit: i64) -> Result<Vec<(PartyId, i64)>, StoreError> {
    Ok(BlindIndex::Parties.find(tx, tokens, limit)?.into_iter().map(|(id, hits)| (PartyId(id), hits)).collect())
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM parties", &[])
}
