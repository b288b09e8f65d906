/* Evaluation results (issue 13):
 *   the satisfaction rate of each fiche and catalogue card, computed from
 *   the chaud answers of the last 12 months (rules/survey.h);
 *   GET /intranet/evaluations[.csv]  results of a selection of sessions
 *       (?session=, ?formation=, ?formateur=, ?du=, ?au=) for staff, and
 *       for a trainer only their own sessions (403 otherwise);
 *   GET /intranet/qualite[.csv]      the Qualiopi figures, for admins. */
#include "pages/pages.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/csv.h"
#include "out/svg_chart.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/survey.h"
#include "store/accounts.h"
#include "store/certificates.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/resources.h"
#include "store/sessions.h"
#include "store/survey_objectives.h"
#include "store/survey_results.h"
#include "view/view.h"
#include "web/request.h"
#include "web/response.h"

/* ------------------------------------------------------ the fiche's rate */

/* A tally that cannot be a rate (respondents over participants cannot come
 * from the store's query; a miscount is not printed). */
static void rate_of(const struct course_tally *t, struct civil_date today, struct survey_rate *r)
{
	if (survey_rate_compute(&t->tally, today, r) == 0)
		return;
	memset(r, 0, sizeof(*r));
	r->percent = -1;
	survey_rate_window(today, &r->period_first, &r->period_last);
	r->computed_on = today;
}

int survey_rates_of_courses(struct ctx *ctx, const char *const *ids, size_t n,
		struct survey_rate *rates, long *last_answer)
{
	struct civil_date today = pages_paris_today(), first, last;
	if (survey_rate_window(today, &first, &last) != 0)
		return 500;
	struct course_tally *t;
	int rc = store_course_tallies(ctx->db, ctx->arena, ids, n, pages_iso_date(ctx->arena, first),
			pages_iso_date(ctx->arena, last), &t);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		rate_of(&t[i], today, &rates[i]);
		if (last_answer)
			last_answer[i] = t[i].last_answer;
	}
	return 0;
}

int survey_rate_call(struct ctx *ctx, struct db_call *c, const char *slug)
{
	struct civil_date first, last;
	if (survey_rate_window(pages_paris_today(), &first, &last) != 0)
		return 500;
	store_course_tally_call(c, slug, pages_iso_date(ctx->arena, first),
			pages_iso_date(ctx->arena, last));
	return 0;
}

int survey_rate_read(struct ctx *ctx, const struct db_call *c, const char *course_id,
		struct survey_rate *rate, long *last_answer)
{
	struct course_tally t;
	int rc = store_course_tally_read(c, course_id, &t);
	if (rc == DB_STALE)   /* an answer since it was counted: count again */
		return survey_rates_of_courses(ctx, &course_id, 1, rate, last_answer);
	if (rc != DB_OK)
		return handler_db_status(rc);
	rate_of(&t, pages_paris_today(), rate);
	*last_answer = t.last_answer;
	return 0;
}

int survey_rate_fill(struct ctx *ctx, const char *prefix, const struct survey_rate *r)
{
	char sentence[SURVEY_SENTENCE_FR_BUF], computed[CAL_LONG_FR_BUF];
	if (survey_rate_sentence_fr(r, sentence, sizeof(sentence)) != 0 ||
			cal_format_long_fr(r->computed_on, computed, sizeof(computed)) != 0)
		return 500;
	const char *percent = r->published ? arena_printf(ctx->arena, "%d", r->percent) : "";
	const char *respondents = arena_printf(ctx->arena, "%lld", (long long)r->respondents);
	return VIEW_FIELDS(ctx->view, prefix, { "rate_published", r->published ? "1" : "" },
			{ "rate_percent", percent }, { "rate_respondents", respondents },
			{ "rate_sentence", sentence }, { "rate_computed", computed }) < 0 ? 500 : 0;
}

/* ------------------------------------------------------------ results */

#define TEXTS_SHOWN 300
#define SVG_MAX (64 * 1024)

static const char *kind_label(const char *kind)
{
	enum survey_kind k;
	return survey_kind_parse(kind, &k) == 0 ? survey_kind_label_fr(k) : kind;
}

/* "4,3": one decimal, a comma as French writes it. */
static const char *decimal_fr(struct arena *a, long tenths)
{
	return arena_printf(a, "%ld,%ld", tenths / 10, tenths % 10);
}

/* A whole percentage rounded half up, "" when there is nothing to divide. */
static const char *percent(struct arena *a, long part, long whole)
{
	return whole > 0 ? arena_printf(a, "%ld %%", (200 * part + whole) / (2 * whole)) : "";
}

static int is_date(const char *s)
{
	struct civil_date d;
	return cal_parse_date(s, &d) == 0;
}

/* ------------------------------------------------------------ sorting */

/* A table is sorted by one of its figures, ascending (as the demands'
 * list: a link on each column header, ?tri=); its first column's link is
 * the default order the store gives. A row without the figure (no
 * answers) comes last; ties keep their order. */
#define SORT_NONE LONG_MAX

struct sort_row {
	long value;
	size_t index;
};

static int sort_row_cmp(const void *pa, const void *pb)
{
	const struct sort_row *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The order of n rows by values (NULL: as they are), into order[n]. */
static int sort_order(struct arena *a, const long *values, size_t n, size_t **order)
{
	struct sort_row *rows = arena_calloc(a, n ? n : 1, sizeof(*rows));
	*order = arena_calloc(a, n ? n : 1, sizeof(**order));
	if (!rows || !*order)
		return 500;
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct sort_row){ values ? values[i] : 0, i };
	if (values && n > 1)
		qsort(rows, n, sizeof(*rows), sort_row_cmp);
	for (size_t i = 0; i < n; i++)
		(*order)[i] = rows[i].index;
	return 0;
}

/* Whether key is one of keys (NULL-terminated). */
static int sort_is(const char *key, const char *const *keys)
{
	for (const char *const *k = keys; k && *k; k++)
		if (strcmp(key, *k) == 0)
			return 1;
	return 0;
}

/* ?tri=: "" or a key of one of the page's tables (lists NULL-terminated;
 * more NULL for one table); anything else is a 400, no link of the
 * product makes it. */
static int read_sort(struct ctx *ctx, const char *const *keys, const char *const *more,
		const char **sort)
{
	const char *v = params_get(&ctx->req->query, "tri");
	*sort = v && (sort_is(v, keys) || sort_is(v, more)) ? v : "";
	return !v || !*v || **sort ? 0 : 400;
}

/* A share in thousandths to sort by, SORT_NONE without a whole. */
static long share_key(long part, long whole)
{
	return whole > 0 ? part * 1000 / whole : SORT_NONE;
}

/* A mean in tenths to sort by, SORT_NONE without answers. */
static long mean_key(long sum, long answers)
{
	return answers > 0 ? (20 * sum + answers) / (2 * answers) : SORT_NONE;
}

/* The GET parameters: ids and ISO dates, "" when not given; anything else
 * is a 400 (the filter form only sends those). */
static int read_filter(struct ctx *ctx, struct results_filter *f)
{
	const struct params *q = &ctx->req->query;
	const char *v[5];
	static const char *const names[] = { "session", "formation", "formateur", "du", "au" };
	for (int i = 0; i < 5; i++) {
		v[i] = params_get(q, names[i]);
		if (!v[i] || !*v[i])
			v[i] = "";
		else if (i < 3 ? !field_is_id(v[i]) : !is_date(v[i]))
			return 400;
	}
	*f = (struct results_filter){ v[0], v[1], v[2], v[3], v[4] };
	return 0;
}

/* A trainer sees the results of their own sessions only: a selection of
 * another trainer or another's session is refused, any other is kept to
 * theirs. The rest of the staff see everything. */
static int restrict_to_trainer(struct ctx *ctx, struct results_filter *f, int *trainer)
{
	*trainer = strcmp(ctx->login->role, "formateur") == 0;
	if (!*trainer)
		return 0;
	const char *mine;
	int rc = store_trainer_of_account(ctx->db, ctx->arena, ctx->login->user_id, &mine);
	if (rc != DB_OK && rc != DB_NOT_FOUND)
		return handler_db_status(rc);
	if (rc == DB_NOT_FOUND || !mine || !*mine || (*f->trainer_id && strcmp(f->trainer_id, mine) != 0))
		return 403;
	if (*f->session_id) {
		int yes;
		if ((rc = store_session_has_trainer(ctx->db, ctx->arena, f->session_id, mine, &yes)) != DB_OK)
			return handler_db_status(rc);
		if (!yes)
			return 403;
	}
	f->trainer_id = mine;
	return 0;
}

struct results {
	struct results_kind *kinds;
	struct results_count *counts;
	struct results_text *texts;
	size_t n_kinds, n_counts, n_texts;
};

static int results_load(struct ctx *ctx, const struct results_filter *f, struct results *r,
		size_t texts_max)
{
	int rc = store_results_kinds(ctx->db, ctx->arena, f, &r->kinds, &r->n_kinds);
	if (rc == DB_OK)
		rc = store_results_counts(ctx->db, ctx->arena, f, &r->counts, &r->n_counts);
	if (rc == DB_OK)
		rc = store_results_texts(ctx->db, ctx->arena, f, texts_max, &r->texts, &r->n_texts);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

static int same_question(const struct results_count *a, const struct results_count *b)
{
	return strcmp(a->kind, b->kind) == 0 && strcmp(a->code, b->code) == 0 &&
		strcmp(a->item, b->item) == 0;
}

/* One question (rows [from, to) of the counts): its bars, a scale's five
 * always (a score nobody gave is a 0 to see). */
struct question_bars {
	struct svg_bar bars[SVG_BARS_MAX];
	size_t n;
	long total, tenths_mean; /* mean x 10, rounded; -1 when not a scale */
};

static void question_bars(struct arena *a, const struct results_count *c, size_t from, size_t to,
		struct question_bars *q)
{
	memset(q, 0, sizeof(*q));
	q->tenths_mean = -1;
	if (strcmp(c[from].type, "echelle") == 0) {
		long sum = 0;
		for (int s = 1; s <= 5; s++) {
			const char *label = s == 1 ? c[from].label_1 : s == 5 ? c[from].label_5 : "";
			q->bars[s - 1].label = *label ? arena_printf(a, "%d – %s", s, label) :
				arena_printf(a, "%d", s);
		}
		q->n = 5;
		for (size_t i = from; i < to; i++) {
			int s = atoi(c[i].value);
			long n = atol(c[i].count);
			if (s >= 1 && s <= 5) {
				q->bars[s - 1].value += n;
				q->total += n;
				sum += s * n;
			}
		}
		if (q->total)
			q->tenths_mean = (20 * sum + q->total) / (2 * q->total);
		return;
	}
	for (size_t i = from; i < to && q->n < SVG_BARS_MAX; i++) {
		const char *v = c[i].value;
		q->bars[q->n].label = strcmp(v, "oui") == 0 ? "Oui" : strcmp(v, "non") == 0 ? "Non" : v;
		q->bars[q->n].value = atol(c[i].count);
		q->total += q->bars[q->n].value;
		q->n++;
	}
}

static int fill_question(struct ctx *ctx, size_t k, const struct results_count *c,
		const struct question_bars *q)
{
	struct arena *a = ctx->arena;
	char key[64];
	snprintf(key, sizeof(key), "Questions.%zu", k);
	const char *title = *c->item_label ? arena_printf(a, "%s (%s)", c->wording, c->item_label) :
		c->wording;
	struct buf svg;
	buf_init(&svg, SVG_MAX);
	int bad = svg_bar_chart(&svg, arena_printf(a, "q%zu", k), title, q->bars, q->n) < 0;
	const char *svg_text = bad ? "" : arena_strdup(a, svg.data ? svg.data : "");
	buf_free(&svg);
	if (!svg_text)
		return 500;
	if (VIEW_FIELDS(ctx->view, key, { "kind", c->kind }, { "kind_label", kind_label(c->kind) },
			{ "wording", c->wording }, { "item_label", c->item_label },
			{ "total", arena_printf(a, "%ld", q->total) },
			{ "mean", q->tenths_mean >= 0 ? decimal_fr(a, q->tenths_mean) : "" },
			{ "svg", svg_text }) < 0)
		return 500;
	snprintf(key, sizeof(key), "Questions.%zu.rows", k);
	for (size_t i = 0; i < q->n; i++)
		if (VIEW_ROW(ctx->view, key, i, { "label", q->bars[i].label },
				{ "count", arena_printf(a, "%ld", q->bars[i].value) },
				{ "pct", percent(a, q->bars[i].value, q->total) }) < 0)
			return 500;
	return 0;
}

/* The response rates' order for ?tri= (NULL: the kinds' own). */
static const char *const kind_sorts[] = { "questionnaires", "envoyes", "reponses", "taux",
	"relances", NULL };

static int kinds_order(struct arena *a, const struct results *r, const char *sort, size_t **order)
{
	long *v = NULL;
	if (sort_is(sort, kind_sorts)) {
		if (!(v = arena_calloc(a, r->n_kinds ? r->n_kinds : 1, sizeof(*v))))
			return 500;
		for (size_t i = 0; i < r->n_kinds; i++) {
			const struct results_kind *k = &r->kinds[i];
			v[i] = strcmp(sort, "questionnaires") == 0 ? atol(k->surveys) :
				strcmp(sort, "envoyes") == 0 ? atol(k->sent) :
				strcmp(sort, "reponses") == 0 ? atol(k->answered) :
				strcmp(sort, "relances") == 0 ? atol(k->reminders) :
				share_key(atol(k->answered), atol(k->surveys));
		}
	}
	return sort_order(a, v, r->n_kinds, order);
}

static int results_fill(struct ctx *ctx, const struct results *r, const char *sort)
{
	struct arena *a = ctx->arena;
	size_t *order;
	int src = kinds_order(a, r, sort, &order);
	if (src)
		return src;
	for (size_t i = 0; i < r->n_kinds; i++) {
		const struct results_kind *k = &r->kinds[order[i]];
		if (VIEW_ROW(ctx->view, "Kinds", i, { "label", kind_label(k->kind) },
				{ "surveys", k->surveys }, { "sent", k->sent }, { "answered", k->answered },
				{ "rate", percent(a, atol(k->answered), atol(k->surveys)) },
				{ "reminders", k->reminders }) < 0)
			return 500;
	}
	size_t k = 0;
	for (size_t from = 0; from < r->n_counts; k++) {
		size_t to = from + 1;
		while (to < r->n_counts && same_question(&r->counts[from], &r->counts[to]))
			to++;
		struct question_bars q;
		question_bars(a, r->counts, from, to, &q);
		int rc = fill_question(ctx, k, &r->counts[from], &q);
		if (rc)
			return rc;
		from = to;
	}
	for (size_t i = 0; i < r->n_texts; i++) {
		const struct results_text *t = &r->texts[i];
		if (VIEW_ROW(ctx->view, "Texts", i, { "kind_label", kind_label(t->kind) },
				{ "wording", t->wording }, { "session_id", t->session_id },
				{ "last_day", pages_long_date(a, t->last_day) }, { "score", t->score },
				{ "text", t->text }) < 0)
			return 500;
	}
	return view_set_int(ctx->view, "TextsTruncated", r->n_texts >= TEXTS_SHOWN) < 0 ? 500 : 0;
}

/* The evaluation of objectives of one session: per objective of the
 * fiche, the mean level at entry and at the end, drawn and in a table. */
static const char *const objective_sorts[] = { "avant", "repondants_avant", "apres",
	"repondants_apres", NULL };

static int objectives_order(struct arena *a, const struct objective_level *l, size_t n,
		const char *sort, size_t **order)
{
	long *v = NULL;
	if (sort_is(sort, objective_sorts)) {
		if (!(v = arena_calloc(a, n ? n : 1, sizeof(*v))))
			return 500;
		for (size_t i = 0; i < n; i++)
			v[i] = strcmp(sort, "avant") == 0 ? mean_key(l[i].before_sum, l[i].before_answers) :
				strcmp(sort, "apres") == 0 ? mean_key(l[i].after_sum, l[i].after_answers) :
				strcmp(sort, "repondants_avant") == 0 ? l[i].before_respondents :
				l[i].after_respondents;
	}
	return sort_order(a, v, n, order);
}

static int objectives_fill(struct ctx *ctx, const struct session *s, const char *sort)
{
	struct arena *a = ctx->arena;
	struct course c;
	struct objective_level *l;
	size_t n;
	int rc = store_course_by_id(ctx->db, a, s->course_id, &c);
	if (rc == DB_OK)
		rc = store_objective_levels(ctx->db, a, s->id, NULL,
				course_objective_lines(a, c.objective, c.evaluable_objectives), &l, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (!objective_levels_answered(l, n))
		return 0;
	if (n > SVG_BARS_MAX)
		n = SVG_BARS_MAX;
	struct svg_pair pairs[SVG_BARS_MAX];
	size_t *order;
	if ((rc = objectives_order(a, l, n, sort, &order)) != 0)
		return rc;
	/* the chart keeps the fiche's order; the table follows ?tri= */
	for (size_t j = 0; j < n; j++) {
		size_t i = order[j];
		if (VIEW_ROW(ctx->view, "Objectives", j,
				{ "item", arena_printf(a, "%d", l[i].item) }, { "label", l[i].label },
				{ "before", objective_mean_fr(a, l[i].before_sum, l[i].before_answers, 0) },
				{ "before_n", arena_printf(a, "%ld", l[i].before_respondents) },
				{ "after", objective_mean_fr(a, l[i].after_sum, l[i].after_answers, 0) },
				{ "after_n", arena_printf(a, "%ld", l[i].after_respondents) }) < 0)
			return 500;
	}
	for (size_t i = 0; i < n; i++) {
		long bt = l[i].before_answers ? (20 * l[i].before_sum + l[i].before_answers) /
			(2 * l[i].before_answers) : 0;
		long at = l[i].after_answers ? (20 * l[i].after_sum + l[i].after_answers) /
			(2 * l[i].after_answers) : 0;
		pairs[i] = (struct svg_pair){ arena_printf(a, "Objectif %d", l[i].item), bt, at,
			l[i].before_answers, l[i].after_answers };
		if (!pairs[i].label)
			return 500;
	}
	struct buf svg;
	buf_init(&svg, SVG_MAX);
	int bad = svg_pair_chart(&svg, "objectifs", "Niveau moyen auto-évalué sur chaque objectif,"
			" de 1 à 5, avant et après la formation", pairs, n, 50) < 0;
	const char *svg_text = bad ? "" : arena_strdup(a, svg.data ? svg.data : "");
	buf_free(&svg);
	return !svg_text || view_set(ctx->view, "ObjectivesSvg", svg_text) < 0 ? 500 : 0;
}

/* The filter form's lists: courses, and trainers for the staff. */
static int filter_fill(struct ctx *ctx, const struct results_filter *f, int trainer)
{
	struct course_summary *c;
	size_t n;
	int rc = store_courses_all(ctx->db, ctx->arena, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Courses", i, { "id", c[i].id }, { "title", c[i].title }) < 0)
			return 500;
	if (!trainer) {
		struct trainer *t;
		if ((rc = store_trainers_list(ctx->db, ctx->arena, &t, &n)) != DB_OK)
			return handler_db_status(rc);
		for (size_t i = 0; i < n; i++)
			if (VIEW_ROW(ctx->view, "Trainers", i, { "id", t[i].id }, { "name", t[i].name }) < 0)
				return 500;
	}
	const char *query = arena_printf(ctx->arena, "session=%s&formation=%s&formateur=%s&du=%s&au=%s",
			f->session_id, f->course_id, trainer ? "" : f->trainer_id, f->from, f->to);
	return VIEW_FIELDS(ctx->view, "Filter", { "session", f->session_id },
			{ "formation", f->course_id }, { "formateur", trainer ? "" : f->trainer_id },
			{ "du", f->from }, { "au", f->to }, { "query", query },
			{ "trainer", trainer ? "1" : "" }) < 0 ? 500 : 0;
}

int page_survey_results(struct ctx *ctx)
{
	struct results_filter f;
	const char *sort;
	int trainer, rc = read_filter(ctx, &f);
	if (rc || (rc = read_sort(ctx, kind_sorts, objective_sorts, &sort)) != 0 ||
			(rc = restrict_to_trainer(ctx, &f, &trainer)) != 0)
		return rc;
	const char *title = "Résultats des évaluations";
	if (*f.session_id) {
		struct session s;
		if ((rc = store_session_by_id(ctx->db, ctx->arena, f.session_id, &s)) != DB_OK)
			return handler_db_status(rc);
		const char *span = pages_span(ctx->arena, s.first_day, s.last_day);
		title = arena_printf(ctx->arena, "Évaluations : %s%s%s", s.course_title, *span ? ", " : "",
				span);
		if (VIEW_FIELDS(ctx->view, "Session", { "id", s.id }, { "course", s.course_title },
				{ "span", span }) < 0)
			return 500;
		if ((rc = objectives_fill(ctx, &s, sort)) != 0)
			return rc;
	}
	struct results r;
	if ((rc = results_load(ctx, &f, &r, TEXTS_SHOWN)) != 0 || (rc = filter_fill(ctx, &f, trainer)) != 0 ||
			(rc = results_fill(ctx, &r, sort)) != 0)
		return rc;
	if (view_set(ctx->view, "Page.title", title) < 0 || view_set(ctx->view, "Filter.tri", sort) < 0 ||
			view_set(ctx->view, "Sort.kinds", sort_is(sort, kind_sorts) ? sort : "") < 0 ||
			view_set(ctx->view, "Sort.objectives", sort_is(sort, objective_sorts) ? sort : "") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/survey_results.cs");
}

static int csv_start(struct ctx *ctx, const char *filename, const char *const *head, size_t n)
{
	struct buf *b = &ctx->res->body;
	b->len = 0;
	ctx->res->content_type = "text/csv; charset=utf-8";
	if (csv_bom(b) < 0 || csv_row(b, head, n) < 0 ||
			response_header(ctx->res, "Content-Disposition", arena_printf(ctx->arena,
			"attachment; filename=\"%s\"", filename)) < 0 ||
			response_header(ctx->res, "Cache-Control", "no-store") < 0)
		return 500;
	return 0;
}

int page_survey_results_csv(struct ctx *ctx)
{
	struct results_filter f;
	int trainer, rc = read_filter(ctx, &f);
	if (rc || (rc = restrict_to_trainer(ctx, &f, &trainer)) != 0)
		return rc;
	struct results r;
	if ((rc = results_load(ctx, &f, &r, 100000)) != 0)
		return rc;
	static const char *const head[] = { "Questionnaire", "Question", "Objectif", "Réponse",
		"Nombre", "Part", "Moyenne", "Session", "Fin de session" };
	if ((rc = csv_start(ctx, "evaluations.csv", head, sizeof(head) / sizeof(head[0]))) != 0)
		return rc;
	struct buf *b = &ctx->res->body;
	struct arena *a = ctx->arena;
	for (size_t i = 0; i < r.n_kinds; i++) {
		const struct results_kind *k = &r.kinds[i];
		const char *row[] = { kind_label(k->kind), "Taux de réponse", "",
			arena_printf(a, "%s réponses sur %s questionnaires, %s relances", k->answered,
				k->surveys, k->reminders), k->answered,
			percent(a, atol(k->answered), atol(k->surveys)), "", "", "" };
		if (csv_row(b, row, sizeof(row) / sizeof(row[0])) < 0)
			return 500;
	}
	for (size_t from = 0; from < r.n_counts;) {
		size_t to = from + 1;
		while (to < r.n_counts && same_question(&r.counts[from], &r.counts[to]))
			to++;
		struct question_bars q;
		question_bars(a, r.counts, from, to, &q);
		const struct results_count *c = &r.counts[from];
		for (size_t i = 0; i < q.n; i++) {
			const char *row[] = { kind_label(c->kind), c->wording, c->item_label, q.bars[i].label,
				arena_printf(a, "%ld", q.bars[i].value), percent(a, q.bars[i].value, q.total),
				q.tenths_mean >= 0 ? decimal_fr(a, q.tenths_mean) : "", "", "" };
			if (csv_row(b, row, sizeof(row) / sizeof(row[0])) < 0)
				return 500;
		}
		from = to;
	}
	for (size_t i = 0; i < r.n_texts; i++) {
		const struct results_text *t = &r.texts[i];
		const char *row[] = { kind_label(t->kind), t->wording, "", t->text, "", "", t->score,
			t->session_id, t->last_day };
		if (csv_row(b, row, sizeof(row) / sizeof(row[0])) < 0)
			return 500;
	}
	return 0;
}

/* ----------------------------------------------------------- Qualiopi */

#define QUALITY_COURSES_MAX 1000

/* One course's line of the figures. */
struct quality_course {
	const char *id, *title, *sessions;
	long surveys[SURVEY_KIND_COUNT], answered[SURVEY_KIND_COUNT], reminders;
	struct survey_rate rate;
};

struct quality {
	const char *from, *to;
	struct quality_course *courses;
	size_t n;
	struct unsent_session *unsent;
	size_t n_unsent;
};

/* The period: du and au, else the fiche's 12-month window. */
static int quality_load(struct ctx *ctx, struct quality *out)
{
	struct arena *a = ctx->arena;
	const struct params *q = &ctx->req->query;
	struct civil_date today = pages_paris_today(), first, last;
	if (survey_rate_window(today, &first, &last) != 0)
		return 500;
	const char *from = params_get(q, "du"), *to = params_get(q, "au");
	from = from && *from ? from : pages_iso_date(a, first);
	to = to && *to ? to : pages_iso_date(a, last);
	struct civil_date df, dt;
	if (cal_parse_date(from, &df) != 0 || cal_parse_date(to, &dt) != 0)
		return 400;
	struct quality_row *rows;
	size_t n;
	int rc = store_quality_rows(ctx->db, a, from, to, &rows, &n);
	if (rc == DB_OK)
		rc = store_quality_unsent(ctx->db, a, from, to, pages_iso_date(a, today), &out->unsent,
				&out->n_unsent);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct quality_course *c = arena_calloc(a, n ? n : 1, sizeof(*c));
	const char **ids = arena_calloc(a, n ? n : 1, sizeof(*ids));
	if (!c || !ids)
		return 500;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m == 0 || strcmp(c[m - 1].id, rows[i].course_id) != 0) {
			if (m == QUALITY_COURSES_MAX)
				break;
			c[m] = (struct quality_course){ .id = rows[i].course_id,
				.title = rows[i].course_title, .sessions = rows[i].sessions };
			ids[m++] = rows[i].course_id;
		}
		enum survey_kind k;
		if (survey_kind_parse(rows[i].kind, &k) == 0) {
			c[m - 1].surveys[k] += atol(rows[i].surveys);
			c[m - 1].answered[k] += atol(rows[i].answered);
		}
		c[m - 1].reminders += atol(rows[i].reminders);
	}
	struct course_tally *t;
	if ((rc = store_course_tallies(ctx->db, a, ids, m, from, to, &t)) != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < m; i++) {
		rate_of(&t[i], today, &c[i].rate);
		c[i].rate.period_first = df;
		c[i].rate.period_last = dt;
	}
	*out = (struct quality){ from, to, c, m, out->unsent, out->n_unsent };
	return 0;
}

static const char *kind_rate(struct arena *a, const struct quality_course *c, int k)
{
	if (c->surveys[k] == 0)
		return "";
	return arena_printf(a, "%s (%ld/%ld)", percent(a, c->answered[k], c->surveys[k]),
			c->answered[k], c->surveys[k]);
}

static const char *rate_text(struct arena *a, const struct survey_rate *r)
{
	return r->published ? arena_printf(a, "%d %%", r->percent) : "";
}

/* The figures' order for ?tri= (none: by title, as the store gives). */
static const char *const quality_sorts[] = { "sessions", "taux", "repondants", "amont", "chaud",
	"froid", "responsables", "relances", NULL };

static long quality_key(const struct quality_course *c, const char *sort)
{
	static const char *const kinds[] = { "amont", "chaud", "froid", "responsables" };
	static const enum survey_kind kv[] = { SURVEY_AMONT, SURVEY_CHAUD, SURVEY_FROID,
		SURVEY_FROID_MANAGER };
	for (size_t k = 0; k < 4; k++)
		if (strcmp(sort, kinds[k]) == 0)
			return share_key(c->answered[kv[k]], c->surveys[kv[k]]);
	if (strcmp(sort, "sessions") == 0)
		return atol(c->sessions);
	if (strcmp(sort, "taux") == 0)
		return c->rate.published ? c->rate.percent : SORT_NONE;
	if (strcmp(sort, "repondants") == 0)
		return (long)c->rate.respondents;
	return c->reminders;
}

static int quality_order(struct arena *a, const struct quality *q, const char *sort, size_t **order)
{
	long *v = NULL;
	if (*sort) {
		if (!(v = arena_calloc(a, q->n ? q->n : 1, sizeof(*v))))
			return 500;
		for (size_t i = 0; i < q->n; i++)
			v[i] = quality_key(&q->courses[i], sort);
	}
	return sort_order(a, v, q->n, order);
}

int page_quality(struct ctx *ctx)
{
	struct quality q = { 0 };
	const char *sort;
	size_t *order;
	int rc = read_sort(ctx, quality_sorts, NULL, &sort);
	if (rc || (rc = quality_load(ctx, &q)) != 0 ||
			(rc = quality_order(ctx->arena, &q, sort, &order)) != 0)
		return rc;
	struct arena *a = ctx->arena;
	size_t few = 0;
	for (size_t i = 0; i < q.n; i++) {
		const struct quality_course *c = &q.courses[order[i]];
		few += !c->rate.published;
		if (VIEW_ROW(ctx->view, "Courses", i, { "id", c->id }, { "title", c->title },
				{ "sessions", c->sessions }, { "rate", rate_text(a, &c->rate) },
				{ "published", c->rate.published ? "1" : "" },
				{ "respondents", arena_printf(a, "%lld", (long long)c->rate.respondents) },
				{ "participants", arena_printf(a, "%lld", (long long)c->rate.participants) },
				{ "amont", kind_rate(a, c, SURVEY_AMONT) }, { "chaud", kind_rate(a, c, SURVEY_CHAUD) },
				{ "froid", kind_rate(a, c, SURVEY_FROID) },
				{ "froid_manager", kind_rate(a, c, SURVEY_FROID_MANAGER) },
				{ "reminders", arena_printf(a, "%ld", c->reminders) }) < 0)
			return 500;
	}
	for (size_t i = 0; i < q.n_unsent; i++) {
		const struct unsent_session *u = &q.unsent[i];
		if (VIEW_ROW(ctx->view, "Unsent", i, { "id", u->id }, { "course", u->course_title },
				{ "span", pages_span(a, u->first_day, u->last_day) },
				{ "participants", u->participants }) < 0)
			return 500;
	}
	struct civil_date df, dt;
	char period[SURVEY_PERIOD_FR_BUF];
	if (cal_parse_date(q.from, &df) != 0 || cal_parse_date(q.to, &dt) != 0 ||
			survey_period_fr(df, dt, period, sizeof(period)) != 0)
		period[0] = '\0';
	if (VIEW_FIELDS(ctx->view, "Filter", { "du", q.from }, { "au", q.to }, { "tri", sort },
			{ "from_words", pages_long_date(a, q.from) }, { "to_words", pages_long_date(a, q.to) },
			{ "period", period }) < 0 ||
			view_set_int(ctx->view, "Few", (long)few) < 0 ||
			view_set_int(ctx->view, "MinRespondents", SURVEY_RATE_MIN_RESPONDENTS) < 0 ||
			view_set(ctx->view, "Page.title", "Indicateurs qualité (Qualiopi)") < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/quality.cs");
}

int page_quality_csv(struct ctx *ctx)
{
	struct quality q = { 0 };
	int rc = quality_load(ctx, &q);
	if (rc)
		return rc;
	static const char *const head[] = { "Formation", "Du", "Au", "Sessions",
		"Taux de satisfaction", "Réponses (à chaud)", "Participants", "Taux publié",
		"Réponses en amont", "Réponses à chaud", "Réponses à froid",
		"Réponses des responsables", "Relances envoyées" };
	if ((rc = csv_start(ctx, "qualite.csv", head, sizeof(head) / sizeof(head[0]))) != 0)
		return rc;
	struct arena *a = ctx->arena;
	for (size_t i = 0; i < q.n; i++) {
		const struct quality_course *c = &q.courses[i];
		const char *row[] = { c->title, q.from, q.to, c->sessions, rate_text(a, &c->rate),
			arena_printf(a, "%lld", (long long)c->rate.respondents),
			arena_printf(a, "%lld", (long long)c->rate.participants),
			c->rate.published ? "oui" : "non (moins de 5 réponses)",
			kind_rate(a, c, SURVEY_AMONT), kind_rate(a, c, SURVEY_CHAUD),
			kind_rate(a, c, SURVEY_FROID), kind_rate(a, c, SURVEY_FROID_MANAGER),
			arena_printf(a, "%ld", c->reminders) };
		if (csv_row(&ctx->res->body, row, sizeof(row) / sizeof(row[0])) < 0)
			return 500;
	}
	for (size_t i = 0; i < q.n_unsent; i++) {
		const struct unsent_session *u = &q.unsent[i];
		const char *row[] = { u->course_title, u->first_day, u->last_day,
			arena_printf(a, "session %s : questionnaires jamais envoyés", u->id), "", "",
			u->participants, "", "", "", "", "", "" };
		if (csv_row(&ctx->res->body, row, sizeof(row) / sizeof(row[0])) < 0)
			return 500;
	}
	return 0;
}
