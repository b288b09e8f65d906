/* `formations attendance verify SESSION_ID`: recomputes the hash chain of a
 * session's attendance events and names the first one that was changed,
 * removed or inserted behind the application's back (exit 1), or says the
 * chain is whole (exit 0).
 * `formations attendance code HALF_DAY_ID [--at UNIX_SECONDS]`: the code a
 * trainer's screen shows for a half-day now (or at that instant), for the
 * desk when a screen fails, and for the tests.
 * `formations attendance demo`: certified attendance on the demonstration's
 * last given sessions, so that `make run` shows it: electronic, paper and
 * trainer marks, a late arrival, an absence (once: a session that has
 * events is left as it is). */
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
#include "store/registrations.h"
#include "store/sessions.h"

static int usage(void)
{
	fprintf(stderr, "usage: formations attendance verify SESSION_ID\n"
		"       formations attendance code HALF_DAY_ID [--at UNIX_SECONDS]\n"
		"       formations attendance demo\n");
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

static const struct db_stmt demo_sessions = { "attendance_demo_sessions",
	"SELECT se.id FROM session se WHERE se.status = 'realisee' AND se.confirmed > 1"
	" AND NOT EXISTS (SELECT 1 FROM attendance_event e WHERE e.session_id = se.id)"
	" ORDER BY se.last_day DESC, se.id LIMIT 4" };

/* The demonstration's attestations were mailed when the session ended:
 * their mails are not waiting in the outbox of a fresh demonstration. */
static const struct db_stmt demo_mailed = { "attendance_demo_mailed",
	"UPDATE mail_outbox SET sent_at = now() WHERE kind = 'certificate' AND sent_at IS NULL" };

/* One session's half-days: each confirmed person signed (by turns on their
 * phone, on paper, by the trainer), the first of the first session late,
 * the second absent; then the trainer certifies. */
static int demo_session(struct db *db, struct arena *a, const char *session_id, int first)
{
	struct slot *slots;
	struct registration *g;
	size_t n, ng;
	int rc = store_session_slots(db, a, session_id, &slots, &n);
	if (rc == DB_OK)
		rc = store_registrations_of_session(db, a, session_id, &g, &ng);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct slot_half_day h[2];
		int m = store_slot_half_days(&slots[i], h);
		for (int j = 0; rc == DB_OK && j < m; j++) {
			size_t k = 0;
			for (size_t r = 0; rc == DB_OK && r < ng; r++) {
				if (strcmp(g[r].status, "confirmee") != 0)
					continue;
				struct attendance_event e = { .session_id = strtoll(session_id, NULL, 10),
					.registration_id = strtoll(g[r].id, NULL, 10), .half_day_id = h[j].id,
					.kind = "signature", .instant = h[j].start_utc + 60 * (int64_t)(2 + k % 9),
					.actor = "participant", .reason = "", .ip = "", .user_agent = "" };
				static const char *const how[] = { "electronique", "electronique", "papier", "formateur" };
				e.method = how[k % 4];
				if (strcmp(e.method, "electronique") == 0) {
					e.ip = arena_printf(a, "192.0.2.%zu", 10 + k);
					e.user_agent = "Mozilla/5.0 (Linux; Android 14) démonstration";
				} else {
					e.actor = "Formateur (démonstration)";
				}
				if (first && k == 1)
					e.kind = "absence", e.method = "", e.actor = "Formateur (démonstration)";
				rc = store_attendance_record(db, a, &e);
				if (rc == DB_OK && first && k == 0) {
					struct attendance_event late = e;
					late.kind = "retard";
					late.method = "";
					late.minutes = 12;
					late.actor = "Formateur (démonstration)";
					late.ip = late.user_agent = "";
					rc = store_attendance_record(db, a, &late);
				}
				k++;
			}
			struct attendance_event cert = { .session_id = strtoll(session_id, NULL, 10),
				.half_day_id = h[j].id, .kind = "certification", .method = "",
				.instant = h[j].end_utc, .actor = "Formateur (démonstration)", .reason = "", .ip = "",
				.user_agent = "" };
			if (rc == DB_OK)
				rc = store_attendance_record(db, a, &cert);
		}
	}
	return rc;
}

static int demo(struct db *db, const struct settings *s)
{
	struct arena *a = arena_new();
	struct db_rows *r;
	int rc = a ? db_run(db, a, &demo_sessions, 0, NULL, &r) : DB_FAILED;
	size_t n = rc == DB_OK ? db_rows_count(r) : 0;
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = demo_session(db, a, db_get(r, i, "id"), i == 0);
	/* the first one's attestations, its late arrival's partial among them
	 * (one session: each PDF is a few milliseconds, and every test stack
	 * with demonstration data pays for them) */
	if (rc == DB_OK && n && cli_certificates_issue(db, s, db_get(r, 0, "id"), (int64_t)time(NULL), 1) != 0)
		rc = DB_FAILED;
	if (rc == DB_OK && n)
		rc = db_run(db, a, &demo_mailed, 0, NULL, NULL);
	if (rc == DB_OK)
		printf("attendance recorded on %zu given sessions\n", n);
	else
		fprintf(stderr, "formations: attendance demo: database error\n");
	arena_free(a);
	return rc == DB_OK ? 0 : 1;
}

int cli_attendance(const struct settings *s, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "demo") == 0) {
		struct db *db = db_new(s->db, s->db_timeout);
		int status = db && sodium_init() >= 0 ? demo(db, s) : 1;
		db_free(db);
		return status;
	}
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
