#include "rules/fields.h"

#include <string.h>

size_t field_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
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
