//! The shape of a report: named tables with stable ids, typed cells under named columns,
//! labelled rows, and the seed's groups of topics.
//!
//! Must not work out a figure: the tables are filled by [`super::build`].

use chrono::NaiveDate;
use serde::Serialize;

use super::{Period, Share, YearMonth};
use crate::{Currency, Money, OfficeId};

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
    pub const VICTIMS_BY_SEX: &str = "victims-by-sex";
    pub const VICTIMS_BY_AGE_BAND: &str = "victims-by-age-band";
    pub const VICTIMS_BY_CITIZENSHIP: &str = "victims-by-citizenship";
    pub const REFERRALS_SENT_BY_PARTNER_KIND: &str = "referrals-sent-by-partner-kind";
    pub const REFERRALS_SENT_BY_STATUS: &str = "referrals-sent-by-status";
    pub const REFERRALS_SENT_BY_PARTNER: &str = "referrals-sent-by-partner";
    pub const REFERRALS_RECEIVED_BY_PARTNER_KIND: &str = "referrals-received-by-partner-kind";
    pub const REFERRALS_RECEIVED_BY_STATUS: &str = "referrals-received-by-status";
    pub const REFERRALS_RECEIVED_BY_PARTNER: &str = "referrals-received-by-partner";
    pub const REFERRAL_REPLY_DAYS: &str = "referral-reply-days";
    pub const VISITS_BY_DISTRICT: &str = "visits-by-district";
    pub const VISITS_BY_PLACE_KIND: &str = "visits-by-place-kind";
    pub const VISITS_BY_MONTH: &str = "visits-by-month";
    pub const VIOLATIONS_BY_KIND: &str = "violations-by-kind";

    /// Tables for staff only, never in a public or private release: they name partner
    /// organisations, and a shelter's name next to a count of one or two tells anyone looking
    /// for a victim where to look. The public sees referrals by partner kind.
    pub const STAFF_ONLY: [&str; 2] = [REFERRALS_SENT_BY_PARTNER, REFERRALS_RECEIVED_BY_PARTNER];

    pub const ALL: [&str; 29] = [
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
        VICTIMS_BY_SEX,
        VICTIMS_BY_AGE_BAND,
        VICTIMS_BY_CITIZENSHIP,
        REFERRALS_SENT_BY_PARTNER_KIND,
        REFERRALS_SENT_BY_STATUS,
        REFERRALS_SENT_BY_PARTNER,
        REFERRALS_RECEIVED_BY_PARTNER_KIND,
        REFERRALS_RECEIVED_BY_STATUS,
        REFERRALS_RECEIVED_BY_PARTNER,
        REFERRAL_REPLY_DAYS,
        VISITS_BY_DISTRICT,
        VISITS_BY_PLACE_KIND,
        VISITS_BY_MONTH,
        VIOLATIONS_BY_KIND,
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
    pub const REFERRALS: &str = "referrals";
    pub const REPLIED: &str = "replied";
    /// Whole days from sending to the first answer, the median of those answered.
    pub const MEDIAN_DAYS: &str = "median-days";
    pub const AWAITING: &str = "awaiting";
    pub const VISITS: &str = "visits";
    pub const PEOPLE_MET: &str = "people-met";
    pub const MINORS_MET: &str = "minors-met";
    /// Violations recorded: one per kind per visit.
    pub const VIOLATIONS: &str = "violations";
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
    pub(super) fn new(id: &'static str, labels: Labels, columns: Vec<Column>) -> Self {
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
            // Months are dates, currencies codes and partners names: shown as they are.
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
    /// Codes of the eleven ILO indicators ([`Eleven`](crate::indicators::Eleven)).
    IndicatorTags,
    /// ISO currency codes.
    Currencies,
    /// A single row of totals.
    Total,
    /// Names of partner organisations, shown as they are.
    Partners,
}

impl Labels {
    /// The Fluent message id of the label column's header ("Occupation"); none for a table
    /// of one total row.
    pub fn header_id(self) -> Option<String> {
        Some(match self {
            Self::Lookup(list) => format!("report-rows-{list}"),
            Self::Months => "report-rows-months".to_owned(),
            Self::Indicators => "report-rows-indicators".to_owned(),
            Self::IndicatorTags => "report-rows-indicator-tags".to_owned(),
            Self::Currencies => "report-rows-currencies".to_owned(),
            Self::Partners => "report-rows-partners".to_owned(),
            Self::Total => return None,
        })
    }
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
    /// Nothing to work it out from: the median days to a reply when no reply came.
    Empty,
    /// Beyond what a figure can show: amounts summed past 2^63 − 1 minor units, which only
    /// amounts entered before they were bounded can reach. Shown as "too large", never wrapped.
    TooLarge,
}

pub(super) const fn col(id: &'static str, kind: ColumnKind) -> Column {
    Column { id, kind }
}
