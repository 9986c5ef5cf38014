-- The case desk: where a case's people were recruited, why it was closed, each person's
-- standing as a victim; and the case's timeline, indicator assessments, proceedings, tasks,
-- notes and evidence files. Free text and file contents are ciphertext (the app's keys).
ALTER TABLE cases ADD COLUMN closing_reason TEXT;
ALTER TABLE cases ADD COLUMN recruited_country TEXT;
ALTER TABLE cases ADD COLUMN recruited_district TEXT;
-- The case list filtered by lead, kind or status, newest first.
CREATE INDEX cases_lead_opened ON cases(lead_id, opened_on);
CREATE INDEX cases_kind_opened ON cases(kind, opened_on);
CREATE INDEX cases_status_opened ON cases(status, opened_on);

ALTER TABLE case_persons ADD COLUMN victim_status TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE case_persons ADD COLUMN identified_by TEXT;
ALTER TABLE case_persons ADD COLUMN identified_on TEXT;

CREATE TABLE case_events (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    text_enc BYTEA NOT NULL,
    author_id TEXT REFERENCES accounts(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, happened_on);

CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    catalogue TEXT NOT NULL,
    edition TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    assessor_id TEXT REFERENCES accounts(id),
    minor BOOLEAN NOT NULL,
    -- The rule's result when the assessment was saved, for reports; pages evaluate again.
    verdict TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX assessments_case ON assessments(case_id, assessed_on);
CREATE INDEX assessments_person ON assessments(person_id);
CREATE INDEX assessments_day ON assessments(assessed_on);

CREATE TABLE assessment_answers (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    answer TEXT NOT NULL,
    source TEXT,
    noted_on TEXT,
    PRIMARY KEY (assessment_id, indicator)
);

CREATE TABLE proceedings (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    authority TEXT NOT NULL,
    stage TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    outcome TEXT,
    decided_on TEXT,
    sentence_months BIGINT,
    fine_minor BIGINT,
    fine_currency TEXT,
    notes_enc BYTEA,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX proceedings_case ON proceedings(case_id);
CREATE INDEX proceedings_outcome ON proceedings(outcome, decided_on);

CREATE TABLE proceeding_articles (
    proceeding_id TEXT NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    article TEXT NOT NULL,
    PRIMARY KEY (proceeding_id, article)
);

CREATE TABLE hearings (
    proceeding_id TEXT NOT NULL REFERENCES proceedings(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    PRIMARY KEY (proceeding_id, held_on)
);

CREATE TABLE case_tasks (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title_enc BYTEA NOT NULL,
    assignee_id TEXT NOT NULL REFERENCES accounts(id),
    due_on TEXT NOT NULL,
    done_on TEXT,
    created_by TEXT REFERENCES accounts(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX case_tasks_case ON case_tasks(case_id, due_on);
-- "My tasks" and "overdue" read only the tasks still to do.
CREATE INDEX case_tasks_mine ON case_tasks(assignee_id, due_on) WHERE done_on IS NULL;
CREATE INDEX case_tasks_due ON case_tasks(due_on, case_id) WHERE done_on IS NULL;

CREATE TABLE case_notes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES accounts(id),
    author_role TEXT NOT NULL,
    visibility TEXT NOT NULL,
    text_enc BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id, created_at);

-- A file's description apart from its content, so that listing a case's files reads no file.
CREATE TABLE evidence_files (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name_enc BYTEA NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    added_by TEXT REFERENCES accounts(id),
    added_at BIGINT NOT NULL
);
CREATE INDEX evidence_files_case ON evidence_files(case_id, added_at);

CREATE TABLE evidence_content (
    evidence_id TEXT PRIMARY KEY REFERENCES evidence_files(id) ON DELETE CASCADE,
    content_enc BYTEA NOT NULL
);
