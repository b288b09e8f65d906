/* One HTTP request as the handlers see it, built from the FastCGI
 * parameters and body by request_read(). */
#ifndef FORMATIONS_REQUEST_H
#define FORMATIONS_REQUEST_H

#include <stddef.h>

#include "web/parse.h"

struct arena;
struct settings;

#define REQUEST_ARGS_MAX 4
/* Bytes of the address as sent (path and query) and of the decoded path.
 * conf/nginx.conf.in refuses the same addresses before its page cache. */
#define REQUEST_URI_MAX 4096
#define REQUEST_PATH_MAX 2048

struct request {
	const char *method;
	const char *path;          /* decoded, valid UTF-8 */
	const char *uri;           /* as sent: path and query, percent-encoded */
	struct params query;
	struct params form;        /* urlencoded body of a POST */
	struct params cookies;
	const char *content_type;
	const char *origin;
	const char *referer;
	const char *if_none_match;
	const char *if_modified_since;
	const char *remote_addr;
	const char *user_agent;
	int https;
	const char *args[REQUEST_ARGS_MAX]; /* captured {segments} of the route */
	size_t n_args;
};

/* Reads the parameters and body of the current FastCGI request (env and
 * stream are libfcgi's). Returns 0, or the HTTP status to answer with:
 * 400 malformed, 413 body too large, 414 address too long (or too many
 * query parameters), 415 unknown body type, 500 out of memory. */
int request_read(struct request *r, struct arena *a, char **env, void *in_stream,
		const struct settings *s);

/* Same checks for a plain environment, without a body: used by the fuzz
 * harness and the unit tests. */
int request_parse_env(struct request *r, struct arena *a, char **env,
		const struct settings *s);

const char *request_env(char **env, const char *name);

#endif
