//! Monitoring visits: who may plan and record them, who may read them and their notes.
//!
//! A visit belongs to an office. What it counted (people met, the checklist, violations,
//! materials) names nobody, so whoever reads case files may read the counts of any office's
//! visit — the organisation's managers compare districts. The settlement and narrative can
//! name people and places: they are read, and the visit changed, only within reach (the
//! visit's office, or its team). Appeals taken on a visit and cases opened from it follow the
//! rules of appeals and cases.

use komek_domain::{Capability, OfficeId};

use crate::Actor;

/// What the reader of a visit may do, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VisitRights {
    /// Read the settlement, narrative and reason for calling it off.
    pub read_notes: bool,
    /// Change the plan or the record, mark it done or cancelled.
    pub change: bool,
    /// Register an on-site consultation (an appeal taken on the visit).
    pub register_appeals: bool,
    /// Open a case from the visit.
    pub open_case: bool,
}

/// Plan a visit, or record one the group made without a plan.
pub fn may_record(actor: &Actor) -> bool {
    actor.can(Capability::RecordVisits)
}

/// Read a visit's counts, or list visits.
pub fn may_read(actor: &Actor) -> bool {
    actor.can(Capability::ViewCases)
}

/// Whether a visit of `office` (with the actor on its team or not) is within reach.
fn reaches(actor: &Actor, office: OfficeId, on_team: bool) -> bool {
    actor.reaches(office, on_team, false)
}

/// Whether the visit opens for the actor at all: out of reach of someone who compares only
/// their own office, it is not there.
pub fn may_open(actor: &Actor, office: OfficeId, on_team: bool) -> bool {
    may_read(actor) && (reaches(actor, office, on_team) || actor.sees_all_offices())
}

pub fn rights(actor: &Actor, office: OfficeId, on_team: bool, done: bool) -> VisitRights {
    let within = reaches(actor, office, on_team);
    VisitRights {
        read_notes: may_read(actor) && within,
        change: may_record(actor) && within,
        register_appeals: done && within && actor.can(Capability::RegisterAppeals),
        open_case: done && within && actor.can(Capability::ManageCases),
    }
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;

    use super::*;
    use crate::policy::table::{OFFICE, check};

    #[test]
    fn who_may_plan_and_record_visits() {
        check("record a visit", &[Administrator, Manager, Lawyer, Psychologist, MobileConsultant], may_record);
    }

    #[test]
    fn who_may_read_a_visit_of_their_office_and_its_notes() {
        let staff = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("open a visit of one's office", &staff, |a| may_open(a, OFFICE, false));
        check("read its notes", &staff, |a| rights(a, OFFICE, false, true).read_notes);
        check("register an appeal on it", &staff, |a| rights(a, OFFICE, false, true).register_appeals);
        check("open a case from it", &[Administrator, Manager, Lawyer, Psychologist], |a| {
            rights(a, OFFICE, false, true).open_case
        });
        check("register an appeal on a planned visit", &[], |a| rights(a, OFFICE, false, false).register_appeals);
    }

    #[test]
    fn another_offices_visit_shows_its_counts_only_to_the_whole_organisations_staff() {
        let elsewhere = OfficeId::new();
        check("open another office's visit", &[Administrator, Manager], |a| may_open(a, elsewhere, false));
        check("read its notes", &[], |a| rights(a, elsewhere, false, true).read_notes);
        check("change it", &[], |a| rights(a, elsewhere, false, true).change);
        let team = [Administrator, Manager, Lawyer, Psychologist, MobileConsultant];
        check("change it when on its team", &team, |a| rights(a, elsewhere, true, true).change);
    }
}
