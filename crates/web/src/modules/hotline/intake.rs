//! The intake form: one call recorded while the caller talks. Built for the keyboard: the
//! cursor starts in the caller's name, Enter looks the caller and the employer up (never
//! saves), Alt+S saves. Everything typed comes back on every round trip.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{FixedOffset, NaiveDateTime, TimeZone, Utc};
use komek_app::appeals::{Intake, IntakePerson};
use komek_app::parties::NewParty;
use komek_app::persons::{Candidate, RestrictedMatch};
use komek_app::{Actor, App, AppError};
use komek_domain::entities::{Appeal, Party, PartyIdentity, PersonIdentity, PersonProfile};
use komek_domain::lookups::{self, LookupList};
use komek_domain::matching::PersonProbe;
use komek_domain::referrals::Partner;
use komek_domain::{AccountId, AppealId, Currency, Money, OfficeId, PartyId, PersonId, VisitId};
use maud::{Markup, html};

use super::directory::{self, DirectoryAsk};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, optional};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{field, lookup_checkboxes, lookup_select, text_input};
use crate::{AppState, blocking, fields};

/// The person choice meaning "register the caller as a new person (or nobody, if nothing
/// about them was typed)".
const NEW_PERSON: &str = "new";
/// The intake page's one script: candidates appear as the operator types. The page works
/// the same without it (Enter looks up).
pub const LIVE_SEARCH_SCRIPT: &str = concat!("/static/intake.js?v=", env!("CARGO_PKG_VERSION"));
/// Candidates shown for a caller or an employer.
const CANDIDATES: usize = 5;

/// The form exactly as typed: every field a string, so it can be shown again unchanged.
#[derive(Debug, Clone, Default)]
pub struct IntakeForm {
    pub appeal_id: String,
    /// Set when editing a saved appeal: the version the editor read.
    pub version: Option<i64>,
    pub received_at: String,
    pub channel: String,
    pub contact: String,
    pub person: String,
    pub full_name: String,
    pub phone: String,
    pub document: String,
    pub birth_year: String,
    pub sex: String,
    pub citizenship: String,
    pub home_region: String,
    pub confirm_new: bool,
    pub topics: Vec<String>,
    pub help: Vec<String>,
    pub occupation: String,
    pub sector: String,
    pub work_region: String,
    pub work_district: String,
    pub wage: String,
    pub currency: String,
    pub migration_reason: String,
    pub notes: String,
    pub follow_up_on: String,
    pub outcome: String,
    /// Parties already named, as "id:role".
    pub parties: Vec<String>,
    pub party_name: String,
    pub party_role: String,
    pub party_kind: String,
    /// What the operator asked the referral directory, to tell the caller where to go.
    pub directory: DirectoryAsk,
    /// The monitoring visit an on-site consultation is taken on, if any.
    pub visit: String,
}

const DATETIME_INPUT: &str = "%Y-%m-%dT%H:%M";

impl IntakeForm {
    /// A fresh form: a new id (so that sending it twice saves once), now, the usual choices.
    pub fn blank(clock: FixedOffset) -> Self {
        Self {
            appeal_id: AppealId::new().to_string(),
            received_at: Utc::now().with_timezone(&clock).format(DATETIME_INPUT).to_string(),
            channel: "hotline-phone".into(),
            contact: "migrant".into(),
            person: NEW_PERSON.into(),
            sex: "unknown".into(),
            citizenship: "unknown".into(),
            currency: Currency::KZT.code().into(),
            outcome: "advised".into(),
            party_role: "employer".into(),
            party_kind: "person".into(),
            ..Default::default()
        }
    }

    /// A saved appeal in the form, for editing.
    pub fn from_appeal(appeal: &Appeal, version: i64, clock: FixedOffset) -> Self {
        Self {
            appeal_id: appeal.id.to_string(),
            version: Some(version),
            received_at: appeal.received_at.with_timezone(&clock).format(DATETIME_INPUT).to_string(),
            channel: appeal.channel.clone(),
            contact: appeal.contact.clone(),
            person: appeal.person_id.map_or(NEW_PERSON.into(), |p| p.to_string()),
            topics: appeal.topics.clone(),
            help: appeal.help.clone(),
            occupation: appeal.occupation.clone().unwrap_or_default(),
            sector: appeal.sector.clone().unwrap_or_default(),
            work_region: appeal.work_region.clone().unwrap_or_default(),
            work_district: appeal.work_district.clone().unwrap_or_default(),
            wage: appeal.wage.map(format_amount).unwrap_or_default(),
            currency: appeal.wage.map_or(Currency::KZT, |w| w.currency).code().into(),
            migration_reason: appeal.migration_reason.clone().unwrap_or_default(),
            notes: appeal.notes.clone().unwrap_or_default(),
            follow_up_on: appeal.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
            outcome: appeal.outcome.clone(),
            parties: appeal.parties.iter().map(|(id, role)| format!("{id}:{role}")).collect(),
            sex: "unknown".into(),
            citizenship: "unknown".into(),
            party_role: "employer".into(),
            party_kind: "person".into(),
            ..Default::default()
        }
    }

    pub fn read(form: &FormData) -> Self {
        let text = |name: &str| form.get(name).to_owned();
        Self {
            appeal_id: text("appeal_id"),
            version: form.get("version").parse().ok(),
            received_at: text("received_at"),
            channel: text("channel"),
            contact: text("contact"),
            person: form.text("person").unwrap_or_else(|| NEW_PERSON.into()),
            full_name: text("full_name"),
            phone: text("phone"),
            document: text("document"),
            birth_year: text("birth_year"),
            sex: text("sex"),
            citizenship: text("citizenship"),
            home_region: text("home_region"),
            confirm_new: form.has("confirm_new"),
            topics: form.all("topic"),
            help: form.all("help"),
            occupation: text("occupation"),
            sector: text("sector"),
            work_region: text("work_region"),
            work_district: text("work_district"),
            wage: text("wage"),
            currency: text("currency"),
            migration_reason: text("migration_reason"),
            notes: text("notes"),
            follow_up_on: text("follow_up_on"),
            outcome: text("outcome"),
            parties: form.all("party"),
            party_name: text("party_name"),
            party_role: text("party_role"),
            party_kind: text("party_kind"),
            directory: DirectoryAsk::read(form),
            visit: text("visit"),
        }
    }

    /// What is known of the caller, to look them up.
    pub fn probe(&self) -> PersonProbe {
        PersonProbe {
            name: self.full_name.clone(),
            phone: self.phone.clone(),
            document: self.document.clone(),
            birth_year: self.birth_year.trim().parse().ok(),
        }
    }

    fn new_person_typed(&self) -> bool {
        self.person == NEW_PERSON && !self.probe().is_empty()
    }

    fn chosen_person(&self) -> Option<PersonId> {
        self.person.parse().ok().map(PersonId)
    }

    /// The parties already named, as (id, role); malformed entries are dropped.
    fn named_parties(&self) -> Vec<(PartyId, String)> {
        self.parties
            .iter()
            .filter_map(|entry| {
                let (id, role) = entry.split_once(':')?;
                Some((PartyId(id.parse().ok()?), role.to_owned()))
            })
            .collect()
    }

    /// The intake this form describes, or what to fix. Fields that do not parse are marked;
    /// the rest is checked by the same rules the service applies, so every problem shows at once.
    pub fn to_intake(&self, clock: FixedOffset) -> Result<Intake, FieldErrors> {
        let mut errors = FieldErrors::default();
        let id = self.appeal_id.parse().map(AppealId).unwrap_or_else(|_| {
            errors.add("appeal_id", "form-invalid");
            AppealId::new()
        });
        // The day as every day is read; the time as the browser's field writes it.
        let local = self.received_at.trim().split_once('T').and_then(|(day, time)| {
            let time = chrono::NaiveTime::parse_from_str(time, "%H:%M").ok()?;
            Some(NaiveDateTime::new(komek_domain::rules::parse_day(day)?, time))
        });
        let received_at =
            local.and_then(|local| clock.from_local_datetime(&local).single()).map(|t| t.with_timezone(&Utc));
        // A moment in the future is refused by the appeal's own rule below.
        let received_at = received_at.unwrap_or_else(|| {
            errors.add("received_at", "form-invalid-date");
            Utc::now()
        });
        let follow_up_on = optional(&self.follow_up_on).and_then(|d| {
            let parsed = komek_domain::rules::parse_day(&d);
            if parsed.is_none() {
                errors.add("follow_up_on", "form-invalid-date");
            }
            parsed
        });
        let currency = Currency::parse(&self.currency).unwrap_or_else(|| {
            errors.add("currency", "form-unknown-choice");
            Currency::KZT
        });
        let wage = optional(&self.wage).and_then(|w| {
            let parsed = Money::parse(&w, currency);
            if w.starts_with('-') {
                errors.add("wage", "form-negative");
            } else if parsed.is_none() {
                errors.add("wage", "form-invalid-amount");
            }
            parsed
        });
        let appeal = Appeal {
            id,
            // The service puts staff's own office and name here.
            office_id: OfficeId(uuid::Uuid::nil()),
            operator_id: AccountId(uuid::Uuid::nil()),
            received_at,
            channel: self.channel.clone(),
            contact: self.contact.clone(),
            person_id: self.chosen_person(),
            topics: self.topics.clone(),
            help: self.help.clone(),
            occupation: optional(&self.occupation),
            sector: optional(&self.sector),
            work_region: optional(&self.work_region),
            work_district: optional(&self.work_district),
            wage,
            migration_reason: optional(&self.migration_reason),
            notes: Some(self.notes.clone()),
            follow_up_on,
            outcome: self.outcome.clone(),
            parties: self.named_parties(),
        };
        errors.add_validation(&appeal.validate(Utc::now()), &fields::APPEAL);
        let person = if let Some(id) = self.chosen_person() {
            IntakePerson::Known(id)
        } else if self.new_person_typed() {
            let birth_year = optional(&self.birth_year).and_then(|y| {
                let today = Utc::now().date_naive();
                let year = y.parse::<i32>().ok().filter(|y| komek_domain::rules::birth_year_possible(*y, today));
                if year.is_none() {
                    errors.add("birth_year", "form-invalid-year");
                }
                year
            });
            let profile = PersonProfile {
                sex: self.sex.clone(),
                citizenship: self.citizenship.clone(),
                home_region: self.home_region.trim().to_owned(),
                age_band: birth_year
                    .map(|y| komek_domain::age_band_at(y, received_at.date_naive()).to_owned())
                    .unwrap_or_default(),
                ..Default::default()
            };
            let identity = PersonIdentity {
                full_name: self.full_name.trim().to_owned(),
                phones: optional(&self.phone).into_iter().collect(),
                documents: optional(&self.document).into_iter().collect(),
                birth_year,
                ..Default::default()
            };
            if !self.phone.trim().is_empty() && komek_domain::normalise::phone(&self.phone).is_none() {
                errors.add("phone", "form-invalid-phone");
            }
            IntakePerson::New { profile, identity }
        } else {
            IntakePerson::None
        };
        let new_parties = match optional(&self.party_name) {
            Some(name) => {
                let party = NewParty {
                    kind: self.party_kind.clone(),
                    identity: PartyIdentity { name, ..Default::default() },
                    ..Default::default()
                };
                errors.add_validation(&party.validate(Utc::now().date_naive()), &fields::APPEAL);
                if lookups::PARTY_ROLE.check("parties.role", &self.party_role).is_err() {
                    errors.add("party_role", "form-unknown-choice");
                }
                vec![(party, self.party_role.clone())]
            }
            None => Vec::new(),
        };
        let visit = optional(&self.visit).and_then(|v| match v.parse() {
            Ok(id) => Some(VisitId(id)),
            Err(_) => {
                errors.add("visit", "form-invalid");
                None
            }
        });
        if errors.is_empty() {
            Ok(Intake { appeal, person, new_parties, lead_notice: String::new(), visit })
        } else {
            Err(errors)
        }
    }
}

/// An amount as a person would type it back: "18000" or "18000.50".
fn format_amount(money: Money) -> String {
    let per = money.currency.minor_per_major();
    match money.minor % per {
        0 => (money.minor / per).to_string(),
        cents => format!("{}.{:02}", money.minor / per, cents),
    }
}

/// Everything the intake page shows besides the form: who the caller may be, which parties
/// match, the names of parties already named.
#[derive(Default)]
pub struct Lookups {
    pub candidates: Vec<Candidate>,
    /// Known persons the operator may not see who match what was typed: only that they
    /// exist, and who leads their case.
    pub restricted: Vec<RestrictedMatch>,
    pub party_candidates: Vec<(Party, i64)>,
    pub named_parties: Vec<(Party, String)>,
    /// The appeal's person when editing, shown as the first choice.
    pub current_person: Option<komek_domain::entities::Person>,
    /// Saving a new person would likely duplicate one of the candidates.
    pub duplicate_warning: bool,
    /// The office's clock, for the days of the candidates' appeals.
    pub clock: Option<FixedOffset>,
    /// The directory's answer, when the operator asked it something.
    pub partners: Option<Vec<Partner>>,
}

/// Looks up what the page needs to show, in one blocking call.
fn lookups(app: &App, actor: &Actor, form: &IntakeForm, find: bool) -> Result<Lookups, AppError> {
    let mut found = Lookups { clock: Some(app.office_clock(actor)?), ..Default::default() };
    if find || form.new_person_typed() {
        found.candidates = app.person_candidates(actor, &form.probe(), CANDIDATES)?;
        found.restricted = app.restricted_matches(actor, &form.probe())?;
    }
    if let Some(id) = form.chosen_person()
        && !found.candidates.iter().any(|c| c.person.id == id)
    {
        match app.person(actor, id) {
            Ok(person) if person.identity.is_some() => found.current_person = Some(person),
            // Chosen as a restricted match: offered again while what was typed still matches.
            Ok(_) | Err(AppError::NotFound) if found.restricted.is_empty() => {
                found.restricted = app.restricted_matches(actor, &form.probe())?;
            }
            Ok(_) | Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    if find && !form.party_name.trim().is_empty() {
        found.party_candidates = app.search_parties(actor, &form.party_name, CANDIDATES)?;
    }
    for (id, role) in form.named_parties() {
        match app.party(actor, id) {
            Ok(party) => found.named_parties.push((party, role)),
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    found.partners = directory::look_up(app, actor, &form.directory)?;
    Ok(found)
}

pub async fn new_form(
    State(state): State<AppState>,
    current: Current,
    RawQuery(query): RawQuery,
) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    actor.require(komek_domain::Capability::RegisterAppeals).map_err(WebError::from)?;
    let clock = blocking(move || app.office_clock(&actor)).await??;
    let mut form = IntakeForm::blank(clock);
    // The usual channel, unless the organisation retired it: then the first its list offers.
    let channels = current.tr(&state).options(lookups::CHANNEL, &[]);
    if !channels.contains(&form.channel) {
        form.channel = channels.into_iter().next().unwrap_or_default();
    }
    let query = FormData::parse(query.unwrap_or_default().as_bytes());
    if let Some(person) = query.text("person") {
        form.person = person;
    }
    // An on-site consultation, from a visit's page: it comes by the mobile group.
    if let Some(visit) = query.text("visit") {
        form.visit = visit;
        form.channel = "mobile-group".into();
        form.contact = "migrant".into();
    }
    render(&state, &current, form, FieldErrors::default(), false).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (record, clock) =
        blocking(move || -> Result<_, AppError> { Ok((app.appeal(&actor, AppealId(id))?, app.office_clock(&actor)?)) })
            .await??;
    if !record.notes_shown {
        return Err(WebError::NotFound);
    }
    let form = IntakeForm::from_appeal(&record.appeal, record.version, clock);
    render(&state, &current, form, FieldErrors::default(), false).await
}

/// The task the lead of a restricted person's case gets when a call is linked to that
/// person: the day and what the call was about, in the operator's language.
fn lead_notice(tr: Tr<'_>, appeal: &komek_domain::entities::Appeal, clock: FixedOffset) -> String {
    let day = crate::widgets::day(appeal.received_at.with_timezone(&clock).date_naive());
    let topics = appeal.topics.iter().map(|t| tr.lookup(lookups::TOPIC, t)).collect::<Vec<_>>().join(", ");
    format!("{} {day}: {topics}", tr.t("intake-restricted-lead-task"))
}

/// Handles every button of the form: look up, add a party, save.
pub async fn submit(State(state): State<AppState>, current: Current, data: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let mut form = IntakeForm::read(&data);
    if let Some(party) = data.text("add_party") {
        let role = if form.party_role.is_empty() { "employer".to_owned() } else { form.party_role.clone() };
        form.parties.push(format!("{party}:{role}"));
        form.party_name.clear();
        return Ok(render(&state, &current, form, FieldErrors::default(), false).await?.into_response());
    }
    match data.get("action") {
        "save" => {}
        // Only the directory was asked: the caller's look-up stays as it was.
        "directory" => return Ok(render(&state, &current, form, FieldErrors::default(), false).await?.into_response()),
        _ => return Ok(render(&state, &current, form, FieldErrors::default(), true).await?.into_response()),
    }
    let app = state.app.clone();
    let actor = current.actor.clone();
    let clock = {
        let (app, actor) = (app.clone(), actor.clone());
        blocking(move || app.office_clock(&actor)).await??
    };
    let mut intake = match form.to_intake(clock) {
        Ok(intake) => intake,
        Err(errors) => return Ok(render(&state, &current, form, errors, false).await?.into_response()),
    };
    intake.lead_notice = lead_notice(current.tr(&state), &intake.appeal, clock);
    // A new person who looks like someone known is saved only once the operator says so.
    if matches!(intake.person, IntakePerson::New { .. }) && !form.confirm_new {
        let (app, actor, probe) = (app.clone(), actor.clone(), form.probe());
        let (candidates, restricted) = blocking(move || {
            Ok::<_, AppError>((
                app.person_candidates(&actor, &probe, CANDIDATES)?,
                app.restricted_matches(&actor, &probe)?,
            ))
        })
        .await??;
        if candidates.iter().any(Candidate::looks_like_duplicate) || !restricted.is_empty() {
            let mut errors = FieldErrors::default();
            errors.add("person", "intake-possible-duplicate");
            return Ok(render(&state, &current, form, errors, true).await?.into_response());
        }
    }
    let version = form.version;
    let on_visit = intake.visit;
    let result = blocking(move || match version {
        None => app.register_intake(&actor, intake).map(|saved| saved.appeal_id),
        Some(version) => save_edit(&app, &actor, intake, version),
    })
    .await?;
    match result {
        // Consultations on a visit come one after another: back to the visit for the next.
        Ok(_) if on_visit.is_some() && version.is_none() => {
            let visit = on_visit.map(|v| v.to_string()).unwrap_or_default();
            Ok(Redirect::to(&format!("/monitoring/{visit}?consulted=1")).into_response())
        }
        Ok(id) => Ok(Redirect::to(&format!("/hotline/appeals/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(problems)) => {
            let mut errors = FieldErrors::default();
            errors.add_validation(&problems, &fields::APPEAL);
            Ok(render(&state, &current, form, errors, false).await?.into_response())
        }
        Err(AppError::NotFound) if form.chosen_person().is_some() => {
            let mut errors = FieldErrors::default();
            errors.add("person", "intake-person-gone");
            form.person = NEW_PERSON.into();
            Ok(render(&state, &current, form, errors, false).await?.into_response())
        }
        Err(AppError::Conflict) => {
            let mut errors = FieldErrors::default();
            errors.add("appeal_id", "form-changed-meanwhile");
            Ok(render(&state, &current, form, errors, false).await?.into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Saves an edited appeal; a new person typed into it is registered first.
fn save_edit(app: &App, actor: &Actor, intake: Intake, version: i64) -> Result<AppealId, AppError> {
    let Intake { mut appeal, person, new_parties, .. } = intake;
    appeal.person_id = match person {
        IntakePerson::None => None,
        IntakePerson::Known(id) => Some(id),
        IntakePerson::New { profile, identity } => Some(app.register_person(actor, None, profile, identity)?),
    };
    for (party, role) in new_parties {
        appeal.parties.push((app.register_party(actor, None, party)?, role));
    }
    let id = appeal.id;
    app.update_appeal(actor, appeal, version)?;
    Ok(id)
}

async fn render(
    state: &AppState,
    current: &Current,
    form: IntakeForm,
    errors: FieldErrors,
    find: bool,
) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (mut found, form) = blocking(move || lookups(&app, &actor, &form, find).map(|l| (l, form))).await??;
    found.duplicate_warning = errors.has("person");
    let tr = current.tr(state);
    let title = tr.t(if form.version.is_some() { "intake-edit-title" } else { "intake-title" });
    let content = page(tr, &current.session.csrf_token, &form, &errors, &found, &title);
    Ok(layout::page(tr, current, &title, "/hotline", content))
}

fn page(tr: Tr<'_>, csrf: &str, form: &IntakeForm, errors: &FieldErrors, found: &Lookups, title: &str) -> Markup {
    let action = match form.version {
        Some(_) => format!("/hotline/appeals/{}/edit", form.appeal_id),
        None => "/hotline/new".to_owned(),
    };
    html! {
        h1 { (title) }
        (errors.summary(tr))
        (errors.message(tr, "appeal_id"))
        script src=(LIVE_SEARCH_SCRIPT) defer {}
        form.intake method="post" action=(action) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="appeal_id" value=(form.appeal_id);
            @if !form.visit.is_empty() {
                input type="hidden" name="visit" value=(form.visit);
                p.hint { (tr.t("intake-on-visit")) " " a href={ "/monitoring/" (form.visit) } { (tr.t("intake-back-to-visit")) } }
                (errors.message(tr, "visit"))
            }
            @if let Some(version) = form.version { input type="hidden" name="version" value=(version); }
            (caller_section(tr, form, errors, found))
            (appeal_section(tr, form, errors))
            (parties_section(tr, form, errors, found))
            (directory::section(tr, &form.directory, found.partners.as_deref()))
            div.actions {
                button type="submit" name="action" value="save" accesskey="s" { (tr.t("intake-save")) }
                span.hint { (tr.t("intake-keys")) }
            }
        }
    }
}

fn caller_section(tr: Tr<'_>, form: &IntakeForm, errors: &FieldErrors, found: &Lookups) -> Markup {
    let select = |name: &str, list: LookupList, value: &str| lookup_select(tr, name, list, value, None, errors);
    html! {
        fieldset.caller #person aria-describedby=[errors.has("person").then_some("person-error")] {
            legend { (tr.t("intake-caller")) }
            p.hint { (tr.t("intake-caller-hint")) }
            div.row {
                div.field.wide {
                    label for="full_name" { (tr.t("intake-full-name")) }
                    input type="text" id="full_name" name="full_name" value=(form.full_name) autofocus
                        autocomplete="off" aria-invalid=[errors.has("full_name").then_some("true")];
                    (errors.message(tr, "full_name"))
                }
                (field(tr, "intake-phone", "phone", errors, html! {
                    input type="tel" id="phone" name="phone" value=(form.phone) autocomplete="off"
                        aria-invalid=[errors.has("phone").then_some("true")];
                }))
                (field(tr, "intake-document", "document", errors, text_input("document", &form.document, errors)))
                // The first button of the form: Enter in any field looks up, never saves.
                button.secondary type="submit" name="action" value="find" { (tr.t("intake-find")) }
            }
            (errors.message(tr, "person"))
            div #candidates aria-live="polite" { (candidates_block(tr, form, found)) }
            details open[form.new_person_typed() || errors.has("birth_year")] {
                summary { (tr.t("intake-more-about-caller")) }
                div.row {
                    (field(tr, "intake-birth-year", "birth_year", errors, html! {
                        input type="text" inputmode="numeric" id="birth_year" name="birth_year" value=(form.birth_year)
                            size="4" aria-invalid=[errors.has("birth_year").then_some("true")];
                    }))
                    (field(tr, "intake-sex", "sex", errors, select("sex", lookups::SEX, &form.sex)))
                    (field(tr, "intake-citizenship", "citizenship", errors, select("citizenship", lookups::CITIZENSHIP, &form.citizenship)))
                    (field(tr, "intake-home-region", "home_region", errors, text_input("home_region", &form.home_region, errors)))
                }
            }
        }
    }
}

/// The people the caller may be, to choose from; replaced in place by the page's script as
/// the operator types.
fn candidates_block(tr: Tr<'_>, form: &IntakeForm, found: &Lookups) -> Markup {
    html! {
        @if found.candidates.is_empty() && found.restricted.is_empty() && found.current_person.is_none() {
            input type="hidden" name="person" value=(NEW_PERSON);
            @if form.new_person_typed() { p.hint { (tr.t("intake-nobody-known")) } }
        } @else {
            ul.candidates role="list" {
                @if let Some(person) = &found.current_person {
                    li.candidate { label.check {
                        input type="radio" name="person" value=(person.id.to_string()) checked[form.person == person.id.to_string()];
                        " " strong { (person.identity.as_ref().map_or(String::new(), |i| i.full_name.clone())) }
                    } }
                }
                @for c in &found.candidates {
                    (candidate(tr, c, form, found.clock.unwrap_or(FixedOffset::east_opt(0).expect("UTC is an offset"))))
                }
                @for r in &found.restricted {
                    @let id = r.person_id.to_string();
                    li.candidate.restricted { label.check {
                        input type="radio" name="person" value=(id) checked[form.person == id];
                        " " strong { (tr.t("intake-restricted-person")) }
                        " " (tr.t_with("intake-restricted-lead", "lead", r.leads.join(", ")))
                    } }
                }
                li.candidate { label.check {
                    input type="radio" name="person" value=(NEW_PERSON) checked[form.person == NEW_PERSON];
                    " " (tr.t("intake-new-person"))
                } }
            }
            @if found.duplicate_warning {
                label.check.confirm {
                    input type="checkbox" name="confirm_new" value="1" checked[form.confirm_new];
                    " " (tr.t("intake-confirm-new"))
                }
            }
        }
    }
}

/// The candidates for what has been typed so far, as a fragment of the intake page: what
/// the page's script asks for while the operator types (the Find button does the same
/// without script).
pub async fn candidates(State(state): State<AppState>, current: Current, data: FormData) -> Result<Markup, WebError> {
    // A POST with the form's token: what the caller said never goes into a URL (and so into
    // no proxy's or browser's log).
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = IntakeForm::read(&data);
    let app = state.app.clone();
    let actor = current.actor.clone();
    actor.require(komek_domain::Capability::RegisterAppeals).map_err(WebError::from)?;
    let (found, form) = blocking(move || lookups(&app, &actor, &form, true).map(|l| (l, form))).await??;
    Ok(candidates_block(current.tr(&state), &form, &found))
}

fn candidate(tr: Tr<'_>, c: &Candidate, form: &IntakeForm, clock: FixedOffset) -> Markup {
    let id = c.person.id.to_string();
    let identity = c.person.identity.clone().unwrap_or_default();
    html! {
        li.candidate {
            label.check {
                input type="radio" name="person" value=(id) checked[form.person == id];
                " " strong { (identity.full_name) }
                @if let Some(year) = identity.birth_year.or(identity.birth_date.map(|d| chrono::Datelike::year(&d))) {
                    " · " (year)
                }
                @for phone in &identity.phones { " · " (phone) }
            }
            span.reasons {
                @for reason in &c.reasons { span.badge { (tr.t(&format!("match-{}", reason.code()))) } " " }
            }
            @if !c.last_appeals.is_empty() || !c.cases.is_empty() {
                p.hint {
                    @for a in &c.last_appeals {
                        (crate::widgets::day(a.received_at.with_timezone(&clock).date_naive())) ": "
                        (a.topics.iter().map(|t| tr.lookup(lookups::TOPIC, t)).collect::<Vec<_>>().join(", ")) "; "
                    }
                    @for case in &c.cases {
                        (tr.t_with("intake-case", "number", case.number.clone())) " (" (tr.lookup(lookups::CASE_STATUS, &case.status)) ") "
                    }
                }
            }
        }
    }
}

fn appeal_section(tr: Tr<'_>, form: &IntakeForm, errors: &FieldErrors) -> Markup {
    let select = |name: &str, list: LookupList, value: &str| lookup_select(tr, name, list, value, None, errors);
    let optional = |name: &str, list: LookupList, value: &str| {
        lookup_select(tr, name, list, value, Some("form-not-given"), errors)
    };
    html! {
        fieldset.appeal {
            legend { (tr.t("intake-appeal")) }
            div.row {
                (field(tr, "intake-received-at", "received_at", errors, html! {
                    input type="datetime-local" id="received_at" name="received_at" value=(form.received_at)
                        aria-invalid=[errors.has("received_at").then_some("true")];
                }))
                (field(tr, "intake-channel", "channel", errors, select("channel", lookups::CHANNEL, &form.channel)))
                (field(tr, "intake-contact", "contact", errors, select("contact", lookups::CONTACT, &form.contact)))
            }
            (lookup_checkboxes(tr, "intake-topics", "topic", lookups::TOPIC, &form.topics, errors))
            (lookup_checkboxes(tr, "intake-help", "help", lookups::HELP, &form.help, errors))
            div.row {
                (field(tr, "intake-occupation", "occupation", errors, optional("occupation", lookups::OCCUPATION, &form.occupation)))
                (field(tr, "intake-sector", "sector", errors, optional("sector", lookups::SECTOR, &form.sector)))
                (field(tr, "intake-work-region", "work_region", errors, optional("work_region", lookups::REGION, &form.work_region)))
                (field(tr, "intake-work-district", "work_district", errors, optional("work_district", lookups::DISTRICT, &form.work_district)))
            }
            div.row {
                (field(tr, "intake-wage", "wage", errors, html! {
                    input type="text" inputmode="decimal" id="wage" name="wage" value=(form.wage) size="10"
                        aria-invalid=[errors.has("wage").then_some("true")];
                }))
                (field(tr, "intake-currency", "currency", errors, html! {
                    select id="currency" name="currency" {
                        @for c in Currency::ALL { option value=(c.code()) selected[c.code() == form.currency] { (c.code()) } }
                    }
                }))
                (field(tr, "intake-reason", "migration_reason", errors, optional("migration_reason", lookups::MIGRATION_REASON, &form.migration_reason)))
            }
            (field(tr, "intake-notes", "notes", errors, html! {
                textarea id="notes" name="notes" rows="4" aria-invalid=[errors.has("notes").then_some("true")] { (form.notes) }
            }))
            div.row {
                (field(tr, "intake-follow-up", "follow_up_on", errors, html! {
                    input type="date" id="follow_up_on" name="follow_up_on" value=(form.follow_up_on)
                        aria-invalid=[errors.has("follow_up_on").then_some("true")];
                }))
                (field(tr, "intake-outcome", "outcome", errors, select("outcome", lookups::APPEAL_OUTCOME, &form.outcome)))
            }
        }
    }
}

fn parties_section(tr: Tr<'_>, form: &IntakeForm, errors: &FieldErrors, found: &Lookups) -> Markup {
    html! {
        fieldset.parties {
            legend { (tr.t("intake-parties")) }
            @if !found.named_parties.is_empty() {
                ul.named role="list" {
                    @for (party, role) in &found.named_parties {
                        li { label.check {
                            input type="checkbox" name="party" value={ (party.id) ":" (role) } checked;
                            " " strong { (party.identity.as_ref().map_or(String::new(), |i| i.name.clone())) }
                            " — " (tr.lookup(lookups::PARTY_ROLE, role))
                        } }
                    }
                }
            }
            div.row {
                (field(tr, "intake-party-name", "party_name", errors, text_input("party_name", &form.party_name, errors)))
                (field(tr, "intake-party-role", "party_role", errors, lookup_select(tr, "party_role", lookups::PARTY_ROLE, &form.party_role, None, errors)))
                (field(tr, "intake-party-kind", "party_kind", errors, lookup_select(tr, "party_kind", lookups::PARTY_KIND, &form.party_kind, None, errors)))
            }
            p.hint { (tr.t("intake-party-hint")) }
            @if !found.party_candidates.is_empty() {
                ul.candidates role="list" {
                    @for (party, _) in &found.party_candidates {
                        li.candidate {
                            button.secondary type="submit" name="add_party" value=(party.id.to_string()) { (tr.t("intake-add-party")) }
                            " " strong { (party.identity.as_ref().map_or(String::new(), |i| i.name.clone())) }
                            " · " (tr.lookup(lookups::PARTY_KIND, &party.kind))
                            @if let Some(d) = &party.district { " · " (tr.lookup(lookups::DISTRICT, d)) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> FixedOffset {
        FixedOffset::east_opt(5 * 3600).unwrap()
    }

    #[test]
    fn an_empty_form_names_every_field_to_fix_at_once() {
        let mut form = IntakeForm::blank(clock());
        form.received_at = "31.02.2026".into();
        form.wage = "-5000".into();
        form.follow_up_on = "2026-02-31".into();
        let errors = form.to_intake(clock()).unwrap_err();
        for field in ["received_at", "wage", "follow_up_on", "topic"] {
            assert!(errors.has(field), "{field}");
        }
    }

    #[test]
    fn a_filled_form_becomes_an_intake_with_a_new_person_and_party() {
        let mut form = IntakeForm::blank(clock());
        form.full_name = "Хусан Абдуллаев".into();
        form.phone = "90 123 45 67".into();
        form.topics = vec!["wages-unpaid".into()];
        form.wage = "18 000".into();
        form.party_name = "Фермер С.".into();
        let intake = form.to_intake(clock()).unwrap();
        assert!(matches!(intake.person, IntakePerson::New { .. }));
        assert_eq!(intake.appeal.wage, Some(Money::from_major(18_000, Currency::KZT)));
        assert_eq!(intake.new_parties.len(), 1);
    }

    #[test]
    fn nothing_typed_about_the_caller_is_an_anonymous_appeal() {
        let mut form = IntakeForm::blank(clock());
        form.topics = vec!["registration".into()];
        assert!(matches!(form.to_intake(clock()).unwrap().person, IntakePerson::None));
    }
}
