/* Request parsing as pure functions: no statics, no I/O, explicit limits.
 * Everything is allocated in the caller's arena. Names and values are
 * percent-decoded, checked as UTF-8 and NUL-free. */
#ifndef FORMATIONS_PARSE_H
#define FORMATIONS_PARSE_H

#include <stddef.h>

struct arena;

enum parse_status {
	PARSE_OK = 0,
	PARSE_MALFORMED = -1,  /* 400: bad percent escape, bad syntax */
	PARSE_BAD_UTF8 = -2,   /* 400 */
	PARSE_TOO_LARGE = -3,  /* 413: too many fields or a field too long */
	PARSE_NOMEM = -4       /* 500 */
};

struct param {
	const char *name;
	const char *value;
	size_t value_len;
};

struct params {
	struct param *items;
	size_t count, cap;
};

struct parse_limits {
	size_t fields_max;
	size_t field_max;      /* bytes of one name or value, after decoding */
};

/* application/x-www-form-urlencoded and query strings: '&' separated,
 * '+' is a space, a pair without '=' has an empty value, empty pairs are
 * skipped, repeated names are all kept in order. */
int parse_urlencoded(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out);

/* Cookie header (RFC 6265 section 5.4 as browsers send it): "; " separated
 * name=value pairs; values may be double-quoted; pairs without '=' or with
 * an empty name are ignored, as browsers do; values are not decoded. */
int parse_cookies(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out);

/* Decodes a URL path: %XX escapes (no '+' rule), refuses NUL, bad escapes
 * and invalid UTF-8. */
int parse_path(struct arena *a, const char *s, size_t len, size_t max,
		const char **out);

/* CONTENT_LENGTH as strict decimal digits (no sign, no spaces, at most 18
 * digits); an empty or missing value is 0. Returns PARSE_OK or
 * PARSE_MALFORMED. */
int parse_content_length(const char *s, size_t *out);

/* Appends one name and value (kept, not copied) to out: PARSE_TOO_LARGE
 * past lim->fields_max, PARSE_NOMEM. For the other parsers of bodies. */
int params_add(struct arena *a, struct params *out, const struct parse_limits *lim,
		const char *name, const char *value, size_t value_len);

/* First value of name, or NULL. */
const char *params_get(const struct params *p, const char *name);
/* Number of values of name. */
size_t params_count(const struct params *p, const char *name);

#endif
