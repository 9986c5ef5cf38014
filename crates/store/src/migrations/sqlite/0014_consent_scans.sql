-- The scanned form a person signed when giving consent: at most one per consent (a better
-- scan replaces it). Its name and content are ciphertext (the app's keys), like evidence; the
-- kind and size say what it is without opening it.
CREATE TABLE consent_scans (
    consent_id TEXT PRIMARY KEY REFERENCES consents(id),
    name_enc BLOB NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_enc BLOB NOT NULL,
    added_by TEXT NOT NULL REFERENCES accounts(id),
    added_at INTEGER NOT NULL
);
