//! The case list: by status, kind, office, lead, and cases with overdue tasks.

use axum::extract::{RawQuery, State};
use komek_app::AppError;
use komek_app::Page;
use komek_app::cases::CaseListEntry;
use komek_app::cases::CaseQuery;
use komek_domain::lookups::{self, LookupList};
use komek_domain::{AccountId, OfficeId};
use maud::{Markup, html};

use crate::directory::{Directory, directory};
use crate::errors::WebError;
use crate::forms::FormData;
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::day;
use crate::{AppState, blocking};

/// The list's filters as the query string gives them; unknown values are ignored.
struct Filters {
    status: String,
    kind: String,
    office: String,
    lead: String,
    overdue: bool,
    mine: bool,
    page: i64,
}

impl Filters {
    fn read(q: &FormData) -> Self {
        Self {
            // The list opens on the cases still being worked on.
            status: if q.has("status") { q.get("status").to_owned() } else { "active".to_owned() },
            kind: q.get("kind").to_owned(),
            office: q.get("office").to_owned(),
            lead: q.get("lead").to_owned(),
            overdue: q.has("overdue"),
            mine: q.has("mine"),
            page: q.get("page").parse().unwrap_or(0),
        }
    }

    fn query(&self, me: AccountId) -> CaseQuery {
        let known = |list: LookupList, value: &str| list.contains(value).then(|| value.to_owned());
        CaseQuery {
            status: if self.status == "active" {
                Some(self.status.clone())
            } else {
                known(lookups::CASE_STATUS, &self.status)
            },
            kind: known(lookups::CASE_KIND, &self.kind),
            office: self.office.parse().ok().map(OfficeId),
            lead: if self.mine { Some(me) } else { self.lead.parse().ok().map(AccountId) },
            overdue: self.overdue,
        }
    }

    fn page_link(&self, page: i64) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (name, value) in
            [("status", &self.status), ("kind", &self.kind), ("office", &self.office), ("lead", &self.lead)]
        {
            out.append_pair(name, value);
        }
        if self.overdue {
            out.append_pair("overdue", "1");
        }
        if self.mine {
            out.append_pair("mine", "1");
        }
        out.append_pair("page", &page.to_string());
        format!("/cases?{}", out.finish())
    }
}

pub async fn list(
    State(state): State<AppState>,
    current: Current,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let filters = Filters::read(&FormData::parse(raw.unwrap_or_default().as_bytes()));
    let query = filters.query(current.session.account.id);
    let app = state.app.clone();
    let actor = current.actor.clone();
    let page = filters.page;
    let (lines, names, today) = blocking(move || -> Result<_, AppError> {
        Ok((app.cases(&actor, &query, page)?, directory(&app, &actor)?, app.today(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let title = tr.t("cases-title");
    let content = html! {
        h1 { (title) }
        form.filters method="get" action="/cases" {
            label { (tr.t("case-status")) " "
                select name="status" {
                    option value="active" selected[filters.status == "active"] { (tr.t("cases-active")) }
                    option value="" selected[filters.status.is_empty()] { (tr.t("form-any")) }
                    @for code in lookups::CASE_STATUS.codes {
                        option value=(code) selected[*code == filters.status] { (tr.lookup(lookups::CASE_STATUS, code)) }
                    }
                }
            }
            label { (tr.t("case-kind")) " "
                select name="kind" {
                    option value="" { (tr.t("form-any")) }
                    @for code in tr.codes(lookups::CASE_KIND) {
                        option value=(code) selected[code == filters.kind] { (tr.lookup(lookups::CASE_KIND, &code)) }
                    }
                }
            }
            @if current.actor.sees_all_offices() {
                label { (tr.t("hotline-office")) " "
                    select name="office" {
                        option value="" { (tr.t("form-any")) }
                        @for office in &names.offices {
                            option value=(office.id.to_string()) selected[filters.office == office.id.to_string()] { (office.name) }
                        }
                    }
                }
            }
            label { (tr.t("case-lead")) " "
                select name="lead" {
                    option value="" { (tr.t("form-any")) }
                    @for (id, name) in names.staff_sorted() {
                        option value=(id.to_string()) selected[filters.lead == id.to_string()] { (name) }
                    }
                }
            }
            label.check { input type="checkbox" name="mine" value="1" checked[filters.mine]; " " (tr.t("cases-mine")) }
            label.check { input type="checkbox" name="overdue" value="1" checked[filters.overdue]; " " (tr.t("cases-overdue-only")) }
            button type="submit" { (tr.t("hotline-apply")) }
        }
        (case_table(tr, &lines.items, &names, today))
        (pager(tr, &filters, &lines))
    };
    Ok(layout::page(tr, &current, &title, "/cases", content))
}

fn pager(tr: Tr<'_>, filters: &Filters, page: &Page<CaseListEntry>) -> Markup {
    html! {
        nav.pager aria-label=(tr.t("pager-label")) {
            @if filters.page > 0 { a href=(filters.page_link(filters.page - 1)) rel="prev" { (tr.t("pager-previous")) } }
            @if page.items.is_empty() { p { (tr.t("cases-empty")) } }
            @if page.more { a href=(filters.page_link(filters.page + 1)) rel="next" { (tr.t("pager-next")) } }
        }
    }
}

fn case_table(tr: Tr<'_>, lines: &[CaseListEntry], names: &Directory, today: chrono::NaiveDate) -> Markup {
    html! {
        @if !lines.is_empty() {
            div.wide { table.log #cases {
                thead { tr {
                    th scope="col" { (tr.t("case-number")) }
                    th scope="col" { (tr.t("case-kind")) }
                    th scope="col" { (tr.t("case-status")) }
                    th scope="col" { (tr.t("case-lead")) }
                    th scope="col" { (tr.t("case-opened")) }
                    th scope="col" { (tr.t("case-next-task")) }
                } }
                tbody {
                    @for line in lines {
                        @let c = &line.case;
                        tr {
                            td { a href={ "/cases/" (c.id) } { (c.number) } @if c.sensitive { " " span.badge { (tr.t("case-sensitive-badge")) } } }
                            td { (tr.lookup(lookups::CASE_KIND, &c.kind)) }
                            td { (tr.lookup(lookups::CASE_STATUS, &c.status)) }
                            td { (names.staff.get(&c.lead_id).cloned().unwrap_or_default()) }
                            td { (day(c.opened_on)) }
                            td {
                                @if let Some(due) = line.next_due {
                                    @if due < today { strong.overdue { (day(due)) } } @else { (day(due)) }
                                }
                                @if line.overdue_tasks > 0 { " " (tr.t_with("cases-overdue-count", "count", line.overdue_tasks)) }
                            }
                        }
                    }
                }
            } }
        }
    }
}
