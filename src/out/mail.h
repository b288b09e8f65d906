/* Mail: one RFC 5322 message built from an outbox row, and its delivery to
 * the SMTP relay with libcurl. Building is pure (no I/O, no clock: the date
 * is a parameter) so that the unit tests can check every byte; sending is
 * the only part that touches the network. */
#ifndef FORMATIONS_MAIL_H
#define FORMATIONS_MAIL_H

#include <stddef.h>
#include <time.h>

struct buf;

enum mail_status {
	MAIL_OK = 0,
	MAIL_INVALID = -1,   /* a value cannot go in a mail (CR/LF, bad address) */
	MAIL_NOMEM = -2,     /* the buffer's cap or malloc said no */
	MAIL_SEND = -3,      /* the relay could not be reached, or answered "later" (4xx) */
	MAIL_REFUSED = -4    /* the relay refused for good (5xx): retrying cannot help */
};

/* What one message is made of. Strings are UTF-8; body line breaks are
 * "\n" (or "\r\n") and become CRLF. */
struct mail_message {
	const char *from;      /* the mail_from setting: "a@b" or "Name <a@b>" */
	const char *to;        /* one bare address */
	const char *subject;
	const char *body;      /* plain text */
	long long outbox_id;   /* with created, makes a Message-ID that a resent */
	long long created;     /* copy keeps, so clients can drop the duplicate */
	time_t date;           /* the Date header */
	/* A calendar invitation (iTIP, out/ical.h: ical_write_invitation),
	 * or NULL or "" for none; calendar_method is its METHOD, "REQUEST" or
	 * "CANCEL". With one, the message is multipart (see mail_build). */
	const char *calendar;
	const char *calendar_method;
	/* One attached file, or NULL and 0 for none: a name, a MIME type
	 * ("application/pdf") and the bytes. With one, the message is
	 * multipart (see mail_build). */
	const char *attachment_name, *attachment_type;
	const unsigned char *attachment;
	size_t attachment_len;
};

/* Longest encoded line, without its CRLF (RFC 2045). */
#define MAIL_QP_LINE 76

/* Appends text as quoted-printable: lines of at most 76 characters, soft
 * breaks "=\r\n" that never split a UTF-8 character, hard breaks as CRLF,
 * '=', controls, 8-bit bytes, spaces before a line end and a '.' opening a
 * line encoded. A text without a final line break ends with a soft break,
 * so decoding gives back the exact bytes. */
int mail_qp_encode(struct buf *out, const char *text, size_t len);

/* Appends "Name: value\r\n". A value with bytes outside printable ASCII (or
 * with "=?") becomes RFC 2047 "=?UTF-8?B?...?=" words of whole characters;
 * long lines are folded. MAIL_INVALID for CR or LF in the value, or for
 * invalid UTF-8: a header is never split by data. */
int mail_header(struct buf *out, const char *name, const char *value);

/* "Tue, 01 Jul 2025 08:05:09 +0000" (RFC 5322, in UTC, English names
 * whatever the locale). size >= 32. */
int mail_date(time_t t, char *out, size_t size);

/* The addr-spec of "a@b" or "Name <a@b>" into out; MAIL_INVALID when it
 * is not one plain ASCII address (no spaces, quotes, brackets, CR/LF). */
int mail_address(const char *from, char *out, size_t size);

/* The whole message, headers and quoted-printable body, with CRLF line
 * ends. On MAIL_INVALID, *why (if given) says which part, in English.
 *
 * With a calendar, the message is multipart/mixed: first the text/plain
 * body as without one, then the calendar as text/calendar; charset=UTF-8;
 * method=<calendar_method>, base64, inline, named invitation.ics (why
 * this form: see mail.c); the boundary is "=_formations-<outbox_id>".
 * The calendar must be valid UTF-8, start with BEGIN:VCALENDAR and hold
 * METHOD:<calendar_method> (RFC 6047 asks the two to agree), else
 * MAIL_INVALID.
 *
 * With an attachment, it comes last in the multipart/mixed message, as
 * Content-Disposition: attachment, base64 in lines of 76, named by its
 * name in plain ASCII (accents dropped, other characters '_') and, when
 * the name is not plain ASCII, also in RFC 2231's filename*=UTF-8'' form
 * (in numbered sections when long). An attachment without a name, a type
 * (type/subtype) or bytes, or with a name of invalid UTF-8 or control
 * characters, is MAIL_INVALID. */
int mail_build(struct buf *out, const struct mail_message *m, const char **why);

/* Network. mail_init/mail_cleanup wrap libcurl's global state: call them
 * once, from main's thread, around every mail_send. */
int mail_init(void);
void mail_cleanup(void);

/* Sends message (mail_build's output) through smtp_url ("smtp://host:port"
 * or "smtps://...") with envelope sender from_addr and one recipient
 * to_addr, both bare addresses. Connecting may take timeout seconds, the
 * whole exchange three times that; no signals are used. On MAIL_SEND or
 * MAIL_REFUSED, err holds libcurl's reason with the relay's answer. */
int mail_send(const char *smtp_url, const char *from_addr, const char *to_addr,
		const char *message, size_t len, long timeout, char *err, size_t errlen);

#endif
