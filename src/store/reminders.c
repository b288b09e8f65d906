#include "store/reminders.h"

#include "base/arena.h"
#include "store/db.h"
#include "store/outbox.h"

/* An assignee whose account was disabled, or who is now a trainer (who
 * may not read demands), no longer gets their mail: the warning then goes
 * where unassigned ones go. */
static const struct db_stmt running = { "reminder_demands",
	"SELECT d.id, d.reference, d.organisation,"
	" CASE WHEN c.title IS NOT NULL THEN c.title ELSE d.custom_title END AS course,"
	" d.regime, to_char(d.due_on, 'YYYY-MM-DD') AS due_on,"
	" CASE WHEN u.active AND u.role <> 'formateur' THEN u.email ELSE '' END AS assignee_email,"
	" CASE WHEN u.active AND u.role <> 'formateur' THEN u.display_name ELSE '' END AS assignee_name"
	" FROM demand d LEFT JOIN course c ON c.id = d.course_id"
	" LEFT JOIN staff_user u ON u.id = d.assignee_id"
	" WHERE d.status IN ('recue', 'en_instruction') ORDER BY d.due_on, d.id" };
static const struct db_stmt managers = { "reminder_managers",
	"SELECT email FROM staff_user WHERE role = 'admin' AND active ORDER BY id" };

int store_reminder_demands(struct db *db, struct arena *a, struct reminder_demand **out, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &running, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*out = arena_calloc(a, *n ? *n : 1, sizeof(**out));
	if (!*out)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++) {
		struct reminder_demand *d = &(*out)[i];
#define COL(f) d->f = db_get(r, i, #f);
		COL(id) COL(reference) COL(organisation) COL(course) COL(regime) COL(due_on)
		COL(assignee_email) COL(assignee_name)
#undef COL
	}
	return DB_OK;
}

int store_reminder_managers(struct db *db, struct arena *a, const char ***emails, size_t *n)
{
	struct db_rows *r;
	int rc = db_run(db, a, &managers, 0, NULL, &r);
	if (rc != DB_OK)
		return rc;
	*n = db_rows_count(r);
	*emails = arena_calloc(a, *n ? *n : 1, sizeof(**emails));
	if (!*emails)
		return DB_FAILED;
	for (size_t i = 0; i < *n; i++)
		(*emails)[i] = db_get(r, i, "email");
	return DB_OK;
}

int store_reminder_queue(struct db *db, const struct reminder_mail *m, int *queued)
{
	return store_outbox_queue(db, m->to, m->subject, m->body, "rappel", m->demand_id,
			m->dedup_key, queued);
}
