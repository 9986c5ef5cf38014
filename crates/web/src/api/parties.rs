//! `/api/v1/parties`: employers, intermediaries, foremen, officials — allegations until a
//! case confirms them. Their names are sealed like persons' and answered only within reach.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use komek_app::parties::NewParty;
use komek_domain::PartyId;
use komek_domain::entities::{AgencyLicence, Party, PartyIdentity};
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
    /// A recruitment agency's licence, or what is known of its lack.
    pub licence: Option<LicenceDto>,
}

/// The licence a recruitment agency holds, claims or lacks.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LicenceDto {
    /// Required. List `licence-status`: `none` for an agency working without one.
    #[schema(value_type = codes::LicenceStatusCode, required = true)]
    pub status: String,
    pub number: String,
    pub issued_by: String,
    pub issued_on: Option<chrono::NaiveDate>,
    /// Not before `issued_on`.
    pub valid_until: Option<chrono::NaiveDate>,
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
            licence: i.licence.map(|l| LicenceDto {
                status: l.status,
                number: l.number,
                issued_by: l.issued_by,
                issued_on: l.issued_on,
                valid_until: l.valid_until,
            }),
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
                licence: i.licence.map(|l| AgencyLicence {
                    status: l.status,
                    number: l.number,
                    issued_by: l.issued_by,
                    issued_on: l.issued_on,
                    valid_until: l.valid_until,
                }),
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

/// Which record to merge into the one kept, and the version of the kept one read.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyMerge {
    /// The duplicate record: removed once merged.
    pub duplicate: Uuid,
    /// The version of the party kept, as read.
    #[serde(deserialize_with = "super::whole::required")]
    pub version: i64,
}

/// Merges a duplicate record of the same party into this one, if still at `version`.
///
/// Every appeal, case and visit naming the duplicate names this party instead; the
/// duplicate's names, phones and identifiers join this identity, and the duplicate is removed.
/// Both must be within reach. The merge is in the audit log.
#[utoipa::path(
    post,
    path = "/api/v1/parties/{id}/merge",
    operation_id = "merge_party",
    tag = "parties",
    params(("id" = Uuid, Path, description = "The party kept")),
    request_body = PartyMerge,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Merged; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not merge duplicates", body = ErrorBody),
        (status = 404, description = "No such party, or no such duplicate, within reach", body = ErrorBody),
        (status = 409, description = "The party kept was changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "The duplicate is the party itself, or the two together pass a \
            record's limits (each field concerned is named)", body = ErrorBody),
    )
)]
pub async fn merge(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PartyMerge>,
) -> Result<Json<Saved>, ApiError> {
    let id = PartyId(super::path_id(&id)?);
    let (duplicate, version) = (PartyId(input.duplicate), input.version);
    super::service(&state, &fields::PARTY, move |app| app.merge_parties(&actor, id, version, duplicate)).await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}

/// A case naming a party, and the party's role in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyCaseDto {
    pub id: Uuid,
    pub number: String,
    /// List `case-kind`.
    pub kind: String,
    /// List `case-status`.
    pub status: String,
    pub opened_on: chrono::NaiveDate,
    /// List `party-role`.
    pub role: String,
    /// List `case-outcome`.
    pub outcomes: Vec<String>,
}

/// A proceeding of a case naming a party.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyProceedingDto {
    pub case_id: Uuid,
    /// List `proceeding-kind`.
    pub kind: String,
    /// List `proceeding-outcome`; absent until decided.
    pub outcome: Option<String>,
    pub decided_on: Option<chrono::NaiveDate>,
}

/// Wages in one currency claimed and recovered in the cases naming a party.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyWagesDto {
    /// ISO 4217.
    pub currency: String,
    /// Minor units (tiyn, cents), as a decimal string: sums can pass what a JSON number holds.
    pub claimed_minor: String,
    pub recovered_minor: String,
}

/// A monitoring visit to a party.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyVisitDto {
    pub id: Uuid,
    /// List `visit-status`.
    pub status: String,
    pub planned_on: chrono::NaiveDate,
    pub visited_on: Option<chrono::NaiveDate>,
    /// List `district`.
    pub district: String,
    /// List `place`.
    pub place_kind: String,
    pub people_met: u32,
    pub minors_met: u32,
    /// Kinds of violation found.
    pub violations: i64,
}

/// An appeal naming a party, and the party's role in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyAppealDto {
    pub id: Uuid,
    pub received_at: DateTime<Utc>,
    /// List `party-role`.
    pub role: String,
}

/// What names a party and what came of it, as its page shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyRegistryDto {
    pub id: Uuid,
    /// `alleged` until a case outcome (`confirmed-by-case`: the employer fined, the wages paid,
    /// a sentence) or a decision (`confirmed-by-decision`: a sentence or a fine) confirms it.
    #[schema(example = "alleged")]
    pub standing: String,
    /// The newest first; at most 200.
    pub appeals: Vec<PartyAppealDto>,
    /// More appeals name it than are listed.
    pub more_appeals: bool,
    /// The newest first; at most 100.
    pub visits: Vec<PartyVisitDto>,
    pub more_visits: bool,
    /// Cases naming it that the reader may know exist (as `GET /api/v1/cases/{id}` would
    /// answer them), the newest first; at most 100.
    pub cases: Vec<PartyCaseDto>,
    /// How many cases name it, of those the reader may know exist.
    pub case_count: usize,
    pub proceedings: Vec<PartyProceedingDto>,
    pub wages: Vec<PartyWagesDto>,
}

/// A party's registry record: the appeals, visits and cases that name it, the proceedings
/// and wages of those cases, and whether any of it confirms what is said of it.
///
/// The read of its identity is in the audit log, as on its page.
#[utoipa::path(
    get,
    path = "/api/v1/parties/{id}/registry",
    operation_id = "read_party_registry",
    tag = "parties",
    params(("id" = Uuid, Path, description = "The party's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "What names the party", body = PartyRegistryDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case records", body = ErrorBody),
        (status = 404, description = "No such party within reach", body = ErrorBody),
    )
)]
pub async fn registry(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PartyRegistryDto>, ApiError> {
    let id = PartyId(super::path_id(&id)?);
    let file = super::service(&state, &fields::PARTY, move |app| app.party_file(&actor, id)).await?;
    Ok(Json(PartyRegistryDto {
        id: file.party.id.0,
        standing: file.standing.code().to_owned(),
        appeals: file
            .appeals
            .into_iter()
            .map(|(line, role)| PartyAppealDto { id: line.id.0, received_at: line.received_at, role })
            .collect(),
        more_appeals: file.more_appeals,
        visits: file
            .visits
            .into_iter()
            .map(|v| PartyVisitDto {
                id: v.id.0,
                status: v.status,
                planned_on: v.planned_on,
                visited_on: v.visited_on,
                district: v.district,
                place_kind: v.place_kind,
                people_met: v.people_total,
                minors_met: v.people_minors,
                violations: v.violations,
            })
            .collect(),
        more_visits: file.more_visits,
        cases: file
            .cases
            .into_iter()
            .map(|c| PartyCaseDto {
                id: c.case.id.0,
                number: c.case.number,
                kind: c.case.kind,
                status: c.case.status,
                opened_on: c.case.opened_on,
                role: c.role,
                outcomes: c.outcomes,
            })
            .collect(),
        case_count: file.case_count,
        proceedings: file
            .proceedings
            .into_iter()
            .map(|p| PartyProceedingDto {
                case_id: p.case_id.0,
                kind: p.kind,
                outcome: p.outcome,
                decided_on: p.decided_on,
            })
            .collect(),
        wages: file
            .wages
            .into_iter()
            .map(|w| PartyWagesDto {
                currency: w.currency.code().to_owned(),
                claimed_minor: w.claimed.to_string(),
                recovered_minor: w.recovered.to_string(),
            })
            .collect(),
    }))
}

/// A party of the repeat offenders' list.
#[derive(Debug, Serialize, ToSchema)]
pub struct OffenderDto {
    pub id: Uuid,
    pub office_id: Uuid,
    /// List `district`.
    pub district: Option<String>,
    /// Absent for a party of another office: its name is not within reach.
    pub name: Option<String>,
    /// Distinct persons presumed or identified as victims in the cases naming it (sensitive
    /// cases left out).
    pub victims: i64,
    /// Violations found on the visits to it.
    pub violations: i64,
    pub visits: i64,
    pub appeals: i64,
}

/// The repeat offenders, most victims first.
#[derive(Debug, Serialize, ToSchema)]
pub struct Offenders {
    pub items: Vec<OffenderDto>,
}

/// Which district's offenders.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OffenderQuery {
    /// List `district`; every district when absent.
    #[param(value_type = Option<codes::DistrictCode>)]
    pub district: Option<String>,
}

/// The repeat offenders of a district (or everywhere): parties ranked by distinct victims,
/// then violations found on visits, visits and appeals; at most 50. For staff who read case
/// records, never for reports or the public. The list's read is in the audit log, naming each
/// party shown.
#[utoipa::path(
    get,
    path = "/api/v1/parties/offenders",
    operation_id = "list_repeat_offenders",
    tag = "parties",
    params(OffenderQuery),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The ranking, most victims first", body = Offenders),
        (status = 400, description = "An unknown query parameter", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case records", body = ErrorBody),
        (status = 422, description = "`district` is not a code of the list", body = ErrorBody),
    )
)]
pub async fn offenders(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<OffenderQuery>,
) -> Result<Json<Offenders>, ApiError> {
    let district = super::given(query.district);
    let ranked =
        super::service(&state, &fields::PARTY, move |app| app.repeat_offenders(&actor, district.as_deref())).await?;
    let items = ranked
        .into_iter()
        .map(|o| OffenderDto {
            id: o.party.id.0,
            office_id: o.party.office_id.0,
            district: o.counts.district,
            name: o.party.identity.map(|i| i.name),
            victims: o.counts.victims,
            violations: o.counts.violations,
            visits: o.counts.visits,
            appeals: o.counts.appeals,
        })
        .collect();
    Ok(Json(Offenders { items }))
}
