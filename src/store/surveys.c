#include "store/surveys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "rules/calendar_fr.h"
#include "rules/survey.h"
#include "store/db.h"

/* ---------------------------------------------------------------- helpers */


static int run(struct db *db, struct arena *a, const struct db_stmt *st, int np,
		const char *const *p, struct db_rows **r)
{
	return db_run(db, a, st, np, p, r);
}

/* ---------------------------------------------------------------- models */

#define MODEL_SELECT \
	"SELECT m.id, m.kind, coalesce(m.course_id::text, '') AS course_id," \
	" coalesce(c.title, '') AS course_title, m.title, m.intro, m.current_version::text," \
	" v.id AS version_id," \
	" (SELECT count(*) FROM survey_answer_set s WHERE s.version_id = v.id) AS answer_sets," \
	" to_char(m.updated_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS updated_at," \
	" m.updated_by, (SELECT count(*) FROM survey_question q WHERE q.version_id = v.id) AS questions" \
	" FROM survey_model m LEFT JOIN course c ON c.id = m.course_id" \
	" JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"

static const struct db_stmt models = { "survey_models", MODEL_SELECT
	" ORDER BY m.course_id IS NOT NULL, coalesce(c.title, ''),"
	" array_position(ARRAY['amont', 'chaud', 'froid', 'froid_manager'], m.kind)" };
static const struct db_stmt model_one = { "survey_model", MODEL_SELECT " WHERE m.id = $1::bigint" };

#define QUESTION_SELECT \
	"SELECT q.id, q.code, q.position, q.type, q.wording, q.hint, q.label_1, q.label_5, q.options," \
	" CASE WHEN q.required THEN '1' ELSE '' END AS required, q.max_chars," \
	" CASE WHEN q.global THEN '1' ELSE '' END AS global," \
	" CASE WHEN q.per_objective THEN '1' ELSE '' END AS per_objective," \
	" CASE WHEN q.comment_low THEN '1' ELSE '' END AS comment_low," \
	" (SELECT count(*) FROM survey_answer an JOIN survey_question q2 ON q2.id = an.question_id" \
	"   JOIN survey_version v2 ON v2.id = q2.version_id" \
	"   WHERE v2.model_id = v.model_id AND q2.code = q.code) AS answers" \
	" FROM survey_question q JOIN survey_version v ON v.id = q.version_id"

static const struct db_stmt questions_of = { "survey_questions", QUESTION_SELECT
	" WHERE q.version_id = $1::bigint ORDER BY q.position" };

int store_survey_models(struct db *db, struct arena *a, struct survey_model **out, size_t *n)
{
	struct db_rows *r;
	int rc = run(db, a, &models, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct survey_model, SURVEY_MODEL_FIELDS, out, n);
	return DB_OK;
}

int store_survey_questions(struct db *db, struct arena *a, const char *version_id,
		struct survey_question_row **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { version_id };
	int rc = run(db, a, &questions_of, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct survey_question_row, SURVEY_QUESTION_FIELDS, out, n);
	return DB_OK;
}

int store_survey_model(struct db *db, struct arena *a, const char *id, struct survey_model *m,
		struct survey_question_row **qs, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { id };
	int rc = run(db, a, &model_one, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	struct survey_model *rows;
	size_t k;
	DB_MAP_ROWS(r, a, struct survey_model, SURVEY_MODEL_FIELDS, &rows, &k);
	*m = rows[0];
	return qs ? store_survey_questions(db, a, m->version_id, qs, n) : DB_OK;
}

static const struct db_stmt course_model_new = { "survey_model_course_new",
	"INSERT INTO survey_model (kind, course_id, title, intro, updated_by)"
	" SELECT m.kind, $2::bigint, m.title, m.intro, $3 FROM survey_model m"
	" WHERE m.kind = $1 AND m.course_id IS NULL"
	" AND NOT EXISTS (SELECT 1 FROM survey_model x WHERE x.kind = $1 AND x.course_id = $2::bigint)"
	" RETURNING id" };
static const struct db_stmt version_new = { "survey_version_new",
	"INSERT INTO survey_version (model_id, number, created_by) VALUES ($1::bigint, $2::int, $3)"
	" RETURNING id" };
static const struct db_stmt questions_copy = { "survey_questions_copy",
	"INSERT INTO survey_question (version_id, code, position, type, wording, hint, label_1, label_5,"
	" options, required, max_chars, global, per_objective, comment_low)"
	" SELECT $2::bigint, q.code, q.position, q.type, q.wording, q.hint, q.label_1, q.label_5,"
	" q.options, q.required, q.max_chars, q.global, q.per_objective, q.comment_low"
	" FROM survey_question q JOIN survey_version v ON v.id = q.version_id"
	" JOIN survey_model m ON m.id = v.model_id AND m.current_version = v.number"
	" WHERE m.kind = $1 AND m.course_id IS NULL" };

int store_survey_model_for_course(struct db *db, struct arena *a, const char *kind,
		const char *course_id, const char *actor, const char **id)
{
	struct db_rows *r;
	const char *p[] = { kind, course_id, actor };
	int rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	rc = run(db, a, &course_model_new, 3, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_CONFLICT;
	const char *mid = rc == DB_OK ? db_get(r, 0, "id") : NULL, *vid = NULL;
	if (rc == DB_OK) {
		const char *pv[] = { mid, "1", actor };
		rc = run(db, a, &version_new, 3, pv, &r);
		vid = rc == DB_OK ? db_get(r, 0, "id") : NULL;
	}
	if (rc == DB_OK) {
		const char *pq[] = { kind, vid };
		rc = run(db, a, &questions_copy, 2, pq, &r);
	}
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == DB_OK)
		*id = mid;
	return rc;
}

static const struct db_stmt model_lock = { "survey_model_lock",
	"SELECT m.current_version::text, v.id AS version_id,"
	" (SELECT count(*) FROM survey_answer_set s WHERE s.version_id = v.id) AS answer_sets"
	" FROM survey_model m JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"
	" WHERE m.id = $1::bigint FOR UPDATE OF m" };
/* The codes of the current version left out of $3 that have answers. */
static const struct db_stmt dropped = { "survey_model_dropped",
	"SELECT q.code, q.wording, (SELECT count(*) FROM survey_answer an"
	"   JOIN survey_question q2 ON q2.id = an.question_id"
	"   JOIN survey_version v2 ON v2.id = q2.version_id"
	"   WHERE v2.model_id = $1::bigint AND q2.code = q.code) AS answers"
	" FROM survey_question q WHERE q.version_id = $2::bigint AND NOT (q.code = ANY ($3::text[]))"
	" ORDER BY q.position" };
static const struct db_stmt questions_clear = { "survey_questions_clear",
	"DELETE FROM survey_question WHERE version_id = $1::bigint" };
static const struct db_stmt question_add = { "survey_question_add",
	"INSERT INTO survey_question (version_id, code, position, type, wording, hint, label_1, label_5,"
	" options, required, max_chars, global, per_objective, comment_low) VALUES ($1::bigint,"
	" CASE WHEN $2 = '' THEN 'q' || substr(md5(random()::text || clock_timestamp()::text), 1, 12)"
	" ELSE $2 END, $3::int, $4, $5, $6, $7, $8, $9, $10::boolean, $11::int, $12::boolean,"
	" $13::boolean, $14::boolean)" };
static const struct db_stmt model_touch = { "survey_model_touch",
	"UPDATE survey_model SET title = $2, intro = $3, current_version = $4::int, updated_at = now(),"
	" updated_by = $5 WHERE id = $1::bigint" };

/* The codes kept, as a PostgreSQL array literal: codes are [a-z0-9_]. */
static const char *codes_array(struct arena *a, const struct survey_question_edit *qs, size_t n)
{
	size_t cap = 3;
	for (size_t i = 0; i < n; i++)
		cap += strlen(qs[i].code) + 1;
	char *out = arena_alloc(a, cap), *w = out;
	if (!out)
		return NULL;
	*w++ = '{';
	for (size_t i = 0; i < n; i++) {
		if (!*qs[i].code || strspn(qs[i].code, "abcdefghijklmnopqrstuvwxyz0123456789_") !=
				strlen(qs[i].code))
			continue;
		if (w[-1] != '{')
			*w++ = ',';
		size_t len = strlen(qs[i].code);
		memcpy(w, qs[i].code, len);
		w += len;
	}
	*w++ = '}';
	*w = '\0';
	return out;
}

static const char *b(int v)
{
	return v ? "true" : "false";
}

static int save_questions(struct db *db, struct arena *a, const char *version_id,
		const struct survey_question_edit *qs, size_t n)
{
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		const struct survey_question_edit *q = &qs[i];
		const char *pos = arena_printf(a, "%zu", i + 1), *max = arena_printf(a, "%d",
			q->max_chars > 0 ? q->max_chars : SURVEY_TEXT_MAX_DEFAULT);
		if (!pos || !max)
			return DB_FAILED;
		const char *p[] = { version_id, q->code, pos, q->type, q->wording, q->hint, q->label_1,
			q->label_5, q->options, b(q->required), max, b(q->global), b(q->per_objective),
			b(q->comment_low) };
		struct db_rows *r;
		rc = run(db, a, &question_add, 14, p, &r);
	}
	return rc;
}

int store_survey_model_save(struct db *db, struct arena *a, const char *id,
		const char *expected_version, const char *title, const char *intro,
		const struct survey_question_edit *qs, size_t n, const char *actor, int *new_version,
		const char **refusal)
{
	struct db_rows *r;
	const char *p[] = { id };
	*new_version = 0;
	*refusal = NULL;
	int rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	rc = run(db, a, &model_lock, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK && strcmp(db_get(r, 0, "current_version"), expected_version) != 0)
		rc = DB_STALE;
	const char *version = rc == DB_OK ? db_get(r, 0, "version_id") : NULL;
	const char *number = rc == DB_OK ? db_get(r, 0, "current_version") : NULL;
	long sets = rc == DB_OK ? atol(db_get(r, 0, "answer_sets")) : 0;
	if (rc == DB_OK) {
		const char *codes = codes_array(a, qs, n);
		const char *pd[] = { id, version, codes };
		rc = codes ? run(db, a, &dropped, 3, pd, &r) : DB_FAILED;
		long with_answers = 0;
		for (size_t i = 0; rc == DB_OK && i < db_rows_count(r); i++) {
			if (atol(db_get(r, i, "answers")) == 0)
				continue;
			if (with_answers++ == 0)
				*refusal = arena_printf(a, "« %s » (%s réponses)", db_get(r, i, "wording"),
					db_get(r, i, "answers"));
		}
		if (rc == DB_OK && survey_edit_plan(sets, with_answers) == SURVEY_EDIT_REFUSED)
			rc = DB_CONFLICT;
	}
	const char *target = version;
	int next = number ? atoi(number) : 0;
	if (rc == DB_OK && survey_edit_plan(sets, 0) == SURVEY_EDIT_NEW_VERSION) {
		next++;
		const char *pv[] = { id, arena_printf(a, "%d", next), actor };
		rc = pv[1] ? run(db, a, &version_new, 3, pv, &r) : DB_FAILED;
		target = rc == DB_OK ? db_get(r, 0, "id") : NULL;
		*new_version = rc == DB_OK;
	} else if (rc == DB_OK) {
		const char *pc[] = { version };
		rc = run(db, a, &questions_clear, 1, pc, &r);
	}
	if (rc == DB_OK)
		rc = save_questions(db, a, target, qs, n);
	if (rc == DB_OK) {
		const char *pt[] = { id, title, intro, arena_printf(a, "%d", next), actor };
		rc = pt[3] ? run(db, a, &model_touch, 5, pt, &r) : DB_FAILED;
	}
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc != DB_OK)
		*new_version = 0;
	return rc;
}

/* -------------------------------------------------------- questionnaires */

#define SURVEY_SELECT \
	"SELECT s.id, s.kind, s.token, s.session_id, coalesce(s.registration_id::text, '') AS registration_id," \
	" coalesce(s.demand_id::text, '') AS demand_id," \
	" CASE WHEN s.registration_id IS NULL THEN s.requester_email ELSE p.email END AS to_email," \
	" CASE WHEN s.registration_id IS NULL THEN coalesce(d.first_name || ' ' || d.last_name, '')" \
	"  ELSE p.first_name || ' ' || p.last_name END AS to_name," \
	" c.id AS course_id, c.title AS course_title, c.objective, c.evaluable_objectives," \
	" coalesce(to_char(se.first_day, 'YYYY-MM-DD'), '') AS first_day," \
	" coalesce(to_char(se.last_day, 'YYYY-MM-DD'), '') AS last_day," \
	" extract(epoch FROM s.opens_at)::bigint AS opens_epoch," \
	" extract(epoch FROM s.mail_at)::bigint AS mail_epoch," \
	" coalesce(to_char(s.opened_on, 'YYYY-MM-DD'), '') AS opened_on, s.reminders_sent," \
	" CASE WHEN s.closed_at IS NOT NULL THEN '1' ELSE '' END AS closed," \
	" coalesce(an.id::text, '') AS answer_set_id, coalesce(an.revision::text, '') AS revision," \
	" coalesce(to_char(an.updated_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI'), '')" \
	"  AS answered_at," \
	" coalesce(an.version_id, v.id) AS version_id, m.id AS model_id, m.title AS model_title," \
	" m.intro AS model_intro, coalesce(r.token, '') AS participant_token" \
	" FROM survey s JOIN session se ON se.id = s.session_id JOIN course c ON c.id = se.course_id" \
	" LEFT JOIN registration r ON r.id = s.registration_id" \
	" LEFT JOIN participant p ON p.id = r.participant_id" \
	" LEFT JOIN demand d ON d.id = s.demand_id" \
	" LEFT JOIN survey_answer_set an ON an.survey_id = s.id" \
	" LEFT JOIN survey_version av ON av.id = an.version_id" \
	" JOIN LATERAL (SELECT x.* FROM survey_model x WHERE (av.model_id IS NOT NULL AND x.id = av.model_id)" \
	"  OR (av.model_id IS NULL AND x.kind = s.kind AND (x.course_id = c.id OR x.course_id IS NULL))" \
	"  ORDER BY x.course_id IS NULL LIMIT 1) m ON true" \
	" JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"

static const struct db_stmt by_token = { "survey_by_token", SURVEY_SELECT " WHERE s.token = $1" };
static const struct db_stmt by_registration = { "survey_by_registration", SURVEY_SELECT
	" WHERE s.registration_id = $1::bigint AND s.kind = $2" };
static const struct db_stmt of_registration = { "surveys_of_registration", SURVEY_SELECT
	" WHERE s.registration_id = $1::bigint"
	" ORDER BY array_position(ARRAY['amont', 'chaud', 'froid'], s.kind)" };
static const struct db_stmt pending = { "surveys_pending", SURVEY_SELECT
	" WHERE s.closed_at IS NULL AND s.mail_at <= to_timestamp($1::bigint) ORDER BY s.mail_at, s.id" };

static int one_survey(struct db_rows *r, struct arena *a, struct survey_row *out)
{
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	struct survey_row *rows;
	size_t n;
	DB_MAP_ROWS(r, a, struct survey_row, SURVEY_FIELDS, &rows, &n);
	*out = rows[0];
	return DB_OK;
}

int store_survey_by_token(struct db *db, struct arena *a, const char *token, struct survey_row *out)
{
	struct db_rows *r;
	const char *p[] = { token };
	int rc = run(db, a, &by_token, 1, p, &r);
	return rc == DB_OK ? one_survey(r, a, out) : rc;
}

int store_survey_of_registration(struct db *db, struct arena *a, const char *registration_id,
		const char *kind, struct survey_row *out)
{
	struct db_rows *r;
	const char *p[] = { registration_id, kind };
	int rc = run(db, a, &by_registration, 2, p, &r);
	return rc == DB_OK ? one_survey(r, a, out) : rc;
}

int store_surveys_of_registration(struct db *db, struct arena *a, const char *registration_id,
		struct survey_row **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { registration_id };
	int rc = run(db, a, &of_registration, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct survey_row, SURVEY_FIELDS, out, n);
	return DB_OK;
}

static const struct db_stmt answers_of = { "survey_answers",
	"SELECT question_id, item, item_label, value, comment FROM survey_answer"
	" WHERE answer_set_id = $1::bigint ORDER BY question_id, item" };

int store_survey_answers(struct db *db, struct arena *a, const char *answer_set_id,
		struct survey_answer **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { answer_set_id };
	int rc = run(db, a, &answers_of, 1, p, &r);
	if (rc != DB_OK)
		return rc;
#define ANSWER_FIELDS(X) X(question_id) X(item) X(item_label) X(value) X(comment)
	DB_MAP_ROWS(r, a, struct survey_answer, ANSWER_FIELDS, out, n);
#undef ANSWER_FIELDS
	return DB_OK;
}

static const struct db_stmt set_new = { "survey_answer_set_new",
	"INSERT INTO survey_answer_set (survey_id, version_id)"
	" SELECT id, $2::bigint FROM survey WHERE id = $1::bigint AND closed_at IS NULL"
	" ON CONFLICT (survey_id) DO NOTHING RETURNING id" };
static const struct db_stmt set_again = { "survey_answer_set_again",
	"UPDATE survey_answer_set SET revision = revision + 1, updated_at = now()"
	" WHERE survey_id = $1::bigint AND revision = $2::int"
	" AND EXISTS (SELECT 1 FROM survey WHERE id = $1::bigint AND closed_at IS NULL) RETURNING id" };
static const struct db_stmt set_clear = { "survey_answer_set_clear",
	"DELETE FROM survey_answer WHERE answer_set_id = $1::bigint" };
static const struct db_stmt answer_add = { "survey_answer_add",
	"INSERT INTO survey_answer (answer_set_id, question_id, item, item_label, value, comment)"
	" VALUES ($1::bigint, $2::bigint, $3::int, $4, $5, $6)" };

int store_survey_answer_save(struct db *db, struct arena *a, const struct survey_row *s,
		const char *revision, const struct survey_answer *answers, size_t n)
{
	struct db_rows *r;
	int first = !revision || !*revision;
	const char *p1[] = { s->id, first ? s->version_id : revision };
	int rc = run(db, a, first ? &set_new : &set_again, 2, p1, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_STALE;
	const char *set = rc == DB_OK ? db_get(r, 0, "id") : NULL;
	if (rc == DB_OK && !first) {
		const char *pc[] = { set };
		rc = run(db, a, &set_clear, 1, pc, &r);
	}
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		const struct survey_answer *x = &answers[i];
		const char *p[] = { set, x->question_id, x->item, x->item_label ? x->item_label : "",
			x->value, x->comment ? x->comment : "" };
		rc = run(db, a, &answer_add, 6, p, &r);
	}
	return rc;
}

/* ------------------------------------------------ `formations remind` */

/* The last live slot of each session still in reach, and its last
 * half-day: a journee's afternoon starts at its lunch's end. */
#define LAST_HALF_DAY \
	"WITH last AS (SELECT DISTINCT ON (sl.session_id) sl.session_id," \
	"  extract(epoch FROM CASE WHEN sl.part = 'journee'" \
	"   THEN (sl.day + sl.lunch_end) AT TIME ZONE 'Europe/Paris' ELSE sl.starts_at END)::bigint AS hd_start," \
	"  extract(epoch FROM sl.ends_at)::bigint AS hd_end" \
	"  FROM slot sl JOIN session se ON se.id = sl.session_id" \
	"  WHERE NOT sl.cancelled AND se.status IN ('confirmee', 'realisee')" \
	"  AND se.last_day >= $1::date - 120 AND ($2 = '' OR se.id = (SELECT session_id FROM registration" \
	"   WHERE id = nullif($2, '')::bigint))" \
	"  ORDER BY sl.session_id, sl.ends_at DESC)"

static const struct db_stmt candidates = { "survey_candidates", LAST_HALF_DAY
	" SELECT k.kind, r.session_id::text, r.id::text AS registration_id, '' AS demand_id, '' AS to_email,"
	"  coalesce(extract(epoch FROM r.convocation_at)::bigint::text, '') AS convocation_epoch,"
	"  l.hd_start AS half_day_start_epoch, l.hd_end AS half_day_end_epoch"
	" FROM last l JOIN session s0 ON s0.id = l.session_id"
	" JOIN registration r ON r.session_id = l.session_id AND r.status = 'confirmee'"
	" CROSS JOIN (VALUES ('amont'), ('chaud'), ('froid')) k (kind)"
	" WHERE ($2 = '' OR r.id = nullif($2, '')::bigint)"
	/* positioning is asked before the session: not once it has begun */
	" AND (k.kind <> 'amont' OR (r.convocation_at IS NOT NULL AND s0.first_day >= $1::date))"
	" AND NOT EXISTS (SELECT 1 FROM survey s WHERE s.registration_id = r.id AND s.kind = k.kind)"
	" UNION ALL"
	" SELECT 'froid_manager', q.session_id::text, '', min(q.demand_id)::text, q.email, '',"
	"  min(q.hd_start), min(q.hd_end)"
	" FROM (SELECT l.session_id, l.hd_start, l.hd_end, d.id AS demand_id, lower(d.email) AS email"
	"  FROM last l JOIN registration r ON r.session_id = l.session_id AND r.status = 'confirmee'"
	"  JOIN demand d ON d.id = r.demand_id"
	"  UNION ALL SELECT l.session_id, l.hd_start, l.hd_end, d.id, lower(d.email)"
	"  FROM last l JOIN session se ON se.id = l.session_id JOIN demand d ON d.id = se.demand_id) q"
	" WHERE $2 = '' AND NOT EXISTS (SELECT 1 FROM survey s WHERE s.kind = 'froid_manager'"
	"  AND s.session_id = q.session_id AND s.requester_email = q.email)"
	" GROUP BY q.session_id, q.email ORDER BY 2, 3" };

int store_survey_candidates(struct db *db, struct arena *a, const char *today,
		const char *registration_id, struct survey_candidate **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { today, registration_id ? registration_id : "" };
	/* planned for the values given: one registration's session by its key,
	 * or every session in reach (a generic plan would scan them all for
	 * the participant's page) */
	int rc = db_run_custom_plan(db, a, &candidates, 2, p, &r);
	if (rc != DB_OK)
		return rc;
#define CANDIDATE_FIELDS(X) X(kind) X(session_id) X(registration_id) X(demand_id) X(to_email) \
	X(convocation_epoch) X(half_day_start_epoch) X(half_day_end_epoch)
	DB_MAP_ROWS(r, a, struct survey_candidate, CANDIDATE_FIELDS, out, n);
#undef CANDIDATE_FIELDS
	return DB_OK;
}

static const struct db_stmt create = { "survey_create",
	"INSERT INTO survey (kind, session_id, registration_id, demand_id, requester_email, opens_at,"
	" mail_at) VALUES ($1, $2::bigint, nullif($3, '')::bigint, nullif($4, '')::bigint, $5,"
	" to_timestamp($6::bigint), to_timestamp($7::bigint)) ON CONFLICT DO NOTHING RETURNING id" };

int store_survey_create(struct db *db, const struct survey_candidate *c, const char *opens_epoch,
		const char *mail_epoch, int *created)
{
	struct arena *a = arena_new();
	struct db_rows *r;
	const char *p[] = { c->kind, c->session_id, c->registration_id, c->demand_id, c->to_email,
		opens_epoch, mail_epoch };
	int rc = a ? run(db, a, &create, 7, p, &r) : DB_FAILED;
	if (created)
		*created = rc == DB_OK && db_rows_count(r) > 0;
	arena_free(a);
	return rc;
}

int store_surveys_create_due(struct db *db, struct arena *a, long long now,
		const char *registration_id, long *created)
{
	char today[CAL_DATE_BUF];
	struct survey_candidate *c;
	size_t n;
	if (created)
		*created = 0;
	if (cal_format_date(cal_paris_local_date(now), today, sizeof(today)) != 0)
		return DB_FAILED;
	int rc = store_survey_candidates(db, a, today, registration_id, &c, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		enum survey_kind k;
		struct survey_session_facts f = {
			.convocation_at = strtoll(c[i].convocation_epoch, NULL, 10),
			.last_half_day_start = strtoll(c[i].half_day_start_epoch, NULL, 10),
			.last_half_day_end = strtoll(c[i].half_day_end_epoch, NULL, 10) };
		struct survey_schedule s;
		if (survey_kind_parse(c[i].kind, &k) != 0 || survey_schedule_of(k, &f, &s) != 0)
			continue;
		/* A chaud is answered in the room from the start of the last half-day. */
		if ((k == SURVEY_CHAUD ? s.opens_at : s.mail_at) > now)
			continue;
		char opens[24], mail[24];
		snprintf(opens, sizeof(opens), "%lld", (long long)s.opens_at);
		snprintf(mail, sizeof(mail), "%lld", (long long)s.mail_at);
		int one = 0;
		rc = store_survey_create(db, &c[i], opens, mail, &one);
		if (created)
			*created += one;
	}
	return rc;
}

int store_surveys_pending(struct db *db, struct arena *a, const char *now_epoch,
		struct survey_row **out, size_t *n)
{
	struct db_rows *r;
	const char *p[] = { now_epoch };
	int rc = run(db, a, &pending, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	DB_MAP_ROWS(r, a, struct survey_row, SURVEY_FIELDS, out, n);
	return DB_OK;
}

static const struct db_stmt step = { "survey_step",
	"UPDATE survey SET opened_on = CASE WHEN $2 = 'open' THEN $3::date ELSE opened_on END,"
	" reminders_sent = CASE $2 WHEN 'remind_1' THEN 1 WHEN 'remind_2' THEN 2 ELSE reminders_sent END,"
	" closed_at = CASE WHEN $2 = 'close' THEN now() ELSE closed_at END"
	" WHERE id = $1::bigint AND closed_at IS NULL AND CASE $2 WHEN 'open' THEN opened_on IS NULL"
	"  WHEN 'remind_1' THEN reminders_sent = 0 WHEN 'remind_2' THEN reminders_sent < 2"
	"  WHEN 'close' THEN true ELSE false END RETURNING id" };

int store_survey_step(struct db *db, const char *id, const char *what, const char *today)
{
	struct arena *a = arena_new();
	struct db_rows *r;
	const char *p[] = { id, what, today };
	int rc = a ? run(db, a, &step, 3, p, &r) : DB_FAILED;
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_STALE;
	arena_free(a);
	return rc;
}
