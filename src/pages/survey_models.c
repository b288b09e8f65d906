/* The questionnaire models, for admins (README.md, "Evaluations"):
 *   GET  /intranet/questionnaires        the models: defaults, then per course
 *   POST /intranet/questionnaires        a model for a course (a copy of the default)
 *   GET  /intranet/questionnaires/{id}   its questions, to edit
 *   POST /intranet/questionnaires/{id}   saves them all at once
 *
 * A model whose current version has answers is not changed under them: the
 * save makes the next version (rules/survey.h survey_edit_plan). Leaving
 * out a question that has answers is refused with why (422). A model saved
 * by someone else since the form was read is a 409 that keeps the form. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "pages/form.h"
#include "rules/fields.h"
#include "rules/survey.h"
#include "store/accounts.h"
#include "store/courses.h"
#include "store/db.h"
#include "store/surveys.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

/* Blank questions offered under the existing ones, to add. */
#define NEW_SLOTS 2
#define SLOTS_MAX (SURVEY_QUESTIONS_MAX + NEW_SLOTS)

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static const char *actor_of(struct ctx *ctx)
{
	return arena_printf(ctx->arena, "%s (%s)", ctx->login->display_name, ctx->login->role);
}

static const char *kind_label(const char *kind)
{
	enum survey_kind k;
	return survey_kind_parse(kind, &k) == 0 ? survey_kind_label_fr(k) : kind;
}

static int list(struct ctx *ctx, int status)
{
	struct survey_model *m;
	struct course_summary *c;
	size_t n, nc;
	int rc = store_survey_models(ctx->db, ctx->arena, &m, &n);
	if (rc == DB_OK)
		rc = store_courses_all(ctx->db, ctx->arena, &c, &nc);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Models", i, { "id", m[i].id }, { "kind", m[i].kind },
				{ "kind_label", kind_label(m[i].kind) }, { "title", m[i].title },
				{ "course", m[i].course_title }, { "version", m[i].current_version },
				{ "questions", m[i].questions }, { "answer_sets", m[i].answer_sets },
				{ "updated", pages_long_moment(ctx->arena, m[i].updated_at) },
				{ "updated_by", m[i].updated_by }) < 0)
			return 500;
	for (size_t i = 0; i < nc; i++)
		if (VIEW_ROW(ctx->view, "Courses", i, { "id", c[i].id }, { "title", c[i].title }) < 0)
			return 500;
	for (int k = 0; k < SURVEY_KIND_COUNT; k++)
		if (VIEW_ROW(ctx->view, "Kinds", (size_t)k, { "name", survey_kind_name((enum survey_kind)k) },
				{ "label", survey_kind_label_fr((enum survey_kind)k) }) < 0)
			return 500;
	int r2 = auth_csrf_prepare(ctx);
	if (r2)
		return r2;
	if (view_set(ctx->view, "Page.title", "Questionnaires d'évaluation") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/survey_models.cs");
}

int page_survey_models(struct ctx *ctx)
{
	return list(ctx, 200);
}

int page_survey_model_create(struct ctx *ctx)
{
	static const struct field_rule kind_rule = { "type", FIELD_LINE, 1, 20, 0 };
	static const struct field_rule course_rule = { "formation", FIELD_ID, 1, 0, 0 };
	const char *kind, *course;
	const char *p1 = form_value(ctx, &kind_rule, &kind), *p2 = form_value(ctx, &course_rule, &course);
	enum survey_kind k;
	if (!kind || !course)
		return 500;
	const char *problem = p1 || survey_kind_parse(kind, &k) != 0 ? "Choisissez le type de questionnaire." :
		p2 ? "Choisissez la formation." : NULL;
	const char *id = NULL;
	if (!problem) {
		int rc = store_survey_model_for_course(ctx->db, ctx->arena, kind, course, actor_of(ctx), &id);
		if (rc == DB_CONFLICT)
			problem = "Cette formation a déjà son propre questionnaire de ce type : modifiez-le "
				"dans la liste.";
		else if (rc != DB_OK)
			return handler_db_status(rc);
	}
	if (problem) {
		if (view_set(ctx->view, "Errors.create", problem) < 0 || view_set(ctx->view, "Form.kind", kind) < 0 ||
				view_set(ctx->view, "Form.course", course) < 0)
			return 500;
		return list(ctx, 422);
	}
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/questionnaires/%s?fait=cree", id));
}

/* One question of the form, as typed. */
struct slot {
	struct survey_question_edit e;
	const char *answers, *error;
	int removed, blank_new;
};

static int fill_slot(struct ctx *ctx, size_t i, const struct slot *s)
{
	const struct survey_question_edit *e = &s->e;
	return VIEW_ROW(ctx->view, "Questions", i, { "n", arena_printf(ctx->arena, "%zu", i + 1) },
		{ "code", e->code }, { "type", e->type }, { "wording", e->wording }, { "hint", e->hint },
		{ "label_1", e->label_1 }, { "label_5", e->label_5 }, { "options", e->options },
		{ "required", e->required ? "1" : "" }, { "global", e->global ? "1" : "" },
		{ "per_objective", e->per_objective ? "1" : "" }, { "comment_low", e->comment_low ? "1" : "" },
		{ "answers", s->answers }, { "removed", s->removed ? "1" : "" }, { "error", s->error },
		{ "max", arena_printf(ctx->arena, "%d", e->max_chars) });
}

static int edit_page(struct ctx *ctx, int status, const struct survey_model *m, const char *title,
		const char *intro, const char *version, const struct slot *slots, size_t n)
{
	int rc = auth_csrf_prepare(ctx);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (fill_slot(ctx, i, &slots[i]) < 0)
			return 500;
	for (int t = 0; t < SURVEY_Q_TYPE_COUNT; t++)
		if (VIEW_ROW(ctx->view, "Types", (size_t)t,
				{ "name", survey_question_type_name((enum survey_question_type)t) },
				{ "label", survey_question_type_label_fr((enum survey_question_type)t) }) < 0)
			return 500;
	const char *done = params_get(&ctx->req->query, "fait");
	const char *notice = same(done, "version") ? arena_printf(ctx->arena, "Le questionnaire avait "
		"déjà des réponses : vos changements forment la version %s. Les réponses déjà reçues "
		"gardent la version à laquelle elles répondaient.", m->current_version) :
		same(done, "modifie") ? "Les questions sont enregistrées. Les prochains questionnaires "
		"les poseront." : same(done, "cree") ? "Le questionnaire propre à cette formation est "
		"créé, copie du questionnaire par défaut : adaptez ses questions." : NULL;
	if (VIEW_FIELDS(ctx->view, "Model", { "id", m->id }, { "kind", m->kind },
			{ "kind_label", kind_label(m->kind) }, { "course", m->course_title },
			{ "version", version }, { "answer_sets", m->answer_sets }, { "title", title },
			{ "intro", intro }, { "count", arena_printf(ctx->arena, "%zu", n) }) < 0 ||
			(notice && view_set(ctx->view, "Notice", notice) < 0) ||
			view_set(ctx->view, "Page.title", arena_printf(ctx->arena, "Questionnaire : %s", title)) < 0)
		return 500;
	return handler_render(ctx, status, "intranet/survey_model.cs");
}

static const char *dup(struct ctx *ctx, const char *s)
{
	return arena_strdup(ctx->arena, s ? s : "");
}

int page_survey_model(struct ctx *ctx)
{
	struct survey_model m;
	struct survey_question_row *q;
	size_t n;
	int rc = store_survey_model(ctx->db, ctx->arena, ctx->req->args[0], &m, &q, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct slot *s = arena_calloc(ctx->arena, n + NEW_SLOTS, sizeof(*s));
	if (!s)
		return 500;
	for (size_t i = 0; i < n; i++)
		s[i] = (struct slot){ .e = { .code = q[i].code, .type = q[i].type, .wording = q[i].wording,
			.hint = q[i].hint, .label_1 = q[i].label_1, .label_5 = q[i].label_5,
			.options = q[i].options, .required = *q[i].required != '\0', .max_chars = atoi(q[i].max_chars),
			.global = *q[i].global != '\0', .per_objective = *q[i].per_objective != '\0',
			.comment_low = *q[i].comment_low != '\0' }, .answers = q[i].answers };
	for (size_t i = n; i < n + NEW_SLOTS; i++)
		s[i] = (struct slot){ .e = { .code = "", .type = "echelle", .wording = "", .hint = "",
			.label_1 = "", .label_5 = "", .options = "", .required = 1,
			.max_chars = SURVEY_TEXT_MAX_DEFAULT }, .answers = "0" };
	return edit_page(ctx, 200, &m, m.title, m.intro, m.current_version, s, n + NEW_SLOTS);
}

/* Reads question i of the form; its French error in s->error. */
static void read_slot(struct ctx *ctx, size_t i, struct slot *s)
{
	const char *p = arena_printf(ctx->arena, "q%zu_", i);
#define F(name) dup(ctx, arena_trim(ctx->arena, params_get(&ctx->req->form, arena_printf(ctx->arena, "%s%s", p, name))))
	struct survey_question_edit *e = &s->e;
	e->code = F("code");
	e->type = F("type");
	e->wording = F("wording");
	e->hint = F("hint");
	e->label_1 = F("label_1");
	e->label_5 = F("label_5");
	e->options = F("options");
	e->required = *F("required") != '\0';
	e->global = *F("global") != '\0';
	e->per_objective = *F("per_objective") != '\0';
	e->comment_low = *F("comment_low") != '\0';
	e->max_chars = atoi(F("max"));
	s->answers = F("answers");
	s->removed = *F("retirer") != '\0';
#undef F
	if (e->max_chars <= 0 || e->max_chars > SURVEY_TEXT_MAX_DEFAULT)
		e->max_chars = SURVEY_TEXT_MAX_DEFAULT;
	s->blank_new = !*e->code && !*e->wording;
	if (s->removed || s->blank_new)
		return;
	enum survey_question_type t;
	char msg[128];
	static const struct field_rule wording = { "wording", FIELD_LINE, 1, 500, 0 };
	static const struct field_rule line = { "line", FIELD_LINE, 0, 500, 0 };
	static const struct field_rule label = { "label", FIELD_LINE, 0, 80, 0 };
	static const struct field_rule options = { "options", FIELD_TEXT, 0, 2000, 0 };
	const char *bad = field_check(&wording, e->wording, msg, sizeof(msg));
	if (!bad)
		bad = field_check(&line, e->hint, msg, sizeof(msg));
	if (!bad)
		bad = field_check(&label, e->label_1, msg, sizeof(msg));
	if (!bad)
		bad = field_check(&label, e->label_5, msg, sizeof(msg));
	if (!bad)
		bad = field_check(&options, e->options, msg, sizeof(msg));
	if (!bad && (*e->code && strspn(e->code, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(e->code)))
		bad = "Cette question n'existe pas : rechargez la page.";
	if (!bad && survey_question_type_parse(e->type, &t) != 0)
		bad = "Choisissez le type de la question.";
	if (!bad && t == SURVEY_Q_SCALE && (!*e->label_1 || !*e->label_5))
		bad = "Une échelle a les libellés de 1 et de 5 (par exemple « Pas du tout » et « Tout à fait »).";
	if (!bad && t == SURVEY_Q_CHOICE && !*e->options)
		bad = "Un choix dans une liste a ses réponses, une par ligne.";
	if (!bad && t != SURVEY_Q_SCALE && (e->global || e->per_objective || e->comment_low))
		bad = "Satisfaction globale, question par objectif et commentaire pour une note basse "
			"vont avec une échelle de 1 à 5.";
	if (!bad && e->global && !e->required)
		bad = "La question de satisfaction globale est obligatoire : sans elle, pas de taux.";
	s->error = bad ? dup(ctx, bad) : NULL;
}

int page_survey_model_save(struct ctx *ctx)
{
	struct survey_model m;
	int rc = store_survey_model(ctx->db, ctx->arena, ctx->req->args[0], &m, NULL, NULL);
	if (rc != DB_OK)
		return handler_db_status(rc);
	static const struct field_rule title_rule = { "titre", FIELD_LINE, 1, 200, 0 };
	static const struct field_rule intro_rule = { "introduction", FIELD_TEXT, 0, 2000, 0 };
	static const struct field_rule count_rule = { "nombre", FIELD_COUNT, 1, SLOTS_MAX, 0 };
	const char *title, *intro, *count, *version = arena_trim(ctx->arena,
		params_get(&ctx->req->form, "version"));
	const char *e_title = form_value(ctx, &title_rule, &title);
	const char *e_intro = form_value(ctx, &intro_rule, &intro);
	const char *e_count = form_value(ctx, &count_rule, &count);
	if (!title || !intro || !count)
		return 500;
	if (e_count || !version)
		return 400;
	size_t n = (size_t)atoi(count), kept = 0, globals = 0, wrong = 0;
	struct slot *s = arena_calloc(ctx->arena, n, sizeof(*s));
	struct survey_question_edit *qs = arena_calloc(ctx->arena, n, sizeof(*qs));
	if (!s || !qs)
		return 500;
	for (size_t i = 0; i < n; i++) {
		read_slot(ctx, i, &s[i]);
		wrong += s[i].error != NULL;
		if (s[i].removed || s[i].blank_new || s[i].error)
			continue;
		globals += s[i].e.global;
		qs[kept++] = s[i].e;
	}
	enum survey_kind k;
	if (survey_kind_parse(m.kind, &k) != 0)
		return 500;
	const char *whole = wrong ? NULL : survey_model_check(k, kept, globals);
	if ((e_title && view_set(ctx->view, "Errors.title", e_title) < 0) ||
			(e_intro && view_set(ctx->view, "Errors.intro", e_intro) < 0) ||
			(whole && view_set(ctx->view, "Errors.model", whole) < 0))
		return 500;
	if (wrong || whole || e_title || e_intro) {
		if (view_set(ctx->view, "Errors.summary", "Le questionnaire n'est pas enregistré : "
				"corrigez ce qui est signalé.") < 0)
			return 500;
		return edit_page(ctx, 422, &m, title, intro, version, s, n);
	}
	int new_version = 0;
	const char *refusal = NULL;
	rc = store_survey_model_save(ctx->db, ctx->arena, m.id, version, title, intro, qs, kept,
		actor_of(ctx), &new_version, &refusal);
	if (rc == DB_CONFLICT || rc == DB_STALE) {
		char buf[SURVEY_MESSAGE_BUF * 4];
		const char *why = rc == DB_STALE ? "Ce questionnaire a été modifié par quelqu'un d'autre "
			"depuis que vous l'avez ouvert : rien n'est enregistré. Rechargez la page pour "
			"voir sa version actuelle, puis refaites vos changements." : refusal ?
			survey_edit_refusal_fr(refusal, buf, sizeof(buf)) :
			"Le questionnaire n'est pas enregistré : deux questions ne peuvent pas être la "
			"satisfaction globale.";
		if (view_set(ctx->view, "Errors.summary", why) < 0)
			return 500;
		return edit_page(ctx, rc == DB_STALE ? 409 : 422, &m, title, intro, version, s, n);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/questionnaires/%s?fait=%s", m.id,
		new_version ? "version" : "modifie"));
}
