/* Writes sample PDFs of src/out/pdf.c into a directory, for t/27-pdf.t:
 *
 *   session.pdf      a 3-day session, 6 half-days of 40 participants: the
 *                    first two certified (signed, paper, absent, late),
 *                    the others blank, as printed before the session;
 *   sixty.pdf        one blank half-day of 60 participants;
 *   attestation.pdf  an attestation for a partial attendance;
 *   rows.txt         what the test looks for: one line per participant
 *                    row, "file<TAB>sheet<TAB>name<TAB>organisation";
 *   odd.pdf          a sheet and odd.attestation.pdf an attestation made
 *                    of what a caller should not send but might: NULL
 *                    fields, invalid UTF-8, control characters, a name of
 *                    a thousand letters, no rows (and, in the attestation,
 *                    a long objective that French spacing breaks right);
 *
 * and prints what the refusals return, "refused: <case> <rc>" (-1
 * expected): no sheet, a buffer too small, a QR text too long.
 *
 * Prints how long the session file takes to draw, as TAP comments: the
 * first time (fontconfig loads its cache and the font) and the best of
 * five afterwards (a worker that already drew one). Exits 1 when a PDF
 * could not be made. */
#include "base/buf.h"
#include "out/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ROWS 60

static const char *first_names[] = {
	"Marie", "Jean", "Élodie", "François", "Chloé", "Loïc", "Anaïs", "Théo",
};
static const char *last_names[] = {
	"DUPONT", "LEFÈVRE", "N'GUYEN", "MARTIN-DESCHAMPS", "BERTRAND",
	"ÇELIK", "DA SILVA PEREIRA DE OLIVEIRA", "ROUSSEAU",
};

static char names[MAX_ROWS][96], orgs[MAX_ROWS][160], signed_texts[MAX_ROWS][96];

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Participant i: a name and an organisation of their own, some long
 * enough to wrap on two or three lines. */
static void people(void)
{
	for (int i = 0; i < MAX_ROWS; i++) {
		snprintf(names[i], sizeof names[i], "%s %s", first_names[i % 8], last_names[(i / 8 + i) % 8]);
		if (i % 7 == 3)
			snprintf(orgs[i], sizeof orgs[i],
					"Communauté de communes des Monts du Lyonnais et de la vallée n° %d", i + 1);
		else if (i % 5 == 1)
			snprintf(orgs[i], sizeof orgs[i], "Centre communal d'action sociale n° %d", i + 1);
		else
			snprintf(orgs[i], sizeof orgs[i], "Mairie n° %d", i + 1);
	}
	/* One name longer than its column: cut after three lines. */
	snprintf(names[10], sizeof names[10], "Marie-Hélène Anne-Sophie DE LA ROCHEFOUCAULD-MONTMORENCY");
}

static const char *days[] = { "lundi 1er mars 2027", "mardi 2 mars 2027", "mercredi 3 mars 2027" };
static const char *modules[] = { "Module 1 – Les bases", "Module 2 – Les risques", "Module 3 – Mise en situation" };

static void sheet(struct pdf_sheet *s, struct pdf_sheet_row *rows, size_t n, int day, int pm,
		int certified, char *qr, size_t qr_n, char *label, size_t label_n)
{
	snprintf(label, label_n, "Jour %d – %s", day + 1, pm ? "après-midi" : "matin");
	snprintf(qr, qr_n, "https://formations.egoc.fr/emargement/demi-journee/%d", 4100 + day * 2 + pm);
	*s = (struct pdf_sheet){
		.course_title = "Habilitation électrique B0-H0V : prévenir les risques d'origine "
			"électrique lors d'opérations d'ordre non électrique au voisinage des installations",
		.module_label = modules[day],
		.day_label = label,
		.date = days[day],
		.times = pm ? "13 h 30 – 17 h" : "9 h – 12 h 30",
		.place = "Maison des associations, 12 rue de la République, Villeurbanne",
		.room = "Salle Rosa-Parks (2e étage)",
		.trainers = "Anne MARTIN, Paul DURAND",
		.qr_text = qr,
		.certified = certified,
		.trainer_name = "Anne MARTIN",
		.certified_text = certified ? "certifié le lundi 1er mars 2027 à 12 h 41 par Anne MARTIN" : "",
		.rows = rows,
		.n_rows = n,
	};
	for (size_t i = 0; i < n; i++) {
		rows[i] = (struct pdf_sheet_row){ .name = names[i], .organisation = orgs[i] };
		if (!certified)
			continue;
		if (i == 6 || i == 17)
			rows[i].state = PDF_ROW_ABSENT;
		else if (i == 4)
			rows[i].state = PDF_ROW_PAPER;
		else {
			rows[i].state = PDF_ROW_SIGNED;
			rows[i].signed_text = signed_texts[i];
		}
		if (i == 8)
			rows[i].note = "arrivée à 9 h 40 (40 min de retard)";
	}
}

static int write_file(const char *dir, const char *name, const struct buf *b)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0) {
		fprintf(stderr, "pdf_sample: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* What a caller should not send. */
static int odd(const char *dir)
{
	static char longname[1200];
	for (size_t i = 0; i + 1 < sizeof longname; i++)
		longname[i] = i % 9 == 8 ? ' ' : 'a' + (char)(i % 26);
	struct pdf_sheet_row rows[] = {
		{ .name = "Ana\x01\x1b[31mïs\xff\xfe BAD\r\nLINE", .organisation = NULL },
		{ .name = longname, .organisation = longname, .state = PDF_ROW_SIGNED, .signed_text = NULL },
		{ .name = NULL, .organisation = "\xc3", .state = PDF_ROW_ABSENT, .note = longname },
	};
	struct pdf_sheet s = { .day_label = "Jour\x7f 1", .certified = 1, .rows = rows, .n_rows = 3 };
	struct pdf_sheet empty = { .course_title = "Sans participants" };
	struct pdf_sheet both[] = { s, empty };
	/* French spacing: lines never start with what the no-break spaces
	 * keep with the word before. */
	static char spacing[4096];
	strcpy(spacing, "\n\n \n");
	for (int i = 0; i < 30; i++)
		strcat(spacing, "le 4 mars à 9 h 30 : « oui » ; ");
	struct pdf_certificate a = { .participant_name = "Z\xe9ro", .objectives = spacing, .attended_minutes = -5 };
	struct buf b;
	buf_init(&b, 64u << 20);
	int rc = pdf_sheets(&b, both, 2) < 0 || write_file(dir, "odd.pdf", &b) < 0;
	buf_free(&b);
	rc |= pdf_certificate(&b, &a) < 0 || write_file(dir, "odd.attestation.pdf", &b) < 0;
	buf_free(&b);

	printf("refused: no-sheet %d\n", pdf_sheets(&b, &s, 0));
	buf_free(&b);
	struct buf small;
	buf_init(&small, 4096);
	printf("refused: small-buffer %d\n", pdf_sheets(&small, &s, 1));
	buf_free(&small);
	static char huge[5000];
	memset(huge, 'q', sizeof huge - 1);
	empty.qr_text = huge;
	printf("refused: long-qr %d\n", pdf_sheets(&b, &empty, 1));
	buf_free(&b);
	a.verification_url = huge;
	printf("refused: long-qr-attestation %d\n", pdf_certificate(&b, &a));
	buf_free(&b);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: pdf_sample DIR\n");
		return 2;
	}
	const char *dir = argv[1];
	people();
	for (int i = 0; i < MAX_ROWS; i++)
		snprintf(signed_texts[i], sizeof signed_texts[i],
				"signé électroniquement le lundi 1er mars 2027 à 9 h %02d", i % 50);

	static struct pdf_sheet_row rows[6][MAX_ROWS], rows60[MAX_ROWS];
	static char qrs[7][96], labels[7][48];
	struct pdf_sheet sheets[6], sixty;
	for (int k = 0; k < 6; k++)
		sheet(&sheets[k], rows[k], 40, k / 2, k % 2, k < 2, qrs[k], sizeof qrs[k],
				labels[k], sizeof labels[k]);
	sheet(&sixty, rows60, 60, 2, 1, 0, qrs[6], sizeof qrs[6], labels[6], sizeof labels[6]);

	struct buf b;
	buf_init(&b, 64u << 20);
	double t0 = now_ms();
	if (pdf_sheets(&b, sheets, 6) < 0) {
		fprintf(stderr, "pdf_sample: pdf_sheets failed\n");
		return 1;
	}
	double cold = now_ms() - t0, warm = 1e9;
	size_t size = b.len;
	if (write_file(dir, "session.pdf", &b) < 0)
		return 1;
	for (int r = 0; r < 5; r++) {
		buf_free(&b);
		t0 = now_ms();
		if (pdf_sheets(&b, sheets, 6) < 0)
			return 1;
		double t = now_ms() - t0;
		if (t < warm)
			warm = t;
	}
	printf("# session file (6 half-days, 40 participants, %zu bytes): %.1f ms the first time,"
			" %.1f ms after (target < 300 ms)\n", size, cold, warm);

	buf_free(&b);
	if (pdf_sheets(&b, &sixty, 1) < 0 || write_file(dir, "sixty.pdf", &b) < 0)
		return 1;

	static const struct pdf_result results[] = {
		{ "Identifier les zones d'environnement électrique", "acquis" },
		{ "Appliquer les consignes de sécurité", "en cours d'acquisition" },
		{ "Questionnaire final", "16 / 20" },
	};
	struct pdf_certificate a = {
		.issuer_details = "Groupement EGOC, 20 rue du Lac, 69003 Lyon\n"
			"SIRET 123 456 789 00012 – déclaration d'activité n° 84 69 12345 69",
		.participant_name = "Marie-Hélène DUPONT-LEFÈVRE",
		.organisation = "Communauté de communes du Pays de l'Arbresle",
		.course_title = sheets[0].course_title,
		.objectives = "Connaître les dangers de l'électricité et analyser le risque électrique\n"
			"Identifier les zones d'environnement électrique et les limites de son habilitation\n"
			"\n"
			"Appliquer les consignes de sécurité et réagir face à un accident d'origine électrique",
		.dates = "du lundi 1er mars au mercredi 3 mars 2027 (3 jours)",
		.place = "Maison des associations, Villeurbanne",
		.planned_minutes = 21 * 60,
		.attended_minutes = 5 * 60 + 30,
		.results = results,
		.n_results = 3,
		.signatory_name = "Claire BERNARD",
		.signatory_role = "Directrice",
		.issued_at = "Fait à Lyon, le vendredi 5 mars 2027",
		.verification_code = "K7F3-9QX2-M4TD",
		.verification_url = "https://formations.egoc.fr/attestations/K7F3-9QX2-M4TD",
	};
	buf_free(&b);
	if (pdf_certificate(&b, &a) < 0 || write_file(dir, "attestation.pdf", &b) < 0)
		return 1;
	buf_free(&b);

	if (odd(dir)) {
		fprintf(stderr, "pdf_sample: the odd PDFs failed\n");
		return 1;
	}

	char path[4096];
	snprintf(path, sizeof path, "%s/rows.txt", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	for (int k = 0; k < 6; k++)
		for (size_t i = 0; i < sheets[k].n_rows; i++)
			fprintf(f, "session.pdf\t%d\t%s\t%s\n", k + 1, rows[k][i].name, rows[k][i].organisation);
	for (size_t i = 0; i < sixty.n_rows; i++)
		fprintf(f, "sixty.pdf\t1\t%s\t%s\n", rows60[i].name, rows60[i].organisation);
	return fclose(f) == 0 ? 0 : 1;
}
