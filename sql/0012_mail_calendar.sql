-- A convocation carries a calendar invitation (iTIP, RFC 5546): its
-- VCALENDAR text is queued with the mail, and its METHOD, which the mail's
-- Content-Type repeats (RFC 6047). Both are '' for a mail without one;
-- `formations mail` then sends the plain text message as before.
ALTER TABLE mail_outbox
	ADD COLUMN calendar text NOT NULL DEFAULT '' CHECK (length(calendar) <= 200000),
	ADD COLUMN calendar_method text NOT NULL DEFAULT ''
		CHECK (calendar_method IN ('', 'REQUEST', 'CANCEL'));
-- A calendar without its method (or a method without a calendar) could
-- never be sent.
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_calendar_with_method
	CHECK ((calendar = '') = (calendar_method = ''));
