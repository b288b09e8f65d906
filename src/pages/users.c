/* Accounts, for admins: list, create, change the role, disable (which
 * ends the account's logins at once) and enable again, mark the référent
 * handicap (who reads and decides the accessibility needs). */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"

#define NAME_MAX_CHARS 120

static int set_user_row(struct view *v, size_t i, const struct staff_user *u)
{
	return VIEW_ROW(v, "Users", i, { "id", u->id }, { "email", u->email },
		{ "name", u->display_name }, { "role", u->role },
		{ "role_label", field_role_label(u->role) }, { "created", u->created_at },
		{ "active", u->active ? "1" : "" }, { "referent", u->referent ? "1" : "" });
}

static int users_page(struct ctx *ctx, int status)
{
	struct staff_user *users;
	size_t n;
	int rc = store_users_list(ctx->db, ctx->arena, &users, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Utilisateurs") < 0 ||
			view_set(ctx->view, "Me", ctx->login->user_id) < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (set_user_row(ctx->view, i, &users[i]) < 0)
			return 500;
	const char *done = params_get(&ctx->req->query, "fait");
	if (done)
		(void)view_set(ctx->view, "Notice", strcmp(done, "referent") == 0 ?
			"C'est enregistré : le référent handicap reçoit désormais les besoins à étudier." :
			strcmp(done, "non-referent") == 0 ?
			"C'est enregistré : ce compte n'est plus référent handicap." :
			"La modification est enregistrée.");
	return handler_render(ctx, status, "intranet/users.cs");
}

int page_users(struct ctx *ctx)
{
	return users_page(ctx, 200);
}

/* Puts each field's message in the view; returns how many are wrong. */
static int check_new_user(struct ctx *ctx, const char *email, const char *name,
		const char *role, const char *password)
{
	static const struct field_rule name_rule = { "nom", FIELD_LINE, 1, NAME_MAX_CHARS, 0 };
	const char *msg[4] = { field_email(email), form_check(ctx, &name_rule, name),
		field_is_role(role) ? NULL : "Choisissez un rôle.", field_password(password) };
	const char *keys[4] = { "Errors.email", "Errors.name", "Errors.role", "Errors.password" };
	int wrong = 0;
	for (int i = 0; i < 4; i++)
		if (msg[i]) {
			wrong++;
			(void)view_set(ctx->view, keys[i], msg[i]);
		}
	return wrong;
}

int page_user_create(struct ctx *ctx)
{
	const struct params *f = &ctx->req->form;
	char *email = arena_trim(ctx->arena, params_get(f, "email"));
	char *name = arena_trim(ctx->arena, params_get(f, "nom"));
	const char *role = params_get(f, "role"), *password = params_get(f, "motdepasse");
	if (!email || !name)
		return 500;
	role = role ? role : "";
	password = password ? password : "";
	field_email_fold(email);
	if (view_set(ctx->view, "Form.email", email) < 0 || view_set(ctx->view, "Form.name", name) < 0 ||
			view_set(ctx->view, "Form.role", role) < 0)
		return 500;
	if (check_new_user(ctx, email, name, role, password))
		return users_page(ctx, 422);
	char hash[256];
	if (auth_hash_password(password, hash, sizeof(hash)) < 0)
		return 500;
	const char *id;
	int rc = store_user_create(ctx->db, ctx->arena, email, name, role, hash, &id);
	if (rc == DB_CONFLICT) {
		(void)view_set(ctx->view, "Errors.email", "Un compte existe déjà avec cette adresse.");
		return users_page(ctx, 422);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	(void)store_audit(ctx->db, ctx->login->user_id, email, ctx->req->remote_addr,
			"account_created", arena_printf(ctx->arena, "rôle %s, par %s", role, ctx->login->email));
	return handler_redirect(ctx, "/intranet/utilisateurs?fait=1");
}

static int refuse_change(struct ctx *ctx, const char *message)
{
	if (view_set(ctx->view, "Errors.change", message) < 0)
		return 500;
	return users_page(ctx, 422);
}

static int confirm_deactivation(struct ctx *ctx, const struct staff_user *u)
{
	const char *what[] = {
		arena_printf(ctx->arena, "%s (%s) ne peut plus se connecter ; ses connexions en cours "
			"sont fermées à l'instant.", u->display_name, u->email),
		"Les demandes qui lui sont confiées gardent son nom : attribuez-les à une autre personne "
			"depuis la liste des demandes (filtre « Responsable »).",
		"Le compte pourra être réactivé ici à tout moment ; rien n'est effacé.",
	};
	const struct confirmation c = { arena_printf(ctx->arena, "Désactiver le compte de %s ?",
		u->display_name), "Désactiver le compte", "/intranet/utilisateurs", "Revenir aux comptes",
		what, sizeof(what) / sizeof(what[0]) };
	return confirm_destructive(ctx, &c);
}

int page_user_change(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	struct staff_user target;
	if (!field_is_id(id))
		return 404;
	int rc = store_user_by_id(ctx->db, ctx->arena, id, &target);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *action = params_get(&ctx->req->form, "action");
	const char *role = params_get(&ctx->req->form, "role");
	int self = strcmp(id, ctx->login->user_id) == 0;
	const char *audit = NULL, *detail = NULL, *done = "1";
	if (action && strcmp(action, "role") == 0) {
		if (!role || !field_is_role(role))
			return refuse_change(ctx, "Choisissez un rôle.");
		if (self && strcmp(role, "admin") != 0)
			return refuse_change(ctx, "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
		rc = store_user_set_role(ctx->db, id, role);
		audit = "account_changed";
		detail = arena_printf(ctx->arena, "rôle %s → %s, par %s", target.role, role, ctx->login->email);
	} else if (action && (strcmp(action, "desactiver") == 0 || strcmp(action, "activer") == 0)) {
		int enable = strcmp(action, "activer") == 0;
		if (self && !enable)
			return refuse_change(ctx, "Vous ne pouvez pas désactiver votre propre compte.");
		if (!enable && (rc = confirm_deactivation(ctx, &target)) != 1)
			return rc;
		rc = store_user_set_active(ctx->db, id, enable);
		audit = enable ? "account_enabled" : "account_disabled";
		detail = arena_printf(ctx->arena, "par %s", ctx->login->email);
	} else if (action && (strcmp(action, "referent") == 0 || strcmp(action, "non-referent") == 0)) {
		int referent = strcmp(action, "referent") == 0;
		rc = store_user_set_referent(ctx->db, id, referent);
		audit = "referent_changed";
		detail = arena_printf(ctx->arena, "référent handicap : %s, par %s", referent ? "oui" : "non",
			ctx->login->email);
		done = action;
	} else {
		return refuse_change(ctx, "Action inconnue.");
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	(void)store_audit(ctx->db, ctx->login->user_id, target.email, ctx->req->remote_addr, audit, detail);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/utilisateurs?fait=%s", done));
}
