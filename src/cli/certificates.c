/* formations certificates issue SESSION_ID [--at T]
 * Issues the attestations of a session as the session page's button does
 * (the desk's way to issue them again after a revocation, the bench's and
 * the demonstration's way to issue many): prints what was issued, or why
 * nothing could be. --at gives the issue instant (Unix seconds). */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/fields.h"
#include "store/certificates.h"
#include "store/db.h"

static int usage(void)
{
	fprintf(stderr, "usage: formations certificates issue SESSION_ID [--at UNIX_SECONDS]\n");
	return 2;
}

int cli_certificates_issue(struct db *db, const struct settings *s, const char *session_id,
		int64_t at, int quiet)
{
	struct arena *a = arena_new();
	struct certificate_issue out;
	int rc = a ? store_certificates_issue(db, a, s, session_id, at, &out) : DB_FAILED;
	int status = 0;
	if (rc == DB_NOT_FOUND) {
		fprintf(stderr, "formations: no session %s\n", session_id);
		status = 1;
	} else if (rc != DB_OK) {
		fprintf(stderr, "formations: attestations of session %s: database error\n", session_id);
		status = 1;
	} else if (out.not_ready) {
		fprintf(stderr, "formations: %s\n", out.not_ready);
		status = 1;
	} else if (!quiet) {
		printf("issued %d certificates, %d already issued, %d without minutes attended\n",
			out.issued, out.kept, out.absent);
	}
	arena_free(a);
	return status;
}

int cli_certificates(const struct settings *s, int argc, char **argv)
{
	int64_t at = (int64_t)time(NULL);
	if (argc == 4 && strcmp(argv[2], "--at") == 0 && field_is_id(argv[3]))
		at = strtoll(argv[3], NULL, 10);
	else if (argc != 2)
		return usage();
	if (strcmp(argv[0], "issue") != 0 || !field_is_id(argv[1]))
		return usage();
	if (sodium_init() < 0)
		return 1;
	struct db *db = db_new(s->db, s->db_timeout);
	int status = db ? cli_certificates_issue(db, s, argv[1], at, 0) : 1;
	db_free(db);
	return status;
}
