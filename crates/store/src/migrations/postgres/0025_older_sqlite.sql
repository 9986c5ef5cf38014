-- Nothing to do here: this release rewrites SQLite's triggers so that older SQLite versions
-- read the file (see the SQLite migration of the same number); PostgreSQL's `string_agg(…
-- ORDER BY …)` is fine in every version Komek supports.
SELECT 1;
