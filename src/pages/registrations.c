/* Registrations of a session, for the training desk:
 *   POST /intranet/sessions/{id}/inscriptions   add one person, or paste a list
 *   POST /intranet/inscriptions/{id}            cancel, confirm, move, rank, excuse
 *   GET  /intranet/sessions/{id}/inscriptions.csv
 * and the list on the session page (registrations_fill), which a trainer
 * of the session sees too, without the actions.
 *
 * Every change runs in one transaction with the mails it sends: the
 * convocation of a confirmed person in a confirmed session, the notice of
 * a place on the waiting list, the cancellation, the convocation of the
 * first person waiting when a seat frees up. PostgreSQL places each
 * registration (store/registrations.h): the page only says what happened. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/csv.h"
#include "pages/form.h"
#include "rules/fields.h"
#include "rules/registration.h"
#include "store/accessibility.h"
#include "store/accounts.h"
#include "store/convocations.h"
#include "store/db.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

#define PARTICIPANTS_FOUND_MAX 20
#define LIST_TEXT_MAX 60000

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static const char *status_label(const char *code)
{
	enum registration_status st;
	return registration_status_parse(code, &st) == 0 ? registration_status_label_fr(st) : code;
}

/* "Chercher une personne déjà connue": ?personne=Lef lists the people
 * whose name starts so, each with a button that registers them (plain
 * forms: no JavaScript needed). */
static int found_people(struct ctx *ctx)
{
	static const struct field_rule rule = { "personne", FIELD_LINE, 0, REG_NAME_MAX, 0 };
	const char *q = arena_trim(ctx->arena, params_get(&ctx->req->query, "personne"));
	char msg[160];
	if (!q)
		return 500;
	if (!*q || field_check(&rule, q, msg, sizeof(msg)))
		return 0;
	struct person *p;
	const char **ids;
	size_t n;
	int rc = store_participants_find(ctx->db, ctx->arena, q, PARTICIPANTS_FOUND_MAX, &p, &ids, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Search.q", q) < 0 || view_set(ctx->view, "Search.done", "1") < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Found", i, { "id", ids[i] }, { "last_name", p[i].last_name },
				{ "first_name", p[i].first_name }, { "email", p[i].email },
				{ "organisation", p[i].organisation }, { "job_title", p[i].job_title }) < 0)
			return 500;
	return 0;
}

int registrations_fill(struct ctx *ctx, const struct session *s, int desk)
{
	struct registration *g;
	size_t n;
	int rc = store_registrations_of_session(ctx->db, ctx->arena, s->id, &g, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	size_t confirmed = 0, waiting = 0, others = 0;
	for (size_t i = 0; i < n; i++) {
		const char *list = same(g[i].status, "confirmee") ? "Registrations" :
			same(g[i].status, "attente") ? "Waiting" : "FormerRegistrations";
		size_t *k = same(g[i].status, "confirmee") ? &confirmed :
			same(g[i].status, "attente") ? &waiting : &others;
		if (VIEW_ROW(ctx->view, list, (*k)++, { "id", g[i].id }, { "status", g[i].status },
				{ "status_label", status_label(g[i].status) }, { "rank", g[i].waiting_rank },
				{ "name", arena_printf(ctx->arena, "%s %s", g[i].first_name, g[i].last_name) },
				{ "sort_name", arena_printf(ctx->arena, "%s %s", g[i].last_name, g[i].first_name) },
				{ "email", desk ? g[i].email : "" }, { "organisation", g[i].organisation },
				{ "job_title", g[i].job_title },
				{ "convocation", *g[i].convocation_at ?
					pages_long_date(ctx->arena, g[i].convocation_at) : "" },
				{ "adaptation", g[i].adaptation }, { "reason", g[i].reason },
				{ "changed", g[i].changed_at }, { "by", g[i].changed_by },
				{ "requester", *g[i].requester_email ? "1" : "" }) < 0)
			return 500;
	}
	if (desk && (rc = found_people(ctx)) != 0)
		return rc;
	char count[64];
	snprintf(count, sizeof(count), "%zu", waiting);
	if (view_set(ctx->view, "RegistrationCount.waiting", count) < 0)
		return 500;
	/* the sessions a registration may move to: the same course, still to come */
	if (desk) {
		struct session *to;
		size_t n_to;
		if ((rc = store_sessions_of_course_open(ctx->db, ctx->arena, s->course_id, &to, &n_to)) != DB_OK)
			return handler_db_status(rc);
		size_t k = 0;
		for (size_t i = 0; i < n_to; i++)
			if (!same(to[i].id, s->id) && VIEW_ROW(ctx->view, "MoveTo", k++, { "id", to[i].id },
					{ "label", arena_printf(ctx->arena, "%s%s%s (%s/%s inscrits)",
						*to[i].first_day ? pages_long_date(ctx->arena, to[i].first_day) : "sans date",
						*to[i].place_city ? ", " : "", to[i].place_city, to[i].registered,
						to[i].max_participants) }) < 0)
				return 500;
	}
	return 0;
}

/* --- adding ----------------------------------------------------------------------- */

static const char *actor(struct ctx *ctx)
{
	return ctx->login->display_name;
}

/* The mail a new registration gets: its convocation when it has a seat in
 * a confirmed session, the notice of its rank when it waits. */
int registration_tell(struct ctx *ctx, const struct session *s, const struct registration *g)
{
	if (same(g->status, "confirmee") && same(s->status, "confirmee"))
		return store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id,
			CONVOCATION_INVITE, NULL, NULL, NULL);
	if (same(g->status, "attente"))
		return store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id,
			CONVOCATION_WAITING, NULL, NULL, NULL);
	return DB_OK;
}

static int session_closed_to_changes(const struct session *s)
{
	return same(s->status, "annulee") || same(s->status, "realisee");
}

/* One person from the add form, declared with the rules of its fields. */
static int read_person(struct ctx *ctx, struct person *p, const char **need)
{
	const struct form_field fields[] = {
		{ { "nom", FIELD_LINE, 1, REG_NAME_MAX, 0 }, "Errors.last_name", &p->last_name },
		{ { "prenom", FIELD_LINE, 1, REG_NAME_MAX, 0 }, "Errors.first_name", &p->first_name },
		{ { "email", FIELD_EMAIL, 1, 254, 0 }, "Errors.email", &p->email },
		{ { "fonction", FIELD_LINE, 0, REG_JOB_MAX, 0 }, "Errors.job_title", &p->job_title },
		{ { "organisme", FIELD_LINE, 0, REG_ORGANISATION_MAX, 0 }, "Errors.organisation",
			&p->organisation },
		{ { "besoin", FIELD_TEXT, 0, 2000, 0 }, "Errors.need", need },
	};
	int wrong = form_read(ctx, fields, sizeof(fields) / sizeof(fields[0]), NULL);
	if (wrong < 0)
		return -1;
	char *email = arena_strdup(ctx->arena, p->email);
	if (!email)
		return -1;
	field_email_fold(email);
	p->email = email;
	if (VIEW_FIELDS(ctx->view, "AddForm", { "last_name", p->last_name },
			{ "first_name", p->first_name }, { "email", p->email }, { "job_title", p->job_title },
			{ "organisation", p->organisation }, { "need", *need }) < 0)
		return -1;
	return wrong;
}

static const char *registered_notice(struct ctx *ctx, const struct session *s,
		const struct registration *g)
{
	const char *who = arena_printf(ctx->arena, "%s %s", g->first_name, g->last_name);
	if (same(g->status, "attente"))
		return arena_printf(ctx->arena, "La session est complète : %s est sur la liste d'attente, au "
			"rang %s, et en est prévenu(e) par courriel.", who, g->waiting_rank);
	if (same(s->status, "confirmee"))
		return arena_printf(ctx->arena, "%s est inscrit(e) : sa convocation part par courriel, avec "
			"l'invitation pour son agenda.", who);
	return arena_printf(ctx->arena, "%s est inscrit(e). La convocation partira quand la session "
		"sera confirmée.", who);
}

static int add_one(struct ctx *ctx, const struct session *s)
{
	struct person p;
	const char *need;
	int wrong = read_person(ctx, &p, &need);
	if (wrong < 0)
		return 500;
	if (wrong)
		return session_page_render(ctx, 422, s, "Errors.add",
			"La personne n'est pas inscrite : corrigez les champs signalés.");
	struct registration g;
	int rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_register(ctx->db, ctx->arena, s->id, &p, "confirmee", NULL, actor(ctx), &g);
	if (rc == DB_OK)
		rc = registration_tell(ctx, s, &g);
	if (rc == DB_OK && *need)
		rc = store_need_open(ctx->db, ctx->arena, ctx->settings, "inscription", NULL, g.id, need,
			s->first_day);
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc == DB_CONFLICT)
		return session_page_render(ctx, 422, s, "Errors.add", arena_printf(ctx->arena,
			"%s %s est déjà inscrit(e) à cette session : rien n'a changé.", p.first_name, p.last_name));
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s?inscription=%s#inscrits",
		s->id, g.id));
}

/* The pasted list comes back, each line with its own message; nothing
 * is saved while one line is wrong. */
static int list_refused(struct ctx *ctx, const struct session *s, const char *text,
		const struct pasted_list *l, const char *message)
{
	for (size_t i = 0, k = 0; i < l->n; i++)
		if (l->people[i].error_fr && VIEW_ROW(ctx->view, "ListErrors", k++,
				{ "line", arena_printf(ctx->arena, "%d", l->people[i].line) },
				{ "raw", l->people[i].raw }, { "error", l->people[i].error_fr }) < 0)
			return 500;
	if (view_set(ctx->view, "ListForm.text", text) < 0)
		return 500;
	return session_page_render(ctx, 422, s, "Errors.list", message);
}

static int add_list(struct ctx *ctx, const struct session *s)
{
	const char *text = arena_trim(ctx->arena, params_get(&ctx->req->form, "liste"));
	static const struct field_rule rule = { "liste", FIELD_TEXT, 1, LIST_TEXT_MAX, 0 };
	if (!text)
		return 500;
	struct pasted_list l = { 0 };
	const char *problem = form_check(ctx, &rule, text);
	if (problem) {
		if (view_set(ctx->view, "ListForm.text", text) < 0)
			return 500;
		return session_page_render(ctx, 422, s, "Errors.list", problem);
	}
	int rc = registration_parse_list(ctx->arena, text, strlen(text), &l);
	if (rc < 0)
		return 500;
	if (rc == 1)
		return list_refused(ctx, s, text, &l, l.error_fr);
	if (l.n_wrong)
		return list_refused(ctx, s, text, &l, arena_printf(ctx->arena, "Rien n'est enregistré : "
			"%zu ligne(s) sur %zu sont à corriger. Les autres sont gardées telles quelles ci-dessous.",
			l.n_wrong, l.n));
	struct registration *done = arena_calloc(ctx->arena, l.n ? l.n : 1, sizeof(*done));
	if (!done)
		return 500;
	size_t k = 0;
	rc = db_begin(ctx->db);
	for (; rc == DB_OK && k < l.n; k++) {
		const struct pasted_person *pp = &l.people[k];
		struct person p = { pp->last_name, pp->first_name, pp->email, pp->organisation, pp->job_title };
		rc = store_register(ctx->db, ctx->arena, s->id, &p, "confirmee", NULL, actor(ctx), &done[k]);
		if (rc == DB_OK)
			rc = registration_tell(ctx, s, &done[k]);
	}
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc == DB_CONFLICT) {
		l.people[k - 1].error_fr = "Cette personne est déjà inscrite à la session.";
		l.n_wrong = 1;
		return list_refused(ctx, s, text, &l, "Rien n'est enregistré : une personne de la liste "
			"est déjà inscrite à la session.");
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	size_t waiting = 0;
	for (size_t i = 0; i < l.n; i++)
		waiting += same(done[i].status, "attente");
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/sessions/%s?liste=%zu&attente=%zu#inscrits", s->id, l.n, waiting));
}

int page_registrations_add(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	if (session_closed_to_changes(&s))
		return session_page_render(ctx, 422, &s, "Errors.add",
			"Cette session est annulée ou réalisée : on n'y inscrit plus personne.");
	const char *action = params_get(&ctx->req->form, "action");
	if (same(action, "ajouter"))
		return add_one(ctx, &s);
	if (same(action, "coller"))
		return add_list(ctx, &s);
	return session_page_render(ctx, 422, &s, "Errors.add", "Action inconnue.");
}

/* --- changing one ------------------------------------------------------------------ */

/* A banner that names what happened travels in the redirect, signed with
 * the site's key: a link made elsewhere cannot put words on this page. */
static const char *notice_mac(struct ctx *ctx, const char *text)
{
	unsigned char mac[crypto_auth_BYTES];
	char *hex = arena_alloc(ctx->arena, 2 * crypto_auth_BYTES + 1);
	if (!hex)
		return NULL;
	crypto_auth(mac, (const unsigned char *)text, strlen(text), ctx->site_key);
	return sodium_bin2hex(hex, 2 * crypto_auth_BYTES + 1, mac, sizeof(mac));
}

static int redirect_with_notice(struct ctx *ctx, const char *path, const char *notice,
		const char *anchor)
{
	const char *mac = notice ? notice_mac(ctx, notice) : NULL;
	const char *text = notice ? arena_url_encode(ctx->arena, notice) : NULL;
	if (!path || !mac || !text)
		return path ? handler_redirect(ctx, path) : 500;
	return handler_redirect(ctx, arena_printf(ctx->arena, "%s?info=%s&sceau=%s#%s", path, text, mac,
		anchor));
}

/* After a confirmed person left: the first of the waiting list takes the
 * seat and gets their convocation (in a confirmed session). *promoted is
 * their name, or NULL when nobody waited. */
int registration_fill_seat(struct ctx *ctx, const struct session *s, const char *by,
		const char **promoted)
{
	struct registration p;
	*promoted = NULL;
	int rc = store_registration_promote(ctx->db, ctx->arena, s->id, by, &p);
	if (rc == DB_NOT_FOUND)
		return DB_OK;
	if (rc == DB_OK && same(s->status, "confirmee"))
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, p.id,
			CONVOCATION_PROMOTED, NULL, NULL, NULL);
	if (rc == DB_OK)
		*promoted = arena_printf(ctx->arena, "%s %s", p.first_name, p.last_name);
	return rc;
}

static int finish(struct ctx *ctx, int rc)
{
	if (rc == DB_OK)
		return db_commit(ctx->db);
	db_rollback(ctx->db);
	return rc;
}

/* Asks before a cancellation that will happen (1: confirmed, go on); one
 * that cancel() will refuse (a wrong state or reason) goes straight to
 * its message. */
static int confirm_cancel(struct ctx *ctx, const struct session *s, const struct registration *g)
{
	enum registration_status from, to;
	const char *refusal;
	char msg[160];
	const char *reason = arena_trim(ctx->arena, params_get(&ctx->req->form, "raison"));
	if (registration_status_parse(g->status, &from) != 0 ||
			registration_transition(from, REG_ACT_CANCEL, &to, &refusal) != 0 ||
			(reason && registration_reason_check(reason, msg, sizeof(msg))))
		return 1;
	const char *what[] = {
		arena_printf(ctx->arena, "%s %s n'est plus inscrit%s à la session du %s%s%s.", g->first_name,
			g->last_name, "(e)", pages_span(ctx->arena, s->first_day, s->last_day),
			reason && *reason ? ", motif : " : "", reason ? reason : ""),
		*g->convocation_at ? "Un courriel le ou la prévient, et les dates quittent son agenda." :
			"Aucune convocation n'avait été envoyée : personne n'est prévenu par courriel.",
		same(g->status, "confirmee") && strtol(s->waiting, NULL, 10) > 0 ?
			"La première personne de la liste d'attente prend la place et reçoit sa convocation." : NULL,
	};
	const struct confirmation c = { "Annuler cette inscription ?", "Annuler l'inscription",
		arena_printf(ctx->arena, "/intranet/sessions/%s#inscrits", s->id), "Revenir à la session",
		what, sizeof(what) / sizeof(what[0]) };
	return confirm_destructive(ctx, &c);
}

static int cancel(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char *by, const char **notice)
{
	enum registration_status from, to;
	const char *refusal;
	if (registration_status_parse(g->status, &from) != 0)
		return DB_FAILED;
	int t = registration_transition(from, REG_ACT_CANCEL, &to, &refusal);
	if (t != 0) {
		*notice = refusal;
		return t > 0 ? DB_OK : DB_CONFLICT;
	}
	char msg[160];
	const char *reason = arena_trim(ctx->arena, params_get(&ctx->req->form, "raison"));
	const char *problem = reason ? registration_reason_check(reason, msg, sizeof(msg)) : NULL;
	if (problem) {
		*notice = arena_strdup(ctx->arena, problem);
		return DB_CONFLICT;
	}
	const char *now, *promoted = NULL;
	int rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_registration_set_status(ctx->db, ctx->arena, g, "annulee", "annulation", by,
			reason, &now);
	if (rc == DB_OK && *g->convocation_at)
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id,
			CONVOCATION_CANCEL, NULL, NULL, NULL);
	if (rc == DB_OK && same(g->status, "confirmee"))
		rc = registration_fill_seat(ctx, s, actor(ctx), &promoted);
	rc = finish(ctx, rc);
	if (rc == DB_OK)
		*notice = arena_printf(ctx->arena, "L'inscription de %s %s est annulée%s.%s%s%s",
			g->first_name, g->last_name, *g->convocation_at ? " et son agenda prévenu" : "",
			promoted ? " " : "", promoted ? promoted : "",
			promoted ? " quitte la liste d'attente et reçoit sa convocation." : "");
	return rc;
}

static int confirm(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char **notice)
{
	enum registration_status from, to;
	const char *refusal, *now;
	if (registration_status_parse(g->status, &from) != 0)
		return DB_FAILED;
	int t = registration_transition(from, REG_ACT_CONFIRM, &to, &refusal);
	if (t != 0) {
		*notice = refusal;
		return t > 0 ? DB_OK : DB_CONFLICT;
	}
	int rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_registration_set_status(ctx->db, ctx->arena, g, "confirmee", "confirmation",
			actor(ctx), "", &now);
	if (rc == DB_OK && !same(now, "confirmee"))
		rc = DB_CONFLICT;   /* the trigger found no seat: nothing changes */
	if (rc == DB_OK && same(s->status, "confirmee"))
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id,
			CONVOCATION_INVITE, NULL, NULL, NULL);
	rc = finish(ctx, rc);
	*notice = rc == DB_OK ? arena_printf(ctx->arena, "%s %s est confirmé(e)%s.", g->first_name,
		g->last_name, same(s->status, "confirmee") ? " et reçoit sa convocation" : "") :
		"La session est complète : annulez d'abord une inscription confirmée.";
	return rc;
}

static int rank(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char **notice)
{
	struct registration *all;
	size_t n;
	int rc = store_registrations_of_session(ctx->db, ctx->arena, s->id, &all, &n);
	if (rc != DB_OK)
		return rc;
	long long *ids = arena_calloc(ctx->arena, n ? n : 1, sizeof(*ids));
	if (!ids)
		return DB_FAILED;
	struct waitlist w = { ids, 0, n };
	for (size_t i = 0; i < n; i++)
		if (same(all[i].status, "attente"))
			ids[w.n++] = strtoll(all[i].id, NULL, 10);
	long long id = strtoll(g->id, NULL, 10);
	const char *how = params_get(&ctx->req->form, "rang");
	int t = same(how, "monter") ? waitlist_move_up(&w, id) : same(how, "descendre") ?
		waitlist_move_down(&w, id) : how && field_is_id(how) ?
		waitlist_move_to(&w, id, strtoul(how, NULL, 10)) : -1;
	if (t < 0) {
		*notice = "Ce rang n'existe pas dans la liste d'attente.";
		return DB_CONFLICT;
	}
	if (t == 0) {
		rc = db_begin(ctx->db);
		if (rc == DB_OK)
			rc = store_waiting_list_set(ctx->db, s->id, ids, w.n, actor(ctx));
		rc = finish(ctx, rc);
	}
	*notice = arena_printf(ctx->arena, "%s %s est au rang %zu de la liste d'attente.", g->first_name,
		g->last_name, waitlist_rank(&w, id));
	return rc;
}

static int move(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char **notice)
{
	const char *to_id = params_get(&ctx->req->form, "session");
	struct session to;
	enum registration_status from, st;
	const char *refusal, *now, *promoted = NULL;
	if (registration_status_parse(g->status, &from) != 0)
		return DB_FAILED;
	if (registration_transition(from, REG_ACT_MOVE, &st, &refusal) != 0) {
		*notice = refusal;
		return DB_CONFLICT;
	}
	if (!field_is_id(to_id) || store_session_by_id(ctx->db, ctx->arena, to_id, &to) != DB_OK ||
			!same(to.course_id, s->course_id) || same(to.id, s->id) ||
			session_closed_to_changes(&to)) {
		*notice = "Choisissez une autre session à venir de la même formation.";
		return DB_CONFLICT;
	}
	/* a convoked person's calendar drops the old session's slots (their
	 * CANCEL, read before the move), then gets the new session's */
	int rc = db_begin(ctx->db);
	if (rc == DB_OK && *g->convocation_at)
		rc = store_convocation_queue(ctx->db, ctx->arena, ctx->settings, g->id,
			CONVOCATION_CANCEL, NULL, NULL, NULL);
	if (rc == DB_OK)
		rc = store_registration_move(ctx->db, ctx->arena, g, to.id, actor(ctx), &now);
	if (rc == DB_OK) {
		struct registration moved = *g;
		moved.status = now;
		moved.session_id = to.id;
		rc = registration_tell(ctx, &to, &moved);
	}
	if (rc == DB_OK && same(g->status, "confirmee"))
		rc = registration_fill_seat(ctx, s, actor(ctx), &promoted);
	rc = finish(ctx, rc);
	if (rc == DB_CONFLICT)
		*notice = "Cette personne est déjà inscrite à l'autre session.";
	else if (rc == DB_OK)
		*notice = arena_printf(ctx->arena, "%s %s passe à la session du %s%s.%s%s%s", g->first_name,
			g->last_name, pages_long_date(ctx->arena, to.first_day),
			same(now, "attente") ? ", sur sa liste d'attente" : "", promoted ? " " : "",
			promoted ? promoted : "", promoted ? " prend la place libérée ici." : "");
	return rc;
}

int page_registration_change(struct ctx *ctx)
{
	struct registration g;
	struct session s;
	if (!field_is_id(ctx->req->args[0]))
		return 404;
	int rc = store_registration_by_id(ctx->db, ctx->arena, ctx->req->args[0], &g);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = session_load(ctx, g.session_id, &s)) != 0)
		return rc;
	const char *action = params_get(&ctx->req->form, "action"), *notice = NULL;
	if (same(action, "annuler") && (rc = confirm_cancel(ctx, &s, &g)) != 1)
		return rc;
	if (same(action, "annuler"))
		rc = cancel(ctx, &s, &g, actor(ctx), &notice);
	else if (same(action, "confirmer"))
		rc = confirm(ctx, &s, &g, &notice);
	else if (same(action, "rang"))
		rc = rank(ctx, &s, &g, &notice);
	else if (same(action, "deplacer"))
		rc = move(ctx, &s, &g, &notice);
	else
		rc = DB_CONFLICT, notice = "Action inconnue.";
	if (rc == DB_CONFLICT || rc == DB_STALE)
		return session_page_render(ctx, rc == DB_STALE ? 409 : 422, &s, "Errors.registrations",
			rc == DB_STALE ? "Cette inscription vient de changer : vérifiez la liste avant de "
				"recommencer." : notice);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return redirect_with_notice(ctx, arena_printf(ctx->arena, "/intranet/sessions/%s", s.id),
		notice, "inscrits");
}

/* --- export -------------------------------------------------------------------------- */

int page_registrations_export(struct ctx *ctx)
{
	struct session s;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	struct registration *g;
	size_t n;
	if ((rc = store_registrations_of_session(ctx->db, ctx->arena, s.id, &g, &n)) != DB_OK)
		return handler_db_status(rc);
	struct buf *b = &ctx->res->body;
	b->len = 0;
	static const char *const head[] = { "Nom", "Prénom", "Adresse électronique", "Organisme",
		"Fonction", "Statut", "Rang d'attente", "Convocation envoyée le", "Dernier changement",
		"Par", "Motif" };
	if (csv_bom(b) < 0 || csv_row(b, head, sizeof(head) / sizeof(head[0])) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char *row[] = { g[i].last_name, g[i].first_name, g[i].email, g[i].organisation,
			g[i].job_title, status_label(g[i].status), g[i].waiting_rank, g[i].convocation_at,
			g[i].changed_at, g[i].changed_by, g[i].reason };
		if (csv_row(b, row, sizeof(row) / sizeof(row[0])) < 0)
			return 500;
	}
	ctx->res->content_type = "text/csv; charset=utf-8";
	if (response_header(ctx->res, "Content-Disposition", arena_printf(ctx->arena,
			"attachment; filename=\"inscrits-session-%s.csv\"", s.id)) < 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	return 0;
}

/* The banner after a change, named by what happened (the session page
 * reads ?inscription=, ?liste= and ?attente=; other changes carry their
 * words in ?info=). */
int registrations_notice(struct ctx *ctx, const struct session *here)
{
	const struct params *q = &ctx->req->query;
	const char *id = params_get(q, "inscription"), *count = params_get(q, "liste");
	const char *info = params_get(q, "info");
	if (id && field_is_id(id)) {
		struct registration g;
		struct session s;
		/* only a registration of this session: the banner names no one else */
		if (store_registration_by_id(ctx->db, ctx->arena, id, &g) == DB_OK &&
				same(g.session_id, here->id) &&
				store_session_by_id(ctx->db, ctx->arena, g.session_id, &s) == DB_OK)
			return view_set(ctx->view, "Notice", registered_notice(ctx, &s, &g)) < 0 ? 500 : 0;
	}
	if (count && field_is_id(count)) {
		const char *waiting = params_get(q, "attente");
		long w = waiting && field_is_id(waiting) ? strtol(waiting, NULL, 10) : 0;
		return view_set(ctx->view, "Notice", arena_printf(ctx->arena, "%s personne(s) inscrite(s)%s. "
			"Chacune est prévenue par courriel.", count, w ? arena_printf(ctx->arena,
				", dont %ld sur la liste d'attente (la session est complète)", w) : "")) < 0 ? 500 : 0;
	}
	const char *mac = params_get(q, "sceau"), *want = info ? notice_mac(ctx, info) : NULL;
	if (info && mac && want && strlen(mac) == strlen(want) &&
			sodium_memcmp(mac, want, strlen(want)) == 0 && field_one_line(info) == NULL)
		return view_set(ctx->view, "Notice", info) < 0 ? 500 : 0;
	return 0;
}
