//! A person: who may change their record, merge duplicates into it, or register another
//! appeal for them from their page.

use komek_domain::Capability;

use crate::Actor;

/// What the reader of a person's file may do with it, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PersonRights {
    /// Change the person's profile and identity.
    pub change: bool,
    /// Merge a duplicate record into this one.
    pub merge: bool,
    /// Register a new appeal naming the person.
    pub new_appeal: bool,
}

/// Everything the reader may do with a person's file. `broken_glass`: the file was opened
/// outside the reader's reach, to read only.
pub fn rights(actor: &Actor, broken_glass: bool) -> PersonRights {
    let within_reach = !broken_glass;
    PersonRights {
        change: within_reach && actor.can(Capability::RegisterAppeals),
        merge: within_reach && actor.can(Capability::MergeDuplicates),
        new_appeal: within_reach && actor.can(Capability::RegisterAppeals),
    }
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;

    use super::*;
    use crate::policy::table::check;

    #[test]
    fn who_may_change_a_person() {
        let registrars = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("a person within reach", &registrars, |a| rights(a, false).change);
        check("a person opened by breaking glass", &[], |a| rights(a, true).change);
        check("an appeal for a person within reach", &registrars, |a| rights(a, false).new_appeal);
    }

    #[test]
    fn who_may_merge_duplicates() {
        check("a person within reach", &[Administrator, Manager, Lawyer], |a| rights(a, false).merge);
        check("a person opened by breaking glass", &[], |a| rights(a, true).merge);
    }
}
