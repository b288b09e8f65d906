-- Sessions and the scheduling calendar: places and their rooms, trainers,
-- sessions of a course, and their slots (créneaux). PostgreSQL keeps the
-- one rule that two staff members racing must never break: a trainer or a
-- room is never in two overlapping slots (exclusion constraints on time
-- ranges, with btree_gist for the equality part; the extension is trusted,
-- so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;

CREATE TABLE place (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name          text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	address       text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
	city          text NOT NULL DEFAULT '' CHECK (length(city) <= 120),
	access        text NOT NULL DEFAULT '' CHECK (length(access) <= 2000),
	capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
	accessibility text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 2000),
	remote        boolean NOT NULL DEFAULT false,   -- a virtual classroom
	created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE room (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	place_id      bigint NOT NULL REFERENCES place (id) ON DELETE CASCADE,
	name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
	accessibility text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 2000),
	UNIQUE (place_id, name)
);

CREATE TABLE trainer (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	kind          text NOT NULL CHECK (kind IN ('interne', 'externe')),
	email         text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	phone         text NOT NULL DEFAULT '' CHECK (length(phone) <= 30),
	organisation  text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	-- The staff login of a trainer (role formateur), who then sees their
	-- own slots only.
	account_id    bigint UNIQUE REFERENCES staff_user (id) ON DELETE SET NULL,
	-- The secret of the trainer's private calendar feed, renewable.
	feed_token    text NOT NULL UNIQUE CHECK (length(feed_token) BETWEEN 32 AND 100),
	active        boolean NOT NULL DEFAULT true,
	created_at    timestamptz NOT NULL DEFAULT now()
);

-- The courses a trainer may give.
CREATE TABLE trainer_course (
	trainer_id    bigint NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
	course_id     bigint NOT NULL REFERENCES course (id) ON DELETE CASCADE,
	PRIMARY KEY (trainer_id, course_id)
);

CREATE TABLE session (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	course_id        bigint NOT NULL REFERENCES course (id),
	kind             text NOT NULL CHECK (kind IN ('intra', 'inter')),
	-- The organisation of an INTRA session, and the demand it answers.
	organisation     text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	demand_id        bigint REFERENCES demand (id) ON DELETE SET NULL,
	place_id         bigint REFERENCES place (id),
	min_participants integer NOT NULL DEFAULT 1 CHECK (min_participants BETWEEN 1 AND 1000),
	max_participants integer NOT NULL CHECK (max_participants BETWEEN 1 AND 1000),
	status           text NOT NULL DEFAULT 'envisagee'
		CHECK (status IN ('envisagee', 'confirmee', 'realisee', 'annulee')),
	cancel_reason    text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 2000),
	registration_closes_on date,
	-- An INTRA session shown on the public calendar anyway.
	public           boolean NOT NULL DEFAULT false,
	notes            text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
	-- Raised at every change of the session or its slots: the iCalendar
	-- SEQUENCE that tells calendar clients to replace their copy.
	version          integer NOT NULL DEFAULT 0,
	-- The first and last day of its live slots and their number, kept by
	-- the trigger on slot below: lists sort and filter sessions by date
	-- without aggregating every slot of every session.
	first_day        date,
	last_day         date,
	n_slots          integer NOT NULL DEFAULT 0,
	created_at       timestamptz NOT NULL DEFAULT now(),
	updated_at       timestamptz NOT NULL DEFAULT now(),
	CHECK (min_participants <= max_participants),
	CHECK (kind = 'inter' OR organisation <> ''),
	CHECK (status <> 'annulee' OR cancel_reason <> '')
);
CREATE INDEX session_course ON session (course_id);
CREATE INDEX session_demand ON session (demand_id) WHERE demand_id IS NOT NULL;
CREATE INDEX session_public_first ON session (first_day, id)
	WHERE status = 'confirmee' AND (kind = 'inter' OR public);
CREATE INDEX session_last_day ON session (last_day);

CREATE TABLE slot (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id    bigint NOT NULL REFERENCES session (id) ON DELETE CASCADE,
	day           date NOT NULL,          -- local date in Europe/Paris
	starts_at     timestamptz NOT NULL,
	ends_at       timestamptz NOT NULL,
	during        tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at)) STORED,
	part          text NOT NULL CHECK (part IN ('matin', 'apres_midi', 'journee')),
	remote        boolean NOT NULL DEFAULT false,
	room_id       bigint REFERENCES room (id),
	-- The module and day of the course's programme this slot delivers, as
	-- their labels: a programme saved again keeps the slots' meaning.
	module_label  text NOT NULL DEFAULT '' CHECK (length(module_label) <= 300),
	day_label     text NOT NULL DEFAULT '' CHECK (length(day_label) <= 300),
	cancelled     boolean NOT NULL DEFAULT false,
	version       integer NOT NULL DEFAULT 0,
	created_at    timestamptz NOT NULL DEFAULT now(),
	updated_at    timestamptz NOT NULL DEFAULT now(),
	CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '14 hours'),
	EXCLUDE USING gist (room_id WITH =, during WITH &&)
		WHERE (room_id IS NOT NULL AND NOT cancelled)
);
CREATE INDEX slot_session ON slot (session_id, starts_at);
CREATE INDEX slot_starts ON slot (starts_at);

CREATE FUNCTION session_span_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	sid bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
BEGIN
	UPDATE session se SET first_day = x.f, last_day = x.l, n_slots = x.n
		FROM (SELECT min(day) AS f, max(day) AS l, count(*)::int AS n FROM slot
			WHERE session_id = sid AND NOT cancelled) x
		WHERE se.id = sid AND (se.first_day IS DISTINCT FROM x.f OR
			se.last_day IS DISTINCT FROM x.l OR se.n_slots <> x.n);
	RETURN NULL;
END
$$;
CREATE TRIGGER slot_span AFTER INSERT OR DELETE OR UPDATE OF day, cancelled ON slot
	FOR EACH ROW EXECUTE FUNCTION session_span_follow();

-- The trainers of a slot. The slot's range and state are copied here (by
-- the trigger below) so that one exclusion constraint can say no trainer
-- is in two overlapping slots.
CREATE TABLE slot_trainer (
	slot_id       bigint NOT NULL REFERENCES slot (id) ON DELETE CASCADE,
	trainer_id    bigint NOT NULL REFERENCES trainer (id),
	during        tstzrange NOT NULL,
	cancelled     boolean NOT NULL DEFAULT false,
	PRIMARY KEY (slot_id, trainer_id),
	EXCLUDE USING gist (trainer_id WITH =, during WITH &&) WHERE (NOT cancelled)
);
CREATE INDEX slot_trainer_trainer ON slot_trainer (trainer_id);

CREATE FUNCTION slot_trainer_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE slot_trainer SET during = NEW.during, cancelled = NEW.cancelled
		WHERE slot_id = NEW.id AND (during <> NEW.during OR cancelled <> NEW.cancelled);
	RETURN NEW;
END
$$;
CREATE TRIGGER slot_moved AFTER UPDATE OF starts_at, ends_at, cancelled ON slot
	FOR EACH ROW EXECUTE FUNCTION slot_trainer_follow();

CREATE FUNCTION slot_trainer_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.during IS NULL THEN
		SELECT s.during, s.cancelled INTO NEW.during, NEW.cancelled FROM slot s WHERE s.id = NEW.slot_id;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER slot_trainer_added BEFORE INSERT ON slot_trainer
	FOR EACH ROW EXECUTE FUNCTION slot_trainer_fill();

-- A participant registered in a session (registrations are managed by a
-- later part; sessions already count them).
CREATE TABLE registration (
	id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id    bigint NOT NULL REFERENCES session (id) ON DELETE CASCADE,
	last_name     text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
	first_name    text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
	email         text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	organisation  text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	status        text NOT NULL DEFAULT 'inscrit' CHECK (status IN ('inscrit', 'annule')),
	created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_session ON registration (session_id) WHERE status = 'inscrit';

-- The session a demand was answered with.
ALTER TABLE demand ADD COLUMN session_id bigint REFERENCES session (id) ON DELETE SET NULL;
