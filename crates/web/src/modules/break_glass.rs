//! The way into a record outside one's reach: a written reason, recorded and shown to the
//! manager ("break glass"). Offered where a record page would say "not found", so the offer
//! itself tells nobody whether the record exists or who is in it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use komek_app::AppError;
use komek_domain::Capability;
use maud::{Markup, html};

use crate::AppState;
use crate::errors::WebError;
use crate::layout;
use crate::session::Current;

/// The answer of a record page, or of its break-glass form (`typed_reason` given): the page
/// when the record was read; for a record not there for this reader, the offer to break
/// glass; for a reason too short, the offer again with what was typed.
pub fn answer<T>(
    state: &AppState,
    current: &Current,
    result: Result<T, AppError>,
    action: &str,
    typed_reason: Option<&str>,
    render: impl FnOnce(T) -> Markup,
) -> Result<Response, WebError> {
    match result {
        Ok(record) => Ok(render(record).into_response()),
        Err(AppError::NotFound) if typed_reason.is_none() && current.actor.can(Capability::ViewIdentifying) => {
            Ok(offer(state, current, action, None))
        }
        Err(AppError::Invalid(_)) if typed_reason.is_some() => Ok(offer(state, current, action, typed_reason)),
        Err(e) => Err(e.into()),
    }
}

/// The "not found, or outside your reach" page with the break-glass form. `reason` is what
/// was typed when it was too short to count.
fn offer(state: &AppState, current: &Current, action: &str, reason: Option<&str>) -> Response {
    let tr = current.tr(state);
    let title = tr.t("break-glass-title");
    let min = komek_app::break_glass::MIN_REASON_CHARS;
    let content = html! {
        h1 { (title) }
        p { (tr.t("break-glass-about")) }
        form.break-glass method="post" action=(action) {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            label for="reason" { (tr.t("break-glass-reason")) }
            textarea #reason name="reason" rows="3" required minlength=(min)
                aria-invalid=[reason.is_some().then_some("true")]
                aria-describedby=[reason.is_some().then_some("reason-error")] { (reason.unwrap_or_default()) }
            @if reason.is_some() { p.field-error #reason-error { (tr.t_with("break-glass-reason-short", "min", min)) } }
            button.secondary type="submit" { (tr.t("break-glass-open")) }
        }
    };
    let status = if reason.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::NOT_FOUND };
    (status, layout::page(tr, current, &title, "", content)).into_response()
}
