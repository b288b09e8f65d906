#include "rules/demand_form.h"

#include <string.h>

#include "rules/fields.h"

static const char *required_message(const char *field)
{
	if (strcmp(field, "consentement") == 0)
		return "Votre accord est nécessaire pour que nous traitions votre demande.";
	if (strcmp(field, "type") == 0)
		return "Choisissez INTRA ou INTER.";
	return "Ce champ est obligatoire.";
}

int demand_form_check(const struct demand_fields *f, struct demand_errors *e)
{
	memset(e, 0, sizeof(*e));
#define CHECK(name, kind, required, max, min) { \
		static const struct field_rule rule = { #name, kind, required, max, min }; \
		if ((required) && (!f->name || !*f->name) && (kind) != FIELD_EMAIL) \
			e->name = required_message(#name); \
		else \
			e->name = field_check(&rule, f->name, e->text.name##_text, \
				sizeof(e->text.name##_text)); \
	}
	DEMAND_FORM_FIELDS(CHECK)
#undef CHECK
	if (!e->type && strcmp(f->type, "intra") != 0 && strcmp(f->type, "inter") != 0)
		e->type = "Choisissez INTRA ou INTER.";
	if (e->participants && f->participants && *f->participants)
		e->participants = "Indiquez un nombre de participants entre 1 et 200.";
	if (!e->consentement && strcmp(f->consentement, "oui") != 0)
		e->consentement = required_message("consentement");
	if (!e->formation && !e->intitule && (!f->formation || !*f->formation) &&
			(!f->intitule || !*f->intitule))
		e->intitule = "Choisissez une formation du catalogue, ou décrivez la formation souhaitée.";
	int n = 0;
#define COUNT(name, kind, required, max, min) n += e->name != NULL;
	DEMAND_FORM_FIELDS(COUNT)
#undef COUNT
	return n;
}
