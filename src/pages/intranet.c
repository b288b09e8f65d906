/* GET /intranet: the staff home. */
#include "pages/pages.h"

#include "view/view.h"

int page_intranet_home(struct ctx *ctx)
{
	if (view_set(ctx->view, "Page.title", "Intranet") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/home.cs");
}
