/* Staff logins: the form, the password check with its brute-force limits,
 * and the logout. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/settings.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

#define LOGIN_FIELD_MAX 1024

static const char *return_target(const struct ctx *ctx, const struct params *p)
{
	const char *r = params_get(p, "retour");
	return r && field_return_target(r) ? r : NULL;
}

/* The form, with the email typed so far and one message for the page. */
static int login_form(struct ctx *ctx, int status, const char *email, const char *message,
		const char *retour)
{
	int rc = auth_csrf_prepare(ctx);
	if (rc)
		return rc;
	if (view_set(ctx->view, "Page.title", "Connexion à l'intranet") < 0 ||
			(email && view_set(ctx->view, "Form.email", email) < 0) ||
			(message && view_set(ctx->view, "Form.error", message) < 0) ||
			(retour && view_set(ctx->view, "Form.retour", retour) < 0))
		return 500;
	if (ctx->login == NULL && params_get(&ctx->req->query, "fin"))
		(void)view_set(ctx->view, "Form.notice", "Vous êtes déconnecté(e).");
	return handler_render(ctx, status, "intranet/login.cs");
}

int page_login_form(struct ctx *ctx)
{
	return login_form(ctx, 200, NULL, NULL, return_target(ctx, &ctx->req->query));
}


static int too_many_attempts(struct ctx *ctx, const char *email, const char *retour, long retry,
		int by_address)
{
	char *seconds = arena_printf(ctx->arena, "%ld", retry);
	(void)store_audit(ctx->db, NULL, email, ctx->req->remote_addr, "login_blocked",
			by_address ? "trop d'échecs depuis cette adresse" : "");
	int rc = login_form(ctx, 429, email, by_address ?
			"Trop de tentatives de connexion depuis votre réseau. Réessayez dans quelques minutes." :
			"Trop de tentatives de connexion. Réessayez dans quelques minutes.", retour);
	if (rc == 0 && (!seconds || response_header(ctx->res, "Retry-After", seconds) < 0))
		return 500;
	return rc;
}

/* The brute-force limits, decided before any password is checked; 1 and
 * the seconds to wait when the attempt is refused. An address alone never
 * refuses the right password of an account under its own limit (a NAT or
 * proxy is everyone's address), up to a flood (login_failures_ip_max);
 * but from an address over login_failures_ip, an email's failures from
 * there count double: fewer guesses per account from it, and no worker
 * ever sleeps for it. */
static int over_limits(const struct settings *s, const struct login_failures *f, long *retry,
		int *by_address)
{
	*by_address = f->by_ip >= s->login_failures_ip_max;
	if (*by_address) {
		*retry = f->retry_ip;
		return 1;
	}
	long counted = f->by_email + (f->by_ip >= s->login_failures_ip ? f->by_email_here : 0);
	*retry = f->retry_email;
	return counted >= s->login_failures_email;
}

static int wrong_credentials(struct ctx *ctx, const char *email, const char *retour)
{
	if (store_login_failure_add(ctx->db, email, ctx->req->remote_addr) != DB_OK)
		log_line("login: could not count a failure");
	(void)store_audit(ctx->db, NULL, email, ctx->req->remote_addr, "login_failed", "");
	return login_form(ctx, 422, email, "Adresse électronique ou mot de passe incorrect.", retour);
}

/* Wrong email and wrong password take the same path and the same time:
 * an unknown email is checked against a hash of a random password. */
static int check_password(struct ctx *ctx, const char *email, const char *password,
		struct staff_user *user)
{
	int rc = store_user_by_email(ctx->db, ctx->arena, email, user);
	if (rc != DB_OK && rc != DB_NOT_FOUND)
		return rc;
	const char *hash = rc == DB_OK ? user->password_hash : ctx->dummy_hash;
	int ok = auth_verify_password(hash, password);
	return rc == DB_OK && ok && user->active ? DB_OK : DB_NOT_FOUND;
}

int page_login(struct ctx *ctx)
{
	const struct params *f = &ctx->req->form;
	/* A space typed or pasted around the address is not part of it. */
	const char *email_in = arena_trim(ctx->arena, params_get(f, "email"));
	const char *password = params_get(f, "motdepasse");
	const char *retour = return_target(ctx, f);
	if (!email_in)
		return 500;
	if (!*email_in || !password || !*password)
		return login_form(ctx, 422, email_in, "Indiquez votre adresse électronique et votre "
				"mot de passe.", retour);
	if (strlen(email_in) > LOGIN_FIELD_MAX || strlen(password) > LOGIN_FIELD_MAX)
		return login_form(ctx, 422, strlen(email_in) > LOGIN_FIELD_MAX ? NULL : email_in,
				"L'adresse ou le mot de passe est trop long (1 024 caractères au plus).", retour);
	char *email = arena_strdup(ctx->arena, email_in);
	field_email_fold(email);
	struct login_failures failures;
	long retry;
	int by_address;
	int rc = email ? store_login_failures(ctx->db, ctx->arena, email, ctx->req->remote_addr,
			ctx->settings->login_window, &failures) : DB_FAILED;
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (over_limits(ctx->settings, &failures, &retry, &by_address))
		return too_many_attempts(ctx, email_in, retour, retry, by_address);
	struct staff_user user;
	rc = check_password(ctx, email, password, &user);
	if (rc == DB_NOT_FOUND)
		return wrong_credentials(ctx, email, retour);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = auth_open_login(ctx, user.id)) != 0)
		return rc;
	(void)store_login_failures_clear(ctx->db, email);
	(void)store_audit(ctx->db, user.id, email, ctx->req->remote_addr, "login", "");
	return handler_redirect(ctx, retour ? retour : "/intranet");
}

int page_logout(struct ctx *ctx)
{
	int rc = auth_close_login(ctx);
	if (rc)
		return rc;
	(void)store_audit(ctx->db, ctx->login->user_id, ctx->login->email, ctx->req->remote_addr,
			"logout", "");
	return handler_redirect(ctx, "/intranet/connexion?fin=1");
}
