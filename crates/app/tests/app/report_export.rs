//! The 2008 demo year's report exported as XLSX, CSV, JSON and PDF and read back by readers
//! that are not ours (calamine, the csv crate, serde_json, poppler's pdftotext): the seed's
//! published figures are in every file, as numbers where the format has numbers, with labels in
//! the reader's language (Russian and Kazakh here) and English where a label is missing, from
//! the same Fluent file the web and the CLI translate with.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Cursor;
use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use komek_app::report_export::{self, ExportLabels, Format};
use komek_app::reports::ReportQuery;
use komek_app::{Actor, App, Keys, MasterKey, Settings};
use komek_app::{demo, open_data};
use komek_domain::reports::{Period, Report};

/// The report of the demo year, counted once for every test here.
fn report_2008() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let db = komek_store::testing::SqliteDb::new();
        let keys = Keys::load_or_create(&db.store, &MasterKey::generate()).unwrap();
        let app = App::new(db.store.clone(), keys, Settings::default());
        app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
        demo::generate(&app, demo::DEFAULT_SEED, &|id: &str| id.to_owned()).unwrap();
        let analyst = app.accounts(&Actor::System).unwrap().into_iter().find(|a| a.username == "analyst").unwrap();
        let query = ReportQuery { period: Period::year(2008).unwrap(), office: None };
        app.report(&Actor::Staff(analyst), &query).unwrap()
    })
}

/// The exports' words in English as the web crate's `en/reports.ftl` has it: the one source of
/// them, which the web and the CLI load into their translators too (komek-app cannot depend on
/// komek-web, so the file is read here). Only that file: a lookup or indicator label is not in
/// it and shows as its code.
pub(crate) fn english(id: &str) -> String {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let bundle = BUNDLE.get_or_init(|| {
        let source = include_str!("../../../web/i18n/en/reports.ftl").to_owned();
        let mut bundle = FluentBundle::new_concurrent(vec!["en".parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(FluentResource::try_new(source).expect("en/reports.ftl parses")).unwrap();
        bundle
    });
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { return id.to_owned() };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors).into_owned();
    assert!(errors.is_empty(), "{id} wants arguments an export does not give: {errors:?}");
    text
}

/// Some of the labels a Russian reader sees, one Kazakh line, and nothing else: every other
/// label falls back to English, as the web's and the CLI's translations do, or to its code.
fn translate(id: &str) -> String {
    match id {
        "report-title" => "Отчёт",
        "report-office" => "Кеңсе",
        "report-all-offices" => "Барлық кеңселер",
        "report-table-appeals-total" => "Обращения, всего",
        "report-table-wages-by-occupation" => "Средняя заработная плата по профессиям",
        "report-table-repatriated-by-citizenship" => "Репатриированы по гражданству",
        "report-column-appeals" => "Обращения",
        "report-column-average-kzt" => "Средняя зарплата, ₸",
        "report-total" => "Итого",
        "report-group-employment-contracts-registration" => "Трудоустройство, договоры и регистрация",
        "lookup-occupation-handyman" => "Разнорабочий",
        "lookup-citizenship-UZ" => "Узбекистан",
        other => return english(other),
    }
    .to_owned()
}

// ---------------------------------------------------------------------------------------
// XLSX through calamine

struct Sheet {
    rows: Vec<Vec<Data>>,
}

impl Sheet {
    fn text(cell: &Data) -> String {
        match cell {
            Data::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// The number in the row labelled `row`, under the header `column`.
    fn number(&self, row: &str, column: &str) -> f64 {
        let header = self
            .rows
            .iter()
            .find_map(|r| r.iter().position(|c| Self::text(c) == column))
            .unwrap_or_else(|| panic!("no column {column:?} in {:?}", self.rows));
        let line = self
            .rows
            .iter()
            .find(|r| r.first().map(Self::text).as_deref() == Some(row))
            .unwrap_or_else(|| panic!("no row {row:?} in {:?}", self.rows));
        match &line[header] {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            other => panic!("{row}/{column} is {other:?}, not a number"),
        }
    }
}

fn sheets(bytes: Vec<u8>) -> Vec<(String, Sheet)> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens the file");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, Sheet { rows: range.rows().map(<[Data]>::to_vec).collect() })
        })
        .collect()
}

#[test]
fn the_xlsx_holds_the_seed_figures_as_numbers_one_sheet_per_table() {
    let report = report_2008();
    let words = ExportLabels::new(&translate);
    let bytes = report_export::to_xlsx(report, &words).unwrap();
    let sheets = sheets(bytes);
    assert_eq!(sheets.len(), report.tables.len(), "a sheet per table");
    for (name, _) in &sheets {
        assert!(name.chars().count() <= 31, "{name}");
    }
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name:?}")).1;

    assert_eq!(sheet("Обращения, всего").number("Итого", "Обращения"), 2_560.0);
    let topics = sheet("Appeals by topic");
    assert_eq!(topics.number("Трудоустройство, договоры и регистрация", "Обращения"), 1_324.0);
    assert_eq!(topics.number("Citizenship and residence", "Обращения"), 819.0);
    assert_eq!(topics.number("Private matters", "Обращения"), 417.0);
    assert_eq!(topics.number("Legal consultations given", "Обращения"), 1_899.0);
    // A share is the exact fraction, shown as a percent by its format.
    assert_eq!(topics.number("Private matters", "Share"), 417.0 / 2_560.0);
    assert_eq!(sheet("Sectors of work").number("construction", "Share"), 860.0 / 2_000.0);
    assert_eq!(sheet("Sectors of work").number("Not stated", "Обращения"), 560.0);

    assert_eq!(sheet("Victims assisted").number("Итого", "Persons"), 42.0);
    let repatriated = sheet("Репатриированы по гражданству");
    assert_eq!(repatriated.number("Узбекистан", "Persons"), 27.0);
    assert_eq!(repatriated.number("IL", "Persons"), 1.0, "an untranslated code shows as itself");
    assert_eq!(repatriated.number("KZ", "Persons"), 1.0);
    assert_eq!(repatriated.number("Итого", "Persons"), 29.0);

    // The title is longer than a sheet name may be; money is in major units, its currency named
    // once in the header.
    let wages = sheet("Средняя заработная плата по про");
    assert_eq!(wages.number("Разнорабочий", "Средняя зарплата, ₸"), 18_000.0);
    assert_eq!(wages.number("Разнорабочий", "Average wage, USD"), 120.0);
    assert_eq!(wages.number("foreman", "Average wage, USD"), 266.67);
    // The heading of each sheet says what the figures are of.
    let first = &sheet("Обращения, всего").rows;
    let heading: Vec<String> = first.iter().take(4).map(|r| Sheet::text(&r[0])).collect();
    assert!(heading.contains(&"Period: 2008-01-01 – 2008-12-31".to_owned()), "{heading:?}");
    assert!(heading.contains(&"Кеңсе: Барлық кеңселер".to_owned()), "{heading:?}");
}

// ---------------------------------------------------------------------------------------
// CSV through the csv crate

#[test]
fn the_csv_holds_every_table_with_a_title_and_a_header_and_opens_as_utf8() {
    let report = report_2008();
    let bytes = report_export::to_csv(report, &ExportLabels::new(&translate));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte order mark, for Excel");
    let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(records[0], ["Отчёт"]);
    // A table: its title alone on a line, then a header whose first field says what the rows are,
    // then rows.
    let table = |title: &str| -> (Vec<String>, Vec<Vec<String>>) {
        let at = records.iter().position(|r| r.len() == 1 && r[0] == title).unwrap_or_else(|| panic!("no {title}"));
        let header = records[at + 1].clone();
        let rows = records[at + 2..].iter().take_while(|r| r.len() > 1).cloned().collect();
        (header, rows)
    };
    let field = |title: &str, row: &str, column: &str| -> String {
        let (header, rows) = table(title);
        let at =
            header.iter().position(|h| h == column).unwrap_or_else(|| panic!("{title}: no {column} in {header:?}"));
        let line = rows.iter().find(|r| r[0] == row).unwrap_or_else(|| panic!("{title}: no {row} in {rows:?}"));
        line[at].clone()
    };
    let titles = records.iter().filter(|r| r.len() == 1).count();
    assert_eq!(titles, 1 + 2 + report.tables.len(), "report title, period, office, then a title per table");
    assert_eq!(table("Appeals by topic").0[0], "Topic");
    assert_eq!(table("Обращения, всего").0[0], "", "a table of one total line has nothing to say");

    assert_eq!(field("Обращения, всего", "Итого", "Обращения"), "2560");
    assert_eq!(field("Appeals by topic", "Трудоустройство, договоры и регистрация", "Обращения"), "1324");
    assert_eq!(field("Appeals by topic", "Citizenship and residence", "Обращения"), "819");
    assert_eq!(field("Appeals by topic", "Private matters", "Обращения"), "417");
    assert_eq!(field("Appeals by topic", "Legal consultations given", "Обращения"), "1899");
    assert_eq!(field("Sectors of work", "construction", "Share, %"), "43.00");
    assert_eq!(field("Sectors of work", "Not stated", "Обращения"), "560");
    assert_eq!(field("Victims assisted", "Итого", "Persons"), "42");
    assert_eq!(field("Репатриированы по гражданству", "Узбекистан", "Persons"), "27");
    assert_eq!(field("Репатриированы по гражданству", "IL", "Persons"), "1");
    assert_eq!(field("Репатриированы по гражданству", "KZ", "Persons"), "1");
    let wages = "Средняя заработная плата по профессиям";
    assert_eq!(field(wages, "Разнорабочий", "Средняя зарплата, ₸"), "18000.00");
    assert_eq!(field(wages, "Разнорабочий", "Average wage, USD"), "120.00");
}

// ---------------------------------------------------------------------------------------
// JSON through serde_json

#[test]
fn the_json_is_the_report_with_its_codes_and_exact_figures() {
    let report = report_2008();
    let json: serde_json::Value = serde_json::from_slice(&report_export::to_json(report)).unwrap();
    assert_eq!(json["period"]["from"], "2008-01-01");
    assert_eq!(json["empty"], false);
    let table = |id: &str| {
        json["tables"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap_or_else(|| panic!("no {id}")).clone()
    };
    let row = |id: &str, label: serde_json::Value| {
        table(id)["rows"].as_array().unwrap().iter().find(|r| r["label"] == label).unwrap().clone()
    };
    let code = |c: &str| serde_json::json!({ "code": c });
    let group = |g: &str| serde_json::json!({ "group": g });
    assert_eq!(row("appeals-total", "total".into())["cells"][0]["count"], 2_560);
    assert_eq!(row("appeals-by-topic", group("employment-contracts-registration"))["cells"][0]["count"], 1_324);
    assert_eq!(row("appeals-by-topic", group("citizenship-residence"))["cells"][0]["count"], 819);
    assert_eq!(row("appeals-by-topic", group("private-matters"))["cells"][0]["count"], 417);
    assert_eq!(row("appeals-by-topic", group("legal-consultations"))["cells"][0]["count"], 1_899);
    assert_eq!(row("victims-assisted", "total".into())["cells"][0]["count"], 42);
    for (country, n) in [("UZ", 27), ("IL", 1), ("KZ", 1)] {
        assert_eq!(row("repatriated-by-citizenship", code(country))["cells"][0]["count"], n);
    }
    let handyman = row("wages-by-occupation", code("handyman"));
    assert_eq!(handyman["cells"][1]["money"], serde_json::json!({ "minor": 1_800_000, "currency": "KZT" }));
    assert_eq!(handyman["cells"][2]["money"], serde_json::json!({ "minor": 12_000, "currency": "USD" }));
    assert_eq!(
        row("sectors", code("construction"))["cells"][1]["share"],
        serde_json::json!({ "part": 860, "whole": 2_000 })
    );
}

// ---------------------------------------------------------------------------------------
// PDF through poppler

/// The text of a PDF as poppler reads it, spaces of every width as plain ones; `None` where
/// poppler-utils is not installed.
fn pdf_text(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, bytes).unwrap();
    let output =
        match std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(&file).arg("-").output() {
            Ok(output) => output,
            Err(_) => {
                eprintln!("pdftotext (poppler-utils) is not installed: the PDF is checked without it");
                return None;
            }
        };
    assert!(output.status.success(), "pdftotext refuses the file: {}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8(output.stdout).unwrap().replace(['\u{202f}', '\u{a0}'], " "))
}

#[test]
fn the_pdf_shows_every_table_with_its_figures_and_cyrillic_and_kazakh_letters() {
    let report = report_2008();
    let bytes = report_export::to_pdf(report, &ExportLabels::new(&translate)).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 400_000, "only the glyphs used are embedded: {} bytes", bytes.len());
    let Some(text) = pdf_text(&bytes) else { return };
    let lines: Vec<&str> = text.lines().collect();
    let line_with = |label: &str| -> &str {
        lines.iter().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("no {label:?} in\n{text}"))
    };
    assert!(text.contains("Отчёт"), "{text}");
    assert!(text.contains("Кеңсе: Барлық кеңселер"), "Kazakh letters: {text}");
    for title in ["Обращения, всего", "Appeals by topic", "Средняя заработная плата по профессиям", "Victims assisted"]
    {
        assert!(text.contains(title), "{title}");
    }
    assert!(line_with("Итого").contains("2 560"), "{}", line_with("Итого"));
    assert!(line_with("Трудоустройство, договоры и регистрация").contains("1 324"));
    assert!(line_with("Citizenship and residence").contains("819"));
    assert!(line_with("Private matters").contains("417"));
    assert!(line_with("Legal consultations given").contains("1 899"));
    let handyman = line_with("Разнорабочий");
    assert!(handyman.contains("18 000 ₸") && handyman.contains("120 $"), "{handyman}");
    assert!(line_with("Узбекистан").contains("27"));
    assert!(line_with("construction").contains("43 %"), "{}", line_with("construction"));
    assert!(text.contains("Not stated: 560"));
    assert!(text.contains("1 / "), "page numbers");
}

// ---------------------------------------------------------------------------------------
// Edges

#[test]
fn a_period_with_nothing_in_it_exports_in_every_format_and_says_so() {
    let db = komek_store::testing::SqliteDb::new();
    let keys = Keys::load_or_create(&db.store, &MasterKey::generate()).unwrap();
    let app = App::new(db.store.clone(), keys, Settings::default());
    let office = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let query = ReportQuery { period: Period::month(1999, 2).unwrap(), office: Some(office.id) };
    let report = app.report(&Actor::System, &query).unwrap();
    assert!(report.empty);
    let words = ExportLabels::new(&english).with_office("Maktaaral district centre");
    for format in Format::ALL {
        let bytes = report_export::export(&report, format, &words).unwrap();
        assert!(!bytes.is_empty(), "{format:?}");
    }
    let csv = String::from_utf8(report_export::to_csv(&report, &words)).unwrap();
    assert!(csv.contains("Office: Maktaaral district centre"), "{csv}");
    assert!(csv.contains("Nothing was recorded in this period: the report is empty."), "{csv}");
    let sheets = sheets(report_export::to_xlsx(&report, &words).unwrap());
    assert_eq!(sheets.len(), report.tables.len());
    let total = &sheets[0].1.rows;
    assert!(total.iter().any(|r| Sheet::text(&r[0]) == "No figures for this period."), "{total:?}");
    if let Some(text) = pdf_text(&report_export::to_pdf(&report, &words).unwrap()) {
        assert!(text.contains("Nothing was recorded in this period"), "{text}");
    }
    assert_eq!(
        report_export::file_name(&report, Some("maktaaral"), Format::Xlsx),
        "komek-report-maktaaral-1999-02.xlsx"
    );
    assert_eq!(report_export::file_name(report_2008(), None, Format::Pdf), "komek-report-2008.pdf");
}

/// Every word an export or an open-data package asks for is in the English Fluent file, so none
/// shows as an id made readable. Lookup and indicator labels are in the web crate's other files
/// (its completeness test checks them).
#[test]
fn every_word_an_export_asks_for_is_in_the_english_fluent_file() {
    let asked = RefCell::new(BTreeSet::new());
    let recording = |id: &str| {
        asked.borrow_mut().insert(id.to_owned());
        english(id)
    };
    let words = ExportLabels::new(&recording);
    let report = report_2008();
    for format in Format::ALL {
        report_export::export(report, format, &words).unwrap();
    }
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    open_data::package(&komek_domain::public_release::release(report, 10), &words, day).unwrap();
    open_data::package(&komek_domain::private_release::private_template(report, 500), &words, day).unwrap();
    let asked = asked.into_inner();
    assert!(asked.contains("report-definition-indicator-tags") && asked.contains("open-data-noise"), "{asked:?}");
    let missing: Vec<&String> = asked
        .iter()
        .filter(|id| !id.starts_with("lookup-") && !id.starts_with("indicator-"))
        .filter(|id| english(id) == **id)
        .collect();
    assert!(missing.is_empty(), "not in en/reports.ftl: {missing:?}");
}
