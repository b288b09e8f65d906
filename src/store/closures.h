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
/* DB_OK, or DB_CONFLICT when the day is already a closure day. */
int store_closure_add(struct db *db, const char *day, const char *label);
/* DB_OK, or DB_NOT_FOUND when the day is not a closure day. */
int store_closure_delete(struct db *db, const char *day);

#endif
