//! What the database counts for a report ([`Figures`]: sums and counts, never records), and
//! [`build`], which turns them into the report's tables.
//!
//! Must not see a record: each list holds one line per group the database formed.

use std::collections::BTreeMap;

use super::referrals::{ReferralGroup, ReplyDays, referral_tables};
use super::shape::col;
use super::visits::{VisitGroup, visit_tables};
use super::{
    Cell, ColumnKind, Label, Labels, MissingRate, Period, Rates, Report, Share, TOPIC_GROUPS, Table, TableRow,
    WageSums, YearMonth, average_wage, column, table,
};
use crate::indicators::{CATALOGUES, Eleven};
use crate::lookups::{self, LookupList};
use crate::{Currency, Money, OfficeId, law};

/// Victims assisted (counted as [`Figures::victims`], each person once) who share a sex, an
/// age band and a citizenship.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VictimProfile {
    /// `lookups::SEX`, `lookups::AGE_BAND` and `lookups::CITIZENSHIP` codes.
    pub sex: String,
    pub age_band: String,
    pub citizenship: String,
    pub persons: u64,
}

/// One group of the period's appeals that share a channel, sector, reason for migrating,
/// occupation and wage currency: how many, and their wages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppealGroup {
    pub channel: String,
    pub sector: Option<String>,
    pub reason: Option<String>,
    pub occupation: Option<String>,
    pub wage_currency: Option<Currency>,
    pub appeals: u64,
    /// Appeals of the group that stated a wage, and the sum of those wages (minor units).
    pub wages: u64,
    pub wage_sum: i128,
}

/// The period's appeals that have exactly these topics and this help.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicSet {
    pub topics: Vec<String>,
    pub help: Vec<String>,
    pub appeals: u64,
}

/// Wage recovery in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub currency: Currency,
    /// Minor units claimed and recovered.
    pub claimed: i128,
    pub recovered: i128,
    /// Services that recovered something.
    pub services: u64,
}

/// Everything a report counts, as sums and counts from the database. Each list holds one
/// line per group the database formed: its length depends on the codes in use, never on
/// the number of records.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// Appeals per month of the period, in the order of [`Period::months`].
    pub appeals_by_month: Vec<(YearMonth, u64)>,
    pub appeal_groups: Vec<AppealGroup>,
    pub topic_sets: Vec<TopicSet>,
    /// Victims assisted (in the cases opened in the period) by their standing ("identified",
    /// "presumed"): each person once, at the strongest standing they have in those cases.
    pub victims: Vec<(String, u64)>,
    /// The same victims by sex, age band and citizenship.
    pub victim_profiles: Vec<VictimProfile>,
    /// Referrals made in the period (see [`super::referrals`]), by direction, partner and status.
    pub referrals: Vec<ReferralGroup>,
    /// Outgoing referrals sent in the period, by partner kind and days to the first answer.
    pub reply_days: Vec<ReplyDays>,
    /// Persons repatriated, by citizenship.
    pub repatriated: Vec<(String, u64)>,
    /// Services delivered, by kind.
    pub services: Vec<(String, u64)>,
    pub recovered: Vec<Recovered>,
    /// Proceedings decided, by outcome.
    pub proceedings: Vec<(String, u64)>,
    /// Persons assessed, by catalogue id.
    pub assessed: Vec<(String, u64)>,
    /// Persons assessed with any catalogue.
    pub assessed_persons: u64,
    /// Persons whose latest assessment answered "yes", by indicator code.
    pub indicators_yes: Vec<(String, u64)>,
    /// Persons with a "yes" standing for each of the eleven, by tag code.
    pub tags_yes: Vec<(String, u64)>,
    /// Monitoring visits made in the period (see [`super::visits`]), by month, district and
    /// kind of place.
    pub visits: Vec<VisitGroup>,
    /// Violations found on the visits made in the period (one per kind per visit), by kind.
    pub violations: Vec<(String, u64)>,
}

impl Figures {
    /// Whether nothing at all was counted.
    pub fn is_empty(&self) -> bool {
        let none = |v: &[(String, u64)]| v.iter().all(|(_, n)| *n == 0);
        self.appeals_by_month.iter().all(|(_, n)| *n == 0)
            && self.appeal_groups.iter().all(|g| g.appeals == 0)
            && self.topic_sets.iter().all(|s| s.appeals == 0)
            && none(&self.victims)
            && none(&self.repatriated)
            && none(&self.services)
            && self.recovered.is_empty()
            && none(&self.proceedings)
            && self.assessed_persons == 0
            && self.referrals.iter().all(|g| g.referrals == 0)
            && self.visits.iter().all(|g| g.visits == 0)
    }
}

/// Codes with their counts in the list's order, codes not in the list (an organisation's own)
/// after them alphabetically, zeros left out.
pub(super) fn in_list_order(list: &LookupList, counts: BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let position = |code: &str| list.codes.iter().position(|c| *c == code).unwrap_or(usize::MAX);
    let mut rows: Vec<(String, u64)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    rows.sort_by(|a, b| position(&a.0).cmp(&position(&b.0)).then_with(|| a.0.cmp(&b.0)));
    rows
}

pub(super) fn add(counts: &mut BTreeMap<String, u64>, code: &str, n: u64) {
    *counts.entry(code.to_owned()).or_default() += n;
}

fn summed(rows: &[(String, u64)]) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for (code, n) in rows {
        add(&mut counts, code, *n);
    }
    counts
}

/// Rows of (code, count, share of `whole`).
fn count_and_share_rows(list: &LookupList, counts: BTreeMap<String, u64>, whole: u64) -> Vec<TableRow> {
    in_list_order(list, counts)
        .into_iter()
        .map(|(code, n)| TableRow {
            label: Label::Code(code),
            cells: vec![Cell::Count(n), Cell::Share(Share::new(n, whole))],
        })
        .collect()
}

/// Rows of (code, count) with a total row, or none.
pub(super) fn counted_with_total(list: &LookupList, counts: BTreeMap<String, u64>) -> Vec<TableRow> {
    let rows = in_list_order(list, counts);
    if rows.is_empty() {
        return Vec::new();
    }
    let total = rows.iter().map(|(_, n)| n).sum();
    rows.into_iter()
        .map(|(code, n)| TableRow { label: Label::Code(code), cells: vec![Cell::Count(n)] })
        .chain(std::iter::once(TableRow { label: Label::Total, cells: vec![Cell::Count(total)] }))
        .collect()
}

/// A table of answers some appeals do not give: shares of the appeals that gave one.
fn stated_table(id: &'static str, list: &LookupList, counts: BTreeMap<String, u64>, appeals: u64) -> Table {
    let mut table = Table::new(
        id,
        Labels::Lookup(list.name),
        vec![col(column::APPEALS, ColumnKind::Count), col(column::SHARE, ColumnKind::Share)],
    );
    let given: u64 = counts.values().sum();
    table.rows = count_and_share_rows(list, counts, given);
    if appeals > 0 {
        table.unstated = Some(appeals - given.min(appeals));
    }
    table
}

/// Builds the report from what the database counted. Dollar figures (and any wage stated in
/// a currency other than the tenge) use the rates in force on the period's first day.
pub fn build(period: Period, office: Option<OfficeId>, figures: &Figures, rates: &Rates) -> Report {
    let mut missing: Vec<Currency> = Vec::new();
    let appeals: u64 = figures.appeal_groups.iter().map(|g| g.appeals).sum();
    let count = |id| col(id, ColumnKind::Count);
    let share = col(column::SHARE, ColumnKind::Share);

    let mut total = Table::new(table::APPEALS_TOTAL, Labels::Total, vec![count(column::APPEALS)]);
    if appeals > 0 {
        total.rows.push(TableRow { label: Label::Total, cells: vec![Cell::Count(appeals)] });
    }

    let mut by_month = Table::new(table::APPEALS_BY_MONTH, Labels::Months, vec![count(column::APPEALS)]);
    if figures.appeals_by_month.iter().any(|(_, n)| *n > 0) {
        by_month.rows = figures
            .appeals_by_month
            .iter()
            .map(|(m, n)| TableRow { label: Label::Month(*m), cells: vec![Cell::Count(*n)] })
            .collect();
    }

    let (mut channels, mut sectors, mut reasons) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut wages: BTreeMap<String, WageSums> = BTreeMap::new();
    for g in &figures.appeal_groups {
        add(&mut channels, &g.channel, g.appeals);
        if let Some(sector) = &g.sector {
            add(&mut sectors, sector, g.appeals);
        }
        if let Some(reason) = &g.reason {
            add(&mut reasons, reason, g.appeals);
        }
        if let (Some(occupation), Some(currency)) = (&g.occupation, g.wage_currency)
            && g.wages > 0
        {
            wages.entry(occupation.clone()).or_default().add(g.wages, currency, g.wage_sum);
        }
    }
    let mut by_channel = Table::new(
        table::APPEALS_BY_CHANNEL,
        Labels::Lookup(lookups::CHANNEL.name),
        vec![count(column::APPEALS), share],
    );
    by_channel.rows = count_and_share_rows(&lookups::CHANNEL, channels, appeals);

    let (mut topics, mut help, mut groups) = (BTreeMap::new(), BTreeMap::new(), [0u64; TOPIC_GROUPS.len()]);
    for set in &figures.topic_sets {
        for topic in &set.topics {
            add(&mut topics, topic, set.appeals);
        }
        for h in &set.help {
            add(&mut help, h, set.appeals);
        }
        for (n, group) in groups.iter_mut().zip(TOPIC_GROUPS) {
            if group.holds(&set.topics, &set.help) {
                *n += set.appeals;
            }
        }
    }
    let mut by_topic =
        Table::new(table::APPEALS_BY_TOPIC, Labels::Lookup(lookups::TOPIC.name), vec![count(column::APPEALS), share]);
    by_topic.rows = count_and_share_rows(&lookups::TOPIC, topics, appeals);
    if appeals > 0 {
        by_topic.rows.extend(TOPIC_GROUPS.iter().zip(groups).map(|(group, n)| TableRow {
            label: Label::Group(group.code),
            cells: vec![Cell::Count(n), Cell::Share(Share::new(n, appeals))],
        }));
    }
    let mut by_help =
        Table::new(table::APPEALS_BY_HELP, Labels::Lookup(lookups::HELP.name), vec![count(column::APPEALS), share]);
    by_help.rows = count_and_share_rows(&lookups::HELP, help, appeals);

    let reasons = stated_table(table::MIGRATION_REASONS, &lookups::MIGRATION_REASON, reasons, appeals);
    let sectors = stated_table(table::SECTORS, &lookups::SECTOR, sectors, appeals);

    let mut wage_table = Table::new(
        table::WAGES_BY_OCCUPATION,
        Labels::Lookup(lookups::OCCUPATION.name),
        vec![
            count(column::APPEALS),
            col(column::AVERAGE_KZT, ColumnKind::Money(Some(Currency::KZT))),
            col(column::AVERAGE_USD, ColumnKind::Money(Some(Currency::USD))),
        ],
    );
    let wage_counts: BTreeMap<String, u64> = wages.iter().map(|(o, s)| (o.clone(), s.appeals)).collect();
    for (occupation, _) in in_list_order(&lookups::OCCUPATION, wage_counts) {
        let (average, lacking) = average_wage(&wages[&occupation], rates);
        missing.extend(lacking);
        let missing_cell = if average.too_large { Cell::TooLarge } else { Cell::Missing };
        let money = |m: Option<Money>| m.map_or(missing_cell, Cell::Money);
        wage_table.rows.push(TableRow {
            label: Label::Code(occupation),
            cells: vec![Cell::Count(average.appeals), money(average.tenge), money(average.dollars)],
        });
    }

    let mut victims =
        Table::new(table::VICTIMS_ASSISTED, Labels::Lookup(lookups::VICTIM_STATUS.name), vec![count(column::PERSONS)]);
    victims.rows = counted_with_total(&lookups::VICTIM_STATUS, summed(&figures.victims));
    let mut repatriated = Table::new(
        table::REPATRIATED_BY_CITIZENSHIP,
        Labels::Lookup(lookups::CITIZENSHIP.name),
        vec![count(column::PERSONS)],
    );
    repatriated.rows = counted_with_total(&lookups::CITIZENSHIP, summed(&figures.repatriated));
    let mut services =
        Table::new(table::SERVICES_BY_KIND, Labels::Lookup(lookups::SERVICE_KIND.name), vec![count(column::SERVICES)]);
    services.rows = counted_with_total(&lookups::SERVICE_KIND, summed(&figures.services));

    let mut recovered = Table::new(
        table::WAGES_RECOVERED,
        Labels::Currencies,
        vec![
            count(column::SERVICES),
            col(column::CLAIMED, ColumnKind::Money(None)),
            col(column::RECOVERED, ColumnKind::Money(None)),
        ],
    );
    let mut lines: Vec<&Recovered> = figures.recovered.iter().filter(|r| r.claimed != 0 || r.recovered != 0).collect();
    lines.sort_by_key(|r| Currency::ALL.iter().position(|c| *c == r.currency));
    for r in lines {
        let money = |minor: i128| {
            i64::try_from(minor).map_or(Cell::TooLarge, |minor| Cell::Money(Money { minor, currency: r.currency }))
        };
        recovered.rows.push(TableRow {
            label: Label::Code(r.currency.code().to_owned()),
            cells: vec![Cell::Count(r.services), money(r.claimed), money(r.recovered)],
        });
    }

    let mut proceedings = Table::new(
        table::PROCEEDINGS_BY_OUTCOME,
        Labels::Lookup(law::PROCEEDING_OUTCOME.name),
        vec![count(column::PROCEEDINGS)],
    );
    proceedings.rows = counted_with_total(&law::PROCEEDING_OUTCOME, summed(&figures.proceedings));

    let prevalence_columns = || vec![count(column::ASSESSED), count(column::YES), share];
    let mut prevalence = Table::new(table::INDICATOR_PREVALENCE, Labels::Indicators, prevalence_columns());
    let assessed = summed(&figures.assessed);
    let yes = summed(&figures.indicators_yes);
    for catalogue in CATALOGUES {
        let Some(&whole) = assessed.get(catalogue.id).filter(|n| **n > 0) else { continue };
        for indicator in catalogue.indicators {
            let n = yes.get(indicator.code).copied().unwrap_or(0);
            prevalence.rows.push(TableRow {
                label: Label::Code(indicator.code.to_owned()),
                cells: vec![Cell::Count(whole), Cell::Count(n), Cell::Share(Share::new(n, whole))],
            });
        }
    }
    let mut tags = Table::new(table::INDICATOR_TAGS, Labels::IndicatorTags, prevalence_columns());
    if figures.assessed_persons > 0 {
        let whole = figures.assessed_persons;
        let tag_yes = summed(&figures.tags_yes);
        tags.rows = Eleven::ALL
            .iter()
            .map(|tag| {
                let n = tag_yes.get(tag.code()).copied().unwrap_or(0);
                TableRow {
                    label: Label::Code(tag.code().to_owned()),
                    cells: vec![Cell::Count(whole), Cell::Count(n), Cell::Share(Share::new(n, whole))],
                }
            })
            .collect();
    }

    let (mut sexes, mut ages, mut citizenships) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for p in &figures.victim_profiles {
        add(&mut sexes, &p.sex, p.persons);
        add(&mut ages, &p.age_band, p.persons);
        add(&mut citizenships, &p.citizenship, p.persons);
    }
    let victims_by = |id, list: &LookupList, counts| {
        let mut t = Table::new(id, Labels::Lookup(list.name), vec![count(column::PERSONS)]);
        t.rows = counted_with_total(list, counts);
        t
    };
    let victims_by_sex = victims_by(table::VICTIMS_BY_SEX, &lookups::SEX, sexes);
    let victims_by_age = victims_by(table::VICTIMS_BY_AGE_BAND, &lookups::AGE_BAND, ages);
    let victims_by_citizenship = victims_by(table::VICTIMS_BY_CITIZENSHIP, &lookups::CITIZENSHIP, citizenships);

    missing.sort_by_key(|c| c.code());
    missing.dedup();
    Report {
        period,
        office,
        empty: figures.is_empty(),
        missing_rates: missing.into_iter().map(|currency| MissingRate { currency, on: rates.on }).collect(),
        tables: [
            total,
            by_month,
            by_channel,
            by_topic,
            by_help,
            reasons,
            sectors,
            wage_table,
            victims,
            repatriated,
            services,
            recovered,
            proceedings,
            prevalence,
            tags,
            victims_by_sex,
            victims_by_age,
            victims_by_citizenship,
        ]
        .into_iter()
        .chain(referral_tables(&figures.referrals, &figures.reply_days))
        .chain(visit_tables(period, &figures.visits, &figures.violations))
        .collect(),
    }
}
