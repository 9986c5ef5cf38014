//! Monitoring: the mobile group's visits to fields, farms, building sites and bazaars.
//!
//! A visit is planned for a day, then done (or called off with a reason). A done visit says
//! whom the group met (by sex, minors and citizenship), what it saw (a fixed checklist, each
//! item answered yes, no or not seen, with the number of people concerned where it matters),
//! which violations it found, and what it handed out. The rules here are pure: what a visit
//! must hold to be saved, which answers of the checklist signal a violation, which ILO
//! indicator of forced labour a violation stands for, and what changed between two visits to
//! the same place.
//!
//! Counts must add up: no part is larger than the people met ("20 passports held of 63
//! workers"), and a visit is not dated in the future.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ValidationError;
use crate::ids::{AccountId, OfficeId, PartnerId, PartyId, VisitId};
use crate::indicators::Eleven;
use crate::limits::{MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use crate::lookups::{self, Coded, HoldsCodes};
use crate::rules::{self, check_code};

/// Most partners that go on one visit, and most staff on its team.
pub const MAX_VISIT_COMPANY: usize = 20;
/// Most kinds of material listed for one visit.
pub const MAX_MATERIALS: usize = 50;
/// Most people a visit can count, and most copies of a material handed out: far above any
/// field or bazaar, low enough that a slip of the keyboard is caught.
pub const MAX_VISIT_COUNT: u32 = 100_000;

/// A monitoring visit: its plan, and once done what the group found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub id: VisitId,
    pub office_id: OfficeId,
    /// `lookups::VISIT_STATUS`.
    pub status: String,
    /// The day the visit is (or was) planned for.
    pub planned_on: NaiveDate,
    /// The day it took place: required once done, never in the future, none before.
    pub visited_on: Option<NaiveDate>,
    /// `lookups::REGION`.
    pub region: String,
    /// `lookups::DISTRICT`.
    pub district: String,
    /// `lookups::PLACE_KIND`.
    pub place_kind: String,
    /// The employer or farm found there, from the registry of parties.
    pub party_id: Option<PartyId>,
    /// Organisations that went along (the prosecutor, the migration police).
    pub partners: Vec<PartnerId>,
    /// Staff of the mobile group on the visit.
    pub team: Vec<AccountId>,
    pub people: PeopleMet,
    pub checks: Vec<Check>,
    /// The working day people said they work, in hours.
    pub hours_per_day: Option<u32>,
    pub violations: Vec<Violation>,
    pub materials: Vec<Material>,
    /// The sealed part; `None` when the reader may not see it.
    pub notes: Option<VisitNotes>,
    pub created_by: Option<AccountId>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// The part of a visit that can name people or places: sealed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitNotes {
    /// The village or settlement, and how to find the place.
    pub settlement: String,
    /// What the group saw and did, in its own words.
    pub narrative: String,
    /// Why a visit was called off.
    pub cancel_reason: String,
}

/// The people the group met, counted on the spot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleMet {
    pub total: u32,
    pub women: u32,
    pub men: u32,
    /// Under 18.
    pub minors: u32,
    /// How many of each citizenship (`lookups::CITIZENSHIP`); need not cover everyone.
    pub citizenships: Vec<CitizenshipCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenshipCount {
    pub citizenship: String,
    pub people: u32,
}

/// What the group saw of one item of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Observation {
    Yes,
    No,
    NotSeen,
}

impl Observation {
    pub const ALL: [Observation; 3] = [Self::Yes, Self::No, Self::NotSeen];

    /// Stable code, stored and never renamed; its label is `observation-{code}`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::NotSeen => "not-seen",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// One item of the checklist as answered on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// `lookups::CHECK_ITEM`.
    pub item: String,
    pub answer: Observation,
    /// How many of the people met the answer concerns ("passports held: 20").
    pub people: Option<u32>,
}

/// A violation found on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// `lookups::VIOLATION`.
    pub kind: String,
    /// How many of the people met it concerns, when known.
    pub people: Option<u32>,
}

/// Copies of a material handed out in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    /// `lookups::MATERIAL`.
    pub kind: String,
    /// `lookups::LANGUAGE`.
    pub language: String,
    pub quantity: u32,
}

/// The answers of the checklist that signal a violation, and which: a visit's violations
/// always include those its checklist shows.
pub const CHECK_SIGNALS: &[(&str, Observation, &str)] = &[
    ("written-contracts", Observation::No, "no-written-contract"),
    ("passports-held", Observation::Yes, "documents-withheld"),
    ("wages-on-time", Observation::No, "wages-withheld"),
    ("long-hours", Observation::Yes, "excessive-hours"),
    ("days-off", Observation::No, "no-days-off"),
    ("decent-housing", Observation::No, "degrading-living-conditions"),
    ("drinking-water", Observation::No, "no-drinking-water"),
    ("food", Observation::No, "no-food"),
    ("children-working", Observation::Yes, "child-labour"),
    ("children-out-of-school", Observation::Yes, "children-out-of-school"),
    ("medical-access", Observation::No, "no-medical-access"),
    ("free-movement", Observation::No, "restricted-movement"),
    ("threats-violence", Observation::Yes, "threats-violence"),
    ("registered", Observation::No, "unregistered-workers"),
];

/// The ILO indicator of forced labour (ILO 2012, the eleven) a violation stands for, where
/// one fits; child labour, missing contracts and registration are violations of their own.
pub fn violation_indicator(kind: &str) -> Option<Eleven> {
    Some(match kind {
        "documents-withheld" => Eleven::RetentionOfDocuments,
        "wages-withheld" => Eleven::WithholdingOfWages,
        "excessive-hours" | "no-days-off" => Eleven::ExcessiveOvertime,
        "degrading-living-conditions" | "no-drinking-water" | "no-food" | "no-medical-access" => {
            Eleven::AbusiveConditions
        }
        "restricted-movement" => Eleven::RestrictionOfMovement,
        "threats-violence" => Eleven::IntimidationThreats,
        "physical-violence" => Eleven::PhysicalSexualViolence,
        "debt-bondage" => Eleven::DebtBondage,
        "deception" => Eleven::Deception,
        "isolation" => Eleven::Isolation,
        _ => return None,
    })
}

impl HoldsCodes for Visit {
    fn codes_held(&self) -> Vec<Coded<'_>> {
        let mut codes = vec![
            Coded::new("district", lookups::DISTRICT, &self.district),
            Coded::new("place_kind", lookups::PLACE_KIND, &self.place_kind),
        ];
        codes.extend(self.materials.iter().map(|m| Coded::new("materials.kind", lookups::MATERIAL, &m.kind)));
        codes
    }
}

impl Visit {
    /// Whether the visit is done.
    pub fn done(&self) -> bool {
        self.status == "done"
    }

    /// Everything wrong with the visit as it would be saved, as of `today` (the office's day).
    pub fn validate(&self, today: NaiveDate) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        check_code(&mut errors, "status", lookups::VISIT_STATUS, &self.status);
        rules::check_day(&mut errors, "planned_on", self.planned_on);
        check_code(&mut errors, "region", lookups::REGION, &self.region);
        self.codes_held().into_iter().for_each(|c| check_code(&mut errors, c.field, c.list, c.code));
        rules::check_count(&mut errors, "partners", self.partners.len(), MAX_VISIT_COMPANY);
        rules::check_count(&mut errors, "team", self.team.len(), MAX_VISIT_COMPANY);
        match (self.status.as_str(), self.visited_on) {
            ("done", None) => errors.push(ValidationError::Required { field: "visited_on" }),
            ("done", Some(day)) if day > today => errors.push(ValidationError::Future { field: "visited_on" }),
            ("done", Some(day)) => rules::check_day(&mut errors, "visited_on", day),
            // Only a visit that took place has a day it took place on, and findings.
            (_, Some(_)) => errors.push(ValidationError::Invalid { field: "visited_on" }),
            (_, None) if self.has_findings() => errors.push(ValidationError::Invalid { field: "status" }),
            _ => {}
        }
        self.validate_counts(&mut errors);
        if let Some(notes) = &self.notes {
            rules::check_line(&mut errors, "settlement", &notes.settlement, MAX_SHORT_CHARS);
            rules::check_text(&mut errors, "narrative", &notes.narrative, MAX_NOTE_CHARS);
            rules::check_text(&mut errors, "cancel_reason", &notes.cancel_reason, MAX_NOTE_CHARS);
            if self.status == "cancelled" {
                rules::check_required(&mut errors, "cancel_reason", &notes.cancel_reason);
            }
        } else if self.status == "cancelled" {
            errors.push(ValidationError::Required { field: "cancel_reason" });
        }
        errors
    }

    /// Whether anything was recorded as found: only a done visit may hold findings.
    fn has_findings(&self) -> bool {
        self.people != PeopleMet::default()
            || !self.checks.is_empty()
            || self.hours_per_day.is_some()
            || !self.violations.is_empty()
            || !self.materials.is_empty()
    }

    fn validate_counts(&self, errors: &mut Vec<ValidationError>) {
        let people = &self.people;
        let total = people.total;
        let mut at_most = |field, count: u32, max: u32| {
            if count > max {
                errors.push(ValidationError::MoreThan { field, max });
            }
        };
        at_most("people.total", total, MAX_VISIT_COUNT);
        at_most("people.women", people.women, total);
        at_most("people.men", people.men, total - people.women.min(total));
        at_most("people.minors", people.minors, total);
        let mut counted = 0u32;
        for c in &people.citizenships {
            at_most("people.citizenships", c.people, total - counted.min(total));
            counted = counted.saturating_add(c.people);
        }
        for check in &self.checks {
            at_most("checks.people", check.people.unwrap_or(0), total);
        }
        for violation in &self.violations {
            at_most("violations.people", violation.people.unwrap_or(0), total);
        }
        for material in &self.materials {
            at_most("materials.quantity", material.quantity, MAX_VISIT_COUNT);
        }
        if let Some(hours) = self.hours_per_day {
            at_most("hours_per_day", hours, 24);
        }
        let codes = |field, list: lookups::LookupList, errors: &mut Vec<ValidationError>, codes: Vec<&str>| {
            for code in &codes {
                check_code(errors, field, list, code);
            }
            if has_repeats(&codes) {
                errors.push(ValidationError::Invalid { field });
            }
        };
        let citizenships = people.citizenships.iter().map(|c| c.citizenship.as_str()).collect();
        codes("people.citizenships", lookups::CITIZENSHIP, errors, citizenships);
        codes("checks.item", lookups::CHECK_ITEM, errors, self.checks.iter().map(|c| c.item.as_str()).collect());
        let violations = self.violations.iter().map(|v| v.kind.as_str()).collect();
        codes("violations.kind", lookups::VIOLATION, errors, violations);
        let materials: Vec<_> = self.materials.iter().map(|m| (m.kind.as_str(), m.language.as_str())).collect();
        for (_, language) in &materials {
            check_code(errors, "materials.language", lookups::LANGUAGE, language);
        }
        rules::check_count(errors, "materials", materials.len(), MAX_MATERIALS);
        if has_repeats(&materials) {
            errors.push(ValidationError::Invalid { field: "materials.kind" });
        }
    }

    /// The visit with its violations made to agree with its checklist: each violation an
    /// answer shows is added (once, with the number of people of its check when the record
    /// gives none), and one whose item is now answered otherwise is taken away (the passports
    /// given back on a second look). Violations no item speaks of stay as recorded.
    pub fn with_signalled_violations(mut self) -> Self {
        for (item, signal, kind) in CHECK_SIGNALS {
            let Some(check) = self.checks.iter().find(|c| c.item == *item) else { continue };
            if check.answer == *signal {
                match self.violations.iter_mut().find(|v| v.kind == *kind) {
                    Some(found) => found.people = found.people.or(check.people),
                    None => self.violations.push(Violation { kind: (*kind).to_owned(), people: check.people }),
                }
            } else {
                self.violations.retain(|v| v.kind != *kind);
            }
        }
        self
    }
}

fn has_repeats<T: PartialEq>(items: &[T]) -> bool {
    items.iter().enumerate().any(|(i, a)| items[..i].contains(a))
}

/// Follow-up work from a visit: a letter to the labour inspection, a return visit.
pub type VisitTask = crate::casework::Task<VisitId>;

/// What changed on the checklist, the violations and the people met between an earlier visit
/// to a place and a later one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Items answered differently: the item, the earlier check and the later one.
    pub checks: Vec<(String, Option<Check>, Option<Check>)>,
    /// Violations found before and not now.
    pub violations_gone: Vec<Violation>,
    /// Violations found now and not before.
    pub violations_new: Vec<Violation>,
    /// People met before and now.
    pub people: (u32, u32),
    pub minors: (u32, u32),
}

impl Changes {
    /// The changes from `earlier` to `later`, item by item in the checklist's order.
    pub fn between(earlier: &Visit, later: &Visit) -> Self {
        let find = |visit: &Visit, item: &str| visit.checks.iter().find(|c| c.item == item).cloned();
        let checks = lookups::CHECK_ITEM
            .codes
            .iter()
            .filter_map(|item| {
                let (before, after) = (find(earlier, item), find(later, item));
                (before != after).then(|| ((*item).to_owned(), before, after))
            })
            .collect();
        let missing_from = |visit: &Visit, v: &&Violation| !visit.violations.iter().any(|w| w.kind == v.kind);
        Self {
            checks,
            violations_gone: earlier.violations.iter().filter(|v| missing_from(later, v)).cloned().collect(),
            violations_new: later.violations.iter().filter(|v| missing_from(earlier, v)).cloned().collect(),
            people: (earlier.people.total, later.people.total),
            minors: (earlier.people.minors, later.people.minors),
        }
    }
}

#[cfg(test)]
mod tests;
