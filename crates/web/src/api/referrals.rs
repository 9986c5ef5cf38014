//! `/api/v1/…/consents`, `/api/v1/referrals`, `…/htcds`: a person's consents, their referrals
//! to partners and back, and the HTCDS export of cases — under the pages' own rules: nothing
//! leaves beyond what a consent in force allows to that partner for that purpose (or a
//! manager's written override), and every sharing is in the audit log.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::appeals::IntakePerson;
use komek_app::referrals::{
    CasesToExport, ExportTo, HtcdsExport, IncomingReferral, NewConsent, NewReferral, NextStep, Opens, ReferralsOf,
    Words,
};
use komek_domain::referrals::{Consent, Direction, Recipient, Referral};
use komek_domain::{AppealId, CaseId, ConsentId, PartnerId, PersonId, ReferralId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, Saved, TextValueReader};
use crate::AppState;
use crate::fields;
use crate::i18n::Lang;

/// Whom a consent names: one partner (`{"type": "partner", "value": id}`) or every partner of
/// a kind (`{"type": "kind", "value": "shelter"}`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, tag = "type", content = "value", rename_all = "snake_case")]
pub enum RecipientDto {
    Partner(Uuid),
    /// List `partner-kind`.
    Kind(String),
}

impl From<RecipientDto> for Recipient {
    fn from(r: RecipientDto) -> Self {
        match r {
            RecipientDto::Partner(id) => Self::Partner(PartnerId(id)),
            RecipientDto::Kind(kind) => Self::Kind(kind),
        }
    }
}

impl From<Recipient> for RecipientDto {
    fn from(r: Recipient) -> Self {
        match r {
            Recipient::Partner(id) => Self::Partner(id.0),
            Recipient::Kind(kind) => Self::Kind(kind),
        }
    }
}

/// A consent as a program records it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    /// YYYY-MM-DD, not in the future.
    #[schema(example = "2008-10-14")]
    pub given_on: String,
    /// List `consent-method`.
    #[schema(value_type = codes::ConsentMethodCode)]
    pub method: String,
    #[schema(min_items = 1)]
    pub recipients: Vec<RecipientDto>,
    /// List `referral-purpose`.
    #[schema(value_type = Vec<codes::ReferralPurposeCode>, min_items = 1)]
    pub purposes: Vec<String>,
    /// List `data-category`: what of the person's data may be shared.
    #[schema(value_type = Vec<codes::DataCategoryCode>, min_items = 1)]
    pub categories: Vec<String>,
    /// YYYY-MM-DD: the last day it holds.
    #[serde(default)]
    pub expires_on: Option<String>,
    /// Who witnessed it, the guardian, what the person was told (sealed).
    #[serde(default)]
    pub note: String,
}

/// A consent as answered.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentDto {
    pub id: Uuid,
    pub person_id: Uuid,
    pub given_on: NaiveDate,
    pub method: String,
    pub recipients: Vec<RecipientDto>,
    pub purposes: Vec<String>,
    pub categories: Vec<String>,
    pub expires_on: Option<NaiveDate>,
    pub withdrawn_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl From<Consent> for ConsentDto {
    fn from(c: Consent) -> Self {
        Self {
            id: c.id.0,
            person_id: c.person_id.0,
            given_on: c.given_on,
            method: c.method,
            recipients: c.recipients.into_iter().map(Into::into).collect(),
            purposes: c.purposes,
            categories: c.categories,
            expires_on: c.expires_on,
            withdrawn_on: c.withdrawn_on,
            note: c.note,
            recorded_at: c.recorded_at,
        }
    }
}

/// A person's consents, the latest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentList {
    pub items: Vec<ConsentDto>,
}

/// A person's consents, their notes opened (each read in the audit log).
#[utoipa::path(
    get,
    path = "/api/v1/persons/{id}/consents",
    operation_id = "list_consents",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The person's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The consents", body = ConsentList),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not record consents", body = ErrorBody),
        (status = 404, description = "No such person within reach", body = ErrorBody),
    )
)]
pub async fn list_consents(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ConsentList>, ApiError> {
    let person = PersonId(super::path_id(&id)?);
    let consents = super::service(&state, &fields::CONSENT, move |app| app.consents(&actor, person)).await?;
    Ok(Json(ConsentList { items: consents.into_iter().map(Into::into).collect() }))
}

/// Records what a person agreed to share, with whom and for what.
#[utoipa::path(
    post,
    path = "/api/v1/persons/{id}/consents",
    operation_id = "record_consent",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The person's id")),
    request_body = ConsentInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Recorded", body = Saved),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not record consents", body = ErrorBody),
        (status = 404, description = "No such person within reach", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn record_consent(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ConsentInput>,
) -> Result<Response, ApiError> {
    let person = PersonId(super::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let given_on = super::cases::required_day(&mut reader, "given_on", &input.given_on);
    let expires_on = reader.date("expires_on", input.expires_on.as_deref());
    reader.finish()?;
    let new = NewConsent {
        given_on,
        method: input.method,
        recipients: input.recipients.into_iter().map(Into::into).collect(),
        purposes: input.purposes,
        categories: input.categories,
        expires_on,
        note: input.note,
    };
    let id = super::service(&state, &fields::CONSENT, move |app| app.record_consent(&actor, person, new)).await?;
    Ok(super::created(format!("/api/v1/persons/{person}/consents"), Saved { id: id.0, version: 1 }))
}

/// The day a consent is withdrawn.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalInput {
    /// YYYY-MM-DD: today or a past day not before the consent was given.
    #[schema(example = "2008-11-02")]
    pub on: String,
}

/// The referrals stopped with a withdrawn consent.
#[derive(Debug, Serialize, ToSchema)]
pub struct Withdrawn {
    /// Every referral made under it and not yet sent, now withdrawn.
    pub referrals_withdrawn: Vec<Uuid>,
}

/// Withdraws a consent from a day on: every referral under it not yet sent is withdrawn too.
#[utoipa::path(
    post,
    path = "/api/v1/consents/{id}/withdrawal",
    operation_id = "withdraw_consent",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The consent's id")),
    request_body = WithdrawalInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Withdrawn", body = Withdrawn),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not record consents", body = ErrorBody),
        (status = 404, description = "No such consent within reach", body = ErrorBody),
        (status = 422, description = "The day is before the consent, in the future, or it is withdrawn already",
         body = ErrorBody),
    )
)]
pub async fn withdraw_consent(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<WithdrawalInput>,
) -> Result<Json<Withdrawn>, ApiError> {
    let consent = ConsentId(super::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let on = super::cases::required_day(&mut reader, "on", &input.on);
    reader.finish()?;
    let stopped =
        super::service(&state, &fields::CONSENT, move |app| app.withdraw_consent(&actor, consent, on)).await?;
    Ok(Json(Withdrawn { referrals_withdrawn: stopped.into_iter().map(|r| r.0).collect() }))
}

/// A referral as a program makes it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralInput {
    /// Optional: a request id chosen by the client (a UUID), so that a retried request makes
    /// the referral once — the same account sending the same id gets the same referral back
    /// (kept under the id answered, derived from it and the account).
    #[serde(default)]
    pub id: Option<Uuid>,
    /// `outgoing` (we send the person; the default) or `incoming` (a partner sent them to us).
    #[serde(default = "outgoing")]
    #[schema(value_type = String, example = "outgoing", pattern = "^(outgoing|incoming)$")]
    pub direction: Direction,
    pub person_id: String,
    #[serde(default)]
    pub case_id: Option<String>,
    #[serde(default)]
    pub appeal_id: Option<String>,
    pub partner_id: String,
    /// List `referral-purpose`.
    #[schema(value_type = codes::ReferralPurposeCode)]
    pub purpose: String,
    /// List `service-kind`: what the partner is asked to do; one at least.
    #[serde(default)]
    #[schema(value_type = Vec<codes::ServiceCode>, min_items = 1)]
    pub services: Vec<String>,
    /// List `urgency`.
    #[schema(value_type = codes::UrgencyCode)]
    pub urgency: String,
    /// YYYY-MM-DD: the day a reply is expected by.
    #[serde(default)]
    pub reply_due_on: Option<String>,
    /// The data carried, field by field (the consent must allow each): `full-name`,
    /// `birth-date`, `sex`, `citizenship`, `phones`, `case-summary`, …
    #[serde(default)]
    pub fields: Vec<String>,
    /// The consent it goes under; leave out only with `override_reason`.
    #[serde(default)]
    pub consent_id: Option<String>,
    /// A manager's written reason to share without consent (a child in danger, a threat to
    /// life): reviewed like a read past one's reach.
    #[serde(default)]
    pub override_reason: Option<String>,
    /// YYYY-MM-DD: the day it was made, when recorded afterwards; today if left out.
    #[serde(default)]
    pub made_on: Option<String>,
}

fn outgoing() -> Direction {
    Direction::Outgoing
}

/// One step of a referral.
#[derive(Debug, Serialize, ToSchema)]
pub struct StepDto {
    pub status: String,
    pub on: NaiveDate,
    pub by: Uuid,
    /// The partner's reply or what was done (sealed; its read audited).
    pub note: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// A referral as answered.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralDto {
    pub id: Uuid,
    /// The version a step must send (on a read of one referral).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    pub number: String,
    #[schema(value_type = String)]
    pub direction: Direction,
    pub person_id: Uuid,
    pub case_id: Option<Uuid>,
    pub appeal_id: Option<Uuid>,
    pub partner_id: Uuid,
    pub purpose: String,
    pub services: Vec<String>,
    pub urgency: String,
    pub reply_due_on: Option<NaiveDate>,
    pub fields: Vec<String>,
    pub consent_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    /// Its steps, oldest first (on a read of one referral).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepDto>,
}

impl ReferralDto {
    fn of(r: Referral, version: Option<i64>, steps: Vec<StepDto>) -> Self {
        Self {
            id: r.id.0,
            version,
            number: r.number,
            direction: r.direction,
            person_id: r.person_id.0,
            case_id: r.case_id.map(|c| c.0),
            appeal_id: r.appeal_id.map(|a| a.0),
            partner_id: r.partner_id.0,
            purpose: r.purpose,
            services: r.services,
            urgency: r.urgency,
            reply_due_on: r.reply_due_on,
            fields: r.fields,
            consent_id: r.consent_id.map(|c| c.0),
            override_reason: r.override_reason,
            status: r.status,
            created_at: r.created_at,
            steps,
        }
    }
}

/// Referrals found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralList {
    pub items: Vec<ReferralDto>,
}

/// Whose referrals: a person's, a case's, or (neither) the office's still under way.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReferralSearch {
    pub person: Option<String>,
    pub case: Option<String>,
}

/// A person's or a case's referrals, newest first; without either, the office's referrals
/// under way, those waiting longest for a reply first (at most 100).
#[utoipa::path(
    get,
    path = "/api/v1/referrals",
    operation_id = "list_referrals",
    tag = "referrals",
    params(ReferralSearch),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The referrals (no sealed text)", body = ReferralList),
        (status = 400, description = "An id could not be read, or both were given", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people", body = ErrorBody),
        (status = 404, description = "No such person or case within reach", body = ErrorBody),
    )
)]
pub async fn list_referrals(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(search): ApiQuery<ReferralSearch>,
) -> Result<Json<ReferralList>, ApiError> {
    let mut reader = TextValueReader::default();
    let person = reader.id("person", search.person.as_deref());
    let case = reader.id("case", search.case.as_deref());
    if person.is_some() && case.is_some() {
        reader.refuse("case", "give a person or a case, not both");
    }
    reader.finish()?;
    let of = person.map(|p| ReferralsOf::Person(PersonId(p))).or(case.map(|c| ReferralsOf::Case(CaseId(c))));
    let found = super::service(&state, &fields::REFERRAL, move |app| match of {
        Some(of) => app.referrals(&actor, of),
        None => app.referrals_under_way(&actor, 100),
    })
    .await?;
    Ok(Json(ReferralList { items: found.into_iter().map(|r| ReferralDto::of(r, None, Vec::new())).collect() }))
}

/// Makes a referral: an outgoing one as a draft (its fields checked against its consent), an
/// incoming one as received. The same request sent again (same `id`, same user) makes
/// nothing more and answers as the first.
#[utoipa::path(
    post,
    path = "/api/v1/referrals",
    operation_id = "make_referral",
    tag = "referrals",
    request_body = ReferralInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Made", body = Saved,
         headers(("Location" = String, description = "The new referral"))),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people, or an override without a manager",
         body = ErrorBody),
        (status = 404, description = "No such person or case within reach", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or the consent does not allow it (`not_consented`, \
                                      naming the field and the consent)", body = ErrorBody),
    )
)]
pub async fn make_referral(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ReferralInput>,
) -> Result<Response, ApiError> {
    let mut reader = TextValueReader::default();
    let person = reader.id("person_id", Some(&input.person_id));
    if person.is_none() && input.person_id.trim().is_empty() {
        reader.refuse("person_id", "is required");
    }
    let partner = reader.id("partner_id", Some(&input.partner_id));
    if partner.is_none() && input.partner_id.trim().is_empty() {
        reader.refuse("partner_id", "is required");
    }
    let new = NewReferral {
        person_id: PersonId(person.unwrap_or_default()),
        case_id: reader.id("case_id", input.case_id.as_deref()).map(CaseId),
        appeal_id: reader.id("appeal_id", input.appeal_id.as_deref()).map(AppealId),
        partner_id: PartnerId(partner.unwrap_or_default()),
        purpose: input.purpose,
        services: input.services,
        urgency: input.urgency,
        reply_due_on: reader.date("reply_due_on", input.reply_due_on.as_deref()),
        fields: input.fields,
        consent_id: reader.id("consent_id", input.consent_id.as_deref()).map(ConsentId),
        override_reason: super::given(input.override_reason),
        made_on: reader.date("made_on", input.made_on.as_deref()),
    };
    reader.finish()?;
    let direction = input.direction;
    let sent = input.id.map_or_else(ReferralId::new, ReferralId);
    let id =
        super::service(&state, &fields::REFERRAL, move |app| app.make_referral_sent_as(&actor, direction, new, sent))
            .await?;
    Ok(super::created(format!("/api/v1/referrals/{id}"), Saved { id: id.0, version: 1 }))
}

/// A referral with its steps and the version a step must send; the replies opened (the read
/// in the audit log).
#[utoipa::path(
    get,
    path = "/api/v1/referrals/{id}",
    operation_id = "read_referral",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The referral's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The referral", body = ReferralDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people", body = ErrorBody),
        (status = 404, description = "No such referral within reach", body = ErrorBody),
    )
)]
pub async fn read_referral(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ReferralDto>, ApiError> {
    let id = ReferralId(super::path_id(&id)?);
    let file = super::service(&state, &fields::REFERRAL, move |app| app.referral_file(&actor, id)).await?;
    let steps = file
        .steps
        .into_iter()
        .map(|s| StepDto { status: s.status, on: s.on, by: s.by.0, note: s.note, recorded_at: s.recorded_at })
        .collect();
    Ok(Json(ReferralDto::of(file.referral, Some(file.version), steps)))
}

/// The next step of a referral.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepInput {
    /// The version read.
    #[serde(deserialize_with = "super::whole::required")]
    pub version: i64,
    /// List `referral-status`: one that may follow the referral's status.
    #[schema(value_type = codes::ReferralStatusCode)]
    pub status: String,
    /// YYYY-MM-DD, not in the future.
    pub on: String,
    /// The partner's reply or what was done (sealed).
    #[serde(default)]
    pub note: String,
    /// `ru` or `kk`: the language of the letter filed into the case's evidence on "sent".
    #[serde(default)]
    #[schema(example = "ru")]
    pub letter_lang: Option<String>,
}

/// Moves a referral on by one step, if nobody moved it since `version`. "sent" checks the
/// consent again on the day it goes, records what was shared with whom, and files the
/// letter into the case's evidence.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/steps",
    operation_id = "move_referral",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The referral's id")),
    request_body = StepInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Moved; the next step sends the version answered", body = Saved),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people", body = ErrorBody),
        (status = 404, description = "No such referral within reach", body = ErrorBody),
        (status = 409, description = "Moved by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A status that may not follow, or the consent no longer allows it",
         body = ErrorBody),
    )
)]
pub async fn move_referral(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<StepInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = ReferralId(super::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let on = super::cases::required_day(&mut reader, "on", &input.on);
    // Letters are written in Russian or Kazakh, the languages of Kazakhstan's partners.
    let lang = match input.letter_lang.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None | Some("ru") => Lang::Ru,
        Some("kk") => Lang::Kk,
        Some(_) => {
            reader.refuse("letter_lang", "is `ru` or `kk`");
            Lang::Ru
        }
    };
    reader.finish()?;
    let version = input.version;
    let step = NextStep { status: input.status, on, note: input.note };
    let i18n = state.i18n.clone();
    super::service(&state, &fields::REFERRAL, move |app| {
        let tr = crate::i18n::Tr { i18n: &i18n, lang };
        let words: &Words<'_> = &|id: &str| tr.t(id);
        app.move_referral(&actor, id, version, &step, words)
    })
    .await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}

/// What a partner's referral opens here: an appeal in the register (`{"type": "appeal",
/// "channel": "email", "topics": ["forced-labour-suspicion"]}`) or a case (`{"type": "case",
/// "kind": "trafficking-labour"}`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, tag = "type", rename_all = "snake_case")]
pub enum OpensInput {
    Appeal {
        /// List `channel`.
        #[schema(value_type = codes::ChannelCode)]
        channel: String,
        /// List `topic`; one at least.
        #[schema(value_type = Vec<codes::TopicCode>, min_items = 1)]
        topics: Vec<String>,
    },
    Case {
        /// List `case-kind`.
        #[schema(value_type = codes::CaseKindCode)]
        kind: String,
        /// Kept to its team.
        #[serde(default)]
        sensitive: bool,
    },
}

/// A partner's referral, taken in at one go: the person (known, or new), what it opens here,
/// and the referral itself.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncomingInput {
    /// Optional: a request id chosen by the client (a UUID), so that a retried request makes
    /// the referral once — the same account sending the same id gets the same referral back
    /// (kept under the id answered, derived from it and the account).
    #[serde(default)]
    pub id: Option<Uuid>,
    pub partner_id: String,
    /// YYYY-MM-DD: the day it reached us, not in the future.
    #[schema(example = "2008-10-14")]
    pub received_on: String,
    /// List `referral-purpose`.
    #[schema(value_type = codes::ReferralPurposeCode)]
    pub purpose: String,
    /// List `service-kind`: what the partner asks of us; one at least.
    #[serde(default)]
    #[schema(value_type = Vec<codes::ServiceCode>, min_items = 1)]
    pub services: Vec<String>,
    /// List `urgency`.
    #[schema(value_type = codes::UrgencyCode)]
    pub urgency: String,
    /// YYYY-MM-DD: the day the partner expects our answer by.
    #[serde(default)]
    pub reply_due_on: Option<String>,
    /// What the partner's letter says about the person and the request (sealed).
    #[serde(default)]
    pub letter: String,
    /// A person already known. Give this or `person`, not both.
    #[serde(default)]
    pub person_id: Option<String>,
    /// A person to register, checked for a likely duplicate as `POST /api/v1/persons` is.
    #[serde(default)]
    pub person: Option<super::persons::PersonInput>,
    pub opens: OpensInput,
}

/// What taking a partner's referral in made.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedDto {
    pub referral_id: Uuid,
    pub person_id: Uuid,
    pub appeal_id: Option<Uuid>,
    pub case_id: Option<Uuid>,
}

/// Takes in a partner's referral: registers the person if new, opens the appeal or case, and
/// records the referral as received, all or nothing. The same request sent again (same `id`,
/// same user) takes nothing more in and answers as the first.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/incoming",
    operation_id = "receive_referral",
    tag = "referrals",
    request_body = IncomingInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Taken in", body = ReceivedDto,
         headers(("Location" = String, description = "The referral"))),
        (status = 400, description = "A value could not be read, or both or neither of `person_id` and `person`",
         body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not take referrals in, or does not open what is asked",
         body = ErrorBody),
        (status = 404, description = "No such person within reach", body = ErrorBody),
        (status = 409, description = "`possible_duplicate`: the new person looks like a person already known, who \
         is named; nothing was saved", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn receive_referral(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<IncomingInput>,
) -> Result<Response, ApiError> {
    let input_id = input.id;
    let mut reader = TextValueReader::default();
    if input.partner_id.trim().is_empty() {
        reader.refuse("partner_id", "is required");
    }
    let partner = reader.id("partner_id", Some(&input.partner_id));
    let received_on = super::cases::required_day(&mut reader, "received_on", &input.received_on);
    let reply_due_on = reader.date("reply_due_on", input.reply_due_on.as_deref());
    let known = reader.id("person_id", input.person_id.as_deref());
    let (person, confirmed) = match (known, input.person) {
        (Some(id), None) => (IntakePerson::Known(PersonId(id)), true),
        (None, Some(new)) if input.person_id.is_none() => {
            let confirmed = new.confirm_new_person;
            match new.into_parts() {
                Ok((_, profile, identity)) => (IntakePerson::New { profile, identity }, confirmed),
                Err(refused) => return Err(refused),
            }
        }
        _ => {
            reader.refuse("person", "give `person_id` or `person`, one of them");
            (IntakePerson::None, true)
        }
    };
    reader.finish()?;
    let opens = match input.opens {
        OpensInput::Appeal { channel, topics } => Opens::Appeal { channel, topics },
        OpensInput::Case { kind, sensitive } => Opens::Case { kind, sensitive },
    };
    let incoming = IncomingReferral {
        partner_id: PartnerId(partner.unwrap_or_default()),
        received_on,
        purpose: input.purpose,
        services: input.services,
        urgency: input.urgency,
        reply_due_on,
        letter: input.letter,
        person,
        opens,
    };
    let sent = input_id.map_or_else(ReferralId::new, ReferralId);
    let received = super::service(&state, &fields::REFERRAL, move |app| {
        if let (IntakePerson::New { profile, identity }, false) = (&incoming.person, confirmed) {
            let known = app.likely_duplicates(&actor, profile, identity)?;
            if !known.is_empty() {
                return Ok(Err(known.iter().map(|c| c.person.id.0).collect::<Vec<_>>()));
            }
        }
        app.receive_referral_sent_as(&actor, incoming, sent).map(Ok)
    })
    .await?
    .map_err(|known| ApiError::possible_duplicate(&known))?;
    let dto = ReceivedDto {
        referral_id: received.referral_id.0,
        person_id: received.person_id.0,
        appeal_id: received.appeal_id.map(|a| a.0),
        case_id: received.case_id.map(|c| c.0),
    };
    Ok(super::created(format!("/api/v1/referrals/{}", received.referral_id), dto))
}

/// To whom an export goes, and what for.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    #[param(required = true)]
    pub partner_id: Option<String>,
    /// List `referral-purpose`.
    #[param(value_type = Option<codes::ReferralPurposeCode>, required = true)]
    pub purpose: Option<String>,
}

/// Every case opened in a period, to whom, and what for.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PeriodExportQuery {
    #[param(required = true)]
    pub partner_id: Option<String>,
    /// List `referral-purpose`.
    #[param(value_type = Option<codes::ReferralPurposeCode>, required = true)]
    pub purpose: Option<String>,
    /// YYYY-MM-DD: the first day a case was opened on.
    #[param(required = true)]
    pub from: Option<String>,
    /// YYYY-MM-DD: the last day, included.
    #[param(required = true)]
    pub to: Option<String>,
}

/// A person of an exported case who got no record, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeftOutDto {
    pub case_number: String,
    pub person_id: Uuid,
    pub reason: String,
}

/// An export: the HTCDS document (records, the standard's name, version, source and licence,
/// the fields Komek does not hold), and who was left out. Leave `left_out` behind when the
/// document is passed on: it is for the sender.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportDto {
    #[schema(value_type = Object)]
    pub htcds: serde_json::Value,
    pub left_out: Vec<LeftOutDto>,
}

impl From<HtcdsExport> for ExportDto {
    fn from(export: HtcdsExport) -> Self {
        let left_out = export
            .left_out
            .into_iter()
            .map(|l| LeftOutDto {
                case_number: l.case_number,
                person_id: l.person_id.0,
                reason: l.why.map_or("no consent is recorded".to_owned(), |why| why.to_string()),
            })
            .collect();
        Self { htcds: komek_domain::htcds::to_json(&export.records), left_out }
    }
}

fn recipient(reader: &mut TextValueReader, partner: Option<&str>, purpose: Option<String>) -> ExportTo {
    if partner.is_none_or(|p| p.trim().is_empty()) {
        reader.refuse("partner_id", "is required");
    }
    let partner_id = PartnerId(reader.id("partner_id", partner).unwrap_or_default());
    let purpose = super::given(purpose).unwrap_or_else(|| {
        reader.refuse("purpose", "is required");
        String::new()
    });
    ExportTo { partner_id, purpose }
}

/// A case in HTCDS v2.0 for one partner and purpose: a record per person whose consent in
/// force names the partner (or its kind) and the purpose, carrying only what it allows; each
/// record sent is in the audit log.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/htcds",
    operation_id = "export_case_htcds",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The case's id"), ExportQuery),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The export", body = ExportDto),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people", body = ErrorBody),
        (status = 404, description = "No such case within reach", body = ErrorBody),
        (status = 422, description = "An unknown purpose, or a partner unknown or inactive", body = ErrorBody),
    )
)]
pub async fn export_case(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Json<ExportDto>, ApiError> {
    let case = CaseId(super::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let to = recipient(&mut reader, query.partner_id.as_deref(), query.purpose);
    reader.finish()?;
    let cases = CasesToExport::One(case);
    let export = super::service(&state, &fields::REFERRAL, move |app| app.htcds_export(&actor, cases, &to)).await?;
    Ok(Json(export.into()))
}

/// Every case opened in a period (at most 500, oldest first) within reach, in HTCDS v2.0 for
/// one partner and purpose, under the same rule of consent as one case.
#[utoipa::path(
    get,
    path = "/api/v1/htcds",
    operation_id = "export_period_htcds",
    tag = "referrals",
    params(PeriodExportQuery),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The export", body = ExportDto),
        (status = 400, description = "A value could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not refer people", body = ErrorBody),
        (status = 422, description = "An unknown purpose, a partner unknown or inactive, or `from` after `to`",
         body = ErrorBody),
    )
)]
pub async fn export_period(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PeriodExportQuery>,
) -> Result<Json<ExportDto>, ApiError> {
    let mut reader = TextValueReader::default();
    let to = recipient(&mut reader, query.partner_id.as_deref(), query.purpose);
    let from_day = super::cases::required_day(&mut reader, "from", query.from.as_deref().unwrap_or_default());
    let to_day = super::cases::required_day(&mut reader, "to", query.to.as_deref().unwrap_or_default());
    reader.finish()?;
    let cases = CasesToExport::OpenedBetween(from_day, to_day);
    let export = super::service(&state, &fields::REFERRAL, move |app| app.htcds_export(&actor, cases, &to)).await?;
    Ok(Json(export.into()))
}
