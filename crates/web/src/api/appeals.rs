//! `/api/v1/appeals`: the appeals register, as the hotline pages keep it.
//!
//! Registering takes a client-chosen id, so that a program retrying a request whose answer it
//! lost saves the appeal once; an edit names the version it read.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::appeals::{AppealLine, AppealQuery, AppealSort, FollowUpWhen, Intake, IntakePerson};
use komek_domain::entities::Appeal;
use komek_domain::{AccountId, AppealId, Currency, Money, OfficeId, PartyId, PersonId, lookups};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, FieldProblem, Saved, TextValueReader};
use crate::AppState;
use crate::fields;

/// An amount of money: integer minor units (tiyn, cents) and an ISO 4217 code; never a float.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyDto {
    /// In minor units: 18 000 ₸ is `1800000`.
    #[schema(example = 1_800_000, minimum = 0)]
    #[serde(deserialize_with = "super::whole::required")]
    pub amount_minor: i64,
    /// One of KZT, USD, UZS, KGS, TJS, RUB.
    #[schema(value_type = codes::CurrencyCode)]
    pub currency: String,
}

impl From<Money> for MoneyDto {
    fn from(m: Money) -> Self {
        Self { amount_minor: m.minor, currency: m.currency.code().to_owned() }
    }
}

/// A party named by an appeal, with the role it played.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedParty {
    pub party_id: Uuid,
    /// A code of the list `party-role`: employer, intermediary, foreman, registration-helper, official, transporter, other.
    #[schema(value_type = codes::PartyRoleCode)]
    pub role: String,
}

/// An appeal as a program sends it. Codes are those of the lookup lists named; office and
/// operator are the token's user's.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppealInput {
    /// On create, optional: a request id chosen by the client (a UUID), so that a retried
    /// request saves the appeal once — the same account sending the same id gets the same
    /// appeal back. The appeal is kept under the id answered (`id` and `Location`), which is
    /// derived from it and the account: use that one afterwards. On update, if given, it
    /// must be the path's.
    pub id: Option<Uuid>,
    /// On update only, required: the version read. Ignored on create.
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub version: Option<i64>,
    /// When the appeal was received (RFC 3339 with offset); now if not given.
    #[schema(format = DateTime, example = "2008-10-14T10:30:00+05:00")]
    pub received_at: Option<String>,
    /// List `channel`.
    #[schema(value_type = codes::ChannelCode)]
    pub channel: String,
    /// List `contact`: who was on the other end.
    #[schema(value_type = codes::ContactCode)]
    pub contact: String,
    /// The person the appeal is about, if named and within reach.
    pub person_id: Option<Uuid>,
    /// List `topic`; at least one.
    #[schema(value_type = Vec<codes::TopicCode>, min_items = 1)]
    pub topics: Vec<String>,
    /// List `help`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::HelpCode>)]
    pub help: Vec<String>,
    /// List `occupation`.
    #[schema(value_type = Option<codes::OccupationCode>)]
    pub occupation: Option<String>,
    /// List `sector`.
    #[schema(value_type = Option<codes::SectorCode>)]
    pub sector: Option<String>,
    /// List `region`.
    #[schema(value_type = Option<codes::RegionCode>)]
    pub work_region: Option<String>,
    /// List `district`.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub work_district: Option<String>,
    /// Monthly wage at the time of the appeal; never negative.
    pub wage: Option<MoneyDto>,
    /// List `reason`.
    #[schema(value_type = Option<codes::ReasonCode>)]
    pub migration_reason: Option<String>,
    /// Free text; identifying, stored encrypted.
    pub notes: Option<String>,
    /// Day to call back (YYYY-MM-DD).
    #[schema(example = "2008-10-20", format = Date)]
    pub follow_up_on: Option<String>,
    /// List `appeal-outcome`.
    #[schema(value_type = codes::AppealOutcomeCode)]
    pub outcome: String,
    /// Known parties the appeal names.
    #[serde(default)]
    pub parties: Vec<NamedParty>,
    /// On create only: the monitoring visit the appeal was taken on (an on-site consultation;
    /// its channel becomes `mobile-group`). The visit must have taken place and be within reach.
    pub visit_id: Option<Uuid>,
}

impl AppealInput {
    /// The appeal to hand to the services. Office and operator are the actor's: the services
    /// set them so for staff (an API actor is always staff) and keep them as registered on an edit.
    fn into_appeal(self, id: AppealId, actor: &komek_app::Actor) -> Result<Appeal, ApiError> {
        let mut reader = TextValueReader::default();
        let received_at = reader.instant("received_at", self.received_at.as_deref()).unwrap_or_else(Utc::now);
        let follow_up_on = reader.date("follow_up_on", self.follow_up_on.as_deref());
        reader.finish()?;
        let wage = match self.wage {
            None => None,
            Some(w) => match Currency::parse(&w.currency) {
                Some(currency) => Some(Money { minor: w.amount_minor, currency }),
                None => {
                    let known: Vec<&str> = Currency::ALL.iter().map(|c| c.code()).collect();
                    let problem = format!("unknown currency {:?} (known codes: {})", w.currency, known.join(", "));
                    return Err(ApiError::invalid(vec![FieldProblem::new("wage.currency", problem)]));
                }
            },
        };
        Ok(Appeal {
            id,
            office_id: actor.office_id().unwrap_or_default(),
            received_at,
            channel: self.channel,
            contact: self.contact,
            person_id: self.person_id.map(PersonId),
            topics: self.topics,
            help: self.help,
            occupation: super::given(self.occupation),
            sector: super::given(self.sector),
            work_region: super::given(self.work_region),
            work_district: super::given(self.work_district),
            wage,
            migration_reason: super::given(self.migration_reason),
            notes: self.notes,
            operator_id: actor.account_id().unwrap_or_default(),
            follow_up_on,
            outcome: self.outcome,
            parties: self.parties.into_iter().map(|p| (PartyId(p.party_id), p.role)).collect(),
        })
    }
}

/// An appeal as the register keeps it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppealDto {
    pub id: Uuid,
    /// The version an update must send.
    pub version: i64,
    pub office_id: Uuid,
    /// The staff member who registered it.
    pub operator_id: Uuid,
    pub received_at: DateTime<Utc>,
    pub channel: String,
    pub contact: String,
    pub person_id: Option<Uuid>,
    pub topics: Vec<String>,
    pub help: Vec<String>,
    pub occupation: Option<String>,
    pub sector: Option<String>,
    pub work_region: Option<String>,
    pub work_district: Option<String>,
    pub wage: Option<MoneyDto>,
    pub migration_reason: Option<String>,
    /// `null` when outside the reader's reach (another office's appeal).
    pub notes: Option<String>,
    /// Whether the notes were within reach.
    pub notes_shown: bool,
    pub follow_up_on: Option<NaiveDate>,
    pub outcome: String,
    pub parties: Vec<NamedParty>,
}

/// One line of the register: no identifying data.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppealLineDto {
    pub id: Uuid,
    pub office_id: Uuid,
    pub operator_id: Uuid,
    pub received_at: DateTime<Utc>,
    pub channel: String,
    pub contact: String,
    pub person_id: Option<Uuid>,
    pub topics: Vec<String>,
    pub outcome: String,
    pub follow_up_on: Option<NaiveDate>,
}

impl From<AppealLine> for AppealLineDto {
    fn from(l: AppealLine) -> Self {
        Self {
            id: l.id.0,
            office_id: l.office_id.0,
            operator_id: l.operator_id.0,
            received_at: l.received_at,
            channel: l.channel,
            contact: l.contact,
            person_id: l.person_id.map(|p| p.0),
            topics: l.topics,
            outcome: l.outcome,
            follow_up_on: l.follow_up_on,
        }
    }
}

/// One page of the register.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppealPage {
    pub items: Vec<AppealLineDto>,
    /// This page's number, from 0.
    pub page: i64,
    /// Whether another page follows.
    pub more: bool,
}

/// What a create saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppealCreated {
    pub id: Uuid,
    pub person_id: Option<Uuid>,
    /// False when the appeal was saved already by an earlier request with the same id.
    pub created: bool,
}

/// The register's filters, as the hotline page has them; all optional, all applied together.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AppealFilters {
    /// First day received, in the office's calendar (YYYY-MM-DD).
    #[param(format = Date, example = "2008-10-01")]
    pub from: Option<String>,
    /// Last day received, inclusive (YYYY-MM-DD).
    #[param(format = Date, example = "2008-10-31")]
    pub to: Option<String>,
    /// An office's id; only roles over the whole organisation may choose one.
    #[param(format = Uuid)]
    pub office: Option<String>,
    /// The registering staff member's account id.
    #[param(format = Uuid)]
    pub operator: Option<String>,
    /// List `channel`.
    #[param(inline, value_type = Option<codes::ChannelCode>)]
    pub channel: Option<String>,
    /// List `topic`.
    #[param(inline, value_type = Option<codes::TopicCode>)]
    pub topic: Option<String>,
    /// List `appeal-outcome`.
    #[param(inline, value_type = Option<codes::AppealOutcomeCode>)]
    pub outcome: Option<String>,
    /// `due` (follow-ups due today or earlier) or `overdue` (before today).
    #[param(inline, value_type = Option<FollowUpChoice>)]
    pub follow_up: Option<String>,
    /// A person's id.
    #[param(format = Uuid)]
    pub person: Option<String>,
    /// A party's id.
    #[param(format = Uuid)]
    pub party: Option<String>,
    /// `newest` (default), `oldest` or `follow-up` (soonest first).
    #[param(inline, value_type = Option<SortChoice>)]
    pub sort: Option<String>,
    /// Page number from 0; 50 appeals a page.
    #[param(minimum = 0)]
    pub page: Option<i64>,
}

/// The choices of `follow_up`, for the document; the handler reads the text itself so that a
/// wrong choice is named with the others in one answer.
#[derive(ToSchema)]
#[schema(rename_all = "kebab-case")]
#[allow(dead_code)]
pub enum FollowUpChoice {
    Due,
    Overdue,
}

/// The choices of `sort`, for the document.
#[derive(ToSchema)]
#[schema(rename_all = "kebab-case")]
#[allow(dead_code)]
pub enum SortChoice {
    Newest,
    Oldest,
    FollowUp,
}

impl AppealFilters {
    fn into_query(self, lists: &komek_domain::lookups::Catalogue) -> Result<(AppealQuery, i64), ApiError> {
        let mut reader = TextValueReader::default();
        let from = reader.date("from", self.from.as_deref());
        let to = reader.date("to", self.to.as_deref());
        let office = reader.id("office", self.office.as_deref()).map(OfficeId);
        let operator = reader.id("operator", self.operator.as_deref()).map(AccountId);
        let person = reader.id("person", self.person.as_deref()).map(PersonId);
        let party = reader.id("party", self.party.as_deref()).map(PartyId);
        let follow_up = match super::given(self.follow_up).as_deref() {
            None => None,
            Some("due") => Some(FollowUpWhen::DueToday),
            Some("overdue") => Some(FollowUpWhen::Overdue),
            Some(other) => {
                reader.refuse("follow_up", format!("{other:?} is neither \"due\" nor \"overdue\""));
                None
            }
        };
        let sort = match super::given(self.sort).as_deref() {
            None | Some("newest") => AppealSort::NewestFirst,
            Some("oldest") => AppealSort::OldestFirst,
            Some("follow-up") => AppealSort::FollowUpFirst,
            Some(other) => {
                reader.refuse("sort", format!("{other:?} is not one of \"newest\", \"oldest\", \"follow-up\""));
                AppealSort::NewestFirst
            }
        };
        if self.page.is_some_and(|p| p < 0) {
            reader.refuse("page", "must not be negative");
        }
        reader.finish()?;
        // A filter on a code no list has would silently find nothing: say so instead.
        let (channel, topic, outcome) =
            (super::given(self.channel), super::given(self.topic), super::given(self.outcome));
        let mut unknown = Vec::new();
        for (field, list, code) in [
            ("channel", lookups::CHANNEL, &channel),
            ("topic", lookups::TOPIC, &topic),
            ("outcome", lookups::APPEAL_OUTCOME, &outcome),
        ] {
            if let Some(problem) = code.as_deref().and_then(|c| super::unknown_filter_code(lists, list, c)) {
                unknown.push(FieldProblem::new(field, problem));
            }
        }
        if !unknown.is_empty() {
            return Err(ApiError::invalid(unknown));
        }
        let query = AppealQuery { from, to, office, operator, channel, topic, outcome, follow_up, person, party, sort };
        Ok((query, self.page.unwrap_or(0)))
    }
}

/// The appeals register, newest first unless asked otherwise.
///
/// Staff of one office see their office's appeals; managers, administrators see all offices
/// (and may choose one). Lines carry no identifying data.
#[utoipa::path(
    get,
    path = "/api/v1/appeals",
    operation_id = "list_appeals",
    tag = "appeals",
    params(AppealFilters),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "One page of the register", body = AppealPage),
        (status = 400, description = "A date, id or choice could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register appeals", body = ErrorBody),
        (status = 422, description = "A filter names an unknown code", body = ErrorBody),
    )
)]
pub async fn list(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<AppealFilters>,
) -> Result<Json<AppealPage>, ApiError> {
    let (query, page) = filters.into_query(&state.i18n.lists())?;
    let found = super::service(&state, &fields::APPEAL, move |app| app.appeals(&actor, &query, page)).await?;
    Ok(Json(AppealPage { items: found.items.into_iter().map(Into::into).collect(), page, more: found.more }))
}

/// Registers an appeal.
///
/// Sending the same request again (same `id`, same user) saves nothing more and answers 200
/// with `created: false`; an `id` taken by another user's appeal is a conflict.
#[utoipa::path(
    post,
    path = "/api/v1/appeals",
    operation_id = "create_appeal",
    tag = "appeals",
    request_body = AppealInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Registered", body = AppealCreated,
         headers(("Location" = String, description = "The new appeal"))),
        (status = 200, description = "Registered already by an earlier request with this id", body = AppealCreated),
        (status = 400, description = "The body, a date or an id could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register appeals", body = ErrorBody),
        (status = 404, description = "The person or a party named is not within reach", body = ErrorBody),
        (status = 409, description = "The id is another user's appeal", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn create(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<AppealInput>,
) -> Result<Response, ApiError> {
    let id = input.id.map_or_else(AppealId::new, AppealId);
    let visit = input.visit_id.map(komek_domain::VisitId);
    let appeal = input.into_appeal(id, &actor)?;
    let person = appeal.person_id.map_or(IntakePerson::None, IntakePerson::Known);
    let intake = Intake { appeal, person, new_parties: Vec::new(), lead_notice: String::new(), visit };
    let saved = super::service(&state, &fields::APPEAL, move |app| app.register_intake(&actor, intake)).await?;
    let body = AppealCreated { id: saved.appeal_id.0, person_id: saved.person_id.map(|p| p.0), created: saved.created };
    let location = format!("/api/v1/appeals/{}", saved.appeal_id);
    Ok(if saved.created { super::created(location, body) } else { (StatusCode::OK, Json(body)).into_response() })
}

/// One appeal with the version an update must send; its notes only within reach (that read
/// is in the audit log).
#[utoipa::path(
    get,
    path = "/api/v1/appeals/{id}",
    operation_id = "read_appeal",
    tag = "appeals",
    params(("id" = Uuid, Path, description = "The appeal's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The appeal", body = AppealDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register appeals", body = ErrorBody),
        (status = 404, description = "No such appeal within reach", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<AppealDto>, ApiError> {
    let id = AppealId(super::path_id(&id)?);
    let record = super::service(&state, &fields::APPEAL, move |app| app.appeal(&actor, id)).await?;
    let a = record.appeal;
    Ok(Json(AppealDto {
        id: a.id.0,
        version: record.version,
        office_id: a.office_id.0,
        operator_id: a.operator_id.0,
        received_at: a.received_at,
        channel: a.channel,
        contact: a.contact,
        person_id: a.person_id.map(|p| p.0),
        topics: a.topics,
        help: a.help,
        occupation: a.occupation,
        sector: a.sector,
        work_region: a.work_region,
        work_district: a.work_district,
        wage: a.wage.map(Into::into),
        migration_reason: a.migration_reason,
        notes: if record.notes_shown { a.notes } else { None },
        notes_shown: record.notes_shown,
        follow_up_on: a.follow_up_on,
        outcome: a.outcome,
        parties: a.parties.into_iter().map(|(party, role)| NamedParty { party_id: party.0, role }).collect(),
    }))
}

/// Replaces an appeal (every field as sent) if it is still at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/appeals/{id}",
    operation_id = "update_appeal",
    tag = "appeals",
    params(("id" = Uuid, Path, description = "The appeal's id")),
    request_body = AppealInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body, a date or an id could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not register appeals", body = ErrorBody),
        (status = 404, description = "No such appeal within reach", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AppealInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = AppealId(super::path_id(&id)?);
    if input.id.is_some_and(|body_id| body_id != id.0) {
        return Err(ApiError::unreadable(vec![FieldProblem::new("id", "is not the id of the path")]));
    }
    let version = super::required_version(input.version)?;
    let appeal = input.into_appeal(id, &actor)?;
    super::service(&state, &fields::APPEAL, move |app| app.update_appeal(&actor, appeal, version)).await?;
    Ok(Json(Saved { id: id.0, version: version + 1 }))
}
