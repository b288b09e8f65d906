#include "rules/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <idn2.h>

#include "rules/calendar_fr.h"

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

/* Characters of a dot-atom local part (RFC 5322 atext), ASCII only. */
static int local_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		(c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static int has_non_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* An ASCII host name as DNS carries it: labels of letters, digits and
 * inner hyphens, 1 to 63 bytes, at least two, a top label that is not all
 * digits, at most 253 bytes. */
static int ascii_domain_ok(const char *d)
{
	size_t n = strlen(d), labels = 0;
	if (n == 0 || n > 253)
		return 0;
	const char *label = d;
	for (const char *p = d;; p++) {
		if (*p == '.' || *p == '\0') {
			size_t len = (size_t)(p - label);
			if (len == 0 || len > 63 || label[0] == '-' || p[-1] == '-')
				return 0;
			labels++;
			if (*p == '\0')
				break;
			label = p + 1;
			continue;
		}
		unsigned char c = (unsigned char)*p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return labels >= 2 && strspn(label, "0123456789") != strlen(label);
}

static const char EMAIL_BAD[] = "Indiquez une adresse électronique valide, par exemple prenom.nom@caf.fr.";
static const char EMAIL_LOCAL_ACCENTS[] = "Retirez les lettres accentuées et les caractères "
	"spéciaux avant le @ : la plupart des messageries ne les acheminent pas. Indiquez par "
	"exemple prenom.nom@caf.fr.";
static const char EMAIL_DOMAIN_BAD[] = "Le nom de domaine après le @ n'est pas valide "
	"(par exemple caf.fr ou exemple-café.fr).";

/* Checks s and, when out is given, writes the address as it is sent. */
static const char *email_problem(const char *s, char *out, size_t size)
{
	size_t n = strlen(s);
	if (n == 0)
		return "Indiquez votre adresse électronique.";
	if (n > EMAIL_MAX_BYTES)
		return "L'adresse électronique est trop longue (254 caractères au plus).";
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || at[1] == '\0')
		return EMAIL_BAD;
	size_t local = (size_t)(at - s);
	if (has_non_ascii(s, local))
		return EMAIL_LOCAL_ACCENTS;
	if (local > 64 || s[0] == '.' || at[-1] == '.')
		return EMAIL_BAD;
	for (size_t i = 0; i < local; i++)
		if (!local_char((unsigned char)s[i]) && !(s[i] == '.' && s[i + 1] != '.'))
			return EMAIL_BAD;
	/* "=?" would be read as an encoded word in the To header. */
	for (size_t i = 0; i + 1 < local; i++)
		if (s[i] == '=' && s[i + 1] == '?')
			return EMAIL_BAD;
	const char *domain = at + 1;
	char *ascii = NULL;
	if (has_non_ascii(domain, strlen(domain))) {
		for (const unsigned char *p = (const unsigned char *)domain; *p; p++)
			if (*p <= ' ' || *p == 0x7F || strchr("<>()[]\\,;:\"", *p))
				return EMAIL_BAD;
		if (idn2_to_ascii_8z(domain, &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL) != IDN2_OK) {
			idn2_free(ascii);
			return EMAIL_DOMAIN_BAD;
		}
	}
	const char *sent = ascii ? ascii : domain;
	const char *problem = NULL;
	if (!ascii_domain_ok(sent))
		problem = ascii ? EMAIL_DOMAIN_BAD : EMAIL_BAD;
	else if (local + 1 + strlen(sent) > EMAIL_MAX_BYTES)
		problem = "L'adresse électronique est trop longue (254 caractères au plus).";
	else if (out && (size_t)snprintf(out, size, "%.*s@%s", (int)local, s, sent) >= size)
		problem = EMAIL_BAD;
	idn2_free(ascii);
	return problem;
}

const char *field_email(const char *s)
{
	return email_problem(s ? s : "", NULL, 0);
}

int field_email_ascii(const char *s, char *out, size_t size)
{
	return size > 0 && email_problem(s ? s : "", out, size) == NULL ? 0 : -1;
}

/* The length in bytes of a control character at p (0 when none): C0, DEL,
 * C1 (U+0080 to U+009F) and U+2028, U+2029, which break lines too. */
static size_t control_at(const unsigned char *p)
{
	if (*p < 0x20 || *p == 0x7F)
		return 1;
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

const char *field_one_line(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		if (control_at(p))
			return "Ce champ tient sur une seule ligne : retirez les retours à la ligne "
				"et les caractères de contrôle.";
	return NULL;
}

const char *field_multi_line(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		if (*p != '\n' && *p != '\r' && *p != '\t' && control_at(p))
			return "Ce texte contient des caractères de contrôle : retirez-les.";
	return NULL;
}

const char *field_phone(const char *s)
{
	size_t digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == ' ' || *p == '.' || *p == '-' || *p == '(' || *p == ')' ||
				(*p == '+' && p == s)))
			return "Indiquez un numéro de téléphone, par exemple 02 99 29 82 42.";
	}
	if (digits < 10 || digits > 15)
		return "Indiquez un numéro de téléphone complet (10 chiffres, ou l'indicatif international).";
	return NULL;
}

/* "1 000" for 1000: French digit groups, as the messages print limits. */
static void french_number(long v, char *out, size_t size)
{
	if (v >= 1000 && v < 1000000)
		snprintf(out, size, "%ld %03ld", v / 1000, v % 1000);
	else
		snprintf(out, size, "%ld", v);
}

static const char *too_long(long max, char *msg, size_t size)
{
	char n[32];
	french_number(max, n, sizeof(n));
	snprintf(msg, size, "Ce texte est trop long (%s caractères au plus).", n);
	return msg;
}

static const char *count_problem(const struct field_rule *r, const char *v, char *msg, size_t size)
{
	size_t len = strlen(v);
	long n = 0;
	int ok = len <= 9 && strspn(v, "0123456789") == len && (v[0] != '0' || len == 1);
	for (size_t i = 0; ok && i < len; i++)
		n = n * 10 + (v[i] - '0');
	if (ok && n >= r->min && n <= r->max)
		return NULL;
	char lo[32], hi[32];
	french_number(r->min, lo, sizeof(lo));
	french_number(r->max, hi, sizeof(hi));
	snprintf(msg, size, "Indiquez un nombre entier entre %s et %s.", lo, hi);
	return msg;
}

static const char *time_problem(const char *v)
{
	size_t len = strlen(v);
	int h = -1, m = -1;
	if (len == 5 && v[2] == ':') {
		h = cal_read_digits(v, 2);
		m = cal_read_digits(v + 3, 2);
	}
	return h >= 0 && h <= 23 && m >= 0 && m <= 59 ? NULL :
		"Indiquez une heure, par exemple 09:30.";
}

const char *field_check(const struct field_rule *r, const char *value, char *msg, size_t size)
{
	const char *v = value ? value : "";
	if (!*v)
		return r->required ? (r->kind == FIELD_EMAIL ? field_email(v) : "Ce champ est obligatoire.") :
			NULL;
	const char *problem = NULL;
	struct civil_date d;
	switch (r->kind) {
	case FIELD_LINE:
	case FIELD_TEXT:
		problem = r->kind == FIELD_LINE ? field_one_line(v) : field_multi_line(v);
		if (!problem && r->max > 0 && field_chars(v) > (size_t)r->max)
			problem = too_long(r->max, msg, size);
		break;
	case FIELD_EMAIL:
		problem = field_email(v);
		break;
	case FIELD_PHONE:
		problem = strlen(v) > 30 ? "Indiquez un numéro de téléphone, par exemple 02 99 29 82 42." :
			field_phone(v);
		break;
	case FIELD_DATE:
		if (strlen(v) != 10 || cal_parse_date(v, &d) != 0)
			problem = "Indiquez une date réelle (jour, mois et année).";
		break;
	case FIELD_TIME:
		problem = time_problem(v);
		break;
	case FIELD_ID:
		if (!field_is_id(v))
			problem = "Ce choix n'est pas valide : choisissez dans la liste.";
		break;
	case FIELD_COUNT:
		problem = count_problem(r, v, msg, size);
		break;
	}
	return problem;
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

int field_role_handles_demands(const char *role)
{
	return role && field_is_role(role) && strcmp(role, "formateur") != 0;
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

int field_is_blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}
