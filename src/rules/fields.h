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
/* NULL when s is a plausible address: one '@', a local part and a domain
 * with a dot, no spaces or control characters, at most 254 bytes. */
const char *field_email(const char *s);
/* NULL when s has between min and max characters (after trimming spaces
 * is the caller's job). */
const char *field_length(const char *s, size_t min, size_t max);
/* The password policy: at least 12 characters, at most 1024 bytes. */
const char *field_password(const char *s);
/* 1 when s is a row id as the pages receive it: 1 to 18 digits, so that it
 * always fits PostgreSQL's bigint. */
int field_is_id(const char *s);
/* 1 when s is one of the staff roles. */
int field_is_role(const char *s);
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
