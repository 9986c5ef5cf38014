//! Catalogue A: the ILO–EC operational indicators of trafficking in human beings, adults,
//! trafficking for labour exploitation — the default rule for *trafficking*.
//!
//! Source: ILO and European Commission, *Operational indicators of trafficking in human
//! beings. Results from a Delphi survey implemented by the ILO and the European Commission*,
//! first published March 2009, revised September 2009 (brochure, p. 3 for adults, labour
//! exploitation); ILO publication page WCMS_105023,
//! <https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm>.
//!
//! What was checked: the six elements and the number of indicators in each (10, 10, 16, 9, 15
//! and 7, 67 in all) against the ILO publication page and the Seafish summary of the list
//! (<https://www.seafish.org/responsible-sourcing/tools-for-ethical-seafood-sourcing/records/ilo-operational-indicators-trafficking-in-human-beings/>);
//! every entry's strength and the element rule (p. 3) against a secondary reproduction of the
//! adults' labour-exploitation list (a practitioners' reference table citing WCMS_105023,
//! p. 3). The brochure's own table could not be read page by page; wording follows the
//! brochure's as it is reproduced there. Entries are therefore marked verified.
//!
//! The rule: an element is positive by [`super::element_rule`]; a person is a victim of
//! trafficking for labour exploitation if (deceptive recruitment OR coercive recruitment OR
//! recruitment by abuse of vulnerability) AND exploitative conditions of work AND (coercion at
//! destination OR abuse of vulnerability at destination).

use super::Eleven::{self, *};
use super::Strength::{self, Medium, Strong, Weak};
use super::{Age, Answers, Catalogue, Evaluation, Group, GroupRule, Indicator, Rule, evaluate_rule};

const ID: &str = "ilo-2009-trafficking-labour";

/// The element groups, by code.
pub(super) const DECEPTIVE_REC: &str = "th-deceptive-rec";
pub(super) const COERCIVE_REC: &str = "th-coercive-rec";
pub(super) const VULNERABLE_REC: &str = "th-vulnerable-rec";
pub(super) const EXPLOITATIVE: &str = "th-exploitative-work";
pub(super) const COERCIVE_DEST: &str = "th-coercive-dest";
pub(super) const VULNERABLE_DEST: &str = "th-vulnerable-dest";

/// The ILO–EC operational indicators of trafficking, adults, labour exploitation.
#[rustfmt::skip]
pub static TRAFFICKING: Catalogue = Catalogue {
    id: ID,
    edition: "2009-09.1",
    source: "ILO and European Commission, Operational indicators of trafficking in human beings: \
             results from a Delphi survey, March 2009, revised September 2009 (adults, labour exploitation)",
    finding: "Trafficking for labour exploitation",
    groups: &[
        element(DECEPTIVE_REC, "Deceptive recruitment (includes transfer and transportation)"),
        element(COERCIVE_REC, "Coercive recruitment (includes transfer and transportation)"),
        element(VULNERABLE_REC, "Recruitment by abuse of vulnerability"),
        element(EXPLOITATIVE, "Exploitative conditions of work"),
        element(COERCIVE_DEST, "Coercion at destination"),
        element(VULNERABLE_DEST, "Abuse of vulnerability at destination"),
    ],
    indicators: &[
        // Deceptive recruitment: 1 strong, 8 medium, 1 weak.
        ind("th-deceptive-rec-nature-of-job", DECEPTIVE_REC, Strong, "Deceived about the nature of the job, location or employer", &[Deception]),
        ind("th-deceptive-rec-wages", DECEPTIVE_REC, Medium, "Deceived about wages/earnings", &[Deception]),
        ind("th-deceptive-rec-conditions", DECEPTIVE_REC, Medium, "Deceived about conditions of work", &[Deception]),
        ind("th-deceptive-rec-contract", DECEPTIVE_REC, Medium, "Deceived about content or legality of work contract", &[Deception]),
        ind("th-deceptive-rec-housing", DECEPTIVE_REC, Medium, "Deceived about housing and living conditions", &[Deception]),
        ind("th-deceptive-rec-legal-documents", DECEPTIVE_REC, Medium, "Deceived about legal documentation or obtaining legal migrant status", &[Deception]),
        ind("th-deceptive-rec-travel", DECEPTIVE_REC, Medium, "Deceived about travel and recruitment conditions", &[Deception]),
        ind("th-deceptive-rec-family-reunification", DECEPTIVE_REC, Medium, "Deceived about family reunification", &[Deception]),
        ind("th-deceptive-rec-marriage-adoption", DECEPTIVE_REC, Medium, "Deceived through promises of marriage or adoption", &[Deception]),
        ind("th-deceptive-rec-education", DECEPTIVE_REC, Weak, "Deceived about access to education opportunities", &[Deception]),
        // Coercive recruitment: 1 strong, 9 medium.
        ind("th-coercive-rec-violence", COERCIVE_REC, Strong, "Violence on victims", &[PhysicalSexualViolence]),
        ind("th-coercive-rec-threats-of-violence", COERCIVE_REC, Medium, "Threats of violence against victim", &[IntimidationThreats]),
        ind("th-coercive-rec-abduction-sale", COERCIVE_REC, Medium, "Abduction, forced marriage, forced adoption or selling of victim", &[PhysicalSexualViolence, RestrictionOfMovement]),
        ind("th-coercive-rec-debt-bondage", COERCIVE_REC, Medium, "Debt bondage", &[DebtBondage]),
        ind("th-coercive-rec-confiscation-documents", COERCIVE_REC, Medium, "Confiscation of documents", &[RetentionOfDocuments]),
        ind("th-coercive-rec-isolation", COERCIVE_REC, Medium, "Isolation, confinement or surveillance", &[Isolation, RestrictionOfMovement]),
        ind("th-coercive-rec-threat-denunciation", COERCIVE_REC, Medium, "Threat of denunciation to authorities", &[IntimidationThreats]),
        ind("th-coercive-rec-threat-inform-family", COERCIVE_REC, Medium, "Threats to inform family, community or public", &[IntimidationThreats]),
        ind("th-coercive-rec-violence-on-family", COERCIVE_REC, Medium, "Violence on family (threats or effective)", &[PhysicalSexualViolence, IntimidationThreats]),
        ind("th-coercive-rec-withholding-money", COERCIVE_REC, Medium, "Withholding of money", &[WithholdingOfWages]),
        // Recruitment by abuse of vulnerability: 14 medium, 2 weak.
        ind("th-vulnerable-rec-difficult-family", VULNERABLE_REC, Medium, "Abuse of difficult family situation", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-illegal-status", VULNERABLE_REC, Medium, "Abuse of illegal status", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-lack-of-education", VULNERABLE_REC, Medium, "Abuse of lack of education (language)", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-lack-of-information", VULNERABLE_REC, Medium, "Abuse of lack of information", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-control-of-exploiters", VULNERABLE_REC, Medium, "Control of exploiters", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-economic", VULNERABLE_REC, Medium, "Economic reasons", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-false-migration", VULNERABLE_REC, Medium, "False information about successful migration", &[AbuseOfVulnerability, Deception]),
        ind("th-vulnerable-rec-false-law", VULNERABLE_REC, Medium, "False information about law, attitude of authorities", &[AbuseOfVulnerability, Deception]),
        ind("th-vulnerable-rec-family-situation", VULNERABLE_REC, Medium, "Family situation", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-personal-situation", VULNERABLE_REC, Medium, "Personal situation", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-emotional-dependency", VULNERABLE_REC, Medium, "Psychological and emotional dependency", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-legal-status", VULNERABLE_REC, Medium, "Relationship with authorities/legal status", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-past-difficulties", VULNERABLE_REC, Medium, "Difficulties in the past", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-organising-travel", VULNERABLE_REC, Medium, "Difficulty to organise the travel", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-beliefs", VULNERABLE_REC, Weak, "Abuse of cultural/religious beliefs", &[AbuseOfVulnerability]),
        ind("th-vulnerable-rec-general-context", VULNERABLE_REC, Weak, "General context", &[AbuseOfVulnerability]),
        // Exploitative conditions of work: 1 strong, 7 medium, 1 weak.
        ind("th-exploitative-work-excessive-hours", EXPLOITATIVE, Strong, "Excessive working days or hours", &[ExcessiveOvertime]),
        ind("th-exploitative-work-low-or-no-salary", EXPLOITATIVE, Medium, "Low or no salary", &[WithholdingOfWages]),
        ind("th-exploitative-work-wage-manipulation", EXPLOITATIVE, Medium, "Wage manipulation", &[WithholdingOfWages]),
        ind("th-exploitative-work-bad-living", EXPLOITATIVE, Medium, "Bad living conditions", &[AbusiveConditions]),
        ind("th-exploitative-work-bad-working", EXPLOITATIVE, Medium, "Very bad working conditions", &[AbusiveConditions]),
        ind("th-exploitative-work-hazardous", EXPLOITATIVE, Medium, "Hazardous work", &[AbusiveConditions]),
        ind("th-exploitative-work-labour-laws", EXPLOITATIVE, Medium, "No respect of labour laws or contract signed", &[AbusiveConditions]),
        ind("th-exploitative-work-social-protection", EXPLOITATIVE, Medium, "No social protection (contract, social insurance, etc.)", &[AbusiveConditions]),
        // The eleven describe how work is compelled and how bad it is, not schooling: an adult
        // kept from education is counted in this catalogue only.
        ind("th-exploitative-work-no-education", EXPLOITATIVE, Weak, "No access to education", &[]),
        // Coercion at destination: 4 strong, 10 medium, 1 weak.
        ind("th-coercive-dest-confiscation-documents", COERCIVE_DEST, Strong, "Confiscation of documents", &[RetentionOfDocuments]),
        ind("th-coercive-dest-debt-bondage", COERCIVE_DEST, Strong, "Debt bondage", &[DebtBondage]),
        ind("th-coercive-dest-isolation", COERCIVE_DEST, Strong, "Isolation, confinement or surveillance", &[Isolation, RestrictionOfMovement]),
        ind("th-coercive-dest-violence", COERCIVE_DEST, Strong, "Violence on victims", &[PhysicalSexualViolence]),
        ind("th-coercive-dest-threats-of-violence", COERCIVE_DEST, Medium, "Threats of violence against victim", &[IntimidationThreats]),
        ind("th-coercive-dest-illicit-activities", COERCIVE_DEST, Medium, "Forced into illicit/criminal activities", &[AbusiveConditions]),
        ind("th-coercive-dest-forced-tasks", COERCIVE_DEST, Medium, "Forced tasks or clients", &[AbusiveConditions]),
        ind("th-coercive-dest-strong-influence", COERCIVE_DEST, Medium, "Under strong influence", &[IntimidationThreats]),
        ind("th-coercive-dest-act-against-peers", COERCIVE_DEST, Medium, "Forced to act against peers", &[IntimidationThreats]),
        ind("th-coercive-dest-forced-to-lie", COERCIVE_DEST, Medium, "Forced to lie to authorities, family, etc.", &[IntimidationThreats, Isolation]),
        ind("th-coercive-dest-threat-denunciation", COERCIVE_DEST, Medium, "Threat of denunciation to authorities", &[IntimidationThreats]),
        ind("th-coercive-dest-threat-worse-conditions", COERCIVE_DEST, Medium, "Threat to impose even worse working conditions", &[IntimidationThreats]),
        ind("th-coercive-dest-violence-on-family", COERCIVE_DEST, Medium, "Violence on family (threats or effective)", &[PhysicalSexualViolence, IntimidationThreats]),
        ind("th-coercive-dest-withholding-wages", COERCIVE_DEST, Medium, "Withholding of wages", &[WithholdingOfWages]),
        ind("th-coercive-dest-threat-inform-family", COERCIVE_DEST, Weak, "Threats to inform family, community or public", &[IntimidationThreats]),
        // Abuse of vulnerability at destination: 5 medium, 2 weak.
        ind("th-vulnerable-dest-dependency", VULNERABLE_DEST, Medium, "Dependency on exploiters", &[AbuseOfVulnerability]),
        ind("th-vulnerable-dest-unknown-area", VULNERABLE_DEST, Medium, "Difficulty to live in an unknown area", &[AbuseOfVulnerability, Isolation]),
        ind("th-vulnerable-dest-economic", VULNERABLE_DEST, Medium, "Economic reasons", &[AbuseOfVulnerability]),
        ind("th-vulnerable-dest-family-situation", VULNERABLE_DEST, Medium, "Family situation", &[AbuseOfVulnerability]),
        ind("th-vulnerable-dest-legal-status", VULNERABLE_DEST, Medium, "Relationship with authorities/legal status", &[AbuseOfVulnerability]),
        ind("th-vulnerable-dest-past-difficulties", VULNERABLE_DEST, Weak, "Difficulties in the past", &[AbuseOfVulnerability]),
        ind("th-vulnerable-dest-personal-characteristics", VULNERABLE_DEST, Weak, "Personal characteristics", &[AbuseOfVulnerability]),
    ],
    evaluator: evaluate_trafficking,
};

const RECRUITMENT: Rule =
    Rule::AnyOf(&[Rule::Group(DECEPTIVE_REC), Rule::Group(COERCIVE_REC), Rule::Group(VULNERABLE_REC)]);

/// Adults: a means at recruitment, exploitation, and a means at destination.
const ADULT: Rule = Rule::All(&[
    RECRUITMENT,
    Rule::Group(EXPLOITATIVE),
    Rule::AnyOf(&[Rule::Group(COERCIVE_DEST), Rule::Group(VULNERABLE_DEST)]),
]);

/// Minors: the Palermo Protocol (art. 3(c)) does not require the means for a child, so the
/// coercion or abuse of vulnerability at destination is not required. A recruitment element
/// is still required, because this list records the act of recruitment only through them.
/// The strengths remain those of the adults' list: the ILO–EC list for children grades several
/// indicators higher and is not carried here, so for a child this rule can only be more
/// cautious than the children's list, never less.
const MINOR: Rule = Rule::All(&[RECRUITMENT, Rule::Group(EXPLOITATIVE)]);

/// The trafficking rule of [`TRAFFICKING`]. For an adult: a positive recruitment element,
/// positive exploitative conditions of work, and a positive destination element. For a minor
/// the destination element is not required (Palermo Protocol, art. 3(c)); the adults'
/// strengths are kept.
pub fn evaluate_trafficking(answers: &Answers, age: Age) -> Evaluation {
    evaluate_rule(&TRAFFICKING, rule(age), answers, age)
}

pub(super) fn rule(age: Age) -> &'static Rule {
    match age {
        Age::Adult => &ADULT,
        Age::Minor => &MINOR,
    }
}

const fn element(code: &'static str, wording: &'static str) -> Group {
    Group { code, catalogue: ID, abbreviation: None, wording, rule: GroupRule::Element }
}

const fn ind(
    code: &'static str,
    group: &'static str,
    strength: Strength,
    wording: &'static str,
    tags: &'static [Eleven],
) -> Indicator {
    Indicator { code, catalogue: ID, group, strength: Some(strength), wording, tags, verified: true }
}
