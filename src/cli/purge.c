/* `formations purge`: anonymises the demands that ended (close, annulee,
 * sans_suite) more than retention_days ago, with their accessibility
 * needs, and the needs of participants whose session ended more than
 * retention_days ago (src/store/purge.h says what is kept). Meant for a daily
 * timer; running it twice, or on two hosts at once, does nothing more. */
#include "cli/cli.h"

#include <stdio.h>

#include "base/settings.h"
#include "store/db.h"
#include "store/purge.h"

int cli_purge(const struct settings *s, int argc, char **argv)
{
	(void)argv;
	if (argc != 0) {
		fprintf(stderr, "usage: formations purge\n");
		return 2;
	}
	struct db *db = db_new(s->db, s->db_timeout);
	long count = 0, needs = 0;
	int rc = db ? store_purge(db, s->retention_days, &count, &needs) : DB_FAILED;
	db_free(db);
	if (rc != DB_OK) {
		fprintf(stderr, "formations: purge: %s\n", rc == DB_UNAVAILABLE ?
			"database unavailable" : "database error (see the log)");
		return 1;
	}
	printf("anonymised %ld demands\nanonymised %ld accessibility needs of past sessions\n", count, needs);
	return 0;
}
