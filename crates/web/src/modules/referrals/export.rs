//! A case's HTCDS export to one partner: the page shows, for the partner and purpose chosen,
//! who of the case's persons their consent lets go and under which consent, and who is left
//! out and why; its buttons download the records as JSON or CSV (each record an audited
//! sharing).

use std::collections::HashMap;

use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use komek_app::referrals::{CasesToExport, ExportPreview, ExportTo, HtcdsExport};
use komek_app::{Actor, App, AppError};
use komek_domain::referrals::Partner;
use komek_domain::{CaseId, PartnerId, PersonId, lookups};
use maud::{Markup, html};

use super::referral::{consent_label, refusal_message};
use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData};
use crate::layout;
use crate::session::Current;
use crate::widgets::{field, lookup_select};
use crate::{AppState, blocking};

/// The file formats offered.
const FORMATS: [&str; 2] = ["json", "csv"];

/// What the page's form holds, as chosen.
struct ExportForm {
    partner: String,
    purpose: String,
    format: String,
}

impl ExportForm {
    fn read(raw: Option<String>) -> Self {
        let q = FormData::parse(raw.unwrap_or_default().as_bytes());
        Self {
            partner: q.get("partner_id").to_owned(),
            purpose: q.get("purpose").to_owned(),
            format: q.get("format").to_owned(),
        }
    }

    /// The recipient, once both are chosen; an unreadable partner is an unknown choice.
    fn recipient(&self, errors: &mut FieldErrors) -> Option<ExportTo> {
        if self.partner.is_empty() || self.purpose.is_empty() {
            return None;
        }
        match self.partner.parse() {
            Ok(id) => Some(ExportTo { partner_id: PartnerId(id), purpose: self.purpose.clone() }),
            Err(_) => {
                errors.add("partner_id", "form-unknown-choice");
                None
            }
        }
    }
}

/// Everything the page shows, read in one blocking call.
struct PageData {
    preview: ExportPreview,
    names: HashMap<PersonId, String>,
    partners: Vec<Partner>,
    today: chrono::NaiveDate,
}

fn load(app: &App, actor: &Actor, case: CaseId, to: Option<&ExportTo>) -> Result<PageData, AppError> {
    let preview = app.export_preview(actor, case, to)?;
    let query = komek_app::partners::PartnerQuery { active_only: true, ..Default::default() };
    Ok(PageData {
        names: app.names_within_reach(actor, &preview.persons)?,
        partners: app.find_partners(actor, &query)?,
        today: app.today(actor)?,
        preview,
    })
}

/// The page, or with a format chosen the file: a download when anyone may go, else the page
/// again saying that nobody may.
pub async fn page_or_file(
    State(state): State<AppState>,
    current: Current,
    Path(id): Path<uuid::Uuid>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let form = ExportForm::read(raw);
    let mut errors = FieldErrors::default();
    let to = form.recipient(&mut errors);
    let case = CaseId(id);
    let wants_file = FORMATS.contains(&form.format.as_str());
    if wants_file && to.is_none() && errors.is_empty() {
        for (name, value) in [("partner_id", &form.partner), ("purpose", &form.purpose)] {
            if value.is_empty() {
                errors.add(name, "form-required");
            }
        }
    }
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let recipient = to.clone();
    let outcome = blocking(move || -> Result<_, AppError> {
        let exported = match &recipient {
            Some(to) if wants_file => Some(app.htcds_export(&actor, CasesToExport::One(case), to)),
            _ => None,
        };
        let refused = matches!(exported, Some(Err(AppError::Invalid(_))));
        let preview_for = recipient.as_ref().filter(|_| !refused);
        // A partner that is not there is a wrong choice on the page, not a missing page.
        let (data, unknown_partner) = match load(&app, &actor, case, preview_for) {
            Err(AppError::NotFound) if preview_for.is_some() => (load(&app, &actor, case, None)?, true),
            other => (other?, false),
        };
        Ok((exported, data, unknown_partner))
    })
    .await??;
    let (exported, data, unknown_partner) = outcome;
    if unknown_partner {
        errors.add("partner_id", "form-unknown-choice");
    }
    let nobody = match exported {
        Some(Ok(export)) if !export.records.is_empty() => {
            return Ok(download(&data.preview.case_number, &form.format, &export));
        }
        Some(Ok(_)) => true,
        Some(Err(AppError::Invalid(problems))) => {
            errors.add_validation(&problems, &crate::fields::REFERRAL);
            false
        }
        Some(Err(other)) => return Err(other.into()),
        None => false,
    };
    let status = if nobody || !errors.is_empty() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, page(&state, &current, id, &form, &data, &errors, nobody)).into_response())
}

fn download(case_number: &str, format: &str, export: &HtcdsExport) -> Response {
    let (body, content_type) = if format == "csv" {
        (komek_domain::htcds::to_csv(&export.records), "text/csv; charset=utf-8")
    } else {
        (komek_domain::htcds::to_json(&export.records).to_string().into_bytes(), "application/json")
    };
    let disposition = format!("attachment; filename=\"htcds-{case_number}.{format}\"");
    ([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}

fn page(
    state: &AppState,
    current: &Current,
    case: uuid::Uuid,
    form: &ExportForm,
    data: &PageData,
    errors: &FieldErrors,
    nobody: bool,
) -> Markup {
    let tr = current.tr(state);
    let title = tr.t_with("htcds-title", "number", data.preview.case_number.clone());
    let name = |id: &PersonId| data.names.get(id).cloned().unwrap_or_else(|| tr.t("hotline-open-person"));
    let content = html! {
        h1 { (title) }
        p { a href={ "/cases/" (case) "#referrals" } { (tr.t_with("case-title", "number", data.preview.case_number.clone())) } }
        p.hint { (tr.t("htcds-hint")) }
        @if nobody { p.notice.warning role="alert" #nobody { (tr.t("htcds-nobody")) } }
        (errors.summary(tr))
        form method="get" action={ "/cases/" (case) "/htcds" } {
            (field(tr, "referral-partner", "partner_id", errors, super::partner_select(tr, &data.partners, &form.partner, errors)))
            (field(tr, "referral-purpose", "purpose", errors, lookup_select(tr, "purpose", lookups::REFERRAL_PURPOSE, &form.purpose, Some("form-not-given"), errors)))
            button.secondary type="submit" { (tr.t("htcds-check")) }
            " "
            button type="submit" name="format" value="json" { (tr.t("htcds-download-json")) }
            " "
            button type="submit" name="format" value="csv" { (tr.t("htcds-download-csv")) }
        }
        @if !data.preview.coverage.is_empty() {
            div.wide { table.log #coverage {
                thead { tr {
                    th scope="col" { (tr.t("hotline-col-person")) }
                    th scope="col" { (tr.t("htcds-goes")) }
                } }
                tbody {
                    @for c in &data.preview.coverage {
                        tr {
                            td { (name(&c.person_id)) }
                            td {
                                @match &c.consent {
                                    Ok(consent) => { (tr.t("htcds-goes-under")) " " (consent_label(tr, consent, data.today)) }
                                    Err(Some(why)) => { span.badge.sensitive { (tr.t("htcds-left-out")) } " " (refusal_message(tr, why)) }
                                    Err(None) => { span.badge.sensitive { (tr.t("htcds-left-out")) } " " (tr.t("referral-no-consent")) }
                                }
                            }
                        }
                    }
                }
            } }
        }
    };
    layout::page(tr, current, &title, "/cases", content)
}
