//! A referral received from a partner ("we send you this person"), taken in at one go: the
//! person registered (or a person already known), an appeal in the register or a case opened
//! for them, and the referral recorded as received with what the partner's letter says — in
//! one transaction, so that a refusal of any part leaves nothing half-saved.

use chrono::{NaiveDate, TimeZone, Utc};
use komek_domain::entities::{Appeal, Case};
use komek_domain::referrals::{Direction, Referral};
use komek_domain::{AppealId, CaseId, PartnerId, PersonId, ReferralId, ValidationError};

use super::FirstStep;
use crate::appeals::IntakePerson;
use crate::audit::{Action, Event};
use crate::policy::referrals as policy;
use crate::{Actor, App, AppError, AppResult};

/// What a partner's referral opens for the person here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opens {
    /// An appeal in the register, received through `channel` about `topics`, pending.
    Appeal { channel: String, topics: Vec<String> },
    /// A case of `kind`, led by the one who takes the referral in.
    Case { kind: String, sensitive: bool },
}

/// A referral as it arrives from a partner.
#[derive(Debug, Clone)]
pub struct IncomingReferral {
    pub partner_id: PartnerId,
    /// The day it reached us: today or before.
    pub received_on: NaiveDate,
    /// `lookups::REFERRAL_PURPOSE`.
    pub purpose: String,
    /// `lookups::SERVICE_KIND`: what the partner asks of us.
    pub services: Vec<String>,
    /// `lookups::URGENCY`.
    pub urgency: String,
    /// The day the partner expects our answer by.
    pub reply_due_on: Option<NaiveDate>,
    /// What the partner's letter says about the person and the request (sealed).
    pub letter: String,
    /// Someone already known, or someone new; never nobody.
    pub person: IntakePerson,
    pub opens: Opens,
}

/// What taking a referral in made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    pub referral_id: ReferralId,
    pub person_id: PersonId,
    pub appeal_id: Option<AppealId>,
    pub case_id: Option<CaseId>,
}

impl App {
    /// Takes in a partner's referral: registers the person if new, opens the appeal or case,
    /// and records the referral as received, all or nothing. Every part is checked first, so
    /// that a refusal names every field at once.
    pub fn receive_referral(&self, actor: &Actor, incoming: IncomingReferral) -> AppResult<Received> {
        self.receive_referral_sent_as(actor, incoming, ReferralId::new())
    }

    /// [`App::receive_referral`] for a form that names its own id (`sent`): the same form sent
    /// twice takes the person in once, and the second answers with what the first made.
    pub fn receive_referral_sent_as(
        &self,
        actor: &Actor,
        incoming: IncomingReferral,
        sent: ReferralId,
    ) -> AppResult<Received> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let opens_case = matches!(incoming.opens, Opens::Case { .. });
        actor.require(if opens_case {
            komek_domain::Capability::ManageCases
        } else {
            komek_domain::Capability::RegisterAppeals
        })?;
        let today = self.today(actor)?;
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let office = actor.office_for_new_record(None)?;
        let IncomingReferral {
            partner_id,
            received_on,
            purpose,
            services,
            urgency,
            reply_due_on,
            letter,
            person,
            opens,
        } = incoming;
        let referral = Referral {
            id: super::kept_id(by, sent),
            office_id: office,
            number: String::new(),
            direction: Direction::Incoming,
            person_id: PersonId::default(),
            case_id: None,
            appeal_id: None,
            partner_id,
            purpose,
            services,
            urgency,
            reply_due_on,
            fields: Vec::new(),
            consent_id: None,
            override_reason: None,
            status: "received".into(),
            created_by: by,
            created_at: Utc::now(),
        };
        let mut problems = referral.validate();
        komek_domain::rules::check_day(&mut problems, "received_on", received_on);
        if received_on > today {
            problems.push(ValidationError::Future { field: "received_on" });
        }
        komek_domain::rules::check_text(&mut problems, "letter", &letter, komek_domain::limits::MAX_NOTE_CHARS);
        match &person {
            IntakePerson::None => problems.push(ValidationError::Required { field: "person" }),
            IntakePerson::Known(_) => {}
            IntakePerson::New { profile, identity } => problems.extend(crate::persons::validate(profile, identity)),
        }
        let (mut appeal, mut case) = (None, None);
        match opens {
            Opens::Appeal { channel, topics } => {
                // The day it reached us, at noon, stands for the moment of the appeal.
                let at = Utc.from_utc_datetime(&received_on.and_hms_opt(12, 0, 0).unwrap_or_default());
                let mut a = Appeal::received(office, by, at.min(Utc::now()), &channel, "partner", "pending");
                a.topics = topics;
                a.help = vec!["referral".into()];
                problems.extend(a.validate(Utc::now()));
                appeal = Some(a);
            }
            Opens::Case { kind, sensitive } => {
                let c = Case { sensitive, ..Case::opened(office, &kind, by, received_on) };
                problems.extend(c.validate().into_iter().filter(|e| e.field() != "persons"));
                case = Some(c);
            }
        }
        AppError::invalid(problems)?;
        self.store.write(|tx| {
            if super::made_already(tx, referral.id, by)? {
                let r = komek_store::repo::referrals::referral(tx, referral.id)?.referral;
                let received =
                    Received { referral_id: r.id, person_id: r.person_id, appeal_id: r.appeal_id, case_id: r.case_id };
                return Ok(Ok(received));
            }
            let person_id = match person {
                IntakePerson::Known(id) => {
                    self.person_within_reach(tx, actor, id)?;
                    id
                }
                IntakePerson::New { profile, identity } => self.insert_person(tx, actor, office, profile, &identity)?,
                IntakePerson::None => {
                    return Ok(Err(AppError::Invalid(vec![ValidationError::Required { field: "person" }])));
                }
            };
            let mut referral = Referral { person_id, ..referral };
            if let Some(mut appeal) = appeal {
                appeal.person_id = Some(person_id);
                komek_store::repo::appeals::insert(tx, &appeal, None)?;
                self.audit(tx, Event::new(Some(by), Action::Create, "appeal", appeal.id.to_string()))?;
                referral.appeal_id = Some(appeal.id);
            }
            if let Some(mut case) = case {
                case.persons = vec![person_id];
                self.insert_case(tx, actor, &mut case, None)?;
                referral.case_id = Some(case.id);
            }
            let first = FirstStep { on: received_on, note: Some(&letter) };
            let referral_id = match self.insert_referral(tx, actor, &referral, &first)? {
                Ok(id) => id,
                Err(refused) => return Ok(Err(refused)),
            };
            Ok(Ok(Received { referral_id, person_id, appeal_id: referral.appeal_id, case_id: referral.case_id }))
        })?
    }
}
