//! The JSON API (`/api/v1`): appeals, cases, persons, parties, partners, consents, referrals
//! and the HTCDS export for programs — a hotline
//! bot, a partner's case system, a report script — described by an OpenAPI document at
//! `/api/v1/openapi.json`.
//!
//! A request is authenticated by a per-user API token (`Authorization: Bearer …`, made with
//! `komek user token`) and acts as that user: handlers only parse, call the same service as
//! the pages with the token's actor, and answer, so access rules and the audit log are the
//! pages' own. Must not reach the store, render HTML, or use session cookies (a cookie-borne
//! API would need CSRF protection; a bearer token cannot be sent by another site's form).

mod appeals;
mod cases;
mod errors;
mod lookups;
mod openapi;
mod parties;
mod partners;
mod persons;
mod referrals;
mod visits;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use axum::routing::{MethodFilter, on};
use axum::{Json, Router, handler::Handler};
use chrono::{DateTime, NaiveDate, Utc};
use komek_app::{Actor, App, AppError, AppResult};
use komek_domain::lookups::{Catalogue, LookupList};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;
use uuid::Uuid;

pub use errors::{ApiError, ErrorBody, FieldProblem, unknown_code};

use crate::fields::{self, Naming};
use crate::{AppState, blocking};

/// Where the API lives; its version changes only when an answer would change incompatibly.
pub const PREFIX: &str = "/api/v1";

/// The API's routes with their body limit and time, to be merged into the application's
/// router. They sit outside the HTML error pages: every answer, even to an unknown path or
/// method or a body over the limit, is JSON.
pub fn routes() -> Router<AppState> {
    let routes = table().router.method_not_allowed_fallback(method_not_allowed).route(
        &format!("{PREFIX}/{{*unknown}}"),
        axum::routing::any(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API route") }),
    );
    crate::security::limits(routes).layer(axum::middleware::map_response(errors::json_refusals))
}

/// A router that remembers each route it is given, so that a test can hold the OpenAPI
/// document to exactly the routes served.
struct Table {
    router: Router<AppState>,
    routes: Vec<(Method, &'static str)>,
}

impl Table {
    fn route<H: Handler<T, AppState>, T: 'static>(mut self, method: Method, path: &'static str, handler: H) -> Self {
        let filter = MethodFilter::try_from(method.clone()).expect("the API uses standard methods only");
        self.router = self.router.route(path, on(filter, handler));
        self.routes.push((method, path));
        self
    }
}

/// Every route of the API. A path written here must be written the same way in the handler's
/// `#[utoipa::path]`; `openapi::tests` checks it.
fn table() -> Table {
    Table { router: Router::new(), routes: Vec::new() }
        .route(Method::GET, "/api/v1/openapi.json", openapi::document)
        .route(Method::GET, "/api/v1/lookups/{list}", lookups::read)
        .route(Method::GET, "/api/v1/appeals", appeals::list)
        .route(Method::POST, "/api/v1/appeals", appeals::create)
        .route(Method::GET, "/api/v1/appeals/{id}", appeals::read)
        .route(Method::PUT, "/api/v1/appeals/{id}", appeals::update)
        .route(Method::GET, "/api/v1/cases", cases::list)
        .route(Method::POST, "/api/v1/cases", cases::create)
        .route(Method::POST, "/api/v1/cases/from-appeal", cases::from_appeal)
        .route(Method::GET, "/api/v1/cases/{id}", cases::read)
        .route(Method::PUT, "/api/v1/cases/{id}", cases::update)
        .route(Method::POST, "/api/v1/cases/{id}/assessments", cases::add_assessment)
        .route(Method::POST, "/api/v1/cases/{id}/services", cases::add_service)
        .route(Method::POST, "/api/v1/cases/{id}/proceedings", cases::add_proceeding)
        .route(Method::PUT, "/api/v1/cases/{id}/proceedings/{proceeding_id}", cases::update_proceeding)
        .route(Method::POST, "/api/v1/cases/{id}/tasks", cases::add_task)
        .route(Method::PUT, "/api/v1/cases/{id}/tasks/{task_id}", cases::update_task)
        .route(Method::POST, "/api/v1/cases/{id}/events", cases::add_event)
        .route(Method::POST, "/api/v1/cases/{id}/notes", cases::add_note)
        .route(Method::GET, "/api/v1/persons", persons::search)
        .route(Method::POST, "/api/v1/persons", persons::create)
        .route(Method::GET, "/api/v1/persons/{id}", persons::read)
        .route(Method::PUT, "/api/v1/persons/{id}", persons::update)
        .route(Method::GET, "/api/v1/parties", parties::search)
        .route(Method::POST, "/api/v1/parties", parties::create)
        .route(Method::GET, "/api/v1/parties/{id}", parties::read)
        .route(Method::PUT, "/api/v1/parties/{id}", parties::update)
        .route(Method::POST, "/api/v1/parties/{id}/merge", parties::merge)
        .route(Method::GET, "/api/v1/parties/offenders", parties::offenders)
        .route(Method::GET, "/api/v1/parties/{id}/registry", parties::registry)
        .route(Method::GET, "/api/v1/partners", partners::find)
        .route(Method::POST, "/api/v1/partners", partners::add)
        .route(Method::GET, "/api/v1/partners/{id}", partners::read)
        .route(Method::PUT, "/api/v1/partners/{id}", partners::update)
        .route(Method::GET, "/api/v1/persons/{id}/consents", referrals::list_consents)
        .route(Method::POST, "/api/v1/persons/{id}/consents", referrals::record_consent)
        .route(Method::POST, "/api/v1/consents/{id}/withdrawal", referrals::withdraw_consent)
        .route(Method::GET, "/api/v1/referrals", referrals::list_referrals)
        .route(Method::POST, "/api/v1/referrals", referrals::make_referral)
        .route(Method::POST, "/api/v1/referrals/incoming", referrals::receive_referral)
        .route(Method::GET, "/api/v1/referrals/{id}", referrals::read_referral)
        .route(Method::POST, "/api/v1/referrals/{id}/steps", referrals::move_referral)
        .route(Method::GET, "/api/v1/cases/{id}/htcds", referrals::export_case)
        .route(Method::GET, "/api/v1/htcds", referrals::export_period)
        .route(Method::GET, "/api/v1/visits", visits::list)
        .route(Method::POST, "/api/v1/visits", visits::create)
        .route(Method::GET, "/api/v1/visits/{id}", visits::read)
        .route(Method::PUT, "/api/v1/visits/{id}", visits::update)
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this route does not take that method")
}

/// The staff member a request acts as, from its API token. Handlers take it first, so that a
/// request without a live token learns nothing else (not even whether its body was valid).
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(secret) = bearer_token(parts) else {
            return Err(ApiError::unauthorized(
                "send an API token as \"Authorization: Bearer TOKEN\" (an administrator makes one with `komek user token`)",
            ));
        };
        let app = state.app.clone();
        match blocking(move || app.api_actor(&secret)).await? {
            Ok(actor) => Ok(Self(actor)),
            Err(e) => Err(ApiError::from_app(e, &fields::PLAIN)),
        }
    }
}

/// The token of an `Authorization: Bearer …` header (the scheme in any case, RFC 9110).
fn bearer_token(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

/// A JSON body whose refusals are API errors (the plain `Json` answers in plain text).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::from_json(rejection)),
        }
    }
}

/// Query parameters whose refusals are API errors.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::try_from_uri(&parts.uri) {
            Ok(query) => Ok(Self(query.0)),
            Err(rejection) => Err(ApiError::from_query(rejection)),
        }
    }
}

/// Runs one service call off the async threads; its refusal becomes an API error with the
/// fields named as the request names them.
async fn service<T: Send + 'static>(
    state: &AppState,
    names: &'static Naming,
    call: impl FnOnce(&App) -> AppResult<T> + Send + 'static,
) -> Result<T, ApiError> {
    let app = state.app.clone();
    blocking(move || call(&app)).await?.map_err(|e: AppError| ApiError::from_app(e, names))
}

/// The answer to a create: where the new record is.
fn created<T: Serialize>(location: String, body: T) -> axum::response::Response {
    use axum::response::IntoResponse;
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(body)).into_response()
}

/// A record saved by a create or an update, and the version the next update must send.
#[derive(Debug, Serialize, ToSchema)]
pub struct Saved {
    pub id: Uuid,
    pub version: i64,
}

/// Reads the values of a request that are text in JSON but must be dates or ids, keeping a
/// problem for each one that is not, so that one answer names all of them.
#[derive(Debug, Default)]
struct TextValueReader {
    unreadable: Vec<FieldProblem>,
}

impl TextValueReader {
    fn date(&mut self, field: &str, text: Option<&str>) -> Option<NaiveDate> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        match komek_domain::rules::parse_day(text) {
            Some(day) => Some(day),
            None => {
                let (first, last) = (komek_domain::rules::FIRST_YEAR, komek_domain::rules::LAST_YEAR);
                let problem = format!("{text:?} is not a date (YYYY-MM-DD) of the years {first} to {last}");
                self.unreadable.push(FieldProblem::new(field, problem));
                None
            }
        }
    }

    fn instant(&mut self, field: &str, text: Option<&str>) -> Option<DateTime<Utc>> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        match DateTime::parse_from_rfc3339(text) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                let problem =
                    format!("{text:?} is not a time with its offset (RFC 3339, e.g. 2008-10-14T10:30:00+05:00)");
                self.unreadable.push(FieldProblem::new(field, problem));
                None
            }
        }
    }

    fn id(&mut self, field: &str, text: Option<&str>) -> Option<Uuid> {
        let text = text.map(str::trim).filter(|t| !t.is_empty())?;
        match Uuid::parse_str(text) {
            Ok(id) => Some(id),
            Err(_) => {
                self.unreadable.push(FieldProblem::new(field, format!("{text:?} is not an id (a UUID)")));
                None
            }
        }
    }

    fn refuse(&mut self, field: &str, problem: impl Into<String>) {
        self.unreadable.push(FieldProblem::new(field, problem));
    }

    /// Refuses the request (400) if any value could not be read.
    fn finish(self) -> Result<(), ApiError> {
        if self.unreadable.is_empty() { Ok(()) } else { Err(ApiError::unreadable(self.unreadable)) }
    }
}

/// The record id of a path (`/…/{id}`); anything but a UUID names no record.
fn path_id(text: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(text.trim()).map_err(|_| ApiError::not_found())
}

/// The version an update must send, so that it never overwrites a change it has not seen.
fn required_version(version: Option<i64>) -> Result<i64, ApiError> {
    version.ok_or_else(|| {
        ApiError::invalid(vec![FieldProblem::new(
            "version",
            "is required to update: send the version you read, so that a change made since is not overwritten",
        )])
    })
}

/// Whole numbers as JSON Schema counts them: `11128.0` is the integer 11128, so a client
/// whose language writes every number with a point is understood; `0.5` is refused (400)
/// naming the field, and so is a number outside the field's range.
mod whole {
    use serde::de::{Deserialize, Deserializer, Error};

    fn read<T: TryFrom<i64>, E: Error>(number: serde_json::Number) -> Result<T, E> {
        let whole = number.as_i64().or_else(|| {
            // 2^63 is the first float past i64::MAX; below it, a float with no fraction is exact.
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= -(2f64.powi(63)) && *f < 2f64.powi(63))
                .map(|f| f as i64)
        });
        let Some(whole) = whole else {
            return Err(E::custom(format!("{number} is not a whole number in range")));
        };
        T::try_from(whole).map_err(|_| E::custom(format!("{number} is out of range")))
    }

    pub fn required<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<T, D::Error> {
        read(serde_json::Number::deserialize(deserializer)?)
    }

    pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<Option<T>, D::Error> {
        Option::<serde_json::Number>::deserialize(deserializer)?.map(read).transpose()
    }
}

/// Why a filter's code finds nothing, if it names no code of its list as the organisation has
/// it (a retired code still finds the records that hold it): the list and its codes.
fn unknown_filter_code(lists: &Catalogue, list: LookupList, code: &str) -> Option<String> {
    let known = if list.editable { lists.entry(list, code).is_some() } else { list.contains(code) };
    (!known).then(|| {
        let codes = lists.codes(list);
        format!("unknown code {code:?} in the list {:?} (known codes: {})", list.name, codes.join(", "))
    })
}

/// Text that is empty means "not given".
fn given(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// How many search results to return: 20 unless asked, at most 100.
fn search_limit(limit: Option<usize>) -> usize {
    limit.unwrap_or(20).clamp(1, 100)
}

/// The search text, which a search over people or parties cannot do without.
fn search_text(q: Option<String>) -> Result<String, ApiError> {
    given(q).ok_or_else(|| {
        ApiError::unreadable(vec![FieldProblem::new("q", "is required: a name, phone or document number to look for")])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_and_bad_ids_are_each_named() {
        let mut reader = TextValueReader::default();
        assert_eq!(reader.date("follow_up_on", Some("2008-02-29")), NaiveDate::from_ymd_opt(2008, 2, 29));
        assert_eq!(reader.date("follow_up_on", Some("2009-02-29")), None);
        assert_eq!(reader.date("from", Some("  ")), None, "blank is not given, not wrong");
        assert!(reader.instant("received_at", Some("2008-10-14T10:30:00+05:00")).is_some());
        assert_eq!(reader.instant("received_at", Some("2008-10-14 10:30")), None);
        assert_eq!(reader.id("person", Some("husan")), None);
        let fields: Vec<String> = reader.unreadable.iter().map(|p| p.field.clone()).collect();
        assert_eq!(fields, ["follow_up_on", "received_at", "person"]);
        let answer = reader.finish().unwrap_err();
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert!(answer.body.message.contains("follow_up_on: \"2009-02-29\" is not a date"), "{}", answer.body.message);
    }

    #[test]
    fn only_a_bearer_token_is_taken() {
        let parts = |value: &str| {
            let request = Request::builder().header(header::AUTHORIZATION, value).body(()).unwrap();
            request.into_parts().0
        };
        assert_eq!(bearer_token(&parts("Bearer komek_abc")), Some("komek_abc".into()));
        assert_eq!(bearer_token(&parts("bearer  komek_abc ")), Some("komek_abc".into()));
        assert_eq!(bearer_token(&parts("Basic a29tZWs6eA==")), None);
        assert_eq!(bearer_token(&parts("Bearer ")), None);
    }
}
