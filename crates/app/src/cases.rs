//! Case files: opening and editing a case, the services delivered in it, the case list, and
//! reading a whole file within reach. The file's other parts (timeline, assessments,
//! proceedings, tasks, notes, evidence) are written by `casework`.

use chrono::NaiveDate;
use komek_domain::casework::{Assessment, CaseEvent, CaseNote, EvidenceFile, Proceeding, Task};
use komek_domain::entities::{Case, Service};
use komek_domain::lookups::HoldsCodes;
use komek_domain::{AccountId, AppealId, Capability, CaseId, OfficeId, ServiceId, ValidationError};
use komek_store::repo;
pub use komek_store::repo::cases::{CaseFacts, CaseListEntry};
use komek_store::repo::cases::{CaseFilter, StoredCase};

use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::crypto::FieldRef;
use crate::policy::{
    self,
    cases::{CaseRights, Standing},
};
use crate::{Actor, App, AppError, AppResult, Page};

const KIND: &str = "case";

/// A whole case file, as its reader may see it. When `identifying_shown` is false the free
/// text of every part (summary, results, event texts, task titles, file names) is empty and
/// no note is listed.
#[derive(Debug, Clone)]
pub struct CaseFile {
    pub case: Case,
    /// The version an edit of the case must name.
    pub version: i64,
    pub services: Vec<Service>,
    pub events: Vec<CaseEvent>,
    pub assessments: Vec<Assessment>,
    /// Each proceeding with the version an edit of it must name.
    pub proceedings: Vec<(Proceeding, i64)>,
    pub tasks: Vec<Task>,
    /// The notes this reader may read.
    pub notes: Vec<CaseNote>,
    /// Notes kept to their author's role that this reader may not read.
    pub notes_withheld: usize,
    pub evidence: Vec<EvidenceFile>,
    pub identifying_shown: bool,
    /// Shown only because the reader broke glass: files are listed but not downloadable.
    pub opened_by_break_glass: bool,
    /// What the reader may do with the file.
    pub may: CaseRights,
}

/// What the case list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// A status code, or "active" for open and follow-up together.
    pub status: Option<String>,
    pub kind: Option<String>,
    /// Honoured for roles over all offices; office staff see their own office.
    pub office: Option<OfficeId>,
    pub lead: Option<AccountId>,
    /// Only cases with a task past its day.
    pub overdue: bool,
}

/// Cases per page of the list.
pub const CASE_PAGE_SIZE: i64 = 50;

impl App {
    /// Opens a case. An empty number gets the next one of the opening year ("2008-017").
    pub fn open_case(&self, actor: &Actor, mut case: Case) -> AppResult<CaseId> {
        actor.require(Capability::ManageCases)?;
        if let Actor::Staff(account) = actor {
            case.office_id = account.office_id;
        }
        normalise_members(&mut case);
        policy::cases::keep_saved_standing(&mut case, None);
        settle_closing(&mut case, None, self.today(actor)?);
        self.check_new(&case, case.validate())?;
        let summary = case.summary.take().filter(|s| !s.trim().is_empty());
        let summary_enc = summary.map(|s| self.keys.seal(crate::sealed::case_summary(case.id), s.as_bytes()));
        self.store.write(|tx| self.insert_case(tx, actor, &mut case, summary_enc))?;
        Ok(case.id)
    }

    /// Inserts a validated case in the caller's transaction: checks that everyone named is
    /// within the opener's reach, numbers it, audits it.
    pub(crate) fn insert_case(
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
        if !eligible_team(tx, case)? {
            return Err(komek_store::StoreError::Invalid("the lead or a team member cannot work on cases".into()));
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
        komek_domain::lookups::CASE_KIND.check("kind", kind).map_err(|e| AppError::Invalid(vec![e]))?;
        let today = self.today(actor)?;
        let lists = self.lookups()?;
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
                sensitive,
                persons: vec![person],
                parties: source.parties.clone(),
                exploited_region: source.work_region.clone(),
                exploited_district: source.work_district.clone(),
                ..Case::opened(source.office_id, kind, lead_id, today)
            };
            let mut problems = case.validate();
            // The appeal's place goes over even if its district has been retired since.
            problems.extend(lists.check(&case.codes_held(), &source.codes_held()));
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
        self.check_new(&service, service.validate())?;
        let seal = |at: FieldRef<'_>, text: String| {
            let text = text.trim();
            (!text.is_empty()).then(|| self.keys.seal(at, text.as_bytes()))
        };
        let result_enc = seal(crate::sealed::service_result(service.id), std::mem::take(&mut service.result));
        let accompanied_by_enc =
            seal(crate::sealed::service_accompanied_by(service.id), std::mem::take(&mut service.accompanied_by));
        let stored = repo::cases::StoredService { service, result_enc, accompanied_by_enc };
        let service = &stored.service;
        self.store.write(|tx| {
            let case = self.case_within_reach(tx, actor, service.case_id)?.case;
            if service.person_id.is_some_and(|p| !case.persons.contains(&p)) {
                return Err(komek_store::StoreError::NotFound);
            }
            repo::cases::insert_service(tx, &stored)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Create, "service", service.id.to_string())
                    .detail(format!("case {} {}", case.id, service.kind)),
            )
        })?;
        Ok(service.id)
    }

    /// Saves a case's header: kind, status and closing, lead and team, persons and their
    /// victim status, parties, places, outcomes, summary. `version` is the one the editor
    /// read; if someone saved in between, nothing is written and `Conflict` says so. Closing
    /// sets the closing day (today unless given) and needs outcomes and a reason; reopening
    /// clears it. The number, office and opening day stay as they are.
    pub fn update_case(&self, actor: &Actor, mut case: Case, version: i64) -> AppResult<i64> {
        actor.require(Capability::ManageCases)?;
        let today = self.today(actor)?;
        normalise_members(&mut case);
        let lists = self.lookups()?;
        let summary = case.summary.take();
        self.store.write(|tx| {
            let stored = self.case_within_reach(tx, actor, case.id)?;
            if stored.version != version {
                return Ok(Err(AppError::Conflict));
            }
            let before = stored.case;
            case.office_id = before.office_id;
            case.number = before.number.clone();
            case.opened_on = before.opened_on;
            settle_closing(&mut case, before.closed_on, today);
            policy::cases::keep_saved_standing(&mut case, Some(&before));
            let mut problems = case.validate();
            problems.extend(lists.check(&case.codes_held(), &before.codes_held()));
            let staff_changed = case.lead_id != before.lead_id || case.team != before.team;
            if staff_changed && !policy::cases::may_change_staff(actor, before.lead_id) {
                problems.push(ValidationError::Invalid { field: "lead" });
            }
            if !eligible_team(tx, &case)? {
                problems.push(ValidationError::Invalid { field: "team" });
            }
            for (party, _) in &case.parties {
                if !repo::parties::exists(tx, *party)? {
                    problems.push(ValidationError::Invalid { field: "parties" });
                }
            }
            problems.dedup();
            if !problems.is_empty() {
                return Ok(Err(AppError::Invalid(problems)));
            }
            // Naming someone puts them within the team's reach, as when opening.
            for person in case.persons.iter().filter(|p| !before.persons.contains(p)) {
                let office = repo::persons::get(tx, *person)?.office_id;
                if !self.reaches_person(tx, actor, *person, office)? {
                    return Err(komek_store::StoreError::NotFound);
                }
            }
            let summary_changed = match (&summary, &stored.summary_enc) {
                (None, _) => false,
                (Some(text), Some(sealed)) => {
                    self.open_text(crate::sealed::case_summary(case.id), sealed)? != text.trim()
                }
                (Some(text), None) => !text.trim().is_empty(),
            };
            let summary_enc = match summary.as_deref().map(str::trim) {
                Some("") => None,
                Some(text) => Some(self.keys.seal(crate::sealed::case_summary(case.id), text.as_bytes())),
                // Not shown to the editor: kept as it is.
                None => stored.summary_enc,
            };
            repo::cases::update(tx, &case, summary_enc, version)?;
            let mut detail = changed_fields(&before, &case);
            if summary_changed {
                detail.push_str(" (summary)");
            }
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, case.id.to_string()).detail(detail))?;
            Ok(Ok(version + 1))
        })?
    }

    /// One page of the case list, newest first. Sensitive cases show only to their team.
    pub fn cases(&self, actor: &Actor, query: &CaseQuery, page: i64) -> AppResult<Page<CaseListEntry>> {
        actor.require(Capability::ViewCases)?;
        let today = self.today(actor)?;
        let filter = CaseFilter {
            office: actor.office_scope(query.office),
            status: query.status.clone(),
            kind: query.kind.clone(),
            lead: query.lead,
            overdue_on: query.overdue.then_some(today),
            opened_between: None,
            viewer: actor.account_id(),
        };
        let page = page.max(0);
        let mut items = self.store.read(|tx| {
            repo::cases::list(tx, &filter, today, CASE_PAGE_SIZE + 1, page.saturating_mul(CASE_PAGE_SIZE))
        })?;
        let more = items.len() as i64 > CASE_PAGE_SIZE;
        items.truncate(CASE_PAGE_SIZE as usize);
        Ok(Page { items, more })
    }

    /// A case file. Outside the reader's reach a sensitive case does not exist for them; any
    /// other case shows its non-identifying facts only.
    pub fn case_file(&self, actor: &Actor, id: CaseId) -> AppResult<CaseFile> {
        actor.require(Capability::ViewCases)?;
        Ok(self.audited_read(|tx| self.read_case(tx, actor, id, false))?)
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

    /// Whether the actor may know a case exists, for the pages that list cases by whom they
    /// name (a person, a party): as the case file answers (`policy::cases::may_know_of`), so
    /// that no list names a case whose page would answer "not found".
    pub(crate) fn may_know_of_case(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        case: &komek_store::repo::cases::CaseFacts,
    ) -> Result<bool, StoreError> {
        // Most cases listed are ordinary ones of the reader's office: known without asking
        // who is on their team.
        if !case.sensitive && actor.reaches(case.office_id, false, false) {
            return Ok(true);
        }
        let on_team = self.on_team(tx, actor, case.id)?;
        let within_reach = actor.reaches(case.office_id, on_team, case.sensitive);
        let standing = Standing { within_reach, on_team, broken_glass: false };
        Ok(policy::cases::may_know_of(actor, case.sensitive, standing))
    }

    /// Whether the actor is on the case's team or leads it.
    pub(crate) fn on_team(&self, tx: &mut dyn Tx, actor: &Actor, case: CaseId) -> Result<bool, StoreError> {
        match actor.account_id() {
            Some(a) => repo::cases::is_on_team(tx, case, a),
            None => Ok(false),
        }
    }

    /// A case within the actor's normal reach (their office, or their team for a sensitive
    /// one); anything else does not exist for them. Callers check the capability they need
    /// (`ManageCases` to change it).
    pub(crate) fn case_within_reach(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: CaseId,
    ) -> Result<StoredCase, StoreError> {
        let stored = repo::cases::get(tx, id)?;
        let on_team = self.on_team(tx, actor, id)?;
        if !actor.reaches(stored.case.office_id, on_team, stored.case.sensitive) {
            return Err(StoreError::NotFound);
        }
        Ok(stored)
    }

    pub(crate) fn read_case(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: CaseId,
        break_glass: bool,
    ) -> Result<CaseFile, StoreError> {
        let stored = repo::cases::get(tx, id)?;
        let mut case = stored.case;
        let on_team = self.on_team(tx, actor, id)?;
        let within_reach = actor.reaches(case.office_id, on_team, case.sensitive);
        let standing = Standing { within_reach, on_team, broken_glass: break_glass && !within_reach };
        if !break_glass && !policy::cases::may_know_of(actor, case.sensitive, standing) {
            return Err(StoreError::NotFound);
        }
        let shown = break_glass || within_reach;
        let open = |at: FieldRef<'_>, sealed: &[u8]| if shown { self.open_text(at, sealed) } else { Ok(String::new()) };
        if shown {
            case.summary = Some(match &stored.summary_enc {
                Some(sealed) => self.open_text(crate::sealed::case_summary(id), sealed)?,
                None => String::new(),
            });
        }
        let mut services = Vec::new();
        for s in repo::cases::services_of(tx, id)? {
            let mut service = s.service;
            if let Some(sealed) = &s.result_enc {
                service.result = open(crate::sealed::service_result(service.id), sealed)?;
            }
            if let Some(sealed) = &s.accompanied_by_enc {
                service.accompanied_by = open(crate::sealed::service_accompanied_by(service.id), sealed)?;
            }
            services.push(service);
        }
        let mut events = Vec::new();
        for stored in repo::casework::events_of(tx, id)? {
            let mut event = stored.event;
            event.text = open(crate::sealed::event_text(event.id), &stored.text_enc)?;
            if let Some(sealed) = stored.place_settlement_enc.as_deref().filter(|_| shown) {
                event.place_settlement = Some(open(crate::sealed::event_settlement(event.id), sealed)?);
            }
            events.push(event);
        }
        let mut proceedings = Vec::new();
        for p in repo::casework::proceedings_of(tx, id)? {
            let mut proceeding = p.proceeding;
            if let Some(sealed) = &p.notes_enc {
                proceeding.notes = open(crate::sealed::proceeding_notes(proceeding.id), sealed)?;
            }
            proceedings.push((proceeding, p.version));
        }
        let mut tasks = Vec::new();
        for (mut task, sealed) in repo::tasks::of_record(tx, id)? {
            task.title = open(crate::sealed::task_title(task.id), &sealed)?;
            tasks.push(task);
        }
        let (mut notes, mut notes_withheld) = (Vec::new(), 0);
        for (mut note, sealed) in repo::casework::notes_of(tx, id)? {
            if policy::notes::may_read(actor, &note, case.lead_id, standing) {
                note.text = self.open_text(crate::sealed::note_text(note.id), &sealed)?;
                notes.push(note);
            } else if shown {
                notes_withheld += 1;
            }
        }
        let mut evidence = Vec::new();
        for (mut file, sealed) in repo::casework::evidence_of(tx, id)? {
            file.name = open(crate::sealed::evidence_name(file.id), &sealed)?;
            evidence.push(file);
        }
        let assessments = repo::casework::assessments_of(tx, id)?;
        if shown {
            self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
        }
        let may = policy::cases::rights(actor, &case, standing);
        Ok(CaseFile {
            case,
            version: stored.version,
            services,
            events,
            assessments,
            proceedings,
            tasks,
            notes,
            notes_withheld,
            evidence,
            identifying_shown: shown,
            opened_by_break_glass: shown && !within_reach,
            may,
        })
    }
}

/// The closing day follows the status: kept or set to `today` when the case closes, cleared
/// (with the reason) when it is open.
fn settle_closing(case: &mut Case, closed_before: Option<NaiveDate>, today: NaiveDate) {
    if case.is_closed() {
        case.closed_on = case.closed_on.or(closed_before).or(Some(today));
    } else {
        case.closed_on = None;
        case.closing_reason = None;
    }
}

/// Whether the lead and every member of the team may hold those places.
fn eligible_team(tx: &mut dyn Tx, case: &Case) -> Result<bool, StoreError> {
    if !policy::cases::may_lead(&repo::accounts::get(tx, case.lead_id)?.account) {
        return Ok(false);
    }
    for member in &case.team {
        if !policy::cases::may_join_team(&repo::accounts::get(tx, *member)?.account) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Lists of a case are sets: order and repeats mean nothing.
fn normalise_members(case: &mut Case) {
    case.team.sort();
    case.team.dedup();
    case.persons.sort();
    case.persons.dedup();
    case.outcomes.sort();
    case.outcomes.dedup();
    // A party named twice with two roles is refused by validation, not silently chosen.
    case.parties.sort();
    case.parties.dedup();
    case.victims.sort_by_key(|v| v.person_id);
    case.victims.dedup_by_key(|v| v.person_id);
}

/// The names of the header fields an edit changed, for the audit log (never their values:
/// the log must not hold identifying text).
fn changed_fields(before: &Case, after: &Case) -> String {
    let mut changed = Vec::new();
    let mut note = |name: &'static str, differs: bool| {
        if differs {
            changed.push(name);
        }
    };
    note("kind", before.kind != after.kind);
    note("status", before.status != after.status);
    note("sensitive", before.sensitive != after.sensitive);
    note("lead", before.lead_id != after.lead_id);
    note("team", before.team != after.team);
    note("persons", before.persons != after.persons);
    note("victim-status", before.victims != after.victims);
    note("parties", before.parties != after.parties);
    note(
        "places",
        (&before.recruited_at, &before.recruited_country, &before.recruited_district)
            != (&after.recruited_at, &after.recruited_country, &after.recruited_district)
            || (
                &before.exploited_region,
                &before.exploited_district,
                &before.exploited_place,
                &before.exploited_country,
            ) != (
                &after.exploited_region,
                &after.exploited_district,
                &after.exploited_place,
                &after.exploited_country,
            ),
    );
    note("recruitment", before.recruitment_methods != after.recruitment_methods);
    note("control", before.means_of_control != after.means_of_control);
    note("outcomes", before.outcomes != after.outcomes);
    note("closing", before.closing_reason != after.closing_reason || before.closed_on != after.closed_on);
    if changed.is_empty() { "saved unchanged".into() } else { format!("changed: {}", changed.join(", ")) }
}
