#include "rules/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t field_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

void field_email_fold(char *s)
{
	for (; s && *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

const char *field_email(const char *s)
{
	static const char bad[] = "Indiquez une adresse électronique valide, par exemple prenom.nom@caf.fr.";
	size_t n = strlen(s);
	if (n == 0)
		return "Indiquez votre adresse électronique.";
	if (n > EMAIL_MAX_BYTES)
		return "L'adresse électronique est trop longue (254 caractères au plus).";
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return bad;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7F || *p == '<' || *p == '>' || *p == ',' ||
				*p == ';' || *p == '"' || *p == '\\')
			return bad;
	const char *domain = at + 1;
	const char *dot = strrchr(domain, '.');
	if (!dot || dot == domain || dot[1] == '\0' || domain[0] == '.' || strstr(domain, ".."))
		return bad;
	return NULL;
}

const char *field_length(const char *s, size_t min, size_t max)
{
	size_t n = field_chars(s);
	if (n < min)
		return min == 1 ? "Ce champ est obligatoire." : "Ce texte est trop court.";
	if (n > max)
		return "Ce texte est trop long.";
	return NULL;
}

const char *field_password(const char *s)
{
	if (strlen(s) > PASSWORD_MAX_BYTES)
		return "Le mot de passe est trop long (1 024 caractères au plus).";
	if (field_chars(s) < PASSWORD_MIN_CHARS)
		return "Le mot de passe doit compter au moins 12 caractères.";
	return NULL;
}

static const char *const roles[][2] = {
	{ "admin", "Administrateur" },
	{ "conseiller", "Conseiller formation" },
	{ "assistant", "Assistant(e) formation" },
	{ "formateur", "Formateur" },
};

int field_is_id(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	return len > 0 && len <= 18 && strspn(s, "0123456789") == len;
}

int field_is_role(const char *s)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(s, roles[i][0]) == 0)
			return 1;
	return 0;
}

const char *field_role_label(const char *role)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(role, roles[i][0]) == 0)
			return roles[i][1];
	return role;
}

int field_return_target(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 512 || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x21 || *p > 0x7E || *p == '\\')
			return 0;
	return 1;
}

/* The Latin letters of French, as two-byte UTF-8 sequences, and their ASCII
 * spelling in a URL. */
static const char *const fold[][2] = {
	{ "à", "a" }, { "â", "a" }, { "ä", "a" }, { "á", "a" }, { "ç", "c" }, { "é", "e" },
	{ "è", "e" }, { "ê", "e" }, { "ë", "e" }, { "î", "i" }, { "ï", "i" }, { "í", "i" },
	{ "ô", "o" }, { "ö", "o" }, { "ó", "o" }, { "ù", "u" }, { "û", "u" }, { "ü", "u" },
	{ "ú", "u" }, { "ÿ", "y" }, { "ñ", "n" }, { "œ", "oe" }, { "æ", "ae" },
	{ "À", "a" }, { "Â", "a" }, { "Ç", "c" }, { "É", "e" }, { "È", "e" }, { "Ê", "e" },
	{ "Ë", "e" }, { "Î", "i" }, { "Ï", "i" }, { "Ô", "o" }, { "Ù", "u" }, { "Û", "u" },
	{ "Ü", "u" }, { "Œ", "oe" }, { "Æ", "ae" },
};

static const char *folded(const char *p, size_t *used)
{
	for (size_t i = 0; i < sizeof(fold) / sizeof(fold[0]); i++) {
		size_t n = strlen(fold[i][0]);
		if (strncmp(p, fold[i][0], n) == 0) {
			*used = n;
			return fold[i][1];
		}
	}
	return NULL;
}

char *field_slugify(const char *title, char *out, size_t size)
{
	size_t n = 0, limit = size - 1 < 80 ? size - 1 : 80;
	int dash = 0;
	for (const char *p = title; *p && n < limit;) {
		size_t used = 1;
		const char *ascii = folded(p, &used);
		char c = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		if (ascii || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n < limit)
				out[n++] = '-';
			dash = 0;
			for (const char *q = ascii ? ascii : &c; *q && n < limit; q++) {
				out[n++] = *q;
				if (!ascii)
					break;
			}
		} else {
			dash = 1;
			while ((p[used] & 0xC0) == 0x80)
				used++;
		}
		p += used;
	}
	while (n && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "formation");
	return out;
}

int field_decimal(const char *s, double min, double max, char *out, size_t size)
{
	char copy[32];
	size_t n = strlen(s);
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (n >= sizeof(copy))
		return -1;
	memcpy(copy, s, n + 1);
	for (char *p = copy; *p; p++) {
		if (*p == ',')
			*p = '.';
		else if ((*p < '0' || *p > '9') && *p != '.')
			return -1;
	}
	char *end;
	double v = strtod(copy, &end);
	if (end == copy || *end || v < min || v > max)
		return -1;
	snprintf(out, size, "%.10g", v);
	return 0;
}
