/* The response commitment on paper dates: every French public holiday,
 * Easter over several years, month ends and leap years, pauses, weekend and
 * chained pushes, closure days, the Europe/Paris date around midnight and
 * both summer-time switches, strict parsing and French long dates.
 * Every expected value was computed independently (Python's datetime,
 * dateutil.easter and zoneinfo Europe/Paris), not by running this code. */
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "rules/calendar_fr.h"
#include "rules/due_date.h"

/* A date of the tables; the parser is checked on its own below. */
static struct civil_date D(const char *s)
{
	struct civil_date d = { 0, 0, 0 };
	if (cal_parse_date(s, &d) != 0)
		printf("# bad date in the test table: %s\n", s);
	return d;
}

static const char *fmt(struct civil_date d, char buf[CAL_DATE_BUF])
{
	if (cal_format_date(d, buf, CAL_DATE_BUF) != 0)
		return "(invalid)";
	return buf;
}

/* ---------------------------------------------------------------- */

struct due_case {
	const char *why;
	const char *received;
	enum regime regime;
	int paused;
	const char *closures[4];
	const char *due;      /* YYYY-MM-DD */
	const char *due_long; /* as shown to the requester */
};

static const struct due_case due_cases[] = {
	{ "brief example: Saturday 31 Jan + 15 = Sunday -> Monday", "2026-01-31", REGIME_15J, 0, { NULL },
		"2026-02-16", "lundi 16 février 2026" },
	{ "plain weekday, received day not counted", "2026-05-04", REGIME_15J, 0, { NULL },
		"2026-05-19", "mardi 19 mai 2026" },
	{ "lands on Saturday -> Monday", "2026-05-01", REGIME_15J, 0, { NULL },
		"2026-05-18", "lundi 18 mai 2026" },
	{ "1 May (Friday) then weekend -> Monday 4 May", "2026-04-16", REGIME_15J, 0, { NULL },
		"2026-05-04", "lundi 4 mai 2026" },
	{ "8 May (Friday) then weekend -> Monday 11 May", "2026-04-23", REGIME_15J, 0, { NULL },
		"2026-05-11", "lundi 11 mai 2026" },
	{ "Ascension 2026 (Thursday 14 May) -> Friday", "2026-04-29", REGIME_15J, 0, { NULL },
		"2026-05-15", "vendredi 15 mai 2026" },
	{ "Whit Monday 2026 (25 May) -> Tuesday", "2026-05-10", REGIME_15J, 0, { NULL },
		"2026-05-26", "mardi 26 mai 2026" },
	{ "Easter Monday 2026 (6 April) -> Tuesday", "2026-03-22", REGIME_15J, 0, { NULL },
		"2026-04-07", "mardi 7 avril 2026" },
	{ "14 July (Tuesday) -> Wednesday", "2026-06-29", REGIME_15J, 0, { NULL },
		"2026-07-15", "mercredi 15 juillet 2026" },
	{ "15 August (Saturday) -> Monday", "2026-07-31", REGIME_15J, 0, { NULL },
		"2026-08-17", "lundi 17 août 2026" },
	{ "1 November (Sunday) -> Monday", "2026-10-17", REGIME_15J, 0, { NULL },
		"2026-11-02", "lundi 2 novembre 2026" },
	{ "11 November (Wednesday) -> Thursday", "2026-10-27", REGIME_15J, 0, { NULL },
		"2026-11-12", "jeudi 12 novembre 2026" },
	{ "25 December (Friday) then weekend -> Monday", "2026-12-10", REGIME_15J, 0, { NULL },
		"2026-12-28", "lundi 28 décembre 2026" },
	{ "1 January 2027 (Friday), across the year -> Monday", "2026-12-17", REGIME_15J, 0, { NULL },
		"2027-01-04", "lundi 4 janvier 2027" },
	{ "Easter Monday 2025 (21 April) -> Tuesday", "2025-04-06", REGIME_15J, 0, { NULL },
		"2025-04-22", "mardi 22 avril 2025" },
	{ "Ascension 2025 (29 May) -> Friday", "2025-05-14", REGIME_15J, 0, { NULL },
		"2025-05-30", "vendredi 30 mai 2025" },
	{ "Ascension 2038 (3 June) -> Friday", "2038-05-19", REGIME_15J, 0, { NULL },
		"2038-06-04", "vendredi 4 juin 2038" },
	{ "Whit Monday 2038 (14 June) -> Tuesday", "2038-05-30", REGIME_15J, 0, { NULL },
		"2038-06-15", "mardi 15 juin 2038" },
	{ "15j onto a leap day", "2028-02-14", REGIME_15J, 0, { NULL },
		"2028-02-29", "mardi 29 février 2028" },
	{ "1mois: 31 Jan -> 28 Feb (Saturday) -> Monday 2 March", "2026-01-31", REGIME_1MOIS, 0, { NULL },
		"2026-03-02", "lundi 2 mars 2026" },
	{ "1mois: 31 Jan 2028 -> 29 Feb (leap year)", "2028-01-31", REGIME_1MOIS, 0, { NULL },
		"2028-02-29", "mardi 29 février 2028" },
	{ "1mois: 31 Jan 2100 -> 28 Feb (2100 not leap, Sunday) -> 1 March", "2100-01-31", REGIME_1MOIS, 0, { NULL },
		"2100-03-01", "lundi 1er mars 2100" },
	{ "1mois: 31 March -> 30 April", "2026-03-31", REGIME_1MOIS, 0, { NULL },
		"2026-04-30", "jeudi 30 avril 2026" },
	{ "1mois: 31 Dec -> 31 Jan (Sunday) -> 1 Feb", "2026-12-31", REGIME_1MOIS, 0, { NULL },
		"2027-02-01", "lundi 1er février 2027" },
	{ "1mois: same day next month, Saturday -> Monday", "2026-05-20", REGIME_1MOIS, 0, { NULL },
		"2026-06-22", "lundi 22 juin 2026" },
	{ "1mois onto Ascension 2027 (6 May) -> Friday", "2027-04-06", REGIME_1MOIS, 0, { NULL },
		"2027-05-07", "vendredi 7 mai 2027" },
	{ "1mois onto Ascension 2024 (9 May) -> Friday", "2024-04-09", REGIME_1MOIS, 0, { NULL },
		"2024-05-10", "vendredi 10 mai 2024" },
	{ "pause of 3 days on a working date", "2026-05-04", REGIME_15J, 3, { NULL },
		"2026-05-22", "vendredi 22 mai 2026" },
	{ "pause moves the pushed due date (Monday 16 Feb + 1)", "2026-01-31", REGIME_15J, 1, { NULL },
		"2026-02-17", "mardi 17 février 2026" },
	{ "pause onto Saturday, then Sunday and Whit Monday -> Tuesday", "2026-05-04", REGIME_15J, 4, { NULL },
		"2026-05-26", "mardi 26 mai 2026" },
	{ "1mois with a 10-day pause", "2026-03-31", REGIME_1MOIS, 10, { NULL },
		"2026-05-11", "lundi 11 mai 2026" },
	{ "longest pause accepted (3660 days)", "2026-05-04", REGIME_15J, 3660, { NULL },
		"2036-05-26", "lundi 26 mai 2036" },
	{ "closure day on the due date", "2026-05-04", REGIME_15J, 0, { "2026-05-19" },
		"2026-05-20", "mercredi 20 mai 2026" },
	{ "two closure days in a row", "2026-05-04", REGIME_15J, 0, { "2026-05-20", "2026-05-19" },
		"2026-05-21", "jeudi 21 mai 2026" },
	{ "closure Friday, weekend, Whit Monday -> Tuesday", "2026-05-07", REGIME_15J, 0, { "2026-05-22" },
		"2026-05-26", "mardi 26 mai 2026" },
	{ "a closure day elsewhere changes nothing", "2026-05-04", REGIME_15J, 0, { "2026-06-19" },
		"2026-05-19", "mardi 19 mai 2026" },
	{ "Christmas, weekend, closures 28-31 Dec, New Year, weekend", "2026-12-10", REGIME_15J, 0,
		{ "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31" },
		"2027-01-04", "lundi 4 janvier 2027" },
	{ "closure day hit after a pause", "2026-05-04", REGIME_15J, 2, { "2026-05-21" },
		"2026-05-22", "vendredi 22 mai 2026" },
};

static void test_due_dates(void)
{
	for (size_t i = 0; i < sizeof due_cases / sizeof due_cases[0]; i++) {
		const struct due_case *c = &due_cases[i];
		struct civil_date closures[4];
		size_t n = 0;
		while (n < 4 && c->closures[n] != NULL) {
			closures[n] = D(c->closures[n]);
			n++;
		}
		struct civil_date due = { 0, 0, 0 };
		char buf[CAL_DATE_BUF], lbuf[CAL_LONG_FR_BUF];
		const int rc = due_date_compute(D(c->received), c->regime, c->paused,
			n ? closures : NULL, n, &due);
		tap_is_str(rc == 0 ? fmt(due, buf) : "(error)", c->due, "due: %s", c->why);
		tap_is_str(cal_format_long_fr(due, lbuf, sizeof lbuf) == 0 ? lbuf : "(error)",
			c->due_long, "due, in French: %s", c->why);
	}
}

static void test_due_errors(void)
{
	const struct civil_date ok = { 2026, 5, 4 }, closure = { 2026, 5, 19 };
	struct civil_date out = { 1, 2, 3 };
	tap_is_int(due_date_compute(ok, REGIME_15J, -1, NULL, 0, &out), -1, "a negative pause is refused");
	tap_is_int(due_date_compute(ok, REGIME_15J, 3661, NULL, 0, &out), -1, "a pause above 3660 days is refused");
	tap_ok(out.year == 1 && out.month == 2 && out.day == 3, "out untouched on error");
	tap_is_int(due_date_compute((struct civil_date){ 2026, 2, 30 }, REGIME_15J, 0, NULL, 0, &out), -1,
		"an impossible received date is refused");
	tap_is_int(due_date_compute((struct civil_date){ 1899, 12, 31 }, REGIME_15J, 0, NULL, 0, &out), -1,
		"a received date before 1900 is refused");
	tap_is_int(due_date_compute(ok, (enum regime)7, 0, NULL, 0, &out), -1, "an unknown régime is refused");
	tap_is_int(due_date_compute(ok, REGIME_15J, 0, NULL, 1, &out), -1, "closures NULL with a count is refused");
	tap_is_int(due_date_compute(ok, REGIME_15J, 0, &closure, 1, NULL), -1, "a missing out is refused");
	tap_is_int(due_date_compute(ok, REGIME_15J, 0, NULL, 0, &out), 0, "pause 0 and no closures is fine");
}

static void test_regime_names(void)
{
	enum regime r = REGIME_1MOIS;
	tap_ok(due_regime_parse("15j", &r) == 0 && r == REGIME_15J, "\"15j\" parses");
	tap_ok(due_regime_parse("1mois", &r) == 0 && r == REGIME_1MOIS, "\"1mois\" parses");
	tap_is_int(due_regime_parse("15J", &r), -1, "régime names are case-sensitive");
	tap_is_int(due_regime_parse("1 mois", &r), -1, "\"1 mois\" is not a stored name");
	tap_is_int(due_regime_parse("", &r), -1, "empty régime refused");
	tap_is_int(due_regime_parse(NULL, &r), -1, "NULL régime refused");
	tap_is_str(due_regime_name(REGIME_15J), "15j", "stored name of 15j");
	tap_is_str(due_regime_name(REGIME_1MOIS), "1mois", "stored name of 1mois");
	tap_is_str(due_regime_label_fr(REGIME_1MOIS), "1 mois", "French label of 1mois");
	tap_ok(due_regime_name((enum regime)9) == NULL, "no name out of the enum");
}

/* ---------------------------------------------------------------- */

struct warning_case {
	enum regime regime;
	int days_left;
	enum due_warning want;
	int sent, manager;
};

static const struct warning_case warning_cases[] = {
	{ REGIME_15J, 30, DUE_WARNING_NONE, 0, 0 },
	{ REGIME_15J, 6, DUE_WARNING_NONE, 0, 0 },
	{ REGIME_15J, 5, DUE_WARNING_SOON, 1, 0 },
	{ REGIME_15J, 4, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_15J, 3, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_15J, 2, DUE_WARNING_SOON_MANAGER, 1, 1 },
	{ REGIME_15J, 1, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_15J, 0, DUE_WARNING_TODAY, 1, 1 },
	{ REGIME_15J, -1, DUE_WARNING_LATE, 1, 1 },
	{ REGIME_15J, -40, DUE_WARNING_LATE, 1, 1 },
	{ REGIME_1MOIS, 11, DUE_WARNING_NONE, 0, 0 },
	{ REGIME_1MOIS, 10, DUE_WARNING_SOON, 1, 0 },
	{ REGIME_1MOIS, 9, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_1MOIS, 5, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_1MOIS, 4, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_1MOIS, 3, DUE_WARNING_SOON_MANAGER, 1, 1 },
	{ REGIME_1MOIS, 2, DUE_WARNING_APPROACHING, 0, 0 },
	{ REGIME_1MOIS, 0, DUE_WARNING_TODAY, 1, 1 },
	{ REGIME_1MOIS, -3, DUE_WARNING_LATE, 1, 1 },
	{ (enum regime)5, -3, DUE_WARNING_NONE, 0, 0 },
};

static void test_warnings(void)
{
	for (size_t i = 0; i < sizeof warning_cases / sizeof warning_cases[0]; i++) {
		const struct warning_case *c = &warning_cases[i];
		const enum due_warning w = due_date_warning(c->regime, c->days_left);
		const char *rn = due_regime_name(c->regime);
		tap_is_str(due_warning_name(w), due_warning_name(c->want), "%s at D%+d: %s",
			rn ? rn : "unknown", -c->days_left, due_warning_name(c->want));
		tap_ok(due_warning_is_sent(w) == c->sent && due_warning_to_manager(w) == c->manager,
			"%s at D%+d: sent %d, to the manager %d", rn ? rn : "unknown", -c->days_left,
			c->sent, c->manager);
	}
}

static void test_days_left(void)
{
	tap_is_int(due_date_days_left(D("2026-05-20"), D("2026-05-25")), 5, "days left: 5");
	tap_is_int(due_date_days_left(D("2026-05-25"), D("2026-05-25")), 0, "days left: 0 on the due day");
	tap_is_int(due_date_days_left(D("2026-05-25"), D("2026-05-20")), -5, "days left: negative when late");
	tap_is_int(due_date_days_left(D("2026-12-30"), D("2027-01-02")), 3, "days left across New Year");
	tap_is_int(due_date_days_left(D("2028-02-28"), D("2028-03-01")), 2, "days left across a leap day");
	tap_is_int(due_date_days_left(D("2100-02-28"), D("2100-03-01")), 1, "days left in 2100 (no leap day)");
}

/* ---------------------------------------------------------------- */

struct easter_case {
	int year;
	const char *sunday;
};

static const struct easter_case easter_cases[] = {
	{ 1818, "1818-03-22" }, /* the earliest possible */
	{ 1943, "1943-04-25" }, /* the latest possible */
	{ 2000, "2000-04-23" }, { 2019, "2019-04-21" }, { 2024, "2024-03-31" },
	{ 2025, "2025-04-20" }, { 2026, "2026-04-05" }, { 2027, "2027-03-28" },
	{ 2038, "2038-04-25" }, { 2100, "2100-03-28" }, { 2200, "2200-04-06" },
};

static void test_easter(void)
{
	char buf[CAL_DATE_BUF];
	for (size_t i = 0; i < sizeof easter_cases / sizeof easter_cases[0]; i++)
		tap_is_str(fmt(cal_easter_sunday(easter_cases[i].year), buf), easter_cases[i].sunday,
			"Easter %d", easter_cases[i].year);
}

struct holiday_case {
	const char *date, *why;
	int holiday;
};

static const struct holiday_case holiday_cases[] = {
	{ "2026-01-01", "Jour de l'an", 1 },
	{ "2026-04-06", "lundi de Pâques 2026", 1 },
	{ "2026-05-01", "fête du Travail", 1 },
	{ "2026-05-08", "Victoire 1945", 1 },
	{ "2026-05-14", "Ascension 2026", 1 },
	{ "2026-05-25", "lundi de Pentecôte 2026", 1 },
	{ "2026-07-14", "fête nationale", 1 },
	{ "2026-08-15", "Assomption", 1 },
	{ "2026-11-01", "Toussaint", 1 },
	{ "2026-11-11", "Armistice", 1 },
	{ "2026-12-25", "Noël", 1 },
	{ "2024-04-01", "lundi de Pâques 2024", 1 },
	{ "2024-05-09", "Ascension 2024", 1 },
	{ "2024-05-20", "lundi de Pentecôte 2024", 1 },
	{ "2025-04-21", "lundi de Pâques 2025", 1 },
	{ "2027-03-29", "lundi de Pâques 2027 (in March)", 1 },
	{ "2038-04-26", "lundi de Pâques 2038", 1 },
	{ "2038-06-03", "Ascension 2038", 1 },
	{ "2038-06-14", "lundi de Pentecôte 2038", 1 },
	{ "2026-04-05", "Easter Sunday is not in the list", 0 },
	{ "2026-05-24", "Whit Sunday is not in the list", 0 },
	{ "2026-04-03", "Good Friday is not a holiday (outside Alsace-Moselle)", 0 },
	{ "2026-12-26", "26 December is not a holiday (outside Alsace-Moselle)", 0 },
	{ "2026-05-02", "an ordinary Saturday", 0 },
	{ "2026-05-13", "the day before Ascension", 0 },
};

static void test_holidays(void)
{
	for (size_t i = 0; i < sizeof holiday_cases / sizeof holiday_cases[0]; i++) {
		const struct holiday_case *c = &holiday_cases[i];
		tap_is_int(cal_is_french_public_holiday(D(c->date)), c->holiday, "%s %s", c->date, c->why);
	}
	tap_is_int(cal_is_french_public_holiday((struct civil_date){ 2026, 2, 30 }), 0,
		"an invalid date is no holiday");
	static const struct { const char *date, *name; } names[] = {
		{ "2026-01-01", "Jour de l'an" }, { "2026-04-06", "Lundi de Pâques" },
		{ "2026-05-14", "Ascension" }, { "2026-05-25", "Lundi de Pentecôte" },
		{ "2026-07-14", "Fête nationale" }, { "2026-12-25", "Noël" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *got = cal_french_public_holiday_name(D(names[i].date));
		tap_is_str(got ? got : "(none)", names[i].name, "%s is named %s", names[i].date, names[i].name);
	}
	tap_ok(cal_french_public_holiday_name(D("2026-04-07")) == NULL, "a working day has no holiday name");
}

/* ---------------------------------------------------------------- */

static void test_day_arithmetic(void)
{
	char buf[CAL_DATE_BUF];
	tap_is_int(cal_days_from_civil(D("1970-01-01")), 0, "day 0 is 1970-01-01");
	tap_is_int(cal_days_from_civil((struct civil_date){ 1969, 12, 31 }), -1, "1969-12-31 is day -1");
	tap_is_int(cal_days_from_civil(D("2000-02-29")), 11016, "2000-02-29 is day 11016");
	tap_is_int(cal_days_from_civil(D("2000-03-01")), 11017, "2000-03-01 is day 11017");
	tap_is_int(cal_days_from_civil(D("2026-05-20")), 20593, "2026-05-20 is day 20593");
	tap_is_int(cal_days_from_civil((struct civil_date){ 1, 1, 1 }), -719162, "0001-01-01 is day -719162");
	tap_is_int(cal_days_from_civil((struct civil_date){ 9999, 12, 31 }), 2932896, "9999-12-31 is day 2932896");
	tap_is_str(fmt(cal_civil_from_days(-25567), buf), "1900-01-01", "day -25567 is 1900-01-01");
	tap_is_str(fmt(cal_civil_from_days(84370), buf), "2200-12-31", "day 84370 is 2200-12-31");

	/* Every day from 1900 to 2200: the conversion round-trips and each
	 * day follows the previous one by the calendar's own rules. */
	int bad = 0;
	struct civil_date prev = { 1899, 12, 31 };
	for (int64_t n = -25567; n <= 84370; n++) {
		const struct civil_date d = cal_civil_from_days(n);
		const int next_ok = (d.year == prev.year && d.month == prev.month && d.day == prev.day + 1) ||
			(d.year == prev.year && d.month == prev.month + 1 && d.day == 1 &&
				prev.day == cal_days_in_month(prev.year, prev.month)) ||
			(d.year == prev.year + 1 && d.month == 1 && d.day == 1 && prev.month == 12 && prev.day == 31);
		if (!next_ok || cal_days_from_civil(d) != n || !cal_date_is_valid(d) ||
				cal_day_of_week(d) != (int)(((n + 3) % 7 + 7) % 7))
			bad++;
		prev = d;
	}
	tap_is_int(bad, 0, "days 1900..2200 round-trip and follow each other");

	tap_is_int(cal_day_of_week(D("1970-01-01")), CAL_THURSDAY, "1970-01-01 was a Thursday");
	tap_is_int(cal_day_of_week(D("2026-05-20")), CAL_WEDNESDAY, "2026-05-20 is a Wednesday");
	tap_is_int(cal_day_of_week(D("1900-01-01")), CAL_MONDAY, "1900-01-01 was a Monday");
	tap_is_int(cal_day_of_week(D("2026-11-01")), CAL_SUNDAY, "2026-11-01 is a Sunday");
	tap_is_int(cal_day_of_week((struct civil_date){ 1, 1, 1 }), CAL_MONDAY, "0001-01-01 (proleptic) was a Monday");

	tap_is_int(cal_is_leap_year(2028), 1, "2028 is a leap year");
	tap_is_int(cal_is_leap_year(2100), 0, "2100 is not a leap year");
	tap_is_int(cal_is_leap_year(2000), 1, "2000 is a leap year");
	tap_is_int(cal_is_leap_year(2026), 0, "2026 is not a leap year");
	tap_is_int(cal_days_in_month(2028, 2), 29, "February 2028 has 29 days");
	tap_is_int(cal_days_in_month(2100, 2), 28, "February 2100 has 28 days");
	tap_is_int(cal_days_in_month(2026, 4), 30, "April has 30 days");
	tap_is_int(cal_days_in_month(2026, 13), 0, "month 13 has no days");

	tap_is_str(fmt(cal_add_days(D("2026-12-31"), 1), buf), "2027-01-01", "add 1 day across the year");
	tap_is_str(fmt(cal_add_days(D("2028-02-28"), 1), buf), "2028-02-29", "add 1 day onto a leap day");
	tap_is_str(fmt(cal_add_days(D("2026-03-01"), -1), buf), "2026-02-28", "subtract 1 day");
	tap_is_str(fmt(cal_add_month_clamped(D("2026-01-31")), buf), "2026-02-28", "31 Jan + 1 month = 28 Feb");
	tap_is_str(fmt(cal_add_month_clamped(D("2028-01-31")), buf), "2028-02-29", "31 Jan 2028 + 1 month = 29 Feb");
	tap_is_str(fmt(cal_add_month_clamped(D("2026-03-31")), buf), "2026-04-30", "31 Mar + 1 month = 30 Apr");
	tap_is_str(fmt(cal_add_month_clamped(D("2026-08-31")), buf), "2026-09-30", "31 Aug + 1 month = 30 Sep");
	tap_is_str(fmt(cal_add_month_clamped(D("2026-12-31")), buf), "2027-01-31", "31 Dec + 1 month = 31 Jan");
	tap_is_str(fmt(cal_add_month_clamped(D("2026-05-20")), buf), "2026-06-20", "20 May + 1 month = 20 Jun");
	tap_ok(cal_date_compare(D("2026-05-20"), D("2026-05-21")) < 0 &&
		cal_date_compare(D("2027-01-01"), D("2026-12-31")) > 0 &&
		cal_date_compare(D("2026-05-20"), D("2026-05-20")) == 0, "dates compare in calendar order");
}

/* ---------------------------------------------------------------- */

static void test_parse(void)
{
	static const char *const valid[] = {
		"2026-05-20", "2028-02-29", "2000-02-29", "1900-01-01", "2200-12-31",
	};
	static const char *const invalid[] = {
		"2026-02-30", "2027-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
		"2026-01-00", "2026-01-32", "2026-1-01", "2026-01-1", "2026-01-011", "2026-01-01 ",
		" 2026-01-01", "2026/01/01", "20260101", "2026-0a-01", "+026-01-01", "2026-+1-01",
		"1899-12-31", "2201-01-01", "", "2026-01-01T00:00", "２026-01-01",
	};
	char buf[CAL_DATE_BUF];
	for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
		struct civil_date d = { 0, 0, 0 };
		const int rc = cal_parse_date(valid[i], &d);
		tap_ok(rc == 0 && strcmp(fmt(d, buf), valid[i]) == 0, "parse accepts %s", valid[i]);
	}
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
		struct civil_date d = { 7, 7, 7 };
		const int rc = cal_parse_date(invalid[i], &d);
		tap_ok(rc == -1 && d.year == 7 && d.month == 7 && d.day == 7,
			"parse refuses '%s' and leaves out alone", invalid[i]);
	}
	struct civil_date d;
	tap_is_int(cal_parse_date(NULL, &d), -1, "parse refuses NULL");
}

static void test_format(void)
{
	char buf[CAL_DATE_BUF], lbuf[CAL_LONG_FR_BUF], small[10];
	tap_is_str(cal_format_date(D("2026-05-20"), buf, sizeof buf) == 0 ? buf : "(error)", "2026-05-20",
		"ISO date");
	tap_is_str(cal_format_date((struct civil_date){ 5, 1, 2 }, buf, sizeof buf) == 0 ? buf : "(error)",
		"0005-01-02", "ISO date pads the year");
	tap_ok(cal_format_date(D("2026-05-20"), small, sizeof small) == -1 && small[0] == '\0',
		"ISO date: a short buffer is an error and left empty");
	tap_ok(cal_format_date((struct civil_date){ 2026, 2, 30 }, buf, sizeof buf) == -1 && buf[0] == '\0',
		"ISO date: an invalid date is an error");
	tap_ok(cal_format_date((struct civil_date){ 10000, 1, 1 }, buf, sizeof buf) == -1,
		"ISO date: a 5-digit year is an error");

	static const struct { const char *date, *want; } longs[] = {
		{ "2026-05-20", "mercredi 20 mai 2026" },
		{ "2026-01-01", "jeudi 1er janvier 2026" },
		{ "2026-02-16", "lundi 16 février 2026" },
		{ "2026-08-15", "samedi 15 août 2026" },
		{ "2026-12-25", "vendredi 25 décembre 2026" },
		{ "2026-11-01", "dimanche 1er novembre 2026" },
		{ "2026-09-30", "mercredi 30 septembre 2026" },
		{ "2028-02-29", "mardi 29 février 2028" },
	};
	for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++)
		tap_is_str(cal_format_long_fr(D(longs[i].date), lbuf, sizeof lbuf) == 0 ? lbuf : "(error)",
			longs[i].want, "French long date of %s", longs[i].date);
	char tight[sizeof "mercredi 30 septembre 2026"];
	tap_ok(cal_format_long_fr(D("2026-09-30"), tight, sizeof tight) == 0,
		"the longest 2026 date fits its exact size");
	tap_ok(cal_format_long_fr(D("2026-09-30"), tight, sizeof tight - 1) == -1 && tight[0] == '\0',
		"French long date: a short buffer is an error and left empty");
	tap_is_str(cal_month_name_fr(8), "août", "month name 8");
	tap_is_str(cal_weekday_name_fr(CAL_SUNDAY), "dimanche", "weekday name 6");
	tap_ok(cal_month_name_fr(0) == NULL && cal_month_name_fr(13) == NULL &&
		cal_weekday_name_fr(7) == NULL && cal_weekday_name_fr(-1) == NULL, "no name out of range");
}

/* ---------------------------------------------------------------- */

struct paris_case {
	const char *utc;  /* for the reader */
	int64_t unix_seconds;
	const char *local_date;
	int offset;
};

static const struct paris_case paris_cases[] = {
	{ "2026-05-20T21:59:59Z (23:59:59 CEST)", 1779314399, "2026-05-20", 7200 },
	{ "2026-05-20T22:00:00Z (00:00 CEST)", 1779314400, "2026-05-21", 7200 },
	{ "2026-01-15T22:59:59Z (23:59:59 CET)", 1768517999, "2026-01-15", 3600 },
	{ "2026-01-15T23:00:00Z (00:00 CET)", 1768518000, "2026-01-16", 3600 },
	{ "2026-03-28T23:30:00Z (00:30 CET, the switch night)", 1774740600, "2026-03-29", 3600 },
	{ "2026-03-29T00:59:59Z (01:59:59 CET, last winter second)", 1774745999, "2026-03-29", 3600 },
	{ "2026-03-29T01:00:00Z (03:00 CEST, first summer second)", 1774746000, "2026-03-29", 7200 },
	{ "2026-03-29T21:59:59Z (23:59:59 CEST)", 1774821599, "2026-03-29", 7200 },
	{ "2026-03-29T22:00:00Z (00:00 CEST)", 1774821600, "2026-03-30", 7200 },
	{ "2026-10-24T21:59:59Z (23:59:59 CEST)", 1792879199, "2026-10-24", 7200 },
	{ "2026-10-24T22:00:00Z (00:00 CEST, the switch night)", 1792879200, "2026-10-25", 7200 },
	{ "2026-10-25T00:59:59Z (02:59:59 CEST, last summer second)", 1792889999, "2026-10-25", 7200 },
	{ "2026-10-25T01:00:00Z (02:00 CET, first winter second)", 1792890000, "2026-10-25", 3600 },
	{ "2026-10-25T22:59:59Z (23:59:59 CET)", 1792969199, "2026-10-25", 3600 },
	{ "2026-10-25T23:00:00Z (00:00 CET)", 1792969200, "2026-10-26", 3600 },
	{ "2026-12-31T22:59:59Z (23:59:59 CET)", 1798757999, "2026-12-31", 3600 },
	{ "2026-12-31T23:00:00Z (New Year in Paris)", 1798758000, "2027-01-01", 3600 },
	{ "1969-12-31T23:30:00Z (before the epoch)", -1800, "1970-01-01", 3600 },
	{ "2024-03-31T00:30:00Z (01:30 CET)", 1711845000, "2024-03-31", 3600 },
	{ "2024-03-31T01:00:00Z (03:00 CEST)", 1711846800, "2024-03-31", 7200 },
	{ "2027-10-31T00:59:59Z (02:59:59 CEST)", 1824944399, "2027-10-31", 7200 },
	{ "2027-10-31T01:00:00Z (02:00 CET)", 1824944400, "2027-10-31", 3600 },
};

static void test_paris(void)
{
	char buf[CAL_DATE_BUF];
	for (size_t i = 0; i < sizeof paris_cases / sizeof paris_cases[0]; i++) {
		const struct paris_case *c = &paris_cases[i];
		tap_is_str(fmt(cal_paris_local_date(c->unix_seconds), buf), c->local_date,
			"Paris date at %s", c->utc);
		tap_is_int(cal_paris_utc_offset(c->unix_seconds), c->offset, "Paris offset at %s", c->utc);
	}
	tap_is_str(fmt(cal_paris_local_date(INT64_MAX), buf), "9999-12-31", "huge instants clamp to 9999-12-31");
	tap_is_str(fmt(cal_paris_local_date(INT64_MIN), buf), "0001-01-01", "tiny instants clamp to 0001-01-01");
}

int main(void)
{
	test_due_dates();
	test_due_errors();
	test_regime_names();
	test_warnings();
	test_days_left();
	test_easter();
	test_holidays();
	test_day_arithmetic();
	test_parse();
	test_format();
	test_paris();
	return tap_done();
}
