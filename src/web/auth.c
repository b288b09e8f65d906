#include "web/auth.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/settings.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "view/view.h"
#include "web/handler.h"
#include "web/request.h"
#include "web/response.h"

#define TOKEN_BYTES 32
#define TOKEN_TEXT sodium_base64_ENCODED_LEN(TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)

int auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

static void random_token(char out[TOKEN_TEXT]);

static void token_text(const unsigned char *bin, size_t n, char *out, size_t out_size)
{
	sodium_bin2base64(out, out_size, bin, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void auth_random_token(char out[AUTH_TOKEN_TEXT])
{
	random_token(out);
}

static void random_token(char out[TOKEN_TEXT])
{
	unsigned char bin[TOKEN_BYTES];
	randombytes_buf(bin, sizeof(bin));
	token_text(bin, sizeof(bin), out, TOKEN_TEXT);
}

int auth_hash_password(const char *password, char *out, size_t out_size)
{
	if (out_size < crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str(out, password, strlen(password),
			crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int auth_verify_password(const char *hash, const char *password)
{
	if (strlen(hash) >= crypto_pwhash_STRBYTES)
		return 0;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

int auth_worker_keys(struct db *db, unsigned char key[AUTH_KEY_BYTES], char **dummy_hash)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	unsigned char proposed_bin[AUTH_KEY_BYTES];
	char proposed[sodium_base64_ENCODED_LEN(AUTH_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	randombytes_buf(proposed_bin, sizeof(proposed_bin));
	sodium_bin2base64(proposed, sizeof(proposed), proposed_bin, sizeof(proposed_bin),
			sodium_base64_VARIANT_ORIGINAL);
	const char *secret;
	int rc = store_site_secret(db, a, "csrf", proposed, &secret);
	size_t len = 0;
	if (rc == DB_OK && (sodium_base642bin(key, AUTH_KEY_BYTES, secret, strlen(secret), NULL,
			&len, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || len != AUTH_KEY_BYTES))
		rc = DB_FAILED;
	arena_free(a);
	if (rc != DB_OK || *dummy_hash)
		return rc;
	char random_password[TOKEN_TEXT];
	random_token(random_password);
	*dummy_hash = sodium_malloc(crypto_pwhash_STRBYTES);
	if (!*dummy_hash || auth_hash_password(random_password, *dummy_hash, crypto_pwhash_STRBYTES) < 0)
		return DB_FAILED;
	return DB_OK;
}

/* "Set-Cookie" values: HttpOnly and SameSite=Lax always, Secure on HTTPS. */
int auth_set_cookie(struct ctx *ctx, const char *name, const char *value, long max_age)
{
	char *v = max_age >= 0
		? arena_printf(ctx->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%ld%s",
			name, value, max_age, ctx->settings->cookie_secure ? "; Secure" : "")
		: arena_printf(ctx->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s",
			name, value, ctx->settings->cookie_secure ? "; Secure" : "");
	return v && response_header(ctx->res, "Set-Cookie", v) == 0 ? 0 : -1;
}

static int csrf_cookie_ok(const char *c)
{
	if (!c || strlen(c) != TOKEN_TEXT - 1)
		return 0;
	for (const char *p = c; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
				(*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* crypto_auth (HMAC-SHA-512-256) of a cookie under the site key, the same
 * bytes as crypto_auth() gives. Half of an HMAC's work is hashing the
 * key's two pads, the same for every message: a worker does it once for
 * its key and starts each message from a copy of that state. */
_Static_assert(AUTH_KEY_BYTES == crypto_auth_KEYBYTES, "the site key is crypto_auth's key");

static void site_mac(const unsigned char *key, const char *msg, unsigned char mac[crypto_auth_BYTES])
{
	static crypto_auth_hmacsha512256_state keyed;
	static unsigned char keyed_with[crypto_auth_KEYBYTES];
	static int have_keyed;
	if (!have_keyed || sodium_memcmp(keyed_with, key, sizeof(keyed_with)) != 0) {
		crypto_auth_hmacsha512256_init(&keyed, key, crypto_auth_KEYBYTES);
		memcpy(keyed_with, key, sizeof(keyed_with));
		have_keyed = 1;
	}
	crypto_auth_hmacsha512256_state st = keyed;
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)msg, strlen(msg));
	crypto_auth_hmacsha512256_final(&st, mac);
	sodium_memzero(&st, sizeof(st));
}

static void csrf_token_for(const unsigned char *key, const char *cookie, char *out, size_t n)
{
	unsigned char mac[crypto_auth_BYTES];
	site_mac(key, cookie, mac);
	token_text(mac, sizeof(mac), out, n);
}

int auth_csrf_prepare(struct ctx *ctx)
{
	if (ctx->csrf_token)
		return 0;
	/* A page carrying a token is this browser's alone: never kept by the
	 * page cache (X-Accel-Expires wins over nginx's own validity) nor by
	 * the browser's. */
	if (response_header(ctx->res, "Cache-Control", "no-store") < 0 ||
			response_header(ctx->res, "X-Accel-Expires", "0") < 0)
		return 500;
	const char *cookie = params_get(&ctx->req->cookies, AUTH_CSRF_COOKIE);
	if (!csrf_cookie_ok(cookie)) {
		char *fresh = arena_alloc(ctx->arena, TOKEN_TEXT);
		if (!fresh)
			return 500;
		random_token(fresh);
		if (auth_set_cookie(ctx, AUTH_CSRF_COOKIE, fresh, -1) < 0)
			return 500;
		cookie = fresh;
	}
	char *token = arena_alloc(ctx->arena, TOKEN_TEXT);
	if (!token)
		return 500;
	csrf_token_for(ctx->site_key, cookie, token, TOKEN_TEXT);
	ctx->csrf_token = token;
	return view_set(ctx->view, "Csrf.token", token) < 0 ? 500 : 0;
}

/* The scheme, host and port of base_url, which is what a browser sends as
 * Origin for our own pages. */
static int origin_is_ours(const char *origin, const char *base_url)
{
	const char *scheme_end = strstr(base_url, "://");
	if (!scheme_end)
		return 0;
	const char *host_end = strchr(scheme_end + 3, '/');
	size_t n = host_end ? (size_t)(host_end - base_url) : strlen(base_url);
	return strlen(origin) == n && strncmp(origin, base_url, n) == 0;
}

int auth_csrf_check(struct ctx *ctx)
{
	const struct request *r = ctx->req;
	if (r->origin && !origin_is_ours(r->origin, ctx->settings->base_url)) {
		log_line("csrf: foreign origin refused");
		return 403;
	}
	const char *cookie = params_get(&r->cookies, AUTH_CSRF_COOKIE);
	const char *field = params_get(&r->form, AUTH_CSRF_FIELD);
	if (!csrf_cookie_ok(cookie) || !field)
		return 403;
	unsigned char mac[crypto_auth_BYTES];
	size_t len = 0;
	if (sodium_base642bin(mac, sizeof(mac), field, strlen(field), NULL, &len, NULL,
			sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || len != sizeof(mac))
		return 403;
	unsigned char expected[crypto_auth_BYTES];
	site_mac(ctx->site_key, cookie, expected);
	if (crypto_verify_32(mac, expected) != 0)
		return 403;
	return 0;
}

static const char *login_hash(struct ctx *ctx, const char *token)
{
	unsigned char h[crypto_generichash_BYTES];
	char *hex = arena_alloc(ctx->arena, sizeof(h) * 2 + 1);
	if (!hex)
		return NULL;
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	return sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
}

/* 303 to the login page, asking to come back here afterwards. */
static int to_login_page(struct ctx *ctx)
{
	const char *uri = ctx->req->uri;
	if (!field_return_target(uri) || strcmp(ctx->req->method, "GET") != 0)
		return handler_redirect(ctx, "/intranet/connexion");
	const char *escaped = arena_url_encode(ctx->arena, uri);
	if (!escaped)
		return 500;
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/connexion?retour=%s", escaped));
}

int auth_require_login(struct ctx *ctx)
{
	const char *token = params_get(&ctx->req->cookies, AUTH_LOGIN_COOKIE);
	if (!token || strlen(token) != TOKEN_TEXT - 1)
		return to_login_page(ctx);
	const char *hash = login_hash(ctx, token);
	struct login_user *user = arena_calloc(ctx->arena, 1, sizeof(*user));
	if (!hash || !user)
		return 500;
	int rc = store_login_find(ctx->db, ctx->arena, hash, ctx->settings->login_idle,
			ctx->settings->login_max, user);
	if (rc == DB_NOT_FOUND)
		return to_login_page(ctx);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* last_seen_at is refreshed at most once a minute: a read, not a write,
	 * on most intranet requests. */
	if (user->seen_long_ago && store_login_touch(ctx->db, hash) != DB_OK)
		log_line("login: could not refresh last_seen_at");
	ctx->login = user;
	ctx->login_token_hash = hash;
	if (view_set(ctx->view, "Login.name", user->display_name) < 0 ||
			view_set(ctx->view, "Login.role", user->role) < 0 ||
			view_set(ctx->view, "Login.role_label", field_role_label(user->role)) < 0 ||
			(user->referent && view_set(ctx->view, "Login.referent", "1") < 0))
		return 500;
	return auth_csrf_prepare(ctx);
}

int auth_open_login(struct ctx *ctx, const char *user_id)
{
	/* A token the browser held before is never kept after the login. */
	const char *old = params_get(&ctx->req->cookies, AUTH_LOGIN_COOKIE);
	if (old && *old) {
		const char *old_hash = login_hash(ctx, old);
		if (old_hash)
			(void)store_login_delete(ctx->db, old_hash);
	}
	char *token = arena_alloc(ctx->arena, TOKEN_TEXT);
	if (!token)
		return 500;
	random_token(token);
	const char *hash = login_hash(ctx, token);
	if (!hash)
		return 500;
	int rc = store_login_create(ctx->db, hash, user_id, ctx->req->remote_addr,
			ctx->req->user_agent);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return auth_set_cookie(ctx, AUTH_LOGIN_COOKIE, token, -1) < 0 ? 500 : 0;
}

int auth_close_login(struct ctx *ctx)
{
	if (ctx->login_token_hash) {
		int rc = store_login_delete(ctx->db, ctx->login_token_hash);
		if (rc != DB_OK)
			return handler_db_status(rc);
	}
	return auth_set_cookie(ctx, AUTH_LOGIN_COOKIE, "", 0) < 0 ? 500 : 0;
}
