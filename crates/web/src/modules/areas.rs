//! Work areas whose pages come in later releases: each says plainly what it will do and
//! what is coming, behind the same access rules it will have, instead of a fake page.

use axum::extract::State;
use maud::{Markup, html};

use crate::AppState;
use crate::errors::WebError;
use crate::layout::{self, AREAS};
use crate::session::Current;

fn area_page(state: &AppState, current: &Current, key: &str, path: &str) -> Result<Markup, WebError> {
    let area = AREAS.iter().find(|a| a.path == path).expect("every area page is in the table");
    if !current.actor.can(area.needs) {
        return Err(WebError::Forbidden);
    }
    let tr = current.tr(state);
    let title = tr.t(&format!("module-{key}-title"));
    let content = html! {
        h1 { (title) }
        p { (tr.t(&format!("module-{key}-about"))) }
        section.coming {
            h2 { (tr.t("module-coming")) }
            p { (tr.t(&format!("module-{key}-coming"))) }
        }
    };
    Ok(layout::page(tr, current, &title, path, content))
}

macro_rules! area_handlers {
    ($($name:ident => $key:literal, $path:literal;)+) => {$(
        pub async fn $name(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
            area_page(&state, &current, $key, $path)
        }
    )+};
}

area_handlers! {
    monitoring => "monitoring", "/monitoring";
}
