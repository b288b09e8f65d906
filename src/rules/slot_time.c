/* Slot times: Paris wall clock and UTC instants, the typed-slot check,
 * parts of the day, calendar-view dates and French spans. See slot_time.h
 * for the rules; the Europe/Paris offset itself is calendar_fr's. */
#include "rules/slot_time.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define SLOT_SECONDS_PER_DAY 86400
#define SLOT_WINTER_OFFSET 3600
#define SLOT_SUMMER_OFFSET 7200

/* Years of slot_paris_to_utc and of the clamp of slot_utc_to_paris: those
 * cal_paris_utc_offset handles without clamping. */
#define SLOT_YEAR_FIRST 1
#define SLOT_YEAR_LAST 9999

/* The "DD:DD" shape, whatever the values: 0 with *h and *m, or -1. Lets
 * slot_check tell "25:00" (no such time) from "9h30" (not the format). */
static int slot_time_shape(const char *s, int *h, int *m)
{
	if (s == NULL)
		return -1;
	const int hh = cal_read_digits(s, 2);
	if (hh < 0 || s[2] != ':')
		return -1;
	const int mm = cal_read_digits(s + 3, 2);
	if (mm < 0 || s[5] != '\0')
		return -1;
	*h = hh;
	*m = mm;
	return 0;
}

int slot_parse_time(const char *s, int *minutes)
{
	int h, m;
	if (minutes == NULL || slot_time_shape(s, &h, &m) != 0 || h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

/* snprintf's result checked for truncation; buf emptied on any error so
 * that a caller ignoring the result never shows half a value. */
static int slot_finish(int written, char *buf, size_t size)
{
	if (written < 0 || (size_t)written >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

static int slot_time_formattable(int minutes, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return 0;
	if (minutes < 0 || minutes >= SLOT_MINUTES_PER_DAY) {
		buf[0] = '\0';
		return 0;
	}
	return 1;
}

int slot_format_hhmm(int minutes, char *buf, size_t size)
{
	if (!slot_time_formattable(minutes, buf, size))
		return -1;
	return slot_finish(snprintf(buf, size, "%02d:%02d", minutes / 60, minutes % 60), buf, size);
}

int slot_format_time_fr(int minutes, char *buf, size_t size)
{
	if (!slot_time_formattable(minutes, buf, size))
		return -1;
	const int n = minutes % 60 == 0
		? snprintf(buf, size, "%d h", minutes / 60)
		: snprintf(buf, size, "%d h %02d", minutes / 60, minutes % 60);
	return slot_finish(n, buf, size);
}

static int slot_year_ok(struct civil_date d)
{
	return cal_date_is_valid(d) && d.year >= SLOT_YEAR_FIRST && d.year <= SLOT_YEAR_LAST;
}

enum slot_local slot_paris_to_utc(struct civil_date d, int minutes, int64_t *utc)
{
	if (utc == NULL || !slot_year_ok(d) || minutes < 0 || minutes >= SLOT_MINUTES_PER_DAY)
		return SLOT_LOCAL_INVALID;
	/* The wall-clock time read as if it were UTC, then the two possible
	 * readings: each is right when the offset at that instant is the one
	 * that was assumed. */
	const int64_t local = cal_days_from_civil(d) * SLOT_SECONDS_PER_DAY + (int64_t)minutes * 60;
	const int64_t winter = local - SLOT_WINTER_OFFSET;
	const int64_t summer = local - SLOT_SUMMER_OFFSET;
	const int winter_ok = cal_paris_utc_offset(winter) == SLOT_WINTER_OFFSET;
	const int summer_ok = cal_paris_utc_offset(summer) == SLOT_SUMMER_OFFSET;
	if (winter_ok && summer_ok) {
		*utc = summer; /* the earlier instant: the first 02:30 */
		return SLOT_LOCAL_AMBIGUOUS;
	}
	if (summer_ok) {
		*utc = summer;
		return SLOT_LOCAL_OK;
	}
	*utc = winter;
	return winter_ok ? SLOT_LOCAL_OK : SLOT_LOCAL_GAP;
}

void slot_utc_to_paris(int64_t utc, struct civil_date *d, int *minutes)
{
	const struct civil_date first = { SLOT_YEAR_FIRST, 1, 1 }, last = { SLOT_YEAR_LAST, 12, 31 };
	const int64_t lo = cal_days_from_civil(first) * SLOT_SECONDS_PER_DAY;
	/* The last instant whose local time, two hours ahead, is still in 9999. */
	const int64_t hi = cal_days_from_civil(last) * SLOT_SECONDS_PER_DAY +
		SLOT_SECONDS_PER_DAY - SLOT_SUMMER_OFFSET - 1;
	const int64_t t = utc < lo ? lo : utc > hi ? hi : utc;
	const int64_t local = t + cal_paris_utc_offset(t);
	const int64_t days = cal_floor_div(local, SLOT_SECONDS_PER_DAY);
	if (d != NULL)
		*d = cal_civil_from_days(days);
	if (minutes != NULL)
		*minutes = (int)((local - days * SLOT_SECONDS_PER_DAY) / 60);
}

enum slot_part slot_part_of(int start_min, int end_min)
{
	if (end_min <= SLOT_MORNING_END_MAX)
		return SLOT_MORNING;
	if (start_min >= SLOT_AFTERNOON_START_MIN)
		return SLOT_AFTERNOON;
	return SLOT_FULL_DAY;
}

const char *slot_part_name(enum slot_part p)
{
	switch (p) {
	case SLOT_MORNING: return "matin";
	case SLOT_AFTERNOON: return "apres_midi";
	case SLOT_FULL_DAY: return "journee";
	}
	return NULL;
}

int slot_part_parse(const char *s, enum slot_part *out)
{
	static const enum slot_part parts[] = { SLOT_MORNING, SLOT_AFTERNOON, SLOT_FULL_DAY };
	if (s == NULL || out == NULL)
		return -1;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (strcmp(s, slot_part_name(parts[i])) == 0) {
			*out = parts[i];
			return 0;
		}
	}
	return -1;
}

const char *slot_part_label_fr(enum slot_part p)
{
	switch (p) {
	case SLOT_MORNING: return "Matin";
	case SLOT_AFTERNOON: return "Après-midi";
	case SLOT_FULL_DAY: return "Journée";
	}
	return NULL;
}

/* ---------------------------------------------------------------- */
/* The typed-slot check. */

__attribute__((format(printf, 3, 4)))
static int slot_fail(struct slot_error *err, const char *field, const char *fmt, ...)
{
	va_list ap;
	err->field = field;
	va_start(ap, fmt);
	/* Every message fits SLOT_MESSAGE_BUF (the tests print the longest);
	 * were one cut, it would still be a terminated string. */
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return -1;
}

/* The same month and day in another year; 29 February becomes the 28th
 * when that year has none. */
static struct civil_date slot_same_day_in(struct civil_date d, int year)
{
	struct civil_date r = { year, d.month, d.day };
	const int last = cal_days_in_month(year, d.month);
	if (r.day > last)
		r.day = last;
	return r;
}

/* The day field: shape, existence, then distance from today. */
static int slot_check_day(const char *s, struct civil_date today,
		struct civil_date *out, struct slot_error *err)
{
	if (s == NULL || s[0] == '\0')
		return slot_fail(err, "day", "Veuillez indiquer la date du créneau.");
	/* Each read stops at a non-digit, and the separators are checked
	 * after the digits before them: nothing is read past the NUL. */
	struct civil_date d;
	d.year = cal_read_digits(s, 4);
	if (d.year >= 0 && s[4] == '-')
		d.month = cal_read_digits(s + 5, 2);
	else
		d.month = -1;
	if (d.month >= 0 && s[7] == '-')
		d.day = cal_read_digits(s + 8, 2);
	else
		d.day = -1;
	if (d.day < 0 || s[10] != '\0')
		return slot_fail(err, "day",
			"Veuillez indiquer la date sous la forme AAAA-MM-JJ, par exemple 2026-03-12.");
	if (d.month < 1 || d.month > 12)
		return slot_fail(err, "day",
			"Cette date n'existe pas (%s) : le mois doit être compris entre 01 et 12.", s);
	if (d.day < 1)
		return slot_fail(err, "day",
			"Cette date n'existe pas (%s) : les jours d'un mois commencent au 1er.", s);
	const int days = cal_days_in_month(d.year, d.month);
	const char *month = cal_month_name_fr(d.month);
	if (d.day > days) {
		if (d.month == 2 && d.day == 29)
			return slot_fail(err, "day",
				"Le 29 février %d n'existe pas : %d n'est pas une année bissextile, "
				"février n'a que 28 jours.", d.year, d.year);
		if (d.month == 2)
			return slot_fail(err, "day", "Le %d février %d n'existe pas : "
				"février %d n'a que %d jours.", d.day, d.year, d.year, days);
		return slot_fail(err, "day", "Le %d %s %d n'existe pas : %s n'a que %d jours.",
			d.day, month, d.year, month, days);
	}

	const struct civil_date lo = slot_same_day_in(today, today.year - SLOT_PAST_YEARS);
	const struct civil_date hi = slot_same_day_in(today, today.year + SLOT_FUTURE_YEARS);
	const int before = cal_date_compare(d, lo) < 0, after = cal_date_compare(d, hi) > 0;
	if (before || after) {
		char lo_fr[CAL_LONG_FR_BUF], hi_fr[CAL_LONG_FR_BUF];
		cal_format_long_fr(lo, lo_fr, sizeof lo_fr);
		cal_format_long_fr(hi, hi_fr, sizeof hi_fr);
		return slot_fail(err, "day", "Cette date est trop %s : la date d'un créneau "
			"doit être comprise entre le %s et le %s.",
			before ? "ancienne" : "lointaine", lo_fr, hi_fr);
	}
	*out = d;
	return 0;
}

/* How the messages name each time field. */
struct slot_time_field {
	const char *field;
	const char *name;  /* in a sentence */
	const char *Name;  /* starting one */
};

static const struct slot_time_field slot_start_field = { "start", "l'heure de début", "L'heure de début" };
static const struct slot_time_field slot_end_field = { "end", "l'heure de fin", "L'heure de fin" };

/* A time field: shape, range, then whether it exists once on that day. */
static int slot_check_time(const char *s, const struct slot_time_field *f, struct civil_date day,
		int *minutes, int64_t *utc, struct slot_error *err)
{
	int h, m;
	if (s == NULL || s[0] == '\0')
		return slot_fail(err, f->field, "Veuillez indiquer %s.", f->name);
	if (slot_time_shape(s, &h, &m) != 0)
		return slot_fail(err, f->field,
			"Veuillez indiquer %s sous la forme HH:MM, par exemple 09:30.", f->name);
	if (h > 23 || m > 59)
		return slot_fail(err, f->field,
			"%s n'existe pas (%s) : indiquez une heure comprise entre 00:00 et 23:59.", f->Name, s);
	*minutes = h * 60 + m;

	char day_fr[CAL_LONG_FR_BUF];
	switch (slot_paris_to_utc(day, *minutes, utc)) {
	case SLOT_LOCAL_OK:
		return 0;
	case SLOT_LOCAL_GAP:
		cal_format_long_fr(day, day_fr, sizeof day_fr);
		return slot_fail(err, f->field, "%s (%s) n'existe pas le %s : cette nuit-là, "
			"on passe à l'heure d'été et les horloges avancent directement de 2 h à 3 h. "
			"Veuillez choisir une heure avant 2 h ou à partir de 3 h.", f->Name, s, day_fr);
	case SLOT_LOCAL_AMBIGUOUS:
		cal_format_long_fr(day, day_fr, sizeof day_fr);
		return slot_fail(err, f->field, "%s (%s) est ambiguë le %s : cette nuit-là, "
			"on passe à l'heure d'hiver et les horloges reviennent de 3 h à 2 h, "
			"si bien que %s a lieu deux fois. "
			"Veuillez choisir une heure avant 2 h ou à partir de 3 h.", f->Name, s, day_fr, s);
	case SLOT_LOCAL_INVALID:
		break;
	}
	/* Not reached: the day and the time were checked above. */
	return slot_fail(err, f->field, "Veuillez vérifier %s.", f->name);
}

/* "1 minute", "45 minutes", "2 heures", "14 heures 30 minutes". */
static void slot_duration_fr(int minutes, char *buf, size_t size)
{
	const int h = minutes / 60, m = minutes % 60;
	if (h == 0)
		snprintf(buf, size, "%d minute%s", m, m > 1 ? "s" : "");
	else if (m == 0)
		snprintf(buf, size, "%d heure%s", h, h > 1 ? "s" : "");
	else
		snprintf(buf, size, "%d heure%s %d minute%s", h, h > 1 ? "s" : "", m, m > 1 ? "s" : "");
}

int slot_check(const struct slot_input *in, struct civil_date today,
		struct slot_times *out, struct slot_error *err)
{
	if (out == NULL || err == NULL)
		return -1;
	static const struct slot_input empty = { NULL, NULL, NULL };
	if (in == NULL)
		in = &empty;
	err->field = NULL;
	err->message[0] = '\0';
	if (!cal_date_is_valid(today) || today.year < CAL_YEAR_MIN || today.year > CAL_YEAR_MAX)
		return slot_fail(err, "day",
			"La date du jour est inconnue : le créneau ne peut pas être vérifié.");

	struct slot_times t;
	if (slot_check_day(in->day, today, &t.day, err) != 0 ||
	    slot_check_time(in->start, &slot_start_field, t.day, &t.start_min, &t.start_utc, err) != 0 ||
	    slot_check_time(in->end, &slot_end_field, t.day, &t.end_min, &t.end_utc, err) != 0)
		return -1;
	/* Neither time is in a gap nor a repeated hour, so the wall clock and
	 * the instants are in the same order. */
	if (t.end_min <= t.start_min)
		return slot_fail(err, "end", "L'heure de fin doit être après l'heure de début.");

	const int elapsed = (int)((t.end_utc - t.start_utc) / 60);
	if (elapsed < SLOT_MIN_MINUTES || elapsed > SLOT_MAX_MINUTES) {
		char got[48], limit[48];
		const int too_short = elapsed < SLOT_MIN_MINUTES;
		slot_duration_fr(elapsed, got, sizeof got);
		slot_duration_fr(too_short ? SLOT_MIN_MINUTES : SLOT_MAX_MINUTES, limit, sizeof limit);
		return slot_fail(err, "end", "Ce créneau est trop %s : il dure %s%s ; le %s est de %s.",
			too_short ? "court" : "long", got,
			elapsed != t.end_min - t.start_min ? ", changement d'heure compris" : "",
			too_short ? "minimum" : "maximum", limit);
	}
	t.part = slot_part_of(t.start_min, t.end_min);
	*out = t;
	return 0;
}

/* ---------------------------------------------------------------- */
/* Calendar views and spans. */

struct civil_date slot_week_monday(struct civil_date d)
{
	return cal_add_days(d, -cal_day_of_week(d));
}

int slot_iso_week(struct civil_date d, int *iso_year)
{
	if (!slot_year_ok(d))
		return -1;
	/* An ISO week belongs to the year of its Thursday, and week 1 is the
	 * one holding the year's first Thursday: count the Thursdays. */
	const struct civil_date thursday = cal_add_days(d, CAL_THURSDAY - cal_day_of_week(d));
	const struct civil_date jan1 = { thursday.year, 1, 1 };
	if (iso_year != NULL)
		*iso_year = thursday.year;
	return (int)((cal_days_from_civil(thursday) - cal_days_from_civil(jan1)) / 7) + 1;
}

int slot_month_grid(int year, int month, struct civil_date *first_monday)
{
	if (month < 1 || month > 12 || year < CAL_YEAR_MIN || year > CAL_YEAR_MAX)
		return -1;
	const struct civil_date first = { year, month, 1 };
	const struct civil_date last = { year, month, cal_days_in_month(year, month) };
	const struct civil_date top = slot_week_monday(first);
	if (first_monday != NULL)
		*first_monday = top;
	return (int)((cal_days_from_civil(slot_week_monday(last)) - cal_days_from_civil(top)) / 7) + 1;
}

static int slot_span_date_ok(struct civil_date d)
{
	return cal_date_is_valid(d) && d.year >= 0 && d.year <= 9999;
}

int slot_span_fr(struct civil_date first, struct civil_date last, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return -1;
	if (!slot_span_date_ok(first) || !slot_span_date_ok(last) ||
	    cal_date_compare(first, last) > 0) {
		buf[0] = '\0';
		return -1;
	}
	if (cal_date_compare(first, last) == 0) {
		char day_fr[CAL_LONG_FR_BUF];
		if (cal_format_long_fr(first, day_fr, sizeof day_fr) != 0) {
			buf[0] = '\0';
			return -1;
		}
		return slot_finish(snprintf(buf, size, "le %s", day_fr), buf, size);
	}
	/* French writes the first of the month as an ordinal: "1er mai". */
	const char *first_er = first.day == 1 ? "er" : "", *last_er = last.day == 1 ? "er" : "";
	const char *first_month = cal_month_name_fr(first.month), *last_month = cal_month_name_fr(last.month);
	int n;
	if (first.year == last.year && first.month == last.month)
		n = snprintf(buf, size, "du %d%s au %d%s %s %d",
			first.day, first_er, last.day, last_er, last_month, last.year);
	else if (first.year == last.year)
		n = snprintf(buf, size, "du %d%s %s au %d%s %s %d",
			first.day, first_er, first_month, last.day, last_er, last_month, last.year);
	else
		n = snprintf(buf, size, "du %d%s %s %d au %d%s %s %d",
			first.day, first_er, first_month, first.year,
			last.day, last_er, last_month, last.year);
	return slot_finish(n, buf, size);
}
