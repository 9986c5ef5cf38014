//! Public releases of reports and their ledger.
//!
//! A release is previewed (counted, checked, recorded nowhere) and made (the package downloaded
//! or written by the command line: then it is recorded in the ledger, with what it showed, and
//! audited). Each new release is checked against every release in the ledger
//! (`komek_domain::release_ledger`): made safe by hiding more of it, or refused naming the
//! earlier release it collides with. The same release made again gives the figures recorded
//! the first time, not a recount, so a re-download publishes nothing new.
//!
//! A private release (`komek_domain::private_release`) is not checked against the others: its
//! figures carry noise drawn with OpenDP's discrete Laplace mechanism, and its guarantee
//! composes by adding up privacy losses. Each one spends its ε on every calendar year its
//! period touches; a release that would take a year past the budget an administrator set is
//! refused naming the year. Looking at one draws nothing (noise drawn for a look and drawn
//! again for the package would be two releases); the figures are drawn once, when it is made,
//! and the same release made again gives the figures drawn the first time, spending nothing.
//!
//! The check and the record happen in one transaction that takes the ledger, so two releases
//! made at once are checked one after the other.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use komek_domain::private_release::{self, NoiseAsked};
use komek_domain::public_release::{self, Release};
use komek_domain::release_ledger::{self, Made, ShownFigure};
use komek_domain::reports::{Period, Report};
use komek_domain::{AccountId, Capability, OfficeId};
use komek_store::repo;
pub use komek_store::repo::public_releases::Mode;
use komek_store::repo::public_releases::ReleaseRow;
use uuid::Uuid;

use crate::audit::{Action, Event};
use crate::reports::ReportQuery;
use crate::{Actor, App, AppError, AppResult};

/// A release recorded in the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerEntry {
    pub id: Uuid,
    pub made_at: DateTime<Utc>,
    /// `None`: the command line.
    pub made_by: Option<AccountId>,
    pub period: Period,
    /// `None`: every office.
    pub office: Option<OfficeId>,
    pub mode: Mode,
    pub figures: Vec<ShownFigure>,
}

impl LedgerEntry {
    fn of(row: ReleaseRow) -> AppResult<Self> {
        let broken = |what: String| AppError::Store(komek_store::StoreError::Invalid(what));
        let period = Period::custom(row.period_from, row.period_to).map_err(|e| broken(e.to_string()))?;
        let figures = serde_json::from_str(&row.figures).map_err(|e| broken(format!("release {}: {e}", row.id)))?;
        Ok(Self {
            id: row.id,
            made_at: row.made_at,
            made_by: row.made_by,
            period,
            office: row.office_id,
            mode: row.mode,
            figures,
        })
    }

    /// The threshold of a release that hid small counts.
    pub fn threshold(&self) -> Option<u64> {
        match self.mode {
            Mode::Suppression { threshold } => Some(threshold),
            Mode::Private { .. } => None,
        }
    }

    /// The ε of a private release, in thousandths.
    pub fn epsilon_milli(&self) -> Option<u64> {
        match self.mode {
            Mode::Private { epsilon_milli } => Some(epsilon_milli),
            Mode::Suppression { .. } => None,
        }
    }

    /// The calendar years its period touches.
    fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.period.from().year()..=self.period.to().year()
    }
}

/// Why a release cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Together with this earlier release it would give away what one of them hides, and
    /// hiding more of the new one did not help. `None` when the check could not name one (the
    /// release alone, or too large to solve).
    Collides { earlier: Option<LedgerEntry> },
    /// A private release would spend more of a year's privacy budget than is left.
    OverBudget { year: i32, spent_milli: u64, budget_milli: u64 },
}

/// The privacy budget: what private releases may spend per calendar year, and what they spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyBudget {
    pub per_year_milli: u64,
    /// The years private releases spent on, the latest first, with what they spent.
    pub spent: Vec<(i32, u64)>,
}

impl PrivacyBudget {
    fn of(per_year_milli: u64, entries: &[LedgerEntry]) -> Self {
        let mut spent: BTreeMap<i32, u64> = BTreeMap::new();
        for entry in entries {
            if let Some(epsilon) = entry.epsilon_milli() {
                for year in entry.years() {
                    *spent.entry(year).or_default() += epsilon;
                }
            }
        }
        Self { per_year_milli, spent: spent.into_iter().rev().collect() }
    }

    /// What private releases spent on a year.
    pub fn spent_on(&self, year: i32) -> u64 {
        self.spent.iter().find(|(y, _)| *y == year).map_or(0, |(_, spent)| *spent)
    }

    /// The first year of `period` that spending `epsilon_milli` more would take past the budget.
    fn exceeded(&self, period: &Period, epsilon_milli: u64) -> Option<Refusal> {
        (period.from().year()..=period.to().year()).find_map(|year| {
            let spent_milli = self.spent_on(year);
            (spent_milli.saturating_add(epsilon_milli) > self.per_year_milli).then_some(Refusal::OverBudget {
                year,
                spent_milli,
                budget_milli: self.per_year_milli,
            })
        })
    }
}

/// The ledger as its readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    /// Every release made, the latest first, with the display name of who made it (`None`:
    /// the command line).
    pub entries: Vec<(LedgerEntry, Option<String>)>,
}

impl App {
    /// What of a report may be published as open data, with counts below `threshold` hidden,
    /// enough others that none can be worked out, and more where earlier releases in the
    /// ledger would otherwise give something away — or the earlier release it collides with.
    /// Records nothing in the ledger; audited as a report read. A threshold outside the
    /// allowed range is refused with the `threshold` field named, a period of more than
    /// [`public_release::MAX_MONTHS`] months with `to`.
    pub fn public_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        threshold: u64,
    ) -> AppResult<Result<Release, Refusal>> {
        self.checked_release(actor, query, threshold, false)
    }

    /// The release as [`App::public_release`], made: recorded in the ledger (who, when, what it
    /// showed) and audited, unless refused.
    pub fn make_public_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        threshold: u64,
    ) -> AppResult<Result<Release, Refusal>> {
        self.checked_release(actor, query, threshold, true)
    }

    /// Every release made, the latest first: for those who read reports.
    pub fn release_ledger(&self, actor: &Actor) -> AppResult<Ledger> {
        actor.require(Capability::ViewReports)?;
        let rows = self.store.read(|tx| {
            let mut rows = Vec::new();
            for row in repo::public_releases::all(tx)?.into_iter().rev() {
                let by = match row.made_by {
                    Some(id) => Some(repo::accounts::get(tx, id)?.account.display_name),
                    None => None,
                };
                rows.push((row, by));
            }
            Ok(rows)
        })?;
        let entries = rows.into_iter().map(|(row, by)| Ok((LedgerEntry::of(row)?, by))).collect::<AppResult<_>>()?;
        Ok(Ledger { entries })
    }

    /// A private release of a report spending `epsilon_milli` of the privacy budget, as it
    /// would be made: its layout with no figures (none are drawn for a look), or the figures
    /// of the same release made before — or the year whose budget it would exceed. Records
    /// nothing; audited as a report read. An ε outside the allowed range is refused with the
    /// `epsilon` field named.
    pub fn private_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        epsilon_milli: u64,
    ) -> AppResult<Result<Release, Refusal>> {
        let epsilon_milli = private_release::check_epsilon(epsilon_milli).map_err(|e| AppError::Invalid(vec![e]))?;
        let report = self.count_report(actor, query)?;
        self.audit_report(
            actor,
            &report,
            "public-release",
            format!(", private, ε {}", private_release::epsilon_text(epsilon_milli)),
        )?;
        Ok(self.store.read(|tx| {
            let (entries, budget) = ledger_and_budget(tx)?;
            Ok(match made_before(&report, epsilon_milli, &entries) {
                Some(release) => Ok(release),
                None => budget
                    .exceeded(&report.period, epsilon_milli)
                    .map_or_else(|| Ok(private_release::private_template(&report, epsilon_milli)), Err),
            })
        })?)
    }

    /// The private release made: its figures drawn (OpenDP's discrete Laplace mechanism),
    /// recorded in the ledger with the ε it spent, and audited — or the same release made
    /// before, spending nothing, or refused naming the year whose budget it would exceed.
    pub fn make_private_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        epsilon_milli: u64,
    ) -> AppResult<Result<Release, Refusal>> {
        let epsilon_milli = private_release::check_epsilon(epsilon_milli).map_err(|e| AppError::Invalid(vec![e]))?;
        let report = self.count_report(actor, query)?;
        // Drawn before the ledger is taken: noise never published costs no privacy, and the
        // transaction stays short.
        let drawn = private_release::private_release(&report, epsilon_milli, discrete_laplace)?;
        Ok(self.store.write(|tx| {
            repo::public_releases::lock(tx)?;
            let (entries, budget) = ledger_and_budget(tx)?;
            if let Some(release) = made_before(&report, epsilon_milli, &entries) {
                let whom = release.office.map_or("all offices".to_owned(), |id| format!("office {id}"));
                let (from, to) = (release.period.from(), release.period.to());
                let detail = format!(
                    "{from}..{to}, {whom}, private, ε {}, made again: the figures first drawn, nothing spent",
                    private_release::epsilon_text(epsilon_milli)
                );
                self.audit(
                    tx,
                    Event::new(actor.account_id(), Action::Export, "public-release", "again").detail(detail),
                )?;
                return Ok(Ok(release));
            }
            if let Some(refusal) = budget.exceeded(&report.period, epsilon_milli) {
                return Ok(Err(refusal));
            }
            let how = format!("private, ε {}", private_release::epsilon_text(epsilon_milli));
            self.record_release(tx, actor, &drawn, how)?;
            Ok(Ok(drawn))
        })?)
    }

    /// The privacy budget and what private releases spent of it: for those who read reports.
    pub fn privacy_budget(&self, actor: &Actor) -> AppResult<PrivacyBudget> {
        actor.require(Capability::ViewReports)?;
        Ok(self.store.read(|tx| Ok(ledger_and_budget(tx)?.1))?)
    }

    /// Sets the ε private releases may spend per calendar year; audited. For those who edit
    /// the settings. A budget outside the range a release may spend is refused naming `budget`.
    pub fn set_privacy_budget(&self, actor: &Actor, epsilon_milli: u64) -> AppResult<()> {
        actor.require(Capability::ManageSettings)?;
        if private_release::check_epsilon(epsilon_milli).is_err() {
            return Err(AppError::Invalid(vec![komek_domain::ValidationError::Invalid { field: "budget" }]));
        }
        self.store.write(|tx| {
            let before = repo::public_releases::set_budget_per_year(tx, epsilon_milli)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Update, "privacy-budget", "1").detail(format!(
                    "ε per year {} → {}",
                    private_release::epsilon_text(before),
                    private_release::epsilon_text(epsilon_milli)
                )),
            )
        })?;
        Ok(())
    }

    /// Records a release made in the ledger and audits it, in the caller's transaction.
    fn record_release(
        &self,
        tx: &mut dyn komek_store::sql::Tx,
        actor: &Actor,
        release: &Release,
        how: String,
    ) -> Result<(), komek_store::StoreError> {
        let row = ReleaseRow {
            id: Uuid::now_v7(),
            made_at: Utc::now(),
            made_by: actor.account_id(),
            period_from: release.period.from(),
            period_to: release.period.to(),
            office_id: release.office,
            mode: release.mode,
            figures: serde_json::to_string(&release_ledger::figures_of(release))
                .map_err(|e| komek_store::StoreError::Invalid(e.to_string()))?,
        };
        repo::public_releases::insert(tx, &row)?;
        let whom = release.office.map_or("all offices".to_owned(), |id| format!("office {id}"));
        let (from, to) = (release.period.from(), release.period.to());
        self.audit(
            tx,
            Event::new(actor.account_id(), Action::Export, "public-release", row.id.to_string())
                .detail(format!("{from}..{to}, {whom}, {how}, recorded in the ledger")),
        )
    }

    fn checked_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        threshold: u64,
        record: bool,
    ) -> AppResult<Result<Release, Refusal>> {
        let threshold = public_release::check_threshold(threshold).map_err(|e| AppError::Invalid(vec![e]))?;
        public_release::check_period(&query.period).map_err(|e| AppError::Invalid(vec![e]))?;
        let report = self.count_report(actor, query)?;
        let counted = public_release::release(&report, threshold);
        if !record {
            self.audit_report(actor, &report, "public-release", format!(", threshold {threshold}"))?;
            return Ok(self.store.read(|tx| checked(tx, &counted))?);
        }
        Ok(self.store.write(|tx| {
            repo::public_releases::lock(tx)?;
            let checked = checked(tx, &counted)?;
            if let Ok(release) = &checked {
                self.record_release(tx, actor, release, format!("threshold {threshold}"))?;
            }
            Ok(checked)
        })?)
    }
}

/// Every release in the ledger, as the transaction sees it.
fn ledger(tx: &mut dyn komek_store::sql::Tx) -> Result<Vec<LedgerEntry>, komek_store::StoreError> {
    repo::public_releases::all(tx)?
        .into_iter()
        .map(LedgerEntry::of)
        .collect::<AppResult<_>>()
        .map_err(|e| komek_store::StoreError::Invalid(e.to_string()))
}

/// The ledger and the privacy budget with what its private releases spent.
fn ledger_and_budget(
    tx: &mut dyn komek_store::sql::Tx,
) -> Result<(Vec<LedgerEntry>, PrivacyBudget), komek_store::StoreError> {
    let entries = ledger(tx)?;
    let budget = PrivacyBudget::of(repo::public_releases::budget_per_year(tx)?, &entries);
    Ok((entries, budget))
}

/// The private release of the same period, office and ε made before, with the figures it
/// published.
fn made_before(report: &Report, epsilon_milli: u64, entries: &[LedgerEntry]) -> Option<Release> {
    let same = entries
        .iter()
        .rev()
        .find(|e| e.period == report.period && e.office == report.office && e.epsilon_milli() == Some(epsilon_milli))?;
    Some(release_ledger::restore(&private_release::private_template(report, epsilon_milli), &same.figures))
}

/// Noise for one table of a private release, from OpenDP: its discrete Laplace mechanism over
/// the table's counts, at the scale that makes the loss of one record (the table's
/// sensitivity) the table's share of ε — the loss OpenDP itself works out for that scale,
/// checked against the share. The mechanism works on integers, so none of the attacks on
/// floating-point noise apply; its randomness is the `rand` crate's thread generator (ChaCha,
/// seeded by the operating system). Counts below zero are shown as zero: what is done with the
/// noisy figures afterwards costs no privacy.
fn discrete_laplace(asked: &NoiseAsked) -> Result<Vec<u64>, AppError> {
    use opendp::domains::{AtomDomain, VectorDomain};
    use opendp::measurements::make_laplace;
    use opendp::measures::MaxDivergence;
    use opendp::metrics::L1Distance;

    let failed = |e: opendp::error::Error| AppError::Noise(format!("{}: {e}", asked.table));
    let scale = f64::from(asked.sensitivity) / asked.epsilon;
    let mechanism = make_laplace::<_, _, MaxDivergence>(
        VectorDomain::new(AtomDomain::<i64>::default()),
        L1Distance::<i64>::default(),
        scale,
        None,
    )
    .map_err(failed)?;
    let loss = mechanism.map(&i64::from(asked.sensitivity)).map_err(failed)?;
    // OpenDP rounds the loss it reports upwards: allow for that rounding only.
    if loss > asked.epsilon * (1.0 + 1e-9) {
        return Err(AppError::Noise(format!("{}: loss {loss} over its share {}", asked.table, asked.epsilon)));
    }
    let counts = asked
        .counts
        .iter()
        .map(|n| i64::try_from(*n).map_err(|_| AppError::Noise(format!("{}: count {n} too large", asked.table))))
        .collect::<AppResult<Vec<i64>>>()?;
    let noisy = mechanism.invoke(&counts).map_err(failed)?;
    Ok(noisy.into_iter().map(|n| u64::try_from(n).unwrap_or(0)).collect())
}

/// The ledger as the transaction sees it, and the counted release checked against it.
fn checked(
    tx: &mut dyn komek_store::sql::Tx,
    counted: &Release,
) -> Result<Result<Release, Refusal>, komek_store::StoreError> {
    let entries = ledger(tx)?;
    let offices: Vec<OfficeId> = repo::offices::list(tx)?.into_iter().map(|o| o.id).collect();
    Ok(check(counted, &entries, &offices))
}

/// The release safe against the ledger: the same figures as a release made before with the
/// same period, office and threshold, or the counted one made safe against every other.
fn check(counted: &Release, entries: &[LedgerEntry], offices: &[OfficeId]) -> Result<Release, Refusal> {
    let same = entries
        .iter()
        .rev()
        .find(|e| e.period == counted.period && e.office == counted.office && e.threshold() == counted.threshold());
    if let Some(earlier) = same {
        return Ok(release_ledger::restore(counted, &earlier.figures));
    }
    // Private releases compose by their budget, not by this check.
    let suppressed: Vec<&LedgerEntry> = entries.iter().filter(|e| e.threshold().is_some()).collect();
    let made: Vec<Made> = suppressed
        .iter()
        .map(|e| Made {
            period: e.period,
            office: e.office,
            threshold: e.threshold().unwrap_or(2),
            figures: e.figures.clone(),
        })
        .collect();
    release_ledger::make_safe(counted, &made, offices)
        .map_err(|c| Refusal::Collides { earlier: c.earlier.and_then(|at| suppressed.get(at).map(|e| (*e).clone())) })
}
