//! Office documents (DOCX, XLSX, ODT, ODS) are ZIP files: whether one arrived whole, and which
//! of them it is, from its entries' names.
//!
//! Must not decompress anything: the names and the stored `mimetype` entry are enough. Every
//! other ZIP file (archives, presentations, documents carrying macros) is refused, and so is
//! a ZIP bomb, told by its directory alone (see [`unpacks_safely`]): whoever opens the file
//! later must not be flooded by it.

use super::recognise::{ZIP_LOCAL_HEADER, le16, le32, le64, refused};
use super::{EvidenceKind, EvidenceProblem};

/// What the entries of a ZIP file say it is.
enum ZipGuess {
    Kind(EvidenceKind),
    Refused,
    Unknown,
}

const ZIP_END: &[u8] = b"PK\x05\x06";
const ZIP_CENTRAL_HEADER: &[u8] = b"PK\x01\x02";
const ZIP64_END: &[u8] = b"PK\x06\x06";
const ZIP64_END_LOCATOR: &[u8] = b"PK\x06\x07";
/// The end-of-central-directory record: 22 bytes and a comment of up to 65,535.
const ZIP_END_MIN: usize = 22;
const ZIP_END_MAX: usize = ZIP_END_MIN + 65_535;

/// DOCX, XLSX, ODT and ODS are ZIP files. Complete means the end-of-central-directory record
/// (PK 05 06) closes the file, since ZIP writers put it last, and the central directory it points
/// to is where it says. The kind is then read from the entry names: OOXML packages have
/// `[Content_Types].xml` and a `word/` or `xl/` part; OpenDocument files begin with a stored
/// `mimetype` entry naming their type. Other ZIP files (plain archives, PowerPoint, documents
/// carrying macros) are refused.
pub(super) fn office_document(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
    let Some(end) = find_zip_end(b) else {
        // The record is written last; without it the upload stopped early. What arrived of
        // the entries may still tell what the document is.
        return match guess_from_local_headers(b) {
            ZipGuess::Kind(kind) => Err(EvidenceProblem::Truncated { kind: Some(kind) }),
            ZipGuess::Refused => refused(),
            ZipGuess::Unknown => Err(EvidenceProblem::Truncated { kind: None }),
        };
    };
    let Some(entries) = central_directory(b, end) else {
        let kind = match guess_from_local_headers(b) {
            ZipGuess::Kind(kind) => Some(kind),
            ZipGuess::Refused => return refused(),
            ZipGuess::Unknown => None,
        };
        return Err(EvidenceProblem::Damaged { kind });
    };
    if !unpacks_safely(b, &entries) {
        return refused();
    }
    let mimetype = entries.iter().find(|e| e.name == b"mimetype").and_then(|e| stored_content(b, e));
    if let Some(mimetype) = mimetype {
        return match opendocument_kind(mimetype) {
            ZipGuess::Kind(kind) => Ok(kind),
            _ => refused(),
        };
    }
    // Every OOXML package declares its parts' types in this entry.
    if !entries.iter().any(|e| e.name.eq_ignore_ascii_case(b"[Content_Types].xml")) {
        return refused();
    }
    match ooxml_kind(entries.iter().map(|e| e.name)) {
        ZipGuess::Kind(kind) => Ok(kind),
        _ => refused(),
    }
}

/// The end record's position, when one closes the file exactly (its comment running to the end).
fn find_zip_end(b: &[u8]) -> Option<usize> {
    let from = b.len().saturating_sub(ZIP_END_MAX);
    let last = b.len().checked_sub(ZIP_END_MIN)?;
    (from..=last).rev().find(|&at| {
        b[at..].starts_with(ZIP_END)
            && le16(b, at + 20).is_some_and(|comment| at + ZIP_END_MIN + comment as usize == b.len())
    })
}

struct ZipEntry<'a> {
    name: &'a [u8],
    method: u64,
    compressed_size: u64,
    /// As the directory declares it: 0xFFFF_FFFF when it is 4 GiB or more (Zip64).
    uncompressed_size: u64,
    local_offset: u64,
}

/// Most bytes an accepted office document may declare its entries unpack to. A 10 MB
/// spreadsheet of repetitive cells unpacks to a few hundred megabytes at most.
const MAX_UNPACKED_BYTES: u64 = 1 << 30;

/// Whether the entries, as the directory declares them, are a document and not a ZIP bomb:
/// each entry's data lies after its local header and before the next entry (a bomb makes
/// many entries share one block of compressed data), and together they unpack to at most
/// [`MAX_UNPACKED_BYTES`] (a bomb compresses gigabytes of one repeated byte).
fn unpacks_safely(b: &[u8], entries: &[ZipEntry<'_>]) -> bool {
    let unpacked = entries.iter().try_fold(0u64, |sum, e| sum.checked_add(e.uncompressed_size));
    if unpacked.is_none_or(|total| total > MAX_UNPACKED_BYTES) {
        return false;
    }
    let mut spans = Vec::with_capacity(entries.len());
    for e in entries {
        let Ok(at) = usize::try_from(e.local_offset) else { return false };
        if !b.get(at..).is_some_and(|rest| rest.starts_with(ZIP_LOCAL_HEADER)) {
            return false;
        }
        let header = le16(b, at + 26).zip(le16(b, at + 28)).map(|(name, extra)| 30 + name + extra);
        let end = header.and_then(|header| e.compressed_size.checked_add(header)?.checked_add(e.local_offset));
        let Some(end) = end else { return false };
        spans.push((e.local_offset, end));
    }
    spans.sort_unstable();
    spans.windows(2).all(|pair| pair[0].1 <= pair[1].0)
}

/// The central directory's entries, or `None` when it is not where the end record says.
fn central_directory(b: &[u8], end: usize) -> Option<Vec<ZipEntry<'_>>> {
    let (mut count, mut size, mut offset) = (le16(b, end + 10)?, le32(b, end + 12)?, le32(b, end + 16)?);
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        // Zip64: the real values are in a larger record, found through a locator just before.
        let locator = end.checked_sub(20)?;
        if !b[locator..].starts_with(ZIP64_END_LOCATOR) {
            return None;
        }
        let record = usize::try_from(le64(b, locator + 8)?).ok()?;
        if !b.get(record..)?.starts_with(ZIP64_END) {
            return None;
        }
        (count, size, offset) = (le64(b, record + 32)?, le64(b, record + 40)?, le64(b, record + 48)?);
    }
    let start = usize::try_from(offset).ok()?;
    let stop = start.checked_add(usize::try_from(size).ok()?)?;
    if stop > end {
        return None;
    }
    let directory = &b[start..stop];
    let mut entries = Vec::new();
    let mut i = 0;
    for _ in 0..count {
        if !directory.get(i..)?.starts_with(ZIP_CENTRAL_HEADER) {
            return None;
        }
        let name_len = le16(directory, i + 28)? as usize;
        let extra_len = le16(directory, i + 30)? as usize;
        let comment_len = le16(directory, i + 32)? as usize;
        entries.push(ZipEntry {
            name: directory.get(i + 46..i + 46 + name_len)?,
            method: le16(directory, i + 10)?,
            compressed_size: le32(directory, i + 20)?,
            uncompressed_size: le32(directory, i + 24)?,
            local_offset: le32(directory, i + 42)?,
        });
        i += 46 + name_len + extra_len + comment_len;
    }
    (i <= directory.len()).then_some(entries)
}

/// The content of an entry stored without compression, as ODF requires of `mimetype`.
fn stored_content<'a>(b: &'a [u8], entry: &ZipEntry<'_>) -> Option<&'a [u8]> {
    if entry.method != 0 {
        return None;
    }
    let at = usize::try_from(entry.local_offset).ok()?;
    if !b.get(at..)?.starts_with(ZIP_LOCAL_HEADER) {
        return None;
    }
    let data = at + 30 + le16(b, at + 26)? as usize + le16(b, at + 28)? as usize;
    b.get(data..data.checked_add(usize::try_from(entry.compressed_size).ok()?)?)
}

fn opendocument_kind(mimetype: &[u8]) -> ZipGuess {
    match mimetype {
        b"application/vnd.oasis.opendocument.text" => ZipGuess::Kind(EvidenceKind::Odt),
        b"application/vnd.oasis.opendocument.spreadsheet" => ZipGuess::Kind(EvidenceKind::Ods),
        _ => ZipGuess::Refused,
    }
}

/// The kind of an OOXML package from its part names. Macros (`vbaProject.bin`, in .docm and
/// .xlsm files) and presentations are refused.
fn ooxml_kind<'a>(names: impl Iterator<Item = &'a [u8]>) -> ZipGuess {
    let (mut word, mut excel, mut refused) = (false, false, false);
    for name in names {
        let lower = name.to_ascii_lowercase();
        word |= lower.starts_with(b"word/");
        excel |= lower.starts_with(b"xl/");
        refused |= lower.ends_with(b"vbaproject.bin") || lower.starts_with(b"ppt/");
    }
    if refused {
        ZipGuess::Refused
    } else if word {
        ZipGuess::Kind(EvidenceKind::Docx)
    } else if excel {
        ZipGuess::Kind(EvidenceKind::Xlsx)
    } else {
        ZipGuess::Unknown
    }
}

/// For a ZIP file cut before its directory: the kind named by the entries that did arrive (each
/// begins with a local header carrying its name), or `Unknown`.
fn guess_from_local_headers(b: &[u8]) -> ZipGuess {
    // An OpenDocument file's first entry is its stored `mimetype`.
    if local_name(b, 0) == Some(b"mimetype") {
        let data = 30 + 8 + le16(b, 28).unwrap_or_default() as usize;
        let size = le32(b, 18).unwrap_or_default() as usize;
        return match b.get(data..data.saturating_add(size)) {
            Some(mimetype) if size > 0 => opendocument_kind(mimetype),
            _ => ZipGuess::Unknown,
        };
    }
    let headers = b.windows(ZIP_LOCAL_HEADER.len()).enumerate().filter(|(_, w)| *w == ZIP_LOCAL_HEADER);
    ooxml_kind(headers.filter_map(|(at, _)| local_name(b, at)))
}

/// The entry name in the local header at `at`.
fn local_name(b: &[u8], at: usize) -> Option<&[u8]> {
    let len = le16(b, at + 26)? as usize;
    b.get(at + 30..at + 30 + len)
}
