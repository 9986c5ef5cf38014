//! The staff web shell over real HTTP on loopback: login, sessions, CSRF, languages, errors.

use crate::support;

use support::{BackEnd, Browser, PASSWORD, Server};

fn a_lawyer_logs_in_and_sees_the_dashboard_of_her_office(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    let login = browser.login(&server, "lawyer", PASSWORD);
    assert_eq!(login.status, 303);
    assert_eq!(login.header("location"), Some("/"));
    let cookie = login.headers["set-cookie"].iter().find(|c| c.starts_with("komek_session=")).unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let dashboard = browser.get(&server.url("/"));
    assert_eq!(dashboard.status, 200);
    assert!(dashboard.body.contains("<h1>Dashboard</h1>"), "{}", dashboard.body);
    assert!(dashboard.body.contains("Figures for your office."));
    assert!(dashboard.body.contains("href=\"/cases\""));
    assert!(!dashboard.body.contains("href=\"/admin\""), "a lawyer has no administration link");
}

fn pages_need_a_session_and_a_wrong_password_keeps_the_username(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    let page = browser.get(&server.url("/"));
    assert_eq!((page.status, page.header("location")), (303, Some("/login")));
    let refused = browser.login(&server, "lawyer", "not the password");
    assert_eq!(refused.status, 401);
    assert!(refused.body.contains("Wrong username or password."));
    assert!(refused.body.contains("value=\"lawyer\""), "the typed username is kept");
    let refused = browser.login(&server, "nobody", PASSWORD);
    assert!(refused.body.contains("Wrong username or password."), "unknown users get the same answer");
}

fn ten_wrong_passwords_lock_the_account_and_are_audited(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    for _ in 0..10 {
        browser.login(&server, "manager", "wrong password!");
    }
    let locked = browser.login(&server, "manager", PASSWORD);
    assert_eq!(locked.status, 401);
    // A locked account answers exactly as a name nobody has, and both say how to get help.
    let unknown = browser.login(&server, "nobody-here", PASSWORD);
    let message = |page: &support::Page| {
        let start = page.body.find("id=\"login-error\"").expect("an error message");
        page.body[start..].split("</p>").next().unwrap().to_owned()
    };
    assert_eq!((locked.status, message(&locked)), (unknown.status, message(&unknown)));
    assert!(message(&locked).contains("Wrong username or password."), "{}", locked.body);
    assert!(message(&locked).contains("ask your organisation's administrator"), "{}", locked.body);
    assert!(!locked.body.contains("locked until"), "{}", locked.body);
    let failures = server
        .app
        .store()
        .read(|tx| tx.query_i64("SELECT count(*) FROM audit_log WHERE action = 'login-failed'", &[]))
        .unwrap();
    assert_eq!(failures, 12);
}

fn wrong_passwords_sent_at_once_are_checked_in_turn_and_stop_at_the_lock(back_end: BackEnd) {
    let server = Server::start(back_end);
    let address: std::net::IpAddr = "203.0.113.9".parse().unwrap();
    let app = &server.app;
    std::thread::scope(|scope| {
        for _ in 0..16 {
            scope.spawn(|| app.login("manager", "wrong password!", address));
        }
    });
    let checked = app
        .store()
        .read(|tx| tx.query_i64("SELECT count(*) FROM audit_log WHERE detail LIKE 'wrong password%'", &[]))
        .unwrap();
    assert_eq!(checked, 10, "no guess past the tenth is even checked");
}

fn a_login_form_without_its_token_is_refused(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.get(&server.url("/login"));
    let forged =
        browser.post(&server.url("/login"), &[("username", "lawyer"), ("password", PASSWORD), ("csrf", "forged")]);
    assert_eq!(forged.status, 403);
    assert!(forged.body.contains("The form had expired"));
    assert!(!browser.cookies.contains_key("komek_session"));
}

fn a_forged_csrf_token_changes_nothing(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "psychologist", PASSWORD);
    let refused =
        browser.post(&server.url("/account/language"), &[("csrf", "0".repeat(32).as_str()), ("language", "kk")]);
    assert_eq!(refused.status, 409);
    assert!(refused.body.contains("This form belongs to an earlier session."), "a translated page, not a bare status");
    let still = browser.get(&server.url("/"));
    assert!(still.body.contains("<html lang=\"en\">"));
    let audited = server
        .app
        .store()
        .read(|tx| {
            tx.query_i64("SELECT count(*) FROM audit_log WHERE detail LIKE 'form refused%/account/language'", &[])
        })
        .unwrap();
    assert_eq!(audited, 1, "a forged form is a security event");
}

fn the_language_switch_is_remembered_for_the_user(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "hotline-operator", PASSWORD);
    let csrf = browser.get(&server.url("/")).csrf();
    let switched = browser.post(&server.url("/account/language"), &[("csrf", &csrf), ("language", "kk")]);
    assert_eq!(switched.status, 303);
    let page = browser.get(&server.url("/"));
    assert!(page.body.contains("<html lang=\"kk\">"));
    assert!(page.body.contains("Басты бет"), "{}", page.body);
    // A new login, from another browser, comes back in Kazakh.
    let mut other = Browser::new();
    other.login(&server, "hotline-operator", PASSWORD);
    assert!(other.get(&server.url("/")).body.contains("<html lang=\"kk\">"));
}

fn the_login_page_speaks_the_browsers_language_until_one_is_chosen(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.accept_language = Some("kk-KZ,kk;q=0.9".into());
    assert!(browser.get(&server.url("/login")).body.contains("<html lang=\"kk\">"));
    browser.get(&server.url("/login?lang=en"));
    assert!(browser.get(&server.url("/login")).body.contains("<html lang=\"en\">"));
}

fn logout_ends_the_session_on_the_server(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "lawyer", PASSWORD);
    let session = browser.cookies["komek_session"].clone();
    let csrf = browser.get(&server.url("/")).csrf();
    assert_eq!(browser.post(&server.url("/logout"), &[("csrf", &csrf)]).status, 303);
    // Replaying the old cookie does not bring the session back.
    browser.cookies.insert("komek_session".into(), session);
    let page = browser.get(&server.url("/"));
    assert_eq!(page.header("location"), Some("/login?ended=1"));
}

fn an_idle_session_ends(back_end: BackEnd) {
    let settings = komek_app::Settings { session_idle: std::time::Duration::ZERO, ..Default::default() };
    let server = Server::start_with(back_end, settings);
    let mut browser = Browser::new();
    // An analyst has no second step, so the first page after the password shows the expiry.
    browser.login_password(&server, "analyst", PASSWORD);
    let page = browser.get(&server.url("/"));
    assert_eq!(page.header("location"), Some("/login?ended=1"));
    let login = browser.get(&server.url("/login?ended=1"));
    assert!(login.body.contains("Your session has ended."));
}

fn a_one_time_password_must_be_changed_before_anything_else(back_end: BackEnd) {
    let server = Server::start(back_end);
    let hq = server.app.office_by_code("hq").unwrap().unwrap();
    let created = server
        .app
        .create_account(&komek_app::Actor::System, "newcomer", "Newcomer", komek_domain::Role::Lawyer, hq.id, "en")
        .unwrap();
    let mut browser = Browser::new();
    browser.login(&server, "newcomer", &created.one_time_password);
    let page = browser.get(&server.url("/cases"));
    assert_eq!(page.header("location"), Some("/account/password"));
    let form = browser.get(&server.url("/account/password"));
    assert!(form.body.contains("This is your first login"));
    let csrf = form.csrf();
    let otp = created.one_time_password.as_str();
    let mismatch = browser.post(
        &server.url("/account/password"),
        &[("csrf", &csrf), ("current", otp), ("new", "a new long password"), ("repeat", "a different one!")],
    );
    assert_eq!(mismatch.status, 422);
    assert!(mismatch.body.contains("The two new passwords are not the same."));
    let short = browser.post(
        &server.url("/account/password"),
        &[("csrf", &csrf), ("current", otp), ("new", "short"), ("repeat", "short")],
    );
    assert!(short.body.contains("at least 10 characters"), "{}", short.body);
    let done = browser.post(
        &server.url("/account/password"),
        &[("csrf", &csrf), ("current", otp), ("new", "a new long password"), ("repeat", "a new long password")],
    );
    assert_eq!(done.header("location"), Some("/"));
    assert_eq!(browser.get(&server.url("/cases")).status, 200);
}

fn every_area_is_guarded_by_the_capability_table(back_end: BackEnd) {
    let server = Server::start(back_end);
    for role in komek_domain::Role::ALL {
        let mut browser = Browser::new();
        browser.login(&server, role.code(), PASSWORD);
        for area in ["/hotline", "/cases", "/parties", "/referrals", "/monitoring", "/reports", "/audit", "/admin"] {
            let page = browser.get(&server.url(area));
            let needs = match area {
                "/hotline" | "/monitoring" | "/referrals" => komek_domain::Capability::RegisterAppeals,
                "/cases" | "/parties" => komek_domain::Capability::ViewCases,
                "/reports" => komek_domain::Capability::ViewReports,
                "/audit" => komek_domain::Capability::ViewAudit,
                _ => komek_domain::Capability::ManageAccounts,
            };
            let expected = if role.can(needs) { 200 } else { 403 };
            assert_eq!(page.status, expected, "{} on {area}", role.code());
        }
    }
}

fn errors_are_pages_in_the_users_language_and_every_page_is_protected(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.get(&server.url("/login?lang=ru"));
    let missing = browser.get(&server.url("/no/such/page"));
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Такой страницы нет"), "{}", missing.body);
    let login = browser.get(&server.url("/login"));
    let csp = login.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"));
    assert_eq!(login.header("x-frame-options"), Some("DENY"));
    assert!(!login.body.contains("<script"), "no script anywhere");
    assert_eq!(login.header("cache-control"), Some("no-store"), "pages never stay in a shared computer's cache");
    let css = browser.get(&server.url("/static/app.css"));
    assert!(css.header("cache-control").unwrap().contains("immutable"));
    let health = browser.get(&server.url("/healthz"));
    assert_eq!(health.status, 200);
    assert!(health.body.contains("\"status\":\"ok\""));
    let icon = browser.get(&server.url("/favicon.ico"));
    assert_eq!((icon.status, icon.header("content-type")), (200, Some("image/svg+xml")), "asked for by every browser");
    assert!(login.body.contains("rel=\"icon\""));
    // Signed in, a refusal or a missing page keeps the staff menu, in the user's language.
    browser.login(&server, "hotline-operator", PASSWORD);
    for (path, status) in [("/audit", 403), ("/no/such/page", 404)] {
        let refused = browser.get(&server.url(path));
        assert_eq!(refused.status, status);
        assert!(refused.body.contains("href=\"/hotline\""), "{path}: the menu is there: {}", refused.body);
        assert!(!refused.body.contains("/login?lang="), "{path}: not the login page's header");
        assert!(refused.body.contains("role=\"alert\""), "{path}: the reason is said");
    }
}

fn a_malformed_form_gets_a_translated_page(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login(&server, "lawyer", PASSWORD);
    let csrf = browser.get(&server.url("/")).csrf();
    let bad = browser.post(&server.url("/account/language"), &[("csrf", &csrf), ("language", "xx")]);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("The request could not be understood."));
}

fn a_lawyer_enrols_an_authenticator_and_needs_it_at_every_login(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    assert_eq!(browser.login_password(&server, "lawyer", PASSWORD).status, 303);
    // Nothing is reachable before the second step.
    for path in ["/", "/cases", "/account/password"] {
        assert_eq!(browser.get(&server.url(path)).header("location"), Some("/login/second-factor"), "{path}");
    }
    assert_eq!(browser.get(&server.url("/login/second-factor")).header("location"), Some("/login/enrol"));
    let enrol = browser.get(&server.url("/login/enrol"));
    assert!(enrol.body.contains("<svg"), "the QR code is drawn in the page");
    let secret = support::secret_on(&enrol);
    let wrong = browser.post(&server.url("/login/enrol"), &[("csrf", &enrol.csrf()), ("code", "000000")]);
    assert_eq!(wrong.status, 401);
    assert!(wrong.body.contains("The code is not right."));
    // A mistyped code keeps the key the phone has already scanned.
    let secret_after_error = support::secret_on(&wrong);
    assert_eq!(secret, secret_after_error);
    let code = support::current_code(&secret_after_error, 0);
    let done = browser.post(&server.url("/login/enrol"), &[("csrf", &wrong.csrf()), ("code", &code)]);
    let recovery = support::recovery_codes_on(&done);
    assert_eq!(recovery.len(), 10);
    assert_eq!(browser.get(&server.url("/")).status, 200);

    // The next login asks for a code; the one just used is refused, a recovery code works once.
    let mut again = Browser::new();
    again.login_password(&server, "lawyer", PASSWORD);
    let form = again.get(&server.url("/login/second-factor"));
    assert!(form.body.contains("authenticator app"));
    let replay = again.post(&server.url("/login/second-factor"), &[("csrf", &form.csrf()), ("code", &code)]);
    assert_eq!(replay.status, 401, "a code works once");
    assert!(replay.body.contains("already used"));
    let with_recovery = again
        .post(&server.url("/login/second-factor"), &[("csrf", &form.csrf()), ("code", &recovery[0].to_uppercase())]);
    assert_eq!(with_recovery.status, 303);
    assert_eq!(again.get(&server.url("/")).status, 200);
    let mut third = Browser::new();
    third.login_password(&server, "lawyer", PASSWORD);
    let form = third.get(&server.url("/login/second-factor"));
    let reused = third.post(&server.url("/login/second-factor"), &[("csrf", &form.csrf()), ("code", &recovery[0])]);
    assert_eq!(reused.status, 401, "a recovery code works once");

    let audited = server
        .app
        .store()
        .read(|tx| tx.query_i64("SELECT count(*) FROM audit_log WHERE detail LIKE 'second step%'", &[]))
        .unwrap();
    assert_eq!(audited, 4, "two failures and one success of the second step, plus the failed enrolment code");
}

fn an_analyst_sees_no_identifying_data_and_needs_no_second_factor(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login_password(&server, "analyst", PASSWORD);
    assert_eq!(browser.get(&server.url("/")).status, 200);
    assert_eq!(browser.get(&server.url("/reports")).status, 200);
    assert_eq!(browser.get(&server.url("/cases")).status, 403);
}

fn an_administrator_resets_a_lost_second_factor_and_disables_accounts(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut lawyer = Browser::new();
    lawyer.login(&server, "lawyer", PASSWORD);
    assert_eq!(lawyer.get(&server.url("/")).status, 200);
    let account =
        server.app.accounts(&komek_app::Actor::System).unwrap().into_iter().find(|a| a.username == "lawyer").unwrap();
    server.app.reset_second_factor(&komek_app::Actor::System, account.id).unwrap();
    assert_eq!(lawyer.get(&server.url("/")).header("location"), Some("/login?ended=1"), "the reset ends sessions");
    let mut again = Browser::new();
    again.login_password(&server, "lawyer", PASSWORD);
    assert_eq!(again.get(&server.url("/login/second-factor")).header("location"), Some("/login/enrol"));
    server.app.set_account_disabled(&komek_app::Actor::System, account.id, true).unwrap();
    let refused = Browser::new().login_password(&server, "lawyer", PASSWORD);
    assert!(refused.body.contains("This account is disabled."));
}

fn a_manager_reads_the_audit_log_filtered_and_checks_the_chain(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut lawyer = Browser::new();
    lawyer.login(&server, "lawyer", PASSWORD);
    lawyer.login_password(&server, "lawyer", "a wrong password");
    let mut manager = Browser::new();
    manager.login(&server, "manager", PASSWORD);
    let page = manager.get(&server.url("/audit?user=lawyer&action=login-failed&verify=1"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("The chain is intact"), "{}", page.body);
    assert!(page.body.contains("Failed login"));
    assert!(page.body.contains("wrong password (1 in a row)"));
    assert!(!page.body.contains("<td>Logged in</td>"), "the filter keeps other actions out");
    let all = manager.get(&server.url("/audit?user=lawyer"));
    assert!(all.body.contains("<td>Logged in</td>"));
    let mut other = Browser::new();
    other.login(&server, "psychologist", PASSWORD);
    assert_eq!(other.get(&server.url("/audit")).status, 403);
}

fn a_manager_reviews_emergency_access_on_the_audit_page(back_end: BackEnd) {
    let server = Server::start(back_end);
    let app = &server.app;
    let hq = app.office_by_code("hq").unwrap().unwrap();
    let accounts = app.accounts(&komek_app::Actor::System).unwrap();
    let lawyer = komek_app::Actor::Staff(accounts.iter().find(|a| a.username == "lawyer").unwrap().clone());
    let psychologist = komek_app::Actor::Staff(accounts.iter().find(|a| a.username == "psychologist").unwrap().clone());
    let person = app
        .register_person(
            &lawyer,
            None,
            komek_domain::entities::PersonProfile {
                sex: "male".into(),
                citizenship: "UZ".into(),
                ..Default::default()
            },
            komek_domain::entities::PersonIdentity {
                full_name: "Хусан Абдуллаев".into(), ..Default::default()
            },
        )
        .unwrap();
    let case = komek_domain::entities::Case {
        id: komek_domain::CaseId::new(),
        sensitive: true,
        persons: vec![person],
        ..komek_domain::entities::Case::opened(
            hq.id,
            "trafficking-labour",
            lawyer.account_id().unwrap(),
            chrono::NaiveDate::from_ymd_opt(2008, 9, 3).unwrap(),
        )
    };
    let id = app.open_case(&lawyer, case).unwrap();
    app.break_glass_case(&psychologist, id, "Covering the hotline tonight: the lead lawyer is away.").unwrap();

    let mut manager = Browser::new();
    manager.login(&server, "manager", PASSWORD);
    let page = manager.get(&server.url("/audit"));
    assert!(page.body.contains("Covering the hotline tonight"), "{}", page.body);
    assert!(page.body.contains("Emergency access"));
    let start = page.body.find("/audit/break-glass/").unwrap();
    let action = &page.body[start..start + page.body[start..].find('"').unwrap()];
    let done = manager.post(&server.url(action), &[("csrf", &page.csrf())]);
    assert_eq!(done.header("location"), Some("/audit"));
    assert!(manager.get(&server.url("/audit")).body.contains("No emergency access awaits review."));
}

/// A new organisation's first office is "Head office" until the administrator names it: its
/// name heads the letters it sends.
fn an_administrator_names_the_office_and_sets_its_clock_on_the_web(back_end: BackEnd) {
    let server = Server::start(back_end);
    let hq = server.app.office_by_code("hq").unwrap().unwrap();
    assert_eq!(hq.name, "Head office");
    let mut admin = Browser::new();
    admin.login(&server, "administrator", PASSWORD);
    let page = admin.get(&server.url("/admin"));
    assert!(page.body.contains("id=\"office-hq-name\"") && page.body.contains("value=\"Head office\""));
    let csrf = page.csrf();
    let save = format!("/admin/offices/{}", hq.id);
    let named = "ОЮЛ «Центр поддержки женских инициатив „Сана Сезім“», Шымкент";
    let saved = admin.post(&server.url(&save), &[("csrf", &csrf), ("name", named), ("utc_offset_minutes", "300")]);
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("id=\"office-saved\"") && saved.body.contains("Сана Сезім"), "{}", saved.body);
    assert_eq!(server.app.office_by_code("hq").unwrap().unwrap().name, named);

    // Refused, the form comes back as typed, with the reason beside it; nothing changes.
    let refusals =
        [("  ", "300", "Give the office a name"), (named, "+5", "in steps of 15"), (named, "UTC+5", "whole number")];
    for (name, clock, reason) in refusals {
        let refused = admin.post(&server.url(&save), &[("csrf", &csrf), ("name", name), ("utc_offset_minutes", clock)]);
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("id=\"office-hq-error\"") && refused.body.contains(reason), "{}", refused.body);
        assert!(refused.body.contains(&format!("value=\"{clock}\"")), "{}", refused.body);
    }
    let far = admin.post(&server.url(&save), &[("csrf", &csrf), ("name", named), ("utc_offset_minutes", "900")]);
    assert_eq!(far.status, 422);
    assert_eq!(server.app.office_by_code("hq").unwrap().unwrap().utc_offset_minutes, 300);
    let audited = server
        .app
        .store()
        .read(|tx| {
            tx.query_i64("SELECT count(*) FROM audit_log WHERE record_kind = 'office' AND action = 'update'", &[])
        })
        .unwrap();
    assert_eq!(audited, 1, "the one change, audited");

    // Only an administrator may; an office that is not there is not found.
    let mut manager = Browser::new();
    manager.login(&server, "manager", PASSWORD);
    let csrf = manager.get(&server.url("/")).csrf();
    let tried = manager.post(&server.url(&save), &[("csrf", &csrf), ("name", "x"), ("utc_offset_minutes", "300")]);
    assert_eq!(tried.status, 403);
    let nowhere = format!("/admin/offices/{}", uuid::Uuid::now_v7());
    let csrf = admin.get(&server.url("/admin")).csrf();
    let missing = admin.post(&server.url(&nowhere), &[("csrf", &csrf), ("name", "x"), ("utc_offset_minutes", "300")]);
    assert_eq!(missing.status, 404);
}

fn an_administrator_manages_accounts_on_the_web(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut admin = Browser::new();
    admin.login(&server, "administrator", PASSWORD);
    let page = admin.get(&server.url("/admin"));
    assert!(page.body.contains("Staff accounts"));
    let csrf = page.csrf();
    let form = [
        ("csrf", csrf.as_str()),
        ("username", "saule"),
        ("display_name", "Сауле Ахметова"),
        ("role", "psychologist"),
        ("office", "hq"),
        ("language", "kk"),
    ];
    let created = admin.post(&server.url("/admin"), &form);
    assert_eq!(created.status, 200);
    let start = created.body.find("<code id=\"one-time-password\">").expect("the password is shown once") + 29;
    let password = created.body[start..start + 16].to_owned();
    let again = admin.post(&server.url("/admin"), &form);
    assert_eq!(again.status, 422);
    assert!(again.body.contains("already exists"));
    assert!(again.body.contains("value=\"Сауле Ахметова\""), "what was typed is kept");
    let bad = admin.post(
        &server.url("/admin"),
        &[
            ("csrf", csrf.as_str()),
            ("username", "сауле!"),
            ("display_name", "x"),
            ("role", "lawyer"),
            ("office", "hq"),
            ("language", "ru"),
        ],
    );
    assert!(bad.body.contains("only Latin letters"));

    // The new psychologist logs in with the one-time password (and enrols, and changes it).
    let mut saule = Browser::new();
    saule.login(&server, "saule", &password);
    assert_eq!(saule.get(&server.url("/")).header("location"), Some("/account/password"));

    let account =
        server.app.accounts(&komek_app::Actor::System).unwrap().into_iter().find(|a| a.username == "saule").unwrap();
    let list = admin.get(&server.url("/admin"));
    let disabled =
        admin.post(&server.url(&format!("/admin/accounts/{}/disable", account.id)), &[("csrf", &list.csrf())]);
    assert_eq!(disabled.header("location"), Some("/admin"));
    assert_eq!(saule.get(&server.url("/")).header("location"), Some("/login?ended=1"), "disabling ends sessions");
    assert!(Browser::new().login_password(&server, "saule", &password).body.contains("This account is disabled."));
    admin.post(&server.url(&format!("/admin/accounts/{}/enable", account.id)), &[("csrf", &list.csrf())]);
    let reset = admin
        .post(&server.url(&format!("/admin/accounts/{}/reset-second-factor", account.id)), &[("csrf", &list.csrf())]);
    assert_eq!(reset.header("location"), Some("/admin"));
    let mut back = Browser::new();
    back.login_password(&server, "saule", &password);
    assert_eq!(back.get(&server.url("/login/second-factor")).header("location"), Some("/login/enrol"));
}

fn the_language_can_be_switched_during_the_second_step(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut browser = Browser::new();
    browser.login_password(&server, "lawyer", PASSWORD);
    let enrol = browser.get(&server.url("/login/enrol"));
    assert!(enrol.body.contains("action=\"/account/language\""), "the switch stays in the sign-in step");
    let switched = browser.post(&server.url("/account/language"), &[("csrf", &enrol.csrf()), ("language", "kk")]);
    assert_eq!(switched.status, 303);
    let back = browser.get(&server.url("/login/enrol"));
    assert!(back.body.contains("Екі қадамды кіруді баптау"), "{}", back.body);
    assert_eq!(support::secret_on(&back), support::secret_on(&enrol), "the key offered stays the same");
}

komek_store::with_each_back_end!(
    an_idle_session_ends,
    a_lawyer_logs_in_and_sees_the_dashboard_of_her_office,
    pages_need_a_session_and_a_wrong_password_keeps_the_username,
    ten_wrong_passwords_lock_the_account_and_are_audited,
    wrong_passwords_sent_at_once_are_checked_in_turn_and_stop_at_the_lock,
    a_login_form_without_its_token_is_refused,
    a_forged_csrf_token_changes_nothing,
    the_language_switch_is_remembered_for_the_user,
    the_login_page_speaks_the_browsers_language_until_one_is_chosen,
    logout_ends_the_session_on_the_server,
    a_one_time_password_must_be_changed_before_anything_else,
    every_area_is_guarded_by_the_capability_table,
    errors_are_pages_in_the_users_language_and_every_page_is_protected,
    a_malformed_form_gets_a_translated_page,
    a_lawyer_enrols_an_authenticator_and_needs_it_at_every_login,
    an_analyst_sees_no_identifying_data_and_needs_no_second_factor,
    an_administrator_resets_a_lost_second_factor_and_disables_accounts,
    a_manager_reads_the_audit_log_filtered_and_checks_the_chain,
    a_manager_reviews_emergency_access_on_the_audit_page,
    an_administrator_manages_accounts_on_the_web,
    an_administrator_names_the_office_and_sets_its_clock_on_the_web,
    the_language_can_be_switched_during_the_second_step,
);
