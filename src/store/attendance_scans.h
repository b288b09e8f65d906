/* Scans of signed paper attendance sheets (sql/0017), attached to a
 * half-day: added, listed, read back. Never changed or removed. */
#ifndef FORMATIONS_STORE_ATTENDANCE_SCANS_H
#define FORMATIONS_STORE_ATTENDANCE_SCANS_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* A scan as the half-day page lists it (its bytes aside). */
struct attendance_scan {
	const char *id, *half_day_id, *content_type, *sha256, *filename, *uploaded_by;
	long long size;         /* bytes */
	int64_t uploaded_at;    /* Unix seconds */
};

/* What is added: content_type is the one its first bytes gave
 * (rules/scan.h), sha256 their hex SHA-256, filename already cleaned. */
struct attendance_scan_new {
	const char *session_id, *half_day_id, *content_type, *sha256, *filename, *uploaded_by;
	const unsigned char *bytes;
	size_t len;
};

/* Adds one scan; *id is its id (arena). */
int store_attendance_scan_add(struct db *db, struct arena *a, const struct attendance_scan_new *s,
		const char **id);
/* The scans of a half-day, oldest first; uploaded_by is the staff
 * member's name. */
int store_attendance_scans(struct db *db, struct arena *a, const char *half_day_id,
		struct attendance_scan **out, size_t *n);
/* How many scans each half-day of a session has (only those with one). */
struct attendance_scan_count {
	const char *half_day_id;
	long count;
};
int store_attendance_scan_counts(struct db *db, struct arena *a, const char *session_id,
		struct attendance_scan_count **out, size_t *n);
/* The bytes and type of scan id of half-day half_day_id (DB_NOT_FOUND
 * when that half-day has no such scan); they belong to the arena. */
int store_attendance_scan_bytes(struct db *db, struct arena *a, const char *half_day_id,
		const char *id, const char **content_type, const unsigned char **bytes, size_t *len);

#endif
