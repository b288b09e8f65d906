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

size_t completeness_missing(const struct completeness_input *in,
		const char *missing[COMPLETENESS_ITEMS_MAX])
{
	const struct {
		int lacking;
		const char *label;
	} items[] = {
		{ blank(in->prerequisites), "Pré-requis" },
		{ blank(in->objective), "Objectif professionnel" },
		{ blank(in->duration_text) && blank(in->duration_days), "Durée" },
		{ blank(in->access_modalities), "Modalités d'accès (calendrier, lieux)" },
		{ blank(in->access_delay), "Délai d'accès" },
		{ blank(in->prices) && blank(in->price_per_trainee), "Tarifs" },
		{ blank(in->contact_phones) && blank(in->contact_email), "Contacts" },
		{ blank(in->methods), "Méthodes mobilisées" },
		{ blank(in->eval_before) || blank(in->eval_during) || blank(in->eval_hot) ||
			blank(in->eval_cold), "Modalités d'évaluation (amont, en cours, à chaud, à froid)" },
		{ blank(in->accessibility), "Accessibilité" },
		{ blank(in->disability_referent_name) || blank(in->disability_referent_contact),
			"Référent handicap (nom et contact)" },
		{ blank(in->updated_on), "Date de mise à jour" },
		{ blank(in->satisfaction_rate), "Taux de satisfaction" },
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]) && n < COMPLETENESS_ITEMS_MAX; i++)
		if (items[i].lacking)
			missing[n++] = items[i].label;
	return n;
}
