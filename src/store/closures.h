/* The closure days an administrator adds to the calendar (closure_day):
 * days when EGOC is closed besides weekends and public holidays, which
 * push due dates computed afterwards (store_closure_days in demands.h
 * reads them for the rule). */
#ifndef FORMATIONS_STORE_CLOSURES_H
#define FORMATIONS_STORE_CLOSURES_H

#include <stddef.h>

struct arena;
struct db;

struct closure {
	const char *day, *label;   /* YYYY-MM-DD */
};

/* Closure days on or after `from`, ascending, at most `limit`. */
int store_closures_from(struct db *db, struct arena *a, const char *from, size_t limit,
		struct closure **out, size_t *n);
/* Adds the days of `days` (a PostgreSQL array literal of dates,
 * "{2026-12-21,2026-12-22}") with one label, in one statement; the days
 * that are closure days already are left as they are. DB_OK and in *added
 * how many were new. */
int store_closures_add(struct db *db, struct arena *a, const char *days, const char *label,
		size_t *added);
/* The closure day `day` into *out (strings in a): DB_OK, or DB_NOT_FOUND. */
int store_closure_get(struct db *db, struct arena *a, const char *day, struct closure *out);
/* How many open demands (received, being handled, waiting for the
 * requester) were received before `day` and are due on or after it: the
 * ones whose stored due date may have skipped it. */
int store_closure_open_demands_spanning(struct db *db, struct arena *a, const char *day, long *count);
/* DB_OK, or DB_NOT_FOUND when the day is not a closure day. */
int store_closure_delete(struct db *db, const char *day);

#endif
