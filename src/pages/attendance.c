/* Attendance (émargement) per half-day:
 *   GET  /intranet/presence/{half_day}         the trainer's page: the code of
 *        the moment (six digits and a QR code), each participant's mark,
 *        the actions, the certification
 *   GET  /intranet/presence/{half_day}/qr.svg   the QR code of the moment
 *   POST /intranet/presence/{half_day}         mark present, absent, late,
 *        leaving early; certify; an admin corrects a certified half-day
 *   POST /participant/{token}/emargement       the participant signs
 *   GET  /emargement/{half_day}?code=          where the QR code leads
 * and the grid participants × half-days of the session page (the scans of
 * the signed paper sheets: attendance_scans.c).
 *
 * A half-day is "<slot>-matin" or "<slot>-apres_midi" (rules/attendance.h);
 * events are never changed (store/attendance.h). The trainer of the slot
 * and the desk reach the trainer's page; anyone else gets 404. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <qrencode.h>
#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/settings.h"
#include "out/pdf.h"
#include "pages/form.h"
#include "rules/attendance.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/slot_time.h"
#include "store/accounts.h"
#include "store/attendance.h"
#include "store/attendance_scans.h"
#include "store/db.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

#define PARTICIPANT_COOKIE "egoc_participant"

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

struct half_day_view {
	struct slot slot;
	struct session s;
	struct half_day hd;
	char id[HALF_DAY_ID_BUF];
	int64_t start_utc, end_utc;
};

/* The half-days of a slot (0, 1 or 2) with their ids and instants. */
static int half_days_of(const struct slot *t, struct half_day_view out[2])
{
	struct slot_half_day sh[2];
	int n = store_slot_half_days(t, sh);
	for (int i = 0; i < n; i++) {
		out[i].slot = *t;
		out[i].hd = sh[i].hd;
		memcpy(out[i].id, sh[i].id, sizeof(out[i].id));
		out[i].start_utc = sh[i].start_utc;
		out[i].end_utc = sh[i].end_utc;
	}
	return n;
}

/* "jeudi 4 mars 2027, matin, 9 h – 12 h 30" */
static const char *half_day_label(struct arena *a, const struct half_day_view *v)
{
	char from[SLOT_TIME_FR_BUF], to[SLOT_TIME_FR_BUF];
	if (slot_format_time_fr(v->hd.start_min, from, sizeof(from)) != 0 ||
			slot_format_time_fr(v->hd.end_min, to, sizeof(to)) != 0)
		return v->id;
	return arena_printf(a, "%s, %s, %s – %s", pages_long_date(a, v->slot.day),
		v->hd.kind == HALF_DAY_MORNING ? "matin" : "après-midi", from, to);
}

static int is_desk(const struct ctx *ctx)
{
	return strcmp(ctx->login->role, "formateur") != 0;
}

static int trainer_of(struct ctx *ctx, const struct slot *t)
{
	const char *mine;
	if (store_trainer_of_account(ctx->db, ctx->arena, ctx->login->user_id, &mine) != DB_OK || !*mine)
		return 0;
	char ids[256], want[32];
	snprintf(ids, sizeof(ids), ",%s,", t->trainer_ids);
	snprintf(want, sizeof(want), ",%s,", mine);
	return strstr(ids, want) != NULL;
}

/* The half-day of the path, for the desk or the slot's trainer: 0 or a
 * status (404 for anything else: nothing tells which half-days exist). */
static int load(struct ctx *ctx, const char *id, struct half_day_view *v)
{
	int64_t slot_id;
	enum half_day_kind kind;
	char slot[24];
	if (!id || half_day_id_parse(id, &slot_id, &kind) != 0)
		return 404;
	snprintf(slot, sizeof(slot), "%lld", (long long)slot_id);
	struct slot t;
	int rc = store_slot_by_id(ctx->db, ctx->arena, slot, &t);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct half_day_view hv[2];
	int n = half_days_of(&t, hv), found = 0;
	for (int i = 0; i < n; i++)
		if (hv[i].hd.kind == kind) {
			*v = hv[i];
			found = 1;
		}
	if (!found)
		return 404;
	if (!is_desk(ctx) && !trainer_of(ctx, &t))
		return 404;
	return session_load(ctx, t.session_id, &v->s);
}

/* The last half-day of its session (its chaud questionnaire opens then):
 * on the session's last day, a half-day slot or a day's afternoon. */
static int is_last_half_day(const struct half_day_view *v)
{
	return same(v->slot.day, v->s.last_day) && (v->hd.kind == HALF_DAY_AFTERNOON ||
		!same(v->slot.part, "journee"));
}

/* What the events say of registration reg on half-day hd, in words. */
static const char *mark_text(struct arena *a, const struct attendance_event *e, size_t n,
		long long reg, const char *hd, struct attendance_state *st)
{
	attendance_fold(e, n, reg, hd, st);
	const char *how = "";
	const char *when = "";
	for (size_t i = 0; i < n; i++)
		if (e[i].registration_id == reg && same(e[i].half_day_id, hd) &&
				same(e[i].kind, "signature")) {
			enum attendance_method m;
			how = attendance_method_parse(e[i].method, &m) == 0 ? attendance_method_label_fr(m) : "";
			struct civil_date d;
			int minutes;
			slot_utc_to_paris(e[i].instant, &d, &minutes);
			char t[SLOT_TIME_FR_BUF];
			when = slot_format_time_fr(minutes, t, sizeof(t)) == 0 ? arena_printf(a, " à %s", t) : "";
		}
	if (st->absent_marked && !st->present)
		return "Absent(e)";
	if (!st->present)
		return "";
	return arena_printf(a, "Présent(e)%s (%s)%s%s", when, how,
		st->late ? arena_printf(a, ", arrivé(e) %d min en retard", st->late) : "",
		st->early ? arena_printf(a, ", parti(e) %d min avant la fin", st->early) : "");
}

static int page(struct ctx *ctx, int status, const struct half_day_view *v)
{
	struct registration *g;
	struct attendance_event *e;
	size_t n, ne;
	int rc = store_registrations_of_session(ctx->db, ctx->arena, v->s.id, &g, &n);
	if (rc == DB_OK)
		rc = store_attendance_events(ctx->db, ctx->arena, v->s.id, &e, &ne);
	if (rc != DB_OK)
		return handler_db_status(rc);
	int certified = attendance_half_day_certified(e, ne, v->id);
	/* browsers that signed for more than one participant: an anomaly */
	struct attendance_signature *sigs = arena_calloc(ctx->arena, ne ? ne : 1, sizeof(*sigs));
	unsigned char *shared = arena_calloc(ctx->arena, ne ? ne : 1, 1);
	size_t ns = 0;
	if (!sigs || !shared)
		return 500;
	for (size_t i = 0; i < ne; i++) {
		char *fp = arena_alloc(ctx->arena, ATTENDANCE_HASH_HEX);
		if (same(e[i].half_day_id, v->id) && same(e[i].method, "electronique") && fp &&
				attendance_browser_fingerprint(e[i].ip, e[i].user_agent, fp) == 0)
			sigs[ns++] = (struct attendance_signature){ e[i].registration_id, fp };
	}
	attendance_shared_browser_marks(sigs, ns, shared);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!same(g[i].status, "confirmee"))
			continue;
		long long reg = strtoll(g[i].id, NULL, 10);
		struct attendance_state st;
		const char *mark = mark_text(ctx->arena, e, ne, reg, v->id, &st);
		int anomaly = 0;
		for (size_t j = 0; j < ns; j++)
			anomaly |= sigs[j].registration_id == reg && shared[j];
		if (VIEW_ROW(ctx->view, "People", k++, { "id", g[i].id },
				{ "name", arena_printf(ctx->arena, "%s %s", g[i].last_name, g[i].first_name) },
				{ "organisation", g[i].organisation }, { "mark", mark },
				{ "present", st.present ? "1" : "" }, { "absent", st.absent_marked && !st.present ? "1" : "" },
				{ "anomaly", anomaly ? "1" : "" }, { "adaptation", g[i].adaptation }) < 0)
			return 500;
	}
	int64_t now = (int64_t)time(NULL);
	enum attendance_window w = attendance_signing_window(v->start_utc, v->end_utc, now);
	if (w == ATTENDANCE_WINDOW_OPEN && !certified) {
		unsigned char key[ATTENDANCE_KEY_BYTES];
		char code[ATTENDANCE_CODE_BUF];
		if (store_attendance_key(ctx->db, key) != DB_OK || attendance_code(key, v->id, now, code) != 0)
			return 500;
		sodium_memzero(key, sizeof(key));
		if (VIEW_FIELDS(ctx->view, "Code", { "digits", arena_printf(ctx->arena, "%.3s %.3s", code, code + 3) },
				{ "left", arena_printf(ctx->arena, "%d", attendance_code_seconds_left(now)) }) < 0)
			return 500;
	}
	if (VIEW_FIELDS(ctx->view, "HalfDay", { "id", v->id }, { "label", half_day_label(ctx->arena, v) },
			{ "session_id", v->s.id }, { "course", v->s.course_title }, { "room", v->slot.room_name },
			{ "place", v->slot.place_name }, { "trainers", v->slot.trainers },
			{ "module", v->slot.module_label }, { "day_label", v->slot.day_label },
			{ "certified", certified ? "1" : "" },
			{ "window", w == ATTENDANCE_WINDOW_OPEN ? "ouvert" : w == ATTENDANCE_WINDOW_NOT_YET ?
				"pas_encore" : "ferme" },
			{ "admin", strcmp(ctx->login->role, "admin") == 0 ? "1" : "" },
			{ "last", is_last_half_day(v) ? "1" : "" },
			{ "survey_url", arena_printf(ctx->arena, "%s/evaluation/%s", ctx->settings->base_url, v->id) }) < 0 ||
			view_set(ctx->view, "Page.title", arena_printf(ctx->arena, "Émargement : %s",
				half_day_label(ctx->arena, v))) < 0)
		return 500;
	if ((rc = attendance_scans_fill(ctx, v->id)) != 0)
		return rc;
	const char *done = params_get(&ctx->req->query, "fait");
	if (done && !same(done, "feuille") && view_set(ctx->view, "Notice", same(done, "certifie") ?
			"La demi-journée est certifiée : les présences ne changent plus (un administrateur peut "
			"encore corriger, avec une raison)." : same(done, "attestation") ?
			"La correction est enregistrée. L'attestation déjà émise pour ce participant ne change "
			"pas : révoquez-la puis émettez les attestations de nouveau depuis la page de la session." :
			"La présence est enregistrée.") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/attendance.cs");
}

int page_half_day(struct ctx *ctx)
{
	struct half_day_view v;
	int rc = load(ctx, ctx->req->args[0], &v);
	return rc ? rc : page(ctx, 200, &v);
}

int attendance_half_day_access(struct ctx *ctx, const char *half_day, struct session *s)
{
	struct half_day_view v;
	int rc = load(ctx, half_day, &v);
	if (rc == 0)
		*s = v.s;
	return rc;
}

int attendance_half_day_render(struct ctx *ctx, const char *half_day, int status)
{
	struct half_day_view v;
	int rc = load(ctx, half_day, &v);
	return rc ? rc : page(ctx, status, &v);
}

/* text as a QR code in SVG: dark modules as one path. */
static int qr_svg(struct ctx *ctx, const char *text)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return 500;
	struct buf *b = &ctx->res->body;
	b->len = 0;
	int w = q->width, ok = buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
		" shape-rendering=\"crispEdges\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>"
		"<path fill=\"#000\" d=\"", w + 8, w + 8) == 0;
	for (int y = 0; ok && y < w; y++)
		for (int x = 0; ok && x < w; x++)
			if (q->data[y * w + x] & 1)
				ok = buf_printf(b, "M%d %dh1v1h-1z", x + 4, y + 4) == 0;
	QRcode_free(q);
	if (!ok || buf_puts(b, "\"/></svg>\n") < 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	ctx->res->content_type = "image/svg+xml";
	return 0;
}

/* The QR code of the moment. */
int page_half_day_qr(struct ctx *ctx)
{
	struct half_day_view v;
	int rc = load(ctx, ctx->req->args[0], &v);
	if (rc)
		return rc;
	unsigned char key[ATTENDANCE_KEY_BYTES];
	char code[ATTENDANCE_CODE_BUF], text[512];
	int64_t now = (int64_t)time(NULL);
	if (store_attendance_key(ctx->db, key) != DB_OK || attendance_code(key, v.id, now, code) != 0 ||
			attendance_qr_text(ctx->settings->base_url, v.id, code, text, sizeof(text)) != 0)
		return 500;
	sodium_memzero(key, sizeof(key));
	return qr_svg(ctx, text);
}

/* The QR code of the last half-day's chaud questionnaire: it leads to
 * /evaluation/{half_day}, which sends each participant's browser to their
 * own questionnaire. */
int page_half_day_survey_qr(struct ctx *ctx)
{
	struct half_day_view v;
	int rc = load(ctx, ctx->req->args[0], &v);
	if (rc)
		return rc;
	if (!is_last_half_day(&v))
		return 404;
	const char *text = arena_printf(ctx->arena, "%s/evaluation/%s", ctx->settings->base_url, v.id);
	return text ? qr_svg(ctx, text) : 500;
}

static const char *actor_of(struct ctx *ctx)
{
	return arena_printf(ctx->arena, "%s (%s)", ctx->login->display_name, ctx->login->role);
}

int page_half_day_change(struct ctx *ctx)
{
	struct half_day_view v;
	int rc = load(ctx, ctx->req->args[0], &v);
	if (rc)
		return rc;
	struct attendance_event *e;
	size_t ne;
	if ((rc = store_attendance_events(ctx->db, ctx->arena, v.s.id, &e, &ne)) != DB_OK)
		return handler_db_status(rc);
	int certified = attendance_half_day_certified(e, ne, v.id);
	const char *action = params_get(&ctx->req->form, "action");
	static const struct field_rule reason_rule = { "raison", FIELD_TEXT, 0, 1000, 0 };
	const char *reason, *problem = form_value(ctx, &reason_rule, &reason);
	if (!reason)
		return 500;
	if (certified && strcmp(ctx->login->role, "admin") != 0)
		problem = "Cette demi-journée est certifiée : seul un administrateur peut la corriger.";
	struct attendance_event ev = { .session_id = strtoll(v.s.id, NULL, 10), .half_day_id = v.id,
		.method = "", .instant = (int64_t)time(NULL), .actor = actor_of(ctx), .reason = reason,
		.ip = "", .user_agent = "" };
	const char *reg = params_get(&ctx->req->form, "inscription");
	if (!problem && !same(action, "certifier")) {
		struct registration g;
		if (!reg || !field_is_id(reg) || store_registration_by_id(ctx->db, ctx->arena, reg, &g) != DB_OK ||
				!same(g.session_id, v.s.id) || !same(g.status, "confirmee"))
			problem = "Choisissez un participant confirmé de cette session.";
		else
			ev.registration_id = strtoll(reg, NULL, 10);
	}
	if (!problem && same(action, "present")) {
		ev.kind = "signature";
		ev.method = "formateur";
	} else if (!problem && same(action, "papier")) {
		ev.kind = "signature";
		ev.method = "papier";
	} else if (!problem && same(action, "absent")) {
		ev.kind = "absence";
	} else if (!problem && (same(action, "retard") || same(action, "depart"))) {
		ev.kind = same(action, "retard") ? "retard" : "depart_anticipe";
		const char *msg = NULL;
		if (attendance_delay_read(params_get(&ctx->req->form, "minutes"),
				half_day_minutes(&v.hd), &ev.minutes, &msg) != 0)
			problem = msg ? msg : "Indiquez un nombre de minutes.";
	} else if (!problem && same(action, "certifier")) {
		if (certified)
			return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/presence/%s?fait=certifie", v.id));
		ev.kind = "certification";
	} else if (!problem) {
		problem = "Action inconnue.";
	}
	if (!problem)
		problem = attendance_event_check(&ev, certified);
	if (problem) {
		if (view_set(ctx->view, "Errors.change", problem) < 0)
			return 500;
		return page(ctx, 422, &v);
	}
	/* late or leaving early says the person came: marked present by the
	 * trainer first when nothing said so yet */
	struct attendance_state st;
	attendance_fold(e, ne, ev.registration_id, v.id, &st);
	if ((same(ev.kind, "retard") || same(ev.kind, "depart_anticipe")) && !st.present) {
		struct attendance_event came = ev;
		came.kind = "signature";
		came.method = "formateur";
		came.minutes = 0;
		if ((rc = store_attendance_record(ctx->db, ctx->arena, &came)) != DB_OK)
			return handler_db_status(rc);
	}
	if ((rc = store_attendance_record(ctx->db, ctx->arena, &ev)) != DB_OK)
		return handler_db_status(rc);
	/* the last certification of a realisee session issues its attestations */
	if (same(ev.kind, "certification") && same(v.s.status, "realisee"))
		(void)certificates_issue_quietly(ctx, v.s.id);
	/* an issued attestation is a signed document: a correction after it
	 * does not rewrite it, the admin is told how to replace it */
	int attested = certified && reg && certificate_in_force(ctx, reg);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/presence/%s?fait=%s#participants",
		v.id, same(action, "certifier") ? "certifie" : attested ? "attestation" : "1"));
}

/* --- the participant's side -------------------------------------------------------- */

/* The half-days of session s open for signing now (at most a few). */
int attendance_open_half_days(struct ctx *ctx, const struct session *s, long long registration,
		int *signed_out)
{
	struct slot *slots;
	struct attendance_event *e;
	size_t n, ne, k = 0;
	*signed_out = 0;
	int rc = store_session_slots(ctx->db, ctx->arena, s->id, &slots, &n);
	if (rc == DB_OK)
		rc = store_attendance_events(ctx->db, ctx->arena, s->id, &e, &ne);
	if (rc != DB_OK)
		return handler_db_status(rc);
	int64_t now = (int64_t)time(NULL);
	for (size_t i = 0; i < n; i++) {
		struct half_day_view hv[2];
		int m = half_days_of(&slots[i], hv);
		for (int j = 0; j < m; j++) {
			if (attendance_signing_window(hv[j].start_utc, hv[j].end_utc, now) != ATTENDANCE_WINDOW_OPEN ||
					attendance_half_day_certified(e, ne, hv[j].id))
				continue;
			struct attendance_state st;
			attendance_fold(e, ne, registration, hv[j].id, &st);
			if (st.present) {
				*signed_out = 1;
				continue;
			}
			if (VIEW_ROW(ctx->view, "OpenHalfDays", k++, { "id", hv[j].id },
					{ "label", half_day_label(ctx->arena, &hv[j]) }) < 0)
				return 500;
		}
	}
	return 0;
}

int attendance_sign(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char **problem)
{
	const char *hd = params_get(&ctx->req->form, "demi");
	const char *typed = params_get(&ctx->req->form, "code");
	struct slot t;
	struct half_day_view hv[2], *v = NULL;
	int64_t slot_id;
	enum half_day_kind kind;
	*problem = NULL;
	char slot[24];
	if (!hd || half_day_id_parse(hd, &slot_id, &kind) != 0) {
		*problem = "Choisissez la demi-journée à signer.";
		return 0;
	}
	snprintf(slot, sizeof(slot), "%lld", (long long)slot_id);
	if (store_slot_by_id(ctx->db, ctx->arena, slot, &t) != DB_OK || !same(t.session_id, s->id)) {
		*problem = "Cette demi-journée n'est pas celle de votre formation.";
		return 0;
	}
	int m = half_days_of(&t, hv);
	for (int i = 0; i < m; i++)
		if (same(hv[i].id, hd))
			v = &hv[i];
	if (!v) {
		*problem = "Cette demi-journée n'est pas celle de votre formation.";
		return 0;
	}
	struct attendance_event *e;
	size_t ne;
	int rc = store_attendance_events(ctx->db, ctx->arena, s->id, &e, &ne);
	if (rc != DB_OK)
		return handler_db_status(rc);
	long long reg = strtoll(g->id, NULL, 10);
	struct attendance_state st;
	attendance_fold(e, ne, reg, hd, &st);
	if (attendance_half_day_certified(e, ne, hd)) {
		*problem = "Cette demi-journée est déjà certifiée par le formateur : adressez-vous à lui.";
		return 0;
	}
	unsigned char key[ATTENDANCE_KEY_BYTES];
	if (store_attendance_key(ctx->db, key) != DB_OK)
		return 500;
	int64_t now = (int64_t)time(NULL);
	enum attendance_sign r = attendance_sign_check(key, hd, v->start_utc, v->end_utc, now, st.present,
		typed ? typed : "");
	sodium_memzero(key, sizeof(key));
	if (r == ATTENDANCE_SIGN_ALREADY)
		return 0;
	if (r != ATTENDANCE_SIGN_OK) {
		*problem = attendance_sign_message_fr(r);
		return 0;
	}
	const char *ip = ctx->req->remote_addr ? ctx->req->remote_addr : "";
	const char *ua = ctx->req->user_agent ? ctx->req->user_agent : "";
	struct attendance_event ev = { .session_id = strtoll(s->id, NULL, 10), .registration_id = reg,
		.half_day_id = hd, .kind = "signature", .method = "electronique", .instant = now,
		.actor = "participant", .reason = "", .ip = arena_strndup(ctx->arena, ip, 64),
		.user_agent = arena_strndup(ctx->arena, ua, 500) };
	if (!ev.ip || !ev.user_agent)
		return 500;
	rc = store_attendance_record(ctx->db, ctx->arena, &ev);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

/* Where the QR code leads: the participant's own page with the code, when
 * this browser opened it before (the cookie its page sets); else how to. */
int page_sign_landing(struct ctx *ctx)
{
	const char *hd = ctx->req->args[0], *code = params_get(&ctx->req->query, "code");
	const char *token = params_get(&ctx->req->cookies, PARTICIPANT_COOKIE);
	int64_t slot_id;
	enum half_day_kind kind;
	if (!hd || half_day_id_parse(hd, &slot_id, &kind) != 0)
		return 404;
	struct registration g;
	if (token && strlen(token) == 64 && strspn(token, "0123456789abcdef") == 64 &&
			store_registration_by_token(ctx->db, ctx->arena, token, &g) == DB_OK &&
			code && strlen(code) == 6 && strspn(code, "0123456789") == 6)
		return handler_redirect(ctx, arena_printf(ctx->arena, "/participant/%s?demi=%s&code=%s#signer",
			token, hd, code));
	if (view_set(ctx->view, "Page.title", "Signer sa présence") < 0 ||
			(code && strlen(code) == 6 && strspn(code, "0123456789") == 6 &&
				view_set(ctx->view, "Code", code) < 0))
		return 500;
	return handler_render(ctx, 200, "public/sign_landing.cs");
}

int attendance_remember_participant(struct ctx *ctx, const char *token)
{
	return auth_set_cookie(ctx, PARTICIPANT_COOKIE, token, 180L * 86400) < 0 ? 500 : 0;
}

/* --- the grid of the session page ---------------------------------------------------- */

int attendance_grid_fill(struct ctx *ctx, const struct session *s, const struct slot *slots, size_t n)
{
	struct registration *g;
	struct attendance_event *e;
	size_t ng, ne, cols = 0;
	int rc = store_registrations_of_session(ctx->db, ctx->arena, s->id, &g, &ng);
	if (rc == DB_OK)
		rc = store_attendance_events(ctx->db, ctx->arena, s->id, &e, &ne);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct attendance_scan_count *scans;
	size_t nscans;
	if ((rc = store_attendance_scan_counts(ctx->db, ctx->arena, s->id, &scans, &nscans)) != DB_OK)
		return handler_db_status(rc);
	struct half_day_view *hv = arena_calloc(ctx->arena, 2 * (n ? n : 1), sizeof(*hv));
	if (!hv)
		return 500;
	for (size_t i = 0; i < n; i++)
		cols += (size_t)half_days_of(&slots[i], hv + cols);
	struct slot_half_day *hd;
	size_t nh;
	if (store_session_half_days(ctx->arena, slots, n, &hd, &nh) != 0)
		return 500;
	for (size_t c = 0; c < cols; c++) {
		long nscan = 0;
		for (size_t j = 0; j < nscans; j++)
			if (same(scans[j].half_day_id, hv[c].id))
				nscan = scans[j].count;
		char d[CAL_LONG_FR_BUF] = "";
		struct civil_date day;
		if (cal_parse_date(hv[c].slot.day, &day) == 0)
			(void)snprintf(d, sizeof(d), "%d/%d", day.day, day.month);
		if (VIEW_ROW(ctx->view, "Grid.Columns", c, { "id", hv[c].id },
				{ "short", arena_printf(ctx->arena, "%s %s", d, hv[c].hd.kind == HALF_DAY_MORNING ?
					"matin" : "après-midi") },
				{ "label", half_day_label(ctx->arena, &hv[c]) },
				{ "certified", attendance_half_day_certified(e, ne, hv[c].id) ? "1" : "" },
				{ "scans", nscan ? arena_printf(ctx->arena, "%ld", nscan) : "" }) < 0)
			return 500;
	}
	size_t k = 0;
	for (size_t i = 0; i < ng; i++) {
		if (!same(g[i].status, "confirmee"))
			continue;
		long long reg = strtoll(g[i].id, NULL, 10);
		int planned, attended;
		char key[64];
		store_attendance_minutes(hd, nh, e, ne, reg, &planned, &attended);
		for (size_t c = 0; c < cols; c++) {
			struct attendance_state st;
			const char *mark = mark_text(ctx->arena, e, ne, reg, hv[c].id, &st);
			snprintf(key, sizeof(key), "Grid.Rows.%zu.Cells.%zu.text", k, c);
			if (view_set(ctx->view, key, *mark ? mark : "—") < 0)
				return 500;
		}
		char total[ATTENDANCE_DURATION_BUF], of[ATTENDANCE_DURATION_BUF];
		enum attendance_outcome o;
		int has_outcome = attendance_outcome_of(planned, attended, &o) == 0;
		if (attendance_duration_fr(attended, total, sizeof(total)) != 0 ||
				attendance_duration_fr(planned, of, sizeof(of)) != 0)
			return 500;
		snprintf(key, sizeof(key), "Grid.Rows.%zu", k++);
		if (VIEW_FIELDS(ctx->view, key, { "name", arena_printf(ctx->arena, "%s %s", g[i].last_name,
				g[i].first_name) }, { "total", arena_printf(ctx->arena, "%s sur %s", total, of) },
				{ "outcome", has_outcome && attended > 0 ? attendance_outcome_label_fr(o) : "" }) < 0)
			return 500;
	}
	return 0;
}

/* --- the paper sheets ------------------------------------------------------------------ */

const char *attendance_when_fr(struct arena *a, long long instant)
{
	struct civil_date d;
	int minutes;
	char day[CAL_LONG_FR_BUF], t[SLOT_TIME_FR_BUF];
	slot_utc_to_paris(instant, &d, &minutes);
	if (cal_format_long_fr(d, day, sizeof(day)) != 0 || slot_format_time_fr(minutes, t, sizeof(t)) != 0)
		return "";
	return arena_printf(a, "%s à %s", day, t);
}

/* One half-day's sheet: blank before its certification (the paper to
 * sign), then with each mark: electronic signatures printed, absent rows
 * barred. */
static int sheet_of(struct ctx *ctx, const struct half_day_view *v, const struct registration *g,
		size_t ng, const struct attendance_event *e, size_t ne, struct pdf_sheet *out)
{
	int certified = attendance_half_day_certified(e, ne, v->id);
	struct pdf_sheet_row *rows = arena_calloc(ctx->arena, ng ? ng : 1, sizeof(*rows));
	char from[SLOT_TIME_FR_BUF], to[SLOT_TIME_FR_BUF];
	if (!rows || slot_format_time_fr(v->hd.start_min, from, sizeof(from)) != 0 ||
			slot_format_time_fr(v->hd.end_min, to, sizeof(to)) != 0)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < ng; i++) {
		if (!same(g[i].status, "confirmee"))
			continue;
		long long reg = strtoll(g[i].id, NULL, 10);
		struct attendance_state st;
		attendance_fold(e, ne, reg, v->id, &st);
		struct pdf_sheet_row *row = &rows[k++];
		*row = (struct pdf_sheet_row){ .name = arena_printf(ctx->arena, "%s %s", g[i].first_name,
			g[i].last_name), .organisation = g[i].organisation, .state = PDF_ROW_BLANK,
			.signed_text = "", .note = "" };
		if (!certified)
			continue;
		const struct attendance_event *sig = NULL;
		for (size_t j = 0; j < ne; j++)
			if (e[j].registration_id == reg && same(e[j].half_day_id, v->id) && same(e[j].kind, "signature"))
				sig = &e[j];
		if (st.present && sig && same(sig->method, "papier")) {
			row->state = PDF_ROW_PAPER;
		} else if (st.present && sig) {
			row->state = PDF_ROW_SIGNED;
			row->signed_text = arena_printf(ctx->arena, same(sig->method, "electronique") ?
				"signé électroniquement le %s" : "présence attestée par le formateur le %s",
				attendance_when_fr(ctx->arena, sig->instant));
		} else {
			row->state = PDF_ROW_ABSENT;
		}
		row->note = st.late && st.early ? arena_printf(ctx->arena, "retard %d min, départ %d min avant la fin",
				st.late, st.early) : st.late ? arena_printf(ctx->arena, "arrivé(e) %d min en retard", st.late) :
			st.early ? arena_printf(ctx->arena, "parti(e) %d min avant la fin", st.early) : "";
	}
	const struct attendance_event *cert = NULL;
	for (size_t j = 0; j < ne; j++)
		if (same(e[j].half_day_id, v->id) && same(e[j].kind, "certification"))
			cert = &e[j];
	*out = (struct pdf_sheet){ .course_title = v->s.course_title, .module_label = v->slot.module_label,
		.day_label = arena_printf(ctx->arena, "%s%s%s", v->slot.day_label, *v->slot.day_label ? " – " : "",
			v->hd.kind == HALF_DAY_MORNING ? "matin" : "après-midi"),
		.date = pages_long_date(ctx->arena, v->slot.day),
		.times = arena_printf(ctx->arena, "%s – %s", from, to), .place = v->slot.place_name,
		.room = v->slot.room_name, .trainers = v->slot.trainers,
		.qr_text = arena_printf(ctx->arena, "%s/emargement/%s", ctx->settings->base_url, v->id),
		.certified = certified, .trainer_name = v->slot.trainers,
		.certified_text = cert ? arena_printf(ctx->arena, "certifié le %s par %s",
			attendance_when_fr(ctx->arena, cert->instant), cert->actor) : "",
		.rows = rows, .n_rows = k };
	return 0;
}

static int send_pdf(struct ctx *ctx, const struct pdf_sheet *sheets, size_t n, const char *name)
{
	struct buf *b = &ctx->res->body;
	b->len = 0;
	if (pdf_sheets(b, sheets, n) != 0 || response_header(ctx->res, "Content-Disposition",
			arena_printf(ctx->arena, "attachment; filename=\"%s\"", name)) < 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	ctx->res->content_type = "application/pdf";
	return 0;
}

int page_half_day_sheet(struct ctx *ctx)
{
	struct half_day_view v;
	struct registration *g;
	struct attendance_event *e;
	size_t ng, ne;
	struct pdf_sheet sheet;
	int rc = load(ctx, ctx->req->args[0], &v);
	if (rc)
		return rc;
	if ((rc = store_registrations_of_session(ctx->db, ctx->arena, v.s.id, &g, &ng)) != DB_OK ||
			(rc = store_attendance_events(ctx->db, ctx->arena, v.s.id, &e, &ne)) != DB_OK)
		return handler_db_status(rc);
	if (sheet_of(ctx, &v, g, ng, e, ne, &sheet) != 0)
		return 500;
	return send_pdf(ctx, &sheet, 1, arena_printf(ctx->arena, "emargement-%s.pdf", v.id));
}

/* Every half-day of the session in one file. */
int page_session_sheets(struct ctx *ctx)
{
	struct session s;
	struct slot *slots;
	struct registration *g;
	struct attendance_event *e;
	size_t n, ng, ne, k = 0;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	if ((rc = store_session_slots(ctx->db, ctx->arena, s.id, &slots, &n)) != DB_OK ||
			(rc = store_registrations_of_session(ctx->db, ctx->arena, s.id, &g, &ng)) != DB_OK ||
			(rc = store_attendance_events(ctx->db, ctx->arena, s.id, &e, &ne)) != DB_OK)
		return handler_db_status(rc);
	if (!is_desk(ctx)) {
		int mine = 0;
		for (size_t i = 0; i < n && !mine; i++)
			mine = trainer_of(ctx, &slots[i]);
		if (!mine)
			return 404;
	}
	struct pdf_sheet *sheets = arena_calloc(ctx->arena, 2 * (n ? n : 1), sizeof(*sheets));
	if (!sheets)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct half_day_view hv[2];
		int m = half_days_of(&slots[i], hv);
		for (int j = 0; j < m; j++) {
			hv[j].s = s;
			if (sheet_of(ctx, &hv[j], g, ng, e, ne, &sheets[k++]) != 0)
				return 500;
		}
	}
	if (k == 0)
		return 404;
	return send_pdf(ctx, sheets, k, arena_printf(ctx->arena, "emargement-session-%s.pdf", s.id));
}
