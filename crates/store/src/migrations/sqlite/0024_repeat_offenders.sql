-- What ranks a party among the repeat offenders, kept as the records naming it change, so
-- that the list is read in order rather than counted for every party on every look. One row
-- per party and district where it has victims or visits (district '' for everywhere): the
-- distinct victims of the cases naming it (sensitive cases left out), the violations found
-- and visits done there, and the appeals naming it. The counts are made by the application
-- (`repo::parties::recount`); the task below counts every party once.
CREATE TABLE party_offences (
    party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    district TEXT NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices(id),
    victims BIGINT NOT NULL,
    violations BIGINT NOT NULL,
    visits BIGINT NOT NULL,
    appeals BIGINT NOT NULL,
    PRIMARY KEY (party_id, district)
);
CREATE INDEX party_offences_rank
    ON party_offences(district, victims DESC, violations DESC, visits DESC, appeals DESC, party_id);
INSERT INTO maintenance_pending (task) VALUES ('recount-offenders');
