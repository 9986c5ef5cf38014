//! A case's header written: opened whole or from an appeal, and updated naming the version read.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::NaiveDate;
use komek_domain::casework::VictimStatus;
use komek_domain::entities::Case;
use komek_domain::{AccountId, AppealId, CaseId, OfficeId, PartyId, PersonId};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::appeals::NamedParty;
use crate::api::openapi::codes;
use crate::api::{ApiActor, ApiError, ApiJson, ErrorBody, FieldProblem, Saved, TextValueReader, given};
use crate::fields;

use super::*;

/// A person named by a case, as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CasePersonInput {
    /// A person within the sender's reach.
    pub person_id: Uuid,
    /// List `victim-status`; `unknown` if not given.
    #[schema(value_type = Option<codes::VictimStatusCode>)]
    pub victim_status: Option<String>,
    /// List `identifying-body`; required when the status is presumed or identified.
    #[schema(value_type = Option<codes::IdentifyingBodyCode>)]
    pub identified_by: Option<String>,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2008-10-21")]
    pub identified_on: Option<String>,
}

/// A case's header as a program sends it: on update every field as it should be (a list not
/// sent is emptied), on create the case to open. Office and number are set by the server.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    /// On update only, required: the version read. A create that sends it is refused (400).
    #[serde(default, deserialize_with = "crate::api::whole::optional")]
    pub version: Option<i64>,
    /// On create only: the day the case opens (YYYY-MM-DD); today if not given. An update
    /// that sends it is refused (400): the opening day stays as the case was opened.
    #[schema(format = Date, example = "2008-10-15")]
    pub opened_on: Option<String>,
    /// List `case-kind`.
    #[schema(value_type = codes::CaseKindCode)]
    pub kind: String,
    /// List `case-status`. Closing (`closed`, `closed-referred`) needs outcomes and a
    /// closing reason.
    #[schema(value_type = codes::CaseStatusCode)]
    pub status: String,
    /// Visible to its team only.
    pub sensitive: bool,
    /// Required on update; on create the token's user if not given. Whoever opens a case
    /// leads it or is on its team.
    pub lead_id: Option<Uuid>,
    #[serde(default)]
    pub team: Vec<Uuid>,
    /// At least one; each within the sender's reach.
    #[serde(default)]
    #[schema(min_items = 1)]
    pub persons: Vec<CasePersonInput>,
    #[serde(default)]
    pub parties: Vec<NamedParty>,
    pub recruited_at: Option<String>,
    /// List `citizenship`.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub recruited_country: Option<String>,
    /// List `district`.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub recruited_district: Option<String>,
    /// List `region`.
    #[schema(value_type = Option<codes::RegionCode>)]
    pub exploited_region: Option<String>,
    /// List `district`.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub exploited_district: Option<String>,
    /// List `place`.
    #[schema(value_type = Option<codes::PlaceCode>)]
    pub exploited_place: Option<String>,
    /// List `citizenship`: the country of exploitation, for exploitation abroad.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub exploited_country: Option<String>,
    /// List `recruitment-method`: how the person was recruited, each once.
    #[serde(default)]
    #[schema(value_type = Vec<codes::RecruitmentMethodCode>)]
    pub recruitment_methods: Vec<String>,
    /// List `means-of-control`: how the exploiters kept control, each once.
    #[serde(default)]
    #[schema(value_type = Vec<codes::MeansOfControlCode>)]
    pub means_of_control: Vec<String>,
    /// List `case-outcome`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::CaseOutcomeCode>)]
    pub outcomes: Vec<String>,
    /// List `closing-reason`; dropped when the case is not closed.
    #[schema(value_type = Option<codes::ClosingReasonCode>)]
    pub closing_reason: Option<String>,
    /// The closing day (YYYY-MM-DD); today if a case is closed without one.
    #[schema(format = Date)]
    pub closed_on: Option<String>,
    /// On update, absent or `null` keeps the summary as it is and empty text clears it.
    pub summary: Option<String>,
}

impl CaseInput {
    /// The case to hand to the services, and the opening day if one was sent. Office and
    /// number are the services' to set; `lead` stands in for a lead not sent.
    fn into_case(self, id: CaseId, lead: Option<AccountId>) -> Result<(Case, Option<NaiveDate>), ApiError> {
        let mut reader = TextValueReader::default();
        let opened_on = reader.date("opened_on", self.opened_on.as_deref());
        let closed_on = reader.date("closed_on", self.closed_on.as_deref());
        let victims: Vec<VictimStatus> = self
            .persons
            .iter()
            .map(|p| VictimStatus {
                person_id: PersonId(p.person_id),
                // Empty: not sent. A new case reads it as "unknown", an update keeps the saved one.
                status: given(p.victim_status.clone()).unwrap_or_default(),
                identified_by: given(p.identified_by.clone()),
                identified_on: reader.date("persons.identified_on", p.identified_on.as_deref()),
            })
            .collect();
        reader.finish()?;
        let lead_id = self.lead_id.map(AccountId).or(lead).ok_or_else(|| {
            ApiError::invalid(vec![FieldProblem::new("lead_id", "is required: the staff member who leads the case")])
        })?;
        let case = Case {
            id,
            office_id: OfficeId(Uuid::nil()),
            number: String::new(),
            kind: self.kind.trim().to_owned(),
            status: self.status.trim().to_owned(),
            sensitive: self.sensitive,
            lead_id,
            team: self.team.into_iter().map(AccountId).collect(),
            persons: victims.iter().map(|v| v.person_id).collect(),
            parties: self.parties.into_iter().map(|p| (PartyId(p.party_id), p.role)).collect(),
            opened_on: opened_on.unwrap_or(NaiveDate::MIN),
            closed_on,
            recruited_at: self.recruited_at.map(|t| t.trim().to_owned()).unwrap_or_default(),
            exploited_region: given(self.exploited_region),
            exploited_district: given(self.exploited_district),
            exploited_place: given(self.exploited_place),
            exploited_country: given(self.exploited_country),
            recruitment_methods: self.recruitment_methods,
            means_of_control: self.means_of_control,
            outcomes: self.outcomes,
            closing_reason: given(self.closing_reason),
            recruited_country: given(self.recruited_country),
            recruited_district: given(self.recruited_district),
            victims,
            summary: self.summary,
        };
        Ok((case, opened_on))
    }
}

/// Opening a case from an appeal.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FromAppealInput {
    /// An appeal within reach that names its person.
    pub appeal_id: Uuid,
    /// List `case-kind`.
    #[schema(value_type = codes::CaseKindCode)]
    pub kind: String,
    /// Visible to its team only; false if not given.
    #[serde(default)]
    pub sensitive: bool,
}

/// Opens a case with its whole header. It is numbered in its opening year (`2008-017`) and
/// belongs to the sender's office; the sender leads it or is on its team.
#[utoipa::path(
    post,
    path = "/api/v1/cases",
    operation_id = "open_case",
    tag = "cases",
    request_body = CaseInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Opened", body = Created,
         headers(("Location" = String, description = "The new case"))),
        (status = 400, description = "The body, a date or an id could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "A person named is not within reach, or the sender is neither lead \
                                     nor on the team", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn create(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<Response, ApiError> {
    if input.version.is_some() {
        return Err(ApiError::unreadable(vec![FieldProblem::new("version", "is sent on update only")]));
    }
    let (mut case, opened_on) = input.into_case(CaseId::new(), actor.account_id())?;
    let id = run(&state, move |app| {
        case.opened_on = match opened_on {
            Some(day) => day,
            None => app.today(&actor)?,
        };
        app.open_case(&actor, case)
    })
    .await?
    .map_err(|e| ApiError::from_app(e, &fields::CASE))?;
    Ok(crate::api::created(format!("/api/v1/cases/{id}"), Created { id: id.0 }))
}

/// Opens a case from an appeal in one step: the appeal's person and parties, the sender as
/// lead, today as the opening day; the appeal's outcome becomes `case-opened`.
#[utoipa::path(
    post,
    path = "/api/v1/cases/from-appeal",
    operation_id = "open_case_from_appeal",
    tag = "cases",
    request_body = FromAppealInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Opened", body = Created,
         headers(("Location" = String, description = "The new case"))),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such appeal within reach", body = ErrorBody),
        (status = 409, description = "The appeal was changed meanwhile", body = ErrorBody),
        (status = 422, description = "An unknown kind, or the appeal names no person", body = ErrorBody),
    )
)]
pub async fn from_appeal(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<FromAppealInput>,
) -> Result<Response, ApiError> {
    let appeal = AppealId(input.appeal_id);
    let kind = input.kind.trim().to_owned();
    let id = run(&state, move |app| app.open_case_from_appeal(&actor, appeal, &kind, input.sensitive))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::CASE_FROM_APPEAL))?;
    Ok(crate::api::created(format!("/api/v1/cases/{id}"), Created { id: id.0 }))
}

/// Replaces a case's header (every field as sent) if it is still at `version`. Closing
/// (`closed`, `closed-referred`) needs outcomes and a closing reason and sets the closing day
/// (today unless sent); reopening clears it. Number, office and opening day stay.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}",
    operation_id = "update_case",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = CaseInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body, a date or an id could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or a person or account named is not", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<Json<Saved>, ApiError> {
    let id = CaseId(crate::api::path_id(&id)?);
    let version = crate::api::required_version(input.version)?;
    if input.opened_on.is_some() {
        let problem = "is set when the case is opened and stays as it is";
        return Err(ApiError::unreadable(vec![FieldProblem::new("opened_on", problem)]));
    }
    let (case, _) = input.into_case(id, None)?;
    let version = crate::api::service(&state, &fields::CASE, move |app| app.update_case(&actor, case, version)).await?;
    Ok(Json(Saved { id: id.0, version }))
}
