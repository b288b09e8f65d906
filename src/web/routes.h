#ifndef FORMATIONS_ROUTES_H
#define FORMATIONS_ROUTES_H

#include "web/handler.h"

struct arena;
struct request;

/* What a route requires before its handler runs. */
enum route_needs {
	NEEDS_NOTHING = 0,
	NEEDS_DB = 1 << 0       /* a PostgreSQL connection (503 without) */
};

struct route {
	const char *method;     /* GET routes also answer HEAD */
	const char *pattern;    /* literal segments and {name} captures */
	handler_fn handler;
	unsigned needs;
};

/* Finds the route for the request and fills its captured arguments.
 * Returns the route, or NULL with *status 404 (no such path) or 405 (path
 * known, method not). */
const struct route *routes_match(struct request *req, struct arena *a, int *status);

#endif
