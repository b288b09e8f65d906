#include "store/demands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "store/db.h"
#include "store/surveys.h"
#include "store/accessibility.h"
#include "store/outbox.h"
#include "store/requester.h"

static const struct db_stmt course_for_demand = { "demand_course",
	"SELECT title FROM course WHERE slug = $1 AND status = 'published'" };
static const struct db_stmt closures = { "closure_days_from",
	"SELECT to_char(day, 'YYYY-MM-DD') AS day FROM closure_day"
	" WHERE day >= $1::date AND day < $1::date + 400 ORDER BY day" };
/* The demand another request made from this form. A no-op update rather
 * than a SELECT: the first request's commit may be visible here while it
 * still waits for the synchronous standby (README, "Scaling out"), and a
 * resend must not be acknowledged before the demand is safe. This update
 * writes, so its own commit waits for the standby to hold everything up
 * to it, the first commit included. */
static const struct db_stmt by_form = { "demand_by_form",
	"UPDATE demand SET form_token = form_token WHERE form_token = $1 RETURNING tracking_token" };

/* sql/0006: numbers what is committed and unnumbered, returns the
 * reference of $1 (NULL while it has none); 0 asks for none. */
static const struct db_stmt numbering = { "demand_numbering",
	"SELECT coalesce(demand_number($1::bigint), '') AS reference" };
/* The demand, its first event and its mails (up to two; NULL "to" means
 * none) in one statement: atomic without BEGIN and COMMIT round trips. */
static const struct db_stmt insert = { "demand_insert",
	"WITH d AS (INSERT INTO demand (form_token, tracking_token, received_at, received_on, regime,"
	" due_on, course_id, custom_title, kind, last_name, first_name, email, phone, organisation,"
	" job_title, participants, period, place, accessibility, message, consent_at)"
	" VALUES ($1, $2, to_timestamp($3::bigint), $4::date, $5, $6::date,"
	" (SELECT id FROM course WHERE slug = $7 AND status = 'published'), $8, $9, $10, $11, $12,"
	" $13, $14, $15, $16::int, $17, $18, $19, $20, to_timestamp($3::bigint))"
	" ON CONFLICT (form_token) DO NOTHING RETURNING id, reference),"
	/* the first event at the instant of reception: one clock for both */
	" e AS (INSERT INTO demand_event (demand_id, at, actor_name, kind, to_status, public, comment)"
	"   SELECT id, to_timestamp($3::bigint), '', 'recue', 'recue', true, 'Demande reçue.' FROM d),"
	" m AS (INSERT INTO mail_outbox (to_address, subject, body, kind, demand_id)"
	"   SELECT v.t, v.s, coalesce(replace(v.b, '{REF}', d.reference), v.b), v.k, d.id FROM d,"
	"   (VALUES ($21, $22, $23, $24), ($25, $26, $27, $28)) AS v (t, s, b, k)"
	"   WHERE v.t IS NOT NULL),"
	/* an accessibility need is a task for the référent handicap, told at
	 * once (or the desk when there is none): no round trip more */
	" n AS (INSERT INTO accessibility_need (source, demand_id, need, due_on)"
	"   SELECT 'demande', id, $19, $29::date FROM d WHERE $19 <> '' RETURNING id, demand_id),"
	" t AS (INSERT INTO mail_outbox (to_address, subject, body, kind, demand_id)"
	"   SELECT r.email, $30::text, replace($31::text, '{NEED}', n.id::text), '" NEED_MAIL_KIND "',"
	"   n.demand_id FROM n, (SELECT email FROM staff_user WHERE accessibility_referent AND active"
	"   UNION ALL SELECT $32::text WHERE NOT EXISTS (SELECT 1 FROM staff_user"
	"     WHERE accessibility_referent AND active)) AS r (email))"
	" SELECT id FROM d" };
static const struct db_stmt event_add = { "demand_event_add",
	"INSERT INTO demand_event (demand_id, actor_id, actor_name, kind, from_status, to_status,"
	" public, comment) VALUES ($1, $2, $3, $4, $5, $6, $7::boolean, $8)" };

#define DEMAND_COLUMNS \
	"SELECT d.id, d.reference, d.tracking_token, d.status, d.regime, d.kind," \
	" to_char(d.received_on, 'YYYY-MM-DD') AS received_on, to_char(d.due_on, 'YYYY-MM-DD') AS due_on," \
	" coalesce(to_char(d.answered_on, 'YYYY-MM-DD'), '') AS answered_on, coalesce(d.outcome, '') AS outcome," \
	" coalesce(extract(epoch FROM d.paused_since)::bigint::text, '') AS paused_since," \
	" coalesce(extract(epoch FROM now() - d.paused_since)::bigint::text, '0') AS paused_seconds," \
	" d.paused_days, coalesce(c.title, '') AS course_title, coalesce(c.slug, '') AS course_slug," \
	" d.custom_title, d.last_name, d.first_name, d.email, d.phone, d.organisation, d.job_title," \
	" d.participants, d.period, d.place, d.accessibility, d.message," \
	" coalesce(d.assignee_id::text, '') AS assignee_id, coalesce(u.display_name, '') AS assignee_name," \
	/* only someone who may still read demands gets the requester's replies */ \
	" CASE WHEN u.active AND u.role <> 'formateur' THEN u.email ELSE '' END AS assignee_email," \
	" coalesce(d.session_id::text, '') AS session_id" \
	" FROM demand d LEFT JOIN course c ON c.id = d.course_id" \
	" LEFT JOIN staff_user u ON u.id = d.assignee_id"
static const struct db_stmt by_tracking = { "demand_by_tracking",
	DEMAND_COLUMNS " WHERE d.tracking_token = $1" };
static const struct db_stmt by_id = { "demand_by_id", DEMAND_COLUMNS " WHERE d.id = $1" };
static const struct db_stmt by_email = { "demands_by_email",
	DEMAND_COLUMNS " WHERE lower(d.email) = lower($1) AND d.anonymised_at IS NULL"
	" ORDER BY d.received_at DESC LIMIT 500" };
static const struct db_stmt erase = { "requester_erase",
	"WITH gone AS ("
	" UPDATE demand d SET last_name = 'anonyme', first_name = 'anonyme',"
	" email = 'anonyme@invalid', phone = '', job_title = '', accessibility = '', message = '',"
	" period = '', place = '', anonymised_at = now(), paused_since = NULL,"
	" status = CASE WHEN status IN ('recue', 'en_instruction', 'attente_demandeur')"
	"   THEN 'sans_suite' ELSE status END"
	" WHERE lower(d.email) = lower($1) AND d.anonymised_at IS NULL"
	" RETURNING d.id),"
	" events AS (UPDATE demand_event SET comment = '' WHERE demand_id IN (SELECT id FROM gone)),"
	" mails AS (DELETE FROM mail_outbox WHERE demand_id IN (SELECT id FROM gone)),"
	" needs AS (" NEED_ERASE " WHERE demand_id IN (SELECT id FROM gone)),"
	/* the same person as a participant: their name, address, needs and
	 * every mail to that address (a calendar invitation holds their name) */
	" people AS (UPDATE participant SET last_name = 'anonyme', first_name = 'anonyme', email = '',"
	"   organisation = '', job_title = '', updated_at = now() WHERE email = lower($1) RETURNING id),"
	" people_needs AS (" NEED_ERASE " WHERE n.demand_id IS NULL AND n.registration_id IN"
	"   (SELECT r.id FROM registration r WHERE r.participant_id IN (SELECT id FROM people))),"
	" people_mails AS (DELETE FROM mail_outbox WHERE lower(to_address) = lower($1)"
	"   AND (demand_id IS NULL OR demand_id NOT IN (SELECT id FROM gone))),"
	/* their questionnaires: what they wrote goes, their scores stay (they
	 * name no one and the figures need them); a requester's address too */
	" people_answers AS (UPDATE survey_answer an SET"
	"   value = CASE WHEN q.type = 'texte' THEN '" SURVEY_ANSWER_ERASED "' ELSE an.value END,"
	"   comment = CASE WHEN an.comment <> '' THEN '" SURVEY_ANSWER_ERASED "' ELSE '' END"
	"   FROM survey_question q, survey_answer_set st, survey sv, registration r"
	"   WHERE q.id = an.question_id AND st.id = an.answer_set_id AND sv.id = st.survey_id"
	"   AND r.id = sv.registration_id AND r.participant_id IN (SELECT id FROM people)"
	"   AND (q.type = 'texte' OR an.comment <> '')),"
	" requester_surveys AS (UPDATE survey SET requester_email = 'anonyme@invalid'"
	"   WHERE lower(requester_email) = lower($1)),"
	" logged AS (INSERT INTO demand_event (demand_id, actor_id, actor_name, kind, public, comment)"
	"   SELECT id, $2::bigint, $3, 'effacement', false,"
	"   'Données personnelles effacées à la demande de la personne.' FROM gone)"
	" SELECT count(*) AS n FROM gone" };
static const struct db_stmt events = { "demand_events",
	"SELECT to_char(at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS at, actor_name, kind,"
	" coalesce(from_status, '') AS from_status, coalesce(to_status, '') AS to_status, comment,"
	" public FROM demand_event WHERE demand_id = $1 AND (public OR NOT $2::boolean)"
	" ORDER BY at, id" };

/* One statement for every change: NULL parameters leave columns alone. */
static const struct db_stmt change = { "demand_change",
	"UPDATE demand SET status = $3,"
	" due_on = coalesce($4::date, due_on),"
	" paused_days = coalesce($5::int, paused_days),"
	" paused_since = CASE $6 WHEN '1' THEN now() WHEN '0' THEN NULL ELSE paused_since END,"
	" regime = coalesce($7, regime),"
	" assignee_id = CASE WHEN $8::text IS NULL THEN assignee_id ELSE nullif($8, '')::bigint END,"
	" outcome = coalesce($9, outcome),"
	" answered_at = CASE WHEN $10::boolean THEN now() ELSE answered_at END,"
	" answered_on = CASE WHEN $10::boolean THEN (now() AT TIME ZONE 'Europe/Paris')::date"
	"   ELSE answered_on END,"
	" session_id = coalesce($11::bigint, session_id)"
	" WHERE id = $1 AND status = $2 RETURNING id" };
/* An INTRA session made for no demand yet is tied to the one it answers. */
static const struct db_stmt session_link = { "demand_session_link",
	"UPDATE session SET demand_id = $1::bigint, updated_at = now()"
	" WHERE id = $2::bigint AND demand_id IS NULL AND kind = 'intra'" };

int store_demand_course(struct db *db, struct arena *a, const char *slug, const char **title)
{
	const char *p[] = { slug };
	struct db_rows *r;
	int rc = db_run(db, a, &course_for_demand, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		*title = db_get(r, 0, "title");
	return rc;
}

/* The form's course and the closure days in one round trip: a
 * submission then needs three in all (this, the insert, the number). */
static const struct db_stmt submission_context = { "demand_submission_context",
	"SELECT (SELECT title FROM course WHERE slug = $1 AND status = 'published') AS title,"
	" (SELECT string_agg(to_char(day, 'YYYY-MM-DD'), ',' ORDER BY day) FROM closure_day"
	"   WHERE day >= $2::date AND day < $2::date + 400) AS days" };

int store_demand_context(struct db *db, struct arena *a, const char *slug, const char *from,
		const char **title, const char ***days, size_t *n)
{
	const char *p[] = { slug, from };
	struct db_rows *r;
	int rc = db_run(db, a, &submission_context, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	*title = db_is_null(r, 0, "title") ? NULL : db_get(r, 0, "title");
	const char *list = db_get(r, 0, "days");
	size_t count = *list ? 1 : 0;
	for (const char *c = list; *c; c++)
		count += *c == ',';
	if (!(*days = arena_calloc(a, count ? count : 1, sizeof(**days))))
		return DB_FAILED;
	*n = 0;
	for (const char *c = list; *c && *n < count; ) {
		const char *end = strchr(c, ',');
		size_t len = end ? (size_t)(end - c) : strlen(c);
		if (!((*days)[(*n)++] = arena_strndup(a, c, len)))
			return DB_FAILED;
		c += len + (end ? 1 : 0);
	}
	return DB_OK;
}

int store_closure_days(struct db *db, struct arena *a, const char *from,
		const char ***days, size_t *n)
{
	const char *p[] = { from };
	struct db_rows *r;
	int rc = db_run(db, a, &closures, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*days = arena_calloc(a, *n ? *n : 1, sizeof(**days));
	if (!*days)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*days)[i] = db_get(r, i, "day");
	return DB_OK;
}

int store_demand_by_form(struct db *db, struct arena *a, const char *form_token,
		const char **tracking_token)
{
	const char *p[] = { form_token };
	struct db_rows *r;
	int rc = db_run(db, a, &by_form, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		*tracking_token = db_get(r, 0, "tracking_token");
	return rc;
}

static int event(struct db *db, const char *demand_id, const char *actor_id, const char *actor_name,
		const char *kind, const char *from, const char *to, int public, const char *comment)
{
	const char *p[] = { demand_id, actor_id, actor_name ? actor_name : "", kind, from, to,
		public ? "true" : "false", comment ? comment : "" };
	return db_run(db, NULL, &event_add, 8, p, NULL);
}

static int queue_mails(struct db *db, const char *demand_id, const struct outgoing_mail *m, size_t n)
{
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		rc = store_outbox_queue(db, m[i].to, m[i].subject, m[i].body, m[i].kind, demand_id,
				NULL, NULL);
	}
	return rc;
}

static int finish(struct db *db, int rc)
{
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return rc;
}

int store_demand_number(struct db *db, const char *id, const char **reference, struct arena *a)
{
	const char *p[] = { id ? id : "0" };
	struct db_rows *r = NULL;
	int rc = db_run(db, a, &numbering, 1, p, a ? &r : NULL);
	if (reference)
		*reference = rc == DB_OK && r ? db_get(r, 0, "reference") : "";
	return rc;
}

int store_demand_create(struct db *db, struct arena *a, const struct demand_new *d,
		const struct outgoing_mail *mails, size_t n_mails, const char **id)
{
	char received[24];
	snprintf(received, sizeof(received), "%lld", d->received_at);
	const struct outgoing_mail none = { 0 };
	const struct outgoing_mail *m1 = n_mails > 0 ? &mails[0] : &none;
	const struct outgoing_mail *m2 = n_mails > 1 ? &mails[1] : &none;
	if (n_mails > 2)
		return DB_FAILED;
	const char *p[] = { d->form_token, d->tracking_token, received, d->received_on,
		d->regime, d->due_on, d->course_slug, d->custom_title, d->kind, d->last_name,
		d->first_name, d->email, d->phone, d->organisation, d->job_title, d->participants,
		d->period, d->place, d->accessibility, d->message,
		m1->to, m1->subject, m1->body, m1->kind, m2->to, m2->subject, m2->body, m2->kind,
		d->need_due_on, d->need_mail_subject, d->need_mail_body, d->need_mail_to };
	if (*d->accessibility && (!d->need_due_on || !d->need_mail_subject || !d->need_mail_body ||
			!d->need_mail_to))
		return DB_FAILED;
	struct db_rows *r;
	int rc = db_run(db, a, &insert, 32, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_CONFLICT;   /* the same form, committed by another request */
	if (rc == DB_OK)
		*id = db_get(r, 0, "id");
	return rc;
}

static void demand_from_row(const struct db_rows *r, size_t i, struct demand *d)
{
#define COL(f) d->f = db_get(r, i, #f);
	COL(id) COL(reference) COL(tracking_token) COL(status) COL(regime) COL(kind)
	COL(received_on) COL(due_on) COL(answered_on) COL(outcome) COL(paused_since)
	COL(paused_seconds) COL(paused_days) COL(course_title) COL(course_slug) COL(custom_title)
	COL(last_name) COL(first_name) COL(email) COL(phone) COL(organisation) COL(job_title)
	COL(participants) COL(period) COL(place) COL(accessibility) COL(message)
	COL(assignee_id) COL(assignee_name) COL(assignee_email) COL(session_id)
#undef COL
}

static int demand_one(struct db *db, struct arena *a, const struct db_stmt *stmt,
		const char *key, struct demand *out)
{
	const char *p[] = { key };
	struct db_rows *r;
	int rc = db_run(db, a, stmt, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc != DB_OK)
		return rc;
	demand_from_row(r, 0, out);
	/* Left unnumbered by its submission (another numbering held the lock,
	 * sql/0008): numbered now, or shown as being numbered. */
	if (!*out->reference)
		return store_demand_number(db, out->id, &out->reference, a);
	return DB_OK;
}

int store_requester_demands(struct db *db, struct arena *a, const char *email,
		struct demand **out, size_t *n)
{
	const char *p[] = { email };
	struct db_rows *r;
	int rc = db_run(db, a, &by_email, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		demand_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

int store_requester_erase(struct db *db, const char *email, const char *actor_id,
		const char *actor_name, long *count)
{
	const char *p[] = { email, actor_id, actor_name };
	struct arena *a = arena_new();
	struct db_rows *r;
	int rc = a ? db_run(db, a, &erase, 3, p, &r) : DB_FAILED;
	*count = rc == DB_OK ? strtol(db_get(r, 0, "n"), NULL, 10) : 0;
	arena_free(a);
	return rc;
}

int store_demand_by_tracking(struct db *db, struct arena *a, const char *token, struct demand *out)
{
	return demand_one(db, a, &by_tracking, token, out);
}

int store_demand_by_id(struct db *db, struct arena *a, const char *id, struct demand *out)
{
	return demand_one(db, a, &by_id, id, out);
}

int store_demand_events(struct db *db, struct arena *a, const char *demand_id, int public_only,
		struct demand_event **out, size_t *n)
{
	const char *p[] = { demand_id, public_only ? "true" : "false" };
	struct db_rows *r;
	int rc = db_run(db, a, &events, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct demand_event){ db_get(r, i, "at"), db_get(r, i, "actor_name"),
			db_get(r, i, "kind"), db_get(r, i, "from_status"), db_get(r, i, "to_status"),
			db_get(r, i, "comment"), strcmp(db_get(r, i, "public"), "t") == 0 };
	return DB_OK;
}

int store_demand_change(struct db *db, const struct demand_change *c,
		const struct outgoing_mail *mails, size_t n_mails)
{
	const char *p[] = { c->demand_id, c->from_status, c->to_status, c->due_on, c->paused_days,
		c->paused, c->regime, c->assignee_id, c->outcome, c->answered ? "true" : "false",
		c->session_id };
	struct db_rows *r;
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &change, 11, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_STALE;
	if (rc == DB_OK && c->session_id) {
		const char *ps[] = { c->demand_id, c->session_id };
		rc = db_run(db, a, &session_link, 2, ps, NULL);
	}
	if (rc == DB_OK)
		rc = event(db, c->demand_id, c->actor_id, c->actor_name, c->event_kind, c->from_status,
				c->to_status, c->public, c->comment);
	if (rc == DB_OK)
		rc = queue_mails(db, c->demand_id, mails, n_mails);
	arena_free(a);
	return finish(db, rc);
}

#define DEMANDS_LIST_SELECT \
	"SELECT d.id, d.reference, d.status, d.regime, to_char(d.received_on, 'YYYY-MM-DD') AS received_on," \
	" to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.organisation," \
	" d.first_name || ' ' || d.last_name AS name, coalesce(c.title, d.custom_title) AS course," \
	" coalesce(u.display_name, '') AS assignee_name" \
	" FROM demand d LEFT JOIN course c ON c.id = d.course_id" \
	" LEFT JOIN staff_user u ON u.id = d.assignee_id"

/* $1..$8 the filter, $9 the limit, $10 the due filter */
#define DEMANDS_LIST_WHERE \
	" WHERE (CASE WHEN $1 = '' THEN d.status IN ('recue', 'en_instruction', 'attente_demandeur')" \
	"   ELSE d.status = $1 END)" \
	" AND ($2 = '' OR d.regime = $2)" \
	" AND ($3 = '' OR ($3 = 'aucun' AND d.assignee_id IS NULL) OR d.assignee_id::text = $3)" \
	" AND ($4 = '' OR lower(d.organisation) LIKE '%' || lower($4) || '%')" \
	" AND ($5 = '' OR c.slug = $5 OR c.id::text = $5)" \
	" AND ($6 = '' OR d.reference = upper($6) OR lower(d.last_name) = lower($6)" \
	"   OR lower(d.first_name || ' ' || d.last_name) = lower($6))" \
	" AND ($7 = '' OR (d.due_on, d.id) > ($7::date, $8::bigint))" \
	" AND ($10 = '' OR (d.status <> 'attente_demandeur' AND CASE $10" \
	"   WHEN 'retard' THEN d.due_on < (now() AT TIME ZONE 'Europe/Paris')::date" \
	"   WHEN 'aujourdhui' THEN d.due_on = (now() AT TIME ZONE 'Europe/Paris')::date" \
	"   ELSE d.due_on BETWEEN (now() AT TIME ZONE 'Europe/Paris')::date + 1" \
	"     AND (now() AT TIME ZONE 'Europe/Paris')::date + 6 END))"

static const struct db_stmt list = { "demands_list",
	DEMANDS_LIST_SELECT DEMANDS_LIST_WHERE " ORDER BY d.due_on, d.id LIMIT $9::int" };
/* Sorted by a column ($11), due date after; run with a plan of its own
 * (db_run_custom_plan): the default order keeps its index. */
static const struct db_stmt list_sorted = { "demands_list_sorted",
	DEMANDS_LIST_SELECT DEMANDS_LIST_WHERE " ORDER BY"
	" CASE $11 WHEN 'reference' THEN d.reference WHEN 'organisme' THEN lower(d.organisation)"
	"   WHEN 'demandeur' THEN lower(d.last_name || ' ' || d.first_name)"
	"   WHEN 'formation' THEN lower(coalesce(c.title, d.custom_title)) WHEN 'etat' THEN d.status"
	"   WHEN 'responsable' THEN lower(coalesce(u.display_name, '~')) END,"
	" CASE WHEN $11 = 'recue' THEN d.received_on END, d.due_on, d.id LIMIT $9::int" };
/* The row just before ($11, $12) in the due-date order: the demand page's
 * "précédente" ($7 is '' so the keyset condition of the list is off). */
static const struct db_stmt list_before = { "demands_list_before",
	DEMANDS_LIST_SELECT DEMANDS_LIST_WHERE " AND (d.due_on, d.id) < ($11::date, $12::bigint)"
	" ORDER BY d.due_on DESC, d.id DESC LIMIT $9::int" };

/* The dashboard as it opens, and its next pages, without a filter: each
 * statement as simple as its case, and its limit written in it, so that
 * PostgreSQL keeps one generic plan (demand_open_due, in order, up to the
 * limit) instead of planning the many-OR statement above at every view
 * (0.3 ms of the 1.1 the page took: make bench, dashboard); with the
 * limit a parameter, the generic plan is costed for a tenth of the
 * table and never chosen. Fewer rows are asked by trimming. */
#define STR_(x) #x
#define STR(x) STR_(x)
#define DEMANDS_OPEN " WHERE d.status IN ('recue', 'en_instruction', 'attente_demandeur')"
static const struct db_stmt open_first = { "demands_open_first",
	DEMANDS_LIST_SELECT DEMANDS_OPEN " ORDER BY d.due_on, d.id LIMIT " STR(DEMANDS_PLANNED_ROWS) };
static const struct db_stmt open_after = { "demands_open_after",
	DEMANDS_LIST_SELECT DEMANDS_OPEN " AND (d.due_on, d.id) > ($1::date, $2::bigint)"
	" ORDER BY d.due_on, d.id LIMIT " STR(DEMANDS_PLANNED_ROWS) };

static const struct db_stmt assignable = { "staff_assignable",
	"SELECT id, display_name, role FROM staff_user WHERE active AND role <> 'formateur'"
	" ORDER BY display_name" };

#define DEMAND_ROW_FIELDS(X) X(id) X(reference) X(status) X(regime) X(received_on) X(due_on) \
	X(organisation) X(name) X(course) X(assignee_name)

static int demand_rows(struct arena *a, const struct db_rows *r, struct demand_row **out, size_t *n)
{
	DB_MAP_ROWS(r, a, struct demand_row, DEMAND_ROW_FIELDS, out, n);
	return DB_OK;
}

static int unfiltered(const struct demand_filter *f)
{
	return !*f->status && !*f->regime && !*f->assignee && !*f->organisation && !*f->course &&
		!*f->q && (!f->due || !*f->due);
}

int store_demands_list_call(struct db_call *c, struct arena *a, const struct demand_filter *f,
		size_t limit)
{
	int planned = unfiltered(f) && limit <= DEMANDS_PLANNED_ROWS;
	if (planned && !*f->after_due) {
		*c = (struct db_call){ .stmt = &open_first };
	} else if (planned) {
		*c = (struct db_call){ .stmt = &open_after, .nparams = 2,
			.params = { f->after_due, f->after_id } };
	} else {
		const char *lim = arena_printf(a, "%zu", limit);
		if (!lim)
			return DB_FAILED;
		*c = (struct db_call){ .stmt = &list, .nparams = 10, .params = { f->status, f->regime,
			f->assignee, f->organisation, f->course, f->q, f->after_due,
			*f->after_due ? f->after_id : "0", lim, f->due ? f->due : "" } };
	}
	return DB_OK;
}

int store_demands_list_read(const struct db_call *c, struct arena *a, size_t limit,
		struct demand_row **out, size_t *n)
{
	int rc = demand_rows(a, c->rows, out, n);
	if (*n > limit)
		*n = limit;
	return rc;
}

int store_demands_list(struct db *db, struct arena *a, const struct demand_filter *f,
		size_t limit, struct demand_row **out, size_t *n)
{
	struct db_call c;
	int rc;
	if (f->sort && *f->sort) {
		char lim[24];
		snprintf(lim, sizeof(lim), "%zu", limit);
		const char *p[] = { f->status, f->regime, f->assignee, f->organisation, f->course, f->q,
			f->after_due, *f->after_due ? f->after_id : "0", lim, f->due ? f->due : "", f->sort };
		rc = db_run_custom_plan(db, a, &list_sorted, 11, p, &c.rows);
	} else {
		rc = store_demands_list_call(&c, a, f, limit);
		if (rc == DB_OK)
			rc = db_run(db, a, c.stmt, c.nparams, c.params, &c.rows);
	}
	return rc == DB_OK ? store_demands_list_read(&c, a, limit, out, n) : rc;
}

/* In the due-date order, two keyset reads of one row each; in a sorted
 * order, the sorted list as the page shows it (at most `sorted_max`). */
int store_demand_neighbours(struct db *db, struct arena *a, const struct demand_filter *f,
		const char *due_on, const char *id, size_t sorted_max, struct demand_neighbours *out)
{
	struct demand_row *rows;
	size_t n;
	int rc;
	*out = (struct demand_neighbours){ 0 };
	if (f->sort && *f->sort) {
		if ((rc = store_demands_list(db, a, f, sorted_max, &rows, &n)) != DB_OK)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i].id, id) == 0) {
				out->previous = i > 0 ? &rows[i - 1] : NULL;
				out->next = i + 1 < n ? &rows[i + 1] : NULL;
			}
		return DB_OK;
	}
	struct demand_filter after = *f;
	after.after_due = due_on;
	after.after_id = id;
	if ((rc = store_demands_list(db, a, &after, 1, &rows, &n)) != DB_OK)
		return rc;
	out->next = n ? rows : NULL;
	const char *p[] = { f->status, f->regime, f->assignee, f->organisation, f->course, f->q,
		"", "0", "1", f->due ? f->due : "", due_on, id };
	struct db_rows *r;
	if ((rc = db_run(db, a, &list_before, 12, p, &r)) != DB_OK ||
			(rc = demand_rows(a, r, &rows, &n)) != DB_OK)
		return rc;
	out->previous = n ? rows : NULL;
	return DB_OK;
}

static int staff_of(const struct db_rows *r, struct arena *a, struct staff_member **out, size_t *n)
{
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct staff_member){ db_get(r, i, "id"), db_get(r, i, "display_name"),
			db_get(r, i, "role") };
	return DB_OK;
}

int store_assignable_staff(struct db *db, struct arena *a, struct staff_member **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &assignable, 0, NULL, &r);
	return rc == DB_OK ? staff_of(r, a, out, n) : rc;
}

void store_assignable_staff_call(struct db_call *c)
{
	*c = (struct db_call){ .stmt = &assignable };
}

int store_assignable_staff_read(const struct db_call *c, struct arena *a, struct staff_member **out,
		size_t *n)
{
	return staff_of(c->rows, a, out, n);
}
