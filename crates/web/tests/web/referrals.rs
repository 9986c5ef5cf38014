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

    // From the intake form, while the caller is on the line: the form comes back with what
    // was typed, and the directory's answer opens partners in another tab.
    let intake = operator.get(&server.url("/hotline/new"));
    let csrf = intake.csrf();
    let appeal_id = intake.input_value("appeal_id");
    let asked = operator.post(
        &server.url("/hotline/new"),
        &[
            ("csrf", csrf.as_str()),
            ("appeal_id", appeal_id.as_str()),
            ("full_name", "Гульнара"),
            ("notes", "Нужен приют с ребёнком"),
            ("dir_service", "shelter"),
            ("dir_region", "turkistan"),
            ("action", "directory"),
        ],
    );
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("Приют «Забота»") && asked.body.contains("target=\"_blank\""), "{}", asked.body);
    assert_eq!(asked.input_value("full_name"), "Гульнара", "what was typed stays");
    assert!(asked.body.contains("Нужен приют с ребёнком"));
    assert_eq!(server.app.store().read(|tx| tx.query_i64("SELECT count(*) FROM appeals", &[])).unwrap(), 0);
    // What the page's script asks as the operator chooses: the same answer, as a fragment.
    let live = |browser: &mut Browser, csrf: &str, region: &str| {
        browser.post(
            &server.url("/hotline/directory"),
            &[("csrf", csrf), ("dir_service", "shelter"), ("dir_region", region)],
        )
    };
    assert!(live(&mut operator, &csrf, "turkistan").body.contains("Приют «Забота»"));
    assert!(!live(&mut operator, &csrf, "almaty").body.contains("Приют"), "not where it does not serve");
    assert_eq!(live(&mut operator, "forged", "turkistan").status, 409);

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
    assert!(!live(&mut operator, &csrf, "turkistan").body.contains("Приют"), "an inactive partner is not offered");
    // The same form sent again at the old version is stale.
    let stale = manager.post(&server.url(&format!("{page_url}/edit")), &form);
    assert_eq!(stale.status, 409);
    assert!(stale.body.contains("Someone else changed this record"), "{}", stale.body);
    assert_eq!(stale.input_value("fp0_position"), "Координатор", "what was typed comes back");
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

fn staff(server: &Server, username: &str) -> komek_app::Actor {
    let accounts = server.app.accounts(&komek_app::Actor::System).unwrap();
    komek_app::Actor::Staff(accounts.into_iter().find(|a| a.username == username).expect("a test account"))
}

/// Husan's consent recorded through the person's page; a referral made from his case with the
/// health field greyed out and refused when forced; sent, with its letter filed into the
/// case; then his consent withdrawn, and nothing more may go under it.
fn a_lawyer_records_husans_consent_refers_him_from_his_case_and_prints_the_letter(back_end: BackEnd) {
    use komek_domain::entities::{Case, PersonIdentity, PersonProfile};
    use komek_domain::referrals::{FocalPoint, Partner, PartnerContacts};
    let server = Server::start(back_end);
    let manager = staff(&server, "manager");
    let lawyer_actor = staff(&server, "lawyer");
    let police = Partner {
        contacts: Some(PartnerContacts {
            focal_points: vec![FocalPoint { name: "Майор Ахметов".into(), ..Default::default() }],
            ..Default::default()
        }),
        ..support::partner("ДП Туркестанской области, УБОП", "police", &["legal-consultation"])
    };
    let police = server.app.add_partner(&manager, police).unwrap();
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: "Хусан Абдуллаев".into(), ..Default::default() };
    let husan = server.app.register_person(&lawyer_actor, None, profile, identity).unwrap();
    let today = server.app.today(&lawyer_actor).unwrap();
    let case = Case {
        persons: vec![husan],
        summary: Some("Паспорт отобран, перевозили с объекта на объект.".into()),
        ..Case::opened(Default::default(), "trafficking-labour", lawyer_actor.account_id().unwrap(), today)
    };
    let case = server.app.open_case(&lawyer_actor, case).unwrap();

    let mut lawyer = signed_in(&server, "lawyer");
    let page = lawyer.get(&server.url(&format!("/persons/{husan}")));
    assert!(page.body.contains("id=\"consents\""), "{}", page.body);
    let form = lawyer.get(&server.url(&format!("/persons/{husan}/consents/new")));
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = form.csrf();
    let day = today.format("%Y-%m-%d").to_string();
    let police_id = police.to_string();
    let consent = vec![
        ("csrf", csrf.as_str()),
        ("given_on", day.as_str()),
        ("method", "signed-form"),
        ("partners", police_id.as_str()),
        ("purposes", "investigation"),
        ("categories", "identity"),
        ("categories", "case-narrative"),
        ("note", "Прочитано вслух на узбекском."),
    ];
    // Without a purpose it comes back as typed, the purposes marked.
    let mut no_purpose = consent.clone();
    no_purpose.retain(|(k, _)| *k != "purposes");
    let refused = lawyer.post(&server.url(&format!("/persons/{husan}/consents")), &no_purpose);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"purposes-error\""), "{}", refused.body);
    assert!(refused.body.contains("Прочитано вслух на узбекском."));
    let saved = lawyer.post(&server.url(&format!("/persons/{husan}/consents")), &consent);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = lawyer.get(&server.url(&format!("/persons/{husan}")));
    assert!(page.body.contains("Прочитано вслух на узбекском.") && page.body.contains("In force"), "{}", page.body);

    // The case page offers the referral; the form preselects the one consent and greys out
    // what it does not cover.
    let case_page = lawyer.get(&server.url(&format!("/cases/{case}")));
    let link = format!("/referrals/new?person={husan}&amp;case={case}");
    assert!(case_page.body.contains(&link), "{}", case_page.body);
    let form = lawyer.get(&server.url(&format!("/referrals/new?person={husan}&case={case}&partner={police}")));
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(!form.body.contains("value=\"health-notes\""), "Komek keeps no health notes to offer");
    let health = form.body.find("value=\"vulnerabilities\"").expect("the health field is listed");
    assert!(form.body[health..health + 80].contains("disabled"), "{}", &form.body[health..health + 80]);
    let name = form.body.find("value=\"full-name\"").unwrap();
    assert!(!form.body[name..name + 40].contains("disabled"));

    let consent_id = server.app.consent_terms(&lawyer_actor, husan).unwrap()[0].id.to_string();
    let person = husan.to_string();
    let case_id = case.to_string();
    let csrf = form.csrf();
    let sent = form.input_value("sent");
    let referral = vec![
        ("csrf", csrf.as_str()),
        ("sent", sent.as_str()),
        ("person", person.as_str()),
        ("case", case_id.as_str()),
        ("appeal", ""),
        ("partner_id", police_id.as_str()),
        ("purpose", "investigation"),
        ("consent_id", consent_id.as_str()),
        ("fields", "full-name"),
        ("fields", "case-summary"),
        ("services", "legal-consultation"),
        ("urgency", "urgent"),
        ("reply_due_on", day.as_str()),
    ];
    // Health forced into the form is refused by the service, naming the field and the consent.
    let mut forced = referral.clone();
    forced.push(("fields", "vulnerabilities"));
    let refused = lawyer.post(&server.url("/referrals/new"), &forced);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"refusal\""), "{}", refused.body);
    assert!(refused.body.contains("does not allow sharing “Vulnerabilities” (Health data)"), "{}", refused.body);
    let made = lawyer.post(&server.url("/referrals/new"), &referral);
    assert_eq!(made.status, 303, "{}", made.body);
    let url = made.header("location").unwrap().to_owned();
    // The form sent again (a slow connection, a second click) makes nothing more.
    let twice = lawyer.post(&server.url("/referrals/new"), &referral);
    assert_eq!(twice.header("location"), Some(url.as_str()));
    let referrals = server.app.store().read(|tx| tx.query_i64("SELECT count(*) FROM referrals", &[])).unwrap();
    assert_eq!(referrals, 1);

    let page = lawyer.get(&server.url(&url));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("ДП Туркестанской области, УБОП"));
    let number = server.app.case_file(&lawyer_actor, case).unwrap().case.number;
    assert!(page.body.contains(&format!("<a href=\"/cases/{case}\">{number}</a>")), "{}", page.body);
    let letter = lawyer.get(&server.url(&format!("{url}/letter?lang=ru")));
    assert_eq!(letter.status, 200, "{}", letter.body);
    assert!(letter.body.contains("Хусан Абдуллаев") && letter.body.contains("Паспорт отобран"), "{}", letter.body);
    assert!(letter.body.contains("Майор Ахметов") && letter.body.contains("Направление №"), "{}", letter.body);
    let pdf = lawyer.get(&server.url(&format!("{url}/letter.pdf?lang=kk")));
    assert_eq!((pdf.status, pdf.header("content-type")), (200, Some("application/pdf")));

    let version = page.input_value("version");
    let csrf = page.csrf();
    let step = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("status", "sent"),
        ("on", day.as_str()),
        ("letter_lang", "ru"),
        ("note", ""),
    ];
    assert_eq!(lawyer.post(&server.url(&format!("{url}/steps")), &step).status, 303);
    // The same step from the old page is stale.
    let stale = lawyer.post(&server.url(&format!("{url}/steps")), &step);
    assert_eq!(stale.status, 409);
    assert!(stale.body.contains("Someone else changed this record"), "{}", stale.body);
    let case_page = lawyer.get(&server.url(&format!("/cases/{case}")));
    assert!(case_page.body.contains(".pdf"), "the letter sent is in the case's evidence");
    // The referral keeps the letter as it went, with its fingerprint.
    let sent = lawyer.get(&server.url(&url));
    assert!(sent.body.contains("id=\"sent-letter\"") && sent.body.contains("SHA-256"), "{}", sent.body);
    let kept = lawyer.get(&server.url(&format!("{url}/sent-letter.pdf")));
    assert_eq!((kept.status, kept.header("content-type")), (200, Some("application/pdf")));
    let size: usize = kept.header("content-length").and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(size > 1000, "the PDF itself, {size} bytes");

    // His case in HTCDS for the police: the page says who may go under which consent, and the
    // download carries him; for a purpose he did not agree to, nothing goes.
    assert!(case_page.body.contains(&format!("/cases/{case}/htcds")), "{}", case_page.body);
    let export = format!("/cases/{case}/htcds?partner_id={police}&purpose=investigation");
    let preview = lawyer.get(&server.url(&export));
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(preview.body.contains("Goes under the consent") && preview.body.contains("Хусан Абдуллаев"));
    let json = lawyer.get(&server.url(&format!("{export}&format=json")));
    assert_eq!((json.status, json.header("content-type")), (200, Some("application/json")), "{}", json.body);
    assert!(json.header("content-disposition").is_some_and(|d| d.contains("htcds-")));
    let json: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(json["records"][0]["prs_SecondName"], "Хусан Абдуллаев");
    let csv = lawyer.get(&server.url(&format!("{export}&format=csv")));
    assert!(csv.status == 200 && csv.body.contains("Хусан Абдуллаев"), "{}", csv.body);
    let other_purpose = format!("/cases/{case}/htcds?partner_id={police}&purpose=protection&format=json");
    let nobody = lawyer.get(&server.url(&other_purpose));
    assert_eq!(nobody.status, 422, "{}", nobody.body);
    assert!(nobody.body.contains("id=\"nobody\"") && nobody.body.contains("does not cover the purpose"));
    let unknown_partner = format!("/cases/{case}/htcds?partner_id={}&purpose=investigation", uuid::Uuid::now_v7());
    let wrong = lawyer.get(&server.url(&format!("{unknown_partner}&format=json")));
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert!(wrong.body.contains("id=\"partner_id-error\""), "{}", wrong.body);

    // Withdrawn, the consent lets nothing more go.
    let page = lawyer.get(&server.url(&format!("/persons/{husan}")));
    let csrf = page.csrf();
    let withdraw = format!("/persons/{husan}/consents/{consent_id}/withdraw");
    let done = lawyer.post(&server.url(&withdraw), &[("csrf", csrf.as_str()), ("withdrawn_on", day.as_str())]);
    assert_eq!(done.status, 303, "{}", done.body);
    let mut another = referral.clone();
    another.retain(|(k, _)| *k != "sent");
    let again = lawyer.post(&server.url("/referrals/new"), &another);
    assert_eq!(again.status, 422);
    assert!(again.body.contains("was withdrawn on"), "{}", again.body);
    assert_eq!(lawyer.get(&server.url(&format!("{export}&format=json"))).status, 422);

    // Another office's lawyer meets nothing of it.
    let desk = lawyer.get(&server.url("/referrals"));
    assert!(desk.body.contains("Хусан Абдуллаев"), "{}", desk.body);
    assert!(!desk.body.contains("id=\"declined\""), "nothing declined: no such list");
    // Declined by the police, it leaves the referrals under way for the list of those to close.
    let page = lawyer.get(&server.url(&url));
    let (csrf, version) = (page.csrf(), page.input_value("version"));
    let declined = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("status", "declined"),
        ("on", day.as_str()),
        ("letter_lang", ""),
        ("note", "Недостаточно оснований."),
    ];
    assert_eq!(lawyer.post(&server.url(&format!("{url}/steps")), &declined).status, 303);
    let desk = lawyer.get(&server.url("/referrals"));
    let number: String =
        server.app.store().read(|tx| tx.query_one("SELECT number FROM referrals", &[])?.get(0)).unwrap();
    let at = desk.body.find("id=\"declined\"").expect("the declined list");
    assert!(desk.body[at..].contains(&number), "{number}: {}", desk.body);
    assert_eq!(desk.body.matches(&number).count(), 1, "in that list only");
    let mut analyst = signed_in(&server, "analyst");
    assert_eq!(analyst.get(&server.url(&url)).status, 403);
    assert_eq!(analyst.get(&server.url(&export)).status, 403);
    let unknown_case = format!("/cases/{}/htcds", uuid::Uuid::now_v7());
    assert_eq!(lawyer.get(&server.url(&unknown_case)).status, 404);
    let unknown = format!("/referrals/{}", uuid::Uuid::now_v7());
    assert_eq!(lawyer.get(&server.url(&unknown)).status, 404);
    assert_eq!(lawyer.get(&server.url(&format!("{unknown}/letter"))).status, 404);
}

/// IOM sends a woman found at the border: the lawyer takes the referral in from the desk in
/// one form, a refused form keeps what was typed, and the saved one shows the referral, her
/// and her case.
fn a_lawyer_takes_in_a_partners_referral_with_a_new_person_and_a_case(back_end: BackEnd) {
    let server = Server::start(back_end);
    let manager = staff(&server, "manager");
    let iom = support::partner("IOM Kazakhstan", "international-organisation", &["repatriation"]);
    let iom = server.app.add_partner(&manager, iom).unwrap().to_string();
    let mut lawyer = signed_in(&server, "lawyer");
    let desk = lawyer.get(&server.url("/referrals"));
    assert!(desk.body.contains("href=\"/referrals/incoming\""), "{}", desk.body);
    let form = lawyer.get(&server.url("/referrals/incoming"));
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = form.csrf();
    let today = form.input_value("received_on");
    let sent = form.input_value("sent");
    let fields = vec![
        ("csrf", csrf.as_str()),
        ("sent", sent.as_str()),
        ("partner_id", iom.as_str()),
        ("received_on", today.as_str()),
        ("purpose", "protection"),
        ("services", "shelter"),
        ("urgency", "urgent"),
        ("reply_due_on", ""),
        ("letter", "Задержана на КПП, паспорт у работодателя."),
        ("full_name", "Рахимова Мадина"),
        ("sex", "female"),
        ("citizenship", "TJ"),
        ("phone", ""),
        ("opens", "case"),
        ("channel", "email"),
        ("kind", ""),
    ];
    // No kind of case: refused beside it, everything typed kept, nobody registered.
    let refused = lawyer.post(&server.url("/referrals/incoming"), &fields);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("id=\"kind-error\""), "{}", refused.body);
    assert_eq!(refused.input_value("full_name"), "Рахимова Мадина");
    assert!(refused.body.contains("Задержана на КПП, паспорт у работодателя."));
    let mut complete = fields.clone();
    complete.retain(|(k, _)| *k != "kind");
    complete.push(("kind", "trafficking-labour"));
    // Her phone is one a known person gave: she is shown beside him, and registered only once
    // the lawyer says she is someone else.
    let profile =
        komek_domain::entities::PersonProfile { sex: "male".into(), citizenship: "TJ".into(), ..Default::default() };
    let identity = komek_domain::entities::PersonIdentity {
        full_name: "Каримов Фаррух".into(),
        phones: vec!["+992 93 555 11 22".into()],
        ..Default::default()
    };
    let farrukh = server.app.register_person(&staff(&server, "lawyer"), None, profile, identity).unwrap();
    complete.retain(|(k, _)| *k != "phone");
    complete.push(("phone", "+992 93 555 11 22"));
    let persons = || server.app.store().read(|tx| tx.query_i64("SELECT count(*) FROM persons", &[])).unwrap();
    let warned = lawyer.post(&server.url("/referrals/incoming"), &complete);
    assert_eq!(warned.status, 422, "{}", warned.body);
    assert!(warned.body.contains(&format!("value=\"{farrukh}\"")) && warned.body.contains("Каримов Фаррух"));
    assert!(warned.body.contains("id=\"person-error\""), "{}", warned.body);
    assert_eq!(warned.input_value("full_name"), "Рахимова Мадина", "nothing typed is lost");
    assert_eq!(persons(), 1, "nobody was registered");
    complete.push(("person", "new"));
    let saved = lawyer.post(&server.url("/referrals/incoming"), &complete);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(persons(), 2);
    let twice = lawyer.post(&server.url("/referrals/incoming"), &complete);
    assert_eq!(twice.header("location"), saved.header("location"), "sent twice, taken in once");
    assert_eq!(persons(), 2);
    let page = lawyer.get(&server.url(saved.header("location").unwrap()));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("IOM Kazakhstan") && page.body.contains("Рахимова Мадина"), "{}", page.body);
    assert!(page.body.contains("Задержана на КПП"), "the partner's letter is its first step");
    assert!(page.body.contains("href=\"/cases/"), "her case is linked: {}", page.body);
}

/// The paper behind a consent: the signed form's scan attached from the person's page, a file
/// that is not a document refused with its reason, the scan encrypted at rest, downloaded back
/// as it was, every filing and opening audited, and out of reach exactly like not there.
fn a_consents_signed_form_is_attached_encrypted_and_kept_within_reach(back_end: BackEnd) {
    use komek_domain::entities::{PersonIdentity, PersonProfile};
    const SIGNED: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let server = Server::start(back_end);
    let lawyer_actor = staff(&server, "lawyer");
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: "Хусан Абдуллаев".into(), ..Default::default() };
    let husan = server.app.register_person(&lawyer_actor, None, profile.clone(), identity).unwrap();
    let today = server.app.today(&lawyer_actor).unwrap();
    let consent = komek_app::referrals::NewConsent {
        given_on: today,
        method: "signed-form".into(),
        recipients: vec![komek_domain::referrals::Recipient::Kind("police".into())],
        purposes: vec!["investigation".into()],
        categories: vec!["identity".into()],
        ..Default::default()
    };
    let consent = server.app.record_consent(&lawyer_actor, husan, consent).unwrap();
    let count = |sql: &str| server.app.store().read(|tx| tx.query_i64(sql, &[])).unwrap();

    let mut lawyer = signed_in(&server, "lawyer");
    let new_scan = format!("/persons/{husan}/consents/{consent}/scan/new");
    let page = lawyer.get(&server.url(&format!("/persons/{husan}")));
    assert!(page.body.contains(&new_scan), "{}", page.body);
    let form = lawyer.get(&server.url(&new_scan));
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = form.csrf();
    let upload = server.url(&format!("/persons/{husan}/consents/{consent}/scan"));
    let refused =
        lawyer.post_file(&upload, &[("csrf", &csrf)], "согласие.pdf", b"MZ\x90\x00 this program cannot be run");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("not accepted") && refused.body.contains("id=\"file-error\""), "{}", refused.body);
    assert_eq!(count("SELECT count(*) FROM consent_scans"), 0, "nothing refused was stored");
    assert_eq!(lawyer.post_file(&upload, &[("csrf", "forged")], "согласие.pdf", SIGNED).status, 409);

    let saved = lawyer.post_file(&upload, &[("csrf", &csrf)], "согласие.pdf", SIGNED);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = lawyer.get(&server.url(saved.header("location").unwrap()));
    assert!(page.body.contains("The signed form is attached") && page.body.contains("Signed form"), "{}", page.body);
    let download = lawyer.get(&upload);
    assert_eq!(download.status, 200);
    assert_eq!(download.body.as_bytes(), SIGNED);
    assert_eq!(download.header("content-type"), Some("application/pdf"));
    let stored: Vec<u8> =
        server.app.store().read(|tx| tx.query_one("SELECT content_enc FROM consent_scans", &[])?.get(0)).unwrap();
    assert!(!stored.windows(4).any(|w| w == b"%PDF"), "encrypted at rest");
    assert_eq!(count("SELECT count(*) FROM audit_log WHERE record_kind = 'consent-scan' AND action = 'create'"), 1);
    assert_eq!(count("SELECT count(*) FROM audit_log WHERE record_kind = 'consent-scan' AND action = 'read'"), 1);

    // Another person's path to the same consent, and a lawyer of another office: not there.
    let other = server.app.register_person(
        &lawyer_actor,
        None,
        profile,
        PersonIdentity { full_name: "Другой Человек".into(), ..Default::default() },
    );
    let other = other.unwrap();
    let elsewhere = format!("/persons/{other}/consents/{consent}/scan",);
    assert_eq!(lawyer.get(&server.url(&elsewhere)).status, 404);
    // Nor withdrawn through another's page; a day that cannot be is said, and nothing changes.
    let csrf = lawyer.get(&server.url(&format!("/persons/{husan}"))).csrf();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let withdraw = |browser: &mut Browser, person, on: &str| {
        let path = format!("/persons/{person}/consents/{consent}/withdraw");
        browser.post(&server.url(&path), &[("csrf", csrf.as_str()), ("withdrawn_on", on)])
    };
    assert_eq!(withdraw(&mut lawyer, other, &day(today)).status, 404);
    let tomorrow = withdraw(&mut lawyer, husan, &day(today.succ_opt().unwrap()));
    assert_eq!(tomorrow.status, 303);
    let page = lawyer.get(&server.url(tomorrow.header("location").unwrap()));
    assert!(page.body.contains("The withdrawal was not recorded") && page.body.contains("In force"), "{}", page.body);
    assert_eq!(withdraw(&mut lawyer, husan, "").header("location"), tomorrow.header("location"));
    let office = server.app.create_office(&komek_app::Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let far =
        server.app.create_account(&komek_app::Actor::System, "far", "Far", komek_domain::Role::Lawyer, office.id, "en");
    server.app.set_password_directly(&komek_app::Actor::System, far.unwrap().account.id, PASSWORD).unwrap();
    let mut far = signed_in(&server, "far");
    assert_eq!(far.get(&upload).status, 404);
    assert_eq!(far.get(&server.url(&new_scan)).status, 404);
    let csrf = far.get(&server.url("/")).csrf();
    assert_eq!(far.post_file(&upload, &[("csrf", &csrf)], "x.pdf", SIGNED).status, 404);
}

/// Every referral page, for every role, on a person of the office, of another office, and in a
/// sensitive case: refused by role first (403), then out of reach exactly like not there
/// (404, naming nobody); what may be seen opens (200).
fn referral_pages_follow_the_access_rules(back_end: BackEnd) {
    use komek_app::Actor;
    use komek_app::referrals::{NewConsent, NewReferral};
    use komek_domain::entities::{Case, PersonIdentity, PersonProfile};
    use komek_domain::referrals::{Direction, Recipient};
    use komek_domain::{Capability, Role};
    const SIGNED: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let server = Server::start(back_end);
    let app = &server.app;
    let district = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let local = app.create_account(&Actor::System, "local", "Local", Role::Lawyer, district.id, "en").unwrap();
    let (local, lawyer, manager) = (Actor::Staff(local.account), staff(&server, "lawyer"), staff(&server, "manager"));
    let police = support::partner("ДП, УБОП", "police", &["legal-consultation"]);
    let police = app.add_partner(&manager, police).unwrap();
    let today = app.today(&lawyer).unwrap();
    // A person with a case, a consent with its scan, and a referral made under it.
    let file = |actor: &Actor, name: &str, sensitive: bool| {
        let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
        let identity = PersonIdentity { full_name: name.into(), ..Default::default() };
        let person = app.register_person(actor, None, profile, identity).unwrap();
        let case = Case {
            sensitive,
            persons: vec![person],
            ..Case::opened(Default::default(), "trafficking-labour", actor.account_id().unwrap(), today)
        };
        let case = app.open_case(actor, case).unwrap();
        let consent = NewConsent {
            given_on: today,
            method: "signed-form".into(),
            recipients: vec![Recipient::Kind("police".into())],
            purposes: vec!["investigation".into()],
            categories: vec!["identity".into()],
            ..Default::default()
        };
        let consent = app.record_consent(actor, person, consent).unwrap();
        app.attach_consent_scan(actor, person, consent, "согласие.pdf", SIGNED).unwrap();
        let referral = NewReferral {
            person_id: person,
            case_id: Some(case),
            appeal_id: None,
            partner_id: police,
            purpose: "investigation".into(),
            services: vec!["legal-consultation".into()],
            urgency: "urgent".into(),
            reply_due_on: None,
            fields: vec!["full-name".into()],
            consent_id: Some(consent),
            override_reason: None,
            made_on: None,
        };
        let referral = app.make_referral(actor, Direction::Outgoing, referral).unwrap();
        let sent = komek_app::referrals::NextStep { status: "sent".into(), on: today, note: String::new() };
        app.move_referral(actor, referral, 1, &sent, &|id: &str| id.to_owned()).unwrap();
        (person, case, consent, referral)
    };
    let here = file(&lawyer, "Хамидов Хуршид", false);
    let elsewhere = file(&local, "Осмонова Бермет", false);
    let sensitive = file(&lawyer, "Ташпулатова Дилором", true);

    for role in Role::ALL {
        let mut browser = signed_in(&server, role.code());
        let refers = role.can(Capability::RegisterAppeals);
        let expect = |reached: bool| match (refers, reached) {
            (false, _) => 403,
            (true, true) => 200,
            (true, false) => 404,
        };
        let on_team = role == Role::Lawyer;
        for ((person, case, consent, referral), reached) in [(here, true), (elsewhere, false), (sensitive, on_team)] {
            let pages = [
                format!("/persons/{person}/consents/new"),
                format!("/persons/{person}/consents/{consent}/scan/new"),
                format!("/persons/{person}/consents/{consent}/scan"),
                format!("/referrals/new?person={person}&case={case}"),
                format!("/referrals/incoming?person={person}"),
                format!("/referrals/{referral}"),
                format!("/referrals/{referral}/letter?lang=ru"),
                format!("/referrals/{referral}/letter.pdf?lang=ru"),
                format!("/referrals/{referral}/sent-letter.pdf"),
                format!("/cases/{case}/htcds"),
            ];
            for path in pages {
                let page = browser.get(&server.url(&path));
                assert_eq!(page.status, expect(reached), "{} on {path}", role.code());
                if page.status != 200 {
                    for name in ["Хамидов", "Осмонова", "Ташпулатова"] {
                        assert!(!page.body.contains(name), "{} on {path} names {name}", role.code());
                    }
                }
            }
        }
    }
}

komek_store::with_each_back_end!(
    a_lawyer_takes_in_a_partners_referral_with_a_new_person_and_a_case,
    a_manager_adds_a_partner_and_the_hotline_finds_it_by_service_and_region,
    the_directory_is_closed_to_analysts_and_an_unknown_partner_is_not_there,
    a_lawyer_records_husans_consent_refers_him_from_his_case_and_prints_the_letter,
    a_consents_signed_form_is_attached_encrypted_and_kept_within_reach,
    referral_pages_follow_the_access_rules,
);
