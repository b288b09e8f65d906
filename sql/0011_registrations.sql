-- Participants and their registrations in sessions, the waiting list, and
-- the accessibility needs handled by the référent handicap.
--
-- Seats are PostgreSQL's decision: every change of a registration's status
-- locks its session's row first, so registrations of one session are
-- placed one after the other whatever the number of workers, and a
-- registration asked as confirmed when the session is full goes to the
-- waiting list, at its end. session.confirmed and session.waiting count
-- them, so that lists never count registrations row by row.

-- One person across sessions, found again by their address.
CREATE TABLE participant (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	last_name     text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
	first_name    text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
	email         text NOT NULL DEFAULT '' CHECK (length(email) <= 254 AND email = lower(email)),
	organisation  text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	job_title     text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
	created_at    timestamptz NOT NULL DEFAULT now(),
	updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX participant_email ON participant (email) WHERE email <> '';
-- "Lef" finds Lefèvre as staff type a name: prefix search on the folded name.
CREATE INDEX participant_name ON participant
	(lower(last_name) text_pattern_ops, lower(first_name) text_pattern_ops);

-- The registrations that sessions counted before this migration become
-- confirmed (or cancelled) registrations of participants.
INSERT INTO participant (last_name, first_name, email, organisation)
	SELECT DISTINCT ON (lower(email)) last_name, first_name, lower(email), organisation
	FROM registration WHERE email <> '' ORDER BY lower(email), id;
ALTER TABLE registration ADD COLUMN participant_id bigint REFERENCES participant (id);
UPDATE registration r SET participant_id = p.id FROM participant p
	WHERE r.email <> '' AND p.email = lower(r.email);
DO $$
DECLARE
	r record;
	pid bigint;
BEGIN
	FOR r IN SELECT id, last_name, first_name, organisation FROM registration
			WHERE participant_id IS NULL LOOP
		INSERT INTO participant (last_name, first_name, organisation)
			VALUES (r.last_name, r.first_name, r.organisation) RETURNING id INTO pid;
		UPDATE registration SET participant_id = pid WHERE id = r.id;
	END LOOP;
END $$;
ALTER TABLE registration ALTER COLUMN participant_id SET NOT NULL;
DROP INDEX registration_session;
ALTER TABLE registration DROP CONSTRAINT registration_status_check;
UPDATE registration SET status = CASE status WHEN 'inscrit' THEN 'confirmee' ELSE 'annulee' END;
ALTER TABLE registration DROP COLUMN last_name, DROP COLUMN first_name, DROP COLUMN email,
	DROP COLUMN organisation;

ALTER TABLE registration
	ALTER COLUMN status SET DEFAULT 'confirmee',
	ADD CONSTRAINT registration_status_check
		CHECK (status IN ('demandee', 'confirmee', 'attente', 'annulee', 'excusee')),
	-- 1, 2, 3... in the order seats are offered; only on the waiting list.
	ADD COLUMN waiting_rank integer CHECK (waiting_rank >= 1),
	ADD CONSTRAINT registration_rank_when_waiting CHECK ((status = 'attente') = (waiting_rank IS NOT NULL)),
	-- Deferred: a reordering rewrites several ranks in one statement.
	ADD CONSTRAINT registration_rank_once UNIQUE (session_id, waiting_rank) DEFERRABLE INITIALLY DEFERRED,
	-- The demand whose requester registered the person (their copy of the
	-- convocation goes to the requester).
	ADD COLUMN demand_id bigint REFERENCES demand (id) ON DELETE SET NULL,
	-- The participant's private page: /participant/{token}.
	ADD COLUMN token text,
	-- Who made the last change and why, for the page and the history.
	ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN changed_by text NOT NULL DEFAULT '' CHECK (length(changed_by) <= 200),
	ADD COLUMN reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
	-- When the last convocation (or its update) was queued.
	ADD COLUMN convocation_at timestamptz,
	-- Raised when the registration is cancelled or moved: part of the
	-- invitation's SEQUENCE.
	ADD COLUMN version integer NOT NULL DEFAULT 0;
UPDATE registration SET token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
	changed_at = created_at;
-- 244 random bits from PostgreSQL's strong random source, in hex.
ALTER TABLE registration ALTER COLUMN token SET NOT NULL,
	ALTER COLUMN token SET DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
	ADD CONSTRAINT registration_token_shape CHECK (token ~ '^[0-9a-f]{64}$');
CREATE UNIQUE INDEX registration_token ON registration (token);
-- A person is registered once in a session, until cancelled.
CREATE UNIQUE INDEX registration_once ON registration (session_id, participant_id)
	WHERE status IN ('demandee', 'confirmee', 'attente');
CREATE INDEX registration_session ON registration (session_id, status);
CREATE INDEX registration_participant ON registration (participant_id);
CREATE INDEX registration_demand ON registration (demand_id) WHERE demand_id IS NOT NULL;

-- Every change of a registration, with who, when and why.
CREATE TABLE registration_event (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	registration_id  bigint NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
	at               timestamptz NOT NULL DEFAULT now(),
	kind             text NOT NULL CHECK (kind IN ('inscription', 'confirmation', 'attente',
		'promotion', 'annulation', 'excuse', 'deplacement', 'rang', 'convocation')),
	from_status      text NOT NULL DEFAULT '',
	to_status        text NOT NULL DEFAULT '',
	actor            text NOT NULL DEFAULT '' CHECK (length(actor) <= 200),
	comment          text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000)
);
CREATE INDEX registration_event_of ON registration_event (registration_id, at);

ALTER TABLE session
	ADD COLUMN confirmed integer NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
	ADD COLUMN waiting integer NOT NULL DEFAULT 0 CHECK (waiting >= 0);
UPDATE session se SET confirmed = (SELECT count(*) FROM registration r
	WHERE r.session_id = se.id AND r.status = 'confirmee');

-- Before a registration takes or changes its status: the session's row is
-- locked (one placement at a time per session), a confirmation that does
-- not fit becomes a place at the end of the waiting list, and a
-- registration that leaves the waiting list leaves its rank.
CREATE FUNCTION registration_place() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	seats integer;
	taken integer;
BEGIN
	SELECT max_participants, confirmed INTO seats, taken FROM session
		WHERE id = NEW.session_id FOR UPDATE;
	IF NEW.status = 'confirmee' AND (TG_OP = 'INSERT' OR OLD.status <> 'confirmee'
			OR OLD.session_id <> NEW.session_id) AND taken >= seats THEN
		NEW.status := 'attente';
		NEW.waiting_rank := NULL;
	END IF;
	IF NEW.status = 'attente' AND (NEW.waiting_rank IS NULL OR (TG_OP = 'UPDATE'
			AND OLD.session_id <> NEW.session_id)) THEN
		NEW.waiting_rank := coalesce((SELECT max(waiting_rank) FROM registration
			WHERE session_id = NEW.session_id AND status = 'attente' AND id <> NEW.id), 0) + 1;
	ELSIF NEW.status <> 'attente' THEN
		NEW.waiting_rank := NULL;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER registration_place BEFORE INSERT OR UPDATE OF status, session_id ON registration
	FOR EACH ROW EXECUTE FUNCTION registration_place();

-- After: the counts of the sessions concerned, and the last word on seats.
CREATE FUNCTION registration_count() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	sid bigint;
BEGIN
	FOR sid IN SELECT DISTINCT x FROM unnest(ARRAY[
			CASE WHEN TG_OP <> 'INSERT' THEN OLD.session_id END,
			CASE WHEN TG_OP <> 'DELETE' THEN NEW.session_id END]) x WHERE x IS NOT NULL LOOP
		UPDATE session se SET confirmed = c.confirmed, waiting = c.waiting
			FROM (SELECT count(*) FILTER (WHERE status = 'confirmee')::int AS confirmed,
				count(*) FILTER (WHERE status = 'attente')::int AS waiting
				FROM registration WHERE session_id = sid) c
			WHERE se.id = sid AND (se.confirmed <> c.confirmed OR se.waiting <> c.waiting);
		IF EXISTS (SELECT 1 FROM session WHERE id = sid AND confirmed > max_participants) THEN
			RAISE EXCEPTION 'session % has more confirmed registrations than seats', sid
				USING ERRCODE = 'check_violation';
		END IF;
	END LOOP;
	RETURN NULL;
END $$;
CREATE TRIGGER registration_count AFTER INSERT OR DELETE OR UPDATE OF status, session_id
	ON registration FOR EACH ROW EXECUTE FUNCTION registration_count();

-- The référent handicap: staff members so marked by an admin.
ALTER TABLE staff_user ADD COLUMN accessibility_referent boolean NOT NULL DEFAULT false;

-- A need related to a disability, declared on a demand, a registration or
-- the participant's page: a task for the référent handicap. Only the
-- référent and admins read the need (health data); the trainers of the
-- session see the adaptation decided.
CREATE TABLE accessibility_need (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source           text NOT NULL CHECK (source IN ('demande', 'inscription', 'participant')),
	demand_id        bigint REFERENCES demand (id) ON DELETE CASCADE,
	registration_id  bigint REFERENCES registration (id) ON DELETE CASCADE,
	need             text NOT NULL CHECK (length(need) BETWEEN 1 AND 2000),
	status           text NOT NULL DEFAULT 'a_etudier'
		CHECK (status IN ('a_etudier', 'adaptation_prevue', 'sans_objet')),
	decision         text NOT NULL DEFAULT '' CHECK (length(decision) <= 2000),
	due_on           date NOT NULL,
	created_at       timestamptz NOT NULL DEFAULT now(),
	decided_at       timestamptz,
	decided_by       text NOT NULL DEFAULT '' CHECK (length(decided_by) <= 200),
	CHECK (demand_id IS NOT NULL OR registration_id IS NOT NULL),
	CHECK (status = 'a_etudier' OR decision <> '')
);
CREATE INDEX accessibility_need_open ON accessibility_need (due_on, id) WHERE status = 'a_etudier';
CREATE INDEX accessibility_need_registration ON accessibility_need (registration_id)
	WHERE registration_id IS NOT NULL;
CREATE INDEX accessibility_need_demand ON accessibility_need (demand_id) WHERE demand_id IS NOT NULL;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('login',
	'login_failed', 'login_blocked', 'logout', 'account_created', 'account_changed',
	'account_disabled', 'account_enabled', 'password_changed', 'data_export', 'data_erasure',
	'trainer_created', 'trainer_changed', 'trainer_courses_changed', 'trainer_feed_renewed',
	'accessibility_decided', 'accessibility_read', 'referent_changed'));
