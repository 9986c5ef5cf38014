//! The report as a printable A4 PDF: the heading, every table with a bar chart where one is
//! worth drawing, figures as the pages show them.
//!
//! Must not measure or draw text itself: `crate::pdf` places it with the embedded font, and
//! `layout` lays out a table with it.

use komek_domain::reports::{Cell, ColumnKind, Label, Labels, Report, Table};

use super::{ExportError, ExportLabels, fraction};

mod layout;

/// The report as a printable A4 PDF: the heading, then every table with its header (repeated
/// on each page a table runs over), labels wrapped to fit, figures as the pages show them,
/// and a bar chart beside the rows of each table with more than one thing to compare
/// (shares, or counts and wages against the largest). Page numbers at the foot.
pub fn to_pdf(report: &Report, words: &ExportLabels<'_>) -> Result<Vec<u8>, ExportError> {
    let face = crate::pdf::Face::load().ok_or_else(|| ExportError::Pdf("the embedded font cannot be read".into()))?;
    let title = words.text("report-title");
    let heading = words.heading(report);
    let mut pages = crate::pdf::Pages::new(&face);
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
        Cell::Missing | Cell::Empty => "—".to_owned(),
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

#[cfg(test)]
mod tests {
    use komek_domain::reports::Share;

    use super::*;

    #[test]
    fn figures_are_shown_as_the_pages_show_them() {
        assert_eq!(shown(&Cell::Count(2_560)), "2\u{202f}560");
        assert_eq!(shown(&Cell::Share(Share::new(860, 2_000))), "43\u{202f}%");
    }

    #[test]
    fn the_embedded_font_has_every_letter_of_russian_and_kazakh() {
        use skrifa::MetadataProvider;
        let charmap = skrifa::FontRef::new(crate::pdf::FONT).unwrap().charmap();
        let letters = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІі₸$%–—·";
        for ch in letters.chars().chain(['\u{202f}', '\u{a0}']) {
            assert!(charmap.map(ch).is_some(), "{ch:?} is missing");
        }
    }
}
