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
    let unlabelled = admin.post(&server.url("/admin/lists/topic"), &[("csrf", &csrf), ("code", "police-extortion")]);
    assert_eq!(unlabelled.status, 422);
    assert!(unlabelled.body.contains("id=\"label_ru-error\""), "{}", unlabelled.body);

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

komek_store::with_each_back_end!(an_administrator_adds_a_topic_retires_another_and_the_forms_follow);
