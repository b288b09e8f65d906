#ifndef FORMATIONS_DISPATCH_H
#define FORMATIONS_DISPATCH_H

#include "base/buf.h"

struct arena;
struct db;
struct settings;
struct templates;

/* What a worker keeps between requests: its settings, its one database
 * connection, its parsed templates. Nothing of a request survives it. */
struct worker {
	const struct settings *settings;
	struct db *db;
	struct templates *templates;
	int have_keys;
	unsigned char site_key[32];   /* AUTH_KEY_BYTES */
	char *dummy_hash;             /* sodium_malloc'd */
	/* Kept from one request to the next rather than allocated and freed
	 * by each: the request arena (reset after each request) and the
	 * response body's buffer (emptied; given back when it grew large). */
	struct arena *arena;
	struct buf body;
};

/* Serves one accepted FastCGI request (a FCGX_Request *) from start to
 * end: parse, route, handle, render, write, log. */
void dispatch(struct worker *w, void *fcgx_request);

#endif
