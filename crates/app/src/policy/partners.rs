//! The referral network's directory: who may look a partner up, who may read whom to call
//! there, and who may add or change partners.
//!
//! A partner's name, kind, country, regions, services and languages are public facts about
//! an organisation: every staff member who works with people reads them (the hotline tells a
//! caller where to go). Its focal points are another organisation's staff, identifying data
//! like any contact. Administrators and managers keep the directory.

use komek_domain::Capability;

use crate::Actor;

/// What the reader of the directory may do, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartnerRights {
    /// Read the focal points, contacts and notes.
    pub read_contacts: bool,
    /// Add partners, change them, mark them inactive.
    pub change: bool,
}

/// Look partners up: whoever registers appeals or reads cases, and whoever keeps the directory.
pub fn may_look_up(actor: &Actor) -> bool {
    actor.can(Capability::RegisterAppeals) || actor.can(Capability::ViewCases) || actor.can(Capability::ManagePartners)
}

pub fn rights(actor: &Actor) -> PartnerRights {
    PartnerRights {
        read_contacts: may_look_up(actor) && actor.can(Capability::ViewIdentifying),
        change: actor.can(Capability::ManagePartners),
    }
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;

    use super::*;
    use crate::policy::table::check;

    #[test]
    fn who_may_look_partners_up_and_read_whom_to_call() {
        let staff = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("look a partner up", &staff, may_look_up);
        check("read a partner's contacts", &staff, |a| rights(a).read_contacts);
    }

    #[test]
    fn who_may_keep_the_directory() {
        check("add or change a partner", &[Administrator, Manager], |a| rights(a).change);
    }
}
