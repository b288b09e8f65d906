/* The rules of evaluations (questionnaires): their kinds, the types of
 * question and the check of one answer, the schedule of each questionnaire
 * (when it opens, when its mail goes, its two reminders, when it closes,
 * and what `formations remind` has to do for it now), and the satisfaction
 * rate each fiche publishes, with its 12-month window and its sentence.
 *
 * Pure: no I/O, no clock (now and today are parameters), no allocation, no
 * state kept between calls. Dates are Europe/Paris civil dates
 * (rules/calendar_fr.h), instants Unix seconds (int64_t) converted with
 * rules/slot_time.h, so that "J+3" is three Paris calendar days whatever
 * the changes of time in between. The store keeps what happened (opened,
 * reminders sent, answered, closed) and adds its own dedup keys; these
 * functions only say what is due. */
#ifndef FORMATIONS_RULES_SURVEY_H
#define FORMATIONS_RULES_SURVEY_H

#include <stddef.h>
#include <stdint.h>

#include "rules/calendar_fr.h"

/* ------------------------------------------------------------------------
 * Kinds of questionnaire. */

enum survey_kind {
	SURVEY_AMONT,         /* "amont": positioning, needs, sent with the convocation */
	SURVEY_CHAUD,         /* "chaud": at the end of the session */
	SURVEY_FROID,         /* "froid": the participant, J+60 */
	SURVEY_FROID_MANAGER, /* "froid_manager": the requester, J+90 */
};
#define SURVEY_KIND_COUNT 4

/* "amont", "chaud", "froid", "froid_manager" (the SQL codes); NULL out of
 * the enum. */
const char *survey_kind_name(enum survey_kind k);
/* Exact name -> 0 and *out, or -1 (NULL, unknown, other case). */
int survey_kind_parse(const char *s, enum survey_kind *out);
/* "Évaluation en amont", "À chaud", "À froid (J+60)", "À froid,
 * responsable (J+90)"; NULL out of the enum. */
const char *survey_kind_label_fr(enum survey_kind k);
/* 1 for froid_manager, answered by the requester (one per requester and
 * session, about their participants); 0 for the others, answered by each
 * participant; -1 out of the enum. */
int survey_kind_for_requester(enum survey_kind k);

/* ------------------------------------------------------------------------
 * Questions and answers. */

enum survey_question_type {
	SURVEY_Q_SCALE,  /* "echelle": 1 to 5, with the labels of 1 and 5 */
	SURVEY_Q_CHOICE, /* "choix": one of a list of options */
	SURVEY_Q_YES_NO, /* "oui_non" */
	SURVEY_Q_TEXT,   /* "texte": free text, several lines */
};
#define SURVEY_Q_TYPE_COUNT 4

/* The longest free-text answer, in characters, when a question sets none. */
#define SURVEY_TEXT_MAX_DEFAULT 4000
/* Buffer for the messages of survey_answer_check, NUL included. */
#define SURVEY_MESSAGE_BUF 160

/* "echelle", "choix", "oui_non", "texte"; NULL out of the enum. */
const char *survey_question_type_name(enum survey_question_type t);
/* Exact name -> 0 and *out, or -1. */
int survey_question_type_parse(const char *s, enum survey_question_type *out);
/* "Échelle de 1 à 5", "Choix dans une liste", "Oui ou non", "Texte
 * libre"; NULL out of the enum. */
const char *survey_question_type_label_fr(enum survey_question_type t);

/* One question of a model, as the answer check needs it. */
struct survey_question {
	enum survey_question_type type;
	int required;
	const char *label_1, *label_5;  /* SURVEY_Q_SCALE: "Pas du tout", "Tout à fait" (not checked here) */
	const char *const *options;     /* SURVEY_Q_CHOICE: the options, as sent back by the form */
	size_t option_count;
	size_t max_chars;               /* SURVEY_Q_TEXT: 0 means SURVEY_TEXT_MAX_DEFAULT */
};

/* Checks one answer as the form sent it (not trimmed; NULL for a field not
 * sent). A value that is NULL, "" or only spaces, tabs and line breaks is
 * no answer: NULL when the question is optional, else "Répondez à cette
 * question.". Otherwise, by type:
 *   scale   exactly one of "1" "2" "3" "4" "5" (no space, no "05", no "3.0");
 *   choice  byte for byte one of q->options (no option -> refused);
 *   yes/no  exactly "oui" or "non";
 *   text    well-formed UTF-8, no control character but line breaks and
 *           tabs (field_multi_line, the rule of every multi-line field),
 *           at most max_chars characters, the limit named in the message
 *           ("Votre réponse dépasse 4 000 caractères : raccourcissez-la.").
 * Returns NULL when the answer is fine, else the French message: a
 * constant, or written into msg (size >= SURVEY_MESSAGE_BUF) when it names
 * a number. A NULL q or an unknown type is refused. */
const char *survey_answer_check(const struct survey_question *q, const char *value, char *msg,
		size_t size);

/* ------------------------------------------------------------------------
 * Models and their versions.
 *
 * A model's questions belong to its current version. An edit of a version
 * that has no answer set changes it in place; once one answer set exists
 * the edit makes the next version (the answers keep the one they
 * answered). Leaving out a question that has answers (in any version: it
 * is followed by its code) is refused, whatever the version: its results
 * would lose their question. */

enum survey_edit {
	SURVEY_EDIT_IN_PLACE,    /* no answer to the current version */
	SURVEY_EDIT_NEW_VERSION, /* the current version has answers */
	SURVEY_EDIT_REFUSED,     /* a question left out has answers */
};

/* answer_sets: answer sets of the current version; dropped_with_answers:
 * questions left out by the edit that have answers. Negative counts are
 * taken as 0. */
enum survey_edit survey_edit_plan(long answer_sets, long dropped_with_answers);
/* The message for a refused edit, naming the question ("« Le rythme... »
 * (12 réponses)"): written into buf (size >= SURVEY_MESSAGE_BUF * 4).
 * Returns buf, or a constant when buf is too small. */
const char *survey_edit_refusal_fr(const char *question, char *buf, size_t size);

/* Checks a model's questions as a whole: at least one question, at most
 * SURVEY_QUESTIONS_MAX; a chaud model has exactly one global question, the
 * other kinds none. NULL when fine, else the French message. */
#define SURVEY_QUESTIONS_MAX 40
const char *survey_model_check(enum survey_kind k, size_t questions, size_t globals);

/* ------------------------------------------------------------------------
 * The schedule (README, "Evaluations").
 *
 *   amont          opens with the participant's convocation (the first one
 *                  sent; its link goes in that mail)
 *   chaud          opens at the start of the session's last half-day (the
 *                  participant's page offers it, the trainer's screen shows
 *                  its QR code) and is mailed at that half-day's end
 *   froid          opens and is mailed on the Paris day J+60, J being the
 *                  session's last day (its last half-day's Paris date)
 *   froid_manager  the same at J+90, to the requester
 *
 * Then for each, counted from the Paris day it opened (opened_on): a
 * reminder on J+3 and on J+7 to whoever has not answered, and closing on
 * J+30: answers are taken up to the end of J+29. Date-based steps are due
 * from the start (Paris midnight) of their day; when `remind` runs that
 * day is the operator's choice. */

#define SURVEY_FROID_DAYS 60
#define SURVEY_FROID_MANAGER_DAYS 90
#define SURVEY_REMINDER_1_DAYS 3
#define SURVEY_REMINDER_2_DAYS 7
#define SURVEY_OPEN_DAYS 30

/* What the schedule needs to know about a session and a person. */
struct survey_session_facts {
	int64_t convocation_at;       /* amont: when the person's first convocation went */
	int64_t last_half_day_start;  /* chaud: UTC bounds of the session's last half-day */
	int64_t last_half_day_end;    /*   (rules/attendance.h half_day_instants); froid and
	                               *   froid_manager count from its Paris date */
};

/* When one questionnaire opens. */
struct survey_schedule {
	enum survey_kind kind;
	int64_t opens_at;            /* from then it can be answered */
	int64_t mail_at;             /* from then its opening mail is due */
	struct civil_date opens_on;  /* Paris date of opens_at: the planned J */
};

/* The schedule of a questionnaire of kind k: 0 and *out, or -1 (out
 * untouched) when k is out of the enum, a pointer is NULL, or, for chaud,
 * froid and froid_manager, the last half-day does not end after it starts.
 * amont: opens_at = mail_at = convocation_at. chaud: opens_at = start,
 * mail_at = end. froid, froid_manager: opens_at = mail_at = Paris midnight
 * of the last half-day's Paris date + 60 (+ 90) days. Only the facts of
 * the kind are read. */
int survey_schedule_of(enum survey_kind k, const struct survey_session_facts *f,
		struct survey_schedule *out);
/* The Paris day after J a kind opens on: 60 for froid, 90 for
 * froid_manager, -1 for the others (they open at an instant). */
int survey_days_after_session(enum survey_kind k);
/* opened_on + 3 (n = 1) or + 7 (n = 2); opened_on itself for any other n
 * (never used: check n). opened_on must be valid. */
struct civil_date survey_reminder_on(struct civil_date opened_on, int n);
/* opened_on + 30: the first day it no longer takes answers. */
struct civil_date survey_closes_on(struct civil_date opened_on);

/* What the store knows of one questionnaire of one person. */
struct survey_progress {
	int opened;                  /* 1 once its opening mail went (or the convocation carried it) */
	struct civil_date opened_on; /* read when opened: the Paris day the mail went */
	int answered;                /* 1 once an answer set is saved */
	int reminders_sent;          /* 0, 1 or 2 */
	int closed;                  /* 1 once closed */
};

enum survey_due {
	SURVEY_DUE_NONE,     /* nothing to do now */
	SURVEY_DUE_OPEN,     /* send the opening mail, then opened = 1, opened_on = today */
	SURVEY_DUE_REMIND_1, /* send the first reminder, then reminders_sent = 1 */
	SURVEY_DUE_REMIND_2, /* send the second reminder, then reminders_sent = 2 */
	SURVEY_DUE_CLOSE,    /* close it (no mail), then closed = 1 */
};

/* "none", "open", "remind_1", "remind_2", "close": for event records,
 * logs and the store's dedup keys; NULL out of the enum. */
const char *survey_due_name(enum survey_due d);

/* What is due now for one questionnaire, today being the Paris date of
 * now. J is p->opened_on once opened, else s->opens_on. In this order:
 *   closed                              -> NONE (for ever);
 *   today >= J + 30                     -> CLOSE (also a questionnaire
 *       never sent: its 30 days are over, it is not mailed any more);
 *   answered                            -> NONE (no mail to whoever has
 *       answered, also before the opening mail: a chaud answered in the
 *       room is not mailed);
 *   not opened: now >= s->mail_at       -> OPEN, else NONE;
 *   today >= J + 7, reminders_sent < 2  -> REMIND_2 (the first one, if it
 *       never went, is skipped rather than sent the same day);
 *   today >= J + 3, reminders_sent < 1  -> REMIND_1;
 *   otherwise                           -> NONE.
 * Idempotent by construction: once the store has applied the step
 * (survey_progress_apply), the same call says NONE until the next step's
 * day, so running `remind` twice sends one mail. NONE when a pointer is
 * NULL. */
enum survey_due survey_due_now(const struct survey_schedule *s, const struct survey_progress *p,
		int64_t now);
/* What the store records when it has done step d on Paris day today (see
 * enum survey_due); NONE changes nothing. 0, or -1 when p is NULL or d is
 * out of the enum. */
int survey_progress_apply(struct survey_progress *p, enum survey_due d, struct civil_date today);
/* 1 when the questionnaire takes answers at now: not closed, now >=
 * s->opens_at, and today before J + 30 (J as in survey_due_now), whether
 * or not the store has recorded the closing yet; else 0 (also for NULL). */
int survey_answerable(const struct survey_schedule *s, const struct survey_progress *p,
		int64_t now);

/* ------------------------------------------------------------------------
 * The satisfaction rate (README, "Satisfaction rate").
 *
 * The window: the 12 calendar months ending with the current one, the
 * current month up to today: a session counts when its last day is in
 * [the 1st of the month 11 months before today's month, today]. On
 * 2026-11-15 that is 2025-12-01 to 2026-11-15, printed "décembre 2025 –
 * novembre 2026" as the fiche publishes it; a session ended on 2025-11-30
 * (or exactly 12 months ago, 2025-11-15) no longer counts, one ending
 * today does (its chaud is answered in the room), one ending tomorrow not
 * yet. The window holds between 11 months and 12 months of sessions; it
 * moves on the 1st of each month.
 *
 * The inputs: for each respondent of the chaud questionnaires of the
 * course's sessions in the window, their answer to the global
 * satisfaction question (1..5), tallied by score; and the participants of
 * those sessions (the store counts them: registrations whose outcome is
 * presente or partielle). A session without answers adds participants and
 * no respondent.
 *
 * rate = respondents who answered 4 or 5 / respondents, as a whole
 * percentage rounded half up (2/3 -> 67, 1/8 -> 12.5 -> 13, 199/200 ->
 * 99.5 -> 100), published only from 5 respondents. */

#define SURVEY_RATE_MIN_RESPONDENTS 5
#define SURVEY_RATE_MONTHS 12
#define SURVEY_SATISFIED_MIN 4 /* 4 or 5 of 5 */
/* Buffers, NUL included: "septembre 2026 – décembre 2027"; the longest
 * sentence of survey_rate_sentence_fr (any 64-bit count). */
#define SURVEY_PERIOD_FR_BUF 48
#define SURVEY_SENTENCE_FR_BUF 240

/* The window of today: its first day (the 1st of the month 11 months
 * before) and its last (today). 0, or -1 (outputs untouched) when today is
 * not a valid date of CAL_YEAR_MIN..CAL_YEAR_MAX. Either output may be
 * NULL. */
int survey_rate_window(struct civil_date today, struct civil_date *first, struct civil_date *last);
/* 1 when a session whose last day is last_day counts in the window of
 * today, 0 when not or when a date is invalid. */
int survey_rate_window_contains(struct civil_date today, struct civil_date last_day);

/* The answers to the global question, by score. */
struct survey_tally {
	int64_t by_score[5];  /* [0] respondents who answered 1, ... [4] who answered 5 */
	int64_t participants; /* of the sessions in the window */
};

/* Adds one respondent of score 1..5: 0, or -1 (tally unchanged) for any
 * other score or a NULL t. */
int survey_tally_add(struct survey_tally *t, int score);

struct survey_rate {
	int published;                  /* 1 from SURVEY_RATE_MIN_RESPONDENTS respondents */
	int percent;                    /* 0..100 when published, -1 otherwise */
	int64_t satisfied;              /* respondents who answered 4 or 5 */
	int64_t respondents;            /* all respondents */
	int64_t participants;
	struct civil_date period_first; /* the window (survey_rate_window) */
	struct civil_date period_last;  /* today */
	struct civil_date computed_on;  /* today, for "calculé le ..." */
};

/* The rate of a tally on Paris day today: 0 and *out, or -1 (out
 * untouched) when a pointer is NULL, today is invalid (survey_rate_window),
 * a count is negative, or there are more respondents than participants (a
 * miscount the fiche must not print). */
int survey_rate_compute(const struct survey_tally *t, struct civil_date today,
		struct survey_rate *out);
/* The months of a window, "décembre 2025 – novembre 2026", or "janvier –
 * décembre 2026" within one year, "mars 2026" for a single month (an en
 * dash between spaces). 0, or -1 (buf "" when size > 0)
 * when a date is invalid, last is before first, or buf is too small
 * (SURVEY_PERIOD_FR_BUF always fits a 4-digit year). */
int survey_period_fr(struct civil_date first, struct civil_date last, char *buf, size_t size);
/* The fiche's sentence (UTF-8, no final full stop; counts grouped by three
 * with a space, "1 046"; a plain space before "%", as the fiche writes
 * it):
 *   published  "92 % de participants satisfaits (46 réponses sur 52
 *              participants, décembre 2025 – novembre 2026)"
 *   fewer      "Taux de satisfaction publié à partir de 5 réponses (3
 *              réponses à ce jour sur 12 participants, décembre 2025 –
 *              novembre 2026)"; "1 réponse ... sur 1 participant";
 *              "aucune réponse à ce jour sur 8 participants"; "aucun
 *              participant" when there is none.
 * 0, or -1 (buf "" when size > 0) when r is NULL, its period is invalid or
 * buf is too small (SURVEY_SENTENCE_FR_BUF always fits). */
int survey_rate_sentence_fr(const struct survey_rate *r, char *buf, size_t size);

#endif
