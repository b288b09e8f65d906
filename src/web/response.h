/* The response under construction: status, headers and body, written to
 * the FastCGI stream in one place, after the handler has finished. */
#ifndef FORMATIONS_RESPONSE_H
#define FORMATIONS_RESPONSE_H

#include <stddef.h>

#include "base/buf.h"

#define RESPONSE_HEADERS_MAX 16

struct response {
	int status;
	const char *content_type;
	struct {
		const char *name, *value;
	} headers[RESPONSE_HEADERS_MAX];
	size_t n_headers;
	struct buf body;
};

void response_init(struct response *r, size_t body_max);
void response_free(struct response *r);
/* Refuses (-1) a name or value holding CR, LF or NUL, a name with
 * characters outside the token set, or one header too many. The strings
 * must outlive the response (arena or literals). */
int response_header(struct response *r, const char *name, const char *value);
/* The same, replacing the value of a header of that name already set
 * (one Cache-Control, whatever the login layer put). */
int response_header_set(struct response *r, const char *name, const char *value);
/* Writes the CGI header block and body to a libfcgi stream. */
int response_write(const struct response *r, void *out_stream, int head_only);
const char *response_reason(int status);

#endif
