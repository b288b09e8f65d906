/* The evaluation of objectives (issue 13, Qualiopi indicator 11): the
 * level each participant assesses themself at on each objective of the
 * fiche, at entry (the amont questionnaire) and at the end (chaud), read
 * from the answers to per_objective scale questions (sql/0020). For a
 * session's results page and for each participant's attestation ("résultats
 * de l'évaluation des acquis"). Read only. */
#ifndef FORMATIONS_STORE_SURVEY_OBJECTIVES_H
#define FORMATIONS_STORE_SURVEY_OBJECTIVES_H

#include <stddef.h>

struct arena;
struct db;
struct pdf_result;

/* One objective: the scores given before (amont) and after (chaud). */
struct objective_level {
	int item;          /* 1.., the objective's rank in the fiche */
	const char *label; /* the fiche's objective, else as it was asked */
	long before_sum, before_answers, before_respondents;
	long after_sum, after_answers, after_respondents;
};

/* The levels of one session (session_id) or one registration
 * (registration_id), the other NULL: one entry per line of objectives
 * (course_objective_lines, store/certificates.h), then any item answered
 * beyond them (the fiche lost an objective since). */
int store_objective_levels(struct db *db, struct arena *a, const char *session_id,
		const char *registration_id, const char *objectives, struct objective_level **out,
		size_t *n);

/* Whether any entry has an answer. */
int objective_levels_answered(const struct objective_level *l, size_t n);

/* A mean as French writes it, one decimal ("3,5", "4,0"), or whole when
 * whole is set and it is ("4"); "" without answers. */
const char *objective_mean_fr(struct arena *a, long sum, long answers, int whole);

/* The attestation's lines: a first one saying what the figures are, then
 * "Objectif 1 : …" with "2 → 4" ("–" for a side not answered). None when
 * nothing was answered (the attestation then says what it said before). */
int objective_results(struct arena *a, const struct objective_level *l, size_t n,
		struct pdf_result **out, size_t *nout);

#endif
