/* Civil-date arithmetic, French holidays and names, Europe/Paris dates.
 * The day-number conversions are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms"): they count in 400-year
 * eras of 146097 days starting on 1 March, so that the leap day is the
 * last day of the shifted year and needs no special case. */
#include "rules/calendar_fr.h"

#include <stdio.h>

#define CAL_SECONDS_PER_DAY 86400
/* About a million years: keeps every intermediate value and the year of
 * cal_civil_from_days far from the int64_t / int limits. */
#define CAL_DAYS_LIMIT ((int64_t)365 * 1000000)

static const char *const cal_weekdays_fr[7] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

static const char *const cal_months_fr[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};

/* Division and remainder rounding towards minus infinity: C's own round
 * towards zero, which is wrong for instants and days before 1970. */
int64_t cal_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t cal_floor_mod(int64_t a, int64_t b)
{
	return a - cal_floor_div(a, b) * b;
}

int cal_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int cal_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && cal_is_leap_year(year))
		return 29;
	return days[month - 1];
}

int cal_date_is_valid(struct civil_date d)
{
	return d.month >= 1 && d.month <= 12 && d.day >= 1 &&
		d.day <= cal_days_in_month(d.year, d.month);
}

int cal_date_compare(struct civil_date a, struct civil_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

int64_t cal_days_from_civil(struct civil_date d)
{
	/* Years start on 1 March: January and February belong to the
	 * previous year, which puts 29 February last. */
	const int64_t y = (int64_t)d.year - (d.month <= 2);
	const int64_t m = d.month;
	const int64_t era = cal_floor_div(y, 400);
	const int64_t yoe = y - era * 400;                               /* [0, 399] */
	const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1; /* [0, 365] */
	const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;       /* [0, 146096] */
	return era * 146097 + doe - 719468; /* 719468: 0000-03-01 to 1970-01-01 */
}

struct civil_date cal_civil_from_days(int64_t days)
{
	if (days > CAL_DAYS_LIMIT)
		days = CAL_DAYS_LIMIT;
	if (days < -CAL_DAYS_LIMIT)
		days = -CAL_DAYS_LIMIT;
	const int64_t z = days + 719468;
	const int64_t era = cal_floor_div(z, 146097);
	const int64_t doe = z - era * 146097;                                    /* [0, 146096] */
	const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             /* [0, 365] */
	const int64_t mp = (5 * doy + 2) / 153;                                  /* [0, 11], 0 = March */
	struct civil_date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int cal_day_of_week(struct civil_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	return (int)cal_floor_mod(cal_days_from_civil(d) + 3, 7);
}

struct civil_date cal_add_days(struct civil_date d, int n)
{
	return cal_civil_from_days(cal_days_from_civil(d) + n);
}

struct civil_date cal_add_month_clamped(struct civil_date d)
{
	struct civil_date r = d;
	if (d.month == 12) {
		r.year = d.year + 1;
		r.month = 1;
	} else {
		r.month = d.month + 1;
	}
	const int last = cal_days_in_month(r.year, r.month);
	if (r.day > last)
		r.day = last;
	return r;
}

struct civil_date cal_easter_sunday(int year)
{
	/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher): a places the
	 * year in the 19-year Metonic cycle, h is the epact-derived age of the
	 * paschal full moon, l the days from it to the next Sunday. */
	const int a = year % 19;
	const int b = year / 100, c = year % 100;
	const int d = b / 4, e = b % 4;
	const int f = (b + 8) / 25;
	const int g = (b - f + 1) / 3;
	const int h = (19 * a + b - d - g + 15) % 30;
	const int i = c / 4, k = c % 4;
	const int l = (32 + 2 * e + 2 * i - h - k) % 7;
	const int m = (a + 11 * h + 22 * l) / 451;
	const int n = h + l - 7 * m + 114;
	struct civil_date r = { year, n / 31, n % 31 + 1 };
	return r;
}

static const char *cal_fixed_holiday_name(int month, int day)
{
	static const struct { int month, day; const char *name; } fixed[] = {
		{ 1, 1, "Jour de l'an" }, { 5, 1, "Fête du Travail" },
		{ 5, 8, "Victoire du 8 mai 1945" }, { 7, 14, "Fête nationale" },
		{ 8, 15, "Assomption" }, { 11, 1, "Toussaint" },
		{ 11, 11, "Armistice du 11 novembre 1918" }, { 12, 25, "Noël" },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (fixed[i].month == month && fixed[i].day == day)
			return fixed[i].name;
	return NULL;
}

const char *cal_french_public_holiday_name(struct civil_date d)
{
	if (!cal_date_is_valid(d))
		return NULL;
	const char *fixed = cal_fixed_holiday_name(d.month, d.day);
	if (fixed)
		return fixed;
	/* Easter Monday, Ascension and Whit Monday are always between
	 * 23 March and 14 June: skip the Easter computation otherwise. */
	if (d.month < 3 || d.month > 6)
		return NULL;
	const int64_t offset = cal_days_from_civil(d) -
		cal_days_from_civil(cal_easter_sunday(d.year));
	return offset == 1 ? "Lundi de Pâques" : offset == 39 ? "Ascension" :
		offset == 50 ? "Lundi de Pentecôte" : NULL;
}

int cal_is_french_public_holiday(struct civil_date d)
{
	return cal_french_public_holiday_name(d) != NULL;
}

int cal_read_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int cal_parse_date(const char *s, struct civil_date *out)
{
	if (s == NULL || out == NULL)
		return -1;
	/* Checking the separators first also guarantees that the digit reads
	 * below stay inside the string: s[4] and s[7] are not NUL. */
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return -1;
	if (s[4] != '-' || s[7] != '-' || s[10] != '\0')
		return -1;
	struct civil_date d;
	d.year = cal_read_digits(s, 4);
	d.month = cal_read_digits(s + 5, 2);
	d.day = cal_read_digits(s + 8, 2);
	if (d.year < CAL_YEAR_MIN || d.year > CAL_YEAR_MAX || !cal_date_is_valid(d))
		return -1;
	*out = d;
	return 0;
}

static int cal_formattable(struct civil_date d, const char *buf, size_t size)
{
	return buf != NULL && size > 0 && cal_date_is_valid(d) &&
		d.year >= 0 && d.year <= 9999;
}

/* snprintf's result checked for truncation; buf emptied on any error so
 * that a caller ignoring the result never shows half a date. */
static int cal_finish(int written, char *buf, size_t size)
{
	if (written < 0 || (size_t)written >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

int cal_format_date(struct civil_date d, char *buf, size_t size)
{
	if (!cal_formattable(d, buf, size)) {
		if (buf != NULL && size > 0)
			buf[0] = '\0';
		return -1;
	}
	const int n = snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
	return cal_finish(n, buf, size);
}

int cal_format_long_fr(struct civil_date d, char *buf, size_t size)
{
	if (!cal_formattable(d, buf, size)) {
		if (buf != NULL && size > 0)
			buf[0] = '\0';
		return -1;
	}
	/* French writes the first of the month as an ordinal: "1er mai". */
	const int n = snprintf(buf, size, "%s %d%s %s %d",
		cal_weekdays_fr[cal_day_of_week(d)], d.day, d.day == 1 ? "er" : "",
		cal_months_fr[d.month - 1], d.year);
	return cal_finish(n, buf, size);
}

const char *cal_weekday_name_fr(int weekday)
{
	return weekday >= 0 && weekday < 7 ? cal_weekdays_fr[weekday] : NULL;
}

const char *cal_month_name_fr(int month)
{
	return month >= 1 && month <= 12 ? cal_months_fr[month - 1] : NULL;
}

static struct civil_date cal_last_sunday(int year, int month)
{
	struct civil_date d = { year, month, cal_days_in_month(year, month) };
	/* Sunday is 6: step back by how far the last day is past Sunday. */
	return cal_add_days(d, -((cal_day_of_week(d) + 1) % 7));
}

/* The instant, in Unix seconds, of 01:00 UTC on the last Sunday of month. */
static int64_t cal_eu_switch_instant(int year, int month)
{
	return cal_days_from_civil(cal_last_sunday(year, month)) * CAL_SECONDS_PER_DAY + 3600;
}

/* Keeps instants within years 0001..9999, local time included, so that
 * adding an offset can never overflow and the year always fits. */
static int64_t cal_clamp_instant(int64_t t)
{
	const struct civil_date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
	const int64_t lo = cal_days_from_civil(first) * CAL_SECONDS_PER_DAY;
	/* The last instant whose local time, two hours ahead, is still in 9999. */
	const int64_t hi = cal_days_from_civil(last) * CAL_SECONDS_PER_DAY + CAL_SECONDS_PER_DAY - 7200 - 1;
	return t < lo ? lo : t > hi ? hi : t;
}

int cal_paris_utc_offset(int64_t unix_seconds)
{
	const int64_t t = cal_clamp_instant(unix_seconds);
	/* The switches are in March and October, far from New Year, so the
	 * UTC year is the local year for this purpose. */
	const int year = cal_civil_from_days(cal_floor_div(t, CAL_SECONDS_PER_DAY)).year;
	const int summer = t >= cal_eu_switch_instant(year, 3) &&
		t < cal_eu_switch_instant(year, 10);
	return summer ? 7200 : 3600;
}

struct civil_date cal_paris_local_date(int64_t unix_seconds)
{
	const int64_t t = cal_clamp_instant(unix_seconds);
	const int64_t local = t + cal_paris_utc_offset(t);
	return cal_civil_from_days(cal_floor_div(local, CAL_SECONDS_PER_DAY));
}
