/* A requester's personal data, for admins: what is held for an email, an
 * export of it, and its erasure (RGPD rights of access and erasure). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/requester.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

static const char *email_of(const struct params *p)
{
	const char *e = params_get(p, "email");
	return e && !field_email(e) ? e : NULL;
}

static int data_page(struct ctx *ctx, int status, const char *email)
{
	struct view *v = ctx->view;
	if (view_set(v, "Page.title", "Données d'un demandeur") < 0)
		return 500;
	if (email) {
		struct demand *d;
		size_t n;
		int rc = store_requester_demands(ctx->db, ctx->arena, email, &d, &n);
		if (rc != DB_OK)
			return handler_db_status(rc);
		if (view_set(v, "Email", email) < 0 || view_set_int(v, "Count", (long)n) < 0)
			return 500;
		for (size_t i = 0; i < n; i++)
			if (VIEW_ROW(v, "Demands", i, { "id", d[i].id }, { "reference", d[i].reference },
					{ "received", d[i].received_on }, { "status", d[i].status },
					{ "organisation", d[i].organisation }) < 0)
				return 500;
	}
	return handler_render(ctx, status, "intranet/requester_data.cs");
}

int page_requester_data(struct ctx *ctx)
{
	const char *raw = params_get(&ctx->req->query, "email");
	const char *email = email_of(&ctx->req->query);
	if (raw && *raw && !email && view_set(ctx->view, "Errors.email",
			"Indiquez une adresse électronique valide.") < 0)
		return 500;
	if (raw && view_set(ctx->view, "Form.email", raw) < 0)
		return 500;
	const char *erased = params_get(&ctx->req->query, "efface");
	if (erased && strspn(erased, "0123456789") == strlen(erased) && strlen(erased) < 10 &&
			view_set(ctx->view, "Notice", arena_printf(ctx->arena,
				"Effacement fait : %s demande(s) anonymisée(s).", erased)) < 0)
		return 500;
	return data_page(ctx, raw && *raw && !email ? 422 : 200, email);
}

static int export_demand(struct buf *b, struct ctx *ctx, const struct demand *d)
{
	struct demand_event *ev;
	size_t n;
	int rc = store_demand_events(ctx->db, ctx->arena, d->id, 0, &ev, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (buf_printf(b, "Demande %s\r\n  Reçue le : %s\r\n  État : %s\r\n  Formation : %s\r\n"
			"  Nom : %s\r\n  Prénom : %s\r\n  Courriel : %s\r\n  Téléphone : %s\r\n"
			"  Organisme : %s\r\n  Fonction : %s\r\n  Participants : %s\r\n  Période : %s\r\n"
			"  Lieu : %s\r\n  Besoins liés à un handicap : %s\r\n  Message : %s\r\n  Historique :\r\n",
			d->reference, d->received_on, d->status,
			*d->course_title ? d->course_title : d->custom_title, d->last_name, d->first_name,
			d->email, d->phone, d->organisation, d->job_title, d->participants, d->period,
			d->place, d->accessibility, d->message) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (buf_printf(b, "    %s %s%s%s\r\n", ev[i].at, ev[i].kind, *ev[i].comment ? " : " : "",
				ev[i].comment) < 0)
			return 500;
	return buf_puts(b, "\r\n") < 0 ? 500 : 0;
}

int page_requester_export(struct ctx *ctx)
{
	const char *email = email_of(&ctx->req->query);
	if (!email)
		return 400;
	struct demand *d;
	size_t n;
	int rc = store_requester_demands(ctx->db, ctx->arena, email, &d, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct buf *b = &ctx->res->body;
	b->len = 0;
	if (buf_printf(b, "\xef\xbb\xbf" "Données détenues par l'EGOC pour %s\r\n%zu demande(s)\r\n\r\n",
			email, n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if ((rc = export_demand(b, ctx, &d[i])) != 0)
			return rc;
	(void)store_audit(ctx->db, ctx->login->user_id, email, ctx->req->remote_addr, "data_export",
			arena_printf(ctx->arena, "%zu demande(s), par %s", n, ctx->login->email));
	ctx->res->content_type = "text/plain; charset=utf-8";
	if (response_header(ctx->res, "Content-Disposition",
			"attachment; filename=\"donnees-demandeur.txt\"") < 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	return 0;
}

int page_requester_erase(struct ctx *ctx)
{
	const char *email = email_of(&ctx->req->form);
	const char *confirm = params_get(&ctx->req->form, "confirmation");
	if (!email)
		return 400;
	if (!confirm || strcmp(confirm, "oui") != 0) {
		if (view_set(ctx->view, "Errors.erase", "Cochez la confirmation : l'effacement est "
				"définitif.") < 0 || view_set(ctx->view, "Form.email", email) < 0)
			return 500;
		return data_page(ctx, 422, email);
	}
	long count;
	int rc = store_requester_erase(ctx->db, email, ctx->login->user_id,
			ctx->login->display_name, &count);
	if (rc != DB_OK)
		return handler_db_status(rc);
	(void)store_audit(ctx->db, ctx->login->user_id, "", ctx->req->remote_addr, "data_erasure",
			arena_printf(ctx->arena, "%ld demande(s) anonymisée(s), par %s", count, ctx->login->email));
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/donnees?efface=%ld", count));
}
