#include "store/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "store/db.h"

#define USER_COLUMNS "id, email, display_name, role, active, password_hash, accessibility_referent," \
	" to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') AS created_at"

static const struct db_stmt user_create = { "user_create",
	"INSERT INTO staff_user (email, display_name, role, password_hash)"
	" VALUES ($1, $2, $3, $4) RETURNING id" };
static const struct db_stmt user_by_email = { "user_by_email",
	"SELECT " USER_COLUMNS " FROM staff_user WHERE email = $1" };
static const struct db_stmt user_by_id = { "user_by_id",
	"SELECT " USER_COLUMNS " FROM staff_user WHERE id = $1" };
static const struct db_stmt users_list = { "users_list",
	"SELECT " USER_COLUMNS " FROM staff_user ORDER BY active DESC, display_name, id" };
static const struct db_stmt user_set_password = { "user_set_password",
	"UPDATE staff_user SET password_hash = $2, updated_at = now() WHERE email = $1" };
static const struct db_stmt user_set_role = { "user_set_role",
	"UPDATE staff_user SET role = $2, updated_at = now() WHERE id = $1" };
static const struct db_stmt user_set_active = { "user_set_active",
	"WITH u AS (UPDATE staff_user SET active = $2, updated_at = now() WHERE id = $1"
	" RETURNING id, active)"
	" DELETE FROM login WHERE user_id IN (SELECT id FROM u WHERE NOT active)" };
static const struct db_stmt user_set_referent = { "user_set_referent",
	"UPDATE staff_user SET accessibility_referent = $2::boolean, updated_at = now()"
	" WHERE id = $1::bigint RETURNING id" };

static const struct db_stmt login_create = { "login_create",
	"INSERT INTO login (token_hash, user_id, ip, user_agent)"
	" VALUES ($1, $2, left($3, 64), left($4, 512))" };
static const struct db_stmt login_find = { "login_find",
	"SELECT u.id, u.email, u.display_name, u.role, u.accessibility_referent,"
	" l.last_seen_at < now() - interval '60 seconds' AS seen_long_ago"
	" FROM login l JOIN staff_user u ON u.id = l.user_id"
	" WHERE l.token_hash = $1 AND u.active"
	" AND l.last_seen_at > now() - make_interval(secs => $2::int)"
	" AND l.created_at > now() - make_interval(secs => $3::int)" };
static const struct db_stmt login_touch = { "login_touch",
	"UPDATE login SET last_seen_at = now() WHERE token_hash = $1" };
static const struct db_stmt login_delete = { "login_delete",
	"DELETE FROM login WHERE token_hash = $1" };

static const struct db_stmt failures_count = { "login_failures_count",
	"SELECT count(*) FILTER (WHERE email = $1) AS by_email,"
	" count(*) FILTER (WHERE email = $1 AND ip = $2) AS by_email_here,"
	" count(*) FILTER (WHERE ip = $2) AS by_ip,"
	" ceil(extract(epoch FROM coalesce(min(at) FILTER (WHERE email = $1), now())"
	"   + make_interval(secs => $3::int) - now()))::bigint AS retry_email,"
	" ceil(extract(epoch FROM coalesce(min(at) FILTER (WHERE ip = $2), now())"
	"   + make_interval(secs => $3::int) - now()))::bigint AS retry_ip"
	" FROM login_failure"
	" WHERE (email = $1 OR ip = $2) AND at > now() - make_interval(secs => $3::int)" };
static const struct db_stmt failure_add = { "login_failure_add",
	"INSERT INTO login_failure (email, ip) VALUES (left($1, 254), left($2, 64))" };
static const struct db_stmt failures_clear = { "login_failures_clear",
	"DELETE FROM login_failure WHERE email = $1" };

static const struct db_stmt audit_add = { "audit_add",
	"INSERT INTO audit_log (user_id, email, ip, action, detail)"
	" VALUES ($1, left($2, 254), left($3, 64), $4, left($5, 1000))" };
static const struct db_stmt audit_list = { "audit_list",
	"SELECT to_char(at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI:SS') AS at,"
	" email, ip, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT $1" };

static const struct db_stmt secret_make = { "site_secret_make",
	"INSERT INTO site_secret (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING" };
static const struct db_stmt secret_get = { "site_secret_get",
	"SELECT secret FROM site_secret WHERE name = $1" };

static void user_from_row(const struct db_rows *r, size_t i, struct staff_user *u)
{
	*u = (struct staff_user){
		.id = db_get(r, i, "id"),
		.email = db_get(r, i, "email"),
		.display_name = db_get(r, i, "display_name"),
		.role = db_get(r, i, "role"),
		.password_hash = db_get(r, i, "password_hash"),
		.created_at = db_get(r, i, "created_at"),
		.active = strcmp(db_get(r, i, "active"), "t") == 0,
		.referent = strcmp(db_get(r, i, "accessibility_referent"), "t") == 0,
	};
}

int store_user_create(struct db *db, struct arena *a, const char *email, const char *name,
		const char *role, const char *password_hash, const char **id)
{
	struct db_rows *r;
	const char *p[] = { email, name, role, password_hash };
	int rc = db_run(db, a, &user_create, 4, p, &r);
	if (rc == DB_OK && id)
		*id = db_get(r, 0, "id");
	return rc;
}

static int user_one(struct db *db, struct arena *a, const struct db_stmt *stmt,
		const char *key, struct staff_user *out)
{
	struct db_rows *r;
	const char *p[] = { key };
	int rc = db_run(db, a, stmt, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	user_from_row(r, 0, out);
	return DB_OK;
}

int store_user_by_email(struct db *db, struct arena *a, const char *email,
		struct staff_user *out)
{
	return user_one(db, a, &user_by_email, email, out);
}

int store_user_by_id(struct db *db, struct arena *a, const char *id, struct staff_user *out)
{
	return user_one(db, a, &user_by_id, id, out);
}

int store_users_list(struct db *db, struct arena *a, struct staff_user **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &users_list, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		user_from_row(r, i, &(*out)[i]);
	return DB_OK;
}

static int run_and_count(struct db *db, const struct db_stmt *stmt, int n, const char *const *p)
{
	return db_run(db, NULL, stmt, n, p, NULL);
}

int store_user_set_password(struct db *db, const char *email, const char *password_hash)
{
	const char *p[] = { email, password_hash };
	return run_and_count(db, &user_set_password, 2, p);
}

int store_user_set_role(struct db *db, const char *id, const char *role)
{
	const char *p[] = { id, role };
	return run_and_count(db, &user_set_role, 2, p);
}

int store_user_set_active(struct db *db, const char *id, int active)
{
	const char *p[] = { id, active ? "true" : "false" };
	return run_and_count(db, &user_set_active, 2, p);
}

int store_user_set_referent(struct db *db, const char *id, int referent)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { id, referent ? "true" : "false" };
	struct db_rows *r;
	int rc = db_run(db, a, &user_set_referent, 2, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	arena_free(a);
	return rc;
}

int store_login_create(struct db *db, const char *token_hash, const char *user_id,
		const char *ip, const char *user_agent)
{
	const char *p[] = { token_hash, user_id, ip, user_agent };
	return run_and_count(db, &login_create, 4, p);
}

int store_login_find(struct db *db, struct arena *a, const char *token_hash,
		int idle_seconds, int max_seconds, struct login_user *out)
{
	char idle[16], max[16];
	snprintf(idle, sizeof(idle), "%d", idle_seconds);
	snprintf(max, sizeof(max), "%d", max_seconds);
	const char *p[] = { token_hash, idle, max };
	struct db_rows *r;
	int rc = db_run(db, a, &login_find, 3, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	*out = (struct login_user){
		.user_id = db_get(r, 0, "id"),
		.email = db_get(r, 0, "email"),
		.display_name = db_get(r, 0, "display_name"),
		.role = db_get(r, 0, "role"),
		.seen_long_ago = strcmp(db_get(r, 0, "seen_long_ago"), "t") == 0,
		.referent = strcmp(db_get(r, 0, "accessibility_referent"), "t") == 0,
	};
	return DB_OK;
}

int store_login_touch(struct db *db, const char *token_hash)
{
	const char *p[] = { token_hash };
	return run_and_count(db, &login_touch, 1, p);
}

int store_login_delete(struct db *db, const char *token_hash)
{
	const char *p[] = { token_hash };
	return run_and_count(db, &login_delete, 1, p);
}

static long at_least_one(const char *v)
{
	long n = strtol(v, NULL, 10);
	return n < 1 ? 1 : n;
}

int store_login_failures(struct db *db, struct arena *a, const char *email, const char *ip,
		int window_seconds, struct login_failures *out)
{
	char window[16];
	snprintf(window, sizeof(window), "%d", window_seconds);
	const char *p[] = { email, ip, window };
	struct db_rows *r;
	int rc = db_run(db, a, &failures_count, 3, p, &r);
	if (rc != DB_OK)
		return rc;
	*out = (struct login_failures){
		.by_email = strtol(db_get(r, 0, "by_email"), NULL, 10),
		.by_email_here = strtol(db_get(r, 0, "by_email_here"), NULL, 10),
		.by_ip = strtol(db_get(r, 0, "by_ip"), NULL, 10),
		.retry_email = at_least_one(db_get(r, 0, "retry_email")),
		.retry_ip = at_least_one(db_get(r, 0, "retry_ip")),
	};
	return DB_OK;
}

int store_login_failure_add(struct db *db, const char *email, const char *ip)
{
	const char *p[] = { email, ip };
	return run_and_count(db, &failure_add, 2, p);
}

int store_login_failures_clear(struct db *db, const char *email)
{
	const char *p[] = { email };
	return run_and_count(db, &failures_clear, 1, p);
}

int store_audit(struct db *db, const char *user_id, const char *email, const char *ip,
		const char *action, const char *detail)
{
	const char *p[] = { user_id, email ? email : "", ip ? ip : "", action,
		detail ? detail : "" };
	return run_and_count(db, &audit_add, 5, p);
}

int store_audit_list(struct db *db, struct arena *a, size_t max,
		struct audit_entry **out, size_t *n)
{
	char limit[24];
	snprintf(limit, sizeof(limit), "%zu", max);
	const char *p[] = { limit };
	struct db_rows *r;
	int rc = db_run(db, a, &audit_list, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct audit_entry){
			.at = db_get(r, i, "at"),
			.email = db_get(r, i, "email"),
			.ip = db_get(r, i, "ip"),
			.action = db_get(r, i, "action"),
			.detail = db_get(r, i, "detail"),
		};
	return DB_OK;
}

int store_site_secret(struct db *db, struct arena *a, const char *name, const char *proposed,
		const char **secret)
{
	const char *p[] = { name, proposed };
	struct db_rows *r;
	int rc = run_and_count(db, &secret_make, 2, p);
	if (rc == DB_OK)
		rc = db_run(db, a, &secret_get, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_FAILED;
	if (rc == DB_OK)
		*secret = db_get(r, 0, "secret");
	return rc;
}

/* Keys read so far by this process: a key never changes once made, and
 * the signing paths (a participant's signature, the verification page)
 * should not pay a round trip for it. A process serves one database. */
static struct { char name[32]; size_t len; unsigned char key[64]; } known_keys[8];
static size_t n_known_keys;

static int known_key(const char *name, unsigned char *key, size_t len)
{
	for (size_t i = 0; i < n_known_keys; i++)
		if (known_keys[i].len == len && strcmp(known_keys[i].name, name) == 0) {
			memcpy(key, known_keys[i].key, len);
			return 1;
		}
	return 0;
}

static void remember_key(const char *name, const unsigned char *key, size_t len)
{
	if (n_known_keys == sizeof(known_keys) / sizeof(known_keys[0]) ||
			strlen(name) >= sizeof(known_keys[0].name))
		return;
	snprintf(known_keys[n_known_keys].name, sizeof(known_keys[0].name), "%s", name);
	known_keys[n_known_keys].len = len;
	memcpy(known_keys[n_known_keys].key, key, len);
	n_known_keys++;
}

int store_site_key(struct db *db, const char *name, unsigned char *key, size_t len)
{
	unsigned char proposed_bin[64], bin[64];
	char proposed[sodium_base64_ENCODED_LEN(64, sodium_base64_VARIANT_ORIGINAL)];
	const char *secret = NULL;
	size_t got = 0;
	if (len == 0 || len > sizeof(bin))
		return DB_FAILED;
	if (known_key(name, key, len))
		return DB_OK;
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	randombytes_buf(proposed_bin, len);
	sodium_bin2base64(proposed, sizeof(proposed), proposed_bin, len, sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(proposed_bin, sizeof(proposed_bin));
	int rc = store_site_secret(db, a, name, proposed, &secret);
	if (rc == DB_OK && (sodium_base642bin(bin, sizeof(bin), secret, strlen(secret), NULL, &got,
			NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || got != len))
		rc = DB_FAILED;
	if (rc == DB_OK) {
		memcpy(key, bin, len);
		remember_key(name, key, len);
	}
	sodium_memzero(bin, sizeof(bin));
	sodium_memzero(proposed, sizeof(proposed));
	arena_free(a);
	return rc;
}
