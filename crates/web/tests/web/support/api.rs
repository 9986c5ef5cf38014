//! A program calling the JSON API: a client holding one account's token (or none), and its
//! answers read as JSON.

use komek_app::Actor;
use serde_json::Value;

use super::Server;

/// A response, its body read as JSON.
pub struct Answer {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The fields an error answer names.
    pub fn fields(&self) -> Vec<&str> {
        self.body["fields"]
            .as_array()
            .map(|f| f.iter().filter_map(|p| p["field"].as_str()).collect())
            .unwrap_or_default()
    }

    pub fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or("")
    }

    /// The id of what was created.
    pub fn id(&self) -> String {
        self.body["id"].as_str().unwrap_or_else(|| panic!("no id in ({}) {}", self.status, self.body)).to_owned()
    }

    /// Refused with `status`, naming `field`.
    #[track_caller]
    pub fn refused(&self, status: u16, field: &str) {
        assert_eq!(self.status, status, "{field}: {}", self.body);
        assert!(self.fields().contains(&field), "{field} is named: {}", self.body);
    }
}

/// A program calling the API, with or without a token.
pub struct Client<'a> {
    pub server: &'a Server,
    pub agent: ureq::Agent,
    pub token: Option<String>,
}

impl<'a> Client<'a> {
    pub fn anonymous(server: &'a Server) -> Self {
        // A fresh connection per request: a refusal sent before a request's body is read ends
        // that connection, and a pooled one could be reused just as the server closes it.
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_idle_connections_per_host(0)
            .build();
        Self { server, agent: ureq::Agent::new_with_config(config), token: None }
    }

    /// A client holding a fresh token of the account named `username`.
    pub fn of(server: &'a Server, username: &str) -> Self {
        Self { token: Some(token_for(server, username)), ..Self::anonymous(server) }
    }

    pub fn with_token(server: &'a Server, token: &str) -> Self {
        Self { token: Some(token.to_owned()), ..Self::anonymous(server) }
    }

    pub fn read(mut response: ureq::http::Response<ureq::Body>) -> Answer {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        Answer { status, headers, body }
    }

    pub fn get(&self, path: &str) -> Answer {
        let mut request = self.agent.get(self.server.url(path));
        if let Some(token) = &self.token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        Self::read(request.call().expect("the server answers"))
    }

    pub fn send(&self, method: &str, path: &str, body: &str) -> Answer {
        self.send_as(method, path, "application/json", body)
    }

    pub fn send_as(&self, method: &str, path: &str, content_type: &str, body: &str) -> Answer {
        let url = self.server.url(path);
        let mut request = match method {
            "POST" => self.agent.post(url),
            "PUT" => self.agent.put(url),
            other => panic!("no {other} in these tests"),
        }
        .header("Content-Type", content_type);
        if let Some(token) = &self.token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        Self::read(request.send(body).expect("the server answers"))
    }

    pub fn post(&self, path: &str, body: &Value) -> Answer {
        self.send("POST", path, &body.to_string())
    }

    pub fn put(&self, path: &str, body: &Value) -> Answer {
        self.send("PUT", path, &body.to_string())
    }
}

pub fn account_id(server: &Server, username: &str) -> komek_domain::AccountId {
    server.app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == username).unwrap().id
}

pub fn token_for(server: &Server, username: &str) -> String {
    server.app.create_api_token(&Actor::System, account_id(server, username), "test").unwrap().secret
}

/// How many audit entries meet `sql_condition`.
pub fn audit_count(server: &Server, sql_condition: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM audit_log WHERE {sql_condition}");
    server.app.store().read(|tx| tx.query_i64(&sql, &[])).unwrap()
}
