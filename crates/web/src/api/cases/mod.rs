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
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use komek_app::{App, AppResult};
use komek_domain::{Currency, Money};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::appeals::MoneyDto;
use super::{ApiError, FieldProblem, TextValueReader};
use crate::{AppState, blocking};

mod assessment;
mod edit;
mod list;
mod page;
mod parts;

pub use assessment::*;
pub use edit::*;
pub use list::*;
pub use page::*;
pub use parts::*;

/// What a create saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// A date the request must give.
pub(super) fn required_day(reader: &mut TextValueReader, field: &str, text: &str) -> NaiveDate {
    if text.trim().is_empty() {
        reader.refuse(field, "is required (YYYY-MM-DD)");
    }
    reader.date(field, Some(text)).unwrap_or(NaiveDate::MIN)
}

/// An amount of the request; an unknown currency is named by its field.
pub(super) fn money(field: &str, amount: Option<MoneyDto>, problems: &mut Vec<FieldProblem>) -> Option<Money> {
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
pub(super) fn refuse(problems: Vec<FieldProblem>) -> Result<(), ApiError> {
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

/// A 201 answer without a readable address of its own: the part is read with its case.
pub(super) fn part_created<T: Serialize>(body: T) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}
