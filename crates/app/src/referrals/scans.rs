//! The scanned form a person signed when giving consent: the paper behind the record. Checked
//! like an evidence file (its type read from its content, a cut-off upload refused), sealed
//! before it is stored, one per consent (a better scan replaces the first), and every filing
//! and opening audited.

use chrono::Utc;
use komek_domain::evidence;
use komek_domain::{ConsentId, PersonId};
use komek_store::StoreError;
use komek_store::repo::referrals::{self as repo, ConsentScan, StoredConsentScan};

use crate::audit::{Action, Event};
use crate::casework::EvidenceRefused;
use crate::policy::referrals as policy;
use crate::{Actor, App, AppError, AppResult, sealed};

const KIND: &str = "consent-scan";

/// A consent's scan as it is downloaded: what it is, the name it was uploaded with, its bytes.
#[derive(Debug, Clone)]
pub struct ScanFile {
    pub scan: ConsentScan,
    pub name: String,
    pub content: Vec<u8>,
}

impl App {
    /// Files the scan of a consent's signed form, replacing the one it had. A refused file
    /// leaves the consent as it was.
    pub fn attach_consent_scan(
        &self,
        actor: &Actor,
        person: PersonId,
        consent: ConsentId,
        file_name: &str,
        content: &[u8],
    ) -> Result<(), EvidenceRefused> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden.into());
        }
        let by = actor.account_id().ok_or(AppError::Forbidden)?;
        let accepted = evidence::inspect(file_name, content)?;
        // Sealed outside the write lock: a scan may be megabytes.
        let stored = StoredConsentScan {
            scan: ConsentScan {
                consent_id: consent,
                kind: accepted.kind.code().to_owned(),
                size: accepted.size as i64,
                added_by: by,
                added_at: Utc::now(),
            },
            name_enc: self.keys.seal(sealed::consent_scan_name(consent), accepted.name.as_bytes()),
            content_enc: self.keys.seal(sealed::consent_scan_content(consent), content),
        };
        self.store
            .write(|tx| {
                self.consent_of_person(tx, actor, person, consent)?;
                let replaced = repo::consent_scan(tx, consent).is_ok();
                repo::put_consent_scan(tx, &stored)?;
                let action = if replaced { Action::Update } else { Action::Create };
                let event = Event::new(Some(by), action, KIND, consent.to_string())
                    .detail(format!("person {person}: {}", stored.scan.kind));
                self.audit(tx, event)
            })
            .map_err(AppError::from)?;
        Ok(())
    }

    /// A consent of this person, within the actor's reach; any other does not exist for them.
    fn consent_of_person(
        &self,
        tx: &mut dyn komek_store::Tx,
        actor: &Actor,
        person: PersonId,
        consent: ConsentId,
    ) -> Result<(), StoreError> {
        if repo::consent(tx, consent)?.consent.person_id != person {
            return Err(StoreError::NotFound);
        }
        self.person_within_reach(tx, actor, person).map(drop)
    }

    /// What scans a person's consents have, without opening any.
    pub fn consent_scans(&self, actor: &Actor, person: PersonId) -> AppResult<Vec<ConsentScan>> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden);
        }
        Ok(self.store.read(|tx| {
            self.person_within_reach(tx, actor, person)?;
            repo::consent_scans_of(tx, person)
        })?)
    }

    /// A consent's scan, opened, for someone who may see the person's consents; audited.
    pub fn consent_scan(&self, actor: &Actor, person: PersonId, consent: ConsentId) -> AppResult<ScanFile> {
        if !policy::may_record_consent(actor) {
            return Err(AppError::Forbidden);
        }
        let stored = self.store.read(|tx| {
            self.consent_of_person(tx, actor, person, consent)?;
            repo::consent_scan(tx, consent)
        })?;
        let name = self.open_text(sealed::consent_scan_name(consent), &stored.name_enc)?;
        let content = self.keys.open(sealed::consent_scan_content(consent), &stored.content_enc)?;
        self.audit_reads(vec![Event::new(actor.account_id(), Action::Read, KIND, consent.to_string())])
            .map_err(|e: StoreError| AppError::from(e))?;
        Ok(ScanFile { scan: stored.scan, name, content })
    }
}
