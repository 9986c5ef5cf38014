//! Who may do what with each kind of record, decided in one place: a file per kind of record,
//! each a set of plain functions of the actor and what is known of the record (its office,
//! whether it is sensitive, who leads it, whether it was opened by breaking glass).
//!
//! The services call these to refuse, and hand the answers to their readers with the record
//! ([`cases::CaseRights`] on a case file, [`persons::PersonRights`] on a person's file,
//! [`appeals::AppealRights`] on an appeal, [`parties::PartyRights`] on a party's page), so
//! that a page offers exactly what the services will accept and never decides on its own.
//! Each operation has a who-may table beside it, written out role by role, that fails when
//! the rule changes without the table.
//!
//! The reach rule itself (office, team, sensitivity) is [`crate::Actor::reaches`]; roles and
//! capabilities are the domain's table.

pub mod appeals;
pub mod cases;
pub mod monitoring;
pub mod notes;
pub mod parties;
pub mod partners;
pub mod persons;
pub mod referrals;

#[cfg(test)]
mod table {
    //! Role by role expectations, shared by the who-may tests.
    use komek_domain::entities::Account;
    use komek_domain::{AccountId, OfficeId, Role};

    use crate::Actor;

    pub const OFFICE: OfficeId = OfficeId(uuid::Uuid::from_u128(1));

    /// A staff member of `OFFICE` in `role`.
    pub fn staff(role: Role) -> Actor {
        Actor::Staff(Account {
            id: AccountId::new(),
            username: role.code().to_owned(),
            display_name: role.code().to_owned(),
            role,
            office_id: OFFICE,
            language: "en".to_owned(),
            must_change_password: false,
            disabled: false,
        })
    }

    /// Checks `may` for every role against the roles `allowed`, naming the operation.
    pub fn check(operation: &str, allowed: &[Role], may: impl Fn(&Actor) -> bool) {
        for role in Role::ALL {
            let expected = allowed.contains(&role);
            assert_eq!(
                may(&staff(role)),
                expected,
                "{operation}: {role} should {}be allowed",
                if expected { "" } else { "not " }
            );
        }
    }
}
