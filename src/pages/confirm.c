/* Destructive actions: cancelling a slot, a session or a
 * registration, deactivating an account. The POST without `confirme=oui`
 * answers a page that states the consequences ("3 participants seront
 * prévenus") and sends the same fields again with it; nothing changes
 * until then. One template for them all, so they look and read alike. */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "view/view.h"
#include "web/request.h"

int confirm_destructive(struct ctx *ctx, const struct confirmation *c)
{
	const char *yes = params_get(&ctx->req->form, "confirme");
	if (yes && strcmp(yes, "oui") == 0)
		return 1;
	struct view *v = ctx->view;
	size_t k = 0;
	/* every field sent, again, but the anti-forgery token (the layout's is
	 * current) and the confirmation itself */
	for (size_t i = 0; i < ctx->req->form.count; i++) {
		const struct param *p = &ctx->req->form.items[i];
		if (strcmp(p->name, "_csrf") == 0 || strcmp(p->name, "confirme") == 0)
			continue;
		if (VIEW_ROW(v, "Confirm.Fields", k++, { "name", p->name }, { "value", p->value }) < 0)
			return 500;
	}
	for (size_t i = 0; i < c->n_consequences; i++)
		if (c->consequences[i] && VIEW_ROW(v, "Confirm.Consequences", i,
				{ "text", c->consequences[i] }) < 0)
			return 500;
	if (VIEW_FIELDS(v, "Confirm", { "title", c->title }, { "button", c->button },
			{ "action", ctx->req->path }, { "back", c->back_href }, { "back_label", c->back_label }) < 0 ||
			view_set(v, "Page.title", c->title) < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/confirm.cs");
}
