/* Mails that could not be delivered, for the training desk:
 *   GET  /intranet/courriers        the failed mails, newest first
 *   POST /intranet/courriers/{id}   send one again (action=renvoyer)
 * A mail fails for good when the relay refuses its address (5xx), when it
 * cannot be written, or after OUTBOX_ATTEMPTS_MAX attempts; `formations
 * mail` then leaves it, and it waits here. Sending again makes sense once
 * the cause is mended (a relay fixed, an address corrected). */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "rules/fields.h"
#include "store/db.h"
#include "store/outbox.h"
#include "view/view.h"
#include "web/request.h"

#define FAILURES_SHOWN 200

/* What a mail was, in words, from its kind in the outbox. */
static const char *kind_label(const char *kind)
{
	static const char *const labels[][2] = {
		{ "accuse", "Accusé de réception au demandeur" },
		{ "nouvelle", "Avis de nouvelle demande à l'EGOC" },
		{ "notice", "Avis au responsable de la demande" },
		{ "question", "Question au demandeur" },
		{ "reponse", "Réponse au demandeur" },
		{ "rappel", "Rappel d'échéance" },
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(kind, labels[i][0]) == 0)
			return labels[i][1];
	return "Courriel";
}

/* The failed mails of demand_id (NULL: all) as Failures.N for a template. */
int mail_failures_fill(struct ctx *ctx, const char *demand_id)
{
	struct outbox_failure *f;
	size_t n;
	int rc = store_outbox_failures(ctx->db, ctx->arena, demand_id, FAILURES_SHOWN, &f, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Failures", i, { "id", f[i].id },
				{ "on", pages_long_date(ctx->arena, f[i].failed_on) },
				{ "time", arena_printf(ctx->arena, "%.2s h %.2s", f[i].failed_time,
					f[i].failed_time + 3) },
				{ "to", f[i].to_address }, { "subject", f[i].subject },
				{ "kind", kind_label(f[i].kind) },
				{ "attempts", arena_printf(ctx->arena, "%d", f[i].attempts) },
				{ "error", f[i].last_error }, { "demand_id", f[i].demand_id },
				{ "reference", f[i].reference }) < 0)
			return 500;
	return 0;
}

static int failures_page(struct ctx *ctx, int status)
{
	int rc = mail_failures_fill(ctx, NULL);
	if (rc)
		return rc;
	const char *again = params_get(&ctx->req->query, "renvoye");
	if (again && field_email(again) == NULL && view_set(ctx->view, "Notice",
			arena_printf(ctx->arena, "Le courriel à %s est remis dans la file d'envoi : "
				"il part dans les minutes qui viennent.", again)) < 0)
		return 500;
	if (view_set(ctx->view, "Page.title", "Courriels non remis") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/mail_failures.cs");
}

int page_mail_failures(struct ctx *ctx)
{
	return failures_page(ctx, 200);
}

int page_mail_retry(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	const char *action = params_get(&ctx->req->form, "action");
	if (!field_is_id(id))
		return 404;
	if (!action || strcmp(action, "renvoyer") != 0) {
		if (view_set(ctx->view, "Errors.change", "Action inconnue.") < 0)
			return 500;
		return failures_page(ctx, 422);
	}
	const char *to;
	int rc = store_outbox_retry(ctx->db, ctx->arena, id, &to);
	if (rc == DB_NOT_FOUND) {
		if (view_set(ctx->view, "Errors.change", "Ce courriel n'est plus dans la liste : il a "
				"déjà été remis dans la file d'envoi.") < 0)
			return 500;
		return failures_page(ctx, 409);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *q = arena_url_encode(ctx->arena, to);
	return handler_redirect(ctx, q ? arena_printf(ctx->arena, "/intranet/courriers?renvoye=%s", q) :
		"/intranet/courriers");
}
