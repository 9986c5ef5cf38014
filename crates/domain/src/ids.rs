//! Typed identifiers. Every record has a UUIDv7: made by the application (so a record's id is
//! known before it is encrypted and stored, and records made offline never collide), and
//! ordered by creation time (so indexes stay append-mostly).

use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map(Self)
            }
        }
    )+};
}

id_type! {
    /// A person the organisation helps.
    PersonId;
    /// One contact: a call, a visit, a message.
    AppealId;
    /// Ongoing work for one or more persons.
    CaseId;
    /// An employer, intermediary, foreman, official.
    PartyId;
    /// The headquarters or a district centre.
    OfficeId;
    /// A staff user.
    AccountId;
    /// Help delivered within a case.
    ServiceId;
    /// A dated event on a case's timeline.
    EventId;
    /// One assessment of a person against an indicator catalogue.
    AssessmentId;
    /// A criminal, administrative or civil proceeding.
    ProceedingId;
    /// A task with an assignee and a due date.
    TaskId;
    /// A note written in a case.
    NoteId;
    /// An evidence file attached to a case.
    EvidenceId;
    /// An organisation of the referral network.
    PartnerId;
    /// A person's consent to share their data.
    ConsentId;
    /// A person sent to a partner, or to us by one.
    ReferralId;
    /// A monitoring visit of the mobile group.
    VisitId;
    /// A photograph taken on a monitoring visit.
    PhotoId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_grow_with_time() {
        let a = PersonId::new();
        let b = PersonId::new();
        assert_eq!(a.to_string().parse::<PersonId>().unwrap(), a);
        assert!(a < b);
        assert!("not-a-uuid".parse::<PersonId>().is_err());
    }
}
