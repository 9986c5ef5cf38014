//! The mobile group's monitoring visits: the month's plan, the record of what was found, the
//! on-site consultations taken and the group case opened on a visit, and what changed since
//! the last visit to the same place.
//!
//! Who may do what is `policy::monitoring`. A visit's counts name nobody; its settlement,
//! narrative and reason for calling it off are sealed and their reads audited.

use chrono::{NaiveDate, Utc};
use komek_domain::entities::{Case, Party};
use komek_domain::lookups::HoldsCodes;
use komek_domain::monitoring::{Changes, Visit, VisitNotes, VisitTask};
use komek_domain::{
    AccountId, Capability, CaseId, OfficeId, PartyId, PhotoId, TaskId, ValidationError, VisitId, evidence,
};
use komek_store::repo::appeals::{AppealFilter, AppealLine};
pub use komek_store::repo::visits::VisitLine;
use komek_store::repo::visits::{StoredPhoto, VisitPhoto};
use komek_store::repo::{self, visits::StoredVisit, visits::VisitFilter};
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::casework::EvidenceRefused;
use crate::parties::NewParty;
use crate::policy::monitoring::{self as policy, VisitRights};
use crate::{Actor, App, AppError, AppResult, Page};

const KIND: &str = "visit";

/// Visits per page of the list.
pub const VISIT_PAGE_SIZE: i64 = 50;
/// On-site consultations listed on a visit's page.
const VISIT_PAGE_APPEALS: i64 = 200;

/// What saving a new visit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitSaved {
    pub id: VisitId,
    /// False when the same form had already been saved (sent twice).
    pub created: bool,
}

/// A visit with everything its page shows.
#[derive(Debug, Clone)]
pub struct VisitFile {
    /// With its notes when the reader may read them, and the version an edit must name.
    pub visit: Visit,
    pub may: VisitRights,
    /// The party found there; its identity only within the reader's reach.
    pub party: Option<Party>,
    /// On-site consultations, in the order they were taken.
    pub appeals: Vec<AppealLine>,
    /// Cases opened from the visit, with their numbers.
    pub cases: Vec<(CaseId, String)>,
    /// The last visit done to the same party before this one, and what changed since.
    pub previous: Option<(Visit, Changes)>,
    /// Follow-up work, those to do first; titles only for readers of the notes.
    pub tasks: Vec<VisitTask>,
    /// Photographs taken on the visit, for readers of the notes; none opened.
    pub photos: Vec<VisitPhoto>,
}

/// A photograph as it is downloaded.
#[derive(Debug, Clone)]
pub struct PhotoFile {
    pub photo: VisitPhoto,
    pub name: String,
    pub content: Vec<u8>,
}

/// A visit task on its assignee's dashboard, with what names the visit.
#[derive(Debug, Clone)]
pub struct DashboardVisitTask {
    pub task: VisitTask,
    pub district: String,
    pub place_kind: String,
    pub visit_day: NaiveDate,
    pub overdue: bool,
}

/// Kinds of partner that go on joint checks with the mobile group (the prosecutor, the police,
/// the labour inspection, the district administration): those the visit form offers.
pub const JOINT_PARTNER_KINDS: [&str; 5] = ["prosecutor", "police", "migration-police", "labour-inspection", "akimat"];

/// What the visit form offers to choose from.
#[derive(Debug, Clone, Default)]
pub struct VisitChoices {
    /// Colleagues of the actor's office who go on visits, by name.
    pub team: Vec<(AccountId, String)>,
    /// Active partners that go on joint checks, by name.
    pub partners: Vec<(komek_domain::PartnerId, String)>,
}

/// A visits list as a person asks for it; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitQuery {
    /// Ignored for staff who see only their own office.
    pub office: Option<OfficeId>,
    pub from: Option<NaiveDate>,
    /// Inclusive.
    pub to: Option<NaiveDate>,
    pub status: Option<String>,
    pub district: Option<String>,
    pub place_kind: Option<String>,
    pub party: Option<komek_domain::PartyId>,
    /// The plan reads forwards; the register of what was done, backwards.
    pub oldest_first: bool,
}

impl App {
    /// Saves a new visit: planned, or recorded straight away as done. Staff record in their
    /// own office; the system names one. The id is the caller's, so a form sent twice (a
    /// phone that lost its connection at submit) saves once. A party not yet in the registry
    /// (`new_party`) is registered with it, in the same transaction.
    pub fn create_visit(
        &self,
        actor: &Actor,
        office: Option<OfficeId>,
        mut visit: Visit,
        new_party: Option<NewParty>,
    ) -> AppResult<VisitSaved> {
        if !policy::may_record(actor) {
            return Err(AppError::Forbidden);
        }
        visit.office_id = actor.office_for_new_record(office)?;
        if let Some(account) = actor.account_id() {
            visit.id = VisitId(crate::appeals::kept_uuid(b"komek visit id\0", account, visit.id.0));
        }
        visit.created_by = actor.account_id();
        let mut visit = self.checked(actor, visit, new_party.as_ref(), None)?;
        self.check_company(actor, &visit, None)?;
        let (id, by) = (visit.id, visit.created_by);
        // The same form sent again, or twice at once (the loser of the race finds the
        // winner's): answered as the first time. Kept ids differ per sender, so only a system
        // caller reusing an id meets someone else's visit.
        let earlier = |app: &Self| -> AppResult<VisitSaved> {
            match app.store.read(|tx| repo::visits::get(tx, id))?.visit.created_by == by {
                true => Ok(VisitSaved { id, created: false }),
                false => Err(AppError::Conflict),
            }
        };
        let written = self.store.write(|tx| {
            match repo::visits::get(tx, id) {
                Ok(_) => return Ok(None),
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
            if let Some(party) = new_party {
                visit.party_id = Some(self.insert_party(tx, actor, visit.office_id, party)?);
            }
            let stored = self.sealed(visit);
            repo::visits::insert(tx, &stored)?;
            let v = &stored.visit;
            let detail = format!("{} {} {}", v.status, v.district, v.place_kind);
            self.audit(tx, Event::new(actor.account_id(), Action::Create, KIND, v.id.to_string()).detail(detail))?;
            Ok(Some(VisitSaved { id: v.id, created: true }))
        });
        match written {
            Ok(Some(saved)) => Ok(saved),
            Ok(None) | Err(StoreError::Conflict(_)) => earlier(self),
            Err(e) => Err(e.into()),
        }
    }

    /// Saves a changed visit (the plan moved, the visit done or called off, findings
    /// corrected) if it is still at `version`; returns the new version. Its office and who
    /// planned it stay.
    pub fn update_visit(
        &self,
        actor: &Actor,
        visit: Visit,
        version: i64,
        new_party: Option<NewParty>,
    ) -> AppResult<i64> {
        if !policy::may_record(actor) {
            return Err(AppError::Forbidden);
        }
        let (saved, consulted) = self.store.read(|tx| {
            let saved = self.open_for_change(tx, actor, visit.id)?;
            let filter = AppealFilter { visit: Some(visit.id), ..Default::default() };
            let consulted = !repo::appeals::list(tx, &filter, Default::default(), 1, 0)?.is_empty()
                || !repo::visits::cases_of(tx, visit.id)?.is_empty();
            Ok((saved, consulted))
        })?;
        // Consultations and cases came of a visit that took place: it stays done.
        if saved.done() && consulted && visit.status != "done" {
            return Err(AppError::Invalid(vec![ValidationError::Invalid { field: "status" }]));
        }
        let kept = Visit { office_id: saved.office_id, created_by: saved.created_by, ..visit };
        let mut visit = self.checked(actor, kept, new_party.as_ref(), Some(&saved))?;
        self.check_company(actor, &visit, saved.party_id)?;
        Ok(self.store.write(|tx| {
            self.open_for_change(tx, actor, visit.id)?;
            if let Some(party) = new_party {
                visit.party_id = Some(self.insert_party(tx, actor, visit.office_id, party)?);
            }
            let stored = self.sealed(visit);
            repo::visits::update(tx, &stored, version)?;
            let v = &stored.visit;
            let detail = format!("{} {} {}", v.status, v.district, v.place_kind);
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, v.id.to_string()).detail(detail))?;
            Ok(version + 1)
        })?)
    }

    /// The visit as stored, if the actor may change it: out of reach it is not there.
    fn open_for_change(&self, tx: &mut dyn Tx, actor: &Actor, id: VisitId) -> Result<Visit, StoreError> {
        let (office, on_team) = repo::visits::reach_facts(tx, id, actor.account_id())?;
        if !policy::rights(actor, office, on_team, false).change {
            return Err(StoreError::NotFound);
        }
        Ok(repo::visits::get(tx, id)?.visit)
    }

    /// The visit ready to save: lists as sets, the violations its checklist shows added, and
    /// every rule of the domain checked against the office's day, and the codes against the
    /// organisation's lists (a retired one only where the saved visit, `before`, held it).
    fn checked(
        &self,
        actor: &Actor,
        mut visit: Visit,
        new_party: Option<&NewParty>,
        before: Option<&Visit>,
    ) -> AppResult<Visit> {
        if new_party.is_some() {
            actor.require(Capability::RegisterAppeals)?;
            visit.party_id = None;
        }
        visit.partners.sort();
        visit.partners.dedup();
        visit.team.sort();
        visit.team.dedup();
        visit.updated_at = Utc::now();
        // Checked before the checklist's violations are added, so that a wrong count is named
        // once, on the check where it was typed.
        let today = self.today(actor)?;
        let mut errors = visit.validate(today);
        errors.extend(self.refused_codes(&visit, before)?);
        if let Some(party) = new_party {
            errors.extend(party.validate(today));
            errors.extend(self.refused_codes(party, None)?);
        }
        AppError::invalid(errors)?;
        Ok(visit.with_signalled_violations())
    }

    /// The party, partners and team a visit names must exist, the party be within reach
    /// (unless it is the one the visit already names: a team member of another office edits
    /// what was found there) and the team be staff who go on visits. Partners and accounts are
    /// never deleted, so what is true here stays true when the visit is written.
    fn check_company(&self, actor: &Actor, visit: &Visit, named_already: Option<PartyId>) -> AppResult<()> {
        let errors = self.store.read(|tx| {
            if let Some(party) = visit.party_id.filter(|p| Some(*p) != named_already) {
                let stored = repo::parties::get(tx, party)?;
                if !actor.reaches(stored.office_id, false, false) {
                    return Err(StoreError::NotFound);
                }
            }
            let mut errors = Vec::new();
            for partner in &visit.partners {
                if matches!(repo::referrals::partner(tx, *partner), Err(StoreError::NotFound)) {
                    errors.push(ValidationError::Invalid { field: "partners" });
                }
            }
            for account in &visit.team {
                match repo::accounts::get(tx, *account) {
                    Ok(found) if found.account.role.can(Capability::RecordVisits) => {}
                    Ok(_) | Err(StoreError::NotFound) => errors.push(ValidationError::Invalid { field: "team" }),
                    Err(e) => return Err(e),
                }
            }
            Ok(errors)
        })?;
        AppError::invalid(errors)
    }

    /// The visit as stored: its notes sealed, none when nothing was written.
    fn sealed(&self, mut visit: Visit) -> StoredVisit {
        let notes = visit.notes.take().filter(|n| *n != VisitNotes::default());
        let notes_enc = notes.map(|n| self.keys.seal_json(crate::sealed::visit_notes(visit.id), &n));
        StoredVisit { visit, notes_enc }
    }

    /// A visit's page: the visit (the read of its notes audited), its party, consultations,
    /// cases and the changes since the last visit to the same party.
    pub fn visit_file(&self, actor: &Actor, id: VisitId) -> AppResult<VisitFile> {
        if !policy::may_read(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.audited_read(|tx| {
            let (office, on_team) = repo::visits::reach_facts(tx, id, actor.account_id())?;
            if !policy::may_open(actor, office, on_team) {
                return Err(StoreError::NotFound);
            }
            let stored = repo::visits::get(tx, id)?;
            let mut visit = stored.visit;
            let may = policy::rights(actor, office, on_team, visit.done());
            if may.read_notes {
                visit.notes = Some(match &stored.notes_enc {
                    Some(sealed) => self.open_json_unaudited(crate::sealed::visit_notes(id), sealed)?,
                    None => VisitNotes::default(),
                });
                self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
            }
            let party = visit.party_id.map(|p| self.party_in(tx, actor, p)).transpose()?;
            let mut previous = None;
            if let (Some(party), Some(day)) = (visit.party_id, visit.visited_on)
                && let Some(earlier) = repo::visits::previous_at_party(tx, party, day, id)?
            {
                // Only a visit the reader could open themselves.
                let (office, on_team) = repo::visits::reach_facts(tx, earlier, actor.account_id())?;
                if policy::may_open(actor, office, on_team) {
                    let earlier = repo::visits::get(tx, earlier)?.visit;
                    let changes = Changes::between(&earlier, &visit);
                    previous = Some((earlier, changes));
                }
            }
            let filter = AppealFilter { visit: Some(id), ..Default::default() };
            let mut appeals = self.appeals_in(tx, actor, filter, VISIT_PAGE_APPEALS)?;
            appeals.reverse();
            let mut cases = Vec::new();
            for case in repo::visits::cases_of(tx, id)? {
                // A case out of the reader's reach (sensitive, another office's) is not there.
                match self.case_within_reach(tx, actor, case) {
                    Ok(stored) => cases.push((case, stored.case.number)),
                    Err(StoreError::NotFound) => {}
                    Err(e) => return Err(e),
                }
            }
            let (mut tasks, mut photos) = (Vec::new(), Vec::new());
            if may.read_notes {
                for (mut task, title_enc) in repo::tasks::of_record(tx, id)? {
                    task.title = self.open_text(crate::sealed::visit_task_title(task.id), &title_enc)?;
                    tasks.push(task);
                }
                photos = repo::visits::photos_of(tx, id)?;
            }
            Ok(VisitFile { visit, may, party, appeals, cases, previous, tasks, photos })
        })?)
    }

    /// Whom the visit form offers as its team and as partners going along.
    pub fn visit_choices(&self, actor: &Actor) -> AppResult<VisitChoices> {
        if !policy::may_record(actor) {
            return Err(AppError::Forbidden);
        }
        let office = actor.office_id();
        let mut team: Vec<(AccountId, String)> = self
            .store
            .read(repo::accounts::list)?
            .into_iter()
            .filter(|a| !a.disabled && a.role.can(Capability::RecordVisits))
            .filter(|a| office.is_none_or(|o| a.office_id == o))
            .map(|a| (a.id, a.display_name))
            .collect();
        team.sort_by(|a, b| a.1.cmp(&b.1));
        let mut partners = Vec::new();
        for kind in JOINT_PARTNER_KINDS {
            let query =
                crate::partners::PartnerQuery { kind: Some(kind.into()), active_only: true, ..Default::default() };
            partners.extend(self.find_partners(actor, &query)?.into_iter().map(|p| (p.id, p.name)));
        }
        Ok(VisitChoices { team, partners })
    }

    /// One page of visits, in day order.
    pub fn visits(&self, actor: &Actor, query: &VisitQuery, page: i64) -> AppResult<Page<VisitLine>> {
        if !policy::may_read(actor) {
            return Err(AppError::Forbidden);
        }
        let filter = VisitFilter {
            office: actor.office_scope(query.office),
            from: query.from,
            to: query.to.and_then(|d| d.succ_opt()),
            status: query.status.clone(),
            district: query.district.clone(),
            place_kind: query.place_kind.clone(),
            party: query.party,
        };
        let offset = page.max(0).saturating_mul(VISIT_PAGE_SIZE);
        let mut items =
            self.store.read(|tx| repo::visits::list(tx, &filter, query.oldest_first, VISIT_PAGE_SIZE + 1, offset))?;
        let more = items.len() as i64 > VISIT_PAGE_SIZE;
        items.truncate(VISIT_PAGE_SIZE as usize);
        Ok(Page { items, more })
    }

    /// Gives someone follow-up work from a visit: whoever may change the visit, to a colleague
    /// who reads case files.
    pub fn add_visit_task(&self, actor: &Actor, mut task: VisitTask) -> AppResult<TaskId> {
        if !policy::may_record(actor) {
            return Err(AppError::Forbidden);
        }
        task.created_by = actor.account_id();
        task.done_on = None;
        task.title = task.title.trim().to_owned();
        let mut errors = task.validate();
        // The assignee reads case files and reaches the visit (its office, or its team), or
        // the task would sit where they cannot see it. Accounts are never deleted.
        let takes = self.store.read(|tx| {
            // Out of reach the visit is not there, before anything is said of the assignee.
            self.open_for_change(tx, actor, task.record)?;
            let found = match repo::accounts::get(tx, task.assignee_id) {
                Ok(found) => found.account,
                Err(StoreError::NotFound) => return Ok(false),
                Err(e) => return Err(e),
            };
            let (office, on_team) = repo::visits::reach_facts(tx, task.record, Some(found.id))?;
            let disabled = found.disabled;
            let assignee = Actor::Staff(found);
            Ok(!disabled && policy::may_read(&assignee) && assignee.reaches(office, on_team, false))
        })?;
        if !takes {
            errors.push(ValidationError::Invalid { field: "assignee_id" });
        }
        AppError::invalid(errors)?;
        Ok(self.store.write(|tx| {
            self.open_for_change(tx, actor, task.record)?;
            let title_enc = self.keys.seal(crate::sealed::visit_task_title(task.id), task.title.as_bytes());
            repo::tasks::insert(tx, &task, title_enc)?;
            let detail = format!("visit {}", task.record);
            self.audit(tx, Event::new(actor.account_id(), Action::Create, "task", task.id.to_string()).detail(detail))?;
            Ok(task.id)
        })?)
    }

    /// Marks a visit's task done today, or to do again: whoever may change the visit, or the
    /// task's assignee.
    pub fn set_visit_task_done(&self, actor: &Actor, visit: VisitId, task: TaskId, done: bool) -> AppResult<()> {
        if !policy::may_read(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        Ok(self.store.write(|tx| {
            let assigned = repo::tasks::of_record(tx, visit)?
                .iter()
                .any(|(t, _)| t.id == task && Some(t.assignee_id) == actor.account_id());
            if !assigned {
                self.open_for_change(tx, actor, visit)?;
            }
            if !repo::tasks::set_done(tx, visit, task, done.then_some(today))? {
                return Err(StoreError::NotFound);
            }
            let detail = format!("visit {visit} {}", if done { "done" } else { "to do again" });
            self.audit(tx, Event::new(actor.account_id(), Action::Update, "task", task.to_string()).detail(detail))
        })?)
    }

    /// The actor's visit tasks still to do, soonest first, each marked when overdue; those of
    /// visits out of reach are left out. Reading the titles is audited.
    pub fn my_visit_tasks(&self, actor: &Actor, limit: i64) -> AppResult<Vec<DashboardVisitTask>> {
        let Some(me) = actor.account_id() else { return Ok(Vec::new()) };
        if !policy::may_read(actor) || limit <= 0 {
            return Ok(Vec::new());
        }
        let today = self.today(actor)?;
        Ok(self.audited_read(|tx| {
            let mut tasks = Vec::new();
            for open in repo::visits::open_tasks_of(tx, me, limit)? {
                let (_, on_team) = repo::visits::reach_facts(tx, open.task.record, Some(me))?;
                if !actor.reaches(open.visit_office, on_team, false) {
                    continue;
                }
                let mut task = open.task;
                task.title = self.open_text(crate::sealed::visit_task_title(task.id), &open.title_enc)?;
                let overdue = task.is_overdue(today);
                let (district, place_kind, visit_day) = (open.district, open.place_kind, open.visit_day);
                tasks.push(DashboardVisitTask { task, district, place_kind, visit_day, overdue });
            }
            if !tasks.is_empty() {
                let looked = format!("{} visit task titles on the dashboard", tasks.len());
                let detail = crate::audit::search_detail(looked, tasks.iter().map(|t| t.task.id));
                self.audit(tx, Event::new(Some(me), Action::Read, "visit-task", "mine").detail(detail))?;
            }
            Ok(tasks)
        })?)
    }

    /// Files a photograph taken on a visit: checked like an evidence file (its kind read from
    /// its content, a cut-off upload refused), a picture only, sealed before it is stored.
    pub fn attach_visit_photo(
        &self,
        actor: &Actor,
        visit: VisitId,
        file_name: &str,
        content: &[u8],
    ) -> Result<PhotoId, EvidenceRefused> {
        if !policy::may_record(actor) {
            return Err(AppError::Forbidden.into());
        }
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let accepted = evidence::inspect(file_name, content)?;
        if !accepted.kind.is_image() {
            return Err(evidence::EvidenceProblem::RefusedType.into());
        }
        let id = PhotoId::new();
        // Sealed outside the write lock: a photograph may be megabytes.
        let stored = StoredPhoto {
            photo: VisitPhoto {
                id,
                visit_id: visit,
                kind: accepted.kind.code().to_owned(),
                size: accepted.size as i64,
                added_by: by,
                added_at: Utc::now(),
            },
            name_enc: self.keys.seal(crate::sealed::visit_photo_name(id), accepted.name.as_bytes()),
            content_enc: self.keys.seal(crate::sealed::visit_photo_content(id), content),
        };
        self.store
            .write(|tx| {
                self.open_for_change(tx, actor, visit)?;
                repo::visits::insert_photo(tx, &stored)?;
                let event = Event::new(Some(by), Action::Create, "visit-photo", id.to_string())
                    .detail(format!("visit {visit}: {}", stored.photo.kind));
                self.audit(tx, event)
            })
            .map_err(AppError::from)?;
        Ok(id)
    }

    /// A visit's photograph, opened, for a reader of the visit's notes; audited.
    pub fn visit_photo(&self, actor: &Actor, visit: VisitId, id: PhotoId) -> AppResult<PhotoFile> {
        if !policy::may_read(actor) {
            return Err(AppError::Forbidden);
        }
        let stored = self.store.read(|tx| {
            let (office, on_team) = repo::visits::reach_facts(tx, visit, actor.account_id())?;
            if !policy::rights(actor, office, on_team, false).read_notes {
                return Err(StoreError::NotFound);
            }
            repo::visits::photo(tx, visit, id)
        })?;
        let name = self.open_text(crate::sealed::visit_photo_name(id), &stored.name_enc)?;
        let content = self.keys.open(crate::sealed::visit_photo_content(id), &stored.content_enc)?;
        self.audit_reads(vec![Event::new(actor.account_id(), Action::Read, "visit-photo", id.to_string())])?;
        Ok(PhotoFile { photo: stored.photo, name, content })
    }

    /// Refuses an on-site consultation on a visit the actor may not register appeals on:
    /// one out of reach is not there, one that has not taken place is refused.
    pub(crate) fn check_visit_takes_appeals(&self, actor: &Actor, visit: VisitId) -> AppResult<()> {
        let done = self.store.read(|tx| {
            let (office, on_team) = repo::visits::reach_facts(tx, visit, actor.account_id())?;
            if !policy::rights(actor, office, on_team, true).register_appeals {
                return Err(StoreError::NotFound);
            }
            Ok(repo::visits::get(tx, visit)?.visit.done())
        })?;
        AppError::invalid(if done { vec![] } else { vec![ValidationError::Invalid { field: "visit" }] })
    }

    /// Opens a group case from a visit in one step: the persons of its on-site consultations,
    /// its party as the employer, its district as the place of exploitation, the actor as
    /// lead and today as the opening day. `form` is the id of the form sent (made when it was shown):
    /// the same form sent again answers the case it opened, and `Conflict` if that case was
    /// opened from another visit.
    pub fn open_case_from_visit(
        &self,
        actor: &Actor,
        visit: VisitId,
        kind: &str,
        sensitive: bool,
        form: CaseId,
    ) -> AppResult<CaseId> {
        actor.require(Capability::ManageCases)?;
        let lead_id: AccountId = actor.account_id().ok_or_else(|| required("lead"))?;
        // The form's own id, kept per lead as the intake keeps an appeal's: the same form sent
        // twice (a double click, a retry on a slow line) opens one case.
        let id = CaseId(crate::appeals::kept_uuid(b"komek case from visit\0", lead_id, form.0));
        komek_domain::lookups::CASE_KIND.check("kind", kind).map_err(|e| AppError::Invalid(vec![e]))?;
        let today = self.today(actor)?;
        let lists = self.lookups()?;
        // The outer result is the store's; the inner one says the visit cannot have a case.
        self.store.write(|tx| {
            let (office, on_team) = repo::visits::reach_facts(tx, visit, actor.account_id())?;
            let source = repo::visits::get(tx, visit)?.visit;
            if !policy::rights(actor, office, on_team, source.done()).open_case {
                return Err(StoreError::NotFound);
            }
            // Opened already by this form: the case it opened, if it opened it from this visit.
            match repo::cases::get(tx, id) {
                Ok(_) if repo::visits::cases_of(tx, visit)?.contains(&id) => return Ok(Ok(id)),
                Ok(_) => return Ok(Err(AppError::Conflict)),
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
            // The people consulted that the lead may name: another office's or a restricted
            // person stays out of the group case.
            let filter = AppealFilter { visit: Some(visit), ..Default::default() };
            let appeals = self.appeals_in(tx, actor, filter, i64::MAX)?;
            let mut persons = Vec::new();
            let mut consultations = Vec::new();
            for appeal in &appeals {
                let Some(person) = appeal.person_id else { continue };
                let office = repo::persons::office_of(tx, person)?;
                if self.reaches_person(tx, actor, person, office)? {
                    persons.push(person);
                    consultations.push(appeal.id);
                }
            }
            persons.sort();
            persons.dedup();
            if persons.is_empty() {
                return Ok(Err(required("persons")));
            }
            let mut case = Case {
                id,
                sensitive,
                persons,
                parties: source.party_id.map(|p| (p, "employer".to_owned())).into_iter().collect(),
                exploited_region: Some(source.region.clone()),
                exploited_district: Some(source.district.clone()),
                ..Case::opened(source.office_id, kind, lead_id, today)
            };
            let mut problems = case.validate();
            // The visit's place goes over even if its district has been retired since.
            problems.extend(lists.check(&case.codes_held(), &source.codes_held()));
            if !problems.is_empty() {
                return Ok(Err(AppError::Invalid(problems)));
            }
            self.insert_case(tx, actor, &mut case, None)?;
            repo::visits::link_case(tx, visit, case.id)?;
            // Each consultation whose person the case holds now led to it.
            for appeal in consultations {
                let stored = repo::appeals::get(tx, appeal)?;
                let updated = komek_domain::entities::Appeal { outcome: "case-opened".into(), ..stored.appeal };
                repo::appeals::update(tx, &updated, stored.notes_enc, stored.version)?;
            }
            let detail = format!("case {} opened", case.number);
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, visit.to_string()).detail(detail))?;
            Ok(Ok(case.id))
        })?
    }
}

fn required(field: &'static str) -> AppError {
    AppError::Invalid(vec![ValidationError::Required { field }])
}
