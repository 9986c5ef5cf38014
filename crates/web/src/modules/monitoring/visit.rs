//! A visit's page: when and where, who went, whom the group met, the checklist, violations
//! (each with its ILO indicator), materials, the narrative; the on-site consultations with a
//! button for the next one, the group case, and what changed since the last visit to the
//! same party.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::casework::EvidenceRefused;
use komek_app::monitoring::VisitFile;
use komek_domain::lookups;
use komek_domain::monitoring::{Changes, Check, Visit, VisitTask, violation_indicator};
use komek_domain::{AccountId, CaseId, PhotoId, TaskId, VisitId, lookups::LookupList};
use maud::{Markup, html};

use crate::directory::{Directory, directory};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::modules::hotline::register::appeal_table;
use crate::session::Current;
use crate::widgets::{date_input, day, field, text_input};
use crate::{AppState, blocking};

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let q = FormData::parse(raw.unwrap_or_default().as_bytes());
    visit_page(&state, &current, VisitId(id), &q, None).await
}

/// A task form sent back: what was typed, and what is wrong with it.
struct TaskRetry<'a> {
    typed: &'a FormData,
    errors: &'a FieldErrors,
}

/// The visit's page; `retry` is a refused task form, shown again as typed.
async fn visit_page(
    state: &AppState,
    current: &Current,
    id: VisitId,
    q: &FormData,
    retry: Option<TaskRetry<'_>>,
) -> Result<Markup, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (file, names, partners, clock, today) = blocking(move || -> Result<_, AppError> {
        let file = app.visit_file(&actor, id)?;
        let partners = app.partner_names(&actor)?;
        Ok((file, directory(&app, &actor)?, partners, app.office_clock(&actor)?, app.today(&actor)?))
    })
    .await??;
    let tr = current.tr(state);
    let v = &file.visit;
    let title = format!(
        "{} · {} · {}",
        day(v.visited_on.unwrap_or(v.planned_on)),
        tr.lookup(lookups::DISTRICT, &v.district),
        tr.lookup(lookups::PLACE_KIND, &v.place_kind)
    );
    let partner_names: Vec<String> = v.partners.iter().filter_map(|p| partners.get(p).cloned()).collect();
    let content = html! {
        @if q.has("saved") { p.notice role="status" { (tr.t("visit-saved")) } }
        @if q.has("consulted") { p.notice role="status" { (tr.t("visit-consulted")) } }
        h1 { (title) }
        dl.record {
            dt { (tr.t("visit-status")) } dd { (tr.lookup(lookups::VISIT_STATUS, &v.status)) }
            dt { (tr.t("visit-planned-on")) } dd { (day(v.planned_on)) }
            @if let Some(d) = v.visited_on { dt { (tr.t("visit-visited-on")) } dd { (day(d)) } }
            dt { (tr.t("visit-region")) } dd { (tr.lookup(lookups::REGION, &v.region)) }
            @if let Some(notes) = &v.notes { @if !notes.settlement.is_empty() { dt { (tr.t("visit-settlement")) } dd { (notes.settlement) } } }
            @if let Some(party) = &file.party {
                dt { (tr.t("visit-party")) }
                dd { a href={ "/parties/" (party.id) } { (party.identity.as_ref().map_or_else(|| tr.t("visit-party-out-of-reach"), |i| i.name.clone())) } }
            }
            @if !partner_names.is_empty() { dt { (tr.t("visit-partners")) } dd { (partner_names.join(", ")) } }
            @if !v.team.is_empty() { dt { (tr.t("visit-team")) } dd { (staff(&names, v)) } }
            @if let Some(notes) = &v.notes { @if !notes.cancel_reason.is_empty() { dt { (tr.t("visit-cancel-reason")) } dd.notes { (notes.cancel_reason) } } }
        }
        @if file.may.change { p { a.button href={ "/monitoring/" (v.id) "/edit" } { (tr.t("visit-edit")) } } }
        @if v.done() { (findings(tr, v)) }
        @if let Some(notes) = &v.notes { @if !notes.narrative.is_empty() {
            h2 { (tr.t("visit-narrative")) } p.notes { (notes.narrative) }
        } }
        @if let Some((earlier, changes)) = &file.previous { (since(tr, earlier, changes)) }
        @if v.done() { (consultations(tr, &current.session.csrf_token, &file, &names, clock)) }
        @if file.may.read_notes { (tasks(tr, &current.session.csrf_token, &file, &names, today, current.actor.account_id(), retry)) }
        @if file.may.read_notes { (photos(tr, &current.session.csrf_token, &file, q.get("photo"), clock)) }
    };
    Ok(layout::page(tr, current, &title, "/monitoring", content))
}

fn staff(names: &Directory, v: &Visit) -> String {
    v.team.iter().filter_map(|a| names.staff.get(a).cloned()).collect::<Vec<_>>().join(", ")
}

fn labels(tr: Tr<'_>, list: LookupList, codes: impl IntoIterator<Item = String>) -> String {
    codes.into_iter().map(|c| tr.lookup(list, &c)).collect::<Vec<_>>().join(", ")
}

/// "20 of 63", or nothing when no count was given.
fn of_met(tr: Tr<'_>, people: Option<u32>, total: u32) -> String {
    people.map(|n| tr.t_args("visit-of-met", &[("n", n.into()), ("total", total.into())])).unwrap_or_default()
}

/// An item's answer with how many it concerned: "Yes · 20 of 63" (of the visit's people met),
/// "Yes · 20" where there is no total to compare with.
fn answer(tr: Tr<'_>, check: &Check, total: Option<u32>) -> String {
    let said = tr.t(&format!("observation-{}", check.answer.code()));
    match (check.people, total) {
        (Some(_), Some(total)) => format!("{said} · {}", of_met(tr, check.people, total)),
        (Some(n), None) => format!("{said} · {n}"),
        (None, _) => said,
    }
}

/// Whom the group met and what it found.
fn findings(tr: Tr<'_>, v: &Visit) -> Markup {
    let p = &v.people;
    html! {
        h2 { (tr.t("visit-people-met")) }
        dl.record {
            dt { (tr.t("visit-total")) } dd { (p.total) }
            dt { (tr.t("visit-women")) } dd { (p.women) }
            dt { (tr.t("visit-men")) } dd { (p.men) }
            dt { (tr.t("visit-minors")) } dd { (p.minors) }
            @for c in &p.citizenships { dt { (tr.lookup(lookups::CITIZENSHIP, &c.citizenship)) } dd { (c.people) } }
            @if let Some(hours) = v.hours_per_day { dt { (tr.t("visit-hours")) } dd { (hours) } }
        }
        @if !v.checks.is_empty() {
            h2 { (tr.t("visit-checklist")) }
            dl.record { @for c in &v.checks { dt { (tr.lookup(lookups::CHECK_ITEM, &c.item)) } dd { (answer(tr, c, Some(p.total))) } } }
        }
        h2 { (tr.t("visit-violations")) }
        @if v.violations.is_empty() { p { (tr.t("visit-no-violations")) } } @else {
            ul.results {
                @for w in &v.violations {
                    li { (tr.lookup(lookups::VIOLATION, &w.kind))
                        @if w.people.is_some() { " · " (of_met(tr, w.people, p.total)) }
                        @if let Some(indicator) = violation_indicator(&w.kind) { " · " span.hint { (tr.t("visit-ilo")) " " (tr.t(&indicator.label_id())) } } }
                }
            }
        }
        @if !v.materials.is_empty() {
            h2 { (tr.t("visit-materials")) }
            ul.results { @for m in &v.materials {
                li { (tr.lookup(lookups::MATERIAL, &m.kind)) " (" (tr.lookup(lookups::LANGUAGE, &m.language)) "): " (m.quantity) }
            } }
        }
    }
}

/// What changed since the visit before, to the same party.
fn since(tr: Tr<'_>, earlier: &Visit, changes: &Changes) -> Markup {
    let shown = |c: &Option<Check>| c.as_ref().map_or_else(|| tr.t("visit-not-answered"), |c| answer(tr, c, None));
    html! {
        h2 { (tr.t("visit-since")) " " a href={ "/monitoring/" (earlier.id) } { (day(earlier.visited_on.unwrap_or(earlier.planned_on))) } }
        dl.record {
            dt { (tr.t("visit-total")) } dd { (changes.people.0) " → " (changes.people.1) }
            dt { (tr.t("visit-minors")) } dd { (changes.minors.0) " → " (changes.minors.1) }
            @for (item, before, after) in &changes.checks {
                dt { (tr.lookup(lookups::CHECK_ITEM, item)) } dd { (shown(before)) " → " (shown(after)) }
            }
            @if !changes.violations_gone.is_empty() {
                dt { (tr.t("visit-violations-gone")) }
                dd { (labels(tr, lookups::VIOLATION, changes.violations_gone.iter().map(|v| v.kind.clone()))) }
            }
            @if !changes.violations_new.is_empty() {
                dt { (tr.t("visit-violations-new")) }
                dd { (labels(tr, lookups::VIOLATION, changes.violations_new.iter().map(|v| v.kind.clone()))) }
            }
        }
    }
}

/// On-site consultations, the next one a click away, and the group case.
fn consultations(tr: Tr<'_>, csrf: &str, file: &VisitFile, names: &Directory, clock: chrono::FixedOffset) -> Markup {
    let id = file.visit.id;
    html! {
        h2 { (tr.t("visit-consultations")) }
        @if file.appeals.is_empty() { p { (tr.t("visit-no-consultations")) } }
        (appeal_table(tr, &file.appeals, names, clock))
        @if file.may.register_appeals { p { a.button href={ "/hotline/new?visit=" (id) } { (tr.t("visit-consult")) } } }
        @if !file.cases.is_empty() {
            h2 { (tr.t("visit-cases")) }
            ul.results { @for (case, number) in &file.cases { li { a href={ "/cases/" (case) } { (number) } } } }
        }
        @if file.may.open_case && !file.appeals.is_empty() {
            form.open-case method="post" action={ "/monitoring/" (id) "/open-case" } {
                input type="hidden" name="csrf" value=(csrf);
                // The form's own id: sent twice, it opens one case.
                input type="hidden" name="id" value=(uuid::Uuid::now_v7());
                label for="kind" { (tr.t("appeal-case-kind")) }
                (crate::widgets::lookup_select(tr, "kind", lookups::CASE_KIND, "labour-exploitation", None, &Default::default()))
                label.check { input type="checkbox" name="sensitive" value="1"; " " (tr.t("appeal-case-sensitive")) }
                button.secondary type="submit" { (tr.t("visit-open-group-case")) }
            }
        }
    }
}

/// Follow-up work: each task with its day and who does it, marked done here, and a form for
/// the next one.
fn tasks(
    tr: Tr<'_>,
    csrf: &str,
    file: &VisitFile,
    names: &Directory,
    today: chrono::NaiveDate,
    me: Option<AccountId>,
    retry: Option<TaskRetry<'_>>,
) -> Markup {
    let id = file.visit.id;
    let none = FieldErrors::default();
    let (typed, errors) = match &retry {
        Some(r) => (Some(r.typed), r.errors),
        None => (None, &none),
    };
    let value = |name: &str, default: String| typed.map_or(default, |t| t.get(name).to_owned());
    let me_text = me.map(|m| m.to_string()).unwrap_or_default();
    let assignee = value("assignee", me_text);
    html! {
        section #tasks {
            h2 { (tr.t("visit-tasks")) }
            @if file.tasks.is_empty() { p { (tr.t("case-no-tasks")) } }
            ul.tasks {
                @for t in &file.tasks {
                    li.overdue[t.is_overdue(today)] {
                        @if let Some(done_on) = t.done_on { s { (t.title) } " · " (tr.t_with("task-done-on", "date", day(done_on))) }
                        @else { strong { (day(t.due_on)) } " · " (t.title) }
                        " · " (names.staff.get(&t.assignee_id).cloned().unwrap_or_default())
                        @if file.may.change || Some(t.assignee_id) == me {
                            form.inline method="post" action={ "/monitoring/" (id) "/tasks/" (t.id) "/done" } {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="done" value=(if t.done_on.is_none() { "1" } else { "0" });
                                button.secondary type="submit" { (tr.t(if t.done_on.is_none() { "task-mark-done" } else { "task-mark-open" })) }
                            }
                        }
                    }
                }
            }
            @if file.may.change {
                form #task-form method="post" action={ "/monitoring/" (id) "/tasks" } {
                    (errors.summary(tr))
                    input type="hidden" name="csrf" value=(csrf);
                    div.row {
                        (field(tr, "task-title", "title", errors, text_input("title", &value("title", String::new()), errors)))
                        (field(tr, "task-assignee", "assignee", errors, html! {
                            select id=(errors.id_of("assignee")) name="assignee" aria-invalid=[errors.has("assignee").then_some("true")]
                                aria-describedby=[errors.described_by("assignee")] {
                                @for (account, name) in names.staff_sorted() {
                                    option value=(account) selected[account.to_string() == assignee] { (name) }
                                }
                            }
                        }))
                        (field(tr, "task-due", "due_on", errors, date_input("due_on", &value("due_on", today.to_string()), errors)))
                    }
                    button type="submit" { (tr.t("visit-task-add")) }
                }
            }
        }
    }
}

/// Adds a task; a task that cannot be saved (no title, a day that is not one, a colleague
/// who cannot take it) comes back on the visit's page as typed, each error by its field.
pub async fn add_task(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut errors = FieldErrors::default();
    let task = VisitTask {
        id: TaskId::new(),
        record: VisitId(id),
        title: data.get("title").to_owned(),
        assignee_id: AccountId(data.get("assignee").parse().unwrap_or_default()),
        due_on: crate::forms::required_day(&mut errors, "due_on", data.get("due_on")),
        done_on: None,
        created_by: None,
    };
    crate::forms::check_task(&mut errors, &task);
    let saved = match errors.is_empty() {
        true => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            blocking(move || app.add_visit_task(&actor, task)).await?
        }
        false => Err(AppError::Invalid(Vec::new())),
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&format!("/monitoring/{id}#tasks")).into_response()),
        Err(AppError::Invalid(refusals)) => {
            errors.add_validation(&refusals, &crate::fields::VISIT);
            let retry = TaskRetry { typed: &data, errors: &errors };
            let page = visit_page(&state, &current, VisitId(id), &FormData::parse(b""), Some(retry)).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
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
    blocking(move || app.set_visit_task_done(&actor, VisitId(id), TaskId(task), done)).await??;
    Ok(Redirect::to(&format!("/monitoring/{id}#tasks")).into_response())
}

/// What a refused photograph is told as, from the problem's code in the address.
const PHOTO_PROBLEMS: [&str; 5] = ["empty", "too-large", "truncated", "damaged", "refused-type"];

/// The visit's photographs, each downloaded (never shown inline), and a form for the next one
/// that opens the phone's camera.
fn photos(tr: Tr<'_>, csrf: &str, file: &VisitFile, problem: &str, clock: chrono::FixedOffset) -> Markup {
    let id = file.visit.id;
    html! {
        section #photos {
            h2 { (tr.t("visit-photos")) }
            @if let Some(problem) = PHOTO_PROBLEMS.iter().find(|p| **p == problem) {
                @let message = if *problem == "refused-type" { "visit-photo-refused-type".to_owned() } else { format!("evidence-problem-{problem}") };
                p.error-summary role="alert" { (tr.t(&message)) }
            }
            @if file.photos.is_empty() { p { (tr.t("visit-no-photos")) } }
            ul.results {
                @for photo in &file.photos {
                    li { a href={ "/monitoring/" (id) "/photos/" (photo.id) } { (photo.kind.to_uppercase()) ", " (photo.size / 1024) " KB" }
                        " · " (crate::widgets::local_time(clock, photo.added_at)) }
                }
            }
            @if file.may.change {
                form method="post" action={ "/monitoring/" (id) "/photos" } enctype="multipart/form-data" {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="file" { (tr.t("visit-photo-add")) }
                    input type="file" id="file" name="file" accept="image/*" capture="environment";
                    button type="submit" { (tr.t("visit-photo-save")) }
                }
            }
        }
    }
}

/// Files a photograph; a refused one is named on the visit's page.
pub async fn attach_photo(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    multipart: axum::extract::Multipart,
) -> Result<Response, WebError> {
    let upload = crate::uploads::read_upload(&state, &current, multipart).await?;
    let refused = |code: &str| Ok(Redirect::to(&format!("/monitoring/{id}?photo={code}#photos")).into_response());
    let (name, bytes) = match upload.file() {
        Ok(file) => file,
        Err(message) => return refused(message.trim_start_matches("evidence-problem-")),
    };
    let (app, actor) = (state.app.clone(), current.actor.clone());
    match blocking(move || app.attach_visit_photo(&actor, VisitId(id), &name, &bytes)).await? {
        Ok(_) => Ok(Redirect::to(&format!("/monitoring/{id}#photos")).into_response()),
        Err(EvidenceRefused::File(problem)) => refused(problem.code()),
        Err(EvidenceRefused::App(e)) => Err(e.into()),
    }
}

/// A photograph, decrypted, as a download.
pub async fn download_photo(
    State(state): State<AppState>,
    current: Current,
    Path((id, photo)): Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file = blocking(move || app.visit_photo(&actor, VisitId(id), PhotoId(photo))).await??;
    Ok(crate::uploads::download(&file.photo.kind, &file.name, file.content))
}

/// Opens a group case from the visit, then shows the new case to fill in.
pub async fn open_case(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let kind = data.get("kind").to_owned();
    let sensitive = data.has("sensitive");
    let sent = data.get("id").parse().map(CaseId).unwrap_or_default();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let case = blocking(move || app.open_case_from_visit(&actor, VisitId(id), &kind, sensitive, sent)).await??;
    Ok(Redirect::to(&format!("/cases/{case}?done=opened")).into_response())
}
