/* Slot times on paper: strict times and their French display, Paris wall
 * clock to UTC and back on both changes of time in 2026 and 2027 (gap,
 * repeated hour, elapsed durations across them, every half hour of two
 * whole years), the typed-slot check and its French messages (missing
 * values, impossible dates, the range bounds, time changes, order and
 * length), parts of the day at their boundaries, ISO weeks around New
 * Year, month grids and French spans of a session's dates.
 * Every expected instant, weekday, ISO week and grid was computed
 * independently (Python's datetime, calendar and zoneinfo Europe/Paris,
 * fold=0 for the gap and the repeated hour), not by running this code. */
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "rules/calendar_fr.h"
#include "rules/slot_time.h"

#define N_OF(a) (sizeof (a) / sizeof (a)[0])

/* A date of the tables (calendar_fr's parser, tested on its own). */
static struct civil_date D(const char *s)
{
	struct civil_date d = { 0, 0, 0 };
	if (cal_parse_date(s, &d) != 0)
		printf("# bad date in the test table: %s\n", s);
	return d;
}

/* "YYYY-MM-DD HH:MM" in UTC as Unix seconds, without the module under
 * test: days from calendar_fr, then plain arithmetic. */
static int64_t U(const char *s)
{
	char day[CAL_DATE_BUF];
	memcpy(day, s, CAL_DATE_BUF - 1);
	day[CAL_DATE_BUF - 1] = '\0';
	const int h = (s[11] - '0') * 10 + (s[12] - '0');
	const int m = (s[14] - '0') * 10 + (s[15] - '0');
	return cal_days_from_civil(D(day)) * 86400 + h * 3600 + m * 60;
}

/* "HH:MM" of the tables as minutes. */
static int M(const char *s)
{
	return ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
}

static const char *fmt_date(struct civil_date d, char buf[CAL_DATE_BUF])
{
	return cal_format_date(d, buf, CAL_DATE_BUF) == 0 ? buf : "(invalid)";
}

/* An instant back as "YYYY-MM-DD HH:MM" UTC, for readable failures. */
static const char *fmt_utc(int64_t t, char buf[32])
{
	int64_t days = t / 86400, secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	char day[CAL_DATE_BUF];
	snprintf(buf, 32, "%s %02d:%02d", fmt_date(cal_civil_from_days(days), day),
		(int)(secs / 3600), (int)(secs % 3600 / 60));
	return buf;
}

static const char *local_name(enum slot_local s)
{
	switch (s) {
	case SLOT_LOCAL_OK: return "ok";
	case SLOT_LOCAL_GAP: return "gap";
	case SLOT_LOCAL_AMBIGUOUS: return "ambiguous";
	case SLOT_LOCAL_INVALID: return "invalid";
	}
	return "?";
}

/* ---------------------------------------------------------------- */

static void test_parse_time(void)
{
	static const struct { const char *s; int minutes; } valid[] = {
		{ "00:00", 0 }, { "09:00", 540 }, { "09:30", 570 }, { "12:00", 720 },
		{ "13:00", 780 }, { "14:05", 845 }, { "23:59", 1439 },
	};
	static const char *const invalid[] = {
		"", "9:30", "09:3", "0930", "09h30", "09:30:00", " 09:30", "09:30 ", "09-30",
		"24:00", "25:00", "09:60", "99:99", "-1:00", "+9:30", "09:+5", "0９:30", "09:",
	};
	for (size_t i = 0; i < N_OF(valid); i++) {
		int m = -7;
		const int rc = slot_parse_time(valid[i].s, &m);
		tap_ok(rc == 0 && m == valid[i].minutes, "time '%s' is %d minutes", valid[i].s, valid[i].minutes);
	}
	int bad = 0;
	for (size_t i = 0; i < N_OF(invalid); i++) {
		int m = -7;
		if (slot_parse_time(invalid[i], &m) != -1 || m != -7) {
			printf("# accepted or touched: '%s'\n", invalid[i]);
			bad++;
		}
	}
	tap_is_int(bad, 0, "%zu malformed or impossible times refused, minutes untouched", N_OF(invalid));
	int m;
	tap_ok(slot_parse_time(NULL, &m) == -1 && slot_parse_time("09:30", NULL) == -1,
		"time parse refuses NULL");
}

static void test_format_time(void)
{
	static const struct { int minutes; const char *fr, *hhmm; } cases[] = {
		{ 540, "9 h", "09:00" }, { 570, "9 h 30", "09:30" }, { 545, "9 h 05", "09:05" },
		{ 840, "14 h", "14:00" }, { 0, "0 h", "00:00" }, { 1439, "23 h 59", "23:59" },
		{ 750, "12 h 30", "12:30" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		char fr[SLOT_TIME_FR_BUF], hhmm[SLOT_HHMM_BUF];
		tap_is_str(slot_format_time_fr(cases[i].minutes, fr, sizeof fr) == 0 ? fr : "(error)",
			cases[i].fr, "French time of %d minutes", cases[i].minutes);
		tap_is_str(slot_format_hhmm(cases[i].minutes, hhmm, sizeof hhmm) == 0 ? hhmm : "(error)",
			cases[i].hhmm, "form value of %d minutes", cases[i].minutes);
	}
	char buf[SLOT_TIME_FR_BUF] = "x", small[5] = "x";
	tap_ok(slot_format_time_fr(1440, buf, sizeof buf) == -1 && buf[0] == '\0' &&
		slot_format_time_fr(-1, buf, sizeof buf) == -1 &&
		slot_format_hhmm(1440, buf, sizeof buf) == -1, "times outside the day are refused");
	tap_ok(slot_format_hhmm(570, small, sizeof small) == -1 && small[0] == '\0' &&
		slot_format_time_fr(1439, buf, 7) == -1 && buf[0] == '\0',
		"a short buffer is an error and left empty");
}

/* ---------------------------------------------------------------- */

static void test_paris_to_utc(void)
{
	static const struct {
		const char *why, *day, *time;
		enum slot_local status;
		const char *utc;
	} cases[] = {
		{ "March 2026 change, last minute of winter time", "2026-03-29", "01:59", SLOT_LOCAL_OK, "2026-03-29 00:59" },
		{ "March 2026 change, 02:00 skipped", "2026-03-29", "02:00", SLOT_LOCAL_GAP, "2026-03-29 01:00" },
		{ "March 2026 change, 02:30 skipped", "2026-03-29", "02:30", SLOT_LOCAL_GAP, "2026-03-29 01:30" },
		{ "March 2026 change, 02:59 skipped", "2026-03-29", "02:59", SLOT_LOCAL_GAP, "2026-03-29 01:59" },
		{ "March 2026 change, 03:00 is summer time", "2026-03-29", "03:00", SLOT_LOCAL_OK, "2026-03-29 01:00" },
		{ "March 2026 change day, midnight", "2026-03-29", "00:00", SLOT_LOCAL_OK, "2026-03-28 23:00" },
		{ "March 2026 change day, last minute", "2026-03-29", "23:59", SLOT_LOCAL_OK, "2026-03-29 21:59" },
		{ "the day before the March change, 02:30 exists", "2026-03-28", "02:30", SLOT_LOCAL_OK, "2026-03-28 01:30" },
		{ "the day after the March change, 02:30 exists", "2026-03-30", "02:30", SLOT_LOCAL_OK, "2026-03-30 00:30" },
		{ "October 2026 change, last minute before", "2026-10-25", "01:59", SLOT_LOCAL_OK, "2026-10-24 23:59" },
		{ "October 2026 change, 02:00 twice: the first", "2026-10-25", "02:00", SLOT_LOCAL_AMBIGUOUS, "2026-10-25 00:00" },
		{ "October 2026 change, 02:30 twice: the first", "2026-10-25", "02:30", SLOT_LOCAL_AMBIGUOUS, "2026-10-25 00:30" },
		{ "October 2026 change, 02:59 twice: the first", "2026-10-25", "02:59", SLOT_LOCAL_AMBIGUOUS, "2026-10-25 00:59" },
		{ "October 2026 change, 03:00 is winter time", "2026-10-25", "03:00", SLOT_LOCAL_OK, "2026-10-25 02:00" },
		{ "October 2026 change day, midnight", "2026-10-25", "00:00", SLOT_LOCAL_OK, "2026-10-24 22:00" },
		{ "October 2026 change day, last minute", "2026-10-25", "23:59", SLOT_LOCAL_OK, "2026-10-25 22:59" },
		{ "the day before the October change", "2026-10-24", "02:30", SLOT_LOCAL_OK, "2026-10-24 00:30" },
		{ "the day after the October change", "2026-10-26", "02:30", SLOT_LOCAL_OK, "2026-10-26 01:30" },
		{ "March 2027 change (28 March), 02:15 skipped", "2027-03-28", "02:15", SLOT_LOCAL_GAP, "2027-03-28 01:15" },
		{ "March 2027 change, 03:00", "2027-03-28", "03:00", SLOT_LOCAL_OK, "2027-03-28 01:00" },
		{ "a week before the March 2027 change", "2027-03-21", "02:30", SLOT_LOCAL_OK, "2027-03-21 01:30" },
		{ "October 2027 change (31 October), 02:45 twice", "2027-10-31", "02:45", SLOT_LOCAL_AMBIGUOUS, "2027-10-31 00:45" },
		{ "October 2027 change, 03:00", "2027-10-31", "03:00", SLOT_LOCAL_OK, "2027-10-31 02:00" },
		{ "a week before the October 2027 change", "2027-10-24", "02:30", SLOT_LOCAL_OK, "2027-10-24 00:30" },
		{ "winter morning", "2026-01-15", "09:00", SLOT_LOCAL_OK, "2026-01-15 08:00" },
		{ "summer morning", "2026-07-14", "09:00", SLOT_LOCAL_OK, "2026-07-14 07:00" },
		{ "New Year's Eve, last minute", "2026-12-31", "23:59", SLOT_LOCAL_OK, "2026-12-31 22:59" },
		{ "New Year, midnight is still the old year in UTC", "2027-01-01", "00:00", SLOT_LOCAL_OK, "2026-12-31 23:00" },
		{ "leap day", "2028-02-29", "12:00", SLOT_LOCAL_OK, "2028-02-29 11:00" },
		{ "the epoch in Paris is before the epoch", "1970-01-01", "00:00", SLOT_LOCAL_OK, "1969-12-31 23:00" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		int64_t utc = -1;
		char got[32];
		const enum slot_local st = slot_paris_to_utc(D(cases[i].day), M(cases[i].time), &utc);
		tap_is_str(local_name(st), local_name(cases[i].status), "%s %s: %s (status)",
			cases[i].day, cases[i].time, cases[i].why);
		tap_is_str(fmt_utc(utc, got), cases[i].utc, "%s %s: %s (UTC)",
			cases[i].day, cases[i].time, cases[i].why);
	}

	int64_t utc = 42;
	int bad = 0;
	bad += slot_paris_to_utc((struct civil_date){ 2027, 2, 29 }, 540, &utc) != SLOT_LOCAL_INVALID;
	bad += slot_paris_to_utc(D("2026-05-20"), -1, &utc) != SLOT_LOCAL_INVALID;
	bad += slot_paris_to_utc(D("2026-05-20"), 1440, &utc) != SLOT_LOCAL_INVALID;
	bad += slot_paris_to_utc((struct civil_date){ 0, 1, 1 }, 540, &utc) != SLOT_LOCAL_INVALID;
	bad += slot_paris_to_utc((struct civil_date){ 10000, 1, 1 }, 540, &utc) != SLOT_LOCAL_INVALID;
	bad += slot_paris_to_utc(D("2026-05-20"), 540, NULL) != SLOT_LOCAL_INVALID;
	tap_ok(bad == 0 && utc == 42, "invalid date, minutes or pointer: SLOT_LOCAL_INVALID, utc untouched");
}

static void test_utc_to_paris(void)
{
	static const struct { const char *utc, *day, *time; } cases[] = {
		{ "2026-10-25 00:30", "2026-10-25", "02:30" }, /* first 02:30, summer time */
		{ "2026-10-25 01:30", "2026-10-25", "02:30" }, /* second 02:30, winter time */
		{ "2026-03-29 00:59", "2026-03-29", "01:59" },
		{ "2026-03-29 01:00", "2026-03-29", "03:00" },
		{ "2026-12-31 22:59", "2026-12-31", "23:59" },
		{ "2026-12-31 23:00", "2027-01-01", "00:00" },
		{ "1969-12-31 23:00", "1970-01-01", "00:00" },
		{ "2026-07-14 22:30", "2026-07-15", "00:30" },
	};
	char buf[CAL_DATE_BUF], hhmm[SLOT_HHMM_BUF];
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct civil_date d = { 0, 0, 0 };
		int m = -1;
		char got[40];
		slot_utc_to_paris(U(cases[i].utc), &d, &m);
		snprintf(got, sizeof got, "%s %s", fmt_date(d, buf),
			slot_format_hhmm(m, hhmm, sizeof hhmm) == 0 ? hhmm : "(bad)");
		char want[40];
		snprintf(want, sizeof want, "%s %s", cases[i].day, cases[i].time);
		tap_is_str(got, want, "%s UTC is %s in Paris", cases[i].utc, want);
	}
	struct civil_date d;
	int m;
	slot_utc_to_paris(U("2026-05-20 07:29") + 59, &d, &m);
	tap_ok(m == M("09:29"), "seconds are dropped, not rounded");
	slot_utc_to_paris(U("1969-12-31 22:59") + 30, &d, &m);
	tap_ok(cal_date_compare(d, D("1969-12-31")) == 0 && m == M("23:59"),
		"before the epoch, seconds are dropped too (rounded down)");
	slot_utc_to_paris(INT64_MIN, &d, &m);
	tap_ok(d.year == 1 && d.month == 1 && d.day == 1, "INT64_MIN is clamped to year 1");
	slot_utc_to_paris(INT64_MAX, &d, &m);
	tap_ok(d.year == 9999 && d.month == 12 && d.day == 31, "INT64_MAX is clamped to 9999-12-31");
	slot_utc_to_paris(U("2026-05-20 07:00"), NULL, &m);
	tap_ok(m == 540, "the date output may be NULL");
	slot_utc_to_paris(U("2026-05-20 07:00"), NULL, NULL);
	tap_ok(1, "both outputs may be NULL");
}

/* Every half hour of a local year through paris_to_utc and back, and
 * every half hour of UTC through utc_to_paris and back. Each loop's
 * failures are printed as diagnostics and counted in one assertion. */
static void test_round_trips(int year, const char *march_change, const char *october_change)
{
	const struct civil_date jan1 = { year, 1, 1 }, next = { year + 1, 1, 1 };
	const int64_t first = cal_days_from_civil(jan1), end = cal_days_from_civil(next);
	const struct civil_date march = D(march_change), october = D(october_change);
	int gaps = 0, ambiguous = 0, wrong_place = 0, not_back = 0, not_monotonic = 0, odd_offset = 0;
	int days_23h = 0, days_25h = 0, other_days = 0;
	int64_t previous = INT64_MIN;
	char buf[CAL_DATE_BUF];

	for (int64_t n = first; n < end; n++) {
		const struct civil_date d = cal_civil_from_days(n);
		for (int m = 0; m < SLOT_MINUTES_PER_DAY; m += 30) {
			int64_t u = 0;
			const enum slot_local st = slot_paris_to_utc(d, m, &u);
			const int64_t naive = n * 86400 + m * 60;
			if (naive - u != 3600 && naive - u != 7200)
				odd_offset++;
			const int in_change_hour = m >= 120 && m < 180;
			if (st == SLOT_LOCAL_GAP) {
				gaps++;
				if (cal_date_compare(d, march) != 0 || !in_change_hour)
					wrong_place++;
			} else if (st == SLOT_LOCAL_AMBIGUOUS) {
				ambiguous++;
				if (cal_date_compare(d, october) != 0 || !in_change_hour)
					wrong_place++;
			} else if (st != SLOT_LOCAL_OK) {
				wrong_place++;
			}
			/* Back to Paris: the same wall clock, except in the gap,
			 * which reads one hour later (winter offset, summer clock). */
			struct civil_date back;
			int back_m;
			slot_utc_to_paris(u, &back, &back_m);
			const int want_m = st == SLOT_LOCAL_GAP ? m + 60 : m;
			if (cal_date_compare(back, d) != 0 || back_m != want_m) {
				if (not_back++ < 5)
					printf("# %s %d min came back as %s %d\n", fmt_date(d, buf), m,
						fmt_date(back, buf), back_m);
			}
			/* Instants follow the wall clock, the gap aside. */
			if (st != SLOT_LOCAL_GAP) {
				if (u <= previous)
					not_monotonic++;
				previous = u;
			}
		}
		/* The length of the day, from midnight to midnight. */
		int64_t a = 0, b = 0;
		slot_paris_to_utc(d, 0, &a);
		slot_paris_to_utc(cal_civil_from_days(n + 1), 0, &b);
		if (b - a == 23 * 3600 && cal_date_compare(d, march) == 0)
			days_23h++;
		else if (b - a == 25 * 3600 && cal_date_compare(d, october) == 0)
			days_25h++;
		else if (b - a == 24 * 3600)
			other_days++;
	}
	tap_ok(gaps == 2 && ambiguous == 2 && wrong_place == 0,
		"%d: only 02:00 and 02:30 on %s are skipped, only those of %s repeated "
		"(gaps %d, ambiguous %d, elsewhere %d)", year, march_change, october_change,
		gaps, ambiguous, wrong_place);
	tap_is_int(not_back, 0, "%d: every half hour of the local year comes back from UTC", year);
	tap_ok(not_monotonic == 0 && odd_offset == 0,
		"%d: instants increase with the wall clock, always one or two hours behind", year);
	tap_ok(days_23h == 1 && days_25h == 1 && other_days == (int)(end - first) - 2,
		"%d: %s lasts 23 hours, %s 25 hours, every other day 24 hours", year,
		march_change, october_change);

	/* UTC side: every half hour of the local year's instants. */
	const int64_t from = first * 86400 - 3600, to = end * 86400 - 3600;
	int repeated = 0, lost = 0;
	for (int64_t u = from; u < to; u += 1800) {
		struct civil_date d;
		int m;
		slot_utc_to_paris(u, &d, &m);
		int64_t back = 0;
		const enum slot_local st = slot_paris_to_utc(d, m, &back);
		if (back == u && st != SLOT_LOCAL_GAP)
			continue;
		/* The second 02:00 and 02:30 of October come back as the first. */
		if (st == SLOT_LOCAL_AMBIGUOUS && back == u - 3600)
			repeated++;
		else if (lost++ < 5)
			printf("# %s did not come back (%s)\n", fmt_date(d, buf), local_name(st));
	}
	tap_ok(repeated == 2 && lost == 0,
		"%d: every UTC half hour comes back, but the two of the repeated hour (%d), "
		"which come back as their first occurrence (others: %d)", year, repeated, lost);
}

/* ---------------------------------------------------------------- */

static void test_parts(void)
{
	static const struct { const char *start, *end; enum slot_part part; } cases[] = {
		{ "08:00", "12:00", SLOT_MORNING },
		{ "08:00", "13:00", SLOT_MORNING },    /* ends exactly at 13:00 */
		{ "08:00", "13:01", SLOT_FULL_DAY },
		{ "12:00", "13:00", SLOT_MORNING },    /* both rules hold: morning wins */
		{ "12:00", "13:01", SLOT_AFTERNOON },  /* starts exactly at 12:00 */
		{ "11:59", "13:01", SLOT_FULL_DAY },
		{ "12:00", "18:00", SLOT_AFTERNOON },
		{ "11:59", "18:00", SLOT_FULL_DAY },
		{ "13:30", "17:00", SLOT_AFTERNOON },
		{ "09:00", "17:00", SLOT_FULL_DAY },
		{ "00:00", "00:15", SLOT_MORNING },
		{ "23:00", "23:59", SLOT_AFTERNOON },
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		tap_is_str(slot_part_name(slot_part_of(M(cases[i].start), M(cases[i].end))),
			slot_part_name(cases[i].part), "%s-%s is %s", cases[i].start, cases[i].end,
			slot_part_name(cases[i].part));

	static const struct { enum slot_part part; const char *name, *label; } names[] = {
		{ SLOT_MORNING, "matin", "Matin" },
		{ SLOT_AFTERNOON, "apres_midi", "Après-midi" },
		{ SLOT_FULL_DAY, "journee", "Journée" },
	};
	for (size_t i = 0; i < N_OF(names); i++) {
		enum slot_part p = SLOT_FULL_DAY;
		tap_ok(strcmp(slot_part_name(names[i].part), names[i].name) == 0 &&
			strcmp(slot_part_label_fr(names[i].part), names[i].label) == 0 &&
			slot_part_parse(names[i].name, &p) == 0 && p == names[i].part,
			"part %s: label %s, parsed back", names[i].name, names[i].label);
	}
	enum slot_part p = SLOT_MORNING;
	tap_ok(slot_part_parse("Matin", &p) == -1 && slot_part_parse("apres-midi", &p) == -1 &&
		slot_part_parse("", &p) == -1 && slot_part_parse(NULL, &p) == -1 && p == SLOT_MORNING,
		"part parse is exact and leaves out alone");
	tap_ok(slot_part_name((enum slot_part)7) == NULL && slot_part_label_fr((enum slot_part)7) == NULL,
		"no name out of the enum");
}

/* ---------------------------------------------------------------- */

struct check_ok_case {
	const char *why, *day, *start, *end;
	const char *start_utc, *end_utc;
	enum slot_part part;
};

static const struct check_ok_case check_ok_cases[] = {
	{ "summer morning", "2026-05-20", "09:00", "12:30", "2026-05-20 07:00", "2026-05-20 10:30", SLOT_MORNING },
	{ "summer afternoon", "2026-05-20", "13:30", "17:00", "2026-05-20 11:30", "2026-05-20 15:00", SLOT_AFTERNOON },
	{ "summer day", "2026-05-20", "09:00", "17:00", "2026-05-20 07:00", "2026-05-20 15:00", SLOT_FULL_DAY },
	{ "winter day", "2026-12-03", "09:00", "17:30", "2026-12-03 08:00", "2026-12-03 16:30", SLOT_FULL_DAY },
	{ "leap day 2028", "2028-02-29", "09:00", "12:00", "2028-02-29 08:00", "2028-02-29 11:00", SLOT_MORNING },
	{ "month end, 31 March", "2027-03-31", "14:00", "17:30", "2027-03-31 12:00", "2027-03-31 15:30", SLOT_AFTERNOON },
	{ "month end, 30 April", "2027-04-30", "09:00", "17:00", "2027-04-30 07:00", "2027-04-30 15:00", SLOT_FULL_DAY },
	{ "exactly 15 minutes", "2026-05-20", "09:00", "09:15", "2026-05-20 07:00", "2026-05-20 07:15", SLOT_MORNING },
	{ "exactly 14 hours", "2026-05-20", "07:00", "21:00", "2026-05-20 05:00", "2026-05-20 19:00", SLOT_FULL_DAY },
	{ "01:00-04:00 on the March change lasts 2 hours", "2026-03-29", "01:00", "04:00",
		"2026-03-29 00:00", "2026-03-29 02:00", SLOT_MORNING },
	{ "01:00-04:00 on the October change lasts 4 hours", "2026-10-25", "01:00", "04:00",
		"2026-10-24 23:00", "2026-10-25 03:00", SLOT_MORNING },
	{ "15 wall-clock hours on the March change are 14 real hours", "2026-03-29", "01:00", "16:00",
		"2026-03-29 00:00", "2026-03-29 14:00", SLOT_FULL_DAY },
	{ "13 wall-clock hours on the October change are 14 real hours", "2026-10-25", "01:00", "14:00",
		"2026-10-24 23:00", "2026-10-25 13:00", SLOT_FULL_DAY },
	{ "01:55-03:10 on the March change: exactly 15 minutes", "2026-03-29", "01:55", "03:10",
		"2026-03-29 00:55", "2026-03-29 01:10", SLOT_MORNING },
	{ "a normal day on the March 2027 change", "2027-03-28", "09:00", "12:00",
		"2027-03-28 07:00", "2027-03-28 10:00", SLOT_MORNING },
	{ "a normal day on the October 2027 change", "2027-10-31", "09:00", "17:00",
		"2027-10-31 08:00", "2027-10-31 16:00", SLOT_FULL_DAY },
	{ "the lower bound itself (today - 1 year)", "2025-05-20", "09:00", "12:00",
		"2025-05-20 07:00", "2025-05-20 10:00", SLOT_MORNING },
	{ "the upper bound itself (today + 3 years)", "2029-05-20", "09:00", "12:00",
		"2029-05-20 07:00", "2029-05-20 10:00", SLOT_MORNING },
};

static void test_check_ok(void)
{
	const struct civil_date today = D("2026-05-20");
	for (size_t i = 0; i < N_OF(check_ok_cases); i++) {
		const struct check_ok_case *c = &check_ok_cases[i];
		const struct slot_input in = { c->day, c->start, c->end };
		struct slot_times t;
		struct slot_error err = { "junk", "junk" };
		memset(&t, 0, sizeof t);
		char a[32], b[32], d[CAL_DATE_BUF];
		const int rc = slot_check(&in, today, &t, &err);
		if (rc != 0)
			printf("# refused: %s: %s\n", err.field ? err.field : "(null)", err.message);
		char got[128], want[128];
		snprintf(got, sizeof got, "%d %s %d-%d %s..%s %s %s", rc, fmt_date(t.day, d),
			t.start_min, t.end_min, fmt_utc(t.start_utc, a), fmt_utc(t.end_utc, b),
			slot_part_name(t.part), err.field == NULL && err.message[0] == '\0' ? "clean" : "dirty");
		snprintf(want, sizeof want, "0 %s %d-%d %s..%s %s clean", c->day, M(c->start), M(c->end),
			c->start_utc, c->end_utc, slot_part_name(c->part));
		tap_is_str(got, want, "accepted: %s", c->why);
	}
	/* Bounds from a leap day: 29 February is the 28th in other years. */
	const struct civil_date leap_today = D("2028-02-29");
	static const struct { const char *day; int ok; } bounds[] = {
		{ "2027-02-28", 1 }, { "2027-02-27", 0 }, { "2031-02-28", 1 }, { "2031-03-01", 0 },
	};
	for (size_t i = 0; i < N_OF(bounds); i++) {
		const struct slot_input in = { bounds[i].day, "09:00", "12:00" };
		struct slot_times t;
		struct slot_error err;
		tap_is_int(slot_check(&in, leap_today, &t, &err), bounds[i].ok ? 0 : -1,
			"today 2028-02-29: %s %s", bounds[i].day, bounds[i].ok ? "accepted" : "refused");
	}
	const struct slot_input in = { "2027-02-27", "09:00", "12:00" };
	struct slot_times t;
	struct slot_error err;
	slot_check(&in, leap_today, &t, &err);
	tap_is_str(err.message, "Cette date est trop ancienne : la date d'un créneau doit être "
		"comprise entre le dimanche 28 février 2027 et le vendredi 28 février 2031.",
		"bounds from a leap day, in French");
}

struct check_err_case {
	const char *why, *day, *start, *end;
	const char *field;
	const char *message; /* NULL: only the field is checked */
};

static const struct check_err_case check_err_cases[] = {
	/* The day. */
	{ "no day", NULL, "09:00", "12:00", "day", "Veuillez indiquer la date du créneau." },
	{ "empty day", "", "09:00", "12:00", "day", "Veuillez indiquer la date du créneau." },
	{ "French order", "12/03/2027", "09:00", "12:00", "day",
		"Veuillez indiquer la date sous la forme AAAA-MM-JJ, par exemple 2026-03-12." },
	{ "one-digit month", "2027-3-12", "09:00", "12:00", "day",
		"Veuillez indiquer la date sous la forme AAAA-MM-JJ, par exemple 2026-03-12." },
	{ "trailing space", "2027-03-12 ", "09:00", "12:00", "day", NULL },
	{ "date and time", "2027-03-12T09:00", "09:00", "12:00", "day", NULL },
	{ "short", "2027-03", "09:00", "12:00", "day", NULL },
	{ "letters", "2027-O3-12", "09:00", "12:00", "day", NULL },
	{ "30 February", "2027-02-30", "09:00", "12:00", "day",
		"Le 30 février 2027 n'existe pas : février 2027 n'a que 28 jours." },
	{ "29 February 2027, not a leap year", "2027-02-29", "09:00", "12:00", "day",
		"Le 29 février 2027 n'existe pas : 2027 n'est pas une année bissextile, février n'a que 28 jours." },
	{ "30 February of a leap year", "2028-02-30", "09:00", "12:00", "day",
		"Le 30 février 2028 n'existe pas : février 2028 n'a que 29 jours." },
	{ "29 February 2100, no leap day in 2100", "2100-02-29", "09:00", "12:00", "day",
		"Le 29 février 2100 n'existe pas : 2100 n'est pas une année bissextile, février n'a que 28 jours." },
	{ "31 April", "2026-04-31", "09:00", "12:00", "day",
		"Le 31 avril 2026 n'existe pas : avril n'a que 30 jours." },
	{ "31 September", "2026-09-31", "09:00", "12:00", "day",
		"Le 31 septembre 2026 n'existe pas : septembre n'a que 30 jours." },
	{ "32 July", "2026-07-32", "09:00", "12:00", "day",
		"Le 32 juillet 2026 n'existe pas : juillet n'a que 31 jours." },
	{ "month 13", "2026-13-01", "09:00", "12:00", "day",
		"Cette date n'existe pas (2026-13-01) : le mois doit être compris entre 01 et 12." },
	{ "month 00", "2026-00-10", "09:00", "12:00", "day",
		"Cette date n'existe pas (2026-00-10) : le mois doit être compris entre 01 et 12." },
	{ "day 00", "2026-06-00", "09:00", "12:00", "day",
		"Cette date n'existe pas (2026-06-00) : les jours d'un mois commencent au 1er." },
	{ "one day before the lower bound", "2025-05-19", "09:00", "12:00", "day",
		"Cette date est trop ancienne : la date d'un créneau doit être comprise entre "
		"le mardi 20 mai 2025 et le dimanche 20 mai 2029." },
	{ "one day after the upper bound", "2029-05-21", "09:00", "12:00", "day",
		"Cette date est trop lointaine : la date d'un créneau doit être comprise entre "
		"le mardi 20 mai 2025 et le dimanche 20 mai 2029." },
	{ "a mistyped year", "2062-05-20", "09:00", "12:00", "day", NULL },
	{ "year 0000", "0000-01-01", "09:00", "12:00", "day", NULL },
	{ "the day is reported first", "2027-02-30", "25:00", "", "day", NULL },
	/* The times. */
	{ "no start", "2026-06-10", NULL, "12:00", "start", "Veuillez indiquer l'heure de début." },
	{ "empty end", "2026-06-10", "09:00", "", "end", "Veuillez indiquer l'heure de fin." },
	{ "one-digit hour", "2026-06-10", "9:30", "12:00", "start",
		"Veuillez indiquer l'heure de début sous la forme HH:MM, par exemple 09:30." },
	{ "French style", "2026-06-10", "09h30", "12:00", "start", NULL },
	{ "seconds", "2026-06-10", "09:00", "12:00:00", "end",
		"Veuillez indiquer l'heure de fin sous la forme HH:MM, par exemple 09:30." },
	{ "midnight as 24:00", "2026-06-10", "20:00", "24:00", "end",
		"L'heure de fin n'existe pas (24:00) : indiquez une heure comprise entre 00:00 et 23:59." },
	{ "minute 60", "2026-06-10", "09:60", "12:00", "start",
		"L'heure de début n'existe pas (09:60) : indiquez une heure comprise entre 00:00 et 23:59." },
	{ "the start is reported before the end", "2026-06-10", "9:00", "25:00", "start", NULL },
	{ "start in the March 2026 gap", "2026-03-29", "02:30", "05:00", "start",
		"L'heure de début (02:30) n'existe pas le dimanche 29 mars 2026 : cette nuit-là, on passe "
		"à l'heure d'été et les horloges avancent directement de 2 h à 3 h. "
		"Veuillez choisir une heure avant 2 h ou à partir de 3 h." },
	{ "end in the March 2027 gap", "2027-03-28", "01:00", "02:00", "end",
		"L'heure de fin (02:00) n'existe pas le dimanche 28 mars 2027 : cette nuit-là, on passe "
		"à l'heure d'été et les horloges avancent directement de 2 h à 3 h. "
		"Veuillez choisir une heure avant 2 h ou à partir de 3 h." },
	{ "start in the October 2026 repeated hour", "2026-10-25", "02:00", "05:00", "start",
		"L'heure de début (02:00) est ambiguë le dimanche 25 octobre 2026 : cette nuit-là, on passe "
		"à l'heure d'hiver et les horloges reviennent de 3 h à 2 h, si bien que 02:00 a lieu deux fois. "
		"Veuillez choisir une heure avant 2 h ou à partir de 3 h." },
	{ "end in the October 2027 repeated hour", "2027-10-31", "00:30", "02:59", "end",
		"L'heure de fin (02:59) est ambiguë le dimanche 31 octobre 2027 : cette nuit-là, on passe "
		"à l'heure d'hiver et les horloges reviennent de 3 h à 2 h, si bien que 02:59 a lieu deux fois. "
		"Veuillez choisir une heure avant 2 h ou à partir de 3 h." },
	/* The slot as a whole. */
	{ "end before start", "2026-06-10", "14:00", "09:00", "end",
		"L'heure de fin doit être après l'heure de début." },
	{ "equal times", "2026-06-10", "09:00", "09:00", "end",
		"L'heure de fin doit être après l'heure de début." },
	{ "ten minutes", "2026-06-10", "09:00", "09:10", "end",
		"Ce créneau est trop court : il dure 10 minutes ; le minimum est de 15 minutes." },
	{ "fourteen minutes", "2026-06-10", "09:00", "09:14", "end",
		"Ce créneau est trop court : il dure 14 minutes ; le minimum est de 15 minutes." },
	{ "one minute", "2026-06-10", "09:00", "09:01", "end",
		"Ce créneau est trop court : il dure 1 minute ; le minimum est de 15 minutes." },
	{ "one minute too long", "2026-06-10", "07:00", "21:01", "end",
		"Ce créneau est trop long : il dure 14 heures 1 minute ; le maximum est de 14 heures." },
	{ "the whole day", "2026-06-10", "00:00", "23:59", "end",
		"Ce créneau est trop long : il dure 23 heures 59 minutes ; le maximum est de 14 heures." },
	{ "70 wall-clock minutes on the March change are 10", "2026-03-29", "01:50", "03:00", "end",
		"Ce créneau est trop court : il dure 10 minutes, changement d'heure compris ; "
		"le minimum est de 15 minutes." },
	{ "01:59-03:00 on the March change lasts one minute", "2026-03-29", "01:59", "03:00", "end",
		"Ce créneau est trop court : il dure 1 minute, changement d'heure compris ; "
		"le minimum est de 15 minutes." },
	{ "13 h 01 of wall clock on the October change is too long", "2026-10-25", "01:00", "14:01", "end",
		"Ce créneau est trop long : il dure 14 heures 1 minute, changement d'heure compris ; "
		"le maximum est de 14 heures." },
	{ "the whole October 2027 change day", "2027-10-31", "00:00", "23:59", "end",
		"Ce créneau est trop long : il dure 24 heures 59 minutes, changement d'heure compris ; "
		"le maximum est de 14 heures." },
};

static void test_check_errors(void)
{
	const struct civil_date today = D("2026-05-20");
	size_t longest = 0;
	int unfinished = 0;
	for (size_t i = 0; i < N_OF(check_err_cases); i++) {
		const struct check_err_case *c = &check_err_cases[i];
		const struct slot_input in = { c->day, c->start, c->end };
		struct slot_times t = { { 1, 2, 3 }, 4, 5, 6, 7, SLOT_AFTERNOON };
		struct slot_error err = { NULL, "" };
		const int rc = slot_check(&in, today, &t, &err);
		const int untouched = t.day.year == 1 && t.start_min == 4 && t.end_utc == 7;
		tap_ok(rc == -1 && untouched && err.field != NULL && strcmp(err.field, c->field) == 0,
			"refused on %s: %s", c->field, c->why);
		if (c->message != NULL)
			tap_is_str(err.message, c->message, "message: %s", c->why);
		const size_t len = strlen(err.message);
		if (len > longest)
			longest = len;
		if (len == 0 || err.message[len - 1] != '.')
			unfinished++;
	}
	printf("# longest message: %zu bytes of %d\n", longest, SLOT_MESSAGE_BUF);
	tap_ok(unfinished == 0 && longest < SLOT_MESSAGE_BUF - 1,
		"every message is a whole sentence that fits SLOT_MESSAGE_BUF");

	struct slot_times t;
	struct slot_error err;
	tap_ok(slot_check(NULL, today, &t, &err) == -1 && strcmp(err.field, "day") == 0,
		"no input at all is an empty form");
	const struct slot_input ok = { "2026-06-10", "09:00", "12:00" };
	tap_ok(slot_check(&ok, (struct civil_date){ 2026, 2, 30 }, &t, &err) == -1 &&
		strcmp(err.field, "day") == 0, "an impossible today is reported, not trusted");
	tap_ok(slot_check(&ok, today, NULL, &err) == -1 && slot_check(&ok, today, &t, NULL) == -1,
		"no output, no check");
}

/* ---------------------------------------------------------------- */

static void test_weeks(void)
{
	static const struct { const char *day, *monday; } mondays[] = {
		{ "2026-05-20", "2026-05-18" }, /* Wednesday */
		{ "2026-05-18", "2026-05-18" }, /* a Monday is its own */
		{ "2026-05-24", "2026-05-18" }, /* Sunday ends the week */
		{ "2027-01-01", "2026-12-28" }, /* across the year */
		{ "2026-03-01", "2026-02-23" }, /* across the month */
		{ "2028-03-01", "2028-02-28" }, /* across a leap day */
	};
	char buf[CAL_DATE_BUF];
	for (size_t i = 0; i < N_OF(mondays); i++) {
		const char *got = fmt_date(slot_week_monday(D(mondays[i].day)), buf);
		tap_is_str(got, mondays[i].monday, "the week of %s", mondays[i].day);
	}

	static const struct { const char *day; int week, year; } iso[] = {
		{ "2026-05-20", 21, 2026 },
		{ "2026-12-31", 53, 2026 }, /* 2026 starts on a Thursday: 53 weeks */
		{ "2027-01-01", 53, 2026 },
		{ "2027-01-03", 53, 2026 },
		{ "2027-01-04", 1, 2027 },
		{ "2021-01-03", 53, 2020 },
		{ "2020-12-31", 53, 2020 },
		{ "2024-12-30", 1, 2025 },  /* Monday of week 1 of the next year */
		{ "2025-12-29", 1, 2026 },
		{ "2026-01-01", 1, 2026 },
		{ "2027-12-31", 52, 2027 },
		{ "2028-01-01", 52, 2027 },
		{ "2028-01-03", 1, 2028 },
		{ "2015-12-31", 53, 2015 },
		{ "2016-01-03", 53, 2015 },
		{ "2032-12-31", 53, 2032 },
	};
	for (size_t i = 0; i < N_OF(iso); i++) {
		int y = 0;
		const int w = slot_iso_week(D(iso[i].day), &y);
		tap_ok(w == iso[i].week && y == iso[i].year, "%s is in week %d of %d (got %d of %d)",
			iso[i].day, iso[i].week, iso[i].year, w, y);
	}
	int y = 77;
	tap_ok(slot_iso_week((struct civil_date){ 2027, 2, 29 }, &y) == -1 && y == 77 &&
		slot_iso_week(D("2026-05-20"), NULL) == 21, "ISO week: invalid date refused, year optional");

	static const struct { int year, month, weeks; const char *first; } grids[] = {
		{ 2027, 2, 4, "2027-02-01" },  /* 28 days from a Monday */
		{ 2021, 2, 4, "2021-02-01" },
		{ 2026, 3, 6, "2026-02-23" },  /* 31 days from a Sunday */
		{ 2026, 8, 6, "2026-07-27" },  /* 31 days from a Saturday */
		{ 2026, 11, 6, "2026-10-26" }, /* 30 days from a Sunday */
		{ 2027, 5, 6, "2027-04-26" },
		{ 2026, 5, 5, "2026-04-27" },
		{ 2026, 6, 5, "2026-06-01" },
		{ 2026, 2, 5, "2026-01-26" },
		{ 2015, 2, 5, "2015-01-26" },
		{ 2016, 2, 5, "2016-02-01" },  /* 29 days from a Monday */
		{ 2032, 2, 5, "2032-01-26" },  /* leap February from a Sunday */
		{ 2027, 1, 5, "2026-12-28" },
		{ 2027, 12, 5, "2027-11-29" },
	};
	for (size_t i = 0; i < N_OF(grids); i++) {
		struct civil_date first = { 0, 0, 0 };
		const int n = slot_month_grid(grids[i].year, grids[i].month, &first);
		char got[32], want[32];
		snprintf(got, sizeof got, "%d weeks from %s", n, fmt_date(first, buf));
		snprintf(want, sizeof want, "%d weeks from %s", grids[i].weeks, grids[i].first);
		tap_is_str(got, want, "grid of %d-%02d", grids[i].year, grids[i].month);
	}
	tap_ok(slot_month_grid(2026, 0, NULL) == -1 && slot_month_grid(2026, 13, NULL) == -1 &&
		slot_month_grid(CAL_YEAR_MIN - 1, 1, NULL) == -1 && slot_month_grid(2026, 3, NULL) == 6,
		"grid: month and year checked, first Monday optional");
}

/* ---------------------------------------------------------------- */

static void test_spans(void)
{
	static const struct { const char *why, *first, *last, *want; } cases[] = {
		{ "one day", "2026-03-12", "2026-03-12", "le jeudi 12 mars 2026" },
		{ "one day, the first of the month", "2026-01-01", "2026-01-01", "le jeudi 1er janvier 2026" },
		{ "two days of a month", "2026-03-12", "2026-03-13", "du 12 au 13 mars 2026" },
		{ "from the first of a month", "2027-05-01", "2027-05-03", "du 1er au 3 mai 2027" },
		{ "across months", "2027-03-12", "2027-06-04", "du 12 mars au 4 juin 2027" },
		{ "modules in March, May and June", "2027-03-18", "2027-06-10", "du 18 mars au 10 juin 2027" },
		{ "to the first of a month", "2027-02-28", "2027-03-01", "du 28 février au 1er mars 2027" },
		{ "onto a leap day", "2028-02-28", "2028-02-29", "du 28 au 29 février 2028" },
		{ "from the last of August", "2026-08-31", "2026-09-01", "du 31 août au 1er septembre 2026" },
		{ "across the year", "2026-12-12", "2027-01-04", "du 12 décembre 2026 au 4 janvier 2027" },
		{ "New Year's Eve to New Year", "2026-12-31", "2027-01-01", "du 31 décembre 2026 au 1er janvier 2027" },
		{ "over a year", "2026-12-01", "2027-12-01", "du 1er décembre 2026 au 1er décembre 2027" },
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		char buf[SLOT_SPAN_FR_BUF];
		tap_is_str(slot_span_fr(D(cases[i].first), D(cases[i].last), buf, sizeof buf) == 0 ? buf : "(error)",
			cases[i].want, "span: %s", cases[i].why);
	}
	/* The longest span is 43 bytes: 44 fit, 43 do not. */
	const char *longest = "du 1er décembre 2026 au 1er décembre 2027";
	char exact[44], short_buf[43], buf[SLOT_SPAN_FR_BUF];
	tap_ok(strlen(longest) == 43 && sizeof exact <= SLOT_SPAN_FR_BUF &&
		slot_span_fr(D("2026-12-01"), D("2027-12-01"), exact, sizeof exact) == 0 &&
		slot_span_fr(D("2026-12-01"), D("2027-12-01"), short_buf, sizeof short_buf) == -1 &&
		short_buf[0] == '\0', "span: the exact size fits, one byte less is an error left empty");
	tap_ok(slot_span_fr(D("2027-06-04"), D("2027-03-12"), buf, sizeof buf) == -1 && buf[0] == '\0',
		"span: reversed dates refused");
	tap_ok(slot_span_fr((struct civil_date){ 2027, 2, 29 }, D("2027-03-12"), buf, sizeof buf) == -1 &&
		slot_span_fr(D("2027-03-12"), (struct civil_date){ 10000, 1, 1 }, buf, sizeof buf) == -1 &&
		slot_span_fr(D("2027-03-12"), D("2027-03-12"), NULL, 10) == -1,
		"span: invalid dates, 5-digit years and no buffer refused");
}

int main(void)
{
	test_parse_time();
	test_format_time();
	test_paris_to_utc();
	test_utc_to_paris();
	test_round_trips(2026, "2026-03-29", "2026-10-25");
	test_round_trips(2027, "2027-03-28", "2027-10-31");
	test_parts();
	test_check_ok();
	test_check_errors();
	test_weeks();
	test_spans();
	return tap_done();
}
