#include "rules/session_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name, *label;
} statuses[] = {
	[SESSION_ENVISAGEE] = { "envisagee", "Envisagée" },
	[SESSION_CONFIRMEE] = { "confirmee", "Confirmée" },
	[SESSION_REALISEE] = { "realisee", "Réalisée" },
	[SESSION_ANNULEE] = { "annulee", "Annulée" },
};

int session_status_parse(const char *name, enum session_status *out)
{
	for (size_t i = 0; name && i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].name, name) == 0) {
			*out = (enum session_status)i;
			return 0;
		}
	return -1;
}

const char *session_status_name(enum session_status s)
{
	return statuses[s].name;
}

const char *session_status_label(enum session_status s)
{
	return statuses[s].label;
}

int session_status_change(enum session_status from, enum session_status to,
		const char *reason, const char **refusal)
{
	*refusal = NULL;
	if (from == SESSION_REALISEE || from == SESSION_ANNULEE)
		*refusal = from == SESSION_REALISEE ? "Cette session est réalisée : son statut ne change plus." :
			"Cette session est annulée : créez-en une nouvelle (vous pouvez la dupliquer).";
	else if (from == to)
		*refusal = "La session a déjà ce statut.";
	else if (to == SESSION_REALISEE && from != SESSION_CONFIRMEE)
		*refusal = "Seule une session confirmée peut être marquée comme réalisée.";
	else if (to == SESSION_ANNULEE && (!reason || !*reason))
		*refusal = "Indiquez la raison de l'annulation.";
	return *refusal ? -1 : 0;
}

/* A whole number from 1 to SESSION_PARTICIPANTS_MAX, digits only. */
static int participants_value(const char *s, long *out)
{
	if (!s || !*s || strlen(s) > 4 || strspn(s, "0123456789") != strlen(s))
		return -1;
	*out = strtol(s, NULL, 10);
	return *out >= 1 && *out <= SESSION_PARTICIPANTS_MAX ? 0 : -1;
}

const char *session_participants_check(const char *min, const char *max, long place_capacity,
		long registered, long *min_out, long *max_out, const char **field)
{
	*field = "min";
	if (participants_value(min, min_out) != 0)
		return "Indiquez un nombre minimum de participants entre 1 et 1000.";
	*field = "max";
	if (participants_value(max, max_out) != 0)
		return "Indiquez un nombre maximum de participants entre 1 et 1000.";
	if (*max_out < *min_out)
		return "Le maximum doit être au moins égal au minimum.";
	if (place_capacity > 0 && *max_out > place_capacity)
		return "Le lieu choisi n'accueille pas autant de participants : réduisez le maximum "
			"ou choisissez un autre lieu.";
	if (*max_out < registered)
		return "Le maximum est inférieur au nombre d'inscrits : désinscrivez d'abord des "
			"participants ou gardez un maximum plus grand.";
	return NULL;
}
