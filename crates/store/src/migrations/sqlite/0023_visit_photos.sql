-- Photographs taken on a monitoring visit (housing, a field, a notice on a wall): checked like
-- evidence files, name and content sealed; kind and size say what each is without opening it.
CREATE TABLE visit_photos (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    name_enc BLOB NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_enc BLOB NOT NULL,
    added_by TEXT NOT NULL REFERENCES accounts(id),
    added_at INTEGER NOT NULL
);
CREATE INDEX visit_photos_visit ON visit_photos(visit_id, added_at);
