/* Logins and anti-forgery, checked by the dispatcher before a handler runs
 * (as the route table asks), and used by the login pages. */
#ifndef FORMATIONS_AUTH_H
#define FORMATIONS_AUTH_H

#include <stddef.h>

struct ctx;
struct db;

#define AUTH_LOGIN_COOKIE "egoc_login"
#define AUTH_CSRF_COOKIE "egoc_csrf"
#define AUTH_CSRF_FIELD "_csrf"
#define AUTH_KEY_BYTES 32

/* Once per process: libsodium. */
int auth_init(void);
/* Once per worker: the shared signing key from PostgreSQL (made by the
 * first worker), and a hash to verify when an email is unknown, so that
 * both failures take the same time. 0 or a DB_ status. */
int auth_worker_keys(struct db *db, unsigned char key[AUTH_KEY_BYTES], char **dummy_hash);

/* The anti-forgery token of this browser, for the forms of the page; sets
 * the browser's cookie when it has none. Also put in the view as
 * Csrf.token. Returns 0 or 500. */
int auth_csrf_prepare(struct ctx *ctx);
/* 0 when the POST carries a token bound to this browser's cookie and no
 * foreign Origin; else 403. */
int auth_csrf_check(struct ctx *ctx);

/* Finds the login of the browser: 0 and ctx->login set, 303 to the login
 * page when there is none, or a failure status (503). */
int auth_require_login(struct ctx *ctx);

/* After a successful password check: ends any login the browser had,
 * opens a new one, sets its cookie. Returns 0 or a failure status. */
int auth_open_login(struct ctx *ctx, const char *user_id);
/* Ends the browser's login server-side and clears its cookie. */
int auth_close_login(struct ctx *ctx);

/* 32 random bytes as 43 URL-safe characters (and the NUL): form tokens,
 * tracking links, logins. */
#define AUTH_TOKEN_TEXT 44
void auth_random_token(char out[AUTH_TOKEN_TEXT]);

/* Argon2id (libsodium crypto_pwhash_str). 0 or -1 (out of memory). */
int auth_hash_password(const char *password, char *out, size_t out_size);
/* 1 when password matches hash, in constant time. */
int auth_verify_password(const char *hash, const char *password);

/* Sets a cookie (HttpOnly, SameSite=Lax, Path=/, Secure with
 * cookie_secure); max_age < 0 for one that ends with the browser: 0 or -1. */
int auth_set_cookie(struct ctx *ctx, const char *name, const char *value, long max_age);

#endif
