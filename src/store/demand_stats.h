/* What staff see of the response commitment as a whole (README.md, "The
 * response commitment", figures), and the rows of the CSV export. Read-only
 * statements; every date in and out is "YYYY-MM-DD" (Europe/Paris), and
 * "today" is always given by the caller so that the figures agree with
 * the due-date rule (cal_paris_local_date) and can be tested. */
#ifndef FORMATIONS_STORE_DEMAND_STATS_H
#define FORMATIONS_STORE_DEMAND_STATS_H

#include <stddef.h>

struct arena;
struct db;

/* Demands answered (answered_on set), by régime and month of reception
 * ("YYYY-MM"), received on or after `from`. */
struct stats_month {
	const char *regime, *month, *answered, *on_time;
};
int store_stats_by_month(struct db *db, struct arena *a, const char *from,
		struct stats_month **out, size_t *n);

/* The same demands by régime: how many, on time (answered_on <= due_on),
 * late, and the median of answered_on - received_on in days ("10",
 * "23.5"). */
struct stats_regime {
	const char *regime, *answered, *on_time, *late, *median_days;
};
int store_stats_by_regime(struct db *db, struct arena *a, const char *from,
		struct stats_regime **out, size_t *n);

/* Open demands (recue, en_instruction, attente_demandeur) counted by
 * régime and days left (due_on - today; negative when late). A demand
 * waiting on the requester has its clock stopped: its days left are
 * counted on the day its pause began, not today. */
struct stats_days_left {
	const char *regime;
	int days_left;
	long count, paused;
};
int store_stats_days_left(struct db *db, struct arena *a, const char *today,
		struct stats_days_left **out, size_t *n);

/* The open demands past their due date (same rule for paused ones), the
 * oldest due first, at most `limit`. */
struct stats_late {
	const char *id, *reference, *organisation, *due_on, *days_late, *assignee_name, *status;
};
int store_stats_late(struct db *db, struct arena *a, const char *today, size_t limit,
		struct stats_late **out, size_t *n);

/* The CSV export: demands with id > after_id (keyset: "0" for the start),
 * by id, at most `limit`, filtered by status and regime ("" for any). */
struct export_row {
	const char *id, *reference, *received_on, *due_on, *regime, *status, *organisation;
	const char *last_name, *first_name, *email, *phone, *course, *kind, *participants;
	const char *answered_on, *outcome;
};
int store_export_page(struct db *db, struct arena *a, const char *after_id, const char *status,
		const char *regime, size_t limit, struct export_row **out, size_t *n);

#endif
