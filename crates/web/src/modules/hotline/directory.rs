//! The referral directory inside the intake form: while the caller is on the line, the
//! operator finds where to send them by service and region (and a word of the name) without
//! leaving the form. Without script the look-up is a round trip of the whole form, so nothing
//! typed is lost; with it, the results replace themselves as the operator chooses.

use axum::extract::State;
use komek_app::partners::PartnerQuery;
use komek_domain::lookups;
use komek_domain::referrals::Partner;
use maud::{Markup, html};

use crate::errors::WebError;
use crate::forms::{FieldErrors, FormData, optional};
use crate::i18n::Tr;
use crate::modules::referrals::partners::{Opens, found_table};
use crate::session::Current;
use crate::widgets::{field, lookup_filter};
use crate::{AppState, blocking};

/// Most partners the intake form lists: enough to choose from while talking.
const LISTED: i64 = 10;

/// What the operator asked the directory, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryAsk {
    pub name: String,
    pub service: String,
    pub region: String,
}

impl DirectoryAsk {
    pub fn read(form: &FormData) -> Self {
        Self {
            name: form.get("dir_name").to_owned(),
            service: form.get("dir_service").to_owned(),
            region: form.get("dir_region").to_owned(),
        }
    }

    /// Whether anything was asked: an empty look-up would list the whole directory.
    pub fn asked(&self) -> bool {
        !(self.name.trim().is_empty() && self.service.is_empty() && self.region.is_empty())
    }

    /// The directory query: partners that may be chosen now, only.
    pub fn query(&self) -> PartnerQuery {
        PartnerQuery {
            name: self.name.trim().to_owned(),
            kind: None,
            service: optional(&self.service),
            region: optional(&self.region),
            active_only: true,
        }
    }
}

/// The partners that answer what was asked, at most [`LISTED`]; `None` when nothing was.
pub fn look_up(
    app: &komek_app::App,
    actor: &komek_app::Actor,
    ask: &DirectoryAsk,
) -> Result<Option<Vec<Partner>>, komek_app::AppError> {
    if !ask.asked() || !komek_app::policy::partners::may_look_up(actor) {
        return Ok(None);
    }
    let mut found = app.find_partners(actor, &ask.query())?;
    found.truncate(LISTED as usize);
    Ok(Some(found))
}

/// The intake form's directory section; open when something was asked.
pub fn section(tr: Tr<'_>, ask: &DirectoryAsk, found: Option<&[Partner]>) -> Markup {
    let none = FieldErrors::default();
    html! {
        details.directory open[ask.asked()] {
            summary { (tr.t("intake-directory")) }
            p.hint { (tr.t("intake-directory-hint")) }
            div.row {
                (field(tr, "partners-service", "dir_service", &none, lookup_filter(tr, "dir_service", lookups::SERVICE_KIND, &ask.service)))
                (field(tr, "partners-region", "dir_region", &none, lookup_filter(tr, "dir_region", lookups::REGION, &ask.region)))
                (field(tr, "partners-name", "dir_name", &none, html! {
                    input type="search" id="dir_name" name="dir_name" value=(ask.name) autocomplete="off";
                }))
                button.secondary type="submit" name="action" value="directory" { (tr.t("intake-directory-find")) }
            }
            div #directory-results aria-live="polite" { (results(tr, found)) }
        }
    }
}

fn results(tr: Tr<'_>, found: Option<&[Partner]>) -> Markup {
    match found {
        Some(found) => found_table(tr, found, Opens::NewTab),
        None => html! {},
    }
}

/// The directory's answer as a fragment of the intake page, for the page's script. A POST
/// with the form's token, like the caller look-up beside it.
pub async fn fragment(State(state): State<AppState>, current: Current, data: FormData) -> Result<Markup, WebError> {
    current.check_csrf(&state, data.get("csrf")).await?;
    current.actor.require(komek_domain::Capability::RegisterAppeals).map_err(WebError::from)?;
    let ask = DirectoryAsk::read(&data);
    let (app, actor) = (state.app.clone(), current.actor.clone());
    let asked = ask.clone();
    let found = blocking(move || look_up(&app, &actor, &asked)).await??;
    Ok(results(current.tr(&state), found.as_deref()))
}
