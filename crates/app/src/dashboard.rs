//! The figures on the first page a staff member sees: aggregates only, no identifying data.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use komek_store::repo;

use crate::{Actor, App, AppResult};

/// Every figure is an index range count, so the page costs the same with a thousand
/// appeals or a million (totals over the whole register belong to the reports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    pub appeals_today: i64,
    pub appeals_this_month: i64,
    pub appeals_this_year: i64,
    pub open_cases: i64,
    /// The actor's own follow-ups due today or earlier.
    pub my_follow_ups_due: i64,
    /// Referrals of the office sent and still unanswered past the day a reply was due.
    pub replies_overdue: i64,
    /// When the newest appeal in reach was received.
    pub last_appeal_at: Option<chrono::DateTime<Utc>>,
}

impl App {
    /// Counts for the actor's office (all offices for roles that see the whole organisation),
    /// with days and months as the office's clock has them at `now`.
    pub fn dashboard(&self, actor: &Actor, now: DateTime<Utc>) -> AppResult<Dashboard> {
        let office = actor.office_scope(None);
        let clock = self.office_clock(actor)?;
        let today = now.with_timezone(&clock).date_naive();
        let start_of = |d: NaiveDate| crate::clock::start_of_day(clock, d);
        let month_start = today.with_day(1).expect("the first of a month exists");
        let year_start = month_start.with_month(1).expect("January exists");
        let tomorrow = today.succ_opt().expect("a next day exists");
        Ok(self.store.read(|tx| {
            Ok(Dashboard {
                appeals_today: repo::appeals::count_received(tx, office, start_of(today), start_of(tomorrow))?,
                appeals_this_month: repo::appeals::count_received(
                    tx,
                    office,
                    start_of(month_start),
                    start_of(tomorrow),
                )?,
                appeals_this_year: repo::appeals::count_received(tx, office, start_of(year_start), start_of(tomorrow))?,
                open_cases: repo::cases::count_open(tx, office)?,
                my_follow_ups_due: match actor.account_id() {
                    Some(id) => repo::appeals::count_follow_ups_due(tx, id, today)?,
                    None => 0,
                },
                replies_overdue: repo::referrals::count_waiting_past_due(tx, office, today)?,
                last_appeal_at: repo::appeals::recent(tx, office, 1)?.first().map(|a| a.received_at),
            })
        })?)
    }
}
