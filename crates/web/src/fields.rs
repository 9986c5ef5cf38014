//! What each kind of record calls its fields on its pages and in the JSON API: one table per
//! resource, so that a refused value is marked on the input or named in the body it came from.
//!
//! The services name a refused value by the record's own field ([`ValidationError::field`]:
//! `work_district`, `parties.role`, `victims.status` for a field of each element of a list).
//! Pages and API bodies mostly use the same names; a [`Naming`] lists only where they differ,
//! and, for the API, the few refusals worth a sentence of their own instead of the generic
//! "is required". A new module adds its resource here and uses it on both surfaces.

use komek_domain::ValidationError;

/// How one resource's fields are named outside the services.
pub struct Naming {
    /// Service field → the page form's input, where they differ.
    form: &'static [(&'static str, &'static str)],
    /// Service field → the API body's field, where they differ.
    api: &'static [(&'static str, &'static str)],
    /// What the API says of a refusal instead of the generic sentence, if anything.
    explain: fn(&ValidationError) -> Option<&'static str>,
}

impl Naming {
    /// The form input a service's refusal marks.
    pub fn form(&self, field: &str) -> String {
        lookup(self.form, field).to_owned()
    }

    /// The API body field a service's refusal names.
    pub fn api<'a>(&self, field: &'a str) -> &'a str {
        lookup(self.api, field)
    }

    /// The API's own sentence for this refusal, when it has one.
    pub fn explanation(&self, error: &ValidationError) -> Option<&'static str> {
        (self.explain)(error)
    }
}

fn lookup<'a>(table: &'static [(&'static str, &'static str)], field: &'a str) -> &'a str {
    table.iter().find(|(service, _)| *service == field).map_or(field, |(_, named)| named)
}

fn nothing_to_add(_: &ValidationError) -> Option<&'static str> {
    None
}

/// A resource whose pages and API use the services' names throughout.
pub const PLAIN: Naming = Naming { form: &[], api: &[], explain: nothing_to_add };

/// An appeal; its page is the intake form, which also names a new person and a new party.
pub const APPEAL: Naming = Naming {
    form: &[
        ("topics", "topic"),
        ("parties.role", "party_role"),
        ("phones", "phone"),
        ("documents", "document"),
        ("birth_date", "birth_year"),
    ],
    api: &[("visit", "visit_id")],
    explain: nothing_to_add,
};

/// A person: the API nests profile and identity.
pub const PERSON: Naming = Naming {
    form: &[],
    api: &[
        ("sex", "profile.sex"),
        ("citizenship", "profile.citizenship"),
        ("other_citizenships", "profile.other_citizenships"),
        ("languages", "profile.languages"),
        ("vulnerabilities", "profile.vulnerabilities"),
        ("age_band", "profile.age_band"),
        ("home_region", "profile.home_region"),
        ("full_name", "identity.full_name"),
        ("notes", "identity.notes"),
        ("phones", "identity.phones"),
        ("birth_date", "identity.birth_date"),
        ("birth_year", "identity.birth_year"),
        ("passport_name", "identity.passport_name"),
        ("other_spellings", "identity.other_spellings"),
        ("documents", "identity.documents"),
        ("address", "identity.address"),
    ],
    explain: nothing_to_add,
};

/// A party (employer, intermediary): the services prefix its fields, which share a page with
/// an appeal's; the API nests its identity.
pub const PARTY: Naming = Naming {
    form: &[],
    api: &[
        ("party_kind", "kind"),
        ("party_region", "region"),
        ("party_district", "district"),
        ("party_name", "identity.name"),
        ("party_notes", "identity.notes"),
        ("party_other_names", "identity.other_names"),
        ("party_phones", "identity.phones"),
        ("party_identifiers", "identity.identifiers"),
        ("party_address", "identity.address"),
        ("licence_status", "identity.licence.status"),
        ("licence_number", "identity.licence.number"),
        ("licence_issued_by", "identity.licence.issued_by"),
        ("licence_issued_on", "identity.licence.issued_on"),
        ("licence_valid_until", "identity.licence.valid_until"),
    ],
    explain: |e| match e {
        ValidationError::Invalid { field: "licence_valid_until" } => {
            Some("must not be before `issued_on`, and within the years Komek keeps")
        }
        ValidationError::Invalid { field: "licence_number" } => {
            Some("must be empty when `status` is `none`: an agency working without a licence has no number")
        }
        _ => None,
    },
};

/// A partner of the referral network: its focal points are rows of one fieldset on the page.
pub const PARTNER: Naming = Naming {
    form: &[
        ("focal_points", "focal_points"),
        ("focal_points.name", "focal_points"),
        ("focal_points.position", "focal_points"),
        ("focal_points.phones", "focal_points"),
        ("focal_points.email", "focal_points"),
    ],
    api: &[
        ("address", "contacts.address"),
        ("notes", "contacts.notes"),
        ("focal_points", "contacts.focal_points"),
        ("focal_points.name", "contacts.focal_points.name"),
        ("focal_points.position", "contacts.focal_points.position"),
        ("focal_points.phones", "contacts.focal_points.phones"),
        ("focal_points.email", "contacts.focal_points.email"),
    ],
    explain: nothing_to_add,
};

/// A monitoring visit: the form's inputs are flat; a count of each check, violation or row
/// is marked on its own input by the form, the rest where the service names it.
pub const VISIT: Naming = Naming {
    form: &[
        ("people.total", "total"),
        ("people.women", "women"),
        ("people.men", "men"),
        ("people.minors", "minors"),
        ("people.citizenships", "citizenships"),
        ("checks.item", "checks"),
        ("checks.people", "checks"),
        ("violations.kind", "violations"),
        ("violations.people", "violations"),
        ("materials.kind", "materials"),
        ("materials.language", "materials"),
        ("materials.quantity", "materials"),
        ("hours_per_day", "hours"),
        ("party_name", "new_party_name"),
        ("party_kind", "new_party_kind"),
        ("assignee_id", "assignee"),
    ],
    api: &[],
    explain: nothing_to_add,
};

/// A person's consent: whom it names is one group of checkboxes (partners and kinds).
pub const CONSENT: Naming = Naming { form: &[("recipients", "recipients")], api: &[], explain: nothing_to_add };

/// A referral; the page's form chooses a partner and a consent by id.
pub const REFERRAL: Naming = Naming { form: &[], api: &[], explain: nothing_to_add };

/// A case's header: its people and their victim status are one list on the page, and
/// `persons` in the API.
pub const CASE: Naming = Naming {
    form: &[
        ("victims", "victims"),
        ("victims.status", "victims"),
        ("victims.identified_by", "victims"),
        ("victims.identified_on", "victims"),
        ("persons", "victims"),
        ("parties.role", "parties"),
    ],
    api: &[
        ("victims", "persons"),
        ("victims.status", "persons.victim_status"),
        ("victims.identified_by", "persons.identified_by"),
        ("victims.identified_on", "persons.identified_on"),
    ],
    explain: |e| match e {
        ValidationError::Required { field: "outcomes" } => {
            Some("closing a case needs what it achieved: at least one outcome (\"none-yet\" if nothing was)")
        }
        ValidationError::Required { field: "closing_reason" } => Some("closing a case needs the reason it ends"),
        ValidationError::Required { field: "victims.identified_by" } => {
            Some("is required when the victim status is presumed or identified")
        }
        ValidationError::Required { field: "persons" } => Some("a case needs at least one person"),
        ValidationError::Invalid { field: "closed_on" } => Some("must not be before the day the case was opened"),
        _ => None,
    },
};

/// A case opened from an appeal: the appeal must name someone.
pub const CASE_FROM_APPEAL: Naming = Naming {
    form: &[],
    api: &[("person", "appeal_id")],
    explain: |e| match e {
        ValidationError::Required { field: "person" } => {
            Some("names no person: a case is opened for someone, name them in the appeal first")
        }
        _ => None,
    },
};

/// A service given in a case (legal help, shelter, a repatriation).
pub const SERVICE: Naming = Naming {
    form: &[("amount_claimed", "claimed"), ("amount_recovered", "recovered")],
    api: &[],
    explain: |e| match e {
        ValidationError::Required { field: "destination_country" } => {
            Some("is required for a repatriation: the country the person returned to")
        }
        _ => None,
    },
};

/// A proceeding: the page asks the sentence in years and months, the API in months.
pub const PROCEEDING: Naming = Naming {
    form: &[("sentence", "sentence_years")],
    api: &[("sentence", "sentence_months")],
    explain: |e| match e {
        ValidationError::Required { field: "sentence" } => Some("is required for the outcome \"sentence\""),
        ValidationError::Invalid { field: "sentence" } => Some("must be from 1 to 360 months"),
        ValidationError::Required { field: "fine" } => Some("is required for the outcome \"fine\""),
        ValidationError::Invalid { field: "decided_on" } => Some("must not be before opened_on"),
        _ => None,
    },
};

/// An assessment against an indicator catalogue.
pub const ASSESSMENT: Naming = Naming {
    form: &[],
    api: &[],
    explain: |e| match e {
        ValidationError::Invalid { field: "answers" } => Some("names an indicator more than once"),
        ValidationError::Required { field: "answers.source" } => {
            Some("is required for a \"yes\" or \"no\" answer: interview, document or observation")
        }
        _ => None,
    },
};

/// A task of a case.
pub const TASK: Naming = Naming {
    form: &[],
    api: &[("assignee", "assignee_id")],
    explain: |e| match e {
        ValidationError::Invalid { field: "assignee" } => {
            Some("cannot open this case (a disabled account, another office, or off the team of a sensitive case)")
        }
        _ => None,
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_named_the_same_everywhere_needs_no_entry() {
        assert_eq!(APPEAL.api("work_district"), "work_district");
        assert_eq!(APPEAL.form("work_district"), "work_district");
        assert_eq!(APPEAL.form("topics"), "topic");
        assert_eq!(CASE.api("victims.status"), "persons.victim_status");
        assert_eq!(CASE.form("victims.status"), "victims");
        assert_eq!(PROCEEDING.api("sentence"), "sentence_months");
        assert_eq!(PROCEEDING.form("sentence"), "sentence_years");
    }

    #[test]
    fn every_table_names_each_service_field_once() {
        for naming in
            [&PLAIN, &APPEAL, &PERSON, &PARTY, &CASE, &CASE_FROM_APPEAL, &SERVICE, &PROCEEDING, &ASSESSMENT, &TASK]
        {
            for table in [naming.form, naming.api] {
                let mut seen = std::collections::HashSet::new();
                assert!(table.iter().all(|(service, _)| seen.insert(*service)), "{table:?}");
            }
        }
    }
}
