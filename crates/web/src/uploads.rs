//! Files in and out: one uploaded file read from a multipart form (its token checked before
//! the file is read to its end), the words for a refused file, and a file sent back as a
//! download. Evidence files and the scans of signed consent forms go through here.

use axum::extract::Multipart;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use komek_domain::evidence::{EvidenceKind, EvidenceProblem};

use crate::AppState;
use crate::errors::WebError;
use crate::session::Current;

/// What an upload form sent.
pub enum Upload {
    /// A file, with the name it had on the sender's machine.
    File { name: String, bytes: Vec<u8> },
    /// No file was chosen.
    Nothing,
    /// The body was cut short, or larger than the route allows.
    CutOff,
}

impl Upload {
    /// The file sent (its name and bytes), or the message saying why there is none.
    pub fn file(self) -> Result<(String, Vec<u8>), &'static str> {
        match self {
            Upload::File { name, bytes } if !(name.is_empty() && bytes.is_empty()) => Ok((name, bytes)),
            Upload::File { .. } | Upload::Nothing => Err("evidence-problem-empty"),
            Upload::CutOff => Err("evidence-problem-truncated"),
        }
    }
}

/// Reads the form's token and its field `file`; a forged or missing token is refused before
/// the file is read.
pub async fn read_upload(state: &AppState, current: &Current, mut multipart: Multipart) -> Result<Upload, WebError> {
    let mut token = String::new();
    let mut upload = Upload::Nothing;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                upload = Upload::CutOff;
                break;
            }
        };
        match field.name() {
            Some("csrf") => token = field.text().await.unwrap_or_default(),
            Some("file") => {
                current.check_csrf(state, &token).await?;
                let name = field.file_name().unwrap_or_default().to_owned();
                upload = match field.bytes().await {
                    Ok(bytes) => Upload::File { name, bytes: bytes.to_vec() },
                    Err(_) => Upload::CutOff,
                };
            }
            _ => {}
        }
    }
    current.check_csrf(state, &token).await?;
    Ok(upload)
}

/// The message of a refused file, in the words a lawyer understands.
pub fn problem_message(problem: &EvidenceProblem) -> &'static str {
    match problem {
        EvidenceProblem::Empty => "evidence-problem-empty",
        EvidenceProblem::TooLarge { .. } => "evidence-problem-too-large",
        EvidenceProblem::Truncated { .. } => "evidence-problem-truncated",
        EvidenceProblem::Damaged { .. } => "evidence-problem-damaged",
        EvidenceProblem::RefusedType => "evidence-problem-refused-type",
    }
}

/// A stored file sent back as a download, never shown inline: a file is evidence, not a page
/// of ours. `kind` is its `EvidenceKind` code.
pub fn download(kind: &str, name: &str, content: Vec<u8>) -> Response {
    let kind = EvidenceKind::parse(kind);
    let media_type = kind.map_or("application/octet-stream", |k| k.media_type());
    // "IMG_1234" comes back as "IMG_1234.jpg", so the phone or computer opens it.
    let name = kind.map_or_else(|| name.to_owned(), |k| k.download_name(name));
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", encoded.replace('+', "%20"));
    ([(header::CONTENT_TYPE, media_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], content)
        .into_response()
}
