#ifndef FORMATIONS_ROUTES_H
#define FORMATIONS_ROUTES_H

#include "web/handler.h"

struct arena;
struct request;

/* What a route requires before its handler runs, checked in this order. */
enum route_needs {
	NEEDS_NOTHING = 0,
	NEEDS_DB = 1 << 0,      /* a PostgreSQL connection (503 without) */
	NEEDS_CSRF = 1 << 1,    /* an anti-forgery token of this browser (403) */
	NEEDS_LOGIN = 1 << 2,   /* a staff login (303 to the login page) */
	/* Read before the others, with the body: a multipart/form-data body
	 * (other routes answer it 415) of one file of ROUTE_UPLOAD_FILE_MAX
	 * bytes at most and its form's fields, ROUTE_UPLOAD_BODY_MAX in all
	 * instead of the setting body_max (over either: 413). */
	NEEDS_UPLOAD = 1 << 3
};

/* The file of an upload route, and its body with the multipart framing
 * and the form's other fields (conf/nginx.conf.in lets a little more
 * through on those routes). */
#define ROUTE_UPLOAD_FILE_MAX (10L * 1024 * 1024)
#define ROUTE_UPLOAD_BODY_MAX (ROUTE_UPLOAD_FILE_MAX + 64L * 1024)

/* Roles allowed on a login route (403 for the others). */
enum route_roles {
	ROLE_ADMIN = 1 << 0,
	ROLE_CONSEILLER = 1 << 1,
	ROLE_ASSISTANT = 1 << 2,
	ROLE_FORMATEUR = 1 << 3,
	ROLES_STAFF = ROLE_ADMIN | ROLE_CONSEILLER | ROLE_ASSISTANT | ROLE_FORMATEUR
};

struct route {
	const char *method;     /* GET routes also answer HEAD */
	const char *pattern;    /* literal segments and {name} captures */
	handler_fn handler;
	unsigned needs;
	unsigned roles;
};

/* The role bit of a role name, 0 when unknown. */
unsigned routes_role_bit(const char *role);

/* Finds the route for the request and fills its captured arguments.
 * Returns the route, or NULL with *status 404 (no such path) or 405 (path
 * known, method not). */
const struct route *routes_match(struct request *req, struct arena *a, int *status);

/* What the body of a request to route may be (NULL: no route matched, the
 * body is read as any form's, before the 404 or 405). */
struct body_limits;
struct settings;
void routes_body_limits(const struct route *route, const struct settings *s,
		struct body_limits *out);

/* The methods the route table answers for a decoded path (the routes
 * routes_match would choose among), as ROUTE_ bits; 0 for no such path. */
enum route_methods { ROUTE_GET = 1 << 0, ROUTE_HEAD = 1 << 1, ROUTE_POST = 1 << 2 };
unsigned routes_methods(const char *path);
/* Those methods as an Allow header value: "GET, HEAD", "POST", ... */
const char *routes_allow_header(unsigned methods);

#endif
