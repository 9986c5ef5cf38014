//! The referral letter: what goes to the partner, addressed to it, in its language, carrying
//! only the fields the referral was made with (which its consent allowed), with the office's
//! name and the referral's number. The page and the PDF print the same [`ReferralLetter`];
//! the PDF of a sent referral is filed into its case's evidence as what was sent.
//!
//! Words come from the caller's translator (the web's Fluent messages, `letter-*` and
//! `referral-field-*`), as a report export's do: nothing here is in one language.

use chrono::NaiveDate;
use komek_domain::entities::{Case, Person};
use komek_domain::lookups::{self, LookupList};
use komek_domain::referrals::{Direction, PartnerContacts};
use komek_domain::{ReferralId, indicators};
use komek_store::repo::referrals as repo;
use komek_store::{StoreError, Tx};

use crate::audit::{Action, Event};
use crate::pdf::{Face, Pages, Style};
use crate::policy::referrals as policy;
use crate::{Actor, App, AppError, AppResult, sealed};

/// A letter ready to print: every word already in the partner's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralLetter {
    /// "Направление № R-2026-014".
    pub title: String,
    pub number: String,
    /// The day it went (or, for a draft, today).
    pub dated: NaiveDate,
    /// Our office.
    pub sender: String,
    /// The partner, and its focal point when one is recorded.
    pub addressee: Vec<String>,
    /// What the partner is asked for, and why.
    pub request: Vec<String>,
    /// Each field the referral carries, labelled, in the order of the consent's field list.
    pub particulars: Vec<(String, String)>,
    /// On what ground the data is shared: the person's consent, or a manager's decision.
    pub basis: String,
    /// Who made the referral.
    pub signed: String,
}

/// Translates a message id; hands the id back when it has none.
pub type Words<'a> = dyn Fn(&str) -> String + 'a;

impl App {
    /// The letter for a referral, in the words `words` gives. Reading it opens the person's
    /// identity and the case's story, so it is an audited read of each and of the referral.
    pub fn referral_letter(&self, actor: &Actor, id: ReferralId, words: &Words<'_>) -> AppResult<ReferralLetter> {
        if !policy::may_refer(actor) {
            return Err(AppError::Forbidden);
        }
        let today = self.today(actor)?;
        self.audited_read(|tx| {
            let stored = self.referral_within_reach(tx, actor, id)?;
            let r = &stored.referral;
            // A letter is what we send: none for a referral a partner sent us, nor for one
            // withdrawn; and one not yet sent says only what its consent allows today.
            if r.direction == Direction::Incoming || r.status == "withdrawn" {
                return Ok(Err(AppError::NotFound));
            }
            if r.status == "draft"
                && let Err(refused) = self.check_sharing(tx, r, today)?
            {
                return Ok(Err(refused));
            }
            Ok(Ok(self.letter_in(tx, actor, id, words, today)?))
        })?
    }

    pub(super) fn letter_in(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: ReferralId,
        words: &Words<'_>,
        today: NaiveDate,
    ) -> Result<ReferralLetter, StoreError> {
        let stored = self.referral_within_reach(tx, actor, id)?;
        let r = &stored.referral;
        let partner = repo::partner(tx, r.partner_id)?;
        let contacts: PartnerContacts =
            self.open_json_unaudited(sealed::partner_contacts(r.partner_id), &partner.contacts_enc)?;
        let person = self.person_in(tx, actor, r.person_id)?;
        let case = match r.case_id {
            Some(case_id) => Some(self.case_for_letter(tx, actor, case_id)?),
            None => None,
        };
        let sent_on = repo::steps(tx, id)?.into_iter().find(|s| s.step.status == "sent").map(|s| s.step.on);
        let consent = match r.consent_id {
            Some(consent) => Some(repo::consent(tx, consent)?.consent),
            None => None,
        };
        let office = komek_store::repo::offices::get(tx, r.office_id)?;
        let author = komek_store::repo::accounts::get(tx, r.created_by)?.account;
        self.audit(tx, Event::new(actor.account_id(), Action::Read, "referral", id.to_string()).detail("letter"))?;

        let label = |list: LookupList, code: &str| words(&list.label_id(code));
        let labels =
            |list: LookupList, codes: &[String]| codes.iter().map(|c| label(list, c)).collect::<Vec<_>>().join(", ");
        let mut addressee = vec![partner.partner.name.clone()];
        if let Some(point) = contacts.focal_points.first() {
            addressee.push(if point.position.is_empty() {
                point.name.clone()
            } else {
                format!("{}, {}", point.name, point.position)
            });
        }
        let mut request = vec![format!(
            "{}: {}.",
            words(match r.direction {
                Direction::Outgoing => "letter-we-refer",
                Direction::Incoming => "letter-you-referred",
            }),
            labels(lookups::SERVICE_KIND, &r.services)
        )];
        request.push(format!("{}: {}.", words("letter-purpose"), label(lookups::REFERRAL_PURPOSE, &r.purpose)));
        request.push(format!("{}: {}.", words("letter-urgency"), label(lookups::URGENCY, &r.urgency)));
        if let Some(due) = r.reply_due_on {
            request.push(format!("{}: {}.", words("letter-reply-by"), due.format("%d.%m.%Y")));
        }
        let particulars = r
            .fields
            .iter()
            .map(|field| {
                let value = field_value(field, &person, case.as_ref(), words)
                    .filter(|v| !v.trim().is_empty())
                    .unwrap_or_else(|| words("letter-not-recorded"));
                (words(&format!("referral-field-{field}")), value)
            })
            .collect();
        let basis = match &consent {
            Some(c) => format!(
                "{} {} ({}).",
                words("letter-basis-consent"),
                c.given_on.format("%d.%m.%Y"),
                label(lookups::CONSENT_METHOD, &c.method)
            ),
            None => words("letter-basis-override"),
        };
        Ok(ReferralLetter {
            title: format!("{} № {}", words("letter-title"), r.number),
            number: r.number.clone(),
            dated: sent_on.unwrap_or(today),
            sender: office.name,
            addressee,
            request,
            particulars,
            basis,
            signed: author.display_name,
        })
    }

    /// The case as the letter needs it: its story opened, its parties named, its assessments.
    fn case_for_letter(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: komek_domain::CaseId,
    ) -> Result<CaseForLetter, StoreError> {
        let stored = self.case_within_reach(tx, actor, id)?;
        let mut case = stored.case;
        case.summary = match &stored.summary_enc {
            Some(sealed) => Some(self.open_text(sealed::case_summary(id), sealed)?),
            None => None,
        };
        let mut parties = Vec::new();
        for (party, role) in &case.parties {
            let name = self.party_in(tx, actor, *party)?.identity.map(|i| i.name).unwrap_or_default();
            parties.push((name, role.clone()));
        }
        let assessments = komek_store::repo::casework::assessments_of(tx, id)?;
        Ok(CaseForLetter { case, parties, assessments })
    }
}

/// What of a case a letter may quote.
struct CaseForLetter {
    case: Case,
    /// Each party's name (empty when unknown) and role.
    parties: Vec<(String, String)>,
    assessments: Vec<komek_domain::casework::Assessment>,
}

/// The value of one shareable field for the letter; `None` when Komek holds nothing for it.
fn field_value(field: &str, person: &Person, case: Option<&CaseForLetter>, words: &Words<'_>) -> Option<String> {
    let label = |list: LookupList, code: &str| words(&list.label_id(code));
    let labels =
        |list: LookupList, codes: &[String]| codes.iter().map(|c| label(list, c)).collect::<Vec<_>>().join(", ");
    let places = |parts: &[Option<String>]| parts.iter().flatten().cloned().collect::<Vec<_>>().join(", ");
    let identity = person.identity.as_ref();
    let profile = &person.profile;
    Some(match field {
        "full-name" => {
            let identity = identity?;
            match identity.passport_name.as_str() {
                "" => identity.full_name.clone(),
                passport if passport == identity.full_name => identity.full_name.clone(),
                passport => format!("{} ({passport})", identity.full_name),
            }
        }
        "birth-date" => {
            let identity = identity?;
            identity
                .birth_date
                .map(|d| d.format("%d.%m.%Y").to_string())
                .or(identity.birth_year.map(|y| y.to_string()))?
        }
        "sex" => label(lookups::SEX, &profile.sex),
        // The main citizenship first, then the others: all of them are the person's identity.
        "citizenship" => {
            let all: Vec<String> =
                std::iter::once(&profile.citizenship).chain(&profile.other_citizenships).cloned().collect();
            labels(lookups::CITIZENSHIP, &all)
        }
        "languages" => labels(lookups::LANGUAGE, &profile.languages),
        "phones" => identity?.phones.join(", "),
        "address" => identity?.address.clone(),
        "document-numbers" => identity?.documents.join(", "),
        "vulnerabilities" => labels(lookups::VULNERABILITY, &profile.vulnerabilities),
        "case-kind" => label(lookups::CASE_KIND, &case?.case.kind),
        "case-summary" => case?.case.summary.clone()?,
        "recruitment" => {
            let c = &case?.case;
            places(&[
                Some(c.recruited_at.clone()).filter(|s| !s.is_empty()),
                c.recruited_district.as_deref().map(|d| label(lookups::DISTRICT, d)),
                c.recruited_country.as_deref().map(|d| label(lookups::CITIZENSHIP, d)),
                Some(labels(lookups::RECRUITMENT_METHOD, &c.recruitment_methods)).filter(|s| !s.is_empty()),
            ])
        }
        "exploitation" => {
            let c = &case?.case;
            places(&[
                c.exploited_place.as_deref().map(|p| label(lookups::PLACE_KIND, p)),
                c.exploited_district.as_deref().map(|d| label(lookups::DISTRICT, d)),
                c.exploited_region.as_deref().map(|r| label(lookups::REGION, r)),
                c.exploited_country.as_deref().map(|d| label(lookups::CITIZENSHIP, d)),
            ])
        }
        "indicators" => {
            let case = case?;
            let mut said = Vec::new();
            if let Some(status) = case.case.victim_status(person.id) {
                said.push(label(lookups::VICTIM_STATUS, &status.status));
            }
            if let Some(evaluation) =
                case.assessments.iter().rev().find(|a| a.person_id == person.id).and_then(|a| a.evaluate())
            {
                // Named as the assessment's, so that it never reads as the status's reason.
                let verdict = words(&format!("indicator-verdict-{}", evaluation.verdict.code()));
                said.push(format!("{}: {verdict}", words("letter-ilo-assessment")));
                let found: Vec<String> = evaluation
                    .decided_by
                    .iter()
                    .filter(|code| indicators::indicator(code).is_some())
                    .map(|code| words(&format!("indicator-{code}")))
                    .collect();
                if !found.is_empty() {
                    said.push(found.join("; "));
                }
            }
            said.join(". ")
        }
        "parties" => case?
            .parties
            .iter()
            .map(|(name, role)| {
                let role = label(lookups::PARTY_ROLE, role);
                if name.is_empty() { role } else { format!("{name} ({role})") }
            })
            .collect::<Vec<_>>()
            .join(", "),
        // Komek keeps no health notes of its own: what a person said of their health stays
        // in the case's story and notes, which are not sent as health data.
        _ => return None,
    })
}

impl ReferralLetter {
    /// The letter as a printable A4 PDF.
    pub fn to_pdf(&self) -> Result<Vec<u8>, AppError> {
        let face = Face::load().ok_or_else(|| AppError::Document("the embedded font cannot be read".into()))?;
        let mut pages = Pages::new(&face);
        pages.paragraph(&self.sender, 10.0, Style::Muted);
        for line in &self.addressee {
            pages.paragraph(line, 10.5, Style::Bold);
        }
        pages.paragraph(&self.dated.format("%d.%m.%Y").to_string(), 10.0, Style::Plain);
        pages.heading(&self.title, &[]);
        for line in &self.request {
            pages.paragraph(line, 10.0, Style::Plain);
        }
        pages.pairs(&self.particulars, 9.5);
        pages.paragraph(&self.basis, 9.0, Style::Muted);
        pages.paragraph(&self.signed, 10.0, Style::Plain);
        pages.render(&self.title, &self.number).map_err(AppError::Document)
    }
}
