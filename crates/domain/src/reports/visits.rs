//! The mobile group in a report: the monitoring visits made in the period, the people met and
//! the violations found, by district, by kind of place and by month; and the violations found
//! by kind.
//!
//! A visit counts when it was made (status "done") on a day of the period, in the office that
//! made it. Planned and cancelled visits met nobody. "Violations" is the number of violations
//! recorded, one per kind per visit: a farm holding passports and paying nothing is two. So
//! the violations by kind add up to the same total as the violations by district.

use std::collections::BTreeMap;

use super::figures::{add, counted_with_total, in_list_order};
use super::shape::col;
use super::{Cell, ColumnKind, Label, Labels, Period, Table, TableRow, YearMonth, column, table};
use crate::lookups::{self, LookupList};

/// The visits of the period made in one month, to one district and one kind of place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitGroup {
    pub month: YearMonth,
    /// `lookups::DISTRICT`.
    pub district: String,
    /// `lookups::PLACE_KIND`.
    pub place_kind: String,
    pub visits: u64,
    pub people_met: u64,
    pub minors_met: u64,
    pub violations: u64,
}

#[cfg(test)]
impl VisitGroup {
    /// The visits of a month of 2008, counted as (visits, people met, minors met, violations).
    pub(crate) fn in_2008(month: u32, district: &str, place_kind: &str, counts: [u64; 4]) -> Self {
        let [visits, people_met, minors_met, violations] = counts;
        Self {
            month: YearMonth { year: 2008, month },
            district: district.to_owned(),
            place_kind: place_kind.to_owned(),
            visits,
            people_met,
            minors_met,
            violations,
        }
    }
}

/// What a line of the visit tables holds, in the order of their columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    visits: u64,
    people_met: u64,
    minors_met: u64,
    violations: u64,
}

impl Tally {
    fn of(g: &VisitGroup) -> Self {
        Self { visits: g.visits, people_met: g.people_met, minors_met: g.minors_met, violations: g.violations }
    }

    fn add(&mut self, other: Self) {
        self.visits += other.visits;
        self.people_met += other.people_met;
        self.minors_met += other.minors_met;
        self.violations += other.violations;
    }

    fn cells(self) -> Vec<Cell> {
        [self.visits, self.people_met, self.minors_met, self.violations].into_iter().map(Cell::Count).collect()
    }
}

/// The columns of the three tables of visits.
pub const VISIT_COLUMNS: [&str; 4] = [column::VISITS, column::PEOPLE_MET, column::MINORS_MET, column::VIOLATIONS];

/// The tables whose lines add up, column by column, to the same totals of the period's visits
/// (violations by kind to the violations found), in the order a report lists them.
pub const VISIT_TABLES: [&str; 4] =
    [table::VISITS_BY_DISTRICT, table::VISITS_BY_PLACE_KIND, table::VISITS_BY_MONTH, table::VIOLATIONS_BY_KIND];

fn visit_table(id: &'static str, labels: Labels) -> Table {
    Table::new(id, labels, VISIT_COLUMNS.iter().map(|c| col(c, ColumnKind::Count)).collect())
}

/// Lines of a list in its order (codes of no visit left out), and a total line; none when
/// there was no visit.
fn listed(list: &LookupList, tallies: BTreeMap<String, Tally>) -> Vec<TableRow> {
    let visits: BTreeMap<String, u64> = tallies.iter().map(|(code, t)| (code.clone(), t.visits)).collect();
    let order = in_list_order(list, visits);
    if order.is_empty() {
        return Vec::new();
    }
    let mut total = Tally::default();
    let mut rows = Vec::new();
    for (code, _) in order {
        let tally = tallies[&code];
        total.add(tally);
        rows.push(TableRow { label: Label::Code(code), cells: tally.cells() });
    }
    rows.push(TableRow { label: Label::Total, cells: total.cells() });
    rows
}

/// The visit tables (see [`table::ALL`] for their order).
pub(super) fn visit_tables(period: Period, groups: &[VisitGroup], violations: &[(String, u64)]) -> Vec<Table> {
    let (mut districts, mut places, mut months) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut total = Tally::default();
    for g in groups.iter().filter(|g| g.visits > 0) {
        let tally = Tally::of(g);
        districts.entry(g.district.clone()).or_insert_with(Tally::default).add(tally);
        places.entry(g.place_kind.clone()).or_insert_with(Tally::default).add(tally);
        months.entry(g.month).or_insert_with(Tally::default).add(tally);
        total.add(tally);
    }
    let mut by_district = visit_table(table::VISITS_BY_DISTRICT, Labels::Lookup(lookups::DISTRICT.name));
    by_district.rows = listed(&lookups::DISTRICT, districts);
    let mut by_place = visit_table(table::VISITS_BY_PLACE_KIND, Labels::Lookup(lookups::PLACE_KIND.name));
    by_place.rows = listed(&lookups::PLACE_KIND, places);
    // Every month of the period, as appeals by month: a month with no visit is a zero.
    let mut by_month = visit_table(table::VISITS_BY_MONTH, Labels::Months);
    if total.visits > 0 {
        by_month.rows = period
            .months()
            .into_iter()
            .map(|m| TableRow {
                label: Label::Month(m.month),
                cells: months.get(&m.month).copied().unwrap_or_default().cells(),
            })
            .chain(std::iter::once(TableRow { label: Label::Total, cells: total.cells() }))
            .collect();
    }

    let mut found = BTreeMap::new();
    for (code, n) in violations {
        add(&mut found, code, *n);
    }
    let mut by_violation = Table::new(
        table::VIOLATIONS_BY_KIND,
        Labels::Lookup(lookups::VIOLATION.name),
        vec![col(column::VIOLATIONS, ColumnKind::Count)],
    );
    by_violation.rows = counted_with_total(&lookups::VIOLATION, found);
    vec![by_district, by_place, by_month, by_violation]
}
