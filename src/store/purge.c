#include "store/purge.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "store/accessibility.h"
#include "store/db.h"
#include "store/surveys.h"

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
	" mails AS (DELETE FROM mail_outbox WHERE demand_id IN (SELECT id FROM gone)),"
	" needs AS (" NEED_ERASE " WHERE demand_id IN (SELECT id FROM gone))"
	" SELECT count(*) AS n FROM gone" };
/* The needs of participants whose session ended more than retention_days
 * ago (by Paris date); the adaptation text goes with the need. */
static const struct db_stmt purge_needs = { "purge_registration_needs",
	"WITH gone AS (" NEED_ERASE " FROM registration r JOIN session se ON se.id = r.session_id"
	" WHERE n.registration_id = r.id AND n.need <> '" NEED_ERASED "'"
	" AND se.last_day < (now() AT TIME ZONE 'Europe/Paris')::date - $1::int RETURNING n.id)"
	" SELECT count(*) AS n FROM gone" };
/* The same need when the amont questionnaire asked it (health data, like
 * the need), and what was written about requesters gone. */
static const struct db_stmt purge_survey_needs = { "purge_survey_needs",
	"WITH gone AS (UPDATE survey_answer an SET value = '" SURVEY_ANSWER_ERASED "'"
	" FROM survey_question q, survey_answer_set st, survey sv, session se"
	" WHERE q.id = an.question_id AND q.code = '" SURVEY_NEED_CODE "' AND st.id = an.answer_set_id"
	" AND sv.id = st.survey_id AND se.id = sv.session_id AND an.value <> '" SURVEY_ANSWER_ERASED "'"
	" AND se.last_day < (now() AT TIME ZONE 'Europe/Paris')::date - $1::int RETURNING an.question_id),"
	" requesters AS (UPDATE survey sv SET requester_email = 'anonyme@invalid' FROM demand d"
	" WHERE d.id = sv.demand_id AND d.anonymised_at IS NOT NULL AND sv.requester_email <> 'anonyme@invalid')"
	" SELECT count(*) AS n FROM gone" };

static int purge_one(struct db *db, const struct db_stmt *stmt, int retention_days, long *count)
{
	char days[16];
	snprintf(days, sizeof(days), "%d", retention_days);
	const char *p[] = { days };
	struct arena *a = arena_new();
	struct db_rows *r;
	int rc = a ? db_run(db, a, stmt, 1, p, &r) : DB_FAILED;
	*count = rc == DB_OK ? strtol(db_get(r, 0, "n"), NULL, 10) : 0;
	arena_free(a);
	return rc;
}

/* Purges run one at a time, even from two hosts at once: the second waits
 * for the first to commit, then finds nothing left (the lock goes with the
 * transaction, or with the connection of a purge that died). */
static const struct db_stmt purge_lock = { "purge_lock",
	"SELECT pg_advisory_xact_lock(7263560)" };

int store_purge(struct db *db, int retention_days, long *demands, long *needs)
{
	*demands = *needs = 0;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, NULL, &purge_lock, 0, NULL, NULL);
	if (rc == DB_OK)
		rc = purge_one(db, &purge, retention_days, demands);
	if (rc == DB_OK)
		rc = purge_one(db, &purge_needs, retention_days, needs);
	long answers = 0;
	if (rc == DB_OK)
		rc = purge_one(db, &purge_survey_needs, retention_days, &answers);
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	*demands = *needs = 0;
	return rc;
}
