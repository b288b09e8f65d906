#include "store/registrations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "store/db.h"

#define ACTIVE "('demandee', 'confirmee', 'attente')"
#define REGISTRATION_COLUMNS \
	"SELECT r.id, r.session_id, r.participant_id, r.status," \
	" coalesce(r.waiting_rank::text, '') AS waiting_rank, r.token," \
	" coalesce(r.demand_id::text, '') AS demand_id, p.last_name, p.first_name, p.email," \
	" p.organisation, p.job_title," \
	" to_char(r.changed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS changed_at," \
	" r.changed_by, r.reason," \
	" coalesce(to_char(r.convocation_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), '') AS convocation_at," \
	" r.version," \
	/* the adaptation planned for the person: trainers see it, not the need */ \
	" coalesce((SELECT n.decision FROM accessibility_need n WHERE n.registration_id = r.id" \
	"   AND n.status = 'adaptation_prevue' ORDER BY n.id DESC LIMIT 1), '') AS adaptation," \
	" coalesce(d.email, '') AS requester_email" \
	" FROM registration r JOIN participant p ON p.id = r.participant_id" \
	" LEFT JOIN demand d ON d.id = r.demand_id"

static const struct db_stmt of_session = { "registrations_of_session",
	REGISTRATION_COLUMNS " WHERE r.session_id = $1::bigint"
	" ORDER BY CASE r.status WHEN 'confirmee' THEN 0 WHEN 'attente' THEN 1 WHEN 'demandee' THEN 2"
	" ELSE 3 END, r.waiting_rank, lower(p.last_name), lower(p.first_name), r.id" };
static const struct db_stmt of_demand = { "registrations_of_demand",
	REGISTRATION_COLUMNS " WHERE r.demand_id = $1::bigint"
	" ORDER BY CASE WHEN r.status IN " ACTIVE " THEN 0 ELSE 1 END, lower(p.last_name),"
	" lower(p.first_name), r.id" };
static const struct db_stmt by_id = { "registration_by_id",
	REGISTRATION_COLUMNS " WHERE r.id = $1::bigint" };
static const struct db_stmt by_token = { "registration_by_token",
	REGISTRATION_COLUMNS " WHERE r.token = $1" };

/* A known address keeps its person's name: what a requester types for a
 * colleague does not rename them; an organisation or a function they had
 * not is filled in. */
static const struct db_stmt participant_upsert = { "participant_upsert",
	"INSERT INTO participant (last_name, first_name, email, organisation, job_title)"
	" VALUES ($1, $2, $3, $4, $5)"
	" ON CONFLICT (email) WHERE email <> '' DO UPDATE SET"
	" organisation = CASE WHEN participant.organisation = '' THEN EXCLUDED.organisation"
	"   ELSE participant.organisation END,"
	" job_title = CASE WHEN participant.job_title = '' THEN EXCLUDED.job_title"
	"   ELSE participant.job_title END, updated_at = now()"
	" RETURNING id" };
static const struct db_stmt insert = { "registration_insert",
	"WITH r AS (INSERT INTO registration (session_id, participant_id, status, demand_id, changed_by)"
	"   VALUES ($1::bigint, $2::bigint, $3, nullif($4, '')::bigint, $5) RETURNING id, status),"
	" e AS (INSERT INTO registration_event (registration_id, kind, to_status, actor)"
	"   SELECT id, CASE WHEN status = 'attente' THEN 'attente' ELSE 'inscription' END, status, $5"
	"   FROM r)"
	" SELECT id FROM r" };
static const struct db_stmt set_status = { "registration_set_status",
	"WITH u AS (UPDATE registration SET status = $3, changed_by = $4, reason = $5, changed_at = now(),"
	"   version = version + CASE WHEN $3 IN ('annulee', 'excusee') THEN 1 ELSE 0 END"
	"   WHERE id = $1::bigint AND status = $2 RETURNING id, status),"
	" e AS (INSERT INTO registration_event (registration_id, kind, from_status, to_status, actor, comment)"
	"   SELECT id, $6, $2, status, $4, $5 FROM u)"
	" SELECT status FROM u" };
/* The first of the list; the trigger keeps them waiting if no seat is
 * free after all. */
static const struct db_stmt promote = { "registration_promote",
	"WITH first AS (SELECT id FROM registration WHERE session_id = $1::bigint AND status = 'attente'"
	"   ORDER BY waiting_rank LIMIT 1 FOR UPDATE),"
	" u AS (UPDATE registration r SET status = 'confirmee', changed_by = $2, reason = '',"
	"   changed_at = now() FROM first WHERE r.id = first.id RETURNING r.id, r.status),"
	" e AS (INSERT INTO registration_event (registration_id, kind, from_status, to_status, actor,"
	"   comment) SELECT id, 'promotion', 'attente', status, $2, 'Une place s''est libérée.' FROM u"
	"   WHERE status = 'confirmee')"
	" SELECT id, status FROM u" };
/* Ranks 1, 2, 3... again after someone left the list. */
static const struct db_stmt renumber = { "registration_renumber",
	"UPDATE registration r SET waiting_rank = x.n FROM (SELECT id, row_number() OVER"
	"   (ORDER BY waiting_rank, id)::int AS n FROM registration"
	"   WHERE session_id = $1::bigint AND status = 'attente') x"
	" WHERE r.id = x.id AND r.waiting_rank <> x.n" };
static const struct db_stmt waiting_set = { "registration_waiting_set",
	"WITH old AS (SELECT id, waiting_rank FROM registration"
	"   WHERE session_id = $1::bigint AND status = 'attente'),"
	" u AS (UPDATE registration r SET waiting_rank = x.rank::int"
	"   FROM unnest($2::bigint[]) WITH ORDINALITY AS x (id, rank)"
	"   WHERE r.id = x.id AND r.session_id = $1::bigint AND r.status = 'attente'"
	"   RETURNING r.id, r.waiting_rank),"
	" e AS (INSERT INTO registration_event (registration_id, kind, from_status, to_status, actor,"
	"   comment) SELECT u.id, 'rang', 'attente', 'attente', $3,"
	"   'Rang ' || o.waiting_rank || ' → ' || u.waiting_rank FROM u JOIN old o ON o.id = u.id"
	"   WHERE o.waiting_rank <> u.waiting_rank)"
	" SELECT (SELECT count(*) FROM u) AS changed, (SELECT count(*) FROM old) AS waiting" };
static const struct db_stmt move = { "registration_move",
	"WITH u AS (UPDATE registration SET session_id = $2::bigint, status = 'confirmee',"
	"   waiting_rank = NULL, version = version + 1, changed_by = $4, changed_at = now(),"
	"   reason = $5 WHERE id = $1::bigint AND session_id = $3::bigint AND status = $6"
	"   RETURNING id, status),"
	" e AS (INSERT INTO registration_event (registration_id, kind, from_status, to_status, actor,"
	"   comment) SELECT id, 'deplacement', $6, status, $4, $5 FROM u)"
	" SELECT status FROM u" };
static const struct db_stmt cancel_session = { "registrations_cancel_session",
	"WITH u AS (UPDATE registration SET status = 'annulee', waiting_rank = NULL, changed_by = $2,"
	"   reason = $3, changed_at = now(), version = version + 1"
	"   WHERE session_id = $1::bigint AND status IN " ACTIVE " RETURNING id, status)"
	" INSERT INTO registration_event (registration_id, kind, to_status, actor, comment)"
	" SELECT id, 'annulation', status, $2, $3 FROM u" };
static const struct db_stmt convoked = { "registration_convoked",
	"WITH u AS (UPDATE registration SET convocation_at = now() WHERE id = $1::bigint RETURNING id)"
	" INSERT INTO registration_event (registration_id, kind, actor) SELECT id, 'convocation', ''"
	" FROM u" };
static const struct db_stmt find = { "participants_find",
	"SELECT id, last_name, first_name, email, organisation, job_title FROM participant"
	" WHERE lower(last_name) LIKE $1 ESCAPE '\\' ORDER BY lower(last_name), lower(first_name), id"
	" LIMIT $2::int" };

static void from_row(const struct db_rows *r, size_t i, struct registration *g)
{
#define X(f) g->f = db_get(r, i, #f);
	REGISTRATION_FIELDS(X)
#undef X
}

static int list(struct db *db, struct arena *a, const struct db_stmt *stmt, const char *id,
		struct registration **out, size_t *n)
{
	const char *p[] = { id };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, stmt, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct registration *g = count ? arena_calloc(a, count, sizeof(*g)) : NULL;
	if (count && !g)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		from_row(r, i, &g[i]);
	*out = g;
	*n = count;
	return DB_OK;
}

static int one(struct db *db, struct arena *a, const struct db_stmt *stmt, const char *key,
		struct registration *out)
{
	struct registration *g;
	size_t n;
	int rc = list(db, a, stmt, key, &g, &n);
	if (rc == DB_OK && n == 0)
		return DB_NOT_FOUND;
	if (rc == DB_OK)
		*out = g[0];
	return rc;
}

int store_registrations_of_session(struct db *db, struct arena *a, const char *session_id,
		struct registration **out, size_t *n)
{
	return list(db, a, &of_session, session_id, out, n);
}

int store_registrations_of_demand(struct db *db, struct arena *a, const char *demand_id,
		struct registration **out, size_t *n)
{
	return list(db, a, &of_demand, demand_id, out, n);
}

int store_registration_by_id(struct db *db, struct arena *a, const char *id, struct registration *out)
{
	return one(db, a, &by_id, id, out);
}

int store_registration_by_token(struct db *db, struct arena *a, const char *token,
		struct registration *out)
{
	return one(db, a, &by_token, token, out);
}

int store_register(struct db *db, struct arena *a, const char *session_id, const struct person *p,
		const char *status, const char *demand_id, const char *actor, struct registration *out)
{
	const char *pp[] = { p->last_name, p->first_name, p->email, p->organisation, p->job_title };
	struct db_rows *r;
	int rc = db_run(db, a, &participant_upsert, 5, pp, &r);
	if (rc != DB_OK)
		return rc;
	const char *pr[] = { session_id, db_get(r, 0, "id"), status, demand_id ? demand_id : "", actor };
	if ((rc = db_run(db, a, &insert, 5, pr, &r)) != DB_OK)
		return rc;
	return store_registration_by_id(db, a, db_get(r, 0, "id"), out);
}

static int renumber_waiting(struct db *db, const char *session_id)
{
	const char *p[] = { session_id };
	return db_run(db, NULL, &renumber, 1, p, NULL);
}

int store_registration_set_status(struct db *db, struct arena *a, const struct registration *g,
		const char *status, const char *event_kind, const char *actor, const char *reason,
		const char **now)
{
	const char *p[] = { g->id, g->status, status, actor, reason, event_kind };
	struct db_rows *r;
	int rc = db_run(db, a, &set_status, 6, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_STALE;
	*now = db_get(r, 0, "status");
	if (strcmp(g->status, "attente") == 0 && strcmp(*now, "attente") != 0)
		rc = renumber_waiting(db, g->session_id);
	return rc;
}

int store_registration_promote(struct db *db, struct arena *a, const char *session_id,
		const char *actor, struct registration *promoted)
{
	const char *p[] = { session_id, actor };
	struct db_rows *r;
	int rc = db_run(db, a, &promote, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0 || strcmp(db_get(r, 0, "status"), "confirmee") != 0)
		return DB_NOT_FOUND;
	const char *id = db_get(r, 0, "id");
	if ((rc = renumber_waiting(db, session_id)) != DB_OK)
		return rc;
	return store_registration_by_id(db, a, id, promoted);
}

int store_waiting_list_set(struct db *db, const char *session_id, const long long *ids, size_t n,
		const char *actor)
{
	struct buf b;
	buf_init(&b, 32 * 1024);
	int ok = buf_puts(&b, "{") == 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = buf_printf(&b, "%s%lld", i ? "," : "", ids[i]) == 0;
	ok = ok && buf_puts(&b, "}") == 0;
	struct arena *a = ok ? arena_new() : NULL;
	int rc = DB_FAILED;
	if (a) {
		const char *p[] = { session_id, b.data, actor };
		struct db_rows *r;
		rc = db_run(db, a, &waiting_set, 3, p, &r);
		if (rc == DB_OK && (strtoul(db_get(r, 0, "changed"), NULL, 10) != n ||
				strtoul(db_get(r, 0, "waiting"), NULL, 10) != n))
			rc = DB_STALE;
	}
	arena_free(a);
	buf_free(&b);
	return rc;
}

int store_registration_move(struct db *db, struct arena *a, const struct registration *g,
		const char *to_session, const char *actor, const char **now)
{
	const char *p[] = { g->id, to_session, g->session_id, actor, "", g->status };
	struct db_rows *r;
	int rc = db_run(db, a, &move, 6, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_STALE;
	*now = db_get(r, 0, "status");
	if (strcmp(g->status, "attente") == 0)
		rc = renumber_waiting(db, g->session_id);
	return rc;
}

int store_registrations_cancel_session(struct db *db, const char *session_id, const char *actor,
		const char *reason)
{
	const char *p[] = { session_id, actor, reason };
	return db_run(db, NULL, &cancel_session, 3, p, NULL);
}

int store_registration_convoked(struct db *db, const char *registration_id)
{
	const char *p[] = { registration_id };
	return db_run(db, NULL, &convoked, 1, p, NULL);
}

int store_participants_find(struct db *db, struct arena *a, const char *prefix, int limit,
		struct person **out, const char ***ids, size_t *n)
{
	*out = NULL;
	*ids = NULL;
	*n = 0;
	size_t len = strlen(prefix);
	char *pattern = arena_alloc(a, 2 * len + 2), *q = pattern;
	if (!pattern)
		return DB_FAILED;
	/* lowercase ASCII here, the rest by PostgreSQL's lower() on the column:
	 * a prefix typed with capitals still matches */
	for (const char *s = prefix; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*q++ = '\\';
		*q++ = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	}
	*q++ = '%';
	*q = '\0';
	char lim[16];
	snprintf(lim, sizeof(lim), "%d", limit);
	const char *p[] = { pattern, lim };
	struct db_rows *r;
	int rc = db_run_custom_plan(db, a, &find, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct person *people = count ? arena_calloc(a, count, sizeof(*people)) : NULL;
	const char **id = count ? arena_calloc(a, count, sizeof(*id)) : NULL;
	if (count && (!people || !id))
		return DB_FAILED;
	for (size_t i = 0; i < count; i++) {
		id[i] = db_get(r, i, "id");
		people[i] = (struct person){ db_get(r, i, "last_name"), db_get(r, i, "first_name"),
			db_get(r, i, "email"), db_get(r, i, "organisation"), db_get(r, i, "job_title") };
	}
	*out = people;
	*ids = id;
	*n = count;
	return DB_OK;
}

