/* The attestation rules: codes, the canonical text and its reading back,
 * Ed25519 signatures (another key, a changed text, a malformed one). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "rules/certificate.h"
#include "tap.h"

static const struct certificate_facts sample = {
	.code = "K7QX-M2PA-9WRT-HB4E", .session_id = "42", .participant = "Marie DUPONT",
	.organisation = "Caf d'Ille-et-Vilaine", .course_title = "Coopération territoriale",
	.nature = "action de formation", .first_day = "2027-03-01", .last_day = "2027-03-03",
	.planned_minutes = 1260, .attended_minutes = 1200, .outcome = "partielle",
	.issued_on = "2027-03-05",
};

static void test_codes(void)
{
	unsigned char zero[CERTIFICATE_CODE_RANDOM] = { 0 }, ones[CERTIFICATE_CODE_RANDOM];
	char code[CERTIFICATE_CODE_BUF], back[CERTIFICATE_CODE_BUF];
	memset(ones, 0xff, sizeof(ones));
	certificate_code_make(zero, code);
	tap_is_str(code, "AAAA-AAAA-AAAA-AAAA", "all zero bits: the first letter");
	certificate_code_make(ones, code);
	tap_is_str(code, "9999-9999-9999-9999", "all one bits: the last digit");
	unsigned char r[CERTIFICATE_CODE_RANDOM] = { 0x08, 0x86, 0x42, 0x98, 0xe8, 0x4a, 0x96, 0xc6, 0xb9, 0xff };
	certificate_code_make(r, code);
	tap_is_str(code, "BCDE-FGHJ-KLMN-PQR9", "5 bits per character, most significant first");
	tap_ok(certificate_code_read("bcde fghj-klmn pqr9", back) == 0 && strcmp(back, code) == 0,
		"read back in lower case with spaces");
	tap_ok(certificate_code_read("BCDEFGHJKLMNPQR9", back) == 0 && strcmp(back, code) == 0,
		"read back without dashes");
	tap_ok(certificate_code_read("BCDE-FGHJ-KLMN-PQR", back) != 0 && back[0] == '\0', "15 characters refused");
	tap_ok(certificate_code_read("BCDE-FGHJ-KLMN-PQR99", back) != 0, "17 characters refused");
	tap_ok(certificate_code_read("BCDE-FGHJ-KLMN-PQR0", back) != 0, "0 is not in the alphabet");
	tap_ok(certificate_code_read("ICDE-FGHJ-KLMN-PQR9", back) != 0, "I is not in the alphabet");
	tap_ok(certificate_code_read("BCDE-FGHJ-KLMN-PQR%", back) != 0, "punctuation refused");
	tap_ok(certificate_code_read("", back) != 0, "empty refused");
	tap_ok(certificate_code_read(NULL, back) != 0, "NULL refused");
	char longer[100];
	memset(longer, '-', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	memcpy(longer, "BCDEFGHJKLMNPQR9", 16);
	tap_ok(certificate_code_read(longer, back) != 0, "more than 64 bytes refused");
	unsigned char rnd[CERTIFICATE_CODE_RANDOM];
	int all = 1;
	for (int i = 0; i < 200; i++) {
		randombytes_buf(rnd, sizeof(rnd));
		certificate_code_make(rnd, code);
		all = all && certificate_code_read(code, back) == 0 && strcmp(code, back) == 0;
	}
	tap_ok(all, "200 random codes read back as themselves");
}

static void test_text(void)
{
	char buf[CERTIFICATE_TEXT_MAX + 1];
	int n = certificate_text(&sample, buf, sizeof(buf));
	tap_ok(n > 0 && (size_t)n == strlen(buf), "canonical text written, its length returned");
	tap_is_str(buf,
		"EGOC attestation de fin de formation v1\n"
		"code=K7QX-M2PA-9WRT-HB4E\nsession=42\nparticipant=Marie DUPONT\n"
		"organisation=Caf d'Ille-et-Vilaine\nformation=Coopération territoriale\n"
		"nature=action de formation\ndu=2027-03-01\nau=2027-03-03\nduree_prevue=1260\n"
		"duree_suivie=1200\nresultat=partielle\nemise_le=2027-03-05\n", "the canonical text");
	char copy[sizeof(buf)];
	memcpy(copy, buf, sizeof(buf));
	struct certificate_facts f;
	tap_ok(certificate_text_read(copy, &f) == 0, "read back");
	tap_is_str(f.participant, "Marie DUPONT", "  participant");
	tap_is_str(f.organisation, "Caf d'Ille-et-Vilaine", "  organisation");
	tap_is_str(f.course_title, "Coopération territoriale", "  course");
	tap_ok(f.planned_minutes == 1260 && f.attended_minutes == 1200, "  minutes");
	tap_is_str(f.issued_on, "2027-03-05", "  issue date");

	struct certificate_facts g = sample;
	g.organisation = "";
	tap_ok(certificate_text(&g, buf, sizeof(buf)) > 0 && strstr(buf, "\norganisation=\n"),
		"no organisation: an empty value");
	g = sample;
	g.participant = "Marie\nDUPONT\r";
	tap_ok(certificate_text(&g, buf, sizeof(buf)) > 0 && strstr(buf, "participant=Marie DUPONT \n"),
		"a control character becomes a space: one line per value");
	g = sample;
	g.participant = "";
	tap_ok(certificate_text(&g, buf, sizeof(buf)) == -1 && buf[0] == '\0', "no participant refused");
	g = sample;
	g.code = NULL;
	tap_ok(certificate_text(&g, buf, sizeof(buf)) == -1, "NULL code refused");
	g = sample;
	g.attended_minutes = 1261;
	tap_ok(certificate_text(&g, buf, sizeof(buf)) == -1, "attended above planned refused");
	g = sample;
	g.planned_minutes = -1;
	tap_ok(certificate_text(&g, buf, sizeof(buf)) == -1, "negative minutes refused");
	tap_ok(certificate_text(&sample, buf, 100) == -1 && buf[0] == '\0', "small buffer refused");
	tap_ok(certificate_text(NULL, buf, sizeof(buf)) == -1, "NULL facts refused");

	static const char *const bad[] = {
		"EGOC attestation v2\ncode=X\n",
		"EGOC attestation de fin de formation v1\nsession=42\ncode=K7QX-M2PA-9WRT-HB4E\n",
		"EGOC attestation de fin de formation v1\ncode=K7QX-M2PA-9WRT-HB4E\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(copy, sizeof(copy), "%s", bad[i]);
		tap_ok(certificate_text_read(copy, &f) != 0, "malformed text %zu refused", i + 1);
	}
	certificate_text(&sample, buf, sizeof(buf));
	char *p = strstr(buf, "duree_suivie=1200");
	memcpy(p, "duree_suivie=9999", 17);
	tap_ok(certificate_text_read(buf, &f) != 0, "attended above planned read back refused");
	certificate_text(&sample, buf, sizeof(buf));
	strcat(buf, "extra=1\n");
	tap_ok(certificate_text_read(buf, &f) != 0, "a line after the last key refused");
	certificate_text(&sample, buf, sizeof(buf));
	p = strstr(buf, "duree_prevue=1260");
	memcpy(p, "duree_prevue=+260", 17);
	tap_ok(certificate_text_read(buf, &f) != 0, "a signed number refused");
}

static void test_signature(void)
{
	unsigned char seed[CERTIFICATE_SEED], other_seed[CERTIFICATE_SEED];
	unsigned char pk[CERTIFICATE_PUBLIC_KEY], sk[CERTIFICATE_SECRET_KEY];
	unsigned char opk[CERTIFICATE_PUBLIC_KEY], osk[CERTIFICATE_SECRET_KEY];
	unsigned char pk2[CERTIFICATE_PUBLIC_KEY], sk2[CERTIFICATE_SECRET_KEY];
	for (int i = 0; i < CERTIFICATE_SEED; i++) {
		seed[i] = (unsigned char)i;
		other_seed[i] = (unsigned char)(i + 1);
	}
	tap_ok(certificate_keypair(seed, pk, sk) == 0 && certificate_keypair(other_seed, opk, osk) == 0,
		"key pairs from seeds");
	tap_ok(certificate_keypair(seed, pk2, sk2) == 0 && memcmp(pk, pk2, sizeof(pk)) == 0,
		"the same seed gives the same key (every worker and host signs alike)");
	char text[CERTIFICATE_TEXT_MAX + 1], sig[CERTIFICATE_SIGNATURE_HEX], osig[CERTIFICATE_SIGNATURE_HEX];
	int n = certificate_text(&sample, text, sizeof(text));
	tap_ok(certificate_sign(sk, text, (size_t)n, sig) == 0 && strlen(sig) == 128, "signed: 128 hex digits");
	char again[CERTIFICATE_SIGNATURE_HEX];
	tap_ok(certificate_sign(sk, text, (size_t)n, again) == 0 && strcmp(sig, again) == 0,
		"Ed25519 is deterministic: issuing twice signs alike");
	tap_ok(certificate_verify(pk, text, sig) == 0, "genuine: verified");
	tap_ok(certificate_verify(opk, text, sig) != 0, "another public key: refused");
	certificate_sign(osk, text, (size_t)n, osig);
	tap_ok(certificate_verify(pk, text, osig) != 0, "signed with another key: refused");
	text[strlen("EGOC attestation de fin de formation v1\ncode=K7QX-M2PA-9WRT-HB4E\nsession=4")] = '3';
	tap_ok(certificate_verify(pk, text, sig) != 0, "one character of the text changed: refused");
	certificate_text(&sample, text, sizeof(text));
	char bad[CERTIFICATE_SIGNATURE_HEX];
	memcpy(bad, sig, sizeof(bad));
	bad[0] = bad[0] == '0' ? '1' : '0';
	tap_ok(certificate_verify(pk, text, bad) != 0, "one digit of the signature changed: refused");
	tap_ok(certificate_verify(pk, text, "zz") != 0, "a malformed signature: refused");
	tap_ok(certificate_verify(pk, text, "") != 0, "an empty signature: refused");
	tap_ok(certificate_verify(pk, text, NULL) != 0, "no signature: refused");
	tap_ok(certificate_verify(pk, NULL, sig) != 0, "no text: refused");
}

int main(void)
{
	if (sodium_init() < 0) {
		printf("Bail out! sodium_init failed\n");
		return 1;
	}
	test_codes();
	test_text();
	test_signature();
	return tap_done();
}
