//! The report as JSON: its own structure, codes and exact figures.
//!
//! Must not add labels: those are the reader's business.

use komek_domain::reports::Report;

/// The report as JSON: the structure itself, codes and exact figures, no labels (those are
/// the reader's business).
pub fn to_json(report: &Report) -> Vec<u8> {
    // Every field of a report is a plain value or a list; nothing in it can refuse to serialise.
    serde_json::to_vec_pretty(report).expect("a report serialises")
}
