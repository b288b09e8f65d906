#ifndef FORMATIONS_DISPATCH_H
#define FORMATIONS_DISPATCH_H

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
};

/* Serves one accepted FastCGI request (a FCGX_Request *) from start to
 * end: parse, route, handle, render, write, log. */
void dispatch(struct worker *w, void *fcgx_request);

#endif
