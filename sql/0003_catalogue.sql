-- The catalogue in full: every item a published training page must carry
-- (the Qualiopi list), the programme as modules, days and steps, the
-- history of changes, and French full-text search (accents optional).

ALTER TABLE course
	ADD COLUMN evaluable_objectives text NOT NULL DEFAULT '' CHECK (length(evaluable_objectives) <= 20000),
	ADD COLUMN duration_days numeric(5,1) CHECK (duration_days > 0 AND duration_days <= 365),
	ADD COLUMN duration_hours numeric(6,1) CHECK (duration_hours > 0 AND duration_hours <= 3000),
	ADD COLUMN duration_text text NOT NULL DEFAULT '' CHECK (length(duration_text) <= 500),
	ADD COLUMN access_modalities text NOT NULL DEFAULT '' CHECK (length(access_modalities) <= 4000),
	ADD COLUMN prices text NOT NULL DEFAULT '' CHECK (length(prices) <= 4000),
	ADD COLUMN price_per_trainee text NOT NULL DEFAULT '' CHECK (length(price_per_trainee) <= 500),
	ADD COLUMN satisfaction_rate numeric(5,2) CHECK (satisfaction_rate BETWEEN 0 AND 100),
	ADD COLUMN satisfaction_period text NOT NULL DEFAULT '' CHECK (length(satisfaction_period) <= 200),
	ADD COLUMN satisfaction_answers integer CHECK (satisfaction_answers >= 0),
	ADD COLUMN content_intro text NOT NULL DEFAULT '' CHECK (length(content_intro) <= 20000),
	ADD COLUMN programme_notes text NOT NULL DEFAULT '' CHECK (length(programme_notes) <= 20000),
	ADD COLUMN methods text NOT NULL DEFAULT '' CHECK (length(methods) <= 40000),
	ADD COLUMN eval_before text NOT NULL DEFAULT '' CHECK (length(eval_before) <= 4000),
	ADD COLUMN eval_during text NOT NULL DEFAULT '' CHECK (length(eval_during) <= 4000),
	ADD COLUMN eval_hot text NOT NULL DEFAULT '' CHECK (length(eval_hot) <= 4000),
	ADD COLUMN eval_cold text NOT NULL DEFAULT '' CHECK (length(eval_cold) <= 4000),
	ADD COLUMN attendance_proof text NOT NULL DEFAULT '' CHECK (length(attendance_proof) <= 2000),
	ADD COLUMN certificate_text text NOT NULL DEFAULT '' CHECK (length(certificate_text) <= 2000),
	ADD COLUMN accessibility text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 8000),
	ADD COLUMN accessibility_premises text NOT NULL DEFAULT '' CHECK (length(accessibility_premises) <= 4000),
	ADD COLUMN disability_referent_name text NOT NULL DEFAULT '' CHECK (length(disability_referent_name) <= 200),
	ADD COLUMN disability_referent_contact text NOT NULL DEFAULT '' CHECK (length(disability_referent_contact) <= 300),
	ADD COLUMN access_delay text NOT NULL DEFAULT '' CHECK (length(access_delay) <= 2000),
	ADD COLUMN contact_phones text NOT NULL DEFAULT '' CHECK (length(contact_phones) <= 300),
	ADD COLUMN contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
	ADD COLUMN contact_text text NOT NULL DEFAULT '' CHECK (length(contact_text) <= 2000),
	ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN search_doc tsvector;

-- A programme: modules, each given as days or as a one-day seminar; each
-- day has a heading, a subject and its ordered steps.
CREATE TABLE course_module (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	course_id   bigint NOT NULL REFERENCES course (id) ON DELETE CASCADE,
	position    integer NOT NULL CHECK (position >= 0),
	number      text NOT NULL DEFAULT '' CHECK (length(number) <= 40),
	title       text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
	aim         text NOT NULL DEFAULT '' CHECK (length(aim) <= 4000),
	intro       text NOT NULL DEFAULT '' CHECK (length(intro) <= 8000),
	format      text NOT NULL DEFAULT 'days' CHECK (format IN ('days', 'seminar')),
	UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE course_day (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	module_id   bigint NOT NULL REFERENCES course_module (id) ON DELETE CASCADE,
	position    integer NOT NULL CHECK (position >= 0),
	heading     text NOT NULL DEFAULT '' CHECK (length(heading) <= 120),
	subject     text NOT NULL DEFAULT '' CHECK (length(subject) <= 1000),
	steps_intro text NOT NULL DEFAULT '' CHECK (length(steps_intro) <= 200),
	UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE day_step (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	day_id      bigint NOT NULL REFERENCES course_day (id) ON DELETE CASCADE,
	position    integer NOT NULL CHECK (position >= 0),
	text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
	level       smallint NOT NULL DEFAULT 0 CHECK (level IN (0, 1)),
	UNIQUE (day_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX course_module_course ON course_module (course_id, position);
CREATE INDEX course_day_module ON course_day (module_id, position);
CREATE INDEX day_step_day ON day_step (day_id, position);

-- Who changed what, and when: one row per save, with the fields changed.
CREATE TABLE course_history (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	course_id   bigint NOT NULL REFERENCES course (id) ON DELETE CASCADE,
	at          timestamptz NOT NULL DEFAULT now(),
	user_id     bigint REFERENCES staff_user (id) ON DELETE SET NULL,
	user_name   text NOT NULL DEFAULT '',
	action      text NOT NULL CHECK (length(action) <= 40),
	fields      text NOT NULL DEFAULT '' CHECK (length(fields) <= 4000),
	version     integer NOT NULL
);
CREATE INDEX course_history_course ON course_history (course_id, at DESC);

-- French search, accents optional: unaccent before the French stemmer.
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent
	ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;

-- The search document: title and category weigh most, then public and
-- objectives, then the rest of the text and the programme.
CREATE FUNCTION course_search_refresh(cid bigint) RETURNS void
LANGUAGE sql AS $$
	UPDATE course c SET search_doc =
		setweight(to_tsvector('fr_unaccent', c.title), 'A') ||
		setweight(to_tsvector('fr_unaccent', c.category), 'A') ||
		setweight(to_tsvector('fr_unaccent', c.audience || ' ' || c.objective || ' ' ||
			c.evaluable_objectives), 'B') ||
		setweight(to_tsvector('fr_unaccent', c.content_intro || ' ' || c.methods || ' ' ||
			c.prerequisites || ' ' || coalesce((
				SELECT string_agg(m.number || ' ' || m.title || ' ' || m.aim || ' ' || m.intro || ' ' ||
					coalesce((SELECT string_agg(d.heading || ' ' || d.subject || ' ' ||
						coalesce((SELECT string_agg(s.text, ' ') FROM day_step s WHERE s.day_id = d.id), ''),
						' ') FROM course_day d WHERE d.module_id = m.id), ''), ' ')
				FROM course_module m WHERE m.course_id = c.id), '')), 'C')
	WHERE c.id = cid;
$$;

CREATE INDEX course_search ON course USING gin (search_doc);
CREATE INDEX course_published_category ON course (category) WHERE status = 'published';

-- A copy of a course and its programme, as a draft under a new slug.
CREATE FUNCTION course_duplicate(src bigint, new_slug text, new_title text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	new_id bigint;
	m record;
	d record;
	new_module bigint;
	new_day bigint;
BEGIN
	INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective, modality,
		trainers, group_size, status, evaluable_objectives, duration_days, duration_hours,
		duration_text, access_modalities, prices, price_per_trainee, satisfaction_rate,
		satisfaction_period, satisfaction_answers, content_intro, programme_notes, methods,
		eval_before, eval_during, eval_hot, eval_cold, attendance_proof, certificate_text,
		accessibility, accessibility_premises, disability_referent_name,
		disability_referent_contact, access_delay, contact_phones, contact_email, contact_text)
	SELECT new_slug, new_title, kind, category, audience, prerequisites, objective, modality,
		trainers, group_size, 'draft', evaluable_objectives, duration_days, duration_hours,
		duration_text, access_modalities, prices, price_per_trainee, NULL,
		'', NULL, content_intro, programme_notes, methods,
		eval_before, eval_during, eval_hot, eval_cold, attendance_proof, certificate_text,
		accessibility, accessibility_premises, disability_referent_name,
		disability_referent_contact, access_delay, contact_phones, contact_email, contact_text
	FROM course WHERE id = src
	RETURNING id INTO new_id;
	IF new_id IS NULL THEN
		RETURN NULL;
	END IF;
	FOR m IN SELECT * FROM course_module WHERE course_id = src ORDER BY position LOOP
		INSERT INTO course_module (course_id, position, number, title, aim, intro, format)
		VALUES (new_id, m.position, m.number, m.title, m.aim, m.intro, m.format)
		RETURNING id INTO new_module;
		FOR d IN SELECT * FROM course_day WHERE module_id = m.id ORDER BY position LOOP
			INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
			VALUES (new_module, d.position, d.heading, d.subject, d.steps_intro)
			RETURNING id INTO new_day;
			INSERT INTO day_step (day_id, position, text, level)
			SELECT new_day, position, text, level FROM day_step WHERE day_id = d.id;
		END LOOP;
	END LOOP;
	PERFORM course_search_refresh(new_id);
	RETURN new_id;
END
$$;
