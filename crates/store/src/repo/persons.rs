//! Persons: the non-identifying profile in columns, the identity as one sealed blob, and the
//! blind index that lets search find them without plaintext.

use chrono::{DateTime, Utc};
use komek_domain::entities::PersonProfile;
use komek_domain::{OfficeId, PersonId};

use super::{BlindIndex, IndexToken, SearchTokens, join_codes, split_codes};
use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// A person as stored: `identity_enc` is ciphertext the app crate sealed.
#[derive(Debug, Clone)]
pub struct StoredPerson {
    pub id: PersonId,
    pub office_id: OfficeId,
    pub profile: PersonProfile,
    pub identity_enc: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

const COLUMNS: &str = "id, office_id, sex, citizenship, age_band, home_region, languages, vulnerabilities, \
                       anonymous, identity_enc, created_at, version, other_citizenships";

fn from_row(row: &Row) -> Result<StoredPerson, StoreError> {
    Ok(StoredPerson {
        id: row.get(0)?,
        office_id: row.get(1)?,
        profile: PersonProfile {
            sex: row.get(2)?,
            citizenship: row.get(3)?,
            age_band: row.get(4)?,
            home_region: row.get(5)?,
            languages: split_codes(&row.get::<String>(6)?),
            vulnerabilities: split_codes(&row.get::<String>(7)?),
            anonymous: row.get(8)?,
            other_citizenships: split_codes(&row.get::<String>(12)?),
        },
        identity_enc: row.get(9)?,
        created_at: row.get(10)?,
        version: row.get(11)?,
    })
}

pub fn insert(tx: &mut dyn Tx, p: &StoredPerson, tokens: &[IndexToken]) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO persons (id, office_id, sex, citizenship, age_band, home_region, languages,
                              vulnerabilities, anonymous, identity_enc, created_at, updated_at, version,
                              other_citizenships)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 1, $12)",
        params![
            p.id,
            p.office_id,
            &p.profile.sex,
            &p.profile.citizenship,
            &p.profile.age_band,
            &p.profile.home_region,
            join_codes(&p.profile.languages),
            join_codes(&p.profile.vulnerabilities),
            p.profile.anonymous,
            p.identity_enc.clone(),
            p.created_at,
            join_codes(&p.profile.other_citizenships),
        ],
    )?;
    BlindIndex::Persons.replace(tx, p.id.into(), tokens)
}

/// Saves a changed person if nobody else changed it since `p.version` was read.
pub fn update(tx: &mut dyn Tx, p: &StoredPerson, tokens: &[IndexToken]) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE persons SET sex = $2, citizenship = $3, age_band = $4, home_region = $5, languages = $6,
                vulnerabilities = $7, anonymous = $8, identity_enc = $9, updated_at = $10,
                version = version + 1, other_citizenships = $12
         WHERE id = $1 AND version = $11",
        params![
            p.id,
            &p.profile.sex,
            &p.profile.citizenship,
            &p.profile.age_band,
            &p.profile.home_region,
            join_codes(&p.profile.languages),
            join_codes(&p.profile.vulnerabilities),
            p.profile.anonymous,
            p.identity_enc.clone(),
            Utc::now(),
            p.version,
            join_codes(&p.profile.other_citizenships),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the person was changed by someone else".into()));
    }
    BlindIndex::Persons.replace(tx, p.id.into(), tokens)
}

pub fn get(tx: &mut dyn Tx, id: PersonId) -> Result<StoredPerson, StoreError> {
    from_row(&tx.query_one(&format!("SELECT {COLUMNS} FROM persons WHERE id = $1"), params![id])?)
}

/// The office a person belongs to, without reading their sealed identity: for checking
/// reach before anything is opened.
pub fn office_of(tx: &mut dyn Tx, id: PersonId) -> Result<OfficeId, StoreError> {
    tx.query_one("SELECT office_id FROM persons WHERE id = $1", params![id])?.get(0)
}

/// Persons whose blind index holds any of `tokens`, best match first.
pub fn find(tx: &mut dyn Tx, search: &SearchTokens, limit: i64) -> Result<Vec<(PersonId, i64)>, StoreError> {
    Ok(BlindIndex::Persons.find(tx, search, limit)?.into_iter().map(|(id, hits)| (PersonId(id), hits)).collect())
}

/// One page of sealed identities in id order, after `after`: for re-indexing everything.
pub fn sealed_identities(
    tx: &mut dyn Tx,
    after: Option<PersonId>,
    limit: i64,
) -> Result<Vec<(PersonId, Vec<u8>)>, StoreError> {
    let after = after.map(|id| id.to_string()).unwrap_or_default();
    tx.query("SELECT id, identity_enc FROM persons WHERE id > $1 ORDER BY id LIMIT $2", params![after, limit])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect()
}

/// Replaces the blind index of one record, leaving the record itself alone.
pub fn replace_index(tx: &mut dyn Tx, id: PersonId, tokens: &[IndexToken]) -> Result<(), StoreError> {
    BlindIndex::Persons.replace(tx, id.into(), tokens)
}

/// Removes a person whose appeals and cases were moved to another (merging duplicates).
pub fn delete(tx: &mut dyn Tx, id: PersonId) -> Result<(), StoreError> {
    BlindIndex::Persons.replace(tx, id.into(), &[])?;
    if tx.execute("DELETE FROM persons WHERE id = $1", params![id])? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub fn count(tx: &mut dyn Tx) -> Result<i64, StoreError> {
    tx.query_i64("SELECT count(*) FROM persons", &[])
}
