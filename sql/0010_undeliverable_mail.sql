-- Mail that can never leave ends as failed instead of being retried
-- forever: an address the relay refuses for good (a 5xx answer), a message
-- that cannot be written, or a temporary failure that lasted through 20
-- attempts (about four days of backoff). Staff see failed mails in the
-- intranet and may send one again once the cause is mended.
ALTER TABLE mail_outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_sent_or_failed
	CHECK (sent_at IS NULL OR failed_at IS NULL);

DROP INDEX mail_outbox_pending;
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt, id)
	WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_failed ON mail_outbox (failed_at DESC, id DESC)
	WHERE failed_at IS NOT NULL;

-- A demand is assigned only to someone who may read demands: an active
-- account of any role but formateur. The intranet checks first and says
-- so in French; this is the last word when two changes race.
CREATE FUNCTION demand_assignee_may_handle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.assignee_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM staff_user u
			WHERE u.id = NEW.assignee_id AND u.active AND u.role <> 'formateur') THEN
		RAISE EXCEPTION 'staff_user % may not handle demands', NEW.assignee_id
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END $$;
-- Only a new assignee is checked: a demand whose assignee later became a
-- trainer can still be changed (and reassigned).
CREATE TRIGGER demand_assignee_insert BEFORE INSERT ON demand
	FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL) EXECUTE FUNCTION demand_assignee_may_handle();
CREATE TRIGGER demand_assignee_update BEFORE UPDATE OF assignee_id ON demand
	FOR EACH ROW WHEN (NEW.assignee_id IS DISTINCT FROM OLD.assignee_id)
	EXECUTE FUNCTION demand_assignee_may_handle();
