#include "store/attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/sessions.h"
#include "rules/calendar_fr.h"
#include "rules/slot_time.h"

static const struct db_stmt events = { "attendance_events",
	"SELECT id, session_id, coalesce(registration_id, 0) AS registration_id, half_day_id, kind,"
	" method, instant, minutes, actor, reason, ip, user_agent, prev_hash, hash"
	" FROM attendance_event WHERE session_id = $1::bigint ORDER BY id" };
static const struct db_stmt lock = { "attendance_lock",
	"SELECT (SELECT hash FROM attendance_event WHERE session_id = se.id ORDER BY id DESC LIMIT 1)"
	" AS last, nextval(pg_get_serial_sequence('attendance_event', 'id')) AS id"
	" FROM session se WHERE se.id = $1::bigint FOR UPDATE" };
static const struct db_stmt insert = { "attendance_insert",
	"INSERT INTO attendance_event (id, session_id, registration_id, half_day_id, kind, method,"
	" instant, minutes, actor, reason, ip, user_agent, prev_hash, hash) OVERRIDING SYSTEM VALUE"
	" VALUES ($1::bigint, $2::bigint, nullif($3::bigint, 0), $4, $5, $6, $7::bigint, $8::int, $9,"
	" $10, $11, $12, $13, $14)" };

int store_attendance_events(struct db *db, struct arena *a, const char *session_id,
		struct attendance_event **out, size_t *n)
{
	const char *p[] = { session_id };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &events, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct attendance_event *e = count ? arena_calloc(a, count, sizeof(*e)) : NULL;
	if (count && !e)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		e[i] = (struct attendance_event){
			.id = strtoll(db_get(r, i, "id"), NULL, 10),
			.session_id = strtoll(db_get(r, i, "session_id"), NULL, 10),
			.registration_id = strtoll(db_get(r, i, "registration_id"), NULL, 10),
			.half_day_id = db_get(r, i, "half_day_id"), .kind = db_get(r, i, "kind"),
			.method = db_get(r, i, "method"), .instant = strtoll(db_get(r, i, "instant"), NULL, 10),
			.minutes = atoi(db_get(r, i, "minutes")), .actor = db_get(r, i, "actor"),
			.reason = db_get(r, i, "reason"), .ip = db_get(r, i, "ip"),
			.user_agent = db_get(r, i, "user_agent"), .prev_hash = db_get(r, i, "prev_hash"),
			.hash = db_get(r, i, "hash") };
	*out = e;
	*n = count;
	return DB_OK;
}

int store_attendance_record(struct db *db, struct arena *a, struct attendance_event *e)
{
	char session[24], id[24], reg[24], instant[24], minutes[16];
	char hash[ATTENDANCE_HASH_HEX];
	snprintf(session, sizeof(session), "%lld", (long long)e->session_id);
	const char *pl[] = { session };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &lock, 1, pl, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK) {
		e->id = strtoll(db_get(r, 0, "id"), NULL, 10);
		e->prev_hash = arena_strdup(a, db_get(r, 0, "last"));
		if (!e->prev_hash || attendance_hash(e->prev_hash, e, hash) != 0)
			rc = DB_FAILED;
	}
	if (rc == DB_OK) {
		snprintf(id, sizeof(id), "%lld", (long long)e->id);
		snprintf(reg, sizeof(reg), "%lld", (long long)e->registration_id);
		snprintf(instant, sizeof(instant), "%lld", (long long)e->instant);
		snprintf(minutes, sizeof(minutes), "%d", e->minutes);
		const char *p[] = { id, session, reg, e->half_day_id, e->kind, e->method, instant, minutes,
			e->actor, e->reason, e->ip, e->user_agent, e->prev_hash, hash };
		rc = db_run(db, NULL, &insert, 14, p, NULL);
	}
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return rc;
}

int store_attendance_key(struct db *db, unsigned char key[ATTENDANCE_KEY_BYTES])
{
	return store_site_key(db, "attendance", key, ATTENDANCE_KEY_BYTES);
}

static int minutes_of(const char *hhmm)
{
	int m;
	return slot_parse_time(hhmm, &m) == 0 ? m : -1;
}

int store_slot_half_days(const struct slot *t, struct slot_half_day out[2])
{
	struct half_day hd[2];
	struct half_day_error err;
	enum slot_part part;
	struct civil_date day;
	if (slot_part_parse(t->part, &part) != 0 || cal_parse_date(t->day, &day) != 0)
		return 0;
	struct half_day_slot hs = { part, minutes_of(t->start), minutes_of(t->end),
		minutes_of(t->lunch_start), minutes_of(t->lunch_end), *t->cancelled != '\0' };
	int n = half_day_split(&hs, hd, &err);
	for (int i = 0; i < n; i++) {
		out[i].hd = hd[i];
		if (half_day_id(strtoll(t->id, NULL, 10), hd[i].kind, out[i].id, sizeof(out[i].id)) != 0 ||
				half_day_instants(day, &hd[i], &out[i].start_utc, &out[i].end_utc) != 0)
			return 0;
	}
	return n < 0 ? 0 : n;
}

int store_session_half_days(struct arena *a, const struct slot *slots, size_t n,
		struct slot_half_day **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	if (n == 0)
		return 0;
	struct slot_half_day *hd = arena_calloc(a, 2 * n, sizeof(*hd));
	if (!hd)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (size_t)store_slot_half_days(&slots[i], hd + k);
	*out = k ? hd : NULL;
	*n_out = k;
	return 0;
}

void store_attendance_minutes(const struct slot_half_day *hd, size_t nh,
		const struct attendance_event *e, size_t ne, int64_t registration_id, int *planned,
		int *attended)
{
	int p = 0, got = 0;
	for (size_t i = 0; i < nh; i++) {
		struct attendance_state st;
		int len = half_day_minutes(&hd[i].hd);
		attendance_fold(e, ne, registration_id, hd[i].id, &st);
		int m = attendance_half_day_attended(len, st.present, st.late, st.early);
		p += len > 0 ? len : 0;
		got += m > 0 ? m : 0;
	}
	*planned = p;
	*attended = got;
}
