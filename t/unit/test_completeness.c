/* The completeness check: a full fiche lacks nothing; each empty item is
 * reported with its label; the real fiche's gaps are its prices, its
 * satisfaction rate and its named référent handicap. */
#include <string.h>

#include "tap.h"
#include "rules/completeness.h"

static struct completeness_input full(void)
{
	return (struct completeness_input){
		.prerequisites = "Aucun pré-requis", .objective = "Engager…", .duration_text = "2 jours",
		.duration_days = "2", .access_modalities = "Sur le site", .access_delay = "15 jours",
		.prices = "350 €", .price_per_trainee = "", .contact_phones = "02 99 29 82 42",
		.contact_email = "", .methods = "Ateliers", .eval_before = "Questionnaire",
		.eval_during = "Mises en situation", .eval_hot = "Bilan", .eval_cold = "Outil Caf",
		.accessibility = "Accessible", .disability_referent_name = "Claire Martin",
		.disability_referent_contact = "02 99 29 82 40", .updated_on = "2026-05-20",
		.satisfaction_rate = "92.5",
	};
}

static int has(const char **m, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i], label) == 0)
			return 1;
	return 0;
}

int main(void)
{
	const char *m[COMPLETENESS_ITEMS_MAX];
	struct completeness_input in = full();
	tap_is_int(completeness_missing(&in, m), 0, "a complete fiche lacks nothing");

	in.prices = "";
	in.satisfaction_rate = "";
	in.disability_referent_name = "";
	in.disability_referent_contact = "";
	size_t n = completeness_missing(&in, m);
	tap_is_int(n, 3, "the real fiche's three gaps");
	tap_ok(has(m, n, "Tarifs"), "prices reported");
	tap_ok(has(m, n, "Taux de satisfaction"), "satisfaction reported");
	tap_ok(has(m, n, "Référent handicap (nom et contact)"), "référent reported");

	in = full();
	in.prices = "";
	in.price_per_trainee = "200 € par jour";
	tap_is_int(completeness_missing(&in, m), 0, "a price per trainee is a price");
	in = full();
	in.contact_phones = "";
	in.contact_email = "formation@egoc.example";
	tap_is_int(completeness_missing(&in, m), 0, "an email is a contact");
	in.contact_email = "  \n";
	n = completeness_missing(&in, m);
	tap_ok(n == 1 && has(m, n, "Contacts"), "blank text counts as missing");
	in = full();
	in.eval_cold = "";
	n = completeness_missing(&in, m);
	tap_ok(n == 1 && has(m, n, "Modalités d'évaluation (amont, en cours, à chaud, à froid)"),
		"each of the four evaluation moments is required");
	in = full();
	in.duration_text = "";
	tap_is_int(completeness_missing(&in, m), 0, "days alone give the duration");
	in.duration_days = NULL;
	tap_ok(completeness_missing(&in, m) == 1 && has(m, 1, "Durée"), "no duration reported");
	struct completeness_input empty = { 0 };
	tap_is_int(completeness_missing(&empty, m), 13, "an empty fiche lacks all thirteen items");

	/* Each item names the field to fill, the first empty one of a group. */
	const char *f[COMPLETENESS_ITEMS_MAX];
	in = full();
	in.eval_hot = "";
	in.eval_cold = "";
	n = completeness_missing_fields(&in, m, f);
	tap_ok(n == 1 && strcmp(f[0], "eval_hot") == 0, "the evaluation links to its first empty moment");
	in = full();
	in.disability_referent_contact = "";
	in.prices = "";
	n = completeness_missing_fields(&in, m, f);
	tap_ok(n == 2 && strcmp(f[0], "prices") == 0 && strcmp(f[1], "disability_referent_contact") == 0,
		"prices, then the référent's contact");
	n = completeness_missing_fields(&empty, m, f);
	tap_ok(n == 13 && strcmp(f[0], "prerequisites") == 0 && strcmp(f[12], "satisfaction_rate") == 0,
		"an empty fiche: from the prerequisites to the satisfaction rate");
	return tap_done();
}
