//! A person's page (identity within reach, every appeal, the cases one may know of), its
//! edit form, and merging a duplicate into it.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::persons::{Candidate, PersonFile};
use komek_app::{Actor, App, AppError};
use komek_domain::PersonId;
use komek_domain::entities::{PersonIdentity, PersonProfile};
use komek_domain::lookups;
use komek_domain::matching::PersonProbe;
use maud::{Markup, html};

use super::break_glass;
use super::hotline::register::appeal_table;
use crate::directory::directory;
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, field, lookup_select, text_input};
use crate::{AppState, blocking, fields};

/// Possible duplicates listed on a person's page.
const DUPLICATES: usize = 5;

/// A person's consents and referrals, with the partners' names, for those who refer people.
pub struct Sharing {
    consents: Vec<komek_domain::referrals::Consent>,
    scans: Vec<komek_app::referrals::ConsentScan>,
    referrals: Vec<komek_domain::referrals::Referral>,
    partners: std::collections::HashMap<komek_domain::PartnerId, String>,
    today: chrono::NaiveDate,
}

fn sharing(app: &App, actor: &Actor, file: &PersonFile) -> Result<Option<Sharing>, AppError> {
    if file.broken_glass || !komek_app::policy::referrals::may_refer(actor) {
        return Ok(None);
    }
    let id = file.person.id;
    Ok(Some(Sharing {
        consents: app.consents(actor, id)?,
        scans: app.consent_scans(actor, id)?,
        referrals: app.referrals(actor, komek_app::referrals::ReferralsOf::Person(id))?,
        partners: app.partner_names(actor)?,
        today: app.today(actor)?,
    }))
}

/// Everything the page shows, read in one blocking call.
fn load(app: &App, actor: &Actor, id: PersonId) -> Result<(PersonFile, Vec<Candidate>, Option<Sharing>), AppError> {
    let file = app.person_file(actor, id)?;
    let duplicates = match (&file.person.identity, file.may.merge) {
        (Some(identity), true) => {
            let probe = PersonProbe {
                name: identity.full_name.clone(),
                phone: identity.phones.first().cloned().unwrap_or_default(),
                document: identity.documents.first().cloned().unwrap_or_default(),
                birth_year: identity.birth_year,
            };
            app.person_candidates(actor, &probe, DUPLICATES + 1)?
                .into_iter()
                .filter(|c| c.person.id != id && c.looks_like_duplicate())
                .collect()
        }
        _ => Vec::new(),
    };
    let sharing = sharing(app, actor, &file)?;
    Ok((file, duplicates, sharing))
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
        Ok((load(&app, &actor, PersonId(id))?, directory(&app, &actor)?, app.office_clock(&actor)?))
    })
    .await?;
    break_glass::answer(&state, &current, loaded, &format!("/persons/{id}/break-glass"), None, |loaded| {
        let ((file, duplicates, sharing), names, clock) = loaded;
        let shown = Shown { file: &file, duplicates: &duplicates, sharing: sharing.as_ref(), names: &names, clock };
        page(&state, &current, &shown, notice.as_deref())
    })
}

/// Opens a person outside one's reach with a written reason.
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
        Ok((
            app.break_glass_person(&actor, PersonId(id), &reason)?,
            directory(&app, &actor)?,
            app.office_clock(&actor)?,
        ))
    })
    .await?;
    let action = format!("/persons/{id}/break-glass");
    break_glass::answer(&state, &current, opened, &action, Some(data.get("reason")), |(file, names, clock)| {
        let shown = Shown { file: &file, duplicates: &[], sharing: None, names: &names, clock };
        page(&state, &current, &shown, None)
    })
}

/// What the person's page shows.
struct Shown<'a> {
    file: &'a PersonFile,
    duplicates: &'a [Candidate],
    sharing: Option<&'a Sharing>,
    names: &'a crate::directory::Directory,
    clock: chrono::FixedOffset,
}

fn page(state: &AppState, current: &Current, shown: &Shown<'_>, notice: Option<&str>) -> Markup {
    let Shown { file, duplicates, sharing, names, clock } = *shown;
    let tr = current.tr(state);
    let person = &file.person;
    let title = match &person.identity {
        Some(identity) if !identity.full_name.is_empty() => identity.full_name.clone(),
        Some(_) => tr.t("person-anonymous"),
        None => tr.t("record-restricted"),
    };
    let csrf = &current.session.csrf_token;
    let content = html! {
        @if file.broken_glass { p.notice.broken-glass role="status" { (tr.t("break-glass-opened")) } }
        @match notice {
            Some("saved") => p.notice role="status" { (tr.t("person-saved")) },
            Some("merged") => p.notice role="status" { (tr.t("person-merged")) },
            Some("case-opened") => p.notice role="status" { (tr.t("person-case-opened")) },
            Some("consent") => p.notice role="status" { (tr.t("consent-saved")) },
            Some("consent-withdrawn") => p.notice role="status" { (tr.t("consent-withdrawn")) },
            Some("consent-scan") => p.notice role="status" { (tr.t("consent-scan-saved")) },
            Some("consent-not-withdrawn") => p.notice.warning role="alert" { (tr.t("consent-not-withdrawn")) },
            _ => {},
        }
        h1 { (title) }
        dl.record {
            @if let Some(identity) = &person.identity {
                dt { (tr.t("person-other-spellings")) } dd { (identity.other_spellings.join(", ")) }
                dt { (tr.t("intake-birth-year")) } dd {
                    (identity.birth_date.map(day).or(identity.birth_year.map(|y| y.to_string())).unwrap_or_default())
                }
                dt { (tr.t("intake-phone")) } dd { (identity.phones.join(", ")) }
                dt { (tr.t("intake-document")) } dd { (identity.documents.join(", ")) }
                dt { (tr.t("person-address")) } dd { (identity.address) }
                dt { (tr.t("intake-notes")) } dd.notes { (identity.notes) }
            }
            dt { (tr.t("intake-sex")) } dd { (tr.lookup(lookups::SEX, &person.profile.sex)) }
            dt { (tr.t("intake-citizenship")) } dd { (tr.lookup(lookups::CITIZENSHIP, &person.profile.citizenship)) }
            @if !person.profile.other_citizenships.is_empty() {
                dt { (tr.t("intake-other-citizenships")) } dd #other-citizenships {
                    (person.profile.other_citizenships.iter().map(|c| tr.lookup(lookups::CITIZENSHIP, c)).collect::<Vec<_>>().join(", "))
                }
            }
            dt { (tr.t("person-age-band")) } dd { (age_band_label(tr, &person.profile.age_band)) }
            dt { (tr.t("intake-home-region")) } dd { (person.profile.home_region) }
        }
        @if file.may.change || file.may.new_appeal {
            p.actions {
                @if file.may.change { a.button href={ "/persons/" (person.id) "/edit" } { (tr.t("person-edit")) } " " }
                @if file.may.new_appeal { a.button href={ "/hotline/new?person=" (person.id) } { (tr.t("appeal-another-for-person")) } }
            }
        }
        h2 { (tr.t("person-appeals")) }
        (appeal_table(tr, &file.appeals, names, clock))
        h2 { (tr.t("person-cases")) }
        @if file.cases.is_empty() { p { (tr.t("person-no-cases")) } }
        ul {
            @for case in &file.cases {
                li { (case.number) " · " (tr.lookup(lookups::CASE_KIND, &case.kind)) " · " (tr.lookup(lookups::CASE_STATUS, &case.status)) }
            }
        }
        @if let Some(sharing) = sharing {
            (super::referrals::consents::section(tr, current, person.id, &sharing.consents, &sharing.scans, &sharing.partners, sharing.today))
            section #referrals {
                h2 { (tr.t("person-referrals")) }
                @if sharing.referrals.is_empty() { p { (tr.t("person-no-referrals")) } } @else {
                    @let names = std::collections::HashMap::from([(person.id, title.clone())]);
                    (super::referrals::table(tr, &sharing.referrals, &names, &sharing.partners, sharing.today))
                }
                p.actions {
                    a.button href={ "/referrals/new?person=" (person.id) } { (tr.t("referral-new")) } " "
                    a.button.secondary href={ "/referrals/incoming?person=" (person.id) } { (tr.t("incoming-link")) }
                }
            }
        }
        @if !duplicates.is_empty() {
            section.duplicates {
                h2 { (tr.t("person-duplicates")) }
                p.hint { (tr.t("person-duplicates-hint")) }
                @for c in duplicates {
                    (merge_form(tr, csrf, file, c))
                }
            }
        }
    };
    layout::page(tr, current, &title, "/hotline", content)
}

fn merge_form(tr: Tr<'_>, csrf: &str, file: &PersonFile, c: &Candidate) -> Markup {
    let identity = c.person.identity.clone().unwrap_or_default();
    html! {
        form.duplicate method="post" action={ "/persons/" (file.person.id) "/merge" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="version" value=(file.version);
            input type="hidden" name="duplicate" value=(c.person.id.to_string());
            p {
                a href={ "/persons/" (c.person.id) } { strong { (identity.full_name) } }
                @for phone in &identity.phones { " · " (phone) }
                " — " @for r in &c.reasons { span.badge { (tr.t(&format!("match-{}", r.code()))) } " " }
            }
            label.check {
                input type="checkbox" name="confirm" value="1" required;
                " " (tr.t("person-merge-confirm"))
            }
            button.secondary type="submit" { (tr.t("person-merge")) }
        }
    }
}

pub async fn merge(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let duplicate = data.get("duplicate").parse().map(PersonId).map_err(|_| WebError::BadRequest)?;
    let version = data.get("version").parse().map_err(|_| WebError::BadRequest)?;
    if !data.has("confirm") {
        return Err(WebError::BadRequest);
    }
    let app = state.app.clone();
    let actor = current.actor.clone();
    match blocking(move || app.merge_persons(&actor, PersonId(id), version, duplicate)).await? {
        Ok(()) => Ok(Redirect::to(&format!("/persons/{id}?done=merged")).into_response()),
        Err(AppError::Conflict) => Err(WebError::StaleForm),
        Err(e) => Err(e.into()),
    }
}

/// The person edit form's values as typed.
#[derive(Default)]
struct PersonForm {
    version: String,
    full_name: String,
    passport_name: String,
    other_spellings: String,
    birth_date: String,
    birth_year: String,
    phones: String,
    documents: String,
    address: String,
    notes: String,
    sex: String,
    citizenship: String,
    other_citizenships: Vec<String>,
    home_region: String,
}

/// Lists are edited one item per line.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

impl PersonForm {
    fn from_file(file: &PersonFile) -> Self {
        let identity = file.person.identity.clone().unwrap_or_default();
        let profile = &file.person.profile;
        Self {
            version: file.version.to_string(),
            full_name: identity.full_name,
            passport_name: identity.passport_name,
            other_spellings: identity.other_spellings.join("\n"),
            birth_date: identity.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            birth_year: identity.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            phones: identity.phones.join("\n"),
            documents: identity.documents.join("\n"),
            address: identity.address,
            notes: identity.notes,
            sex: profile.sex.clone(),
            citizenship: profile.citizenship.clone(),
            other_citizenships: profile.other_citizenships.clone(),
            home_region: profile.home_region.clone(),
        }
    }

    fn read(data: &FormData) -> Self {
        let text = |name: &str| data.get(name).to_owned();
        Self {
            version: text("version"),
            full_name: text("full_name"),
            passport_name: text("passport_name"),
            other_spellings: text("other_spellings"),
            birth_date: text("birth_date"),
            birth_year: text("birth_year"),
            phones: text("phones"),
            documents: text("documents"),
            address: text("address"),
            notes: text("notes"),
            sex: text("sex"),
            citizenship: text("citizenship"),
            other_citizenships: data.all("other_citizenships"),
            home_region: text("home_region"),
        }
    }

    fn parse(&self, errors: &mut FieldErrors) -> (PersonProfile, PersonIdentity) {
        let birth_date = (!self.birth_date.trim().is_empty())
            .then(|| komek_domain::rules::parse_day(self.birth_date.trim()))
            .and_then(|d| {
                if d.is_none() {
                    errors.add("birth_date", "form-invalid-date");
                }
                d
            });
        let birth_year =
            (!self.birth_year.trim().is_empty()).then(|| self.birth_year.trim().parse::<i32>().ok()).and_then(|y| {
                if y.is_none() {
                    errors.add("birth_year", "form-invalid-year");
                }
                y
            });
        let profile = PersonProfile {
            sex: self.sex.clone(),
            citizenship: self.citizenship.clone(),
            other_citizenships: self.other_citizenships.clone(),
            home_region: self.home_region.trim().to_owned(),
            ..Default::default()
        };
        let identity = PersonIdentity {
            full_name: self.full_name.trim().to_owned(),
            passport_name: self.passport_name.trim().to_owned(),
            other_spellings: lines(&self.other_spellings),
            birth_date,
            birth_year: birth_year.or(birth_date.map(|d| chrono::Datelike::year(&d))),
            phones: lines(&self.phones),
            documents: lines(&self.documents),
            address: self.address.trim().to_owned(),
            notes: self.notes.clone(),
        };
        (profile, identity)
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let file = blocking(move || app.person_file(&actor, PersonId(id))).await??;
    if file.person.identity.is_none() {
        return Err(WebError::NotFound);
    }
    Ok(edit_page(&state, &current, id, &PersonForm::from_file(&file), &FieldErrors::default()))
}

pub async fn save(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let form = PersonForm::read(&data);
    let mut errors = FieldErrors::default();
    let (mut profile, identity) = form.parse(&mut errors);
    let Ok(version) = form.version.parse::<i64>() else { return Err(WebError::BadRequest) };
    if !errors.is_empty() {
        return Ok(edit_page(&state, &current, id, &form, &errors).into_response());
    }
    let app = state.app.clone();
    let actor = current.actor.clone();
    let result = blocking(move || {
        // The parts of the profile this form does not edit stay as they were.
        let current = app.person(&actor, PersonId(id))?;
        profile.age_band = match identity.birth_year {
            Some(year) => komek_domain::age_band_at(year, current.created_at.date_naive()).to_owned(),
            None => current.profile.age_band.clone(),
        };
        profile.languages = current.profile.languages;
        profile.vulnerabilities = current.profile.vulnerabilities;
        app.update_person(&actor, PersonId(id), version, profile, identity)
    })
    .await?;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/persons/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::PERSON);
            Ok(edit_page(&state, &current, id, &form, &errors).into_response())
        }
        Err(AppError::Conflict) => {
            errors.add("version", "form-changed-meanwhile");
            Ok(edit_page(&state, &current, id, &form, &errors).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn edit_page(state: &AppState, current: &Current, id: uuid::Uuid, form: &PersonForm, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("person-edit");
    let area = |name: &str, value: &str| crate::widgets::text_area(name, value, errors);
    let content = html! {
        h1 { (title) }
        (errors.summary(tr))
        (errors.message(tr, "version"))
        form method="post" action={ "/persons/" (id) "/edit" } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="version" value=(form.version);
            (field(tr, "intake-full-name", "full_name", errors, text_input("full_name", &form.full_name, errors)))
            (field(tr, "person-passport-name", "passport_name", errors, text_input("passport_name", &form.passport_name, errors)))
            (field(tr, "person-other-spellings", "other_spellings", errors, area("other_spellings", &form.other_spellings)))
            (field(tr, "person-birth-date", "birth_date", errors, html! {
                input type="date" id="birth_date" name="birth_date" value=(form.birth_date);
            }))
            (field(tr, "intake-birth-year", "birth_year", errors, text_input("birth_year", &form.birth_year, errors)))
            (field(tr, "person-phones", "phones", errors, area("phones", &form.phones)))
            (field(tr, "person-documents", "documents", errors, area("documents", &form.documents)))
            (field(tr, "person-address", "address", errors, text_input("address", &form.address, errors)))
            (field(tr, "intake-sex", "sex", errors, lookup_select(tr, "sex", lookups::SEX, &form.sex, None, errors)))
            (field(tr, "intake-citizenship", "citizenship", errors, lookup_select(tr, "citizenship", lookups::CITIZENSHIP, &form.citizenship, None, errors)))
            fieldset.checks #other_citizenships aria-describedby=[errors.has("other_citizenships").then_some("other_citizenships-error")] {
                legend { (tr.t("intake-other-citizenships")) }
                @for code in lookups::CITIZENSHIP.codes.iter().filter(|c| !lookups::NOT_A_COUNTRY.contains(c)) {
                    label.check {
                        input type="checkbox" name="other_citizenships" value=(code) checked[form.other_citizenships.iter().any(|c| c == code)];
                        " " (tr.lookup(lookups::CITIZENSHIP, code))
                    }
                }
                (errors.message(tr, "other_citizenships"))
            }
            (field(tr, "intake-home-region", "home_region", errors, text_input("home_region", &form.home_region, errors)))
            (field(tr, "intake-notes", "notes", errors, area("notes", &form.notes)))
            button type="submit" accesskey="s" { (tr.t("form-save")) }
        }
    };
    layout::page(tr, current, &title, "/hotline", content)
}

/// The label of an age band; a value stored before age bands were codes shows as it was.
fn age_band_label(tr: Tr<'_>, band: &str) -> String {
    if lookups::AGE_BAND.contains(band) { tr.lookup(lookups::AGE_BAND, band) } else { band.to_owned() }
}
