/* A new session with its whole plan, from a course or a demand: the
 * session's fields, then one row per day of the course's programme (two
 * in half-days), each with its date, part of the day and times, on the
 * room and trainers chosen once for the plan. A row left without a date
 * (or with the date proposed last time) takes the next working day after
 * the previous row, so that the assistant types the first day and the
 * first day of each module held weeks later. "Vérifier" shows the plan
 * with every conflict named next to its row (room or trainer taken,
 * public holiday, closure day, two rows at once); "Créer la session"
 * checks it all again and saves the session and every slot in one
 * transaction. Without JavaScript every step is a plain POST. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "rules/fields.h"
#include "rules/session_plan.h"
#include "rules/slot_time.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"

static const struct field_rule ROWS_RULE = { "lignes", FIELD_COUNT, 0, PLAN_ROWS_MAX, 0 };
static const struct field_rule FIRST_DAY_RULE = { "premier_jour", FIELD_DATE, 0, 0, 0 };

/* One row of the plan, as typed and as checked. */
struct plan_row {
	const char *day, *proposed, *part, *start, *end, *lunch_start, *lunch_end, *prog;
	const char *module, *label;      /* of its programme day, "" for none */
	const char *note;                /* said, not refused: a weekend */
	const char *problems[8];
	size_t n_problems;
	struct slot_conflict *conflicts;
	size_t n_conflicts;
	struct slot_fields f;
};

struct plan {
	const char *first_day, *room_id, *trainer_ids, *rhythm;
	struct plan_row rows[PLAN_ROWS_MAX];
	size_t n;
	struct choice *days;             /* the programme's days */
	size_t n_days;
	struct civil_date *closures;
	size_t n_closures;
	size_t n_wrong;                  /* rows with a problem */
	const char *header_problem;      /* of the room or the trainers */
	int first_day_wrong;
};

static const char *form(const struct ctx *ctx, const char *name)
{
	const char *v = params_get(&ctx->req->form, name);
	return v ? arena_trim(ctx->arena, v) : "";
}

static const char *row_value(const struct ctx *ctx, const char *name, size_t i)
{
	char key[32];
	snprintf(key, sizeof(key), "%s_%zu", name, i + 1);
	return form(ctx, key);
}

static enum slot_part part_or_day(const char *name)
{
	enum slot_part p;
	return slot_part_parse(name, &p) == 0 ? p : SLOT_FULL_DAY;
}

static const char *hhmm(struct arena *a, int minutes)
{
	char b[SLOT_HHMM_BUF];
	return slot_format_hhmm(minutes, b, sizeof(b)) == 0 ? arena_strdup(a, b) : "";
}

static void row_set_times(struct arena *a, struct plan_row *r, struct plan_times t)
{
	r->start = hhmm(a, t.start);
	r->end = hhmm(a, t.end);
	r->lunch_start = hhmm(a, t.lunch_start);
	r->lunch_end = hhmm(a, t.lunch_end);
}

static void row_problem(struct plan_row *r, const char *text)
{
	if (text && r->n_problems < sizeof(r->problems) / sizeof(r->problems[0]))
		r->problems[r->n_problems++] = text;
}

static const struct choice *programme_day(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_days; i++)
		if (strcmp(p->days[i].id, id) == 0)
			return &p->days[i];
	return NULL;
}

static void row_set_programme(struct plan_row *r, const struct choice *c)
{
	r->prog = c ? c->id : "";
	r->module = c ? c->group : "";
	r->label = c ? c->label : "";
}

/* --- the plan proposed, read and derived ----------------------------------------- */

static int plan_load(struct ctx *ctx, struct plan *p, const char *course_id)
{
	int rc = DB_OK;
	p->n_days = 0;
	if (field_is_id(course_id))
		rc = store_programme_choices(ctx->db, ctx->arena, course_id, &p->days, &p->n_days);
	const char **days;
	size_t n = 0;
	struct civil_date from;
	const char *since = cal_parse_date(p->first_day, &from) == 0 ? p->first_day :
		pages_iso_date(ctx->arena, pages_paris_today());
	if (rc == DB_OK)
		rc = store_closure_days(ctx->db, ctx->arena, since, &days, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (!(p->closures = arena_calloc(ctx->arena, n ? n : 1, sizeof(*p->closures))))
		return 500;
	p->n_closures = 0;
	for (size_t i = 0; i < n; i++)
		if (cal_parse_date(days[i], &p->closures[p->n_closures]) == 0)
			p->n_closures++;
	return 0;
}

static void row_new(struct ctx *ctx, struct plan_row *r, enum slot_part part, const struct choice *c)
{
	*r = (struct plan_row){ .day = "", .proposed = "", .part = slot_part_name(part), .note = "" };
	row_set_times(ctx->arena, r, plan_usual_times(part));
	row_set_programme(r, c);
}

/* One row per day of the programme (morning and afternoon in half-days);
 * one journée when the course has no programme. */
static void plan_propose(struct ctx *ctx, struct plan *p)
{
	int halves = strcmp(p->rhythm, "demi") == 0;
	p->n = 0;
	for (size_t i = 0; i < p->n_days && p->n + 2 <= PLAN_ROWS_MAX; i++) {
		row_new(ctx, &p->rows[p->n++], halves ? SLOT_MORNING : SLOT_FULL_DAY, &p->days[i]);
		if (halves)
			row_new(ctx, &p->rows[p->n++], SLOT_AFTERNOON, &p->days[i]);
	}
	if (p->n == 0)
		row_new(ctx, &p->rows[p->n++], SLOT_FULL_DAY, NULL);
}

/* The typed times, following a part changed without JavaScript: a row
 * whose times are still the usual ones of its former part gets those of
 * its new part. */
static void row_read_times(struct ctx *ctx, struct plan_row *r, const char *was, size_t i)
{
	struct plan_times usual = plan_usual_times(part_or_day(r->part)), t = usual;
	r->start = row_value(ctx, "debut", i);
	r->end = row_value(ctx, "fin", i);
	r->lunch_start = row_value(ctx, "pause", i);
	r->lunch_end = row_value(ctx, "reprise", i);
	if (!*r->lunch_start && !*r->lunch_end) {
		r->lunch_start = hhmm(ctx->arena, usual.lunch_start);
		r->lunch_end = hhmm(ctx->arena, usual.lunch_end);
	}
	if (!*r->start && !*r->end) {
		row_set_times(ctx->arena, r, usual);
		return;
	}
	if (slot_parse_time(r->start, &t.start) != 0 || slot_parse_time(r->end, &t.end) != 0 ||
			slot_parse_time(r->lunch_start, &t.lunch_start) != 0 ||
			slot_parse_time(r->lunch_end, &t.lunch_end) != 0)
		return;   /* slot_check and the lunch check say what is wrong */
	row_set_times(ctx->arena, r, plan_times_for_part(part_or_day(was), part_or_day(r->part), t));
}

/* The rows as the form sent them, removed ones left out. */
static int plan_read_rows(struct ctx *ctx, struct plan *p)
{
	const char *count;
	if (form_value(ctx, &ROWS_RULE, &count) != NULL)
		return 400;
	size_t n = strtoul(count, NULL, 10);
	p->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (*row_value(ctx, "retirer", i))
			continue;
		struct plan_row *r = &p->rows[p->n++];
		/* "programme day;date proposed;part its times were for" */
		const char *carried = row_value(ctx, "ligne", i), *prog = carried, *was = "";
		const char *cut1 = strchr(carried, ';'), *cut2 = cut1 ? strchr(cut1 + 1, ';') : NULL;
		*r = (struct plan_row){ .day = row_value(ctx, "jour", i), .proposed = "",
			.part = row_value(ctx, "partie", i), .note = "" };
		if (cut2) {
			prog = arena_strndup(ctx->arena, carried, (size_t)(cut1 - carried));
			r->proposed = arena_strndup(ctx->arena, cut1 + 1, (size_t)(cut2 - cut1 - 1));
			was = cut2 + 1;
		}
		if (!prog || !r->proposed)
			return 500;
		enum slot_part part;
		if (slot_part_parse(r->part, &part) != 0) {
			r->part = "journee";
			row_problem(r, "Choisissez la journée, le matin ou l'après-midi.");
		}
		row_read_times(ctx, r, *was ? was : r->part, i);
		const struct choice *c = *prog ? programme_day(p, prog) : NULL;
		row_set_programme(r, c);
		if (*prog && !c)
			row_problem(r, "Cette journée n'est plus au programme de la formation : choisissez-en une autre.");
	}
	return 0;
}

/* A row added by hand: the previous row's part and times, the next day
 * of the programme, and a date to derive (the next working day). */
static void plan_add_row(struct ctx *ctx, struct plan *p)
{
	if (p->n >= PLAN_ROWS_MAX)
		return;
	struct plan_row *r = &p->rows[p->n];
	if (p->n == 0) {
		row_new(ctx, r, SLOT_FULL_DAY, NULL);
	} else {
		const struct plan_row *prev = &p->rows[p->n - 1];
		*r = (struct plan_row){ .day = "", .proposed = "", .part = prev->part, .start = prev->start,
			.end = prev->end, .lunch_start = prev->lunch_start, .lunch_end = prev->lunch_end,
			.note = "" };
		const struct choice *next = NULL;
		for (size_t i = 0; i + 1 < p->n_days; i++)
			if (strcmp(p->days[i].id, prev->prog) == 0)
				next = &p->days[i + 1];
		row_set_programme(r, next);
	}
	p->n++;
}

/* Dates left empty, or still the ones proposed, follow the previous row. */
static void plan_derive_days(struct ctx *ctx, struct plan *p)
{
	struct civil_date prev, d;
	int have = cal_parse_date(p->first_day, &prev) == 0;
	enum slot_part prev_part = SLOT_FULL_DAY;
	for (size_t i = 0; i < p->n; i++) {
		struct plan_row *r = &p->rows[i];
		enum slot_part part = part_or_day(r->part);
		int derive = !*r->day || strcmp(r->day, r->proposed) == 0;
		if (derive && have) {
			d = i == 0 ? prev : plan_next_day(prev, prev_part, part, p->closures, p->n_closures);
			r->day = r->proposed = pages_iso_date(ctx->arena, d);
		}
		if (cal_parse_date(r->day, &d) == 0) {
			prev = d;
			have = 1;
			prev_part = part;
		}
	}
}

/* --- the checks ---------------------------------------------------------------------- */

static int is_closure(const struct plan *p, struct civil_date d)
{
	for (size_t i = 0; i < p->n_closures; i++)
		if (cal_date_compare(p->closures[i], d) == 0)
			return 1;
	return 0;
}

static const char *conflict_text(struct arena *a, const struct slot_conflict *c)
{
	return strcmp(c->what, "salle") == 0 ? arena_printf(a, "La salle %s est déjà prise", c->who) :
		arena_printf(a, "%s (formateur) est déjà pris", c->who);
}

/* Checks one row with a date; fills its slot when it may be saved. */
static int row_check(struct ctx *ctx, struct plan *p, size_t i, int64_t *starts, int64_t *ends)
{
	struct plan_row *r = &p->rows[i];
	struct slot_times t;
	struct slot_error err;
	struct slot_input in = { r->day, r->start, r->end };
	if (!*r->day) {
		row_problem(r, "Indiquez la date de ce créneau, ou le premier jour de la session.");
		return 0;
	}
	if (slot_check(&in, pages_paris_today(), &t, &err) != 0) {
		row_problem(r, arena_strdup(ctx->arena, err.message));
		return 0;
	}
	starts[i] = t.start_utc;
	ends[i] = t.end_utc;
	struct plan_times pt = { t.start_min, t.end_min, 0, 0 };
	int full = t.part == SLOT_FULL_DAY;
	if (full && (slot_parse_time(r->lunch_start, &pt.lunch_start) != 0 ||
			slot_parse_time(r->lunch_end, &pt.lunch_end) != 0))
		row_problem(r, "Indiquez la pause de midi sous la forme HH:MM.");
	else if (full)
		row_problem(r, plan_lunch_check(pt));
	const char *holiday = cal_french_public_holiday_name(t.day);
	if (holiday)
		row_problem(r, arena_printf(ctx->arena, "C'est un jour férié (%s).", holiday));
	else if (is_closure(p, t.day))
		row_problem(r, "C'est un jour de fermeture de l'EGOC.");
	int wd = cal_day_of_week(t.day);
	if (wd == CAL_SATURDAY || wd == CAL_SUNDAY)
		r->note = arena_printf(ctx->arena, "Tombe un %s.", cal_weekday_name_fr(wd));
	long j = plan_first_overlap(starts, ends, i);
	if (j >= 0)
		row_problem(r, arena_printf(ctx->arena, "Chevauche la ligne %ld du plan.", j + 1));
	int rc = store_slot_conflicts(ctx->db, ctx->arena, t.start_utc, t.end_utc, p->room_id,
			p->trainer_ids, "", &r->conflicts, &r->n_conflicts);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t k = 0; k < r->n_conflicts; k++)
		row_problem(r, conflict_text(ctx->arena, &r->conflicts[k]));
	char iso[CAL_DATE_BUF];
	if (cal_format_date(t.day, iso, sizeof(iso)) != 0)
		return 500;
	r->f = (struct slot_fields){ arena_strdup(ctx->arena, iso), slot_part_name(t.part), "0",
		p->room_id, r->module, r->label, t.start_utc, t.end_utc, p->trainer_ids,
		full ? r->lunch_start : NULL, full ? r->lunch_end : NULL };
	return 0;
}

/* Everything save would refuse, found first: 0 (p->n_wrong says how many
 * rows cannot be saved), or a status. */
static int plan_check(struct ctx *ctx, struct plan *p)
{
	if (!p->header_problem && *p->room_id && !field_is_id(p->room_id))
		p->header_problem = "Salle inconnue : choisissez dans la liste.";
	if (!p->header_problem && strcmp(p->trainer_ids, "{}") != 0) {
		const char *unknown;
		int rc = store_unknown_trainers(ctx->db, ctx->arena, p->trainer_ids, &unknown);
		if (rc != DB_OK)
			return handler_db_status(rc);
		if (*unknown)
			p->header_problem = "Un des formateurs choisis n'existe pas ou n'est plus actif : "
				"choisissez dans la liste.";
	}
	if (p->header_problem)
		return 0;   /* the conflicts would be looked up for the wrong people */
	int64_t starts[PLAN_ROWS_MAX] = { 0 }, ends[PLAN_ROWS_MAX] = { 0 };
	p->n_wrong = 0;
	for (size_t i = 0; i < p->n; i++) {
		int rc = row_check(ctx, p, i, starts, ends);
		if (rc)
			return rc;
		if (p->rows[i].n_problems)
			p->n_wrong++;
	}
	return 0;
}

/* --- the page ------------------------------------------------------------------------- */

/* "Module 3" of "Module 3 : Partager entre…": the full title is the
 * fiche's, a row needs only its number. */
static const char *module_short(struct arena *a, const char *module)
{
	const char *colon = strstr(module, " : ");
	return colon ? arena_strndup(a, module, (size_t)(colon - module)) : module;
}

static const char *row_name(struct arena *a, const struct plan_row *r, size_t i)
{
	return *r->label ? arena_printf(a, "Ligne %zu (%s, %s)", i + 1, module_short(a, r->module), r->label) :
		arena_printf(a, "Ligne %zu", i + 1);
}

/* "12 h 30 – 13 h 30", "" when a time is not one. */
static const char *times_fr(struct arena *a, const char *start, const char *end)
{
	int s, e;
	char ts[SLOT_TIME_FR_BUF], te[SLOT_TIME_FR_BUF];
	if (slot_parse_time(start, &s) != 0 || slot_parse_time(end, &e) != 0 ||
			slot_format_time_fr(s, ts, sizeof(ts)) != 0 || slot_format_time_fr(e, te, sizeof(te)) != 0)
		return "";
	return arena_printf(a, "%s – %s", ts, te);
}

static int set_row(struct ctx *ctx, const struct plan_row *r, size_t i)
{
	enum slot_part part = part_or_day(r->part);
	if (r->f.part)
		(void)slot_part_parse(r->f.part, &part);
	struct civil_date d;
	int dated = cal_parse_date(r->day, &d) == 0;
	if (VIEW_ROW(ctx->view, "Rows", i, { "n", arena_printf(ctx->arena, "%zu", i + 1) },
			{ "day", r->day }, { "proposed", r->proposed }, { "part", r->part },
			{ "start", r->start }, { "end", r->end }, { "lunch_start", r->lunch_start },
			{ "lunch_end", r->lunch_end }, { "prog", r->prog }, { "module", r->module },
			{ "label", r->label }, { "note", r->note },
			{ "day_long", dated ? pages_long_date(ctx->arena, r->day) : "" },
			{ "when", dated ? session_slot_when(ctx->arena, r->day, r->start, r->end) : "" },
			{ "part_label", slot_part_label_fr(part) },
			{ "lunch", part == SLOT_FULL_DAY ? times_fr(ctx->arena, r->lunch_start, r->lunch_end) : "" },
			{ "module_short", module_short(ctx->arena, r->module) },
			{ "wrong", r->n_problems ? "1" : "" }) < 0)
		return 500;
	char key[64];
	for (size_t k = 0; k < r->n_problems; k++) {
		snprintf(key, sizeof(key), "Rows.%zu.Problems", i);
		if (VIEW_ROW(ctx->view, key, k, { "text", r->problems[k] }) < 0)
			return 500;
	}
	for (size_t k = 0; k < r->n_conflicts; k++) {
		const struct slot_conflict *c = &r->conflicts[k];
		snprintf(key, sizeof(key), "Rows.%zu.Conflicts", i);
		if (VIEW_ROW(ctx->view, key, k, { "course", c->course_title },
				{ "session_id", c->session_id }, { "slot_id", c->slot_id },
				{ "when", session_slot_when(ctx->arena, c->day, c->start, c->end) }) < 0)
			return 500;
	}
	return 0;
}

static int set_form_choices(struct ctx *ctx)
{
	struct choice *places, *courses, *rooms, *trainers;
	size_t n_places, n_courses, n_rooms, n_trainers;
	int rc = store_place_choices(ctx->db, ctx->arena, &places, &n_places);
	if (rc == DB_OK)
		rc = store_course_choices(ctx->db, ctx->arena, &courses, &n_courses);
	if (rc == DB_OK)
		rc = store_room_choices(ctx->db, ctx->arena, &rooms, &n_rooms);
	if (rc == DB_OK)
		rc = store_trainer_choices(ctx->db, ctx->arena, &trainers, &n_trainers);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (session_choices_set(ctx->view, "Places", places, n_places) < 0 ||
			session_choices_set(ctx->view, "Courses", courses, n_courses) < 0 ||
			session_choices_set(ctx->view, "Rooms", rooms, n_rooms) < 0 ||
			session_choices_set(ctx->view, "Trainers", trainers, n_trainers) < 0)
		return 500;
	return 0;
}

/* The days that are not worked (public holidays and closure days) over
 * the next 400 days, for the little script that proposes dates as they
 * are typed: "2027-01-01 2027-04-05 …". */
static const char *closed_days(struct ctx *ctx, const struct plan *p)
{
	struct civil_date today = pages_paris_today();
	const char *out = "";
	for (int k = 0; k < 400; k++) {
		struct civil_date d = cal_add_days(today, k);
		if (cal_is_french_public_holiday(d) || is_closure(p, d))
			out = arena_printf(ctx->arena, "%s%s%s", out, *out ? " " : "", pages_iso_date(ctx->arena, d));
	}
	return out;
}

/* The form (check 0), or the plan to confirm above it (check 1). */
static int plan_page(struct ctx *ctx, int status, const struct plan *p, int check)
{
	int rc = set_form_choices(ctx);
	if (rc)
		return rc;
	struct view *v = ctx->view;
	size_t days = 0, halves = 0;
	const char *first = "", *last = "";
	for (size_t i = 0; i < p->n; i++) {
		if ((rc = set_row(ctx, &p->rows[i], i)) != 0)
			return rc;
		if (p->rows[i].n_problems && VIEW_ROW(v, "RowErrors", i, { "n", arena_printf(ctx->arena, "%zu", i + 1) },
				{ "name", row_name(ctx->arena, &p->rows[i], i) }, { "text", p->rows[i].problems[0] }) < 0)
			return 500;
		const char *part = p->rows[i].f.part ? p->rows[i].f.part : p->rows[i].part;
		if (strcmp(part, "journee") == 0)
			days++;
		else
			halves++;
		if (p->rows[i].f.day) {
			if (!*first || strcmp(p->rows[i].f.day, first) < 0)
				first = p->rows[i].f.day;
			if (!*last || strcmp(p->rows[i].f.day, last) > 0)
				last = p->rows[i].f.day;
		}
	}
	char count[PLAN_COUNT_FR_BUF];
	if (plan_count_fr(days, halves, count, sizeof(count)) != 0)
		return 500;
	/* a check that found nothing to correct offers to create */
	int ready = check && status == 200;
	if (VIEW_FIELDS(v, "Plan", { "first_day", p->first_day }, { "room_id", p->room_id },
			{ "trainer_ids", arena_printf(ctx->arena, ",%.*s,", (int)(strlen(p->trainer_ids) - 2),
				p->trainer_ids + 1) },
			{ "rhythm", p->rhythm }, { "n", arena_printf(ctx->arena, "%zu", p->n) },
			{ "count", count }, { "span", *first ? pages_span(ctx->arena, first, last) : "" },
			{ "check", check ? "1" : "" }, { "ready", ready ? "1" : "" },
			{ "full", p->n >= PLAN_ROWS_MAX ? "1" : "" },
			{ "wrong", arena_printf(ctx->arena, "%zu", p->n_wrong) },
			{ "header_problem", p->header_problem ? p->header_problem : "" },
			{ "closed", closed_days(ctx, p) }) < 0 ||
			view_set(v, "Page.title", check ? "Vérifier le plan de la session" : "Nouvelle session") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/session_new.cs");
}

/* The plan's own fields from the form: first day, room, trainers, rhythm. */
static int plan_read_header(struct ctx *ctx, struct plan *p)
{
	const char *problem = NULL;
	p->first_day_wrong = 0;
	p->rhythm = strcmp(form(ctx, "rythme"), "demi") == 0 ? "demi" : "journees";
	p->room_id = form(ctx, "salle");
	p->trainer_ids = session_trainer_ids(ctx, &problem);
	p->header_problem = problem;
	if (form_value(ctx, &FIRST_DAY_RULE, &p->first_day) != NULL) {
		p->first_day_wrong = 1;
		if (view_set(ctx->view, "Errors.first_day", "Ce premier jour n'existe pas : écrivez-le sous "
				"la forme AAAA-MM-JJ.") < 0)
			return 500;
	}
	return 0;
}

/* Prefilled from a demand (?demande=ID: its course, type, organisation,
 * participants) or a course (?formation=ID), with the programme's rows. */
int page_session_new_form(struct ctx *ctx)
{
	const char *demand_id = params_get(&ctx->req->query, "demande");
	const char *course_id = params_get(&ctx->req->query, "formation");
	const char *rhythm = params_get(&ctx->req->query, "rythme");
	struct view *v = ctx->view;
	if (demand_id && field_is_id(demand_id)) {
		struct demand d;
		int rc = store_demand_by_id(ctx->db, ctx->arena, demand_id, &d);
		if (rc != DB_OK)
			return handler_db_status(rc);
		struct choice *courses;
		size_t n;
		if ((rc = store_course_choices(ctx->db, ctx->arena, &courses, &n)) != DB_OK)
			return handler_db_status(rc);
		course_id = "";
		for (size_t i = 0; i < n; i++)
			if (*d.course_title && strcmp(courses[i].label, d.course_title) == 0)
				course_id = courses[i].id;
		if (VIEW_FIELDS(v, "Form", { "course_id", course_id }, { "kind", d.kind },
				{ "organisation", strcmp(d.kind, "intra") == 0 ? d.organisation : "" },
				{ "demand_id", d.id }, { "min", "1" }, { "max", d.participants },
				{ "status", "envisagee" }, { "notes", *d.period ?
					arena_printf(ctx->arena, "Période souhaitée : %s", d.period) : "" }) < 0 ||
				view_set(v, "Demand.reference", d.reference) < 0 ||
				view_set(v, "Demand.id", d.id) < 0 ||
				view_set(v, "Demand.custom", d.custom_title) < 0 ||
				view_set(v, "Demand.period", d.period) < 0)
			return 500;
	} else {
		course_id = course_id && field_is_id(course_id) ? course_id : "";
		if (VIEW_FIELDS(v, "Form", { "course_id", course_id }, { "kind", "inter" }, { "min", "6" },
				{ "max", "12" }, { "status", "envisagee" }) < 0)
			return 500;
	}
	struct plan *p = arena_calloc(ctx->arena, 1, sizeof(*p));
	if (!p)
		return 500;
	*p = (struct plan){ .first_day = "", .room_id = "", .trainer_ids = "{}",
		.rhythm = rhythm && strcmp(rhythm, "demi") == 0 ? "demi" : "journees" };
	int rc = plan_load(ctx, p, course_id);
	if (rc)
		return rc;
	plan_propose(ctx, p);
	return plan_page(ctx, 200, p, 0);
}

/* The session without slots, as the form made it before plans. */
static int create_bare(struct ctx *ctx, const struct session_fields *f, int rc, struct plan *p)
{
	if (rc)
		return rc == 1 ? plan_page(ctx, 422, p, 0) : rc;
	const char *id;
	rc = store_session_create(ctx->db, ctx->arena, f, &id);
	if (rc == DB_CONFLICT) {
		if (view_set(ctx->view, "Errors.course", "La formation, le lieu ou la demande n'existe pas "
				"(ou plus) : vérifiez vos choix.") < 0)
			return 500;
		return plan_page(ctx, 422, p, 0);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=creee", id));
}

static int create_planned(struct ctx *ctx, const struct session_fields *f, struct plan *p)
{
	struct slot_fields *slots = arena_calloc(ctx->arena, p->n ? p->n : 1, sizeof(*slots));
	if (!slots)
		return 500;
	for (size_t i = 0; i < p->n; i++)
		slots[i] = p->rows[i].f;
	const char *id;
	struct slot_conflict *c;
	size_t n;
	int rc = store_session_create_planned(ctx->db, ctx->arena, f, slots, p->n, &id, &c, &n);
	if (rc == DB_CONFLICT) {
		/* someone booked meanwhile, or a choice vanished: check again */
		int crc = plan_check(ctx, p);
		if (crc)
			return crc;
		if (!p->n_wrong && view_set(ctx->view, "Errors.course", "La session n'est pas créée : la "
				"formation, le lieu, la demande, la salle ou un formateur n'existe plus. Vérifiez vos choix.") < 0)
			return 500;
		return plan_page(ctx, 422, p, 1);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=creee", id));
}

int page_session_create(struct ctx *ctx)
{
	const char *action = form(ctx, "action");
	struct session_fields f;
	int rc = session_form_read(ctx, &f, "0");
	if (rc == 0 && strcmp(f.status, "envisagee") != 0 && strcmp(f.status, "confirmee") != 0) {
		if (view_set(ctx->view, "Errors.status", "Une nouvelle session est envisagée ou confirmée.") < 0)
			return 500;
		rc = 1;
	}
	if (rc > 1)
		return rc;
	struct plan *p = arena_calloc(ctx->arena, 1, sizeof(*p));
	if (!p)
		return 500;
	int hrc = plan_read_header(ctx, p);
	if (hrc || (hrc = plan_load(ctx, p, f.course_id)) != 0)
		return hrc;
	/* a form of before plans, or a client without the plan: the session alone */
	if (!*action) {
		plan_propose(ctx, p);
		return create_bare(ctx, &f, rc, p);
	}
	if (strcmp(action, "proposer") == 0) {
		plan_propose(ctx, p);
		plan_derive_days(ctx, p);
		return plan_page(ctx, 200, p, 0);
	}
	if ((hrc = plan_read_rows(ctx, p)) != 0)
		return hrc;
	if (strcmp(action, "ligne") == 0) {
		plan_add_row(ctx, p);
		plan_derive_days(ctx, p);
		return plan_page(ctx, 200, p, 0);
	}
	if (strcmp(action, "modifier") == 0)
		return plan_page(ctx, 200, p, 0);
	if (strcmp(action, "verifier") != 0 && strcmp(action, "creer") != 0)
		return 400;
	plan_derive_days(ctx, p);
	if ((hrc = plan_check(ctx, p)) != 0)
		return hrc;
	int wrong = rc == 1 || p->first_day_wrong || p->n_wrong || p->header_problem;
	if (wrong || strcmp(action, "verifier") == 0)
		return plan_page(ctx, wrong ? 422 : 200, p, 1);
	return create_planned(ctx, &f, p);
}
