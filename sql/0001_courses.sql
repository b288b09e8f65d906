-- The catalogue's first table: one row per training offer ("fiche").
-- The application role reads and writes rows; only the owner changes DDL.

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'formations_app') THEN
		RAISE EXCEPTION 'role formations_app must exist (see README, "Installation")';
	END IF;
END
$$;

GRANT USAGE ON SCHEMA formations TO formations_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA formations
	GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO formations_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA formations
	GRANT USAGE, SELECT ON SEQUENCES TO formations_app;

CREATE TABLE course (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug           text NOT NULL UNIQUE
		CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
	title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	kind           text NOT NULL CHECK (kind IN ('intra', 'inter')),
	category       text NOT NULL DEFAULT '' CHECK (length(category) <= 120),
	audience       text NOT NULL DEFAULT '' CHECK (length(audience) <= 2000),
	prerequisites  text NOT NULL DEFAULT '' CHECK (length(prerequisites) <= 4000),
	objective      text NOT NULL DEFAULT '' CHECK (length(objective) <= 20000),
	modality       text NOT NULL DEFAULT 'presentiel'
		CHECK (modality IN ('presentiel', 'distanciel', 'mixte')),
	trainers       text NOT NULL DEFAULT '' CHECK (length(trainers) <= 1000),
	group_size     text NOT NULL DEFAULT '' CHECK (length(group_size) <= 1000),
	status         text NOT NULL DEFAULT 'draft'
		CHECK (status IN ('draft', 'published', 'archived')),
	updated_on     date NOT NULL DEFAULT (now() AT TIME ZONE 'Europe/Paris')::date,
	version        integer NOT NULL DEFAULT 1,
	created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX course_published_title ON course (title) WHERE status = 'published';
