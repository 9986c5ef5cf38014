//! Editing a case's header, and closing it (which asks for its outcome and reason). An edit
//! names the version it was made on: if someone saved in between, nothing is overwritten;
//! the editor sees their own values kept and, beside them, what is saved now.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::cases::CaseFile;
use komek_domain::casework::VictimStatus;
use komek_domain::entities::Case;
use komek_domain::lookups::{self, LookupList};
use komek_domain::{AccountId, CaseId};
use maud::{Markup, html};

use crate::directory::{Directory, directory};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::forms::{form_day, optional};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, field, lookup_checkboxes, lookup_select, text_input};
use crate::{AppState, blocking, fields};

/// Which form: the whole header, or only what closing asks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Edit,
    Close,
}

impl Mode {
    fn path(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Close => "close",
        }
    }
}

async fn load(state: &AppState, current: &Current, id: CaseId) -> Result<(CaseFile, Directory), WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (file, names) =
        blocking(move || -> Result<_, AppError> { Ok((app.case_file(&actor, id)?, directory(&app, &actor)?)) })
            .await??;
    if !file.may.change {
        return Err(WebError::NotFound);
    }
    Ok((file, names))
}

pub async fn form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let (file, names) = load(&state, &current, CaseId(id)).await?;
    Ok(page(&state, &current, Mode::Edit, &file, &names, None, &FieldErrors::default(), None))
}

pub async fn close_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let (file, names) = load(&state, &current, CaseId(id)).await?;
    Ok(page(&state, &current, Mode::Close, &file, &names, None, &FieldErrors::default(), None))
}

pub async fn save(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mode = if data.get("mode") == "close" { Mode::Close } else { Mode::Edit };
    let Ok(version) = data.get("version").parse::<i64>() else { return Err(WebError::BadRequest) };
    let (file, names) = load(&state, &current, CaseId(id)).await?;
    let mut errors = FieldErrors::default();
    let case = read(&data, mode, &file.case, &mut errors);
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.update_case(actor, case, version).map(|_| ())
    })
    .await?;
    match result {
        Ok(()) => {
            let done = if mode == Mode::Close { "closed" } else { "saved" };
            Ok(Redirect::to(&format!("/cases/{id}?done={done}")).into_response())
        }
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::CASE);
            let body = page(&state, &current, mode, &file, &names, Some(&data), &errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            let body = page(&state, &current, mode, &file, &names, Some(&data), &errors, Some(&file));
            Ok((StatusCode::CONFLICT, body).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The case as the form leaves it: what the form carries over what is saved.
fn read(data: &FormData, mode: Mode, saved: &Case, errors: &mut FieldErrors) -> Case {
    let mut case = saved.clone();
    case.summary = None;
    case.status = data.get("status").to_owned();
    case.closing_reason = optional(data.get("closing_reason"));
    case.outcomes = data.all("outcomes");
    case.closed_on = form_day(errors, "closed_on", data.get("closed_on"));
    if mode == Mode::Close {
        return case;
    }
    case.kind = data.get("kind").to_owned();
    case.sensitive = data.has("sensitive");
    match data.get("lead").parse() {
        Ok(lead) => case.lead_id = AccountId(lead),
        Err(_) => errors.add("lead", "form-required"),
    }
    case.team = data.all("team").iter().filter_map(|t| t.parse().ok().map(AccountId)).collect();
    case.recruited_at = data.get("recruited_at").trim().to_owned();
    case.recruited_district = optional(data.get("recruited_district"));
    case.recruited_country = optional(data.get("recruited_country"));
    case.exploited_region = optional(data.get("exploited_region"));
    case.exploited_district = optional(data.get("exploited_district"));
    case.exploited_place = optional(data.get("exploited_place"));
    case.exploited_country = optional(data.get("exploited_country"));
    case.recruitment_methods = data.all("recruitment_methods");
    case.means_of_control = data.all("means_of_control");
    case.summary = Some(data.get("summary").to_owned());
    // A person the form does not carry (added meanwhile) keeps their saved standing: the
    // service's rule (policy::cases::keep_saved_standing).
    case.victims = saved
        .persons
        .iter()
        .filter(|person| data.has(&format!("victim_{person}")))
        .map(|person| VictimStatus {
            person_id: *person,
            status: data.get(&format!("victim_{person}")).to_owned(),
            identified_by: optional(data.get(&format!("identified_by_{person}"))),
            identified_on: form_day(
                errors,
                &format!("identified_on_{person}"),
                data.get(&format!("identified_on_{person}")),
            ),
        })
        .collect();
    case
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    current: &Current,
    mode: Mode,
    file: &CaseFile,
    names: &Directory,
    typed: Option<&FormData>,
    errors: &FieldErrors,
    saved_now: Option<&CaseFile>,
) -> Markup {
    let tr = current.tr(state);
    let c = &file.case;
    let title =
        tr.t_with(if mode == Mode::Close { "case-close-title" } else { "case-edit-title" }, "number", c.number.clone());
    // What the form shows: what was typed, else what is saved.
    let value = |name: &str, saved: String| typed.map_or(saved, |d| d.get(name).to_owned());
    let values = |name: &str, saved: Vec<String>| typed.map_or(saved, |d| d.all(name));
    let code = |o: &Option<String>| o.clone().unwrap_or_default();
    let status = value("status", if mode == Mode::Close { "closed".into() } else { c.status.clone() });
    let outcomes = values("outcomes", c.outcomes.clone());
    let recruitment = values("recruitment_methods", c.recruitment_methods.clone());
    let control = values("means_of_control", c.means_of_control.clone());
    let select = |name: &str, list: LookupList, saved: &Option<String>| {
        lookup_select(tr, name, list, &value(name, code(saved)), Some("form-not-given"), errors)
    };
    let content = html! {
        h1 { (title) }
        p { a href={ "/cases/" (c.id) } { (tr.t("case-back")) } }
        (errors.summary(tr))
        (errors.message(tr, "version"))
        @if let Some(now) = saved_now { (saved_now_panel(tr, now, names)) }
        form.case-edit method="post" action={ "/cases/" (c.id) "/" (mode.path()) } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="mode" value=(mode.path());
            input type="hidden" name="version" value=(saved_now.map_or(file.version, |n| n.version));
            @if mode == Mode::Close {
                input type="hidden" name="status" value=(status);
                p { (tr.t("case-close-about")) }
            } @else {
                (field(tr, "case-kind", "kind", errors, lookup_select(tr, "kind", lookups::CASE_KIND, &value("kind", c.kind.clone()), None, errors)))
                (field(tr, "case-status", "status", errors, lookup_select(tr, "status", lookups::CASE_STATUS, &status, None, errors)))
                label.check { input type="checkbox" name="sensitive" value="1" checked[typed.map_or(c.sensitive, |d| d.has("sensitive"))]; " " (tr.t("appeal-case-sensitive")) }
                (field(tr, "case-lead", "lead", errors, html! {
                    select #lead name="lead" {
                        @for (id, name) in names.staff_sorted() {
                            option value=(id.to_string()) selected[value("lead", c.lead_id.to_string()) == id.to_string()] { (name) }
                        }
                    }
                }))
                fieldset.checks #team {
                    legend { (tr.t("case-team")) }
                    @let team = values("team", c.team.iter().map(|t| t.to_string()).collect());
                    @for (id, name) in names.staff_sorted() {
                        label.check { input type="checkbox" name="team" value=(id.to_string()) checked[team.contains(&id.to_string())]; " " (name) }
                    }
                }
                fieldset #victims {
                    legend { (tr.t("case-persons")) }
                    @for person in &c.persons {
                        @let saved = c.victim_status(*person);
                        @let status_name = format!("victim_{person}");
                        @let body_name = format!("identified_by_{person}");
                        @let on_name = format!("identified_on_{person}");
                        div.victim {
                            p { a href={ "/persons/" (person) } { (tr.t("hotline-open-person")) } }
                            (field(tr, "case-victim-status", &status_name, errors, lookup_select(tr, &status_name, lookups::VICTIM_STATUS, &value(&status_name, saved.map_or("unknown".into(), |s| s.status.clone())), None, errors)))
                            (field(tr, "case-identified-by", &body_name, errors, lookup_select(tr, &body_name, lookups::IDENTIFYING_BODY, &value(&body_name, saved.and_then(|s| s.identified_by.clone()).unwrap_or_default()), Some("form-not-given"), errors)))
                            (field(tr, "case-identified-on", &on_name, errors, html! {
                                input type="date" id=(on_name) name=(on_name) value=(value(&on_name, saved.and_then(|s| s.identified_on).map(|d| d.to_string()).unwrap_or_default()));
                            }))
                        }
                    }
                    (errors.message(tr, "victims"))
                }
                (field(tr, "case-recruited-at", "recruited_at", errors, text_input("recruited_at", &value("recruited_at", c.recruited_at.clone()), errors)))
                (field(tr, "case-recruited-district", "recruited_district", errors, select("recruited_district", lookups::DISTRICT, &c.recruited_district)))
                (field(tr, "case-recruited-country", "recruited_country", errors, select("recruited_country", lookups::CITIZENSHIP, &c.recruited_country)))
                (field(tr, "case-exploited-place", "exploited_place", errors, select("exploited_place", lookups::PLACE_KIND, &c.exploited_place)))
                (field(tr, "case-exploited-district", "exploited_district", errors, select("exploited_district", lookups::DISTRICT, &c.exploited_district)))
                (field(tr, "case-exploited-region", "exploited_region", errors, select("exploited_region", lookups::REGION, &c.exploited_region)))
                (field(tr, "case-exploited-country", "exploited_country", errors, select("exploited_country", lookups::CITIZENSHIP, &c.exploited_country)))
                (lookup_checkboxes(tr, "case-recruitment-methods", "recruitment_methods", lookups::RECRUITMENT_METHOD, &recruitment, errors))
                (lookup_checkboxes(tr, "case-means-of-control", "means_of_control", lookups::MEANS_OF_CONTROL, &control, errors))
                (field(tr, "case-summary", "summary", errors, html! {
                    textarea #summary name="summary" rows="6" { (value("summary", c.summary.clone().unwrap_or_default())) }
                }))
            }
            (lookup_checkboxes(tr, "case-outcomes", "outcomes", lookups::CASE_OUTCOME, &outcomes, errors))
            (field(tr, "case-closing-reason", "closing_reason", errors, select("closing_reason", lookups::CLOSING_REASON, &c.closing_reason)))
            (field(tr, "case-closed", "closed_on", errors, html! {
                input type="date" #closed_on name="closed_on" value=(value("closed_on", c.closed_on.map(|d| d.to_string()).unwrap_or_default()));
            }))
            button type="submit" accesskey="s" { (tr.t(if mode == Mode::Close { "case-close" } else { "form-save" })) }
        }
    };
    layout::page(tr, current, &title, "/cases", content)
}

/// What another editor saved while this one was typing: every field of the header, so that
/// saving again replaces it knowingly.
fn saved_now_panel(tr: Tr<'_>, now: &CaseFile, names: &Directory) -> Markup {
    let c = &now.case;
    let staff = |id: &AccountId| names.staff.get(id).cloned().unwrap_or_default();
    let maybe = |list: LookupList, code: &Option<String>| code.as_ref().map(|c| tr.lookup(list, c)).unwrap_or_default();
    html! {
        section.changed #changed {
            h2 { (tr.t("form-saved-now")) }
            dl.record {
                dt { (tr.t("case-kind")) } dd { (tr.lookup(lookups::CASE_KIND, &c.kind)) }
                dt { (tr.t("case-status")) } dd { (tr.lookup(lookups::CASE_STATUS, &c.status)) }
                dt { (tr.t("appeal-case-sensitive")) } dd { (tr.t(if c.sensitive { "case-sensitive-yes" } else { "case-sensitive-no" })) }
                dt { (tr.t("case-lead")) } dd { (staff(&c.lead_id)) }
                dt { (tr.t("case-team")) } dd { (c.team.iter().map(staff).collect::<Vec<_>>().join(", ")) }
                dt { (tr.t("case-persons")) } dd {
                    (c.victims.iter().map(|v| tr.lookup(lookups::VICTIM_STATUS, &v.status)).collect::<Vec<_>>().join(", "))
                }
                dt { (tr.t("case-recruited-at")) } dd {
                    (c.recruited_at) " " (maybe(lookups::DISTRICT, &c.recruited_district)) " " (maybe(lookups::CITIZENSHIP, &c.recruited_country))
                }
                dt { (tr.t("case-exploited-at")) } dd {
                    (maybe(lookups::PLACE_KIND, &c.exploited_place)) " " (maybe(lookups::DISTRICT, &c.exploited_district)) " " (maybe(lookups::REGION, &c.exploited_region)) " " (maybe(lookups::CITIZENSHIP, &c.exploited_country))
                }
                dt { (tr.t("case-recruitment-methods")) } dd { (c.recruitment_methods.iter().map(|m| tr.lookup(lookups::RECRUITMENT_METHOD, m)).collect::<Vec<_>>().join(", ")) }
                dt { (tr.t("case-means-of-control")) } dd { (c.means_of_control.iter().map(|m| tr.lookup(lookups::MEANS_OF_CONTROL, m)).collect::<Vec<_>>().join(", ")) }
                dt { (tr.t("case-outcomes")) } dd { (c.outcomes.iter().map(|o| tr.lookup(lookups::CASE_OUTCOME, o)).collect::<Vec<_>>().join(", ")) }
                dt { (tr.t("case-closing-reason")) } dd { (maybe(lookups::CLOSING_REASON, &c.closing_reason)) }
                @if let Some(closed) = c.closed_on { dt { (tr.t("case-closed")) } dd { (day(closed)) } }
                dt { (tr.t("case-summary")) } dd { (c.summary.clone().unwrap_or_default()) }
            }
            p { (tr.t("form-keep-or-take")) }
        }
    }
}
