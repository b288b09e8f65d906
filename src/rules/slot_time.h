/* The times of a slot (créneau): one dated half-day or day of a session,
 * whose start and end are typed as Europe/Paris wall-clock times and kept
 * as UTC instants (the slot table's starts_at / ends_at). Converting
 * between the two, refusing the times that the changes to summer and
 * winter time make missing or ambiguous, checking a slot typed in a staff
 * form, classifying it as morning / afternoon / day, and the dates the
 * calendar views and the session pages show.
 *
 * Pure like calendar_fr, for the same reason: no I/O, no globals, no
 * allocation, no time_t and no system time zone database, so that every
 * rule can be tested on any date, the changes of time included. Times of
 * day are minutes since local midnight (0..1439); instants are Unix
 * seconds (int64_t). */
#ifndef FORMATIONS_RULES_SLOT_TIME_H
#define FORMATIONS_RULES_SLOT_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "rules/calendar_fr.h"

#define SLOT_MINUTES_PER_DAY 1440

/* Length of a slot in real elapsed time, both bounds allowed. The maximum
 * is also a CHECK of the slot table (ends_at - starts_at <= 14 hours). */
#define SLOT_MIN_MINUTES 15
#define SLOT_MAX_MINUTES (14 * 60)

/* How far from today a slot may be typed, in years, bounds included: far
 * enough back to record a past session, far enough ahead to plan, and
 * close enough to catch a mistyped year (2062 for 2026). */
#define SLOT_PAST_YEARS 1
#define SLOT_FUTURE_YEARS 3

/* Part boundaries (minutes since midnight): a slot ending at 13:00 or
 * earlier is a morning, one starting at 12:00 or later an afternoon. */
#define SLOT_MORNING_END_MAX (13 * 60)
#define SLOT_AFTERNOON_START_MIN (12 * 60)

/* Buffer sizes, terminating NUL included: "09:30"; "23 h 59"; the longest
 * span, "du 1er décembre 2026 au 1er décembre 2027" (43 bytes in UTF-8,
 * any 4-digit year); the messages of slot_check. */
#define SLOT_HHMM_BUF 6
#define SLOT_TIME_FR_BUF 8
#define SLOT_SPAN_FR_BUF 48
#define SLOT_MESSAGE_BUF 320

/* Strict "HH:MM" as sent by <input type="time">: exactly five characters,
 * two ASCII digits each side, 00:00..23:59 (no "9:30", no seconds, no
 * "24:00"). 0 and *minutes set, or -1 (minutes untouched). */
int slot_parse_time(const char *s, int *minutes);
/* "09:30", the value of a form field, into buf. 0, or -1 (buf set to ""
 * when size > 0) when minutes is outside 0..1439 or buf is too small. */
int slot_format_hhmm(int minutes, char *buf, size_t size);
/* For display, the French way: 540 -> "9 h", 570 -> "9 h 30", 545 ->
 * "9 h 05", 0 -> "0 h". Same errors as slot_format_hhmm. */
int slot_format_time_fr(int minutes, char *buf, size_t size);

/* What a Paris wall-clock time is on its day. */
enum slot_local {
	SLOT_LOCAL_OK,        /* exists once */
	SLOT_LOCAL_GAP,       /* skipped: last Sunday of March, 02:00-02:59 */
	SLOT_LOCAL_AMBIGUOUS, /* happens twice: last Sunday of October, 02:00-02:59 */
	SLOT_LOCAL_INVALID,   /* not a date of years 1..9999, or minutes outside 0..1439 */
};

/* The UTC instant of a Paris wall-clock time (Unix seconds into *utc).
 * Asks cal_paris_utc_offset whether the winter (+1 h) or the summer (+2 h)
 * reading of the time is consistent, which is the EU rule and needs no
 * table of changes:
 *   - exactly one: SLOT_LOCAL_OK;
 *   - neither (the gap of March): SLOT_LOCAL_GAP, *utc read with the winter
 *     offset, so 02:30 gives the instant shown as 03:30 summer time;
 *   - both (the repeated hour of October): SLOT_LOCAL_AMBIGUOUS, *utc the
 *     first occurrence, still in summer time.
 * SLOT_LOCAL_INVALID leaves *utc untouched. */
enum slot_local slot_paris_to_utc(struct civil_date d, int minutes, int64_t *utc);
/* The inverse: the Paris date and wall-clock time of an instant, seconds
 * dropped (rounded down). Instants outside years 0001..9999 are clamped
 * to those ends like cal_paris_local_date. Either output may be NULL.
 * Every instant round-trips through slot_paris_to_utc except those of the
 * second (winter time) 02:00-02:59 of October, which come back as the
 * first. */
void slot_utc_to_paris(int64_t utc, struct civil_date *d, int *minutes);

/* The kind of a slot, stored in slot.part. */
enum slot_part {
	SLOT_MORNING,
	SLOT_AFTERNOON,
	SLOT_FULL_DAY,
};

/* From the wall-clock times: SLOT_MORNING when it ends at 13:00 or
 * earlier, otherwise SLOT_AFTERNOON when it starts at 12:00 or later,
 * otherwise SLOT_FULL_DAY. A 12:00-13:00 slot is a morning (lunch-time
 * sessions count with the morning). */
enum slot_part slot_part_of(int start_min, int end_min);
/* The database value: "matin", "apres_midi", "journee"; NULL out of the
 * enum. */
const char *slot_part_name(enum slot_part p);
/* The inverse of slot_part_name, exact and case-sensitive: 0 and *out, or
 * -1. */
int slot_part_parse(const char *s, enum slot_part *out);
/* For display: "Matin", "Après-midi", "Journée"; NULL out of the enum. */
const char *slot_part_label_fr(enum slot_part p);

/* A slot as typed in a staff form, the strings as received (NULL or "" for
 * an empty field). */
struct slot_input {
	const char *day;   /* "YYYY-MM-DD" (<input type="date">) */
	const char *start; /* "HH:MM" */
	const char *end;   /* "HH:MM" */
};

/* A checked slot, ready to store. */
struct slot_times {
	struct civil_date day;
	int start_min, end_min;       /* wall clock, Europe/Paris */
	int64_t start_utc, end_utc;   /* Unix seconds: starts_at, ends_at */
	enum slot_part part;          /* slot_part_of(start_min, end_min) */
};

/* Why slot_check refused: the form field to mark and what to tell the
 * staff member. The message is built here because most of them name the
 * date, the time or the bounds in question. */
struct slot_error {
	const char *field;                /* "day", "start" or "end" */
	char message[SLOT_MESSAGE_BUF];   /* French, UTF-8 */
};

/* Checks a typed slot against today's Europe/Paris date (the caller's
 * cal_paris_local_date of now). Returns 0 and fills *out (err->field set to
 * NULL and err->message to ""), or -1 with the first problem found in the
 * order of the form — day, start, end, then the slot as a whole — in *err
 * and *out untouched:
 *   day   missing; not "YYYY-MM-DD"; a date that does not exist (30
 *         February, 29 February 2027, 31 April, month 13, day 00); before
 *         the same day SLOT_PAST_YEARS years ago or after the same day
 *         SLOT_FUTURE_YEARS years ahead (29 February counts as the 28th in
 *         other years), both bounds given in the message;
 *   start, end
 *         missing; not "HH:MM"; 24:00 and above or :60 and above; a time
 *         that does not exist that day (the change to summer time) or that
 *         happens twice (the change to winter time);
 *   end   not after the start; shorter than SLOT_MIN_MINUTES or longer
 *         than SLOT_MAX_MINUTES in real elapsed time (01:00-04:00 on the
 *         day of the change to summer time lasts two hours).
 * A slot cannot cross midnight: the end is a time of the same day.
 * An invalid today (not a date of CAL_YEAR_MIN..CAL_YEAR_MAX) is reported
 * on the day field. Returns -1 without a message only when out or err is
 * NULL; a NULL in is an empty form. */
int slot_check(const struct slot_input *in, struct civil_date today,
		struct slot_times *out, struct slot_error *err);

/* The Monday on or before d: the first column of the week views. d must
 * be valid. */
struct civil_date slot_week_monday(struct civil_date d);
/* The ISO 8601 week number (1..53) of d, the one French calendars print,
 * and its year into *iso_year (may be NULL), which differs from d's year
 * around New Year: 2027-01-01 is in week 53 of 2026, 2024-12-30 in week 1
 * of 2025. -1 when d is invalid or outside years 1..9999. */
int slot_iso_week(struct civil_date d, int *iso_year);
/* The rows of a Monday-first month grid: returns how many weeks (4..6)
 * show every day of the month and sets *first_monday (may be NULL) to the
 * Monday of the first row, in the previous month unless the 1st is a
 * Monday. -1 when month is not 1..12 or year is outside
 * CAL_YEAR_MIN..CAL_YEAR_MAX. */
int slot_month_grid(int year, int month, struct civil_date *first_monday);

/* The dates of a session, for its page and its emails (UTF-8):
 *   "le jeudi 12 mars 2026"                    one day
 *   "du 12 au 13 mars 2026", "du 1er au 3 mai 2027"   within a month
 *   "du 12 mars au 4 juin 2027"                within a year
 *   "du 12 décembre 2026 au 4 janvier 2027"    across years
 * The span says nothing about the days in between (modules in March, May
 * and June read "du ... mars au ... juin"). 0, or -1 (buf set to "" when
 * size > 0) when a date is invalid or outside years 0..9999, last is
 * before first, or buf is too small (SLOT_SPAN_FR_BUF always fits). */
int slot_span_fr(struct civil_date first, struct civil_date last, char *buf, size_t size);

#endif
