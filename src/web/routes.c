/* Every URL the application answers, in one table: reading this file tells
 * what the application does. */
#include "web/routes.h"

#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "pages/pages.h"
#include "web/request.h"

#define PUBLIC NEEDS_DB
#define FORM (NEEDS_DB | NEEDS_CSRF)
#define STAFF (NEEDS_DB | NEEDS_LOGIN)
#define STAFF_FORM (NEEDS_DB | NEEDS_LOGIN | NEEDS_CSRF)
#define STAFF_UPLOAD (STAFF_FORM | NEEDS_UPLOAD)
#define EDITORS (ROLE_ADMIN | ROLE_CONSEILLER)
#define DESK (ROLE_ADMIN | ROLE_CONSEILLER | ROLE_ASSISTANT)

static const struct route routes[] = {
	/* method  pattern                        handler              needs       roles */
	{ "GET",  "/",                            page_home,           PUBLIC,     0 },
	{ "GET",  "/formations",                  page_catalogue,      PUBLIC,     0 },
	{ "GET",  "/formations/{slug}",           page_course,         PUBLIC,     0 },
	{ "GET",  "/formations/{slug}/sessions.ics", page_course_sessions_ics, PUBLIC, 0 },
	{ "GET",  "/sessions",                    page_sessions,       PUBLIC,     0 },
	{ "GET",  "/sessions.ics",                page_sessions_ics,   PUBLIC,     0 },

	{ "GET",  "/demande",                     page_demand_form,    PUBLIC,     0 },
	/* No NEEDS_DB: without PostgreSQL the form comes back filled in (503). */
	{ "POST", "/demande",                     page_demand_submit,  NEEDS_CSRF, 0 },
	{ "GET",  "/demande/suivi/{token}",       page_demand_tracking, PUBLIC,    0 },
	{ "POST", "/demande/suivi/{token}/reponse", page_demand_reply, FORM,       0 },
	{ "POST", "/demande/suivi/{token}/annulation", page_demand_cancel, FORM,   0 },
	{ "POST", "/demande/suivi/{token}/participants", page_demand_participants, FORM, 0 },
	{ "GET",  "/demande/suivi/{token}/dates.ics", page_demand_dates_ics, PUBLIC, 0 },
	{ "POST", "/demande/suivi/{token}/dates", page_demand_dates_decline, FORM, 0 },
	{ "GET",  "/participant/{token}",         page_participant,    PUBLIC,     0 },
	{ "GET",  "/participant/{token}/agenda.ics", page_participant_ics, PUBLIC, 0 },
	{ "POST", "/participant/{token}/annulation", page_participant_cancel, FORM, 0 },
	{ "POST", "/participant/{token}/besoin",  page_participant_need, FORM,     0 },
	{ "POST", "/participant/{token}/emargement", page_participant_sign, FORM,  0 },
	{ "GET",  "/emargement/{half_day}",       page_sign_landing,   PUBLIC,     0 },
	{ "GET",  "/questionnaire/{token}",       page_questionnaire,  PUBLIC,     0 },
	{ "POST", "/questionnaire/{token}",       page_questionnaire_answer, FORM, 0 },
	{ "GET",  "/evaluation/{half_day}",       page_questionnaire_landing, PUBLIC, 0 },
	{ "GET",  "/participant/{token}/attestation.pdf", page_participant_certificate, PUBLIC, 0 },
	{ "GET",  "/attestations/{code}",         page_certificate_verify, PUBLIC, 0 },

	{ "GET",  "/intranet/connexion",          page_login_form,     PUBLIC,     0 },
	{ "POST", "/intranet/connexion",          page_login,          FORM,       0 },
	{ "POST", "/intranet/deconnexion",        page_logout,         STAFF_FORM, ROLES_STAFF },
	{ "GET",  "/intranet",                    page_intranet_home,  STAFF,      ROLES_STAFF },
	{ "GET",  "/intranet/",                   page_intranet_home,  STAFF,      ROLES_STAFF },
	{ "GET",  "/intranet/utilisateurs",       page_users,          STAFF,      ROLE_ADMIN },
	{ "POST", "/intranet/utilisateurs",       page_user_create,    STAFF_FORM, ROLE_ADMIN },
	{ "POST", "/intranet/utilisateurs/{id}",  page_user_change,    STAFF_FORM, ROLE_ADMIN },
	{ "GET",  "/intranet/journal",            page_audit_log,      STAFF,      ROLE_ADMIN },
	{ "GET",  "/intranet/donnees",            page_requester_data, STAFF,      ROLE_ADMIN },
	{ "GET",  "/intranet/donnees/export",     page_requester_export, STAFF,    ROLE_ADMIN },
	{ "POST", "/intranet/donnees",            page_requester_erase, STAFF_FORM, ROLE_ADMIN },
	/* Admins and the staff marked référent handicap: the handler checks. */
	{ "GET",  "/intranet/accessibilite",      page_accessibility,  STAFF,      ROLES_STAFF },
	{ "POST", "/intranet/accessibilite/{id}", page_accessibility_decide, STAFF_FORM, ROLES_STAFF },

	{ "GET",  "/intranet/demandes",           page_demands,        STAFF,      DESK },
	{ "GET",  "/intranet/demandes/{id}",      page_demand,         STAFF,      DESK },
	{ "POST", "/intranet/demandes/{id}",      page_demand_action,  STAFF_FORM, DESK },
	{ "GET",  "/intranet/courriers",          page_mail_failures,  STAFF,      DESK },
	{ "POST", "/intranet/courriers/{id}",     page_mail_retry,     STAFF_FORM, DESK },

	{ "GET",  "/intranet/formations",         page_staff_courses,  STAFF,      EDITORS },
	{ "GET",  "/intranet/formations/completude", page_staff_completeness, STAFF, EDITORS },
	{ "GET",  "/intranet/formations/nouvelle", page_course_new_form, STAFF,     EDITORS },
	{ "POST", "/intranet/formations",         page_course_create,  STAFF_FORM, EDITORS },
	{ "GET",  "/intranet/formations/{id}",    page_course_edit_form, STAFF,    EDITORS },
	{ "POST", "/intranet/formations/{id}",    page_course_save,    STAFF_FORM, EDITORS },
	{ "GET",  "/intranet/formations/{id}/apercu", page_course_preview, STAFF,  EDITORS },
	{ "POST", "/intranet/formations/{id}/statut", page_course_status, STAFF_FORM, EDITORS },
	{ "POST", "/intranet/formations/{id}/dupliquer", page_course_duplicate, STAFF_FORM, EDITORS },
	{ "GET",  "/intranet/demandes/chiffres",  page_demand_figures, STAFF,      ROLE_ADMIN | ROLE_CONSEILLER | ROLE_ASSISTANT },
	{ "GET",  "/intranet/demandes/export.csv", page_demand_export, STAFF,      ROLE_ADMIN | ROLE_CONSEILLER | ROLE_ASSISTANT },
	{ "GET",  "/intranet/fermetures",         page_closures,       STAFF,      ROLE_ADMIN },
	{ "POST", "/intranet/fermetures",         page_closure_add,    STAFF_FORM, ROLE_ADMIN },
	{ "GET",  "/intranet/fermetures/{date}",  page_closure_confirm, STAFF,     ROLE_ADMIN },
	{ "POST", "/intranet/fermetures/{date}",  page_closure_change, STAFF_FORM, ROLE_ADMIN },

	{ "GET",  "/intranet/calendrier",         page_calendar,       STAFF,      ROLES_STAFF },
	{ "GET",  "/intranet/sessions/nouvelle",  page_session_new_form, STAFF,    DESK },
	{ "POST", "/intranet/sessions",           page_session_create, STAFF_FORM, DESK },
	{ "GET",  "/intranet/sessions/{id}",      page_session,        STAFF,      ROLES_STAFF },
	{ "POST", "/intranet/sessions/{id}",      page_session_change, STAFF_FORM, DESK },
	{ "POST", "/intranet/sessions/{id}/creneaux", page_slot_add,   STAFF_FORM, DESK },
	{ "POST", "/intranet/sessions/{id}/dupliquer", page_session_duplicate, STAFF_FORM, DESK },
	{ "POST", "/intranet/sessions/{id}/inscriptions", page_registrations_add, STAFF_FORM, DESK },
	{ "GET",  "/intranet/sessions/{id}/inscriptions.csv", page_registrations_export, STAFF, DESK },
	{ "POST", "/intranet/inscriptions/{id}",  page_registration_change, STAFF_FORM, DESK },
	{ "POST", "/intranet/sessions/{id}/attestations", page_session_certificates, STAFF_FORM, DESK },
	{ "GET",  "/intranet/attestations/{id}",  page_certificate_pdf, STAFF,     DESK },
	{ "POST", "/intranet/attestations/{id}",  page_certificate_revoke, STAFF_FORM, ROLE_ADMIN },
	{ "GET",  "/intranet/presence/{half_day}", page_half_day,      STAFF,      ROLES_STAFF },
	{ "GET",  "/intranet/questionnaires",     page_survey_models,  STAFF,      ROLE_ADMIN },
	{ "POST", "/intranet/questionnaires",     page_survey_model_create, STAFF_FORM, ROLE_ADMIN },
	{ "GET",  "/intranet/questionnaires/{id}", page_survey_model,  STAFF,      ROLE_ADMIN },
	{ "POST", "/intranet/questionnaires/{id}", page_survey_model_save, STAFF_FORM, ROLE_ADMIN },
	{ "GET",  "/intranet/evaluations",        page_survey_results, STAFF,      ROLES_STAFF },
	{ "GET",  "/intranet/evaluations.csv",    page_survey_results_csv, STAFF,  ROLES_STAFF },
	{ "GET",  "/intranet/qualite",            page_quality,        STAFF,      ROLE_ADMIN },
	{ "GET",  "/intranet/qualite.csv",        page_quality_csv,    STAFF,      ROLE_ADMIN },
	{ "GET",  "/intranet/presence/{half_day}/qr.svg", page_half_day_qr, STAFF, ROLES_STAFF },
	{ "GET",  "/intranet/presence/{half_day}/questionnaire.svg", page_half_day_survey_qr, STAFF, ROLES_STAFF },
	{ "GET",  "/intranet/presence/{half_day}/feuille.pdf", page_half_day_sheet, STAFF, ROLES_STAFF },
	{ "GET",  "/intranet/sessions/{id}/emargement.pdf", page_session_sheets, STAFF, ROLES_STAFF },
	{ "POST", "/intranet/presence/{half_day}", page_half_day_change, STAFF_FORM, ROLES_STAFF },
	/* The scans of the signed paper sheet: the only upload of the site. */
	{ "POST", "/intranet/presence/{half_day}/scans", page_half_day_scan_add, STAFF_UPLOAD, ROLES_STAFF },
	{ "GET",  "/intranet/presence/{half_day}/scans/{id}", page_half_day_scan, STAFF, ROLES_STAFF },
	{ "POST", "/intranet/creneaux/{id}",      page_slot_change,    STAFF_FORM, DESK },
	{ "GET",  "/intranet/lieux",              page_places,         STAFF,      DESK },
	{ "POST", "/intranet/lieux",              page_place_create,   STAFF_FORM, DESK },
	{ "GET",  "/intranet/lieux/{id}",         page_place,          STAFF,      DESK },
	{ "POST", "/intranet/lieux/{id}",         page_place_change,   STAFF_FORM, DESK },
	{ "GET",  "/intranet/formateurs",         page_trainers,       STAFF,      DESK },
	{ "POST", "/intranet/formateurs",         page_trainer_create, STAFF_FORM, DESK },
	{ "GET",  "/intranet/formateurs/{id}",    page_trainer,        STAFF,      ROLES_STAFF },
	{ "POST", "/intranet/formateurs/{id}",    page_trainer_change, STAFF_FORM, ROLES_STAFF },
	/* A calendar client cannot log in: the secret token in the path is
	 * the trainer's key to their own feed (renewable on their page). */
	{ "GET",  "/intranet/agenda/{token}",     page_trainer_feed,   PUBLIC,     0 },
};

unsigned routes_role_bit(const char *role)
{
	static const struct { const char *name; unsigned bit; } bits[] = {
		{ "admin", ROLE_ADMIN }, { "conseiller", ROLE_CONSEILLER },
		{ "assistant", ROLE_ASSISTANT }, { "formateur", ROLE_FORMATEUR },
	};
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (strcmp(bits[i].name, role) == 0)
			return bits[i].bit;
	return 0;
}

void routes_body_limits(const struct route *route, const struct settings *s,
		struct body_limits *out)
{
	if (route && (route->needs & NEEDS_UPLOAD))
		*out = (struct body_limits){ ROUTE_UPLOAD_BODY_MAX, 1, ROUTE_UPLOAD_FILE_MAX };
	else
		*out = (struct body_limits){ s->body_max, 0, 0 };
}

/* Matches one path against one pattern; each {capture} is one non-empty
 * segment, copied into the arena (not copied when req is NULL: the caller
 * only asks whether the path matches). */
static int pattern_match(const char *pattern, const char *path, struct request *req,
		struct arena *a)
{
	size_t n_args = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *end = strchr(s, '/');
			size_t len = end ? (size_t)(end - s) : strlen(s);
			if (len == 0 || n_args >= REQUEST_ARGS_MAX)
				return 0;
			if (req && !(req->args[n_args] = arena_strndup(a, s, len)))
				return 0;
			n_args++;
			const char *close = strchr(p, '}');
			if (!close)
				return 0;
			p = close + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	if (req)
		req->n_args = n_args;
	return 1;
}

#define N_ROUTES (sizeof(routes) / sizeof(routes[0]))

/* Literal routes win over routes with captures, whatever their order in
 * the table: /intranet/demandes/chiffres is never taken for an {id}. The
 * routes of a path are those of the first kind (literal, then captures)
 * that has any for it. */
const struct route *routes_match(struct request *req, struct arena *a, int *status)
{
	*status = 404;
	int is_head = strcmp(req->method, "HEAD") == 0;
	for (int literal = 1; literal >= 0; literal--) {
		for (size_t i = 0; i < N_ROUTES; i++) {
			if ((strchr(routes[i].pattern, '{') == NULL) != literal ||
					!pattern_match(routes[i].pattern, req->path, req, a))
				continue;
			if (strcmp(routes[i].method, req->method) == 0 ||
					(is_head && strcmp(routes[i].method, "GET") == 0))
				return &routes[i];
			*status = 405;
		}
		if (*status == 405)
			return NULL;
	}
	return NULL;
}

unsigned routes_methods(const char *path)
{
	for (int literal = 1; literal >= 0; literal--) {
		unsigned methods = 0;
		for (size_t i = 0; i < N_ROUTES; i++) {
			if ((strchr(routes[i].pattern, '{') == NULL) != literal ||
					!pattern_match(routes[i].pattern, path, NULL, NULL))
				continue;
			methods |= strcmp(routes[i].method, "GET") == 0 ? ROUTE_GET | ROUTE_HEAD :
				strcmp(routes[i].method, "POST") == 0 ? ROUTE_POST : 0;
		}
		if (methods)
			return methods;
	}
	return 0;
}

const char *routes_allow_header(unsigned methods)
{
	static const char *const lists[] = {
		"", "GET", "HEAD", "GET, HEAD", "POST", "GET, POST", "HEAD, POST", "GET, HEAD, POST",
	};
	return lists[methods & (ROUTE_GET | ROUTE_HEAD | ROUTE_POST)];
}
