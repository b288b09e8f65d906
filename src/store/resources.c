#include "store/resources.h"

#include <string.h>

#include "base/arena.h"
#include "store/db.h"

#define PLACE_COLUMNS "p.id, p.name, p.address, p.city, p.access, p.capacity," \
	" p.accessibility, p.remote," \
	" (SELECT count(*) FROM room r WHERE r.place_id = p.id) AS rooms," \
	" (SELECT coalesce(max(r.capacity), 0) FROM room r WHERE r.place_id = p.id) AS max_room"

static const struct db_stmt places_list = { "res_places_list",
	"SELECT " PLACE_COLUMNS " FROM place p ORDER BY p.name, p.id" };
static const struct db_stmt place_by_id = { "res_place_by_id",
	"SELECT " PLACE_COLUMNS " FROM place p WHERE p.id = $1::bigint" };
/* ON CONFLICT answers a taken name without an error in the server's log. */
static const struct db_stmt place_create = { "res_place_create",
	"INSERT INTO place (name, address, city, access, capacity, accessibility, remote)"
	" VALUES ($1, $2, $3, $4, $5::int, $6, $7::boolean)"
	" ON CONFLICT (name) DO NOTHING RETURNING id" };
static const struct db_stmt place_update = { "res_place_update",
	"UPDATE place SET name = $2, address = $3, city = $4, access = $5, capacity = $6::int,"
	" accessibility = $7, remote = $8::boolean"
	" WHERE id = $1::bigint"
	" AND $6::int >= (SELECT coalesce(max(capacity), 0) FROM room WHERE place_id = $1::bigint)"
	" RETURNING id" };
static const struct db_stmt place_name_taken = { "res_place_name_taken",
	"SELECT count(*) AS n FROM place WHERE name = $1"
	" AND ($2::bigint IS NULL OR id <> $2::bigint)" };

static const struct db_stmt rooms_of_place = { "res_rooms_of_place",
	"SELECT r.id, r.name, r.capacity, r.accessibility,"
	" (SELECT count(*) FROM slot s WHERE s.room_id = r.id) AS slots"
	" FROM room r WHERE r.place_id = $1::bigint ORDER BY r.name, r.id" };
/* The place's row is locked while the room is added, so that a capacity
 * changed at the same moment is seen. */
static const struct db_stmt room_add = { "res_room_add",
	"WITH p AS (SELECT id FROM place WHERE id = $1::bigint AND capacity >= $3::int FOR UPDATE)"
	" INSERT INTO room (place_id, name, capacity, accessibility)"
	" SELECT p.id, $2, $3::int, $4 FROM p RETURNING id" };
static const struct db_stmt room_update = { "res_room_update",
	"UPDATE room r SET name = $3, capacity = $4::int, accessibility = $5 FROM place p"
	" WHERE r.id = $2::bigint AND r.place_id = $1::bigint AND p.id = r.place_id"
	" AND p.capacity >= $4::int RETURNING r.id" };
static const struct db_stmt room_delete = { "res_room_delete",
	"DELETE FROM room WHERE id = $2::bigint AND place_id = $1::bigint RETURNING id" };

#define TRAINER_COLUMNS "t.id, t.name, t.kind, t.email, t.phone, t.organisation," \
	" t.account_id, coalesce(u.display_name, '') AS account_name, t.feed_token, t.active," \
	" (SELECT count(*) FROM trainer_course tc WHERE tc.trainer_id = t.id) AS courses"

static const struct db_stmt trainers_list = { "res_trainers_list",
	"SELECT " TRAINER_COLUMNS " FROM trainer t LEFT JOIN staff_user u ON u.id = t.account_id"
	" ORDER BY t.active DESC, t.name, t.id" };
static const struct db_stmt trainer_by_id = { "res_trainer_by_id",
	"SELECT " TRAINER_COLUMNS " FROM trainer t LEFT JOIN staff_user u ON u.id = t.account_id"
	" WHERE t.id = $1::bigint" };
static const struct db_stmt trainer_create = { "res_trainer_create",
	"INSERT INTO trainer (name, kind, email, phone, organisation, account_id, feed_token)"
	" SELECT $1, $2, $3, $4, $5, $6::bigint, $7"
	" WHERE $6::bigint IS NULL"
	" OR EXISTS (SELECT 1 FROM staff_user WHERE id = $6::bigint AND role = 'formateur')"
	" RETURNING id" };
/* An account already linked stays allowed even if its role changed since. */
static const struct db_stmt trainer_update = { "res_trainer_update",
	"UPDATE trainer SET name = $2, kind = $3, email = $4, phone = $5, organisation = $6,"
	" account_id = $7::bigint, active = $8::boolean"
	" WHERE id = $1::bigint AND ($7::bigint IS NULL OR account_id = $7::bigint"
	" OR EXISTS (SELECT 1 FROM staff_user WHERE id = $7::bigint AND role = 'formateur'))"
	" RETURNING id" };
static const struct db_stmt trainer_exists = { "res_trainer_exists",
	"SELECT id FROM trainer WHERE id = $1::bigint" };
static const struct db_stmt trainer_lock = { "res_trainer_lock",
	"SELECT id FROM trainer WHERE id = $1::bigint FOR UPDATE" };
static const struct db_stmt trainer_set_token = { "res_trainer_set_token",
	"UPDATE trainer SET feed_token = $2 WHERE id = $1::bigint RETURNING id" };
static const struct db_stmt trainer_choices = { "res_trainer_choices",
	"SELECT c.id, c.title, c.status, EXISTS (SELECT 1 FROM trainer_course tc"
	"  WHERE tc.trainer_id = $1::bigint AND tc.course_id = c.id) AS chosen"
	" FROM course c WHERE c.status IN ('published', 'draft') ORDER BY c.title, c.id" };
static const struct db_stmt trainer_courses_clear = { "res_trainer_courses_clear",
	"DELETE FROM trainer_course tc USING course c"
	" WHERE tc.trainer_id = $1::bigint AND c.id = tc.course_id"
	" AND c.status IN ('published', 'draft')" };
static const struct db_stmt trainer_courses_add = { "res_trainer_courses_add",
	"INSERT INTO trainer_course (trainer_id, course_id)"
	" SELECT $1::bigint, c.id FROM course c"
	" WHERE c.id = ANY ($2::bigint[]) AND c.status IN ('published', 'draft')"
	" ON CONFLICT DO NOTHING" };
static const struct db_stmt trainer_accounts = { "res_trainer_accounts",
	"SELECT u.id, u.display_name, u.email FROM staff_user u"
	" WHERE (u.role = 'formateur' AND u.active AND NOT EXISTS (SELECT 1 FROM trainer t"
	"   WHERE t.account_id = u.id AND ($1::bigint IS NULL OR t.id <> $1::bigint)))"
	" OR u.id = (SELECT account_id FROM trainer WHERE id = $1::bigint)"
	" ORDER BY u.display_name, u.id" };

static int is_true(const char *s)
{
	return strcmp(s, "t") == 0;
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* Runs a statement and answers `none` when it returned no row. */
static int run_one(struct db *db, struct arena *a, const struct db_stmt *stmt, int np,
		const char *const *p, int none, struct db_rows **out)
{
	struct db_rows *r;
	int rc = db_run(db, a, stmt, np, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = none;
	if (rc == DB_OK && out)
		*out = r;
	return rc;
}

static void place_from_row(const struct db_rows *r, size_t i, struct place *p)
{
	*p = (struct place){
		.id = db_get(r, i, "id"),
		.name = db_get(r, i, "name"),
		.address = db_get(r, i, "address"),
		.city = db_get(r, i, "city"),
		.access = db_get(r, i, "access"),
		.capacity = db_get(r, i, "capacity"),
		.accessibility = db_get(r, i, "accessibility"),
		.remote = is_true(db_get(r, i, "remote")),
		.rooms = db_get(r, i, "rooms"),
		.max_room = db_get(r, i, "max_room"),
	};
}

int store_places_list(struct db *db, struct arena *a, struct place **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &places_list, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		place_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

int store_place_by_id(struct db *db, struct arena *a, const char *id, struct place *out)
{
	const char *p[] = { id };
	struct db_rows *r;
	int rc = run_one(db, a, &place_by_id, 1, p, DB_NOT_FOUND, &r);
	if (rc == DB_OK)
		place_from_row(r, 0, out);
	return rc;
}

int store_place_create(struct db *db, struct arena *a, const struct place *pl, const char **id)
{
	const char *p[] = { pl->name, pl->address, pl->city, pl->access, pl->capacity,
		pl->accessibility, pl->remote ? "true" : "false" };
	struct db_rows *r;
	int rc = run_one(db, a, &place_create, 7, p, DB_CONFLICT, &r);
	if (rc == DB_OK && id)
		*id = db_get(r, 0, "id");
	return rc;
}

int store_place_update(struct db *db, struct arena *a, const struct place *pl)
{
	const char *p[] = { pl->id, pl->name, pl->address, pl->city, pl->access, pl->capacity,
		pl->accessibility, pl->remote ? "true" : "false" };
	return run_one(db, a, &place_update, 8, p, DB_STALE, NULL);
}

int store_place_name_taken(struct db *db, struct arena *a, const char *name,
		const char *except_id, int *taken)
{
	const char *p[] = { name, or_null(except_id) };
	struct db_rows *r;
	int rc = db_run(db, a, &place_name_taken, 2, p, &r);
	if (rc == DB_OK)
		*taken = strcmp(db_get(r, 0, "n"), "0") != 0;
	return rc;
}

int store_rooms_of_place(struct db *db, struct arena *a, const char *place_id,
		struct room **out, size_t *n)
{
	const char *p[] = { place_id };
	struct db_rows *r;
	int rc = db_run(db, a, &rooms_of_place, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct room){
			.id = db_get(r, i, "id"),
			.name = db_get(r, i, "name"),
			.capacity = db_get(r, i, "capacity"),
			.accessibility = db_get(r, i, "accessibility"),
			.slots = db_get(r, i, "slots"),
		};
	return DB_OK;
}

int store_room_add(struct db *db, struct arena *a, const char *place_id, const struct room *rm,
		const char **id)
{
	const char *p[] = { place_id, rm->name, rm->capacity, rm->accessibility };
	struct db_rows *r;
	int rc = run_one(db, a, &room_add, 4, p, DB_STALE, &r);
	if (rc == DB_OK && id)
		*id = db_get(r, 0, "id");
	return rc;
}

int store_room_update(struct db *db, struct arena *a, const char *place_id, const struct room *rm)
{
	const char *p[] = { place_id, rm->id, rm->name, rm->capacity, rm->accessibility };
	return run_one(db, a, &room_update, 5, p, DB_STALE, NULL);
}

int store_room_delete(struct db *db, struct arena *a, const char *place_id, const char *room_id)
{
	const char *p[] = { place_id, room_id };
	return run_one(db, a, &room_delete, 2, p, DB_NOT_FOUND, NULL);
}

static void trainer_from_row(const struct db_rows *r, size_t i, struct trainer *t)
{
	*t = (struct trainer){
		.id = db_get(r, i, "id"),
		.name = db_get(r, i, "name"),
		.kind = db_get(r, i, "kind"),
		.email = db_get(r, i, "email"),
		.phone = db_get(r, i, "phone"),
		.organisation = db_get(r, i, "organisation"),
		.account_id = db_get(r, i, "account_id"),
		.account_name = db_get(r, i, "account_name"),
		.feed_token = db_get(r, i, "feed_token"),
		.active = is_true(db_get(r, i, "active")),
		.courses = db_get(r, i, "courses"),
	};
}

int store_trainers_list(struct db *db, struct arena *a, struct trainer **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &trainers_list, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		trainer_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

int store_trainer_by_id(struct db *db, struct arena *a, const char *id, struct trainer *out)
{
	const char *p[] = { id };
	struct db_rows *r;
	int rc = run_one(db, a, &trainer_by_id, 1, p, DB_NOT_FOUND, &r);
	if (rc == DB_OK)
		trainer_from_row(r, 0, out);
	return rc;
}

int store_trainer_create(struct db *db, struct arena *a, const struct trainer *t, const char **id)
{
	const char *p[] = { t->name, t->kind, t->email, t->phone, t->organisation,
		or_null(t->account_id), t->feed_token };
	struct db_rows *r;
	int rc = run_one(db, a, &trainer_create, 7, p, DB_STALE, &r);
	if (rc == DB_OK && id)
		*id = db_get(r, 0, "id");
	return rc;
}

int store_trainer_update(struct db *db, struct arena *a, const struct trainer *t)
{
	const char *p[] = { t->id, t->name, t->kind, t->email, t->phone, t->organisation,
		or_null(t->account_id), t->active ? "true" : "false" };
	int rc = run_one(db, a, &trainer_update, 8, p, DB_STALE, NULL);
	if (rc == DB_STALE) {
		/* Tell a trainer that is gone from an account that may not be linked. */
		const char *q[] = { t->id };
		int found = run_one(db, a, &trainer_exists, 1, q, DB_NOT_FOUND, NULL);
		if (found != DB_OK)
			return found;
	}
	return rc;
}

int store_trainer_set_feed_token(struct db *db, struct arena *a, const char *id, const char *token)
{
	const char *p[] = { id, token };
	return run_one(db, a, &trainer_set_token, 2, p, DB_NOT_FOUND, NULL);
}

int store_trainer_course_choices(struct db *db, struct arena *a, const char *trainer_id,
		struct trainer_course_choice **out, size_t *n)
{
	const char *p[] = { or_null(trainer_id) };
	struct db_rows *r;
	int rc = db_run(db, a, &trainer_choices, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct trainer_course_choice){
			.id = db_get(r, i, "id"),
			.title = db_get(r, i, "title"),
			.status = db_get(r, i, "status"),
			.chosen = is_true(db_get(r, i, "chosen")),
		};
	return DB_OK;
}

/* The ids as a PostgreSQL array parameter ("{1,2,3}"): a value, never SQL
 * text. NULL when an id is not plain digits or out of memory. */
static char *id_array(struct arena *a, const char *const *ids, size_t n)
{
	size_t len = 3;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(ids[i]);
		if (l == 0 || l > 18 || strspn(ids[i], "0123456789") != l)
			return NULL;
		len += l + 1;
	}
	char *s = arena_alloc(a, len);
	if (!s)
		return NULL;
	char *w = s;
	*w++ = '{';
	for (size_t i = 0; i < n; i++) {
		if (i)
			*w++ = ',';
		size_t l = strlen(ids[i]);
		memcpy(w, ids[i], l);
		w += l;
	}
	*w++ = '}';
	*w = '\0';
	return s;
}

int store_trainer_set_courses(struct db *db, struct arena *a, const char *trainer_id,
		const char *const *course_ids, size_t n)
{
	char *array = id_array(a, course_ids, n);
	if (!array)
		return DB_FAILED;
	const char *p[] = { trainer_id, array };
	int rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	rc = run_one(db, a, &trainer_lock, 1, p, DB_NOT_FOUND, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &trainer_courses_clear, 1, p, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &trainer_courses_add, 2, p, NULL);
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	return rc;
}

int store_trainer_free_accounts(struct db *db, struct arena *a, const char *trainer_id,
		struct trainer_account **out, size_t *n)
{
	const char *p[] = { or_null(trainer_id) };
	struct db_rows *r;
	int rc = db_run(db, a, &trainer_accounts, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct trainer_account){
			.id = db_get(r, i, "id"),
			.name = db_get(r, i, "display_name"),
			.email = db_get(r, i, "email"),
		};
	return DB_OK;
}
