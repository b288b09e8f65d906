/* Participants and their registrations in sessions (sql/0011).
 *
 * Seats are PostgreSQL's decision: the trigger registration_place locks the
 * session's row before any registration takes or changes its status, and
 * turns a confirmation that does not fit into a place at the end of the
 * waiting list; registration_count keeps session.confirmed and
 * session.waiting and refuses more confirmed than seats. The functions here
 * run inside a transaction the caller opened (db_begin), so that the mails
 * a change sends (store/outbox.h) are queued with it: nothing is told that
 * did not happen. */
#ifndef FORMATIONS_STORE_REGISTRATIONS_H
#define FORMATIONS_STORE_REGISTRATIONS_H

#include <stddef.h>

struct arena;
struct db;

/* A registration with its participant; every value text, "" for NULL.
 * changed_at is local to Paris, "YYYY-MM-DD HH:MI". */
#define REGISTRATION_FIELDS(X) \
	X(id) X(session_id) X(participant_id) X(status) X(waiting_rank) X(token) \
	X(demand_id) X(last_name) X(first_name) X(email) X(organisation) X(job_title) \
	X(changed_at) X(changed_by) X(reason) X(convocation_at) X(version) \
	X(adaptation) X(requester_email)

struct registration {
#define X(f) const char *f;
	REGISTRATION_FIELDS(X)
#undef X
};

/* A person to register, as typed (trimmed, checked, email lowercased). */
struct person {
	const char *last_name, *first_name, *email, *organisation, *job_title;
};

/* The registrations of a session: confirmed ones by name, then the waiting
 * list by rank, then the others (asked, cancelled, excused) by name. */
int store_registrations_of_session(struct db *db, struct arena *a, const char *session_id,
		struct registration **out, size_t *n);
/* The registrations a demand's requester made. */
int store_registrations_of_demand(struct db *db, struct arena *a, const char *demand_id,
		struct registration **out, size_t *n);
/* One registration, by id or by its private token. DB_NOT_FOUND. */
int store_registration_by_id(struct db *db, struct arena *a, const char *id, struct registration *out);
int store_registration_by_token(struct db *db, struct arena *a, const char *token,
		struct registration *out);

/* Inside the caller's transaction: finds the participant by email (or
 * creates them; a known person keeps their name, and gets an organisation
 * or a function they had not), then registers them in session_id, asked
 * as status ("confirmee" or "demandee"); the trigger may make it
 * "attente". *out is the new registration. DB_CONFLICT when the person is
 * already registered there (and not cancelled). */
int store_register(struct db *db, struct arena *a, const char *session_id, const struct person *p,
		const char *status, const char *demand_id, const char *actor, struct registration *out);

/* Inside the caller's transaction: sets the status of a registration
 * (from the status it was read with: DB_STALE when it changed since) with
 * who and why, and writes its event; "annulee" and a move raise its
 * version. *now is the status it got (the trigger may keep a confirmation
 * waiting when the session is full). */
int store_registration_set_status(struct db *db, struct arena *a, const struct registration *r,
		const char *status, const char *event_kind, const char *actor, const char *reason,
		const char **now);
/* Inside the caller's transaction: the first of the waiting list of
 * session_id takes a freed seat; DB_NOT_FOUND when nobody waits or the
 * session is full. *promoted is that registration. */
int store_registration_promote(struct db *db, struct arena *a, const char *session_id,
		const char *actor, struct registration *promoted);
/* Inside the caller's transaction: rewrites the ranks of the waiting list
 * of session_id in the order of ids (every waiting id, once). */
int store_waiting_list_set(struct db *db, const char *session_id, const long long *ids, size_t n,
		const char *actor);
/* Inside the caller's transaction: moves a registration to another session
 * (placed there as a confirmation: it may wait). */
int store_registration_move(struct db *db, struct arena *a, const struct registration *r,
		const char *to_session, const char *actor, const char **now);
/* Inside the caller's transaction: every active registration of a
 * cancelled session is cancelled too, with reason. */
int store_registrations_cancel_session(struct db *db, const char *session_id, const char *actor,
		const char *reason);
/* Marks that a convocation (or its update) was queued for r now. */
int store_registration_convoked(struct db *db, const char *registration_id);

/* Participants whose name starts with prefix (accents and case as typed
 * are folded by lowercase only), at most limit, for the staff's search. */
int store_participants_find(struct db *db, struct arena *a, const char *prefix, int limit,
		struct person **out, const char ***ids, size_t *n);


#endif
