//! The referral network's directory: looked up by name, kind, service and region; a partner's
//! page with whom to call there (for those who see identifying data); added and changed by
//! administrators and managers. A refused form comes back as typed, each error by its field.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::partners::{PartnerFile, PartnerQuery};
use komek_domain::referrals::{FocalPoint, Partner, PartnerContacts};
use komek_domain::{PartnerId, lookups};
use maud::{Markup, html};

use super::codes;
use crate::errors::WebError;
use crate::fields;
use crate::forms::{FieldErrors, FormData, optional};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{field, lookup_checkboxes, lookup_filter, lookup_select, text_input};
use crate::{AppState, blocking};

/// Focal points a partner's form offers at once (more are added by saving and editing again).
const FOCAL_POINT_ROWS: usize = 3;

/// The directory, searched.
pub async fn list(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let q = FormData::parse(raw.unwrap_or_default().as_bytes());
    let query = PartnerQuery {
        name: q.get("q").trim().to_owned(),
        kind: optional(q.get("kind")),
        service: optional(q.get("service")),
        region: optional(q.get("region")),
        active_only: !q.has("all"),
    };
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let asked = query.clone();
    let (found, may) = blocking(move || -> Result<_, AppError> {
        Ok((app.find_partners(&actor, &asked)?, komek_app::policy::partners::rights(&actor)))
    })
    .await??;
    let tr = current.tr(&state);
    let title = tr.t("partners-title");
    let none = FieldErrors::default();
    let content = html! {
        h1 { (title) }
        p { (tr.t("partners-about")) }
        @if may.change { p { a.button href="/referrals/partners/new" { (tr.t("partners-add")) } } }
        form.filters method="get" action="/referrals/partners" role="search" {
            (field(tr, "partners-name", "q", &none, html! { input type="search" id="q" name="q" value=(query.name) autofocus; }))
            (field(tr, "partners-kind", "kind", &none, lookup_filter(tr, "kind", lookups::PARTNER_KIND, query.kind.as_deref().unwrap_or(""))))
            (field(tr, "partners-service", "service", &none, lookup_filter(tr, "service", lookups::SERVICE_KIND, query.service.as_deref().unwrap_or(""))))
            (field(tr, "partners-region", "region", &none, lookup_filter(tr, "region", lookups::REGION, query.region.as_deref().unwrap_or(""))))
            label.check { input type="checkbox" name="all" value="1" checked[!query.active_only]; " " (tr.t("partners-inactive-too")) }
            button type="submit" { (tr.t("intake-find")) }
        }
        (found_table(tr, &found, Opens::Here))
    };
    Ok(layout::page(tr, &current, &title, "/referrals", content))
}

/// Where a partner's page opens from a list of them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Opens {
    Here,
    /// In another tab, so that a half-typed form stays as it is.
    NewTab,
}

/// The partners a look-up found, or a line saying there are none: the directory page and the
/// intake form's look-up show the same.
pub fn found_table(tr: Tr<'_>, found: &[Partner], opens: Opens) -> Markup {
    html! {
        @if found.is_empty() { p { (tr.t("partners-none")) } } @else {
            div.wide { table.records {
                thead { tr {
                    th { (tr.t("partners-name")) } th { (tr.t("partners-kind")) } th { (tr.t("partners-country")) }
                    th { (tr.t("partners-regions")) } th { (tr.t("partners-services")) } th { (tr.t("partners-hours")) }
                } }
                tbody {
                    @for p in found {
                        tr.inactive[!p.active] {
                            td { a href={ "/referrals/partners/" (p.id) } target=[(opens == Opens::NewTab).then_some("_blank")] { (p.name) }
                                @if !p.active { " · " (tr.t("partners-inactive")) } }
                            td { (tr.lookup(lookups::PARTNER_KIND, &p.kind)) }
                            td { (tr.lookup(lookups::CITIZENSHIP, &p.country)) }
                            td { (regions(tr, p)) }
                            td { (codes(tr, lookups::SERVICE_KIND, &p.services)) }
                            td { (p.working_hours) }
                        }
                    }
                }
            } }
        }
    }
}

fn regions(tr: Tr<'_>, p: &Partner) -> String {
    if p.regions.is_empty() { tr.t("partners-everywhere") } else { codes(tr, lookups::REGION, &p.regions) }
}

/// A partner's page.
pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file = blocking(move || app.partner_file(&actor, PartnerId(id))).await??;
    let tr = current.tr(&state);
    let p = &file.partner;
    let content = html! {
        h1 { (p.name) @if !p.active { " · " (tr.t("partners-inactive")) } }
        dl.record {
            dt { (tr.t("partners-kind")) } dd { (tr.lookup(lookups::PARTNER_KIND, &p.kind)) }
            dt { (tr.t("partners-country")) } dd { (tr.lookup(lookups::CITIZENSHIP, &p.country)) }
            dt { (tr.t("partners-regions")) } dd { (regions(tr, p)) }
            dt { (tr.t("partners-services")) } dd { (codes(tr, lookups::SERVICE_KIND, &p.services)) }
            dt { (tr.t("partners-languages")) } dd { (codes(tr, lookups::LANGUAGE, &p.languages)) }
            dt { (tr.t("partners-hours")) } dd { (p.working_hours) }
            @if let Some(contacts) = &p.contacts {
                dt { (tr.t("person-address")) } dd { (contacts.address) }
                dt { (tr.t("intake-notes")) } dd.notes { (contacts.notes) }
            }
        }
        @if let Some(contacts) = &p.contacts {
            h2 { (tr.t("partners-focal-points")) }
            @if contacts.focal_points.is_empty() { p { (tr.t("partners-no-focal-points")) } }
            ul.results {
                @for point in &contacts.focal_points {
                    li { strong { (point.name) } @if !point.position.is_empty() { ", " (point.position) }
                        @if !point.phones.is_empty() { " · " (point.phones.join(", ")) }
                        @if !point.email.is_empty() { " · " (point.email) } }
                }
            }
        }
        @if file.may.change { p { a.button href={ "/referrals/partners/" (p.id) "/edit" } { (tr.t("partners-edit")) } } }
    };
    Ok(layout::page(tr, &current, &p.name, "/referrals", content))
}

pub async fn new_form(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    if !komek_app::policy::partners::rights(&current.actor).change {
        return Err(WebError::Forbidden);
    }
    let blank = Partner {
        id: PartnerId::new(),
        name: String::new(),
        kind: String::new(),
        country: "KZ".into(),
        regions: vec![],
        services: vec![],
        languages: vec![],
        working_hours: String::new(),
        active: true,
        contacts: Some(PartnerContacts::default()),
        updated_at: chrono::Utc::now(),
    };
    Ok(form_page(&state, &current, None, &blank, &FieldErrors::default()))
}

pub async fn edit_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file: PartnerFile = blocking(move || app.partner_file(&actor, PartnerId(id))).await??;
    if !file.may.change {
        return Err(WebError::Forbidden);
    }
    Ok(form_page(&state, &current, Some(file.version), &file.partner, &FieldErrors::default()))
}

pub async fn add(State(state): State<AppState>, current: Current, data: FormData) -> Result<Response, WebError> {
    save(state, current, None, data).await
}

pub async fn change(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    save(state, current, Some(PartnerId(id)), data).await
}

/// Saves a new partner (`id` absent) or a change; a refused form comes back as typed.
async fn save(state: AppState, current: Current, id: Option<PartnerId>, data: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let partner = read_form(&data, id);
    let version = data.get("version").parse::<i64>().ok();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let typed = partner.clone();
    let saved = blocking(move || match version {
        Some(version) => app.update_partner(&actor, typed.clone(), version).map(|()| typed.id),
        None => app.add_partner(&actor, typed),
    })
    .await?;
    match saved {
        Ok(id) => Ok(Redirect::to(&format!("/referrals/partners/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let mut marked = FieldErrors::default();
            marked.add_validation(&errors, &fields::PARTNER);
            let page = form_page(&state, &current, version, &partner, &marked);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        // Changed by someone else meanwhile: what was typed comes back, to be made again on
        // the partner as it is now.
        Err(AppError::Conflict) => {
            let mut marked = FieldErrors::default();
            marked.add("version", "form-changed-meanwhile");
            let page = form_page(&state, &current, version, &partner, &marked);
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

fn lines(text: &str) -> Vec<String> {
    text.split([',', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn read_form(data: &FormData, id: Option<PartnerId>) -> Partner {
    let focal_points = (0..FOCAL_POINT_ROWS)
        .map(|i| FocalPoint {
            name: data.get(&format!("fp{i}_name")).trim().to_owned(),
            position: data.get(&format!("fp{i}_position")).trim().to_owned(),
            phones: lines(data.get(&format!("fp{i}_phones"))),
            email: data.get(&format!("fp{i}_email")).trim().to_owned(),
        })
        .filter(|p| !(p.name.is_empty() && p.position.is_empty() && p.phones.is_empty() && p.email.is_empty()))
        .collect();
    Partner {
        id: id.unwrap_or_default(),
        name: data.get("name").trim().to_owned(),
        kind: data.get("kind").to_owned(),
        country: data.get("country").to_owned(),
        regions: data.all("regions"),
        services: data.all("services"),
        languages: data.all("languages"),
        working_hours: data.get("working_hours").trim().to_owned(),
        active: data.has("active"),
        contacts: Some(PartnerContacts {
            focal_points,
            address: data.get("address").trim().to_owned(),
            notes: data.get("notes").trim().to_owned(),
        }),
        updated_at: chrono::Utc::now(),
    }
}

fn form_page(state: &AppState, current: &Current, version: Option<i64>, p: &Partner, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let (title, action) = match version {
        Some(_) => (tr.t("partners-edit"), format!("/referrals/partners/{}/edit", p.id)),
        None => (tr.t("partners-add"), "/referrals/partners/new".to_owned()),
    };
    let contacts = p.contacts.clone().unwrap_or_default();
    let area = |name: &str, value: &str| crate::widgets::text_area(name, value, errors);
    let content = html! {
        h1 { (title) }
        (errors.summary(tr))
        (errors.message(tr, "version"))
        form method="post" action=(action) {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            @if let Some(version) = version { input type="hidden" name="version" value=(version); }
            (field(tr, "partners-name", "name", errors, text_input("name", &p.name, errors)))
            (field(tr, "partners-kind", "kind", errors, lookup_select(tr, "kind", lookups::PARTNER_KIND, &p.kind, Some("form-not-given"), errors)))
            (field(tr, "partners-country", "country", errors, lookup_select(tr, "country", lookups::CITIZENSHIP, &p.country, None, errors)))
            (lookup_checkboxes(tr, "partners-regions-served", "regions", lookups::REGION, &p.regions, errors))
            (lookup_checkboxes(tr, "partners-services", "services", lookups::SERVICE_KIND, &p.services, errors))
            (lookup_checkboxes(tr, "partners-languages", "languages", lookups::LANGUAGE, &p.languages, errors))
            (field(tr, "partners-hours", "working_hours", errors, text_input("working_hours", &p.working_hours, errors)))
            label.check { input type="checkbox" name="active" value="1" checked[p.active]; " " (tr.t("partners-active")) }
            fieldset #focal_points {
                legend { (tr.t("partners-focal-points")) }
                p.hint { (tr.t("partners-focal-points-hint")) }
                @for i in 0..FOCAL_POINT_ROWS {
                    @let point = contacts.focal_points.get(i).cloned().unwrap_or_default();
                    div.row {
                        (field(tr, "partners-focal-name", &format!("fp{i}_name"), errors, text_input(&format!("fp{i}_name"), &point.name, errors)))
                        (field(tr, "partners-focal-position", &format!("fp{i}_position"), errors, text_input(&format!("fp{i}_position"), &point.position, errors)))
                        (field(tr, "intake-phone", &format!("fp{i}_phones"), errors, text_input(&format!("fp{i}_phones"), &point.phones.join(", "), errors)))
                        (field(tr, "partners-focal-email", &format!("fp{i}_email"), errors, text_input(&format!("fp{i}_email"), &point.email, errors)))
                    }
                }
                (errors.message(tr, "focal_points"))
            }
            (field(tr, "person-address", "address", errors, area("address", &contacts.address)))
            (field(tr, "intake-notes", "notes", errors, area("notes", &contacts.notes)))
            button type="submit" { (tr.t("form-save")) }
        }
    };
    layout::page(tr, current, &title, "/referrals", content)
}
