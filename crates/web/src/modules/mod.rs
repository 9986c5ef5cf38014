//! The routes of every work area, gathered in one table.

mod admin;
mod assets;
mod audit;
mod auth;
mod break_glass;
mod cases;
mod dashboard;
mod health;
mod hotline;
mod lists;
mod monitoring;
mod parties;
mod persons;
mod referrals;
mod reports;
mod second_factor;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// The one route that takes large bodies (evidence files), with its own limits.
pub fn upload_routes() -> Router<AppState> {
    cases::upload_routes()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::show))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/login/second-factor", get(second_factor::form).post(second_factor::verify))
        .route("/login/enrol", get(second_factor::enrol_form).post(second_factor::enrol))
        .route("/logout", post(auth::logout))
        .route("/account/password", get(auth::password_form).post(auth::change_password))
        .route("/account/language", post(auth::set_language))
        .route("/account/logout-everywhere", post(auth::logout_everywhere))
        .route("/hotline", get(hotline::register::list))
        .route("/hotline/new", get(hotline::intake::new_form).post(hotline::intake::submit))
        .route("/hotline/candidates", post(hotline::intake::candidates))
        .route("/hotline/directory", post(hotline::directory::fragment))
        .route("/hotline/appeals/{id}", get(hotline::register::show))
        .route("/hotline/appeals/{id}/edit", get(hotline::intake::edit_form).post(hotline::intake::submit))
        .route("/hotline/appeals/{id}/open-case", post(hotline::register::open_case))
        .route("/persons/{id}", get(persons::show))
        .route("/persons/{id}/edit", get(persons::edit_form).post(persons::save))
        .route("/persons/{id}/merge", post(persons::merge))
        .route("/persons/{id}/break-glass", post(persons::break_glass))
        .route("/parties/{id}/break-glass", post(parties::break_glass))
        .route("/parties/{id}/edit", get(parties::edit_form).post(parties::save))
        .route("/parties/{id}/merge", get(parties::merge_page).post(parties::merge))
        .route("/parties/offenders", get(parties::offenders))
        .route("/parties/{id}", get(parties::show))
        .route("/parties", get(parties::search))
        .route("/admin", get(admin::accounts).post(admin::create))
        .route("/admin/accounts/{id}/{action}", post(admin::act))
        .route("/admin/offices/{id}", post(admin::save_office))
        .route("/admin/lists", get(lists::index))
        .route("/admin/lists/{list}", get(lists::list).post(lists::add))
        .route("/admin/lists/{list}/{code}", get(lists::code).post(lists::change))
        .route("/admin/articles", get(lists::articles).post(lists::add_article))
        .route("/admin/articles/{code}", get(lists::article).post(lists::change_article))
        .route("/audit", get(audit::log))
        .route("/audit/break-glass/{id}/reviewed", post(audit::reviewed))
        .route("/healthz", get(health::check))
        .route("/static/app.css", get(assets::stylesheet))
        .route("/static/intake.js", get(assets::intake_script))
        .route("/static/icon.svg", get(assets::icon))
        .route("/favicon.ico", get(assets::icon))
        .merge(cases::routes())
        .merge(reports::routes())
        .merge(referrals::routes())
        .merge(monitoring::routes())
        .fallback(crate::errors::not_found)
}
