//! The figures on the first page a staff member sees: aggregates only, no identifying data.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use komek_store::repo;

use crate::{Actor, App, AppResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    pub appeals_today: i64,
    pub appeals_this_month: i64,
    pub appeals_all: i64,
    pub open_cases: i64,
    pub persons: i64,
    /// The actor's own follow-ups due today or earlier.
    pub my_follow_ups_due: i64,
}

impl App {
    /// Counts for the actor's office (all offices for roles that see the whole organisation).
    pub fn dashboard(&self, actor: &Actor, today: NaiveDate) -> AppResult<Dashboard> {
        let office = match actor.role() {
            komek_domain::Role::Administrator | komek_domain::Role::Manager | komek_domain::Role::Analyst => None,
            _ => actor.office_id(),
        };
        let start_of = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"));
        let month_start = today.with_day(1).expect("the first of a month exists");
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
                appeals_all: repo::appeals::count_received(tx, office, start_of(NaiveDate::MIN), start_of(tomorrow))?,
                open_cases: repo::cases::count_open(tx, office)?,
                persons: repo::persons::count(tx)?,
                my_follow_ups_due: match actor.account_id() {
                    Some(id) => repo::appeals::count_follow_ups_due(tx, id, today)?,
                    None => 0,
                },
            })
        })?)
    }
}
