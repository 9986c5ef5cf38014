-- The case list and the annual report at scale.
--
-- The case list reads its newest cases in the order of an index, whatever it is narrowed
-- to: each narrowing index ends with (opened_on, id), the list's order.
DROP INDEX cases_opened;
CREATE INDEX cases_opened ON cases(opened_on, id);
DROP INDEX cases_status_opened;
CREATE INDEX cases_status_opened ON cases(status, opened_on, id);
DROP INDEX cases_kind_opened;
CREATE INDEX cases_kind_opened ON cases(kind, opened_on, id);
DROP INDEX cases_lead_opened;
CREATE INDEX cases_lead_opened ON cases(lead_id, opened_on, id);
-- "Only cases with overdue tasks" asks each case on the list's way whether it has one.
CREATE INDEX case_tasks_open ON case_tasks(case_id, due_on) WHERE done_on IS NULL;

-- Services of a kind delivered in a period (repatriations), and services counted by kind in
-- the order of their kind.
CREATE INDEX services_kind_day ON services(kind, delivered_on, case_id, person_id);

-- Indicator prevalence counts each person's latest assessment of a period in each catalogue.
-- Two columns kept with each assessment let a report find those in one index range:
-- superseded_on, the day of the person's next assessment in that catalogue (in the order of
-- day, then id), kept by the triggers below whatever changes the assessments (a new one, a
-- merge of two persons, a restore); and tags, the eleven ILO indicators its "yes" answers
-- stand for, one bit each in the order of `Eleven::ALL`, written when it is saved (an
-- assessment never changes, and keeps the edition of its catalogue).
ALTER TABLE assessments ADD COLUMN superseded_on TEXT;
ALTER TABLE assessments ADD COLUMN tags INTEGER NOT NULL DEFAULT 0;
UPDATE assessments SET superseded_on = (
    SELECT n.assessed_on FROM assessments n
    WHERE n.person_id = assessments.person_id AND n.catalogue = assessments.catalogue
      AND (n.assessed_on > assessments.assessed_on OR (n.assessed_on = assessments.assessed_on AND n.id > assessments.id))
    ORDER BY n.assessed_on, n.id LIMIT 1);

-- The tags of the assessments already saved, from the catalogues' mapping of their
-- indicators to the eleven (the editions in force when this was written).
UPDATE assessments SET tags =
    -- abuse-of-vulnerability
    1 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-religious-retribution', 'fl-wl-multiple-dependency', 'fl-wl-pre-existing-dependency',
        'th-vulnerable-dest-dependency', 'th-vulnerable-dest-economic',
        'th-vulnerable-dest-family-situation', 'th-vulnerable-dest-legal-status',
        'th-vulnerable-dest-past-difficulties', 'th-vulnerable-dest-personal-characteristics',
        'th-vulnerable-dest-unknown-area', 'th-vulnerable-rec-beliefs',
        'th-vulnerable-rec-control-of-exploiters', 'th-vulnerable-rec-difficult-family',
        'th-vulnerable-rec-economic', 'th-vulnerable-rec-emotional-dependency',
        'th-vulnerable-rec-false-law', 'th-vulnerable-rec-false-migration',
        'th-vulnerable-rec-family-situation', 'th-vulnerable-rec-general-context',
        'th-vulnerable-rec-illegal-status', 'th-vulnerable-rec-lack-of-education',
        'th-vulnerable-rec-lack-of-information', 'th-vulnerable-rec-legal-status',
        'th-vulnerable-rec-organising-travel', 'th-vulnerable-rec-past-difficulties',
        'th-vulnerable-rec-personal-situation')) THEN 1 ELSE 0 END)
    -- deception
    + 2 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-ur-deceptive-recruitment', 'th-deceptive-rec-conditions', 'th-deceptive-rec-contract',
        'th-deceptive-rec-education', 'th-deceptive-rec-family-reunification',
        'th-deceptive-rec-housing', 'th-deceptive-rec-legal-documents',
        'th-deceptive-rec-marriage-adoption', 'th-deceptive-rec-nature-of-job',
        'th-deceptive-rec-travel', 'th-deceptive-rec-wages', 'th-vulnerable-rec-false-law',
        'th-vulnerable-rec-false-migration')) THEN 1 ELSE 0 END)
    -- restriction-of-movement
    + 4 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-il-no-freedom-to-resign', 'fl-p-restricted-communication', 'fl-ur-coercive-recruitment',
        'fl-wl-limited-freedom', 'th-coercive-dest-isolation', 'th-coercive-rec-abduction-sale',
        'th-coercive-rec-isolation')) THEN 1 ELSE 0 END)
    -- isolation
    + 8 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-restricted-communication', 'fl-wl-limited-freedom', 'th-coercive-dest-forced-to-lie',
        'th-coercive-dest-isolation', 'th-coercive-rec-isolation', 'th-vulnerable-dest-unknown-area')) THEN 1 ELSE 0 END)
    -- physical-sexual-violence
    + 16 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-violence', 'fl-ur-coercive-recruitment', 'fl-wl-induced-addiction',
        'th-coercive-dest-violence', 'th-coercive-dest-violence-on-family',
        'th-coercive-rec-abduction-sale', 'th-coercive-rec-violence',
        'th-coercive-rec-violence-on-family')) THEN 1 ELSE 0 END)
    -- intimidation-threats
    + 32 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-blackmail', 'fl-p-denunciation', 'fl-p-dismissal-worse-conditions', 'fl-p-extra-work',
        'fl-p-religious-retribution', 'fl-p-violence', 'th-coercive-dest-act-against-peers',
        'th-coercive-dest-forced-to-lie', 'th-coercive-dest-strong-influence',
        'th-coercive-dest-threat-denunciation', 'th-coercive-dest-threat-inform-family',
        'th-coercive-dest-threat-worse-conditions', 'th-coercive-dest-threats-of-violence',
        'th-coercive-dest-violence-on-family', 'th-coercive-rec-threat-denunciation',
        'th-coercive-rec-threat-inform-family', 'th-coercive-rec-threats-of-violence',
        'th-coercive-rec-violence-on-family')) THEN 1 ELSE 0 END)
    -- retention-of-documents
    + 64 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-confiscation-documents', 'th-coercive-dest-confiscation-documents',
        'th-coercive-rec-confiscation-documents')) THEN 1 ELSE 0 END)
    -- withholding-of-wages
    + 128 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-il-waiting-for-wages', 'fl-p-withholding-wages', 'th-coercive-dest-withholding-wages',
        'th-coercive-rec-withholding-money', 'th-exploitative-work-low-or-no-salary',
        'th-exploitative-work-wage-manipulation')) THEN 1 ELSE 0 END)
    -- debt-bondage
    + 256 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-il-debt-indeterminate', 'fl-il-training-benefit', 'fl-ur-bonded-by-birth',
        'fl-ur-debt-linked', 'fl-wl-induced-indebtedness', 'th-coercive-dest-debt-bondage',
        'th-coercive-rec-debt-bondage')) THEN 1 ELSE 0 END)
    -- abusive-conditions
    + 512 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-wl-degrading-living', 'fl-wl-illicit-activities', 'fl-wl-private-household',
        'th-coercive-dest-forced-tasks', 'th-coercive-dest-illicit-activities',
        'th-exploitative-work-bad-living', 'th-exploitative-work-bad-working',
        'th-exploitative-work-hazardous', 'th-exploitative-work-labour-laws',
        'th-exploitative-work-social-protection')) THEN 1 ELSE 0 END)
    -- excessive-overtime
    + 1024 * (CASE WHEN EXISTS (SELECT 1 FROM assessment_answers x
        WHERE x.assessment_id = assessments.id AND x.answer = 'yes' AND x.indicator IN (
        'fl-p-extra-work', 'fl-wl-forced-overtime', 'fl-wl-on-call',
        'th-exploitative-work-excessive-hours')) THEN 1 ELSE 0 END);

CREATE TRIGGER assessments_superseded_insert AFTER INSERT ON assessments
BEGIN
    UPDATE assessments SET superseded_on = (
        SELECT n.assessed_on FROM assessments n
        WHERE n.person_id = assessments.person_id AND n.catalogue = assessments.catalogue
          AND (n.assessed_on > assessments.assessed_on OR (n.assessed_on = assessments.assessed_on AND n.id > assessments.id))
        ORDER BY n.assessed_on, n.id LIMIT 1)
    WHERE person_id = NEW.person_id AND catalogue = NEW.catalogue;
END;
CREATE TRIGGER assessments_superseded_delete AFTER DELETE ON assessments
BEGIN
    UPDATE assessments SET superseded_on = (
        SELECT n.assessed_on FROM assessments n
        WHERE n.person_id = assessments.person_id AND n.catalogue = assessments.catalogue
          AND (n.assessed_on > assessments.assessed_on OR (n.assessed_on = assessments.assessed_on AND n.id > assessments.id))
        ORDER BY n.assessed_on, n.id LIMIT 1)
    WHERE person_id = OLD.person_id AND catalogue = OLD.catalogue;
END;
CREATE TRIGGER assessments_superseded_update AFTER UPDATE OF person_id, catalogue, assessed_on ON assessments
BEGIN
    UPDATE assessments SET superseded_on = (
        SELECT n.assessed_on FROM assessments n
        WHERE n.person_id = assessments.person_id AND n.catalogue = assessments.catalogue
          AND (n.assessed_on > assessments.assessed_on OR (n.assessed_on = assessments.assessed_on AND n.id > assessments.id))
        ORDER BY n.assessed_on, n.id LIMIT 1)
    WHERE (person_id = OLD.person_id AND catalogue = OLD.catalogue)
       OR (person_id = NEW.person_id AND catalogue = NEW.catalogue);
END;

-- A period's latest assessments are one range of this index, which holds every column the
-- report reads of them.
DROP INDEX assessments_report;
CREATE INDEX assessments_report ON assessments(assessed_on, superseded_on, person_id, catalogue, tags, id, case_id);

-- Each "yes" counts where its assessment is one of a period's latest: the answers carry their
-- assessment's day and superseded_on (written with them, kept by the trigger below), so that
-- a report counts each indicator in one pass over this index, without visiting assessments.
ALTER TABLE assessment_answers ADD COLUMN assessed_on TEXT;
ALTER TABLE assessment_answers ADD COLUMN superseded_on TEXT;
UPDATE assessment_answers SET
    assessed_on = (SELECT a.assessed_on FROM assessments a WHERE a.id = assessment_answers.assessment_id),
    superseded_on = (SELECT a.superseded_on FROM assessments a WHERE a.id = assessment_answers.assessment_id);
CREATE TRIGGER assessments_superseded_answers AFTER UPDATE OF assessed_on, superseded_on ON assessments
WHEN OLD.assessed_on IS NOT NEW.assessed_on OR OLD.superseded_on IS NOT NEW.superseded_on
BEGIN
    UPDATE assessment_answers SET assessed_on = NEW.assessed_on, superseded_on = NEW.superseded_on
    WHERE assessment_id = NEW.id;
END;
DROP INDEX assessment_answers_report;
CREATE INDEX assessment_answers_yes ON assessment_answers(indicator, assessed_on, superseded_on) WHERE answer = 'yes';
