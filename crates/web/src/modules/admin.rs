//! Administration: staff accounts (create with a one-time password, disable, enable, reset a
//! lost second factor) and offices (renamed, their clock set). The organisation's lists have
//! their own pages (`lists`).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_domain::{AccountId, OfficeId, Role};
use maud::{Markup, html};
use serde::Deserialize;

use crate::errors::WebError;
use crate::i18n::{Lang, Tr};
use crate::layout;
use crate::session::Current;
use crate::{AppState, blocking};

#[derive(Deserialize, Default)]
pub struct NewAccountForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    language: String,
}

/// An office's name and clock, as typed.
#[derive(Deserialize, Default)]
pub struct OfficeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    utc_offset_minutes: String,
}

/// What the page says above the list after an action.
enum Outcome {
    None,
    Created {
        username: String,
        password: String,
    },
    Refused(String),
    OfficeSaved(String),
    /// An office's form refused: the message, and what was typed for that office.
    OfficeRefused(String, OfficeId, OfficeForm),
}

async fn page(
    state: &AppState,
    current: &Current,
    form: &NewAccountForm,
    outcome: Outcome,
) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (accounts, offices) =
        blocking(move || -> komek_app::AppResult<_> { Ok((app.account_overview(&actor)?, app.offices()?)) }).await??;
    let tr = current.tr(state);
    let csrf = &current.session.csrf_token;
    let content = html! {
        h1 { (tr.t("admin-accounts-title")) }
        @match &outcome {
            Outcome::Created { username, password } => p.notice role="status" #created {
                (tr.t_with("admin-created", "username", username.clone())) " " strong { code #one-time-password { (password) } }
                " " (tr.t("admin-created-hint"))
            },
            Outcome::Refused(message) => p.error role="alert" { (message) },
            Outcome::OfficeSaved(code) => p.notice role="status" #office-saved { (tr.t_with("admin-office-saved", "code", code.clone())) },
            Outcome::OfficeRefused(..) | Outcome::None => {},
        }
        div.wide { table.log {
            thead { tr {
                th scope="col" { (tr.t("admin-col-username")) }
                th scope="col" { (tr.t("admin-col-name")) }
                th scope="col" { (tr.t("admin-col-role")) }
                th scope="col" { (tr.t("admin-col-office")) }
                th scope="col" { (tr.t("admin-col-status")) }
                th scope="col" { (tr.t("admin-col-second-factor")) }
                th scope="col" {}
            } }
            tbody {
                @for (account, enrolled) in &accounts {
                    tr {
                        td { code { (account.username) } }
                        td { (account.display_name) }
                        td { (tr.t(&format!("role-{}", account.role.code()))) }
                        td { (offices.iter().find(|o| o.id == account.office_id).map_or("", |o| o.code.as_str())) }
                        td { (tr.t(if account.disabled { "admin-status-disabled" } else { "admin-status-active" })) }
                        td { (tr.t(if *enrolled { "admin-2fa-enrolled" } else { "admin-2fa-not-enrolled" })) }
                        td {
                            @if account.id != current.session.account.id {
                                @let toggle = if account.disabled { "enable" } else { "disable" };
                                form.inline method="post" action={ "/admin/accounts/" (account.id) "/" (toggle) } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    button type="submit" { (tr.t(&format!("admin-{toggle}"))) }
                                }
                                @if *enrolled {
                                    " "
                                    form.inline method="post" action={ "/admin/accounts/" (account.id) "/reset-second-factor" } {
                                        input type="hidden" name="csrf" value=(csrf);
                                        button type="submit" { (tr.t("admin-reset-2fa")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } }
        h2 { (tr.t("admin-create-title")) }
        form method="post" action="/admin" {
            input type="hidden" name="csrf" value=(csrf);
            label for="username" { (tr.t("admin-col-username")) }
            input #username name="username" type="text" required autocapitalize="none" spellcheck="false" value=(form.username);
            label for="display_name" { (tr.t("admin-col-name")) }
            input #display_name name="display_name" type="text" required value=(form.display_name);
            label for="role" { (tr.t("admin-col-role")) }
            select #role name="role" {
                @for role in Role::ALL {
                    option value=(role.code()) selected[form.role == role.code()] { (tr.t(&format!("role-{}", role.code()))) }
                }
            }
            label for="office" { (tr.t("admin-col-office")) }
            select #office name="office" {
                @for office in &offices {
                    option value=(office.code) selected[form.office == office.code] { (office.code) " — " (office.name) }
                }
            }
            label for="account-language" { (tr.t("language-label")) }
            select #account-language name="language" {
                @for lang in Lang::ALL {
                    option value=(lang.code()) selected[form.language == lang.code()] { (lang.native_name()) }
                }
            }
            button type="submit" { (tr.t("admin-create-submit")) }
        }
        (offices_section(tr, csrf, &offices, &outcome))
        h2 #lists { (tr.t("lists-title")) }
        p { (tr.t("admin-lists-about")) " " a href="/admin/lists" { (tr.t("admin-lists-open")) } }
        section.coming {
            h2 { (tr.t("module-coming")) }
            p { (tr.t("module-admin-coming")) }
        }
    };
    Ok(layout::page(tr, current, &tr.t("admin-accounts-title"), "/admin", content))
}

/// Each office with a form for its name and clock; a refused form comes back as typed, its
/// message beside it.
fn offices_section(tr: Tr<'_>, csrf: &str, offices: &[komek_domain::entities::Office], outcome: &Outcome) -> Markup {
    html! {
        h2 #offices { (tr.t("admin-offices-title")) }
        p.hint { (tr.t("admin-offices-about")) }
        @for office in offices {
            @let typed = match outcome {
                Outcome::OfficeRefused(message, id, form) if *id == office.id => Some((message, form)),
                _ => None,
            };
            @let name = typed.map_or(office.name.clone(), |(_, form)| form.name.clone());
            @let clock = typed.map_or(office.utc_offset_minutes.to_string(), |(_, form)| form.utc_offset_minutes.clone());
            form.office method="post" action={ "/admin/offices/" (office.id) } {
                input type="hidden" name="csrf" value=(csrf);
                h3 { code { (office.code) } }
                @if let Some((message, _)) = typed { p.error role="alert" id={ "office-" (office.code) "-error" } { (message) } }
                label for={ "office-" (office.code) "-name" } { (tr.t("admin-office-name")) }
                input id={ "office-" (office.code) "-name" } name="name" type="text" required maxlength="200" value=(name);
                label for={ "office-" (office.code) "-clock" } { (tr.t("admin-office-clock")) }
                input id={ "office-" (office.code) "-clock" } name="utc_offset_minutes" type="number" min="-720" max="840" step="15" required value=(clock);
                button type="submit" { (tr.t("admin-office-save")) }
            }
        }
    }
}

fn refusal(tr: Tr<'_>, error: &AppError) -> Option<String> {
    match error {
        AppError::Invalid(problems) => Some(
            problems
                .iter()
                .map(|p| tr.t(if p.field() == "username" { "admin-error-username" } else { "admin-error-name" }))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        AppError::Conflict => Some(tr.t("admin-error-exists")),
        _ => None,
    }
}

pub async fn accounts(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    page(&state, &current, &NewAccountForm::default(), Outcome::None).await
}

pub async fn create(
    State(state): State<AppState>,
    current: Current,
    Form(form): Form<NewAccountForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let role = Role::parse(&form.role).ok_or(WebError::BadRequest)?;
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (username, name, office, language) =
        (form.username.clone(), form.display_name.clone(), form.office.clone(), form.language.clone());
    let result = blocking(move || -> komek_app::AppResult<_> {
        let office = app.office_by_code(&office)?.ok_or(AppError::NotFound)?;
        app.create_account(&actor, &username, &name, role, office.id, &language)
    })
    .await?;
    let tr = current.tr(&state);
    match result {
        Ok(created) => {
            let outcome = Outcome::Created { username: created.account.username, password: created.one_time_password };
            Ok(page(&state, &current, &NewAccountForm::default(), outcome).await?.into_response())
        }
        Err(e) => match refusal(tr, &e) {
            // The form comes back with everything typed.
            Some(message) => {
                Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &current, &form, Outcome::Refused(message)).await?)
                    .into_response())
            }
            None => Err(e.into()),
        },
    }
}

/// Renames an office or sets its clock; a refused form comes back as typed.
pub async fn save_office(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<OfficeId>,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let tr = current.tr(&state);
    let Ok(clock) = form.utc_offset_minutes.trim().parse::<i32>() else {
        let outcome = Outcome::OfficeRefused(tr.t("admin-error-office-clock"), id, form);
        let page = page(&state, &current, &NewAccountForm::default(), outcome).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let (app, actor, name) = (state.app.clone(), current.actor.clone(), form.name.clone());
    match blocking(move || app.update_office(&actor, id, &name, clock)).await? {
        Ok(office) => Ok(page(&state, &current, &NewAccountForm::default(), Outcome::OfficeSaved(office.code))
            .await?
            .into_response()),
        Err(AppError::Invalid(problems)) => {
            let message = problems
                .iter()
                .map(|p| tr.t(if p.field() == "name" { "admin-error-office-name" } else { "admin-error-office-clock" }))
                .collect::<Vec<_>>()
                .join(" ");
            let page =
                page(&state, &current, &NewAccountForm::default(), Outcome::OfficeRefused(message, id, form)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn act(
    State(state): State<AppState>,
    current: Current,
    Path((id, action)): Path<(AccountId, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Redirect, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let app = state.app.clone();
    let actor = current.actor.clone();
    blocking(move || match action.as_str() {
        "disable" => app.set_account_disabled(&actor, id, true),
        "enable" => app.set_account_disabled(&actor, id, false),
        "reset-second-factor" => app.reset_second_factor(&actor, id),
        _ => Err(AppError::NotFound),
    })
    .await??;
    Ok(Redirect::to("/admin"))
}
