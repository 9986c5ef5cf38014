//! The public release page: the same period form as the report, a threshold, and what of the
//! report may be published — every table as it will be in the open-data package, hidden
//! figures marked — with the package to download (a ZIP of CSV tables and a README).
//!
//! For those who read reports (managers, analysts, administrators); what is hidden is decided
//! by `komek_domain::public_release` and, against the releases already made, by
//! `komek_domain::release_ledger`; the package laid out by `komek_app::open_data`. Looking at a
//! release records nothing; downloading its package records it in the ledger, which the page
//! lists. A release refused by the ledger says why beside the form, with the form as typed.

use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use komek_app::AppError;
use komek_app::open_data;
use komek_app::public_releases::{Ledger, Mode, PrivacyBudget, Refusal};
use komek_app::reports::ReportQuery;
use komek_domain::entities::Office;
use komek_domain::private_release::{
    DEFAULT_EPSILON_MILLI, MAX_EPSILON_MILLI, MIN_EPSILON_MILLI, epsilon_text, is_template, parse_epsilon,
};
use komek_domain::public_release::{
    DEFAULT_THRESHOLD, Figure, MAX_THRESHOLD, MIN_THRESHOLD, Release, ReleaseTable, RowLabel, SUPPRESSED_MARK,
};
use komek_domain::reports::Label;
use maud::{Markup, html};

use super::format::{count, t_args};
use super::page::{
    Asked, PeriodForm, asked, make_file, office_name, period_form, period_label, query_without, row_label, rows_header,
    service_message, table_title,
};
use crate::errors::WebError;
use crate::forms::FieldErrors;
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::{AppState, blocking};

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let Asked { raw, fields, mut form, mut errors, period, office, offices, today } =
        asked(&state, &current, raw).await?;
    let download = fields.has("download");
    let threshold_typed =
        if fields.has("threshold") { fields.get("threshold").trim().to_owned() } else { String::new() };
    let private = fields.get("mode") == "private";
    let threshold = match threshold_typed.as_str() {
        "" => Some(DEFAULT_THRESHOLD),
        typed => typed.parse::<u64>().ok().or_else(|| {
            if !private {
                errors.add("threshold", "report-error-threshold");
            }
            None
        }),
    };
    let epsilon_typed = fields.get("epsilon").trim().to_owned();
    let epsilon = match epsilon_typed.as_str() {
        "" => Some(DEFAULT_EPSILON_MILLI),
        typed => parse_epsilon(typed).or_else(|| {
            if private {
                errors.add("epsilon", "report-error-epsilon");
            }
            None
        }),
    };
    let result = match (period, threshold, epsilon) {
        (Some(period), Some(threshold), _) if errors.is_empty() && !private => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            let query = ReportQuery { period, office };
            blocking(move || {
                if download {
                    app.make_public_release(&actor, &query, threshold)
                } else {
                    app.public_release(&actor, &query, threshold)
                }
            })
            .await?
        }
        (Some(period), _, Some(epsilon)) if errors.is_empty() && private => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            let query = ReportQuery { period, office };
            blocking(move || {
                if download {
                    app.make_private_release(&actor, &query, epsilon)
                } else {
                    app.private_release(&actor, &query, epsilon)
                }
            })
            .await?
        }
        _ => Err(AppError::Invalid(Vec::new())),
    };
    let (ledger, budget) = {
        let (app, actor) = (state.app.clone(), current.actor.clone());
        blocking(move || Ok::<_, AppError>((app.release_ledger(&actor)?, app.privacy_budget(&actor)?))).await??
    };
    let tr = current.tr(&state);
    let threshold_shown = if threshold_typed.is_empty() { DEFAULT_THRESHOLD.to_string() } else { threshold_typed };
    let epsilon_shown = if epsilon_typed.is_empty() { epsilon_text(DEFAULT_EPSILON_MILLI) } else { epsilon_typed };
    let protection = Protection { private, threshold: &threshold_shown, epsilon: &epsilon_shown };
    match result {
        Ok(Err(refusal)) => {
            let shown =
                Shown { form: &form, protection, errors: &errors, offices: &offices, ledger: &ledger, budget: &budget };
            let page = render(tr, &current, &shown, Outcome::Refused(&refusal));
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Ok(Ok(release)) if download => {
            let office = release.office.and_then(|id| offices.iter().find(|o| o.id == id));
            let name = open_data::file_name(&release, office.map(|o| o.code.as_str()));
            let office_name = office.map(|o| o.name.clone());
            let bytes =
                make_file(&state, tr, office_name, move |words| open_data::package(&release, words, today)).await?;
            let disposition = format!("attachment; filename=\"{name}\"");
            Ok((
                [(header::CONTENT_TYPE, "application/zip".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
                bytes,
            )
                .into_response())
        }
        Ok(Ok(release)) => {
            form.follow(&release.period);
            let query = query_without(&raw, "download");
            let shown =
                Shown { form: &form, protection, errors: &errors, offices: &offices, ledger: &ledger, budget: &budget };
            let page = render(tr, &current, &shown, Outcome::Release(&release, &query));
            Ok(page.into_response())
        }
        Err(AppError::Invalid(problems)) => {
            for problem in &problems {
                errors.add(problem.field(), service_message(problem));
            }
            let shown =
                Shown { form: &form, protection, errors: &errors, offices: &offices, ledger: &ledger, budget: &budget };
            let page = render(tr, &current, &shown, Outcome::Nothing);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// What the page shows whatever the outcome: the form as typed, the ledger and the budget.
#[derive(Clone, Copy)]
struct Shown<'a> {
    form: &'a PeriodForm,
    protection: Protection<'a>,
    errors: &'a FieldErrors,
    offices: &'a [Office],
    ledger: &'a Ledger,
    budget: &'a PrivacyBudget,
}

/// How the release asked for protects people, as typed.
#[derive(Clone, Copy)]
struct Protection<'a> {
    private: bool,
    threshold: &'a str,
    epsilon: &'a str,
}

enum Outcome<'a> {
    /// The release, and the page's query for its download link.
    Release(&'a Release, &'a str),
    Refused(&'a Refusal),
    Nothing,
}

fn render(tr: Tr<'_>, current: &Current, shown: &Shown<'_>, outcome: Outcome<'_>) -> Markup {
    let Shown { form, protection, errors, offices, ledger, budget } = *shown;
    let release = match outcome {
        Outcome::Release(release, query) => Some((release, query)),
        _ => None,
    };
    let title = match release {
        Some((release, _)) => tr.t_with("report-public-heading", "period", period_label(tr, &release.period)),
        None => tr.t("report-public-link"),
    };
    let invalid = |name: &str| errors.has(name).then_some("true");
    let described = |name: &str| errors.has(name).then(|| format!("{name}-error"));
    let protection_fields = html! {
        fieldset.protection {
            legend { (tr.t("report-protection")) }
            label { input type="radio" name="mode" value="suppression" checked[!protection.private];
                " " (tr.t("report-protection-suppression")) }
            label { (tr.t("report-threshold")) " "
                input type="text" inputmode="numeric" size="5" name="threshold" value=(protection.threshold)
                    aria-invalid=[invalid("threshold")] aria-describedby=[described("threshold")];
            }
            (errors.message(tr, "threshold"))
            label { input type="radio" name="mode" value="private" checked[protection.private];
                " " (tr.t("report-protection-private")) }
            label { (tr.t("report-epsilon")) " "
                input type="text" inputmode="decimal" size="5" name="epsilon" value=(protection.epsilon)
                    aria-invalid=[invalid("epsilon")] aria-describedby=[described("epsilon")];
            }
            (errors.message(tr, "epsilon"))
        }
    };
    let content = html! {
        h1 { (title) }
        @if let Some((release, _)) = release {
            p.meta { (tr.t_with("office-label", "office", office_name(tr, offices, release.office))) }
        }
        p { (t_args(tr, "report-public-intro", &[
            ("mark", SUPPRESSED_MARK.to_owned()),
            ("min", MIN_THRESHOLD.to_string()),
            ("max", MAX_THRESHOLD.to_string()),
        ])) }
        p { (tr.t("report-ledger-intro")) }
        p { (t_args(tr, "report-private-intro", &[
            ("min", epsilon_text(MIN_EPSILON_MILLI)),
            ("max", epsilon_text(MAX_EPSILON_MILLI)),
        ])) }
        (period_form(tr, current, form, errors, offices, "/reports/public", protection_fields))
        @if let Outcome::Refused(refusal) = outcome {
            p.error #release-refused role="alert" { (refused(tr, offices, refusal)) }
        }
        @if let Some((release, query)) = release {
            p.report-links {
                a href={ "/reports/public?" (query) (if query.is_empty() { "" } else { "&" }) "download=zip" } download {
                    (tr.t("report-public-download"))
                }
            }
            @if is_template(release) {
                p.notice role="status" #not-drawn { (not_drawn(tr, budget, release)) }
            } @else if release.empty { p.notice role="status" { (tr.t("report-empty")) } }
            @else {
                @for table in &release.tables { (section(tr, table)) }
            }
        }
        (ledger_section(tr, offices, ledger))
        (budget_section(tr, budget))
    };
    layout::page(tr, current, &title, "/reports", content)
}

/// A private release not made yet: its figures are drawn once, when its package is made.
fn not_drawn(tr: Tr<'_>, budget: &PrivacyBudget, release: &Release) -> String {
    let epsilon = match release.mode {
        Mode::Private { epsilon_milli } => epsilon_milli,
        Mode::Suppression { .. } => 0,
    };
    let years: Vec<String> = {
        use chrono::Datelike;
        (release.period.from().year()..=release.period.to().year())
            .map(|year| {
                let left = budget.per_year_milli.saturating_sub(budget.spent_on(year));
                format!("{year}: {}", epsilon_text(left))
            })
            .collect()
    };
    t_args(tr, "report-private-not-drawn", &[("epsilon", epsilon_text(epsilon)), ("left", years.join(", "))])
}

/// What private releases spent of each year's budget.
fn budget_section(tr: Tr<'_>, budget: &PrivacyBudget) -> Markup {
    html! {
        section #privacy-budget aria-labelledby="privacy-budget-h" {
            h2 #privacy-budget-h { (tr.t("report-budget-heading")) }
            p { (tr.t_with("report-budget-per-year", "epsilon", epsilon_text(budget.per_year_milli))) }
            @if !budget.spent.is_empty() {
                div.wide { table.report aria-labelledby="privacy-budget-h" {
                    thead { tr {
                        th scope="col" { (tr.t("report-budget-year")) }
                        th.num scope="col" { (tr.t("report-budget-spent")) }
                        th.num scope="col" { (tr.t("report-budget-left")) }
                    } }
                    tbody {
                        @for (year, spent) in &budget.spent {
                            tr {
                                th scope="row" { (year) }
                                td.num { (epsilon_text(*spent)) }
                                td.num { (epsilon_text(budget.per_year_milli.saturating_sub(*spent))) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// Why a release was refused, naming the earlier release it collides with or the year whose
/// budget it would exceed.
fn refused(tr: Tr<'_>, offices: &[Office], refusal: &Refusal) -> String {
    let earlier = match refusal {
        Refusal::Collides { earlier } => earlier,
        Refusal::OverBudget { year, spent_milli, budget_milli } => {
            return t_args(
                tr,
                "report-budget-refused",
                &[
                    ("year", year.to_string()),
                    ("spent", epsilon_text(*spent_milli)),
                    ("budget", epsilon_text(*budget_milli)),
                ],
            );
        }
    };
    match earlier {
        Some(earlier) => t_args(
            tr,
            "report-ledger-refused",
            &[
                ("period", period_label(tr, &earlier.period)),
                ("office", office_name(tr, offices, earlier.office)),
                ("made", earlier.made_at.format("%Y-%m-%d").to_string()),
            ],
        ),
        None => tr.t("report-ledger-refused-alone"),
    }
}

/// Every release made, the latest first.
fn ledger_section(tr: Tr<'_>, offices: &[Office], ledger: &Ledger) -> Markup {
    html! {
        section #release-ledger aria-labelledby="release-ledger-h" {
            h2 #release-ledger-h { (tr.t("report-ledger-heading")) }
            @if ledger.entries.is_empty() {
                p.hint { (tr.t("report-ledger-empty")) }
            } @else {
                div.wide { table.report aria-labelledby="release-ledger-h" {
                    thead { tr {
                        th scope="col" { (tr.t("report-ledger-made")) }
                        th scope="col" { (tr.t("report-ledger-by")) }
                        th scope="col" { (tr.t("report-ledger-period")) }
                        th scope="col" { (tr.t("report-ledger-office")) }
                        th scope="col" { (tr.t("report-ledger-mode")) }
                    } }
                    tbody {
                        @for (entry, by) in &ledger.entries {
                            tr {
                                td { (entry.made_at.format("%Y-%m-%d %H:%M UTC").to_string()) }
                                td { (by.clone().unwrap_or_else(|| tr.t("report-ledger-by-command-line"))) }
                                td { (period_label(tr, &entry.period)) }
                                td { (office_name(tr, offices, entry.office)) }
                                td { (mode(tr, entry.mode)) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

fn mode(tr: Tr<'_>, mode: Mode) -> String {
    match mode {
        Mode::Suppression { threshold } => {
            t_args(tr, "report-ledger-suppression", &[("threshold", threshold.to_string())])
        }
        Mode::Private { epsilon_milli } => {
            t_args(tr, "report-ledger-private", &[("epsilon", epsilon_text(epsilon_milli))])
        }
    }
}

/// A table as the package will hold it.
fn section(tr: Tr<'_>, table: &ReleaseTable) -> Markup {
    let as_report = table.as_report_table();
    let title = table_title(tr, &as_report);
    let heading = format!("p-{}-h", table.id);
    html! {
        section.report-table id={ "p-" (table.id) } aria-labelledby=(heading) {
            h2 id=(heading) { (title) }
            @if table.rows.is_empty() {
                p.hint { (tr.t("report-no-figures")) }
            } @else {
                div.wide { table.report aria-labelledby=(heading) {
                    thead { tr {
                        th scope="col" { (rows_header(tr, table.labels)) }
                        @for c in &table.columns { th.num scope="col" { (tr.t(&format!("report-column-{}", c.id))) } }
                    } }
                    tbody {
                        @for row in &table.rows {
                            tr.total[row.label == RowLabel::Report(Label::Total)] {
                                th scope="row" {
                                    @match &row.label {
                                        RowLabel::Report(label) => (row_label(tr, &as_report, label)),
                                        RowLabel::NotStated => (tr.t("report-unstated")),
                                    }
                                }
                                @for figure in &row.figures { (figure_cell(tr, figure)) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

fn figure_cell(tr: Tr<'_>, figure: &Figure) -> Markup {
    match figure {
        Figure::Count(n) => html! { td.num { (count(tr.lang, *n)) } },
        Figure::Money(money) => html! { td.num { (money.to_string()) } },
        Figure::Hidden => html! { td.num.hidden-figure title=(tr.t("report-hidden")) { (SUPPRESSED_MARK) } },
        Figure::Missing => html! { td.num.missing { (tr.t("report-missing-rate")) } },
    }
}
