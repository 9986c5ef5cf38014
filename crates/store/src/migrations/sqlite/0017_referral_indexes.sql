-- Indexes the referral desk, the dashboard and the annual report read, measured with a
-- referral for every case (BENCHMARKS.md, "Referrals").

-- The desk: the referrals under way in its order (those with a reply due first, the
-- longest waiting first), read along an index instead of sorting every one under way.
CREATE INDEX referrals_under_way ON referrals(
    (CASE WHEN reply_due_on IS NULL THEN 1 ELSE 0 END), reply_due_on, created_at DESC, id
) WHERE status NOT IN ('closed', 'withdrawn');

-- The dashboard's count of replies overdue, answered from the index alone.
DROP INDEX referrals_waiting;
CREATE INDEX referrals_waiting ON referrals(status, reply_due_on, direction, office_id);

-- The report's referrals by the step that puts them in a period, and each referral's days
-- to its first answer: from indexes, without reading the steps' sealed replies or the
-- referrals' rows.
CREATE INDEX referral_steps_status ON referral_steps(status, on_day, referral_id);
CREATE INDEX referral_steps_days ON referral_steps(referral_id, seq, status, on_day);
CREATE INDEX referrals_reported ON referrals(id, direction, partner_id, status, office_id);
