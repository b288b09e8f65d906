/* The catalogue for staff (admins and conseillers): the list of courses,
 * create, edit (fields and programme, Word paste cleaned, optimistic
 * version check), preview, publish, archive, duplicate, history, and the
 * completeness check of published fiches. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/completeness.h"
#include "rules/fields.h"
#include "rules/programme.h"
#include "rules/richtext.h"
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
	char key[96];
	size_t complete = 0;
	for (size_t i = 0; i < n; i++) {
		struct completeness_input in = {
			c[i].prerequisites, c[i].objective, c[i].duration_text, c[i].duration_days,
			c[i].access_modalities, c[i].access_delay, c[i].prices, c[i].price_per_trainee,
			c[i].contact_phones, c[i].contact_email, c[i].methods, c[i].eval_before,
			c[i].eval_during, c[i].eval_hot, c[i].eval_cold, c[i].accessibility,
			c[i].disability_referent_name, c[i].disability_referent_contact, c[i].updated_on,
			c[i].satisfaction_rate,
		};
		const char *missing[COMPLETENESS_ITEMS_MAX];
		size_t m = completeness_missing(&in, missing);
		complete += m == 0;
		snprintf(key, sizeof(key), "Courses.%zu.id", i);
		if (view_set(ctx->view, key, c[i].id) < 0)
			return 500;
		snprintf(key, sizeof(key), "Courses.%zu.title", i);
		if (view_set(ctx->view, key, c[i].title) < 0)
			return 500;
		for (size_t k = 0; k < m; k++) {
			snprintf(key, sizeof(key), "Courses.%zu.missing.%zu", i, k);
			if (view_set(ctx->view, key, missing[k]) < 0)
				return 500;
		}
	}
	if (view_set_int(ctx->view, "Complete", (long)complete) < 0 ||
			view_set_int(ctx->view, "Total", (long)n) < 0)
		return 500;
	return handler_render(ctx, 200, "intranet/completeness.cs");
}

/* --- the edit form ----------------------------------------------------- */

static int set_form(struct view *v, const struct course *c, const char *programme)
{
	char key[96];
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
	return view_set(v, "Form.programme", programme ? programme : "");
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

/* The programme as the outline staff edit, from the stored rows. */
static int programme_text(struct ctx *ctx, const char *course_id, char **out)
{
	struct programme_line *lines;
	size_t n;
	*out = NULL;
	int rc = store_programme(ctx->db, ctx->arena, course_id, &lines, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct programme p = { 0 };
	p.modules = calloc(n ? n : 1, sizeof(*p.modules));
	struct prog_day *days = calloc(n ? n : 1, sizeof(*days));
	struct prog_step *steps = calloc(n ? n : 1, sizeof(*steps));
	if (!p.modules || !days || !steps) {
		free(p.modules), free(days), free(steps);
		return 500;
	}
	/* Borrowed strings: the rows own them, programme_format only reads. */
	const char *module = "", *day = "";
	struct prog_module *m = NULL;
	struct prog_day *d = NULL;
	size_t n_days = 0, n_steps = 0;
	for (size_t i = 0; i < n; i++) {
		const struct programme_line *l = &lines[i];
		if (strcmp(l->module_id, module) != 0) {
			m = &p.modules[p.n_modules++];
			*m = (struct prog_module){ (char *)l->number, (char *)l->module_title,
				(char *)l->intro, strcmp(l->format, "seminar") == 0, &days[n_days], 0 };
			module = l->module_id;
			day = "";
		}
		if (*l->day_id && strcmp(l->day_id, day) != 0) {
			d = &days[n_days++];
			*d = (struct prog_day){ (char *)l->heading, (char *)l->subject,
				(char *)l->steps_intro, &steps[n_steps], 0 };
			m->n_days++;
			day = l->day_id;
		}
		if (*l->step_id) {
			steps[n_steps++] = (struct prog_step){ (char *)l->step, strcmp(l->level, "1") == 0 };
			d->n_steps++;
		}
	}
	char *text = NULL;
	rc = programme_format(&p, &text) == 0 ? 0 : 500;
	free(p.modules), free(days), free(steps);
	if (rc == 0) {
		*out = arena_strdup(ctx->arena, text);
		rc = *out ? 0 : 500;
	}
	free(text);
	return rc;
}

static int edit_page(struct ctx *ctx, int status, const struct course *current,
		const struct course *form, const char *programme, const char *version)
{
	if (view_set(ctx->view, "Page.title", current ? current->title : "Nouvelle formation") < 0 ||
			set_form(ctx->view, form, programme) < 0 ||
			view_set(ctx->view, "Form.version", version ? version : "") < 0)
		return 500;
	if (current) {
		if (view_set(ctx->view, "Course.id", current->id) < 0 ||
				view_set(ctx->view, "Course.slug", current->slug) < 0 ||
				view_set(ctx->view, "Course.status", current->status) < 0 ||
				view_set(ctx->view, "Course.status_label", status_label(current->status)) < 0 ||
				view_set(ctx->view, "Course.updated", pages_long_date(ctx->arena, current->updated_on)) < 0)
			return 500;
		int rc = set_history(ctx, current->id);
		if (rc)
			return rc;
	}
	if (params_get(&ctx->req->query, "fait"))
		(void)view_set(ctx->view, "Notice", "Les modifications sont enregistrées.");
	if (params_get(&ctx->req->query, "inchange"))
		(void)view_set(ctx->view, "Notice", "Aucune modification à enregistrer.");
	return handler_render(ctx, status, "intranet/course_edit.cs");
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
	return edit_page(ctx, 200, NULL, &empty, "", NULL);
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
	char *programme;
	if ((rc = programme_text(ctx, id, &programme)) != 0)
		return rc;
	return edit_page(ctx, 200, &c, &c, programme, c.version);
}

/* --- reading and checking the form ------------------------------------- */

struct edit {
	struct course course;
	const char *programme_text;
	struct programme programme;
	int errors;
};

static void field_error(struct ctx *ctx, struct edit *e, const char *field, const char *message)
{
	char key[96];
	snprintf(key, sizeof(key), "Errors.%s", field);
	if (view_set(ctx->view, key, message) == 0)
		e->errors++;
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
		"duration_text", "price_per_trainee", "satisfaction_period", "disability_referent_name",
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
		{ "satisfaction_rate", 0, 100, &e->course.satisfaction_rate },
		{ "satisfaction_answers", 0, 1000000, &e->course.satisfaction_answers },
	};
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		const char *raw = params_get(f, nums[i].name);
		char out[32];
		raw = raw ? raw : "";
		if (field_decimal(raw, nums[i].min, nums[i].max, out, sizeof(out)) < 0 ||
				(strcmp(nums[i].name, "satisfaction_answers") == 0 && strchr(out, '.'))) {
			*nums[i].slot = arena_strdup(ctx->arena, raw);
			field_error(ctx, e, nums[i].name, arena_printf(ctx->arena,
				"Indiquez un nombre entre %g et %g.", nums[i].min, nums[i].max));
		} else {
			*nums[i].slot = arena_strdup(ctx->arena, out);
		}
	}
}

static void read_programme(struct ctx *ctx, struct edit *e)
{
	const char *raw = params_get(&ctx->req->form, "programme");
	e->programme_text = raw ? raw : "";
	if (strlen(e->programme_text) > PROGRAMME_MAX_BYTES) {
		field_error(ctx, e, "programme", "Le programme est trop long.");
		return;
	}
	int line = 0;
	const char *problem = NULL;
	if (programme_parse(e->programme_text, strlen(e->programme_text), &e->programme,
			&line, &problem) != 0)
		field_error(ctx, e, "programme", line > 0 ?
			arena_printf(ctx->arena, "Ligne %d : %s", line, problem ? problem : "ligne mal formée.") :
			"Le programme n'a pas pu être lu.");
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
	read_programme(ctx, e);
	if (e->errors)
		(void)view_set(ctx->view, "Errors.summary", "Le formulaire contient des erreurs : "
			"rien n'a été enregistré. Corrigez les champs signalés.");
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

int page_course_create(struct ctx *ctx)
{
	struct edit e = { 0 };
	read_form(ctx, &e);
	int rc;
	if (e.errors) {
		rc = edit_page(ctx, 422, NULL, &e.course, e.programme_text, NULL);
		programme_free(&e.programme);
		return rc;
	}
	char slug[96];
	field_slugify(e.course.title, slug, sizeof(slug));
	const char *id;
	rc = store_course_create(ctx->db, ctx->arena, &e.course, &e.programme, slug,
			ctx->login->user_id, ctx->login->display_name, &id);
	programme_free(&e.programme);
	if (rc != DB_OK) {
		/* Nothing is lost: the form comes back as it was sent. */
		const char *why;
		int status = failure_status(rc, &why);
		(void)view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena,
			"La nouvelle formation n'a pas pu être enregistrée : %s Rien n'a été "
			"enregistré ; vos saisies sont conservées ci-dessous. Réessayez dans un "
			"instant.", why));
		return edit_page(ctx, status, NULL, &e.course, e.programme_text, NULL);
	}
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
	struct edit e = { 0 };
	read_form(ctx, &e);
	if (e.errors) {
		rc = edit_page(ctx, 422, &current, &e.course, e.programme_text, version);
		programme_free(&e.programme);
		return rc;
	}
	char *old_programme, *new_programme = NULL;
	rc = programme_text(ctx, id, &old_programme);
	if (rc == 0 && programme_format(&e.programme, &new_programme) != 0)
		rc = 500;
	const char *changed = rc == 0 ? changed_fields(ctx, &current, &e.course, old_programme,
			new_programme) : NULL;
	int programme_changed = changed && strstr(changed, "programme") != NULL;
	free(new_programme);
	if (rc == 0 && (!changed || !*changed)) {
		programme_free(&e.programme);
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
		rc = edit_page(ctx, status, &current, &e.course, e.programme_text, version);
		programme_free(&e.programme);
		return rc;
	}
	if (rc == 0 && saved != DB_STALE)
		rc = handler_db_status(saved);
	if (rc == 0 && saved == DB_STALE) {
		(void)view_set(ctx->view, "Errors.summary", "Cette fiche a été modifiée par une autre "
			"personne pendant que vous l'éditiez. Vos modifications n'ont pas été enregistrées ; "
			"elles sont conservées ci-dessous. Ouvrez la fiche dans un autre onglet pour voir "
			"la nouvelle version, reportez vos changements, puis enregistrez.");
		rc = edit_page(ctx, 409, &current, &e.course, e.programme_text, version);
	} else if (rc == 0) {
		rc = handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", id));
	}
	programme_free(&e.programme);
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
	if ((rc = catalogue_fill_course(ctx, &c, NULL, 0)) != 0)
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
		char *programme;
		const char *why;
		int status = failure_status(rc, &why);
		(void)view_set(ctx->view, "Errors.summary", arena_printf(ctx->arena,
			"La copie de cette formation n'a pas pu être créée : %s Rien n'a été "
			"enregistré ; réessayez dans un instant.", why));
		if ((rc = store_course_by_id(ctx->db, ctx->arena, id, &c)) != DB_OK)
			return handler_db_status(rc);
		if ((rc = programme_text(ctx, id, &programme)) != 0)
			return rc;
		return edit_page(ctx, status, &c, &c, programme, c.version);
	}
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formations/%s?fait=1", new_id));
}
