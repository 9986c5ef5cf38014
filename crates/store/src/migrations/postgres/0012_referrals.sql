-- The referral network: partners, a person's consent to share, and referrals with their steps.
--
-- A partner's name, kind, country and lists are public facts about an organisation, in the
-- clear so that the hotline can search them by service and region; its staff's names and
-- contacts and the notes about it are sealed (`contacts_enc`).
CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- The name's words folded as a person's name is for search (case, ё/е, Latin or Cyrillic).
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    working_hours TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    contacts_enc BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX partners_kind ON partners(kind, active);

CREATE TABLE partner_regions (
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (partner_id, region)
);
CREATE INDEX partner_regions_region ON partner_regions(region);

CREATE TABLE partner_services (
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    service TEXT NOT NULL,
    PRIMARY KEY (partner_id, service)
);
CREATE INDEX partner_services_service ON partner_services(service);

CREATE TABLE partner_languages (
    partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (partner_id, language)
);

-- A person's consent to share: whom (partners by id, or every partner of a kind), what for and
-- which categories of data (code lists, comma-separated like every code list here: nothing
-- that names the person), from when to when, and its withdrawal. What the person was told, the witness or the guardian is
-- sealed (`note_enc`). A consent is never deleted: a referral names the one it went under.
CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons(id),
    office_id TEXT NOT NULL REFERENCES offices(id),
    given_on TEXT NOT NULL,
    method TEXT NOT NULL,
    recipient_partners TEXT NOT NULL,
    recipient_kinds TEXT NOT NULL,
    purposes TEXT NOT NULL,
    categories TEXT NOT NULL,
    expires_on TEXT,
    withdrawn_on TEXT,
    withdrawn_by TEXT REFERENCES accounts(id),
    note_enc BYTEA,
    recorded_by TEXT NOT NULL REFERENCES accounts(id),
    recorded_at BIGINT NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= given_on),
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX consents_person ON consents(person_id);

-- A referral: to a partner (outgoing) or from one (incoming), for a person, from a case or an
-- appeal. What it asks and carries are code lists; a manager's reason to share without
-- consent is sealed. Numbers ("R-2008-014") come from `case_counters` under their own prefix.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    number TEXT NOT NULL UNIQUE,
    direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    person_id TEXT NOT NULL REFERENCES persons(id),
    case_id TEXT REFERENCES cases(id),
    appeal_id TEXT REFERENCES appeals(id),
    partner_id TEXT NOT NULL REFERENCES partners(id),
    purpose TEXT NOT NULL,
    services TEXT NOT NULL,
    urgency TEXT NOT NULL,
    reply_due_on TEXT,
    fields TEXT NOT NULL,
    consent_id TEXT REFERENCES consents(id),
    override_reason_enc BYTEA,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    -- Nothing goes out without a consent or a reason to do without one.
    CHECK (direction = 'incoming' OR consent_id IS NOT NULL OR override_reason_enc IS NOT NULL)
);
CREATE INDEX referrals_person ON referrals(person_id);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_partner ON referrals(partner_id, status);
CREATE INDEX referrals_waiting ON referrals(status, reply_due_on);
CREATE INDEX referrals_consent ON referrals(consent_id);

-- Every change of a referral's status, dated, with who recorded it and the reply (sealed).
CREATE TABLE referral_steps (
    referral_id TEXT NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    status TEXT NOT NULL,
    on_day TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES accounts(id),
    note_enc BYTEA,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (referral_id, seq)
);
