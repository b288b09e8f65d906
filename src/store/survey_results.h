/* Evaluation results read from the answers (sql/0020): the tally behind
 * each fiche's satisfaction rate, the results of a selection of sessions
 * (one session, a course, a trainer, a period) and the Qualiopi figures.
 * Nothing here writes but the caches of sql/0024 and sql/0025 (the
 * counts kept per session and per course, counted again when read after
 * a change). Every value is text, "" for NULL. */
#ifndef FORMATIONS_STORE_SURVEY_RESULTS_H
#define FORMATIONS_STORE_SURVEY_RESULTS_H

#include <stddef.h>

#include "rules/survey.h"

struct arena;
struct db;
struct db_call;

/* The tally of the global question for one course over the sessions
 * whose last day is in [first, last] (YYYY-MM-DD), and the Unix second of
 * the latest change of one of its answer sets (0 when none). */
struct course_tally {
	const char *course_id;
	struct survey_tally tally;
	long last_answer;
};

/* The tallies of n courses (ids), in the order of ids (a course without
 * sessions gets an empty tally). Participants are the registrations
 * confirmed in those sessions, and whoever answered the chaud
 * questionnaire since (so respondents never outnumber them). Read from
 * the per-session tallies of sql/0024, after counting again those that
 * changed since they were counted (so this writes, to its cache only). */
int store_course_tallies(struct db *db, struct arena *a, const char *const *ids, size_t n,
		const char *first, const char *last, struct course_tally **out);
/* The tally of the published course of slug as a call of db_run_reads
 * (store/db.h) and its reading, which counts nothing again: DB_STALE when
 * a session's tally is behind its answers (store_course_tallies then). */
void store_course_tally_call(struct db_call *c, const char *slug, const char *first,
		const char *last);
int store_course_tally_read(const struct db_call *c, const char *course_id,
		struct course_tally *out);

/* Which sessions: each field "" for any. trainer is a trainer id. */
struct results_filter {
	const char *session_id, *course_id, *trainer_id, *from, *to;
};

/* Questionnaires of the selection by kind: how many, how many sent (or
 * answered in the room), answered, reminders sent. */
struct results_kind {
	const char *kind, *surveys, *sent, *answered, *reminders;
};
int store_results_kinds(struct db *db, struct arena *a, const struct results_filter *f,
		struct results_kind **out, size_t *n);

/* One value of one question (by kind, code and item), counted: the
 * distribution of a scale, a choice, yes or no. Ordered by kind, the
 * question's position, item, value. */
struct results_count {
	const char *kind, *code, *type, *wording, *label_1, *label_5, *item, *item_label, *value,
		*count;
};
int store_results_counts(struct db *db, struct arena *a, const struct results_filter *f,
		struct results_count **out, size_t *n);

/* Free texts and comments of the selection, newest first, at most max. */
struct results_text {
	const char *kind, *code, *wording, *session_id, *last_day, *score, *text;
};
int store_results_texts(struct db *db, struct arena *a, const struct results_filter *f,
		size_t max, struct results_text **out, size_t *n);

/* ---------------------------------------------------------- Qualiopi */

/* Per course with a session ended in [from, to] and per kind: the
 * questionnaires, answered, reminders sent ('' kind: a course whose
 * sessions have none). By course title, then kind. */
struct quality_row {
	const char *course_id, *course_title, *sessions, *kind, *surveys, *answered, *reminders;
};
int store_quality_rows(struct db *db, struct arena *a, const char *from, const char *to,
		struct quality_row **out, size_t *n);

/* Sessions ended in [from, to], before today, not cancelled, with
 * confirmed participants, none of whose questionnaires was ever sent or
 * answered. Latest first, at most 500. */
struct unsent_session {
	const char *id, *course_title, *first_day, *last_day, *participants;
};
int store_quality_unsent(struct db *db, struct arena *a, const char *from, const char *to,
		const char *today, struct unsent_session **out, size_t *n);

/* The trainer id of a staff account ("" for none): see store/sessions.h
 * store_trainer_of_account. Sessions a trainer gives (1 or 0). */
int store_session_has_trainer(struct db *db, struct arena *a, const char *session_id,
		const char *trainer_id, int *yes);

#endif
