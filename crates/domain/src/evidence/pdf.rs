//! Whether a PDF arrived whole: its end marker near its end and, for a linearized PDF, the
//! length its first object states.
//!
//! Must not read the document's objects beyond that.

use super::recognise::{Flaw, find};

/// PDF: a complete file ends with `%%EOF` (a line end or a little padding may follow), so it
/// must be within the last 1024 bytes, the tolerance PDF readers allow. A linearized ("fast web
/// view") PDF has an earlier `%%EOF` after its first page, so a cut just after it would pass;
/// its first object states the whole file's length, which must have arrived.
pub(super) fn pdf_complete(b: &[u8]) -> Result<(), Flaw> {
    let tail = &b[b.len().saturating_sub(1024)..];
    if find(tail, b"%%EOF").is_none() {
        return Err(Flaw::Truncated);
    }
    match linearized_length(b) {
        Some(length) if length > b.len() as u64 => Err(Flaw::Truncated),
        _ => Ok(()),
    }
}

/// The `/L` entry of a linearization dictionary at the start of a PDF: the file's length.
pub(super) fn linearized_length(b: &[u8]) -> Option<u64> {
    let head = &b[..b.len().min(1024)];
    let dict = &head[find(head, b"/Linearized")? + b"/Linearized".len()..];
    let dict = &dict[..find(dict, b">>").unwrap_or(dict.len())];
    let mut from = 0;
    while let Some(at) = find(&dict[from..], b"/L") {
        let after = &dict[from + at + 2..];
        from += at + 2;
        // "/L 12345": a key that merely starts with L goes on without a space.
        let digits = after.iter().position(|c| !c.is_ascii_whitespace()).filter(|&p| p > 0).map(|p| &after[p..]);
        let Some(digits) = digits else { continue };
        let len = digits.iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=15).contains(&len) {
            return std::str::from_utf8(&digits[..len]).ok()?.parse().ok();
        }
    }
    None
}
