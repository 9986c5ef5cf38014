//! Which kind an uploaded file is, from its first bytes alone, and which check it gets.
//!
//! Owns the signatures, the hand-off to each kind's completeness check, and the bounds-checked
//! byte readers those checks share. Must not look at the name the file came with.

use super::images::{boxes_complete, is_heic, jpeg_complete, png_complete, riff_complete};
use super::office::office_document;
use super::pdf::pdf_complete;
use super::text::text;
use super::{EvidenceKind, EvidenceProblem};

/// How a file of a known kind fails its completeness check.
pub(super) enum Flaw {
    Truncated,
    Damaged,
}

fn judged(kind: EvidenceKind, check: Result<(), Flaw>) -> Result<EvidenceKind, EvidenceProblem> {
    check.map(|()| kind).map_err(|flaw| match flaw {
        Flaw::Truncated => EvidenceProblem::Truncated { kind: Some(kind) },
        Flaw::Damaged => EvidenceProblem::Damaged { kind: Some(kind) },
    })
}

pub(super) const JPEG_START: &[u8] = &[0xFF, 0xD8, 0xFF];
pub(super) const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const PDF_START: &[u8] = b"%PDF-";
pub(super) const ZIP_LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const RIFF_START: &[u8] = b"RIFF";

pub(super) fn recognise(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
    use EvidenceKind::*;
    if b.starts_with(JPEG_START) {
        return judged(Jpeg, jpeg_complete(b));
    }
    if b.starts_with(PNG_SIGNATURE) {
        return judged(Png, png_complete(b));
    }
    if b.starts_with(RIFF_START) {
        // RIFF also wraps AVI video and WAV sound, which we do not keep.
        return if b.get(8..12) == Some(b"WEBP") { judged(Webp, riff_complete(b)) } else { refused() };
    }
    if b.get(4..8) == Some(b"ftyp") {
        // ISO media: HEIC photos are kept; MP4 and MOV video, AVIF images are not.
        return if is_heic(b) { judged(Heic, boxes_complete(b)) } else { refused() };
    }
    if b.starts_with(PDF_START) {
        return judged(Pdf, pdf_complete(b));
    }
    if b.starts_with(ZIP_LOCAL_HEADER) {
        return office_document(b);
    }
    // The start of a signature and nothing more ("%PD", "PK") is too little to tell what the
    // file is; without this it would pass as a one-line text file.
    let signatures = [JPEG_START, PNG_SIGNATURE, PDF_START, ZIP_LOCAL_HEADER, RIFF_START];
    if signatures.iter().any(|sig| sig.len() > b.len() && sig.starts_with(b)) {
        return refused();
    }
    text(b)
}

pub(super) fn refused() -> Result<EvidenceKind, EvidenceProblem> {
    Err(EvidenceProblem::RefusedType)
}

pub(super) fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?).into())
}

pub(super) fn be32(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_be_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?).into())
}

pub(super) fn be64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

pub(super) fn le16(b: &[u8], at: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?).into())
}

pub(super) fn le32(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?).into())
}

pub(super) fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
