/* The response commitment: due date, days left, warnings. See due_date.h
 * for the rule and README.md ("The response commitment") for the product's
 * words. */
#include "rules/due_date.h"

#include <string.h>

#define DUE_15J_DAYS 15

struct due_thresholds {
	int first;  /* assignee only */
	int second; /* assignee and manager */
};

static const struct due_thresholds due_15j_thresholds = { 5, 2 };
static const struct due_thresholds due_1mois_thresholds = { 10, 3 };

int due_regime_parse(const char *s, enum regime *out)
{
	if (s == NULL || out == NULL)
		return -1;
	if (strcmp(s, "15j") == 0)
		*out = REGIME_15J;
	else if (strcmp(s, "1mois") == 0)
		*out = REGIME_1MOIS;
	else
		return -1;
	return 0;
}

const char *due_regime_name(enum regime r)
{
	switch (r) {
	case REGIME_15J: return "15j";
	case REGIME_1MOIS: return "1mois";
	}
	return NULL;
}

const char *due_regime_label_fr(enum regime r)
{
	switch (r) {
	case REGIME_15J: return "15 jours";
	case REGIME_1MOIS: return "1 mois";
	}
	return NULL;
}

static int due_is_closure(struct civil_date d,
		const struct civil_date *closures, size_t n_closures)
{
	for (size_t i = 0; i < n_closures; i++)
		if (cal_date_compare(closures[i], d) == 0)
			return 1;
	return 0;
}

int due_is_non_working_day(struct civil_date d,
		const struct civil_date *closures, size_t n_closures)
{
	const int wd = cal_day_of_week(d);
	return wd == CAL_SATURDAY || wd == CAL_SUNDAY ||
		cal_is_french_public_holiday(d) ||
		(closures != NULL && due_is_closure(d, closures, n_closures));
}

/* The first working day on or after d. Ends: each step passes one day,
 * and past the last closure day no run of weekend and holidays is longer
 * than four days. */
static struct civil_date due_push_to_working_day(struct civil_date d,
		const struct civil_date *closures, size_t n_closures)
{
	while (due_is_non_working_day(d, closures, n_closures))
		d = cal_add_days(d, 1);
	return d;
}

static int due_input_ok(struct civil_date received, enum regime r, int paused_days,
		const struct civil_date *closures, size_t n_closures, const struct civil_date *out)
{
	return out != NULL && (closures != NULL || n_closures == 0) &&
		due_regime_name(r) != NULL &&
		cal_date_is_valid(received) &&
		received.year >= CAL_YEAR_MIN && received.year <= CAL_YEAR_MAX &&
		paused_days >= 0 && paused_days <= DUE_PAUSE_MAX_DAYS;
}

int due_date_compute(struct civil_date received, enum regime r, int paused_days,
		const struct civil_date *closures, size_t n_closures, struct civil_date *out)
{
	if (!due_input_ok(received, r, paused_days, closures, n_closures, out))
		return -1;
	/* The received day is not counted: day 1 is the day after, so
	 * received + 15 is the fifteenth day. */
	struct civil_date due = r == REGIME_15J
		? cal_add_days(received, DUE_15J_DAYS)
		: cal_add_month_clamped(received);
	due = due_push_to_working_day(due, closures, n_closures);
	if (paused_days > 0)
		due = due_push_to_working_day(cal_add_days(due, paused_days),
			closures, n_closures);
	*out = due;
	return 0;
}

int due_date_days_left(struct civil_date today, struct civil_date due)
{
	return (int)(cal_days_from_civil(due) - cal_days_from_civil(today));
}

static const struct due_thresholds *due_thresholds_of(enum regime r)
{
	switch (r) {
	case REGIME_15J: return &due_15j_thresholds;
	case REGIME_1MOIS: return &due_1mois_thresholds;
	}
	return NULL;
}

enum due_warning due_date_warning(enum regime r, int days_left)
{
	const struct due_thresholds *t = due_thresholds_of(r);
	if (t == NULL)
		return DUE_WARNING_NONE;
	if (days_left < 0)
		return DUE_WARNING_LATE;
	if (days_left == 0)
		return DUE_WARNING_TODAY;
	if (days_left == t->second)
		return DUE_WARNING_SOON_MANAGER;
	if (days_left == t->first)
		return DUE_WARNING_SOON;
	if (days_left < t->first)
		return DUE_WARNING_APPROACHING;
	return DUE_WARNING_NONE;
}

int due_warning_is_sent(enum due_warning w)
{
	return w == DUE_WARNING_SOON || w == DUE_WARNING_SOON_MANAGER ||
		w == DUE_WARNING_TODAY || w == DUE_WARNING_LATE;
}

int due_warning_to_manager(enum due_warning w)
{
	return w == DUE_WARNING_SOON_MANAGER || w == DUE_WARNING_TODAY ||
		w == DUE_WARNING_LATE;
}

const char *due_warning_name(enum due_warning w)
{
	switch (w) {
	case DUE_WARNING_NONE: return "none";
	case DUE_WARNING_APPROACHING: return "approaching";
	case DUE_WARNING_SOON: return "soon";
	case DUE_WARNING_SOON_MANAGER: return "soon_manager";
	case DUE_WARNING_TODAY: return "today";
	case DUE_WARNING_LATE: return "late";
	}
	return NULL;
}

struct civil_date due_working_days_from(struct civil_date d, int n,
		const struct civil_date *closures, size_t n_closures)
{
	int step = n < 0 ? -1 : 1;
	for (int left = n < 0 ? -n : n; left > 0;) {
		d = cal_add_days(d, step);
		if (!due_is_non_working_day(d, closures, n_closures))
			left--;
	}
	return d;
}
