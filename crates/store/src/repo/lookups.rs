//! The organisation's own lists: codes added to editable lookup lists, and shipped codes
//! renamed, moved or retired (`komek_domain::lookups::SavedCode`); articles of law added or
//! amended (`komek_domain::law::SavedArticle`).

use std::collections::BTreeMap;

use komek_domain::law::SavedArticle;
use komek_domain::lookups::SavedCode;

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

fn labels_from(text: &str) -> Result<BTreeMap<String, String>, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Invalid(format!("lookup labels: {e}")))
}

fn labels_to(labels: &BTreeMap<String, String>) -> Result<String, StoreError> {
    serde_json::to_string(labels).map_err(|e| StoreError::Invalid(format!("lookup labels: {e}")))
}

/// A row saved at `version` is a change made meanwhile when nothing was written.
fn written(changed: u64, what: String) -> Result<(), StoreError> {
    match changed {
        0 => Err(StoreError::Conflict(format!("{what} was changed meanwhile"))),
        _ => Ok(()),
    }
}

fn from_row(row: &Row) -> Result<SavedCode, StoreError> {
    let labels = labels_from(&row.get::<String>(3)?)?;
    Ok(SavedCode {
        list: row.get(0)?,
        code: row.get(1)?,
        position: row.get(2)?,
        labels,
        retired_on: row.get(4)?,
        version: row.get(5)?,
    })
}

/// Every saved code of every list.
pub fn list(tx: &mut dyn Tx) -> Result<Vec<SavedCode>, StoreError> {
    tx.query(
        "SELECT list, code, position, labels, retired_on, version FROM lookup_codes ORDER BY list, position, code",
        &[],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// Saves a code as `code.version` says it was read: 0 for a code never saved (added, or a
/// shipped code changed for the first time). Stores it with the next version, which it returns;
/// a code saved meanwhile is a conflict.
pub fn save(tx: &mut dyn Tx, code: &SavedCode) -> Result<i64, StoreError> {
    let labels = labels_to(&code.labels)?;
    let version = code.version + 1;
    let changed = if code.version == 0 {
        let exists =
            tx.query_opt("SELECT 1 FROM lookup_codes WHERE list = $1 AND code = $2", params![&code.list, &code.code])?;
        if exists.is_some() {
            0
        } else {
            tx.execute(
                "INSERT INTO lookup_codes (list, code, position, labels, retired_on, version)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                params![&code.list, &code.code, code.position, &labels, code.retired_on, version],
            )?
        }
    } else {
        tx.execute(
            "UPDATE lookup_codes SET position = $3, labels = $4, retired_on = $5, version = $6
             WHERE list = $1 AND code = $2 AND version = $7",
            params![&code.list, &code.code, code.position, &labels, code.retired_on, version, code.version],
        )?
    };
    written(changed, format!("the code {} of the list {}", code.code, code.list))?;
    Ok(version)
}

/// Every saved article.
pub fn articles(tx: &mut dyn Tx) -> Result<Vec<SavedArticle>, StoreError> {
    let rows = tx.query(
        "SELECT code, book, number, in_force_from, in_force_to, labels, source, version FROM law_articles ORDER BY code",
        &[],
    )?;
    rows.iter()
        .map(|row| {
            Ok(SavedArticle {
                code: row.get(0)?,
                book: row.get(1)?,
                number: row.get(2)?,
                in_force_from: row.get(3)?,
                in_force_to: row.get(4)?,
                labels: labels_from(&row.get::<String>(5)?)?,
                source: row.get(6)?,
                version: row.get(7)?,
            })
        })
        .collect()
}

/// Saves an article as `article.version` says it was read (0: never saved), like [`save`].
pub fn save_article(tx: &mut dyn Tx, article: &SavedArticle) -> Result<i64, StoreError> {
    let labels = labels_to(&article.labels)?;
    let version = article.version + 1;
    let a = article;
    let changed = if a.version == 0 {
        match tx.query_opt("SELECT 1 FROM law_articles WHERE code = $1", params![&a.code])? {
            Some(_) => 0,
            None => tx.execute(
                "INSERT INTO law_articles (code, book, number, in_force_from, in_force_to, labels, source, version)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                params![&a.code, &a.book, &a.number, a.in_force_from, a.in_force_to, &labels, &a.source, version],
            )?,
        }
    } else {
        tx.execute(
            "UPDATE law_articles SET in_force_from = $2, in_force_to = $3, labels = $4, source = $5, version = $6
             WHERE code = $1 AND version = $7",
            params![&a.code, a.in_force_from, a.in_force_to, &labels, &a.source, version, a.version],
        )?
    };
    written(changed, format!("the article {}", a.code))?;
    Ok(version)
}
