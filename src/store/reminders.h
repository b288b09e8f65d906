/* What `formations remind` reads and writes: the demands whose response
 * clock runs, the managers to warn, and the warning mails, queued in the
 * outbox once per demand, day and recipient (mail_outbox.dedup_key). */
#ifndef FORMATIONS_STORE_REMINDERS_H
#define FORMATIONS_STORE_REMINDERS_H

#include <stddef.h>

struct arena;
struct db;

/* A demand whose clock runs (recue, en_instruction; not
 * attente_demandeur, which is paused). assignee_email is "" when nobody
 * active is assigned. */
struct reminder_demand {
	const char *id, *reference, *organisation, *course, *regime, *due_on;
	const char *assignee_email, *assignee_name;
};
int store_reminder_demands(struct db *db, struct arena *a, struct reminder_demand **out, size_t *n);

/* The active admin accounts' addresses: the "manager" of the warnings (see
 * src/cli/remind.c for why). */
int store_reminder_managers(struct db *db, struct arena *a, const char ***emails, size_t *n);

/* Queues one warning unless a mail with the same dedup_key exists:
 * DB_OK and *queued 1 when it was added, 0 when it was there already. */
struct reminder_mail {
	const char *to, *subject, *body, *demand_id, *dedup_key;
};
int store_reminder_queue(struct db *db, const struct reminder_mail *m, int *queued);

#endif
