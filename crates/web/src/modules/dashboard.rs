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
    let offset = chrono::FixedOffset::east_opt(5 * 3600).expect("UTC+5 is a valid offset");
    let today = chrono::Utc::now().with_timezone(&offset).date_naive();
    let figures = blocking(move || app.dashboard(&actor, today)).await??;
    let tr = current.tr(&state);
    let all_offices = matches!(
        current.session.account.role,
        komek_domain::Role::Administrator | komek_domain::Role::Manager | komek_domain::Role::Analyst
    );
    let cards = [
        ("dashboard-appeals-today", figures.appeals_today),
        ("dashboard-appeals-month", figures.appeals_this_month),
        ("dashboard-appeals-all", figures.appeals_all),
        ("dashboard-open-cases", figures.open_cases),
        ("dashboard-persons", figures.persons),
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
        h2 { (tr.t("dashboard-modules")) }
        ul.areas {
            @for area in AREAS.iter().filter(|a| current.actor.can(a.needs)) {
                li { a href=(area.path) { (tr.t(area.label)) } }
            }
        }
    };
    Ok(layout::page(tr, &current, &tr.t("dashboard-title"), "/", content))
}
