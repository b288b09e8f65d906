/* The questionnaires' part of `formations remind` (README.md,
 * "Evaluations"): creates the questionnaires the schedule has reached,
 * then for each one not closed does what rules/survey.h survey_due_now
 * says is due: the opening mail, the reminders of J+3 and J+7 to whoever
 * has not answered, the closing at J+30.
 *
 * Idempotent twice over: a step is recorded from the state it was read in
 * (store_survey_step answers DB_STALE when another run did it), and its
 * mail carries the dedup key survey:<id>:<step>, in the same transaction.
 * Each questionnaire is one transaction and one arena: a year of them is
 * never held at once. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/calendar_fr.h"
#include "rules/survey.h"
#include "store/db.h"
#include "store/outbox.h"
#include "store/surveys.h"

static const char *long_date(struct arena *a, struct civil_date d)
{
	char buf[CAL_LONG_FR_BUF];
	return cal_format_long_fr(d, buf, sizeof(buf)) == 0 ? arena_strdup(a, buf) : "";
}

/* What the person is asked, in the words of the mail. */
static const char *ask_of(enum survey_kind k)
{
	switch (k) {
	case SURVEY_AMONT:
		return "Avant la formation, quelques questions nous aident à l'adapter à votre groupe : "
			"vos attentes, où vous en êtes sur chacun de ses objectifs, un éventuel besoin "
			"d'adaptation.";
	case SURVEY_CHAUD:
		return "La formation est terminée : dites-nous ce que vous en avez pensé. Vos réponses "
			"servent à l'améliorer et donnent le taux de satisfaction publié sur sa fiche.";
	case SURVEY_FROID:
		return "Deux mois après la formation, qu'en avez-vous fait dans votre travail ? Quelques "
			"questions, quelques minutes.";
	case SURVEY_FROID_MANAGER:
		return "Vous avez inscrit des agents à cette formation il y a trois mois. Votre regard de "
			"responsable sur ce qu'ils en ont fait nous aide à la faire évoluer : quatre "
			"questions, quelques minutes.";
	}
	return "";
}

static const char *subject_of(struct arena *a, enum survey_kind k, enum survey_due d,
		const char *course)
{
	const char *what = k == SURVEY_AMONT ? "Avant votre formation" :
		k == SURVEY_CHAUD ? "Votre avis sur la formation" :
		k == SURVEY_FROID ? "Deux mois après la formation" : "Trois mois après la formation";
	return arena_printf(a, "%s%s : %s", d == SURVEY_DUE_OPEN ? "" : "Rappel — ", what, course);
}

static const char *body_of(struct arena *a, const struct settings *s, const struct survey_row *r,
		enum survey_kind k, enum survey_due d, struct civil_date last_day)
{
	return arena_printf(a,
		"Bonjour %s,\n\n"
		"%s%s\n\n"
		"Formation : %s\n\n"
		"Répondre au questionnaire (sans compte, ce lien est personnel) :\n%s/questionnaire/%s\n\n"
		"Vous pouvez répondre, et changer vos réponses, jusqu'au %s inclus.\n\n"
		"Merci pour votre participation.\n\n"
		"-- \nEGOC — Formations (message automatique ; pour ne plus le recevoir, il suffit de "
		"répondre au questionnaire)\n",
		r->to_name,
		d == SURVEY_DUE_OPEN ? "" : "Nous n'avons pas encore reçu votre réponse. ",
		ask_of(k), r->course_title, s->base_url, r->token, long_date(a, last_day));
}

/* survey_due_now's view of one row. */
static int schedule_of(const struct survey_row *r, struct survey_schedule *sc,
		struct survey_progress *p)
{
	enum survey_kind k;
	if (survey_kind_parse(r->kind, &k) != 0)
		return -1;
	*sc = (struct survey_schedule){ .kind = k, .opens_at = strtoll(r->opens_epoch, NULL, 10),
		.mail_at = strtoll(r->mail_epoch, NULL, 10) };
	sc->opens_on = cal_paris_local_date(sc->opens_at);
	*p = (struct survey_progress){ .opened = *r->opened_on != '\0', .answered = *r->answer_set_id != '\0',
		.reminders_sent = atoi(r->reminders_sent), .closed = *r->closed != '\0' };
	if (p->opened && cal_parse_date(r->opened_on, &p->opened_on) != 0)
		return -1;
	return 0;
}

static int step_one(struct db *db, struct arena *a, const struct settings *s,
		const struct survey_row *r, int64_t now, long *mails, long *closed)
{
	struct survey_schedule sc;
	struct survey_progress p;
	struct civil_date today = cal_paris_local_date(now);
	char today_iso[CAL_DATE_BUF];
	if (schedule_of(r, &sc, &p) != 0 || cal_format_date(today, today_iso, sizeof(today_iso)) != 0) {
		fprintf(stderr, "formations: remind: questionnaire %s unreadable, skipped\n", r->id);
		return DB_OK;
	}
	enum survey_due d = survey_due_now(&sc, &p, now);
	if (d == SURVEY_DUE_NONE)
		return DB_OK;
	struct civil_date j = d == SURVEY_DUE_OPEN ? today : p.opened ? p.opened_on : sc.opens_on;
	int rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	rc = store_survey_step(db, r->id, survey_due_name(d), today_iso);
	int queued = 0;
	if (rc == DB_OK && d != SURVEY_DUE_CLOSE && *r->to_email)
		rc = store_outbox_queue(db, r->to_email, subject_of(a, sc.kind, d, r->course_title),
			body_of(a, s, r, sc.kind, d, cal_add_days(survey_closes_on(j), -1)),
			d == SURVEY_DUE_OPEN ? "questionnaire" : "questionnaire_rappel",
			*r->demand_id ? r->demand_id : NULL,
			arena_printf(a, "survey:%s:%s", r->id, survey_due_name(d)), &queued);
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == DB_STALE)
		return DB_OK; /* another run did it */
	*mails += queued;
	*closed += rc == DB_OK && d == SURVEY_DUE_CLOSE;
	return rc;
}

int cli_remind_surveys(struct db *db, const struct settings *s, int64_t now, long *created,
		long *mails, long *closed)
{
	struct arena *a = arena_new();
	struct survey_row *rows;
	size_t n;
	char now_text[24];
	snprintf(now_text, sizeof(now_text), "%lld", (long long)now);
	int rc = a ? store_surveys_create_due(db, a, now, NULL, created) : DB_FAILED;
	if (rc == DB_OK)
		rc = store_surveys_pending(db, a, now_text, &rows, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct arena *one = arena_new();
		rc = one ? step_one(db, one, s, &rows[i], now, mails, closed) : DB_FAILED;
		arena_free(one);
	}
	arena_free(a);
	return rc;
}
