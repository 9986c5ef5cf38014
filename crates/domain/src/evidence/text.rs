//! Plain text: whether an upload is UTF-8 text rather than markup or binary data, and whether it
//! was cut inside a character.
//!
//! Must not guess other encodings: text in the old Windows Cyrillic code page is refused.

use super::recognise::refused;
use super::{EvidenceKind, EvidenceProblem};

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Plain text: valid UTF-8 (a byte-order mark allowed) without control characters other than
/// tab, line ends and form feed, and not markup. An upload cut inside a multi-byte character
/// (Cyrillic takes two bytes) leaves an incomplete last character and is reported as such.
/// Text in the old Windows Cyrillic code page is refused: it cannot be told from binary data.
pub(super) fn text(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
    let body = b.strip_prefix(UTF8_BOM).unwrap_or(b);
    let (valid, cut) = match std::str::from_utf8(body) {
        Ok(s) => (s, false),
        // The only fault is an incomplete last character.
        Err(e) if e.error_len().is_none() => (std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default(), true),
        Err(_) => return refused(),
    };
    if !is_plain_text(valid) {
        return refused();
    }
    if cut {
        return Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Text) });
    }
    if valid.trim().is_empty() {
        return Err(EvidenceProblem::Empty);
    }
    Ok(EvidenceKind::Text)
}

fn is_plain_text(s: &str) -> bool {
    if s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) {
        return false;
    }
    // Markup: HTML, SVG and XML start with "<" (browsers sniff the same way), and a tag a browser
    // would act on anywhere near the start is refused too. A "<" later in ordinary text
    // (WhatsApp writes "<Media omitted>") is fine.
    if s.trim_start().starts_with('<') {
        return false;
    }
    let head: String = s.chars().take(1024).collect::<String>().to_lowercase();
    let tags = ["<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml", "<!doctype"];
    // RTF is a document format that can embed objects, not plain text.
    !tags.iter().any(|tag| head.contains(tag)) && !s.starts_with("{\\rtf")
}
