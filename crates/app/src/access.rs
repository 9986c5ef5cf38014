//! Who is acting, and what they may reach. Every service starts here.

use komek_domain::entities::Account;
use komek_domain::{AccountId, Capability, OfficeId, Role};

use crate::AppError;

/// The one acting: a logged-in staff member, or the system itself (the CLI run by whoever
/// holds the data directory and its key, and the demo generator).
#[derive(Debug, Clone)]
pub enum Actor {
    System,
    Staff(Account),
}

impl Actor {
    pub fn account_id(&self) -> Option<AccountId> {
        match self {
            Self::System => None,
            Self::Staff(a) => Some(a.id),
        }
    }

    pub fn role(&self) -> Role {
        match self {
            Self::System => Role::Administrator,
            Self::Staff(a) => a.role,
        }
    }

    pub fn office_id(&self) -> Option<OfficeId> {
        match self {
            Self::System => None,
            Self::Staff(a) => Some(a.office_id),
        }
    }

    pub fn can(&self, capability: Capability) -> bool {
        self.role().can(capability)
    }

    /// Refuses unless the role grants `capability`.
    pub fn require(&self, capability: Capability) -> Result<(), AppError> {
        if self.can(capability) { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// Whether the actor works across the whole organisation (all offices' registers and
    /// figures) rather than one office. Identifying data still follows `reaches`.
    pub fn sees_all_offices(&self) -> bool {
        matches!(self.role(), Role::Administrator | Role::Manager | Role::Analyst)
    }

    /// The offices a list shows: the one asked for (or all) for roles over the whole
    /// organisation, always the actor's own for office staff.
    pub fn office_scope(&self, asked: Option<OfficeId>) -> Option<OfficeId> {
        if self.sees_all_offices() { asked } else { self.office_id() }
    }

    /// The office a new record belongs to: staff's own; the system (CLI, demo) must name one.
    pub fn office_for_new_record(&self, named: Option<OfficeId>) -> Result<OfficeId, AppError> {
        self.office_id()
            .or(named)
            .ok_or_else(|| AppError::Invalid(vec![komek_domain::ValidationError::Required { field: "office" }]))
    }

    /// Whether identifying data of a record is within reach: the role sees identifying data,
    /// and the record is in the actor's office (not sensitive) or the actor is on its team.
    pub fn reaches(&self, record_office: OfficeId, on_team: bool, sensitive: bool) -> bool {
        if !self.can(Capability::ViewIdentifying) {
            return false;
        }
        match self {
            Self::System => true,
            Self::Staff(a) => on_team || (!sensitive && a.office_id == record_office),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, office: OfficeId) -> Actor {
        Actor::Staff(Account {
            id: AccountId::new(),
            office_id: office,
            username: "u".into(),
            display_name: "U".into(),
            role,
            language: "en".into(),
            must_change_password: false,
            disabled: false,
        })
    }

    #[test]
    fn a_sensitive_case_is_reached_by_its_team_only() {
        let office = OfficeId::new();
        let lawyer = staff(Role::Lawyer, office);
        assert!(lawyer.reaches(office, false, false));
        assert!(!lawyer.reaches(office, false, true));
        assert!(lawyer.reaches(office, true, true));
        assert!(!lawyer.reaches(OfficeId::new(), false, false));
        assert!(lawyer.reaches(OfficeId::new(), true, false));
    }

    #[test]
    fn an_analyst_reaches_no_identifying_data_even_on_a_team() {
        let office = OfficeId::new();
        assert!(!staff(Role::Analyst, office).reaches(office, true, false));
    }
}
