//! Case files: opening a case, the services delivered in it, and reading it within reach.

use komek_domain::entities::{Case, Service};
use komek_domain::{AppealId, Capability, CaseId, ServiceId, ValidationError};
use komek_store::repo;

use crate::audit::{Action, Event};
use crate::crypto::FieldRef;
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "case";

fn summary_ref(id: CaseId) -> FieldRef<'static> {
    FieldRef { kind: KIND, id: id.0, field: "summary" }
}

fn result_ref(id: ServiceId) -> FieldRef<'static> {
    FieldRef { kind: "service", id: id.0, field: "result" }
}

/// A case with its services, as its reader may see it.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub case: Case,
    pub services: Vec<Service>,
    /// Whether identifying parts (summary, service results) were opened for this reader.
    pub identifying_shown: bool,
}

impl App {
    /// Opens a case. An empty number gets the next one of the opening year ("2008-017").
    pub fn open_case(&self, actor: &Actor, mut case: Case) -> AppResult<CaseId> {
        actor.require(Capability::ManageCases)?;
        if let Actor::Staff(account) = actor {
            case.office_id = account.office_id;
        }
        case.team.sort();
        case.team.dedup();
        case.persons.sort();
        case.persons.dedup();
        case.outcomes.sort();
        case.outcomes.dedup();
        AppError::invalid(case.validate())?;
        let summary = case.summary.take().filter(|s| !s.trim().is_empty());
        let summary_enc = summary.map(|s| self.keys.seal(summary_ref(case.id), s.as_bytes()));
        self.store.write(|tx| self.insert_case(tx, actor, &mut case, summary_enc))?;
        Ok(case.id)
    }

    /// Inserts a validated case in the caller's transaction: checks that everyone named is
    /// within the opener's reach, numbers it, audits it.
    fn insert_case(
        &self,
        tx: &mut dyn komek_store::Tx,
        actor: &Actor,
        case: &mut Case,
        summary_enc: Option<Vec<u8>>,
    ) -> Result<(), komek_store::StoreError> {
        // Naming someone in a case puts them within the team's reach: only people already
        // within the opener's reach may be named, and staff open cases they work on.
        for person in &case.persons {
            let office = repo::persons::get(tx, *person)?.office_id;
            if !self.reaches_person(tx, actor, *person, office)? {
                return Err(komek_store::StoreError::NotFound);
            }
        }
        if let Actor::Staff(account) = actor
            && case.lead_id != account.id
            && !case.team.contains(&account.id)
            && !account.role.can(Capability::ViewAudit)
        {
            return Err(komek_store::StoreError::NotFound);
        }
        if case.number.trim().is_empty() {
            let prefix = format!("{}-", case.opened_on.format("%Y"));
            let n = repo::cases::next_number(tx, &prefix)?;
            case.number = format!("{prefix}{n:03}");
        }
        repo::cases::insert(tx, case, summary_enc)?;
        self.audit(
            tx,
            Event::new(actor.account_id(), Action::Create, KIND, case.id.to_string()).detail(case.kind.clone()),
        )
    }

    /// Opens a case from an appeal in one step: the appeal's person and parties, the actor
    /// as lead, today as the opening day; the appeal's outcome becomes "case opened". The
    /// case's own file is filled in afterwards.
    pub fn open_case_from_appeal(
        &self,
        actor: &Actor,
        appeal: AppealId,
        kind: &str,
        sensitive: bool,
    ) -> AppResult<CaseId> {
        actor.require(Capability::ManageCases)?;
        let required = |field| AppError::Invalid(vec![ValidationError::Required { field }]);
        let lead_id = actor.account_id().ok_or_else(|| required("lead"))?;
        komek_domain::lookups::CASE_KIND.check(kind).map_err(|e| AppError::Invalid(vec![e]))?;
        let today = chrono::Utc::now().with_timezone(&self.office_clock(actor)?).date_naive();
        // The outer result is the store's; the inner one says the appeal cannot have a case.
        self.store.write(|tx| {
            let stored = repo::appeals::get(tx, appeal)?;
            let mut source = stored.appeal;
            if !actor.reaches(source.office_id, false, false) {
                return Err(komek_store::StoreError::NotFound);
            }
            let Some(person) = source.person_id else {
                return Ok(Err(required("person")));
            };
            let mut case = Case {
                id: CaseId::new(),
                office_id: source.office_id,
                number: String::new(),
                kind: kind.to_owned(),
                status: "open".into(),
                sensitive,
                lead_id,
                team: Vec::new(),
                persons: vec![person],
                parties: source.parties.clone(),
                opened_on: today,
                closed_on: None,
                recruited_at: String::new(),
                exploited_region: source.work_region.clone(),
                exploited_district: source.work_district.clone(),
                exploited_place: None,
                outcomes: Vec::new(),
                summary: None,
            };
            let problems = case.validate();
            if !problems.is_empty() {
                return Ok(Err(AppError::Invalid(problems)));
            }
            self.insert_case(tx, actor, &mut case, None)?;
            source.outcome = "case-opened".into();
            repo::appeals::update(tx, &source, stored.notes_enc, stored.version)?;
            let detail = format!("case {} opened", case.number);
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Update, "appeal", appeal.to_string()).detail(detail),
            )?;
            Ok(Ok(case.id))
        })?
    }

    /// Records a service delivered within a case.
    pub fn add_service(&self, actor: &Actor, mut service: Service) -> AppResult<ServiceId> {
        actor.require(Capability::ManageCases)?;
        AppError::invalid(service.validate())?;
        let result = std::mem::take(&mut service.result);
        let result_enc = (!result.trim().is_empty()).then(|| self.keys.seal(result_ref(service.id), result.as_bytes()));
        self.store.write(|tx| {
            let case = repo::cases::get(tx, service.case_id)?.case;
            let on_team = match actor.account_id() {
                Some(a) => repo::cases::is_on_team(tx, case.id, a)?,
                None => false,
            };
            if !actor.reaches(case.office_id, on_team, case.sensitive) {
                return Err(komek_store::StoreError::NotFound);
            }
            if service.person_id.is_some_and(|p| !case.persons.contains(&p)) {
                return Err(komek_store::StoreError::NotFound);
            }
            repo::cases::insert_service(tx, &service, result_enc)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Create, "service", service.id.to_string())
                    .detail(format!("case {} {}", case.id, service.kind)),
            )
        })?;
        Ok(service.id)
    }

    /// A case file. Outside the reader's reach a sensitive case does not exist for them; any
    /// other case shows its non-identifying facts only.
    pub fn case_file(&self, actor: &Actor, id: CaseId) -> AppResult<CaseFile> {
        actor.require(Capability::ViewCases)?;
        Ok(self.store.write(|tx| self.read_case(tx, actor, id, false))?)
    }

    /// Opens a case outside the reader's normal reach ("break glass"): allowed to any role that
    /// sees identifying data, with a written reason, recorded for managers to review.
    pub fn break_glass_case(&self, actor: &Actor, id: CaseId, reason: &str) -> AppResult<CaseFile> {
        actor.require(Capability::ViewCases)?;
        actor.require(Capability::ViewIdentifying)?;
        let reader = actor.account_id().ok_or(AppError::Forbidden)?;
        let reason = crate::break_glass::checked_reason(reason)?;
        Ok(self.store.write(|tx| {
            repo::cases::get(tx, id)?;
            self.record_break_glass(tx, reader, "case", &id.to_string(), reason)?;
            self.read_case(tx, actor, id, true)
        })?)
    }

    fn read_case(
        &self,
        tx: &mut dyn komek_store::Tx,
        actor: &Actor,
        id: CaseId,
        break_glass: bool,
    ) -> Result<CaseFile, komek_store::StoreError> {
        {
            let stored = repo::cases::get(tx, id)?;
            let mut case = stored.case;
            let on_team = match actor.account_id() {
                Some(a) => repo::cases::is_on_team(tx, id, a)?,
                None => false,
            };
            if case.sensitive && !on_team && !break_glass && !matches!(actor, Actor::System) {
                return Err(komek_store::StoreError::NotFound);
            }
            let shown = break_glass || actor.reaches(case.office_id, on_team, case.sensitive);
            if shown {
                case.summary = Some(match &stored.summary_enc {
                    Some(sealed) => self.open_text(summary_ref(id), sealed)?,
                    None => String::new(),
                });
            }
            let mut services = Vec::new();
            for s in repo::cases::services_of(tx, id)? {
                let mut service = s.service;
                if let (true, Some(sealed)) = (shown, &s.result_enc) {
                    service.result = self.open_text(result_ref(service.id), sealed)?;
                }
                services.push(service);
            }
            if shown {
                self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
            }
            Ok(CaseFile { case, services, identifying_shown: shown })
        }
    }
}
