//! The appeals register: the list with its filters, and one appeal's page.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::FixedOffset;
use komek_app::AppError;
use komek_app::Page;
use komek_app::appeals::{AppealLine, AppealQuery, AppealSort, FollowUpWhen};
use komek_domain::lookups::{self, LookupList};
use komek_domain::{AccountId, AppealId, OfficeId};
use maud::{Markup, html};

use crate::directory::{Directory, directory};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::{day, local_time, lookup_select};
use crate::{AppState, blocking};

/// The list's filters as the query string gives them; unknown values are ignored.
struct Filters {
    from: String,
    to: String,
    topic: String,
    channel: String,
    outcome: String,
    follow_up: String,
    office: String,
    operator: String,
    mine: bool,
    sort: String,
    page: i64,
}

impl Filters {
    fn read(q: &FormData) -> Self {
        Self {
            from: q.get("from").to_owned(),
            to: q.get("to").to_owned(),
            topic: q.get("topic").to_owned(),
            channel: q.get("channel").to_owned(),
            outcome: q.get("outcome").to_owned(),
            follow_up: q.get("follow_up").to_owned(),
            office: q.get("office").to_owned(),
            operator: q.get("operator").to_owned(),
            mine: q.has("mine"),
            sort: q.get("sort").to_owned(),
            page: q.get("page").parse().unwrap_or(0),
        }
    }

    fn query(&self, me: AccountId, errors: &mut FieldErrors) -> AppealQuery {
        let mut date = |name: &str, value: &str| {
            if value.is_empty() {
                return None;
            }
            let parsed = komek_domain::rules::parse_day(value);
            if parsed.is_none() {
                errors.add(name, "form-invalid-date");
            }
            parsed
        };
        let known = |list: LookupList, value: &str| list.contains(value).then(|| value.to_owned());
        AppealQuery {
            from: date("from", &self.from),
            to: date("to", &self.to),
            office: self.office.parse().ok().map(OfficeId),
            operator: if self.mine { Some(me) } else { self.operator.parse().ok().map(AccountId) },
            channel: known(lookups::CHANNEL, &self.channel),
            topic: known(lookups::TOPIC, &self.topic),
            outcome: known(lookups::APPEAL_OUTCOME, &self.outcome),
            follow_up: match self.follow_up.as_str() {
                "due" => Some(FollowUpWhen::DueToday),
                "overdue" => Some(FollowUpWhen::Overdue),
                _ => None,
            },
            person: None,
            party: None,
            sort: match self.sort.as_str() {
                "oldest" => AppealSort::OldestFirst,
                "follow-up" => AppealSort::FollowUpFirst,
                _ => AppealSort::NewestFirst,
            },
        }
    }

    /// The query string of another page of the same list.
    fn page_link(&self, page: i64) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("from", &self.from),
            ("to", &self.to),
            ("topic", &self.topic),
            ("channel", &self.channel),
            ("outcome", &self.outcome),
            ("follow_up", &self.follow_up),
            ("office", &self.office),
            ("operator", &self.operator),
            ("sort", &self.sort),
        ] {
            if !value.is_empty() {
                out.append_pair(name, value);
            }
        }
        if self.mine {
            out.append_pair("mine", "1");
        }
        out.append_pair("page", &page.to_string());
        format!("/hotline?{}", out.finish())
    }
}

pub async fn list(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let filters = Filters::read(&FormData::parse(raw.unwrap_or_default().as_bytes()));
    let mut errors = FieldErrors::default();
    let me = current.session.account.id;
    let query = filters.query(me, &mut errors);
    let app = state.app.clone();
    let actor = current.actor.clone();
    let page = filters.page;
    let (lines, names, clock) = blocking(move || -> Result<_, AppError> {
        Ok((app.appeals(&actor, &query, page)?, directory(&app, &actor)?, app.office_clock(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let all_offices = current.actor.sees_all_offices();
    let content = html! {
        h1 { (tr.t("hotline-title")) }
        p { a.button href="/hotline/new" accesskey="n" { (tr.t("hotline-new-appeal")) } }
        (errors.summary(tr))
        form.filters method="get" action="/hotline" {
            (date_filter(tr, "from", "hotline-from", &filters.from, &errors))
            (date_filter(tr, "to", "hotline-to", &filters.to, &errors))
            (filter_select(tr, "topic", "intake-topics", lookups::TOPIC, &filters.topic))
            (filter_select(tr, "channel", "intake-channel", lookups::CHANNEL, &filters.channel))
            (filter_select(tr, "outcome", "intake-outcome", lookups::APPEAL_OUTCOME, &filters.outcome))
            label { (tr.t("hotline-follow-up")) " "
                select name="follow_up" {
                    option value="" { (tr.t("form-any")) }
                    option value="due" selected[filters.follow_up == "due"] { (tr.t("hotline-follow-up-due")) }
                    option value="overdue" selected[filters.follow_up == "overdue"] { (tr.t("hotline-follow-up-overdue")) }
                }
            }
            @if all_offices {
                label { (tr.t("hotline-office")) " "
                    select name="office" {
                        option value="" { (tr.t("form-any")) }
                        @for office in &names.offices {
                            option value=(office.id.to_string()) selected[filters.office == office.id.to_string()] { (office.name) }
                        }
                    }
                }
            }
            label { (tr.t("hotline-col-operator")) " "
                select name="operator" {
                    option value="" { (tr.t("form-any")) }
                    @for (id, name) in names.staff_sorted() {
                        option value=(id.to_string()) selected[filters.operator == id.to_string()] { (name) }
                    }
                }
            }
            label.check { input type="checkbox" name="mine" value="1" checked[filters.mine]; " " (tr.t("hotline-mine")) }
            label { (tr.t("hotline-sort")) " "
                select name="sort" {
                    option value="newest" { (tr.t("hotline-sort-newest")) }
                    option value="oldest" selected[filters.sort == "oldest"] { (tr.t("hotline-sort-oldest")) }
                    option value="follow-up" selected[filters.sort == "follow-up"] { (tr.t("hotline-sort-follow-up")) }
                }
            }
            button type="submit" { (tr.t("hotline-apply")) }
        }
        (appeal_table(tr, &lines.items, &names, clock))
        (pager(tr, &filters, &lines))
    };
    Ok(layout::page(tr, &current, &tr.t("hotline-title"), "/hotline", content))
}

fn date_filter(tr: Tr<'_>, name: &str, label: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! {
        label { (tr.t(label)) " "
            input type="date" name=(name) value=(value) aria-invalid=[errors.has(name).then_some("true")];
        }
        (errors.message(tr, name))
    }
}

fn filter_select(tr: Tr<'_>, name: &str, label: &str, list: LookupList, value: &str) -> Markup {
    html! {
        label { (tr.t(label)) " "
            select name=(name) {
                option value="" { (tr.t("form-any")) }
                @for code in tr.codes(list) { option value=(code) selected[code == value] { (tr.lookup(list, &code)) } }
            }
        }
    }
}

fn pager(tr: Tr<'_>, filters: &Filters, page: &Page<AppealLine>) -> Markup {
    html! {
        nav.pager aria-label=(tr.t("pager-label")) {
            @if filters.page > 0 { a href=(filters.page_link(filters.page - 1)) rel="prev" { (tr.t("pager-previous")) } }
            @if page.items.is_empty() { p { (tr.t("hotline-empty")) } }
            @if page.more { a href=(filters.page_link(filters.page + 1)) rel="next" { (tr.t("pager-next")) } }
        }
    }
}

/// A table of appeals: when, how, about what, what came of it, who took it.
pub fn appeal_table(tr: Tr<'_>, lines: &[AppealLine], names: &Directory, clock: FixedOffset) -> Markup {
    html! {
        @if !lines.is_empty() {
            div.wide { table.log {
                thead { tr {
                    th scope="col" { (tr.t("hotline-col-received")) }
                    th scope="col" { (tr.t("intake-channel")) }
                    th scope="col" { (tr.t("intake-contact")) }
                    th scope="col" { (tr.t("intake-topics")) }
                    th scope="col" { (tr.t("intake-outcome")) }
                    th scope="col" { (tr.t("intake-follow-up")) }
                    th scope="col" { (tr.t("hotline-col-operator")) }
                    th scope="col" { (tr.t("hotline-col-person")) }
                } }
                tbody {
                    @for a in lines {
                        tr {
                            td { a href={ "/hotline/appeals/" (a.id) } { (local_time(clock, a.received_at)) } }
                            td { (tr.lookup(lookups::CHANNEL, &a.channel)) }
                            td { (tr.lookup(lookups::CONTACT, &a.contact)) }
                            td { (a.topics.iter().map(|t| tr.lookup(lookups::TOPIC, t)).collect::<Vec<_>>().join(", ")) }
                            td { (tr.lookup(lookups::APPEAL_OUTCOME, &a.outcome)) }
                            td { (a.follow_up_on.map(day).unwrap_or_default()) }
                            td { (names.staff.get(&a.operator_id).cloned().unwrap_or_default()) }
                            td { @if let Some(p) = a.person_id { a href={ "/persons/" (p) } { (tr.t("hotline-open-person")) } } @else { (tr.t("hotline-anonymous")) } }
                        }
                    }
                }
            } }
        }
    }
}

/// Opens a case from the appeal in one step, then shows the new case to fill in.
pub async fn open_case(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    data: FormData,
) -> Result<Response, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    let kind = data.get("kind").to_owned();
    let sensitive = data.has("sensitive");
    let app = state.app.clone();
    let actor = current.actor.clone();
    match blocking(move || app.open_case_from_appeal(&actor, AppealId(id), &kind, sensitive)).await? {
        Ok(case) => Ok(Redirect::to(&format!("/cases/{case}?done=opened")).into_response()),
        // A kind retired while the page was open, or a place no longer offered: the appeal's
        // page again, saying why.
        Err(AppError::Invalid(_)) => {
            Ok(Redirect::to(&format!("/hotline/appeals/{id}?case=refused#kind")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let asked = FormData::parse(raw.unwrap_or_default().as_bytes());
    let (saved, case_refused) = (asked.has("saved"), asked.get("case") == "refused");
    let app = state.app.clone();
    let actor = current.actor.clone();
    let (record, person, parties, names, clock) = blocking(move || -> Result<_, AppError> {
        let record = app.appeal(&actor, AppealId(id))?;
        // The caller's name, when within reach (that read is audited); otherwise a plain link.
        let person = match record.appeal.person_id {
            Some(p) if record.notes_shown && app.can_reach_person(&actor, p)? => {
                app.person(&actor, p)?.identity.map(|i| i.full_name)
            }
            _ => None,
        };
        let mut parties = Vec::new();
        for (party, role) in &record.appeal.parties {
            parties.push((app.party(&actor, *party)?, role.clone()));
        }
        Ok((record, person, parties, directory(&app, &actor)?, app.office_clock(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let a = &record.appeal;
    let codes =
        |list: LookupList, codes: &[String]| codes.iter().map(|c| tr.lookup(list, c)).collect::<Vec<_>>().join(", ");
    let maybe = |list: LookupList, code: &Option<String>| code.as_ref().map(|c| tr.lookup(list, c)).unwrap_or_default();
    let title = tr.t_with("appeal-title", "date", local_time(clock, a.received_at));
    let content = html! {
        @if saved { p.notice role="status" #saved { (tr.t("appeal-saved")) } }
        h1 { (title) }
        dl.record {
            dt { (tr.t("intake-channel")) } dd { (tr.lookup(lookups::CHANNEL, &a.channel)) }
            dt { (tr.t("intake-contact")) } dd { (tr.lookup(lookups::CONTACT, &a.contact)) }
            dt { (tr.t("hotline-col-person")) } dd {
                @if let Some(p) = a.person_id {
                    a href={ "/persons/" (p) } #person-link {
                        (person.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| tr.t("hotline-open-person")))
                    }
                }
                @else { (tr.t("hotline-anonymous")) }
            }
            dt { (tr.t("intake-topics")) } dd { (codes(lookups::TOPIC, &a.topics)) }
            dt { (tr.t("intake-help")) } dd { (codes(lookups::HELP, &a.help)) }
            dt { (tr.t("intake-occupation")) } dd { (maybe(lookups::OCCUPATION, &a.occupation)) }
            dt { (tr.t("intake-sector")) } dd { (maybe(lookups::SECTOR, &a.sector)) }
            dt { (tr.t("intake-work-region")) } dd { (crate::widgets::place([maybe(lookups::DISTRICT, &a.work_district), maybe(lookups::REGION, &a.work_region)])) }
            dt { (tr.t("intake-wage")) } dd { (a.wage.map(|w| w.to_string()).unwrap_or_default()) }
            dt { (tr.t("intake-reason")) } dd { (maybe(lookups::MIGRATION_REASON, &a.migration_reason)) }
            dt { (tr.t("intake-outcome")) } dd { (tr.lookup(lookups::APPEAL_OUTCOME, &a.outcome)) }
            dt { (tr.t("intake-follow-up")) } dd { (a.follow_up_on.map(day).unwrap_or_default()) }
            dt { (tr.t("hotline-col-operator")) } dd { (names.staff.get(&a.operator_id).cloned().unwrap_or_default()) }
            dt { (tr.t("intake-parties")) } dd {
                @for (party, role) in &parties {
                    a href={ "/parties/" (party.id) } { (party.identity.as_ref().map_or(tr.t("record-restricted"), |i| i.name.clone())) }
                    " (" (tr.lookup(lookups::PARTY_ROLE, role)) ") "
                }
            }
            dt { (tr.t("intake-notes")) } dd.notes {
                @if record.notes_shown { (a.notes.clone().unwrap_or_default()) } @else { (tr.t("record-restricted")) }
            }
        }
        @if record.may.open_case {
            form.open-case method="post" action={ "/hotline/appeals/" (a.id) "/open-case" } {
                input type="hidden" name="csrf" value=(current.session.csrf_token);
                label for="kind" { (tr.t("appeal-case-kind")) }
                @if case_refused { p.error role="alert" #kind-error { (tr.t("appeal-case-refused")) } }
                (lookup_select(tr, "kind", lookups::CASE_KIND, "", None, &FieldErrors::default()))
                label.check { input type="checkbox" name="sensitive" value="1"; " " (tr.t("appeal-case-sensitive")) }
                button.secondary type="submit" { (tr.t("appeal-open-case")) }
            }
        }
        p.actions {
            @if record.may.change { a.button href={ "/hotline/appeals/" (a.id) "/edit" } { (tr.t("appeal-edit")) } " " }
            @if let Some(p) = a.person_id { a.button href={ "/hotline/new?person=" (p) } { (tr.t("appeal-another-for-person")) } " " }
            @if let Some(p) = a.person_id.filter(|_| komek_app::policy::referrals::may_refer(&current.actor)) {
                a.button href={ "/referrals/new?person=" (p) "&appeal=" (a.id) } { (tr.t("referral-new")) } " "
            }
            a.button href="/hotline/new" accesskey="n" { (tr.t("hotline-new-appeal")) }
        }
    };
    Ok(layout::page(tr, &current, &title, "/hotline", content))
}
