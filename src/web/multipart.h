/* multipart/form-data bodies (RFC 7578, on RFC 2046's framing) as pure
 * functions, like parse.h: no statics, no I/O, explicit limits, everything
 * in the caller's arena. Strict: what a browser does not send (a preamble,
 * padding after a boundary, folded or bare-LF header lines, a part without
 * its Content-Disposition, a second file) is PARSE_MALFORMED. */
#ifndef FORMATIONS_MULTIPART_H
#define FORMATIONS_MULTIPART_H

#include <stddef.h>

#include "web/parse.h"

struct arena;

/* RFC 2046: a boundary has 1 to 70 characters. */
#define MULTIPART_BOUNDARY_MAX 70

/* The one file part of a body, its bytes left where they are in the body. */
struct upload {
	const char *field;          /* the form field's name; NULL: the body had no file part */
	const char *filename;       /* as sent, valid UTF-8, "" when none was chosen */
	const char *content_type;   /* as the browser declared it, "" when none: never to be trusted */
	const unsigned char *data;  /* len bytes inside the body */
	size_t len;
};

struct multipart_limits {
	size_t parts_max;    /* parts in all, the file's included (over: PARSE_TOO_LARGE) */
	size_t header_max;   /* bytes of one part's header block (over: PARSE_TOO_LARGE) */
	size_t field_max;    /* bytes of a field's name, and of a text part's value (over: PARSE_TOO_LARGE) */
	size_t file_max;     /* bytes of the file (over: PARSE_TOO_LARGE) */
};

/* 1 when a Content-Type header names multipart/form-data (case aside,
 * whatever its parameters), else 0. */
int multipart_is_form_data(const char *content_type);

/* The boundary of a multipart/form-data Content-Type: its boundary
 * parameter (a token or a quoted string, given once) of 1 to 70 of RFC
 * 2046's characters, not ending with a space. PARSE_OK with *boundary in
 * the arena, PARSE_MALFORMED, or PARSE_NOMEM. */
int multipart_boundary(struct arena *a, const char *content_type, const char **boundary);

/* Parses a multipart/form-data body framed by boundary: each text part
 * (no filename parameter) is appended to fields as a name and a value,
 * percent-free, valid UTF-8 without NUL, as parse_urlencoded would (so the
 * anti-forgery check and form_read read them alike); the one part with a
 * filename parameter goes into *file (file->field NULL when there is
 * none). The body must start with its first boundary and end with the
 * closing one (a CRLF after it allowed). Returns PARSE_OK, PARSE_MALFORMED,
 * PARSE_BAD_UTF8, PARSE_TOO_LARGE (see the limits) or PARSE_NOMEM. */
int parse_multipart(struct arena *a, const char *body, size_t len, const char *boundary,
		const struct multipart_limits *lim, struct params *fields, struct upload *file);

#endif
