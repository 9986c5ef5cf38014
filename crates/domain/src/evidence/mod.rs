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
//!
//! Layout: [`inspect`] and the types are here; `recognise` tells the kind from the first bytes
//! and hands the file to its kind's check (`images`, `pdf`, `office`, `text`); `names` cleans
//! the name.

use std::fmt;

mod images;
mod names;
mod office;
mod pdf;
mod recognise;
#[cfg(test)]
mod tests;
mod text;

pub use names::clean_file_name;
use recognise::recognise;

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

    /// Whether the file is a picture: what a visit keeps as its photographs.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png | Self::Webp | Self::Heic)
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
