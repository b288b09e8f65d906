#include "web/multipart.h"

#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/utf8.h"

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* RFC 9110 token characters. */
static int is_tchar(char c)
{
	return is_alnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 2046 bchars (space aside, which may not end a boundary). */
static int is_bchar(char c)
{
	return is_alnum(c) || (c && strchr("'()+_,-./:=? ", c) != NULL);
}

/* The first n bytes of needle in hay[0..len), or NULL (memmem, which
 * glibc declares only with _GNU_SOURCE). */
static const char *find(const char *hay, size_t len, const char *needle, size_t n)
{
	const char *p = hay, *end = hay + len;
	while (n && (size_t)(end - p) >= n && (p = memchr(p, needle[0], (size_t)(end - p) - n + 1))) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

static void skip_ows(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/* One parameter of a header value, after its ';': name=token or
 * name="quoted string". In a quoted string, \" and \\ stand for themselves
 * (RFC 9110's quoted-pair, which some clients write); any other backslash
 * is kept, as browsers send a Windows path unescaped. The value is copied
 * into the arena. */
static int header_param(struct arena *a, const char **p, const char *end,
		const char **name, size_t *name_len, const char **value)
{
	const char *s = *p;
	while (*p < end && is_tchar(**p))
		(*p)++;
	*name = s;
	*name_len = (size_t)(*p - s);
	if (*name_len == 0 || *p >= end || **p != '=')
		return PARSE_MALFORMED;
	(*p)++;
	if (*p < end && **p == '"') {
		(*p)++;
		char *v = arena_alloc(a, (size_t)(end - *p) + 1);
		size_t n = 0;
		if (!v)
			return PARSE_NOMEM;
		for (;;) {
			if (*p >= end)
				return PARSE_MALFORMED; /* no closing quote */
			char c = *(*p)++;
			if (c == '"')
				break;
			if (c == '\\' && *p < end && (**p == '"' || **p == '\\'))
				c = *(*p)++;
			v[n++] = c;
		}
		v[n] = '\0';
		*value = v;
		return PARSE_OK;
	}
	s = *p;
	while (*p < end && is_tchar(**p))
		(*p)++;
	if (*p == s)
		return PARSE_MALFORMED;
	*value = arena_strndup(a, s, (size_t)(*p - s));
	return *value ? PARSE_OK : PARSE_NOMEM;
}

static int name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && strncasecmp(name, want, len) == 0;
}

/* "form-data; name=..." style: the media type or disposition type first
 * (case aside, and nothing glued to it), then parameters; each parameter in wanted[] given at
 * most once (a second is malformed), the others ignored. */
static int header_value(struct arena *a, const char *s, size_t len, const char *type,
		const char *const *wanted, const char **values, size_t n_wanted)
{
	const char *p = s, *end = s + len;
	size_t tlen = strlen(type);
	for (size_t i = 0; i < n_wanted; i++)
		values[i] = NULL;
	skip_ows(&p, end);
	if ((size_t)(end - p) < tlen || strncasecmp(p, type, tlen) != 0)
		return PARSE_MALFORMED;
	p += tlen;
	for (;;) {
		skip_ows(&p, end);
		if (p == end)
			return PARSE_OK;
		if (*p != ';')
			return PARSE_MALFORMED;
		p++;
		skip_ows(&p, end);
		const char *name, *value;
		size_t name_len;
		int rc = header_param(a, &p, end, &name, &name_len, &value);
		if (rc != PARSE_OK)
			return rc;
		for (size_t i = 0; i < n_wanted; i++)
			if (name_is(name, name_len, wanted[i])) {
				if (values[i])
					return PARSE_MALFORMED;
				values[i] = value;
			}
	}
}

int multipart_is_form_data(const char *ct)
{
	static const char type[] = "multipart/form-data";
	if (!ct || strncasecmp(ct, type, sizeof(type) - 1) != 0)
		return 0;
	char next = ct[sizeof(type) - 1];
	return next == '\0' || next == ';' || next == ' ' || next == '\t';
}

int multipart_boundary(struct arena *a, const char *content_type, const char **boundary)
{
	static const char *const wanted[] = { "boundary" };
	const char *values[1];
	*boundary = NULL;
	if (!multipart_is_form_data(content_type))
		return PARSE_MALFORMED;
	int rc = header_value(a, content_type, strlen(content_type), "multipart/form-data", wanted,
		values, 1);
	if (rc != PARSE_OK)
		return rc;
	const char *b = values[0];
	size_t n = b ? strlen(b) : 0;
	if (n == 0 || n > MULTIPART_BOUNDARY_MAX || b[n - 1] == ' ')
		return PARSE_MALFORMED;
	for (size_t i = 0; i < n; i++)
		if (!is_bchar(b[i]))
			return PARSE_MALFORMED;
	*boundary = b;
	return PARSE_OK;
}

struct part_head {
	const char *name, *filename, *content_type;
};

/* The header block s[0..len) of one part, without its final CRLF CRLF:
 * CRLF-separated "Name: value" lines. Content-Disposition (form-data, with
 * a name) is required, Content-Type optional, each once; RFC 7578 says to
 * ignore any other. */
static int part_headers(struct arena *a, const char *s, size_t len, size_t field_max,
		struct part_head *h)
{
	static const char *const disposition_params[] = { "name", "filename" };
	int have_disposition = 0, have_type = 0;
	memset(h, 0, sizeof(*h));
	h->content_type = "";
	if (!utf8_valid(s, len))
		return PARSE_BAD_UTF8;
	size_t start = 0;
	while (start < len) {
		const char *line = s + start;
		const char *crlf = find(line, len - start, "\r\n", 2);
		size_t n = crlf ? (size_t)(crlf - line) : len - start;
		start += n + 2;
		const char *colon = memchr(line, ':', n);
		if (!colon || colon == line)
			return PARSE_MALFORMED; /* folded lines start with a space: no name */
		for (const char *c = line; c < colon; c++)
			if (!is_tchar(*c))
				return PARSE_MALFORMED;
		for (const char *c = colon + 1; c < line + n; c++)
			if ((unsigned char)*c < 0x20 && *c != '\t')
				return PARSE_MALFORMED; /* a bare CR or LF, or another control */
		size_t name_len = (size_t)(colon - line);
		const char *value = colon + 1;
		size_t value_len = n - name_len - 1;
		int rc = PARSE_OK;
		if (name_is(line, name_len, "content-disposition")) {
			const char *v[2];
			if (have_disposition++)
				return PARSE_MALFORMED;
			rc = header_value(a, value, value_len, "form-data", disposition_params, v, 2);
			h->name = v[0];
			h->filename = v[1];
		} else if (name_is(line, name_len, "content-type")) {
			if (have_type++)
				return PARSE_MALFORMED;
			const char *p = value, *end = value + value_len;
			skip_ows(&p, end);
			while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			if (!(h->content_type = arena_strndup(a, p, (size_t)(end - p))))
				rc = PARSE_NOMEM;
		}
		if (rc != PARSE_OK)
			return rc;
	}
	if (!h->name || !*h->name)
		return PARSE_MALFORMED;
	if (strlen(h->name) > field_max)
		return PARSE_TOO_LARGE;
	return PARSE_OK;
}

/* Where the next delimiter (CRLF "--" boundary) starts at or after from,
 * or NULL. */
static const char *next_delimiter(const char *body, size_t len, size_t from,
		const char *delim, size_t dlen)
{
	if (from > len)
		return NULL;
	return find(body + from, len - from, delim, dlen);
}

int parse_multipart(struct arena *a, const char *body, size_t len, const char *boundary,
		const struct multipart_limits *lim, struct params *fields, struct upload *file)
{
	memset(file, 0, sizeof(*file));
	size_t blen = boundary ? strlen(boundary) : 0;
	if (blen == 0 || blen > MULTIPART_BOUNDARY_MAX || !body)
		return PARSE_MALFORMED;
	/* The delimiter, CRLF "--" boundary; the body starts with it minus its CRLF. */
	char delim[MULTIPART_BOUNDARY_MAX + 4];
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	size_t dlen = blen + 4;
	if (len < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return PARSE_MALFORMED;
	const struct parse_limits plim = { lim->parts_max, lim->field_max };
	size_t pos = dlen - 2, parts = 0;
	for (;;) {
		/* after a boundary: "--" closes the body, CRLF opens a part */
		if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-') {
			pos += 2;
			if (len - pos == 0 || (len - pos == 2 && body[pos] == '\r' && body[pos + 1] == '\n'))
				return PARSE_OK;
			return PARSE_MALFORMED;
		}
		if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			return PARSE_MALFORMED;
		pos += 2;
		if (++parts > lim->parts_max)
			return PARSE_TOO_LARGE;
		/* the header block, up to an empty line */
		size_t window = len - pos < lim->header_max + 4 ? len - pos : lim->header_max + 4;
		const char *end = find(body + pos, window, "\r\n\r\n", 4);
		if (!end)
			return len - pos >= lim->header_max + 4 ? PARSE_TOO_LARGE : PARSE_MALFORMED;
		struct part_head h;
		int rc = part_headers(a, body + pos, (size_t)(end - (body + pos)), lim->field_max, &h);
		if (rc != PARSE_OK)
			return rc;
		size_t content = (size_t)(end - body) + 4;
		const char *d = next_delimiter(body, len, content, delim, dlen);
		if (!d)
			return PARSE_MALFORMED; /* cut short */
		size_t n = (size_t)(d - body) - content;
		if (h.filename) {
			if (file->field)
				return PARSE_MALFORMED; /* one file per body */
			if (n > lim->file_max)
				return PARSE_TOO_LARGE;
			*file = (struct upload){ h.name, h.filename, h.content_type,
				(const unsigned char *)body + content, n };
		} else {
			if (n > lim->field_max)
				return PARSE_TOO_LARGE;
			if (!utf8_valid(body + content, n))
				return PARSE_BAD_UTF8;
			const char *value = arena_strndup(a, body + content, n);
			if (!value)
				return PARSE_NOMEM;
			if ((rc = params_add(a, fields, &plim, h.name, value, n)) != PARSE_OK)
				return rc;
		}
		pos = (size_t)(d - body) + dlen;
	}
}
