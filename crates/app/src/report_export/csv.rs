//! The report as one CSV file: every table after another, under the report's heading.
//!
//! Must not format a figure for the eye: numbers are plain, with a decimal point, for
//! spreadsheets to read.

use komek_domain::Money;
use komek_domain::reports::{Cell, ColumnKind, Report};

use super::ExportLabels;

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
pub fn to_csv(report: &Report, words: &ExportLabels<'_>) -> Vec<u8> {
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
        Cell::Missing | Cell::TooLarge | Cell::Empty => String::new(),
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

#[cfg(test)]
mod tests {
    use komek_domain::Currency;
    use komek_domain::reports::Share;

    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        let mut out = String::new();
        csv_line(&mut out, &["a, b".into(), "say \"hi\"".into(), "=SUM(A1)".into(), "-5".into(), "-x".into()]);
        assert_eq!(out, "\"a, b\",\"say \"\"hi\"\"\",'=SUM(A1),-5,'-x\r\n");
    }

    #[test]
    fn figures_are_plain_numbers_with_a_decimal_point() {
        let usd = Money { minor: 26_667, currency: Currency::USD };
        assert_eq!(csv_figure(&Cell::Money(usd)), "266.67");
        assert_eq!(csv_figure(&Cell::Share(Share::new(1, 3))), "33.33");
        assert_eq!(csv_figure(&Cell::Share(Share::new(0, 0))), "");
        assert_eq!(decimal(Money { minor: -550, currency: Currency::KZT }), "-5.50");
    }
}
