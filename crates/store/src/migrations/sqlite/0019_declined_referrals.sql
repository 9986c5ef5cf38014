-- A referral the partner declined is no longer under way: it waits for the sender to close it
-- or to refer the person elsewhere, and the desk lists it apart, the latest declined first.
DROP INDEX referrals_under_way;
CREATE INDEX referrals_under_way ON referrals(
    (CASE WHEN reply_due_on IS NULL THEN 1 ELSE 0 END), reply_due_on, created_at DESC, id
) WHERE status NOT IN ('closed', 'withdrawn', 'declined');
CREATE INDEX referrals_declined ON referrals(updated_at DESC, id) WHERE status = 'declined';
