-- The tally behind the fiches' satisfaction rates, kept per session: the
-- answers to the global question of its chaud questionnaires by score and
-- its participants. Counting them from the answers at each view costs
-- hundreds of milliseconds once there are 200,000 answer sets; the fiche
-- and the catalogue add up a few rows per session instead.
--
-- A row is recomputed when read after a change: every change that can
-- move a session's tally (an answer to a global question, a registration's
-- status) raises `changes`; the reader recomputes the rows whose
-- `computed` lags behind, storing the `changes` it read, so that a change
-- committed while it counted leaves the row to recompute
-- (store/survey_results.c). A session without a row has no answer and no
-- participant. No foreign key: the row of a deleted session is never read
-- (the reader joins session), and the triggers below run during the
-- cascade of that deletion.
CREATE TABLE session_satisfaction (
	session_id    bigint PRIMARY KEY,
	s1            integer NOT NULL DEFAULT 0,
	s2            integer NOT NULL DEFAULT 0,
	s3            integer NOT NULL DEFAULT 0,
	s4            integer NOT NULL DEFAULT 0,
	s5            integer NOT NULL DEFAULT 0,
	participants  integer NOT NULL DEFAULT 0,
	last_answer   timestamptz,
	changes       bigint NOT NULL DEFAULT 1,
	computed      bigint NOT NULL DEFAULT 0
);
CREATE INDEX session_satisfaction_stale ON session_satisfaction (session_id) WHERE computed <> changes;

CREATE FUNCTION session_satisfaction_touch(sid bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO session_satisfaction (session_id) VALUES (sid)
	ON CONFLICT (session_id) DO UPDATE SET changes = session_satisfaction.changes + 1
$$;

-- An answer to a global question (item 0) of an answer set, whatever its
-- questionnaire's kind: only chaud ones have a global question.
CREATE FUNCTION session_satisfaction_answer() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	IF r.item = 0 AND EXISTS (SELECT 1 FROM survey_question q WHERE q.id = r.question_id AND q.global) THEN
		PERFORM session_satisfaction_touch(sv.session_id)
		FROM survey_answer_set st JOIN survey sv ON sv.id = st.survey_id WHERE st.id = r.answer_set_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER survey_answer_satisfaction AFTER INSERT OR UPDATE OR DELETE ON survey_answer
	FOR EACH ROW EXECUTE FUNCTION session_satisfaction_answer();

-- An answer set's questionnaire changes nothing once made, but its
-- deletion (a purge, an erasure) may come without its answers' rows.
CREATE FUNCTION session_satisfaction_set() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM session_satisfaction_touch(sv.session_id) FROM survey sv WHERE sv.id = OLD.survey_id;
	RETURN NULL;
END $$;
CREATE TRIGGER survey_answer_set_satisfaction AFTER DELETE ON survey_answer_set
	FOR EACH ROW EXECUTE FUNCTION session_satisfaction_set();

CREATE FUNCTION session_satisfaction_registration() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		PERFORM session_satisfaction_touch(OLD.session_id);
	END IF;
	IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.session_id <> OLD.session_id) THEN
		PERFORM session_satisfaction_touch(NEW.session_id);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER registration_satisfaction AFTER INSERT OR DELETE OR UPDATE OF status, session_id
	ON registration FOR EACH ROW EXECUTE FUNCTION session_satisfaction_registration();

-- Every session there is, to count at its first reading.
INSERT INTO session_satisfaction (session_id) SELECT id FROM session;
