//! The case desk: the case list, a case's file read as a timeline, and the forms that change
//! it. Every handler parses, calls one service of `komek_app` (which checks access, seals and
//! audits), and renders; a refused form comes back with what was typed and its errors.

pub mod assessment;
pub mod edit;
pub mod list;
pub mod page;
pub mod part_forms;
pub mod parts;
pub mod people;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::AppState;
use crate::forms::FieldErrors;

/// The case desk's routes. Evidence uploads are the one route with large bodies: they get
/// their own limit (see `upload_routes`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list::list))
        .route("/cases/{id}", get(page::show))
        .route("/cases/{id}/edit", get(edit::form).post(edit::save))
        .route("/cases/{id}/close", get(edit::close_form).post(edit::save))
        .route("/cases/{id}/break-glass", post(page::break_glass))
        .route("/cases/{id}/people", get(people::find).post(people::add))
        .route("/cases/{id}/assessments/new", get(assessment::form).post(assessment::save))
        .route("/cases/{id}/events", post(parts::add_event))
        .route("/cases/{id}/services", post(parts::add_service))
        .route("/cases/{id}/proceedings", post(parts::add_proceeding))
        .route("/cases/{id}/proceedings/{proceeding}/edit", get(parts::proceeding_form).post(parts::save_proceeding))
        .route("/cases/{id}/tasks", post(parts::add_task))
        .route("/cases/{id}/tasks/{task}/done", post(parts::task_done))
        .route("/cases/{id}/notes", post(parts::add_note))
        .route("/cases/{id}/evidence/{file}", get(parts::download_evidence))
}

/// Largest upload body: the largest evidence file and the multipart framing around it.
/// Anything up to twice the file limit still gets a page that explains; beyond, the
/// connection is refused outright.
pub const MAX_UPLOAD_BODY_BYTES: usize = 2 * komek_domain::evidence::MAX_EVIDENCE_BYTES;

/// Uploads over a slow connection take long: a generous time, only here.
pub const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The upload routes (evidence files, scans of signed consent forms), with their own body
/// limit and time.
pub fn upload_routes() -> Router<AppState> {
    let router = Router::new()
        .route("/cases/{id}/evidence", post(parts::upload_evidence))
        .route("/persons/{id}/consents/{consent}/scan", post(crate::modules::referrals::consents::attach_scan))
        .route("/monitoring/{id}/photos", post(crate::modules::monitoring::visit::attach_photo))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY_BYTES));
    crate::security::with_limits(router, MAX_UPLOAD_BODY_BYTES, UPLOAD_TIMEOUT)
}

/// Calls a service with what a form gave, unless reading the form already found problems
/// (then the answer is "invalid", and the handler shows the form again with them).
pub(crate) async fn save_unless_refused(
    state: &AppState,
    current: &crate::session::Current,
    errors: &FieldErrors,
    save: impl FnOnce(&komek_app::App, &komek_app::Actor) -> Result<(), komek_app::AppError> + Send + 'static,
) -> Result<Result<(), komek_app::AppError>, crate::errors::WebError> {
    if !errors.is_empty() {
        return Ok(Err(komek_app::AppError::Invalid(Vec::new())));
    }
    let (app, actor) = (state.app.clone(), current.actor.clone());
    crate::blocking(move || save(&app, &actor)).await
}
