-- Staff accounts, their logins, failed attempts and the audit log.

CREATE TABLE staff_user (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
	display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
	role           text NOT NULL CHECK (role IN ('admin', 'conseiller', 'assistant', 'formateur')),
	active         boolean NOT NULL DEFAULT true,
	password_hash  text NOT NULL,
	created_at     timestamptz NOT NULL DEFAULT now(),
	updated_at     timestamptz NOT NULL DEFAULT now()
);
-- Emails are stored lowercased: one account per address, whatever the case.
CREATE UNIQUE INDEX staff_user_email ON staff_user (email);

-- A login (the authenticated state of one browser). Only the hash of its
-- token is kept, so a copy of the table opens no door.
CREATE TABLE login (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	token_hash     text NOT NULL UNIQUE,
	user_id        bigint NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
	created_at     timestamptz NOT NULL DEFAULT now(),
	last_seen_at   timestamptz NOT NULL DEFAULT now(),
	ip             text NOT NULL DEFAULT '' CHECK (length(ip) <= 64),
	user_agent     text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 512)
);
CREATE INDEX login_user ON login (user_id);

-- Failed logins, counted per email and per IP over a sliding window, in
-- the database so that every worker on every host shares the count.
CREATE TABLE login_failure (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email          text NOT NULL,
	ip             text NOT NULL,
	at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_email ON login_failure (email, at);
CREATE INDEX login_failure_ip ON login_failure (ip, at);

CREATE TABLE audit_log (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at             timestamptz NOT NULL DEFAULT now(),
	user_id        bigint REFERENCES staff_user (id) ON DELETE SET NULL,
	email          text NOT NULL DEFAULT '',
	ip             text NOT NULL DEFAULT '',
	action         text NOT NULL CHECK (action IN ('login', 'login_failed', 'login_blocked',
		'logout', 'account_created', 'account_changed', 'account_disabled',
		'account_enabled', 'password_changed')),
	detail         text NOT NULL DEFAULT '' CHECK (length(detail) <= 1000)
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- The key that signs anti-forgery tokens, shared by every worker. Made
-- by the first worker that needs it (libsodium's random bytes).
CREATE TABLE site_secret (
	name           text PRIMARY KEY,
	secret         text NOT NULL,
	created_at     timestamptz NOT NULL DEFAULT now()
);
