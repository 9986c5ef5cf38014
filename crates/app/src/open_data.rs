//! The open-data package of a public release: one ZIP file holding a CSV file per table and a
//! README that defines every table and column and says what was hidden and why.
//!
//! Owns the package's layout. What is shown and hidden is the release's
//! ([`komek_domain::public_release`]); labels come through [`ExportLabels`] as in every export, in the
//! reader's language, with English where a translation lacks one.
//!
//! Each CSV file is UTF-8 with a byte order mark, comma-separated, lines ended by CRLF. Its
//! first line names the columns: `code` (the row's stable code: a lookup code, "total",
//! "YYYY-MM" for a month, "not-stated"), `label` (the row in the reader's language), then one
//! column per figure by its stable id. A hidden figure is `x`, a figure that needs a missing
//! exchange rate is empty, money is in major units with a decimal point.

use std::io::Write;

use chrono::NaiveDate;
use komek_domain::private_release::epsilon_text;
use komek_domain::public_release::{Figure, Mode, Release, ReleaseRow, ReleaseTable, RowLabel, SUPPRESSED_MARK};

use crate::report_export::{ExportError, ExportLabels, csv_line, decimal, file_name_part, period_file_part};

/// The file name of a release's package: `komek-open-data-2008.zip`,
/// `komek-open-data-maktaaral-2008-q1.zip`.
pub fn file_name(release: &Release, office_code: Option<&str>) -> String {
    let period = period_file_part(release.period);
    let office = office_code.map(file_name_part).filter(|c| !c.is_empty());
    match office {
        Some(office) => format!("komek-open-data-{office}-{period}.zip"),
        None => format!("komek-open-data-{period}.zip"),
    }
}

/// The CSV file of a table: its place in the release and its id, `03-appeals-by-channel.csv`.
pub fn table_file(at: usize, table: &ReleaseTable) -> String {
    format!("{:02}-{}.csv", at + 1, table.id)
}

/// The package: README.txt and a CSV file per table, made on `produced_on`.
pub fn package(release: &Release, words: &ExportLabels<'_>, produced_on: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let failed = |e: zip::result::ZipError| ExportError::Package(e.to_string());
    // Every entry carries the day the package was made: the same release made the same day is
    // the same file.
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(chrono::Datelike::year(&produced_on)).unwrap_or(1980),
        chrono::Datelike::month(&produced_on) as u8,
        chrono::Datelike::day(&produced_on) as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("README.txt", options).map_err(failed)?;
    zip.write_all(readme(release, words, produced_on).as_bytes()).map_err(|e| ExportError::Package(e.to_string()))?;
    for (at, table) in release.tables.iter().enumerate() {
        zip.start_file(table_file(at, table), options).map_err(failed)?;
        zip.write_all(&table_csv(table, words)).map_err(|e| ExportError::Package(e.to_string()))?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

/// One table as CSV (see the module documentation).
fn table_csv(table: &ReleaseTable, words: &ExportLabels<'_>) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let mut header = vec!["code".to_owned(), "label".to_owned()];
    header.extend(table.columns.iter().map(|c| c.id.to_owned()));
    csv_line(&mut out, &header);
    for row in &table.rows {
        let mut fields = vec![row.code(), row_label(table, row, words)];
        fields.extend(row.figures.iter().map(|f| match f {
            Figure::Count(n) => n.to_string(),
            Figure::Money(m) => decimal(*m),
            Figure::Hidden => SUPPRESSED_MARK.to_owned(),
            Figure::Missing => String::new(),
        }));
        csv_line(&mut out, &fields);
    }
    out.into_bytes()
}

fn row_label(table: &ReleaseTable, row: &ReleaseRow, words: &ExportLabels<'_>) -> String {
    match &row.label {
        RowLabel::Report(label) => words.row_label(&table.as_report_table(), label),
        RowLabel::NotStated => words.text("report-unstated"),
    }
}

/// The README: what the package is, the rules it was made by, and each file with its
/// definition and columns.
fn readme(release: &Release, words: &ExportLabels<'_>, produced_on: NaiveDate) -> String {
    let (title, protection, rules): (_, _, &[&str]) = match release.mode {
        Mode::Suppression { threshold } => (
            "open-data-title",
            format!("{}: {threshold}", words.text("open-data-threshold")),
            &["open-data-hiding", "open-data-zeros", "open-data-shares", "open-data-averages", "open-data-format"],
        ),
        Mode::Private { epsilon_milli } => (
            "open-data-title-private",
            format!("{}: {}", words.text("open-data-epsilon"), epsilon_text(epsilon_milli)),
            &["open-data-noise", "open-data-private-left-out", "open-data-format"],
        ),
    };
    let mut lines = vec![words.text(title), String::new()];
    lines.extend(words.heading_lines(release.period, release.office, release.empty, &release.missing_rates));
    lines.push(format!("{}: {produced_on}", words.text("open-data-produced")));
    lines.push(protection);
    lines.push(String::new());
    for id in rules {
        // The Fluent files write the place of the mark as the literal `{ "{mark}" }`.
        lines.push(words.text(id).replace("{mark}", SUPPRESSED_MARK));
        lines.push(String::new());
    }
    lines.push(words.text("open-data-files"));
    for (at, table) in release.tables.iter().enumerate() {
        let report_table = table.as_report_table();
        lines.push(String::new());
        lines.push(format!("{} — {}", table_file(at, table), words.table_title(&report_table)));
        lines.push(format!("  {}", words.text(&format!("report-definition-{}", table.id))));
        let rows = words.rows_title(&report_table);
        if !rows.is_empty() {
            lines.push(format!("  code, label: {rows}"));
        }
        for column in &table.columns {
            lines.push(format!("  {}: {}", column.id, words.column_title(column)));
        }
    }
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}
