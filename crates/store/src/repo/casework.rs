//! The parts of a case file stored beside the case: timeline events, indicator assessments,
//! proceedings, tasks, notes and evidence files. Free text arrives and leaves as ciphertext
//! (`*_enc`); the services seal and open it.

use chrono::{DateTime, NaiveDate, Utc};
use komek_domain::casework::{
    Assessment, CaseEvent, CaseNote, EvidenceFile, IndicatorAnswer, NoteVisibility, Proceeding, Task,
};
use komek_domain::indicators::{Answer, Source};
use komek_domain::{
    AccountId, AssessmentId, CaseId, Currency, EvidenceId, Money, OfficeId, ProceedingId, Role, TaskId,
};

use crate::sql::{Row, Tx};
use crate::{StoreError, params};

fn invalid(what: &str, value: &str) -> StoreError {
    StoreError::Invalid(format!("{what} {value:?}"))
}

// ---- Timeline events

/// An event as stored: its text and the settlement of its place are ciphertext.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    /// `text` is empty and `place_settlement` `None` here.
    pub event: CaseEvent,
    pub text_enc: Vec<u8>,
    pub place_settlement_enc: Option<Vec<u8>>,
}

pub fn insert_event(tx: &mut dyn Tx, stored: &StoredEvent) -> Result<(), StoreError> {
    let e = &stored.event;
    tx.execute(
        "INSERT INTO case_events (id, case_id, happened_on, kind, text_enc, author_id, created_at, place_country,
                                  place_region, place_district, place_settlement_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        params![
            e.id,
            e.case_id,
            e.happened_on,
            &e.kind,
            stored.text_enc.clone(),
            e.author_id,
            Utc::now(),
            e.place_country.clone(),
            e.place_region.clone(),
            e.place_district.clone(),
            stored.place_settlement_enc.clone(),
        ],
    )?;
    Ok(())
}

/// A case's events in the order they happened.
pub fn events_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<StoredEvent>, StoreError> {
    tx.query(
        "SELECT id, case_id, happened_on, kind, text_enc, author_id, place_country, place_region, place_district,
                place_settlement_enc
         FROM case_events WHERE case_id = $1 ORDER BY happened_on, id",
        params![case],
    )?
    .iter()
    .map(|r| {
        let event = CaseEvent {
            id: r.get(0)?,
            case_id: r.get(1)?,
            happened_on: r.get(2)?,
            kind: r.get(3)?,
            text: String::new(),
            author_id: r.get(5)?,
            place_country: r.get(6)?,
            place_region: r.get(7)?,
            place_district: r.get(8)?,
            place_settlement: None,
        };
        Ok(StoredEvent { event, text_enc: r.get(4)?, place_settlement_enc: r.get(9)? })
    })
    .collect()
}

// ---- Indicator assessments

/// Stores an assessment with its answers, the verdict its rule gave when saved and the tags
/// its "yes" answers stand for (for reports).
pub fn insert_assessment(tx: &mut dyn Tx, a: &Assessment, verdict: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO assessments (id, case_id, person_id, catalogue, edition, assessed_on, assessor_id, minor,
                                  verdict, tags, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        params![
            a.id,
            a.case_id,
            a.person_id,
            &a.catalogue,
            &a.edition,
            a.assessed_on,
            a.assessor_id,
            a.minor,
            verdict,
            a.tag_bits(),
            Utc::now()
        ],
    )?;
    for answer in &a.answers {
        tx.execute(
            // Each answer carries its assessment's day and superseded_on, for reports (migration 9).
            "INSERT INTO assessment_answers (assessment_id, indicator, answer, source, noted_on, assessed_on,
                                             superseded_on)
             VALUES ($1, $2, $3, $4, $5, $6, (SELECT a.superseded_on FROM assessments a WHERE a.id = $1))",
            params![
                a.id,
                &answer.indicator,
                answer.answer.code(),
                answer.source.map(|s| s.code()),
                answer.noted_on,
                a.assessed_on
            ],
        )?;
    }
    Ok(())
}

/// A case's assessments, oldest first, each with its answers.
pub fn assessments_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<Assessment>, StoreError> {
    let mut assessments: Vec<Assessment> = tx
        .query(
            "SELECT id, case_id, person_id, catalogue, edition, assessed_on, assessor_id, minor FROM assessments
             WHERE case_id = $1 ORDER BY assessed_on, id",
            params![case],
        )?
        .iter()
        .map(|r| {
            Ok(Assessment {
                id: r.get(0)?,
                case_id: r.get(1)?,
                person_id: r.get(2)?,
                catalogue: r.get(3)?,
                edition: r.get(4)?,
                assessed_on: r.get(5)?,
                assessor_id: r.get(6)?,
                minor: r.get(7)?,
                answers: Vec::new(),
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let rows = tx.query(
        "SELECT x.assessment_id, x.indicator, x.answer, x.source, x.noted_on
         FROM assessment_answers x JOIN assessments a ON a.id = x.assessment_id
         WHERE a.case_id = $1 ORDER BY x.assessment_id, x.indicator",
        params![case],
    )?;
    for r in &rows {
        let id: AssessmentId = r.get(0)?;
        let answer: String = r.get(2)?;
        let source: Option<String> = r.get(3)?;
        let answer = IndicatorAnswer {
            indicator: r.get(1)?,
            answer: Answer::parse(&answer).ok_or_else(|| invalid("answer", &answer))?,
            source: match source {
                Some(code) => Some(Source::parse(&code).ok_or_else(|| invalid("source", &code))?),
                None => None,
            },
            noted_on: r.get(4)?,
        };
        if let Some(a) = assessments.iter_mut().find(|a| a.id == id) {
            a.answers.push(answer);
        }
    }
    Ok(assessments)
}

// ---- Proceedings

fn write_proceeding_lists(tx: &mut dyn Tx, p: &Proceeding) -> Result<(), StoreError> {
    for table in ["proceeding_articles", "hearings"] {
        tx.execute(&format!("DELETE FROM {table} WHERE proceeding_id = $1"), params![p.id])?;
    }
    for article in &p.articles {
        tx.execute("INSERT INTO proceeding_articles (proceeding_id, article) VALUES ($1, $2)", params![p.id, article])?;
    }
    for day in &p.hearings {
        tx.execute("INSERT INTO hearings (proceeding_id, held_on) VALUES ($1, $2)", params![p.id, *day])?;
    }
    Ok(())
}

pub fn insert_proceeding(tx: &mut dyn Tx, p: &Proceeding, notes_enc: Option<Vec<u8>>) -> Result<(), StoreError> {
    let now = Utc::now();
    tx.execute(
        "INSERT INTO proceedings (id, case_id, kind, authority, stage, opened_on, outcome, decided_on,
                                  sentence_months, fine_minor, fine_currency, notes_enc, created_at, updated_at,
                                  version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1)",
        params![
            p.id,
            p.case_id,
            &p.kind,
            &p.authority,
            &p.stage,
            p.opened_on,
            p.outcome.clone(),
            p.decided_on,
            p.sentence_months,
            p.fine.map(|f| f.minor),
            p.fine.map(|f| f.currency.code()),
            notes_enc,
            now,
        ],
    )?;
    write_proceeding_lists(tx, p)
}

/// Replaces a proceeding if nobody changed it since `version` was read.
pub fn update_proceeding(
    tx: &mut dyn Tx,
    p: &Proceeding,
    notes_enc: Option<Vec<u8>>,
    version: i64,
) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE proceedings SET kind = $2, authority = $3, stage = $4, opened_on = $5, outcome = $6,
                decided_on = $7, sentence_months = $8, fine_minor = $9, fine_currency = $10, notes_enc = $11,
                updated_at = $12, version = version + 1
         WHERE id = $1 AND case_id = $13 AND version = $14",
        params![
            p.id,
            &p.kind,
            &p.authority,
            &p.stage,
            p.opened_on,
            p.outcome.clone(),
            p.decided_on,
            p.sentence_months,
            p.fine.map(|f| f.minor),
            p.fine.map(|f| f.currency.code()),
            notes_enc,
            Utc::now(),
            p.case_id,
            version,
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Conflict("the proceeding was changed by someone else".into()));
    }
    write_proceeding_lists(tx, p)
}

/// A proceeding as stored: `notes` is empty, its ciphertext beside it.
#[derive(Debug, Clone)]
pub struct StoredProceeding {
    pub proceeding: Proceeding,
    pub notes_enc: Option<Vec<u8>>,
    pub version: i64,
}

pub fn proceedings_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<StoredProceeding>, StoreError> {
    let mut proceedings: Vec<StoredProceeding> = tx
        .query(
            "SELECT id, case_id, kind, authority, stage, opened_on, outcome, decided_on, sentence_months,
                    fine_minor, fine_currency, notes_enc, version
             FROM proceedings WHERE case_id = $1 ORDER BY opened_on, id",
            params![case],
        )?
        .iter()
        .map(proceeding_from_row)
        .collect::<Result<_, StoreError>>()?;
    for (sql, is_article) in [
        (
            "SELECT x.proceeding_id, x.article FROM proceeding_articles x
             JOIN proceedings p ON p.id = x.proceeding_id WHERE p.case_id = $1 ORDER BY x.article",
            true,
        ),
        (
            "SELECT x.proceeding_id, x.held_on FROM hearings x
             JOIN proceedings p ON p.id = x.proceeding_id WHERE p.case_id = $1 ORDER BY x.held_on",
            false,
        ),
    ] {
        for r in tx.query(sql, params![case])? {
            let id: ProceedingId = r.get(0)?;
            if let Some(p) = proceedings.iter_mut().find(|p| p.proceeding.id == id) {
                if is_article {
                    p.proceeding.articles.push(r.get(1)?);
                } else {
                    p.proceeding.hearings.push(r.get(1)?);
                }
            }
        }
    }
    Ok(proceedings)
}

fn proceeding_from_row(r: &Row) -> Result<StoredProceeding, StoreError> {
    let fine = match (r.get::<Option<i64>>(9)?, r.get::<Option<String>>(10)?) {
        (Some(minor), Some(code)) => {
            Some(Money { minor, currency: Currency::parse(&code).ok_or_else(|| invalid("currency", &code))? })
        }
        _ => None,
    };
    Ok(StoredProceeding {
        proceeding: Proceeding {
            id: r.get(0)?,
            case_id: r.get(1)?,
            kind: r.get(2)?,
            authority: r.get(3)?,
            articles: Vec::new(),
            stage: r.get(4)?,
            opened_on: r.get(5)?,
            hearings: Vec::new(),
            outcome: r.get(6)?,
            decided_on: r.get(7)?,
            sentence_months: r.get(8)?,
            fine,
            notes: String::new(),
        },
        notes_enc: r.get(11)?,
        version: r.get(12)?,
    })
}

// ---- Tasks

/// A task still to do, with the case it belongs to, for the dashboard.
#[derive(Debug, Clone)]
pub struct OpenTask {
    pub task: Task,
    pub title_enc: Vec<u8>,
    pub case_number: String,
    pub case_office: OfficeId,
    pub case_sensitive: bool,
}

/// An account's tasks still to do, soonest due first: `limit` of them, after the task
/// `after` (its due day and id) when one is given — the next page of the same order.
pub fn open_tasks_of(
    tx: &mut dyn Tx,
    assignee: AccountId,
    after: Option<(NaiveDate, TaskId)>,
    limit: i64,
) -> Result<Vec<OpenTask>, StoreError> {
    let mut values = params![assignee, limit].to_vec();
    let after = match after {
        Some((due_on, id)) => {
            values.extend_from_slice(params![due_on, id]);
            "AND (t.due_on > $3 OR (t.due_on = $3 AND t.id > $4))"
        }
        None => "",
    };
    tx.query(
        &format!(
            "SELECT {}, c.number, c.office_id, c.sensitive FROM case_tasks t
             JOIN cases c ON c.id = t.case_id
             WHERE t.assignee_id = $1 AND t.done_on IS NULL {after} ORDER BY t.due_on, t.id LIMIT $2",
            super::tasks::columns::<CaseId>()
        ),
        &values,
    )?
    .iter()
    .map(|r| {
        let (task, title_enc) = super::tasks::from_row(r)?;
        Ok(OpenTask { task, title_enc, case_number: r.get(7)?, case_office: r.get(8)?, case_sensitive: r.get(9)? })
    })
    .collect()
}

/// Tasks not done before `today` in the cases a list shows: one office's (or all) and those
/// the viewer works on elsewhere; a sensitive case's only to its team — as `cases::list`.
/// Counted up to `cap` only: past that the exact number tells nobody what to do next, and
/// counting a backlog of tens of thousands would slow every dashboard.
pub fn count_overdue(
    tx: &mut dyn Tx,
    office: Option<OfficeId>,
    viewer: Option<AccountId>,
    today: NaiveDate,
    cap: i64,
) -> Result<i64, StoreError> {
    tx.query_i64(
        "SELECT count(*) FROM (
             SELECT 1 FROM case_tasks t JOIN cases c ON c.id = t.case_id
             WHERE t.done_on IS NULL AND t.due_on < $1
               AND ($2 = '' OR c.office_id = $2 OR c.lead_id = $3
                    OR EXISTS (SELECT 1 FROM case_team m WHERE m.case_id = c.id AND m.account_id = $3))
               AND ($3 = '' OR NOT c.sensitive OR c.lead_id = $3
                    OR EXISTS (SELECT 1 FROM case_team m WHERE m.case_id = c.id AND m.account_id = $3))
             LIMIT $4
         ) capped",
        params![
            today,
            office.map_or(String::new(), |o| o.to_string()),
            viewer.map_or(String::new(), |v| v.to_string()),
            cap
        ],
    )
}

// ---- Notes

pub fn insert_note(tx: &mut dyn Tx, n: &CaseNote, text_enc: Vec<u8>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO case_notes (id, case_id, author_id, author_role, visibility, text_enc, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![n.id, n.case_id, n.author_id, n.author_role.code(), n.visibility.code(), text_enc, n.written_at],
    )?;
    Ok(())
}

/// A case's notes, oldest first; `text` is empty, its ciphertext beside it.
pub fn notes_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<(CaseNote, Vec<u8>)>, StoreError> {
    tx.query(
        "SELECT id, case_id, author_id, author_role, visibility, text_enc, created_at FROM case_notes
         WHERE case_id = $1 ORDER BY created_at, id",
        params![case],
    )?
    .iter()
    .map(|r| {
        let role: String = r.get(3)?;
        let visibility: String = r.get(4)?;
        let note = CaseNote {
            id: r.get(0)?,
            case_id: r.get(1)?,
            author_id: r.get(2)?,
            author_role: Role::parse(&role).ok_or_else(|| invalid("role", &role))?,
            visibility: NoteVisibility::parse(&visibility).ok_or_else(|| invalid("visibility", &visibility))?,
            text: String::new(),
            written_at: r.get::<DateTime<Utc>>(6)?,
        };
        Ok((note, r.get(5)?))
    })
    .collect()
}

// ---- Evidence files

pub fn insert_evidence(
    tx: &mut dyn Tx,
    f: &EvidenceFile,
    name_enc: Vec<u8>,
    content_enc: Vec<u8>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO evidence_files (id, case_id, name_enc, kind, size, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params![f.id, f.case_id, name_enc, &f.kind, f.size, f.added_by, f.added_at],
    )?;
    tx.execute("INSERT INTO evidence_content (evidence_id, content_enc) VALUES ($1, $2)", params![f.id, content_enc])?;
    Ok(())
}

const EVIDENCE_COLUMNS: &str = "id, case_id, name_enc, kind, size, added_by, added_at";

fn evidence_from_row(r: &Row) -> Result<(EvidenceFile, Vec<u8>), StoreError> {
    let file = EvidenceFile {
        id: r.get(0)?,
        case_id: r.get(1)?,
        name: String::new(),
        kind: r.get(3)?,
        size: r.get(4)?,
        added_by: r.get(5)?,
        added_at: r.get(6)?,
    };
    Ok((file, r.get(2)?))
}

/// A case's files, newest first, without their contents; `name` is empty, its ciphertext beside it.
pub fn evidence_of(tx: &mut dyn Tx, case: CaseId) -> Result<Vec<(EvidenceFile, Vec<u8>)>, StoreError> {
    tx.query(
        &format!("SELECT {EVIDENCE_COLUMNS} FROM evidence_files WHERE case_id = $1 ORDER BY added_at DESC, id DESC"),
        params![case],
    )?
    .iter()
    .map(evidence_from_row)
    .collect()
}

/// One file with its encrypted content.
pub fn evidence_with_content(
    tx: &mut dyn Tx,
    case: CaseId,
    id: EvidenceId,
) -> Result<(EvidenceFile, Vec<u8>, Vec<u8>), StoreError> {
    let row = tx.query_one(
        &format!(
            "SELECT {EVIDENCE_COLUMNS}, (SELECT x.content_enc FROM evidence_content x WHERE x.evidence_id = f.id)
             FROM evidence_files f WHERE f.id = $1 AND f.case_id = $2"
        ),
        params![id, case],
    )?;
    let (file, name_enc) = evidence_from_row(&row)?;
    Ok((file, name_enc, row.get(7)?))
}
