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
/* The subject of the mail to the référents, and the kind of the mail. */
#define NEED_MAIL_SUBJECT "Besoin d'aménagement à étudier (référent handicap)"
#define NEED_MAIL_KIND "besoin_accessibilite"
/* What purge and erasure leave of a need and its decision: an UPDATE of
 * accessibility_need n, for the caller's FROM and WHERE. An open need is
 * closed (sans_objet): there is no one left to adapt anything for. */
#define NEED_ERASED "(effacé)"
#define NEED_ERASE "UPDATE accessibility_need n SET need = '" NEED_ERASED "'," \
	" decision = '" NEED_ERASED "'," \
	" status = CASE WHEN n.status = 'a_etudier' THEN 'sans_objet' ELSE n.status END," \
	" decided_at = coalesce(n.decided_at, now())"

struct need {
	const char *id, *source, *status, *need, *decision, *due_on, *created_at, *decided_at,
		*decided_by;
	const char *demand_id, *demand_reference, *registration_id, *session_id, *session_first_day;
	const char *person, *course_title;
};

/* The body of the mail to the référents for a need of source (see
 * store_need_open) due on due_on (YYYY-MM-DD), whose link names need_id
 * (or a placeholder the caller replaces): it says nothing of the need. */
const char *store_need_mail_body(struct arena *a, const struct settings *s, const char *source,
		const char *due_on, const char *need_id);
/* The due date of a need declared on declared_on: NEED_WORKING_DAYS
 * working days before first_day, or after declared_on when first_day is ""
 * (or NULL); weekends, French public holidays and the closure days
 * (YYYY-MM-DD) are skipped. Dates are YYYY-MM-DD; 0 or -1. */
int store_need_due_on(const char *first_day, const char *declared_on,
		const char *const *closure_days, size_t n_closures, char out[11]);

/* Inside the caller's transaction: opens the task (source "demande",
 * "inscription" or "participant"; demand_id or registration_id) with its
 * due date from first_day ("" when no session) and queues a mail to the
 * référents (else to mail_egoc), which names no health detail. */
int store_need_open(struct db *db, struct arena *a, const struct settings *s, const char *source,
		const char *demand_id, const char *registration_id, const char *need,
		const char *first_day);
/* Every need, those to study first by due date, then the decided ones
 * (most recently decided first). */
int store_needs_list(struct db *db, struct arena *a, struct need **out, size_t *n);
int store_need_by_id(struct db *db, struct arena *a, const char *id, struct need *out);
/* Records the decision; DB_NOT_FOUND. */
int store_need_decide(struct db *db, const char *id, const char *status, const char *decision,
		const char *by);

#endif
