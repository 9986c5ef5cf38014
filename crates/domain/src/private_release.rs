//! The differentially private release of a report: figures that may be published for any
//! period, however it overlaps the releases made before, because each count carries random
//! noise instead of hiding small counts.
//!
//! Hiding small counts ([`crate::public_release`]) is exact: each figure shown is the true one,
//! so two releases of overlapping periods are equations a reader can subtract, which is what
//! the ledger's check ([`crate::release_ledger`]) has to guard against, refusing a release when
//! hiding more does not help. A private release answers instead with a guarantee that composes:
//! adding or removing one record (one appeal, one victim of a case, one service, one
//! proceeding) changes the chance of any package by at most a factor e^ε, where ε — the
//! privacy loss — is chosen for the release; the losses of several releases add up, and a
//! yearly budget bounds their sum (kept by the ledger, enforced by `komek-app`).
//!
//! What this module decides, without any randomness:
//! - which figures a private release holds: the tables where each record counts in one line
//!   ([`SHOWN`]), every line of their list whether or not anything was counted in it (leaving
//!   out a line of zero would say that it is zero), the period's months, and a "not stated" line
//!   where the table has one. Tables where one record counts in several lines (topics, kinds of
//!   help, indicators), money (an average or sum of wages has no bound on what one person adds
//!   to it) and the report's remarks that depend on the records (nothing happened, a rate
//!   missing) are left out;
//! - each table's sensitivity: how much one record can change the sum of its figures' absolute
//!   values — 1 for a line, 2 where the table also shows its total line (noised on its own, not
//!   summed from noisy lines, which would add the noise of every line to it);
//! - how ε is shared: in proportion to the sensitivities, so that every figure gets noise of
//!   the same scale (Σ sensitivities / ε), the tables' losses adding up to ε exactly.
//!
//! Drawing the noise is the caller's (`komek-app`, with OpenDP's discrete Laplace mechanism):
//! this module hands each table's true counts, its sensitivity and its share of ε to a
//! function and lays out what comes back.
//!
//! Must not do I/O.

use crate::law;
use crate::lookups::{self, LookupList};
use crate::public_release::{Figure, Mode, Release, ReleaseRow, ReleaseTable, RowLabel};
use crate::reports::{Cell, ColumnKind, Label, Report, Table, table};
use crate::{Currency, ValidationError};

/// The smallest privacy loss a release may spend, in thousandths of ε: below it the noise
/// drowns every figure an organisation of this size has.
pub const MIN_EPSILON_MILLI: u64 = 10;
/// The largest: past ε = 10 the guarantee says next to nothing.
pub const MAX_EPSILON_MILLI: u64 = 10_000;

/// The ε a release spends unless another is asked for.
pub const DEFAULT_EPSILON_MILLI: u64 = 500;

/// Refuses an ε outside [`MIN_EPSILON_MILLI`]..=[`MAX_EPSILON_MILLI`], naming the field.
pub fn check_epsilon(epsilon_milli: u64) -> Result<u64, ValidationError> {
    if (MIN_EPSILON_MILLI..=MAX_EPSILON_MILLI).contains(&epsilon_milli) {
        Ok(epsilon_milli)
    } else {
        Err(ValidationError::Invalid { field: "epsilon" })
    }
}

/// Reads ε as typed ("0.5", "1", "0,25"): a decimal with at most three places, in thousandths.
pub fn parse_epsilon(typed: &str) -> Option<u64> {
    let typed = typed.trim().replace(',', ".");
    let (whole, fraction) = typed.split_once('.').unwrap_or((&typed, ""));
    if whole.is_empty() && fraction.is_empty()
        || fraction.len() > 3
        || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: u64 = format!("{fraction:0<3}").parse().ok()?;
    whole.checked_mul(1000)?.checked_add(fraction)
}

/// ε in thousandths as people write it: "0.5", "1", "0.125".
pub fn epsilon_text(epsilon_milli: u64) -> String {
    let text = format!("{}.{:03}", epsilon_milli / 1000, epsilon_milli % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The lines of a table in a private release: fixed by the lists, never by what was counted.
#[derive(Debug, Clone, Copy)]
enum Lines {
    /// One line: the total.
    Total,
    /// The months of the period.
    Months,
    /// Every code of a list, then a line of its own.
    List(&'static LookupList, Extra),
    /// Every currency.
    Currencies,
}

/// The line a list's table has beside its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    None,
    /// The records that gave no answer (reasons, sectors).
    NotStated,
    /// The table's total line.
    Total,
}

/// The tables a private release shows, in the report's order, each with its lines; only the
/// first count column of each (the records counted) is shown.
const SHOWN: &[(&str, Lines)] = &[
    (table::APPEALS_TOTAL, Lines::Total),
    (table::APPEALS_BY_MONTH, Lines::Months),
    (table::APPEALS_BY_CHANNEL, Lines::List(&lookups::CHANNEL, Extra::None)),
    (table::MIGRATION_REASONS, Lines::List(&lookups::MIGRATION_REASON, Extra::NotStated)),
    (table::SECTORS, Lines::List(&lookups::SECTOR, Extra::NotStated)),
    (table::WAGES_BY_OCCUPATION, Lines::List(&lookups::OCCUPATION, Extra::None)),
    (table::VICTIMS_ASSISTED, Lines::List(&lookups::VICTIM_STATUS, Extra::Total)),
    (table::REPATRIATED_BY_CITIZENSHIP, Lines::List(&lookups::CITIZENSHIP, Extra::Total)),
    (table::SERVICES_BY_KIND, Lines::List(&lookups::SERVICE_KIND, Extra::Total)),
    (table::WAGES_RECOVERED, Lines::Currencies),
    (table::PROCEEDINGS_BY_OUTCOME, Lines::List(&law::PROCEEDING_OUTCOME, Extra::Total)),
];

/// What the noise is asked for: one table's true counts, in the order of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct NoiseAsked {
    pub table: &'static str,
    pub counts: Vec<u64>,
    /// The most one record can change the sum of the counts' absolute values.
    pub sensitivity: u32,
    /// The share of ε this table may spend.
    pub epsilon: f64,
}

impl Lines {
    fn labels(self, report: &Report) -> Vec<RowLabel> {
        match self {
            Lines::Total => vec![RowLabel::Report(Label::Total)],
            Lines::Months => {
                report.period.months().into_iter().map(|m| RowLabel::Report(Label::Month(m.month))).collect()
            }
            Lines::List(list, extra) => {
                let mut labels: Vec<RowLabel> =
                    list.codes.iter().map(|code| RowLabel::Report(Label::Code((*code).to_owned()))).collect();
                match extra {
                    Extra::None => {}
                    Extra::NotStated => labels.push(RowLabel::NotStated),
                    Extra::Total => labels.push(RowLabel::Report(Label::Total)),
                }
                labels
            }
            Lines::Currencies => {
                Currency::ALL.iter().map(|c| RowLabel::Report(Label::Code(c.code().to_owned()))).collect()
            }
        }
    }

    /// One record counts in one line, and in the total line where the table has one.
    fn sensitivity(self) -> u32 {
        match self {
            Lines::List(_, Extra::Total) => 2,
            _ => 1,
        }
    }
}

/// The count of a line in the report's table (a line the report left out counted nothing).
fn true_count(table: &Table, label: &RowLabel) -> u64 {
    match label {
        RowLabel::NotStated => table.unstated.unwrap_or(0),
        RowLabel::Report(label) => match table.row(label).and_then(|r| r.cells.first()) {
            Some(Cell::Count(n)) => *n,
            _ => 0,
        },
    }
}

/// A table of a private release: the report table's id, labels and first column, no rows yet.
fn shown_table(table: &Table) -> ReleaseTable {
    ReleaseTable {
        id: table.id,
        labels: table.labels,
        columns: table.columns.iter().copied().filter(|c| c.kind == ColumnKind::Count).take(1).collect(),
        rows: Vec::new(),
    }
}

/// The tables of `report` a private release shows, with their lines.
fn shown(report: &Report) -> impl Iterator<Item = (&Table, Lines)> {
    SHOWN.iter().filter_map(|(id, lines)| Some((report.table(id)?, *lines)))
}

/// A private release of `report` spending `epsilon_milli`, its figures the counts `noise`
/// gives back for each [`NoiseAsked`] (one call per table, in order; as many counts as asked).
/// An error of `noise` ends the release.
pub fn private_release<E>(
    report: &Report,
    epsilon_milli: u64,
    mut noise: impl FnMut(&NoiseAsked) -> Result<Vec<u64>, E>,
) -> Result<Release, E> {
    let total_sensitivity: u32 = shown(report).map(|(_, lines)| lines.sensitivity()).sum();
    let epsilon = epsilon_milli as f64 / 1000.0;
    let mut tables = Vec::new();
    for (table, lines) in shown(report) {
        let labels = lines.labels(report);
        let asked = NoiseAsked {
            table: table.id,
            counts: labels.iter().map(|label| true_count(table, label)).collect(),
            sensitivity: lines.sensitivity(),
            epsilon: epsilon * f64::from(lines.sensitivity()) / f64::from(total_sensitivity.max(1)),
        };
        let noisy = noise(&asked)?;
        assert_eq!(noisy.len(), asked.counts.len(), "noise gives back one count per line");
        let rows = labels
            .into_iter()
            .zip(noisy)
            .map(|(label, n)| ReleaseRow { label, figures: vec![Figure::Count(n)] })
            .collect();
        tables.push(ReleaseTable { rows, ..shown_table(table) });
    }
    Ok(Release {
        period: report.period,
        office: report.office,
        mode: Mode::Private { epsilon_milli },
        empty: false,
        missing_rates: Vec::new(),
        tables,
    })
}

/// The layout of a private release of `report` without its rows: what
/// [`crate::release_ledger::restore`] fills with the figures the ledger recorded.
pub fn private_template(report: &Report, epsilon_milli: u64) -> Release {
    Release {
        period: report.period,
        office: report.office,
        mode: Mode::Private { epsilon_milli },
        empty: false,
        missing_rates: Vec::new(),
        tables: shown(report).map(|(table, _)| shown_table(table)).collect(),
    }
}

/// Whether a private release is a layout without figures: one looked at before it was made.
pub fn is_template(release: &Release) -> bool {
    matches!(release.mode, Mode::Private { .. }) && release.tables.iter().all(|t| t.rows.is_empty())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::reports::{AppealGroup, Figures, Period, Rates, YearMonth, build, column};

    fn report() -> Report {
        let day = |m, d| NaiveDate::from_ymd_opt(2008, m, d).unwrap();
        let period = Period::custom(day(1, 1), day(3, 31)).unwrap();
        let figures = Figures {
            appeals_by_month: vec![
                (YearMonth { year: 2008, month: 1 }, 1),
                (YearMonth { year: 2008, month: 2 }, 0),
                (YearMonth { year: 2008, month: 3 }, 2),
            ],
            appeal_groups: vec![
                AppealGroup {
                    channel: "hotline-phone".into(),
                    sector: Some("agriculture".into()),
                    appeals: 2,
                    ..Default::default()
                },
                AppealGroup { channel: "walk-in".into(), appeals: 1, ..Default::default() },
            ],
            victims: vec![("presumed".into(), 1)],
            ..Default::default()
        };
        build(period, None, &figures, &Rates::in_force(&[], day(3, 31)))
    }

    fn unchanged(asked: &NoiseAsked) -> Result<Vec<u64>, ()> {
        Ok(asked.counts.clone())
    }

    #[test]
    fn every_line_of_every_list_is_shown_whatever_was_counted() {
        let release = private_release(&report(), 1000, unchanged).unwrap();
        let channels = release.table(table::APPEALS_BY_CHANNEL).unwrap();
        assert_eq!(channels.rows.len(), lookups::CHANNEL.codes.len(), "a line of zero is shown, not left out");
        assert_eq!(channels.figure("hotline-phone", column::APPEALS), Some(Figure::Count(2)));
        assert_eq!(channels.figure("email", column::APPEALS), Some(Figure::Count(0)));
        let months = release.table(table::APPEALS_BY_MONTH).unwrap();
        assert_eq!(months.rows.iter().map(ReleaseRow::code).collect::<Vec<_>>(), ["2008-01", "2008-02", "2008-03"]);
        let sectors = release.table(table::SECTORS).unwrap();
        assert_eq!(sectors.figure("not-stated", column::APPEALS), Some(Figure::Count(1)));
        let victims = release.table(table::VICTIMS_ASSISTED).unwrap();
        assert_eq!(victims.figure("total", column::PERSONS), Some(Figure::Count(1)));
        assert!(!release.empty && release.missing_rates.is_empty(), "nothing said depends on the records");
    }

    #[test]
    fn tables_where_a_record_counts_in_several_lines_and_money_are_left_out() {
        let release = private_release(&report(), 1000, unchanged).unwrap();
        for left_out in
            [table::APPEALS_BY_TOPIC, table::APPEALS_BY_HELP, table::INDICATOR_PREVALENCE, table::INDICATOR_TAGS]
        {
            assert!(release.table(left_out).is_none(), "{left_out}");
        }
        for t in &release.tables {
            assert_eq!(t.columns.len(), 1, "{}", t.id);
            assert_eq!(t.columns[0].kind, ColumnKind::Count, "{}", t.id);
        }
        assert_eq!(release.tables.len(), SHOWN.len());
    }

    #[test]
    fn epsilon_is_shared_so_that_every_figure_gets_noise_of_one_scale() {
        let mut asked = Vec::new();
        private_release(&report(), 500, |a: &NoiseAsked| {
            asked.push(a.clone());
            unchanged(a)
        })
        .unwrap();
        let spent: f64 = asked.iter().map(|a| a.epsilon).sum();
        assert!((spent - 0.5).abs() < 1e-9, "the tables' shares add up to ε: {spent}");
        let scales: Vec<f64> = asked.iter().map(|a| f64::from(a.sensitivity) / a.epsilon).collect();
        assert!(scales.iter().all(|s| (s - scales[0]).abs() < 1e-9), "{scales:?}");
        let victims = asked.iter().find(|a| a.table == table::VICTIMS_ASSISTED).unwrap();
        assert_eq!(victims.sensitivity, 2, "a victim counts in a line and in the total line");
        let channels = asked.iter().find(|a| a.table == table::APPEALS_BY_CHANNEL).unwrap();
        assert_eq!(channels.sensitivity, 1);
    }

    #[test]
    fn the_noise_given_back_is_what_is_shown() {
        let release = private_release(&report(), 1000, |a: &NoiseAsked| Ok::<_, ()>(vec![7; a.counts.len()])).unwrap();
        assert_eq!(
            release.table(table::APPEALS_TOTAL).unwrap().figure("total", column::APPEALS),
            Some(Figure::Count(7))
        );
        let failed = private_release(&report(), 1000, |_: &NoiseAsked| Err::<Vec<u64>, _>("no entropy"));
        assert_eq!(failed, Err("no entropy"));
    }

    #[test]
    fn the_template_has_the_release_s_tables_and_no_rows() {
        let template = private_template(&report(), 250);
        let release = private_release(&report(), 250, unchanged).unwrap();
        assert_eq!(
            template.tables.iter().map(|t| t.id).collect::<Vec<_>>(),
            release.tables.iter().map(|t| t.id).collect::<Vec<_>>()
        );
        assert!(is_template(&template) && !is_template(&release));
        assert_eq!(template.mode, Mode::Private { epsilon_milli: 250 });
    }

    #[test]
    fn epsilon_is_read_as_people_type_it() {
        assert_eq!(parse_epsilon("0.5"), Some(500));
        assert_eq!(parse_epsilon("1"), Some(1000));
        assert_eq!(parse_epsilon(" 0,25 "), Some(250));
        assert_eq!(parse_epsilon(".125"), Some(125));
        for bad in ["", ".", "0.0001", "-1", "1e3", "one", "1.2.3"] {
            assert_eq!(parse_epsilon(bad), None, "{bad}");
        }
        assert_eq!(check_epsilon(5), Err(ValidationError::Invalid { field: "epsilon" }));
        assert_eq!(check_epsilon(MAX_EPSILON_MILLI + 1), Err(ValidationError::Invalid { field: "epsilon" }));
        assert_eq!(epsilon_text(500), "0.5");
        assert_eq!(epsilon_text(1000), "1");
        assert_eq!(epsilon_text(125), "0.125");
    }
}
