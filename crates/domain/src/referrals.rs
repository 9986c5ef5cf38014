//! Referrals: the partners we send people to and receive them from, the person's consent to
//! share, and the referral itself. The rules here are pure: what a consent allows on a day,
//! which of a person's data a referral may carry, and the steps a referral takes.
//!
//! Nothing about a person leaves without a consent that covers the partner (by name or by
//! kind), the purpose and every category of data carried, on the day it is sent; a manager's
//! override (a child in danger, a threat to life) stands in for it only with a written
//! justification. A withdrawal takes effect the day it is recorded, for every referral not
//! yet sent.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ValidationError;
use crate::ids::{AccountId, AppealId, CaseId, ConsentId, OfficeId, PartnerId, PersonId, ReferralId};
use crate::limits::{MAX_LINE_CHARS, MAX_NOTE_CHARS, MAX_PHONES, MAX_SHORT_CHARS};
use crate::lookups::{self, Coded, HoldsCodes};
use crate::rules::{self, check_code, check_codes};

/// Most focal points one partner lists.
pub const MAX_FOCAL_POINTS: usize = 20;

/// An organisation of the referral network: a state body, an NGO, a shelter, an embassy,
/// in Kazakhstan or abroad. The directory is the organisation's, not an office's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: PartnerId,
    /// The organisation's name as it is known: public, so searchable and not sealed.
    pub name: String,
    /// `lookups::PARTNER_KIND`.
    pub kind: String,
    /// `lookups::CITIZENSHIP` codes serve as countries (never "stateless" or "unknown").
    pub country: String,
    /// Kazakhstan's regions served (`lookups::REGION`); empty for a partner abroad or one
    /// that serves the whole country.
    pub regions: Vec<String>,
    /// Services offered (`lookups::SERVICE_KIND`).
    pub services: Vec<String>,
    /// Languages its staff speak with a person (`lookups::LANGUAGE`).
    pub languages: Vec<String>,
    /// When it can be reached, as its staff say it ("Mon–Fri 9–18, duty phone at night").
    pub working_hours: String,
    /// Whether it may be chosen for a new referral.
    pub active: bool,
    /// Who to call and what to know: names and contacts of another organisation's staff,
    /// sealed like any contact. `None` when the reader may not see them.
    pub contacts: Option<PartnerContacts>,
    pub updated_at: DateTime<Utc>,
}

/// The sealed part of a partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerContacts {
    pub focal_points: Vec<FocalPoint>,
    /// The organisation's own address, phone or e-mail.
    pub address: String,
    pub notes: String,
}

/// A person at a partner to whom referrals go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocalPoint {
    pub name: String,
    pub position: String,
    pub phones: Vec<String>,
    pub email: String,
}

impl HoldsCodes for Partner {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let mut codes = vec![Coded::new("kind", lookups::PARTNER_KIND, &self.kind)];
        codes.extend(Coded::each("services", lookups::SERVICE_KIND, &self.services));
        codes
    }
}

impl Partner {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        rules::check_required(&mut errors, "name", &self.name);
        rules::check_line(&mut errors, "name", &self.name, MAX_LINE_CHARS);
        self.codes_held().into_iter().for_each(|c| check_code(&mut errors, c.field, c.list, c.code));
        if matches!(self.country.as_str(), "stateless" | "unknown") {
            errors.push(ValidationError::Invalid { field: "country" });
        } else {
            check_code(&mut errors, "country", lookups::CITIZENSHIP, &self.country);
        }
        check_codes(&mut errors, "regions", lookups::REGION, &self.regions);
        rules::check_count(&mut errors, "services", self.services.len(), lookups::SERVICE_KIND.most_chosen());
        check_codes(&mut errors, "languages", lookups::LANGUAGE, &self.languages);
        rules::check_line(&mut errors, "working_hours", &self.working_hours, MAX_LINE_CHARS);
        if let Some(contacts) = &self.contacts {
            rules::check_text(&mut errors, "address", &contacts.address, MAX_LINE_CHARS);
            rules::check_text(&mut errors, "notes", &contacts.notes, MAX_NOTE_CHARS);
            rules::check_count(&mut errors, "focal_points", contacts.focal_points.len(), MAX_FOCAL_POINTS);
            for point in &contacts.focal_points {
                rules::check_required(&mut errors, "focal_points.name", &point.name);
                rules::check_line(&mut errors, "focal_points.name", &point.name, MAX_SHORT_CHARS);
                rules::check_line(&mut errors, "focal_points.position", &point.position, MAX_SHORT_CHARS);
                rules::check_lines(&mut errors, "focal_points.phones", &point.phones, MAX_SHORT_CHARS, MAX_PHONES);
                rules::check_line(&mut errors, "focal_points.email", &point.email, MAX_SHORT_CHARS);
            }
        }
        errors
    }
}

/// Whom a consent lets data go to: one partner, or every partner of a kind ("any shelter").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Recipient {
    Partner(PartnerId),
    Kind(String),
}

impl Recipient {
    fn includes(&self, partner: &Partner) -> bool {
        match self {
            Self::Partner(id) => *id == partner.id,
            Self::Kind(kind) => *kind == partner.kind,
        }
    }
}

/// A person's consent to share their data: recorded before anything is shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub id: ConsentId,
    pub person_id: PersonId,
    pub office_id: OfficeId,
    pub given_on: NaiveDate,
    /// `lookups::CONSENT_METHOD`: a signed form, oral with a witness, by a guardian.
    pub method: String,
    /// To whom, for which purposes (every purpose for every recipient listed).
    pub recipients: Vec<Recipient>,
    /// `lookups::REFERRAL_PURPOSE`.
    pub purposes: Vec<String>,
    /// `lookups::DATA_CATEGORY`: what of the person's data may be shared.
    pub categories: Vec<String>,
    /// The last day it holds, if the person set one.
    pub expires_on: Option<NaiveDate>,
    /// The day the person withdrew it: from then on it allows nothing.
    pub withdrawn_on: Option<NaiveDate>,
    /// Who witnessed it, the guardian's name, what the person was told: identifying, sealed.
    /// `None` when the reader may not see it.
    pub note: Option<String>,
    pub recorded_by: AccountId,
    pub recorded_at: DateTime<Utc>,
}

/// Why a consent does not let a referral's data go to a partner. Each names what is missing,
/// so the lawyer can see which field or which consent to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SharingRefused {
    #[error("the consent of {given_on} was withdrawn on {withdrawn_on}")]
    Withdrawn { given_on: NaiveDate, withdrawn_on: NaiveDate },
    #[error("the consent of {given_on} expired on {expires_on}")]
    Expired { given_on: NaiveDate, expires_on: NaiveDate },
    #[error("the consent is given on {given_on}, after the day of sharing")]
    NotYetGiven { given_on: NaiveDate },
    #[error("the consent of {given_on} does not name this partner or its kind")]
    RecipientNotCovered { given_on: NaiveDate },
    #[error("the consent of {given_on} does not cover the purpose {purpose:?}")]
    PurposeNotCovered { given_on: NaiveDate, purpose: String },
    #[error("the consent of {given_on} does not allow sharing {field:?} ({category:?} data)")]
    FieldNotCovered { given_on: NaiveDate, field: String, category: String },
}

impl SharingRefused {
    /// The referral's field that the refusal concerns, for a form or an API body to mark.
    pub fn field(&self) -> &'static str {
        match self {
            Self::FieldNotCovered { .. } => "fields",
            Self::PurposeNotCovered { .. } => "purpose",
            Self::RecipientNotCovered { .. } => "partner_id",
            Self::Withdrawn { .. } | Self::Expired { .. } | Self::NotYetGiven { .. } => "consent_id",
        }
    }
}

impl HoldsCodes for Consent {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let kinds = self.recipients.iter().filter_map(|r| match r {
            Recipient::Kind(kind) => Some(kind),
            _ => None,
        });
        kinds.map(|kind| Coded::new("recipients", lookups::PARTNER_KIND, kind)).collect()
    }
}

impl Consent {
    pub fn validate(&self, today: NaiveDate) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        rules::check_day(&mut errors, "given_on", self.given_on);
        if self.given_on > today {
            errors.push(ValidationError::Future { field: "given_on" });
        }
        check_code(&mut errors, "method", lookups::CONSENT_METHOD, &self.method);
        if self.recipients.is_empty() {
            errors.push(ValidationError::Required { field: "recipients" });
        }
        rules::check_count(&mut errors, "recipients", self.recipients.len(), MAX_RECIPIENTS);
        self.codes_held().into_iter().for_each(|c| check_code(&mut errors, c.field, c.list, c.code));
        for (at, recipient) in self.recipients.iter().enumerate() {
            // Each once: a list of the same partner fifty times reads as fifty consents.
            if self.recipients[..at].contains(recipient) {
                errors.push(ValidationError::Invalid { field: "recipients" });
            }
        }
        if self.purposes.is_empty() {
            errors.push(ValidationError::Required { field: "purposes" });
        }
        check_codes(&mut errors, "purposes", lookups::REFERRAL_PURPOSE, &self.purposes);
        if self.categories.is_empty() {
            errors.push(ValidationError::Required { field: "categories" });
        }
        check_codes(&mut errors, "categories", lookups::DATA_CATEGORY, &self.categories);
        if let Some(expires_on) = self.expires_on {
            rules::check_day(&mut errors, "expires_on", expires_on);
            if expires_on < self.given_on {
                errors.push(ValidationError::Invalid { field: "expires_on" });
            }
        }
        if let Some(withdrawn_on) = self.withdrawn_on {
            rules::check_day(&mut errors, "withdrawn_on", withdrawn_on);
            if withdrawn_on < self.given_on {
                errors.push(ValidationError::Invalid { field: "withdrawn_on" });
            }
        }
        if let Some(note) = &self.note {
            rules::check_text(&mut errors, "note", note, MAX_NOTE_CHARS);
        }
        errors
    }

    /// Whether it allows anything at all on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> Result<(), SharingRefused> {
        let given_on = self.given_on;
        if let Some(withdrawn_on) = self.withdrawn_on.filter(|w| *w <= day) {
            return Err(SharingRefused::Withdrawn { given_on, withdrawn_on });
        }
        if let Some(expires_on) = self.expires_on.filter(|e| *e < day) {
            return Err(SharingRefused::Expired { given_on, expires_on });
        }
        if given_on > day {
            return Err(SharingRefused::NotYetGiven { given_on });
        }
        Ok(())
    }

    /// Whether the fields named may go to `partner` for `purpose` on `day`; the first thing
    /// that stops them otherwise.
    pub fn allows(
        &self,
        partner: &Partner,
        purpose: &str,
        fields: &[String],
        day: NaiveDate,
    ) -> Result<(), SharingRefused> {
        self.in_force_on(day)?;
        let given_on = self.given_on;
        if !self.recipients.iter().any(|r| r.includes(partner)) {
            return Err(SharingRefused::RecipientNotCovered { given_on });
        }
        if !self.purposes.iter().any(|p| p == purpose) {
            return Err(SharingRefused::PurposeNotCovered { given_on, purpose: purpose.to_owned() });
        }
        for field in fields {
            let category = category_of(field).unwrap_or("unknown");
            if !self.categories.iter().any(|c| c == category) {
                return Err(SharingRefused::FieldNotCovered {
                    given_on,
                    field: field.clone(),
                    category: category.to_owned(),
                });
            }
        }
        Ok(())
    }
}

/// Most recipients one consent names.
pub const MAX_RECIPIENTS: usize = 50;

/// The data a referral can carry, field by field, each in the consent's category that
/// covers it: the minimum asked is chosen from these, and a consent allows a field only
/// through its category.
pub const SHAREABLE_FIELDS: &[(&str, &str)] = &[
    ("full-name", "identity"),
    ("birth-date", "identity"),
    ("sex", "identity"),
    ("citizenship", "identity"),
    ("languages", "identity"),
    ("phones", "contact"),
    ("address", "contact"),
    ("case-kind", "case-narrative"),
    ("case-summary", "case-narrative"),
    ("recruitment", "case-narrative"),
    ("exploitation", "case-narrative"),
    ("indicators", "case-narrative"),
    ("vulnerabilities", "health"),
    ("parties", "perpetrator"),
    ("document-numbers", "documents"),
];

/// The name of the list of [`SHAREABLE_FIELDS`], in errors about a field that is not one.
pub const SHAREABLE_FIELD_LIST: &str = "shareable-field";

/// The consent category a shareable field belongs to; `None` for a name that is not one.
pub fn category_of(field: &str) -> Option<&'static str> {
    SHAREABLE_FIELDS.iter().find(|(name, _)| *name == field).map(|(_, category)| *category)
}

/// Which way a referral goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// We send a person to a partner.
    Outgoing,
    /// A partner sends a person to us.
    Incoming,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Self::Outgoing => "outgoing",
            Self::Incoming => "incoming",
        }
    }
}

/// A person sent to a partner (or to us by one): what is asked, what is carried, and every
/// step of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: ReferralId,
    pub office_id: OfficeId,
    /// Its reference on the letter, e.g. "R-2008-014"; given by the service.
    pub number: String,
    pub direction: Direction,
    pub person_id: PersonId,
    pub case_id: Option<CaseId>,
    pub appeal_id: Option<AppealId>,
    pub partner_id: PartnerId,
    /// `lookups::REFERRAL_PURPOSE`.
    pub purpose: String,
    /// `lookups::SERVICE_KIND`: what the partner is asked to do.
    pub services: Vec<String>,
    /// `lookups::URGENCY`.
    pub urgency: String,
    /// The day by which a reply is expected.
    pub reply_due_on: Option<NaiveDate>,
    /// `SHAREABLE_FIELDS` names: the data the referral carries (outgoing only).
    pub fields: Vec<String>,
    /// The consent it is sent under; `None` only with an override.
    pub consent_id: Option<ConsentId>,
    /// A manager's written reason to share without consent: identifying, sealed. `None`
    /// when there is none or the reader may not see it.
    pub override_reason: Option<String>,
    /// `lookups::REFERRAL_STATUS`.
    pub status: String,
    pub created_by: AccountId,
    pub created_at: DateTime<Utc>,
}

/// One dated step of a referral: its new status, who recorded it and the partner's reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralStep {
    pub status: String,
    pub on: NaiveDate,
    pub by: AccountId,
    /// What the partner answered or what was done: may name the person, sealed.
    pub note: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl HoldsCodes for Referral {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        Coded::each("services", lookups::SERVICE_KIND, &self.services).collect()
    }
}

impl Referral {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_code(&mut errors, "purpose", lookups::REFERRAL_PURPOSE, &self.purpose);
        rules::check_count(&mut errors, "services", self.services.len(), lookups::SERVICE_KIND.most_chosen());
        self.codes_held().into_iter().for_each(|c| check_code(&mut errors, c.field, c.list, c.code));
        if self.services.is_empty() {
            errors.push(ValidationError::Required { field: "services" });
        }
        check_code(&mut errors, "urgency", lookups::URGENCY, &self.urgency);
        check_code(&mut errors, "status", lookups::REFERRAL_STATUS, &self.status);
        if let Some(due) = self.reply_due_on {
            rules::check_day(&mut errors, "reply_due_on", due);
        }
        rules::check_count(&mut errors, "fields", self.fields.len(), SHAREABLE_FIELDS.len());
        for field in &self.fields {
            if category_of(field).is_none() {
                errors.push(ValidationError::UnknownCode {
                    field: "fields",
                    list: SHAREABLE_FIELD_LIST,
                    code: field.clone(),
                });
            }
        }
        if self.direction == Direction::Outgoing && self.fields.is_empty() {
            errors.push(ValidationError::Required { field: "fields" });
        }
        if let Some(reason) = &self.override_reason {
            rules::check_required(&mut errors, "override_reason", reason);
            rules::check_text(&mut errors, "override_reason", reason, MAX_NOTE_CHARS);
        }
        errors
    }

    /// Whether a reply is overdue on `day`: asked for by a day now past, and not answered.
    pub fn reply_overdue_on(&self, day: NaiveDate) -> bool {
        self.reply_due_on.is_some_and(|due| due < day) && matches!(self.status.as_str(), "sent" | "received")
    }
}

/// The statuses a referral may move to from `status`, in the order a form offers them.
/// A referral starts as a draft (outgoing) or as received (incoming); "withdrawn" ends one
/// the sender takes back, including when the consent it stood on is withdrawn before it went.
pub fn next_statuses(status: &str) -> &'static [&'static str] {
    match status {
        "draft" => &["sent", "withdrawn"],
        "sent" => &["received", "accepted", "declined", "withdrawn"],
        "received" => &["accepted", "declined", "withdrawn"],
        "accepted" => &["services-delivered", "closed", "withdrawn"],
        "services-delivered" => &["closed"],
        "declined" => &["closed"],
        _ => &[],
    }
}

/// Whether a referral in `status` has not left yet, so a consent withdrawn now stops it.
pub fn not_yet_sent(status: &str) -> bool {
    status == "draft"
}

#[cfg(test)]
mod tests;
