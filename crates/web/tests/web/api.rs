//! The JSON API over real HTTP on loopback, as a program uses it: a per-user token, appeals,
//! persons and parties created, found, read and corrected, every kind of bad input answered
//! with the field named, and the same access rules and audit log as the pages.

use crate::support;

use komek_app::Actor;
use serde_json::{Value, json};
use support::api::{Answer, Client, account_id, audit_count, token_for};
use support::{BackEnd, Server};

fn husan() -> Value {
    json!({
        "profile": { "sex": "male", "citizenship": "UZ", "languages": ["uz", "ru"] },
        "identity": { "full_name": "Абдуллаев Хусан", "phones": ["+998 90 123 45 67"], "birth_date": "1986-03-21" }
    })
}

fn farm() -> Value {
    json!({ "kind": "company", "region": "turkistan", "district": "maktaaral",
            "identity": { "name": "ТОО «Агрофирма Береке»", "phones": ["+7 701 555 11 22"] } })
}

fn unpaid_wages(person: &str, party: &str) -> Value {
    json!({
        "received_at": "2008-10-14T10:30:00+05:00",
        "channel": "hotline-phone",
        "contact": "migrant",
        "person_id": person,
        "topics": ["wages-unpaid", "documents-taken"],
        "help": ["legal-consultation"],
        "sector": "agriculture",
        "work_region": "turkistan",
        "work_district": "maktaaral",
        "wage": { "amount_minor": 1_800_000, "currency": "KZT" },
        "notes": "Паспорт у бригадира",
        "follow_up_on": "2008-10-20",
        "outcome": "pending",
        "parties": [{ "party_id": party, "role": "employer" }]
    })
}

fn id_of(answer: &Answer) -> String {
    answer.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", answer.body)).to_owned()
}

fn requests_without_a_live_token_are_refused_and_refused_tokens_are_audited(back_end: BackEnd) {
    let server = Server::start(back_end);
    let none = Client::anonymous(&server).get("/api/v1/appeals");
    assert_eq!(none.status, 401);
    assert_eq!(none.body["error"], "unauthorized");
    assert!(none.message().contains("Authorization: Bearer"), "{}", none.message());
    assert_eq!(none.header("www-authenticate"), Some("Bearer realm=\"komek\""));
    assert_eq!(Client::with_token(&server, "komek_not-a-token").get("/api/v1/appeals").status, 401);

    let operator = account_id(&server, "hotline-operator");
    let made = server.app.create_api_token(&Actor::System, operator, "bot").unwrap();
    let client = Client::with_token(&server, &made.secret);
    assert_eq!(client.get("/api/v1/appeals").status, 200, "a role with a second factor is served by its token");
    server.app.revoke_api_token(&Actor::System, made.id).unwrap();
    assert_eq!(client.get("/api/v1/appeals").status, 401);

    let lawyer = Client::of(&server, "lawyer");
    assert_eq!(lawyer.get("/api/v1/appeals").status, 200);
    server.app.set_account_disabled(&Actor::System, account_id(&server, "lawyer"), true).unwrap();
    let disabled = lawyer.get("/api/v1/appeals");
    assert_eq!((disabled.status, disabled.body["error"].as_str()), (401, Some("unauthorized")));
    assert_eq!(audit_count(&server, "record_kind = 'api-token' AND action = 'login-failed'"), 3);
    // A session cookie is not an API credential.
    let cookie_only = Client::anonymous(&server);
    let answer = cookie_only.agent.get(server.url("/api/v1/appeals")).header("Cookie", "komek_session=x").call();
    assert_eq!(answer.unwrap().status().as_u16(), 401);
}

fn an_operator_registers_reads_lists_and_corrects_an_appeal(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    let person = operator.post("/api/v1/persons", &husan());
    assert_eq!(person.status, 201, "{}", person.body);
    let person_id = id_of(&person);
    let party = operator.post("/api/v1/parties", &farm());
    assert_eq!(party.status, 201, "{}", party.body);
    let party_id = id_of(&party);

    let created = operator.post("/api/v1/appeals", &unpaid_wages(&person_id, &party_id));
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["created"], true);
    let appeal_id = id_of(&created);
    assert_eq!(created.header("location"), Some(format!("/api/v1/appeals/{appeal_id}").as_str()));

    let read = operator.get(&format!("/api/v1/appeals/{appeal_id}"));
    assert_eq!(read.status, 200, "{}", read.body);
    let appeal = &read.body;
    assert_eq!(appeal["version"], 1);
    assert_eq!(appeal["received_at"], "2008-10-14T05:30:00Z", "stored in UTC");
    assert_eq!(appeal["follow_up_on"], "2008-10-20");
    assert_eq!(appeal["wage"], json!({ "amount_minor": 1_800_000, "currency": "KZT" }));
    assert_eq!(appeal["topics"], json!(["documents-taken", "wages-unpaid"]));
    assert_eq!(appeal["notes"], "Паспорт у бригадира");
    assert_eq!(appeal["parties"], json!([{ "party_id": party_id, "role": "employer" }]));
    assert_eq!(appeal["operator_id"], account_id(&server, "hotline-operator").to_string());

    let listed = operator.get(&format!(
        "/api/v1/appeals?from=2008-10-01&to=2008-10-31&topic=wages-unpaid&person={person_id}&sort=oldest"
    ));
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1);
    assert_eq!(listed.body["items"][0]["id"], appeal_id.as_str());
    assert_eq!(listed.body["more"], false);
    let november = operator.get("/api/v1/appeals?from=2008-11-01");
    assert!(november.body["items"].as_array().unwrap().is_empty());
    let by_party = operator.get(&format!("/api/v1/appeals?party={party_id}&outcome=pending"));
    assert_eq!(by_party.body["items"].as_array().unwrap().len(), 1);

    let mut corrected = unpaid_wages(&person_id, &party_id);
    corrected["version"] = json!(1);
    corrected["outcome"] = json!("advised");
    corrected["follow_up_on"] = Value::Null;
    let saved = operator.put(&format!("/api/v1/appeals/{appeal_id}"), &corrected);
    assert_eq!((saved.status, &saved.body["version"]), (200, &json!(2)), "{}", saved.body);
    let stale = operator.put(&format!("/api/v1/appeals/{appeal_id}"), &corrected);
    assert_eq!((stale.status, stale.body["error"].as_str()), (409, Some("conflict")));
    let read = operator.get(&format!("/api/v1/appeals/{appeal_id}"));
    assert_eq!((&read.body["outcome"], &read.body["version"]), (&json!("advised"), &json!(2)));
    assert_eq!(read.body["follow_up_on"], Value::Null);
    let mut no_version = corrected.clone();
    no_version.as_object_mut().unwrap().remove("version");
    let refused = operator.put(&format!("/api/v1/appeals/{appeal_id}"), &no_version);
    assert_eq!((refused.status, refused.fields()), (422, vec!["version"]));
    assert_eq!(operator.get(&format!("/api/v1/appeals/{}", uuid::Uuid::now_v7())).status, 404);
    assert_eq!(operator.get("/api/v1/appeals/not-an-id").status, 404);
}

fn a_retried_create_saves_the_appeal_once(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    let id = uuid::Uuid::now_v7().to_string();
    let body = json!({ "id": id, "channel": "walk-in", "contact": "relative", "topics": ["registration"],
                       "outcome": "advised" });
    let first = operator.post("/api/v1/appeals", &body);
    assert_eq!((first.status, &first.body["created"]), (201, &json!(true)), "{}", first.body);
    let saved = id_of(&first);
    assert_eq!(first.header("location"), Some(format!("/api/v1/appeals/{saved}").as_str()));
    let retried = operator.post("/api/v1/appeals", &body);
    assert_eq!((retried.status, &retried.body["created"]), (200, &json!(false)), "{}", retried.body);
    assert_eq!(retried.body["id"], saved.as_str());
    assert_eq!(operator.get("/api/v1/appeals").body["items"].as_array().unwrap().len(), 1);
    // The id sent is the sender's own: another user sending it saves an appeal of their own,
    // and so does one sending the id the first appeal is kept under — even from another
    // office, where the answer must not tell whether such an appeal exists.
    let psychologist = Client::of(&server, "psychologist");
    let other = psychologist.post("/api/v1/appeals", &body);
    assert_eq!((other.status, &other.body["created"]), (201, &json!(true)), "{}", other.body);
    assert_ne!(other.body["id"], saved.as_str());
    assert_eq!(operator.get(&format!("/api/v1/appeals/{saved}")).body["channel"], "walk-in", "the first is untouched");
    let away = server.app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    server
        .app
        .create_account(&Actor::System, "far", "Far", komek_domain::Role::HotlineOperator, away.id, "en")
        .unwrap();
    let far = Client::of(&server, "far");
    let mut taken = body.clone();
    taken["id"] = json!(saved);
    let mut free = body.clone();
    free["id"] = json!(uuid::Uuid::now_v7().to_string());
    let (taken, free) = (far.post("/api/v1/appeals", &taken), far.post("/api/v1/appeals", &free));
    assert_eq!((taken.status, &taken.body["created"]), (201, &json!(true)), "{}", taken.body);
    assert_eq!((free.status, &free.body["created"]), (201, &json!(true)), "{}", free.body);
    assert_eq!(far.get("/api/v1/appeals").body["items"].as_array().unwrap().len(), 2);
}

fn bad_values_are_refused_with_the_field_and_the_list_named(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    let appeal = |change: &dyn Fn(&mut Value)| {
        let mut body = json!({ "channel": "hotline-phone", "contact": "migrant", "topics": ["wages-unpaid"],
                               "outcome": "advised" });
        change(&mut body);
        operator.post("/api/v1/appeals", &body)
    };

    let unknown_topic = appeal(&|b| b["topics"] = json!(["wages"]));
    assert_eq!((unknown_topic.status, unknown_topic.fields()), (422, vec!["topics"]), "{}", unknown_topic.body);
    assert_eq!(unknown_topic.body["error"], "invalid");
    assert!(
        unknown_topic.message().contains(
            "unknown code \"wages\" in the list \"topic\" (codes shipped, besides those the organisation added: employment,"
        ),
        "{}",
        unknown_topic.message()
    );
    let negative = appeal(&|b| b["wage"] = json!({ "amount_minor": -100, "currency": "KZT" }));
    assert_eq!((negative.status, negative.fields()), (422, vec!["wage"]));
    assert!(negative.message().contains("wage: must not be negative"));
    let several = appeal(&|b| {
        b["channel"] = json!("pigeon");
        b["wage"] = json!({ "amount_minor": -1, "currency": "KZT" });
    });
    // Every problem at once: the record's own rules, then the organisation's lists.
    assert_eq!(several.fields(), vec!["wage", "channel"], "every problem at once");
    let currency = appeal(&|b| b["wage"] = json!({ "amount_minor": 100, "currency": "EUR" }));
    assert_eq!((currency.status, currency.fields()), (422, vec!["wage.currency"]));

    let impossible = appeal(&|b| b["follow_up_on"] = json!("2008-02-30"));
    assert_eq!((impossible.status, impossible.fields()), (400, vec!["follow_up_on"]), "{}", impossible.body);
    assert!(impossible.message().contains("\"2008-02-30\" is not a date (YYYY-MM-DD)"));
    let no_offset = appeal(&|b| b["received_at"] = json!("2008-10-14 10:30"));
    assert_eq!((no_offset.status, no_offset.fields()), (400, vec!["received_at"]));
    let born = operator.post("/api/v1/persons", &{
        let mut p = husan();
        p["identity"]["birth_date"] = json!("1990-13-01");
        p
    });
    assert_eq!((born.status, born.fields()), (400, vec!["identity.birth_date"]));
    let sex = operator.post("/api/v1/persons", &{
        let mut p = husan();
        p["profile"]["sex"] = json!("m");
        p
    });
    assert_eq!((sex.status, sex.fields()), (422, vec!["profile.sex"]));
    assert!(sex.message().contains("in the list \"sex\""), "{}", sex.message());
    let kind = operator.post("/api/v1/parties", &{
        let mut p = farm();
        p["kind"] = json!("cooperative");
        p
    });
    assert_eq!((kind.status, kind.fields()), (422, vec!["kind"]));

    let malformed = operator.send("POST", "/api/v1/appeals", "{\"channel\": ");
    assert_eq!((malformed.status, malformed.body["error"].as_str()), (400, Some("bad_request")));
    let misspelt = appeal(&|b| b["topic"] = json!("wages-unpaid"));
    assert_eq!(misspelt.status, 400);
    assert!(misspelt.message().contains("unknown field `topic`"), "{}", misspelt.message());
    let wrong_type = appeal(&|b| b["wage"] = json!({ "amount_minor": "18000", "currency": "KZT" }));
    assert!(wrong_type.status == 400 && wrong_type.message().contains("wage.amount_minor"), "{}", wrong_type.body);
    let bad_filter = operator.get("/api/v1/appeals?from=2008-02-30&sort=sideways&topic=wages");
    assert_eq!((bad_filter.status, bad_filter.fields()), (400, vec!["from", "sort"]));
    let unknown_filter_code = operator.get("/api/v1/appeals?topic=wages");
    assert_eq!((unknown_filter_code.status, unknown_filter_code.fields()), (422, vec!["topic"]));
    assert_eq!(operator.get("/api/v1/persons").fields(), vec!["q"]);
    assert!(operator.get("/api/v1/appeals").body["items"].as_array().unwrap().is_empty(), "nothing was saved");
}

/// Sends only the head of a request whose body is declared `length` bytes long and reads the
/// answer: the server refuses a body over its limit before reading any of it, and a client
/// still writing would meet a closed connection.
fn declared_body(server: &Server, token: &str, method: &str, path: &str, length: usize) -> Answer {
    use std::io::{BufRead, BufReader, Read, Write};
    let address = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status: u16 = line.split(' ').nth(1).unwrap().parse().unwrap();
    let mut headers = ureq::http::HeaderMap::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        let Some((name, value)) = line.trim_end().split_once(": ") else { break };
        headers.insert(
            ureq::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            ureq::http::HeaderValue::from_str(value).unwrap(),
        );
    }
    let length: usize = headers["content-length"].to_str().unwrap().parse().unwrap();
    let mut text = vec![0; length];
    reader.read_exact(&mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    Answer { status, headers, body }
}

fn a_body_too_large_or_not_json_is_refused_in_the_api_error_shape(back_end: BackEnd) {
    let server = Server::start(back_end);
    let token = token_for(&server, "hotline-operator");
    let operator = Client::with_token(&server, &token);
    for (method, path) in [("POST", "/api/v1/appeals"), ("PUT", "/api/v1/persons/0193a5b2-7c00-7000-8000-000000000001")]
    {
        let too_large = declared_body(&server, &token, method, path, 300 * 1024);
        assert_eq!((too_large.status, too_large.body["error"].as_str()), (413, Some("payload_too_large")), "{path}");
        assert_eq!(too_large.header("content-type"), Some("application/json"));
        assert!(too_large.message().contains("at most 256 KiB"), "{}", too_large.message());
        assert!(too_large.body["fields"].as_array().is_some_and(Vec::is_empty));
        let text = operator.send_as(method, path, "text/plain", "{}");
        assert_eq!((text.status, text.body["error"].as_str()), (415, Some("unsupported_media_type")), "{path}");
    }
    assert!(operator.get("/api/v1/appeals").body["items"].as_array().unwrap().is_empty(), "nothing was saved");
}

fn integers_written_with_a_point_are_whole_numbers_and_fractions_are_refused(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    let appeal = |amount: &str| {
        let body = format!(
            r#"{{"channel": "hotline-phone", "contact": "migrant", "topics": ["wages-unpaid"], "outcome": "advised",
                "wage": {{"amount_minor": {amount}, "currency": "KZT"}}}}"#
        );
        operator.send("POST", "/api/v1/appeals", &body)
    };
    let pointed = appeal("11128.0");
    assert_eq!(pointed.status, 201, "{}", pointed.body);
    let saved = operator.get(&format!("/api/v1/appeals/{}", pointed.body["id"].as_str().unwrap()));
    assert_eq!(saved.body["wage"]["amount_minor"], 11128);
    assert_eq!(appeal("1.1128e4").status, 201, "an exponent that leaves a whole number");
    for (amount, why) in [("11128.5", "not a whole number"), ("1e300", "not a whole number in range")] {
        let refused = appeal(amount);
        assert_eq!(refused.status, 400, "{amount}: {}", refused.body);
        assert!(
            refused.message().contains("wage.amount_minor") && refused.message().contains(why),
            "{}",
            refused.message()
        );
    }
    let person = operator.post("/api/v1/persons", &{
        let mut p = husan();
        p["identity"]["birth_year"] = json!(1986.0);
        p
    });
    assert_eq!(person.status, 201, "{}", person.body);
    let update = operator.put(&format!("/api/v1/persons/{}", person.body["id"].as_str().unwrap()), &{
        let mut p = husan();
        p["version"] = json!(1.0);
        p
    });
    assert_eq!(update.status, 200, "{}", update.body);
}

fn persons_are_created_found_read_and_corrected_only_within_reach(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let created = lawyer.post("/api/v1/persons", &husan());
    assert_eq!(created.status, 201, "{}", created.body);
    let id = id_of(&created);
    assert_eq!(created.header("location"), Some(format!("/api/v1/persons/{id}").as_str()));

    let found = lawyer.get("/api/v1/persons?q=Husan%20Abdullaev");
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(found.body["items"][0]["id"], id.as_str());
    assert_eq!(found.body["items"][0]["identity"]["full_name"], "Абдуллаев Хусан");
    let by_phone = lawyer.get("/api/v1/persons?q=%2B998901234567&limit=5");
    assert_eq!(by_phone.body["items"][0]["id"], id.as_str());

    let read = lawyer.get(&format!("/api/v1/persons/{id}"));
    assert_eq!(read.status, 200);
    assert_eq!(read.body["identity"]["birth_date"], "1986-03-21");
    assert_eq!(read.body["profile"]["languages"], json!(["uz", "ru"]));
    assert_eq!(read.body["version"], 1);

    let mut corrected = husan();
    corrected["version"] = json!(1);
    corrected["identity"]["other_spellings"] = json!(["Khusan Abdullaev"]);
    let saved = lawyer.put(&format!("/api/v1/persons/{id}"), &corrected);
    assert_eq!((saved.status, &saved.body["version"]), (200, &json!(2)), "{}", saved.body);
    assert_eq!(lawyer.put(&format!("/api/v1/persons/{id}"), &corrected).status, 409);
    assert_eq!(lawyer.get("/api/v1/persons?q=Khusan").body["items"][0]["id"], id.as_str());

    let analyst = Client::of(&server, "analyst");
    for answer in [
        analyst.get("/api/v1/persons?q=Husan"),
        analyst.get(&format!("/api/v1/persons/{id}")),
        analyst.post("/api/v1/persons", &husan()),
        analyst.get("/api/v1/appeals"),
        analyst.get("/api/v1/parties?q=Bereke"),
    ] {
        assert_eq!((answer.status, answer.body["error"].as_str()), (403, Some("forbidden")), "{}", answer.body);
    }

    // A person of another office is not there for the head office's lawyer.
    let app = &server.app;
    let away = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let colleague =
        app.create_account(&Actor::System, "dana", "Dana", komek_domain::Role::Lawyer, away.id, "en").unwrap().account;
    let theirs = Client::of(&server, "dana").post("/api/v1/persons", &{
        let mut p = husan();
        p["identity"]["full_name"] = json!("Каримов Рустам");
        p
    });
    assert_eq!(theirs.status, 201, "{}", theirs.body);
    let theirs = id_of(&theirs);
    assert_eq!(lawyer.get(&format!("/api/v1/persons/{theirs}")).status, 404);
    assert!(lawyer.get("/api/v1/persons?q=Karimov").body["items"].as_array().unwrap().is_empty());
    let mut edit = husan();
    edit["version"] = json!(1);
    assert_eq!(lawyer.put(&format!("/api/v1/persons/{theirs}"), &edit).status, 404);
    assert_eq!(Client::of(&server, "dana").get(&format!("/api/v1/persons/{theirs}")).status, 200);
    assert_eq!(colleague.username, "dana");
}

fn parties_are_created_found_read_and_corrected(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "mobile-consultant");
    let created = operator.post("/api/v1/parties", &farm());
    assert_eq!(created.status, 201, "{}", created.body);
    let id = id_of(&created);
    let found = operator.get("/api/v1/parties?q=Bereke");
    assert_eq!(found.body["items"][0]["id"], id.as_str(), "{}", found.body);
    let read = operator.get(&format!("/api/v1/parties/{id}"));
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["identity"]["name"], "ТОО «Агрофирма Береке»");
    assert_eq!((&read.body["version"], &read.body["district"]), (&json!(1), &json!("maktaaral")));

    let mut corrected = farm();
    corrected["version"] = json!(1);
    corrected["identity"]["name"] = json!("ТОО «Агрофирма Жулдыз»");
    corrected["identity"]["other_names"] = json!(["Береке"]);
    let saved = operator.put(&format!("/api/v1/parties/{id}"), &corrected);
    assert_eq!((saved.status, &saved.body["version"]), (200, &json!(2)), "{}", saved.body);
    let stale = operator.put(&format!("/api/v1/parties/{id}"), &corrected);
    assert_eq!(stale.status, 409);
    assert_eq!(operator.get("/api/v1/parties?q=Zhuldyz").body["items"][0]["id"], id.as_str());
    assert_eq!(operator.get(&format!("/api/v1/parties/{id}")).body["identity"]["name"], "ТОО «Агрофирма Жулдыз»");
}

fn api_reads_searches_and_changes_are_in_the_audit_log_as_the_token_user(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let me = account_id(&server, "lawyer").to_string();
    let mine = |action: &str, kind: &str| {
        audit_count(&server, &format!("account_id = '{me}' AND action = '{action}' AND record_kind = '{kind}'"))
    };
    let id = id_of(&lawyer.post("/api/v1/persons", &husan()));
    assert_eq!(mine("create", "person"), 1);
    let reads = mine("read", "person");
    assert_eq!(lawyer.get(&format!("/api/v1/persons/{id}")).status, 200);
    assert_eq!(mine("read", "person"), reads + 1, "reading the identity is recorded");
    // (Registering him searched too: for persons he might duplicate.)
    let searches = mine("search", "person");
    let found = lawyer.get("/api/v1/persons?q=Husan");
    assert_eq!(found.body["items"][0]["id"], id.as_str());
    assert_eq!(mine("search", "person"), searches + 1);
    assert_eq!(mine("read", "person"), reads + 1, "a search is one entry, not one more per identity shown");
    let named = format!("account_id = '{me}' AND action = 'search' AND detail LIKE '%shown%{id}%'");
    assert_eq!(audit_count(&server, &named), 1, "the search's entry names each identity it showed");
    let appeal = lawyer.post(
        "/api/v1/appeals",
        &json!({ "channel": "walk-in", "contact": "migrant", "topics": ["other"], "outcome": "advised",
                 "person_id": id, "notes": "x" }),
    );
    let appeal = id_of(&appeal);
    lawyer.get(&format!("/api/v1/appeals/{appeal}"));
    assert_eq!(mine("create", "appeal"), 1);
    assert_eq!(mine("read", "appeal"), 1, "the notes shown are recorded");
    let verdict = server.app.verify_audit(&Actor::System).unwrap();
    assert!(matches!(verdict, komek_app::audit::Verdict::Intact { .. }), "{verdict:?}");
}

fn the_document_describes_every_route_and_every_route_answers_in_json(back_end: BackEnd) {
    let server = Server::start(back_end);
    let anonymous = Client::anonymous(&server);
    let document = anonymous.get("/api/v1/openapi.json");
    assert_eq!(document.status, 200, "the document needs no token");
    assert_eq!(document.body["openapi"], "3.1.0");
    assert_eq!(document.body["info"]["title"], "Komek API");
    let paths = document.body["paths"].as_object().unwrap();
    for path in ["/api/v1/appeals", "/api/v1/appeals/{id}", "/api/v1/persons", "/api/v1/persons/{id}"] {
        assert!(paths.contains_key(path), "{path} is not documented");
    }
    assert!(paths.contains_key("/api/v1/parties") && paths.contains_key("/api/v1/parties/{id}"));
    let schemas = document.body["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas["MoneyDto"]["properties"]["amount_minor"]["type"], "integer");

    // Every documented operation is served (and refuses a request without a token).
    let any_id = uuid::Uuid::now_v7().to_string();
    for (path, item) in paths.iter().filter(|(p, _)| *p != "/api/v1/openapi.json") {
        let path = path.replace("{id}", &any_id);
        for method in item.as_object().unwrap().keys() {
            let answer = match method.as_str() {
                "get" => anonymous.get(&path),
                "post" => anonymous.send("POST", &path, "{}"),
                "put" => anonymous.send("PUT", &path, "{}"),
                other => panic!("undocumented method {other}"),
            };
            assert_eq!(answer.status, 401, "{method} {path}: {}", answer.body);
        }
    }

    // What the services enforce, stated in the document: codes as enums made from the
    // domain's lists (an editable list's as a pattern, naming the codes shipped), bounds from
    // its constants, 413 and 415 wherever a body is read.
    let schema = |name: &str| &schemas[name];
    for list in komek_domain::lookups::ALL {
        let described = match list.editable {
            true => format!(
                "A code of the organisation's list `{}`: the codes it ships with ({})",
                list.name,
                list.codes.join(", ")
            ),
            false => format!("A code of the list `{}`.", list.name),
        };
        let found = schemas.values().find(|s| s["description"].as_str().is_some_and(|d| d.starts_with(&described)));
        let found = found.unwrap_or_else(|| panic!("no schema of the list {} in the document", list.name));
        match list.editable {
            true => assert!(found["enum"].is_null() && found["pattern"].is_string(), "{}", list.name),
            false => assert_eq!(found["enum"], json!(list.codes), "{}", list.name),
        }
    }
    assert_eq!(schema("AppealInput")["properties"]["channel"]["$ref"], "#/components/schemas/ChannelCode");
    assert_eq!(schema("AppealInput")["properties"]["topics"]["items"]["$ref"], "#/components/schemas/TopicCode");
    assert_eq!(schema("AppealInput")["properties"]["topics"]["minItems"], 1);
    assert_eq!(schema("CaseInput")["properties"]["persons"]["minItems"], 1);
    assert_eq!(schema("CaseInput")["properties"]["persons"]["maxItems"], json!(komek_domain::limits::MAX_CASE_PERSONS));
    let short = json!(komek_domain::limits::MAX_SHORT_CHARS);
    assert_eq!(schema("IdentityInput")["properties"]["full_name"]["maxLength"], short);
    assert_eq!(schema("IdentityInput")["properties"]["phones"]["items"]["maxLength"], short);
    assert_eq!(schema("TaskInput")["properties"]["title"]["maxLength"], json!(komek_domain::limits::MAX_LINE_CHARS));
    assert_eq!(schema("MoneyDto")["properties"]["amount_minor"]["minimum"], 0);
    let months = &schema("ProceedingInput")["properties"]["sentence_months"];
    assert_eq!((&months["minimum"], &months["maximum"]), (&json!(1), &json!(360)), "{months}");
    assert_eq!(schema("MoneyDto")["properties"]["currency"]["$ref"], "#/components/schemas/CurrencyCode");
    let search = document.body["paths"]["/api/v1/persons"]["get"]["parameters"].as_array().unwrap();
    let q = search.iter().find(|p| p["name"] == "q").unwrap();
    assert_eq!((&q["required"], &q["schema"]["pattern"]), (&json!(true), &json!("\\S")), "{q}");
    let body_of =
        |path: &str, method: &str| &paths[path][method]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(body_of("/api/v1/persons/{id}", "put")["required"], json!(["version"]));
    assert_eq!(body_of("/api/v1/cases/{id}", "put")["properties"]["opened_on"]["type"], "null");
    assert_eq!(body_of("/api/v1/cases", "post")["properties"]["version"]["type"], "null");
    let mut bodies = 0;
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            // A query is read strictly (an unknown parameter is refused): that answer is documented.
            let queried = operation["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
            if queried {
                let answer = &operation["responses"]["400"]["content"]["application/json"]["schema"]["$ref"];
                assert_eq!(answer, "#/components/schemas/ErrorBody", "{method} {path} 400");
            }
            if operation.get("requestBody").is_none() {
                continue;
            }
            bodies += 1;
            for status in ["413", "415"] {
                let answer = &operation["responses"][status]["content"]["application/json"]["schema"]["$ref"];
                assert_eq!(answer, "#/components/schemas/ErrorBody", "{method} {path} {status}");
            }
        }
    }
    assert_eq!(bodies, 27, "every create, update, addition, step and merge");

    let unknown = anonymous.get("/api/v1/nothing");
    assert_eq!((unknown.status, unknown.body["error"].as_str()), (404, Some("not_found")));
    let wrong_method = anonymous.send("PUT", "/api/v1/appeals", "{}");
    assert_eq!((wrong_method.status, wrong_method.body["error"].as_str()), (405, Some("method_not_allowed")));
}

/// The records of one office that the access matrix tries to reach from outside.
struct Records {
    person: String,
    party: String,
    /// The same farm registered again, to be merged into `party`.
    duplicate_party: String,
    appeal: String,
    case: String,
    case_header: Value,
    proceeding: String,
    task: String,
    /// The person's consent, and a referral of theirs made from the case.
    consent: String,
    referral: String,
    /// A sensitive case, its own person, proceeding, task, consent and referral: out of reach
    /// even in its office.
    sensitive_case: String,
    sensitive_header: Value,
    sensitive_person: String,
    sensitive_proceeding: String,
    sensitive_task: String,
    sensitive_consent: String,
    sensitive_referral: String,
    /// A partner of the directory, which every office shares.
    partner: String,
    /// A monitoring visit of the head office, done, to the party.
    visit: String,
}

/// The records of one case that a route's path may name.
struct OnCase<'a> {
    case: &'a str,
    header: &'a Value,
    person: &'a str,
    proceeding: &'a str,
    task: &'a str,
    consent: &'a str,
    referral: &'a str,
}

/// The header of a case file, as an update sends it back at the version read.
fn case_header(file: &Value) -> Value {
    let mut body = json!({ "version": file["version"] });
    for field in ["kind", "status", "sensitive", "lead_id", "team", "persons", "parties", "summary"] {
        body[field] = file[field].clone();
    }
    body
}

/// A case opened by `lawyer` with a proceeding and a task; (case, header, proceeding, task).
fn case_with_parts(lawyer: &Client, person: &str, sensitive: bool) -> (String, Value, String, String) {
    let opened = lawyer.post(
        "/api/v1/cases",
        &json!({ "kind": "unpaid-wages", "status": "open", "sensitive": sensitive, "opened_on": "2008-10-15",
                 "persons": [{ "person_id": person }], "summary": "Не заплатили за сезон" }),
    );
    assert_eq!(opened.status, 201, "{}", opened.body);
    let case = id_of(&opened);
    let proceeding = lawyer.post(&format!("/api/v1/cases/{case}/proceedings"), &proceeding_body());
    assert_eq!(proceeding.status, 201, "{}", proceeding.body);
    let task =
        lawyer.post(&format!("/api/v1/cases/{case}/tasks"), &json!({ "title": "Позвонить", "due_on": "2008-10-30" }));
    assert_eq!(task.status, 201, "{}", task.body);
    let file = lawyer.get(&format!("/api/v1/cases/{case}"));
    (case, case_header(&file.body), id_of(&proceeding), id_of(&task))
}

/// The seed's raid on a farm, as a program sends it.
fn raid(party: &str) -> Value {
    json!({ "status": "done", "planned_on": "2008-09-16", "visited_on": "2008-09-16", "region": "turkistan",
            "district": "maktaaral", "place_kind": "cotton-field", "party_id": party,
            "people": { "total": 63, "women": 22, "men": 41, "minors": 11,
                        "citizenships": [{ "citizenship": "UZ", "people": 63 }] },
            "checks": [{ "item": "passports-held", "answer": "yes", "people": 20 },
                       { "item": "written-contracts", "answer": "no" }],
            "materials": [{ "kind": "leaflet", "language": "uz", "quantity": 60 }],
            "settlement": "Жетысай", "narrative": "Паспорта у бригадира" })
}

fn proceeding_body() -> Value {
    json!({ "kind": "criminal", "authority": "police", "articles": ["cc2014-128"], "stage": "complaint-filed",
            "opened_on": "2008-10-25", "notes": "КУИ 123" })
}

/// What the head office's lawyer keeps: a person, an employer, an appeal, an open case and a
/// sensitive case, each with a proceeding and a task.
fn head_office_records(lawyer: &Client, manager: &Client) -> Records {
    let partner = id_of(&manager.post(
        "/api/v1/partners",
        &json!({ "name": "ДП Туркестанской области", "kind": "police", "country": "KZ",
                 "contacts": { "focal_points": [{ "name": "Дежурный" }] } }),
    ));
    // Two consents for the investigation: the first to be withdrawn, the second for a referral
    // made from the case, which withdrawing the first leaves to be sent.
    let consent_and_referral = |person: &str, case: &str| {
        let consents: Vec<String> = (0..2)
            .map(|_| {
                let consent = lawyer.post(
                    &format!("/api/v1/persons/{person}/consents"),
                    &json!({ "given_on": "2008-10-14", "method": "signed-form",
                             "recipients": [{ "type": "partner", "value": partner }],
                             "purposes": ["investigation"], "categories": ["identity", "case-narrative"] }),
                );
                assert_eq!(consent.status, 201, "{}", consent.body);
                id_of(&consent)
            })
            .collect();
        let referral = lawyer.post(
            "/api/v1/referrals",
            &json!({ "person_id": person, "case_id": case, "partner_id": partner, "purpose": "investigation",
                     "urgency": "urgent", "fields": ["full-name", "case-summary"], "consent_id": consents[1],
                     "services": ["legal-consultation"], "made_on": "2008-11-01" }),
        );
        assert_eq!(referral.status, 201, "{}", referral.body);
        (consents[0].clone(), id_of(&referral))
    };
    let person = id_of(&lawyer.post("/api/v1/persons", &husan()));
    let party = id_of(&lawyer.post("/api/v1/parties", &farm()));
    let duplicate_party = id_of(&lawyer.post("/api/v1/parties", &farm()));
    let appeal = id_of(&lawyer.post("/api/v1/appeals", &unpaid_wages(&person, &party)));
    let (case, case_header, proceeding, task) = case_with_parts(lawyer, &person, false);
    let hidden = json!({ "profile": { "sex": "female", "citizenship": "UZ" },
                         "identity": { "full_name": "Каримова Дилноза", "birth_year": 1990 } });
    let sensitive_person = id_of(&lawyer.post("/api/v1/persons", &hidden));
    let (sensitive_case, sensitive_header, sensitive_proceeding, sensitive_task) =
        case_with_parts(lawyer, &sensitive_person, true);
    let (consent, referral) = consent_and_referral(&person, &case);
    let (sensitive_consent, sensitive_referral) = consent_and_referral(&sensitive_person, &sensitive_case);
    let visit = lawyer.post("/api/v1/visits", &raid(&party));
    assert_eq!(visit.status, 201, "{}", visit.body);
    let visit = id_of(&visit);
    Records {
        visit,
        consent,
        referral,
        sensitive_consent,
        sensitive_referral,
        partner,
        person,
        party,
        duplicate_party,
        appeal,
        case,
        case_header,
        proceeding,
        task,
        sensitive_case,
        sensitive_header,
        sensitive_person,
        sensitive_proceeding,
        sensitive_task,
    }
}

/// One request of the matrix: a route of the document with its path's ids and a body that
/// would be accepted within reach.
#[derive(Clone)]
struct Attempt {
    method: &'static str,
    path: String,
    body: Option<Value>,
}

/// Every documented route that names a record in its path, tried on the records given. A
/// route of the document missing here fails the test: every new route joins the matrix.
fn attempts_on(routes: &[(String, String)], r: &Records, on: &OnCase<'_>) -> Vec<Attempt> {
    let OnCase { case, header, person, proceeding, task, consent, referral } = *on;
    let mut out = Vec::new();
    for (method, template) in routes {
        if !template.contains('{') {
            continue;
        }
        let case_path = |rest: &str| format!("/api/v1/cases/{case}{rest}");
        let (path, body): (String, Option<Value>) = match (method.as_str(), template.as_str()) {
            // The directory of partners is the organisation's, shared by every office: no
            // partner is out of anyone's reach.
            (_, "/api/v1/partners/{id}") => continue,
            // The lists are the organisation's, and name no one.
            (_, "/api/v1/lookups/{list}") => continue,
            ("get", "/api/v1/persons/{id}/consents") => (format!("/api/v1/persons/{person}/consents"), None),
            ("post", "/api/v1/persons/{id}/consents") => (
                format!("/api/v1/persons/{person}/consents"),
                Some(json!({ "given_on": "2008-10-20", "method": "oral-with-witness",
                             "recipients": [{ "type": "kind", "value": "shelter" }],
                             "purposes": ["protection"], "categories": ["identity"] })),
            ),
            ("post", "/api/v1/consents/{id}/withdrawal") => {
                (format!("/api/v1/consents/{consent}/withdrawal"), Some(json!({ "on": "2008-11-02" })))
            }
            ("get", "/api/v1/referrals/{id}") => (format!("/api/v1/referrals/{referral}"), None),
            ("post", "/api/v1/referrals/{id}/steps") => (
                format!("/api/v1/referrals/{referral}/steps"),
                Some(json!({ "version": 1, "status": "sent", "on": "2008-11-03", "letter_lang": "ru" })),
            ),
            ("get", "/api/v1/cases/{id}/htcds") => {
                (case_path(&format!("/htcds?partner_id={}&purpose=investigation", r.partner)), None)
            }
            ("get", "/api/v1/appeals/{id}") => (format!("/api/v1/appeals/{}", r.appeal), None),
            ("put", "/api/v1/appeals/{id}") => {
                let mut body = unpaid_wages(&r.person, &r.party);
                body["version"] = json!(1);
                (format!("/api/v1/appeals/{}", r.appeal), Some(body))
            }
            ("get", "/api/v1/persons/{id}") => (format!("/api/v1/persons/{person}"), None),
            ("put", "/api/v1/persons/{id}") => {
                let mut body = husan();
                body["version"] = json!(1);
                (format!("/api/v1/persons/{person}"), Some(body))
            }
            ("get", "/api/v1/parties/{id}") => (format!("/api/v1/parties/{}", r.party), None),
            ("get", "/api/v1/parties/{id}/registry") => (format!("/api/v1/parties/{}/registry", r.party), None),
            ("put", "/api/v1/parties/{id}") => {
                let mut body = farm();
                body["version"] = json!(1);
                (format!("/api/v1/parties/{}", r.party), Some(body))
            }
            // Within reach, the update above (routes go in order) leaves the party at version 2.
            ("post", "/api/v1/parties/{id}/merge") => (
                format!("/api/v1/parties/{}/merge", r.party),
                Some(json!({ "duplicate": r.duplicate_party, "version": 2 })),
            ),
            ("get", "/api/v1/cases/{id}") => (case_path(""), None),
            ("put", "/api/v1/cases/{id}") => (case_path(""), Some(header.clone())),
            ("post", "/api/v1/cases/{id}/assessments") => (
                case_path("/assessments"),
                Some(json!({ "person_id": person, "catalogue": "ilo-2012-forced-labour",
                             "answers": [{ "indicator": "fl-ur-deceptive-recruitment", "answer": "yes",
                                           "source": "interview" }] })),
            ),
            ("post", "/api/v1/cases/{id}/services") => {
                (case_path("/services"), Some(json!({ "kind": "shelter", "delivered_on": "2008-11-03" })))
            }
            ("post", "/api/v1/cases/{id}/proceedings") => (case_path("/proceedings"), Some(proceeding_body())),
            ("put", "/api/v1/cases/{id}/proceedings/{proceeding_id}") => {
                let mut body = proceeding_body();
                body["version"] = json!(1);
                (case_path(&format!("/proceedings/{proceeding}")), Some(body))
            }
            ("post", "/api/v1/cases/{id}/tasks") => {
                (case_path("/tasks"), Some(json!({ "title": "Позвонить", "due_on": "2008-11-03" })))
            }
            ("put", "/api/v1/cases/{id}/tasks/{task_id}") => {
                (case_path(&format!("/tasks/{task}")), Some(json!({ "done": true })))
            }
            ("post", "/api/v1/cases/{id}/events") => (
                case_path("/events"),
                Some(json!({ "happened_on": "2008-09-01", "kind": "recruitment", "text": "Нанят" })),
            ),
            ("post", "/api/v1/cases/{id}/notes") => (case_path("/notes"), Some(json!({ "text": "Готов" }))),
            ("get", "/api/v1/visits/{id}") => (format!("/api/v1/visits/{}", r.visit), None),
            ("put", "/api/v1/visits/{id}") => {
                let mut body = raid(&r.party);
                body["version"] = json!(1);
                (format!("/api/v1/visits/{}", r.visit), Some(body))
            }
            (method, template) => panic!("{method} {template} is not in the access matrix: add it"),
        };
        let method = match method.as_str() {
            "get" => "GET",
            "post" => "POST",
            "put" => "PUT",
            other => panic!("no {other} in the matrix"),
        };
        out.push(Attempt { method, path, body });
    }
    out
}

/// Routes that name a record in their body rather than their path.
fn attempts_by_body(r: &Records, person: &str, appeal: &str) -> Vec<Attempt> {
    let mut appeal_about = unpaid_wages(person, &r.party);
    appeal_about["parties"] = json!([]);
    vec![
        Attempt { method: "POST", path: "/api/v1/appeals".into(), body: Some(appeal_about) },
        Attempt {
            method: "POST",
            path: "/api/v1/cases".into(),
            body: Some(json!({ "kind": "other", "status": "open", "sensitive": false,
                               "persons": [{ "person_id": person }] })),
        },
        Attempt {
            method: "POST",
            path: "/api/v1/cases/from-appeal".into(),
            body: Some(json!({ "appeal_id": appeal, "kind": "other" })),
        },
        Attempt {
            method: "POST",
            path: "/api/v1/referrals".into(),
            body: Some(json!({ "person_id": person, "partner_id": r.partner, "purpose": "investigation",
                               "urgency": "routine", "fields": ["full-name"], "consent_id": r.consent,
                               "services": ["legal-consultation"] })),
        },
        Attempt { method: "GET", path: format!("/api/v1/referrals?person={person}"), body: None },
        Attempt {
            method: "POST",
            path: "/api/v1/referrals/incoming".into(),
            body: Some(json!({ "partner_id": r.partner, "received_on": "2008-10-14", "purpose": "protection",
                               "services": ["shelter"], "urgency": "urgent", "person_id": person,
                               "opens": { "type": "appeal", "channel": "email", "topics": ["forced-labour-suspicion"] } })),
        },
    ]
}

impl Client<'_> {
    fn attempt(&self, attempt: &Attempt) -> Answer {
        match (attempt.method, &attempt.body) {
            ("GET", _) => self.get(&attempt.path),
            (method, Some(body)) => self.send(method, &attempt.path, &body.to_string()),
            (method, None) => self.send(method, &attempt.path, "{}"),
        }
    }
}

/// The same attempt with every id of `real` swapped for one nobody holds.
fn on_missing_records(attempt: &Attempt, real: &[&str]) -> (Attempt, Vec<(String, String)>) {
    let mut text = format!("{}\n{}", attempt.path, attempt.body.as_ref().map(Value::to_string).unwrap_or_default());
    let mut swapped = Vec::new();
    for id in real {
        let fresh = uuid::Uuid::now_v7().to_string();
        text = text.replace(id, &fresh);
        swapped.push((id.to_string(), fresh));
    }
    let (path, body) = text.split_once('\n').unwrap();
    let body = (!body.is_empty()).then(|| serde_json::from_str(body).unwrap());
    (Attempt { method: attempt.method, path: path.to_owned(), body }, swapped)
}

/// An answer with the ids of an attempt written as placeholders, to compare two answers.
fn answer_without(answer: &Answer, ids: &[(String, String)]) -> (u16, String) {
    let mut text = answer.body.to_string();
    for (i, (real, fresh)) in ids.iter().enumerate() {
        text = text.replace(real, &format!("<id{i}>")).replace(fresh, &format!("<id{i}>"));
    }
    (answer.status, text)
}

/// Every route of the API, for every actor to whom a record is out of reach, answers exactly
/// as for a record that does not exist, and the attempt reads nothing into the audit log.
fn records_out_of_reach_answer_exactly_like_records_that_do_not_exist_on_every_route(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let r = head_office_records(&lawyer, &Client::of(&server, "manager"));
    let document = lawyer.get("/api/v1/openapi.json");
    let mut routes = Vec::new();
    for (path, item) in document.body["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            routes.push((method.clone(), path.clone()));
        }
    }

    let away = server.app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    for (name, role) in
        [("far-lawyer", komek_domain::Role::Lawyer), ("far-operator", komek_domain::Role::HotlineOperator)]
    {
        server.app.create_account(&Actor::System, name, name, role, away.id, "en").unwrap();
    }
    // Another office: nothing of the head office is within reach. The head office's own
    // psychologist: the sensitive case (not on its team) and the person only it holds.
    let everything = [
        &r.person,
        &r.party,
        &r.duplicate_party,
        &r.appeal,
        &r.case,
        &r.proceeding,
        &r.task,
        &r.consent,
        &r.referral,
        &r.visit,
    ];
    let sensitive = [
        &r.sensitive_case,
        &r.sensitive_person,
        &r.sensitive_proceeding,
        &r.sensitive_task,
        &r.sensitive_consent,
        &r.sensitive_referral,
    ];
    let open_case = OnCase {
        case: &r.case,
        header: &r.case_header,
        person: &r.person,
        proceeding: &r.proceeding,
        task: &r.task,
        consent: &r.consent,
        referral: &r.referral,
    };
    let sensitive_case = OnCase {
        case: &r.sensitive_case,
        header: &r.sensitive_header,
        person: &r.sensitive_person,
        proceeding: &r.sensitive_proceeding,
        task: &r.sensitive_task,
        consent: &r.sensitive_consent,
        referral: &r.sensitive_referral,
    };
    let on_open_case = || attempts_on(&routes, &r, &open_case);
    let on_sensitive_case = || attempts_on(&routes, &r, &sensitive_case);
    let sensitive_only = |attempts: Vec<Attempt>| -> Vec<Attempt> {
        attempts.into_iter().filter(|a| sensitive.iter().any(|id| a.path.contains(id.as_str()))).collect()
    };
    let mut cases: Vec<(&str, Vec<Attempt>, Vec<&String>)> = vec![
        ("far-lawyer", on_open_case(), everything.to_vec()),
        ("far-lawyer", on_sensitive_case(), everything.iter().chain(&sensitive).copied().collect()),
        ("far-lawyer", attempts_by_body(&r, &r.person, &r.appeal), everything.to_vec()),
        ("far-operator", on_open_case(), everything.to_vec()),
        ("far-operator", attempts_by_body(&r, &r.person, &r.appeal), everything.to_vec()),
        ("psychologist", sensitive_only(on_sensitive_case()), sensitive.to_vec()),
        // (An appeal may name a victim of one's own office whose file is restricted: the
        // hotline is told such a person exists, and the case lead is told of the call.)
        ("psychologist", attempts_by_body(&r, &r.sensitive_person, &r.appeal)[1..2].to_vec(), sensitive.to_vec()),
    ];
    let all_ids: Vec<&String> = everything.iter().chain(&sensitive).copied().collect();
    let naming_them =
        format!("record_id IN ({})", all_ids.iter().map(|id| format!("'{id}'")).collect::<Vec<_>>().join(", "));
    let audit_before = audit_count(&server, &naming_them);
    let mut tried = 0;
    for (who, attempts, out_of_reach) in cases.drain(..) {
        let client = Client::of(&server, who);
        let real: Vec<&str> = out_of_reach.iter().map(|s| s.as_str()).collect();
        for attempt in &attempts {
            let (missing, swapped) = on_missing_records(attempt, &real);
            let there = client.attempt(attempt);
            let not_there = client.attempt(&missing);
            assert_eq!(
                answer_without(&there, &swapped),
                answer_without(&not_there, &swapped),
                "{:?}: {who} {} {} tells a record out of reach from one that does not exist",
                server.back_end,
                attempt.method,
                attempt.path
            );
            assert!(there.status >= 400, "{who} {} {}: {}", attempt.method, attempt.path, there.body);
            tried += 1;
        }
    }
    assert!(tried > 40, "only {tried} attempts");
    assert_eq!(audit_count(&server, &naming_them), audit_before, "nothing out of reach was read or written");

    // Within reach the same attempts are accepted: the refusals above were the reach's.
    let mut done = std::collections::HashSet::new();
    for attempt in on_open_case().iter().chain(&on_sensitive_case()) {
        if !done.insert((attempt.method, attempt.path.clone())) {
            continue;
        }
        let answer = lawyer.attempt(attempt);
        assert!(answer.status < 300, "{} {}: {} {}", attempt.method, attempt.path, answer.status, answer.body);
    }
}

fn a_person_who_looks_known_is_registered_only_when_the_program_confirms_it(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let first = id_of(&lawyer.post("/api/v1/persons", &husan()));
    // The same phone, another spelling: the form would ask; so does the API, naming him.
    let mut again = husan();
    again["identity"]["full_name"] = json!("Khusan Abdullaev");
    let refused = lawyer.post("/api/v1/persons", &again);
    assert_eq!((refused.status, refused.body["error"].as_str()), (409, Some("possible_duplicate")), "{}", refused.body);
    assert_eq!(refused.fields(), vec!["confirm_new_person"]);
    assert!(refused.message().contains(&first), "{}", refused.message());
    assert_eq!(
        lawyer.get("/api/v1/persons?q=Khusan").body["items"].as_array().map(Vec::len),
        Some(1),
        "nothing was saved"
    );
    // A body that could not be saved anyway is refused for what is wrong with it first.
    let mut broken = again.clone();
    broken["profile"]["home_region"] = json!("Джизак\u{0}");
    let refused = lawyer.post("/api/v1/persons", &broken);
    assert_eq!((refused.status, refused.fields()), (422, vec!["profile.home_region"]), "{}", refused.body);
    // A second phone of his, not the first, is found too.
    let mut by_second_phone = json!({ "profile": { "sex": "male", "citizenship": "KZ" },
                                      "identity": { "full_name": "Другой", "phones": ["+7 700 000 00 01",
                                                                                      "+998 90 123 45 67"] } });
    assert_eq!(lawyer.post("/api/v1/persons", &by_second_phone).status, 409);
    by_second_phone["confirm_new_person"] = json!(true);
    assert_eq!(lawyer.post("/api/v1/persons", &by_second_phone).status, 201);
    again["confirm_new_person"] = json!(true);
    let confirmed = lawyer.post("/api/v1/persons", &again);
    assert_eq!(confirmed.status, 201, "{}", confirmed.body);
    // Someone new is registered without being asked.
    let stranger = json!({ "profile": { "sex": "female", "citizenship": "KZ" }, "identity": { "full_name": "Сапарова Гульнара" } });
    assert_eq!(lawyer.post("/api/v1/persons", &stranger).status, 201);
}

komek_store::with_each_back_end!(
    records_out_of_reach_answer_exactly_like_records_that_do_not_exist_on_every_route,
    requests_without_a_live_token_are_refused_and_refused_tokens_are_audited,
    an_operator_registers_reads_lists_and_corrects_an_appeal,
    a_retried_create_saves_the_appeal_once,
    bad_values_are_refused_with_the_field_and_the_list_named,
    a_body_too_large_or_not_json_is_refused_in_the_api_error_shape,
    integers_written_with_a_point_are_whole_numbers_and_fractions_are_refused,
    persons_are_created_found_read_and_corrected_only_within_reach,
    parties_are_created_found_read_and_corrected,
    api_reads_searches_and_changes_are_in_the_audit_log_as_the_token_user,
    the_document_describes_every_route_and_every_route_answers_in_json,
    a_person_who_looks_known_is_registered_only_when_the_program_confirms_it,
);
