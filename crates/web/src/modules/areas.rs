//! Work areas whose pages come in later releases: each says plainly what it will do and
//! what is coming, behind the same access rules it will have, instead of a fake page.

use axum::extract::State;
use maud::{Markup, html};

use crate::AppState;
use crate::errors::WebError;
use crate::layout::{self, AREAS};
use crate::session::Current;

fn area_page(
    state: &AppState,
    current: &Current,
    key: &str,
    path: &str,
    extra: Option<Markup>,
) -> Result<Markup, WebError> {
    let area = AREAS.iter().find(|a| a.path == path).expect("every area page is in the table");
    if !current.actor.can(area.needs) {
        return Err(WebError::Forbidden);
    }
    let tr = current.tr(state);
    let title = tr.t(&format!("module-{key}-title"));
    let content = html! {
        h1 { (title) }
        p { (tr.t(&format!("module-{key}-about"))) }
        @if let Some(extra) = extra { (extra) }
        section.coming {
            h2 { (tr.t("module-coming")) }
            p { (tr.t(&format!("module-{key}-coming"))) }
        }
    };
    Ok(layout::page(tr, current, &title, path, content))
}

pub async fn hotline(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    let app = state.app.clone();
    let actor = current.actor.clone();
    let today = chrono::Utc::now().date_naive();
    let figures = crate::blocking(move || app.dashboard(&actor, today)).await??;
    let tr = current.tr(&state);
    let extra =
        html! { p { (tr.t1("module-records-now", "count", tr.t1("count-appeals", "count", figures.appeals_all))) } };
    area_page(&state, &current, "hotline", "/hotline", Some(extra))
}

macro_rules! area_handlers {
    ($($name:ident => $key:literal, $path:literal;)+) => {$(
        pub async fn $name(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
            area_page(&state, &current, $key, $path, None)
        }
    )+};
}

area_handlers! {
    cases => "cases", "/cases";
    parties => "parties", "/parties";
    referrals => "referrals", "/referrals";
    monitoring => "monitoring", "/monitoring";
    reports => "reports", "/reports";
    admin => "admin", "/admin";
}
