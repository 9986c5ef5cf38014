//! The audit log page: who did what to which record, filtered, and whether the chain holds.

use axum::extract::{Query, State};
use komek_app::audit::{Action, Filter, Verdict};
use maud::{Markup, html};
use serde::Deserialize;

use crate::errors::WebError;
use crate::layout;
use crate::session::Current;
use crate::widgets::{local_time, local_time_to_the_second};
use crate::{AppState, blocking};

/// The newest entries shown at once; narrow the filter to see older ones.
const LIMIT: i64 = 200;

#[derive(Deserialize, Default)]
pub struct LogQuery {
    #[serde(default)]
    user: String,
    #[serde(default)]
    record: String,
    #[serde(default)]
    action: String,
    /// Walk the whole chain as well.
    #[serde(default)]
    verify: Option<String>,
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

pub async fn log(
    State(state): State<AppState>,
    current: Current,
    Query(query): Query<LogQuery>,
) -> Result<Markup, WebError> {
    let filter = Filter {
        username: non_empty(&query.user),
        record_id: non_empty(&query.record),
        action: non_empty(&query.action).filter(|a| Action::ALL.iter().any(|x| x.code() == a)),
    };
    let verify = query.verify.is_some();
    let app = state.app.clone();
    let actor = current.actor.clone();
    let lookup = filter.clone();
    let (lines, usernames, verdict, reviews, clock) = blocking(move || -> komek_app::AppResult<_> {
        let lines = app.audit_log(&actor, &lookup, LIMIT)?;
        let usernames = app.audit_usernames(&actor)?;
        let verdict = if verify { Some(app.verify_audit(&actor)?) } else { None };
        let reviews = app.break_glass_reviews(&actor)?;
        Ok((lines, usernames, verdict, reviews, app.office_clock(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let content = html! {
        h1 { (tr.t("audit-title")) }
        p { (tr.t("audit-intro")) }
        @match &verdict {
            Some(Verdict::Intact { entries }) => p.notice role="status" { (tr.t_with("audit-intact", "count", *entries)) },
            Some(Verdict::Broken { seq, reason }) => p.error role="alert" {
                (tr.t_with("audit-broken", "seq", *seq)) " (" (reason) ")"
            },
            None => {},
        }
        section.break-glass {
            h2 { (tr.t("audit-break-glass-title")) }
            @if reviews.is_empty() {
                p { (tr.t("audit-break-glass-none")) }
            } @else {
                div.wide { table.log {
                    thead { tr {
                        th scope="col" { (tr.t("audit-col-time")) }
                        th scope="col" { (tr.t("audit-col-user")) }
                        th scope="col" { (tr.t("audit-col-record")) }
                        th scope="col" { (tr.t("audit-col-reason")) }
                        th scope="col" {}
                    } }
                    tbody {
                        @for review in &reviews {
                            tr {
                                td { (local_time(clock, review.at)) }
                                td { (review.username) }
                                td { (review.record_kind) " " code { (review.record_id) } }
                                td { (review.reason) }
                                td {
                                    form.inline method="post" action={ "/audit/break-glass/" (review.id) "/reviewed" } {
                                        input type="hidden" name="csrf" value=(current.session.csrf_token);
                                        button type="submit" { (tr.t("audit-break-glass-reviewed")) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
        }
        h2 { (tr.t("audit-entries")) }
        form.filters method="get" action="/audit" {
            label for="user" { (tr.t("audit-filter-user")) }
            select #user name="user" {
                option value="" { (tr.t("audit-filter-any")) }
                @for name in &usernames {
                    option value=(name) selected[filter.username.as_deref() == Some(name.as_str())] { (name) }
                }
            }
            label for="action" { (tr.t("audit-filter-action")) }
            select #action name="action" {
                option value="" { (tr.t("audit-filter-any")) }
                @for action in Action::ALL {
                    option value=(action.code()) selected[filter.action.as_deref() == Some(action.code())] {
                        (tr.t(&format!("audit-action-{}", action.code())))
                    }
                }
            }
            label for="record" { (tr.t("audit-filter-record")) }
            input #record name="record" type="text" value=(query.record) spellcheck="false";
            label.check { input type="checkbox" name="verify" value="1" checked[verify]; " " (tr.t("audit-verify")) }
            button type="submit" { (tr.t("audit-filter-submit")) }
        }
        @if lines.is_empty() {
            p { (tr.t("audit-empty")) }
        } @else {
            div.wide { table.log {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (tr.t("audit-col-time")) }
                    th scope="col" { (tr.t("audit-col-user")) }
                    th scope="col" { (tr.t("audit-col-action")) }
                    th scope="col" { (tr.t("audit-col-record")) }
                    th scope="col" { (tr.t("audit-col-detail")) }
                } }
                tbody {
                    @for line in &lines {
                        tr {
                            td { (line.seq) }
                            td { (local_time_to_the_second(clock, line.at)) }
                            td { (line.username.clone().unwrap_or_else(|| tr.t("audit-system"))) }
                            td { (tr.t(&format!("audit-action-{}", line.action))) }
                            td { (line.record_kind) " " a href={ "/audit?record=" (line.record_id) } { code { (line.record_id) } } }
                            td { (line.detail) }
                        }
                    }
                }
            } }
        }
    };
    Ok(layout::page(tr, &current, &tr.t("audit-title"), "/audit", content))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// A manager marks a break-glass read as reviewed.
pub async fn reviewed(
    State(state): State<AppState>,
    current: Current,
    axum::extract::Path(id): axum::extract::Path<uuid::Uuid>,
    axum::Form(form): axum::Form<CsrfOnly>,
) -> Result<axum::response::Redirect, WebError> {
    current.check_csrf(&state, &form.csrf).await?;
    let app = state.app.clone();
    let actor = current.actor.clone();
    blocking(move || app.mark_break_glass_reviewed(&actor, id)).await??;
    Ok(axum::response::Redirect::to("/audit"))
}
