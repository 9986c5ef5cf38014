-- Follow-up work from a monitoring visit (a letter to the labour inspection, a return visit):
-- its title can name people, so it is ciphertext; the dashboard lists an account's open ones.
CREATE TABLE visit_tasks (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    title_enc BLOB NOT NULL,
    assignee_id TEXT NOT NULL REFERENCES accounts(id),
    due_on TEXT NOT NULL,
    done_on TEXT,
    created_by TEXT REFERENCES accounts(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX visit_tasks_visit ON visit_tasks(visit_id, due_on);
-- "My tasks" reads only the tasks still to do.
CREATE INDEX visit_tasks_mine ON visit_tasks(assignee_id, due_on) WHERE done_on IS NULL;
