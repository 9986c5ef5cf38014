//! Writing the parts of a case file: timeline events, indicator assessments, proceedings,
//! tasks, notes and evidence files; and the tasks a dashboard shows.
//!
//! Every call checks the role, then the case's reach (`App::case_within_reach`), seals the free
//! text, and audits in the same transaction. Audit details name kinds and codes, never text.

use chrono::Utc;
use komek_domain::casework::{Assessment, CaseEvent, CaseNote, EvidenceFile, NoteVisibility, Proceeding, Task};
use komek_domain::evidence;
use komek_domain::indicators::Evaluation;
use komek_domain::lookups::HoldsCodes;
use komek_domain::{
    AssessmentId, Capability, CaseId, EventId, EvidenceId, NoteId, ProceedingId, TaskId, ValidationError,
};
use komek_store::repo;
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::crypto::FieldRef;
use crate::{Actor, App, AppError, AppResult};

/// Why an evidence file was refused; the case is left unchanged.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceRefused {
    #[error(transparent)]
    File(#[from] evidence::EvidenceProblem),
    #[error(transparent)]
    App(#[from] AppError),
}

/// An evidence file sealed and ready to be filed.
pub(crate) struct SealedEvidence {
    pub(crate) file: EvidenceFile,
    name_enc: Vec<u8>,
    content_enc: Vec<u8>,
}

/// A task still to do on someone's dashboard, with its case.
#[derive(Debug, Clone)]
pub struct DashboardTask {
    pub task: Task,
    pub case_number: String,
    pub overdue: bool,
}

/// Overdue tasks are counted up to this many; the dashboard says "more than" past it.
pub const OVERDUE_COUNTED_UP_TO: i64 = 999;

/// How many tasks are overdue: exactly up to [`OVERDUE_COUNTED_UP_TO`], or `more` than that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueCount {
    pub count: i64,
    pub more: bool,
}

impl App {
    /// Adds a dated event to a case's timeline.
    pub fn add_event(&self, actor: &Actor, mut event: CaseEvent) -> AppResult<EventId> {
        actor.require(Capability::ManageCases)?;
        event.author_id = actor.account_id();
        event.place_settlement = event.place_settlement.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        self.check_new(&event, event.validate())?;
        let stored = repo::casework::StoredEvent {
            text_enc: self.keys.seal(crate::sealed::event_text(event.id), event.text.trim().as_bytes()),
            place_settlement_enc: event
                .place_settlement
                .as_deref()
                .and_then(|s| self.seal_optional(crate::sealed::event_settlement(event.id), s)),
            event: CaseEvent { place_settlement: None, text: String::new(), ..event.clone() },
        };
        self.store.write(|tx| {
            self.case_within_reach(tx, actor, event.case_id)?;
            repo::casework::insert_event(tx, &stored)?;
            self.audit_part(tx, actor, Action::Create, "case-event", event.id.to_string(), event.case_id, &event.kind)
        })?;
        Ok(event.id)
    }

    /// Records an assessment of a person of the case against an indicator catalogue and
    /// returns what the ILO rule makes of it. The catalogue's edition is recorded with it.
    pub fn add_assessment(&self, actor: &Actor, mut assessment: Assessment) -> AppResult<(AssessmentId, Evaluation)> {
        actor.require(Capability::ManageCases)?;
        assessment.assessor_id = actor.account_id();
        AppError::invalid(assessment.validate())?;
        let catalogue = assessment.catalogue().ok_or(AppError::NotFound)?;
        assessment.edition = catalogue.edition.to_owned();
        let evaluation = assessment.evaluate().ok_or(AppError::NotFound)?;
        self.store.write(|tx| {
            let case = self.case_within_reach(tx, actor, assessment.case_id)?.case;
            if !case.persons.contains(&assessment.person_id) {
                return Err(StoreError::NotFound);
            }
            repo::casework::insert_assessment(tx, &assessment, evaluation.verdict.code())?;
            let detail = format!("{} {}", assessment.catalogue, evaluation.verdict.code());
            self.audit_part(tx, actor, Action::Create, "assessment", assessment.id.to_string(), case.id, &detail)
        })?;
        Ok((assessment.id, evaluation))
    }

    /// Records a proceeding of the case.
    pub fn add_proceeding(&self, actor: &Actor, mut proceeding: Proceeding) -> AppResult<ProceedingId> {
        actor.require(Capability::ManageCases)?;
        normalise_proceeding(&mut proceeding);
        self.check_new(&proceeding, proceeding.validate())?;
        let notes_enc = self.seal_optional(crate::sealed::proceeding_notes(proceeding.id), &proceeding.notes);
        self.store.write(|tx| {
            self.case_within_reach(tx, actor, proceeding.case_id)?;
            repo::casework::insert_proceeding(tx, &proceeding, notes_enc)?;
            self.audit_part(
                tx,
                actor,
                Action::Create,
                "proceeding",
                proceeding.id.to_string(),
                proceeding.case_id,
                &proceeding.kind,
            )
        })?;
        Ok(proceeding.id)
    }

    /// Saves a proceeding (its stage, hearings, outcome …) if nobody changed it since
    /// `version`; returns the new version.
    pub fn update_proceeding(&self, actor: &Actor, mut proceeding: Proceeding, version: i64) -> AppResult<i64> {
        actor.require(Capability::ManageCases)?;
        normalise_proceeding(&mut proceeding);
        AppError::invalid(proceeding.validate())?;
        let lists = self.lookups()?;
        let notes_enc = self.seal_optional(crate::sealed::proceeding_notes(proceeding.id), &proceeding.notes);
        self.store.write(|tx| {
            self.case_within_reach(tx, actor, proceeding.case_id)?;
            let saved = repo::casework::proceedings_of(tx, proceeding.case_id)?;
            let Some(before) = saved.iter().find(|p| p.proceeding.id == proceeding.id) else {
                return Err(StoreError::NotFound);
            };
            let refused = lists.check(&proceeding.codes_held(), &before.proceeding.codes_held());
            if !refused.is_empty() {
                return Ok(Err(AppError::Invalid(refused)));
            }
            repo::casework::update_proceeding(tx, &proceeding, notes_enc, version)?;
            let detail = format!("{} {}", proceeding.stage, proceeding.outcome.as_deref().unwrap_or("-"));
            self.audit_part(
                tx,
                actor,
                Action::Update,
                "proceeding",
                proceeding.id.to_string(),
                proceeding.case_id,
                &detail,
            )?;
            Ok(Ok(()))
        })??;
        Ok(version + 1)
    }

    /// Gives someone a task in a case. The assignee must be able to open the case, or the
    /// task would point them at a file they cannot read.
    pub fn add_task(&self, actor: &Actor, mut task: Task) -> AppResult<TaskId> {
        actor.require(Capability::ManageCases)?;
        task.created_by = actor.account_id();
        task.done_on = None;
        AppError::invalid(task.validate())?;
        let title_enc = self.keys.seal(crate::sealed::task_title(task.id), task.title.trim().as_bytes());
        self.store.write(|tx| {
            let case = self.case_within_reach(tx, actor, task.record)?.case;
            let eligible = crate::policy::cases::may_lead(&repo::accounts::get(tx, task.assignee_id)?.account);
            let assignee = repo::accounts::get(tx, task.assignee_id)?.account;
            let on_team = repo::cases::is_on_team(tx, case.id, assignee.id)?;
            if !eligible || !Actor::Staff(assignee).reaches(case.office_id, on_team, case.sensitive) {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "assignee" }])));
            }
            repo::tasks::insert(tx, &task, title_enc)?;
            self.audit_part(tx, actor, Action::Create, "task", task.id.to_string(), case.id, &task.due_on.to_string())?;
            Ok(Ok(task.id))
        })?
    }

    /// Marks a task done today, or to do again.
    pub fn set_task_done(&self, actor: &Actor, case: CaseId, task: TaskId, done: bool) -> AppResult<()> {
        actor.require(Capability::ManageCases)?;
        let day = done.then(|| self.today(actor)).transpose()?;
        self.store.write(|tx| {
            self.case_within_reach(tx, actor, case)?;
            if !repo::tasks::set_done(tx, case, task, day)? {
                return Err(StoreError::NotFound);
            }
            let detail = if done { "done" } else { "to do again" };
            self.audit_part(tx, actor, Action::Update, "task", task.to_string(), case, detail)
        })?;
        Ok(())
    }

    /// Writes a note in a case, for the team or for the author's role only.
    pub fn add_note(&self, actor: &Actor, case: CaseId, text: &str, visibility: NoteVisibility) -> AppResult<NoteId> {
        actor.require(Capability::ManageCases)?;
        let Actor::Staff(author) = actor else { return Err(AppError::Forbidden) };
        let note = CaseNote {
            id: NoteId::new(),
            case_id: case,
            author_id: author.id,
            author_role: author.role,
            visibility,
            text: text.trim().to_owned(),
            written_at: Utc::now(),
        };
        AppError::invalid(note.validate())?;
        let text_enc = self.keys.seal(crate::sealed::note_text(note.id), note.text.as_bytes());
        self.store.write(|tx| {
            self.case_within_reach(tx, actor, case)?;
            repo::casework::insert_note(tx, &note, text_enc)?;
            self.audit_part(tx, actor, Action::Create, "case-note", note.id.to_string(), case, visibility.code())
        })?;
        Ok(note.id)
    }

    /// Attaches an evidence file. Its type is read from its content, a cut-off upload is
    /// refused, and name and content are encrypted before they are stored. A refused file
    /// leaves the case unchanged.
    pub fn add_evidence(
        &self,
        actor: &Actor,
        case: CaseId,
        file_name: &str,
        content: &[u8],
    ) -> Result<EvidenceId, EvidenceRefused> {
        actor.require(Capability::ManageCases)?;
        let accepted = evidence::inspect(file_name, content)?;
        let sealed = self.seal_evidence(actor, case, accepted, content);
        self.store.write(|tx| self.file_evidence(tx, actor, &sealed)).map_err(AppError::from)?;
        Ok(sealed.file.id)
    }

    /// An accepted file sealed for its case, ready to be filed (sealing is done outside the
    /// write lock).
    pub(crate) fn seal_evidence(
        &self,
        actor: &Actor,
        case: CaseId,
        accepted: evidence::AcceptedFile,
        content: &[u8],
    ) -> SealedEvidence {
        let file = EvidenceFile {
            id: EvidenceId::new(),
            case_id: case,
            name: accepted.name,
            kind: accepted.kind.code().to_owned(),
            size: accepted.size as i64,
            added_by: actor.account_id(),
            added_at: Utc::now(),
        };
        let name_enc = self.keys.seal(crate::sealed::evidence_name(file.id), file.name.as_bytes());
        let content_enc = self.keys.seal(crate::sealed::evidence_content(file.id), content);
        SealedEvidence { file, name_enc, content_enc }
    }

    /// Files sealed evidence into its case, within the actor's reach, audited.
    pub(crate) fn file_evidence(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        sealed: &SealedEvidence,
    ) -> Result<(), StoreError> {
        let file = &sealed.file;
        self.case_within_reach(tx, actor, file.case_id)?;
        repo::casework::insert_evidence(tx, file, sealed.name_enc.clone(), sealed.content_enc.clone())?;
        self.audit_part(tx, actor, Action::Create, "evidence", file.id.to_string(), file.case_id, &file.kind)
    }

    /// An evidence file with its content, for someone within the case's normal reach (not
    /// through break glass); audited. The file is read and opened outside the write lock.
    pub fn evidence_file(&self, actor: &Actor, case: CaseId, id: EvidenceId) -> AppResult<(EvidenceFile, Vec<u8>)> {
        actor.require(Capability::ViewCases)?;
        let (mut file, name_enc, content_enc) = self.store.read(|tx| {
            self.case_within_reach(tx, actor, case)?;
            repo::casework::evidence_with_content(tx, case, id)
        })?;
        file.name = self.open_text(crate::sealed::evidence_name(id), &name_enc)?;
        let content = self.keys.open(crate::sealed::evidence_content(id), &content_enc)?;
        self.audit_reads(vec![Event::new(actor.account_id(), Action::Read, "evidence", id.to_string())])?;
        Ok((file, content))
    }

    /// The actor's tasks still to do, soonest first, each marked when overdue: `limit` of them
    /// if they have that many. Tasks in cases the actor can no longer reach (moved to another
    /// office, taken off a sensitive case's team) are left out, and the next ones read in
    /// their place. Reading the titles is audited.
    pub fn my_tasks(&self, actor: &Actor, limit: i64) -> AppResult<Vec<DashboardTask>> {
        let Some(me) = actor.account_id() else { return Ok(Vec::new()) };
        if !actor.can(Capability::ViewCases) || limit <= 0 {
            return Ok(Vec::new());
        }
        let wanted = usize::try_from(limit).unwrap_or(usize::MAX);
        let today = self.today(actor)?;
        Ok(self.audited_read(|tx| {
            let mut tasks = Vec::new();
            let mut after = None;
            loop {
                let page = repo::casework::open_tasks_of(tx, me, after, limit)?;
                let last_page = page.len() < wanted;
                for open in page {
                    after = Some((open.task.due_on, open.task.id));
                    let on_team = repo::cases::is_on_team(tx, open.task.record, me)?;
                    if !actor.reaches(open.case_office, on_team, open.case_sensitive) {
                        continue;
                    }
                    let mut task = open.task;
                    task.title = self.open_text(crate::sealed::task_title(task.id), &open.title_enc)?;
                    tasks.push(DashboardTask { overdue: task.is_overdue(today), task, case_number: open.case_number });
                    if tasks.len() == wanted {
                        break;
                    }
                }
                if last_page || tasks.len() == wanted {
                    break;
                }
            }
            if !tasks.is_empty() {
                let detail = format!("{} titles on the dashboard", tasks.len());
                self.audit(tx, Event::new(Some(me), Action::Read, "task", "mine").detail(detail))?;
            }
            Ok(tasks)
        })?)
    }

    /// Tasks past their day in the cases the actor's lists show (their office, or all for
    /// roles over all offices; sensitive cases for their team only), counted up to
    /// [`OVERDUE_COUNTED_UP_TO`].
    pub fn overdue_tasks(&self, actor: &Actor) -> AppResult<OverdueCount> {
        actor.require(Capability::ViewCases)?;
        let today = self.today(actor)?;
        let office = actor.office_scope(None);
        let counted = self.store.read(|tx| {
            repo::casework::count_overdue(tx, office, actor.account_id(), today, OVERDUE_COUNTED_UP_TO + 1)
        })?;
        Ok(OverdueCount { count: counted.min(OVERDUE_COUNTED_UP_TO), more: counted > OVERDUE_COUNTED_UP_TO })
    }

    fn seal_optional(&self, at: FieldRef<'_>, text: &str) -> Option<Vec<u8>> {
        let text = text.trim();
        (!text.is_empty()).then(|| self.keys.seal(at, text.as_bytes()))
    }

    /// Audits a change to a part of a case, naming the case so that its history reads whole.
    #[allow(clippy::too_many_arguments)]
    fn audit_part(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        action: Action,
        kind: &str,
        id: String,
        case: CaseId,
        detail: &str,
    ) -> Result<(), StoreError> {
        self.audit(tx, Event::new(actor.account_id(), action, kind, id).detail(format!("case {case} {detail}")))
    }
}

fn normalise_proceeding(p: &mut Proceeding) {
    p.articles.sort();
    p.articles.dedup();
    p.hearings.sort();
    p.hearings.dedup();
}
