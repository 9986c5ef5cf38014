//! `komek report` as an operator uses it: the demo year's report written as XLSX, PDF, CSV and
//! JSON and read back by readers that are not ours; bad input refused in one clear sentence,
//! with no file (and no partial file) left behind. On SQLite: the report's figures, releases and
//! ledger are proven on both back ends by komek-app's and the web suite's tests.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx};

use crate::support::{assert_refused, komek, stderr, stdout};

/// A data directory holding the demo year, made once for the tests here.
fn demo_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let loaded = komek(dir.path(), &["demo", "--no-serve"]);
        assert!(stdout(&loaded).contains("Loaded 2560 appeals"), "{}", stderr(&loaded));
        dir
    })
    .path()
}

/// The names in a directory, to see that nothing was left there.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn report(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["report", "--from", "2008-01-01", "--to", "2008-12-31", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    komek(dir, &args)
}

fn numbers_in_row(rows: &[Vec<Data>], label: &str) -> Vec<f64> {
    let row = rows
        .iter()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s == label))
        .unwrap_or_else(|| panic!("no row {label:?} in {rows:?}"));
    row.iter().filter_map(|c| if let Data::Float(f) = c { Some(*f) } else { None }).collect()
}

#[test]
fn the_demo_year_is_written_as_a_spreadsheet_with_the_seed_figures() {
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("2008.xlsx");
    let written = report(demo_dir(), &file, &["--format", "xlsx", "--lang", "en"]);
    assert!(written.status.success(), "{}", stderr(&written));
    let said = stdout(&written);
    assert!(said.contains("Wrote the XLSX report for 2008-01-01 – 2008-12-31 (all offices: 2560 appeals"), "{said}");
    assert_eq!(names_in(out_dir.path()), ["2008.xlsx"], "only the report, no partial file");

    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(std::fs::read(&file).unwrap())).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 29, "{names:?}");
    let rows = |book: &mut Xlsx<_>, at: usize| -> Vec<Vec<Data>> {
        book.worksheet_range(&names[at]).unwrap().rows().map(<[Data]>::to_vec).collect()
    };
    let total = rows(&mut book, 0);
    assert!(total.iter().flatten().any(|c| *c == Data::Float(2_560.0)), "{total:?}");
    // Wages by occupation: the general labourer's average, in tenge and in dollars.
    let wages = rows(&mut book, 7);
    assert_eq!(numbers_in_row(&wages, "General labourer")[1..], [18_000.0, 120.0]);
    // Repatriated, by citizenship.
    let repatriated = rows(&mut book, 9);
    assert_eq!(numbers_in_row(&repatriated, "Uzbekistan"), [27.0]);

    // Written again, the file is replaced whole.
    let again = report(demo_dir(), &file, &["--office", "maktaaral", "--lang", "en"]);
    assert!(stdout(&again).contains("(office maktaaral: "), "{}", stderr(&again));
    assert_eq!(names_in(out_dir.path()), ["2008.xlsx"]);
}

#[test]
fn the_pdf_is_in_kazakh_and_csv_and_json_hold_the_same_figures() {
    let out_dir = tempfile::tempdir().unwrap();
    let path = |name: &str| -> PathBuf { out_dir.path().join(name) };
    for (name, lang) in [("r.pdf", "kk"), ("r.csv", "ru"), ("r.json", "en")] {
        let written = report(demo_dir(), &path(name), &["--lang", lang]);
        assert!(written.status.success(), "{name}: {}", stderr(&written));
    }
    let csv = String::from_utf8(std::fs::read(path("r.csv")).unwrap()).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\r\nРазнорабочий,"), "Russian labels");
    assert!(csv.lines().any(|l| l.starts_with("Разнорабочий,") && l.contains(",18000.00,120.00")), "{csv}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path("r.json")).unwrap()).unwrap();
    assert_eq!(json["tables"][0]["rows"][0]["cells"][0]["count"], 2_560);

    let Ok(pdf) = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(path("r.pdf")).arg("-").output()
    else {
        eprintln!("pdftotext (poppler-utils) is not installed: the PDF is checked without it");
        return;
    };
    assert!(pdf.status.success());
    let text = String::from_utf8(pdf.stdout).unwrap().replace(['\u{202f}', '\u{a0}'], " ");
    let line = text.lines().find(|l| l.contains("Қара жұмысшы")).unwrap_or_else(|| panic!("no Kazakh label in {text}"));
    assert!(line.contains("18 000 ₸") && line.contains("120 $"), "{line}");
}

#[test]
fn bad_input_is_one_clear_sentence_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let file = out_dir.join("r.xlsx");
    let file_arg = file.to_str().unwrap();

    assert_refused(
        &komek(&data, &["report", "--from", "2008-01-01", "--to", "2008-12-31", "--out", file_arg]),
        "holds no Komek data",
    );
    assert!(!data.exists(), "no instance is made by asking for a report");
    assert!(komek(&data, &["office", "add", "maktaaral", "Maktaaral"]).status.success());

    let refused = [
        (
            vec!["--from", "2008-12-31", "--to", "2008-01-01"],
            "the period ends on 2008-01-01, before it starts on 2008-12-31",
        ),
        (vec!["--from", "2008-02-30", "--to", "2008-12-31"], "\"2008-02-30\" is not a date"),
        (vec!["--from", "2008-01-01", "--to", "31.12.2008"], "\"31.12.2008\" is not a date; write it as YYYY-MM-DD"),
        (
            vec!["--from", "2008-01-01", "--to", "2008-12-31", "--office", "nowhere"],
            "no office with code \"nowhere\"; the offices are: hq, maktaaral",
        ),
        (vec!["--from", "2008-01-01", "--to", "2008-12-31", "--format", "docx"], "\"docx\" is not a report format"),
        (vec!["--from", "2008-01-01", "--to", "2008-12-31", "--lang", "de"], "\"de\" is not a language of Komek"),
    ];
    for (args, expected) in refused {
        let mut all = vec!["report", "--out", file_arg];
        all.extend(args);
        assert_refused(&komek(&data, &all), expected);
        assert!(names_in(&out_dir).is_empty(), "{expected}: {:?}", names_in(&out_dir));
    }

    let no_format = out_dir.join("report");
    let output =
        komek(&data, &["report", "--from", "2008-01-01", "--to", "2008-12-31", "--out", no_format.to_str().unwrap()]);
    assert_refused(&output, "--format csv, xlsx, pdf or json");
    let nowhere = dir.path().join("missing").join("r.xlsx");
    let output =
        komek(&data, &["report", "--from", "2008-01-01", "--to", "2008-12-31", "--out", nowhere.to_str().unwrap()]);
    assert_refused(&output, &format!("cannot write {}", nowhere.display()));
    let output = komek(
        &data,
        &[
            "report",
            "--from",
            "2008-01-01",
            "--to",
            "2008-12-31",
            "--format",
            "csv",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_refused(&output, "it is a directory");
    assert!(names_in(&out_dir).is_empty(), "{:?}", names_in(&out_dir));

    // A period with nothing in it is a report that says so.
    let empty = komek(
        &data,
        &["report", "--from", "1999-01-01", "--to", "1999-01-31", "--office", "maktaaral", "--out", file_arg],
    );
    assert!(stdout(&empty).contains("(office maktaaral: 0 appeals"), "{}", stderr(&empty));
    assert_eq!(names_in(&out_dir), ["r.xlsx"]);
}

#[test]
fn the_public_release_is_a_zip_of_csv_tables_with_small_counts_hidden() {
    let data = demo_dir();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("open.zip");
    let written = report(data, &out, &["--public", "--lang", "en"]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(stdout(&written).contains("open-data package (threshold 10)"), "{}", stdout(&written));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text.trim_start_matches('\u{feff}').to_owned()
    };
    let readme = read("README.txt");
    assert!(readme.contains("Threshold: 10") && readme.contains("10-repatriated-by-citizenship.csv"), "{readme}");
    assert!(read("01-appeals-total.csv").contains("total,Total,2560"));
    // Israel's one and Kazakhstan's one are hidden, and Uzbekistan's 27 with them (or it would
    // give them away as 29 − 27); the total of 29 stands.
    let home = read("10-repatriated-by-citizenship.csv");
    for line in ["UZ,", "IL,", "KZ,"] {
        let row = home.lines().find(|l| l.starts_with(line)).unwrap_or_else(|| panic!("{line} in {home}"));
        assert!(row.ends_with(",x"), "{row}");
    }
    assert!(home.lines().any(|l| l == "total,Total,29"), "{home}");

    // A threshold that hides nothing, or a format beside --public, is refused before anything is counted.
    let refused = dir.path().join("refused.zip");
    assert_refused(&report(data, &refused, &["--public", "--threshold", "1"]), "is not a threshold");
    assert_refused(&report(data, &refused, &["--public", "--format", "csv"]), "cannot be used with");
    assert!(!refused.exists());
}

#[test]
fn public_releases_are_recorded_and_one_that_would_give_an_earlier_one_away_is_refused() {
    // A data directory of its own: this test's releases are in its ledger only.
    let data = tempfile::tempdir().unwrap();
    let loaded = komek(data.path(), &["demo", "--no-serve"]);
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("2008.zip");
    let written = report(data.path(), &year, &["--public", "--lang", "en"]);
    assert!(written.status.success(), "{}", stderr(&written));

    // The same release again is the same package, table for table.
    let again = dir.path().join("again.zip");
    assert!(report(data.path(), &again, &["--public", "--lang", "en"]).status.success());
    let entries = |path: &Path| {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut texts = Vec::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            // The README carries the day it was made.
            if file.name().unwrap().ends_with("README.txt") {
                continue;
            }
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
            texts.push(text);
        }
        texts
    };
    assert_eq!(entries(&again), entries(&year));

    // January–November next to the year gives December away: refused, naming the year.
    let to_november = dir.path().join("to-november.zip");
    let args =
        ["report", "--from", "2008-01-01", "--to", "2008-11-30", "--public", "--out", to_november.to_str().unwrap()];
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_refused(
        &komek(data.path(), &args),
        &format!("next to the public release of 2008-01-01 – 2008-12-31 (all offices), made on {today}"),
    );
    assert!(!to_november.exists());

    // With noise instead it is made, spending its ε of 2008's budget; past the budget, refused
    // naming the year; an ε Komek does not take, refused before anything is counted.
    let args = ["report", "--from", "2008-01-01", "--to", "2008-11-30", "--public", "--epsilon", "0.75"];
    let written = komek(data.path(), &[&args[..], &["--out", to_november.to_str().unwrap()]].concat());
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(String::from_utf8_lossy(&written.stdout).contains("open-data package (private, ε 0.75)"));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&to_november).unwrap()).unwrap();
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("README.txt").unwrap(), &mut readme).unwrap();
    assert!(readme.contains("Потеря приватности (ε): 0.75"), "in Russian, the default: {readme}");
    let december = dir.path().join("december.zip");
    let args = ["report", "--from", "2008-12-01", "--to", "2008-12-31", "--public", "--epsilon", "0.5"];
    assert_refused(
        &komek(data.path(), &[&args[..], &["--out", december.to_str().unwrap()]].concat()),
        "private releases have already spent ε = 0.75 of the privacy budget of 2008 (ε = 1 a year)",
    );
    assert!(!december.exists());
    let budget = komek(data.path(), &["privacy-budget"]);
    assert!(stdout(&budget).contains("2008: spent ε = 0.75, left ε = 0.25"), "{}", stdout(&budget));
    let raised = komek(data.path(), &["privacy-budget", "--set", "2"]);
    assert!(stdout(&raised).contains("may spend ε = 2 per calendar year"), "{}", stderr(&raised));
    assert!(komek(data.path(), &[&args[..], &["--out", december.to_str().unwrap()]].concat()).status.success());
    let args =
        ["report", "--from", "2008-01-01", "--to", "2008-12-31", "--public", "--epsilon", "lots", "--out", "x.zip"];
    assert_refused(&komek(data.path(), &args), "\"lots\" is not a privacy loss Komek takes");

    // A period that touches no earlier release is made as it is.
    let other = dir.path().join("2007.zip");
    let args = ["report", "--from", "2007-01-01", "--to", "2007-12-31", "--public", "--out", other.to_str().unwrap()];
    let written = komek(data.path(), &args);
    assert!(written.status.success(), "{}", stderr(&written));
}
