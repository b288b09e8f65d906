#include "store/course_edit.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "rules/programme.h"
#include "store/db.h"

/* The fields travel as one jsonb parameter, so that the SQL stays one
 * literal that names every column once, whatever the number of fields. */
#define SET_TEXT(name, max) " " #name " = $3::jsonb->>'" #name "',"
#define SET_NUM(name) " " #name " = nullif($3::jsonb->>'" #name "', '')::numeric,"

static const struct db_stmt course_update = { "course_update",
	"UPDATE course SET" COURSE_TEXT_FIELDS(SET_TEXT) COURSE_NUMBER_FIELDS(SET_NUM)
	" version = version + 1, updated_at = now(),"
	" updated_on = (now() AT TIME ZONE 'Europe/Paris')::date"
	" WHERE id = $1 AND version = $2::int RETURNING version" };

/* The first free slug among base, base-2, base-3...: of the n slugs
 * already written base or base-<digits>, at most n of these n + 1
 * candidates are taken, so one is always free (in the statement's
 * snapshot: a course created at the same instant by another worker makes
 * the insert fail on the unique slug, and the caller tries again). base is
 * an SQL expression of a valid slug, whose characters [a-z0-9-] mean
 * nothing to a regular expression. */
#define FREE_SLUG(base) \
	"(SELECT fs.s FROM (SELECT fs_k.k, CASE WHEN fs_k.k = 1 THEN fs_b.b" \
	"   ELSE fs_b.b || '-' || fs_k.k END AS s" \
	"  FROM (SELECT (" base ")::text AS b) fs_b," \
	"  LATERAL generate_series(1, 1 + (SELECT count(*) FROM course" \
	"   WHERE slug = fs_b.b OR slug ~ ('^' || fs_b.b || '-[0-9]+$'))) AS fs_k(k)) fs" \
	" WHERE NOT EXISTS (SELECT 1 FROM course WHERE slug = fs.s) ORDER BY fs.k LIMIT 1)"

/* How many times a creation or a copy is tried when another one took the
 * same slug between the choice and the insert. */
#define SLUG_ATTEMPTS 5

#define INS_COL(name, max) #name ","
#define INS_VAL(name, max) " $2::jsonb->>'" #name "',"
static const struct db_stmt course_insert = { "course_insert",
	"INSERT INTO course (" COURSE_TEXT_FIELDS(INS_COL) " slug, status)"
	" VALUES (" COURSE_TEXT_FIELDS(INS_VAL) FREE_SLUG("$1") ", 'draft') RETURNING id" };

static const struct db_stmt course_version = { "course_version",
	"SELECT version FROM course WHERE id = $1 FOR UPDATE" };
static const struct db_stmt history_add = { "course_history_add",
	"INSERT INTO course_history (course_id, user_id, user_name, action, fields, version)"
	" SELECT $1, $2, $3, $4, left($5, 4000), version FROM course WHERE id = $1" };
static const struct db_stmt history_list = { "course_history_list",
	"SELECT to_char(at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS at, user_name,"
	" action, fields, version::text AS version FROM course_history WHERE course_id = $1"
	" ORDER BY at DESC, id DESC LIMIT 100" };
static const struct db_stmt search_refresh = { "course_search_refresh",
	"SELECT course_search_refresh($1)" };
static const struct db_stmt set_status = { "course_set_status",
	"UPDATE course SET status = $2, version = version + 1, updated_at = now(),"
	" updated_on = CASE WHEN $2 = 'published' THEN (now() AT TIME ZONE 'Europe/Paris')::date"
	"   ELSE updated_on END"
	" WHERE id = $1 AND status <> $2" };
/* The copy of "x" or of its copies "x-copie", "x-copie-2"... is
 * "x-copie-N", the first free; its title gets " (copie)" within the 300
 * characters a title may have. */
static const struct db_stmt duplicate = { "course_duplicate",
	"SELECT src.slug, course_duplicate(src.id, "
	FREE_SLUG("rtrim(left(regexp_replace(src.slug, '-copie(-[0-9]+)?$', ''), 80), '-')"
		" || '-copie'")
	", left(src.title, 292) || ' (copie)') AS id FROM course src WHERE src.id = $1" };

static const struct db_stmt programme_clear = { "programme_clear",
	"DELETE FROM course_module WHERE course_id = $1" };
static const struct db_stmt module_insert = { "programme_module_insert",
	"INSERT INTO course_module (course_id, position, number, title, intro, format)"
	" VALUES ($1, $2::int, $3, $4, $5, $6) RETURNING id" };
static const struct db_stmt day_insert = { "programme_day_insert",
	"INSERT INTO course_day (module_id, position, heading, subject, steps_intro)"
	" VALUES ($1, $2::int, $3, $4, $5) RETURNING id" };
static const struct db_stmt step_insert = { "programme_step_insert",
	"INSERT INTO day_step (day_id, position, text, level) VALUES ($1, $2::int, $3, $4::smallint)" };

static int json_string(struct buf *b, const char *s)
{
	if (buf_puts(b, "\"") < 0)
		return -1;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		int rc;
		if (*p == '"' || *p == '\\')
			rc = buf_printf(b, "\\%c", *p);
		else if (*p < 0x20)
			rc = buf_printf(b, "\\u%04x", *p);
		else
			rc = buf_append(b, (const char *)p, 1);
		if (rc < 0)
			return -1;
	}
	return buf_puts(b, "\"");
}

/* {"title": "...", ...} of every field of c, in the arena. */
static const char *course_json(struct arena *a, const struct course *c)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	int rc = buf_puts(&b, "{");
#define JSON_TEXT(name, max) \
	rc = rc || buf_puts(&b, "\"" #name "\":") || json_string(&b, c->name) || buf_puts(&b, ",");
	COURSE_TEXT_FIELDS(JSON_TEXT)
#undef JSON_TEXT
#define JSON_NUM(name) \
	rc = rc || buf_puts(&b, "\"" #name "\":") || json_string(&b, c->name) || buf_puts(&b, ",");
	COURSE_NUMBER_FIELDS(JSON_NUM)
#undef JSON_NUM
	rc = rc || buf_puts(&b, "\"_\":\"\"}");
	const char *out = rc ? NULL : arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return out;
}

static int history(struct db *db, const char *id, const char *user_id, const char *user_name,
		const char *action, const char *fields)
{
	const char *p[] = { id, user_id, user_name, action, fields ? fields : "" };
	return db_run(db, NULL, &history_add, 5, p, NULL);
}

/* Commits when rc is DB_OK, else rolls back; returns rc (or the commit's
 * failure). */
static int finish(struct db *db, int rc)
{
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return rc;
}

static int insert_day(struct db *db, struct arena *a, const char *module_id, size_t pos,
		const struct prog_day *d)
{
	char position[24];
	snprintf(position, sizeof(position), "%zu", pos);
	const char *p[] = { module_id, position, d->heading, d->subject, d->steps_intro };
	struct db_rows *r;
	int rc = db_run(db, a, &day_insert, 5, p, &r);
	const char *day_id = rc == DB_OK ? db_get(r, 0, "id") : NULL;
	for (size_t k = 0; rc == DB_OK && k < d->n_steps; k++) {
		char spos[24], level[8];
		snprintf(spos, sizeof(spos), "%zu", k);
		snprintf(level, sizeof(level), "%d", d->steps[k].level);
		const char *sp[] = { day_id, spos, d->steps[k].text, level };
		rc = db_run(db, NULL, &step_insert, 4, sp, NULL);
	}
	return rc;
}

static int replace_programme(struct db *db, struct arena *a, const char *course_id,
		const struct programme *prog)
{
	const char *cp[] = { course_id };
	int rc = db_run(db, NULL, &programme_clear, 1, cp, NULL);
	for (size_t i = 0; rc == DB_OK && i < prog->n_modules; i++) {
		const struct prog_module *m = &prog->modules[i];
		char position[24];
		snprintf(position, sizeof(position), "%zu", i);
		const char *p[] = { course_id, position, m->number, m->title, m->intro,
			m->seminar ? "seminar" : "days" };
		struct db_rows *r;
		rc = db_run(db, a, &module_insert, 6, p, &r);
		const char *module_id = rc == DB_OK ? db_get(r, 0, "id") : NULL;
		for (size_t j = 0; rc == DB_OK && j < m->n_days; j++)
			rc = insert_day(db, a, module_id, j, &m->days[j]);
	}
	return rc;
}

int store_course_create(struct db *db, struct arena *a, const struct course *c,
		const struct programme *programme, const char *wanted_slug, const char *user_id,
		const char *user_name, const char **id)
{
	const char *json = course_json(a, c);
	if (!json)
		return DB_FAILED;
	int rc = DB_CONFLICT;
	for (int attempt = 1; rc == DB_CONFLICT && attempt <= SLUG_ATTEMPTS; attempt++) {
		const char *p[] = { wanted_slug, json };
		struct db_rows *r;
		rc = db_begin(db);
		if (rc == DB_OK)
			rc = db_run(db, a, &course_insert, 2, p, &r);
		if (rc == DB_OK) {
			*id = db_get(r, 0, "id");
			const char *sp[] = { *id };
			if (programme && programme->n_modules)
				rc = replace_programme(db, a, *id, programme);
			if (rc == DB_OK)
				rc = history(db, *id, user_id, user_name, "création", "");
			if (rc == DB_OK)
				rc = db_run(db, NULL, &search_refresh, 1, sp, NULL);
		}
		rc = finish(db, rc);
	}
	return rc;
}

int store_course_save(struct db *db, struct arena *a, const char *id, const char *version,
		const struct course *c, const struct programme *programme, const char *changed,
		const char *user_id, const char *user_name)
{
	const char *json = course_json(a, c);
	if (!json)
		return DB_FAILED;
	const char *p[] = { id, version, json };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &course_version, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		rc = db_run(db, a, &course_update, 3, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_STALE;
	if (rc == DB_OK && programme)
		rc = replace_programme(db, a, id, programme);
	if (rc == DB_OK)
		rc = history(db, id, user_id, user_name, "modification", changed);
	if (rc == DB_OK)
		rc = db_run(db, NULL, &search_refresh, 1, p, NULL);
	return finish(db, rc);
}

int store_course_set_status(struct db *db, struct arena *a, const char *id, const char *status,
		const char *user_id, const char *user_name)
{
	(void)a;
	const char *p[] = { id, status };
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, NULL, &set_status, 2, p, NULL);
	if (rc == DB_OK)
		rc = history(db, id, user_id, user_name, status, "statut");
	return finish(db, rc);
}

int store_course_duplicate(struct db *db, struct arena *a, const char *id,
		const char *user_id, const char *user_name, const char **new_id)
{
	const char *p[] = { id };
	int rc = DB_CONFLICT;
	for (int attempt = 1; rc == DB_CONFLICT && attempt <= SLUG_ATTEMPTS; attempt++) {
		struct db_rows *r;
		rc = db_begin(db);
		if (rc == DB_OK)
			rc = db_run(db, a, &duplicate, 1, p, &r);
		if (rc == DB_OK && db_rows_count(r) == 0)
			rc = DB_NOT_FOUND;
		if (rc == DB_OK) {
			*new_id = db_get(r, 0, "id");
			rc = history(db, *new_id, user_id, user_name, "copie",
					arena_printf(a, "copie de %s", db_get(r, 0, "slug")));
		}
		rc = finish(db, rc);
	}
	return rc;
}

int store_course_history(struct db *db, struct arena *a, const char *id,
		struct course_history_entry **out, size_t *n)
{
	const char *p[] = { id };
	struct db_rows *r;
	int rc = db_run(db, a, &history_list, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct course_history_entry){ db_get(r, i, "at"), db_get(r, i, "user_name"),
			db_get(r, i, "action"), db_get(r, i, "fields"), db_get(r, i, "version") };
	return DB_OK;
}
