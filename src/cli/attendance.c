/* `formations attendance verify SESSION_ID`: recomputes the hash chain of a
 * session's attendance events and names the first one that was changed,
 * removed or inserted behind the application's back (exit 1), or says the
 * chain is whole (exit 0).
 * `formations attendance code HALF_DAY_ID [--at UNIX_SECONDS]`: the code a
 * trainer's screen shows for a half-day now (or at that instant), for the
 * desk when a screen fails, and for the tests. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/attendance.h"
#include "rules/fields.h"
#include "store/attendance.h"
#include "store/db.h"

static int usage(void)
{
	fprintf(stderr, "usage: formations attendance verify SESSION_ID\n"
		"       formations attendance code HALF_DAY_ID [--at UNIX_SECONDS]\n");
	return 2;
}

static int verify(struct db *db, const char *session_id)
{
	struct arena *a = arena_new();
	struct attendance_event *e;
	size_t n, bad = 0;
	int rc = a ? store_attendance_events(db, a, session_id, &e, &n) : DB_FAILED;
	int status = 1;
	if (rc != DB_OK) {
		fprintf(stderr, "formations: attendance: database error\n");
	} else {
		enum attendance_chain c = attendance_chain_verify(e, n, &bad);
		if (c == ATTENDANCE_CHAIN_OK) {
			printf("session %s: %zu events, the chain is whole\n", session_id, n);
			status = 0;
		} else {
			printf("session %s: event %lld (%s, %s) %s\n", session_id, (long long)e[bad].id,
				e[bad].kind, e[bad].half_day_id, c == ATTENDANCE_CHAIN_CHANGED ?
				"was changed: its hash does not match its fields" :
				"does not follow the one before it: an event was removed, inserted or reordered");
		}
	}
	arena_free(a);
	return status;
}

static int code(struct db *db, const char *half_day, int64_t at)
{
	unsigned char key[ATTENDANCE_KEY_BYTES];
	char out[ATTENDANCE_CODE_BUF];
	int64_t slot;
	enum half_day_kind kind;
	if (half_day_id_parse(half_day, &slot, &kind) != 0)
		return usage();
	if (store_attendance_key(db, key) != DB_OK) {
		fprintf(stderr, "formations: attendance: database error\n");
		return 1;
	}
	int rc = attendance_code(key, half_day, at, out);
	sodium_memzero(key, sizeof(key));
	if (rc != 0)
		return 1;
	printf("%s\n", out);
	return 0;
}

int cli_attendance(const struct settings *s, int argc, char **argv)
{
	int64_t at = (int64_t)time(NULL);
	if (argc == 4 && strcmp(argv[0], "code") == 0 && strcmp(argv[2], "--at") == 0 &&
			field_is_id(argv[3]))
		at = strtoll(argv[3], NULL, 10);
	else if (argc != 2)
		return usage();
	if (strcmp(argv[0], "verify") == 0 && !field_is_id(argv[1]))
		return usage();
	if (strcmp(argv[0], "verify") != 0 && strcmp(argv[0], "code") != 0)
		return usage();
	if (sodium_init() < 0)
		return 1;
	struct db *db = db_new(s->db, s->db_timeout);
	int status = !db ? 1 : strcmp(argv[0], "verify") == 0 ? verify(db, argv[1]) : code(db, argv[1], at);
	db_free(db);
	return status;
}
