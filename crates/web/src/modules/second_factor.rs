//! The second step of sign-in: enrolling an authenticator app, and entering its codes.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::auth::LoginError;
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::auth::{locked_until, login_refusal};
use crate::errors::WebError;
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::{AppState, blocking};

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

fn code_field(tr: Tr<'_>, error: &Option<String>) -> Markup {
    html! {
        label for="code" { (tr.t("second-factor-code")) }
        input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required autofocus
            autocapitalize="none" spellcheck="false"
            aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| "code-error")];
        @if let Some(e) = error { p.field-error #code-error role="alert" { (e) } }
    }
}

fn code_page(tr: Tr<'_>, current: &Current, error: Option<String>) -> Markup {
    layout::signing_in_page(
        tr,
        &tr.t("second-factor-title"),
        Some(&current.session.csrf_token),
        html! {
            h1 { (tr.t("second-factor-title")) }
            p { (tr.t("second-factor-intro")) }
            form method="post" action="/login/second-factor" {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                (code_field(tr, &error))
                button type="submit" { (tr.t("second-factor-submit")) }
            }
            (logout_form(tr, current))
        },
    )
}

fn logout_form(tr: Tr<'_>, current: &Current) -> Markup {
    html! {
        form method="post" action="/logout" {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            button.secondary type="submit" { (tr.t("logout")) }
        }
    }
}

/// Where a session goes once it is through: first the password change, if one is due.
fn next_page(current: &Current) -> &'static str {
    if current.session.account.must_change_password { "/account/password" } else { "/" }
}

fn onwards(current: &Current) -> Response {
    Redirect::to(next_page(current)).into_response()
}

pub async fn form(State(state): State<AppState>, current: Current) -> Result<Response, WebError> {
    if current.session.second_factor_ok {
        return Ok(onwards(&current));
    }
    let app = state.app.clone();
    let session = current.session.clone();
    if !blocking(move || app.is_enrolled(&session)).await?? {
        return Ok(Redirect::to("/login/enrol").into_response());
    }
    Ok(code_page(current.tr(&state), &current, None).into_response())
}

pub async fn verify(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let app = state.app.clone();
    let session = current.session.clone();
    match blocking(move || app.verify_second_factor(&session, &form.code)).await? {
        Ok(()) => Ok(onwards(&current)),
        Err(LoginError::Internal(e)) => Err(e.into()),
        Err(e) => {
            let tr = current.tr(&state);
            let message = match e {
                LoginError::BadCredentials => tr.t("second-factor-error"),
                // Past the password the account is known to its holder: say until when.
                LoginError::Locked { until } => locked_until(tr, until),
                other => login_refusal(tr, &other).unwrap_or_default(),
            };
            Ok((StatusCode::UNAUTHORIZED, code_page(tr, &current, Some(message))).into_response())
        }
    }
}

async fn enrol_page(state: &AppState, current: &Current, error: Option<String>) -> Result<Response, WebError> {
    let app = state.app.clone();
    let session = current.session.clone();
    let enrolment = blocking(move || app.begin_enrolment(&session)).await??;
    let tr = current.tr(state);
    let status = if error.is_some() { StatusCode::UNAUTHORIZED } else { StatusCode::OK };
    let page = layout::signing_in_page(
        tr,
        &tr.t("enrol-title"),
        Some(&current.session.csrf_token),
        html! {
            h1 { (tr.t("enrol-title")) }
            p { (tr.t("enrol-intro")) }
            p { (tr.t("enrol-step-scan")) }
            // The SVG is drawn by our own QR encoder from the secret: markup we made, not input.
            figure.qr { (PreEscaped(enrolment.qr_svg)) }
            p { (tr.t("enrol-key")) ": " code #secret { (enrolment.secret_text) } }
            p { (tr.t("enrol-step-confirm")) }
            form method="post" action="/login/enrol" {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                (code_field(tr, &error))
                button type="submit" { (tr.t("enrol-submit")) }
            }
            (logout_form(tr, current))
        },
    );
    Ok((status, page).into_response())
}

pub async fn enrol_form(State(state): State<AppState>, current: Current) -> Result<Response, WebError> {
    if current.session.second_factor_ok {
        return Ok(onwards(&current));
    }
    enrol_page(&state, &current, None).await
}

pub async fn enrol(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let app = state.app.clone();
    let session = current.session.clone();
    match blocking(move || app.confirm_enrolment(&session, &form.code)).await? {
        Ok(codes) => {
            let tr = current.tr(&state);
            let next = next_page(&current);
            Ok(layout::signing_in_page(
                tr,
                &tr.t("recovery-title"),
                Some(&current.session.csrf_token),
                html! {
                    h1 { (tr.t("recovery-title")) }
                    p { (tr.t("recovery-intro")) }
                    ul.recovery #recovery-codes { @for code in &codes { li { code { (code) } } } }
                    p { a.button href=(next) { (tr.t("recovery-continue")) } }
                },
            )
            .into_response())
        }
        Err(LoginError::Internal(e)) => Err(e.into()),
        Err(LoginError::BadCredentials) => {
            let message = current.tr(&state).t("enrol-error");
            enrol_page(&state, &current, Some(message)).await
        }
        Err(other) => {
            let tr = current.tr(&state);
            let message = match other {
                LoginError::Locked { until } => locked_until(tr, until),
                other => login_refusal(tr, &other).unwrap_or_default(),
            };
            Ok((StatusCode::UNAUTHORIZED, code_page(tr, &current, Some(message))).into_response())
        }
    }
}
