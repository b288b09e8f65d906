#include "rules/scan.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

enum scan_kind scan_sniff(const unsigned char *data, size_t len)
{
	static const unsigned char pdf[] = { '%', 'P', 'D', 'F', '-' };
	static const unsigned char jpeg[] = { 0xFF, 0xD8, 0xFF };
	static const unsigned char png[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
	if (!data)
		return SCAN_NONE;
	if (len >= sizeof(pdf) && memcmp(data, pdf, sizeof(pdf)) == 0)
		return SCAN_PDF;
	if (len >= sizeof(jpeg) && memcmp(data, jpeg, sizeof(jpeg)) == 0)
		return SCAN_JPEG;
	if (len >= sizeof(png) && memcmp(data, png, sizeof(png)) == 0)
		return SCAN_PNG;
	return SCAN_NONE;
}

const char *scan_check(int chosen, const unsigned char *data, size_t len, enum scan_kind *kind)
{
	*kind = SCAN_NONE;
	if (!chosen)
		return "Choisissez le fichier de la feuille signée (PDF, JPEG ou PNG).";
	if (len == 0)
		return "Le fichier envoyé est vide : rien n'a été joint. Choisissez le fichier de la "
			"feuille numérisée.";
	if (len > (size_t)SCAN_BYTES_MAX)
		return "Le fichier dépasse 10 Mo : numérisez la feuille en noir et blanc ou en plus "
			"basse résolution.";
	*kind = scan_sniff(data, len);
	if (*kind == SCAN_NONE)
		return "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG, quel que soit son nom : "
			"rien n'a été joint. Enregistrez la feuille numérisée dans l'un de ces formats.";
	return NULL;
}

static const struct {
	enum scan_kind kind;
	const char *type, *ext, *label;
} kinds[] = {
	{ SCAN_PDF, "application/pdf", "pdf", "PDF" },
	{ SCAN_JPEG, "image/jpeg", "jpg", "image JPEG" },
	{ SCAN_PNG, "image/png", "png", "image PNG" },
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

const char *scan_content_type(enum scan_kind k)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].type;
	return NULL;
}

enum scan_kind scan_kind_of_type(const char *content_type)
{
	for (size_t i = 0; content_type && i < N_KINDS; i++)
		if (strcmp(kinds[i].type, content_type) == 0)
			return kinds[i].kind;
	return SCAN_NONE;
}

const char *scan_extension(enum scan_kind k)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].ext;
	return "bin";
}

const char *scan_label_fr(enum scan_kind k)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].label;
	return "fichier";
}

/* The code point that starts at s (n bytes left) and its length, or
 * length 0 for a byte that does not start a well-formed sequence. */
static unsigned long decode(const unsigned char *s, size_t n, size_t *len)
{
	*len = 0;
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	size_t need = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (need == 0 || s[0] > 0xF4 || n < need)
		return 0;
	unsigned long cp = s[0] & (0xFF >> (need + 1));
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	static const unsigned long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < least[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*len = need;
	return cp;
}

/* Characters a name shown on a page must not carry: controls, line and
 * paragraph separators, bidirectional marks, embeddings, overrides and
 * isolates, the byte-order mark. */
static int unwanted(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
		cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
		(cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

void scan_filename_clean(const char *name, char *out, size_t size)
{
	if (size == 0)
		return;
	out[0] = '\0';
	if (!name)
		return;
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	const unsigned char *s = (const unsigned char *)base;
	size_t n = strlen(base), j = 0, chars = 0;
	for (size_t i = 0; i < n && chars < SCAN_FILENAME_CHARS;) {
		size_t len;
		unsigned long cp = decode(s + i, n - i, &len);
		if (len == 0) {
			i++;
			continue;
		}
		if (!unwanted(cp) && !(j == 0 && cp == ' ')) {
			if (j + len >= size)
				break;
			memcpy(out + j, s + i, len);
			j += len;
			chars++;
		}
		i += len;
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
}

void scan_sha256_hex(const unsigned char *data, size_t len, char out[SCAN_SHA256_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, SCAN_SHA256_HEX, h, sizeof(h));
}

int scan_size_fr(long long bytes, char *out, size_t size)
{
	int n;
	if (bytes < 0)
		bytes = 0;
	if (bytes < 1024)
		n = snprintf(out, size, "%lld octet%s", bytes, bytes > 1 ? "s" : "");
	else if (bytes < 1024LL * 1024)
		n = snprintf(out, size, "%lld Ko", (bytes + 1023) / 1024);
	else {
		long long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
		n = snprintf(out, size, "%lld,%lld Mo", tenths / 10, tenths % 10);
	}
	return n < 0 || (size_t)n >= size ? -1 : 0;
}
