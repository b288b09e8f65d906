/* The catalogue for staff (admins and conseillers): the list of courses,
 * create, edit (fields and programme, Word paste cleaned, optimistic
 * version check), preview, publish, archive, duplicate, history, and the
 * completeness check of published fiches. */
#include "pages/pages.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/completeness.h"
#include "rules/fields.h"
#include "rules/programme.h"
#include "rules/richtext.h"
#include "rules/survey.h"
#include "rules/word_clean.h"
#include "store/accounts.h"
#include "store/course_edit.h"
#include "store/courses.h"
#include "store/db.h"
#include "view/view.h"
#include "web/request.h"

#define PROGRAMME_MAX_BYTES 200000

static const char *status_label(const char *status)
{
	if (strcmp(status, "published") == 0)
		return "Publiée";
	if (strcmp(status, "archived") == 0)
		return "Archivée";
	return "Brouillon";
}

/* --- the list and the completeness check ------------------------------ */

int page_staff_courses(struct ctx *ctx)
{
	struct course_summary *c;
	size_t n;
	int rc = store_courses_all(ctx->db, ctx->arena, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Catalogue (intranet)") < 0)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Courses", i, { "id", c[i].id }, { "slug", c[i].slug },
				{ "title", c[i].title }, { "category", c[i].category },
				{ "status", c[i].status }, { "status_label", status_label(c[i].status) },
				{ "updated", c[i].updated_on }) < 0)
			return 500;
	return handler_render(ctx, 200, "intranet/courses.cs");
}

int page_staff_completeness(struct ctx *ctx)
{
	struct course *c;
	size_t n;
	int rc = store_courses_published_full(ctx->db, ctx->arena, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", "Complétude des fiches") < 0)
		return 500;
	/* The rate counts once published: computed from the answers, never typed. */
	const char **ids = arena_calloc(ctx->arena, n ? n : 1, sizeof(*ids));
	struct survey_rate *rates = arena_calloc(ctx->arena, n ? n : 1, sizeof(*rates));
	if (!ids || !rates)
		return 500;
	for (size_t i = 0; i < n; i++)
		ids[i] = c[i].id;
	if ((rc = survey_rates_of_courses(ctx, ids, n, rates, NULL)) != 0)
		return rc;
	char key[96];
	size_t complete = 0;
	for (size_t i = 0; i < n; i++) {
		struct completeness_input in = {
			c[i].prerequisites, c[i].objective, c[i].duration_text, c[i].duration_days,
			c[i].access_modalities, c[i].access_delay, c[i].prices, c[i].price_per_trainee,
			c[i].contact_phones, c[i].contact_email, c[i].methods, c[i].eval_before,
			c[i].eval_during, c[i].eval_hot, c[i].eval_cold, c[i].accessibility,
			c[i].disability_referent_name, c[i].disability_referent_contact, c[i].updated_on,
			rates[i].published ? "1" : "",
		};
		const char *missing[COMPLETENESS_ITEMS_MAX], *fields[COMPLETENESS_ITEMS_MAX];
		size_t m = completeness_missing_fields(&in, missing, fields);
		complete += m == 0;
		snprintf(key, sizeof(key), "Courses.%zu.id", i);
		if (view_set(ctx->view, key, c[i].id) < 0)
			return 500;
		snprintf(key, sizeof(key), "Courses.%zu.title", i);
		if (view_set(ctx->view, key, c[i].title) < 0)
			return 500;
		/* Each line links to the field to fill on the edit form; the
		 * date of update is no field, a save sets it. */
		snprintf(key, sizeof(key), "Courses.%zu.missing", i);
		for (size_t k = 0; k < m; k++)
			if (VIEW_ROW(ctx->view, key, k, { "label", missing[k] },
					{ "anchor", strcmp(fields[k], "updated_on") == 0 ? "mise-a-jour" :
						arena_printf(ctx->arena, "f-%s", fields[k]) }) < 0)
				return 500;
	}
	if (view_set_int(ctx->view, "Complete", (long)complete) < 0 ||
			view_set_int(ctx->view, "Total", (long)n) < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/completeness.cs");
}

/* --- the edit form ----------------------------------------------------- */

/* The label of each field, once: the form shows it and the error summary
 * names the field with it. */
static const struct {
	const char *name, *label;
} LABELS[] = {
	{ "title", "Intitulé (obligatoire)" }, { "kind", "Type" }, { "category", "Catégorie" },
	{ "modality", "Modalités d'animation" }, { "trainers", "Formateur(s)" },
	{ "duration_text", "Durée (en clair)" }, { "duration_days", "Durée en jours" },
	{ "duration_hours", "Durée en heures" }, { "audience", "Public" },
	{ "prerequisites", "Pré-requis (écrire « Aucun pré-requis » s'il n'y en a pas)" },
	{ "group_size", "Effectif" }, { "objective", "Objectif professionnel" },
	{ "evaluable_objectives", "Objectifs évaluables" },
	{ "content_intro", "Introduction du contenu" },
	{ "programme", "Programme au format texte" },
	{ "programme_notes", "Remarques après le programme" },
	{ "methods", "Méthodes mobilisées" },
	{ "access_modalities", "Calendrier, lieux, modalités d'accès" },
	{ "access_delay", "Délais d'accès" }, { "eval_before", "Évaluation en amont" },
	{ "eval_during", "Évaluation au cours de la formation" }, { "eval_hot", "Évaluation à chaud" },
	{ "eval_cold", "Évaluation à froid" }, { "attendance_proof", "Attestation de suivi" },
	{ "certificate_text", "Attestation de participation" },
	{ "accessibility", "Accessibilité" }, { "accessibility_premises", "Accessibilité des locaux" },
	{ "disability_referent_name", "Référent handicap : nom" },
	{ "disability_referent_contact", "Référent handicap : contact" },
	{ "contact_phones", "Téléphones" }, { "contact_email", "Courriel" },
	{ "contact_text", "Texte de contact" }, { "prices", "Tarifs (ou conditions tarifaires)" },
	{ "price_per_trainee", "Tarif / coût stagiaire" },
};

static const char *field_label(const char *name)
{
	for (size_t i = 0; i < sizeof(LABELS) / sizeof(LABELS[0]); i++)
		if (strcmp(LABELS[i].name, name) == 0)
			return LABELS[i].label;
	return name;
}

/* The programme's text form (the import) and its rows, as the form shows
 * them. base is the text the form was drawn with: the text is imported
 * only when it differs from it. */
struct programme_form {
	const char *text, *base;
	const struct programme *rows;
};

static int set_form(struct view *v, const struct course *c, const struct programme_form *pf)
{
	char key[96];
	for (size_t i = 0; i < sizeof(LABELS) / sizeof(LABELS[0]); i++) {
		snprintf(key, sizeof(key), "Labels.%s", LABELS[i].name);
		if (view_set(v, key, LABELS[i].label) < 0)
			return -1;
	}
#define FORM_TEXT(name, max) \
	snprintf(key, sizeof(key), "Form.%s", #name); \
	if (view_set(v, key, c->name) < 0) \
		return -1;
	COURSE_TEXT_FIELDS(FORM_TEXT)
#undef FORM_TEXT
#define FORM_NUM(name) \
	snprintf(key, sizeof(key), "Form.%s", #name); \
	if (view_set(v, key, c->name) < 0) \
		return -1;
	COURSE_NUMBER_FIELDS(FORM_NUM)
#undef FORM_NUM
	if (view_set(v, "Form.programme", pf->text ? pf->text : "") < 0 ||
			view_set(v, "Form.programme_base", pf->base ? pf->base : "") < 0)
		return -1;
	/* Rows numbered from 1, as the fields are named: m2-d1-s3-text; the
	 * key of the row each "add" button makes, for its anchor. */
	const struct programme *p = pf->rows;
	snprintf(key, sizeof(key), "m%zu", (p ? p->n_modules : 0) + 1);
	if (view_set(v, "Form.next_module", key) < 0)
		return -1;
	for (size_t i = 0; p && i < p->n_modules; i++) {
		const struct prog_module *m = &p->modules[i];
		char row[24], next_day[48];
		snprintf(row, sizeof(row), "m%zu", i + 1);
		snprintf(next_day, sizeof(next_day), "m%zu-d%zu", i + 1, m->n_days + 1);
		if (VIEW_ROW(v, "Programme", i + 1, { "key", row }, { "number", m->number }, { "title", m->title },
				{ "intro", m->intro }, { "next_day", next_day }) < 0)
			return -1;
		for (size_t j = 0; j < m->n_days; j++) {
			const struct prog_day *d = &m->days[j];
			char list[96], drow[48], next_step[72];
			snprintf(list, sizeof(list), "Programme.%zu.days", i + 1);
			snprintf(drow, sizeof(drow), "m%zu-d%zu", i + 1, j + 1);
			snprintf(next_step, sizeof(next_step), "m%zu-d%zu-s%zu", i + 1, j + 1, d->n_steps + 1);
			if (VIEW_ROW(v, list, j + 1, { "key", drow }, { "heading", d->heading },
					{ "subject", d->subject }, { "intro", d->steps_intro },
					{ "next_step", next_step }) < 0)
				return -1;
			for (size_t k = 0; k < d->n_steps; k++) {
				char slist[128], srow[72];
				snprintf(slist, sizeof(slist), "Programme.%zu.days.%zu.steps", i + 1, j + 1);
				snprintf(srow, sizeof(srow), "m%zu-d%zu-s%zu", i + 1, j + 1, k + 1);
				if (VIEW_ROW(v, slist, k + 1, { "key", srow }, { "text", d->steps[k].text },
						{ "level", d->steps[k].level ? "1" : "0" }) < 0)
					return -1;
			}
		}
	}
	return 0;
}
static int set_history(struct ctx *ctx, const char *id)
{
	struct course_history_entry *h;
	size_t n;
	int rc = store_course_history(ctx->db, ctx->arena, id, &h, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "History", i, { "at", h[i].at }, { "who", h[i].user_name },
				{ "action", h[i].action }, { "fields", h[i].fields },
				{ "version", h[i].version }) < 0)
			return 500;
	return 0;
}

/* A copy that programme_free() releases; "" for NULL. */
static char *own(const char *s)
{
	return strdup(s ? s : "");
}

/* The programme as stored, nested back from the store's flat rows into
 * *p (owned: programme_free). */
static int stored_programme(struct ctx *ctx, const char *course_id, struct programme *p)
{
	struct programme_line *lines;
	size_t n;
	memset(p, 0, sizeof(*p));
	int rc = store_programme(ctx->db, ctx->arena, course_id, &lines, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	p->modules = calloc(n ? n : 1, sizeof(*p->modules));
	if (!p->modules)
		return 500;
	const char *module = "", *day = "";
	struct prog_module *m = NULL;
	struct prog_day *d = NULL;
	int oom = 0;
	for (size_t i = 0; i < n && !oom; i++) {
		const struct programme_line *l = &lines[i];
		if (strcmp(l->module_id, module) != 0) {
			m = &p->modules[p->n_modules++];
			*m = (struct prog_module){ own(l->number), own(l->module_title), own(l->intro),
				strcmp(l->format, "seminar") == 0, calloc(n, sizeof(*m->days)), 0 };
			oom = !m->number || !m->title || !m->intro || !m->days;
			module = l->module_id;
			day = "";
		}
		if (!oom && *l->day_id && strcmp(l->day_id, day) != 0) {
			d = &m->days[m->n_days++];
			*d = (struct prog_day){ own(l->heading), own(l->subject), own(l->steps_intro),
				calloc(n, sizeof(*d->steps)), 0 };
			oom = !d->heading || !d->subject || !d->steps_intro || !d->steps;
			day = l->day_id;
		}
		if (!oom && *l->step_id) {
			d->steps[d->n_steps] = (struct prog_step){ own(l->step), strcmp(l->level, "1") == 0 };
			oom = !d->steps[d->n_steps++].text;
		}
	}
	if (oom) {
		programme_free(p);
		return 500;
	}
	return 0;
}

/* The outline text of p, in the arena; NULL when out of memory. */
static const char *outline(struct ctx *ctx, const struct programme *p)
{
	char *text = NULL;
	if (programme_format(p, &text) != 0)
		return NULL;
	const char *kept = arena_strdup(ctx->arena, text);
	free(text);
	return kept;
}

/* The rate the fiche publishes today, said on the editor where it used
 * to be typed: computed, never typed. */
static int rate_fill(struct ctx *ctx, const char *course_id)
{
	struct survey_rate rate;
	const char *ids[] = { course_id };
	int rc = survey_rates_of_courses(ctx, ids, 1, &rate, NULL);
	return rc ? rc : survey_rate_fill(ctx, "Rate", &rate);
}

static int edit_page(struct ctx *ctx, int status, const struct course *current,
		const struct course *form, const struct programme_form *pf, const char *version)
{
	if (view_set(ctx->view, "Page.title", current ? current->title : "Nouvelle formation") < 0 ||
			set_form(ctx->view, form, pf) < 0 ||
			view_set(ctx->view, "Form.version", version ? version : "") < 0 ||
			view_set(ctx->view, "Form.action", current ? arena_printf(ctx->arena,
				"/intranet/formations/%s", current->id) : "/intranet/formations") < 0)
		return 500;
	if (current) {
		if (view_set(ctx->view, "Course.id", current->id) < 0 ||
				view_set(ctx->view, "Course.slug", current->slug) < 0 ||
				view_set(ctx->view, "Course.status", current->status) < 0 ||
				view_set(ctx->view, "Course.status_label", status_label(current->status)) < 0 ||
				view_set(ctx->view, "Course.updated", pages_long_date(ctx->arena, current->updated_on)) < 0)
			return 500;
		int rc = set_history(ctx, current->id);
		if (rc || (rc = rate_fill(ctx, current->id)) != 0)
			return rc;
	}
	if (params_get(&ctx->req->query, "fait"))
		(void)view_set(ctx->view, "Notice", "Les modifications sont enregistrées.");
	if (params_get(&ctx->req->query, "inchange"))
		(void)view_set(ctx->view, "Notice", "Aucune modification à enregistrer.");
	return handler_render(ctx, status, "intranet/course_edit.cs");
}

/* The form of a course as stored: its fields, its programme as rows and
 * as text. */
static int stored_edit_page(struct ctx *ctx, int status, const struct course *c)
{
	struct programme p;
	int rc = stored_programme(ctx, c->id, &p);
	if (rc)
		return rc;
	const char *text = outline(ctx, &p);
	struct programme_form pf = { text, text, &p };
	rc = text ? edit_page(ctx, status, c, c, &pf, c->version) : 500;
	programme_free(&p);
	return rc;
}

int page_course_new_form(struct ctx *ctx)
{
	struct course empty = { 0 };
#define EMPTY(name, max) empty.name = "";
	COURSE_TEXT_FIELDS(EMPTY)
#undef EMPTY
#define EMPTYN(name) empty.name = "";
	COURSE_NUMBER_FIELDS(EMPTYN)
#undef EMPTYN
	empty.kind = "intra";
	empty.modality = "presentiel";
	/* A blank module, day and step to start from. */
	struct programme p = { 0 };
	if (programme_add_row(&p, 0, 0) != 0) {
		programme_free(&p);
		return 500;
	}
	struct programme_form pf = { "", "", &p };
	int rc = edit_page(ctx, 200, NULL, &empty, &pf, NULL);
	programme_free(&p);
	return rc;
}

int page_course_edit_form(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	struct course c;
	if (!field_is_id(id))
		return 404;
	int rc = store_course_by_id(ctx->db, ctx->arena, id, &c);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return stored_edit_page(ctx, 200, &c);
}

/* --- reading and checking the form ------------------------------------- */

struct edit {
	struct course course;
	const char *programme_text, *programme_base;
	struct programme rows;          /* the programme's rows as typed */
	struct programme programme;     /* what is saved, once read without error */
	int errors;
	int quiet;                      /* a button of the programme: no check shown */
};

static void edit_free(struct edit *e)
{
	programme_free(&e->rows);
	programme_free(&e->programme);
}

/* One line of the error summary: a link to the field and what is wrong. */
static void summary_line(struct ctx *ctx, struct edit *e, const char *field_id, const char *what,
		const char *message)
{
	if (VIEW_ROW(ctx->view, "ErrorList", (size_t)e->errors, { "field", field_id },
			{ "text", arena_printf(ctx->arena, "%s : %s", what, message) }) == 0)
		e->errors++;
}

static void field_error(struct ctx *ctx, struct edit *e, const char *field, const char *message)
{
	char key[96];
	if (e->quiet)
		return;
	snprintf(key, sizeof(key), "Errors.%s", field);
	if (view_set(ctx->view, key, message) == 0)
		summary_line(ctx, e, arena_printf(ctx->arena, "f-%s", field), field_label(field), message);
}

/* Everything typed goes through the Word cleaner: styles, <o:p>, smart
 * quotes and non-breaking spaces pasted from Word become plain text. */
static const char *cleaned(struct ctx *ctx, struct edit *e, const char *field, const char *raw)
{
	char *out = NULL;
	size_t len;
	if (!raw)
		return "";
	if (word_clean(raw, strlen(raw), &out, &len) != 0) {
		field_error(ctx, e, field, "Ce texte contient des caractères illisibles.");
		return raw;
	}
	const char *kept = arena_strndup(ctx->arena, out, len);
	free(out);
	return kept ? kept : raw;
}

static int is_rich(const char *field)
{
	static const char *const rich[] = { "objective", "evaluable_objectives", "content_intro",
		"programme_notes", "methods", "accessibility", NULL };
	for (const char *const *r = rich; *r; r++)
		if (strcmp(*r, field) == 0)
			return 1;
	return 0;
}

/* The fields that hold one line (titles, names, codes, an address): they
 * go into page titles, mail subjects, feeds and CSV cells. */
static int is_one_line(const char *field)
{
	static const char *const one_line[] = { "title", "kind", "category", "modality",
		"duration_text", "price_per_trainee", "disability_referent_name",
		"disability_referent_contact", "contact_phones", "contact_email", "trainers", "group_size",
		NULL };
	for (const char *const *r = one_line; *r; r++)
		if (strcmp(*r, field) == 0)
			return 1;
	return 0;
}

static void check_text(struct ctx *ctx, struct edit *e, const char *field, const char *value,
		size_t max)
{
	const struct field_rule rule = { field, is_one_line(field) ? FIELD_LINE : FIELD_TEXT, 0,
		(long)max, 0 };
	const char *problem = form_check(ctx, &rule, value);
	if (!problem && is_rich(field))
		(void)richtext_check(value, strlen(value), &problem);
	if (problem)
		field_error(ctx, e, field, problem);
}

static void read_numbers(struct ctx *ctx, struct edit *e)
{
	const struct params *f = &ctx->req->form;
	const struct { const char *name; double min, max; const char **slot; } nums[] = {
		{ "duration_days", 0.5, 365, &e->course.duration_days },
		{ "duration_hours", 0.5, 3000, &e->course.duration_hours },
	};
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		const char *raw = params_get(f, nums[i].name);
		char out[32];
		raw = raw ? raw : "";
		if (field_decimal(raw, nums[i].min, nums[i].max, out, sizeof(out)) < 0) {
			*nums[i].slot = arena_strdup(ctx->arena, raw);
			field_error(ctx, e, nums[i].name, arena_printf(ctx->arena,
				"Indiquez un nombre entre %g et %g.", nums[i].min, nums[i].max));
		} else {
			*nums[i].slot = arena_strdup(ctx->arena, out);
		}
	}
}

/* --- the programme's rows ------------------------------------------------ */

/* A field of the rows, copied for programme_free(); NULL when the form
 * has no such field. */
__attribute__((format(printf, 3, 4)))
static char *row_field(struct ctx *ctx, int *oom, const char *fmt, ...)
{
	char name[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	const char *v = params_get(&ctx->req->form, name);
	char *copy = v ? strdup(v) : NULL;
	if (v && !copy)
		*oom = 1;
	return copy;
}

/* The rows as the form sent them, blank ones included, in *p (owned). A
 * module is there when its title field is, a day with its heading, a
 * step with its text. Returns 0, or -1 when memory ran out. */
static int read_rows(struct ctx *ctx, struct programme *p)
{
	int oom = 0;
	memset(p, 0, sizeof(*p));
	p->modules = calloc(PROGRAMME_MODULES_MAX, sizeof(*p->modules));
	for (size_t i = 1; p->modules && !oom && i <= PROGRAMME_MODULES_MAX; i++) {
		char *title = row_field(ctx, &oom, "m%zu-title", i);
		if (!title)
			break;
		struct prog_module *m = &p->modules[p->n_modules++];
		m->title = title;
		m->number = row_field(ctx, &oom, "m%zu-number", i);
		m->intro = row_field(ctx, &oom, "m%zu-intro", i);
		m->days = calloc(PROGRAMME_DAYS_MAX, sizeof(*m->days));
		oom |= !m->days;
		for (size_t j = 1; !oom && j <= PROGRAMME_DAYS_MAX; j++) {
			char *heading = row_field(ctx, &oom, "m%zu-d%zu-heading", i, j);
			if (!heading)
				break;
			struct prog_day *d = &m->days[m->n_days++];
			d->heading = heading;
			d->subject = row_field(ctx, &oom, "m%zu-d%zu-subject", i, j);
			d->steps_intro = row_field(ctx, &oom, "m%zu-d%zu-intro", i, j);
			d->steps = calloc(PROGRAMME_STEPS_MAX, sizeof(*d->steps));
			oom |= !d->steps;
			for (size_t k = 1; !oom && k <= PROGRAMME_STEPS_MAX; k++) {
				char *text = row_field(ctx, &oom, "m%zu-d%zu-s%zu-text", i, j, k);
				if (!text)
					break;
				char *level = row_field(ctx, &oom, "m%zu-d%zu-s%zu-level", i, j, k);
				d->steps[d->n_steps++] = (struct prog_step){ text, level && strcmp(level, "1") == 0 };
				free(level);
			}
		}
	}
	if (!p->modules || oom) {
		programme_free(p);
		return -1;
	}
	/* Absent optional fields are empty ones. */
	for (size_t i = 0; i < p->n_modules; i++) {
		struct prog_module *m = &p->modules[i];
		if ((!m->number && !(m->number = own(""))) || (!m->intro && !(m->intro = own(""))))
			oom = 1;
		for (size_t j = 0; j < m->n_days; j++) {
			struct prog_day *d = &m->days[j];
			if ((!d->subject && !(d->subject = own(""))) ||
					(!d->steps_intro && !(d->steps_intro = own(""))))
				oom = 1;
		}
	}
	if (oom) {
		programme_free(p);
		return -1;
	}
	return 0;
}

static const char *const PART_FIELD[] = {
	[PROG_NUMBER] = "number", [PROG_TITLE] = "title", [PROG_INTRO] = "intro",
	[PROG_HEADING] = "heading", [PROG_SUBJECT] = "subject", [PROG_STEPS_INTRO] = "intro",
	[PROG_STEP_TEXT] = "text", [PROG_STEP_LEVEL] = "level",
};
static const char *const PART_LABEL[] = {
	[PROG_NUMBER] = "numéro", [PROG_TITLE] = "titre", [PROG_INTRO] = "introduction",
	[PROG_HEADING] = "intitulé", [PROG_SUBJECT] = "sujet",
	[PROG_STEPS_INTRO] = "phrase avant les étapes", [PROG_STEP_TEXT] = "texte",
	[PROG_STEP_LEVEL] = "niveau",
};

/* Each problem of the rows next to its field and in the summary. */
static void row_errors(struct ctx *ctx, struct edit *e)
{
	struct prog_problem pr[32];
	size_t n = programme_check_rows(&e->rows, pr, sizeof(pr) / sizeof(pr[0]));
	for (size_t i = 0; i < n; i++) {
		const char *row, *key, *what;
		if (pr[i].step) {
			row = arena_printf(ctx->arena, "m%zu-d%zu-s%zu", pr[i].module, pr[i].day, pr[i].step);
			key = arena_printf(ctx->arena, "Programme.%zu.days.%zu.steps.%zu.error.%s",
				pr[i].module, pr[i].day, pr[i].step, PART_FIELD[pr[i].part]);
			what = arena_printf(ctx->arena, "Module %zu, journée %zu, étape %zu (%s)",
				pr[i].module, pr[i].day, pr[i].step, PART_LABEL[pr[i].part]);
		} else if (pr[i].day) {
			row = arena_printf(ctx->arena, "m%zu-d%zu", pr[i].module, pr[i].day);
			key = arena_printf(ctx->arena, "Programme.%zu.days.%zu.error.%s",
				pr[i].module, pr[i].day, PART_FIELD[pr[i].part]);
			what = arena_printf(ctx->arena, "Module %zu, journée %zu (%s)",
				pr[i].module, pr[i].day, PART_LABEL[pr[i].part]);
		} else {
			row = arena_printf(ctx->arena, "m%zu", pr[i].module);
			key = arena_printf(ctx->arena, "Programme.%zu.error.%s", pr[i].module,
				PART_FIELD[pr[i].part]);
			what = arena_printf(ctx->arena, "Module %zu (%s)", pr[i].module, PART_LABEL[pr[i].part]);
		}
		if (row && key && what && view_set(ctx->view, key, pr[i].message) == 0)
			summary_line(ctx, e, arena_printf(ctx->arena, "f-%s-%s", row, PART_FIELD[pr[i].part]),
				what, pr[i].message);
	}
}

/* The text with its line ends as "\n" and without the blank end, to
 * compare what the browser sent back with what the form was drawn with. */
static const char *normalised(struct ctx *ctx, const char *s)
{
	size_t len = s ? strlen(s) : 0, n = 0;
	char *out = arena_strndup(ctx->arena, s ? s : "", len);
	if (!out)
		return "";
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		out[n++] = s[i] == '\r' ? '\n' : s[i];
	}
	while (n && (out[n - 1] == '\n' || out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return out;
}

/* Parses outline text into *out, or says what is wrong with it under
 * field. */
static int parse_outline(struct ctx *ctx, struct edit *e, const char *field, const char *text,
		struct programme *out)
{
	int line = 0;
	const char *problem = NULL;
	if (programme_parse(text, strlen(text), out, &line, &problem) == 0)
		return 0;
	field_error(ctx, e, field, line > 0 ?
		arena_printf(ctx->arena, "Ligne %d : %s", line, problem ? problem : "ligne mal formée.") :
		"Le programme n'a pas pu être lu.");
	return -1;
}

/* The programme to save: the rows, or the text when it was changed (the
 * import), never both changed at once. The rows go through the outline
 * text and its parser, so that what is stored is exactly what the same
 * programme typed as text would give (trimmed fields, the seminar format
 * derived from its heading). */
static void read_programme(struct ctx *ctx, struct edit *e)
{
	const char *raw = params_get(&ctx->req->form, "programme");
	const char *base = params_get(&ctx->req->form, "programme_base");
	e->programme_text = raw ? raw : "";
	e->programme_base = base ? base : "";
	if (read_rows(ctx, &e->rows) < 0) {
		field_error(ctx, e, "programme", "Le programme n'a pas pu être lu.");
		return;
	}
	if (strlen(e->programme_text) > PROGRAMME_MAX_BYTES) {
		field_error(ctx, e, "programme", "Le programme est trop long.");
		return;
	}
	row_errors(ctx, e);
	if (e->errors)
		return;         /* nothing is saved: the rows stay as typed */
	programme_compact(&e->rows);
	const char *rows_text = outline(ctx, &e->rows);
	if (!rows_text) {
		field_error(ctx, e, "programme", "Le programme n'a pas pu être lu.");
		return;
	}
	const char *text = normalised(ctx, e->programme_text);
	const char *drawn = normalised(ctx, e->programme_base);
	if (*text && strcmp(text, drawn) != 0) {
		if (strcmp(normalised(ctx, rows_text), drawn) != 0) {
			field_error(ctx, e, "programme", "Le programme a été changé à la fois dans ses champs "
				"et dans ce texte : rien n'a été enregistré. Gardez l'un des deux : videz ce texte "
				"pour enregistrer les champs, ou cliquez sur « Importer ce texte » pour remplacer "
				"les champs par le texte.");
			return;
		}
		(void)parse_outline(ctx, e, "programme", e->programme_text, &e->programme);
		return;
	}
	(void)parse_outline(ctx, e, "programme", rows_text, &e->programme);
}

static void read_form(struct ctx *ctx, struct edit *e)
{
	const struct params *f = &ctx->req->form;
#define READ(name, max) \
	e->course.name = cleaned(ctx, e, #name, params_get(f, #name)); \
	check_text(ctx, e, #name, e->course.name, max);
	COURSE_TEXT_FIELDS(READ)
#undef READ
	if (!*e->course.title)
		field_error(ctx, e, "title", "L'intitulé est obligatoire.");
	if (strcmp(e->course.kind, "intra") != 0 && strcmp(e->course.kind, "inter") != 0)
		field_error(ctx, e, "kind", "Choisissez INTRA ou INTER.");
	if (strcmp(e->course.modality, "presentiel") != 0 && strcmp(e->course.modality, "distanciel") != 0 &&
			strcmp(e->course.modality, "mixte") != 0)
		field_error(ctx, e, "modality", "Choisissez une modalité.");
	if (*e->course.contact_email && field_email(e->course.contact_email))
		field_error(ctx, e, "contact_email", field_email(e->course.contact_email));
	read_numbers(ctx, e);
	if (e->quiet)
		return;
	read_programme(ctx, e);
	if (e->errors)
		(void)view_set(ctx->view, "Errors.summary", "Rien n'a été enregistré : corrigez les "
			"champs signalés, vos autres saisies sont conservées.");
}

/* --- the programme's buttons (add, remove, import) -------------------- */

/* A button of the programme: the form comes back with the rows changed
 * and everything else as typed, nothing saved until "Enregistrer". It
 * works without JavaScript; the button's formaction carries the anchor of
 * the row to go back to. */
static int programme_button(struct ctx *ctx, const struct course *current, const char *version,
		const char *action)
{
	struct edit e = { 0 };
	e.quiet = 1;
	read_form(ctx, &e);
	const char *raw = params_get(&ctx->req->form, "programme");
	const char *base = params_get(&ctx->req->form, "programme_base");
	e.programme_text = raw ? raw : "";
	e.programme_base = base ? base : "";
	if (read_rows(ctx, &e.rows) < 0)
		return 500;
	size_t m = 0, d = 0, s = 0;
	int used = 0, rc = 1, status = 200;
	const char *notice = NULL;
	if (strcmp(action, "add-module") == 0) {
		rc = programme_add_row(&e.rows, 0, 0);
		notice = arena_printf(ctx->arena, "Module %zu ajouté, avec une journée et une étape à remplir.",
			e.rows.n_modules);
	} else if (sscanf(action, "add-day-%zu%n", &m, &used) == 1 && !action[used]) {
		rc = programme_add_row(&e.rows, m, 0);
		notice = arena_printf(ctx->arena, "Journée ajoutée au module %zu.", m);
	} else if (sscanf(action, "add-step-%zu-%zu%n", &m, &d, &used) == 2 && !action[used]) {
		rc = programme_add_row(&e.rows, m, d);
		notice = arena_printf(ctx->arena, "Étape ajoutée à la journée %zu du module %zu.", d, m);
	} else if (sscanf(action, "remove-module-%zu%n", &m, &used) == 1 && !action[used]) {
		rc = programme_remove_row(&e.rows, m, 0, 0);
		notice = arena_printf(ctx->arena, "Module %zu retiré.", m);
	} else if (sscanf(action, "remove-day-%zu-%zu%n", &m, &d, &used) == 2 && !action[used]) {
		rc = programme_remove_row(&e.rows, m, d, 0);
		notice = arena_printf(ctx->arena, "Journée %zu du module %zu retirée.", d, m);
	} else if (sscanf(action, "remove-step-%zu-%zu-%zu%n", &m, &d, &s, &used) == 3 && !action[used]) {
		rc = programme_remove_row(&e.rows, m, d, s);
		notice = arena_printf(ctx->arena, "Étape %zu de la journée %zu du module %zu retirée.", s, d, m);
	} else if (strcmp(action, "import") == 0) {
		struct programme imported;
		e.quiet = 0;
		if (field_is_blank(e.programme_text)) {
			field_error(ctx, &e, "programme", "Le texte est vide : rien à importer.");
		} else if (strlen(e.programme_text) > PROGRAMME_MAX_BYTES) {
			field_error(ctx, &e, "programme", "Le programme est trop long.");
		} else if (parse_outline(ctx, &e, "programme", e.programme_text, &imported) == 0) {
			programme_free(&e.rows);
			e.rows = imported;
			/* The text now is the rows: saving keeps the rows. */
			e.programme_text = e.programme_base = outline(ctx, &e.rows);
			notice = arena_printf(ctx->arena, "Texte importé : %zu module(s).", e.rows.n_modules);
			rc = e.programme_text ? 0 : -1;
		}
		if (e.errors) {
			rc = 0;
			status = 422;
			notice = NULL;
			(void)view_set(ctx->view, "Errors.summary", "Le texte n'a pas été importé : les "
				"champs du programme sont inchangés.");
		}
	} else {
		edit_free(&e);
		return 400;
	}
	if (rc < 0) {
		edit_free(&e);
		return 500;
	}
	if (rc > 0)
		notice = "Cette partie du programme n'existe pas ou a atteint son nombre maximum "
			"(50 modules, 30 journées par module, 100 étapes par journée) : rien n'a changé.";
	else if (notice && status == 200)
		notice = arena_printf(ctx->arena, "%s Rien n'est enregistré avant « Enregistrer ».", notice);
	if (notice)
		(void)view_set(ctx->view, "Notice", notice);
	struct programme_form pf = { e.programme_text, e.programme_base, &e.rows };
	rc = edit_page(ctx, status, current, &e.course, &pf, version);
	edit_free(&e);
	return rc;
}

/* The comma-separated names of the fields that differ, for the history. */
static const char *changed_fields(struct ctx *ctx, const struct course *old, const struct course *new,
		const char *old_programme, const char *new_programme)
{
	char *list = arena_strdup(ctx->arena, "");
#define DIFF(name) \
	if (list && strcmp(old->name, new->name) != 0) \
		list = arena_printf(ctx->arena, "%s%s%s", list, *list ? ", " : "", #name);
#define DIFF_TEXT(name, max) DIFF(name)
	COURSE_TEXT_FIELDS(DIFF_TEXT)
	COURSE_NUMBER_FIELDS(DIFF)
#undef DIFF_TEXT
#undef DIFF
	if (list && strcmp(old_programme, new_programme) != 0)
		list = arena_printf(ctx->arena, "%s%sprogramme", list, *list ? ", " : "");
	return list;
}

/* When the database refused or failed a save that the form allowed: the
 * HTTP status, and why in French, for the summary above the form. */
static int failure_status(int db_status, const char **why)
{
	switch (db_status) {
	case DB_CONFLICT:
		*why = "elle est entrée en conflit avec un enregistrement fait au même moment.";
		return 409;
	case DB_UNAVAILABLE:
		*why = "la base de données ne répond pas.";
		return 503;
	default:
		*why = "une erreur est survenue (elle est consignée dans le journal du serveur).";
		return 500;
	}
}

/* The form as it was sent, after a refusal. */
static int edit_again(struct ctx *ctx, int status, const struct course *current, struct edit *e,
		const char *version)
{
	struct programme_form pf = { e->programme_text, e->programme_base, &e->rows };
	int rc = edit_page(ctx, status, current, &e->course, &pf, version);
	edit_free(e);
	return rc;
}

int page_course_create(struct ctx *ctx)
{
	const char *action = params_get(&ctx->req->form, "programme_action");
	if (action)
		return programme_button(ctx, NULL, NULL, action);
	struct edit e = { 0 };
	read_form(ctx, &e);
	if (e.errors)
		return edit_again(ctx, 422, NULL, &e, NULL);
	char slug[96];
	field_slugify(e.course.title, slug, sizeof(slug));
	const char *id;
	int rc = store_course_create(ctx->db, ctx->arena, &e.course, &e.programme, slug,
			ctx->login->user_id, ctx->login->display_name, &id);
	if (rc != DB_OK) {
		/* Nothing is lost: the form comes back as it was sent. */
		const char *why;
		int status = failure_status(rc, &why);
		(void)view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena,
			"La nouvelle formation n'a pas pu être enregistrée : %s Rien n'a été "
			"enregistré ; vos saisies sont conservées ci-dessous. Réessayez dans un "
			"instant.", why));
		return edit_again(ctx, status, NULL, &e, NULL);
	}
	edit_free(&e);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", id));
}

int page_course_save(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	struct course current;
	if (!field_is_id(id))
		return 404;
	int rc = store_course_by_id(ctx->db, ctx->arena, id, &current);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *version = params_get(&ctx->req->form, "version");
	version = version && field_is_id(version) ? version : "0";
	const char *action = params_get(&ctx->req->form, "programme_action");
	if (action)
		return programme_button(ctx, &current, version, action);
	struct edit e = { 0 };
	read_form(ctx, &e);
	if (e.errors)
		return edit_again(ctx, 422, &current, &e, version);
	struct programme old;
	const char *old_programme = NULL, *new_programme = outline(ctx, &e.programme);
	rc = stored_programme(ctx, id, &old);
	if (rc == 0) {
		old_programme = outline(ctx, &old);
		programme_free(&old);
		if (!old_programme || !new_programme)
			rc = 500;
	}
	const char *changed = rc == 0 ? changed_fields(ctx, &current, &e.course, old_programme,
			new_programme) : NULL;
	int programme_changed = changed && strstr(changed, "programme") != NULL;
	if (rc == 0 && (!changed || !*changed)) {
		edit_free(&e);
		return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?inchange=1", id));
	}
	int saved = rc == 0 ? store_course_save(ctx->db, ctx->arena, id, version, &e.course,
			programme_changed ? &e.programme : NULL, changed, ctx->login->user_id,
			ctx->login->display_name) : DB_FAILED;
	if (rc == 0 && saved != DB_OK && saved != DB_STALE && saved != DB_NOT_FOUND) {
		const char *why;
		int status = failure_status(saved, &why);
		(void)view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena,
			"Les modifications n'ont pas pu être enregistrées : %s Rien n'a été "
			"enregistré ; vos saisies sont conservées ci-dessous. Réessayez dans un "
			"instant.", why));
		return edit_again(ctx, status, &current, &e, version);
	}
	if (rc == 0 && saved != DB_STALE)
		rc = handler_db_status(saved);
	if (rc == 0 && saved == DB_STALE) {
		(void)view_set(ctx->view, "Errors.summary", "Cette fiche a été modifiée par une autre "
			"personne pendant que vous l'éditiez. Vos modifications n'ont pas été enregistrées ; "
			"elles sont conservées ci-dessous. Ouvrez la fiche dans un autre onglet pour voir "
			"la nouvelle version, reportez vos changements, puis enregistrez.");
		return edit_again(ctx, 409, &current, &e, version);
	}
	edit_free(&e);
	if (rc == 0)
		rc = handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", id));
	return rc;
}

/* --- preview, status, duplicate ----------------------------------------- */

int page_course_preview(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	struct course c;
	if (!field_is_id(id))
		return 404;
	int rc = store_course_by_id(ctx->db, ctx->arena, id, &c);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (view_set(ctx->view, "Page.title", c.title) < 0 ||
			view_set(ctx->view, "Preview.status", status_label(c.status)) < 0)
		return 500;
	struct survey_rate rate;
	const char *ids = c.id;
	if ((rc = survey_rates_of_courses(ctx, &ids, 1, &rate, NULL)) != 0 ||
			(rc = survey_rate_fill(ctx, "Course", &rate)) != 0 ||
			(rc = catalogue_fill_course(ctx, &c, NULL, 0)) != 0)
		return rc;
	return handler_render(ctx, 200, "intranet/course_preview.cs");
}

int page_course_status(struct ctx *ctx)
{
	const char *id = ctx->req->args[0];
	const char *status = params_get(&ctx->req->form, "statut");
	if (!field_is_id(id))
		return 404;
	if (!status || (strcmp(status, "published") != 0 && strcmp(status, "archived") != 0 &&
			strcmp(status, "draft") != 0))
		return 400;
	struct course c;
	int rc = store_course_by_id(ctx->db, ctx->arena, id, &c);
	if (rc == DB_OK)
		rc = store_course_set_status(ctx->db, ctx->arena, id, status, ctx->login->user_id,
				ctx->login->display_name);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", id));
}

int page_course_duplicate(struct ctx *ctx)
{
	const char *id = ctx->req->args[0], *new_id;
	if (!field_is_id(id))
		return 404;
	int rc = store_course_duplicate(ctx->db, ctx->arena, id, ctx->login->user_id,
			ctx->login->display_name, &new_id);
	if (rc == DB_NOT_FOUND || rc == DB_UNAVAILABLE)
		return handler_db_status(rc);
	if (rc != DB_OK) {
		/* Back to the fiche that was to be copied, saying so. */
		struct course c;
		const char *why;
		int status = failure_status(rc, &why);
		(void)view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena,
			"La copie de cette formation n'a pas pu être créée : %s Rien n'a été "
			"enregistré ; réessayez dans un instant.", why));
		if ((rc = store_course_by_id(ctx->db, ctx->arena, id, &c)) != DB_OK)
			return handler_db_status(rc);
		return stored_edit_page(ctx, status, &c);
	}
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", new_id));
}
