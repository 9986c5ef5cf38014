//! The forms that add to a case file: timeline events, services, proceedings, tasks, notes
//! and evidence files. Each form sits in its section of the case page; a refused one comes
//! back on that page with what was typed and its errors, and nothing is saved.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::casework::EvidenceRefused;
use komek_domain::casework::{CaseEvent, NoteVisibility, Proceeding, Task};
use komek_domain::entities::{Case, Service};
use komek_domain::evidence::{EvidenceKind, MAX_EVIDENCE_BYTES};
use komek_domain::lookups;
use komek_domain::{AccountId, CaseId, EventId, EvidenceId, Money, PersonId, ProceedingId, ServiceId, TaskId, law};
use maud::{Markup, html};

use super::page::{self, Retry};
use super::{form_day, optional, required_day};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::modules::hotline::register::Names;
use crate::session::Current;
use crate::widgets::{field, lookup_select, text_input};
use crate::{AppState, blocking, fields};

/// The answer to a form of the case page: back to the page (at the form's section) when
/// saved, the page with the form refilled when not.
async fn finish(
    state: &AppState,
    current: &Current,
    id: CaseId,
    form: &'static str,
    data: FormData,
    mut errors: FieldErrors,
    result: Result<(), AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?done=saved#{}", section(form))).into_response()),
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, naming(form));
            refill(state, current, id, Retry { form, data, errors }).await
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            refill(state, current, id, Retry { form, data, errors }).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The case page with one form refilled.
async fn refill(state: &AppState, current: &Current, id: CaseId, retry: Retry) -> Result<Response, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let data = blocking(move || page::load(&app, &actor, id, None)).await??;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page::render(state, current, &data, Some(&retry), "")).into_response())
}

/// What the services call the fields of each form of the case page.
fn naming(form: &str) -> &'static fields::Naming {
    match form {
        "service" => &fields::SERVICE,
        "proceeding" => &fields::PROCEEDING,
        "task" => &fields::TASK,
        _ => &fields::PLAIN,
    }
}

fn section(form: &str) -> &'static str {
    match form {
        "event" => "timeline",
        "service" => "services",
        "proceeding" => "proceedings",
        "task" => "tasks",
        "note" => "notes",
        _ => "evidence",
    }
}

/// The value a refilled form shows: what was typed, else `default`.
fn typed<'a>(data: Option<&'a FormData>, name: &str, default: &'a str) -> &'a str {
    data.map_or(default, |d| d.get(name))
}

fn csrf(current: &Current) -> Markup {
    html! { input type="hidden" name="csrf" value=(current.session.csrf_token); }
}

fn textarea(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! { textarea id=(name) name=(name) rows="3" aria-invalid=[errors.has(name).then_some("true")] { (value) } }
}

fn date_input(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! { input type="date" id=(name) name=(name) value=(value) aria-invalid=[errors.has(name).then_some("true")]; }
}

/// A form folded away until needed; open when it comes back with errors.
fn folded(tr: Tr<'_>, label: &str, open: bool, body: Markup) -> Markup {
    html! { details.add open[open] { summary { (tr.t(label)) } (body) } }
}

// ---- Timeline events

pub fn event_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&Retry>) -> Markup {
    let (data, errors) = Retry::for_form(retry, "event");
    folded(
        tr,
        "event-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/events" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "event-day", "happened_on", &errors, date_input("happened_on", typed(data, "happened_on", ""), &errors)))
                (field(tr, "event-kind", "kind", &errors, lookup_select(tr, "kind", lookups::CASE_EVENT, typed(data, "kind", ""), None, &errors)))
                (field(tr, "event-text", "text", &errors, textarea("text", typed(data, "text", ""), &errors)))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub async fn add_event(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let event = CaseEvent {
        id: EventId::new(),
        case_id: CaseId(id),
        happened_on: required_day(&mut errors, "happened_on", data.get("happened_on")),
        kind: data.get("kind").to_owned(),
        text: data.get("text").to_owned(),
        author_id: None,
    };
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.add_event(actor, event).map(|_| ())
    })
    .await?;
    finish(&state, &current, CaseId(id), "event", data, errors, result).await
}

// ---- Services

pub fn service_form(
    tr: Tr<'_>,
    current: &Current,
    case: &Case,
    person_names: &HashMap<PersonId, String>,
    retry: Option<&Retry>,
) -> Markup {
    let (data, errors) = Retry::for_form(retry, "service");
    // One person: theirs. A group: the whole group unless someone is chosen.
    let single = match case.persons.as_slice() {
        [only] => only.to_string(),
        _ => String::new(),
    };
    let chosen = typed(data, "person", &single).to_owned();
    folded(
        tr,
        "service-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case.id) "/services" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "service-kind", "kind", &errors, lookup_select(tr, "kind", lookups::SERVICE_KIND, typed(data, "kind", ""), None, &errors)))
                (field(tr, "service-person", "person", &errors, html! {
                    select #person name="person" {
                        @if case.persons.len() > 1 { option value="" selected[chosen.is_empty()] { (tr.t("service-whole-group")) } }
                        @for (n, person) in case.persons.iter().enumerate() {
                            option value=(person.to_string()) selected[chosen == person.to_string()] {
                                (person_names.get(person).cloned().unwrap_or_else(|| tr.t1("assessment-person-n", "n", n as i64 + 1)))
                            }
                        }
                    }
                }))
                (field(tr, "service-day", "delivered_on", &errors, date_input("delivered_on", typed(data, "delivered_on", ""), &errors)))
                (field(tr, "service-provider", "provider", &errors, text_input("provider", typed(data, "provider", ""), &errors)))
                p.hint { (tr.t("service-provider-hint")) }
                (field(tr, "service-result", "result", &errors, textarea("result", typed(data, "result", ""), &errors)))
                (field(tr, "service-destination", "destination_country", &errors, lookup_select(tr, "destination_country", lookups::CITIZENSHIP, typed(data, "destination_country", ""), Some("form-not-given"), &errors)))
                (field(tr, "service-accompanied-by", "accompanied_by", &errors, text_input("accompanied_by", typed(data, "accompanied_by", ""), &errors)))
                p.hint { (tr.t("service-accompanied-by-hint")) }
                (field(tr, "service-amount-claimed", "claimed", &errors, text_input("claimed", typed(data, "claimed", ""), &errors)))
                (field(tr, "service-amount-recovered", "recovered", &errors, text_input("recovered", typed(data, "recovered", ""), &errors)))
                (field(tr, "intake-currency", "currency", &errors, currency_select("currency", typed(data, "currency", "KZT"))))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

fn currency_select(name: &str, selected: &str) -> Markup {
    html! {
        select id=(name) name=(name) {
            @for c in komek_domain::Currency::ALL { option value=(c.code()) selected[c.code() == selected] { (c.code()) } }
        }
    }
}

/// An amount as a form takes it back: "50000" or "50000.50", without grouping or symbol.
fn plain_amount(money: Money) -> String {
    let per = money.currency.minor_per_major();
    let (major, minor) = (money.minor / per, money.minor % per);
    if minor == 0 { major.to_string() } else { format!("{major}.{minor:02}") }
}

/// An amount typed as "150000", "150 000" or "150 000,50" in the chosen currency.
fn amount(errors: &mut FieldErrors, data: &FormData, name: &str, currency: &str) -> Option<Money> {
    let typed = data.get(name).trim();
    if typed.is_empty() {
        return None;
    }
    let parsed = komek_domain::Currency::parse(currency).and_then(|c| Money::parse(typed, c));
    if parsed.is_none() {
        errors.add(name, "form-invalid-amount");
    }
    parsed
}

pub async fn add_service(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let currency = data.get("currency").to_owned();
    let provider = data.get("provider").trim();
    let service = Service {
        id: ServiceId::new(),
        case_id: CaseId(id),
        person_id: data.get("person").parse().ok().map(PersonId),
        kind: data.get("kind").to_owned(),
        delivered_on: required_day(&mut errors, "delivered_on", data.get("delivered_on")),
        provider: if provider.is_empty() { "us".to_owned() } else { provider.to_owned() },
        result: data.get("result").to_owned(),
        accompanied_by: data.get("accompanied_by").to_owned(),
        destination_country: optional(data.get("destination_country")),
        amount_claimed: amount(&mut errors, &data, "claimed", &currency),
        amount_recovered: amount(&mut errors, &data, "recovered", &currency),
    };
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.add_service(actor, service).map(|_| ())
    })
    .await?;
    finish(&state, &current, CaseId(id), "service", data, errors, result).await
}

// ---- Proceedings

pub fn new_proceeding_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&Retry>) -> Markup {
    let (data, errors) = Retry::for_form(retry, "proceeding");
    folded(
        tr,
        "proceeding-add",
        data.is_some(),
        proceeding_fields(tr, current, &format!("/cases/{case}/proceedings"), data, &errors, None, None),
    )
}

/// The fields of a proceeding: what was typed (`data`), else a stored one (`saved`, when
/// editing, with the `version` the edit names).
fn proceeding_fields(
    tr: Tr<'_>,
    current: &Current,
    action: &str,
    data: Option<&FormData>,
    errors: &FieldErrors,
    saved: Option<&Proceeding>,
    version: Option<i64>,
) -> Markup {
    let stored = |name: &str| -> String {
        let Some(p) = saved else { return String::new() };
        match name {
            "kind" => p.kind.clone(),
            "authority" => p.authority.clone(),
            "stage" => p.stage.clone(),
            "opened_on" => p.opened_on.to_string(),
            "hearings" => p.hearings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
            "outcome" => p.outcome.clone().unwrap_or_default(),
            "decided_on" => p.decided_on.map(|d| d.to_string()).unwrap_or_default(),
            "sentence_years" => p.sentence_years_months().map(|(y, _)| y.to_string()).unwrap_or_default(),
            "sentence_months" => p.sentence_years_months().map(|(_, m)| m.to_string()).unwrap_or_default(),
            // Written back as typed: "50000 KZT".
            "fine" => p.fine.map(|f| format!("{} {}", plain_amount(f), f.currency.code())).unwrap_or_default(),
            "notes" => p.notes.clone(),
            _ => String::new(),
        }
    };
    let value = |name: &str| data.map_or_else(|| stored(name), |d| d.get(name).to_owned());
    let chosen: Vec<String> = match (data, saved) {
        (Some(d), _) => d.all("articles"),
        (None, Some(p)) => p.articles.clone(),
        _ => Vec::new(),
    };
    html! {
        form method="post" action=(action) {
            (csrf(current))
            @if let Some(version) = version { input type="hidden" name="version" value=(version); }
            (errors.summary(tr))
            (errors.message(tr, "version"))
            (field(tr, "proceeding-kind", "kind", errors, lookup_select(tr, "kind", law::PROCEEDING_KIND, &value("kind"), None, errors)))
            (field(tr, "proceeding-authority", "authority", errors, lookup_select(tr, "authority", law::AUTHORITY, &value("authority"), None, errors)))
            fieldset.checks #articles {
                legend { (tr.t("proceeding-articles")) }
                @for article in law::ARTICLES {
                    label.check {
                        input type="checkbox" name="articles" value=(article.code) checked[chosen.iter().any(|c| c == article.code)];
                        " " (tr.t(&article.label_id()))
                    }
                }
                (errors.message(tr, "law-article"))
            }
            (field(tr, "proceeding-stage", "stage", errors, lookup_select(tr, "stage", law::PROCEEDING_STAGE, &value("stage"), None, errors)))
            (field(tr, "proceeding-opened", "opened_on", errors, date_input("opened_on", &value("opened_on"), errors)))
            (field(tr, "proceeding-hearings", "hearings", errors, textarea("hearings", &value("hearings"), errors)))
            p.hint { (tr.t("proceeding-hearings-hint")) }
            (field(tr, "proceeding-outcome", "outcome", errors, lookup_select(tr, "outcome", law::PROCEEDING_OUTCOME, &value("outcome"), Some("proceeding-pending"), errors)))
            (field(tr, "proceeding-decided", "decided_on", errors, date_input("decided_on", &value("decided_on"), errors)))
            (field(tr, "proceeding-sentence-years", "sentence_years", errors, text_input("sentence_years", &value("sentence_years"), errors)))
            (field(tr, "proceeding-sentence-months", "sentence_months", errors, text_input("sentence_months", &value("sentence_months"), errors)))
            (field(tr, "proceeding-fine", "fine", errors, text_input("fine", &value("fine"), errors)))
            (field(tr, "proceeding-notes", "notes", errors, textarea("notes", &value("notes"), errors)))
            button type="submit" { (tr.t("form-save")) }
        }
    }
}

/// Reads a proceeding from its form; problems go to `errors`.
fn read_proceeding(data: &FormData, id: ProceedingId, case: CaseId, errors: &mut FieldErrors) -> Proceeding {
    let mut hearings = Vec::new();
    for line in data.get("hearings").split(['\n', ',', ';']).map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(day) = form_day(errors, "hearings", line) {
            hearings.push(day);
        }
    }
    let number = |errors: &mut FieldErrors, name: &str| -> i32 {
        let typed = data.get(name).trim();
        if typed.is_empty() {
            return 0;
        }
        typed.parse::<i32>().ok().filter(|n| (0..=100).contains(n)).unwrap_or_else(|| {
            errors.add(name, "form-invalid");
            0
        })
    };
    let months = number(errors, "sentence_years") * 12 + number(errors, "sentence_months");
    let fine = data.get("fine").trim();
    let fine = if fine.is_empty() {
        None
    } else {
        // A fine is in tenge unless written with its currency ("500 USD").
        let (amount, currency) = match fine.rsplit_once(' ') {
            Some((a, c)) if komek_domain::Currency::parse(c).is_some() => (a, c),
            _ => (fine, "KZT"),
        };
        let parsed = komek_domain::Currency::parse(currency).and_then(|c| Money::parse(amount, c));
        if parsed.is_none() {
            errors.add("fine", "form-invalid-amount");
        }
        parsed
    };
    Proceeding {
        id,
        case_id: case,
        kind: data.get("kind").to_owned(),
        authority: data.get("authority").to_owned(),
        articles: data.all("articles"),
        stage: data.get("stage").to_owned(),
        opened_on: required_day(errors, "opened_on", data.get("opened_on")),
        hearings,
        outcome: optional(data.get("outcome")),
        decided_on: form_day(errors, "decided_on", data.get("decided_on")),
        sentence_months: (months > 0).then_some(months),
        fine,
        notes: data.get("notes").to_owned(),
    }
}

pub async fn add_proceeding(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let proceeding = read_proceeding(&data, ProceedingId::new(), CaseId(id), &mut errors);
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.add_proceeding(actor, proceeding).map(|_| ())
    })
    .await?;
    finish(&state, &current, CaseId(id), "proceeding", data, errors, result).await
}

pub async fn proceeding_form(
    State(state): State<AppState>,
    current: Current,
    Path((id, proceeding)): Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<Markup, WebError> {
    if !current.actor.can(komek_domain::Capability::ManageCases) {
        return Err(WebError::Forbidden);
    }
    let (saved, version) = saved_proceeding(&state, &current, CaseId(id), ProceedingId(proceeding)).await?;
    let errors = FieldErrors::default();
    Ok(proceeding_page(&state, &current, CaseId(id), &saved, None, &errors, version, None))
}

/// A proceeding as saved now, with its version; `NotFound` outside the case's reach.
async fn saved_proceeding(
    state: &AppState,
    current: &Current,
    case: CaseId,
    proceeding: ProceedingId,
) -> Result<(Proceeding, i64), WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file = blocking(move || app.case_file(&actor, case)).await??;
    if !file.identifying_shown {
        return Err(WebError::NotFound);
    }
    file.proceedings.into_iter().find(|(p, _)| p.id == proceeding).ok_or(WebError::NotFound)
}

/// The edit page of a proceeding: the form (refilled with `typed` after a refusal), and, when
/// someone else saved it meanwhile, what is saved now beside it.
#[allow(clippy::too_many_arguments)]
fn proceeding_page(
    state: &AppState,
    current: &Current,
    case: CaseId,
    saved: &Proceeding,
    typed: Option<&FormData>,
    errors: &FieldErrors,
    version: i64,
    saved_now: Option<&Proceeding>,
) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("proceeding-edit");
    let action = format!("/cases/{case}/proceedings/{}/edit", saved.id);
    let content = html! {
        h1 { (title) }
        p { a href={ "/cases/" (case) "#proceedings" } { (tr.t("case-back")) } }
        @if let Some(now) = saved_now {
            section.changed #changed {
                h2 { (tr.t("form-saved-now")) }
                (super::page::proceeding_record(tr, now))
                p { (tr.t("form-keep-or-take")) }
            }
        }
        (proceeding_fields(tr, current, &action, typed, errors, Some(saved), Some(version)))
    };
    layout::page(tr, current, &title, "/cases", content)
}

pub async fn save_proceeding(
    State(state): State<AppState>,
    current: Current,
    Path((id, proceeding)): Path<(uuid::Uuid, uuid::Uuid)>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let Ok(version) = data.get("version").parse::<i64>() else { return Err(WebError::BadRequest) };
    let p = read_proceeding(&data, ProceedingId(proceeding), CaseId(id), &mut errors);
    let typed = p.clone();
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.update_proceeding(actor, p, version).map(|_| ())
    })
    .await?;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?done=saved#proceedings")).into_response()),
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::PROCEEDING);
            let page = proceeding_page(&state, &current, CaseId(id), &typed, Some(&data), &errors, version, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict) => {
            // Told, and shown what is saved now; the typed values stay in the form, which now
            // names the new version, so saving again replaces it knowingly.
            errors.add("version", "form-changed-meanwhile");
            let (now, new_version) = saved_proceeding(&state, &current, CaseId(id), ProceedingId(proceeding)).await?;
            let page =
                proceeding_page(&state, &current, CaseId(id), &typed, Some(&data), &errors, new_version, Some(&now));
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Tasks

pub fn task_form(tr: Tr<'_>, current: &Current, case: CaseId, names: &Names, retry: Option<&Retry>) -> Markup {
    let (data, errors) = Retry::for_form(retry, "task");
    let me = current.session.account.id.to_string();
    let assignee = typed(data, "assignee", &me).to_owned();
    folded(
        tr,
        "task-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/tasks" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "task-title", "title", &errors, text_input("title", typed(data, "title", ""), &errors)))
                (field(tr, "task-assignee", "assignee", &errors, html! {
                    select #assignee name="assignee" aria-invalid=[errors.has("assignee").then_some("true")] {
                        @for (id, name) in names.staff_sorted() {
                            option value=(id.to_string()) selected[assignee == id.to_string()] { (name) }
                        }
                    }
                }))
                (field(tr, "task-due", "due_on", &errors, date_input("due_on", typed(data, "due_on", ""), &errors)))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub async fn add_task(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let assignee = data.get("assignee").parse().map(AccountId).unwrap_or_else(|_| {
        errors.add("assignee", "form-required");
        AccountId::new()
    });
    let task = Task {
        id: TaskId::new(),
        case_id: CaseId(id),
        title: data.get("title").to_owned(),
        assignee_id: assignee,
        due_on: required_day(&mut errors, "due_on", data.get("due_on")),
        done_on: None,
        created_by: None,
    };
    let result =
        super::save_unless_refused(&state, &current, &errors, move |app, actor| app.add_task(actor, task).map(|_| ()))
            .await?;
    finish(&state, &current, CaseId(id), "task", data, errors, result).await
}

pub async fn task_done(
    State(state): State<AppState>,
    current: Current,
    Path((id, task)): Path<(uuid::Uuid, uuid::Uuid)>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let done = data.get("done") == "1";
    let (app, actor) = (state.app.clone(), current.actor.clone());
    blocking(move || app.set_task_done(&actor, CaseId(id), TaskId(task), done)).await??;
    Ok(Redirect::to(&format!("/cases/{id}?done=saved#tasks")).into_response())
}

// ---- Notes

pub fn note_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&Retry>) -> Markup {
    let (data, errors) = Retry::for_form(retry, "note");
    let role_only = typed(data, "visibility", "team") == NoteVisibility::AuthorRole.code();
    folded(
        tr,
        "note-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/notes" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "note-text", "text", &errors, textarea("text", typed(data, "text", ""), &errors)))
                fieldset.checks {
                    legend { (tr.t("note-visibility")) }
                    label.check { input type="radio" name="visibility" value="team" checked[!role_only]; " " (tr.t("note-team")) }
                    label.check { input type="radio" name="visibility" value="author-role" checked[role_only]; " " (tr.t("note-role-only")) }
                    (errors.message(tr, "visibility"))
                }
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub async fn add_note(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    // Who may read a note is never guessed: a form that does not say is sent back.
    let result = match NoteVisibility::parse(data.get("visibility")) {
        Some(visibility) => {
            let text = data.get("text").to_owned();
            let (app, actor) = (state.app.clone(), current.actor.clone());
            blocking(move || app.add_note(&actor, CaseId(id), &text, visibility).map(|_| ())).await?
        }
        None => {
            errors.add("visibility", "form-required");
            Err(AppError::Invalid(Vec::new()))
        }
    };
    finish(&state, &current, CaseId(id), "note", data, errors, result).await
}

// ---- Evidence files

pub fn evidence_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&Retry>) -> Markup {
    let (data, errors) = Retry::for_form(retry, "evidence");
    let max_mb = MAX_EVIDENCE_BYTES / (1024 * 1024);
    html! {
        form.upload method="post" enctype="multipart/form-data" action={ "/cases/" (case) "/evidence" } {
            (csrf(current))
            (errors.summary(tr))
            @if data.is_some() { (errors.message(tr, "file")) }
            label for="file" { (tr.t("evidence-add")) }
            input type="file" id="file" name="file" aria-invalid=[errors.has("file").then_some("true")];
            p.hint { (tr.t1("evidence-limits", "max", max_mb as i64)) }
            button type="submit" { (tr.t("evidence-upload")) }
        }
    }
}

/// Receives one file. The form's token is checked before the file is read to its end.
pub async fn upload_evidence(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let mut token = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut cut_off = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // A body cut short or larger than the route allows.
            Err(_) => {
                cut_off = true;
                break;
            }
        };
        match field.name() {
            Some("csrf") => token = field.text().await.unwrap_or_default(),
            Some("file") => {
                current.check_csrf(&state, &token).await?;
                let name = field.file_name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(_) => cut_off = true,
                }
            }
            _ => {}
        }
    }
    current.check_csrf(&state, &token).await?;
    let mut errors = FieldErrors::default();
    let result = match file {
        _ if cut_off => {
            errors.add("file", "evidence-problem-truncated");
            Err(AppError::Invalid(Vec::new()))
        }
        None => {
            errors.add("file", "evidence-problem-empty");
            Err(AppError::Invalid(Vec::new()))
        }
        Some((name, bytes)) if bytes.is_empty() && name.is_empty() => {
            errors.add("file", "evidence-problem-empty");
            Err(AppError::Invalid(Vec::new()))
        }
        Some((name, bytes)) => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            match blocking(move || app.add_evidence(&actor, CaseId(id), &name, &bytes)).await? {
                Ok(_) => Ok(()),
                Err(EvidenceRefused::File(problem)) => {
                    errors.add("file", problem_message(&problem));
                    Err(AppError::Invalid(Vec::new()))
                }
                Err(EvidenceRefused::App(e)) => Err(e),
            }
        }
    };
    finish(&state, &current, CaseId(id), "evidence", FormData::parse(b""), errors, result).await
}

/// The message of a refused file, in the words a lawyer understands.
fn problem_message(problem: &komek_domain::evidence::EvidenceProblem) -> &'static str {
    use komek_domain::evidence::EvidenceProblem;
    match problem {
        EvidenceProblem::Empty => "evidence-problem-empty",
        EvidenceProblem::TooLarge { .. } => "evidence-problem-too-large",
        EvidenceProblem::Truncated { .. } => "evidence-problem-truncated",
        EvidenceProblem::Damaged { .. } => "evidence-problem-damaged",
        EvidenceProblem::RefusedType => "evidence-problem-refused-type",
    }
}

/// Sends a file back, decrypted, as a download (never shown inline: a file is evidence, not
/// a page of ours).
pub async fn download_evidence(
    State(state): State<AppState>,
    current: Current,
    Path((id, file)): Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (meta, content) = blocking(move || app.evidence_file(&actor, CaseId(id), EvidenceId(file))).await??;
    let kind = EvidenceKind::parse(&meta.kind);
    let media_type = kind.map_or("application/octet-stream", |k| k.media_type());
    // "IMG_1234" comes back as "IMG_1234.jpg", so the phone or computer opens it.
    let name = kind.map_or_else(|| meta.name.clone(), |k| k.download_name(&meta.name));
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", encoded.replace('+', "%20"));
    Ok(([(header::CONTENT_TYPE, media_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], content)
        .into_response())
}
