/* Answering a questionnaire (README.md, "Evaluations"): one questionnaire
 * of one person, reached from a mail, the participant's page or the QR
 * code of the last half-day; no account, the unguessable token is the key.
 *   GET  /questionnaire/{token}       the questions, with the answers given
 *   POST /questionnaire/{token}       the whole answer set, saved at once
 *   GET  /evaluation/{half_day}       where the trainer's QR code leads
 *
 * Answers can be changed until the questionnaire closes (J+30); then the
 * page says so (410). An unknown token is a 404 like any unknown page. A
 * form sent twice (the same revision) is a 409 that keeps what was typed;
 * a refused answer a 422 with the error summary; nothing is half-saved:
 * the answer set is replaced in one transaction. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/attendance.h"
#include "rules/calendar_fr.h"
#include "rules/fields.h"
#include "rules/survey.h"
#include "store/accessibility.h"
#include "store/certificates.h"
#include "store/db.h"
#include "store/registrations.h"
#include "store/sessions.h"
#include "store/surveys.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"
#include "web/response.h"

#define TOKEN_CHARS 64
#define PARTICIPANT_COOKIE "egoc_participant"

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* One thing asked: a question, or a per-objective question for one
 * objective. */
struct item {
	const struct survey_question_row *q;
	struct survey_question rule;
	int item;                /* 0, or the objective's rank */
	const char *objective;   /* "" for item 0 */
	const char *name, *comment_name;
	const char *value, *comment;
	const char *error, *comment_error;
};

struct visit {
	struct survey_row s;
	struct survey_schedule sc;
	struct survey_progress p;
	enum survey_kind kind;
	struct item *items;
	size_t n;
	struct survey_answer *answers;
	size_t na;
};

/* Splits text at line breaks into the arena: the options of a choice,
 * the objectives of a course. */
static const char **lines_of(struct arena *a, const char *text, size_t *n)
{
	size_t cap = 1;
	for (const char *p = text; *p; p++)
		cap += *p == '\n';
	const char **out = arena_calloc(a, cap, sizeof(*out));
	*n = 0;
	if (!out)
		return NULL;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len)
			out[(*n)++] = arena_strndup(a, p, len);
		p = end ? end + 1 : p + strlen(p);
	}
	return out;
}

static const char *answer_of(const struct visit *v, const char *question_id, int item,
		const char **comment)
{
	for (size_t i = 0; i < v->na; i++)
		if (same(v->answers[i].question_id, question_id) && atoi(v->answers[i].item) == item) {
			if (comment)
				*comment = v->answers[i].comment;
			return v->answers[i].value;
		}
	return "";
}

static int items_of(struct ctx *ctx, struct visit *v)
{
	struct survey_question_row *q;
	size_t nq, nobj = 0;
	int rc = store_survey_questions(ctx->db, ctx->arena, v->s.version_id, &q, &nq);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char **obj = lines_of(ctx->arena, course_objective_lines(ctx->arena, v->s.objective,
		v->s.evaluable_objectives), &nobj);
	if (nobj > 50)
		nobj = 50;
	v->items = arena_calloc(ctx->arena, nq * (nobj + 1) + 1, sizeof(*v->items));
	if (!v->items || !obj)
		return 500;
	v->n = 0;
	for (size_t i = 0; i < nq; i++) {
		enum survey_question_type t;
		if (survey_question_type_parse(q[i].type, &t) != 0)
			return 500;
		size_t nopt = 0;
		const char **opts = lines_of(ctx->arena, q[i].options, &nopt);
		struct survey_question rule = { .type = t, .required = *q[i].required != '\0',
			.label_1 = q[i].label_1, .label_5 = q[i].label_5, .options = opts,
			.option_count = nopt, .max_chars = (size_t)atoi(q[i].max_chars) };
		int per = *q[i].per_objective && nobj > 0;
		for (size_t k = 0; k < (per ? nobj : 1); k++) {
			struct item *it = &v->items[v->n++];
			*it = (struct item){ .q = &q[i], .rule = rule, .item = per ? (int)k + 1 : 0,
				.objective = per ? obj[k] : "" };
			it->name = per ? arena_printf(ctx->arena, "q%s-%zu", q[i].id, k + 1) :
				arena_printf(ctx->arena, "q%s", q[i].id);
			it->comment_name = arena_printf(ctx->arena, "c%s", q[i].id);
			it->comment = "";
			it->value = answer_of(v, q[i].id, it->item, &it->comment);
			if (!it->name || !it->comment_name)
				return 500;
		}
	}
	return 0;
}

static int load(struct ctx *ctx, const char *token, struct visit *v)
{
	size_t n = token ? strlen(token) : 0;
	memset(v, 0, sizeof(*v));
	if (n != TOKEN_CHARS || strspn(token, "0123456789abcdef") != n)
		return 404;
	int rc = store_survey_by_token(ctx->db, ctx->arena, token, &v->s);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (survey_kind_parse(v->s.kind, &v->kind) != 0)
		return 500;
	v->sc = (struct survey_schedule){ .kind = v->kind, .opens_at = strtoll(v->s.opens_epoch, NULL, 10),
		.mail_at = strtoll(v->s.mail_epoch, NULL, 10) };
	v->sc.opens_on = cal_paris_local_date(v->sc.opens_at);
	v->p = (struct survey_progress){ .opened = *v->s.opened_on != '\0',
		.answered = *v->s.answer_set_id != '\0', .reminders_sent = atoi(v->s.reminders_sent),
		.closed = *v->s.closed != '\0' };
	if (v->p.opened && cal_parse_date(v->s.opened_on, &v->p.opened_on) != 0)
		return 500;
	if (*v->s.answer_set_id &&
			(rc = store_survey_answers(ctx->db, ctx->arena, v->s.answer_set_id, &v->answers, &v->na)) != DB_OK)
		return handler_db_status(rc);
	return items_of(ctx, v);
}

/* The last day answers are taken: J+29. */
static struct civil_date last_day_of(const struct visit *v)
{
	struct civil_date j = v->p.opened ? v->p.opened_on : v->sc.opens_on;
	return cal_add_days(survey_closes_on(j), -1);
}

static const char *long_date(struct arena *a, struct civil_date d)
{
	char buf[CAL_LONG_FR_BUF];
	return cal_format_long_fr(d, buf, sizeof(buf)) == 0 ? arena_strdup(a, buf) : "";
}

static int fill_item(struct ctx *ctx, size_t i, const struct item *it)
{
	const struct survey_question_row *q = it->q;
	const char *legend = *it->objective ? arena_printf(ctx->arena, "%s — %s", q->wording,
		it->objective) : q->wording;
	const char *first = same(q->type, "texte") ? "" : same(q->type, "oui_non") ? "-oui" :
		same(q->type, "choix") ? "-0" : "-1";
	/* the hint, then the error, as screen readers read them */
	const char *described = arena_printf(ctx->arena, "%s%s%s%s%s", *q->hint ? "h-" : "",
		*q->hint ? it->name : "", *q->hint && it->error ? " " : "", it->error ? "e-" : "",
		it->error ? it->name : "");
	if (VIEW_ROW(ctx->view, "Items", i, { "name", it->name }, { "type", q->type },
			{ "described", described },
			{ "legend", legend }, { "objective", it->objective }, { "hint", q->hint },
			{ "required", q->required }, { "label_1", q->label_1 }, { "label_5", q->label_5 },
			{ "value", it->value }, { "error", it->error },
			{ "first_id", arena_printf(ctx->arena, "f-%s%s", it->name, first) },
			{ "max", q->max_chars },
			{ "comment_low", *q->comment_low && it->item == 0 ? "1" : "" },
			{ "comment_name", it->comment_name }, { "comment", it->comment },
			{ "comment_error", it->comment_error }) < 0)
		return -1;
	for (size_t k = 0; k < it->rule.option_count; k++) {
		const char *key = arena_printf(ctx->arena, "Items.%zu.Options", i);
		if (!key || VIEW_ROW(ctx->view, key, k, { "label", it->rule.options[k] }) < 0)
			return -1;
	}
	return 0;
}

static int page(struct ctx *ctx, int status, struct visit *v, const char *message)
{
	int64_t now = (int64_t)time(NULL);
	int open = survey_answerable(&v->sc, &v->p, now);
	const char *state = open ? "ouvert" : now < v->sc.opens_at && !v->p.closed ? "pas_encore" : "clos";
	if (same(state, "clos") && status == 200)
		status = 410;
	int rc = auth_csrf_prepare(ctx);
	if (rc)
		return rc;
	size_t ne = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct item *it = &v->items[i];
		if (fill_item(ctx, i, it) < 0)
			return 500;
		if (it->error && VIEW_ROW(ctx->view, "ErrorList", ne++,
				{ "href", arena_printf(ctx->arena, "#f-%s%s", it->name,
					same(it->q->type, "texte") ? "" : same(it->q->type, "oui_non") ? "-oui" :
					same(it->q->type, "choix") ? "-0" : "-1") },
				{ "message", arena_printf(ctx->arena, "%s%s%s : %s", it->q->wording,
					*it->objective ? " — " : "", it->objective, it->error) }) < 0)
			return 500;
		if (it->comment_error && VIEW_ROW(ctx->view, "ErrorList", ne++,
				{ "href", arena_printf(ctx->arena, "#f-%s", it->comment_name) },
				{ "message", arena_printf(ctx->arena, "%s (commentaire) : %s", it->q->wording,
					it->comment_error) }) < 0)
			return 500;
	}
	const char *opens = "";
	{
		char day[CAL_LONG_FR_BUF];
		if (cal_format_long_fr(v->sc.opens_on, day, sizeof(day)) == 0)
			opens = arena_strdup(ctx->arena, day);
	}
	const char *title = *v->s.model_title ? v->s.model_title : survey_kind_label_fr(v->kind);
	if (VIEW_FIELDS(ctx->view, "Survey", { "title", title }, { "intro", v->s.model_intro },
			{ "kind", v->s.kind }, { "kind_label", survey_kind_label_fr(v->kind) },
			{ "course", v->s.course_title }, { "span", pages_span(ctx->arena, v->s.first_day, v->s.last_day) },
			{ "token", v->s.token }, { "revision", v->s.revision }, { "state", state },
			{ "last_day", long_date(ctx->arena, last_day_of(v)) }, { "opens", opens },
			{ "answered", pages_long_moment(ctx->arena, v->s.answered_at) },
			{ "participant_token", v->s.participant_token }) < 0 ||
			(ne && view_set(ctx->view, "ErrorCount", arena_printf(ctx->arena, "%zu", ne)) < 0) ||
			(message && view_set(ctx->view, "Message", message) < 0) ||
			view_set(ctx->view, "Page.title", arena_printf(ctx->arena, "%s — %s", title,
				v->s.course_title)) < 0 ||
			response_header(ctx->res, "X-Robots-Tag", "noindex") < 0)
		return 500;
	if (same(params_get(&ctx->req->query, "fait"), "1") && view_set(ctx->view, "Notice",
			arena_printf(ctx->arena, "Merci %s, vos réponses sont enregistrées. Vous pouvez les "
				"modifier jusqu'au %s inclus.", v->s.to_name, long_date(ctx->arena, last_day_of(v)))) < 0)
		return 500;
	return handler_render(ctx, status, "public/questionnaire.cs");
}

int page_questionnaire(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, ctx->req->args[0], &v);
	return rc ? rc : page(ctx, 200, &v, NULL);
}

/* Reads and checks the form into v's items; the number of errors. */
static size_t read_form(struct ctx *ctx, struct visit *v)
{
	size_t errors = 0;
	for (size_t i = 0; i < v->n; i++) {
		struct item *it = &v->items[i];
		char *msg = arena_alloc(ctx->arena, SURVEY_MESSAGE_BUF);
		const char *value = params_get(&ctx->req->form, it->name);
		it->value = value ? value : "";
		it->error = survey_answer_check(&it->rule, value, msg, SURVEY_MESSAGE_BUF);
		errors += it->error != NULL;
		if (!*it->q->comment_low || it->item != 0) {
			it->comment = "";
			continue;
		}
		const char *c = params_get(&ctx->req->form, it->comment_name);
		it->comment = c ? c : "";
		struct survey_question text = { .type = SURVEY_Q_TEXT, .required = 0 };
		char *cmsg = arena_alloc(ctx->arena, SURVEY_MESSAGE_BUF);
		it->comment_error = survey_answer_check(&text, c, cmsg, SURVEY_MESSAGE_BUF);
		if (!it->comment_error && !it->error && !field_is_blank(value) && value[0] <= '3' &&
				field_is_blank(c))
			it->comment_error = "Votre note est de 3 ou moins : dites-nous en quelques mots ce "
				"qui aurait pu être mieux.";
		errors += it->comment_error != NULL;
	}
	return errors;
}

/* The answer of the accessibility question, when it changed and is not
 * blank: what goes to the référent handicap. */
static const char *new_need(const struct visit *v, const struct survey_answer *prev, size_t nprev)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct item *it = &v->items[i];
		if (!same(it->q->code, SURVEY_NEED_CODE) || field_is_blank(it->value))
			continue;
		for (size_t k = 0; k < nprev; k++)
			if (same(prev[k].question_id, it->q->id) && same(prev[k].value, it->value))
				return NULL;
		return it->value;
	}
	return NULL;
}

int page_questionnaire_answer(struct ctx *ctx)
{
	struct visit v;
	int rc = load(ctx, ctx->req->args[0], &v);
	if (rc)
		return rc;
	struct survey_answer *prev = v.answers;
	size_t nprev = v.na;
	size_t errors = read_form(ctx, &v);
	int64_t now = (int64_t)time(NULL);
	if (!survey_answerable(&v.sc, &v.p, now)) {
		if (now < v.sc.opens_at && !v.p.closed)
			return page(ctx, 409, &v, "Ce questionnaire n'est pas encore ouvert : rien n'est "
				"enregistré. Revenez à partir de la date indiquée.");
		return page(ctx, 410, &v, "Ce questionnaire est clos : vos réponses n'ont pas pu être "
			"enregistrées.");
	}
	const char *revision = params_get(&ctx->req->form, "revision");
	if (!same(revision ? revision : "", v.s.revision))
		return page(ctx, 409, &v, "Ces réponses ont déjà été envoyées (le formulaire a été "
			"envoyé deux fois, ou depuis une autre page) : rien n'a changé. Vérifiez ce qui est "
			"affiché et envoyez de nouveau si vous voulez modifier vos réponses.");
	if (errors) {
		v.s.revision = revision;
		return page(ctx, 422, &v, NULL);
	}
	struct survey_answer *a = arena_calloc(ctx->arena, v.n ? v.n : 1, sizeof(*a));
	size_t na = 0;
	if (!a)
		return 500;
	for (size_t i = 0; i < v.n; i++) {
		const struct item *it = &v.items[i];
		if (field_is_blank(it->value))
			continue;
		a[na++] = (struct survey_answer){ .question_id = it->q->id,
			.item = arena_printf(ctx->arena, "%d", it->item), .item_label = it->objective,
			.value = it->value, .comment = field_is_blank(it->comment) ? "" : it->comment };
	}
	const char *need = v.kind == SURVEY_AMONT && *v.s.registration_id ? new_need(&v, prev, nprev) : NULL;
	rc = db_begin(ctx->db);
	if (rc == DB_OK)
		rc = store_survey_answer_save(ctx->db, ctx->arena, &v.s, v.s.revision, a, na);
	if (rc == DB_OK && need)
		rc = store_need_open(ctx->db, ctx->arena, ctx->settings, "participant", NULL,
			v.s.registration_id, need, v.s.first_day);
	if (rc == DB_OK)
		rc = db_commit(ctx->db);
	else
		db_rollback(ctx->db);
	if (rc == DB_STALE)
		return page(ctx, 409, &v, "Ces réponses ont déjà été envoyées (le formulaire a été "
			"envoyé deux fois, ou depuis une autre page) : rien n'a changé.");
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/questionnaire/%s?fait=1", v.s.token));
}

/* Where the trainer's QR code of the last half-day leads: this browser's
 * participant (the cookie of their page) to their chaud questionnaire;
 * anyone else to how to find it. */
int page_questionnaire_landing(struct ctx *ctx)
{
	const char *hd = ctx->req->args[0];
	const char *token = params_get(&ctx->req->cookies, PARTICIPANT_COOKIE);
	int64_t slot_id;
	enum half_day_kind kind;
	if (!hd || half_day_id_parse(hd, &slot_id, &kind) != 0)
		return 404;
	char slot[24];
	snprintf(slot, sizeof(slot), "%lld", (long long)slot_id);
	struct registration g;
	struct slot t;
	struct survey_row s;
	if (token && strlen(token) == TOKEN_CHARS && strspn(token, "0123456789abcdef") == TOKEN_CHARS &&
			store_registration_by_token(ctx->db, ctx->arena, token, &g) == DB_OK &&
			store_slot_by_id(ctx->db, ctx->arena, slot, &t) == DB_OK && same(t.session_id, g.session_id) &&
			store_surveys_create_due(ctx->db, ctx->arena, (long long)time(NULL), g.id, NULL) == DB_OK &&
			store_survey_of_registration(ctx->db, ctx->arena, g.id, "chaud", &s) == DB_OK)
		return handler_redirect(ctx, arena_printf(ctx->arena, "/questionnaire/%s", s.token));
	if (view_set(ctx->view, "Page.title", "Donner son avis sur la formation") < 0)
		return 500;
	return handler_render(ctx, 200, "public/questionnaire_landing.cs");
}

/* The participant's page: the questionnaires of the registration, those
 * the schedule has reached created first (a chaud during the last
 * half-day, before any mail). 0 or a status. */
int surveys_of_participant_fill(struct ctx *ctx, const struct registration *g)
{
	struct survey_row *s;
	size_t n;
	int rc = DB_OK;
	if (same(g->status, "confirmee"))
		rc = store_surveys_create_due(ctx->db, ctx->arena, (long long)time(NULL), g->id, NULL);
	if (rc == DB_OK)
		rc = store_surveys_of_registration(ctx->db, ctx->arena, g->id, &s, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	int64_t now = (int64_t)time(NULL);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct visit v = { .s = s[i] };
		if (survey_kind_parse(s[i].kind, &v.kind) != 0)
			continue;
		v.sc = (struct survey_schedule){ .kind = v.kind, .opens_at = strtoll(s[i].opens_epoch, NULL, 10),
			.mail_at = strtoll(s[i].mail_epoch, NULL, 10) };
		v.sc.opens_on = cal_paris_local_date(v.sc.opens_at);
		v.p = (struct survey_progress){ .opened = *s[i].opened_on != '\0', .closed = *s[i].closed != '\0' };
		if (v.p.opened && cal_parse_date(s[i].opened_on, &v.p.opened_on) != 0)
			v.p.opened = 0;
		int open = survey_answerable(&v.sc, &v.p, now);
		if (now < v.sc.opens_at)
			continue;
		if (VIEW_ROW(ctx->view, "Surveys", k++, { "token", s[i].token },
				{ "label", survey_kind_label_fr(v.kind) }, { "title", s[i].model_title },
				{ "open", open ? "1" : "" }, { "answered", *s[i].answer_set_id ? "1" : "" },
				{ "last_day", long_date(ctx->arena, last_day_of(&v)) },
				{ "now", v.kind == SURVEY_CHAUD && open && !*s[i].answer_set_id ? "1" : "" }) < 0)
			return 500;
	}
	return 0;
}
