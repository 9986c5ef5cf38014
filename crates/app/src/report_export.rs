//! Exports of a report: CSV, XLSX, PDF and JSON, with every title, column and row label in the
//! reader's language.
//!
//! Owns how each file format lays a [`Report`] out. The figures are the report's own and are
//! never recounted here: XLSX keeps numbers as numbers (counts as integers, shares as exact
//! fractions under a percent format, money in major units with its currency in the column's
//! header), CSV writes plain numbers with a decimal point, the PDF shows them as the pages do
//! and draws a bar beside each row of a table worth charting. JSON is the report itself.
//!
//! Labels come through [`Words`]: Fluent message ids in, text out. An id the translator does
//! not know (it hands the id back) falls back to the English of [`MESSAGES`], or to the code
//! itself, so an export never fails for want of a label.
//!
//! Must not read the store or check access: whoever calls holds the report already, and the
//! report service has audited it.

use komek_domain::reports::{
    Cell, Column, ColumnKind, Label, Labels, MissingRate, Period, PeriodKind, Report, Share, Table,
};
use komek_domain::{Money, OfficeId};

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

/// Every message an export uses, with the English shown when a translator lacks it: the
/// report's own labels (`report-table-{id}`, `report-column-{id}`, `report-group-{code}`,
/// `report-total`) and the export's words. Labels of lookup codes and indicators
/// ([`Table::label_id`]) fall back to the code.
pub const MESSAGES: &[(&str, &str)] = &[
    ("report-title", "Report"),
    ("report-period", "Period"),
    ("report-office", "Office"),
    ("report-all-offices", "All offices"),
    ("report-total", "Total"),
    ("report-unstated", "Not stated"),
    ("report-missing-rate", "No exchange rate"),
    ("report-empty", "Nothing was recorded in this period."),
    ("report-no-figures", "No figures for this period."),
    ("report-table-appeals-total", "Appeals, total"),
    ("report-table-appeals-by-month", "Appeals by month"),
    ("report-table-appeals-by-channel", "Appeals by channel"),
    ("report-table-appeals-by-topic", "Appeals by topic"),
    ("report-table-appeals-by-help", "Appeals by help given"),
    ("report-table-migration-reasons", "Reasons for migrating"),
    ("report-table-sectors", "Sectors of work"),
    ("report-table-wages-by-occupation", "Average monthly wage by occupation"),
    ("report-table-victims-assisted", "Victims assisted"),
    ("report-table-repatriated-by-citizenship", "Repatriated, by citizenship"),
    ("report-table-services-by-kind", "Services by kind"),
    ("report-table-wages-recovered", "Wages recovered"),
    ("report-table-proceedings-by-outcome", "Proceedings by outcome"),
    ("report-table-indicator-prevalence", "ILO indicators among persons assessed"),
    ("report-table-indicator-tags", "The eleven ILO indicators among persons assessed"),
    ("report-column-appeals", "Appeals"),
    ("report-column-share", "Share"),
    ("report-column-average-kzt", "Average wage, KZT"),
    ("report-column-average-usd", "Average wage, USD"),
    ("report-column-persons", "Persons"),
    ("report-column-services", "Services"),
    ("report-column-claimed", "Claimed"),
    ("report-column-recovered", "Recovered"),
    ("report-column-proceedings", "Proceedings"),
    ("report-column-assessed", "Assessed"),
    ("report-column-yes", "Indicator present"),
    ("report-group-employment-contracts-registration", "Employment, contracts and registration"),
    ("report-group-citizenship-residence", "Citizenship and residence"),
    ("report-group-private-matters", "Private matters"),
    ("report-group-legal-consultations", "Legal consultations given"),
    ("open-data-title", "Open data: the organisation's statistics, with small counts hidden"),
    ("open-data-produced", "Produced on"),
    ("open-data-threshold", "Threshold"),
    (
        "open-data-hiding",
        "Counts from 1 up to the threshold are not published: each is replaced by {mark}, and so are enough \
         other counts (and totals) that none of them can be worked out from the totals a table shows or from \
         other tables. A {mark} therefore does not say that a count is small.",
    ),
    ("open-data-zeros", "Zeros are published: they say that nobody is there and cannot point at a person."),
    (
        "open-data-shares",
        "Shares are not published (a share of a hidden count would give it away); work them out from the \
         counts shown.",
    ),
    (
        "open-data-averages",
        "An average wage is published only where it averages at least as many wages as the threshold, and sums \
         of wages claimed and recovered only where at least as many services recovered wages; otherwise the \
         whole line is {mark}.",
    ),
    (
        "open-data-format",
        "Each table is a CSV file (UTF-8, comma-separated). The column code holds the row's stable code (a code \
         of the organisation's lists, total, YYYY-MM for a month, not-stated for records that gave no answer), \
         label the row in words, then one column per figure. Money is in major units with a decimal point; an \
         empty field is a figure that needs an exchange rate the organisation has not recorded.",
    ),
    ("open-data-files", "Files"),
    ("open-data-title-private", "Open data: the organisation's statistics, with random noise in every count"),
    ("open-data-epsilon", "Privacy loss (ε)"),
    (
        "open-data-noise",
        "Every count carries random noise (the discrete Laplace mechanism of the OpenDP library), the same scale \
         for every figure. Adding or removing one record (an appeal, a victim of a case, a service, a proceeding) \
         changes the chance of this package by at most a factor of e to the power ε, whatever else is known. The \
         counts are therefore not exact: a line may show people where there were none, a total need not equal the \
         sum of its lines nor another table's total, and a count below zero is published as 0.",
    ),
    (
        "open-data-private-left-out",
        "Left out: tables where one record counts in several lines (topics, kinds of help, ILO indicators), \
         shares, and money (averages and sums of wages). Every line of each list is published, zeros included.",
    ),
    (
        "report-definition-appeals-total",
        "Appeals received in the period, by the moment of receipt on the office's calendar.",
    ),
    (
        "report-definition-appeals-by-month",
        "Appeals received in each month of the period; the months add up to the total.",
    ),
    (
        "report-definition-appeals-by-channel",
        "Appeals by how they reached the organisation; the channels add up to the total.",
    ),
    (
        "report-definition-appeals-by-topic",
        "Appeals that raised each topic, and the groups of topics of the annual report; an appeal can raise \
         several, so the lines do not add up.",
    ),
    (
        "report-definition-appeals-by-help",
        "Appeals by the help given; an appeal can receive several kinds, so the lines do not add up.",
    ),
    (
        "report-definition-migration-reasons",
        "Appeals by the reason for migrating they gave, and those that gave none; the lines add up to the total.",
    ),
    (
        "report-definition-sectors",
        "Appeals by the sector of work they named, and those that named none; the lines add up to the total.",
    ),
    (
        "report-definition-wages-by-occupation",
        "The average monthly wage stated in the appeals, by occupation, in tenge and in US dollars at the rate \
         in force on the period's first day; appeals is the number of wages averaged.",
    ),
    (
        "report-definition-victims-assisted",
        "Persons presumed or identified as victims of trafficking or forced labour in the cases opened in the \
         period, each once, at the strongest standing they have.",
    ),
    (
        "report-definition-repatriated-by-citizenship",
        "Persons brought home by a repatriation delivered in the period, each once, by citizenship.",
    ),
    ("report-definition-services-by-kind", "Services delivered in the period, by kind."),
    (
        "report-definition-wages-recovered",
        "Wages claimed and recovered by the services delivered in the period, by currency; services is the \
         number of services that recovered something.",
    ),
    ("report-definition-proceedings-by-outcome", "Proceedings decided in the period, by outcome."),
    (
        "report-definition-indicator-prevalence",
        "Persons assessed in the period with each catalogue of ILO indicators (their latest assessment of the \
         period), and how many of them showed each indicator.",
    ),
    (
        "report-definition-indicator-tags",
        "Persons assessed in the period, and how many showed each of the eleven ILO indicators of forced labour \
         through any indicator that stands for it.",
    ),
];

/// The reader's language, and the office the report is for as it should be named.
pub struct Words<'a> {
    translate: &'a dyn Fn(&str) -> String,
    office: Option<String>,
}

impl<'a> Words<'a> {
    /// `translate` turns a Fluent message id into text, handing the id back when it has none
    /// (as the web crate's translations do).
    pub fn new(translate: &'a dyn Fn(&str) -> String) -> Self {
        Self { translate, office: None }
    }

    /// Names the office the report is for ("Maktaaral district centre"); without it a report of
    /// one office shows the office's id.
    pub fn with_office(mut self, name: impl Into<String>) -> Self {
        self.office = Some(name.into());
        self
    }

    fn message(&self, id: &str) -> Option<String> {
        let text = (self.translate)(id);
        (!text.trim().is_empty() && text != id).then_some(text)
    }

    pub(crate) fn text(&self, id: &str) -> String {
        self.message(id).unwrap_or_else(|| {
            MESSAGES.iter().find(|(m, _)| *m == id).map_or_else(|| humanise(id), |(_, english)| (*english).to_owned())
        })
    }

    /// A table's title.
    pub fn table_title(&self, table: &Table) -> String {
        self.text(&format!("report-table-{}", table.id))
    }

    /// A column's title; money in one currency names it: "Average wage, KZT".
    pub fn column_title(&self, column: &Column) -> String {
        let title = self.text(&format!("report-column-{}", column.id));
        match column.kind {
            ColumnKind::Money(Some(currency))
                if !title.contains(currency.code()) && !title.contains(currency.symbol()) =>
            {
                format!("{title}, {}", currency.code())
            }
            _ => title,
        }
    }

    /// A row's label: a lookup's label, a group's name, "Total", a month ("January 2008", or
    /// 2008-01 without the month's name), a currency by its code.
    pub fn row_label(&self, table: &Table, label: &Label) -> String {
        let plain = || match label {
            Label::Code(code) => code.clone(),
            Label::Group(code) => humanise(code),
            Label::Month(m) => match self.message(&format!("report-month-{}", m.month)) {
                Some(name) => format!("{name} {}", m.year),
                None => format!("{:04}-{:02}", m.year, m.month),
            },
            Label::Total => self.text("report-total"),
        };
        match table.label_id(label) {
            Some(id) if matches!(label, Label::Total | Label::Group(_)) => self.text(&id),
            Some(id) => self.message(&id).unwrap_or_else(plain),
            None => plain(),
        }
    }

    /// What the label column holds, as its header says ("Occupation"); empty where the
    /// translator has no word for it.
    pub fn rows_title(&self, table: &Table) -> String {
        let id = match table.labels {
            Labels::Lookup(list) => format!("report-rows-{list}"),
            Labels::Months => "report-rows-months".to_owned(),
            Labels::Indicators => "report-rows-indicators".to_owned(),
            Labels::IndicatorTags => "report-rows-indicator-tags".to_owned(),
            Labels::Currencies => "report-rows-currencies".to_owned(),
            Labels::Total => return String::new(),
        };
        self.message(&id).unwrap_or_default()
    }

    /// The lines above the tables: period, office, and what the reader must know (nothing was
    /// recorded; a rate was missing).
    fn heading(&self, report: &Report) -> Vec<String> {
        self.heading_lines(report.period, report.office, report.empty, &report.missing_rates)
    }

    /// [`Self::heading`] of anything made from a report (a public release too).
    pub(crate) fn heading_lines(
        &self,
        period: Period,
        office: Option<OfficeId>,
        empty: bool,
        missing_rates: &[MissingRate],
    ) -> Vec<String> {
        let mut lines = vec![
            format!("{}: {} – {}", self.text("report-period"), period.from(), period.to()),
            format!(
                "{}: {}",
                self.text("report-office"),
                match (office, &self.office) {
                    (Some(_), Some(name)) => name.clone(),
                    (Some(id), None) => id.to_string(),
                    (None, _) => self.text("report-all-offices"),
                }
            ),
        ];
        if empty {
            lines.push(self.text("report-empty"));
        }
        for missing in missing_rates {
            lines.push(format!("{}: {}, {}", self.text("report-missing-rate"), missing.currency.code(), missing.on));
        }
        lines
    }
}

/// "appeals-by-month" as "Appeals by month".
fn humanise(id: &str) -> String {
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
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
pub fn export(report: &Report, format: Format, words: &Words<'_>) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => Ok(to_csv(report, words)),
        Format::Xlsx => to_xlsx(report, words),
        Format::Pdf => to_pdf(report, words),
        Format::Json => Ok(to_json(report)),
    }
}

// ---------------------------------------------------------------------------------------
// JSON

/// The report as JSON: the structure itself, codes and exact figures, no labels (those are
/// the reader's business).
pub fn to_json(report: &Report) -> Vec<u8> {
    // Every field of a report is a plain value or a list; nothing in it can refuse to serialise.
    serde_json::to_vec_pretty(report).expect("a report serialises")
}

// ---------------------------------------------------------------------------------------
// CSV

/// Every table in one CSV file, one after another: a blank line, the table's title, a header
/// line (the first column holds the row labels), its rows, and a "not stated" line where the
/// table has one. Above them the report's title, period and office. UTF-8 with a byte order
/// mark, so that spreadsheet programs read Cyrillic right; comma-separated, lines ended by
/// CRLF (RFC 4180).
///
/// Counts are integers; shares are percents with two decimals ("43.00", the column says "%");
/// money is in major units with two decimals and a decimal point ("18000.00"), its currency in
/// the column's header or, where each row has its own, in the row's label. A figure that
/// cannot be worked out (a missing rate) is an empty field.
pub fn to_csv(report: &Report, words: &Words<'_>) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    csv_line(&mut out, &[words.text("report-title")]);
    for line in words.heading(report) {
        csv_line(&mut out, &[line]);
    }
    for table in &report.tables {
        out.push_str("\r\n");
        csv_line(&mut out, &[words.table_title(table)]);
        let mut header = vec![words.rows_title(table)];
        header.extend(table.columns.iter().map(|c| match c.kind {
            ColumnKind::Share => format!("{}, %", words.column_title(c)),
            _ => words.column_title(c),
        }));
        csv_line(&mut out, &header);
        for row in &table.rows {
            let mut fields = vec![words.row_label(table, &row.label)];
            fields.extend(row.cells.iter().map(csv_figure));
            csv_line(&mut out, &fields);
        }
        if let Some(unstated) = table.unstated {
            csv_line(&mut out, &[words.text("report-unstated"), unstated.to_string()]);
        }
    }
    out.into_bytes()
}

fn csv_figure(cell: &Cell) -> String {
    match cell {
        Cell::Count(n) => n.to_string(),
        Cell::Share(share) => {
            share.basis_points().map(|bp| format!("{}.{:02}", bp / 100, bp % 100)).unwrap_or_default()
        }
        Cell::Money(money) => decimal(*money),
        Cell::Missing | Cell::TooLarge => String::new(),
    }
}

/// Major units with two decimals and a point: "18000.00", "-5.50".
pub(crate) fn decimal(money: Money) -> String {
    let per = money.currency.minor_per_major();
    let sign = if money.minor < 0 { "-" } else { "" };
    let minor = money.minor.unsigned_abs();
    let per = per.unsigned_abs();
    format!("{sign}{}.{:02}", minor / per, minor % per)
}

pub(crate) fn csv_line(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A label that starts like a formula is not run as one by a spreadsheet.
        let field = if field.starts_with(['=', '+', '@', '\t', '\r'])
            || (field.starts_with('-') && field.parse::<f64>().is_err())
        {
            format!("'{field}")
        } else {
            field.clone()
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

// ---------------------------------------------------------------------------------------
// XLSX

/// One sheet per table, named by its title (at most 31 characters, each name once). A sheet
/// starts with the table's title, the period and the office, then a bold header row (frozen
/// with the label column) and the rows. Counts are numbers; shares are the exact fraction
/// with a percent format; money is a number in major units, its currency in the header or, in
/// a table where each row has its own, in the row's label. A figure that cannot be worked
/// out is "—". Column widths fit their contents.
pub fn to_xlsx(report: &Report, words: &Words<'_>) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{DocProperties, Format as Style, FormatAlign, Workbook};

    let failed = |e: rust_xlsxwriter::XlsxError| ExportError::Spreadsheet(e.to_string());
    let title = words.text("report-title");
    let heading = words.heading(report);
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&title).set_subject(heading.join("; ")));
    let title_style = Style::new().set_bold().set_font_size(13);
    let header_style = Style::new().set_bold().set_text_wrap().set_align(FormatAlign::Top);
    let label_header_style = Style::new().set_bold().set_align(FormatAlign::Top);
    let total_style = Style::new().set_bold();
    let count = Style::new().set_num_format("#,##0");
    let share = Style::new().set_num_format("0.0%");
    let money = Style::new().set_num_format("#,##0.00");
    let missing = Style::new().set_align(FormatAlign::Right);
    let muted = Style::new().set_italic();

    let mut names: Vec<String> = Vec::new();
    for table in &report.tables {
        let table_title = words.table_title(table);
        let sheet = workbook.add_worksheet();
        let name = sheet_name(&table_title, &names);
        sheet.set_name(&name).map_err(failed)?;
        names.push(name);

        let mut widths: Vec<usize> = vec![12; table.columns.len() + 1];
        sheet.write_string_with_format(0, 0, &table_title, &title_style).map_err(failed)?;
        for (i, line) in heading.iter().enumerate() {
            sheet.write_string(1 + i as u32, 0, line).map_err(failed)?;
        }
        let header_row = heading.len() as u32 + 2;
        let rows_title = words.rows_title(table);
        widths[0] = widths[0].max(rows_title.chars().count() + 2);
        sheet.write_string_with_format(header_row, 0, &rows_title, &label_header_style).map_err(failed)?;
        for (i, column) in table.columns.iter().enumerate() {
            let text = words.column_title(column);
            widths[i + 1] = widths[i + 1].max(text.chars().count().min(24) + 2);
            sheet.write_string_with_format(header_row, i as u16 + 1, &text, &header_style).map_err(failed)?;
        }
        let mut row_at = header_row + 1;
        for row in &table.rows {
            let label = words.row_label(table, &row.label);
            widths[0] = widths[0].max(label.chars().count() + 2);
            let is_total = matches!(row.label, Label::Total);
            if is_total {
                sheet.write_string_with_format(row_at, 0, &label, &total_style).map_err(failed)?;
            } else {
                sheet.write_string(row_at, 0, &label).map_err(failed)?;
            }
            for (i, cell) in row.cells.iter().enumerate() {
                let col = i as u16 + 1;
                let (number, style, shown) = match cell {
                    Cell::Count(n) => (Some(*n as f64), &count, n.to_string().len() + n.to_string().len() / 3),
                    Cell::Share(s) => (fraction(s), &share, 7),
                    Cell::Money(m) => (Some(major(*m)), &money, decimal(*m).len() + decimal(*m).len() / 3),
                    Cell::Missing | Cell::TooLarge => (None, &missing, 1),
                };
                widths[i + 1] = widths[i + 1].max(shown + 3);
                match number {
                    Some(value) if is_total => {
                        let bold = style.clone().set_bold();
                        sheet.write_number_with_format(row_at, col, value, &bold).map_err(failed)?;
                    }
                    Some(value) => {
                        sheet.write_number_with_format(row_at, col, value, style).map_err(failed)?;
                    }
                    None => {
                        sheet.write_string_with_format(row_at, col, "—", &missing).map_err(failed)?;
                    }
                }
            }
            row_at += 1;
        }
        if table.rows.is_empty() {
            sheet.write_string_with_format(row_at, 0, words.text("report-no-figures"), &muted).map_err(failed)?;
            row_at += 1;
        }
        if let Some(unstated) = table.unstated {
            let label = words.text("report-unstated");
            widths[0] = widths[0].max(label.chars().count() + 2);
            sheet.write_string_with_format(row_at, 0, &label, &muted).map_err(failed)?;
            sheet.write_number_with_format(row_at, 1, unstated as f64, &count).map_err(failed)?;
        }
        sheet.set_freeze_panes(header_row + 1, 1).map_err(failed)?;
        for (i, width) in widths.iter().enumerate() {
            sheet.set_column_width(i as u16, (*width).min(60) as f64).map_err(failed)?;
        }
    }
    workbook.save_to_buffer().map_err(failed)
}

/// A share as the exact fraction, `None` for a share of nothing.
fn fraction(share: &Share) -> Option<f64> {
    (share.whole > 0).then(|| share.part as f64 / share.whole as f64)
}

/// Money in major units, as a spreadsheet number.
fn major(money: Money) -> f64 {
    money.minor as f64 / money.currency.minor_per_major() as f64
}

/// A sheet name from a title: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe, and unlike every name already taken (as Excel compares them,
/// ignoring case).
fn sheet_name(title: &str, taken: &[String]) -> String {
    const MAX: usize = 31;
    let cleaned: String =
        title.chars().map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { ' ' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base: String = cleaned.chars().take(MAX).collect();
    let base = if base.trim().is_empty() { format!("Sheet {}", taken.len() + 1) } else { base.trim_end().to_owned() };
    let free = |name: &str| !taken.iter().any(|t| t.to_lowercase() == name.to_lowercase());
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let kept: String = base.chars().take(MAX - suffix.chars().count()).collect();
            format!("{}{suffix}", kept.trim_end())
        })
        .find(|name| free(name))
        .unwrap_or(base)
}

// ---------------------------------------------------------------------------------------
// PDF

/// DejaVu Sans (see `fonts/README.md`): Latin and Cyrillic, Kazakh letters included. Only the
/// glyphs a report uses are embedded in its PDF.
const FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// The report as a printable A4 PDF: the heading, then every table with its header (repeated
/// on each page a table runs over), labels wrapped to fit, figures as the pages show them,
/// and a bar chart beside the rows of each table with more than one thing to compare
/// (shares, or counts and wages against the largest). Page numbers at the foot.
pub fn to_pdf(report: &Report, words: &Words<'_>) -> Result<Vec<u8>, ExportError> {
    let face = pdf::Face::load().ok_or_else(|| ExportError::Pdf("the embedded font cannot be read".into()))?;
    let title = words.text("report-title");
    let heading = words.heading(report);
    let mut pages = pdf::Pages::new(&face);
    pages.heading(&title, &heading);
    for table in &report.tables {
        pages.table(words, table);
    }
    let footer = format!("{title} · {} – {}", report.period.from(), report.period.to());
    pages.render(&title, &footer).map_err(ExportError::Pdf)
}

/// A figure as the PDF shows it: "2 560", "43 %", "18 000 ₸", "—".
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Count(n) => grouped(*n),
        Cell::Share(share) => share.percent().map_or_else(|| "—".to_owned(), |p| format!("{p}\u{202f}%")),
        Cell::Money(money) => money.to_string(),
        Cell::Missing => "—".to_owned(),
        Cell::TooLarge => "∞".to_owned(),
    }
}

/// Thousands grouped with a narrow space, as money is.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    out
}

/// For each row, how long its bar is (0 to 1), or `None` for a table not worth charting: a
/// share is its own length; otherwise the first money column in one currency, or else the
/// first count, against the largest row. Totals get no bar.
fn bars(table: &Table) -> Option<Vec<Option<f64>>> {
    if matches!(table.labels, Labels::Total | Labels::Currencies) {
        return None;
    }
    let charted = |label: &Label| !matches!(label, Label::Total);
    let bars: Vec<Option<f64>> = if let Some(at) = table.columns.iter().position(|c| c.kind == ColumnKind::Share) {
        table
            .rows
            .iter()
            .map(|r| match r.cells.get(at) {
                Some(Cell::Share(s)) if charted(&r.label) => fraction(s),
                _ => None,
            })
            .collect()
    } else {
        let at = table
            .columns
            .iter()
            .position(|c| matches!(c.kind, ColumnKind::Money(Some(_))))
            .or_else(|| table.columns.iter().position(|c| c.kind == ColumnKind::Count))?;
        let value = |cell: Option<&Cell>| match cell {
            Some(Cell::Count(n)) => Some(*n as f64),
            Some(Cell::Money(m)) => Some(m.minor as f64),
            _ => None,
        };
        let values: Vec<Option<f64>> =
            table.rows.iter().map(|r| if charted(&r.label) { value(r.cells.get(at)) } else { None }).collect();
        let largest = values.iter().flatten().fold(0.0_f64, |a, b| a.max(*b));
        if values.iter().flatten().count() < 2 || largest <= 0.0 {
            return None;
        }
        values.into_iter().map(|v| v.map(|v| v / largest)).collect()
    };
    bars.iter().any(Option::is_some).then_some(bars)
}

mod pdf {
    //! A small page layout for tables: text measured with the embedded font's own advances,
    //! laid out into pages of drawing operations, then drawn with krilla.

    use komek_domain::reports::{Label, Table};
    use krilla::Document;
    use krilla::color::rgb;
    use krilla::geom::{PathBuilder, Point, Rect};
    use krilla::metadata::Metadata;
    use krilla::page::PageSettings;
    use krilla::paint::{Fill, Stroke};
    use krilla::surface::Surface;
    use krilla::text::{Font, GlyphId, KrillaGlyph};
    use skrifa::instance::{LocationRef, Size};
    use skrifa::metrics::GlyphMetrics;
    use skrifa::{FontRef, MetadataProvider, charmap::Charmap};

    use super::{FONT, Words, bars, shown};

    const PAGE_W: f32 = 595.28;
    const PAGE_H: f32 = 841.89;
    const MARGIN: f32 = 42.0;
    /// Where content stops, above the page number.
    const BOTTOM: f32 = PAGE_H - MARGIN - 14.0;
    const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
    const BODY: f32 = 8.5;
    const LINE: f32 = BODY * 1.35;
    const PAD: f32 = 4.0;
    const CHART_W: f32 = 96.0;

    const INK: (u8, u8, u8) = (25, 25, 25);
    const MUTED: (u8, u8, u8) = (100, 100, 100);
    const RULE: (u8, u8, u8) = (205, 205, 205);
    const HEADER_BG: (u8, u8, u8) = (232, 236, 241);
    const BAR: (u8, u8, u8) = (70, 120, 180);

    /// The embedded font, for drawing and for measuring.
    pub(super) struct Face {
        font: Font,
        charmap: Charmap<'static>,
        metrics: GlyphMetrics<'static>,
        units_per_em: f32,
    }

    impl Face {
        pub(super) fn load() -> Option<Self> {
            let font = Font::new(FONT.into(), 0)?;
            let font_ref = FontRef::new(FONT).ok()?;
            Some(Self {
                units_per_em: font.units_per_em(),
                charmap: font_ref.charmap(),
                metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
                font,
            })
        }

        /// One glyph per character, advances in ems. A character the font lacks is drawn as a
        /// space if it is one, else as "?".
        fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
            text.char_indices()
                .map(|(at, ch)| {
                    let id = self
                        .charmap
                        .map(ch)
                        .or_else(|| self.charmap.map(if ch.is_whitespace() { ' ' } else { '?' }))
                        .unwrap_or_default();
                    let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
                    KrillaGlyph::new(GlyphId::new(id.to_u32()), advance, 0.0, 0.0, 0.0, at..at + ch.len_utf8(), None)
                })
                .collect()
        }

        fn width(&self, text: &str, size: f32) -> f32 {
            self.glyphs(text).iter().map(|g| g.x_advance).sum::<f32>() * size
        }

        /// Lines of at most `width`, broken between words (a word too long for a line is
        /// broken where it must be).
        fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
            let mut lines: Vec<String> = Vec::new();
            let mut line = String::new();
            for word in text.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for ch in word.chars() {
                    line.push(ch);
                    if self.width(&line, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::replace(&mut line, ch.to_string()));
                    }
                }
            }
            if !line.is_empty() || lines.is_empty() {
                lines.push(line);
            }
            lines
        }
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Style {
        Plain,
        Bold,
        Muted,
    }

    enum Op {
        Text { x: f32, baseline: f32, size: f32, text: String, style: Style },
        Rect { x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8) },
    }

    /// Pages of drawing operations, and where the next thing goes.
    pub(super) struct Pages<'f> {
        face: &'f Face,
        pages: Vec<Vec<Op>>,
        y: f32,
    }

    /// Where a table's columns are.
    struct Grid {
        label_w: f32,
        value_w: Vec<f32>,
        chart: bool,
        rows_title: Vec<String>,
        headers: Vec<Vec<String>>,
        header_h: f32,
    }

    impl<'f> Pages<'f> {
        pub(super) fn new(face: &'f Face) -> Self {
            Self { face, pages: vec![Vec::new()], y: MARGIN }
        }

        fn ops(&mut self) -> &mut Vec<Op> {
            if self.pages.is_empty() {
                self.pages.push(Vec::new());
            }
            let last = self.pages.len() - 1;
            &mut self.pages[last]
        }

        fn new_page(&mut self) {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }

        /// Starts a new page unless `height` fits below (or the page is still empty).
        fn room_for(&mut self, height: f32) {
            if self.y + height > BOTTOM && self.y > MARGIN {
                self.new_page();
            }
        }

        fn text(&mut self, x: f32, baseline: f32, size: f32, text: &str, style: Style) {
            self.ops().push(Op::Text { x, baseline, size, text: text.to_owned(), style });
        }

        fn text_right(&mut self, right: f32, baseline: f32, size: f32, text: &str, style: Style) {
            let x = right - self.face.width(text, size);
            self.text(x, baseline, size, text, style);
        }

        fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8)) {
            self.ops().push(Op::Rect { x, y, w, h, colour });
        }

        pub(super) fn heading(&mut self, title: &str, lines: &[String]) {
            let size = 16.0;
            self.text(MARGIN, self.y + size, size, title, Style::Bold);
            self.y += size * 1.6;
            for line in lines {
                for part in self.face.wrap(line, 10.0, CONTENT_W) {
                    self.text(MARGIN, self.y + 10.0, 10.0, &part, Style::Plain);
                    self.y += 10.0 * 1.4;
                }
            }
            self.y += 10.0;
        }

        fn grid(&self, words: &Words<'_>, table: &Table, chart: bool) -> Grid {
            let headers: Vec<String> = table.columns.iter().map(|c| words.column_title(c)).collect();
            let value_w: Vec<f32> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    let widest_value = table
                        .rows
                        .iter()
                        .filter_map(|r| r.cells.get(i))
                        .map(|c| self.face.width(&shown(c), BODY))
                        .fold(0.0_f32, f32::max);
                    let widest_word =
                        headers[i].split_whitespace().map(|w| self.face.width(w, BODY)).fold(0.0_f32, f32::max);
                    (widest_value.max(widest_word) + 2.0 * PAD).clamp(58.0, 110.0)
                })
                .collect();
            let chart_w = if chart { CHART_W } else { 0.0 };
            let label_w = (CONTENT_W - value_w.iter().sum::<f32>() - chart_w).max(120.0);
            let headers: Vec<Vec<String>> =
                headers.iter().zip(&value_w).map(|(h, w)| self.face.wrap(h, BODY, w - 2.0 * PAD)).collect();
            let rows_title = match words.rows_title(table) {
                title if title.is_empty() => Vec::new(),
                title => self.face.wrap(&title, BODY, label_w - 2.0 * PAD),
            };
            let header_lines = headers.iter().map(Vec::len).chain([rows_title.len()]).max().unwrap_or(1).max(1);
            Grid { label_w, value_w, chart, rows_title, headers, header_h: header_lines as f32 * LINE + 2.0 * PAD }
        }

        fn header_row(&mut self, grid: &Grid) {
            let top = self.y;
            self.rect(MARGIN, top, CONTENT_W, grid.header_h, HEADER_BG);
            for (n, line) in grid.rows_title.iter().enumerate() {
                self.text(MARGIN + PAD, top + PAD + BODY + n as f32 * LINE, BODY, line, Style::Bold);
            }
            let mut right = MARGIN + grid.label_w;
            for (lines, w) in grid.headers.iter().zip(&grid.value_w) {
                right += w;
                for (n, line) in lines.iter().enumerate() {
                    let baseline = top + PAD + BODY + n as f32 * LINE;
                    self.text_right(right - PAD, baseline, BODY, line, Style::Bold);
                }
            }
            self.y += grid.header_h;
        }

        pub(super) fn table(&mut self, words: &Words<'_>, table: &Table) {
            let bars = bars(table);
            let grid = self.grid(words, table, bars.is_some());
            let title_size = 11.0;
            let title_lines = self.face.wrap(&words.table_title(table), title_size, CONTENT_W);
            let title_h = title_lines.len() as f32 * title_size * 1.35 + 4.0;
            self.room_for(title_h + grid.header_h + 3.0 * (LINE + 2.0 * PAD));
            for line in &title_lines {
                self.text(MARGIN, self.y + title_size, title_size, line, Style::Bold);
                self.y += title_size * 1.35;
            }
            self.y += 4.0;
            self.header_row(&grid);
            if table.rows.is_empty() {
                self.text(MARGIN + PAD, self.y + PAD + BODY, BODY, &words.text("report-no-figures"), Style::Muted);
                self.y += LINE + 2.0 * PAD;
            }
            for (n, row) in table.rows.iter().enumerate() {
                let label = words.row_label(table, &row.label);
                let lines = self.face.wrap(&label, BODY, grid.label_w - 2.0 * PAD);
                let height = lines.len() as f32 * LINE + 2.0 * PAD;
                if self.y + height > BOTTOM {
                    self.new_page();
                    self.header_row(&grid);
                }
                let top = self.y;
                let style = if matches!(row.label, Label::Total) { Style::Bold } else { Style::Plain };
                for (i, line) in lines.iter().enumerate() {
                    self.text(MARGIN + PAD, top + PAD + BODY + i as f32 * LINE, BODY, line, style);
                }
                let baseline = top + PAD + BODY;
                let mut right = MARGIN + grid.label_w;
                for (cell, w) in row.cells.iter().zip(&grid.value_w) {
                    right += w;
                    self.text_right(right - PAD, baseline, BODY, &shown(cell), style);
                }
                if grid.chart
                    && let Some(Some(length)) = bars.as_ref().and_then(|b| b.get(n))
                {
                    let w = (CHART_W - 2.0 * PAD) * (*length as f32).clamp(0.0, 1.0);
                    if w > 0.0 {
                        self.rect(right + PAD, top + PAD + 1.0, w.max(0.5), LINE - 2.0, BAR);
                    }
                }
                self.rect(MARGIN, top + height - 0.4, CONTENT_W, 0.4, RULE);
                self.y += height;
            }
            if let Some(unstated) = table.unstated {
                self.room_for(LINE + 2.0 * PAD);
                let text = format!("{}: {}", words.text("report-unstated"), super::grouped(unstated));
                self.text(MARGIN + PAD, self.y + PAD + BODY, BODY, &text, Style::Muted);
                self.y += LINE + 2.0 * PAD;
            }
            self.y += 14.0;
        }

        /// Draws the pages, each with `footer` and its number.
        pub(super) fn render(self, title: &str, footer: &str) -> Result<Vec<u8>, String> {
            let mut document = Document::new();
            document.set_metadata(Metadata::new().title(title.to_owned()).creator("Komek".to_owned()));
            let count = self.pages.len();
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("the page size is not valid")?;
            for (number, ops) in self.pages.iter().enumerate() {
                let mut page = document.start_page_with(settings.clone());
                let mut surface = page.surface();
                // In the order laid out: a header's shading lies under its text.
                for op in ops {
                    self.draw(&mut surface, op);
                }
                let folio = format!("{footer} · {} / {count}", number + 1);
                let size = 7.5;
                let x = PAGE_W - MARGIN - self.face.width(&folio, size);
                let baseline = PAGE_H - MARGIN + 4.0;
                self.draw(&mut surface, &Op::Text { x, baseline, size, text: folio, style: Style::Muted });
                surface.finish();
                page.finish();
            }
            document.finish().map_err(|e| format!("{e:?}"))
        }

        fn draw(&self, surface: &mut Surface<'_>, op: &Op) {
            let fill = |colour: (u8, u8, u8)| Fill {
                paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                ..Default::default()
            };
            match op {
                Op::Text { x, baseline, size, text, style } => {
                    let colour = if *style == Style::Muted { MUTED } else { INK };
                    surface.set_fill(Some(fill(colour)));
                    // Bold is the regular face drawn with a thin outline: still text, one font.
                    surface.set_stroke((*style == Style::Bold).then(|| Stroke {
                        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                        width: size * 0.035,
                        ..Default::default()
                    }));
                    let glyphs = self.face.glyphs(text);
                    let at = Point::from_xy(*x, *baseline);
                    surface.draw_glyphs(at, &glyphs, self.face.font.clone(), text, *size, false);
                    surface.set_stroke(None);
                }
                Op::Rect { x, y, w, h, colour } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else { return };
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(*colour)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use komek_domain::Currency;

    #[test]
    fn sheet_names_are_short_unique_and_clean() {
        let mut taken = Vec::new();
        for title in ["Обращения по темам и видам помощи, всего за период", "Обращения по темам и видам помощи, всего"]
        {
            let name = sheet_name(title, &taken);
            assert!(name.chars().count() <= 31, "{name}");
            taken.push(name);
        }
        assert_ne!(taken[0], taken[1]);
        assert!(taken[1].ends_with(" (2)"), "{}", taken[1]);
        assert_eq!(sheet_name("a/b: c?", &[]), "a b  c");
        assert_eq!(sheet_name("''", &[]), "Sheet 1");
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        let mut out = String::new();
        csv_line(&mut out, &["a, b".into(), "say \"hi\"".into(), "=SUM(A1)".into(), "-5".into(), "-x".into()]);
        assert_eq!(out, "\"a, b\",\"say \"\"hi\"\"\",'=SUM(A1),-5,'-x\r\n");
    }

    #[test]
    fn figures_keep_their_value_in_each_format() {
        let usd = Money { minor: 26_667, currency: Currency::USD };
        assert_eq!(csv_figure(&Cell::Money(usd)), "266.67");
        assert_eq!(csv_figure(&Cell::Share(Share::new(1, 3))), "33.33");
        assert_eq!(csv_figure(&Cell::Share(Share::new(0, 0))), "");
        assert_eq!(decimal(Money { minor: -550, currency: Currency::KZT }), "-5.50");
        assert_eq!(major(usd), 266.67);
        assert_eq!(shown(&Cell::Count(2_560)), "2\u{202f}560");
        assert_eq!(shown(&Cell::Share(Share::new(860, 2_000))), "43\u{202f}%");
        assert_eq!(humanise("appeals-by-month"), "Appeals by month");
    }

    #[test]
    fn every_table_and_group_has_english_to_fall_back_on() {
        let english = |id: String| assert!(MESSAGES.iter().any(|(m, _)| *m == id), "{id} has no English");
        for id in komek_domain::reports::table::ALL {
            english(format!("report-table-{id}"));
        }
        for group in komek_domain::reports::TOPIC_GROUPS {
            english(format!("report-group-{}", group.code));
        }
        let untranslated = |id: &str| id.to_owned();
        let words = Words::new(&untranslated);
        assert_eq!(words.text("report-column-average-kzt"), "Average wage, KZT");
        assert_eq!(words.text("report-something-new"), "Report something new");
    }

    #[test]
    fn the_embedded_font_has_every_letter_of_russian_and_kazakh() {
        use skrifa::MetadataProvider;
        let charmap = skrifa::FontRef::new(FONT).unwrap().charmap();
        let letters = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІі₸$%–—·";
        for ch in letters.chars().chain(['\u{202f}', '\u{a0}']) {
            assert!(charmap.map(ch).is_some(), "{ch:?} is missing");
        }
    }
}
