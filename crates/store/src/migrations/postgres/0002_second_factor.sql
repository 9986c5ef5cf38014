-- Two-step sign-in: each account's sealed TOTP secret and last accepted step, one-time
-- recovery codes (keyed hashes), and a session's progress through the second step.

ALTER TABLE accounts ADD COLUMN totp_secret_enc BYTEA;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;

ALTER TABLE sessions ADD COLUMN second_factor_ok BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sessions ADD COLUMN pending_totp_enc BYTEA;

CREATE TABLE recovery_codes (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    code_hash BYTEA NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (account_id, code_hash)
);
