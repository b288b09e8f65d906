#include "rules/completeness.h"

/* Empty, or only spaces and line breaks. */
static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* The first blank of up to four fields, named: the one to fill first. */
static const char *first_blank(const char *a, const char *na, const char *b, const char *nb,
		const char *c, const char *nc, const char *d, const char *nd)
{
	if (blank(a))
		return na;
	if (nb && blank(b))
		return nb;
	if (nc && blank(c))
		return nc;
	if (nd && blank(d))
		return nd;
	return na;
}

size_t completeness_missing_fields(const struct completeness_input *in,
		const char *missing[COMPLETENESS_ITEMS_MAX], const char *fields[COMPLETENESS_ITEMS_MAX])
{
	const struct {
		int lacking;
		const char *label, *field;
	} items[] = {
		{ blank(in->prerequisites), "Pré-requis", "prerequisites" },
		{ blank(in->objective), "Objectif professionnel", "objective" },
		{ blank(in->duration_text) && blank(in->duration_days), "Durée", "duration_text" },
		{ blank(in->access_modalities), "Modalités d'accès (calendrier, lieux)", "access_modalities" },
		{ blank(in->access_delay), "Délai d'accès", "access_delay" },
		{ blank(in->prices) && blank(in->price_per_trainee), "Tarifs", "prices" },
		{ blank(in->contact_phones) && blank(in->contact_email), "Contacts", "contact_phones" },
		{ blank(in->methods), "Méthodes mobilisées", "methods" },
		{ blank(in->eval_before) || blank(in->eval_during) || blank(in->eval_hot) ||
			blank(in->eval_cold), "Modalités d'évaluation (amont, en cours, à chaud, à froid)",
			first_blank(in->eval_before, "eval_before", in->eval_during, "eval_during",
				in->eval_hot, "eval_hot", in->eval_cold, "eval_cold") },
		{ blank(in->accessibility), "Accessibilité", "accessibility" },
		{ blank(in->disability_referent_name) || blank(in->disability_referent_contact),
			"Référent handicap (nom et contact)",
			first_blank(in->disability_referent_name, "disability_referent_name",
				in->disability_referent_contact, "disability_referent_contact",
				NULL, NULL, NULL, NULL) },
		{ blank(in->updated_on), "Date de mise à jour", "updated_on" },
		{ blank(in->satisfaction_rate), "Taux de satisfaction", "satisfaction_rate" },
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]) && n < COMPLETENESS_ITEMS_MAX; i++)
		if (items[i].lacking) {
			if (fields)
				fields[n] = items[i].field;
			missing[n++] = items[i].label;
		}
	return n;
}

size_t completeness_missing(const struct completeness_input *in,
		const char *missing[COMPLETENESS_ITEMS_MAX])
{
	return completeness_missing_fields(in, missing, NULL);
}
