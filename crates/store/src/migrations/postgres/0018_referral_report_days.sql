-- The two days the annual report counts a referral by, kept on the referral itself so that a
-- report reads one index range of the referrals instead of every step of every referral
-- (at a referral for every case, the steps' way took most of the report's second).
--
-- counted_on: the day that puts a referral in a period: the day it was sent (one we sent) or
--             received (one a partner sent us); none while it is a draft, nor when it was
--             withdrawn before it went.
-- answered_on: for one we sent, the day of the partner's first answer (the first step that
--             received, accepted or declined it); none while it waits.
--
-- Steps are only ever added, and each status is reached once, so the repository sets each
-- day when the step that gives it is added, and never changes it after.
ALTER TABLE referrals ADD COLUMN counted_on TEXT;
ALTER TABLE referrals ADD COLUMN answered_on TEXT;

UPDATE referrals SET counted_on = (
    SELECT s.on_day FROM referral_steps s
    WHERE s.referral_id = referrals.id
      AND ((referrals.direction = 'outgoing' AND s.status = 'sent')
        OR (referrals.direction = 'incoming' AND s.status = 'received'))
    ORDER BY s.seq LIMIT 1);
UPDATE referrals SET answered_on = (
    SELECT s.on_day FROM referral_steps s
    WHERE s.referral_id = referrals.id AND s.status IN ('received', 'accepted', 'declined')
    ORDER BY s.seq LIMIT 1)
WHERE direction = 'outgoing' AND counted_on IS NOT NULL;

-- The report's referrals by partner and status, and its days to a reply, from this index
-- alone.
CREATE INDEX referrals_counted ON referrals(counted_on, direction, partner_id, status, answered_on, office_id)
    WHERE counted_on IS NOT NULL;

-- What the report read before, now unused.
DROP INDEX referral_steps_status;
DROP INDEX referral_steps_days;
DROP INDEX referrals_reported;
