//! Catalogue B: forced labour of adults as the ILO survey guidelines measure it — the rule for
//! *forced labour*.
//!
//! Source: ILO (SAP-FL and IPEC), *Hard to see, harder to count: Survey guidelines to estimate
//! forced labour of adults and children*, Geneva, 2012 (second edition; first published 2011),
//! chapter 2; ILO publication page WCMS_182096,
//! <http://ilo.org/global/topics/forced-labour/publications/WCMS_182096/lang--en/index.htm>.
//!
//! Forced labour is work that is involuntary and exacted under the menace of a penalty
//! (Forced Labour Convention, 1930, No. 29, art. 2). The guidelines look for involuntariness
//! along three dimensions — unfree recruitment (UR), work and life under duress (WL),
//! impossibility of leaving the employer (IL) — and for a penalty or the menace of one (P),
//! which applies to each of them.
//!
//! What was verified and what was not:
//!
//! - Verified: the four dimensions and the entries listed under each, against the question
//!   lists the US Department of Labor's *Comply Chain* guide reproduces from the ILO's forced
//!   labour indicators for business (one list each for recruitment, work and life under duress,
//!   impossibility of leaving, and penalties or threats), and against the dimensions as the
//!   guidelines name them.
//! - Not verified: the strong / medium grading of each entry, and whether the guidelines
//!   require one of the two indicators found to be strong. The guidelines' chapter 2 table
//!   could not be read from any source reachable while this catalogue was written (copies of the
//!   publication were found, but not the table). The strengths below are a best reading, kept
//!   so that a later edition can confirm or correct them; every entry is marked unverified and
//!   the page says so (`indicator-unverified`).
//!
//! Because the strengths are unverified the rule does not use them. It is the plain rule:
//! forced labour if an indicator of UR, WL or IL is present together with an indicator of P.
//! If a stricter published condition (one of the pair strong) is later confirmed, it belongs in
//! a new edition with its own evaluator; assessments made with this edition keep this rule.

use super::Eleven::{self, *};
use super::Strength::{self, Medium, Strong};
use super::{Age, Answers, Catalogue, Evaluation, Group, GroupRule, Indicator, Rule, evaluate_rule};

const ID: &str = "ilo-2012-forced-labour";

pub(super) const UR: &str = "fl-ur";
pub(super) const WL: &str = "fl-wl";
pub(super) const IL: &str = "fl-il";
pub(super) const P: &str = "fl-p";

/// Forced labour of adults, *Hard to see, harder to count* (2012).
#[rustfmt::skip]
pub static FORCED_LABOUR: Catalogue = Catalogue {
    id: ID,
    edition: "2012.1",
    source: "ILO, Hard to see, harder to count: Survey guidelines to estimate forced labour of adults and children, \
             Geneva, 2012, chapter 2",
    finding: "Forced labour",
    groups: &[
        dimension(UR, "UR", "Unfree recruitment"),
        dimension(WL, "WL", "Work and life under duress"),
        dimension(IL, "IL", "Impossibility of leaving the employer"),
        dimension(P, "P", "Penalty or menace of penalty"),
    ],
    indicators: &[
        // Unfree recruitment.
        ind("fl-ur-coercive-recruitment", UR, Strong, "Coercive recruitment (abduction, confinement during the recruitment process)", &[PhysicalSexualViolence, RestrictionOfMovement]),
        // Selling a person is slavery itself; none of the eleven names it, and tagging it as
        // debt bondage would count a sale where no debt was claimed.
        ind("fl-ur-sale-of-worker", UR, Strong, "Sale of the worker", &[]),
        ind("fl-ur-bonded-by-birth", UR, Strong, "Recruitment at birth or through generations (bonded labour)", &[DebtBondage]),
        ind("fl-ur-debt-linked", UR, Medium, "Recruitment linked to debt (advance or loan)", &[DebtBondage]),
        ind("fl-ur-deceptive-recruitment", UR, Medium, "Deceptive recruitment (nature of work, conditions, contract, housing, location, employer, wages)", &[Deception]),
        // Work and life under duress.
        ind("fl-wl-forced-overtime", WL, Strong, "Forced overtime beyond legal limits", &[ExcessiveOvertime]),
        ind("fl-wl-on-call", WL, Strong, "Forced to work on call (day and night)", &[ExcessiveOvertime]),
        ind("fl-wl-limited-freedom", WL, Strong, "Limited freedom of movement and communication", &[RestrictionOfMovement, Isolation]),
        ind("fl-wl-degrading-living", WL, Strong, "Degrading living conditions", &[AbusiveConditions]),
        ind("fl-wl-illicit-activities", WL, Medium, "Forced engagement in illicit activities", &[AbusiveConditions]),
        ind("fl-wl-private-household", WL, Medium, "Forced to work for the employer's private home or family", &[AbusiveConditions]),
        ind("fl-wl-induced-addiction", WL, Medium, "Induced addiction (to drugs or alcohol)", &[PhysicalSexualViolence]),
        ind("fl-wl-induced-indebtedness", WL, Medium, "Induced or inflated indebtedness", &[DebtBondage]),
        ind("fl-wl-multiple-dependency", WL, Medium, "Multiple dependency on the employer (housing, food, jobs for relatives)", &[AbuseOfVulnerability]),
        ind("fl-wl-pre-existing-dependency", WL, Medium, "Pre-existing personal dependency on the employer", &[AbuseOfVulnerability]),
        // Impossibility of leaving the employer.
        ind("fl-il-debt-indeterminate", IL, Strong, "Forced to work for an indeterminate period to repay a debt or advance", &[DebtBondage]),
        ind("fl-il-waiting-for-wages", IL, Strong, "Forced to stay longer than agreed while waiting for wages due", &[WithholdingOfWages]),
        ind("fl-il-no-freedom-to-resign", IL, Strong, "No freedom to resign in accordance with legal requirements", &[RestrictionOfMovement]),
        ind("fl-il-training-benefit", IL, Medium, "Reduced freedom to terminate the contract after training or another benefit paid by the employer", &[DebtBondage]),
        // Penalty or menace of penalty.
        ind("fl-p-confiscation-documents", P, Strong, "Confiscation of identity papers or travel documents", &[RetentionOfDocuments]),
        ind("fl-p-denunciation", P, Strong, "Denunciation to authorities (immigration)", &[IntimidationThreats]),
        ind("fl-p-violence", P, Strong, "Physical or sexual violence, or threats of such violence", &[PhysicalSexualViolence, IntimidationThreats]),
        ind("fl-p-restricted-communication", P, Strong, "Restricted communication or surveillance (isolation, locking in)", &[Isolation, RestrictionOfMovement]),
        ind("fl-p-withholding-wages", P, Strong, "Withholding of wages or other assets, financial penalties", &[WithholdingOfWages]),
        ind("fl-p-dismissal-worse-conditions", P, Medium, "Dismissal, removal of rights or privileges, shift to worse working conditions", &[IntimidationThreats]),
        ind("fl-p-extra-work", P, Medium, "Extra work as punishment", &[IntimidationThreats, ExcessiveOvertime]),
        ind("fl-p-blackmail", P, Medium, "Blackmail: informing family, community or the public about the worker's situation", &[IntimidationThreats]),
        ind("fl-p-religious-retribution", P, Medium, "Religious or cultural retribution", &[IntimidationThreats, AbuseOfVulnerability]),
    ],
    evaluator: evaluate_forced_labour,
};

/// Adults: an indicator of UR, WL or IL together with an indicator of P.
const ADULT: Rule = Rule::All(&[Rule::AnyOf(&[Rule::Group(UR), Rule::Group(WL), Rule::Group(IL)]), Rule::Group(P)]);

/// The entries that are worst forms of child labour by themselves (ILO Convention No. 182,
/// art. 3(a) and (c)): sale and trafficking of children (abduction, sale), serfdom and debt
/// bondage, and the use of a child for illicit activities.
pub(super) const WORST_FORMS: &[&str] = &[
    "fl-ur-coercive-recruitment",
    "fl-ur-sale-of-worker",
    "fl-ur-bonded-by-birth",
    "fl-ur-debt-linked",
    "fl-wl-illicit-activities",
    "fl-il-debt-indeterminate",
];

/// Minors, after the guidelines concerning the measurement of forced labour of the 20th
/// International Conference of Labour Statisticians (2018). A child cannot consent to work
/// under coercion, so involuntariness is not asked for. A child is in forced labour:
///
/// - when working for a third party, or with or for the parents, under a penalty or its menace
///   applied by a third party to the child or the parents — here: any indicator of P (the
///   penalties this catalogue lists are an employer's or a recruiter's, not the parents');
/// - when in a worst form of child labour — here: any of [`WORST_FORMS`];
/// - when working with or for parents who are themselves in forced labour — which answers about
///   the child cannot show: assess the parent with this catalogue and link the two cases.
///
/// Hazardous work (Convention No. 182, art. 3(d)) is child labour, counted with the case's kind
/// and with the trafficking catalogue's "hazardous work"; it is not by itself forced labour.
const MINOR: Rule = Rule::AnyOf(&[Rule::Group(P), Rule::AnyOfCodes(WORST_FORMS)]);

/// The forced-labour rule of [`FORCED_LABOUR`]. For an adult: an indicator of UR, WL or IL
/// together with an indicator of P. For a minor (ICLS 2018): any indicator of P, or any entry
/// that is a worst form of child labour by itself (abduction, sale, bondage by birth or debt,
/// illicit activities); involuntariness is not asked for.
pub fn evaluate_forced_labour(answers: &Answers, age: Age) -> Evaluation {
    evaluate_rule(&FORCED_LABOUR, rule(age), answers, age)
}

pub(super) fn rule(age: Age) -> &'static Rule {
    match age {
        Age::Adult => &ADULT,
        Age::Minor => &MINOR,
    }
}

const fn dimension(code: &'static str, abbreviation: &'static str, wording: &'static str) -> Group {
    Group { code, catalogue: ID, abbreviation: Some(abbreviation), wording, rule: GroupRule::AnyIndicator }
}

/// An entry with its best-reading strength, unverified (see the module's documentation).
const fn ind(
    code: &'static str,
    group: &'static str,
    strength: Strength,
    wording: &'static str,
    tags: &'static [Eleven],
) -> Indicator {
    Indicator { code, catalogue: ID, group, strength: Some(strength), wording, tags, verified: false }
}
