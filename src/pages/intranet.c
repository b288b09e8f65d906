/* GET /intranet: the staff home. */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/outbox.h"
#include "view/view.h"

/* The desk is told at once of mails that could not be delivered: a
 * requester who never got their acknowledgement must be called. */
static int set_mail_failures(struct ctx *ctx)
{
	long n = 0;
	if (strcmp(ctx->login->role, "formateur") == 0)
		return 0;
	int rc = store_outbox_failures_count(ctx->db, ctx->arena, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (n > 0 && view_set(ctx->view, "MailFailures", n == 1 ?
			"Un courriel n'a pas pu être remis à son destinataire." :
			arena_printf(ctx->arena, "%ld courriels n'ont pas pu être remis à leur destinataire.",
				n)) < 0)
		return 500;
	return 0;
}

int page_intranet_home(struct ctx *ctx)
{
	int rc = set_mail_failures(ctx);
	/* go/no-go: the desk decides for the sessions under their minimum */
	if (rc == 0 && strcmp(ctx->login->role, "formateur") != 0)
		rc = sessions_to_decide_fill(ctx, "ToDecide");
	if (rc)
		return rc;
	if (view_set(ctx->view, "Page.title", "Intranet") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/home.cs");
}
