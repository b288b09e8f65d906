-- A mail may carry one file: the attestation de fin de formation (PDF) is
-- mailed to its participant with the document attached, queued in the
-- transaction that issues it. The three columns go together; the types a
-- mail may carry are listed here (a new one is a migration, reviewed).
ALTER TABLE mail_outbox
	ADD COLUMN attachment bytea CHECK (length(attachment) BETWEEN 1 AND 5242880),
	ADD COLUMN attachment_name text
		CHECK (attachment_name ~ '^[^/\\[:cntrl:]]{1,120}$'),
	ADD COLUMN attachment_type text CHECK (attachment_type IN ('application/pdf')),
	ADD CONSTRAINT mail_outbox_attachment_whole CHECK (
		(attachment IS NULL) = (attachment_name IS NULL) AND
		(attachment IS NULL) = (attachment_type IS NULL));
