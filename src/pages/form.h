/* The fields of a POST form, declared with the rules of rules/fields.h
 * before a handler uses them, as kcgi declares its keys: each field's
 * name, kind, bounds, where its message goes and where its value lands. */
#ifndef FORMATIONS_PAGES_FORM_H
#define FORMATIONS_PAGES_FORM_H

#include <stddef.h>

#include "rules/fields.h"

struct ctx;

struct form_field {
	struct field_rule rule;
	const char *error_key;   /* the view key of its message ("Errors.name"), or NULL */
	const char **value;      /* receives the trimmed value, "" when absent */
};

/* Reads every declared field of the request's form, trimmed, into its
 * value, checks it by its rule, and puts each message (in the arena) under
 * its error_key, or into errors[i] when errors is given. Returns the
 * number of wrong fields, or -1 when out of memory. */
int form_read(struct ctx *ctx, const struct form_field *fields, size_t n, const char **errors);

/* NULL when value obeys rule, else the French message (in the arena when
 * it names a bound). */
const char *form_check(struct ctx *ctx, const struct field_rule *rule, const char *value);

/* One field read and checked alone: the trimmed value in *value, and NULL
 * or the French message (arena). *value is NULL only when out of memory. */
const char *form_value(struct ctx *ctx, const struct field_rule *rule, const char **value);

#endif
