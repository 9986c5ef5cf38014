//! `/api/v1/cases`: case files as the case desk keeps them — the header (kind, status,
//! persons and their standing as victims, parties, places, outcomes), the services delivered,
//! the timeline, indicator assessments with what the ILO rule makes of them, proceedings,
//! tasks and notes.
//!
//! A case is opened from an appeal (its person and parties, the token's user as lead) or
//! whole; its header and its proceedings are edited naming the version read, so that nobody
//! overwrites a change they have not seen. A case outside the reader's reach shows its
//! non-identifying facts only (free text is `null`), and a sensitive case does not exist for
//! anyone off its team.
//!
//! Evidence files are listed (what they are, never their content) but are uploaded and
//! downloaded on the case page only: the API takes JSON, not files.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::cases::{CaseFile, CaseListLine, CaseQuery};
use komek_app::{App, AppError, AppResult};
use komek_domain::casework::{
    Assessment, CaseEvent, CaseNote, EvidenceFile, IndicatorAnswer, NoteVisibility, Proceeding, Task, VictimStatus,
};
use komek_domain::entities::{Case, Service};
use komek_domain::indicators::{Answer, Evaluation, Source};
use komek_domain::{
    AccountId, AppealId, AssessmentId, CaseId, Currency, EventId, Money, OfficeId, PartyId, PersonId, ProceedingId,
    ServiceId, TaskId, lookups,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::appeals::{MoneyDto, NamedParty};
use super::openapi::codes;
use super::{ApiActor, ApiError, ApiJson, ApiQuery, ErrorBody, FieldProblem, Reader, Saved, given, unknown_code};
use crate::fields;
use crate::{AppState, blocking};

// ---- Bodies

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

/// A case's header as a program sends it: on update every field as it should be (a list not
/// sent is emptied), on create the case to open. Office and number are set by the server.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    /// On update only, required: the version read. A create that sends it is refused (400).
    #[serde(default, deserialize_with = "super::whole::optional")]
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
        let mut reader = Reader::default();
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

/// What a create saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
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

/// What the catalogue's ILO rule makes of an assessment's answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationDto {
    /// `yes`, `no`, or `unknown` (not enough information).
    #[schema(example = "yes")]
    pub verdict: String,
    /// The indicators that decided a yes or a no, in catalogue order.
    pub decided_by: Vec<String>,
    /// When not enough is known: exactly the indicators still worth asking about.
    pub to_ask: Vec<String>,
    /// The result in one English sentence.
    pub explanation: String,
    /// The edition of the catalogue the rule is of.
    pub edition: String,
    /// Whether every entry of the catalogue was checked against the ILO publication.
    pub verified: bool,
}

impl From<&Evaluation> for EvaluationDto {
    fn from(e: &Evaluation) -> Self {
        Self {
            verdict: e.verdict.code().to_owned(),
            decided_by: e.decided_by.iter().map(|c| (*c).to_owned()).collect(),
            to_ask: e.to_ask.iter().map(|c| (*c).to_owned()).collect(),
            explanation: e.explain(),
            edition: e.edition.to_owned(),
            verified: e.verified,
        }
    }
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

/// One answer as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// An indicator code of the catalogue.
    #[schema(example = "fl-p-confiscation-documents")]
    pub indicator: String,
    /// `yes`, `no` or `unknown`.
    #[schema(example = "yes")]
    pub answer: String,
    /// `interview`, `document` or `observation`; required for a yes or a no.
    #[schema(example = "interview")]
    pub source: Option<String>,
    /// YYYY-MM-DD.
    #[schema(format = Date)]
    pub noted_on: Option<String>,
}

/// An assessment as a program sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentInput {
    /// One of the case's persons.
    pub person_id: Uuid,
    /// `ilo-2012-forced-labour` or `ilo-2009-trafficking-labour`.
    #[schema(value_type = codes::CatalogueCode)]
    pub catalogue: String,
    /// YYYY-MM-DD; today if not given.
    #[schema(format = Date, example = "2008-10-21")]
    pub assessed_on: Option<String>,
    /// Under 18 at the time of the work: the child conditions apply.
    #[serde(default)]
    pub minor: bool,
    /// Each indicator at most once; those not answered count as unknown.
    #[serde(default)]
    pub answers: Vec<AnswerInput>,
}

/// What an assessment saved, and its result.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentCreated {
    pub id: Uuid,
    pub evaluation: EvaluationDto,
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

/// A proceeding as a program sends it: every field as it should be.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProceedingInput {
    /// On update only, required: the version read. A create that sends it is refused (400).
    #[serde(default, deserialize_with = "super::whole::optional")]
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
    #[serde(default, deserialize_with = "super::whole::optional")]
    pub sentence_months: Option<i32>,
    /// Required for the outcome `fine`; never negative.
    pub fine: Option<MoneyDto>,
    /// Identifying, stored encrypted.
    pub notes: Option<String>,
}

impl ProceedingInput {
    fn into_proceeding(self, id: ProceedingId, case: CaseId) -> Result<Proceeding, ApiError> {
        let mut reader = Reader::default();
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

/// One line of the case list: no identifying data.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseLineDto {
    pub id: Uuid,
    pub number: String,
    pub office_id: Uuid,
    pub kind: String,
    pub status: String,
    pub sensitive: bool,
    pub lead_id: Uuid,
    pub opened_on: NaiveDate,
    /// Tasks not done and past their day.
    pub overdue_tasks: i64,
    /// The soonest day a task not done is due.
    pub next_due: Option<NaiveDate>,
}

impl From<CaseListLine> for CaseLineDto {
    fn from(l: CaseListLine) -> Self {
        let c = l.case;
        Self {
            id: c.id.0,
            number: c.number,
            office_id: c.office_id.0,
            kind: c.kind,
            status: c.status,
            sensitive: c.sensitive,
            lead_id: c.lead_id.0,
            opened_on: c.opened_on,
            overdue_tasks: l.overdue_tasks,
            next_due: l.next_due,
        }
    }
}

/// One page of the case list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasePage {
    pub items: Vec<CaseLineDto>,
    /// This page's number, from 0.
    pub page: i64,
    /// Whether another page follows.
    pub more: bool,
}

/// The case list's filters, as the case desk has them; all optional, all applied together.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseFilters {
    /// A code of the list `case-status`, or `active` (open and follow-up); any if not given.
    #[param(example = "active")]
    pub status: Option<String>,
    /// List `case-kind`.
    #[param(inline, value_type = Option<codes::CaseKindCode>)]
    pub kind: Option<String>,
    /// An office's id; only roles over the whole organisation may choose one.
    #[param(format = Uuid)]
    pub office: Option<String>,
    /// The lead's account id.
    #[param(format = Uuid)]
    pub lead: Option<String>,
    /// `true`: only cases with a task past its day.
    #[param(value_type = Option<bool>)]
    pub overdue: Option<String>,
    /// Page number from 0; 50 cases a page.
    #[param(minimum = 0)]
    pub page: Option<i64>,
}

impl CaseFilters {
    fn into_query(self) -> Result<(CaseQuery, i64), ApiError> {
        let mut reader = Reader::default();
        let office = reader.id("office", self.office.as_deref()).map(OfficeId);
        let lead = reader.id("lead", self.lead.as_deref()).map(AccountId);
        let overdue = match given(self.overdue).as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                reader.refuse("overdue", format!("{other:?} is neither \"true\" nor \"false\""));
                false
            }
        };
        if self.page.is_some_and(|p| p < 0) {
            reader.refuse("page", "must not be negative");
        }
        reader.finish()?;
        // A filter on a code no list has would silently find nothing: say so instead.
        let (status, kind) = (given(self.status), given(self.kind));
        let mut unknown = Vec::new();
        if let Some(code) = status.as_deref().filter(|c| *c != "active" && !lookups::CASE_STATUS.contains(c)) {
            let mut codes = vec!["active"];
            codes.extend(lookups::CASE_STATUS.codes);
            unknown.push(FieldProblem::new("status", unknown_code(lookups::CASE_STATUS.name, code, &codes)));
        }
        if let Some(code) = kind.as_deref().filter(|c| !lookups::CASE_KIND.contains(c)) {
            let problem = unknown_code(lookups::CASE_KIND.name, code, lookups::CASE_KIND.codes);
            unknown.push(FieldProblem::new("kind", problem));
        }
        refuse(unknown)?;
        Ok((CaseQuery { status, kind, office, lead, overdue }, self.page.unwrap_or(0)))
    }
}

// ---- How values and refusals are read

/// A date the request must give.
fn required_day(reader: &mut Reader, field: &str, text: &str) -> NaiveDate {
    if text.trim().is_empty() {
        reader.refuse(field, "is required (YYYY-MM-DD)");
    }
    reader.date(field, Some(text)).unwrap_or(NaiveDate::MIN)
}

/// An amount of the request; an unknown currency is named by its field.
fn money(field: &str, amount: Option<MoneyDto>, problems: &mut Vec<FieldProblem>) -> Option<Money> {
    let amount = amount?;
    match Currency::parse(&amount.currency) {
        Some(currency) => Some(Money { minor: amount.amount_minor, currency }),
        None => {
            let known: Vec<&str> = Currency::ALL.iter().map(|c| c.code()).collect();
            let problem = format!("unknown currency {:?} (known codes: {})", amount.currency, known.join(", "));
            problems.push(FieldProblem::new(format!("{field}.currency"), problem));
            None
        }
    }
}

/// Refuses the request (422) if any value is not allowed.
fn refuse(problems: Vec<FieldProblem>) -> Result<(), ApiError> {
    if problems.is_empty() { Ok(()) } else { Err(ApiError::invalid(problems)) }
}

/// Runs service calls off the async threads; their refusal is the caller's to name.
async fn run<T: Send + 'static>(
    state: &AppState,
    call: impl FnOnce(&App) -> AppResult<T> + Send + 'static,
) -> Result<AppResult<T>, ApiError> {
    let app = state.app.clone();
    Ok(blocking(move || call(&app)).await?)
}

// ---- The case file as read

fn case_dto(file: CaseFile, today: NaiveDate) -> CaseDto {
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

fn service_dto(s: Service, shown: bool) -> ServiceDto {
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

fn event_dto(e: CaseEvent, shown: bool) -> EventDto {
    EventDto {
        id: e.id.0,
        happened_on: e.happened_on,
        kind: e.kind,
        text: shown.then_some(e.text),
        author_id: e.author_id.map(|a| a.0),
    }
}

fn assessment_dto(a: Assessment) -> AssessmentDto {
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

fn proceeding_dto(p: Proceeding, version: i64, shown: bool) -> ProceedingDto {
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

fn note_dto(n: CaseNote) -> NoteDto {
    NoteDto {
        id: n.id.0,
        author_id: n.author_id.0,
        author_role: n.author_role.code().to_owned(),
        visibility: n.visibility.code().to_owned(),
        text: n.text,
        written_at: n.written_at,
    }
}

fn evidence_dto(e: EvidenceFile, shown: bool) -> EvidenceDto {
    EvidenceDto {
        id: e.id.0,
        name: shown.then_some(e.name),
        kind: e.kind,
        size: e.size,
        added_by: e.added_by.map(|a| a.0),
        added_at: e.added_at,
    }
}

/// A 201 answer without a readable address of its own: the part is read with its case.
fn part_created<T: Serialize>(body: T) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

// ---- Handlers

/// The case list, newest first.
///
/// Staff of one office see their office's cases; managers and administrators see all offices
/// (and may choose one). A sensitive case is listed to its team only. Lines carry no
/// identifying data.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    operation_id = "list_cases",
    tag = "cases",
    params(CaseFilters),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "One page of the list", body = CasePage),
        (status = 400, description = "An id or choice could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not read case files", body = ErrorBody),
        (status = 422, description = "A filter names an unknown code", body = ErrorBody),
    )
)]
pub async fn list(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<CaseFilters>,
) -> Result<Json<CasePage>, ApiError> {
    let (query, page) = filters.into_query()?;
    let found = run(&state, move |app| app.cases(&actor, &query, page))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(Json(CasePage { items: found.items.into_iter().map(Into::into).collect(), page, more: found.more }))
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
    Ok(super::created(format!("/api/v1/cases/{id}"), Created { id: id.0 }))
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
    Ok(super::created(format!("/api/v1/cases/{id}"), Created { id: id.0 }))
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
    let id = CaseId(super::path_id(&id)?);
    let (file, today) = run(&state, move |app| Ok((app.case_file(&actor, id)?, app.today(&actor)?)))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(Json(case_dto(file, today)))
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
    let id = CaseId(super::path_id(&id)?);
    let version = super::required_version(input.version)?;
    if input.opened_on.is_some() {
        let problem = "is set when the case is opened and stays as it is";
        return Err(ApiError::unreadable(vec![FieldProblem::new("opened_on", problem)]));
    }
    let (case, _) = input.into_case(id, None)?;
    let version = super::service(&state, &fields::CASE, move |app| app.update_case(&actor, case, version)).await?;
    Ok(Json(Saved { id: id.0, version }))
}

/// Records an assessment of a person of the case against an indicator catalogue, and answers
/// what the catalogue's ILO rule makes of it and which indicators decided it.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/assessments",
    operation_id = "add_assessment",
    tag = "cases",
    params(("id" = Uuid, Path, description = "The case's id")),
    request_body = AssessmentInput,
    security(("api_token" = [])),
    responses(
        (status = 201, description = "Recorded, with its result", body = AssessmentCreated),
        (status = 400, description = "The body or a date could not be read", body = ErrorBody),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 403, description = "The role does not work on cases", body = ErrorBody),
        (status = 404, description = "No such case within reach, or the person is not in it", body = ErrorBody),
        (status = 422, description = "An unknown catalogue, indicator, answer or source, or a missing \
                                     source", body = ErrorBody),
    )
)]
pub async fn add_assessment(
    ApiActor(actor): ApiActor,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Response, ApiError> {
    let case = CaseId(super::path_id(&id)?);
    let mut reader = Reader::default();
    let assessed_on = reader.date("assessed_on", input.assessed_on.as_deref());
    let noted: Vec<Option<NaiveDate>> =
        input.answers.iter().map(|a| reader.date("answers.noted_on", a.noted_on.as_deref())).collect();
    reader.finish()?;
    let mut problems = Vec::new();
    let mut answers = Vec::new();
    for (given_answer, noted_on) in input.answers.into_iter().zip(noted) {
        let answer = Answer::parse(&given_answer.answer).unwrap_or_else(|| {
            let codes: Vec<&str> = Answer::ALL.iter().map(|a| a.code()).collect();
            problems.push(FieldProblem::new("answers.answer", unknown_code("answer", &given_answer.answer, &codes)));
            Answer::Unknown
        });
        let source = given(given_answer.source).and_then(|code| {
            let found = Source::parse(&code);
            if found.is_none() {
                let codes: Vec<&str> = Source::ALL.iter().map(|s| s.code()).collect();
                problems.push(FieldProblem::new("answers.source", unknown_code("source", &code, &codes)));
            }
            found
        });
        answers.push(IndicatorAnswer { indicator: given_answer.indicator.trim().to_owned(), answer, source, noted_on });
    }
    refuse(problems)?;
    let catalogue_id = input.catalogue.trim().to_owned();
    let (id, evaluation) = run(&state, move |app| {
        let assessment = Assessment {
            id: AssessmentId::new(),
            case_id: case,
            person_id: PersonId(input.person_id),
            catalogue: catalogue_id,
            edition: String::new(),
            assessed_on: match assessed_on {
                Some(day) => day,
                None => app.today(&actor)?,
            },
            assessor_id: None,
            minor: input.minor,
            answers,
        };
        app.add_assessment(&actor, assessment)
    })
    .await?
    .map_err(|e| ApiError::from_app(e, &fields::ASSESSMENT))?;
    Ok(part_created(AssessmentCreated { id: id.0, evaluation: EvaluationDto::from(&evaluation) }))
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
    let case = CaseId(super::path_id(&id)?);
    let mut reader = Reader::default();
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
    let case = CaseId(super::path_id(&id)?);
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
    let case = CaseId(super::path_id(&id)?);
    let proceeding_id = ProceedingId(super::path_id(&proceeding_id)?);
    let version = super::required_version(input.version)?;
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
    let case = CaseId(super::path_id(&id)?);
    let mut reader = Reader::default();
    let due_on = required_day(&mut reader, "due_on", &input.due_on);
    reader.finish()?;
    let Some(assignee_id) = input.assignee_id.map(AccountId).or(actor.account_id()) else {
        return Err(ApiError::invalid(vec![FieldProblem::new("assignee_id", "is required")]));
    };
    let task = Task {
        id: TaskId::new(),
        case_id: case,
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
    let case = CaseId(super::path_id(&id)?);
    let task = TaskId(super::path_id(&task_id)?);
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
    let case = CaseId(super::path_id(&id)?);
    let mut reader = Reader::default();
    let happened_on = required_day(&mut reader, "happened_on", &input.happened_on);
    reader.finish()?;
    let event = CaseEvent {
        id: EventId::new(),
        case_id: case,
        happened_on,
        kind: input.kind.trim().to_owned(),
        text: input.text,
        author_id: None,
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
    let case = CaseId(super::path_id(&id)?);
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
