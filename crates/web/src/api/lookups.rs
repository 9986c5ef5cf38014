//! The organisation's lists, for programs: every code a list has now, with its labels in the
//! staff languages and whether it is retired, so that a client sends codes the server takes.

use axum::Json;
use axum::extract::{Path, State};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiActor, ApiError, ErrorBody};
use crate::AppState;
use crate::i18n::{Lang, Tr};

/// One code of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CodeDto {
    pub code: String,
    /// The label in each staff language (`ru`, `kk`, `en`): the organisation's, else the
    /// shipped translation.
    pub labels: std::collections::BTreeMap<String, String>,
    /// Whether Komek ships the code (else the organisation added it).
    pub shipped: bool,
    /// From this day the code is no longer taken for a new record; records that hold it keep it.
    pub retired_on: Option<NaiveDate>,
}

/// A list as the organisation has it, in the order its forms show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListDto {
    pub list: String,
    /// Whether the organisation's administrator edits it (else it is as Komek ships it).
    pub editable: bool,
    pub codes: Vec<CodeDto>,
}

/// The codes of a lookup list, retired ones too.
#[utoipa::path(
    get,
    path = "/api/v1/lookups/{list}",
    operation_id = "read_list",
    tag = "meta",
    params(("list" = String, Path, description = "A list's name, as the schemas of codes name it (`topic`, `district`, `authority` …)")),
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The list's codes", body = ListDto),
        (status = 401, description = "No live API token", body = ErrorBody),
        (status = 404, description = "No list of that name", body = ErrorBody),
    )
)]
pub async fn read(
    ApiActor(_actor): ApiActor,
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<ListDto>, ApiError> {
    let lists = state.i18n.lists();
    let list = lists.list(&name).ok_or_else(ApiError::not_found)?;
    let codes = lists
        .entries(list)
        .iter()
        .map(|entry| CodeDto {
            code: entry.code.clone(),
            labels: Lang::ALL
                .into_iter()
                .map(|lang| (lang.code().to_owned(), Tr { i18n: &state.i18n, lang }.lookup(list, &entry.code)))
                .collect(),
            shipped: entry.shipped,
            retired_on: entry.retired_on,
        })
        .collect();
    Ok(Json(ListDto { list: list.name.to_owned(), editable: list.editable, codes }))
}
