/* GET /: the public home page: search box, categories, the catalogue. */
#include "pages/pages.h"

#include "store/courses.h"
#include "store/db.h"
#include "view/view.h"

#define HOME_COURSES_MAX 50

int page_home(struct ctx *ctx)
{
	struct course_filter none = { 0 };
	int rc = catalogue_list(ctx, &none, HOME_COURSES_MAX);
	if (rc)
		return rc;
	if (view_set(ctx->view, "Page.title", "Formations EGOC") < 0)
		return 500;
	return handler_render(ctx, 200, "public/home.cs");
}
