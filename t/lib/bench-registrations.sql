-- Registrations at scale, on top of t/lib/bench-sessions.sql (run it
-- first): the database ends with exactly 100,000 participants and 120,000
-- registrations, every bench session filled as its status and date make
-- sensible, and:
--
-- - one confirmed session of 40 seats with 40 confirmed people, 4 waiting
--   and 3 who cancelled, its notes 'Session de 40 inscrits (banc
--   d''essai).': the session page measured by `make bench`;
-- - five envisaged sessions of 40 seats, each with 40 confirmed people, 3
--   waiting and 2 cancelled, noted 'Session de 40 à confirmer (banc
--   d''essai).': the bench confirms them, 40 convocations each;
-- - at least nine confirmed sessions starting the day after tomorrow
--   (Europe/Paris), so that `formations remind` has a day's J-2 reminders
--   to queue: bench sessions of the coming year already starting that day,
--   and as many others, taken further in the year, moved to that day (into
--   rooms and with trainers of their own, so that no exclusion constraint
--   is in the way: the resources freed are left unused).
--
-- Run by psql as the schema owner, in one transaction:
--
--   conf/stack.sh psql VARDIR -f t/lib/bench-registrations.sql
--
-- Set-based, as bench-sessions.sql; no loop.
--
-- Seats and counters. The triggers of sql/0011 place registrations one at
-- a time, and row by row they cost about 130 us each here (the AFTER
-- trigger counts the session's registrations again and rewrites its row
-- for every one): 78,000 rows took 17 s with them, 6.6 s without, on two
-- cores. The insert below therefore runs with the registration triggers
-- disabled (ALTER TABLE ... DISABLE TRIGGER USER: only the schema owner
-- may; only the user triggers are off, foreign keys and the other
-- constraints still hold) and does what they would have done itself:
-- every status is decided here, never more confirmed than seats, waiting
-- ranks 1, 2, 3... behind full sessions only; then one UPDATE sets
-- session.confirmed and session.waiting, and the checks at the end fail
-- the whole load if any count, seat or rank is not what the triggers
-- would have kept. They are enabled again in the same transaction
-- (ALTER TABLE's lock keeps every other connection out meanwhile).
\set ON_ERROR_STOP on
\timing on

BEGIN;
SET LOCAL jit = off;
SET LOCAL search_path = formations;

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM place WHERE name = 'Lieu bench 1') THEN
		RAISE EXCEPTION 'load t/lib/bench-sessions.sql first';
	END IF;
	IF EXISTS (SELECT 1 FROM room WHERE name = 'Salle bench rappel 1') THEN
		RAISE EXCEPTION 'the bench registrations are already loaded';
	END IF;
END
$$;

CREATE TEMP TABLE bench_today AS
SELECT (now() AT TIME ZONE 'Europe/Paris')::date AS today;

-- --- the day after tomorrow: nine confirmed sessions at least -----------------
-- Moved: confirmed sessions 150 to 250 days ahead, the first ones, each by
-- the number of days that brings its first day to today + 2 (its slots keep
-- their local times and their distance to the first).
CREATE TEMP TABLE bench_moved AS
SELECT se.id AS sid, se.course_id, (t.today + 2) - se.first_day AS delta,
	row_number() OVER (ORDER BY se.id)::int AS n
FROM session se JOIN place p ON p.id = se.place_id CROSS JOIN bench_today t
WHERE p.name LIKE 'Lieu bench %' AND se.status = 'confirmee'
	AND se.first_day BETWEEN t.today + 150 AND t.today + 250
ORDER BY se.id
LIMIT greatest(0, 9 - (SELECT count(*) FROM session se JOIN place p ON p.id = se.place_id
	CROSS JOIN bench_today t
	WHERE p.name LIKE 'Lieu bench %' AND se.status = 'confirmee' AND se.first_day = t.today + 2));

INSERT INTO room (place_id, name, capacity)
SELECT p.id, 'Salle bench rappel ' || m.n, 20
FROM bench_moved m JOIN place p ON p.name = 'Lieu bench ' || m.n;
INSERT INTO trainer (name, kind, email, organisation, feed_token)
SELECT 'Formateur bench rappel ' || m.n, 'externe', 'formateur.bench.rappel.' || m.n || '@example.org',
	'Banc d''essai', md5(random()::text) || md5(random()::text)
FROM bench_moved m;
INSERT INTO trainer_course (trainer_id, course_id)
SELECT t.id, m.course_id FROM bench_moved m JOIN trainer t ON t.name = 'Formateur bench rappel ' || m.n;

DELETE FROM slot_trainer st USING slot sl, bench_moved m
WHERE st.slot_id = sl.id AND sl.session_id = m.sid;
UPDATE slot sl SET day = sl.day + m.delta,
	starts_at = ((sl.day + m.delta) + (sl.starts_at AT TIME ZONE 'Europe/Paris')::time) AT TIME ZONE 'Europe/Paris',
	ends_at = ((sl.day + m.delta) + (sl.ends_at AT TIME ZONE 'Europe/Paris')::time) AT TIME ZONE 'Europe/Paris',
	room_id = rm.id
FROM bench_moved m JOIN room rm ON rm.name = 'Salle bench rappel ' || m.n
WHERE sl.session_id = m.sid;
INSERT INTO slot_trainer (slot_id, trainer_id)
SELECT sl.id, t.id
FROM bench_moved m
JOIN slot sl ON sl.session_id = m.sid
JOIN trainer t ON t.name = 'Formateur bench rappel ' || m.n;
UPDATE session se SET place_id = rm.place_id,
	registration_closes_on = CASE WHEN se.kind = 'inter' THEN se.first_day - 14 END
FROM bench_moved m JOIN room rm ON rm.name = 'Salle bench rappel ' || m.n
WHERE se.id = m.sid;

-- --- the sessions of 40 --------------------------------------------------------
-- A month or more ahead, INTER: the first confirmed one becomes the
-- 40-person session shown; the first five envisaged ones are to confirm.
UPDATE session se SET max_participants = 40, notes = 'Session de 40 inscrits (banc d''essai).'
WHERE se.id = (SELECT se2.id FROM session se2 JOIN place p ON p.id = se2.place_id CROSS JOIN bench_today t
	WHERE p.name LIKE 'Lieu bench %' AND se2.status = 'confirmee' AND se2.kind = 'inter'
		AND se2.first_day BETWEEN t.today + 30 AND t.today + 120
	ORDER BY se2.first_day, se2.id LIMIT 1);
UPDATE session se SET max_participants = 40, notes = 'Session de 40 à confirmer (banc d''essai).'
WHERE se.id IN (SELECT se2.id FROM session se2 JOIN place p ON p.id = se2.place_id CROSS JOIN bench_today t
	WHERE p.name LIKE 'Lieu bench %' AND se2.status = 'envisagee' AND se2.kind = 'inter'
		AND se2.first_day BETWEEN t.today + 30 AND t.today + 365
	ORDER BY se2.first_day, se2.id LIMIT 5);

-- --- how many of each status, per session ----------------------------------------
-- i numbers the bench sessions; c0 is what bench-sessions.sql registered
-- (all confirmed). Past sessions are nearly full, with some cancelled and
-- excused; the coming year's too, the full ones with a waiting list;
-- later ones less; envisaged ones have a few, some only asked for
-- (demandee); a cancelled session's registrations are cancelled.
CREATE TEMP TABLE bench_fill AS
WITH s AS (
	SELECT (row_number() OVER (ORDER BY se.id) - 1)::int AS i, se.id AS sid, se.status,
		se.max_participants AS seats, se.confirmed AS c0, se.notes, se.first_day - t.today AS ahead
	FROM session se JOIN place p ON p.id = se.place_id CROSS JOIN bench_today t
	WHERE p.name LIKE 'Lieu bench %'
)
SELECT sid, c0, CASE WHEN notes LIKE 'Session de 40 %' THEN 0 ELSE 1 END AS class,
	CASE
		WHEN notes LIKE 'Session de 40 %' THEN 40
		WHEN status = 'annulee' THEN 0
		WHEN status = 'envisagee' THEN 4 + i % 6
		WHEN status = 'realisee' OR ahead <= 365 THEN seats - i % 3
		ELSE seats - 2 - i % 3
	END AS confirmed,
	CASE
		WHEN notes = 'Session de 40 inscrits (banc d''essai).' THEN 4
		WHEN notes LIKE 'Session de 40 %' THEN 3
		WHEN status = 'confirmee' AND ahead <= 365 AND i % 3 = 0 THEN i % 4
		ELSE 0
	END AS waiting,
	CASE
		WHEN notes = 'Session de 40 inscrits (banc d''essai).' THEN 3
		WHEN notes LIKE 'Session de 40 %' THEN 2
		WHEN status = 'annulee' THEN 6 + i % 6
		WHEN status = 'realisee' THEN i % 3
		ELSE i % 2
	END AS cancelled,
	CASE WHEN status = 'realisee' AND i % 4 = 0 THEN 1 ELSE 0 END AS excused,
	CASE WHEN status = 'envisagee' AND notes NOT LIKE 'Session de 40 %' THEN i % 3 ELSE 0 END AS asked
FROM s;

-- One row per registration to add, k its rank in its session: the
-- confirmed first, then the waiting list in its order, then the others.
-- Only the first ones (class, k, session) are kept, as many as bring the
-- total to 120,000: a session keeps a prefix of its rows, so a waiting
-- list is only ever behind a full session.
CREATE TEMP TABLE bench_new AS
WITH rows AS (
	SELECT f.sid, f.class, g.k,
		CASE
			WHEN g.k <= f.confirmed - f.c0 THEN 'confirmee'
			WHEN g.k <= f.confirmed - f.c0 + f.waiting THEN 'attente'
			WHEN g.k <= f.confirmed - f.c0 + f.waiting + f.cancelled THEN 'annulee'
			WHEN g.k <= f.confirmed - f.c0 + f.waiting + f.cancelled + f.excused THEN 'excusee'
			ELSE 'demandee'
		END AS status,
		CASE WHEN g.k > f.confirmed - f.c0 AND g.k <= f.confirmed - f.c0 + f.waiting
			THEN (g.k - (f.confirmed - f.c0))::int END AS waiting_rank
	FROM bench_fill f
	CROSS JOIN generate_series(1, greatest(0, f.confirmed - f.c0) + f.waiting + f.cancelled + f.excused + f.asked) AS g (k)
), kept AS (
	SELECT * FROM rows ORDER BY class, k, sid
	LIMIT greatest(0, 120000 - (SELECT count(*) FROM registration))
)
SELECT (row_number() OVER (ORDER BY sid, k) - 1)::int AS j, * FROM kept;

DO $$
BEGIN
	IF (SELECT count(*) FROM bench_new WHERE class = 0) <> (SELECT sum(confirmed - c0 + waiting + cancelled)
			FROM bench_fill WHERE class = 0) THEN
		RAISE EXCEPTION 'the sessions of 40 did not all fit in 120,000 registrations';
	END IF;
END
$$;

-- --- participants: 100,000 in all ------------------------------------------------
-- Newcomers numbered 0..N-1; registration j is participant j mod N's, so
-- that the rows past N go to people already registered elsewhere: rows j
-- and j + N are N rows apart in session order, never in the same session
-- (no session has N rows), and the rows of one session are consecutive,
-- so nobody is registered twice in a session.
CREATE TEMP TABLE bench_people AS
SELECT 100000 - (SELECT count(*) FROM participant)::int AS n;

INSERT INTO participant (last_name, first_name, email, organisation, job_title)
SELECT ln.a[1 + (g * 7 + g / 20) % 24], fn.a[1 + (g * 3 + g / 24) % 24],
	'participant.bench.' || g || '@example.org', 'Caf bench ' || (g % 101 + 1),
	(ARRAY['Conseiller technique', 'Travailleur social', 'Gestionnaire conseil', 'Responsable d''unité',
		'Chargé d''études', 'Assistante de service social', '', ''])[1 + g % 8]
FROM generate_series(0, (SELECT n FROM bench_people) - 1) AS g
CROSS JOIN (SELECT array['Martin', 'Bernard', 'Le Gall', 'Moreau', 'Tanguy', 'Girard', 'Guillou', 'Morel',
	'Fournier', 'Lambert', 'Bonnet', 'Le Roux', 'Garnier', 'Mercier', 'Blanc', 'Prigent', 'Faure',
	'Perrin', 'Hamel', 'Duval', 'Lefèvre', 'Kerbrat', 'Rolland', 'Jégou'] AS a) ln
CROSS JOIN (SELECT array['Camille', 'Nicolas', 'Sophie', 'Julien', 'Aurélie', 'Thomas', 'Émilie', 'Maxime',
	'Céline', 'Romain', 'Sandrine', 'Yannick', 'Élodie', 'Loïc', 'Erwan', 'Claire', 'Morgane',
	'Antoine', 'Solène', 'Ronan', 'Gwenaëlle', 'Mathieu', 'Nolwenn', 'François'] AS a) fn
ORDER BY g;

CREATE TEMP TABLE bench_person AS
SELECT split_part(split_part(email, '@', 1), '.', 3)::int AS g, id
FROM participant WHERE email LIKE 'participant.bench.%@example.org';
CREATE UNIQUE INDEX ON bench_person (g);
ANALYZE bench_person;

-- --- the registrations, triggers off (see the top of the file) -----------------
ALTER TABLE registration DISABLE TRIGGER USER;
INSERT INTO registration (session_id, participant_id, status, waiting_rank, reason, changed_by)
SELECT n.sid, p.id, n.status, n.waiting_rank,
	CASE n.status WHEN 'annulee' THEN 'Empêchement (banc d''essai).' WHEN 'excusee' THEN 'Absence excusée.'
		ELSE '' END,
	'Banc d''essai'
FROM bench_new n JOIN bench_person p ON p.g = n.j % (SELECT n FROM bench_people)
ORDER BY n.sid, n.k;
ALTER TABLE registration ENABLE TRIGGER USER;

UPDATE session se SET confirmed = c.confirmed, waiting = c.waiting
FROM (SELECT session_id, count(*) FILTER (WHERE status = 'confirmee')::int AS confirmed,
		count(*) FILTER (WHERE status = 'attente')::int AS waiting
	FROM registration GROUP BY session_id) c
WHERE se.id = c.session_id AND (se.confirmed <> c.confirmed OR se.waiting <> c.waiting);

-- What the triggers would have kept, checked for every session.
DO $$
DECLARE
	bad bigint;
BEGIN
	SELECT se.id INTO bad FROM session se
	LEFT JOIN (SELECT session_id, count(*) FILTER (WHERE status = 'confirmee') AS c,
		count(*) FILTER (WHERE status = 'attente') AS w FROM registration GROUP BY session_id) x
		ON x.session_id = se.id
	WHERE se.confirmed <> coalesce(x.c, 0) OR se.waiting <> coalesce(x.w, 0)
		OR se.confirmed > se.max_participants OR (se.waiting > 0 AND se.confirmed < se.max_participants)
	LIMIT 1;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'session %: counters, seats or waiting list wrong', bad;
	END IF;
	SELECT session_id INTO bad FROM registration WHERE status = 'attente' GROUP BY session_id
	HAVING min(waiting_rank) <> 1 OR max(waiting_rank) <> count(*) LIMIT 1;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'session %: waiting ranks not 1..n', bad;
	END IF;
	IF (SELECT count(*) FROM participant) <> 100000 OR (SELECT count(*) FROM registration) <> 120000 THEN
		RAISE EXCEPTION 'not 100,000 participants and 120,000 registrations but % and %',
			(SELECT count(*) FROM participant), (SELECT count(*) FROM registration);
	END IF;
	IF (SELECT count(*) FROM session WHERE status = 'confirmee' AND confirmed > 0
			AND first_day = (SELECT today FROM bench_today) + 2) < 9 THEN
		RAISE EXCEPTION 'fewer than nine confirmed sessions with participants start on the day after tomorrow';
	END IF;
END
$$;

DROP TABLE bench_today, bench_moved, bench_fill, bench_new, bench_people, bench_person;
COMMIT;

VACUUM ANALYZE participant;
VACUUM ANALYZE registration;
VACUUM ANALYZE session;
VACUUM ANALYZE slot;
VACUUM ANALYZE slot_trainer;

SELECT se.status, count(DISTINCT se.id) AS sessions, count(r.id) AS registrations,
	count(r.id) FILTER (WHERE r.status = 'confirmee') AS confirmed,
	count(r.id) FILTER (WHERE r.status = 'attente') AS waiting,
	count(r.id) FILTER (WHERE r.status IN ('annulee', 'excusee')) AS cancelled_or_excused,
	count(r.id) FILTER (WHERE r.status = 'demandee') AS asked
FROM session se LEFT JOIN registration r ON r.session_id = se.id
GROUP BY 1 ORDER BY 1;
