/* The fields of the public demand form (names from README.md, "Public
 * routes and the demand form": the contract for integrations) and their checks: pure, one French message
 * per wrong field. */
#ifndef FORMATIONS_RULES_DEMAND_FORM_H
#define FORMATIONS_RULES_DEMAND_FORM_H

#include "rules/fields.h"

/* X(form name, kind of field (rules/fields.h), required, max characters
 * or largest count, smallest count) */
#define DEMAND_FORM_FIELDS(X) \
	X(nom, FIELD_LINE, 1, 100, 0) X(prenom, FIELD_LINE, 1, 100, 0) \
	X(email, FIELD_EMAIL, 1, 254, 0) X(telephone, FIELD_PHONE, 0, 30, 0) \
	X(organisme, FIELD_LINE, 1, 200, 0) X(fonction, FIELD_LINE, 0, 200, 0) \
	X(formation, FIELD_LINE, 0, 100, 0) X(intitule, FIELD_LINE, 0, 300, 0) \
	X(type, FIELD_LINE, 1, 5, 0) X(participants, FIELD_COUNT, 1, 200, 1) \
	X(periode, FIELD_TEXT, 0, 500, 0) X(lieu, FIELD_LINE, 0, 300, 0) \
	X(accessibilite, FIELD_TEXT, 0, 2000, 0) X(message, FIELD_TEXT, 0, 5000, 0) \
	X(consentement, FIELD_LINE, 1, 3, 0)

struct demand_fields {
#define DEMAND_FIELD(name, kind, required, max, min) const char *name;
	DEMAND_FORM_FIELDS(DEMAND_FIELD)
#undef DEMAND_FIELD
};

struct demand_errors {
#define DEMAND_ERROR(name, kind, required, max, min) const char *name;
	DEMAND_FORM_FIELDS(DEMAND_ERROR)
#undef DEMAND_ERROR
	/* room for the messages that name a limit */
#define DEMAND_TEXT(name, kind, required, max, min) char name##_text[128];
	struct {
		DEMAND_FORM_FIELDS(DEMAND_TEXT)
	} text;
#undef DEMAND_TEXT
};

/* Fills e (NULL where fine) and returns the number of wrong fields. Values
 * are trimmed valid UTF-8 (the request layer checked it); NULL is empty. */
int demand_form_check(const struct demand_fields *f, struct demand_errors *e);

#endif
