/* The convocations of registrations: what out/convocation.c needs, read
 * from the database, and the mails it builds queued in the outbox with
 * their calendar invitation, in the caller's transaction, so that a
 * participant is told exactly what was committed. */
#ifndef FORMATIONS_STORE_CONVOCATIONS_H
#define FORMATIONS_STORE_CONVOCATIONS_H

#include "out/convocation.h"

struct arena;
struct db;
struct settings;

/* Reads the registration, its participant, session, course, place and
 * slots into c (everything in the arena). DB_NOT_FOUND. */
int store_convocation_load(struct db *db, struct arena *a, const struct settings *s,
		const char *registration_id, struct convocation *c);

/* Loads, builds and queues the mail of kind for one registration (and the
 * copy to the requester who registered the person), and notes that a
 * convocation was sent. A dedup_key (may be NULL) makes a second call a
 * no-op (`formations remind` run twice mails once); *queued (may be NULL)
 * says whether it queued. A participant without an address gets nothing. */
int store_convocation_queue(struct db *db, struct arena *a, const struct settings *s,
		const char *registration_id, enum convocation_kind kind, const char *cancelled_slot,
		const char *dedup_key, int *queued);

/* The same for every registration of a session that the change concerns:
 * confirmed ones (and, for CONVOCATION_CANCEL, the waiting list too).
 * *n (may be NULL) counts the mails queued. */
int store_convocation_queue_session(struct db *db, struct arena *a, const struct settings *s,
		const char *session_id, enum convocation_kind kind, const char *cancelled_slot, int *n);

/* The registrations whose convocation reminder (J-2) is due on today
 * (YYYY-MM-DD): confirmed, in a confirmed session whose first day is two
 * days later; first_days[i] is that day, for the reminder's dedup key. */
int store_convocation_reminders_due(struct db *db, struct arena *a, const char *today,
		const char ***ids, const char ***first_days, size_t *n);

#endif
