#include "store/convocations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "out/mail.h"
#include "store/db.h"
#include "store/outbox.h"
#include "store/registrations.h"
#include "store/sessions.h"

static const struct db_stmt load = { "convocation_load",
	"SELECT r.id, r.token, r.version, r.status, coalesce(r.waiting_rank::text, '') AS waiting_rank,"
	" p.last_name, p.first_name, p.email, p.organisation,"
	" coalesce(d.first_name || ' ' || d.last_name, '') AS requester_name,"
	" coalesce(d.email, '') AS requester_email, coalesce(d.id::text, '') AS demand_id,"
	" c.title, c.prerequisites, c.disability_referent_name, c.disability_referent_contact,"
	" se.id AS session_id, se.kind, se.status AS session_status,"
	" coalesce(pl.name, '') AS place_name, coalesce(pl.address, '') AS place_address,"
	" coalesce(pl.city, '') AS place_city, coalesce(pl.access, '') AS place_access,"
	" coalesce(pl.accessibility, '') AS place_accessibility"
	" FROM registration r JOIN participant p ON p.id = r.participant_id"
	" JOIN session se ON se.id = r.session_id JOIN course c ON c.id = se.course_id"
	" LEFT JOIN place pl ON pl.id = se.place_id LEFT JOIN demand d ON d.id = r.demand_id"
	" WHERE r.id = $1::bigint" };
static const struct db_stmt concerned = { "convocation_concerned",
	"SELECT id FROM registration WHERE session_id = $1::bigint"
	" AND (status = 'confirmee' OR ($2::boolean AND status IN ('attente', 'demandee'))) ORDER BY id" };

static const struct db_stmt reminders_due = { "convocation_reminders_due",
	"SELECT r.id, to_char(se.first_day, 'YYYY-MM-DD') AS first_day FROM session se"
	" JOIN registration r ON r.session_id = se.id AND r.status = 'confirmee'"
	" WHERE se.status = 'confirmee' AND se.first_day = $1::date + 2 ORDER BY r.id" };

/* Mails of each kind in the outbox, for the desk's list of failures. */
static const char *const outbox_kind[] = {
	[CONVOCATION_INVITE] = "convocation", [CONVOCATION_REMINDER] = "convocation_rappel",
	[CONVOCATION_UPDATE] = "convocation_modification", [CONVOCATION_CANCEL] = "convocation_annulation",
	[CONVOCATION_WAITING] = "liste_attente", [CONVOCATION_PROMOTED] = "convocation",
};

static const char *accessibility_contact(struct arena *a, const struct db_rows *r,
		const struct settings *s)
{
	const char *name = db_get(r, 0, "disability_referent_name");
	const char *contact = db_get(r, 0, "disability_referent_contact");
	if (*contact)
		return *name ? arena_printf(a, "%s (%s)", name, contact) : contact;
	return s->mail_egoc;
}

static int slots_of(struct db *db, struct arena *a, const char *session_id, struct convocation *c)
{
	struct slot *slots;
	size_t n;
	int rc = store_session_slots(db, a, session_id, &slots, &n);
	if (rc != DB_OK)
		return rc;
	struct convocation_slot *cs = n ? arena_calloc(a, n, sizeof(*cs)) : NULL;
	if (n && !cs)
		return DB_FAILED;
	for (size_t i = 0; i < n; i++) {
		const struct slot *t = &slots[i];
		cs[i] = (struct convocation_slot){ .id = t->id, .day = t->day, .start = t->start,
			.end = t->end, .start_utc = strtoll(t->starts_epoch, NULL, 10),
			.end_utc = strtoll(t->ends_epoch, NULL, 10), .room = t->room_name,
			.trainers = t->trainers, .module_label = t->module_label, .day_label = t->day_label,
			.remote = *t->remote != '\0', .cancelled = *t->cancelled != '\0',
			.sequence = atoi(t->sequence) };
	}
	c->slots = cs;
	c->n_slots = n;
	return DB_OK;
}

int store_convocation_load(struct db *db, struct arena *a, const struct settings *s,
		const char *registration_id, struct convocation *c)
{
	const char *p[] = { registration_id };
	struct db_rows *r;
	int rc = db_run(db, a, &load, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	if (db_rows_count(r) == 0)
		return DB_NOT_FOUND;
	*c = (struct convocation){
		.registration_id = db_get(r, 0, "id"), .token = db_get(r, 0, "token"),
		.last_name = db_get(r, 0, "last_name"), .first_name = db_get(r, 0, "first_name"),
		.email = db_get(r, 0, "email"), .organisation = db_get(r, 0, "organisation"),
		.requester_name = db_get(r, 0, "requester_name"),
		.requester_email = db_get(r, 0, "requester_email"),
		.course_title = db_get(r, 0, "title"), .prerequisites = db_get(r, 0, "prerequisites"),
		.session_kind = db_get(r, 0, "kind"), .session_status = db_get(r, 0, "session_status"),
		.place_name = db_get(r, 0, "place_name"), .place_address = db_get(r, 0, "place_address"),
		.place_city = db_get(r, 0, "place_city"), .place_access = db_get(r, 0, "place_access"),
		.place_accessibility = db_get(r, 0, "place_accessibility"),
		.accessibility_contact = accessibility_contact(a, r, s),
		.rules_text = "il s'applique pendant toute la formation et vous est présenté à l'accueil "
			"(hygiène, sécurité, horaires, assiduité).",
		.waiting_rank = db_get(r, 0, "waiting_rank"),
		.registration_version = atoi(db_get(r, 0, "version")),
	};
	if (!c->accessibility_contact)
		return DB_FAILED;
	return slots_of(db, a, db_get(r, 0, "session_id"), c);
}

static const char *demand_of(struct db *db, struct arena *a, const char *registration_id)
{
	struct db_rows *r;
	const char *p[] = { registration_id };
	static const struct db_stmt stmt = { "convocation_demand",
		"SELECT coalesce(demand_id::text, '') AS demand_id FROM registration WHERE id = $1::bigint" };
	if (db_run(db, a, &stmt, 1, p, &r) != DB_OK || db_rows_count(r) == 0)
		return NULL;
	const char *id = db_get(r, 0, "demand_id");
	return *id ? id : NULL;
}

int store_convocation_queue(struct db *db, struct arena *a, const struct settings *s,
		const char *registration_id, enum convocation_kind kind, const char *cancelled_slot,
		const char *dedup_key, int *queued)
{
	struct convocation c;
	struct convocation_mail m;
	char organizer[256];
	if (queued)
		*queued = 0;
	int rc = store_convocation_load(db, a, s, registration_id, &c);
	if (rc != DB_OK)
		return rc;
	if (!*c.email)
		return DB_OK;
	if (mail_address(s->mail_from, organizer, sizeof(organizer)) != MAIL_OK ||
			convocation_build(a, &c, kind, cancelled_slot, s->base_url, "EGOC — Formations",
				organizer, (int64_t)time(NULL), &m) != 0)
		return DB_FAILED;
	const char *demand_id = demand_of(db, a, registration_id);
	int sent = 0;
	rc = store_outbox_queue(db, c.email, m.subject, m.body, outbox_kind[kind], demand_id, dedup_key,
		&sent);
	/* each slot's invitation after the convocation, in the order of the slots */
	for (size_t i = 0; rc == DB_OK && sent && i < m.n_invites; i++) {
		const struct convocation_invite *v = &m.invites[i];
		rc = store_outbox_queue_calendar(db, c.email, v->subject, v->body, "invitation", demand_id,
			dedup_key ? arena_printf(a, "%s-creneau-%s", dedup_key, v->slot_id) : NULL, v->calendar,
			v->method, NULL);
	}
	if (rc == DB_OK && sent && m.copy_subject)
		rc = store_outbox_queue(db, c.requester_email, m.copy_subject, m.copy_body,
			"convocation_copie", demand_id, dedup_key ? arena_printf(a, "%s-copie", dedup_key) : NULL,
			NULL);
	if (rc == DB_OK && sent && kind != CONVOCATION_WAITING && kind != CONVOCATION_CANCEL)
		rc = store_registration_convoked(db, registration_id);
	if (queued)
		*queued = sent;
	return rc;
}

int store_convocation_queue_session(struct db *db, struct arena *a, const struct settings *s,
		const char *session_id, enum convocation_kind kind, const char *cancelled_slot, int *n)
{
	const char *p[] = { session_id, kind == CONVOCATION_CANCEL ? "true" : "false" };
	struct db_rows *r;
	if (n)
		*n = 0;
	int rc = db_run(db, a, &concerned, 2, p, &r);
	for (size_t i = 0; rc == DB_OK && i < db_rows_count(r); i++) {
		int queued = 0;
		rc = store_convocation_queue(db, a, s, db_get(r, i, "id"), kind, cancelled_slot, NULL, &queued);
		if (n)
			*n += queued;
	}
	return rc;
}

int store_convocation_reminders_due(struct db *db, struct arena *a, const char *today,
		const char ***ids, const char ***first_days, size_t *n)
{
	const char *p[] = { today };
	struct db_rows *r;
	*ids = *first_days = NULL;
	*n = 0;
	int rc = db_run(db, a, &reminders_due, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t count = db_rows_count(r);
	const char **id = count ? arena_calloc(a, count, sizeof(*id)) : NULL;
	const char **day = count ? arena_calloc(a, count, sizeof(*day)) : NULL;
	if (count && (!id || !day))
		return DB_FAILED;
	for (size_t i = 0; i < count; i++) {
		id[i] = db_get(r, i, "id");
		day[i] = db_get(r, i, "first_day");
	}
	*ids = id;
	*first_days = day;
	*n = count;
	return DB_OK;
}
