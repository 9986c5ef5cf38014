//! The HTTP side of sessions: cookies, the logged-in user of a request, CSRF tokens.
//!
//! The session cookie holds a random token (HttpOnly, SameSite=Strict, Secure behind TLS);
//! the app crate keeps its hash and decides whether it is still alive. Every form that
//! changes something carries the session's CSRF token, checked before the service is called.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use komek_app::auth::Session;
use komek_app::{Actor, AppError};

use crate::errors::WebError;
use crate::i18n::{Lang, Tr};
use crate::{AppState, blocking};

pub const SESSION_COOKIE: &str = "komek_session";
pub const LANG_COOKIE: &str = "komek_lang";
/// Double-submit token of the login form, which has no session yet.
pub const LOGIN_COOKIE: &str = "komek_login";

/// The value of one cookie of the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with our fixed attributes. `max_age` of `None` makes a session cookie.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).expect("cookie names and values are ASCII tokens")
}

/// The language of a request before anyone has logged in: the remembered choice, else the
/// browser's preference.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE).and_then(Lang::parse).unwrap_or_else(|| {
        Lang::negotiate(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or(""))
    })
}

/// The client's address: the connecting one, or, when that is the trusted reverse proxy, the
/// last address the proxy added to `X-Forwarded-For` (earlier ones are the client's to forge).
pub fn client_address(
    headers: &HeaderMap,
    peer: std::net::IpAddr,
    trusted_proxy: Option<std::net::IpAddr>,
) -> std::net::IpAddr {
    if trusted_proxy != Some(peer) {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .next_back()
        .unwrap_or(peer)
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The logged-in staff member of a request. Extracting it redirects to the login page when
/// there is no live session, and to the password page while a one-time password is in use.
pub struct Current {
    pub session: Session,
    pub actor: Actor,
    pub lang: Lang,
    /// The request's path, for the audit of refused forms.
    pub path: String,
}

impl Current {
    pub fn tr<'a>(&self, state: &'a AppState) -> Tr<'a> {
        Tr { i18n: &state.i18n, lang: self.lang }
    }

    /// Refuses a form whose CSRF token is not this session's, and records the attempt.
    pub async fn check_csrf(&self, state: &AppState, submitted: &str) -> Result<(), WebError> {
        if same_secret(&self.session.csrf_token, submitted) {
            return Ok(());
        }
        let app = state.app.clone();
        let actor = self.actor.clone();
        let path = self.path.clone();
        blocking(move || app.record_refused_form(&actor, &path)).await??;
        Err(WebError::StaleForm)
    }
}

/// Pages a session may reach before the second step of sign-in is done.
pub const SECOND_STEP_PAGES: [&str; 4] = ["/login/second-factor", "/login/enrol", "/logout", "/account/language"];
/// Pages a user with a one-time password may still reach.
const ALLOWED_BEFORE_PASSWORD_CHANGE: [&str; 3] = ["/account/password", "/logout", "/account/language"];

impl FromRequestParts<AppState> for Current {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE).map(str::to_owned) else {
            return Err(Redirect::to("/login").into_response());
        };
        let app = state.app.clone();
        let session = match blocking(move || app.session(&token)).await.map_err(IntoResponse::into_response)? {
            Ok(session) => session,
            Err(AppError::SessionEnded) => {
                let clear = set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies);
                return Err(([(header::SET_COOKIE, clear)], Redirect::to("/login?ended=1")).into_response());
            }
            Err(e) => return Err(WebError::from(e).into_response()),
        };
        let path = parts.uri.path();
        if !session.second_factor_ok {
            if !SECOND_STEP_PAGES.contains(&path) {
                return Err(Redirect::to("/login/second-factor").into_response());
            }
        } else if session.account.must_change_password && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(&path) {
            return Err(Redirect::to("/account/password").into_response());
        }
        let lang = Lang::parse(&session.account.language).unwrap_or(Lang::Ru);
        let actor = Actor::Staff(session.account.clone());
        Ok(Self { session, actor, lang, path: parts.uri.path().to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; komek_lang=kk; komek_session=abc"));
        assert_eq!(cookie(&headers, "komek_session"), Some("abc"));
        assert_eq!(request_lang(&headers), Lang::Kk);
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn only_the_trusted_proxy_may_name_the_client() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("6.6.6.6, 203.0.113.7"));
        let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
        let client: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(client_address(&headers, proxy, Some(proxy)), client, "the proxy's own addition counts");
        assert_eq!(client_address(&headers, proxy, None), proxy, "without a trusted proxy the header is ignored");
        let stranger: std::net::IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(client_address(&headers, stranger, Some(proxy)), stranger);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
