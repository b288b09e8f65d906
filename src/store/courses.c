#include "store/courses.h"

#include <stdio.h>

#include "base/arena.h"
#include "store/db.h"

static const struct db_stmt course_published = { "course_published",
	"SELECT slug, title, kind, category, audience, prerequisites, objective,"
	" modality, trainers, group_size, to_char(updated_on, 'YYYY-MM-DD') AS updated_on"
	" FROM course WHERE slug = $1 AND status = 'published'" };

static const struct db_stmt courses_published = { "courses_published",
	"SELECT slug, title, kind, category FROM course"
	" WHERE status = 'published' ORDER BY title LIMIT $1" };

int store_course_published(struct db *db, struct arena *a, const char *slug,
		struct course *out)
{
	struct db_rows *rows;
	const char *params[] = { slug };
	int rc = db_run(db, a, &course_published, 1, params, &rows);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(rows) == 0)
		return DB_NOT_FOUND;
	*out = (struct course){
		.slug = db_get(rows, 0, "slug"),
		.title = db_get(rows, 0, "title"),
		.kind = db_get(rows, 0, "kind"),
		.category = db_get(rows, 0, "category"),
		.audience = db_get(rows, 0, "audience"),
		.prerequisites = db_get(rows, 0, "prerequisites"),
		.objective = db_get(rows, 0, "objective"),
		.modality = db_get(rows, 0, "modality"),
		.trainers = db_get(rows, 0, "trainers"),
		.group_size = db_get(rows, 0, "group_size"),
		.updated_on = db_get(rows, 0, "updated_on"),
	};
	return DB_OK;
}

int store_courses_published(struct db *db, struct arena *a, size_t max,
		struct course_summary **out, size_t *n)
{
	struct db_rows *rows;
	char limit[24];
	snprintf(limit, sizeof(limit), "%zu", max);
	const char *params[] = { limit };
	int rc = db_run(db, a, &courses_published, 1, params, &rows);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(rows);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct course_summary){
			.slug = db_get(rows, i, "slug"),
			.title = db_get(rows, i, "title"),
			.kind = db_get(rows, i, "kind"),
			.category = db_get(rows, i, "category"),
		};
	return DB_OK;
}
