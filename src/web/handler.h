/* What every page handler receives: the request being served and what it
 * may use to answer it. A handler returns 0 once it has filled ctx->res, or
 * an HTTP status (404, 503, ...) for the dispatcher to answer with the
 * site's error page. */
#ifndef FORMATIONS_HANDLER_H
#define FORMATIONS_HANDLER_H

struct arena;
struct db;
struct request;
struct response;
struct settings;
struct templates;
struct view;
struct login_user;

struct ctx {
	struct arena *arena;
	const struct settings *settings;
	const struct request *req;
	struct response *res;
	struct db *db;
	struct templates *templates;
	struct view *view;        /* fresh for this request */
	const unsigned char *site_key;   /* signs anti-forgery tokens */
	const char *dummy_hash;   /* verified when an email is unknown */
	struct login_user *login; /* the staff member, on intranet routes */
	const char *login_token_hash;
	const char *csrf_token;   /* set once a form needs it */
	int csrf_refused;         /* the error page explains a refused form */
};

typedef int (*handler_fn)(struct ctx *ctx);

/* Renders template into the response with status; returns 0 or 500. */
int handler_render(struct ctx *ctx, int status, const char *template_name);
/* 303 to a local path. Returns 0, or 500 if the target is refused. */
int handler_redirect(struct ctx *ctx, const char *location);
/* Conditional GET: sets ETag and Last-Modified (seconds since the epoch)
 * and returns 1 when the browser's copy is current (the response is then
 * a complete 304), else 0. */
int handler_not_modified(struct ctx *ctx, const char *etag, long last_modified);
/* Changes with every build, so that a new release never matches an ETag
 * made by the previous one. */
const char *handler_build_id(void);
/* Maps a store status to the handler's answer: DB_NOT_FOUND is 404,
 * DB_UNAVAILABLE 503, anything else 500. */
int handler_db_status(int db_status);

#endif
