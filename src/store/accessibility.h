/* Accessibility needs (Qualiopi indicator 26): a need related to a
 * disability, declared on a demand, a registration or the participant's
 * page, is a task for the référent handicap, due 5 working days before the
 * session's first day (or 5 working days after it was declared when there
 * is no session yet). Only the référent and admins read the need itself
 * (health data); the trainers of the session see the adaptation decided. */
#ifndef FORMATIONS_STORE_ACCESSIBILITY_H
#define FORMATIONS_STORE_ACCESSIBILITY_H

#include <stddef.h>

struct arena;
struct db;
struct settings;

/* Working days between a need and its due date. */
#define NEED_WORKING_DAYS 5

struct need {
	const char *id, *source, *status, *need, *decision, *due_on, *created_at, *decided_at,
		*decided_by;
	const char *demand_id, *demand_reference, *registration_id, *session_id, *session_first_day;
	const char *person, *course_title;
};

/* Inside the caller's transaction: opens the task (source "demande",
 * "inscription" or "participant"; demand_id or registration_id) with its
 * due date from first_day ("" when no session) and queues a mail to the
 * référents (else to mail_egoc), which names no health detail. */
int store_need_open(struct db *db, struct arena *a, const struct settings *s, const char *source,
		const char *demand_id, const char *registration_id, const char *need,
		const char *first_day);
/* Every need, those to study first by due date, then the decided ones. */
int store_needs_list(struct db *db, struct arena *a, struct need **out, size_t *n);
int store_need_by_id(struct db *db, struct arena *a, const char *id, struct need *out);
/* Records the decision; DB_NOT_FOUND. */
int store_need_decide(struct db *db, const char *id, const char *status, const char *decision,
		const char *by);
/* 1 when the staff member is a référent handicap. */
int store_is_referent(struct db *db, struct arena *a, const char *user_id, int *yes);

#endif
