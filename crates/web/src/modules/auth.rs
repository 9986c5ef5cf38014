//! Logging in and out, the password page, the language switch.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::auth::{LoginError, MIN_PASSWORD_CHARS};
use komek_app::crypto::random_hex;
use maud::{Markup, html};
use serde::Deserialize;

use crate::errors::WebError;
use crate::i18n::{Lang, Tr};
use crate::layout;
use crate::session::{self, Current, LANG_COOKIE, LOGIN_COOKIE, SESSION_COOKIE, set_cookie};
use crate::{AppState, blocking};

const YEAR_SECONDS: i64 = 365 * 24 * 3600;

#[derive(Deserialize)]
pub struct LoginQuery {
    lang: Option<String>,
    ended: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub(super) fn login_refusal(tr: Tr<'_>, error: &LoginError) -> Option<String> {
    match error {
        // A locked account answers as an unknown name does, or the answer would confirm
        // which usernames exist; the help said to both tells a locked person what to do.
        LoginError::BadCredentials | LoginError::Locked { .. } => {
            Some(format!("{} {}", tr.t("login-error-bad"), tr.t("login-error-help")))
        }
        LoginError::AddressThrottled => Some(tr.t("login-error-throttled")),
        LoginError::Disabled => Some(tr.t("login-error-disabled")),
        LoginError::Internal(_) => None,
    }
}

/// "Locked until 14:05", on the organisation's clock: said only to someone who has passed the
/// password, to whom the account is no secret.
pub(super) fn locked_until(tr: Tr<'_>, until: chrono::DateTime<chrono::Utc>) -> String {
    // Before an office is known, the organisation's own clock (Kazakhstan's) tells.
    let minutes = komek_app::clock::DEFAULT_UTC_OFFSET_MINUTES;
    let clock = chrono::FixedOffset::east_opt(minutes * 60).expect("a valid offset");
    tr.t_with("login-error-locked", "until", until.with_timezone(&clock).format("%H:%M").to_string())
}

fn login_page(tr: Tr<'_>, token: &str, username: &str, notice: Option<String>, error: Option<String>) -> Markup {
    layout::public_page(
        tr,
        &tr.t("login-title"),
        html! {
            h1 { (tr.t("login-title")) }
            p { (tr.t("login-intro")) }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            @if let Some(error) = &error { p.error #login-error role="alert" { (error) } }
            form method="post" action="/login" {
                input type="hidden" name="csrf" value=(token);
                label for="username" { (tr.t("login-username")) }
                input #username name="username" type="text" autocomplete="username" required autofocus
                    autocapitalize="none" spellcheck="false" value=(username)
                    aria-describedby=[error.as_ref().map(|_| "login-error")];
                label for="password" { (tr.t("login-password")) }
                input #password name="password" type="password" autocomplete="current-password" required;
                button type="submit" { (tr.t("login-submit")) }
            }
        },
    )
}

/// Shows the login form with a fresh double-submit token (and remembers a chosen language).
pub async fn login_form(
    State(state): State<AppState>,
    Query(query): Query<LoginQuery>,
    headers: HeaderMap,
) -> Response {
    let chosen = query.lang.as_deref().and_then(Lang::parse);
    let lang = chosen.unwrap_or_else(|| session::request_lang(&headers));
    let tr = Tr { i18n: &state.i18n, lang };
    let token = random_hex(16);
    let notice = query.ended.map(|_| tr.t("session-ended"));
    let secure = state.config.secure_cookies;
    let mut response = login_page(tr, &token, "", notice, None).into_response();
    let cookies = response.headers_mut();
    cookies.append(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, &token, None, secure));
    if let Some(lang) = chosen {
        cookies.append(header::SET_COOKIE, set_cookie(LANG_COOKIE, lang.code(), Some(YEAR_SECONDS), secure));
    }
    response
}

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let lang = session::request_lang(&headers);
    let tr = Tr { i18n: &state.i18n, lang };
    let secure = state.config.secure_cookies;
    let expected = session::cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    let refuse = |status: StatusCode, message: String| {
        // A new token each time: the page must be able to try again.
        let token = random_hex(16);
        let mut response = (status, login_page(tr, &token, &form.username, None, Some(message))).into_response();
        response.headers_mut().append(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, &token, None, secure));
        response
    };
    if expected.is_empty() || !session::same_secret(expected, &form.csrf) {
        return Ok(refuse(StatusCode::FORBIDDEN, tr.t("login-error-expired")));
    }
    let app = state.app.clone();
    let (username, password) = (form.username.clone(), form.password.clone());
    let client = session::client_address(&headers, peer.ip(), state.config.trusted_proxy);
    let result = blocking(move || app.login(&username, &password, client)).await?;
    let session = match result {
        Ok(session) => session,
        Err(LoginError::Internal(e)) => return Err(e.into()),
        Err(e) => {
            let status = match e {
                LoginError::AddressThrottled => StatusCode::TOO_MANY_REQUESTS,
                LoginError::Disabled => StatusCode::FORBIDDEN,
                _ => StatusCode::UNAUTHORIZED,
            };
            return Ok(refuse(status, login_refusal(tr, &e).unwrap_or_default()));
        }
    };
    // The dashboard's guard sends a session that still needs its second step there first.
    let mut response = Redirect::to("/").into_response();
    let cookies = response.headers_mut();
    cookies.append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, &session.token, None, secure));
    cookies.append(header::SET_COOKIE, set_cookie(LANG_COOKIE, &session.account.language, Some(YEAR_SECONDS), secure));
    cookies.append(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, "", Some(0), secure));
    Ok(response)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Where this browser's session goes when logging out.
enum Scope {
    ThisBrowser,
    Everywhere,
}

async fn end_sessions(state: &AppState, current: Current, csrf: &str, scope: Scope) -> Result<Response, WebError> {
    current.check_csrf(state, csrf).await?;
    let app = state.app.clone();
    blocking(move || match scope {
        Scope::ThisBrowser => app.logout(&current.session),
        Scope::Everywhere => app.logout_everywhere(&current.actor).map(|_| ()),
    })
    .await??;
    let clear = set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies);
    Ok(([(header::SET_COOKIE, clear)], Redirect::to("/login")).into_response())
}

pub async fn logout(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    end_sessions(&state, current, &form.csrf, Scope::ThisBrowser).await
}

pub async fn logout_everywhere(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    end_sessions(&state, current, &form.csrf, Scope::Everywhere).await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
}

pub async fn set_language(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<LanguageForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let lang = Lang::parse(&form.language).ok_or(WebError::BadRequest)?;
    let app = state.app.clone();
    let actor = current.actor.clone();
    blocking(move || app.set_language(&actor, lang.code())).await??;
    let cookie = set_cookie(LANG_COOKIE, lang.code(), Some(YEAR_SECONDS), state.config.secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}

/// What the password form shows next to each field.
#[derive(Default)]
struct PasswordErrors {
    current: Option<String>,
    new: Option<String>,
    repeat: Option<String>,
}

fn password_page(tr: Tr<'_>, current: &Current, errors: PasswordErrors, done: bool) -> Markup {
    let first_login = current.session.account.must_change_password;
    let field = |id: &str, label: String, autocomplete: &str, error: &Option<String>, focus: bool| {
        html! {
            label for=(id) { (label) }
            input #(id) name=(id) type="password" autocomplete=(autocomplete) required autofocus[focus]
                aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{id}-error"))];
            @if let Some(e) = error { p.field-error id={ (id) "-error" } { (e) } }
        }
    };
    let content = html! {
        h1 { (tr.t("password-title")) }
        @if first_login { p.notice { (tr.t("password-first-login")) } }
        @if done { p.notice role="status" { (tr.t("password-changed")) } }
        form method="post" action="/account/password" {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            (field("current", tr.t("password-current"), "current-password", &errors.current, errors.new.is_none() && errors.repeat.is_none()))
            (field("new", tr.t("password-new"), "new-password", &errors.new, errors.new.is_some()))
            p.hint { (tr.t_with("password-rules", "min", MIN_PASSWORD_CHARS)) }
            (field("repeat", tr.t("password-repeat"), "new-password", &errors.repeat, false))
            button type="submit" { (tr.t("password-submit")) }
        }
        @if !first_login {
            form method="post" action="/account/logout-everywhere" {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                button.secondary type="submit" { (tr.t("logout-everywhere")) }
            }
        }
    };
    layout::page(tr, current, &tr.t("password-title"), "/account/password", content)
}

pub async fn password_form(State(state): State<AppState>, current: Current) -> Markup {
    password_page(current.tr(&state), &current, PasswordErrors::default(), false)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let tr = current.tr(&state);
    if form.new != form.repeat {
        let errors = PasswordErrors { repeat: Some(tr.t("password-error-mismatch")), ..Default::default() };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, password_page(tr, &current, errors, false)).into_response());
    }
    let app = state.app.clone();
    let session = current.session.clone();
    let (old, new) = (form.current.clone(), form.new.clone());
    match blocking(move || app.change_password(&session, &old, &new)).await? {
        Ok(()) if current.session.account.must_change_password => Ok(Redirect::to("/").into_response()),
        Ok(()) => Ok(password_page(tr, &current, PasswordErrors::default(), true).into_response()),
        Err(AppError::SessionEnded) => Ok(Redirect::to("/login?ended=1").into_response()),
        Err(AppError::Invalid(problems)) => {
            let mut errors = PasswordErrors::default();
            for problem in problems {
                match problem.field() {
                    "current_password" => errors.current = Some(tr.t("password-error-current")),
                    "new_password" => errors.new = Some(tr.t("password-error-same")),
                    _ => errors.new = Some(tr.t_with("password-error-short", "min", MIN_PASSWORD_CHARS)),
                }
            }
            Ok((StatusCode::UNPROCESSABLE_ENTITY, password_page(tr, &current, errors, false)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
