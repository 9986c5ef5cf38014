//! The referral network's directory: partners added and changed by those who keep it (sealed
//! contacts, every change audited), looked up by name, kind, service and region by everyone
//! who works with people, their contacts opened (and the reading audited) only for those who
//! may see identifying data.

use chrono::Utc;
use komek_domain::lookups::HoldsCodes;
use komek_domain::referrals::{Partner, PartnerContacts};
use komek_domain::{PartnerId, normalise};
use komek_store::StoreError;
use komek_store::repo::referrals::{self as repo, PartnerFilter, StoredPartner};

use crate::audit::{Action, Event};
use crate::policy::partners::{self as policy, PartnerRights};
use crate::{Actor, App, AppError, AppResult, search};

const KIND: &str = "partner";

/// Most partners one look-up lists.
pub const MAX_FOUND: i64 = 50;

/// A partner as its page shows it: contacts opened where the reader may see them.
#[derive(Debug, Clone)]
pub struct PartnerFile {
    pub partner: Partner,
    /// The version read, to be given back with a change.
    pub version: i64,
    pub may: PartnerRights,
}

/// A look-up in the directory: words of the name (typed in any alphabet), and codes.
#[derive(Debug, Clone, Default)]
pub struct PartnerQuery {
    pub name: String,
    pub kind: Option<String>,
    pub service: Option<String>,
    pub region: Option<String>,
    /// Only partners that may be chosen for a new referral.
    pub active_only: bool,
}

/// The name's words folded as a person's name is, so that "iom", "ИОМ" and "Iom" meet.
fn name_key(name: &str) -> String {
    normalise::name_tokens(name).join(" ")
}

impl App {
    /// Adds a partner to the directory; its contacts sealed, the addition audited.
    pub fn add_partner(&self, actor: &Actor, mut partner: Partner) -> AppResult<PartnerId> {
        if !policy::rights(actor).change {
            return Err(AppError::Forbidden);
        }
        partner.id = PartnerId::new();
        partner.updated_at = Utc::now();
        self.check_new(&partner, partner.validate())?;
        let stored = self.stored_partner(partner, 1);
        Ok(self.store.write(|tx| {
            repo::insert_partner(tx, &stored)?;
            let event = Event::new(actor.account_id(), Action::Create, KIND, stored.partner.id.to_string())
                .detail(stored.partner.kind.clone());
            self.audit(tx, event)?;
            Ok(stored.partner.id)
        })?)
    }

    /// Changes a partner, if nobody else changed it since `version` was read.
    pub fn update_partner(&self, actor: &Actor, mut partner: Partner, version: i64) -> AppResult<()> {
        if !policy::rights(actor).change {
            return Err(AppError::Forbidden);
        }
        partner.updated_at = Utc::now();
        AppError::invalid(partner.validate())?;
        let lists = self.lookups()?;
        let stored = self.stored_partner(partner, version);
        self.store.write(|tx| {
            let before = repo::partner(tx, stored.partner.id)?;
            let refused = lists.check(&stored.partner.codes_held(), &before.partner.codes_held());
            if !refused.is_empty() {
                return Ok(Err(AppError::Invalid(refused)));
            }
            repo::update_partner(tx, &stored)?;
            let event = Event::new(actor.account_id(), Action::Update, KIND, stored.partner.id.to_string())
                .detail(if stored.partner.active { "active" } else { "inactive" });
            self.audit(tx, event)?;
            Ok(Ok(()))
        })?
    }

    fn stored_partner(&self, partner: Partner, version: i64) -> StoredPartner {
        let contacts = partner.contacts.clone().unwrap_or_default();
        StoredPartner {
            name_key: name_key(&partner.name),
            contacts_enc: self.keys.seal_json(crate::sealed::partner_contacts(partner.id), &contacts),
            partner: Partner { contacts: None, ..partner },
            version,
        }
    }

    /// A partner's page: its contacts opened, and the reading audited, for a reader who may
    /// see them.
    pub fn partner_file(&self, actor: &Actor, id: PartnerId) -> AppResult<PartnerFile> {
        if !policy::may_look_up(actor) {
            return Err(AppError::Forbidden);
        }
        let may = policy::rights(actor);
        Ok(self.audited_read(|tx| {
            let stored = repo::partner(tx, id)?;
            let contacts: Option<PartnerContacts> = if may.read_contacts {
                Some(self.read_sealed_json(tx, actor, crate::sealed::partner_contacts(id), &stored.contacts_enc)?)
            } else {
                None
            };
            Ok::<_, StoreError>(PartnerFile {
                partner: Partner { contacts, ..stored.partner },
                version: stored.version,
                may,
            })
        })?)
    }

    /// The partners that match a look-up, by name, without their contacts (nothing sealed is
    /// opened, so nothing is audited).
    pub fn find_partners(&self, actor: &Actor, query: &PartnerQuery) -> AppResult<Vec<Partner>> {
        if !policy::may_look_up(actor) {
            return Err(AppError::Forbidden);
        }
        // A name, not a page of text: each word is a condition of the query.
        let name: String = query.name.chars().take(search::MAX_QUERY_CHARS).collect();
        let name_words = normalise::name_tokens(&name)
            .into_iter()
            .filter(|word| word.chars().count() <= search::MAX_QUERY_WORD_CHARS)
            .take(search::MAX_QUERY_WORDS)
            .collect();
        let filter = PartnerFilter {
            name_words,
            kind: query.kind.clone(),
            service: query.service.clone(),
            region: query.region.clone(),
            active_only: query.active_only,
        };
        let found = self.store.read(|tx| repo::find_partners(tx, &filter, MAX_FOUND))?;
        Ok(found.into_iter().map(|stored| stored.partner).collect())
    }

    /// Every partner's name, to name them in lists of referrals (names are public facts).
    pub fn partner_names(&self, actor: &Actor) -> AppResult<std::collections::HashMap<PartnerId, String>> {
        if !policy::may_look_up(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.store.read(repo::partner_names)?.into_iter().collect())
    }
}
