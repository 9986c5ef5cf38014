//! Referrals: the desk of referrals under way, a referral's form, page and letter, a person's
//! consents, and the referral network's directory of partners.

pub mod consents;
pub mod export;
pub mod incoming;
pub mod partners;
pub mod referral;

use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use komek_domain::lookups::{self, LookupList};
use komek_domain::referrals::{Partner, Referral};
use komek_domain::{PartnerId, PersonId};
use maud::{Markup, html};

use crate::errors::WebError;
use crate::i18n::Tr;
use crate::layout;
use crate::session::Current;
use crate::widgets::day;
use crate::{AppState, blocking};

/// Referrals the desk lists at once.
const DESK_ROWS: usize = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/referrals", get(desk))
        .route("/referrals/new", get(referral::new_form).post(referral::make))
        .route("/referrals/incoming", get(incoming::new_form).post(incoming::receive))
        .route("/referrals/{id}", get(referral::show))
        .route("/referrals/{id}/steps", post(referral::step))
        .route("/referrals/{id}/letter", get(referral::letter))
        .route("/referrals/{id}/letter.pdf", get(referral::letter_pdf))
        .route("/referrals/{id}/sent-letter.pdf", get(referral::sent_letter_pdf))
        .route("/referrals/partners", get(partners::list))
        .route("/referrals/partners/new", get(partners::new_form).post(partners::add))
        .route("/referrals/partners/{id}", get(partners::show))
        .route("/referrals/partners/{id}/edit", get(partners::edit_form).post(partners::change))
        .route("/cases/{id}/htcds", get(export::page_or_file))
        .route("/persons/{id}/consents/new", get(consents::new_form))
        .route("/persons/{id}/consents", post(consents::record))
        .route("/persons/{id}/consents/{consent}/withdraw", post(consents::withdraw))
        .route("/persons/{id}/consents/{consent}/scan", get(consents::download_scan))
        .route("/persons/{id}/consents/{consent}/scan/new", get(consents::scan_form))
}

/// The choice of an active partner, each named with its kind.
fn partner_select(tr: Tr<'_>, partners: &[Partner], chosen: &str, errors: &crate::forms::FieldErrors) -> Markup {
    html! {
        select id="partner_id" name="partner_id" aria-invalid=[errors.has("partner_id").then_some("true")] {
            option value="" selected[chosen.is_empty()] { (tr.t("form-not-given")) }
            @for p in partners {
                option value=(p.id) selected[p.id.to_string() == chosen] {
                    (p.name) " — " (tr.lookup(lookups::PARTNER_KIND, &p.kind))
                }
            }
        }
    }
}

/// Codes of a list as their labels, joined.
fn codes(tr: Tr<'_>, list: LookupList, codes: &[String]) -> String {
    codes.iter().map(|c| tr.lookup(list, c)).collect::<Vec<_>>().join(", ")
}

/// A list of referrals: number, person, partner, status, the reply's due day (marked when late).
pub fn table(
    tr: Tr<'_>,
    referrals: &[Referral],
    persons: &HashMap<PersonId, String>,
    partners: &HashMap<PartnerId, String>,
    today: chrono::NaiveDate,
) -> Markup {
    html! {
        div.wide { table.log.referrals {
            thead { tr {
                th scope="col" { (tr.t("referral-number")) }
                th scope="col" { (tr.t("hotline-col-person")) }
                th scope="col" { (tr.t("referral-partner")) }
                th scope="col" { (tr.t("referral-status")) }
                th scope="col" { (tr.t("referral-reply-due")) }
            } }
            tbody {
                @for r in referrals {
                    tr.overdue[r.reply_overdue_on(today)] {
                        td { a href={ "/referrals/" (r.id) } { (r.number) } " " span.meta { (tr.t(&format!("referral-direction-{}", r.direction.code()))) } }
                        td { (persons.get(&r.person_id).cloned().unwrap_or_else(|| tr.t("hotline-open-person"))) }
                        td { (partners.get(&r.partner_id).cloned().unwrap_or_default()) }
                        td { (tr.lookup(lookups::REFERRAL_STATUS, &r.status)) }
                        td {
                            (r.reply_due_on.map(day).unwrap_or_default())
                            @if r.reply_overdue_on(today) { " " span.badge.sensitive { (tr.t("referral-overdue")) } }
                        }
                    }
                }
            }
        } }
    }
}

/// The referral desk: the office's referrals under way, those waiting longest for a reply
/// first; those a partner declined, to close or to send elsewhere; and the directory.
async fn desk(State(state): State<AppState>, current: Current) -> Result<Markup, WebError> {
    if !komek_app::policy::referrals::may_refer(&current.actor) {
        return Err(WebError::Forbidden);
    }
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let ((referrals, declined), persons, partners, today) = blocking(move || -> Result<_, komek_app::AppError> {
        let referrals = app.referrals_under_way(&actor, DESK_ROWS)?;
        let declined = app.referrals_declined(&actor, DESK_ROWS)?;
        let mut people: Vec<PersonId> = referrals.iter().chain(&declined).map(|r| r.person_id).collect();
        people.sort();
        people.dedup();
        let persons = app.names_within_reach(&actor, &people)?;
        Ok(((referrals, declined), persons, app.partner_names(&actor)?, app.today(&actor)?))
    })
    .await??;
    let tr = current.tr(&state);
    let title = tr.t("module-referrals-title");
    let content = html! {
        h1 { (title) }
        p { (tr.t("module-referrals-about")) }
        p.actions {
            a.button href="/referrals/partners" { (tr.t("partners-title")) } " "
            a.button.secondary href="/referrals/incoming" { (tr.t("incoming-link")) }
        }
        h2 { (tr.t("referrals-under-way")) }
        @if referrals.is_empty() { p { (tr.t("referrals-none-under-way")) } }
        @else { (table(tr, &referrals, &persons, &partners, today)) }
        @if !declined.is_empty() {
            h2 #declined { (tr.t("referrals-declined")) }
            p.hint { (tr.t("referrals-declined-about")) }
            (table(tr, &declined, &persons, &partners, today))
        }
        p.hint { (tr.t("referrals-how-to-make")) }
    };
    Ok(layout::page(tr, &current, &title, "/referrals", content))
}
