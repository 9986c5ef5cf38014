//! Exports of a report: CSV, XLSX, PDF and JSON, with every title, column and row label in the
//! reader's language.
//!
//! Owns how each file format lays a [`Report`] out. The figures are the report's own and are
//! never recounted here: XLSX keeps numbers as numbers (counts as integers, shares as exact
//! fractions under a percent format, money in major units with its currency in the column's
//! header), CSV writes plain numbers with a decimal point, the PDF shows them as the pages do
//! and draws a bar beside each row of a table worth charting. JSON is the report itself.
//!
//! Labels come only through [`ExportLabels`]: Fluent message ids in, the reader's text out.
//!
//! Must not read the store or check access: whoever calls holds the report already, and the
//! report service has audited it.

use komek_domain::reports::{Period, PeriodKind, Report, Share};

mod csv;
mod json;
mod labels;
mod pdf;
mod xlsx;

pub use csv::to_csv;
pub(crate) use csv::{csv_line, decimal};
pub use json::to_json;
pub use labels::ExportLabels;
pub use pdf::to_pdf;
pub use xlsx::to_xlsx;

/// A file format a report is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
    Pdf,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Csv, Format::Xlsx, Format::Pdf, Format::Json];

    /// The code typed on the command line and in links: "csv", "xlsx", "pdf", "json".
    pub fn code(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Pdf => "pdf",
            Self::Json => "json",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The file name extension, which is the code.
    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// The media type to send the file with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Pdf => "application/pdf",
            Self::Json => "application/json",
        }
    }
}

/// Why an export could not be made. None happens with a report the service built; each
/// names the library's own reason.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the spreadsheet could not be made: {0}")]
    Spreadsheet(String),
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error("the open-data package could not be made: {0}")]
    Package(String),
}

/// The name a file of this report is saved under: `komek-report-2008.xlsx`,
/// `komek-report-maktaaral-2008-q1.pdf`, `komek-report-2008-01-05-2008-02-10.csv`.
pub fn file_name(report: &Report, office_code: Option<&str>, format: Format) -> String {
    let period = period_file_part(report.period);
    let office: String = office_code
        .map(file_name_part)
        .filter(|code| !code.is_empty())
        .map(|code| format!("{code}-"))
        .unwrap_or_default();
    format!("komek-report-{office}{period}.{}", format.extension())
}

/// A period as a part of a file name: `2008`, `2008-q1`, `2008-01`, `2008-01-05-2008-02-10`.
pub(crate) fn period_file_part(period: Period) -> String {
    match period.kind() {
        PeriodKind::Year(y) => format!("{y}"),
        PeriodKind::Quarter(y, q) => format!("{y}-q{q}"),
        PeriodKind::Month(y, m) => format!("{y}-{m:02}"),
        PeriodKind::Custom => format!("{}-{}", period.from(), period.to()),
    }
}

/// An office code as a part of a file name: lower case, letters and digits, dashes between.
pub(crate) fn file_name_part(code: &str) -> String {
    let part: String =
        code.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    part.trim_matches('-').to_owned()
}

/// The report in a format.
pub fn export(report: &Report, format: Format, words: &ExportLabels<'_>) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => Ok(to_csv(report, words)),
        Format::Xlsx => to_xlsx(report, words),
        Format::Pdf => to_pdf(report, words),
        Format::Json => Ok(to_json(report)),
    }
}

/// A share as the exact fraction, `None` for a share of nothing.
pub(super) fn fraction(share: &Share) -> Option<f64> {
    (share.whole > 0).then(|| share.part as f64 / share.whole as f64)
}
