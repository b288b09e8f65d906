/* A requester's personal data, by email, for an admin answering a request
 * of access or erasure (RGPD articles 15 and 17). */
#ifndef FORMATIONS_STORE_REQUESTER_H
#define FORMATIONS_STORE_REQUESTER_H

#include <stddef.h>

struct arena;
struct db;
struct demand;
struct demand_event;

/* The demands sent with this email (any case), newest first, in full. */
int store_requester_demands(struct db *db, struct arena *a, const char *email,
		struct demand **out, size_t *n);
/* Anonymises every demand of this email at once, whatever its state: the
 * open ones end as sans_suite with an event saying why; the events'
 * comments are emptied and the queued mails deleted. *count demands. */
int store_requester_erase(struct db *db, const char *email, const char *actor_id,
		const char *actor_name, long *count);

#endif
