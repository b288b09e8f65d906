-- The counts behind the results pages (/intranet/evaluations, the Qualiopi
-- figures), kept per session: the answers of its questionnaires by kind,
-- question, item and value (texts aside), and its questionnaires by kind
-- (how many, sent, answered, reminders). Counting them from the answers
-- at each view cost about 200 ms for a course of 1,000 sessions with
-- 200,000 answer sets in all; the page now adds up the rows of its
-- sessions instead (store/survey_results.c).
--
-- As with sql/0024: every change that can move a session's counts (a
-- questionnaire, an answer set or an answer written or deleted) raises
-- its `changes` in session_results_stamp; a reader recounts the sessions
-- of its selection whose `computed` lags behind (session_results_refresh
-- below). It locks their stamps first and counts in a later statement,
-- whose snapshot therefore holds every change up to the `changes` it
-- read: a change committed meanwhile waits on that lock, raises `changes`
-- after it, and leaves the session to count again. No foreign key: the
-- rows of a deleted session are never read (readers join session), and
-- the triggers run during the cascade of that deletion.
CREATE TABLE session_results_stamp (
	session_id  bigint PRIMARY KEY,
	changes     bigint NOT NULL DEFAULT 1,
	computed    bigint NOT NULL DEFAULT 0
);
CREATE INDEX session_results_stale ON session_results_stamp (session_id) WHERE computed <> changes;

-- A scale's scores 1 to 5 are counted in s1..s5 of its row of value '':
-- a fifth of the rows to add up. Any other value (a choice, oui or non)
-- has its own row and its count in n.
CREATE TABLE session_answer_count (
	session_id   bigint NOT NULL,
	kind         text NOT NULL,
	question_id  bigint NOT NULL,
	item         integer NOT NULL,
	value        text NOT NULL,
	n            integer NOT NULL,
	s1           integer NOT NULL,
	s2           integer NOT NULL,
	s3           integer NOT NULL,
	s4           integer NOT NULL,
	s5           integer NOT NULL,
	-- the latest wording of the objective, as max() of the answers gives it
	item_label   text NOT NULL,
	PRIMARY KEY (session_id, kind, question_id, item, value)
);

CREATE TABLE session_kind_count (
	session_id  bigint NOT NULL,
	kind        text NOT NULL,
	surveys     integer NOT NULL,
	sent        integer NOT NULL,
	answered    integer NOT NULL,
	reminders   integer NOT NULL,
	PRIMARY KEY (session_id, kind)
);

-- The same answer counts added up per course, over its sessions not
-- cancelled: what the results of a course (no other filter) read, a few
-- dozen rows instead of twenty per session. Kept as the sessions' are: a
-- change to a session's counts also raises its course's changes, and so
-- do a session moved to another course, cancelled or deleted.
CREATE TABLE course_results_stamp (
	course_id  bigint PRIMARY KEY,
	changes    bigint NOT NULL DEFAULT 1,
	computed   bigint NOT NULL DEFAULT 0
);

CREATE TABLE course_answer_count (
	course_id    bigint NOT NULL,
	kind         text NOT NULL,
	question_id  bigint NOT NULL,
	item         integer NOT NULL,
	value        text NOT NULL,
	n            bigint NOT NULL,
	s1           bigint NOT NULL,
	s2           bigint NOT NULL,
	s3           bigint NOT NULL,
	s4           bigint NOT NULL,
	s5           bigint NOT NULL,
	item_label   text NOT NULL,
	PRIMARY KEY (course_id, kind, question_id, item, value)
);

-- The locks are always taken in one order: courses (by id) before
-- sessions (by id), by writers and readers alike, so that none waits on
-- another in a circle.
CREATE FUNCTION course_results_touch(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO course_results_stamp (course_id)
	SELECT DISTINCT c FROM unnest(ids) AS c WHERE c IS NOT NULL ORDER BY c
	ON CONFLICT (course_id) DO UPDATE SET changes = course_results_stamp.changes + 1
$$;

CREATE FUNCTION session_results_touch(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
	SELECT course_results_touch(ARRAY(SELECT se.course_id FROM session se WHERE se.id = ANY (ids)));
	INSERT INTO session_results_stamp (session_id)
	SELECT DISTINCT s FROM unnest(ids) AS s WHERE s IS NOT NULL ORDER BY s
	ON CONFLICT (session_id) DO UPDATE SET changes = session_results_stamp.changes + 1
$$;

CREATE FUNCTION course_results_session() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM course_results_touch(ARRAY[OLD.course_id]);
	ELSIF NEW.course_id IS DISTINCT FROM OLD.course_id OR NEW.status IS DISTINCT FROM OLD.status THEN
		PERFORM course_results_touch(ARRAY[OLD.course_id, NEW.course_id]);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER session_course_results AFTER UPDATE OF course_id, status OR DELETE ON session
	FOR EACH ROW EXECUTE FUNCTION course_results_session();

-- Statement triggers with transition tables: a bulk change (a purge, an
-- erasure, a load) touches each of its sessions once.
CREATE FUNCTION session_results_survey() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM session_results_touch(ARRAY(SELECT session_id FROM old_rows));
	ELSIF TG_OP = 'INSERT' THEN
		PERFORM session_results_touch(ARRAY(SELECT session_id FROM new_rows));
	ELSE
		PERFORM session_results_touch(ARRAY(SELECT session_id FROM new_rows
			UNION SELECT session_id FROM old_rows));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER survey_results_ins AFTER INSERT ON survey REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_survey();
CREATE TRIGGER survey_results_upd AFTER UPDATE ON survey REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_survey();
CREATE TRIGGER survey_results_del AFTER DELETE ON survey REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_survey();

-- An answer set or an answer: its questionnaire's session (gone with its
-- questionnaire in a cascade, which the trigger above has touched).
CREATE FUNCTION session_results_answer_set() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM session_results_touch(ARRAY(SELECT sv.session_id FROM old_rows o JOIN survey sv ON sv.id = o.survey_id));
	ELSE
		PERFORM session_results_touch(ARRAY(SELECT sv.session_id FROM new_rows o JOIN survey sv ON sv.id = o.survey_id));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER survey_answer_set_results_ins AFTER INSERT ON survey_answer_set REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer_set();
CREATE TRIGGER survey_answer_set_results_upd AFTER UPDATE ON survey_answer_set REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer_set();
CREATE TRIGGER survey_answer_set_results_del AFTER DELETE ON survey_answer_set REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer_set();

CREATE FUNCTION session_results_answer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM session_results_touch(ARRAY(SELECT sv.session_id FROM old_rows o
			JOIN survey_answer_set st ON st.id = o.answer_set_id JOIN survey sv ON sv.id = st.survey_id));
	ELSE
		PERFORM session_results_touch(ARRAY(SELECT sv.session_id FROM new_rows o
			JOIN survey_answer_set st ON st.id = o.answer_set_id JOIN survey sv ON sv.id = st.survey_id));
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER survey_answer_results_ins AFTER INSERT ON survey_answer REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer();
CREATE TRIGGER survey_answer_results_upd AFTER UPDATE ON survey_answer REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer();
CREATE TRIGGER survey_answer_results_del AFTER DELETE ON survey_answer REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION session_results_answer();

-- Counts again the sessions of ids whose counts lag behind their changes.
-- VOLATILE plpgsql: each statement below takes its own snapshot, so the
-- counting sees every change committed before the stamps were locked.
CREATE FUNCTION session_results_refresh(ids bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	stale bigint[];
	seen bigint[];
BEGIN
	SELECT array_agg(s.session_id ORDER BY s.session_id), array_agg(s.changes ORDER BY s.session_id)
		INTO stale, seen
	FROM (SELECT t.session_id, t.changes FROM session_results_stamp t
		WHERE t.session_id = ANY (ids) AND t.computed <> t.changes
		ORDER BY t.session_id FOR UPDATE) s;
	IF stale IS NULL THEN
		RETURN;
	END IF;
	DELETE FROM session_answer_count WHERE session_id = ANY (stale);
	INSERT INTO session_answer_count (session_id, kind, question_id, item, value, n,
		s1, s2, s3, s4, s5, item_label)
	SELECT a.session_id, a.kind, a.question_id, a.item, a.v, count(*) FILTER (WHERE a.v <> ''),
		count(*) FILTER (WHERE a.v = '' AND a.value = '1'), count(*) FILTER (WHERE a.v = '' AND a.value = '2'),
		count(*) FILTER (WHERE a.v = '' AND a.value = '3'), count(*) FILTER (WHERE a.v = '' AND a.value = '4'),
		count(*) FILTER (WHERE a.v = '' AND a.value = '5'), max(a.item_label)
	FROM (SELECT sv.session_id, sv.kind, an.question_id, an.item, an.value, an.item_label,
			CASE WHEN q.type = 'echelle' AND an.value IN ('1', '2', '3', '4', '5') THEN '' ELSE an.value END AS v
		FROM survey sv JOIN survey_answer_set st ON st.survey_id = sv.id
		JOIN survey_answer an ON an.answer_set_id = st.id
		JOIN survey_question q ON q.id = an.question_id AND q.type <> 'texte'
		WHERE sv.session_id = ANY (stale)) a
	GROUP BY a.session_id, a.kind, a.question_id, a.item, a.v
	ORDER BY a.session_id;
	DELETE FROM session_kind_count WHERE session_id = ANY (stale);
	INSERT INTO session_kind_count (session_id, kind, surveys, sent, answered, reminders)
	SELECT sv.session_id, sv.kind, count(*),
		count(*) FILTER (WHERE sv.opened_on IS NOT NULL OR st.id IS NOT NULL),
		count(st.id), coalesce(sum(sv.reminders_sent), 0)
	FROM survey sv LEFT JOIN survey_answer_set st ON st.survey_id = sv.id
	WHERE sv.session_id = ANY (stale)
	GROUP BY sv.session_id, sv.kind;
	UPDATE session_results_stamp t SET computed = x.c
	FROM unnest(stale, seen) AS x (s, c) WHERE t.session_id = x.s;
END $$;

-- A course's counts, after its sessions' (its stamp locked first, as the
-- writers lock it first: see above).
CREATE FUNCTION course_results_refresh(cid bigint) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	seen bigint;
BEGIN
	SELECT t.changes INTO seen FROM course_results_stamp t
	WHERE t.course_id = cid AND t.computed <> t.changes FOR UPDATE;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	PERFORM session_results_refresh(ARRAY(SELECT se.id FROM session se
		WHERE se.course_id = cid AND se.status <> 'annulee'));
	DELETE FROM course_answer_count WHERE course_id = cid;
	INSERT INTO course_answer_count (course_id, kind, question_id, item, value, n,
		s1, s2, s3, s4, s5, item_label)
	SELECT cid, k.kind, k.question_id, k.item, k.value, sum(k.n), sum(k.s1), sum(k.s2),
		sum(k.s3), sum(k.s4), sum(k.s5), max(k.item_label)
	FROM session se JOIN session_answer_count k ON k.session_id = se.id
	WHERE se.course_id = cid AND se.status <> 'annulee'
	GROUP BY k.kind, k.question_id, k.item, k.value;
	UPDATE course_results_stamp SET computed = seen WHERE course_id = cid;
END $$;

-- Every session with questionnaires and its course, to count at their
-- first reading.
INSERT INTO session_results_stamp (session_id) SELECT DISTINCT session_id FROM survey;
INSERT INTO course_results_stamp (course_id)
SELECT DISTINCT se.course_id FROM survey sv JOIN session se ON se.id = sv.session_id;
