//! The public release of a report: what of it may be published as open data, with small
//! counts hidden so that nobody can be singled out.
//!
//! Owns which figure of which table is shown, hidden or left out. The arithmetic of hiding is
//! [`crate::suppression`]'s; this module decides which counts add up to which total, which is
//! what complementary hiding needs to know:
//! - the appeals of the period add up by month, by channel, and by reason and by sector
//!   (with the appeals that gave none as a "not stated" line) — four lists of one total, the
//!   total itself a table of its own. When one list has to hide that total, it is hidden in
//!   every table, or one table would give away what another hides;
//! - victims assisted, persons repatriated, services and proceedings add up to their own
//!   table's total line;
//! - the mobile group's visits, people met, minors met and violations add up, column by
//!   column, to the total line of each table of visits (by district, kind of place, month),
//!   and the violations by kind to the violations found: one total per column, hidden in
//!   every table, with the column's lines, when one table has to hide it;
//! - topics, kinds of help, groups of topics and indicators do not add up (an appeal has
//!   several topics, a person several indicators): only their small counts are hidden.
//!
//! Beyond counts:
//! - shares are left out: a share of a hidden count would give it away, and a reader works
//!   out those of shown counts;
//! - an average wage is shown only when it averages at least as many wages as the threshold
//!   (an average of two wages is nearly someone's wage);
//! - sums of wages claimed and recovered only when at least as many services recovered
//!   something.
//!
//! Must not do I/O or know file formats.

use serde::{Deserialize, Serialize};

use crate::reports::{
    Cell, Column, ColumnKind, Label, Labels, MissingRate, Period, Report, Table, TableRow, VISIT_TABLES, column, table,
};
use crate::suppression::{Published, suppress_list};
use crate::{Money, OfficeId, ValidationError};

pub use crate::suppression::{DEFAULT_THRESHOLD, SUPPRESSED_MARK};

/// The smallest threshold a release may use: 1 would hide nothing.
pub const MIN_THRESHOLD: u64 = 2;
/// The largest: past it a release of a small organisation would be all marks.
pub const MAX_THRESHOLD: u64 = 1_000;

/// The longest period a release may cover, in months. Checking a release against the ledger
/// grows faster than the months it spans (every month of the month tables is a figure of its
/// own); figures of more years than this are published as several releases.
pub const MAX_MONTHS: usize = 36;

/// Refuses a period longer than [`MAX_MONTHS`], naming its end.
pub fn check_period(period: &Period) -> Result<(), ValidationError> {
    if period.months().len() > MAX_MONTHS {
        Err(ValidationError::TooMany { field: "to", max: MAX_MONTHS })
    } else {
        Ok(())
    }
}

/// Refuses a threshold outside [`MIN_THRESHOLD`]..=[`MAX_THRESHOLD`], naming the field.
pub fn check_threshold(threshold: u64) -> Result<u64, ValidationError> {
    if (MIN_THRESHOLD..=MAX_THRESHOLD).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(ValidationError::Invalid { field: "threshold" })
    }
}

/// How a release keeps single people from being picked out of its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Exact figures, counts below the threshold hidden (and enough others that none can be
    /// worked out); no shown count is below it, zeros aside.
    Suppression { threshold: u64 },
    /// Every count with noise for a privacy loss ε, in thousandths
    /// ([`crate::private_release`]).
    Private { epsilon_milli: u64 },
}

/// A report as it may be published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Release {
    pub period: Period,
    pub office: Option<OfficeId>,
    pub mode: Mode,
    /// Nothing at all happened in the period (as in the report).
    pub empty: bool,
    /// Rates the report lacked (as in the report): their figures are [`Figure::Missing`].
    pub missing_rates: Vec<MissingRate>,
    /// Every table of the report, in its order, without share columns.
    pub tables: Vec<ReleaseTable>,
}

impl Release {
    /// The threshold of a release that hid small counts.
    pub fn threshold(&self) -> Option<u64> {
        match self.mode {
            Mode::Suppression { threshold } => Some(threshold),
            Mode::Private { .. } => None,
        }
    }

    pub fn table(&self, id: &str) -> Option<&ReleaseTable> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// A table of the release: the report table's id, labels and columns, shares left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseTable {
    pub id: &'static str,
    pub labels: Labels,
    pub columns: Vec<Column>,
    pub rows: Vec<ReleaseRow>,
}

impl ReleaseTable {
    /// The figure of a row (by its code, as [`Table::cell`] names rows, or "not-stated") in a
    /// column.
    pub fn figure(&self, row: &str, column: &str) -> Option<Figure> {
        let at = self.columns.iter().position(|c| c.id == column)?;
        self.rows.iter().find(|r| r.code() == row)?.figures.get(at).copied()
    }

    /// The report's table it was made from, for its labels.
    pub fn as_report_table(&self) -> Table {
        Table { id: self.id, labels: self.labels, columns: self.columns.clone(), rows: Vec::new(), unstated: None }
    }
}

/// A row's label: the report's, or the line of records that gave no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowLabel {
    Report(Label),
    NotStated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseRow {
    pub label: RowLabel,
    pub figures: Vec<Figure>,
}

impl ReleaseRow {
    /// The row's stable code: a lookup code, a group's code, "total", "YYYY-MM" or "not-stated".
    pub fn code(&self) -> String {
        match &self.label {
            RowLabel::Report(Label::Code(code)) => code.clone(),
            RowLabel::Report(Label::Group(code)) => (*code).to_owned(),
            RowLabel::Report(Label::Total) => "total".to_owned(),
            RowLabel::Report(Label::Month(m)) => format!("{:04}-{:02}", m.year, m.month),
            RowLabel::NotStated => "not-stated".to_owned(),
        }
    }
}

/// One published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Figure {
    Count(u64),
    Money(Money),
    /// Hidden by the release's rules.
    Hidden,
    /// Cannot be worked out: an exchange rate is missing (as in the report).
    Missing,
}

impl From<Published> for Figure {
    fn from(p: Published) -> Self {
        match p {
            Published::Count(n) => Self::Count(n),
            Published::Suppressed => Self::Hidden,
        }
    }
}

/// Whether a count must be hidden for itself.
fn is_small(count: u64, threshold: u64) -> bool {
    count > 0 && count < threshold
}

/// The counts of a column (by id) of a table's rows other than its total line.
fn counts(table: &Table, column: &str) -> Vec<u64> {
    let Some(at) = table.columns.iter().position(|c| c.id == column) else { return Vec::new() };
    table
        .rows
        .iter()
        .filter(|r| r.label != Label::Total)
        .map(|r| match r.cells.get(at) {
            Some(Cell::Count(n)) => *n,
            _ => 0,
        })
        .collect()
}

/// A table of one count column whose lines (and a "not stated" line, when the table has one)
/// add up to `total`, with the total published elsewhere or on a line of its own when
/// `total_shown`. Returns the table and whether the total had to be hidden.
fn additive(table: &Table, column: &str, total_shown: bool, threshold: u64) -> (ReleaseTable, bool) {
    let mut lines = counts(table, column);
    if let Some(unstated) = table.unstated {
        lines.push(unstated);
    }
    let (shown, total) = suppress_list(&lines, total_shown, threshold);
    let mut rows: Vec<ReleaseRow> = table
        .rows
        .iter()
        .filter(|r| r.label != Label::Total)
        .map(|r| RowLabel::Report(r.label.clone()))
        .chain(table.unstated.map(|_| RowLabel::NotStated))
        .zip(&shown)
        .map(|(label, p)| ReleaseRow { label, figures: vec![(*p).into()] })
        .collect();
    if table.rows.iter().any(|r| r.label == Label::Total) {
        rows.push(ReleaseRow { label: RowLabel::Report(Label::Total), figures: vec![total.into()] });
    }
    (release_table(table, rows), total_shown && total.is_suppressed())
}

/// The tables of visits ([`VISIT_TABLES`]) break the same totals down, column by column: a
/// column's total that one of them has to hide (it is small, or its small lines cannot be
/// covered) is hidden in all of them with every line of that column but zeros. Hiding the
/// total alone would not do: a table that shows all its lines gives the total back, and with
/// it another table's hidden lines.
fn visit_tables(report: &Report, threshold: u64) -> Vec<ReleaseTable> {
    let mut hidden_columns: Vec<&'static str> = Vec::new();
    loop {
        let made: Vec<(ReleaseTable, Vec<&'static str>)> = VISIT_TABLES
            .iter()
            .filter_map(|id| report.table(id))
            .map(|t| additive_by_column(t, &hidden_columns, threshold))
            .collect();
        let newly: Vec<&'static str> =
            made.iter().flat_map(|(_, hid)| hid.iter().copied()).filter(|c| !hidden_columns.contains(c)).collect();
        if newly.is_empty() {
            return made.into_iter().map(|(t, _)| t).collect();
        }
        hidden_columns.extend(newly);
    }
}

/// A table of count columns whose lines add up, column by column, to its total line (the
/// visits by district: visits, people met, minors met, violations): each column hidden as a
/// list of its own, or, for a column of `hidden_columns`, hidden whole. Returns the table and
/// the columns whose total it had to hide.
fn additive_by_column(
    table: &Table,
    hidden_columns: &[&'static str],
    threshold: u64,
) -> (ReleaseTable, Vec<&'static str>) {
    let lines: Vec<&TableRow> = table.rows.iter().filter(|r| r.label != Label::Total).collect();
    let mut figures: Vec<Vec<Figure>> = vec![Vec::new(); lines.len()];
    let mut totals = Vec::new();
    let mut had_to_hide = Vec::new();
    for c in &table.columns {
        let counts = counts(table, c.id);
        let (shown, total): (Vec<Figure>, Figure) = if hidden_columns.contains(&c.id) {
            let shown = counts.iter().map(|&n| if n == 0 { Figure::Count(0) } else { Figure::Hidden }).collect();
            (shown, Figure::Hidden)
        } else {
            let (shown, total) = suppress_list(&counts, true, threshold);
            if total.is_suppressed() {
                had_to_hide.push(c.id);
            }
            (shown.into_iter().map(Figure::from).collect(), total.into())
        };
        for (line, figure) in figures.iter_mut().zip(shown) {
            line.push(figure);
        }
        totals.push(total);
    }
    let mut rows: Vec<ReleaseRow> = lines
        .into_iter()
        .zip(figures)
        .map(|(r, figures)| ReleaseRow { label: RowLabel::Report(r.label.clone()), figures })
        .collect();
    if table.rows.iter().any(|r| r.label == Label::Total) {
        rows.push(ReleaseRow { label: RowLabel::Report(Label::Total), figures: totals });
    }
    (release_table(table, rows), had_to_hide)
}

/// Every count of the table hidden where it is small, nothing else (lines that do not add up).
fn primary_only(table: &Table, threshold: u64) -> ReleaseTable {
    let rows = table
        .rows
        .iter()
        .map(|r| ReleaseRow {
            label: RowLabel::Report(r.label.clone()),
            figures: kept(table, &r.cells)
                .map(|cell| match cell {
                    Cell::Count(n) if is_small(*n, threshold) => Figure::Hidden,
                    other => figure(other),
                })
                .collect(),
        })
        .collect();
    release_table(table, rows)
}

/// The days partners took to answer: only the medians, each when it is of at least as many
/// replies as the threshold. The counts beside them are hidden: replies and those awaiting
/// add up to the referrals sent to each kind, which the table of referrals sent by kind may
/// have had to hide, and a median of fewer replies is nearly one referral's days.
fn medians_only(table: &Table, threshold: u64) -> ReleaseTable {
    let replied = table.columns.iter().position(|c| c.id == column::REPLIED);
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let enough = matches!(replied.and_then(|at| r.cells.get(at)), Some(Cell::Count(n)) if *n >= threshold);
            let figures = table
                .columns
                .iter()
                .zip(&r.cells)
                .filter(|(c, _)| c.kind != ColumnKind::Share)
                .map(|(c, cell)| if c.id == column::MEDIAN_DAYS && enough { figure(cell) } else { Figure::Hidden })
                .collect();
            ReleaseRow { label: RowLabel::Report(r.label.clone()), figures }
        })
        .collect();
    release_table(table, rows)
}

/// Lines shown whole only when the count in `column` reaches the threshold; otherwise every
/// figure of the line is hidden (averages and sums of too few people).
fn whole_lines_when(table: &Table, column: &str, threshold: u64) -> ReleaseTable {
    let at = table.columns.iter().position(|c| c.id == column);
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let enough = match at.and_then(|at| r.cells.get(at)) {
                Some(Cell::Count(n)) => *n >= threshold,
                _ => false,
            };
            ReleaseRow {
                label: RowLabel::Report(r.label.clone()),
                figures: kept(table, &r.cells).map(|c| if enough { figure(c) } else { Figure::Hidden }).collect(),
            }
        })
        .collect();
    release_table(table, rows)
}

/// The cells of a row under the columns a release keeps (all but shares).
fn kept<'a>(table: &'a Table, cells: &'a [Cell]) -> impl Iterator<Item = &'a Cell> {
    table.columns.iter().zip(cells).filter(|(c, _)| c.kind != ColumnKind::Share).map(|(_, cell)| cell)
}

fn figure(cell: &Cell) -> Figure {
    match cell {
        Cell::Count(n) => Figure::Count(*n),
        Cell::Money(m) => Figure::Money(*m),
        Cell::Share(_) | Cell::Missing | Cell::TooLarge => Figure::Missing,
        // Only a median of no replies is empty, and a release never shows one (see `medians_only`).
        Cell::Empty => Figure::Hidden,
    }
}

fn release_table(table: &Table, rows: Vec<ReleaseRow>) -> ReleaseTable {
    ReleaseTable {
        id: table.id,
        labels: table.labels,
        columns: table.columns.iter().copied().filter(|c| c.kind != ColumnKind::Share).collect(),
        rows,
    }
}

/// The tables whose lines add up to the appeals of the period.
const OF_ALL_APPEALS: [&str; 4] =
    [table::APPEALS_BY_MONTH, table::APPEALS_BY_CHANNEL, table::MIGRATION_REASONS, table::SECTORS];

/// The tables whose lines add up to their own total line. Tables that break the same whole
/// down another way (victims by status and by sex; referrals sent by kind and by status) have
/// the same total, which one may hide where another shows it: the ledger
/// ([`crate::release_ledger`]) knows them as one figure and hides what would give it away.
pub(crate) const SELF_TOTALLED: [&str; 11] = [
    table::VICTIMS_ASSISTED,
    table::REPATRIATED_BY_CITIZENSHIP,
    table::SERVICES_BY_KIND,
    table::PROCEEDINGS_BY_OUTCOME,
    table::VICTIMS_BY_SEX,
    table::VICTIMS_BY_AGE_BAND,
    table::VICTIMS_BY_CITIZENSHIP,
    table::REFERRALS_SENT_BY_PARTNER_KIND,
    table::REFERRALS_SENT_BY_STATUS,
    table::REFERRALS_RECEIVED_BY_PARTNER_KIND,
    table::REFERRALS_RECEIVED_BY_STATUS,
];

/// What of `report` may be published with `threshold` (see the module documentation).
pub fn release(report: &Report, threshold: u64) -> Release {
    let appeals = report.table(table::APPEALS_TOTAL).and_then(|t| t.count("total", column::APPEALS)).unwrap_or(0);
    // The appeals' total is shown unless it is small or a list over it has to hide it; then
    // it is hidden everywhere and the lists are made again without it.
    let mut appeals_total_shown = !is_small(appeals, threshold);
    let appeal_lists = loop {
        let lists: Vec<(ReleaseTable, bool)> = OF_ALL_APPEALS
            .iter()
            .filter_map(|id| report.table(id))
            .map(|t| additive(t, column::APPEALS, appeals_total_shown, threshold))
            .collect();
        if lists.iter().any(|(_, hid_total)| *hid_total) {
            appeals_total_shown = false;
            continue;
        }
        break lists.into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    };
    let visit_tables = visit_tables(report, threshold);
    let tables = report
        .tables
        .iter()
        .filter(|t| !table::STAFF_ONLY.contains(&t.id))
        .map(|t| {
            if let Some(list) = appeal_lists.iter().chain(&visit_tables).find(|l| l.id == t.id) {
                return list.clone();
            }
            match t.id {
                table::APPEALS_TOTAL => {
                    let figure = if appeals_total_shown { Figure::Count(appeals) } else { Figure::Hidden };
                    let rows = t
                        .rows
                        .iter()
                        .map(|r| ReleaseRow { label: RowLabel::Report(r.label.clone()), figures: vec![figure] })
                        .collect();
                    release_table(t, rows)
                }
                id if SELF_TOTALLED.contains(&id) => {
                    let count_column = t.columns.first().map_or(column::PERSONS, |c| c.id);
                    additive(t, count_column, true, threshold).0
                }
                table::WAGES_BY_OCCUPATION => whole_lines_when(t, column::APPEALS, threshold),
                table::WAGES_RECOVERED => whole_lines_when(t, column::SERVICES, threshold),
                table::REFERRAL_REPLY_DAYS => medians_only(t, threshold),
                _ => primary_only(t, threshold),
            }
        })
        .collect();
    Release {
        period: report.period,
        office: report.office,
        mode: Mode::Suppression { threshold },
        empty: report.empty,
        missing_rates: report.missing_rates.clone(),
        tables,
    }
}

#[cfg(test)]
mod tests;
