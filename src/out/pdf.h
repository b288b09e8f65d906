/* The paper of the lifecycle after planning, as PDF: attendance sheets
 * (feuilles d'émargement, one per half-day) and the attestation de fin de
 * formation (Code du travail L6353-1).
 *
 * One drawing layer, no SQL: a page or a command fills these plain structs,
 * as a template is filled from HDF, and gets an A4 PDF back in a struct buf.
 * cairo draws (its PDF surface writes into the buffer), pango sets the text
 * (wrapping, French line breaking), libqrencode gives the QR code's modules,
 * drawn as rectangles. The font is Noto Sans (Debian's fonts-noto-core),
 * found through fontconfig by its family name; cairo embeds the subset used.
 *
 * Text is UTF-8 given as it should read; NULL counts as "". Invalid UTF-8
 * becomes U+FFFD and control characters are dropped (line breaks kept
 * where a field allows several lines). French typography is applied on the
 * way: a no-break space before ":" and "»" and after "«", a narrow one
 * before ";", "!" and "?", and no line break inside "9 h 12" or "5 h 30".
 *
 * No clock: every date on the page comes from the caller, already in words
 * ("jeudi 4 mars 2027"). (cairo itself stamps the file's CreationDate.)
 * Both functions return 0, or -1 when the PDF could not be made (out of
 * memory, the buffer's cap reached, a QR text too long for a QR code); the
 * buffer then holds nothing usable, and the caller frees it as always. */
#ifndef FORMATIONS_OUT_PDF_H
#define FORMATIONS_OUT_PDF_H

#include <stddef.h>

struct buf;

/* What a participant's row of a half-day shows in its signature box. */
enum pdf_row_state {
	PDF_ROW_BLANK,    /* nothing yet: the box is left for a signature */
	PDF_ROW_SIGNED,   /* signed electronically: signed_text is printed */
	PDF_ROW_PAPER,    /* signed on the paper sheet: said so */
	PDF_ROW_ABSENT    /* absent: the row is barred once the half-day is certified */
};

struct pdf_sheet_row {
	const char *name;            /* "Marie DUPONT" */
	const char *organisation;    /* "" when none */
	enum pdf_row_state state;
	/* For PDF_ROW_SIGNED: "signé électroniquement le jeudi 4 mars 2027
	 * à 9 h 12" (the caller words it, with the method when not electronic). */
	const char *signed_text;
	/* Late arrival or early departure, "" when none: "arrivée à 9 h 40". */
	const char *note;
};

/* One half-day. Continuation pages repeat the header; a row never splits
 * across pages (a row's name or organisation longer than three lines is
 * cut with "…"). */
struct pdf_sheet {
	const char *course_title;    /* wrapped, three lines at most */
	const char *module_label;    /* "Module 1 – Les bases", "" when none */
	const char *day_label;       /* "Jour 1 – matin" */
	const char *date;            /* "jeudi 4 mars 2027" */
	const char *times;           /* "9 h – 12 h 30" */
	const char *place, *room;    /* "" when none */
	const char *trainers;        /* "Anne MARTIN, Paul DURAND" */
	const char *qr_text;         /* what the QR code names (the half-day); "" for none */
	int certified;               /* the trainer certified the half-day */
	const char *trainer_name;    /* in the trainer's box */
	/* When certified: "certifié le jeudi 4 mars 2027 à 12 h 41 par Anne
	 * MARTIN", printed in the trainer's box. */
	const char *certified_text;
	const struct pdf_sheet_row *rows;
	size_t n_rows;
};

/* One PDF with the n sheets (n >= 1), each starting on a new page, with
 * its own "page 2 / 3" numbering, and an outline entry per sheet. */
int pdf_sheets(struct buf *out, const struct pdf_sheet *sheets, size_t n);

/* One result of the evaluation of acquired skills. */
struct pdf_result {
	const char *label;   /* "Identifier les risques électriques", "Évaluation finale" */
	const char *value;   /* "acquis", "16 / 20" */
};

struct pdf_certificate {
	/* The issuer's lines under "EGOC": address, SIRET, numéro de
	 * déclaration d'activité; several lines allowed, "" for none. */
	const char *issuer_details;
	const char *participant_name;   /* "Marie DUPONT" */
	const char *organisation;       /* "" when none */
	const char *course_title;
	/* The fiche's objectives, one per line ("\n"); each becomes an item. */
	const char *objectives;
	const char *nature;             /* NULL or "" reads "action de formation" */
	const char *dates;              /* "du lundi 1er mars au mercredi 3 mars 2027" */
	const char *place;              /* "" when none */
	int planned_minutes;            /* the session's duration */
	int attended_minutes;           /* the participant's, never more than planned */
	const struct pdf_result *results;   /* none when the course has no evaluation */
	size_t n_results;
	const char *signatory_name;     /* EGOC's signatory */
	const char *signatory_role;     /* "Directrice", "" when none */
	const char *issued_at;          /* "Fait à Lyon, le vendredi 5 mars 2027" */
	const char *verification_code;  /* printed under the QR code */
	const char *verification_url;   /* what the QR code names: ".../attestations/{code}" */
};

/* One page in general; more when the objectives or results are long. */
int pdf_certificate(struct buf *out, const struct pdf_certificate *a);

/* "5 h 30", "7 h", "45 min": the French writing of a duration. n >= 16. */
void pdf_duration(char *dst, size_t n, int minutes);

#endif
