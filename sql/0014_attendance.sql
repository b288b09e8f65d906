-- Attendance (émargement) per participant and half-day, as events that
-- are never changed or deleted: signatures (electronic, on paper, by the
-- trainer), late arrivals and early departures, absences, corrections
-- (a new event with who and why), and the trainer's certification of a
-- half-day. Each event carries the hash of the previous event of its
-- session (rules/attendance.c), so `formations attendance verify` names
-- the first event changed behind the application's back.
--
-- Half-days need no table: a slot "matin" or "apres_midi" is one, a
-- "journee" two, split at its lunch break (below); their ids are
-- "<slot>-matin" and "<slot>-apres_midi".
ALTER TABLE slot
	ADD COLUMN lunch_start time NOT NULL DEFAULT '12:30',
	ADD COLUMN lunch_end time NOT NULL DEFAULT '13:30',
	ADD CONSTRAINT slot_lunch_order CHECK (lunch_start < lunch_end);

CREATE TABLE attendance_event (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id       bigint NOT NULL REFERENCES session (id),
	-- NULL for the certification of a half-day
	registration_id  bigint REFERENCES registration (id),
	half_day_id      text NOT NULL CHECK (half_day_id ~ '^[0-9]{1,18}-(matin|apres_midi)$'),
	kind             text NOT NULL CHECK (kind IN ('signature', 'retard', 'depart_anticipe',
		'absence', 'certification')),
	method           text NOT NULL DEFAULT '' CHECK (method IN ('', 'electronique', 'papier', 'formateur')),
	-- the instant the application recorded, in whole seconds: it is hashed
	instant          bigint NOT NULL,
	minutes          integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
	actor            text NOT NULL DEFAULT '' CHECK (length(actor) <= 200),
	reason           text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
	ip               text NOT NULL DEFAULT '' CHECK (length(ip) <= 64),
	user_agent       text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 500),
	prev_hash        text NOT NULL CHECK (prev_hash ~ '^([0-9a-f]{64})?$'),
	hash             text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
	CHECK ((kind = 'certification') = (registration_id IS NULL))
);
CREATE INDEX attendance_event_session ON attendance_event (session_id, id);
CREATE INDEX attendance_event_half_day ON attendance_event (half_day_id, registration_id);

-- The application may add events, never change or remove one: no grant
-- for it, and a trigger as the last word for whoever else tries.
REVOKE UPDATE, DELETE, TRUNCATE ON attendance_event FROM formations_app;
CREATE FUNCTION attendance_event_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'attendance events are never changed or deleted (add a correction instead)'
		USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER attendance_event_frozen BEFORE UPDATE OR DELETE ON attendance_event
	FOR EACH ROW EXECUTE FUNCTION attendance_event_frozen();
