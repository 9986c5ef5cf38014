//! The organisation's lists on the web: an administrator adds a topic and retires another, the
//! intake form offers the one and not the other, and the register's filter still finds appeals
//! by both.

use crate::support;

use support::{BackEnd, Browser, PASSWORD, Server};

fn an_administrator_adds_a_topic_retires_another_and_the_forms_follow(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut admin = Browser::new();
    admin.login(&server, "administrator", PASSWORD);
    let index = admin.get(&server.url("/admin/lists"));
    assert_eq!(index.status, 200);
    assert!(index.body.contains("href=\"/admin/lists/topic\"") && index.body.contains("Topics of appeals"));
    assert!(!index.body.contains("href=\"/admin/lists/sex\""), "a list with rules in code is not offered");
    let page = admin.get(&server.url("/admin/lists/topic"));
    assert!(page.body.contains("id=\"code-private-matter\""), "{}", page.body);
    let csrf = page.csrf();

    // Refused: the form comes back as typed, each problem beside its field.
    let typed = [("csrf", csrf.as_str()), ("code", "Police extortion"), ("label_en", "Police extortion")];
    let refused = admin.post(&server.url("/admin/lists/topic"), &typed);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("value=\"Police extortion\""), "typed values are kept");
    assert!(refused.body.contains("id=\"code-error\""), "{}", refused.body);
    assert!(refused.body.contains("lower-case letters, digits and single hyphens"), "the shape is explained");
    let unlabelled = admin.post(&server.url("/admin/lists/topic"), &[("csrf", &csrf), ("code", "police-extortion")]);
    assert_eq!(unlabelled.status, 422);
    assert!(unlabelled.body.contains("id=\"label_ru-error\""), "{}", unlabelled.body);
    assert!(unlabelled.body.contains("at least one of Russian, Kazakh or English"), "{}", unlabelled.body);
    let taken =
        admin.post(&server.url("/admin/lists/topic"), &[("csrf", &csrf), ("code", "employment"), ("label_ru", "x")]);
    assert!(taken.status == 422 && taken.body.contains("already taken"), "{}", taken.body);
    // A form no page of ours sends: no such action, no version.
    let odd = admin
        .post(&server.url("/admin/lists/topic/health"), &[("csrf", &csrf), ("version", "0"), ("action", "explode")]);
    assert_eq!(odd.status, 400);
    let unversioned = admin.post(&server.url("/admin/lists/topic/health"), &[("csrf", &csrf), ("action", "retire")]);
    assert_eq!(unversioned.status, 400);

    let form = [
        ("csrf", csrf.as_str()),
        ("code", "police-extortion"),
        ("label_ru", "Вымогательство полиции"),
        ("label_en", "Police extortion"),
        ("label_uz", "Politsiya tovlamachiligi"),
    ];
    let added = admin.post(&server.url("/admin/lists/topic"), &form);
    assert_eq!(added.status, 303, "{}", added.body);
    let retire = [("csrf", csrf.as_str()), ("version", "0"), ("action", "retire")];
    let retired = admin.post(&server.url("/admin/lists/topic/private-matter"), &retire);
    assert_eq!(retired.status, 303, "{}", retired.body);
    let page = admin.get(&server.url("/admin/lists/topic"));
    assert!(page.body.contains("Police extortion") && page.body.contains("Retired on"), "{}", page.body);
    // A retired district: no longer offered to a visit, still a filter of the visits made.
    let district = [("csrf", csrf.as_str()), ("version", "0"), ("action", "retire")];
    assert_eq!(admin.post(&server.url("/admin/lists/district/sairam"), &district).status, 303);
    let visits = admin.get(&server.url("/monitoring"));
    assert!(visits.body.contains("value=\"sairam\""), "{}", visits.body);
    // The same change sent again read an older version: changed meanwhile.
    let again = admin.post(&server.url("/admin/lists/topic/private-matter"), &retire);
    assert_eq!(again.status, 409, "{}", again.body);

    // The operator's intake offers the new topic, labelled, and no longer the retired one.
    let mut operator = Browser::new();
    operator.login(&server, "hotline-operator", PASSWORD);
    let intake = operator.get(&server.url("/hotline/new"));
    assert!(intake.body.contains("value=\"police-extortion\""), "{}", intake.body);
    assert!(!intake.body.contains("name=\"topic\" value=\"private-matter\""), "{}", intake.body);
    // The register's filter still looks for appeals of a retired topic.
    let register = operator.get(&server.url("/hotline"));
    assert!(register.body.contains("value=\"private-matter\"") && register.body.contains("value=\"police-extortion\""));

    // An appeal about the new topic is counted in the report under its label.
    let form = intake.body.clone();
    let csrf_op = intake.csrf();
    let appeal_id = form.split("name=\"appeal_id\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
    let received = form.split("name=\"received_at\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
    let call = [
        ("csrf", csrf_op.as_str()),
        ("appeal_id", appeal_id),
        ("received_at", received),
        ("channel", "hotline-phone"),
        ("contact", "anonymous"),
        ("person", "new"),
        ("topic", "police-extortion"),
        ("outcome", "advised"),
        ("currency", "KZT"),
        ("action", "save"),
    ];
    let saved = operator.post(&server.url("/hotline/new"), &call);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let year = received.get(..4).unwrap();
    let report = admin.get(&server.url(&format!("/reports?kind=year&year={year}")));
    assert!(report.body.contains("Police extortion"), "{}", report.body);

    // A program reads the list as the organisation has it: what it may send.
    let api = support::api::Client::of(&server, "hotline-operator");
    let topics = api.get("/api/v1/lookups/topic");
    assert_eq!(topics.status, 200, "{}", topics.body);
    let codes = topics.body["codes"].as_array().unwrap();
    let added = codes.iter().find(|c| c["code"] == "police-extortion").unwrap();
    assert_eq!((added["labels"]["en"].as_str(), added["shipped"].as_bool()), (Some("Police extortion"), Some(false)));
    let retired = codes.iter().find(|c| c["code"] == "private-matter").unwrap();
    assert!(retired["retired_on"].is_string(), "{retired}");
    assert_eq!(api.get("/api/v1/lookups/nothing").status, 404);

    // The rename page keeps the shipped translation unless a label is typed.
    let rename = admin.get(&server.url("/admin/lists/topic/employment"));
    assert!(rename.body.contains("placeholder=\"Employment\""), "{}", rename.body);

    // Only an administrator; a list that is not editable, or no list, is not there.
    let mut manager = Browser::new();
    manager.login(&server, "manager", PASSWORD);
    assert_eq!(manager.get(&server.url("/admin/lists")).status, 403);
    let csrf = manager.get(&server.url("/")).csrf();
    let tried = manager.post(&server.url("/admin/lists/topic"), &[("csrf", &csrf), ("code", "x"), ("label_ru", "x")]);
    assert_eq!(tried.status, 403);
    for path in ["/admin/lists/sex", "/admin/lists/nothing", "/admin/lists/topic/nothing"] {
        assert_eq!(admin.get(&server.url(path)).status, 404, "{path}");
    }
}

/// An article added on the articles page is offered by a case's proceeding form, labelled;
/// its repeal is a day, its change from a stale page is refused.
fn an_administrator_adds_an_article_and_the_proceeding_form_offers_it(back_end: BackEnd) {
    let server = Server::start(back_end);
    let case = crate::cases::husans_case(&server, false);
    let mut admin = Browser::new();
    admin.login(&server, "administrator", PASSWORD);
    let page = admin.get(&server.url("/admin/articles"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"article-cc2014-128\"") && page.body.contains("01.01.2015 – …"), "{}", page.body);
    let csrf = page.csrf();
    let typed = [
        ("csrf", csrf.as_str()),
        ("book", "cc2014"),
        ("number", "128-1"),
        ("in_force_from", "2020-31-01"),
        ("label_ru", "УК РК 2014, ст. 128-1"),
        ("label_en", "Criminal Code 2014, art. 128-1 — Use of the labour of trafficked persons"),
        ("source", "adilet.zan.kz"),
    ];
    let refused = admin.post(&server.url("/admin/articles"), &typed);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("id=\"in_force_from-error\"") && refused.body.contains("value=\"128-1\""),
        "{}",
        refused.body
    );
    let mut form = typed.to_vec();
    form[3] = ("in_force_from", "2020-01-31");
    assert_eq!(admin.post(&server.url("/admin/articles"), &form).status, 303);

    let mut lawyer = Browser::new();
    lawyer.login(&server, "lawyer", PASSWORD);
    let case_page = lawyer.get(&server.url(&format!("/cases/{case}")));
    assert!(case_page.body.contains("value=\"cc2014-128-1\""), "{}", case_page.body);
    assert!(case_page.body.contains("Use of the labour of trafficked persons"), "{}", case_page.body);

    let edit = admin.get(&server.url("/admin/articles/cc2014-128-1"));
    let repeal = [
        ("csrf", csrf.as_str()),
        ("version", "1"),
        ("in_force_from", "2020-01-31"),
        ("in_force_to", "2024-12-31"),
        ("label_ru", "УК РК 2014, ст. 128-1"),
        ("source", "adilet.zan.kz"),
    ];
    assert!(edit.body.contains("value=\"2020-01-31\""), "{}", edit.body);
    assert_eq!(admin.post(&server.url("/admin/articles/cc2014-128-1"), &repeal).status, 303);
    let stale = admin.post(&server.url("/admin/articles/cc2014-128-1"), &repeal);
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body.contains("value=\"2024-12-31\""), "what was typed stays");
    assert!(admin.get(&server.url("/admin/articles")).body.contains("31.01.2020 – 31.12.2024"));
    assert_eq!(lawyer.get(&server.url("/admin/articles")).status, 403);
    assert_eq!(admin.get(&server.url("/admin/articles/cc2014-999")).status, 404);
}

komek_store::with_each_back_end!(
    an_administrator_adds_a_topic_retires_another_and_the_forms_follow,
    an_administrator_adds_an_article_and_the_proceeding_form_offers_it,
);
