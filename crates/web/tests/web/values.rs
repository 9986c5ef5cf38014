//! Values the API and the forms must refuse, over real HTTP on loopback: amounts past their
//! ceiling, control characters in any text, days written any way but YYYY-MM-DD, moments in
//! the future, age bands not in the list, and lists and texts without bound. Each refusal names
//! its field (422, or 400 for what cannot be read as a day at all) and saves nothing.

use crate::support;

use serde_json::{Value, json};
use support::api::Client;
use support::{BackEnd, Browser, PASSWORD, Page, Server};

fn count(server: &Server, sql: &str) -> i64 {
    server.app.store().read(|tx| tx.query_i64(sql, &[])).unwrap()
}

/// A person registered again and again on purpose: each time confirmed as new.
fn person() -> Value {
    json!({
        "profile": { "sex": "male", "citizenship": "UZ", "age_band": "30-38", "home_region": "Джизак" },
        "identity": { "full_name": "Абдуллаев Хусан", "phones": ["+998 90 123 45 67"] },
        "confirm_new_person": true
    })
}

fn appeal() -> Value {
    json!({
        "received_at": "2008-10-14T10:30:00+05:00",
        "channel": "hotline-phone",
        "contact": "migrant",
        "topics": ["wages-unpaid"],
        "wage": { "amount_minor": 1_800_000, "currency": "KZT" },
        "notes": "Паспорт у бригадира.\nПерезвонить вечером.",
        "outcome": "pending"
    })
}

/// `base` with `value` at the place `path` names (`a.b`).
fn with(base: &Value, path: &str, value: Value) -> Value {
    let mut copy = base.clone();
    let mut at = &mut copy;
    for part in path.split('.') {
        at = &mut at[part];
    }
    *at = value;
    copy
}

/// A lawyer's case about Husan, opened through the API; its path, and Husan's id.
fn a_case(lawyer: &Client) -> (String, String) {
    let person = lawyer.post("/api/v1/persons", &person());
    assert_eq!(person.status, 201, "{}", person.body);
    let case = lawyer.post(
        "/api/v1/cases",
        &json!({ "kind": "forced-labour", "status": "open", "sensitive": false,
                 "persons": [{ "person_id": person.id() }], "recruited_at": "Джизак" }),
    );
    assert_eq!(case.status, 201, "{}", case.body);
    (format!("/api/v1/cases/{}", case.id()), person.id())
}

fn an_amount_past_its_ceiling_is_refused_naming_the_field(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let huge = json!({ "amount_minor": i64::MAX, "currency": "KZT" });
    lawyer.post("/api/v1/appeals", &with(&appeal(), "wage", huge.clone())).refused(422, "wage");
    // Just past the ceiling of a monthly wage in tenge, and just under it.
    let past = json!({ "amount_minor": 10_000_000_001i64, "currency": "KZT" });
    let answer = lawyer.post("/api/v1/appeals", &with(&appeal(), "wage", past));
    answer.refused(422, "wage");
    assert!(
        answer.body["message"].as_str().unwrap().contains("at most 10000000000 minor units of KZT"),
        "{}",
        answer.body
    );
    let under = json!({ "amount_minor": 10_000_000_000i64, "currency": "KZT" });
    assert_eq!(lawyer.post("/api/v1/appeals", &with(&appeal(), "wage", under)).status, 201);
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 1);

    let (case, _) = a_case(&lawyer);
    let service = json!({ "kind": "wage-recovery", "delivered_on": "2008-11-03", "provider": "us",
                          "amount_claimed": huge, "amount_recovered": { "amount_minor": 100, "currency": "KZT" } });
    lawyer.post(&format!("{case}/services"), &service).refused(422, "amount_claimed");
    let recovered = with(&with(&service, "amount_claimed", Value::Null), "amount_recovered", huge.clone());
    lawyer.post(&format!("{case}/services"), &recovered).refused(422, "amount_recovered");
    let fined = json!({ "kind": "criminal", "authority": "court", "stage": "decided", "opened_on": "2008-11-01",
                        "outcome": "fine", "fine": huge });
    lawyer.post(&format!("{case}/proceedings"), &fined).refused(422, "fine");
    assert_eq!(count(&server, "SELECT count(*) FROM services"), 0);
    assert_eq!(count(&server, "SELECT count(*) FROM proceedings"), 0);
}

fn a_nul_in_free_text_is_refused_naming_the_field(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    for (path, field) in [
        ("profile.home_region", "profile.home_region"),
        ("profile.age_band", "profile.age_band"),
        ("identity.full_name", "identity.full_name"),
        ("identity.notes", "identity.notes"),
    ] {
        let value = json!(format!("Джизак\u{0}{path}"));
        lawyer.post("/api/v1/persons", &with(&person(), path, value)).refused(422, field);
    }
    let phones = json!(["+998 90 123 45 67\u{0}"]);
    lawyer.post("/api/v1/persons", &with(&person(), "identity.phones", phones)).refused(422, "identity.phones");
    lawyer.post("/api/v1/appeals", &with(&appeal(), "notes", json!("a\u{0}b"))).refused(422, "notes");
    let party = json!({ "kind": "company", "identity": { "name": "Береке\u{0}" } });
    lawyer.post("/api/v1/parties", &party).refused(422, "identity.name");

    let (case, husan) = a_case(&lawyer);
    let header = json!({ "kind": "forced-labour", "status": "open", "sensitive": false,
                         "persons": [{ "person_id": husan }] });
    lawyer.post("/api/v1/cases", &with(&header, "recruited_at", json!("Джизак\u{0}"))).refused(422, "recruited_at");
    lawyer.post("/api/v1/cases", &with(&header, "exploited_place", json!("farm\u{0}"))).refused(422, "exploited_place");
    lawyer.post("/api/v1/cases", &with(&header, "summary", json!("\u{0}"))).refused(422, "summary");
    let service = json!({ "kind": "legal-consultation", "delivered_on": "2008-11-03", "provider": "ТОО\u{0}Заң" });
    lawyer.post(&format!("{case}/services"), &service).refused(422, "provider");
    let result = json!({ "kind": "legal-consultation", "delivered_on": "2008-11-03", "provider": "us",
                         "result": "\u{1b}[2J" });
    lawyer.post(&format!("{case}/services"), &result).refused(422, "result");
    lawyer
        .post(&format!("{case}/tasks"), &json!({ "title": "Позвонить\u{0}", "due_on": "2008-10-30" }))
        .refused(422, "title");
    lawyer.post(&format!("{case}/notes"), &json!({ "text": "\u{0}" })).refused(422, "text");

    // A line break is refused where the text is one line, and kept where it is many.
    let two_lines = with(&person(), "identity.full_name", json!("Абдуллаев\nХусан"));
    lawyer.post("/api/v1/persons", &two_lines).refused(422, "identity.full_name");
    let notes = with(&person(), "identity.notes", json!("Первый звонок.\r\nВторой звонок.\tВечером."));
    assert_eq!(lawyer.post("/api/v1/persons", &notes).status, 201);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 2, "the case's person and the one with notes");
    assert_eq!(count(&server, "SELECT count(*) FROM services"), 0);
}

fn days_are_read_only_as_yyyy_mm_dd_and_no_appeal_is_received_in_the_future(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    for bad in ["2025-2-3", "+002025-01-01", "-0001-01-01", "9999-12-31", "1899-12-31", "2025-02-03T00:00"] {
        let answer = operator.post("/api/v1/appeals", &with(&appeal(), "follow_up_on", json!(bad)));
        answer.refused(400, "follow_up_on");
        let born = with(&person(), "identity.birth_date", json!(bad));
        operator.post("/api/v1/persons", &born).refused(400, "identity.birth_date");
    }
    let ok = with(&appeal(), "follow_up_on", json!("2025-02-03"));
    assert_eq!(operator.post("/api/v1/appeals", &ok).status, 201);

    for future in ["9999-01-01T00:00:00Z", "2100-01-01T00:00:00+05:00"] {
        let answer = operator.post("/api/v1/appeals", &with(&appeal(), "received_at", json!(future)));
        answer.refused(422, "received_at");
        assert!(answer.body["message"].as_str().unwrap().contains("future"), "{}", answer.body);
    }
    let soon = (chrono::Utc::now() + chrono::Duration::minutes(2)).to_rfc3339();
    assert_eq!(operator.post("/api/v1/appeals", &with(&appeal(), "received_at", json!(soon))).status, 201);
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let born = with(&person(), "identity.birth_date", json!(tomorrow));
    operator.post("/api/v1/persons", &born).refused(422, "identity.birth_date");
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 2);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 0);
}

fn a_person_is_held_to_its_lists_lengths_and_visible_names(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = Client::of(&server, "hotline-operator");
    let post = |body: Value| operator.post("/api/v1/persons", &body);
    post(with(&person(), "profile.age_band", json!("young"))).refused(422, "profile.age_band");
    post(with(&person(), "profile.home_region", json!("Д".repeat(101)))).refused(422, "profile.home_region");
    assert_eq!(post(with(&person(), "profile.home_region", json!("Д".repeat(100)))).status, 201);
    for invisible in ["\u{200B}", "\u{200B}\u{200C}\u{200D}\u{2060}", "\u{FEFF}", " \u{3164} "] {
        post(with(&person(), "identity.full_name", json!(invisible))).refused(422, "identity.full_name");
        let spellings = json!(["Husan", invisible]);
        post(with(&person(), "identity.other_spellings", spellings)).refused(422, "identity.other_spellings");
    }
    let phones: Vec<String> = (0..21).map(|i| format!("+998 90 123 45 {i:02}")).collect();
    post(with(&person(), "identity.phones", json!(phones))).refused(422, "identity.phones");
    assert_eq!(post(with(&person(), "identity.phones", json!(phones[..20]))).status, 201);
    let spellings: Vec<String> = (0..51).map(|i| format!("Husan {i}")).collect();
    post(with(&person(), "identity.other_spellings", json!(spellings))).refused(422, "identity.other_spellings");
    let documents: Vec<String> = (0..21).map(|i| format!("FA{i:07}")).collect();
    post(with(&person(), "identity.documents", json!(documents))).refused(422, "identity.documents");
    let languages = json!(["uz", "ru", "kk", "ky", "tg", "en", "other", "uz"]);
    post(with(&person(), "profile.languages", languages)).refused(422, "profile.languages");
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 2);

    let party = |identity: Value| operator.post("/api/v1/parties", &json!({ "kind": "company", "identity": identity }));
    let phones: Vec<String> = (0..21).map(|i| format!("+7 701 555 11 {i:02}")).collect();
    party(json!({ "name": "Береке", "phones": phones })).refused(422, "identity.phones");
    let names: Vec<String> = (0..51).map(|i| format!("Береке {i}")).collect();
    party(json!({ "name": "Береке", "other_names": names })).refused(422, "identity.other_names");
    party(json!({ "name": "\u{200B}" })).refused(422, "identity.name");
    assert_eq!(count(&server, "SELECT count(*) FROM parties"), 0);
}

/// The intake form's own fields, with what the operator typed.
fn intake(page: &Page, typed: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> =
        ["csrf", "appeal_id", "received_at"].iter().map(|name| (name.to_string(), page.input_value(name))).collect();
    let selects = [
        ("channel", "hotline-phone"),
        ("contact", "migrant"),
        ("sex", "male"),
        ("citizenship", "UZ"),
        ("currency", "KZT"),
        ("outcome", "advised"),
        ("party_role", "employer"),
        ("party_kind", "person"),
        ("topic", "wages-unpaid"),
        ("action", "save"),
    ];
    fields.extend(selects.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    for (name, value) in typed {
        fields.retain(|(k, _)| k != name);
        fields.push((name.to_string(), value.to_string()));
    }
    fields
}

fn the_intake_form_marks_the_same_values_beside_their_fields_and_keeps_what_was_typed(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let mut send = |typed: &[(&str, &str)]| {
        let form = browser.get(&server.url("/hotline/new"));
        let fields = intake(&form, typed);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        browser.post(&server.url("/hotline/new"), &pairs)
    };
    let marked = |page: &Page, field: &str| {
        assert_eq!(page.status, 200, "{field}");
        assert!(page.body.contains(&format!("id=\"{field}-error\"")), "{field} is marked: {}", page.body);
    };
    let page = send(&[("full_name", "Азамат"), ("home_region", "Джизак\u{0}")]);
    marked(&page, "home_region");
    assert!(page.body.contains("control characters"), "{}", page.body);
    assert_eq!(page.input_value("full_name"), "Азамат");
    marked(&send(&[("full_name", "Азамат\u{7}")]), "full_name");
    marked(&send(&[("full_name", "\u{200B}\u{200B}")]), "full_name");
    marked(&send(&[("full_name", "Азамат"), ("home_region", &"Д".repeat(101))]), "home_region");
    let page = send(&[("full_name", "Азамат"), ("wage", "100000000000")]);
    marked(&page, "wage");
    assert!(page.body.contains("This amount is too large"), "{}", page.body);
    for received in ["9999-01-01T10:00", "+02025-01-01T10:00", "2025-2-3T10:00"] {
        marked(&send(&[("full_name", "Азамат"), ("received_at", received)]), "received_at");
    }
    marked(&send(&[("full_name", "Азамат"), ("follow_up_on", "2025-2-3")]), "follow_up_on");
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 0);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 0);
    let saved = send(&[("full_name", "Азамат"), ("home_region", "Джизак"), ("notes", "Звонил\r\nдважды")]);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 1);
}

komek_store::with_each_back_end!(
    an_amount_past_its_ceiling_is_refused_naming_the_field,
    a_nul_in_free_text_is_refused_naming_the_field,
    days_are_read_only_as_yyyy_mm_dd_and_no_appeal_is_received_in_the_future,
    a_person_is_held_to_its_lists_lengths_and_visible_names,
    the_intake_form_marks_the_same_values_beside_their_fields_and_keeps_what_was_typed,
);
