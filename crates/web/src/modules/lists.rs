//! The organisation's own lists, for administrators: each editable lookup list with its codes
//! in order; a code added with its labels, renamed, moved, retired or offered again; the
//! articles of law, added and amended with the days they are in force and their source. A
//! refused form comes back as typed with each problem beside its field.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::lookups::CodeChange;
use komek_domain::ValidationError;
use komek_domain::law::{ArticleEntry, CodeBook, SavedArticle};
use komek_domain::lookups::{self, Catalogue, Entry, LABEL_LANGUAGES, LookupList};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::fields::PLAIN;
use crate::forms::{FieldErrors, FormData, form_day, required_day};
use crate::i18n::{Lang, Tr};
use crate::layout;
use crate::session::Current;
use crate::widgets::{date_input, field, text_input};
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
            li { a href="/admin/articles" { (tr.t("articles-title")) } " "
                span.hint { (tr.t_with("lists-count", "count", catalogue.articles().len() as i64)) } }
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
            let catalogue = read(&state, &current).await?;
            let list = editable(&catalogue, &name)?;
            let tr = current.tr(&state);
            let page = list_page(tr, &current, &catalogue, list, data.get("code"), &labels, &marked(&problems), None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        // Another server process added it meanwhile: the list as it is now.
        Err(AppError::Conflict) => {
            let catalogue = read(&state, &current).await?;
            let list = editable(&catalogue, &name)?;
            let tr = current.tr(&state);
            let message = Some("lists-changed-meanwhile");
            let page =
                list_page(tr, &current, &catalogue, list, data.get("code"), &labels, &FieldErrors::default(), message);
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The problems of a code as the lists' forms name them: a code's shape and a missing label
/// are explained, not only marked.
fn marked(problems: &[ValidationError]) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for problem in problems {
        match problem {
            ValidationError::Invalid { field: "code" } => errors.add("code", "lists-code-malformed"),
            ValidationError::Required { field: "label_ru" } => errors.add("label_ru", "lists-label-needed"),
            other => errors.add_validation(std::slice::from_ref(other), &PLAIN),
        }
    }
    errors
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
        _ => return Err(WebError::BadRequest),
    };
    let renaming = matches!(change, CodeChange::Rename(_));
    // Every page sends the version it read: without one, the form was not ours.
    let version = data.get("version").trim().parse::<i64>().map_err(|_| WebError::BadRequest)?;
    let (app, actor, list, c) = (state.app.clone(), current.actor.clone(), name.clone(), code.clone());
    let changed = blocking(move || app.change_lookup_code(&actor, &list, &c, version, change)).await?;
    let back = format!("/admin/lists/{name}#code-{code}");
    let (status, errors, message) = match changed {
        Ok(()) => return Ok(Redirect::to(&back).into_response()),
        Err(AppError::Invalid(problems)) if renaming => (StatusCode::UNPROCESSABLE_ENTITY, marked(&problems), None),
        Err(AppError::Invalid(_)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, FieldErrors::default(), Some("lists-last-offered"))
        }
        // Someone changed the code since the page was read: the page as it is now, the other
        // change shown, to be made again if still needed.
        Err(AppError::Conflict) => (StatusCode::CONFLICT, FieldErrors::default(), Some("lists-changed-meanwhile")),
        Err(e) => return Err(e.into()),
    };
    let catalogue = read(&state, &current).await?;
    let list = editable(&catalogue, &name)?;
    let entry = catalogue.entry(list, &code).ok_or(AppError::NotFound)?;
    let tr = current.tr(&state);
    let page = match (renaming, status) {
        (true, StatusCode::CONFLICT) => rename_page(tr, &current, list, entry, &Labels::of(entry), &errors, message),
        (true, _) => rename_page(tr, &current, list, entry, &labels, &errors, message),
        (false, _) => list_page(tr, &current, &catalogue, list, "", &Labels::default(), &errors, message),
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
                    autocapitalize="none" spellcheck="false" pattern="[a-z][a-z0-9]*(-[a-z0-9]+)*" value=(code)
                    aria-invalid=[errors.has("code").then_some("true")] aria-describedby=[errors.described_by("code")];
            }))
            (label_inputs(tr, labels, None, lookups::MAX_LABEL_CHARS, errors))
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
            (label_inputs(tr, labels, entry.shipped.then(|| list.label_id(&entry.code)), lookups::MAX_LABEL_CHARS, errors))
            button type="submit" name="action" value="rename" { (tr.t("lists-rename-submit")) }
        }
    };
    layout::page(tr, current, &title, "/admin", content)
}

/// A label input per language, each at most `max` characters. `shipped` is the message id of
/// a shipped code's translation, shown as a placeholder that an empty input keeps.
fn label_inputs(tr: Tr<'_>, labels: &Labels, shipped: Option<String>, max: usize, errors: &FieldErrors) -> Markup {
    html! {
        @for language in LABEL_LANGUAGES {
            @let name = input_name(language);
            @let placeholder = shipped.as_deref().and_then(|id| Lang::parse(language).and_then(|lang| tr.i18n.shipped(lang, id)));
            (field(tr, &format!("lists-label-{language}"), &name, errors, html! {
                input id=(errors.id_of(&name)) name=(name) type="text" maxlength=(max)
                    value=(labels.get(language)) placeholder=[placeholder]
                    aria-invalid=[errors.has(&name).then_some("true")] aria-describedby=[errors.described_by(&name)];
            }))
        }
    }
}

/// An article as typed in the add or change form.
struct ArticleForm {
    book: String,
    number: String,
    from: String,
    to: String,
    labels: Labels,
    source: String,
}

impl ArticleForm {
    fn from_form(data: &FormData) -> Self {
        Self {
            book: data.get("book").to_owned(),
            number: data.get("number").to_owned(),
            from: data.get("in_force_from").to_owned(),
            to: data.get("in_force_to").to_owned(),
            labels: Labels::from_form(data),
            source: data.get("source").to_owned(),
        }
    }

    fn of(article: &ArticleEntry) -> Self {
        Self {
            book: article.book.code().to_owned(),
            number: article.number.clone(),
            from: article.in_force_from.to_string(),
            to: article.in_force_to.map(|d| d.to_string()).unwrap_or_default(),
            labels: Labels(article.labels.clone()),
            source: article.source.clone(),
        }
    }

    /// The article to save, or the form's own problems (days that are not days).
    fn read(&self, code: &str, version: i64) -> Result<SavedArticle, FieldErrors> {
        let mut errors = FieldErrors::default();
        let in_force_from = required_day(&mut errors, "in_force_from", &self.from);
        let in_force_to = form_day(&mut errors, "in_force_to", &self.to);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SavedArticle {
            code: code.to_owned(),
            book: self.book.clone(),
            number: self.number.clone(),
            in_force_from,
            in_force_to,
            labels: self.labels.0.clone(),
            source: self.source.clone(),
            version,
        })
    }
}

/// The articles of law proceedings cite, with the form to add one.
pub async fn articles(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    let catalogue = read(&state, &current).await?;
    let tr = current.tr(&state);
    let blank = ArticleForm {
        book: String::new(),
        number: String::new(),
        from: String::new(),
        to: String::new(),
        labels: Labels::default(),
        source: String::new(),
    };
    Ok(articles_page(tr, &current, &catalogue, &blank, &FieldErrors::default()))
}

/// Adds an article; refused, the page comes back with what was typed.
pub async fn add_article(
    State(state): State<AppState>,
    current: Current,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let data = FormData::parse(&body);
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = ArticleForm::from_form(&data);
    let errors = match form.read("", 0) {
        Err(errors) => errors,
        Ok(article) => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            match blocking(move || app.add_article(&actor, article)).await? {
                Ok(()) => return Ok(Redirect::to("/admin/articles").into_response()),
                Err(AppError::Invalid(problems)) => marked(&problems),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let catalogue = read(&state, &current).await?;
    let tr = current.tr(&state);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, articles_page(tr, &current, &catalogue, &form, &errors)).into_response())
}

/// The page changing one article's dates, labels and source.
pub async fn article(
    State(state): State<AppState>,
    current: Current,
    Path(code): Path<String>,
) -> Result<Markup, WebError> {
    let catalogue = read(&state, &current).await?;
    let article = catalogue.article(&code).ok_or(AppError::NotFound)?;
    let tr = current.tr(&state);
    Ok(article_page(tr, &current, article, &ArticleForm::of(article), &FieldErrors::default(), None))
}

/// Saves an article's dates, labels and source.
pub async fn change_article(
    State(state): State<AppState>,
    current: Current,
    Path(code): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let data = FormData::parse(&body);
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = ArticleForm::from_form(&data);
    let version = data.get("version").trim().parse::<i64>().unwrap_or(-1);
    let (status, errors, message) = match form.read(&code, version) {
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Ok(changed) => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            match blocking(move || app.change_article(&actor, changed)).await? {
                Ok(()) => return Ok(Redirect::to("/admin/articles").into_response()),
                Err(AppError::Invalid(problems)) => (StatusCode::UNPROCESSABLE_ENTITY, marked(&problems), None),
                Err(AppError::Conflict) => {
                    (StatusCode::CONFLICT, FieldErrors::default(), Some("lists-changed-meanwhile"))
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let catalogue = read(&state, &current).await?;
    let article = catalogue.article(&code).ok_or(AppError::NotFound)?;
    let tr = current.tr(&state);
    Ok((status, article_page(tr, &current, article, &form, &errors, message)).into_response())
}

/// "01.01.2015 – …": the days an article is in force.
fn in_force(article: &ArticleEntry) -> String {
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    format!("{} – {}", day(article.in_force_from), article.in_force_to.map_or_else(|| "…".to_owned(), day))
}

fn articles_page(
    tr: Tr<'_>,
    current: &Current,
    catalogue: &Catalogue,
    form: &ArticleForm,
    errors: &FieldErrors,
) -> Markup {
    let title = tr.t("articles-title");
    let content = html! {
        p { a href="/admin/lists" { "← " (tr.t("lists-title")) } }
        h1 { (title) }
        p.hint { (tr.t("articles-about")) }
        div.wide { table.log {
            thead { tr {
                th scope="col" { (tr.t("lists-col-code")) }
                th scope="col" { (tr.t("lists-col-label")) }
                th scope="col" { (tr.t("articles-col-in-force")) }
                th scope="col" { (tr.t("articles-col-source")) }
                th scope="col" {}
            } }
            tbody {
                @for article in catalogue.articles() {
                    tr id={ "article-" (article.code) } {
                        td { code { (article.code) } }
                        td { (tr.t(&format!("law-{}", article.code))) }
                        td { (in_force(article)) }
                        td { (article.source) }
                        td { a href={ "/admin/articles/" (article.code) } { (tr.t("articles-change")) } }
                    }
                }
            }
        } }
        h2 #add { (tr.t("articles-add-title")) }
        (errors.summary(tr))
        form method="post" action="/admin/articles" {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            (field(tr, "articles-book", "book", errors, html! {
                select id=(errors.id_of("book")) name="book" aria-invalid=[errors.has("book").then_some("true")] aria-describedby=[errors.described_by("book")] {
                    @for book in CodeBook::ALL {
                        option value=(book.code()) selected[form.book == book.code()] { (tr.t(&book.label_id())) }
                    }
                }
            }))
            (field(tr, "articles-number", "number", errors, text_input("number", &form.number, errors)))
            (article_fields(tr, form, None, errors))
            button type="submit" { (tr.t("articles-add-submit")) }
        }
    };
    layout::page(tr, current, &title, "/admin", content)
}

fn article_page(
    tr: Tr<'_>,
    current: &Current,
    article: &ArticleEntry,
    form: &ArticleForm,
    errors: &FieldErrors,
    message: Option<&str>,
) -> Markup {
    let title = tr.t_with("articles-change-title", "code", article.code.clone());
    let content = html! {
        p { a href="/admin/articles" { "← " (tr.t("articles-title")) } }
        h1 { (title) }
        @if let Some(message) = message { p.error role="alert" { (tr.t(message)) } }
        p.hint { (tr.t("articles-change-about")) }
        (errors.summary(tr))
        form method="post" action={ "/admin/articles/" (article.code) } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="version" value=(article.version);
            (article_fields(tr, form, article.shipped.then_some(article.code.as_str()), errors))
            button type="submit" { (tr.t("form-save")) }
        }
    };
    layout::page(tr, current, &title, "/admin", content)
}

/// The dates, labels and source of an article; a shipped article's labels show its shipped
/// translation as a placeholder.
fn article_fields(tr: Tr<'_>, form: &ArticleForm, shipped: Option<&str>, errors: &FieldErrors) -> Markup {
    html! {
        (field(tr, "articles-in-force-from", "in_force_from", errors, date_input("in_force_from", &form.from, errors)))
        (field(tr, "articles-in-force-to", "in_force_to", errors, date_input("in_force_to", &form.to, errors)))
        (label_inputs(tr, &form.labels, shipped.map(|code| format!("law-{code}")), komek_domain::law::MAX_ARTICLE_LABEL_CHARS, errors))
        (field(tr, "articles-source", "source", errors, text_input("source", &form.source, errors)))
        p.hint { (tr.t("articles-source-hint")) }
    }
}
