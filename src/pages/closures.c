/* Closure days, for admins: GET /intranet/fermetures lists the coming
 * ones beside the public holidays of this year and the next (which the
 * due-date rule applies on its own), with a form to add one day or a range;
 * POST /intranet/fermetures adds; GET /intranet/fermetures/{date} asks to
 * confirm a deletion and states its consequence, POST (action=supprimer)
 * removes.
 *
 * A range stores its working days only: weekends and public holidays are
 * non-working already, a closure day there would change nothing. One day
 * given alone is stored whatever it is, and said to be non-working already.
 *
 * A change here does not rewrite any stored due date: a demand's due date
 * is computed, with the closure days known then, when it arrives and when
 * a pause ends (README.md: "always recomputed from the received date and
 * the recorded pauses"). Rewriting them on every calendar change would
 * move dates already promised to requesters in their acknowledgement; the
 * page says so to the admin. */
#include "pages/pages.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "rules/fields.h"
#include "store/closures.h"
#include "store/db.h"
#include "view/view.h"
#include "web/request.h"

#define LABEL_MAX_CHARS 200
#define CLOSURES_SHOWN 500
/* The longest range one form adds, first and last day included. */
#define RANGE_MAX_DAYS 60

/* Weekends and public holidays are closed already: a closure day there
 * changes no due date. */
static int already_closed(struct civil_date d)
{
	return due_is_non_working_day(d, NULL, 0);
}

static const char *long_fr(struct arena *a, struct civil_date d)
{
	char text[CAL_LONG_FR_BUF];
	return cal_format_long_fr(d, text, sizeof(text)) == 0 ? arena_strdup(a, text) : NULL;
}

/* "le lundi 21 décembre 2026", "du lundi 21 au mercredi 23 décembre 2026",
 * "du lundi 30 novembre au mardi 1er décembre 2026", or both dates in full
 * across years; NULL when out of memory or a date is invalid. */
static const char *span_fr(struct arena *a, struct civil_date first, struct civil_date last)
{
	const char *to = long_fr(a, last);
	if (!to || !cal_date_is_valid(first))
		return NULL;
	if (cal_date_compare(first, last) == 0)
		return arena_printf(a, "le %s", to);
	const char *weekday = cal_weekday_name_fr(cal_day_of_week(first));
	const char *er = first.day == 1 ? "er" : "";
	if (first.year == last.year && first.month == last.month)
		return arena_printf(a, "du %s %d%s au %s", weekday, first.day, er, to);
	if (first.year == last.year)
		return arena_printf(a, "du %s %d%s %s au %s", weekday, first.day, er,
			cal_month_name_fr(first.month), to);
	const char *from = long_fr(a, first);
	return from ? arena_printf(a, "du %s au %s", from, to) : NULL;
}

/* The public holidays of this year and the next, as rows of Holidays. */
static int list_holidays(struct ctx *ctx, struct civil_date today)
{
	size_t n = 0;
	struct civil_date d = { today.year, 1, 1 };
	for (; d.year <= today.year + 1; d = cal_add_days(d, 1)) {
		const char *name = cal_french_public_holiday_name(d);
		if (!name)
			continue;
		const char *iso = pages_iso_date(ctx->arena, d), *text = long_fr(ctx->arena, d);
		if (!iso || !text || VIEW_ROW(ctx->view, "Holidays", n++, { "day", iso }, { "long", text },
				{ "name", name }, { "past", cal_date_compare(d, today) < 0 ? "1" : "" }) < 0)
			return -1;
	}
	return view_set(ctx->view, "HolidayYears", arena_printf(ctx->arena, "%d et %d",
		today.year, today.year + 1)) < 0 ? -1 : 0;
}

/* A whole number from the query, 0 when absent or wrong. */
static long query_count(struct ctx *ctx, const char *key)
{
	const char *s = params_get(&ctx->req->query, key);
	char *end;
	long n = s ? strtol(s, &end, 10) : 0;
	return s && *s && !*end && n > 0 && n <= RANGE_MAX_DAYS ? n : 0;
}

static const char *query_date(struct ctx *ctx, const char *key, struct civil_date *d)
{
	const char *s = params_get(&ctx->req->query, key);
	return s && cal_parse_date(s, d) == 0 ? s : NULL;
}

/* The banner after an addition or a deletion, named by its dates (the
 * label is the one stored on the first day of the range still listed). */
static int set_notice(struct ctx *ctx, const struct closure *c, size_t n)
{
	struct civil_date first, last;
	long added = query_count(ctx, "ajout");
	if (added && query_date(ctx, "du", &first) && query_date(ctx, "au", &last) &&
			cal_date_compare(first, last) <= 0) {
		const char *span = span_fr(ctx->arena, first, last), *label = "";
		for (size_t i = 0; i < n; i++)
			if (strcmp(c[i].day, pages_iso_date(ctx->arena, first)) >= 0 &&
					strcmp(c[i].day, pages_iso_date(ctx->arena, last)) <= 0 && *c[i].label) {
				label = arena_printf(ctx->arena, " (%s)", c[i].label);
				break;
			}
		long before = query_count(ctx, "deja");
		const char *notice = !span ? NULL : cal_date_compare(first, last) == 0 ?
			arena_printf(ctx->arena, "Jour de fermeture ajouté : %s%s.", span, label) :
			arena_printf(ctx->arena, "%ld jour%s de fermeture ajouté%s : %s%s.%s%s", added,
				added > 1 ? "s" : "", added > 1 ? "s" : "", span, label,
				params_get(&ctx->req->query, "ouvres") ? " Les week-ends et jours fériés de"
				" la période, déjà non ouvrés, ne sont pas enregistrés." : "",
				before ? arena_printf(ctx->arena, " %ld jour%s de la période l'étai%s déjà.", before,
					before > 1 ? "s" : "", before > 1 ? "ent" : "t") : "");
		if (!notice || view_set(ctx->view, "Notice", notice) < 0)
			return -1;
	}
	if (query_date(ctx, "supprime", &first)) {
		const char *day = long_fr(ctx->arena, first);
		if (!day || view_set(ctx->view, "Notice", arena_printf(ctx->arena,
				"Le %s n'est plus un jour de fermeture : les échéances calculées désormais "
				"ne le sauteront plus.", day)) < 0)
			return -1;
	}
	return 0;
}

static int closures_page(struct ctx *ctx, int status)
{
	struct civil_date today = pages_paris_today();
	char from[CAL_DATE_BUF];
	if (cal_format_date(today, from, sizeof(from)) != 0)
		return 500;
	struct closure *c;
	size_t n;
	int rc = store_closures_from(ctx->db, ctx->arena, from, CLOSURES_SHOWN, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		struct civil_date d;
		const char *text = cal_parse_date(c[i].day, &d) == 0 ? long_fr(ctx->arena, d) : NULL;
		if (!text || VIEW_ROW(ctx->view, "Closures", i, { "day", c[i].day }, { "long", text },
				{ "label", c[i].label }, { "closed", already_closed(d) ? "1" : "" }) < 0)
			return 500;
	}
	if (set_notice(ctx, c, n) < 0 || list_holidays(ctx, today) < 0)
		return 500;
	if (params_get(&ctx->req->query, "nonouvre") && view_set(ctx->view, "AlreadyClosed",
			"Ce jour tombe un samedi, un dimanche ou un jour férié : il était déjà "
			"non ouvré, l'ajout ne change aucune échéance.") < 0)
		return 500;
	if (view_set(ctx->view, "Page.title", "Jours de fermeture") < 0 ||
			view_set(ctx->view, "Today", from) < 0 ||
			view_set(ctx->view, "RangeMax", arena_printf(ctx->arena, "%d", RANGE_MAX_DAYS)) < 0)
		return 500;
	return handler_render(ctx, status, "intranet/closures.cs");
}

int page_closures(struct ctx *ctx)
{
	return closures_page(ctx, 200);
}

static int refuse(struct ctx *ctx, const char *key, const char *message)
{
	if (key && view_set(ctx->view, key, message) < 0)
		return 500;
	return closures_page(ctx, 422);
}

/* The French message for a wrong range, or NULL. */
static const char *range_problem(struct ctx *ctx, struct civil_date first, struct civil_date last,
		const char **key)
{
	*key = "Errors.date";
	if (cal_date_compare(first, pages_paris_today()) < 0)
		return "Cette date est passée : seuls les jours à venir, à partir d'aujourd'hui, "
			"peuvent être ajoutés.";
	*key = "Errors.end";
	if (cal_date_compare(last, first) < 0)
		return "Le dernier jour est avant le premier : indiquez un dernier jour égal ou "
			"postérieur au premier.";
	if (cal_days_from_civil(last) - cal_days_from_civil(first) >= RANGE_MAX_DAYS)
		return arena_printf(ctx->arena, "Une période compte au plus %d jours : ajoutez-la "
			"en plusieurs fois.", RANGE_MAX_DAYS);
	return NULL;
}

int page_closure_add(struct ctx *ctx)
{
	const char *day, *end, *label;
	const struct form_field fields[] = {
		{ { "date", FIELD_DATE, 1, 0, 0 }, "Errors.date", &day },
		{ { "au", FIELD_DATE, 0, 0, 0 }, "Errors.end", &end },
		{ { "libelle", FIELD_LINE, 0, LABEL_MAX_CHARS, 0 }, "Errors.label", &label },
	};
	int wrong = form_read(ctx, fields, sizeof(fields) / sizeof(fields[0]), NULL);
	if (wrong < 0 || view_set(ctx->view, "Form.date", day) < 0 ||
			view_set(ctx->view, "Form.end", end) < 0 || view_set(ctx->view, "Form.label", label) < 0)
		return 500;
	if (wrong)
		return refuse(ctx, NULL, NULL);
	struct civil_date first, last;
	if (cal_parse_date(day, &first) != 0 || (*end && cal_parse_date(end, &last) != 0))
		return 500;   /* form_read checked both */
	if (!*end)
		last = first;
	const char *key, *problem = range_problem(ctx, first, last, &key);
	if (problem)
		return refuse(ctx, key, problem);
	/* One day alone is stored whatever it is; a range keeps its working days. */
	int single = cal_date_compare(first, last) == 0, skipped = 0;
	size_t working = 0;
	const char *days = "{";
	for (struct civil_date d = first; cal_date_compare(d, last) <= 0; d = cal_add_days(d, 1)) {
		if (!single && already_closed(d)) {
			skipped = 1;
			continue;
		}
		days = arena_printf(ctx->arena, "%s%s%s", days, working++ ? "," : "",
			pages_iso_date(ctx->arena, d));
		if (!days)
			return 500;
	}
	if (!working)
		return refuse(ctx, "Errors.end", "Tous les jours de cette période sont des week-ends ou "
			"des jours fériés, déjà non ouvrés : il n'y a rien à ajouter.");
	size_t added;
	int rc = store_closures_add(ctx->db, ctx->arena, arena_printf(ctx->arena, "%s}", days),
		label, &added);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (!added)
		return refuse(ctx, "Errors.date", single ? "Ce jour est déjà un jour de fermeture." :
			"Tous les jours ouvrés de cette période sont déjà des jours de fermeture.");
	const char *back = arena_printf(ctx->arena, "/intranet/fermetures?ajout=%zu&du=%s&au=%s%s%s%s",
		added, day, pages_iso_date(ctx->arena, last), skipped ? "&ouvres=1" : "",
		working > added ? arena_printf(ctx->arena, "&deja=%zu", working - added) : "",
		single && already_closed(first) ? "&nonouvre=1" : "");
	return back ? handler_redirect(ctx, back) : 500;
}

int page_closure_confirm(struct ctx *ctx)
{
	struct civil_date d;
	if (cal_parse_date(ctx->req->args[0], &d) != 0)
		return 404;
	struct closure c;
	int rc = store_closure_get(ctx->db, ctx->arena, ctx->req->args[0], &c);
	long spanning = 0;
	if (rc == DB_OK)
		rc = store_closure_open_demands_spanning(ctx->db, ctx->arena, c.day, &spanning);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *text = long_fr(ctx->arena, d);
	if (!text || VIEW_FIELDS(ctx->view, "Closure", { "day", c.day }, { "long", text },
			{ "label", c.label }, { "closed", already_closed(d) ? "1" : "" }) < 0 ||
			view_set(ctx->view, "Spanning", spanning ? arena_printf(ctx->arena,
				"%ld demande%s en cours %s une échéance calculée en sautant ce jour : "
				"elle%s ne change%s pas.", spanning, spanning > 1 ? "s" : "",
				spanning > 1 ? "ont" : "a", spanning > 1 ? "s" : "",
				spanning > 1 ? "nt" : "") : "") < 0 ||
			view_set(ctx->view, "Page.title", arena_printf(ctx->arena,
				"Supprimer le jour de fermeture du %s", text)) < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/closure_delete.cs");
}

int page_closure_change(struct ctx *ctx)
{
	struct civil_date d;
	if (cal_parse_date(ctx->req->args[0], &d) != 0)
		return 404;
	const char *action = params_get(&ctx->req->form, "action");
	if (!action || strcmp(action, "supprimer") != 0) {
		if (view_set(ctx->view, "Errors.change", "Action inconnue.") < 0)
			return 500;
		return closures_page(ctx, 422);
	}
	int rc = store_closure_delete(ctx->db, ctx->req->args[0]);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *back = arena_printf(ctx->arena, "/intranet/fermetures?supprime=%s",
		pages_iso_date(ctx->arena, d));
	return back ? handler_redirect(ctx, back) : 500;
}
