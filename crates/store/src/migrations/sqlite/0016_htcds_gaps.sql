-- The rest of what the data model lacked for the core fields of the HTCDS export
-- (docs/htcds-mapping.md, edition r3). Lookup codes stay in the clear, as their neighbours do:
-- lists of codes joined by commas, as a person's languages are. A town or village named on
-- an event is sealed, as the event's text is. Rows saved before have none of them.
ALTER TABLE persons ADD COLUMN other_citizenships TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN recruitment_methods TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN means_of_control TEXT NOT NULL DEFAULT '';
ALTER TABLE case_events ADD COLUMN place_country TEXT;
ALTER TABLE case_events ADD COLUMN place_region TEXT;
ALTER TABLE case_events ADD COLUMN place_district TEXT;
ALTER TABLE case_events ADD COLUMN place_settlement_enc BLOB;
