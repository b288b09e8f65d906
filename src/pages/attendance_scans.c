/* The scans of the signed paper sheets of a half-day:
 *   POST /intranet/presence/{half_day}/scans        attach one (the form of
 *        the half-day page, multipart/form-data, field "feuille")
 *   GET  /intranet/presence/{half_day}/scans/{id}   download it again
 * and their list on the half-day page. Who may: as the half-day page (the
 * slot's trainers and the desk; 404 for anyone else). A scan is kept as
 * sent, never changed or removed (sql/0017). */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "rules/fields.h"
#include "rules/scan.h"
#include "store/accounts.h"
#include "store/attendance_scans.h"
#include "store/db.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"
#include "web/routes.h"

/* The name of the file input of the half-day page's form. */
#define SCAN_FIELD "feuille"

_Static_assert(ROUTE_UPLOAD_FILE_MAX == SCAN_BYTES_MAX,
	"the upload route takes exactly the largest scan");

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

int page_half_day_scan_add(struct ctx *ctx)
{
	const char *hd = ctx->req->args[0];
	struct session s;
	int rc = attendance_half_day_access(ctx, hd, &s);
	if (rc)
		return rc;
	/* Browsers send a file input left empty as a part with no name and
	 * no byte. */
	const struct upload *f = &ctx->req->file;
	int chosen = same(f->field, SCAN_FIELD) && (f->len > 0 || *f->filename);
	enum scan_kind kind;
	const char *problem = scan_check(chosen, f->data, f->len, &kind);
	if (problem) {
		if (view_set(ctx->view, "Errors.scan", problem) < 0)
			return 500;
		return attendance_half_day_render(ctx, hd, 422);
	}
	char sha[SCAN_SHA256_HEX], name[SCAN_FILENAME_BUF];
	scan_sha256_hex(f->data, f->len, sha);
	scan_filename_clean(f->filename, name, sizeof(name));
	const struct attendance_scan_new scan = { .session_id = s.id, .half_day_id = hd,
		.content_type = scan_content_type(kind), .sha256 = sha, .filename = name,
		.uploaded_by = ctx->login->user_id, .bytes = f->data, .len = f->len };
	const char *id;
	if ((rc = store_attendance_scan_add(ctx->db, ctx->arena, &scan, &id)) != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/presence/%s?fait=feuille&scan=%s#feuilles", hd, id));
}

int attendance_scans_fill(struct ctx *ctx, const char *half_day)
{
	struct attendance_scan *sc;
	size_t n;
	int rc = store_attendance_scans(ctx->db, ctx->arena, half_day, &sc, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *just = same(params_get(&ctx->req->query, "fait"), "feuille") ?
		params_get(&ctx->req->query, "scan") : NULL;
	for (size_t i = 0; i < n; i++) {
		char size[SCAN_SIZE_FR_BUF];
		const char *kind = scan_label_fr(scan_kind_of_type(sc[i].content_type));
		if (scan_size_fr(sc[i].size, size, sizeof(size)) != 0 ||
				VIEW_ROW(ctx->view, "Scans", i, { "id", sc[i].id }, { "name", sc[i].filename },
					{ "kind", kind }, { "size", size }, { "by", sc[i].uploaded_by },
					{ "when", attendance_when_fr(ctx->arena, sc[i].uploaded_at) },
					{ "sha256", sc[i].sha256 }) < 0)
			return 500;
		/* the banner names the scan found again by its id: nothing of the
		 * address is shown */
		if (same(just, sc[i].id) && view_set(ctx->view, "Notice", arena_printf(ctx->arena,
				"La feuille signée %s%s%s(%s, %s) est jointe à la demi-journée. Elle se "
				"télécharge ci-dessous ; elle ne peut plus être retirée.",
				*sc[i].filename ? "« " : "", sc[i].filename, *sc[i].filename ? " » " : "",
				kind, size)) < 0)
			return 500;
	}
	return 0;
}

int page_half_day_scan(struct ctx *ctx)
{
	const char *hd = ctx->req->args[0], *id = ctx->req->args[1];
	struct session s;
	int rc = attendance_half_day_access(ctx, hd, &s);
	if (rc)
		return rc;
	if (!field_is_id(id))
		return 404;
	const char *type;
	const unsigned char *data;
	size_t len;
	if ((rc = store_attendance_scan_bytes(ctx->db, ctx->arena, hd, id, &type, &data, &len)) != DB_OK)
		return handler_db_status(rc);
	enum scan_kind kind = scan_kind_of_type(type);
	if (kind == SCAN_NONE)
		return 500;
	/* A scan may be larger than a page (response_max). */
	struct buf *b = &ctx->res->body;
	b->len = 0;
	if (b->max < len)
		b->max = len;
	/* Named by the application, never by the file sent; no browser opens
	 * it in the site's origin. */
	if (buf_append(b, (const char *)data, len) < 0 ||
			response_header(ctx->res, "Content-Disposition", arena_printf(ctx->arena,
				"attachment; filename=\"emargement-%s-feuille-%s.%s\"", hd, id,
				scan_extension(kind))) < 0 ||
			response_header(ctx->res, "X-Content-Type-Options", "nosniff") < 0 ||
			response_header_set(ctx->res, "Cache-Control", "private, no-store") < 0)
		return 500;
	ctx->res->content_type = scan_content_type(kind);
	return 0;
}
