-- Break-glass reads: a record opened outside the reader's normal reach, with the reason
-- (sealed: it may name people) and the manager's review.

CREATE TABLE break_glass (
    id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    reason_enc BLOB NOT NULL,
    reviewed_by TEXT REFERENCES accounts(id),
    reviewed_at INTEGER
);
CREATE INDEX break_glass_unreviewed ON break_glass(at) WHERE reviewed_at IS NULL;

-- One active data key at a time, even when two servers start on one empty database at once.
CREATE UNIQUE INDEX key_ring_one_active ON key_ring(active) WHERE active = 1;
