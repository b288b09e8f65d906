/* The site's error pages: French, in the layout, never any internals (the
 * log has those). */
#include "pages/pages.h"

#include "rules/fields.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

struct error_text {
	int status;
	const char *title, *message;
};

static const struct error_text error_texts[] = {
	{ 400, "Requête invalide",
		"La demande envoyée par votre navigateur est mal formée. "
		"Revenez à la page précédente et réessayez." },
	{ 403, "Accès refusé", "Vous n'avez pas accès à cette page." },
	{ 404, "Page introuvable",
		"La page demandée n'existe pas ou n'est plus publiée. "
		"Consultez le catalogue des formations pour retrouver ce que vous cherchez." },
	{ 405, "Méthode non autorisée", "Cette page ne peut pas être appelée de cette façon." },
	{ 413, "Envoi trop volumineux",
		"Les informations envoyées dépassent la taille autorisée. "
		"Raccourcissez vos textes et réessayez." },
	{ 415, "Format non pris en charge",
		"Les informations envoyées ne sont pas dans un format accepté." },
	{ 503, "Service momentanément indisponible",
		"Le service est momentanément indisponible et rien n'a été enregistré. Réessayez dans "
		"quelques instants ; si vous envoyiez un formulaire, revenez à la page précédente et "
		"renvoyez-le : vos informations y sont encore." },
	{ 500, "Erreur interne",
		"Une erreur est survenue de notre côté. Elle a été enregistrée ; "
		"merci de réessayer dans quelques instants." },
};

/* A form refused by the anti-forgery check: nothing was saved, and the
 * way out is to reload the form (the path answers GET with the form). */
static int csrf_page(struct ctx *ctx)
{
	if (view_set(ctx->view, "Page.title", "Formulaire expiré") < 0 ||
			view_set(ctx->view, "Error.title", "Formulaire expiré") < 0 ||
			view_set(ctx->view, "Error.message", "Pour votre sécurité, ce formulaire n'a pas "
				"été accepté : il a expiré, ou il n'a pas été envoyé depuis ce site. "
				"Rien n'a été enregistré. Rechargez le formulaire, puis envoyez-le de nouveau.") < 0 ||
			view_set(ctx->view, "Error.reload",
				field_return_target(ctx->req->path) ? ctx->req->path : "/") < 0)
		return 500;
	return handler_render(ctx, 403, "public/error.cs");
}

int page_error(struct ctx *ctx, int status)
{
	if (status == 403 && ctx->csrf_refused)
		return csrf_page(ctx);
	const struct error_text *t = &error_texts[sizeof(error_texts) / sizeof(error_texts[0]) - 1];
	for (size_t i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		if (error_texts[i].status == status)
			t = &error_texts[i];
	if (status < 400 || status > 599)
		status = 500;
	if (view_set(ctx->view, "Page.title", t->title) < 0 ||
			view_set(ctx->view, "Error.title", t->title) < 0 ||
			view_set(ctx->view, "Error.message", t->message) < 0 ||
			view_set_int(ctx->view, "Error.status", status) < 0)
		return 500;
	return handler_render(ctx, status, "public/error.cs");
}
