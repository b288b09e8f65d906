#include "store/outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "store/db.h"

/* The partial index mail_outbox_pending (next_attempt, id) WHERE sent_at
 * IS NULL AND failed_at IS NULL serves this scan. SKIP LOCKED lets a
 * second sender take the next rows instead of waiting for the first; the
 * lock is rechecked on the newest version of a row, so a row another
 * sender has just claimed (next_attempt ahead) is not taken again. */
static const struct db_stmt outbox_claim = { "outbox_claim",
	"UPDATE mail_outbox m SET next_attempt = now() + make_interval(secs => $2::int),"
	" claimed_by = $3"
	" WHERE m.id IN (SELECT id FROM mail_outbox"
	"   WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt <= now()"
	/* a demand's mail waits for its reference (store_demand_number) */
	"   AND position('{REF}' IN body) = 0"
	"   ORDER BY id LIMIT $1::int FOR UPDATE SKIP LOCKED)"
	" RETURNING m.id, m.to_address, m.subject, m.body, m.kind, m.attempts, m.calendar,"
	" m.calendar_method, m.attachment, m.attachment_name, m.attachment_type,"
	" extract(epoch FROM m.created_at)::bigint AS created" };
static const struct db_stmt outbox_sent = { "outbox_sent",
	"UPDATE mail_outbox SET sent_at = now(), last_error = ''"
	" WHERE id = $1::bigint AND sent_at IS NULL" };
/* 2^attempts minutes, capped at 6 hours; the exponent is capped first so
 * that a row failing for months cannot overflow the interval. A failure
 * for good ($3), or the last attempt, ends the row as failed. */
static const struct db_stmt outbox_failed = { "outbox_failed",
	"UPDATE mail_outbox SET attempts = attempts + 1,"
	" next_attempt = now() + least(make_interval(mins => power(2, least(attempts, 20))::int),"
	"   interval '6 hours'),"
	" failed_at = CASE WHEN $3::boolean OR attempts + 1 >= $4::int THEN now() END,"
	" last_error = left($2, 1000)"
	" WHERE id = $1::bigint AND sent_at IS NULL" };
static const struct db_stmt outbox_failures = { "outbox_failures",
	"SELECT m.id, to_char(m.failed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS failed_on,"
	" to_char(m.failed_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS failed_time,"
	" m.to_address, m.subject, m.kind, m.attempts, m.last_error,"
	" coalesce(m.demand_id::text, '') AS demand_id, coalesce(d.reference, '') AS reference"
	" FROM mail_outbox m LEFT JOIN demand d ON d.id = m.demand_id"
	" WHERE m.failed_at IS NOT NULL AND ($1::bigint IS NULL OR m.demand_id = $1::bigint)"
	" ORDER BY m.failed_at DESC, m.id DESC LIMIT $2::int" };
static const struct db_stmt outbox_failures_count = { "outbox_failures_count",
	"SELECT count(*) AS n FROM mail_outbox WHERE failed_at IS NOT NULL" };
static const struct db_stmt outbox_retry = { "outbox_retry",
	"UPDATE mail_outbox SET failed_at = NULL, attempts = 0, next_attempt = now()"
	" WHERE id = $1::bigint AND failed_at IS NOT NULL RETURNING to_address" };
static const struct db_stmt outbox_queue = { "outbox_queue",
	"INSERT INTO mail_outbox (to_address, subject, body, kind, demand_id, dedup_key,"
	" calendar, calendar_method, attachment, attachment_name, attachment_type)"
	" VALUES ($1, $2, $3, $4, $5::bigint, $6, coalesce($7, ''), coalesce($8, ''),"
	" $9::bytea, $10, $11)"
	" ON CONFLICT (dedup_key) DO NOTHING RETURNING id" };

static int row_from(const struct db_rows *r, size_t i, struct arena *a, struct outbox_mail *m)
{
	*m = (struct outbox_mail){
		.id = db_get(r, i, "id"),
		.to_address = db_get(r, i, "to_address"),
		.subject = db_get(r, i, "subject"),
		.body = db_get(r, i, "body"),
		.kind = db_get(r, i, "kind"),
		.calendar = db_get(r, i, "calendar"),
		.calendar_method = db_get(r, i, "calendar_method"),
		.created = strtoll(db_get(r, i, "created"), NULL, 10),
		.attempts = atoi(db_get(r, i, "attempts")),
		.attachment_name = db_is_null(r, i, "attachment_name") ? NULL : db_get(r, i, "attachment_name"),
		.attachment_type = db_is_null(r, i, "attachment_type") ? NULL : db_get(r, i, "attachment_type"),
	};
	unsigned char *bytes;
	int rc = db_get_bytea(r, i, "attachment", a, &bytes, &m->attachment_len);
	m->attachment = bytes;
	return rc;
}

int store_outbox_claim(struct db *db, struct arena *a, int limit, const char *sender,
		struct outbox_mail **rows, size_t *n)
{
	*rows = NULL;
	*n = 0;
	char lim[16], lease[16];
	snprintf(lim, sizeof(lim), "%d", limit > 0 ? limit : 1);
	snprintf(lease, sizeof(lease), "%d", OUTBOX_CLAIM_SECONDS);
	const char *p[] = { lim, lease, sender };
	struct db_rows *r;
	int rc = db_run(db, a, &outbox_claim, 3, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	if (count == 0)
		return DB_NOT_FOUND;
	struct outbox_mail *m = arena_calloc(a, count, sizeof(*m));
	if (!m)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		if ((rc = row_from(r, i, a, &m[i])) != DB_OK)
			return rc;
	*rows = m;
	*n = count;
	return DB_OK;
}

int store_outbox_sent(struct db *db, const char *id)
{
	const char *p[] = { id };
	return db_run(db, NULL, &outbox_sent, 1, p, NULL);
}

int store_outbox_failed(struct db *db, const char *id, const char *error, int for_good)
{
	char last[16];
	snprintf(last, sizeof(last), "%d", OUTBOX_ATTEMPTS_MAX);
	const char *p[] = { id, error, for_good ? "true" : "false", last };
	return db_run(db, NULL, &outbox_failed, 4, p, NULL);
}

int store_outbox_failures(struct db *db, struct arena *a, const char *demand_id, int limit,
		struct outbox_failure **out, size_t *n)
{
	char lim[16];
	snprintf(lim, sizeof(lim), "%d", limit);
	const char *p[] = { demand_id, lim };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &outbox_failures, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct outbox_failure *f = count ? arena_calloc(a, count, sizeof(*f)) : NULL;
	if (count && !f)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		f[i] = (struct outbox_failure){ .id = db_get(r, i, "id"),
			.failed_on = db_get(r, i, "failed_on"), .failed_time = db_get(r, i, "failed_time"),
			.to_address = db_get(r, i, "to_address"), .subject = db_get(r, i, "subject"),
			.kind = db_get(r, i, "kind"), .attempts = atoi(db_get(r, i, "attempts")),
			.last_error = db_get(r, i, "last_error"), .demand_id = db_get(r, i, "demand_id"),
			.reference = db_get(r, i, "reference") };
	*out = f;
	*n = count;
	return DB_OK;
}

int store_outbox_failures_count(struct db *db, struct arena *a, long *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &outbox_failures_count, 0, NULL, &r);
	if (rc == DB_OK)
		*n = strtol(db_get(r, 0, "n"), NULL, 10);
	return rc;
}

int store_outbox_retry(struct db *db, struct arena *a, const char *id, const char **to)
{
	const char *p[] = { id };
	struct db_rows *r;
	int rc = db_run(db, a, &outbox_retry, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	*to = db_get(r, 0, "to_address");
	return DB_OK;
}

int store_outbox_queue(struct db *db, const char *to, const char *subject, const char *body,
		const char *kind, const char *demand_id, const char *dedup_key, int *queued)
{
	return store_outbox_queue_calendar(db, to, subject, body, kind, demand_id, dedup_key,
		NULL, NULL, queued);
}

/* Every way of queueing ends here. */
static int queue(struct db *db, const char *to, const char *subject, const char *body,
		const char *kind, const char *demand_id, const char *dedup_key, const char *calendar,
		const char *calendar_method, const struct outbox_attachment *att, int *queued)
{
	struct arena *a = arena_new();
	struct db_rows *r = NULL;
	if (!a)
		return DB_FAILED;
	const char *p[] = { to, subject, body, kind, demand_id, dedup_key, calendar, calendar_method,
		att ? (const char *)att->bytes : NULL, att ? att->name : NULL, att ? att->type : NULL };
	int rc = att ? db_run_with_bytes(db, a, &outbox_queue, 11, p, 8, att->len, &r) :
		db_run(db, a, &outbox_queue, 11, p, &r);
	if (queued)
		*queued = rc == DB_OK && db_rows_count(r) == 1;
	arena_free(a);
	return rc;
}

int store_outbox_queue_calendar(struct db *db, const char *to, const char *subject,
		const char *body, const char *kind, const char *demand_id, const char *dedup_key,
		const char *calendar, const char *calendar_method, int *queued)
{
	return queue(db, to, subject, body, kind, demand_id, dedup_key, calendar, calendar_method,
		NULL, queued);
}

int store_outbox_queue_attachment(struct db *db, const char *to, const char *subject,
		const char *body, const char *kind, const char *demand_id, const char *dedup_key,
		const struct outbox_attachment *att, int *queued)
{
	return queue(db, to, subject, body, kind, demand_id, dedup_key, NULL, NULL, att, queued);
}
