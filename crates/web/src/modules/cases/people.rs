//! Adding people and parties to a case after it is opened: a group case grows as more of the
//! "hundred recruited" come forward, and employers, intermediaries and officials are named as
//! they become known. Found the same tolerant way as at the hotline; added with the version
//! the page was read at, like any edit of the case.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_domain::lookups;
use komek_domain::{CaseId, PartyId, PersonId};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::layout;
use crate::session::Current;
use crate::widgets::lookup_select;
use crate::{AppState, blocking};

/// Candidates shown for one search.
const SHOWN: usize = 8;

/// The search and its results, with a button to add each.
pub async fn find(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    if !current.actor.can(komek_domain::Capability::ManageCases) {
        return Err(WebError::Forbidden);
    }
    let asked = FormData::parse(raw.unwrap_or_default().as_bytes());
    let query = asked.get("q").trim().to_owned();
    let conflict = asked.has("conflict");
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let typed = query.clone();
    let (file, persons, parties) = blocking(move || -> Result<_, AppError> {
        let file = app.case_file(&actor, CaseId(id))?;
        let (persons, parties) = if typed.is_empty() || !file.identifying_shown {
            (Vec::new(), Vec::new())
        } else {
            (app.search_persons(&actor, &typed, SHOWN)?, app.search_parties(&actor, &typed, SHOWN)?)
        };
        Ok((file, persons, parties))
    })
    .await??;
    if !file.may.change {
        return Err(WebError::NotFound);
    }
    let tr = current.tr(&state);
    let c = &file.case;
    let title = tr.t_with("case-people-title", "number", c.number.clone());
    let action = format!("/cases/{id}/people");
    let hidden = html! {
        input type="hidden" name="csrf" value=(current.session.csrf_token);
        input type="hidden" name="version" value=(file.version);
    };
    let content = html! {
        h1 { (title) }
        p { a href={ "/cases/" (id) } { (tr.t("case-back")) } }
        @if conflict { p.field-error role="alert" { (tr.t("case-people-conflict")) } }
        form.filters method="get" action=(action) {
            label { (tr.t("case-people-search")) " " input type="search" name="q" value=(query) autofocus; }
            button type="submit" { (tr.t("intake-find")) }
        }
        @if !query.is_empty() {
            h2 { (tr.t("case-persons")) }
            @if persons.is_empty() { p { (tr.t("case-people-none")) } }
            ul.candidates {
                @for m in persons.iter().filter(|m| !c.persons.contains(&m.person.id)) {
                    li {
                        form.inline method="post" action=(action) {
                            (hidden)
                            input type="hidden" name="person" value=(m.person.id.to_string());
                            strong { (m.person.identity.as_ref().map(|i| i.full_name.clone()).unwrap_or_default()) }
                            " · " (tr.lookup(lookups::CITIZENSHIP, &m.person.profile.citizenship)) " "
                            button.secondary type="submit" { (tr.t("case-people-add")) }
                        }
                    }
                }
            }
            h2 { (tr.t("case-parties")) }
            ul.candidates {
                @for (party, _) in parties.iter().filter(|(p, _)| !c.parties.iter().any(|(known, _)| *known == p.id)) {
                    li {
                        form.inline method="post" action=(action) {
                            (hidden)
                            input type="hidden" name="party" value=(party.id.to_string());
                            strong { (party.identity.as_ref().map(|i| i.name.clone()).unwrap_or_default()) } " "
                            (lookup_select(tr, &format!("role-{}", party.id), lookups::PARTY_ROLE, "employer", None, &FieldErrors::default()))
                            " " button.secondary type="submit" { (tr.t("case-people-add")) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(tr, &current, &title, "/cases", content))
}

/// Adds the chosen person or party to the case.
pub async fn add(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    if !current.actor.can(komek_domain::Capability::ManageCases) {
        return Err(WebError::Forbidden);
    }
    let Ok(version) = data.get("version").parse::<i64>() else { return Err(WebError::BadRequest) };
    let person = data.get("person").parse().ok().map(PersonId);
    let party = data.get("party").parse().ok().map(PartyId);
    let role = party.map(|p| data.get(&format!("role-{p}")).to_owned());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let result = blocking(move || -> Result<_, AppError> {
        let file = app.case_file(&actor, CaseId(id))?;
        let mut case = file.case;
        // The summary is kept as it is (not sent again).
        case.summary = None;
        match (person, party, role) {
            (Some(person), _, _) => case.persons.push(person),
            (None, Some(party), Some(role)) => case.parties.push((party, role)),
            _ => return Err(AppError::Invalid(vec![komek_domain::ValidationError::Required { field: "person" }])),
        }
        app.update_case(&actor, case, version)
    })
    .await?;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}?done=saved#victims")).into_response()),
        // Someone saved the case meanwhile: the page again, read anew, shows why.
        Err(AppError::Conflict) => Ok(Redirect::to(&format!("/cases/{id}/people?conflict=1")).into_response()),
        Err(e) => Err(e.into()),
    }
}
