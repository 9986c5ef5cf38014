//! Monitoring visits over real HTTP: a mobile consultant records the Maktaaral raid on the
//! visit form (a form whose counts do not add up comes back as typed, each error by its field;
//! the same form sent twice saves once), takes consultations on the spot one after another,
//! and those out of reach find nothing.

use komek_app::Actor;
use komek_app::parties::NewParty;
use komek_domain::Role;
use komek_domain::entities::PartyIdentity;

use crate::support;
use support::{BackEnd, Browser, PASSWORD, Page, Server};

fn signed_in(server: &Server, username: &str) -> Browser {
    let mut browser = Browser::new();
    browser.login(server, username, PASSWORD);
    browser
}

fn count(server: &Server, sql: &str) -> i64 {
    server.app.store().read(|tx| tx.query_i64(sql, &[])).unwrap()
}

fn staff(server: &Server, username: &str) -> Actor {
    let account = server.app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == username);
    Actor::Staff(account.unwrap())
}

/// The raid as the consultant types it, on the form `page` gave.
fn raid(page: &Page, visited_on: &str, minors: &str) -> Vec<(String, String)> {
    let own = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    let mut fields = own(&[("csrf", &page.csrf()), ("id", &page.input_value("id"))]);
    fields.extend(own(&[
        ("status", "done"),
        ("planned_on", visited_on),
        ("visited_on", visited_on),
        ("region", "turkistan"),
        ("district", "maktaaral"),
        ("place_kind", "cotton-field"),
        ("settlement", "с. Жетысай"),
        ("total", "63"),
        ("women", "22"),
        ("men", "41"),
        ("minors", minors),
        ("cit0", "UZ"),
        ("cit0_n", "63"),
        ("check_passports-held", "yes"),
        ("check_passports-held_n", "20"),
        ("check_written-contracts", "no"),
        ("check_written-contracts_n", "63"),
        ("check_children-working", "yes"),
        ("check_children-working_n", "11"),
        ("hours", "12"),
        ("mat0", "leaflet"),
        ("mat0_lang", "uz"),
        ("mat0_n", "60"),
        ("narrative", "Паспорта 20 работников у бригадира."),
        ("action", "save"),
    ]));
    fields
}

fn post(browser: &mut Browser, url: &str, fields: &[(String, String)]) -> Page {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(url, &pairs)
}

fn with(mut fields: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    fields.push((name.into(), value.into()));
    fields
}

fn a_consultant_records_the_raid_and_takes_consultations_on_the_spot(back_end: BackEnd) {
    let server = Server::start(back_end);
    let consultant = staff(&server, "mobile-consultant");
    let farm = NewParty {
        kind: "company".into(),
        identity: PartyIdentity { name: "КХ «Акжол»".into(), ..Default::default() },
        ..Default::default()
    };
    let farm = server.app.register_party(&consultant, None, farm).unwrap();
    let yesterday = (server.app.today(&consultant).unwrap() - chrono::Duration::days(1)).to_string();
    let mut browser = signed_in(&server, "mobile-consultant");
    let form = browser.get(&server.url("/monitoring/new"));
    assert_eq!(form.status, 200, "{}", form.body);

    // The farm, found by another spelling; what was typed stays.
    let typed = with(raid(&form, &yesterday, "11"), "action", "find");
    let found = post(&mut browser, &server.url("/monitoring/new"), &with(typed, "party_q", "Акжол"));
    assert_eq!(found.status, 200);
    assert!(found.body.contains(&format!("value=\"{farm}\"")), "{}", found.body);
    assert_eq!(found.input_value("total"), "63");

    // 70 minors of 63 people met: refused by the field, nothing lost, nothing saved.
    let fields = with(raid(&form, &yesterday, "70"), "party_id", &farm.to_string());
    let refused = post(&mut browser, &server.url("/monitoring/new"), &fields);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"minors-error\""), "{}", refused.body);
    assert_eq!(refused.input_value("minors"), "70");
    assert_eq!(refused.input_value("settlement"), "с. Жетысай");
    // More passports held than people met: marked on that item.
    let fields = with(with(fields, "minors", "11"), "check_passports-held_n", "64");
    let refused = post(&mut browser, &server.url("/monitoring/new"), &fields);
    assert!(refused.body.contains("id=\"check_passports-held_n-error\""), "{}", refused.body);
    assert_eq!(count(&server, "SELECT count(*) FROM visits"), 0);

    let fields = with(fields, "check_passports-held_n", "20");
    let saved = post(&mut browser, &server.url("/monitoring/new"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let location = saved.header("location").unwrap().to_owned();
    // The connection dropped at submit and the phone sends it again: saved once.
    let again = post(&mut browser, &server.url("/monitoring/new"), &fields);
    assert_eq!(again.header("location"), Some(location.as_str()));
    assert_eq!(count(&server, "SELECT count(*) FROM visits"), 1);

    let page = browser.get(&server.url(&location));
    assert_eq!(page.status, 200);
    for seen in
        ["The visit is saved", "КХ «Акжол»", "Documents withheld", "20 of 63", "Retention of identity documents"]
    {
        assert!(page.body.contains(seen), "{seen}: {}", page.body);
    }
    let visit = location.trim_start_matches("/monitoring/").trim_end_matches("?saved=1").to_owned();

    // A photograph of the workers' barrack, from the phone's camera; a PDF is not one.
    let csrf = page.csrf();
    let jpeg = komek_app::fixtures::smallest_jpeg();
    let upload = server.url(&format!("/monitoring/{visit}/photos"));
    let added = browser.post_file(&upload, &[("csrf", &csrf)], "барак.jpg", &jpeg);
    assert_eq!(added.header("location"), Some(format!("/monitoring/{visit}#photos").as_str()));
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let refused = browser.post_file(&upload, &[("csrf", &csrf)], "договор.pdf", pdf);
    assert_eq!(refused.header("location"), Some(format!("/monitoring/{visit}?photo=refused-type#photos").as_str()));
    let shown = browser.get(&server.url(&format!("/monitoring/{visit}?photo=refused-type")));
    assert!(shown.body.contains("Only photographs are kept with a visit"), "{}", shown.body);
    let photo: String = server.app.store().read(|tx| tx.query_one("SELECT id FROM visit_photos", &[])?.get(0)).unwrap();
    let downloaded = browser.get(&server.url(&format!("/monitoring/{visit}/photos/{photo}")));
    assert_eq!(downloaded.header("content-type"), Some("image/jpeg"));
    assert_eq!(count(&server, "SELECT count(*) FROM visit_photos"), 1);

    // Consultations on the spot, one after another, each back on the visit.
    for name in ["Турсунов Азиз", "Каримов Жасур"] {
        let intake = browser.get(&server.url(&format!("/hotline/new?visit={visit}")));
        assert!(intake.body.contains(&format!("name=\"visit\" value=\"{visit}\"")), "{}", intake.body);
        let fields: Vec<(String, String)> = [
            ("csrf", intake.csrf()),
            ("appeal_id", intake.input_value("appeal_id")),
            ("received_at", intake.input_value("received_at")),
            ("visit", visit.clone()),
            ("channel", "mobile-group".into()),
            ("contact", "migrant".into()),
            ("full_name", name.into()),
            ("sex", "male".into()),
            ("citizenship", "UZ".into()),
            ("confirm_new", "1".into()),
            ("topic", "documents-taken".into()),
            ("outcome", "advised".into()),
            ("currency", "KZT".into()),
            ("party_role", "employer".into()),
            ("party_kind", "person".into()),
            ("action", "save".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let taken = post(&mut browser, &server.url("/hotline/new"), &fields);
        assert_eq!(taken.status, 303, "{}", taken.body);
        assert_eq!(taken.header("location"), Some(format!("/monitoring/{visit}?consulted=1").as_str()));
    }
    let page = browser.get(&server.url(&format!("/monitoring/{visit}")));
    assert_eq!(page.body.matches("/hotline/appeals/").count(), 2, "{}", page.body);
    assert!(!page.body.contains("Open a group case"), "a consultant does not open cases");
    let ranked = browser.get(&server.url("/parties/offenders?district=maktaaral"));
    assert!(ranked.body.contains("КХ «Акжол»"), "{}", ranked.body);
    assert_eq!(signed_in(&server, "analyst").get(&server.url("/parties/offenders")).status, 403);
    let month = browser.get(&server.url(&format!("/monitoring?month={}", &yesterday[..7])));
    assert!(month.body.contains(&format!("/monitoring/{visit}")), "{}", month.body);

    // A lawyer opens the group case.
    let mut lawyer = signed_in(&server, "lawyer");
    let page = lawyer.get(&server.url(&format!("/monitoring/{visit}")));
    assert!(page.body.contains("Open a group case"));
    let form_id =
        page.body.split("form class=\"open-case\"").nth(1).and_then(|f| f.split("name=\"id\" value=\"").nth(1));
    let form_id = form_id.and_then(|v| v.split('"').next()).expect("the form carries its id").to_owned();
    let open = [("csrf", page.csrf()), ("kind", "labour-exploitation".into()), ("id", form_id)];
    let open: Vec<(&str, &str)> = open.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let opened = lawyer.post(&server.url(&format!("/monitoring/{visit}/open-case")), &open);
    assert_eq!(opened.status, 303, "{}", opened.body);
    let again = lawyer.post(&server.url(&format!("/monitoring/{visit}/open-case")), &open);
    assert_eq!(again.header("location"), opened.header("location"), "sent twice, one case");
    assert_eq!(count(&server, "SELECT count(*) FROM cases"), 1);
    assert_eq!(count(&server, "SELECT count(*) FROM case_persons"), 2);
    // The farm's page lists the case as employer; nothing has confirmed the allegation yet.
    let farm: String = server
        .app
        .store()
        .read(|tx| tx.query_one(&format!("SELECT party_id FROM visits WHERE id = '{visit}'"), &[])?.get(0))
        .unwrap();
    let farm_page = lawyer.get(&server.url(&format!("/parties/{farm}")));
    assert!(farm_page.body.contains("1 case names them"), "{}", farm_page.body);
    assert!(farm_page.body.contains("<td>Employer</td>"), "{}", farm_page.body);
    assert!(farm_page.body.contains("Allegation: what is recorded here is not confirmed"), "{}", farm_page.body);

    // The farm turns out to recruit through its own agency: the lawyer records its revoked
    // licence. A licence ending before it began comes back as typed, the error by its field.
    let form = lawyer.get(&server.url(&format!("/parties/{farm}/edit")));
    assert_eq!(form.status, 200, "{}", form.body);
    let name = form.input_value("party_name");
    let mut fields: Vec<(String, String)> = [
        ("csrf", form.csrf()),
        ("version", form.input_value("version")),
        ("party_name", name.clone()),
        ("party_kind", "company".into()),
        ("party_region", "turkistan".into()),
        ("party_district", "maktaaral".into()),
        ("licence_status", "revoked".into()),
        ("licence_number", "ЛИЦ-0042".into()),
        ("licence_issued_by", "Управление занятости".into()),
        ("licence_issued_on", "2006-03-01".into()),
        ("licence_valid_until", "2005-03-01".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let refused = post(&mut lawyer, &server.url(&format!("/parties/{farm}/edit")), &fields);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"licence_valid_until-error\""), "{}", refused.body);
    assert!(refused.body.contains("cannot end before it was issued"), "{}", refused.body);
    assert_eq!(refused.input_value("licence_number"), "ЛИЦ-0042", "nothing typed is lost");
    fields = with(fields, "licence_valid_until", "2011-03-01");
    let saved = post(&mut lawyer, &server.url(&format!("/parties/{farm}/edit")), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let farm_page = lawyer.get(&server.url(&format!("/parties/{farm}")));
    assert!(farm_page.body.contains("Revoked · ЛИЦ-0042 · Управление занятости"), "{}", farm_page.body);
    let found = lawyer.get(&server.url("/parties?q=%D0%9B%D0%98%D0%A6-0042"));
    assert!(found.body.contains(&format!("/parties/{farm}")), "found by the licence's number: {}", found.body);
    let stale = post(&mut lawyer, &server.url(&format!("/parties/{farm}/edit")), &fields);
    assert_eq!(stale.status, 409, "the version read is gone");

    // Follow-up: a letter to the labour inspection, on the lawyer's dashboard until done.
    let lawyer_id = staff(&server, "lawyer").account_id().unwrap().to_string();
    let task = [
        ("csrf", page.csrf()),
        ("title", "Письмо в инспекцию труда".into()),
        ("assignee", lawyer_id),
        ("due_on", yesterday.clone()),
    ];
    let pairs: Vec<(&str, &str)> = task.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let added = lawyer.post(&server.url(&format!("/monitoring/{visit}/tasks")), &pairs);
    assert_eq!(added.header("location"), Some(format!("/monitoring/{visit}#tasks").as_str()));
    let dashboard = lawyer.get(&server.url("/"));
    assert!(dashboard.body.contains("Письмо в инспекцию труда"), "{}", dashboard.body);
    // A task without a title comes back as typed, the error by the title.
    let untitled: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, if *k == "title" { "" } else { v })).collect();
    let refused = lawyer.post(&server.url(&format!("/monitoring/{visit}/tasks")), &untitled);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"title-error\""), "{}", refused.body);
    assert_eq!(refused.input_value("due_on"), yesterday);
    // Nor a day that is not one: both are marked at once.
    let undated: Vec<(&str, &str)> =
        untitled.iter().map(|(k, v)| (*k, if *k == "due_on" { "2008-02-30" } else { v })).collect();
    let refused = lawyer.post(&server.url(&format!("/monitoring/{visit}/tasks")), &undated);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"title-error\"") && refused.body.contains("id=\"due_on-error\""));
    assert!(refused.body.contains("2 fields need fixing"), "{}", refused.body);
    let task = count(&server, "SELECT count(*) FROM visit_tasks");
    assert_eq!(task, 1);
    let id: String = server.app.store().read(|tx| tx.query_one("SELECT id FROM visit_tasks", &[])?.get(0)).unwrap();
    let done = lawyer
        .post(&server.url(&format!("/monitoring/{visit}/tasks/{id}/done")), &[("csrf", &page.csrf()), ("done", "1")]);
    assert_eq!(done.status, 303);
    assert!(!lawyer.get(&server.url("/")).body.contains("Письмо в инспекцию труда"));
}

fn visits_are_out_of_reach_of_other_offices_staff_and_closed_to_analysts(back_end: BackEnd) {
    let server = Server::start(back_end);
    let consultant = staff(&server, "mobile-consultant");
    let today = server.app.today(&consultant).unwrap();
    let visit = komek_domain::monitoring::Visit {
        id: komek_domain::VisitId::new(),
        office_id: komek_domain::OfficeId::default(),
        status: "planned".into(),
        planned_on: today,
        visited_on: None,
        region: "turkistan".into(),
        district: "saryagash".into(),
        place_kind: "bazaar".into(),
        party_id: None,
        partners: vec![],
        team: vec![],
        people: Default::default(),
        checks: vec![],
        hours_per_day: None,
        violations: vec![],
        materials: vec![],
        notes: Some(komek_domain::monitoring::VisitNotes {
            settlement: "рынок «Жибек жолы»".into(),
            ..Default::default()
        }),
        created_by: None,
        updated_at: chrono::Utc::now(),
        version: 1,
    };
    let id = server.app.create_visit(&consultant, None, visit, None).unwrap().id;
    let office = server.app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let far = server.app.create_account(&Actor::System, "far", "Far", Role::MobileConsultant, office.id, "en").unwrap();
    server.app.set_password_directly(&Actor::System, far.account.id, PASSWORD).unwrap();
    let page = format!("/monitoring/{id}");
    for (who, status) in [("far", 404), ("analyst", 403), ("hotline-operator", 200)] {
        let mut browser = signed_in(&server, who);
        let got = browser.get(&server.url(&page));
        assert_eq!(got.status, status, "{who}");
        if status != 200 {
            assert!(!got.body.contains("Жибек жолы"), "{who}");
        }
        let edit = browser.get(&server.url(&format!("{page}/edit")));
        assert_ne!(edit.status, 200, "{who} may not change it");
    }
    assert_eq!(signed_in(&server, "analyst").get(&server.url("/monitoring")).status, 403);
    assert_eq!(
        signed_in(&server, "far").get(&server.url(&format!("/monitoring/{}", uuid::Uuid::now_v7()))).status,
        404
    );
}

komek_store::with_each_back_end!(
    a_program_records_a_visit_and_its_consultations_through_the_api,
    a_consultant_records_the_raid_and_takes_consultations_on_the_spot,
    visits_are_out_of_reach_of_other_offices_staff_and_closed_to_analysts,
    a_farm_registered_twice_is_merged_on_its_page_and_through_the_api,
);

fn a_program_records_a_visit_and_its_consultations_through_the_api(back_end: BackEnd) {
    use serde_json::json;
    use support::api::Client;
    let server = Server::start(back_end);
    let consultant = Client::of(&server, "mobile-consultant");
    let request = uuid::Uuid::now_v7();
    let raid = json!({ "id": request, "status": "done", "planned_on": "2008-09-16", "visited_on": "2008-09-16",
        "region": "turkistan", "district": "maktaaral", "place_kind": "cotton-field",
        "people": { "total": 63.0, "women": 22, "men": 41, "minors": 11,
                    "citizenships": [{ "citizenship": "UZ", "people": 63 }] },
        "checks": [{ "item": "passports-held", "answer": "yes", "people": 20 },
                   { "item": "written-contracts", "answer": "no", "people": 63 }],
        "settlement": "Жетысай" });
    let created = consultant.post("/api/v1/visits", &raid);
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let again = consultant.post("/api/v1/visits", &raid);
    assert_eq!(
        (again.status, again.body["id"].as_str(), again.body["created"].as_bool()),
        (200, Some(id.as_str()), Some(false))
    );

    let read = consultant.get(&format!("/api/v1/visits/{id}"));
    assert_eq!(read.status, 200, "{}", read.body);
    let kinds: Vec<&str> =
        read.body["violations"].as_array().unwrap().iter().map(|v| v["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["no-written-contract", "documents-withheld"], "in the checklist's order");
    assert_eq!(read.body["violations"][1]["ilo_indicator"], "retention-of-documents");
    assert_eq!(read.body["settlement"], "Жетысай");

    // More minors than people met: refused naming the count.
    let mut wrong = raid.clone();
    wrong["id"] = json!(uuid::Uuid::now_v7());
    wrong["people"]["minors"] = json!(64);
    let refused = consultant.post("/api/v1/visits", &wrong);
    assert_eq!((refused.status, refused.fields()), (422, vec!["people.minors"]), "{}", refused.body);
    wrong["people"]["minors"] = json!(11);
    wrong["answer_typo"] = json!(1);
    assert_eq!(consultant.post("/api/v1/visits", &wrong).status, 400, "an unknown field");

    // An on-site consultation, then a stale update refused.
    let appeal = consultant.post(
        "/api/v1/appeals",
        &json!({ "channel": "hotline-phone", "contact": "migrant", "topics": ["documents-taken"], "outcome": "advised",
                 "visit_id": id }),
    );
    assert_eq!(appeal.status, 201, "{}", appeal.body);
    let read = consultant.get(&format!("/api/v1/visits/{id}"));
    assert_eq!(read.body["appeals"][0], appeal.body["id"]);
    let mut update = raid.clone();
    update["version"] = read.body["version"].clone();
    update["people"]["minors"] = json!(9);
    assert_eq!(consultant.send("PUT", &format!("/api/v1/visits/{id}"), &update.to_string()).status, 200);
    assert_eq!(consultant.send("PUT", &format!("/api/v1/visits/{id}"), &update.to_string()).status, 409);
    let listed = consultant.get("/api/v1/visits?district=maktaaral&from=2008-09-01&to=2008-09-30");
    assert_eq!(listed.body["items"][0]["people_minors"], 9, "{}", listed.body);
    assert_eq!(consultant.get("/api/v1/visits?district=mars").status, 422);
    assert_eq!(Client::of(&server, "analyst").get(&format!("/api/v1/visits/{id}")).status, 403);

    // A farm's registry record and the district's repeat offenders, as a program reads them.
    let farm = consultant.post(
        "/api/v1/parties",
        &json!({ "kind": "company", "region": "turkistan", "district": "maktaaral",
                 "identity": { "name": "КХ «Акжол»", "licence": { "status": "none" } } }),
    );
    assert_eq!(farm.status, 201, "{}", farm.body);
    let farm = farm.body["id"].clone();
    let read = consultant.get(&format!("/api/v1/parties/{}", farm.as_str().unwrap()));
    assert_eq!(read.body["identity"]["licence"]["status"], "none", "{}", read.body);
    let mut at_farm = raid.clone();
    at_farm["id"] = json!(uuid::Uuid::now_v7());
    at_farm["party_id"] = farm.clone();
    assert_eq!(consultant.post("/api/v1/visits", &at_farm).status, 201);
    let lawyer = Client::of(&server, "lawyer");
    let record = lawyer.get(&format!("/api/v1/parties/{}/registry", farm.as_str().unwrap()));
    assert_eq!(record.status, 200, "{}", record.body);
    assert_eq!(record.body["standing"], "alleged", "no case has confirmed anything");
    assert_eq!(record.body["visits"][0]["violations"], 2, "{}", record.body);
    assert_eq!(record.body["cases"], json!([]));
    let ranked = lawyer.get("/api/v1/parties/offenders?district=maktaaral");
    assert_eq!(ranked.status, 200, "{}", ranked.body);
    assert_eq!((&ranked.body["items"][0]["id"], &ranked.body["items"][0]["name"]), (&farm, &json!("КХ «Акжол»")));
    assert_eq!(lawyer.get("/api/v1/parties/offenders?district=mars").status, 422);
    assert_eq!(Client::of(&server, "analyst").get("/api/v1/parties/offenders").status, 403, "never public");
}

/// The farm was registered twice; the lawyer finds the second record from the farm's page and
/// merges it, after being asked to confirm. A program merges a third through the API.
fn a_farm_registered_twice_is_merged_on_its_page_and_through_the_api(back_end: BackEnd) {
    use serde_json::json;
    let server = Server::start(back_end);
    let consultant = staff(&server, "mobile-consultant");
    let register = |name: &str, phone: &str| {
        let party = NewParty {
            kind: "company".into(),
            identity: PartyIdentity { name: name.into(), phones: vec![phone.into()], ..Default::default() },
            ..Default::default()
        };
        server.app.register_party(&consultant, None, party).unwrap()
    };
    let farm = register("КХ «Акжол»", "+77015550101");
    let again = register("Акжол крестьянское хозяйство", "+77015550202");
    let third = register("Ақжол ШҚ", "+77015550303");

    let mut lawyer = signed_in(&server, "lawyer");
    let page = lawyer.get(&server.url(&format!("/parties/{farm}")));
    assert!(page.body.contains(&format!("href=\"/parties/{farm}/merge\"")), "{}", page.body);
    let merge = lawyer.get(&server.url(&format!("/parties/{farm}/merge")));
    assert_eq!(merge.status, 200, "{}", merge.body);
    assert!(merge.body.contains(&format!("value=\"{again}\"")), "found by its name: {}", merge.body);
    assert!(!merge.body.contains(&format!("name=\"duplicate\" value=\"{farm}\"")), "not itself");
    let fields = |confirm: bool| {
        let mut fields = vec![
            ("csrf".to_string(), merge.csrf()),
            ("version".into(), "1".into()),
            ("duplicate".into(), again.to_string()),
            ("q".into(), "Акжол".into()),
        ];
        if confirm {
            fields.push(("confirm".into(), "1".into()));
        }
        fields
    };
    // Two records that together pass a record's limits are refused, naming the field.
    let crowded = NewParty {
        kind: "company".into(),
        identity: PartyIdentity {
            name: "Акжол-Агро".into(),
            other_names: (0..komek_domain::limits::MAX_SPELLINGS).map(|n| format!("Акжол {n}")).collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    let crowded = server.app.register_party(&consultant, None, crowded).unwrap();
    let over = vec![
        ("csrf".to_string(), merge.csrf()),
        ("version".into(), "1".into()),
        ("duplicate".into(), again.to_string()),
        ("confirm".into(), "1".into()),
    ];
    let refused = post(&mut lawyer, &server.url(&format!("/parties/{crowded}/merge")), &over);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("nothing was merged"), "{}", refused.body);
    assert!(refused.body.contains("<strong>Other names</strong>"), "the field is named: {}", refused.body);
    let unconfirmed = post(&mut lawyer, &server.url(&format!("/parties/{farm}/merge")), &fields(false));
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.body);
    assert!(unconfirmed.body.contains("id=\"confirm-error\""), "{}", unconfirmed.body);
    assert!(unconfirmed.body.contains(&format!("value=\"{again}\"")), "the record is still offered");
    let merged = post(&mut lawyer, &server.url(&format!("/parties/{farm}/merge")), &fields(true));
    assert_eq!(merged.header("location"), Some(format!("/parties/{farm}?done=merged").as_str()), "{}", merged.body);
    let page = lawyer.get(&server.url(&format!("/parties/{farm}?done=merged")));
    assert!(page.body.contains("The duplicate was merged into this record"), "{}", page.body);
    assert!(page.body.contains("Акжол крестьянское хозяйство"), "its name is another name now");
    assert_eq!(lawyer.get(&server.url(&format!("/parties/{again}"))).status, 404);
    let stale = post(&mut lawyer, &server.url(&format!("/parties/{farm}/merge")), &fields(true));
    assert_eq!(stale.status, 404, "the duplicate is gone");
    let operator = signed_in(&server, "hotline-operator").get(&server.url(&format!("/parties/{farm}/merge")));
    assert_eq!(operator.status, 403, "an operator corrects parties but does not merge them");

    let program = support::api::Client::of(&server, "lawyer");
    let path = format!("/api/v1/parties/{farm}/merge");
    let stale = program.post(&path, &json!({ "duplicate": third, "version": 1 }));
    assert_eq!(stale.status, 409, "{}", stale.body);
    let itself = program.post(&path, &json!({ "duplicate": farm, "version": 2 }));
    assert_eq!((itself.status, itself.fields()), (422, vec!["duplicate"]), "{}", itself.body);
    let done = program.post(&path, &json!({ "duplicate": third, "version": 2 }));
    assert_eq!((done.status, &done.body["version"]), (200, &json!(3)), "{}", done.body);
    let read = program.get(&format!("/api/v1/parties/{farm}"));
    assert_eq!(read.body["identity"]["phones"].as_array().map(Vec::len), Some(3), "{}", read.body);
    assert_eq!(program.get(&format!("/api/v1/parties/{third}")).status, 404);
    let operator =
        support::api::Client::of(&server, "hotline-operator").post(&path, &json!({ "duplicate": again, "version": 3 }));
    assert_eq!(operator.status, 403);
}
