/* The evaluation rules: kinds, question types and answer checks, the
 * schedule of a questionnaire with its reminders and closing, and the
 * satisfaction rate with its window and sentence. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rules/slot_time.h"
#include "rules/survey.h"
#include "tap.h"

static struct civil_date D(int y, int m, int d)
{
	return (struct civil_date){ y, m, d };
}

/* The instant of a Paris wall-clock time (never in a gap in these tests). */
static int64_t paris(int y, int mo, int d, int h, int mi)
{
	int64_t t = 0;
	if (slot_paris_to_utc(D(y, mo, d), h * 60 + mi, &t) != SLOT_LOCAL_OK)
		printf("# bad test instant %04d-%02d-%02d %02d:%02d\n", y, mo, d, h, mi);
	return t;
}

static int same_date(struct civil_date a, struct civil_date b)
{
	return cal_date_compare(a, b) == 0 && cal_date_is_valid(a);
}

static const char *date_s(struct civil_date d, char buf[CAL_DATE_BUF])
{
	if (cal_format_date(d, buf, CAL_DATE_BUF) != 0)
		snprintf(buf, CAL_DATE_BUF, "invalid");
	return buf;
}

#define tap_is_date(got, want, ...) do { \
	char tap_gb_[CAL_DATE_BUF], tap_wb_[CAL_DATE_BUF]; \
	tap_is_str(date_s((got), tap_gb_), date_s((want), tap_wb_), __VA_ARGS__); \
} while (0)

/* ---------------------------------------------------------------- kinds */

static void test_kinds(void)
{
	enum survey_kind k;
	tap_is_str(survey_kind_name(SURVEY_AMONT), "amont", "amont");
	tap_is_str(survey_kind_name(SURVEY_CHAUD), "chaud", "chaud");
	tap_is_str(survey_kind_name(SURVEY_FROID), "froid", "froid");
	tap_is_str(survey_kind_name(SURVEY_FROID_MANAGER), "froid_manager", "froid_manager");
	tap_ok(survey_kind_name((enum survey_kind)SURVEY_KIND_COUNT) == NULL, "no name out of the enum");
	tap_ok(survey_kind_name((enum survey_kind)-1) == NULL, "no name below the enum");
	for (int i = 0; i < SURVEY_KIND_COUNT; i++)
		tap_ok(survey_kind_parse(survey_kind_name((enum survey_kind)i), &k) == 0 && (int)k == i,
				"kind %d round-trips", i);
	tap_ok(survey_kind_parse("Chaud", &k) != 0, "kind names are exact");
	tap_ok(survey_kind_parse("froid-manager", &k) != 0, "froid-manager is not a kind");
	tap_ok(survey_kind_parse("", &k) != 0 && survey_kind_parse(NULL, &k) != 0, "empty and NULL kinds");
	tap_is_str(survey_kind_label_fr(SURVEY_AMONT), "Évaluation en amont", "amont label");
	tap_is_str(survey_kind_label_fr(SURVEY_CHAUD), "À chaud", "chaud label");
	tap_is_str(survey_kind_label_fr(SURVEY_FROID), "À froid (J+60)", "froid label");
	tap_is_str(survey_kind_label_fr(SURVEY_FROID_MANAGER), "À froid, responsable (J+90)",
			"froid_manager label");
	tap_ok(survey_kind_label_fr((enum survey_kind)9) == NULL, "no label out of the enum");
	tap_is_int(survey_kind_for_requester(SURVEY_FROID_MANAGER), 1, "froid_manager goes to the requester");
	tap_is_int(survey_kind_for_requester(SURVEY_CHAUD), 0, "chaud goes to the participant");
	tap_is_int(survey_kind_for_requester((enum survey_kind)7), -1, "out of the enum");
}

/* --------------------------------------------------- questions, answers */

static void test_question_types(void)
{
	enum survey_question_type t;
	const char *names[] = { "echelle", "choix", "oui_non", "texte" };
	for (int i = 0; i < SURVEY_Q_TYPE_COUNT; i++) {
		tap_is_str(survey_question_type_name((enum survey_question_type)i), names[i], "type %d", i);
		tap_ok(survey_question_type_parse(names[i], &t) == 0 && (int)t == i, "  parses");
	}
	tap_ok(survey_question_type_parse("Texte", &t) != 0, "type names are exact");
	tap_ok(survey_question_type_parse(NULL, &t) != 0, "NULL type");
	tap_ok(survey_question_type_name((enum survey_question_type)4) == NULL, "no name out of the enum");
	tap_is_str(survey_question_type_label_fr(SURVEY_Q_SCALE), "Échelle de 1 à 5", "scale label");
	tap_is_str(survey_question_type_label_fr(SURVEY_Q_TEXT), "Texte libre", "text label");
	tap_is_str(survey_question_type_label_fr(SURVEY_Q_YES_NO), "Oui ou non", "yes/no label");
	tap_is_str(survey_question_type_label_fr(SURVEY_Q_CHOICE), "Choix dans une liste", "choice label");
}

static void test_answers(void)
{
	char msg[SURVEY_MESSAGE_BUF];
	static char big[5000 * 2 + 1];
	struct survey_question scale = { .type = SURVEY_Q_SCALE, .required = 1,
		.label_1 = "Pas du tout satisfait", .label_5 = "Très satisfait" };
	struct survey_question opt_scale = scale;
	opt_scale.required = 0;

	for (char c = '1'; c <= '5'; c++) {
		char v[2] = { c, '\0' };
		tap_ok(survey_answer_check(&scale, v, msg, sizeof(msg)) == NULL, "scale %s accepted", v);
	}
	const char *bad[] = { "0", "6", "05", " 3", "3 ", "3.0", "+3", "-1", "trois", "10", "3\n" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		tap_is_str(survey_answer_check(&scale, bad[i], msg, sizeof(msg)),
				"Choisissez une note de 1 à 5.", "scale '%s' refused", bad[i]);
	tap_is_str(survey_answer_check(&scale, NULL, msg, sizeof(msg)), "Répondez à cette question.",
			"a required scale not sent");
	tap_is_str(survey_answer_check(&scale, "", msg, sizeof(msg)), "Répondez à cette question.",
			"a required scale empty");
	tap_ok(survey_answer_check(&opt_scale, NULL, msg, sizeof(msg)) == NULL, "an optional scale not sent");
	tap_ok(survey_answer_check(&opt_scale, "  ", msg, sizeof(msg)) == NULL, "an optional scale blank");
	tap_is_str(survey_answer_check(&opt_scale, "7", msg, sizeof(msg)), "Choisissez une note de 1 à 5.",
			"an optional scale still checked when answered");

	const char *const options[] = { "Tout à fait", "En partie", "Pas du tout" };
	struct survey_question choice = { .type = SURVEY_Q_CHOICE, .required = 1,
		.options = options, .option_count = 3 };
	tap_ok(survey_answer_check(&choice, "En partie", msg, sizeof(msg)) == NULL, "an option");
	tap_ok(survey_answer_check(&choice, "Pas du tout", msg, sizeof(msg)) == NULL, "the last option");
	tap_is_str(survey_answer_check(&choice, "en partie", msg, sizeof(msg)),
			"Choisissez l'une des réponses proposées.", "options are exact");
	tap_is_str(survey_answer_check(&choice, "Autre", msg, sizeof(msg)),
			"Choisissez l'une des réponses proposées.", "not an option");
	tap_is_str(survey_answer_check(&choice, "", msg, sizeof(msg)), "Répondez à cette question.",
			"a required choice empty");
	struct survey_question none = { .type = SURVEY_Q_CHOICE, .options = NULL, .option_count = 2 };
	tap_ok(survey_answer_check(&none, "x", msg, sizeof(msg)) != NULL, "a choice without options refuses");

	struct survey_question yn = { .type = SURVEY_Q_YES_NO, .required = 1 };
	tap_ok(survey_answer_check(&yn, "oui", msg, sizeof(msg)) == NULL, "oui");
	tap_ok(survey_answer_check(&yn, "non", msg, sizeof(msg)) == NULL, "non");
	tap_is_str(survey_answer_check(&yn, "Oui", msg, sizeof(msg)), "Répondez par oui ou par non.",
			"Oui refused");
	tap_is_str(survey_answer_check(&yn, "1", msg, sizeof(msg)), "Répondez par oui ou par non.", "1 refused");
	tap_is_str(survey_answer_check(&yn, NULL, msg, sizeof(msg)), "Répondez à cette question.",
			"a required yes/no not sent");

	struct survey_question text = { .type = SURVEY_Q_TEXT };
	tap_ok(survey_answer_check(&text, NULL, msg, sizeof(msg)) == NULL, "an optional comment not sent");
	tap_ok(survey_answer_check(&text, "Très clair.\r\nMerci\tà vous.", msg, sizeof(msg)) == NULL,
			"line breaks and tabs in a comment");
	tap_is_str(survey_answer_check(&text, "a\001b", msg, sizeof(msg)),
			"Ce texte contient des caractères de contrôle : retirez-les.", "a control character");
	tap_is_str(survey_answer_check(&text, "a\xc2\x85" "b", msg, sizeof(msg)),
			"Ce texte contient des caractères de contrôle : retirez-les.", "a C1 control (NEL)");
	tap_is_str(survey_answer_check(&text, "caf\xe9", msg, sizeof(msg)),
			"Votre réponse contient des caractères illisibles : retapez-la.", "Latin-1, not UTF-8");
	memset(big, 'a', SURVEY_TEXT_MAX_DEFAULT);
	big[SURVEY_TEXT_MAX_DEFAULT] = '\0';
	tap_ok(survey_answer_check(&text, big, msg, sizeof(msg)) == NULL, "4000 characters by default");
	big[SURVEY_TEXT_MAX_DEFAULT] = 'a';
	big[SURVEY_TEXT_MAX_DEFAULT + 1] = '\0';
	tap_is_str(survey_answer_check(&text, big, msg, sizeof(msg)),
			"Votre réponse dépasse 4 000 caractères : raccourcissez-la.", "4001 are too many");
	tap_is_str(survey_answer_check(&text, big, NULL, 0), "Votre réponse est trop longue : raccourcissez-la.",
			"  a constant without a buffer");
	/* The limit counts characters, not bytes. */
	struct survey_question short_text = { .type = SURVEY_Q_TEXT, .required = 1, .max_chars = 5 };
	tap_ok(survey_answer_check(&short_text, "éééèè", msg, sizeof(msg)) == NULL,
			"5 accented characters (10 bytes) fit 5");
	tap_is_str(survey_answer_check(&short_text, "éééèèe", msg, sizeof(msg)),
			"Votre réponse dépasse 5 caractères : raccourcissez-la.", "6 do not");
	tap_is_str(survey_answer_check(&short_text, " \r\n\t", msg, sizeof(msg)), "Répondez à cette question.",
			"blank text is no answer");

	tap_is_str(survey_answer_check(NULL, "3", msg, sizeof(msg)), "Cette question n'existe pas.", "NULL question");
	struct survey_question odd = { .type = (enum survey_question_type)9 };
	tap_is_str(survey_answer_check(&odd, "3", msg, sizeof(msg)), "Cette question n'existe pas.", "unknown type");
}

/* ------------------------------------------------------------- schedule */

static void test_schedule_of(void)
{
	struct survey_session_facts f = { 0 };
	struct survey_schedule s;

	/* amont: with the convocation. */
	f.convocation_at = paris(2026, 5, 4, 10, 15);
	tap_is_int(survey_schedule_of(SURVEY_AMONT, &f, &s), 0, "amont schedule");
	tap_ok(s.kind == SURVEY_AMONT && s.opens_at == f.convocation_at && s.mail_at == f.convocation_at,
			"  opens and is mailed with the convocation");
	tap_is_date(s.opens_on, D(2026, 5, 4), "  on its Paris date");
	/* A convocation at 23:30 Paris is the next day in UTC terms but not in Paris. */
	f.convocation_at = paris(2026, 6, 30, 23, 30);
	survey_schedule_of(SURVEY_AMONT, &f, &s);
	tap_is_date(s.opens_on, D(2026, 6, 30), "  23:30 Paris is still that day");

	/* chaud: the last half-day, Friday before the change to summer time. */
	f.last_half_day_start = paris(2026, 3, 27, 13, 30);
	f.last_half_day_end = paris(2026, 3, 27, 17, 0);
	tap_is_int(survey_schedule_of(SURVEY_CHAUD, &f, &s), 0, "chaud schedule");
	tap_ok(s.opens_at == f.last_half_day_start, "  opens at the start of the last half-day");
	tap_ok(s.mail_at == f.last_half_day_end, "  is mailed at its end");
	tap_is_date(s.opens_on, D(2026, 3, 27), "  J is the last day");

	/* froid and froid_manager from a last day of 31 December: J+60 and J+90
	 * across the ends of January and February, at Paris midnight. */
	f.last_half_day_start = paris(2026, 12, 31, 9, 0);
	f.last_half_day_end = paris(2026, 12, 31, 12, 30);
	tap_is_int(survey_schedule_of(SURVEY_FROID, &f, &s), 0, "froid schedule");
	tap_is_date(s.opens_on, D(2027, 3, 1), "  31 December + 60 = 1 March 2027");
	tap_is_int(s.opens_at, 1803855600, "  at Paris midnight (2027-02-28 23:00 UTC)");
	tap_ok(s.mail_at == s.opens_at, "  mailed when it opens");
	tap_is_int(survey_schedule_of(SURVEY_FROID_MANAGER, &f, &s), 0, "froid_manager schedule");
	tap_is_date(s.opens_on, D(2027, 3, 31), "  31 December + 90 = 31 March 2027");
	tap_is_int(s.opens_at, 1806444000, "  at Paris midnight in summer time (2027-03-30 22:00 UTC)");

	/* Across the changes of time, a leap day, an evening half-day (J is
	 * its Paris date, not its UTC one); opens_at from `date -u`. */
	const struct {
		enum survey_kind kind;
		struct civil_date last_day;
		int start_h, end_h, end_m;
		struct civil_date opens_on;
		int64_t opens_at;
		const char *name;
	} cases[] = {
		{ SURVEY_FROID, { 2026, 2, 20 }, 13, 17, 0, { 2026, 4, 21 }, 1776722400,
			"froid of 20 February 2026: 21 April, 00:00 summer time (22:00 UTC)" },
		{ SURVEY_FROID_MANAGER, { 2026, 7, 28 }, 9, 12, 0, { 2026, 10, 26 }, 1792969200,
			"froid_manager of 28 July 2026: 26 October, 00:00 winter time (23:00 UTC)" },
		{ SURVEY_FROID, { 2027, 12, 31 }, 9, 17, 0, { 2028, 2, 29 }, 1835391600,
			"froid of 31 December 2027: 29 February 2028" },
		{ SURVEY_FROID, { 2026, 6, 30 }, 18, 23, 45, { 2026, 8, 29 }, 0,
			"froid of an evening half-day on 30 June 2026: 29 August" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct civil_date d = cases[i].last_day;
		f.last_half_day_start = paris(d.year, d.month, d.day, cases[i].start_h, 0);
		f.last_half_day_end = paris(d.year, d.month, d.day, cases[i].end_h, cases[i].end_m);
		tap_is_int(survey_schedule_of(cases[i].kind, &f, &s), 0, "%s", cases[i].name);
		tap_is_date(s.opens_on, cases[i].opens_on, "  opens on that day");
		if (cases[i].opens_at)
			tap_is_int(s.opens_at, cases[i].opens_at, "  at Paris midnight");
	}

	/* Refusals. */
	f.last_half_day_end = f.last_half_day_start;
	tap_is_int(survey_schedule_of(SURVEY_CHAUD, &f, &s), -1, "a last half-day that does not end after it starts");
	tap_is_int(survey_schedule_of(SURVEY_FROID, &f, &s), -1, "  also for froid");
	tap_is_int(survey_schedule_of(SURVEY_AMONT, &f, &s), 0, "  amont does not read it");
	tap_is_int(survey_schedule_of((enum survey_kind)4, &f, &s), -1, "kind out of the enum");
	tap_is_int(survey_schedule_of(SURVEY_AMONT, NULL, &s), -1, "NULL facts");
	tap_is_int(survey_schedule_of(SURVEY_AMONT, &f, NULL), -1, "NULL out");

	tap_is_int(survey_days_after_session(SURVEY_FROID), 60, "froid: J+60");
	tap_is_int(survey_days_after_session(SURVEY_FROID_MANAGER), 90, "froid_manager: J+90");
	tap_is_int(survey_days_after_session(SURVEY_CHAUD), -1, "chaud: at an instant");
}

static void test_dates(void)
{
	tap_is_date(survey_reminder_on(D(2026, 5, 4), 1), D(2026, 5, 7), "J+3");
	tap_is_date(survey_reminder_on(D(2026, 5, 4), 2), D(2026, 5, 11), "J+7");
	tap_is_date(survey_reminder_on(D(2026, 5, 4), 3), D(2026, 5, 4), "no third reminder");
	tap_is_date(survey_reminder_on(D(2026, 2, 27), 1), D(2026, 3, 2), "J+3 across February");
	tap_is_date(survey_reminder_on(D(2028, 2, 27), 1), D(2028, 3, 1), "J+3 across a leap February");
	tap_is_date(survey_reminder_on(D(2026, 12, 28), 2), D(2027, 1, 4), "J+7 across New Year");
	tap_is_date(survey_reminder_on(D(2026, 3, 27), 1), D(2026, 3, 30), "J+3 across the change to summer time");
	tap_is_date(survey_closes_on(D(2026, 5, 4)), D(2026, 6, 3), "closes on J+30");
	tap_is_date(survey_closes_on(D(2026, 1, 31)), D(2026, 3, 2), "J+30 of 31 January 2026");
	tap_is_date(survey_closes_on(D(2028, 1, 31)), D(2028, 3, 1), "J+30 of 31 January 2028 (leap)");
	tap_is_date(survey_closes_on(D(2026, 12, 15)), D(2027, 1, 14), "J+30 across New Year");
}

/* Runs `remind` every 20 minutes (twice each time, the second must find
 * nothing) from `from` to `to`, applying each step, and writes the steps
 * and their Paris dates. Returns the number of steps. */
static int simulate(const struct survey_schedule *s, struct survey_progress *p, int64_t from, int64_t to,
		enum survey_due steps[], struct civil_date days[], int max, int *twice)
{
	int n = 0;
	*twice = 0;
	for (int64_t now = from; now <= to; now += 20 * 60) {
		enum survey_due d = survey_due_now(s, p, now);
		if (d == SURVEY_DUE_NONE)
			continue;
		struct civil_date today = cal_paris_local_date(now);
		if (n < max) {
			steps[n] = d;
			days[n] = today;
		}
		n++;
		survey_progress_apply(p, d, today);
		if (survey_due_now(s, p, now) != SURVEY_DUE_NONE)
			(*twice)++;
	}
	return n;
}

static void test_due(void)
{
	struct survey_session_facts f = { 0 };
	struct survey_schedule s;
	struct survey_progress p;
	enum survey_due steps[8];
	struct civil_date days[8];
	int twice, n;

	tap_is_str(survey_due_name(SURVEY_DUE_NONE), "none", "none");
	tap_is_str(survey_due_name(SURVEY_DUE_OPEN), "open", "open");
	tap_is_str(survey_due_name(SURVEY_DUE_REMIND_1), "remind_1", "remind_1");
	tap_is_str(survey_due_name(SURVEY_DUE_REMIND_2), "remind_2", "remind_2");
	tap_is_str(survey_due_name(SURVEY_DUE_CLOSE), "close", "close");
	tap_ok(survey_due_name((enum survey_due)5) == NULL, "no name out of the enum");

	/* chaud of Friday 27 March 2026, 13:30-17:00; summer time starts on
	 * Sunday the 29th. Nobody answers. */
	f.last_half_day_start = paris(2026, 3, 27, 13, 30);
	f.last_half_day_end = paris(2026, 3, 27, 17, 0);
	survey_schedule_of(SURVEY_CHAUD, &f, &s);
	p = (struct survey_progress){ 0 };
	tap_is_int(survey_due_now(&s, &p, f.last_half_day_start), SURVEY_DUE_NONE,
			"chaud: no mail at the start of the last half-day");
	tap_is_int(survey_due_now(&s, &p, f.last_half_day_end - 1), SURVEY_DUE_NONE, "  nor a second before its end");
	tap_is_int(survey_due_now(&s, &p, f.last_half_day_end), SURVEY_DUE_OPEN, "  mailed at its end");
	n = simulate(&s, &p, paris(2026, 3, 25, 0, 0), paris(2026, 5, 10, 0, 0), steps, days, 8, &twice);
	tap_is_int(n, 4, "  four steps in all over six weeks");
	tap_is_int(twice, 0, "  each step once: running remind twice sends one mail");
	tap_ok(steps[0] == SURVEY_DUE_OPEN && same_date(days[0], D(2026, 3, 27)), "  open on 27 March");
	tap_ok(steps[1] == SURVEY_DUE_REMIND_1 && same_date(days[1], D(2026, 3, 30)),
			"  first reminder on 30 March (J+3, across the change of time)");
	tap_ok(steps[2] == SURVEY_DUE_REMIND_2 && same_date(days[2], D(2026, 4, 3)), "  second on 3 April (J+7)");
	tap_ok(steps[3] == SURVEY_DUE_CLOSE && same_date(days[3], D(2026, 4, 26)), "  closed on 26 April (J+30)");
	tap_ok(p.opened && same_date(p.opened_on, D(2026, 3, 27)) && p.reminders_sent == 2 && p.closed,
			"  the progress records it all");
	/* The reminder is due at Paris midnight, which is 22:00 UTC after the change. */
	p = (struct survey_progress){ .opened = 1, .opened_on = D(2026, 3, 27) };
	tap_is_int(survey_due_now(&s, &p, paris(2026, 3, 29, 23, 59)), SURVEY_DUE_NONE, "  none at 23:59 on J+2");
	tap_is_int(survey_due_now(&s, &p, paris(2026, 3, 30, 0, 0)), SURVEY_DUE_REMIND_1, "  J+3 from Paris midnight");
	tap_is_int(survey_due_now(&s, &p, paris(2026, 3, 27, 17, 0) + 3 * 86400 - 3600), SURVEY_DUE_REMIND_1,
			"  not 72 hours after the mail");

	/* Answered after the first reminder: no second one, closed at J+30. */
	p = (struct survey_progress){ 0 };
	n = simulate(&s, &p, paris(2026, 3, 27, 0, 0), paris(2026, 4, 1, 12, 0), steps, days, 8, &twice);
	tap_is_int(n, 2, "answered after the first reminder: open and reminder 1 so far");
	p.answered = 1;
	n = simulate(&s, &p, paris(2026, 4, 1, 12, 0), paris(2026, 5, 10, 0, 0), steps, days, 8, &twice);
	tap_ok(n == 1 && steps[0] == SURVEY_DUE_CLOSE && same_date(days[0], D(2026, 4, 26)),
			"  then only the closing, on J+30");

	/* Answered in the room before the mail: never mailed. */
	p = (struct survey_progress){ .answered = 1 };
	n = simulate(&s, &p, paris(2026, 3, 27, 0, 0), paris(2026, 5, 10, 0, 0), steps, days, 8, &twice);
	tap_ok(n == 1 && steps[0] == SURVEY_DUE_CLOSE && same_date(days[0], D(2026, 4, 26)),
			"answered in the room: no mail, closed on J+30");

	/* remind did not run until J+5: J counts from the day the mail went. */
	p = (struct survey_progress){ 0 };
	n = simulate(&s, &p, paris(2026, 4, 1, 8, 0), paris(2026, 6, 1, 0, 0), steps, days, 8, &twice);
	tap_is_int(n, 4, "opened late (J+5): four steps");
	tap_ok(steps[0] == SURVEY_DUE_OPEN && same_date(days[0], D(2026, 4, 1)), "  open on 1 April");
	tap_ok(steps[1] == SURVEY_DUE_REMIND_1 && same_date(days[1], D(2026, 4, 4)), "  reminder 1 on 4 April");
	tap_ok(steps[2] == SURVEY_DUE_REMIND_2 && same_date(days[2], D(2026, 4, 8)), "  reminder 2 on 8 April");
	tap_ok(steps[3] == SURVEY_DUE_CLOSE && same_date(days[3], D(2026, 5, 1)), "  closed on 1 May");

	/* remind down from J+2 to J+8: one reminder, the second. */
	p = (struct survey_progress){ .opened = 1, .opened_on = D(2026, 3, 27) };
	tap_is_int(survey_due_now(&s, &p, paris(2026, 4, 4, 9, 0)), SURVEY_DUE_REMIND_2,
			"a missed first reminder is skipped on J+8");
	survey_progress_apply(&p, SURVEY_DUE_REMIND_2, D(2026, 4, 4));
	tap_is_int(survey_due_now(&s, &p, paris(2026, 4, 4, 9, 0)), SURVEY_DUE_NONE, "  and not sent after");

	/* Never sent and its 30 days are over: closed, not mailed. */
	p = (struct survey_progress){ 0 };
	tap_is_int(survey_due_now(&s, &p, paris(2026, 4, 25, 23, 59)), SURVEY_DUE_OPEN, "unsent on J+29: mailed");
	tap_is_int(survey_due_now(&s, &p, paris(2026, 4, 26, 0, 0)), SURVEY_DUE_CLOSE, "unsent on J+30: closed");
	p.closed = 1;
	tap_is_int(survey_due_now(&s, &p, paris(2026, 4, 26, 0, 0)), SURVEY_DUE_NONE, "closed: nothing, ever");
	tap_is_int(survey_due_now(&s, &p, paris(2027, 1, 1, 0, 0)), SURVEY_DUE_NONE, "  a year later neither");

	/* froid_manager from a last day of 30 November: J+90 on 28 February. */
	f.last_half_day_start = paris(2026, 11, 30, 13, 30);
	f.last_half_day_end = paris(2026, 11, 30, 17, 0);
	survey_schedule_of(SURVEY_FROID_MANAGER, &f, &s);
	p = (struct survey_progress){ 0 };
	n = simulate(&s, &p, paris(2027, 2, 1, 0, 0), paris(2027, 4, 15, 0, 0), steps, days, 8, &twice);
	tap_is_int(n, 4, "froid_manager: four steps");
	tap_is_int(twice, 0, "  each once");
	tap_ok(steps[0] == SURVEY_DUE_OPEN && same_date(days[0], D(2027, 2, 28)), "  open on 28 February 2027 (J+90)");
	tap_ok(steps[1] == SURVEY_DUE_REMIND_1 && same_date(days[1], D(2027, 3, 3)), "  reminder 1 on 3 March");
	tap_ok(steps[2] == SURVEY_DUE_REMIND_2 && same_date(days[2], D(2027, 3, 7)), "  reminder 2 on 7 March");
	tap_ok(steps[3] == SURVEY_DUE_CLOSE && same_date(days[3], D(2027, 3, 30)),
			"  closed on 30 March (J+30, across the change to summer time)");

	/* froid: J+60 from 31 December 2027 is the leap day. */
	f.last_half_day_start = paris(2027, 12, 31, 9, 0);
	f.last_half_day_end = paris(2027, 12, 31, 12, 0);
	survey_schedule_of(SURVEY_FROID, &f, &s);
	p = (struct survey_progress){ 0 };
	tap_is_int(survey_due_now(&s, &p, paris(2028, 2, 28, 23, 59)), SURVEY_DUE_NONE, "froid: nothing on J+59");
	tap_is_int(survey_due_now(&s, &p, paris(2028, 2, 29, 0, 0)), SURVEY_DUE_OPEN, "  open on 29 February 2028");

	/* amont: opened with the convocation. */
	f.convocation_at = paris(2026, 5, 4, 10, 15);
	survey_schedule_of(SURVEY_AMONT, &f, &s);
	p = (struct survey_progress){ 0 };
	tap_is_int(survey_due_now(&s, &p, f.convocation_at - 1), SURVEY_DUE_NONE, "amont: nothing before the convocation");
	n = simulate(&s, &p, paris(2026, 5, 1, 0, 0), paris(2026, 6, 10, 0, 0), steps, days, 8, &twice);
	tap_ok(n == 4 && same_date(days[1], D(2026, 5, 7)) && same_date(days[2], D(2026, 5, 11)) &&
			same_date(days[3], D(2026, 6, 3)), "amont: J+3 7 May, J+7 11 May, closed 3 June");

	tap_is_int(survey_due_now(NULL, &p, 0), SURVEY_DUE_NONE, "NULL schedule");
	tap_is_int(survey_due_now(&s, NULL, 0), SURVEY_DUE_NONE, "NULL progress");
	tap_is_int(survey_progress_apply(NULL, SURVEY_DUE_OPEN, D(2026, 1, 1)), -1, "apply to NULL");
	tap_is_int(survey_progress_apply(&p, (enum survey_due)9, D(2026, 1, 1)), -1, "apply out of the enum");
	struct survey_progress before = p;
	tap_ok(survey_progress_apply(&p, SURVEY_DUE_NONE, D(2030, 1, 1)) == 0 &&
			memcmp(&before, &p, sizeof(p)) == 0, "apply none changes nothing");
}

static void test_answerable(void)
{
	struct survey_session_facts f = { 0 };
	struct survey_schedule s;
	struct survey_progress p = { 0 };

	f.last_half_day_start = paris(2026, 10, 23, 13, 30);
	f.last_half_day_end = paris(2026, 10, 23, 17, 0);
	survey_schedule_of(SURVEY_CHAUD, &f, &s);
	tap_is_int(survey_answerable(&s, &p, f.last_half_day_start - 1), 0, "chaud not answerable before the last half-day");
	tap_is_int(survey_answerable(&s, &p, f.last_half_day_start), 1, "  answerable in the room, before the mail");
	p.opened = 1;
	p.opened_on = D(2026, 10, 23);
	tap_is_int(survey_answerable(&s, &p, paris(2026, 11, 21, 23, 59)), 1, "  until 23:59 on J+29");
	tap_is_int(survey_answerable(&s, &p, paris(2026, 11, 22, 0, 0)), 0, "  not on J+30, closing recorded or not");
	p.closed = 1;
	tap_is_int(survey_answerable(&s, &p, paris(2026, 10, 24, 9, 0)), 0, "  not once closed");
	tap_is_int(survey_answerable(NULL, &p, 0), 0, "NULL schedule");
	tap_is_int(survey_answerable(&s, NULL, 0), 0, "NULL progress");
}

/* ----------------------------------------------------- satisfaction rate */

static void test_window(void)
{
	struct civil_date first = { 0 }, last = { 0 };
	tap_is_int(survey_rate_window(D(2026, 11, 15), &first, &last), 0, "window of 15 November 2026");
	tap_is_date(first, D(2025, 12, 1), "  from 1 December 2025");
	tap_is_date(last, D(2026, 11, 15), "  to today");
	struct civil_date t = D(2026, 11, 15);
	tap_is_int(survey_rate_window_contains(t, D(2025, 11, 15)), 0, "  a session ended exactly 12 months ago does not count");
	tap_is_int(survey_rate_window_contains(t, D(2025, 11, 30)), 0, "  nor one ended on 30 November 2025");
	tap_is_int(survey_rate_window_contains(t, D(2025, 12, 1)), 1, "  one ended on 1 December 2025 does");
	tap_is_int(survey_rate_window_contains(t, D(2026, 11, 14)), 1, "  one ended yesterday does");
	tap_is_int(survey_rate_window_contains(t, D(2026, 11, 15)), 1, "  one ending today does");
	tap_is_int(survey_rate_window_contains(t, D(2026, 11, 16)), 0, "  one ending tomorrow not yet");
	survey_rate_window(D(2026, 1, 10), &first, NULL);
	tap_is_date(first, D(2025, 2, 1), "window of 10 January 2026 from 1 February 2025");
	survey_rate_window(D(2026, 12, 31), &first, NULL);
	tap_is_date(first, D(2026, 1, 1), "window of 31 December 2026 from 1 January 2026");
	survey_rate_window(D(2026, 12, 1), &first, NULL);
	tap_is_date(first, D(2026, 1, 1), "  and of 1 December 2026");
	survey_rate_window(D(2026, 11, 30), &first, NULL);
	tap_is_date(first, D(2025, 12, 1), "30 November 2026 still from 1 December 2025");

	/* Leap days. */
	tap_is_int(survey_rate_window_contains(D(2028, 2, 29), D(2028, 2, 29)), 1, "on 29 February 2028, a session of that day counts");
	tap_is_int(survey_rate_window_contains(D(2028, 2, 29), D(2027, 2, 28)), 0, "  one of 28 February 2027 not");
	tap_is_int(survey_rate_window_contains(D(2028, 2, 29), D(2027, 3, 1)), 1, "  one of 1 March 2027 does");
	tap_is_int(survey_rate_window_contains(D(2029, 1, 31), D(2028, 2, 29)), 1, "on 31 January 2029 the leap day counts");
	tap_is_int(survey_rate_window_contains(D(2029, 2, 1), D(2028, 2, 29)), 0, "  on 1 February 2029 no longer");
	tap_is_int(survey_rate_window_contains(D(2029, 2, 28), D(2028, 2, 29)), 0, "  nor on 28 February 2029");

	first = D(1, 1, 1);
	tap_is_int(survey_rate_window(D(2026, 2, 30), &first, NULL), -1, "an invalid today");
	tap_ok(first.year == 1, "  leaves the outputs untouched");
	tap_is_int(survey_rate_window(D(1899, 12, 31), NULL, NULL), -1, "a year out of range");
	tap_is_int(survey_rate_window_contains(D(2026, 2, 30), D(2026, 1, 1)), 0, "contains with an invalid today");
	tap_is_int(survey_rate_window_contains(D(2026, 5, 1), D(2026, 4, 31)), 0, "contains with an invalid last day");
}

static struct survey_tally tally(int64_t s1, int64_t s2, int64_t s3, int64_t s4, int64_t s5, int64_t participants)
{
	return (struct survey_tally){ { s1, s2, s3, s4, s5 }, participants };
}

/* The percent of satisfied out of n, with the others answering 3. */
static int percent_of(int64_t satisfied, int64_t n)
{
	struct survey_tally t = tally(0, 0, n - satisfied, satisfied, 0, n);
	struct survey_rate r;
	if (survey_rate_compute(&t, D(2026, 11, 15), &r) != 0 || !r.published)
		return -2;
	return r.percent;
}

static void test_rate(void)
{
	struct survey_rate r;
	struct survey_tally t = { 0 };
	struct civil_date today = D(2026, 11, 15);

	tap_is_int(survey_tally_add(&t, 0), -1, "score 0 refused");
	tap_is_int(survey_tally_add(&t, 6), -1, "score 6 refused");
	tap_is_int(survey_tally_add(NULL, 3), -1, "NULL tally");
	for (int s = 1; s <= 5; s++)
		survey_tally_add(&t, s);
	tap_ok(t.by_score[0] == 1 && t.by_score[4] == 1, "one of each score added");
	t.participants = 9;
	tap_is_int(survey_rate_compute(&t, today, &r), 0, "rate of one of each score");
	tap_is_int(r.satisfied, 2, "  4 and 5 are satisfied, 3 is not");
	tap_is_int(r.respondents, 5, "  five respondents");
	tap_is_int(r.percent, 40, "  40 %%");
	tap_ok(r.published, "  published at exactly 5 respondents");
	tap_ok(same_date(r.period_first, D(2025, 12, 1)) && same_date(r.period_last, today) &&
			same_date(r.computed_on, today), "  period and date computed");

	tap_is_int(percent_of(0, 5), 0, "all 3 or less: 0 %%");
	tap_is_int(percent_of(5, 5), 100, "all 4: 100 %%");
	t = tally(0, 0, 0, 0, 7, 7);
	survey_rate_compute(&t, today, &r);
	tap_is_int(r.percent, 100, "all 5: 100 %%");
	t = tally(3, 3, 0, 0, 0, 6);
	survey_rate_compute(&t, today, &r);
	tap_is_int(r.percent, 0, "1 and 2 are not satisfied");

	/* Rounding half up. */
	tap_is_int(percent_of(10, 15), 67, "2/3 -> 67 %%");
	tap_is_int(percent_of(4, 6), 67, "4/6 -> 67 %%");
	tap_is_int(percent_of(1, 8), 13, "1/8 = 12.5 -> 13 %%");
	tap_is_int(percent_of(3, 8), 38, "3/8 = 37.5 -> 38 %%");
	tap_is_int(percent_of(5, 8), 63, "5/8 = 62.5 -> 63 %%");
	tap_is_int(percent_of(7, 8), 88, "7/8 = 87.5 -> 88 %%");
	tap_is_int(percent_of(1, 6), 17, "1/6 -> 17 %%");
	tap_is_int(percent_of(1, 7), 14, "1/7 -> 14 %%");
	tap_is_int(percent_of(43, 46), 93, "43/46 -> 93 %%");
	tap_is_int(percent_of(42, 46), 91, "42/46 -> 91 %%");
	tap_is_int(percent_of(1, 200), 1, "1/200 = 0.5 -> 1 %%");
	tap_is_int(percent_of(1, 201), 0, "1/201 -> 0 %%");
	tap_is_int(percent_of(199, 200), 100, "199/200 = 99.5 -> 100 %% (half up)");
	tap_is_int(percent_of(200, 201), 100, "200/201 = 99.50... -> 100 %%");
	tap_is_int(percent_of(398, 401), 99, "398/401 = 99.25 -> 99 %%");

	/* Fewer than 5 respondents. */
	t = tally(0, 0, 0, 2, 2, 12);
	tap_is_int(survey_rate_compute(&t, today, &r), 0, "4 respondents");
	tap_ok(!r.published && r.percent == -1, "  not published, no percent");
	tap_is_int(r.respondents, 4, "  the respondents still counted");
	/* Sessions without answers. */
	t = tally(0, 0, 0, 0, 0, 12);
	tap_is_int(survey_rate_compute(&t, today, &r), 0, "sessions without answers");
	tap_ok(!r.published && r.respondents == 0 && r.participants == 12, "  0 respondents out of 12");
	t = tally(0, 0, 0, 0, 0, 0);
	tap_is_int(survey_rate_compute(&t, today, &r), 0, "no session at all");
	tap_ok(!r.published && r.participants == 0, "  nothing published");

	/* Refusals. */
	r.percent = 55;
	t = tally(0, 0, 0, 3, 3, 5);
	tap_is_int(survey_rate_compute(&t, today, &r), -1, "more respondents than participants");
	tap_is_int(r.percent, 55, "  out untouched");
	t = tally(0, -1, 0, 3, 3, 9);
	tap_is_int(survey_rate_compute(&t, today, &r), -1, "a negative count");
	t = tally(0, 0, 0, 3, 3, -1);
	tap_is_int(survey_rate_compute(&t, today, &r), -1, "negative participants");
	t = tally(0, 0, 0, INT64_MAX, 0, INT64_MAX);
	tap_is_int(survey_rate_compute(&t, today, &r), -1, "a count that would overflow");
	t = tally(0, 0, 0, 3, 3, 9);
	tap_is_int(survey_rate_compute(&t, D(2026, 13, 1), &r), -1, "an invalid today");
	tap_is_int(survey_rate_compute(NULL, today, &r), -1, "NULL tally");
	tap_is_int(survey_rate_compute(&t, today, NULL), -1, "NULL out");
}

static void test_sentences(void)
{
	char buf[SURVEY_SENTENCE_FR_BUF], small[20];
	struct survey_rate r;
	struct survey_tally t;

	tap_ok(survey_period_fr(D(2025, 12, 1), D(2026, 11, 30), buf, sizeof(buf)) == 0 &&
			strcmp(buf, "décembre 2025 \xe2\x80\x93 novembre 2026") == 0, "period across years, an en dash");
	survey_period_fr(D(2026, 1, 1), D(2026, 12, 31), buf, sizeof(buf));
	tap_is_str(buf, "janvier – décembre 2026", "period within a year");
	survey_period_fr(D(2026, 3, 1), D(2026, 3, 31), buf, sizeof(buf));
	tap_is_str(buf, "mars 2026", "a single month");
	tap_is_int(survey_period_fr(D(2026, 3, 2), D(2026, 3, 1), buf, sizeof(buf)), -1, "last before first");
	tap_is_str(buf, "", "  buf emptied");
	tap_is_int(survey_period_fr(D(2026, 2, 29), D(2026, 3, 1), buf, sizeof(buf)), -1, "an invalid date");
	tap_is_int(survey_period_fr(D(2025, 12, 1), D(2026, 11, 30), small, sizeof(small)), -1, "too small a buffer");
	tap_is_str(small, "", "  emptied");
	survey_period_fr(D(2026, 9, 1), D(2027, 9, 30), buf, sizeof(buf));
	tap_ok(strlen(buf) < SURVEY_PERIOD_FR_BUF, "the longest period fits its buffer");

	/* the fiche's sentence, byte for byte (its 92 % and 46 respondents
	 * cannot come together: 42/46 is 91 %, 43/46 93 %). */
	r = (struct survey_rate){ .published = 1, .percent = 92, .satisfied = 42, .respondents = 46,
		.participants = 52, .period_first = D(2025, 12, 1), .period_last = D(2026, 11, 30),
		.computed_on = D(2026, 11, 30) };
	tap_is_int(survey_rate_sentence_fr(&r, buf, sizeof(buf)), 0, "the fiche's sentence");
	tap_is_str(buf, "92 % de participants satisfaits (46 réponses sur 52 participants, "
			"décembre 2025 – novembre 2026)", "  as the fiche writes it");

	const struct { struct survey_tally t; struct civil_date today; const char *want, *name; } cases[] = {
		{ tally(1, 0, 2, 20, 23, 52), D(2026, 11, 15), "93 % de participants satisfaits (46 réponses "
			"sur 52 participants, décembre 2025 – novembre 2026)", "computed: 43 of 46" },
		{ tally(0, 0, 146, 400, 500, 1200), D(2026, 12, 3), "86 % de participants satisfaits (1 046 "
			"réponses sur 1 200 participants, janvier – décembre 2026)", "counts grouped by three" },
		{ tally(0, 0, 1, 1, 1, 12), D(2026, 11, 15), "Taux de satisfaction publié à partir de 5 réponses "
			"(3 réponses à ce jour sur 12 participants, décembre 2025 – novembre 2026)",
			"fewer than 5 respondents" },
		{ tally(0, 0, 0, 0, 1, 1), D(2026, 11, 15), "Taux de satisfaction publié à partir de 5 réponses "
			"(1 réponse à ce jour sur 1 participant, décembre 2025 – novembre 2026)",
			"one respondent, one participant: singular" },
		{ tally(0, 0, 0, 0, 0, 8), D(2026, 11, 15), "Taux de satisfaction publié à partir de 5 réponses "
			"(aucune réponse à ce jour sur 8 participants, décembre 2025 – novembre 2026)",
			"no respondent" },
		{ tally(0, 0, 0, 0, 0, 0), D(2026, 11, 15), "Taux de satisfaction publié à partir de 5 réponses "
			"(aucun participant, décembre 2025 – novembre 2026)", "no participant" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = survey_rate_compute(&cases[i].t, cases[i].today, &r);
		if (rc == 0)
			rc = survey_rate_sentence_fr(&r, buf, sizeof(buf));
		tap_ok(rc == 0, "%s: computed and written", cases[i].name);
		tap_is_str(buf, cases[i].want, "  %s", cases[i].name);
	}

	/* The longest sentence fits. */
	int64_t huge = INT64_MAX / 400 - 1;
	t = tally(huge, 0, 0, 0, 0, INT64_MAX);
	tap_is_int(survey_rate_compute(&t, D(2026, 9, 15), &r), 0, "a huge tally");
	r.published = 0;
	tap_is_int(survey_rate_sentence_fr(&r, buf, sizeof(buf)), 0, "  its longest sentence fits the buffer");
	r.published = 1;
	tap_is_int(survey_rate_sentence_fr(&r, buf, sizeof(buf)), 0, "  published too");

	tap_is_int(survey_rate_sentence_fr(&r, small, sizeof(small)), -1, "too small a buffer");
	tap_is_str(small, "", "  emptied");
	r.period_first = D(2026, 2, 30);
	tap_is_int(survey_rate_sentence_fr(&r, buf, sizeof(buf)), -1, "an invalid period");
	tap_is_int(survey_rate_sentence_fr(NULL, buf, sizeof(buf)), -1, "NULL rate");
}

/* `remind` run every morning and every evening for 45 days: the steps
 * come on their Paris day and once each, across the change to winter time
 * (25 October 2026), and nothing is mailed after an answer. */
static void run_days(struct civil_date j_last, int answer_on, int want[5], const char *what)
{
	struct survey_session_facts f = { .last_half_day_start = paris(j_last.year, j_last.month,
		j_last.day, 13, 30), .last_half_day_end = paris(j_last.year, j_last.month, j_last.day, 17, 0) };
	struct survey_schedule sc;
	struct survey_progress p = { 0 };
	int got[5] = { 0 }, day_of[5] = { -1, -1, -1, -1, -1 };
	survey_schedule_of(SURVEY_CHAUD, &f, &sc);
	for (int d = 0; d < 45; d++)
		for (int h = 8; h <= 20; h += 12) {
			struct civil_date day = cal_add_days(j_last, d);
			int64_t now = paris(day.year, day.month, day.day, h, 0);
			if (d == answer_on && h == 20)
				p.answered = 1;
			enum survey_due due = survey_due_now(&sc, &p, now);
			if (due != SURVEY_DUE_NONE) {
				got[due]++;
				day_of[due] = d;
				survey_progress_apply(&p, due, cal_paris_local_date(now));
			}
		}
	char label[160];
	static const int expected_day[5] = { -1, 0, 3, 7, 30 };
	for (int k = 1; k < 5; k++) {
		snprintf(label, sizeof(label), "%s: %s %d time(s)", what, survey_due_name((enum survey_due)k), want[k]);
		tap_is_int(got[k], want[k], "%s", label);
		if (want[k]) {
			snprintf(label, sizeof(label), "%s:   on J+%d", what, expected_day[k]);
			tap_is_int(day_of[k], expected_day[k], "%s", label);
		}
	}
}

static void test_every_day(void)
{
	run_days(D(2026, 10, 20), 99, (int[5]){ 0, 1, 1, 1, 1 }, "never answered, across the change of time");
	run_days(D(2026, 10, 20), 5, (int[5]){ 0, 1, 1, 0, 1 }, "answered on J+5: no second reminder");
	run_days(D(2026, 10, 20), 0, (int[5]){ 0, 0, 0, 0, 1 }, "answered in the room: no mail at all");
	run_days(D(2027, 3, 25), 99, (int[5]){ 0, 1, 1, 1, 1 }, "never answered, across the change to summer time");
}

static void test_versions(void)
{
	tap_is_int(survey_edit_plan(0, 0), SURVEY_EDIT_IN_PLACE, "no answer: the edit changes the version in place");
	tap_is_int(survey_edit_plan(1, 0), SURVEY_EDIT_NEW_VERSION, "one answer set: a new version");
	tap_is_int(survey_edit_plan(200000, 0), SURVEY_EDIT_NEW_VERSION, "many: a new version");
	tap_is_int(survey_edit_plan(3, 1), SURVEY_EDIT_REFUSED, "a question with answers left out: refused");
	tap_is_int(survey_edit_plan(0, 2), SURVEY_EDIT_REFUSED,
		"  also when only an older version has its answers");
	tap_is_int(survey_edit_plan(-1, -1), SURVEY_EDIT_IN_PLACE, "negative counts are none");
	char buf[SURVEY_MESSAGE_BUF * 4];
	const char *m = survey_edit_refusal_fr("« Le rythme » (12 réponses)", buf, sizeof(buf));
	tap_ok(strstr(m, "La question « Le rythme » (12 réponses) a déjà des réponses") != NULL,
		"the refusal names the question");
	tap_ok(strstr(m, "reformuler ou la rendre facultative") != NULL, "  and says what to do instead");
	char tiny[8];
	tap_ok(strstr(survey_edit_refusal_fr("x", tiny, sizeof(tiny)), "déjà des réponses") != NULL,
		"  a constant when the buffer is too small");
	tap_ok(survey_model_check(SURVEY_CHAUD, 10, 1) == NULL, "a chaud model with one global question");
	tap_ok(survey_model_check(SURVEY_CHAUD, 10, 0) != NULL, "  none: refused");
	tap_ok(survey_model_check(SURVEY_CHAUD, 10, 2) != NULL, "  two: refused");
	tap_ok(survey_model_check(SURVEY_FROID, 4, 0) == NULL, "a froid model without");
	tap_ok(survey_model_check(SURVEY_AMONT, 4, 1) != NULL, "  with one: refused");
	tap_ok(survey_model_check(SURVEY_FROID_MANAGER, 0, 0) != NULL, "no question: refused");
	tap_ok(survey_model_check(SURVEY_FROID, SURVEY_QUESTIONS_MAX + 1, 0) != NULL, "too many: refused");
	tap_ok(survey_model_check((enum survey_kind)9, 3, 0) != NULL, "an unknown kind: refused");
}

int main(void)
{
	test_kinds();
	test_question_types();
	test_answers();
	test_schedule_of();
	test_dates();
	test_due();
	test_answerable();
	test_window();
	test_rate();
	test_sentences();
	test_every_day();
	test_versions();
	return tap_done();
}
