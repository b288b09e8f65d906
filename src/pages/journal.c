/* GET /intranet/journal: the audit log (logins, failures, account
 * changes), newest first, for admins. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "store/accounts.h"
#include "store/db.h"
#include "view/view.h"

#define JOURNAL_ROWS 300

static const char *action_label(const char *action)
{
	static const char *const labels[][2] = {
		{ "login", "Connexion" },
		{ "login_failed", "Échec de connexion" },
		{ "login_blocked", "Connexion bloquée (trop de tentatives)" },
		{ "logout", "Déconnexion" },
		{ "account_created", "Compte créé" },
		{ "account_changed", "Compte modifié" },
		{ "account_disabled", "Compte désactivé" },
		{ "account_enabled", "Compte réactivé" },
		{ "password_changed", "Mot de passe changé" },
		{ "data_export", "Export des données d'un demandeur" },
		{ "data_erasure", "Effacement des données d'un demandeur" },
		{ "trainer_created", "Formateur ajouté" },
		{ "trainer_changed", "Formateur modifié" },
		{ "trainer_courses_changed", "Formations d'un formateur modifiées" },
		{ "trainer_feed_renewed", "Lien d'agenda d'un formateur renouvelé" },
		{ "accessibility_read", "Lecture des besoins liés à un handicap" },
		{ "accessibility_decided", "Décision sur un besoin lié à un handicap" },
		{ "referent_changed", "Référent handicap désigné ou retiré" },
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(action, labels[i][0]) == 0)
			return labels[i][1];
	return action;
}

int page_audit_log(struct ctx *ctx)
{
	struct audit_entry *e;
	size_t n;
	int rc = store_audit_list(ctx->db, ctx->arena, JOURNAL_ROWS, &e, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Journal") < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Entries", i, { "at", e[i].at }, { "email", e[i].email },
				{ "ip", e[i].ip }, { "action", action_label(e[i].action) },
				{ "detail", e[i].detail }) < 0)
			return 500;
	return handler_render(ctx, 200, "intranet/journal.cs");
}
