//! The reports page over real HTTP: the seed's 2008 annual report counted from the demo
//! year, with a chart beside each table and the page within its weight; a missing exchange
//! rate named until an administrator adds it; bad periods refused beside their field with
//! what was typed; an empty period that says so; who may read reports and who may set rates.

use crate::support;

use std::io::Read;

use komek_app::demo;
use support::{BackEnd, Browser, PASSWORD, Page, Server};

/// The page budget (ARCHITECTURE.md, "Performance budgets"): a staff page weighs at most
/// 30 KB compressed.
const PAGE_BUDGET_BYTES: usize = 30 * 1024;

/// A server whose data is the demo year 2008.
fn demo_server(back_end: BackEnd) -> Server {
    let server = Server::start(back_end);
    // The demo year brings its own analyst: the test account of that name steps aside.
    server
        .app
        .store()
        .write(|tx| tx.execute("UPDATE accounts SET username = 'analyst-test' WHERE username = 'analyst'", &[]))
        .unwrap();
    demo::generate(&server.app, demo::DEFAULT_SEED, &|id: &str| id.to_owned()).unwrap();
    server
}

/// One referral sent on 5 May 2008 to a shelter, named "Sana Sezim", which accepted it three
/// days later: made straight in the store, since the demo year has no referrals.
fn one_referral_sent(server: &Server) {
    use chrono::{NaiveDate, TimeZone, Utc};
    use komek_domain::referrals::{Direction, Partner, Referral, ReferralStep};
    use komek_domain::{AccountId, OfficeId, PartnerId, PersonId, ReferralId};
    use komek_store::repo::referrals::{self as repo, StoredPartner, StoredReferral, StoredStep};
    let on = |m, d| NaiveDate::from_ymd_opt(2008, m, d).unwrap();
    let at = Utc.with_ymd_and_hms(2008, 5, 5, 9, 0, 0).unwrap();
    server
        .app
        .store()
        .write(|tx| {
            let rows = tx.query(
                "SELECT p.id, p.office_id, a.id FROM persons p, accounts a WHERE a.username = 'analyst' LIMIT 1",
                &[],
            )?;
            let (person, office, by): (PersonId, OfficeId, AccountId) =
                (rows[0].get(0)?, rows[0].get(1)?, rows[0].get(2)?);
            let partner = Partner {
                id: PartnerId::new(),
                name: "Sana Sezim".into(),
                kind: "shelter".into(),
                country: "KZ".into(),
                regions: vec![],
                services: vec!["shelter".into()],
                languages: vec!["ru".into()],
                working_hours: "9–18".into(),
                active: true,
                contacts: None,
                updated_at: at,
            };
            let stored = StoredPartner { partner, name_key: "sana sezim".into(), contacts_enc: vec![1], version: 1 };
            repo::insert_partner(tx, &stored)?;
            let referral = Referral {
                id: ReferralId::new(),
                office_id: office,
                number: "R-2008-901".into(),
                direction: Direction::Outgoing,
                person_id: person,
                case_id: None,
                appeal_id: None,
                partner_id: stored.partner.id,
                purpose: "protection".into(),
                services: vec!["shelter".into()],
                urgency: "urgent".into(),
                reply_due_on: None,
                fields: vec!["full-name".into()],
                consent_id: None,
                override_reason: None,
                status: "draft".into(),
                created_by: by,
                created_at: at,
            };
            let step = |status: &str, on| StoredStep {
                step: ReferralStep { status: status.into(), on, by, note: None, recorded_at: at },
                note_enc: None,
            };
            let id = referral.id;
            let stored = StoredReferral { referral, override_reason_enc: Some(vec![1]), version: 1 };
            repo::insert_referral(tx, &stored, &step("draft", on(5, 5)))?;
            repo::add_step(tx, id, 1, &step("sent", on(5, 5)))?;
            repo::add_step(tx, id, 2, &step("accepted", on(5, 8)))
        })
        .unwrap();
}

fn logged_in(server: &Server, username: &str, password: &str) -> Browser {
    let mut browser = Browser::new();
    let answer = browser.login(server, username, password);
    assert_eq!(answer.status, 303, "{username} logs in: {}", answer.body);
    browser
}

fn open(browser: &mut Browser, server: &Server, path: &str) -> Page {
    let page = browser.get(&server.url(path));
    assert_eq!(page.status, 200, "{path}: {}", page.body);
    page
}

/// The section of the page that holds one table of the report.
fn section<'a>(page: &'a Page, table: &str) -> &'a str {
    let start = page.body.find(&format!("<section class=\"report-table\" id=\"r-{table}\"")).unwrap_or_else(|| {
        panic!("no section {table} in {}", page.body);
    });
    let end = start + page.body[start..].find("</section>").expect("a closed section");
    &page.body[start..end]
}

/// The figures of the row labelled `label` in a table, as the page shows them.
fn row(html: &str, label: &str) -> Vec<String> {
    let marker = format!("<th scope=\"row\">{label}</th>");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no row {label} in {html}")) + marker.len();
    let end = start + html[start..].find("</tr>").expect("a closed row");
    html[start..end]
        .split("<td")
        .skip(1)
        .map(|cell| {
            let text = &cell[cell.find('>').unwrap() + 1..];
            text[..text.find("</td>").unwrap()].to_owned()
        })
        .collect()
}

/// The body as it travels when the browser accepts gzip, and how it was encoded.
fn compressed(browser: &Browser, server: &Server, path: &str) -> (Vec<u8>, Option<String>) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let cookies = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let mut response = agent
        .get(&server.url(path))
        .header("Cookie", &cookies)
        .header("Accept-Encoding", "gzip")
        .call()
        .expect("the server answers");
    assert_eq!(response.status().as_u16(), 200);
    let encoding = response.headers().get("content-encoding").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let mut bytes = Vec::new();
    response.body_mut().as_reader().read_to_end(&mut bytes).unwrap();
    (bytes, encoding)
}

fn an_analyst_reads_the_seed_annual_report_from_the_demo_year_with_a_chart_beside_each_table(back_end: BackEnd) {
    let server = demo_server(back_end);
    one_referral_sent(&server);
    let mut analyst = logged_in(&server, "analyst", demo::DEMO_PASSWORD);
    // The demo's analyst reads Russian; this test reads English.
    let home = open(&mut analyst, &server, "/");
    let switched = analyst.post(&server.url("/account/language"), &[("csrf", &home.csrf()), ("language", "en")]);
    assert_eq!(switched.status, 303);
    let page = open(&mut analyst, &server, "/reports?kind=year&year=2008&office=");
    assert!(page.body.contains("<h1>Report: 2008</h1>"), "{}", page.body);
    assert!(page.body.contains("Office: All offices"));
    assert!(!page.body.contains("Nothing was recorded"));
    assert!(!page.body.contains("missing-rate"), "2008 has its rate: 150 tenge a dollar");

    assert_eq!(row(section(&page, "appeals-total"), "Total"), ["2,560"]);
    // The same report as a file, linked from the page.
    assert!(page.body.contains("format=xlsx"), "the page links its downloads");
    let csv = analyst.get(&server.url("/reports?kind=year&year=2008&office=&format=csv"));
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-disposition").is_some_and(|d| d.starts_with("attachment")));
    assert!(csv.body.lines().any(|line| line.ends_with(",2560")), "{}", csv.body);
    let docx = analyst.get(&server.url("/reports?kind=year&year=2008&office=&format=docx"));
    assert_eq!(docx.status, 400, "a format not offered is refused, not answered with the page");
    assert!(docx.header("content-disposition").is_none());
    let topics = section(&page, "appeals-by-topic");
    for (group, n) in [
        ("Employment, contracts and registration", "1,324"),
        ("Citizenship and residence", "819"),
        ("Private matters", "417"),
        ("Legal consultations given", "1,899"),
    ] {
        assert_eq!(row(topics, group)[0], n, "{group}");
    }
    // Sectors as shares of the appeals that named one, whole percent, the exact share to hand.
    let sectors = section(&page, "sectors");
    let construction = row(sectors, "Construction");
    assert_eq!(construction.last().map(String::as_str), Some("43%"), "{construction:?}");
    assert!(sectors.contains("<td class=\"num\" title=\""), "the exact share is in a title");
    assert!(sectors.contains("Not stated"), "appeals that named no sector are shown apart");
    assert_eq!(row(section(&page, "victims-assisted"), "Total"), ["42"]);
    // The same victims by sex, age and citizenship; the referral made for this test.
    for table in ["victims-by-sex", "victims-by-age-band", "victims-by-citizenship"] {
        assert_eq!(row(section(&page, table), "Total"), ["42"], "{table}");
    }
    assert!(section(&page, "victims-by-sex").contains("Victims assisted, by sex"));
    // The demo year holds referrals of its own; the partner made for this test has only its one.
    assert_eq!(row(section(&page, "referrals-sent-by-partner"), "Sana Sezim"), ["1"]);
    for table in ["referrals-sent-by-partner-kind", "referrals-sent-by-status", "referral-reply-days"] {
        assert!(!row(section(&page, table), "Total").is_empty(), "{table}");
    }
    assert!(section(&page, "referrals-received-by-partner").contains("НПО-партнёр, Ташкент"), "Husan was referred in");
    assert!(csv.body.contains("Referrals sent, by partner"), "{}", csv.body);
    assert!(csv.body.lines().any(|line| line.starts_with("Sana Sezim,") && line.ends_with(",1")), "{}", csv.body);
    let repatriated = section(&page, "repatriated-by-citizenship");
    assert_eq!(row(repatriated, "Total"), ["29"]);
    assert_eq!(row(repatriated, "Uzbekistan"), ["27"]);
    // The seed's wage table: 18,000 tenge is $120 at 150 a dollar.
    let wages = row(section(&page, "wages-by-occupation"), "General labourer");
    assert_eq!(wages[1..], ["18\u{202f}000 ₸", "120 $"]);

    // A chart beside every table worth charting, each an image named by its heading and
    // pointing at its table; no inline style anywhere (the policy forbids it).
    let charts = page.body.matches("<svg class=\"chart ").count();
    assert_eq!(charts, page.body.matches("role=\"img\"").count());
    // Months; channels, topics, help, reasons, sectors, wages; repatriated, help delivered,
    // proceedings; the indicators and the eleven; victims by sex, age band and citizenship;
    // referrals sent and received by kind, status and partner, and the days to a reply; the
    // map of the districts visited, visits by kind of place, by month and by violation found.
    // Totals, victims by status and recovered wages have none.
    assert_eq!(charts, 26);
    // The mobile group's year: the districts shaded by the violations found, Maktaaral's raid
    // among them; a district not visited is on the map all the same.
    let districts = section(&page, "visits-by-district");
    assert!(districts.contains("<svg class=\"chart map\""), "{districts}");
    assert!(districts.contains("<title>Maktaaral District: "), "{districts}");
    assert!(districts.contains("<title>Sozak District: no visit</title>"), "{districts}");
    assert!(districts.contains("The map is a schematic"));
    assert_eq!(row(section(&page, "visits-by-month"), "Total")[0], "35", "three raids a month, one called off");
    for svg in page.body.split("<svg ").skip(1) {
        let details = svg.split("aria-details=\"").nth(1).and_then(|s| s.split('"').next()).expect("aria-details");
        assert!(page.body.contains(&format!("<table class=\"report\" id=\"{details}\"")), "{details} is on the page");
        let heading = svg.split("aria-labelledby=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
        assert!(page.body.contains(&format!("<h2 id=\"{heading}\">")));
        assert!(svg.contains("<title>"));
    }
    assert!(section(&page, "appeals-by-month").contains("<svg class=\"chart columns\""));
    assert!(sectors.contains("<svg class=\"chart bars\""));
    assert!(!page.body.contains("style="), "no inline style");
    assert!(!page.body.contains("<style"), "no style element");
    assert!(!page.body.contains("<script"), "works with script off");
    // Aggregates only: nobody is named or linked.
    assert!(!page.body.contains("/persons/") && !page.body.contains("/cases/"));

    // Within the budget of a staff page, as it travels.
    let (body, encoding) = compressed(&analyst, &server, "/reports?kind=year&year=2008");
    assert_eq!(encoding.as_deref(), Some("gzip"));
    assert!(body.len() < PAGE_BUDGET_BYTES, "{} bytes compressed", body.len());
    let (css, _) = compressed(&analyst, &server, "/static/app.css");
    eprintln!(
        "the 2008 report page: {} bytes, {} bytes gzip; the stylesheet {} bytes gzip",
        page.body.len(),
        body.len(),
        css.len()
    );

    // A period before the first rate: the dollar figures are missing and the rate is named,
    // until an administrator adds it.
    let before = "/reports?kind=custom&from=2007-12-01&to=2008-12-31";
    let page = open(&mut analyst, &server, before);
    assert!(page.body.contains("No USD rate valid on 01.12.2007"), "{}", page.body);
    assert!(page.body.contains("An administrator can add one"), "no link for those who cannot");
    let wages = row(section(&page, "wages-by-occupation"), "General labourer");
    assert_eq!(wages[1..], ["18\u{202f}000 ₸", "No exchange rate"]);
    assert!(page.body.contains("<td class=\"num missing\">"));
    let refused = analyst.post(
        &server.url("/reports/rates"),
        &[("csrf", &page.csrf()), ("currency", "USD"), ("valid_from", "2007-12-01"), ("rate", "150")],
    );
    assert_eq!(refused.status, 403, "analysts read the rates, administrators set them");

    let mut admin = logged_in(&server, "administrator", PASSWORD);
    let notice = open(&mut admin, &server, before);
    assert!(notice.body.contains("href=\"/reports/rates?currency=USD&amp;valid_from=2007-12-01#rate-form\""));
    let form = open(&mut admin, &server, "/reports/rates?currency=USD&valid_from=2007-12-01#rate-form");
    assert!(form.body.contains("value=\"2007-12-01\""), "the link fills the day in");
    let typo = admin.post(
        &server.url("/reports/rates"),
        &[("csrf", &form.csrf()), ("currency", "USD"), ("valid_from", "2007-12-01"), ("rate", "150.005")],
    );
    assert_eq!(typo.status, 422);
    assert!(typo.body.contains("at most two decimals"), "{}", typo.body);
    assert!(typo.body.contains("value=\"150.005\""), "what was typed is kept");
    let saved = admin.post(
        &server.url("/reports/rates"),
        &[("csrf", &form.csrf()), ("currency", "USD"), ("valid_from", "2007-12-01"), ("rate", "150.00")],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let rates = open(&mut admin, &server, "/reports/rates?done=saved");
    assert!(rates.body.contains("The rate is saved."));
    assert!(rates.body.contains("01.12.2007"));

    let page = open(&mut analyst, &server, before);
    assert!(!page.body.contains("No USD rate"), "the notice is gone");
    let wages = row(section(&page, "wages-by-occupation"), "General labourer");
    assert_eq!(wages[1..], ["18\u{202f}000 ₸", "120 $"]);

    // A rate entered by mistake is removed, and the report says again that it is missing.
    let removed = admin.post(
        &server.url("/reports/rates"),
        &[("csrf", &form.csrf()), ("currency", "USD"), ("valid_from", "2007-12-01"), ("remove", "1")],
    );
    assert_eq!(removed.status, 303, "{}", removed.body);
    assert!(open(&mut admin, &server, "/reports/rates?done=removed").body.contains("The rate is removed."));
    let page = open(&mut analyst, &server, before);
    assert!(page.body.contains("No USD rate valid on 01.12.2007"));
}

fn bad_periods_are_refused_beside_their_field_and_an_empty_period_says_so(back_end: BackEnd) {
    let server = Server::start(back_end);
    let mut analyst = logged_in(&server, "analyst", PASSWORD);

    let reversed = analyst.get(&server.url("/reports?kind=custom&from=2008-12-31&to=2008-01-01"));
    assert_eq!(reversed.status, 422, "{}", reversed.body);
    assert!(reversed.body.contains("<p class=\"field-error\" id=\"to-error\">The period ends before it starts"));
    assert!(reversed.body.contains("value=\"2008-12-31\"") && reversed.body.contains("value=\"2008-01-01\""));
    assert!(reversed.body.contains("<option value=\"custom\" selected>"), "the kind typed is kept");
    assert!(!reversed.body.contains("<section class=\"report-table\""), "no report for a refused period");

    let impossible = analyst.get(&server.url("/reports?kind=custom&from=2008-02-30&to=2008-03-31"));
    assert_eq!(impossible.status, 422);
    assert!(impossible.body.contains("id=\"from-error\">Enter a real date"));
    assert!(impossible.body.contains("value=\"2008-02-30\""));

    let year = analyst.get(&server.url("/reports?kind=year&year=20o8"));
    assert_eq!(year.status, 422);
    assert!(year.body.contains("id=\"year-error\">Enter a year from 1900 to 2100"));
    assert!(year.body.contains("value=\"20o8\""));

    let office = uuid::Uuid::now_v7();
    let unknown = analyst.get(&server.url(&format!("/reports?kind=year&year=2008&office={office}")));
    assert_eq!(unknown.status, 422);
    assert!(unknown.body.contains("id=\"office-error\">There is no such office"));

    let empty = open(&mut analyst, &server, "/reports?kind=year&year=1999");
    assert!(empty.body.contains("<h1>Report: 1999</h1>"));
    assert!(empty.body.contains("Nothing was recorded in this period: the report is empty."));
    assert!(!empty.body.contains("<svg"), "no charts of nothing");

    let quarter = open(&mut analyst, &server, "/reports?kind=quarter&year=2008&quarter=2&month=13&from=x");
    assert!(quarter.body.contains("<h1>Report: Quarter 2 of 2008</h1>"), "only the kind's fields are read");

    let default = open(&mut analyst, &server, "/reports");
    let this_year = chrono::Datelike::year(&chrono::Utc::now()).to_string();
    assert!(default.body.contains(&format!("<h1>Report: {this_year}</h1>")), "the current year to begin with");

    // In the reader's language.
    let csrf = default.csrf();
    let switched = analyst.post(&server.url("/account/language"), &[("csrf", &csrf), ("language", "ru")]);
    assert_eq!(switched.status, 303);
    let russian = analyst.get(&server.url("/reports?kind=custom&from=2008-12-31&to=2008-01-01"));
    assert_eq!(russian.status, 422);
    assert!(russian.body.contains("Период заканчивается раньше, чем начинается"), "{}", russian.body);
    let empty = open(&mut analyst, &server, "/reports?kind=month&year=1999&month=3");
    assert!(empty.body.contains("<h1>Отчёт: Март 1999</h1>"));
    assert!(empty.body.contains("За этот период ничего не зарегистрировано"));
}

fn reports_are_for_analysts_managers_and_administrators_only(back_end: BackEnd) {
    let server = Server::start(back_end);
    for username in ["analyst", "manager", "administrator"] {
        let mut browser = logged_in(&server, username, PASSWORD);
        let page = open(&mut browser, &server, "/reports?kind=year&year=2008");
        assert!(page.body.contains("<a href=\"/reports\" aria-current=\"page\">Reports</a>"), "{username}");
        let rates = open(&mut browser, &server, "/reports/rates");
        assert!(rates.body.contains("<td>01.01.2008</td>"), "the 2008 rate: {}", rates.body);
        assert!(rates.body.contains("150 ₸"));
        assert_eq!(rates.body.contains("id=\"rate-form\""), username == "administrator", "{username}");
    }
    for username in ["hotline-operator", "lawyer", "mobile-consultant"] {
        let mut browser = logged_in(&server, username, PASSWORD);
        assert_eq!(browser.get(&server.url("/reports")).status, 403, "{username}");
        assert_eq!(browser.get(&server.url("/reports/rates")).status, 403, "{username}");
        let home = open(&mut browser, &server, "/");
        assert!(!home.body.contains("href=\"/reports\""), "{username} is not shown the way in");
    }
}

/// A file the page links to: its bytes, type and name as the browser would save it.
fn download(browser: &Browser, server: &Server, path: &str) -> (Vec<u8>, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let cookies = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let mut response = agent.get(&server.url(path)).header("Cookie", &cookies).call().expect("the server answers");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let (kind, disposition) = (header("content-type"), header("content-disposition"));
    let mut bytes = Vec::new();
    response.body_mut().as_reader().read_to_end(&mut bytes).unwrap();
    (bytes, kind, disposition)
}

fn a_manager_previews_the_public_release_and_downloads_its_open_data_package(back_end: BackEnd) {
    let server = demo_server(back_end);
    let mut manager = logged_in(&server, "manager", PASSWORD);
    let report = open(&mut manager, &server, "/reports?kind=year&year=2008");
    assert!(report.body.contains("href=\"/reports/public?kind=year&amp;year=2008\""), "the way from the report");

    let page = open(&mut manager, &server, "/reports/public?kind=year&year=2008");
    assert!(page.body.contains("<h1>Public release: 2008</h1>"), "{}", page.body);
    assert!(page.body.contains("name=\"threshold\" value=\"10\""), "the default threshold");
    let home = {
        let start = page.body.find("id=\"p-repatriated-by-citizenship\"").expect("the repatriated table");
        let end = start + page.body[start..].find("</section>").unwrap();
        &page.body[start..end]
    };
    // Israel's one and Kazakhstan's one are hidden, and Uzbekistan's 27 with them; 29 stands.
    assert_eq!(home.matches(">x</td>").count(), 3, "{home}");
    assert!(home.contains(">29</td>"), "{home}");
    assert!(!page.body.contains("report-column-share") && !page.body.contains("%</td>"), "no shares");

    let link = "/reports/public?kind=year&year=2008&download=zip";
    assert!(page.body.contains("href=\"/reports/public?kind=year&amp;year=2008&amp;download=zip\""));
    let (bytes, kind, disposition) = download(&manager, &server, link);
    assert_eq!(kind, "application/zip");
    assert_eq!(disposition, "attachment; filename=\"komek-open-data-2008.zip\"");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(zip.len(), 28, "a README and 27 tables");
    let mut home = String::new();
    zip.by_name("10-repatriated-by-citizenship.csv").unwrap().read_to_string(&mut home).unwrap();
    assert!(home.contains("\r\nUZ,Uzbekistan,x\r\n") && home.contains("\r\ntotal,Total,29\r\n"), "{home}");

    // A threshold that would hide nothing is refused beside its field, with what was typed.
    let refused = manager.get(&server.url("/reports/public?kind=year&year=2008&threshold=1"));
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"threshold-error\">Give a whole number from 2 to 1000."), "{}", refused.body);
    assert!(refused.body.contains("name=\"threshold\" value=\"1\""));
    let typo = manager.get(&server.url("/reports/public?kind=year&year=2008&threshold=ten"));
    assert_eq!(typo.status, 422);
    assert!(typo.body.contains("value=\"ten\""));

    // A higher threshold hides more; those who do not read reports get none.
    let strict = open(&mut manager, &server, "/reports/public?kind=year&year=2008&threshold=50");
    assert!(strict.body.matches(">x</td>").count() > page.body.matches(">x</td>").count());
    let mut lawyer = logged_in(&server, "lawyer", PASSWORD);
    assert_eq!(lawyer.get(&server.url("/reports/public?kind=year&year=2008")).status, 403);
    assert_eq!(lawyer.get(&server.url(link)).status, 403);
}

/// The ledger of public releases: looking records nothing, downloading records the release;
/// January–November next to the year already released is refused, naming the year, and the
/// page keeps what was typed.
fn downloaded_releases_are_recorded_and_a_release_that_would_give_them_away_is_refused(back_end: BackEnd) {
    let server = demo_server(back_end);
    let mut manager = logged_in(&server, "manager", PASSWORD);
    let page = open(&mut manager, &server, "/reports/public?kind=year&year=2008");
    assert!(page.body.contains("No release has been made yet."), "{}", page.body);
    let page = open(&mut manager, &server, "/reports/public?kind=year&year=2008");
    assert!(page.body.contains("No release has been made yet."), "looking records nothing");

    let (year_zip, _, _) = download(&manager, &server, "/reports/public?kind=year&year=2008&download=zip");
    let page = open(&mut manager, &server, "/reports/public?kind=year&year=2008");
    let ledger = &page.body[page.body.find("id=\"release-ledger\"").expect("the ledger")..];
    assert_eq!(ledger.matches("<tr>").count(), 2, "a header and one release: {ledger}");
    assert!(
        ledger.contains("Small counts hidden (threshold 10)") && ledger.contains("<td>All offices</td>"),
        "{ledger}"
    );
    // The same release again is the same package, figure for figure, recorded as made again.
    let (again, _, _) = download(&manager, &server, "/reports/public?kind=year&year=2008&download=zip");
    assert_eq!(again, year_zip);
    let recorded = |manager: &mut Browser| {
        let page = open(manager, &server, "/reports/public?kind=year&year=2008");
        let ledger = &page.body[page.body.find("id=\"release-ledger\"").expect("the ledger")..];
        ledger.matches("<tr>").count() as i64 - 1
    };
    assert_eq!(recorded(&mut manager), 2);

    let to_november = "/reports/public?kind=custom&from=2008-01-01&to=2008-11-30";
    let answer = manager.get(&server.url(to_november));
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    // On the demo year, December's small counts cannot be kept hidden next to the year.
    assert_eq!(answer.status, 409, "{}", answer.body);
    {
        assert!(answer.body.contains("id=\"release-refused\""), "{}", answer.body);
        assert!(
            answer.body.contains(&format!("next to the release of 2008 (All offices), made on {today}")),
            "{}",
            answer.body
        );
        assert!(answer.body.contains("value=\"2008-11-30\""), "what was typed stays");
        let download = manager.get(&server.url(&format!("{to_november}&download=zip")));
        assert_eq!(download.status, 409, "nor is it made");
    }
    let expected = 2;
    assert_eq!(recorded(&mut manager), expected);

    // The record is audited.
    let audited = server
        .app
        .store()
        .read(|tx| tx.query_i64("SELECT COUNT(*) FROM audit_log WHERE record_kind = 'public-release' AND detail LIKE '%recorded in the ledger%'", &[]))
        .unwrap();
    assert_eq!(audited, expected);
}

/// What hiding cannot publish safely — January–November next to the year — is published with
/// noise instead: the page says the figures are drawn when the package is made, the package
/// says how it was made, the ledger and the budget show what it spent, and a release past the
/// year's budget is refused naming the year.
fn a_period_that_overlaps_a_release_is_published_privately_within_the_yearly_budget(back_end: BackEnd) {
    let server = demo_server(back_end);
    let mut manager = logged_in(&server, "manager", PASSWORD);
    download(&manager, &server, "/reports/public?kind=year&year=2008&download=zip");
    let to_november = "/reports/public?kind=custom&from=2008-01-01&to=2008-11-30";
    assert_eq!(manager.get(&server.url(to_november)).status, 409, "hiding small counts is refused");

    let private = format!("{to_november}&mode=private&epsilon=0.5");
    let page = open(&mut manager, &server, &private);
    assert!(page.body.contains("id=\"not-drawn\""), "{}", page.body);
    assert!(page.body.contains("It spends ε = 0.5 of the budget of each year it touches (left now: 2008: 1)"));
    assert!(page.body.contains("name=\"mode\" value=\"private\" checked"), "what was chosen stays");
    assert!(!page.body.contains("id=\"p-appeals-total\""), "no figures before they are drawn");

    let (bytes, kind, _) = download(&manager, &server, &format!("{private}&download=zip"));
    assert_eq!(kind, "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(zip.len(), 12, "a README and the 11 tables where a record counts once");
    let mut readme = String::new();
    zip.by_name("README.txt").unwrap().read_to_string(&mut readme).unwrap();
    assert!(readme.contains("Privacy loss (ε): 0.5") && readme.contains("discrete Laplace"), "{readme}");
    let (again, _, _) = download(&manager, &server, &format!("{private}&download=zip"));
    assert_eq!(again, bytes, "made again: the figures drawn the first time");

    let page = open(&mut manager, &server, &private);
    assert!(page.body.contains("id=\"p-appeals-total\""), "the figures published, shown");
    let ledger = &page.body[page.body.find("id=\"release-ledger\"").expect("the ledger")..];
    assert!(ledger.contains("Differentially private (ε = 0.5)"), "{ledger}");
    let budget = &page.body[page.body.find("id=\"privacy-budget\"").expect("the budget")..];
    assert!(
        budget.contains("<th scope=\"row\">2008</th><td class=\"num\">0.5</td><td class=\"num\">0.5</td>"),
        "{budget}"
    );

    let greedy = manager.get(&server.url(&format!("{to_november}&mode=private&epsilon=0.6")));
    assert_eq!(greedy.status, 409);
    assert!(greedy.body.contains("have already spent ε = 0.5 of the budget of 2008 (ε = 1 a year)"), "{}", greedy.body);
    let typo = manager.get(&server.url(&format!("{to_november}&mode=private&epsilon=half")));
    assert_eq!(typo.status, 422);
    assert!(typo.body.contains("id=\"epsilon-error\">Give ε as a decimal number"), "{}", typo.body);
    assert!(typo.body.contains("name=\"epsilon\" value=\"half\""), "what was typed stays");
}

komek_store::with_each_back_end!(
    an_analyst_reads_the_seed_annual_report_from_the_demo_year_with_a_chart_beside_each_table,
    a_manager_previews_the_public_release_and_downloads_its_open_data_package,
    downloaded_releases_are_recorded_and_a_release_that_would_give_them_away_is_refused,
    a_period_that_overlaps_a_release_is_published_privately_within_the_yearly_budget,
    bad_periods_are_refused_beside_their_field_and_an_empty_period_says_so,
    reports_are_for_analysts_managers_and_administrators_only,
);
