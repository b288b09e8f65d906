#include "rules/demand_form.h"

#include <string.h>

#include "rules/fields.h"

const char *demand_phone_problem(const char *s)
{
	size_t digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == ' ' || *p == '.' || *p == '-' || *p == '(' || *p == ')' ||
				(*p == '+' && p == s)))
			return "Indiquez un numéro de téléphone, par exemple 02 99 29 82 42.";
	}
	if (digits < 10 || digits > 15)
		return "Indiquez un numéro de téléphone complet (10 chiffres, ou l'indicatif international).";
	return NULL;
}

static const char *participants_problem(const char *s)
{
	int n = 0;
	if (!*s || strlen(s) > 3 || strspn(s, "0123456789") != strlen(s))
		return "Indiquez un nombre de participants entre 1 et 200.";
	for (const char *p = s; *p; p++)
		n = n * 10 + (*p - '0');
	return n >= 1 && n <= 200 ? NULL : "Indiquez un nombre de participants entre 1 et 200.";
}

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
#define CHECK_PRESENT(name, max, required) \
	if ((required) && (!f->name || !*f->name)) \
		e->name = required_message(#name); \
	else if (f->name && field_chars(f->name) > (max)) \
		e->name = "Ce texte est trop long.";
	DEMAND_FORM_FIELDS(CHECK_PRESENT)
#undef CHECK_PRESENT
	if (!e->email)
		e->email = field_email(f->email);
	if (!e->telephone && f->telephone && *f->telephone)
		e->telephone = demand_phone_problem(f->telephone);
	if (!e->type && strcmp(f->type, "intra") != 0 && strcmp(f->type, "inter") != 0)
		e->type = "Choisissez INTRA ou INTER.";
	if (!e->participants)
		e->participants = participants_problem(f->participants);
	if (!e->consentement && strcmp(f->consentement, "oui") != 0)
		e->consentement = required_message("consentement");
	if (!e->formation && !e->intitule && (!f->formation || !*f->formation) &&
			(!f->intitule || !*f->intitule))
		e->intitule = "Choisissez une formation du catalogue, ou décrivez la formation souhaitée.";
	int n = 0;
#define COUNT(name, max, required) n += e->name != NULL;
	DEMAND_FORM_FIELDS(COUNT)
#undef COUNT
	return n;
}
