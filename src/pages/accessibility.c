/* The référent handicap's tasks (Qualiopi indicator 26):
 *   GET  /intranet/accessibilite        every need: to study by due date, then decided
 *   POST /intranet/accessibilite/{id}   the decision: adaptation planned, or none needed
 * The need itself is health data: only admins and the staff marked référent
 * handicap read it (any other account gets 403, whatever its role), and
 * every reading and decision goes to the audit log. The trainers of the
 * session see the adaptation decided on the session page, not the need. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "store/accessibility.h"
#include "store/accounts.h"
#include "store/db.h"
#include "view/view.h"
#include "web/request.h"

#define DECISION_MAX_CHARS 2000

static int may_read(const struct ctx *ctx)
{
	return strcmp(ctx->login->role, "admin") == 0 || ctx->login->referent;
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static const char *status_label(const char *status)
{
	return same(status, "adaptation_prevue") ? "Adaptation prévue" :
		same(status, "sans_objet") ? "Sans objet" : "À étudier";
}

static const char *source_label(struct ctx *ctx, const struct need *n)
{
	if (same(n->source, "demande"))
		return *n->demand_reference ? arena_printf(ctx->arena, "Sur la demande de formation %s",
			n->demand_reference) : "Sur une demande de formation";
	if (same(n->source, "inscription"))
		return "À l'inscription, par l'équipe formation";
	return "Par le participant, sur sa page";
}

static int set_need_row(struct ctx *ctx, size_t i, const struct need *n, const char *today)
{
	int open = same(n->status, "a_etudier");
	int late = open && strcmp(n->due_on, today) < 0;
	return VIEW_ROW(ctx->view, "Needs", i, { "id", n->id }, { "open", open ? "1" : "" },
		{ "late", late ? "1" : "" }, { "status", n->status },
		{ "status_label", status_label(n->status) },
		{ "person", *n->person ? n->person : "Personne non nommée" },
		{ "course", n->course_title }, { "session_id", n->session_id },
		{ "session_day", *n->session_first_day ?
			pages_long_date(ctx->arena, n->session_first_day) : "" },
		{ "source", source_label(ctx, n) }, { "demand_id", n->demand_id },
		{ "need", n->need }, { "due", pages_long_date(ctx->arena, n->due_on) },
		{ "due_iso", n->due_on }, { "declared", pages_long_date(ctx->arena, n->created_at) },
		{ "decision", n->decision }, { "decided_by", n->decided_by },
		{ "decided_at", *n->decided_at ? pages_long_date(ctx->arena, n->decided_at) : "" });
}

static int needs_page(struct ctx *ctx, int status)
{
	struct need *needs;
	size_t n;
	int rc = store_needs_list(ctx->db, ctx->arena, &needs, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *today = pages_iso_date(ctx->arena, pages_paris_today());
	size_t open = 0;
	for (size_t i = 0; i < n; i++) {
		if (set_need_row(ctx, i, &needs[i], today) < 0)
			return 500;
		open += same(needs[i].status, "a_etudier");
	}
	char count[24], decided[24];
	snprintf(count, sizeof(count), "%zu", open);
	snprintf(decided, sizeof(decided), "%zu", n - open);
	if (view_set(ctx->view, "Page.title", "Besoins liés à un handicap") < 0 ||
			view_set(ctx->view, "OpenCount", count) < 0 ||
			view_set(ctx->view, "DecidedCount", decided) < 0 ||
			(strcmp(ctx->login->role, "formateur") != 0 && view_set(ctx->view, "Desk", "1") < 0))
		return 500;
	(void)store_audit(ctx->db, ctx->login->user_id, ctx->login->email, ctx->req->remote_addr,
		"accessibility_read", arena_printf(ctx->arena, "liste des besoins (%zu à étudier, %zu en tout)",
			open, n));
	return handler_render(ctx, status, "intranet/accessibility.cs");
}

/* The banner after a decision names the person (found again by the id:
 * nothing from the address bar is shown). */
static int set_notice(struct ctx *ctx)
{
	const char *id = params_get(&ctx->req->query, "decision");
	struct need n;
	if (!id || !field_is_id(id))
		return 0;
	int rc = store_need_by_id(ctx->db, ctx->arena, id, &n);
	if (rc == DB_NOT_FOUND || same(n.status, "a_etudier"))
		return 0;
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *who = *n.person ? n.person : "cette personne";
	return view_set(ctx->view, "Notice", same(n.status, "adaptation_prevue") ?
		arena_printf(ctx->arena, "C'est enregistré : une adaptation est prévue pour %s. Les formateurs "
			"de la session la voient sur la page de la session.", who) :
		arena_printf(ctx->arena, "C'est enregistré : le besoin de %s est sans objet.", who)) < 0 ? 500 : 0;
}

int page_accessibility(struct ctx *ctx)
{
	if (!may_read(ctx))
		return 403;
	int rc = set_notice(ctx);
	return rc ? rc : needs_page(ctx, 200);
}

int page_accessibility_decide(struct ctx *ctx)
{
	if (!may_read(ctx))
		return 403;
	const char *id = ctx->req->args[0];
	if (!field_is_id(id))
		return 404;
	struct need n;
	int rc = store_need_by_id(ctx->db, ctx->arena, id, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	static const struct field_rule decision_rule = { "prevu", FIELD_TEXT, 1, DECISION_MAX_CHARS, 0 };
	const char *decision, *problem = form_value(ctx, &decision_rule, &decision);
	const char *status = params_get(&ctx->req->form, "statut");
	if (!decision)
		return 500;
	const char *status_problem = same(status, "adaptation_prevue") || same(status, "sans_objet") ? NULL :
		"Choisissez ce qui est décidé : une adaptation prévue, ou sans objet.";
	if (!*decision)
		problem = same(status, "sans_objet") ? "Dites pourquoi aucune adaptation n'est nécessaire." :
			"Dites ce qui est prévu pour cette personne.";
	if (problem || status_problem) {
		if (view_set(ctx->view, "Form.id", id) < 0 || view_set(ctx->view, "Form.decision", decision) < 0 ||
				view_set(ctx->view, "Form.status", status ? status : "") < 0 ||
				(problem && view_set(ctx->view, "Errors.decision", problem) < 0) ||
				(status_problem && view_set(ctx->view, "Errors.status", status_problem) < 0) ||
				view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena, "La décision pour %s "
					"n'est pas enregistrée : corrigez le formulaire.", *n.person ? n.person :
					"cette personne")) < 0)
			return 500;
		return needs_page(ctx, 422);
	}
	rc = store_need_decide(ctx->db, id, status, decision, ctx->login->display_name);
	if (rc != DB_OK)
		return handler_db_status(rc);
	(void)store_audit(ctx->db, ctx->login->user_id, ctx->login->email, ctx->req->remote_addr,
		"accessibility_decided", arena_printf(ctx->arena, "besoin n° %s : %s%s, par %s", id,
			status_label(status), same(n.status, "a_etudier") ? "" : " (décision modifiée)",
			ctx->login->email));
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/accessibilite?decision=%s#besoin-%s",
		id, id));
}
