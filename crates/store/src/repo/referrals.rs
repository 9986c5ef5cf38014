//! The referral network: partners (public facts in the clear, their staff's contacts as
//! ciphertext), consents and referrals with their steps (texts that may name a person as
//! ciphertext).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::referrals::{Consent, Direction, Partner, Recipient, Referral, ReferralStep};
use komek_domain::{AccountId, CaseId, ConsentId, OfficeId, PartnerId, PersonId, ReferralId};

use super::{join_codes, split_codes};
use crate::sql::{Row, Tx};
use crate::{StoreError, params};

/// A partner as stored: `partner.contacts` is always `None` here; `contacts_enc` holds them.
#[derive(Debug, Clone)]
pub struct StoredPartner {
    pub partner: Partner,
    /// The name's folded words, for search; made by the app crate, which knows the folding.
    pub name_key: String,
    pub contacts_enc: Vec<u8>,
    pub version: i64,
}

const PARTNER_COLUMNS: &str =
    "p.id, p.name, p.kind, p.country, p.working_hours, p.active, p.contacts_enc, p.updated_at, p.version, p.name_key";

/// A partner's regions, services and languages.
#[derive(Default)]
struct PartnerLists {
    regions: Vec<String>,
    services: Vec<String>,
    languages: Vec<String>,
}

/// The lists of the partners given, three queries however many partners: each list is a set,
/// and comes back in code order.
fn partner_lists(tx: &mut dyn Tx, ids: &[PartnerId]) -> Result<HashMap<PartnerId, PartnerLists>, StoreError> {
    let mut lists: HashMap<PartnerId, PartnerLists> = HashMap::new();
    if ids.is_empty() {
        return Ok(lists);
    }
    let placeholders = (1..=ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let values: Vec<crate::Value> = ids.iter().map(|id| (*id).into()).collect();
    for (table, column) in
        [("partner_regions", "region"), ("partner_services", "service"), ("partner_languages", "language")]
    {
        let sql = format!(
            "SELECT partner_id, {column} FROM {table} WHERE partner_id IN ({placeholders}) ORDER BY partner_id, {column}"
        );
        for row in tx.query(&sql, &values)? {
            let entry = lists.entry(row.get(0)?).or_default();
            let list = match table {
                "partner_regions" => &mut entry.regions,
                "partner_services" => &mut entry.services,
                _ => &mut entry.languages,
            };
            list.push(row.get(1)?);
        }
    }
    Ok(lists)
}

/// Partners read from rows of `PARTNER_COLUMNS`, with their lists.
fn partners_from_rows(tx: &mut dyn Tx, rows: &[Row]) -> Result<Vec<StoredPartner>, StoreError> {
    let ids = rows.iter().map(|row| row.get(0)).collect::<Result<Vec<PartnerId>, _>>()?;
    let mut lists = partner_lists(tx, &ids)?;
    rows.iter()
        .zip(ids)
        .map(|(row, id)| {
            let PartnerLists { regions, services, languages } = lists.remove(&id).unwrap_or_default();
            let partner = Partner {
                id,
                name: row.get(1)?,
                kind: row.get(2)?,
                country: row.get(3)?,
                regions,
                services,
                languages,
                working_hours: row.get(4)?,
                active: row.get(5)?,
                contacts: None,
                updated_at: row.get(7)?,
            };
            Ok(StoredPartner { partner, contacts_enc: row.get(6)?, version: row.get(8)?, name_key: row.get(9)? })
        })
        .collect()
}

fn write_partner_lists(tx: &mut dyn Tx, p: &Partner) -> Result<(), StoreError> {
    for (table, column, codes) in [
        ("partner_regions", "region", &p.regions),
        ("partner_services", "service", &p.services),
        ("partner_languages", "language", &p.languages),
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE partner_id = $1"), params![p.id])?;
        for code in codes {
            tx.execute(
                &format!("INSERT INTO {table} (partner_id, {column}) VALUES ($1, $2) ON CONFLICT DO NOTHING"),
                params![p.id, code],
            )?;
        }
    }
    Ok(())
}

pub fn insert_partner(tx: &mut dyn Tx, stored: &StoredPartner) -> Result<(), StoreError> {
    let p = &stored.partner;
    tx.execute(
        "INSERT INTO partners (id, name, name_key, kind, country, working_hours, active, contacts_enc, created_at,
                               updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 1)",
        params![
            p.id,
            &p.name,
            &stored.name_key,
            &p.kind,
            &p.country,
            &p.working_hours,
            p.active,
            stored.contacts_enc.clone(),
            p.updated_at
        ],
    )?;
    write_partner_lists(tx, p)
}

/// Saves a changed partner if nobody else changed it since `stored.version` was read.
pub fn update_partner(tx: &mut dyn Tx, stored: &StoredPartner) -> Result<(), StoreError> {
    let p = &stored.partner;
    let changed = tx.execute(
        "UPDATE partners SET name = $2, name_key = $3, kind = $4, country = $5, working_hours = $6, active = $7,
                contacts_enc = $8, updated_at = $9, version = version + 1
         WHERE id = $1 AND version = $10",
        params![
            p.id,
            &p.name,
            &stored.name_key,
            &p.kind,
            &p.country,
            &p.working_hours,
            p.active,
            stored.contacts_enc.clone(),
            p.updated_at,
            stored.version
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the partner was changed by someone else".into()));
    }
    write_partner_lists(tx, p)
}

pub fn partner(tx: &mut dyn Tx, id: PartnerId) -> Result<StoredPartner, StoreError> {
    let row = tx.query_one(&format!("SELECT {} FROM partners p WHERE p.id = $1", PARTNER_COLUMNS), params![id])?;
    Ok(partners_from_rows(tx, &[row])?.remove(0))
}

/// What the directory is searched by; every part given must hold.
#[derive(Debug, Clone, Default)]
pub struct PartnerFilter {
    /// Folded words each of which begins a word of the name.
    pub name_words: Vec<String>,
    pub kind: Option<String>,
    pub service: Option<String>,
    /// Partners serving this region, or serving everywhere (no regions listed).
    pub region: Option<String>,
    pub active_only: bool,
}

/// The partners that match, by name.
pub fn find_partners(tx: &mut dyn Tx, filter: &PartnerFilter, limit: i64) -> Result<Vec<StoredPartner>, StoreError> {
    let mut sql = format!("SELECT {} FROM partners p WHERE 1 = 1", PARTNER_COLUMNS);
    let mut values = Vec::new();
    let mut next = |sql: &mut String, clause: &str, value: crate::Value| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("${}", values.len())));
    };
    for word in &filter.name_words {
        next(&mut sql, " AND (' ' || p.name_key) LIKE ?", format!("% {word}%").into());
    }
    if let Some(kind) = &filter.kind {
        next(&mut sql, " AND p.kind = ?", kind.into());
    }
    if let Some(service) = &filter.service {
        next(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM partner_services s WHERE s.partner_id = p.id AND s.service = ?)",
            service.into(),
        );
    }
    if let Some(region) = &filter.region {
        next(
            &mut sql,
            " AND (EXISTS (SELECT 1 FROM partner_regions r WHERE r.partner_id = p.id AND r.region = ?)
                   OR NOT EXISTS (SELECT 1 FROM partner_regions r WHERE r.partner_id = p.id))",
            region.into(),
        );
    }
    if filter.active_only {
        sql.push_str(" AND p.active = TRUE");
    }
    values.push(limit.into());
    sql.push_str(&format!(" ORDER BY p.name, p.id LIMIT ${}", values.len()));
    let rows = tx.query(&sql, &values)?;
    partners_from_rows(tx, &rows)
}

/// A consent as stored: `consent.note` is always `None` here; `note_enc` holds it.
#[derive(Debug, Clone)]
pub struct StoredConsent {
    pub consent: Consent,
    pub note_enc: Option<Vec<u8>>,
}

const CONSENT_COLUMNS: &str = "id, person_id, office_id, given_on, method, recipient_partners, recipient_kinds, \
     purposes, categories, expires_on, withdrawn_on, note_enc, recorded_by, recorded_at";

fn consent_from_row(row: &Row) -> Result<StoredConsent, StoreError> {
    let partners: String = row.get(5)?;
    let kinds: String = row.get(6)?;
    let mut recipients = Vec::new();
    for id in split_codes(&partners) {
        let id = id.parse().map_err(|_| StoreError::Decode { column: 5, expected: "partner ids" })?;
        recipients.push(Recipient::Partner(id));
    }
    recipients.extend(split_codes(&kinds).into_iter().map(Recipient::Kind));
    let consent = Consent {
        id: row.get(0)?,
        person_id: row.get(1)?,
        office_id: row.get(2)?,
        given_on: row.get(3)?,
        method: row.get(4)?,
        recipients,
        purposes: split_codes(&row.get::<String>(7)?),
        categories: split_codes(&row.get::<String>(8)?),
        expires_on: row.get(9)?,
        withdrawn_on: row.get(10)?,
        note: None,
        recorded_by: row.get(12)?,
        recorded_at: row.get(13)?,
    };
    Ok(StoredConsent { consent, note_enc: row.get(11)? })
}

pub fn insert_consent(tx: &mut dyn Tx, stored: &StoredConsent) -> Result<(), StoreError> {
    let c = &stored.consent;
    let mut partners = Vec::new();
    let mut kinds = Vec::new();
    for recipient in &c.recipients {
        match recipient {
            Recipient::Partner(id) => partners.push(id.to_string()),
            Recipient::Kind(kind) => kinds.push(kind.clone()),
        }
    }
    tx.execute(
        &format!("INSERT INTO consents ({CONSENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"),
        params![
            c.id,
            c.person_id,
            c.office_id,
            c.given_on,
            &c.method,
            join_codes(&partners),
            join_codes(&kinds),
            join_codes(&c.purposes),
            join_codes(&c.categories),
            c.expires_on,
            c.withdrawn_on,
            stored.note_enc.clone(),
            c.recorded_by,
            c.recorded_at
        ],
    )?;
    Ok(())
}

pub fn consent(tx: &mut dyn Tx, id: ConsentId) -> Result<StoredConsent, StoreError> {
    consent_from_row(&tx.query_one(&format!("SELECT {CONSENT_COLUMNS} FROM consents WHERE id = $1"), params![id])?)
}

/// What is known of a consent's scanned form without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentScan {
    pub consent_id: ConsentId,
    /// `komek_domain::evidence::EvidenceKind` code.
    pub kind: String,
    pub size: i64,
    pub added_by: AccountId,
    pub added_at: DateTime<Utc>,
}

/// A consent's scan as stored: its name and content as ciphertext.
#[derive(Debug, Clone)]
pub struct StoredConsentScan {
    pub scan: ConsentScan,
    pub name_enc: Vec<u8>,
    pub content_enc: Vec<u8>,
}

/// Files a consent's scan, replacing the one it had.
pub fn put_consent_scan(tx: &mut dyn Tx, stored: &StoredConsentScan) -> Result<(), StoreError> {
    let s = &stored.scan;
    tx.execute("DELETE FROM consent_scans WHERE consent_id = $1", params![s.consent_id])?;
    tx.execute(
        "INSERT INTO consent_scans (consent_id, name_enc, kind, size, content_enc, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![
            s.consent_id,
            stored.name_enc.clone(),
            &s.kind,
            s.size,
            stored.content_enc.clone(),
            s.added_by,
            s.added_at
        ],
    )?;
    Ok(())
}

const SCAN_COLUMNS: &str = "s.consent_id, s.kind, s.size, s.added_by, s.added_at";

fn scan_from_row(row: &Row) -> Result<ConsentScan, StoreError> {
    Ok(ConsentScan {
        consent_id: row.get(0)?,
        kind: row.get(1)?,
        size: row.get(2)?,
        added_by: row.get(3)?,
        added_at: row.get(4)?,
    })
}

/// The scans of a person's consents, without their content.
pub fn consent_scans_of(tx: &mut dyn Tx, person: PersonId) -> Result<Vec<ConsentScan>, StoreError> {
    tx.query(
        &format!(
            "SELECT {SCAN_COLUMNS} FROM consent_scans s JOIN consents c ON c.id = s.consent_id
             WHERE c.person_id = $1 ORDER BY s.added_at"
        ),
        params![person],
    )?
    .iter()
    .map(scan_from_row)
    .collect()
}

/// A consent's scan with its content; not found when it has none.
pub fn consent_scan(tx: &mut dyn Tx, consent: ConsentId) -> Result<StoredConsentScan, StoreError> {
    let row = tx.query_one(
        &format!("SELECT {SCAN_COLUMNS}, s.name_enc, s.content_enc FROM consent_scans s WHERE s.consent_id = $1"),
        params![consent],
    )?;
    Ok(StoredConsentScan { scan: scan_from_row(&row)?, name_enc: row.get(5)?, content_enc: row.get(6)? })
}

/// What is known of the letter a referral was sent with, without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentLetter {
    pub referral_id: ReferralId,
    /// The SHA-256 of the PDF, in hex: what the audit entry of the sending names.
    pub sha256: String,
    pub size: i64,
    pub sent_on: NaiveDate,
    pub sent_by: AccountId,
}

/// Keeps the letter a referral was sent with (a referral is sent once).
pub fn insert_sent_letter(tx: &mut dyn Tx, letter: &SentLetter, pdf_enc: Vec<u8>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sent_letters (referral_id, sha256, size, pdf_enc, sent_on, sent_by) VALUES ($1, $2, $3, $4, $5, $6)",
        params![letter.referral_id, &letter.sha256, letter.size, pdf_enc, letter.sent_on, letter.sent_by],
    )?;
    Ok(())
}

const SENT_LETTER_COLUMNS: &str = "referral_id, sha256, size, sent_on, sent_by";

fn sent_letter_from_row(row: &Row) -> Result<SentLetter, StoreError> {
    Ok(SentLetter {
        referral_id: row.get(0)?,
        sha256: row.get(1)?,
        size: row.get(2)?,
        sent_on: row.get(3)?,
        sent_by: row.get(4)?,
    })
}

/// The letter a referral was sent with, if it was sent, without its content.
pub fn sent_letter(tx: &mut dyn Tx, referral: ReferralId) -> Result<Option<SentLetter>, StoreError> {
    tx.query_opt(&format!("SELECT {SENT_LETTER_COLUMNS} FROM sent_letters WHERE referral_id = $1"), params![referral])?
        .map(|row| sent_letter_from_row(&row))
        .transpose()
}

/// The letter a referral was sent with and its PDF (ciphertext); not found when it has none.
pub fn sent_letter_pdf(tx: &mut dyn Tx, referral: ReferralId) -> Result<(SentLetter, Vec<u8>), StoreError> {
    let row = tx.query_one(
        &format!("SELECT {SENT_LETTER_COLUMNS}, pdf_enc FROM sent_letters WHERE referral_id = $1"),
        params![referral],
    )?;
    Ok((sent_letter_from_row(&row)?, row.get(5)?))
}

/// A person's consents, the latest given first.
pub fn consents_of(tx: &mut dyn Tx, person: PersonId) -> Result<Vec<StoredConsent>, StoreError> {
    tx.query(
        &format!(
            "SELECT {CONSENT_COLUMNS} FROM consents WHERE person_id = $1 ORDER BY given_on DESC, recorded_at DESC"
        ),
        params![person],
    )?
    .iter()
    .map(consent_from_row)
    .collect()
}

/// Records a withdrawal; `false` when the consent was withdrawn already (the first day
/// stands).
pub fn withdraw_consent(tx: &mut dyn Tx, id: ConsentId, on: NaiveDate, by: AccountId) -> Result<bool, StoreError> {
    let changed = tx.execute(
        "UPDATE consents SET withdrawn_on = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_on IS NULL",
        params![id, on, by],
    )?;
    Ok(changed == 1)
}

/// A referral as stored: `override_reason` is always `None` here; its ciphertext is beside it.
#[derive(Debug, Clone)]
pub struct StoredReferral {
    pub referral: Referral,
    pub override_reason_enc: Option<Vec<u8>>,
    pub version: i64,
}

const REFERRAL_COLUMNS: &str = "id, office_id, number, direction, person_id, case_id, appeal_id, partner_id, purpose, \
     services, urgency, reply_due_on, fields, consent_id, override_reason_enc, status, created_by, created_at, version";

fn referral_from_row(row: &Row) -> Result<StoredReferral, StoreError> {
    let direction = match row.get::<String>(3)?.as_str() {
        "outgoing" => Direction::Outgoing,
        "incoming" => Direction::Incoming,
        _ => return Err(StoreError::Decode { column: 3, expected: "outgoing or incoming" }),
    };
    let referral = Referral {
        id: row.get(0)?,
        office_id: row.get(1)?,
        number: row.get(2)?,
        direction,
        person_id: row.get(4)?,
        case_id: row.get(5)?,
        appeal_id: row.get(6)?,
        partner_id: row.get(7)?,
        purpose: row.get(8)?,
        services: split_codes(&row.get::<String>(9)?),
        urgency: row.get(10)?,
        reply_due_on: row.get(11)?,
        fields: split_codes(&row.get::<String>(12)?),
        consent_id: row.get(13)?,
        override_reason: None,
        status: row.get(15)?,
        created_by: row.get(16)?,
        created_at: row.get(17)?,
    };
    Ok(StoredReferral { referral, override_reason_enc: row.get(14)?, version: row.get(18)? })
}

/// A new referral and its first step, in the caller's transaction.
pub fn insert_referral(tx: &mut dyn Tx, stored: &StoredReferral, first: &StoredStep) -> Result<(), StoreError> {
    let r = &stored.referral;
    tx.execute(
        "INSERT INTO referrals (id, office_id, number, direction, person_id, case_id, appeal_id, partner_id, purpose,
                                services, urgency, reply_due_on, fields, consent_id, override_reason_enc, status,
                                created_by, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, 1)",
        params![
            r.id,
            r.office_id,
            &r.number,
            r.direction.code(),
            r.person_id,
            r.case_id,
            r.appeal_id,
            r.partner_id,
            &r.purpose,
            join_codes(&r.services),
            &r.urgency,
            r.reply_due_on,
            join_codes(&r.fields),
            r.consent_id,
            stored.override_reason_enc.clone(),
            &r.status,
            r.created_by,
            r.created_at
        ],
    )?;
    insert_step(tx, r.id, 1, first)
}

pub fn referral(tx: &mut dyn Tx, id: ReferralId) -> Result<StoredReferral, StoreError> {
    referral_from_row(&tx.query_one(&format!("SELECT {REFERRAL_COLUMNS} FROM referrals WHERE id = $1"), params![id])?)
}

/// Whose referrals are asked for.
#[derive(Debug, Clone, Copy)]
pub enum ReferralsOf {
    Person(PersonId),
    Case(CaseId),
}

/// A person's or a case's referrals, newest first.
pub fn referrals_of(tx: &mut dyn Tx, of: ReferralsOf) -> Result<Vec<StoredReferral>, StoreError> {
    let (column, id) = match of {
        ReferralsOf::Person(id) => ("person_id", id.0),
        ReferralsOf::Case(id) => ("case_id", id.0),
    };
    tx.query(
        &format!("SELECT {REFERRAL_COLUMNS} FROM referrals WHERE {column} = $1 ORDER BY created_at DESC, id DESC"),
        params![id],
    )?
    .iter()
    .map(referral_from_row)
    .collect()
}

/// The clause that keeps an office's referrals, or every office's when parameter `$n` is
/// null.
fn in_office(n: usize) -> String {
    format!("(CAST(${n} AS TEXT) IS NULL OR office_id = ${n})")
}

/// Outgoing referrals of an office (every office's for `None`) sent and not answered whose
/// reply was due before `day`, the longest waiting first.
pub fn waiting_past_due(
    tx: &mut dyn Tx,
    office: Option<OfficeId>,
    day: NaiveDate,
    limit: i64,
) -> Result<Vec<StoredReferral>, StoreError> {
    tx.query(
        &format!(
            "SELECT {REFERRAL_COLUMNS} FROM referrals
             WHERE status IN ('sent', 'received') AND reply_due_on < $1 AND direction = 'outgoing' AND {}
             ORDER BY reply_due_on, id LIMIT $3",
            in_office(2)
        ),
        params![day, office, limit],
    )?
    .iter()
    .map(referral_from_row)
    .collect()
}

/// How many outgoing referrals of an office wait for a reply due before `day`.
pub fn count_waiting_past_due(tx: &mut dyn Tx, office: Option<OfficeId>, day: NaiveDate) -> Result<i64, StoreError> {
    tx.query_i64(
        &format!(
            "SELECT COUNT(*) FROM referrals
             WHERE status IN ('sent', 'received') AND reply_due_on < $1 AND direction = 'outgoing' AND {}",
            in_office(2)
        ),
        params![day, office],
    )
}

/// An office's referrals still under way (not closed, withdrawn or declined), those waiting
/// longest for a reply first, then drafts and the rest newest first.
pub fn under_way(tx: &mut dyn Tx, office: Option<OfficeId>, limit: i64) -> Result<Vec<StoredReferral>, StoreError> {
    tx.query(
        &format!(
            "SELECT {REFERRAL_COLUMNS} FROM referrals
             WHERE status NOT IN ('closed', 'withdrawn', 'declined') AND {}
             ORDER BY CASE WHEN reply_due_on IS NULL THEN 1 ELSE 0 END, reply_due_on, created_at DESC, id
             LIMIT $2",
            in_office(1)
        ),
        params![office, limit],
    )?
    .iter()
    .map(referral_from_row)
    .collect()
}

/// An office's referrals declined and not closed yet, the latest declined first.
pub fn declined(tx: &mut dyn Tx, office: Option<OfficeId>, limit: i64) -> Result<Vec<StoredReferral>, StoreError> {
    tx.query(
        &format!(
            "SELECT {REFERRAL_COLUMNS} FROM referrals WHERE status = 'declined' AND {}
             ORDER BY updated_at DESC, id LIMIT $2",
            in_office(1)
        ),
        params![office, limit],
    )?
    .iter()
    .map(referral_from_row)
    .collect()
}

/// Every partner's name, for naming them in lists of referrals.
pub fn partner_names(tx: &mut dyn Tx) -> Result<Vec<(PartnerId, String)>, StoreError> {
    tx.query("SELECT id, name FROM partners ORDER BY name, id", &[])?
        .iter()
        .map(|r| Ok((r.get(0)?, r.get(1)?)))
        .collect()
}

/// The drafts that went under `consent`: a withdrawal stops them.
pub fn drafts_under(tx: &mut dyn Tx, consent: ConsentId) -> Result<Vec<StoredReferral>, StoreError> {
    tx.query(
        &format!("SELECT {REFERRAL_COLUMNS} FROM referrals WHERE consent_id = $1 AND status = 'draft' ORDER BY id"),
        params![consent],
    )?
    .iter()
    .map(referral_from_row)
    .collect()
}

/// A step as stored: `step.note` is always `None` here; `note_enc` holds it.
#[derive(Debug, Clone)]
pub struct StoredStep {
    pub step: ReferralStep,
    pub note_enc: Option<Vec<u8>>,
}

fn insert_step(tx: &mut dyn Tx, referral: ReferralId, seq: i64, stored: &StoredStep) -> Result<(), StoreError> {
    let s = &stored.step;
    tx.execute(
        "INSERT INTO referral_steps (referral_id, seq, status, on_day, recorded_by, note_enc, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![referral, seq, &s.status, s.on, s.by, stored.note_enc.clone(), s.recorded_at],
    )?;
    keep_report_days(tx, referral, &s.status, s.on)
}

/// Sets the days a report counts the referral by (migration 18) when `status` gives one: the
/// day it was sent or, for one a partner sent us, received; and the day a partner first
/// answered one we sent. Each status is reached once and steps are never changed, so a day
/// once set stays.
fn keep_report_days(tx: &mut dyn Tx, referral: ReferralId, status: &str, on: NaiveDate) -> Result<(), StoreError> {
    let counted = match status {
        "sent" => Some("outgoing"),
        "received" => Some("incoming"),
        _ => None,
    };
    if let Some(direction) = counted {
        tx.execute(
            "UPDATE referrals SET counted_on = $2 WHERE id = $1 AND direction = $3",
            params![referral, on, direction],
        )?;
    }
    if matches!(status, "received" | "accepted" | "declined") {
        tx.execute(
            "UPDATE referrals SET answered_on = $2
             WHERE id = $1 AND direction = 'outgoing' AND answered_on IS NULL",
            params![referral, on],
        )?;
    }
    Ok(())
}

/// Moves a referral to the step's status if nobody else moved it since `version` was read.
pub fn add_step(tx: &mut dyn Tx, referral: ReferralId, version: i64, stored: &StoredStep) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE referrals SET status = $2, updated_at = $3, version = version + 1 WHERE id = $1 AND version = $4",
        params![referral, &stored.step.status, stored.step.recorded_at, version],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the referral was changed by someone else".into()));
    }
    let seq = tx.query_i64("SELECT count(*) FROM referral_steps WHERE referral_id = $1", params![referral])? + 1;
    insert_step(tx, referral, seq, stored)
}

/// A referral's steps, in order.
pub fn steps(tx: &mut dyn Tx, referral: ReferralId) -> Result<Vec<StoredStep>, StoreError> {
    tx.query(
        "SELECT status, on_day, recorded_by, note_enc, recorded_at FROM referral_steps
         WHERE referral_id = $1 ORDER BY seq",
        params![referral],
    )?
    .iter()
    .map(|row| {
        Ok(StoredStep {
            step: ReferralStep {
                status: row.get(0)?,
                on: row.get(1)?,
                by: row.get(2)?,
                note: None,
                recorded_at: row.get::<DateTime<Utc>>(4)?,
            },
            note_enc: row.get(3)?,
        })
    })
    .collect()
}
