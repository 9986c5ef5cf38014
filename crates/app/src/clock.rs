//! The office's clock: the time zone an office keeps, "today" on it, and the instant its day
//! begins. Days that staff see and type (an appeal's day, a task's due day, a report's
//! period) are days on their office's clock, not the server's.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use komek_store::{StoreError, Tx, repo};

use crate::{Actor, App, AppResult};

/// Kazakhstan's single time zone since March 2024, for actors without an office.
pub const DEFAULT_UTC_OFFSET_MINUTES: i32 = 300;

/// The clock `minutes` east of UTC (UTC itself for an offset no clock has).
pub fn of_offset(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).unwrap_or(FixedOffset::east_opt(0).expect("UTC is an offset"))
}

/// Midnight of `day` on the office's clock, in UTC (at the ends of the calendar, where the
/// shift would leave it, the day's UTC midnight).
pub fn start_of_day(clock: FixedOffset, day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    clock.from_local_datetime(&midnight).single().map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

impl App {
    /// The time zone of the actor's office (Kazakhstan's for the system).
    pub fn office_clock(&self, actor: &Actor) -> AppResult<FixedOffset> {
        Ok(self.store.read(|tx| office_clock_in(tx, actor))?)
    }

    /// Today on the actor's office clock: the day tasks fall due and cases close.
    pub fn today(&self, actor: &Actor) -> AppResult<NaiveDate> {
        Ok(Utc::now().with_timezone(&self.office_clock(actor)?).date_naive())
    }
}

/// The actor's office clock, inside a transaction already open.
pub(crate) fn office_clock_in(tx: &mut dyn Tx, actor: &Actor) -> Result<FixedOffset, StoreError> {
    let minutes = match actor.office_id() {
        Some(office) => repo::offices::get(tx, office)?.utc_offset_minutes,
        None => DEFAULT_UTC_OFFSET_MINUTES,
    };
    Ok(of_offset(minutes))
}
