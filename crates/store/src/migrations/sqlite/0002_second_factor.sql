-- Two-step sign-in: each account's sealed TOTP secret and last accepted step, one-time
-- recovery codes (keyed hashes), and a session's progress through the second step.

ALTER TABLE accounts ADD COLUMN totp_secret_enc BLOB;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER;

ALTER TABLE sessions ADD COLUMN second_factor_ok INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN pending_totp_enc BLOB;

CREATE TABLE recovery_codes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    code_hash BLOB NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (account_id, code_hash)
);
