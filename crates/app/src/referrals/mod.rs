//! A person's consent and their referrals: recorded for a person within the actor's reach,
//! every text that may name someone sealed, every step audited.
//!
//! The consent is checked here, never only on a page: a referral is made and sent only with
//! fields its consent allows to that partner for that purpose on that day
//! ([`Consent::allows`]), or, without consent, with a manager's written reason, which the
//! audit log records as an override. Withdrawing a consent withdraws at once every referral
//! made under it that has not gone yet. Sending is an audited action of its own: "shared with
//! partner X: fields A, B, C under consent K".

use chrono::{NaiveDate, Utc};
use komek_domain::referrals::{
    self as rules, Consent, Direction, Recipient, Referral, ReferralStep, SharingRefused, next_statuses,
};
use komek_domain::{AppealId, CaseId, ConsentId, OfficeId, PartnerId, PersonId, ReferralId, ValidationError};
use komek_store::repo::referrals::{self as repo, StoredConsent, StoredReferral, StoredStep};
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::policy::referrals as policy;
use crate::{Actor, App, AppError, AppResult, sealed};

mod htcds;
mod incoming;
mod letter;
mod scans;
pub use htcds::{CasesToExport, Coverage, ExportPreview, ExportTo, HtcdsExport, LeftOut, MAX_CASES_PER_EXPORT};
pub use incoming::{IncomingReferral, Opens, Received};
pub use komek_store::repo::referrals::{ConsentScan, ReferralsOf, SentLetter};
pub use letter::{ReferralLetter, Words};
pub use scans::ScanFile;

/// A consent as it is recorded: everything but who recorded it, when, and for whom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewConsent {
    pub given_on: NaiveDate,
    pub method: String,
    pub recipients: Vec<Recipient>,
    pub purposes: Vec<String>,
    pub categories: Vec<String>,
    pub expires_on: Option<NaiveDate>,
    /// What the person was told, the witness, the guardian (sealed); empty for none.
    pub note: String,
}

/// A referral as a lawyer or an operator makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReferral {
    pub person_id: PersonId,
    pub case_id: Option<CaseId>,
    pub appeal_id: Option<AppealId>,
    pub partner_id: PartnerId,
    pub purpose: String,
    pub services: Vec<String>,
    pub urgency: String,
    pub reply_due_on: Option<NaiveDate>,
    /// The fields to carry (`komek_domain::referrals::SHAREABLE_FIELDS`).
    pub fields: Vec<String>,
    /// The consent it goes under; `None` with an override.
    pub consent_id: Option<ConsentId>,
    /// A manager's written reason to share without consent.
    pub override_reason: Option<String>,
    /// The day it was made, when recorded afterwards (a referral made on paper); today when
    /// `None`. Never in the future.
    pub made_on: Option<NaiveDate>,
}

/// One step a referral is moved on by: its new status, the day, the reply or a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub status: String,
    pub on: NaiveDate,
    pub note: String,
}

/// A referral with its steps, as its page shows it.
#[derive(Debug, Clone)]
pub struct ReferralFile {
    pub referral: Referral,
    pub steps: Vec<ReferralStep>,
    /// The letter it was sent with, once sent.
    pub sent_letter: Option<SentLetter>,
    /// The number of the case it was made from, when the reader may open that case.
    pub case_number: Option<String>,
    /// The version read, to be given back with the next step.
    pub version: i64,
}

/// A referral's first step: the day it was made (or received) and what the partner's letter
/// said, if it came from one.
struct FirstStep<'a> {
    on: NaiveDate,
    note: Option<&'a str>,
}

/// A list of the referral desk as the store reads it: an office's (or every office's), at most
/// so many, in the list's order.
type DeskList = fn(&mut dyn Tx, Option<OfficeId>, i64) -> Result<Vec<StoredReferral>, StoreError>;

/// The id a referral sent by `account` under the id `sent` is kept as (see
/// [`crate::appeals::kept_id`]): one sender's form sent twice reaches one referral.
pub(crate) fn kept_id(account: komek_domain::AccountId, sent: ReferralId) -> ReferralId {
    ReferralId(crate::appeals::kept_uuid(b"komek referral id\0", account, sent.0))
}

/// Whether the referral of this kept id was made already, by this account.
fn made_already(tx: &mut dyn Tx, id: ReferralId, by: komek_domain::AccountId) -> Result<bool, StoreError> {
    match repo::referral(tx, id) {
        Ok(earlier) => Ok(earlier.referral.created_by == by),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Why a referral may not carry what it asks: the consent's own words, naming the consent.
fn not_consented(consent: ConsentId, refused: SharingRefused) -> AppError {
    AppError::NotConsented { consent, refused }
}

impl App {
    /// Records what a person agreed to share, with whom and for what.
    pub fn record_consent(&self, actor: &Actor, person: PersonId, new: NewConsent) -> AppResult<ConsentId> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        let office_id = actor.office_for_new_record(None)?;
        let consent = Consent {
            id: ConsentId::new(),
            person_id: person,
            office_id,
            given_on: new.given_on,
            method: new.method,
            recipients: new.recipients,
            purposes: new.purposes,
            categories: new.categories,
            expires_on: new.expires_on,
            withdrawn_on: None,
            note: Some(new.note),
            recorded_by: actor.account_id().ok_or(AppError::Forbidden)?,
            recorded_at: Utc::now(),
        };
        self.check_new(&consent, consent.validate(today))?;
        let note = consent.note.as_deref().unwrap_or_default();
        let note_enc = (!note.is_empty()).then(|| self.keys.seal(sealed::consent_note(consent.id), note.as_bytes()));
        let stored = StoredConsent { consent: Consent { note: None, ..consent }, note_enc };
        self.store.write(|tx| {
            self.person_within_reach(tx, actor, person)?;
            // A partner it names is one of the directory that may be chosen now.
            for recipient in &stored.consent.recipients {
                let Recipient::Partner(partner) = recipient else { continue };
                let active = match repo::partner(tx, *partner) {
                    Ok(stored) => stored.partner.active,
                    Err(StoreError::NotFound) => false,
                    Err(e) => return Err(e),
                };
                if !active {
                    return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "recipients" }])));
                }
            }
            repo::insert_consent(tx, &stored)?;
            let c = &stored.consent;
            let event = Event::new(actor.account_id(), Action::Create, "consent", c.id.to_string()).detail(format!(
                "person {person}: {}; {}",
                c.purposes.join(", "),
                c.categories.join(", ")
            ));
            self.audit(tx, event)?;
            Ok(Ok(c.id))
        })?
    }

    /// A person's consents, the latest first, their notes opened (and the reading audited).
    pub fn consents(&self, actor: &Actor, person: PersonId) -> AppResult<Vec<Consent>> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.audited_read(|tx| {
            self.person_within_reach(tx, actor, person)?;
            let mut consents = Vec::new();
            for stored in repo::consents_of(tx, person)? {
                let id = stored.consent.id;
                let note = match &stored.note_enc {
                    Some(sealed) => {
                        let text = self.open_text(sealed::consent_note(id), sealed)?;
                        self.audit(tx, Event::new(actor.account_id(), Action::Read, "consent", id.to_string()))?;
                        text
                    }
                    None => String::new(),
                };
                consents.push(Consent { note: Some(note), ..stored.consent });
            }
            Ok::<_, StoreError>(consents)
        })?)
    }

    /// The terms of a person's consents (whom, what for, which data, from when to when),
    /// without their notes: what a referral form offers. Nothing sealed is opened.
    pub fn consent_terms(&self, actor: &Actor, person: PersonId) -> AppResult<Vec<Consent>> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.store.read(|tx| {
            self.person_within_reach(tx, actor, person)?;
            Ok::<_, StoreError>(repo::consents_of(tx, person)?.into_iter().map(|s| s.consent).collect())
        })?)
    }

    /// Records a person's withdrawal of a consent on `on` (today or a past day not before it
    /// was given); every referral made under it and not yet sent is withdrawn with it, and
    /// returned.
    pub fn withdraw_consent(&self, actor: &Actor, id: ConsentId, on: NaiveDate) -> AppResult<Vec<ReferralId>> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let outcome = self.store.write(|tx| {
            let stored = repo::consent(tx, id)?;
            self.person_within_reach(tx, actor, stored.consent.person_id)?;
            let given_on = stored.consent.given_on;
            if on > today {
                return Ok(Err(vec![ValidationError::Future { field: "withdrawn_on" }]));
            }
            if on < given_on || !repo::withdraw_consent(tx, id, on, by)? {
                return Ok(Err(vec![ValidationError::Invalid { field: "withdrawn_on" }]));
            }
            self.audit(tx, Event::new(Some(by), Action::Update, "consent", id.to_string()).detail("withdrawn"))?;
            let mut stopped = Vec::new();
            for draft in repo::drafts_under(tx, id)? {
                let step = StoredStep {
                    step: ReferralStep { status: "withdrawn".into(), on, by, note: None, recorded_at: Utc::now() },
                    note_enc: None,
                };
                repo::add_step(tx, draft.referral.id, draft.version, &step)?;
                let event = Event::new(Some(by), Action::Update, "referral", draft.referral.id.to_string())
                    .detail(format!("withdrawn: consent {id} withdrawn"));
                self.audit(tx, event)?;
                stopped.push(draft.referral.id);
            }
            Ok(Ok(stopped))
        })?;
        outcome.map_err(AppError::Invalid)
    }

    /// Makes a referral: an outgoing one as a draft, after checking that its consent allows
    /// every field to this partner for this purpose today (or that a manager overrides); an
    /// incoming one as received.
    pub fn make_referral(&self, actor: &Actor, direction: Direction, new: NewReferral) -> AppResult<ReferralId> {
        self.make_referral_sent_as(actor, direction, new, ReferralId::new())
    }

    /// [`App::make_referral`] for a form that names its own id (`sent`, made when the form
    /// was shown): the same form sent twice makes one referral, and the second answers as the
    /// first.
    pub fn make_referral_sent_as(
        &self,
        actor: &Actor,
        direction: Direction,
        new: NewReferral,
        sent: ReferralId,
    ) -> AppResult<ReferralId> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        if new.override_reason.is_some() && !policy::may_override_consent(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        let made_on = new.made_on.unwrap_or(today);
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let id = kept_id(by, sent);
        let referral = Referral {
            id,
            office_id: OfficeId::default(),
            number: String::new(),
            direction,
            person_id: new.person_id,
            case_id: new.case_id,
            appeal_id: new.appeal_id,
            partner_id: new.partner_id,
            purpose: new.purpose,
            services: new.services,
            urgency: new.urgency,
            reply_due_on: new.reply_due_on,
            fields: new.fields,
            consent_id: new.consent_id,
            override_reason: new.override_reason,
            status: match direction {
                Direction::Outgoing => "draft",
                Direction::Incoming => "received",
            }
            .into(),
            created_by: by,
            created_at: Utc::now(),
        };
        let mut problems = referral.validate();
        problems.extend(self.refused_codes(&referral, None)?);
        if direction == Direction::Outgoing && referral.consent_id.is_none() && referral.override_reason.is_none() {
            problems.push(ValidationError::Required { field: "consent_id" });
        }
        komek_domain::rules::check_day(&mut problems, "made_on", made_on);
        if made_on > today {
            problems.push(ValidationError::Future { field: "made_on" });
        }
        if referral.reply_due_on.is_some_and(|due| due < made_on) {
            problems.push(ValidationError::Invalid { field: "reply_due_on" });
        }
        AppError::invalid(problems)?;
        let first = FirstStep { on: made_on, note: None };
        self.store.write(|tx| {
            if made_already(tx, id, by)? {
                return Ok(Ok(id));
            }
            self.insert_referral(tx, actor, &referral, &first)
        })?
    }

    /// Inserts a checked referral in the caller's transaction: the person (and case) within
    /// reach, its sharing allowed on the day of its first step, its number given in that
    /// day's year, its first step and audit entry written.
    fn insert_referral(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        referral: &Referral,
        first_step: &FirstStep<'_>,
    ) -> Result<Result<ReferralId, AppError>, StoreError> {
        let (id, by) = (referral.id, referral.created_by);
        let office = self.person_within_reach(tx, actor, referral.person_id)?;
        if let Some(case) = referral.case_id {
            let case = self.case_within_reach(tx, actor, case)?;
            if !case.case.persons.contains(&referral.person_id) {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "person_id" }])));
            }
        }
        // The appeal it comes from is one the actor sees, about this person; any other does
        // not exist for them.
        if let Some(appeal) = referral.appeal_id {
            let appeal = komek_store::repo::appeals::get(tx, appeal)?.appeal;
            if !crate::appeals::sees_office(actor, appeal.office_id) || appeal.person_id != Some(referral.person_id) {
                return Err(StoreError::NotFound);
            }
        }
        if let Err(refused) = self.check_sharing(tx, referral, first_step.on)? {
            return Ok(Err(refused));
        }
        let prefix = format!("R-{}-", first_step.on.format("%Y"));
        let n = komek_store::repo::cases::next_number(tx, &prefix)?;
        let override_reason_enc = referral
            .override_reason
            .as_deref()
            .map(|reason| self.keys.seal(sealed::referral_override_reason(id), reason.as_bytes()));
        let stored = StoredReferral {
            referral: Referral {
                office_id: office,
                number: format!("{prefix}{n:03}"),
                override_reason: None,
                ..referral.clone()
            },
            override_reason_enc,
            version: 1,
        };
        let note_enc = first_step
            .note
            .filter(|n| !n.trim().is_empty())
            .map(|n| self.keys.seal(sealed::referral_step_note(id), n.as_bytes()));
        let first = StoredStep {
            step: ReferralStep {
                status: stored.referral.status.clone(),
                on: first_step.on,
                by,
                note: None,
                recorded_at: stored.referral.created_at,
            },
            note_enc,
        };
        repo::insert_referral(tx, &stored, &first)?;
        let event = Event::new(Some(by), Action::Create, "referral", id.to_string()).detail(format!(
            "{} {} to partner {}",
            referral.direction.code(),
            stored.referral.number,
            referral.partner_id
        ));
        self.audit(tx, event)?;
        // Sharing without consent is reviewed by a manager like a read past one's reach.
        if let Some(reason) = &referral.override_reason {
            self.record_break_glass(tx, by, "referral", &id.to_string(), reason)?;
        }
        Ok(Ok(id))
    }

    /// Moves a referral on by one step, with the partner's reply or a note (sealed), if nobody
    /// moved it since `version` was read. Sending checks the consent again, on the day it
    /// goes, records what was shared with whom, and files the letter (in the words `words`
    /// gives, the partner's language) into the case's evidence as what was sent.
    pub fn move_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        version: i64,
        step: &NextStep,
        words: &Words<'_>,
    ) -> AppResult<()> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let NextStep { status, on, note } = step;
        let (status, on) = (status.as_str(), *on);
        let mut problems = Vec::new();
        komek_domain::rules::check_text(&mut problems, "note", note, komek_domain::limits::MAX_NOTE_CHARS);
        komek_domain::rules::check_day(&mut problems, "on", on);
        if on > today {
            problems.push(ValidationError::Future { field: "on" });
        }
        AppError::invalid(problems)?;
        let note_enc = (!note.is_empty()).then(|| self.keys.seal(sealed::referral_step_note(id), note.as_bytes()));
        self.store.write(|tx| {
            let stored = self.referral_within_reach(tx, actor, id)?;
            let r = &stored.referral;
            // Moved by someone else since it was read: the step asked may no longer fit.
            if stored.version != version {
                return Ok(Err(AppError::Conflict));
            }
            if !next_statuses(&r.status).contains(&status) {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "status" }])));
            }
            // Steps follow one another in time: none before the one it follows.
            if repo::steps(tx, id)?.last().is_some_and(|last| on < last.step.on) {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "on" }])));
            }
            if status == "sent"
                && let Err(refused) = self.check_sharing(tx, r, on)?
            {
                return Ok(Err(refused));
            }
            let step = StoredStep {
                step: ReferralStep { status: status.to_owned(), on, by, note: None, recorded_at: Utc::now() },
                note_enc: note_enc.clone(),
            };
            repo::add_step(tx, id, version, &step)?;
            let (action, detail) = if status == "sent" {
                let sha256 = match self.keep_letter(tx, actor, r, on, words, today)? {
                    Ok(sha256) => sha256,
                    Err(failed) => return Ok(Err(failed)),
                };
                let under = r.consent_id.map_or("a manager's override".to_owned(), |c| format!("consent {c}"));
                let fields = r.fields.join(", ");
                let shared = format!("shared with partner {}: {fields} under {under}", r.partner_id);
                (Action::Export, format!("{shared}; letter sha256 {sha256}"))
            } else {
                (Action::Update, status.to_owned())
            };
            self.audit(tx, Event::new(Some(by), action, "referral", id.to_string()).detail(detail))?;
            Ok(Ok(()))
        })?
    }

    /// Keeps the letter a referral is sent with, as the PDF that went: sealed with the
    /// referral, and filed into its case's evidence when it has a case. Answers the PDF's
    /// SHA-256, for the audit entry of the sending.
    fn keep_letter(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        r: &Referral,
        sent_on: NaiveDate,
        words: &Words<'_>,
        today: NaiveDate,
    ) -> Result<Result<String, AppError>, StoreError> {
        use sha2::{Digest, Sha256};
        let letter = self.letter_in(tx, actor, r.id, words, today)?;
        let pdf = match letter.to_pdf() {
            Ok(pdf) => pdf,
            Err(e) => return Ok(Err(e)),
        };
        let sha256 = hex::encode(Sha256::digest(&pdf));
        let kept = repo::SentLetter {
            referral_id: r.id,
            sha256: sha256.clone(),
            size: pdf.len() as i64,
            sent_on,
            sent_by: actor.account_id().ok_or(StoreError::NotFound)?,
        };
        repo::insert_sent_letter(tx, &kept, self.keys.seal(sealed::sent_letter(r.id), &pdf))?;
        if let Some(case) = r.case_id {
            let name = format!("{}.pdf", letter.number);
            let accepted = match komek_domain::evidence::inspect(&name, &pdf) {
                Ok(accepted) => accepted,
                Err(problem) => return Ok(Err(AppError::Document(problem.to_string()))),
            };
            let sealed = self.seal_evidence(actor, case, accepted, &pdf);
            self.file_evidence(tx, actor, &sealed)?;
        }
        Ok(Ok(sha256))
    }

    /// The letter a referral was sent with, as the PDF that went; the reading audited.
    pub fn sent_letter(&self, actor: &Actor, id: ReferralId) -> AppResult<(SentLetter, Vec<u8>)> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let (letter, pdf_enc) = self.store.read(|tx| {
            self.referral_within_reach(tx, actor, id)?;
            repo::sent_letter_pdf(tx, id)
        })?;
        let pdf = self.keys.open(sealed::sent_letter(id), &pdf_enc)?;
        self.audit_reads(vec![Event::new(actor.account_id(), Action::Read, "sent-letter", id.to_string())])?;
        Ok((letter, pdf))
    }

    /// A referral and its steps, the replies opened (and the reading audited).
    pub fn referral_file(&self, actor: &Actor, id: ReferralId) -> AppResult<ReferralFile> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.audited_read(|tx| {
            let stored = self.referral_within_reach(tx, actor, id)?;
            let mut steps = Vec::new();
            let mut opened = false;
            for s in repo::steps(tx, id)? {
                let note = match &s.note_enc {
                    Some(sealed) => {
                        opened = true;
                        Some(self.open_text(sealed::referral_step_note(id), sealed)?)
                    }
                    None => None,
                };
                steps.push(ReferralStep { note, ..s.step });
            }
            let override_reason = match &stored.override_reason_enc {
                Some(sealed) => {
                    opened = true;
                    Some(self.open_text(sealed::referral_override_reason(id), sealed)?)
                }
                None => None,
            };
            if opened {
                self.audit(tx, Event::new(actor.account_id(), Action::Read, "referral", id.to_string()))?;
            }
            let case_number = match stored.referral.case_id {
                Some(case) => match self.case_within_reach(tx, actor, case) {
                    Ok(within) => Some(within.case.number),
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(e),
                },
                None => None,
            };
            Ok::<_, StoreError>(ReferralFile {
                referral: Referral { override_reason, ..stored.referral },
                steps,
                sent_letter: repo::sent_letter(tx, id)?,
                case_number,
                version: stored.version,
            })
        })?)
    }

    /// A person's or a case's referrals within the actor's reach, newest first (no sealed
    /// text opened).
    pub fn referrals(&self, actor: &Actor, of: ReferralsOf) -> AppResult<Vec<Referral>> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.store.read(|tx| {
            match of {
                ReferralsOf::Person(person) => self.person_within_reach(tx, actor, person).map(|_| ())?,
                ReferralsOf::Case(case) => self.case_within_reach(tx, actor, case).map(|_| ())?,
            }
            Ok::<_, StoreError>(repo::referrals_of(tx, of)?.into_iter().map(|s| s.referral).collect())
        })?)
    }

    /// The referrals of the actor's office still under way, those waiting longest for a reply
    /// first, each of a person within the actor's reach (no sealed text opened): the desk.
    pub fn referrals_under_way(&self, actor: &Actor, limit: usize) -> AppResult<Vec<Referral>> {
        self.desk_list(actor, limit, repo::under_way)
    }

    /// The referrals of the actor's office a partner declined and nobody closed yet, the
    /// latest first, each of a person within the actor's reach: they wait for the sender to
    /// close them or to refer the person elsewhere.
    pub fn referrals_declined(&self, actor: &Actor, limit: usize) -> AppResult<Vec<Referral>> {
        self.desk_list(actor, limit, repo::declined)
    }

    /// At most `limit` referrals of a list of the desk `read` gives in its order, those of
    /// persons out of the actor's reach left out.
    fn desk_list(&self, actor: &Actor, limit: usize, read: DeskList) -> AppResult<Vec<Referral>> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let office = actor.office_scope(None);
        Ok(self.store.read(|tx| {
            // A few of an office's referrals may be of people in sensitive cases the actor is
            // not on, so read more than asked and keep those within reach.
            let more = i64::try_from(limit.saturating_mul(2)).unwrap_or(i64::MAX);
            let mut shown = Vec::new();
            for stored in read(tx, office, more)? {
                if shown.len() == limit {
                    break;
                }
                let person = stored.referral.person_id;
                let person_office = komek_store::repo::persons::office_of(tx, person)?;
                if self.reaches_person(tx, actor, person, person_office)? {
                    shown.push(stored.referral);
                }
            }
            Ok::<_, StoreError>(shown)
        })?)
    }

    /// Whether a referral may be recorded with its partner, and an outgoing one carry its
    /// fields to it on `day`: the partner active (one that may be chosen), and the consent
    /// (the person's own) allowing them, or a manager's override.
    fn check_sharing(
        &self,
        tx: &mut dyn Tx,
        referral: &Referral,
        day: NaiveDate,
    ) -> Result<Result<(), AppError>, StoreError> {
        let partner = match repo::partner(tx, referral.partner_id) {
            Ok(stored) => stored.partner,
            Err(StoreError::NotFound) => {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "partner_id" }])));
            }
            Err(e) => return Err(e),
        };
        if !partner.active {
            return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "partner_id" }])));
        }
        if referral.direction == Direction::Incoming {
            return Ok(Ok(()));
        }
        let Some(consent_id) = referral.consent_id else {
            return Ok(Ok(()));
        };
        let consent = match repo::consent(tx, consent_id) {
            Ok(stored) if stored.consent.person_id == referral.person_id => stored.consent,
            Ok(_) | Err(StoreError::NotFound) => {
                return Ok(Err(AppError::Invalid(vec![ValidationError::Invalid { field: "consent_id" }])));
            }
            Err(e) => return Err(e),
        };
        Ok(consent.allows(&partner, &referral.purpose, &referral.fields, day).map_err(|r| not_consented(consent_id, r)))
    }

    /// The person, if within the actor's reach: their office. Out of reach is not there.
    fn person_within_reach(&self, tx: &mut dyn Tx, actor: &Actor, id: PersonId) -> Result<OfficeId, StoreError> {
        let stored = komek_store::repo::persons::get(tx, id)?;
        if !self.reaches_person(tx, actor, id, stored.office_id)? {
            return Err(StoreError::NotFound);
        }
        Ok(stored.office_id)
    }

    /// A referral whose person is within the actor's reach; any other does not exist for them.
    pub(crate) fn referral_within_reach(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: ReferralId,
    ) -> Result<StoredReferral, StoreError> {
        let stored = repo::referral(tx, id)?;
        self.person_within_reach(tx, actor, stored.referral.person_id)?;
        Ok(stored)
    }
}

/// Every shareable field a consent allows for a partner and purpose on a day: what a referral
/// form offers (the rest shown greyed out).
pub fn allowed_fields(
    consent: &Consent,
    partner: &komek_domain::referrals::Partner,
    purpose: &str,
    day: NaiveDate,
) -> Vec<&'static str> {
    rules::SHAREABLE_FIELDS
        .iter()
        .map(|(field, _)| *field)
        .filter(|field| consent.allows(partner, purpose, &[(*field).to_owned()], day).is_ok())
        .collect()
}
