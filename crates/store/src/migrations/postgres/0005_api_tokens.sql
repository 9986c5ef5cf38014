-- Per-user API tokens for the JSON API. Only the SHA-256 of a token is kept, as for
-- sessions: a stolen database opens nothing. Revoked tokens stay, for the audit log's sake.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_account ON api_tokens(account_id);
