//! The referral network's directory over real HTTP: a manager adds a partner through the form
//! (a refused form keeps what was typed), the hotline finds it by service and region and reads
//! whom to call, and those who may not see it do not.

use crate::support;
use support::{BackEnd, Browser, PASSWORD, Server};

fn signed_in(server: &Server, username: &str) -> Browser {
    let mut browser = Browser::new();
    browser.login(server, username, PASSWORD);
    browser
}

fn a_manager_adds_a_partner_and_the_hotline_finds_it_by_service_and_region(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut manager = signed_in(&server, "manager");
    let form = manager.get(&server.url("/referrals/partners/new"));
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = form.csrf();
    let fields = vec![
        ("csrf", csrf.as_str()),
        ("name", "Приют «Забота»"),
        ("kind", "shelter"),
        ("country", "KZ"),
        ("regions", "turkistan"),
        ("services", "shelter"),
        ("services", "food-clothing"),
        ("languages", "ru"),
        ("working_hours", "круглосуточно"),
        ("active", "1"),
        ("fp0_name", "Дана Сеитова"),
        ("fp0_position", "Координатор"),
        ("fp0_phones", "+7 701 555 12 34"),
        ("fp0_email", "dana@example.org"),
        ("address", "Шымкент, ул. Байтурсынова 5"),
        ("notes", "Принимают с детьми."),
    ];
    // A focal point without a name is refused beside the focal points; nothing typed is lost.
    let mut nameless = fields.clone();
    nameless.retain(|(k, _)| *k != "fp0_name");
    let refused = manager.post(&server.url("/referrals/partners/new"), &nameless);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"focal_points-error\""), "{}", refused.body);
    assert_eq!(refused.input_value("fp0_position"), "Координатор");
    assert_eq!(refused.input_value("name"), "Приют «Забота»");

    let saved = manager.post(&server.url("/referrals/partners/new"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page_url = saved.header("location").unwrap().to_owned();

    let mut operator = signed_in(&server, "hotline-operator");
    let found = operator.get(&server.url("/referrals/partners?service=shelter&region=turkistan"));
    assert_eq!(found.status, 200);
    assert!(found.body.contains("Приют «Забота»"), "{}", found.body);
    assert!(!found.body.contains("Add a partner"), "the hotline reads the directory, does not keep it");
    let elsewhere = operator.get(&server.url("/referrals/partners?service=shelter&region=almaty"));
    assert!(!elsewhere.body.contains("Приют «Забота»"));
    let page = operator.get(&server.url(&page_url));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Дана Сеитова") && page.body.contains("+7 701 555 12 34"), "{}", page.body);
    assert!(!page.body.contains("/edit\""), "no edit link for the hotline");
    assert_eq!(operator.get(&server.url("/referrals/partners/new")).status, 403);

    // Marked inactive, it leaves the default list but stays in the directory.
    let edit = manager.get(&server.url(&format!("{page_url}/edit")));
    assert_eq!(edit.input_value("version"), "1");
    let mut inactive: Vec<(&str, String)> =
        fields.iter().filter(|(k, _)| *k != "active").map(|(k, v)| (*k, v.to_string())).collect();
    inactive.push(("version", "1".into()));
    let form: Vec<(&str, &str)> = inactive.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(manager.post(&server.url(&format!("{page_url}/edit")), &form).status, 303);
    assert!(!operator.get(&server.url("/referrals/partners?service=shelter")).body.contains("Приют"));
    assert!(operator.get(&server.url("/referrals/partners?service=shelter&all=1")).body.contains("Приют"));
    // The same form sent again at the old version is stale.
    assert_eq!(manager.post(&server.url(&format!("{page_url}/edit")), &form).status, 409);
}

fn the_directory_is_closed_to_analysts_and_an_unknown_partner_is_not_there(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut analyst = signed_in(&server, "analyst");
    assert_eq!(analyst.get(&server.url("/referrals/partners")).status, 403);
    assert_eq!(analyst.get(&server.url("/referrals")).status, 403);
    let mut lawyer = signed_in(&server, "lawyer");
    assert_eq!(lawyer.get(&server.url("/referrals")).status, 200);
    let unknown = format!("/referrals/partners/{}", uuid::Uuid::now_v7());
    assert_eq!(lawyer.get(&server.url(&unknown)).status, 404);
    assert_eq!(lawyer.get(&server.url(&format!("{unknown}/edit"))).status, 404);
}

komek_store::with_each_back_end!(
    a_manager_adds_a_partner_and_the_hotline_finds_it_by_service_and_region,
    the_directory_is_closed_to_analysts_and_an_unknown_partner_is_not_there,
);
