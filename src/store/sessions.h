/* Sessions of a course and their slots (créneaux): the staff calendar, the
 * public "Sessions à venir" and the iCalendar feeds read them; staff forms
 * create and change them. A trainer or a room is never in two overlapping
 * slots: PostgreSQL's exclusion constraints say so (sql/0007_sessions.sql);
 * the functions here look for conflicts first, to tell which slot of which
 * session is in the way, and report the constraint's refusal the same way
 * when two staff members race. */
#ifndef FORMATIONS_STORE_SESSIONS_H
#define FORMATIONS_STORE_SESSIONS_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct db_call;

/* A session with its course, place, demand and counts; every value text,
 * "" for NULL. Dates YYYY-MM-DD (first_day/last_day of its live slots). */
#define SESSION_FIELDS(X) \
	X(id) X(course_id) X(course_title) X(course_slug) X(kind) X(organisation) \
	X(demand_id) X(demand_reference) X(place_id) X(place_name) X(place_city) \
	X(place_address) X(place_capacity) X(min_participants) X(max_participants) \
	X(status) X(cancel_reason) X(closes_on) X(public) X(notes) X(version) \
	X(registered) X(waiting) X(first_day) X(last_day) X(n_slots) X(updated_epoch)

struct session {
#define X(f) const char *f;
	SESSION_FIELDS(X)
#undef X
};

/* A slot with what the calendar and the feeds show of its session. Times
 * are local to Europe/Paris ("09:30"), instants in seconds since the
 * epoch; trainers is "Name, Name", trainer_ids "1,2". */
#define SLOT_FIELDS(X) \
	X(id) X(session_id) X(day) X(start) X(end) X(starts_epoch) X(ends_epoch) \
	X(part) X(remote) X(room_id) X(room_name) X(place_name) X(place_address) \
	X(module_label) X(day_label) X(cancelled) X(sequence) X(updated_epoch) \
	X(trainers) X(trainer_ids) X(course_title) X(course_slug) X(session_status) \
	X(session_kind) X(organisation) X(lunch_start) X(lunch_end)

struct slot {
#define X(f) const char *f;
	SLOT_FIELDS(X)
#undef X
};

/* What a session form sends, checked by the page. "" for optional ids. */
struct session_fields {
	const char *course_id, *kind, *organisation, *demand_id, *place_id;
	const char *min_participants, *max_participants, *status, *closes_on;
	const char *public, *notes;     /* public "1" or "0" */
};

/* A slot to write: instants computed by rules/slot_time from the local
 * date and times; trainer_ids a PostgreSQL array literal "{1,2}";
 * lunch_start and lunch_end "HH:MM", the break of a journée (NULL: the
 * table's default, 12:30-13:30; a move keeps the slot's). */
struct slot_fields {
	const char *day, *part, *remote, *room_id, *module_label, *day_label;
	int64_t starts_utc, ends_utc;
	const char *trainer_ids;
	const char *lunch_start, *lunch_end;
};

/* A slot that is in the way of a booking: which slot of which session,
 * and whether the room or which trainer. */
struct slot_conflict {
	const char *slot_id, *session_id, *course_title, *day, *start, *end;
	const char *what;     /* "salle" or "formateur" */
	const char *who;      /* the room's or the trainer's name */
};

int store_session_by_id(struct db *db, struct arena *a, const char *id, struct session *out);
/* Envisaged or confirmed sessions with fewer confirmed registrations than
 * their minimum whose first day is from today to today + days. */
int store_sessions_to_decide(struct db *db, struct arena *a, const char *today, int days,
		struct session **out, size_t *n);
/* The sessions of a course still to come (envisaged or confirmed), by date. */
int store_sessions_of_course_open(struct db *db, struct arena *a, const char *course_id,
		struct session **out, size_t *n);
/* Every slot of a session, cancelled ones included, by start. */
int store_session_slots(struct db *db, struct arena *a, const char *session_id,
		struct slot **out, size_t *n);
/* Sessions linked to a demand, and upcoming sessions of a course that are
 * not cancelled (for "répondre avec une session"). */
int store_sessions_for_demand(struct db *db, struct arena *a, const char *demand_id,
		const char *course_slug, struct session **out, size_t *n);

int store_session_create(struct db *db, struct arena *a, const struct session_fields *f,
		const char **id);
/* A session and its slots in one transaction: all of them or nothing.
 * DB_CONFLICT with the conflicts filled when a room or a trainer is taken
 * (checked first, then by the constraints), and with none when the
 * course, place, demand, room or a trainer no longer exists. */
int store_session_create_planned(struct db *db, struct arena *a, const struct session_fields *f,
		const struct slot_fields *slots, size_t n_slots, const char **id,
		struct slot_conflict **conflicts, size_t *n_conflicts);
/* Work done in the same transaction as a change, just before its commit:
 * the mails the change sends (convocations and their updates), so that
 * they exist if and only if the change does. NULL for none. */
struct store_after {
	int (*run)(struct db *db, void *arg);
	void *arg;
};

/* Changes the fields; DB_CONFLICT when the maximum is now below the
 * registrations (checked in the same statement), DB_NOT_FOUND. */
int store_session_update(struct db *db, const char *id, const struct session_fields *f,
		const struct store_after *after);
/* Status change checked against from (DB_STALE when it changed meanwhile);
 * cancelling cancels every slot, which frees its trainers and room. */
int store_session_set_status(struct db *db, const char *id, const char *from, const char *to,
		const char *reason, const struct store_after *after);
/* A copy of the session (status envisagee, no demand, no registrations)
 * with every live slot moved by days, same local times, same rooms and
 * trainers. DB_CONFLICT with the conflicts when something is taken. */
int store_session_duplicate(struct db *db, struct arena *a, const char *id, int days,
		const char **new_id, struct slot_conflict **conflicts, size_t *n_conflicts);

/* Slots that overlap [starts, ends) in room_id ("" none) or for one of
 * trainer_ids ("{}" none), except slot except_id ("" none). */
int store_slot_conflicts(struct db *db, struct arena *a, int64_t starts_utc, int64_t ends_utc,
		const char *room_id, const char *trainer_ids, const char *except_id,
		struct slot_conflict **out, size_t *n);
/* Adds a slot with its trainers (one transaction). DB_CONFLICT with the
 * conflicts filled when a room or a trainer is taken, even by a booking
 * made at the same moment by someone else. */
int store_slot_add(struct db *db, struct arena *a, const char *session_id,
		const struct slot_fields *f, const char **slot_id,
		struct slot_conflict **conflicts, size_t *n_conflicts, const struct store_after *after);
/* Moves a slot (date, times, room, trainers, labels); same conflicts. */
int store_slot_move(struct db *db, struct arena *a, const char *slot_id,
		const struct slot_fields *f, struct slot_conflict **conflicts, size_t *n_conflicts,
		const struct store_after *after);
int store_slot_cancel(struct db *db, const char *slot_id, const struct store_after *after);
int store_slot_by_id(struct db *db, struct arena *a, const char *id, struct slot *out);

/* The calendar: live slots from..to (dates, to excluded), filtered; ""
 * means any. account_id restricts to the slots of that trainer's login.
 * Only what the calendar and the trainer's home show is read: id,
 * session_id, day, start, end, remote, room_name, place_name, the course,
 * session_status, organisation, and trainers (the names) when
 * trainer_names is set; the other fields are "". */
struct calendar_filter {
	const char *from, *to;
	const char *trainer_id, *room_id, *place_id, *course_id, *status, *account_id;
	int trainer_names;
};
int store_calendar_slots(struct db *db, struct arena *a, const struct calendar_filter *f,
		size_t limit, struct slot **out, size_t *n);

/* Public sessions (confirmed INTER ones and INTRA ones flagged public)
 * whose last slot is on or after from, optionally of one course (slug) and
 * starting in one month ("YYYY-MM"), by first day. Only what a public
 * list shows is read: the course, kind, organisation, place's name and
 * city, seats, status, dates, version and updated_epoch (the demand, the
 * address and the notes are ""). */
int store_public_sessions(struct db *db, struct arena *a, const char *from,
		const char *course_slug, const char *month, size_t limit,
		struct session **out, size_t *n);
/* The same as a call of db_run_reads (store/db.h), and its reading. */
int store_public_sessions_call(struct db_call *c, struct arena *a, const char *from,
		const char *course_slug, const char *month, size_t limit);
/* The sessions of one course (all months) for its fiche, as a call. */
int store_fiche_sessions_call(struct db_call *c, struct arena *a, const char *from,
		const char *course_slug, size_t limit);
/* The rows of either call. */
int store_public_sessions_read(const struct db_call *c, struct arena *a,
		struct session **out, size_t *n);

/* The slots of a feed from..to: the public ones (course_slug "" for all),
 * or a trainer's (by feed token). Cancelled ones are included, so that
 * subscribed calendars remove them. The public ones leave day, start, end,
 * trainers and trainer_ids "" (a feed uses the instants). */
int store_feed_public_slots(struct db *db, struct arena *a, const char *from, const char *to,
		const char *course_slug, struct slot **out, size_t *n);
int store_feed_trainer_slots(struct db *db, struct arena *a, const char *token,
		const char *from, const char *to, const char **trainer_name,
		struct slot **out, size_t *n);

/* For the forms: rooms with their place, active trainers, courses. */
struct choice {
	const char *id, *label, *group;
};
int store_room_choices(struct db *db, struct arena *a, struct choice **out, size_t *n);
int store_place_choices(struct db *db, struct arena *a, struct choice **out, size_t *n);
int store_trainer_choices(struct db *db, struct arena *a, struct choice **out, size_t *n);
int store_course_choices(struct db *db, struct arena *a, struct choice **out, size_t *n);
/* The same as a call of db_run_reads (store/db.h) and its reading. */
void store_course_choices_call(struct db_call *c);
int store_course_choices_read(const struct db_call *c, struct arena *a, struct choice **out, size_t *n);
/* The programme's modules and days of a course, as "Module 3" / "Journée
 * 1" labels (group = module label, label = day heading). */
int store_programme_choices(struct db *db, struct arena *a, const char *course_id,
		struct choice **out, size_t *n);
/* The trainer record of a staff login (role formateur): its id or "". */
int store_trainer_of_account(struct db *db, struct arena *a, const char *account_id,
		const char **trainer_id);
/* Capacity of a place and of a room ("" when unknown). */
int store_place_capacity(struct db *db, struct arena *a, const char *place_id, const char **cap);
/* Ids among trainer_ids ("{1,2}") that are not active trainers: "" when
 * all exist. */
int store_unknown_trainers(struct db *db, struct arena *a, const char *trainer_ids,
		const char **unknown);

#endif
