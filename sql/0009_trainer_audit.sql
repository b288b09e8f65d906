-- Changes to trainers are audited like account changes: a trainer's link
-- to a staff login and their private agenda link are access matters.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('login',
	'login_failed', 'login_blocked', 'logout', 'account_created', 'account_changed',
	'account_disabled', 'account_enabled', 'password_changed', 'data_export', 'data_erasure',
	'trainer_created', 'trainer_changed', 'trainer_courses_changed', 'trainer_feed_renewed'));
