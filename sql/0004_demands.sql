-- Training demands sent through the public form, their events, the mail
-- outbox, and the extra closure days that push due dates.

-- Reference numbers D-YYYY-NNNNN without gaps: one counter row per year,
-- taken with a row lock inside the demand's transaction, so a rolled-back
-- demand gives its number back.
CREATE TABLE demand_counter (
	year        integer PRIMARY KEY,
	last_value  integer NOT NULL
);

CREATE TABLE closure_day (
	day         date PRIMARY KEY,
	label       text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
	created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE demand (
	id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	reference       text NOT NULL UNIQUE CHECK (reference ~ '^D-[0-9]{4}-[0-9]{5}$'),
	-- The hidden token of the form page: the same form sent twice is one
	-- demand (the unique key is the last word when two workers race).
	form_token      text NOT NULL UNIQUE CHECK (length(form_token) BETWEEN 16 AND 100),
	-- The requester's private link; only its hash would not let us show
	-- the link again in mails, so the token itself is kept (random 32 bytes).
	tracking_token  text NOT NULL UNIQUE CHECK (length(tracking_token) BETWEEN 32 AND 100),
	received_at     timestamptz NOT NULL DEFAULT now(),
	received_on     date NOT NULL,              -- local date in Europe/Paris
	regime          text NOT NULL CHECK (regime IN ('15j', '1mois')),
	due_on          date NOT NULL,
	paused_days     integer NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
	paused_since    timestamptz,
	status          text NOT NULL DEFAULT 'recue' CHECK (status IN ('recue', 'en_instruction',
		'attente_demandeur', 'repondue', 'close', 'annulee', 'sans_suite')),
	answered_at     timestamptz,
	answered_on     date,
	outcome         text CHECK (outcome IN ('acceptee', 'alternative', 'refusee', 'redirigee')),
	assignee_id     bigint REFERENCES staff_user (id) ON DELETE SET NULL,
	course_id       bigint REFERENCES course (id) ON DELETE SET NULL,
	custom_title    text NOT NULL DEFAULT '' CHECK (length(custom_title) <= 300),
	kind            text NOT NULL CHECK (kind IN ('intra', 'inter')),
	last_name       text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
	first_name      text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
	email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	phone           text NOT NULL DEFAULT '' CHECK (length(phone) <= 30),
	organisation    text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
	job_title       text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
	participants    integer NOT NULL CHECK (participants BETWEEN 1 AND 200),
	period          text NOT NULL DEFAULT '' CHECK (length(period) <= 500),
	place           text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
	accessibility   text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 2000),
	message         text NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
	consent_at      timestamptz NOT NULL,
	anonymised_at   timestamptz,
	CHECK (course_id IS NOT NULL OR custom_title <> '')
);
-- The dashboard: open demands by due date, then keyset pagination.
CREATE INDEX demand_open_due ON demand (due_on, id)
	WHERE status IN ('recue', 'en_instruction', 'attente_demandeur');
CREATE INDEX demand_status_due ON demand (status, due_on, id);
CREATE INDEX demand_assignee ON demand (assignee_id, due_on) WHERE assignee_id IS NOT NULL;
CREATE INDEX demand_received ON demand (received_at DESC);
CREATE INDEX demand_organisation ON demand (lower(organisation));

-- Every change of a demand: who, when, what, and whether the requester
-- sees it on the tracking page.
CREATE TABLE demand_event (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	demand_id   bigint NOT NULL REFERENCES demand (id) ON DELETE CASCADE,
	at          timestamptz NOT NULL DEFAULT now(),
	actor_id    bigint REFERENCES staff_user (id) ON DELETE SET NULL,
	actor_name  text NOT NULL DEFAULT '' CHECK (length(actor_name) <= 200),
	kind        text NOT NULL CHECK (length(kind) <= 40),
	from_status text,
	to_status   text,
	public      boolean NOT NULL DEFAULT false,
	comment     text NOT NULL DEFAULT '' CHECK (length(comment) <= 10000)
);
CREATE INDEX demand_event_demand ON demand_event (demand_id, at, id);

-- Mail is written here in the same transaction as what it tells, and sent
-- by `formations mail`, which retries with backoff and never sends a row
-- twice (sent_at is set in the transaction that claimed it).
CREATE TABLE mail_outbox (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	created_at    timestamptz NOT NULL DEFAULT now(),
	to_address    text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
	subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
	body          text NOT NULL CHECK (length(body) <= 100000),
	kind          text NOT NULL CHECK (length(kind) <= 40),
	demand_id     bigint REFERENCES demand (id) ON DELETE SET NULL,
	-- One warning per demand, kind and day: `formations remind` run twice
	-- queues it once.
	dedup_key     text UNIQUE,
	attempts      integer NOT NULL DEFAULT 0,
	next_attempt  timestamptz NOT NULL DEFAULT now(),
	last_error    text NOT NULL DEFAULT '' CHECK (length(last_error) <= 1000),
	sent_at       timestamptz
);
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt, id) WHERE sent_at IS NULL;
