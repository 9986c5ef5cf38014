//! A party (employer, intermediary, official): who may correct its record, or merge a
//! duplicate record of it into it.

use komek_domain::Capability;

use crate::Actor;

/// What the reader of a party's page may do with it, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartyRights {
    /// Correct its kind, place and identity.
    pub change: bool,
    /// Merge a duplicate record into this one.
    pub merge: bool,
}

/// Everything the reader may do with a party's page. `broken_glass`: the page was opened
/// outside the reader's reach, to read only.
pub fn rights(actor: &Actor, broken_glass: bool) -> PartyRights {
    let within_reach = !broken_glass;
    PartyRights {
        change: within_reach && actor.can(Capability::RegisterAppeals),
        merge: within_reach && actor.can(Capability::MergeDuplicates),
    }
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;

    use super::*;
    use crate::policy::table::check;

    #[test]
    fn who_may_correct_a_party() {
        let registrars = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("a party within reach", &registrars, |a| rights(a, false).change);
        check("a party opened by breaking glass", &[], |a| rights(a, true).change);
    }

    #[test]
    fn who_may_merge_duplicate_parties() {
        check("a party within reach", &[Administrator, Manager, Lawyer], |a| rights(a, false).merge);
        check("a party opened by breaking glass", &[], |a| rights(a, true).merge);
    }
}
