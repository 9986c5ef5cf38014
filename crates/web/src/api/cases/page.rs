//! `GET /api/v1/cases/{id}`: the case file as its reader may see it, every part with it.

use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::cases::CaseFile;
use komek_domain::CaseId;
use komek_domain::casework::{Assessment, CaseEvent, CaseNote, EvidenceFile, Proceeding};
use komek_domain::entities::Service;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::appeals::{MoneyDto, NamedParty};
use crate::api::openapi::codes;
use crate::api::{ApiActor, ApiError, ErrorBody};
use crate::fields;

use super::*;

/// A person of a case and their standing as a victim (HTCDS trafficking status).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CasePersonDto {
    pub person_id: Uuid,
    /// List `victim-status`: unknown, presumed, identified, not-a-victim.
    #[schema(value_type = codes::VictimStatusCode)]
    pub victim_status: String,
    /// List `identifying-body`: who identified the person as a victim.
    #[schema(value_type = Option<codes::IdentifyingBodyCode>)]
    pub identified_by: Option<String>,
    pub identified_on: Option<NaiveDate>,
}

/// A case file as its reader may see it. When `identifying_shown` is false (a case of another
/// office) every free text is `null` and no note is listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDto {
    pub id: Uuid,
    /// The case's reference, e.g. `2008-017`.
    #[schema(example = "2008-017")]
    pub number: String,
    pub office_id: Uuid,
    /// The version an update of the header must send.
    pub version: i64,
    /// Whether the identifying parts (summary, texts, notes, file names) were within reach.
    pub identifying_shown: bool,
    /// List `case-kind`.
    #[schema(value_type = codes::CaseKindCode)]
    pub kind: String,
    /// List `case-status`: open, follow-up, closed, closed-referred.
    #[schema(value_type = codes::CaseStatusCode)]
    pub status: String,
    /// List `closing-reason`, once closed.
    #[schema(value_type = Option<codes::ClosingReasonCode>)]
    pub closing_reason: Option<String>,
    /// Visible to its team only.
    pub sensitive: bool,
    /// The staff member who leads the case.
    pub lead_id: Uuid,
    /// The rest of the team.
    pub team: Vec<Uuid>,
    pub persons: Vec<CasePersonDto>,
    pub parties: Vec<NamedParty>,
    /// Where the person was recruited (a place name).
    pub recruited_at: String,
    /// List `citizenship`: the country of recruitment.
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
    /// List `place`: the kind of place.
    #[schema(value_type = Option<codes::PlaceCode>)]
    pub exploited_place: Option<String>,
    /// List `citizenship`: the country of exploitation; `null` with a region means Kazakhstan.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub exploited_country: Option<String>,
    /// List `recruitment-method`: how the person was recruited.
    #[schema(value_type = Vec<codes::RecruitmentMethodCode>)]
    pub recruitment_methods: Vec<String>,
    /// List `means-of-control`: how the exploiters kept control, as recorded on the case.
    #[schema(value_type = Vec<codes::MeansOfControlCode>)]
    pub means_of_control: Vec<String>,
    /// List `case-outcome`.
    #[schema(value_type = Vec<codes::CaseOutcomeCode>)]
    pub outcomes: Vec<String>,
    /// The story in the lawyer's words; `null` when not within reach.
    pub summary: Option<String>,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub services: Vec<ServiceDto>,
    /// The timeline, in its order.
    pub events: Vec<EventDto>,
    pub assessments: Vec<AssessmentDto>,
    pub proceedings: Vec<ProceedingDto>,
    pub tasks: Vec<TaskDto>,
    /// The notes this reader may read.
    pub notes: Vec<NoteDto>,
    /// How many notes are kept to their author's role and not shown to this reader.
    pub notes_withheld: usize,
    /// Evidence files: what they are, not their content.
    pub evidence: Vec<EvidenceDto>,
}

/// Help delivered within a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDto {
    pub id: Uuid,
    /// The person helped, if one of the case's.
    pub person_id: Option<Uuid>,
    /// List `service`.
    #[schema(value_type = codes::ServiceCode)]
    pub kind: String,
    pub delivered_on: NaiveDate,
    /// `us` or the partner's name.
    pub provider: String,
    /// `null` when not within reach.
    pub result: Option<String>,
    /// List `citizenship`: where a repatriation brought the person.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub destination_country: Option<String>,
    /// Repatriation: with whom the person went home; empty when not said, `null` when not
    /// within reach.
    pub accompanied_by: Option<String>,
    /// Wage recovery: the amount claimed.
    pub amount_claimed: Option<MoneyDto>,
    /// Wage recovery: the amount recovered.
    pub amount_recovered: Option<MoneyDto>,
}

/// A dated entry of the timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    pub id: Uuid,
    pub happened_on: NaiveDate,
    /// List `case-event`.
    #[schema(value_type = codes::CaseEventCode)]
    pub kind: String,
    /// `null` when not within reach.
    pub text: Option<String>,
    pub author_id: Option<Uuid>,
    /// List `citizenship`: the country where it happened, when the event names its place.
    #[schema(value_type = Option<codes::CitizenshipCode>)]
    pub place_country: Option<String>,
    /// List `region`.
    #[schema(value_type = Option<codes::RegionCode>)]
    pub place_region: Option<String>,
    /// List `district`.
    #[schema(value_type = Option<codes::DistrictCode>)]
    pub place_district: Option<String>,
    /// The town or village; `null` when none or not within reach.
    pub place_settlement: Option<String>,
}

/// One answer of an assessment.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerDto {
    /// An indicator code of the assessment's catalogue.
    #[schema(example = "fl-p-confiscation-documents")]
    pub indicator: String,
    /// `yes`, `no` or `unknown`.
    pub answer: String,
    /// `interview`, `document` or `observation`.
    pub source: Option<String>,
    pub noted_on: Option<NaiveDate>,
}

/// An assessment of one person against one indicator catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentDto {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The catalogue's id, e.g. `ilo-2012-forced-labour`.
    #[schema(value_type = codes::CatalogueCode)]
    pub catalogue: String,
    /// The catalogue's edition at the time.
    pub edition: String,
    pub assessed_on: NaiveDate,
    pub assessor_id: Option<Uuid>,
    /// Assessed by the child conditions.
    pub minor: bool,
    /// The indicators answered; the rest count as unknown.
    pub answers: Vec<AnswerDto>,
    /// `null` only if the catalogue is no longer known.
    pub evaluation: Option<EvaluationDto>,
}

/// A criminal, administrative or civil proceeding, or an appeal against expulsion.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProceedingDto {
    pub id: Uuid,
    /// The version an update must send.
    pub version: i64,
    /// List `proceeding-kind`.
    #[schema(value_type = codes::ProceedingKindCode)]
    pub kind: String,
    /// List `authority`.
    #[schema(value_type = codes::AuthorityCode)]
    pub authority: String,
    /// Article codes, e.g. `cc2014-128`.
    #[schema(value_type = Vec<codes::ArticleCode>)]
    pub articles: Vec<String>,
    /// List `proceeding-stage`.
    #[schema(value_type = codes::ProceedingStageCode)]
    pub stage: String,
    pub opened_on: NaiveDate,
    pub hearings: Vec<NaiveDate>,
    /// List `proceeding-outcome`; `null` while undecided.
    #[schema(value_type = Option<codes::ProceedingOutcomeCode>)]
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
    /// A custodial sentence, in months.
    pub sentence_months: Option<i32>,
    pub fine: Option<MoneyDto>,
    /// The authority's file number and the lawyer's notes; `null` when not within reach.
    pub notes: Option<String>,
}

/// Work to do in a case by someone, by a day.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskDto {
    pub id: Uuid,
    /// What to do; `null` when not within reach.
    pub title: Option<String>,
    pub assignee_id: Uuid,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub created_by: Option<Uuid>,
    /// Not done and past its day, on the office's calendar.
    pub overdue: bool,
}

/// A note in a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct NoteDto {
    pub id: Uuid,
    pub author_id: Uuid,
    /// The author's role when writing.
    #[schema(example = "psychologist")]
    pub author_role: String,
    /// `team` or `author-role`.
    pub visibility: String,
    pub text: String,
    pub written_at: DateTime<Utc>,
}

/// An evidence file's description; its content is on the case page only.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: Uuid,
    /// The name it was uploaded with; `null` when not within reach.
    pub name: Option<String>,
    /// The type read from its content, e.g. `pdf`, `jpeg`.
    pub kind: String,
    /// In bytes.
    pub size: i64,
    pub added_by: Option<Uuid>,
    pub added_at: DateTime<Utc>,
}

pub(super) fn case_dto(file: CaseFile, today: NaiveDate) -> CaseDto {
    let shown = file.identifying_shown;
    let text = |t: String| shown.then_some(t);
    let c = file.case;
    let persons = c
        .persons
        .iter()
        .map(|person| {
            let victim = c.victim_status(*person);
            CasePersonDto {
                person_id: person.0,
                victim_status: victim.map_or_else(|| "unknown".to_owned(), |v| v.status.clone()),
                identified_by: victim.and_then(|v| v.identified_by.clone()),
                identified_on: victim.and_then(|v| v.identified_on),
            }
        })
        .collect();
    CaseDto {
        id: c.id.0,
        number: c.number,
        office_id: c.office_id.0,
        version: file.version,
        identifying_shown: shown,
        kind: c.kind,
        status: c.status,
        closing_reason: c.closing_reason,
        sensitive: c.sensitive,
        lead_id: c.lead_id.0,
        team: c.team.iter().map(|t| t.0).collect(),
        persons,
        parties: c.parties.into_iter().map(|(party, role)| NamedParty { party_id: party.0, role }).collect(),
        recruited_at: c.recruited_at,
        recruited_country: c.recruited_country,
        recruited_district: c.recruited_district,
        exploited_region: c.exploited_region,
        exploited_district: c.exploited_district,
        exploited_place: c.exploited_place,
        exploited_country: c.exploited_country,
        recruitment_methods: c.recruitment_methods,
        means_of_control: c.means_of_control,
        outcomes: c.outcomes,
        summary: if shown { c.summary } else { None },
        opened_on: c.opened_on,
        closed_on: c.closed_on,
        services: file.services.into_iter().map(|s| service_dto(s, shown)).collect(),
        events: file.events.into_iter().map(|e| event_dto(e, shown)).collect(),
        assessments: file.assessments.into_iter().map(assessment_dto).collect(),
        proceedings: file.proceedings.into_iter().map(|(p, version)| proceeding_dto(p, version, shown)).collect(),
        tasks: file
            .tasks
            .into_iter()
            .map(|t| TaskDto {
                id: t.id.0,
                overdue: t.is_overdue(today),
                title: text(t.title),
                assignee_id: t.assignee_id.0,
                due_on: t.due_on,
                done_on: t.done_on,
                created_by: t.created_by.map(|a| a.0),
            })
            .collect(),
        notes: file.notes.into_iter().map(note_dto).collect(),
        notes_withheld: file.notes_withheld,
        evidence: file.evidence.into_iter().map(|e| evidence_dto(e, shown)).collect(),
    }
}

pub(super) fn service_dto(s: Service, shown: bool) -> ServiceDto {
    ServiceDto {
        id: s.id.0,
        person_id: s.person_id.map(|p| p.0),
        kind: s.kind,
        delivered_on: s.delivered_on,
        provider: s.provider,
        result: shown.then_some(s.result),
        destination_country: s.destination_country,
        accompanied_by: shown.then_some(s.accompanied_by),
        amount_claimed: s.amount_claimed.map(Into::into),
        amount_recovered: s.amount_recovered.map(Into::into),
    }
}

pub(super) fn event_dto(e: CaseEvent, shown: bool) -> EventDto {
    EventDto {
        id: e.id.0,
        happened_on: e.happened_on,
        kind: e.kind,
        text: shown.then_some(e.text),
        author_id: e.author_id.map(|a| a.0),
        place_country: e.place_country,
        place_region: e.place_region,
        place_district: e.place_district,
        place_settlement: e.place_settlement.filter(|_| shown),
    }
}

pub(super) fn assessment_dto(a: Assessment) -> AssessmentDto {
    let evaluation = a.evaluate().as_ref().map(EvaluationDto::from);
    AssessmentDto {
        id: a.id.0,
        person_id: a.person_id.0,
        catalogue: a.catalogue,
        edition: a.edition,
        assessed_on: a.assessed_on,
        assessor_id: a.assessor_id.map(|x| x.0),
        minor: a.minor,
        answers: a
            .answers
            .into_iter()
            .map(|x| AnswerDto {
                indicator: x.indicator,
                answer: x.answer.code().to_owned(),
                source: x.source.map(|s| s.code().to_owned()),
                noted_on: x.noted_on,
            })
            .collect(),
        evaluation,
    }
}

pub(super) fn proceeding_dto(p: Proceeding, version: i64, shown: bool) -> ProceedingDto {
    ProceedingDto {
        id: p.id.0,
        version,
        kind: p.kind,
        authority: p.authority,
        articles: p.articles,
        stage: p.stage,
        opened_on: p.opened_on,
        hearings: p.hearings,
        outcome: p.outcome,
        decided_on: p.decided_on,
        sentence_months: p.sentence_months,
        fine: p.fine.map(Into::into),
        notes: shown.then_some(p.notes),
    }
}

pub(super) fn note_dto(n: CaseNote) -> NoteDto {
    NoteDto {
        id: n.id.0,
        author_id: n.author_id.0,
        author_role: n.author_role.code().to_owned(),
        visibility: n.visibility.code().to_owned(),
        text: n.text,
        written_at: n.written_at,
    }
}

pub(super) fn evidence_dto(e: EvidenceFile, shown: bool) -> EvidenceDto {
    EvidenceDto {
        id: e.id.0,
        name: shown.then_some(e.name),
        kind: e.kind,
        size: e.size,
        added_by: e.added_by.map(|a| a.0),
        added_at: e.added_at,
    }
}

/// A case file with the version an update must send. Reading its identifying parts is in
/// the audit log; a sensitive case is there for its team only.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    operation_id = "read_case",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The case file", body = CaseDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case files", body = ErrorBody),
        (status = 404, description = "No such case within reach", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CaseDto>, ApiError> {
    let id = CaseId(crate::api::path_id(&id)?);
    let (file, today) = run(&state, move |app| Ok((app.case_file(&actor, id)?, app.today(&actor)?)))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(Json(case_dto(file, today)))
}
