//! People the organisation helps: registered with their identity sealed, found by blind index.

use chrono::Utc;
use komek_domain::entities::{Person, PersonIdentity, PersonProfile};
use komek_domain::matching::{self, MatchReason, PersonProbe};
use komek_domain::{Capability, OfficeId, PersonId, ValidationError};
use komek_store::repo::appeals::{AppealFilter, AppealLine};
pub use komek_store::repo::cases::CaseFacts;
use komek_store::repo::{self, IndexToken, SearchTokens, persons::StoredPerson};
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::crypto::Keys;
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "person";

/// The blind-index tokens of a person: every name word, phone and document number.
pub(crate) fn identity_tokens(keys: &Keys, identity: &PersonIdentity) -> Vec<IndexToken> {
    let names = [&identity.full_name, &identity.passport_name].into_iter().chain(&identity.other_spellings);
    crate::search::record_tokens(keys, names, &identity.phones, &identity.documents)
}

/// The domain's rules for a person, on the server's day.
pub(crate) fn validate(profile: &PersonProfile, identity: &PersonIdentity) -> Vec<ValidationError> {
    komek_domain::entities::validate_person(profile, identity, Utc::now().date_naive())
}

/// A search hit: the person (identity included) and how well it matched (higher is better).
#[derive(Debug, Clone)]
pub struct PersonMatch {
    pub person: Person,
    pub score: i64,
}

impl App {
    /// Registers a person in `office` (the actor's own office for staff).
    pub fn register_person(
        &self,
        actor: &Actor,
        office: Option<OfficeId>,
        profile: PersonProfile,
        identity: PersonIdentity,
    ) -> AppResult<PersonId> {
        actor.require(Capability::RegisterAppeals)?;
        let office_id = actor.office_for_new_record(office)?;
        AppError::invalid(validate(&profile, &identity))?;
        Ok(self.store.write(|tx| self.insert_person(tx, actor, office_id, profile, &identity))?)
    }

    /// Inserts a validated person in the caller's transaction, sealed, indexed and audited.
    pub(crate) fn insert_person(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        office_id: OfficeId,
        profile: PersonProfile,
        identity: &PersonIdentity,
    ) -> Result<PersonId, StoreError> {
        let id = PersonId::new();
        let stored = StoredPerson {
            id,
            office_id,
            identity_enc: self.keys.seal_json(crate::sealed::person_identity(id), identity),
            profile,
            created_at: Utc::now(),
            version: 1,
        };
        repo::persons::insert(tx, &stored, &identity_tokens(&self.keys, identity))?;
        self.audit(tx, Event::new(actor.account_id(), Action::Create, KIND, id.to_string()))?;
        Ok(id)
    }

    /// Replaces a person's profile and identity (re-sealed, re-indexed), if within reach and
    /// still at `version` (the version the editor read); otherwise `AppError::Conflict`.
    pub fn update_person(
        &self,
        actor: &Actor,
        id: PersonId,
        version: i64,
        profile: PersonProfile,
        identity: PersonIdentity,
    ) -> AppResult<()> {
        actor.require(Capability::RegisterAppeals)?;
        let mut errors = validate(&profile, &identity);
        // An age band stored before bands were codes may be kept as it is, never newly given.
        let odd_band = errors.iter().position(|e| matches!(e, ValidationError::UnknownCode { field: "age_band", .. }));
        let odd_band = odd_band.map(|at| errors.remove(at));
        AppError::invalid(errors)?;
        let tokens = identity_tokens(&self.keys, &identity);
        let identity_enc = self.keys.seal_json(crate::sealed::person_identity(id), &identity);
        let saved = self.store.write(|tx| {
            let current = repo::persons::get(tx, id)?;
            if !self.reaches_person(tx, actor, id, current.office_id)? {
                return Err(StoreError::NotFound);
            }
            if odd_band.is_some() && profile.age_band != current.profile.age_band {
                return Ok(false);
            }
            let updated = StoredPerson { profile, identity_enc, version, ..current };
            repo::persons::update(tx, &updated, &tokens)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, id.to_string()))?;
            Ok(true)
        })?;
        if saved { Ok(()) } else { Err(AppError::Invalid(odd_band.into_iter().collect())) }
    }

    /// A person; the identity only when within the actor's reach, and that read is audited.
    pub fn person(&self, actor: &Actor, id: PersonId) -> AppResult<Person> {
        actor.require(Capability::ViewIdentifying)?;
        self.audited_read(|tx| self.person_in(tx, actor, id)).map_err(Into::into)
    }

    /// The names of the listed persons that the actor may see, read in one transaction and
    /// audited by one entry naming each person shown (a case's persons, the referral desk).
    pub fn names_within_reach(
        &self,
        actor: &Actor,
        persons: &[PersonId],
    ) -> AppResult<std::collections::HashMap<PersonId, String>> {
        if !actor.can(Capability::ViewIdentifying) {
            return Ok(Default::default());
        }
        Ok(self.audited_read(|tx| {
            let mut names = std::collections::HashMap::new();
            for id in persons {
                if let Some(identity) = self.person_unaudited(tx, actor, *id, false)?.identity {
                    names.insert(*id, identity.full_name);
                }
            }
            if !names.is_empty() {
                let shown = persons.iter().filter(|id| names.contains_key(id));
                self.audit_names_listed(tx, actor, KIND, persons.len(), shown)?;
            }
            Ok(names)
        })?)
    }

    /// Whether the actor may see (and so link appeals to) a person; reads nothing identifying.
    pub fn can_reach_person(&self, actor: &Actor, id: PersonId) -> AppResult<bool> {
        Ok(self.store.read(|tx| {
            let office = repo::persons::office_of(tx, id)?;
            self.reaches_person(tx, actor, id, office)
        })?)
    }

    /// Whether `actor` may see the identity of a person in `office`: by office or by a case
    /// team; a person in a sensitive case only by the team of such a case.
    pub(crate) fn reaches_person(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        office: komek_domain::OfficeId,
    ) -> Result<bool, StoreError> {
        // (cases of the person, of them sensitive, of them with the actor on the team,
        //  of the sensitive ones with the actor on the team)
        let account = actor.account_id().map(|a| a.to_string()).unwrap_or_default();
        let row = tx.query_one(
            "SELECT CAST(COALESCE(SUM(CASE WHEN c.sensitive = $3 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN t.on_team = 1 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN t.on_team = 1 AND c.sensitive = $3 THEN 1 ELSE 0 END), 0) AS BIGINT)
             FROM case_persons cp
             JOIN cases c ON c.id = cp.case_id
             JOIN (SELECT c2.id AS case_id,
                          CASE WHEN c2.lead_id = $2 OR EXISTS (SELECT 1 FROM case_team ct
                               WHERE ct.case_id = c2.id AND ct.account_id = $2) THEN 1 ELSE 0 END AS on_team
                   FROM cases c2) t ON t.case_id = c.id
             WHERE cp.person_id = $1",
            komek_store::params![id, account, true],
        )?;
        let (sensitive, on_team, on_sensitive_team): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        Ok(if sensitive > 0 {
            actor.reaches(office, on_sensitive_team > 0, true)
        } else {
            actor.reaches(office, on_team > 0, false)
        })
    }

    /// Rebuilds one page of person blind indexes with the current rules; returns the last id
    /// done, `None` when there were no more. System work: the identities are never shown.
    pub(crate) fn reindex_persons_page(&self, after: Option<PersonId>) -> AppResult<Option<PersonId>> {
        Ok(self.store.write(|tx| {
            let page = repo::persons::sealed_identities(tx, after, crate::search::REINDEX_PAGE)?;
            for (id, sealed) in &page {
                let identity: PersonIdentity = self.open_json_unaudited(crate::sealed::person_identity(*id), sealed)?;
                repo::persons::replace_index(tx, *id, &identity_tokens(&self.keys, &identity))?;
            }
            Ok(page.last().map(|(id, _)| *id))
        })?)
    }

    pub(crate) fn person_in(&self, tx: &mut dyn Tx, actor: &Actor, id: PersonId) -> Result<Person, StoreError> {
        self.read_person(tx, actor, id, false)
    }

    /// A person, the identity shown within reach or when breaking glass (audited either way).
    fn read_person(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        break_glass: bool,
    ) -> Result<Person, StoreError> {
        let person = self.person_unaudited(tx, actor, id, break_glass)?;
        if person.identity.is_some() {
            self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
        }
        Ok(person)
    }

    /// A person found by a search, the identity within reach: the search's one entry names
    /// every person it showed, so this read is not recorded on its own.
    fn found_person(&self, tx: &mut dyn Tx, actor: &Actor, id: PersonId) -> Result<Person, StoreError> {
        self.person_unaudited(tx, actor, id, false)
    }

    fn person_unaudited(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        break_glass: bool,
    ) -> Result<Person, StoreError> {
        let stored = repo::persons::get(tx, id)?;
        let identity = if break_glass || self.reaches_person(tx, actor, id, stored.office_id)? {
            Some(self.open_json_unaudited::<PersonIdentity>(crate::sealed::person_identity(id), &stored.identity_enc)?)
        } else {
            None
        };
        Ok(Person { id, office_id: stored.office_id, profile: stored.profile, identity, created_at: stored.created_at })
    }

    /// Finds persons by name (any spelling, any order, one typo), phone or document number,
    /// best first. Works on blind indexes only; the search is audited, not its text.
    pub fn search_persons(&self, actor: &Actor, query: &str, limit: usize) -> AppResult<Vec<PersonMatch>> {
        actor.require(Capability::ViewIdentifying)?;
        let tokens = crate::search::query_tokens(&self.keys, query);
        Ok(self.audited_read(|tx| self.find_persons(tx, actor, &tokens, limit))?)
    }

    /// The known persons the caller may be, with why each matches, their last appeals and
    /// their cases, so that the operator recognises a repeat caller (and so that a new
    /// person is not saved twice).
    pub fn person_candidates(&self, actor: &Actor, probe: &PersonProbe, limit: usize) -> AppResult<Vec<Candidate>> {
        actor.require(Capability::ViewIdentifying)?;
        if probe.is_empty() {
            return Ok(Vec::new());
        }
        let tokens = crate::search::probe_tokens(&self.keys, probe);
        Ok(self.audited_read(|tx| {
            let mut out = Vec::new();
            for found in self.find_persons(tx, actor, &tokens, limit)? {
                let identity = found.person.identity.as_ref().expect("only persons within reach are found");
                let reasons = matching::reasons(probe, identity);
                let filter = AppealFilter { person: Some(found.person.id), ..Default::default() };
                let last_appeals = self.appeals_in(tx, actor, filter, CANDIDATE_APPEALS)?;
                let cases = self.cases_of_person_in(tx, actor, found.person.id)?;
                out.push(Candidate { person: found.person, score: found.score, reasons, last_appeals, cases });
            }
            Ok(out)
        })?)
    }

    /// The persons within reach that a new person with `identity` would likely duplicate: the
    /// hotline form's check, for every way a person is registered (a phone or a document in
    /// common, or a name close enough with the same birth year). Each phone and document is
    /// looked up, not only the first.
    /// A person who could not be registered anyway is refused for that first, as
    /// [`App::register_person`] would refuse them.
    pub fn likely_duplicates(
        &self,
        actor: &Actor,
        profile: &PersonProfile,
        identity: &PersonIdentity,
    ) -> AppResult<Vec<Candidate>> {
        AppError::invalid(validate(profile, identity))?;
        let year = identity.birth_year.or(identity.birth_date.map(|d| chrono::Datelike::year(&d)));
        let first = |list: &[String]| list.first().cloned().unwrap_or_default();
        let mut probes = vec![PersonProbe {
            name: identity.full_name.clone(),
            phone: first(&identity.phones),
            document: first(&identity.documents),
            birth_year: year,
        }];
        probes.extend(identity.phones.iter().skip(1).map(|p| PersonProbe { phone: p.clone(), ..Default::default() }));
        probes.extend(
            identity.documents.iter().skip(1).map(|d| PersonProbe { document: d.clone(), ..Default::default() }),
        );
        let mut found: Vec<Candidate> = Vec::new();
        for probe in &probes {
            for candidate in self.person_candidates(actor, probe, DUPLICATE_CANDIDATES)? {
                if candidate.looks_like_duplicate() && !found.iter().any(|c| c.person.id == candidate.person.id) {
                    found.push(candidate);
                }
            }
        }
        Ok(found)
    }

    /// Known persons the actor may not see — a victim in a sensitive case of the actor's own
    /// office — whom the probe matches on real evidence (a phone, a document, or the name with
    /// the birth year). The hotline learns only that such a person exists and who leads their
    /// case, never who they are, and may link the call to them (see
    /// [`App::register_intake`]). Each match shown is in the audit log.
    pub fn restricted_matches(&self, actor: &Actor, probe: &PersonProbe) -> AppResult<Vec<RestrictedMatch>> {
        actor.require(Capability::RegisterAppeals)?;
        actor.require(Capability::ViewIdentifying)?;
        if probe.is_empty() {
            return Ok(Vec::new());
        }
        let tokens = crate::search::probe_tokens(&self.keys, probe);
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.store.write(|tx| {
            let mut out = Vec::new();
            for (id, _) in repo::persons::find(tx, &tokens, (CANDIDATES_SEEN * 4) as i64)? {
                let stored = repo::persons::get(tx, id)?;
                let cases = self.restricted_cases(tx, actor, id, stored.office_id)?;
                if cases.is_empty() {
                    continue;
                }
                // Opened to weigh the evidence only; nothing of it leaves this function.
                let identity: PersonIdentity =
                    self.open_json_unaudited(crate::sealed::person_identity(id), &stored.identity_enc)?;
                if !matching::reasons(probe, &identity).iter().any(|r| r.suggests_duplicate()) {
                    continue;
                }
                let mut leads = Vec::new();
                for case in &cases {
                    let lead = repo::accounts::get(tx, case.lead_id)?.account.display_name;
                    if !leads.contains(&lead) {
                        leads.push(lead);
                    }
                }
                let event = Event::new(actor.account_id(), Action::Search, KIND, id.to_string())
                    .detail("restricted match: shown as restricted, identity not shown");
                self.audit(tx, event)?;
                out.push(RestrictedMatch { person_id: id, leads });
            }
            Ok(out)
        })?)
    }

    /// The sensitive cases that keep a person from the actor, when that is all that does: the
    /// person is of the actor's office and would be within reach but for them. Empty for a
    /// person within reach, and for one of another office (who stays simply not there).
    pub(crate) fn restricted_cases(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        office: OfficeId,
    ) -> Result<Vec<CaseFacts>, StoreError> {
        if !actor.reaches(office, false, false) || self.reaches_person(tx, actor, id, office)? {
            return Ok(Vec::new());
        }
        Ok(repo::cases::for_person(tx, id)?.into_iter().filter(|c| c.sensitive).collect())
    }

    fn find_persons(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        tokens: &SearchTokens,
        limit: usize,
    ) -> Result<Vec<PersonMatch>, StoreError> {
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        // Fetch extra candidates: some may be out of the actor's reach and are dropped.
        let hits = repo::persons::find(tx, tokens, (limit * 4) as i64)?;
        let candidates = hits.len();
        let mut out = Vec::new();
        for (id, score) in hits {
            let person = self.found_person(tx, actor, id)?;
            if person.identity.is_some() {
                out.push(PersonMatch { person, score });
            }
            if out.len() == limit {
                break;
            }
        }
        let shown = out.iter().map(|m| m.person.id);
        let detail = crate::audit::search_detail(format!("{} tokens, {candidates} candidates", tokens.len()), shown);
        self.audit(tx, Event::new(actor.account_id(), Action::Search, KIND, "search").detail(detail))?;
        Ok(out)
    }

    /// A person's page: the person (the read of the identity audited), the version an edit
    /// must name, their appeals and the cases the actor may know of. A person outside the
    /// actor's reach is not there at all.
    pub fn person_file(&self, actor: &Actor, id: PersonId) -> AppResult<PersonFile> {
        actor.require(Capability::ViewIdentifying)?;
        Ok(self.audited_read(|tx| self.person_file_in(tx, actor, id, false))?)
    }

    /// A person outside the actor's reach, opened with a written reason ("break glass"):
    /// allowed, audited, and listed for a manager's review. For someone in danger whose
    /// record's team cannot be reached.
    pub fn break_glass_person(&self, actor: &Actor, id: PersonId, reason: &str) -> AppResult<PersonFile> {
        actor.require(Capability::ViewIdentifying)?;
        let reader = actor.account_id().ok_or(AppError::Forbidden)?;
        let reason = crate::break_glass::checked_reason(reason)?;
        Ok(self.store.write(|tx| {
            repo::persons::get(tx, id)?;
            self.record_break_glass(tx, reader, KIND, &id.to_string(), reason)?;
            self.person_file_in(tx, actor, id, true)
        })?)
    }

    fn person_file_in(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        break_glass: bool,
    ) -> Result<PersonFile, StoreError> {
        let person = self.read_person(tx, actor, id, break_glass)?;
        if person.identity.is_none() {
            return Err(StoreError::NotFound);
        }
        let version = repo::persons::get(tx, id)?.version;
        let filter = AppealFilter { person: Some(id), ..Default::default() };
        let appeals = self.appeals_in(tx, actor, filter, PERSON_PAGE_APPEALS)?;
        let cases = self.cases_of_person_in(tx, actor, id)?;
        let may = crate::policy::persons::rights(actor, break_glass);
        Ok(PersonFile { person, version, appeals, cases, broken_glass: break_glass, may })
    }

    /// The cases of a person the actor may know exist: a sensitive case only to its team.
    fn cases_of_person_in(&self, tx: &mut dyn Tx, actor: &Actor, id: PersonId) -> Result<Vec<CaseFacts>, StoreError> {
        let mut out = Vec::new();
        for case in repo::cases::for_person(tx, id)? {
            if self.may_know_of_case(tx, actor, &case)? {
                out.push(case);
            }
        }
        Ok(out)
    }

    /// Merges a duplicate into the person kept: every appeal, case and service of the
    /// duplicate moves over, its names, phones and documents join the kept identity, and the
    /// duplicate is removed. Both must be within reach; the kept one still at `keep_version`.
    pub fn merge_persons(
        &self,
        actor: &Actor,
        keep: PersonId,
        keep_version: i64,
        duplicate: PersonId,
    ) -> AppResult<()> {
        actor.require(Capability::MergeDuplicates)?;
        if keep == duplicate {
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "duplicate" }]));
        }
        self.store.write(|tx| {
            let kept = repo::persons::get(tx, keep)?;
            let dup = repo::persons::get(tx, duplicate)?;
            if !self.reaches_person(tx, actor, keep, kept.office_id)?
                || !self.reaches_person(tx, actor, duplicate, dup.office_id)?
            {
                return Err(StoreError::NotFound);
            }
            let mut identity: PersonIdentity =
                self.read_sealed_json(tx, actor, crate::sealed::person_identity(keep), &kept.identity_enc)?;
            let other: PersonIdentity =
                self.read_sealed_json(tx, actor, crate::sealed::person_identity(duplicate), &dup.identity_enc)?;
            identity.absorb(other);
            let mut profile = kept.profile.clone();
            profile.absorb(dup.profile.clone());
            let merged = StoredPerson {
                identity_enc: self.keys.seal_json(crate::sealed::person_identity(keep), &identity),
                version: keep_version,
                profile,
                ..kept
            };
            repo::persons::update(tx, &merged, &identity_tokens(&self.keys, &identity))?;
            repo::appeals::move_person(tx, duplicate, keep)?;
            repo::cases::move_person(tx, duplicate, keep)?;
            repo::persons::delete(tx, duplicate)?;
            self.audit_merge(tx, actor, KIND, keep, duplicate)
        })?;
        Ok(())
    }
}

/// A known person the caller may be.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub person: Person,
    pub score: i64,
    pub reasons: Vec<MatchReason>,
    /// The newest few appeals of the person.
    pub last_appeals: Vec<AppealLine>,
    pub cases: Vec<CaseFacts>,
}

impl Candidate {
    /// Whether saving a new person beside this one would likely make a duplicate.
    pub fn looks_like_duplicate(&self) -> bool {
        self.reasons.iter().any(|r| r.suggests_duplicate())
    }
}

/// A person with everything about them the actor may see.
#[derive(Debug, Clone)]
pub struct PersonFile {
    pub person: Person,
    pub version: i64,
    pub appeals: Vec<AppealLine>,
    pub cases: Vec<CaseFacts>,
    /// Opened outside the reader's reach, with a reason.
    pub broken_glass: bool,
    /// What the reader may do with the file.
    pub may: crate::policy::persons::PersonRights,
}

/// A known person the reader may not see, matched on real evidence: their id (to link a
/// call to them) and who leads their case, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestrictedMatch {
    pub person_id: PersonId,
    /// The leads of the person's sensitive cases, by name.
    pub leads: Vec<String>,
}

/// Known persons a search weighs for a restricted match.
const CANDIDATES_SEEN: usize = 5;
/// Known persons a duplicate check looks at per probe.
const DUPLICATE_CANDIDATES: usize = 5;
/// Appeals shown beside a search candidate.
const CANDIDATE_APPEALS: i64 = 3;
/// Appeals listed on a person's page (a person with more is a rare, long story).
const PERSON_PAGE_APPEALS: i64 = 200;
