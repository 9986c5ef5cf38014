//! Evidence files: which uploaded files a case keeps, what they are, and whether they arrived whole.
//!
//! Lawyers attach photos of housing and of documents taken on cheap Android phones and iPhones,
//! scans, PDFs and office documents, often over a weak connection. The kind of a file is decided
//! here from its content alone; the check that it arrived whole is made per kind, because an
//! upload cut short is otherwise stored, encrypted, as a file nobody can open. This module also
//! cleans the name a file is shown and downloaded under.
//!
//! Must not trust the file name or the type the browser declares, decode images, or do I/O: it
//! looks at bytes already in memory, before they are encrypted and stored.
//!
//! One rule runs through the checks: a file is whole when its format's own structure reaches its
//! end. What a phone appends after the end of an image (zero padding, Samsung's metadata trailer,
//! a motion photo's video, an HDR gain map) is not part of the image and is not judged.

use std::fmt;

/// Largest file kept: 10 MiB. A full-resolution photo from a cheap Android phone is 2-6 MB and
/// a scanned contract of a dozen pages fits too; a bigger upload over a weak connection is more
/// likely to be cut, and the whole file is held in memory while it is checked and encrypted.
/// Anything larger is split, or photographed again at a lower resolution.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// Longest display name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The kinds of file a case keeps: what lawyers actually receive. Legacy binary Word and Excel
/// files (.doc, .xls), RTF, archives, executables, HTML and SVG are refused: the first can carry
/// macros we cannot see and cannot be checked for completeness cheaply, the rest can carry
/// script or hide anything. Word and Excel save old documents as DOCX, XLSX or PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// Photos from phones and most scanners.
    Jpeg,
    /// Screenshots: of chats, money transfers, job adverts.
    Png,
    /// Images saved from messengers and web pages.
    Webp,
    /// Photos from iPhones and some Android phones (HEIF with HEVC images).
    Heic,
    /// Scans, contracts, court papers, official letters.
    Pdf,
    /// Word documents: contracts, complaints, statements.
    Docx,
    /// Excel workbooks: pay sheets, tables of hours worked.
    Xlsx,
    /// OpenDocument text (LibreOffice Writer).
    Odt,
    /// OpenDocument spreadsheets (LibreOffice Calc).
    Ods,
    /// Plain UTF-8 text: exported messenger chats (WhatsApp exports a .txt), notes, CSV.
    Text,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 10] = [
        Self::Jpeg,
        Self::Png,
        Self::Webp,
        Self::Heic,
        Self::Pdf,
        Self::Docx,
        Self::Xlsx,
        Self::Odt,
        Self::Ods,
        Self::Text,
    ];

    /// Stable code stored with the file; never renamed.
    pub fn code(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Heic => "heic",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Odt => "odt",
            Self::Ods => "ods",
            Self::Text => "text",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The media type the file is served back with.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Heic => "image/heic",
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            // Only UTF-8 is accepted, so the charset is known.
            Self::Text => "text/plain; charset=utf-8",
        }
    }

    /// File name extensions of this kind, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Jpeg => &["jpg", "jpeg"],
            Self::Png => &["png"],
            Self::Webp => &["webp"],
            Self::Heic => &["heic", "heif"],
            Self::Pdf => &["pdf"],
            Self::Docx => &["docx"],
            Self::Xlsx => &["xlsx"],
            Self::Odt => &["odt"],
            Self::Ods => &["ods"],
            Self::Text => &["txt", "csv"],
        }
    }

    /// English name, for messages and logs; screens translate by `code()`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Jpeg => "JPEG image",
            Self::Png => "PNG image",
            Self::Webp => "WebP image",
            Self::Heic => "HEIC photo",
            Self::Pdf => "PDF document",
            Self::Docx => "Word document",
            Self::Xlsx => "Excel workbook",
            Self::Odt => "OpenDocument text",
            Self::Ods => "OpenDocument spreadsheet",
            Self::Text => "text file",
        }
    }

    /// The name to download a file of this kind under: its cleaned name, with this kind's
    /// extension added when the name lacks one ("IMG_1234" becomes "IMG_1234.jpg"), so that the
    /// computer opening it picks the program by what the file is, not by what it was called.
    pub fn download_name(self, name: &str) -> String {
        let has_own =
            name.rsplit_once('.').is_some_and(|(_, ext)| self.extensions().iter().any(|e| e.eq_ignore_ascii_case(ext)));
        if has_own { name.to_owned() } else { format!("{name}.{}", self.extensions()[0]) }
    }
}

impl fmt::Display for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why an uploaded file was refused. The web layer translates by `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceProblem {
    /// No bytes at all, or a text of nothing but blank space.
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({} MB); at most {} MB is accepted", megabytes(*size), megabytes(*max_bytes))]
    TooLarge { max_bytes: usize, size: usize },
    #[error(
        "this kind of file is not accepted: send a photo (JPEG, PNG, WebP, HEIC), a PDF, a Word or Excel \
         document (DOCX, XLSX), an OpenDocument text or spreadsheet (ODT, ODS), or plain text"
    )]
    RefusedType,
    /// The upload stopped before the end of the file. `kind` is `None` when too little of an
    /// office document arrived to tell which one it is.
    #[error("the {} arrived incomplete, probably because the connection was cut: send it again", what(*kind))]
    Truncated { kind: Option<EvidenceKind> },
    /// The file looks like a kept kind but its structure does not add up. `kind` is `None` for
    /// a ZIP file too damaged to tell which office document it is.
    #[error("the {} is damaged and cannot be read", what(*kind))]
    Damaged { kind: Option<EvidenceKind> },
}

impl EvidenceProblem {
    /// Stable code the web layer translates (`evidence-problem-{code}`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::TooLarge { .. } => "too-large",
            Self::RefusedType => "refused-type",
            Self::Truncated { .. } => "truncated",
            Self::Damaged { .. } => "damaged",
        }
    }
}

fn what(kind: Option<EvidenceKind>) -> &'static str {
    kind.map_or("file", EvidenceKind::label)
}

/// Megabytes (MiB) with one decimal, rounded up so that a file just over the limit never reads
/// as exactly the limit.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) { format!("{}", tenths / 10) } else { format!("{}.{}", tenths / 10, tenths % 10) }
}

/// A file that passed: what it is, the name to show, and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedFile {
    pub kind: EvidenceKind,
    /// The uploaded name, cleaned (see `clean_file_name`).
    pub name: String,
    pub size: usize,
}

/// Decides whether an uploaded file is kept. The kind comes from the content only: a photo named
/// "IMG_1234" is a JPEG, a program named "passport.jpg" is refused.
pub fn inspect(file_name: &str, bytes: &[u8]) -> Result<AcceptedFile, EvidenceProblem> {
    if bytes.is_empty() {
        return Err(EvidenceProblem::Empty);
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(EvidenceProblem::TooLarge { max_bytes: MAX_EVIDENCE_BYTES, size: bytes.len() });
    }
    let kind = recognise(bytes)?;
    Ok(AcceptedFile { kind, name: clean_file_name(file_name), size: bytes.len() })
}

/// Cleans an uploaded file's name for display and for a Content-Disposition header: keeps the
/// last path component (browsers on Windows send `C:\fakepath\x.jpg`), drops control
/// characters, invisible direction and width marks (a right-to-left override makes
/// "photo\u{202E}gpj.exe" look like "photoexe.jpg"), and `"`; trims; caps at `MAX_NAME_CHARS`
/// characters, keeping a short extension. An empty result becomes "file".
pub fn clean_file_name(name: &str) -> String {
    // A name that ends in a separator ("scans\") still names its last real component.
    let cleaned = name.rsplit(['/', '\\']).map(clean_component).find(|part| !part.is_empty());
    cleaned.map_or_else(|| "file".to_owned(), |part| cap_name(&part))
}

fn clean_component(part: &str) -> String {
    let kept: String = part.chars().filter(|&c| !is_dropped_from_name(c)).collect();
    let kept = kept.trim();
    // "." and ".." name no file.
    if kept.chars().all(|c| c == '.') { String::new() } else { kept.to_owned() }
}

fn is_dropped_from_name(c: char) -> bool {
    c.is_control()
        || c == '"'
        || matches!(c,
            // Zero-width characters and left-to-right/right-to-left marks.
            '\u{200B}'..='\u{200F}'
            // Line and paragraph separators, bidirectional embeddings and overrides.
            | '\u{2028}'..='\u{202E}'
            // Word joiner, invisible operators, bidirectional isolates.
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

fn cap_name(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    // A long name keeps its extension, so that it still says what it is.
    if let Some((stem, ext)) = name.rsplit_once('.') {
        let ext_chars = ext.chars().count();
        if (1..=10).contains(&ext_chars) && !stem.is_empty() && !ext.contains(char::is_whitespace) {
            let stem: String = stem.chars().take(MAX_NAME_CHARS - 1 - ext_chars).collect();
            return format!("{}.{ext}", stem.trim_end());
        }
    }
    name.chars().take(MAX_NAME_CHARS).collect::<String>().trim_end().to_owned()
}

/// How a file of a known kind fails its completeness check.
enum Flaw {
    Truncated,
    Damaged,
}

fn judged(kind: EvidenceKind, check: Result<(), Flaw>) -> Result<EvidenceKind, EvidenceProblem> {
    check.map(|()| kind).map_err(|flaw| match flaw {
        Flaw::Truncated => EvidenceProblem::Truncated { kind: Some(kind) },
        Flaw::Damaged => EvidenceProblem::Damaged { kind: Some(kind) },
    })
}

const JPEG_START: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const PDF_START: &[u8] = b"%PDF-";
const ZIP_LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const RIFF_START: &[u8] = b"RIFF";

fn recognise(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
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

fn refused() -> Result<EvidenceKind, EvidenceProblem> {
    Err(EvidenceProblem::RefusedType)
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?).into())
}

fn be32(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_be_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?).into())
}

fn be64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?).into())
}

fn le32(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?).into())
}

fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// JPEG: walks the segments from the start-of-image marker to the end-of-image marker (FF D9)
/// that closes the image data. Walking, rather than looking for FF D9 at the very end, skips the
/// thumbnail inside the Exif segment (it has its own FF D9) and leaves alone what phones append
/// after the image. A cut anywhere before the closing marker is caught.
fn jpeg_complete(b: &[u8]) -> Result<(), Flaw> {
    let mut i = 2;
    let mut scanned = false;
    loop {
        // Decoders skip stray bytes before a marker, and so do we. Inside the image data every
        // FF is followed by 00 (an escaped FF) or a restart marker, which carry no length.
        let ff = b.get(i..).and_then(|rest| rest.iter().position(|&x| x == 0xFF)).ok_or(Flaw::Truncated)?;
        i += ff;
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let marker = *b.get(i).ok_or(Flaw::Truncated)?;
        i += 1;
        match marker {
            // An image that ends before any image data has nothing to show.
            0xD9 => return if scanned { Ok(()) } else { Err(Flaw::Damaged) },
            0x00 | 0x01 | 0xD0..=0xD8 => {}
            _ => {
                let len = be16(b, i).ok_or(Flaw::Truncated)?;
                if len < 2 {
                    return Err(Flaw::Damaged);
                }
                i += len;
                if i > b.len() {
                    return Err(Flaw::Truncated);
                }
                scanned |= marker == 0xDA;
            }
        }
    }
}

/// PNG: walks the chunks (length, type, data, checksum) from the signature to a complete IEND
/// chunk. A chunk running past the end of what arrived means the upload was cut.
fn png_complete(b: &[u8]) -> Result<(), Flaw> {
    let mut i = PNG_SIGNATURE.len();
    loop {
        let len = be32(b, i).ok_or(Flaw::Truncated)?;
        // The format caps a chunk at 2^31 - 1 bytes.
        if len > 0x7FFF_FFFF {
            return Err(Flaw::Damaged);
        }
        let chunk_type = b.get(i + 4..i + 8).ok_or(Flaw::Truncated)?;
        let end = i + 12 + len as usize;
        if end > b.len() {
            return Err(Flaw::Truncated);
        }
        if chunk_type == b"IEND" {
            return Ok(());
        }
        i = end;
    }
}

/// WebP: the RIFF header states the file's length; less than that arrived means a cut. Bytes past
/// that length are outside the image, as after a JPEG.
fn riff_complete(b: &[u8]) -> Result<(), Flaw> {
    let declared = le32(b, 4).ok_or(Flaw::Truncated)? + 8;
    if declared < 12 {
        Err(Flaw::Damaged)
    } else if declared > b.len() as u64 {
        Err(Flaw::Truncated)
    } else {
        Ok(())
    }
}

/// Whether an ISO media file (`ftyp` box first) is a HEIC photo: a HEIC brand among its brands,
/// or the general HEIF image brand `mif1` without the AVIF ones (AVIF uses `mif1` too).
fn is_heic(b: &[u8]) -> bool {
    let ftyp_end = be32(b, 0).map_or(b.len(), |len| usize::try_from(len).unwrap_or(usize::MAX).min(b.len()));
    let major = b.get(8..12);
    let compatible = b.get(16..ftyp_end).unwrap_or_default().chunks_exact(4);
    let brands: Vec<&[u8]> = major.into_iter().chain(compatible).collect();
    let has = |names: &[&[u8]]| brands.iter().any(|brand| names.contains(brand));
    has(&[b"heic", b"heix", b"heim", b"heis"]) || (has(&[b"mif1"]) && !has(&[b"avif", b"avis"]))
}

/// HEIC: the top-level boxes (size, type, content) must add up exactly to what arrived; a box
/// running past it, or a few bytes too few for another box, means a cut. A box of size 0 runs
/// to the end of the file by definition, which also covers zero padding. A cut that falls exactly
/// between two boxes still adds up, so the photo's description (`meta`) and its pixels (`mdat`)
/// must both be there: phones write `ftyp`, `meta`, `mdat` in that order, so a cut between boxes
/// leaves one of them missing.
fn boxes_complete(b: &[u8]) -> Result<(), Flaw> {
    let (mut meta, mut mdat) = (false, false);
    let mut i = 0;
    while i < b.len() {
        let rest = (b.len() - i) as u64;
        if rest < 8 {
            return Err(Flaw::Truncated);
        }
        let (size, header) = match be32(b, i).ok_or(Flaw::Truncated)? {
            // Runs to the end of the file.
            0 => (rest, 8),
            // The size follows the type, as 64 bits.
            1 => (be64(b, i + 8).ok_or(Flaw::Truncated)?, 16),
            size => (size, 8),
        };
        if size < header {
            return Err(Flaw::Damaged);
        }
        if size > rest {
            return Err(Flaw::Truncated);
        }
        meta |= &b[i + 4..i + 8] == b"meta";
        mdat |= &b[i + 4..i + 8] == b"mdat";
        i += size as usize;
    }
    if meta && mdat { Ok(()) } else { Err(Flaw::Truncated) }
}

/// PDF: a complete file ends with `%%EOF` (a line end or a little padding may follow), so it
/// must be within the last 1024 bytes, the tolerance PDF readers allow. A linearized ("fast web
/// view") PDF has an earlier `%%EOF` after its first page, so a cut just after it would pass;
/// its first object states the whole file's length, which must have arrived.
fn pdf_complete(b: &[u8]) -> Result<(), Flaw> {
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
fn linearized_length(b: &[u8]) -> Option<u64> {
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
fn office_document(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
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
    local_offset: u64,
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

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Plain text: valid UTF-8 (a byte-order mark allowed) without control characters other than
/// tab, line ends and form feed, and not markup. An upload cut inside a multi-byte character
/// (Cyrillic takes two bytes) leaves an incomplete last character and is reported as such.
/// Text in the old Windows Cyrillic code page is refused: it cannot be told from binary data.
fn text(b: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Fixtures: the smallest files of each kind whose structure is real, built byte by byte.

    /// A JPEG with an Exif segment carrying a thumbnail (with its own end marker), tables, a
    /// frame, a scan whose data has an escaped FF and a restart marker, and the end marker.
    fn jpeg_with(data: &[u8]) -> Vec<u8> {
        let mut f = vec![0xFF, 0xD8];
        segment(&mut f, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend([0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0xD9]);
        segment(&mut f, 0xE1, &exif);
        segment(&mut f, 0xDB, &[0u8; 65]);
        segment(&mut f, 0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        segment(&mut f, 0xC4, &[0; 17]);
        segment(&mut f, 0xDA, &[1, 1, 0, 0, 63, 0]);
        f.extend([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78]);
        for &byte in data {
            f.push(byte);
            if byte == 0xFF {
                f.push(0x00);
            }
        }
        f.extend([0xFF, 0xD9]);
        f
    }

    fn segment(f: &mut Vec<u8>, marker: u8, content: &[u8]) {
        f.extend([0xFF, marker]);
        f.extend(((content.len() + 2) as u16).to_be_bytes());
        f.extend(content);
    }

    fn png_with(data: &[u8]) -> Vec<u8> {
        let mut f = PNG_SIGNATURE.to_vec();
        chunk(&mut f, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        chunk(&mut f, b"IDAT", data);
        chunk(&mut f, b"IEND", &[]);
        f
    }

    fn chunk(f: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        f.extend((data.len() as u32).to_be_bytes());
        f.extend(kind);
        f.extend(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend(data);
        f.extend(crc32(&crc_input).to_be_bytes());
    }

    fn webp_with(data: &[u8]) -> Vec<u8> {
        let mut body = b"WEBPVP8L".to_vec();
        body.extend((data.len() as u32 + 5).to_le_bytes());
        body.extend([0x2F, 0, 0, 0, 0]);
        body.extend(data);
        if body.len() % 2 == 1 {
            body.push(0);
        }
        let mut f = b"RIFF".to_vec();
        f.extend((body.len() as u32).to_le_bytes());
        f.extend(body);
        f
    }

    fn heic_with(data: &[u8]) -> Vec<u8> {
        let mut f = Vec::new();
        iso_box(&mut f, b"ftyp", b"heic\0\0\0\0mif1heic");
        iso_box(&mut f, b"meta", &[0; 12]);
        iso_box(&mut f, b"mdat", data);
        f
    }

    fn iso_box(f: &mut Vec<u8>, kind: &[u8; 4], content: &[u8]) {
        f.extend((content.len() as u32 + 8).to_be_bytes());
        f.extend(kind);
        f.extend(content);
    }

    /// A PDF ending right at its end marker; the stream content has no "%" so that it cannot
    /// hold one.
    fn pdf_with(data: &[u8]) -> Vec<u8> {
        let mut f = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length ".to_vec();
        f.extend(format!("{} >>\nstream\n", data.len()).as_bytes());
        f.extend(data.iter().map(|&c| if c == b'%' { b'#' } else { c }));
        f.extend(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n15\n%%EOF");
        f
    }

    /// A ZIP writer: entries stored uncompressed, as a minimal office file needs.
    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let (mut f, mut directory) = (Vec::new(), Vec::new());
        for (name, data) in entries {
            let offset = f.len() as u32;
            let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
            f.extend(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0");
            f.extend(crc.to_le_bytes());
            f.extend(size.to_le_bytes());
            f.extend(size.to_le_bytes());
            f.extend(name_len.to_le_bytes());
            f.extend(0u16.to_le_bytes());
            f.extend(name.as_bytes());
            f.extend(*data);
            directory.extend(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0");
            directory.extend(crc.to_le_bytes());
            directory.extend(size.to_le_bytes());
            directory.extend(size.to_le_bytes());
            directory.extend(name_len.to_le_bytes());
            directory.extend([0; 12]);
            directory.extend(offset.to_le_bytes());
            directory.extend(name.as_bytes());
        }
        let (offset, count) = (f.len() as u32, entries.len() as u16);
        f.extend(&directory);
        f.extend(b"PK\x05\x06\0\0\0\0");
        f.extend(count.to_le_bytes());
        f.extend(count.to_le_bytes());
        f.extend((directory.len() as u32).to_le_bytes());
        f.extend(offset.to_le_bytes());
        f.extend(0u16.to_le_bytes());
        f
    }

    const CONTENT_TYPES: (&str, &[u8]) = ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>");

    /// A DOCX; the document's text has no "P" so that it cannot hold a ZIP signature.
    fn docx_with(text: &[u8]) -> Vec<u8> {
        let text: Vec<u8> = text.iter().map(|&c| if c == b'P' { b'p' } else { c }).collect();
        zip(&[CONTENT_TYPES, ("_rels/.rels", b"<Relationships/>"), ("word/document.xml", &text)])
    }

    fn xlsx() -> Vec<u8> {
        zip(&[CONTENT_TYPES, ("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", b"<worksheet/>")])
    }

    fn opendocument(mimetype: &str) -> Vec<u8> {
        zip(&[("mimetype", mimetype.as_bytes()), ("content.xml", b"<office:document-content/>")])
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn kind_of(bytes: &[u8]) -> Result<EvidenceKind, EvidenceProblem> {
        inspect("upload", bytes).map(|f| f.kind)
    }

    /// Every kept kind with a fixture; text is left out, as any prefix of a text is a text.
    fn fixtures() -> Vec<(EvidenceKind, Vec<u8>)> {
        use EvidenceKind::*;
        vec![
            (Jpeg, jpeg_with(b"\x01\x02")),
            (Png, png_with(b"\x78\x9C\x63\x00\x00\x00\x01\x00\x01")),
            (Webp, webp_with(b"\x00\x01\x02")),
            (Heic, heic_with(b"\x00\x01\x02\x03")),
            (Pdf, pdf_with(b"BT /F1 12 Tf (Dogovor) Tj ET")),
            (Docx, docx_with(b"<w:document>dogovor</w:document>")),
            (Xlsx, xlsx()),
            (Odt, opendocument("application/vnd.oasis.opendocument.text")),
            (Ods, opendocument("application/vnd.oasis.opendocument.spreadsheet")),
        ]
    }

    #[test]
    fn every_fixture_is_accepted_as_its_kind() {
        for (kind, bytes) in fixtures() {
            assert_eq!(kind_of(&bytes), Ok(kind), "{kind:?}");
        }
        assert_eq!(kind_of("Договор, подписан 12.03.2024\r\n".as_bytes()), Ok(EvidenceKind::Text));
    }

    #[test]
    fn the_kind_comes_from_the_content_not_the_name() {
        let photo = inspect("IMG_1234", &jpeg_with(b"")).unwrap();
        assert_eq!(
            (photo.kind, photo.name.as_str(), photo.size),
            (EvidenceKind::Jpeg, "IMG_1234", jpeg_with(b"").len())
        );
        assert_eq!(inspect("scan.pdf", &png_with(b"")).unwrap().kind, EvidenceKind::Png);
        let program = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0This program cannot be run in DOS mode";
        assert_eq!(inspect("passport.jpg", program), Err(EvidenceProblem::RefusedType));
    }

    #[test]
    fn every_cut_of_every_fixture_is_refused() {
        for (kind, bytes) in fixtures() {
            for len in 0..bytes.len() {
                let result = kind_of(&bytes[..len]);
                match result {
                    Err(EvidenceProblem::Truncated { kind: found }) => {
                        assert!(found == Some(kind) || found.is_none(), "{kind:?} cut at {len}: {found:?}")
                    }
                    Err(EvidenceProblem::Empty | EvidenceProblem::RefusedType) => {
                        assert!(len < 16, "{kind:?} cut at {len}: {result:?}")
                    }
                    _ => panic!("{kind:?} cut at {len}: {result:?}"),
                }
            }
        }
    }

    #[test]
    fn a_jpeg_cut_right_after_its_thumbnail_is_truncated() {
        let photo = jpeg_with(b"");
        let thumbnail_end = photo.windows(2).position(|w| w == [0xFF, 0xD9]).unwrap() + 2;
        assert!(thumbnail_end < photo.len() - 2);
        let cut = kind_of(&photo[..thumbnail_end]);
        assert_eq!(cut, Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Jpeg) }));
    }

    #[test]
    fn what_phones_append_after_a_jpeg_is_accepted() {
        let mut padded = jpeg_with(b"\xFF\xD9");
        padded.extend([0; 300]);
        assert_eq!(kind_of(&padded), Ok(EvidenceKind::Jpeg));
        // Samsung's trailer: its own data, a directory, a length and "SEFT".
        let mut samsung = jpeg_with(b"");
        samsung.extend(b"\0\0\x01\x0aImage_UTC_Data1700000000000SEFH\x6b\0\0\0SEFT");
        assert_eq!(kind_of(&samsung), Ok(EvidenceKind::Jpeg));
        let mut two_images = jpeg_with(b"");
        two_images.extend(jpeg_with(b"gain map"));
        assert_eq!(kind_of(&two_images), Ok(EvidenceKind::Jpeg));
    }

    #[test]
    fn a_jpeg_without_image_data_is_damaged() {
        let mut f = vec![0xFF, 0xD8];
        segment(&mut f, 0xE0, b"JFIF\0");
        f.extend([0xFF, 0xD9]);
        assert_eq!(kind_of(&f), Err(EvidenceProblem::Damaged { kind: Some(EvidenceKind::Jpeg) }));
        let bad_length = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xD9];
        assert_eq!(kind_of(&bad_length), Err(EvidenceProblem::Damaged { kind: Some(EvidenceKind::Jpeg) }));
    }

    #[test]
    fn a_png_whose_chunk_runs_past_the_end_is_truncated() {
        let mut f = PNG_SIGNATURE.to_vec();
        chunk(&mut f, b"IHDR", &[0; 13]);
        f.extend(1000u32.to_be_bytes());
        f.extend(b"IDAT");
        f.extend([0; 100]);
        f.extend(png_with(b"")[8..].iter()); // an IEND inside the cut data does not end the image
        assert_eq!(kind_of(&f), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Png) }));
    }

    #[test]
    fn a_webp_shorter_than_its_riff_size_is_truncated() {
        let mut f = webp_with(b"abcd");
        f[4] += 2;
        assert_eq!(kind_of(&f), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Webp) }));
        let video = b"RIFF\x24\0\0\0AVI LIST\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        assert_eq!(kind_of(video), Err(EvidenceProblem::RefusedType));
    }

    #[test]
    fn heic_boxes_must_add_up() {
        let whole = heic_with(b"pixels");
        let mut padded = whole.clone();
        padded.extend([0; 16]);
        assert_eq!(kind_of(&padded), Ok(EvidenceKind::Heic));
        let mut large = Vec::new();
        iso_box(&mut large, b"ftyp", b"mif1\0\0\0\0mif1heic");
        iso_box(&mut large, b"meta", &[0; 12]);
        large.extend(1u32.to_be_bytes());
        large.extend(b"mdat");
        large.extend(20u64.to_be_bytes());
        large.extend(b"four");
        assert_eq!(kind_of(&large), Ok(EvidenceKind::Heic));
        let mut bad = whole.clone();
        bad.extend(4u32.to_be_bytes());
        bad.extend(b"free");
        assert_eq!(kind_of(&bad), Err(EvidenceProblem::Damaged { kind: Some(EvidenceKind::Heic) }));
        let mut short = whole;
        short.extend([0, 0, 0, 9, b'f']);
        assert_eq!(kind_of(&short), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Heic) }));
    }

    #[test]
    fn iso_media_other_than_heic_is_refused() {
        let mut video = Vec::new();
        iso_box(&mut video, b"ftyp", b"isom\0\0\x02\0isomiso2mp41");
        iso_box(&mut video, b"mdat", b"frames");
        assert_eq!(kind_of(&video), Err(EvidenceProblem::RefusedType));
        let mut avif = Vec::new();
        iso_box(&mut avif, b"ftyp", b"avif\0\0\0\0avifmif1miaf");
        iso_box(&mut avif, b"mdat", b"pixels");
        assert_eq!(kind_of(&avif), Err(EvidenceProblem::RefusedType));
    }

    #[test]
    fn a_pdf_needs_its_end_marker_near_the_end() {
        let mut f = pdf_with(b"text");
        f.extend([b'\n'; 1000]);
        assert_eq!(kind_of(&f), Ok(EvidenceKind::Pdf));
        f.extend([b'\n'; 100]);
        assert_eq!(kind_of(&f), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Pdf) }));
    }

    #[test]
    fn a_linearized_pdf_cut_after_its_first_page_is_truncated() {
        let linearized = |length: usize| {
            let mut f =
                format!("%PDF-1.7\n1 0 obj\n<< /Linearized 1 /L {length} /H [ 600 120 ] /O 3 /E 900 ").into_bytes();
            f.extend(b"/N 2 /T 1500 >>\nendobj\ntrailer\n<< /Size 4 >>\nstartxref\n0\n%%EOF\n");
            f
        };
        let length = linearized(100).len();
        assert_eq!(linearized(length).len(), length);
        assert_eq!(kind_of(&linearized(length)), Ok(EvidenceKind::Pdf));
        let first_page_only = linearized(length + 5000);
        assert_eq!(kind_of(&first_page_only), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Pdf) }));
        assert_eq!(linearized_length(b"%PDF-1.5 << /Linearized 1 /Lang (ru) /L\n42 >>"), Some(42));
    }

    #[test]
    fn office_documents_are_told_apart_by_their_entries() {
        assert_eq!(kind_of(&docx_with(b"<w:document/>")), Ok(EvidenceKind::Docx));
        assert_eq!(kind_of(&xlsx()), Ok(EvidenceKind::Xlsx));
        assert_eq!(kind_of(&opendocument("application/vnd.oasis.opendocument.text")), Ok(EvidenceKind::Odt));
        let mut commented = docx_with(b"");
        let at = commented.len() - 2;
        commented[at] = 7;
        commented.extend(b"comment");
        assert_eq!(kind_of(&commented), Ok(EvidenceKind::Docx));
    }

    #[test]
    fn zip_files_that_are_not_kept_office_documents_are_refused() {
        let refused: [Vec<u8>; 5] = [
            zip(&[("readme.txt", b"hello"), ("setup.exe", b"MZ")]),
            zip(&[CONTENT_TYPES, ("word/document.xml", b"<w:document/>"), ("word/vbaProject.bin", b"macros")]),
            zip(&[CONTENT_TYPES, ("ppt/presentation.xml", b"<p:presentation/>")]),
            // A folder named "word" is not a Word document.
            zip(&[("word/document.xml", b"<w:document/>")]),
            opendocument("application/vnd.oasis.opendocument.presentation"),
        ];
        for bytes in refused {
            assert_eq!(kind_of(&bytes), Err(EvidenceProblem::RefusedType));
        }
        assert_eq!(kind_of(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"), Err(EvidenceProblem::RefusedType));
    }

    #[test]
    fn a_cut_office_document_is_named_when_enough_of_it_arrived() {
        let docx = docx_with(b"<w:document>a long contract</w:document>");
        let word_entry = find(&docx, b"word/document.xml").unwrap();
        let cut = kind_of(&docx[..word_entry + 20]);
        assert_eq!(cut, Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Docx) }));
        assert_eq!(kind_of(&docx[..word_entry - 40]), Err(EvidenceProblem::Truncated { kind: None }));
        let ods = opendocument("application/vnd.oasis.opendocument.spreadsheet");
        assert_eq!(kind_of(&ods[..90]), Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Ods) }));
        let odp = opendocument("application/vnd.oasis.opendocument.presentation");
        assert_eq!(kind_of(&odp[..90]), Err(EvidenceProblem::RefusedType));
    }

    #[test]
    fn a_zip_whose_directory_is_not_where_it_should_be_is_damaged() {
        let mut docx = docx_with(b"");
        let at = docx.len() - 6;
        docx[at] = docx[at].wrapping_add(3);
        assert_eq!(kind_of(&docx), Err(EvidenceProblem::Damaged { kind: Some(EvidenceKind::Docx) }));
    }

    #[test]
    fn a_zip64_directory_is_followed() {
        let plain = docx_with(b"<w:document/>");
        let end = plain.len() - 22;
        let (size, offset) = (le32(&plain, end + 12).unwrap(), le32(&plain, end + 16).unwrap());
        let mut f = plain[..end].to_vec();
        let record = f.len() as u64;
        f.extend(b"PK\x06\x06");
        f.extend(44u64.to_le_bytes());
        f.extend([0x2D, 0, 0x2D, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        f.extend(3u64.to_le_bytes());
        f.extend(3u64.to_le_bytes());
        f.extend(size.to_le_bytes());
        f.extend(offset.to_le_bytes());
        f.extend(b"PK\x06\x07\0\0\0\0");
        f.extend(record.to_le_bytes());
        f.extend(1u32.to_le_bytes());
        f.extend(b"PK\x05\x06\0\0\0\0\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\0\0");
        assert_eq!(kind_of(&f), Ok(EvidenceKind::Docx));
    }

    #[test]
    fn programs_markup_and_archives_are_refused() {
        let refused: [&[u8]; 12] = [
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0",
            b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0",
            b"<html><body>\xD0\xB4\xD0\xBE\xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80</body></html>",
            b"\n  <!DOCTYPE html><html>",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            b"<?xml version=\"1.0\"?><svg/>",
            b"notes\n<script>alert(1)</script>",
            b"{\\rtf1\\ansi contract}",
            b"GIF89a\x01\0\x01\0\0\0\0",
            b"Rar!\x1A\x07\x01\0",
            b"\x1F\x8B\x08\0\0\0\0\0",
            b"\xEF\xBB\xBF<html>",
        ];
        for bytes in refused {
            assert_eq!(kind_of(bytes), Err(EvidenceProblem::RefusedType), "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn text_is_utf8_and_a_cut_inside_a_letter_is_truncated() {
        let chat = "12.03.24, 09:15 - Хозяин: паспорт отдам после сезона\n12.03.24, 09:16 - Хозяин: <Media omitted>\n";
        assert_eq!(kind_of(chat.as_bytes()), Ok(EvidenceKind::Text));
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend("ФИО;сумма\nИванов;180000\n".as_bytes());
        assert_eq!(kind_of(&with_bom), Ok(EvidenceKind::Text));
        let note = "паспорт отдам после сезона";
        assert_eq!(
            kind_of(&note.as_bytes()[..note.len() - 1]),
            Err(EvidenceProblem::Truncated { kind: Some(EvidenceKind::Text) })
        );
        // "Договор" in the Windows Cyrillic code page.
        assert_eq!(kind_of(b"\xC4\xEE\xE3\xEE\xE2\xEE\xF0"), Err(EvidenceProblem::RefusedType));
        assert_eq!(kind_of(b"a\0b"), Err(EvidenceProblem::RefusedType));
        assert_eq!(kind_of(b" \r\n\t"), Err(EvidenceProblem::Empty));
    }

    #[test]
    fn size_limits() {
        assert_eq!(inspect("x.jpg", b""), Err(EvidenceProblem::Empty));
        let mut at_limit = jpeg_with(b"");
        at_limit.resize(MAX_EVIDENCE_BYTES, 0);
        assert_eq!(kind_of(&at_limit), Ok(EvidenceKind::Jpeg));
        at_limit.push(0);
        let too_large = kind_of(&at_limit).unwrap_err();
        assert_eq!(
            too_large,
            EvidenceProblem::TooLarge { max_bytes: MAX_EVIDENCE_BYTES, size: MAX_EVIDENCE_BYTES + 1 }
        );
        assert_eq!(too_large.to_string(), "the file is too large (10.1 MB); at most 10 MB is accepted");
    }

    #[test]
    fn problems_have_codes_and_plain_messages() {
        let problems = [
            EvidenceProblem::Empty,
            EvidenceProblem::TooLarge { max_bytes: 1, size: 2 },
            EvidenceProblem::RefusedType,
            EvidenceProblem::Truncated { kind: Some(EvidenceKind::Pdf) },
            EvidenceProblem::Damaged { kind: None },
        ];
        let codes: Vec<_> = problems.iter().map(EvidenceProblem::code).collect();
        assert_eq!(codes, ["empty", "too-large", "refused-type", "truncated", "damaged"]);
        assert_eq!(
            problems[3].to_string(),
            "the PDF document arrived incomplete, probably because the connection was cut: send it again"
        );
        assert_eq!(problems[4].to_string(), "the file is damaged and cannot be read");
    }

    #[test]
    fn kinds_have_stable_codes_and_media_types() {
        let mut codes = std::collections::HashSet::new();
        for kind in EvidenceKind::ALL {
            assert!(codes.insert(kind.code()), "{} twice", kind.code());
            assert_eq!(EvidenceKind::parse(kind.code()), Some(kind));
            assert!(kind.code().chars().all(|c| c.is_ascii_lowercase()));
            assert!(kind.media_type().contains('/') && !kind.extensions().is_empty());
        }
        assert_eq!(EvidenceKind::parse("exe"), None);
        assert_eq!(EvidenceKind::Jpeg.media_type(), "image/jpeg");
    }

    #[test]
    fn download_names_carry_the_kinds_extension() {
        assert_eq!(EvidenceKind::Jpeg.download_name("IMG_1234"), "IMG_1234.jpg");
        assert_eq!(EvidenceKind::Jpeg.download_name("Photo.JPEG"), "Photo.JPEG");
        assert_eq!(EvidenceKind::Png.download_name("scan.jpg"), "scan.jpg.png");
        assert_eq!(EvidenceKind::Text.download_name("chat.html"), "chat.html.txt");
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(clean_file_name(r"C:\fakepath\договор.pdf"), "договор.pdf");
        assert_eq!(clean_file_name("/storage/emulated/0/DCIM/IMG_1234.jpg"), "IMG_1234.jpg");
        assert_eq!(clean_file_name("scans\\"), "scans");
        assert_eq!(clean_file_name("  паспорт \"Хусан\"\r\n.jpg "), "паспорт Хусан.jpg");
        assert_eq!(clean_file_name("photo\u{202E}gpj.exe"), "photogpj.exe");
        assert_eq!(clean_file_name("a\0b\x1Bc\u{85}d"), "abcd");
        for empty in ["", "   ", "\r\n", "..", "/", "\u{200B}"] {
            assert_eq!(clean_file_name(empty), "file", "{empty:?}");
        }
    }

    #[test]
    fn long_names_are_cut_on_a_character_keeping_the_extension() {
        let long = format!("{}.pdf", "Ж".repeat(300));
        let cleaned = clean_file_name(&long);
        assert_eq!(cleaned.chars().count(), MAX_NAME_CHARS);
        assert!(cleaned.ends_with("ЖЖ.pdf"));
        let no_extension = "д".repeat(200);
        assert_eq!(clean_file_name(&no_extension), "д".repeat(MAX_NAME_CHARS));
    }

    /// Random bytes that start like each recognised format, so the checks past the signature run.
    fn upload_bytes() -> impl Strategy<Value = Vec<u8>> {
        let starts: Vec<Vec<u8>> = vec![
            vec![],
            JPEG_START.to_vec(),
            PNG_SIGNATURE.to_vec(),
            b"RIFF\x10\0\0\0WEBP".to_vec(),
            b"\0\0\0\x18ftypheic".to_vec(),
            b"%PDF-1.7 /Linearized 1 /L ".to_vec(),
            ZIP_LOCAL_HEADER.to_vec(),
            b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0mimetype".to_vec(),
            UTF8_BOM.to_vec(),
        ];
        (proptest::sample::select(starts), proptest::collection::vec(any::<u8>(), 0..600)).prop_map(
            |(mut start, tail)| {
                start.extend(tail);
                start
            },
        )
    }

    /// Bytes of a valid file with a random end record and directory around random entries.
    fn zip_bytes() -> impl Strategy<Value = Vec<u8>> {
        (proptest::collection::vec(any::<u8>(), 0..64), 0usize..200, any::<u8>()).prop_map(|(noise, at, byte)| {
            let mut f = docx_with(&noise);
            let at = at % f.len();
            f[at] = byte;
            f
        })
    }

    proptest! {
        #[test]
        fn inspect_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), name in any::<String>()) {
            if let Ok(file) = inspect(&name, &bytes) {
                prop_assert_eq!(file.size, bytes.len());
                prop_assert_eq!(file.name, clean_file_name(&name));
            }
        }

        #[test]
        fn inspect_never_panics_past_a_signature(bytes in upload_bytes(), name in "\\PC{0,200}") {
            let _ = inspect(&name, &bytes);
        }

        #[test]
        fn inspect_never_panics_on_a_damaged_zip(bytes in zip_bytes()) {
            let _ = inspect("x.docx", &bytes);
        }

        #[test]
        fn a_cut_upload_is_never_accepted(
            data in proptest::collection::vec(any::<u8>(), 0..300),
            which in 0usize..6,
            cut in any::<proptest::sample::Index>(),
        ) {
            let (kind, whole) = match which {
                0 => (EvidenceKind::Jpeg, jpeg_with(&data)),
                1 => (EvidenceKind::Png, png_with(&data)),
                2 => (EvidenceKind::Pdf, pdf_with(&data)),
                3 => (EvidenceKind::Docx, docx_with(&data)),
                4 => (EvidenceKind::Webp, webp_with(&data)),
                _ => (EvidenceKind::Heic, heic_with(&data)),
            };
            prop_assert_eq!(kind_of(&whole), Ok(kind));
            let len = cut.index(whole.len());
            match kind_of(&whole[..len]) {
                Err(EvidenceProblem::Truncated { kind: found }) => prop_assert!(found == Some(kind) || found.is_none()),
                Err(EvidenceProblem::Empty | EvidenceProblem::RefusedType) => prop_assert!(len < 16),
                other => prop_assert!(false, "{:?} cut at {}: {:?}", kind, len, other),
            }
        }

        #[test]
        fn cleaned_names_are_safe_short_and_stable(name in any::<String>()) {
            let cleaned = clean_file_name(&name);
            prop_assert!(!cleaned.is_empty() && cleaned.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!cleaned.chars().any(|c| c.is_control() || matches!(c, '"' | '\\' | '/')));
            prop_assert_eq!(cleaned.trim(), cleaned.as_str());
            prop_assert_eq!(clean_file_name(&cleaned), cleaned.clone());
        }
    }
}
