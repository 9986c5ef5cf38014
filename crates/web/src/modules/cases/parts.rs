//! The forms that add to a case file: timeline events, services, proceedings, tasks, notes
//! and evidence files. Each form sits in its section of the case page; a refused one comes
//! back on that page with what was typed and its errors, and nothing is saved.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::casework::EvidenceRefused;
use komek_domain::casework::{CaseEvent, NoteVisibility, Proceeding, Task};
use komek_domain::entities::Service;
use komek_domain::{AccountId, CaseId, EventId, EvidenceId, Money, PersonId, ProceedingId, ServiceId, TaskId};
use maud::{Markup, html};

use super::page;
use super::part_forms::{RefilledForm, proceeding_fields};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::forms::{form_day, optional, required_day};
use crate::layout;
use crate::session::Current;
use crate::uploads;
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
            refill(state, current, id, RefilledForm { form, data, errors }).await
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            refill(state, current, id, RefilledForm { form, data, errors }).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The case page with one form refilled.
async fn refill(state: &AppState, current: &Current, id: CaseId, retry: RefilledForm) -> Result<Response, WebError> {
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

// ---- Timeline events

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
        place_country: optional(data.get("place_country")),
        place_region: optional(data.get("place_region")),
        place_district: optional(data.get("place_district")),
        place_settlement: optional(data.get("place_settlement")),
    };
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.add_event(actor, event).map(|_| ())
    })
    .await?;
    finish(&state, &current, CaseId(id), "event", data, errors, result).await
}

// ---- Services

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
        record: CaseId(id),
        title: data.get("title").to_owned(),
        assignee_id: assignee,
        due_on: required_day(&mut errors, "due_on", data.get("due_on")),
        done_on: None,
        created_by: None,
    };
    crate::forms::check_task(&mut errors, &task);
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

/// Receives one file. The form's token is checked before the file is read to its end.
pub async fn upload_evidence(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let upload = uploads::read_upload(&state, &current, multipart).await?;
    let mut errors = FieldErrors::default();
    let result = match upload.file() {
        Err(problem) => {
            errors.add("file", problem);
            Err(AppError::Invalid(Vec::new()))
        }
        Ok((name, bytes)) => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            match blocking(move || app.add_evidence(&actor, CaseId(id), &name, &bytes)).await? {
                Ok(_) => Ok(()),
                Err(EvidenceRefused::File(problem)) => {
                    errors.add("file", uploads::problem_message(&problem));
                    Err(AppError::Invalid(Vec::new()))
                }
                Err(EvidenceRefused::App(e)) => Err(e),
            }
        }
    };
    finish(&state, &current, CaseId(id), "evidence", FormData::parse(b""), errors, result).await
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
    Ok(uploads::download(&meta.kind, &meta.name, content))
}
