/* Training demands: creation from the public form (one transaction with
 * its first event and its mails), the tracking page, the requester's
 * reply and cancellation. */
#ifndef FORMATIONS_STORE_DEMANDS_H
#define FORMATIONS_STORE_DEMANDS_H

#include <stddef.h>

struct arena;
struct db;
struct db_call;

struct demand_new {
	const char *form_token, *tracking_token;
	const char *course_slug;       /* "" for a custom demand */
	const char *custom_title, *kind, *regime;
	const char *last_name, *first_name, *email, *phone, *organisation, *job_title;
	const char *participants, *period, *place, *accessibility, *message;
	long long received_at;         /* seconds since the epoch */
	const char *received_on, *due_on;   /* YYYY-MM-DD, Europe/Paris */
	/* With accessibility: the task for the référent handicap, due on
	 * need_due_on, and the mail to every active référent (to need_mail_to
	 * when there is none) whose body holds "{NEED}" for the task's id. */
	const char *need_due_on, *need_mail_subject, *need_mail_body, *need_mail_to;
};

struct demand {
	const char *id, *reference, *tracking_token, *status, *regime, *kind;
	const char *received_on, *due_on, *answered_on, *outcome, *paused_since;
	const char *paused_seconds;    /* seconds paused so far in the current pause */
	const char *paused_days;
	const char *course_title, *course_slug, *custom_title;
	const char *last_name, *first_name, *email, *phone, *organisation, *job_title;
	const char *participants, *period, *place, *accessibility, *message;
	const char *assignee_id, *assignee_name, *assignee_email;
	const char *session_id;        /* the session it was answered with, "" for none */
};

struct demand_event {
	const char *at, *actor_name, *kind, *from_status, *to_status, *comment;
	int public;
};

/* A mail to queue in the same transaction. */
struct outgoing_mail {
	const char *to, *subject, *body, *kind;
};

/* The published course of a slug, for the form: DB_OK with its title,
 * DB_NOT_FOUND. */
int store_demand_course(struct db *db, struct arena *a, const char *slug, const char **title);
/* Closure days from `from` (YYYY-MM-DD) for a year, ascending. */
int store_closure_days(struct db *db, struct arena *a, const char *from,
		const char ***days, size_t *n);
/* For a submission, in one round trip: the title of the published course
 * of slug (NULL when there is none) and the closure days from `from` for
 * a year. */
int store_demand_context(struct db *db, struct arena *a, const char *slug, const char *from,
		const char **title, const char ***days, size_t *n);
/* Finds the demand already made from this form page, if any, once it is
 * as durable as a new one would be (on the synchronous standby too). */
int store_demand_by_form(struct db *db, struct arena *a, const char *form_token,
		const char **tracking_token);
/* Creates the demand, its first event, its mails and, when it declares an
 * accessibility need, the référent's task and mails, in one statement, so
 * one transaction; a trigger numbers it in that transaction unless another
 * numbering is under way (sql/0008). *id is the new demand's. DB_CONFLICT
 * when the same form was sent meanwhile (then store_demand_by_form finds
 * it). The mails' bodies may hold "{REF}", replaced by the reference when
 * the demand is numbered. */
int store_demand_create(struct db *db, struct arena *a, const struct demand_new *d,
		const struct outgoing_mail *mails, size_t n_mails, const char **id);
/* Gives references D-YYYY-NNNNN, without gaps, to every committed demand
 * that has none, in order, unless a numbering is under way; then the
 * reference of demand id ("" while it has none; id and reference may be
 * NULL). */
int store_demand_number(struct db *db, const char *id, const char **reference, struct arena *a);
/* A demand still without a reference is numbered on the way (its
 * reference stays "" while another numbering is under way). */
int store_demand_by_tracking(struct db *db, struct arena *a, const char *token, struct demand *out);
int store_demand_by_id(struct db *db, struct arena *a, const char *id, struct demand *out);
int store_demand_events(struct db *db, struct arena *a, const char *demand_id, int public_only,
		struct demand_event **out, size_t *n);
/* Changes the status (checked against from_status in SQL, so a race is
 * DB_STALE), records the event and queues the mails, in one transaction.
 * due_on / paused_days / paused: NULL leaves them as they are; paused "1"
 * starts a pause now, "0" ends it. */
struct demand_change {
	const char *demand_id, *from_status, *to_status, *event_kind, *comment;
	int public;
	const char *actor_id, *actor_name;
	const char *due_on, *paused_days, *paused;
	const char *regime, *assignee_id, *outcome;
	int answered;   /* sets answered_at/on */
	const char *session_id;   /* the session the answer offers, or NULL */
};
int store_demand_change(struct db *db, const struct demand_change *c,
		const struct outgoing_mail *mails, size_t n_mails);

/* The staff dashboard: demands by due date, filtered, one page after the
 * (due_on, id) of the last row shown (keyset pagination: as fast on the
 * thousandth page as on the first). Empty filter values mean "any";
 * status "" means the open ones. */
struct demand_filter {
	const char *status, *regime, *assignee, *organisation, *course, *q;
	const char *after_due, *after_id;
	/* "retard", "aujourdhui", "semaine" (the six days after today), as
	 * the home's work queue counts them; NULL or "" for any */
	const char *due;
	/* NULL or "": by due date, one page after (after_due, after_id); else
	 * one of "reference", "recue", "organisme", "demandeur", "formation",
	 * "etat", "responsable", the first `limit` rows so sorted (no paging:
	 * a sorted list is for looking, the due-date order for working) */
	const char *sort;
};

struct demand_row {
	const char *id, *reference, *status, *regime, *received_on, *due_on, *organisation;
	const char *name, *course, *assignee_name;
};

int store_demands_list(struct db *db, struct arena *a, const struct demand_filter *f,
		size_t limit, struct demand_row **out, size_t *n);
/* The same in the due-date order (f->sort NULL or ""), as a call of
 * db_run_reads (store/db.h) and its reading, given the same limit:
 * DB_FAILED out of memory. Up to DEMANDS_PLANNED_ROWS rows without a
 * filter, the statement is planned once for all (the dashboard's page
 * and the row after it). */
#define DEMANDS_PLANNED_ROWS 51
int store_demands_list_call(struct db_call *c, struct arena *a, const struct demand_filter *f,
		size_t limit);
int store_demands_list_read(const struct db_call *c, struct arena *a, size_t limit,
		struct demand_row **out, size_t *n);

/* The demands before and after one in a list (NULL at either end, or
 * when the demand is not in a sorted list): the demand page's
 * "précédente" and "suivante". */
struct demand_neighbours {
	const struct demand_row *previous, *next;
};
int store_demand_neighbours(struct db *db, struct arena *a, const struct demand_filter *f,
		const char *due_on, const char *id, size_t sorted_max, struct demand_neighbours *out);

struct staff_member {
	const char *id, *name, *role;
};
/* Active accounts that may be assigned a demand. */
int store_assignable_staff(struct db *db, struct arena *a, struct staff_member **out, size_t *n);
void store_assignable_staff_call(struct db_call *c);
int store_assignable_staff_read(const struct db_call *c, struct arena *a, struct staff_member **out,
		size_t *n);

#endif
