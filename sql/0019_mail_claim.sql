-- Several senders (`formations mail` on every application host) and a
-- database failover: a mail is claimed by a committed lease instead of a
-- lock held through the SMTP exchange. The claim moves next_attempt a
-- minute ahead (store/outbox.h), so that no other sender takes the row
-- while its sender talks to the relay, even across a failover, where a
-- lock would be lost with the old primary and the sender could not record
-- a mail it had just sent. claimed_by names the sender (host:pid) that
-- holds or sent the row, for whoever watches the outbox.
ALTER TABLE mail_outbox ADD COLUMN claimed_by text NOT NULL DEFAULT ''
	CHECK (length(claimed_by) <= 200);
