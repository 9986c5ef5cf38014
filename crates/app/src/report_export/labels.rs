//! The words of an export: titles, column headers, row labels and the heading, in the reader's
//! language, through the translator the caller passes.
//!
//! Owns which Fluent message ids an export asks for. Their text, English included, is in the web
//! crate's `i18n/{en,ru,kk}/reports.ftl`, which the web and the CLI load into the translator they
//! pass (it falls back to English itself). An id the translator does not know (it hands the id
//! back) shows as the id made readable, or a row as its code, so an export never fails for want
//! of a label.
//!
//! Must not hold text of its own, nor lay anything out.

use komek_domain::OfficeId;
use komek_domain::reports::{Column, ColumnKind, Label, MissingRate, Period, Report, Table};

/// The reader's language, and the office the report is for as it should be named.
pub struct ExportLabels<'a> {
    translate: &'a dyn Fn(&str) -> String,
    office: Option<String>,
}

impl<'a> ExportLabels<'a> {
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
        self.message(id).unwrap_or_else(|| humanise(id))
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
        let Some(id) = table.labels.header_id() else { return String::new() };
        self.message(&id).unwrap_or_default()
    }

    /// The lines above the tables: period, office, and what the reader must know (nothing was
    /// recorded; a rate was missing).
    pub(super) fn heading(&self, report: &Report) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_translators_text_or_else_the_id_made_readable() {
        let translate = |id: &str| if id == "report-title" { "Отчёт".to_owned() } else { id.to_owned() };
        let words = ExportLabels::new(&translate);
        assert_eq!(words.text("report-title"), "Отчёт");
        assert_eq!(words.text("report-something-new"), "Report something new");
        assert_eq!(humanise("appeals-by-month"), "Appeals by month");
    }
}
