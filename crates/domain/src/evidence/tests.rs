//! Tests of the evidence checks, on fixtures built byte by byte.

use proptest::prelude::*;

use super::pdf::linearized_length;
use super::recognise::{JPEG_START, PNG_SIGNATURE, ZIP_LOCAL_HEADER, find, le32};
use super::text::UTF8_BOM;
use super::*;

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
    assert_eq!((photo.kind, photo.name.as_str(), photo.size), (EvidenceKind::Jpeg, "IMG_1234", jpeg_with(b"").len()));
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
        let mut f = format!("%PDF-1.7\n1 0 obj\n<< /Linearized 1 /L {length} /H [ 600 120 ] /O 3 /E 900 ").into_bytes();
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

/// The central directory's entries of a file made by [`zip`], by their offsets in it.
fn directory_entries(bytes: &[u8]) -> Vec<usize> {
    bytes.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(at, _)| at).collect()
}

#[test]
fn a_zip_bomb_dressed_as_a_document_is_refused_from_its_directory() {
    let docx = docx_with(b"<w:document>a contract</w:document>");
    assert_eq!(kind_of(&docx), Ok(EvidenceKind::Docx));
    let entries = directory_entries(&docx);
    // One entry declaring it unpacks to 4 GiB or more.
    let mut huge = docx.clone();
    huge[entries[2] + 24..entries[2] + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(kind_of(&huge), Err(EvidenceProblem::RefusedType));
    // Entries that together declare more than a gigabyte.
    let mut many = docx.clone();
    for at in &entries {
        many[at + 24..at + 28].copy_from_slice(&(400u32 << 20).to_le_bytes());
    }
    assert_eq!(kind_of(&many), Err(EvidenceProblem::RefusedType));
    // Two entries sharing one block of data, the way a bomb repeats a kernel.
    let mut overlapping = docx.clone();
    let first_offset: [u8; 4] = overlapping[entries[0] + 42..entries[0] + 46].try_into().unwrap();
    overlapping[entries[2] + 42..entries[2] + 46].copy_from_slice(&first_offset);
    assert_eq!(kind_of(&overlapping), Err(EvidenceProblem::RefusedType));
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
    assert_eq!(too_large, EvidenceProblem::TooLarge { max_bytes: MAX_EVIDENCE_BYTES, size: MAX_EVIDENCE_BYTES + 1 });
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
    (proptest::sample::select(starts), proptest::collection::vec(any::<u8>(), 0..600)).prop_map(|(mut start, tail)| {
        start.extend(tail);
        start
    })
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
