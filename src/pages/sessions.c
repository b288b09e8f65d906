/* One session in the intranet: its page (slots, trainers, registrations,
 * the demand it answers), its creation from a demand or a course, changes
 * of its fields and status, its slots (add, move, cancel) and its copy to
 * new dates. Every booking is checked for conflicts first, to name the
 * slot in the way; PostgreSQL's exclusion constraints are the last word. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "rules/fields.h"
#include "rules/registration.h"
#include "rules/session_plan.h"
#include "rules/session_state.h"
#include "rules/slot_time.h"
#include "store/accounts.h"
#include "store/convocations.h"
#include "store/registrations.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"

#define ORGANISATION_MAX 200
#define NOTES_MAX 5000
#define REASON_MAX 2000
#define TRAINERS_PER_SLOT_MAX 10
#define DUPLICATE_DAYS_MAX (3 * 366)

/* The free-text fields; the others are ids, dates, times and codes,
 * each checked against what it may be. */
static const struct field_rule ORGANISATION_RULE = { "organisme", FIELD_LINE, 0, ORGANISATION_MAX, 0 };
static const struct field_rule NOTES_RULE = { "notes", FIELD_TEXT, 0, NOTES_MAX, 0 };
static const struct field_rule REASON_RULE = { "raison", FIELD_TEXT, 0, REASON_MAX, 0 };

static const char *form(const struct ctx *ctx, const char *name)
{
	const char *v = params_get(&ctx->req->form, name);
	return v ? arena_trim(ctx->arena, v) : "";
}

static int is_staff_desk(const struct ctx *ctx)
{
	return strcmp(ctx->login->role, "formateur") != 0;
}

/* "jeudi 4 mars 2027, 9 h – 12 h 30" */
const char *session_slot_when(struct arena *a, const char *day, const char *start, const char *end)
{
	int s, e;
	char ts[SLOT_TIME_FR_BUF], te[SLOT_TIME_FR_BUF];
	if (slot_parse_time(start, &s) != 0 || slot_parse_time(end, &e) != 0 ||
			slot_format_time_fr(s, ts, sizeof(ts)) != 0 || slot_format_time_fr(e, te, sizeof(te)) != 0)
		return day;
	return arena_printf(a, "%s, %s – %s", pages_long_date(a, day), ts, te);
}

/* The slots that are in the way, for the template: Conflicts.N. */
static int set_conflicts(struct ctx *ctx, const struct slot_conflict *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *who = strcmp(c[i].what, "salle") == 0 ?
			arena_printf(ctx->arena, "La salle %s", c[i].who) :
			arena_printf(ctx->arena, "%s (formateur)", c[i].who);
		if (VIEW_ROW(ctx->view, "Conflicts", i, { "who", who },
				{ "course", c[i].course_title }, { "session_id", c[i].session_id },
				{ "slot_id", c[i].slot_id },
				{ "when", session_slot_when(ctx->arena, c[i].day, c[i].start, c[i].end) }) < 0)
			return 500;
	}
	return 0;
}

int session_choices_set(struct view *v, const char *list, const struct choice *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(v, list, i, { "id", c[i].id }, { "label", c[i].label },
				{ "group", c[i].group }) < 0)
			return -1;
	return 0;
}

/* The value a slot's programme day has in the slot forms: the id of the
 * programme's day it names, PROGRAMME_KEPT when it names one the
 * programme no longer has (kept as it is unless the user picks another),
 * "" when none. */
#define PROGRAMME_KEPT "actuel"

static const char *programme_value(const struct slot *t, const struct choice *days, size_t n)
{
	if (!*t->module_label && !*t->day_label)
		return "";
	for (size_t i = 0; i < n; i++)
		if (strcmp(days[i].group, t->module_label) == 0 && strcmp(days[i].label, t->day_label) == 0)
			return days[i].id;
	return PROGRAMME_KEPT;
}

/* Rooms, trainers and the programme's days, for the slot forms, each
 * slot's programme day as the forms send it (Slots.N.prog), and the day
 * of the programme after the last live slot's (*next, "" for none). */
static int set_slot_choices(struct ctx *ctx, const char *course_id, const struct slot *slots,
		size_t n_slots, const char **next)
{
	struct choice *rooms, *trainers, *days;
	size_t n_rooms, n_trainers, n_days;
	int rc = store_room_choices(ctx->db, ctx->arena, &rooms, &n_rooms);
	if (rc == DB_OK)
		rc = store_trainer_choices(ctx->db, ctx->arena, &trainers, &n_trainers);
	if (rc == DB_OK)
		rc = store_programme_choices(ctx->db, ctx->arena, course_id, &days, &n_days);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (session_choices_set(ctx->view, "Rooms", rooms, n_rooms) < 0 ||
			session_choices_set(ctx->view, "Trainers", trainers, n_trainers) < 0 ||
			session_choices_set(ctx->view, "Programme", days, n_days) < 0)
		return 500;
	char key[64];
	const char *last = "";
	for (size_t i = 0; i < n_slots; i++) {
		const char *prog = programme_value(&slots[i], days, n_days);
		snprintf(key, sizeof(key), "Slots.%zu.prog", i);
		if (view_set(ctx->view, key, prog) < 0)
			return 500;
		if (!*slots[i].cancelled)
			last = prog;
	}
	*next = "";
	for (size_t i = 0; *last && i + 1 < n_days; i++)
		if (strcmp(days[i].id, last) == 0)
			*next = days[i + 1].id;
	if (!n_slots && n_days)
		*next = days[0].id;
	return 0;
}

/* The new-slot form after the last live slot: its room, trainers and
 * times, the next working day (weekends, public holidays and closure days
 * skipped) and the next day of the programme (NextSlot.*). */
static int set_next_slot(struct ctx *ctx, const struct slot *slots, size_t n, const char *next_prog)
{
	const struct slot *last = NULL;
	for (size_t i = 0; i < n; i++)
		if (!*slots[i].cancelled && (!last || strcmp(slots[i].day, last->day) >= 0))
			last = &slots[i];
	struct civil_date d;
	if (!last || cal_parse_date(last->day, &d) != 0)
		return VIEW_FIELDS(ctx->view, "NextSlot", { "start", "09:00" }, { "end", "12:30" },
			{ "programme", next_prog }) < 0 ? 500 : 0;
	const char **days;
	size_t n_days;
	int rc = store_closure_days(ctx->db, ctx->arena, last->day, &days, &n_days);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct civil_date *closures = arena_calloc(ctx->arena, n_days ? n_days : 1, sizeof(*closures));
	if (!closures)
		return 500;
	size_t k = 0;
	for (size_t i = 0; i < n_days; i++)
		if (cal_parse_date(days[i], &closures[k]) == 0)
			k++;
	struct civil_date next = due_working_days_from(d, 1, closures, k);
	return VIEW_FIELDS(ctx->view, "NextSlot", { "day", pages_iso_date(ctx->arena, next) },
		{ "start", last->start }, { "end", last->end }, { "room_id", last->room_id },
		{ "trainer_ids", arena_printf(ctx->arena, ",%s,", last->trainer_ids) },
		{ "remote", last->remote }, { "programme", next_prog },
		{ "after", session_slot_when(ctx->arena, last->day, last->start, last->end) }) < 0 ? 500 : 0;
}

/* "Session créée avec 5 journées, du 2 mars au 8 juin 2027." */
static const char *created_notice(struct ctx *ctx, const struct session *s, const struct slot *slots,
		size_t n)
{
	size_t days = 0, halves = 0;
	for (size_t i = 0; i < n; i++)
		if (!*slots[i].cancelled)
			*(strcmp(slots[i].part, "journee") == 0 ? &days : &halves) += 1;
	char count[PLAN_COUNT_FR_BUF];
	if (!days && !halves)
		return "Session créée, sans créneau pour l'instant : ajoutez le premier ci-dessous.";
	if (plan_count_fr(days, halves, count, sizeof(count)) != 0)
		return "Session créée.";
	const char *span = pages_span(ctx->arena, s->first_day, s->last_day);
	return arena_printf(ctx->arena, "Session créée avec %s, %s.", count, span);
}

/* --- the session page ------------------------------------------------------------ */

/* What the registrations of a session are told of a change, queued in
 * the change's own transaction (store_after). */
struct tell {
	struct ctx *ctx;
	const char *session_id, *slot;
	enum convocation_kind kind;
};

static int tell_run(struct db *db, void *arg)
{
	const struct tell *t = arg;
	int rc = store_convocation_queue_session(db, t->ctx->arena, t->ctx->settings, t->session_id,
		t->kind, t->slot, NULL);
	/* a cancelled session cancels its registrations (after their mails,
	 * which say what they had) */
	if (rc == DB_OK && t->kind == CONVOCATION_CANCEL && !t->slot)
		rc = store_registrations_cancel_session(db, t->session_id, t->ctx->login->display_name,
			"Session annulée");
	return rc;
}

int session_load(struct ctx *ctx, const char *id, struct session *s)
{
	if (!field_is_id(id))
		return 404;
	int rc = store_session_by_id(ctx->db, ctx->arena, id, s);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

/* A trainer sees the sessions they have a slot in, and nothing else. */
static int trainer_may_see(struct ctx *ctx, const struct slot *slots, size_t n)
{
	const char *mine;
	if (store_trainer_of_account(ctx->db, ctx->arena, ctx->login->user_id, &mine) != DB_OK || !*mine)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ids[256];
		snprintf(ids, sizeof(ids), ",%s,", slots[i].trainer_ids);
		char want[32];
		snprintf(want, sizeof(want), ",%s,", mine);
		if (strstr(ids, want))
			return 1;
	}
	return 0;
}

static int set_session(struct ctx *ctx, const struct session *s)
{
	enum session_status st;
	if (session_status_parse(s->status, &st) != 0)
		return 500;
	const char *span = pages_span(ctx->arena, s->first_day, s->last_day);
	long seats = strtol(s->max_participants, NULL, 10) - strtol(s->registered, NULL, 10);
	return VIEW_ROW(ctx->view, "Session", 0, { "id", s->id }, { "course", s->course_title },
		{ "course_id", s->course_id }, { "course_slug", s->course_slug },
		{ "kind", s->kind }, { "kind_label", strcmp(s->kind, "inter") == 0 ? "INTER" : "INTRA" },
		{ "organisation", s->organisation }, { "demand_id", s->demand_id },
		{ "demand_reference", s->demand_reference }, { "place_id", s->place_id },
		{ "place", s->place_name }, { "place_city", s->place_city },
		{ "place_capacity", s->place_capacity }, { "min", s->min_participants },
		{ "max", s->max_participants }, { "registered", s->registered },
		{ "seats", arena_printf(ctx->arena, "%ld", seats > 0 ? seats : 0) },
		{ "status", s->status }, { "status_label", session_status_label(st) },
		{ "final", st == SESSION_REALISEE || st == SESSION_ANNULEE ? "1" : "" },
		{ "cancel_reason", s->cancel_reason }, { "closes_on", s->closes_on },
		{ "closes_long", *s->closes_on ? pages_long_date(ctx->arena, s->closes_on) : "" },
		{ "public", s->public }, { "notes", s->notes }, { "span", span },
		{ "n_slots", s->n_slots }, { "first_day", s->first_day });
}

static int set_slots(struct ctx *ctx, const char *list, const struct slot *slots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct slot *s = &slots[i];
		enum slot_part part;
		if (slot_part_parse(s->part, &part) != 0)
			return 500;
		if (VIEW_ROW(ctx->view, list, i, { "id", s->id }, { "session_id", s->session_id },
				{ "day", s->day }, { "day_long", pages_long_date(ctx->arena, s->day) },
				{ "start", s->start }, { "end", s->end },
				{ "when", session_slot_when(ctx->arena, s->day, s->start, s->end) },
				{ "part", slot_part_label_fr(part) }, { "remote", s->remote },
				{ "room_id", s->room_id }, { "room", s->room_name }, { "place", s->place_name },
				{ "module", s->module_label }, { "day_label", s->day_label },
				{ "cancelled", s->cancelled }, { "trainers", s->trainers },
				{ "trainer_ids", arena_printf(ctx->arena, ",%s,", s->trainer_ids) },
				{ "course", s->course_title }, { "status", s->session_status },
				{ "kind", s->session_kind }, { "organisation", s->organisation }) < 0)
			return 500;
	}
	return 0;
}

static int session_page(struct ctx *ctx, int status, const struct session *s)
{
	struct slot *slots;
	size_t n;
	int rc = store_session_slots(ctx->db, ctx->arena, s->id, &slots, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* Another trainer's session is "not found" for a trainer, as a missing
	 * one is: the answer tells nothing of which sessions exist. */
	int desk = is_staff_desk(ctx);
	if (!desk && !trainer_may_see(ctx, slots, n))
		return 404;
	if (set_session(ctx, s) != 0 || set_slots(ctx, "Slots", slots, n) != 0)
		return 500;
	if ((rc = registrations_fill(ctx, s, desk)) != 0 || (rc = registrations_notice(ctx, s)) != 0 ||
			(rc = attendance_grid_fill(ctx, s, slots, n)) != 0 ||
			(desk && (rc = certificates_fill(ctx, s)) != 0) ||
			(desk && (rc = sessions_to_decide_fill(ctx, NULL)) != 0))
		return rc;
	if (desk) {
		struct choice *places, *courses;
		size_t n_places, n_courses;
		const char *next_prog = "";
		if ((rc = set_slot_choices(ctx, s->course_id, slots, n, &next_prog)) != 0 ||
				(rc = set_next_slot(ctx, slots, n, next_prog)) != 0)
			return rc;
		int drc = store_place_choices(ctx->db, ctx->arena, &places, &n_places);
		if (drc == DB_OK)
			drc = store_course_choices(ctx->db, ctx->arena, &courses, &n_courses);
		if (drc != DB_OK)
			return handler_db_status(drc);
		if (session_choices_set(ctx->view, "Places", places, n_places) < 0 ||
				session_choices_set(ctx->view, "Courses", courses, n_courses) < 0 ||
				view_set(ctx->view, "Desk", "1") < 0)
			return 500;
	}
	if (view_set(ctx->view, "Page.title", arena_printf(ctx->arena, "Session : %s", s->course_title)) < 0 ||
			view_set(ctx->view, "IsAdmin", strcmp(ctx->login->role, "admin") == 0 ? "1" : "") < 0)
		return 500;
	const char *done = params_get(&ctx->req->query, "fait");
	/* the attestations' own banners are certificates_fill's */
	if (done && strcmp(done, "attestations") != 0 && strcmp(done, "revoquee") != 0 && view_set(ctx->view, "Notice", strcmp(done, "copie") == 0 ?
			"La copie est créée : voici la nouvelle session, à l'état envisagée." :
			strcmp(done, "creee") == 0 ? created_notice(ctx, s, slots, n) :
			"C'est enregistré.") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/session.cs");
}

int sessions_to_decide(struct ctx *ctx, struct session **out, size_t *n)
{
	struct civil_date today = pages_paris_today();
	struct session *s;
	size_t count;
	int days = ctx->settings->decision_days;
	int rc = store_sessions_to_decide(ctx->db, ctx->arena, pages_iso_date(ctx->arena, today), days,
		&s, &count);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* the rule has the last word (rules/registration.h) */
	size_t k = 0;
	for (size_t i = 0; i < count; i++) {
		struct civil_date first;
		if (cal_parse_date(s[i].first_day, &first) == 0 && registration_needs_decision(today, first,
				days, strtol(s[i].registered, NULL, 10), strtol(s[i].min_participants, NULL, 10), 1))
			s[k++] = s[i];
	}
	*out = s;
	*n = k;
	return 0;
}

int sessions_to_decide_fill(struct ctx *ctx, const char *list)
{
	struct session *s;
	size_t n;
	int rc = sessions_to_decide(ctx, &s, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		char key[64];
		snprintf(key, sizeof(key), "Decide.%s", s[i].id);
		if (view_set(ctx->view, key, "1") < 0 || (list && VIEW_ROW(ctx->view, list, i,
				{ "id", s[i].id }, { "course", s[i].course_title },
				{ "first_day", pages_long_date(ctx->arena, s[i].first_day) },
				{ "confirmed", s[i].registered }, { "min", s[i].min_participants },
				{ "status", s[i].status }) < 0))
			return 500;
	}
	return 0;
}

int session_page_render(struct ctx *ctx, int status, const struct session *s, const char *key,
		const char *message)
{
	if (message && view_set(ctx->view, key, message) < 0)
		return 500;
	return session_page(ctx, status, s);
}

int page_session(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	return rc ? rc : session_page(ctx, 200, &s);
}

/* One live slot in words: its times, programme day and place. */
static const char *date_line(struct arena *a, const struct slot *t)
{
	return arena_printf(a, "%s%s%s%s%s%s%s", session_slot_when(a, t->day, t->start, t->end),
		*t->module_label || *t->day_label ? " (" : "", t->module_label,
		*t->module_label && *t->day_label ? ", " : "", t->day_label,
		*t->module_label || *t->day_label ? ")" : "",
		*t->remote ? ", à distance" : *t->place_name ? arena_printf(a, ", %s", t->place_name) : "");
}

/* The dates of a session as plain text for a mail (text not NULL), or as
 * the list list.N.text of the view: one line per live slot. */
static int session_dates(struct ctx *ctx, const struct session *s, const char **text, const char *list)
{
	struct slot *slots;
	size_t n, k = 0;
	int rc = store_session_slots(ctx->db, ctx->arena, s->id, &slots, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *out = "";
	for (size_t i = 0; i < n; i++) {
		if (*slots[i].cancelled)
			continue;
		const char *line = date_line(ctx->arena, &slots[i]);
		if (text)
			out = arena_printf(ctx->arena, "%s- %s\n", out, line);
		else if (VIEW_ROW(ctx->view, list, k++, { "text", line }) < 0)
			return 500;
	}
	if (text)
		*text = out;
	return 0;
}

int session_dates_text(struct ctx *ctx, const struct session *s, const char **text)
{
	return session_dates(ctx, s, text, NULL);
}

int session_dates_fill(struct ctx *ctx, const struct session *s, const char *list)
{
	return session_dates(ctx, s, NULL, list);
}

/* --- the session form ---------------------------------------------------------------- */

/* Reads and checks the session form. 0 and f filled, 1 when a field is
 * wrong (messages in Errors.*, typed values in Form.*), or a status. */
int session_form_read(struct ctx *ctx, struct session_fields *f, const char *registered)
{
	struct view *v = ctx->view;
	*f = (struct session_fields){ form(ctx, "formation"), form(ctx, "type"), form(ctx, "organisme"),
		form(ctx, "demande"), form(ctx, "lieu"), form(ctx, "min"), form(ctx, "max"),
		form(ctx, "statut"), form(ctx, "cloture"), *form(ctx, "publique") ? "1" : "0",
		form(ctx, "notes") };
	if (VIEW_FIELDS(v, "Form", { "course_id", f->course_id }, { "kind", f->kind },
			{ "organisation", f->organisation }, { "demand_id", f->demand_id },
			{ "place_id", f->place_id }, { "min", f->min_participants },
			{ "max", f->max_participants }, { "status", f->status }, { "closes_on", f->closes_on },
			{ "public", strcmp(f->public, "1") == 0 ? "1" : "" }, { "notes", f->notes }) < 0)
		return 500;
	int wrong = 0;
	const char *problem;
#define WRONG(key, msg) do { if (view_set(v, "Errors." key, msg) < 0) return 500; wrong = 1; } while (0)
	if (!field_is_id(f->course_id))
		WRONG("course", "Choisissez la formation.");
	if (strcmp(f->kind, "intra") != 0 && strcmp(f->kind, "inter") != 0)
		WRONG("kind", "Choisissez INTRA ou INTER.");
	if (strcmp(f->kind, "intra") == 0 && !*f->organisation)
		WRONG("organisation", "Une session INTRA est donnée pour un organisme : indiquez lequel.");
	else if ((problem = form_check(ctx, &ORGANISATION_RULE, f->organisation)) != NULL)
		WRONG("organisation", problem);
	if (*f->demand_id && !field_is_id(f->demand_id))
		WRONG("demand", "Demande inconnue.");
	if (*f->place_id && !field_is_id(f->place_id))
		WRONG("place", "Choisissez un lieu de la liste.");
	struct civil_date closes;
	if (*f->closes_on && cal_parse_date(f->closes_on, &closes) != 0)
		WRONG("closes_on", "Cette date n'existe pas : écrivez-la sous la forme AAAA-MM-JJ.");
	if ((problem = form_check(ctx, &NOTES_RULE, f->notes)) != NULL)
		WRONG("notes", problem);
	long capacity = 0, min, max;
	const char *cap = "", *field;
	if (field_is_id(f->place_id)) {
		int rc = store_place_capacity(ctx->db, ctx->arena, f->place_id, &cap);
		if (rc != DB_OK)
			return handler_db_status(rc);
		if (!*cap)
			WRONG("place", "Ce lieu n'existe pas : choisissez un lieu de la liste.");
		capacity = strtol(cap, NULL, 10);
	}
	problem = session_participants_check(f->min_participants, f->max_participants,
			capacity, strtol(registered, NULL, 10), &min, &max, &field);
	if (problem) {
		if (strcmp(field, "max") == 0 && capacity > 0 && max > capacity)
			problem = arena_printf(ctx->arena, "Le lieu choisi accueille %ld personnes au plus : "
					"réduisez le maximum ou choisissez un autre lieu.", capacity);
		else if (strcmp(field, "max") == 0 && max < strtol(registered, NULL, 10))
			problem = arena_printf(ctx->arena, "La session compte déjà %s inscrits : le maximum "
					"ne peut pas être inférieur.", registered);
		if (view_set(v, strcmp(field, "min") == 0 ? "Errors.min" : "Errors.max", problem) < 0)
			return 500;
		wrong = 1;
	}
#undef WRONG
	return wrong;
}

/* --- changes of a session ------------------------------------------------------------- */

static int refuse(struct ctx *ctx, const struct session *s, const char *key, const char *message)
{
	if (message && view_set(ctx->view, key, message) < 0)
		return 500;
	return session_page(ctx, 422, s);
}

static int change_fields(struct ctx *ctx, const struct session *s)
{
	struct session_fields f;
	int rc = session_form_read(ctx, &f, s->registered);
	if (rc == 1)
		return refuse(ctx, s, "Errors.session", "La session n'est pas enregistrée : corrigez les champs signalés.");
	if (rc)
		return rc;
	/* a new place for a confirmed session: its participants are told, and
	 * their invitations carry the new location */
	struct tell t = { ctx, s->id, NULL, CONVOCATION_UPDATE };
	const struct store_after after = { tell_run, &t };
	int moved = strcmp(s->status, "confirmee") == 0 && strcmp(s->place_id, f.place_id) != 0;
	rc = store_session_update(ctx->db, s->id, &f, moved ? &after : NULL);
	if (rc == DB_CONFLICT)
		return refuse(ctx, s, "Errors.session", "La session a des inscrits au-delà de ce maximum, "
				"ou la formation, le lieu ou la demande n'existe plus.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=1", s->id));
}

/* How many registered people a cancellation tells, in words. */
static const char *told(struct ctx *ctx, const struct session *s, const char *what)
{
	long confirmed = strtol(s->registered, NULL, 10), waiting = strtol(s->waiting, NULL, 10);
	if (confirmed + waiting == 0)
		return "Aucun participant n'est inscrit : personne n'est prévenu.";
	return arena_printf(ctx->arena, "%ld participant%s confirmé%s%s reçoi%s un courriel : %s.",
		confirmed, confirmed > 1 ? "s" : "", confirmed > 1 ? "s" : "",
		waiting ? arena_printf(ctx->arena, " et %ld en liste d'attente", waiting) : "",
		confirmed + waiting > 1 ? "vent" : "t", what);
}

static int confirm_session_cancel(struct ctx *ctx, const struct session *s, const char *reason)
{
	const char *what[] = {
		arena_printf(ctx->arena, "La session « %s »%s est annulée%s%s.", s->course_title,
			*s->first_day ? arena_printf(ctx->arena, " (%s)", pages_span(ctx->arena, s->first_day,
				s->last_day)) : "", *reason ? ", motif : " : "", reason),
		told(ctx, s, "l'annulation, et ses dates quittent leur agenda"),
		"Ses créneaux libèrent leur salle et leurs formateurs.",
		"Une session annulée ne peut plus être rétablie : il faudrait en créer une nouvelle.",
	};
	const struct confirmation c = { "Annuler cette session ?", "Annuler la session",
		arena_printf(ctx->arena, "/intranet/sessions/%s", s->id), "Revenir à la session",
		what, sizeof(what) / sizeof(what[0]) };
	return confirm_destructive(ctx, &c);
}

static int confirm_slot_cancel(struct ctx *ctx, const struct session *s, const struct slot *t)
{
	const char *what[] = {
		arena_printf(ctx->arena, "Le créneau du %s, de %s à %s, est annulé ; sa salle et ses "
			"formateurs sont libérés.", pages_long_date(ctx->arena, t->day), pages_time(ctx->arena, t->start),
			pages_time(ctx->arena, t->end)),
		strcmp(s->status, "confirmee") == 0 ? told(ctx, s, "ce créneau quitte leur agenda") :
			"La session n'est pas confirmée : aucun participant n'a encore reçu ce créneau.",
	};
	const struct confirmation c = { "Annuler ce créneau ?", "Annuler le créneau",
		arena_printf(ctx->arena, "/intranet/sessions/%s#creneau-%s", s->id, t->id),
		"Revenir à la session", what, sizeof(what) / sizeof(what[0]) };
	return confirm_destructive(ctx, &c);
}

static int change_status(struct ctx *ctx, const struct session *s)
{
	enum session_status from, to;
	int rc;
	const char *reason = form(ctx, "raison"), *refusal;
	if (session_status_parse(s->status, &from) != 0)
		return 500;
	if (session_status_parse(form(ctx, "statut"), &to) != 0)
		return refuse(ctx, s, "Errors.status", "Choisissez un statut.");
	if ((refusal = form_check(ctx, &REASON_RULE, reason)) != NULL)
		return refuse(ctx, s, "Errors.status", refusal);
	if (session_status_change(from, to, reason, &refusal) != 0)
		return refuse(ctx, s, "Errors.status", refusal);
	if (to == SESSION_ANNULEE && (rc = confirm_session_cancel(ctx, s, reason)) != 1)
		return rc;
	/* confirmed: the convocations of those already registered; cancelled:
	 * everyone registered is told, and their calendar drops the dates */
	struct tell t = { ctx, s->id, NULL, to == SESSION_ANNULEE ? CONVOCATION_CANCEL : CONVOCATION_INVITE };
	const struct store_after after = { tell_run, &t };
	rc = store_session_set_status(ctx->db, s->id, s->status, session_status_name(to), reason,
		to == SESSION_CONFIRMEE || to == SESSION_ANNULEE ? &after : NULL);
	if (rc == DB_STALE)
		return refuse(ctx, s, "Errors.status", "La session a changé pendant que vous la consultiez : "
				"vérifiez son état avant de recommencer.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* realisee with every half-day certified: the attestations go */
	if (to == SESSION_REALISEE)
		(void)certificates_issue_quietly(ctx, s->id);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=1", s->id));
}

int page_session_change(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	const char *action = form(ctx, "action");
	if (strcmp(action, "modifier") == 0)
		return change_fields(ctx, &s);
	if (strcmp(action, "statut") == 0)
		return change_status(ctx, &s);
	return refuse(ctx, &s, "Errors.session", "Action inconnue.");
}

/* --- slots -------------------------------------------------------------------------------- */

/* The checked `formateur` values as a PostgreSQL array literal "{1,2}". */
const char *session_trainer_ids(struct ctx *ctx, const char **problem)
{
	const struct params *p = &ctx->req->form;
	const char *out = "{";
	size_t n = 0;
	*problem = NULL;
	for (size_t i = 0; i < p->count; i++) {
		if (strcmp(p->items[i].name, "formateur") != 0 || !*p->items[i].value)
			continue;
		if (!field_is_id(p->items[i].value)) {
			*problem = "Formateur inconnu : choisissez dans la liste.";
			return "{}";
		}
		if (++n > TRAINERS_PER_SLOT_MAX) {
			*problem = "Dix formateurs au plus par créneau.";
			return "{}";
		}
		out = arena_printf(ctx->arena, "%s%s%s", out, n > 1 ? "," : "", p->items[i].value);
	}
	return arena_printf(ctx->arena, "%s}", out);
}

static const struct choice *find_choice(const struct choice *c, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].id, id) == 0)
			return &c[i];
	return NULL;
}

static int is_closure_day(struct ctx *ctx, struct civil_date d, const char *iso, int *closed)
{
	const char **days;
	size_t n;
	int rc = store_closure_days(ctx->db, ctx->arena, iso, &days, &n);
	if (rc != DB_OK)
		return rc;
	*closed = cal_is_french_public_holiday(d) || (n > 0 && strcmp(days[0], iso) == 0);
	return DB_OK;
}

/* Reads and checks the slot form into f: 0, 1 with the message in
 * Errors.slot (and the typed values in SlotForm.*), or a status. current
 * is the slot being changed (NULL for a new one): a programme day sent as
 * PROGRAMME_KEPT keeps its labels. */
static int read_slot_form(struct ctx *ctx, const struct session *s, const struct slot *current,
		struct slot_fields *f)
{
	struct view *v = ctx->view;
	const char *day = form(ctx, "date"), *start = form(ctx, "debut"), *end = form(ctx, "fin");
	const char *room = form(ctx, "salle"), *prog = form(ctx, "programme");
	const char *remote = *form(ctx, "distanciel") ? "1" : "0";
	if (VIEW_FIELDS(v, "SlotForm", { "day", day }, { "start", start }, { "end", end },
			{ "room_id", room }, { "programme", prog }, { "remote", strcmp(remote, "1") == 0 ? "1" : "" },
			{ "slot_id", form(ctx, "creneau") }) < 0)
		return 500;
	const char *problem = NULL;
	const char *ids = session_trainer_ids(ctx, &problem);
	if (view_set(v, "SlotForm.trainer_ids", arena_printf(ctx->arena, ",%.*s,",
			(int)(strlen(ids) - 2), ids + 1)) < 0)
		return 500;
	struct slot_times t;
	struct slot_error err;
	struct slot_input in = { day, start, end };
	if (slot_check(&in, pages_paris_today(), &t, &err) != 0)
		problem = arena_strdup(ctx->arena, err.message);
	if (!problem && *room && !field_is_id(room))
		problem = "Salle inconnue : choisissez dans la liste.";
	if (problem)
		return view_set(v, "Errors.slot", problem) < 0 ? 500 : 1;
	const char *unknown;
	int rc = store_unknown_trainers(ctx->db, ctx->arena, ids, &unknown);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (*unknown)
		return view_set(v, "Errors.slot", "Un des formateurs choisis n'existe pas ou n'est plus actif : "
				"choisissez dans la liste.") < 0 ? 500 : 1;
	struct choice *days = NULL;
	size_t n_days = 0;
	const struct choice *chosen = NULL;
	struct choice kept = { PROGRAMME_KEPT, current ? current->day_label : "",
		current ? current->module_label : "" };
	if (current && strcmp(prog, PROGRAMME_KEPT) == 0) {
		chosen = &kept;
	} else if (*prog) {
		if ((rc = store_programme_choices(ctx->db, ctx->arena, s->course_id, &days, &n_days)) != DB_OK)
			return handler_db_status(rc);
		if (!(chosen = find_choice(days, n_days, prog)))
			return view_set(v, "Errors.slot", "Choisissez une journée du programme de la liste.") < 0 ? 500 : 1;
	}
	int closed;
	char iso[CAL_DATE_BUF];
	if (cal_format_date(t.day, iso, sizeof(iso)) != 0)
		return 500;
	if ((rc = is_closure_day(ctx, t.day, iso, &closed)) != DB_OK)
		return handler_db_status(rc);
	if (closed && !(strcmp(ctx->login->role, "admin") == 0 && *form(ctx, "forcer"))) {
		if (view_set(v, "ClosureWarning", "1") < 0)
			return 500;
		return view_set(v, "Errors.slot", strcmp(ctx->login->role, "admin") == 0 ?
				"Ce jour est férié ou un jour de fermeture de l'EGOC. Cochez « Maintenir ce jour » "
				"pour confirmer ce créneau malgré tout." :
				"Ce jour est férié ou un jour de fermeture de l'EGOC : seul un administrateur peut "
				"y placer un créneau.") < 0 ? 500 : 1;
	}
	*f = (struct slot_fields){ arena_strdup(ctx->arena, iso), slot_part_name(t.part), remote, room,
		chosen ? chosen->group : "", chosen ? chosen->label : "", t.start_utc, t.end_utc, ids, NULL, NULL };
	return 0;
}

static int slot_refused(struct ctx *ctx, const struct session *s, int rc,
		const struct slot_conflict *c, size_t n)
{
	if (rc == DB_CONFLICT && n > 0) {
		if (set_conflicts(ctx, c, n) != 0)
			return 500;
		return refuse(ctx, s, "Errors.slot", "Ce créneau n'est pas enregistré : la salle ou un "
				"formateur est déjà pris à ce moment-là.");
	}
	if (rc == DB_CONFLICT)
		return refuse(ctx, s, "Errors.slot", "La salle ou un formateur n'existe plus : vérifiez vos choix.");
	if (rc == DB_NOT_FOUND)
		return refuse(ctx, s, "Errors.slot", "Ce créneau est annulé ou n'existe plus.");
	return handler_db_status(rc);
}

static int session_is_open(struct ctx *ctx, const struct session *s)
{
	if (strcmp(s->status, "annulee") == 0 || strcmp(s->status, "realisee") == 0)
		return refuse(ctx, s, "Errors.slot", "Cette session est annulée ou réalisée : ses créneaux "
				"ne changent plus.");
	return 0;
}

int page_slot_add(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc || (rc = session_is_open(ctx, &s)) != 0)
		return rc;
	struct slot_fields f;
	if ((rc = read_slot_form(ctx, &s, NULL, &f)) == 1)
		return session_page(ctx, 422, &s);
	if (rc)
		return rc;
	struct slot_conflict *c;
	size_t n;
	const char *slot_id;
	struct tell t = { ctx, s.id, NULL, CONVOCATION_UPDATE };
	const struct store_after after = { tell_run, &t };
	rc = store_slot_add(ctx->db, ctx->arena, s.id, &f, &slot_id, &c, &n,
		strcmp(s.status, "confirmee") == 0 ? &after : NULL);
	if (rc != DB_OK)
		return slot_refused(ctx, &s, rc, c, n);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=1#creneau-%s",
			s.id, slot_id));
}

int page_slot_change(struct ctx *ctx)
{
	struct slot slot;
	struct session s;
	if (!field_is_id(ctx->req->args[0]))
		return 404;
	int rc = store_slot_by_id(ctx->db, ctx->arena, ctx->req->args[0], &slot);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = session_load(ctx, slot.session_id, &s)) != 0 || (rc = session_is_open(ctx, &s)) != 0)
		return rc;
	const char *action = form(ctx, "action");
	/* the participants of a confirmed session follow: a moved slot is an
	 * update of their invitation, a cancelled one its CANCEL */
	int confirmed = strcmp(s.status, "confirmee") == 0;
	struct tell tm = { ctx, s.id, NULL, CONVOCATION_UPDATE }, tc = { ctx, s.id, slot.id, CONVOCATION_UPDATE };
	const struct store_after moved = { tell_run, &tm }, cancelled = { tell_run, &tc };
	if (strcmp(action, "annuler") == 0) {
		if ((rc = confirm_slot_cancel(ctx, &s, &slot)) != 1)
			return rc;
		rc = store_slot_cancel(ctx->db, slot.id, confirmed ? &cancelled : NULL);
		if (rc != DB_OK)
			return slot_refused(ctx, &s, rc, NULL, 0);
	} else if (strcmp(action, "deplacer") == 0) {
		struct slot_fields f;
		if ((rc = read_slot_form(ctx, &s, &slot, &f)) == 1)
			return session_page(ctx, 422, &s);
		if (rc)
			return rc;
		struct slot_conflict *c;
		size_t n;
		rc = store_slot_move(ctx->db, ctx->arena, slot.id, &f, &c, &n, confirmed ? &moved : NULL);
		if (rc != DB_OK)
			return slot_refused(ctx, &s, rc, c, n);
	} else {
		return refuse(ctx, &s, "Errors.slot", "Action inconnue.");
	}
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=1#creneau-%s",
			s.id, slot.id));
}

/* A copy whose first slot is on the new date; every slot keeps its
 * distance to the first, its local times, room and trainers. */
int page_session_duplicate(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	const char *day = form(ctx, "date");
	struct civil_date to, from;
	if (view_set(ctx->view, "CopyForm.day", day) < 0)
		return 500;
	if (cal_parse_date(s.first_day, &from) != 0)
		return refuse(ctx, &s, "Errors.copy", "Cette session n'a aucun créneau à copier.");
	if (cal_parse_date(day, &to) != 0)
		return refuse(ctx, &s, "Errors.copy", "Cette date n'existe pas : écrivez-la sous la forme AAAA-MM-JJ.");
	int64_t days = cal_days_from_civil(to) - cal_days_from_civil(from);
	struct civil_date today = pages_paris_today();
	if (cal_date_compare(to, today) < 0 || days == 0 || days > DUPLICATE_DAYS_MAX || days < -DUPLICATE_DAYS_MAX)
		return refuse(ctx, &s, "Errors.copy", "Choisissez une date à venir, différente de la première "
				"date de la session et à moins de trois ans.");
	const char *new_id;
	struct slot_conflict *c;
	size_t n;
	rc = store_session_duplicate(ctx->db, ctx->arena, s.id, (int)days, &new_id, &c, &n);
	if (rc == DB_CONFLICT) {
		if (set_conflicts(ctx, c, n) != 0)
			return 500;
		return refuse(ctx, &s, "Errors.copy", "La copie n'est pas créée : une salle ou un formateur "
				"est déjà pris à ces dates.");
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?fait=copie", new_id));
}
