/* Demands in the intranet: the dashboard of open demands by due date, and
 * the demand page with its history and the actions of the state machine
 * (assign, note, question, régime switch, answer, close, no follow-up). */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/demand_state.h"
#include "rules/due_date.h"
#include "rules/session_state.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"

#define DASHBOARD_PAGE (DEMANDS_PLANNED_ROWS - 1)   /* and one more row: is there a next page? */
#define DASHBOARD_SORTED 200
#define COMMENT_MAX 10000

/* Days left and the mark the dashboard shows: late, due today, due soon
 * (the warning thresholds of the régime), or nothing; `today` is
 * computed once by the caller, not once a row. 0, or -1 for a due date or
 * régime that does not parse (then no mark). */
struct due_mark {
	const char *mark, *text;
};
static int due_mark_of(struct ctx *ctx, struct civil_date today, const char *due_iso,
		const char *regime_name, const char *status, struct due_mark *out)
{
	struct civil_date due;
	enum regime regime;
	*out = (struct due_mark){ "", "" };
	if (cal_parse_date(due_iso, &due) != 0 || due_regime_parse(regime_name, &regime) != 0)
		return -1;
	int left = due_date_days_left(today, due);
	enum due_warning w = due_date_warning(regime, left);
	if (strcmp(status, "attente_demandeur") == 0)
		out->text = "Horloge arrêtée (attente du demandeur)";
	else if (w == DUE_WARNING_LATE)
		out->mark = "late", out->text = arena_printf(ctx->arena, "En retard de %d j", -left);
	else if (w == DUE_WARNING_TODAY)
		out->mark = "today", out->text = "Échéance aujourd'hui";
	else if (w != DUE_WARNING_NONE)
		out->mark = "soon", out->text = arena_printf(ctx->arena, "J-%d", left);
	else
		out->text = arena_printf(ctx->arena, "J-%d", left);
	return out->text ? 0 : -2;
}

static int set_due_mark(struct ctx *ctx, const char *list, size_t i, const char *due_iso,
		const char *regime_name, const char *status)
{
	struct due_mark m;
	int rc = due_mark_of(ctx, cal_paris_local_date((int64_t)time(NULL)), due_iso, regime_name,
		status, &m);
	if (rc == -1)
		return 0;
	if (rc != 0)
		return -1;
	return VIEW_ROW(ctx->view, list, i, { "mark", m.mark }, { "left", m.text });
}

/* --- the dashboard -------------------------------------------------------- */

static const char *param(const struct params *q, const char *name, size_t max)
{
	const char *v = params_get(q, name);
	return v && strlen(v) <= max ? v : "";
}

/* The list's filter and order, from the list's own query or from the
 * `liste` a demand page carries to find its previous and next: 0, or 400
 * for a value that no link of the product makes. */
static int demand_filter_read(const struct params *q, struct demand_filter *f)
{
	*f = (struct demand_filter){
		.status = param(q, "statut", 20), .regime = param(q, "regime", 6),
		.assignee = param(q, "responsable", 20), .organisation = param(q, "organisme", 200),
		.course = param(q, "formation", 100), .q = param(q, "q", 200),
		.after_due = param(q, "apres", 10), .after_id = param(q, "id", 18),
		.due = param(q, "echeance", 12), .sort = param(q, "tri", 12),
	};
	static const char *const sorts[] = { "reference", "recue", "organisme", "demandeur",
		"formation", "etat", "responsable" };
	int sort_ok = !*f->sort;
	for (size_t i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++)
		sort_ok = sort_ok || strcmp(f->sort, sorts[i]) == 0;
	struct civil_date check;
	enum demand_state st;
	if (!sort_ok || (*f->after_due && (cal_parse_date(f->after_due, &check) != 0 ||
			!field_is_id(f->after_id))) ||
			(*f->status && demand_state_parse(f->status, &st) != 0) ||
			(*f->due && strcmp(f->due, "retard") != 0 && strcmp(f->due, "aujourdhui") != 0 &&
				strcmp(f->due, "semaine") != 0))
		return 400;
	return 0;
}

/* The filter as a query string, without its order and page. */
static const char *filter_query(struct arena *a, const struct demand_filter *f)
{
	return arena_printf(a, "statut=%s&regime=%s&responsable=%s&organisme=%s&formation=%s&q=%s&echeance=%s",
		arena_url_encode(a, f->status), arena_url_encode(a, f->regime),
		arena_url_encode(a, f->assignee), arena_url_encode(a, f->organisation),
		arena_url_encode(a, f->course), arena_url_encode(a, f->q), arena_url_encode(a, f->due));
}

int page_demands(struct ctx *ctx)
{
	struct demand_filter f;
	if (demand_filter_read(&ctx->req->query, &f) != 0)
		return 400;
	struct demand_row *rows;
	struct staff_member *staff;
	size_t n, n_staff;
	struct choice *courses;
	size_t n_courses;
	/* The list and the filters' choices in one round trip; a sorted list
	 * (its first DASHBOARD_SORTED rows, without pages) is planned for its
	 * order on its own, the choices then go together. */
	struct db_call calls[3];
	size_t n_calls = 0;
	int rc = DB_OK;
	if (*f.sort)
		rc = store_demands_list(ctx->db, ctx->arena, &f, DASHBOARD_SORTED, &rows, &n);
	else
		rc = store_demands_list_call(&calls[n_calls++], ctx->arena, &f, DASHBOARD_PAGE + 1);
	store_assignable_staff_call(&calls[n_calls++]);
	store_course_choices_call(&calls[n_calls++]);
	if (rc == DB_OK)
		rc = db_run_reads(ctx->db, ctx->arena, calls, n_calls);
	if (rc == DB_OK && !*f.sort)
		rc = store_demands_list_read(&calls[0], ctx->arena, DASHBOARD_PAGE + 1, &rows, &n);
	if (rc == DB_OK)
		rc = store_assignable_staff_read(&calls[n_calls - 2], ctx->arena, &staff, &n_staff);
	if (rc == DB_OK)
		rc = store_course_choices_read(&calls[n_calls - 1], ctx->arena, &courses, &n_courses);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct view *v = ctx->view;
	size_t shown = *f.sort ? n : n > DASHBOARD_PAGE ? DASHBOARD_PAGE : n;
	for (size_t i = 0; i < n_courses; i++)
		if (VIEW_ROW(v, "Courses", i, { "id", courses[i].id }, { "name", courses[i].label }) < 0)
			return 500;
	/* One call a row, and at most 11 fields under it: from the 12th,
	 * ClearSilver gives the row a hash table of its own (FORCE_HASH_AT),
	 * which cost more than the rest of the row. The due mark hangs under
	 * "due"; a row whose dates do not parse has no mark. The long dates
	 * of consecutive rows repeat (the list is by due date): formatted once. */
	struct civil_date today = cal_paris_local_date((int64_t)time(NULL));
	const char *due_iso = NULL, *due_text = NULL;
	for (size_t i = 0; i < shown; i++) {
		const struct demand_row *d = &rows[i];
		enum demand_state s;
		struct due_mark m;
		int marked = due_mark_of(ctx, today, d->due_on, d->regime, d->status, &m);
		if (!due_iso || strcmp(due_iso, d->due_on) != 0)
			due_iso = d->due_on, due_text = pages_long_date(ctx->arena, d->due_on);
		if (marked == -2 || demand_state_parse(d->status, &s) != 0)
			return 500;
		int set = marked == 0 ?
			VIEW_ROW(v, "Demands", i, { "id", d->id }, { "reference", d->reference },
				{ "status", demand_state_label_staff(s) }, { "regime", d->regime },
				{ "received", pages_long_date(ctx->arena, d->received_on) },
				{ "due", due_text }, { "due.mark", m.mark }, { "due.left", m.text },
				{ "organisation", d->organisation }, { "name", d->name },
				{ "course", d->course }, { "assignee", d->assignee_name }) :
			VIEW_ROW(v, "Demands", i, { "id", d->id }, { "reference", d->reference },
				{ "status", demand_state_label_staff(s) }, { "regime", d->regime },
				{ "received", pages_long_date(ctx->arena, d->received_on) },
				{ "due", due_text }, { "organisation", d->organisation }, { "name", d->name },
				{ "course", d->course }, { "assignee", d->assignee_name });
		if (set < 0)
			return 500;
	}
	for (size_t i = 0; i < n_staff; i++)
		if (VIEW_ROW(v, "Staff", i, { "id", staff[i].id }, { "name", staff[i].name }) < 0)
			return 500;
	if (!*f.sort && n > DASHBOARD_PAGE && (view_set(v, "Next.due", rows[shown - 1].due_on) < 0 ||
			view_set(v, "Next.id", rows[shown - 1].id) < 0))
		return 500;
	if (view_set(v, "Page.title", "Demandes") < 0 || view_set(v, "Filter.statut", f.status) < 0 ||
			view_set(v, "Filter.regime", f.regime) < 0 || view_set(v, "Filter.responsable", f.assignee) < 0 ||
			view_set(v, "Filter.organisme", f.organisation) < 0 ||
			view_set(v, "Filter.formation", f.course) < 0 || view_set(v, "Filter.q", f.q) < 0 ||
			view_set(v, "Filter.echeance", f.due) < 0 || view_set(v, "Filter.tri", f.sort) < 0 ||
			view_set(v, "Filter.query", filter_query(ctx->arena, &f)) < 0 ||
			view_set(v, "Filter.list", arena_url_encode(ctx->arena, arena_printf(ctx->arena,
				"%s&tri=%s", filter_query(ctx->arena, &f), arena_url_encode(ctx->arena, f.sort)))) < 0 ||
			view_set(v, "Filter.sorted_max", *f.sort && n >= DASHBOARD_SORTED ? "1" : "") < 0 ||
			view_set(v, "Filter.echeance_label", strcmp(f.due, "retard") == 0 ? "en retard" :
				strcmp(f.due, "aujourdhui") == 0 ? "à répondre aujourd'hui" :
				strcmp(f.due, "semaine") == 0 ? "à répondre dans les six jours" : "") < 0 ||
			view_set(v, "Me", ctx->login->user_id) < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/demands.cs");
}

/* --- one demand ------------------------------------------------------------ */

#define LIST_CONTEXT_MAX 1000

static int load(struct ctx *ctx, struct demand *d)
{
	const char *id = ctx->req->args[0];
	if (!field_is_id(id))
		return 404;
	int rc = store_demand_by_id(ctx->db, ctx->arena, id, d);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

/* The list a demand was opened from travels as `liste` (its query string,
 * in the query of a GET and in a hidden field of a POST), so that the page
 * offers the previous and next demand of that list and leads back to it.
 * "" when there is none or it is not one the list would accept. */
static const char *list_context(struct ctx *ctx, struct demand_filter *f)
{
	const char *l = params_get(&ctx->req->query, "liste");
	if (!l)
		l = params_get(&ctx->req->form, "liste");
	struct params q = { 0 };
	const struct params none = { 0 };
	const struct parse_limits lim = { 12, LIST_CONTEXT_MAX };
	if (l && strlen(l) <= LIST_CONTEXT_MAX && field_one_line(l) == NULL &&
			parse_urlencoded(ctx->arena, l, strlen(l), &lim, &q) == PARSE_OK &&
			demand_filter_read(&q, f) == 0)
		return l;
	(void)demand_filter_read(&none, f);
	return "";
}

static const char *demand_href(struct ctx *ctx, const char *id, const char *list, const char *extra)
{
	return arena_printf(ctx->arena, "/intranet/demandes/%s?%s%sliste=%s", id, extra ? extra : "",
		extra ? "&" : "", arena_url_encode(ctx->arena, list));
}

/* The staff actions in the order the page offers them, each with its own
 * form: `faire` opens one (a plain link, so it works without JavaScript). */
struct action_def {
	const char *name;
	enum demand_action action;
	const char *event;
	int public, needs_comment;
	const char *label, *hint;
};

static const struct action_def actions[] = {
	{ "session", DEMAND_ACTION_ANSWER, "reponse", 1, 0, "Répondre avec une session",
		"ses dates sont envoyées au demandeur ; le délai s'arrête" },
	{ "repondre", DEMAND_ACTION_ANSWER, "reponse", 1, 1, "Répondre au demandeur",
		"acceptée, autre solution, refus ou réorientation ; le délai s'arrête" },
	{ "question", DEMAND_ACTION_ASK_QUESTION, "question", 1, 1, "Poser une question au demandeur",
		"le délai est suspendu jusqu'à sa réponse" },
	{ "note", DEMAND_ACTION_NOTE, "note", 0, 1, "Ajouter une note interne",
		"le demandeur ne la voit pas ; le délai continue" },
	{ "assigner", DEMAND_ACTION_ASSIGN, "attribution", 0, 0, "Attribuer à une autre personne", NULL },
	{ "regime", DEMAND_ACTION_SWITCH_REGIME, "regime_1mois", 0, 1, "Passer au régime d'un mois",
		"procédure de marché : l'échéance est recalculée" },
	{ "sans_suite", DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP, "sans_suite", 1, 1, "Classer sans suite",
		"le motif est visible du demandeur sur sa page de suivi" },
	{ "clore", DEMAND_ACTION_CLOSE, "cloture", 0, 0, "Clore la demande",
		"la réponse est faite : la demande quitte les listes de travail" },
};
#define N_ACTIONS (sizeof(actions) / sizeof(actions[0]))

static const struct action_def *action_named(const char *name)
{
	for (size_t i = 0; name && i < N_ACTIONS; i++)
		if (strcmp(actions[i].name, name) == 0)
			return &actions[i];
	return NULL;
}

static int action_offered(const struct demand *d, enum demand_state st, const struct action_def *a)
{
	if (a->action == DEMAND_ACTION_SWITCH_REGIME && strcmp(d->regime, "1mois") == 0)
		return 0;
	return demand_transition(st, a->action, NULL, NULL) == 0;
}

/* The banner after an action, in words from the demand as it is now (so
 * that a link cannot put other words on the page). */
static const char *done_notice(struct ctx *ctx, const struct demand *d, const char *done)
{
	struct arena *a = ctx->arena;
	const char *who = arena_printf(a, "%s %s", d->first_name, d->last_name);
	enum demand_outcome o;
	if (!done)
		return NULL;
	if (strcmp(done, "assigner") == 0)
		return *d->assignee_name ? arena_printf(a, "Demande attribuée à %s.",
			strcmp(d->assignee_id, ctx->login->user_id) == 0 ? "vous" : d->assignee_name) :
			"La demande n'a plus de responsable.";
	if (strcmp(done, "note") == 0)
		return "Note ajoutée à l'historique. Elle reste interne : le demandeur ne la voit pas.";
	if (strcmp(done, "question") == 0)
		return arena_printf(a, "Question envoyée à %s (%s). Le délai est suspendu jusqu'à sa réponse.",
			who, d->email);
	if (strcmp(done, "regime") == 0)
		return arena_printf(a, "La demande passe au régime d'un mois : réponse due le %s.",
			pages_long_date(a, d->due_on));
	if (strcmp(done, "repondre") == 0 || strcmp(done, "session") == 0)
		return arena_printf(a, "%s envoyée à %s (%s)%s. Le délai s'arrête ; la demande pourra être close.",
			strcmp(done, "session") == 0 ? "Proposition de session" : "Réponse", who, d->email,
			demand_outcome_parse(d->outcome, &o) == 0 ? arena_printf(a, ", issue : %s",
				demand_outcome_label_fr(o)) : "");
	if (strcmp(done, "sans_suite") == 0)
		return arena_printf(a, "Demande classée sans suite. %s en voit le motif sur sa page de suivi.", who);
	if (strcmp(done, "clore") == 0)
		return "Demande close : elle quitte les listes de travail.";
	return NULL;
}

static int set_neighbours(struct ctx *ctx, const struct demand *d, const struct demand_filter *f,
		const char *list)
{
	struct demand_neighbours nb;
	int rc = store_demand_neighbours(ctx->db, ctx->arena, f, d->due_on, d->id, DASHBOARD_SORTED, &nb);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const struct demand_row *side[] = { nb.previous, nb.next };
	const char *names[] = { "Previous", "Next" };
	for (size_t i = 0; i < 2; i++)
		if (side[i] && VIEW_ROW(ctx->view, names[i], 0, { "reference", side[i]->reference },
				{ "href", demand_href(ctx, side[i]->id, list, NULL) }) < 0)
			return 500;
	return 0;
}

static int set_actions(struct ctx *ctx, const struct demand *d, enum demand_state st, const char *list,
		const char *open)
{
	size_t k = 0;
	int answer = 0;
	for (size_t i = 0; i < N_ACTIONS; i++) {
		const struct action_def *a = &actions[i];
		if (!action_offered(d, st, a))
			continue;
		answer = answer || a->action == DEMAND_ACTION_ANSWER;
		if (VIEW_ROW(ctx->view, "Actions", k++, { "name", a->name }, { "label", a->label },
				{ "hint", a->hint ? a->hint : "" },
				{ "href", demand_href(ctx, d->id, list, arena_printf(ctx->arena, "faire=%s", a->name)) }) < 0)
			return 500;
	}
	const struct action_def *chosen = action_named(open);
	if (chosen && action_offered(d, st, chosen) && (view_set(ctx->view, "Faire", chosen->name) < 0 ||
			view_set(ctx->view, "FaireLabel", chosen->label) < 0))
		return 500;
	/* the one primary action: take the demand, then answer it */
	int mine = strcmp(d->assignee_id, ctx->login->user_id) == 0;
	if (view_set(ctx->view, "Primary", demand_state_is_open(st) && !mine ? "prendre" :
			answer && !chosen ? "repondre" : "") < 0 ||
			view_set(ctx->view, "Repondre.href", demand_href(ctx, d->id, list, "faire=repondre")) < 0)
		return 500;
	return 0;
}

static int demand_page(struct ctx *ctx, int status, const struct demand *d, const char *open)
{
	struct view *v = ctx->view;
	enum demand_state st;
	enum demand_outcome outcome;
	struct demand_filter f;
	const char *list = list_context(ctx, &f);
	if (demand_state_parse(d->status, &st) != 0)
		return 500;
	if (VIEW_ROW(v, "Demand", 0, { "id", d->id }, { "reference", d->reference },
			{ "status", d->status }, { "status_label", demand_state_label_staff(st) },
			{ "open", demand_state_is_open(st) ? "1" : "" }, { "regime", d->regime },
			{ "kind", strcmp(d->kind, "inter") == 0 ? "INTER" : "INTRA" },
			{ "received", pages_long_date(ctx->arena, d->received_on) },
			{ "due", pages_long_date(ctx->arena, d->due_on) }, { "paused_days", d->paused_days },
			{ "answered", *d->answered_on ? pages_long_date(ctx->arena, d->answered_on) : "" },
			{ "outcome", demand_outcome_parse(d->outcome, &outcome) == 0 ?
				demand_outcome_label_fr(outcome) : "" },
			{ "course", *d->course_title ? d->course_title : d->custom_title },
			{ "course_slug", d->course_slug }, { "custom", *d->custom_title ? "1" : "" },
			{ "name", arena_printf(ctx->arena, "%s %s", d->first_name, d->last_name) },
			{ "email", d->email }, { "phone", d->phone }, { "organisation", d->organisation },
			{ "job_title", d->job_title }, { "participants", d->participants },
			{ "period", d->period }, { "place", d->place },
			/* health data: only admins and the référent handicap read it */
			{ "accessibility", strcmp(ctx->login->role, "admin") == 0 || ctx->login->referent ?
				d->accessibility : "" }, { "accessibility_declared", *d->accessibility ? "1" : "" },
			{ "message", d->message }, { "assignee_id", d->assignee_id },
			{ "assignee", d->assignee_name },
			{ "mine", strcmp(d->assignee_id, ctx->login->user_id) == 0 ? "1" : "" }) < 0 ||
			set_due_mark(ctx, "Due", 0, d->due_on, d->regime, d->status) < 0 ||
			view_set(v, "List.param", list) < 0 ||
			view_set(v, "List.back", arena_printf(ctx->arena, "/intranet/demandes%s%s", *list ? "?" : "", list)) < 0 ||
			view_set(v, "List.self", demand_href(ctx, d->id, list, NULL)) < 0 ||
			view_set(v, "Me", ctx->login->user_id) < 0)
		return 500;
	int rc = mail_failures_fill(ctx, d->id);
	if (rc == 0)
		rc = set_neighbours(ctx, d, &f, list);
	if (rc == 0)
		rc = set_actions(ctx, d, st, list, open);
	if (rc)
		return rc;
	struct demand_event *ev;
	struct staff_member *staff;
	size_t n, n_staff;
	if ((rc = store_demand_events(ctx->db, ctx->arena, d->id, 0, &ev, &n)) == DB_OK)
		rc = store_assignable_staff(ctx->db, ctx->arena, &staff, &n_staff);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* the requester's last word was that the proposed dates do not suit */
	if (n && strcmp(ev[n - 1].kind, "dates_refusees") == 0 &&
			strcmp(d->status, "repondue") == 0 && VIEW_FIELDS(v, "Declined",
				{ "at", pages_long_moment(ctx->arena, ev[n - 1].at) }, { "text", ev[n - 1].comment }) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(v, "Events", i, { "at", pages_long_moment(ctx->arena, ev[i].at) }, { "who", ev[i].actor_name },
				{ "kind", ev[i].kind }, { "comment", ev[i].comment },
				{ "public", ev[i].public ? "1" : "" }) < 0)
			return 500;
	for (size_t i = 0; i < n_staff; i++)
		if (VIEW_ROW(v, "Staff", i, { "id", staff[i].id }, { "name", staff[i].name }) < 0)
			return 500;
	struct session *sessions;
	size_t n_sessions;
	if ((rc = store_sessions_for_demand(ctx->db, ctx->arena, d->id, d->course_slug,
			&sessions, &n_sessions)) != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n_sessions; i++) {
		const struct session *s = &sessions[i];
		enum session_status sst;
		if (session_status_parse(s->status, &sst) != 0)
			return 500;
		if (VIEW_ROW(v, "Sessions", i, { "id", s->id },
				{ "label", arena_printf(ctx->arena, "%s %s%s%s – %s%s",
					strcmp(s->kind, "inter") == 0 ? "INTER" : "INTRA",
					*s->organisation ? s->organisation : "", *s->organisation ? ", " : "",
					*s->first_day ? pages_long_date(ctx->arena, s->first_day) : "sans créneau",
					session_status_label(sst), strcmp(s->demand_id, d->id) == 0 ? " (créée pour cette demande)" : "") },
				{ "mine", strcmp(s->demand_id, d->id) == 0 ? "1" : "" }) < 0)
			return 500;
	}
	const char *notice = status == 200 ? done_notice(ctx, d, params_get(&ctx->req->query, "fait")) : NULL;
	if (view_set(v, "Page.title", arena_printf(ctx->arena, "Demande %s", d->reference)) < 0 ||
			(notice && view_set(v, "Notice", notice) < 0))
		return 500;
	return handler_render(ctx, status, "intranet/demand.cs");
}

int page_demand(struct ctx *ctx)
{
	struct demand d;
	int rc = load(ctx, &d);
	return rc ? rc : demand_page(ctx, 200, &d, params_get(&ctx->req->query, "faire"));
}

/* --- actions --------------------------------------------------------------- */

/* The page again with the action's own form open, what was typed kept,
 * and the error linked to its field (`field`, or none). */
static int refuse_at(struct ctx *ctx, const struct demand *d, const char *field, const char *message,
		const char *comment)
{
	if (view_set(ctx->view, "Errors.action", message) < 0 ||
			view_set(ctx->view, "Errors.field", field ? field : "") < 0 ||
			view_set(ctx->view, "Form.comment", comment ? comment : "") < 0 ||
			view_set(ctx->view, "Form.issue", param(&ctx->req->form, "issue", 12)) < 0 ||
			view_set(ctx->view, "Form.session", param(&ctx->req->form, "session", 18)) < 0)
		return 500;
	return demand_page(ctx, 422, d, params_get(&ctx->req->form, "action"));
}

static int refuse(struct ctx *ctx, const struct demand *d, const char *message, const char *comment)
{
	return refuse_at(ctx, d, "commentaire", message, comment);
}

static const char *tracking_link(struct ctx *ctx, const struct demand *d)
{
	return arena_printf(ctx->arena, "%s/demande/suivi/%s", ctx->settings->base_url, d->tracking_token);
}

static struct outgoing_mail requester_mail(struct ctx *ctx, const struct demand *d,
		const char *what, const char *comment)
{
	return (struct outgoing_mail){ d->email,
		arena_printf(ctx->arena, "Votre demande de formation %s : %s", d->reference, what),
		arena_printf(ctx->arena, "Bonjour %s %s,\n\n%s\n\nSuivre votre demande%s :\n%s\n\n"
			"L'équipe formation de l'EGOC\n02 99 29 82 42 ou 02 99 29 82 43\n",
			d->first_name, d->last_name, comment,
			strcmp(what, "une question") == 0 ? " et nous répondre" : "", tracking_link(ctx, d)),
		strcmp(what, "une question") == 0 ? "question" : "reponse" };
}

/* Records the change and its mails; a demand changed meanwhile comes back
 * with its new state and the typed comment. */
static int apply_change(struct ctx *ctx, const struct demand *d, const struct demand_change *c,
		const struct outgoing_mail *mails, size_t n_mails, const char *comment)
{
	int rc = store_demand_change(ctx->db, c, mails, n_mails);
	if (rc == DB_STALE)
		return refuse_at(ctx, d, NULL, "La demande a changé pendant que vous la consultiez : "
				"vérifiez son état ci-dessous avant de recommencer.", comment);
	if (rc != DB_OK)
		return handler_db_status(rc);
	/* the action is one of the table's (page_demand_action checked it) */
	struct demand_filter f;
	return handler_redirect(ctx, demand_href(ctx, d->id, list_context(ctx, &f),
		arena_printf(ctx->arena, "fait=%s", params_get(&ctx->req->form, "action"))));
}

/* "Répondre avec une session": an accepted answer that links the demand
 * to the session and sends the requester its dates. */
static int answer_with_session(struct ctx *ctx, const struct demand *d, struct demand_change *c,
		const char *comment)
{
	const char *id = params_get(&ctx->req->form, "session");
	struct session s;
	const char *dates;
	if (!field_is_id(id))
		return refuse_at(ctx, d, "session", "Choisissez la session à proposer.", comment);
	int rc = store_session_by_id(ctx->db, ctx->arena, id, &s);
	if (rc == DB_NOT_FOUND)
		return refuse_at(ctx, d, "session", "Cette session n'existe pas.", comment);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (strcmp(s.status, "annulee") == 0 || strcmp(s.status, "realisee") == 0 || !*s.first_day)
		return refuse_at(ctx, d, "session", "Cette session est annulée, réalisée ou n'a pas encore de créneau : "
				"choisissez-en une autre ou ajoutez-lui des dates.", comment);
	if ((rc = session_dates_text(ctx, &s, &dates)) != 0)
		return rc;
	const char *text = arena_printf(ctx->arena, "Nous vous proposons la session « %s »%s%s :\n%s%s%s",
			s.course_title, *s.place_name ? " à " : "", s.place_name, dates,
			*comment ? "\n" : "", comment);
	c->outcome = "acceptee";
	c->answered = 1;
	c->paused = d->paused_since[0] ? "0" : NULL;
	c->session_id = s.id;
	c->comment = text;
	struct outgoing_mail mail = requester_mail(ctx, d, "une session vous est proposée", text);
	return apply_change(ctx, d, c, &mail, 1, comment);
}

static int do_action(struct ctx *ctx, const struct demand *d, const struct action_def *a,
		enum demand_state to, const char *comment)
{
	const struct params *f = &ctx->req->form;
	char due_on[CAL_DATE_BUF];
	struct outgoing_mail mail = { 0 };
	size_t n_mails = 0;
	struct demand_change c = { .demand_id = d->id, .from_status = d->status,
		.to_status = demand_state_name(to), .event_kind = a->event, .comment = comment,
		.public = a->public, .actor_id = ctx->login->user_id,
		.actor_name = ctx->login->display_name };
	int rc;
	switch (a->action) {
	case DEMAND_ACTION_ASSIGN: {
		const char *who = params_get(f, "responsable");
		struct staff_user u;
		if (!who || (*who && (!field_is_id(who) ||
				store_user_by_id(ctx->db, ctx->arena, who, &u) != DB_OK)))
			return refuse_at(ctx, d, "responsable", "Choisissez une personne de l'équipe.", comment);
		/* The list offers only those who may read demands; a forged id
		 * of a trainer or a disabled account is refused here too. */
		if (*who && (!u.active || !field_role_handles_demands(u.role)))
			return refuse_at(ctx, d, "responsable", arena_printf(ctx->arena, "%s ne peut pas suivre de demandes "
				"(compte formateur ou désactivé) : choisissez une autre personne de l'équipe.",
				u.display_name), comment);
		c.assignee_id = who;
		c.comment = *who ? arena_printf(ctx->arena, "Demande attribuée à %s.", u.display_name) :
			"Demande sans responsable.";
		break;
	}
	case DEMAND_ACTION_ASK_QUESTION:
		c.paused = d->paused_since[0] ? NULL : "1";
		mail = requester_mail(ctx, d, "une question", comment);
		n_mails = 1;
		break;
	case DEMAND_ACTION_SWITCH_REGIME:
		if (strcmp(d->regime, "1mois") == 0)
			return refuse(ctx, d, "Cette demande est déjà au régime d'un mois.", comment);
		if ((rc = demand_due_date(ctx, d->received_on, "1mois",
				(int)strtol(d->paused_days, NULL, 10), due_on)) != 0)
			return rc;
		c.regime = "1mois";
		c.due_on = due_on;
		c.comment = arena_printf(ctx->arena, "Passage au régime d'un mois (procédure de marché) : %s", comment);
		break;
	case DEMAND_ACTION_ANSWER: {
		if (strcmp(a->name, "session") == 0)
			return answer_with_session(ctx, d, &c, comment);
		enum demand_outcome outcome;
		const char *o = params_get(f, "issue");
		const char *problem = NULL;
		if (!o || demand_outcome_parse(o, &outcome) != 0)
			return refuse_at(ctx, d, "issue", "Choisissez l'issue de la réponse.", comment);
		if ((problem = demand_outcome_check(outcome, comment)) != NULL)
			return refuse(ctx, d, problem, comment);
		c.outcome = demand_outcome_name(outcome);
		c.answered = 1;
		c.paused = d->paused_since[0] ? "0" : NULL;
		mail = requester_mail(ctx, d, demand_outcome_label_fr(outcome), comment);
		n_mails = 1;
		break;
	}
	default:
		break;
	}
	return apply_change(ctx, d, &c, &mail, n_mails, comment);
}

int page_demand_action(struct ctx *ctx)
{
	struct demand d;
	int rc = load(ctx, &d);
	if (rc)
		return rc;
	const char *name = params_get(&ctx->req->form, "action");
	const char *comment = params_get(&ctx->req->form, "commentaire");
	comment = comment ? comment : "";
	const struct action_def *a = action_named(name);
	if (!a)
		return refuse_at(ctx, &d, NULL, "Action inconnue.", comment);
	static const struct field_rule comment_rule = { "commentaire", FIELD_TEXT, 0, COMMENT_MAX, 0 };
	const char *problem = form_check(ctx, &comment_rule, comment);
	if (problem)
		return refuse(ctx, &d, problem, comment);
	if (a->needs_comment && !*comment)
		return refuse(ctx, &d, a->action == DEMAND_ACTION_SWITCH_REGIME ?
				"Indiquez la raison du passage au régime d'un mois." :
				"Écrivez le texte avant de l'envoyer.", comment);
	enum demand_state from, to;
	const char *refusal = NULL;
	if (demand_state_parse(d.status, &from) != 0)
		return 500;
	if (demand_transition(from, a->action, &to, &refusal) != 0)
		return refuse_at(ctx, &d, NULL, refusal ? refusal : "Action impossible dans cet état.", comment);
	return do_action(ctx, &d, a, to, comment);
}
