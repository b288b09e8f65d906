-- Attendance and attestations at the scale of a real session, for `make
-- bench` (section attendance): two confirmed sessions of 40 confirmed
-- people on the demonstration course:
--
-- - 'Session de 3 jours, 40 présents (banc d''essai).': three full days
--   (six half-days) of last week, whose marks and certifications the bench
--   posts through the application (so that they are chained as always);
--   then it renders the session's file of six sheets and issues its 40
--   attestations;
-- - 'Session en cours, 40 signatures (banc d''essai).': a slot around now,
--   for the participants' signatures.
--
-- Run by psql as the schema owner, in one transaction:
--
--   conf/stack.sh psql VARDIR -f t/lib/bench-attendance.sql
BEGIN;
WITH c AS (SELECT id FROM course WHERE slug = 'cooperation-territoriale'),
s AS (
	INSERT INTO session (course_id, kind, min_participants, max_participants, status, notes)
	SELECT c.id, 'inter', 1, 40, 'confirmee', v.notes FROM c CROSS JOIN (VALUES
		('Session de 3 jours, 40 présents (banc d''essai).'),
		('Session en cours, 40 signatures (banc d''essai).')) AS v (notes)
	RETURNING id, notes
), p AS (
	INSERT INTO participant (last_name, first_name, email, organisation)
	SELECT 'Banc' || s.id || '-' || n, 'Stagiaire', 'banc-' || s.id || '-' || n || '@caf.example.org',
		'Caf de test ' || n % 7
	FROM s CROSS JOIN generate_series(1, 40) AS n
	RETURNING id, email
)
INSERT INTO registration (session_id, participant_id)
SELECT split_part(p.email, '-', 2)::bigint, p.id FROM p;

-- three full days last week, 9:00-17:00 Paris
INSERT INTO slot (session_id, day, starts_at, ends_at, part)
SELECT s.id, d, (d + time '09:00') AT TIME ZONE 'Europe/Paris', (d + time '17:00') AT TIME ZONE 'Europe/Paris',
	'journee'
FROM session s CROSS JOIN generate_series(current_date - 9, current_date - 7, interval '1 day') AS g (d0)
CROSS JOIN LATERAL (SELECT g.d0::date AS d) x
WHERE s.notes = 'Session de 3 jours, 40 présents (banc d''essai).';
-- a half-day around now, clipped to today
WITH l AS (SELECT now() AT TIME ZONE 'Europe/Paris' AS t)
INSERT INTO slot (session_id, day, starts_at, ends_at, part)
SELECT s.id, l.t::date, greatest(l.t::date + time '00:00', l.t - interval '2 hours') AT TIME ZONE 'Europe/Paris',
	least(l.t::date + time '23:59', l.t + interval '2 hours') AT TIME ZONE 'Europe/Paris', 'matin'
FROM session s, l WHERE s.notes = 'Session en cours, 40 signatures (banc d''essai).';
COMMIT;
