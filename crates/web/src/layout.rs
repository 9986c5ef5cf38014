//! The page shell every staff page shares: header, navigation by role, language switch,
//! and the error page. Plain HTML and one stylesheet; no script in the shell (the intake page
//! adds its own small one, which it works without).

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use komek_domain::Capability;
use maud::{DOCTYPE, Markup, html};

use crate::AppState;
use crate::i18n::{Lang, Tr};
use crate::session::Current;

/// The stylesheet's address carries the version, so browsers may cache it for long.
pub const STYLESHEET: &str = concat!("/static/app.css?v=", env!("CARGO_PKG_VERSION"));
/// The tab's icon.
const ICON: &str = concat!("/static/icon.svg?v=", env!("CARGO_PKG_VERSION"));

/// A work area in the navigation: its path, label and the capability that shows it.
pub struct Area {
    pub path: &'static str,
    pub label: &'static str,
    pub needs: Capability,
}

pub const AREAS: [Area; 8] = [
    Area { path: "/hotline", label: "nav-hotline", needs: Capability::RegisterAppeals },
    Area { path: "/cases", label: "nav-cases", needs: Capability::ViewCases },
    Area { path: "/parties", label: "nav-parties", needs: Capability::ViewCases },
    Area { path: "/referrals", label: "nav-referrals", needs: Capability::RegisterAppeals },
    Area { path: "/monitoring", label: "nav-monitoring", needs: Capability::ViewCases },
    Area { path: "/reports", label: "nav-reports", needs: Capability::ViewReports },
    Area { path: "/audit", label: "nav-audit", needs: Capability::ViewAudit },
    Area { path: "/admin", label: "nav-admin", needs: Capability::ManageAccounts },
];

fn document(lang: Lang, title: &str, tr: Tr<'_>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (tr.t("app-name")) }
                link rel="stylesheet" href=(STYLESHEET);
                link rel="icon" href=(ICON) type="image/svg+xml";
            }
            body { (body) }
        }
    }
}

/// A page for a logged-in staff member. `active` is the current area's path.
pub fn page(tr: Tr<'_>, current: &Current, title: &str, active: &str, content: Markup) -> Markup {
    let account = &current.session.account;
    let csrf = &current.session.csrf_token;
    let body = html! {
        a.skip href="#main" { (tr.t("skip-to-content")) }
        header.top {
            a.brand href="/" { (tr.t("app-name")) }
            nav aria-label=(tr.t("nav-dashboard")) {
                ul {
                    li { a href="/" aria-current=[(active == "/").then_some("page")] { (tr.t("nav-dashboard")) } }
                    @for area in AREAS.iter().filter(|a| current.actor.can(a.needs)) {
                        li { a href=(area.path) aria-current=[(active == area.path).then_some("page")] { (tr.t(area.label)) } }
                    }
                }
            }
            div.who {
                span { (tr.t_with("signed-in-as", "name", account.display_name.clone())) }
                " · " span { (tr.t(&format!("role-{}", account.role.code()))) }
                (language_form(tr, csrf))
                a href="/account/password" { (tr.t("nav-account")) }
                form.inline method="post" action="/logout" {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { (tr.t("logout")) }
                }
            }
        }
        main #main { (content) }
        footer { p { (tr.t("footer-safety")) } }
    };
    document(current.lang, title, tr, body)
}

/// The account's language switch (the page's language is the account's, so `tr.lang`).
fn language_form(tr: Tr<'_>, csrf: &str) -> Markup {
    html! {
        form.inline method="post" action="/account/language" {
            input type="hidden" name="csrf" value=(csrf);
            label for="language" { (tr.t("language-label")) }
            select #language name="language" {
                @for lang in Lang::ALL {
                    option value=(lang.code()) selected[lang == tr.lang] { (lang.native_name()) }
                }
            }
            button type="submit" { (tr.t("language-save")) }
        }
    }
}

/// A page for someone not logged in (the login page).
pub fn public_page(tr: Tr<'_>, title: &str, content: Markup) -> Markup {
    signing_in_page(tr, title, None, content)
}

/// A page of the sign-in steps. With a session (`csrf` given: the second step, the recovery
/// codes) the language switch is the account's own, so it does not lead back to the login form.
pub fn signing_in_page(tr: Tr<'_>, title: &str, csrf: Option<&str>, content: Markup) -> Markup {
    let body = html! {
        header.top {
            span.brand { (tr.t("app-name")) }
            @if let Some(csrf) = csrf {
                (language_form(tr, csrf))
            } @else {
                nav.languages aria-label=(tr.t("language-label")) {
                    ul {
                        @for lang in Lang::ALL {
                            li { a href={ "/login?lang=" (lang.code()) } lang=(lang.code()) aria-current=[(lang == tr.lang).then_some("true")] { (lang.native_name()) } }
                        }
                    }
                }
            }
        }
        main #main.narrow { (content) }
    };
    document(tr.lang, title, tr, body)
}

/// The page shown for any error to someone not signed in, in their language.
pub fn error_page(tr: Tr<'_>, message: &str) -> Markup {
    public_page(tr, &tr.t("error-title"), error_content(tr, message))
}

fn error_content(tr: Tr<'_>, message: &str) -> Markup {
    html! {
        h1 { (tr.t("error-title")) }
        p.error role="alert" { (message) }
        p { a href="/" { (tr.t("error-back")) } }
    }
}

/// What the error page says for a status.
fn error_message(tr: Tr<'_>, status: StatusCode) -> String {
    match status {
        StatusCode::NOT_FOUND => tr.t("error-not-found"),
        StatusCode::FORBIDDEN => tr.t("error-forbidden"),
        StatusCode::CONFLICT => tr.t("error-stale-form"),
        // Only an upload can be that large: say how large a file may be.
        StatusCode::PAYLOAD_TOO_LARGE => {
            tr.t_with("error-too-large", "megabytes", komek_domain::evidence::MAX_EVIDENCE_BYTES / (1024 * 1024))
        }
        s if s.is_client_error() => tr.t("error-bad-request"),
        _ => tr.t("error-internal"),
    }
}

/// Replaces the body of every error response that is not already a page: for a signed-in
/// staff member, a staff page with the menu (a refusal leaves them where they can go on), for
/// anyone else the public error page.
pub async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = crate::session::request_lang(request.headers());
    // What finding the session needs, kept for when the answer turns out to be an error.
    let (uri, headers) = (request.uri().clone(), request.headers().clone());
    let response = next.run(request).await;
    let status = response.status();
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        // Pages are already in the user's language; JSON (the health check) stays for machines.
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_page {
        return response;
    }
    let (mut parts, ()) = Request::new(()).into_parts();
    (parts.uri, parts.headers) = (uri, headers);
    if let Ok(current) =
        <Current as axum::extract::FromRequestParts<AppState>>::from_request_parts(&mut parts, &state).await
    {
        let tr = current.tr(&state);
        let content = error_content(tr, &error_message(tr, status));
        return (status, page(tr, &current, &tr.t("error-title"), "", content)).into_response();
    }
    let tr = crate::i18n::Tr { i18n: &state.i18n, lang };
    (status, error_page(tr, &error_message(tr, status))).into_response()
}
