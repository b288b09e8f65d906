#include "rules/session_plan.h"

#include <stdio.h>

#include "rules/due_date.h"

struct plan_times plan_usual_times(enum slot_part p)
{
	struct plan_times lunch = { 0, 0, 12 * 60 + 30, 13 * 60 + 30 };
	switch (p) {
	case SLOT_MORNING:
		return (struct plan_times){ 9 * 60, 12 * 60 + 30, lunch.lunch_start, lunch.lunch_end };
	case SLOT_AFTERNOON:
		return (struct plan_times){ 13 * 60 + 30, 17 * 60, lunch.lunch_start, lunch.lunch_end };
	case SLOT_FULL_DAY:
	default:
		return (struct plan_times){ 9 * 60, 17 * 60, lunch.lunch_start, lunch.lunch_end };
	}
}

static int same_times(struct plan_times a, struct plan_times b)
{
	return a.start == b.start && a.end == b.end;
}

struct plan_times plan_times_for_part(enum slot_part was, enum slot_part now,
		struct plan_times typed)
{
	if (was != now && same_times(typed, plan_usual_times(was))) {
		struct plan_times t = plan_usual_times(now);
		/* a break typed by hand stays */
		t.lunch_start = typed.lunch_start;
		t.lunch_end = typed.lunch_end;
		return t;
	}
	return typed;
}

struct civil_date plan_next_day(struct civil_date prev, enum slot_part prev_part,
		enum slot_part part, const struct civil_date *closures, size_t n)
{
	if (prev_part == SLOT_MORNING && part == SLOT_AFTERNOON)
		return prev;
	return due_working_days_from(prev, 1, closures, n);
}

const char *plan_lunch_check(struct plan_times t)
{
	if (t.lunch_start >= t.lunch_end)
		return "La pause de midi doit finir après avoir commencé.";
	if (t.lunch_start <= t.start || t.lunch_end >= t.end)
		return "La pause de midi doit tomber entre le début et la fin de la journée.";
	return NULL;
}

long plan_first_overlap(const int64_t *starts, const int64_t *ends, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (starts[j] < ends[i] && starts[i] < ends[j])
			return (long)j;
	return -1;
}

int plan_count_fr(size_t days, size_t halves, char *buf, size_t size)
{
	char d[48] = "", h[48] = "";
	if (days)
		snprintf(d, sizeof(d), "%zu journée%s", days, days > 1 ? "s" : "");
	if (halves)
		snprintf(h, sizeof(h), "%zu demi-journée%s", halves, halves > 1 ? "s" : "");
	int n = snprintf(buf, size, "%s%s%s%s", d, days && halves ? " et " : "", h,
		!days && !halves ? "aucun créneau" : "");
	if (n < 0 || (size_t)n >= size) {
		if (size)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}
