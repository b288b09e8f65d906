/* Checks of the values people type, shared by every form: pure functions,
 * each returning NULL when the value is fine or a French message to show
 * next to the field. */
#ifndef FORMATIONS_RULES_FIELDS_H
#define FORMATIONS_RULES_FIELDS_H

#include <stddef.h>

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_BYTES 1024
#define EMAIL_MAX_BYTES 254

/* Number of characters (code points) of valid UTF-8 text. */
size_t field_chars(const char *s);
/* Emails are compared and stored lowercased (one account, one requester,
 * whatever the case typed): lowercases the ASCII letters of s in place. */
void field_email_fold(char *s);
/* NULL when s is an address the mailer can deliver to through any relay:
 * a local part of plain ASCII (letters, digits and !#$%&'*+-/=?^_`{|}~,
 * dots between them; at most 64 bytes: a non-ASCII local part needs
 * SMTPUTF8, which a relay may not offer), '@', and a domain of at least two
 * labels that is ASCII or an internationalised name with an IDNA2008 form
 * (exemple-café.fr is sent as xn--exemple-caf-lbb.fr); at most 254 bytes.
 * Else the French message saying what to change. */
const char *field_email(const char *s);
/* The address as it goes to the relay: the local part as it is, the
 * domain in its ASCII (punycode) form. 0, or -1 when field_email refuses s
 * or out is too small (EMAIL_MAX_BYTES + 1 always fits). */
int field_email_ascii(const char *s, char *out, size_t size);
/* NULL when s has between min and max characters (after trimming spaces
 * is the caller's job). */
const char *field_length(const char *s, size_t min, size_t max);
/* NULL when s holds no control character at all (no line break, tab,
 * C0, DEL, C1, or Unicode line and paragraph separators): the rule of
 * every one-line field, whose value may go into a mail header, a subject,
 * a CSV cell or an iCalendar line. */
const char *field_one_line(const char *s);
/* NULL when s holds no control character but line breaks and tabs: the
 * rule of multi-line text. */
const char *field_multi_line(const char *s);

/* The kinds of field a form may declare, each with one rule. */
enum field_kind {
	FIELD_LINE,     /* one line of text, at most max characters */
	FIELD_TEXT,     /* several lines, at most max characters */
	FIELD_EMAIL,    /* a deliverable address (field_email) */
	FIELD_PHONE,    /* a phone number (field_phone) */
	FIELD_DATE,     /* YYYY-MM-DD, a real day */
	FIELD_TIME,     /* HH:MM, 00:00 to 23:59 */
	FIELD_ID,       /* a row id (field_is_id) */
	FIELD_COUNT     /* a whole number from min to max */
};

/* One field of a form, declared before any handler reads it (as kcgi
 * declares its keys): its name in the form, its kind, whether it must be
 * given, and its bounds (characters for text, values for a count). */
struct field_rule {
	const char *key;
	enum field_kind kind;
	int required;
	long max;
	long min;
};

/* NULL when value (trimmed by the caller; NULL is empty) obeys rule, else
 * the French message, written into msg (size >= 128) when it names a
 * bound, else a constant. */
const char *field_check(const struct field_rule *rule, const char *value, char *msg, size_t size);
/* NULL when s looks like a phone number: digits, spaces, dots, dashes,
 * parentheses and one leading '+', with 10 to 15 digits. */
const char *field_phone(const char *s);
/* The password policy: at least 12 characters, at most 1024 bytes. */
const char *field_password(const char *s);
/* 1 when s is a row id as the pages receive it: 1 to 18 digits, so that it
 * always fits PostgreSQL's bigint. */
int field_is_id(const char *s);
/* 1 when s is NULL or holds only spaces, tabs and line breaks. */
int field_is_blank(const char *s);
/* 1 when s is one of the staff roles. */
int field_is_role(const char *s);
/* 1 when a staff member of role may instruct demands (and so be assigned
 * one): every role but formateur. */
int field_role_handles_demands(const char *role);
/* French name of a role, for display. */
const char *field_role_label(const char *role);
/* 1 when s is a local path safe to redirect to after a login: '/', then
 * no second '/' or '\' (no other host), printable ASCII only, at most 512
 * bytes. */
int field_return_target(const char *s);

/* A URL slug from a French title: lowercase ASCII words joined by '-',
 * accents dropped (é → e, œ → oe), at most 80 bytes; "formation" when
 * nothing is left. Returns out. */
char *field_slugify(const char *title, char *out, size_t size);
/* Parses a decimal number typed in French or English style ("3,5" or
 * "3.5"), within [min, max]: 0 and the normalised text ("3.5") in out, or
 * -1. An empty value is 0 with out "". */
int field_decimal(const char *s, double min, double max, char *out, size_t size);

#endif
