//! The API's one error shape, `{"error", "message", "fields"}`, and how every failure maps to
//! it: programs read the code and the fields, people read the message, so both must say
//! exactly what to fix. Messages are English: the API's readers are programs and those who
//! write them. Internal failures say nothing about the inside.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use komek_app::AppError;
use komek_domain::{ValidationError, indicators, law, lookups, referrals};

use crate::fields::Naming;
use serde::Serialize;
use utoipa::ToSchema;

/// What went wrong with a request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable code: `bad_request`, `unauthorized`, `forbidden`, `not_found`, `method_not_allowed`,
    /// `conflict`, `possible_duplicate`, `payload_too_large`, `unsupported_media_type`, `invalid`,
    /// `internal` or `unavailable`.
    #[schema(example = "invalid")]
    pub error: &'static str,
    /// One sentence saying what to fix, naming every field concerned.
    #[schema(example = "topics: unknown code \"wages\" in the list \"topic\" (known codes: employment, …)")]
    pub message: String,
    /// Each field that was refused, and why.
    pub fields: Vec<FieldProblem>,
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field as the request names it, e.g. `topics`, `wage`, `identity.birth_date`.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self { field: field.into(), problem: problem.into() }
    }
}

/// An error answer: a status and the body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl ApiError {
    pub fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> Self {
        Self { status, body: ErrorBody { error, message: message.into(), fields: Vec::new() } }
    }

    /// A request without a live token: the answer never says which of the reasons it was.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// Values that could not be read at all (not a date, not an id): nothing was saved.
    pub fn unreadable(problems: Vec<FieldProblem>) -> Self {
        Self::with_fields(StatusCode::BAD_REQUEST, "bad_request", problems)
    }

    /// Values that were read but are not allowed (an unknown code, a negative amount).
    pub fn invalid(problems: Vec<FieldProblem>) -> Self {
        Self::with_fields(StatusCode::UNPROCESSABLE_ENTITY, "invalid", problems)
    }

    fn with_fields(status: StatusCode, error: &'static str, fields: Vec<FieldProblem>) -> Self {
        let message = fields.iter().map(|f| format!("{}: {}", f.field, f.problem)).collect::<Vec<_>>().join("; ");
        Self { status, body: ErrorBody { error, message, fields } }
    }

    /// A new person who looks like persons already known (a phone or a document in common, or
    /// a close name with the same birth year): nothing was saved; the known ones are named so
    /// that the program can link one of them instead, or confirm that this is someone new.
    pub fn possible_duplicate(known: &[uuid::Uuid]) -> Self {
        let ids = known.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(", ");
        let problem = format!(
            "looks like the person(s) already known {ids}: use one of them, or send \"confirm_new_person\": true \
             to register a new person all the same"
        );
        Self {
            status: StatusCode::CONFLICT,
            body: ErrorBody {
                error: "possible_duplicate",
                message: format!("confirm_new_person: {problem}"),
                fields: vec![FieldProblem::new("confirm_new_person", problem)],
            },
        }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "no such record within your reach")
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "API request failed");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server could not complete the request; nothing is known to have been saved, try again later",
        )
    }

    /// A service's refusal, with its fields named as the request names them.
    pub fn from_app(error: AppError, names: &Naming) -> Self {
        match error {
            AppError::Forbidden => Self::new(StatusCode::FORBIDDEN, "forbidden", "your role may not do this"),
            AppError::NotFound => Self::not_found(),
            AppError::Invalid(errors) => Self::invalid(errors.iter().map(|e| problem_of(e, names)).collect()),
            AppError::Conflict => Self::new(
                StatusCode::CONFLICT,
                "conflict",
                "the record was changed by someone else since the version you sent: read it again and send \
                 your change with its current version",
            ),
            AppError::NotConsented { consent, refused } => {
                let problem = FieldProblem::new(refused.field(), format!("{refused} (consent {consent})"));
                let mut error = Self::invalid(vec![problem]);
                error.body.error = "not_consented";
                error
            }
            AppError::SessionEnded => {
                Self::unauthorized("the API token is unknown, revoked, or its account is disabled")
            }
            other => Self::internal(other),
        }
    }

    /// A body over the limit, whether the limit's layer or the JSON reader found it.
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is too large: at most {} KiB", crate::security::MAX_BODY_BYTES / 1024),
        )
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with \"Content-Type: application/json\"",
        )
    }

    /// An error answer made outside the handlers, by status alone.
    fn of_status(status: StatusCode) -> Self {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => Self::too_large(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::unsupported_media_type(),
            StatusCode::NOT_FOUND => Self::new(status, "not_found", "no such API route"),
            StatusCode::METHOD_NOT_ALLOWED => {
                Self::new(status, "method_not_allowed", "this route does not take that method")
            }
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT => {
                Self::new(status, "unavailable", "the server is busy: nothing is known to have been saved, try again")
            }
            s if s.is_client_error() => Self::new(status, "bad_request", s.canonical_reason().unwrap_or("bad request")),
            _ => Self::internal(format!("a {status} answer made outside the API's handlers")),
        }
    }

    pub fn from_json(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => Self::unsupported_media_type(),
            JsonRejection::JsonDataError(e) => Self::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text()),
            JsonRejection::JsonSyntaxError(e) => Self::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text()),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Self::too_large(),
            other => Self::new(StatusCode::BAD_REQUEST, "bad_request", other.body_text()),
        }
    }

    pub fn from_query(rejection: QueryRejection) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", rejection.body_text())
    }
}

/// A validation error as one field problem, a lookup code with the codes the list knows.
fn problem_of(error: &ValidationError, names: &Naming) -> FieldProblem {
    let field = names.api(error.field());
    if let Some(explanation) = names.explanation(error) {
        return FieldProblem::new(field, explanation);
    }
    let problem = match error {
        ValidationError::Required { .. } => "is required".to_owned(),
        ValidationError::UnknownCode { list, code, .. } => unknown_code(list, code, &known_codes(list)),
        ValidationError::Taken { .. } => "is already taken".to_owned(),
        ValidationError::RetiredCode { list, code, .. } => {
            format!(
                "the code {code:?} of the list {list:?} is retired: it stays on records that hold it, and is not chosen for others"
            )
        }
        ValidationError::Negative { .. } => "must not be negative".to_owned(),
        ValidationError::TooLong { max, .. } => format!("is too long (at most {max} characters)"),
        ValidationError::Invalid { .. } => "is not a valid value".to_owned(),
        ValidationError::ControlCharacter { .. } => {
            "must not contain control characters (NUL, escapes; line breaks and tabs only in multi-line text)"
                .to_owned()
        }
        ValidationError::TooLarge { max, .. } => {
            format!("is too large (at most {} minor units of {})", max.minor, max.currency.code())
        }
        ValidationError::TooMany { max, .. } => format!("has too many entries (at most {max})"),
        ValidationError::MoreThan { max, .. } => format!("must not be more than {max}, the count it is part of"),
        ValidationError::Future { .. } => format!(
            "must not be in the future (up to {} minutes ahead of the server's clock are allowed)",
            komek_domain::rules::CLOCK_SKEW_MINUTES
        ),
    };
    FieldProblem::new(field, problem)
}

/// What the API says of a code not in its list: the list and every code it knows (of an
/// editable list, the codes it ships with: the organisation's own come on top).
pub fn unknown_code(list: &str, code: &str, codes: &[&str]) -> String {
    let editable =
        list == law::ARTICLE_LIST || lookups::ALL.iter().chain(law::LISTS).any(|l| l.name == list && l.editable);
    let known = if editable { "codes shipped, besides those the organisation added" } else { "known codes" };
    format!("unknown code {code:?} in the list {list:?} ({known}: {})", codes.join(", "))
}

/// The codes a list knows: a lookup list, a list of the law, the articles of the law, the
/// indicator catalogues, or one catalogue's indicators.
fn known_codes(list: &str) -> Vec<&'static str> {
    if let Some(found) = lookups::ALL.iter().chain(law::LISTS).find(|l| l.name == list) {
        return found.codes.to_vec();
    }
    match list {
        law::ARTICLE_LIST => law::ARTICLES.iter().map(|a| a.code).collect(),
        referrals::SHAREABLE_FIELD_LIST => referrals::SHAREABLE_FIELDS.iter().map(|(field, _)| *field).collect(),
        "catalogue" => indicators::CATALOGUES.iter().map(|c| c.id).collect(),
        catalogue => {
            indicators::catalogue(catalogue).map(|c| c.indicators.iter().map(|i| i.code).collect()).unwrap_or_default()
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"komek\""));
        }
        response
    }
}

/// Gives the error answers that layers outside the handlers make (the body limit's 413, the
/// timeout's 503) the API's JSON shape, so that a client reads every refusal the same way.
pub async fn json_refusals(response: Response) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    ApiError::of_status(status).into_response()
}

impl From<crate::errors::WebError> for ApiError {
    fn from(e: crate::errors::WebError) -> Self {
        Self::internal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_code_names_the_field_the_list_and_what_it_knows() {
        let error = AppError::Invalid(vec![
            ValidationError::UnknownCode { field: "topics", list: "topic", code: "wages".into() },
            ValidationError::Negative { field: "wage" },
        ]);
        let answer = ApiError::from_app(error, &crate::fields::APPEAL);
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.body.fields[0].field, "topics");
        assert!(
            answer
                .body
                .message
                .starts_with("topics: unknown code \"wages\" in the list \"topic\" (codes shipped, besides those the organisation added: employment,")
        );
        assert!(answer.body.message.ends_with("; wage: must not be negative"), "{}", answer.body.message);
    }

    #[test]
    fn codes_of_the_law_and_catalogues_are_named_when_unknown() {
        let problem = |naming, error: ValidationError| problem_of(&error, naming).problem;
        let article = ValidationError::UnknownCode { field: "articles", list: law::ARTICLE_LIST, code: "x".into() };
        assert!(problem(&crate::fields::PROCEEDING, article).contains("cc2014-128"));
        let stage = ValidationError::UnknownCode { field: "stage", list: "proceeding-stage", code: "x".into() };
        assert!(problem(&crate::fields::PROCEEDING, stage).contains("complaint-filed"));
        let catalogue = ValidationError::UnknownCode { field: "catalogue", list: "catalogue", code: "ilo".into() };
        assert!(problem(&crate::fields::ASSESSMENT, catalogue).contains("ilo-2012-forced-labour"));
        let indicator = ValidationError::UnknownCode {
            field: "answers.indicator",
            list: indicators::FORCED_LABOUR.id,
            code: "x".into(),
        };
        let named = problem_of(&indicator, &crate::fields::ASSESSMENT);
        assert_eq!(named.field, "answers.indicator");
        assert!(named.problem.contains(indicators::FORCED_LABOUR.indicators[0].code), "{}", named.problem);
    }

    #[test]
    fn a_field_a_referral_cannot_carry_is_answered_with_those_it_can() {
        let field =
            ValidationError::UnknownCode { field: "fields", list: referrals::SHAREABLE_FIELD_LIST, code: "x".into() };
        let named = problem_of(&field, &crate::fields::REFERRAL);
        assert!(named.problem.contains("full-name, birth-date"), "{}", named.problem);
    }

    #[test]
    fn a_case_refusal_is_named_and_explained_as_the_request_names_it() {
        let names = &crate::fields::CASE;
        let status = ValidationError::UnknownCode { field: "victims.status", list: "victim-status", code: "x".into() };
        assert_eq!(problem_of(&status, names).field, "persons.victim_status");
        let outcomes = problem_of(&ValidationError::Required { field: "outcomes" }, names);
        assert!(outcomes.problem.starts_with("closing a case needs what it achieved"), "{}", outcomes.problem);
    }

    #[test]
    fn internal_failures_say_nothing_about_the_inside() {
        let answer = ApiError::internal("database at /var/lib/komek is on fire");
        assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!answer.body.message.contains("/var/lib"));
    }
}
