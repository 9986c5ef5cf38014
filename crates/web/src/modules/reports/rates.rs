//! The dated exchange-rate table: how many tenge a unit of each currency was worth from a day
//! on. Reports convert wages and show dollars with the rate in force on their first day
//! (2008: 150 tenge per dollar). Those who read reports see the table; administrators add,
//! change and remove rates, each change audited by the service.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::AppError;
use komek_domain::reports::ExchangeRate;
use komek_domain::{Capability, Currency};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, field, text_input};
use crate::{AppState, blocking};

/// Tenge per unit as typed: digits, spaces between thousands, and at most two decimals after
/// a point or a comma ("150", "150.5", "1 500,25"). Anything else, or nothing, is refused
/// rather than guessed: "150.005" is a mistake, not 150,005 tenge.
fn parse_rate(text: &str) -> Option<i64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect();
    let (whole, frac) = match cleaned.find([',', '.']) {
        Some(at) => (&cleaned[..at], &cleaned[at + 1..]),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 12 {
        return None;
    }
    let cents: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    let minor = whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)?;
    (minor > 0).then_some(minor)
}

/// A rate as the form shows it again: "150.00".
fn rate_text(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// The currencies a rate may be set for: all but the tenge itself.
fn currencies() -> impl Iterator<Item = Currency> {
    Currency::ALL.into_iter().filter(|c| *c != Currency::KZT)
}

fn may_read(current: &Current) -> bool {
    current.actor.can(Capability::ViewReports) || current.actor.can(Capability::ManageSettings)
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    if !may_read(&current) {
        return Err(WebError::Forbidden);
    }
    let query = FormData::parse(raw.unwrap_or_default().as_bytes());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let rates = blocking(move || app.exchange_rates(&actor)).await??;
    Ok(render(&state, &current, &rates, &query, &FieldErrors::default(), query.get("done")))
}

pub async fn save(State(state): State<AppState>, current: Current, form: FormData) -> Result<Response, WebError> {
    current.check_csrf(&state, form.get("csrf")).await?;
    if !current.actor.can(Capability::ManageSettings) {
        return Err(WebError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let currency = Currency::parse(form.get("currency")).filter(|c| *c != Currency::KZT);
    let valid_from = komek_domain::rules::parse_day(form.get("valid_from").trim());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    if form.has("remove") {
        let (Some(currency), Some(valid_from)) = (currency, valid_from) else {
            return Err(WebError::BadRequest);
        };
        blocking(move || app.remove_exchange_rate(&actor, currency, valid_from)).await??;
        return Ok(Redirect::to("/reports/rates?done=removed").into_response());
    }
    if currency.is_none() {
        errors.add("currency", "report-rates-error-currency");
    }
    if form.get("valid_from").trim().is_empty() {
        errors.add("valid_from", "form-required");
    } else if valid_from.is_none() {
        errors.add("valid_from", "report-error-date");
    }
    let minor = parse_rate(form.get("rate"));
    if minor.is_none() {
        errors.add("rate", "report-rates-error-rate");
    }
    let result = match (currency, valid_from, minor) {
        (Some(currency), Some(valid_from), Some(tenge_per_unit_minor)) => {
            let rate = ExchangeRate { currency, valid_from, tenge_per_unit_minor };
            blocking(move || app.set_exchange_rate(&actor, rate)).await?
        }
        _ => Err(AppError::Invalid(Vec::new())),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/reports/rates?done=saved").into_response()),
        Err(AppError::Invalid(problems)) => {
            for problem in &problems {
                let message = match problem.field() {
                    "currency" => "report-rates-error-currency",
                    "rate" => "report-rates-error-rate",
                    "valid_from" => "report-error-date",
                    _ => "form-invalid",
                };
                errors.add(problem.field(), message);
            }
            let (app, actor) = (state.app.clone(), current.actor.clone());
            let rates = blocking(move || app.exchange_rates(&actor)).await??;
            let page = render(&state, &current, &rates, &form, &errors, "");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The table and, for administrators, the form; `typed` refills the form (a refused form, or
/// a link that asks for one currency and day).
fn render(
    state: &AppState,
    current: &Current,
    rates: &[ExchangeRate],
    typed: &FormData,
    errors: &FieldErrors,
    done: &str,
) -> Markup {
    let tr = current.tr(state);
    let title = tr.t("report-rates-title");
    let editable = current.actor.can(Capability::ManageSettings);
    let mut rates = rates.to_vec();
    rates.sort_by_key(|r| (Currency::ALL.iter().position(|c| *c == r.currency), std::cmp::Reverse(r.valid_from)));
    let content = html! {
        h1 { (title) }
        p { (tr.t("report-rates-intro")) }
        @match done {
            "saved" => p.notice role="status" { (tr.t("report-rates-saved")) },
            "removed" => p.notice role="status" { (tr.t("report-rates-removed")) },
            _ => {},
        }
        @if rates.is_empty() {
            p.hint { (tr.t("report-rates-none")) }
        } @else {
            div.wide { table.report.rates {
                thead { tr {
                    th scope="col" { (tr.t("report-rates-currency")) }
                    th scope="col" { (tr.t("report-rates-valid-from")) }
                    th.num scope="col" { (tr.t("report-rates-rate")) }
                    @if editable { th scope="col" { span.visually-hidden { (tr.t("report-rates-actions")) } } }
                } }
                tbody {
                    @for rate in &rates { (rate_row(tr, current, rate, editable)) }
                }
            } }
        }
        @if editable {
            (rate_form(tr, current, typed, errors))
        } @else {
            p.hint { (tr.t("report-rates-readonly")) }
        }
        p { a href="/reports" { (tr.t("report-rates-back")) } }
    };
    layout::page(tr, current, &title, "/reports", content)
}

fn rate_row(tr: Tr<'_>, current: &Current, rate: &ExchangeRate, editable: bool) -> Markup {
    let change = format!(
        "/reports/rates?currency={}&valid_from={}&rate={}#rate-form",
        rate.currency.code(),
        rate.valid_from,
        rate_text(rate.tenge_per_unit_minor)
    );
    html! {
        tr {
            th scope="row" { (rate.currency.code()) " (" (rate.currency.symbol()) ")" }
            td { (day(rate.valid_from)) }
            td.num { (rate.tenge_per_unit().to_string()) }
            @if editable {
                td.row-actions {
                    a href=(change) { (tr.t("report-rates-change")) }
                    form.row-action method="post" action="/reports/rates" {
                        input type="hidden" name="csrf" value=(current.session.csrf_token);
                        input type="hidden" name="currency" value=(rate.currency.code());
                        input type="hidden" name="valid_from" value=(rate.valid_from.to_string());
                        button.secondary type="submit" name="remove" value="1" { (tr.t("report-rates-remove")) }
                    }
                }
            }
        }
    }
}

fn rate_form(tr: Tr<'_>, current: &Current, typed: &FormData, errors: &FieldErrors) -> Markup {
    let currency = typed.get("currency");
    let currency = if currency.is_empty() { Currency::USD.code() } else { currency };
    let invalid = |name: &str| errors.has(name).then_some("true");
    let described = |name: &str| errors.has(name).then(|| format!("{name}-error"));
    html! {
        section #rate-form {
            h2 { (tr.t("report-rates-add")) }
            form method="post" action="/reports/rates" {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                (errors.summary(tr))
                (field(tr, "report-rates-currency", "currency", errors, html! {
                    select #currency name="currency" aria-invalid=[invalid("currency")] aria-describedby=[described("currency")] {
                        @for c in currencies() {
                            option value=(c.code()) selected[c.code().eq_ignore_ascii_case(currency)] { (c.code()) " (" (c.symbol()) ")" }
                        }
                    }
                }))
                (field(tr, "report-rates-valid-from", "valid_from", errors, html! {
                    input type="date" #valid_from name="valid_from" value=(typed.get("valid_from"))
                        aria-invalid=[invalid("valid_from")] aria-describedby=[described("valid_from")];
                }))
                (field(tr, "report-rates-rate", "rate", errors, text_input("rate", typed.get("rate"), errors)))
                p.hint { (tr.t("report-rates-hint")) }
                button type="submit" { (tr.t("form-save")) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_is_read_with_at_most_two_decimals_and_above_nothing() {
        assert_eq!(parse_rate("150"), Some(15_000));
        assert_eq!(parse_rate(" 150.5 "), Some(15_050));
        assert_eq!(parse_rate("150,05"), Some(15_005));
        assert_eq!(parse_rate("1 500,25"), Some(150_025));
        assert_eq!(parse_rate("150.005"), None, "not 150,005 tenge");
        assert_eq!(parse_rate("1.500.25"), None);
        assert_eq!(parse_rate("0"), None);
        assert_eq!(parse_rate("-150"), None);
        assert_eq!(parse_rate(""), None);
        assert_eq!(parse_rate("abc"), None);
        assert_eq!(rate_text(15_000), "150.00");
        assert_eq!(rate_text(15_005), "150.05");
    }
}
