//! The appeals register: every call, visit and message, and the intake that records one
//! (with a new or known person and the parties named) in a single step.

use chrono::{NaiveDate, Utc};
use komek_domain::entities::{Appeal, PersonIdentity, PersonProfile};
use komek_domain::lookups::HoldsCodes;
use komek_domain::{AccountId, AppealId, Capability, OfficeId, PartyId, PersonId, VisitId};
use komek_store::repo::appeals::{AppealFilter, FollowUp};
// Lines and order of the register are plain data every caller of the services may use.
pub use komek_store::repo::appeals::{AppealLine, AppealSort};
use komek_store::{StoreError, Tx, repo};

use crate::audit::{Action, Event};
use crate::clock::start_of_day;
use crate::parties::NewParty;
use crate::{Actor, App, AppError, AppResult, Page};

const KIND: &str = "appeal";

/// Who an intake is about.
// One value per call recorded, moved once: boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum IntakePerson {
    /// Nobody named: an anonymous appeal is a normal appeal.
    None,
    /// A person already registered, recognised by the operator.
    Known(PersonId),
    /// Someone new, registered with the appeal.
    New { profile: PersonProfile, identity: PersonIdentity },
}

/// One call as the operator records it: the appeal, its person, the parties it names (known
/// ones are in `appeal.parties`; new ones are registered with it, each with its role).
#[derive(Debug, Clone)]
pub struct Intake {
    pub appeal: Appeal,
    pub person: IntakePerson,
    pub new_parties: Vec<(NewParty, String)>,
    /// What the lead of a restricted person's case is told (as the title of a task due the
    /// day of the call) when the call is linked to such a person, in words the caller chose
    /// for its reader; empty for a plain English sentence.
    pub lead_notice: String,
    /// The monitoring visit on which the appeal was taken (an on-site consultation): the
    /// appeal comes by the mobile group and is linked to the visit in the same transaction.
    pub visit: Option<VisitId>,
}

/// What an intake saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeSaved {
    pub appeal_id: AppealId,
    pub person_id: Option<PersonId>,
    /// False when this appeal was already saved (the form was sent twice).
    pub created: bool,
}

/// An appeal with the version an edit must name.
#[derive(Debug, Clone)]
pub struct AppealRecord {
    pub appeal: Appeal,
    pub version: i64,
    /// Whether the notes were within reach (and so shown).
    pub notes_shown: bool,
    /// What the reader may do with the appeal.
    pub may: crate::policy::appeals::AppealRights,
}

/// Which follow-ups an appeals list keeps, as the office's calendar has them today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpWhen {
    DueToday,
    Overdue,
}

/// An appeals list as a person asks for it: days are the office's days, all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppealQuery {
    pub from: Option<NaiveDate>,
    /// Inclusive.
    pub to: Option<NaiveDate>,
    /// Ignored for staff who see only their own office.
    pub office: Option<OfficeId>,
    pub operator: Option<AccountId>,
    pub channel: Option<String>,
    pub topic: Option<String>,
    pub outcome: Option<String>,
    pub follow_up: Option<FollowUpWhen>,
    pub person: Option<PersonId>,
    pub party: Option<PartyId>,
    pub sort: AppealSort,
}

/// Appeals per page of the register.
pub const PAGE_SIZE: i64 = 50;

impl App {
    /// Registers an appeal. Staff register in their own office and as its operator; the
    /// system (CLI, demo) must name both. The id is the caller's, so a form sent twice saves once.
    pub fn register_appeal(&self, actor: &Actor, appeal: Appeal) -> AppResult<AppealId> {
        let person = appeal.person_id.map_or(IntakePerson::None, IntakePerson::Known);
        let intake = Intake { appeal, person, new_parties: Vec::new(), lead_notice: String::new(), visit: None };
        Ok(self.register_intake(actor, intake)?.appeal_id)
    }

    /// Records a call in one transaction: the new person and parties, then the appeal that
    /// names them. Every field of every part is checked first, so an error saves nothing and
    /// the form can mark all its fields at once. Sending the same intake again (same appeal
    /// id, same operator) saves nothing more and answers as before.
    pub fn register_intake(&self, actor: &Actor, mut intake: Intake) -> AppResult<IntakeSaved> {
        if let Some(operator) = actor.account_id() {
            intake.appeal.id = kept_id(operator, intake.appeal.id);
        }
        let id = intake.appeal.id;
        match self.register_intake_once(actor, intake) {
            // Two copies of one form sent at once: the one that lost the race answers as the
            // winner did.
            Err(AppError::Conflict) => {
                let earlier = self.store.read(|tx| repo::appeals::get(tx, id)).map(|s| s.appeal)?;
                if actor.account_id().is_some_and(|me| me == earlier.operator_id) {
                    Ok(IntakeSaved { appeal_id: id, person_id: earlier.person_id, created: false })
                } else {
                    Err(AppError::Conflict)
                }
            }
            other => other,
        }
    }

    fn register_intake_once(&self, actor: &Actor, intake: Intake) -> AppResult<IntakeSaved> {
        actor.require(Capability::RegisterAppeals)?;
        let Intake { mut appeal, person, new_parties, lead_notice, visit } = intake;
        if visit.is_some() {
            appeal.channel = "mobile-group".into();
        }
        if let Actor::Staff(account) = actor {
            appeal.office_id = account.office_id;
            appeal.operator_id = account.id;
        }
        normalise_lists(&mut appeal);
        let mut errors = appeal.validate(Utc::now());
        errors.extend(self.refused_codes(&appeal, None)?);
        if let IntakePerson::New { profile, identity } = &person {
            errors.extend(crate::persons::validate(profile, identity));
        }
        let today = self.today(actor)?;
        for (party, role) in &new_parties {
            errors.extend(party.validate(today));
            errors.extend(self.refused_codes(party, None)?);
            if let Err(e) = komek_domain::lookups::PARTY_ROLE.check("parties.role", role) {
                errors.push(e);
            }
        }
        AppError::invalid(errors)?;
        if let Some(visit) = visit {
            self.check_visit_takes_appeals(actor, visit)?;
        }
        let notes = appeal.notes.take().filter(|n| !n.trim().is_empty());
        self.store
            .write(|tx| {
                if repo::appeals::exists(tx, appeal.id)? {
                    let earlier = repo::appeals::get(tx, appeal.id)?.appeal;
                    if earlier.operator_id != appeal.operator_id {
                        return Err(StoreError::Conflict("another operator's appeal has this id".into()));
                    }
                    return Ok(IntakeSaved { appeal_id: appeal.id, person_id: earlier.person_id, created: false });
                }
                let notes_enc = notes.map(|n| self.keys.seal(crate::sealed::appeal_notes(appeal.id), n.as_bytes()));
                // A person the operator may not see (a victim in a sensitive case) may be named
                // all the same; their cases' leads are then told of the call.
                let mut restricted_cases = Vec::new();
                match person {
                    IntakePerson::None => appeal.person_id = None,
                    IntakePerson::Known(id) => {
                        let stored = repo::persons::get(tx, id)?;
                        if !self.reaches_person(tx, actor, id, stored.office_id)? {
                            restricted_cases = self.restricted_cases(tx, actor, id, stored.office_id)?;
                            if restricted_cases.is_empty() {
                                return Err(StoreError::NotFound);
                            }
                        }
                        appeal.person_id = Some(id);
                    }
                    IntakePerson::New { profile, identity } => {
                        appeal.person_id = Some(self.insert_person(tx, actor, appeal.office_id, profile, &identity)?);
                    }
                }
                for (party, role) in new_parties {
                    appeal.parties.push((self.insert_party(tx, actor, appeal.office_id, party)?, role));
                }
                for (party, _) in &appeal.parties {
                    repo::parties::get(tx, *party)?;
                }
                appeal.parties.sort();
                appeal.parties.dedup_by_key(|(id, _)| *id);
                repo::appeals::insert(tx, &appeal, notes_enc)?;
                let created = Event::new(actor.account_id(), Action::Create, KIND, appeal.id.to_string());
                let created = match visit {
                    Some(visit) => {
                        repo::visits::link_appeal(tx, visit, appeal.id)?;
                        created.detail(format!("on visit {visit}"))
                    }
                    None => created,
                };
                self.audit(tx, created)?;
                self.tell_leads_of_call(tx, actor, &appeal, &restricted_cases, &lead_notice)?;
                Ok(IntakeSaved { appeal_id: appeal.id, person_id: appeal.person_id, created: true })
            })
            .map_err(Into::into)
    }

    /// Gives the lead of each case a task, due the day of the call, saying that their client
    /// called the hotline: the operator linked the call without seeing who the person is.
    fn tell_leads_of_call(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        appeal: &Appeal,
        cases: &[komek_store::repo::cases::CaseFacts],
        notice: &str,
    ) -> Result<(), StoreError> {
        let clock = crate::clock::office_clock_in(tx, actor)?;
        let day = appeal.received_at.with_timezone(&clock).date_naive();
        let title = if notice.trim().is_empty() {
            format!("Your client called the hotline on {day} about: {}", appeal.topics.join(", "))
        } else {
            notice.trim().to_owned()
        };
        for case in cases {
            let task = komek_domain::casework::Task {
                id: komek_domain::TaskId::new(),
                record: case.id,
                title: title.clone(),
                assignee_id: case.lead_id,
                due_on: day,
                done_on: None,
                created_by: actor.account_id(),
            };
            let title_enc = self.keys.seal(crate::sealed::task_title(task.id), task.title.as_bytes());
            repo::tasks::insert(tx, &task, title_enc)?;
            let detail = format!("case {} hotline call {} linked without sight of the person", case.id, appeal.id);
            self.audit(tx, Event::new(actor.account_id(), Action::Create, "task", task.id.to_string()).detail(detail))?;
        }
        Ok(())
    }

    /// Saves an edited appeal if it is still at `version`; the office and operator stay as
    /// registered. Only within the actor's office.
    pub fn update_appeal(&self, actor: &Actor, mut appeal: Appeal, version: i64) -> AppResult<()> {
        actor.require(Capability::RegisterAppeals)?;
        normalise_lists(&mut appeal);
        AppError::invalid(appeal.validate(Utc::now()))?;
        let lists = self.lookups()?;
        let notes = appeal.notes.take().filter(|n| !n.trim().is_empty());
        let notes_enc = notes.map(|n| self.keys.seal(crate::sealed::appeal_notes(appeal.id), n.as_bytes()));
        self.store.write(|tx| {
            let current = repo::appeals::get(tx, appeal.id)?.appeal;
            if !self.reaches_appeal_notes(tx, actor, &current)? {
                return Err(StoreError::NotFound);
            }
            let refused = lists.check(&appeal.codes_held(), &current.codes_held());
            if !refused.is_empty() {
                return Ok(Err(AppError::Invalid(refused)));
            }
            appeal.office_id = current.office_id;
            appeal.operator_id = current.operator_id;
            if let Some(person) = appeal.person_id.filter(|p| Some(*p) != current.person_id) {
                let stored = repo::persons::get(tx, person)?;
                if !self.reaches_person(tx, actor, person, stored.office_id)? {
                    return Err(StoreError::NotFound);
                }
            }
            for (party, _) in &appeal.parties {
                repo::parties::get(tx, *party)?;
            }
            repo::appeals::update(tx, &appeal, notes_enc, version)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, appeal.id.to_string()))?;
            Ok(Ok(()))
        })?
    }

    /// An appeal with its version; the notes only within the actor's reach, and that read is
    /// audited. Appeals of other offices are not there for office staff.
    pub fn appeal(&self, actor: &Actor, id: AppealId) -> AppResult<AppealRecord> {
        actor.require(Capability::RegisterAppeals)?;
        Ok(self.audited_read(|tx| {
            let stored = repo::appeals::get(tx, id)?;
            let mut appeal = stored.appeal;
            if !sees_office(actor, appeal.office_id) {
                return Err(StoreError::NotFound);
            }
            let notes_shown = self.reaches_appeal_notes(tx, actor, &appeal)?;
            if notes_shown {
                appeal.notes = Some(match stored.notes_enc {
                    Some(sealed) => self.open_text(crate::sealed::appeal_notes(id), &sealed)?,
                    None => String::new(),
                });
                self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
            }
            let may = crate::policy::appeals::rights(actor, &appeal, notes_shown);
            Ok(AppealRecord { appeal, version: stored.version, notes_shown, may })
        })?)
    }

    /// Whether an appeal's notes (and so its editing) are within reach: the appeal's office,
    /// and, when it names a person, that person's reach (a sensitive case's team only).
    fn reaches_appeal_notes(&self, tx: &mut dyn Tx, actor: &Actor, appeal: &Appeal) -> Result<bool, StoreError> {
        if !actor.reaches(appeal.office_id, false, false) {
            return Ok(false);
        }
        match appeal.person_id {
            Some(person) => {
                let office = repo::persons::office_of(tx, person)?;
                self.reaches_person(tx, actor, person, office)
            }
            None => Ok(true),
        }
    }

    /// One page of the appeals register (no identifying data in it). Office staff see their
    /// own office; roles over the whole organisation may pick one or see all.
    pub fn appeals(&self, actor: &Actor, query: &AppealQuery, page: i64) -> AppResult<Page<AppealLine>> {
        actor.require(Capability::RegisterAppeals)?;
        let clock = self.office_clock(actor)?;
        let today = Utc::now().with_timezone(&clock).date_naive();
        let start_of = |day: NaiveDate| start_of_day(clock, day);
        let filter = AppealFilter {
            received_from: query.from.map(start_of),
            received_to: query.to.and_then(|d| d.succ_opt()).map(start_of),
            office: actor.office_scope(query.office),
            operator: query.operator,
            channel: query.channel.clone(),
            topic: query.topic.clone(),
            outcome: query.outcome.clone(),
            follow_up: query.follow_up.map(|when| match when {
                FollowUpWhen::DueToday => FollowUp::DueBy(today),
                FollowUpWhen::Overdue => FollowUp::OverdueOn(today),
            }),
            person: query.person,
            party: query.party,
            visit: None,
        };
        let page = page.max(0);
        let mut items = self
            .store
            .read(|tx| repo::appeals::list(tx, &filter, query.sort, PAGE_SIZE + 1, page.saturating_mul(PAGE_SIZE)))?;
        let more = items.len() as i64 > PAGE_SIZE;
        items.truncate(PAGE_SIZE as usize);
        Ok(Page { items, more })
    }

    /// The actor's own follow-ups due today or earlier, soonest first.
    pub fn my_follow_ups(&self, actor: &Actor, limit: i64) -> AppResult<Vec<AppealLine>> {
        let Some(me) = actor.account_id() else { return Ok(Vec::new()) };
        let query = AppealQuery {
            operator: Some(me),
            follow_up: Some(FollowUpWhen::DueToday),
            sort: AppealSort::FollowUpFirst,
            ..Default::default()
        };
        let mut page = self.appeals(actor, &query, 0)?.items;
        page.truncate(limit.max(0) as usize);
        Ok(page)
    }

    pub(crate) fn appeals_in(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        filter: AppealFilter,
        limit: i64,
    ) -> Result<Vec<AppealLine>, StoreError> {
        let office = actor.office_scope(filter.office);
        repo::appeals::list(tx, &AppealFilter { office, ..filter }, AppealSort::NewestFirst, limit, 0)
    }
}

/// Whether office-bound staff may see an appeal of `office` at all (its non-identifying part).
pub(crate) fn sees_office(actor: &Actor, office: OfficeId) -> bool {
    actor.sees_all_offices() || actor.office_id() == Some(office)
}

/// The id an appeal sent by `operator` under the id `sent` is kept as. The same operator
/// sending the same id again reaches the same appeal, so a retried form or request saves once;
/// nobody else can reach it, so sending the id of someone else's appeal — another office's
/// included — neither clashes with it nor tells that it exists (a record out of reach answers
/// exactly as one that is not there, in a clash of ids too).
pub fn kept_id(operator: AccountId, sent: AppealId) -> AppealId {
    AppealId(kept_uuid(b"komek appeal id\0", operator, sent.0))
}

/// The id a record of a kind (`domain`) sent by `account` under the id `sent` is kept as:
/// the same for the same sender and id, another for anyone else.
pub(crate) fn kept_uuid(domain: &[u8], account: AccountId, sent: uuid::Uuid) -> uuid::Uuid {
    use sha2::{Digest, Sha256};
    let digest =
        Sha256::new().chain_update(domain).chain_update(account.0.as_bytes()).chain_update(sent.as_bytes()).finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::new_v8(bytes)
}

/// Lists of codes are sets: order and repeats mean nothing.
fn normalise_lists(appeal: &mut Appeal) {
    appeal.topics.sort();
    appeal.topics.dedup();
    appeal.help.sort();
    appeal.help.dedup();
    appeal.parties.sort();
    appeal.parties.dedup_by_key(|(id, _)| *id);
}
