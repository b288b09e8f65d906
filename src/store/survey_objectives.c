/* The evaluation of objectives: see survey_objectives.h. */
#include "store/survey_objectives.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "out/pdf.h"
#include "store/db.h"

/* The per_objective scale answers of amont and chaud, by objective and
 * kind: their sum and number, and how many answer sets gave them. */
#define LEVELS_SELECT \
	"SELECT sv.kind, an.item::text AS item, max(an.item_label) AS item_label," \
	" sum(an.value::int)::text AS total, count(*)::text AS answers," \
	" count(DISTINCT a.id)::text AS respondents" \
	" FROM survey sv JOIN survey_answer_set a ON a.survey_id = sv.id" \
	" JOIN survey_answer an ON an.answer_set_id = a.id AND an.item > 0" \
	"  AND an.value IN ('1', '2', '3', '4', '5')" \
	" JOIN survey_question q ON q.id = an.question_id AND q.per_objective AND q.type = 'echelle'"
#define LEVELS_GROUP " AND sv.kind IN ('amont', 'chaud') GROUP BY sv.kind, an.item ORDER BY an.item"

static const struct db_stmt of_session = { "objective_levels_of_session",
	LEVELS_SELECT " WHERE sv.session_id = $1::bigint" LEVELS_GROUP };
static const struct db_stmt of_registration = { "objective_levels_of_registration",
	LEVELS_SELECT " WHERE sv.registration_id = $1::bigint" LEVELS_GROUP };

#define ITEMS_MAX 50

/* The fiche's objectives, a line each, into labels[1..]: their number. */
static int objective_labels(struct arena *a, const char *objectives, const char **labels)
{
	int n = 0;
	for (const char *p = objectives ? objectives : ""; *p && n < ITEMS_MAX;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len)
			labels[++n] = arena_strndup(a, p, len);
		p = end ? end + 1 : p + len;
	}
	return n;
}

int store_objective_levels(struct db *db, struct arena *a, const char *session_id,
		const char *registration_id, const char *objectives, struct objective_level **out,
		size_t *n)
{
	const char *labels[ITEMS_MAX + 1] = { 0 };
	int count = objective_labels(a, objectives, labels);
	const char *p[] = { session_id ? session_id : registration_id };
	struct db_rows *r;
	int rc = db_run(db, a, session_id ? &of_session : &of_registration, 1, p, &r);
	if (rc != DB_OK)
		return rc;
	size_t rows = db_rows_count(r);
	for (size_t i = 0; i < rows; i++) {
		int item = atoi(db_get(r, i, "item"));
		if (item > count && item <= ITEMS_MAX)
			count = item;
	}
	*out = arena_calloc(a, count ? (size_t)count : 1, sizeof(**out));
	*n = (size_t)count;
	if (!*out)
		return DB_FAILED;
	for (int k = 0; k < count; k++)
		(*out)[k] = (struct objective_level){ .item = k + 1, .label = labels[k + 1] };
	for (size_t i = 0; i < rows; i++) {
		int item = atoi(db_get(r, i, "item"));
		if (item < 1 || item > count)
			continue;
		struct objective_level *l = &(*out)[item - 1];
		if (!l->label || !*l->label)
			l->label = db_get(r, i, "item_label");
		long sum = atol(db_get(r, i, "total")), answers = atol(db_get(r, i, "answers")),
			respondents = atol(db_get(r, i, "respondents"));
		if (strcmp(db_get(r, i, "kind"), "amont") == 0) {
			l->before_sum = sum;
			l->before_answers = answers;
			l->before_respondents = respondents;
		} else {
			l->after_sum = sum;
			l->after_answers = answers;
			l->after_respondents = respondents;
		}
	}
	for (int k = 0; k < count; k++)
		if (!(*out)[k].label)
			(*out)[k].label = "";
	return DB_OK;
}

int objective_levels_answered(const struct objective_level *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].before_answers || l[i].after_answers)
			return 1;
	return 0;
}

const char *objective_mean_fr(struct arena *a, long sum, long answers, int whole)
{
	if (answers <= 0)
		return "";
	long tenths = (20 * sum + answers) / (2 * answers);
	if (whole && tenths % 10 == 0)
		return arena_printf(a, "%ld", tenths / 10);
	return arena_printf(a, "%ld,%ld", tenths / 10, tenths % 10);
}

int objective_results(struct arena *a, const struct objective_level *l, size_t n,
		struct pdf_result **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (!objective_levels_answered(l, n))
		return 0;
	struct pdf_result *r = arena_calloc(a, n + 1, sizeof(*r));
	if (!r)
		return -1;
	r[0] = (struct pdf_result){ "Niveau auto-évalué par le participant, de 1 à 5, à l'entrée"
		" puis à la fin de la formation", "avant → après" };
	for (size_t i = 0; i < n; i++) {
		const char *before = objective_mean_fr(a, l[i].before_sum, l[i].before_answers, 1);
		const char *after = objective_mean_fr(a, l[i].after_sum, l[i].after_answers, 1);
		r[i + 1].label = *l[i].label ? arena_printf(a, "Objectif %d : %s", l[i].item, l[i].label) :
			arena_printf(a, "Objectif %d", l[i].item);
		r[i + 1].value = arena_printf(a, "%s → %s", *before ? before : "–", *after ? after : "–");
		if (!before || !after || !r[i + 1].label || !r[i + 1].value)
			return -1;
	}
	*out = r;
	*nout = n + 1;
	return 0;
}
