/* Attestations de fin de formation:
 *   GET  /attestations/{code}                 anyone checks one: authentique
 *        (with what it attests), révoquée, or inconnue
 *   GET  /participant/{token}/attestation.pdf the participant's own
 *   POST /intranet/sessions/{id}/attestations the desk issues a session's
 *   GET  /intranet/attestations/{id}          the desk downloads one
 *   POST /intranet/attestations/{id}          an admin revokes one, with a reason
 * and the list of the session page. Issuing is also automatic: when a
 * session becomes "realisee" with every half-day certified, or when the
 * last half-day of a "realisee" session is certified.
 *
 * The verification page trusts only the signed text: what it shows is
 * read out of the text whose signature it has just checked with the
 * server's public key. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/attendance.h"
#include "rules/certificate.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/certificates.h"
#include "store/db.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int public_key(struct ctx *ctx, unsigned char pk[CERTIFICATE_PUBLIC_KEY])
{
	unsigned char sk[CERTIFICATE_SECRET_KEY];
	int rc = store_certificate_keys(ctx->db, pk, sk);
	sodium_memzero(sk, sizeof(sk));
	return rc;
}

static const char *duration(struct arena *a, int minutes)
{
	char b[ATTENDANCE_DURATION_BUF];
	return attendance_duration_fr(minutes, b, sizeof(b)) == 0 ? arena_strdup(a, b) : "";
}

/* A text that would verify nothing: what an unknown code is checked
 * against, so that it costs what a real one does. */
static const char decoy_text[] = "EGOC attestation de fin de formation v1\n";
static const char decoy_signature[] =
	"00000000000000000000000000000000000000000000000000000000000000000"
	"000000000000000000000000000000000000000000000000000000000000000";

int page_certificate_verify(struct ctx *ctx)
{
	char code[CERTIFICATE_CODE_BUF];
	unsigned char pk[CERTIFICATE_PUBLIC_KEY];
	struct certificate_row row;
	int rc = public_key(ctx, pk);
	if (rc != DB_OK)
		return handler_db_status(rc);
	int found = 0;
	if (certificate_code_read(ctx->req->args[0], code) == 0) {
		rc = store_certificate_by_code(ctx->db, ctx->arena, code, &row);
		if (rc != DB_OK && rc != DB_NOT_FOUND)
			return handler_db_status(rc);
		found = rc == DB_OK;
	}
	/* the signature is checked whether or not the code was found */
	int genuine = certificate_verify(pk, found ? row.attests : decoy_text,
		found ? row.signature : decoy_signature) == 0 && found;
	struct certificate_facts f;
	char *text = genuine ? arena_strdup(ctx->arena, row.attests) : NULL;
	genuine = genuine && text && certificate_text_read(text, &f) == 0 && same(f.code, code);
	if (!genuine) {
		if (view_set(ctx->view, "Certificate.state", "inconnue") < 0 ||
				view_set(ctx->view, "Page.title", "Attestation inconnue") < 0)
			return 500;
		return handler_render(ctx, 404, "public/certificate.cs");
	}
	if (VIEW_FIELDS(ctx->view, "Certificate", { "state", *row.revoked_on ? "revoquee" : "authentique" },
			{ "code", f.code }, { "participant", f.participant }, { "organisation", f.organisation },
			{ "course", f.course_title }, { "nature", f.nature },
			{ "dates", pages_span(ctx->arena, f.first_day, f.last_day) },
			{ "planned", duration(ctx->arena, f.planned_minutes) },
			{ "attended", duration(ctx->arena, f.attended_minutes) },
			{ "partial", f.attended_minutes < f.planned_minutes ? "1" : "" },
			{ "issued", pages_long_date(ctx->arena, f.issued_on) },
			{ "revoked", *row.revoked_on ? pages_long_date(ctx->arena, row.revoked_on) : "" },
			{ "reason", row.revoked_reason }) < 0 ||
			view_set(ctx->view, "Page.title", *row.revoked_on ? "Attestation révoquée" :
				"Attestation authentique") < 0 ||
			response_header(ctx->res, "X-Robots-Tag", "noindex") < 0)
		return 500;
	return handler_render(ctx, 200, "public/certificate.cs");
}

static int send_pdf(struct ctx *ctx, const struct certificate_row *row, const unsigned char *pdf,
		size_t len)
{
	struct buf *b = &ctx->res->body;
	b->len = 0;
	if (buf_append(b, (const char *)pdf, len) < 0 ||
			response_header(ctx->res, "Content-Disposition", arena_printf(ctx->arena,
				"attachment; filename=\"attestation-%s.pdf\"", row->code)) < 0 ||
			response_header(ctx->res, "Cache-Control", "private, no-store") < 0)
		return 500;
	ctx->res->content_type = "application/pdf";
	return 0;
}

static int pdf_of(struct ctx *ctx, const char *id)
{
	struct certificate_row row;
	unsigned char *pdf;
	size_t len;
	int rc = store_certificate_pdf(ctx->db, ctx->arena, id, &row, &pdf, &len);
	if (rc == DB_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return handler_db_status(rc);
	return send_pdf(ctx, &row, pdf, len);
}

int page_participant_certificate(struct ctx *ctx)
{
	struct registration g;
	struct certificate_row row;
	int rc = store_registration_by_token(ctx->db, ctx->arena, ctx->req->args[0], &g);
	if (rc == DB_OK)
		rc = store_certificate_of_registration(ctx->db, ctx->arena, g.id, &row);
	if (rc == DB_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return handler_db_status(rc);
	return pdf_of(ctx, row.id);
}

int page_certificate_pdf(struct ctx *ctx)
{
	if (!field_is_id(ctx->req->args[0]))
		return 404;
	return pdf_of(ctx, ctx->req->args[0]);
}

int certificates_issue_quietly(struct ctx *ctx, const char *session_id)
{
	struct certificate_issue out;
	int rc = store_certificates_issue(ctx->db, ctx->arena, ctx->settings, session_id,
		(int64_t)time(NULL), &out);
	if (rc != DB_OK)
		log_line("attestations of session %s: not issued (%d)", session_id, rc);
	else if (out.issued)
		log_line("attestations of session %s: %d issued", session_id, out.issued);
	return rc;
}

int page_session_certificates(struct ctx *ctx)
{
	struct session s;
	struct certificate_issue out;
	int rc = session_load(ctx, ctx->req->args[0], &s);
	if (rc)
		return rc;
	rc = store_certificates_issue(ctx->db, ctx->arena, ctx->settings, s.id, (int64_t)time(NULL), &out);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (out.not_ready)
		return session_page_render(ctx, 422, &s, "Errors.certificates", out.not_ready);
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/sessions/%s?fait=attestations&emises=%d#attestations", s.id, out.issued));
}

int page_certificate_revoke(struct ctx *ctx)
{
	static const struct field_rule reason_rule = { "raison", FIELD_TEXT, 1, 1000, 0 };
	struct certificate_row row;
	struct session s;
	if (!field_is_id(ctx->req->args[0]))
		return 404;
	int rc = store_certificate_by_id(ctx->db, ctx->arena, ctx->req->args[0], &row);
	if (rc == DB_NOT_FOUND)
		return 404;
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = session_load(ctx, row.session_id, &s)) != 0)
		return rc;
	const char *reason, *problem = form_value(ctx, &reason_rule, &reason);
	if (!reason)
		return 500;
	if (!problem && *row.revoked_on)
		problem = "Cette attestation est déjà révoquée.";
	if (!problem) {
		rc = store_certificate_revoke(ctx->db, row.id, ctx->login->user_id, reason);
		if (rc == DB_NOT_FOUND)
			problem = "Cette attestation est déjà révoquée.";
		else if (rc != DB_OK)
			return handler_db_status(rc);
	}
	if (problem)
		return session_page_render(ctx, 422, &s, "Errors.certificates", problem);
	(void)store_audit(ctx->db, ctx->login->user_id, ctx->login->email, ctx->req->remote_addr,
		"certificate_revoked", arena_printf(ctx->arena, "%s : %s", row.code, reason));
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/sessions/%s?fait=revoquee&code=%s#attestations", s.id, row.code));
}

int certificates_fill(struct ctx *ctx, const struct session *s)
{
	struct certificate_row *rows;
	size_t n;
	int rc = store_certificates_of_session(ctx->db, ctx->arena, s->id, &rows, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		const struct certificate_row *t = &rows[i];
		if (VIEW_ROW(ctx->view, "Certificates", i, { "id", t->id }, { "code", t->code },
				{ "name", arena_printf(ctx->arena, "%s %s", t->last_name, t->first_name) },
				{ "issued", pages_long_date(ctx->arena, t->issued_on) },
				{ "attended", *t->minutes_attended ? duration(ctx->arena, atoi(t->minutes_attended)) : "" },
				{ "planned", *t->minutes_planned ? duration(ctx->arena, atoi(t->minutes_planned)) : "" },
				{ "revoked", *t->revoked_on ? pages_long_date(ctx->arena, t->revoked_on) : "" },
				{ "revoked_by", t->revoked_by }, { "reason", t->revoked_reason }) < 0)
			return 500;
	}
	const char *done = params_get(&ctx->req->query, "fait");
	const char *issued = params_get(&ctx->req->query, "emises");
	const char *code = params_get(&ctx->req->query, "code"), *whose = NULL;
	for (size_t i = 0; code && i < n && !whose; i++)
		if (same(rows[i].code, code))
			whose = arena_printf(ctx->arena, "%s %s", rows[i].first_name, rows[i].last_name);
	const char *notice = same(done, "revoquee") && whose ? arena_printf(ctx->arena,
		"L'attestation %s de %s est révoquée : sa page de vérification le dit désormais. "
		"Vous pouvez en émettre une nouvelle.", code, whose) :
		same(done, "attestations") && issued && field_is_id(issued) ? arena_printf(ctx->arena,
		"%s attestation(s) émise(s) et envoyée(s) à leurs participants.", issued) :
		same(done, "attestations") && same(issued, "0") ?
		"Les attestations étaient déjà émises : rien n'a changé." : NULL;
	if (notice && view_set(ctx->view, "Notice", notice) < 0)
		return 500;
	return view_set(ctx->view, "CertificatesReady", same(s->status, "realisee") ? "1" : "") < 0 ? 500 : 0;
}

int certificate_of_participant_fill(struct ctx *ctx, const struct registration *g)
{
	struct certificate_row row;
	int rc = store_certificate_of_registration(ctx->db, ctx->arena, g->id, &row);
	if (rc == DB_NOT_FOUND)
		return 0;
	if (rc != DB_OK)
		return handler_db_status(rc);
	return VIEW_FIELDS(ctx->view, "Certificate", { "code", row.code },
		{ "issued", pages_long_date(ctx->arena, row.issued_on) },
		{ "attended", *row.minutes_attended ? duration(ctx->arena, atoi(row.minutes_attended)) : "" },
		{ "planned", *row.minutes_planned ? duration(ctx->arena, atoi(row.minutes_planned)) : "" }) < 0 ?
		500 : 0;
}

int certificate_in_force(struct ctx *ctx, const char *registration_id)
{
	struct certificate_row row;
	return store_certificate_of_registration(ctx->db, ctx->arena, registration_id, &row) == DB_OK;
}
