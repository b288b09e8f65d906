/* Evaluation rules: see survey.h. */
#include "rules/survey.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "rules/fields.h"
#include "rules/slot_time.h"

/* ---------------------------------------------------------------- helpers */

/* The index of s in names[0..n), or -1. */
static int name_index(const char *const *names, int n, const char *s)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static const char *name_at(const char *const *names, int n, int i)
{
	return i >= 0 && i < n ? names[i] : NULL;
}

static void empty(char *buf, size_t size)
{
	if (buf && size > 0)
		buf[0] = '\0';
}

/* snprintf that fits or fails: 0, or -1 with buf "". */
__attribute__((format(printf, 3, 4)))
static int put(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	if (buf == NULL || size == 0)
		return -1;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* A count the French way: digits grouped by three with a space, "1 046".
 * v >= 0; out holds at least 27 bytes (19 digits and 6 spaces). */
static void count_fr(int64_t v, char out[32])
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%lld", (long long)v);
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* The Paris date of an instant as a day number, for comparisons. */
static int64_t paris_day(int64_t instant)
{
	return cal_days_from_civil(cal_paris_local_date(instant));
}

/* ------------------------------------------------------------------ kinds */

static const char *const kind_names[] = { "amont", "chaud", "froid", "froid_manager" };
static const char *const kind_labels[] = {
	"Évaluation en amont", "À chaud", "À froid (J+60)", "À froid, responsable (J+90)",
};

const char *survey_kind_name(enum survey_kind k)
{
	return name_at(kind_names, SURVEY_KIND_COUNT, (int)k);
}

int survey_kind_parse(const char *s, enum survey_kind *out)
{
	int i = name_index(kind_names, SURVEY_KIND_COUNT, s);
	if (i < 0 || out == NULL)
		return -1;
	*out = (enum survey_kind)i;
	return 0;
}

const char *survey_kind_label_fr(enum survey_kind k)
{
	return name_at(kind_labels, SURVEY_KIND_COUNT, (int)k);
}

int survey_kind_for_requester(enum survey_kind k)
{
	if ((int)k < 0 || (int)k >= SURVEY_KIND_COUNT)
		return -1;
	return k == SURVEY_FROID_MANAGER;
}

/* -------------------------------------------------------------- questions */

static const char *const type_names[] = { "echelle", "choix", "oui_non", "texte" };
static const char *const type_labels[] = {
	"Échelle de 1 à 5", "Choix dans une liste", "Oui ou non", "Texte libre",
};

const char *survey_question_type_name(enum survey_question_type t)
{
	return name_at(type_names, SURVEY_Q_TYPE_COUNT, (int)t);
}

int survey_question_type_parse(const char *s, enum survey_question_type *out)
{
	int i = name_index(type_names, SURVEY_Q_TYPE_COUNT, s);
	if (i < 0 || out == NULL)
		return -1;
	*out = (enum survey_question_type)i;
	return 0;
}

const char *survey_question_type_label_fr(enum survey_question_type t)
{
	return name_at(type_labels, SURVEY_Q_TYPE_COUNT, (int)t);
}

static const char *check_text(const struct survey_question *q, const char *value, char *msg,
		size_t size)
{
	if (!utf8_valid(value, strlen(value)))
		return "Votre réponse contient des caractères illisibles : retapez-la.";
	const char *control = field_multi_line(value);
	if (control)
		return control;
	size_t max = q->max_chars ? q->max_chars : SURVEY_TEXT_MAX_DEFAULT;
	if (field_chars(value) > max) {
		char limit[32];
		count_fr((int64_t)max, limit);
		if (msg == NULL || put(msg, size, "Votre réponse dépasse %s caractères : "
				"raccourcissez-la.", limit) != 0)
			return "Votre réponse est trop longue : raccourcissez-la.";
		return msg;
	}
	return NULL;
}

const char *survey_answer_check(const struct survey_question *q, const char *value, char *msg,
		size_t size)
{
	if (q == NULL || (int)q->type < 0 || (int)q->type >= SURVEY_Q_TYPE_COUNT)
		return "Cette question n'existe pas.";
	if (field_is_blank(value))
		return q->required ? "Répondez à cette question." : NULL;
	switch (q->type) {
	case SURVEY_Q_SCALE:
		if (value[0] >= '1' && value[0] <= '5' && value[1] == '\0')
			return NULL;
		return "Choisissez une note de 1 à 5.";
	case SURVEY_Q_CHOICE:
		for (size_t i = 0; q->options && i < q->option_count; i++)
			if (q->options[i] && strcmp(q->options[i], value) == 0)
				return NULL;
		return "Choisissez l'une des réponses proposées.";
	case SURVEY_Q_YES_NO:
		if (strcmp(value, "oui") == 0 || strcmp(value, "non") == 0)
			return NULL;
		return "Répondez par oui ou par non.";
	case SURVEY_Q_TEXT:
		return check_text(q, value, msg, size);
	}
	return "Cette question n'existe pas.";
}

/* ----------------------------------------------------------------- models */

enum survey_edit survey_edit_plan(long answer_sets, long dropped_with_answers)
{
	if (dropped_with_answers > 0)
		return SURVEY_EDIT_REFUSED;
	return answer_sets > 0 ? SURVEY_EDIT_NEW_VERSION : SURVEY_EDIT_IN_PLACE;
}

const char *survey_edit_refusal_fr(const char *question, char *buf, size_t size)
{
	static const char fallback[] = "Une question retirée a déjà des réponses : gardez-la (vous "
		"pouvez la rendre facultative ou la reformuler), sinon ses résultats perdraient leur "
		"question.";
	if (question == NULL || put(buf, size, "La question %s a déjà des réponses : elle ne peut pas "
			"être retirée, ses résultats perdraient leur question. Gardez-la ; vous pouvez la "
			"reformuler ou la rendre facultative (une nouvelle version du questionnaire est alors "
			"créée).", question) != 0)
		return fallback;
	return buf;
}

const char *survey_model_check(enum survey_kind k, size_t questions, size_t globals)
{
	if ((int)k < 0 || (int)k >= SURVEY_KIND_COUNT)
		return "Ce type de questionnaire n'existe pas.";
	if (questions == 0)
		return "Un questionnaire a au moins une question.";
	if (questions > SURVEY_QUESTIONS_MAX)
		return "Un questionnaire a au plus 40 questions.";
	if (k == SURVEY_CHAUD && globals == 0)
		return "Le questionnaire à chaud a une question de satisfaction globale : c'est elle qui "
			"donne le taux de satisfaction de la fiche. Cochez-la sur l'une des échelles.";
	if (k == SURVEY_CHAUD && globals > 1)
		return "Une seule question peut être la satisfaction globale.";
	if (k != SURVEY_CHAUD && globals > 0)
		return "Seul le questionnaire à chaud a une question de satisfaction globale.";
	return NULL;
}

/* --------------------------------------------------------------- schedule */

int survey_days_after_session(enum survey_kind k)
{
	switch (k) {
	case SURVEY_FROID:
		return SURVEY_FROID_DAYS;
	case SURVEY_FROID_MANAGER:
		return SURVEY_FROID_MANAGER_DAYS;
	default:
		return -1;
	}
}

int survey_schedule_of(enum survey_kind k, const struct survey_session_facts *f,
		struct survey_schedule *out)
{
	if (f == NULL || out == NULL || (int)k < 0 || (int)k >= SURVEY_KIND_COUNT)
		return -1;
	struct survey_schedule s = { .kind = k };
	if (k == SURVEY_AMONT) {
		s.opens_at = s.mail_at = f->convocation_at;
	} else {
		if (f->last_half_day_end <= f->last_half_day_start)
			return -1;
		if (k == SURVEY_CHAUD) {
			s.opens_at = f->last_half_day_start;
			s.mail_at = f->last_half_day_end;
		} else {
			struct civil_date day = cal_add_days(cal_paris_local_date(f->last_half_day_start),
					survey_days_after_session(k));
			/* Midnight exists once in Paris: the changes of time are at 02:00. */
			if (slot_paris_to_utc(day, 0, &s.opens_at) != SLOT_LOCAL_OK)
				return -1;
			s.mail_at = s.opens_at;
		}
	}
	s.opens_on = cal_paris_local_date(s.opens_at);
	*out = s;
	return 0;
}

struct civil_date survey_reminder_on(struct civil_date opened_on, int n)
{
	if (n == 1)
		return cal_add_days(opened_on, SURVEY_REMINDER_1_DAYS);
	if (n == 2)
		return cal_add_days(opened_on, SURVEY_REMINDER_2_DAYS);
	return opened_on;
}

struct civil_date survey_closes_on(struct civil_date opened_on)
{
	return cal_add_days(opened_on, SURVEY_OPEN_DAYS);
}

static const char *const due_names[] = { "none", "open", "remind_1", "remind_2", "close" };

const char *survey_due_name(enum survey_due d)
{
	return name_at(due_names, 5, (int)d);
}

/* J: the day it opened, or was to open. */
static struct civil_date day_j(const struct survey_schedule *s, const struct survey_progress *p)
{
	return p->opened && cal_date_is_valid(p->opened_on) ? p->opened_on : s->opens_on;
}

enum survey_due survey_due_now(const struct survey_schedule *s, const struct survey_progress *p,
		int64_t now)
{
	if (s == NULL || p == NULL || p->closed)
		return SURVEY_DUE_NONE;
	int64_t j = cal_days_from_civil(day_j(s, p)), today = paris_day(now);
	if (today >= j + SURVEY_OPEN_DAYS)
		return SURVEY_DUE_CLOSE;
	if (p->answered)
		return SURVEY_DUE_NONE;
	if (!p->opened)
		return now >= s->mail_at ? SURVEY_DUE_OPEN : SURVEY_DUE_NONE;
	if (today >= j + SURVEY_REMINDER_2_DAYS && p->reminders_sent < 2)
		return SURVEY_DUE_REMIND_2;
	if (today >= j + SURVEY_REMINDER_1_DAYS && p->reminders_sent < 1)
		return SURVEY_DUE_REMIND_1;
	return SURVEY_DUE_NONE;
}

int survey_progress_apply(struct survey_progress *p, enum survey_due d, struct civil_date today)
{
	if (p == NULL)
		return -1;
	switch (d) {
	case SURVEY_DUE_NONE:
		return 0;
	case SURVEY_DUE_OPEN:
		p->opened = 1;
		p->opened_on = today;
		return 0;
	case SURVEY_DUE_REMIND_1:
		p->reminders_sent = 1;
		return 0;
	case SURVEY_DUE_REMIND_2:
		p->reminders_sent = 2;
		return 0;
	case SURVEY_DUE_CLOSE:
		p->closed = 1;
		return 0;
	}
	return -1;
}

int survey_answerable(const struct survey_schedule *s, const struct survey_progress *p,
		int64_t now)
{
	if (s == NULL || p == NULL || p->closed || now < s->opens_at)
		return 0;
	return paris_day(now) < cal_days_from_civil(day_j(s, p)) + SURVEY_OPEN_DAYS;
}

/* ---------------------------------------------------- satisfaction rate */

static int date_in_range(struct civil_date d)
{
	return cal_date_is_valid(d) && d.year >= CAL_YEAR_MIN && d.year <= CAL_YEAR_MAX;
}

int survey_rate_window(struct civil_date today, struct civil_date *first, struct civil_date *last)
{
	if (!date_in_range(today))
		return -1;
	/* Months counted from year 0: the 1st of today's month less 11. */
	int m = today.year * 12 + (today.month - 1) - (SURVEY_RATE_MONTHS - 1);
	if (first)
		*first = (struct civil_date){ m / 12, m % 12 + 1, 1 };
	if (last)
		*last = today;
	return 0;
}

int survey_rate_window_contains(struct civil_date today, struct civil_date last_day)
{
	struct civil_date first;
	if (!cal_date_is_valid(last_day) || survey_rate_window(today, &first, NULL) != 0)
		return 0;
	return cal_date_compare(last_day, first) >= 0 && cal_date_compare(last_day, today) <= 0;
}

int survey_tally_add(struct survey_tally *t, int score)
{
	if (t == NULL || score < 1 || score > 5)
		return -1;
	t->by_score[score - 1]++;
	return 0;
}

int survey_rate_compute(const struct survey_tally *t, struct civil_date today,
		struct survey_rate *out)
{
	struct survey_rate r = { .percent = -1, .computed_on = today };
	if (t == NULL || out == NULL || t->participants < 0 ||
			survey_rate_window(today, &r.period_first, &r.period_last) != 0)
		return -1;
	for (int i = 0; i < 5; i++) {
		if (t->by_score[i] < 0 || t->by_score[i] > INT64_MAX / 400 - r.respondents)
			return -1;
		r.respondents += t->by_score[i];
		if (i + 1 >= SURVEY_SATISFIED_MIN)
			r.satisfied += t->by_score[i];
	}
	r.participants = t->participants;
	if (r.respondents > r.participants)
		return -1;
	if (r.respondents >= SURVEY_RATE_MIN_RESPONDENTS) {
		r.published = 1;
		/* Half up in integers: floor(100 s / n + 1/2) = (200 s + n) / 2n. */
		r.percent = (int)((200 * r.satisfied + r.respondents) / (2 * r.respondents));
	}
	*out = r;
	return 0;
}

int survey_period_fr(struct civil_date first, struct civil_date last, char *buf, size_t size)
{
	if (!cal_date_is_valid(first) || !cal_date_is_valid(last) || cal_date_compare(first, last) > 0 ||
			first.year < 0 || last.year > 9999) {
		empty(buf, size);
		return -1;
	}
	const char *m1 = cal_month_name_fr(first.month), *m2 = cal_month_name_fr(last.month);
	if (first.year == last.year && first.month == last.month)
		return put(buf, size, "%s %d", m1, first.year);
	if (first.year == last.year)
		return put(buf, size, "%s – %s %d", m1, m2, last.year);
	return put(buf, size, "%s %d – %s %d", m1, first.year, m2, last.year);
}

int survey_rate_sentence_fr(const struct survey_rate *r, char *buf, size_t size)
{
	char period[SURVEY_PERIOD_FR_BUF], n[32], p[32];
	if (r == NULL || r->respondents < 0 || r->participants < 0 ||
			survey_period_fr(r->period_first, r->period_last, period, sizeof(period)) != 0) {
		empty(buf, size);
		return -1;
	}
	count_fr(r->respondents, n);
	count_fr(r->participants, p);
	const char *rs = r->respondents > 1 ? "s" : "", *ps = r->participants > 1 ? "s" : "";
	if (r->published)
		return put(buf, size, "%d %% de participants satisfaits (%s réponse%s sur %s "
				"participant%s, %s)", r->percent, n, rs, p, ps, period);
#define HEAD "Taux de satisfaction publié à partir de %d réponses"
	if (r->participants == 0)
		return put(buf, size, HEAD " (aucun participant, %s)", SURVEY_RATE_MIN_RESPONDENTS,
				period);
	if (r->respondents == 0)
		return put(buf, size, HEAD " (aucune réponse à ce jour sur %s participant%s, %s)",
				SURVEY_RATE_MIN_RESPONDENTS, p, ps, period);
	return put(buf, size, HEAD " (%s réponse%s à ce jour sur %s participant%s, %s)",
			SURVEY_RATE_MIN_RESPONDENTS, n, rs, p, ps, period);
#undef HEAD
}
