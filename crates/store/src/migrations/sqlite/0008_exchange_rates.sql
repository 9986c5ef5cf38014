-- Reports: the dated exchange rates that turn tenge into dollars; and what lets a report over
-- a million appeals and a hundred thousand cases be counted in the database: each appeal's
-- topics and help in its own row, and indexes that hold every column a figure reads.

-- Tenge per unit of a currency (in tiyn: 150.00 tenge per dollar is 15000), in force from a
-- day until the next rate of that currency. Editable data; these defaults are approximate
-- yearly averages of the National Bank's official rate, to be checked by the organisation.
-- 2008 is the seed's own: 18,000 tenge = $120.
CREATE TABLE exchange_rates (
    currency TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    tenge_per_unit_minor INTEGER NOT NULL CHECK (tenge_per_unit_minor > 0),
    PRIMARY KEY (currency, valid_from)
) WITHOUT ROWID;
INSERT INTO exchange_rates (currency, valid_from, tenge_per_unit_minor) VALUES
    ('USD', '2008-01-01', 15000),
    ('USD', '2009-01-01', 14750),
    ('USD', '2014-01-01', 17920),
    ('USD', '2015-01-01', 22170),
    ('USD', '2016-01-01', 34220),
    ('USD', '2020-01-01', 41290),
    ('USD', '2024-01-01', 46940);

-- Each appeal's topics and help as one sorted, comma-separated value, kept by the triggers
-- below from the appeal_topics and appeal_help rows (which stay the source of truth). A
-- report then counts appeals per topic, per kind of help and per group of topics — each
-- appeal once — in one pass over the appeals, instead of one join per figure.
ALTER TABLE appeals ADD COLUMN topic_set TEXT NOT NULL DEFAULT '';
ALTER TABLE appeals ADD COLUMN help_set TEXT NOT NULL DEFAULT '';
UPDATE appeals SET
    topic_set = COALESCE((SELECT group_concat(t.topic, ',' ORDER BY t.topic) FROM appeal_topics t
                          WHERE t.appeal_id = appeals.id), ''),
    help_set = COALESCE((SELECT group_concat(h.help, ',' ORDER BY h.help) FROM appeal_help h
                         WHERE h.appeal_id = appeals.id), '');

-- A row that is already in the set (a restored backup brings both) changes nothing.
CREATE TRIGGER appeal_topics_set_insert AFTER INSERT ON appeal_topics
WHEN instr(',' || (SELECT a.topic_set FROM appeals a WHERE a.id = NEW.appeal_id) || ',', ',' || NEW.topic || ',') = 0
BEGIN
    UPDATE appeals SET topic_set = (SELECT group_concat(t.topic, ',' ORDER BY t.topic) FROM appeal_topics t
                                    WHERE t.appeal_id = NEW.appeal_id)
    WHERE id = NEW.appeal_id;
END;
CREATE TRIGGER appeal_topics_set_delete AFTER DELETE ON appeal_topics
BEGIN
    UPDATE appeals SET topic_set = COALESCE((SELECT group_concat(t.topic, ',' ORDER BY t.topic) FROM appeal_topics t
                                             WHERE t.appeal_id = OLD.appeal_id), '')
    WHERE id = OLD.appeal_id;
END;
CREATE TRIGGER appeal_topics_set_update AFTER UPDATE OF appeal_id, topic ON appeal_topics
BEGIN
    UPDATE appeals SET topic_set = COALESCE((SELECT group_concat(t.topic, ',' ORDER BY t.topic) FROM appeal_topics t
                                             WHERE t.appeal_id = appeals.id), '')
    WHERE id IN (OLD.appeal_id, NEW.appeal_id);
END;
CREATE TRIGGER appeal_help_set_insert AFTER INSERT ON appeal_help
WHEN instr(',' || (SELECT a.help_set FROM appeals a WHERE a.id = NEW.appeal_id) || ',', ',' || NEW.help || ',') = 0
BEGIN
    UPDATE appeals SET help_set = (SELECT group_concat(h.help, ',' ORDER BY h.help) FROM appeal_help h
                                   WHERE h.appeal_id = NEW.appeal_id)
    WHERE id = NEW.appeal_id;
END;
CREATE TRIGGER appeal_help_set_delete AFTER DELETE ON appeal_help
BEGIN
    UPDATE appeals SET help_set = COALESCE((SELECT group_concat(h.help, ',' ORDER BY h.help) FROM appeal_help h
                                            WHERE h.appeal_id = OLD.appeal_id), '')
    WHERE id = OLD.appeal_id;
END;
CREATE TRIGGER appeal_help_set_update AFTER UPDATE OF appeal_id, help ON appeal_help
BEGIN
    UPDATE appeals SET help_set = COALESCE((SELECT group_concat(h.help, ',' ORDER BY h.help) FROM appeal_help h
                                            WHERE h.appeal_id = appeals.id), '')
    WHERE id IN (OLD.appeal_id, NEW.appeal_id);
END;

-- The report reads these instead of the appeals themselves: grouped in index order, each
-- figure is one pass over an index with no sorting and no look-up of the appeal's row.
CREATE INDEX appeals_report_answers ON appeals(channel, sector, migration_reason, occupation, wage_currency,
                                               received_at, office_id, wage_minor);
CREATE INDEX appeals_report_topics ON appeals(topic_set, help_set, received_at, office_id);

-- Case work of a period, read from indexes that hold every column a report needs: the
-- cases opened, the services delivered (with their amounts), the assessments made and the
-- indicators answered "yes".
CREATE INDEX cases_report ON cases(opened_on, office_id, id);
CREATE INDEX services_report ON services(delivered_on, kind, case_id, person_id, claimed_currency, claimed_minor,
                                         recovered_currency, recovered_minor);
CREATE INDEX assessments_report ON assessments(person_id, catalogue, assessed_on, id, case_id);
CREATE INDEX assessment_answers_report ON assessment_answers(assessment_id, answer, indicator);
