/* The response commitment (README.md, "The response commitment"): the
 * date by which a demand must be answered, the days left, and which
 * warning is due today. Pure: dates in, dates out; the caller supplies the
 * received date (cal_paris_local_date of the demand's instant), the whole
 * paused days it recorded and the administrator's closure days. */
#ifndef FORMATIONS_RULES_DUE_DATE_H
#define FORMATIONS_RULES_DUE_DATE_H

#include <stddef.h>

#include "rules/calendar_fr.h"

/* The régime of a demand, stored as "15j" or "1mois". */
enum regime {
	REGIME_15J,   /* INTRA and custom demands: received + 15 calendar days */
	REGIME_1MOIS, /* INTER, or a public-procurement procedure: + 1 month */
};

/* Upper bound of the recorded pause, in days (ten years): anything above
 * is a bug in the caller, not a long wait. */
#define DUE_PAUSE_MAX_DAYS 3660

/* "15j" / "1mois" -> 0 and *out, or -1. Exact, case-sensitive. */
int due_regime_parse(const char *s, enum regime *out);
/* The stored name ("15j", "1mois"), or NULL for a value out of the enum. */
const char *due_regime_name(enum regime r);
/* For display: "15 jours", "1 mois"; NULL out of the enum. */
const char *due_regime_label_fr(enum regime r);

/* The due date of a demand received on `received` (its Europe/Paris local
 * date, which is not counted):
 *   1. 15j: received + 15 days; 1mois: the same day of the next month, or
 *      that month's last day;
 *   2. pushed past Saturdays, Sundays, French public holidays and the
 *      closure days;
 *   3. when paused_days > 0: that date + paused_days, pushed again.
 * Step 3 starts from the pushed date because the rule (README.md, "Pauses")
 * moves the due date by the whole days paused, then applies the
 * non-working-day rule again: a demand due on Monday (from a Saturday) and paused two days is
 * due on Wednesday.
 * closures may be NULL when n_closures is 0; invalid entries never match.
 * Returns 0 and *out, or -1 when received is not a valid date within
 * CAL_YEAR_MIN..CAL_YEAR_MAX, the régime is unknown, paused_days is
 * negative or above DUE_PAUSE_MAX_DAYS, or a pointer is missing. */
int due_date_compute(struct civil_date received, enum regime r, int paused_days,
		const struct civil_date *closures, size_t n_closures, struct civil_date *out);

/* 1 when d is a Saturday, Sunday, French public holiday or closure day. */
int due_is_non_working_day(struct civil_date d,
		const struct civil_date *closures, size_t n_closures);

/* The working day n working days after d (n > 0) or before it (n < 0):
 * weekends, French public holidays and the closure days are skipped. d
 * itself is not counted. d when n is 0. */
struct civil_date due_working_days_from(struct civil_date d, int n,
		const struct civil_date *closures, size_t n_closures);

/* Calendar days from today to due: 0 on the due day, negative when late
 * (-1 the day after). Both dates must be valid. */
int due_date_days_left(struct civil_date today, struct civil_date due);

/* What to send today for an unanswered demand with days_left days to go.
 * Warnings go out on the threshold days only (15j: D-5 then D-2; 1mois:
 * D-10 then D-3), then on the due day and every day after until the
 * answer. Between thresholds the value still says the due date is near
 * (for the lists), but nothing is sent. */
enum due_warning {
	DUE_WARNING_NONE,           /* further than the first threshold */
	DUE_WARNING_APPROACHING,    /* inside the first threshold, not a threshold day: send nothing */
	DUE_WARNING_SOON,           /* first threshold day (D-5 / D-10): warn the assignee */
	DUE_WARNING_SOON_MANAGER,   /* second threshold day (D-2 / D-3): assignee and manager */
	DUE_WARNING_TODAY,          /* the due day: assignee and manager */
	DUE_WARNING_LATE,           /* every day after the due day: assignee and manager */
};

/* DUE_WARNING_NONE for an unknown régime. */
enum due_warning due_date_warning(enum regime r, int days_left);
/* 1 when a warning must be sent today (a threshold day, the due day or
 * later). */
int due_warning_is_sent(enum due_warning w);
/* 1 when the assignee's manager must receive it too. */
int due_warning_to_manager(enum due_warning w);
/* Stable English name for logs and tests: "none", "approaching", "soon",
 * "soon_manager", "today", "late"; NULL out of the enum. */
const char *due_warning_name(enum due_warning w);

#endif
