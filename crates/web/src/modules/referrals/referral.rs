//! A referral: the form that makes one from a case, an appeal or a person's page (the data it
//! carries chosen field by field, what the consent does not allow greyed out), its page with
//! every step and the partner's replies, the form that moves it on, and its letter.

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use komek_app::referrals::{NewReferral, NextStep, ReferralFile, ReferralLetter, allowed_fields};
use komek_app::{Actor, App, AppError};
use komek_domain::referrals::{Consent, Direction, Partner, SHAREABLE_FIELDS, SharingRefused, next_statuses};
use komek_domain::{AppealId, CaseId, ConsentId, PartnerId, PersonId, ReferralId, lookups};
use maud::{Markup, html};

use super::codes;
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, form_day, optional, required_day};
use crate::i18n::{Lang, Tr};
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, field, local_time, lookup_checkboxes, lookup_select};
use crate::{AppState, blocking, fields};

/// The choice in the consent list that stands for "no consent: a manager's decision".
const OVERRIDE: &str = "override";

/// What the referral form holds, as typed.
#[derive(Default, Clone)]
struct ReferralForm {
    person: String,
    case: String,
    appeal: String,
    partner: String,
    purpose: String,
    consent: String,
    fields: Vec<String>,
    services: Vec<String>,
    urgency: String,
    reply_due_on: String,
    override_reason: String,
    /// The id the form was shown with: sent twice, it makes one referral.
    sent: String,
}

impl ReferralForm {
    fn read(data: &FormData) -> Self {
        Self {
            sent: data.get("sent").to_owned(),
            person: data.get("person").to_owned(),
            case: data.get("case").to_owned(),
            appeal: data.get("appeal").to_owned(),
            partner: data.get("partner_id").to_owned(),
            purpose: data.get("purpose").to_owned(),
            consent: data.get("consent_id").to_owned(),
            fields: data.all("fields"),
            services: data.all("services"),
            urgency: data.get("urgency").to_owned(),
            reply_due_on: data.get("reply_due_on").trim().to_owned(),
            override_reason: data.get("override_reason").trim().to_owned(),
        }
    }

    fn person_id(&self) -> Result<PersonId, WebError> {
        self.person.parse().map(PersonId).map_err(|_| WebError::NotFound)
    }

    /// The form's own id; a form without one (or with a broken one) is a new referral.
    fn sent_as(&self) -> ReferralId {
        self.sent.parse().map(ReferralId).unwrap_or_else(|_| ReferralId::new())
    }

    fn parse(&self, errors: &mut FieldErrors) -> Result<NewReferral, WebError> {
        let id = |value: &str, name: &str, errors: &mut FieldErrors| -> Option<uuid::Uuid> {
            let value = optional(value)?;
            let parsed = value.parse().ok();
            if parsed.is_none() {
                errors.add(name, "form-unknown-choice");
            }
            parsed
        };
        let partner = id(&self.partner, "partner_id", errors);
        if partner.is_none() && !errors.has("partner_id") {
            errors.add("partner_id", "form-required");
        }
        let (consent_id, override_reason) = match self.consent.as_str() {
            OVERRIDE => (None, Some(self.override_reason.clone())),
            other => (id(other, "consent_id", errors).map(ConsentId), None),
        };
        Ok(NewReferral {
            person_id: self.person_id()?,
            case_id: id(&self.case, "case", errors).map(CaseId),
            appeal_id: id(&self.appeal, "appeal", errors).map(AppealId),
            partner_id: PartnerId(partner.unwrap_or_default()),
            purpose: self.purpose.clone(),
            services: self.services.clone(),
            urgency: self.urgency.clone(),
            reply_due_on: form_day(errors, "reply_due_on", &self.reply_due_on),
            fields: self.fields.clone(),
            consent_id,
            override_reason,
            made_on: None,
        })
    }
}

/// What the form offers: the person, their consents, the active partners.
struct FormChoices {
    name: String,
    consents: Vec<Consent>,
    partners: Vec<Partner>,
    /// Every partner's name, inactive ones too: whom a consent names.
    partner_names: std::collections::HashMap<PartnerId, String>,
    today: NaiveDate,
    may_override: bool,
}

fn choices(app: &App, actor: &Actor, person: PersonId) -> Result<FormChoices, AppError> {
    let consents = app.consent_terms(actor, person)?;
    let name = app.names_within_reach(actor, &[person])?.remove(&person).unwrap_or_default();
    let query = komek_app::partners::PartnerQuery { active_only: true, ..Default::default() };
    Ok(FormChoices {
        name,
        consents,
        partners: app.find_partners(actor, &query)?,
        partner_names: app.partner_names(actor)?,
        today: app.today(actor)?,
        may_override: komek_app::policy::referrals::may_override_consent(actor),
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let q = FormData::parse(raw.unwrap_or_default().as_bytes());
    let mut form = ReferralForm {
        person: q.get("person").to_owned(),
        case: q.get("case").to_owned(),
        appeal: q.get("appeal").to_owned(),
        partner: q.get("partner").to_owned(),
        urgency: "routine".into(),
        sent: ReferralId::new().to_string(),
        ..Default::default()
    };
    let person = form.person_id()?;
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let offered = blocking(move || choices(&app, &actor, person)).await??;
    // One consent in force is the one meant; its first purpose likewise.
    let in_force: Vec<&Consent> = offered.consents.iter().filter(|c| c.in_force_on(offered.today).is_ok()).collect();
    if let [only] = in_force.as_slice() {
        form.consent = only.id.to_string();
        form.purpose = only.purposes.first().cloned().unwrap_or_default();
    }
    Ok(form_page(&state, &current, &form, &offered, &FieldErrors::default(), None))
}

/// Saves the referral as a draft; "check" only shows again what the consent allows.
pub async fn make(State(state): State<AppState>, current: Current, data: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = ReferralForm::read(&data);
    let person = form.person_id()?;
    let mut errors = FieldErrors::default();
    let new = form.parse(&mut errors)?;
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let checking = data.has("check");
    let sent = form.sent_as();
    let outcome = blocking(move || -> Result<_, AppError> {
        let saved = if checking || !errors.is_empty() {
            None
        } else {
            Some(app.make_referral_sent_as(&actor, Direction::Outgoing, new, sent))
        };
        Ok((saved, choices(&app, &actor, person)?, errors))
    })
    .await??;
    let (saved, offered, mut errors) = outcome;
    let refusal = match saved {
        None => None,
        Some(Ok(id)) => return Ok(Redirect::to(&format!("/referrals/{id}")).into_response()),
        Some(Err(AppError::Invalid(problems))) => {
            errors.add_validation(&problems, &fields::REFERRAL);
            None
        }
        Some(Err(AppError::NotConsented { refused, .. })) => {
            errors.add(refused.field(), "referral-not-consented");
            Some(refusal_message(current.tr(&state), &refused))
        }
        Some(Err(other)) => return Err(other.into()),
    };
    let page = form_page(&state, &current, &form, &offered, &errors, refusal.as_deref());
    let status = if checking && errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

/// Why the consent stops the referral, in the user's language, naming the consent by its day
/// and the field by its label.
pub fn refusal_message(tr: Tr<'_>, refused: &SharingRefused) -> String {
    let given = |d: NaiveDate| -> FluentValue<'static> { day(d).into() };
    match refused {
        SharingRefused::Withdrawn { given_on, withdrawn_on } => {
            tr.t_args("referral-refused-withdrawn", &[("given", given(*given_on)), ("on", given(*withdrawn_on))])
        }
        SharingRefused::Expired { given_on, expires_on } => {
            tr.t_args("referral-refused-expired", &[("given", given(*given_on)), ("on", given(*expires_on))])
        }
        SharingRefused::NotYetGiven { given_on } => {
            tr.t_args("referral-refused-not-yet", &[("given", given(*given_on))])
        }
        SharingRefused::RecipientNotCovered { given_on } => {
            tr.t_args("referral-refused-recipient", &[("given", given(*given_on))])
        }
        SharingRefused::PurposeNotCovered { given_on, purpose } => tr.t_args(
            "referral-refused-purpose",
            &[("given", given(*given_on)), ("purpose", tr.lookup(lookups::REFERRAL_PURPOSE, purpose).into())],
        ),
        SharingRefused::FieldNotCovered { given_on, field, category } => tr.t_args(
            "referral-refused-field",
            &[
                ("given", given(*given_on)),
                ("field", tr.t(&format!("referral-field-{field}")).into()),
                ("category", tr.lookup(lookups::DATA_CATEGORY, category).into()),
            ],
        ),
    }
}

/// For each shareable field, why it may not be chosen (`None`: it may): what the form greys out.
fn field_blocks(tr: Tr<'_>, form: &ReferralForm, offered: &FormChoices) -> Vec<(&'static str, Option<String>)> {
    let consent = offered.consents.iter().find(|c| c.id.to_string() == form.consent);
    let partner = offered.partners.iter().find(|p| p.id.to_string() == form.partner);
    let allowed: Option<Vec<&str>> = match (consent, partner, form.purpose.as_str()) {
        (Some(c), Some(p), purpose) if !purpose.is_empty() => Some(allowed_fields(c, p, purpose, offered.today)),
        _ => None,
    };
    SHAREABLE_FIELDS
        .iter()
        .map(|(field, category)| {
            let blocked = match (consent, &allowed) {
                // No consent chosen yet: nothing to grey out, and what was ticked stays ticked
                // (the form says to choose one; the service refuses a referral without one).
                _ if form.consent == OVERRIDE => None,
                (None, _) => None,
                (Some(c), _) if !c.categories.iter().any(|k| k == category) => Some(tr.t_with(
                    "referral-category-not-consented",
                    "category",
                    tr.lookup(lookups::DATA_CATEGORY, category),
                )),
                (Some(_), Some(allowed)) if !allowed.contains(field) => Some(tr.t("referral-partner-not-consented")),
                _ => None,
            };
            (*field, blocked)
        })
        .collect()
}

pub(super) fn consent_label(tr: Tr<'_>, c: &Consent, today: NaiveDate) -> String {
    let mut label = format!(
        "{} · {} · {}",
        day(c.given_on),
        tr.lookup(lookups::CONSENT_METHOD, &c.method),
        codes(tr, lookups::DATA_CATEGORY, &c.categories)
    );
    if let Err(why) = c.in_force_on(today) {
        label.push_str(" · ");
        label.push_str(&refusal_message(tr, &why));
    }
    label
}

fn form_page(
    state: &AppState,
    current: &Current,
    form: &ReferralForm,
    offered: &FormChoices,
    errors: &FieldErrors,
    refusal: Option<&str>,
) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("referral-new");
    let blocks = field_blocks(tr, form, offered);
    let invalid = |name: &str| errors.has(name).then_some("true");
    let content = html! {
        h1 { (title) }
        p { a href={ "/persons/" (form.person) } { (if offered.name.is_empty() { tr.t("hotline-open-person") } else { offered.name.clone() }) } }
        @if let Some(refusal) = refusal { p.notice.warning role="alert" #refusal { (refusal) } }
        (errors.summary(tr))
        @if offered.consents.is_empty() {
            p.notice role="status" { (tr.t("referral-no-consent")) " "
                a href={ "/persons/" (form.person) "/consents/new" } { (tr.t("consent-record")) } }
        }
        form method="post" action="/referrals/new" {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="person" value=(form.person);
            input type="hidden" name="case" value=(form.case);
            input type="hidden" name="appeal" value=(form.appeal);
            input type="hidden" name="sent" value=(form.sent);
            (field(tr, "referral-partner", "partner_id", errors, super::partner_select(tr, &offered.partners, &form.partner, errors)))
            (field(tr, "referral-purpose", "purpose", errors, lookup_select(tr, "purpose", lookups::REFERRAL_PURPOSE, &form.purpose, Some("form-not-given"), errors)))
            (field(tr, "referral-consent", "consent_id", errors, html! {
                select id="consent_id" name="consent_id" aria-invalid=[invalid("consent_id")] {
                    option value="" selected[form.consent.is_empty()] { (tr.t("form-not-given")) }
                    // Each named by whom it covers; one no longer in force is shown, not chosen.
                    @for c in &offered.consents {
                        option value=(c.id) selected[c.id.to_string() == form.consent] disabled[c.in_force_on(offered.today).is_err()] {
                            (consent_label(tr, c, offered.today)) " · " (super::consents::recipients(tr, c, &offered.partner_names))
                        }
                    }
                    @if offered.may_override {
                        option value=(OVERRIDE) selected[form.consent == OVERRIDE] { (tr.t("referral-override")) }
                    }
                }
            }))
            button.secondary type="submit" name="check" value="1" formnovalidate { (tr.t("referral-check")) }
            fieldset.checks #fields aria-describedby=[errors.has("fields").then_some("fields-error")] {
                legend { (tr.t("referral-fields")) }
                p.hint { (tr.t("referral-fields-hint")) }
                @if form.consent.is_empty() { p.hint { (tr.t("referral-choose-consent")) } }
                @for (name, blocked) in &blocks {
                    label.check.blocked[blocked.is_some()] title=[blocked.as_deref()] {
                        input type="checkbox" name="fields" value=(name)
                            checked[blocked.is_none() && form.fields.iter().any(|f| f == name)]
                            disabled[blocked.is_some()];
                        " " (tr.t(&format!("referral-field-{name}")))
                        @if let Some(why) = blocked { " " span.meta { "(" (why) ")" } }
                    }
                }
                (errors.message(tr, "fields"))
            }
            (lookup_checkboxes(tr, "referral-services", "services", lookups::SERVICE_KIND, &form.services, errors))
            (field(tr, "referral-urgency", "urgency", errors, lookup_select(tr, "urgency", lookups::URGENCY, &form.urgency, None, errors)))
            (field(tr, "referral-reply-due", "reply_due_on", errors, html! {
                input type="date" id="reply_due_on" name="reply_due_on" value=(form.reply_due_on) aria-invalid=[invalid("reply_due_on")];
            }))
            @if offered.may_override {
                (field(tr, "referral-override-reason", "override_reason", errors, html! {
                    textarea id="override_reason" name="override_reason" rows="3" aria-invalid=[invalid("override_reason")] { (form.override_reason) }
                }))
            }
            button type="submit" { (tr.t("referral-save-draft")) }
        }
    };
    layout::page(tr, current, &title, "/referrals", content)
}

/// Everything the referral's page shows, read in one blocking call.
struct PageData {
    file: ReferralFile,
    person: String,
    partner: String,
    consent: Option<Consent>,
    staff: HashMap<komek_domain::AccountId, String>,
    clock: chrono::FixedOffset,
    today: NaiveDate,
}

fn load(app: &App, actor: &Actor, id: ReferralId) -> Result<PageData, AppError> {
    let file = app.referral_file(actor, id)?;
    let r = &file.referral;
    let person = app.names_within_reach(actor, &[r.person_id])?.remove(&r.person_id).unwrap_or_default();
    let partner = app.partner_names(actor)?.remove(&r.partner_id).unwrap_or_default();
    let consent = match r.consent_id {
        Some(id) => app.consent_terms(actor, r.person_id)?.into_iter().find(|c| c.id == id),
        None => None,
    };
    Ok(PageData {
        person,
        partner,
        consent,
        staff: crate::directory::directory(app, actor)?.staff,
        clock: app.office_clock(actor)?,
        today: app.today(actor)?,
        file,
    })
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let done = FormData::parse(raw.unwrap_or_default().as_bytes()).text("done");
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let data = blocking(move || load(&app, &actor, ReferralId(id))).await??;
    Ok(page(&state, &current, &data, &FieldErrors::default(), None, done.as_deref(), None))
}

/// The letter's language: the one asked for, else Russian or Kazakh as the partner speaks.
fn letter_lang(asked: &str) -> Lang {
    match Lang::parse(asked) {
        Some(Lang::Kk) => Lang::Kk,
        Some(Lang::En) => Lang::En,
        _ => Lang::Ru,
    }
}

fn page(
    state: &AppState,
    current: &Current,
    data: &PageData,
    errors: &FieldErrors,
    refusal: Option<&str>,
    done: Option<&str>,
    typed: Option<&FormData>,
) -> Markup {
    let tr = current.tr(state);
    // A refused step comes back as typed.
    let typed_or = |name: &str, default: String| typed.map_or(default, |t| t.get(name).to_owned());
    let step_on = typed_or("on", data.today.format("%Y-%m-%d").to_string());
    let (step_status, step_lang, step_note) =
        (typed_or("status", String::new()), typed_or("letter_lang", String::new()), typed_or("note", String::new()));
    let r = &data.file.referral;
    let title = tr.t_with("referral-title", "number", r.number.clone());
    let staff = |id: &komek_domain::AccountId| data.staff.get(id).cloned().unwrap_or_default();
    let next = next_statuses(&r.status);
    let content = html! {
        @if done == Some("saved") { p.notice role="status" #done { (tr.t("referral-saved")) } }
        @if let Some(refusal) = refusal { p.notice.warning role="alert" #refusal { (refusal) } }
        h1 { (title) }
        p.badges {
            span.badge #referral-status { (tr.lookup(lookups::REFERRAL_STATUS, &r.status)) }
            @if r.reply_overdue_on(data.today) { " " span.badge.sensitive { (tr.t("referral-overdue")) } }
        }
        dl.record {
            dt { (tr.t("referral-direction")) } dd { (tr.t(&format!("referral-direction-{}", r.direction.code()))) }
            dt { (tr.t("hotline-col-person")) } dd { a href={ "/persons/" (r.person_id) } {
                (if data.person.is_empty() { tr.t("hotline-open-person") } else { data.person.clone() }) } }
            dt { (tr.t("referral-partner")) } dd { a href={ "/referrals/partners/" (r.partner_id) } { (data.partner) } }
            @if let Some(case) = r.case_id {
                dt { (tr.t("referral-case")) }
                dd { @match &data.file.case_number {
                    Some(number) => a href={ "/cases/" (case) } { (number) },
                    None => (tr.t("record-restricted")),
                } }
            }
            @if let Some(appeal) = r.appeal_id { dt { (tr.t("referral-appeal")) } dd { a href={ "/hotline/appeals/" (appeal) } { (tr.t("referral-open-appeal")) } } }
            dt { (tr.t("referral-purpose")) } dd { (tr.lookup(lookups::REFERRAL_PURPOSE, &r.purpose)) }
            dt { (tr.t("referral-services")) } dd { (codes(tr, lookups::SERVICE_KIND, &r.services)) }
            dt { (tr.t("referral-urgency")) } dd { (tr.lookup(lookups::URGENCY, &r.urgency)) }
            dt { (tr.t("referral-reply-due")) } dd { (r.reply_due_on.map(day).unwrap_or_default()) }
            @if r.direction == Direction::Outgoing {
                dt { (tr.t("referral-fields")) } dd #carried {
                    (r.fields.iter().map(|f| tr.t(&format!("referral-field-{f}"))).collect::<Vec<_>>().join(", "))
                }
                dt { (tr.t("referral-consent")) } dd {
                    @match (&data.consent, &r.override_reason) {
                        (Some(c), _) => (consent_label(tr, c, data.today)),
                        (None, Some(reason)) => { (tr.t("referral-override")) ": " (reason) },
                        (None, None) => {},
                    }
                }
            }
        }
        @if r.direction == Direction::Outgoing && r.status != "withdrawn" {
            p.actions #letter {
                a.button href={ "/referrals/" (r.id) "/letter?lang=ru" } { (tr.t("referral-letter-ru")) } " "
                a.button href={ "/referrals/" (r.id) "/letter?lang=kk" } { (tr.t("referral-letter-kk")) } " "
                a.button href={ "/referrals/" (r.id) "/letter.pdf?lang=ru" } { (tr.t("referral-letter-pdf")) }
            }
            @if let Some(sent) = &data.file.sent_letter {
                p #sent-letter {
                    a href={ "/referrals/" (r.id) "/sent-letter.pdf" } { (tr.t("referral-sent-letter")) }
                    " " (tr.t_with("referral-sent-letter-about", "date", day(sent.sent_on)))
                    br; span.meta { "SHA-256 " code { (sent.sha256) } }
                }
            }
        }
        section #steps {
            h2 { (tr.t("referral-steps")) }
            div.wide { table.log {
                thead { tr {
                    th scope="col" { (tr.t("referral-step-on")) }
                    th scope="col" { (tr.t("referral-status")) }
                    th scope="col" { (tr.t("referral-step-by")) }
                    th scope="col" { (tr.t("referral-step-note")) }
                } }
                tbody {
                    @for s in &data.file.steps {
                        tr {
                            td { (day(s.on)) br; span.meta { (local_time(data.clock, s.recorded_at)) } }
                            td { (tr.lookup(lookups::REFERRAL_STATUS, &s.status)) }
                            td { (staff(&s.by)) }
                            td.notes { (s.note.clone().unwrap_or_default()) }
                        }
                    }
                }
            } }
            @if !next.is_empty() {
                (errors.summary(tr))
                (errors.message(tr, "version"))
                form.step method="post" action={ "/referrals/" (r.id) "/steps" } {
                    input type="hidden" name="csrf" value=(current.session.csrf_token);
                    input type="hidden" name="version" value=(data.file.version);
                    (field(tr, "referral-next-status", "status", errors, html! {
                        select id="status" name="status" aria-invalid=[errors.has("status").then_some("true")] {
                            @for status in next { option value=(status) selected[*status == step_status] { (tr.lookup(lookups::REFERRAL_STATUS, status)) } }
                        }
                    }))
                    (field(tr, "referral-step-on", "on", errors, html! {
                        input type="date" id="on" name="on" value=(step_on) aria-invalid=[errors.has("on").then_some("true")];
                    }))
                    @if next.contains(&"sent") {
                        (field(tr, "referral-letter-lang", "letter_lang", errors, html! {
                            select id="letter_lang" name="letter_lang" {
                                option value="ru" { "Русский" }
                                option value="kk" selected[step_lang == "kk"] { "Қазақша" }
                            }
                        }))
                    }
                    (field(tr, "referral-step-note", "note", errors, html! {
                        textarea id="note" name="note" rows="3" aria-invalid=[errors.has("note").then_some("true")] { (step_note) }
                    }))
                    button type="submit" { (tr.t("referral-move")) }
                }
            }
        }
    };
    layout::page(tr, current, &title, "/referrals", content)
}

/// Moves a referral on; a refused step shows the page again with its reason.
pub async fn step(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let id = ReferralId(id);
    let mut errors = FieldErrors::default();
    let next = NextStep {
        status: data.get("status").to_owned(),
        on: required_day(&mut errors, "on", data.get("on")),
        note: data.get("note").trim().to_owned(),
    };
    let version = data.get("version").parse::<i64>().map_err(|_| WebError::BadRequest)?;
    let lang = letter_lang(data.get("letter_lang"));
    let i18n = state.i18n.clone();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let checked = errors.is_empty();
    let moved = blocking(move || {
        if !checked {
            return Err(AppError::Invalid(Vec::new()));
        }
        let words = |id: &str| i18n.format(lang, id, None);
        app.move_referral(&actor, id, version, &next, &words)
    })
    .await?;
    let refusal = match moved {
        Ok(()) => return Ok(Redirect::to(&format!("/referrals/{id}?done=saved")).into_response()),
        // The partner is no longer one that may be chosen: nothing on the form to fix.
        Err(AppError::Invalid(problems)) if problems.iter().any(|p| p.field() == "partner_id") => {
            Some(current.tr(&state).t("referral-partner-inactive"))
        }
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::REFERRAL);
            None
        }
        Err(AppError::NotConsented { refused, .. }) => Some(refusal_message(current.tr(&state), &refused)),
        // Moved by someone else meanwhile: the page as it is now, with the step as typed.
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            None
        }
        Err(other) => return Err(other.into()),
    };
    let status = if errors.has("version") {
        axum::http::StatusCode::CONFLICT
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let loaded = blocking(move || load(&app, &actor, id)).await??;
    let page = page(&state, &current, &loaded, &errors, refusal.as_deref(), None, Some(&data));
    Ok((status, page).into_response())
}

/// Reads the letter in the language asked. A draft its consent no longer covers has no
/// letter: the referral's page says why instead.
async fn read_letter(
    state: &AppState,
    current: &Current,
    id: uuid::Uuid,
    raw: Option<String>,
) -> Result<Result<ReferralLetter, Response>, WebError> {
    let lang = letter_lang(FormData::parse(raw.unwrap_or_default().as_bytes()).get("lang"));
    let i18n = state.i18n.clone();
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let read = blocking(move || {
        let words = |id: &str| i18n.format(lang, id, None);
        app.referral_letter(&actor, ReferralId(id), &words)
    })
    .await?;
    match read {
        Ok(letter) => Ok(Ok(letter)),
        Err(AppError::NotConsented { refused, .. }) => {
            let refusal = refusal_message(current.tr(state), &refused);
            let (app, actor) = (state.app.clone(), current.actor.clone());
            let data = blocking(move || load(&app, &actor, ReferralId(id))).await??;
            let page = page(state, current, &data, &FieldErrors::default(), Some(&refusal), None, None);
            Ok(Err((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response()))
        }
        Err(other) => Err(other.into()),
    }
}

/// The letter as a printable page (the page's own header and buttons are not printed).
pub async fn letter(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let letter = match read_letter(&state, &current, id, raw).await? {
        Ok(letter) => letter,
        Err(refused) => return Ok(refused),
    };
    let tr = current.tr(&state);
    let content = html! {
        article.letter {
            p.meta { (letter.sender) }
            @for line in &letter.addressee { p { strong { (line) } } }
            p { (day(letter.dated)) }
            h1 { (letter.title) }
            @for line in &letter.request { p { (line) } }
            dl.record {
                @for (label, value) in &letter.particulars { dt { (label) } dd { (value) } }
            }
            p.meta { (letter.basis) }
            p { (letter.signed) }
        }
        p.actions { a.button href={ "/referrals/" (id) } { (tr.t("referral-back")) } }
    };
    Ok(layout::page(tr, &current, &letter.title, "/referrals", content).into_response())
}

/// The letter as it was sent: the PDF kept when the referral went, audited.
pub async fn sent_letter_pdf(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Response, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (letter, pdf) = blocking(move || app.sent_letter(&actor, ReferralId(id))).await??;
    Ok(crate::uploads::download("pdf", &format!("sent-{}", &letter.sha256[..12]), pdf))
}

/// The letter as a PDF, to print or send.
pub async fn letter_pdf(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let letter = match read_letter(&state, &current, id, raw).await? {
        Ok(letter) => letter,
        Err(refused) => return Ok(refused),
    };
    let pdf = blocking(move || letter.to_pdf().map(|pdf| (letter.number, pdf))).await??;
    let (number, pdf) = pdf;
    let disposition = format!("attachment; filename=\"{number}.pdf\"");
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], pdf)
        .into_response())
}
