//! Whether a photo or a screenshot arrived whole: JPEG, PNG, WebP and HEIC, each by walking
//! its format's own structure to its end.
//!
//! Must not decode pixels, nor judge what a phone appends after the end of the image.

use super::recognise::{Flaw, PNG_SIGNATURE, be16, be32, be64, le32};

/// JPEG: walks the segments from the start-of-image marker to the end-of-image marker (FF D9)
/// that closes the image data. Walking, rather than looking for FF D9 at the very end, skips the
/// thumbnail inside the Exif segment (it has its own FF D9) and leaves alone what phones append
/// after the image. A cut anywhere before the closing marker is caught.
pub(super) fn jpeg_complete(b: &[u8]) -> Result<(), Flaw> {
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
pub(super) fn png_complete(b: &[u8]) -> Result<(), Flaw> {
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
pub(super) fn riff_complete(b: &[u8]) -> Result<(), Flaw> {
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
pub(super) fn is_heic(b: &[u8]) -> bool {
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
pub(super) fn boxes_complete(b: &[u8]) -> Result<(), Flaw> {
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
