//! The hotline over real HTTP: intake with a repeat caller found by another spelling,
//! errors that keep what was typed, a form sent twice, duplicates, parties, the register's
//! filters, person pages and merging, and who may open which record.

use crate::support;

use komek_app::Actor;
use komek_domain::entities::{Appeal, Case, PersonIdentity, PersonProfile};
use komek_domain::{AccountId, AppealId, OfficeId, PersonId, Role};
use support::{BackEnd, Browser, PASSWORD, Page, Server};

fn staff(server: &Server, username: &str) -> Actor {
    let accounts = server.app.accounts(&Actor::System).unwrap();
    Actor::Staff(accounts.into_iter().find(|a| a.username == username).expect("a test account"))
}

fn register_person(server: &Server, actor: &Actor, name: &str, phone: &str) -> PersonId {
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: name.into(), phones: vec![phone.into()], ..Default::default() };
    server.app.register_person(actor, None, profile, identity).unwrap()
}

fn appeal(topic: &str, person: Option<PersonId>) -> Appeal {
    Appeal {
        person_id: person,
        topics: vec![topic.into()],
        help: vec!["legal-consultation".into()],
        ..Appeal::received(
            OfficeId(uuid::Uuid::nil()),
            AccountId(uuid::Uuid::nil()),
            chrono::Utc::now() - chrono::Duration::days(30),
            "hotline-phone",
            "migrant",
            "advised",
        )
    }
}

fn count(server: &Server, sql: &str) -> i64 {
    server.app.store().read(|tx| tx.query_i64(sql, &[])).unwrap()
}

/// The intake form's own fields, as a browser would send them after the operator typed `extra`.
fn intake_form<'a>(page: &Page, extra: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> =
        ["csrf", "appeal_id", "received_at"].iter().map(|name| (name.to_string(), page.input_value(name))).collect();
    // What the selects send untouched.
    let selects = [
        ("channel", "hotline-phone"),
        ("contact", "migrant"),
        ("sex", "unknown"),
        ("citizenship", "unknown"),
        ("currency", "KZT"),
        ("outcome", "advised"),
        ("party_role", "employer"),
        ("party_kind", "person"),
    ];
    for (name, value) in selects.into_iter().filter(|(name, _)| !extra.iter().any(|(k, _)| k == name)) {
        fields.push((name.into(), value.into()));
    }
    fields.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    fields
}

fn post(browser: &mut Browser, url: &str, fields: &[(String, String)]) -> Page {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(url, &pairs)
}

fn an_operator_registers_a_repeat_caller_found_by_another_spelling(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = staff(&server, "hotline-operator");
    let husan = register_person(&server, &operator, "Абдуллаев Хусан", "+998 90 123 45 67");
    server.app.register_appeal(&operator, appeal("wages-unpaid", Some(husan))).unwrap();
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    assert_eq!(form.status, 200);
    assert!(form.body.contains("autofocus"), "the cursor starts in the caller's name");

    let found = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(&form, &[("full_name", "Khusan Abdulaev"), ("action", "find")]),
    );
    // What the page's script asks while he is being typed: a POST with the form's token.
    assert_eq!(browser.get(&server.url("/hotline/candidates?full_name=Khusan")).status, 405, "never in a URL");
    let live =
        browser.post(&server.url("/hotline/candidates"), &[("csrf", &form.csrf()), ("full_name", "Khusan Abdulaev")]);
    assert!(live.body.contains(&format!("value=\"{husan}\"")), "{}", live.body);
    let forged = browser.post(&server.url("/hotline/candidates"), &[("csrf", "forged"), ("full_name", "Khusan")]);
    assert_eq!(forged.status, 409);
    assert_eq!(found.status, 200);
    assert!(found.body.contains(&format!("value=\"{husan}\"")), "the known caller is offered: {}", found.body);
    assert!(found.body.contains("same name"), "with the reason");
    assert!(found.body.contains("Wages unpaid") || found.body.contains("wages"), "with his last appeal");
    assert_eq!(found.input_value("full_name"), "Khusan Abdulaev", "what was typed stays");

    let operator = server.app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == "hotline-operator");
    let sent = komek_domain::AppealId(form.input_value("appeal_id").parse().unwrap());
    let id = komek_app::appeals::kept_id(operator.unwrap().id, sent);
    let fields = intake_form(
        &found,
        &[("person", &husan.to_string()), ("topic", "documents-taken"), ("topic", "wages-unpaid"), ("action", "save")],
    );
    let saved = post(&mut browser, &server.url("/hotline/new"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), Some(format!("/hotline/appeals/{id}?saved=1").as_str()));
    let again = post(&mut browser, &server.url("/hotline/new"), &fields);
    assert_eq!(again.status, 303, "saving twice answers as the first time");
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 2, "and saves nothing more");
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 1, "the caller was linked, not created again");

    let page = browser.get(&server.url(&format!("/hotline/appeals/{id}?saved=1")));
    assert!(page.body.contains("The appeal is saved"));
    let person = browser.get(&server.url(&format!("/persons/{husan}")));
    assert_eq!(person.status, 200);
    assert!(person.body.contains("Абдуллаев Хусан"));
    assert_eq!(person.body.matches("/hotline/appeals/").count(), 2, "both appeals are on his page");
}

fn a_form_with_errors_keeps_everything_typed_and_saves_nothing(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    let mut fields = intake_form(
        &form,
        &[
            ("full_name", "Азамат"),
            ("wage", "-300000"),
            ("follow_up_on", "2026-02-31"),
            ("notes", "Фермер должен 300 000 тенге"),
            ("action", "save"),
        ],
    );
    fields.retain(|(k, _)| k != "received_at");
    fields.push(("received_at".into(), "yesterday".into()));
    let page = post(&mut browser, &server.url("/hotline/new"), &fields);
    assert_eq!(page.status, 200);
    for field in ["wage", "follow_up_on", "received_at", "topic"] {
        assert!(page.body.contains(&format!("id=\"{field}-error\"")), "{field} is marked: {}", page.body);
    }
    assert!(page.body.contains("This cannot be negative"));
    assert!(page.body.contains("Фермер должен 300 000 тенге"), "the notes stay");
    assert_eq!(page.input_value("wage"), "-300000");
    assert_eq!(page.input_value("full_name"), "Азамат");
    assert_eq!(count(&server, "SELECT count(*) FROM appeals"), 0);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 0);
}

fn a_new_person_who_looks_known_is_saved_only_when_the_operator_says_so(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = staff(&server, "hotline-operator");
    register_person(&server, &operator, "Каримов Рустам", "8 701 555 12 34");
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    let mut fields = intake_form(
        &form,
        &[
            ("full_name", "Rustam Karimov"),
            ("phone", "+7 701 555-12-34"),
            ("topic", "registration"),
            ("action", "save"),
        ],
    );
    let warned = post(&mut browser, &server.url("/hotline/new"), &fields);
    assert_eq!(warned.status, 200);
    assert!(warned.body.contains("may already be registered"), "{}", warned.body);
    assert!(warned.body.contains("same phone"));
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 1);
    fields.push(("confirm_new".into(), "1".into()));
    let saved = post(&mut browser, &server.url("/hotline/new"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 2);
}

fn an_anonymous_appeal_is_a_normal_appeal(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    let saved = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(&form, &[("topic", "residence-permit"), ("contact", "anonymous"), ("action", "save")]),
    );
    assert_eq!(saved.status, 303);
    assert_eq!(count(&server, "SELECT count(*) FROM appeals WHERE person_id IS NULL"), 1);
}

fn an_employer_named_twice_has_both_appeals_on_its_page(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    let first = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(
            &form,
            &[
                ("topic", "wages-unpaid"),
                ("party_name", "Фермер Сабыр"),
                ("party_role", "employer"),
                ("party_kind", "person"),
                ("action", "save"),
            ],
        ),
    );
    assert_eq!(first.status, 303, "{}", first.body);
    let party: String = server.app.store().read(|tx| tx.query_one("SELECT id FROM parties", &[])?.get(0)).unwrap();

    let form = browser.get(&server.url("/hotline/new"));
    let found = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(&form, &[("party_name", "Fermer Sabir"), ("party_role", "employer"), ("action", "find")]),
    );
    assert!(found.body.contains(&format!("name=\"add_party\" value=\"{party}\"")), "{}", found.body);
    let added = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(&found, &[("party_name", "Fermer Sabir"), ("party_role", "employer"), ("add_party", &party)]),
    );
    assert!(added.body.contains(&format!("value=\"{party}:employer\"")), "the party is named");
    let saved = post(
        &mut browser,
        &server.url("/hotline/new"),
        &intake_form(
            &added,
            &[("party", &format!("{party}:employer")), ("topic", "documents-taken"), ("action", "save")],
        ),
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(count(&server, "SELECT count(*) FROM parties"), 1, "found, not created again");
    let page = browser.get(&server.url(&format!("/parties/{party}")));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("2 appeals name them"), "{}", page.body);
    let search = browser.get(&server.url("/parties?q=Sabir"));
    assert!(search.body.contains(&format!("/parties/{party}")));
}

fn the_register_filters_by_topic_follow_up_and_operator(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = staff(&server, "hotline-operator");
    let lawyer = staff(&server, "lawyer");
    let today = chrono::Utc::now().date_naive();
    let mut overdue = appeal("registration", None);
    overdue.outcome = "pending".into();
    overdue.follow_up_on = today.pred_opt();
    let save = |actor: &Actor, a: Appeal| server.app.register_appeal(actor, a).unwrap();
    let overdue = save(&operator, overdue);
    let wages = save(&operator, appeal("wages-unpaid", None));
    let lawyers = save(&lawyer, appeal("citizenship", None));
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let shows = |page: &Page, id: AppealId| page.body.contains(&format!("/hotline/appeals/{id}"));

    let all = browser.get(&server.url("/hotline"));
    assert!(shows(&all, overdue) && shows(&all, wages) && shows(&all, lawyers));
    let by_topic = browser.get(&server.url("/hotline?topic=wages-unpaid"));
    assert!(shows(&by_topic, wages) && !shows(&by_topic, overdue) && !shows(&by_topic, lawyers));
    let late = browser.get(&server.url("/hotline?follow_up=overdue"));
    assert!(shows(&late, overdue) && !shows(&late, wages));
    let mine = browser.get(&server.url("/hotline?mine=1"));
    assert!(shows(&mine, overdue) && !shows(&mine, lawyers));
    let by_lawyer = browser.get(&server.url(&format!("/hotline?operator={}", lawyer.account_id().unwrap())));
    assert!(shows(&by_lawyer, lawyers) && !shows(&by_lawyer, wages));
    for bad in ["31.02.2026", "-262143-01-01"] {
        let page = browser.get(&server.url(&format!("/hotline?from={bad}")));
        assert_eq!(page.status, 200);
        assert!(page.body.contains("id=\"from-error\""), "a bad date ({bad}) is said, not a failure");
    }
}

fn a_lawyer_merges_a_duplicate_and_keeps_every_appeal(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = staff(&server, "hotline-operator");
    let kept = register_person(&server, &operator, "Абдуллаев Хусан", "+998 90 123 45 67");
    let duplicate = register_person(&server, &operator, "Husan Abdullayev", "90 123 45 67");
    for person in [kept, duplicate] {
        server.app.register_appeal(&operator, appeal("wages-unpaid", Some(person))).unwrap();
    }
    let mut operator_browser = Browser::new();
    operator_browser.login(&server, "hotline-operator", PASSWORD);
    let page = operator_browser.get(&server.url(&format!("/persons/{kept}")));
    assert!(!page.body.contains("/merge"), "operators do not merge");
    let csrf = page.csrf();
    let refused = operator_browser.post(
        &server.url(&format!("/persons/{kept}/merge")),
        &[("csrf", &csrf), ("version", "1"), ("duplicate", &duplicate.to_string()), ("confirm", "1")],
    );
    assert_eq!(refused.status, 403);

    let mut lawyer = Browser::new();
    lawyer.login(&server, "lawyer", PASSWORD);
    let page = lawyer.get(&server.url(&format!("/persons/{kept}")));
    assert!(page.body.contains(&format!("value=\"{duplicate}\"")), "offered as a duplicate: {}", page.body);
    let merged = lawyer.post(
        &server.url(&format!("/persons/{kept}/merge")),
        &[("csrf", &page.csrf()), ("version", "1"), ("duplicate", &duplicate.to_string()), ("confirm", "1")],
    );
    assert_eq!(merged.status, 303);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 1);
    assert_eq!(count(&server, &format!("SELECT count(*) FROM appeals WHERE person_id = '{kept}'")), 2);
    let page = lawyer.get(&server.url(&format!("/persons/{kept}")));
    assert!(page.body.contains("Husan Abdullayev"), "the other spelling is kept");
    assert_eq!(lawyer.get(&server.url(&format!("/persons/{duplicate}"))).status, 404);
    let stale = lawyer.post(
        &server.url(&format!("/persons/{kept}/edit")),
        &[
            ("csrf", &page.csrf()),
            ("version", "1"),
            ("full_name", "Абдуллаев Хусан"),
            ("sex", "male"),
            ("citizenship", "UZ"),
        ],
    );
    assert!(
        stale.body.contains("changed this record while you were editing"),
        "an edit from before the merge is refused"
    );
    let absurd = lawyer.post(
        &server.url(&format!("/persons/{kept}/edit")),
        &[
            ("csrf", &page.csrf()),
            ("version", "2"),
            ("full_name", "Абдуллаев Хусан"),
            ("birth_year", "-2147483648"),
            ("sex", "male"),
            ("citizenship", "UZ"),
        ],
    );
    assert_eq!(absurd.status, 200);
    assert!(absurd.body.contains("id=\"birth_year-error\""), "an impossible year is said: {}", absurd.body);

    // Further citizenships beside the main one, which stays the one counted.
    let edit = server.url(&format!("/persons/{kept}/edit"));
    let csrf = page.csrf();
    let post = |lawyer: &mut Browser, others: &[&str]| {
        let mut pairs: Vec<(&str, &str)> = vec![
            ("csrf", csrf.as_str()),
            ("version", "2"),
            ("full_name", "Абдуллаев Хусан"),
            ("sex", "male"),
            ("citizenship", "UZ"),
        ];
        pairs.extend(others.iter().map(|c| ("other_citizenships", *c)));
        lawyer.post(&edit, &pairs)
    };
    let twice = post(&mut lawyer, &["UZ"]);
    assert_eq!(twice.status, 200);
    assert!(twice.body.contains("id=\"other_citizenships-error\""), "the main one again: {}", twice.body);
    let dual = post(&mut lawyer, &["RU", "KZ"]);
    assert_eq!(dual.status, 303, "{}", dual.body);
    let page = lawyer.get(&server.url(&format!("/persons/{kept}")));
    assert!(page.body.contains("Russia, Kazakhstan"), "{}", page.body);
}

/// A form's fields as name/value pairs.
type Form<'a> = Vec<(&'a str, &'a str)>;

/// Every record page × every role × own or other office × sensitive or not, expected from
/// the capability table (`komek_domain::access`) and the reach rule (ARCHITECTURE.md,
/// "Safety rules"), checked over real HTTP.
fn record_pages_follow_the_access_rules(back_end: BackEnd) {
    let server = Server::start(back_end);
    let app = &server.app;
    let district = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let local = app.create_account(&Actor::System, "local", "Local", Role::Lawyer, district.id, "en").unwrap().account;
    let local = Actor::Staff(local);
    let lawyer = staff(&server, "lawyer");
    let hq_person = register_person(&server, &lawyer, "Хамидов Хуршид", "+998 91 000 00 01");
    let other_person = register_person(&server, &local, "Осмонова Бермет", "+996 555 00 00 02");
    let sensitive_person = register_person(&server, &lawyer, "Ташпулатова Дилором", "+998 93 000 00 03");
    let case = Case {
        sensitive: true,
        persons: vec![sensitive_person],
        ..Case::opened(
            OfficeId(uuid::Uuid::nil()),
            "trafficking-labour",
            lawyer.account_id().unwrap(),
            chrono::NaiveDate::from_ymd_opt(2008, 9, 3).unwrap(),
        )
    };
    app.open_case(&lawyer, case).unwrap();
    let save = |actor: &Actor, person| app.register_appeal(actor, appeal("employment", Some(person))).unwrap();
    let hq_appeal = save(&lawyer, hq_person);
    let other_appeal = save(&local, other_person);
    let mut about_victim = appeal("forced-labour-suspicion", Some(sensitive_person));
    about_victim.notes = Some("Бригадир держит паспорт в сейфе".into());
    let sensitive_appeal = app.register_appeal(&lawyer, about_victim).unwrap();
    let new_party = |actor: &Actor, name: &str| {
        let party = komek_app::parties::NewParty {
            kind: "company".into(),
            identity: komek_domain::entities::PartyIdentity { name: name.into(), ..Default::default() },
            ..Default::default()
        };
        app.register_party(actor, None, party).unwrap()
    };
    let hq_party = new_party(&lawyer, "ТОО Агро");
    let other_party = new_party(&local, "ТОО Мактаарал Мақта");

    use komek_domain::Capability::*;
    for role in Role::ALL {
        let mut browser = Browser::new();
        browser.login(&server, role.code(), PASSWORD);
        let on_team = role == Role::Lawyer;
        let all_offices = matches!(role, Role::Administrator | Role::Manager | Role::Analyst);
        let expect = |needs, reached: bool| {
            if !role.can(needs) {
                403
            } else if reached {
                200
            } else {
                404
            }
        };
        let cases = [
            (format!("/persons/{hq_person}"), expect(ViewIdentifying, true)),
            (format!("/persons/{other_person}"), expect(ViewIdentifying, false)),
            (format!("/persons/{sensitive_person}"), expect(ViewIdentifying, on_team)),
            (format!("/persons/{hq_person}/edit"), expect(ViewIdentifying, true)),
            (format!("/persons/{other_person}/edit"), expect(ViewIdentifying, false)),
            (format!("/hotline/appeals/{hq_appeal}"), expect(RegisterAppeals, true)),
            (format!("/hotline/appeals/{other_appeal}"), expect(RegisterAppeals, all_offices)),
            (format!("/hotline/appeals/{hq_appeal}/edit"), expect(RegisterAppeals, true)),
            (format!("/hotline/appeals/{other_appeal}/edit"), expect(RegisterAppeals, false)),
            (format!("/parties/{hq_party}"), expect(ViewCases, true)),
            (format!("/parties/{other_party}"), expect(ViewCases, false)),
            ("/hotline/new".to_owned(), expect(RegisterAppeals, true)),
        ];
        // An appeal about someone in a sensitive case: its notes are for the case team only.
        let page = browser.get(&server.url(&format!("/hotline/appeals/{sensitive_appeal}")));
        assert_eq!(page.status, expect(RegisterAppeals, true), "{}", role.code());
        assert_eq!(page.body.contains("паспорт в сейфе"), on_team, "{} sees the notes", role.code());
        let edit = browser.get(&server.url(&format!("/hotline/appeals/{sensitive_appeal}/edit")));
        assert_eq!(edit.status, expect(RegisterAppeals, on_team), "{} edits it", role.code());
        for (path, expected) in cases {
            let page = browser.get(&server.url(&path));
            assert_eq!(page.status, expected, "{} on {path}", role.code());
            if expected != 200 {
                for secret in ["Хамидов", "Осмонова", "Ташпулатова", "ТОО"] {
                    assert!(!page.body.contains(secret), "{} on {path} shows {secret}", role.code());
                }
            }
        }
        // Forms that change records, sent with a valid CSRF token, at records out of reach
        // (or naming one that does not exist): refused by capability first, then by reach.
        let csrf = browser.get(&server.url("/")).csrf();
        let nobody = PersonId::new().to_string();
        let posts: [(String, Form, u16); 5] = [
            (
                format!("/persons/{hq_person}/merge"),
                vec![("version", "1"), ("duplicate", &nobody), ("confirm", "1")],
                expect(MergeDuplicates, false),
            ),
            (
                format!("/persons/{other_person}/edit"),
                vec![("version", "1"), ("full_name", "X"), ("sex", "male"), ("citizenship", "UZ")],
                expect(ViewIdentifying, false),
            ),
            (
                format!("/hotline/appeals/{other_appeal}/open-case"),
                vec![("kind", "unpaid-wages")],
                expect(ManageCases, false),
            ),
            (
                format!("/persons/{nobody}/break-glass"),
                vec![("reason", "A reason long enough to count.")],
                expect(ViewIdentifying, false),
            ),
            (
                format!("/parties/{}/break-glass", komek_domain::PartyId::new()),
                vec![("reason", "A reason long enough to count.")],
                if role.can(ViewCases) { expect(ViewIdentifying, false) } else { 403 },
            ),
        ];
        for (path, mut form, expected) in posts {
            form.push(("csrf", &csrf));
            let answer = browser.post(&server.url(&path), &form);
            assert_eq!(answer.status, expected, "{} posting to {path}", role.code());
        }
    }
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 3, "nothing was merged away");
    assert_eq!(count(&server, "SELECT count(*) FROM cases"), 1, "no case was opened");
}

fn a_lawyer_opens_a_case_from_an_appeal_in_one_step(back_end: BackEnd) {
    let server = Server::start(back_end);
    let operator = staff(&server, "hotline-operator");
    let azamat = register_person(&server, &operator, "Азамат Нурланов", "+7 701 300 00 00");
    let id = server.app.register_appeal(&operator, appeal("wages-unpaid", Some(azamat))).unwrap();
    let mut operator_browser = Browser::new();
    operator_browser.login(&server, "hotline-operator", PASSWORD);
    let page = operator_browser.get(&server.url(&format!("/hotline/appeals/{id}")));
    assert!(!page.body.contains("/open-case"), "operators do not open cases");
    let refused = operator_browser.post(
        &server.url(&format!("/hotline/appeals/{id}/open-case")),
        &[("csrf", &page.csrf()), ("kind", "unpaid-wages")],
    );
    assert_eq!(refused.status, 403);

    let mut lawyer = Browser::new();
    lawyer.login(&server, "lawyer", PASSWORD);
    let page = lawyer.get(&server.url(&format!("/hotline/appeals/{id}")));
    assert!(page.body.contains("/open-case"));
    let unknown = lawyer.post(
        &server.url(&format!("/hotline/appeals/{id}/open-case")),
        &[("csrf", &page.csrf()), ("kind", "nonsense")],
    );
    // Refused, the appeal's page says why, beside the kind.
    assert_eq!(unknown.header("location"), Some(format!("/hotline/appeals/{id}?case=refused#kind").as_str()));
    let told = lawyer.get(&server.url(&format!("/hotline/appeals/{id}?case=refused")));
    assert!(told.body.contains("id=\"kind-error\"") && told.body.contains("could not be opened"), "{}", told.body);
    let opened = lawyer.post(
        &server.url(&format!("/hotline/appeals/{id}/open-case")),
        &[("csrf", &page.csrf()), ("kind", "unpaid-wages")],
    );
    assert_eq!(opened.status, 303);
    let location = opened.header("location").unwrap().to_owned();
    assert!(location.starts_with("/cases/") && location.ends_with("?done=opened"), "{location}");
    let case = lawyer.get(&server.url(&location));
    assert!(case.body.contains("-001"), "the new case shows with its number: {}", case.body);
    assert!(case.body.contains("Азамат Нурланов"), "and its person");
    let person = lawyer.get(&server.url(&format!("/persons/{azamat}")));
    assert!(person.body.contains("-001"), "the person lists the case: {}", person.body);
    assert_eq!(count(&server, "SELECT count(*) FROM appeals WHERE outcome = 'case-opened'"), 1);
}

fn a_person_outside_reach_opens_only_with_a_reason_that_the_manager_sees(back_end: BackEnd) {
    let server = Server::start(back_end);
    let app = &server.app;
    let district = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let local = app.create_account(&Actor::System, "local", "Local", Role::Lawyer, district.id, "en").unwrap().account;
    let person = register_person(&server, &Actor::Staff(local), "Осмонова Бермет", "+996 555 00 00 02");
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let offer = browser.get(&server.url(&format!("/persons/{person}")));
    assert_eq!(offer.status, 404);
    assert!(offer.body.contains("/break-glass") && !offer.body.contains("Осмонова"));
    let nowhere = browser.get(&server.url(&format!("/persons/{}", PersonId::new())));
    assert_eq!(nowhere.status, 404, "a record that does not exist looks the same");
    assert!(nowhere.body.contains("/break-glass"));

    let url = server.url(&format!("/persons/{person}/break-glass"));
    let short = browser.post(&url, &[("csrf", &offer.csrf()), ("reason", "need")]);
    assert_eq!(short.status, 400);
    assert!(short.body.contains("need</textarea>"), "the reason typed stays");
    let reason = "She called crying from a field in Maktaaral; the district lawyer does not answer.";
    let opened = browser.post(&url, &[("csrf", &offer.csrf()), ("reason", reason)]);
    assert_eq!(opened.status, 200);
    assert!(opened.body.contains("Осмонова Бермет") && opened.body.contains("emergency access"));
    let missing = browser.post(
        &server.url(&format!("/persons/{}/break-glass", PersonId::new())),
        &[("csrf", &offer.csrf()), ("reason", reason)],
    );
    assert_eq!(missing.status, 404);

    let mut manager = Browser::new();
    manager.login(&server, "manager", PASSWORD);
    let audit = manager.get(&server.url("/audit"));
    assert!(audit.body.contains("does not answer"), "the manager reviews it: {}", audit.body);
}

/// A victim in a sensitive case calls the hotline again: the operator learns only that a
/// known person with a restricted file matches and who leads the case, links the call to
/// them without seeing them, and the lead is given a task about the call.
fn a_victim_in_a_sensitive_case_who_calls_again_is_linked_without_being_seen(back_end: BackEnd) {
    let server = Server::start(back_end);
    let app = &server.app;
    let lawyer = staff(&server, "lawyer");
    let profile = PersonProfile { sex: "female".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity {
        full_name: "Ташпулатова Дилором".into(),
        phones: vec!["+998 93 000 00 03".into()],
        documents: vec!["AA7654321".into()],
        ..Default::default()
    };
    let victim = app.register_person(&lawyer, None, profile, identity).unwrap();
    let case = Case {
        sensitive: true,
        persons: vec![victim],
        ..Case::opened(
            OfficeId(uuid::Uuid::nil()),
            "trafficking-labour",
            lawyer.account_id().unwrap(),
            chrono::NaiveDate::from_ymd_opt(2008, 9, 3).unwrap(),
        )
    };
    let case_id = app.open_case(&lawyer, case).unwrap();

    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let form = browser.get(&server.url("/hotline/new"));
    let typed = [("full_name", "Dilorom Tashpulatova"), ("phone", "+998 93 000-00-03"), ("topic", "wages-unpaid")];
    let mut find: Vec<(&str, &str)> = typed.to_vec();
    find.push(("action", "find"));
    let found = post(&mut browser, &server.url("/hotline/new"), &intake_form(&form, &find));
    assert_eq!(found.status, 200);
    assert!(found.body.contains("A known person whose file is restricted"), "{}", found.body);
    assert!(found.body.contains("the case lead is Test lawyer"), "{}", found.body);
    assert!(found.body.contains(&format!("value=\"{victim}\"")), "she can be chosen");
    for hidden in ["Ташпулатова", "AA7654321"] {
        assert!(!found.body.contains(hidden), "{hidden} is shown to the operator");
    }
    // Saving her as a new person is stopped as any likely duplicate is.
    let mut as_new: Vec<(&str, &str)> = typed.to_vec();
    as_new.extend([("person", "new"), ("action", "save")]);
    let warned = post(&mut browser, &server.url("/hotline/new"), &intake_form(&form, &as_new));
    assert!(warned.body.contains("may already be registered"), "{}", warned.body);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 1);

    let victim_id = victim.to_string();
    let mut linked: Vec<(&str, &str)> = typed.to_vec();
    linked.extend([("person", victim_id.as_str()), ("action", "save")]);
    let saved = post(&mut browser, &server.url("/hotline/new"), &intake_form(&form, &linked));
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(count(&server, "SELECT count(*) FROM persons"), 1, "no second person");
    let about_her = format!("SELECT count(*) FROM appeals WHERE person_id = '{victim}'");
    assert_eq!(count(&server, &about_her), 1, "the call is hers");
    let appeal_page = browser.get(&server.url(saved.header("location").unwrap()));
    assert!(!appeal_page.body.contains("Ташпулатова"), "the appeal shows nothing of her");

    // Her lawyer is told.
    let tasks = app.my_tasks(&lawyer, 10).unwrap();
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    let task = &tasks[0].task;
    assert_eq!(task.record, case_id);
    assert!(task.title.starts_with("Your client called the hotline on"), "{}", task.title);
    assert!(task.title.contains("Wages unpaid") || task.title.contains("wages"), "{}", task.title);
    // Every time the match was weighed: the search, and the refused save (its check, its page).
    assert_eq!(count(&server, "SELECT count(*) FROM audit_log WHERE detail LIKE 'restricted match%'"), 3);
    assert_eq!(count(&server, "SELECT count(*) FROM audit_log WHERE detail LIKE '%linked without sight%'"), 1);

    // Another office's operator typing the same learns nothing at all.
    let away = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let far = app.create_account(&Actor::System, "far", "Far", Role::HotlineOperator, away.id, "en").unwrap();
    app.set_password_directly(&Actor::System, far.account.id, PASSWORD).unwrap();
    let mut elsewhere = Browser::new();
    elsewhere.login(&server, "far", PASSWORD);
    let form = elsewhere.get(&server.url("/hotline/new"));
    let found = post(&mut elsewhere, &server.url("/hotline/new"), &intake_form(&form, &find));
    assert!(!found.body.contains("restricted"), "{}", found.body);
    assert!(!found.body.contains(&victim_id));
}

komek_store::with_each_back_end!(
    an_operator_registers_a_repeat_caller_found_by_another_spelling,
    a_form_with_errors_keeps_everything_typed_and_saves_nothing,
    a_new_person_who_looks_known_is_saved_only_when_the_operator_says_so,
    an_anonymous_appeal_is_a_normal_appeal,
    an_employer_named_twice_has_both_appeals_on_its_page,
    the_register_filters_by_topic_follow_up_and_operator,
    a_lawyer_merges_a_duplicate_and_keeps_every_appeal,
    record_pages_follow_the_access_rules,
    a_lawyer_opens_a_case_from_an_appeal_in_one_step,
    a_person_outside_reach_opens_only_with_a_reason_that_the_manager_sees,
    a_victim_in_a_sensitive_case_who_calls_again_is_linked_without_being_seen,
);
