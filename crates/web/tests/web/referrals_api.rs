//! The referral network through the JSON API, as a partner's case system or a script would
//! use it: the directory kept by a manager and read by the hotline, Husan's consent, a
//! referral refused for what the consent does not allow and sent for what it does, the HTCDS
//! export of his case and of the period, and his withdrawal.

use serde_json::{Value, json};

use crate::support;
use support::api::{Client, audit_count};
use support::{BackEnd, Server};

fn husan(client: &Client) -> String {
    let person = json!({ "profile": { "sex": "male", "citizenship": "UZ" },
                         "identity": { "full_name": "Абдуллаев Хусан", "phones": ["+998 90 123 45 67"] } });
    client.post("/api/v1/persons", &person).id()
}

fn iom() -> Value {
    json!({ "name": "IOM Kazakhstan", "kind": "international-organisation", "country": "KZ",
            "services": ["repatriation"], "languages": ["ru", "en"],
            "contacts": { "focal_points": [{ "name": "Айгерим", "position": "Case worker",
                                             "phones": ["+7 717 255 00 00"] }] } })
}

fn the_directory_consents_referrals_and_htcds_answer_through_the_api(back_end: BackEnd) {
    let server = Server::start(back_end);
    let manager = Client::of(&server, "manager");
    let lawyer = Client::of(&server, "lawyer");
    let operator = Client::of(&server, "hotline-operator");

    // The directory: kept by managers, read by the hotline, contacts with the partner.
    let refused = manager.post("/api/v1/partners", &json!({ "name": " ", "kind": "nowhere", "country": "KZ" }));
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.fields().contains(&"name") && refused.fields().contains(&"kind"), "{}", refused.body);
    assert_eq!(operator.post("/api/v1/partners", &iom()).status, 403);
    let iom_id = manager.post("/api/v1/partners", &iom()).id();
    let found = operator.get("/api/v1/partners?service=repatriation&q=iom");
    assert_eq!(found.body["items"][0]["id"], iom_id.as_str(), "{}", found.body);
    assert!(found.body["items"][0].get("contacts").is_none(), "a list opens no contacts");
    assert_eq!(operator.get("/api/v1/partners?kind=nowhere").status, 422);
    let read = operator.get(&format!("/api/v1/partners/{iom_id}"));
    assert_eq!(read.body["contacts"]["focal_points"][0]["name"], "Айгерим", "{}", read.body);
    let mut changed = iom();
    changed["version"] = json!(1);
    changed["working_hours"] = json!("Mon–Fri 9–18");
    assert_eq!(manager.put(&format!("/api/v1/partners/{iom_id}"), &changed).status, 200);
    assert_eq!(manager.put(&format!("/api/v1/partners/{iom_id}"), &changed).status, 409, "stale");

    // His consent: identity and his story, to IOM, for his return; not his health.
    let person = husan(&lawyer);
    let consent = lawyer.post(
        &format!("/api/v1/persons/{person}/consents"),
        &json!({ "given_on": "2008-10-14", "method": "signed-form",
                 "recipients": [{ "type": "partner", "value": iom_id }],
                 "purposes": ["return-reintegration"], "categories": ["identity", "case-narrative"],
                 "note": "Прочитано вслух на узбекском." }),
    );
    assert_eq!(consent.status, 201, "{}", consent.body);
    let consent = consent.id();
    let listed = lawyer.get(&format!("/api/v1/persons/{person}/consents"));
    assert_eq!(listed.body["items"][0]["note"], "Прочитано вслух на узбекском.", "{}", listed.body);
    let no_day = lawyer.post(
        &format!("/api/v1/persons/{person}/consents"),
        &json!({ "given_on": "14.10.2008", "method": "signed-form", "recipients": [], "purposes": [],
                 "categories": [] }),
    );
    assert_eq!((no_day.status, no_day.fields()), (400, vec!["given_on"]), "{}", no_day.body);

    let case = lawyer.post(
        "/api/v1/cases",
        &json!({ "kind": "trafficking-labour", "status": "open", "sensitive": false, "opened_on": "2008-10-15",
                 "persons": [{ "person_id": person }], "summary": "Паспорт отобран." }),
    );
    assert_eq!(case.status, 201, "{}", case.body);
    let case = case.id();
    let referral = |fields: Value| {
        json!({ "person_id": person, "case_id": case, "partner_id": iom_id, "purpose": "return-reintegration",
                "services": ["repatriation"], "urgency": "urgent", "made_on": "2008-10-15", "reply_due_on": "2008-10-30",
                "fields": fields, "consent_id": consent })
    };
    // Health is not his to share with IOM: refused, naming the field and the consent.
    let health = lawyer.post("/api/v1/referrals", &referral(json!(["full-name", "vulnerabilities"])));
    assert_eq!((health.status, health.body["error"].as_str()), (422, Some("not_consented")), "{}", health.body);
    assert_eq!(health.fields(), vec!["fields"]);
    assert!(health.message().contains("vulnerabilities") && health.message().contains(&consent), "{}", health.body);
    let made = lawyer.post("/api/v1/referrals", &referral(json!(["full-name", "citizenship", "case-summary"])));
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.id();
    let step = |version: i64, status: &str, note: &str| {
        lawyer.post(
            &format!("/api/v1/referrals/{id}/steps"),
            &json!({ "version": version, "status": status, "on": "2008-10-20", "note": note, "letter_lang": "ru" }),
        )
    };
    assert_eq!(step(1, "accepted", "").status, 422, "a draft is sent before it is accepted");
    assert_eq!(step(1, "sent", "").status, 200);
    assert_eq!(step(1, "received", "").status, 409, "stale");
    assert_eq!(step(2, "accepted", "Примем 21.10.").status, 200);
    let file = lawyer.get(&format!("/api/v1/referrals/{id}"));
    assert_eq!(file.body["status"], "accepted", "{}", file.body);
    assert_eq!(file.body["version"], 3);
    assert_eq!(file.body["steps"][2]["note"], "Примем 21.10.");
    let his = lawyer.get(&format!("/api/v1/referrals?person={person}"));
    assert_eq!(his.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(lawyer.get(&format!("/api/v1/referrals?person={person}&case={case}")).status, 400);

    // His case in HTCDS for IOM: his record, and nothing of the sender's own notes on who was
    // left out.
    let export = lawyer.get(&format!("/api/v1/cases/{case}/htcds?partner_id={iom_id}&purpose=return-reintegration"));
    assert_eq!(export.status, 200, "{}", export.body);
    let record = &export.body["htcds"]["records"][0];
    assert_eq!(record["prs_SecondName"], "Абдуллаев Хусан", "{}", export.body);
    assert!(record.get("prs_MobilePhone").is_none(), "contacts are not his to share");
    assert_eq!(export.body["htcds"]["standard"]["version"], "2.0");
    assert_eq!(export.body["left_out"], json!([]));
    let period = lawyer
        .get(&format!("/api/v1/htcds?partner_id={iom_id}&purpose=return-reintegration&from=2008-10-01&to=2008-10-31"));
    assert_eq!(period.body["htcds"]["records"], export.body["htcds"]["records"], "{}", period.body);
    let backwards =
        lawyer.get(&format!("/api/v1/htcds?partner_id={iom_id}&purpose=investigation&from=2008-10-31&to=2008-10-01"));
    assert_eq!(backwards.status, 422, "{}", backwards.body);
    assert_eq!(lawyer.get("/api/v1/htcds?purpose=investigation&from=2008-10-01&to=2008-10-31").status, 400);
    let shared = audit_count(&server, &format!("action = 'export' AND record_id = '{case}'"));
    assert_eq!(shared, 2, "each export of his record is recorded as sharing");

    // Withdrawn, nothing more of him goes to IOM.
    let withdrawn = lawyer.post(&format!("/api/v1/consents/{consent}/withdrawal"), &json!({ "on": "2008-11-02" }));
    assert_eq!(withdrawn.status, 200, "{}", withdrawn.body);
    let mut after_withdrawal = referral(json!(["full-name"]));
    after_withdrawal["made_on"] = json!("2008-11-03");
    after_withdrawal["reply_due_on"] = json!("2008-11-20");
    let again = lawyer.post("/api/v1/referrals", &after_withdrawal);
    assert_eq!((again.status, again.body["error"].as_str()), (422, Some("not_consented")), "{}", again.body);
    assert_eq!(again.fields(), vec!["consent_id"]);
    let after = lawyer.get(&format!("/api/v1/cases/{case}/htcds?partner_id={iom_id}&purpose=return-reintegration"));
    assert_eq!(after.body["htcds"]["records"], json!([]));
    assert!(after.body["left_out"][0]["reason"].as_str().is_some_and(|r| r.contains("withdrawn")), "{}", after.body);
}

/// A partner's referral taken in by a program at one go: a new person who looks like someone
/// known is refused naming them (nothing saved), confirmed she is registered with her case and
/// the referral received; a known person is taken in with an appeal; bad parts are all named.
fn a_partners_referral_is_taken_in_at_one_go_through_the_api(back_end: BackEnd) {
    let server = Server::start(back_end);
    let manager = Client::of(&server, "manager");
    let lawyer = Client::of(&server, "lawyer");
    let iom_id = manager.post("/api/v1/partners", &iom()).id();
    let known = husan(&lawyer);
    let count = |table: &str| {
        server.app.store().read(|tx| tx.query_i64(&format!("SELECT count(*) FROM {table}"), &[])).unwrap()
    };
    let madina = json!({ "profile": { "sex": "female", "citizenship": "TJ" },
                         "identity": { "full_name": "Рахимова Мадина", "phones": ["+998 90 123 45 67"] } });
    let mut body = json!({ "partner_id": iom_id, "received_on": "2008-10-14", "purpose": "protection",
                           "services": ["shelter"], "urgency": "urgent",
                           "letter": "Задержана на КПП, паспорт у работодателя.", "person": madina,
                           "opens": { "type": "case", "kind": "trafficking-labour" } });
    let (persons, referrals) = (count("persons"), count("referrals"));
    let duplicate = lawyer.post("/api/v1/referrals/incoming", &body);
    assert_eq!(duplicate.status, 409, "the same phone as Husan: {}", duplicate.body);
    assert!(duplicate.body.to_string().contains(&known), "{}", duplicate.body);
    assert_eq!((count("persons"), count("referrals")), (persons, referrals), "nothing saved");

    body["person"]["confirm_new_person"] = json!(true);
    body["id"] = json!(uuid::Uuid::now_v7().to_string());
    let taken = lawyer.post("/api/v1/referrals/incoming", &body);
    assert_eq!(taken.status, 201, "{}", taken.body);
    // Retried (the answer was lost on the way): nothing more is taken in.
    let retried = lawyer.post("/api/v1/referrals/incoming", &body);
    assert_eq!(retried.body, taken.body);
    assert_eq!((count("persons"), count("referrals")), (persons + 1, referrals + 1));
    let referral = taken.body["referral_id"].as_str().unwrap();
    assert_eq!(taken.header("location"), Some(format!("/api/v1/referrals/{referral}").as_str()));
    assert!(taken.body["case_id"].is_string() && taken.body["appeal_id"].is_null(), "{}", taken.body);
    let read = lawyer.get(&format!("/api/v1/referrals/{referral}"));
    assert_eq!((read.body["direction"].as_str(), read.body["status"].as_str()), (Some("incoming"), Some("received")));
    assert_eq!(read.body["steps"][0]["note"], "Задержана на КПП, паспорт у работодателя.");
    assert_eq!(read.body["person_id"], taken.body["person_id"]);

    // Someone known, with an appeal in the register.
    let appeal = json!({ "partner_id": iom_id, "received_on": "2008-10-15", "purpose": "return-reintegration",
                         "services": ["repatriation"], "urgency": "routine", "person_id": known,
                         "opens": { "type": "appeal", "channel": "email", "topics": ["forced-labour-suspicion"] } });
    let taken = lawyer.post("/api/v1/referrals/incoming", &appeal);
    assert_eq!(taken.status, 201, "{}", taken.body);
    assert_eq!(taken.body["person_id"], known.as_str());
    assert!(taken.body["appeal_id"].is_string(), "{}", taken.body);

    // Both a known person and a new one, an unknown partner, a day that is not one: refused.
    let mut bad = appeal.clone();
    bad["person"] = json!({ "profile": { "sex": "female", "citizenship": "TJ" } });
    lawyer.post("/api/v1/referrals/incoming", &bad).refused(400, "person");
    let mut bad = appeal.clone();
    bad["received_on"] = json!("15.10.2008");
    lawyer.post("/api/v1/referrals/incoming", &bad).refused(400, "received_on");
    let mut bad = appeal.clone();
    bad["partner_id"] = json!(uuid::Uuid::now_v7().to_string());
    bad["urgency"] = json!("whenever");
    let refused = lawyer.post("/api/v1/referrals/incoming", &bad);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.fields().contains(&"urgency"), "{}", refused.body);
    // An analyst takes nothing in.
    assert_eq!(Client::of(&server, "analyst").post("/api/v1/referrals/incoming", &appeal).status, 403);
}

komek_store::with_each_back_end!(
    the_directory_consents_referrals_and_htcds_answer_through_the_api,
    a_partners_referral_is_taken_in_at_one_go_through_the_api,
);
