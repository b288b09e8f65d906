#include "store/accessibility.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "store/db.h"
#include "store/outbox.h"

#define NEED_COLUMNS \
	"SELECT n.id, n.source, n.status, n.need, n.decision, to_char(n.due_on, 'YYYY-MM-DD') AS due_on," \
	" to_char(n.created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS created_at," \
	" coalesce(to_char(n.decided_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), '') AS decided_at," \
	" n.decided_by, coalesce(n.demand_id::text, '') AS demand_id," \
	" coalesce(d.reference, '') AS demand_reference," \
	" coalesce(n.registration_id::text, '') AS registration_id," \
	" coalesce(r.session_id::text, d.session_id::text, '') AS session_id," \
	" coalesce(to_char(se.first_day, 'YYYY-MM-DD'), '') AS session_first_day," \
	" coalesce(p.first_name || ' ' || p.last_name, d.first_name || ' ' || d.last_name, '') AS person," \
	" coalesce(c.title, dc.title, d.custom_title, '') AS course_title" \
	" FROM accessibility_need n LEFT JOIN registration r ON r.id = n.registration_id" \
	" LEFT JOIN participant p ON p.id = r.participant_id" \
	" LEFT JOIN demand d ON d.id = n.demand_id" \
	" LEFT JOIN session se ON se.id = coalesce(r.session_id, d.session_id)" \
	" LEFT JOIN course c ON c.id = se.course_id LEFT JOIN course dc ON dc.id = d.course_id"

static const struct db_stmt insert = { "need_insert",
	"INSERT INTO accessibility_need (source, demand_id, registration_id, need, due_on)"
	" VALUES ($1, nullif($2, '')::bigint, nullif($3, '')::bigint, $4, $5::date) RETURNING id" };
static const struct db_stmt referents = { "need_referents",
	"SELECT email FROM staff_user WHERE accessibility_referent AND active ORDER BY id" };
static const struct db_stmt list = { "needs_list",
	NEED_COLUMNS " ORDER BY n.status <> 'a_etudier',"
	" CASE WHEN n.status = 'a_etudier' THEN n.due_on END, n.decided_at DESC, n.id LIMIT 500" };
/* The closure days around a due date: 5 working days never span 60 days. */
static const struct db_stmt closures = { "need_closure_days",
	"SELECT to_char(day, 'YYYY-MM-DD') AS day FROM closure_day"
	" WHERE day BETWEEN $1::date - 60 AND $1::date + 60 ORDER BY day" };
static const struct db_stmt by_id = { "need_by_id", NEED_COLUMNS " WHERE n.id = $1::bigint" };
static const struct db_stmt decide = { "need_decide",
	"UPDATE accessibility_need SET status = $2, decision = $3, decided_by = $4, decided_at = now()"
	" WHERE id = $1::bigint RETURNING id" };

#define NEED_CLOSURES_MAX 400

int store_need_due_on(const char *first_day, const char *declared_on,
		const char *const *closure_days, size_t n_closures, char out[CAL_DATE_BUF])
{
	struct civil_date d, days[NEED_CLOSURES_MAX];
	int before = first_day && *first_day;
	if (cal_parse_date(before ? first_day : declared_on ? declared_on : "", &d) != 0)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < n_closures && k < NEED_CLOSURES_MAX; i++)
		if (cal_parse_date(closure_days[i], &days[k]) == 0)
			k++;
	d = due_working_days_from(d, before ? -NEED_WORKING_DAYS : NEED_WORKING_DAYS, days, k);
	return cal_format_date(d, out, CAL_DATE_BUF);
}

const char *store_need_mail_body(struct arena *a, const struct settings *s, const char *source,
		const char *due_on, const char *need_id)
{
	struct civil_date d;
	char due[64];
	if (cal_parse_date(due_on, &d) != 0 || cal_format_long_fr(d, due, sizeof(due)) != 0)
		snprintf(due, sizeof(due), "%s", due_on);
	return arena_printf(a, "Bonjour,\n\nUn besoin lié à un handicap vient d'être déclaré "
		"(%s). Il est à étudier au plus tard le %s.\n\nPour le lire et dire ce qui est prévu :\n"
		"%s/intranet/accessibilite#besoin-%s\n\nCe message ne dit rien du besoin lui-même : "
		"seuls le référent handicap et les administrateurs le lisent, dans l'intranet.\n",
		strcmp(source, "demande") == 0 ? "sur une demande de formation" :
		strcmp(source, "inscription") == 0 ? "à l'inscription d'un participant" :
		"par un participant, sur sa page", due, s->base_url, need_id);
}

int store_need_open(struct db *db, struct arena *a, const struct settings *s, const char *source,
		const char *demand_id, const char *registration_id, const char *need,
		const char *first_day)
{
	char due[CAL_DATE_BUF], today[CAL_DATE_BUF];
	if (cal_format_date(cal_paris_local_date((int64_t)time(NULL)), today, sizeof(today)) != 0)
		return DB_FAILED;
	const char *pc[] = { first_day && *first_day ? first_day : today };
	struct db_rows *r;
	int rc = db_run(db, a, &closures, 1, pc, &r);
	if (rc != DB_OK)
		return rc;
	size_t n_days = db_rows_count(r);
	const char **days = arena_calloc(a, n_days ? n_days : 1, sizeof(*days));
	if (!days)
		return DB_FAILED;
	for (size_t i = 0; i < n_days; i++)
		days[i] = db_get(r, i, "day");
	if (store_need_due_on(first_day, today, days, n_days, due) != 0)
		return DB_FAILED;
	const char *p[] = { source, demand_id ? demand_id : "", registration_id ? registration_id : "",
		need, due };
	if ((rc = db_run(db, a, &insert, 5, p, &r)) != DB_OK)
		return rc;
	const char *body = store_need_mail_body(a, s, source, due, db_get(r, 0, "id"));
	if (!body || (rc = db_run(db, a, &referents, 0, NULL, &r)) != DB_OK)
		return body ? rc : DB_FAILED;
	size_t n = db_rows_count(r);
	for (size_t i = 0; rc == DB_OK && i < (n ? n : 1); i++)
		rc = store_outbox_queue(db, n ? db_get(r, i, "email") : s->mail_egoc, NEED_MAIL_SUBJECT,
			body, NEED_MAIL_KIND, demand_id, NULL, NULL);
	return rc;
}

static void from_row(const struct db_rows *r, size_t i, struct need *n)
{
	*n = (struct need){ db_get(r, i, "id"), db_get(r, i, "source"), db_get(r, i, "status"),
		db_get(r, i, "need"), db_get(r, i, "decision"), db_get(r, i, "due_on"),
		db_get(r, i, "created_at"), db_get(r, i, "decided_at"), db_get(r, i, "decided_by"),
		db_get(r, i, "demand_id"), db_get(r, i, "demand_reference"), db_get(r, i, "registration_id"),
		db_get(r, i, "session_id"), db_get(r, i, "session_first_day"), db_get(r, i, "person"),
		db_get(r, i, "course_title") };
}

int store_needs_list(struct db *db, struct arena *a, struct need **out, size_t *n)
{
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &list, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct need *x = count ? arena_calloc(a, count, sizeof(*x)) : NULL;
	if (count && !x)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		from_row(r, i, &x[i]);
	*out = x;
	*n = count;
	return DB_OK;
}

int store_need_by_id(struct db *db, struct arena *a, const char *id, struct need *out)
{
	const char *p[] = { id };
	struct db_rows *r;
	int rc = db_run(db, a, &by_id, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	if (rc == DB_OK)
		from_row(r, 0, out);
	return rc;
}

int store_need_decide(struct db *db, const char *id, const char *status, const char *decision,
		const char *by)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { id, status, decision, by };
	struct db_rows *r;
	int rc = db_run(db, a, &decide, 4, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	arena_free(a);
	return rc;
}

