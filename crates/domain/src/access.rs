//! Roles and what each may do: the single source of truth for access control.
//!
//! Services ask `role.can(capability)` before doing anything; routes derive their guards from
//! the same table, and the access-matrix tests are generated from it.

use std::fmt;

/// A staff member's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Role {
    Administrator,
    Manager,
    Lawyer,
    Psychologist,
    HotlineOperator,
    MobileConsultant,
    /// Aggregates only: never sees identifying data.
    Analyst,
}

/// Something a role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Capability {
    /// See names, phones, documents and notes of people in records within reach.
    ViewIdentifying,
    /// Register and edit appeals, and the persons and parties they name.
    RegisterAppeals,
    /// Open and work on cases.
    ManageCases,
    /// Read case files (within reach).
    ViewCases,
    /// Merge a duplicate record of a person or a party into the one kept.
    MergeDuplicates,
    /// See statistics and reports.
    ViewReports,
    /// Produce the public, suppressed open-data release.
    PublishOpenData,
    /// Create, disable and reset staff accounts.
    ManageAccounts,
    /// Read the audit log and review break-glass reads.
    ViewAudit,
    /// Edit lookup lists, offices and settings.
    ManageSettings,
    /// Add partners to the referral network's directory and change them.
    ManagePartners,
    /// Share a person's data without their consent (a child in danger, a threat to life),
    /// with a written justification that the audit review shows.
    OverrideConsent,
    /// Plan monitoring visits and record what the mobile group found.
    RecordVisits,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Self::Administrator,
        Self::Manager,
        Self::Lawyer,
        Self::Psychologist,
        Self::HotlineOperator,
        Self::MobileConsultant,
        Self::Analyst,
    ];

    /// Stable code used in the database, the CLI and translations (`role-{code}`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Manager => "manager",
            Self::Lawyer => "lawyer",
            Self::Psychologist => "psychologist",
            Self::HotlineOperator => "hotline-operator",
            Self::MobileConsultant => "mobile-consultant",
            Self::Analyst => "analyst",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The capability table.
    pub fn capabilities(self) -> &'static [Capability] {
        use Capability::*;
        match self {
            Self::Administrator => &[
                ViewIdentifying,
                RegisterAppeals,
                ManageCases,
                ViewCases,
                MergeDuplicates,
                ViewReports,
                PublishOpenData,
                ManageAccounts,
                ViewAudit,
                ManageSettings,
                ManagePartners,
                OverrideConsent,
                RecordVisits,
            ],
            Self::Manager => &[
                ViewIdentifying,
                RegisterAppeals,
                ManageCases,
                ViewCases,
                MergeDuplicates,
                ViewReports,
                PublishOpenData,
                ViewAudit,
                ManagePartners,
                OverrideConsent,
                RecordVisits,
            ],
            // The mobile group is multidisciplinary: lawyers and psychologists go out with it.
            Self::Lawyer => &[ViewIdentifying, RegisterAppeals, ManageCases, ViewCases, MergeDuplicates, RecordVisits],
            Self::Psychologist => &[ViewIdentifying, RegisterAppeals, ManageCases, ViewCases, RecordVisits],
            Self::HotlineOperator => &[ViewIdentifying, RegisterAppeals, ViewCases],
            Self::MobileConsultant => &[ViewIdentifying, RegisterAppeals, ViewCases, RecordVisits],
            Self::Analyst => &[ViewReports, PublishOpenData],
        }
    }

    pub fn can(self, capability: Capability) -> bool {
        self.capabilities().contains(&capability)
    }

    /// Roles that see identifying data must use a second factor.
    pub fn requires_second_factor(self) -> bool {
        self.can(Capability::ViewIdentifying)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyst_never_sees_identifying_data_or_cases() {
        assert!(!Role::Analyst.can(Capability::ViewIdentifying));
        assert!(!Role::Analyst.can(Capability::ViewCases));
        assert!(Role::Analyst.can(Capability::ViewReports));
    }

    #[test]
    fn only_administrators_manage_accounts_and_settings() {
        for role in Role::ALL {
            let admin = role == Role::Administrator;
            assert_eq!(role.can(Capability::ManageAccounts), admin, "{role}");
            assert_eq!(role.can(Capability::ManageSettings), admin, "{role}");
        }
    }

    #[test]
    fn hotline_operator_registers_appeals_but_does_not_run_cases() {
        assert!(Role::HotlineOperator.can(Capability::RegisterAppeals));
        assert!(!Role::HotlineOperator.can(Capability::ManageCases));
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
