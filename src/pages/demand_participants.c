/* "Inscrire vos participants": on the tracking page of a demand answered
 * with a session, the requester names the people who will come, one row
 * per person up to the number they asked for, until registration closes
 * (rules/registration.h); each row is confirmed while seats remain, then
 * waits. They may withdraw someone as long as it is open.
 *   POST /demande/suivi/{token}/participants  action=inscrire | retirer
 * The proposed dates themselves: in the requester's calendar, or "they do
 * not suit us", which tells the conseiller.
 *   GET  /demande/suivi/{token}/dates.ics
 *   POST /demande/suivi/{token}/dates */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/registration.h"
#include "store/convocations.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

#define ROWS_MAX 200

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Open while the session is to come and its closing date not passed. */
struct requester_view {
	struct session s;
	struct registration *g;
	size_t n, active;
	long asked;
	int open;
};

static int load(struct ctx *ctx, const struct demand *d, struct requester_view *v)
{
	memset(v, 0, sizeof(*v));
	if (!*d->session_id)
		return DB_NOT_FOUND;
	int rc = store_session_by_id(ctx->db, ctx->arena, d->session_id, &v->s);
	if (rc == DB_OK)
		rc = store_registrations_of_demand(ctx->db, ctx->arena, d->id, &v->g, &v->n);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < v->n; i++) {
		enum registration_status st;
		if (registration_status_parse(v->g[i].status, &st) == 0 && registration_is_active(st))
			v->active++;
	}
	v->asked = strtol(d->participants, NULL, 10);
	v->open = sessions_registration_open(&v->s);
	return DB_OK;
}

static size_t free_rows(const struct requester_view *v)
{
	long left = v->asked - (long)v->active;
	return left > 0 ? (size_t)(left > ROWS_MAX ? ROWS_MAX : left) : 0;
}

int demand_participants_fill(struct ctx *ctx, const struct demand *d)
{
	struct requester_view v;
	int rc = load(ctx, d, &v);
	if (rc == DB_NOT_FOUND)
		return 0;
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0, k = 0; i < v.n; i++) {
		enum registration_status st;
		if (registration_status_parse(v.g[i].status, &st) != 0)
			continue;
		if (VIEW_ROW(ctx->view, "Named", k++, { "id", v.g[i].id },
				{ "name", arena_printf(ctx->arena, "%s %s", v.g[i].first_name, v.g[i].last_name) },
				{ "email", v.g[i].email }, { "status", v.g[i].status },
				{ "status_label", registration_status_label_fr(st) }, { "rank", v.g[i].waiting_rank },
				{ "active", registration_is_active(st) ? "1" : "" }) < 0)
			return 500;
	}
	if ((rc = session_dates_fill(ctx, &v.s, "Enrol.Dates")) != 0)
		return rc;
	char rows[16];
	snprintf(rows, sizeof(rows), "%zu", free_rows(&v));
	if (VIEW_FIELDS(ctx->view, "Enrol", { "session", "1" }, { "open", v.open ? "1" : "" },
			{ "rows", rows }, { "asked", d->participants },
			{ "first_day", *v.s.first_day ? pages_long_date(ctx->arena, v.s.first_day) : "" },
			{ "closes", *v.s.closes_on ? pages_long_date(ctx->arena, v.s.closes_on) : "" }) < 0)
		return 500;
	const char *named = params_get(&ctx->req->query, "inscrits");
	const char *waiting = params_get(&ctx->req->query, "attente");
	if (named && field_is_id(named) && view_set(ctx->view, "Notice", arena_printf(ctx->arena,
			"%s personne(s) inscrite(s)%s. Chacune reçoit un courriel à son adresse, et vous une copie.",
			named, waiting && field_is_id(waiting) && strcmp(waiting, "0") != 0 ?
				arena_printf(ctx->arena, " ; la session étant complète, %s sur la liste d'attente",
					waiting) : "")) < 0)
		return 500;
	if (params_get(&ctx->req->query, "dates") && view_set(ctx->view, "Notice",
			"Merci : nous savons que ces dates ne vous conviennent pas. Votre conseiller vous "
			"proposera une autre solution.") < 0)
		return 500;
	if (params_get(&ctx->req->query, "retire") && view_set(ctx->view, "Notice",
			"L'inscription est retirée : la place est libérée.") < 0)
		return 500;
	/* the row numbers for the template: Rows.0 .. Rows.k-1, with what was typed */
	for (size_t i = 0; i < free_rows(&v); i++) {
		char key[48];
		snprintf(key, sizeof(key), "Rows.%zu.n", i);
		if (view_set(ctx->view, key, arena_printf(ctx->arena, "%zu", i + 1)) < 0)
			return 500;
	}
	return 0;
}

static int refuse(struct ctx *ctx, const struct demand *d, const char *message)
{
	if (view_set(ctx->view, "Errors.enrol", message) < 0)
		return 500;
	return demand_tracking_render(ctx, 422, d);
}

/* One row of the form: pN_nom, pN_prenom, pN_email, pN_fonction. An
 * empty row is skipped; a row with something must be whole. */
static int read_row(struct ctx *ctx, size_t i, struct person *p, const char *organisation,
		int *empty, const char **error)
{
	const char *n = arena_printf(ctx->arena, "p%zu_", i + 1);
	const char *keys[4];
	for (int k = 0; k < 4; k++)
		keys[k] = arena_printf(ctx->arena, "%s%s", n, (const char *[]){ "nom", "prenom", "email",
			"fonction" }[k]);
	const char *errors[4];
	const struct form_field fields[] = {
		{ { keys[0], FIELD_LINE, 1, REG_NAME_MAX, 0 }, NULL, &p->last_name },
		{ { keys[1], FIELD_LINE, 1, REG_NAME_MAX, 0 }, NULL, &p->first_name },
		{ { keys[2], FIELD_EMAIL, 1, 254, 0 }, NULL, &p->email },
		{ { keys[3], FIELD_LINE, 0, REG_JOB_MAX, 0 }, NULL, &p->job_title },
	};
	if (form_read(ctx, fields, 4, errors) < 0)
		return -1;
	*empty = !*p->last_name && !*p->first_name && !*p->email && !*p->job_title;
	static const char *const what[] = { "le nom", "le prénom", "l'adresse électronique", "la fonction" };
	*error = NULL;
	for (int k = 0; !*empty && !*error && k < 4; k++)
		if (errors[k])
			*error = arena_printf(ctx->arena, "Participant %zu, %s : %s", i + 1, what[k], errors[k]);
	char *email = arena_strdup(ctx->arena, p->email);
	if (!email)
		return -1;
	field_email_fold(email);
	p->email = email;
	p->organisation = organisation;
	for (int k = 0; k < 4; k++) {
		const char *v = k == 0 ? p->last_name : k == 1 ? p->first_name : k == 2 ? p->email : p->job_title;
		if (view_set(ctx->view, arena_printf(ctx->arena, "Rows.%zu.%s", i,
				(const char *[]){ "last_name", "first_name", "email", "job_title" }[k]), v) < 0)
			return -1;
	}
	return 0;
}

static int enrol(struct ctx *ctx, const struct demand *d, const struct requester_view *v)
{
	size_t rows = free_rows(v);
	struct person *people = arena_calloc(ctx->arena, rows ? rows : 1, sizeof(*people));
	const char *problem = NULL;
	size_t n = 0;
	if (!people)
		return 500;
	for (size_t i = 0; i < rows; i++) {
		int empty;
		const char *error;
		if (read_row(ctx, i, &people[n], d->organisation, &empty, &error) < 0)
			return 500;
		if (empty)
			continue;
		for (size_t k = 0; !error && k < n; k++)
			if (strcmp(people[k].email, people[n].email) == 0)
				error = arena_printf(ctx->arena, "Participant %zu : cette adresse est déjà sur une "
					"autre ligne.", i + 1);
		if (error && !problem)
			problem = error;
		n++;
	}
	if (problem)
		return refuse(ctx, d, arena_printf(ctx->arena, "Personne n'est encore inscrit : %s", problem));
	if (n == 0)
		return refuse(ctx, d, "Indiquez au moins une personne : son nom, son prénom et son adresse "
			"électronique.");
	const char *actor = arena_printf(ctx->arena, "%s %s (demandeur)", d->first_name, d->last_name);
	struct registration g;
	size_t waiting = 0, k = 0;
	int rc = db_begin(ctx->db);
	for (; rc == DB_OK && k < n; k++) {
		rc = store_register(ctx->db, ctx->arena, v->s.id, &people[k], "confirmee", d->id, actor, &g);
		if (rc == DB_OK)
			rc = registration_tell(ctx, &v->s, &g);
		waiting += rc == DB_OK && same(g.status, "attente");
	}
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc == DB_CONFLICT)
		return refuse(ctx, d, arena_printf(ctx->arena, "Personne n'est encore inscrit : %s %s est "
			"déjà inscrit(e) à cette session.", people[k - 1].first_name, people[k - 1].last_name));
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s?inscrits=%zu&attente=%zu#participants",
		d->tracking_token, n, waiting));
}

static int withdraw(struct ctx *ctx, const struct demand *d, const struct requester_view *v)
{
	const char *id = params_get(&ctx->req->form, "inscription");
	const struct registration *g = NULL;
	for (size_t i = 0; id && i < v->n; i++)
		if (strcmp(v->g[i].id, id) == 0)
			g = &v->g[i];
	enum registration_status st, to;
	const char *refusal, *now, *promoted;
	if (!g || registration_status_parse(g->status, &st) != 0)
		return refuse(ctx, d, "Cette personne n'est pas inscrite par cette demande.");
	int t = registration_transition(st, REG_ACT_CANCEL, &to, &refusal);
	/* staff may have moved the person to another session of the course */
	struct session s;
	if (store_session_by_id(ctx->db, ctx->arena, g->session_id, &s) != DB_OK)
		return refuse(ctx, d, "Cette inscription n'existe plus.");
	if (t == 1)
		return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s#participants",
			d->tracking_token));
	if (t < 0)
		return refuse(ctx, d, refusal);
	int rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_registration_set_status(ctx->db, ctx->arena, g, "annulee", "annulation",
			arena_printf(ctx->arena, "%s %s (demandeur)", d->first_name, d->last_name),
			"Retiré(e) par le demandeur", &now);
	if (rc == DB_OK && *g->convocation_at)
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id, CONVOCATION_CANCEL,
			NULL, NULL, NULL);
	if (rc == DB_OK && same(g->status, "confirmee"))
		rc = registration_fill_seat(ctx, &s, "Place libérée par le demandeur", &promoted);
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc != DB_OK && rc != DB_STALE)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s?retire=1#participants",
		d->tracking_token));
}

int page_demand_participants(struct ctx *ctx)
{
	struct demand d;
	int rc = demand_by_tracking(ctx, &d);
	if (rc)
		return rc;
	struct requester_view v;
	rc = load(ctx, &d, &v);
	if (rc == DB_NOT_FOUND)
		return refuse(ctx, &d, "Cette demande n'a pas encore de session : vous pourrez inscrire vos "
			"participants quand nous vous l'aurons proposée.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (!v.open)
		return refuse(ctx, &d, "Les inscriptions sont closes pour cette session : écrivez-nous pour "
			"toute modification.");
	const char *action = params_get(&ctx->req->form, "action");
	if (same(action, "inscrire"))
		return enrol(ctx, &d, &v);
	if (same(action, "retirer"))
		return withdraw(ctx, &d, &v);
	return refuse(ctx, &d, "Action inconnue.");
}

/* --- the proposed dates ------------------------------------------------------------------ */

int page_demand_dates_ics(struct ctx *ctx)
{
	struct demand d;
	struct slot *slots;
	size_t n;
	int rc = demand_by_tracking(ctx, &d);
	if (rc)
		return rc;
	if (!*d.session_id)
		return 404;
	if ((rc = store_session_slots(ctx->db, ctx->arena, d.session_id, &slots, &n)) != DB_OK)
		return handler_db_status(rc);
	if ((rc = sessions_feed_answer(ctx, arena_printf(ctx->arena, "Formation EGOC – %s", d.reference),
			slots, n, 0)) != 0)
		return rc;
	/* a private page's dates: no shared cache keeps them */
	return response_header(ctx->res, "Cache-Control", "no-store") < 0 ? 500 : 0;
}

static int refuse_dates(struct ctx *ctx, const struct demand *d, const char *message)
{
	if (view_set(ctx->view, "Errors.dates", message) < 0)
		return 500;
	return demand_tracking_render(ctx, 422, d);
}

/* "Ces dates ne nous conviennent pas": a public event on the demand and a
 * mail to whoever follows it, so that another solution is looked for; the
 * answer already given keeps its date (the commitment was kept). */
int page_demand_dates_decline(struct ctx *ctx)
{
	static const struct field_rule why_rule = { "message", FIELD_TEXT, 0, 2000, 0 };
	struct demand d;
	struct requester_view v;
	int rc = demand_by_tracking(ctx, &d);
	if (rc)
		return rc;
	if ((rc = load(ctx, &d, &v)) == DB_NOT_FOUND)
		return refuse_dates(ctx, &d, "Cette demande n'a pas encore de dates proposées.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *why = arena_trim(ctx->arena, params_get(&ctx->req->form, "message"));
	const char *problem = why ? form_check(ctx, &why_rule, why) : NULL;
	if (!why || problem) {
		(void)view_set(ctx->view, "Form.decline", why ? why : "");
		return refuse_dates(ctx, &d, problem ? problem : "Votre message n'a pas pu être lu.");
	}
	if (!same(d.status, "repondue") || !v.open)
		return refuse_dates(ctx, &d, "Ces dates ne peuvent plus être changées d'ici : appelez-nous au "
			"02 99 29 82 42 ou 02 99 29 82 43.");
	const char *text = arena_printf(ctx->arena, "Les dates proposées ne conviennent pas au demandeur%s%s",
		*why ? " : " : ".", why);
	struct demand_change c = { .demand_id = d.id, .from_status = d.status, .to_status = d.status,
		.event_kind = "dates_refusees", .public = 1, .actor_name = "Demandeur", .comment = text };
	const struct outgoing_mail notice = { *d.assignee_email ? d.assignee_email : ctx->settings->mail_egoc,
		arena_printf(ctx->arena, "%s : les dates proposées ne conviennent pas", d.reference),
		arena_printf(ctx->arena, "%s %s (%s) indique que les dates proposées pour la demande %s ne "
			"conviennent pas.\n\n%s\n\nProposer une autre solution :\n%s/intranet/demandes/%s\n",
			d.first_name, d.last_name, d.organisation, d.reference, *why ? why : "(sans message)",
			ctx->settings->base_url, d.id), "notice" };
	rc = store_demand_change(ctx->db, &c, &notice, notice.subject && notice.body ? 1 : 0);
	if (rc != DB_OK && rc != DB_STALE)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/demande/suivi/%s?dates=non#dates",
		d.tracking_token));
}
