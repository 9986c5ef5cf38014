//! Case files through the JSON API over real HTTP on loopback, as a partner's case system uses
//! them: a lawyer opens a case from an appeal, assesses the person against the ILO indicators,
//! records services, proceedings and tasks, and closes it; every refusal names its field; the
//! roles and offices that may not see or change a case are told so, as on the case pages.

use crate::support;

use komek_app::Actor;
use serde_json::{Value, json};
use support::api::{Answer, Client, account_id, audit_count};
use support::{BackEnd, Server};

/// Husan, registered through the API by `client`; his id.
fn husan(client: &Client) -> String {
    let person = client.post(
        "/api/v1/persons",
        &json!({
            "profile": { "sex": "male", "citizenship": "UZ", "languages": ["uz", "ru"] },
            "identity": { "full_name": "Абдуллаев Хусан", "phones": ["+998 90 123 45 67"] }
        }),
    );
    assert_eq!(person.status, 201, "{}", person.body);
    person.id()
}

/// An appeal about unpaid wages and a taken passport, naming `person` if given; its id.
fn appeal(client: &Client, person: Option<&str>) -> String {
    let appeal = client.post(
        "/api/v1/appeals",
        &json!({
            "received_at": "2008-10-14T10:30:00+05:00",
            "channel": "hotline-phone",
            "contact": "migrant",
            "person_id": person,
            "topics": ["wages-unpaid", "documents-taken"],
            "work_region": "turkistan",
            "work_district": "maktaaral",
            "wage": { "amount_minor": 1_800_000, "currency": "KZT" },
            "outcome": "pending"
        }),
    );
    assert_eq!(appeal.status, 201, "{}", appeal.body);
    appeal.id()
}

/// The header of a case file read, as an update sends it back, at the version read.
fn header(file: &Value) -> Value {
    let mut body = json!({ "version": file["version"] });
    for field in [
        "kind",
        "status",
        "sensitive",
        "lead_id",
        "team",
        "persons",
        "parties",
        "recruited_at",
        "recruited_country",
        "recruited_district",
        "exploited_region",
        "exploited_district",
        "exploited_place",
        "exploited_country",
        "recruitment_methods",
        "means_of_control",
        "outcomes",
        "closing_reason",
        "summary",
    ] {
        body[field] = file[field].clone();
    }
    body
}

fn lines(answer: &Answer) -> Vec<&str> {
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["items"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect()
}

fn a_lawyer_opens_works_on_and_closes_a_case(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let person = husan(&lawyer);
    let appeal_id = appeal(&lawyer, Some(&person));

    // Opened from the appeal: its person and place, the lawyer as lead.
    let opened = lawyer.post("/api/v1/cases/from-appeal", &json!({ "appeal_id": appeal_id, "kind": "forced-labour" }));
    assert_eq!(opened.status, 201, "{}", opened.body);
    let id = opened.id();
    assert_eq!(opened.header("location"), Some(format!("/api/v1/cases/{id}").as_str()));
    assert_eq!(lawyer.get(&format!("/api/v1/appeals/{appeal_id}")).body["outcome"], "case-opened");
    let case = format!("/api/v1/cases/{id}");

    let file = lawyer.get(&case);
    assert_eq!(file.status, 200, "{}", file.body);
    let f = &file.body;
    assert_eq!((&f["version"], &f["status"], &f["kind"]), (&json!(1), &json!("open"), &json!("forced-labour")));
    assert_eq!(f["lead_id"], account_id(&server, "lawyer").to_string());
    assert_eq!(
        f["persons"],
        json!([{ "person_id": person, "victim_status": "unknown", "identified_by": null,
                                      "identified_on": null }])
    );
    assert_eq!((&f["exploited_region"], &f["exploited_district"]), (&json!("turkistan"), &json!("maktaaral")));
    assert_eq!(f["exploited_country"], json!(null), "a Kazakh region, no country of its own");
    assert_eq!((&f["identifying_shown"], &f["sensitive"]), (&json!(true), &json!(false)));
    assert!(f["number"].as_str().unwrap().ends_with("-001"), "{}", f["number"]);
    assert_eq!(audit_count(&server, &format!("action = 'read' AND record_kind = 'case' AND record_id = '{id}'")), 1);

    // An assessment: deceptive recruitment and a confiscated passport make forced labour.
    let assessed = lawyer.post(
        &format!("{case}/assessments"),
        &json!({
            "person_id": person,
            "catalogue": "ilo-2012-forced-labour",
            "assessed_on": "2008-10-21",
            "answers": [
                { "indicator": "fl-ur-deceptive-recruitment", "answer": "yes", "source": "interview" },
                { "indicator": "fl-p-confiscation-documents", "answer": "yes", "source": "document",
                  "noted_on": "2008-10-14" },
                { "indicator": "fl-p-violence", "answer": "unknown" }
            ]
        }),
    );
    assert_eq!(assessed.status, 201, "{}", assessed.body);
    let evaluation = &assessed.body["evaluation"];
    assert_eq!(evaluation["verdict"], "yes", "{evaluation}");
    assert_eq!(evaluation["decided_by"], json!(["fl-ur-deceptive-recruitment", "fl-p-confiscation-documents"]));
    assert_eq!(evaluation["to_ask"], json!([]));
    assert!(evaluation["explanation"].as_str().unwrap().starts_with("Forced labour: yes, because"));
    let unsure = lawyer.post(
        &format!("{case}/assessments"),
        &json!({ "person_id": person, "catalogue": "ilo-2012-forced-labour",
                 "answers": [{ "indicator": "fl-ur-deceptive-recruitment", "answer": "yes", "source": "interview" }] }),
    );
    assert_eq!(unsure.body["evaluation"]["verdict"], "unknown", "{}", unsure.body);
    assert!(unsure.body["evaluation"]["to_ask"].as_array().unwrap().iter().any(|c| c == "fl-p-confiscation-documents"));

    // A service: wage recovery, in minor units as everywhere in the API.
    let service = lawyer.post(
        &format!("{case}/services"),
        &json!({ "kind": "wage-recovery", "delivered_on": "2008-11-03", "person_id": person,
                 "result": "Бригадир вернул половину",
                 "amount_claimed": { "amount_minor": 1_800_000, "currency": "KZT" },
                 "amount_recovered": { "amount_minor": 900_000, "currency": "KZT" } }),
    );
    assert_eq!(service.status, 201, "{}", service.body);
    let home = lawyer.post(
        &format!("{case}/services"),
        &json!({ "kind": "repatriation", "delivered_on": "2008-12-20", "person_id": person,
                 "destination_country": "UZ", "accompanied_by": "брат" }),
    );
    assert_eq!(home.status, 201, "{}", home.body);

    // A proceeding, moved on with the version read; the version read before is stale.
    let proceeding = json!({ "kind": "criminal", "authority": "police", "articles": ["cc2014-128"],
                             "stage": "complaint-filed", "opened_on": "2008-10-25", "notes": "КУИ 123" });
    let added = lawyer.post(&format!("{case}/proceedings"), &proceeding);
    assert_eq!((added.status, &added.body["version"]), (201, &json!(1)), "{}", added.body);
    let proceeding_path = format!("{case}/proceedings/{}", added.id());
    let mut moved = proceeding.clone();
    moved["version"] = json!(1);
    moved["stage"] = json!("trial");
    moved["authority"] = json!("court");
    moved["hearings"] = json!(["2008-12-01", "2008-12-15"]);
    let saved = lawyer.put(&proceeding_path, &moved);
    assert_eq!((saved.status, &saved.body["version"]), (200, &json!(2)), "{}", saved.body);
    let stale = lawyer.put(&proceeding_path, &moved);
    assert_eq!((stale.status, stale.body["error"].as_str()), (409, Some("conflict")), "{}", stale.body);
    let elsewhere = lawyer.put(&format!("{case}/proceedings/{}", uuid::Uuid::now_v7()), &moved);
    assert_eq!(elsewhere.status, 404, "{}", elsewhere.body);

    // A task past its day, then done.
    let task =
        lawyer.post(&format!("{case}/tasks"), &json!({ "title": "Позвонить в инспекцию", "due_on": "2008-10-30" }));
    assert_eq!(task.status, 201, "{}", task.body);
    let task_path = format!("{case}/tasks/{}", task.id());
    assert_eq!(lines(&lawyer.get("/api/v1/cases?overdue=true")), vec![id.as_str()]);
    let file = lawyer.get(&case);
    assert_eq!((&file.body["tasks"][0]["overdue"], &file.body["tasks"][0]["done_on"]), (&json!(true), &Value::Null));
    let done = lawyer.put(&task_path, &json!({ "done": true }));
    assert_eq!((done.status, &done.body["done"]), (200, &json!(true)), "{}", done.body);
    assert!(lines(&lawyer.get("/api/v1/cases?overdue=true")).is_empty());
    assert_eq!(lawyer.put(&format!("{case}/tasks/{}", uuid::Uuid::now_v7()), &json!({ "done": true })).status, 404);

    let event = lawyer.post(
        &format!("{case}/events"),
        &json!({ "happened_on": "2008-09-01", "kind": "recruitment", "text": "Нанят посредником в Джизаке" }),
    );
    assert_eq!(event.status, 201, "{}", event.body);
    let note = lawyer.post(&format!("{case}/notes"), &json!({ "text": "Готов дать показания" }));
    assert_eq!(note.status, 201, "{}", note.body);

    // The whole file, as the case page shows it.
    let file = lawyer.get(&case);
    let f = &file.body;
    assert_eq!(f["assessments"].as_array().unwrap().len(), 2);
    let first = f["assessments"].as_array().unwrap().iter().find(|a| a["assessed_on"] == "2008-10-21").unwrap();
    assert_eq!((&first["evaluation"]["verdict"], &first["edition"]), (&json!("yes"), &json!("2012.1")), "{first}");
    let passport =
        first["answers"].as_array().unwrap().iter().find(|a| a["indicator"] == "fl-p-confiscation-documents");
    assert_eq!(passport.unwrap()["source"], "document", "answers are kept in code order: {first}");
    assert_eq!(first["assessor_id"], account_id(&server, "lawyer").to_string());
    let s = &f["services"][0];
    assert_eq!(s["amount_recovered"], json!({ "amount_minor": 900_000, "currency": "KZT" }));
    assert_eq!(
        (&s["kind"], &s["provider"], &s["result"]),
        (&json!("wage-recovery"), &json!("us"), &json!("Бригадир вернул половину"))
    );
    let home = &f["services"][1];
    assert_eq!((&home["destination_country"], &home["accompanied_by"]), (&json!("UZ"), &json!("брат")), "{home}");
    let p = &f["proceedings"][0];
    assert_eq!((&p["version"], &p["stage"], &p["notes"]), (&json!(2), &json!("trial"), &json!("КУИ 123")));
    assert_eq!((&p["hearings"], &p["articles"]), (&json!(["2008-12-01", "2008-12-15"]), &json!(["cc2014-128"])));
    assert_eq!((&f["tasks"][0]["overdue"], f["tasks"][0]["done_on"].is_string()), (&json!(false), true));
    assert_eq!(f["events"][0]["text"], "Нанят посредником в Джизаке");
    assert_eq!(
        (&f["notes"][0]["text"], &f["notes"][0]["visibility"]),
        (&json!("Готов дать показания"), &json!("team"))
    );
    assert_eq!(f["evidence"], json!([]));

    // Closing asks what the case achieved and why it ends.
    let mut closing = header(f);
    closing["status"] = json!("closed");
    let refused = lawyer.put(&case, &closing);
    assert_eq!((refused.status, refused.fields()), (422, vec!["outcomes", "closing_reason"]), "{}", refused.body);
    assert!(refused.message().contains("outcomes: closing a case needs what it achieved"), "{}", refused.message());
    closing["outcomes"] = json!(["wages-paid", "documents-returned"]);
    closing["closing_reason"] = json!("goals-achieved");
    closing["persons"][0]["victim_status"] = json!("presumed");
    closing["persons"][0]["identified_by"] = json!("ngo");
    closing["persons"][0]["identified_on"] = json!("2008-10-21");
    let closed = lawyer.put(&case, &closing);
    assert_eq!((closed.status, &closed.body["version"]), (200, &json!(2)), "{}", closed.body);
    assert_eq!(lawyer.put(&case, &closing).status, 409, "the version sent is stale now");
    let f = lawyer.get(&case).body;
    assert_eq!(
        (&f["status"], &f["closing_reason"], &f["version"]),
        (&json!("closed"), &json!("goals-achieved"), &json!(2))
    );
    assert!(f["closed_on"].is_string(), "{f}");
    assert_eq!(f["outcomes"], json!(["documents-returned", "wages-paid"]));
    assert_eq!(f["persons"][0]["victim_status"], "presumed");
    assert_eq!(f["persons"][0]["identified_on"], "2008-10-21");
    assert_eq!(f["summary"], "", "a summary never written reads empty");

    // The list, by its filters.
    assert!(lines(&lawyer.get("/api/v1/cases?status=active")).is_empty());
    assert_eq!(lines(&lawyer.get("/api/v1/cases?status=closed&kind=forced-labour")), vec![id.as_str()]);
    let me = account_id(&server, "lawyer");
    let listed = lawyer.get(&format!("/api/v1/cases?lead={me}&page=0"));
    assert_eq!(lines(&listed), vec![id.as_str()]);
    let line = &listed.body["items"][0];
    assert_eq!(
        (&line["number"], &line["overdue_tasks"], &listed.body["more"]),
        (&f["number"], &json!(0), &json!(false))
    );
    assert!(lines(&lawyer.get("/api/v1/cases?kind=unpaid-wages")).is_empty());
    assert_eq!(lawyer.get(&format!("/api/v1/cases/{}", uuid::Uuid::now_v7())).status, 404);
    assert_eq!(lawyer.get("/api/v1/cases/not-an-id").status, 404);
    assert_eq!(audit_count(&server, &format!("account_id = '{me}' AND record_kind = 'proceeding'")), 2);
}

fn bad_values_are_refused_with_the_field_and_the_list_named(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let person = husan(&lawyer);
    let opened = lawyer.post(
        "/api/v1/cases/from-appeal",
        &json!({ "appeal_id": appeal(&lawyer, Some(&person)),
                                                                   "kind": "forced-labour" }),
    );
    let case = format!("/api/v1/cases/{}", opened.id());

    let kind = lawyer.post(
        "/api/v1/cases/from-appeal",
        &json!({ "appeal_id": appeal(&lawyer, Some(&person)),
                                                                 "kind": "slavery" }),
    );
    assert_eq!((kind.status, kind.fields()), (422, vec!["kind"]), "{}", kind.body);
    assert!(
        kind.message().contains(
            "in the list \"case-kind\" (codes shipped, besides those the organisation added: trafficking-labour,"
        ),
        "{}",
        kind.message()
    );
    let nobody =
        lawyer.post("/api/v1/cases/from-appeal", &json!({ "appeal_id": appeal(&lawyer, None), "kind": "other" }));
    assert_eq!((nobody.status, nobody.fields()), (422, vec!["appeal_id"]), "{}", nobody.body);
    let missing =
        lawyer.post("/api/v1/cases/from-appeal", &json!({ "appeal_id": uuid::Uuid::now_v7(), "kind": "other" }));
    assert_eq!(missing.status, 404);

    let assess = |answers: Value, catalogue: &str| {
        lawyer.post(
            &format!("{case}/assessments"),
            &json!({ "person_id": person, "catalogue": catalogue, "answers": answers }),
        )
    };
    let indicator =
        assess(json!([{ "indicator": "fl-p-debt", "answer": "yes", "source": "interview" }]), "ilo-2012-forced-labour");
    assert_eq!((indicator.status, indicator.fields()), (422, vec!["answers.indicator"]), "{}", indicator.body);
    assert!(indicator.message().contains("fl-p-confiscation-documents"), "the catalogue's codes are listed");
    let source = assess(json!([{ "indicator": "fl-p-violence", "answer": "yes" }]), "ilo-2012-forced-labour");
    assert_eq!((source.status, source.fields()), (422, vec!["answers.source"]), "{}", source.body);
    let answer = assess(
        json!([{ "indicator": "fl-p-violence", "answer": "maybe", "source": "rumour" }]),
        "ilo-2012-forced-labour",
    );
    assert_eq!(answer.fields(), vec!["answers.answer", "answers.source"], "{}", answer.body);
    let catalogue = assess(json!([]), "ilo-forced");
    assert_eq!((catalogue.status, catalogue.fields()), (422, vec!["catalogue"]), "{}", catalogue.body);
    assert!(catalogue.message().contains("ilo-2009-trafficking-labour"), "{}", catalogue.message());
    let stranger = lawyer.post(
        &format!("{case}/assessments"),
        &json!({ "person_id": uuid::Uuid::now_v7(),
                                                                        "catalogue": "ilo-2012-forced-labour" }),
    );
    assert_eq!(stranger.status, 404, "a person not in the case");

    let service = |change: &dyn Fn(&mut Value)| {
        let mut body = json!({ "kind": "wage-recovery", "delivered_on": "2008-11-03" });
        change(&mut body);
        lawyer.post(&format!("{case}/services"), &body)
    };
    let negative = service(&|b| b["amount_recovered"] = json!({ "amount_minor": -1, "currency": "KZT" }));
    assert_eq!((negative.status, negative.fields()), (422, vec!["amount_recovered"]), "{}", negative.body);
    let currency = service(&|b| b["amount_claimed"] = json!({ "amount_minor": 100, "currency": "EUR" }));
    assert_eq!((currency.status, currency.fields()), (422, vec!["amount_claimed.currency"]));
    let repatriation = service(&|b| b["kind"] = json!("repatriation"));
    assert_eq!((repatriation.status, repatriation.fields()), (422, vec!["destination_country"]));
    let day = service(&|b| b["delivered_on"] = json!("2008-11-31"));
    assert_eq!((day.status, day.fields()), (400, vec!["delivered_on"]));

    let proceeding = json!({ "kind": "criminal", "authority": "sheriff", "articles": ["cc2014-999"],
                             "stage": "trial", "opened_on": "2008-10-25", "outcome": "sentence" });
    let refused = lawyer.post(&format!("{case}/proceedings"), &proceeding);
    // The organisation's lists (authorities, articles) are checked after the record's own rules.
    assert_eq!(refused.fields(), vec!["sentence_months", "authority", "articles"], "{}", refused.body);
    assert!(
        refused
            .message()
            .contains("in the list \"authority\" (codes shipped, besides those the organisation added: police,"),
        "{}",
        refused.message()
    );
    assert!(
        refused
            .message()
            .contains("in the list \"law-article\" (codes shipped, besides those the organisation added: "),
        "{}",
        refused.message()
    );
    let versioned = lawyer.post(
        &format!("{case}/proceedings"),
        &json!({ "version": 1, "kind": "civil",
        "authority": "court", "stage": "trial", "opened_on": "2008-10-25" }),
    );
    assert_eq!((versioned.status, versioned.fields()), (400, vec!["version"]));

    let event = lawyer.post(
        &format!("{case}/events"),
        &json!({ "happened_on": "2008-09-01", "kind": "party",
                                                                "text": "x" }),
    );
    assert_eq!((event.status, event.fields()), (422, vec!["kind"]));
    let note = lawyer.post(&format!("{case}/notes"), &json!({ "text": "x", "visibility": "me" }));
    assert_eq!((note.status, note.fields()), (422, vec!["visibility"]));
    let task = lawyer.post(&format!("{case}/tasks"), &json!({ "title": " ", "due_on": "2008-10-30" }));
    assert_eq!((task.status, task.fields()), (422, vec!["title"]));

    let file = lawyer.get(&case).body;
    let mut edit = header(&file);
    edit["exploited_district"] = json!("nowhere");
    edit["recruited_district"] = json!("elsewhere");
    edit["exploited_country"] = json!("atlantis");
    edit["persons"][0]["victim_status"] = json!("identified");
    let districts = lawyer.put(&case, &edit);
    assert_eq!(
        districts.fields(),
        // The record's own rules first, then the organisation's lists (districts).
        vec!["exploited_country", "persons.identified_by", "exploited_district", "recruited_district"],
        "{}",
        districts.body
    );
    let mut unversioned = header(&file);
    unversioned.as_object_mut().unwrap().remove("version");
    assert_eq!(lawyer.put(&case, &unversioned).fields(), vec!["version"]);
    let misspelt = lawyer.put(&case, &{
        let mut b = header(&file);
        b["state"] = json!("closed");
        b
    });
    assert!(misspelt.status == 400 && misspelt.message().contains("unknown field `state`"), "{}", misspelt.body);

    let status = lawyer.get("/api/v1/cases?status=shut");
    assert_eq!((status.status, status.fields()), (422, vec!["status"]));
    assert!(status.message().contains("known codes: active, open,"), "{}", status.message());
    let overdue = lawyer.get("/api/v1/cases?overdue=maybe&lead=me");
    assert_eq!((overdue.status, overdue.fields()), (400, vec!["lead", "overdue"]));
    assert_eq!(lawyer.get(&case).body["version"], 1, "nothing was saved");
}

fn roles_and_offices_that_may_not_are_refused_as_on_the_pages(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let person = husan(&lawyer);
    let sensitive = lawyer.post("/api/v1/cases/from-appeal", &json!({ "appeal_id": appeal(&lawyer, Some(&person)),
                                                                      "kind": "trafficking-labour", "sensitive": true }));
    assert_eq!(sensitive.status, 201, "{}", sensitive.body);
    let sensitive = format!("/api/v1/cases/{}", sensitive.id());
    // A whole case, opened in one request with its summary.
    let opened = lawyer.post(
        "/api/v1/cases",
        &json!({ "kind": "unpaid-wages", "status": "open", "sensitive": false, "opened_on": "2008-10-15",
                 "persons": [{ "person_id": person }], "summary": "Не заплатили за сезон" }),
    );
    assert_eq!(opened.status, 201, "{}", opened.body);
    let open_case = format!("/api/v1/cases/{}", opened.id());
    let read = lawyer.get(&open_case).body;
    assert_eq!((&read["opened_on"], &read["summary"]), (&json!("2008-10-15"), &json!("Не заплатили за сезон")));

    // A hotline operator reads cases but does not work on them.
    let operator = Client::of(&server, "hotline-operator");
    assert_eq!(lines(&operator.get("/api/v1/cases")), vec![opened.id().as_str()], "the sensitive case is not listed");
    assert_eq!(operator.get(&open_case).body["summary"], "Не заплатили за сезон");
    assert_eq!(operator.get(&sensitive).status, 404, "a sensitive case is its team's only");
    let file = lawyer.get(&open_case).body;
    for answer in [
        operator.post("/api/v1/cases/from-appeal", &json!({ "appeal_id": appeal(&operator, None), "kind": "other" })),
        operator.post(
            "/api/v1/cases",
            &json!({ "kind": "other", "status": "open", "sensitive": false,
                                                 "persons": [{ "person_id": person }] }),
        ),
        operator.put(&open_case, &header(&file)),
        operator.post(&format!("{open_case}/services"), &json!({ "kind": "shelter", "delivered_on": "2008-11-03" })),
        operator.post(&format!("{open_case}/tasks"), &json!({ "title": "x", "due_on": "2008-11-03" })),
        operator.post(&format!("{open_case}/notes"), &json!({ "text": "x" })),
    ] {
        assert_eq!((answer.status, answer.body["error"].as_str()), (403, Some("forbidden")), "{}", answer.body);
    }

    // An operator of another office: no case of this office exists for them.
    let away = server.app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    server
        .app
        .create_account(&Actor::System, "aigul", "Aigul", komek_domain::Role::HotlineOperator, away.id, "en")
        .unwrap();
    let far = Client::of(&server, "aigul");
    let hidden = far.get(&sensitive);
    assert_eq!((hidden.status, hidden.body["error"].as_str()), (404, Some("not_found")), "{}", hidden.body);
    let distant = far.get(&open_case);
    assert_eq!((distant.status, distant.body["error"].as_str()), (404, Some("not_found")), "{}", distant.body);
    assert!(lines(&far.get("/api/v1/cases")).is_empty(), "another office's cases are not in the list");
    // A lawyer of another office may not change the case either: it is not within reach.
    server.app.create_account(&Actor::System, "dana", "Dana", komek_domain::Role::Lawyer, away.id, "en").unwrap();
    let dana = Client::of(&server, "dana");
    assert_eq!(dana.get(&sensitive).status, 404);
    assert_eq!(dana.put(&open_case, &header(&file)).status, 404);
    assert_eq!(dana.post(&format!("{open_case}/notes"), &json!({ "text": "x" })).status, 404);

    // An analyst sees aggregates only.
    let analyst = Client::of(&server, "analyst");
    for answer in [
        analyst.get("/api/v1/cases"),
        analyst.get(&open_case),
        analyst.post(
            &format!("{open_case}/events"),
            &json!({ "happened_on": "2008-09-01", "kind": "other", "text": "x" }),
        ),
    ] {
        assert_eq!((answer.status, answer.body["error"].as_str()), (403, Some("forbidden")), "{}", answer.body);
    }
    assert_eq!(Client::anonymous(&server).get("/api/v1/cases").status, 401);
}

fn the_document_lists_the_case_routes(back_end: BackEnd) {
    let server = Server::start(back_end);
    let document = Client::anonymous(&server).get("/api/v1/openapi.json");
    assert_eq!(document.status, 200);
    let paths = document.body["paths"].as_object().unwrap();
    for (path, methods) in [
        ("/api/v1/cases", &["get", "post"][..]),
        ("/api/v1/cases/from-appeal", &["post"]),
        ("/api/v1/cases/{id}", &["get", "put"]),
        ("/api/v1/cases/{id}/assessments", &["post"]),
        ("/api/v1/cases/{id}/services", &["post"]),
        ("/api/v1/cases/{id}/proceedings", &["post"]),
        ("/api/v1/cases/{id}/proceedings/{proceeding_id}", &["put"]),
        ("/api/v1/cases/{id}/tasks", &["post"]),
        ("/api/v1/cases/{id}/tasks/{task_id}", &["put"]),
        ("/api/v1/cases/{id}/events", &["post"]),
        ("/api/v1/cases/{id}/notes", &["post"]),
    ] {
        let item = paths.get(path).unwrap_or_else(|| panic!("{path} is not documented"));
        for method in methods {
            assert_eq!(item[method]["tags"], json!(["cases"]), "{method} {path}");
        }
    }
    let schemas = document.body["components"]["schemas"].as_object().unwrap();
    for schema in ["CaseDto", "CaseInput", "AssessmentCreated", "EvaluationDto", "ProceedingInput", "CasePage"] {
        assert!(schemas.contains_key(schema), "{schema} is not in the document");
    }
    let claimed = &schemas["ServiceDto"]["properties"]["amount_claimed"];
    assert_eq!(claimed["oneOf"][0]["$ref"], "#/components/schemas/MoneyDto", "money as the appeals have it: {claimed}");
}

komek_store::with_each_back_end!(
    a_lawyer_opens_works_on_and_closes_a_case,
    bad_values_are_refused_with_the_field_and_the_list_named,
    roles_and_offices_that_may_not_are_refused_as_on_the_pages,
    the_document_lists_the_case_routes,
    citizenships_recruitment_control_and_event_places_go_through_the_api_within_their_limits,
);

/// What edition r3 of the HTCDS mapping added, through the API: a second citizenship, how
/// Husan was recruited and kept, and where an event happened; each refused when wrong, named
/// by its field, and limited in the document as the services limit it.
fn citizenships_recruitment_control_and_event_places_go_through_the_api_within_their_limits(back_end: BackEnd) {
    let server = Server::start(back_end);
    let lawyer = Client::of(&server, "lawyer");
    let dual = |others: Value| {
        lawyer.post(
            "/api/v1/persons",
            &json!({
                "profile": { "sex": "male", "citizenship": "UZ", "other_citizenships": others },
                "identity": { "full_name": "Абдуллаев Хусан" }
            }),
        )
    };
    let twice = dual(json!(["UZ"]));
    assert_eq!((twice.status, twice.fields()), (422, vec!["profile.other_citizenships"]), "{}", twice.body);
    let person = dual(json!(["RU"]));
    assert_eq!(person.status, 201, "{}", person.body);
    let person = person.id();
    let read = lawyer.get(&format!("/api/v1/persons/{person}"));
    assert_eq!(read.body["profile"]["other_citizenships"], json!(["RU"]), "{}", read.body);

    let opened = lawyer.post(
        "/api/v1/cases/from-appeal",
        &json!({ "appeal_id": appeal(&lawyer, Some(&person)), "kind": "trafficking-labour" }),
    );
    let case = format!("/api/v1/cases/{}", opened.id());
    let file = lawyer.get(&case).body;
    assert_eq!((&file["recruitment_methods"], &file["means_of_control"]), (&json!([]), &json!([])));
    let mut edit = header(&file);
    edit["recruitment_methods"] = json!(["bazaar-intermediary", "by-magic"]);
    let refused = lawyer.put(&case, &edit);
    assert_eq!((refused.status, refused.fields()), (422, vec!["recruitment_methods"]), "{}", refused.body);
    assert!(refused.message().contains("\"recruitment-method\""), "{}", refused.message());
    edit["recruitment_methods"] = json!(["bazaar-intermediary"]);
    edit["means_of_control"] = json!(["documents-withheld", "debt", "confinement-isolation"]);
    let saved = lawyer.put(&case, &edit);
    assert_eq!(saved.status, 200, "{}", saved.body);
    let file = lawyer.get(&case).body;
    assert_eq!(file["recruitment_methods"], json!(["bazaar-intermediary"]));
    assert_eq!(file["means_of_control"], json!(["documents-withheld", "debt", "confinement-isolation"]));

    let event = |place: Value| {
        let mut body = json!({ "happened_on": "2008-06-02", "kind": "exploitation", "text": "Бетон, без оплаты" });
        body.as_object_mut().unwrap().extend(place.as_object().unwrap().clone());
        lawyer.post(&format!("{case}/events"), &body)
    };
    let nowhere = event(json!({ "place_district": "atlantis" }));
    assert_eq!((nowhere.status, nowhere.fields()), (422, vec!["place_district"]), "{}", nowhere.body);
    let long = event(json!({ "place_settlement": "Ленгер".repeat(60) }));
    assert_eq!((long.status, long.fields()), (422, vec!["place_settlement"]), "{}", long.body);
    let added = event(json!({ "place_region": "turkistan", "place_district": "tolebi", "place_settlement": "Ленгер" }));
    assert_eq!(added.status, 201, "{}", added.body);
    let events = lawyer.get(&case).body["events"].clone();
    assert_eq!(
        (&events[0]["place_country"], &events[0]["place_region"], &events[0]["place_district"]),
        (&json!(null), &json!("turkistan"), &json!("tolebi"))
    );
    assert_eq!(events[0]["place_settlement"], "Ленгер");

    let document = Client::anonymous(&server).get("/api/v1/openapi.json").body;
    let schemas = &document["components"]["schemas"];
    let codes = |list: komek_domain::lookups::LookupList| json!(list.codes.len());
    use komek_domain::lookups::{CITIZENSHIP, MEANS_OF_CONTROL, RECRUITMENT_METHOD};
    assert_eq!(schemas["CaseInput"]["properties"]["recruitment_methods"]["maxItems"], codes(RECRUITMENT_METHOD));
    assert_eq!(schemas["CaseInput"]["properties"]["means_of_control"]["maxItems"], codes(MEANS_OF_CONTROL));
    assert_eq!(schemas["ProfileDto"]["properties"]["other_citizenships"]["maxItems"], codes(CITIZENSHIP));
    assert_eq!(schemas["EventInput"]["properties"]["place_settlement"]["maxLength"], json!(300));
    assert_eq!(schemas["RecruitmentMethodCode"]["enum"], json!(RECRUITMENT_METHOD.codes));
}
