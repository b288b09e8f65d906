#include "store/certificates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/settings.h"
#include "out/pdf.h"
#include "rules/attendance.h"
#include "rules/calendar_fr.h"
#include "rules/slot_time.h"
#include "store/accounts.h"
#include "store/attendance.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/outbox.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "store/survey_objectives.h"

/* A PDF is a few tens of kilobytes; the table allows 4 MiB. */
#define CERTIFICATE_PDF_MAX (4u << 20)

#define COLUMNS \
	"SELECT t.id, t.registration_id, t.session_id, t.code, t.attests, t.signature," \
	" to_char(t.issued_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS issued_on," \
	" coalesce(to_char(t.revoked_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), '') AS revoked_on," \
	" coalesce(u.display_name, '') AS revoked_by, coalesce(t.revoked_reason, '') AS revoked_reason," \
	" p.last_name, p.first_name, coalesce(r.minutes_planned::text, '') AS minutes_planned," \
	" coalesce(r.minutes_attended::text, '') AS minutes_attended, coalesce(r.outcome, '') AS outcome"
#define FROM \
	" FROM certificate t JOIN registration r ON r.id = t.registration_id" \
	" JOIN participant p ON p.id = r.participant_id" \
	" LEFT JOIN staff_user u ON u.id = t.revoked_by"

static const struct db_stmt by_code = { "certificate_by_code", COLUMNS FROM " WHERE t.code = $1" };
static const struct db_stmt by_id = { "certificate_by_id", COLUMNS FROM " WHERE t.id = $1::bigint" };
static const struct db_stmt pdf_by_id = { "certificate_pdf",
	COLUMNS ", t.pdf" FROM " WHERE t.id = $1::bigint" };
static const struct db_stmt of_registration = { "certificate_of_registration",
	COLUMNS FROM " WHERE t.registration_id = $1::bigint AND t.revoked_at IS NULL" };
static const struct db_stmt of_session = { "certificates_of_session",
	COLUMNS FROM " WHERE t.session_id = $1::bigint"
	" ORDER BY lower(p.last_name), lower(p.first_name), t.id" };
static const struct db_stmt revoke = { "certificate_revoke",
	"UPDATE certificate SET revoked_at = now(), revoked_by = $2::bigint, revoked_reason = $3"
	" WHERE id = $1::bigint AND revoked_at IS NULL RETURNING id" };
static const struct db_stmt lock_session = { "certificate_lock_session",
	"SELECT id FROM session WHERE id = $1::bigint FOR UPDATE" };
static const struct db_stmt set_outcome = { "registration_set_outcome",
	"UPDATE registration SET outcome = $2, minutes_planned = $3::int, minutes_attended = $4::int"
	" WHERE id = $1::bigint AND status = 'confirmee'" };
static const struct db_stmt insert = { "certificate_insert",
	"INSERT INTO certificate (registration_id, session_id, code, attests, signature, pdf)"
	" VALUES ($1::bigint, $2::bigint, $3, $4, $5, $6::bytea) RETURNING id" };

static void row_of(const struct db_rows *r, size_t i, struct certificate_row *out)
{
#define X(f) out->f = db_get(r, i, #f);
	CERTIFICATE_FIELDS(X)
#undef X
}

static int one(struct db *db, struct arena *a, const struct db_stmt *st, const char *arg,
		struct certificate_row *out, struct db_rows **rows)
{
	const char *p[] = { arg };
	struct db_rows *r;
	int rc = db_run(db, a, st, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	row_of(r, 0, out);
	if (rows)
		*rows = r;
	return DB_OK;
}

int store_certificate_keys(struct db *db, unsigned char pk[CERTIFICATE_PUBLIC_KEY],
		unsigned char sk[CERTIFICATE_SECRET_KEY])
{
	unsigned char seed[CERTIFICATE_SEED];
	int rc = store_site_key(db, "attestation", seed, sizeof(seed));
	if (rc == DB_OK && certificate_keypair(seed, pk, sk) != 0)
		rc = DB_FAILED;
	sodium_memzero(seed, sizeof(seed));
	return rc;
}

int store_certificate_by_code(struct db *db, struct arena *a, const char *code,
		struct certificate_row *out)
{
	return one(db, a, &by_code, code, out, NULL);
}

int store_certificate_by_id(struct db *db, struct arena *a, const char *id, struct certificate_row *out)
{
	return one(db, a, &by_id, id, out, NULL);
}

int store_certificate_pdf(struct db *db, struct arena *a, const char *id, struct certificate_row *out,
		unsigned char **pdf, size_t *len)
{
	struct db_rows *r;
	int rc = one(db, a, &pdf_by_id, id, out, &r);
	if (rc != DB_OK)
		return rc;
	rc = db_get_bytea(r, 0, "pdf", a, pdf, len);
	return rc == DB_OK && !*pdf ? DB_FAILED : rc;
}

int store_certificate_of_registration(struct db *db, struct arena *a, const char *registration_id,
		struct certificate_row *out)
{
	return one(db, a, &of_registration, registration_id, out, NULL);
}

int store_certificates_of_session(struct db *db, struct arena *a, const char *session_id,
		struct certificate_row **out, size_t *n)
{
	const char *p[] = { session_id };
	struct db_rows *r;
	*out = NULL;
	*n = 0;
	int rc = db_run(db, a, &of_session, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	if (count == 0)
		return DB_OK;
	if (!(*out = arena_calloc(a, count, sizeof(**out))))
		return DB_FAILED;
	for (size_t i = 0; i < count; i++)
		row_of(r, i, &(*out)[i]);
	*n = count;
	return DB_OK;
}

int store_certificate_revoke(struct db *db, const char *id, const char *staff_id, const char *reason)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	const char *p[] = { id, staff_id, reason };
	struct db_rows *r;
	int rc = db_run(db, a, &revoke, 3, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	arena_free(a);
	return rc;
}

/* --- issuing ---------------------------------------------------------------------- */

/* What every attestation of one session shares. */
struct issuing {
	struct db *db;
	struct arena *a;
	const struct settings *s;
	struct session se;
	struct course course;
	struct slot_half_day *hd;
	size_t nh;
	struct attendance_event *e;
	size_t ne;
	unsigned char pk[CERTIFICATE_PUBLIC_KEY], sk[CERTIFICATE_SECRET_KEY];
	const char *issued_on;     /* ISO */
	const char *issued_fr;     /* "Fait à Rennes, le vendredi 5 mars 2027" */
	const char *dates_fr;      /* "du 1er au 3 mars 2027" */
	const char *objectives;    /* one per line */
};

/* "La demi-journée du jeudi 4 mars 2027 (matin) n'est pas encore
 * certifiée." for the first one that is not, else NULL. */
static const char *uncertified(struct issuing *g, const struct slot *slots, size_t n)
{
	for (size_t i = 0; i < g->nh; i++) {
		if (attendance_half_day_certified(g->e, g->ne, g->hd[i].id))
			continue;
		int64_t slot_id = 0;
		char day[CAL_LONG_FR_BUF] = "";
		struct civil_date d;
		(void)half_day_id_parse(g->hd[i].id, &slot_id, NULL);
		for (size_t j = 0; j < n; j++)
			if (strtoll(slots[j].id, NULL, 10) == slot_id && cal_parse_date(slots[j].day, &d) == 0)
				(void)cal_format_long_fr(d, day, sizeof(day));
		return arena_printf(g->a, "La demi-journée du %s (%s) n'est pas encore certifiée.", day,
			g->hd[i].hd.kind == HALF_DAY_MORNING ? "matin" : "après-midi");
	}
	return NULL;
}

/* The course's objectives as the attestation lists them: a line each,
 * list markers dropped, the evaluable objectives after the general one. */
const char *course_objective_lines(struct arena *a, const char *objective, const char *evaluable)
{
	const char *parts[] = { objective, evaluable };
	size_t cap = strlen(objective) + strlen(evaluable) + 2;
	char *out = arena_alloc(a, cap + 1), *w = out;
	if (!out)
		return "";
	for (size_t k = 0; k < 2; k++) {
		const char *p = parts[k];
		while (*p) {
			const char *end = strchr(p, '\n');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			const char *q = p;
			while (len && (*q == ' ' || *q == '\t' || *q == '-' || *q == '*' || *q == '\r'))
				q++, len--;
			while (len && (q[len - 1] == ' ' || q[len - 1] == '\r'))
				len--;
			if (len) {
				if (w != out)
					*w++ = '\n';
				memcpy(w, q, len);
				w += len;
			}
			p = end ? end + 1 : p + strlen(p);
		}
	}
	*w = '\0';
	return out;
}

/* The issuer's details as lines: the setting separates them with " | ". */
static const char *issuer_lines(struct arena *a, const char *setting)
{
	char *out = arena_strdup(a, setting), *w = out;
	if (!out)
		return "";
	for (const char *p = setting; *p;) {
		if (strncmp(p, " | ", 3) == 0) {
			*w++ = '\n';
			p += 3;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	return out;
}

/* The mail that carries the PDF. */
static int queue_mail(struct issuing *g, const struct registration *r, const char *code,
		int planned, int attended, const struct buf *pdf)
{
	if (!*r->email)
		return DB_OK;
	char got[ATTENDANCE_DURATION_BUF], of[ATTENDANCE_DURATION_BUF];
	if (attendance_duration_fr(attended, got, sizeof(got)) != 0 ||
			attendance_duration_fr(planned, of, sizeof(of)) != 0)
		return DB_FAILED;
	const char *subject = arena_printf(g->a, "Votre attestation de fin de formation : %s",
		g->se.course_title);
	const char *body = arena_printf(g->a,
		"Bonjour %s %s,\n\n"
		"Vous trouverez ci-joint votre attestation de fin de formation « %s » (%s).\n"
		"Durée suivie : %s sur %s prévues.\n\n"
		"Son authenticité peut être vérifiée à tout moment avec le code %s :\n%s/attestations/%s\n\n"
		"Elle reste disponible sur votre page personnelle :\n%s/participant/%s\n\n"
		"L'équipe EGOC\n",
		r->first_name, r->last_name, g->se.course_title, g->dates_fr, got, of, code,
		g->s->base_url, code, g->s->base_url, r->token);
	const char *dedup = arena_printf(g->a, "certificate:%s", code);
	if (!subject || !body || !dedup)
		return DB_FAILED;
	struct outbox_attachment att = { .name = arena_printf(g->a, "attestation-%s.pdf", code),
		.type = "application/pdf", .bytes = (const unsigned char *)pdf->data, .len = pdf->len };
	return store_outbox_queue_attachment(g->db, r->email, subject, body, "certificate", NULL, dedup,
		&att, NULL);
}

/* One participant's attestation: facts, signature, PDF, row, mail. */
static int issue_one(struct issuing *g, const struct registration *r, int planned, int attended,
		enum attendance_outcome o)
{
	unsigned char rnd[CERTIFICATE_CODE_RANDOM];
	char code[CERTIFICATE_CODE_BUF], text[CERTIFICATE_TEXT_MAX + 1], sig[CERTIFICATE_SIGNATURE_HEX];
	randombytes_buf(rnd, sizeof(rnd));
	certificate_code_make(rnd, code);
	const char *name = arena_printf(g->a, "%s %s", r->first_name, r->last_name);
	struct certificate_facts f = { .code = code, .session_id = g->se.id, .participant = name,
		.organisation = r->organisation, .course_title = g->se.course_title,
		.nature = "action de formation", .first_day = g->se.first_day, .last_day = g->se.last_day,
		.planned_minutes = planned, .attended_minutes = attended,
		.outcome = attendance_outcome_name(o), .issued_on = g->issued_on };
	int len = certificate_text(&f, text, sizeof(text));
	if (!name || len < 0 || certificate_sign(g->sk, text, (size_t)len, sig) != 0)
		return DB_FAILED;
	const char *place = *g->se.place_city ? arena_printf(g->a, "%s, %s", g->se.place_name,
		g->se.place_city) : g->se.place_name;
	struct pdf_certificate pa = { .issuer_details = issuer_lines(g->a, g->s->certificate_issuer),
		.participant_name = name, .organisation = r->organisation,
		.course_title = g->se.course_title, .objectives = g->objectives,
		.nature = "action de formation", .dates = g->dates_fr, .place = place,
		.planned_minutes = planned, .attended_minutes = attended,
		.signatory_name = g->s->certificate_signatory, .signatory_role = g->s->certificate_role,
		.issued_at = g->issued_fr, .verification_code = code,
		.verification_url = arena_printf(g->a, "%s/attestations/%s", g->s->base_url, code) };
	/* The evaluation of acquired skills: the participant's own levels on
	 * each objective, before and after; none answered, none printed. */
	struct objective_level *lv;
	size_t nl;
	int rc = store_objective_levels(g->db, g->a, NULL, r->id, g->objectives, &lv, &nl);
	if (rc != DB_OK)
		return rc;
	struct pdf_result *results;
	if (objective_results(g->a, lv, nl, &results, &pa.n_results) != 0)
		return DB_FAILED;
	pa.results = results;
	struct buf pdf;
	buf_init(&pdf, CERTIFICATE_PDF_MAX);
	rc = pdf_certificate(&pdf, &pa) == 0 ? DB_OK : DB_FAILED;
	if (rc == DB_OK) {
		const char *p[] = { r->id, g->se.id, code, text, sig, pdf.data };
		rc = db_run_with_bytes(g->db, g->a, &insert, 6, p, 5, pdf.len, NULL);
	}
	if (rc == DB_OK)
		rc = queue_mail(g, r, code, planned, attended, &pdf);
	buf_free(&pdf);
	return rc;
}

/* Reads what the session's attestations are made of, inside the
 * transaction; not_ready set when the session cannot be issued. */
static int gather(struct issuing *g, const char *session_id, int64_t now, const char **not_ready,
		struct registration **regs, size_t *nr)
{
	struct slot *slots;
	size_t n;
	int rc = store_session_by_id(g->db, g->a, session_id, &g->se);
	if (rc == DB_OK)
		rc = store_session_slots(g->db, g->a, session_id, &slots, &n);
	if (rc == DB_OK)
		rc = store_attendance_events(g->db, g->a, session_id, &g->e, &g->ne);
	if (rc == DB_OK)
		rc = store_registrations_of_session(g->db, g->a, session_id, regs, nr);
	if (rc == DB_OK)
		rc = store_course_by_id(g->db, g->a, g->se.course_id, &g->course);
	if (rc != DB_OK)
		return rc;
	if (store_session_half_days(g->a, slots, n, &g->hd, &g->nh) != 0)
		return DB_FAILED;
	if (strcmp(g->se.status, "realisee") != 0)
		*not_ready = "La session n'est pas encore marquée réalisée.";
	else if (g->nh == 0)
		*not_ready = "La session n'a aucune demi-journée.";
	else
		*not_ready = uncertified(g, slots, n);
	if (*not_ready)
		return DB_OK;
	struct civil_date today, first, last;
	int minutes;
	char day[CAL_LONG_FR_BUF], iso[11], span[SLOT_SPAN_FR_BUF];
	slot_utc_to_paris(now, &today, &minutes);
	if (cal_format_long_fr(today, day, sizeof(day)) != 0 || cal_format_date(today, iso, sizeof(iso)) != 0 ||
			cal_parse_date(g->se.first_day, &first) != 0 || cal_parse_date(g->se.last_day, &last) != 0 ||
			slot_span_fr(first, last, span, sizeof(span)) != 0)
		return DB_FAILED;
	g->issued_on = arena_strdup(g->a, iso);
	g->issued_fr = arena_printf(g->a, "Fait à %s, le %s", g->s->certificate_town, day);
	g->dates_fr = arena_strdup(g->a, span);
	g->objectives = course_objective_lines(g->a, g->course.objective, g->course.evaluable_objectives);
	if (!g->issued_on || !g->issued_fr || !g->dates_fr)
		return DB_FAILED;
	if (store_certificate_keys(g->db, g->pk, g->sk) != DB_OK)
		return DB_FAILED;
	return DB_OK;
}

static int issue_all(struct issuing *g, const char *session_id, int64_t now,
		struct certificate_issue *out)
{
	struct registration *regs;
	size_t nr;
	struct certificate_row *issued;
	size_t ni;
	int rc = gather(g, session_id, now, &out->not_ready, &regs, &nr);
	if (rc != DB_OK || out->not_ready)
		return rc;
	/* those in force, read once: the session's row is held, none comes meanwhile */
	if ((rc = store_certificates_of_session(g->db, g->a, session_id, &issued, &ni)) != DB_OK)
		return rc;
	for (size_t i = 0; i < nr && rc == DB_OK; i++) {
		const struct registration *r = &regs[i];
		if (strcmp(r->status, "confirmee") != 0)
			continue;
		int planned, attended;
		enum attendance_outcome o;
		store_attendance_minutes(g->hd, g->nh, g->e, g->ne, strtoll(r->id, NULL, 10), &planned,
			&attended);
		if (attendance_outcome_of(planned, attended, &o) != 0)
			return DB_FAILED;
		char p[16], m[16];
		snprintf(p, sizeof(p), "%d", planned);
		snprintf(m, sizeof(m), "%d", attended);
		const char *params[] = { r->id, attendance_outcome_name(o), p, m };
		rc = db_run(g->db, g->a, &set_outcome, 4, params, NULL);
		int in_force = 0;
		for (size_t k = 0; k < ni && !in_force; k++)
			in_force = strcmp(issued[k].registration_id, r->id) == 0 && !*issued[k].revoked_on;
		if (rc != DB_OK)
			break;
		if (in_force)
			out->kept++;
		else if (attended == 0)
			out->absent++;
		else if ((rc = issue_one(g, r, planned, attended, o)) == DB_OK)
			out->issued++;
	}
	return rc;
}

int store_certificates_issue(struct db *db, struct arena *a, const struct settings *s,
		const char *session_id, int64_t now, struct certificate_issue *out)
{
	struct issuing *g = arena_calloc(a, 1, sizeof(*g));
	*out = (struct certificate_issue){ 0 };
	if (!g)
		return DB_FAILED;
	g->db = db;
	g->a = a;
	g->s = s;
	const char *p[] = { session_id };
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	rc = db_run(db, a, &lock_session, 1, p, &r);
	if (rc == DB_OK && db_rows_count(r) == 0)
		rc = DB_NOT_FOUND;
	if (rc == DB_OK)
		rc = issue_all(g, session_id, now, out);
	sodium_memzero(g->sk, sizeof(g->sk));
	if (rc == DB_OK && !out->not_ready)
		return db_commit(db);
	db_rollback(db);
	if (rc != DB_OK)
		*out = (struct certificate_issue){ 0 };
	return rc;
}
