-- Evaluations at scale, on top of t/lib/bench-sessions.sql (run it first;
-- bench-registrations.sql may have run too): every confirmed or past bench
-- session is brought to 8 registrations at least, and each of its
-- registrations gets its amont, chaud and froid questionnaires, all
-- answered (answer sets of the default models' current versions, two
-- objectives per per_objective question): about 200,000 answer sets and
-- 1.2 million answers over the 10,000 sessions. The schedule is the one
-- `formations remind` would have kept had it run every day: mailed when
-- due, closed 30 days after the mail.
--
-- Run by psql as the schema owner, in one transaction:
--
--   conf/stack.sh psql VARDIR -f t/lib/bench-surveys.sql
--
-- Set-based, no loop. The row trigger that marks a session's satisfaction
-- tally stale (sql/0024) is disabled for the answers' insert
-- (ALTER TABLE ... DISABLE TRIGGER USER, the schema owner only, in this
-- transaction) and every session's tally is marked stale once at the end,
-- which is what they would have done, row by row, 1.2 million times.
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
	IF EXISTS (SELECT 1 FROM participant WHERE email LIKE 'sondage.%@example.org') THEN
		RAISE EXCEPTION 'the bench surveys are already loaded';
	END IF;
END
$$;

-- The bench sessions that have participants, and how many they lack.
CREATE TEMP TABLE bench_ss AS
SELECT se.id AS sid, se.first_day, se.last_day,
	greatest(0, 8 - (SELECT count(*) FROM registration r WHERE r.session_id = se.id))::int AS missing
FROM session se JOIN place p ON p.id = se.place_id
WHERE p.name LIKE 'Lieu bench %' AND se.status IN ('confirmee', 'realisee');

INSERT INTO participant (last_name, first_name, email, organisation)
SELECT 'Sondé', 'Agent ' || k, 'sondage.' || s.sid || '.' || k || '@example.org', 'Caf bench ' || (s.sid % 101 + 1)
FROM bench_ss s CROSS JOIN LATERAL generate_series(1, s.missing) AS k;
INSERT INTO registration (session_id, participant_id)
SELECT split_part(split_part(email, '@', 1), '.', 2)::bigint, id FROM participant
WHERE email LIKE 'sondage.%@example.org';

-- Three questionnaires per confirmed registration. mail_at: amont a week
-- before the first day, chaud the last day at 17:00, froid 60 days after.
CREATE TEMP TABLE bench_sv AS
SELECT r.id AS rid, s.sid, k.kind,
	((CASE k.kind WHEN 'amont' THEN s.first_day - 7 WHEN 'chaud' THEN s.last_day
		ELSE s.last_day + 60 END) + time '17:00') AT TIME ZONE 'Europe/Paris' AS mail_at
FROM bench_ss s
JOIN registration r ON r.session_id = s.sid AND r.status = 'confirmee'
CROSS JOIN (VALUES ('amont'), ('chaud'), ('froid')) AS k (kind);

INSERT INTO survey (kind, session_id, registration_id, opens_at, mail_at, opened_on, closed_at)
SELECT v.kind, v.sid, v.rid, v.mail_at, v.mail_at,
	CASE WHEN v.mail_at <= now() THEN (v.mail_at AT TIME ZONE 'Europe/Paris')::date END,
	CASE WHEN v.mail_at + interval '30 days' <= now() THEN v.mail_at + interval '30 days' END
FROM bench_sv v
-- those `formations remind` already opened (make bench's registrations
-- section runs it on the same sessions) are kept, and answered below
WHERE NOT EXISTS (SELECT 1 FROM survey x WHERE x.registration_id = v.rid AND x.kind = v.kind)
ORDER BY v.sid, v.rid, v.kind;

-- One answer set each, on the current version of the default model of
-- its kind.
CREATE TEMP TABLE bench_version AS
SELECT m.kind, sv.id AS version_id
FROM survey_model m JOIN survey_version sv ON sv.model_id = m.id AND sv.number = m.current_version
WHERE m.course_id IS NULL;

INSERT INTO survey_answer_set (survey_id, version_id, submitted_at, updated_at)
SELECT y.id, bv.version_id, least(y.mail_at, now()), least(y.mail_at, now())
FROM survey y JOIN bench_ss s ON s.sid = y.session_id JOIN bench_version bv ON bv.kind = y.kind
WHERE NOT EXISTS (SELECT 1 FROM survey_answer_set a WHERE a.survey_id = y.id)
ORDER BY y.id;

ALTER TABLE survey_answer DISABLE TRIGGER USER;
-- Scores mostly 4 and 5 (h below), a comment under 4 where one is asked,
-- a choice among the options, oui three times in four, a text one set in
-- five for an optional question, always for a required one.
INSERT INTO survey_answer (answer_set_id, question_id, item, item_label, value, comment)
SELECT x.set_id, x.qid, x.item, x.item_label,
	CASE x.type
		WHEN 'echelle' THEN (ARRAY['1', '2', '3', '4', '4', '5', '5', '5', '4', '5'])[1 + x.h % 10]
		WHEN 'oui_non' THEN CASE WHEN x.h % 4 = 0 THEN 'non' ELSE 'oui' END
		WHEN 'choix' THEN split_part(x.options, E'\n', 1 + x.h % (1 + length(x.options) - length(replace(x.options, E'\n', ''))))
		ELSE 'Réponse libre du banc d''essai numéro ' || x.set_id || '.' END,
	CASE WHEN x.type = 'echelle' AND x.comment_low AND x.h % 10 < 3
		THEN 'Commentaire du banc d''essai (' || x.set_id || ').' ELSE '' END
FROM (
	SELECT st.id AS set_id, q.id AS qid, q.type, q.options, q.comment_low, it.item,
		CASE WHEN it.item > 0 THEN 'Objectif ' || it.item || ' de la formation' ELSE '' END AS item_label,
		abs(hashint8(st.id * 31 + q.id * 7 + it.item)) AS h, q.required
	FROM survey_answer_set st
	JOIN survey y ON y.id = st.survey_id
	JOIN bench_ss s ON s.sid = y.session_id
	JOIN survey_question q ON q.version_id = st.version_id
	CROSS JOIN LATERAL (SELECT generate_series(CASE WHEN q.per_objective THEN 1 ELSE 0 END,
		CASE WHEN q.per_objective THEN 2 ELSE 0 END) AS item) it
) x
WHERE x.type <> 'texte' OR x.required OR x.h % 5 = 0
ORDER BY x.set_id, x.qid, x.item;
ALTER TABLE survey_answer ENABLE TRIGGER USER;

-- What the disabled triggers would have done: every session's
-- satisfaction tally to count again at its next reading (the results'
-- counts of sql/0025 are already behind: the questionnaires' and the
-- answer sets' statement triggers marked their sessions).
UPDATE session_satisfaction SET changes = changes + 1;

DROP TABLE bench_ss, bench_sv, bench_version;
COMMIT;

ANALYZE participant;
ANALYZE registration;
ANALYZE survey;
ANALYZE survey_answer_set;
ANALYZE survey_answer;
ANALYZE session_satisfaction;
ANALYZE session_results_stamp;

SELECT y.kind, count(DISTINCT y.session_id) AS sessions, count(*) AS answer_sets,
	(SELECT count(*) FROM survey_answer) AS answers
FROM survey y JOIN survey_answer_set st ON st.survey_id = y.id GROUP BY ROLLUP (y.kind) ORDER BY 1;
