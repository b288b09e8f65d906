/* The fields of the public demand form (names from README.md, "Public
 * routes and the demand form": the contract for integrations) and their checks: pure, one French message
 * per wrong field. */
#ifndef FORMATIONS_RULES_DEMAND_FORM_H
#define FORMATIONS_RULES_DEMAND_FORM_H

/* X(form name, max characters, required) */
#define DEMAND_FORM_FIELDS(X) \
	X(nom, 100, 1) X(prenom, 100, 1) X(email, 254, 1) X(telephone, 30, 0) \
	X(organisme, 200, 1) X(fonction, 200, 0) X(formation, 100, 0) X(intitule, 300, 0) \
	X(type, 5, 1) X(participants, 3, 1) X(periode, 500, 0) X(lieu, 300, 0) \
	X(accessibilite, 2000, 0) X(message, 5000, 0) X(consentement, 3, 1)

struct demand_fields {
#define DEMAND_FIELD(name, max, required) const char *name;
	DEMAND_FORM_FIELDS(DEMAND_FIELD)
#undef DEMAND_FIELD
};

struct demand_errors {
#define DEMAND_ERROR(name, max, required) const char *name;
	DEMAND_FORM_FIELDS(DEMAND_ERROR)
#undef DEMAND_ERROR
};

/* Fills e (NULL where fine) and returns the number of wrong fields. Values
 * are trimmed valid UTF-8 (the request layer checked it); NULL is empty. */
int demand_form_check(const struct demand_fields *f, struct demand_errors *e);
/* NULL when s looks like a phone number: digits, spaces, dots, dashes,
 * parentheses and one leading '+', with 10 to 15 digits. */
const char *demand_phone_problem(const char *s);

#endif
