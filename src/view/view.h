/* Views: ClearSilver templates parsed once per worker, rendered with a
 * fresh dataset per request. Only this folder includes ClearSilver.h;
 * pages fill a struct view through these functions. Every var: in a
 * template is HTML-escaped (Config.VarEscapeMode = html is set before
 * cs_init, the only moment it counts). */
#ifndef FORMATIONS_VIEW_H
#define FORMATIONS_VIEW_H

#include <stddef.h>

struct arena;
struct buf;
struct templates;
struct view;

struct templates *templates_new(const char *dir);
void templates_free(struct templates *t);

/* A fresh dataset owned by the arena. NULL when out of memory. */
struct view *view_new(struct arena *a);
/* Keys are chosen by code ("Course.title"), never taken from input. */
int view_set(struct view *v, const char *key, const char *value);
int view_setf(struct view *v, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int view_set_int(struct view *v, const char *key, long value);
/* One row of a list: list.index.name = value for each field. */
struct view_field {
	const char *name, *value;
};
int view_set_row(struct view *v, const char *list, size_t index,
		const struct view_field *fields, size_t n);
#define VIEW_ROW(v, list, index, ...) \
	view_set_row((v), (list), (index), (const struct view_field[]){ __VA_ARGS__ }, \
		sizeof((const struct view_field[]){ __VA_ARGS__ }) / sizeof(struct view_field))
/* Several values under one prefix: prefix.name = value. */
int view_set_fields(struct view *v, const char *prefix, const struct view_field *fields, size_t n);
#define VIEW_FIELDS(v, prefix, ...) \
	view_set_fields((v), (prefix), (const struct view_field[]){ __VA_ARGS__ }, \
		sizeof((const struct view_field[]){ __VA_ARGS__ }) / sizeof(struct view_field))
/* Renders template name (a path under the templates folder, chosen by
 * code) into out. Returns 0 or -1 after logging the ClearSilver error. */
int view_render(struct templates *t, const char *name, struct view *v, struct buf *out);

#endif
