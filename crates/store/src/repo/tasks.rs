//! Tasks: a case's (`case_tasks`) and a monitoring visit's follow-up (`visit_tasks`), one shape
//! in two tables, each keyed by the record it is for. Titles are ciphertext here. The lists of
//! a person's open tasks for the dashboard join each table to its own records, and stay with
//! them (`casework::open_tasks_of`, `visits::open_tasks_of`).

use chrono::{NaiveDate, Utc};
use komek_domain::casework::Task;
use komek_domain::{CaseId, TaskId, VisitId};

use crate::sql::{FromValue, Row, Tx, Value};
use crate::{StoreError, params};

/// A kind of record that has tasks: where they are kept.
pub trait TaskRecord: Copy + FromValue + Into<Value> {
    /// The table of its tasks.
    const TABLE: &'static str;
    /// The column of that table naming the record.
    const COLUMN: &'static str;
}

impl TaskRecord for CaseId {
    const TABLE: &'static str = "case_tasks";
    const COLUMN: &'static str = "case_id";
}

impl TaskRecord for VisitId {
    const TABLE: &'static str = "visit_tasks";
    const COLUMN: &'static str = "visit_id";
}

pub fn insert<Of: TaskRecord>(tx: &mut dyn Tx, t: &Task<Of>, title_enc: Vec<u8>) -> Result<(), StoreError> {
    tx.execute(
        &format!(
            "INSERT INTO {} (id, {}, title_enc, assignee_id, due_on, done_on, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            Of::TABLE,
            Of::COLUMN
        ),
        params![
            t.id,
            Into::<Value>::into(t.record),
            title_enc,
            t.assignee_id,
            t.due_on,
            t.done_on,
            t.created_by,
            Utc::now()
        ],
    )?;
    Ok(())
}

/// Marks a record's task done on `day`, or to do again with `None`. Returns whether the record
/// has such a task.
pub fn set_done<Of: TaskRecord>(
    tx: &mut dyn Tx,
    record: Of,
    task: TaskId,
    day: Option<NaiveDate>,
) -> Result<bool, StoreError> {
    let sql = format!("UPDATE {} SET done_on = $3 WHERE id = $1 AND {} = $2", Of::TABLE, Of::COLUMN);
    Ok(tx.execute(&sql, params![task, Into::<Value>::into(record), day])? > 0)
}

/// A task as read: the title empty, its ciphertext beside it.
pub type SealedTask<Of> = (Task<Of>, Vec<u8>);

/// A record's tasks with their sealed titles: those to do first, by due day; then those done.
pub fn of_record<Of: TaskRecord>(tx: &mut dyn Tx, record: Of) -> Result<Vec<SealedTask<Of>>, StoreError> {
    tx.query(
        &format!(
            "SELECT {} FROM {} t WHERE t.{} = $1
             ORDER BY CASE WHEN t.done_on IS NULL THEN 0 ELSE 1 END, t.due_on, t.id",
            columns::<Of>(),
            Of::TABLE,
            Of::COLUMN
        ),
        params![Into::<Value>::into(record)],
    )?
    .iter()
    .map(from_row)
    .collect()
}

/// The columns `from_row` reads, first in a query, of the tasks table aliased `t`.
pub(crate) fn columns<Of: TaskRecord>() -> String {
    format!("t.id, t.{}, t.title_enc, t.assignee_id, t.due_on, t.done_on, t.created_by", Of::COLUMN)
}

/// A task read from the first columns of a row (`columns`).
pub(crate) fn from_row<Of: TaskRecord>(r: &Row) -> Result<SealedTask<Of>, StoreError> {
    let task = Task {
        id: r.get(0)?,
        record: r.get(1)?,
        title: String::new(),
        assignee_id: r.get(3)?,
        due_on: r.get(4)?,
        done_on: r.get(5)?,
        created_by: r.get(6)?,
    };
    Ok((task, r.get(2)?))
}
