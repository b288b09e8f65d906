/* Attendance events (sql/0014): read a session's chain, add one event at
 * the end of it. Events are never changed: a correction is a new event. */
#ifndef FORMATIONS_STORE_ATTENDANCE_H
#define FORMATIONS_STORE_ATTENDANCE_H

#include <stddef.h>
#include <stdint.h>

#include "rules/attendance.h"

struct arena;
struct db;

/* Every event of a session, in the order recorded (by id). */
int store_attendance_events(struct db *db, struct arena *a, const char *session_id,
		struct attendance_event **out, size_t *n);

/* Adds e at the end of its session's chain, in a transaction of its own:
 * the session's row is locked (events of one session are chained one after
 * the other, whatever the number of workers), e->id and e->prev_hash are
 * set, the hash computed (rules/attendance.c) and stored. */
int store_attendance_record(struct db *db, struct arena *a, struct attendance_event *e);

/* The attendance key: derived from the site's secret, shared by every
 * worker and host (the code a trainer's screen shows must be accepted by
 * whichever worker the participant's phone reaches). */
int store_attendance_key(struct db *db, unsigned char key[ATTENDANCE_KEY_BYTES]);

/* The half-days of a slot as store/sessions.h reads it (0, 1 or 2: a
 * cancelled slot has none, a journee two, split at its lunch break), with
 * their ids and instants. */
struct slot;
struct slot_half_day {
	struct half_day hd;
	char id[HALF_DAY_ID_BUF];
	int64_t start_utc, end_utc;
};
int store_slot_half_days(const struct slot *t, struct slot_half_day out[2]);
/* Every half-day of a session's slots, in their order, into an array of
 * the arena (*out NULL when there is none). 0, or -1 out of memory. */
int store_session_half_days(struct arena *a, const struct slot *slots, size_t n,
		struct slot_half_day **out, size_t *n_out);
/* One participant's minutes over those half-days, from the events (the
 * grid, the outcome and the attestation use these figures, no other). */
void store_attendance_minutes(const struct slot_half_day *hd, size_t nh,
		const struct attendance_event *e, size_t ne, int64_t registration_id, int *planned,
		int *attended);

#endif
