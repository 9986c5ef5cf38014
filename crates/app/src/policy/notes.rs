//! A case note: who reads it. A note is written by anyone who may change the case
//! ([`super::cases::may_change`]); a note kept to its author's role (a psychologist's
//! confidential notes) is read only by staff of that role, its author and the case's lead.

use komek_domain::AccountId;
use komek_domain::casework::{CaseNote, NoteVisibility};

use super::cases::Standing;
use crate::Actor;

/// Whether the reader of a case file reads this note. Breaking glass opens the case, not the
/// notes kept to a role.
pub fn may_read(actor: &Actor, note: &CaseNote, case_lead: AccountId, standing: Standing) -> bool {
    let shown = standing.within_reach || standing.broken_glass;
    if !shown {
        return false;
    }
    match (actor, note.visibility) {
        (Actor::System, _) | (_, NoteVisibility::Team) => true,
        (Actor::Staff(reader), NoteVisibility::AuthorRole) => {
            standing.within_reach
                && (reader.id == note.author_id || reader.role == note.author_role || reader.id == case_lead)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use komek_domain::Role::{self, *};
    use komek_domain::{CaseId, NoteId};

    use super::*;
    use crate::policy::table::check;

    const MINE: Standing = Standing { within_reach: true, on_team: false, broken_glass: false };
    const GLASS: Standing = Standing { within_reach: false, on_team: false, broken_glass: true };
    const ELSEWHERE: Standing = Standing { within_reach: false, on_team: false, broken_glass: false };

    fn note(visibility: NoteVisibility) -> CaseNote {
        CaseNote {
            id: NoteId::new(),
            case_id: CaseId::new(),
            author_id: AccountId::new(),
            author_role: Psychologist,
            visibility,
            text: "x".into(),
            written_at: Utc::now(),
        }
    }

    #[test]
    fn who_reads_a_team_note() {
        let team = note(NoteVisibility::Team);
        let lead = AccountId::new();
        check("a team note of a case within reach", &Role::ALL, |a| may_read(a, &team, lead, MINE));
        check("a team note through break glass", &Role::ALL, |a| may_read(a, &team, lead, GLASS));
        check("a team note of a case out of reach", &[], |a| may_read(a, &team, lead, ELSEWHERE));
    }

    #[test]
    fn who_reads_a_psychologists_confidential_note() {
        let confidential = note(NoteVisibility::AuthorRole);
        let lead = AccountId::new();
        check("a confidential note, by role", &[Psychologist], |a| may_read(a, &confidential, lead, MINE));
        check("a confidential note through break glass", &[], |a| may_read(a, &confidential, lead, GLASS));
        check("a confidential note, as the case's lead", &Role::ALL, |a| {
            may_read(a, &confidential, a.account_id().unwrap(), MINE)
        });
        check("a confidential note, as its author", &Role::ALL, |a| {
            let mine = CaseNote { author_id: a.account_id().unwrap(), ..confidential.clone() };
            may_read(a, &mine, lead, MINE)
        });
    }
}
