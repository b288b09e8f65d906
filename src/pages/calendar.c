/* The staff calendar, GET /intranet/calendrier: a month grid, a week or a
 * list of the slots to come, filtered by trainer, room, place, course and
 * status. A trainer (role formateur) sees their own slots only, whatever
 * the filters say. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/richtext.h"
#include "rules/session_state.h"
#include "rules/slot_time.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"

#define MONTH_SLOTS_MAX 3000
#define LIST_DAYS 92
#define LIST_SLOTS_MAX 1000
#define GRID_DAYS_MAX 42
/* The month's cells are narrow: a course is named there in a few words,
 * in full on its session page (and in the slot's tooltip). */
#define SHORT_TITLE_CHARS 26
/* Courses get the palette's colours in the order they first appear in the
 * period (site.css .colour-1 to .colour-8), then the colours come round
 * again: the name is written on every slot, the colour only helps the eye. */
#define COURSE_COLOURS 8
#define LEGEND_MAX 64

enum calendar_view { VIEW_MONTH, VIEW_WEEK, VIEW_LIST };
/* What the colour of a slot says: its course, or its session's status. */
enum colour_by { COLOUR_COURSE, COLOUR_STATUS };

/* The courses of the period in their order of appearance: a slot's colour. */
struct course_colours {
	const char *slug[LEGEND_MAX];
	const char *title[LEGEND_MAX];
	size_t n;
};

static const char *query(const struct ctx *ctx, const char *name, size_t max)
{
	const char *v = params_get(&ctx->req->query, name);
	return v && strlen(v) <= max ? v : "";
}

static int is_id_or_empty(const char *s)
{
	return !*s || field_is_id(s);
}

/* The filters as a query string, to keep them on the previous/next links. */
static const char *filter_query(struct ctx *ctx, const struct calendar_filter *f)
{
	return arena_printf(ctx->arena, "formateur=%s&salle=%s&lieu=%s&formation=%s&statut=%s",
			f->trainer_id, f->room_id, f->place_id, f->course_id, f->status);
}

static const char *colour_by_name(enum colour_by c)
{
	return c == COLOUR_STATUS ? "statut" : "formation";
}

static const char *short_title(struct arena *a, const char *title)
{
	char *out = arena_alloc(a, 4 * SHORT_TITLE_CHARS + 1);
	if (!out)
		return title;
	(void)richtext_short_title(title, SHORT_TITLE_CHARS, out, 4 * SHORT_TITLE_CHARS + 1);
	return out;
}

/* The colour (1 to COURSE_COLOURS) of a course, given on its first slot. */
static int course_colour(struct course_colours *cc, const struct slot *s)
{
	size_t i = 0;
	while (i < cc->n && strcmp(cc->slug[i], s->course_slug) != 0)
		i++;
	if (i == cc->n && cc->n < LEGEND_MAX) {
		cc->slug[i] = s->course_slug;
		cc->title[i] = s->course_title;
		cc->n++;
	}
	return (int)(i % COURSE_COLOURS) + 1;
}

/* Where the slot is, in a word: the place, else its room, else remote. */
static const char *slot_where(const struct slot *s)
{
	if (*s->remote)
		return "à distance";
	return *s->place_name ? s->place_name : s->room_name;
}

/* How the period's slots are drawn: their colours and the view's detail. */
struct slot_look {
	struct course_colours courses;
	enum colour_by by;
	int detailed;                   /* the list: organisation, room, trainers */
};

/* A slot's fields: those its view writes, and no more. A month holds a
 * thousand slots, every field is a node of the dataset (allocated,
 * hashed once a row has ten: ClearSilver's FORCE_HASH_AT, freed) and
 * every test and variable of the template costs its lookup for each of
 * them: so the classes, the tooltip and the status said in words are
 * composed here, and the grid's nine fields stay under that line. */
static int set_slot(struct ctx *ctx, const char *list, size_t i, const struct slot *s,
		struct slot_look *look)
{
	enum session_status st;
	int start;
	char when[SLOT_TIME_FR_BUF] = "";
	if (session_status_parse(s->session_status, &st) != 0)
		return -1;
	if (slot_parse_time(s->start, &start) == 0)
		(void)slot_format_time_fr(start, when, sizeof(when));
	static const char *const colours[COURSE_COLOURS + 1] = { "", "1", "2", "3", "4", "5", "6", "7", "8" };
	int colour = course_colour(&look->courses, s);
	const char *where = slot_where(s), *label = session_status_label(st);
	const char *cls = look->by == COLOUR_COURSE ?
		ARENA_JOIN(ctx->arena, "status-", s->session_status, " colour-", colours[colour]) :
		ARENA_JOIN(ctx->arena, "status-", s->session_status);
	const char *tip = ARENA_JOIN(ctx->arena, when, " · ", s->course_title, *where ? " · " : "",
			where, " · ", label);
	const char *note = st == SESSION_CONFIRMEE ? "" : label;
	if (!look->detailed)
		return VIEW_ROW(ctx->view, list, i, { "id", s->id }, { "session_id", s->session_id },
			{ "start", arena_strdup(ctx->arena, when) }, { "course", s->course_title },
			{ "short", short_title(ctx->arena, s->course_title) }, { "cls", cls }, { "tip", tip },
			{ "where", where }, { "note", note });
	return VIEW_ROW(ctx->view, list, i, { "id", s->id }, { "session_id", s->session_id },
		{ "start", arena_strdup(ctx->arena, when) }, { "course", s->course_title },
		{ "cls", cls }, { "tip", tip }, { "note", note }, { "status", s->session_status },
		{ "room", s->room_name }, { "trainers", s->trainers }, { "remote", s->remote },
		{ "organisation", s->organisation });
}

/* The legend of the colours: the period's courses, or the statuses. */
static int set_legend(struct ctx *ctx, enum colour_by by, const struct course_colours *cc)
{
	if (by == COLOUR_STATUS) {
		const enum session_status all[] = { SESSION_ENVISAGEE, SESSION_CONFIRMEE, SESSION_REALISEE,
			SESSION_ANNULEE };
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
			if (VIEW_ROW(ctx->view, "Legend", i, { "status", session_status_name(all[i]) },
					{ "label", session_status_label(all[i]) }) < 0)
				return 500;
		return 0;
	}
	for (size_t i = 0; i < cc->n; i++)
		if (VIEW_ROW(ctx->view, "Legend", i, { "colour", arena_printf(ctx->arena, "%d",
					(int)(i % COURSE_COLOURS) + 1) }, { "label", cc->title[i] }) < 0)
			return 500;
	return 0;
}

/* Month and week: each slot goes in its day's cell of the grid. */
static int fill_grid(struct ctx *ctx, struct civil_date first, int n_days, struct civil_date month_of,
		const struct slot *slots, size_t n, struct slot_look *look)
{
	struct civil_date today = cal_paris_local_date((int64_t)time(NULL));
	size_t per_day[GRID_DAYS_MAX] = { 0 };
	const char *slot_list[GRID_DAYS_MAX] = { NULL };   /* a day's list, named once */
	int64_t base = cal_days_from_civil(first);
	for (int k = 0; k < n_days; k++) {
		struct civil_date d = cal_add_days(first, k);
		const char *cell = arena_printf(ctx->arena, "Weeks.%d.Days.%d", k / 7, k % 7);
		char long_fr[CAL_LONG_FR_BUF];
		if (!cell || cal_format_long_fr(d, long_fr, sizeof(long_fr)) != 0 ||
				VIEW_FIELDS(ctx->view, cell, { "date", pages_iso_date(ctx->arena, d) },
					{ "num", arena_printf(ctx->arena, "%d", d.day) },
					{ "long", arena_strdup(ctx->arena, long_fr) },
					{ "other", d.month != month_of.month ? "1" : "" },
					{ "today", cal_date_compare(d, today) == 0 ? "1" : "" },
					{ "weekend", cal_day_of_week(d) >= CAL_SATURDAY ? "1" : "" }) < 0)
			return 500;
	}
	for (size_t i = 0; i < n; i++) {
		struct civil_date d;
		if (cal_parse_date(slots[i].day, &d) != 0)
			continue;
		int64_t k = cal_days_from_civil(d) - base;
		if (k < 0 || k >= n_days)
			continue;
		if (!slot_list[k])
			slot_list[k] = arena_printf(ctx->arena, "Weeks.%d.Days.%d.Slots", (int)k / 7, (int)k % 7);
		if (!slot_list[k] || set_slot(ctx, slot_list[k], per_day[k]++, &slots[i], look) < 0)
			return 500;
	}
	return 0;
}

static int fill_list(struct ctx *ctx, const struct slot *slots, size_t n, struct slot_look *look)
{
	char prev[CAL_DATE_BUF] = "";
	long day_index = -1;
	size_t in_day = 0;
	const char *list = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(prev, slots[i].day) != 0) {
			snprintf(prev, sizeof(prev), "%s", slots[i].day);
			day_index++;
			in_day = 0;
			if (VIEW_ROW(ctx->view, "Days", (size_t)day_index, { "date", slots[i].day },
					{ "long", pages_long_date(ctx->arena, slots[i].day) }) < 0)
				return 500;
		}
		if (in_day == 0)
			list = arena_printf(ctx->arena, "Days.%ld.Slots", day_index);
		if (!list || set_slot(ctx, list, in_day++, &slots[i], look) < 0)
			return 500;
	}
	return 0;
}

static int set_filter_choices(struct ctx *ctx)
{
	struct choice *c[4];
	size_t n[4];
	int rc = store_trainer_choices(ctx->db, ctx->arena, &c[0], &n[0]);
	if (rc == DB_OK)
		rc = store_room_choices(ctx->db, ctx->arena, &c[1], &n[1]);
	if (rc == DB_OK)
		rc = store_place_choices(ctx->db, ctx->arena, &c[2], &n[2]);
	if (rc == DB_OK)
		rc = store_course_choices(ctx->db, ctx->arena, &c[3], &n[3]);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *lists[4] = { "Trainers", "Rooms", "Places", "Courses" };
	for (int l = 0; l < 4; l++)
		for (size_t i = 0; i < n[l]; i++)
			if (VIEW_ROW(ctx->view, lists[l], i, { "id", c[l][i].id }, { "label", c[l][i].label },
					{ "group", c[l][i].group }) < 0)
				return 500;
	return 0;
}

/* The period shown and its neighbours, from the view and the date asked. */
static void period(enum calendar_view view, struct civil_date at, struct civil_date *from,
		int *n_days, struct civil_date *prev, struct civil_date *next)
{
	if (view == VIEW_MONTH) {
		struct civil_date first = { at.year, at.month, 1 };
		*n_days = 7 * slot_month_grid(at.year, at.month, from);
		*prev = cal_add_days(first, -1);
		prev->day = 1;
		*next = cal_add_days(first, cal_days_in_month(at.year, at.month));
	} else if (view == VIEW_WEEK) {
		*from = slot_week_monday(at);
		*n_days = 7;
		*prev = cal_add_days(*from, -7);
		*next = cal_add_days(*from, 7);
	} else {
		*from = at;
		*n_days = LIST_DAYS;
		*prev = cal_add_days(at, -LIST_DAYS);
		*next = cal_add_days(at, LIST_DAYS);
	}
}

static const char *title_of(struct ctx *ctx, enum calendar_view view, struct civil_date at,
		struct civil_date from)
{
	if (view == VIEW_MONTH)
		return arena_printf(ctx->arena, "%s %d", cal_month_name_fr(at.month), at.year);
	int iso_year, week = slot_iso_week(from, &iso_year);
	if (view == VIEW_WEEK)
		return arena_printf(ctx->arena, "Semaine %d, du %s", week, pages_long_date(ctx->arena,
				pages_iso_date(ctx->arena, from)));
	/* the list says how far it goes: the period's last day */
	return arena_printf(ctx->arena, "Du %s au %s", pages_long_date(ctx->arena,
		pages_iso_date(ctx->arena, from)), pages_long_date(ctx->arena,
		pages_iso_date(ctx->arena, cal_add_days(from, LIST_DAYS - 1))));
}

/* The day of the first slot after today that filter f lets through, up
 * to two years ahead: 0 and *day, 1 when there is none (a positive
 * status is never 1), or a status. */
static int next_slot_day(struct ctx *ctx, const struct calendar_filter *f, struct civil_date *day)
{
	struct calendar_filter ahead = *f;
	struct civil_date today = cal_paris_local_date((int64_t)time(NULL));
	struct slot *s;
	size_t n;
	ahead.from = pages_iso_date(ctx->arena, today);
	ahead.to = pages_iso_date(ctx->arena, cal_add_days(today, 731));
	int rc = store_calendar_slots(ctx->db, ctx->arena, &ahead, 1, &s, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return n && cal_parse_date(s[0].day, day) == 0 ? 0 : 1;
}

int page_calendar(struct ctx *ctx)
{
	const char *view_name = query(ctx, "vue", 10), *date = query(ctx, "date", 10);
	enum calendar_view view = strcmp(view_name, "semaine") == 0 ? VIEW_WEEK :
		strcmp(view_name, "liste") == 0 ? VIEW_LIST : VIEW_MONTH;
	enum colour_by by = strcmp(query(ctx, "couleur", 10), "statut") == 0 ? COLOUR_STATUS : COLOUR_COURSE;
	struct civil_date at = cal_paris_local_date((int64_t)time(NULL));
	if (*date && cal_parse_date(date, &at) != 0)
		return 400;
	struct calendar_filter f = { .trainer_id = query(ctx, "formateur", 18),
		.room_id = query(ctx, "salle", 18), .place_id = query(ctx, "lieu", 18),
		.course_id = query(ctx, "formation", 18), .status = query(ctx, "statut", 10),
		.account_id = "" };
	enum session_status st;
	if (!is_id_or_empty(f.trainer_id) || !is_id_or_empty(f.room_id) || !is_id_or_empty(f.place_id) ||
			!is_id_or_empty(f.course_id) || (*f.status && session_status_parse(f.status, &st) != 0))
		return 400;
	int trainer = strcmp(ctx->login->role, "formateur") == 0;
	if (trainer) {
		f = (struct calendar_filter){ .trainer_id = "", .room_id = "", .place_id = "",
			.course_id = "", .status = "", .account_id = ctx->login->user_id };
		const char *mine;
		int rc = store_trainer_of_account(ctx->db, ctx->arena, ctx->login->user_id, &mine);
		if (rc != DB_OK)
			return handler_db_status(rc);
		if (view_set(ctx->view, "MyTrainer", mine) < 0)
			return 500;
	}
	f.trainer_names = view == VIEW_LIST;   /* the grid's cells have no room for them */
	struct civil_date from, prev, next;
	int n_days;
	struct slot *slots;
	size_t n;
	int rc = DB_OK;
	for (int jumped = 0;; jumped = 1) {
		period(view, at, &from, &n_days, &prev, &next);
		f.from = pages_iso_date(ctx->arena, from);
		f.to = pages_iso_date(ctx->arena, cal_add_days(from, n_days));
		rc = store_calendar_slots(ctx->db, ctx->arena, &f,
				view == VIEW_LIST ? LIST_SLOTS_MAX : MONTH_SLOTS_MAX, &slots, &n);
		if (rc != DB_OK)
			return handler_db_status(rc);
		/* a trainer with nothing this month opens on their next slot's */
		struct civil_date ahead;
		if (jumped || n || !trainer || *date || view != VIEW_MONTH)
			break;
		int found = next_slot_day(ctx, &f, &ahead);
		if (found > 1)
			return found;
		if (found == 1 || cal_date_compare(ahead, at) <= 0)
			break;
		if (view_set(ctx->view, "Jumped", pages_long_date(ctx->arena, pages_iso_date(ctx->arena, ahead))) < 0)
			return 500;
		at = ahead;
	}

	struct slot_look look = { .courses = { .n = 0 }, .by = by, .detailed = view == VIEW_LIST };
	rc = look.detailed ? fill_list(ctx, slots, n, &look) : fill_grid(ctx, from, n_days, at, slots, n, &look);
	if (rc == 0)
		rc = set_legend(ctx, by, &look.courses);
	if (rc == 0 && !trainer)
		rc = set_filter_choices(ctx);
	if (rc == 0 && !trainer)
		rc = sessions_to_decide_fill(ctx, NULL);
	if (rc)
		return rc;
	const char *names[] = { "mois", "semaine", "liste" };
	struct view *v = ctx->view;
	if (VIEW_FIELDS(v, "Cal", { "view", names[view] }, { "date", pages_iso_date(ctx->arena, at) },
			{ "title", title_of(ctx, view, at, from) }, { "prev", pages_iso_date(ctx->arena, prev) },
			{ "next", pages_iso_date(ctx->arena, next) },
			{ "filters", arena_printf(ctx->arena, "%s&couleur=%s", filter_query(ctx, &f), colour_by_name(by)) },
			{ "filters_only", filter_query(ctx, &f) }, { "colour_by", colour_by_name(by) },
			{ "count", arena_printf(ctx->arena, "%zu", n) },
			{ "truncated", n >= (view == VIEW_LIST ? LIST_SLOTS_MAX : MONTH_SLOTS_MAX) ? "1" : "" },
			{ "trainer_only", trainer ? "1" : "" }) < 0 ||
			VIEW_FIELDS(v, "Filter", { "formateur", f.trainer_id }, { "salle", f.room_id },
				{ "lieu", f.place_id }, { "formation", f.course_id }, { "statut", f.status }) < 0 ||
			view_set(v, "Page.title", "Calendrier des sessions") < 0)
		return 500;
	for (int d = 0; d < 7; d++)
		if (VIEW_ROW(v, "Weekdays", (size_t)d, { "name", cal_weekday_name_fr(d) }) < 0)
			return 500;
	return handler_render(ctx, 200, "intranet/calendar.cs");
}
