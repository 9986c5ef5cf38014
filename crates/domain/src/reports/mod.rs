//! Reports: the statistics the organisation publishes, for any period and office, as one
//! structure that every consumer walks — the page, CSV, XLSX, the printable page and the
//! open-data release. The tables are those of the seed organisation's 2008 annual report:
//! appeals by topic, help given, channel and month; reasons for migrating and sectors of work
//! as shares; average wage by occupation in tenge and dollars; victims assisted, repatriations
//! by citizenship, services by kind and wages recovered; proceedings by outcome; and the
//! prevalence of the ILO indicators among the persons assessed; and, beyond the seed's report,
//! victims by sex, age band and citizenship, referrals sent and received by partner kind,
//! status and partner, and the median days partners took to answer those sent; and the
//! mobile group's monitoring visits, people met and violations found by district, kind of
//! place and month.
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
//! Must not do I/O.
//!
//! Layout: `period`, `arithmetic` (shares, rounding), `rates` (exchange rates, average wages),
//! `shape` (what a report is made of), `figures` (what the database counts, and [`build`]) and
//! `referrals` (the referral tables and the median days to a reply), `visits` (the mobile
//! group's tables).

mod arithmetic;
mod figures;
mod period;
mod rates;
mod referrals;
mod shape;
#[cfg(test)]
mod tests;
mod visits;

pub use arithmetic::{Share, one_decimal_truncated, round_half_up};
pub use figures::{AppealGroup, Figures, Recovered, TopicSet, VictimProfile, build};
pub use period::{MonthSpan, Period, PeriodError, PeriodKind, YearMonth};
pub use rates::{ExchangeRate, MAX_TENGE_PER_UNIT_MINOR, Rates, WageAverage, WageSums, average_wage};
pub use referrals::{ReferralGroup, ReplyDays, median_days};
pub use shape::{
    Cell, Column, ColumnKind, Label, Labels, MissingRate, Report, TOPIC_GROUPS, Table, TableRow, TopicGroup, column,
    table,
};
pub use visits::{VISIT_COLUMNS, VISIT_TABLES, VisitGroup};
