/* Every page handler, one file per area of the product. */
#ifndef FORMATIONS_PAGES_H
#define FORMATIONS_PAGES_H

#include "web/handler.h"

/* home.c */
int page_home(struct ctx *ctx);
/* catalogue.c */
int page_course(struct ctx *ctx);
/* errors.c: the site's error page for status (404, 500, 503, ...) */
int page_error(struct ctx *ctx, int status);

#endif
