//! The forms of a case page's parts (timeline events, services, proceedings, tasks, notes,
//! evidence files), drawn empty, or refilled with what was typed and its errors after a
//! refusal. The page places them; `parts.rs` receives what they send.

use std::collections::HashMap;

use komek_domain::casework::{NoteVisibility, Proceeding};
use komek_domain::entities::Case;
use komek_domain::evidence::MAX_EVIDENCE_BYTES;
use komek_domain::lookups;
use komek_domain::{CaseId, Money, PersonId, law};
use maud::{Markup, html};

use crate::directory::Directory;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::session::Current;
use crate::widgets::{date_input, field, lookup_select, text_area, text_input};

/// A form of the page sent back with what was typed and what is wrong with it.
pub struct RefilledForm {
    /// Which form: "event", "service", "proceeding", "task", "note", "evidence".
    pub form: &'static str,
    pub data: FormData,
    pub errors: FieldErrors,
}

impl RefilledForm {
    /// What form `form` shows: what was typed and what is wrong when it is the one sent back;
    /// its errors scoped by the form, as its ids are (`FieldErrors::scoped`).
    pub fn for_form<'a>(retry: Option<&'a RefilledForm>, form: &'static str) -> (Option<&'a FormData>, FieldErrors) {
        match retry {
            Some(r) if r.form == form => (Some(&r.data), r.errors.clone().scoped(form)),
            _ => (None, FieldErrors::default().scoped(form)),
        }
    }
}

/// The value a refilled form shows: what was typed, else `default`.
fn typed<'a>(data: Option<&'a FormData>, name: &str, default: &'a str) -> &'a str {
    data.map_or(default, |d| d.get(name))
}

fn csrf(current: &Current) -> Markup {
    html! { input type="hidden" name="csrf" value=(current.session.csrf_token); }
}

/// A form folded away until needed; open when it comes back with errors.
fn folded(tr: Tr<'_>, label: &str, open: bool, body: Markup) -> Markup {
    html! { details.add open[open] { summary { (tr.t(label)) } (body) } }
}

pub fn event_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&RefilledForm>) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "event");
    folded(
        tr,
        "event-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/events" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "event-day", "happened_on", &errors, date_input("happened_on", typed(data, "happened_on", ""), &errors)))
                (field(tr, "event-kind", "kind", &errors, lookup_select(tr, "kind", lookups::CASE_EVENT, typed(data, "kind", ""), None, &errors)))
                (field(tr, "event-text", "text", &errors, text_area("text", typed(data, "text", ""), &errors)))
                // Where it happened, only when the case's places of recruitment and exploitation do not say.
                (field(tr, "event-place-country", "place_country", &errors, lookup_select(tr, "place_country", lookups::CITIZENSHIP, typed(data, "place_country", ""), Some("form-not-given"), &errors)))
                (field(tr, "event-place-region", "place_region", &errors, lookup_select(tr, "place_region", lookups::REGION, typed(data, "place_region", ""), Some("form-not-given"), &errors)))
                (field(tr, "event-place-district", "place_district", &errors, lookup_select(tr, "place_district", lookups::DISTRICT, typed(data, "place_district", ""), Some("form-not-given"), &errors)))
                (field(tr, "event-place-settlement", "place_settlement", &errors, text_input("place_settlement", typed(data, "place_settlement", ""), &errors)))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub fn service_form(
    tr: Tr<'_>,
    current: &Current,
    case: &Case,
    person_names: &HashMap<PersonId, String>,
    retry: Option<&RefilledForm>,
) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "service");
    // One person: theirs. A group: the whole group unless someone is chosen.
    let single = match case.persons.as_slice() {
        [only] => only.to_string(),
        _ => String::new(),
    };
    let chosen = typed(data, "person", &single).to_owned();
    folded(
        tr,
        "service-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case.id) "/services" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "service-kind", "kind", &errors, lookup_select(tr, "kind", lookups::SERVICE_KIND, typed(data, "kind", ""), None, &errors)))
                (field(tr, "service-person", "person", &errors, html! {
                    select id=(errors.id_of("person")) name="person" {
                        @if case.persons.len() > 1 { option value="" selected[chosen.is_empty()] { (tr.t("service-whole-group")) } }
                        @for (n, person) in case.persons.iter().enumerate() {
                            option value=(person.to_string()) selected[chosen == person.to_string()] {
                                (person_names.get(person).cloned().unwrap_or_else(|| tr.t_with("assessment-person-n", "n", n as i64 + 1)))
                            }
                        }
                    }
                }))
                (field(tr, "service-day", "delivered_on", &errors, date_input("delivered_on", typed(data, "delivered_on", ""), &errors)))
                (field(tr, "service-provider", "provider", &errors, text_input("provider", typed(data, "provider", ""), &errors)))
                p.hint { (tr.t("service-provider-hint")) }
                (field(tr, "service-result", "result", &errors, text_area("result", typed(data, "result", ""), &errors)))
                (field(tr, "service-destination", "destination_country", &errors, lookup_select(tr, "destination_country", lookups::CITIZENSHIP, typed(data, "destination_country", ""), Some("form-not-given"), &errors)))
                (field(tr, "service-accompanied-by", "accompanied_by", &errors, text_input("accompanied_by", typed(data, "accompanied_by", ""), &errors)))
                p.hint { (tr.t("service-accompanied-by-hint")) }
                (field(tr, "service-amount-claimed", "claimed", &errors, text_input("claimed", typed(data, "claimed", ""), &errors)))
                (field(tr, "service-amount-recovered", "recovered", &errors, text_input("recovered", typed(data, "recovered", ""), &errors)))
                (field(tr, "intake-currency", "currency", &errors, currency_select("currency", typed(data, "currency", "KZT"), &errors)))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

fn currency_select(name: &str, selected: &str, errors: &FieldErrors) -> Markup {
    html! {
        select id=(errors.id_of(name)) name=(name) {
            @for c in komek_domain::Currency::ALL { option value=(c.code()) selected[c.code() == selected] { (c.code()) } }
        }
    }
}

/// An amount as a form takes it back: "50000" or "50000.50", without grouping or symbol.
pub(super) fn plain_amount(money: Money) -> String {
    let per = money.currency.minor_per_major();
    let (major, minor) = (money.minor / per, money.minor % per);
    if minor == 0 { major.to_string() } else { format!("{major}.{minor:02}") }
}

pub fn new_proceeding_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&RefilledForm>) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "proceeding");
    folded(
        tr,
        "proceeding-add",
        data.is_some(),
        proceeding_fields(tr, current, &format!("/cases/{case}/proceedings"), data, &errors, None, None),
    )
}

/// The fields of a proceeding: what was typed (`data`), else a stored one (`saved`, when
/// editing, with the `version` the edit names).
pub(super) fn proceeding_fields(
    tr: Tr<'_>,
    current: &Current,
    action: &str,
    data: Option<&FormData>,
    errors: &FieldErrors,
    saved: Option<&Proceeding>,
    version: Option<i64>,
) -> Markup {
    let stored = |name: &str| -> String {
        let Some(p) = saved else { return String::new() };
        match name {
            "kind" => p.kind.clone(),
            "authority" => p.authority.clone(),
            "stage" => p.stage.clone(),
            "opened_on" => p.opened_on.to_string(),
            "hearings" => p.hearings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
            "outcome" => p.outcome.clone().unwrap_or_default(),
            "decided_on" => p.decided_on.map(|d| d.to_string()).unwrap_or_default(),
            "sentence_years" => p.sentence_years_months().map(|(y, _)| y.to_string()).unwrap_or_default(),
            "sentence_months" => p.sentence_years_months().map(|(_, m)| m.to_string()).unwrap_or_default(),
            // Written back as typed: "50000 KZT".
            "fine" => p.fine.map(|f| format!("{} {}", plain_amount(f), f.currency.code())).unwrap_or_default(),
            "notes" => p.notes.clone(),
            _ => String::new(),
        }
    };
    let value = |name: &str| data.map_or_else(|| stored(name), |d| d.get(name).to_owned());
    let chosen: Vec<String> = match (data, saved) {
        (Some(d), _) => d.all("articles"),
        (None, Some(p)) => p.articles.clone(),
        _ => Vec::new(),
    };
    html! {
        form method="post" action=(action) {
            (csrf(current))
            @if let Some(version) = version { input type="hidden" name="version" value=(version); }
            (errors.summary(tr))
            (errors.message(tr, "version"))
            (field(tr, "proceeding-kind", "kind", errors, lookup_select(tr, "kind", law::PROCEEDING_KIND, &value("kind"), None, errors)))
            (field(tr, "proceeding-authority", "authority", errors, lookup_select(tr, "authority", law::AUTHORITY, &value("authority"), None, errors)))
            fieldset.checks #articles {
                legend { (tr.t("proceeding-articles")) }
                @for article in tr.i18n.lists().articles() {
                    label.check {
                        input type="checkbox" name="articles" value=(article.code) checked[chosen.contains(&article.code)];
                        " " (tr.t(&format!("law-{}", article.code)))
                    }
                }
                (errors.message(tr, "law-article"))
            }
            (field(tr, "proceeding-stage", "stage", errors, lookup_select(tr, "stage", law::PROCEEDING_STAGE, &value("stage"), None, errors)))
            (field(tr, "proceeding-opened", "opened_on", errors, date_input("opened_on", &value("opened_on"), errors)))
            (field(tr, "proceeding-hearings", "hearings", errors, text_area("hearings", &value("hearings"), errors)))
            p.hint { (tr.t("proceeding-hearings-hint")) }
            (field(tr, "proceeding-outcome", "outcome", errors, lookup_select(tr, "outcome", law::PROCEEDING_OUTCOME, &value("outcome"), Some("proceeding-pending"), errors)))
            (field(tr, "proceeding-decided", "decided_on", errors, date_input("decided_on", &value("decided_on"), errors)))
            (field(tr, "proceeding-sentence-years", "sentence_years", errors, text_input("sentence_years", &value("sentence_years"), errors)))
            (field(tr, "proceeding-sentence-months", "sentence_months", errors, text_input("sentence_months", &value("sentence_months"), errors)))
            (field(tr, "proceeding-fine", "fine", errors, text_input("fine", &value("fine"), errors)))
            (field(tr, "proceeding-notes", "notes", errors, text_area("notes", &value("notes"), errors)))
            button type="submit" { (tr.t("form-save")) }
        }
    }
}

pub fn task_form(
    tr: Tr<'_>,
    current: &Current,
    case: CaseId,
    names: &Directory,
    retry: Option<&RefilledForm>,
) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "task");
    let me = current.session.account.id.to_string();
    let assignee = typed(data, "assignee", &me).to_owned();
    folded(
        tr,
        "task-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/tasks" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "task-title", "title", &errors, text_input("title", typed(data, "title", ""), &errors)))
                (field(tr, "task-assignee", "assignee", &errors, html! {
                    select id=(errors.id_of("assignee")) name="assignee" aria-invalid=[errors.has("assignee").then_some("true")]
                        aria-describedby=[errors.described_by("assignee")] {
                        @for (id, name) in names.staff_sorted() {
                            option value=(id.to_string()) selected[assignee == id.to_string()] { (name) }
                        }
                    }
                }))
                (field(tr, "task-due", "due_on", &errors, date_input("due_on", typed(data, "due_on", ""), &errors)))
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub fn note_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&RefilledForm>) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "note");
    let role_only = typed(data, "visibility", "team") == NoteVisibility::AuthorRole.code();
    folded(
        tr,
        "note-add",
        data.is_some(),
        html! {
            form method="post" action={ "/cases/" (case) "/notes" } {
                (csrf(current))
                (errors.summary(tr))
                (field(tr, "note-text", "text", &errors, text_area("text", typed(data, "text", ""), &errors)))
                fieldset.checks {
                    legend { (tr.t("note-visibility")) }
                    label.check { input type="radio" name="visibility" value="team" checked[!role_only]; " " (tr.t("note-team")) }
                    label.check { input type="radio" name="visibility" value="author-role" checked[role_only]; " " (tr.t("note-role-only")) }
                    (errors.message(tr, "visibility"))
                }
                button type="submit" { (tr.t("form-save")) }
            }
        },
    )
}

pub fn evidence_form(tr: Tr<'_>, current: &Current, case: CaseId, retry: Option<&RefilledForm>) -> Markup {
    let (data, errors) = RefilledForm::for_form(retry, "evidence");
    let max_mb = MAX_EVIDENCE_BYTES / (1024 * 1024);
    html! {
        form.upload method="post" enctype="multipart/form-data" action={ "/cases/" (case) "/evidence" } {
            (csrf(current))
            (errors.summary(tr))
            @if data.is_some() { (errors.message(tr, "file")) }
            label for=(errors.id_of("file")) { (tr.t("evidence-add")) }
            input type="file" id=(errors.id_of("file")) name="file" aria-invalid=[errors.has("file").then_some("true")]
                aria-describedby=[errors.described_by("file")];
            p.hint { (tr.t_with("evidence-limits", "max", max_mb as i64)) }
            button type="submit" { (tr.t("evidence-upload")) }
        }
    }
}
