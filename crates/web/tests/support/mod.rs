//! Test support: a real Komek server on a loopback port with its own database, and a small
//! HTTP client that keeps cookies the way a browser does.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use komek_app::instance::{self, Access};
use komek_app::{Actor, App, Settings};
use komek_domain::Role;
use komek_web::{AppState, WebConfig};

pub const PASSWORD: &str = "correct horse battery";

/// A running server. Dropping it stops the server and removes its data directory.
pub struct Server {
    pub base: String,
    pub app: App,
    dir: PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _instance_lock: instance::DataDir,
}

impl Server {
    /// A server on a fresh SQLite data directory, with one account per role (username = role
    /// code, password [`PASSWORD`]) in the head office.
    pub fn start() -> Self {
        Self::start_with(Settings::default())
    }

    pub fn start_with(settings: Settings) -> Self {
        let dir = std::env::temp_dir().join(format!("komek-web-test-{}", uuid::Uuid::now_v7().simple()));
        let opened = instance::open(&dir, None, settings, Access::Exclusive).expect("open a test instance");
        let app = opened.app.clone();
        let hq = opened.first_start.as_ref().expect("a fresh instance").office.clone();
        for role in Role::ALL {
            let created = app
                .create_account(&Actor::System, role.code(), &format!("Test {}", role.code()), role, hq.id, "en")
                .unwrap();
            app.set_password_directly(&Actor::System, created.account.id, PASSWORD).unwrap();
        }
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let state = AppState::new(app.clone(), WebConfig::default());
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                komek_web::serve(state, listener, async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = addr_rx.recv().expect("the server reports its address");
        Self {
            base: format!("http://{addr}"),
            app,
            dir,
            shutdown: Some(tx),
            thread: Some(thread),
            _instance_lock: opened.data_dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A response, read whole.
pub struct Page {
    pub status: u16,
    pub headers: HashMap<String, Vec<String>>,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    /// The value of the first hidden `csrf` field.
    pub fn csrf(&self) -> String {
        let start = self.body.find("name=\"csrf\" value=\"").expect("the page has a CSRF field") + 19;
        self.body[start..start + 32].to_owned()
    }
}

/// A cookie-keeping client that does not follow redirects, so tests see each step.
pub struct Browser {
    agent: ureq::Agent,
    pub cookies: HashMap<String, String>,
    pub accept_language: Option<String>,
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    /// A browser whose user reads English (the tests' language unless they choose another).
    pub fn new() -> Self {
        let config = ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build();
        Self {
            agent: ureq::Agent::new_with_config(config),
            cookies: HashMap::new(),
            accept_language: Some("en".into()),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn read(&mut self, mut response: ureq::http::Response<ureq::Body>) -> Page {
        let mut headers: HashMap<String, Vec<String>> = HashMap::new();
        for (name, value) in response.headers() {
            headers.entry(name.as_str().to_owned()).or_default().push(value.to_str().unwrap_or("").to_owned());
        }
        for set in headers.get("set-cookie").cloned().unwrap_or_default() {
            let pair = set.split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() || set.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Page { status, headers, body }
    }

    pub fn get(&mut self, url: &str) -> Page {
        let mut request = self.agent.get(url).header("Cookie", &self.cookie_header());
        if let Some(lang) = &self.accept_language {
            request = request.header("Accept-Language", lang);
        }
        let response = request.call().expect("the server answers");
        self.read(response)
    }

    pub fn post(&mut self, url: &str, form: &[(&str, &str)]) -> Page {
        let mut request = self.agent.post(url).header("Cookie", &self.cookie_header());
        if let Some(lang) = &self.accept_language {
            request = request.header("Accept-Language", lang);
        }
        let response = request.send_form(form.iter().copied()).expect("the server answers");
        self.read(response)
    }

    /// Logs in through the real form; returns the final response of the POST.
    pub fn login(&mut self, server: &Server, username: &str, password: &str) -> Page {
        let form = self.get(&server.url("/login"));
        let csrf = form.csrf();
        self.post(&server.url("/login"), &[("username", username), ("password", password), ("csrf", &csrf)])
    }
}
