#include "store/work_queue.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "store/db.h"

static const struct db_stmt counts = { "work_queue_counts",
	"WITH t AS (SELECT (now() AT TIME ZONE 'Europe/Paris')::date AS today)"
	" SELECT count(*) FILTER (WHERE d.due_on < t.today AND d.status <> 'attente_demandeur') AS late,"
	" count(*) FILTER (WHERE d.due_on = t.today AND d.status <> 'attente_demandeur') AS today,"
	" count(*) FILTER (WHERE d.due_on BETWEEN t.today + 1 AND t.today + 6"
	"   AND d.status <> 'attente_demandeur') AS week,"
	" count(*) FILTER (WHERE d.assignee_id IS NULL) AS unassigned,"
	" count(*) FILTER (WHERE d.status = 'attente_demandeur') AS waiting,"
	" count(*) FILTER (WHERE d.assignee_id::text = $1) AS mine"
	" FROM demand d, t WHERE d.status IN ('recue', 'en_instruction', 'attente_demandeur')" };

/* The half-days of a slot as rules/attendance.h names them: one for a
 * matin or apres_midi slot, two for a journee. */
static const struct db_stmt uncertified = { "work_queue_uncertified",
	"WITH h AS (SELECT s.id || '-' || k.kind AS half_day_id, to_char(s.day, 'YYYY-MM-DD') AS day,"
	"   k.kind, c.title AS course_title, se.id AS session_id, s.day AS sort_day, s.starts_at AS starts, k.n"
	"   FROM slot s JOIN session se ON se.id = s.session_id JOIN course c ON c.id = se.course_id"
	"   CROSS JOIN LATERAL unnest(CASE WHEN s.part = 'journee' THEN ARRAY['matin', 'apres_midi']"
	"     ELSE ARRAY[s.part] END) WITH ORDINALITY AS k (kind, n)"
	"   WHERE NOT s.cancelled AND s.ends_at < now() AND se.status IN ('confirmee', 'realisee')"
	"   AND EXISTS (SELECT 1 FROM registration r WHERE r.session_id = se.id AND r.status = 'confirmee')"
	"   AND ($1::bigint IS NULL OR EXISTS (SELECT 1 FROM slot_trainer st JOIN trainer tr"
	"     ON tr.id = st.trainer_id WHERE st.slot_id = s.id AND tr.account_id = $1::bigint))"
	"   AND NOT EXISTS (SELECT 1 FROM attendance_event e WHERE e.session_id = se.id"
	"     AND e.half_day_id = s.id || '-' || k.kind AND e.kind = 'certification'))"
	" SELECT half_day_id, day, kind, course_title, session_id, count(*) OVER () AS total"
	" FROM h ORDER BY sort_day DESC, starts DESC, n DESC LIMIT $2::int" };

int store_work_queue(struct db *db, struct arena *a, const char *user_id, struct work_queue *out)
{
	const char *p[] = { user_id };
	struct db_rows *r;
	int rc = db_run(db, a, &counts, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*out = (struct work_queue){ atol(db_get(r, 0, "late")), atol(db_get(r, 0, "today")),
		atol(db_get(r, 0, "week")), atol(db_get(r, 0, "unassigned")),
		atol(db_get(r, 0, "waiting")), atol(db_get(r, 0, "mine")) };
	return DB_OK;
}

int store_uncertified_half_days(struct db *db, struct arena *a, const char *account_id,
		int limit, struct uncertified_half_day **out, size_t *n, long *total)
{
	char lim[16];
	snprintf(lim, sizeof(lim), "%d", limit);
	const char *p[] = { account_id, lim };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	*total = 0;
	int rc = db_run(db, a, &uncertified, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	if (count == 0)
		return DB_OK;
	if (!(*out = arena_calloc(a, count, sizeof(**out))))
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		(*out)[i] = (struct uncertified_half_day){ db_get(r, i, "half_day_id"), db_get(r, i, "day"),
			db_get(r, i, "kind"), db_get(r, i, "course_title"), db_get(r, i, "session_id") };
	*n = count;
	*total = atol(db_get(r, 0, "total"));
	return DB_OK;
}
