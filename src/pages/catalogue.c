/* The public catalogue: GET /formations (search and filters) and
 * GET /formations/{slug} (one fiche, every published part of it). */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/memo.h"
#include "base/settings.h"
#include "rules/calendar_fr.h"
#include "rules/richtext.h"
#include "rules/slot_time.h"
#include "rules/survey.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/sessions.h"
#include "view/view.h"
#include "web/request.h"

#define CATALOGUE_MAX 100
#define QUERY_MAX_CHARS 200
#define COURSE_SESSIONS_SHOWN 6

/* Slugs are lowercase ASCII words joined by '-': anything else cannot name
 * a course, so it is a 404 before any query. */
static int slug_is_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 100 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

const char *catalogue_modality_label(const char *m)
{
	if (strcmp(m, "distanciel") == 0)
		return "À distance";
	if (strcmp(m, "mixte") == 0)
		return "Mixte (présentiel et à distance)";
	return "En présentiel";
}

static const char *kind_label(const char *kind)
{
	return strcmp(kind, "inter") == 0 ? "INTER" : "INTRA";
}

const char *pages_long_date(struct arena *a, const char *iso)
{
	struct civil_date d;
	char text[CAL_LONG_FR_BUF];
	if (cal_parse_date(iso, &d) != 0 || cal_format_long_fr(d, text, sizeof(text)) != 0)
		return iso;
	const char *copy = arena_strdup(a, text);
	return copy ? copy : iso;
}

const char *pages_time(struct arena *a, const char *hhmm)
{
	int m;
	char b[SLOT_TIME_FR_BUF];
	const char *copy = slot_parse_time(hhmm, &m) == 0 && slot_format_time_fr(m, b, sizeof(b)) == 0 ?
		arena_strdup(a, b) : NULL;
	return copy ? copy : hhmm;
}

const char *pages_long_moment(struct arena *a, const char *iso_minute)
{
	int minutes;
	char t[SLOT_TIME_FR_BUF];
	if (!iso_minute || strlen(iso_minute) != 16 || iso_minute[10] != ' ' ||
			slot_parse_time(iso_minute + 11, &minutes) != 0 ||
			slot_format_time_fr(minutes, t, sizeof(t)) != 0)
		return iso_minute;
	char day[11];
	memcpy(day, iso_minute, 10);
	day[10] = '\0';
	const char *words = pages_long_date(a, day);
	return words == day ? iso_minute : arena_printf(a, "%s à %s", words, t);
}

const char *pages_span(struct arena *a, const char *first_iso, const char *last_iso)
{
	struct civil_date first, last;
	char b[SLOT_SPAN_FR_BUF];
	if (cal_parse_date(first_iso, &first) != 0 || cal_parse_date(last_iso, &last) != 0 ||
			slot_span_fr(first, last, b, sizeof(b)) != 0)
		return "";
	const char *copy = arena_strdup(a, b);
	return copy ? copy : "";
}

struct civil_date pages_paris_today(void)
{
	return cal_paris_local_date((int64_t)time(NULL));
}

const char *pages_iso_date(struct arena *a, struct civil_date d)
{
	char buf[CAL_DATE_BUF];
	return cal_format_date(d, buf, sizeof(buf)) == 0 ? arena_strdup(a, buf) : "";
}

/* The worker remembers the HTML of the texts it converted: a fiche read
 * again costs a lookup by the whole text instead of cmark (a quarter of
 * the fiche's instructions); an edited text is a new key. */
static struct memo richtext_memo = { .bytes_max = 4u << 20 };

/* Markdown typed by staff, as HTML made by cmark in safe mode: the one kind
 * of value a template shows with uvar:. */
int catalogue_set_richtext(struct view *v, const char *key, const char *markdown)
{
	if (!markdown || !*markdown)
		return 0;
	size_t len = strlen(markdown);
	const char *known = memo_get(&richtext_memo, markdown, len);
	if (known)
		return view_set(v, key, known);
	char *html = NULL;
	if (richtext_to_html(markdown, len, &html) != 0)
		return -1;
	(void)memo_put(&richtext_memo, markdown, len, html);
	int rc = view_set(v, key, html);
	free(html);
	return rc;
}

static int set_programme_line(struct view *v, const struct programme_line *l,
		long m, long d, long s)
{
	char key[96];
	if (d == 0 && s == 0) {
		snprintf(key, sizeof(key), "Course.modules.%ld", m);
		char sub[128];
#define MOD(field, value) (snprintf(sub, sizeof(sub), "%s.%s", key, field), view_set(v, sub, value))
		if (MOD("number", l->number) < 0 || MOD("title", l->module_title) < 0 ||
				MOD("seminar", strcmp(l->format, "seminar") == 0 ? "1" : "") < 0)
			return -1;
		snprintf(sub, sizeof(sub), "%s.aim_html", key);
		if (catalogue_set_richtext(v, sub, l->aim) < 0)
			return -1;
		snprintf(sub, sizeof(sub), "%s.intro_html", key);
		if (catalogue_set_richtext(v, sub, l->intro) < 0)
			return -1;
#undef MOD
	}
	if (!*l->day_id)
		return 0;
	if (s == 0) {
		snprintf(key, sizeof(key), "Course.modules.%ld.days.%ld.heading", m, d);
		if (view_set(v, key, l->heading) < 0)
			return -1;
		snprintf(key, sizeof(key), "Course.modules.%ld.days.%ld.subject", m, d);
		if (view_set(v, key, l->subject) < 0)
			return -1;
		snprintf(key, sizeof(key), "Course.modules.%ld.days.%ld.steps_intro", m, d);
		if (view_set(v, key, l->steps_intro) < 0)
			return -1;
	}
	if (!*l->step_id)
		return 0;
	snprintf(key, sizeof(key), "Course.modules.%ld.days.%ld.steps.%ld.text", m, d, s);
	if (view_set(v, key, l->step) < 0)
		return -1;
	snprintf(key, sizeof(key), "Course.modules.%ld.days.%ld.steps.%ld.sub", m, d, s);
	return view_set(v, key, strcmp(l->level, "1") == 0 ? "1" : "");
}

/* The store gives the programme flat, in reading order; the view wants
 * modules holding days holding steps. */
static int set_programme(struct view *v, const struct programme_line *lines, size_t n)
{
	long m = -1, d = -1, s = -1;
	const char *module = "", *day = "";
	for (size_t i = 0; i < n; i++) {
		const struct programme_line *l = &lines[i];
		if (strcmp(l->module_id, module) != 0) {
			m++;
			d = -1;
			day = "";
			module = l->module_id;
		}
		if (*l->day_id && strcmp(l->day_id, day) != 0) {
			d++;
			s = -1;
			day = l->day_id;
		}
		if (*l->step_id)
			s++;
		if (set_programme_line(v, l, m, d < 0 ? 0 : d, s < 0 ? 0 : s) < 0)
			return -1;
	}
	return 0;
}

/* lines: the programme when the caller has it already, else NULL. */
int catalogue_fill_course(struct ctx *ctx, const struct course *c,
		const struct programme_line *lines, size_t n)
{
	struct view *v = ctx->view;
	char key[96];
#define SET(name, max) \
	snprintf(key, sizeof(key), "Course.%s", #name); \
	if (view_set(v, key, c->name) < 0) \
		return 500;
	COURSE_TEXT_FIELDS(SET)
#undef SET
#define SETN(name) \
	snprintf(key, sizeof(key), "Course.%s", #name); \
	if (view_set(v, key, c->name) < 0) \
		return 500;
	COURSE_NUMBER_FIELDS(SETN)
#undef SETN
	static const char *const rich[] = { "objective", "evaluable_objectives", "content_intro",
		"programme_notes", "methods", "accessibility" };
	const char *rich_values[] = { c->objective, c->evaluable_objectives, c->content_intro,
		c->programme_notes, c->methods, c->accessibility };
	for (size_t i = 0; i < sizeof(rich) / sizeof(rich[0]); i++) {
		snprintf(key, sizeof(key), "Course.%s_html", rich[i]);
		if (catalogue_set_richtext(v, key, rich_values[i]) < 0)
			return 500;
	}
	/* plain fields whose phone numbers and "[Sessions à venir]" are links */
	const char *linked[][2] = { { "Course.access_modalities_html", c->access_modalities },
		{ "Course.contact_text_html", c->contact_text }, { "Course.contact_phones_html", c->contact_phones } };
	for (size_t i = 0; i < sizeof(linked) / sizeof(linked[0]); i++) {
		struct buf b;
		buf_init(&b, 64 * 1024);
		int bad = *linked[i][1] && (richtext_plain_links(&b, linked[i][1], "#sessions-titre") != 0 ||
			view_set(v, linked[i][0], b.data) < 0);
		buf_free(&b);
		if (bad)
			return 500;
	}
	if (view_set(v, "Course.slug", c->slug) < 0 || view_set(v, "Course.id", c->id) < 0 ||
			view_set(v, "Course.kind_label", kind_label(c->kind)) < 0 ||
			view_set(v, "Course.modality_label", catalogue_modality_label(c->modality)) < 0 ||
			view_set(v, "Course.updated", pages_long_date(ctx->arena, c->updated_on)) < 0)
		return 500;
	if (!lines) {
		struct programme_line *read;
		int rc = store_programme(ctx->db, ctx->arena, c->id, &read, &n);
		if (rc != DB_OK)
			return handler_db_status(rc);
		lines = read;
	}
	return set_programme(v, lines, n) < 0 ? 500 : 0;
}

/* The parts of a fiche drawn from its course alone (the text, the
 * programme), kept by the worker per course, version and last change:
 * any edit saved by the intranet makes a new version, hence a new key, so
 * a hit is what drawing them again would give. A fiche read again costs a
 * one-row query and two lookups instead of its whole course, its
 * programme and its drawing (most of its instructions and of its time in
 * PostgreSQL). Bounded like the rich-text memo; a worker keeps its own. */
static struct memo fiche_memo = { .bytes_max = 8u << 20 };

static const char *fiche_key(struct arena *a, const struct course *c, const char *part)
{
	return arena_printf(a, "%s:%s:%s:%s", c->id, c->version, c->last_modified, part);
}

/* Draws the course's own parts of the page for c, from the whole course
 * read again (which may be newer than c: then *c becomes that one). */
static int fiche_draw(struct ctx *ctx, struct course *c, const char **head, const char **main)
{
	struct programme_line *lines;
	size_t n;
	int rc = store_course_page(ctx->db, ctx->arena, c->slug, c, &lines, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if ((rc = catalogue_fill_course(ctx, c, lines, n)) != 0)
		return rc;
	const char *names[] = { "public/course_head.cs", "public/course_main.cs" };
	const char *keys[] = { "head", "main" };
	const char **out[] = { head, main };
	for (size_t i = 0; i < 2; i++) {
		struct buf b;
		buf_init(&b, ctx->settings->response_max);
		const char *key = fiche_key(ctx->arena, c, keys[i]);
		rc = key && view_render(ctx->templates, names[i], ctx->view, &b) == 0 ? 0 : 500;
		*out[i] = rc ? NULL : arena_strdup(ctx->arena, b.data ? b.data : "");
		if (*out[i])
			(void)memo_put(&fiche_memo, key, strlen(key), *out[i]);
		buf_free(&b);
		if (!*out[i])
			return 500;
	}
	return 0;
}

static int fiche_parts(struct ctx *ctx, struct course *c, const char **head, const char **main)
{
	const char *kh = fiche_key(ctx->arena, c, "head"), *km = fiche_key(ctx->arena, c, "main");
	if (!kh || !km)
		return 500;
	*head = memo_get(&fiche_memo, kh, strlen(kh));
	*main = memo_get(&fiche_memo, km, strlen(km));
	if (*head && *main)
		return view_set(ctx->view, "Course.slug", c->slug) < 0 ? 500 : 0;
	return fiche_draw(ctx, c, head, main);
}

/* The fiche's three reads of the day, kept by the worker until a change
 * of what they read is notified (db_run_reads_kept), for a hundred fiches
 * and more. */
#define FICHE_KEPT 256
static struct db_kept fiche_kept[FICHE_KEPT];

/* The fiche's three reads (its course's version, its next sessions, its
 * rate) go in one round trip and one snapshot, or none when this worker
 * kept them; the course itself is read only when this worker has not
 * drawn that version yet. */
int page_course(struct ctx *ctx)
{
	const char *slug = ctx->req->args[0];
	if (!slug_is_valid(slug))
		return 404;
	char today[CAL_DATE_BUF];
	if (cal_format_date(cal_paris_local_date((int64_t)time(NULL)), today, sizeof(today)) != 0)
		return 500;
	struct db_call calls[3];
	store_course_head_call(&calls[0], slug);
	if (store_fiche_sessions_call(&calls[1], ctx->arena, today, slug,
			COURSE_SESSIONS_SHOWN) != DB_OK || survey_rate_call(ctx, &calls[2], slug) != 0)
		return 500;
	const char *key = arena_printf(ctx->arena, "%s %s", today, slug);
	if (!key)
		return 500;
	int rc = db_run_reads_kept(ctx->db, ctx->arena, db_kept_entry(fiche_kept, FICHE_KEPT, key),
			key, calls, 3);
	struct course c;
	if (rc == DB_OK)
		rc = store_course_head_read(&calls[0], &c);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *head, *main;
	if ((rc = fiche_parts(ctx, &c, &head, &main)) != 0)
		return rc;
	struct session *sessions;
	size_t n_sessions;
	if (store_public_sessions_read(&calls[1], ctx->arena, &sessions, &n_sessions) != DB_OK)
		return 500;
	/* The fiche shows its next sessions: the validators change with them,
	 * and with the day (a session over leaves the list). */
	long modified = strtol(c.last_modified, NULL, 10);
	unsigned long long h = 14695981039346656037ULL;
	for (size_t i = 0; i < n_sessions; i++) {
		const char *parts[] = { sessions[i].id, sessions[i].version, sessions[i].registered,
			sessions[i].first_day, today };
		for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
			for (const char *p = parts[k]; *p; p++)
				h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		long u = strtol(sessions[i].updated_epoch, NULL, 10);
		modified = u > modified ? u : modified;
	}
	/* The satisfaction rate changes with each answer, and its "calculé
	 * le" with the day: its words and today are in the validators, so
	 * the page cache never keeps a stale rate past its second. */
	struct survey_rate rate;
	long last_answer;
	if ((rc = survey_rate_read(ctx, &calls[2], c.id, &rate, &last_answer)) != 0)
		return rc;
	char sentence[SURVEY_SENTENCE_FR_BUF];
	unsigned long long rh = 14695981039346656037ULL;
	if (survey_rate_sentence_fr(&rate, sentence, sizeof(sentence)) != 0)
		return 500;
	const char *rate_parts[] = { sentence, today };
	for (size_t k = 0; k < 2; k++)
		for (const char *p = rate_parts[k]; *p; p++)
			rh = (rh ^ (unsigned char)*p) * 1099511628211ULL;
	modified = last_answer > modified ? last_answer : modified;
	const char *etag = arena_printf(ctx->arena, "W/\"c%s-v%s-s%llx-r%llx-%s\"", c.id, c.version,
			n_sessions ? h : 0ULL, rh, handler_build_id());
	if (handler_not_modified(ctx, etag, modified))
		return 0;
	if (view_set(ctx->view, "Page.title", c.title) < 0 ||
			view_set(ctx->view, "Fiche.head", head) < 0 ||
			view_set(ctx->view, "Fiche.main", main) < 0)
		return 500;
	if ((rc = survey_rate_fill(ctx, "Course", &rate)) != 0 ||
			(rc = sessions_public_fill(ctx, sessions, n_sessions, 0)) != 0)
		return rc;
	return handler_render(ctx, 200, "public/course.cs");
}

/* A search extract: hits arrive between U+E000 and U+E001; the view gets
 * pieces with a flag, so the template marks them and escapes everything. */
static int set_extract(struct view *v, size_t i, const char *extract)
{
	char key[96];
	size_t piece = 0;
	const char *p = extract;
	int hit = 0;
	while (*p) {
		const char *start = strstr(p, hit ? "\xee\x80\x81" : "\xee\x80\x80");
		size_t len = start ? (size_t)(start - p) : strlen(p);
		if (len) {
			char *text = malloc(len + 1);
			if (!text)
				return -1;
			memcpy(text, p, len);
			text[len] = '\0';
			snprintf(key, sizeof(key), "Results.%zu.extract.%zu.text", i, piece);
			int rc = view_set(v, key, text);
			free(text);
			snprintf(key, sizeof(key), "Results.%zu.extract.%zu.hit", i, piece);
			if (rc < 0 || view_set(v, key, hit ? "1" : "") < 0)
				return -1;
			piece++;
		}
		if (!start)
			break;
		p = start + 3;
		hit = !hit;
	}
	return 0;
}

static int set_results(struct ctx *ctx, const struct course_summary *r, size_t n)
{
	struct view *v = ctx->view;
	struct arena *a = ctx->arena;
	const char **ids = arena_calloc(a, n ? n : 1, sizeof(*ids));
	struct survey_rate *rates = arena_calloc(a, n ? n : 1, sizeof(*rates));
	if (!ids || !rates)
		return 500;
	for (size_t i = 0; i < n; i++)
		ids[i] = r[i].id;
	int rc = survey_rates_of_courses(ctx, ids, n, rates, NULL);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		char key[48];
		snprintf(key, sizeof(key), "Results.%zu", i);
		if (survey_rate_fill(ctx, key, &rates[i]) != 0)
			return 500;
		if (VIEW_ROW(v, "Results", i, { "slug", r[i].slug }, { "title", r[i].title },
				{ "kind", kind_label(r[i].kind) }, { "category", r[i].category },
				{ "modality", catalogue_modality_label(r[i].modality) },
				{ "days", r[i].duration_days }, { "hours", r[i].duration_hours },
				{ "next", *r[i].next_day ? pages_long_date(a, r[i].next_day) : "" }) < 0 ||
				set_extract(v, i, r[i].extract) < 0)
			return 500;
	}
	return 0;
}

int catalogue_list(struct ctx *ctx, const struct course_filter *f, size_t max)
{
	struct course_summary *results;
	const char **cats;
	size_t n, n_cats;
	int rc = store_courses_search(ctx->db, ctx->arena, f, max, &results, &n);
	/* nothing found: the same search with each word spelt as in the fiches */
	const char *fixed = NULL;
	if (rc == DB_OK && n == 0 && f->q && *f->q)
		rc = store_courses_spelling(ctx->db, ctx->arena, f->q, &fixed);
	if (rc == DB_OK && fixed) {
		struct course_filter again = *f;
		again.q = fixed;
		rc = store_courses_search(ctx->db, ctx->arena, &again, max, &results, &n);
		if (rc == DB_OK && n && view_set(ctx->view, "Filter.corrected", fixed) < 0)
			return 500;
	}
	if (rc == DB_OK)
		rc = store_categories(ctx->db, ctx->arena, &cats, &n_cats);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set_int(ctx->view, "Count", (long)n) < 0)
		return 500;
	if ((rc = set_results(ctx, results, n)) != 0)
		return rc;
	char key[64];
	for (size_t i = 0; i < n_cats; i++) {
		snprintf(key, sizeof(key), "Categories.%zu", i);
		if (view_set(ctx->view, key, cats[i]) < 0)
			return 500;
	}
	return 0;
}

static const char *one_of(const char *value, const char *const *allowed)
{
	if (!value)
		return "";
	for (; *allowed; allowed++)
		if (strcmp(value, *allowed) == 0)
			return value;
	return "";
}

int page_catalogue(struct ctx *ctx)
{
	const struct params *q = &ctx->req->query;
	static const char *const modalities[] = { "presentiel", "distanciel", "mixte", NULL };
	static const char *const kinds[] = { "intra", "inter", NULL };
	struct course_filter f = {
		.q = params_get(q, "q"),
		.category = params_get(q, "categorie"),
		.modality = one_of(params_get(q, "modalite"), modalities),
		.kind = one_of(params_get(q, "type"), kinds),
	};
	/* A long query is cut, not refused: the page stays a normal page. */
	char query[QUERY_MAX_CHARS * 4 + 8];
	if (f.q) {
		richtext_shorten(f.q, QUERY_MAX_CHARS, query, sizeof(query));
		f.q = query;
	}
	if (f.category && strlen(f.category) > 120)
		f.category = "";
	int rc = catalogue_list(ctx, &f, CATALOGUE_MAX);
	if (rc)
		return rc;
	struct view *v = ctx->view;
	if (view_set(v, "Page.title", "Catalogue des formations") < 0 ||
			view_set(v, "Filter.q", f.q ? f.q : "") < 0 ||
			view_set(v, "Filter.categorie", f.category ? f.category : "") < 0 ||
			view_set(v, "Filter.modalite", f.modality) < 0 ||
			view_set(v, "Filter.type", f.kind) < 0)
		return 500;
	return handler_render(ctx, 200, "public/catalogue.cs");
}
