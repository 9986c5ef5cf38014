//! Employers, intermediaries and officials: found across spellings, and each one's page
//! with every appeal that names it (the first step to a registry of repeat offenders).

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use komek_app::AppError;
use komek_app::parties::PartyFile;
use komek_domain::{PartyId, lookups};
use maud::{Markup, html};

use super::break_glass;
use super::hotline::register::appeal_table;
use crate::directory::directory;
use crate::errors::WebError;
use crate::forms::FormData;
use crate::layout;
use crate::session::Current;
use crate::{AppState, blocking};

/// Parties listed for a search.
const RESULTS: usize = 20;

pub async fn search(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let query = FormData::parse(raw.unwrap_or_default().as_bytes()).text("q").unwrap_or_default();
    current.actor.require(komek_domain::Capability::ViewCases).map_err(WebError::from)?;
    let app = state.app.clone();
    let actor = current.actor.clone();
    let q = query.clone();
    let found =
        blocking(move || if q.is_empty() { Ok(Vec::new()) } else { app.search_parties(&actor, &q, RESULTS) }).await??;
    let tr = current.tr(&state);
    let title = tr.t("parties-title");
    let content = html! {
        h1 { (title) }
        p { (tr.t("parties-about")) }
        p { a href="/parties/offenders" { (tr.t("offenders-title")) } }
        form.filters method="get" action="/parties" role="search" {
            label for="q" { (tr.t("parties-search")) }
            input type="search" id="q" name="q" value=(query) autofocus;
            button type="submit" { (tr.t("intake-find")) }
        }
        @if !query.is_empty() && found.is_empty() { p { (tr.t("parties-none")) } }
        ul.results {
            @for (party, _) in &found {
                li {
                    a href={ "/parties/" (party.id) } { (party.identity.as_ref().map_or(String::new(), |i| i.name.clone())) }
                    " · " (tr.lookup(lookups::PARTY_KIND, &party.kind))
                    @if let Some(d) = &party.district { " · " (tr.lookup(lookups::DISTRICT, d)) }
                }
            }
        }
    };
    Ok(layout::page(tr, &current, &title, "/parties", content))
}

/// The repeat offenders, by district: staff only, never in a report or the public release.
pub async fn offenders(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let district = FormData::parse(raw.unwrap_or_default().as_bytes()).text("district");
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let asked = district.clone();
    let listed = blocking(move || app.repeat_offenders(&actor, asked.as_deref())).await??;
    let tr = current.tr(&state);
    let title = tr.t("offenders-title");
    let none = crate::forms::FieldErrors::default();
    let content = html! {
        h1 { (title) }
        p { (tr.t("offenders-about")) }
        form.filters method="get" action="/parties/offenders" {
            (crate::widgets::field(tr, "visit-district", "district", &none, crate::widgets::lookup_select(tr, "district", lookups::DISTRICT, district.as_deref().unwrap_or(""), Some("form-any"), &none)))
            button type="submit" { (tr.t("intake-find")) }
        }
        @if listed.is_empty() { p { (tr.t("offenders-none")) } } @else {
            div.wide { table.log #offenders {
                thead { tr {
                    th scope="col" { (tr.t("offenders-party")) } th scope="col" { (tr.t("visit-district")) }
                    th scope="col" { (tr.t("offenders-victims")) } th scope="col" { (tr.t("visit-violations")) }
                    th scope="col" { (tr.t("offenders-visits")) } th scope="col" { (tr.t("offenders-appeals")) }
                } }
                tbody {
                    @for o in &listed {
                        tr {
                            td { @match &o.party.identity {
                                Some(identity) => a href={ "/parties/" (o.party.id) } { (identity.name) },
                                None => (tr.t("visit-party-out-of-reach")),
                            } }
                            td { (o.counts.district.as_deref().map(|d| tr.lookup(lookups::DISTRICT, d)).unwrap_or_default()) }
                            td.num { (o.counts.victims) } td.num { (o.counts.violations) }
                            td.num { (o.counts.visits) } td.num { (o.counts.appeals) }
                        }
                    }
                }
            } }
        }
    };
    Ok(layout::page(tr, &current, &title, "/parties", content))
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Response, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let loaded = blocking(move || -> Result<_, AppError> {
        Ok((app.party_file(&actor, PartyId(id))?, directory(&app, &actor)?, app.office_clock(&actor)?))
    })
    .await?;
    break_glass::answer(
        &state,
        &current,
        loaded,
        &format!("/parties/{id}/break-glass"),
        None,
        |(file, names, clock)| page(&state, &current, &file, &names, clock),
    )
}

/// Opens a party of another office with a written reason.
pub async fn break_glass(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let reason = data.get("reason").to_owned();
    let app = state.app.clone();
    let actor = current.actor.clone();
    let opened = blocking(move || -> Result<_, AppError> {
        Ok((app.break_glass_party(&actor, PartyId(id), &reason)?, directory(&app, &actor)?, app.office_clock(&actor)?))
    })
    .await?;
    let action = format!("/parties/{id}/break-glass");
    break_glass::answer(&state, &current, opened, &action, Some(data.get("reason")), |(file, names, clock)| {
        page(&state, &current, &file, &names, clock)
    })
}

fn page(
    state: &AppState,
    current: &Current,
    file: &PartyFile,
    names: &crate::directory::Directory,
    clock: chrono::FixedOffset,
) -> Markup {
    let tr = current.tr(state);
    let party = &file.party;
    let title = party.identity.as_ref().map_or(tr.t("record-restricted"), |i| i.name.clone());
    let lines: Vec<_> = file.appeals.iter().map(|(line, _)| line.clone()).collect();
    let content = html! {
        @if file.broken_glass { p.notice.broken-glass role="status" { (tr.t("break-glass-opened")) } }
        h1 { (title) }
        p.hint { (tr.t("parties-allegation")) }
        dl.record {
            dt { (tr.t("intake-party-kind")) } dd { (tr.lookup(lookups::PARTY_KIND, &party.kind)) }
            dt { (tr.t("intake-work-region")) } dd {
                (party.region.as_ref().map(|r| tr.lookup(lookups::REGION, r)).unwrap_or_default()) " "
                (party.district.as_ref().map(|d| tr.lookup(lookups::DISTRICT, d)).unwrap_or_default())
            }
            @if let Some(identity) = &party.identity {
                dt { (tr.t("party-other-names")) } dd { (identity.other_names.join(", ")) }
                dt { (tr.t("intake-phone")) } dd { (identity.phones.join(", ")) }
                dt { (tr.t("party-identifiers")) } dd { (identity.identifiers.join(", ")) }
                dt { (tr.t("person-address")) } dd { (identity.address) }
                dt { (tr.t("intake-notes")) } dd.notes { (identity.notes) }
            }
            dt { (tr.t("party-roles")) } dd {
                (file.appeals.iter().map(|(_, role)| tr.lookup(lookups::PARTY_ROLE, role)).collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>().join(", "))
            }
        }
        h2 { (tr.t_with("party-appeals", "count", file.appeals.len())) }
        (appeal_table(tr, &lines, names, clock))
        @if file.more_appeals { p.hint { (tr.t("party-more-appeals")) } }
        @if !file.visits.is_empty() {
            h2 { (tr.t_with("party-visits", "count", file.visits.len())) }
            (super::monitoring::table(tr, &file.visits))
            @if file.more_visits { p.hint { (tr.t("party-more-visits")) } }
        }
    };
    layout::page(tr, current, &title, "/parties", content)
}
