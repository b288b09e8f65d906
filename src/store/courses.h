/* The catalogue's courses: fiches, their programme, search, and the staff
 * edits with their history. */
#ifndef FORMATIONS_STORE_COURSES_H
#define FORMATIONS_STORE_COURSES_H

#include <stddef.h>

struct arena;
struct db;
struct db_call;

/* Every text column of a fiche, once: the store's SELECT and UPDATE, the
 * edit form and the view all come from this list. X(name, max_chars). */
#define COURSE_TEXT_FIELDS(X) \
	X(title, 300) X(kind, 10) X(category, 120) X(audience, 2000) \
	X(prerequisites, 4000) X(objective, 20000) X(evaluable_objectives, 20000) \
	X(duration_text, 500) X(access_modalities, 4000) X(modality, 20) X(trainers, 1000) \
	X(group_size, 1000) X(prices, 4000) X(price_per_trainee, 500) \
	X(content_intro, 20000) X(programme_notes, 20000) \
	X(methods, 40000) X(eval_before, 4000) X(eval_during, 4000) X(eval_hot, 4000) \
	X(eval_cold, 4000) X(attendance_proof, 2000) X(certificate_text, 2000) \
	X(accessibility, 8000) X(accessibility_premises, 4000) \
	X(disability_referent_name, 200) X(disability_referent_contact, 300) \
	X(access_delay, 2000) X(contact_phones, 300) X(contact_email, 254) X(contact_text, 2000)

/* Numbers kept as text ("" for none), checked by the edit page. (The
 * typed satisfaction_rate, satisfaction_answers and satisfaction_period
 * of sql/0003 are no longer read nor written: the fiche's rate is
 * computed from the answers, pages/survey_results.c. The columns stay,
 * with what was typed, so that no migration drops data.) */
#define COURSE_NUMBER_FIELDS(X) \
	X(duration_days) X(duration_hours)

struct course {
	const char *id, *slug, *status, *version, *updated_on;
	const char *last_modified;    /* seconds since the epoch of updated_at */
#define COURSE_FIELD(name, max) const char *name;
	COURSE_TEXT_FIELDS(COURSE_FIELD)
#undef COURSE_FIELD
#define COURSE_NUMBER(name) const char *name;
	COURSE_NUMBER_FIELDS(COURSE_NUMBER)
#undef COURSE_NUMBER
};

/* One line of a programme: a module, a day of it, or a step of the day,
 * in reading order (flattened by the store, nested by the page). */
struct programme_line {
	const char *module_id, *number, *module_title, *aim, *intro, *format;
	const char *day_id, *heading, *subject, *steps_intro;
	const char *step_id, *step, *level;
};

struct course_summary {
	const char *id, *slug, *title, *kind, *category, *modality, *status, *updated_on;
	const char *extract;     /* search hits between U+E000 and U+E001 */
	const char *duration_days, *duration_hours;   /* "" when not set */
	const char *next_day;    /* the next public session's first day, ISO; "" for none */
};

struct course_filter {
	const char *q, *category, *modality, *kind;
};

/* The published course of slug, its id, slug, status, title, version
 * and last_modified only (the other fields NULL), as a call of
 * db_run_reads (store/db.h) and its reading: DB_NOT_FOUND if none. */
void store_course_head_call(struct db_call *c, const char *slug);
int store_course_head_read(const struct db_call *c, struct course *out);
/* A published course by slug with its programme, in one query: DB_OK,
 * DB_NOT_FOUND, or a failure. */
int store_course_page(struct db *db, struct arena *a, const char *slug, struct course *out,
		struct programme_line **lines, size_t *n);
/* Any course by id (staff). */
int store_course_by_id(struct db *db, struct arena *a, const char *id, struct course *out);
int store_programme(struct db *db, struct arena *a, const char *course_id,
		struct programme_line **out, size_t *n);
/* Published courses matching the filter, by relevance when q is given,
 * else by title; at most max. */
int store_courses_search(struct db *db, struct arena *a, const struct course_filter *f,
		size_t max, struct course_summary **out, size_t *n);
/* What q would read with each word spelt as in the published fiches
 * ("cooperaton formateur" -> "cooperation formateur"), unaccented; *fixed
 * NULL when nothing changes. */
int store_courses_spelling(struct db *db, struct arena *a, const char *q, const char **fixed);
/* Categories that have published courses. */
int store_categories(struct db *db, struct arena *a, const char ***out, size_t *n);
/* Every published course in full (the completeness check). */
int store_courses_published_full(struct db *db, struct arena *a, struct course **out, size_t *n);
/* Every course, for staff, newest change first. */
int store_courses_all(struct db *db, struct arena *a, struct course_summary **out, size_t *n);

#endif
