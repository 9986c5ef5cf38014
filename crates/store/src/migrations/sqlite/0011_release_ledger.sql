-- The ledger of public releases: every release of report figures made (a package downloaded
-- or written by the command line), so that a new one can be checked against all of them and
-- the privacy budget of differentially private releases counted per calendar year. The
-- figures are what was published (JSON, as the domain records them): public already, so not
-- sealed, and enough to check the ledger again or make the same package again.
CREATE TABLE public_releases (
    id TEXT PRIMARY KEY,
    made_at INTEGER NOT NULL,
    -- NULL: made by the command line, on the server.
    made_by TEXT REFERENCES accounts(id),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    -- NULL: every office.
    office_id TEXT REFERENCES offices(id),
    mode TEXT NOT NULL CHECK (mode IN ('suppression', 'private')),
    -- Small counts hidden below it (suppression); NULL for a private release.
    threshold INTEGER CHECK (threshold IS NULL OR threshold >= 2),
    -- The privacy loss ε of a private release, in thousandths; NULL for suppression.
    epsilon_milli INTEGER CHECK (epsilon_milli IS NULL OR epsilon_milli > 0),
    figures TEXT NOT NULL,
    CHECK ((mode = 'suppression') = (threshold IS NOT NULL) AND (mode = 'private') = (epsilon_milli IS NOT NULL))
);
CREATE INDEX public_releases_period ON public_releases(period_from, period_to);

-- The privacy budget of a calendar year: the ε that private releases touching that year may
-- spend together, in thousandths. One row, an administrator's setting; 1.0 to start with.
CREATE TABLE privacy_budget (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epsilon_per_year_milli INTEGER NOT NULL CHECK (epsilon_per_year_milli > 0)
);
INSERT INTO privacy_budget (id, epsilon_per_year_milli) VALUES (1, 1000);
