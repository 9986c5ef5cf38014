-- The appeals register filtered by one value (a topic, a channel, an outcome, an operator)
-- and read newest first: each filter gets an index in that order, so a rare value is found
-- without walking a million appeals and a common one stops after a page.
ALTER TABLE appeal_topics ADD COLUMN received_at INTEGER;
UPDATE appeal_topics SET received_at = (SELECT a.received_at FROM appeals a WHERE a.id = appeal_topics.appeal_id);
CREATE INDEX appeal_topics_recent ON appeal_topics(topic, received_at, appeal_id);
CREATE INDEX appeals_channel_received ON appeals(channel, received_at);
CREATE INDEX appeals_outcome_received ON appeals(outcome, received_at);
CREATE INDEX appeals_operator_received ON appeals(operator_id, received_at);
