//! The period a report covers: a year, a quarter, a month or any run of days, and the calendar
//! months it touches.
//!
//! Must not count anything: a period only says which days are in.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ValidationError;
use crate::rules::{FIRST_YEAR, LAST_YEAR};

/// The days a report covers: `from` and `to` both included, `from` never after `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PeriodFields")]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Deserialize)]
pub(super) struct PeriodFields {
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
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

pub(super) fn check_year(year: i32) -> Result<(), PeriodError> {
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
    /// The month of its code, "YYYY-MM" (as tables name their month rows); `None` for
    /// anything else.
    pub fn parse(code: &str) -> Option<Self> {
        let (year, month) = code.split_once('-')?;
        let month = Self { year: year.parse().ok()?, month: month.parse().ok()? };
        month.first_day().ok().map(|_| month)
    }

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
