/* One HTTP request as the handlers see it, built from the FastCGI
 * parameters by request_parse_env() and from its body, once the route is
 * known, by request_read_body(). */
#ifndef FORMATIONS_REQUEST_H
#define FORMATIONS_REQUEST_H

#include <stddef.h>

#include "web/multipart.h"
#include "web/parse.h"

struct arena;
struct settings;

#define REQUEST_ARGS_MAX 4
/* Bytes of the address as sent (path and query) and of the decoded path.
 * conf/nginx.conf.in refuses the same addresses before its page cache. */
#define REQUEST_URI_MAX 4096
/* parameters of a query string, cookies of a request */
#define REQUEST_QUERY_FIELDS_MAX 200
#define REQUEST_PATH_MAX 2048

struct request {
	const char *method;
	const char *path;          /* decoded, valid UTF-8 */
	const char *uri;           /* as sent: path and query, percent-encoded */
	struct params query;
	struct params form;        /* the text fields of a POST (urlencoded or multipart) */
	struct upload file;        /* the file of a multipart body (file.field NULL: none) */
	struct params cookies;
	const char *content_type;
	const char *content_length;   /* as sent; NULL when none */
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

/* What a route accepts as a body: at most max bytes (checked on the
 * announced length, before any read), a form (urlencoded), and when
 * multipart is set, multipart/form-data with at most one file of file_max
 * bytes. */
struct body_limits {
	size_t max;
	int multipart;
	size_t file_max;
};

/* The body of the current FastCGI request (env and in_stream are
 * libfcgi's), once request_parse_env has read the rest and the route gave
 * its limits: 0, or the HTTP status to answer with: 400 malformed, 413 a
 * body, field or file too large (or too many fields or parts), 415 a body
 * of a type the route does not take, 500 out of memory. */
int request_read_body(struct request *r, struct arena *a, void *in_stream,
		const struct settings *s, const struct body_limits *lim);

/* The request line, headers and cookies from a plain environment: 0, or
 * 400 malformed, 413 a cookie header too large, 414 address too long (or
 * too many query parameters), 500 out of memory. */
int request_parse_env(struct request *r, struct arena *a, char **env,
		const struct settings *s);

const char *request_env(char **env, const char *name);

#endif
