//! `/api/v1/parties`: employers, intermediaries, foremen, officials — allegations until a
//! case confirms them. Their names are sealed like persons' and answered only within reach.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use komek_app::parties::NewParty;
use komek_domain::PartyId;
use komek_domain::entities::{Party, PartyIdentity};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, Saved};
use crate::AppState;
use crate::fields;

/// Who a party is: stored encrypted, searchable by name, phone and identifier.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PartyIdentityDto {
    /// Required: not blank.
    #[schema(example = "ТОО «Агрофирма Береке»", pattern = r"\S", required = true)]
    pub name: String,
    pub other_names: Vec<String>,
    pub phones: Vec<String>,
    /// Business identification number (БИН/ИИН) or other identifier.
    pub identifiers: Vec<String>,
    pub address: String,
    pub notes: String,
}

impl From<PartyIdentity> for PartyIdentityDto {
    fn from(i: PartyIdentity) -> Self {
        Self {
            name: i.name,
            other_names: i.other_names,
            phones: i.phones,
            identifiers: i.identifiers,
            address: i.address,
            notes: i.notes,
        }
    }
}

/// A party as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyInput {
    /// On update only, required: the version read. Ignored on create.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub version: Option<i64>,
    /// List `party-kind`: person or company.
    #[schema(value_type = codes::PartyKindCode)]
    pub kind: String,
    /// List `region`.
    #[schema(value_type = Option<codes::RegionCode>)]
    pub region: Option<String>,
    /// List `district`.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub district: Option<String>,
    pub identity: PartyIdentityDto,
}

impl PartyInput {
    fn into_parts(self) -> (Option<i64>, NewParty) {
        let i = self.identity;
        let party = NewParty {
            kind: self.kind,
            region: super::given(self.region),
            district: super::given(self.district),
            identity: PartyIdentity {
                name: i.name,
                other_names: i.other_names,
                phones: i.phones,
                identifiers: i.identifiers,
                address: i.address,
                notes: i.notes,
            },
        };
        (self.version, party)
    }
}

/// A party as answered within reach.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyDto {
    pub id: Uuid,
    /// The version an update must send.
    pub version: i64,
    pub office_id: Uuid,
    pub kind: String,
    pub region: Option<String>,
    pub district: Option<String>,
    pub identity: PartyIdentityDto,
    pub created_at: DateTime<Utc>,
}

/// A search hit.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyHit {
    pub id: Uuid,
    pub office_id: Uuid,
    pub kind: String,
    pub region: Option<String>,
    pub district: Option<String>,
    pub identity: PartyIdentityDto,
    pub created_at: DateTime<Utc>,
    /// How well it matched: higher is better.
    pub score: i64,
}

/// Search results, best first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyHits {
    pub items: Vec<PartyHit>,
}

/// What to look for.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PartySearch {
    /// A name (any spelling, any order, one typo), a phone in any format, or an identifier.
    /// Blank is refused (400); a long text is cut short, not refused.
    #[param(example = "Береке", required = true, pattern = r"\S")]
    pub q: Option<String>,
    /// At most this many hits: 20 unless given; more than 100 is taken as 100, and 0 as 1.
    #[param(minimum = 0)]
    pub limit: Option<usize>,
}

/// Finds parties within reach by name, phone or identifier.
///
/// The search is in the audit log (not its text), and so is each identity shown.
#[utoipa::path(
    get,
    path = "/api/v1/parties",
    operation_id = "search_parties",
    tag = "parties",
    params(PartySearch),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Hits, best first", body = PartyHits),
        (status = 400, description = "`q` is missing", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not see identifying data", body = ErrorBody),
    )
)]
pub async fn search(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(search): ApiQuery<PartySearch>,
) -> Result<Json<PartyHits>, ApiError> {
    let q = super::search_text(search.q)?;
    let limit = super::search_limit(search.limit);
    let found = super::service(&state, &fields::PARTY, move |app| app.search_parties(&actor, &q, limit)).await?;
    let items = found.into_iter().filter_map(|(party, score)| hit(party, score)).collect();
    Ok(Json(PartyHits { items }))
}

fn hit(party: Party, score: i64) -> Option<PartyHit> {
    Some(PartyHit {
        id: party.id.0,
        office_id: party.office_id.0,
        kind: party.kind,
        region: party.region,
        district: party.district,
        identity: party.identity?.into(),
        created_at: party.created_at,
        score,
    })
}

/// Registers a party in the user's office.
#[utoipa::path(
    post,
    path = "/api/v1/parties",
    operation_id = "create_party",
    tag = "parties",
    request_body = PartyInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Registered", body = Saved,
         headers(("Location" = String, description = "The new party"))),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register parties", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn create(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<PartyInput>,
) -> Result<Response, ApiError> {
    let (_, party) = input.into_parts();
    let id = super::service(&state, &fields::PARTY, move |app| app.register_party(&actor, None, party)).await?;
    Ok(super::created(format!("/api/v1/parties/{id}"), Saved { id: id.0, version: 1 }))
}

/// A party within reach, with the version an update must send. The read of its identity is
/// in the audit log.
#[utoipa::path(
    get,
    path = "/api/v1/parties/{id}",
    operation_id = "read_party",
    tag = "parties",
    params(("id" = Uuid, Path, description = "The party's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The party", body = PartyDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case records", body = ErrorBody),
        (status = 404, description = "No such party within reach", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PartyDto>, ApiError> {
    let id = PartyId(super::path_id(&id)?);
    let record = super::service(&state, &fields::PARTY, move |app| app.party_record(&actor, id)).await?;
    let party = record.party;
    let identity = party.identity.ok_or_else(ApiError::not_found)?;
    Ok(Json(PartyDto {
        id: party.id.0,
        version: record.version,
        office_id: party.office_id.0,
        kind: party.kind,
        region: party.region,
        district: party.district,
        identity: identity.into(),
        created_at: party.created_at,
    }))
}

/// Replaces a party's kind, place and identity (as sent) if still at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/parties/{id}",
    operation_id = "update_party",
    tag = "parties",
    params(("id" = Uuid, Path, description = "The party's id")),
    request_body = PartyInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register parties", body = ErrorBody),
        (status = 404, description = "No such party within reach", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PartyInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = PartyId(super::path_id(&id)?);
    let (version, party) = input.into_parts();
    let version = super::required_version(version)?;
    super::service(&state, &fields::PARTY, move |app| app.update_party(&actor, id, version, party)).await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}
