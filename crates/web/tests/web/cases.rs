//! The case desk over real HTTP: a lawyer briefs from the case page and adds to it; forms
//! keep what was typed; evidence files that are too large, of a refused kind or cut short
//! leave the case unchanged; two editors never overwrite each other; closing asks for the
//! outcome; psychologists' notes stay with psychologists; who may do what.

use crate::support;

use komek_app::Actor;
use komek_domain::entities::{Appeal, PersonIdentity, PersonProfile};
use komek_domain::{AccountId, CaseId, OfficeId, Role};
use support::{BackEnd, Browser, PASSWORD, Page, Server};

fn staff(server: &Server, username: &str) -> Actor {
    let accounts = server.app.accounts(&Actor::System).unwrap();
    Actor::Staff(accounts.into_iter().find(|a| a.username == username).expect("a test account"))
}

fn count(server: &Server, sql: &str) -> i64 {
    server.app.store().read(|tx| tx.query_i64(sql, &[])).unwrap()
}

/// Husan's appeal registered by the operator and a case opened from it by the lawyer.
pub(crate) fn husans_case(server: &Server, sensitive: bool) -> CaseId {
    let operator = staff(server, "hotline-operator");
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: "Хусан Абдуллаев".into(), ..Default::default() };
    let husan = server.app.register_person(&operator, None, profile, identity).unwrap();
    let appeal = Appeal {
        person_id: Some(husan),
        topics: vec!["forced-labour-suspicion".into()],
        help: vec!["legal-consultation".into()],
        occupation: Some("skilled-construction".into()),
        sector: Some("construction".into()),
        ..Appeal::received(
            OfficeId(uuid::Uuid::nil()),
            AccountId(uuid::Uuid::nil()),
            chrono::Utc::now() - chrono::Duration::days(3),
            "hotline-phone",
            "relative",
            "pending",
        )
    };
    let appeal = server.app.register_appeal(&operator, appeal).unwrap();
    server.app.open_case_from_appeal(&staff(server, "lawyer"), appeal, "trafficking-labour", sensitive).unwrap()
}

fn logged_in(server: &Server, username: &str) -> Browser {
    let mut browser = Browser::new();
    browser.login(server, username, PASSWORD);
    browser
}

fn case_page(browser: &mut Browser, server: &Server, case: CaseId) -> Page {
    let page = browser.get(&server.url(&format!("/cases/{case}")));
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

fn a_lawyer_briefs_from_the_case_page_and_adds_to_its_timeline(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    let page = case_page(&mut lawyer, &server, case);
    assert!(page.body.contains("Хусан Абдуллаев"), "the person is named");
    assert!(page.body.contains("id=\"timeline\""));
    let csrf = page.csrf();
    let url = |path: &str| server.url(&format!("/cases/{case}/{path}"));

    // An event without a description and with an impossible day comes back with both errors
    // and with what was typed.
    let refused = lawyer
        .post(&url("events"), &[("csrf", &csrf), ("happened_on", "2008-02-31"), ("kind", "recruitment"), ("text", "")]);
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("not a valid date"), "{}", refused.body);
    assert!(refused.body.contains("2008-02-31"), "the typed day is kept");
    assert_eq!(count(&server, "SELECT count(*) FROM case_events"), 0);

    let saved = lawyer.post(
        &url("events"),
        &[
            ("csrf", &csrf),
            ("happened_on", "2008-03-02"),
            ("kind", "recruitment"),
            ("text", "Recruited in Tashkent with promises of plastering work"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let service = lawyer.post(
        &url("services"),
        &[
            ("csrf", &csrf),
            ("kind", "wage-recovery"),
            ("delivered_on", "2008-06-01"),
            ("provider", ""),
            ("result", "Paid in part"),
            ("destination_country", ""),
            ("claimed", "300 000"),
            ("recovered", "150000"),
            ("currency", "KZT"),
        ],
    );
    assert_eq!(service.status, 303, "{}", service.body);
    let home = lawyer.post(
        &url("services"),
        &[
            ("csrf", &csrf),
            ("kind", "repatriation"),
            ("delivered_on", "2008-06-20"),
            ("provider", "IOM"),
            ("result", ""),
            ("destination_country", "UZ"),
            ("accompanied_by", "his brother Shukhrat"),
            ("claimed", ""),
            ("recovered", ""),
            ("currency", "KZT"),
        ],
    );
    assert_eq!(home.status, 303, "{}", home.body);
    let lawyer_id = staff(&server, "lawyer").account_id().unwrap().to_string();
    let task = lawyer.post(
        &url("tasks"),
        &[
            ("csrf", &csrf),
            ("title", "Ask the police for the passport"),
            ("assignee", &lawyer_id),
            ("due_on", "2008-03-10"),
        ],
    );
    assert_eq!(task.status, 303, "{}", task.body);
    let untitled = lawyer
        .post(&url("tasks"), &[("csrf", &csrf), ("title", ""), ("assignee", &lawyer_id), ("due_on", "2008-02-30")]);
    assert_eq!(untitled.status, 422, "{}", untitled.body);
    assert!(untitled.body.contains("id=\"task-title-error\"") && untitled.body.contains("id=\"task-due_on-error\""));
    assert!(untitled.body.contains("2 fields need fixing"), "both are marked at once: {}", untitled.body);
    let proceeding = lawyer.post(
        &url("proceedings"),
        &[
            ("csrf", &csrf),
            ("kind", "criminal"),
            ("authority", "organised-crime-unit"),
            ("articles", "cc1997-128"),
            ("stage", "pre-trial-investigation"),
            ("opened_on", "2008-03-05"),
            ("hearings", "2008-05-14"),
            ("outcome", ""),
        ],
    );
    assert_eq!(proceeding.status, 303, "{}", proceeding.body);

    let page = case_page(&mut lawyer, &server, case);
    let body = &page.body;
    let order = ["Recruited in Tashkent", "Proceeding opened", "Hearing", "Paid in part", "with his brother Shukhrat"];
    let at: Vec<usize> =
        order.iter().map(|text| body.find(text).unwrap_or_else(|| panic!("{text} in {body}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "the timeline runs in date order: {at:?}");
    assert!(body.contains("Ask the police for the passport"));
    assert!(body.contains("150"), "the recovered amount shows");
    let given = &body[body.find("id=\"services-given\"").expect("the help given is listed under its heading")..];
    let given = &given[..given.find("</ul>").unwrap()];
    assert!(given.contains("Paid in part") && given.contains("with his brother Shukhrat"), "{given}");

    // The task is overdue: it shows on the lawyer's first page and in the overdue list.
    let dashboard = lawyer.get(&server.url("/"));
    assert!(dashboard.body.contains("Ask the police for the passport"), "{}", dashboard.body);
    let overdue = lawyer.get(&server.url("/cases?status=&overdue=1"));
    assert!(overdue.body.contains(&format!("/cases/{case}")));
    let task_id: String =
        server.app.store().read(|tx| tx.query_one("SELECT id FROM case_tasks", &[])?.get::<String>(0)).unwrap();
    let done = lawyer.post(&url(&format!("tasks/{task_id}/done")), &[("csrf", &csrf), ("done", "1")]);
    assert_eq!(done.status, 303);
    let overdue = lawyer.get(&server.url("/cases?status=&overdue=1"));
    assert!(!overdue.body.contains(&format!("/cases/{case}")), "done tasks are not overdue");

    // Everything added was audited and nothing of it is stored in the clear.
    assert!(
        count(&server, "SELECT count(*) FROM audit_log WHERE record_kind IN ('case-event', 'service', 'task')") >= 4
    );
    let stored: Vec<u8> =
        server.app.store().read(|tx| tx.query_one("SELECT text_enc FROM case_events", &[])?.get(0)).unwrap();
    assert!(!String::from_utf8_lossy(&stored).contains("Tashkent"));
}

/// A minimal PDF, as a scanner writes it.
const CONTRACT: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn evidence_too_large_refused_or_cut_short_leaves_the_case_unchanged(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    let csrf = case_page(&mut lawyer, &server, case).csrf();
    let upload = format!("/cases/{case}/evidence");
    let mut send =
        |name: &str, content: &[u8]| lawyer.post_file(&server.url(&upload), &[("csrf", &csrf)], name, content);

    let executable = send("passport.jpg", b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode");
    assert_eq!(executable.status, 422);
    assert!(executable.body.contains("not accepted"), "{}", executable.body);
    let cut = send("contract.pdf", &CONTRACT[..CONTRACT.len() - 8]);
    assert_eq!(cut.status, 422);
    assert!(cut.body.contains("cut off on the way, or saved incomplete"), "{}", cut.body);
    let mut huge = CONTRACT.to_vec();
    huge.splice(9..9, std::iter::repeat_n(b' ', komek_domain::evidence::MAX_EVIDENCE_BYTES));
    let too_large = send("scan.pdf", &huge);
    assert_eq!(too_large.status, 422);
    assert!(too_large.body.contains("too large"), "{}", too_large.body);
    let empty = send("", b"");
    assert_eq!(empty.status, 422);
    assert_eq!(count(&server, "SELECT count(*) FROM evidence_files"), 0, "nothing refused was stored");
    assert_eq!(count(&server, "SELECT count(*) FROM audit_log WHERE record_kind = 'evidence'"), 0);

    let accepted = send("C:\\fakepath\\договор.pdf", CONTRACT);
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    // Far larger than any upload route takes: refused before it is read, with a page that
    // says how large a file may be.
    let refused = lawyer.post_declaring(&server, &upload, 3 * komek_domain::evidence::MAX_EVIDENCE_BYTES);
    assert_eq!(refused.status, 413);
    assert!(refused.body.contains("may be at most 10 MB"), "{}", refused.body);
    assert!(refused.body.contains("nothing was saved"), "{}", refused.body);
    let page = case_page(&mut lawyer, &server, case);
    assert!(page.body.contains("договор.pdf"), "listed under its own name");
    assert!(page.body.contains("Test lawyer"), "with who added it");
    let file_id: String =
        server.app.store().read(|tx| tx.query_one("SELECT id FROM evidence_files", &[])?.get::<String>(0)).unwrap();
    let download = lawyer.get(&server.url(&format!("/cases/{case}/evidence/{file_id}")));
    assert_eq!(download.status, 200);
    assert_eq!(download.body.as_bytes(), CONTRACT);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    assert!(download.header("content-disposition").unwrap().starts_with("attachment"));
    let stored: Vec<u8> =
        server.app.store().read(|tx| tx.query_one("SELECT content_enc FROM evidence_content", &[])?.get(0)).unwrap();
    assert!(!stored.windows(4).any(|w| w == b"%PDF"), "encrypted at rest");

    // Someone who may not reach the case cannot fetch its files either.
    let other_office = server.app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let outsider =
        server.app.create_account(&Actor::System, "far", "Far", Role::Lawyer, other_office.id, "en").unwrap();
    server.app.set_password_directly(&Actor::System, outsider.account.id, PASSWORD).unwrap();
    let mut far = logged_in(&server, "far");
    let refused = far.get(&server.url(&format!("/cases/{case}/evidence/{file_id}")));
    assert_eq!(refused.status, 404);
}

fn two_lawyers_editing_one_case_are_told_and_shown_the_change(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut first = logged_in(&server, "lawyer");
    let mut second = logged_in(&server, "manager");
    let form_of = |browser: &mut Browser| browser.get(&server.url(&format!("/cases/{case}/edit")));
    let (one, two) = (form_of(&mut first), form_of(&mut second));
    assert_eq!((one.status, two.status), (200, 200));
    let fields = |page: &Page, summary: &str| -> Vec<(String, String)> {
        vec![
            ("csrf".into(), page.csrf()),
            ("mode".into(), "edit".into()),
            ("version".into(), page.input_value("version")),
            ("kind".into(), "trafficking-labour".into()),
            ("status".into(), "open".into()),
            ("lead".into(), staff(&server, "lawyer").account_id().unwrap().to_string()),
            ("recruited_at".into(), "Tashkent".into()),
            ("summary".into(), summary.into()),
        ]
    };
    let post = |browser: &mut Browser, fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        browser.post(&server.url(&format!("/cases/{case}/edit")), &pairs)
    };
    let saved = post(&mut first, fields(&one, "Moved between sites under escort"));
    assert_eq!(saved.status, 303, "{}", saved.body);
    let told = post(&mut second, fields(&two, "Passport taken for permits"));
    assert_eq!(told.status, 409);
    assert!(told.body.contains("changed this record while you were editing"), "told: {}", told.body);
    assert!(told.body.contains("Moved between sites under escort"), "shown what is saved now");
    assert!(told.body.contains("Passport taken for permits"), "their own text is kept");
    let file = server.app.case_file(&Actor::System, case).unwrap();
    assert_eq!(file.case.summary.as_deref(), Some("Moved between sites under escort"), "nothing overwritten");
}

fn closing_a_case_asks_for_its_outcome(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    let form = lawyer.get(&server.url(&format!("/cases/{case}/close")));
    assert_eq!(form.status, 200);
    let base = [("csrf", form.csrf()), ("mode", "close".into()), ("version", form.input_value("version"))];
    let mut fields: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fields.push(("status", "closed"));
    let refused = lawyer.post(&server.url(&format!("/cases/{case}/close")), &fields);
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Please fill this in"), "{}", refused.body);
    fields.extend([
        ("outcomes", "documents-returned"),
        ("outcomes", "returned-home"),
        ("closing_reason", "goals-achieved"),
    ]);
    let closed = lawyer.post(&server.url(&format!("/cases/{case}/close")), &fields);
    assert_eq!(closed.status, 303, "{}", closed.body);
    let file = server.app.case_file(&Actor::System, case).unwrap();
    assert_eq!(file.case.status, "closed");
    assert_eq!(file.case.outcomes, vec!["documents-returned".to_owned(), "returned-home".to_owned()]);
    assert!(file.case.closed_on.is_some());
    assert_eq!(file.case.closing_reason.as_deref(), Some("goals-achieved"));
}

fn a_psychologists_note_is_read_by_psychologists_and_the_lead_only(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut psychologist = logged_in(&server, "psychologist");
    let csrf = case_page(&mut psychologist, &server, case).csrf();
    let written = psychologist.post(
        &server.url(&format!("/cases/{case}/notes")),
        &[("csrf", &csrf), ("text", "Nightmares since the beating"), ("visibility", "author-role")],
    );
    assert_eq!(written.status, 303, "{}", written.body);
    assert!(case_page(&mut psychologist, &server, case).body.contains("Nightmares since the beating"));
    let mut lead = logged_in(&server, "lawyer");
    assert!(case_page(&mut lead, &server, case).body.contains("Nightmares since the beating"), "the lead reads it");
    let mut manager = logged_in(&server, "manager");
    let page = case_page(&mut manager, &server, case);
    assert!(!page.body.contains("Nightmares"));
    assert!(page.body.contains("1 note is kept to its author"), "{}", page.body);
}

fn operators_read_cases_of_their_office_but_only_case_workers_change_them(back_end: BackEnd) {
    let server = Server::start(back_end);
    let open = husans_case(&server, false);
    let sensitive = husans_case(&server, true);
    let mut operator = logged_in(&server, "hotline-operator");
    let page = case_page(&mut operator, &server, open);
    assert!(!page.body.contains("/events\""), "no forms for operators");
    let refused = operator.post(
        &server.url(&format!("/cases/{open}/events")),
        &[("csrf", &page.csrf()), ("happened_on", "2008-03-02"), ("kind", "contact"), ("text", "x")],
    );
    assert_eq!(refused.status, 403);
    let hidden = operator.get(&server.url(&format!("/cases/{sensitive}")));
    assert_eq!(hidden.status, 404, "a sensitive case is its team's only");
    assert!(!hidden.body.contains("Хусан"));
    let list = operator.get(&server.url("/cases"));
    assert!(list.body.contains(&format!("/cases/{open}")));
    assert!(!list.body.contains(&format!("/cases/{sensitive}")), "and does not show in lists");
    let mut analyst = logged_in(&server, "analyst");
    assert_eq!(analyst.get(&server.url(&format!("/cases/{open}"))).status, 403);
    assert_eq!(analyst.get(&server.url("/cases")).status, 403);
}

fn a_group_case_grows_as_more_of_the_recruited_come_forward(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let operator = staff(&server, "hotline-operator");
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: "Бахтиёр Каримов".into(), ..Default::default() };
    let brother = server.app.register_person(&operator, None, profile, identity).unwrap();
    let party = server
        .app
        .register_party(
            &operator,
            None,
            komek_app::parties::NewParty {
                kind: "company".into(),
                region: None,
                district: None,
                identity: komek_domain::entities::PartyIdentity {
                    name: "ТОО Стройсервис".into(),
                    ..Default::default()
                },
            },
        )
        .unwrap();
    let mut lawyer = logged_in(&server, "lawyer");
    let found = lawyer.get(&server.url(&format!("/cases/{case}/people?q=Bakhtiyor+Karimov")));
    assert_eq!(found.status, 200);
    assert!(found.body.contains("Бахтиёр Каримов"), "found by another spelling: {}", found.body);
    let added = lawyer.post(
        &server.url(&format!("/cases/{case}/people")),
        &[("csrf", &found.csrf()), ("version", &found.input_value("version")), ("person", &brother.to_string())],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let found = lawyer.get(&server.url(&format!("/cases/{case}/people?q=Stroiservis")));
    assert!(found.body.contains("ТОО Стройсервис"), "{}", found.body);
    let role = format!("role-{party}");
    let added = lawyer.post(
        &server.url(&format!("/cases/{case}/people")),
        &[
            ("csrf", &found.csrf()),
            ("version", &found.input_value("version")),
            ("party", &party.to_string()),
            (&role, "intermediary"),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let file = server.app.case_file(&Actor::System, case).unwrap();
    assert_eq!(file.case.persons.len(), 2);
    assert_eq!(file.case.parties, vec![(party, "intermediary".to_owned())]);
    let page = case_page(&mut lawyer, &server, case);
    assert!(page.body.contains("ТОО Стройсервис</a> · Intermediary"), "the case names its parties: {}", page.body);
    // A page read before those additions cannot add on top of them unseen.
    let stale = lawyer.post(
        &server.url(&format!("/cases/{case}/people")),
        &[("csrf", &found.csrf()), ("version", &found.input_value("version")), ("person", &brother.to_string())],
    );
    assert_eq!(stale.header("location"), Some(format!("/cases/{case}/people?conflict=1").as_str()));
}

fn a_fined_proceeding_is_saved_again_from_its_form_and_a_stale_edit_is_shown_the_change(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    let csrf = case_page(&mut lawyer, &server, case).csrf();
    let added = lawyer.post(
        &server.url(&format!("/cases/{case}/proceedings")),
        &[
            ("csrf", &csrf),
            ("kind", "administrative"),
            ("authority", "labour-inspection"),
            ("articles", "coao2001-394"),
            ("stage", "decided"),
            ("opened_on", "2008-10-01"),
            ("outcome", "fine"),
            ("decided_on", "2008-11-06"),
            ("fine", "500 USD"),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let proceeding: String =
        server.app.store().read(|tx| tx.query_one("SELECT id FROM proceedings", &[])?.get::<String>(0)).unwrap();
    let edit = format!("/cases/{case}/proceedings/{proceeding}/edit");
    let form = lawyer.get(&server.url(&edit));
    assert_eq!(form.input_value("fine"), "500 USD", "the fine comes back as it can be typed");
    let fields = |page: &Page, stage: &'static str| -> Vec<(String, String)> {
        let mut fields: Vec<(String, String)> = ["csrf", "version", "opened_on", "decided_on", "fine"]
            .iter()
            .map(|n| (n.to_string(), page.input_value(n)))
            .collect();
        fields.extend(
            [
                ("kind", "administrative"),
                ("authority", "labour-inspection"),
                ("articles", "coao2001-394"),
                ("stage", stage),
                ("outcome", "fine"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
        fields
    };
    let post = |browser: &mut Browser, fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        browser.post(&server.url(&edit), &pairs)
    };
    let stale_form = lawyer.get(&server.url(&edit));
    let saved = post(&mut lawyer, fields(&form, "closed"));
    assert_eq!(saved.status, 303, "saved again unchanged but its stage: {}", saved.body);
    let told = post(&mut lawyer, fields(&stale_form, "appeal"));
    assert_eq!(told.status, 409);
    assert!(told.body.contains("Saved meanwhile by someone else"), "{}", told.body);
    assert_eq!(told.input_value("version"), "2", "saving again names the version now saved");
    let file = server.app.case_file(&Actor::System, case).unwrap();
    let (p, version) = &file.proceedings[0];
    assert_eq!((p.stage.as_str(), *version), ("closed", 2), "nothing overwritten");
    assert_eq!(p.fine, Some(komek_domain::Money::from_major(500, komek_domain::Currency::USD)));
}

fn the_country_of_exploitation_is_saved_from_the_case_form_and_shown_on_its_page(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    // What the page says under "Exploited at".
    let exploited_at = |lawyer: &mut Browser| -> String {
        let body = case_page(lawyer, &server, case).body;
        let after = &body[body.find("Exploited at</dt>").expect("the case page says where")..];
        after[..after.find("</dd>").unwrap()].to_owned()
    };
    assert!(!exploited_at(&mut lawyer).contains("Russia"), "no country of exploitation yet");
    let edit = server.url(&format!("/cases/{case}/edit"));
    let form = lawyer.get(&edit);
    assert_eq!(form.status, 200);
    let lead = staff(&server, "lawyer").account_id().unwrap().to_string();
    let fields = |country: &'static str| -> Vec<(String, String)> {
        vec![
            ("csrf".into(), form.csrf()),
            ("mode".into(), "edit".into()),
            ("version".into(), form.input_value("version")),
            ("kind".into(), "trafficking-labour".into()),
            ("status".into(), "open".into()),
            ("lead".into(), lead.clone()),
            ("recruited_at".into(), "Tashkent".into()),
            ("exploited_country".into(), country.into()),
            ("summary".into(), "Taken to a brickworks near Yekaterinburg".into()),
        ]
    };
    let mut post = |fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        lawyer.post(&edit, &pairs)
    };
    let refused = post(fields("atlantis"));
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("Please choose one of the listed values."), "{}", refused.body);
    assert!(refused.body.contains("Taken to a brickworks near Yekaterinburg"), "what was typed is kept");
    let saved = post(fields("RU"));
    assert_eq!(saved.status, 303, "{}", saved.body);
    let file = server.app.case_file(&Actor::System, case).unwrap();
    assert_eq!(file.case.exploited_country.as_deref(), Some("RU"));
    let shown = exploited_at(&mut lawyer);
    assert!(shown.ends_with("<dd>Russia"), "shown where the person was exploited, nothing around it: {shown}");
}

komek_store::with_each_back_end!(
    a_lawyer_briefs_from_the_case_page_and_adds_to_its_timeline,
    evidence_too_large_refused_or_cut_short_leaves_the_case_unchanged,
    two_lawyers_editing_one_case_are_told_and_shown_the_change,
    closing_a_case_asks_for_its_outcome,
    a_psychologists_note_is_read_by_psychologists_and_the_lead_only,
    operators_read_cases_of_their_office_but_only_case_workers_change_them,
    a_group_case_grows_as_more_of_the_recruited_come_forward,
    a_fined_proceeding_is_saved_again_from_its_form_and_a_stale_edit_is_shown_the_change,
    the_country_of_exploitation_is_saved_from_the_case_form_and_shown_on_its_page,
    recruitment_control_and_an_events_place_are_saved_from_their_forms_and_shown,
);

fn recruitment_control_and_an_events_place_are_saved_from_their_forms_and_shown(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = husans_case(&server, false);
    let mut lawyer = logged_in(&server, "lawyer");
    let edit = server.url(&format!("/cases/{case}/edit"));
    let form = lawyer.get(&edit);
    assert_eq!(form.status, 200);
    assert!(form.body.contains("By an intermediary at a bazaar"), "the form offers the methods");
    assert!(form.body.contains("Locked in, escorted or isolated"), "and the means of control");
    let lead = staff(&server, "lawyer").account_id().unwrap().to_string();
    let fields = |control: &'static str| -> Vec<(String, String)> {
        vec![
            ("csrf".into(), form.csrf()),
            ("mode".into(), "edit".into()),
            ("version".into(), form.input_value("version")),
            ("kind".into(), "trafficking-labour".into()),
            ("status".into(), "open".into()),
            ("lead".into(), lead.clone()),
            ("recruited_at".into(), "Tashkent, Kuyluk".into()),
            ("recruitment_methods".into(), "bazaar-intermediary".into()),
            ("means_of_control".into(), "documents-withheld".into()),
            ("means_of_control".into(), control.into()),
            ("summary".into(), "Passport taken, moved under escort".into()),
        ]
    };
    let mut post = |fields: Vec<(String, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        lawyer.post(&edit, &pairs)
    };
    let refused = post(fields("chains"));
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("Passport taken, moved under escort"), "what was typed is kept");
    let saved = post(fields("confinement-isolation"));
    assert_eq!(saved.status, 303, "{}", saved.body);
    let file = server.app.case_file(&Actor::System, case).unwrap();
    assert_eq!(file.case.recruitment_methods, ["bazaar-intermediary"]);
    assert_eq!(file.case.means_of_control, ["documents-withheld", "confinement-isolation"]);

    let page = case_page(&mut lawyer, &server, case);
    assert!(page.body.contains("By an intermediary at a bazaar"), "{}", page.body);
    assert!(page.body.contains("Documents taken away, Locked in, escorted or isolated"), "{}", page.body);
    let event = lawyer.post(
        &server.url(&format!("/cases/{case}/events")),
        &[
            ("csrf", &page.csrf()),
            ("happened_on", "2008-06-02"),
            ("kind", "exploitation"),
            ("text", "Pouring concrete, no pay"),
            ("place_country", ""),
            ("place_region", "turkistan"),
            ("place_district", "tolebi"),
            ("place_settlement", "Lenger"),
        ],
    );
    assert_eq!(event.status, 303, "{}", event.body);
    let page = case_page(&mut lawyer, &server, case);
    assert!(page.body.contains("Lenger, Tolebi"), "the timeline says where: {}", page.body);
}
