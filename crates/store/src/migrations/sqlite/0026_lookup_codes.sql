-- The organisation's own lists: codes it added to an editable lookup list, and shipped codes
-- it renamed, moved or retired. A shipped code without a row stays as shipped. Labels are a
-- JSON object of language → label; nothing here names a person.
CREATE TABLE lookup_codes (
    list TEXT NOT NULL,
    code TEXT NOT NULL,
    position BIGINT NOT NULL,
    labels TEXT NOT NULL,
    retired_on TEXT,
    version BIGINT NOT NULL,
    PRIMARY KEY (list, code)
);

-- Articles of law the organisation added, and shipped articles whose dates, labels or source it
-- changed; a shipped article without a row stays as shipped.
CREATE TABLE law_articles (
    code TEXT PRIMARY KEY,
    book TEXT NOT NULL,
    number TEXT NOT NULL,
    in_force_from TEXT NOT NULL,
    in_force_to TEXT,
    labels TEXT NOT NULL,
    source TEXT NOT NULL,
    version BIGINT NOT NULL
);
