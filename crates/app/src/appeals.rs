//! The appeals register: every call, visit and message.

use komek_domain::entities::Appeal;
use komek_domain::{AppealId, Capability};
use komek_store::repo;

use crate::audit::{Action, Event};
use crate::crypto::FieldRef;
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "appeal";

fn notes_ref(id: AppealId) -> FieldRef<'static> {
    FieldRef { kind: KIND, id: id.0, field: "notes" }
}

impl App {
    /// Registers an appeal. Staff register in their own office and as its operator; the
    /// system (CLI, demo) must name both. The id may be chosen by the caller, so a form
    /// submitted twice saves once.
    pub fn register_appeal(&self, actor: &Actor, mut appeal: Appeal) -> AppResult<AppealId> {
        actor.require(Capability::RegisterAppeals)?;
        if let Actor::Staff(account) = actor {
            appeal.office_id = account.office_id;
            appeal.operator_id = account.id;
        }
        appeal.topics.sort();
        appeal.topics.dedup();
        appeal.help.sort();
        appeal.help.dedup();
        appeal.parties.sort();
        AppError::invalid(appeal.validate())?;
        let notes = appeal.notes.take().filter(|n| !n.trim().is_empty());
        let notes_enc = notes.map(|n| self.keys.seal(notes_ref(appeal.id), n.as_bytes()));
        self.store.write(|tx| {
            if let Some(person) = appeal.person_id {
                repo::persons::get(tx, person)?;
            }
            repo::appeals::insert(tx, &appeal, notes_enc)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Create, KIND, appeal.id.to_string()))
        })?;
        Ok(appeal.id)
    }

    /// An appeal; its notes only within the actor's reach, audited.
    pub fn appeal(&self, actor: &Actor, id: AppealId) -> AppResult<Appeal> {
        actor.require(Capability::ViewIdentifying)?;
        Ok(self.store.write(|tx| {
            let stored = repo::appeals::get(tx, id)?;
            let mut appeal = stored.appeal;
            if actor.reaches(appeal.office_id, false, false) {
                appeal.notes = Some(match stored.notes_enc {
                    Some(sealed) => self.open_text(notes_ref(id), &sealed)?,
                    None => String::new(),
                });
                self.audit(tx, Event::new(actor.account_id(), Action::Read, KIND, id.to_string()))?;
            }
            Ok(appeal)
        })?)
    }

    /// The newest appeals of the actor's office (all offices for the system).
    pub fn recent_appeals(&self, actor: &Actor, limit: i64) -> AppResult<Vec<repo::appeals::AppealLine>> {
        actor.require(Capability::RegisterAppeals)?;
        Ok(self.store.read(|tx| repo::appeals::recent(tx, actor.office_id(), limit))?)
    }
}
