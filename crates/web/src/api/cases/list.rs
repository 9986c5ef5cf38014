//! `GET /api/v1/cases`: the case list, its filters and its lines (no identifying data).

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use komek_app::cases::{CaseListEntry, CaseQuery};
use komek_domain::{AccountId, OfficeId, lookups};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::api::openapi::codes;
use crate::api::{ApiActor, ApiError, ApiQuery, ErrorBody, FieldProblem, TextValueReader, given, unknown_code};
use crate::fields;

use super::*;

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

impl From<CaseListEntry> for CaseLineDto {
    fn from(l: CaseListEntry) -> Self {
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
    fn into_query(self, lists: &komek_domain::lookups::Catalogue) -> Result<(CaseQuery, i64), ApiError> {
        let mut reader = TextValueReader::default();
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
        if let Some(problem) =
            kind.as_deref().and_then(|c| super::super::unknown_filter_code(lists, lookups::CASE_KIND, c))
        {
            unknown.push(FieldProblem::new("kind", problem));
        }
        refuse(unknown)?;
        Ok((CaseQuery { status, kind, office, lead, overdue }, self.page.unwrap_or(0)))
    }
}

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
    let (query, page) = filters.into_query(&state.i18n.lists())?;
    let found = run(&state, move |app| app.cases(&actor, &query, page))
        .await?
        .map_err(|e| ApiError::from_app(e, &fields::PLAIN))?;
    Ok(Json(CasePage { items: found.items.into_iter().map(Into::into).collect(), page, more: found.more }))
}
