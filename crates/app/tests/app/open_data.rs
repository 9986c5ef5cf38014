//! The open-data package of a public release, read back as a ZIP: a README in the reader's
//! words (English here, from the Fluent file the web and the CLI use) and a CSV file per table
//! with hidden counts marked.

use std::io::Read;

use chrono::NaiveDate;
use komek_app::open_data::package;
use komek_app::report_export::ExportLabels;
use komek_domain::reports::{Figures, Period, Rates, YearMonth, build};

use crate::report_export::english;

#[test]
fn the_package_holds_a_readme_and_a_csv_per_table_with_hidden_counts_marked() {
    let figures = Figures {
        appeals_by_month: vec![
            (YearMonth { year: 2008, month: 1 }, 40),
            (YearMonth { year: 2008, month: 2 }, 3),
            (YearMonth { year: 2008, month: 3 }, 57),
        ],
        ..Default::default()
    };
    let report = build(Period::year(2008).unwrap(), None, &figures, &Rates::in_force(&[], Default::default()));
    let release = komek_domain::public_release::release(&report, 10);
    let words = ExportLabels::new(&english);
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let bytes = package(&release, &words, day).unwrap();
    assert_eq!(bytes, package(&release, &words, day).unwrap(), "the same release makes the same file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.map(|n| n.into_owned())).collect::<Result<_, _>>().unwrap();
    assert_eq!(names.len(), 1 + release.tables.len());
    assert!(names.contains(&"README.txt".to_owned()) && names.contains(&"02-appeals-by-month.csv".to_owned()));
    let mut months = String::new();
    zip.by_name("02-appeals-by-month.csv").unwrap().read_to_string(&mut months).unwrap();
    let months: Vec<&str> = months.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(months[0], "code,label,appeals");
    assert_eq!(months[1], "2008-01,January 2008,x");
    assert_eq!(months[2], "2008-02,February 2008,x");
    assert_eq!(months[3], "2008-03,March 2008,57");
    let mut readme = String::new();
    zip.by_name("README.txt").unwrap().read_to_string(&mut readme).unwrap();
    assert!(readme.contains("Counts from 1 up to the threshold"), "{readme}");
    assert!(readme.contains("each is replaced by x, and so are"), "the mark put in: {readme}");
    assert!(readme.contains("02-appeals-by-month.csv — Appeals by month"), "{readme}");
    assert!(readme.contains("Threshold: 10"), "{readme}");
}
