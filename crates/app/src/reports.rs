//! Reports for a period and an office, and the exchange rates they convert wages with.
//!
//! A report is counted afresh from the records each time it is asked for: the store
//! aggregates in the database, the domain (`komek_domain::reports`) builds the tables. Only
//! roles that see reports get one; office-bound staff get their own office's. A report holds
//! no identifying data, so an analyst (who never sees any) may read every figure. Each report
//! produced is audited with its period and office.
//!
//! What the periods mean:
//! - appeals count by the moment they were received, on the office's calendar (the office
//!   reported on, or the reader's own for the whole organisation): a year of Shymkent is
//!   from its midnight of 1 January;
//! - victims assisted are the persons presumed or identified as victims in the cases opened
//!   in the period, each person once (at the strongest standing they have in those cases).
//!   A case's victims belong to the period it was opened in, as a case belongs to its year of
//!   registration: a year's quarters add up to it, and someone whose case opened in December
//!   and who was brought home in January is assisted in the first year, repatriated in the
//!   second;
//! - repatriations, other services and wages recovered count by the day they were delivered,
//!   proceedings by the day they were decided, indicator prevalence by the day of the
//!   assessment (each person's latest of the period in each catalogue);
//! - case work belongs to the office of its case;
//! - referrals count by the day they went out or came in, in the office that made them;
//! - monitoring visits count by the day they were made (visits planned or cancelled met
//!   nobody), in the office whose mobile group made them.

use chrono::{FixedOffset, NaiveDate};
use komek_domain::reports::{self, ExchangeRate, Period, Rates, Report};
use komek_domain::{Capability, Currency, OfficeId, ValidationError};
use komek_store::repo;
use komek_store::repo::reports::Scope;

use crate::audit::{Action, Event};
use crate::clock::start_of_day;
use crate::{Actor, App, AppError, AppResult};

/// What a report is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportQuery {
    pub period: Period,
    /// `None`: the whole organisation. Office-bound staff always get their own office.
    pub office: Option<OfficeId>,
}

impl ReportQuery {
    /// A report over any run of days, as typed in a form: a reversed range is refused with the
    /// `to` field named.
    pub fn custom(from: NaiveDate, to: NaiveDate, office: Option<OfficeId>) -> AppResult<Self> {
        let period = Period::custom(from, to).map_err(|e| AppError::Invalid(vec![e.into()]))?;
        Ok(Self { period, office })
    }
}

fn office_unknown() -> AppError {
    AppError::Invalid(vec![ValidationError::Invalid { field: "office" }])
}

fn clock_of(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).unwrap_or(FixedOffset::east_opt(0).expect("UTC is an offset"))
}

impl App {
    /// The report for a period and an office (or all offices). An unknown office is refused
    /// with the `office` field named; a period with nothing in it gives a report whose tables
    /// are all empty and which says so (`empty`); a missing exchange rate leaves the figures
    /// that needed it missing and is named in `missing_rates`.
    pub fn report(&self, actor: &Actor, query: &ReportQuery) -> AppResult<Report> {
        let report = self.count_report(actor, query)?;
        self.audit_report(actor, &report, "report", String::new())?;
        Ok(report)
    }

    pub(crate) fn audit_report(&self, actor: &Actor, report: &Report, kind: &str, more: String) -> AppResult<()> {
        let period = report.period;
        let whom = match report.office {
            Some(id) => format!("office {id}"),
            None => "all offices".to_owned(),
        };
        self.store.write(|tx| {
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Export, kind, format!("{}..{}", period.from(), period.to()))
                    .detail(format!("{whom}{more}")),
            )
        })?;
        Ok(())
    }

    /// Counts a report, checking who may read it; not audited (its callers are).
    pub(crate) fn count_report(&self, actor: &Actor, query: &ReportQuery) -> AppResult<Report> {
        actor.require(Capability::ViewReports)?;
        let office = actor.office_scope(query.office);
        let clock = match office {
            Some(id) => match self.store.read(|tx| repo::offices::get(tx, id)) {
                Ok(office) => clock_of(office.utc_offset_minutes),
                Err(komek_store::StoreError::NotFound) => return Err(office_unknown()),
                Err(e) => return Err(e.into()),
            },
            None => self.office_clock(actor)?,
        };
        let period = query.period;
        let scope = Scope {
            received_from: start_of_day(clock, period.from()),
            received_to: start_of_day(clock, period.end()),
            first_day: period.from(),
            last_day: period.to(),
            office,
            months: period
                .months()
                .into_iter()
                .map(|m| {
                    let end = m.to.succ_opt().unwrap_or(m.to);
                    (m.month, start_of_day(clock, m.from), start_of_day(clock, end))
                })
                .collect(),
        };
        // The figures are counted in two halves at once, on two connections (each a snapshot
        // of its own, a moment apart); reading holds no lock that would stop the hotline.
        let (first, second) = std::thread::scope(|threads| {
            let second = threads.spawn(|| self.store.read(|tx| repo::reports::services_and_assessments(tx, &scope)));
            let first = self.store.read(|tx| repo::reports::appeals_and_victims(tx, &scope));
            // A panic there is a bug: it goes on here as it would have on this thread.
            (first, second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        let (first, second) = (first?, second?);
        let figures = reports::Figures {
            appeals_by_month: first.appeals_by_month,
            appeal_groups: first.appeal_groups,
            topic_sets: first.topic_sets,
            victims: first.victims,
            victim_profiles: first.victim_profiles,
            ..second
        };
        let all_rates = self.store.read(repo::reports::rates)?;
        Ok(reports::build(period, office, &figures, &Rates::in_force(&all_rates, period.from())))
    }

    /// Every exchange rate, by currency and day: for those who read reports or keep the settings.
    pub fn exchange_rates(&self, actor: &Actor) -> AppResult<Vec<ExchangeRate>> {
        if !actor.can(Capability::ViewReports) {
            actor.require(Capability::ManageSettings)?;
        }
        Ok(self.store.read(repo::reports::rates)?)
    }

    /// The rate of a currency in force on a day, if there is one (the tenge is 1.00 always).
    pub fn exchange_rate_on(
        &self,
        actor: &Actor,
        currency: Currency,
        day: NaiveDate,
    ) -> AppResult<Option<ExchangeRate>> {
        if !actor.can(Capability::ViewReports) {
            actor.require(Capability::ManageSettings)?;
        }
        Ok(self.store.read(|tx| repo::reports::rate_on(tx, currency, day))?)
    }

    /// Sets the rate of a currency from a day on (a new rate, or a correction of the one that
    /// starts that day). Administrators only; audited with the old and new rate.
    pub fn set_exchange_rate(&self, actor: &Actor, rate: ExchangeRate) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        AppError::invalid(rate.validate())?;
        self.store.write(|tx| {
            let before = repo::reports::set_rate(tx, &rate)?;
            let (action, detail) = match before {
                Some(old) => (Action::Update, format!("{} (was {old})", rate.tenge_per_unit_minor)),
                None => (Action::Create, rate.tenge_per_unit_minor.to_string()),
            };
            self.audit(tx, Event::new(actor.account_id(), action, "exchange-rate", rate_id(&rate)).detail(detail))
        })?;
        Ok(())
    }

    /// Removes the rate of a currency that starts on a day. Administrators only; audited.
    pub fn remove_exchange_rate(&self, actor: &Actor, currency: Currency, valid_from: NaiveDate) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        self.store.write(|tx| {
            if !repo::reports::remove_rate(tx, currency, valid_from)? {
                return Err(komek_store::StoreError::NotFound);
            }
            let id = format!("{} {valid_from}", currency.code());
            self.audit(tx, Event::new(actor.account_id(), Action::Delete, "exchange-rate", id))
        })?;
        Ok(())
    }
}

fn rate_id(rate: &ExchangeRate) -> String {
    format!("{} {}", rate.currency.code(), rate.valid_from)
}
