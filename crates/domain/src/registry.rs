//! The registry of employers and intermediaries: what is said of a party is an allegation
//! until a case or a court confirms it.
//!
//! An appeal or a visit names a party as someone's word or one visit's finding. It becomes
//! confirmed when a case naming the party ends in an outcome that only a finding against the
//! employer gives (the employer fined, the wages paid after a claim, a sentence), or when a
//! proceeding of such a case is decided against someone (a sentence or a fine). Acquittals,
//! settlements and dismissals confirm nothing. A case names several parties (the farm and
//! the recruiter), and its outcome confirms what it says of each of them.
//!
//! Must not do I/O.

use serde::Serialize;

/// Case outcomes (`lookups::CASE_OUTCOME`) that confirm what the case says of its parties.
pub const CONFIRMING_CASE_OUTCOMES: [&str; 3] = ["employer-fined", "wages-paid", "sentence"];
/// Proceeding outcomes (`law::PROCEEDING_OUTCOME`) that confirm it by a decision.
pub const CONFIRMING_DECISIONS: [&str; 2] = ["sentence", "fine"];

/// Where what is said of a party stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Named by appeals, visits or cases, confirmed by none.
    Alleged,
    /// A case naming it ended in an outcome of [`CONFIRMING_CASE_OUTCOMES`].
    ConfirmedByCase,
    /// A proceeding of a case naming it was decided with an outcome of
    /// [`CONFIRMING_DECISIONS`]; a court's word outranks a case's.
    ConfirmedByDecision,
}

impl Standing {
    /// The standing given by the outcomes of the cases naming a party and the outcomes of
    /// their proceedings.
    pub fn of<'a>(
        case_outcomes: impl IntoIterator<Item = &'a str>,
        decisions: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        if decisions.into_iter().any(|d| CONFIRMING_DECISIONS.contains(&d)) {
            Self::ConfirmedByDecision
        } else if case_outcomes.into_iter().any(|o| CONFIRMING_CASE_OUTCOMES.contains(&o)) {
            Self::ConfirmedByCase
        } else {
            Self::Alleged
        }
    }

    /// Stable code; its label is `party-standing-{code}`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Alleged => "alleged",
            Self::ConfirmedByCase => "confirmed-by-case",
            Self::ConfirmedByDecision => "confirmed-by-decision",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{law, lookups};

    #[test]
    fn a_party_is_alleged_until_a_case_outcome_or_a_decision_confirms_it() {
        assert_eq!(Standing::of([], []), Standing::Alleged);
        assert_eq!(Standing::of(["documents-returned", "none-yet"], ["acquittal", "settlement"]), Standing::Alleged);
        assert_eq!(Standing::of(["wages-paid"], ["pending"]), Standing::ConfirmedByCase);
        assert_eq!(Standing::of(["none-yet"], ["sentence"]), Standing::ConfirmedByDecision);
        assert_eq!(Standing::of(["employer-fined"], ["fine"]), Standing::ConfirmedByDecision, "the court's word");
    }

    #[test]
    fn the_confirming_outcomes_are_codes_of_their_lists() {
        for code in CONFIRMING_CASE_OUTCOMES {
            assert!(lookups::CASE_OUTCOME.codes.contains(&code), "{code}");
        }
        for code in CONFIRMING_DECISIONS {
            assert!(law::PROCEEDING_OUTCOME.codes.contains(&code), "{code}");
        }
    }
}
