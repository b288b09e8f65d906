/* GET /: the public home page: search box, categories, the catalogue. */
#include "pages/pages.h"

#include <stdio.h>

#include "store/courses.h"
#include "store/db.h"
#include "view/view.h"

#define HOME_COURSES_MAX 50

int page_home(struct ctx *ctx)
{
	struct course_filter none = { 0 };
	struct course_summary *courses;
	const char **cats;
	size_t n, n_cats;
	int rc = store_courses_search(ctx->db, ctx->arena, &none, HOME_COURSES_MAX, &courses, &n);
	if (rc == DB_OK)
		rc = store_categories(ctx->db, ctx->arena, &cats, &n_cats);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Formations EGOC") < 0 ||
			catalogue_set_results(ctx->view, courses, n) < 0)
		return 500;
	char key[64];
	for (size_t i = 0; i < n_cats; i++) {
		snprintf(key, sizeof(key), "Categories.%zu", i);
		if (view_set(ctx->view, key, cats[i]) < 0)
			return 500;
	}
	return handler_render(ctx, 200, "public/home.cs");
}
