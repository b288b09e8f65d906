/* "Sessions à venir" (GET /sessions), by month, filterable by course and
 * month; and the iCalendar feeds calendar clients subscribe to: every
 * public session (/sessions.ics), one course's (/formations/{slug}/
 * sessions.ics), and a trainer's own slots behind a secret token. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/settings.h"
#include "out/ical.h"
#include "rules/calendar_fr.h"
#include "rules/registration.h"
#include "rules/slot_time.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

#define PUBLIC_SESSIONS_MAX 300
#define MONTHS_OFFERED 12
/* Feeds: a month back (so that a session just given stays in calendars),
 * a year ahead for the public, two for a trainer. */
#define FEED_DAYS_BACK 31
#define FEED_DAYS_AHEAD 366
#define TRAINER_FEED_DAYS_BACK 92
#define TRAINER_FEED_DAYS_AHEAD 731

static const char *month_label(struct arena *a, int year, int month)
{
	const char *name = cal_month_name_fr(month);
	return arena_printf(a, "%s %d", name ? name : "", year);
}

/* The sessions' fields are those the templates write (sessions, fiche,
 * home): a dataset node each, and a row of more than eleven is hashed by
 * ClearSilver (FORCE_HASH_AT), a cost paid again on each of 300 rows.
 * seats is "" when the session is full; open and closes are the
 * sessions page's only (by_month). */
int sessions_public_fill(struct ctx *ctx, const struct session *s, size_t n, int by_month)
{
	char prev[8] = "";
	long month_index = -1, in_month = 0;
	const char *list = "Sessions";
	for (size_t i = 0; i < n; i++) {
		struct civil_date first;
		const char *span = pages_span(ctx->arena, s[i].first_day, s[i].last_day);
		if (!*span || cal_parse_date(s[i].first_day, &first) != 0)
			continue;
		long seats = strtol(s[i].max_participants, NULL, 10) - strtol(s[i].registered, NULL, 10);
		size_t index = i;
		if (by_month) {
			if (strncmp(prev, s[i].first_day, 7) != 0) {
				snprintf(prev, sizeof(prev), "%.7s", s[i].first_day);
				month_index++;
				in_month = 0;
				list = arena_printf(ctx->arena, "Months.%ld.Sessions", month_index);
				if (!list || VIEW_ROW(ctx->view, "Months", (size_t)month_index,
						{ "label", month_label(ctx->arena, first.year, first.month) },
						{ "key", arena_strdup(ctx->arena, prev) }) < 0)
					return 500;
			}
			index = (size_t)in_month++;
		}
		const char *seats_left = seats > 0 ? arena_printf(ctx->arena, "%ld", seats) : "";
		if (VIEW_ROW(ctx->view, list, index, { "id", s[i].id }, { "course", s[i].course_title },
				{ "slug", s[i].course_slug },
				{ "kind", strcmp(s[i].kind, "inter") == 0 ? "INTER" : "INTRA" },
				{ "organisation", s[i].organisation }, { "span", span },
				{ "place", s[i].place_name }, { "city", s[i].place_city },
				{ "seats", seats_left }) < 0)
			return 500;
		if (by_month && VIEW_ROW(ctx->view, list, index,
				{ "open", sessions_registration_open(&s[i]) ? "1" : "" },
				{ "closes", *s[i].closes_on ? pages_long_date(ctx->arena, s[i].closes_on) : "" }) < 0)
			return 500;
	}
	return 0;
}

/* The reads of the list, by filter, kept by the worker until a change of
 * what they read is notified (db_run_reads_kept): the unfiltered list,
 * each course's and each month's. */
#define SESSIONS_KEPT 64
static struct db_kept sessions_kept[SESSIONS_KEPT];

static int valid_slug(const char *s)
{
	return s && strlen(s) <= 100 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(s);
}

int page_sessions(struct ctx *ctx)
{
	const char *slug = params_get(&ctx->req->query, "formation");
	const char *month = params_get(&ctx->req->query, "mois");
	slug = slug ? slug : "";
	month = month ? month : "";
	int year, mon;
	if (!valid_slug(slug) || (*month && (strlen(month) != 7 || sscanf(month, "%4d-%2d", &year, &mon) != 2 ||
			mon < 1 || mon > 12 || month[4] != '-')))
		return 400;
	struct civil_date today = pages_paris_today();
	const char *from = pages_iso_date(ctx->arena, today);
	/* The course filter offers the courses that have public sessions: the
	 * list itself when nothing is filtered, else a second read. */
	int filtered = *slug || *month;
	struct db_call calls[2];
	if (store_public_sessions_call(&calls[0], ctx->arena, from, slug, month,
			PUBLIC_SESSIONS_MAX) != DB_OK || (filtered && store_public_sessions_call(&calls[1],
			ctx->arena, from, "", "", PUBLIC_SESSIONS_MAX) != DB_OK))
		return 500;
	const char *key = arena_printf(ctx->arena, "%s %s %s", from, slug, month);
	if (!key)
		return 500;
	int rc = db_run_reads_kept(ctx->db, ctx->arena, db_kept_entry(sessions_kept, SESSIONS_KEPT, key),
			key, calls, filtered ? 2 : 1);
	struct session *s = NULL, *all;
	size_t n = 0, n_all;
	if (rc == DB_OK)
		rc = store_public_sessions_read(&calls[0], ctx->arena, &s, &n);
	all = s;
	n_all = n;
	if (rc == DB_OK && filtered)
		rc = store_public_sessions_read(&calls[1], ctx->arena, &all, &n_all);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = sessions_public_fill(ctx, s, n, 1)) != 0)
		return rc;
	/* each course once, compared with the courses already offered (a few)
	 * rather than with every session before it */
	const char **offered = arena_alloc(ctx->arena, (n_all ? n_all : 1) * sizeof(*offered));
	if (!offered)
		return 500;
	size_t n_courses = 0;
	for (size_t i = 0; i < n_all; i++) {
		size_t k = 0;
		while (k < n_courses && strcmp(offered[k], all[i].course_slug) != 0)
			k++;
		if (k < n_courses)
			continue;
		offered[n_courses] = all[i].course_slug;
		if (VIEW_ROW(ctx->view, "Courses", n_courses++, { "slug", all[i].course_slug },
				{ "title", all[i].course_title }) < 0)
			return 500;
	}
	for (int k = 0; k < MONTHS_OFFERED; k++) {
		int y = today.year + (today.month - 1 + k) / 12, m = (today.month - 1 + k) % 12 + 1;
		if (VIEW_ROW(ctx->view, "MonthChoices", (size_t)k,
				{ "key", arena_printf(ctx->arena, "%04d-%02d", y, m) },
				{ "label", month_label(ctx->arena, y, m) }) < 0)
			return 500;
	}
	if (view_set(ctx->view, "Page.title", "Sessions à venir") < 0 ||
			view_set(ctx->view, "Filter.formation", slug) < 0 ||
			view_set(ctx->view, "Filter.mois", month) < 0 ||
			view_set_int(ctx->view, "Count", (long)n) < 0)
		return 500;
	return handler_render(ctx, 200, "public/sessions.cs");
}

/* --- iCalendar ------------------------------------------------------------------- */

static enum ical_status slot_status(const struct slot *s)
{
	if (*s->cancelled || strcmp(s->session_status, "annulee") == 0)
		return ICAL_CANCELLED;
	return strcmp(s->session_status, "envisagee") == 0 ? ICAL_TENTATIVE : ICAL_CONFIRMED;
}

static const char *slot_location(struct arena *a, const struct slot *s)
{
	if (*s->remote && !*s->room_name)
		return "À distance";
	if (!*s->place_name)
		return "";
	return arena_printf(a, "%s%s%s%s%s", s->place_name, *s->room_name ? ", " : "", s->room_name,
			*s->place_address ? " – " : "", s->place_address);
}

static const char *slot_description(struct arena *a, const struct slot *s, int for_trainer)
{
	const char *text = arena_printf(a, "%s%s%s%s",
			*s->module_label ? s->module_label : "", *s->module_label && *s->day_label ? " · " : "",
			s->day_label, *s->module_label || *s->day_label ? "\n" : "");
	text = arena_printf(a, "%sSession %s%s%s\n", text,
			strcmp(s->session_kind, "inter") == 0 ? "INTER" : "INTRA",
			*s->organisation ? " pour " : "", s->organisation);
	if (*s->remote)
		text = arena_printf(a, "%sÀ distance\n", text);
	if (for_trainer && *s->trainers)
		text = arena_printf(a, "%sFormateurs : %s\n", text, s->trainers);
	if (*s->cancelled || strcmp(s->session_status, "annulee") == 0)
		text = arena_printf(a, "%sAnnulé\n", text);
	return text;
}

int sessions_feed_answer(struct ctx *ctx, const char *name, const struct slot *slots, size_t n,
		int for_trainer)
{
	struct ical_event *ev = arena_calloc(ctx->arena, n ? n : 1, sizeof(*ev));
	if (!ev)
		return 500;
	int64_t now = (int64_t)time(NULL);
	const char *host = ctx->settings->base_url;
	for (size_t i = 0; i < n; i++) {
		const struct slot *s = &slots[i];
		ev[i] = (struct ical_event){
			.uid = arena_printf(ctx->arena, "creneau-%s@formations.egoc", s->id),
			.summary = s->course_title,
			.description = slot_description(ctx->arena, s, for_trainer),
			.location = slot_location(ctx->arena, s),
			.url = for_trainer ? arena_printf(ctx->arena, "%s/intranet/sessions/%s", host, s->session_id) :
				arena_printf(ctx->arena, "%s/formations/%s", host, s->course_slug),
			.start_utc = strtoll(s->starts_epoch, NULL, 10),
			.end_utc = strtoll(s->ends_epoch, NULL, 10),
			.stamp_utc = now,
			.last_modified_utc = strtoll(s->updated_epoch, NULL, 10),
			.sequence = (int)strtol(s->sequence, NULL, 10),
			.status = slot_status(s),
		};
	}
	if (ical_write_feed(&ctx->res->body, name, ev, n) != 0)
		return 500;
	ctx->res->content_type = "text/calendar; charset=utf-8";
	ctx->res->status = 200;
	return 0;
}

static void feed_window(struct arena *a, int back, int ahead, const char **from, const char **to)
{
	struct civil_date today = pages_paris_today();
	*from = pages_iso_date(a, cal_add_days(today, -back));
	*to = pages_iso_date(a, cal_add_days(today, ahead));
}

int page_sessions_ics(struct ctx *ctx)
{
	const char *from, *to;
	struct slot *slots;
	size_t n;
	feed_window(ctx->arena, FEED_DAYS_BACK, FEED_DAYS_AHEAD, &from, &to);
	int rc = store_feed_public_slots(ctx->db, ctx->arena, from, to, "", &slots, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return sessions_feed_answer(ctx, "Formations EGOC – sessions à venir", slots, n, 0);
}

int page_course_sessions_ics(struct ctx *ctx)
{
	const char *slug = ctx->req->args[0];
	const char *from, *to, *title;
	struct slot *slots;
	size_t n;
	if (!valid_slug(slug))
		return 404;
	feed_window(ctx->arena, FEED_DAYS_BACK, FEED_DAYS_AHEAD, &from, &to);
	int rc = store_demand_course(ctx->db, ctx->arena, slug, &title);
	if (rc == DB_OK)
		rc = store_feed_public_slots(ctx->db, ctx->arena, from, to, slug, &slots, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return sessions_feed_answer(ctx, arena_printf(ctx->arena, "Formations EGOC – %s", title), slots, n, 0);
}

/* /intranet/agenda/{token}.ics: the token is the only key, so a wrong one
 * is a plain 404, like a page that does not exist. */
int page_trainer_feed(struct ctx *ctx)
{
	const char *arg = ctx->req->args[0];
	size_t len = strlen(arg);
	if (len < 4 + 32 || len > 4 + 100 || strcmp(arg + len - 4, ".ics") != 0)
		return 404;
	const char *token = arena_strndup(ctx->arena, arg, len - 4);
	if (!token || strspn(token, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
			len - 4)
		return 404;
	const char *from, *to, *name;
	struct slot *slots;
	size_t n;
	feed_window(ctx->arena, TRAINER_FEED_DAYS_BACK, TRAINER_FEED_DAYS_AHEAD, &from, &to);
	int rc = store_feed_trainer_slots(ctx->db, ctx->arena, token, from, to, &name, &slots, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* A private feed: no shared cache may keep it. */
	if (response_header(ctx->res, "Cache-Control", "private, no-store") < 0 ||
			response_header(ctx->res, "X-Accel-Expires", "0") < 0)
		return 500;
	return sessions_feed_answer(ctx, arena_printf(ctx->arena, "EGOC – agenda de %s", name), slots, n, 1);
}

int sessions_registration_open(const struct session *s)
{
	struct civil_date first, closes, today = pages_paris_today();
	if (strcmp(s->status, "envisagee") != 0 && strcmp(s->status, "confirmee") != 0)
		return 0;
	if (!*s->first_day || cal_parse_date(s->first_day, &first) != 0)
		return 1;
	int has_close = *s->closes_on && cal_parse_date(s->closes_on, &closes) == 0;
	return registration_open_for_requester(today, has_close ? &closes : NULL, first);
}
