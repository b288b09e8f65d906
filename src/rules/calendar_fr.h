/* Civil-date arithmetic for the French calendar: days since the epoch,
 * weekdays, month ends, Easter and the French public holidays, strict
 * "YYYY-MM-DD" parsing, French long dates ("mercredi 20 mai 2026") and the
 * Europe/Paris local date of an instant.
 *
 * Pure on purpose: no time_t, no time zone database, no I/O, no globals, no
 * allocation, so that the due-date rule can be tested on any date without
 * touching the clock or the system's zoneinfo. Dates are proleptic
 * Gregorian. */
#ifndef FORMATIONS_RULES_CALENDAR_FR_H
#define FORMATIONS_RULES_CALENDAR_FR_H

#include <stddef.h>
#include <stdint.h>

struct civil_date {
	int year, month, day; /* month 1..12, day 1..31 */
};

/* Years accepted by cal_parse_date (and by the due-date rule). */
#define CAL_YEAR_MIN 1900
#define CAL_YEAR_MAX 2200

/* Buffer sizes, terminating NUL included: "2026-05-20" and the longest
 * French long date ("mercredi 30 septembre 2026" with a 4-digit year). */
#define CAL_DATE_BUF 11
#define CAL_LONG_FR_BUF 32

/* Day numbers of cal_day_of_week: ISO order, Monday first. */
enum cal_weekday {
	CAL_MONDAY, CAL_TUESDAY, CAL_WEDNESDAY, CAL_THURSDAY,
	CAL_FRIDAY, CAL_SATURDAY, CAL_SUNDAY
};

/* 1 for a Gregorian leap year (2028 yes, 2100 no, 2000 yes). */
/* Division rounding towards minus infinity (instants before 1970). */
int64_t cal_floor_div(int64_t a, int64_t b);
/* n ASCII digits at s as a number, or -1 (isdigit() would depend on the
 * locale). Stops at the first non-digit, so never reads past a NUL. */
int cal_read_digits(const char *s, int n);
int cal_is_leap_year(int year);
/* 28..31, or 0 when month is not 1..12. */
int cal_days_in_month(int year, int month);
/* 1 when month is 1..12 and day exists in that month (any year). */
int cal_date_is_valid(struct civil_date d);
/* <0, 0, >0 like strcmp. */
int cal_date_compare(struct civil_date a, struct civil_date b);

/* Days since 1970-01-01 (negative before). d must be valid. */
int64_t cal_days_from_civil(struct civil_date d);
/* The inverse. Saturates at about +/- one million years so that the year
 * always fits an int. */
struct civil_date cal_civil_from_days(int64_t days);
/* 0 = Monday .. 6 = Sunday (enum cal_weekday). d must be valid. */
int cal_day_of_week(struct civil_date d);
/* d + n days (n may be negative). */
struct civil_date cal_add_days(struct civil_date d, int n);
/* The same day of the next month, or that month's last day when it has no
 * such day: 31 Jan -> 28/29 Feb, 31 Mar -> 30 Apr, 31 Dec -> 31 Jan. */
struct civil_date cal_add_month_clamped(struct civil_date d);

/* Easter Sunday (anonymous Gregorian algorithm). Meaningful for years
 * from 1583, when the Gregorian calendar started. */
struct civil_date cal_easter_sunday(int year);
/* 1 on the eleven French public holidays: 1 Jan, Easter Monday, 1 May,
 * 8 May, Ascension (Easter + 39), Whit Monday (Easter + 50), 14 Jul,
 * 15 Aug, 1 Nov, 11 Nov, 25 Dec. The current list is applied to every
 * year (no history of when each holiday was created or restored). */
int cal_is_french_public_holiday(struct civil_date d);
/* The French name of that public holiday ("Lundi de Pâques", "Noël"), or
 * NULL when d is not one. */
const char *cal_french_public_holiday_name(struct civil_date d);

/* Strict "YYYY-MM-DD": exactly ten characters, ASCII digits, a day that
 * exists, year within CAL_YEAR_MIN..CAL_YEAR_MAX. 0 and *out set, or -1
 * (out untouched). */
int cal_parse_date(const char *s, struct civil_date *out);
/* "YYYY-MM-DD" into buf: 0, or -1 (buf set to "" when size > 0) when d is
 * invalid, the year is outside 0..9999, or buf is too small. */
int cal_format_date(struct civil_date d, char *buf, size_t size);
/* "mercredi 20 mai 2026", "jeudi 1er janvier 2026" (UTF-8, lowercase)
 * into buf; same errors as cal_format_date. */
int cal_format_long_fr(struct civil_date d, char *buf, size_t size);
/* Lowercase French names for display: weekday 0 = Monday .. 6, month
 * 1..12; NULL when out of range. */
const char *cal_weekday_name_fr(int weekday);
const char *cal_month_name_fr(int month);

/* Offset of Europe/Paris from UTC at that instant, in seconds: 7200 in
 * summer time (from the last Sunday of March 01:00 UTC to the last Sunday
 * of October 01:00 UTC, the EU rule), 3600 otherwise. The EU rule is
 * applied to every year, so instants before 1996 may be off by an hour. */
int cal_paris_utc_offset(int64_t unix_seconds);
/* The civil date in Europe/Paris at that instant: the "received date" of a
 * demand. Instants outside years 0001..9999 are clamped to those ends. */
struct civil_date cal_paris_local_date(int64_t unix_seconds);

#endif
