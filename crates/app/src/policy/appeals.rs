//! An appeal: who may change it and who may open a case from it.

use komek_domain::Capability;
use komek_domain::entities::Appeal;

use crate::Actor;

/// What the reader of an appeal may do with it, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppealRights {
    /// Change the appeal.
    pub change: bool,
    /// Open a case from it: it names a person, and the role works on cases.
    pub open_case: bool,
}

/// Everything the reader may do with an appeal. `notes_shown`: the appeal is within the
/// reader's reach, so its identifying parts were shown.
pub fn rights(actor: &Actor, appeal: &Appeal, notes_shown: bool) -> AppealRights {
    AppealRights {
        change: notes_shown && actor.can(Capability::RegisterAppeals),
        open_case: notes_shown && appeal.person_id.is_some() && actor.can(Capability::ManageCases),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use komek_domain::Role::*;
    use komek_domain::{AccountId, PersonId};

    use super::*;
    use crate::policy::table::{OFFICE, check};

    fn appeal(person_id: Option<PersonId>) -> Appeal {
        Appeal {
            person_id,
            topics: vec!["wages-unpaid".into()],
            ..Appeal::received(OFFICE, AccountId::new(), Utc::now(), "hotline-phone", "migrant", "advised")
        }
    }

    #[test]
    fn who_may_change_an_appeal() {
        let registrars = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("an appeal within reach", &registrars, |a| rights(a, &appeal(None), true).change);
        check("an appeal out of reach", &[], |a| rights(a, &appeal(None), false).change);
    }

    #[test]
    fn who_may_open_a_case_from_an_appeal() {
        let named = appeal(Some(PersonId::new()));
        let workers = [Administrator, Manager, Lawyer, Psychologist];
        check("an appeal naming a person", &workers, |a| rights(a, &named, true).open_case);
        check("an anonymous appeal", &[], |a| rights(a, &appeal(None), true).open_case);
        check("an appeal out of reach", &[], |a| rights(a, &named, false).open_case);
    }
}
