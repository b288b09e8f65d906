#include "store/purge.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "store/db.h"

/* One statement, so that a demand is never left half anonymised. The
 * organisation, course, dates, status and outcome stay: the figures and
 * the history of the offer need them, and they name no one. The last
 * event's date tells when the demand ended (the closing or cancelling
 * event). */
static const struct db_stmt purge = { "purge_demands",
	"WITH gone AS ("
	" UPDATE demand d SET last_name = 'anonyme', first_name = 'anonyme',"
	" email = 'anonyme@invalid', phone = '', job_title = '', accessibility = '', message = '',"
	" period = '', place = '', anonymised_at = now()"
	" WHERE d.status IN ('close', 'annulee', 'sans_suite') AND d.anonymised_at IS NULL"
	" AND coalesce((SELECT max(e.at) FROM demand_event e WHERE e.demand_id = d.id), d.received_at)"
	"  < now() - make_interval(days => $1::int)"
	" RETURNING d.id),"
	" events AS (UPDATE demand_event SET comment = '' WHERE demand_id IN (SELECT id FROM gone)),"
	" mails AS (DELETE FROM mail_outbox WHERE demand_id IN (SELECT id FROM gone))"
	" SELECT count(*) AS n FROM gone" };

int store_purge_demands(struct db *db, int retention_days, long *count)
{
	char days[16];
	snprintf(days, sizeof(days), "%d", retention_days);
	const char *p[] = { days };
	struct arena *a = arena_new();
	struct db_rows *r;
	int rc = a ? db_run(db, a, &purge, 1, p, &r) : DB_FAILED;
	*count = rc == DB_OK ? strtol(db_get(r, 0, "n"), NULL, 10) : 0;
	arena_free(a);
	return rc;
}
