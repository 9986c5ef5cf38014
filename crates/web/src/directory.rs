//! Who is who, for pages that name staff and offices: a colleague's display name by account,
//! and the offices. Read once per page with the page's other data.

use std::collections::HashMap;

use komek_app::AppError;
use komek_domain::AccountId;

/// Names of colleagues and offices, to say who registered, leads or was assigned what, and where.
pub struct Directory {
    pub staff: HashMap<AccountId, String>,
    pub offices: Vec<komek_domain::entities::Office>,
}

impl Directory {
    /// Colleagues by name, for a choice list.
    pub fn staff_sorted(&self) -> Vec<(AccountId, &str)> {
        let mut staff: Vec<(AccountId, &str)> = self.staff.iter().map(|(id, name)| (*id, name.as_str())).collect();
        staff.sort_by(|a, b| a.1.cmp(b.1));
        staff
    }
}

/// Reads the directory, in the blocking call of the page that shows it.
pub fn directory(app: &komek_app::App, actor: &komek_app::Actor) -> Result<Directory, AppError> {
    let staff = app.staff_names(actor)?.into_iter().map(|(id, name, _)| (id, name)).collect();
    Ok(Directory { staff, offices: app.offices()? })
}
