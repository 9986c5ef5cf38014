//! Static assets, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const APP_CSS: &str = include_str!("../../static/app.css");
const INTAKE_JS: &str = include_str!("../../static/intake.js");
const ICON_SVG: &str = include_str!("../../static/icon.svg");

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        APP_CSS,
    )
}

pub async fn intake_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        INTAKE_JS,
    )
}

/// The tab's icon, also where browsers look for it unasked (`/favicon.ico`): every browser
/// Komek supports takes an SVG there by its content type.
pub async fn icon() -> impl IntoResponse {
    (
        // Also asked for at an address without a version: kept a day, not a year.
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        ICON_SVG,
    )
}
