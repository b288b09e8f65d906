-- Evaluations (questionnaires): models edited by admins, their versions and
-- questions, one questionnaire per registration and kind (per requester and
-- session for froid_manager) with its private token and its schedule, and
-- the answers, each answer set keeping the version it answered.
--
-- A model is one per kind and course, or the default of its kind (course
-- NULL). Its questions belong to a version; a version that has answer sets
-- is never changed: an edit then makes the next version (store/surveys.c,
-- rules/survey.h survey_edit_plan). A question keeps its code across
-- versions, so that a question "dropped" is recognised and refused while it
-- has answers, and results follow one question across versions.

CREATE TABLE survey_model (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind             text NOT NULL CHECK (kind IN ('amont', 'chaud', 'froid', 'froid_manager')),
	course_id        bigint REFERENCES course (id) ON DELETE CASCADE,
	title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	-- What the participant reads above the questions.
	intro            text NOT NULL DEFAULT '' CHECK (length(intro) <= 2000),
	-- The version new questionnaires answer (set once the versions exist).
	current_version  integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
	created_at       timestamptz NOT NULL DEFAULT now(),
	updated_at       timestamptz NOT NULL DEFAULT now(),
	updated_by       text NOT NULL DEFAULT '' CHECK (length(updated_by) <= 200)
);
CREATE UNIQUE INDEX survey_model_default ON survey_model (kind) WHERE course_id IS NULL;
CREATE UNIQUE INDEX survey_model_course ON survey_model (kind, course_id) WHERE course_id IS NOT NULL;

CREATE TABLE survey_version (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	model_id    bigint NOT NULL REFERENCES survey_model (id) ON DELETE CASCADE,
	number      integer NOT NULL CHECK (number >= 1),
	created_at  timestamptz NOT NULL DEFAULT now(),
	created_by  text NOT NULL DEFAULT '' CHECK (length(created_by) <= 200),
	UNIQUE (model_id, number)
);

CREATE TABLE survey_question (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	version_id   bigint NOT NULL REFERENCES survey_version (id) ON DELETE CASCADE,
	-- The same question across the versions of a model.
	code         text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
	position     integer NOT NULL CHECK (position BETWEEN 1 AND 200),
	type         text NOT NULL CHECK (type IN ('echelle', 'choix', 'oui_non', 'texte')),
	wording      text NOT NULL CHECK (length(wording) BETWEEN 1 AND 500),
	hint         text NOT NULL DEFAULT '' CHECK (length(hint) <= 500),
	label_1      text NOT NULL DEFAULT '' CHECK (length(label_1) <= 80),
	label_5      text NOT NULL DEFAULT '' CHECK (length(label_5) <= 80),
	-- choix: one option a line
	options      text NOT NULL DEFAULT '' CHECK (length(options) <= 2000),
	required     boolean NOT NULL DEFAULT true,
	-- texte: the longest answer in characters (rules/survey.h)
	max_chars    integer NOT NULL DEFAULT 4000 CHECK (max_chars BETWEEN 1 AND 4000),
	-- The one global satisfaction question of a chaud model: the fiche's rate.
	global       boolean NOT NULL DEFAULT false,
	-- Asked once for each objective of the course's fiche (echelle only).
	per_objective boolean NOT NULL DEFAULT false,
	-- echelle: a comment is asked, and needed for a score of 3 or less.
	comment_low  boolean NOT NULL DEFAULT false,
	UNIQUE (version_id, code),
	UNIQUE (version_id, position) DEFERRABLE INITIALLY DEFERRED,
	CHECK (type = 'echelle' OR NOT (global OR per_objective OR comment_low)),
	CHECK (type <> 'echelle' OR (label_1 <> '' AND label_5 <> '')),
	CHECK (type <> 'choix' OR options <> ''),
	CHECK (NOT global OR required)
);
-- One global question per version (the "chaud" rule is checked by the
-- store, whose message says why; this keeps two from ever being saved).
CREATE UNIQUE INDEX survey_question_one_global ON survey_question (version_id) WHERE global;

-- One questionnaire of one person: a participant's (registration) or, for
-- froid_manager, a requester's about their participants of one session.
CREATE TABLE survey (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind             text NOT NULL CHECK (kind IN ('amont', 'chaud', 'froid', 'froid_manager')),
	session_id       bigint NOT NULL REFERENCES session (id) ON DELETE CASCADE,
	registration_id  bigint REFERENCES registration (id) ON DELETE CASCADE,
	-- froid_manager: the requester, by the demand that registered them
	demand_id        bigint REFERENCES demand (id) ON DELETE CASCADE,
	requester_email  text NOT NULL DEFAULT '' CHECK (length(requester_email) <= 254),
	token            text NOT NULL UNIQUE
		DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
		CHECK (token ~ '^[0-9a-f]{64}$'),
	-- The schedule (rules/survey.h survey_schedule_of), set at creation.
	opens_at         timestamptz NOT NULL,
	mail_at          timestamptz NOT NULL,
	-- The Paris day its opening mail went (J of the reminders and closing).
	opened_on        date,
	reminders_sent   integer NOT NULL DEFAULT 0 CHECK (reminders_sent BETWEEN 0 AND 2),
	closed_at        timestamptz,
	created_at       timestamptz NOT NULL DEFAULT now(),
	CHECK ((kind = 'froid_manager') = (registration_id IS NULL)),
	CHECK (kind <> 'froid_manager' OR requester_email <> '')
);
CREATE UNIQUE INDEX survey_of_registration ON survey (registration_id, kind)
	WHERE registration_id IS NOT NULL;
CREATE UNIQUE INDEX survey_of_requester ON survey (session_id, requester_email)
	WHERE kind = 'froid_manager';
CREATE INDEX survey_session ON survey (session_id, kind);
-- What `formations remind` walks: the questionnaires not closed yet.
CREATE INDEX survey_open ON survey (mail_at, id) WHERE closed_at IS NULL;

-- The answers of one questionnaire: one set, changed in place until it
-- closes; revision counts the changes (a double submission of an old
-- revision is refused, 409).
CREATE TABLE survey_answer_set (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	survey_id    bigint NOT NULL UNIQUE REFERENCES survey (id) ON DELETE CASCADE,
	version_id   bigint NOT NULL REFERENCES survey_version (id),
	revision     integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
	submitted_at timestamptz NOT NULL DEFAULT now(),
	updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_answer_set_version ON survey_answer_set (version_id);

CREATE TABLE survey_answer (
	answer_set_id  bigint NOT NULL REFERENCES survey_answer_set (id) ON DELETE CASCADE,
	question_id    bigint NOT NULL REFERENCES survey_question (id),
	-- 0, or the objective's rank (1, 2...) for a per_objective question
	item           integer NOT NULL DEFAULT 0 CHECK (item BETWEEN 0 AND 50),
	-- the objective as it was asked
	item_label     text NOT NULL DEFAULT '' CHECK (length(item_label) <= 1000),
	value          text NOT NULL CHECK (length(value) BETWEEN 1 AND 16000),
	comment        text NOT NULL DEFAULT '' CHECK (length(comment) <= 16000),
	PRIMARY KEY (answer_set_id, question_id, item)
);
CREATE INDEX survey_answer_question ON survey_answer (question_id);

-- The shipped defaults: one model of each kind, version 1.
CREATE FUNCTION survey_default_model(k text, t text, i text, qs jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	mid bigint;
	vid bigint;
	q jsonb;
	pos integer := 0;
BEGIN
	INSERT INTO survey_model (kind, title, intro, updated_by) VALUES (k, t, i, 'installation')
		RETURNING id INTO mid;
	INSERT INTO survey_version (model_id, number, created_by) VALUES (mid, 1, 'installation')
		RETURNING id INTO vid;
	FOR q IN SELECT * FROM jsonb_array_elements(qs) LOOP
		pos := pos + 1;
		INSERT INTO survey_question (version_id, code, position, type, wording, hint, label_1,
			label_5, options, required, global, per_objective, comment_low)
		VALUES (vid, q->>'code', pos, q->>'type', q->>'wording', coalesce(q->>'hint', ''),
			coalesce(q->>'l1', ''), coalesce(q->>'l5', ''), coalesce(q->>'options', ''),
			coalesce((q->>'required')::boolean, true), coalesce((q->>'global')::boolean, false),
			coalesce((q->>'per_objective')::boolean, false),
			coalesce((q->>'comment_low')::boolean, false));
	END LOOP;
END $$;

SELECT survey_default_model('amont', 'Questionnaire avant la formation',
	'Vos réponses aident le formateur à adapter la formation à votre groupe. Elles ne sont pas une évaluation de vos compétences.',
	'[
	 {"code":"attentes","type":"texte","wording":"Qu''attendez-vous de cette formation ?","hint":"Une situation de travail, une question, un besoin précis."},
	 {"code":"niveau_objectif","type":"echelle","per_objective":true,"wording":"Où en êtes-vous aujourd''hui sur cet objectif de la formation ?","l1":"Je découvre","l5":"Je maîtrise"},
	 {"code":"experience","type":"choix","wording":"Avez-vous déjà suivi une formation sur ce sujet ?","options":"Non, jamais\nOui, il y a plus de deux ans\nOui, récemment"},
	 {"code":"besoin_accessibilite","type":"texte","required":false,"wording":"Avez-vous un besoin d''adaptation lié à une situation de handicap ?","hint":"Facultatif. Seuls le référent handicap de l''EGOC et l''administration le lisent ; il vous recontacte avant la formation."}
	]'::jsonb);

SELECT survey_default_model('chaud', 'Votre avis sur la formation',
	'Quelques minutes pour nous dire ce que vous avez pensé de la formation. Vos réponses sont lues par l''équipe de l''EGOC et servent à l''améliorer.',
	'[
	 {"code":"objectifs_atteints","type":"echelle","comment_low":true,"wording":"Les objectifs de la formation ont-ils été atteints ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"contenu","type":"echelle","comment_low":true,"wording":"Le contenu correspondait-il à vos besoins ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"formateur","type":"echelle","comment_low":true,"wording":"Le formateur ou la formatrice a-t-il été clair et disponible ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"rythme","type":"echelle","comment_low":true,"wording":"Le rythme de la formation vous a-t-il convenu ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"supports","type":"echelle","comment_low":true,"wording":"Les supports remis sont-ils utiles ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"conditions","type":"echelle","comment_low":true,"wording":"Les conditions d''accueil (salle, matériel, organisation) étaient-elles bonnes ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"niveau_objectif","type":"echelle","per_objective":true,"wording":"Où en êtes-vous maintenant sur cet objectif de la formation ?","l1":"Je découvre","l5":"Je maîtrise"},
	 {"code":"satisfaction_globale","type":"echelle","global":true,"comment_low":true,"wording":"Dans l''ensemble, êtes-vous satisfait(e) de cette formation ?","l1":"Pas du tout satisfait(e)","l5":"Très satisfait(e)"},
	 {"code":"recommandation","type":"oui_non","wording":"Recommanderiez-vous cette formation à un ou une collègue ?"},
	 {"code":"commentaire","type":"texte","required":false,"wording":"Voulez-vous ajouter quelque chose ?","hint":"Facultatif."}
	]'::jsonb);

SELECT survey_default_model('froid', 'Deux mois après la formation',
	'Deux mois ont passé depuis la formation : qu''en avez-vous fait dans votre travail ?',
	'[
	 {"code":"utilisation","type":"echelle","wording":"Utilisez-vous ce que vous avez appris dans votre travail ?","l1":"Jamais","l5":"Très souvent"},
	 {"code":"exemple","type":"texte","required":false,"wording":"Donnez un exemple de situation où la formation vous a servi.","hint":"Facultatif."},
	 {"code":"freins","type":"choix","wording":"Qu''est-ce qui vous a le plus freiné pour l''appliquer ?","options":"Rien, je l''applique\nLe manque d''occasions\nLe manque de temps\nL''organisation de mon service\nLa formation ne correspondait pas à mon poste"},
	 {"code":"utilite","type":"echelle","wording":"Avec le recul, cette formation vous a-t-elle été utile ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"besoin_suite","type":"texte","required":false,"wording":"Auriez-vous besoin d''un complément ou d''une autre formation ?","hint":"Facultatif."}
	]'::jsonb);

SELECT survey_default_model('froid_manager', 'Trois mois après : l''avis du responsable',
	'Vous avez inscrit des agents à cette formation il y a trois mois. Votre regard sur ce qu''ils en ont fait nous aide à la faire évoluer.',
	'[
	 {"code":"changement","type":"echelle","wording":"Avez-vous constaté une évolution des pratiques des agents formés ?","l1":"Aucune","l5":"Très nette"},
	 {"code":"besoin_couvert","type":"echelle","wording":"La formation a-t-elle répondu au besoin qui vous l''a fait demander ?","l1":"Pas du tout","l5":"Tout à fait"},
	 {"code":"redemander","type":"oui_non","wording":"Inscririez-vous d''autres agents à cette formation ?"},
	 {"code":"commentaire","type":"texte","required":false,"wording":"Que faudrait-il améliorer ou ajouter ?","hint":"Facultatif."}
	]'::jsonb);

DROP FUNCTION survey_default_model(text, text, text, jsonb);
