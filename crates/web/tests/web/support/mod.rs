//! Test support: a real Komek server on a loopback port with its own database, and a small
//! HTTP client that keeps cookies the way a browser does.

#![allow(dead_code)]

pub mod api;

use std::collections::HashMap;
use std::path::PathBuf;

use komek_app::instance::{self, Access};
use komek_app::{Actor, App, Settings};
use komek_domain::Role;
use komek_web::{AppState, WebConfig};

pub const PASSWORD: &str = "correct horse battery";

/// What a person keeps of an enrolled second factor: the app's secret, and unused recovery codes.
pub type Kept = (Vec<u8>, Vec<String>);

pub use komek_store::testing::BackEnd;

/// A running server. Dropping it stops the server and removes its data directory (and its
/// PostgreSQL database).
pub struct Server {
    pub base: String,
    pub app: App,
    /// Each enrolled user's authenticator secret and unused recovery codes, as a person would
    /// keep them on a phone and on paper.
    pub second_factors: std::sync::Mutex<HashMap<String, Kept>>,
    dir: PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _instance_lock: instance::DataDir,
    pub back_end: BackEnd,
    /// Dropped after the server stops.
    _postgres: Option<komek_store::testing::PostgresDb>,
}

impl Server {
    /// A server on a fresh database of the back end named, with one account per role
    /// (username = role code, password [`PASSWORD`]) in the head office.
    pub fn start(back_end: BackEnd) -> Self {
        Self::start_with(back_end, Settings::default())
    }

    pub fn start_with(back_end: BackEnd, settings: Settings) -> Self {
        let postgres = match back_end {
            BackEnd::Sqlite => None,
            BackEnd::Postgres => Some(komek_store::testing::PostgresDb::new().expect("a PostgreSQL server answers")),
        };
        let dir = std::env::temp_dir().join(format!("komek-web-test-{}", uuid::Uuid::now_v7().simple()));
        let url = postgres.as_ref().map(|db| db.url.as_str());
        let opened = instance::open(&dir, url, settings, Access::Exclusive).expect("open a test instance");
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
            second_factors: Default::default(),
            dir,
            shutdown: Some(tx),
            thread: Some(thread),
            _instance_lock: opened.data_dir,
            back_end,
            _postgres: postgres,
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

    /// The value of the first input named `name` (as the server escaped it).
    pub fn input_value(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start =
            self.body.find(&marker).unwrap_or_else(|| panic!("no input {name} in {}", self.body)) + marker.len();
        let end = self.body[start..].find('"').expect("a closed attribute") + start;
        self.body[start..end].to_owned()
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

    /// Sends a form with one file, as a browser's file upload does (`multipart/form-data`).
    pub fn post_file(&mut self, url: &str, fields: &[(&str, &str)], file_name: &str, content: &[u8]) -> Page {
        let boundary = format!("----komek{}", uuid::Uuid::now_v7().simple());
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let mut request = self
            .agent
            .post(url)
            .header("Cookie", &self.cookie_header())
            .header("Content-Type", &format!("multipart/form-data; boundary={boundary}"));
        if let Some(lang) = &self.accept_language {
            request = request.header("Accept-Language", lang);
        }
        let response = request.send(&body[..]).expect("the server answers");
        self.read(response)
    }

    /// Declares a multipart body of `length` bytes and sends none of it: what a browser meets
    /// when it starts sending a file larger than the route takes.
    pub fn post_declaring(&mut self, server: &Server, path: &str, length: usize) -> Page {
        use std::io::{BufRead, BufReader, Read, Write};
        let address = server.base.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        let lang = self.accept_language.clone().unwrap_or_default();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {}\r\nAccept-Language: {lang}\r\n\
             Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n",
            self.cookie_header()
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let status: u16 = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut headers: HashMap<String, Vec<String>> = HashMap::new();
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            let Some((name, value)) = line.trim_end().split_once(": ") else { break };
            headers.entry(name.to_ascii_lowercase()).or_default().push(value.to_owned());
        }
        let mut body = String::new();
        reader.read_to_string(&mut body).unwrap();
        Page { status, headers, body }
    }

    /// The password step of logging in, through the real form; returns the response of the POST.
    pub fn login_password(&mut self, server: &Server, username: &str, password: &str) -> Page {
        let form = self.get(&server.url("/login"));
        let csrf = form.csrf();
        self.post(&server.url("/login"), &[("username", username), ("password", password), ("csrf", &csrf)])
    }

    /// Logs in completely: the password, then (for roles that need it) enrolling an
    /// authenticator on the first login, or a code from it afterwards. Returns the password
    /// step's response.
    pub fn login(&mut self, server: &Server, username: &str, password: &str) -> Page {
        let page = self.login_password(server, username, password);
        if page.status == 303 {
            self.second_step(server, username);
        }
        page
    }

    /// Completes the second step if the session is waiting for it.
    pub fn second_step(&mut self, server: &Server, username: &str) {
        let page = self.get(&server.url("/login/second-factor"));
        match page.header("location") {
            Some("/login/enrol") => {
                let page = self.get(&server.url("/login/enrol"));
                let secret = secret_on(&page);
                let code = current_code(&secret, 0);
                let done = self.post(&server.url("/login/enrol"), &[("csrf", &page.csrf()), ("code", &code)]);
                assert_eq!(done.status, 200, "enrolment refused: {}", done.body);
                let codes = recovery_codes_on(&done);
                server.second_factors.lock().unwrap().insert(username.to_owned(), (secret, codes));
            }
            Some(_) => {}
            None => {
                let (secret, _) = server.second_factors.lock().unwrap()[username].clone();
                // The current code may have been used by a login a moment ago: then the next one.
                for ahead in [0, 1] {
                    let code = current_code(&secret, ahead);
                    let done =
                        self.post(&server.url("/login/second-factor"), &[("csrf", &page.csrf()), ("code", &code)]);
                    if done.status == 303 {
                        return;
                    }
                }
                let code = server.second_factors.lock().unwrap().get_mut(username).unwrap().1.pop().unwrap();
                let done = self.post(&server.url("/login/second-factor"), &[("csrf", &page.csrf()), ("code", &code)]);
                assert_eq!(done.status, 303, "second step refused: {}", done.body);
            }
        }
    }
}

/// The authenticator secret shown on the enrolment page.
pub fn secret_on(page: &Page) -> Vec<u8> {
    let start = page.body.find("<code id=\"secret\">").expect("the enrolment page shows the key") + 18;
    let end = start + page.body[start..].find("</code>").unwrap();
    komek_app::totp::base32_decode(&page.body[start..end]).expect("the key is base32")
}

/// The code an authenticator app shows now (or `ahead` steps later).
pub fn current_code(secret: &[u8], ahead: i64) -> String {
    let step = komek_app::totp::step_of(chrono::Utc::now().timestamp()) + ahead;
    format!("{:06}", komek_app::totp::code_at(secret, step as u64))
}

/// The recovery codes shown after enrolment.
pub fn recovery_codes_on(page: &Page) -> Vec<String> {
    page.body.split("<li><code>").skip(1).map(|s| s[..s.find("</code>").unwrap()].to_owned()).collect()
}

/// An active partner of the directory, of `kind`, serving everywhere, speaking Russian, with no
/// contacts: what a test adds before referring someone to it.
pub fn partner(name: &str, kind: &str, services: &[&str]) -> komek_domain::referrals::Partner {
    komek_domain::referrals::Partner {
        id: komek_domain::PartnerId::new(),
        name: name.into(),
        kind: kind.into(),
        country: "KZ".into(),
        regions: vec![],
        services: services.iter().map(|s| s.to_string()).collect(),
        languages: vec!["ru".into()],
        working_hours: "9–18".into(),
        active: true,
        contacts: None,
        updated_at: chrono::Utc::now(),
    }
}
