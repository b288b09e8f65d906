/* A session planned in one form: one row per day of the course's
 * programme (or two, in half-days), each with its date, part of the day
 * and times, the next row's date proposed from the previous one. What
 * can be derived is derived here, from plain values: the usual times of
 * a part, the next date (weekends, public holidays and closure days
 * skipped), a journée's lunch break, rows of the plan that overlap each
 * other, and the words of what was created. */
#ifndef FORMATIONS_RULES_SESSION_PLAN_H
#define FORMATIONS_RULES_SESSION_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "rules/calendar_fr.h"
#include "rules/slot_time.h"

/* Rows of one plan: twelve days in half-days. Each row is seven fields of
 * the form, which must stay within the default fields_max (200) with the
 * session's own fields and ten trainers. */
#define PLAN_ROWS_MAX 24

/* The words of plan_count_fr: "12 journées et 13 demi-journées". */
#define PLAN_COUNT_FR_BUF 104

/* Minutes since midnight, Europe/Paris. lunch_* matter for a journée only
 * (its two half-days of attendance are split there). */
struct plan_times {
	int start, end, lunch_start, lunch_end;
};

/* The usual times of a part of the day at EGOC: morning 9 h – 12 h 30,
 * afternoon 13 h 30 – 17 h, a day 9 h – 17 h with lunch 12 h 30 – 13 h 30
 * (the slot table's default break). */
struct plan_times plan_usual_times(enum slot_part p);

/* The times a row keeps when its part changes from was to now: the
 * usual times of now when the typed ones are still the usual times of
 * was (the user did not touch them), else the typed ones. */
struct plan_times plan_times_for_part(enum slot_part was, enum slot_part now,
		struct plan_times typed);

/* The date proposed for a row of part `part` after a row of part
 * prev_part on prev: the same day when an afternoon follows a morning,
 * otherwise the next working day (weekends, French public holidays and
 * the closure days skipped). closures may be NULL when n is 0. */
struct civil_date plan_next_day(struct civil_date prev, enum slot_part prev_part,
		enum slot_part part, const struct civil_date *closures, size_t n);

/* NULL when a journée from start to end may break for lunch from
 * lunch_start to lunch_end (start < lunch_start < lunch_end < end), else
 * the French message. */
const char *plan_lunch_check(struct plan_times t);

/* The first row j < i whose [starts, ends) overlaps row i's, or -1.
 * Touching ends (12:30 then 12:30) do not overlap. */
long plan_first_overlap(const int64_t *starts, const int64_t *ends, size_t i);

/* What a plan holds in words: "5 journées", "1 journée et 2
 * demi-journées", "1 demi-journée", "aucun créneau". 0, or -1 when buf
 * is too small (PLAN_COUNT_FR_BUF always fits). */
int plan_count_fr(size_t days, size_t halves, char *buf, size_t size);

#endif
