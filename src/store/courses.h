/* The catalogue's courses, as the pages read them. */
#ifndef FORMATIONS_STORE_COURSES_H
#define FORMATIONS_STORE_COURSES_H

#include <stddef.h>

struct arena;
struct db;

struct course {
	const char *slug, *title, *kind, *category, *audience, *prerequisites;
	const char *objective, *modality, *trainers, *group_size;
	const char *updated_on;     /* YYYY-MM-DD, Europe/Paris */
};

struct course_summary {
	const char *slug, *title, *kind, *category;
};

/* A published course by slug: DB_OK, DB_NOT_FOUND, or a failure. */
int store_course_published(struct db *db, struct arena *a, const char *slug,
		struct course *out);
/* Published courses by title, at most max. */
int store_courses_published(struct db *db, struct arena *a, size_t max,
		struct course_summary **out, size_t *n);

#endif
