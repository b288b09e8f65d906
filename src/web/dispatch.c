#define _POSIX_C_SOURCE 200809L
#include "web/dispatch.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* __DATE__ and __TIME__ of this file's compilation stand for the build:
 * the Makefile rebuilds it whenever any source changed. */
#define BUILD_ID __DATE__ "-" __TIME__

#include <fcgiapp.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/settings.h"
#include "pages/pages.h"
#include "store/accounts.h"
#include "store/db.h"
#include "rules/fields.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"
#include "web/routes.h"

/* The part of the site a path is in, for the menu's aria-current:
 * "/formations" for "/formations/x", "/intranet/demandes" for
 * "/intranet/demandes/12", "/intranet" for the staff home. */
static int set_section(struct ctx *ctx)
{
	const char *p = ctx->req->path;
	if (!p || p[0] != '/')
		return 0;
	size_t n = 1 + strcspn(p + 1, "/");
	if (strncmp(p, "/intranet", n) == 0 && n == 9 && p[9] == '/' && p[10])
		n = 10 + strcspn(p + 10, "/");
	return view_set(ctx->view, "Page.section", arena_strndup(ctx->arena, p, n)) < 0 ? 500 : 0;
}

int handler_render(struct ctx *ctx, int status, const char *template_name)
{
	/* only a page drawn with the layout needs it: redirects and refusals
	 * before any page do not pay for it */
	if (set_section(ctx) != 0)
		return 500;
	ctx->res->status = status;
	ctx->res->body.len = 0;
	if (view_render(ctx->templates, template_name, ctx->view, &ctx->res->body) < 0)
		return 500;
	return 0;
}

int handler_db_status(int db_status)
{
	switch (db_status) {
	case DB_OK:
		return 0;
	case DB_NOT_FOUND:
		return 404;
	case DB_UNAVAILABLE:
		return 503;
	default:
		return 500;
	}
}

/* The last resort when even the error template cannot render. */
static void plain_error(struct response *res, int status)
{
	static const char text[] = "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\">"
		"<title>Erreur</title><p>Le service est momentanément indisponible. "
		"Merci de réessayer dans quelques instants.</p></html>";
	res->status = status;
	res->body.len = 0;
	if (buf_append(&res->body, text, sizeof(text) - 1) < 0)
		res->body.len = 0;
}

/* An error page drops the headers of the page that failed, but not the
 * cookies already set: the browser must get the anti-forgery cookie whose
 * token the page carries. */
static void keep_cookies_only(struct response *res)
{
	size_t kept = 0;
	for (size_t i = 0; i < res->n_headers; i++)
		if (strcmp(res->headers[i].name, "Set-Cookie") == 0)
			res->headers[kept++] = res->headers[i];
	res->n_headers = kept;
}

/* Any status a handler or the request layer gave up with becomes the
 * site's error page, with a fresh dataset: nothing half-filled leaks in. */
static void error_page(struct ctx *ctx, int status)
{
	ctx->view = view_new(ctx->arena);
	keep_cookies_only(ctx->res);
	if (ctx->view && ctx->login) {
		(void)view_set(ctx->view, "Login.name", ctx->login->display_name);
		(void)view_set(ctx->view, "Login.role", ctx->login->role);
		(void)view_set(ctx->view, "Csrf.token", ctx->csrf_token);
	}
	if (!ctx->view || page_error(ctx, status) != 0)
		plain_error(ctx->res, status);
	if (status == 503)
		response_header(ctx->res, "Retry-After", "5");
	/* Exactly what the route table answers for this path. */
	if (status == 405 && ctx->req->path)
		response_header(ctx->res, "Allow", routes_allow_header(routes_methods(ctx->req->path)));
}

int handler_redirect(struct ctx *ctx, const char *location)
{
	if (!location || !field_return_target(location) ||
			response_header(ctx->res, "Location", location) < 0)
		return 500;
	ctx->res->status = 303;
	ctx->res->body.len = 0;
	return 0;
}

/* ETag characters exclude spaces: the build stamp is hashed to hex (FNV-1a). */
const char *handler_build_id(void)
{
	static char id[17];
	if (!id[0]) {
		unsigned long long h = 14695981039346656037ULL;
		for (const char *p = BUILD_ID; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		snprintf(id, sizeof(id), "%016llx", h);
	}
	return id;
}

static int http_date(long t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	return gmtime_r(&tt, &tm) && strftime(out, n, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0;
}

/* Browsers send back the validators they were given, byte for byte, so
 * plain comparison is enough; If-None-Match wins over If-Modified-Since. */
int handler_not_modified(struct ctx *ctx, const char *etag, long last_modified)
{
	char date[64];
	const char *lm = http_date(last_modified, date, sizeof(date)) ?
		arena_strdup(ctx->arena, date) : NULL;
	if (!etag || response_header(ctx->res, "ETag", etag) < 0 ||
			(lm && response_header(ctx->res, "Last-Modified", lm) < 0) ||
			response_header(ctx->res, "Cache-Control", "no-cache") < 0)
		return 0;
	const struct request *r = ctx->req;
	int fresh = r->if_none_match ? strstr(r->if_none_match, etag) != NULL :
		(lm && r->if_modified_since && strcmp(r->if_modified_since, lm) == 0);
	if (fresh) {
		ctx->res->status = 304;
		ctx->res->body.len = 0;
	}
	return fresh;
}

/* The shared key and dummy hash need PostgreSQL: fetched on the first
 * request that finds it up, then kept for the worker's life. */
static int worker_keys(struct worker *w)
{
	if (w->have_keys)
		return 0;
	int rc = auth_worker_keys(w->db, w->site_key, &w->dummy_hash);
	if (rc != DB_OK)
		return handler_db_status(rc);
	w->have_keys = 1;
	return 0;
}

/* What the route table asks, in order (its body was read with its limits
 * already): database, anti-forgery, login, role. A handler runs only when
 * all of it holds. */
static int run_route(struct ctx *ctx, const struct route *route, struct worker *w)
{
	int status;
	if ((route->needs & NEEDS_DB) && db_ready(w->db) != DB_OK)
		return 503;
	if ((status = worker_keys(w)) != 0)
		return status;
	ctx->site_key = w->site_key;
	ctx->dummy_hash = w->dummy_hash;
	if ((route->needs & NEEDS_CSRF) && (status = auth_csrf_check(ctx)) != 0) {
		ctx->csrf_refused = 1;
		return status;
	}
	if (route->needs & NEEDS_LOGIN) {
		if ((status = auth_require_login(ctx)) != 0 || ctx->res->status == 303)
			return status;
		if (!(routes_role_bit(ctx->login->role) & route->roles))
			return 403;
	}
	return route->handler(ctx);
}

static long elapsed_us(const struct timespec *start)
{
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	return (end.tv_sec - start->tv_sec) * 1000000L + (end.tv_nsec - start->tv_nsec) / 1000L;
}

/* What a worker keeps of a response body's buffer: the fiche's and the
 * dashboard's size; a feed of megabytes is given back at once. */
#define KEPT_BODY_MAX (512 * 1024)

static void keep_body(struct worker *w, struct response *res)
{
	if (res->body.data && res->body.cap <= KEPT_BODY_MAX) {
		w->body = res->body;
		w->body.len = 0;
		res->body.data = NULL;
	}
	response_free(res);
}

void dispatch(struct worker *w, void *fcgx_request)
{
	FCGX_Request *fr = fcgx_request;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (!w->arena)
		w->arena = arena_new();
	struct arena *a = w->arena;
	struct request req;
	struct response res;
	response_init(&res, w->settings->response_max);
	if (w->body.data) {
		res.body.data = w->body.data;
		res.body.cap = w->body.cap;
		w->body.data = NULL;
	}
	struct ctx ctx = { .arena = a, .settings = w->settings, .req = &req, .res = &res,
		.db = w->db, .templates = w->templates };
	int status = a ? request_parse_env(&req, a, fr->envp, w->settings) : 500;
	/* The route says how large a body may be and of what type; a body to
	 * no route is read as any form's, its 413 or 400 before the 404. */
	const struct route *route = NULL;
	int no_route = 0;
	if (status == 0) {
		struct body_limits lim;
		route = routes_match(&req, a, &no_route);
		routes_body_limits(route, w->settings, &lim);
		status = request_read_body(&req, a, fr->in, w->settings, &lim);
	}
	if (status == 0 && !route)
		status = no_route;
	if (status == 0) {
		ctx.view = view_new(a);
		status = ctx.view ? run_route(&ctx, route, w) : 500;
	}
	if (status != 0 && a)
		error_page(&ctx, status);
	else if (status != 0)
		plain_error(&res, status);
	/* read from the environment once, when there was an arena to parse it */
	const char *method = a ? req.method : request_env(fr->envp, "REQUEST_METHOD");
	if (response_write(&res, fr->out, method && strcmp(method, "HEAD") == 0) < 0)
		log_line("write failed: client gone?");
	const char *uri = a ? req.uri : request_env(fr->envp, "REQUEST_URI");
	log_line("%s %.300s %d %ld", method && *method ? method : "-", uri && *uri ? uri : "-", res.status,
			elapsed_us(&start));
	keep_body(w, &res);
	if (a)
		arena_reset(a);
}
