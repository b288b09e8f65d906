/* GET /intranet/demandes/export.csv?statut=&regime=: every demand as CSV
 * for a spreadsheet (src/out/csv.h: BOM, ';', CRLF, quoting, formula
 * injection neutralised), filtered by status and régime when asked.
 *
 * The whole file is one response body, capped by response_max (8 MiB by
 * default, some 25,000 demands). Rows are read by keyset pages of
 * EXPORT_PAGE (id > last id: each page as fast as the first, and each
 * page's rows freed before the next), and written while they fit; when the
 * next row would not leave room for the closing note, the export stops
 * there and its last line says so, rather than failing or sending a file
 * cut in the middle of a row. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/csv.h"
#include "rules/calendar_fr.h"
#include "rules/demand_state.h"
#include "rules/due_date.h"
#include "store/db.h"
#include "store/demand_stats.h"
#include "web/request.h"
#include "web/response.h"

#define EXPORT_PAGE 500
/* Kept free for the closing note when the file is cut. */
#define NOTE_ROOM 1024

static const char *const header[] = {
	"Référence", "Reçue le", "Échéance", "Régime", "État", "Organisme", "Nom", "Prénom",
	"Courriel", "Téléphone", "Formation", "Type", "Participants", "Répondue le", "Issue",
};
#define N_COLUMNS (sizeof(header) / sizeof(header[0]))

static const char *state_label(const char *status)
{
	enum demand_state s;
	return demand_state_parse(status, &s) == 0 ? demand_state_label_staff(s) : status;
}

static const char *regime_label(const char *regime)
{
	enum regime r;
	return due_regime_parse(regime, &r) == 0 ? due_regime_label_fr(r) : regime;
}

static const char *outcome_label(const char *outcome)
{
	enum demand_outcome o;
	return demand_outcome_parse(outcome, &o) == 0 ? demand_outcome_label_fr(o) : outcome;
}

static int write_row(struct buf *out, const struct export_row *e)
{
	const char *f[N_COLUMNS] = { e->reference, e->received_on, e->due_on, regime_label(e->regime),
		state_label(e->status), e->organisation, e->last_name, e->first_name, e->email, e->phone,
		e->course, strcmp(e->kind, "inter") == 0 ? "INTER" : "INTRA", e->participants,
		e->answered_on, outcome_label(e->outcome) };
	return csv_row(out, f, N_COLUMNS);
}

/* Writes the rows, page after page, while they fit under out's cap:
 * 0 and *written, *cut (1 when a row did not fit), or a DB_ status. */
static int write_rows(struct db *db, struct buf *out, const char *status, const char *regime,
		long *written, int *cut)
{
	char after[24] = "0";
	int rc = DB_OK;
	*written = 0;
	*cut = 0;
	for (;;) {
		struct arena *page = arena_new();
		struct export_row *rows;
		size_t n = 0;
		rc = page ? store_export_page(db, page, after, status, regime, EXPORT_PAGE, &rows, &n) :
			DB_FAILED;
		for (size_t i = 0; rc == DB_OK && !*cut && i < n; i++) {
			if (write_row(out, &rows[i]) < 0)
				*cut = 1;
			else
				++*written;
		}
		if (rc == DB_OK && n > 0)
			snprintf(after, sizeof(after), "%s", rows[n - 1].id);
		arena_free(page);
		if (rc != DB_OK || *cut || n < EXPORT_PAGE)
			return rc;
	}
}

static const char *param(const struct ctx *ctx, const char *name)
{
	const char *v = params_get(&ctx->req->query, name);
	return v ? v : "";
}

int page_demand_export(struct ctx *ctx)
{
	const char *status = param(ctx, "statut"), *regime = param(ctx, "regime");
	enum demand_state st;
	enum regime rg;
	if ((*status && demand_state_parse(status, &st) != 0) ||
			(*regime && due_regime_parse(regime, &rg) != 0))
		return 400;
	char today[CAL_DATE_BUF];
	if (cal_format_date(cal_paris_local_date((int64_t)time(NULL)), today, sizeof(today)) != 0)
		return 500;
	struct buf *out = &ctx->res->body;
	out->len = 0;
	size_t cap = out->max;
	if (cap <= NOTE_ROOM)
		return 500;
	out->max = cap - NOTE_ROOM;
	long written = 0;
	int cut = 0;
	int rc = csv_bom(out) < 0 || csv_row(out, header, N_COLUMNS) < 0 ? DB_FAILED :
		write_rows(ctx->db, out, status, regime, &written, &cut);
	out->max = cap;
	if (rc != DB_OK) {
		out->len = 0;
		return handler_db_status(rc);
	}
	if (cut) {
		const char *note[] = { arena_printf(ctx->arena, "Export incomplet : seules les %ld premières "
			"demandes (par ordre d'arrivée) tiennent dans la taille maximale d'une réponse. "
			"Filtrez par état ou par régime pour obtenir les autres.", written) };
		if (!note[0] || csv_row(out, note, 1) < 0)
			return 500;
	}
	const char *disposition = arena_printf(ctx->arena,
		"attachment; filename=\"demandes-%s.csv\"", today);
	if (!disposition || response_header(ctx->res, "Content-Disposition", disposition) < 0)
		return 500;
	ctx->res->content_type = "text/csv; charset=utf-8";
	ctx->res->status = 200;
	return 0;
}
