//! Why an existing person may be the one on the phone: the reasons shown beside each
//! candidate, and the test for "probably the same person" before a duplicate is saved.
//!
//! Works on plaintext the app crate has just unsealed for someone allowed to see it; the
//! database only ever compared blind-index tokens to find the candidates.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::entities::PersonIdentity;
use crate::normalise::{self, NameWord};

/// What the operator knows of the caller so far; any part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonProbe {
    pub name: String,
    pub phone: String,
    pub document: String,
    pub birth_year: Option<i32>,
}

impl PersonProbe {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.phone.trim().is_empty() && self.document.trim().is_empty()
    }
}

/// One reason a candidate matches, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MatchReason {
    SameDocument,
    SamePhone,
    /// Every word of the name typed is one of the person's name words (any spelling).
    SameName,
    /// Some words agree, or agree but for one typo.
    SimilarName,
    SameBirthYear,
}

impl MatchReason {
    /// Stable code, for translations (`match-{code}`) and the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::SameDocument => "same-document",
            Self::SamePhone => "same-phone",
            Self::SameName => "same-name",
            Self::SimilarName => "similar-name",
            Self::SameBirthYear => "same-birth-year",
        }
    }

    /// Reasons that on their own make a new record look like a duplicate.
    pub fn suggests_duplicate(self) -> bool {
        !matches!(self, Self::SameBirthYear)
    }
}

/// The reasons `identity` matches `probe`, strongest first; empty when nothing agrees.
pub fn reasons(probe: &PersonProbe, identity: &PersonIdentity) -> Vec<MatchReason> {
    let mut out = Vec::new();
    if let Some(doc) = normalise::document_number(&probe.document)
        && identity.documents.iter().filter_map(|d| normalise::document_number(d)).any(|d| d == doc)
    {
        out.push(MatchReason::SameDocument);
    }
    if let Some(phone) = normalise::phone(&probe.phone)
        && identity.phones.iter().filter_map(|p| normalise::phone(p)).any(|p| p == phone)
    {
        out.push(MatchReason::SamePhone);
    }
    let typed = normalise::name_words(&probe.name);
    let known: Vec<NameWord> = [&identity.full_name, &identity.passport_name]
        .into_iter()
        .chain(&identity.other_spellings)
        .flat_map(|n| normalise::name_words(n))
        .collect();
    if !typed.is_empty() {
        let exact = typed.iter().filter(|t| known.iter().any(|k| k.token == t.token)).count();
        // A word with "x" gives two readings; one of them meeting is enough.
        let words = probe.name.split_whitespace().count().max(1);
        if exact >= words {
            out.push(MatchReason::SameName);
        } else if exact > 0 || typed.iter().any(|t| known.iter().any(|k| k.within_one_typo(t))) {
            out.push(MatchReason::SimilarName);
        }
    }
    let year = identity.birth_year.or(identity.birth_date.map(|d| d.year()));
    if probe.birth_year.is_some() && probe.birth_year == year {
        out.push(MatchReason::SameBirthYear);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn husan() -> PersonIdentity {
        PersonIdentity {
            full_name: "Абдуллаев Хусан Рустамович".into(),
            other_spellings: vec!["Khusan Abdullayev".into()],
            birth_date: NaiveDate::from_ymd_opt(1986, 3, 2),
            phones: vec!["+998 90 123 45 67".into()],
            documents: vec!["AA 1234567".into()],
            ..Default::default()
        }
    }

    fn probe(name: &str, phone: &str, document: &str, birth_year: Option<i32>) -> PersonProbe {
        PersonProbe { name: name.into(), phone: phone.into(), document: document.into(), birth_year }
    }

    #[test]
    fn a_repeat_caller_matches_by_phone_name_and_year() {
        let found = reasons(&probe("Husan Abdullaev", "90 123 45 67", "", Some(1986)), &husan());
        assert_eq!(found, [MatchReason::SamePhone, MatchReason::SameName, MatchReason::SameBirthYear]);
    }

    #[test]
    fn a_typo_or_a_missing_word_is_a_similar_name() {
        assert_eq!(reasons(&probe("Husan Abdulaer", "", "", None), &husan()), [MatchReason::SimilarName]);
        assert_eq!(reasons(&probe("Xusan", "", "", None), &husan()), [MatchReason::SameName]);
        assert_eq!(reasons(&probe("Husan Karimov", "", "", None), &husan()), [MatchReason::SimilarName]);
    }

    #[test]
    fn the_passport_number_matches_in_either_alphabet() {
        assert_eq!(reasons(&probe("", "", "аа1234567", None), &husan()), [MatchReason::SameDocument]);
    }

    #[test]
    fn a_stranger_matches_nothing() {
        assert!(reasons(&probe("Zarina Yusupova", "+7 701 000 00 00", "", Some(1990)), &husan()).is_empty());
        assert!(!MatchReason::SameBirthYear.suggests_duplicate());
        assert!(MatchReason::SimilarName.suggests_duplicate());
    }
}
