#include "web/parse.h"

#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..len) into a new arena string; plus_is_space for form
 * encoding. Checks the decoded size against max before allocating. */
static int decode(struct arena *a, const char *s, size_t len, int plus_is_space,
		size_t max, const char **out, size_t *out_len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++, n++) {
		if (s[i] == '%') {
			if (len - i < 3 || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0)
				return PARSE_MALFORMED;
			i += 2;
		}
	}
	if (n > max)
		return PARSE_TOO_LARGE;
	char *d = arena_alloc(a, n + 1);
	if (!d)
		return PARSE_NOMEM;
	size_t j = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			d[j++] = (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
			i += 2;
		} else {
			d[j++] = (plus_is_space && s[i] == '+') ? ' ' : s[i];
		}
	}
	d[j] = '\0';
	if (!utf8_valid(d, j))
		return PARSE_BAD_UTF8;
	*out = d;
	*out_len = j;
	return PARSE_OK;
}

int params_add(struct arena *a, struct params *p, const struct parse_limits *lim,
		const char *name, const char *value, size_t value_len)
{
	if (p->count >= lim->fields_max)
		return PARSE_TOO_LARGE;
	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		if (cap > lim->fields_max)
			cap = lim->fields_max;
		struct param *items = arena_alloc(a, cap * sizeof(*items));
		if (!items)
			return PARSE_NOMEM;
		if (p->count)
			memcpy(items, p->items, p->count * sizeof(*items));
		p->items = items;
		p->cap = cap;
	}
	p->items[p->count++] = (struct param){ name, value, value_len };
	return PARSE_OK;
}

static int urlencoded_pair(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out)
{
	const char *eq = memchr(s, '=', len);
	size_t name_len = eq ? (size_t)(eq - s) : len;
	const char *name, *value = "";
	size_t n, value_len = 0;
	int rc = decode(a, s, name_len, 1, lim->field_max, &name, &n);
	if (rc == PARSE_OK && eq)
		rc = decode(a, eq + 1, len - name_len - 1, 1, lim->field_max, &value, &value_len);
	if (rc != PARSE_OK)
		return rc;
	return params_add(a, out, lim, name, value, value_len);
}

int parse_urlencoded(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out)
{
	size_t start = 0;
	while (start <= len && s) {
		const char *amp = memchr(s + start, '&', len - start);
		size_t end = amp ? (size_t)(amp - s) : len;
		if (end > start) {
			int rc = urlencoded_pair(a, s + start, end - start, lim, out);
			if (rc != PARSE_OK)
				return rc;
		}
		start = end + 1;
	}
	return PARSE_OK;
}

static void trim_span(const char **s, size_t *len)
{
	while (*len && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

static int cookie_pair(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out)
{
	const char *eq = memchr(s, '=', len);
	if (!eq)
		return PARSE_OK;
	const char *name = s, *value = eq + 1;
	size_t name_len = (size_t)(eq - s), value_len = len - name_len - 1;
	trim_span(&name, &name_len);
	trim_span(&value, &value_len);
	if (name_len == 0)
		return PARSE_OK;
	if (value_len >= 2 && value[0] == '"' && value[value_len - 1] == '"') {
		value++;
		value_len -= 2;
	}
	if (name_len > lim->field_max || value_len > lim->field_max)
		return PARSE_TOO_LARGE;
	/* A browser may hold cookies of other applications on the same host:
	 * one with bytes we cannot read is skipped, not a reason to refuse. */
	if (!utf8_valid(name, name_len) || !utf8_valid(value, value_len))
		return PARSE_OK;
	char *n = arena_strndup(a, name, name_len);
	char *v = arena_strndup(a, value, value_len);
	if (!n || !v)
		return PARSE_NOMEM;
	return params_add(a, out, lim, n, v, value_len);
}

int parse_cookies(struct arena *a, const char *s, size_t len,
		const struct parse_limits *lim, struct params *out)
{
	size_t start = 0;
	while (s && start < len) {
		const char *semi = memchr(s + start, ';', len - start);
		size_t end = semi ? (size_t)(semi - s) : len;
		int rc = cookie_pair(a, s + start, end - start, lim, out);
		if (rc != PARSE_OK)
			return rc;
		start = end + 1;
	}
	return PARSE_OK;
}

int parse_path(struct arena *a, const char *s, size_t len, size_t max, const char **out)
{
	size_t n;
	if (len == 0 || s[0] != '/')
		return PARSE_MALFORMED;
	return decode(a, s, len, 0, max, out, &n);
}

int parse_content_length(const char *s, size_t *out)
{
	*out = 0;
	if (!s || !*s)
		return PARSE_OK;
	size_t v = 0, digits = 0;
	for (const char *p = s; *p; p++, digits++) {
		if (*p < '0' || *p > '9' || digits >= 18)
			return PARSE_MALFORMED;
		v = v * 10 + (size_t)(*p - '0');
	}
	*out = v;
	return PARSE_OK;
}

const char *params_get(const struct params *p, const char *name)
{
	for (size_t i = 0; i < p->count; i++)
		if (strcmp(p->items[i].name, name) == 0)
			return p->items[i].value;
	return NULL;
}

size_t params_count(const struct params *p, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < p->count; i++)
		n += strcmp(p->items[i].name, name) == 0;
	return n;
}
