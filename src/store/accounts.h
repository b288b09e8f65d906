/* Staff accounts, logins, failed attempts, the audit log, the site secret. */
#ifndef FORMATIONS_STORE_ACCOUNTS_H
#define FORMATIONS_STORE_ACCOUNTS_H

#include <stddef.h>

struct arena;
struct db;

struct staff_user {
	const char *id, *email, *display_name, *role, *password_hash, *created_at;
	int active;
	int referent;             /* the référent handicap (accessibility needs) */
};

struct login_user {
	const char *user_id, *email, *display_name, *role;
	int seen_long_ago;        /* last_seen_at worth refreshing */
	int referent;             /* marked référent handicap by an admin */
};

struct audit_entry {
	const char *at, *email, *ip, *action, *detail;
};

/* Accounts. Emails are passed lowercased. DB_CONFLICT: email taken. */
int store_user_create(struct db *db, struct arena *a, const char *email, const char *name,
		const char *role, const char *password_hash, const char **id);
int store_user_by_email(struct db *db, struct arena *a, const char *email,
		struct staff_user *out);
int store_user_by_id(struct db *db, struct arena *a, const char *id, struct staff_user *out);
int store_users_list(struct db *db, struct arena *a, struct staff_user **out, size_t *n);
int store_user_set_password(struct db *db, const char *email, const char *password_hash);
int store_user_set_role(struct db *db, const char *id, const char *role);
/* Disabling ends every login of the account in the same transaction. */
int store_user_set_active(struct db *db, const char *id, int active);
/* Marks the account référent handicap, or no longer (DB_NOT_FOUND). */
int store_user_set_referent(struct db *db, const char *id, int referent);

/* Logins, by the hex hash of their token. */
int store_login_create(struct db *db, const char *token_hash, const char *user_id,
		const char *ip, const char *user_agent);
int store_login_find(struct db *db, struct arena *a, const char *token_hash,
		int idle_seconds, int max_seconds, struct login_user *out);
int store_login_touch(struct db *db, const char *token_hash);
int store_login_delete(struct db *db, const char *token_hash);

/* Failed logins within the window: for the email (from anywhere, and from
 * this address), from this address, and the seconds until the oldest
 * counted one of the email, or of the address, leaves the window (for
 * Retry-After; at least 1). */
struct login_failures {
	long by_email, by_email_here, by_ip;
	long retry_email, retry_ip;
};
int store_login_failures(struct db *db, struct arena *a, const char *email, const char *ip,
		int window_seconds, struct login_failures *out);
int store_login_failure_add(struct db *db, const char *email, const char *ip);
int store_login_failures_clear(struct db *db, const char *email);

/* Audit log; user_id may be NULL. */
int store_audit(struct db *db, const char *user_id, const char *email, const char *ip,
		const char *action, const char *detail);
int store_audit_list(struct db *db, struct arena *a, size_t max,
		struct audit_entry **out, size_t *n);

/* The named secret, made from proposed by the first caller. */
int store_site_secret(struct db *db, struct arena *a, const char *name, const char *proposed,
		const char **secret);
/* A named key of len bytes (at most 64), random, made by the first caller
 * and shared by every worker and host from then on: a secret of its own
 * for each use (one key, one use). Kept by the process once read. */
int store_site_key(struct db *db, const char *name, unsigned char *key, size_t len);

#endif
