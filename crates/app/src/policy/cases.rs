//! A case: who may know it exists, read it, change it, change who works on it, and download
//! its evidence; and what an update keeps of the saved file.

use komek_domain::entities::{Account, Case};
use komek_domain::{AccountId, Capability, Role};

use crate::Actor;

/// Where the reader stands towards one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Within the reader's normal reach: their office (not sensitive), or their team.
    pub within_reach: bool,
    /// The reader leads the case or is on its team.
    pub on_team: bool,
    /// Opened by breaking glass: shown, but not the reader's to work on.
    pub broken_glass: bool,
}

/// What the reader of a case file may do with it, as the services will accept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseRights {
    /// Change the file: its header, people, services, proceedings, events, tasks, notes,
    /// assessments and evidence.
    pub change: bool,
    /// Change who leads the case and who is on its team.
    pub change_staff: bool,
    /// Download the evidence files.
    pub download_evidence: bool,
}

/// Whether the case exists for the actor at all (its identifying parts may still be withheld):
/// within their reach; or, for the roles that oversee every office, any case that is not
/// sensitive, or a sensitive one whose team they are on. Anyone else is answered exactly as
/// for a case that does not exist.
pub fn may_know_of(actor: &Actor, sensitive: bool, standing: Standing) -> bool {
    if standing.within_reach || matches!(actor, Actor::System) {
        return true;
    }
    actor.sees_all_offices() && actor.can(Capability::ViewCases) && (!sensitive || standing.on_team)
}

/// Whether the actor may change the file: a role that works on cases, within its normal
/// reach (breaking glass opens a file to read, never to change).
pub fn may_change(actor: &Actor, standing: Standing) -> bool {
    actor.can(Capability::ManageCases) && standing.within_reach
}

/// Whether the actor may change who leads and who is on the team: that decides who reads the
/// file (and whom a psychologist's notes reach), so only its lead, a manager or an
/// administrator.
pub fn may_change_staff(actor: &Actor, lead: AccountId) -> bool {
    match actor {
        Actor::System => true,
        Actor::Staff(me) => me.id == lead || matches!(me.role, Role::Manager | Role::Administrator),
    }
}

/// Whether an account may lead a case or take its tasks: an active account of a role that
/// works on cases.
pub fn may_lead(account: &Account) -> bool {
    !account.disabled && account.role.can(Capability::ManageCases)
}

/// Whether an account may be on a case's team, and so read it: an active account that sees
/// identifying data (a mobile consultant may join the case of someone they met in the field).
pub fn may_join_team(account: &Account) -> bool {
    !account.disabled && account.role.can(Capability::ViewIdentifying)
}

/// Whether the actor may download the case's evidence: within normal reach only; through
/// break glass the files are listed but not opened.
pub fn may_download_evidence(actor: &Actor, standing: Standing) -> bool {
    actor.can(Capability::ViewCases) && standing.within_reach
}

/// Everything the reader may do with the file, for the pages and the API to offer.
pub fn rights(actor: &Actor, case: &Case, standing: Standing) -> CaseRights {
    let change = may_change(actor, standing);
    CaseRights {
        change,
        change_staff: change && may_change_staff(actor, case.lead_id),
        download_evidence: may_download_evidence(actor, standing),
    }
}

/// A case saved without a person's standing as a victim (a form that does not carry it, a
/// person added meanwhile, an API body leaving it empty) keeps the standing `saved` (the file
/// as it was before this update; `None` when opening), or "unknown" when there is none.
pub fn keep_saved_standing(case: &mut Case, saved: Option<&Case>) {
    let saved_standing = |person| saved.and_then(|s| s.victim_status(person));
    for person in &case.persons {
        if !case.victims.iter().any(|v| v.person_id == *person)
            && let Some(kept) = saved_standing(*person)
        {
            case.victims.push(kept.clone());
        }
    }
    for victim in case.victims.iter_mut().filter(|v| v.status.trim().is_empty()) {
        *victim = match saved_standing(victim.person_id) {
            Some(kept) => kept.clone(),
            None => komek_domain::casework::VictimStatus { status: "unknown".to_owned(), ..victim.clone() },
        };
    }
}

#[cfg(test)]
mod tests {
    use komek_domain::Role::*;
    use komek_domain::casework::VictimStatus;
    use komek_domain::{OfficeId, PersonId};

    use super::*;
    use crate::policy::table::{check, staff};

    const MINE: Standing = Standing { within_reach: true, on_team: false, broken_glass: false };
    const ELSEWHERE: Standing = Standing { within_reach: false, on_team: false, broken_glass: false };
    const GLASS: Standing = Standing { within_reach: false, on_team: false, broken_glass: true };
    const TEAM_ELSEWHERE: Standing = Standing { within_reach: true, on_team: true, broken_glass: false };

    #[test]
    fn who_may_know_a_case_exists() {
        check("an ordinary case of my office", &Role::ALL, |a| may_know_of(a, false, MINE));
        let overseers = [Administrator, Manager];
        check("an ordinary case of another office", &overseers, |a| may_know_of(a, false, ELSEWHERE));
        check("a sensitive case of another team", &[], |a| may_know_of(a, true, ELSEWHERE));
        assert!(may_know_of(&Actor::System, true, ELSEWHERE));
    }

    #[test]
    fn who_may_change_a_case() {
        let workers = [Administrator, Manager, Lawyer, Psychologist];
        check("a case of my office", &workers, |a| may_change(a, MINE));
        check("a sensitive case whose team I am on", &workers, |a| may_change(a, TEAM_ELSEWHERE));
        check("a case of another office", &[], |a| may_change(a, ELSEWHERE));
        check("a case opened by breaking glass", &[], |a| may_change(a, GLASS));
    }

    #[test]
    fn who_may_change_who_works_on_a_case() {
        let someone_else = AccountId::new();
        check("a case led by someone else", &[Administrator, Manager], |a| may_change_staff(a, someone_else));
        check("a case I lead", &Role::ALL, |a| may_change_staff(a, a.account_id().unwrap()));
    }

    #[test]
    fn who_may_lead_or_join_a_case() {
        let account = |a: &Actor| match a {
            Actor::Staff(account) => account.clone(),
            Actor::System => unreachable!("the table is of staff"),
        };
        let workers = [Administrator, Manager, Lawyer, Psychologist];
        check("lead a case or take its tasks", &workers, |a| may_lead(&account(a)));
        let readers = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("be on a case's team", &readers, |a| may_join_team(&account(a)));
        let disabled = |a: &Actor| Account { disabled: true, ..account(a) };
        check("lead, once disabled", &[], |a| may_lead(&disabled(a)));
        check("join, once disabled", &[], |a| may_join_team(&disabled(a)));
    }

    #[test]
    fn who_may_download_evidence() {
        let readers = [Administrator, Manager, Lawyer, Psychologist, HotlineOperator, MobileConsultant];
        check("evidence of a case within reach", &readers, |a| may_download_evidence(a, MINE));
        check("evidence of a case opened by breaking glass", &[], |a| may_download_evidence(a, GLASS));
    }

    #[test]
    fn the_rights_handed_to_a_page_agree_with_the_rules() {
        let lawyer = staff(Lawyer);
        let case = case_with(vec![]);
        let mine = rights(&lawyer, &case, MINE);
        assert_eq!(mine, CaseRights { change: true, change_staff: false, download_evidence: true });
        assert_eq!(rights(&lawyer, &case, GLASS), CaseRights::default());
        let led = Case { lead_id: lawyer.account_id().unwrap(), ..case };
        assert!(rights(&lawyer, &led, MINE).change_staff);
    }

    #[test]
    fn a_standing_not_given_is_kept_or_unknown() {
        let (kept, left_empty, new) = (PersonId::new(), PersonId::new(), PersonId::new());
        let status = |person, status: &str| VictimStatus {
            person_id: person,
            status: status.to_owned(),
            identified_by: (status == "identified").then(|| "ngo".to_owned()),
            identified_on: None,
        };
        let saved = case_with(vec![status(kept, "identified"), status(left_empty, "presumed")]);
        let mut update = Case { persons: vec![kept, left_empty, new], ..case_with(vec![status(left_empty, "")]) };
        update.victims.push(status(new, ""));
        keep_saved_standing(&mut update, Some(&saved));
        let standing = |p| update.victim_status(p).map(|v| v.status.as_str());
        assert_eq!(standing(kept), Some("identified"), "a person the update leaves out keeps theirs");
        assert_eq!(standing(left_empty), Some("presumed"), "an empty standing keeps the saved one");
        assert_eq!(standing(new), Some("unknown"), "nothing saved: unknown");
    }

    fn case_with(victims: Vec<VictimStatus>) -> Case {
        Case {
            id: komek_domain::CaseId::new(),
            number: "2008-017".into(),
            persons: victims.iter().map(|v| v.person_id).collect(),
            victims,
            ..Case::opened(
                OfficeId::new(),
                "unpaid-wages",
                AccountId::new(),
                chrono::NaiveDate::from_ymd_opt(2008, 11, 3).unwrap(),
            )
        }
    }
}
