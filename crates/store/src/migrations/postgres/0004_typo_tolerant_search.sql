-- Work the application must do once after an upgrade, with keys the database does not hold:
-- here, re-indexing every person and party so that names are found across one typo.
CREATE TABLE maintenance_pending (
    task TEXT PRIMARY KEY
);
INSERT INTO maintenance_pending (task) VALUES ('reindex-persons'), ('reindex-parties');
