-- Exports and erasures of a requester's data are audited like account changes.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('login',
	'login_failed', 'login_blocked', 'logout', 'account_created', 'account_changed',
	'account_disabled', 'account_enabled', 'password_changed', 'data_export', 'data_erasure'));
