//! The parts added to a case: services, proceedings (and their updates), tasks, timeline events, notes.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::NaiveDate;
use komek_app::AppError;
use komek_domain::casework::{CaseEvent, NoteVisibility, Proceeding, Task};
use komek_domain::entities::Service;
use komek_domain::{AccountId, CaseId, EventId, PersonId, ProceedingId, ServiceId, TaskId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::appeals::MoneyDto;
use crate::api::openapi::codes;
use crate::api::{ApiActor, ApiError, ApiJson, ErrorBody, FieldProblem, Saved, TextValueReader, given, unknown_code};
use crate::fields;

use super::*;

/// A service as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceInput {
    /// One of the case's persons, if the service was for one.
    pub person_id: Option<Uuid>,
    /// List `service`.
    #[schema(value_type = codes::ServiceCode)]
    pub kind: String,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2008-11-03")]
    pub delivered_on: String,
    /// `us` (if not given) or the partner's name.
    pub provider: Option<String>,
    /// What came of it; identifying, stored encrypted.
    pub result: Option<String>,
    /// List `citizenship`; required for a repatriation.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub destination_country: Option<String>,
    /// Repatriation: with whom the person went home (a relative, a partner's escort, alone);
    /// identifying, stored encrypted.
    pub accompanied_by: Option<String>,
    /// Never negative.
    pub amount_claimed: Option<MoneyDto>,
    /// Never negative.
    pub amount_recovered: Option<MoneyDto>,
}

/// A timeline entry as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2008-09-01")]
    pub happened_on: String,
    /// List `case-event`.
    #[schema(value_type = codes::CaseEventCode)]
    pub kind: String,
    /// What happened, not blank; identifying, stored encrypted.
    #[schema(pattern = r"\S")]
    pub text: String,
    /// List `citizenship`: where it happened, when not where the case says.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub place_country: Option<String>,
    /// List `region`: in Kazakhstan.
    #[schema(value_type = Option<codes::RegionCode>)]
    pub place_region: Option<String>,
    /// List `district`: in Kazakhstan.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub place_district: Option<String>,
    /// The town or village, as told; stored encrypted.
    pub place_settlement: Option<String>,
}

/// A proceeding as a program sends it: every field as it should be.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProceedingInput {
    /// On update only, required: the version read. A create that sends it is refused (400).
    #[serde(default, deserialize_with = "crate::api::whole::optional")]
    pub version: Option<i64>,
    /// List `proceeding-kind`.
    #[schema(value_type = codes::ProceedingKindCode)]
    pub kind: String,
    /// List `authority`.
    #[schema(value_type = codes::AuthorityCode)]
    pub authority: String,
    /// Article codes of the law catalogue, e.g. `cc2014-128`.
    #[serde(default)]
    #[schema(value_type = Vec<codes::ArticleCode>)]
    pub articles: Vec<String>,
    /// List `proceeding-stage`.
    #[schema(value_type = codes::ProceedingStageCode)]
    pub stage: String,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2008-10-25")]
    pub opened_on: String,
    /// Hearing days (YYYY-MM-DD), past and coming.
    #[serde(default)]
    pub hearings: Vec<String>,
    /// List `proceeding-outcome`; absent while undecided.
    #[schema(value_type = Option<codes::ProceedingOutcomeCode>)]
    pub outcome: Option<String>,
    /// YYYY-MM-DD; not before `opened_on`.
    #[schema(format = Date)]
    pub decided_on: Option<String>,
    /// Required for the outcome `sentence`: 1 to 360 months.
    #[schema(minimum = 1, maximum = 360)]
    #[serde(default, deserialize_with = "crate::api::whole::optional")]
    pub sentence_months: Option<i32>,
    /// Required for the outcome `fine`; never negative.
    pub fine: Option<MoneyDto>,
    /// Identifying, stored encrypted.
    pub notes: Option<String>,
}

impl ProceedingInput {
    fn into_proceeding(self, id: ProceedingId, case: CaseId) -> Result<Proceeding, ApiError> {
        let mut reader = TextValueReader::default();
        let opened_on = required_day(&mut reader, "opened_on", &self.opened_on);
        let decided_on = reader.date("decided_on", self.decided_on.as_deref());
        let hearings: Vec<NaiveDate> =
            self.hearings.iter().filter_map(|day| reader.date("hearings", Some(day.as_str()))).collect();
        reader.finish()?;
        let mut problems = Vec::new();
        let fine = money("fine", self.fine, &mut problems);
        refuse(problems)?;
        Ok(Proceeding {
            id,
            case_id: case,
            kind: self.kind.trim().to_owned(),
            authority: self.authority.trim().to_owned(),
            articles: self.articles.iter().map(|a| a.trim().to_owned()).collect(),
            stage: self.stage.trim().to_owned(),
            opened_on,
            hearings,
            outcome: given(self.outcome),
            decided_on,
            sentence_months: self.sentence_months,
            fine,
            notes: self.notes.unwrap_or_default(),
        })
    }
}

/// A task as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    /// What to do, not blank; identifying, stored encrypted.
    #[schema(example = "Call the labour inspection about the passport", pattern = r"\S")]
    pub title: String,
    /// Someone who can open the case; the token's user if not given.
    pub assignee_id: Option<Uuid>,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2008-10-30")]
    pub due_on: String,
}

/// Marks a task done (today) or to do again.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskDone {
    pub done: bool,
}

/// A task's state after a change.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskState {
    pub id: Uuid,
    pub done: bool,
}

/// A note as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    /// Not blank; identifying, stored encrypted.
    #[schema(pattern = r"\S")]
    pub text: String,
    /// `team` (everyone who may read the case; if not given) or `author-role` (staff of the
    /// author's role and the case lead).
    #[schema(example = "team")]
    pub visibility: Option<String>,
}

/// Records a service delivered in the case (legal help, shelter, wage recovery with the
/// amounts claimed and recovered, repatriation with the country …).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/services",
    operation_id = "add_service",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = ServiceInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Recorded", body = Created),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or the person is not in it", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn add_service(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ServiceInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let delivered_on = required_day(&mut reader, "delivered_on", &input.delivered_on);
    reader.finish()?;
    let mut problems = Vec::new();
    let amount_claimed = money("amount_claimed", input.amount_claimed, &mut problems);
    let amount_recovered = money("amount_recovered", input.amount_recovered, &mut problems);
    refuse(problems)?;
    let service = Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: input.person_id.map(PersonId),
        kind: input.kind.trim().to_owned(),
        delivered_on,
        provider: given(input.provider).unwrap_or_else(|| "us".to_owned()),
        result: input.result.unwrap_or_default(),
        accompanied_by: input.accompanied_by.unwrap_or_default(),
        destination_country: given(input.destination_country),
        amount_claimed,
        amount_recovered,
    };
    let id = run(&state, move |app| app.add_service(&actor, service))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::SERVICE))?;
    Ok(part_created(Created { id: id.0 }))
}

/// Records a proceeding of the case.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/proceedings",
    operation_id = "add_proceeding",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = ProceedingInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Recorded; an update sends the version answered", body = Saved),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach", body = ErrorBody),
        (status = 422, description = "A value is not allowed: every field concerned is named", body = ErrorBody),
    )
)]
pub async fn add_proceeding(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ProceedingInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    if input.version.is_some() {
        return Err(ApiError::unreadable(vec![FieldProblem::new("version", "is sent on update only")]));
    }
    let proceeding = input.into_proceeding(ProceedingId::new(), case)?;
    let id = run(&state, move |app| app.add_proceeding(&actor, proceeding))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PROCEEDING))?;
    Ok(part_created(Saved { id: id.0, version: 1 }))
}

/// Replaces a proceeding (its stage, hearings, outcome …; every field as sent) if it is still
/// at `version`.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/proceedings/{proceeding_id}",
    operation_id = "update_proceeding",
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "The case's id"),
        ("proceeding_id" = Uuid, Path, description = "The proceeding's id"),
    ),
    request_body = ProceedingInput,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved; the next update sends the version answered", body = Saved),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or no such proceeding in it", body = ErrorBody),
        (status = 409, description = "Changed by someone else since `version`", body = ErrorBody),
        (status = 422, description = "A value is not allowed, or `version` is missing", body = ErrorBody),
    )
)]
pub async fn update_proceeding(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path((id, proceeding_id)): Path<(String, String)>,
    ApiJson(input): ApiJson<ProceedingInput>,
) -> Result<Json<Saved>, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let proceeding_id = ProceedingId(crate::api::path_id(&proceeding_id)?);
    let version = crate::api::required_version(input.version)?;
    let proceeding = input.into_proceeding(proceeding_id, case)?;
    let reader = actor.clone();
    match run(&state, move |app| app.update_proceeding(&actor, proceeding, version)).await? {
        Ok(version) => Ok(Json(Saved { id: proceeding_id.0, version })),
        // Not saved: either someone saved in between, or the case has no such proceeding.
        Err(AppError::Conflict) => {
            let file = run(&state, move |app| app.case_file(&reader, case)).await?;
            match file {
                Ok(file) if file.proceedings.iter().any(|(p, _)| p.id == proceeding_id) => {
                    Err(ApiError::from_app(AppError::Conflict, &fields::PLAIN))
                }
                _ => Err(ApiError::not_found()),
            }
        }
        Err(e) => Err(ApiError::from_app(e, &fields::PROCEEDING)),
    }
}

/// Gives someone a task in the case, due on a day.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/tasks",
    operation_id = "add_task",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = TaskInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Given", body = Created),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or no such account", body = ErrorBody),
        (status = 422, description = "No title, or the assignee cannot open the case", body = ErrorBody),
    )
)]
pub async fn add_task(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<TaskInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let due_on = required_day(&mut reader, "due_on", &input.due_on);
    reader.finish()?;
    let Some(assignee_id) = input.assignee_id.map(AccountId).or(actor.account_id()) else {
        return Err(ApiError::invalid(vec![FieldProblem::new("assignee_id", "is required")]));
    };
    let task = Task {
        id: TaskId::new(),
        record: case,
        title: input.title,
        assignee_id,
        due_on,
        done_on: None,
        created_by: None,
    };
    let id =
        run(&state, move |app| app.add_task(&actor, task)).await?.map_err(|e| ApiError::from_app(e, &fields::TASK))?;
    Ok(part_created(Created { id: id.0 }))
}

/// Marks a task done (on today's date) or to do again.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/tasks/{task_id}",
    operation_id = "update_task",
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "The case's id"),
        ("task_id" = Uuid, Path, description = "The task's id"),
    ),
    request_body = TaskDone,
    security(("api_token" = [])),
    responses(
        (status = 200, description = "Saved", body = TaskState),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or no such task in it", body = ErrorBody),
    )
)]
pub async fn update_task(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path((id, task_id)): Path<(String, String)>,
    ApiJson(input): ApiJson<TaskDone>,
) -> Result<Json<TaskState>, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let task = TaskId(crate::api::path_id(&task_id)?);
    let done = input.done;
    run(&state, move |app| app.set_task_done(&actor, case, task, done))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(Json(TaskState { id: task.0, done }))
}

/// Adds a dated entry to the case's timeline.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/events",
    operation_id = "add_event",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = EventInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Added", body = Created),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach", body = ErrorBody),
        (status = 422, description = "An unknown kind, or no text", body = ErrorBody),
    )
)]
pub async fn add_event(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<EventInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let mut reader = TextValueReader::default();
    let happened_on = required_day(&mut reader, "happened_on", &input.happened_on);
    reader.finish()?;
    let event = CaseEvent {
        id: EventId::new(),
        case_id: case,
        happened_on,
        kind: input.kind.trim().to_owned(),
        text: input.text,
        author_id: None,
        place_country: given(input.place_country),
        place_region: given(input.place_region),
        place_district: given(input.place_district),
        place_settlement: input.place_settlement,
    };
    let id = run(&state, move |app| app.add_event(&actor, event))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(part_created(Created { id: id.0 }))
}

/// Writes a note in the case, for everyone who may read it (`team`) or for staff of the
/// author's role and the case lead (`author-role`: a psychologist's confidential notes).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/notes",
    operation_id = "add_note",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = NoteInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Written", body = Created),
        (status = 400, description = "The body could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach", body = ErrorBody),
        (status = 422, description = "No text, or an unknown visibility", body = ErrorBody),
    )
)]
pub async fn add_note(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<NoteInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(crate::api::path_id(&id)?);
    let visibility = match given(input.visibility) {
        None => NoteVisibility::Team,
        Some(code) => NoteVisibility::parse(&code).ok_or_else(|| {
            let codes = [NoteVisibility::Team.code(), NoteVisibility::AuthorRole.code()];
            ApiError::invalid(vec![FieldProblem::new("visibility", unknown_code("visibility", &code, &codes))])
        })?,
    };
    let text = input.text;
    let id = run(&state, move |app| app.add_note(&actor, case, &text, visibility))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(part_created(Created { id: id.0 }))
}
