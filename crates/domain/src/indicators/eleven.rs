//! Catalogue C: the eleven ILO indicators of forced labour (ILO, *ILO indicators of forced
//! labour*, Special Action Programme to Combat Forced Labour, 2012).
//!
//! They are ungraded and come with no rule: the leaflet says a single indicator may in some
//! cases imply forced labour and in others several are needed. So they are screening tags, not
//! a catalogue with a verdict — the hotline ticks them for a quick screening, and every
//! indicator of the graded catalogues carries the tags it stands for, so a report counts the
//! eleven whichever catalogue an interview used.

use std::collections::BTreeSet;

use super::{Answer, Answers, CATALOGUES};

/// The id under which the eleven are named in labels and reports.
pub const ELEVEN_ID: &str = "ilo-2012-eleven-indicators";

/// One of the eleven ILO indicators of forced labour, in the leaflet's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Eleven {
    AbuseOfVulnerability,
    Deception,
    RestrictionOfMovement,
    Isolation,
    PhysicalSexualViolence,
    IntimidationThreats,
    RetentionOfDocuments,
    WithholdingOfWages,
    DebtBondage,
    AbusiveConditions,
    ExcessiveOvertime,
}

impl Eleven {
    /// All eleven, in the leaflet's order.
    pub const ALL: [Eleven; 11] = [
        Self::AbuseOfVulnerability,
        Self::Deception,
        Self::RestrictionOfMovement,
        Self::Isolation,
        Self::PhysicalSexualViolence,
        Self::IntimidationThreats,
        Self::RetentionOfDocuments,
        Self::WithholdingOfWages,
        Self::DebtBondage,
        Self::AbusiveConditions,
        Self::ExcessiveOvertime,
    ];

    /// Stable code, stored with a screening and never renamed.
    pub fn code(self) -> &'static str {
        match self {
            Self::AbuseOfVulnerability => "abuse-of-vulnerability",
            Self::Deception => "deception",
            Self::RestrictionOfMovement => "restriction-of-movement",
            Self::Isolation => "isolation",
            Self::PhysicalSexualViolence => "physical-sexual-violence",
            Self::IntimidationThreats => "intimidation-threats",
            Self::RetentionOfDocuments => "retention-of-documents",
            Self::WithholdingOfWages => "withholding-of-wages",
            Self::DebtBondage => "debt-bondage",
            Self::AbusiveConditions => "abusive-conditions",
            Self::ExcessiveOvertime => "excessive-overtime",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code.trim())
    }

    /// The leaflet's English name.
    pub fn wording(self) -> &'static str {
        match self {
            Self::AbuseOfVulnerability => "Abuse of vulnerability",
            Self::Deception => "Deception",
            Self::RestrictionOfMovement => "Restriction of movement",
            Self::Isolation => "Isolation",
            Self::PhysicalSexualViolence => "Physical and sexual violence",
            Self::IntimidationThreats => "Intimidation and threats",
            Self::RetentionOfDocuments => "Retention of identity documents",
            Self::WithholdingOfWages => "Withholding of wages",
            Self::DebtBondage => "Debt bondage",
            Self::AbusiveConditions => "Abusive working and living conditions",
            Self::ExcessiveOvertime => "Excessive overtime",
        }
    }

    /// The Fluent message id of the tag's label.
    pub fn label_id(self) -> String {
        format!("indicator-tag-{}", self.code())
    }

    /// The indicators of the graded catalogues that stand for this tag.
    pub fn indicators(self) -> impl Iterator<Item = &'static super::Indicator> {
        CATALOGUES.iter().flat_map(|c| c.indicators.iter()).filter(move |i| i.tags.contains(&self))
    }
}

/// The tags of every indicator answered "yes", whichever catalogue it belongs to, in the
/// leaflet's order and each once.
pub fn tags_present(answers: &Answers) -> Vec<Eleven> {
    let found: BTreeSet<Eleven> = CATALOGUES
        .iter()
        .flat_map(|c| c.indicators.iter())
        .filter(|i| answers.get(i.code) == Answer::Yes)
        .flat_map(|i| i.tags.iter().copied())
        .collect();
    found.into_iter().collect()
}

/// Tags as a set of bits, one per tag in the order of [`Eleven::ALL`]: how an assessment's
/// tags are stored, so that a report can combine a person's assessments without their answers.
pub fn tag_bits(tags: &[Eleven]) -> i64 {
    tags.iter().filter_map(|t| Eleven::ALL.iter().position(|e| e == t)).fold(0, |bits, at| bits | 1i64 << at)
}

/// The tags of a set made by [`tag_bits`], in the leaflet's order.
pub fn tags_of_bits(bits: i64) -> impl Iterator<Item = Eleven> {
    Eleven::ALL.into_iter().enumerate().filter(move |(at, _)| bits & (1i64 << at) != 0).map(|(_, tag)| tag)
}

/// For a report: how many of the people assessed show each of the eleven (a person counts once
/// per tag however many of their indicators carry it), in the leaflet's order.
pub fn tag_counts<'a>(people: impl IntoIterator<Item = &'a Answers>) -> [(Eleven, usize); 11] {
    let mut counts = Eleven::ALL.map(|tag| (tag, 0));
    for answers in people {
        for tag in tags_present(answers) {
            if let Some(entry) = counts.iter_mut().find(|(t, _)| *t == tag) {
                entry.1 += 1;
            }
        }
    }
    counts
}
