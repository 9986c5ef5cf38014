-- A repatriation says with whom the person went home (a relative, a partner's escort, alone).
-- It can name people, so it is kept sealed, as a service's result is.
ALTER TABLE services ADD COLUMN accompanied_by_enc BLOB;
