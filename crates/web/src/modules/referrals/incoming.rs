//! A partner sent someone to us: the form that takes the referral in at one go — who sent
//! them and what for, what their letter says, the person (someone known, reached from their
//! page, or someone new), and whether an appeal or a case is opened. A refused form comes back
//! with every field as typed.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::appeals::IntakePerson;
use komek_app::persons::Candidate;
use komek_app::referrals::{IncomingReferral, Opens};
use komek_app::{Actor, App, AppError};
use komek_domain::entities::{PersonIdentity, PersonProfile};
use komek_domain::referrals::Partner;
use komek_domain::{PartnerId, PersonId, lookups};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, form_day, optional};
use crate::layout;
use crate::session::Current;
use crate::widgets::{field, lookup_checkboxes, lookup_select, text_input};
use crate::{AppState, blocking, fields};

/// The person choice meaning "the one typed is someone new", among likely duplicates.
const NEW_PERSON: &str = "new";

/// What the form holds, as typed.
#[derive(Default, Clone)]
struct IncomingForm {
    partner: String,
    received_on: String,
    purpose: String,
    services: Vec<String>,
    urgency: String,
    reply_due_on: String,
    letter: String,
    /// A known person's id, when the form was opened from their page or one was chosen among
    /// likely duplicates; [`NEW_PERSON`] when the one typed was confirmed as someone new.
    person: String,
    full_name: String,
    sex: String,
    citizenship: String,
    phone: String,
    /// "appeal" or "case".
    opens: String,
    channel: String,
    topics: Vec<String>,
    kind: String,
    sensitive: bool,
    /// The id the form was shown with: sent twice, it takes the person in once.
    sent: String,
}

impl IncomingForm {
    fn read(data: &FormData) -> Self {
        Self {
            partner: data.get("partner_id").to_owned(),
            received_on: data.get("received_on").trim().to_owned(),
            purpose: data.get("purpose").to_owned(),
            services: data.all("services"),
            urgency: data.get("urgency").to_owned(),
            reply_due_on: data.get("reply_due_on").trim().to_owned(),
            letter: data.get("letter").trim().to_owned(),
            person: data.get("person").to_owned(),
            full_name: data.get("full_name").trim().to_owned(),
            sex: data.get("sex").to_owned(),
            citizenship: data.get("citizenship").to_owned(),
            phone: data.get("phone").trim().to_owned(),
            opens: data.get("opens").to_owned(),
            channel: data.get("channel").to_owned(),
            topics: data.all("topics"),
            kind: data.get("kind").to_owned(),
            sensitive: data.has("sensitive"),
            sent: data.get("sent").to_owned(),
        }
    }

    fn known_person(&self) -> Result<Option<PersonId>, WebError> {
        if self.new_person_confirmed() {
            return Ok(None);
        }
        optional(&self.person).map(|p| p.parse().map(PersonId).map_err(|_| WebError::NotFound)).transpose()
    }

    /// The person typed was shown beside known persons they look like, and chosen as new.
    fn new_person_confirmed(&self) -> bool {
        self.person == NEW_PERSON
    }

    fn parse(&self, errors: &mut FieldErrors) -> Result<IncomingReferral, WebError> {
        let partner = match optional(&self.partner).map(|p| p.parse::<uuid::Uuid>()) {
            Some(Ok(id)) => PartnerId(id),
            Some(Err(_)) => {
                errors.add("partner_id", "form-unknown-choice");
                PartnerId::default()
            }
            None => {
                errors.add("partner_id", "form-required");
                PartnerId::default()
            }
        };
        let received_on = form_day(errors, "received_on", &self.received_on);
        if received_on.is_none() && !errors.has("received_on") {
            errors.add("received_on", "form-required");
        }
        let person = match self.known_person()? {
            Some(id) => IntakePerson::Known(id),
            None => IntakePerson::New {
                profile: PersonProfile {
                    sex: self.sex.clone(),
                    citizenship: self.citizenship.clone(),
                    ..Default::default()
                },
                identity: PersonIdentity {
                    full_name: self.full_name.clone(),
                    phones: optional(&self.phone).map(|p| vec![p.to_owned()]).unwrap_or_default(),
                    ..Default::default()
                },
            },
        };
        let opens = if self.opens == "case" {
            Opens::Case { kind: self.kind.clone(), sensitive: self.sensitive }
        } else {
            Opens::Appeal { channel: self.channel.clone(), topics: self.topics.clone() }
        };
        Ok(IncomingReferral {
            partner_id: partner,
            received_on: received_on.unwrap_or_default(),
            purpose: self.purpose.clone(),
            services: self.services.clone(),
            urgency: self.urgency.clone(),
            reply_due_on: form_day(errors, "reply_due_on", &self.reply_due_on),
            letter: self.letter.clone(),
            person,
            opens,
        })
    }
}

/// What the form offers: the partners, the known person's name, and the known persons the
/// one typed looks like.
struct Offered {
    partners: Vec<Partner>,
    name: Option<String>,
    duplicates: Vec<Candidate>,
}

fn offered(app: &App, actor: &Actor, person: Option<PersonId>) -> Result<Offered, AppError> {
    if !komek_app::policy::referrals::may_refer(actor) {
        return Err(AppError::Forbidden);
    }
    let query = komek_app::partners::PartnerQuery { active_only: true, ..Default::default() };
    let name = match person {
        Some(id) => Some(app.names_within_reach(actor, &[id])?.remove(&id).ok_or(AppError::NotFound)?),
        None => None,
    };
    Ok(Offered { partners: app.find_partners(actor, &query)?, name, duplicates: Vec::new() })
}

pub async fn new_form(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let q = FormData::parse(raw.unwrap_or_default().as_bytes());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let today = {
        let (app, actor) = (app.clone(), actor.clone());
        blocking(move || app.today(&actor)).await??
    };
    let form = IncomingForm {
        person: q.get("person").to_owned(),
        partner: q.get("partner").to_owned(),
        received_on: today.format("%Y-%m-%d").to_string(),
        urgency: "routine".into(),
        opens: "appeal".into(),
        sent: komek_domain::ReferralId::new().to_string(),
        channel: "email".into(),
        ..Default::default()
    };
    let person = form.known_person()?;
    let offered = blocking(move || offered(&app, &actor, person)).await??;
    Ok(page(&state, &current, &form, &offered, &FieldErrors::default()))
}

pub async fn receive(State(state): State<AppState>, current: Current, data: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = IncomingForm::read(&data);
    let mut errors = FieldErrors::default();
    let incoming = form.parse(&mut errors)?;
    let person = form.known_person()?;
    let confirmed = form.new_person_confirmed();
    // The form's own id; a form without one (or a broken one) is a new referral.
    let sent = form.sent.parse().map(komek_domain::ReferralId).unwrap_or_else(|_| komek_domain::ReferralId::new());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let outcome = blocking(move || -> Result<_, AppError> {
        // Someone new who looks like someone known is registered only once the lawyer says so.
        let duplicates = match (&incoming.person, confirmed) {
            (IntakePerson::New { profile, identity }, false) if errors.is_empty() => {
                app.likely_duplicates(&actor, profile, identity)?
            }
            _ => Vec::new(),
        };
        let saved =
            (errors.is_empty() && duplicates.is_empty()).then(|| app.receive_referral_sent_as(&actor, incoming, sent));
        Ok((saved, Offered { duplicates, ..offered(&app, &actor, person)? }, errors))
    })
    .await??;
    let (saved, offered, mut errors) = outcome;
    if !offered.duplicates.is_empty() {
        errors.add("person", "incoming-possible-duplicate");
    }
    match saved {
        Some(Ok(received)) => {
            return Ok(Redirect::to(&format!("/referrals/{}?done=saved", received.referral_id)).into_response());
        }
        Some(Err(AppError::Invalid(problems))) => errors.add_validation(&problems, &fields::REFERRAL),
        Some(Err(other)) => return Err(other.into()),
        None => {}
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &current, &form, &offered, &errors)).into_response())
}

fn page(state: &AppState, current: &Current, form: &IncomingForm, offered: &Offered, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("incoming-title");
    let invalid = |name: &str| errors.has(name).then_some("true");
    let content = html! {
        h1 { (title) }
        p.hint { (tr.t("incoming-hint")) }
        (errors.summary(tr))
        form method="post" action="/referrals/incoming" {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="sent" value=(form.sent);
            fieldset {
                legend { (tr.t("incoming-from")) }
                (field(tr, "referral-partner", "partner_id", errors, super::partner_select(tr, &offered.partners, &form.partner, errors)))
                (field(tr, "incoming-received-on", "received_on", errors, html! {
                    input type="date" id="received_on" name="received_on" value=(form.received_on) aria-invalid=[invalid("received_on")];
                }))
                (field(tr, "referral-purpose", "purpose", errors, lookup_select(tr, "purpose", lookups::REFERRAL_PURPOSE, &form.purpose, Some("form-not-given"), errors)))
                (lookup_checkboxes(tr, "incoming-services", "services", lookups::SERVICE_KIND, &form.services, errors))
                (field(tr, "referral-urgency", "urgency", errors, lookup_select(tr, "urgency", lookups::URGENCY, &form.urgency, None, errors)))
                (field(tr, "incoming-reply-due", "reply_due_on", errors, html! {
                    input type="date" id="reply_due_on" name="reply_due_on" value=(form.reply_due_on) aria-invalid=[invalid("reply_due_on")];
                }))
                (field(tr, "incoming-letter", "letter", errors, html! {
                    textarea id="letter" name="letter" rows="4" aria-invalid=[invalid("letter")] { (form.letter) }
                }))
            }
            fieldset {
                legend { (tr.t("incoming-person")) }
                @if let Some(name) = &offered.name {
                    input type="hidden" name="person" value=(form.person);
                    p { a href={ "/persons/" (form.person) } { (name) } }
                } @else {
                    @if !offered.duplicates.is_empty() {
                        (errors.message(tr, "person"))
                        ul.candidates #person role="list" {
                            @for c in &offered.duplicates {
                                li.candidate { label.check {
                                    input type="radio" name="person" value=(c.person.id);
                                    " " strong { (c.person.identity.as_ref().map(|i| i.full_name.as_str()).unwrap_or_default()) }
                                    @for reason in &c.reasons { " " span.badge { (tr.t(&format!("match-{}", reason.code()))) } }
                                } }
                            }
                            li.candidate { label.check {
                                input type="radio" name="person" value=(NEW_PERSON);
                                " " (tr.t("intake-confirm-new"))
                            } }
                        }
                    }
                    (field(tr, "intake-full-name", "full_name", errors, text_input("full_name", &form.full_name, errors)))
                    (field(tr, "intake-sex", "sex", errors, lookup_select(tr, "sex", lookups::SEX, &form.sex, Some("form-not-given"), errors)))
                    (field(tr, "intake-citizenship", "citizenship", errors, lookup_select(tr, "citizenship", lookups::CITIZENSHIP, &form.citizenship, Some("form-not-given"), errors)))
                    (field(tr, "intake-phone", "phones", errors, html! {
                        input type="tel" id="phones" name="phone" value=(form.phone) aria-invalid=[invalid("phones")];
                    }))
                }
            }
            fieldset {
                legend { (tr.t("incoming-opens")) }
                label.check { input type="radio" name="opens" value="appeal" checked[form.opens != "case"]; " " (tr.t("incoming-opens-appeal")) }
                (field(tr, "incoming-channel", "channel", errors, lookup_select(tr, "channel", lookups::CHANNEL, &form.channel, None, errors)))
                (lookup_checkboxes(tr, "incoming-topics", "topics", lookups::TOPIC, &form.topics, errors))
                // Only those who open cases are offered one.
                @if current.actor.can(komek_domain::Capability::ManageCases) {
                    label.check { input type="radio" name="opens" value="case" checked[form.opens == "case"]; " " (tr.t("incoming-opens-case")) }
                    (field(tr, "case-kind", "kind", errors, lookup_select(tr, "kind", lookups::CASE_KIND, &form.kind, Some("form-not-given"), errors)))
                    label.check { input type="checkbox" name="sensitive" value="1" checked[form.sensitive]; " " (tr.t("incoming-sensitive")) }
                }
            }
            button type="submit" { (tr.t("incoming-save")) }
        }
    };
    layout::page(tr, current, &title, "/referrals", content)
}
