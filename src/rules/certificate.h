/* The rules of the attestation de fin de formation (Code du travail
 * L6353-1): its verification code, the canonical text of what it attests,
 * and the server's Ed25519 signature of that text.
 *
 * The signature covers the canonical text, never the PDF: the PDF is one
 * rendering of the text, and the verification page shows what the text
 * says, so that what is checked is what is shown. The text is lines of
 * "key=value", in a fixed order, after a first line naming the format:
 *
 *     EGOC attestation de fin de formation v1
 *     code=K7QX-M2PA-9WRT-HB4E
 *     session=42
 *     participant=Marie DUPONT
 *     organisation=Caf de Rennes
 *     formation=Coopération territoriale
 *     nature=action de formation
 *     du=2027-03-01
 *     au=2027-03-03
 *     duree_prevue=1260
 *     duree_suivie=1200
 *     resultat=partielle
 *     emise_le=2027-03-05
 *
 * Pure: no I/O, no clock, no allocation (libsodium computes). The caller
 * has called sodium_init(). */
#ifndef FORMATIONS_RULES_CERTIFICATE_H
#define FORMATIONS_RULES_CERTIFICATE_H

#include <stddef.h>

/* "XXXX-XXXX-XXXX-XXXX" from the 32 letters and digits that cannot be
 * misread (no I, O, 0 or 1): 80 bits, NUL included. */
#define CERTIFICATE_CODE_BUF 20
#define CERTIFICATE_CODE_RANDOM 10
/* The longest canonical text (sql/0015 allows 4,000). */
#define CERTIFICATE_TEXT_MAX 4000
/* An Ed25519 signature as hex, NUL included. */
#define CERTIFICATE_SIGNATURE_HEX 129
#define CERTIFICATE_PUBLIC_KEY 32 /* crypto_sign_PUBLICKEYBYTES */
#define CERTIFICATE_SECRET_KEY 64 /* crypto_sign_SECRETKEYBYTES */
#define CERTIFICATE_SEED 32       /* crypto_sign_SEEDBYTES */

/* The code of CERTIFICATE_CODE_RANDOM random bytes (randombytes_buf) into
 * out. */
void certificate_code_make(const unsigned char random[CERTIFICATE_CODE_RANDOM],
		char out[CERTIFICATE_CODE_BUF]);
/* What someone typed or scanned, as a code: letters in either case,
 * dashes and spaces anywhere ("k7qx m2pa 9wrt hb4e"), at most 64 bytes.
 * 0 and out, or -1 (out "") when it cannot be a code. */
int certificate_code_read(const char *typed, char out[CERTIFICATE_CODE_BUF]);

/* What an attestation attests. Strings are UTF-8; in the text each value
 * is one line (a control character becomes a space, which the data never
 * holds: the fields' rules refuse them). Dates are ISO (YYYY-MM-DD). */
struct certificate_facts {
	const char *code;
	const char *session_id;
	const char *participant;     /* "Marie DUPONT" */
	const char *organisation;    /* "" when none */
	const char *course_title;
	const char *nature;          /* "action de formation" */
	const char *first_day, *last_day;
	int planned_minutes, attended_minutes;
	const char *outcome;         /* "presente" or "partielle" */
	const char *issued_on;
};

/* The canonical text of f into buf (size bytes, NUL included). Returns its
 * length, or -1 (buf "" when size > 0) when a field is NULL or empty where
 * it may not be (all but organisation), a minute count is negative or
 * attended exceeds planned, or buf is too small. */
int certificate_text(const struct certificate_facts *f, char *buf, size_t size);
/* The inverse, for the verification page: text (changed in place: each
 * line ends in a NUL) into *out, whose strings point into text. 0, or -1
 * (out untouched) when the first line, a key, its order or a number is
 * not what certificate_text writes. */
int certificate_text_read(char *text, struct certificate_facts *out);

/* The key pair of a 32-byte seed (the server keeps the seed as a secret). */
int certificate_keypair(const unsigned char seed[CERTIFICATE_SEED],
		unsigned char pk[CERTIFICATE_PUBLIC_KEY], unsigned char sk[CERTIFICATE_SECRET_KEY]);
/* The signature of text[0..len) as 128 hex digits. 0, or -1. */
int certificate_sign(const unsigned char sk[CERTIFICATE_SECRET_KEY], const char *text, size_t len,
		char out[CERTIFICATE_SIGNATURE_HEX]);
/* 0 when signature_hex is pk's signature of text (NUL-terminated), else
 * -1 (also for a malformed signature). Takes the same time whatever the
 * inputs' contents (libsodium's verification is constant time; a
 * malformed signature is checked as a zero one). */
int certificate_verify(const unsigned char pk[CERTIFICATE_PUBLIC_KEY], const char *text,
		const char *signature_hex);

#endif
