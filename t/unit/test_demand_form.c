/* The demand form's checks: a right demand passes; each field's mistakes
 * are named in French; custom demands need a title. */
#include <string.h>

#include "tap.h"
#include "rules/demand_form.h"

static struct demand_fields good(void)
{
	return (struct demand_fields){ .nom = "Martin", .prenom = "Claire",
		.email = "claire.martin@caf23.caf.fr", .telephone = "05 55 51 00 00",
		.organisme = "Caf de la Creuse", .fonction = "Responsable", .formation = "cooperation-territoriale",
		.intitule = "", .type = "intra", .participants = "12", .periode = "printemps 2027",
		.lieu = "Guéret", .accessibilite = "", .message = "", .consentement = "oui" };
}

int main(void)
{
	struct demand_errors e;
	struct demand_fields f = good();
	tap_is_int(demand_form_check(&f, &e), 0, "a right demand passes");
	f.formation = "";
	tap_is_int(demand_form_check(&f, &e), 1, "no course and no title: one error");
	tap_ok(e.intitule != NULL, "on intitule");
	f.intitule = "Formation sur mesure à l'écoute active";
	tap_is_int(demand_form_check(&f, &e), 0, "a custom demand with a title passes");
	f = good();
	f.nom = "";
	f.email = "pas-une-adresse";
	f.participants = "0";
	f.consentement = "";
	f.type = "autre";
	tap_is_int(demand_form_check(&f, &e), 5, "five wrong fields counted");
	tap_ok(e.nom && e.email && e.participants && e.consentement && e.type, "each one named");
	tap_is_str(e.nom, "Ce champ est obligatoire.", "required message");
	f = good();
	const char *counts[][2] = { { "1", NULL }, { "200", NULL }, { "201", "x" }, { "-3", "x" },
		{ "12a", "x" }, { "", "x" }, { "0012", "x" } };
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		f.participants = counts[i][0];
		demand_form_check(&f, &e);
		tap_ok((e.participants == NULL) == (counts[i][1] == NULL), "participants '%s'", counts[i][0]);
	}
	const char *phones[][2] = { { "02 99 29 82 42", NULL }, { "+33 2 99 29 82 42", NULL },
		{ "02.99.29.82.42", NULL }, { "(02) 99-29-82-42", NULL }, { "0299", "x" },
		{ "02 99 29 82 4a", "x" }, { "33+2992982422", "x" }, { "0123456789012345", "x" } };
	for (size_t i = 0; i < sizeof(phones) / sizeof(phones[0]); i++)
		tap_ok((field_phone(phones[i][0]) == NULL) == (phones[i][1] == NULL),
			"phone '%s'", phones[i][0]);
	f = good();
	f.telephone = "";
	tap_is_int(demand_form_check(&f, &e), 0, "the phone is optional");
	char longer[6000];
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	f.message = longer;
	tap_is_int(demand_form_check(&f, &e), 1, "a message over 5,000 characters is refused");
	tap_is_str(e.message, "Ce texte est trop long (5 000 caractères au plus).", "as too long, with the limit");
	f = good();
	f.consentement = "non";
	demand_form_check(&f, &e);
	tap_ok(e.consentement != NULL, "consent must be 'oui'");
	return tap_done();
}
