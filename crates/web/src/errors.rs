//! One place where whatever went wrong becomes a status and a page in the user's language.
//!
//! Handlers return `WebError`; axum's own refusals (unknown route, malformed form, body too
//! large) are plain-text responses. `render_errors` turns both into the same translated page,
//! so no failure ever shows a user an English technical message.

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use komek_app::AppError;

use crate::AppState;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("bad request")]
    BadRequest,
    /// A form from an earlier session (its CSRF token is not this session's).
    #[error("stale form")]
    StaleForm,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => Self::NotFound,
            AppError::Forbidden => Self::Forbidden,
            AppError::Invalid(_) => Self::BadRequest,
            other => Self::Internal(other.to_string()),
        }
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::StaleForm => StatusCode::CONFLICT,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        // The body is written by `render_errors`, which knows the user's language.
        self.status().into_response()
    }
}

fn message_id(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::FORBIDDEN => "error-forbidden",
        StatusCode::CONFLICT => "error-stale-form",
        s if s.is_client_error() => "error-bad-request",
        _ => "error-internal",
    }
}

/// Replaces the body of every error response that is not already a page.
pub async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = crate::session::request_lang(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        // Pages are already in the user's language; JSON (the health check) stays for machines.
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_page {
        return response;
    }
    let tr = crate::i18n::Tr { i18n: &state.i18n, lang };
    (status, crate::layout::error_page(tr, message_id(status))).into_response()
}

pub async fn not_found() -> WebError {
    WebError::NotFound
}
