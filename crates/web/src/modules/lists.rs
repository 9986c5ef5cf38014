//! The organisation's own lists, for administrators: each editable lookup list with its codes
//! in order; a code added with its labels, renamed, moved, retired or offered again. A
//! refused form comes back as typed with each problem beside its field.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::lookups::CodeChange;
use komek_domain::lookups::{self, Catalogue, Entry, LABEL_LANGUAGES, LookupList};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::fields::PLAIN;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::{Lang, Tr};
use crate::layout;
use crate::session::Current;
use crate::widgets::field;
use crate::{AppState, blocking};

/// A code's labels as typed, one per language of `LABEL_LANGUAGES`.
#[derive(Default)]
struct Labels(BTreeMap<String, String>);

impl Labels {
    fn from_form(data: &FormData) -> Self {
        Self(LABEL_LANGUAGES.iter().map(|l| ((*l).to_owned(), data.get(&input_name(l)).to_owned())).collect())
    }

    fn of(entry: &Entry) -> Self {
        Self(entry.labels.clone())
    }

    fn get(&self, language: &str) -> &str {
        self.0.get(language).map_or("", String::as_str)
    }
}

fn input_name(language: &str) -> String {
    lookups::label_field(language).unwrap_or("labels").to_owned()
}

/// The lists and how many codes each has.
pub async fn index(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    let catalogue = read(&state, &current).await?;
    let tr = current.tr(&state);
    let content = html! {
        h1 { (tr.t("lists-title")) }
        p.hint { (tr.t("lists-about")) }
        ul.lists {
            @for list in catalogue.editable() {
                @let entries = catalogue.entries(list);
                li { a href={ "/admin/lists/" (list.name) } { (tr.t(&list_title(list))) } " "
                    span.hint { (tr.t_with("lists-count", "count", entries.len() as i64)) } }
            }
        }
    };
    Ok(layout::page(tr, &current, &tr.t("lists-title"), "/admin", content))
}

/// One list: its codes in order, with what may be done to each, and the form to add one.
pub async fn list(
    State(state): State<AppState>,
    current: Current,
    Path(name): Path<String>,
) -> Result<Markup, WebError> {
    let catalogue = read(&state, &current).await?;
    let list = editable(&catalogue, &name)?;
    let tr = current.tr(&state);
    Ok(list_page(tr, &current, &catalogue, list, "", &Labels::default(), &FieldErrors::default(), None))
}

/// Adds a code; refused, the page comes back with what was typed.
pub async fn add(
    State(state): State<AppState>,
    current: Current,
    Path(name): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let data = FormData::parse(&body);
    current.check_csrf(&state, data.get("csrf")).await?;
    let (code, labels) = (data.get("code").trim().to_owned(), Labels::from_form(&data));
    let (app, actor, list, typed) = (state.app.clone(), current.actor.clone(), name.clone(), labels.0.clone());
    let added = blocking(move || app.add_lookup_code(&actor, &list, &code, typed)).await?;
    match added {
        Ok(()) => Ok(Redirect::to(&format!("/admin/lists/{name}#code-{}", data.get("code").trim())).into_response()),
        Err(AppError::Invalid(problems)) => {
            let mut errors = FieldErrors::default();
            errors.add_validation(&problems, &PLAIN);
            let catalogue = read(&state, &current).await?;
            let list = editable(&catalogue, &name)?;
            let tr = current.tr(&state);
            let page = list_page(tr, &current, &catalogue, list, data.get("code"), &labels, &errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The page renaming one code in every language.
pub async fn code(
    State(state): State<AppState>,
    current: Current,
    Path((name, code)): Path<(String, String)>,
) -> Result<Markup, WebError> {
    let catalogue = read(&state, &current).await?;
    let list = editable(&catalogue, &name)?;
    let entry = catalogue.entry(list, &code).ok_or(AppError::NotFound)?;
    let tr = current.tr(&state);
    Ok(rename_page(tr, &current, list, entry, &Labels::of(entry), &FieldErrors::default(), None))
}

/// Renames, moves, retires or restores a code, as the button pressed says.
pub async fn change(
    State(state): State<AppState>,
    current: Current,
    Path((name, code)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let data = FormData::parse(&body);
    current.check_csrf(&state, data.get("csrf")).await?;
    let labels = Labels::from_form(&data);
    let change = match data.get("action") {
        "rename" => CodeChange::Rename(labels.0.clone()),
        "retire" => CodeChange::Retire,
        "restore" => CodeChange::Restore,
        "up" => CodeChange::Move { up: true },
        "down" => CodeChange::Move { up: false },
        _ => return Err(AppError::NotFound.into()),
    };
    let renaming = matches!(change, CodeChange::Rename(_));
    // A version that is not a number was not read from any page: a change made meanwhile.
    let version = data.get("version").trim().parse::<i64>().unwrap_or(-1);
    let (app, actor, list, c) = (state.app.clone(), current.actor.clone(), name.clone(), code.clone());
    let changed = blocking(move || app.change_lookup_code(&actor, &list, &c, version, change)).await?;
    let back = format!("/admin/lists/{name}#code-{code}");
    let (status, errors, message) = match changed {
        Ok(()) => return Ok(Redirect::to(&back).into_response()),
        Err(AppError::Invalid(problems)) if renaming => {
            let mut errors = FieldErrors::default();
            errors.add_validation(&problems, &PLAIN);
            (StatusCode::UNPROCESSABLE_ENTITY, errors, None)
        }
        // Someone changed the code since the page was read: the page as it is now, with what
        // was typed still in the rename form.
        Err(AppError::Conflict) => (StatusCode::CONFLICT, FieldErrors::default(), Some("lists-changed-meanwhile")),
        Err(e) => return Err(e.into()),
    };
    let catalogue = read(&state, &current).await?;
    let list = editable(&catalogue, &name)?;
    let entry = catalogue.entry(list, &code).ok_or(AppError::NotFound)?;
    let tr = current.tr(&state);
    let page = if renaming {
        rename_page(tr, &current, list, entry, &labels, &errors, message)
    } else {
        list_page(tr, &current, &catalogue, list, "", &Labels::default(), &errors, message)
    };
    Ok((status, page).into_response())
}

async fn read(state: &AppState, current: &Current) -> Result<std::sync::Arc<Catalogue>, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    Ok(blocking(move || app.lists_to_edit(&actor)).await??)
}

/// The editable list of that name; any other name is not there.
fn editable(catalogue: &Catalogue, name: &str) -> Result<LookupList, WebError> {
    Ok(catalogue.list(name).filter(|l| l.editable).ok_or(AppError::NotFound)?)
}

/// The message id of a list's name.
fn list_title(list: LookupList) -> String {
    format!("lists-name-{}", list.name)
}

/// One list's page; `code` and `labels` are what the add form shows, `message` an alert above
/// the table.
#[allow(clippy::too_many_arguments)]
fn list_page(
    tr: Tr<'_>,
    current: &Current,
    catalogue: &Catalogue,
    list: LookupList,
    code: &str,
    labels: &Labels,
    errors: &FieldErrors,
    message: Option<&str>,
) -> Markup {
    let csrf = &current.session.csrf_token;
    let entries = catalogue.entries(list);
    let title = tr.t(&list_title(list));
    let content = html! {
        p { a href="/admin/lists" { "← " (tr.t("lists-title")) } }
        h1 { (title) }
        @if let Some(message) = message { p.error role="alert" { (tr.t(message)) } }
        p.hint { (tr.t("lists-list-about")) }
        div.wide { table.log {
            thead { tr {
                th scope="col" { (tr.t("lists-col-code")) }
                th scope="col" { (tr.t("lists-col-label")) }
                th scope="col" { (tr.t("lists-col-status")) }
                th scope="col" {}
            } }
            tbody {
                @for (at, entry) in entries.iter().enumerate() {
                    tr id={ "code-" (entry.code) } {
                        td { code { (entry.code) } }
                        td { (tr.lookup(list, &entry.code)) }
                        td { @match entry.retired_on {
                            Some(day) => (tr.t_with("lists-retired-on", "day", day.format("%d.%m.%Y").to_string())),
                            None => (tr.t("lists-in-use")),
                        } }
                        td.actions {
                            form.inline method="post" action={ "/admin/lists/" (list.name) "/" (entry.code) } {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="version" value=(entry.version);
                                @if at > 0 {
                                    button type="submit" name="action" value="up" aria-label=(tr.t_with("lists-up", "code", entry.code.clone())) { "↑" }
                                }
                                @if at + 1 < entries.len() {
                                    button type="submit" name="action" value="down" aria-label=(tr.t_with("lists-down", "code", entry.code.clone())) { "↓" }
                                }
                                @if entry.retired() {
                                    button type="submit" name="action" value="restore" { (tr.t("lists-restore")) }
                                } @else {
                                    button type="submit" name="action" value="retire" { (tr.t("lists-retire")) }
                                }
                            }
                            " " a href={ "/admin/lists/" (list.name) "/" (entry.code) } { (tr.t("lists-rename")) }
                        }
                    }
                }
            }
        } }
        h2 #add { (tr.t("lists-add-title")) }
        p.hint { (tr.t("lists-add-about")) }
        (errors.summary(tr))
        form method="post" action={ "/admin/lists/" (list.name) } {
            input type="hidden" name="csrf" value=(csrf);
            (field(tr, "lists-col-code", "code", errors, html! {
                input id=(errors.id_of("code")) name="code" type="text" required maxlength=(lookups::MAX_CODE_CHARS)
                    autocapitalize="none" spellcheck="false" pattern="[a-z][a-z0-9\\-]*" value=(code)
                    aria-invalid=[errors.has("code").then_some("true")] aria-describedby=[errors.described_by("code")];
            }))
            (label_inputs(tr, labels, None, errors))
            button type="submit" { (tr.t("lists-add-submit")) }
        }
    };
    layout::page(tr, current, &title, "/admin", content)
}

fn rename_page(
    tr: Tr<'_>,
    current: &Current,
    list: LookupList,
    entry: &Entry,
    labels: &Labels,
    errors: &FieldErrors,
    message: Option<&str>,
) -> Markup {
    let title = tr.t_with("lists-rename-title", "code", entry.code.clone());
    let content = html! {
        p { a href={ "/admin/lists/" (list.name) } { "← " (tr.t(&list_title(list))) } }
        h1 { (title) }
        @if let Some(message) = message { p.error role="alert" { (tr.t(message)) } }
        p.hint { (tr.t(if entry.shipped { "lists-rename-shipped" } else { "lists-rename-own" })) }
        (errors.summary(tr))
        form method="post" action={ "/admin/lists/" (list.name) "/" (entry.code) } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="version" value=(entry.version);
            (label_inputs(tr, labels, entry.shipped.then_some((list, entry.code.as_str())), errors))
            button type="submit" name="action" value="rename" { (tr.t("lists-rename-submit")) }
        }
    };
    layout::page(tr, current, &title, "/admin", content)
}

/// A label input per language; a shipped code's inputs show its shipped translation as a
/// placeholder, which an empty input keeps.
fn label_inputs(tr: Tr<'_>, labels: &Labels, shipped: Option<(LookupList, &str)>, errors: &FieldErrors) -> Markup {
    html! {
        @for language in LABEL_LANGUAGES {
            @let name = input_name(language);
            @let placeholder = shipped.and_then(|(list, code)| {
                Lang::parse(language).and_then(|lang| tr.i18n.shipped(lang, &list.label_id(code)))
            });
            (field(tr, &format!("lists-label-{language}"), &name, errors, html! {
                input id=(errors.id_of(&name)) name=(name) type="text" maxlength=(lookups::MAX_LABEL_CHARS)
                    value=(labels.get(language)) placeholder=[placeholder]
                    aria-invalid=[errors.has(&name).then_some("true")] aria-describedby=[errors.described_by(&name)];
            }))
        }
    }
}
