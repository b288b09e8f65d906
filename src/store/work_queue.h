/* What a staff member's home counts (its work queue):
 * the demands by urgency and the half-days waiting for their
 * certification. One statement each, counted by PostgreSQL. */
#ifndef FORMATIONS_STORE_WORK_QUEUE_H
#define FORMATIONS_STORE_WORK_QUEUE_H

#include <stddef.h>

struct arena;
struct db;

/* Open demands (reçue, en instruction, en attente du demandeur), by the
 * Paris date of today: late (due before today, not waiting for the
 * requester), due today, due in the six days after, not assigned, waiting
 * for the requester, and assigned to user_id. */
struct work_queue {
	long late, today, week, unassigned, waiting, mine;
};
int store_work_queue(struct db *db, struct arena *a, const char *user_id, struct work_queue *out);

/* A half-day that has ended, of a confirmed or given session with
 * confirmed participants, and that nobody certified yet. */
struct uncertified_half_day {
	const char *half_day_id, *day, *kind, *course_title, *session_id;
};
/* The most recent first, at most limit, and how many in all; only those
 * of the trainer of account_id when it is not NULL (a trainer's own). */
int store_uncertified_half_days(struct db *db, struct arena *a, const char *account_id,
		int limit, struct uncertified_half_day **out, size_t *n, long *total);

#endif
