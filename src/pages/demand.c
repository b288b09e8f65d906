/* The requester's side of a demand: the form (GET and POST /demande) and
 * the private tracking page, where a question is answered or the demand
 * cancelled. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/demand_form.h"
#include "rules/demand_state.h"
#include "rules/due_date.h"
#include "rules/fields.h"
#include "rules/richtext.h"
#include "store/accessibility.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

#define CLOSURES_MAX 400

/* --- dates --------------------------------------------------------------- */

/* The due date with the closure days already read. */
static int due_date_with(const char *received_on, const char *regime_name, int paused_days,
		const char **days, size_t n, char out[CAL_DATE_BUF])
{
	struct civil_date received, due;
	enum regime regime;
	if (cal_parse_date(received_on, &received) != 0 || due_regime_parse(regime_name, &regime) != 0)
		return 500;
	struct civil_date closures[CLOSURES_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n && k < CLOSURES_MAX; i++)
		if (cal_parse_date(days[i], &closures[k]) == 0)
			k++;
	if (due_date_compute(received, regime, paused_days, closures, k, &due) != 0 ||
			cal_format_date(due, out, CAL_DATE_BUF) != 0)
		return 500;
	return 0;
}

int demand_due_date(struct ctx *ctx, const char *received_on, const char *regime_name,
		int paused_days, char out[CAL_DATE_BUF])
{
	const char **days;
	size_t n;
	int rc = store_closure_days(ctx->db, ctx->arena, received_on, &days, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return due_date_with(received_on, regime_name, paused_days, days, n, out);
}

#define SUBJECT_PART_CHARS 60

/* --- the form ------------------------------------------------------------- */

static int form_page(struct ctx *ctx, int status, const struct demand_fields *f,
		const struct demand_errors *e, const char *form_token, const char *notice)
{
	int rc = auth_csrf_prepare(ctx);
	if (rc)
		return rc;
	struct view *v = ctx->view;
	char key[64];
#define SET(name, kind, required, max, min) \
	snprintf(key, sizeof(key), "Form.%s", #name); \
	if (f && f->name && view_set(v, key, f->name) < 0) \
		return 500; \
	snprintf(key, sizeof(key), "Errors.%s", #name); \
	if (e && e->name && view_set(v, key, e->name) < 0) \
		return 500;
	DEMAND_FORM_FIELDS(SET)
#undef SET
	if (view_set(v, "Page.title", "Demander une formation") < 0 ||
			view_set(v, "Form.token", form_token) < 0 ||
			(notice && view_set(v, "Errors.summary", notice) < 0))
		return 500;
	/* Without the database the form still comes back, filled in: only the
	 * list of courses is missing, and the chosen one is kept. */
	struct course_filter none = { 0 };
	if ((rc = catalogue_list(ctx, &none, 200)) != 0 && status < 500)
		return rc;
	return handler_render(ctx, status, "public/demand_form.cs");
}

/* "Envoyer une demande" from a session of /sessions: its course, its type
 * and its dates carried into the form, when it is public and still open
 * to registration; any other id is ignored (the plain form). */
static int from_session(struct ctx *ctx, const char *id, struct demand_fields *f)
{
	struct session s;
	struct civil_date last, today = pages_paris_today();
	if (!id || !field_is_id(id))
		return 0;
	int rc = store_session_by_id(ctx->db, ctx->arena, id, &s);
	if (rc == DB_NOT_FOUND)
		return 0;
	if (rc != DB_OK)
		return handler_db_status(rc);
	int public = strcmp(s.status, "confirmee") == 0 && (strcmp(s.kind, "inter") == 0 || *s.public);
	const char *span = pages_span(ctx->arena, s.first_day, s.last_day);
	if (!public || !sessions_registration_open(&s) || !*span ||
			cal_parse_date(s.last_day, &last) != 0 || cal_date_compare(today, last) > 0)
		return 0;
	f->formation = s.course_slug;
	f->type = strcmp(s.kind, "inter") == 0 ? "inter" : "intra";
	f->periode = *s.place_city ? arena_printf(ctx->arena, "La session %s (%s)", span, s.place_city) :
		arena_printf(ctx->arena, "La session %s", span);
	return 0;
}

int page_demand_form(struct ctx *ctx)
{
	struct demand_fields f = { 0 };
	f.formation = params_get(&ctx->req->query, "formation");
	f.type = "intra";
	f.participants = "";
	int rc0 = from_session(ctx, params_get(&ctx->req->query, "session"), &f);
	if (rc0)
		return rc0;
	if (f.formation) {
		const char *title;
		int rc = store_demand_course(ctx->db, ctx->arena, f.formation, &title);
		if (rc == DB_NOT_FOUND)
			f.formation = NULL;
		else if (rc != DB_OK)
			return handler_db_status(rc);
	}
	char token[AUTH_TOKEN_TEXT];
	auth_random_token(token);
	return form_page(ctx, 200, &f, NULL, token, NULL);
}

static int form_token_ok(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	return n == AUTH_TOKEN_TEXT - 1 &&
		strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

static const char *ack_body(struct ctx *ctx, const struct demand_fields *f, const char *course,
		const char *due_long, const char *tracking)
{
	return arena_printf(ctx->arena,
		"Bonjour %s %s,\n\n"
		"Nous avons bien reçu votre demande de formation, enregistrée sous la référence {REF}.\n\n"
		"Formation : %s\n"
		"Type : %s, %s participant(s)\n\n"
		"Nous nous engageons à vous répondre au plus tard le %s.\n\n"
		"Vous pouvez suivre votre demande, répondre à nos questions ou l'annuler à cette adresse :\n"
		"%s/demande/suivi/%s\n\n"
		"Ce lien est personnel : ne le transmettez pas.\n\n"
		"L'équipe formation de l'EGOC\n02 99 29 82 42 ou 02 99 29 82 43\n",
		f->prenom, f->nom, course, strcmp(f->type, "inter") == 0 ? "INTER" : "INTRA",
		f->participants, due_long, ctx->settings->base_url, tracking);
}

static const char *notice_body(struct ctx *ctx, const struct demand_fields *f, const char *course,
		const char *due_long, const char *regime)
{
	return arena_printf(ctx->arena,
		"Nouvelle demande {REF}\n\n"
		"Demandeur : %s %s%s%s, %s\nCourriel : %s\nTéléphone : %s\n\n"
		"Formation : %s\nType : %s, %s participant(s)\nPériode : %s\nLieu : %s\n"
		"Besoins liés à un handicap : %s\n\nMessage :\n%s\n\n"
		"Régime %s : réponse due au plus tard le %s.\n%s/intranet/demandes\n",
		f->prenom, f->nom, *f->fonction ? ", " : "", f->fonction, f->organisme, f->email,
		*f->telephone ? f->telephone : "non indiqué", course,
		strcmp(f->type, "inter") == 0 ? "INTER" : "INTRA", f->participants, f->periode, f->lieu,
		/* health data: the référent handicap reads it in the intranet */
		*f->accessibilite ? "oui, transmis au référent handicap" : "aucun indiqué", f->message,
		regime, due_long,
		ctx->settings->base_url);
}

/* Something went wrong on our side: the form comes back filled in, with a
 * message, so that nothing typed is lost. */
static int try_again(struct ctx *ctx, const struct demand_fields *f, const char *token, int status)
{
	return form_page(ctx, status, f, NULL, token, status == 503 ?
		"Le service est momentanément indisponible et votre demande n'a pas été enregistrée. "
		"Vos informations sont conservées ci-dessous : renvoyez le formulaire dans un instant." :
		"Une erreur nous empêche d'enregistrer votre demande. Vos informations sont conservées "
		"ci-dessous : renvoyez le formulaire dans un instant.");
}

static int create(struct ctx *ctx, const struct demand_fields *f, const char *token,
		const char *course_title, time_t now, const char *received_on,
		const char **closures, size_t n_closures)
{
	char due_on[CAL_DATE_BUF], tracking[AUTH_TOKEN_TEXT];
	const char *regime = strcmp(f->type, "inter") == 0 ? "1mois" : "15j";
	int rc = due_date_with(received_on, regime, 0, closures, n_closures, due_on);
	if (rc)
		return rc;
	auth_random_token(tracking);
	const char *due_long = pages_long_date(ctx->arena, due_on);
	struct demand_new d = { token, tracking, f->formation, f->intitule, f->type, regime, f->nom,
		f->prenom, f->email, f->telephone, f->organisme, f->fonction, f->participants,
		f->periode, f->lieu, f->accessibilite, f->message, (long long)now, received_on, due_on,
		NULL, NULL, NULL, NULL };
	/* A need related to a disability opens the référent's task in the same
	 * statement; its due date counts the closure days already read. */
	char need_due[CAL_DATE_BUF];
	if (*f->accessibilite) {
		if (store_need_due_on(NULL, received_on, closures, n_closures, need_due) != 0 ||
				!(d.need_mail_body = store_need_mail_body(ctx->arena, ctx->settings, "demande",
					need_due, "{NEED}")))
			return 500;
		d.need_due_on = need_due;
		d.need_mail_subject = NEED_MAIL_SUBJECT;
		d.need_mail_to = ctx->settings->mail_egoc;
	}
	/* A subject stays short enough to read in a list of mails (the whole
	 * name of the organisation is in the body). */
	char organisation[SUBJECT_PART_CHARS * 4 + 4];
	richtext_shorten(f->organisme, SUBJECT_PART_CHARS, organisation, sizeof(organisation));
	const struct outgoing_mail mails[] = {
		{ f->email, "Votre demande de formation a bien été reçue",
			ack_body(ctx, f, course_title, due_long, tracking), "accuse" },
		{ ctx->settings->mail_egoc, arena_printf(ctx->arena, "Nouvelle demande de formation : %s",
			organisation), notice_body(ctx, f, course_title, due_long, regime), "nouvelle" },
	};
	if (!mails[0].body || !mails[1].body || !mails[1].subject)
		return 500;
	const char *id;
	rc = store_demand_create(ctx->db, ctx->arena, &d, mails, 2, &id);
	if (rc == DB_CONFLICT) {   /* this form made a demand already */
		const char *existing;
		if (store_demand_by_form(ctx->db, ctx->arena, token, &existing) == DB_OK)
			return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s", existing));
	}
	if (rc != DB_OK)
		return try_again(ctx, f, token, handler_db_status(rc) == 503 ? 503 : 500);
	log_line("demand %s created", id);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s?envoyee=1", tracking));
}

int page_demand_submit(struct ctx *ctx)
{
	const struct params *p = &ctx->req->form;
	struct demand_fields f;
#define READ(name, kind, required, max, min) \
	if (!(f.name = arena_trim(ctx->arena, params_get(p, #name)))) \
		return 500;
	DEMAND_FORM_FIELDS(READ)
#undef READ
	const char *token = params_get(p, "jeton");
	if (!form_token_ok(token))
		return 400;
	/* The same form sent again (double click, back and resend) is caught
	 * by the insert itself (the form token is unique) and leads to the
	 * demand it made: no lookup on the way of every submission. */
	int rc;
	struct demand_errors e;
	int wrong = demand_form_check(&f, &e);
	static const char *const fix = "Certains champs sont à corriger : rien n'a été envoyé. "
		"Vos informations sont conservées.";
	/* A form wrong whatever the catalogue says comes back without a
	 * round trip (and even while PostgreSQL is away). */
	if (wrong && (e.formation || !*f.formation))
		return form_page(ctx, 422, &f, &e, token, fix);
	const char *course = NULL, **closures;
	size_t n_closures;
	time_t now = time(NULL);
	char received_on[CAL_DATE_BUF];
	if (cal_format_date(cal_paris_local_date((int64_t)now), received_on, sizeof(received_on)) != 0)
		return 500;
	rc = store_demand_context(ctx->db, ctx->arena, f.formation, received_on,
			&course, &closures, &n_closures);
	if (rc != DB_OK)
		return try_again(ctx, &f, token, handler_db_status(rc));
	if (!e.formation && *f.formation && !course) {
		e.formation = "Cette formation n'est pas au catalogue : choisissez-en une autre.";
		wrong++;
	}
	if (wrong)
		return form_page(ctx, 422, &f, &e, token, fix);
	return create(ctx, &f, token, *f.formation ? course : f.intitule, now, received_on,
			closures, n_closures);
}

/* --- the tracking page ---------------------------------------------------- */

int demand_by_tracking(struct ctx *ctx, struct demand *d)
{
	const char *token = ctx->req->args[0];
	if (!form_token_ok(token))
		return 404;
	int rc = store_demand_by_tracking(ctx->db, ctx->arena, token, d);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

static int set_demand_view(struct ctx *ctx, const struct demand *d, int public_only)
{
	enum demand_state st;
	struct view *v = ctx->view;
	if (demand_state_parse(d->status, &st) != 0)
		return 500;
	if (VIEW_ROW(v, "Demand", 0, { "reference", d->reference }, { "status", d->status },
			{ "status_label", public_only ? demand_state_label_public(st) : demand_state_label_staff(st) },
			{ "received", pages_long_date(ctx->arena, d->received_on) },
			{ "due", pages_long_date(ctx->arena, d->due_on) }, { "due_iso", d->due_on },
			{ "regime", d->regime }, { "kind", strcmp(d->kind, "inter") == 0 ? "INTER" : "INTRA" },
			{ "course", *d->course_title ? d->course_title : d->custom_title },
			{ "course_slug", d->course_slug }, { "organisation", d->organisation },
			{ "participants", d->participants }, { "open", demand_state_is_open(st) ? "1" : "" },
			{ "answered", *d->answered_on ? pages_long_date(ctx->arena, d->answered_on) : "" },
			{ "token", d->tracking_token }) < 0)
		return 500;
	struct demand_event *ev;
	size_t n;
	int rc = store_demand_events(ctx->db, ctx->arena, d->id, public_only, &ev, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(v, "Events", i, { "at", pages_long_moment(ctx->arena, ev[i].at) }, { "kind", ev[i].kind },
				{ "who", ev[i].actor_name }, { "comment", ev[i].comment },
				{ "public", ev[i].public ? "1" : "" }) < 0)
			return 500;
	return 0;
}

int demand_tracking_render(struct ctx *ctx, int status, const struct demand *d)
{
	int rc = auth_csrf_prepare(ctx);
	if (rc == 0)
		rc = set_demand_view(ctx, d, 1);
	if (rc == 0)
		rc = demand_participants_fill(ctx, d);
	if (rc)
		return rc;
	if (response_header(ctx->res, "X-Robots-Tag", "noindex") < 0 ||
			view_set(ctx->view, "Page.title", d->reference) < 0)
		return 500;
	return handler_render(ctx, status, "public/tracking.cs");
}

int page_demand_tracking(struct ctx *ctx)
{
	struct demand d;
	int rc = demand_by_tracking(ctx, &d);
	if (rc)
		return rc;
	if (params_get(&ctx->req->query, "fait"))
		(void)view_set(ctx->view, "Notice", "C'est enregistré. Merci.");
	/* just sent: the confirmation page, while nothing has happened yet */
	if (params_get(&ctx->req->query, "envoyee") && strcmp(d.status, "recue") == 0 &&
			VIEW_FIELDS(ctx->view, "Sent", { "email", d.email }, { "period", d.period },
				{ "place", d.place }, { "message", d.message },
				{ "accessibility", *d.accessibility ? "1" : "" }, { "phone", d.phone },
				{ "organisation", d.organisation }) < 0)
		return 500;
	return demand_tracking_render(ctx, 200, &d);
}

/* Whole days of the pause that ends now: they move the due date. */
static int paused_whole_days(const struct demand *d)
{
	long seconds = strtol(d->paused_seconds, NULL, 10);
	return seconds > 0 ? (int)(seconds / 86400) : 0;
}

static int requester_action(struct ctx *ctx, enum demand_action action)
{
	struct demand d;
	int rc = demand_by_tracking(ctx, &d);
	if (rc)
		return rc;
	enum demand_state from, to;
	const char *refusal = NULL;
	if (demand_state_parse(d.status, &from) != 0)
		return 500;
	const char *message = arena_trim(ctx->arena, params_get(&ctx->req->form, "message"));
	if (!message)
		return 500;
	static const struct field_rule message_rule = { "message", FIELD_TEXT, 0, 5000, 0 };
	const char *problem = form_check(ctx, &message_rule, message);
	if (demand_transition(from, action, &to, &refusal) != 0 ||
			(action == DEMAND_ACTION_REQUESTER_REPLY && !*message) || problem) {
		(void)view_set(ctx->view, "Form.message", message);
		(void)view_set(ctx->view, "Errors.action", refusal ? refusal : problem ? problem :
			"Écrivez votre réponse avant de l'envoyer.");
		return demand_tracking_render(ctx, 422, &d);
	}
	char due_on[CAL_DATE_BUF], paused[16];
	struct demand_change c = { .demand_id = d.id, .from_status = d.status,
		.to_status = demand_state_name(to), .public = 1, .actor_name = "Demandeur" };
	if (action == DEMAND_ACTION_REQUESTER_REPLY) {
		int days = (int)strtol(d.paused_days, NULL, 10) + paused_whole_days(&d);
		snprintf(paused, sizeof(paused), "%d", days);
		if ((rc = demand_due_date(ctx, d.received_on, d.regime, days, due_on)) != 0)
			return rc;
		c.event_kind = "reponse_demandeur";
		c.comment = message;
		c.due_on = due_on;
		c.paused_days = paused;
		c.paused = "0";
	} else {
		c.event_kind = "annulation";
		c.comment = *message ? message : "Demande annulée par le demandeur.";
		c.paused = "0";
	}
	const struct outgoing_mail notice = { *d.assignee_email ? d.assignee_email : ctx->settings->mail_egoc,
		arena_printf(ctx->arena, "%s : %s", d.reference, action == DEMAND_ACTION_REQUESTER_REPLY ?
			"réponse du demandeur" : "demande annulée par le demandeur"),
		arena_printf(ctx->arena, "%s %s (%s) a %s la demande %s.\n\n%s\n\n%s/intranet/demandes/%s\n",
			d.first_name, d.last_name, d.organisation,
			action == DEMAND_ACTION_REQUESTER_REPLY ? "répondu sur" : "annulé", d.reference, message,
			ctx->settings->base_url, d.id), "notice" };
	rc = store_demand_change(ctx->db, &c, &notice, notice.subject && notice.body ? 1 : 0);
	if (rc == DB_STALE)
		return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s", d.tracking_token));
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s?fait=1", d.tracking_token));
}

int page_demand_reply(struct ctx *ctx)
{
	return requester_action(ctx, DEMAND_ACTION_REQUESTER_REPLY);
}

int page_demand_cancel(struct ctx *ctx)
{
	return requester_action(ctx, DEMAND_ACTION_REQUESTER_CANCEL);
}
