//! `/api/v1/partners`: the referral network's directory — state bodies, NGOs, shelters,
//! embassies. Names and services are public facts; the focal points' contacts are sealed and
//! answered only to roles that may read them, each read in the audit log.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use komek_app::partners::PartnerQuery;
use komek_domain::PartnerId;
use komek_domain::referrals::{FocalPoint, Partner, PartnerContacts};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, Saved};
use crate::AppState;
use crate::fields;

/// A person at a partner to whom referrals go.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct FocalPointDto {
    /// Required: not blank.
    #[schema(example = "Дана Сеитова", pattern = r"\S", required = true)]
    pub name: String,
    pub position: String,
    pub phones: Vec<String>,
    pub email: String,
}

/// Whom to call and what to know: sealed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ContactsDto {
    pub focal_points: Vec<FocalPointDto>,
    /// The organisation's own address, phone or e-mail.
    pub address: String,
    pub notes: String,
}

impl From<PartnerContacts> for ContactsDto {
    fn from(c: PartnerContacts) -> Self {
        let focal_points = c
            .focal_points
            .into_iter()
            .map(|p| FocalPointDto { name: p.name, position: p.position, phones: p.phones, email: p.email })
            .collect();
        Self { focal_points, address: c.address, notes: c.notes }
    }
}

impl From<ContactsDto> for PartnerContacts {
    fn from(c: ContactsDto) -> Self {
        let focal_points = c
            .focal_points
            .into_iter()
            .map(|p| FocalPoint { name: p.name, position: p.position, phones: p.phones, email: p.email })
            .collect();
        Self { focal_points, address: c.address, notes: c.notes }
    }
}

/// A partner as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    /// On update only, required: the version read. Ignored on create.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub version: Option<i64>,
    /// Required: not blank.
    #[schema(example = "IOM Kazakhstan", pattern = r"\S")]
    pub name: String,
    /// List `partner-kind`.
    #[schema(value_type = codes::PartnerKindCode)]
    pub kind: String,
    /// List `citizenship`, as a country (ISO 3166-1 alpha-2).
    #[schema(value_type = codes::CitizenshipCode)]
    pub country: String,
    /// List `region`: Kazakhstan's regions served; empty for the whole country or abroad.
    #[serde(default)]
    #[schema(value_type = Vec<codes::RegionCode>)]
    pub regions: Vec<String>,
    /// List `service-kind`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::ServiceCode>)]
    pub services: Vec<String>,
    /// List `language`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::LanguageCode>)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub working_hours: String,
    /// Whether it may be chosen for a new referral; true unless sent.
    #[serde(default = "active_by_default")]
    pub active: bool,
    #[serde(default)]
    pub contacts: ContactsDto,
}

fn active_by_default() -> bool {
    true
}

impl PartnerInput {
    fn into_parts(self, id: PartnerId) -> (Option<i64>, Partner) {
        let partner = Partner {
            id,
            name: self.name,
            kind: self.kind,
            country: self.country,
            regions: self.regions,
            services: self.services,
            languages: self.languages,
            working_hours: self.working_hours,
            active: self.active,
            contacts: Some(self.contacts.into()),
            updated_at: Utc::now(),
        };
        (self.version, partner)
    }
}

/// A partner as answered; `contacts` only to roles that may read them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerDto {
    pub id: Uuid,
    /// The version an update must send (on a read of one partner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub languages: Vec<String>,
    pub working_hours: String,
    pub active: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<ContactsDto>,
    pub updated_at: DateTime<Utc>,
}

impl PartnerDto {
    fn of(partner: Partner, version: Option<i64>) -> Self {
        Self {
            id: partner.id.0,
            version,
            name: partner.name,
            kind: partner.kind,
            country: partner.country,
            regions: partner.regions,
            services: partner.services,
            languages: partner.languages,
            working_hours: partner.working_hours,
            active: partner.active,
            contacts: partner.contacts.map(Into::into),
            updated_at: partner.updated_at,
        }
    }
}

/// Partners found, by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerList {
    pub items: Vec<PartnerDto>,
}

/// What to look for; every part optional.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PartnerSearch {
    /// Words of the name, in any alphabet.
    pub q: Option<String>,
    /// List `partner-kind`.
    #[param(value_type = Option<codes::PartnerKindCode>)]
    pub kind: Option<String>,
    /// List `service-kind`: partners offering it.
    #[param(value_type = Option<codes::ServiceCode>)]
    pub service: Option<String>,
    /// List `region`: partners serving it (or the whole country).
    #[param(value_type = Option<codes::RegionCode>)]
    pub region: Option<String>,
    /// Inactive partners too (default: only those that may be chosen for a referral).
    pub all: Option<bool>,
}

/// Finds partners by name, kind, service and region (at most 50, by name).
#[utoipa::path(
    get,
    path = "/api/v1/partners",
    operation_id = "find_partners",
    tag = "referrals",
    params(PartnerSearch),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Partners found, without their contacts", body = PartnerList),
        (status = 400, description = "A query parameter is unknown or could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not use the directory", body = ErrorBody),
        (status = 422, description = "An unknown code", body = ErrorBody),
    )
)]
pub async fn find(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(search): ApiQuery<PartnerSearch>,
) -> Result<Json<PartnerList>, ApiError> {
    use komek_domain::lookups;
    let lists = state.i18n.lists();
    let mut problems = Vec::new();
    for (field, list, code) in [
        ("kind", lookups::PARTNER_KIND, &search.kind),
        ("service", lookups::SERVICE_KIND, &search.service),
        ("region", lookups::REGION, &search.region),
    ] {
        if let Some(problem) = code.as_deref().and_then(|c| super::unknown_filter_code(&lists, list, c)) {
            problems.push(super::FieldProblem::new(field, problem));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::invalid(problems));
    }
    let query = PartnerQuery {
        name: search.q.unwrap_or_default(),
        kind: search.kind,
        service: search.service,
        region: search.region,
        active_only: !search.all.unwrap_or(false),
    };
    let found = super::service(&state, &fields::PARTNER, move |app| app.find_partners(&actor, &query)).await?;
    Ok(Json(PartnerList { items: found.into_iter().map(|p| PartnerDto::of(p, None)).collect() }))
}

/// Adds a partner to the directory.
#[utoipa::path(
    post,
    path = "/api/v1/partners",
    operation_id = "add_partner",
    tag = "referrals",
    request_body = PartnerInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Added", body = Saved,
         headers(("Location" = String, description = "The new partner"))),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "Only managers and administrators keep the directory", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn add(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<PartnerInput>,
) -> Result<Response, ApiError> {
    let (_, partner) = input.into_parts(PartnerId::default());
    let id = super::service(&state, &fields::PARTNER, move |app| app.add_partner(&actor, partner)).await?;
    Ok(super::created(format!("/api/v1/partners/{id}"), Saved { id: id.0, version: 1 }))
}

/// A partner with the version an update must send; its contacts to roles that may read them
/// (the read in the audit log).
#[utoipa::path(
    get,
    path = "/api/v1/partners/{id}",
    operation_id = "read_partner",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The partner's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The partner", body = PartnerDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not use the directory", body = ErrorBody),
        (status = 404, description = "No such partner", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PartnerDto>, ApiError> {
    let id = PartnerId(super::path_id(&id)?);
    let file = super::service(&state, &fields::PARTNER, move |app| app.partner_file(&actor, id)).await?;
    Ok(Json(PartnerDto::of(file.partner, Some(file.version))))
}

/// Replaces a partner (as sent, contacts included) if still at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/partners/{id}",
    operation_id = "update_partner",
    tag = "referrals",
    params(("id" = Uuid, Path, description = "The partner's id")),
    request_body = PartnerInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "Only managers and administrators keep the directory", body = ErrorBody),
        (status = 404, description = "No such partner", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PartnerInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = PartnerId(super::path_id(&id)?);
    let (version, partner) = input.into_parts(id);
    let version = super::required_version(version)?;
    super::service(&state, &fields::PARTNER, move |app| app.update_partner(&actor, partner, version)).await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}
