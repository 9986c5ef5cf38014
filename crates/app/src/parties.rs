//! Employers, intermediaries, foremen, "registration helpers", officials: allegations kept
//! sealed, found by blind index like persons.

use chrono::Utc;
use komek_domain::entities::{Party, PartyIdentity};
use komek_domain::{Capability, OfficeId, PartyId, ValidationError, lookups};
use komek_store::repo::{self, IndexToken, parties::StoredParty};

use crate::audit::{Action, Event};
use crate::crypto::{FieldRef, Keys};
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "party";

fn identity_ref(id: PartyId) -> FieldRef<'static> {
    FieldRef { kind: KIND, id: id.0, field: "identity" }
}

fn identity_tokens(keys: &Keys, identity: &PartyIdentity) -> Vec<IndexToken> {
    let names = std::iter::once(&identity.name).chain(&identity.other_names);
    crate::persons::record_tokens(keys, names, &identity.phones, &identity.identifiers)
}

impl App {
    pub fn register_party(
        &self,
        actor: &Actor,
        office: Option<OfficeId>,
        kind: &str,
        region: Option<String>,
        district: Option<String>,
        identity: PartyIdentity,
    ) -> AppResult<PartyId> {
        actor.require(Capability::RegisterAppeals)?;
        let office_id = actor
            .office_id()
            .or(office)
            .ok_or(AppError::Invalid(vec![ValidationError::Required { field: "office" }]))?;
        let mut errors = Vec::new();
        if let Err(e) = lookups::PARTY_KIND.check(kind) {
            errors.push(e);
        }
        if let Some(Err(e)) = region.as_deref().map(|r| lookups::REGION.check(r)) {
            errors.push(e);
        }
        if let Some(Err(e)) = district.as_deref().map(|d| lookups::DISTRICT.check(d)) {
            errors.push(e);
        }
        if identity.name.trim().is_empty() {
            errors.push(ValidationError::Required { field: "name" });
        }
        AppError::invalid(errors)?;
        let id = PartyId::new();
        let stored = StoredParty {
            id,
            office_id,
            kind: kind.to_owned(),
            region,
            district,
            identity_enc: self.keys.seal_json(identity_ref(id), &identity),
            created_at: Utc::now(),
            version: 1,
        };
        let tokens = identity_tokens(&self.keys, &identity);
        self.store.write(|tx| {
            repo::parties::insert(tx, &stored, &tokens)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Create, KIND, id.to_string()).detail(kind.to_owned()))
        })?;
        Ok(id)
    }

    /// A party; its identity only within the actor's reach, audited.
    pub fn party(&self, actor: &Actor, id: PartyId) -> AppResult<Party> {
        actor.require(Capability::ViewCases)?;
        Ok(self.store.write(|tx| {
            let stored = repo::parties::get(tx, id)?;
            let identity = if actor.reaches(stored.office_id, false, false) {
                Some(self.read_sealed_json::<PartyIdentity>(tx, actor, identity_ref(id), &stored.identity_enc)?)
            } else {
                None
            };
            Ok(Party {
                id,
                office_id: stored.office_id,
                kind: stored.kind,
                region: stored.region,
                district: stored.district,
                identity,
                created_at: stored.created_at,
            })
        })?)
    }

    /// Parties matching a name, phone or identifier, best first (ids and match counts).
    pub fn search_parties(&self, actor: &Actor, query: &str, limit: i64) -> AppResult<Vec<(PartyId, i64)>> {
        actor.require(Capability::ViewIdentifying)?;
        let tokens = crate::persons::query_tokens(&self.keys, query);
        Ok(self.store.write(|tx| {
            let hits = repo::parties::find(tx, &tokens, limit)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Search, KIND, "search")
                    .detail(format!("{} candidates", hits.len())),
            )?;
            Ok(hits)
        })?)
    }
}
