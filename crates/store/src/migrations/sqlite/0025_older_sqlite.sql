-- The triggers that keep each appeal's sorted sets of topics and help (0008) are written again
-- without `group_concat(… ORDER BY …)`, which only SQLite 3.44 and later read: an older SQLite
-- (Debian 12's sqlite3 shell and Python module, 3.40) refuses a file whose schema holds it.
-- The values are sorted in a subquery instead; SQLite never merges a subquery that sorts into
-- an aggregate over it, so the aggregate reads the values in that order.
DROP TRIGGER appeal_topics_set_insert;
DROP TRIGGER appeal_topics_set_delete;
DROP TRIGGER appeal_topics_set_update;
DROP TRIGGER appeal_help_set_insert;
DROP TRIGGER appeal_help_set_delete;
DROP TRIGGER appeal_help_set_update;

-- A row that is already in the set (a restored backup brings both) changes nothing.
CREATE TRIGGER appeal_topics_set_insert AFTER INSERT ON appeal_topics
WHEN instr(',' || (SELECT a.topic_set FROM appeals a WHERE a.id = NEW.appeal_id) || ',', ',' || NEW.topic || ',') = 0
BEGIN
    UPDATE appeals SET topic_set = (SELECT group_concat(topic, ',') FROM
                                        (SELECT t.topic FROM appeal_topics t WHERE t.appeal_id = NEW.appeal_id
                                         ORDER BY t.topic))
    WHERE id = NEW.appeal_id;
END;
CREATE TRIGGER appeal_topics_set_delete AFTER DELETE ON appeal_topics
BEGIN
    UPDATE appeals SET topic_set = COALESCE((SELECT group_concat(topic, ',') FROM
                                                 (SELECT t.topic FROM appeal_topics t WHERE t.appeal_id = OLD.appeal_id
                                                  ORDER BY t.topic)), '')
    WHERE id = OLD.appeal_id;
END;
CREATE TRIGGER appeal_topics_set_update AFTER UPDATE OF appeal_id, topic ON appeal_topics
BEGIN
    UPDATE appeals SET topic_set = COALESCE((SELECT group_concat(topic, ',') FROM
                                                 (SELECT t.topic FROM appeal_topics t WHERE t.appeal_id = appeals.id
                                                  ORDER BY t.topic)), '')
    WHERE id IN (OLD.appeal_id, NEW.appeal_id);
END;
CREATE TRIGGER appeal_help_set_insert AFTER INSERT ON appeal_help
WHEN instr(',' || (SELECT a.help_set FROM appeals a WHERE a.id = NEW.appeal_id) || ',', ',' || NEW.help || ',') = 0
BEGIN
    UPDATE appeals SET help_set = (SELECT group_concat(help, ',') FROM
                                       (SELECT h.help FROM appeal_help h WHERE h.appeal_id = NEW.appeal_id
                                        ORDER BY h.help))
    WHERE id = NEW.appeal_id;
END;
CREATE TRIGGER appeal_help_set_delete AFTER DELETE ON appeal_help
BEGIN
    UPDATE appeals SET help_set = COALESCE((SELECT group_concat(help, ',') FROM
                                                (SELECT h.help FROM appeal_help h WHERE h.appeal_id = OLD.appeal_id
                                                 ORDER BY h.help)), '')
    WHERE id = OLD.appeal_id;
END;
CREATE TRIGGER appeal_help_set_update AFTER UPDATE OF appeal_id, help ON appeal_help
BEGIN
    UPDATE appeals SET help_set = COALESCE((SELECT group_concat(help, ',') FROM
                                                (SELECT h.help FROM appeal_help h WHERE h.appeal_id = appeals.id
                                                 ORDER BY h.help)), '')
    WHERE id IN (OLD.appeal_id, NEW.appeal_id);
END;
