/* Every page handler, one file per area of the product. */
#ifndef FORMATIONS_PAGES_H
#define FORMATIONS_PAGES_H

#include <stddef.h>

#include "web/handler.h"

/* home.c */
int page_home(struct ctx *ctx);
/* catalogue.c */
int page_catalogue(struct ctx *ctx);
int page_course(struct ctx *ctx);
/* Shared by the pages that show courses (catalogue.c). */
struct course;
struct db_call;
struct view;
const char *catalogue_modality_label(const char *modality);
struct arena;
/* "mercredi 20 mai 2026" for "2026-05-20" (the text itself if not a date). */
const char *pages_long_date(struct arena *a, const char *iso);
/* "09:30" as "9 h 30" (the text itself if not a time). */
const char *pages_time(struct arena *a, const char *hhmm);
/* "2026-12-02 13:54" (Paris) in words: "mercredi 2 décembre 2026 à
 * 13 h 54"; anything else as it is. */
const char *pages_long_moment(struct arena *a, const char *iso_minute);
/* The dates of a session from its first and last ISO days, in words
 * (slot_span_fr: "du 1er au 3 mars 2027"); "" when either is invalid. */
const char *pages_span(struct arena *a, const char *first_iso, const char *last_iso);
/* Today's date in Europe/Paris, and a date as "YYYY-MM-DD" in the arena
 * ("" when invalid). */
struct civil_date;
struct civil_date pages_paris_today(void);
const char *pages_iso_date(struct arena *a, struct civil_date d);
int catalogue_set_richtext(struct view *v, const char *key, const char *markdown);
struct programme_line;
int catalogue_fill_course(struct ctx *ctx, const struct course *c,
		const struct programme_line *lines, size_t n);
/* Searches with f (at most max) and fills Results, Count and Categories:
 * 0, or the status to answer with. */
struct course_filter;
int catalogue_list(struct ctx *ctx, const struct course_filter *f, size_t max);
/* login.c: GET and POST /intranet/connexion, POST /intranet/deconnexion */
int page_login_form(struct ctx *ctx);
int page_login(struct ctx *ctx);
int page_logout(struct ctx *ctx);
/* intranet.c */
int page_intranet_home(struct ctx *ctx);
/* users.c: accounts, for admins */
int page_users(struct ctx *ctx);
int page_user_create(struct ctx *ctx);
int page_user_change(struct ctx *ctx);
/* journal.c: the audit log, for admins */
int page_audit_log(struct ctx *ctx);
/* staff_catalogue.c: the catalogue in the intranet */
int page_staff_courses(struct ctx *ctx);
int page_staff_completeness(struct ctx *ctx);
int page_course_new_form(struct ctx *ctx);
int page_course_create(struct ctx *ctx);
int page_course_edit_form(struct ctx *ctx);
int page_course_save(struct ctx *ctx);
int page_course_preview(struct ctx *ctx);
int page_course_status(struct ctx *ctx);
int page_course_duplicate(struct ctx *ctx);
/* demand.c: the public form and the requester's tracking page */
int page_demand_form(struct ctx *ctx);
int page_demand_submit(struct ctx *ctx);
int page_demand_tracking(struct ctx *ctx);
int page_demand_reply(struct ctx *ctx);
int page_demand_cancel(struct ctx *ctx);
/* The due date (YYYY-MM-DD) of a demand received on received_on under
 * regime, after paused_days, with the closure days: 0 or a status. */
int demand_due_date(struct ctx *ctx, const char *received_on, const char *regime,
		int paused_days, char out[11]);
/* intranet_demands.c: the dashboard and the demand page */
/* A destructive action asks first (pages/confirm.c): 1 when the POST
 * carries confirme=oui (go on), else the confirmation page is the
 * response (0, as handler_render, or 500): it states the consequences and
 * sends the same fields again. Callers: `if ((rc = ...) != 1) return rc;` */
struct confirmation {
	const char *title, *button, *back_href, *back_label;
	const char *const *consequences;   /* NULL entries are skipped */
	size_t n_consequences;
};
int confirm_destructive(struct ctx *ctx, const struct confirmation *c);

/* The demand of the tracking token in the path (404 when malformed or
 * unknown). */
struct demand;
int demand_by_tracking(struct ctx *ctx, struct demand *d);
int page_demand_dates_ics(struct ctx *ctx);
int page_demand_dates_decline(struct ctx *ctx);
/* The slots as an iCalendar feed (PUBLISH), the response's body. */
struct slot;
int sessions_feed_answer(struct ctx *ctx, const char *name, const struct slot *slots, size_t n,
		int for_trainer);

int page_demands(struct ctx *ctx);
int page_demand(struct ctx *ctx);
int page_demand_action(struct ctx *ctx);
/* demand_figures.c, demand_export.c, closures.c: figures of the response
 * commitment, the CSV export of demands, the closure days (admins) */
int page_demand_figures(struct ctx *ctx);
int page_demand_export(struct ctx *ctx);
int page_closures(struct ctx *ctx);
int page_closure_add(struct ctx *ctx);
int page_closure_confirm(struct ctx *ctx);
int page_closure_change(struct ctx *ctx);
/* accessibility.c: the accessibility needs, for admins and the référent handicap */
int page_accessibility(struct ctx *ctx);
int page_accessibility_decide(struct ctx *ctx);
/* requester_data.c: a requester's personal data, for admins */
int page_requester_data(struct ctx *ctx);
int page_requester_export(struct ctx *ctx);
int page_requester_erase(struct ctx *ctx);
/* sessions_public.c: "Sessions à venir" and the public iCalendar feeds */
int page_sessions(struct ctx *ctx);
int page_sessions_ics(struct ctx *ctx);
int page_course_sessions_ics(struct ctx *ctx);
int page_trainer_feed(struct ctx *ctx);
/* Fills Sessions.N (with by_month: Months.N.label and Months.N.Sessions.K)
 * for the public lists of sessions: the fiche, the home page, /sessions. */
struct session;
int sessions_public_fill(struct ctx *ctx, const struct session *s, size_t n, int by_month);
/* 1 while a requester may still ask for the session or name its
 * participants: envisaged or confirmed, and open by
 * registration_open_for_requester (its closing date, else the day before
 * its first day, Paris). */
int sessions_registration_open(const struct session *s);
/* calendar.c: the staff calendar (month, week, list) */
int page_calendar(struct ctx *ctx);
/* session_plan.c: a new session with its whole plan (one row per day of
 * the programme), checked before it is saved in one transaction */
int page_session_new_form(struct ctx *ctx);
int page_session_create(struct ctx *ctx);
/* sessions.c: one session, its slots, changes, duplication */
int page_session(struct ctx *ctx);
int page_session_change(struct ctx *ctx);
int page_slot_add(struct ctx *ctx);
int page_slot_change(struct ctx *ctx);
int page_session_duplicate(struct ctx *ctx);
/* The sessions "à confirmer ou annuler" (go/no-go: under their minimum,
 * decision_days before their first day, rules/registration.h); _fill puts
 * Decide.<id> = 1 for each, and the list under list when not NULL. */
int sessions_to_decide(struct ctx *ctx, struct session **out, size_t *n);
int sessions_to_decide_fill(struct ctx *ctx, const char *list);
/* Shared with session_plan.c: the session form read and checked (0, 1
 * when a field is wrong with Errors.* and Form.* set, or a status); a
 * list of choices into the view; "jeudi 4 mars 2027, 9 h – 12 h 30";
 * the checked `formateur` values as "{1,2}" (*problem set when one is
 * wrong). */
struct session_fields;
struct choice;
int session_form_read(struct ctx *ctx, struct session_fields *f, const char *registered);
int session_choices_set(struct view *v, const char *list, const struct choice *c, size_t n);
const char *session_slot_when(struct arena *a, const char *day, const char *start, const char *end);
const char *session_trainer_ids(struct ctx *ctx, const char **problem);
/* The session of id (404 when there is none): 0 or a status. */
int session_load(struct ctx *ctx, const char *id, struct session *s);
/* The session page with status, and message under key (an error box). */
int session_page_render(struct ctx *ctx, int status, const struct session *s, const char *key,
		const char *message);
/* registrations.c: the registrations of a session */
int page_registrations_add(struct ctx *ctx);
int page_registration_change(struct ctx *ctx);
int page_registrations_export(struct ctx *ctx);
/* Registrations.N (confirmed), Waiting.N (by rank), FormerRegistrations.N
 * and MoveTo.N for the session page; the banner of the last change. */
int registrations_fill(struct ctx *ctx, const struct session *s, int desk);
int registrations_notice(struct ctx *ctx, const struct session *here);
/* Inside the caller's transaction, after a confirmed person left session
 * s: the first of its waiting list takes the seat (and gets their
 * convocation when s is confirmed); *promoted is their name or NULL. */
int registration_fill_seat(struct ctx *ctx, const struct session *s, const char *by,
		const char **promoted);
/* Inside the caller's transaction: the mail a new registration g of s
 * gets (convocation, or its rank on the waiting list): a store status. */
struct registration;
int registration_tell(struct ctx *ctx, const struct session *s, const struct registration *g);
/* demand.c: the tracking page of d with status; demand_participants.c:
 * the requester names their participants there */
struct demand;
int demand_tracking_render(struct ctx *ctx, int status, const struct demand *d);
int demand_participants_fill(struct ctx *ctx, const struct demand *d);
int page_demand_participants(struct ctx *ctx);
/* attendance.c: the half-days' attendance */
int page_half_day(struct ctx *ctx);
int page_half_day_qr(struct ctx *ctx);
int page_half_day_change(struct ctx *ctx);
int page_sign_landing(struct ctx *ctx);
/* The paper sheets (PDF): one half-day, or every half-day of a session. */
int page_half_day_sheet(struct ctx *ctx);
int page_session_sheets(struct ctx *ctx);
/* OpenHalfDays.N: the half-days of s open for signing now that the
 * registration has not signed (*signed_out when it signed one): 0 or a
 * status. */
int attendance_open_half_days(struct ctx *ctx, const struct session *s, long long registration,
		int *signed_out);
/* Records g's electronic signature from the form (demi, code): 0 with
 * *problem NULL (signed, or already), 0 with the French *problem, or a
 * status. */
int attendance_sign(struct ctx *ctx, const struct session *s, const struct registration *g,
		const char **problem);
/* The cookie that lets the QR code lead this browser to its page. */
int attendance_remember_participant(struct ctx *ctx, const char *token);
/* Grid.Columns.N (half-days, with how many scans each has) and
 * Grid.Rows.N (confirmed people, their marks, minutes and outcome) for the
 * session page. */
struct slot;
int attendance_grid_fill(struct ctx *ctx, const struct session *s, const struct slot *slots, size_t n);
/* attestations.c: the attestations de fin de formation */
int page_certificate_verify(struct ctx *ctx);
int page_participant_certificate(struct ctx *ctx);
int page_session_certificates(struct ctx *ctx);
int page_certificate_pdf(struct ctx *ctx);
int page_certificate_revoke(struct ctx *ctx);
/* Issues the attestations of a session if it is ready (realisee, every
 * half-day certified), after what made it so was committed; a session
 * not ready is no error. Failures are logged, the status returned. */
int certificates_issue_quietly(struct ctx *ctx, const char *session_id);
/* Certificates.N and CertificatesReady for the session page: 0 or a status. */
int certificates_fill(struct ctx *ctx, const struct session *s);
/* 1 when the registration has an attestation in force. */
int certificate_in_force(struct ctx *ctx, const char *registration_id);
/* Certificate.* when g has one in force, for the participant's page. */
struct registration;
int certificate_of_participant_fill(struct ctx *ctx, const struct registration *g);
/* The session of the half-day of the path, for the desk and the slot's
 * trainers: 0, or 404 for anyone else and any other path, or a status. */
int attendance_half_day_access(struct ctx *ctx, const char *half_day, struct session *s);
/* The trainer's half-day page with status (its errors set by the caller). */
int attendance_half_day_render(struct ctx *ctx, const char *half_day, int status);
/* "jeudi 4 mars 2027 à 9 h 12", the Paris time of an instant (arena). */
const char *attendance_when_fr(struct arena *a, long long instant);
/* attendance_scans.c: the scans of signed paper sheets of a half-day */
int page_half_day_scan_add(struct ctx *ctx);
int page_half_day_scan(struct ctx *ctx);
/* Scans.N (the half-day's scans, oldest first) and the banner of the one
 * just attached (?fait=feuille&scan=ID) for the half-day page. */
int attendance_scans_fill(struct ctx *ctx, const char *half_day);
/* participant.c: the participant's private page */
int page_participant(struct ctx *ctx);
int page_participant_ics(struct ctx *ctx);
int page_participant_cancel(struct ctx *ctx);
int page_participant_need(struct ctx *ctx);
int page_participant_sign(struct ctx *ctx);
/* The live slots of a session as text lines for a mail: 0 or a status. */
int session_dates_text(struct ctx *ctx, const struct session *s, const char **text);
/* The same as the view's list.N.text. */
int session_dates_fill(struct ctx *ctx, const struct session *s, const char *list);
/* surveys.c: answering a questionnaire */
int page_questionnaire(struct ctx *ctx);
int page_questionnaire_answer(struct ctx *ctx);
int page_questionnaire_landing(struct ctx *ctx);
/* Surveys.N for the participant's page (the due ones created first). */
int surveys_of_participant_fill(struct ctx *ctx, const struct registration *g);
/* survey_models.c: the questionnaire models, for admins */
int page_survey_models(struct ctx *ctx);
int page_survey_model_create(struct ctx *ctx);
int page_survey_model(struct ctx *ctx);
int page_survey_model_save(struct ctx *ctx);
/* attendance.c: the QR code of the chaud questionnaire on the last half-day */
int page_half_day_survey_qr(struct ctx *ctx);
/* resources.c: places and their rooms, trainers and their courses */
int page_places(struct ctx *ctx);
int page_place_create(struct ctx *ctx);
int page_place(struct ctx *ctx);
int page_place_change(struct ctx *ctx);
int page_trainers(struct ctx *ctx);
int page_trainer_create(struct ctx *ctx);
int page_trainer(struct ctx *ctx);
int page_trainer_change(struct ctx *ctx);
/* mail_failures.c: mails given up, for the desk; Failures.N of one
 * demand (or all when demand_id is NULL) for a page: 0 or a status */
int page_mail_failures(struct ctx *ctx);
int page_mail_retry(struct ctx *ctx);
int mail_failures_fill(struct ctx *ctx, const char *demand_id);
/* errors.c: the site's error page for status (404, 500, 503, ...) */
int page_error(struct ctx *ctx, int status);

/* survey_results.c: evaluation results, the fiche's satisfaction rate and
 * the Qualiopi figures */
int page_survey_results(struct ctx *ctx);
int page_survey_results_csv(struct ctx *ctx);
int page_quality(struct ctx *ctx);
int page_quality_csv(struct ctx *ctx);
struct survey_rate;
/* The satisfaction rates of n courses today (rules/survey.h
 * survey_rate_compute over the 12-month window), and when last_answer is
 * not NULL the latest change of an answer set counted for each: 0 or a
 * status. */
int survey_rates_of_courses(struct ctx *ctx, const char *const *ids, size_t n,
		struct survey_rate *rates, long *last_answer);
/* The same for the fiche of slug, as a call sent with the fiche's other
 * reads (store/db.h, db_run_reads), then read for its course_id. */
int survey_rate_call(struct ctx *ctx, struct db_call *c, const char *slug);
int survey_rate_read(struct ctx *ctx, const struct db_call *c, const char *course_id,
		struct survey_rate *rate, long *last_answer);
/* prefix.rate_published ("1" or ""), rate_percent, rate_respondents,
 * rate_sentence (the fiche's words) and rate_computed ("2 décembre 2026"). */
int survey_rate_fill(struct ctx *ctx, const char *prefix, const struct survey_rate *r);

#endif
