/* The participant's private page, reached from their convocation (no
 * account: the unguessable token of their registration is the key):
 *   GET  /participant/{token}              dates, place, programme, agenda, forms
 *   GET  /participant/{token}/agenda.ics   their slots for their own calendar
 *   POST /participant/{token}/annulation   "je ne pourrai pas venir"
 *   POST /participant/{token}/besoin       a need related to a disability
 * A wrong or old token is a 404 like any unknown page: nothing tells
 * whether a registration exists. */
#include "pages/pages.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "out/convocation.h"
#include "out/ical.h"
#include "out/mail.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/registration.h"
#include "rules/slot_time.h"
#include "store/accessibility.h"
#include "store/convocations.h"
#include "store/db.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

#define TOKEN_CHARS 64

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

struct visit {
	struct registration g;
	struct session s;
	struct convocation c;
};

static int load(struct ctx *ctx, struct visit *v)
{
	const char *token = ctx->req->args[0];
	size_t n = token ? strlen(token) : 0;
	if (n != TOKEN_CHARS || strspn(token, "0123456789abcdef") != n)
		return 404;
	int rc = store_registration_by_token(ctx->db, ctx->arena, token, &v->g);
	if (rc == DB_OK)
		rc = store_session_by_id(ctx->db, ctx->arena, v->g.session_id, &v->s);
	if (rc == DB_OK)
		rc = store_convocation_load(ctx->db, ctx->arena, ctx->settings, v->g.id, &v->c);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

/* "jeudi 4 mars 2027", "9 h – 12 h 30" */
static int set_slot(struct ctx *ctx, size_t i, const struct convocation_slot *t)
{
	int from, to;
	char a[SLOT_TIME_FR_BUF], b[SLOT_TIME_FR_BUF];
	const char *times = slot_parse_time(t->start, &from) == 0 && slot_parse_time(t->end, &to) == 0 &&
		slot_format_time_fr(from, a, sizeof(a)) == 0 && slot_format_time_fr(to, b, sizeof(b)) == 0 ?
		arena_printf(ctx->arena, "%s – %s", a, b) : "";
	enum slot_part part = slot_part_of(from, to);
	return VIEW_ROW(ctx->view, "Slots", i, { "day", t->day },
		{ "day_long", pages_long_date(ctx->arena, t->day) }, { "times", times },
		{ "part", slot_part_label_fr(part) }, { "room", t->room }, { "trainers", t->trainers },
		{ "module", t->module_label }, { "day_label", t->day_label },
		{ "remote", t->remote ? "1" : "" });
}

static int still_to_come(const struct visit *v)
{
	struct civil_date last, today = pages_paris_today();
	return !*v->s.last_day || (cal_parse_date(v->s.last_day, &last) == 0 &&
		cal_date_compare(today, last) <= 0);
}

static int page(struct ctx *ctx, int status, const struct visit *v)
{
	enum registration_status st;
	if (registration_status_parse(v->g.status, &st) != 0)
		return 500;
	int rc = auth_csrf_prepare(ctx);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < v->c.n_slots; i++)
		if (!v->c.slots[i].cancelled && set_slot(ctx, k++, &v->c.slots[i]) < 0)
			return 500;
	const struct convocation *c = &v->c;
	if (VIEW_FIELDS(ctx->view, "Registration", { "token", v->g.token },
			{ "name", arena_printf(ctx->arena, "%s %s", v->g.first_name, v->g.last_name) },
			{ "status", v->g.status }, { "status_label", registration_status_label_fr(st) },
			{ "rank", v->g.waiting_rank },
			{ "active", registration_is_active(st) && still_to_come(v) ? "1" : "" },
			{ "course", c->course_title }, { "course_slug", v->s.course_slug },
			{ "prerequisites", c->prerequisites },
			{ "session_status", v->s.status }, { "place", c->place_name },
			{ "address", c->place_address }, { "city", c->place_city }, { "access", c->place_access },
			{ "accessibility", c->place_accessibility }, { "contact", c->accessibility_contact },
			{ "adaptation", v->g.adaptation }) < 0 ||
			view_set(ctx->view, "Page.title", c->course_title) < 0 ||
			/* no-store comes with the anti-forgery token (auth_csrf_prepare) */
			response_header(ctx->res, "X-Robots-Tag", "noindex") < 0)
		return 500;
	int signed_one = 0;
	if (same(v->g.status, "confirmee") &&
			(rc = attendance_open_half_days(ctx, &v->s, strtoll(v->g.id, NULL, 10), &signed_one)) != 0)
		return rc;
	const char *demi = params_get(&ctx->req->query, "demi"), *code = params_get(&ctx->req->query, "code");
	if ((signed_one && view_set(ctx->view, "Signed", "1") < 0) ||
			(demi && strlen(demi) < 32 && view_set(ctx->view, "Sign.demi", demi) < 0) ||
			(code && strlen(code) == 6 && strspn(code, "0123456789") == 6 &&
				view_set(ctx->view, "Sign.code", code) < 0) ||
			attendance_remember_participant(ctx, v->g.token) != 0)
		return 500;
	if ((rc = certificate_of_participant_fill(ctx, &v->g)) != 0 ||
			(rc = surveys_of_participant_fill(ctx, &v->g)) != 0)
		return rc;
	const char *done = params_get(&ctx->req->query, "fait");
	const char *notice = same(done, "signe") ? "Votre présence est enregistrée. Bonne formation !" :
		same(done, "annulation") ? "Votre inscription est annulée : votre place est "
		"libérée et votre agenda prévenu. Merci de nous avoir prévenus." :
		same(done, "deja") ? "Votre inscription était déjà annulée : rien n'a changé." :
		same(done, "besoin") ? "Votre besoin est transmis au référent handicap de l'EGOC, qui "
		"revient vers vous avant la formation. Lui seul (et l'administration) le lit." : NULL;
	if (notice && view_set(ctx->view, "Notice", notice) < 0)
		return 500;
	return handler_render(ctx, status, "public/participant.cs");
}

int page_participant(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, &v);
	return rc ? rc : page(ctx, 200, &v);
}

int page_participant_ics(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, &v);
	if (rc)
		return rc;
	char organizer[256];
	if (mail_address(ctx->settings->mail_from, organizer, sizeof(organizer)) != MAIL_OK)
		return 500;
	int active = same(v.g.status, "confirmee") || same(v.g.status, "attente");
	struct ical_event *ev = arena_calloc(ctx->arena, v.c.n_slots ? v.c.n_slots : 1, sizeof(*ev));
	const char *url = arena_printf(ctx->arena, "%s/participant/%s", ctx->settings->base_url, v.g.token);
	if (!ev || !url)
		return 500;
	size_t n = 0;
	for (size_t i = 0; i < v.c.n_slots; i++) {
		const struct convocation_slot *t = &v.c.slots[i];
		ev[n++] = (struct ical_event){ .uid = convocation_uid(ctx->arena, t->id, organizer),
			.summary = v.c.course_title, .description = arena_printf(ctx->arena, "%s%s%s",
				t->module_label, *t->module_label && *t->day_label ? " · " : "", t->day_label),
			.location = t->remote ? "À distance" : v.c.place_name, .url = url,
			.start_utc = t->start_utc, .end_utc = t->end_utc, .stamp_utc = (int64_t)time(NULL),
			.last_modified_utc = (int64_t)time(NULL),
			.sequence = t->sequence + v.c.registration_version,
			.status = t->cancelled || !active ? ICAL_CANCELLED :
				same(v.s.status, "confirmee") && same(v.g.status, "confirmee") ? ICAL_CONFIRMED :
				ICAL_TENTATIVE };
	}
	if (ical_write_feed(&ctx->res->body, "Ma formation EGOC", ev, n) != 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	ctx->res->content_type = "text/calendar; charset=utf-8";
	ctx->res->status = 200;
	return 0;
}

int page_participant_cancel(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, &v);
	if (rc)
		return rc;
	static const struct field_rule reason_rule = { "raison", FIELD_TEXT, 0, REG_REASON_MAX, 0 };
	const char *reason, *problem = form_value(ctx, &reason_rule, &reason);
	if (!reason)
		return 500;
	enum registration_status from, to;
	const char *refusal;
	if (registration_status_parse(v.g.status, &from) != 0)
		return 500;
	int t = registration_transition(from, REG_ACT_CANCEL, &to, &refusal);
	const char *base = arena_printf(ctx->arena, "/participant/%s", v.g.token);
	if (t == 1)
		return handler_redirect(ctx, arena_printf(ctx->arena, "%s?fait=deja", base));
	if (t < 0 || problem || !still_to_come(&v)) {
		if (view_set(ctx->view, "Errors.cancel", t < 0 ? refusal : problem ? problem :
				"La formation est passée : il n'y a plus rien à annuler.") < 0 ||
				view_set(ctx->view, "Form.reason", reason) < 0)
			return 500;
		return page(ctx, 422, &v);
	}
	const char *now, *promoted;
	rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_registration_set_status(ctx->db, ctx->arena, &v.g, "annulee", "annulation",
			"Le participant", *reason ? reason : "Ne pourra pas venir", &now);
	if (rc == DB_OK && *v.g.convocation_at)
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, v.g.id,
			CONVOCATION_CANCEL, NULL, NULL, NULL);
	if (rc == DB_OK && same(v.g.status, "confirmee"))
		rc = registration_fill_seat(ctx, &v.s, "Le participant (désistement)", &promoted);
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc == DB_STALE)
		return handler_redirect(ctx, base);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "%s?fait=annulation", base));
}

int page_participant_need(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, &v);
	if (rc)
		return rc;
	static const struct field_rule need_rule = { "besoin", FIELD_TEXT, 1, 2000, 0 };
	const char *need, *problem = form_value(ctx, &need_rule, &need);
	if (!need)
		return 500;
	if (problem) {
		if (view_set(ctx->view, "Errors.need", problem) < 0 || view_set(ctx->view, "Form.need", need) < 0)
			return 500;
		return page(ctx, 422, &v);
	}
	rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_need_open(ctx->db, ctx->arena, ctx->settings, "participant", NULL, v.g.id, need,
			v.s.first_day);
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/participant/%s?fait=besoin", v.g.token));
}

int page_participant_sign(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, &v);
	if (rc)
		return rc;
	const char *problem = NULL;
	if (!same(v.g.status, "confirmee"))
		problem = "Seule une inscription confirmée peut signer sa présence.";
	else if ((rc = attendance_sign(ctx, &v.s, &v.g, &problem)) != 0)
		return rc;
	if (problem) {
		const char *code = params_get(&ctx->req->form, "code");
		if (view_set(ctx->view, "Errors.sign", problem) < 0 ||
				(code && strlen(code) <= 32 && view_set(ctx->view, "Sign.code", code) < 0))
			return 500;
		return page(ctx, 422, &v);
	}
	return handler_redirect(ctx, arena_printf(ctx->arena, "/participant/%s?fait=signe", v.g.token));
}
