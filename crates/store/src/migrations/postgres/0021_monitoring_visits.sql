-- The mobile group's monitoring visits. What is counted (people met, the checklist,
-- violations, materials) is in the clear, in tables of its own, so that reports count it by
-- district, place kind and month; the settlement, the narrative and a reason for calling a
-- visit off can name people and places, and are ciphertext (`notes_enc`).
CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices(id),
    status TEXT NOT NULL,
    planned_on TEXT NOT NULL,
    visited_on TEXT,
    region TEXT NOT NULL,
    district TEXT NOT NULL,
    place_kind TEXT NOT NULL,
    party_id TEXT REFERENCES parties(id),
    people_total BIGINT NOT NULL,
    people_women BIGINT NOT NULL,
    people_men BIGINT NOT NULL,
    people_minors BIGINT NOT NULL,
    hours_per_day BIGINT,
    notes_enc BYTEA,
    created_by TEXT REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
-- The month's plan and the office's list, by the day visited (or, until then, planned).
CREATE INDEX visits_office_day ON visits(office_id, COALESCE(visited_on, planned_on));
-- A party's visits, and the visit before a return visit to the same place.
CREATE INDEX visits_party ON visits(party_id, visited_on) WHERE party_id IS NOT NULL;

CREATE TABLE visit_partners (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partners(id),
    PRIMARY KEY (visit_id, partner_id)
);

CREATE TABLE visit_team (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (visit_id, account_id)
);
CREATE INDEX visit_team_account ON visit_team(account_id);

CREATE TABLE visit_citizenships (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    citizenship TEXT NOT NULL,
    people BIGINT NOT NULL,
    PRIMARY KEY (visit_id, citizenship)
);

-- One row per checklist item answered; `seq` keeps the order the group answered in.
CREATE TABLE visit_checks (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    seq BIGINT NOT NULL,
    answer TEXT NOT NULL,
    people BIGINT,
    PRIMARY KEY (visit_id, item)
);

CREATE TABLE visit_violations (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    violation TEXT NOT NULL,
    seq BIGINT NOT NULL,
    people BIGINT,
    PRIMARY KEY (visit_id, violation)
);

CREATE TABLE visit_materials (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    material TEXT NOT NULL,
    language TEXT NOT NULL,
    seq BIGINT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (visit_id, material, language)
);

-- On-site consultations: appeals registered during a visit.
ALTER TABLE appeals ADD COLUMN visit_id TEXT REFERENCES visits(id);
CREATE INDEX appeals_visit ON appeals(visit_id) WHERE visit_id IS NOT NULL;

-- Cases opened from a visit (a group case for the workers of one farm).
CREATE TABLE visit_cases (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    PRIMARY KEY (visit_id, case_id)
);
CREATE INDEX visit_cases_case ON visit_cases(case_id);

