//! The first page after login: the figures of the day and the way into each work area.

use axum::extract::State;
use maud::{Markup, html};

use komek_domain::{Capability, lookups};

use crate::errors::WebError;
use crate::layout::{self, AREAS};
use crate::session::Current;
use crate::widgets::{day, local_time};
use crate::{AppState, blocking};

/// Follow-ups listed on the first page; the rest are one click away in the register.
const FOLLOW_UPS_SHOWN: i64 = 10;
/// Tasks listed on the first page, soonest due first.
const TASKS_SHOWN: i64 = 15;

pub async fn show(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (figures, follow_ups, (tasks, visit_tasks), overdue, clock) = blocking(move || -> komek_app::AppResult<_> {
        let follow_ups = if actor.can(Capability::RegisterAppeals) {
            app.my_follow_ups(&actor, FOLLOW_UPS_SHOWN)?
        } else {
            Vec::new()
        };
        let (tasks, overdue) = if actor.can(Capability::ViewCases) {
            let tasks = (app.my_tasks(&actor, TASKS_SHOWN)?, app.my_visit_tasks(&actor, TASKS_SHOWN)?);
            (tasks, Some(app.overdue_tasks(&actor)?))
        } else {
            ((Vec::new(), Vec::new()), None)
        };
        Ok((app.dashboard(&actor, chrono::Utc::now())?, follow_ups, tasks, overdue, app.office_clock(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let all_offices = current.actor.sees_all_offices();
    let cards = [
        ("dashboard-appeals-today", figures.appeals_today),
        ("dashboard-appeals-month", figures.appeals_this_month),
        ("dashboard-appeals-year", figures.appeals_this_year),
        ("dashboard-open-cases", figures.open_cases),
        ("dashboard-my-follow-ups", figures.my_follow_ups_due),
    ];
    let content = html! {
        h1 { (tr.t("dashboard-title")) }
        p { (tr.t_with("dashboard-welcome", "name", current.session.account.display_name.clone())) " "
            (tr.t(if all_offices { "dashboard-scope-all" } else { "dashboard-scope-office" })) }
        ul.figures {
            @for (label, value) in cards {
                li { span.value { (value) } " " span.label { (tr.t(label)) } }
            }
        }
        @if figures.replies_overdue > 0 {
            p #overdue-replies { a href="/referrals" { (tr.t_with("dashboard-replies-overdue", "count", figures.replies_overdue)) } }
        }
        @if let Some(overdue) = overdue {
            @let message = if overdue.more { "dashboard-overdue-tasks-more" } else { "dashboard-overdue-tasks" };
            p #overdue-tasks { a href="/cases?status=&overdue=1" { (tr.t_with(message, "count", overdue.count)) } }
        }
        @if !tasks.is_empty() {
            section.tasks #my-tasks {
                h2 { (tr.t("dashboard-my-tasks")) }
                ul {
                    @for t in &tasks {
                        li.overdue[t.overdue] {
                            a href={ "/cases/" (t.task.record) "#tasks" } { (day(t.task.due_on)) " · " (t.case_number) }
                            " · " (t.task.title)
                        }
                    }
                }
            }
        }
        @if !visit_tasks.is_empty() {
            section.tasks #my-visit-tasks {
                h2 { (tr.t("dashboard-my-visit-tasks")) }
                ul {
                    @for t in &visit_tasks {
                        li.overdue[t.overdue] {
                            a href={ "/monitoring/" (t.task.record) "#tasks" } {
                                (day(t.task.due_on)) " · " (tr.lookup(lookups::DISTRICT, &t.district)) ", "
                                (tr.lookup(lookups::PLACE_KIND, &t.place_kind)) " " (day(t.visit_day))
                            }
                            " · " (t.task.title)
                        }
                    }
                }
            }
        }
        @if let Some(at) = figures.last_appeal_at {
            p { (tr.t_with("dashboard-last-appeal", "date", local_time(clock, at))) }
        }
        @if !follow_ups.is_empty() {
            section.follow-ups {
                h2 { (tr.t("dashboard-follow-ups")) }
                ul {
                    @for a in &follow_ups {
                        li {
                            a href={ "/hotline/appeals/" (a.id) } { (a.follow_up_on.map(day).unwrap_or_default()) }
                            " · " (a.topics.iter().map(|t| tr.lookup(lookups::TOPIC, t)).collect::<Vec<_>>().join(", "))
                        }
                    }
                }
                @if figures.my_follow_ups_due > follow_ups.len() as i64 {
                    p { a href="/hotline?mine=1&follow_up=due&sort=follow-up" { (tr.t("dashboard-all-follow-ups")) } }
                }
            }
        }
        h2 { (tr.t("dashboard-modules")) }
        ul.areas {
            @for area in AREAS.iter().filter(|a| current.actor.can(a.needs)) {
                li { a href=(area.path) { (tr.t(area.label)) } }
            }
        }
    };
    Ok(layout::page(tr, &current, &tr.t("dashboard-title"), "/", content))
}
