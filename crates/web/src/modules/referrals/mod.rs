//! Referrals: the desk, and the referral network's directory of partners.

pub mod partners;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::{Markup, html};

use crate::AppState;
use crate::errors::WebError;
use crate::layout;
use crate::session::Current;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/referrals", get(desk))
        .route("/referrals/partners", get(partners::list))
        .route("/referrals/partners/new", get(partners::new_form).post(partners::add))
        .route("/referrals/partners/{id}", get(partners::show))
        .route("/referrals/partners/{id}/edit", get(partners::edit_form).post(partners::change))
}

/// The referral desk: where referrals are made and followed, and the directory.
async fn desk(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    if !komek_app::policy::partners::may_look_up(&current.actor) {
        return Err(WebError::Forbidden);
    }
    let tr = current.tr(&state);
    let title = tr.t("module-referrals-title");
    let content = html! {
        h1 { (title) }
        p { (tr.t("module-referrals-about")) }
        p { a.button href="/referrals/partners" { (tr.t("partners-title")) } }
        section.coming {
            h2 { (tr.t("module-coming")) }
            p { (tr.t("module-referrals-coming")) }
        }
    };
    Ok(layout::page(tr, &current, &title, "/referrals", content))
}
