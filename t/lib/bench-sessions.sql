-- Sessions at scale, on top of the demonstration data: 10,000 sessions and
-- 60,000 slots over the two past years and the five coming ones, with 50
-- trainers ("Formateur bench N") and 40 rooms in 10 places ("Lieu bench N")
-- of their own, and about 5 registrations per confirmed or past session.
-- Run by psql as the schema owner, in one transaction:
--
--   conf/stack.sh psql VARDIR -f t/lib/bench-sessions.sql
--
-- Everything is set-based (generate_series, INSERT ... SELECT); no loop.
--
-- No room and no trainer is ever in two overlapping slots (the exclusion
-- constraints are on), by construction: session i lives in one week,
-- wi = floor(i * 365 / 10000) (365 weeks, 27 or 28 sessions a week), all its
-- slots inside that week's Monday-Friday; its rank r in the week (0..27)
-- picks room (r + 7 wi) mod 40 and trainer (r + 11 wi) mod 50, distinct
-- within the week since 28 <= 40 and 28 <= 50. A co-trainer, for some
-- sessions with r < 22, is (r + 28 + 11 wi) mod 50: offsets 28..49, never
-- an offset 0..27 of a first trainer, nor another co-trainer's. The bench
-- resources are its own, so the demonstration's slots are never in the way.
\set ON_ERROR_STOP on
\timing on

BEGIN;
SET LOCAL jit = off;
SET LOCAL search_path = formations;

DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM place WHERE name = 'Lieu bench 1') THEN
		RAISE EXCEPTION 'the bench sessions are already loaded';
	END IF;
END
$$;

INSERT INTO place (name, address, city, access, capacity, accessibility)
SELECT 'Lieu bench ' || n, n || ' rue du Banc d''Essai, 35000 Rennes', 'Rennes',
	'Lieu généré pour le banc d''essai.', 80, ''
FROM generate_series(1, 10) AS n;

-- Rooms 'Salle bench 1..40', four per place; room k (0..39) is number k + 1.
INSERT INTO room (place_id, name, capacity)
SELECT p.id, 'Salle bench ' || k + 1, 20
FROM generate_series(0, 39) AS k
JOIN place p ON p.name = 'Lieu bench ' || k / 4 + 1;

INSERT INTO trainer (name, kind, email, organisation, feed_token)
SELECT 'Formateur bench ' || n, CASE WHEN n % 3 = 0 THEN 'interne' ELSE 'externe' END,
	'formateur.bench.' || n || '@example.org', 'Banc d''essai',
	md5(random()::text) || md5(random()::text)
FROM generate_series(1, 50) AS n;

-- The published courses, numbered 0..nc-1; trainer t (0..49) gives
-- courses t mod nc and (t + 5) mod nc.
CREATE TEMP TABLE bench_course AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS cn, id, kind
FROM course WHERE status = 'published';

INSERT INTO trainer_course (trainer_id, course_id)
SELECT DISTINCT t.id, c.id
FROM generate_series(0, 49) AS k
CROSS JOIN (VALUES (0), (5)) AS o (off)
JOIN trainer t ON t.name = 'Formateur bench ' || k + 1
JOIN bench_course c ON c.cn = (k + o.off) % (SELECT count(*) FROM bench_course)
ON CONFLICT DO NOTHING;

-- One row per session: week, rank in the week, room, trainers, course,
-- kind and status.
--   i*7 mod 20: 0-11 INTER confirmed (60 %), 12-13 INTER envisaged, 14
--   INTER cancelled, 15-18 INTRA confirmed, 19 INTRA envisaged; past
--   sessions are 'realisee' unless cancelled.
CREATE TEMP TABLE bench_plan AS
WITH base AS (
	SELECT (now() AT TIME ZONE 'Europe/Paris')::date AS today,
		date_trunc('week', (now() AT TIME ZONE 'Europe/Paris')::date::timestamp)::date AS monday
), s AS (
	SELECT i, (i * 365 / 10000) AS wi, (i * 7) % 20 AS h
	FROM generate_series(0, 9999) AS i
), ranked AS (
	SELECT s.*, (row_number() OVER (PARTITION BY wi ORDER BY i) - 1)::int AS r FROM s
)
SELECT nextval(pg_get_serial_sequence('session', 'id')) AS sid, x.i, x.wi, x.r, x.h,
	b.monday + 7 * (x.wi - 104) AS week_monday,
	b.today,
	x.i % 4 AS pattern,
	(x.r + 7 * x.wi) % 40 AS room_no,
	(x.r + 11 * x.wi) % 50 AS trainer_no,
	CASE WHEN x.r < 22 AND x.i % 5 = 0 THEN (x.r + 28 + 11 * x.wi) % 50 END AS cotrainer_no
FROM ranked x CROSS JOIN base b
ORDER BY x.i;

ALTER TABLE bench_plan ADD COLUMN course_id bigint, ADD COLUMN kind text, ADD COLUMN status text,
	ADD COLUMN first_day date, ADD COLUMN last_day date;
UPDATE bench_plan p SET
	course_id = c.id,
	kind = CASE WHEN p.h < 15 THEN 'inter' ELSE 'intra' END,
	first_day = p.week_monday + CASE p.pattern WHEN 1 THEN 1 WHEN 2 THEN 2 ELSE 0 END,
	last_day = p.week_monday + CASE p.pattern WHEN 0 THEN 2 WHEN 1 THEN 3 ELSE 4 END
FROM bench_course c
WHERE c.cn = (p.trainer_no + CASE WHEN p.i % 2 = 0 THEN 0 ELSE 5 END) % (SELECT count(*) FROM bench_course);
UPDATE bench_plan SET status = CASE
	WHEN h = 14 THEN 'annulee'
	WHEN last_day < today THEN 'realisee'
	WHEN h IN (12, 13, 19) AND first_day > today THEN 'envisagee'
	ELSE 'confirmee' END;

INSERT INTO session (id, course_id, kind, organisation, place_id, min_participants, max_participants,
	status, cancel_reason, registration_closes_on, public, notes)
OVERRIDING SYSTEM VALUE
SELECT p.sid, p.course_id, p.kind,
	CASE WHEN p.kind = 'intra' THEN 'Caf bench ' || (p.i % 101 + 1) ELSE '' END,
	rm.place_id, 6, 12 + p.i % 5, p.status,
	CASE WHEN p.status = 'annulee' THEN 'Nombre d''inscrits insuffisant (banc d''essai).' ELSE '' END,
	CASE WHEN p.kind = 'inter' THEN p.first_day - 14 END,
	p.kind = 'intra' AND p.i % 10 = 5,
	'Session générée pour le banc d''essai.'
FROM bench_plan p
JOIN room rm ON rm.name = 'Salle bench ' || p.room_no + 1
ORDER BY p.sid;

-- Six half-day slots per session: patterns 0-2 are three full days
-- (Mon-Wed, Tue-Thu, Wed-Fri), pattern 3 two full days then two remote
-- mornings (Thu, Fri).
INSERT INTO slot (session_id, day, starts_at, ends_at, part, remote, room_id, module_label, day_label, cancelled)
SELECT p.sid, p.week_monday + v.dow,
	(p.week_monday + v.dow + v.starts) AT TIME ZONE 'Europe/Paris',
	(p.week_monday + v.dow + v.ends) AT TIME ZONE 'Europe/Paris',
	CASE WHEN v.ends <= time '13:00' THEN 'matin' ELSE 'apres_midi' END,
	v.remote, rm.id, 'Module ' || v.module, 'Journée ' || v.day_no,
	p.status = 'annulee'
FROM bench_plan p
JOIN room rm ON rm.name = 'Salle bench ' || p.room_no + 1
JOIN (VALUES
	(0, 0, time '09:00', time '12:30', false, 1, 1), (0, 0, '13:30', '17:00', false, 1, 1),
	(0, 1, '09:00', '12:30', false, 1, 2), (0, 1, '13:30', '17:00', false, 1, 2),
	(0, 2, '09:00', '12:30', false, 2, 1), (0, 2, '13:30', '17:00', false, 2, 1),
	(1, 1, '09:00', '12:30', false, 1, 1), (1, 1, '13:30', '17:00', false, 1, 1),
	(1, 2, '09:00', '12:30', false, 1, 2), (1, 2, '13:30', '17:00', false, 1, 2),
	(1, 3, '09:00', '12:30', false, 2, 1), (1, 3, '13:30', '17:00', false, 2, 1),
	(2, 2, '09:00', '12:30', false, 1, 1), (2, 2, '13:30', '17:00', false, 1, 1),
	(2, 3, '09:00', '12:30', false, 1, 2), (2, 3, '13:30', '17:00', false, 1, 2),
	(2, 4, '09:00', '12:30', false, 2, 1), (2, 4, '13:30', '17:00', false, 2, 1),
	(3, 0, '09:00', '12:30', false, 1, 1), (3, 0, '13:30', '17:00', false, 1, 1),
	(3, 1, '09:00', '12:30', false, 1, 2), (3, 1, '13:30', '17:00', false, 1, 2),
	(3, 3, '09:00', '12:30', true, 2, 1), (3, 4, '09:00', '12:30', true, 2, 2)
) AS v (pattern, dow, starts, ends, remote, module, day_no) ON v.pattern = p.pattern
ORDER BY p.sid, v.dow, v.starts;

INSERT INTO slot_trainer (slot_id, trainer_id)
SELECT sl.id, t.id
FROM bench_plan p
JOIN slot sl ON sl.session_id = p.sid
JOIN trainer t ON t.name = 'Formateur bench ' || p.trainer_no + 1
UNION ALL
SELECT sl.id, t.id
FROM bench_plan p
JOIN slot sl ON sl.session_id = p.sid
JOIN trainer t ON t.name = 'Formateur bench ' || p.cotrainer_no + 1
WHERE p.cotrainer_no IS NOT NULL;

-- 3 to 7 registrations (5 on average) per confirmed or past session.
INSERT INTO participant (last_name, first_name, email, organisation)
SELECT ln.a[1 + (p.i + k * 7) % 20], fn.a[1 + (p.i * 3 + k) % 20],
	'stagiaire.' || p.sid || '.' || k || '@example.org',
	CASE WHEN p.kind = 'intra' THEN 'Caf bench ' || (p.i % 101 + 1) ELSE 'Caf bench ' || ((p.i + k) % 101 + 1) END
FROM bench_plan p
CROSS JOIN generate_series(1, 3 + p.i % 5) AS k
CROSS JOIN (SELECT array['Martin', 'Bernard', 'Le Gall', 'Moreau', 'Tanguy', 'Girard', 'Guillou', 'Morel',
	'Fournier', 'Lambert', 'Bonnet', 'Le Roux', 'Garnier', 'Mercier', 'Blanc', 'Prigent', 'Faure',
	'Perrin', 'Hamel', 'Duval'] AS a) ln
CROSS JOIN (SELECT array['Camille', 'Nicolas', 'Sophie', 'Julien', 'Aurélie', 'Thomas', 'Émilie', 'Maxime',
	'Céline', 'Romain', 'Sandrine', 'Yannick', 'Élodie', 'Loïc', 'Erwan', 'Claire', 'Morgane',
	'Antoine', 'Solène', 'Ronan'] AS a) fn
WHERE p.status IN ('confirmee', 'realisee');
INSERT INTO registration (session_id, participant_id)
SELECT split_part(split_part(email, '@', 1), '.', 2)::bigint, id FROM participant
WHERE email LIKE 'stagiaire.%@example.org';

DROP TABLE bench_course, bench_plan;
COMMIT;

ANALYZE place;
ANALYZE room;
ANALYZE trainer;
ANALYZE trainer_course;
ANALYZE session;
ANALYZE slot;
ANALYZE slot_trainer;
ANALYZE participant;
ANALYZE registration;

SELECT s.status, s.kind, count(DISTINCT s.id) AS sessions, count(*) AS slots
FROM session s JOIN place p ON p.id = s.place_id JOIN slot sl ON sl.session_id = s.id
WHERE p.name LIKE 'Lieu bench %'
GROUP BY 1, 2 ORDER BY 1, 2;
