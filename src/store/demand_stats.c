#include "store/demand_stats.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "store/db.h"

#define ANSWERED_SINCE " FROM demand WHERE answered_on IS NOT NULL AND received_on >= $1::date"

static const struct db_stmt by_month = { "stats_by_month",
	"SELECT regime, to_char(received_on, 'YYYY-MM') AS month, count(*) AS answered,"
	" count(*) FILTER (WHERE answered_on <= due_on) AS on_time"
	ANSWERED_SINCE " GROUP BY 1, 2 ORDER BY 2, 1" };

/* percentile_cont gives the median of an even count as the mean of the two
 * middle values (23.5), as a reader of "délai médian" expects. */
static const struct db_stmt by_regime = { "stats_by_regime",
	"SELECT regime, count(*) AS answered,"
	" count(*) FILTER (WHERE answered_on <= due_on) AS on_time,"
	" count(*) FILTER (WHERE answered_on > due_on) AS late,"
	" percentile_cont(0.5) WITHIN GROUP (ORDER BY answered_on - received_on)::text AS median_days"
	ANSWERED_SINCE " GROUP BY regime ORDER BY regime" };

/* The day a demand's clock is read on: today, or the first day of its
 * pause while it waits on the requester (its due date will move by the
 * paused days when the requester replies, so "today" would make it look
 * late when it is not). */
#define CLOCK_DAY \
	"CASE WHEN d.status = 'attente_demandeur' THEN least($1::date," \
	" coalesce((d.paused_since AT TIME ZONE 'Europe/Paris')::date, $1::date)) ELSE $1::date END"
#define OPEN "d.status IN ('recue', 'en_instruction', 'attente_demandeur')"

static const struct db_stmt days_left = { "stats_days_left",
	"SELECT d.regime, d.due_on - " CLOCK_DAY " AS days_left, count(*) AS n,"
	" count(*) FILTER (WHERE d.status = 'attente_demandeur') AS paused"
	" FROM demand d WHERE " OPEN " GROUP BY 1, 2 ORDER BY 1, 2" };

static const struct db_stmt late = { "stats_late",
	"SELECT d.id, d.reference, d.organisation, to_char(d.due_on, 'YYYY-MM-DD') AS due_on,"
	" (" CLOCK_DAY ") - d.due_on AS days_late, coalesce(u.display_name, '') AS assignee_name,"
	" d.status FROM demand d LEFT JOIN staff_user u ON u.id = d.assignee_id"
	" WHERE " OPEN " AND d.due_on < " CLOCK_DAY
	" ORDER BY d.due_on, d.id LIMIT $2::int" };

static const struct db_stmt export_page = { "stats_export_page",
	"SELECT d.id, d.reference, to_char(d.received_on, 'YYYY-MM-DD') AS received_on,"
	" to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.regime, d.status, d.organisation,"
	" d.last_name, d.first_name, d.email, d.phone,"
	" CASE WHEN c.title IS NOT NULL THEN c.title ELSE d.custom_title END AS course,"
	" d.kind, d.participants::text AS participants,"
	" coalesce(to_char(d.answered_on, 'YYYY-MM-DD'), '') AS answered_on,"
	" coalesce(d.outcome, '') AS outcome"
	" FROM demand d LEFT JOIN course c ON c.id = d.course_id"
	" WHERE d.id > $1::bigint AND ($2 = '' OR d.status = $2) AND ($3 = '' OR d.regime = $3)"
	" ORDER BY d.id LIMIT $4::int" };

/* Runs stmt and returns room for one struct per row (at least one, so the
 * caller never gets NULL on success), or NULL with *rc set. */
static void *rows_of(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, size_t size, struct db_rows **r, size_t *n, int *rc)
{
	*n = 0;
	*rc = db_run(db, a, stmt, np, p, r);
	if (*rc != DB_OK)
		return NULL;
	*n = db_rows_count(*r);
	void *out = arena_calloc(a, *n ? *n : 1, size);
	if (!out)
		*rc = DB_FAILED;
	return out;
}

int store_stats_by_month(struct db *db, struct arena *a, const char *from,
		struct stats_month **out, size_t *n)
{
	const char *p[] = { from };
	struct db_rows *r;
	int rc;
	*out = rows_of(db, a, &by_month, 1, p, sizeof(**out), &r, n, &rc);
	for (size_t i = 0; rc == DB_OK && i < *n; i++)
		(*out)[i] = (struct stats_month){ db_get(r, i, "regime"), db_get(r, i, "month"),
			db_get(r, i, "answered"), db_get(r, i, "on_time") };
	return rc;
}

int store_stats_by_regime(struct db *db, struct arena *a, const char *from,
		struct stats_regime **out, size_t *n)
{
	const char *p[] = { from };
	struct db_rows *r;
	int rc;
	*out = rows_of(db, a, &by_regime, 1, p, sizeof(**out), &r, n, &rc);
	for (size_t i = 0; rc == DB_OK && i < *n; i++)
		(*out)[i] = (struct stats_regime){ db_get(r, i, "regime"), db_get(r, i, "answered"),
			db_get(r, i, "on_time"), db_get(r, i, "late"), db_get(r, i, "median_days") };
	return rc;
}

int store_stats_days_left(struct db *db, struct arena *a, const char *today,
		struct stats_days_left **out, size_t *n)
{
	const char *p[] = { today };
	struct db_rows *r;
	int rc;
	*out = rows_of(db, a, &days_left, 1, p, sizeof(**out), &r, n, &rc);
	for (size_t i = 0; rc == DB_OK && i < *n; i++)
		(*out)[i] = (struct stats_days_left){ db_get(r, i, "regime"),
			(int)strtol(db_get(r, i, "days_left"), NULL, 10),
			strtol(db_get(r, i, "n"), NULL, 10), strtol(db_get(r, i, "paused"), NULL, 10) };
	return rc;
}

int store_stats_late(struct db *db, struct arena *a, const char *today, size_t limit,
		struct stats_late **out, size_t *n)
{
	char lim[24];
	snprintf(lim, sizeof(lim), "%zu", limit);
	const char *p[] = { today, lim };
	struct db_rows *r;
	int rc;
	*out = rows_of(db, a, &late, 2, p, sizeof(**out), &r, n, &rc);
	for (size_t i = 0; rc == DB_OK && i < *n; i++)
		(*out)[i] = (struct stats_late){ db_get(r, i, "id"), db_get(r, i, "reference"),
			db_get(r, i, "organisation"), db_get(r, i, "due_on"), db_get(r, i, "days_late"),
			db_get(r, i, "assignee_name"), db_get(r, i, "status") };
	return rc;
}

int store_export_page(struct db *db, struct arena *a, const char *after_id, const char *status,
		const char *regime, size_t limit, struct export_row **out, size_t *n)
{
	char lim[24];
	snprintf(lim, sizeof(lim), "%zu", limit);
	const char *p[] = { after_id, status, regime, lim };
	struct db_rows *r;
	int rc;
	*out = rows_of(db, a, &export_page, 4, p, sizeof(**out), &r, n, &rc);
	for (size_t i = 0; rc == DB_OK && i < *n; i++) {
		struct export_row *e = &(*out)[i];
#define COL(f) e->f = db_get(r, i, #f);
		COL(id) COL(reference) COL(received_on) COL(due_on) COL(regime) COL(status)
		COL(organisation) COL(last_name) COL(first_name) COL(email) COL(phone) COL(course)
		COL(kind) COL(participants) COL(answered_on) COL(outcome)
#undef COL
	}
	return rc;
}
