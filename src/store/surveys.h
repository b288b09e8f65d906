/* Evaluations in the database (sql/0020): questionnaire models, their
 * versions and questions, the questionnaires of each person with their
 * private token and schedule, and the answers.
 *
 * Every value is text, "" for NULL, as elsewhere in the store. The rules
 * (what is due when, what an answer may be, what an edit of a model does)
 * are in rules/survey.h; this file reads and writes what they decide. */
#ifndef FORMATIONS_STORE_SURVEYS_H
#define FORMATIONS_STORE_SURVEYS_H

#include <stddef.h>

struct arena;
struct db;

/* What an erased answer reads (store/demands.c, store/purge.c). */
#define SURVEY_ANSWER_ERASED "(effacé)"
/* The code of the amont question whose answer is a need related to a
 * disability: it opens a task for the référent handicap, only they and
 * admins may read it (results must leave it out), and it is purged with
 * the needs (sql/0020). */
#define SURVEY_NEED_CODE "besoin_accessibilite"

/* ---------------------------------------------------------------- models */

#define SURVEY_MODEL_FIELDS(X) \
	X(id) X(kind) X(course_id) X(course_title) X(title) X(intro) X(current_version) \
	X(version_id) X(answer_sets) X(updated_at) X(updated_by) X(questions)

/* A model with its current version; answer_sets counts the answer sets of
 * that version (not 0: an edit makes a new version), questions the
 * questions of that version. updated_at is Paris "YYYY-MM-DD HH24:MI". */
struct survey_model {
#define X(f) const char *f;
	SURVEY_MODEL_FIELDS(X)
#undef X
};

#define SURVEY_QUESTION_FIELDS(X) \
	X(id) X(code) X(position) X(type) X(wording) X(hint) X(label_1) X(label_5) X(options) \
	X(required) X(max_chars) X(global) X(per_objective) X(comment_low) X(answers)

/* A question of a version. Booleans are "1" or "". answers counts the
 * answers to this code in every version of the model (what makes it
 * impossible to drop). */
struct survey_question_row {
#define X(f) const char *f;
	SURVEY_QUESTION_FIELDS(X)
#undef X
};

/* Every model, default ones first by kind, then per course by title. */
int store_survey_models(struct db *db, struct arena *a, struct survey_model **out, size_t *n);
/* One model and the questions of its current version, by position.
 * DB_NOT_FOUND. */
int store_survey_model(struct db *db, struct arena *a, const char *id, struct survey_model *m,
		struct survey_question_row **qs, size_t *n);
/* A model for a course, a copy of the current version of its kind's
 * default; *id the new model. DB_CONFLICT when the course has one. */
int store_survey_model_for_course(struct db *db, struct arena *a, const char *kind,
		const char *course_id, const char *actor, const char **id);

/* The questions of a model as the editor saves them (plain values; code
 * "" for a new question: the store makes one). */
struct survey_question_edit {
	const char *code, *type, *wording, *hint, *label_1, *label_5, *options;
	int required, max_chars, global, per_objective, comment_low;
};

/* Saves the questions (in that order), the title and intro of model id,
 * read at version expected_version (DB_STALE when it moved since). In one
 * transaction: in place when the current version has no answers, else as
 * version current + 1, which becomes the current one (*new_version 1). A
 * code of the current version left out that has answers in any version:
 * DB_CONFLICT with *refusal naming it (the caller's message says why).
 * Other refusals (no question, two global ones) are the caller's to check
 * first; the database has the last word (DB_CONFLICT). */
int store_survey_model_save(struct db *db, struct arena *a, const char *id,
		const char *expected_version, const char *title, const char *intro,
		const struct survey_question_edit *qs, size_t n, const char *actor, int *new_version,
		const char **refusal);

/* -------------------------------------------------------- questionnaires */

#define SURVEY_FIELDS(X) \
	X(id) X(kind) X(token) X(session_id) X(registration_id) X(demand_id) \
	X(to_email) X(to_name) X(course_id) X(course_title) X(objective) X(evaluable_objectives) \
	X(first_day) X(last_day) X(opens_epoch) X(mail_epoch) X(opened_on) X(reminders_sent) \
	X(closed) X(answer_set_id) X(revision) X(answered_at) X(version_id) X(model_id) \
	X(model_title) X(model_intro) X(participant_token)

/* One questionnaire. to_email and to_name: the participant's, or the
 * requester's (froid_manager). opens_epoch and mail_epoch are Unix
 * seconds; opened_on "YYYY-MM-DD" or ""; closed "1" or "". answer_set_id,
 * revision, answered_at (Paris "YYYY-MM-DD HH24:MI") "" before an answer.
 * version_id is the version answered, else the current one of its model
 * (the course's model of its kind, else the default), model_id that
 * model. participant_token: the registration's page ("" for a requester). */
struct survey_row {
#define X(f) const char *f;
	SURVEY_FIELDS(X)
#undef X
};

/* One questionnaire by its token. DB_NOT_FOUND. */
int store_survey_by_token(struct db *db, struct arena *a, const char *token, struct survey_row *out);
/* A participant's questionnaire of kind, by registration: DB_NOT_FOUND
 * when it was not created yet. */
int store_survey_of_registration(struct db *db, struct arena *a, const char *registration_id,
		const char *kind, struct survey_row *out);
/* The questionnaires of a registration (every kind there is), for the
 * participant's page. */
int store_surveys_of_registration(struct db *db, struct arena *a, const char *registration_id,
		struct survey_row **out, size_t *n);

/* The questions of version_id, by position (answers counted as in
 * store_survey_model). */
int store_survey_questions(struct db *db, struct arena *a, const char *version_id,
		struct survey_question_row **out, size_t *n);

/* One answer: question, item (0, or the objective's rank), the objective
 * as asked, value, comment. */
struct survey_answer {
	const char *question_id, *item, *item_label, *value, *comment;
};
int store_survey_answers(struct db *db, struct arena *a, const char *answer_set_id,
		struct survey_answer **out, size_t *n);

/* Inside the caller's transaction (db_begin): saves the whole answer set
 * of survey s (its answers replace the previous ones), answering
 * s->version_id; DB_STALE too when the questionnaire was closed since. revision is
 * the one the form was read at ("" for a first answer): DB_STALE when the
 * set changed since (a second submission of the same form). */
int store_survey_answer_save(struct db *db, struct arena *a, const struct survey_row *s,
		const char *revision, const struct survey_answer *answers, size_t n);

/* ------------------------------------------------ `formations remind` */

/* A questionnaire the schedule may have reached and that does not exist
 * yet: for every registration confirmed in a session confirmed or
 * realised whose last day is at most 120 days before today (YYYY-MM-DD):
 * amont once a convocation went (convocation_epoch) and until the
 * session's first day, chaud, froid and
 * froid_manager with the bounds of the session's last half-day (its last
 * live slot; a journee's afternoon from its lunch's end). froid_manager
 * comes once per requester (a demand that registered participants, or
 * the session's demand): registration_id "" and demand_id, to_email set.
 * The caller computes the schedule (rules/survey.h) and creates the ones
 * due with store_survey_create. registration_id (may be NULL) keeps the
 * candidates of one registration (froid_manager excluded). Epochs are Unix seconds, "" when unknown. */
struct survey_candidate {
	const char *kind, *session_id, *registration_id, *demand_id, *to_email;
	const char *convocation_epoch, *half_day_start_epoch, *half_day_end_epoch;
};
int store_survey_candidates(struct db *db, struct arena *a, const char *today,
		const char *registration_id, struct survey_candidate **out, size_t *n);
/* Creates the questionnaire of c with its schedule (epochs as text); a
 * second call is a no-op (*created 0). */
int store_survey_create(struct db *db, const struct survey_candidate *c, const char *opens_epoch,
		const char *mail_epoch, int *created);
/* The two above with the schedule of rules/survey.h: creates every
 * questionnaire whose mail_at has come by now (and, for chaud, whose
 * last half-day has started: the room answers before the mail), each
 * with its schedule. registration_id as above. *created (may be NULL)
 * counts them. Idempotent. */
int store_surveys_create_due(struct db *db, struct arena *a, long long now,
		const char *registration_id, long *created);

/* The questionnaires not closed whose mail_at has come (now_epoch),
 * oldest first, with what survey_due_now needs (answered: answer_set_id
 * not ""). */
int store_surveys_pending(struct db *db, struct arena *a, const char *now_epoch,
		struct survey_row **out, size_t *n);
/* Records step ("open", "remind_1", "remind_2", "close") of survey id on
 * Paris day today (YYYY-MM-DD), from the state it was read in (DB_STALE
 * when another run did it first: then it mails nothing). */
int store_survey_step(struct db *db, const char *id, const char *step, const char *today);

#endif
