//! A person's consents on their page: what they agreed to share, with whom, what for, until
//! when; the form that records a new one (a refused form comes back as typed); a withdrawal,
//! dated, which stops at once every referral under it not yet sent.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use komek_app::AppError;
use komek_app::casework::EvidenceRefused;
use komek_app::referrals::ConsentScan;
use komek_app::referrals::NewConsent;
use komek_domain::referrals::{Consent, Recipient};
use komek_domain::{ConsentId, PartnerId, PersonId, lookups};
use maud::{Markup, html};

use super::codes;
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, form_day, required_day};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::uploads;
use crate::widgets::{day, field, lookup_checkboxes, lookup_select};
use crate::{AppState, blocking, fields};

/// Whether a consent allows anything today, and if not, why: for the list on the person's page.
fn standing(tr: Tr<'_>, c: &Consent, today: NaiveDate) -> String {
    match (c.withdrawn_on, c.expires_on) {
        (Some(on), _) => tr.t_with("consent-withdrawn-on", "date", day(on)),
        (None, Some(end)) if end < today => tr.t_with("consent-expired-on", "date", day(end)),
        (None, Some(end)) => tr.t_with("consent-in-force-until", "date", day(end)),
        (None, None) => tr.t("consent-in-force"),
    }
}

/// Whom a consent names, each partner by name and each kind by its label.
pub fn recipients(tr: Tr<'_>, c: &Consent, partners: &std::collections::HashMap<PartnerId, String>) -> String {
    c.recipients
        .iter()
        .map(|r| match r {
            Recipient::Partner(id) => partners.get(id).cloned().unwrap_or_default(),
            Recipient::Kind(kind) => tr.t_with("consent-any-of-kind", "kind", tr.lookup(lookups::PARTNER_KIND, kind)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The consents section of a person's page, with a withdrawal form beside each in force.
pub fn section(
    tr: Tr<'_>,
    current: &Current,
    person: PersonId,
    consents: &[Consent],
    scans: &[ConsentScan],
    partners: &std::collections::HashMap<PartnerId, String>,
    today: NaiveDate,
) -> Markup {
    html! {
        section #consents {
            h2 { (tr.t("consents-title")) }
            @if consents.is_empty() { p { (tr.t("consents-none")) } } @else {
                div.wide { table.log {
                    thead { tr {
                        th scope="col" { (tr.t("consent-given-on")) }
                        th scope="col" { (tr.t("consent-recipients")) }
                        th scope="col" { (tr.t("consent-purposes")) }
                        th scope="col" { (tr.t("consent-categories")) }
                        th scope="col" { (tr.t("consent-standing")) }
                    } }
                    tbody {
                        @for c in consents {
                            tr {
                                td { (day(c.given_on)) " · " (tr.lookup(lookups::CONSENT_METHOD, &c.method))
                                    @if let Some(note) = c.note.as_ref().filter(|n| !n.is_empty()) { p.meta { (note) } }
                                    (scan_links(tr, person, c.id, scans.iter().find(|s| s.consent_id == c.id))) }
                                td { (recipients(tr, c, partners)) }
                                td { (codes(tr, lookups::REFERRAL_PURPOSE, &c.purposes)) }
                                td { (codes(tr, lookups::DATA_CATEGORY, &c.categories)) }
                                td {
                                    (standing(tr, c, today))
                                    @if c.withdrawn_on.is_none() {
                                        form.inline method="post" action={ "/persons/" (person) "/consents/" (c.id) "/withdraw" } {
                                            input type="hidden" name="csrf" value=(current.session.csrf_token);
                                            label for={ "withdrawn_on-" (c.id) } { (tr.t("consent-withdrawn-day")) }
                                            input type="date" id={ "withdrawn_on-" (c.id) } name="withdrawn_on" value=(today.format("%Y-%m-%d"));
                                            button.secondary type="submit" { (tr.t("consent-withdraw")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            p.actions { a.button href={ "/persons/" (person) "/consents/new" } { (tr.t("consent-record")) } }
        }
    }
}

/// The signed form's scan of a consent: a download when there is one, and where to attach one
/// (or a better one).
fn scan_links(tr: Tr<'_>, person: PersonId, consent: ConsentId, scan: Option<&ConsentScan>) -> Markup {
    let base = format!("/persons/{person}/consents/{consent}/scan");
    html! {
        p.meta {
            @if let Some(scan) = scan {
                a href=(base) { (tr.t("consent-scan")) } " (" (scan_size(scan.size)) ") · "
                a href={ (base) "/new" } { (tr.t("consent-scan-replace")) }
            } @else {
                a href={ (base) "/new" } { (tr.t("consent-scan-attach")) }
            }
        }
    }
}

/// A file's size as people read it: kilobytes, or megabytes with one decimal.
fn scan_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The page to attach a consent's scan, again with what was wrong with the last file.
pub async fn scan_form(
    State(state): State<AppState>,
    current: Current,
    Path((person, consent)): Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<Markup, WebError> {
    scan_page(&state, &current, PersonId(person), ConsentId(consent), &FieldErrors::default()).await
}

async fn scan_page(
    state: &AppState,
    current: &Current,
    person: PersonId,
    consent: ConsentId,
    errors: &FieldErrors,
) -> Result<Markup, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (name, consent) = blocking(move || -> Result<_, AppError> {
        let consent =
            app.consent_terms(&actor, person)?.into_iter().find(|c| c.id == consent).ok_or(AppError::NotFound)?;
        Ok((app.names_within_reach(&actor, &[person])?.remove(&person).unwrap_or_default(), consent))
    })
    .await??;
    let tr = current.tr(state);
    let title = tr.t("consent-scan-attach");
    let max_mb = komek_domain::evidence::MAX_EVIDENCE_BYTES / (1024 * 1024);
    let content = html! {
        h1 { (title) }
        p { a href={ "/persons/" (person) "#consents" } { (name) } " · " (day(consent.given_on)) " · "
            (tr.lookup(lookups::CONSENT_METHOD, &consent.method)) }
        (errors.summary(tr))
        form.upload method="post" enctype="multipart/form-data" action={ "/persons/" (person) "/consents/" (consent.id) "/scan" } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            label for="file" { (tr.t("consent-scan-file")) }
            input type="file" id="file" name="file" aria-invalid=[errors.has("file").then_some("true")];
            (errors.message(tr, "file"))
            p.hint { (tr.t_with("evidence-limits", "max", max_mb as i64)) }
            button type="submit" { (tr.t("evidence-upload")) }
        }
    };
    Ok(layout::page(tr, current, &title, "/hotline", content))
}

/// Receives a consent's scan; a refused file comes back on the form with its reason.
pub async fn attach_scan(
    State(state): State<AppState>,
    current: Current,
    Path((person, consent)): Path<(uuid::Uuid, uuid::Uuid)>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let (person, consent) = (PersonId(person), ConsentId(consent));
    let upload = uploads::read_upload(&state, &current, multipart).await?;
    let problem = match upload.file() {
        Err(problem) => problem,
        Ok((name, bytes)) => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            match blocking(move || app.attach_consent_scan(&actor, person, consent, &name, &bytes)).await? {
                Ok(()) => {
                    return Ok(Redirect::to(&format!("/persons/{person}?done=consent-scan#consents")).into_response());
                }
                Err(EvidenceRefused::File(problem)) => uploads::problem_message(&problem),
                Err(EvidenceRefused::App(e)) => return Err(e.into()),
            }
        }
    };
    let mut errors = FieldErrors::default();
    errors.add("file", problem);
    let page = scan_page(&state, &current, person, consent, &errors).await?;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// A consent's scan, as a download; audited.
pub async fn download_scan(
    State(state): State<AppState>,
    current: Current,
    Path((person, consent)): Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let file = blocking(move || app.consent_scan(&actor, PersonId(person), ConsentId(consent))).await??;
    Ok(uploads::download(&file.scan.kind, &file.name, file.content))
}

/// What the consent form holds, as typed.
#[derive(Default)]
struct ConsentForm {
    given_on: String,
    method: String,
    kinds: Vec<String>,
    partners: Vec<String>,
    purposes: Vec<String>,
    categories: Vec<String>,
    expires_on: String,
    note: String,
}

impl ConsentForm {
    fn read(data: &FormData) -> Self {
        Self {
            given_on: data.get("given_on").trim().to_owned(),
            method: data.get("method").to_owned(),
            kinds: data.all("kinds"),
            partners: data.all("partners"),
            purposes: data.all("purposes"),
            categories: data.all("categories"),
            expires_on: data.get("expires_on").trim().to_owned(),
            note: data.get("note").trim().to_owned(),
        }
    }

    fn parse(&self, errors: &mut FieldErrors) -> NewConsent {
        let mut recipients: Vec<Recipient> = self.kinds.iter().cloned().map(Recipient::Kind).collect();
        for id in &self.partners {
            match id.parse::<uuid::Uuid>() {
                Ok(id) => recipients.push(Recipient::Partner(PartnerId(id))),
                Err(_) => errors.add("recipients", "form-unknown-choice"),
            }
        }
        NewConsent {
            given_on: required_day(errors, "given_on", &self.given_on),
            method: self.method.clone(),
            recipients,
            purposes: self.purposes.clone(),
            categories: self.categories.clone(),
            expires_on: form_day(errors, "expires_on", &self.expires_on),
            note: self.note.clone(),
        }
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (name, partners, today) = blocking(move || load(&app, &actor, PersonId(id))).await??;
    let form = ConsentForm { given_on: today.format("%Y-%m-%d").to_string(), ..Default::default() };
    Ok(form_page(&state, &current, PersonId(id), &name, &partners, &form, &FieldErrors::default()))
}

/// The person's name, the active partners to choose from (id and name), and today.
type FormChoices = (String, Vec<(PartnerId, String)>, NaiveDate);

/// What the form offers; refuses a person out of reach.
fn load(app: &komek_app::App, actor: &komek_app::Actor, person: PersonId) -> Result<FormChoices, AppError> {
    if !komek_app::policy::referrals::may_record_consent(actor) {
        return Err(AppError::Forbidden);
    }
    if !app.can_reach_person(actor, person)? {
        return Err(AppError::NotFound);
    }
    let name = app.names_within_reach(actor, &[person])?.remove(&person).unwrap_or_default();
    let query = komek_app::partners::PartnerQuery { active_only: true, ..Default::default() };
    let partners = app.find_partners(actor, &query)?.into_iter().map(|p| (p.id, p.name)).collect();
    Ok((name, partners, app.today(actor)?))
}

pub async fn record(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let person = PersonId(id);
    let form = ConsentForm::read(&data);
    let mut errors = FieldErrors::default();
    let consent = form.parse(&mut errors);
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let saved = if errors.is_empty() {
        blocking(move || app.record_consent(&actor, person, consent)).await?
    } else {
        Err(AppError::Invalid(Vec::new()))
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&format!("/persons/{id}?done=consent#consents")).into_response()),
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::CONSENT);
            let (app, actor) = (state.app.clone(), current.actor.clone());
            let (name, partners, _) = blocking(move || load(&app, &actor, person)).await??;
            let page = form_page(&state, &current, person, &name, &partners, &form, &errors);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// Records a withdrawal. A day that cannot be (before the consent, in the future, none, or a
/// consent withdrawn already) comes back to the person's page with a message saying so.
pub async fn withdraw(
    State(state): State<AppState>,
    current: Current,
    Path((person, consent)): Path<(uuid::Uuid, uuid::Uuid)>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let (person, consent) = (PersonId(person), ConsentId(consent));
    let mut errors = FieldErrors::default();
    let on = required_day(&mut errors, "withdrawn_on", data.get("withdrawn_on"));
    let readable = errors.is_empty();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let withdrawn = blocking(move || {
        // The consent is this person's: another's, through this person's page, is not there.
        if !app.consent_terms(&actor, person)?.iter().any(|c| c.id == consent) {
            return Err(AppError::NotFound);
        }
        if !readable {
            return Err(AppError::Invalid(Vec::new()));
        }
        app.withdraw_consent(&actor, consent, on)
    })
    .await?;
    match withdrawn {
        Ok(_) => Ok(Redirect::to(&format!("/persons/{person}?done=consent-withdrawn#consents")).into_response()),
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/persons/{person}?done=consent-not-withdrawn#consents")).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

fn form_page(
    state: &AppState,
    current: &Current,
    person: PersonId,
    name: &str,
    partners: &[(PartnerId, String)],
    form: &ConsentForm,
    errors: &FieldErrors,
) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("consent-record");
    let content = html! {
        h1 { (title) }
        p { a href={ "/persons/" (person) } { (name) } }
        p.hint { (tr.t("consent-about")) }
        (errors.summary(tr))
        form method="post" action={ "/persons/" (person) "/consents" } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            (field(tr, "consent-given-on", "given_on", errors, html! {
                input type="date" id="given_on" name="given_on" value=(form.given_on) aria-invalid=[errors.has("given_on").then_some("true")];
            }))
            (field(tr, "consent-method", "method", errors, lookup_select(tr, "method", lookups::CONSENT_METHOD, &form.method, Some("form-not-given"), errors)))
            fieldset.checks #recipients {
                legend { (tr.t("consent-recipients")) }
                p.hint { (tr.t("consent-recipients-hint")) }
                @for kind in tr.options(lookups::PARTNER_KIND, &form.kinds.iter().map(String::as_str).collect::<Vec<_>>()) {
                    label.check {
                        input type="checkbox" name="kinds" value=(kind) checked[form.kinds.contains(&kind)];
                        " " (tr.t_with("consent-any-of-kind", "kind", tr.lookup(lookups::PARTNER_KIND, &kind)))
                    }
                }
                @for (id, partner) in partners {
                    label.check {
                        input type="checkbox" name="partners" value=(id) checked[form.partners.iter().any(|p| *p == id.to_string())];
                        " " (partner)
                    }
                }
                (errors.message(tr, "recipients"))
            }
            (lookup_checkboxes(tr, "consent-purposes", "purposes", lookups::REFERRAL_PURPOSE, &form.purposes, errors))
            (lookup_checkboxes(tr, "consent-categories", "categories", lookups::DATA_CATEGORY, &form.categories, errors))
            (field(tr, "consent-expires-on", "expires_on", errors, html! {
                input type="date" id="expires_on" name="expires_on" value=(form.expires_on) aria-invalid=[errors.has("expires_on").then_some("true")];
            }))
            (field(tr, "consent-note", "note", errors, html! {
                textarea id="note" name="note" rows="3" aria-invalid=[errors.has("note").then_some("true")] { (form.note) }
            }))
            button type="submit" { (tr.t("form-save")) }
        }
    };
    layout::page(tr, current, &title, "/hotline", content)
}
