/* Evaluation results: see survey_results.h. */
#include "store/survey_results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "store/db.h"


/* ------------------------------------------------------ the fiche's rate */

/* The sessions of the courses in the window whose tally is behind their
 * changes (sql/0024), counted again: the answers to the global question
 * of their chaud answer sets by score, and their participants (confirmed,
 * or who answered since). computed takes the changes read before
 * counting: a change committed meanwhile leaves the row to count again. */
static const struct db_stmt recount = { "survey_tallies_recount",
	"WITH st AS (SELECT t.session_id, t.changes FROM session_satisfaction t"
	"  JOIN session se ON se.id = t.session_id WHERE t.computed <> t.changes"
	"  AND se.course_id = ANY($1::bigint[]) AND se.last_day BETWEEN $2::date AND $3::date)"
	" UPDATE session_satisfaction t SET s1 = x.s1, s2 = x.s2, s3 = x.s3, s4 = x.s4, s5 = x.s5,"
	"  participants = x.p, last_answer = x.la, computed = st.changes"
	" FROM st CROSS JOIN LATERAL (SELECT"
	"  count(*) FILTER (WHERE an.value = '1') AS s1, count(*) FILTER (WHERE an.value = '2') AS s2,"
	"  count(*) FILTER (WHERE an.value = '3') AS s3, count(*) FILTER (WHERE an.value = '4') AS s4,"
	"  count(*) FILTER (WHERE an.value = '5') AS s5, max(a.updated_at) AS la,"
	"  (SELECT count(*) FROM registration r WHERE r.session_id = st.session_id"
	"   AND (r.status = 'confirmee' OR EXISTS (SELECT 1 FROM survey y"
	"    JOIN survey_answer_set z ON z.survey_id = y.id WHERE y.registration_id = r.id"
	"    AND y.kind = 'chaud'))) AS p"
	"  FROM survey sv JOIN survey_answer_set a ON a.survey_id = sv.id"
	"  JOIN survey_answer an ON an.answer_set_id = a.id AND an.item = 0"
	"  JOIN survey_question q ON q.id = an.question_id AND q.global"
	"  WHERE sv.session_id = st.session_id AND sv.kind = 'chaud') x"
	" WHERE t.session_id = st.session_id" };

/* The tallies of the sessions in the window that are not cancelled, by
 * course (a course without any has no row), and how many of them are
 * behind their answers. */
#define TALLIES_OF(courses) \
	"SELECT se.course_id::text AS course_id, sum(t.s1) AS s1, sum(t.s2) AS s2, sum(t.s3) AS s3," \
	" sum(t.s4) AS s4, sum(t.s5) AS s5," \
	" sum(greatest(t.participants, t.s1 + t.s2 + t.s3 + t.s4 + t.s5)) AS participants," \
	" coalesce(extract(epoch FROM max(t.last_answer))::bigint, 0) AS last_answer," \
	" count(*) FILTER (WHERE t.computed <> t.changes) AS stale" \
	" FROM session se JOIN session_satisfaction t ON t.session_id = se.id" \
	" WHERE se.course_id = ANY(" courses ") AND se.last_day BETWEEN $2::date AND $3::date" \
	" AND se.status <> 'annulee' GROUP BY se.course_id"
static const struct db_stmt tallies = { "survey_course_tallies", TALLIES_OF("$1::bigint[]") };
/* The fiche's, by its slug: sent with the fiche's other reads. */
static const struct db_stmt tallies_by_slug = { "survey_course_tallies_by_slug",
	TALLIES_OF("ARRAY(SELECT id FROM course WHERE slug = $1 AND status = 'published')") };

static void tally_from_row(const struct db_rows *r, size_t k, struct course_tally *t)
{
	static const char *const cols[] = { "s1", "s2", "s3", "s4", "s5" };
	for (int s = 0; s < 5; s++)
		t->tally.by_score[s] = strtoll(db_get(r, k, cols[s]), NULL, 10);
	t->tally.participants = strtoll(db_get(r, k, "participants"), NULL, 10);
	t->last_answer = strtol(db_get(r, k, "last_answer"), NULL, 10);
}

static int tallies_stale(const struct db_rows *r)
{
	for (size_t k = 0; k < db_rows_count(r); k++)
		if (strcmp(db_get(r, k, "stale"), "0") != 0)
			return 1;
	return 0;
}

int store_course_tallies(struct db *db, struct arena *a, const char *const *ids, size_t n,
		const char *first, const char *last, struct course_tally **out)
{
	*out = arena_calloc(a, n ? n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	if (n == 0)
		return DB_OK;
	struct buf b;
	buf_init(&b, 64 * 1024);
	int bad = buf_puts(&b, "{") < 0;
	for (size_t i = 0; i < n && !bad; i++)
		bad = buf_printf(&b, "%s%s", i ? "," : "", ids[i]) < 0;
	bad = bad || buf_puts(&b, "}") < 0;
	const char *array = bad ? NULL : arena_strdup(a, b.data);
	buf_free(&b);
	if (!array)
		return DB_FAILED;
	const char *p[] = { array, first, last };
	struct db_rows *r;
	/* Read first: counting again (a write, dearer than the read) only when
	 * a tally shown is behind its answers, which is rare on a fiche. */
	int rc = db_run(db, a, &tallies, 3, p, &r);
	if (rc == DB_OK && tallies_stale(r)) {
		rc = db_run(db, a, &recount, 3, p, NULL);
		if (rc == DB_OK)
			rc = db_run(db, a, &tallies, 3, p, &r);
	}
	if (rc != DB_OK)
		return rc;
	size_t rows = db_rows_count(r);
	for (size_t i = 0; i < n; i++) {
		struct course_tally *t = &(*out)[i];
		t->course_id = ids[i];
		for (size_t k = 0; k < rows; k++) {
			if (strcmp(db_get(r, k, "course_id"), ids[i]) != 0)
				continue;
			tally_from_row(r, k, t);
			break;
		}
	}
	return DB_OK;
}

void store_course_tally_call(struct db_call *c, const char *slug, const char *first,
		const char *last)
{
	*c = (struct db_call){ .stmt = &tallies_by_slug, .nparams = 3, .params = { slug, first, last } };
}

int store_course_tally_read(const struct db_call *c, const char *course_id,
		struct course_tally *out)
{
	memset(out, 0, sizeof(*out));
	out->course_id = course_id;
	if (db_rows_count(c->rows) == 0)
		return DB_OK;
	if (tallies_stale(c->rows))
		return DB_STALE;
	tally_from_row(c->rows, 0, out);
	return DB_OK;
}

/* ------------------------------------------------------------ results */

/* The selection of sessions, $1..$5 as in struct results_filter, checked
 * by the caller (digits, ISO dates). */
#define FILTER \
	" se.status <> 'annulee'" \
	" AND (NULLIF($1, '') IS NULL OR se.id = NULLIF($1, '')::bigint)" \
	" AND (NULLIF($2, '') IS NULL OR se.course_id = NULLIF($2, '')::bigint)" \
	" AND (NULLIF($3, '') IS NULL OR EXISTS (SELECT 1 FROM slot sl" \
	"   JOIN slot_trainer tr ON tr.slot_id = sl.id" \
	"   WHERE sl.session_id = se.id AND tr.trainer_id = NULLIF($3, '')::bigint))" \
	" AND (NULLIF($4, '') IS NULL OR se.last_day >= NULLIF($4, '')::date)" \
	" AND (NULLIF($5, '') IS NULL OR se.last_day <= NULLIF($5, '')::date)"

#define KIND_ORDER(col) "array_position(ARRAY['amont', 'chaud', 'froid', 'froid_manager'], " col ")"

/* The sessions of the selection whose cached counts (sql/0025) lag behind
 * their changes, counted again: the readers below add up those rows. */
static const struct db_stmt refresh = { "survey_results_refresh",
	"SELECT session_results_refresh(ARRAY(SELECT se.id FROM session se WHERE" FILTER ")) AS done" };

static const struct db_stmt kinds = { "survey_results_kinds",
	"SELECT k.kind, sum(k.surveys) AS surveys, sum(k.sent) AS sent, sum(k.answered) AS answered,"
	" sum(k.reminders) AS reminders"
	" FROM session se JOIN session_kind_count k ON k.session_id = se.id"
	" WHERE" FILTER " GROUP BY k.kind ORDER BY " KIND_ORDER("k.kind") };

/* The rows of the counts summed by question id (c: few keys, integers,
 * a scale's scores in columns), each score given a row of its own as
 * the answers have, then summed by code across versions with the
 * questions' words. */
#define COUNTS_OF(c) \
	"WITH c AS (" c ")," \
	" v AS (SELECT c.kind, c.question_id, c.item, c.item_label, c.value, c.n FROM c WHERE c.value <> ''" \
	"  UNION ALL SELECT c.kind, c.question_id, c.item, c.item_label, x.value, x.n FROM c" \
	"  CROSS JOIN LATERAL (VALUES ('1', c.s1), ('2', c.s2), ('3', c.s3), ('4', c.s4), ('5', c.s5))" \
	"   AS x (value, n) WHERE c.value = '' AND x.n > 0)" \
	" SELECT v.kind, q.code, q.type, max(q.wording) AS wording, max(q.label_1) AS label_1," \
	" max(q.label_5) AS label_5, v.item, max(v.item_label) AS item_label, v.value," \
	" sum(v.n) AS count" \
	" FROM v JOIN survey_question q ON q.id = v.question_id" \
	" GROUP BY v.kind, q.code, q.type, v.item, v.value" \
	" ORDER BY " KIND_ORDER("v.kind") ", min(q.position), v.item, v.value"

/* Any selection, from its sessions' counts. The rows of each session are
 * read by its key (OFFSET 0 keeps the lateral join): the planner, costing
 * each lookup as pages read from disk, would rather scan the whole table
 * (30 ms against 14 for a course of 1,000 sessions at 200,000 answer
 * sets; the scan may serve the rare selection of every session better,
 * not measured). */
static const struct db_stmt counts = { "survey_results_counts", COUNTS_OF(
	"SELECT k.kind, k.question_id, k.item, k.value, sum(k.n) AS n, sum(k.s1) AS s1,"
	"  sum(k.s2) AS s2, sum(k.s3) AS s3, sum(k.s4) AS s4, sum(k.s5) AS s5, max(k.item_label) AS item_label"
	"  FROM session se CROSS JOIN LATERAL (SELECT * FROM session_answer_count k0"
	"   WHERE k0.session_id = se.id OFFSET 0) k"
	"  WHERE" FILTER " GROUP BY k.kind, k.question_id, k.item, k.value") };

/* A whole course, from its own counts (sql/0025), counted again first
 * when behind. */
static const struct db_stmt course_refresh = { "survey_results_course_refresh",
	"SELECT course_results_refresh($1::bigint) AS done" };
static const struct db_stmt course_counts = { "survey_results_course_counts", COUNTS_OF(
	"SELECT kind, question_id, item, value, n, s1, s2, s3, s4, s5, item_label"
	" FROM course_answer_count WHERE course_id = $1::bigint") };

static const struct db_stmt texts = { "survey_results_texts",
	"SELECT sv.kind, q.code, q.wording, se.id AS session_id, se.last_day,"
	" CASE WHEN q.type = 'texte' THEN '' ELSE an.value END AS score,"
	" CASE WHEN q.type = 'texte' THEN an.value ELSE an.comment END AS text"
	" FROM survey sv JOIN session se ON se.id = sv.session_id"
	" JOIN survey_answer_set st ON st.survey_id = sv.id"
	" JOIN survey_answer an ON an.answer_set_id = st.id"
	" JOIN survey_question q ON q.id = an.question_id"
	" WHERE" FILTER " AND (q.type = 'texte' OR an.comment <> '')"
	" ORDER BY se.last_day DESC, " KIND_ORDER("sv.kind") ", q.position, st.id LIMIT $6::int" };

static int run_filter(struct db *db, struct arena *a, const struct db_stmt *st,
		const struct results_filter *f, const char *extra, struct db_rows **r)
{
	const char *p[] = { f->session_id ? f->session_id : "", f->course_id ? f->course_id : "",
		f->trainer_id ? f->trainer_id : "", f->from ? f->from : "", f->to ? f->to : "", extra };
	/* optional filters: planned for the values given */
	return db_run_custom_plan(db, a, st, extra ? 6 : 5, p, r);
}

static int given(const char *v)
{
	return v && *v;
}

/* A course and nothing else: its own counts serve it. */
static int only_course(const struct results_filter *f)
{
	return given(f->course_id) && !given(f->session_id) && !given(f->trainer_id) &&
		!given(f->from) && !given(f->to);
}

#define KIND_FIELDS(X) X(kind) X(surveys) X(sent) X(answered) X(reminders)
#define COUNT_FIELDS(X) X(kind) X(code) X(type) X(wording) X(label_1) X(label_5) X(item) \
	X(item_label) X(value) X(count)
#define TEXT_FIELDS(X) X(kind) X(code) X(wording) X(session_id) X(last_day) X(score) X(text)

int store_results_kinds(struct db *db, struct arena *a, const struct results_filter *f,
		struct results_kind **out, size_t *n)
{
	struct db_rows *r;
	int rc = run_filter(db, a, &refresh, f, NULL, &r);
	if (rc == DB_OK)
		rc = run_filter(db, a, &kinds, f, NULL, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct results_kind, KIND_FIELDS, out, n);
	return DB_OK;
}

int store_results_counts(struct db *db, struct arena *a, const struct results_filter *f,
		struct results_count **out, size_t *n)
{
	struct db_rows *r;
	int rc;
	if (only_course(f)) {
		const char *p[] = { f->course_id };
		rc = db_run(db, a, &course_refresh, 1, p, &r);
		if (rc == DB_OK)
			rc = db_run(db, a, &course_counts, 1, p, &r);
	} else {
		rc = run_filter(db, a, &refresh, f, NULL, &r);
		if (rc == DB_OK)
			rc = run_filter(db, a, &counts, f, NULL, &r);
	}
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct results_count, COUNT_FIELDS, out, n);
	return DB_OK;
}

int store_results_texts(struct db *db, struct arena *a, const struct results_filter *f,
		size_t max, struct results_text **out, size_t *n)
{
	struct db_rows *r;
	char m[24];
	snprintf(m, sizeof(m), "%zu", max);
	int rc = run_filter(db, a, &texts, f, m, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct results_text, TEXT_FIELDS, out, n);
	return DB_OK;
}

/* ----------------------------------------------------------- Qualiopi */

/* The sessions in the window counted again where behind (sql/0025), then
 * their questionnaires by kind read from those counts. */
static const struct db_stmt quality_refresh = { "survey_quality_refresh",
	"SELECT session_results_refresh(ARRAY(SELECT se.id FROM session se"
	" WHERE se.status <> 'annulee' AND se.last_day BETWEEN $1::date AND $2::date)) AS done" };

static const struct db_stmt quality = { "survey_quality_rows",
	"SELECT c.id AS course_id, c.title AS course_title,"
	" (SELECT count(*) FROM session s2 WHERE s2.course_id = c.id AND s2.status <> 'annulee'"
	"   AND s2.last_day BETWEEN $1::date AND $2::date) AS sessions,"
	" coalesce(k.kind, '') AS kind, coalesce(sum(k.surveys), 0) AS surveys,"
	" coalesce(sum(k.answered), 0) AS answered, coalesce(sum(k.reminders), 0) AS reminders"
	" FROM session se JOIN course c ON c.id = se.course_id"
	" LEFT JOIN session_kind_count k ON k.session_id = se.id"
	" WHERE se.status <> 'annulee' AND se.last_day BETWEEN $1::date AND $2::date"
	" GROUP BY c.id, c.title, k.kind"
	" ORDER BY c.title, c.id, " KIND_ORDER("k.kind") };

static const struct db_stmt unsent = { "survey_quality_unsent",
	"SELECT se.id, c.title AS course_title, se.first_day, se.last_day,"
	" (SELECT count(*) FROM registration r WHERE r.session_id = se.id"
	"   AND r.status = 'confirmee') AS participants"
	" FROM session se JOIN course c ON c.id = se.course_id"
	" WHERE se.status <> 'annulee' AND se.last_day BETWEEN $1::date AND $2::date"
	" AND se.last_day < $3::date"
	" AND EXISTS (SELECT 1 FROM registration r WHERE r.session_id = se.id AND r.status = 'confirmee')"
	" AND NOT EXISTS (SELECT 1 FROM survey sv LEFT JOIN survey_answer_set st ON st.survey_id = sv.id"
	"   WHERE sv.session_id = se.id AND (sv.opened_on IS NOT NULL OR st.id IS NOT NULL))"
	" ORDER BY se.last_day DESC, se.id DESC LIMIT 500" };

#define QUALITY_FIELDS(X) X(course_id) X(course_title) X(sessions) X(kind) X(surveys) \
	X(answered) X(reminders)
#define UNSENT_FIELDS(X) X(id) X(course_title) X(first_day) X(last_day) X(participants)

int store_quality_rows(struct db *db, struct arena *a, const char *from, const char *to,
		struct quality_row **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { from, to };
	int rc = db_run(db, a, &quality_refresh, 2, p, &r);
	if (rc == DB_OK)
		rc = db_run(db, a, &quality, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct quality_row, QUALITY_FIELDS, out, n);
	return DB_OK;
}

int store_quality_unsent(struct db *db, struct arena *a, const char *from, const char *to,
		const char *today, struct unsent_session **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { from, to, today };
	int rc = db_run(db, a, &unsent, 3, p, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct unsent_session, UNSENT_FIELDS, out, n);
	return DB_OK;
}

static const struct db_stmt has_trainer = { "survey_session_has_trainer",
	"SELECT EXISTS (SELECT 1 FROM slot sl JOIN slot_trainer tr ON tr.slot_id = sl.id"
	" WHERE sl.session_id = $1::bigint AND tr.trainer_id = $2::bigint) AS yes" };

int store_session_has_trainer(struct db *db, struct arena *a, const char *session_id,
		const char *trainer_id, int *yes)
{
	struct db_rows *r;
	const char *p[] = { session_id, trainer_id };
	*yes = 0;
	int rc = db_run(db, a, &has_trainer, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	*yes = db_rows_count(r) && strcmp(db_get(r, 0, "yes"), "t") == 0;
	return DB_OK;
}
