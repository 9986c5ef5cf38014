//! Komek's staff web application: server-rendered HTML that works with JavaScript off.
//!
//! Owns routing, sessions and CSRF at the HTTP edge, translations, the page layout, and one
//! module per area of work (`modules/`), each with its routes and pages side by side.
//! Must not reach the store: every handler parses, calls one service of `komek-app`
//! (off the async threads, the services block), and renders.

mod api;
mod directory;
mod errors;
mod fields;
mod forms;
pub mod i18n;
mod layout;
mod modules;
mod security;
mod session;
mod uploads;
mod widgets;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use komek_app::App;
use tokio::net::TcpListener;

pub use i18n::{I18n, Lang};

/// How the web layer behaves; everything else is in the app's settings.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` and send HSTS: set when Komek is served over TLS (directly or
    /// behind a proxy).
    pub secure_cookies: bool,
    /// The reverse proxy in front of Komek, whose `X-Forwarded-For` names the real client
    /// (for throttling and the audit log). Without it the connecting address is the client.
    pub trusted_proxy: Option<std::net::IpAddr>,
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub i18n: Arc<I18n>,
    pub config: WebConfig,
}

impl AppState {
    pub fn new(app: App, config: WebConfig) -> Self {
        // The organisation's lists are read now, so that the first page shows them; on a thread
        // of its own, as the database driver may not block a thread that runs async tasks.
        let read = std::thread::scope(|scope| scope.spawn(|| app.lookups().map(drop)).join());
        if let Ok(Err(error)) = read {
            tracing::error!(%error, "the organisation's lists could not be read; the shipped ones are shown");
        }
        let i18n = Arc::new(I18n::with_lists(app.lookup_cache()));
        Self { app, i18n, config }
    }
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    let secure = state.config.secure_cookies;
    let routes = security::limits(modules::routes())
        .merge(modules::upload_routes())
        .layer(axum::middleware::from_fn_with_state(state.clone(), layout::render_errors))
        .merge(api::routes())
        .with_state(state);
    security::layers(routes, secure)
}

/// Serves until `shutdown` completes.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}

/// Runs a blocking service call on the blocking pool, so that database and Argon2 work never
/// stalls the threads serving other requests.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, errors::WebError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| errors::WebError::Internal(format!("a service call panicked: {e}")))
}

/// How long a request may take before the client is told to try again.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
