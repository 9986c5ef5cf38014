//! Reports: the statistics the organisation publishes (the tables of its annual report, listed
//! in `komek_domain::reports`) for any period and office, as a page that works without script
//! and prints cleanly — each table with a chart drawn on the server beside it, the violations
//! found by district as a map — its public release as open data, and the dated exchange rates
//! its dollar figures use.

mod charts;
mod format;
mod map;
mod page;
mod public;
mod rates;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reports", get(page::show))
        .route("/reports/public", get(public::show))
        .route("/reports/rates", get(rates::show).post(rates::save))
}
