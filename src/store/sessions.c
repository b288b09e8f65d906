#include "store/sessions.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "store/db.h"

/* --- reading ----------------------------------------------------------------- */

#define SESSION_COLUMNS \
	"SELECT se.id, se.course_id, c.title AS course_title, c.slug AS course_slug, se.kind," \
	" se.organisation, se.demand_id, d.reference AS demand_reference, se.place_id," \
	" p.name AS place_name, p.city AS place_city, p.address AS place_address," \
	" p.capacity AS place_capacity, se.min_participants, se.max_participants, se.status," \
	" se.cancel_reason, to_char(se.registration_closes_on, 'YYYY-MM-DD') AS closes_on," \
	" CASE WHEN se.public THEN '1' ELSE '' END AS public, se.notes, se.version," \
	" se.confirmed AS registered, se.waiting," \
	" to_char(se.first_day, 'YYYY-MM-DD') AS first_day, to_char(se.last_day, 'YYYY-MM-DD') AS last_day," \
	" se.n_slots, extract(epoch FROM se.updated_at)::bigint AS updated_epoch" \
	" FROM session se JOIN course c ON c.id = se.course_id" \
	" LEFT JOIN place p ON p.id = se.place_id LEFT JOIN demand d ON d.id = se.demand_id"

#define LOCAL(col) "(" col " AT TIME ZONE 'Europe/Paris')"
/* The columns of struct slot. Lists of many slots leave out, as '', what
 * their page does not show: the local day and times cost three to_char a
 * row, the trainers (by name, by id) a subquery each. */
#define SLOT_TIMES \
	" to_char(s.day, 'YYYY-MM-DD') AS day," \
	" to_char(" LOCAL("s.starts_at") ", 'HH24:MI') AS start," \
	" to_char(" LOCAL("s.ends_at") ", 'HH24:MI') AS end,"
#define SLOT_TRAINER_NAME_LIST \
	" (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM slot_trainer st" \
	"   JOIN trainer t ON t.id = st.trainer_id WHERE st.slot_id = s.id)"
#define SLOT_TRAINER_NAMES SLOT_TRAINER_NAME_LIST " AS trainers,"
#define SLOT_TRAINER_IDS \
	" (SELECT string_agg(st.trainer_id::text, ',' ORDER BY st.trainer_id) FROM slot_trainer st" \
	"   WHERE st.slot_id = s.id) AS trainer_ids,"
#define SLOT_COLUMNS SLOT_COLUMNS_WITH(SLOT_TIMES, SLOT_TRAINER_NAMES SLOT_TRAINER_IDS)
#define SLOT_COLUMNS_WITH(times, trainers) \
	"SELECT s.id, s.session_id," times \
	" extract(epoch FROM s.starts_at)::bigint AS starts_epoch," \
	" extract(epoch FROM s.ends_at)::bigint AS ends_epoch, s.part," \
	" CASE WHEN s.remote THEN '1' ELSE '' END AS remote, s.room_id, r.name AS room_name," \
	" p.name AS place_name, p.address || CASE WHEN p.city <> '' THEN ', ' || p.city ELSE '' END" \
	"   AS place_address," \
	" s.module_label, s.day_label, CASE WHEN s.cancelled THEN '1' ELSE '' END AS cancelled," \
	" s.version + se.version AS sequence," \
	" extract(epoch FROM greatest(s.updated_at, se.updated_at))::bigint AS updated_epoch," \
	trainers \
	" c.title AS course_title, c.slug AS course_slug, se.status AS session_status," \
	" se.kind AS session_kind, se.organisation," \
	" to_char(s.lunch_start, 'HH24:MI') AS lunch_start, to_char(s.lunch_end, 'HH24:MI') AS lunch_end" \
	SLOT_FROM
#define SLOT_FROM \
	" FROM slot s JOIN session se ON se.id = s.session_id JOIN course c ON c.id = se.course_id" \
	" LEFT JOIN room r ON r.id = s.room_id" \
	" LEFT JOIN place p ON p.id = coalesce(r.place_id, se.place_id)"

static const struct db_stmt session_by_id = { "session_by_id", SESSION_COLUMNS " WHERE se.id = $1" };
static const struct db_stmt session_slots = { "session_slots",
	SLOT_COLUMNS " WHERE s.session_id = $1 ORDER BY s.starts_at, s.id" };
static const struct db_stmt slot_by_id = { "slot_by_id", SLOT_COLUMNS " WHERE s.id = $1" };
static const struct db_stmt for_demand = { "sessions_for_demand",
	SESSION_COLUMNS " WHERE se.demand_id = $1 OR (c.slug = $2 AND se.status IN ('envisagee', 'confirmee')"
	" AND se.last_day >= (now() AT TIME ZONE 'Europe/Paris')::date)"
	" ORDER BY se.demand_id = $1 DESC, se.first_day NULLS LAST, se.id LIMIT 50" };

/* Sessions under their minimum whose first day is near: go or no-go. */
static const struct db_stmt to_decide = { "sessions_to_decide",
	SESSION_COLUMNS " WHERE se.status IN ('envisagee', 'confirmee') AND se.confirmed < se.min_participants"
	" AND se.first_day BETWEEN $1::date AND $1::date + $2::int ORDER BY se.first_day, se.id LIMIT 200" };

/* Where a registration may move: the sessions of the course still to come.
 * The 50 are chosen first, on the session's own columns (in the order of
 * the index session_course_open), and only they get the joins and the
 * formatting: a course with a thousand sessions no longer formats them all
 * to keep 50 (4.6 ms of the session page, now about 0.5, with 10,000
 * sessions: make bench, registrations). */
static const struct db_stmt of_course_open = { "sessions_of_course_open",
	SESSION_COLUMNS " WHERE se.id IN (SELECT id FROM session WHERE course_id = $1::bigint"
	"   AND status IN ('envisagee', 'confirmee')"
	"   AND (last_day IS NULL OR last_day >= (now() AT TIME ZONE 'Europe/Paris')::date)"
	"   ORDER BY first_day NULLS LAST, id LIMIT 50)"
	" ORDER BY se.first_day NULLS LAST, se.id" };

static void sessions_from_rows(const struct db_rows *r, size_t n, struct session *out)
{
	DB_FILL_ROWS(r, struct session, SESSION_FIELDS, out, n);
}

static void slots_from_rows(const struct db_rows *r, size_t n, struct slot *out)
{
	DB_FILL_ROWS(r, struct slot, SLOT_FIELDS, out, n);
}

/* Runs a statement (planned for its values when custom_plan) and makes
 * room for its rows: the callers below copy them into sessions or slots. */
static int rows_run(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, int custom_plan, size_t size, struct db_rows **r,
		void **out, size_t *n)
{
	int rc = custom_plan ? db_run_custom_plan(db, a, stmt, np, p, r) :
		db_run(db, a, stmt, np, p, r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(*r);
	return (*out = arena_calloc(a, *n ? *n : 1, size)) ? DB_OK : DB_FAILED;
}

static int sessions_run(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, struct session **out, size_t *n, int custom_plan)
{
	struct db_rows *r;
	void *rows;
	int rc = rows_run(db, a, stmt, np, p, custom_plan, sizeof(**out), &r, &rows, n);
	if (rc != DB_OK)
		return rc;
	*out = rows;
	sessions_from_rows(r, *n, *out);
	return DB_OK;
}

static int slots_run(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, struct slot **out, size_t *n, int custom_plan)
{
	struct db_rows *r;
	void *rows;
	int rc = rows_run(db, a, stmt, np, p, custom_plan, sizeof(**out), &r, &rows, n);
	if (rc != DB_OK)
		return rc;
	*out = rows;
	slots_from_rows(r, *n, *out);
	return DB_OK;
}

int store_session_by_id(struct db *db, struct arena *a, const char *id, struct session *out)
{
	struct session *s;
	size_t n;
	const char *p[] = { id };
	int rc = sessions_run(db, a, &session_by_id, 1, p, &s, &n, 0);
	if (rc == DB_OK && n == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		*out = s[0];
	return rc;
}

int store_session_slots(struct db *db, struct arena *a, const char *session_id,
		struct slot **out, size_t *n)
{
	const char *p[] = { session_id };
	return slots_run(db, a, &session_slots, 1, p, out, n, 0);
}

int store_slot_by_id(struct db *db, struct arena *a, const char *id, struct slot *out)
{
	struct slot *s;
	size_t n;
	const char *p[] = { id };
	int rc = slots_run(db, a, &slot_by_id, 1, p, &s, &n, 0);
	if (rc == DB_OK && n == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		*out = s[0];
	return rc;
}

int store_sessions_for_demand(struct db *db, struct arena *a, const char *demand_id,
		const char *course_slug, struct session **out, size_t *n)
{
	const char *p[] = { demand_id, course_slug };
	return sessions_run(db, a, &for_demand, 2, p, out, n, 0);
}

/* --- the calendar, the public list and the feeds ----------------------------- */

/* Only the columns the calendar and the trainer's home write (the others
 * are left "", as db_get gives an absent column); the trainers' names,
 * a subquery for each of a month's thousand slots (5 ms of the 20 the
 * month took: make bench, sessions), only when $10 asks for them. */
static const struct db_stmt calendar = { "calendar_slots",
	"SELECT s.id, s.session_id," SLOT_TIMES
	" CASE WHEN s.remote THEN '1' ELSE '' END AS remote, r.name AS room_name, p.name AS place_name,"
	" CASE WHEN $10 = '1' THEN" SLOT_TRAINER_NAME_LIST " END AS trainers,"
	" c.title AS course_title, c.slug AS course_slug, se.status AS session_status, se.organisation"
	SLOT_FROM
	" WHERE s.starts_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris')"
	" AND s.starts_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris') AND NOT s.cancelled"
	" AND ($3 = '' OR EXISTS (SELECT 1 FROM slot_trainer x WHERE x.slot_id = s.id"
	"   AND x.trainer_id = nullif($3, '')::bigint))"
	" AND ($4 = '' OR s.room_id = nullif($4, '')::bigint)"
	" AND ($5 = '' OR coalesce(r.place_id, se.place_id) = nullif($5, '')::bigint)"
	" AND ($6 = '' OR se.course_id = nullif($6, '')::bigint)"
	" AND ($7 = '' OR se.status = $7)"
	" AND ($8 = '' OR EXISTS (SELECT 1 FROM slot_trainer x JOIN trainer t ON t.id = x.trainer_id"
	"   WHERE x.slot_id = s.id AND t.account_id = nullif($8, '')::bigint))"
	" ORDER BY s.starts_at, s.id LIMIT $9::int" };

int store_calendar_slots(struct db *db, struct arena *a, const struct calendar_filter *f,
		size_t limit, struct slot **out, size_t *n)
{
	char lim[24];
	snprintf(lim, sizeof(lim), "%zu", limit);
	const char *p[] = { f->from, f->to, f->trainer_id, f->room_id, f->place_id, f->course_id,
		f->status, f->account_id, lim, f->trainer_names ? "1" : "" };
	/* Planned for the filters given: the generic plan of eight optional
	 * filters expected two slots, and joined a month's thousand each to
	 * the whole course, room and place tables. */
	return slots_run(db, a, &calendar, 10, p, out, n, 1);
}

#define PUBLIC_SESSION "se.status = 'confirmee' AND (se.kind = 'inter' OR se.public)"

/* What a public list of sessions (the sessions page, the fiche, the home)
 * and its validators read: no demand, no address, no notes. */
#define PUBLIC_SESSION_COLUMNS \
	"SELECT se.id, c.title AS course_title, c.slug AS course_slug, se.kind, se.organisation," \
	" p.name AS place_name, p.city AS place_city, se.max_participants, se.status," \
	" to_char(se.registration_closes_on, 'YYYY-MM-DD') AS closes_on, se.version," \
	" se.confirmed AS registered, se.waiting," \
	" to_char(se.first_day, 'YYYY-MM-DD') AS first_day, to_char(se.last_day, 'YYYY-MM-DD') AS last_day," \
	" se.n_slots, extract(epoch FROM se.updated_at)::bigint AS updated_epoch"

/* The published courses as an array rather than a condition on the joined
 * course: the planner then reads the sessions in the order of
 * session_public_first and stops at the limit, instead of sorting every
 * session to come (it guessed one published course out of a table it had
 * no statistics for, and so few sessions that sorting them looked free). */
static const struct db_stmt public_sessions = { "sessions_public",
	PUBLIC_SESSION_COLUMNS
	" FROM session se JOIN course c ON c.id = se.course_id LEFT JOIN place p ON p.id = se.place_id"
	" WHERE " PUBLIC_SESSION " AND se.last_day >= $1::date"
	" AND se.course_id = ANY (ARRAY(SELECT id FROM course WHERE status = 'published'"
	"   AND ($2 = '' OR slug = $2)))"
	" AND ($3 = '' OR to_char(se.first_day, 'YYYY-MM') = $3)"
	" ORDER BY se.first_day, se.id LIMIT $4::int" };

int store_public_sessions(struct db *db, struct arena *a, const char *from,
		const char *course_slug, const char *month, size_t limit,
		struct session **out, size_t *n)
{
	struct db_call c;
	int rc = store_public_sessions_call(&c, a, from, course_slug, month, limit);
	if (rc == DB_OK)
		rc = db_run(db, a, c.stmt, c.nparams, c.params, &c.rows);
	return rc == DB_OK ? store_public_sessions_read(&c, a, out, n) : rc;
}

/* A fiche's next public sessions: only what its list and its validators
 * read (no demand, no address), in the order of session_course_open
 * (sql/0013), so neither a sort nor a join to demands at each view. */
static const struct db_stmt fiche_sessions = { "sessions_of_fiche",
	PUBLIC_SESSION_COLUMNS
	" FROM course c JOIN session se ON se.course_id = c.id"
	" LEFT JOIN place p ON p.id = se.place_id"
	" WHERE c.slug = $2 AND c.status = 'published' AND " PUBLIC_SESSION
	" AND se.last_day >= $1::date ORDER BY se.first_day, se.id LIMIT $3::int" };

int store_public_sessions_call(struct db_call *c, struct arena *a, const char *from,
		const char *course_slug, const char *month, size_t limit)
{
	const char *lim = arena_printf(a, "%zu", limit);
	*c = (struct db_call){ .stmt = &public_sessions, .nparams = 4,
		.params = { from, course_slug, month, lim } };
	return lim ? DB_OK : DB_FAILED;
}

int store_fiche_sessions_call(struct db_call *c, struct arena *a, const char *from,
		const char *course_slug, size_t limit)
{
	const char *lim = arena_printf(a, "%zu", limit);
	*c = (struct db_call){ .stmt = &fiche_sessions, .nparams = 3,
		.params = { from, course_slug, lim } };
	return lim ? DB_OK : DB_FAILED;
}

int store_public_sessions_read(const struct db_call *c, struct arena *a,
		struct session **out, size_t *n)
{
	*n = db_rows_count(c->rows);
	if (!(*out = arena_calloc(a, *n ? *n : 1, sizeof(**out))))
		return DB_FAILED;
	sessions_from_rows(c->rows, *n, *out);
	return DB_OK;
}

/* Public feeds show the sessions a requester may see, whatever their
 * status once published (a cancellation must reach subscribed calendars):
 * INTER and flagged INTRA sessions that are or were confirmed. A feed
 * needs neither the local times (it has the instants) nor, for the public,
 * the trainers: left out, they were most of the time of a year's feed.
 * Its rows come unordered and slots_order sorts them: PostgreSQL sorting
 * a year of these wide rows (thousands, megabytes) took half the query.
 * The LIMIT is only a guard, far above a year of slots. */
static const struct db_stmt feed_public = { "feed_public_slots",
	SLOT_COLUMNS_WITH(" '' AS day, '' AS start, '' AS end,", " '' AS trainers, '' AS trainer_ids,")
	" WHERE s.starts_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris')"
	" AND s.starts_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')"
	" AND se.status IN ('confirmee', 'realisee', 'annulee') AND (se.kind = 'inter' OR se.public)"
	" AND c.status = 'published' AND ($3 = '' OR c.slug = $3) LIMIT 50000" };
/* A disabled trainer, or one whose staff account is disabled, has no feed
 * any more: the link is as dead as a wrong one. */
static const struct db_stmt trainer_by_token = { "trainer_by_feed_token",
	"SELECT t.id, t.name FROM trainer t LEFT JOIN staff_user u ON u.id = t.account_id"
	" WHERE t.feed_token = $1 AND t.active AND (u.id IS NULL OR u.active)" };
static const struct db_stmt feed_trainer = { "feed_trainer_slots",
	SLOT_COLUMNS " WHERE s.starts_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris')"
	" AND s.starts_at < ($2::date::timestamp AT TIME ZONE 'Europe/Paris')"
	" AND EXISTS (SELECT 1 FROM slot_trainer x WHERE x.slot_id = s.id AND x.trainer_id = $3::bigint)"
	" ORDER BY s.starts_at, s.id LIMIT 50000" };

/* A slot's place in a feed: by start, then id (ORDER BY s.starts_at, s.id). */
struct slot_key {
	long long start, id;
	size_t i;
};

static int slot_key_compare(const void *a, const void *b)
{
	const struct slot_key *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sorts the keys, then moves each slot to its place, cycle by cycle (a
 * sorted copy of a year's slots would be another megabyte). */
static int slots_order(struct arena *a, struct slot *s, size_t n)
{
	struct slot_key *k = arena_calloc(a, n ? n : 1, sizeof(*k));
	if (!k)
		return DB_FAILED;
	for (size_t i = 0; i < n; i++)
		k[i] = (struct slot_key){ strtoll(s[i].starts_epoch, NULL, 10),
			strtoll(s[i].id, NULL, 10), i };
	qsort(k, n, sizeof(*k), slot_key_compare);
	/* k[j].i is where the slot for place j is now. */
	for (size_t i = 0; i < n; i++) {
		if (k[i].i == i)
			continue;
		struct slot first = s[i];
		size_t j = i;
		while (k[j].i != i) {
			size_t from = k[j].i;
			s[j] = s[from];
			k[j].i = j;
			j = from;
		}
		s[j] = first;
		k[j].i = j;
	}
	return DB_OK;
}

int store_feed_public_slots(struct db *db, struct arena *a, const char *from, const char *to,
		const char *course_slug, struct slot **out, size_t *n)
{
	const char *p[] = { from, to, course_slug };
	/* Planned for the values given, like the calendar: the generic plan
	 * expected a handful of slots for a year's thousands. */
	int rc = slots_run(db, a, &feed_public, 3, p, out, n, 1);
	return rc == DB_OK ? slots_order(a, *out, *n) : rc;
}

int store_feed_trainer_slots(struct db *db, struct arena *a, const char *token,
		const char *from, const char *to, const char **trainer_name,
		struct slot **out, size_t *n)
{
	struct db_rows *r;
	const char *p1[] = { token };
	int rc = db_run(db, a, &trainer_by_token, 1, p1, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) != 1)
		return DB_NOT_FOUND;
	*trainer_name = db_get(r, 0, "name");
	const char *p2[] = { from, to, db_get(r, 0, "id") };
	return slots_run(db, a, &feed_trainer, 3, p2, out, n, 0);
}

/* --- sessions: create, change, status, duplicate ----------------------------- */

static const struct db_stmt create = { "session_create",
	"INSERT INTO session (course_id, kind, organisation, demand_id, place_id, min_participants,"
	" max_participants, status, registration_closes_on, public, notes)"
	" VALUES ($1::bigint, $2, $3, nullif($4, '')::bigint, nullif($5, '')::bigint, $6::int, $7::int,"
	" $8, nullif($9, '')::date, $10::boolean, $11) RETURNING id" };
static const struct db_stmt update = { "session_update",
	"UPDATE session se SET course_id = $2::bigint, kind = $3, organisation = $4,"
	" demand_id = nullif($5, '')::bigint, place_id = nullif($6, '')::bigint,"
	" min_participants = $7::int, max_participants = $8::int,"
	" registration_closes_on = nullif($9, '')::date, public = $10::boolean, notes = $11,"
	" version = version + 1, updated_at = now()"
	" WHERE se.id = $1 AND $8::int >= se.confirmed RETURNING id" };
static const struct db_stmt exists = { "session_exists", "SELECT 1 FROM session WHERE id = $1" };
static const struct db_stmt set_status = { "session_set_status",
	"UPDATE session SET status = $3, cancel_reason = CASE WHEN $3 = 'annulee' THEN $4 ELSE '' END,"
	" version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id" };
static const struct db_stmt cancel_slots = { "session_cancel_slots",
	"UPDATE slot SET cancelled = true, version = version + 1, updated_at = now()"
	" WHERE session_id = $1 AND NOT cancelled" };

int store_session_create(struct db *db, struct arena *a, const struct session_fields *f,
		const char **id)
{
	const char *p[] = { f->course_id, f->kind, f->organisation, f->demand_id, f->place_id,
		f->min_participants, f->max_participants, f->status, f->closes_on, f->public, f->notes };
	struct db_rows *r;
	int rc = db_run(db, a, &create, 11, p, &r);
	if (rc == DB_OK)
		*id = db_get(r, 0, "id");
	return rc;
}

static int finish_after(struct db *db, int rc, const struct store_after *after);

int store_session_update(struct db *db, const char *id, const struct session_fields *f,
		const struct store_after *after)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { id, f->course_id, f->kind, f->organisation, f->demand_id, f->place_id,
		f->min_participants, f->max_participants, f->closes_on, f->public, f->notes };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &update, 11, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0) {
		rc = db_run(db, a, &exists, 1, p, &r);
		if (rc == DB_OK)
			rc = db_rows_count(r) ? DB_CONFLICT : DB_NOT_FOUND;
	}
	rc = finish_after(db, rc, after);
	arena_free(a);
	return rc;
}

static int finish_after(struct db *db, int rc, const struct store_after *after)
{
	if (rc == DB_OK && after)
		rc = after->run(db, after->arg);
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return rc;
}

static int finish(struct db *db, int rc)
{
	return finish_after(db, rc, NULL);
}

int store_session_set_status(struct db *db, const char *id, const char *from, const char *to,
		const char *reason, const struct store_after *after)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { id, from, to, reason };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &set_status, 4, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_STALE;
	if (rc == DB_OK && strcmp(to, "annulee") == 0)
		rc = db_run(db, a, &cancel_slots, 1, p, NULL);
	rc = finish_after(db, rc, after);
	arena_free(a);
	return rc;
}

/* --- conflicts ---------------------------------------------------------------- */

#define CONFLICT_COLUMNS \
	"SELECT s.id AS slot_id, s.session_id, c.title AS course_title," \
	" to_char(s.day, 'YYYY-MM-DD') AS day, to_char(" LOCAL("s.starts_at") ", 'HH24:MI') AS start," \
	" to_char(" LOCAL("s.ends_at") ", 'HH24:MI') AS end"
#define CONFLICT_RANGE "tstzrange(to_timestamp($1::bigint), to_timestamp($2::bigint))"

static const struct db_stmt conflicts = { "slot_conflicts",
	CONFLICT_COLUMNS ", 'salle' AS what, r.name AS who"
	" FROM slot s JOIN session se ON se.id = s.session_id JOIN course c ON c.id = se.course_id"
	" JOIN room r ON r.id = s.room_id"
	" WHERE $3 <> '' AND s.room_id = nullif($3, '')::bigint AND NOT s.cancelled"
	" AND s.during && " CONFLICT_RANGE " AND ($5 = '' OR s.id <> nullif($5, '')::bigint)"
	" UNION ALL "
	CONFLICT_COLUMNS ", 'formateur' AS what, t.name AS who"
	" FROM slot_trainer st JOIN slot s ON s.id = st.slot_id JOIN trainer t ON t.id = st.trainer_id"
	" JOIN session se ON se.id = s.session_id JOIN course c ON c.id = se.course_id"
	" WHERE st.trainer_id = ANY ($4::bigint[]) AND NOT st.cancelled"
	" AND st.during && " CONFLICT_RANGE " AND ($5 = '' OR s.id <> nullif($5, '')::bigint)"
	" ORDER BY day, start LIMIT 20" };

/* Rows of a conflicts statement as struct slot_conflict. */
static int conflicts_from(struct db_rows *r, struct arena *a, struct slot_conflict **out, size_t *n)
{
	*n = db_rows_count(r);
	if (!(*out = arena_calloc(a, *n ? *n : 1, sizeof(**out))))
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct slot_conflict){ db_get(r, i, "slot_id"), db_get(r, i, "session_id"),
			db_get(r, i, "course_title"), db_get(r, i, "day"), db_get(r, i, "start"),
			db_get(r, i, "end"), db_get(r, i, "what"), db_get(r, i, "who") };
	return DB_OK;
}

int store_slot_conflicts(struct db *db, struct arena *a, int64_t starts_utc, int64_t ends_utc,
		const char *room_id, const char *trainer_ids, const char *except_id,
		struct slot_conflict **out, size_t *n)
{
	char from[24], to[24];
	snprintf(from, sizeof(from), "%" PRId64, starts_utc);
	snprintf(to, sizeof(to), "%" PRId64, ends_utc);
	const char *p[] = { from, to, room_id, trainer_ids, except_id };
	struct db_rows *r;
	int rc = db_run(db, a, &conflicts, 5, p, &r);
	return rc == DB_OK ? conflicts_from(r, a, out, n) : rc;
}

/* --- slots -------------------------------------------------------------------- */

static const struct db_stmt slot_insert = { "slot_insert",
	"INSERT INTO slot (session_id, day, starts_at, ends_at, part, remote, room_id, module_label,"
	" day_label, lunch_start, lunch_end) VALUES ($1::bigint, $2::date, to_timestamp($3::bigint),"
	" to_timestamp($4::bigint), $5, $6::boolean, nullif($7, '')::bigint, $8, $9,"
	" coalesce($10::time, '12:30'), coalesce($11::time, '13:30')) RETURNING id" };
static const struct db_stmt slot_trainers_add = { "slot_trainers_add",
	"INSERT INTO slot_trainer (slot_id, trainer_id)"
	/* the key only: an exclusion conflict (the trainer booked elsewhere
	 * meanwhile) must fail the booking, not drop the trainer silently */
	" SELECT $1::bigint, unnest($2::bigint[]) ON CONFLICT (slot_id, trainer_id) DO NOTHING" };
static const struct db_stmt slot_trainers_drop = { "slot_trainers_drop",
	"DELETE FROM slot_trainer WHERE slot_id = $1::bigint AND trainer_id <> ALL ($2::bigint[])" };
static const struct db_stmt slot_update = { "slot_update",
	"UPDATE slot SET day = $2::date, starts_at = to_timestamp($3::bigint),"
	" ends_at = to_timestamp($4::bigint), part = $5, remote = $6::boolean,"
	" room_id = nullif($7, '')::bigint, module_label = $8, day_label = $9,"
	" version = version + 1, updated_at = now()"
	" WHERE id = $1::bigint AND NOT cancelled RETURNING session_id" };
static const struct db_stmt slot_cancel = { "slot_cancel",
	"UPDATE slot SET cancelled = true, version = version + 1, updated_at = now()"
	" WHERE id = $1::bigint AND NOT cancelled RETURNING session_id" };
static const struct db_stmt session_touch = { "session_touch",
	"UPDATE session SET updated_at = now() WHERE id = $1::bigint" };

/* After the constraint said no (someone booked the same trainer or room
 * meanwhile), finds what is in the way to show it. */
static int explain_conflict(struct db *db, struct arena *a, int rc, const struct slot_fields *f,
		const char *except_id, struct slot_conflict **c, size_t *n)
{
	if (rc != DB_CONFLICT)
		return rc;
	int rc2 = store_slot_conflicts(db, a, f->starts_utc, f->ends_utc, f->room_id,
			f->trainer_ids, except_id, c, n);
	return rc2 == DB_OK ? DB_CONFLICT : rc2;
}

/* Checks first (a friendly answer without a failed statement in the
 * server's log); the constraint stays the last word in the transaction. */
static int precheck(struct db *db, struct arena *a, const struct slot_fields *f,
		const char *except_id, struct slot_conflict **c, size_t *n)
{
	int rc = store_slot_conflicts(db, a, f->starts_utc, f->ends_utc, f->room_id,
			f->trainer_ids, except_id, c, n);
	return rc == DB_OK && *n ? DB_CONFLICT : rc;
}

static void times_text(const struct slot_fields *f, char from[24], char to[24])
{
	snprintf(from, 24, "%" PRId64, f->starts_utc);
	snprintf(to, 24, "%" PRId64, f->ends_utc);
}

/* The slot and its trainers, within the caller's transaction. */
static int slot_insert_run(struct db *db, struct arena *a, const char *session_id,
		const struct slot_fields *f, const char **slot_id)
{
	char from[24], to[24];
	times_text(f, from, to);
	const char *p[] = { session_id, f->day, from, to, f->part, f->remote, f->room_id,
		f->module_label, f->day_label, f->lunch_start, f->lunch_end };
	struct db_rows *r;
	int rc = db_run(db, a, &slot_insert, 11, p, &r);
	if (rc == DB_OK) {
		*slot_id = db_get(r, 0, "id");
		const char *pt[] = { *slot_id, f->trainer_ids };
		rc = db_run(db, a, &slot_trainers_add, 2, pt, NULL);
	}
	return rc;
}

int store_slot_add(struct db *db, struct arena *a, const char *session_id,
		const struct slot_fields *f, const char **slot_id,
		struct slot_conflict **conflicts_out, size_t *n_conflicts, const struct store_after *after)
{
	*n_conflicts = 0;
	int rc = precheck(db, a, f, "", conflicts_out, n_conflicts);
	if (rc != DB_OK)
		return rc;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = slot_insert_run(db, a, session_id, f, slot_id);
	if (rc == DB_OK) {
		const char *p[] = { session_id };
		rc = db_run(db, a, &session_touch, 1, p, NULL);
	}
	rc = finish_after(db, rc, after);
	return explain_conflict(db, a, rc, f, "", conflicts_out, n_conflicts);
}

/* What is in the way of any of the slots, for the page to name. */
static int plan_conflicts(struct db *db, struct arena *a, const struct slot_fields *slots,
		size_t n_slots, struct slot_conflict **out, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < n_slots; i++) {
		int rc = store_slot_conflicts(db, a, slots[i].starts_utc, slots[i].ends_utc,
				slots[i].room_id, slots[i].trainer_ids, "", out, n);
		if (rc != DB_OK || *n)
			return rc;
	}
	return DB_OK;
}

int store_session_create_planned(struct db *db, struct arena *a, const struct session_fields *f,
		const struct slot_fields *slots, size_t n_slots, const char **id,
		struct slot_conflict **conflicts_out, size_t *n_conflicts)
{
	int rc = plan_conflicts(db, a, slots, n_slots, conflicts_out, n_conflicts);
	if (rc != DB_OK || *n_conflicts)
		return rc != DB_OK ? rc : DB_CONFLICT;
	const char *p[] = { f->course_id, f->kind, f->organisation, f->demand_id, f->place_id,
		f->min_participants, f->max_participants, f->status, f->closes_on, f->public, f->notes };
	struct db_rows *r;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = db_run(db, a, &create, 11, p, &r);
	if (rc == DB_OK)
		*id = db_get(r, 0, "id");
	for (size_t i = 0; rc == DB_OK && i < n_slots; i++) {
		const char *slot_id;
		rc = slot_insert_run(db, a, *id, &slots[i], &slot_id);
	}
	rc = finish(db, rc);
	/* booked by someone else meanwhile: the constraint said no */
	if (rc == DB_CONFLICT && plan_conflicts(db, a, slots, n_slots, conflicts_out, n_conflicts) != DB_OK)
		*n_conflicts = 0;
	return rc;
}

int store_slot_move(struct db *db, struct arena *a, const char *slot_id,
		const struct slot_fields *f, struct slot_conflict **conflicts_out, size_t *n_conflicts,
		const struct store_after *after)
{
	*n_conflicts = 0;
	int rc = precheck(db, a, f, slot_id, conflicts_out, n_conflicts);
	if (rc != DB_OK)
		return rc;
	char from[24], to[24];
	times_text(f, from, to);
	const char *p[] = { slot_id, f->day, from, to, f->part, f->remote, f->room_id,
		f->module_label, f->day_label };
	const char *pt[] = { slot_id, f->trainer_ids };
	struct db_rows *r;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	/* Trainers leaving the slot go first, so that moving it never
	 * conflicts on their account. */
	rc = db_run(db, a, &slot_trainers_drop, 2, pt, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &slot_update, 9, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		rc = db_run(db, a, &slot_trainers_add, 2, pt, NULL);
	if (rc == DB_OK) {
		const char *ps[] = { db_get(r, 0, "session_id") };
		rc = db_run(db, a, &session_touch, 1, ps, NULL);
	}
	rc = finish_after(db, rc, after);
	return explain_conflict(db, a, rc, f, slot_id, conflicts_out, n_conflicts);
}

int store_slot_cancel(struct db *db, const char *slot_id, const struct store_after *after)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { slot_id };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &slot_cancel, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK) {
		const char *ps[] = { db_get(r, 0, "session_id") };
		rc = db_run(db, a, &session_touch, 1, ps, NULL);
	}
	rc = finish_after(db, rc, after);
	arena_free(a);
	return rc;
}

/* Same local times on the new days, whatever the summer time change
 * between: (day + local time) AT TIME ZONE 'Europe/Paris'. */
static const struct db_stmt duplicate_session = { "session_duplicate",
	"INSERT INTO session (course_id, kind, organisation, place_id, min_participants,"
	" max_participants, status, registration_closes_on, public, notes)"
	" SELECT course_id, kind, organisation, place_id, min_participants, max_participants,"
	" 'envisagee', registration_closes_on + $2::int, public, notes FROM session WHERE id = $1::bigint"
	" RETURNING id" };
static const struct db_stmt duplicate_slots = { "session_duplicate_slots",
	"WITH src AS (SELECT s.*, nextval(pg_get_serial_sequence('slot', 'id')) AS new_id FROM slot s"
	"   WHERE s.session_id = $1::bigint AND NOT s.cancelled),"
	" ins AS (INSERT INTO slot (id, session_id, day, starts_at, ends_at, part, remote, room_id,"
	"   module_label, day_label) OVERRIDING SYSTEM VALUE"
	"   SELECT new_id, $2::bigint, day + $3::int,"
	"   ((day + $3::int) + " LOCAL("starts_at") "::time) AT TIME ZONE 'Europe/Paris',"
	"   ((day + $3::int) + " LOCAL("ends_at") "::time) AT TIME ZONE 'Europe/Paris',"
	"   part, remote, room_id, module_label, day_label FROM src RETURNING id, during)"
	" INSERT INTO slot_trainer (slot_id, trainer_id, during)"
	" SELECT i.id, st.trainer_id, i.during FROM src JOIN ins i ON i.id = src.new_id"
	" JOIN slot_trainer st ON st.slot_id = src.id" };
/* What is in the way of the copy: each copied slot against the others. */
static const struct db_stmt duplicate_conflicts = { "session_duplicate_conflicts",
	"WITH src AS (SELECT s.id, s.room_id, tstzrange("
	"   ((s.day + $2::int) + " LOCAL("s.starts_at") "::time) AT TIME ZONE 'Europe/Paris',"
	"   ((s.day + $2::int) + " LOCAL("s.ends_at") "::time) AT TIME ZONE 'Europe/Paris') AS during"
	"   FROM slot s WHERE s.session_id = $1::bigint AND NOT s.cancelled)"
	" SELECT o.id AS slot_id, o.session_id, c.title AS course_title,"
	" to_char(o.day, 'YYYY-MM-DD') AS day, to_char(" LOCAL("o.starts_at") ", 'HH24:MI') AS start,"
	" to_char(" LOCAL("o.ends_at") ", 'HH24:MI') AS end, 'salle' AS what, r.name AS who"
	" FROM src JOIN slot o ON o.room_id = src.room_id AND NOT o.cancelled AND o.during && src.during"
	" JOIN room r ON r.id = o.room_id JOIN session se ON se.id = o.session_id"
	" JOIN course c ON c.id = se.course_id"
	" UNION ALL"
	" SELECT o.id, o.session_id, c.title, to_char(o.day, 'YYYY-MM-DD'),"
	" to_char(" LOCAL("o.starts_at") ", 'HH24:MI'), to_char(" LOCAL("o.ends_at") ", 'HH24:MI'),"
	" 'formateur', t.name"
	" FROM src JOIN slot_trainer mine ON mine.slot_id = src.id"
	" JOIN slot_trainer ot ON ot.trainer_id = mine.trainer_id AND NOT ot.cancelled"
	"   AND ot.during && src.during"
	" JOIN slot o ON o.id = ot.slot_id JOIN trainer t ON t.id = ot.trainer_id"
	" JOIN session se ON se.id = o.session_id JOIN course c ON c.id = se.course_id"
	" ORDER BY 4, 5 LIMIT 20" };


int store_session_duplicate(struct db *db, struct arena *a, const char *id, int days,
		const char **new_id, struct slot_conflict **conflicts_out, size_t *n_conflicts)
{
	char shift[16];
	snprintf(shift, sizeof(shift), "%d", days);
	const char *pc[] = { id, shift };
	struct db_rows *r;
	*n_conflicts = 0;
	int rc = db_run(db, a, &duplicate_conflicts, 2, pc, &r);
	if (rc == DB_OK && (rc = conflicts_from(r, a, conflicts_out, n_conflicts)) == DB_OK &&
			*n_conflicts)
		return DB_CONFLICT;
	if (rc != DB_OK || (rc = db_begin(db)) != DB_OK)
		return rc;
	rc = db_run(db, a, &duplicate_session, 2, pc, &r);
	if (rc == DB_OK) {
		*new_id = db_get(r, 0, "id");
		const char *ps[] = { id, *new_id, shift };
		rc = db_run(db, a, &duplicate_slots, 3, ps, NULL);
	}
	rc = finish(db, rc);
	if (rc == DB_CONFLICT && db_run(db, a, &duplicate_conflicts, 2, pc, &r) == DB_OK)
		(void)conflicts_from(r, a, conflicts_out, n_conflicts);
	return rc;
}

/* --- choices for the forms ------------------------------------------------------ */

static const struct db_stmt rooms = { "choice_rooms",
	"SELECT r.id, r.name || ' (' || r.capacity || ' places)' AS label, p.name AS grp"
	" FROM room r JOIN place p ON p.id = r.place_id ORDER BY p.name, r.name" };
static const struct db_stmt places = { "choice_places",
	"SELECT id, name || CASE WHEN city <> '' THEN ', ' || city ELSE '' END"
	" || ' (' || capacity || ' places)' AS label, '' AS grp FROM place ORDER BY name" };
static const struct db_stmt trainers = { "choice_trainers",
	"SELECT id, name AS label, kind AS grp FROM trainer WHERE active ORDER BY name" };
static const struct db_stmt courses = { "choice_courses",
	"SELECT id, title AS label, kind AS grp FROM course WHERE status <> 'archived' ORDER BY title" };
static const struct db_stmt programme = { "choice_programme",
	"SELECT d.id, d.heading AS label,"
	" trim(m.number || CASE WHEN m.number <> '' AND m.title <> '' THEN ' : ' ELSE '' END"
	"   || m.title) AS grp, m.number"
	" FROM course_module m JOIN course_day d ON d.module_id = m.id"
	" WHERE m.course_id = $1::bigint ORDER BY m.position, d.position" };

static int choices_of(const struct db_rows *r, struct arena *a, struct choice **out, size_t *n)
{
	*n = db_rows_count(r);
	if (!(*out = arena_calloc(a, *n ? *n : 1, sizeof(**out))))
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct choice){ db_get(r, i, "id"), db_get(r, i, "label"),
			db_get(r, i, "grp") };
	return DB_OK;
}

static int choices_run(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, struct choice **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, stmt, np, p, &r);
	return rc == DB_OK ? choices_of(r, a, out, n) : rc;
}

int store_room_choices(struct db *db, struct arena *a, struct choice **out, size_t *n)
{
	return choices_run(db, a, &rooms, 0, NULL, out, n);
}

int store_place_choices(struct db *db, struct arena *a, struct choice **out, size_t *n)
{
	return choices_run(db, a, &places, 0, NULL, out, n);
}

int store_trainer_choices(struct db *db, struct arena *a, struct choice **out, size_t *n)
{
	return choices_run(db, a, &trainers, 0, NULL, out, n);
}

int store_course_choices(struct db *db, struct arena *a, struct choice **out, size_t *n)
{
	return choices_run(db, a, &courses, 0, NULL, out, n);
}

void store_course_choices_call(struct db_call *c)
{
	*c = (struct db_call){ .stmt = &courses };
}

int store_course_choices_read(const struct db_call *c, struct arena *a, struct choice **out, size_t *n)
{
	return choices_of(c->rows, a, out, n);
}

int store_programme_choices(struct db *db, struct arena *a, const char *course_id,
		struct choice **out, size_t *n)
{
	const char *p[] = { course_id };
	return choices_run(db, a, &programme, 1, p, out, n);
}

static const struct db_stmt trainer_of_account = { "trainer_of_account",
	"SELECT id FROM trainer WHERE account_id = $1::bigint" };
static const struct db_stmt place_capacity = { "place_capacity",
	"SELECT capacity FROM place WHERE id = $1::bigint" };
static const struct db_stmt unknown_trainers = { "unknown_trainers",
	"SELECT coalesce(string_agg(x::text, ', '), '') AS ids FROM unnest($1::bigint[]) x"
	" WHERE NOT EXISTS (SELECT 1 FROM trainer t WHERE t.id = x AND t.active)" };

/* One value of a one-row statement, "" when there is no row. */
static int one_value(struct db *db, struct arena *a, const struct db_stmt *stmt,
		const char *param, const char *col, const char **out)
{
	const char *p[] = { param };
	struct db_rows *r;
	int rc = db_run(db, a, stmt, 1, p, &r);
	if (rc == DB_OK)
		*out = db_get(r, 0, col);
	return rc;
}

int store_trainer_of_account(struct db *db, struct arena *a, const char *account_id,
		const char **trainer_id)
{
	return one_value(db, a, &trainer_of_account, account_id, "id", trainer_id);
}

int store_place_capacity(struct db *db, struct arena *a, const char *place_id, const char **cap)
{
	return one_value(db, a, &place_capacity, place_id, "capacity", cap);
}

int store_unknown_trainers(struct db *db, struct arena *a, const char *trainer_ids,
		const char **unknown)
{
	return one_value(db, a, &unknown_trainers, trainer_ids, "ids", unknown);
}

int store_sessions_of_course_open(struct db *db, struct arena *a, const char *course_id,
		struct session **out, size_t *n)
{
	const char *p[] = { course_id };
	return sessions_run(db, a, &of_course_open, 1, p, out, n, 0);
}

int store_sessions_to_decide(struct db *db, struct arena *a, const char *today, int days,
		struct session **out, size_t *n)
{
	char d[16];
	snprintf(d, sizeof(d), "%d", days);
	const char *p[] = { today, d };
	return sessions_run(db, a, &to_decide, 2, p, out, n, 0);
}
