//! Indicator assessments: the answers recorded and what the catalogue's ILO rule makes of them.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::NaiveDate;
use komek_domain::casework::{Assessment, IndicatorAnswer};
use komek_domain::indicators::{Answer, Evaluation, Source};
use komek_domain::{AssessmentId, CaseId, PersonId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::api::openapi::codes;
use crate::api::{ApiActor, ApiError, ApiJson, ErrorBody, FieldProblem, TextValueReader, given, unknown_code};
use crate::fields;

use super::*;

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
    let case = CaseId(crate::api::path_id(&id)?);
    let mut reader = TextValueReader::default();
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
