/* GET /intranet: the staff home. */
#include "pages/pages.h"

#include <string.h>

#include "base/arena.h"
#include "rules/calendar_fr.h"
#include "rules/slot_time.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/outbox.h"
#include "store/sessions.h"
#include "store/work_queue.h"
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

/* The home's primary action: the open demand due first whose clock runs
 * (one waiting for its requester cannot be answered yet), opened in the
 * due-date list so that its page leads to the next one. */
static int set_first_due(struct ctx *ctx)
{
	struct demand_filter f = { .status = "", .regime = "", .assignee = "", .organisation = "",
		.course = "", .q = "", .after_due = "", .after_id = "", .due = "", .sort = "" };
	struct demand_row *rows;
	size_t n;
	int rc = store_demands_list(ctx->db, ctx->arena, &f, 20, &rows, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].status, "attente_demandeur") != 0)
			return VIEW_ROW(ctx->view, "FirstDue", 0, { "reference", rows[i].reference },
				{ "href", arena_printf(ctx->arena, "/intranet/demandes/%s?liste=", rows[i].id) },
				{ "due", pages_long_date(ctx->arena, rows[i].due_on) }) < 0 ? 500 : 0;
	return 0;
}

/* The desk's work queue: the open demands by urgency, each count a link
 * to the list it counts. */
static int set_work_queue(struct ctx *ctx)
{
	struct work_queue q;
	if (strcmp(ctx->login->role, "formateur") == 0)
		return 0;
	int rc = store_work_queue(ctx->db, ctx->arena, ctx->login->user_id, &q);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const struct { const char *label, *href; long n; int urgent; } rows[] = {
		{ "En retard", "/intranet/demandes?echeance=retard", q.late, 1 },
		{ "À répondre aujourd'hui", "/intranet/demandes?echeance=aujourdhui", q.today, 1 },
		{ "À répondre dans les six jours", "/intranet/demandes?echeance=semaine", q.week, 0 },
		{ "Sans responsable", "/intranet/demandes?responsable=aucun", q.unassigned, 0 },
		{ "En attente du demandeur", "/intranet/demandes?statut=attente_demandeur", q.waiting, 0 },
		{ "Qui me sont confiées", arena_printf(ctx->arena, "/intranet/demandes?responsable=%s",
			ctx->login->user_id), q.mine, 0 },
	};
	if ((rc = set_first_due(ctx)) != 0)
		return rc;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (VIEW_ROW(ctx->view, "Queue", i, { "label", rows[i].label }, { "href", rows[i].href },
				{ "n", arena_printf(ctx->arena, "%ld", rows[i].n) },
				{ "urgent", rows[i].urgent && rows[i].n > 0 ? "1" : "" }) < 0)
			return 500;
	return 0;
}

/* The half-days to certify: a trainer's own, or every one for the desk. */
static int set_uncertified(struct ctx *ctx)
{
	struct uncertified_half_day *h;
	size_t n;
	long total;
	int trainer = strcmp(ctx->login->role, "formateur") == 0;
	int rc = store_uncertified_half_days(ctx->db, ctx->arena, trainer ? ctx->login->user_id : NULL,
		5, &h, &n, &total);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Uncertified", i, { "id", h[i].half_day_id },
				{ "day", pages_long_date(ctx->arena, h[i].day) },
				{ "part", strcmp(h[i].kind, "matin") == 0 ? "matin" : "après-midi" },
				{ "course", h[i].course_title }) < 0)
			return 500;
	return view_set(ctx->view, "UncertifiedTotal", arena_printf(ctx->arena, "%ld", total)) < 0 ? 500 : 0;
}

/* A trainer's next slots: when, what, where, for whom. */
static int set_next_slots(struct ctx *ctx)
{
	if (strcmp(ctx->login->role, "formateur") != 0)
		return 0;
	struct civil_date today = pages_paris_today();
	struct calendar_filter f = { .from = pages_iso_date(ctx->arena, today),
		.to = pages_iso_date(ctx->arena, cal_add_days(today, 366)), .trainer_id = "", .room_id = "",
		.place_id = "", .course_id = "", .status = "", .account_id = ctx->login->user_id };
	struct slot *s;
	size_t n;
	int rc = store_calendar_slots(ctx->db, ctx->arena, &f, 5, &s, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		struct session se;
		if ((rc = store_session_by_id(ctx->db, ctx->arena, s[i].session_id, &se)) != DB_OK)
			return handler_db_status(rc);
		if (VIEW_ROW(ctx->view, "NextSlots", i, { "id", s[i].id }, { "session_id", s[i].session_id },
				{ "day", pages_long_date(ctx->arena, s[i].day) }, { "start", pages_time(ctx->arena, s[i].start) },
				{ "end", pages_time(ctx->arena, s[i].end) }, { "course", s[i].course_title },
				{ "place", *s[i].remote ? "à distance" : s[i].place_name }, { "room", s[i].room_name },
				{ "registered", se.registered }) < 0)
			return 500;
	}
	return 0;
}

int page_intranet_home(struct ctx *ctx)
{
	int rc = set_mail_failures(ctx);
	if (rc == 0)
		rc = set_work_queue(ctx);
	if (rc == 0)
		rc = set_uncertified(ctx);
	if (rc == 0)
		rc = set_next_slots(ctx);
	/* go/no-go: the desk decides for the sessions under their minimum */
	if (rc == 0 && strcmp(ctx->login->role, "formateur") != 0)
		rc = sessions_to_decide_fill(ctx, "ToDecide");
	if (rc)
		return rc;
	if (view_set(ctx->view, "Page.title", "Intranet") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/home.cs");
}
