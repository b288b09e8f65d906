#include "store/attendance_scans.h"

#include <stdlib.h>

#include "base/arena.h"
#include "store/db.h"

static const struct db_stmt insert = { "attendance_scan_insert",
	"INSERT INTO attendance_scan (session_id, half_day_id, content_type, bytes, sha256,"
	" original_filename, uploaded_by) VALUES ($1::bigint, $2, $3, $4::bytea, $5, $6, $7::bigint)"
	" RETURNING id" };
static const struct db_stmt list = { "attendance_scans",
	"SELECT sc.id, sc.half_day_id, sc.content_type, sc.sha256, sc.original_filename,"
	" octet_length(sc.bytes) AS size, extract(epoch FROM sc.uploaded_at)::bigint AS uploaded_at,"
	" u.display_name FROM attendance_scan sc JOIN staff_user u ON u.id = sc.uploaded_by"
	" WHERE sc.half_day_id = $1 ORDER BY sc.id" };
static const struct db_stmt counts = { "attendance_scan_counts",
	"SELECT half_day_id, count(*) AS n FROM attendance_scan WHERE session_id = $1::bigint"
	" GROUP BY half_day_id" };
/* Text and bytea columns only: the result comes in binary format. */
static const struct db_stmt bytes = { "attendance_scan_bytes",
	"SELECT content_type, bytes FROM attendance_scan WHERE id = $1::bigint AND half_day_id = $2" };

int store_attendance_scan_add(struct db *db, struct arena *a, const struct attendance_scan_new *s,
		const char **id)
{
	const char *p[] = { s->session_id, s->half_day_id, s->content_type, (const char *)s->bytes,
		s->sha256, s->filename, s->uploaded_by };
	struct db_rows *r;
	*id = NULL;
	int rc = db_run_with_bytes(db, a, &insert, 7, p, 3, s->len, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) != 1 || !(*id = arena_strdup(a, db_get(r, 0, "id"))))
		return DB_FAILED;
	return DB_OK;
}

int store_attendance_scans(struct db *db, struct arena *a, const char *half_day_id,
		struct attendance_scan **out, size_t *n)
{
	const char *p[] = { half_day_id };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &list, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct attendance_scan *s = count ? arena_calloc(a, count, sizeof(*s)) : NULL;
	if (count && !s)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		s[i] = (struct attendance_scan){ .id = db_get(r, i, "id"),
			.half_day_id = db_get(r, i, "half_day_id"), .content_type = db_get(r, i, "content_type"),
			.sha256 = db_get(r, i, "sha256"), .filename = db_get(r, i, "original_filename"),
			.size = strtoll(db_get(r, i, "size"), NULL, 10),
			.uploaded_at = strtoll(db_get(r, i, "uploaded_at"), NULL, 10),
			.uploaded_by = db_get(r, i, "display_name") };
	*out = s;
	*n = count;
	return DB_OK;
}

int store_attendance_scan_counts(struct db *db, struct arena *a, const char *session_id,
		struct attendance_scan_count **out, size_t *n)
{
	const char *p[] = { session_id };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &counts, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	struct attendance_scan_count *c = count ? arena_calloc(a, count, sizeof(*c)) : NULL;
	if (count && !c)
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		c[i] = (struct attendance_scan_count){ db_get(r, i, "half_day_id"),
			strtol(db_get(r, i, "n"), NULL, 10) };
	*out = c;
	*n = count;
	return DB_OK;
}

int store_attendance_scan_bytes(struct db *db, struct arena *a, const char *half_day_id,
		const char *id, const char **content_type, const unsigned char **data, size_t *len)
{
	const char *p[] = { id, half_day_id };
	struct db_rows *r;
	*content_type = NULL;
	*data = NULL;
	*len = 0;
	int rc = db_run_binary_result(db, a, &bytes, 2, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	*content_type = db_get(r, 0, "content_type");
	*data = (const unsigned char *)db_get(r, 0, "bytes");
	*len = db_get_len(r, 0, "bytes");
	return DB_OK;
}
