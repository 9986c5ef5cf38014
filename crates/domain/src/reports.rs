//! Reports: the statistics the organisation publishes, for any period and office, as one
//! structure that every consumer walks — the page, CSV, XLSX, the printable page and the
//! open-data release. The tables are those of the seed organisation's 2008 annual report:
//! appeals by topic, help given, channel and month; reasons for migrating and sectors of work as shares;
//! average wage by occupation in tenge and dollars; victims assisted, repatriations by
//! citizenship, services by kind and wages recovered; proceedings by outcome; and the
//! prevalence of the ILO indicators among the persons assessed.
//!
//! Owns the period a report covers ([`Period`]), the shape of a report ([`Report`]: named
//! [`Table`]s of typed [`Cell`]s, each table with a stable id), the seed's groups of topics
//! ([`TOPIC_GROUPS`]), dated exchange rates ([`ExchangeRate`], [`Rates`]) and the arithmetic:
//! shares of those that gave an answer, average wages from a sum and a count, conversion
//! between currencies. Counting is the database's work: the store aggregates records into
//! [`Figures`] (sums and counts, never records), and [`build`] turns them into tables. No
//! figure is stored anywhere; a report is counted afresh from the records each time.
//!
//! Nothing here is rounded twice: a share keeps its part and whole, money keeps its minor
//! units, and a rounded or truncated figure is only ever a way of showing an exact one.
//!
//! Not here yet: referrals by partner and status, and monitoring visits and violations by
//! district and place kind — Komek does not record referrals or visits yet, so a report
//! has no table for them.
//!
//! Must not do I/O.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::indicators::{CATALOGUES, Eleven};
use crate::lookups::{self, LookupList};
use crate::{Currency, Money, OfficeId, ValidationError, law};

// ---------------------------------------------------------------------------------------
// The period

/// The days a report covers: `from` and `to` both included, `from` never after `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PeriodFields")]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Deserialize)]
struct PeriodFields {
    from: NaiveDate,
    to: NaiveDate,
}

impl TryFrom<PeriodFields> for Period {
    type Error = PeriodError;
    fn try_from(f: PeriodFields) -> Result<Self, PeriodError> {
        Period::custom(f.from, f.to)
    }
}

/// Why a period cannot be reported on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period ends on {to}, before it starts on {from}")]
    Reversed { from: NaiveDate, to: NaiveDate },
    #[error("there is no month {month} (months are 1 to 12)")]
    NoSuchMonth { month: u32 },
    #[error("there is no quarter {quarter} (quarters are 1 to 4)")]
    NoSuchQuarter { quarter: u32 },
    #[error("the year {year} is out of range ({FIRST_YEAR} to {LAST_YEAR})")]
    YearOutOfRange { year: i32 },
}

/// Years a period may fall in: dates are stored as four-digit text.
pub const FIRST_YEAR: i32 = 1000;
pub const LAST_YEAR: i32 = 9999;

impl PeriodError {
    /// The form field to mark.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Reversed { .. } => "to",
            Self::NoSuchMonth { .. } => "month",
            Self::NoSuchQuarter { .. } => "quarter",
            Self::YearOutOfRange { .. } => "year",
        }
    }
}

impl From<PeriodError> for ValidationError {
    fn from(e: PeriodError) -> Self {
        ValidationError::Invalid { field: e.field() }
    }
}

/// How a period was chosen, read back from its days (for titles and file names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodKind {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Custom,
}

fn check_year(year: i32) -> Result<(), PeriodError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) { Ok(()) } else { Err(PeriodError::YearOutOfRange { year }) }
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, PeriodError> {
    check_year(year)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(PeriodError::NoSuchMonth { month })
}

impl Period {
    /// A calendar year.
    pub fn year(year: i32) -> Result<Self, PeriodError> {
        Ok(Self { from: ymd(year, 1, 1)?, to: ymd(year, 12, 31)? })
    }

    /// A calendar quarter, 1 to 4.
    pub fn quarter(year: i32, quarter: u32) -> Result<Self, PeriodError> {
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError::NoSuchQuarter { quarter });
        }
        let first = YearMonth { year, month: quarter * 3 - 2 };
        Ok(Self { from: ymd(year, first.month, 1)?, to: first.next().next().last_day()? })
    }

    /// A calendar month, 1 to 12.
    pub fn month(year: i32, month: u32) -> Result<Self, PeriodError> {
        if !(1..=12).contains(&month) {
            return Err(PeriodError::NoSuchMonth { month });
        }
        let ym = YearMonth { year, month };
        Ok(Self { from: ymd(year, month, 1)?, to: ym.last_day()? })
    }

    /// Any run of days, both ends included; one day is a period.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Result<Self, PeriodError> {
        check_year(from.year())?;
        check_year(to.year())?;
        if to < from {
            return Err(PeriodError::Reversed { from, to });
        }
        Ok(Self { from, to })
    }

    /// The first day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day (included).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// The day after the last, where the period stops.
    pub fn end(&self) -> NaiveDate {
        self.to.checked_add_days(Days::new(1)).unwrap_or(self.to)
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    pub fn kind(&self) -> PeriodKind {
        let (y, m) = (self.from.year(), self.from.month());
        let first_of_month = self.from.day() == 1;
        let month = YearMonth { year: y, month: m };
        if first_of_month && m == 1 && self.to == NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(self.to) {
            PeriodKind::Year(y)
        } else if first_of_month && m % 3 == 1 && Ok(self.to) == month.next().next().last_day() {
            PeriodKind::Quarter(y, m.div_ceil(3))
        } else if first_of_month && Ok(self.to) == month.last_day() {
            PeriodKind::Month(y, m)
        } else {
            PeriodKind::Custom
        }
    }

    /// The calendar months the period touches, each cut to the days inside the period.
    pub fn months(&self) -> Vec<MonthSpan> {
        let mut spans = Vec::new();
        let mut month = YearMonth { year: self.from.year(), month: self.from.month() };
        while let (Ok(first), Ok(last)) = (month.first_day(), month.last_day())
            && first <= self.to
        {
            spans.push(MonthSpan { month, from: first.max(self.from), to: last.min(self.to) });
            month = month.next();
        }
        spans
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn first_day(self) -> Result<NaiveDate, PeriodError> {
        ymd(self.year, self.month, 1)
    }

    pub fn last_day(self) -> Result<NaiveDate, PeriodError> {
        let next = self.next();
        Ok(ymd(next.year, next.month, 1)?.pred_opt().unwrap_or(self.first_day()?))
    }

    pub fn next(self) -> Self {
        if self.month >= 12 { Self { year: self.year + 1, month: 1 } } else { Self { month: self.month + 1, ..self } }
    }
}

/// The part of a month inside a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthSpan {
    pub month: YearMonth,
    pub from: NaiveDate,
    /// Included.
    pub to: NaiveDate,
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/// `numerator / denominator` rounded to the nearest integer, halves away from zero; `None`
/// when the denominator is zero or the figures are beyond 128 bits.
pub fn round_half_up(numerator: i128, denominator: i128) -> Option<i128> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = if denominator < 0 { (numerator.checked_neg()?, -denominator) } else { (numerator, denominator) };
    let half_up = n.checked_abs()?.checked_mul(2)?.checked_add(d)? / d.checked_mul(2)?;
    Some(if n < 0 { -half_up } else { half_up })
}

/// A part of a whole, kept exact: "860 of the 2,000 appeals that named a sector".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Share {
    pub part: u64,
    pub whole: u64,
}

impl Share {
    pub fn new(part: u64, whole: u64) -> Self {
        Self { part, whole }
    }

    /// Whole percent, halves rounded up (3.5 % shows as 4 %); `None` for a share of nothing.
    pub fn percent(&self) -> Option<u64> {
        self.scaled(100)
    }

    /// Hundredths of a percent, halves rounded up: 1 of 3 is 3,333.
    pub fn basis_points(&self) -> Option<u64> {
        self.scaled(10_000)
    }

    fn scaled(&self, by: i128) -> Option<u64> {
        round_half_up(i128::from(self.part) * by, i128::from(self.whole)).and_then(|v| u64::try_from(v).ok())
    }
}

/// The dollar figure as the seed's annual report prints it: cut (not rounded) to one decimal,
/// "266.6" for $266.67. Only a way of showing it; the report keeps the cents.
pub fn one_decimal_truncated(amount: Money) -> String {
    let tenths = amount.minor / 10;
    let sign = if amount.minor < 0 { "-" } else { "" };
    format!("{sign}{}.{}", (tenths / 10).abs(), (tenths % 10).abs())
}

// ---------------------------------------------------------------------------------------
// Exchange rates

/// The highest rate accepted, in tiyn: a million tenge to one unit.
pub const MAX_TENGE_PER_UNIT_MINOR: i64 = 100_000_000;

/// How many tenge one unit of a currency was worth from a day on, until the next rate of that
/// currency: 150.00 tenge per dollar from 2008-01-01 is `tenge_per_unit_minor: 15_000`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub valid_from: NaiveDate,
    /// Tenge per major unit, in tiyn (hundredths of a tenge).
    pub tenge_per_unit_minor: i64,
}

impl ExchangeRate {
    /// The rate as an amount of tenge.
    pub fn tenge_per_unit(&self) -> Money {
        Money { minor: self.tenge_per_unit_minor, currency: Currency::KZT }
    }

    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.currency == Currency::KZT {
            errors.push(ValidationError::Invalid { field: "currency" });
        }
        // A dollar is some 520 tenge: a million tenge to one unit of any currency here is a slip.
        if self.tenge_per_unit_minor <= 0 || self.tenge_per_unit_minor > MAX_TENGE_PER_UNIT_MINOR {
            errors.push(ValidationError::Invalid { field: "rate" });
        }
        if check_year(self.valid_from.year()).is_err() {
            errors.push(ValidationError::Invalid { field: "valid_from" });
        }
        errors
    }
}

/// The rates in force on one day, one per currency that has any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rates {
    pub on: NaiveDate,
    in_force: Vec<ExchangeRate>,
}

impl Rates {
    /// From every rate known, those in force on `on`: per currency, the latest that started
    /// on or before it.
    pub fn in_force(all: &[ExchangeRate], on: NaiveDate) -> Self {
        let mut latest: BTreeMap<&str, ExchangeRate> = BTreeMap::new();
        for rate in all.iter().filter(|r| r.valid_from <= on) {
            let entry = latest.entry(rate.currency.code()).or_insert(*rate);
            if rate.valid_from > entry.valid_from {
                *entry = *rate;
            }
        }
        Self { on, in_force: latest.into_values().collect() }
    }

    /// The rate in force for `currency`, if there is one.
    pub fn rate(&self, currency: Currency) -> Option<&ExchangeRate> {
        self.in_force.iter().find(|r| r.currency == currency)
    }

    /// Tiyn per unit of `currency`: 100 for the tenge itself.
    pub fn tenge_per_unit_minor(&self, currency: Currency) -> Option<i64> {
        match currency {
            Currency::KZT => Some(100),
            other => self.rate(other).map(|r| r.tenge_per_unit_minor),
        }
    }

    /// `amount` in another currency, to the nearest minor unit; `None` without the rates.
    pub fn convert(&self, amount: Money, to: Currency) -> Option<Money> {
        let from_rate = i128::from(self.tenge_per_unit_minor(amount.currency)?);
        let to_rate = i128::from(self.tenge_per_unit_minor(to)?);
        let minor = round_half_up(i128::from(amount.minor) * from_rate, to_rate)?;
        Some(Money { minor: i64::try_from(minor).ok()?, currency: to })
    }
}

/// The wages an occupation's appeals stated: how many, and their sum in each currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WageSums {
    pub appeals: u64,
    /// Minor units per currency, each currency once.
    pub sums: Vec<(Currency, i128)>,
}

impl WageSums {
    /// Adds wages stated in one currency.
    pub fn add(&mut self, appeals: u64, currency: Currency, sum: i128) {
        self.appeals += appeals;
        match self.sums.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, total)) => *total += sum,
            None => self.sums.push((currency, sum)),
        }
    }
}

/// An average monthly wage in tenge and in dollars, each to the cent (the tiyn), both from
/// the same exact sum; `None` where a rate is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageAverage {
    pub appeals: u64,
    pub tenge: Option<Money>,
    pub dollars: Option<Money>,
    /// The wages sum to more than a figure can show (amounts entered before they were
    /// bounded): the averages are `None` for that, not for a missing rate.
    pub too_large: bool,
}

/// The average of the wages summed in `sums`, converted at `rates`; also the currencies whose
/// rate was needed and missing.
pub fn average_wage(sums: &WageSums, rates: &Rates) -> (WageAverage, Vec<Currency>) {
    let mut missing = Vec::new();
    // The sum in tiyn, times 100: each minor unit of a currency is its rate / 100 tiyn.
    let mut tiyn_x100: Option<i128> = Some(0);
    for (currency, sum) in &sums.sums {
        match rates.tenge_per_unit_minor(*currency) {
            Some(rate) => {
                tiyn_x100 = tiyn_x100.and_then(|t| t.checked_add(sum.checked_mul(i128::from(rate))?));
            }
            None => missing.push(*currency),
        }
    }
    let n = i128::from(sums.appeals);
    let too_large = tiyn_x100.is_none();
    let tiyn_x100 = tiyn_x100.unwrap_or(0);
    // An average past 64 bits is too large to show, like a sum past 128.
    let money = |minor: Option<i128>, currency| match minor.map(i64::try_from) {
        Some(Ok(minor)) => (Some(Money { minor, currency }), false),
        Some(Err(_)) => (None, true),
        None => (None, false),
    };
    let complete = missing.is_empty() && n > 0;
    let complete = complete && !too_large;
    let tenge = complete.then(|| round_half_up(tiyn_x100, 100 * n)).flatten();
    let dollars = match rates.tenge_per_unit_minor(Currency::USD) {
        Some(usd) if complete => round_half_up(tiyn_x100, n * i128::from(usd)),
        Some(_) => None,
        None => {
            if n > 0 {
                missing.push(Currency::USD);
            }
            None
        }
    };
    missing.sort_by_key(|c| c.code());
    missing.dedup();
    (
        {
            let ((tenge, big_tenge), (dollars, big_dollars)) =
                (money(tenge, Currency::KZT), money(dollars, Currency::USD));
            WageAverage { appeals: sums.appeals, tenge, dollars, too_large: too_large || big_tenge || big_dollars }
        },
        missing,
    )
}

// ---------------------------------------------------------------------------------------
// The report

/// The seed's groups of appeals: an appeal is in a group when it has any of the group's
/// topics or any of its kinds of help. The annual report counts its 2,560 appeals as
/// employment, contracts and registration (1,324), citizenship and residence (819), private
/// matters (417), and legal consultations given (1,899).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TopicGroup {
    /// Stable code; its label is `report-group-{code}`.
    pub code: &'static str,
    pub topics: &'static [&'static str],
    pub help: &'static [&'static str],
}

pub const TOPIC_GROUPS: [TopicGroup; 4] = [
    TopicGroup {
        code: "employment-contracts-registration",
        topics: &["employment", "employment-contract", "registration"],
        help: &[],
    },
    TopicGroup { code: "citizenship-residence", topics: &["citizenship", "residence-permit"], help: &[] },
    TopicGroup { code: "private-matters", topics: &["private-matter"], help: &[] },
    TopicGroup { code: "legal-consultations", topics: &[], help: &["legal-consultation"] },
];

impl TopicGroup {
    pub fn holds(&self, topics: &[String], help: &[String]) -> bool {
        topics.iter().any(|t| self.topics.contains(&t.as_str())) || help.iter().any(|h| self.help.contains(&h.as_str()))
    }
}

/// The stable ids of a report's tables, in the order a report lists them.
pub mod table {
    pub const APPEALS_TOTAL: &str = "appeals-total";
    pub const APPEALS_BY_MONTH: &str = "appeals-by-month";
    pub const APPEALS_BY_CHANNEL: &str = "appeals-by-channel";
    pub const APPEALS_BY_TOPIC: &str = "appeals-by-topic";
    pub const APPEALS_BY_HELP: &str = "appeals-by-help";
    pub const MIGRATION_REASONS: &str = "migration-reasons";
    pub const SECTORS: &str = "sectors";
    pub const WAGES_BY_OCCUPATION: &str = "wages-by-occupation";
    pub const VICTIMS_ASSISTED: &str = "victims-assisted";
    pub const REPATRIATED_BY_CITIZENSHIP: &str = "repatriated-by-citizenship";
    pub const SERVICES_BY_KIND: &str = "services-by-kind";
    pub const WAGES_RECOVERED: &str = "wages-recovered";
    pub const PROCEEDINGS_BY_OUTCOME: &str = "proceedings-by-outcome";
    pub const INDICATOR_PREVALENCE: &str = "indicator-prevalence";
    pub const INDICATOR_TAGS: &str = "indicator-tags";

    pub const ALL: [&str; 15] = [
        APPEALS_TOTAL,
        APPEALS_BY_MONTH,
        APPEALS_BY_CHANNEL,
        APPEALS_BY_TOPIC,
        APPEALS_BY_HELP,
        MIGRATION_REASONS,
        SECTORS,
        WAGES_BY_OCCUPATION,
        VICTIMS_ASSISTED,
        REPATRIATED_BY_CITIZENSHIP,
        SERVICES_BY_KIND,
        WAGES_RECOVERED,
        PROCEEDINGS_BY_OUTCOME,
        INDICATOR_PREVALENCE,
        INDICATOR_TAGS,
    ];
}

/// The stable ids of columns.
pub mod column {
    pub const APPEALS: &str = "appeals";
    pub const SHARE: &str = "share";
    pub const AVERAGE_KZT: &str = "average-kzt";
    pub const AVERAGE_USD: &str = "average-usd";
    pub const PERSONS: &str = "persons";
    pub const SERVICES: &str = "services";
    pub const CLAIMED: &str = "claimed";
    pub const RECOVERED: &str = "recovered";
    pub const PROCEEDINGS: &str = "proceedings";
    pub const ASSESSED: &str = "assessed";
    pub const YES: &str = "yes";
}

/// A report for a period and an office (or the whole organisation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    /// `None`: every office.
    pub office: Option<OfficeId>,
    /// Nothing at all happened in the period: every table is empty.
    pub empty: bool,
    /// Rates the report needed and does not have; the cells they were for are
    /// [`Cell::Missing`], the rest of the report stands.
    pub missing_rates: Vec<MissingRate>,
    /// Every table, always all of them and in the order of [`table::ALL`].
    pub tables: Vec<Table>,
}

impl Report {
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// "No rate for USD on 2008-01-01": add one valid from that day or earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MissingRate {
    pub currency: Currency,
    pub on: NaiveDate,
}

/// One table: rows of labelled, typed cells under named columns. Its title is the Fluent
/// message `report-table-{id}`, each column's `report-column-{id}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub id: &'static str,
    /// Where the row labels come from.
    pub labels: Labels,
    pub columns: Vec<Column>,
    /// Empty when there is nothing to count.
    pub rows: Vec<TableRow>,
    /// For tables of answers some records do not give (reasons, sectors): how many records of
    /// the period gave none. Shares are of those that gave one.
    pub unstated: Option<u64>,
}

impl Table {
    fn new(id: &'static str, labels: Labels, columns: Vec<Column>) -> Self {
        Self { id, labels, columns, rows: Vec::new(), unstated: None }
    }

    /// The row with this label.
    pub fn row(&self, label: &Label) -> Option<&TableRow> {
        self.rows.iter().find(|r| &r.label == label)
    }

    /// The cell of a row — named by its code, its group's code, "total", or "YYYY-MM" for a
    /// month — in a column (by its id).
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        let at = self.columns.iter().position(|c| c.id == column)?;
        let row = self.rows.iter().find(|r| match &r.label {
            Label::Code(code) => code == row,
            Label::Group(code) => *code == row,
            Label::Total => row == "total",
            Label::Month(m) => format!("{:04}-{:02}", m.year, m.month) == row,
        })?;
        row.cells.get(at)
    }

    /// A count in a row and column, if that cell is a count.
    pub fn count(&self, row: &str, column: &str) -> Option<u64> {
        match self.cell(row, column)? {
            Cell::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// The Fluent message id of a row's label.
    pub fn label_id(&self, label: &Label) -> Option<String> {
        match (label, self.labels) {
            (Label::Code(code), Labels::Lookup(list)) => Some(format!("lookup-{list}-{code}")),
            (Label::Code(code), Labels::Indicators) => Some(format!("indicator-{code}")),
            (Label::Code(code), Labels::IndicatorTags) => Some(format!("indicator-tag-{code}")),
            (Label::Group(code), _) => Some(format!("report-group-{code}")),
            (Label::Total, _) => Some("report-total".to_owned()),
            // Months are dates and currencies are codes: shown as they are.
            _ => None,
        }
    }
}

/// What the label column of a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Labels {
    /// Codes of the lookup list with this name (`lookups::LookupList::name`).
    Lookup(&'static str),
    /// Calendar months.
    Months,
    /// Indicator codes of the graded ILO catalogues.
    Indicators,
    /// Codes of the eleven ILO indicators ([`Eleven`]).
    IndicatorTags,
    /// ISO currency codes.
    Currencies,
    /// A single row of totals.
    Total,
}

/// A row's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// A code of the table's kind of label.
    Code(String),
    /// One of [`TOPIC_GROUPS`].
    Group(&'static str),
    Month(YearMonth),
    /// The rows above together.
    Total,
}

/// A column: its stable id and what its cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Column {
    pub id: &'static str,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    Count,
    Share,
    /// Money in this currency, or in the row's own currency when `None`.
    Money(Option<Currency>),
}

/// A labelled row of cells, one per column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    pub label: Label,
    pub cells: Vec<Cell>,
}

/// One figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cell {
    Count(u64),
    Share(Share),
    Money(Money),
    /// Cannot be worked out: a rate is missing (see [`Report::missing_rates`]).
    Missing,
    /// Beyond what a figure can show: amounts summed past 2^63 − 1 minor units, which only
    /// amounts entered before they were bounded can reach. Shown as "too large", never wrapped.
    TooLarge,
}

const fn col(id: &'static str, kind: ColumnKind) -> Column {
    Column { id, kind }
}

// ---------------------------------------------------------------------------------------
// What the database counts

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
    }
}

/// Codes with their counts in the list's order, codes not in the list (an organisation's own)
/// after them alphabetically, zeros left out.
fn in_list_order(list: &LookupList, counts: BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let position = |code: &str| list.codes.iter().position(|c| *c == code).unwrap_or(usize::MAX);
    let mut rows: Vec<(String, u64)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    rows.sort_by(|a, b| position(&a.0).cmp(&position(&b.0)).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn add(counts: &mut BTreeMap<String, u64>, code: &str, n: u64) {
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
fn counted_with_total(list: &LookupList, counts: BTreeMap<String, u64>) -> Vec<TableRow> {
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

    missing.sort_by_key(|c| c.code());
    missing.dedup();
    Report {
        period,
        office,
        empty: figures.is_empty(),
        missing_rates: missing.into_iter().map(|currency| MissingRate { currency, on: rates.on }).collect(),
        tables: vec![
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
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn usd_2008() -> Rates {
        let rates = [
            ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 },
            ExchangeRate { currency: Currency::USD, valid_from: day(2009, 1, 1), tenge_per_unit_minor: 14_750 },
        ];
        Rates::in_force(&rates, day(2008, 1, 1))
    }

    fn kzt_wages(appeals: u64, each_tenge: i64) -> WageSums {
        WageSums { appeals, sums: vec![(Currency::KZT, i128::from(each_tenge) * 100 * i128::from(appeals))] }
    }

    #[test]
    fn periods_are_years_quarters_months_or_any_run_of_days() {
        let year = Period::year(2008).unwrap();
        assert_eq!((year.from(), year.to(), year.days()), (day(2008, 1, 1), day(2008, 12, 31), 366));
        assert_eq!(year.kind(), PeriodKind::Year(2008));
        assert_eq!(year.months().len(), 12);
        let q = Period::quarter(2008, 4).unwrap();
        assert_eq!((q.from(), q.to(), q.kind()), (day(2008, 10, 1), day(2008, 12, 31), PeriodKind::Quarter(2008, 4)));
        let feb = Period::month(2008, 2).unwrap();
        assert_eq!((feb.to(), feb.kind(), feb.end()), (day(2008, 2, 29), PeriodKind::Month(2008, 2), day(2008, 3, 1)));
        let custom = Period::custom(day(2008, 1, 15), day(2008, 3, 10)).unwrap();
        assert_eq!(custom.kind(), PeriodKind::Custom);
        let months = custom.months();
        assert_eq!(months.len(), 3);
        assert_eq!((months[0].from, months[0].to), (day(2008, 1, 15), day(2008, 1, 31)));
        assert_eq!((months[2].from, months[2].to), (day(2008, 3, 1), day(2008, 3, 10)));
        let one_day = Period::custom(day(2008, 5, 1), day(2008, 5, 1)).unwrap();
        assert_eq!((one_day.days(), one_day.months().len()), (1, 1));
    }

    #[test]
    fn a_reversed_range_or_an_impossible_period_is_refused_with_its_field() {
        let err = Period::custom(day(2008, 12, 31), day(2008, 1, 1)).unwrap_err();
        assert_eq!(err, PeriodError::Reversed { from: day(2008, 12, 31), to: day(2008, 1, 1) });
        assert_eq!(err.to_string(), "the period ends on 2008-01-01, before it starts on 2008-12-31");
        assert_eq!(ValidationError::from(err).field(), "to");
        assert_eq!(Period::month(2008, 13).unwrap_err().field(), "month");
        assert_eq!(Period::quarter(2008, 0).unwrap_err().field(), "quarter");
        assert_eq!(Period::year(99_999).unwrap_err().field(), "year");
        // A period read from a form or from JSON goes through the same check.
        let fields = PeriodFields { from: day(2008, 12, 31), to: day(2008, 1, 1) };
        assert!(Period::try_from(fields).is_err());
    }

    #[test]
    fn shares_keep_part_and_whole_and_round_halves_up_for_display() {
        assert_eq!(Share::new(860, 2_000).percent(), Some(43));
        assert_eq!(Share::new(1, 8).percent(), Some(13), "12.5 % shows as 13 %");
        assert_eq!(Share::new(1, 40).percent(), Some(3), "2.5 % shows as 3 %");
        assert_eq!(Share::new(1, 3).basis_points(), Some(3_333));
        assert_eq!(Share::new(2, 3).basis_points(), Some(6_667));
        assert_eq!(Share::new(0, 0).percent(), None);
        assert_eq!(round_half_up(-5, 2), Some(-3));
        assert_eq!(round_half_up(5, -2), Some(-3));
        assert_eq!(round_half_up(1, 0), None);
    }

    #[test]
    fn the_seed_wage_table_at_150_tenge_a_dollar() {
        let rates = usd_2008();
        let (handyman, missing) = average_wage(&kzt_wages(247, 18_000), &rates);
        assert!(missing.is_empty());
        assert_eq!(handyman.tenge, Some(Money::from_major(18_000, Currency::KZT)));
        assert_eq!(handyman.dollars, Some(Money { minor: 12_000, currency: Currency::USD }), "$120.00");
        let (foreman, _) = average_wage(&kzt_wages(66, 40_000), &rates);
        assert_eq!(foreman.dollars, Some(Money { minor: 26_667, currency: Currency::USD }), "$266.67");
        assert_eq!(one_decimal_truncated(foreman.dollars.unwrap()), "266.6");
        for (tenge, seed) in
            [(20_000, "133.3"), (25_000, "166.6"), (10_000, "66.6"), (22_000, "146.6"), (18_000, "120.0")]
        {
            let (avg, _) = average_wage(&kzt_wages(3, tenge), &rates);
            assert_eq!(one_decimal_truncated(avg.dollars.unwrap()), seed, "{tenge} tenge");
        }
    }

    #[test]
    fn an_average_is_taken_once_from_the_exact_sum() {
        // 10,000.01 + 10,000.00 + 10,000.00 tenge: the average is 10,000.00 (33.333… tiyn over).
        let sums = WageSums { appeals: 3, sums: vec![(Currency::KZT, 3_000_001)] };
        let (avg, _) = average_wage(&sums, &usd_2008());
        assert_eq!(avg.tenge, Some(Money { minor: 1_000_000, currency: Currency::KZT }));
        assert_eq!(avg.dollars, Some(Money { minor: 6_667, currency: Currency::USD }));
        // A wage stated in dollars is converted at the same rate: $100 and 15,000 tenge average
        // 15,000 tenge, $100.
        let mixed = WageSums { appeals: 2, sums: vec![(Currency::KZT, 1_500_000), (Currency::USD, 10_000)] };
        let (avg, missing) = average_wage(&mixed, &usd_2008());
        assert!(missing.is_empty());
        assert_eq!(avg.tenge, Some(Money::from_major(15_000, Currency::KZT)));
        assert_eq!(avg.dollars, Some(Money::from_major(100, Currency::USD)));
    }

    #[test]
    fn a_missing_rate_is_named_and_only_its_figures_are_missing() {
        let none = Rates::in_force(&[], day(2008, 1, 1));
        let (avg, missing) = average_wage(&kzt_wages(2, 18_000), &none);
        assert_eq!(avg.tenge, Some(Money::from_major(18_000, Currency::KZT)));
        assert_eq!((avg.dollars, missing), (None, vec![Currency::USD]));
        let rub = WageSums { appeals: 1, sums: vec![(Currency::RUB, 1_000_000)] };
        let (avg, missing) = average_wage(&rub, &usd_2008());
        assert_eq!((avg.tenge, avg.dollars, missing), (None, None, vec![Currency::RUB]));
    }

    #[test]
    fn the_rate_in_force_is_the_latest_started_on_or_before_the_day() {
        let rates = [
            ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 },
            ExchangeRate { currency: Currency::USD, valid_from: day(2009, 1, 1), tenge_per_unit_minor: 14_750 },
            ExchangeRate { currency: Currency::RUB, valid_from: day(2008, 6, 1), tenge_per_unit_minor: 500 },
        ];
        let in_2008 = Rates::in_force(&rates, day(2008, 12, 31));
        assert_eq!(in_2008.tenge_per_unit_minor(Currency::USD), Some(15_000));
        assert_eq!(in_2008.tenge_per_unit_minor(Currency::RUB), Some(500));
        assert_eq!(Rates::in_force(&rates, day(2009, 1, 1)).tenge_per_unit_minor(Currency::USD), Some(14_750));
        assert_eq!(Rates::in_force(&rates, day(2008, 5, 31)).tenge_per_unit_minor(Currency::RUB), None);
        assert_eq!(Rates::in_force(&rates, day(2007, 12, 31)).tenge_per_unit_minor(Currency::USD), None);
        assert_eq!(in_2008.tenge_per_unit_minor(Currency::KZT), Some(100));
        assert_eq!(
            in_2008.convert(Money::from_major(300_000, Currency::KZT), Currency::USD),
            Some(Money::from_major(2_000, Currency::USD))
        );
        assert_eq!(
            in_2008.convert(Money::from_major(1_000, Currency::RUB), Currency::KZT),
            Some(Money::from_major(5_000, Currency::KZT))
        );
    }

    #[test]
    fn a_rate_must_be_positive_and_not_for_the_tenge() {
        let rate = ExchangeRate { currency: Currency::USD, valid_from: day(2008, 1, 1), tenge_per_unit_minor: 15_000 };
        assert!(rate.validate().is_empty());
        assert_eq!(rate.tenge_per_unit().to_string(), "150 ₸");
        let fields = |r: ExchangeRate| r.validate().iter().map(|e| e.field()).collect::<Vec<_>>();
        assert_eq!(fields(ExchangeRate { tenge_per_unit_minor: 0, ..rate }), vec!["rate"]);
        assert_eq!(fields(ExchangeRate { currency: Currency::KZT, ..rate }), vec!["currency"]);
    }

    fn group(channel: &str, sector: Option<&str>, reason: Option<&str>, appeals: u64) -> AppealGroup {
        AppealGroup {
            channel: channel.into(),
            sector: sector.map(Into::into),
            reason: reason.map(Into::into),
            appeals,
            ..Default::default()
        }
    }

    fn set(topics: &[&str], help: &[&str], appeals: u64) -> TopicSet {
        TopicSet {
            topics: topics.iter().map(|t| t.to_string()).collect(),
            help: help.iter().map(|h| h.to_string()).collect(),
            appeals,
        }
    }

    #[test]
    fn nothing_counted_gives_every_table_empty_and_says_so() {
        let report = build(Period::year(2030).unwrap(), None, &Figures::default(), &usd_2008());
        assert!(report.empty);
        assert_eq!(report.tables.iter().map(|t| t.id).collect::<Vec<_>>(), table::ALL);
        assert!(report.tables.iter().all(|t| t.rows.is_empty()), "{report:?}");
        assert!(report.missing_rates.is_empty(), "no wages, no rate needed");
    }

    #[test]
    fn appeals_are_counted_once_per_topic_and_once_per_group() {
        let figures = Figures {
            appeal_groups: vec![
                group("hotline-phone", Some("construction"), Some("economic"), 6),
                group("walk-in", Some("agriculture"), None, 3),
                group("walk-in", None, Some("family"), 1),
            ],
            topic_sets: vec![
                set(&["employment", "registration"], &["legal-consultation"], 4),
                set(&["citizenship", "employment-contract"], &[], 2),
                set(&["private-matter"], &["information", "legal-consultation"], 3),
                set(&["custom-topic"], &[], 1),
            ],
            ..Default::default()
        };
        let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
        assert!(!report.empty);
        let t = |id| report.table(id).unwrap();
        assert_eq!(t(table::APPEALS_TOTAL).count("total", column::APPEALS), Some(10));
        let topics = t(table::APPEALS_BY_TOPIC);
        assert_eq!(topics.count("employment", column::APPEALS), Some(4));
        assert_eq!(topics.count("employment-contract", column::APPEALS), Some(2));
        assert_eq!(topics.count("custom-topic", column::APPEALS), Some(1));
        assert_eq!(topics.count("employment-contracts-registration", column::APPEALS), Some(6), "4 + 2, each once");
        assert_eq!(topics.count("citizenship-residence", column::APPEALS), Some(2));
        assert_eq!(topics.count("private-matters", column::APPEALS), Some(3));
        assert_eq!(topics.count("legal-consultations", column::APPEALS), Some(7));
        // Known codes in the list's order, an organisation's own after them, then the groups.
        let labels: Vec<&Label> = topics.rows.iter().map(|r| &r.label).collect();
        assert_eq!(labels[0], &Label::Code("employment".into()));
        assert_eq!(labels[5], &Label::Code("custom-topic".into()));
        assert_eq!(labels[6], &Label::Group("employment-contracts-registration"));
        assert_eq!(topics.label_id(labels[0]).as_deref(), Some("lookup-topic-employment"));
        assert_eq!(t(table::APPEALS_BY_HELP).count("legal-consultation", column::APPEALS), Some(7));
        let channels = t(table::APPEALS_BY_CHANNEL);
        assert_eq!(channels.cell("walk-in", column::SHARE), Some(&Cell::Share(Share::new(4, 10))));
        // Sectors as shares of the 9 appeals that named one; the tenth is unstated.
        let sectors = t(table::SECTORS);
        assert_eq!(sectors.cell("construction", column::SHARE), Some(&Cell::Share(Share::new(6, 9))));
        assert_eq!(sectors.unstated, Some(1));
        let reasons = t(table::MIGRATION_REASONS);
        assert_eq!(reasons.cell("family", column::SHARE), Some(&Cell::Share(Share::new(1, 7))));
        assert_eq!(reasons.unstated, Some(3));
    }

    #[test]
    fn wages_are_averaged_per_occupation_and_a_missing_dollar_rate_is_reported() {
        let wage = |occupation: &str, currency, wages, sum| AppealGroup {
            channel: "hotline-phone".into(),
            occupation: Some(occupation.into()),
            wage_currency: Some(currency),
            appeals: wages + 1,
            wages,
            wage_sum: sum,
            ..Default::default()
        };
        let figures = Figures {
            appeal_groups: vec![
                wage("foreman", Currency::KZT, 2, 8_000_000),
                wage("handyman", Currency::KZT, 1, 1_700_000),
                wage("handyman", Currency::KZT, 1, 1_900_000),
            ],
            ..Default::default()
        };
        let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
        let wages = report.table(table::WAGES_BY_OCCUPATION).unwrap();
        assert_eq!(wages.rows[0].label, Label::Code("handyman".into()), "the list's order");
        assert_eq!(wages.count("handyman", column::APPEALS), Some(2));
        assert_eq!(
            wages.cell("handyman", column::AVERAGE_KZT),
            Some(&Cell::Money(Money::from_major(18_000, Currency::KZT)))
        );
        assert_eq!(
            wages.cell("foreman", column::AVERAGE_USD),
            Some(&Cell::Money(Money { minor: 26_667, currency: Currency::USD }))
        );
        assert!(report.missing_rates.is_empty());

        let no_rates = Rates::in_force(&[], day(2008, 1, 1));
        let report = build(Period::year(2008).unwrap(), None, &figures, &no_rates);
        assert_eq!(report.missing_rates, vec![MissingRate { currency: Currency::USD, on: day(2008, 1, 1) }]);
        let wages = report.table(table::WAGES_BY_OCCUPATION).unwrap();
        assert_eq!(wages.cell("foreman", column::AVERAGE_USD), Some(&Cell::Missing));
        assert_eq!(
            wages.cell("foreman", column::AVERAGE_KZT),
            Some(&Cell::Money(Money::from_major(40_000, Currency::KZT)))
        );
    }

    #[test]
    fn case_tables_list_codes_with_a_total_and_indicators_as_shares_of_those_assessed() {
        let figures = Figures {
            victims: vec![("identified".into(), 40), ("presumed".into(), 2)],
            repatriated: vec![("IL".into(), 1), ("UZ".into(), 27), ("KZ".into(), 1)],
            services: vec![("repatriation".into(), 29)],
            recovered: vec![Recovered {
                currency: Currency::KZT,
                claimed: 30_000_000,
                recovered: 15_000_000,
                services: 1,
            }],
            proceedings: vec![("sentence".into(), 1)],
            assessed: vec![("ilo-2012-forced-labour".into(), 4)],
            assessed_persons: 4,
            indicators_yes: vec![("fl-p-confiscation-documents".into(), 3)],
            tags_yes: vec![("retention-of-documents".into(), 3)],
            ..Default::default()
        };
        let report = build(Period::year(2008).unwrap(), None, &figures, &usd_2008());
        let t = |id| report.table(id).unwrap();
        assert_eq!(t(table::VICTIMS_ASSISTED).count("total", column::PERSONS), Some(42));
        let repatriated = t(table::REPATRIATED_BY_CITIZENSHIP);
        let order: Vec<&Label> = repatriated.rows.iter().map(|r| &r.label).collect();
        assert_eq!(
            order,
            [&Label::Code("UZ".into()), &Label::Code("KZ".into()), &Label::Code("IL".into()), &Label::Total]
        );
        assert_eq!(repatriated.count("total", column::PERSONS), Some(29));
        assert_eq!(t(table::PROCEEDINGS_BY_OUTCOME).count("sentence", column::PROCEEDINGS), Some(1));
        let recovered = t(table::WAGES_RECOVERED);
        assert_eq!(
            recovered.cell("KZT", column::RECOVERED),
            Some(&Cell::Money(Money::from_major(150_000, Currency::KZT)))
        );
        let prevalence = t(table::INDICATOR_PREVALENCE);
        let fl = crate::indicators::FORCED_LABOUR.indicators.len();
        assert_eq!(prevalence.rows.len(), fl, "every indicator of the catalogue used, zeros too");
        assert_eq!(prevalence.cell("fl-p-confiscation-documents", column::SHARE), Some(&Cell::Share(Share::new(3, 4))));
        let tags = t(table::INDICATOR_TAGS);
        assert_eq!(tags.rows.len(), 11);
        assert_eq!(tags.count("retention-of-documents", column::YES), Some(3));
        assert_eq!(tags.count("deception", column::YES), Some(0));
    }
}
