/* `formations mail [--loop SECONDS]`: sends what the outbox holds, at most
 * mail_batch mails per pass, through smtp_url. A mail the relay cannot take
 * now is rescheduled with a growing delay (store/outbox.h); one it refuses
 * for good (5xx), or that cannot be written, ends as failed for staff to
 * see; either way the pass goes on with the next one; only a database that cannot be
 * reached fails the command. With --loop, passes repeat until SIGTERM or
 * SIGINT, which end the loop after the mail in hand. */
#include "cli/cli.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"
#include "base/settings.h"
#include "out/mail.h"
#include "rules/fields.h"
#include "store/db.h"
#include "store/demands.h"
#include "store/outbox.h"

/* A body is at most 100,000 characters (sql/0004), up to 400,000 bytes
 * of UTF-8, which quoted-printable makes at most 1.25 MB; a calendar at
 * most 200,000 characters (sql/0012) and an attachment at most 5 MiB
 * (sql/0016), which base64 with its line ends makes 1.1 MB and 7.2 MB:
 * about 9.5 MB (9.1 MiB) at worst, headers add little. t/72 sends that
 * message; a cap of 9 MiB would refuse it. */
#define MESSAGE_MAX (10 * 1024 * 1024)
/* Seconds to reach the relay; the whole exchange gets three times that. */
#define SMTP_TIMEOUT 10L
#define LOOP_MAX 86400L

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

/* No SA_RESTART: a signal cuts the pause between passes short. The mail in
 * hand is finished (libcurl and libpq retry after EINTR). */
static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

struct pass {
	int sent, failed;
};

/* The sender: its name in claimed_by, and a mail the relay accepted that
 * could not be recorded (the database went away, a failover): recorded
 * first thing once the database is back, while the claim's lease still
 * keeps the other senders off it (store/outbox.h). */
struct sender {
	char name[200];
	char unrecorded[32];
};

/* last_error is text: an odd byte in a relay's answer must not make the
 * UPDATE fail, which would leave the row due again at once. */
static void printable(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
			*s = '?';
}

/* Builds and sends one row; on failure err says why. */
static int deliver(const struct settings *s, const struct outbox_mail *m, char *err, size_t errlen)
{
	struct mail_message msg = {
		.from = s->mail_from, .to = m->to_address, .subject = m->subject, .body = m->body,
		.outbox_id = strtoll(m->id, NULL, 10), .created = m->created, .date = time(NULL),
		.calendar = m->calendar, .calendar_method = m->calendar_method,
		.attachment_name = m->attachment_name, .attachment_type = m->attachment_type,
		.attachment = m->attachment, .attachment_len = m->attachment_len,
	};
	struct buf out;
	buf_init(&out, MESSAGE_MAX);
	const char *why = NULL;
	char from_addr[256], to_addr[EMAIL_MAX_BYTES + 1];
	/* An internationalised domain travels in its ASCII form. */
	int rc = field_email_ascii(m->to_address, to_addr, sizeof(to_addr)) == 0 ? MAIL_OK : MAIL_INVALID;
	if (rc != MAIL_OK)
		why = "the address cannot be delivered (see rules/fields.h, field_email)";
	msg.to = to_addr;
	if (rc == MAIL_OK)
		rc = mail_build(&out, &msg, &why);
	if (rc == MAIL_OK)
		rc = mail_address(s->mail_from, from_addr, sizeof(from_addr));
	if (rc == MAIL_OK)
		rc = mail_send(s->smtp_url, from_addr, to_addr, out.data, out.len,
			SMTP_TIMEOUT, err, errlen);
	else
		snprintf(err, errlen, "%s", why ? why : "the message is too large");
	buf_free(&out);
	return rc;
}

/* Claims one row, sends it and records the outcome (see store/outbox.h
 * for why one row at a time). DB_NOT_FOUND when nothing is due. */
static int one_mail(const struct settings *s, struct db *db, struct sender *me, struct pass *p)
{
	struct arena *a = arena_new();
	if (!a)
		return DB_FAILED;
	struct outbox_mail *rows;
	size_t n;
	int rc = store_outbox_claim(db, a, 1, me->name, &rows, &n);
	if (rc == DB_OK) {
		char err[1024] = "";
		int outcome = deliver(s, &rows[0], err, sizeof(err));
		int sent = outcome == MAIL_OK;
		/* A message that cannot be written or an address refused for good
		 * ends as failed at once; anything else is tried again later. */
		int for_good = outcome == MAIL_INVALID || outcome == MAIL_REFUSED;
		if (sent) {
			rc = store_outbox_sent(db, rows[0].id);
		} else {
			printable(err);
			log_line("mail: outbox %s not sent (attempt %d%s): %s", rows[0].id,
				rows[0].attempts + 1, for_good || rows[0].attempts + 1 >= OUTBOX_ATTEMPTS_MAX ?
					", given up" : "", err);
			rc = store_outbox_failed(db, rows[0].id, err, for_good);
		}
		if (rc == DB_OK && sent)
			p->sent++;
		else if (rc == DB_OK)
			p->failed++;
		else if (sent) {
			log_line("mail: outbox %s was sent but not recorded yet (database unavailable)",
				rows[0].id);
			snprintf(me->unrecorded, sizeof(me->unrecorded), "%s", rows[0].id);
		}
	}
	arena_free(a);
	return rc;
}

static int run_pass(const struct settings *s, struct db *db, struct sender *me, struct pass *p)
{
	int batch = s->mail_batch > 0 ? s->mail_batch : 1;
	*p = (struct pass){ 0, 0 };
	int rc = db_ready(db);
	if (rc == DB_OK && me->unrecorded[0]) {
		rc = store_outbox_sent(db, me->unrecorded);
		if (rc == DB_OK) {
			log_line("mail: outbox %s recorded as sent", me->unrecorded);
			me->unrecorded[0] = '\0';
			p->sent++;
		}
	}
	/* A demand whose numbering failed right after its commit gets its
	 * reference here, and its acknowledgement can leave. */
	if (rc == DB_OK)
		rc = store_demand_number(db, NULL, NULL, NULL);
	while (rc == DB_OK && !stopping && p->sent + p->failed < batch)
		rc = one_mail(s, db, me, p);
	return rc == DB_NOT_FOUND ? DB_OK : rc;
}

/* Sleeps in short slices so that a stop signal that lands just before a
 * slice still ends the wait quickly. */
static void pause_for(long seconds)
{
	struct timespec slice = { 0, 200 * 1000 * 1000 };
	for (long i = 0; i < seconds * 5 && !stopping; i++)
		nanosleep(&slice, NULL);
}

static int parse_loop(int argc, char **argv, long *loop)
{
	*loop = 0;
	if (argc == 0)
		return 0;
	if (argc != 2 || strcmp(argv[0], "--loop") != 0)
		return -1;
	char *end;
	if (argv[1][0] < '0' || argv[1][0] > '9')
		return -1;
	*loop = strtol(argv[1], &end, 10);
	return *end == '\0' && *loop >= 1 && *loop <= LOOP_MAX ? 0 : -1;
}

static int mail_loop(const struct settings *s, struct db *db, long loop)
{
	int status;
	struct sender me = { .unrecorded = "" };
	char host[100] = "";
	if (gethostname(host, sizeof(host) - 1) != 0)
		snprintf(host, sizeof(host), "?");
	snprintf(me.name, sizeof(me.name), "%s:%ld", host, (long)getpid());
	do {
		struct pass p;
		int rc = run_pass(s, db, &me, &p);
		if (!loop || p.sent || p.failed) {
			printf("sent %d, failed %d\n", p.sent, p.failed);
			fflush(stdout);
		}
		status = rc == DB_OK ? 0 : 1;
		if (rc != DB_OK)
			fprintf(stderr, "formations: mail: %s\n", rc == DB_UNAVAILABLE ?
				"database unavailable" : "database error (see the log)");
		if (loop)
			pause_for(loop);
	} while (loop && !stopping);
	if (me.unrecorded[0])
		log_line("mail: outbox %s was sent but could not be recorded: it may be sent again",
			me.unrecorded);
	/* A loop outlives database outages (the next pass reconnects), so
	 * its end on a signal is a success. */
	return loop ? 0 : status;
}

int cli_mail(const struct settings *s, int argc, char **argv)
{
	long loop;
	if (parse_loop(argc, argv, &loop) < 0) {
		fprintf(stderr, "usage: formations mail [--loop SECONDS]   (1 to %ld)\n", LOOP_MAX);
		return 2;
	}
	if (mail_init() != MAIL_OK) {
		fprintf(stderr, "formations: mail: libcurl did not start\n");
		return 1;
	}
	struct db *db = db_new(s->db, s->db_timeout);
	int status = 1;
	if (db) {
		catch_stop_signals();
		status = mail_loop(s, db, loop);
	}
	db_free(db);
	mail_cleanup();
	return status;
}
