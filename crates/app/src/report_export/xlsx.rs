//! The report as an XLSX workbook: a sheet per table, figures kept as numbers.
//!
//! Must not turn a figure into text: a spreadsheet reader computes with them.

use komek_domain::Money;
use komek_domain::reports::{Cell, Label, Report};

use super::{ExportError, ExportLabels, decimal, fraction};

/// One sheet per table, named by its title (at most 31 characters, each name once). A sheet
/// starts with the table's title, the period and the office, then a bold header row (frozen
/// with the label column) and the rows. Counts are numbers; shares are the exact fraction
/// with a percent format; money is a number in major units, its currency in the header or, in
/// a table where each row has its own, in the row's label. A figure that cannot be worked
/// out is "—". Column widths fit their contents.
pub fn to_xlsx(report: &Report, words: &ExportLabels<'_>) -> Result<Vec<u8>, ExportError> {
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
                    Cell::Missing | Cell::TooLarge | Cell::Empty => (None, &missing, 1),
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

#[cfg(test)]
mod tests {
    use komek_domain::Currency;

    use super::*;

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
    fn money_is_a_number_in_major_units() {
        assert_eq!(major(Money { minor: 26_667, currency: Currency::USD }), 266.67);
    }
}
