//! Monitoring: the mobile group's month of visits (the plan forwards, what was done backwards),
//! a visit's page with its findings, consultations and group case, and the visit form a
//! member fills on a phone in the field.

mod form;
pub mod visit;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::routing::{get, post};
use chrono::{Datelike, NaiveDate};
use komek_app::AppError;
use komek_app::monitoring::{VisitLine, VisitQuery};
use komek_domain::lookups;
use maud::{Markup, html};

use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, optional};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, field, lookup_filter};
use crate::{AppState, blocking};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/monitoring", get(list))
        .route("/monitoring/new", get(form::new_form).post(form::create))
        .route("/monitoring/{id}", get(visit::show))
        .route("/monitoring/{id}/edit", get(form::edit_form).post(form::change))
        .route("/monitoring/{id}/open-case", post(visit::open_case))
        .route("/monitoring/{id}/tasks", post(visit::add_task))
        .route("/monitoring/{id}/photos/{photo}", get(visit::download_photo))
        .route("/monitoring/{id}/tasks/{task}/done", post(visit::task_done))
}

/// The month asked for ("2026-09"), or the current one.
fn month_of(text: &str, today: NaiveDate) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").unwrap_or(today.with_day(1).unwrap_or(today))
}

/// The month's visits: planned ones first in the order they come, then the rest.
async fn list(State(state): State<AppState>, current: Current, RawQuery(raw): RawQuery) -> Result<Markup, WebError> {
    let q = FormData::parse(raw.unwrap_or_default().as_bytes());
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let asked = (q.get("month").to_owned(), optional(q.get("district")), optional(q.get("status")));
    let (month, district, status) = asked.clone();
    let page: i64 = q.get("page").parse().unwrap_or(0).max(0);
    let (month, found, may_record) = blocking(move || -> Result<_, AppError> {
        let month = month_of(&month, app.today(&actor)?);
        let end = month.checked_add_months(chrono::Months::new(1)).unwrap_or(month);
        let query = VisitQuery {
            from: Some(month),
            to: end.pred_opt(),
            district,
            status,
            oldest_first: true,
            ..Default::default()
        };
        Ok((month, app.visits(&actor, &query, page)?, komek_app::policy::monitoring::may_record(&actor)))
    })
    .await??;
    let tr = current.tr(&state);
    let title = tr.t("module-monitoring-title");
    let none = FieldErrors::default();
    let (_, district, status) = asked;
    let content = html! {
        h1 { (title) }
        p { (tr.t("module-monitoring-about")) }
        @if may_record { p { a.button href="/monitoring/new" { (tr.t("visit-new")) } } }
        form.filters method="get" action="/monitoring" {
            (field(tr, "visit-month", "month", &none, html! { input type="month" id="month" name="month" value=(month.format("%Y-%m")); }))
            (field(tr, "visit-district", "district", &none, lookup_filter(tr, "district", lookups::DISTRICT, district.as_deref().unwrap_or(""))))
            (field(tr, "visit-status", "status", &none, lookup_filter(tr, "status", lookups::VISIT_STATUS, status.as_deref().unwrap_or(""))))
            button type="submit" { (tr.t("intake-find")) }
        }
        (table(tr, &found.items))
        @if found.more || page > 0 {
            @let at = |p: i64| format!("/monitoring?month={}&district={}&status={}&page={p}", month.format("%Y-%m"), district.as_deref().unwrap_or(""), status.as_deref().unwrap_or(""));
            nav.pager aria-label=(tr.t("pager-label")) {
                @if page > 0 { a href=(at(page - 1)) { (tr.t("pager-previous")) } " " }
                @if found.more { a href=(at(page + 1)) { (tr.t("pager-next")) } }
            }
        }
    };
    Ok(layout::page(tr, &current, &title, "/monitoring", content))
}

/// Visits as a table: the day, where, what kind of place, who was met, what was found.
pub fn table(tr: Tr<'_>, lines: &[VisitLine]) -> Markup {
    html! {
        @if lines.is_empty() { p { (tr.t("visit-none")) } } @else {
            div.wide { table.log {
                thead { tr {
                    th scope="col" { (tr.t("visit-day")) } th scope="col" { (tr.t("visit-status")) }
                    th scope="col" { (tr.t("visit-district")) } th scope="col" { (tr.t("visit-place-kind")) }
                    th scope="col" { (tr.t("visit-people-met")) } th scope="col" { (tr.t("visit-minors")) }
                    th scope="col" { (tr.t("visit-violations")) }
                } }
                tbody {
                    @for v in lines {
                        tr {
                            td { a href={ "/monitoring/" (v.id) } { (day(v.visited_on.unwrap_or(v.planned_on))) } }
                            td { (tr.lookup(lookups::VISIT_STATUS, &v.status)) }
                            td { (tr.lookup(lookups::DISTRICT, &v.district)) }
                            td { (tr.lookup(lookups::PLACE_KIND, &v.place_kind)) }
                            td.num { (v.people_total) } td.num { (v.people_minors) } td.num { (v.violations) }
                        }
                    }
                }
            } }
        }
    }
}
