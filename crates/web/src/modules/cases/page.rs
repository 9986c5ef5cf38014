//! A case's page: what a lawyer briefs from in a minute. The facts at the top, then who
//! the victims are and how they were identified (with the ILO rule's explanation), then one
//! timeline of everything dated, then proceedings, tasks, notes and files, each with the
//! form that adds to it.

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use chrono::{FixedOffset, NaiveDate};
use komek_app::cases::CaseFile;
use komek_app::{Actor, App, AppError};
use komek_domain::casework::Assessment;
use komek_domain::indicators::{self, Verdict};
use komek_domain::lookups::{self, LookupList};
use komek_domain::{AccountId, CaseId, PersonId, law};
use maud::{Markup, html};

use super::part_forms::RefilledForm;
use crate::directory::{Directory, directory};
use crate::errors::WebError;
use crate::forms::FormData;
use crate::i18n::Tr;
use crate::layout;
use crate::modules::break_glass;
use crate::session::Current;
use crate::widgets::{day, local_time};
use crate::{AppState, blocking};

/// What the page needs besides the file: names of people and staff, the office clock.
pub struct PageData {
    pub file: CaseFile,
    pub person_names: HashMap<PersonId, String>,
    /// The names of the case's parties within the reader's reach.
    pub party_names: HashMap<komek_domain::PartyId, String>,
    pub names: Directory,
    pub clock: FixedOffset,
    pub today: NaiveDate,
    /// The case's referrals and the partners' names, for those who refer people.
    pub referrals: Option<(Vec<komek_domain::referrals::Referral>, HashMap<komek_domain::PartnerId, String>)>,
}

/// Reads everything a case page shows, in one blocking call.
pub fn load(app: &App, actor: &Actor, id: CaseId, break_glass: Option<&str>) -> Result<PageData, AppError> {
    let file = match break_glass {
        Some(reason) => app.break_glass_case(actor, id, reason)?,
        None => app.case_file(actor, id)?,
    };
    let (person_names, party_names) = if file.identifying_shown {
        let parties: Vec<_> = file.case.parties.iter().map(|(party, _)| *party).collect();
        (app.names_within_reach(actor, &file.case.persons)?, app.party_names_within_reach(actor, &parties)?)
    } else {
        (HashMap::new(), HashMap::new())
    };
    let referrals = if break_glass.is_none() && komek_app::policy::referrals::may_refer(actor) {
        Some((app.referrals(actor, komek_app::referrals::ReferralsOf::Case(id))?, app.partner_names(actor)?))
    } else {
        None
    };
    Ok(PageData {
        referrals,
        file,
        person_names,
        party_names,
        names: directory(app, actor)?,
        clock: app.office_clock(actor)?,
        today: app.today(actor)?,
    })
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let done = FormData::parse(raw.unwrap_or_default().as_bytes()).get("done").to_owned();
    let app = state.app.clone();
    let actor = current.actor.clone();
    let loaded = blocking(move || load(&app, &actor, CaseId(id), None)).await?;
    break_glass::answer(&state, &current, loaded, &format!("/cases/{id}/break-glass"), None, |data| {
        render(&state, &current, &data, None, &done)
    })
}

/// Opens a case outside the reader's reach with a written reason.
pub async fn break_glass(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let reason = data.get("reason").to_owned();
    let app = state.app.clone();
    let actor = current.actor.clone();
    let loaded = blocking(move || load(&app, &actor, CaseId(id), Some(&reason))).await?;
    let action = format!("/cases/{id}/break-glass");
    break_glass::answer(&state, &current, loaded, &action, Some(data.get("reason")), |data| {
        render(&state, &current, &data, None, "")
    })
}

/// The whole page; `retry` puts one form back with what was typed and its errors.
pub fn render(
    state: &AppState,
    current: &Current,
    data: &PageData,
    retry: Option<&RefilledForm>,
    done: &str,
) -> Markup {
    let tr = current.tr(state);
    let file = &data.file;
    let c = &file.case;
    let title = tr.t_with("case-title", "number", c.number.clone());
    let can_edit = file.may.change;
    let staff = |id: &AccountId| data.names.staff.get(id).cloned().unwrap_or_default();
    let codes =
        |list: LookupList, codes: &[String]| codes.iter().map(|c| tr.lookup(list, c)).collect::<Vec<_>>().join(", ");
    let maybe = |list: LookupList, code: &Option<String>| code.as_ref().map(|c| tr.lookup(list, c)).unwrap_or_default();
    let person_label = |p: &PersonId| data.person_names.get(p).cloned().unwrap_or_else(|| tr.t("hotline-open-person"));
    let content = html! {
        @if !done.is_empty() { p.notice role="status" #done { (tr.t(&format!("case-done-{}", short(done)))) } }
        h1 { (title) " — " (tr.lookup(lookups::CASE_KIND, &c.kind)) }
        p.badges {
            span.badge #status { (tr.lookup(lookups::CASE_STATUS, &c.status)) }
            @if c.sensitive { " " span.badge.sensitive { (tr.t("case-sensitive-badge")) } }
            @if !file.identifying_shown { " " span.badge { (tr.t("record-restricted")) } }
        }
        @if can_edit {
            p.actions {
                a.button href={ "/cases/" (c.id) "/edit" } { (tr.t("case-edit")) } " "
                @if !c.is_closed() { a.button href={ "/cases/" (c.id) "/close" } { (tr.t("case-close")) } " " }
                a.button href={ "/cases/" (c.id) "/assessments/new" } { (tr.t("case-new-assessment")) }
            }
        }
        section #brief {
            dl.record {
                dt { (tr.t("case-lead")) } dd { (staff(&c.lead_id)) }
                dt { (tr.t("case-team")) } dd { (c.team.iter().map(staff).collect::<Vec<_>>().join(", ")) }
                dt { (tr.t("case-opened")) } dd { (day(c.opened_on)) }
                @if let Some(closed) = c.closed_on {
                    dt { (tr.t("case-closed")) } dd { (day(closed)) " · " (maybe(lookups::CLOSING_REASON, &c.closing_reason)) }
                }
                dt { (tr.t("case-outcomes")) } dd #outcomes { (codes(lookups::CASE_OUTCOME, &c.outcomes)) }
                dt { (tr.t("case-recruited-at")) } dd {
                    (crate::widgets::place([c.recruited_at.clone(), maybe(lookups::DISTRICT, &c.recruited_district), maybe(lookups::CITIZENSHIP, &c.recruited_country)]))
                }
                dt { (tr.t("case-exploited-at")) } dd {
                    (crate::widgets::place([maybe(lookups::PLACE_KIND, &c.exploited_place), maybe(lookups::DISTRICT, &c.exploited_district), maybe(lookups::REGION, &c.exploited_region), maybe(lookups::CITIZENSHIP, &c.exploited_country)]))
                }
                dt { (tr.t("case-recruitment-methods")) } dd #recruitment-methods { (codes(lookups::RECRUITMENT_METHOD, &c.recruitment_methods)) }
                dt { (tr.t("case-means-of-control")) } dd #means-of-control { (codes(lookups::MEANS_OF_CONTROL, &c.means_of_control)) }
                dt { (tr.t("case-parties")) } dd {
                    @for (at, (party, role)) in c.parties.iter().enumerate() {
                        @if at > 0 { "; " }
                        a href={ "/parties/" (party) } {
                            (data.party_names.get(party).cloned().unwrap_or_else(|| tr.t("record-restricted")))
                        }
                        " · " (tr.lookup(lookups::PARTY_ROLE, role))
                    }
                }
            }
            @if let Some(summary) = c.summary.as_ref().filter(|s| !s.is_empty()) { p.summary { (summary) } }
        }
        section #victims {
            h2 { (tr.t("case-persons")) }
            @if can_edit { p { a href={ "/cases/" (c.id) "/people" } { (tr.t("case-people-link")) } } }
            div.wide { table.log {
                thead { tr {
                    th scope="col" { (tr.t("hotline-col-person")) }
                    th scope="col" { (tr.t("case-victim-status")) }
                    th scope="col" { (tr.t("case-identified-by")) }
                    th scope="col" { (tr.t("case-latest-assessment")) }
                } }
                tbody {
                    @for person in &c.persons {
                        @let status = c.victim_status(*person);
                        tr {
                            td { a href={ "/persons/" (person) } { (person_label(person)) } }
                            td { (tr.lookup(lookups::VICTIM_STATUS, status.map_or("unknown", |s| s.status.as_str()))) }
                            td {
                                (status.and_then(|s| s.identified_by.as_ref()).map(|b| tr.lookup(lookups::IDENTIFYING_BODY, b)).unwrap_or_default())
                                @if let Some(on) = status.and_then(|s| s.identified_on) { " · " (day(on)) }
                            }
                            td {
                                @if let Some(a) = file.assessments.iter().rev().find(|a| a.person_id == *person) {
                                    (verdict_line(tr, a))
                                }
                            }
                        }
                    }
                }
            } }
        }
        section #identification {
            h2 { (tr.t("case-identification")) }
            @if file.assessments.is_empty() { p { (tr.t("case-no-assessment")) } }
            @for a in file.assessments.iter().rev() {
                (assessment_block(tr, a, &person_label(&a.person_id), &staff))
            }
        }
        section #timeline {
            h2 { (tr.t("case-timeline")) }
            (timeline(tr, data, &staff))
            @if can_edit { (super::part_forms::event_form(tr, current, c.id, retry)) }
        }
        section #proceedings {
            h2 { (tr.t("case-proceedings")) }
            @for (p, _) in &file.proceedings {
                article.proceeding {
                    (proceeding_record(tr, p))
                    @if can_edit { a href={ "/cases/" (c.id) "/proceedings/" (p.id) "/edit" } { (tr.t("proceeding-edit")) } }
                }
            }
            @if can_edit { (super::part_forms::new_proceeding_form(tr, current, c.id, retry)) }
        }
        section #services {
            h2 { (tr.t("case-services")) }
            @if file.services.is_empty() { p { (tr.t("case-no-services")) } } @else {
                ul #services-given {
                    @for s in &file.services {
                        li {
                            (day(s.delivered_on)) " · " (service_line(tr, s))
                            @if let Some(person) = &s.person_id { " · " (person_label(person)) }
                        }
                    }
                }
            }
            @if can_edit { (super::part_forms::service_form(tr, current, c, &data.person_names, retry)) }
        }
        @if let Some((referrals, partners)) = &data.referrals {
            section #referrals {
                h2 { (tr.t("case-referrals")) }
                @if referrals.is_empty() { p { (tr.t("person-no-referrals")) } }
                @else { (crate::modules::referrals::table(tr, referrals, &data.person_names, partners, data.today)) }
                p.actions {
                    @for person in &c.persons {
                        a.button href={ "/referrals/new?person=" (person) "&case=" (c.id) } {
                            (tr.t("referral-new")) ": " (person_label(person))
                        } " "
                    }
                    a.button.secondary href={ "/cases/" (c.id) "/htcds" } { (tr.t("htcds-export")) }
                }
            }
        }
        section #tasks {
            h2 { (tr.t("case-tasks")) }
            @if file.tasks.is_empty() { p { (tr.t("case-no-tasks")) } }
            ul.tasks {
                @for t in &file.tasks {
                    li.overdue[t.is_overdue(data.today)] {
                        @if let Some(done_on) = t.done_on { s { (t.title) } " · " (tr.t_with("task-done-on", "date", day(done_on))) }
                        @else { strong { (day(t.due_on)) } " · " (t.title) }
                        " · " (staff(&t.assignee_id))
                        @if can_edit {
                            form.inline method="post" action={ "/cases/" (c.id) "/tasks/" (t.id) "/done" } {
                                input type="hidden" name="csrf" value=(current.session.csrf_token);
                                input type="hidden" name="done" value=(if t.done_on.is_none() { "1" } else { "0" });
                                button.secondary type="submit" { (tr.t(if t.done_on.is_none() { "task-mark-done" } else { "task-mark-open" })) }
                            }
                        }
                    }
                }
            }
            @if can_edit { (super::part_forms::task_form(tr, current, c.id, &data.names, retry)) }
        }
        section #notes {
            h2 { (tr.t("case-notes")) }
            @for n in &file.notes {
                article.note {
                    p.meta { (local_time(data.clock, n.written_at)) " · " (staff(&n.author_id))
                        @if n.visibility == komek_domain::casework::NoteVisibility::AuthorRole { " · " (tr.t("note-role-only")) } }
                    p { (n.text) }
                }
            }
            @if file.notes_withheld > 0 { p.meta { (tr.t_with("case-notes-withheld", "count", file.notes_withheld)) } }
            @if can_edit { (super::part_forms::note_form(tr, current, c.id, retry)) }
        }
        section #evidence {
            h2 { (tr.t("case-evidence")) }
            @if !file.evidence.is_empty() {
                div.wide { table.log {
                    thead { tr {
                        th scope="col" { (tr.t("evidence-name")) }
                        th scope="col" { (tr.t("evidence-size")) }
                        th scope="col" { (tr.t("evidence-added")) }
                    } }
                    tbody {
                        @for e in &file.evidence {
                            tr {
                                td {
                                    @if file.may.download_evidence { a href={ "/cases/" (c.id) "/evidence/" (e.id) } { (e.name) } }
                                    @else if file.identifying_shown { (e.name) }
                                    @else { (tr.t("record-restricted")) }
                                }
                                td { (human_size(e.size)) }
                                td { (local_time(data.clock, e.added_at)) " · " (e.added_by.as_ref().map(staff).unwrap_or_default()) }
                            }
                        }
                    }
                } }
            }
            @if can_edit { (super::part_forms::evidence_form(tr, current, c.id, retry)) }
        }
    };
    layout::page(tr, current, &title, "/cases", content)
}

/// The `done=` notices the page knows; anything else reads as "saved".
fn short(done: &str) -> &'static str {
    match done {
        "opened" => "opened",
        "closed" => "closed",
        "assessed" => "assessed",
        _ => "saved",
    }
}

/// "Forced labour: yes" and the catalogue, in one line.
fn verdict_line(tr: Tr<'_>, a: &Assessment) -> Markup {
    match a.evaluate() {
        Some(e) => html! {
            span.verdict class=(format!("verdict-{}", e.verdict.code())) { (tr.t(&format!("indicator-verdict-{}", e.verdict.code()))) }
            " · " (tr.t(&format!("indicator-catalogue-{}", a.catalogue))) " · " (day(a.assessed_on))
        },
        None => html! { (a.catalogue) },
    }
}

/// An assessment with the rule's explanation: the indicators that decided it, or the
/// questions still to ask.
fn assessment_block(tr: Tr<'_>, a: &Assessment, person: &str, staff: &dyn Fn(&AccountId) -> String) -> Markup {
    let evaluation = a.evaluate();
    let label = |code: &str| -> String {
        let group =
            indicators::indicator(code).map(|i| tr.t(&format!("indicator-group-{}", i.group))).unwrap_or_default();
        format!("{} ({group})", tr.t(&format!("indicator-{code}")))
    };
    html! {
        article.assessment {
            h3 { (verdict_line(tr, a)) }
            p.meta { (person) " · " (a.assessor_id.as_ref().map(staff).unwrap_or_default())
                @if a.minor { " · " (tr.t("assessment-minor")) } }
            @if let Some(e) = &evaluation {
                @match e.verdict {
                    Verdict::Yes => {
                        p { (tr.t("assessment-because")) }
                        ul.decided { @for code in &e.decided_by { li { (label(code)) } } }
                    }
                    Verdict::No => {
                        p { (tr.t("assessment-rule-not-met")) }
                    }
                    Verdict::NotEnoughInformation => {
                        p { (tr.t("assessment-to-ask")) }
                        ul.to-ask { @for code in &e.to_ask { li { (label(code)) } } }
                    }
                }
            }
            @if a.catalogue().is_some_and(|c| c.indicators.iter().any(|i| !i.verified)) {
                p.meta { (tr.t("indicator-unverified")) }
            }
            details {
                summary { (tr.t("assessment-answers")) }
                ul {
                    @for answer in &a.answers {
                        li { (label(&answer.indicator)) ": " (tr.t(&format!("indicator-answer-{}", answer.answer.code())))
                            @if let Some(source) = answer.source { " · " (tr.t(&format!("indicator-source-{}", source.code()))) }
                            @if let Some(on) = answer.noted_on { " · " (day(on)) } }
                    }
                }
            }
        }
    }
}

/// A proceeding as the case page shows it (also beside a form that met someone else's change).
pub fn proceeding_record(tr: Tr<'_>, p: &komek_domain::casework::Proceeding) -> Markup {
    html! {
        h3 { (tr.lookup(law::PROCEEDING_KIND, &p.kind)) " · " (tr.lookup(law::AUTHORITY, &p.authority)) }
        dl.record {
            dt { (tr.t("proceeding-articles")) } dd { (p.articles.iter().map(|a| tr.t(&format!("law-{a}"))).collect::<Vec<_>>().join("; ")) }
            dt { (tr.t("proceeding-stage")) } dd { (tr.lookup(law::PROCEEDING_STAGE, &p.stage)) }
            dt { (tr.t("proceeding-opened")) } dd { (day(p.opened_on)) }
            dt { (tr.t("proceeding-hearings")) } dd { (p.hearings.iter().map(|d| day(*d)).collect::<Vec<_>>().join(", ")) }
            dt { (tr.t("proceeding-outcome")) } dd { (outcome_text(tr, p)) }
            @if !p.notes.is_empty() { dt { (tr.t("proceeding-notes")) } dd { (p.notes) } }
        }
    }
}

fn outcome_text(tr: Tr<'_>, p: &komek_domain::casework::Proceeding) -> Markup {
    html! {
        @if let Some(outcome) = &p.outcome {
            (tr.lookup(law::PROCEEDING_OUTCOME, outcome))
            @if let Some((years, months)) = p.sentence_years_months() {
                " · " (tr.t_with("proceeding-years", "count", years))
                @if months > 0 { " " (tr.t_with("proceeding-months", "count", months)) }
            }
            @if let Some(fine) = p.fine { " · " (fine.to_string()) }
            @if let Some(on) = p.decided_on { " · " (day(on)) }
        } @else { (tr.t("proceeding-pending")) }
    }
}

/// Help given, in one line: its kind, by whom, and what came of it.
fn service_line(tr: Tr<'_>, s: &komek_domain::entities::Service) -> Markup {
    html! {
        strong { (tr.lookup(lookups::SERVICE_KIND, &s.kind)) }
        " · " (if s.provider == "us" { tr.t("service-by-us") } else { s.provider.clone() })
        @if let Some(to) = &s.destination_country { " → " (tr.lookup(lookups::CITIZENSHIP, to)) }
        @if !s.accompanied_by.is_empty() { " · " (tr.t_with("service-accompanied", "who", s.accompanied_by.clone())) }
        @if let Some(claimed) = s.amount_claimed { " · " (tr.t_with("service-claimed", "amount", claimed.to_string())) }
        @if let Some(recovered) = s.amount_recovered { " · " (tr.t_with("service-recovered", "amount", recovered.to_string())) }
        @if !s.result.is_empty() { " · " (s.result) }
    }
}

/// One list of everything dated in the case, oldest first: what happened to the person,
/// what we did, what the authorities decided.
fn timeline(tr: Tr<'_>, data: &PageData, staff: &dyn Fn(&AccountId) -> String) -> Markup {
    let file = &data.file;
    let c = &file.case;
    let mut entries: Vec<(NaiveDate, Markup)> = Vec::new();
    entries.push((c.opened_on, html! { strong { (tr.t("timeline-opened")) } " · " (staff(&c.lead_id)) }));
    for e in &file.events {
        let place = crate::widgets::place([
            e.place_settlement.clone().unwrap_or_default(),
            e.place_district.as_deref().map(|d| tr.lookup(lookups::DISTRICT, d)).unwrap_or_default(),
            e.place_region.as_deref().map(|r| tr.lookup(lookups::REGION, r)).unwrap_or_default(),
            e.place_country.as_deref().map(|c| tr.lookup(lookups::CITIZENSHIP, c)).unwrap_or_default(),
        ]);
        entries.push((
            e.happened_on,
            html! {
                strong { (tr.lookup(lookups::CASE_EVENT, &e.kind)) }
                @if !place.is_empty() { " · " (place) }
                " · " (e.text)
            },
        ));
    }
    for s in &file.services {
        entries.push((s.delivered_on, service_line(tr, s)));
    }
    for a in &file.assessments {
        entries.push((a.assessed_on, html! { strong { (tr.t("timeline-assessed")) } " · " (verdict_line(tr, a)) }));
    }
    for (p, _) in &file.proceedings {
        let name =
            format!("{} · {}", tr.lookup(law::PROCEEDING_KIND, &p.kind), tr.lookup(law::AUTHORITY, &p.authority));
        entries.push((p.opened_on, html! { strong { (tr.t("timeline-proceeding-opened")) } " · " (name) }));
        for hearing in &p.hearings {
            let coming = *hearing >= data.today;
            entries.push((*hearing, html! { strong { (tr.t(if coming { "timeline-hearing-coming" } else { "timeline-hearing" })) } " · " (name) }));
        }
        if let Some(decided) = p.decided_on {
            entries.push((
                decided,
                html! { strong { (tr.t("timeline-decided")) } " · " (name) " · " (outcome_text(tr, p)) },
            ));
        }
    }
    for t in file.tasks.iter().filter(|t| t.done_on.is_some()) {
        entries
            .push((t.done_on.unwrap_or(t.due_on), html! { strong { (tr.t("timeline-task-done")) } " · " (t.title) }));
    }
    if let Some(closed) = c.closed_on {
        entries.push((closed, html! { strong { (tr.t("timeline-closed")) } " · " (maybe_closing(tr, c)) }));
    }
    // Stable: entries of one day keep the order above (what happened, then what we did).
    entries.sort_by_key(|(on, _)| *on);
    html! {
        ol.timeline {
            @for (on, entry) in &entries {
                li { time datetime=(on.to_string()) { (day(*on)) } " " (entry) }
            }
        }
    }
}

fn maybe_closing(tr: Tr<'_>, c: &komek_domain::entities::Case) -> String {
    let outcomes = c.outcomes.iter().map(|o| tr.lookup(lookups::CASE_OUTCOME, o)).collect::<Vec<_>>().join(", ");
    match &c.closing_reason {
        Some(reason) => format!("{} · {outcomes}", tr.lookup(lookups::CLOSING_REASON, reason)),
        None => outcomes,
    }
}

/// "2.4 MB", "310 KB".
fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}
