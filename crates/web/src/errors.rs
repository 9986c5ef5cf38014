//! What can go wrong in a page handler, as a status. Handlers return `WebError`; the page
//! in the user's language is written for it, and for axum's own refusals, by
//! [`crate::layout::render_errors`], so no failure ever shows a user an English technical
//! message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use komek_app::AppError;

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
            AppError::Invalid(_) | AppError::NotConsented { .. } => Self::BadRequest,
            other => Self::Internal(other.to_string()),
        }
    }
}

impl WebError {
    pub(crate) fn status(&self) -> StatusCode {
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

pub async fn not_found() -> WebError {
    WebError::NotFound
}
