/* Closure days, for admins: GET /intranet/fermetures lists the coming
 * ones with a form to add one, POST /intranet/fermetures adds, POST
 * /intranet/fermetures/{date} (action=supprimer) removes.
 *
 * A change here does not rewrite any stored due date: a demand's due date
 * is computed, with the closure days known then, when it arrives and when
 * a pause ends (README.md: "always recomputed from the received date and
 * the recorded pauses"). Rewriting them on every calendar change would
 * move dates already promised to requesters in their acknowledgement; the
 * page says so to the admin. */
#include "pages/pages.h"

#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "rules/fields.h"
#include "store/closures.h"
#include "store/db.h"
#include "view/view.h"
#include "web/request.h"

#define LABEL_MAX_CHARS 200
#define CLOSURES_SHOWN 500

/* Weekends and public holidays are closed already: a closure day there
 * changes no due date. */
static int already_closed(struct civil_date d)
{
	return due_is_non_working_day(d, NULL, 0);
}

static int closures_page(struct ctx *ctx, int status)
{
	char from[CAL_DATE_BUF], text[CAL_LONG_FR_BUF];
	if (cal_format_date(pages_paris_today(), from, sizeof(from)) != 0)
		return 500;
	struct closure *c;
	size_t n;
	int rc = store_closures_from(ctx->db, ctx->arena, from, CLOSURES_SHOWN, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		struct civil_date d;
		if (cal_parse_date(c[i].day, &d) != 0 || cal_format_long_fr(d, text, sizeof(text)) != 0)
			return 500;
		if (VIEW_ROW(ctx->view, "Closures", i, { "day", c[i].day },
				{ "long", arena_strdup(ctx->arena, text) }, { "label", c[i].label },
				{ "closed", already_closed(d) ? "1" : "" }) < 0)
			return 500;
	}
	const char *done = params_get(&ctx->req->query, "fait");
	const char *notice = !done ? NULL :
		strcmp(done, "ajout") == 0 ? "Le jour de fermeture est ajouté." :
		strcmp(done, "suppression") == 0 ? "Le jour de fermeture est supprimé." : NULL;
	if (notice && view_set(ctx->view, "Notice", notice) < 0)
		return 500;
	if (params_get(&ctx->req->query, "deja") && view_set(ctx->view, "AlreadyClosed",
			"Ce jour tombe un samedi, un dimanche ou un jour férié : il était déjà "
			"non ouvré, l'ajout ne change aucune échéance.") < 0)
		return 500;
	if (view_set(ctx->view, "Page.title", "Jours de fermeture") < 0 ||
			view_set(ctx->view, "Today", from) < 0)
		return 500;
	return handler_render(ctx, status, "intranet/closures.cs");
}

int page_closures(struct ctx *ctx)
{
	return closures_page(ctx, 200);
}

/* The French message for a wrong date, or NULL when the day can be added. */
static const char *date_problem(const char *text, struct civil_date *d)
{
	if (!*text)
		return "Indiquez la date du jour de fermeture.";
	if (cal_parse_date(text, d) != 0)
		return "Cette date n'est pas valide : écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-12-24).";
	if (cal_date_compare(*d, pages_paris_today()) < 0)
		return "Cette date est passée : seuls les jours à venir peuvent être ajoutés.";
	return NULL;
}

static int refuse(struct ctx *ctx, const char *key, const char *message)
{
	if (view_set(ctx->view, key, message) < 0)
		return 500;
	return closures_page(ctx, 422);
}

int page_closure_add(struct ctx *ctx)
{
	const char *day = arena_trim(ctx->arena, params_get(&ctx->req->form, "date"));
	const char *label = arena_trim(ctx->arena, params_get(&ctx->req->form, "libelle"));
	if (!day || !label || view_set(ctx->view, "Form.date", day) < 0 ||
			view_set(ctx->view, "Form.label", label) < 0)
		return 500;
	struct civil_date d;
	const char *problem = date_problem(day, &d);
	if (problem)
		return refuse(ctx, "Errors.date", problem);
	static const struct field_rule label_rule = { "libelle", FIELD_LINE, 0, LABEL_MAX_CHARS, 0 };
	if ((problem = form_check(ctx, &label_rule, label)) != NULL)
		return refuse(ctx, "Errors.label", problem);
	int rc = store_closure_add(ctx->db, day, label);
	if (rc == DB_CONFLICT)
		return refuse(ctx, "Errors.date", "Ce jour est déjà un jour de fermeture.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, already_closed(d) ? "/intranet/fermetures?fait=ajout&deja=1" :
		"/intranet/fermetures?fait=ajout");
}

int page_closure_change(struct ctx *ctx)
{
	struct civil_date d;
	if (cal_parse_date(ctx->req->args[0], &d) != 0)
		return 404;
	const char *action = params_get(&ctx->req->form, "action");
	if (!action || strcmp(action, "supprimer") != 0)
		return refuse(ctx, "Errors.change", "Action inconnue.");
	int rc = store_closure_delete(ctx->db, ctx->req->args[0]);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, "/intranet/fermetures?fait=suppression");
}
