//! The report page: a period (year, quarter, month or any run of days) and an office chosen in
//! a plain GET form, then every table of the report, each with its chart beside it.
//!
//! The report holds aggregates only — counts, shares, sums — so whoever may read reports
//! (analysts included) sees all of it and nobody is named. A period with nothing in it is an
//! empty report that says so; a missing exchange rate is named, with the way to add it.

use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use komek_app::AppError;
use komek_app::report_export::{ExportError, ExportLabels, Format, export, file_name};
use komek_app::reports::ReportQuery;
use komek_domain::entities::Office;
use komek_domain::indicators::CATALOGUES;
use komek_domain::reports::{
    Cell, Label, Labels, MissingRate, Period, PeriodError, PeriodKind, Report, Table, column, table,
};
use komek_domain::{Capability, OfficeId, ValidationError, lookups, rules};
use maud::{Markup, html};

use super::charts::{self, Datum};
use super::format::{count, exact_share, known, month_label, month_name, month_short, percent, t_args};
use super::map;
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::day;
use crate::{AppState, blocking};

const KINDS: [&str; 4] = ["year", "quarter", "month", "custom"];

/// The period form as typed (or its defaults: the current year). Every field is always shown;
/// the kind says which of them are read.
pub(super) struct PeriodForm {
    kind: String,
    year: String,
    quarter: String,
    month: String,
    from: String,
    to: String,
    office: String,
}

impl PeriodForm {
    pub(super) fn read(q: &FormData, today: NaiveDate) -> Self {
        let or = |name: &str, default: String| if q.has(name) { q.get(name).trim().to_owned() } else { default };
        let new_year = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
        Self {
            kind: or("kind", "year".to_owned()),
            year: or("year", today.year().to_string()),
            quarter: or("quarter", today.month().div_ceil(3).to_string()),
            month: or("month", today.month().to_string()),
            from: or("from", new_year.to_string()),
            to: or("to", today.to_string()),
            office: or("office", String::new()),
        }
    }

    /// Fills the fields the kind did not read with the period shown, so that choosing another
    /// kind starts from it.
    pub(super) fn follow(&mut self, period: &Period) {
        let first = period.from();
        if self.kind != "custom" {
            self.from = first.to_string();
            self.to = period.to().to_string();
        }
        if self.kind == "custom" {
            self.year = first.year().to_string();
        }
        if self.kind != "quarter" {
            self.quarter = first.month().div_ceil(3).to_string();
        }
        if self.kind != "month" {
            self.month = first.month().to_string();
        }
    }

    /// The period the form names, or its problems marked on their fields.
    pub(super) fn period(&self, errors: &mut FieldErrors) -> Option<Period> {
        let mut year = || {
            let parsed = self.year.parse::<i32>().ok().filter(|y| (rules::FIRST_YEAR..=rules::LAST_YEAR).contains(y));
            if parsed.is_none() {
                errors.add("year", "report-error-year");
            }
            parsed
        };
        let period = match self.kind.as_str() {
            "year" => Period::year(year()?),
            "quarter" => {
                let y = year();
                let quarter = self.quarter.parse::<u32>().ok().filter(|q| (1..=4).contains(q));
                if quarter.is_none() {
                    errors.add("quarter", "report-error-quarter");
                }
                Period::quarter(y?, quarter?)
            }
            "month" => {
                let y = year();
                let month = self.month.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
                if month.is_none() {
                    errors.add("month", "report-error-month");
                }
                Period::month(y?, month?)
            }
            "custom" => {
                let from = typed_day(errors, "from", &self.from);
                let to = typed_day(errors, "to", &self.to);
                Period::custom(from?, to?)
            }
            _ => {
                errors.add("kind", "form-unknown-choice");
                return None;
            }
        };
        period
            .map_err(|e| {
                let message = match e {
                    PeriodError::Reversed { .. } => "report-error-reversed",
                    PeriodError::NoSuchMonth { .. } => "report-error-month",
                    PeriodError::NoSuchQuarter { .. } => "report-error-quarter",
                    PeriodError::YearOutOfRange { .. } => "report-error-year",
                };
                errors.add(e.field(), message);
            })
            .ok()
    }

    /// The office asked for: any (or all) for those over every office, always their own for
    /// office staff.
    pub(super) fn office(&self, current: &Current, offices: &[Office], errors: &mut FieldErrors) -> Option<OfficeId> {
        if !current.actor.sees_all_offices() {
            return current.actor.office_id();
        }
        if self.office.is_empty() {
            return None;
        }
        let found = offices.iter().find(|o| o.id.to_string() == self.office).map(|o| o.id);
        if found.is_none() {
            errors.add("office", "report-error-office");
        }
        found
    }
}

/// A day typed in the form: required, and a real date within the years reports cover.
fn typed_day(errors: &mut FieldErrors, name: &str, value: &str) -> Option<NaiveDate> {
    if value.is_empty() {
        errors.add(name, "form-required");
        return None;
    }
    let parsed = komek_domain::rules::parse_day(value);
    if parsed.is_none() {
        errors.add(name, "report-error-date");
    }
    parsed
}

/// The message beside a field the report service refused.
pub(super) fn service_message(problem: &ValidationError) -> &'static str {
    if let ValidationError::TooMany { field: "to", .. } = problem {
        return "report-error-release-too-long";
    }
    match problem.field() {
        "office" => "report-error-office",
        "to" => "report-error-reversed",
        "year" => "report-error-year",
        "month" => "report-error-month",
        "quarter" => "report-error-quarter",
        "from" => "report-error-date",
        "threshold" => "report-error-threshold",
        "epsilon" => "report-error-epsilon",
        _ => "form-invalid",
    }
}

/// What a report page was asked for: the form as typed, the period and office it names (or
/// its errors), and what the page needs besides.
pub(super) struct Asked {
    pub raw: String,
    pub fields: FormData,
    pub form: PeriodForm,
    pub errors: FieldErrors,
    pub period: Option<Period>,
    pub office: Option<OfficeId>,
    pub offices: Vec<Office>,
    /// The reader's day, on their office's calendar.
    pub today: NaiveDate,
}

/// Reads a report page's query, for those who read reports.
pub(super) async fn asked(state: &AppState, current: &Current, raw: Option<String>) -> Result<Asked, WebError> {
    if !current.actor.can(Capability::ViewReports) {
        return Err(WebError::Forbidden);
    }
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let (today, offices) =
        blocking(move || -> Result<_, AppError> { Ok((app.today(&actor)?, app.offices()?)) }).await??;
    let raw = raw.unwrap_or_default();
    let fields = FormData::parse(raw.as_bytes());
    let form = PeriodForm::read(&fields, today);
    let mut errors = FieldErrors::default();
    let period = form.period(&mut errors);
    let office = form.office(current, &offices, &mut errors);
    Ok(Asked { raw, fields, form, errors, period, office, offices, today })
}

/// Makes a report's file — a spreadsheet, a PDF, an open-data package — on a blocking thread:
/// it takes milliseconds of CPU that the async threads serving every other page should not
/// wait for. Its words are in the reader's language, the office named by `office_name`.
pub(super) async fn make_file(
    state: &AppState,
    tr: Tr<'_>,
    office_name: Option<String>,
    make: impl FnOnce(&ExportLabels<'_>) -> Result<Vec<u8>, ExportError> + Send + 'static,
) -> Result<Vec<u8>, WebError> {
    let (i18n, lang) = (state.i18n.clone(), tr.lang);
    let made = blocking(move || {
        let tr = Tr { i18n: &i18n, lang };
        let translate = |id: &str| tr.t(id);
        let words = ExportLabels::new(&translate);
        make(&match office_name {
            Some(name) => words.with_office(name),
            None => words,
        })
    })
    .await?;
    made.map_err(|e| WebError::Internal(e.to_string()))
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let Asked { raw, fields, mut form, mut errors, period, office, offices, .. } = asked(&state, &current, raw).await?;
    // The same report as a file: `format=csv|xlsx|pdf|json` beside the period's fields; any
    // other format is refused rather than answered with the page.
    let download = match fields.text("format") {
        Some(asked) => Some(Format::parse(&asked).ok_or(WebError::BadRequest)?),
        None => None,
    };
    let result = match period {
        Some(period) if errors.is_empty() => {
            let (app, actor) = (state.app.clone(), current.actor.clone());
            blocking(move || app.report(&actor, &ReportQuery { period, office })).await?
        }
        _ => Err(AppError::Invalid(Vec::new())),
    };
    let tr = current.tr(&state);
    match result {
        Ok(report) if download.is_some() => {
            let format = download.unwrap_or(Format::Csv);
            let office = report.office.and_then(|id| offices.iter().find(|o| o.id == id));
            let name = file_name(&report, office.map(|o| o.code.as_str()), format);
            let office_name = office.map(|o| o.name.clone());
            let bytes = make_file(&state, tr, office_name, move |words| export(&report, format, words)).await?;
            let disposition = format!("attachment; filename=\"{name}\"");
            Ok((
                [(header::CONTENT_TYPE, format.media_type().to_owned()), (header::CONTENT_DISPOSITION, disposition)],
                bytes,
            )
                .into_response())
        }
        Ok(report) => {
            form.follow(&report.period);
            let query = query_without(&raw, "format");
            Ok(render(tr, &current, &form, &errors, &offices, Some((&report, query.as_str()))).into_response())
        }
        Err(AppError::Invalid(problems)) => {
            for problem in &problems {
                errors.add(problem.field(), service_message(problem));
            }
            let page = render(tr, &current, &form, &errors, &offices, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn render(
    tr: Tr<'_>,
    current: &Current,
    form: &PeriodForm,
    errors: &FieldErrors,
    offices: &[Office],
    report: Option<(&Report, &str)>,
) -> Markup {
    let (report, query) = (report.map(|(r, _)| r), report.map_or("", |(_, q)| q));
    // A report's page is titled by its period, which a printed copy carries too.
    let title = match report {
        Some(report) => tr.t_with("report-heading", "period", period_label(tr, &report.period)),
        None => tr.t("nav-reports"),
    };
    let content = html! {
        h1 { (title) }
        @if let Some(report) = report {
            p.meta { (tr.t_with("office-label", "office", office_name(tr, offices, report.office))) }
        }
        (period_form(tr, current, form, errors, offices, "/reports", html! {}))
        p.report-links {
            a href="/reports/rates" { (tr.t("report-rates-link")) }
            " · "
            a href={ "/reports/public" (if query.is_empty() { String::new() } else { format!("?{query}") }) } {
                (tr.t("report-public-link"))
            }
            @if report.is_some() {
                " · " (tr.t("report-download")) " "
                @for format in Format::ALL {
                    a href={ "/reports?" (query) (if query.is_empty() { "" } else { "&" }) "format=" (format.code()) } download {
                        (format.code().to_uppercase())
                    }
                    " "
                }
            }
        }
        @if let Some(report) = report { (report_body(tr, current, report)) }
    };
    layout::page(tr, current, &title, "/reports", content)
}

/// The page's query string without one field (`format`, `download`: the links add their own).
pub(super) fn query_without(raw: &str, field: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(raw.as_bytes()).filter(|(name, _)| name != field) {
        out.append_pair(&name, &value);
    }
    out.finish()
}

pub(super) fn period_label(tr: Tr<'_>, period: &Period) -> String {
    match period.kind() {
        PeriodKind::Year(y) => t_args(tr, "report-period-year", &[("year", y.to_string())]),
        PeriodKind::Quarter(y, q) => {
            t_args(tr, "report-period-quarter", &[("year", y.to_string()), ("quarter", q.to_string())])
        }
        PeriodKind::Month(y, m) => {
            t_args(tr, "report-period-month", &[("year", y.to_string()), ("month", month_name(tr, m))])
        }
        PeriodKind::Custom => {
            t_args(tr, "report-period-custom", &[("from", day(period.from())), ("to", day(period.to()))])
        }
    }
}

pub(super) fn office_name(tr: Tr<'_>, offices: &[Office], office: Option<OfficeId>) -> String {
    match office {
        None => tr.t("report-all-offices"),
        Some(id) => offices.iter().find(|o| o.id == id).map_or_else(|| id.to_string(), |o| o.name.clone()),
    }
}

/// The period form, sent to `action`; `extra` holds fields of the page's own (shown before
/// the button).
pub(super) fn period_form(
    tr: Tr<'_>,
    current: &Current,
    form: &PeriodForm,
    errors: &FieldErrors,
    offices: &[Office],
    action: &str,
    extra: Markup,
) -> Markup {
    let invalid = |name: &str| errors.has(name).then_some("true");
    let described = |name: &str| errors.has(name).then(|| format!("{name}-error"));
    html! {
        (errors.summary(tr))
        form.filters.report-period method="get" action=(action) {
            label { (tr.t("report-period")) " "
                select name="kind" aria-invalid=[invalid("kind")] aria-describedby=[described("kind")] {
                    @for kind in KINDS {
                        option value=(kind) selected[form.kind == kind] { (tr.t(&format!("report-kind-{kind}"))) }
                    }
                }
            }
            (errors.message(tr, "kind"))
            label { (tr.t("report-year")) " "
                input type="text" inputmode="numeric" size="5" name="year" value=(form.year)
                    aria-invalid=[invalid("year")] aria-describedby=[described("year")];
            }
            (errors.message(tr, "year"))
            label { (tr.t("report-quarter")) " "
                select name="quarter" aria-invalid=[invalid("quarter")] aria-describedby=[described("quarter")] {
                    @for q in 1..=4u32 { option value=(q) selected[form.quarter == q.to_string()] { (q) } }
                }
            }
            (errors.message(tr, "quarter"))
            label { (tr.t("report-month")) " "
                select name="month" aria-invalid=[invalid("month")] aria-describedby=[described("month")] {
                    @for m in 1..=12u32 { option value=(m) selected[form.month == m.to_string()] { (month_name(tr, m)) } }
                }
            }
            (errors.message(tr, "month"))
            label { (tr.t("report-from")) " "
                input type="date" name="from" value=(form.from) aria-invalid=[invalid("from")] aria-describedby=[described("from")];
            }
            (errors.message(tr, "from"))
            label { (tr.t("report-to")) " "
                input type="date" name="to" value=(form.to) aria-invalid=[invalid("to")] aria-describedby=[described("to")];
            }
            (errors.message(tr, "to"))
            @if current.actor.sees_all_offices() {
                label { (tr.t("report-office")) " "
                    select name="office" aria-invalid=[invalid("office")] aria-describedby=[described("office")] {
                        option value="" { (tr.t("report-all-offices")) }
                        @for office in offices {
                            option value=(office.id.to_string()) selected[form.office == office.id.to_string()] { (office.name) }
                        }
                        // An office typed into the address that is not in the list stays visible.
                        @if errors.has("office") && !form.office.is_empty() {
                            option value=(form.office) selected { (form.office) }
                        }
                    }
                }
                (errors.message(tr, "office"))
            }
            (extra)
            button type="submit" { (tr.t("report-apply")) }
        }
        p.hint.report-form-hint { (tr.t("report-form-hint")) }
    }
}

fn report_body(tr: Tr<'_>, current: &Current, report: &Report) -> Markup {
    let may_set_rates = current.actor.can(Capability::ManageSettings);
    html! {
        @if report.empty { p.notice role="status" { (tr.t("report-empty")) } }
        @for missing in &report.missing_rates { (missing_rate(tr, may_set_rates, missing)) }
        @if !report.empty {
            @for table in &report.tables { (section(tr, table)) }
        }
    }
}

fn missing_rate(tr: Tr<'_>, may_set_rates: bool, missing: &MissingRate) -> Markup {
    let said = t_args(
        tr,
        "report-rate-missing",
        &[("currency", missing.currency.code().to_owned()), ("date", day(missing.on))],
    );
    let add = format!("/reports/rates?currency={}&valid_from={}#rate-form", missing.currency.code(), missing.on);
    html! {
        p.notice.warning.missing-rate role="alert" {
            (said) " "
            @if may_set_rates { a href=(add) { (tr.t("report-rate-add")) } } @else { (tr.t("report-rate-ask")) }
        }
    }
}

/// How a table is charted: which column, and as bars, (months) as columns, or (districts) as
/// a map.
enum Chart {
    Bars(&'static str),
    Columns(&'static str),
    Map(&'static str),
}

fn chart_of(id: &str) -> Option<Chart> {
    match id {
        table::APPEALS_BY_MONTH => Some(Chart::Columns(column::APPEALS)),
        table::APPEALS_BY_CHANNEL
        | table::APPEALS_BY_TOPIC
        | table::APPEALS_BY_HELP
        | table::MIGRATION_REASONS
        | table::SECTORS => Some(Chart::Bars(column::APPEALS)),
        table::WAGES_BY_OCCUPATION => Some(Chart::Bars(column::AVERAGE_KZT)),
        table::REPATRIATED_BY_CITIZENSHIP
        | table::VICTIMS_BY_SEX
        | table::VICTIMS_BY_AGE_BAND
        | table::VICTIMS_BY_CITIZENSHIP => Some(Chart::Bars(column::PERSONS)),
        table::REFERRALS_SENT_BY_PARTNER_KIND
        | table::REFERRALS_SENT_BY_STATUS
        | table::REFERRALS_SENT_BY_PARTNER
        | table::REFERRALS_RECEIVED_BY_PARTNER_KIND
        | table::REFERRALS_RECEIVED_BY_STATUS
        | table::REFERRALS_RECEIVED_BY_PARTNER => Some(Chart::Bars(column::REFERRALS)),
        // How long each kind of partner takes to answer; kinds that never answered have no bar.
        table::REFERRAL_REPLY_DAYS => Some(Chart::Bars(column::MEDIAN_DAYS)),
        table::SERVICES_BY_KIND => Some(Chart::Bars(column::SERVICES)),
        table::PROCEEDINGS_BY_OUTCOME => Some(Chart::Bars(column::PROCEEDINGS)),
        // Where violations were found is what the map shows; the table has the visits.
        table::VISITS_BY_DISTRICT => Some(Chart::Map(column::VIOLATIONS)),
        table::VISITS_BY_PLACE_KIND => Some(Chart::Bars(column::VISITS)),
        table::VIOLATIONS_BY_KIND => Some(Chart::Bars(column::VIOLATIONS)),
        table::VISITS_BY_MONTH => Some(Chart::Columns(column::VISITS)),
        // Each catalogue has its own number assessed: the shares compare, the counts do not.
        table::INDICATOR_PREVALENCE | table::INDICATOR_TAGS => Some(Chart::Bars(column::SHARE)),
        _ => None,
    }
}

pub(super) fn table_title(tr: Tr<'_>, table: &Table) -> String {
    tr.t(&format!("report-table-{}", table.id))
}

pub(super) fn row_label(tr: Tr<'_>, table: &Table, label: &Label) -> String {
    match label {
        Label::Month(m) => month_label(tr, *m),
        Label::Code(code) => table.label_id(label).and_then(|id| known(tr, &id)).unwrap_or_else(|| code.clone()),
        Label::Group(code) => known(tr, &format!("report-group-{code}")).unwrap_or_else(|| (*code).to_owned()),
        Label::Total => tr.t("report-total"),
    }
}

/// What the label column holds, as its header says.
pub(super) fn rows_header(tr: Tr<'_>, labels: Labels) -> String {
    let Some(id) = labels.header_id() else { return String::new() };
    known(tr, &id).unwrap_or_default()
}

/// The catalogue an indicator of a graded catalogue belongs to.
fn catalogue_of(code: &str) -> Option<&'static str> {
    CATALOGUES.iter().find(|c| c.indicators.iter().any(|i| i.code == code)).map(|c| c.id)
}

fn section(tr: Tr<'_>, table: &Table) -> Markup {
    let title = table_title(tr, table);
    let heading = format!("r-{}-h", table.id);
    let table_id = format!("r-{}-t", table.id);
    let chart = chart_of(table.id).and_then(|chart| {
        let names = charts::Names { title: &title, heading: &heading, table: &table_id };
        match chart {
            Chart::Bars(column) => draw(tr, table, column, false).map(|data| charts::bars(&names, &data)),
            Chart::Columns(column) => draw(tr, table, column, true).map(|data| charts::columns(&names, &data)),
            Chart::Map(column) => district_map(tr, table, column, &names),
        }
    });
    html! {
        section.report-table id={ "r-" (table.id) } aria-labelledby=(heading) {
            h2 id=(heading) { (title) }
            @if table.rows.is_empty() {
                p.hint { (tr.t("report-no-figures")) }
            } @else {
                div.report-part.charted[chart.is_some()].wide[table.columns.len() > 2] {
                    (figures(tr, table, &table_id, &heading))
                    @if let Some(chart) = chart { (chart) }
                }
            }
        }
    }
}

/// The map of a table by district, shaded by a column's counts: every district of the list
/// (those not visited too) and any other the table names. `None` when nothing was visited.
fn district_map(tr: Tr<'_>, table: &Table, column: &str, names: &charts::Names<'_>) -> Option<Markup> {
    let at = table.columns.iter().position(|c| c.id == column)?;
    let value_of = |code: &str| {
        table.rows.iter().find(|r| r.label == Label::Code(code.to_owned())).and_then(|r| match r.cells.get(at) {
            Some(Cell::Count(n)) => Some(*n),
            _ => None,
        })
    };
    let listed = lookups::DISTRICT.codes.iter().map(|c| (*c).to_owned());
    let own = table.rows.iter().filter_map(|r| match &r.label {
        Label::Code(code) if !lookups::DISTRICT.codes.contains(&code.as_str()) => Some(code.clone()),
        _ => None,
    });
    let areas: Vec<map::Area> = listed
        .chain(own)
        .map(|code| {
            let label = Label::Code(code.clone());
            let name = row_label(tr, table, &label);
            map::Area {
                short_name: known(tr, &format!("report-map-{code}")).unwrap_or_else(|| name.clone()),
                name,
                value: value_of(&code),
                code,
            }
        })
        .collect();
    areas.iter().any(|a| a.value.is_some()).then(|| {
        html! {
            div.report-map {
                (map::districts(names, &areas, &tr.t("report-map-shymkent"), &tr.t("report-map-not-visited")))
                p.hint { (tr.t("report-map-note")) }
            }
        }
    })
}

/// The data of a chart of a table's column; `None` when there is nothing to draw. Bars are
/// drawn for what there is (the table lists the rest); columns (months) keep their place.
fn draw(tr: Tr<'_>, table: &Table, column: &str, keep_zeros: bool) -> Option<Vec<Datum>> {
    let at = table.columns.iter().position(|c| c.id == column)?;
    let months: Vec<i32> = table
        .rows
        .iter()
        .filter_map(|r| match r.label {
            Label::Month(m) => Some(m.year),
            _ => None,
        })
        .collect();
    let many_years = months.first() != months.last();
    let data: Vec<Datum> = table
        .rows
        .iter()
        .filter(|row| row.label != Label::Total)
        .filter_map(|row| {
            let value = match row.cells.get(at)? {
                Cell::Count(n) => *n as f64,
                Cell::Share(share) if share.whole > 0 => share.part as f64 / share.whole as f64,
                Cell::Share(_) => 0.0,
                Cell::Money(money) => money.minor as f64,
                Cell::Missing | Cell::TooLarge | Cell::Empty => return None,
            };
            let label = match row.label {
                Label::Month(m) => month_short(tr, m, many_years),
                _ => row_label(tr, table, &row.label),
            };
            Some(Datum { label, value, apart: matches!(row.label, Label::Group(_)) })
        })
        .filter(|d| keep_zeros || d.value > 0.0)
        .collect();
    data.iter().any(|d| d.value > 0.0).then_some(data)
}

fn figures(tr: Tr<'_>, table: &Table, id: &str, heading: &str) -> Markup {
    let width = table.columns.len() + 1;
    // Indicators of each catalogue under the catalogue's name.
    let mut previous = None;
    let catalogue_starts: Vec<Option<&'static str>> = table
        .rows
        .iter()
        .map(|row| match (table.labels, &row.label) {
            (Labels::Indicators, Label::Code(code)) => {
                let of = catalogue_of(code);
                let starts = (of.is_some() && of != previous).then_some(of).flatten();
                previous = of;
                starts
            }
            _ => None,
        })
        .collect();
    html! {
        div.report-figures {
            div.wide { table.report id=(id) aria-labelledby=(heading) {
                thead { tr {
                    th scope="col" { (rows_header(tr, table.labels)) }
                    @for c in &table.columns { th.num scope="col" { (tr.t(&format!("report-column-{}", c.id))) } }
                } }
                tbody {
                    @for (row, starts) in table.rows.iter().zip(&catalogue_starts) {
                        @if let Some(catalogue) = starts {
                            tr.sub { th colspan=(width) scope="colgroup" { (tr.t(&format!("indicator-catalogue-{catalogue}"))) } }
                        }
                        tr.total[row.label == Label::Total] .group[matches!(row.label, Label::Group(_))] {
                            th scope="row" { (row_label(tr, table, &row.label)) }
                            @for cell in &row.cells { (cell_of(tr, cell)) }
                        }
                    }
                }
                @if let Some(unstated) = table.unstated {
                    tfoot { tr.unstated {
                        th scope="row" { (tr.t("report-unstated")) }
                        td.num { (count(tr.lang, unstated)) }
                        @for _ in 1..table.columns.len() { td {} }
                    } }
                }
            } }
            @if table.unstated.is_some() { p.hint { (tr.t("report-unstated-note")) } }
        }
    }
}

fn cell_of(tr: Tr<'_>, cell: &Cell) -> Markup {
    match cell {
        Cell::Count(n) => html! { td.num { (count(tr.lang, *n)) } },
        Cell::Share(share) => html! { td.num title=(exact_share(tr, share)) { (percent(tr.lang, share)) } },
        Cell::Money(money) => html! { td.num { (money.to_string()) } },
        Cell::Missing => html! { td.num.missing { (tr.t("report-missing-rate")) } },
        Cell::TooLarge => html! { td.num.missing { (tr.t("report-too-large")) } },
        Cell::Empty => html! { td.num.missing { "—" } },
    }
}

/// Keeps the domain's list of tables and the page's charts in step.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_table_of_the_report_has_a_chart_and_totals_do_not() {
        for id in table::ALL {
            let charted = chart_of(id).is_some();
            let expected = !matches!(id, table::APPEALS_TOTAL | table::VICTIMS_ASSISTED | table::WAGES_RECOVERED);
            assert_eq!(charted, expected, "{id}");
        }
    }

    #[test]
    fn the_form_reads_the_kind_it_names_and_marks_what_is_wrong() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 14).unwrap();
        let read = |q: &str| PeriodForm::read(&FormData::parse(q.as_bytes()), today);
        let mut errors = FieldErrors::default();
        assert_eq!(read("").period(&mut errors), Period::year(2026).ok(), "the current year by default");
        let q1 = read("kind=quarter&year=2008&quarter=1&month=13&from=nonsense");
        assert_eq!(q1.period(&mut errors), Period::quarter(2008, 1).ok(), "only the kind's fields are read");
        assert!(errors.is_empty());
        assert_eq!(read("kind=custom&from=2008-12-31&to=2008-01-01").period(&mut errors), None);
        assert!(errors.has("to"));
        let mut errors = FieldErrors::default();
        assert_eq!(read("kind=custom&from=2008-02-30&to=").period(&mut errors), None);
        assert!(errors.has("from") && errors.has("to"));
        let mut errors = FieldErrors::default();
        assert_eq!(read("kind=month&year=20o8&month=2").period(&mut errors), None);
        assert!(errors.has("year"));
    }
}
