//! People the organisation helps: registered with their identity sealed, found by blind index.

use chrono::Utc;
use komek_domain::entities::{MAX_NOTE_CHARS, MAX_SHORT_CHARS, Person, PersonIdentity, PersonProfile};
use komek_domain::{Capability, OfficeId, PersonId, ValidationError, lookups, normalise};
use komek_store::Tx;
use komek_store::repo::{self, IndexToken, persons::StoredPerson};

use crate::audit::{Action, Event};
use crate::crypto::{FieldRef, Keys};
use crate::{Actor, App, AppError, AppResult};

const KIND: &str = "person";

fn identity_ref(id: PersonId) -> FieldRef<'static> {
    FieldRef { kind: KIND, id: id.0, field: "identity" }
}

/// The blind-index tokens of a person: every name word, phone and document number.
pub(crate) fn identity_tokens(keys: &Keys, identity: &PersonIdentity) -> Vec<IndexToken> {
    let names = [&identity.full_name, &identity.passport_name].into_iter().chain(&identity.other_spellings);
    record_tokens(keys, names, &identity.phones, &identity.documents)
}

/// Blind-index tokens of any record: its name words, phones and document numbers, folded.
pub(crate) fn record_tokens<'a>(
    keys: &Keys,
    names: impl Iterator<Item = &'a String>,
    phones: &[String],
    documents: &[String],
) -> Vec<IndexToken> {
    let mut tokens: Vec<IndexToken> =
        names.flat_map(|n| normalise::name_tokens(n)).map(|t| keys.index_token("name", &t)).collect();
    tokens.extend(phones.iter().filter_map(|p| normalise::phone(p)).map(|p| keys.index_token("phone", &p)));
    tokens.extend(
        documents.iter().filter_map(|d| normalise::document_number(d)).map(|d| keys.index_token("document", &d)),
    );
    tokens
}

/// The tokens a search text could match: its words as names, and the whole as phone or document.
pub(crate) fn query_tokens(keys: &Keys, query: &str) -> Vec<IndexToken> {
    let mut tokens: Vec<IndexToken> =
        normalise::name_tokens(query).iter().map(|t| keys.index_token("name", t)).collect();
    if let Some(phone) = normalise::phone(query) {
        tokens.push(keys.index_token("phone", &phone));
    }
    if let Some(doc) = normalise::document_number(query) {
        tokens.push(keys.index_token("document", &doc));
    }
    tokens
}

fn validate(profile: &PersonProfile, identity: &PersonIdentity) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut check = |list: lookups::LookupList, code: &str| {
        if let Err(e) = list.check(code) {
            errors.push(e);
        }
    };
    check(lookups::SEX, &profile.sex);
    check(lookups::CITIZENSHIP, &profile.citizenship);
    profile.languages.iter().for_each(|l| check(lookups::LANGUAGE, l));
    profile.vulnerabilities.iter().for_each(|v| check(lookups::VULNERABILITY, v));
    if !profile.anonymous && identity.full_name.trim().is_empty() {
        errors.push(ValidationError::Required { field: "full_name" });
    }
    let short = [&identity.full_name, &identity.passport_name, &identity.address]
        .into_iter()
        .chain(&identity.other_spellings)
        .chain(&identity.phones)
        .chain(&identity.documents);
    if short.into_iter().any(|s| s.chars().count() > MAX_SHORT_CHARS) {
        errors.push(ValidationError::TooLong { field: "full_name", max: MAX_SHORT_CHARS });
    }
    if identity.notes.chars().count() > MAX_NOTE_CHARS {
        errors.push(ValidationError::TooLong { field: "notes", max: MAX_NOTE_CHARS });
    }
    if identity.phones.iter().any(|p| normalise::phone(p).is_none()) {
        errors.push(ValidationError::Invalid { field: "phones" });
    }
    if identity.birth_date.is_some_and(|d| d > Utc::now().date_naive()) {
        errors.push(ValidationError::Invalid { field: "birth_date" });
    }
    errors
}

/// A search hit: the person (identity included) and how many search tokens matched.
#[derive(Debug, Clone)]
pub struct PersonMatch {
    pub person: Person,
    pub matched_tokens: i64,
}

impl App {
    /// Registers a person in `office` (the actor's own office for staff).
    pub fn register_person(
        &self,
        actor: &Actor,
        office: Option<OfficeId>,
        profile: PersonProfile,
        identity: PersonIdentity,
    ) -> AppResult<PersonId> {
        actor.require(Capability::RegisterAppeals)?;
        let office_id = actor
            .office_id()
            .or(office)
            .ok_or(AppError::Invalid(vec![ValidationError::Required { field: "office" }]))?;
        AppError::invalid(validate(&profile, &identity))?;
        let id = PersonId::new();
        let stored = StoredPerson {
            id,
            office_id,
            identity_enc: self.keys.seal_json(identity_ref(id), &identity),
            profile,
            created_at: Utc::now(),
            version: 1,
        };
        let tokens = identity_tokens(&self.keys, &identity);
        self.store.write(|tx| {
            repo::persons::insert(tx, &stored, &tokens)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Create, KIND, id.to_string()))
        })?;
        Ok(id)
    }

    /// Replaces a person's profile and identity (re-sealed, re-indexed), if within reach.
    pub fn update_person(
        &self,
        actor: &Actor,
        id: PersonId,
        profile: PersonProfile,
        identity: PersonIdentity,
    ) -> AppResult<()> {
        actor.require(Capability::RegisterAppeals)?;
        AppError::invalid(validate(&profile, &identity))?;
        let tokens = identity_tokens(&self.keys, &identity);
        let identity_enc = self.keys.seal_json(identity_ref(id), &identity);
        self.store.write(|tx| {
            let current = repo::persons::get(tx, id)?;
            if !self.reaches_person(tx, actor, id, current.office_id)? {
                return Err(komek_store::StoreError::NotFound);
            }
            let updated = StoredPerson { profile, identity_enc, ..current };
            repo::persons::update(tx, &updated, &tokens)?;
            self.audit(tx, Event::new(actor.account_id(), Action::Update, KIND, id.to_string()))
        })?;
        Ok(())
    }

    /// A person; the identity only when within the actor's reach, and that read is audited.
    pub fn person(&self, actor: &Actor, id: PersonId) -> AppResult<Person> {
        actor.require(Capability::ViewIdentifying)?;
        self.store.write(|tx| self.person_in(tx, actor, id)).map_err(Into::into)
    }

    /// Whether `actor` may see the identity of a person in `office`: by office or by a case
    /// team; a person in a sensitive case only by the team of such a case.
    pub(crate) fn reaches_person(
        &self,
        tx: &mut dyn Tx,
        actor: &Actor,
        id: PersonId,
        office: komek_domain::OfficeId,
    ) -> Result<bool, komek_store::StoreError> {
        // (cases of the person, of them sensitive, of them with the actor on the team,
        //  of the sensitive ones with the actor on the team)
        let account = actor.account_id().map(|a| a.to_string()).unwrap_or_default();
        let row = tx.query_one(
            "SELECT CAST(COALESCE(SUM(CASE WHEN c.sensitive = $3 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN t.on_team = 1 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN t.on_team = 1 AND c.sensitive = $3 THEN 1 ELSE 0 END), 0) AS BIGINT)
             FROM case_persons cp
             JOIN cases c ON c.id = cp.case_id
             JOIN (SELECT c2.id AS case_id,
                          CASE WHEN c2.lead_id = $2 OR EXISTS (SELECT 1 FROM case_team ct
                               WHERE ct.case_id = c2.id AND ct.account_id = $2) THEN 1 ELSE 0 END AS on_team
                   FROM cases c2) t ON t.case_id = c.id
             WHERE cp.person_id = $1",
            komek_store::params![id, account, true],
        )?;
        let (sensitive, on_team, on_sensitive_team): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        Ok(if sensitive > 0 {
            actor.reaches(office, on_sensitive_team > 0, true)
        } else {
            actor.reaches(office, on_team > 0, false)
        })
    }

    fn person_in(&self, tx: &mut dyn Tx, actor: &Actor, id: PersonId) -> Result<Person, komek_store::StoreError> {
        let stored = repo::persons::get(tx, id)?;
        let identity = if self.reaches_person(tx, actor, id, stored.office_id)? {
            Some(self.read_sealed_json::<PersonIdentity>(tx, actor, identity_ref(id), &stored.identity_enc)?)
        } else {
            None
        };
        Ok(Person { id, office_id: stored.office_id, profile: stored.profile, identity, created_at: stored.created_at })
    }

    /// Finds persons by name (any spelling, any order), phone or document number, best first.
    /// Works on blind indexes only; the search itself is audited, not its text.
    pub fn search_persons(&self, actor: &Actor, query: &str, limit: usize) -> AppResult<Vec<PersonMatch>> {
        actor.require(Capability::ViewIdentifying)?;
        let tokens = query_tokens(&self.keys, query);
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        let matches = self.store.write(|tx| {
            // Fetch extra candidates: some may be out of the actor's reach and are dropped.
            let hits = repo::persons::find(tx, &tokens, (limit * 4) as i64)?;
            self.audit(
                tx,
                Event::new(actor.account_id(), Action::Search, KIND, "search").detail(format!(
                    "{} tokens, {} candidates",
                    tokens.len(),
                    hits.len()
                )),
            )?;
            let mut out = Vec::new();
            for (id, matched_tokens) in hits {
                let person = self.person_in(tx, actor, id)?;
                if person.identity.is_some() {
                    out.push(PersonMatch { person, matched_tokens });
                }
                if out.len() == limit {
                    break;
                }
            }
            Ok(out)
        })?;
        Ok(matches)
    }
}
