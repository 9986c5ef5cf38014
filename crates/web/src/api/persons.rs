//! `/api/v1/persons`: the people the organisation helps. Their identity is answered only to
//! roles that see identifying data and only within reach (own office, or a case team); every
//! read and search of it is in the audit log, as on the pages.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::persons::{CaseFacts, PersonMatch};
use komek_domain::PersonId;
use komek_domain::entities::{Person, PersonIdentity, PersonProfile};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::appeals::AppealLineDto;
use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, Saved, TextValueReader};
use crate::AppState;
use crate::fields;

/// What is counted about a person: never enough to find them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileDto {
    /// List `sex`.
    #[schema(value_type = codes::SexCode)]
    pub sex: String,
    /// List `citizenship` (ISO 3166-1 alpha-2, `stateless`, `unknown`).
    #[schema(value_type = codes::CitizenshipCode)]
    pub citizenship: String,
    /// List `citizenship`: any further citizenships, each a country, once, not the main one.
    #[serde(default)]
    #[schema(value_type = Vec<codes::CitizenshipCode>)]
    pub other_citizenships: Vec<String>,
    /// List `age-band` (CTDC's bands: "18-20", "30-38", …); empty when unknown.
    #[serde(default)]
    #[schema(value_type = codes::AgeBandCode)]
    pub age_band: String,
    /// Region or town of origin.
    #[serde(default)]
    pub home_region: String,
    /// List `language`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::LanguageCode>)]
    pub languages: Vec<String>,
    /// List `vulnerability`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::VulnerabilityCode>)]
    pub vulnerabilities: Vec<String>,
    /// The person gave no name.
    #[serde(default)]
    pub anonymous: bool,
}

impl From<ProfileDto> for PersonProfile {
    fn from(p: ProfileDto) -> Self {
        Self {
            sex: p.sex,
            citizenship: p.citizenship,
            other_citizenships: p.other_citizenships,
            age_band: p.age_band,
            home_region: p.home_region,
            languages: p.languages,
            vulnerabilities: p.vulnerabilities,
            anonymous: p.anonymous,
        }
    }
}

impl From<PersonProfile> for ProfileDto {
    fn from(p: PersonProfile) -> Self {
        Self {
            sex: p.sex,
            citizenship: p.citizenship,
            age_band: p.age_band,
            home_region: p.home_region,
            languages: p.languages,
            vulnerabilities: p.vulnerabilities,
            anonymous: p.anonymous,
            other_citizenships: p.other_citizenships,
        }
    }
}

/// Who a person is, as sent: stored encrypted, searchable by name, phone and document.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct IdentityInput {
    /// Required unless the profile says `anonymous`.
    #[schema(example = "Абдуллаев Хусан")]
    pub full_name: String,
    pub passport_name: String,
    pub other_spellings: Vec<String>,
    /// YYYY-MM-DD, not in the future.
    #[schema(format = Date, example = "1986-03-21")]
    pub birth_date: Option<String>,
    /// When only the year is known: from 1900 to the current year.
    #[schema(minimum = 1900)]
    #[serde(deserialize_with = "super::whole::optional")]
    pub birth_year: Option<i32>,
    pub phones: Vec<String>,
    pub documents: Vec<String>,
    pub address: String,
    pub notes: String,
}

/// Who a person is, as answered within reach.
#[derive(Debug, Serialize, ToSchema)]
pub struct IdentityDto {
    pub full_name: String,
    pub passport_name: String,
    pub other_spellings: Vec<String>,
    pub birth_date: Option<NaiveDate>,
    pub birth_year: Option<i32>,
    pub phones: Vec<String>,
    pub documents: Vec<String>,
    pub address: String,
    pub notes: String,
}

impl From<PersonIdentity> for IdentityDto {
    fn from(i: PersonIdentity) -> Self {
        Self {
            full_name: i.full_name,
            passport_name: i.passport_name,
            other_spellings: i.other_spellings,
            birth_date: i.birth_date,
            birth_year: i.birth_year,
            phones: i.phones,
            documents: i.documents,
            address: i.address,
            notes: i.notes,
        }
    }
}

/// A person as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// On update only, required: the version read. Ignored on create.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub version: Option<i64>,
    pub profile: ProfileDto,
    #[serde(default)]
    pub identity: IdentityInput,
    /// On create only: `true` registers the person even though they look like a person
    /// already known (a phone or a document in common, or a close name with the same birth
    /// year). Without it such a person is refused with 409 `possible_duplicate`, naming the
    /// known persons, as the hotline's form asks its operator.
    #[serde(default)]
    pub confirm_new_person: bool,
}

impl PersonInput {
    pub(super) fn into_parts(self) -> Result<(Option<i64>, PersonProfile, PersonIdentity), ApiError> {
        let mut reader = TextValueReader::default();
        let i = self.identity;
        let birth_date = reader.date("identity.birth_date", i.birth_date.as_deref());
        reader.finish()?;
        let identity = PersonIdentity {
            full_name: i.full_name,
            passport_name: i.passport_name,
            other_spellings: i.other_spellings,
            birth_date,
            birth_year: i.birth_year,
            phones: i.phones,
            documents: i.documents,
            address: i.address,
            notes: i.notes,
        };
        Ok((self.version, self.profile.into(), identity))
    }
}

/// A case a person is in (a sensitive case only to its team).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseLineDto {
    pub id: Uuid,
    pub office_id: Uuid,
    /// Human reference, e.g. "2008-017".
    pub number: String,
    pub kind: String,
    pub status: String,
    pub sensitive: bool,
    pub lead_id: Uuid,
    pub opened_on: NaiveDate,
}

impl From<CaseFacts> for CaseLineDto {
    fn from(c: CaseFacts) -> Self {
        Self {
            id: c.id.0,
            office_id: c.office_id.0,
            number: c.number,
            kind: c.kind,
            status: c.status,
            sensitive: c.sensitive,
            lead_id: c.lead_id.0,
            opened_on: c.opened_on,
        }
    }
}

/// A person with their appeals and the cases the reader may know of.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDto {
    pub id: Uuid,
    /// The version an update must send.
    pub version: i64,
    pub office_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub profile: ProfileDto,
    pub identity: IdentityDto,
    /// Newest first.
    pub appeals: Vec<AppealLineDto>,
    pub cases: Vec<CaseLineDto>,
}

/// A search hit.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonHit {
    pub id: Uuid,
    pub office_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub profile: ProfileDto,
    pub identity: IdentityDto,
    /// How well it matched: higher is better.
    pub score: i64,
}

/// Search results, best first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonHits {
    pub items: Vec<PersonHit>,
}

/// What to look for.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PersonSearch {
    /// Required: a name (any spelling, any order, one typo), a phone in any format, or a
    /// document number. Blank is refused (400); a long text is cut short, not refused.
    #[param(example = "Husan Abdullaev", required = true, pattern = r"\S")]
    pub q: Option<String>,
    /// At most this many hits: 20 unless given; more than 100 is taken as 100, and 0 as 1.
    #[param(minimum = 0)]
    pub limit: Option<usize>,
}

/// Finds persons within reach by name, phone or document number.
///
/// Only persons whose identity the user may see are answered. The search is in the audit log
/// (not its text), and so is each identity shown.
#[utoipa::path(
    get,
    path = "/api/v1/persons",
    operation_id = "search_persons",
    tag = "persons",
    params(PersonSearch),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Hits, best first", body = PersonHits),
        (status = 400, description = "`q` is missing", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not see identifying data", body = ErrorBody),
    )
)]
pub async fn search(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(search): ApiQuery<PersonSearch>,
) -> Result<Json<PersonHits>, ApiError> {
    let q = super::search_text(search.q)?;
    let limit = super::search_limit(search.limit);
    let found = super::service(&state, &fields::PERSON, move |app| app.search_persons(&actor, &q, limit)).await?;
    let items = found.into_iter().filter_map(|PersonMatch { person, score }| hit(person, score)).collect();
    Ok(Json(PersonHits { items }))
}

fn hit(person: Person, score: i64) -> Option<PersonHit> {
    Some(PersonHit {
        id: person.id.0,
        office_id: person.office_id.0,
        created_at: person.created_at,
        profile: person.profile.into(),
        identity: person.identity?.into(),
        score,
    })
}

/// Registers a person in the user's office.
#[utoipa::path(
    post,
    path = "/api/v1/persons",
    operation_id = "create_person",
    tag = "persons",
    request_body = PersonInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Registered", body = Saved,
         headers(("Location" = String, description = "The new person"))),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register persons", body = ErrorBody),
        (status = 409, description = "`possible_duplicate`: looks like a person already known, who is named; \
         nothing was saved. Link that person, or send `confirm_new_person: true`", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn create(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<PersonInput>,
) -> Result<Response, ApiError> {
    let confirmed = input.confirm_new_person;
    let (_, profile, identity) = input.into_parts()?;
    let id = super::service(&state, &fields::PERSON, move |app| {
        if !confirmed {
            let known = app.likely_duplicates(&actor, &profile, &identity)?;
            if !known.is_empty() {
                return Ok(Err(known.iter().map(|c| c.person.id.0).collect::<Vec<_>>()));
            }
        }
        app.register_person(&actor, None, profile, identity).map(Ok)
    })
    .await?
    .map_err(|known| ApiError::possible_duplicate(&known))?;
    Ok(super::created(format!("/api/v1/persons/{id}"), Saved { id: id.0, version: 1 }))
}

/// A person within reach, with the version an update must send, their appeals and cases.
/// The read of the identity is in the audit log.
#[utoipa::path(
    get,
    path = "/api/v1/persons/{id}",
    operation_id = "read_person",
    tag = "persons",
    params(("id" = Uuid, Path, description = "The person's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The person", body = PersonDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not see identifying data", body = ErrorBody),
        (status = 404, description = "No such person within reach", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PersonDto>, ApiError> {
    let id = PersonId(super::path_id(&id)?);
    let file = super::service(&state, &fields::PERSON, move |app| app.person_file(&actor, id)).await?;
    let person = file.person;
    let identity = person.identity.ok_or_else(ApiError::not_found)?;
    Ok(Json(PersonDto {
        id: person.id.0,
        version: file.version,
        office_id: person.office_id.0,
        created_at: person.created_at,
        profile: person.profile.into(),
        identity: identity.into(),
        appeals: file.appeals.into_iter().map(Into::into).collect(),
        cases: file.cases.into_iter().map(Into::into).collect(),
    }))
}

/// Replaces a person's profile and identity (as sent) if still at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/persons/{id}",
    operation_id = "update_person",
    tag = "persons",
    params(("id" = Uuid, Path, description = "The person's id")),
    request_body = PersonInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register persons", body = ErrorBody),
        (status = 404, description = "No such person within reach", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PersonInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = PersonId(super::path_id(&id)?);
    let (version, profile, identity) = input.into_parts()?;
    let version = super::required_version(version)?;
    super::service(&state, &fields::PERSON, move |app| app.update_person(&actor, id, version, profile, identity))
        .await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}
