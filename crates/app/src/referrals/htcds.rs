//! The HTCDS export of cases to one partner: what the pure mapping
//! ([`komek_domain::htcds`]) is given, read here within the actor's reach, and what it may
//! carry, decided here by each person's consent.
//!
//! An export goes to a recipient for a purpose, like a referral. A person of the case gets a
//! record only when one of their consents is in force today, names the partner (or its kind)
//! and covers the purpose; the record then carries only that consent's categories. Everyone
//! else is left out, and the export says why. Each record that leaves is an audited action of
//! its own: "shared with partner X: categories A, B under consent K".

use chrono::NaiveDate;
use komek_domain::htcds::{
    self, CaseForExport, EventForExport, ExportConsent, HtcdsRecord, PartyForExport, PersonForExport, ReferralForExport,
};
use komek_domain::referrals::{Consent, Partner, SharingRefused};
use komek_domain::{CaseId, PartnerId, PersonId, ValidationError};
use komek_store::repo::appeals::AppealFilter;
use komek_store::repo::cases::CaseFilter;
use komek_store::repo::referrals::{self as repo, ReferralsOf};
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::policy::referrals as policy;
use crate::{Actor, App, AppError, AppResult};

/// Most cases one export of a period carries: a larger period is exported in parts.
pub const MAX_CASES_PER_EXPORT: i64 = 500;

/// Whom an export goes to, and what for (`lookups::REFERRAL_PURPOSE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTo {
    pub partner_id: PartnerId,
    pub purpose: String,
}

/// Which cases an export carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasesToExport {
    One(CaseId),
    /// Every case opened in the period (both days included) within the actor's reach.
    OpenedBetween(NaiveDate, NaiveDate),
}

/// A person of an exported case who got no record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub case_number: String,
    pub person_id: PersonId,
    /// Why the person's latest consent does not cover the export; `None` when they have none.
    pub why: Option<SharingRefused>,
}

/// Whether a person of a case would get a record in an export: the consent it would go
/// under (its terms, its note not opened), or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub person_id: PersonId,
    pub consent: Result<Consent, Option<SharingRefused>>,
}

/// What the export page shows of a case before anything leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPreview {
    pub case_number: String,
    pub persons: Vec<PersonId>,
    /// For each person, when a recipient was given.
    pub coverage: Vec<Coverage>,
}

/// The records that may go, and who was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtcdsExport {
    pub partner_name: String,
    pub records: Vec<HtcdsRecord>,
    pub left_out: Vec<LeftOut>,
}

impl App {
    /// The HTCDS records of `cases` that may go to `to.partner_id` for `to.purpose` today,
    /// one per person whose consent covers it. An inactive or unknown partner, or an unknown
    /// purpose, is refused as an invalid field; a case out of reach does not exist.
    pub fn htcds_export(&self, actor: &Actor, cases: CasesToExport, to: &ExportTo) -> AppResult<HtcdsExport> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let mut problems = Vec::new();
        komek_domain::rules::check_code(&mut problems, "purpose", komek_domain::lookups::REFERRAL_PURPOSE, &to.purpose);
        if let CasesToExport::OpenedBetween(from, until) = cases
            && from > until
        {
            problems.push(ValidationError::Invalid { field: "to" });
        }
        AppError::invalid(problems)?;
        let today = self.today(actor)?;
        self.audited_read(|tx| {
            let partner = match repo::partner(tx, to.partner_id) {
                Ok(stored) if stored.partner.active => stored.partner,
                Ok(_) | Err(StoreError::NotFound) => {
                    return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "partner_id" }])));
                }
                Err(e) => return Err(e),
            };
            let ids = match cases {
                CasesToExport::One(id) => vec![self.case_within_reach(tx, actor, id)?.case.id],
                CasesToExport::OpenedBetween(from, until) => self.cases_opened_within_reach(tx, actor, from, until)?,
            };
            let mut export =
                HtcdsExport { partner_name: partner.name.clone(), records: Vec::new(), left_out: Vec::new() };
            for id in ids {
                self.export_case(tx, actor, id, &partner, &to.purpose, today, &mut export)?;
            }
            Ok(Ok(export))
        })?
    }

    /// A case's number and persons, and, given a recipient, who of them an export to it
    /// would carry today and under which consent: what the export page shows before anything
    /// leaves. Nothing sealed is opened. An unknown or inactive partner is not found.
    pub fn export_preview(&self, actor: &Actor, case: CaseId, to: Option<&ExportTo>) -> AppResult<ExportPreview> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        Ok(self.store.read(|tx| {
            let case = self.case_within_reach(tx, actor, case)?.case;
            let mut coverage = Vec::new();
            if let Some(to) = to {
                // An inactive partner cannot be chosen: to the preview it is not there.
                let partner =
                    Some(repo::partner(tx, to.partner_id)?.partner).filter(|p| p.active).ok_or(StoreError::NotFound)?;
                for person_id in &case.persons {
                    let consents: Vec<Consent> =
                        repo::consents_of(tx, *person_id)?.into_iter().map(|s| s.consent).collect();
                    let consent = consent_for_export(&consents, &partner, &to.purpose, today).cloned();
                    coverage.push(Coverage { person_id: *person_id, consent });
                }
            }
            Ok::<_, StoreError>(ExportPreview { case_number: case.number, persons: case.persons, coverage })
        })?)
    }

    /// The records of one case's persons into `export`, each audited as shared.
    #[allow(clippy::too_many_arguments)]
    fn export_case(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: CaseId,
        partner: &Partner,
        purpose: &str,
        today: NaiveDate,
        export: &mut HtcdsExport,
    ) -> Result<(), StoreError> {
        let input = self.case_for_export(tx, actor, id)?;
        for person in &input.case.persons {
            let consents: Vec<Consent> = repo::consents_of(tx, *person)?.into_iter().map(|s| s.consent).collect();
            let consent = match consent_for_export(&consents, partner, purpose, today) {
                Ok(consent) => consent,
                Err(why) => {
                    let left = LeftOut { case_number: input.case.number.clone(), person_id: *person, why };
                    export.left_out.push(left);
                    continue;
                }
            };
            let covering = ExportConsent::covering(consent.categories.iter().cloned());
            let Some(record) = htcds::record(&input, *person, &covering) else { continue };
            let categories = record.categories().into_iter().collect::<Vec<_>>().join(", ");
            let detail = format!(
                "HTCDS {} person {person} shared with partner {}: {categories} under consent {}",
                input.case.number, partner.id, consent.id
            );
            self.audit(tx, Event::new(actor.account_id(), Action::Export, "case", id.to_string()).detail(detail))?;
            export.records.push(record);
        }
        Ok(())
    }

    /// Every case opened in the period that the actor reaches, oldest first, at most
    /// [`MAX_CASES_PER_EXPORT`].
    fn cases_opened_within_reach(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<CaseId>, StoreError> {
        let filter = CaseFilter {
            office: actor.office_scope(None),
            opened_between: Some((from, until)),
            viewer: actor.account_id(),
            ..Default::default()
        };
        let mut ids = Vec::new();
        for entry in komek_store::repo::cases::list(tx, &filter, until, MAX_CASES_PER_EXPORT, 0)?.into_iter().rev() {
            if self.case_within_reach(tx, actor, entry.case.id).is_ok() {
                ids.push(entry.case.id);
            }
        }
        Ok(ids)
    }

    /// What the mapping needs of one case the caller found within reach, unsealed where the
    /// actor may see it (the case read is audited as any case read).
    fn case_for_export(&self, tx: &mut dyn Tx, actor: &Actor, id: CaseId) -> Result<CaseForExport, StoreError> {
        let file = self.read_case(tx, actor, id, false)?;
        let case = file.case;
        let mut persons = Vec::new();
        for person_id in &case.persons {
            let person = self.person_in(tx, actor, *person_id)?;
            let (appeal_sector, appeal_occupation) = self.appeal_industry(tx, actor, *person_id, &case)?;
            persons.push(PersonForExport {
                id: person.id,
                profile: person.profile,
                identity: person.identity,
                appeal_sector,
                appeal_occupation,
            });
        }
        let mut parties = Vec::new();
        for (party_id, role) in &case.parties {
            let party = self.party_in(tx, actor, *party_id)?;
            parties.push(PartyForExport { role: role.clone(), kind: party.kind, identity: party.identity });
        }
        let mut referrals = Vec::new();
        for stored in repo::referrals_of(tx, ReferralsOf::Case(id))? {
            let partner_name = repo::partner(tx, stored.referral.partner_id)?.partner.name;
            let steps = repo::steps(tx, stored.referral.id)?.into_iter().map(|s| s.step).collect();
            referrals.push(ReferralForExport { referral: stored.referral, partner_name, steps });
        }
        let events = file
            .events
            .into_iter()
            .map(|e| EventForExport {
                kind: e.kind,
                happened_on: e.happened_on,
                text: Some(e.text),
                place_country: e.place_country,
                place_region: e.place_region,
                place_district: e.place_district,
                place_settlement: e.place_settlement,
            })
            .collect();
        let lead_name = komek_store::repo::accounts::get(tx, case.lead_id)?.account.display_name;
        let organisation_name = komek_store::repo::offices::get(tx, case.office_id)?.name;
        Ok(CaseForExport {
            case,
            persons,
            assessments: file.assessments,
            events,
            notes: file.notes,
            parties,
            referrals,
            lead_name,
            organisation_name,
        })
    }

    /// The sector and occupation of the person's appeal before the case opened: the
    /// industry, when the case names no place of exploitation.
    fn appeal_industry(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        person: PersonId,
        case: &komek_domain::entities::Case,
    ) -> Result<(Option<String>, Option<String>), StoreError> {
        let filter = AppealFilter { person: Some(person), ..Default::default() };
        // Newest first: the first received by the day the case opened is the one.
        let lines = self.appeals_in(tx, actor, filter, 50)?;
        let Some(line) = lines.iter().find(|a| a.received_at.date_naive() <= case.opened_on) else {
            return Ok((None, None));
        };
        let appeal = komek_store::repo::appeals::get(tx, line.id)?.appeal;
        let before = htcds::appeal_before_case(std::slice::from_ref(&appeal), person, case);
        Ok(before.map_or((None, None), |a| (a.sector.clone(), a.occupation.clone())))
    }
}

/// The consent a person's export goes under: of those in force on `day` that name the partner
/// and cover the purpose, the one allowing the most categories (the latest given on a tie).
/// Otherwise why the latest consent does not, or `None` when there is none.
fn consent_for_export<'a>(
    consents: &'a [Consent],
    partner: &Partner,
    purpose: &str,
    day: NaiveDate,
) -> Result<&'a Consent, Option<SharingRefused>> {
    let covers = |c: &Consent| c.allows(partner, purpose, &[], day);
    consents
        .iter()
        .filter(|c| covers(c).is_ok())
        .max_by_key(|c| (c.categories.len(), c.given_on))
        .ok_or_else(|| consents.iter().max_by_key(|c| (c.given_on, c.recorded_at)).and_then(|c| covers(c).err()))
}
