//! The name an evidence file is shown and downloaded under: the last path component, without
//! control characters, invisible marks or quotes, and not too long.
//!
//! Must not tell anything about the file from its name: the kind comes from the content.

use super::MAX_NAME_CHARS;

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
