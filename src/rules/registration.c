#include "rules/registration.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "rules/fields.h"

static const struct {
	const char *name, *label;
} statuses[REG_STATUS_COUNT] = {
	[REG_DEMANDEE] = { "demandee", "Demandée" },
	[REG_CONFIRMEE] = { "confirmee", "Confirmée" },
	[REG_ATTENTE] = { "attente", "Liste d'attente" },
	[REG_ANNULEE] = { "annulee", "Annulée" },
	[REG_EXCUSEE] = { "excusee", "Excusée" },
};

static int status_ok(enum registration_status s)
{
	return (int)s >= 0 && (int)s < REG_STATUS_COUNT;
}

const char *registration_status_name(enum registration_status s)
{
	return status_ok(s) ? statuses[s].name : NULL;
}

int registration_status_parse(const char *s, enum registration_status *out)
{
	for (int i = 0; s && i < REG_STATUS_COUNT; i++)
		if (strcmp(statuses[i].name, s) == 0) {
			*out = (enum registration_status)i;
			return 0;
		}
	return -1;
}

const char *registration_status_label_fr(enum registration_status s)
{
	return status_ok(s) ? statuses[s].label : NULL;
}

int registration_is_active(enum registration_status s)
{
	return s == REG_DEMANDEE || s == REG_CONFIRMEE || s == REG_ATTENTE;
}

static const char *const action_names[REG_ACTION_COUNT] = {
	[REG_ACT_CONFIRM] = "confirm",
	[REG_ACT_WAITLIST] = "waitlist",
	[REG_ACT_CANCEL] = "cancel",
	[REG_ACT_EXCUSE] = "excuse",
	[REG_ACT_PROMOTE] = "promote",
	[REG_ACT_MOVE] = "move",
};

const char *registration_action_name(enum registration_action a)
{
	return (int)a >= 0 && (int)a < REG_ACTION_COUNT ? action_names[a] : NULL;
}

static const char CANCELLED[] = "Cette inscription est annulée : inscrivez à nouveau la personne.";
static const char EXCUSED[] = "Cette personne est excusée pour cette session : inscrivez-la à "
	"nouveau si elle peut finalement venir.";
static const char ALREADY_CONFIRMED[] = "Cette inscription est déjà confirmée.";

/* Sets the sentence and returns the outcome: 1 for nothing to do, -1 for a
 * refusal. */
static int calm(const char **why, const char *sentence)
{
	*why = sentence;
	return 1;
}

static int refuse(const char **why, const char *sentence)
{
	*why = sentence;
	return -1;
}

int registration_transition(enum registration_status from, enum registration_action a,
		enum registration_status *to, const char **refusal_fr)
{
	enum registration_status next = from;
	const char *why = NULL;
	int rc = 0;
	if (!status_ok(from) || registration_action_name(a) == NULL) {
		rc = refuse(&why, "Cette opération n'existe pas pour une inscription.");
		goto out;
	}
	switch (a) {
	case REG_ACT_CONFIRM:
		if (from == REG_DEMANDEE || from == REG_ATTENTE)
			next = REG_CONFIRMEE;
		else if (from == REG_CONFIRMEE)
			rc = calm(&why, ALREADY_CONFIRMED);
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_WAITLIST:
		if (from == REG_DEMANDEE)
			next = REG_ATTENTE;
		else if (from == REG_ATTENTE)
			rc = calm(&why, "Cette inscription est déjà en liste d'attente.");
		else if (from == REG_CONFIRMEE)
			rc = refuse(&why, "Cette inscription est confirmée : la personne a sa place. "
				"Annulez-la, ou déplacez-la vers une autre session.");
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_CANCEL:
		if (registration_is_active(from))
			next = REG_ANNULEE;
		else if (from == REG_ANNULEE)
			rc = calm(&why, "Cette inscription est déjà annulée.");
		else
			rc = refuse(&why, "Cette personne est excusée pour cette session : son absence "
				"reste enregistrée comme excusée.");
		break;
	case REG_ACT_EXCUSE:
		if (from == REG_CONFIRMEE)
			next = REG_EXCUSEE;
		else if (from == REG_EXCUSEE)
			rc = calm(&why, "Cette absence est déjà excusée.");
		else if (from == REG_ANNULEE)
			rc = refuse(&why, "Cette inscription est annulée : il n'y a pas d'absence à "
				"excuser.");
		else
			rc = refuse(&why, "Seule une inscription confirmée peut être excusée : annulez "
				"plutôt celle-ci.");
		break;
	case REG_ACT_PROMOTE:
		if (from == REG_ATTENTE)
			next = REG_CONFIRMEE;
		else if (from == REG_CONFIRMEE)
			rc = calm(&why, ALREADY_CONFIRMED);
		else if (from == REG_DEMANDEE)
			rc = refuse(&why, "Cette inscription n'est pas en liste d'attente : vérifiez-la, "
				"puis confirmez-la.");
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_MOVE:
		if (registration_is_active(from))
			next = from;
		else if (from == REG_ANNULEE)
			rc = refuse(&why, "Cette inscription est annulée : inscrivez la personne dans "
				"l'autre session.");
		else
			rc = refuse(&why, "Cette personne est excusée pour cette session : inscrivez-la "
				"dans l'autre session.");
		break;
	}
out:
	if (to && rc >= 0)
		*to = next;
	if (refusal_fr)
		*refusal_fr = why;
	return rc;
}

static const struct {
	const char *name, *label;
} origins[REG_ORIGIN_COUNT] = {
	[REG_BY_STAFF] = { "equipe", "par l'équipe" },
	[REG_BY_REQUESTER] = { "demandeur", "par le demandeur" },
	[REG_BY_PARTICIPANT] = { "participant", "par le participant" },
};

const char *registration_origin_name(enum registration_origin o)
{
	return (int)o >= 0 && (int)o < REG_ORIGIN_COUNT ? origins[o].name : NULL;
}

int registration_origin_parse(const char *s, enum registration_origin *out)
{
	for (int i = 0; s && i < REG_ORIGIN_COUNT; i++)
		if (strcmp(origins[i].name, s) == 0) {
			*out = (enum registration_origin)i;
			return 0;
		}
	return -1;
}

const char *registration_origin_label_fr(enum registration_origin o)
{
	return (int)o >= 0 && (int)o < REG_ORIGIN_COUNT ? origins[o].label : NULL;
}

const char *registration_reason_check(const char *reason, char *msg, size_t size)
{
	static const struct field_rule rule = { "raison", FIELD_TEXT, 1, REG_REASON_MAX, 0 };
	if (!reason || !*reason)
		return "Indiquez la raison de l'annulation.";
	return field_check(&rule, reason, msg, size);
}

enum registration_status registration_place(long confirmed, long max)
{
	return confirmed < max ? REG_CONFIRMEE : REG_ATTENTE;
}

enum registration_status registration_moved_status(enum registration_status from,
		long confirmed, long max)
{
	if (from == REG_CONFIRMEE || from == REG_ATTENTE)
		return registration_place(confirmed, max);
	return from;
}

/* Waiting list. */

size_t waitlist_rank(const struct waitlist *w, long long id)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->ids[i] == id)
			return i + 1;
	return 0;
}

int waitlist_append(struct waitlist *w, long long id)
{
	if (id <= 0 || w->n >= w->cap || waitlist_rank(w, id))
		return -1;
	w->ids[w->n++] = id;
	return 0;
}

int waitlist_remove(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	memmove(w->ids + r - 1, w->ids + r, (w->n - r) * sizeof(w->ids[0]));
	w->n--;
	return 0;
}

int waitlist_promote(struct waitlist *w, long long *promoted)
{
	*promoted = 0;
	if (w->n == 0)
		return 1;
	*promoted = w->ids[0];
	return waitlist_remove(w, w->ids[0]);
}

int waitlist_move_to(struct waitlist *w, long long id, size_t rank)
{
	size_t r = waitlist_rank(w, id);
	if (!r || rank < 1 || rank > w->n)
		return -1;
	if (r == rank)
		return 1;
	if (rank < r) /* up: the ones from rank to r - 1 go down by one */
		memmove(w->ids + rank, w->ids + rank - 1, (r - rank) * sizeof(w->ids[0]));
	else /* down: the ones from r + 1 to rank go up by one */
		memmove(w->ids + r - 1, w->ids + r, (rank - r) * sizeof(w->ids[0]));
	w->ids[rank - 1] = id;
	return 0;
}

int waitlist_move_up(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	return r == 1 ? 1 : waitlist_move_to(w, id, r - 1);
}

int waitlist_move_down(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	return r == w->n ? 1 : waitlist_move_to(w, id, r + 1);
}

/* Go/no-go and the requester's closing date. */

struct civil_date registration_decision_day(struct civil_date first_day, int days_before)
{
	return cal_add_days(first_day, days_before > 0 ? -days_before : 0);
}

int registration_needs_decision(struct civil_date today, struct civil_date first_day,
		int days_before, long confirmed, long min, int session_is_envisaged_or_confirmed)
{
	if (!session_is_envisaged_or_confirmed || confirmed >= min)
		return 0;
	return cal_date_compare(today, registration_decision_day(first_day, days_before)) >= 0 &&
		cal_date_compare(today, first_day) <= 0;
}

int registration_open_for_requester(struct civil_date today, const struct civil_date *closes_on,
		struct civil_date first_day)
{
	if (closes_on)
		return cal_date_compare(today, *closes_on) <= 0;
	return cal_date_compare(today, first_day) < 0;
}
