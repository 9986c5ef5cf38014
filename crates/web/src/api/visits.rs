//! `/api/v1/visits`: the mobile group's monitoring visits. What a visit counted names nobody;
//! its settlement, narrative and reason for calling it off are sealed, answered only within
//! reach and each read audited, as on the pages. An on-site consultation is an appeal sent
//! with `visit_id` (`POST /api/v1/appeals`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use komek_app::monitoring::{VisitFile, VisitLine, VisitQuery};
use komek_domain::lookups;
use komek_domain::monitoring::{
    Check, CitizenshipCount, Material, Observation, PeopleMet, Violation, Visit, VisitNotes,
};
use komek_domain::{AccountId, OfficeId, PartnerId, PartyId, VisitId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, FieldProblem, Saved, TextValueReader};
use crate::AppState;
use crate::fields;

/// People met on a visit. No part may be more than `total`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PeopleDto {
    #[serde(deserialize_with = "super::whole::required")]
    pub total: u32,
    #[serde(deserialize_with = "super::whole::required")]
    pub women: u32,
    #[serde(deserialize_with = "super::whole::required")]
    pub men: u32,
    /// Under 18.
    #[serde(deserialize_with = "super::whole::required")]
    pub minors: u32,
    pub citizenships: Vec<CitizenshipDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenshipDto {
    /// List `citizenship`.
    #[schema(value_type = codes::CitizenshipCode)]
    pub citizenship: String,
    #[serde(deserialize_with = "super::whole::required")]
    pub people: u32,
}

/// One item of the checklist as answered.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckDto {
    /// List `check-item`.
    #[schema(value_type = codes::CheckItemCode)]
    pub item: String,
    /// What was seen: `yes`, `no` or `not-seen`.
    #[schema(value_type = String, pattern = "^(yes|no|not-seen)$", example = "yes")]
    pub answer: Observation,
    /// How many of the people met it concerns.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub people: Option<u32>,
}

/// A violation found; those the checklist shows are added by the server.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ViolationDto {
    /// List `violation`.
    #[schema(value_type = codes::ViolationCode)]
    pub kind: String,
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub people: Option<u32>,
    /// The ILO indicator of forced labour it stands for, where one fits: answered by the
    /// server, ignored when sent back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ilo_indicator: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MaterialDto {
    /// List `material`.
    #[schema(value_type = codes::MaterialCode)]
    pub kind: String,
    /// List `language`.
    #[schema(value_type = codes::LanguageCode)]
    pub language: String,
    #[serde(deserialize_with = "super::whole::required")]
    pub quantity: u32,
}

/// A visit as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitInput {
    /// On create, optional: a request id (a UUID), so that a retried request saves the visit
    /// once; the visit is kept under the id answered. Ignored on update.
    pub id: Option<Uuid>,
    /// On update only, required: the version read.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub version: Option<i64>,
    /// List `visit-status`.
    #[schema(value_type = codes::VisitStatusCode)]
    pub status: String,
    /// The day planned (YYYY-MM-DD).
    #[schema(example = "2008-09-16", format = Date)]
    pub planned_on: String,
    /// The day it took place: required when done, never in the future.
    #[schema(example = "2008-09-16", format = Date)]
    pub visited_on: Option<String>,
    /// List `region`.
    #[schema(value_type = codes::RegionCode)]
    pub region: String,
    /// List `district`.
    #[schema(value_type = codes::DistrictCode)]
    pub district: String,
    /// List `place`.
    #[schema(value_type = codes::PlaceCode)]
    pub place_kind: String,
    /// The employer or farm, from the registry of parties.
    pub party_id: Option<Uuid>,
    /// Partners that went along.
    #[serde(default)]
    pub partners: Vec<Uuid>,
    /// Staff on the visit.
    #[serde(default)]
    pub team: Vec<Uuid>,
    #[serde(default)]
    pub people: PeopleDto,
    #[serde(default)]
    pub checks: Vec<CheckDto>,
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub hours_per_day: Option<u32>,
    #[serde(default)]
    pub violations: Vec<ViolationDto>,
    #[serde(default)]
    pub materials: Vec<MaterialDto>,
    /// Sealed, as the three texts below.
    #[serde(default)]
    pub settlement: String,
    #[serde(default)]
    pub narrative: String,
    /// Required when cancelled.
    #[serde(default)]
    pub cancel_reason: String,
}

impl VisitInput {
    fn into_visit(self, id: VisitId) -> Result<(Option<i64>, Visit), ApiError> {
        let mut reader = TextValueReader::default();
        if self.planned_on.trim().is_empty() {
            reader.refuse("planned_on", "is required (YYYY-MM-DD)");
        }
        let planned_on = reader.date("planned_on", Some(&self.planned_on));
        let visited_on = reader.date("visited_on", self.visited_on.as_deref());
        reader.finish()?;
        let people = PeopleMet {
            total: self.people.total,
            women: self.people.women,
            men: self.people.men,
            minors: self.people.minors,
            citizenships: self
                .people
                .citizenships
                .into_iter()
                .map(|c| CitizenshipCount { citizenship: c.citizenship, people: c.people })
                .collect(),
        };
        let visit = Visit {
            id,
            office_id: OfficeId::default(),
            status: self.status,
            planned_on: planned_on.unwrap_or_default(),
            visited_on,
            region: self.region,
            district: self.district,
            place_kind: self.place_kind,
            party_id: self.party_id.map(PartyId),
            partners: self.partners.into_iter().map(PartnerId).collect(),
            team: self.team.into_iter().map(AccountId).collect(),
            people,
            checks: self
                .checks
                .into_iter()
                .map(|c| Check { item: c.item, answer: c.answer, people: c.people })
                .collect(),
            hours_per_day: self.hours_per_day,
            violations: self.violations.into_iter().map(|v| Violation { kind: v.kind, people: v.people }).collect(),
            materials: self
                .materials
                .into_iter()
                .map(|m| Material { kind: m.kind, language: m.language, quantity: m.quantity })
                .collect(),
            notes: Some(VisitNotes {
                settlement: self.settlement,
                narrative: self.narrative,
                cancel_reason: self.cancel_reason,
            }),
            created_by: None,
            updated_at: Utc::now(),
            version: self.version.unwrap_or(1),
        };
        Ok((self.version, visit))
    }
}

/// A visit as answered; the sealed texts only within reach.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitDto {
    pub id: Uuid,
    /// The version an update must send.
    pub version: i64,
    pub office_id: Uuid,
    pub status: String,
    #[schema(format = Date)]
    pub planned_on: String,
    #[schema(format = Date)]
    pub visited_on: Option<String>,
    pub region: String,
    pub district: String,
    pub place_kind: String,
    pub party_id: Option<Uuid>,
    pub partners: Vec<Uuid>,
    pub team: Vec<Uuid>,
    pub people: PeopleDto,
    pub checks: Vec<CheckDto>,
    pub hours_per_day: Option<u32>,
    pub violations: Vec<ViolationDto>,
    pub materials: Vec<MaterialDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settlement: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    /// On-site consultations taken on the visit (appeals within reach).
    pub appeals: Vec<Uuid>,
    /// Cases opened from it.
    pub cases: Vec<Uuid>,
    /// The last visit done to the same party before this one.
    pub previous_visit: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

impl From<VisitFile> for VisitDto {
    fn from(file: VisitFile) -> Self {
        let v = file.visit;
        let notes = v.notes;
        Self {
            id: v.id.0,
            version: v.version,
            office_id: v.office_id.0,
            status: v.status,
            planned_on: v.planned_on.to_string(),
            visited_on: v.visited_on.map(|d| d.to_string()),
            region: v.region,
            district: v.district,
            place_kind: v.place_kind,
            party_id: v.party_id.map(|p| p.0),
            partners: v.partners.iter().map(|p| p.0).collect(),
            team: v.team.iter().map(|a| a.0).collect(),
            people: PeopleDto {
                total: v.people.total,
                women: v.people.women,
                men: v.people.men,
                minors: v.people.minors,
                citizenships: v
                    .people
                    .citizenships
                    .into_iter()
                    .map(|c| CitizenshipDto { citizenship: c.citizenship, people: c.people })
                    .collect(),
            },
            checks: v
                .checks
                .into_iter()
                .map(|c| CheckDto { item: c.item, answer: c.answer, people: c.people })
                .collect(),
            hours_per_day: v.hours_per_day,
            violations: v
                .violations
                .into_iter()
                .map(|w| ViolationDto {
                    ilo_indicator: komek_domain::monitoring::violation_indicator(&w.kind).map(|i| i.code().to_owned()),
                    kind: w.kind,
                    people: w.people,
                })
                .collect(),
            materials: v
                .materials
                .into_iter()
                .map(|m| MaterialDto { kind: m.kind, language: m.language, quantity: m.quantity })
                .collect(),
            settlement: notes.as_ref().map(|n| n.settlement.clone()),
            narrative: notes.as_ref().map(|n| n.narrative.clone()),
            cancel_reason: notes.map(|n| n.cancel_reason),
            appeals: file.appeals.iter().map(|a| a.id.0).collect(),
            cases: file.cases.iter().map(|(c, _)| c.0).collect(),
            previous_visit: file.previous.map(|(earlier, _)| earlier.id.0),
            updated_at: v.updated_at,
        }
    }
}

/// A line of the visits list: nothing sealed.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitLineDto {
    pub id: Uuid,
    pub office_id: Uuid,
    pub status: String,
    #[schema(format = Date)]
    pub planned_on: String,
    #[schema(format = Date)]
    pub visited_on: Option<String>,
    pub district: String,
    pub place_kind: String,
    pub party_id: Option<Uuid>,
    pub people_total: u32,
    pub people_minors: u32,
    /// Kinds of violation found.
    pub violations: i64,
}

impl From<VisitLine> for VisitLineDto {
    fn from(l: VisitLine) -> Self {
        Self {
            id: l.id.0,
            office_id: l.office_id.0,
            status: l.status,
            planned_on: l.planned_on.to_string(),
            visited_on: l.visited_on.map(|d| d.to_string()),
            district: l.district,
            place_kind: l.place_kind,
            party_id: l.party_id.map(|p| p.0),
            people_total: l.people_total,
            people_minors: l.people_minors,
            violations: l.violations,
        }
    }
}

/// One page of visits.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitPage {
    pub items: Vec<VisitLineDto>,
    pub page: i64,
    /// Whether another page follows.
    pub more: bool,
}

/// What a visits list keeps; every part optional.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct VisitFilters {
    /// From this day (YYYY-MM-DD), the day visited or, until then, planned.
    pub from: Option<String>,
    /// To this day, inclusive.
    pub to: Option<String>,
    /// One office (for roles over all offices; others always see their own).
    pub office: Option<String>,
    /// List `visit-status`.
    #[param(value_type = Option<codes::VisitStatusCode>)]
    pub status: Option<String>,
    /// List `district`.
    #[param(value_type = Option<codes::DistrictCode>)]
    pub district: Option<String>,
    /// List `place`.
    #[param(value_type = Option<codes::PlaceCode>)]
    pub place_kind: Option<String>,
    /// A party's visits.
    pub party: Option<String>,
    /// Oldest first (the month's plan); newest first otherwise.
    pub oldest_first: Option<bool>,
    /// From 0.
    pub page: Option<i64>,
}

impl VisitFilters {
    fn into_query(self, lists: &komek_domain::lookups::Catalogue) -> Result<(VisitQuery, i64), ApiError> {
        let mut reader = TextValueReader::default();
        let from = reader.date("from", self.from.as_deref());
        let to = reader.date("to", self.to.as_deref());
        let office = reader.id("office", self.office.as_deref()).map(OfficeId);
        let party = reader.id("party", self.party.as_deref()).map(PartyId);
        if self.page.is_some_and(|p| p < 0) {
            reader.refuse("page", "must not be negative");
        }
        reader.finish()?;
        let (status, district, place_kind) =
            (super::given(self.status), super::given(self.district), super::given(self.place_kind));
        let mut unknown = Vec::new();
        for (field, list, code) in [
            ("status", lookups::VISIT_STATUS, &status),
            ("district", lookups::DISTRICT, &district),
            ("place_kind", lookups::PLACE_KIND, &place_kind),
        ] {
            if let Some(problem) = code.as_deref().and_then(|c| super::unknown_filter_code(lists, list, c)) {
                unknown.push(FieldProblem::new(field, problem));
            }
        }
        if !unknown.is_empty() {
            return Err(ApiError::invalid(unknown));
        }
        let oldest_first = self.oldest_first.unwrap_or(false);
        let query = VisitQuery { office, from, to, status, district, place_kind, party, oldest_first };
        Ok((query, self.page.unwrap_or(0)))
    }
}

/// The visits, newest first unless asked otherwise: one office's for its staff, any office's
/// for roles over the whole organisation. Lines carry nothing sealed.
#[utoipa::path(
    get,
    path = "/api/v1/visits",
    operation_id = "list_visits",
    tag = "monitoring",
    params(VisitFilters),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "One page of visits", body = VisitPage),
        (status = 400, description = "A date, id or number could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case files", body = ErrorBody),
        (status = 422, description = "A filter names an unknown code", body = ErrorBody),
    )
)]
pub async fn list(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<VisitFilters>,
) -> Result<Json<VisitPage>, ApiError> {
    let (query, page) = filters.into_query(&state.i18n.lists())?;
    let found = super::service(&state, &fields::VISIT, move |app| app.visits(&actor, &query, page)).await?;
    Ok(Json(VisitPage { items: found.items.into_iter().map(Into::into).collect(), page, more: found.more }))
}

/// What a create answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitCreated {
    pub id: Uuid,
    /// False when an earlier request with the same `id` saved it already.
    pub created: bool,
}

/// Records a visit: planned, or done with what the group found. Sending the same request again
/// (same `id`, same user) saves nothing more and answers 200 with `created: false`.
#[utoipa::path(
    post,
    path = "/api/v1/visits",
    operation_id = "create_visit",
    tag = "monitoring",
    request_body = VisitInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Recorded", body = VisitCreated,
         headers(("Location" = String, description = "The new visit"))),
        (status = 200, description = "Recorded already by an earlier request with this id", body = VisitCreated),
        (status = 400, description = "The body, a date or a number could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not go on visits", body = ErrorBody),
        (status = 404, description = "The party named is not within reach", body = ErrorBody),
        (status = 422, description = "A value is not allowed (counts that do not add up, a day in the future, an \
                                       unknown code): every field concerned is named", body = ErrorBody),
    )
)]
pub async fn create(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<VisitInput>,
) -> Result<Response, ApiError> {
    let id = input.id.map_or_else(VisitId::new, VisitId);
    let (_, visit) = input.into_visit(id)?;
    let saved = super::service(&state, &fields::VISIT, move |app| app.create_visit(&actor, None, visit, None)).await?;
    let body = VisitCreated { id: saved.id.0, created: saved.created };
    let location = format!("/api/v1/visits/{}", saved.id);
    Ok(if saved.created { super::created(location, body) } else { (StatusCode::OK, Json(body)).into_response() })
}

/// A visit with the version an update must send; its sealed texts within reach (that read in
/// the audit log).
#[utoipa::path(
    get,
    path = "/api/v1/visits/{id}",
    operation_id = "read_visit",
    tag = "monitoring",
    params(("id" = Uuid, Path, description = "The visit's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The visit", body = VisitDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case files", body = ErrorBody),
        (status = 404, description = "No such visit within reach", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<VisitDto>, ApiError> {
    let id = VisitId(super::path_id(&id)?);
    let file = super::service(&state, &fields::VISIT, move |app| app.visit_file(&actor, id)).await?;
    Ok(Json(file.into()))
}

/// Replaces a visit (as sent, its sealed texts included) if still at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/visits/{id}",
    operation_id = "update_visit",
    tag = "monitoring",
    params(("id" = Uuid, Path, description = "The visit's id")),
    request_body = VisitInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body, a date or a number could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not go on visits", body = ErrorBody),
        (status = 404, description = "No such visit within reach", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<VisitInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = VisitId(super::path_id(&id)?);
    let (version, visit) = input.into_visit(id)?;
    let version = super::required_version(version)?;
    let saved =
        super::service(&state, &fields::VISIT, move |app| app.update_visit(&actor, visit, version, None)).await?;
    Ok(Json(Saved { id: id.0, version: saved }))
}
