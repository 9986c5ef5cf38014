//! The first page after login: the figures of the day and the way into each work area.

use axum::extract::State;
use maud::{Markup, html};

use crate::errors::WebError;
use crate::layout::{self, AREAS};
use crate::session::Current;
use crate::{AppState, blocking};

pub async fn show(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let figures = blocking(move || app.dashboard(&actor, chrono::Utc::now())).await??;
    let tr = current.tr(&state);
    let all_offices = matches!(
        current.session.account.role,
        komek_domain::Role::Administrator | komek_domain::Role::Manager | komek_domain::Role::Analyst
    );
    let cards = [
        ("dashboard-appeals-today", figures.appeals_today),
        ("dashboard-appeals-month", figures.appeals_this_month),
        ("dashboard-appeals-year", figures.appeals_this_year),
        ("dashboard-open-cases", figures.open_cases),
        ("dashboard-my-follow-ups", figures.my_follow_ups_due),
    ];
    let content = html! {
        h1 { (tr.t("dashboard-title")) }
        p { (tr.t1("dashboard-welcome", "name", current.session.account.display_name.clone())) " "
            (tr.t(if all_offices { "dashboard-scope-all" } else { "dashboard-scope-office" })) }
        ul.figures {
            @for (label, value) in cards {
                li { span.value { (value) } " " span.label { (tr.t(label)) } }
            }
        }
        @if let Some(at) = figures.last_appeal_at {
            p { (tr.t1("dashboard-last-appeal", "date", at.format("%d.%m.%Y").to_string())) }
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
