//! The parts of a case file around the case itself: each person's standing as a victim, the
//! dated timeline, indicator assessments, proceedings, tasks, notes and evidence files.
//!
//! Plain data with its validation. Free text here (event descriptions, task titles, notes,
//! proceeding notes, file names) is identifying and is encrypted by the services before it
//! is stored; these types carry it in the clear only in memory.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::limits::{MAX_ARTICLES, MAX_HEARINGS, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::{
    AccountId, AssessmentId, CaseId, EventId, EvidenceId, Money, NoteId, PersonId, ProceedingId, Role, TaskId,
    ValidationError, indicators, law, lookups,
};

use crate::lookups::{Coded, HoldsCodes};
use crate::rules::{self, check_code, check_count, check_line, check_required, check_text};

/// A person in a case, with their standing as a victim and who decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VictimStatus {
    pub person_id: PersonId,
    /// `lookups::VICTIM_STATUS`.
    pub status: String,
    /// `lookups::IDENTIFYING_BODY`; set when the status is presumed or identified.
    pub identified_by: Option<String>,
    pub identified_on: Option<NaiveDate>,
}

impl VictimStatus {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_code(&mut errors, "victims.status", lookups::VICTIM_STATUS, &self.status);
        if let Some(body) = &self.identified_by {
            check_code(&mut errors, "victims.identified_by", lookups::IDENTIFYING_BODY, body);
        }
        if matches!(self.status.as_str(), "presumed" | "identified") && self.identified_by.is_none() {
            errors.push(ValidationError::Required { field: "victims.identified_by" });
        }
        if let Some(day) = self.identified_on {
            rules::check_day(&mut errors, "victims.identified_on", day);
        }
        errors
    }
}

/// A dated entry of the timeline a lawyer briefs from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub id: EventId,
    pub case_id: CaseId,
    pub happened_on: NaiveDate,
    /// `lookups::CASE_EVENT`.
    pub kind: String,
    /// What happened, in the lawyer's words (identifying, encrypted at rest).
    pub text: String,
    pub author_id: Option<AccountId>,
    /// Where it happened, when it was somewhere else than the case's places of recruitment
    /// and exploitation say: a country (`lookups::CITIZENSHIP`), in Kazakhstan a region and
    /// district, and the town or village as told (identifying, encrypted at rest like the text).
    pub place_country: Option<String>,
    pub place_region: Option<String>,
    pub place_district: Option<String>,
    pub place_settlement: Option<String>,
}

impl HoldsCodes for CaseEvent {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        Coded::optional("place_district", lookups::DISTRICT, &self.place_district).into_iter().collect()
    }
}

impl CaseEvent {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_code(&mut errors, "kind", lookups::CASE_EVENT, &self.kind);
        check_required(&mut errors, "text", &self.text);
        check_text(&mut errors, "text", &self.text, MAX_TEXT_CHARS);
        rules::check_day(&mut errors, "happened_on", self.happened_on);
        let place = [
            ("place_country", lookups::CITIZENSHIP, &self.place_country),
            ("place_region", lookups::REGION, &self.place_region),
        ];
        for (field, list, code) in place {
            if let Some(code) = code {
                check_code(&mut errors, field, list, code);
            }
        }
        self.codes_held().into_iter().for_each(|c| check_code(&mut errors, c.field, c.list, c.code));
        if let Some(settlement) = &self.place_settlement {
            check_line(&mut errors, "place_settlement", settlement, MAX_LINE_CHARS);
        }
        errors
    }
}

/// One answer of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorAnswer {
    /// An indicator code of the assessment's catalogue.
    pub indicator: String,
    pub answer: indicators::Answer,
    /// How it is known; required for a "yes" or "no".
    pub source: Option<indicators::Source>,
    pub noted_on: Option<NaiveDate>,
}

/// One assessment of one person against one indicator catalogue, at one date. A person is
/// assessed again as more becomes known; each assessment keeps its catalogue edition so that
/// an old result can still be explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: AssessmentId,
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub catalogue: String,
    pub edition: String,
    pub assessed_on: NaiveDate,
    pub assessor_id: Option<AccountId>,
    /// Children are assessed by the child conditions of the catalogue.
    pub minor: bool,
    /// Only the indicators answered; the rest count as unknown.
    pub answers: Vec<IndicatorAnswer>,
}

impl Assessment {
    /// The catalogue this assessment used, if Komek still knows it.
    pub fn catalogue(&self) -> Option<&'static indicators::Catalogue> {
        indicators::catalogue(&self.catalogue)
    }

    /// The ILO rule applied to the answers, with the indicators that decided it.
    pub fn evaluate(&self) -> Option<indicators::Evaluation> {
        let catalogue = self.catalogue()?;
        let answers: indicators::Answers = self.answers.iter().map(|a| (a.indicator.clone(), a.answer)).collect();
        let age = if self.minor { indicators::Age::Minor } else { indicators::Age::Adult };
        Some(catalogue.evaluate(&answers, age))
    }

    /// The eleven ILO indicators its "yes" answers stand for, as stored with it
    /// ([`indicators::tag_bits`]).
    pub fn tag_bits(&self) -> i64 {
        let answers: indicators::Answers = self.answers.iter().map(|a| (a.indicator.clone(), a.answer)).collect();
        indicators::tag_bits(&indicators::tags_present(&answers))
    }

    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let Some(catalogue) = self.catalogue() else {
            let code = self.catalogue.clone();
            errors.push(ValidationError::UnknownCode { field: "catalogue", list: "catalogue", code });
            return errors;
        };
        rules::check_day(&mut errors, "assessed_on", self.assessed_on);
        check_count(&mut errors, "answers", self.answers.len(), catalogue.indicators.len());
        let mut seen = std::collections::HashSet::new();
        for answer in &self.answers {
            if !catalogue.indicators.iter().any(|i| i.code == answer.indicator) {
                let code = answer.indicator.clone();
                errors.push(ValidationError::UnknownCode { field: "answers.indicator", list: catalogue.id, code });
            }
            if !seen.insert(answer.indicator.as_str()) {
                errors.push(ValidationError::Invalid { field: "answers" });
            }
            if answer.answer != indicators::Answer::Unknown && answer.source.is_none() {
                errors.push(ValidationError::Required { field: "answers.source" });
            }
            if answer.noted_on.is_some_and(|d| !rules::day_in_range(d)) {
                errors.push(ValidationError::Invalid { field: "noted_on" });
            }
        }
        errors.dedup();
        errors
    }
}

/// A criminal, administrative or civil proceeding, or an appeal against expulsion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proceeding {
    pub id: ProceedingId,
    pub case_id: CaseId,
    /// `law::PROCEEDING_KIND`.
    pub kind: String,
    /// `law::AUTHORITY`.
    pub authority: String,
    /// Article codes of `law::ARTICLES`.
    pub articles: Vec<String>,
    /// `law::PROCEEDING_STAGE`.
    pub stage: String,
    pub opened_on: NaiveDate,
    /// Hearing days, past and coming.
    pub hearings: Vec<NaiveDate>,
    /// `law::PROCEEDING_OUTCOME`; `None` while undecided.
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
    /// A custodial sentence, in months (shown as years and months).
    pub sentence_months: Option<i32>,
    pub fine: Option<Money>,
    /// The authority's file number and what the lawyer notes (identifying, encrypted).
    pub notes: String,
}

impl HoldsCodes for Proceeding {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let mut codes = vec![Coded::new("authority", law::AUTHORITY, &self.authority)];
        codes.extend(Coded::each("articles", law::ARTICLE, &self.articles));
        codes
    }
}

impl Proceeding {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_code(&mut errors, "kind", law::PROCEEDING_KIND, &self.kind);
        check_code(&mut errors, "authority", law::AUTHORITY, &self.authority);
        check_code(&mut errors, "stage", law::PROCEEDING_STAGE, &self.stage);
        for article in &self.articles {
            if let Err(e) = law::check("articles", article) {
                errors.push(e);
            }
        }
        if let Some(outcome) = &self.outcome {
            check_code(&mut errors, "outcome", law::PROCEEDING_OUTCOME, outcome);
            if outcome == "sentence" && self.sentence_months.is_none() {
                errors.push(ValidationError::Required { field: "sentence" });
            }
            if outcome == "fine" && self.fine.is_none() {
                errors.push(ValidationError::Required { field: "fine" });
            }
        }
        if self.sentence_months.is_some_and(|m| !(1..=12 * 30).contains(&m)) {
            errors.push(ValidationError::Invalid { field: "sentence" });
        }
        // A sentence belongs to a sentence; a fine to a fine (or to a sentence with a fine).
        let outcome = self.outcome.as_deref();
        if self.sentence_months.is_some() && outcome != Some("sentence") {
            errors.push(ValidationError::Invalid { field: "sentence" });
        }
        if self.fine.is_some() && !matches!(outcome, Some("fine" | "sentence")) {
            errors.push(ValidationError::Invalid { field: "fine" });
        }
        if self.hearings.len() > MAX_HEARINGS {
            errors.push(ValidationError::Invalid { field: "hearings" });
        }
        if self.articles.len() > MAX_ARTICLES {
            errors.push(ValidationError::Invalid { field: "articles" });
        }
        rules::check_amount(&mut errors, "fine", self.fine, rules::AmountKind::Claim);
        if self.decided_on.is_some_and(|d| d < self.opened_on) {
            errors.push(ValidationError::Invalid { field: "decided_on" });
        }
        rules::check_day(&mut errors, "opened_on", self.opened_on);
        if let Some(day) = self.decided_on {
            rules::check_day(&mut errors, "decided_on", day);
        }
        if !self.hearings.iter().all(|d| rules::day_in_range(*d)) {
            errors.push(ValidationError::Invalid { field: "hearings" });
        }
        check_text(&mut errors, "notes", &self.notes, MAX_TEXT_CHARS);
        errors
    }

    /// The sentence as whole years and the months left over.
    pub fn sentence_years_months(&self) -> Option<(i32, i32)> {
        self.sentence_months.map(|m| (m / 12, m % 12))
    }
}

/// Work to do by someone, by a day, for a record: a case (`Task`, the default) or a monitoring
/// visit's follow-up (`monitoring::VisitTask`). `Of` is the id of the record it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task<Of = CaseId> {
    pub id: TaskId,
    /// The case or visit it is for.
    pub record: Of,
    /// What to do (it can name people: "call H. about the passport"; sealed).
    pub title: String,
    pub assignee_id: AccountId,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub created_by: Option<AccountId>,
}

impl<Of> Task<Of> {
    /// A one-line title and real days.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_required(&mut errors, "title", &self.title);
        check_line(&mut errors, "title", &self.title, MAX_LINE_CHARS);
        rules::check_day(&mut errors, "due_on", self.due_on);
        if let Some(day) = self.done_on {
            rules::check_day(&mut errors, "done_on", day);
        }
        errors
    }

    /// Not done, and past its day.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.due_on < today
    }
}

/// Who may read a note besides its author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteVisibility {
    /// Everyone who may read the case.
    Team,
    /// Staff of the author's role and the case lead: a psychologist's confidential notes.
    AuthorRole,
}

impl NoteVisibility {
    pub fn code(self) -> &'static str {
        match self {
            Self::Team => "team",
            Self::AuthorRole => "author-role",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Team, Self::AuthorRole].into_iter().find(|v| v.code() == code)
    }
}

/// A note in a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseNote {
    pub id: NoteId,
    pub case_id: CaseId,
    pub author_id: AccountId,
    pub author_role: Role,
    pub visibility: NoteVisibility,
    pub text: String,
    pub written_at: DateTime<Utc>,
}

impl CaseNote {
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_required(&mut errors, "text", &self.text);
        check_text(&mut errors, "text", &self.text, MAX_TEXT_CHARS);
        errors
    }
}

/// An evidence file's description; its content is stored apart, encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub id: EvidenceId,
    pub case_id: CaseId,
    /// The name it was uploaded with, cleaned (identifying: "passport_Husan.jpg"; encrypted).
    pub name: String,
    /// `evidence::EvidenceKind` code.
    pub kind: String,
    pub size: i64,
    pub added_by: Option<AccountId>,
    pub added_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proceeding() -> Proceeding {
        Proceeding {
            id: ProceedingId::new(),
            case_id: CaseId::new(),
            kind: "criminal".into(),
            authority: "court".into(),
            articles: vec![],
            stage: "decided".into(),
            opened_on: NaiveDate::from_ymd_opt(2008, 2, 1).unwrap(),
            hearings: vec![],
            outcome: Some("sentence".into()),
            decided_on: None,
            sentence_months: Some(84),
            fine: None,
            notes: String::new(),
        }
    }

    #[test]
    fn a_seven_year_sentence_reads_as_seven_years() {
        let p = proceeding();
        assert!(p.validate().is_empty(), "{:?}", p.validate());
        assert_eq!(p.sentence_years_months(), Some((7, 0)));
    }

    #[test]
    fn a_sentence_outcome_needs_its_length_and_a_fine_its_amount() {
        let p = Proceeding { sentence_months: None, ..proceeding() };
        assert_eq!(p.validate(), vec![ValidationError::Required { field: "sentence" }]);
        let p = Proceeding { outcome: Some("fine".into()), sentence_months: None, ..proceeding() };
        assert_eq!(p.validate(), vec![ValidationError::Required { field: "fine" }]);
    }

    #[test]
    fn a_presumed_victim_needs_the_body_that_identified_them() {
        let status = VictimStatus {
            person_id: PersonId::new(),
            status: "presumed".into(),
            identified_by: None,
            identified_on: None,
        };
        assert_eq!(status.validate(), vec![ValidationError::Required { field: "victims.identified_by" }]);
        let status = VictimStatus { identified_by: Some("ngo".into()), ..status };
        assert!(status.validate().is_empty());
    }

    #[test]
    fn an_overdue_task_is_one_not_done_past_its_day() {
        let day = |d| NaiveDate::from_ymd_opt(2008, 3, d).unwrap();
        let task = Task {
            id: TaskId::new(),
            record: CaseId::new(),
            title: "Call".into(),
            assignee_id: AccountId::new(),
            due_on: day(10),
            done_on: None,
            created_by: None,
        };
        assert!(!task.is_overdue(day(10)));
        assert!(task.is_overdue(day(11)));
        assert!(!Task { done_on: Some(day(12)), ..task }.is_overdue(day(13)));
    }
}
