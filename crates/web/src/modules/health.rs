//! `/healthz`: whether the server can reach its database, for monitors and load balancers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::{AppState, blocking};

pub async fn check(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let app = state.app.clone();
    match blocking(move || app.health()).await {
        Ok(Ok(())) => (StatusCode::OK, Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))),
        _ => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "database unavailable" }))),
    }
}
