/* Every page handler, one file per area of the product. */
#ifndef FORMATIONS_PAGES_H
#define FORMATIONS_PAGES_H

#include "web/handler.h"

/* home.c */
int page_home(struct ctx *ctx);
/* catalogue.c */
int page_course(struct ctx *ctx);
/* login.c: GET and POST /intranet/connexion, POST /intranet/deconnexion */
int page_login_form(struct ctx *ctx);
int page_login(struct ctx *ctx);
int page_logout(struct ctx *ctx);
/* intranet.c */
int page_intranet_home(struct ctx *ctx);
/* users.c: accounts, for admins */
int page_users(struct ctx *ctx);
int page_user_create(struct ctx *ctx);
int page_user_change(struct ctx *ctx);
/* journal.c: the audit log, for admins */
int page_audit_log(struct ctx *ctx);
/* errors.c: the site's error page for status (404, 500, 503, ...) */
int page_error(struct ctx *ctx, int status);

#endif
