//! Employers, intermediaries and officials: found across spellings; each one's page with every
//! appeal, visit and case that names it, what those cases came to, and whether any of it
//! confirms the allegation; and the repeat offenders of a district.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_app::parties::{NewParty, PartyFile, PartyRecord, WageTotal};
use komek_domain::entities::{AgencyLicence, PartyIdentity};
use komek_domain::{Capability, Money, PartyId, law, lookups};
use maud::{Markup, html};

use super::break_glass;
use super::hotline::register::appeal_table;
use crate::directory::directory;
use crate::errors::WebError;
use crate::fields;
use crate::forms::{FieldErrors, FormData, form_day};
use crate::layout;
use crate::session::Current;
use crate::widgets::{date_input, field, lookup_select, text_area, text_input};
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
            (crate::widgets::field(tr, "visit-district", "district", &none, crate::widgets::lookup_filter(tr, "district", lookups::DISTRICT, district.as_deref().unwrap_or(""))))
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
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let notice = FormData::parse(raw.unwrap_or_default().as_bytes()).text("done");
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
        |(file, names, clock)| page(&state, &current, &file, &names, clock, notice.as_deref()),
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
        page(&state, &current, &file, &names, clock, None)
    })
}

/// A licence in one line: its status, number, issuer and dates, as far as they are known.
fn licence_line(tr: crate::i18n::Tr<'_>, licence: &AgencyLicence) -> String {
    let mut parts = vec![tr.lookup(lookups::LICENCE_STATUS, &licence.status)];
    parts.extend([licence.number.clone(), licence.issued_by.clone()].into_iter().filter(|p| !p.is_empty()));
    let days = [(licence.issued_on, "licence-issued-on"), (licence.valid_until, "licence-valid-until")];
    parts.extend(
        days.into_iter().filter_map(|(d, label)| d.map(|d| format!("{} {}", tr.t(label), crate::widgets::day(d)))),
    );
    parts.join(" · ")
}

/// The cases naming the party, their proceedings and the wages claimed and recovered in them.
fn casework(tr: crate::i18n::Tr<'_>, file: &PartyFile) -> Markup {
    let money = |minor: i128, currency| {
        i64::try_from(minor).map_or_else(|_| tr.t("report-too-large"), |minor| Money { minor, currency }.to_string())
    };
    html! {
        @if !file.cases.is_empty() {
            h2 { (tr.t_with("party-cases", "count", file.case_count)) }
            div.wide { table {
                thead { tr {
                    th scope="col" { (tr.t("case-number")) } th scope="col" { (tr.t("case-kind")) }
                    th scope="col" { (tr.t("case-status")) } th scope="col" { (tr.t("party-role")) }
                    th scope="col" { (tr.t("case-outcomes")) }
                } }
                tbody { @for c in &file.cases { tr {
                    td { a href={ "/cases/" (c.case.id) } { (c.case.number) } }
                    td { (tr.lookup(lookups::CASE_KIND, &c.case.kind)) }
                    td { (tr.lookup(lookups::CASE_STATUS, &c.case.status)) }
                    td { (tr.lookup(lookups::PARTY_ROLE, &c.role)) }
                    td { (c.outcomes.iter().map(|o| tr.lookup(lookups::CASE_OUTCOME, o)).collect::<Vec<_>>().join(", ")) }
                } } }
            } }
            @if file.case_count > file.cases.len() { p.hint { (tr.t("party-more-cases")) } }
        }
        @if !file.proceedings.is_empty() {
            h2 { (tr.t("party-proceedings")) }
            ul { @for p in &file.proceedings { li {
                a href={ "/cases/" (p.case_id) "#proceedings" } { (p.case_number) } " · "
                (tr.lookup(law::PROCEEDING_KIND, &p.kind)) " · "
                @match (&p.outcome, p.decided_on) {
                    (Some(outcome), Some(on)) => { (tr.lookup(law::PROCEEDING_OUTCOME, outcome)) ", " (crate::widgets::day(on)) }
                    (Some(outcome), None) => { (tr.lookup(law::PROCEEDING_OUTCOME, outcome)) }
                    (None, _) => { (tr.t("party-proceeding-undecided")) }
                }
            } } }
        }
        @if !file.wages.is_empty() {
            h2 { (tr.t("party-wages")) }
            div.wide { table {
                thead { tr {
                    th scope="col" { (tr.t("report-rows-currencies")) }
                    th.num scope="col" { (tr.t("report-column-claimed")) }
                    th.num scope="col" { (tr.t("report-column-recovered")) }
                } }
                tbody { @for WageTotal { currency, claimed, recovered } in &file.wages { tr {
                    th scope="row" { (currency.code()) }
                    td.num { (money(*claimed, *currency)) }
                    td.num { (money(*recovered, *currency)) }
                } } }
            } }
        }
    }
}

fn page(
    state: &AppState,
    current: &Current,
    file: &PartyFile,
    names: &crate::directory::Directory,
    clock: chrono::FixedOffset,
    notice: Option<&str>,
) -> Markup {
    let tr = current.tr(state);
    let party = &file.party;
    let title = party.identity.as_ref().map_or(tr.t("record-restricted"), |i| i.name.clone());
    let lines: Vec<_> = file.appeals.iter().map(|(line, _)| line.clone()).collect();
    let content = html! {
        @if file.broken_glass { p.notice.broken-glass role="status" { (tr.t("break-glass-opened")) } }
        @match notice {
            Some("saved") => p.notice role="status" { (tr.t("party-saved")) },
            Some("merged") => p.notice role="status" { (tr.t("party-merged")) },
            _ => {}
        }
        h1 { (title) }
        p.standing { (tr.t(&format!("party-standing-{}", file.standing.code()))) }
        @if party.identity.is_some() && (file.may.change || file.may.merge) {
            p.actions {
                @if file.may.change { a href={ "/parties/" (party.id) "/edit" } { (tr.t("party-edit")) } " " }
                @if file.may.merge { a href={ "/parties/" (party.id) "/merge" } { (tr.t("party-merge-link")) } }
            }
        }
        dl.record {
            dt { (tr.t("intake-party-kind")) } dd { (tr.lookup(lookups::PARTY_KIND, &party.kind)) }
            dt { (tr.t("intake-work-region")) } dd {
                (crate::widgets::place([
                    party.district.as_ref().map(|d| tr.lookup(lookups::DISTRICT, d)).unwrap_or_default(),
                    party.region.as_ref().map(|r| tr.lookup(lookups::REGION, r)).unwrap_or_default(),
                ]))
            }
            @if let Some(identity) = &party.identity {
                dt { (tr.t("party-other-names")) } dd { (identity.other_names.join(", ")) }
                dt { (tr.t("intake-phone")) } dd { (identity.phones.join(", ")) }
                dt { (tr.t("party-identifiers")) } dd { (identity.identifiers.join(", ")) }
                dt { (tr.t("person-address")) } dd { (identity.address) }
                dt { (tr.t("intake-notes")) } dd.notes { (identity.notes) }
            }
            @if let Some(licence) = party.identity.as_ref().and_then(|i| i.licence.as_ref()) {
                dt { (tr.t("party-licence-shown")) } dd { (licence_line(tr, licence)) }
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
        (casework(tr, file))
    };
    layout::page(tr, current, &title, "/parties", content)
}

// ---- Correcting a party

/// The party form as typed: every field as text, so that what is refused comes back as it was.
#[derive(Default)]
struct PartyForm {
    version: String,
    kind: String,
    region: String,
    district: String,
    name: String,
    other_names: String,
    phones: String,
    identifiers: String,
    address: String,
    notes: String,
    licence_status: String,
    licence_number: String,
    licence_issued_by: String,
    licence_issued_on: String,
    licence_valid_until: String,
}

impl PartyForm {
    fn of(record: &PartyRecord) -> Self {
        let party = &record.party;
        let identity = party.identity.clone().unwrap_or_default();
        let licence = identity.licence.clone().unwrap_or_default();
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            version: record.version.to_string(),
            kind: party.kind.clone(),
            region: party.region.clone().unwrap_or_default(),
            district: party.district.clone().unwrap_or_default(),
            name: identity.name,
            other_names: identity.other_names.join("\n"),
            phones: identity.phones.join("\n"),
            identifiers: identity.identifiers.join("\n"),
            address: identity.address,
            notes: identity.notes,
            licence_status: licence.status,
            licence_number: licence.number,
            licence_issued_by: licence.issued_by,
            licence_issued_on: day(licence.issued_on),
            licence_valid_until: day(licence.valid_until),
        }
    }

    fn read(data: &FormData) -> Self {
        let text = |name: &str| data.get(name).trim().to_owned();
        Self {
            version: text("version"),
            kind: text("party_kind"),
            region: text("party_region"),
            district: text("party_district"),
            name: text("party_name"),
            other_names: text("party_other_names"),
            phones: text("party_phones"),
            identifiers: text("party_identifiers"),
            address: text("party_address"),
            notes: data.get("party_notes").to_owned(),
            licence_status: text("licence_status"),
            licence_number: text("licence_number"),
            licence_issued_by: text("licence_issued_by"),
            licence_issued_on: text("licence_issued_on"),
            licence_valid_until: text("licence_valid_until"),
        }
    }

    fn licence_given(&self) -> bool {
        [
            &self.licence_status,
            &self.licence_number,
            &self.licence_issued_by,
            &self.licence_issued_on,
            &self.licence_valid_until,
        ]
        .iter()
        .any(|v| !v.is_empty())
    }

    /// The party the form describes, or what of it cannot be read marked on its field (the
    /// services check the rest).
    fn party(&self, errors: &mut FieldErrors) -> Option<NewParty> {
        let lines = |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        let licence = self.licence_given().then(|| AgencyLicence {
            status: self.licence_status.clone(),
            number: self.licence_number.clone(),
            issued_by: self.licence_issued_by.clone(),
            issued_on: form_day(errors, "licence_issued_on", &self.licence_issued_on),
            valid_until: form_day(errors, "licence_valid_until", &self.licence_valid_until),
        });
        if let Some(licence) = &licence {
            if licence.status.is_empty() {
                errors.add("licence_status", "form-required");
            }
            if let (Some(from), Some(until)) = (licence.issued_on, licence.valid_until)
                && until < from
            {
                errors.add("licence_valid_until", "party-licence-ends-before");
            }
        }
        if !errors.is_empty() {
            return None;
        }
        let given = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        Some(NewParty {
            kind: self.kind.clone(),
            region: given(&self.region),
            district: given(&self.district),
            identity: PartyIdentity {
                name: self.name.clone(),
                other_names: lines(&self.other_names),
                phones: lines(&self.phones),
                identifiers: lines(&self.identifiers),
                address: self.address.clone(),
                notes: self.notes.clone(),
                licence,
            },
        })
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    current.actor.require(Capability::RegisterAppeals).map_err(WebError::from)?;
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let record = blocking(move || app.party_record(&actor, PartyId(id))).await??;
    Ok(edit_page(&state, &current, PartyId(id), &PartyForm::of(&record), &FieldErrors::default()))
}

/// Saves a correction at the version read; a refused form comes back as typed, each problem
/// by its field, and a party changed meanwhile comes back with what was typed to be made again.
pub async fn save(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let id = PartyId(id);
    let form = PartyForm::read(&data);
    let mut errors = FieldErrors::default();
    let version = form.version.parse::<i64>().ok();
    if version.is_none() {
        errors.add("version", "form-changed-meanwhile");
    }
    let party = form.party(&mut errors);
    let (Some(party), Some(version)) = (party, version) else {
        let page = edit_page(&state, &current, id, &form, &errors);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let (app, actor) = (state.app.clone(), current.actor.clone());
    match blocking(move || app.update_party(&actor, id, version, party)).await? {
        Ok(()) => Ok(Redirect::to(&format!("/parties/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(refused)) => {
            errors.add_validation(&refused, &fields::PARTY);
            let page = edit_page(&state, &current, id, &form, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            Ok((StatusCode::CONFLICT, edit_page(&state, &current, id, &form, &errors)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_page(state: &AppState, current: &Current, id: PartyId, form: &PartyForm, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("party-edit");
    let area = |name: &str, value: &str| text_area(name, value, errors);
    let date = |name: &str, value: &str| date_input(name, value, errors);
    let content = html! {
        h1 { (title) }
        (errors.summary(tr))
        (errors.message(tr, "version"))
        form method="post" action={ "/parties/" (id) "/edit" } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="version" value=(form.version);
            (field(tr, "intake-party-name", "party_name", errors, text_input("party_name", &form.name, errors)))
            div.row {
                (field(tr, "intake-party-kind", "party_kind", errors, lookup_select(tr, "party_kind", lookups::PARTY_KIND, &form.kind, None, errors)))
                (field(tr, "intake-work-region", "party_region", errors, lookup_select(tr, "party_region", lookups::REGION, &form.region, Some("form-not-given"), errors)))
                (field(tr, "party-district", "party_district", errors, lookup_select(tr, "party_district", lookups::DISTRICT, &form.district, Some("form-not-given"), errors)))
            }
            p.hint { (tr.t("party-lines-hint")) }
            (field(tr, "party-other-names", "party_other_names", errors, area("party_other_names", &form.other_names)))
            (field(tr, "intake-phone", "party_phones", errors, area("party_phones", &form.phones)))
            (field(tr, "party-identifiers", "party_identifiers", errors, area("party_identifiers", &form.identifiers)))
            (field(tr, "person-address", "party_address", errors, text_input("party_address", &form.address, errors)))
            (field(tr, "intake-notes", "party_notes", errors, area("party_notes", &form.notes)))
            fieldset #licence {
                legend { (tr.t("party-licence")) }
                p.hint { (tr.t("party-licence-hint")) }
                div.row {
                    (field(tr, "licence-status", "licence_status", errors, lookup_select(tr, "licence_status", lookups::LICENCE_STATUS, &form.licence_status, Some("form-not-given"), errors)))
                    (field(tr, "licence-number", "licence_number", errors, text_input("licence_number", &form.licence_number, errors)))
                }
                (field(tr, "licence-issued-by", "licence_issued_by", errors, text_input("licence_issued_by", &form.licence_issued_by, errors)))
                div.row {
                    (field(tr, "licence-issued-on", "licence_issued_on", errors, date("licence_issued_on", &form.licence_issued_on)))
                    (field(tr, "licence-valid-until", "licence_valid_until", errors, date("licence_valid_until", &form.licence_valid_until)))
                }
            }
            button type="submit" { (tr.t("form-save")) }
            " " a href={ "/parties/" (id) } { (tr.t("party-edit-cancel")) }
        }
    };
    layout::page(tr, current, &title, "/parties", content)
}

// ---- Merging a duplicate record into this one

/// Records a merge page lists as possible duplicates.
const MERGE_CANDIDATES: usize = 10;

/// The fields of a party's identity with their labels: a merged identity is checked whole (the
/// kept record takes in the duplicate's names, phones, identifiers, notes and licence), and a
/// refusal names each field it is about.
const IDENTITY_FIELDS: [(&str, &str); 11] = [
    ("party_name", "intake-party-name"),
    ("party_other_names", "party-other-names"),
    ("party_phones", "intake-phone"),
    ("party_identifiers", "party-identifiers"),
    ("party_address", "person-address"),
    ("party_notes", "intake-notes"),
    ("licence_status", "licence-status"),
    ("licence_number", "licence-number"),
    ("licence_issued_by", "licence-issued-by"),
    ("licence_issued_on", "licence-issued-on"),
    ("licence_valid_until", "licence-valid-until"),
];

/// What a merge page shows: the record kept, what was looked for, and the records found.
struct MergeView {
    record: PartyRecord,
    query: String,
    found: Vec<komek_domain::entities::Party>,
}

/// The record kept and the other records within reach that match `query` (its name unless
/// given).
fn merge_view(
    app: &komek_app::App,
    actor: &komek_app::Actor,
    id: PartyId,
    query: Option<String>,
) -> Result<MergeView, AppError> {
    if !komek_app::policy::parties::rights(actor, false).merge {
        return Err(AppError::Forbidden);
    }
    let record = app.party_record(actor, id)?;
    let query = query.unwrap_or_else(|| record.party.identity.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let found = app
        .search_parties(actor, &query, MERGE_CANDIDATES + 1)?
        .into_iter()
        .map(|(party, _)| party)
        .filter(|party| party.id != id)
        .take(MERGE_CANDIDATES)
        .collect();
    Ok(MergeView { record, query, found })
}

/// The merge page: a search for the other record, prefilled with this one's name.
pub async fn merge_page(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let query = FormData::parse(raw.unwrap_or_default().as_bytes()).text("q");
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let view = blocking(move || merge_view(&app, &actor, PartyId(id), query)).await??;
    Ok(merge_markup(&state, &current, &view, &FieldErrors::default()))
}

/// Merges the chosen record into this one at the version read. Whatever is refused comes back
/// on the merge page with the reason, the records found again.
pub async fn merge(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let id = PartyId(id);
    let duplicate = data.get("duplicate").parse().map(PartyId).map_err(|_| WebError::BadRequest)?;
    let version = data.get("version").parse::<i64>().map_err(|_| WebError::BadRequest)?;
    let mut errors = FieldErrors::default();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let outcome = if data.has("confirm") {
        let (app, actor) = (app.clone(), actor.clone());
        blocking(move || app.merge_parties(&actor, id, version, duplicate)).await?
    } else {
        Err(AppError::Invalid(vec![komek_domain::ValidationError::Required { field: "confirm" }]))
    };
    let status = match outcome {
        Ok(()) => return Ok(Redirect::to(&format!("/parties/{id}?done=merged")).into_response()),
        Err(AppError::Invalid(refused)) => {
            errors.add_validation(&refused, &fields::PARTY);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            StatusCode::CONFLICT
        }
        Err(other) => return Err(other.into()),
    };
    let query = data.text("q");
    let view = blocking(move || merge_view(&app, &actor, id, query)).await??;
    Ok((status, merge_markup(&state, &current, &view, &errors)).into_response())
}

fn merge_markup(state: &AppState, current: &Current, view: &MergeView, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let party = &view.record.party;
    let name = party.identity.as_ref().map(|i| i.name.clone()).unwrap_or_default();
    let title = tr.t_with("party-merge-title", "name", name);
    let refused = IDENTITY_FIELDS.iter().any(|(field, _)| errors.has(field));
    let content = html! {
        h1 { (title) }
        p { (tr.t("party-merge-about")) }
        (errors.summary(tr))
        (errors.message(tr, "version"))
        (errors.message(tr, "duplicate"))
        (errors.message(tr, "confirm"))
        @if refused {
            div.notice role="alert" {
                p { (tr.t("party-merge-refused")) }
                ul { @for (field, label) in IDENTITY_FIELDS { @if errors.has(field) {
                    li { strong { (tr.t(label)) } (errors.message(tr, field)) }
                } } }
                p { a href={ "/parties/" (party.id) "/edit" } { (tr.t("party-edit")) } }
            }
        }
        form.filters method="get" action={ "/parties/" (party.id) "/merge" } role="search" {
            label for="q" { (tr.t("party-merge-search")) }
            input type="search" id="q" name="q" value=(view.query);
            button type="submit" { (tr.t("intake-find")) }
        }
        @if view.found.is_empty() { p { (tr.t("party-merge-none")) } }
        @for other in &view.found {
            @let identity = other.identity.clone().unwrap_or_default();
            @let confirm = format!("confirm-{}", other.id);
            form.duplicate method="post" action={ "/parties/" (party.id) "/merge" } {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                input type="hidden" name="version" value=(view.record.version);
                input type="hidden" name="duplicate" value=(other.id.to_string());
                input type="hidden" name="q" value=(view.query);
                p {
                    a href={ "/parties/" (other.id) } { strong { (identity.name) } }
                    " · " (tr.lookup(lookups::PARTY_KIND, &other.kind))
                    @if let Some(d) = &other.district { " · " (tr.lookup(lookups::DISTRICT, d)) }
                    @for other_name in &identity.other_names { " · " (other_name) }
                    @for phone in &identity.phones { " · " (phone) }
                    @for identifier in &identity.identifiers { " · " (identifier) }
                }
                label.check for=(confirm) {
                    input type="checkbox" id=(confirm) name="confirm" value="1" required;
                    " " (tr.t("party-merge-confirm"))
                }
                button.secondary type="submit" { (tr.t("party-merge")) }
            }
        }
        p { a href={ "/parties/" (party.id) } { (tr.t("party-merge-back")) } }
    };
    layout::page(tr, current, &title, "/parties", content)
}
