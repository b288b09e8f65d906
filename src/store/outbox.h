/* The mail outbox (table mail_outbox): mails are queued in the transaction
 * of what they tell, and sent later by `formations mail`.
 *
 * Never twice, even with a sender on every application host: a sender
 * claims one row at a time with a committed lease (its next_attempt moves
 * OUTBOX_CLAIM_SECONDS ahead, claimed_by names the sender), sends it, then
 * marks it sent. Claims skip rows another claim has locked and rows whose
 * lease runs, so two senders never hold the same row. The lease is
 * committed (and, with a synchronous standby, on the standby) before the
 * SMTP exchange begins: after a failover the new primary still keeps the
 * row from the other senders while its sender, which remembers a mail the
 * relay accepted but it could not record, records it once the database is
 * back (cli/mail.c). Only a sender that dies between the relay's answer
 * and its record leaves a mail sent but pending: once the lease is over
 * it is sent once more, at-least-once, with the same Message-ID so that
 * mail clients can drop the copy. Claiming one row at a time keeps that
 * window to a single mail. */
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

/* Seconds a claim keeps a row from the other senders: more than the
 * longest SMTP exchange (three times the 10 s connection timeout of
 * cli/mail.c). A sender that died with a row is replaced after this. */
#define OUTBOX_CLAIM_SECONDS 60

/* Claims up to limit pending rows (sent_at IS NULL, next_attempt <= now()),
 * oldest id first, skipping rows another sender holds, for sender (its
 * name, host:pid, kept in claimed_by), in one committed statement; then
 * mark each row with store_outbox_sent or store_outbox_failed.
 * DB_NOT_FOUND when nothing is due. Rows belong to the arena. */
int store_outbox_claim(struct db *db, struct arena *a, int limit, const char *sender,
		struct outbox_mail **rows, size_t *n);

/* The relay accepted the mail (a no-op if it is marked sent already). */
int store_outbox_sent(struct db *db, const char *id);

/* Attempts after which a mail that keeps failing is given up: with the
 * backoff below, about four days. */
#define OUTBOX_ATTEMPTS_MAX 20

/* One more failed attempt (the claim's lease ends), the next one
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
