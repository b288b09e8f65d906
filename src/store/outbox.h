/* The mail outbox (table mail_outbox): mails are queued in the transaction
 * of what they tell, and sent later by `formations mail`.
 *
 * Never twice: a row is sent while its claim transaction holds it
 * (SELECT ... FOR UPDATE SKIP LOCKED), and marked sent in that same
 * transaction. A second sender skips locked rows, and a row committed as
 * sent no longer matches "sent_at IS NULL" (PostgreSQL re-checks the
 * condition on the newest version of a row before locking it), so two
 * senders never send the same row. If the sender dies (or loses the
 * database) after the relay accepted a mail but before COMMIT, the lock
 * goes with the connection, the row is still pending and the mail is sent
 * once more: at-least-once, with the same Message-ID so that mail clients
 * can drop the copy. Claiming one row per transaction keeps that window to
 * a single mail and the lock to one SMTP exchange. */
#ifndef FORMATIONS_STORE_OUTBOX_H
#define FORMATIONS_STORE_OUTBOX_H

#include <stddef.h>

struct arena;
struct db;

struct outbox_mail {
	const char *id;
	const char *to_address, *subject, *body, *kind;
	const char *calendar, *calendar_method;   /* "" and "" for a mail without an invitation */
	/* the attached file: NULL and 0 for none (sql/0016) */
	const char *attachment_name, *attachment_type;
	const unsigned char *attachment;
	size_t attachment_len;
	long long created;    /* created_at, epoch seconds: part of the Message-ID */
	int attempts;         /* failed attempts so far */
};

/* Opens a transaction and locks up to limit pending rows (sent_at IS NULL
 * and next_attempt <= now()), oldest id first, skipping rows another
 * sender holds. On DB_OK (*n >= 1) the transaction stays open: mark each
 * row with store_outbox_sent or store_outbox_failed, then end it with
 * store_outbox_commit (or db_rollback to give the rows back untouched).
 * DB_NOT_FOUND when nothing is due (no transaction left open); on errors
 * the transaction is rolled back. Rows belong to the arena. */
int store_outbox_claim(struct db *db, struct arena *a, int limit,
		struct outbox_mail **rows, size_t *n);

/* Inside the claim's transaction: the relay accepted the mail. */
int store_outbox_sent(struct db *db, const char *id);

/* Attempts after which a mail that keeps failing is given up: with the
 * backoff below, about four days. */
#define OUTBOX_ATTEMPTS_MAX 20

/* Inside the claim's transaction: one more failed attempt, the next one
 * after 1, 2, 4, 8... minutes (at most 6 hours); error (cut to 1,000
 * characters) is kept in last_error. A failure for good (the relay
 * refused the address, the message cannot be written), or the
 * OUTBOX_ATTEMPTS_MAX-th, ends the row as failed: never retried, shown to
 * staff. */
int store_outbox_failed(struct db *db, const char *id, const char *error, int for_good);

/* A mail given up, for the staff's list. */
struct outbox_failure {
	const char *id, *failed_on, *failed_time, *to_address, *subject, *kind, *last_error;
	const char *demand_id, *reference;   /* "" when the mail is not a demand's */
	int attempts;
};

/* The failed mails, newest first, at most limit; only those of demand_id
 * when it is not NULL. */
int store_outbox_failures(struct db *db, struct arena *a, const char *demand_id, int limit,
		struct outbox_failure **out, size_t *n);
int store_outbox_failures_count(struct db *db, struct arena *a, long *n);
/* Puts a failed mail back in the queue, due now, with its attempts
 * counted afresh; *to is its address. DB_NOT_FOUND when id is not a
 * failed mail (already sent again, or unknown). */
int store_outbox_retry(struct db *db, struct arena *a, const char *id, const char **to);

/* Ends the claim's transaction: the marks become visible, the locks go. */
int store_outbox_commit(struct db *db);

/* Queues one mail, to be called inside the caller's transaction so that
 * the mail exists if and only if what it tells does. demand_id and
 * dedup_key may be NULL. A dedup_key already queued makes this a no-op that
 * still answers DB_OK, so that a job run twice mails once; *queued (may be
 * NULL) tells whether this call queued it. */
int store_outbox_queue(struct db *db, const char *to, const char *subject, const char *body,
		const char *kind, const char *demand_id, const char *dedup_key, int *queued);

/* The same with a calendar invitation: calendar is the VCALENDAR text
 * (out/ical.h, ical_write_invitation; at most 200,000 characters) and
 * calendar_method its METHOD, "REQUEST" or "CANCEL"; NULL or "" for both
 * queue a mail without one. A calendar without its method (or the
 * reverse), another method or a longer calendar is refused by the
 * database (DB_CONFLICT, sql/0012). */
int store_outbox_queue_calendar(struct db *db, const char *to, const char *subject,
		const char *body, const char *kind, const char *demand_id, const char *dedup_key,
		const char *calendar, const char *calendar_method, int *queued);

/* One file a mail carries: a name (1..120 characters, no slash or control
 * character), a type the database knows (sql/0016: application/pdf) and
 * its bytes (1 byte to 5 MiB); anything else is refused by the database
 * (DB_CONFLICT). */
struct outbox_attachment {
	const char *name, *type;
	const unsigned char *bytes;
	size_t len;
};
/* The same with an attached file (NULL: none). Its bytes go to the
 * database as a binary parameter, as they are; the caller keeps them. */
int store_outbox_queue_attachment(struct db *db, const char *to, const char *subject,
		const char *body, const char *kind, const char *demand_id, const char *dedup_key,
		const struct outbox_attachment *att, int *queued);

#endif
