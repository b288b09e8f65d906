/* GET /: the public home page: search box, categories, the catalogue. */
#include "pages/pages.h"

#include <stdint.h>
#include <time.h>

#include "rules/calendar_fr.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/sessions.h"
#include "view/view.h"

#define HOME_COURSES_MAX 50
#define HOME_SESSIONS_MAX 5

int page_home(struct ctx *ctx)
{
	struct course_filter none = { 0 };
	int rc = catalogue_list(ctx, &none, HOME_COURSES_MAX);
	if (rc)
		return rc;
	char today[CAL_DATE_BUF];
	struct session *s;
	size_t n;
	if (cal_format_date(cal_paris_local_date((int64_t)time(NULL)), today, sizeof(today)) != 0)
		return 500;
	if ((rc = store_public_sessions(ctx->db, ctx->arena, today, "", "", HOME_SESSIONS_MAX,
			&s, &n)) != DB_OK)
		return handler_db_status(rc);
	if ((rc = sessions_public_fill(ctx, s, n, 0)) != 0)
		return rc;
	if (view_set(ctx->view, "Page.title", "Formations EGOC") < 0)
		return 500;
	return handler_render(ctx, 200, "public/home.cs");
}
