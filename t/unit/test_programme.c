/* The programme outline: the real fiche's programme (modules 3, 4 and 5 of
 * "Accompagner l'implantation des chargés de coopération") written in the
 * outline syntax parses to the fiche's exact texts and formats back to the
 * same text; each error names its line; CRLF, reordering and the empty
 * outline behave. Run under ASan, so error paths are also checked for
 * leaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "rules/programme.h"

/* The fiche's "Contenu", one block per module, in normalised form. */
#define M3 \
	"# Module 3 : Partager entre Conseillers techniques CAF et Chargés de Coopération Territoriale une méthodologie de projet agile et évolutive privilégiant les résultats aux objectifs et facilitant la mesure d'impact social.\n" \
	"\n" \
	"Ce module s'inscrira dans une démarche d'acculturation à l'approche orientée « changement » et à l'analyse d'impact à faible niveau de preuve.\n" \
	"\n" \
	"## Journée 1 : De la CTG aux changements durables ou comment engager un processus global de développement territorial ?\n" \
	"\n" \
	"Processus proposé :\n" \
	"\n" \
	"- La CTG : Des représentations individuelles à une démarche collective.\n" \
	"- Identifier les grandes étapes de la démarche et les acteurs du développement territorial.\n" \
	"- Co-construction d'un processus de définition de « futur idéal » à long terme par territoire de projet.\n" \
	"  - Présentation et expérimentation d'outils supports (le capital stratégique de développement).\n" \
	"- Retour sur les « accords-cadres » signés par territoire CTG et formalisation de changements durables pour le territoire.\n" \
	"\n" \
	"## Journée 2 : Des changements durables à l'analyse d'impact social en passant par les chemins de progrès,\n" \
	"\n" \
	"Processus proposé :\n" \
	"\n" \
	"- Co-construire des chemins de progrès.\n" \
	"- Partager le sens et les finalités d'un processus d'évaluation.\n" \
	"- Identifier les différents niveaux de l'évaluation.\n" \
	"- S'accorder sur ce que l'on ambitionne au travers de l'analyse d'impact.\n" \
	"- Formaliser un dispositif de suivi et d'évaluation in-itinere, intégrant la question de la mesure d'impact à faible niveau de preuve.\n"

#define M4 \
	"# Module 4 : S'accorder sur ce que l'on entend par « coopération territoriale ». Identifier les compétences et les postures pour animer la coopération entre acteurs. Outiller les Chargés de Coopération Territoriale en matière de pratiques et démarches participatives favorisant la coopération.\n" \
	"\n" \
	"## Journée 1 : De l'équilibre de Nash aux grands principes de la coopération à l'échelle d'un territoire\n" \
	"\n" \
	"Processus proposé :\n" \
	"\n" \
	"- Jeux d'appréhension de la coopération.\n" \
	"- Identifier les facteurs clefs de réussite d'une coopération durable au service du développement des territoires.\n" \
	"- Co-construire les processus et outils permettant la pleine expression de ces facteurs de réussite.\n" \
	"- Imaginer des espaces d'animation d'une démarche de Coopération Territoriale (tables de concertation).\n" \
	"\n" \
	"## Journée 2 : Faire évoluer les compétences et les postures, « outiller » les Chargés de coopération territoriale en matière de pratiques et démarches participatives favorisant la coopération.\n" \
	"\n" \
	"Processus proposé :\n" \
	"\n" \
	"- Identifier la place et la posture du Chargé de coopération territoriale dans l'animation de la coopération au service du développement territorial.\n" \
	"- Créer les conditions favorables au développement d'un travail associé entre Conseiller, Responsable CTG (CAF) et Chargé de Coopération territoriale (Collectivité),\n" \
	"- Expérimenter des méthodologies d'animation participatives permettant le développement de pratiques de coopération entre acteurs des territoires et institutions au service d'un projet de territoire partagé.\n"

#define M5 \
	"# Module 5 : Co-construire entre représentants d'EPCI, agents et managers du pôle développement de la CAF et Chargés de coopération territoriale, les attendus de la fonction de « Chargé de coopération territoriale ».\n" \
	"\n" \
	"Ce module sera animé sous la forme d'un séminaire d'une journée\n" \
	"\n" \
	"## Séminaire d'une journée : Chargé(e) de coopération territoriale : un nouveau métier à co-construire...\n" \
	"\n" \
	"Processus proposé :\n" \
	"\n" \
	"- Foire aux questions individuelles autour de la fonction de CCT, suivi du regroupement des questionnements similaires en « grandes familles » (Méthode du méta-plan).\n" \
	"- Identification pour chaque « grande famille de questions » des enjeux, des pistes de solution et de leur traduction en « éléments constitutifs » d'une fiche de poste type. (Alternance de méthodes en petits groupes ou en grand groupe via la technique du « fish bowl »).\n" \
	"- Co-construction d'une fiche de poste type de « Chargé de coopération territoriale » à partir d'un gabarit.\n" \
	"- Formaliser les vecteurs de progrès pour alimenter la montée en compétences des Chargés de coopération territoriale.\n"

#define FICHE M3 "\n" M4 "\n" M5

/* The paragraph that follows the modules on the fiche: it belongs to the
 * course's programme notes, not to a day, so it must not be swallowed. */
#define NOTES "Attention, le propre d'une démarche participative réside dans la capacité " \
	"de celle-ci à s'adapter à l'évolution, aux avancées et attentes du groupe.\n"

static const char M3_TITLE[] = "Partager entre Conseillers techniques CAF et Chargés de "
	"Coopération Territoriale une méthodologie de projet agile et évolutive privilégiant "
	"les résultats aux objectifs et facilitant la mesure d'impact social.";
static const char M4_TITLE[] = "S'accorder sur ce que l'on entend par « coopération "
	"territoriale ». Identifier les compétences et les postures pour animer la coopération "
	"entre acteurs. Outiller les Chargés de Coopération Territoriale en matière de "
	"pratiques et démarches participatives favorisant la coopération.";
static const char M5_TITLE[] = "Co-construire entre représentants d'EPCI, agents et managers "
	"du pôle développement de la CAF et Chargés de coopération territoriale, les attendus "
	"de la fonction de « Chargé de coopération territoriale ».";

static int str_eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Deep equality, the meaning of "parse(format(p)) equals p". */
static int prog_equal(const struct programme *a, const struct programme *b)
{
	if (a->n_modules != b->n_modules)
		return 0;
	for (size_t i = 0; i < a->n_modules; i++) {
		const struct prog_module *x = &a->modules[i], *y = &b->modules[i];
		if (!str_eq(x->number, y->number) || !str_eq(x->title, y->title) ||
				!str_eq(x->intro, y->intro) || x->seminar != y->seminar ||
				x->n_days != y->n_days)
			return 0;
		for (size_t j = 0; j < x->n_days; j++) {
			const struct prog_day *d = &x->days[j], *e = &y->days[j];
			if (!str_eq(d->heading, e->heading) || !str_eq(d->subject, e->subject) ||
					!str_eq(d->steps_intro, e->steps_intro) || d->n_steps != e->n_steps)
				return 0;
			for (size_t k = 0; k < d->n_steps; k++)
				if (!str_eq(d->steps[k].text, e->steps[k].text) ||
						d->steps[k].level != e->steps[k].level)
					return 0;
		}
	}
	return 1;
}

static int parse_str(const char *s, struct programme *p, int *line, const char **err)
{
	return programme_parse(s, strlen(s), p, line, err);
}

/* One refused outline: -1, the line, the message, and nothing left. */
static void check_error(const char *text, size_t len, int want_line, const char *want_msg,
		const char *name)
{
	struct programme p;
	int line = -7;
	const char *err = NULL;
	int rc = programme_parse(text, len, &p, &line, &err);
	int empty = p.n_modules == 0 && p.modules == NULL;
	tap_ok(rc == -1 && line == want_line && empty && err && strcmp(err, want_msg) == 0,
		"error: %s (line %d)", name, want_line);
	if (rc != -1 || line != want_line || !err || strcmp(err, want_msg) != 0)
		printf("#   rc %d, line %d, message '%s'\n", rc, line, err ? err : "(null)");
	programme_free(&p);
}

static void check_error_str(const char *text, int want_line, const char *want_msg,
		const char *name)
{
	check_error(text, strlen(text), want_line, want_msg, name);
}

/* A growing string for the generated outlines (limits, long lines). */
struct sb {
	char *p;
	size_t len;
};

static void sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);
	char *p = realloc(b->p, b->len + n + 1);
	if (!p)
		abort();
	memcpy(p + b->len, s, n + 1);
	b->p = p;
	b->len += n;
}

static size_t steps_of_level(const struct programme *p, int level)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n_modules; i++)
		for (size_t j = 0; j < p->modules[i].n_days; j++)
			for (size_t k = 0; k < p->modules[i].days[j].n_steps; k++)
				n += p->modules[i].days[j].steps[k].level == level;
	return n;
}

static void test_fiche(void)
{
	struct programme p;
	int line = -1;
	const char *err = "unset";
	int rc = parse_str(FICHE, &p, &line, &err);
	tap_is_int(rc, 0, "the fiche's programme parses");
	tap_ok(line == 0 && err == NULL, "no error reported on success");
	tap_is_int(p.n_modules, 3, "three modules");
	if (rc != 0 || p.n_modules != 3)
		return;
	const struct prog_module *m3 = &p.modules[0], *m4 = &p.modules[1], *m5 = &p.modules[2];

	tap_is_str(m3->number, "Module 3", "module 3: number");
	tap_is_str(m3->title, M3_TITLE, "module 3: title after the first \" : \"");
	tap_is_str(m3->intro, "Ce module s'inscrira dans une démarche d'acculturation à "
		"l'approche orientée « changement » et à l'analyse d'impact à faible niveau de preuve.",
		"module 3: intro");
	tap_is_int(m3->seminar, 0, "module 3: days, not a seminar");
	tap_is_int(m3->n_days, 2, "module 3: two days");

	const struct prog_day *d = &m3->days[0];
	tap_is_str(d->heading, "Journée 1", "module 3 day 1: heading");
	tap_is_str(d->subject, "De la CTG aux changements durables ou comment engager un "
		"processus global de développement territorial ?", "module 3 day 1: subject");
	tap_is_str(d->steps_intro, "Processus proposé :", "module 3 day 1: steps' intro");
	tap_is_int(d->n_steps, 5, "module 3 day 1: five steps, the sub-step included");
	tap_is_str(d->steps[0].text, "La CTG : Des représentations individuelles à une "
		"démarche collective.", "a step keeps its own \" : \"");
	tap_ok(d->steps[2].level == 0 && d->steps[3].level == 1 && d->steps[4].level == 0,
		"the indented step is a sub-step of level 1, its neighbours level 0");
	tap_is_str(d->steps[3].text, "Présentation et expérimentation d'outils supports "
		"(le capital stratégique de développement).", "the sub-step's text");
	tap_is_int(steps_of_level(&p, 1), 1, "the fiche has exactly one sub-step");

	d = &m3->days[1];
	tap_is_str(d->subject, "Des changements durables à l'analyse d'impact social en passant "
		"par les chemins de progrès,", "module 3 day 2: subject, trailing comma kept");
	tap_is_int(d->n_steps, 5, "module 3 day 2: five steps");
	tap_is_str(d->steps[4].text, "Formaliser un dispositif de suivi et d'évaluation "
		"in-itinere, intégrant la question de la mesure d'impact à faible niveau de preuve.",
		"module 3 day 2: last step");

	tap_is_str(m4->number, "Module 4", "module 4: number");
	tap_is_str(m4->title, M4_TITLE, "module 4: title (280 characters)");
	tap_is_str(m4->intro, "", "module 4: no intro");
	tap_ok(m4->n_days == 2 && m4->days[0].n_steps == 4 && m4->days[1].n_steps == 3,
		"module 4: two days of 4 and 3 steps");
	tap_is_str(m4->days[1].steps[1].text, "Créer les conditions favorables au développement "
		"d'un travail associé entre Conseiller, Responsable CTG (CAF) et Chargé de "
		"Coopération territoriale (Collectivité),", "module 4 day 2: step 2");

	tap_is_str(m5->title, M5_TITLE, "module 5: title");
	tap_is_str(m5->intro, "Ce module sera animé sous la forme d'un séminaire d'une journée",
		"module 5: intro");
	tap_is_int(m5->seminar, 1, "module 5: a seminar");
	tap_is_int(m5->n_days, 1, "module 5: one day");
	tap_is_str(m5->days[0].heading, "Séminaire d'une journée", "module 5: heading");
	tap_is_str(m5->days[0].subject, "Chargé(e) de coopération territoriale : un nouveau "
		"métier à co-construire...", "module 5: subject split at the first \" : \" only");
	tap_is_int(m5->days[0].n_steps, 4, "module 5: four steps");
	tap_is_str(m5->days[0].steps[3].text, "Formaliser les vecteurs de progrès pour alimenter "
		"la montée en compétences des Chargés de coopération territoriale.",
		"module 5: last step");

	/* Round trips. */
	char *text = NULL;
	tap_is_int(programme_format(&p, &text), 0, "format succeeds");
	tap_is_str(text, FICHE, "format(parse(fiche)) == fiche");
	struct programme q;
	rc = parse_str(text ? text : "", &q, NULL, NULL);
	tap_ok(rc == 0 && prog_equal(&p, &q), "parse(format(p)) equals p");
	programme_free(&q);
	free(text);

	/* The paragraph after the modules on the fiche is not a day's text. */
	check_error_str(FICHE "\n" NOTES, 57,
		"Après les étapes d'une journée ne peuvent venir que d'autres étapes (« - … »), "
		"une journée (« ## … ») ou un module (« # … »).",
		"the fiche's closing paragraph after the last steps");

	programme_free(&p);
	tap_ok(p.modules == NULL && p.n_modules == 0, "programme_free empties the struct");
	programme_free(&p);     /* twice is harmless */
}

/* Every "\n" of s as "\r\n" (or "\r"). */
static char *with_line_ends(const char *s, const char *eol)
{
	struct sb b = { 0 };
	sb_add(&b, "");
	for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		char part[4096];
		size_t n = (size_t)(nl - s);
		if (n >= sizeof(part))
			abort();
		memcpy(part, s, n);
		part[n] = '\0';
		sb_add(&b, part);
		sb_add(&b, eol);
	}
	sb_add(&b, s);
	return b.p;
}

static void test_line_ends(void)
{
	struct programme p, q;
	int rc = parse_str(FICHE, &p, NULL, NULL);
	char *crlf = with_line_ends(FICHE, "\r\n");
	char *cr = with_line_ends(FICHE, "\r");
	int rc1 = parse_str(crlf, &q, NULL, NULL);
	tap_ok(rc == 0 && rc1 == 0 && prog_equal(&p, &q), "CRLF text parses to the same programme");
	programme_free(&q);
	rc1 = parse_str(cr, &q, NULL, NULL);
	tap_ok(rc1 == 0 && prog_equal(&p, &q), "bare CR line ends too");
	programme_free(&q);
	free(crlf);
	free(cr);
	programme_free(&p);

	/* A CRLF error still counts lines right. */
	check_error_str("# Module 1 : Titre\r\n\r\n- étape\r\n", 3,
		"Cette étape n'appartient à aucune journée : ajoutez avant elle une ligne "
		"« ## Journée 1 : Sujet ».", "CRLF: step before any day");
}

static void test_reorder(void)
{
	struct programme p;
	const char *swapped = M3 "\n" M5 "\n" M4;
	int rc = parse_str(swapped, &p, NULL, NULL);
	tap_ok(rc == 0 && p.n_modules == 3 &&
		strcmp(p.modules[0].number, "Module 3") == 0 &&
		strcmp(p.modules[1].number, "Module 5") == 0 &&
		strcmp(p.modules[2].number, "Module 4") == 0,
		"swapping two modules in the text swaps them in the programme");
	tap_ok(rc == 0 && p.modules[1].seminar == 1 && p.modules[2].seminar == 0 &&
		p.modules[1].n_days == 1 && p.modules[2].n_days == 2,
		"the seminar flag and the days follow their module");
	char *text = NULL;
	tap_ok(rc == 0 && programme_format(&p, &text) == 0 && text && strcmp(text, swapped) == 0,
		"the reordered text formats back unchanged");
	free(text);
	programme_free(&p);
}

static void test_empty(void)
{
	struct programme p;
	int line = -1;
	const char *err = "unset";
	int rc = programme_parse("", 0, &p, &line, &err);
	tap_ok(rc == 0 && p.n_modules == 0 && line == 0 && err == NULL,
		"empty text: zero modules, no error");
	char *text = NULL;
	tap_ok(programme_format(&p, &text) == 0 && text && strcmp(text, "") == 0,
		"an empty programme formats to \"\"");
	free(text);
	programme_free(&p);
	rc = programme_parse(NULL, 0, &p, NULL, NULL);
	tap_ok(rc == 0 && p.n_modules == 0, "NULL text of length 0 is empty too");
	rc = parse_str("\n  \r\n\t\n", &p, NULL, NULL);
	tap_ok(rc == 0 && p.n_modules == 0, "blank lines only: zero modules");
	programme_free(&p);
}

/* Loose input: extra blank lines, trailing spaces, tab and no-break-space
 * sub-steps, one leading space before "-", a no-break space before the
 * colon, a module without number, a day without subject, intro
 * paragraphs. */
static void test_normalise(void)
{
	static const char loose[] =
		"\n\n#   Module 1\xC2\xA0:   Accueil   \n"
		"\n\n  Premier paragraphe.  \nsuite du paragraphe.\n\n\n#hashtag et ### pas un titre\n\n"
		"##   Journée 1\n\n\n"
		"Processus proposé :   \n"
		" - Une étape.\n"
		"\t- Une sous-étape.\n"
		"    - Une autre.\n"
		"\xC2\xA0\xC2\xA0\n"
		"\xC2\xA0\xC2\xA0- Réunion à 10:30.\xC2\xA0\n"
		"-   Dernière étape.  \n"
		"# Conclusion\n"
		"## séminaire final :\n"
		"## SEMINAIRE bis : sujet\n";
	static const char want[] =
		"# Module 1 : Accueil\n"
		"\n"
		"Premier paragraphe.\nsuite du paragraphe.\n\n\n#hashtag et ### pas un titre\n"
		"\n"
		"## Journée 1\n"
		"\n"
		"Processus proposé :\n"
		"\n"
		"- Une étape.\n"
		"  - Une sous-étape.\n"
		"  - Une autre.\n"
		"  - Réunion à 10:30.\n"
		"- Dernière étape.\n"
		"\n"
		"# Conclusion\n"
		"\n"
		"## séminaire final\n"
		"\n"
		"## SEMINAIRE bis : sujet\n";
	struct programme p;
	int rc = parse_str(loose, &p, NULL, NULL);
	tap_is_int(rc, 0, "loose outline parses");
	if (rc != 0)
		return;
	tap_ok(strcmp(p.modules[0].number, "Module 1") == 0 &&
		strcmp(p.modules[0].title, "Accueil") == 0,
		"a no-break space before the colon splits number and title");
	tap_ok(strcmp(p.modules[1].number, "") == 0 &&
		strcmp(p.modules[1].title, "Conclusion") == 0,
		"no \" : \": empty number, the whole line is the title");
	tap_is_str(p.modules[0].intro, "Premier paragraphe.\nsuite du paragraphe.\n\n\n"
		"#hashtag et ### pas un titre", "intro kept with its blank lines, trimmed at both ends");
	tap_ok(strcmp(p.modules[0].days[0].subject, "") == 0 && p.modules[0].seminar == 0,
		"a day without \" : \" has an empty subject");
	const struct prog_day *d = &p.modules[0].days[0];
	tap_ok(d->n_steps == 5 && d->steps[0].level == 0 && d->steps[1].level == 1 &&
		d->steps[2].level == 1 && d->steps[3].level == 1 && d->steps[4].level == 0 &&
		strcmp(d->steps[4].text, "Dernière étape.") == 0,
		"one space: level 0; a tab, 4 spaces or 2 no-break spaces: level 1; text trimmed");
	tap_is_str(d->steps[3].text, "Réunion à 10:30.",
		"\"10:30\" is no separator; a no-break space is trimmed; a no-break blank line is blank");
	tap_ok(p.modules[1].seminar == 1 && p.modules[1].n_days == 2,
		"\"séminaire\" and \"SEMINAIRE\" make a seminar too");
	char *text = NULL;
	tap_ok(programme_format(&p, &text) == 0, "format the loose outline");
	tap_is_str(text, want, "loose outline formats to the normalised text");
	struct programme q;
	rc = parse_str(text ? text : "", &q, NULL, NULL);
	tap_ok(rc == 0 && prog_equal(&p, &q), "and reparses to the same programme");
	programme_free(&q);
	free(text);
	programme_free(&p);
}

/* Programmes built by hand (the edit page builds one from database rows
 * with borrowed strings) format and parse back. */
static void test_format_built(void)
{
	struct prog_step steps[] = { { "Accueil", 0 }, { "Tour de table", 1 }, { "Bilan", 0 } };
	struct prog_day days[] = {
		{ "Journée 1", "Le sujet", "Processus proposé :", steps, 3 },
		{ "Journée 2", "", "", NULL, 0 },
	};
	struct prog_module mods[] = {
		{ "Module 1", "Découvrir", "Un paragraphe.\n\nUn autre.", 0, days, 2 },
		{ "", "Sans numéro", "", 0, NULL, 0 },
	};
	struct programme p = { mods, 2 }, q;
	char *text = NULL;
	tap_ok(programme_format(&p, &text) == 0 && text &&
		strcmp(text, "# Module 1 : Découvrir\n\nUn paragraphe.\n\nUn autre.\n\n"
			"## Journée 1 : Le sujet\n\nProcessus proposé :\n\n- Accueil\n  - Tour de table\n"
			"- Bilan\n\n## Journée 2\n\n# Sans numéro\n") == 0,
		"a built programme formats as documented");
	int rc = parse_str(text ? text : "", &q, NULL, NULL);
	tap_ok(rc == 0 && prog_equal(&p, &q), "parse(format(p)) equals a built p");
	programme_free(&q);
	free(text);

	/* A title without number that holds " : " must not be split. */
	struct prog_module colon[] = { { "", "Atelier : pratiques", "", 0, NULL, 0 } };
	struct programme c = { colon, 1 };
	tap_ok(programme_format(&c, &text) == 0 && text &&
		strcmp(text, "# : Atelier : pratiques\n") == 0 &&
		parse_str(text, &q, NULL, NULL) == 0 && prog_equal(&c, &q),
		"a title with \" : \" and no number is guarded and comes back whole");
	programme_free(&q);
	free(text);

	/* A line break inside a one-line field must not change the shape. */
	struct prog_module bad[] = { { "Module 1", "Titre\nsur deux lignes", "", 0, NULL, 0 } };
	struct programme b = { bad, 1 };
	tap_ok(programme_format(&b, &text) == 0 && text &&
		strcmp(text, "# Module 1 : Titre sur deux lignes\n") == 0,
		"a line break in a title is written as a space");
	free(text);
}

static void test_errors(void)
{
	check_error_str("\n## Journée 1 : Sujet\n", 2,
		"Cette journée n'appartient à aucun module : ajoutez avant elle une ligne "
		"« # Module 1 : Titre ».", "a day before any module");
	check_error_str("- étape\n", 1,
		"Cette étape n'appartient à aucune journée : ajoutez avant elle une ligne "
		"« ## Journée 1 : Sujet ».", "a step before any module");
	check_error_str("# Module 1 : Titre\nIntro.\n\n  - étape\n", 4,
		"Cette étape n'appartient à aucune journée : ajoutez avant elle une ligne "
		"« ## Journée 1 : Sujet ».", "a step in a module intro");
	check_error_str("Contenu\n# Module 1 : Titre\n", 1,
		"Le programme doit commencer par un module, par exemple « # Module 1 : Titre ».",
		"text before the first module");
	check_error_str("# Module 1 : Titre\n\n# Module 2 :   \n", 3,
		"Le titre du module est vide.", "an empty module title after \" : \"");
	check_error_str("#\n", 1, "Le titre du module est vide.", "a bare \"#\"");
	check_error_str("# Module 1 : Titre\n## : Sujet\n", 2,
		"L'intitulé de la journée est vide.", "an empty day heading");
	check_error_str("# M : T\n## Journée 1\nDe la CTG aux changements\nProcessus proposé :\n", 4,
		"Une journée n'a qu'une ligne avant ses étapes (par exemple « Processus proposé : ») ; "
		"le sujet de la journée se place sur la ligne « ## », après « : ».",
		"a second line before the steps");
	check_error_str("# M : T\n## Journée 1 : S\nProcessus proposé :\n\n  - sous-étape\n- étape\n", 5,
		"Une sous-étape (en retrait) doit suivre une étape : la première étape d'une journée "
		"commence par « - » sans retrait.", "a sub-step before any step");
	check_error_str("# M : T\n## J1 : S\n- a\n## J2 : S\n\t- b\n", 5,
		"Une sous-étape (en retrait) doit suivre une étape : la première étape d'une journée "
		"commence par « - » sans retrait.", "a sub-step does not follow the previous day's step");
	check_error_str("# M : T\n## J : S\n- a\n\nUn commentaire\n", 5,
		"Après les étapes d'une journée ne peuvent venir que d'autres étapes (« - … »), "
		"une journée (« ## … ») ou un module (« # … »).", "text after the steps");
	check_error_str("# M : T\n## J : S\n- a\n-   \n", 4, "Cette étape est vide.", "an empty step");
	check_error("# M : T\n\xC3(\n", 11, 2,
		"Cette ligne contient des caractères illisibles (le texte doit être en UTF-8, sans "
		"caractère nul).", "invalid UTF-8");
	check_error("# M : T\n## J\0 : S\n", 18, 2,
		"Cette ligne contient des caractères illisibles (le texte doit être en UTF-8, sans "
		"caractère nul).", "a NUL byte");

	/* Line length in characters: 2000 "é" (4000 bytes) pass, 2001 do not. */
	struct sb b = { 0 };
	sb_add(&b, "# M : T\n## J : S\n- ");
	for (int i = 0; i < 1998; i++)
		sb_add(&b, "é");
	sb_add(&b, "\n");
	struct programme p;
	int rc = programme_parse(b.p, b.len, &p, NULL, NULL);
	tap_ok(rc == 0 && p.n_modules == 1 && strlen(p.modules[0].days[0].steps[0].text) == 3996,
		"a line of exactly 2000 characters is accepted");
	programme_free(&p);
	b.p[b.len - 1] = 'x';
	sb_add(&b, "\n");
	check_error(b.p, b.len, 3, "Cette ligne dépasse 2 000 caractères.", "a line over 2000 characters");
	free(b.p);

	/* 50 modules pass, the 51st is refused on its own line. */
	b = (struct sb){ 0 };
	for (int i = 1; i <= 50; i++) {
		char l[64];
		snprintf(l, sizeof(l), "# Module %d : Titre %d\n", i, i);
		sb_add(&b, l);
	}
	rc = programme_parse(b.p, b.len, &p, NULL, NULL);
	tap_ok(rc == 0 && p.n_modules == 50, "50 modules are accepted");
	programme_free(&p);
	sb_add(&b, "# Module 51 : Titre\n");
	check_error(b.p, b.len, 51, "Un programme compte au plus 50 modules.", "51 modules");
	free(b.p);

	b = (struct sb){ 0 };
	sb_add(&b, "# Module 1 : Titre\n");
	for (int i = 1; i <= 31; i++) {
		char l[64];
		snprintf(l, sizeof(l), "## Journée %d : Sujet\n", i);
		sb_add(&b, l);
	}
	check_error(b.p, b.len, 32, "Un module compte au plus 30 journées.", "31 days in a module");
	free(b.p);

	b = (struct sb){ 0 };
	sb_add(&b, "# Module 1 : Titre\n## Journée 1 : Sujet\nProcessus proposé :\n");
	for (int i = 1; i <= 101; i++)
		sb_add(&b, i % 2 ? "- étape\n" : "  - sous-étape\n");
	check_error(b.p, b.len, 104, "Une journée compte au plus 100 étapes.", "101 steps in a day");
	free(b.p);

	/* Database column limits, refused here rather than by a CHECK. */
	b = (struct sb){ 0 };
	sb_add(&b, "# Module 1 : ");
	for (int i = 0; i < 301; i++)
		sb_add(&b, "à");
	check_error(b.p, b.len, 1, "Le titre du module dépasse 300 caractères.", "a title over 300 characters");
	free(b.p);
	b = (struct sb){ 0 };
	sb_add(&b, "# Module 1 : Titre\n\n");
	for (int i = 0; i < 9; i++) {
		for (int k = 0; k < 100; k++)
			sb_add(&b, "dix lettres");
		sb_add(&b, "\n\n");
	}
	sb_add(&b, "\n## Journée 1 : Sujet\n");
	check_error(b.p, b.len, 19, "L'introduction du module dépasse 8 000 caractères.",
		"a module intro over 8000 characters");
	free(b.p);

	/* Indentation does not count: a tab-indented sub-step of 1997
	 * characters reformats as "  - " + text, 2001 bytes of line. */
	b = (struct sb){ 0 };
	sb_add(&b, "# M : T\n## J : S\n- a\n\t- ");
	for (int i = 0; i < 1997; i++)
		sb_add(&b, "e");
	sb_add(&b, "\n");
	rc = programme_parse(b.p, b.len, &p, NULL, NULL);
	char *text = NULL;
	struct programme q;
	tap_ok(rc == 0 && programme_format(&p, &text) == 0 &&
		parse_str(text, &q, NULL, NULL) == 0 && prog_equal(&p, &q),
		"a long indented sub-step still reparses after formatting");
	programme_free(&q);
	programme_free(&p);
	free(text);
	free(b.p);

	/* Error pointers are optional. */
	rc = parse_str("- étape\n", &p, NULL, NULL);
	tap_ok(rc == -1 && p.n_modules == 0, "errors with NULL error pointers");
}

/* Rows as the editor reads them back: a spare blank step, day and module
 * are dropped, and each problem names its row and field. */
static void add_step(struct prog_day *d, const char *text, int level)
{
	d->steps = realloc(d->steps, (d->n_steps + 1) * sizeof(*d->steps));
	d->steps[d->n_steps++] = (struct prog_step){ strdup(text), level };
}

static void add_day(struct prog_module *m, const char *heading)
{
	m->days = realloc(m->days, (m->n_days + 1) * sizeof(*m->days));
	m->days[m->n_days++] = (struct prog_day){ strdup(heading), strdup(""), strdup(" "), NULL, 0 };
}

static void add_module(struct programme *p, const char *title)
{
	p->modules = realloc(p->modules, (p->n_modules + 1) * sizeof(*p->modules));
	p->modules[p->n_modules++] = (struct prog_module){ strdup(""), strdup(title), strdup("\r\n"), 0,
		NULL, 0 };
}

static void test_rows(void)
{
	struct programme p, ref;
	struct prog_problem pr[8];
	tap_ok(parse_str(M3, &p, NULL, NULL) == 0 && parse_str(M3, &ref, NULL, NULL) == 0,
		"rows: the fiche's module 3");
	add_step(&p.modules[0].days[0], " ", 0);
	add_step(&p.modules[0].days[1], "", 1);
	add_day(&p.modules[0], "");
	add_step(&p.modules[0].days[2], "", 0);
	add_module(&p, "");
	add_day(&p.modules[1], "  ");
	tap_is_int(programme_check_rows(&p, pr, 8), 0, "blank spare rows are no problem");
	programme_compact(&p);
	tap_ok(prog_equal(&p, &ref), "and are dropped: the module as it was");
	programme_free(&p);

	p = (struct programme){ 0 };
	add_module(&p, "");
	add_day(&p.modules[0], "");
	add_step(&p.modules[0].days[0], "Une sous-étape d'abord", 1);
	add_step(&p.modules[0].days[0], "Une étape", 0);
	add_module(&p, "Deux");
	free(p.modules[1].intro);
	p.modules[1].intro = strdup("Un paragraphe.\n\n  - une liste");
	size_t n = programme_check_rows(&p, pr, 8);
	tap_is_int(n, 4, "four problems");
	tap_ok(n == 4 && pr[0].module == 1 && pr[0].part == PROG_TITLE && pr[1].day == 1 &&
		pr[1].part == PROG_HEADING && pr[2].step == 1 && pr[2].part == PROG_STEP_LEVEL &&
		pr[3].module == 2 && pr[3].part == PROG_INTRO,
		"the module's title, the day's heading, the first step's level, the second intro");
	tap_is_str(pr[2].message, "La première étape d'une journée ne peut pas être une sous-étape.",
		"said in French");
	tap_is_int(programme_check_rows(&p, pr, 2), 2, "at most max problems");
	programme_free(&p);

	/* The buttons: add a module (with a day and a step), a day, a step;
	 * remove them again; positions that do not exist change nothing. */
	tap_ok(parse_str(M3, &p, NULL, NULL) == 0, "rows: module 3 again");
	tap_ok(programme_add_row(&p, 0, 0) == 0 && p.n_modules == 2 && p.modules[1].n_days == 1 &&
		p.modules[1].days[0].n_steps == 1 && *p.modules[1].days[0].steps[0].text == '\0',
		"a module is added with a blank day and step");
	tap_ok(programme_add_row(&p, 1, 0) == 0 && p.modules[0].n_days == 3 &&
		p.modules[0].days[2].n_steps == 1, "a day is added with a blank step");
	tap_ok(programme_add_row(&p, 1, 1) == 0 && p.modules[0].days[0].n_steps == 6, "a step is added");
	tap_is_int(programme_add_row(&p, 3, 0), 1, "no module 3: nothing added");
	tap_is_int(programme_add_row(&p, 1, 4), 1, "no day 4: nothing added");
	tap_is_int(programme_check_rows(&p, pr, 8), 0, "the blank rows added are no problem");
	tap_ok(programme_remove_row(&p, 1, 1, 2) == 0 && p.modules[0].days[0].n_steps == 5 &&
		strncmp(p.modules[0].days[0].steps[1].text, "Co-construction", 15) == 0,
		"the second step is removed, the third moves up");
	tap_ok(programme_remove_row(&p, 1, 2, 0) == 0 && p.modules[0].n_days == 2 &&
		*p.modules[0].days[1].heading == '\0', "the second day is removed");
	tap_ok(programme_remove_row(&p, 2, 0, 0) == 0 && p.n_modules == 1, "the added module is removed");
	tap_is_int(programme_remove_row(&p, 1, 1, 9), 1, "no step 9: nothing removed");
	programme_compact(&p);
	tap_ok(p.n_modules == 1 && p.modules[0].n_days == 1 && p.modules[0].days[0].n_steps == 4,
		"compacted: module 3 with its first day less one step");
	programme_free(&p);
	for (int i = 0; i < PROGRAMME_MODULES_MAX; i++)
		(void)programme_add_row(&p, 0, 0);
	tap_is_int(programme_add_row(&p, 0, 0), 1, "no more than 50 modules");
	programme_free(&p);
	programme_free(&ref);
}

int main(void)
{
	test_rows();
	test_fiche();
	test_line_ends();
	test_reorder();
	test_empty();
	test_normalise();
	test_format_built();
	test_errors();
	return tap_done();
}
