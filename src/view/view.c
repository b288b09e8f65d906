#define _POSIX_C_SOURCE 200809L
#include "view/view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"

#define TEMPLATES_MAX 128

struct parsed {
	char *name;
	CSPARSE *cs;
};

struct templates {
	char dir[512];
	HDF *config;          /* Config.* only; never request data */
	struct parsed parsed[TEMPLATES_MAX];
	size_t n;
};

struct view {
	HDF *hdf;
};

static void log_neo(const char *what, NEOERR *err)
{
	STRING s;
	string_init(&s);
	nerr_error_string(err, &s);
	log_line("view: %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

struct templates *templates_new(const char *dir)
{
	struct templates *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	snprintf(t->dir, sizeof(t->dir), "%s", dir);
	NEOERR *err = hdf_init(&t->config);
	if (!err)
		err = hdf_set_value(t->config, "Config.VarEscapeMode", "html");
	if (!err)
		err = hdf_set_value(t->config, "Config.TimeFooter", "0");
	if (!err)
		err = hdf_set_value(t->config, "Config.WhiteSpaceStrip", "1");
	if (err) {
		log_neo("config", err);
		templates_free(t);
		return NULL;
	}
	return t;
}

void templates_free(struct templates *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		cs_destroy(&t->parsed[i].cs);
		free(t->parsed[i].name);
	}
	hdf_destroy(&t->config);
	free(t);
}

/* Template names come from code; still, only plain relative paths below
 * the templates folder are loaded, for include: as well. */
static int name_is_safe(const char *name)
{
	if (!*name || name[0] == '/' || strstr(name, "..") || strlen(name) > 200)
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
				*p == '/' || *p == '_' || *p == '-' || *p == '.'))
			return 0;
	return 1;
}

static NEOERR *fileload(void *ctx, HDF *hdf, const char *filename, char **contents)
{
	(void)hdf;
	const struct templates *t = ctx;
	if (!name_is_safe(filename))
		return nerr_raise(NERR_NOT_FOUND, "refused template name");
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", t->dir, filename);
	return ne_load_file(path, contents);
}

static CSPARSE *parse_template(struct templates *t, const char *name)
{
	CSPARSE *cs = NULL;
	NEOERR *err = cs_init(&cs, t->config);
	if (!err)
		err = cgi_register_strfuncs(cs);
	if (!err) {
		cs_register_fileload(cs, t, fileload);
		err = cs_parse_file(cs, name);
	}
	if (err) {
		log_neo(name, err);
		cs_destroy(&cs);
		return NULL;
	}
	return cs;
}

static CSPARSE *template_get(struct templates *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->parsed[i].name, name) == 0)
			return t->parsed[i].cs;
	if (t->n >= TEMPLATES_MAX || !name_is_safe(name))
		return NULL;
	CSPARSE *cs = parse_template(t, name);
	char *copy = cs ? strdup(name) : NULL;
	if (!copy) {
		cs_destroy(&cs);
		return NULL;
	}
	t->parsed[t->n].name = copy;
	t->parsed[t->n].cs = cs;
	t->n++;
	return cs;
}

static void view_destroy(void *p)
{
	struct view *v = p;
	hdf_destroy(&v->hdf);
}

struct view *view_new(struct arena *a)
{
	struct view *v = arena_calloc(a, 1, sizeof(*v));
	if (!v)
		return NULL;
	NEOERR *err = hdf_init(&v->hdf);
	if (err) {
		nerr_ignore(&err);
		return NULL;
	}
	if (arena_defer(a, view_destroy, v) < 0) {
		hdf_destroy(&v->hdf);
		return NULL;
	}
	return v;
}

int view_set(struct view *v, const char *key, const char *value)
{
	NEOERR *err = hdf_set_value(v->hdf, key, value ? value : "");
	if (err) {
		log_neo(key, err);
		return -1;
	}
	return 0;
}

int view_setf(struct view *v, const char *key, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return view_set(v, key, small);
	char *big = malloc((size_t)n + 1);
	if (!big)
		return -1;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int rc = view_set(v, key, big);
	free(big);
	return rc;
}

int view_set_int(struct view *v, const char *key, long value)
{
	return view_setf(v, key, "%ld", value);
}

/* Digits of n, without printf: a month view sets tens of thousands of
 * values, one row node each dozen. */
static size_t put_index(char *out, size_t n)
{
	char rev[24];
	size_t k = 0;
	do {
		rev[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	for (size_t i = 0; i < k; i++)
		out[i] = rev[k - 1 - i];
	return k;
}

/* The fields are set under their row's node, found (or made) once: each
 * value then walks one level of the dataset instead of the whole path. */
static int set_under(struct view *v, const char *path, const struct view_field *fields, size_t n)
{
	if (n == 0)
		return 0;
	HDF *node;
	NEOERR *err = hdf_get_node(v->hdf, path, &node);
	for (size_t k = 0; !err && k < n; k++)
		err = hdf_set_value(node, fields[k].name, fields[k].value ? fields[k].value : "");
	if (err) {
		log_neo(path, err);
		return -1;
	}
	return 0;
}

int view_set_row(struct view *v, const char *list, size_t index,
		const struct view_field *fields, size_t n)
{
	char path[128];
	size_t len = strlen(list);
	if (len + 22 > sizeof(path))
		return -1;
	memcpy(path, list, len);
	path[len++] = '.';
	path[len + put_index(path + len, index)] = '\0';
	return set_under(v, path, fields, n);
}

int view_set_fields(struct view *v, const char *prefix, const struct view_field *fields, size_t n)
{
	return set_under(v, prefix, fields, n);
}

static NEOERR *render_out(void *ctx, char *s)
{
	if (buf_puts(ctx, s) < 0)
		return nerr_raise(NERR_NOMEM, "response body over its limit");
	return STATUS_OK;
}

int view_render(struct templates *t, const char *name, struct view *v, struct buf *out)
{
	CSPARSE *cs = template_get(t, name);
	if (!cs)
		return -1;
	/* The parse tree is shared by every request of the worker; the dataset
	 * is this request's, swapped in for the render only. */
	cs->hdf = v->hdf;
	NEOERR *err = cs_render(cs, out, render_out);
	cs->hdf = t->config;
	if (err) {
		log_neo(name, err);
		return -1;
	}
	return 0;
}
