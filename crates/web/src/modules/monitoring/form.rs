//! The visit form: a plan, or a visit recorded on a phone in the field. Everything is kept as
//! typed, so a refused form (a count that does not add up, a day in the future) comes back
//! whole with each error by its field; the form's id is fixed when it is first shown, so a
//! form sent again after the connection dropped at submit saves once.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::monitoring::VisitChoices;
use komek_app::parties::NewParty;
use komek_domain::entities::{Party, PartyIdentity};
use komek_domain::lookups::{self, LookupList};
use komek_domain::monitoring::{
    Check, CitizenshipCount, Material, Observation, PeopleMet, Violation, Visit, VisitNotes,
};
use komek_domain::{AccountId, OfficeId, PartnerId, PartyId, ValidationError, VisitId};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::fields;
use crate::forms::{FieldErrors, FormData, form_day, optional, required_day};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{field, lookup_select, text_input};
use crate::{AppState, blocking};

/// Rows the form offers for citizenships and for materials.
const ROWS: usize = 3;
/// Parties a search on the form lists.
const PARTY_RESULTS: usize = 5;

/// The form exactly as typed.
#[derive(Debug, Clone, Default)]
struct VisitForm {
    id: String,
    version: Option<i64>,
    status: String,
    planned_on: String,
    visited_on: String,
    region: String,
    district: String,
    place_kind: String,
    party_id: String,
    party_q: String,
    new_party_name: String,
    new_party_kind: String,
    partners: Vec<String>,
    team: Vec<String>,
    total: String,
    women: String,
    men: String,
    minors: String,
    /// (citizenship, people) rows.
    citizenships: Vec<(String, String)>,
    /// Item → (answer, people).
    checks: HashMap<String, (String, String)>,
    hours: String,
    /// Violation → people; present when ticked.
    violations: HashMap<String, String>,
    /// (kind, language, quantity) rows.
    materials: Vec<(String, String, String)>,
    settlement: String,
    narrative: String,
    cancel_reason: String,
}

/// A count typed in the form: empty is `None`; anything but a whole number is marked.
fn whole(errors: &mut FieldErrors, name: &str, text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = text.parse::<u32>().ok();
    if parsed.is_none() {
        errors.add(name, "form-invalid-count");
    }
    parsed
}

fn count(n: u32) -> String {
    n.to_string()
}

impl VisitForm {
    fn blank(today: chrono::NaiveDate, me: Option<AccountId>) -> Self {
        Self {
            id: VisitId::new().to_string(),
            status: "done".into(),
            planned_on: today.to_string(),
            visited_on: today.to_string(),
            region: "turkistan".into(),
            team: me.map(|a| vec![a.to_string()]).unwrap_or_default(),
            ..Default::default()
        }
    }

    fn from_visit(v: &Visit) -> Self {
        let notes = v.notes.clone().unwrap_or_default();
        Self {
            id: v.id.to_string(),
            version: Some(v.version),
            status: v.status.clone(),
            planned_on: v.planned_on.to_string(),
            visited_on: v.visited_on.map(|d| d.to_string()).unwrap_or_default(),
            region: v.region.clone(),
            district: v.district.clone(),
            place_kind: v.place_kind.clone(),
            party_id: v.party_id.map(|p| p.to_string()).unwrap_or_default(),
            partners: v.partners.iter().map(ToString::to_string).collect(),
            team: v.team.iter().map(ToString::to_string).collect(),
            total: count(v.people.total),
            women: count(v.people.women),
            men: count(v.people.men),
            minors: count(v.people.minors),
            citizenships: v.people.citizenships.iter().map(|c| (c.citizenship.clone(), count(c.people))).collect(),
            checks: v
                .checks
                .iter()
                .map(|c| (c.item.clone(), (c.answer.code().to_owned(), c.people.map(count).unwrap_or_default())))
                .collect(),
            hours: v.hours_per_day.map(count).unwrap_or_default(),
            violations: v
                .violations
                .iter()
                .map(|w| (w.kind.clone(), w.people.map(count).unwrap_or_default()))
                .collect(),
            materials: v.materials.iter().map(|m| (m.kind.clone(), m.language.clone(), count(m.quantity))).collect(),
            settlement: notes.settlement,
            narrative: notes.narrative,
            cancel_reason: notes.cancel_reason,
            ..Default::default()
        }
    }

    fn read(data: &FormData) -> Self {
        let text = |name: &str| data.get(name).to_owned();
        Self {
            id: text("id"),
            version: data.get("version").parse().ok(),
            status: text("status"),
            planned_on: text("planned_on"),
            visited_on: text("visited_on"),
            region: text("region"),
            district: text("district"),
            place_kind: text("place_kind"),
            party_id: text("party_id"),
            party_q: text("party_q"),
            new_party_name: text("new_party_name"),
            new_party_kind: text("new_party_kind"),
            partners: data.all("partners"),
            team: data.all("team"),
            total: text("total"),
            women: text("women"),
            men: text("men"),
            minors: text("minors"),
            citizenships: (0..ROWS)
                .map(|i| (text(&format!("cit{i}")), text(&format!("cit{i}_n"))))
                .filter(|(c, n)| !(c.is_empty() && n.trim().is_empty()))
                .collect(),
            checks: lookups::CHECK_ITEM
                .codes
                .iter()
                .map(|item| ((*item).to_owned(), (text(&format!("check_{item}")), text(&format!("check_{item}_n")))))
                .filter(|(_, (answer, n))| !answer.is_empty() || !n.trim().is_empty())
                .collect(),
            hours: text("hours"),
            violations: data
                .all("violation")
                .into_iter()
                .map(|kind| {
                    let n = text(&format!("violation_{kind}_n"));
                    (kind, n)
                })
                .collect(),
            materials: (0..ROWS)
                .map(|i| (text(&format!("mat{i}")), text(&format!("mat{i}_lang")), text(&format!("mat{i}_n"))))
                .filter(|(k, l, n)| !(k.is_empty() && l.is_empty() && n.trim().is_empty()))
                .collect(),
            settlement: text("settlement"),
            narrative: text("narrative"),
            cancel_reason: text("cancel_reason"),
        }
    }

    /// The visit this form describes and the party to register with it, or what to fix: what
    /// does not parse is marked here, the rules are the service's.
    fn to_visit(&self) -> Result<(Visit, Option<NewParty>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let people = PeopleMet {
            total: whole(&mut errors, "total", &self.total).unwrap_or(0),
            women: whole(&mut errors, "women", &self.women).unwrap_or(0),
            men: whole(&mut errors, "men", &self.men).unwrap_or(0),
            minors: whole(&mut errors, "minors", &self.minors).unwrap_or(0),
            citizenships: self
                .citizenships
                .iter()
                .enumerate()
                .map(|(i, (c, n))| CitizenshipCount {
                    citizenship: c.clone(),
                    people: whole(&mut errors, &format!("cit{i}_n"), n).unwrap_or(0),
                })
                .collect(),
        };
        let mut checks = Vec::new();
        for item in lookups::CHECK_ITEM.codes {
            let Some((answer, n)) = self.checks.get(*item) else { continue };
            let people = whole(&mut errors, &format!("check_{item}_n"), n);
            match Observation::parse(answer) {
                Some(answer) => checks.push(Check { item: (*item).to_owned(), answer, people }),
                None => errors.add(&format!("check_{item}"), "form-required"),
            }
        }
        let hours_per_day = whole(&mut errors, "hours", &self.hours);
        let violations = lookups::VIOLATION
            .codes
            .iter()
            .filter_map(|kind| {
                let n = self.violations.get(*kind)?;
                Some(Violation {
                    kind: (*kind).to_owned(),
                    people: whole(&mut errors, &format!("violation_{kind}_n"), n),
                })
            })
            .collect();
        let materials = self
            .materials
            .iter()
            .enumerate()
            .map(|(i, (kind, language, n))| Material {
                kind: kind.clone(),
                language: language.clone(),
                quantity: whole(&mut errors, &format!("mat{i}_n"), n).unwrap_or(0),
            })
            .collect();
        let planned_on = required_day(&mut errors, "planned_on", &self.planned_on);
        let visited_on = form_day(&mut errors, "visited_on", &self.visited_on).filter(|_| self.status == "done");
        let ids = |list: &[String]| list.iter().filter_map(|s| s.parse().ok()).collect::<Vec<uuid::Uuid>>();
        let id = self.id.parse().map(VisitId).unwrap_or_else(|_| {
            errors.add("id", "form-invalid");
            VisitId::new()
        });
        let new_party = optional(&self.new_party_name).map(|name| NewParty {
            kind: self.new_party_kind.clone(),
            region: optional(&self.region),
            district: optional(&self.district),
            identity: PartyIdentity { name, ..Default::default() },
        });
        let visit = Visit {
            id,
            office_id: OfficeId::default(),
            status: self.status.clone(),
            planned_on,
            visited_on,
            region: self.region.clone(),
            district: self.district.clone(),
            place_kind: self.place_kind.clone(),
            party_id: self.party_id.parse().ok().map(PartyId),
            partners: ids(&self.partners).into_iter().map(PartnerId).collect(),
            team: ids(&self.team).into_iter().map(AccountId).collect(),
            people,
            checks,
            hours_per_day,
            violations,
            materials,
            notes: Some(VisitNotes {
                settlement: self.settlement.trim().to_owned(),
                narrative: self.narrative.trim().to_owned(),
                cancel_reason: self.cancel_reason.trim().to_owned(),
            }),
            created_by: None,
            updated_at: chrono::Utc::now(),
            version: self.version.unwrap_or(1),
        };
        if errors.is_empty() { Ok((visit, new_party)) } else { Err(errors) }
    }

    /// Marks the inputs a service's refusal is about: a count larger than the people met on
    /// each check, violation or citizenship row that holds one, the rest by the form's names.
    fn mark(&self, errors: &mut FieldErrors, refusals: &[ValidationError]) {
        for refusal in refusals {
            let ValidationError::MoreThan { field, max } = refusal else { continue };
            let over = |n: &str| n.trim().parse::<u32>().is_ok_and(|n| n > *max);
            let inputs: Vec<String> = match *field {
                "checks.people" => self
                    .checks
                    .iter()
                    .filter(|(_, (_, n))| over(n))
                    .map(|(item, _)| format!("check_{item}_n"))
                    .collect(),
                "violations.people" => self
                    .violations
                    .iter()
                    .filter(|(_, n)| over(n))
                    .map(|(kind, _)| format!("violation_{kind}_n"))
                    .collect(),
                "people.citizenships" => (0..self.citizenships.len()).map(|i| format!("cit{i}_n")).collect(),
                "materials.quantity" => (0..self.materials.len()).map(|i| format!("mat{i}_n")).collect(),
                _ => continue,
            };
            for input in inputs {
                errors.add_with_max(&input, "form-more-than", max.to_string());
            }
        }
        errors.add_validation(refusals, &fields::VISIT);
    }
}

pub async fn new_form(State(state): State<AppState>, current: Current) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let today = blocking(move || app.today(&actor)).await??;
    let form = VisitForm::blank(today, current.actor.account_id());
    render(&state, &current, form, FieldErrors::default(), StatusCode::OK).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file = blocking(move || app.visit_file(&actor, VisitId(id))).await??;
    if !file.may.change {
        return Err(WebError::Forbidden);
    }
    render(&state, &current, VisitForm::from_visit(&file.visit), FieldErrors::default(), StatusCode::OK).await
}

pub async fn create(State(state): State<AppState>, current: Current, data: FormData) -> Result<Response, WebError> {
    save(state, current, data).await
}

pub async fn change(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    // The visit changed is the one the address names, whatever the form carries.
    if data.get("id") != id.to_string() {
        return Err(WebError::NotFound);
    }
    save(state, current, data).await
}

/// Handles both buttons: find a party (the form comes back with the parties found), save.
async fn save(state: AppState, current: Current, data: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut form = VisitForm::read(&data);
    if data.get("action") == "find" {
        form.party_id.clear();
        return render(&state, &current, form, FieldErrors::default(), StatusCode::OK).await;
    }
    let (visit, new_party) = match form.to_visit() {
        Ok(parsed) => parsed,
        Err(errors) => return render(&state, &current, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let version = form.version;
    let saved = blocking(move || match version {
        Some(version) => app.update_visit(&actor, visit.clone(), version, new_party).map(|_| visit.id),
        None => app.create_visit(&actor, None, visit, new_party).map(|saved| saved.id),
    })
    .await?;
    match saved {
        Ok(id) => Ok(Redirect::to(&format!("/monitoring/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(refusals)) => {
            let mut errors = FieldErrors::default();
            form.mark(&mut errors, &refusals);
            render(&state, &current, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        // The party chosen is gone from reach (or never was): said beside it, nothing lost.
        Err(AppError::NotFound) if !form.party_id.is_empty() && form.version.is_none() => {
            let mut errors = FieldErrors::default();
            errors.add("party_id", "visit-party-gone");
            render(&state, &current, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        // Changed by someone else meanwhile: what was typed comes back, to be made again.
        Err(AppError::Conflict) => {
            let mut errors = FieldErrors::default();
            errors.add("id", "form-changed-meanwhile");
            render(&state, &current, form, errors, StatusCode::CONFLICT).await
        }
        Err(other) => Err(other.into()),
    }
}

/// What the form shows besides what was typed: whom to choose, and the party chosen or found.
struct Shown {
    choices: VisitChoices,
    party: Option<Party>,
    found: Vec<Party>,
}

async fn render(
    state: &AppState,
    current: &Current,
    form: VisitForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (party_id, query) = (form.party_id.parse().ok().map(PartyId), form.party_q.trim().to_owned());
    let (team, partners) = (form.team.clone(), form.partners.clone());
    let shown = blocking(move || -> Result<_, AppError> {
        // A party out of reach and one that does not exist look the same: a choice without a
        // name, which the save refuses beside the field if it is not the visit's own.
        let party = match party_id.map(|id| (id, app.party(&actor, id))) {
            None => None,
            Some((_, Ok(party))) => Some(party),
            Some((id, Err(AppError::NotFound))) => Some(Party {
                id,
                office_id: OfficeId::default(),
                kind: String::new(),
                region: None,
                district: None,
                identity: None,
                created_at: chrono::Utc::now(),
            }),
            Some((_, Err(e))) => return Err(e),
        };
        let found = match query.is_empty() {
            true => Vec::new(),
            false => app.search_parties(&actor, &query, PARTY_RESULTS)?.into_iter().map(|(p, _)| p).collect(),
        };
        let mut choices = app.visit_choices(&actor)?;
        // Whoever is on the visit stays offered, chosen, though not among the usual choices
        // (a colleague of another office, a partner no longer active).
        for (account, name, _) in app.staff_names(&actor)? {
            let id = account.to_string();
            if team.contains(&id) && !choices.team.iter().any(|(a, _)| *a == account) {
                choices.team.push((account, name));
            }
        }
        for (partner, name) in app.partner_names(&actor)? {
            if partners.contains(&partner.to_string()) && !choices.partners.iter().any(|(p, _)| *p == partner) {
                choices.partners.push((partner, name));
            }
        }
        Ok(Shown { choices, party, found })
    })
    .await??;
    let tr = current.tr(state);
    let title = tr.t(if form.version.is_some() { "visit-edit" } else { "visit-new" });
    let content = page(tr, &current.session.csrf_token, &form, &errors, &shown, &title);
    Ok((status, layout::page(tr, current, &title, "/monitoring", content)).into_response())
}

fn number_input(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    counted(name, value, errors, None)
}

/// A count beside a checklist item or a violation: labelled for screen readers, as its row
/// shows what it counts.
fn count_input(tr: Tr<'_>, name: &str, value: &str, errors: &FieldErrors) -> Markup {
    counted(name, value, errors, Some(tr.t("visit-how-many")))
}

fn counted(name: &str, value: &str, errors: &FieldErrors, label: Option<String>) -> Markup {
    html! {
        input type="number" min="0" inputmode="numeric" id=(name) name=(name) value=(value)
            placeholder=[label.clone()] aria-label=[label]
            aria-invalid=[errors.has(name).then_some("true")]
            aria-describedby=[errors.has(name).then(|| format!("{name}-error"))];
    }
}

fn code_select(tr: Tr<'_>, name: &str, list: LookupList, value: &str, errors: &FieldErrors) -> Markup {
    lookup_select(tr, name, list, value, Some("form-not-given"), errors)
}

fn page(tr: Tr<'_>, csrf: &str, form: &VisitForm, errors: &FieldErrors, shown: &Shown, title: &str) -> Markup {
    let action = match form.version {
        Some(_) => format!("/monitoring/{}/edit", form.id),
        None => "/monitoring/new".to_owned(),
    };
    let area = |name: &str, value: &str| html! { textarea id=(name) name=(name) rows="4" aria-invalid=[errors.has(name).then_some("true")] { (value) } };
    let num = |label: &str, name: &str, value: &str| field(tr, label, name, errors, number_input(name, value, errors));
    html! {
        h1 { (title) }
        (errors.summary(tr))
        (errors.message(tr, "id"))
        form.visit method="post" action=(action) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="id" value=(form.id);
            @if let Some(version) = form.version { input type="hidden" name="version" value=(version); }
            fieldset {
                legend { (tr.t("visit-when-where")) }
                div.row {
                    (field(tr, "visit-status", "status", errors, lookup_select(tr, "status", lookups::VISIT_STATUS, &form.status, None, errors)))
                    (field(tr, "visit-planned-on", "planned_on", errors, html! { input type="date" id="planned_on" name="planned_on" value=(form.planned_on); }))
                    (field(tr, "visit-visited-on", "visited_on", errors, html! { input type="date" id="visited_on" name="visited_on" value=(form.visited_on); }))
                }
                div.row {
                    (field(tr, "visit-region", "region", errors, code_select(tr, "region", lookups::REGION, &form.region, errors)))
                    (field(tr, "visit-district", "district", errors, code_select(tr, "district", lookups::DISTRICT, &form.district, errors)))
                    (field(tr, "visit-place-kind", "place_kind", errors, code_select(tr, "place_kind", lookups::PLACE_KIND, &form.place_kind, errors)))
                }
                (field(tr, "visit-settlement", "settlement", errors, text_input("settlement", &form.settlement, errors)))
            }
            (party_section(tr, form, errors, shown))
            (company_section(tr, form, errors, &shown.choices))
            fieldset #people {
                legend { (tr.t("visit-people-met")) }
                div.row {
                    (num("visit-total", "total", &form.total)) (num("visit-women", "women", &form.women))
                    (num("visit-men", "men", &form.men)) (num("visit-minors", "minors", &form.minors))
                }
                @for i in 0..ROWS {
                    @let (code, n) = form.citizenships.get(i).cloned().unwrap_or_default();
                    div.row {
                        (field(tr, "visit-citizenship", &format!("cit{i}"), errors, code_select(tr, &format!("cit{i}"), lookups::CITIZENSHIP, &code, errors)))
                        (num("visit-of-them", &format!("cit{i}_n"), &n))
                    }
                }
                (errors.message(tr, "citizenships"))
            }
            (checklist_section(tr, form, errors))
            (violations_section(tr, form, errors))
            fieldset #materials {
                legend { (tr.t("visit-materials")) }
                @for i in 0..ROWS {
                    @let (kind, language, n) = form.materials.get(i).cloned().unwrap_or_default();
                    div.row {
                        (field(tr, "visit-material", &format!("mat{i}"), errors, code_select(tr, &format!("mat{i}"), lookups::MATERIAL, &kind, errors)))
                        (field(tr, "visit-language", &format!("mat{i}_lang"), errors, code_select(tr, &format!("mat{i}_lang"), lookups::LANGUAGE, &language, errors)))
                        (num("visit-quantity", &format!("mat{i}_n"), &n))
                    }
                }
                (errors.message(tr, "materials"))
            }
            (field(tr, "visit-narrative", "narrative", errors, area("narrative", &form.narrative)))
            (field(tr, "visit-cancel-reason", "cancel_reason", errors, area("cancel_reason", &form.cancel_reason)))
            div.actions { button type="submit" name="action" value="save" { (tr.t("form-save")) } }
        }
    }
}

/// The party found there: one chosen, found by a tolerant search, or new to the registry.
fn party_section(tr: Tr<'_>, form: &VisitForm, errors: &FieldErrors, shown: &Shown) -> Markup {
    let name = |p: &Party| p.identity.as_ref().map_or_else(|| tr.t("visit-party-out-of-reach"), |i| i.name.clone());
    html! {
        fieldset #party {
            legend { (tr.t("visit-party")) }
            @if let Some(party) = &shown.party {
                label.check { input type="radio" name="party_id" value=(party.id) checked; " " (name(party)) }
            }
            @for party in shown.found.iter().filter(|p| shown.party.as_ref().is_none_or(|c| c.id != p.id)) {
                label.check { input type="radio" name="party_id" value=(party.id); " " (name(party))
                    @if let Some(d) = &party.district { " · " (tr.lookup(lookups::DISTRICT, d)) } }
            }
            @if !form.party_q.trim().is_empty() && shown.found.is_empty() { p.hint { (tr.t("parties-none")) } }
            (errors.message(tr, "party_id"))
            div.row {
                (field(tr, "visit-party-search", "party_q", errors, html! { input type="search" id="party_q" name="party_q" value=(form.party_q); }))
                button.secondary type="submit" name="action" value="find" formnovalidate { (tr.t("intake-find")) }
            }
            div.row {
                (field(tr, "visit-new-party", "new_party_name", errors, text_input("new_party_name", &form.new_party_name, errors)))
                (field(tr, "intake-party-kind", "new_party_kind", errors, lookup_select(tr, "new_party_kind", lookups::PARTY_KIND, if form.new_party_kind.is_empty() { "company" } else { &form.new_party_kind }, None, errors)))
            }
        }
    }
}

/// Who went: the group's members and the partners that came along.
fn company_section(tr: Tr<'_>, form: &VisitForm, errors: &FieldErrors, choices: &VisitChoices) -> Markup {
    let ticked = |list: &[String], id: String| list.contains(&id);
    html! {
        fieldset.checks #team {
            legend { (tr.t("visit-team")) }
            @for (id, name) in &choices.team {
                label.check { input type="checkbox" name="team" value=(id) checked[ticked(&form.team, id.to_string())]; " " (name) }
            }
            (errors.message(tr, "team"))
        }
        @if !choices.partners.is_empty() {
            fieldset.checks #partners {
                legend { (tr.t("visit-partners")) }
                @for (id, name) in &choices.partners {
                    label.check { input type="checkbox" name="partners" value=(id) checked[ticked(&form.partners, id.to_string())]; " " (name) }
                }
                (errors.message(tr, "partners"))
            }
        }
    }
}

/// The checklist: each item yes, no or not seen, with how many people it concerns.
fn checklist_section(tr: Tr<'_>, form: &VisitForm, errors: &FieldErrors) -> Markup {
    html! {
        fieldset #checks {
            legend { (tr.t("visit-checklist")) }
            p.hint { (tr.t("visit-checklist-hint")) }
            @for item in lookups::CHECK_ITEM.codes {
                @let (answer, n) = form.checks.get(*item).cloned().unwrap_or_default();
                @let name = format!("check_{item}");
                div.row.check-item {
                    span.field.wide { (tr.lookup(lookups::CHECK_ITEM, item)) }
                    span.answers {
                        @for o in Observation::ALL {
                            label.check { input type="radio" name=(name) value=(o.code()) checked[answer == o.code()]; " " (tr.t(&format!("observation-{}", o.code()))) }
                        }
                    }
                    (count_input(tr, &format!("{name}_n"), &n, errors))
                    (errors.message(tr, &name)) (errors.message(tr, &format!("{name}_n")))
                }
            }
            (field(tr, "visit-hours", "hours", errors, number_input("hours", &form.hours, errors)))
            (errors.message(tr, "checks"))
        }
    }
}

/// Violations found; those the checklist shows are added when the visit is saved.
fn violations_section(tr: Tr<'_>, form: &VisitForm, errors: &FieldErrors) -> Markup {
    html! {
        fieldset #violations {
            legend { (tr.t("visit-violations")) }
            p.hint { (tr.t("visit-violations-hint")) }
            @for kind in lookups::VIOLATION.codes {
                @let n = form.violations.get(*kind);
                div.row.check-item {
                    label.check.field.wide { input type="checkbox" name="violation" value=(kind) checked[n.is_some()]; " " (tr.lookup(lookups::VIOLATION, kind)) }
                    (count_input(tr, &format!("violation_{kind}_n"), n.map_or("", String::as_str), errors))
                    (errors.message(tr, &format!("violation_{kind}_n")))
                }
            }
            (errors.message(tr, "violations"))
        }
    }
}
