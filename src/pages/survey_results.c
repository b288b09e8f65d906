/* Evaluation results (issue 13):
 *   the satisfaction rate of each fiche and catalogue card, computed from
 *   the chaud answers of the last 12 months (rules/survey.h);
 *   GET /intranet/evaluations[.csv]  results of a selection of sessions
 *       (?session=, ?formation=, ?formateur=, ?du=, ?au=) for staff, and
 *       for a trainer only their own sessions (403 otherwise);
 *   GET /intranet/qualite[.csv]      the Qualiopi figures, for admins. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/csv.h"
#include "out/svg_chart.h"
#include "rules/calendar_fr.h"
#include "rules/survey.h"
#include "store/db.h"
#include "store/survey_results.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

/* ------------------------------------------------------ the fiche's rate */

/* A tally that cannot be a rate (respondents over participants cannot come
 * from the store's query; a miscount is not printed). */
static void rate_of(const struct course_tally *t, struct civil_date today, struct survey_rate *r)
{
	if (survey_rate_compute(&t->tally, today, r) == 0)
		return;
	memset(r, 0, sizeof(*r));
	r->percent = -1;
	survey_rate_window(today, &r->period_first, &r->period_last);
	r->computed_on = today;
}

int survey_rates_of_courses(struct ctx *ctx, const char *const *ids, size_t n,
		struct survey_rate *rates, long *last_answer)
{
	struct civil_date today = pages_paris_today(), first, last;
	if (survey_rate_window(today, &first, &last) != 0)
		return 500;
	struct course_tally *t;
	int rc = store_course_tallies(ctx->db, ctx->arena, ids, n, pages_iso_date(ctx->arena, first),
			pages_iso_date(ctx->arena, last), &t);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		rate_of(&t[i], today, &rates[i]);
		if (last_answer)
			last_answer[i] = t[i].last_answer;
	}
	return 0;
}

int survey_rate_fill(struct ctx *ctx, const char *prefix, const struct survey_rate *r)
{
	char sentence[SURVEY_SENTENCE_FR_BUF], computed[CAL_LONG_FR_BUF];
	if (survey_rate_sentence_fr(r, sentence, sizeof(sentence)) != 0 ||
			cal_format_long_fr(r->computed_on, computed, sizeof(computed)) != 0)
		return 500;
	const char *percent = r->published ? arena_printf(ctx->arena, "%d", r->percent) : "";
	const char *respondents = arena_printf(ctx->arena, "%lld", (long long)r->respondents);
	return VIEW_FIELDS(ctx->view, prefix, { "rate_published", r->published ? "1" : "" },
			{ "rate_percent", percent }, { "rate_respondents", respondents },
			{ "rate_sentence", sentence }, { "rate_computed", computed }) < 0 ? 500 : 0;
}
