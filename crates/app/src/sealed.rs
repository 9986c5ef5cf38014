//! Where each sealed value lives: the record kind, id and field that every ciphertext is bound
//! to (its associated data, [`FieldRef`]). These names are part of the stored data: a value
//! sealed under one name opens under that name only, so renaming one here would make every
//! value already stored unreadable. They are written once, here, and a test pins them.

use komek_domain::{
    AccountId, AppealId, CaseId, ConsentId, EventId, EvidenceId, NoteId, PartnerId, PartyId, PersonId, PhotoId,
    ProceedingId, ReferralId, ServiceId, TaskId, VisitId,
};
use uuid::Uuid;

use crate::crypto::FieldRef;

/// An appeal's notes.
pub fn appeal_notes(id: AppealId) -> FieldRef<'static> {
    FieldRef { kind: "appeal", id: id.0, field: "notes" }
}

/// Who a person is: names, phones, documents, address, notes.
pub fn person_identity(id: PersonId) -> FieldRef<'static> {
    FieldRef { kind: "person", id: id.0, field: "identity" }
}

/// A monitoring visit's settlement, narrative and reason for calling it off.
pub fn visit_notes(id: VisitId) -> FieldRef<'static> {
    FieldRef { kind: "visit", id: id.0, field: "notes" }
}

/// What a visit's follow-up task asks.
pub fn visit_task_title(id: TaskId) -> FieldRef<'static> {
    FieldRef { kind: "visit-task", id: id.0, field: "title" }
}

/// The name a visit's photograph was uploaded with.
pub fn visit_photo_name(id: PhotoId) -> FieldRef<'static> {
    FieldRef { kind: "visit-photo", id: id.0, field: "name" }
}

/// A visit's photograph.
pub fn visit_photo_content(id: PhotoId) -> FieldRef<'static> {
    FieldRef { kind: "visit-photo", id: id.0, field: "content" }
}

/// Who a party (employer, intermediary) is.
pub fn party_identity(id: PartyId) -> FieldRef<'static> {
    FieldRef { kind: "party", id: id.0, field: "identity" }
}

/// A case's story in the lawyer's words.
pub fn case_summary(id: CaseId) -> FieldRef<'static> {
    FieldRef { kind: "case", id: id.0, field: "summary" }
}

/// What a service achieved.
pub fn service_result(id: ServiceId) -> FieldRef<'static> {
    FieldRef { kind: "service", id: id.0, field: "result" }
}

/// Who went with the person for a service.
pub fn service_accompanied_by(id: ServiceId) -> FieldRef<'static> {
    FieldRef { kind: "service", id: id.0, field: "accompanied_by" }
}

/// What happened, on a case's timeline.
pub fn event_text(id: EventId) -> FieldRef<'static> {
    FieldRef { kind: "case-event", id: id.0, field: "text" }
}

/// The town or village where an event happened.
pub fn event_settlement(id: EventId) -> FieldRef<'static> {
    FieldRef { kind: "case-event", id: id.0, field: "place_settlement" }
}

/// A proceeding's notes.
pub fn proceeding_notes(id: ProceedingId) -> FieldRef<'static> {
    FieldRef { kind: "proceeding", id: id.0, field: "notes" }
}

/// A task's title.
pub fn task_title(id: TaskId) -> FieldRef<'static> {
    FieldRef { kind: "task", id: id.0, field: "title" }
}

/// A case note.
pub fn note_text(id: NoteId) -> FieldRef<'static> {
    FieldRef { kind: "case-note", id: id.0, field: "text" }
}

/// An evidence file's name.
pub fn evidence_name(id: EvidenceId) -> FieldRef<'static> {
    FieldRef { kind: "evidence", id: id.0, field: "name" }
}

/// An evidence file's content.
pub fn evidence_content(id: EvidenceId) -> FieldRef<'static> {
    FieldRef { kind: "evidence", id: id.0, field: "content" }
}

/// An account's second-factor secret.
pub fn second_factor_secret(account: AccountId) -> FieldRef<'static> {
    FieldRef { kind: "account", id: account.0, field: "totp" }
}

/// Who to call at a partner and what to know of it: its staff's names and contacts, notes.
pub fn partner_contacts(id: PartnerId) -> FieldRef<'static> {
    FieldRef { kind: "partner", id: id.0, field: "contacts" }
}

/// What a person was told when giving consent, the witness, the guardian.
pub fn consent_note(id: ConsentId) -> FieldRef<'static> {
    FieldRef { kind: "consent", id: id.0, field: "note" }
}

/// The file name of a consent's scanned signed form.
pub fn consent_scan_name(id: ConsentId) -> FieldRef<'static> {
    FieldRef { kind: "consent", id: id.0, field: "scan_name" }
}

/// The content of a consent's scanned signed form.
pub fn consent_scan_content(id: ConsentId) -> FieldRef<'static> {
    FieldRef { kind: "consent", id: id.0, field: "scan_content" }
}

/// A manager's written reason to share a person's data without their consent.
pub fn referral_override_reason(id: ReferralId) -> FieldRef<'static> {
    FieldRef { kind: "referral", id: id.0, field: "override_reason" }
}

/// The reply or note recorded with a step of a referral (every step of one referral is bound
/// to the referral: a note moved between two steps of it would still open).
pub fn referral_step_note(id: ReferralId) -> FieldRef<'static> {
    FieldRef { kind: "referral", id: id.0, field: "step_note" }
}

/// The letter a referral was sent with, as the PDF that went.
pub fn sent_letter(id: ReferralId) -> FieldRef<'static> {
    FieldRef { kind: "referral", id: id.0, field: "sent_letter" }
}

/// The reason written for breaking glass (`id`: the break-glass record).
pub fn break_glass_reason(id: Uuid) -> FieldRef<'static> {
    FieldRef { kind: "break-glass", id, field: "reason" }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names stored data was sealed under. A failure here means old values would no
    /// longer open: put the old name back rather than change this table.
    #[test]
    fn the_names_sealed_values_are_bound_to_never_change() {
        let id = Uuid::nil();
        let pinned = [
            (appeal_notes(AppealId(id)), "appeal", "notes"),
            (person_identity(PersonId(id)), "person", "identity"),
            (party_identity(PartyId(id)), "party", "identity"),
            (visit_notes(VisitId(id)), "visit", "notes"),
            (visit_task_title(TaskId(id)), "visit-task", "title"),
            (visit_photo_name(PhotoId(id)), "visit-photo", "name"),
            (visit_photo_content(PhotoId(id)), "visit-photo", "content"),
            (case_summary(CaseId(id)), "case", "summary"),
            (service_result(ServiceId(id)), "service", "result"),
            (service_accompanied_by(ServiceId(id)), "service", "accompanied_by"),
            (event_text(EventId(id)), "case-event", "text"),
            (event_settlement(EventId(id)), "case-event", "place_settlement"),
            (proceeding_notes(ProceedingId(id)), "proceeding", "notes"),
            (task_title(TaskId(id)), "task", "title"),
            (note_text(NoteId(id)), "case-note", "text"),
            (evidence_name(EvidenceId(id)), "evidence", "name"),
            (evidence_content(EvidenceId(id)), "evidence", "content"),
            (second_factor_secret(AccountId(id)), "account", "totp"),
            (break_glass_reason(id), "break-glass", "reason"),
            (partner_contacts(PartnerId(id)), "partner", "contacts"),
            (consent_note(ConsentId(id)), "consent", "note"),
            (consent_scan_name(ConsentId(id)), "consent", "scan_name"),
            (consent_scan_content(ConsentId(id)), "consent", "scan_content"),
            (referral_override_reason(ReferralId(id)), "referral", "override_reason"),
            (referral_step_note(ReferralId(id)), "referral", "step_note"),
            (sent_letter(ReferralId(id)), "referral", "sent_letter"),
        ];
        for (at, kind, field) in pinned {
            assert_eq!((at.kind, at.field), (kind, field));
        }
    }
}
