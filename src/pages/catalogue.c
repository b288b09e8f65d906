/* The catalogue: GET /formations/{slug}, one fiche. */
#include "pages/pages.h"

#include <string.h>

#include "rules/calendar_fr.h"
#include "store/courses.h"
#include "store/db.h"
#include "view/view.h"
#include "web/request.h"

/* Slugs are lowercase ASCII words joined by '-': anything else cannot name
 * a course, so it is a 404 before any query. */
static int slug_is_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 100 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

static const char *modality_label(const char *m)
{
	if (strcmp(m, "distanciel") == 0)
		return "À distance";
	if (strcmp(m, "mixte") == 0)
		return "Mixte (présentiel et à distance)";
	return "En présentiel";
}

static int set_updated(struct view *v, const char *iso)
{
	struct cal_date d;
	char text[64];
	if (cal_parse_iso(iso, &d) != 0 || cal_format_long_fr(d, text, sizeof(text)) == 0)
		return view_set(v, "Course.updated", iso);
	return view_set(v, "Course.updated", text);
}

int page_course(struct ctx *ctx)
{
	const char *slug = ctx->req->args[0];
	if (!slug_is_valid(slug))
		return 404;
	struct course c;
	int rc = store_course_published(ctx->db, ctx->arena, slug, &c);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct view *v = ctx->view;
	if (view_set(v, "Page.title", c.title) < 0 ||
			view_set(v, "Course.slug", c.slug) < 0 ||
			view_set(v, "Course.title", c.title) < 0 ||
			view_set(v, "Course.kind", strcmp(c.kind, "inter") == 0 ? "INTER" : "INTRA") < 0 ||
			view_set(v, "Course.category", c.category) < 0 ||
			view_set(v, "Course.audience", c.audience) < 0 ||
			view_set(v, "Course.prerequisites", c.prerequisites) < 0 ||
			view_set(v, "Course.objective", c.objective) < 0 ||
			view_set(v, "Course.modality", modality_label(c.modality)) < 0 ||
			view_set(v, "Course.trainers", c.trainers) < 0 ||
			view_set(v, "Course.group_size", c.group_size) < 0 ||
			set_updated(v, c.updated_on) < 0)
		return 500;
	return handler_render(ctx, 200, "public/course.cs");
}
