//! The ILO indicator catalogues, and the rules that turn an interview's answers into a result.
//!
//! Owns three catalogues kept as versioned data, and one pure evaluator per graded catalogue:
//!
//! - [`FORCED_LABOUR`] (`ilo-2012-forced-labour`): the dimensions of forced labour of adults
//!   in the ILO survey guidelines *Hard to see, harder to count* (2012) — unfree recruitment,
//!   work and life under duress, impossibility of leaving the employer, and penalty;
//! - [`TRAFFICKING`] (`ilo-2009-trafficking-labour`): the ILO–European Commission operational
//!   indicators of trafficking in human beings (2009), adults, labour exploitation;
//! - [`Eleven`]: the eleven ILO indicators of forced labour (2012 leaflet), the screening tags
//!   every practitioner knows. Every indicator of the two catalogues above carries the tags it
//!   stands for, so a report can count them whichever catalogue an interview used.
//!
//! Why data and not code: a case file, a report and an international comparison must speak
//! the ILO's language, and an assessment made years ago must still be explainable. So every
//! indicator has a stable code that is stored with each answer and never renamed, every
//! catalogue has an edition that is stored with each assessment, and the English wording here
//! is the ILO's; labels in Russian and Kazakh live in the web crate's `indicators.ftl`
//! (`indicator-{code}`, `indicator-group-{code}`, `indicator-catalogue-{id}`, …).
//!
//! Answers are yes / no / unknown. A result is [`Verdict::Yes`] only if the ILO rule holds
//! with every unknown taken as "no", [`Verdict::No`] only if the rule fails with every unknown
//! taken as "yes", and [`Verdict::NotEnoughInformation`] otherwise; then
//! [`Evaluation::to_ask`] lists exactly the unknown indicators whose answer could still change
//! the result, so the page can say which questions are left. A result always carries the
//! indicators that decided it ([`Evaluation::decided_by`]), so a worker can read *why*.
//!
//! Must not do I/O: storing answers and assessments is the store's business.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::ValidationError;

mod eleven;
mod forced_labour;
#[cfg(test)]
mod tests;
mod trafficking;

pub use eleven::{ELEVEN_ID, Eleven, tag_bits, tag_counts, tags_of_bits, tags_present};
pub use forced_labour::{FORCED_LABOUR, evaluate_forced_labour};
pub use trafficking::{TRAFFICKING, evaluate_trafficking};

/// Every graded catalogue, in the order a page offers them: forced labour first (the question
/// the hotline asks), then trafficking.
pub static CATALOGUES: &[&Catalogue] = &[&FORCED_LABOUR, &TRAFFICKING];

/// The catalogue with this id.
pub fn catalogue(id: &str) -> Option<&'static Catalogue> {
    CATALOGUES.iter().copied().find(|c| c.id == id)
}

/// The indicator with this code, whichever catalogue it belongs to (codes are unique across
/// catalogues).
pub fn indicator(code: &str) -> Option<&'static Indicator> {
    CATALOGUES.iter().flat_map(|c| c.indicators.iter()).find(|i| i.code == code)
}

/// The group (dimension or element) with this code, whichever catalogue it belongs to.
pub fn group(code: &str) -> Option<&'static Group> {
    CATALOGUES.iter().flat_map(|c| c.groups.iter()).find(|g| g.code == code)
}

/// How strongly the ILO grades an indicator. Only the ILO–EC list grades all its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    Strong,
    Medium,
    Weak,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Self::Strong, Self::Medium, Self::Weak];

    pub fn code(self) -> &'static str {
        match self {
            Self::Strong => "strong",
            Self::Medium => "medium",
            Self::Weak => "weak",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The Fluent message id of the strength's label.
    pub fn label_id(self) -> String {
        format!("indicator-strength-{}", self.code())
    }

    fn index(self) -> usize {
        match self {
            Self::Strong => 0,
            Self::Medium => 1,
            Self::Weak => 2,
        }
    }
}

/// What an interview established about one indicator. A question never asked is unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Self::Yes, Self::No, Self::Unknown];

    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unknown => "unknown",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code.trim())
    }

    /// The Fluent message id of the answer's label.
    pub fn label_id(self) -> String {
        format!("indicator-answer-{}", self.code())
    }
}

/// Where an answer comes from. The rule weighs every source alike; the source is kept so a
/// lawyer or a referral partner knows what an answer rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The person said so.
    Interview,
    /// A document shows it (a contract, a receipt, a message, a court paper).
    Document,
    /// A staff member saw it (at a monitoring visit, at the workplace).
    Observation,
}

impl Source {
    pub const ALL: [Source; 3] = [Self::Interview, Self::Document, Self::Observation];

    pub fn code(self) -> &'static str {
        match self {
            Self::Interview => "interview",
            Self::Document => "document",
            Self::Observation => "observation",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The Fluent message id of the source's label.
    pub fn label_id(self) -> String {
        format!("indicator-source-{}", self.code())
    }
}

/// The result of applying a catalogue's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    /// The rule holds whatever the unknown answers turn out to be.
    #[serde(rename = "yes")]
    Yes,
    /// The rule fails whatever the unknown answers turn out to be.
    #[serde(rename = "no")]
    No,
    /// Some unknown answers could still make the rule hold and others make it fail.
    #[serde(rename = "unknown")]
    NotEnoughInformation,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Self::Yes, Self::No, Self::NotEnoughInformation];

    /// Stable code, stored with an assessment: `yes`, `no`, `unknown`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::NotEnoughInformation => "unknown",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code.trim())
    }

    /// The Fluent message id of the verdict's label (the same for every catalogue).
    pub fn label_id(self) -> String {
        format!("indicator-verdict-{}", self.code())
    }
}

/// Where one dimension or element stands given the answers, by the group's own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupStatus {
    /// The group is present whatever the unknown answers turn out to be.
    Positive,
    /// The group is absent whatever the unknown answers turn out to be.
    Negative,
    /// Unknown answers decide it.
    Undetermined,
}

impl GroupStatus {
    pub const ALL: [GroupStatus; 3] = [Self::Positive, Self::Negative, Self::Undetermined];

    pub fn code(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Negative => "negative",
            Self::Undetermined => "undetermined",
        }
    }

    /// The Fluent message id of the status's label.
    pub fn label_id(self) -> String {
        format!("indicator-group-status-{}", self.code())
    }
}

/// When a group (dimension or element) counts as present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupRule {
    /// The ILO–EC element rule ([`element_rule`]): at least two strong indicators; or one
    /// strong and one medium or weak; or three medium; or two medium and one weak.
    Element,
    /// Any one of its indicators is enough (the dimensions of *Hard to see, harder to count*).
    AnyIndicator,
}

/// The ILO–EC element rule (operational indicators of trafficking, 2009): an element is
/// positive if it has at least two strong indicators; or one strong and one medium or weak;
/// or three medium; or two medium and one weak. Weak indicators alone never make it positive.
pub fn element_rule(strong: usize, medium: usize, weak: usize) -> bool {
    strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
}

/// A dimension (forced labour) or element (trafficking) of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Stable code, prefixed by its catalogue's prefix (`fl-ur`, `th-coercive-dest`).
    pub code: &'static str,
    /// The id of its catalogue.
    pub catalogue: &'static str,
    /// The ILO's short name where it has one (`UR`, `WL`, `IL`, `P`), used when a result is
    /// explained in one line.
    pub abbreviation: Option<&'static str>,
    /// The ILO's English name.
    pub wording: &'static str,
    /// When the group counts as present.
    pub rule: GroupRule,
}

impl Group {
    /// The Fluent message id of the group's label.
    pub fn label_id(&self) -> String {
        format!("indicator-group-{}", self.code)
    }

    /// The group's catalogue.
    pub fn catalogue(&self) -> &'static Catalogue {
        catalogue(self.catalogue).expect("every group belongs to a shipped catalogue")
    }

    /// The group's indicators, in display order.
    pub fn indicators(&self) -> impl Iterator<Item = &'static Indicator> + use<> {
        let code = self.code;
        self.catalogue().indicators.iter().filter(move |i| i.group == code)
    }

    /// The abbreviation, or the English name when the ILO gives none.
    pub fn short_name(&self) -> &'static str {
        self.abbreviation.unwrap_or(self.wording)
    }
}

/// One indicator of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indicator {
    /// Stable code: lowercase ASCII and hyphens, prefixed by its group's code, unique across
    /// every catalogue. Stored with every answer and never renamed; a changed meaning is a new
    /// code in a new edition.
    pub code: &'static str,
    /// The id of its catalogue.
    pub catalogue: &'static str,
    /// The code of its group (dimension or element).
    pub group: &'static str,
    /// The ILO's grading, where the catalogue grades.
    pub strength: Option<Strength>,
    /// The ILO's English wording.
    pub wording: &'static str,
    /// The eleven-indicator screening tags this indicator stands for (possibly none).
    pub tags: &'static [Eleven],
    /// Whether the wording and strength were checked against the ILO publication or a faithful
    /// reproduction of it. Unverified entries are shown all the same, marked on the page.
    pub verified: bool,
}

impl Indicator {
    /// The Fluent message id of the indicator's label.
    pub fn label_id(&self) -> String {
        format!("indicator-{}", self.code)
    }

    /// The indicator's group.
    pub fn group(&self) -> &'static Group {
        group(self.group).expect("every indicator's group exists")
    }

    /// The indicator's catalogue.
    pub fn catalogue(&self) -> &'static Catalogue {
        catalogue(self.catalogue).expect("every indicator belongs to a shipped catalogue")
    }
}

/// Adult or child: the ILO measures forced labour and trafficking of children by other rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Age {
    #[default]
    Adult,
    /// Under 18 at the time of the work.
    Minor,
}

/// An evaluator: a catalogue's rule, applied to the answers about one person.
pub type Evaluator = fn(&Answers, Age) -> Evaluation;

/// A catalogue of indicators, with its rule.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    /// Stable id, stored with every assessment.
    pub id: &'static str,
    /// The edition of this encoding: the publication's date and a revision number that grows
    /// whenever a strength, a group or the rule changes, so an old assessment names the data
    /// it was made with. Codes never change between editions.
    pub edition: &'static str,
    /// The publication, as it is cited.
    pub source: &'static str,
    /// What a "yes" finds, in English: "Forced labour", "Trafficking for labour exploitation".
    pub finding: &'static str,
    /// Groups in display order.
    pub groups: &'static [Group],
    /// Indicators in display order (grouped, strongest first within a group).
    pub indicators: &'static [Indicator],
    /// The catalogue's rule.
    pub evaluator: Evaluator,
}

impl Catalogue {
    /// Applies the catalogue's rule to the answers about one person.
    pub fn evaluate(&self, answers: &Answers, age: Age) -> Evaluation {
        (self.evaluator)(answers, age)
    }

    /// The Fluent message id of the catalogue's name.
    pub fn label_id(&self) -> String {
        format!("indicator-catalogue-{}", self.id)
    }

    /// Whether every entry was checked against the publication; a page shows
    /// `indicator-unverified` when not.
    pub fn verified(&self) -> bool {
        self.indicators.iter().all(|i| i.verified)
    }

    /// The indicator of this catalogue with this code.
    pub fn indicator(&self, code: &str) -> Option<&'static Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// The group of this catalogue with this code.
    pub fn group(&self, code: &str) -> Option<&'static Group> {
        self.groups.iter().find(|g| g.code == code)
    }

    /// Checks that every answered code belongs to this catalogue, so a form cannot store an
    /// answer the rule would silently ignore.
    pub fn check_answers(&self, answers: &Answers) -> Result<(), ValidationError> {
        match answers.codes().find(|code| self.indicator(code).is_none()) {
            Some(code) => Err(ValidationError::UnknownCode { field: "answers", list: self.id, code: code.to_owned() }),
            None => Ok(()),
        }
    }
}

/// The answers about one person, by indicator code. A code without an answer is unknown;
/// codes of other catalogues are ignored by an evaluator (see [`Catalogue::check_answers`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an answer, replacing an earlier one for the same code.
    pub fn set(&mut self, code: &str, answer: Answer) -> &mut Self {
        self.0.insert(code.to_owned(), answer);
        self
    }

    /// The same answers with one more.
    pub fn with(mut self, code: &str, answer: Answer) -> Self {
        self.set(code, answer);
        self
    }

    /// The answer for `code`; unknown if none was given.
    pub fn get(&self, code: &str) -> Answer {
        self.0.get(code).copied().unwrap_or(Answer::Unknown)
    }

    /// Every answered code.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Every (code, answer) pair.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Answer)> {
        self.0.iter().map(|(code, answer)| (code.as_str(), *answer))
    }
}

impl<S: Into<String>> FromIterator<(S, Answer)> for Answers {
    fn from_iter<T: IntoIterator<Item = (S, Answer)>>(iter: T) -> Self {
        Self(iter.into_iter().map(|(code, answer)| (code.into(), answer)).collect())
    }
}

/// Where one group stands, with the answers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct GroupResult {
    pub group: &'static str,
    pub status: GroupStatus,
    pub yes: usize,
    pub no: usize,
    pub unknown: usize,
}

/// The result of a catalogue's rule for one person, with what decided it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evaluation {
    pub catalogue: &'static str,
    pub edition: &'static str,
    pub age: Age,
    pub verdict: Verdict,
    /// For a yes: the indicators answered "yes" that make the rule hold — those of every
    /// satisfied part (for forced labour each dimension found together with the penalties
    /// found; for trafficking the indicators of the positive elements that complete the rule).
    /// For a no: the indicators answered "no" that close the rule off — the smallest such set
    /// among the parts that can no longer hold. Empty when not enough information.
    /// Codes in catalogue order.
    pub decided_by: Vec<&'static str>,
    /// For not enough information: exactly the unknown indicators whose answer, together with
    /// some answers to the others, would change the result. Empty otherwise. Codes in
    /// catalogue order.
    pub to_ask: Vec<&'static str>,
    /// Every group of the catalogue, in display order, by the group's own rule.
    pub groups: Vec<GroupResult>,
    /// Whether every entry of the catalogue was verified against the publication.
    pub verified: bool,
}

/// A group and the indicators of it that decided a result, for an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub group: &'static Group,
    pub indicators: Vec<&'static Indicator>,
}

impl Evaluation {
    /// The catalogue the evaluation used.
    pub fn catalogue(&self) -> &'static Catalogue {
        catalogue(self.catalogue).expect("evaluations are made by shipped catalogues")
    }

    /// Where a group stands.
    pub fn status_of(&self, group: &str) -> Option<GroupStatus> {
        self.groups.iter().find(|g| g.group == group).map(|g| g.status)
    }

    /// [`Evaluation::decided_by`], grouped by dimension or element in display order — what a
    /// page prints after "because".
    pub fn reasons(&self) -> Vec<Reason> {
        group_codes(self.catalogue(), &self.decided_by)
    }

    /// [`Evaluation::to_ask`], grouped the same way — the questions still to ask.
    pub fn questions(&self) -> Vec<Reason> {
        group_codes(self.catalogue(), &self.to_ask)
    }

    /// The result in one English sentence, for logs, exports and tests; pages build the same
    /// sentence from the Fluent labels and [`Evaluation::reasons`].
    ///
    /// "Forced labour: yes, because Deceptive recruitment (…) (UR) and Confiscation of identity
    /// papers or travel documents (P)".
    pub fn explain(&self) -> String {
        let catalogue = self.catalogue();
        let list = |reasons: Vec<Reason>| {
            let items: Vec<String> = reasons
                .iter()
                .flat_map(|r| r.indicators.iter().map(move |i| format!("{} ({})", i.wording, r.group.short_name())))
                .collect();
            join_and(&items)
        };
        let mut text = String::new();
        let _ = match self.verdict {
            Verdict::Yes => write!(text, "{}: yes, because {}", catalogue.finding, list(self.reasons())),
            Verdict::No if self.decided_by.is_empty() => {
                write!(text, "{}: no, no indicator present", catalogue.finding)
            }
            Verdict::No => write!(text, "{}: no, because answered no: {}", catalogue.finding, list(self.reasons())),
            Verdict::NotEnoughInformation => {
                write!(text, "{}: not enough information; still to ask: {}", catalogue.finding, list(self.questions()))
            }
        };
        text
    }
}

fn group_codes(catalogue: &'static Catalogue, codes: &[&'static str]) -> Vec<Reason> {
    catalogue
        .groups
        .iter()
        .filter_map(|group| {
            let indicators: Vec<&'static Indicator> =
                catalogue.indicators.iter().filter(|i| i.group == group.code && codes.contains(&i.code)).collect();
            (!indicators.is_empty()).then_some(Reason { group, indicators })
        })
        .collect()
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

/// A catalogue's rule as a formula over its groups, so that one exact three-valued procedure
/// serves every catalogue. Every indicator appears in at most one leaf, which is what makes
/// [`Evaluation::to_ask`] exact rather than an approximation.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Every part holds.
    All(&'static [Rule]),
    /// At least one part holds.
    AnyOf(&'static [Rule]),
    /// A group is present by its own [`GroupRule`].
    Group(&'static str),
    /// At least one of these indicators is present.
    AnyOfCodes(&'static [&'static str]),
}

/// How unknown answers are completed when testing whether a rule can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Completion {
    UnknownAsNo,
    UnknownAsYes,
}

/// A leaf of a rule: some indicators (by position in the catalogue) and when they count.
struct Leaf {
    members: Vec<usize>,
    rule: GroupRule,
}

/// One evaluation in progress: the catalogue and each of its indicators' answer.
struct Ctx {
    catalogue: &'static Catalogue,
    answers: Vec<Answer>,
}

impl Ctx {
    fn new(catalogue: &'static Catalogue, answers: &Answers) -> Self {
        Self { catalogue, answers: catalogue.indicators.iter().map(|i| answers.get(i.code)).collect() }
    }

    fn group_leaf(&self, code: &str) -> Leaf {
        let members = (0..self.catalogue.indicators.len()).filter(|&i| self.catalogue.indicators[i].group == code);
        let rule = self.catalogue.group(code).map_or(GroupRule::AnyIndicator, |g| g.rule);
        Leaf { members: members.collect(), rule }
    }

    fn leaf(&self, rule: &Rule) -> Option<Leaf> {
        match rule {
            Rule::Group(code) => Some(self.group_leaf(code)),
            Rule::AnyOfCodes(codes) => {
                let members = (0..self.catalogue.indicators.len())
                    .filter(|&i| codes.contains(&self.catalogue.indicators[i].code))
                    .collect();
                Some(Leaf { members, rule: GroupRule::AnyIndicator })
            }
            Rule::All(_) | Rule::AnyOf(_) => None,
        }
    }

    fn strength(&self, i: usize) -> Option<Strength> {
        self.catalogue.indicators[i].strength
    }

    fn with_answer(&self, leaf: &Leaf, answer: Answer) -> impl Iterator<Item = usize> {
        leaf.members.iter().copied().filter(move |&i| self.answers[i] == answer)
    }

    /// Counts by strength (strong, medium, weak) of a leaf's indicators with this answer.
    /// An ungraded indicator counts in no column, so it never makes an element positive.
    fn counts(&self, leaf: &Leaf, answer: Answer) -> [usize; 3] {
        let mut counts = [0; 3];
        for i in self.with_answer(leaf, answer) {
            if let Some(s) = self.strength(i) {
                counts[s.index()] += 1;
            }
        }
        counts
    }

    fn leaf_holds(&self, leaf: &Leaf, completion: Completion) -> bool {
        let counts_yes =
            |a: Answer| a == Answer::Yes || (a == Answer::Unknown && completion == Completion::UnknownAsYes);
        match leaf.rule {
            GroupRule::AnyIndicator => leaf.members.iter().any(|&i| counts_yes(self.answers[i])),
            GroupRule::Element => {
                let mut c = [0; 3];
                for &i in &leaf.members {
                    if let (true, Some(s)) = (counts_yes(self.answers[i]), self.strength(i)) {
                        c[s.index()] += 1;
                    }
                }
                element_rule(c[0], c[1], c[2])
            }
        }
    }

    fn leaf_status(&self, leaf: &Leaf) -> GroupStatus {
        if self.leaf_holds(leaf, Completion::UnknownAsNo) {
            GroupStatus::Positive
        } else if !self.leaf_holds(leaf, Completion::UnknownAsYes) {
            GroupStatus::Negative
        } else {
            GroupStatus::Undetermined
        }
    }

    /// The unknown indicators of a leaf that could flip it: there is a way to answer the
    /// leaf's other unknowns such that the leaf holds with this one "yes" and fails with it "no".
    fn leaf_relevant(&self, leaf: &Leaf) -> Vec<usize> {
        if self.leaf_holds(leaf, Completion::UnknownAsNo) {
            return Vec::new();
        }
        let unknown: Vec<usize> = self.with_answer(leaf, Answer::Unknown).collect();
        match leaf.rule {
            GroupRule::AnyIndicator => unknown,
            GroupRule::Element => {
                let yes = self.counts(leaf, Answer::Yes);
                let open = self.counts(leaf, Answer::Unknown);
                unknown
                    .into_iter()
                    .filter(|&i| self.strength(i).is_some_and(|s| element_unknown_matters(yes, open, s)))
                    .collect()
            }
        }
    }

    fn holds(&self, rule: &Rule, completion: Completion) -> bool {
        match rule {
            Rule::All(parts) => parts.iter().all(|p| self.holds(p, completion)),
            Rule::AnyOf(parts) => parts.iter().any(|p| self.holds(p, completion)),
            leaf => self.leaf(leaf).is_some_and(|l| self.leaf_holds(&l, completion)),
        }
    }

    /// The "yes" answers behind a rule that holds with unknowns taken as "no": every part of an
    /// `All`, every satisfied part of an `AnyOf`, every "yes" of a satisfied leaf.
    fn witness(&self, rule: &Rule, out: &mut BTreeSet<usize>) {
        match rule {
            Rule::All(parts) => parts.iter().for_each(|p| self.witness(p, out)),
            Rule::AnyOf(parts) => {
                for p in parts.iter().filter(|p| self.holds(p, Completion::UnknownAsNo)) {
                    self.witness(p, out);
                }
            }
            leaf => {
                if let Some(l) = self.leaf(leaf) {
                    out.extend(self.with_answer(&l, Answer::Yes));
                }
            }
        }
    }

    /// The "no" answers that close off a rule that fails with unknowns taken as "yes": the
    /// smallest closing set among the failing parts of an `All`, all parts of an `AnyOf`, every
    /// "no" of a failing leaf.
    fn closing(&self, rule: &Rule) -> BTreeSet<usize> {
        match rule {
            Rule::All(parts) => parts
                .iter()
                .filter(|p| !self.holds(p, Completion::UnknownAsYes))
                .map(|p| self.closing(p))
                .min_by_key(BTreeSet::len)
                .unwrap_or_default(),
            Rule::AnyOf(parts) => parts.iter().flat_map(|p| self.closing(p)).collect(),
            leaf => self.leaf(leaf).map(|l| self.with_answer(&l, Answer::No).collect()).unwrap_or_default(),
        }
    }

    /// Collects the unknowns that matter. A part is pivotal when its own value decides the
    /// whole: inside an `All` when every other part can still hold, inside an `AnyOf` when every
    /// other part can still fail. Because no indicator appears in two leaves, the parts can be
    /// completed independently, and this is exact.
    fn relevant(&self, rule: &Rule, out: &mut BTreeSet<usize>) {
        match rule {
            Rule::All(parts) => {
                for (n, part) in parts.iter().enumerate() {
                    let others_can_hold = parts
                        .iter()
                        .enumerate()
                        .all(|(m, other)| m == n || self.holds(other, Completion::UnknownAsYes));
                    if others_can_hold {
                        self.relevant(part, out);
                    }
                }
            }
            Rule::AnyOf(parts) => {
                for (n, part) in parts.iter().enumerate() {
                    let others_can_fail = parts
                        .iter()
                        .enumerate()
                        .all(|(m, other)| m == n || !self.holds(other, Completion::UnknownAsNo));
                    if others_can_fail {
                        self.relevant(part, out);
                    }
                }
            }
            leaf => {
                if let Some(l) = self.leaf(leaf) {
                    out.extend(self.leaf_relevant(&l));
                }
            }
        }
    }

    fn codes(&self, positions: BTreeSet<usize>) -> Vec<&'static str> {
        positions.into_iter().map(|i| self.catalogue.indicators[i].code).collect()
    }
}

/// Whether one unknown indicator of strength `s` can flip an element: some answers to the
/// element's other unknowns leave it negative with this one "no" and positive with it "yes".
fn element_unknown_matters(yes: [usize; 3], unknown: [usize; 3], s: Strength) -> bool {
    let mut others = unknown;
    others[s.index()] = others[s.index()].saturating_sub(1);
    for strong in 0..=others[0] {
        for medium in 0..=others[1] {
            for weak in 0..=others[2] {
                let mut c = [yes[0] + strong, yes[1] + medium, yes[2] + weak];
                if element_rule(c[0], c[1], c[2]) {
                    continue;
                }
                c[s.index()] += 1;
                if element_rule(c[0], c[1], c[2]) {
                    return true;
                }
            }
        }
    }
    false
}

/// Applies `rule` to the answers for `catalogue`: the three-valued verdict, what decided it,
/// what is left to ask, and every group's status.
fn evaluate_rule(catalogue: &'static Catalogue, rule: &Rule, answers: &Answers, age: Age) -> Evaluation {
    let ctx = Ctx::new(catalogue, answers);
    let verdict = if ctx.holds(rule, Completion::UnknownAsNo) {
        Verdict::Yes
    } else if !ctx.holds(rule, Completion::UnknownAsYes) {
        Verdict::No
    } else {
        Verdict::NotEnoughInformation
    };
    let (decided_by, to_ask) = match verdict {
        Verdict::Yes => {
            let mut witness = BTreeSet::new();
            ctx.witness(rule, &mut witness);
            (ctx.codes(witness), Vec::new())
        }
        Verdict::No => (ctx.codes(ctx.closing(rule)), Vec::new()),
        Verdict::NotEnoughInformation => {
            let mut open = BTreeSet::new();
            ctx.relevant(rule, &mut open);
            (Vec::new(), ctx.codes(open))
        }
    };
    let groups = catalogue
        .groups
        .iter()
        .map(|g| {
            let leaf = ctx.group_leaf(g.code);
            GroupResult {
                group: g.code,
                status: ctx.leaf_status(&leaf),
                yes: ctx.with_answer(&leaf, Answer::Yes).count(),
                no: ctx.with_answer(&leaf, Answer::No).count(),
                unknown: ctx.with_answer(&leaf, Answer::Unknown).count(),
            }
        })
        .collect();
    Evaluation {
        catalogue: catalogue.id,
        edition: catalogue.edition,
        age,
        verdict,
        decided_by,
        to_ask,
        groups,
        verified: catalogue.verified(),
    }
}
