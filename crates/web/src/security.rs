//! Protections on every response: strict content security policy (no inline script or
//! style, nothing from other origins), no framing, no sniffing, no referrer; compression,
//! a request body limit and a timeout.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Largest request body: forms are small; evidence uploads have their own route and limit
/// (`modules::cases::upload_routes`).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Scripts only from our own files (never inline), fetches only to ourselves.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; \
     style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The body limit and time every route but an upload gets.
pub fn limits<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    with_limits(router, MAX_BODY_BYTES, crate::REQUEST_TIMEOUT)
}

/// A body limit and a time for the routes of `router`.
pub fn with_limits<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    max_body: usize,
    timeout: std::time::Duration,
) -> Router<S> {
    router
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::SERVICE_UNAVAILABLE, timeout))
}

pub fn layers(router: Router, secure: bool) -> Router {
    let headers: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
    ];
    let mut router = router.layer(CompressionLayer::new());
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    // Pages carry personal data, one-time passwords and recovery codes: never kept in a
    // browser's cache on a shared office computer. Static assets set their own caching.
    router = router
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    if secure {
        router = router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ));
    }
    router
}
