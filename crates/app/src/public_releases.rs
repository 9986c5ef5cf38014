//! Public releases of reports and their ledger.
//!
//! A release is previewed (counted, checked, recorded nowhere) and made (the package downloaded
//! or written by the command line: then it is recorded in the ledger, with what it showed, and
//! audited). Each new release is checked against every release in the ledger
//! (`komek_domain::release_ledger`): made safe by hiding more of it, or refused naming the
//! earlier release it collides with. The same release made again gives the figures recorded
//! the first time, not a recount, so a re-download publishes nothing new.
//!
//! The check and the record happen in one transaction that takes the ledger, so two releases
//! made at once are checked one after the other.

use chrono::{DateTime, Utc};
use komek_domain::public_release::{self, Release};
use komek_domain::release_ledger::{self, Made, ShownFigure};
use komek_domain::reports::Period;
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
}

/// Why a release cannot be made: together with this earlier release it would give away what
/// one of them hides, and hiding more of the new one did not help.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// `None` when the check could not name one (the release alone, or too large to solve).
    pub earlier: Option<LedgerEntry>,
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
    /// allowed range is refused with the `threshold` field named.
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

    fn checked_release(
        &self,
        actor: &Actor,
        query: &ReportQuery,
        threshold: u64,
        record: bool,
    ) -> AppResult<Result<Release, Refusal>> {
        let threshold = public_release::check_threshold(threshold).map_err(|e| AppError::Invalid(vec![e]))?;
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
                let row = ReleaseRow {
                    id: Uuid::now_v7(),
                    made_at: Utc::now(),
                    made_by: actor.account_id(),
                    period_from: release.period.from(),
                    period_to: release.period.to(),
                    office_id: release.office,
                    mode: Mode::Suppression { threshold },
                    figures: serde_json::to_string(&release_ledger::figures_of(release))
                        .map_err(|e| komek_store::StoreError::Invalid(e.to_string()))?,
                };
                repo::public_releases::insert(tx, &row)?;
                let whom = release.office.map_or("all offices".to_owned(), |id| format!("office {id}"));
                let (from, to) = (release.period.from(), release.period.to());
                self.audit(
                    tx,
                    Event::new(actor.account_id(), Action::Export, "public-release", row.id.to_string())
                        .detail(format!("{from}..{to}, {whom}, threshold {threshold}, recorded in the ledger")),
                )?;
            }
            Ok(checked)
        })?)
    }
}

/// The ledger as the transaction sees it, and the counted release checked against it.
fn checked(
    tx: &mut dyn komek_store::sql::Tx,
    counted: &Release,
) -> Result<Result<Release, Refusal>, komek_store::StoreError> {
    let entries: Vec<LedgerEntry> = repo::public_releases::all(tx)?
        .into_iter()
        .map(LedgerEntry::of)
        .collect::<AppResult<_>>()
        .map_err(|e| komek_store::StoreError::Invalid(e.to_string()))?;
    let offices: Vec<OfficeId> = repo::offices::list(tx)?.into_iter().map(|o| o.id).collect();
    Ok(check(counted, &entries, &offices))
}

/// The release safe against the ledger: the same figures as a release made before with the
/// same period, office and threshold, or the counted one made safe against every other.
fn check(counted: &Release, entries: &[LedgerEntry], offices: &[OfficeId]) -> Result<Release, Refusal> {
    let same = entries
        .iter()
        .rev()
        .find(|e| e.period == counted.period && e.office == counted.office && e.threshold() == Some(counted.threshold));
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
        .map_err(|c| Refusal { earlier: c.earlier.and_then(|at| suppressed.get(at).map(|e| (*e).clone())) })
}
