-- Foundation schema (PostgreSQL). Ids are UUIDv7 text; timestamps are Unix milliseconds;
-- dates are 'YYYY-MM-DD' text; *_enc columns hold ciphertext sealed by the app crate.

CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    utc_offset_minutes BIGINT NOT NULL
);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE key_ring (
    id TEXT PRIMARY KEY,
    wrapped_key BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    active BOOLEAN NOT NULL
);

CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    sex TEXT NOT NULL,
    citizenship TEXT NOT NULL,
    age_band TEXT NOT NULL,
    home_region TEXT NOT NULL,
    languages TEXT NOT NULL,
    vulnerabilities TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL,
    identity_enc BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX persons_office ON persons(office_id);

-- Keyed blind indexes: HMAC of folded name tokens, phones and document numbers.
CREATE TABLE person_index (
    kind TEXT NOT NULL,
    token BYTEA NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (token, person_id)
);
CREATE INDEX person_index_person ON person_index(person_id);

CREATE TABLE parties (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    kind TEXT NOT NULL,
    region TEXT,
    district TEXT,
    identity_enc BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE party_index (
    kind TEXT NOT NULL,
    token BYTEA NOT NULL,
    party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    PRIMARY KEY (token, party_id)
);
CREATE INDEX party_index_party ON party_index(party_id);

CREATE TABLE appeals (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    received_at BIGINT NOT NULL,
    channel TEXT NOT NULL,
    contact TEXT NOT NULL,
    person_id TEXT REFERENCES persons(id),
    occupation TEXT,
    sector TEXT,
    work_region TEXT,
    work_district TEXT,
    wage_minor BIGINT,
    wage_currency TEXT,
    migration_reason TEXT,
    notes_enc BYTEA,
    operator_id TEXT NOT NULL REFERENCES accounts(id),
    follow_up_on TEXT,
    outcome TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX appeals_office_received ON appeals(office_id, received_at);
CREATE INDEX appeals_received ON appeals(received_at);
CREATE INDEX appeals_person ON appeals(person_id);
CREATE INDEX appeals_follow_up ON appeals(operator_id, follow_up_on) WHERE follow_up_on IS NOT NULL;

CREATE TABLE appeal_topics (
    appeal_id TEXT NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (appeal_id, topic)
);

CREATE TABLE appeal_help (
    appeal_id TEXT NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
    help TEXT NOT NULL,
    PRIMARY KEY (appeal_id, help)
);

CREATE TABLE appeal_parties (
    appeal_id TEXT NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties(id),
    role TEXT NOT NULL,
    PRIMARY KEY (appeal_id, party_id)
);
CREATE INDEX appeal_parties_party ON appeal_parties(party_id);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    sensitive BOOLEAN NOT NULL,
    lead_id TEXT NOT NULL REFERENCES accounts(id),
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    recruited_at TEXT NOT NULL,
    exploited_region TEXT,
    exploited_district TEXT,
    exploited_place TEXT,
    summary_enc BYTEA,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX cases_office_status ON cases(office_id, status);

-- The last case number given per prefix ("2008-"): numbering without counting cases.
CREATE TABLE case_counters (
    prefix TEXT PRIMARY KEY,
    last BIGINT NOT NULL
);
CREATE INDEX cases_opened ON cases(opened_on);

CREATE TABLE case_team (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (case_id, account_id)
);
CREATE INDEX case_team_account ON case_team(account_id);

CREATE TABLE case_persons (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_persons_person ON case_persons(person_id);

CREATE TABLE case_parties (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties(id),
    role TEXT NOT NULL,
    PRIMARY KEY (case_id, party_id)
);
CREATE INDEX case_parties_party ON case_parties(party_id);

CREATE TABLE case_outcomes (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    PRIMARY KEY (case_id, outcome)
);

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT REFERENCES persons(id),
    kind TEXT NOT NULL,
    delivered_on TEXT NOT NULL,
    provider TEXT NOT NULL,
    result_enc BYTEA,
    destination_country TEXT,
    claimed_minor BIGINT,
    claimed_currency TEXT,
    recovered_minor BIGINT,
    recovered_currency TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX services_case ON services(case_id);
CREATE INDEX services_kind_date ON services(kind, delivered_on);

-- Append-only, hash-chained. audit_head holds the chain's tip; taking its row lock
-- serialises appends on PostgreSQL (SQLite serialises writers anyway).
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    account_id TEXT,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_record ON audit_log(record_kind, record_id);
CREATE INDEX audit_account ON audit_log(account_id, at);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
