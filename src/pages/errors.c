/* The site's error pages: French, in the layout, never any internals (the
 * log has those). */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/fields.h"
#include "view/view.h"
#include "web/multipart.h"
#include "web/request.h"
#include "web/response.h"
#include "web/routes.h"

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
	{ 414, "Adresse trop longue",
		"L'adresse demandée est trop longue ou comporte trop de paramètres. "
		"Revenez à la page précédente, ou repartez de l'accueil du site." },
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

/* 1 when the percent-encoded path s[0..len) is a local return target
 * that the route table answers with GET. */
static int shows_a_page(struct ctx *ctx, const char *s, size_t len)
{
	const char *target = arena_strndup(ctx->arena, s, len), *path;
	if (!target || !field_return_target(target))
		return 0;
	const char *q = strchr(target, '?');
	return parse_path(ctx->arena, target, q ? (size_t)(q - target) : len, 2048, &path) == PARSE_OK &&
		(routes_methods(path) & ROUTE_GET);
}

/* Where the form can be had again: the page the browser came from when it
 * is one of ours (Referer, minus our scheme, host and port), else the
 * nearest page up the refused path (its GET twin, the session of a slot
 * form, the intranet home...), else the site's home. The refused path
 * itself often answers POST only. */
static const char *form_page(struct ctx *ctx)
{
	const char *ref = ctx->req->referer, *base = ctx->settings->base_url;
	const char *host = strstr(base, "://");
	if (ref && host) {
		const char *host_end = strchr(host + 3, '/');
		size_t n = host_end ? (size_t)(host_end - base) : strlen(base);
		if (strncmp(ref, base, n) == 0 && ref[n] == '/' && shows_a_page(ctx, ref + n, strlen(ref + n)))
			return arena_strdup(ctx->arena, ref + n);
	}
	const char *uri = ctx->req->uri ? ctx->req->uri : "";
	size_t len = strcspn(uri, "?");
	while (len > 0 && uri[0] == '/') {
		if (shows_a_page(ctx, uri, len))
			return arena_strndup(ctx->arena, uri, len);
		while (len > 0 && uri[--len] != '/')
			;
	}
	return "/";
}

/* A refused form whose way out is to go back to the form's page. */
static int form_refused_page(struct ctx *ctx, int status, const char *title, const char *message)
{
	const char *reload = form_page(ctx);
	if (!reload || view_set(ctx->view, "Page.title", title) < 0 ||
			view_set(ctx->view, "Error.title", title) < 0 ||
			view_set(ctx->view, "Error.message", message) < 0 ||
			view_set(ctx->view, "Error.reload", reload) < 0)
		return 500;
	return handler_render(ctx, status, "public/error.cs");
}

/* A form refused by the anti-forgery check: nothing was saved, and the
 * way out is to reload the form. */
static int csrf_page(struct ctx *ctx)
{
	return form_refused_page(ctx, 403, "Formulaire expiré", "Pour votre sécurité, ce formulaire "
		"n'a pas été accepté : il a expiré, ou il n'a pas été envoyé depuis ce site. "
		"Rien n'a été enregistré. Rechargez le formulaire, puis envoyez-le de nouveau.");
}

/* A file over the limit of an upload route: nothing was kept, and the
 * way out is a lighter scan sent from the page of the form. */
static int file_too_large_page(struct ctx *ctx)
{
	return form_refused_page(ctx, 413, "Fichier trop volumineux", "Le fichier envoyé dépasse "
		"10 Mo, la taille autorisée : rien n'a été enregistré. Numérisez la feuille en noir et blanc "
		"ou en plus basse résolution (150 à 200 ppp suffisent), puis envoyez-la de nouveau.");
}

int page_error(struct ctx *ctx, int status)
{
	if (status == 403 && ctx->csrf_refused)
		return csrf_page(ctx);
	if (status == 413 && multipart_is_form_data(ctx->req->content_type))
		return file_too_large_page(ctx);
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
