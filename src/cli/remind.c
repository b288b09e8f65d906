/* `formations remind`: queues today's due-date warnings (README.md, "The
 * response commitment": 15j at D-5 (assignee) and D-2 (assignee and
 * manager); 1mois at D-10 and D-3; then on the due day and every day after
 * until answered).
 * Meant for a daily timer; `formations mail` sends what it queued.
 *
 * - Only demands whose clock runs (recue, en_instruction): a demand
 *   waiting on the requester is paused, its due date will move.
 * - Today is the Europe/Paris date of now, as for the due-date rule.
 * - The assignee gets it, or EGOC's address (mail_egoc) when nobody
 *   (active) is assigned, so that no warning goes nowhere.
 * - The "manager" of that rule: the data model links no staff member to
 *   a manager, and the admins are the ones who run the service (accounts,
 *   settings, closure days), so every active admin account receives the
 *   manager's copies; mail_egoc when there is no active admin.
 * - Convocations: the reminder of J-2 to every confirmed participant of a
 *   confirmed session (README.md, "Participants"), with its invitation.
 * - Idempotent: each mail carries dedup_key warn:<demand>:<day>:<to>, and
 *   the outbox's unique key drops a second copy, so a second run on the
 *   same day (a retried timer, two hosts) queues nothing. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"
#include "store/db.h"
#include "store/convocations.h"
#include "store/reminders.h"

/* "dans 5 jours", "aujourd'hui", "en retard de 3 jours": for the subject. */
static const char *when_text(struct arena *a, int left)
{
	if (left == 0)
		return "attendue aujourd'hui";
	if (left > 0)
		return arena_printf(a, "attendue dans %d jour%s", left, left > 1 ? "s" : "");
	return left == -1 ? "en retard d'un jour" : arena_printf(a, "en retard de %d jours", -left);
}

static const char *left_sentence(struct arena *a, int left)
{
	if (left == 0)
		return "L'échéance est aujourd'hui.";
	if (left > 0)
		return arena_printf(a, "Il reste %d jour%s avant l'échéance.", left, left > 1 ? "s" : "");
	return left == -1 ? "La réponse est en retard d'un jour." :
		arena_printf(a, "La réponse est en retard de %d jours.", -left);
}

static const char *body_text(struct arena *a, const struct settings *s,
		const struct reminder_demand *d, const char *due_long, int left, int to_manager)
{
	enum regime r;
	const char *regime = due_regime_parse(d->regime, &r) == 0 ? due_regime_label_fr(r) : d->regime;
	return arena_printf(a,
		"Bonjour,\n\n"
		"La demande de formation %s doit recevoir une réponse au plus tard le %s.\n"
		"%s\n\n"
		"Organisme : %s\n"
		"Formation : %s\n"
		"Régime : %s\n"
		"Responsable : %s\n\n"
		"Ouvrir la demande : %s/intranet/demandes/%s\n\n"
		"%s"
		"-- \nFormations EGOC (message automatique de suivi des délais de réponse)\n",
		d->reference, due_long, left_sentence(a, left), d->organisation,
		*d->course ? d->course : "(demande sur mesure)", regime,
		*d->assignee_name ? d->assignee_name : "non attribuée", s->base_url, d->id,
		to_manager ? "Vous recevez ce message en tant qu'administrateur, responsable du respect "
			"de l'engagement de réponse.\n\n" : "");
}

/* Queues one copy for `to`; adds 1 to *queued when it was new. */
static int queue_one(struct db *db, struct arena *a, const struct reminder_demand *d,
		const char *today, const char *to, const char *subject, const char *body, long *queued)
{
	const char *key = arena_printf(a, "warn:%s:%s:%s", d->id, today, to);
	if (!key || !subject || !body)
		return DB_FAILED;
	struct reminder_mail m = { to, subject, body, d->id, key };
	int added = 0;
	int rc = store_reminder_queue(db, &m, &added);
	*queued += added;
	return rc;
}

static int warn_demand(struct db *db, struct arena *a, const struct settings *s,
		const struct reminder_demand *d, struct civil_date today, const char *today_iso,
		const char *const *managers, size_t n_managers, long *queued)
{
	struct civil_date due;
	enum regime r;
	char due_long[CAL_LONG_FR_BUF];
	if (cal_parse_date(d->due_on, &due) != 0 || due_regime_parse(d->regime, &r) != 0 ||
			cal_format_long_fr(due, due_long, sizeof(due_long)) != 0) {
		fprintf(stderr, "formations: remind: %s: unreadable due date or régime, skipped\n",
			d->reference);
		return DB_OK;
	}
	int left = due_date_days_left(today, due);
	enum due_warning w = due_date_warning(r, left);
	if (!due_warning_is_sent(w))
		return DB_OK;
	const char *subject = arena_printf(a, "Demande %s : réponse %s", d->reference,
		when_text(a, left));
	const char *to = *d->assignee_email ? d->assignee_email : s->mail_egoc;
	int rc = queue_one(db, a, d, today_iso, to, subject,
		body_text(a, s, d, due_long, left, 0), queued);
	if (rc != DB_OK || !due_warning_to_manager(w))
		return rc;
	const char *manager_body = body_text(a, s, d, due_long, left, 1);
	if (n_managers == 0)
		return queue_one(db, a, d, today_iso, s->mail_egoc, subject, manager_body, queued);
	for (size_t i = 0; rc == DB_OK && i < n_managers; i++)
		rc = queue_one(db, a, d, today_iso, managers[i], subject, manager_body, queued);
	return rc;
}

/* The convocation reminders of J-2, each in its own transaction (its mail
 * and its copy together) and its own arena (a year of sessions is never
 * held at once). The dedup key makes a second run a no-op. */
static int remind_convocations(struct db *db, struct arena *a, const struct settings *s,
		const char *today_iso, long *queued)
{
	const char **ids, **days;
	size_t n;
	int rc = store_convocation_reminders_due(db, a, today_iso, &ids, &days, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct arena *one = arena_new();
		int sent = 0;
		rc = one ? db_begin(db) : DB_FAILED;
		if (rc == DB_OK)
			rc = store_convocation_queue(db, one, s, ids[i], CONVOCATION_REMINDER, NULL,
				arena_printf(one, "convocation-rappel:%s:%s", ids[i], days[i]), &sent);
		if (rc == DB_OK)
			rc = db_commit(db);
		else if (one)
			db_rollback(db);
		*queued += sent;
		arena_free(one);
	}
	return rc;
}

static int remind(struct db *db, struct arena *a, const struct settings *s, int64_t now,
		long *queued, long *convocations)
{
	struct civil_date today = cal_paris_local_date(now);
	char today_iso[CAL_DATE_BUF];
	struct reminder_demand *d;
	const char **managers;
	size_t n, n_managers;
	if (cal_format_date(today, today_iso, sizeof(today_iso)) != 0)
		return DB_FAILED;
	int rc = store_reminder_managers(db, a, &managers, &n_managers);
	if (rc == DB_OK)
		rc = store_reminder_demands(db, a, &d, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = warn_demand(db, a, s, &d[i], today, today_iso, managers, n_managers, queued);
	if (rc == DB_OK)
		rc = remind_convocations(db, a, s, today_iso, convocations);
	return rc;
}

int cli_remind(const struct settings *s, int argc, char **argv)
{
	/* --at: run as of another moment (a day missed, the tests' J+3 and J+7) */
	int64_t now = (int64_t)time(NULL);
	char *end = NULL;
	if (argc == 2 && strcmp(argv[0], "--at") == 0)
		now = (int64_t)strtoll(argv[1], &end, 10);
	if ((argc != 0 && argc != 2) || (argc == 2 && (end == argv[1] || *end != '\0'))) {
		fprintf(stderr, "usage: formations remind [--at UNIX_SECONDS]\n");
		return 2;
	}
	struct db *db = db_new(s->db, s->db_timeout);
	struct arena *a = arena_new();
	long queued = 0, convocations = 0, created = 0, mails = 0, closed = 0;
	int rc = db && a ? remind(db, a, s, now, &queued, &convocations) : DB_FAILED;
	if (rc == DB_OK)
		rc = cli_remind_surveys(db, s, now, &created, &mails, &closed);
	arena_free(a);
	db_free(db);
	/* What was queued before a failure stays queued: the next run skips it. */
	printf("queued %ld warnings\n", queued);
	printf("queued %ld convocation reminders\n", convocations);
	printf("questionnaires: %ld created, %ld mails queued, %ld closed\n", created, mails, closed);
	if (rc != DB_OK) {
		fprintf(stderr, "formations: remind: %s\n", rc == DB_UNAVAILABLE ?
			"database unavailable" : "database error (see the log)");
		return 1;
	}
	return 0;
}
