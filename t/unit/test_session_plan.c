/* The plan of a session on paper: usual times of each part, times that
 * follow a changed part unless typed, the next row's date across
 * weekends, public holidays (Ascension 2027 is Thursday 6 May) and a
 * closure day, an afternoon after a morning on the same day, the lunch
 * break of a journée, overlapping rows and the words of a count. */
#include <string.h>

#include "tap.h"
#include "rules/calendar_fr.h"
#include "rules/session_plan.h"

static struct civil_date D(const char *s)
{
	struct civil_date d = { 0, 0, 0 };
	if (cal_parse_date(s, &d) != 0)
		printf("# bad date in the test table: %s\n", s);
	return d;
}

static const char *iso(struct civil_date d)
{
	static char buf[CAL_DATE_BUF];
	return cal_format_date(d, buf, sizeof(buf)) == 0 ? buf : "?";
}

int main(void)
{
	struct plan_times t = plan_usual_times(SLOT_FULL_DAY);
	tap_ok(t.start == 540 && t.end == 1020 && t.lunch_start == 750 && t.lunch_end == 810,
		"a journée: 9 h - 17 h, lunch 12 h 30 - 13 h 30");
	t = plan_usual_times(SLOT_MORNING);
	tap_ok(t.start == 540 && t.end == 750, "a morning: 9 h - 12 h 30");
	t = plan_usual_times(SLOT_AFTERNOON);
	tap_ok(t.start == 810 && t.end == 1020, "an afternoon: 13 h 30 - 17 h");

	t = plan_times_for_part(SLOT_FULL_DAY, SLOT_MORNING, plan_usual_times(SLOT_FULL_DAY));
	tap_ok(t.start == 540 && t.end == 750, "journée to morning, times untouched: the morning's");
	struct plan_times typed = { 600, 1020, 750, 810 };
	t = plan_times_for_part(SLOT_FULL_DAY, SLOT_MORNING, typed);
	tap_ok(t.start == 600 && t.end == 1020, "typed times stay when the part changes");
	t = plan_times_for_part(SLOT_MORNING, SLOT_MORNING, plan_usual_times(SLOT_MORNING));
	tap_ok(t.start == 540 && t.end == 750, "same part: same times");

	struct civil_date closures[] = { D("2027-05-07") };
	tap_is_str(iso(plan_next_day(D("2027-03-05"), SLOT_FULL_DAY, SLOT_FULL_DAY, NULL, 0)),
		"2027-03-08", "after a Friday: the Monday");
	tap_is_str(iso(plan_next_day(D("2027-05-05"), SLOT_FULL_DAY, SLOT_FULL_DAY, closures, 1)),
		"2027-05-10", "Ascension and a closure day skipped, then the weekend");
	tap_is_str(iso(plan_next_day(D("2027-03-29"), SLOT_FULL_DAY, SLOT_FULL_DAY, NULL, 0)),
		"2027-03-30", "the day after Easter Monday is a working day");
	tap_is_str(iso(plan_next_day(D("2027-03-02"), SLOT_MORNING, SLOT_AFTERNOON, NULL, 0)),
		"2027-03-02", "an afternoon after a morning: the same day");
	tap_is_str(iso(plan_next_day(D("2027-03-02"), SLOT_AFTERNOON, SLOT_MORNING, NULL, 0)),
		"2027-03-03", "a morning after an afternoon: the next day");
	tap_is_str(iso(plan_next_day(D("2027-03-02"), SLOT_MORNING, SLOT_MORNING, NULL, 0)),
		"2027-03-03", "a morning after a morning: the next day");

	tap_ok(plan_lunch_check(plan_usual_times(SLOT_FULL_DAY)) == NULL, "the usual break fits");
	tap_ok(plan_lunch_check((struct plan_times){ 540, 1020, 810, 750 }) != NULL, "a break ending before it starts");
	tap_ok(plan_lunch_check((struct plan_times){ 780, 1020, 750, 810 }) != NULL, "a break before the start");
	tap_ok(plan_lunch_check((struct plan_times){ 540, 800, 750, 810 }) != NULL, "a break after the end");

	int64_t s[] = { 100, 300, 250, 500 }, e[] = { 200, 400, 350, 600 };
	tap_is_int(plan_first_overlap(s, e, 0), -1, "the first row overlaps nothing");
	tap_is_int(plan_first_overlap(s, e, 1), -1, "disjoint rows");
	tap_is_int(plan_first_overlap(s, e, 2), 1, "an overlap names the earlier row");
	int64_t s2[] = { 100, 200 }, e2[] = { 200, 300 };
	tap_is_int(plan_first_overlap(s2, e2, 1), -1, "back to back is no overlap");

	char buf[PLAN_COUNT_FR_BUF];
	plan_count_fr(5, 0, buf, sizeof(buf));
	tap_is_str(buf, "5 journées", "five days");
	plan_count_fr(1, 2, buf, sizeof(buf));
	tap_is_str(buf, "1 journée et 2 demi-journées", "a day and two halves");
	plan_count_fr(0, 1, buf, sizeof(buf));
	tap_is_str(buf, "1 demi-journée", "one half-day");
	plan_count_fr(0, 0, buf, sizeof(buf));
	tap_is_str(buf, "aucun créneau", "nothing");
	tap_ok(plan_count_fr(12, 13, buf, 5) == -1 && buf[0] == '\0', "too small a buffer");
	return tap_done();
}
