//! The records as JSON (with what the receiver needs to read them) and as one flat CSV table.

use serde_json::{Map, Value, json};

use super::{HtcdsRecord, HtcdsValue, Scalar, mapping};

/// The export as one JSON object:
///
/// - `standard`: the standard's name, version and date, its source, and the attribution its
///   licence (CC BY 4.0) asks every copy to carry; with the edition of Komek's mapping;
/// - `exchange_key`: what `komek_CaseNumber` is (the sender's case number, not an HTCDS field);
/// - `repeating_parts`: for each part that occurs several times per record, its fields (their
///   lists line up item by item) and what one item is;
/// - `records`: one object per record, field → value: a string, a boolean, an ISO date, a
///   number, a list of codes for a multi-select, a list (with `null` for a missing item) for
///   a field of a repeating part. A field not written is absent;
/// - `not_held`: the standard's core fields Komek never holds, so that the receiver knows they
///   are missing rather than reading their absence as "no".
pub fn to_json(records: &[HtcdsRecord]) -> Value {
    let mapping = mapping();
    let standard = &mapping.standard;
    let parts: Map<String, Value> = mapping
        .repeating_parts
        .iter()
        .map(|(part, item)| {
            let fields: Vec<&str> =
                mapping.fields.iter().filter(|f| f.part == *part && f.written()).map(|f| f.name.as_str()).collect();
            (part.clone(), json!({ "fields": fields, "item": item }))
        })
        .collect();
    json!({
        "standard": {
            "name": standard.name,
            "publisher": standard.publisher,
            "version": standard.version,
            "version_date": standard.version_date.to_string(),
            "source": standard.source,
            "source_commit": standard.source_commit,
            "licence": standard.licence,
            "licence_url": standard.licence_url,
            "attribution": standard.attribution,
            "komek_mapping_edition": mapping.edition,
        },
        "exchange_key": { "field": mapping.exchange_key.name, "meaning": mapping.exchange_key.meaning },
        "repeating_parts": parts,
        "records": records.iter().map(record_json).collect::<Vec<_>>(),
        "not_held": mapping.not_held().collect::<Vec<_>>(),
    })
}

fn record_json(record: &HtcdsRecord) -> Value {
    let mut object = Map::new();
    object.insert(mapping().exchange_key.name.clone(), Value::String(record.case_number.clone()));
    for (name, value) in &record.fields {
        let value = match value {
            HtcdsValue::One(scalar) => scalar_json(scalar),
            HtcdsValue::Codes(codes) => json!(codes),
            HtcdsValue::Each(items) => {
                Value::Array(items.iter().map(|item| item.as_ref().map_or(Value::Null, scalar_json)).collect())
            }
        };
        object.insert((*name).to_owned(), value);
    }
    Value::Object(object)
}

fn scalar_json(scalar: &Scalar) -> Value {
    match scalar {
        Scalar::Text(text) | Scalar::Code(text) => Value::String(text.clone()),
        Scalar::Day(day) => Value::String(day.to_string()),
        Scalar::Flag(flag) => Value::Bool(*flag),
        Scalar::Number(number) => json!(number),
    }
}

/// The records as one CSV table (RFC 4180: comma-separated, quoted where needed, lines ended
/// by CRLF; UTF-8 with a byte order mark, so that spreadsheet programs read Cyrillic right).
///
/// The header is `komek_CaseNumber`, then every field written in any record, in the
/// standard's order; one line per record. A cell holding a list (a multi-select, a field of a
/// repeating part) joins its items with `;`, and within an item writes `\` as `\\` and `;` as
/// `\;`; a missing item is empty. A cell that a spreadsheet would run as a formula (starting
/// with `=`, `@`, a tab, a carriage return, or `+` or `-` not followed by a number) is written
/// after a `'`, as is one starting with `'` followed by such a start, so that the `'` can be
/// taken off again without doubt.
///
/// The field names and codes are IOM's, under CC BY 4.0: whoever sends the file sends the
/// attribution with it (the JSON form carries it).
pub fn to_csv(records: &[HtcdsRecord]) -> Vec<u8> {
    let mapping = mapping();
    let mut header: Vec<&str> = records.iter().flat_map(|r| r.fields.iter().map(|(name, _)| *name)).collect();
    header.sort_by_key(|name| mapping.position(name));
    header.dedup();
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut lines = Vec::with_capacity(records.len() + 1);
    lines.push(
        std::iter::once(mapping.exchange_key.name.as_str()).chain(header.iter().copied()).map(str::to_owned).collect(),
    );
    for record in records {
        let cells = header.iter().map(|name| record.get(name).map(|value| guard(&cell(value))).unwrap_or_default());
        lines.push(std::iter::once(guard(&record.case_number)).chain(cells).collect::<Vec<String>>());
    }
    for line in &lines {
        out.write_record(line).expect("CSV is written to memory, which cannot fail");
    }
    out.into_inner().expect("CSV is written to memory, which cannot fail")
}

fn cell(value: &HtcdsValue) -> String {
    match value {
        HtcdsValue::One(scalar) => scalar_text(scalar),
        HtcdsValue::Codes(codes) => codes.iter().map(|c| list_item(c)).collect::<Vec<_>>().join(";"),
        HtcdsValue::Each(items) => items
            .iter()
            .map(|item| item.as_ref().map(|s| list_item(&scalar_text(s))).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(";"),
    }
}

fn scalar_text(scalar: &Scalar) -> String {
    match scalar {
        Scalar::Text(text) | Scalar::Code(text) => text.clone(),
        Scalar::Day(day) => day.to_string(),
        Scalar::Flag(flag) => flag.to_string(),
        Scalar::Number(number) => number.to_string(),
    }
}

fn list_item(item: &str) -> String {
    item.replace('\\', "\\\\").replace(';', "\\;")
}

/// Whether a spreadsheet would take the cell for a formula (or the cell starts with the `'`
/// that [`guard`] adds before one).
fn runs_as_formula(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => cell[1..].trim().parse::<f64>().is_err(),
        Some('\'') => runs_as_formula(&cell[1..]),
        _ => false,
    }
}

fn guard(cell: &str) -> String {
    if runs_as_formula(cell) { format!("'{cell}") } else { cell.to_owned() }
}
