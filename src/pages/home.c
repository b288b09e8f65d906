/* GET /: the public home page: search box, categories, the catalogue. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "store/courses.h"
#include "store/db.h"
#include "view/view.h"

#define HOME_COURSES_MAX 50

static int set_course_item(struct view *v, size_t i, const struct course_summary *c)
{
	char key[64];
	snprintf(key, sizeof(key), "Courses.%zu.slug", i);
	if (view_set(v, key, c->slug) < 0)
		return -1;
	snprintf(key, sizeof(key), "Courses.%zu.title", i);
	if (view_set(v, key, c->title) < 0)
		return -1;
	snprintf(key, sizeof(key), "Courses.%zu.category", i);
	if (view_set(v, key, c->category) < 0)
		return -1;
	snprintf(key, sizeof(key), "Courses.%zu.kind", i);
	return view_set(v, key, strcmp(c->kind, "inter") == 0 ? "INTER" : "INTRA");
}

int page_home(struct ctx *ctx)
{
	struct course_summary *courses;
	size_t n;
	int rc = store_courses_published(ctx->db, ctx->arena, HOME_COURSES_MAX, &courses, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Formations EGOC") < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (set_course_item(ctx->view, i, &courses[i]) < 0)
			return 500;
	return handler_render(ctx, 200, "public/home.cs");
}
