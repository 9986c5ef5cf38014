//! Referrals in a report: those made in the period by partner kind, status and partner (sent
//! and received apart), and how long partners took to answer the ones sent.
//!
//! A referral counts on the day it went out ("sent" step) or, coming in, on the day it was
//! received; drafts and those withdrawn before sending never went anywhere and do not count.
//! Its status is where it stands now.

use std::collections::BTreeMap;

use super::figures::{add, counted_with_total};
use super::shape::col;
use super::{Cell, ColumnKind, Label, Labels, Table, TableRow, column, table};
use crate::lookups;
use crate::referrals::Direction;

/// One group of the period's referrals that share a direction, a partner and a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralGroup {
    pub direction: Direction,
    /// The partner organisation's name, shown as it is in staff reports.
    pub partner: String,
    /// `lookups::PARTNER_KIND`.
    pub partner_kind: String,
    /// `lookups::REFERRAL_STATUS`: where the referrals stand now.
    pub status: String,
    pub referrals: u64,
}

/// Outgoing referrals sent in the period to partners of one kind that waited this many days
/// for the partner's first answer (`None`: no answer yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyDays {
    pub partner_kind: String,
    pub days: Option<u32>,
    pub referrals: u64,
}

/// The median of a distribution given as (number of days, how many waited that long); `None`
/// when it is empty. With an even count it is the lower of the two middle values: a number of
/// days some referral did wait, never a half day that would read as more precise than a day.
pub fn median_days(distribution: &BTreeMap<u32, u64>) -> Option<u32> {
    let count: u64 = distribution.values().sum();
    if count == 0 {
        return None;
    }
    let middle = (count - 1) / 2;
    let mut seen = 0;
    for (days, n) in distribution {
        seen += n;
        if seen > middle {
            return Some(*days);
        }
    }
    None
}

/// The referral tables, in the order a report lists them (see [`table::ALL`]).
pub(super) fn referral_tables(groups: &[ReferralGroup], reply_days: &[ReplyDays]) -> Vec<Table> {
    let mut tables = Vec::new();
    for (direction, by_kind, by_status, by_partner) in [
        (
            Direction::Outgoing,
            table::REFERRALS_SENT_BY_PARTNER_KIND,
            table::REFERRALS_SENT_BY_STATUS,
            table::REFERRALS_SENT_BY_PARTNER,
        ),
        (
            Direction::Incoming,
            table::REFERRALS_RECEIVED_BY_PARTNER_KIND,
            table::REFERRALS_RECEIVED_BY_STATUS,
            table::REFERRALS_RECEIVED_BY_PARTNER,
        ),
    ] {
        let (mut kinds, mut statuses, mut partners) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for g in groups.iter().filter(|g| g.direction == direction) {
            add(&mut kinds, &g.partner_kind, g.referrals);
            add(&mut statuses, &g.status, g.referrals);
            add(&mut partners, &g.partner, g.referrals);
        }
        let referrals = || vec![col(column::REFERRALS, ColumnKind::Count)];
        let mut kind_table = Table::new(by_kind, Labels::Lookup(lookups::PARTNER_KIND.name), referrals());
        kind_table.rows = counted_with_total(&lookups::PARTNER_KIND, kinds);
        let mut status_table = Table::new(by_status, Labels::Lookup(lookups::REFERRAL_STATUS.name), referrals());
        status_table.rows = counted_with_total(&lookups::REFERRAL_STATUS, statuses);
        let mut partner_table = Table::new(by_partner, Labels::Partners, referrals());
        partner_table.rows = partner_rows(partners);
        tables.extend([kind_table, status_table, partner_table]);
    }
    tables.push(reply_days_table(reply_days));
    tables
}

/// Partners by name, most referrals first, with a total row; none when nothing was counted.
fn partner_rows(partners: BTreeMap<String, u64>) -> Vec<TableRow> {
    let mut rows: Vec<(String, u64)> = partners.into_iter().filter(|(_, n)| *n > 0).collect();
    if rows.is_empty() {
        return Vec::new();
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total = rows.iter().map(|(_, n)| n).sum();
    rows.into_iter()
        .map(|(name, n)| TableRow { label: Label::Code(name), cells: vec![Cell::Count(n)] })
        .chain(std::iter::once(TableRow { label: Label::Total, cells: vec![Cell::Count(total)] }))
        .collect()
}

/// Days to a reply by partner kind and overall: referrals sent, those answered, the median
/// days of those answered (missing when none was) and those still awaiting an answer.
fn reply_days_table(reply_days: &[ReplyDays]) -> Table {
    let mut t = Table::new(
        table::REFERRAL_REPLY_DAYS,
        Labels::Lookup(lookups::PARTNER_KIND.name),
        vec![
            col(column::REFERRALS, ColumnKind::Count),
            col(column::REPLIED, ColumnKind::Count),
            col(column::MEDIAN_DAYS, ColumnKind::Count),
            col(column::AWAITING, ColumnKind::Count),
        ],
    );
    let mut per_kind: BTreeMap<String, (BTreeMap<u32, u64>, u64)> = BTreeMap::new();
    let mut overall: (BTreeMap<u32, u64>, u64) = Default::default();
    for line in reply_days.iter().filter(|l| l.referrals > 0) {
        let kind = per_kind.entry(line.partner_kind.clone()).or_default();
        for (distribution, awaiting) in [kind, &mut overall] {
            match line.days {
                Some(days) => *distribution.entry(days).or_default() += line.referrals,
                None => *awaiting += line.referrals,
            }
        }
    }
    if per_kind.is_empty() {
        return t;
    }
    let counts: BTreeMap<String, u64> =
        per_kind.iter().map(|(kind, (d, awaiting))| (kind.clone(), d.values().sum::<u64>() + awaiting)).collect();
    let row = |label: Label, (distribution, awaiting): &(BTreeMap<u32, u64>, u64)| {
        let replied: u64 = distribution.values().sum();
        TableRow {
            label,
            cells: vec![
                Cell::Count(replied + awaiting),
                Cell::Count(replied),
                median_days(distribution).map_or(Cell::Empty, |d| Cell::Count(u64::from(d))),
                Cell::Count(*awaiting),
            ],
        }
    };
    for (kind, _) in super::figures::in_list_order(&lookups::PARTNER_KIND, counts) {
        t.rows.push(row(Label::Code(kind.clone()), &per_kind[&kind]));
    }
    t.rows.push(row(Label::Total, &overall));
    t
}
