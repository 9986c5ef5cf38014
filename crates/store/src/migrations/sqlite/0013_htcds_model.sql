-- What the data model lacked for the core fields of the HTCDS export (docs/htcds-mapping.md).
-- Codes only, nothing that can name a person: kept in the clear. Existing cases have no
-- country of exploitation (NULL: a Kazakh region still implies Kazakhstan).
ALTER TABLE cases ADD COLUMN exploited_country TEXT;
