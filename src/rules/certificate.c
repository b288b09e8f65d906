#include "rules/certificate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
static const char header[] = "EGOC attestation de fin de formation v1";

/* The keys of the text, in their order; the struct's fields in the same. */
enum key { K_CODE, K_SESSION, K_PARTICIPANT, K_ORGANISATION, K_FORMATION, K_NATURE, K_DU,
	K_AU, K_PREVUE, K_SUIVIE, K_RESULTAT, K_EMISE, K_COUNT };
static const char *const keys[K_COUNT] = { "code", "session", "participant", "organisation",
	"formation", "nature", "du", "au", "duree_prevue", "duree_suivie", "resultat", "emise_le" };

void certificate_code_make(const unsigned char random[CERTIFICATE_CODE_RANDOM],
		char out[CERTIFICATE_CODE_BUF])
{
	/* 80 bits, 5 at a time, most significant first */
	size_t k = 0;
	for (int i = 0; i < 16; i++) {
		int bit = i * 5, v = 0;
		for (int b = 0; b < 5; b++, bit++)
			v = (v << 1) | ((random[bit / 8] >> (7 - bit % 8)) & 1);
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[v];
	}
	out[k] = '\0';
}

int certificate_code_read(const char *typed, char out[CERTIFICATE_CODE_BUF])
{
	char c16[16];
	size_t n = 0;
	out[0] = '\0';
	if (!typed || strlen(typed) > 64)
		return -1;
	for (const char *p = typed; *p; p++) {
		char c = *p;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!strchr(alphabet, c) || n == sizeof(c16))
			return -1;
		c16[n++] = c;
	}
	if (n != sizeof(c16))
		return -1;
	for (size_t i = 0, k = 0; i < n; i++) {
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = c16[i];
		out[k] = '\0';
	}
	return 0;
}

/* Appends "key=value\n", control characters as spaces. */
static int put(char *buf, size_t size, size_t *len, const char *key, const char *value)
{
	int n = snprintf(buf + *len, size - *len, "%s=", key);
	if (n < 0 || (size_t)n >= size - *len)
		return -1;
	*len += (size_t)n;
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*len + 2 >= size)
			return -1;
		buf[(*len)++] = (char)(*p < 0x20 || *p == 0x7f ? ' ' : *p);
	}
	buf[(*len)++] = '\n';
	buf[*len] = '\0';
	return 0;
}

int certificate_text(const struct certificate_facts *f, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	if (!f || !buf || size < sizeof(header) + 1 || f->planned_minutes < 0 ||
			f->attended_minutes < 0 || f->attended_minutes > f->planned_minutes)
		return -1;
	char planned[16], attended[16];
	snprintf(planned, sizeof(planned), "%d", f->planned_minutes);
	snprintf(attended, sizeof(attended), "%d", f->attended_minutes);
	const char *values[K_COUNT] = { f->code, f->session_id, f->participant, f->organisation,
		f->course_title, f->nature, f->first_day, f->last_day, planned, attended, f->outcome,
		f->issued_on };
	size_t len = 0;
	memcpy(buf, header, sizeof(header) - 1);
	len = sizeof(header) - 1;
	buf[len++] = '\n';
	buf[len] = '\0';
	for (int k = 0; k < K_COUNT; k++) {
		if (!values[k] || (k != K_ORGANISATION && !*values[k]) ||
				put(buf, size, &len, keys[k], values[k]) != 0) {
			buf[0] = '\0';
			return -1;
		}
	}
	return (int)len;
}

/* Strict non-negative decimal, no sign, no leading zero. */
static int read_minutes(const char *s, int *out)
{
	if (!*s || strlen(s) > 9 || (s[0] == '0' && s[1]))
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	*out = atoi(s);
	return 0;
}

int certificate_text_read(char *text, struct certificate_facts *out)
{
	const char *values[K_COUNT];
	char *line = text;
	char *end = text ? strchr(text, '\n') : NULL;
	if (!end || (size_t)(end - text) != sizeof(header) - 1 || memcmp(text, header, sizeof(header) - 1))
		return -1;
	line = end + 1;
	for (int k = 0; k < K_COUNT; k++) {
		size_t kl = strlen(keys[k]);
		end = strchr(line, '\n');
		if (!end || strncmp(line, keys[k], kl) != 0 || line[kl] != '=')
			return -1;
		*end = '\0';
		values[k] = line + kl + 1;
		line = end + 1;
	}
	struct certificate_facts f = { .code = values[K_CODE], .session_id = values[K_SESSION],
		.participant = values[K_PARTICIPANT], .organisation = values[K_ORGANISATION],
		.course_title = values[K_FORMATION], .nature = values[K_NATURE], .first_day = values[K_DU],
		.last_day = values[K_AU], .outcome = values[K_RESULTAT], .issued_on = values[K_EMISE] };
	if (*line || read_minutes(values[K_PREVUE], &f.planned_minutes) != 0 ||
			read_minutes(values[K_SUIVIE], &f.attended_minutes) != 0 ||
			f.attended_minutes > f.planned_minutes)
		return -1;
	*out = f;
	return 0;
}

int certificate_keypair(const unsigned char seed[CERTIFICATE_SEED],
		unsigned char pk[CERTIFICATE_PUBLIC_KEY], unsigned char sk[CERTIFICATE_SECRET_KEY])
{
	return crypto_sign_seed_keypair(pk, sk, seed) == 0 ? 0 : -1;
}

int certificate_sign(const unsigned char sk[CERTIFICATE_SECRET_KEY], const char *text, size_t len,
		char out[CERTIFICATE_SIGNATURE_HEX])
{
	unsigned char sig[crypto_sign_BYTES];
	out[0] = '\0';
	if (!text || crypto_sign_detached(sig, NULL, (const unsigned char *)text, len, sk) != 0)
		return -1;
	sodium_bin2hex(out, CERTIFICATE_SIGNATURE_HEX, sig, sizeof(sig));
	return 0;
}

int certificate_verify(const unsigned char pk[CERTIFICATE_PUBLIC_KEY], const char *text,
		const char *signature_hex)
{
	unsigned char sig[crypto_sign_BYTES];
	size_t len = 0;
	int well_formed = signature_hex && strlen(signature_hex) == 2 * sizeof(sig) &&
		sodium_hex2bin(sig, sizeof(sig), signature_hex, 2 * sizeof(sig), NULL, &len, NULL) == 0 &&
		len == sizeof(sig);
	if (!well_formed)
		memset(sig, 0, sizeof(sig));
	int ok = crypto_sign_verify_detached(sig, (const unsigned char *)(text ? text : ""),
		text ? strlen(text) : 0, pk) == 0;
	return ok && well_formed ? 0 : -1;
}
