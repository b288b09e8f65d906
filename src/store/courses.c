#include "store/courses.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "store/db.h"

#define COL(name, max) " " #name ","
#define NUM(name) " trim_scale(" #name "::numeric)::text AS " #name ","
#define COURSE_COLUMNS "SELECT id, slug, status, version," \
	" to_char(updated_on, 'YYYY-MM-DD') AS updated_on," \
	" extract(epoch FROM date_trunc('second', updated_at))::bigint AS last_modified," \
	COURSE_TEXT_FIELDS(COL) COURSE_NUMBER_FIELDS(NUM) " 1 AS _end FROM course"

/* The public fiche in one round trip: the course row first (part 0), then
 * its programme lines in reading order (part 1), the columns of the other
 * part NULL. Half the trips of two queries, on the hottest page. */
#define PAGE_COURSE_COLUMNS " id::text AS id, slug, status, version::text AS version," \
	" to_char(updated_on, 'YYYY-MM-DD') AS updated_on," \
	" extract(epoch FROM date_trunc('second', updated_at))::bigint::text AS last_modified," \
	COURSE_TEXT_FIELDS(COL) COURSE_NUMBER_FIELDS(NUM)
#define NULL_TEXT(name, max) " NULL,"
#define NULL_NUM(name) " NULL,"
#define PROGRAMME_COLUMNS " m.id::text AS module_id, m.number, m.title AS module_title, m.aim," \
	" m.intro, m.format, d.id::text AS day_id, d.heading, d.subject, d.steps_intro," \
	" s.id::text AS step_id, s.text AS step, s.level::text AS level"
static const struct db_stmt course_page = { "course_page",
	"WITH c AS (SELECT * FROM course WHERE slug = $1 AND status = 'published')"
	" SELECT 0 AS part, 0 AS p1, 0 AS p2, 0 AS p3," PAGE_COURSE_COLUMNS
	" NULL AS module_id, NULL AS number, NULL AS module_title, NULL AS aim, NULL AS intro,"
	" NULL AS format, NULL AS day_id, NULL AS heading, NULL AS subject, NULL AS steps_intro,"
	" NULL AS step_id, NULL AS step, NULL AS level FROM c"
	" UNION ALL"
	" SELECT 1, m.position, coalesce(d.position, -1), coalesce(s.position, -1),"
	" NULL, NULL, NULL, NULL, NULL, NULL," COURSE_TEXT_FIELDS(NULL_TEXT) COURSE_NUMBER_FIELDS(NULL_NUM)
	PROGRAMME_COLUMNS
	" FROM c JOIN course_module m ON m.course_id = c.id"
	" LEFT JOIN course_day d ON d.module_id = m.id"
	" LEFT JOIN day_step s ON s.day_id = d.id"
	" ORDER BY 1, 2, 3, 4" };
/* What the fiche needs of its course at each request: which version to
 * show (the rest of the page is kept by the worker per version). */
static const struct db_stmt course_head = { "course_head",
	"SELECT id::text AS id, slug, status, title, version::text AS version,"
	" extract(epoch FROM date_trunc('second', updated_at))::bigint::text AS last_modified"
	" FROM course WHERE slug = $1 AND status = 'published'" };
static const struct db_stmt course_by_id = { "course_by_id",
	COURSE_COLUMNS " WHERE id = $1" };
static const struct db_stmt courses_published_full = { "courses_published_full",
	COURSE_COLUMNS " WHERE status = 'published' ORDER BY title" };

static const struct db_stmt programme = { "course_programme",
	"SELECT m.id AS module_id, m.number, m.title AS module_title, m.aim, m.intro, m.format,"
	" d.id AS day_id, d.heading, d.subject, d.steps_intro,"
	" s.id AS step_id, s.text AS step, s.level"
	" FROM course_module m"
	" LEFT JOIN course_day d ON d.module_id = m.id"
	" LEFT JOIN day_step s ON s.day_id = d.id"
	" WHERE m.course_id = $1"
	" ORDER BY m.position, d.position NULLS FIRST, s.position NULLS FIRST" };

/* $1 the query ("" for none), $2 category, $3 modality, $4 kind ("" for
 * any), $5 the limit. The extract marks hits with two private-use
 * characters, which the page turns into <mark> after escaping. */
static const struct db_stmt search = { "courses_search",
	"WITH q AS (SELECT CASE WHEN $1 = '' THEN NULL"
	"   ELSE websearch_to_tsquery('fr_unaccent', $1) END AS query)"
	" SELECT c.id, c.slug, c.title, c.kind, c.category, c.modality, c.status,"
	" to_char(c.updated_on, 'YYYY-MM-DD') AS updated_on,"
	/* "1,5", "2": French decimals without trailing zeros */
	" coalesce(replace(trim_scale(c.duration_days::numeric)::text, '.', ','), '') AS duration_days,"
	" coalesce(replace(trim_scale(c.duration_hours::numeric)::text, '.', ','), '') AS duration_hours,"
	/* the next public session's first day (as the fiche lists them) */
	" coalesce((SELECT to_char(min(se.first_day), 'YYYY-MM-DD') FROM session se"
	"   WHERE se.course_id = c.id AND se.status = 'confirmee' AND (se.kind = 'inter' OR se.public)"
	"   AND se.first_day >= (now() AT TIME ZONE 'Europe/Paris')::date), '') AS next_day,"
	" CASE WHEN q.query IS NULL THEN left(regexp_replace(c.objective, '[*_#>`]', '', 'g'), 400)"
	"   ELSE ts_headline('fr_unaccent', c.title || ' — ' || c.audience || ' — ' ||"
	"     regexp_replace(c.objective || ' ' || c.content_intro || ' ' || c.methods, '[*_#>`]', '', 'g'),"
	"     q.query, 'StartSel=\xee\x80\x80, StopSel=\xee\x80\x81, MaxFragments=2, MaxWords=30,"
	"     MinWords=12, FragmentDelimiter=\" … \"') END AS extract"
	" FROM course c, q"
	" WHERE c.status = 'published'"
	" AND (q.query IS NULL OR c.search_doc @@ q.query)"
	" AND ($2 = '' OR c.category = $2) AND ($3 = '' OR c.modality = $3) AND ($4 = '' OR c.kind = $4)"
	" ORDER BY CASE WHEN q.query IS NULL THEN 0 ELSE ts_rank_cd(c.search_doc, q.query) END DESC,"
	" c.title LIMIT $5::int" };

/* Each word typed (unaccented, lower case) replaced by the closest word
 * of at least 4 letters of the published fiches' titles, categories,
 * audiences and objectives, when one is similar enough; words of 3 letters
 * or less are kept as typed. */
static const struct db_stmt spelling = { "courses_spelling",
	"WITH typed AS (SELECT w, n FROM regexp_split_to_table(lower(public.unaccent($1)), '[^a-z0-9]+')"
	"   WITH ORDINALITY AS t (w, n) WHERE w <> ''),"
	" lexicon AS (SELECT DISTINCT w FROM course c, regexp_split_to_table(lower(public.unaccent("
	"   c.title || ' ' || c.category || ' ' || c.audience || ' ' || c.objective)), '[^a-z0-9]+') AS w"
	"   WHERE c.status = 'published' AND length(w) >= 4)"
	" SELECT string_agg(coalesce((SELECT l.w FROM lexicon l WHERE length(t.w) >= 4"
	"   AND public.similarity(l.w, t.w) >= 0.35 ORDER BY public.similarity(l.w, t.w) DESC, l.w LIMIT 1),"
	"   t.w), ' ' ORDER BY n) AS fixed,"
	" string_agg(t.w, ' ' ORDER BY n) AS typed FROM typed t" };

static const struct db_stmt categories = { "course_categories",
	"SELECT DISTINCT category FROM course WHERE status = 'published' AND category <> ''"
	" ORDER BY category" };

static const struct db_stmt courses_all = { "courses_all",
	"SELECT slug, title, kind, category, modality, status,"
	" to_char(updated_on, 'YYYY-MM-DD') AS updated_on, id, '' AS extract"
	" FROM course ORDER BY status = 'archived', updated_at DESC, title" };

static void course_from_row(const struct db_rows *r, size_t i, struct course *c)
{
	c->id = db_get(r, i, "id");
	c->slug = db_get(r, i, "slug");
	c->status = db_get(r, i, "status");
	c->version = db_get(r, i, "version");
	c->updated_on = db_get(r, i, "updated_on");
	c->last_modified = db_get(r, i, "last_modified");
#define GET(name, max) c->name = db_get(r, i, #name);
	COURSE_TEXT_FIELDS(GET)
#undef GET
#define GETN(name) c->name = db_get(r, i, #name);
	COURSE_NUMBER_FIELDS(GETN)
#undef GETN
}

static int course_one(struct db *db, struct arena *a, const struct db_stmt *stmt,
		const char *key, struct course *out)
{
	struct db_rows *r;
	const char *params[] = { key };
	int rc = db_run(db, a, stmt, 1, params, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	course_from_row(r, 0, out);
	return DB_OK;
}

int store_courses_published_full(struct db *db, struct arena *a, struct course **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &courses_published_full, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		course_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

static void line_from_row(const struct db_rows *r, size_t i, struct programme_line *l)
{
#define LINE(f) l->f = db_get(r, i, #f);
	LINE(module_id) LINE(number) LINE(module_title) LINE(aim) LINE(intro) LINE(format)
	LINE(day_id) LINE(heading) LINE(subject) LINE(steps_intro)
	LINE(step_id) LINE(step) LINE(level)
#undef LINE
}

int store_course_page(struct db *db, struct arena *a, const char *slug, struct course *out,
		struct programme_line **lines, size_t *n)
{
	struct db_rows *r;
	const char *params[] = { slug };
	int rc = db_run(db, a, &course_page, 1, params, &r);
	if (rc != DB_OK)
		return rc;
	size_t rows = db_rows_count(r);
	if (rows == 0)
		return DB_NOT_FOUND;
	course_from_row(r, 0, out);
	*n = rows - 1;
	*lines = arena_calloc(a, rows, sizeof(**lines));
	if (!*lines)
		return DB_FAILED;
	for (size_t i = 1; i < rows; i++)
		line_from_row(r, i, &(*lines)[i - 1]);
	return DB_OK;
}

void store_course_head_call(struct db_call *c, const char *slug)
{
	*c = (struct db_call){ .stmt = &course_head, .nparams = 1, .params = { slug } };
}

int store_course_head_read(const struct db_call *c, struct course *out)
{
	const struct db_rows *r = c->rows;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	memset(out, 0, sizeof(*out));
	out->id = db_get(r, 0, "id");
	out->slug = db_get(r, 0, "slug");
	out->status = db_get(r, 0, "status");
	out->title = db_get(r, 0, "title");
	out->version = db_get(r, 0, "version");
	out->last_modified = db_get(r, 0, "last_modified");
	return DB_OK;
}

int store_course_by_id(struct db *db, struct arena *a, const char *id, struct course *out)
{
	return course_one(db, a, &course_by_id, id, out);
}

int store_programme(struct db *db, struct arena *a, const char *course_id,
		struct programme_line **out, size_t *n)
{
	struct db_rows *r;
	const char *params[] = { course_id };
	int rc = db_run(db, a, &programme, 1, params, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		line_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

static int summaries(struct db *db, struct arena *a, const struct db_stmt *stmt, int nparams,
		const char *const *params, struct course_summary **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, stmt, nparams, params, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++) {
		struct course_summary *s = &(*out)[i];
#define SUM(f) s->f = db_get(r, i, #f);
		SUM(id) SUM(slug) SUM(title) SUM(kind) SUM(category) SUM(modality) SUM(status)
		SUM(updated_on) SUM(extract) SUM(duration_days) SUM(duration_hours) SUM(next_day)
#undef SUM
	}
	return DB_OK;
}

int store_courses_spelling(struct db *db, struct arena *a, const char *q, const char **fixed)
{
	const char *p[] = { q };
	struct db_rows *r;
	*fixed = NULL;
	int rc = db_run(db, a, &spelling, 1, p, &r);
	if (rc != DB_OK || db_rows_count(r) == 0)
		return rc;
	const char *got = db_get(r, 0, "fixed");
	if (*got && strcmp(got, db_get(r, 0, "typed")) != 0)
		*fixed = got;
	return DB_OK;
}

int store_courses_search(struct db *db, struct arena *a, const struct course_filter *f,
		size_t max, struct course_summary **out, size_t *n)
{
	char limit[24];
	snprintf(limit, sizeof(limit), "%zu", max);
	const char *params[] = { f->q ? f->q : "", f->category ? f->category : "",
		f->modality ? f->modality : "", f->kind ? f->kind : "", limit };
	return summaries(db, a, &search, 5, params, out, n);
}

int store_courses_all(struct db *db, struct arena *a, struct course_summary **out, size_t *n)
{
	return summaries(db, a, &courses_all, 0, NULL, out, n);
}

int store_categories(struct db *db, struct arena *a, const char ***out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &categories, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = db_get(r, i, "category");
	return DB_OK;
}
