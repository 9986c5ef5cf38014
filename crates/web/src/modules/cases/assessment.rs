//! Recording an assessment: one person of the case, one indicator catalogue, every
//! indicator answered yes / no / unknown with how it is known. Saving shows the case page,
//! where the ILO rule's result is explained.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_domain::casework::{Assessment, IndicatorAnswer};
use komek_domain::indicators::{self, Answer, Source};
use komek_domain::{AssessmentId, CaseId, PersonId};
use maud::{Markup, html};

use super::page::PageData;
use crate::errors::WebError;
use crate::forms::required_day;
use crate::forms::{FieldErrors, FormData};
use crate::layout;
use crate::session::Current;
use crate::widgets::field;
use crate::{AppState, blocking, fields};

/// The catalogue a new assessment uses unless another is chosen: forced labour of adults.
const DEFAULT_CATALOGUE: &str = "ilo-2012-forced-labour";

async fn load(state: &AppState, current: &Current, id: CaseId) -> Result<PageData, WebError> {
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let data = blocking(move || super::page::load(&app, &actor, id, None)).await??;
    if !data.file.may.change {
        return Err(WebError::NotFound);
    }
    Ok(data)
}

pub async fn form(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let query = FormData::parse(raw.unwrap_or_default().as_bytes());
    let data = load(&state, &current, CaseId(id)).await?;
    Ok(page(&state, &current, &data, &query, &FieldErrors::default()))
}

pub async fn save(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let data_loaded = load(&state, &current, CaseId(id)).await?;
    let mut errors = FieldErrors::default();
    let catalogue = indicators::catalogue(data.get("catalogue")).ok_or(WebError::BadRequest)?;
    let person = data.get("person").parse().map(PersonId).unwrap_or_else(|_| {
        errors.add("person", "form-required");
        PersonId::new()
    });
    let assessed_on = required_day(&mut errors, "assessed_on", data.get("assessed_on"));
    let mut answers = Vec::new();
    for indicator in catalogue.indicators {
        let answer = Answer::parse(data.get(&format!("a_{}", indicator.code))).unwrap_or_default();
        let source = Source::parse(data.get(&format!("s_{}", indicator.code)));
        if answer != Answer::Unknown && source.is_none() {
            errors.add(&format!("s_{}", indicator.code), "assessment-source-needed");
        }
        if answer != Answer::Unknown {
            answers.push(IndicatorAnswer {
                indicator: indicator.code.to_owned(),
                answer,
                source,
                noted_on: Some(assessed_on),
            });
        }
    }
    let assessment = Assessment {
        id: AssessmentId::new(),
        case_id: CaseId(id),
        person_id: person,
        catalogue: catalogue.id.to_owned(),
        edition: catalogue.edition.to_owned(),
        assessed_on,
        assessor_id: None,
        minor: data.has("minor"),
        answers,
    };
    let result = super::save_unless_refused(&state, &current, &errors, move |app, actor| {
        app.add_assessment(actor, assessment).map(|_| ())
    })
    .await?;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?done=assessed#identification")).into_response()),
        Err(AppError::Invalid(problems)) => {
            errors.add_validation(&problems, &fields::ASSESSMENT);
            let body = page(&state, &current, &data_loaded, &data, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The form; `typed` refills it (and chooses the catalogue and person from the query string
/// when the form is first opened).
fn page(state: &AppState, current: &Current, loaded: &PageData, typed: &FormData, errors: &FieldErrors) -> Markup {
    let tr = current.tr(state);
    let c = &loaded.file.case;
    let today = loaded.today;
    let catalogue = indicators::catalogue(typed.get("catalogue"))
        .or_else(|| indicators::catalogue(DEFAULT_CATALOGUE))
        .unwrap_or(indicators::CATALOGUES[0]);
    let title = tr.t_with("assessment-title", "number", c.number.clone());
    let assessed_on = if typed.has("assessed_on") { typed.get("assessed_on").to_owned() } else { today.to_string() };
    let content = html! {
        h1 { (title) }
        p { a href={ "/cases/" (c.id) } { (tr.t("case-back")) } }
        // Another catalogue: the same page, asked again (works without script).
        form.filters method="get" action={ "/cases/" (c.id) "/assessments/new" } {
            label { (tr.t("assessment-catalogue")) " "
                select name="catalogue" {
                    @for option in indicators::CATALOGUES {
                        option value=(option.id) selected[option.id == catalogue.id] { (tr.t(&option.label_id())) }
                    }
                }
            }
            button.secondary type="submit" { (tr.t("assessment-switch")) }
        }
        (errors.summary(tr))
        form.assessment method="post" action={ "/cases/" (c.id) "/assessments/new" } {
            input type="hidden" name="csrf" value=(current.session.csrf_token);
            input type="hidden" name="catalogue" value=(catalogue.id);
            (field(tr, "hotline-col-person", "person", errors, html! {
                select #person name="person" {
                    @for (n, person) in c.persons.iter().enumerate() {
                        option value=(person.to_string()) selected[typed.get("person") == person.to_string() || (n == 0 && !typed.has("person"))] {
                            (loaded.person_names.get(person).cloned().unwrap_or_else(|| tr.t_with("assessment-person-n", "n", n as i64 + 1)))
                        }
                    }
                }
            }))
            (field(tr, "assessment-day", "assessed_on", errors, html! {
                input type="date" #assessed_on name="assessed_on" value=(assessed_on);
            }))
            label.check { input type="checkbox" name="minor" value="1" checked[typed.has("minor")]; " " (tr.t("assessment-minor")) }
            @if !catalogue.verified() { p.meta { (tr.t("indicator-unverified")) } }
            @for group in catalogue.groups {
                fieldset.group {
                    legend { (tr.t(&group.label_id())) }
                    @for indicator in group.indicators() {
                        @let answer_name = format!("a_{}", indicator.code);
                        @let source_name = format!("s_{}", indicator.code);
                        @let answer = typed.get(&answer_name);
                        div.indicator {
                            span.label #{ "l_" (indicator.code) } { (tr.t(&indicator.label_id()))
                                @if let Some(strength) = indicator.strength { " " small { "(" (tr.t(&strength.label_id())) ")" } } }
                            span.answers role="radiogroup" aria-labelledby={ "l_" (indicator.code) } {
                                @for a in Answer::ALL {
                                    label.check {
                                        input type="radio" name=(answer_name) value=(a.code())
                                            checked[answer == a.code() || (answer.is_empty() && a == Answer::Unknown)];
                                        " " (tr.t(&a.label_id()))
                                    }
                                }
                            }
                            select name=(source_name) aria-label=(tr.t("assessment-source"))
                                aria-invalid=[errors.has(&source_name).then_some("true")] {
                                option value="" { (tr.t("assessment-source")) }
                                @for s in Source::ALL {
                                    option value=(s.code()) selected[typed.get(&source_name) == s.code()] { (tr.t(&s.label_id())) }
                                }
                            }
                            (errors.message(tr, &source_name))
                        }
                    }
                }
            }
            button type="submit" accesskey="s" { (tr.t("assessment-save")) }
        }
    };
    layout::page(tr, current, &title, "/cases", content)
}
