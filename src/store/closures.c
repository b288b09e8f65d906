#include "store/closures.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "store/db.h"

static const struct db_stmt list = { "closures_from",
	"SELECT to_char(day, 'YYYY-MM-DD') AS day, label FROM closure_day"
	" WHERE day >= $1::date ORDER BY day LIMIT $2::int" };
/* ON CONFLICT answers a duplicate without an error in the server's log;
 * the primary key is still the last word when two admins race. */
static const struct db_stmt add = { "closures_add",
	"INSERT INTO closure_day (day, label) SELECT d, $2 FROM unnest($1::date[]) d"
	" ON CONFLICT (day) DO NOTHING RETURNING day" };
static const struct db_stmt one = { "closure_get",
	"SELECT to_char(day, 'YYYY-MM-DD') AS day, label FROM closure_day WHERE day = $1::date" };
static const struct db_stmt spanning = { "closure_open_demands_spanning",
	"SELECT count(*) AS n FROM demand WHERE status IN ('recue', 'en_instruction', 'attente_demandeur')"
	" AND received_on < $1::date AND due_on >= $1::date" };
static const struct db_stmt remove_day = { "closure_delete",
	"DELETE FROM closure_day WHERE day = $1::date RETURNING day" };

int store_closures_from(struct db *db, struct arena *a, const char *from, size_t limit,
		struct closure **out, size_t *n)
{
	char lim[24];
	snprintf(lim, sizeof(lim), "%zu", limit);
	const char *p[] = { from, lim };
	struct db_rows *r;
	int rc = db_run(db, a, &list, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct closure){ db_get(r, i, "day"), db_get(r, i, "label") };
	return DB_OK;
}

/* A statement that returns the row it changed: DB_OK when it did, else
 * `none`. */
static int changed_one(struct db *db, const struct db_stmt *stmt, int np,
		const char *const *p, int none)
{
	struct arena *a = arena_new();
	struct db_rows *r;
	int rc = a ? db_run(db, a, stmt, np, p, &r) : DB_FAILED;
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = none;
	arena_free(a);
	return rc;
}

int store_closures_add(struct db *db, struct arena *a, const char *days, const char *label,
		size_t *added)
{
	const char *p[] = { days, label };
	struct db_rows *r;
	int rc = db_run(db, a, &add, 2, p, &r);
	if (rc == DB_OK)
		*added = db_rows_count(r);
	return rc;
}

int store_closure_delete(struct db *db, const char *day)
{
	const char *p[] = { day };
	return changed_one(db, &remove_day, 1, p, DB_NOT_FOUND);
}

int store_closure_get(struct db *db, struct arena *a, const char *day, struct closure *out)
{
	const char *p[] = { day };
	struct db_rows *r;
	int rc = db_run(db, a, &one, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	*out = (struct closure){ db_get(r, 0, "day"), db_get(r, 0, "label") };
	return DB_OK;
}

int store_closure_open_demands_spanning(struct db *db, struct arena *a, const char *day, long *count)
{
	const char *p[] = { day };
	struct db_rows *r;
	int rc = db_run(db, a, &spanning, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	const char *n = db_rows_count(r) ? db_get(r, 0, "n") : NULL;
	*count = n ? strtol(n, NULL, 10) : 0;
	return DB_OK;
}
