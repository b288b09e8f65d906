/* GET /intranet/demandes/chiffres: how well the response commitment is
 * kept (README.md, "The response commitment", figures): the share answered on time
 * per régime and month, the median days to answer, the late demands, and
 * the open demands by days left. "Today" is the Europe/Paris date, as for
 * the due-date rule; the 12 months are the current one and the 11 before,
 * by month of reception (a demand counts in the month it arrived, so a
 * month's figure settles once its demands are answered). */
#include "pages/pages.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "rules/calendar_fr.h"
#include "rules/demand_state.h"
#include "rules/due_date.h"
#include "store/db.h"
#include "store/demand_stats.h"
#include "view/view.h"

#define MONTHS 12
#define LATE_SHOWN 100
#define NBSP "\xC2\xA0"

static const char *const regimes[] = { "15j", "1mois" };
#define N_REGIMES (sizeof(regimes) / sizeof(regimes[0]))

/* The days-left groups staff asked for; bounds included. */
static const struct bucket {
	const char *key, *label;
	int min, max;
} buckets[] = {
	{ "retard", "En retard", INT_MIN, -1 },
	{ "aujourdhui", "Aujourd'hui", 0, 0 },
	{ "1-2", "1 à 2 jours", 1, 2 },
	{ "3-5", "3 à 5 jours", 3, 5 },
	{ "6-10", "6 à 10 jours", 6, 10 },
	{ "plus-10", "Plus de 10 jours", 11, INT_MAX },
};
#define N_BUCKETS (sizeof(buckets) / sizeof(buckets[0]))

static size_t regime_index(const char *regime)
{
	for (size_t i = 0; i < N_REGIMES; i++)
		if (strcmp(regimes[i], regime) == 0)
			return i;
	return N_REGIMES;
}

static const char *regime_label(const char *regime)
{
	enum regime r;
	return due_regime_parse(regime, &r) == 0 ? due_regime_label_fr(r) : regime;
}

/* "67 %" (rounded half up), or "—" when nothing was answered. */
static const char *share_text(struct arena *a, long on_time, long answered)
{
	if (answered <= 0)
		return "—";
	return arena_printf(a, "%ld" NBSP "%%", (on_time * 200 + answered) / (answered * 2));
}

/* percentile_cont's "10" or "23.5" as "10 j" or "23,5 j". */
static const char *median_text(struct arena *a, const char *median)
{
	if (!*median)
		return "—";
	char *s = arena_printf(a, "%s" NBSP "j", median);
	char *dot = s ? strchr(s, '.') : NULL;
	if (dot)
		*dot = ',';
	return s;
}

static const char *days_text(struct arena *a, long days)
{
	return arena_printf(a, "%ld jour%s", days, days > 1 ? "s" : "");
}

/* The first day of the month MONTHS - 1 months before today's. */
static struct civil_date window_start(struct civil_date today)
{
	int months = today.year * 12 + (today.month - 1) - (MONTHS - 1);
	return (struct civil_date){ months / 12, months % 12 + 1, 1 };
}

static int set_months(struct ctx *ctx, struct civil_date start, const char *from)
{
	struct stats_month *m;
	size_t n;
	int rc = store_stats_by_month(ctx->db, ctx->arena, from, &m, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* Most recent month first: that is the one staff look for. */
	for (int k = 0; k < MONTHS; k++) {
		int months = start.year * 12 + (start.month - 1) + (MONTHS - 1 - k);
		int year = months / 12, month = months % 12 + 1;
		const char *key = arena_printf(ctx->arena, "%04d-%02d", year, month);
		long answered[N_REGIMES] = { 0 }, on_time[N_REGIMES] = { 0 };
		for (size_t i = 0; key && i < n; i++) {
			size_t r = regime_index(m[i].regime);
			if (r < N_REGIMES && strcmp(m[i].month, key) == 0) {
				answered[r] = strtol(m[i].answered, NULL, 10);
				on_time[r] = strtol(m[i].on_time, NULL, 10);
			}
		}
		struct arena *a = ctx->arena;
		if (!key || VIEW_ROW(ctx->view, "Months", (size_t)k, { "key", key },
				{ "label", arena_printf(a, "%s %d", cal_month_name_fr(month), year) },
				{ "share15", share_text(a, on_time[0], answered[0]) },
				{ "detail15", arena_printf(a, "%ld sur %ld", on_time[0], answered[0]) },
				{ "share1m", share_text(a, on_time[1], answered[1]) },
				{ "detail1m", arena_printf(a, "%ld sur %ld", on_time[1], answered[1]) }) < 0)
			return 500;
	}
	return 0;
}

/* The 12 months by régime; adds the demands answered late to *late. */
static int set_regimes(struct ctx *ctx, const char *from, long *late)
{
	struct stats_regime *s;
	size_t n;
	int rc = store_stats_by_regime(ctx->db, ctx->arena, from, &s, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	*late = 0;
	for (size_t r = 0; r < N_REGIMES; r++) {
		struct stats_regime row = { regimes[r], "0", "0", "0", "" };
		for (size_t i = 0; i < n; i++)
			if (strcmp(s[i].regime, regimes[r]) == 0)
				row = s[i];
		*late += strtol(row.late, NULL, 10);
		if (VIEW_ROW(ctx->view, "Regimes", r, { "key", row.regime },
				{ "label", regime_label(row.regime) }, { "answered", row.answered },
				{ "on_time", row.on_time }, { "late", row.late },
				{ "share", share_text(ctx->arena, strtol(row.on_time, NULL, 10),
					strtol(row.answered, NULL, 10)) },
				{ "median", median_text(ctx->arena, row.median_days) }) < 0)
			return 500;
	}
	return 0;
}

/* Open demands by bucket and régime; *open_late gets the late ones. */
static int set_buckets(struct ctx *ctx, const char *today, long *open_late)
{
	struct stats_days_left *d;
	size_t n;
	int rc = store_stats_days_left(ctx->db, ctx->arena, today, &d, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	long count[N_BUCKETS][N_REGIMES] = { { 0 } }, paused = 0, all[N_REGIMES] = { 0 };
	for (size_t i = 0; i < n; i++) {
		size_t r = regime_index(d[i].regime);
		for (size_t b = 0; r < N_REGIMES && b < N_BUCKETS; b++)
			if (d[i].days_left >= buckets[b].min && d[i].days_left <= buckets[b].max) {
				count[b][r] += d[i].count;
				all[r] += d[i].count;
			}
		paused += d[i].paused;
	}
	struct arena *a = ctx->arena;
	for (size_t b = 0; b < N_BUCKETS; b++)
		if (VIEW_ROW(ctx->view, "Buckets", b, { "key", buckets[b].key },
				{ "label", buckets[b].label },
				{ "c15", arena_printf(a, "%ld", count[b][0]) },
				{ "c1m", arena_printf(a, "%ld", count[b][1]) },
				{ "total", arena_printf(a, "%ld", count[b][0] + count[b][1]) }) < 0)
			return 500;
	*open_late = count[0][0] + count[0][1];
	if (view_set_int(ctx->view, "Open.c15", all[0]) < 0 ||
			view_set_int(ctx->view, "Open.c1m", all[1]) < 0 ||
			view_set_int(ctx->view, "Open.total", all[0] + all[1]) < 0 ||
			view_set_int(ctx->view, "Open.paused", paused) < 0)
		return 500;
	return 0;
}

static int set_late_list(struct ctx *ctx, const char *today)
{
	struct stats_late *l;
	size_t n;
	int rc = store_stats_late(ctx->db, ctx->arena, today, LATE_SHOWN, &l, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		enum demand_state s;
		const char *status = demand_state_parse(l[i].status, &s) == 0 ?
			demand_state_label_staff(s) : l[i].status;
		if (VIEW_ROW(ctx->view, "Late", i, { "id", l[i].id }, { "reference", l[i].reference },
				{ "organisation", l[i].organisation }, { "due", pages_long_date(ctx->arena, l[i].due_on) },
				{ "days", days_text(ctx->arena, strtol(l[i].days_late, NULL, 10)) },
				{ "assignee", l[i].assignee_name }, { "status", status }) < 0)
			return 500;
	}
	return 0;
}

int page_demand_figures(struct ctx *ctx)
{
	struct civil_date today = cal_paris_local_date((int64_t)time(NULL));
	struct civil_date start = window_start(today);
	char today_iso[CAL_DATE_BUF], from[CAL_DATE_BUF], today_long[CAL_LONG_FR_BUF];
	if (cal_format_date(today, today_iso, sizeof(today_iso)) != 0 ||
			cal_format_date(start, from, sizeof(from)) != 0 ||
			cal_format_long_fr(today, today_long, sizeof(today_long)) != 0)
		return 500;
	long answered_late = 0, open_late = 0;
	int status = set_months(ctx, start, from);
	if (!status)
		status = set_regimes(ctx, from, &answered_late);
	if (!status)
		status = set_buckets(ctx, today_iso, &open_late);
	if (!status)
		status = set_late_list(ctx, today_iso);
	if (status)
		return status;
	struct view *v = ctx->view;
	if (view_set(v, "Page.title", "Chiffres des demandes") < 0 ||
			view_set(v, "Today", today_long) < 0 ||
			view_set(v, "Since", pages_long_date(ctx->arena, from)) < 0 ||
			view_set_int(v, "OpenLate", open_late) < 0 ||
			view_set_int(v, "AnsweredLate", answered_late) < 0 ||
			view_set_int(v, "LateShown", LATE_SHOWN) < 0 ||
			view_set(v, "LateTruncated", open_late > LATE_SHOWN ? "1" : "") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/demand_figures.cs");
}
