//! Employers, intermediaries, foremen, "registration helpers", officials: allegations kept
//! sealed, found by blind index like persons. A party's page gathers what names it — appeals,
//! visits, cases — and what those cases came to: their outcomes, proceedings and wages
//! claimed and recovered, and whether any of it confirms the allegation
//! (`komek_domain::registry`).

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use komek_domain::entities::{Party, PartyIdentity};
use komek_domain::lookups::{Coded, HoldsCodes};
use komek_domain::registry::Standing;
use komek_domain::{Capability, CaseId, Currency, OfficeId, PartyId, ValidationError, lookups};
use komek_store::repo::appeals::{AppealFilter, AppealLine};
use komek_store::repo::cases::CaseFacts;
use komek_store::repo::parties::OffenderLine;
use komek_store::repo::{self, IndexToken, parties::StoredParty};
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::crypto::Keys;
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "party";

/// What a party is found by: its names, phones, identifiers and its licence's number.
fn identity_tokens(keys: &Keys, identity: &PartyIdentity) -> Vec<IndexToken> {
    let names = std::iter::once(&identity.name).chain(&identity.other_names);
    let licence = identity.licence.iter().map(|l| l.number.clone()).filter(|n| !n.is_empty());
    let identifiers: Vec<String> = identity.identifiers.iter().cloned().chain(licence).collect();
    crate::search::record_tokens(keys, names, &identity.phones, &identifiers)
}

/// A party as registered: what it is, where, and who (sealed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewParty {
    /// `lookups::PARTY_KIND`: a person or a company.
    pub kind: String,
    pub region: Option<String>,
    pub district: Option<String>,
    pub identity: PartyIdentity,
}

impl HoldsCodes for NewParty {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        Coded::optional("party_district", lookups::DISTRICT, &self.district).into_iter().collect()
    }
}

impl NewParty {
    /// What may be registered on `today` (the office's day).
    pub fn validate(&self, today: NaiveDate) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if let Err(e) = lookups::PARTY_KIND.check("party_kind", &self.kind) {
            errors.push(e);
        }
        if let Some(Err(e)) = self.region.as_deref().map(|r| lookups::REGION.check("party_region", r)) {
            errors.push(e);
        }
        if let Some(Err(e)) = self.district.as_deref().map(|d| lookups::DISTRICT.check("party_district", d)) {
            errors.push(e);
        }
        errors.extend(self.identity.validate(today));
        errors
    }
}

/// A party with everything that names it, as its page shows it.
#[derive(Debug, Clone)]
pub struct PartyFile {
    pub party: Party,
    /// Appeals naming the party, newest first, with the role it played in each.
    pub appeals: Vec<(AppealLine, String)>,
    /// Whether more appeals name it than are listed.
    pub more_appeals: bool,
    /// The mobile group's visits to it that the reader may see, newest first.
    pub visits: Vec<komek_store::repo::visits::VisitLine>,
    /// Whether it had more visits than are listed.
    pub more_visits: bool,
    /// The cases naming it that the reader may know exist (a sensitive case only to its
    /// team), newest first. The proceedings, wages and standing count all of those cases;
    /// this lists the newest of them.
    pub cases: Vec<PartyCase>,
    /// How many cases the reader may know of name it (more than are listed, at times).
    pub case_count: usize,
    /// Their proceedings, the latest decided first.
    pub proceedings: Vec<PartyProceeding>,
    /// Wages claimed and recovered in them, by currency.
    pub wages: Vec<WageTotal>,
    /// Whether any of them confirms what is said of it.
    pub standing: Standing,
    /// Opened outside the reader's reach, with a reason.
    pub broken_glass: bool,
    /// What the reader may do with it.
    pub may: crate::policy::parties::PartyRights,
}

/// A case naming a party: the case, the party's role in it, and what the case achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyCase {
    pub case: CaseFacts,
    /// `lookups::PARTY_ROLE`.
    pub role: String,
    /// `lookups::CASE_OUTCOME`.
    pub outcomes: Vec<String>,
}

/// A proceeding of a case naming a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyProceeding {
    pub case_id: CaseId,
    pub case_number: String,
    /// `law::PROCEEDING_KIND`.
    pub kind: String,
    /// `law::PROCEEDING_OUTCOME`; `None` until decided.
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
}

/// Wages in one currency claimed and recovered in the cases naming a party (minor units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageTotal {
    pub currency: Currency,
    pub claimed: i128,
    pub recovered: i128,
}

/// What the cases naming a party came to, as its page shows it.
struct Casework {
    cases: Vec<PartyCase>,
    proceedings: Vec<PartyProceeding>,
    wages: Vec<WageTotal>,
    standing: Standing,
}

/// A party of the repeat offenders' list: its counts, and who it is within the reader's reach.
#[derive(Debug, Clone)]
pub struct Offender {
    pub party: Party,
    pub counts: OffenderLine,
}

/// Parties the repeat offenders' list ranks at once.
pub const OFFENDERS_LISTED: i64 = 50;

/// Appeals listed on a party's page.
const PARTY_PAGE_APPEALS: i64 = 200;
/// Monitoring visits listed on a party's page.
const PARTY_PAGE_VISITS: i64 = 100;
/// Cases listed on a party's page.
const PARTY_PAGE_CASES: usize = 100;

impl App {
    pub fn register_party(&self, actor: &Actor, office: Option<OfficeId>, party: NewParty) -> AppResult<PartyId> {
        actor.require(Capability::RegisterAppeals)?;
        let office_id = actor.office_for_new_record(office)?;
        self.check_new(&party, party.validate(self.today(actor)?))?;
        Ok(self.store.write(|tx| self.insert_party(tx, actor, office_id, party))?)
    }

    /// Inserts a validated party in the caller's transaction, sealed, indexed and audited.
    pub(crate) fn insert_party(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        office_id: OfficeId,
        party: NewParty,
    ) -> Result<PartyId, StoreError> {
        let id = PartyId::new();
        let stored = StoredParty {
            id,
            office_id,
            kind: party.kind,
            region: party.region,
            district: party.district,
            identity_enc: self.keys.seal_json(crate::sealed::party_identity(id), &party.identity),
            created_at: Utc::now(),
            version: 1,
        };
        repo::parties::insert(tx, &stored, &identity_tokens(&self.keys, &party.identity))?;
        let event = Event::new(actor.account_id(), Action::Create, KIND, id.to_string()).detail(stored.kind.clone());
        self.audit(tx, event)?;
        Ok(id)
    }

    /// A party's page: the party (the read of its identity audited) and every appeal naming
    /// it. A party outside the actor's reach is not there at all.
    pub fn party_file(&self, actor: &Actor, id: PartyId) -> AppResult<PartyFile> {
        actor.require(Capability::ViewCases)?;
        Ok(self.audited_read(|tx| self.party_file_in(tx, actor, id, false))?)
    }

    /// A party of another office opened with a written reason ("break glass"): allowed,
    /// audited, and listed for a manager's review.
    pub fn break_glass_party(&self, actor: &Actor, id: PartyId, reason: &str) -> AppResult<PartyFile> {
        actor.require(Capability::ViewCases)?;
        actor.require(Capability::ViewIdentifying)?;
        let reader = actor.account_id().ok_or(AppError::Forbidden)?;
        let reason = crate::break_glass::checked_reason(reason)?;
        Ok(self.store.write(|tx| {
            repo::parties::get(tx, id)?;
            self.record_break_glass(tx, reader, KIND, &id.to_string(), reason)?;
            self.party_file_in(tx, actor, id, true)
        })?)
    }

    fn party_file_in(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PartyId,
        break_glass: bool,
    ) -> Result<PartyFile, StoreError> {
        let party = self.read_party(tx, actor, id, break_glass)?;
        if party.identity.is_none() {
            return Err(StoreError::NotFound);
        }
        let filter = AppealFilter { party: Some(id), ..Default::default() };
        let mut lines = self.appeals_in(tx, actor, filter, PARTY_PAGE_APPEALS + 1)?;
        let more_appeals = lines.len() as i64 > PARTY_PAGE_APPEALS;
        lines.truncate(PARTY_PAGE_APPEALS as usize);
        let mut appeals = Vec::with_capacity(lines.len());
        for line in lines {
            let role = repo::appeals::party_role(tx, line.id, id)?;
            appeals.push((line, role));
        }
        let visits =
            repo::visits::VisitFilter { office: actor.office_scope(None), party: Some(id), ..Default::default() };
        let mut visits = repo::visits::list(tx, &visits, false, PARTY_PAGE_VISITS + 1, 0)?;
        let more_visits = visits.len() as i64 > PARTY_PAGE_VISITS;
        visits.truncate(PARTY_PAGE_VISITS as usize);
        let mut casework = self.casework_naming(tx, actor, id)?;
        let case_count = casework.cases.len();
        casework.cases.truncate(PARTY_PAGE_CASES);
        Ok(PartyFile {
            party,
            appeals,
            more_appeals,
            visits,
            more_visits,
            cases: casework.cases,
            case_count,
            proceedings: casework.proceedings,
            wages: casework.wages,
            standing: casework.standing,
            broken_glass: break_glass,
            may: crate::policy::parties::rights(actor, break_glass),
        })
    }

    /// The cases naming a party that the actor may know exist, and what they came to.
    fn casework_naming(&self, tx: &mut dyn Tx, actor: &Actor, id: PartyId) -> Result<Casework, StoreError> {
        let mut cases = Vec::new();
        for (case, role) in repo::cases::naming_party(tx, id)? {
            if self.may_know_of_case(tx, actor, &case)? {
                cases.push(PartyCase { case, role, outcomes: Vec::new() });
            }
        }
        let shown: HashMap<CaseId, usize> = cases.iter().enumerate().map(|(at, c)| (c.case.id, at)).collect();
        for (case, outcome) in repo::parties::case_outcomes(tx, id)? {
            if let Some(&at) = shown.get(&case) {
                cases[at].outcomes.push(outcome);
            }
        }
        let proceedings: Vec<PartyProceeding> = repo::parties::proceedings(tx, id)?
            .into_iter()
            .filter_map(|p| {
                let at = *shown.get(&p.case_id)?;
                Some(PartyProceeding {
                    case_id: p.case_id,
                    case_number: cases[at].case.number.clone(),
                    kind: p.kind,
                    outcome: p.outcome,
                    decided_on: p.decided_on,
                })
            })
            .collect();
        let mut totals: BTreeMap<&'static str, WageTotal> = BTreeMap::new();
        for w in repo::parties::wages(tx, id)?.into_iter().filter(|w| shown.contains_key(&w.case_id)) {
            for (money, recovered) in [(w.claimed, false), (w.recovered, true)] {
                let Some(money) = money else { continue };
                let total = totals.entry(money.currency.code()).or_insert(WageTotal {
                    currency: money.currency,
                    claimed: 0,
                    recovered: 0,
                });
                *(if recovered { &mut total.recovered } else { &mut total.claimed }) += i128::from(money.minor);
            }
        }
        let standing = Standing::of(
            cases.iter().flat_map(|c| c.outcomes.iter().map(String::as_str)),
            proceedings.iter().filter_map(|p| p.outcome.as_deref()),
        );
        Ok(Casework { cases, proceedings, wages: totals.into_values().collect(), standing })
    }

    /// The repeat offenders: parties ranked by distinct victims, violations found on visits,
    /// visits and appeals, in a district or everywhere — for staff who read case files, never
    /// for the reports or the public. Names within reach are shown, the list's read audited as
    /// one entry naming each party shown.
    pub fn repeat_offenders(&self, actor: &Actor, district: Option<&str>) -> AppResult<Vec<Offender>> {
        actor.require(Capability::ViewCases)?;
        // Any district the organisation's list has, retired ones too: their parties stay.
        let lists = self.lookups()?;
        if let Some(district) = district.filter(|d| lists.entry(lookups::DISTRICT, d).is_none()) {
            let code = district.to_owned();
            return Err(AppError::Invalid(vec![ValidationError::UnknownCode {
                field: "district",
                list: "district",
                code,
            }]));
        }
        Ok(self.audited_read(|tx| {
            let lines = repo::parties::offenders(tx, actor.office_scope(None), district, OFFENDERS_LISTED)?;
            let mut listed = Vec::with_capacity(lines.len());
            for counts in lines {
                let party = self.party_unaudited(tx, actor, counts.party_id, false)?;
                listed.push(Offender { party, counts });
            }
            let shown = listed.iter().filter(|o| o.party.identity.is_some()).map(|o| o.party.id);
            let looked = format!("repeat offenders in {}", district.unwrap_or("every district"));
            let detail = crate::audit::search_detail(looked, shown);
            self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, "offenders").detail(detail))?;
            Ok(listed)
        })?)
    }

    /// The names of those of `parties` within the actor's reach, for a page that lists them
    /// (a case's employers and intermediaries): one audit entry naming every party shown.
    pub fn party_names_within_reach(&self, actor: &Actor, parties: &[PartyId]) -> AppResult<HashMap<PartyId, String>> {
        if !actor.can(Capability::ViewIdentifying) || parties.is_empty() {
            return Ok(HashMap::new());
        }
        Ok(self.audited_read(|tx| {
            let mut names = HashMap::new();
            for id in parties {
                if let Some(identity) = self.party_unaudited(tx, actor, *id, false)?.identity {
                    names.insert(*id, identity.name);
                }
            }
            if !names.is_empty() {
                let shown = parties.iter().filter(|id| names.contains_key(id));
                self.audit_names_listed(tx, actor, KIND, parties.len(), shown)?;
            }
            Ok(names)
        })?)
    }

    /// A party; its identity only within the actor's reach, audited.
    pub fn party(&self, actor: &Actor, id: PartyId) -> AppResult<Party> {
        actor.require(Capability::ViewCases)?;
        Ok(self.audited_read(|tx| self.party_in(tx, actor, id))?)
    }

    pub(crate) fn party_in(&self, tx: &mut dyn Tx, actor: &Actor, id: PartyId) -> Result<Party, StoreError> {
        self.read_party(tx, actor, id, false)
    }

    /// A party, the identity shown within reach or when breaking glass (audited either way).
    fn read_party(&self, tx: &mut dyn Tx, actor: &Actor, id: PartyId, break_glass: bool) -> Result<Party, StoreError> {
        let party = self.party_unaudited(tx, actor, id, break_glass)?;
        if party.identity.is_some() {
            self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
        }
        Ok(party)
    }

    /// A party found by a search: the search's one entry names every party it showed, so
    /// this read is not recorded on its own.
    fn found_party(&self, tx: &mut dyn Tx, actor: &Actor, id: PartyId) -> Result<Party, StoreError> {
        self.party_unaudited(tx, actor, id, false)
    }

    fn party_unaudited(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PartyId,
        break_glass: bool,
    ) -> Result<Party, StoreError> {
        let stored = repo::parties::get(tx, id)?;
        let identity = if break_glass || actor.reaches(stored.office_id, false, false) {
            Some(self.open_json_unaudited::<PartyIdentity>(crate::sealed::party_identity(id), &stored.identity_enc)?)
        } else {
            None
        };
        Ok(Party {
            id,
            office_id: stored.office_id,
            kind: stored.kind,
            region: stored.region,
            district: stored.district,
            identity,
            created_at: stored.created_at,
        })
    }

    /// Rebuilds one page of party blind indexes with the current rules; returns the last id
    /// done, `None` when there were no more. System work: the identities are never shown.
    pub(crate) fn reindex_parties_page(&self, after: Option<PartyId>) -> AppResult<Option<PartyId>> {
        Ok(self.store.write(|tx| {
            let page = repo::parties::sealed_identities(tx, after, crate::search::REINDEX_PAGE)?;
            for (id, sealed) in &page {
                let identity: PartyIdentity = self.open_json_unaudited(crate::sealed::party_identity(*id), sealed)?;
                repo::parties::replace_index(tx, *id, &identity_tokens(&self.keys, &identity))?;
            }
            Ok(page.last().map(|(id, _)| *id))
        })?)
    }

    /// Parties matching a name, phone or identifier, best first, with their identity (only
    /// those within reach are returned). The search is audited, not its text.
    pub fn search_parties(&self, actor: &Actor, query: &str, limit: usize) -> AppResult<Vec<(Party, i64)>> {
        actor.require(Capability::ViewIdentifying)?;
        let tokens = crate::search::query_tokens(&self.keys, query);
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.audited_read(|tx| {
            let hits = repo::parties::find(tx, &tokens, (limit * 4) as i64)?;
            let candidates = hits.len();
            let mut out = Vec::new();
            for (id, score) in hits {
                let party = self.found_party(tx, actor, id)?;
                if party.identity.is_some() {
                    out.push((party, score));
                }
                if out.len() == limit {
                    break;
                }
            }
            let detail = crate::audit::search_detail(format!("{candidates} candidates"), out.iter().map(|(p, _)| p.id));
            self.audit(tx, Event::new(actor.account_id(), Action::Search, KIND, "search").detail(detail))?;
            Ok(out)
        })?)
    }
}

/// A party with the version an edit must name.
#[derive(Debug, Clone)]
pub struct PartyRecord {
    pub party: Party,
    pub version: i64,
}

impl App {
    /// A party with its version, for an edit; its identity only within the actor's reach (and
    /// that read is audited). A party outside the actor's reach is not there at all.
    pub fn party_record(&self, actor: &Actor, id: PartyId) -> AppResult<PartyRecord> {
        actor.require(Capability::ViewCases)?;
        Ok(self.audited_read(|tx| {
            let party = self.party_in(tx, actor, id)?;
            if party.identity.is_none() {
                return Err(StoreError::NotFound);
            }
            let version = repo::parties::get(tx, id)?.version;
            Ok(PartyRecord { party, version })
        })?)
    }

    /// Replaces a party's kind, place and identity (re-sealed, re-indexed), if within reach and
    /// still at `version` (the version the editor read); otherwise `AppError::Conflict`. The
    /// office stays the one it was registered in.
    pub fn update_party(&self, actor: &Actor, id: PartyId, version: i64, party: NewParty) -> AppResult<()> {
        actor.require(Capability::RegisterAppeals)?;
        AppError::invalid(party.validate(self.today(actor)?))?;
        let lists = self.lookups()?;
        let tokens = identity_tokens(&self.keys, &party.identity);
        let identity_enc = self.keys.seal_json(crate::sealed::party_identity(id), &party.identity);
        self.store.write(|tx| {
            let current = repo::parties::get(tx, id)?;
            if !actor.reaches(current.office_id, false, false) {
                return Err(StoreError::NotFound);
            }
            let before = NewParty { district: current.district.clone(), ..Default::default() };
            let refused = lists.check(&party.codes_held(), &before.codes_held());
            if !refused.is_empty() {
                return Ok(Err(AppError::Invalid(refused)));
            }
            let updated = StoredParty {
                kind: party.kind,
                region: party.region,
                district: party.district,
                identity_enc,
                version,
                ..current
            };
            repo::parties::update(tx, &updated, &tokens)?;
            let event = Event::new(actor.account_id(), Action::Update, KIND, id.to_string()).detail(updated.kind);
            self.audit(tx, event)?;
            Ok(Ok(()))
        })?
    }

    /// Merges a duplicate into the party kept: every appeal, case and visit naming the
    /// duplicate names the kept one instead, the duplicate's names, phones and identifiers
    /// join the kept identity (`PartyIdentity::absorb`), and the duplicate is removed. Both
    /// must be within reach; the kept one still at `keep_version`. A merged identity past the
    /// limits of a party's record is refused, naming what is too long, and nothing changes.
    pub fn merge_parties(&self, actor: &Actor, keep: PartyId, keep_version: i64, duplicate: PartyId) -> AppResult<()> {
        actor.require(Capability::MergeDuplicates)?;
        if keep == duplicate {
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "duplicate" }]));
        }
        let today = self.today(actor)?;
        self.store.write(|tx| {
            let kept = repo::parties::get(tx, keep)?;
            let dup = repo::parties::get(tx, duplicate)?;
            if !actor.reaches(kept.office_id, false, false) || !actor.reaches(dup.office_id, false, false) {
                return Err(StoreError::NotFound);
            }
            let mut identity: PartyIdentity =
                self.read_sealed_json(tx, actor, crate::sealed::party_identity(keep), &kept.identity_enc)?;
            let other: PartyIdentity =
                self.read_sealed_json(tx, actor, crate::sealed::party_identity(duplicate), &dup.identity_enc)?;
            identity.absorb(other);
            let refused = identity.validate(today);
            if !refused.is_empty() {
                return Ok(Err(AppError::Invalid(refused)));
            }
            // The place comes whole from one record: the kept one's when it says any.
            let (region, district) = match (&kept.region, &kept.district) {
                (None, None) => (dup.region, dup.district),
                _ => (kept.region.clone(), kept.district.clone()),
            };
            let merged = StoredParty {
                identity_enc: self.keys.seal_json(crate::sealed::party_identity(keep), &identity),
                region,
                district,
                version: keep_version,
                ..kept
            };
            repo::parties::update(tx, &merged, &identity_tokens(&self.keys, &identity))?;
            repo::parties::move_references(tx, duplicate, keep)?;
            // Deleted at the version read: an edit of the duplicate meanwhile is not lost.
            repo::parties::delete(tx, duplicate, dup.version)?;
            self.audit_merge(tx, actor, KIND, keep, duplicate)?;
            Ok(Ok(()))
        })?
    }
}
