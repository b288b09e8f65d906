/* The demand state machine as one table: a row per state, a column per
 * action, each cell either the target state or the French refusal. The
 * decisions behind the cells are listed in demand_state.h. */
#include "rules/demand_state.h"

#include <stddef.h>
#include <string.h>

struct demand_rule {
	int allowed; /* 0 in a cell the table forgot: refused, never a silent move */
	enum demand_state to;
	const char *refusal;
};

#define DEMAND_GO(state) { 1, (state), NULL }
#define DEMAND_NO(message) { 0, DEMAND_STATE_RECEIVED, (message) }

/* Staff refusals. */
static const char DEMAND_ERR_CLOSE_UNANSWERED[] =
	"Une demande ne peut être close qu'après sa réponse : envoyez la réponse ou classez-la sans suite.";
static const char DEMAND_ERR_ANSWERED_QUESTION[] =
	"Cette demande a déjà reçu sa réponse : une question ne peut plus suspendre le délai.";
static const char DEMAND_ERR_ANSWERED_REGIME[] =
	"Le délai de réponse ne peut plus changer : la demande a déjà reçu sa réponse.";
static const char DEMAND_ERR_ANSWERED_ANSWER[] = "Cette demande a déjà reçu sa réponse.";
static const char DEMAND_ERR_ANSWERED_NO_FOLLOW_UP[] =
	"Une demande qui a reçu sa réponse ne peut pas être classée sans suite : clôturez-la.";
static const char DEMAND_ERR_CLOSED[] =
	"Une demande close ne peut plus être modifiée ; seules les notes internes restent possibles.";
static const char DEMAND_ERR_CLOSED_ANSWER[] = "Une demande close ne peut plus recevoir de réponse.";
static const char DEMAND_ERR_CLOSED_CLOSE[] = "Cette demande est déjà close.";
static const char DEMAND_ERR_CANCELLED[] =
	"Une demande annulée par le demandeur ne peut plus être modifiée ; seules les notes internes restent possibles.";
static const char DEMAND_ERR_CANCELLED_ANSWER[] =
	"Une demande annulée par le demandeur ne peut plus recevoir de réponse.";
static const char DEMAND_ERR_NO_FOLLOW_UP[] =
	"Une demande classée sans suite ne peut plus être modifiée ; seules les notes internes restent possibles.";
static const char DEMAND_ERR_NO_FOLLOW_UP_ANSWER[] =
	"Une demande classée sans suite ne peut plus recevoir de réponse.";

/* Requester refusals: shown on the tracking page, so they say "vous". */
static const char DEMAND_ERR_REPLY_NO_QUESTION[] =
	"Aucune question ne vous a été posée sur cette demande : il n'y a rien à répondre pour l'instant.";
static const char DEMAND_ERR_REPLY_ANSWERED[] =
	"Votre demande a déjà reçu sa réponse : aucune question n'attend la vôtre.";
static const char DEMAND_ERR_REPLY_ENDED[] =
	"Cette demande est terminée : elle ne peut plus recevoir de message.";
static const char DEMAND_ERR_CANCEL_ANSWERED[] =
	"Votre demande a déjà reçu sa réponse : elle ne peut plus être annulée en ligne. "
	"Contactez le service formation.";
static const char DEMAND_ERR_CANCEL_CLOSED[] = "Cette demande est close : elle ne peut plus être annulée.";
static const char DEMAND_ERR_CANCEL_CANCELLED[] = "Cette demande est déjà annulée.";
static const char DEMAND_ERR_CANCEL_NO_FOLLOW_UP[] =
	"Cette demande a été classée sans suite : elle ne peut plus être annulée.";

static const char DEMAND_ERR_UNKNOWN[] = "Action inconnue ou état de la demande inconnu.";
static const char DEMAND_ERR_MISSING_RULE[] = "Cette action n'est pas possible dans l'état actuel de la demande.";

static const struct demand_rule demand_rules[DEMAND_STATE_COUNT][DEMAND_ACTION_COUNT] = {
	[DEMAND_STATE_RECEIVED] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_NO_QUESTION),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_ANSWER] = DEMAND_GO(DEMAND_STATE_ANSWERED),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_CLOSE_UNANSWERED),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_GO(DEMAND_STATE_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_GO(DEMAND_STATE_CANCELLED),
	},
	[DEMAND_STATE_IN_PROGRESS] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_NO_QUESTION),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_ANSWER] = DEMAND_GO(DEMAND_STATE_ANSWERED),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_CLOSE_UNANSWERED),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_GO(DEMAND_STATE_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_GO(DEMAND_STATE_CANCELLED),
	},
	[DEMAND_STATE_WAITING_REQUESTER] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_GO(DEMAND_STATE_IN_PROGRESS),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_GO(DEMAND_STATE_WAITING_REQUESTER),
		[DEMAND_ACTION_ANSWER] = DEMAND_GO(DEMAND_STATE_ANSWERED),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_CLOSE_UNANSWERED),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_GO(DEMAND_STATE_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_GO(DEMAND_STATE_CANCELLED),
	},
	[DEMAND_STATE_ANSWERED] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_GO(DEMAND_STATE_ANSWERED),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_ANSWERED),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_NO(DEMAND_ERR_ANSWERED_QUESTION),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_ANSWERED),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_NO(DEMAND_ERR_ANSWERED_REGIME),
		[DEMAND_ACTION_ANSWER] = DEMAND_NO(DEMAND_ERR_ANSWERED_ANSWER),
		[DEMAND_ACTION_CLOSE] = DEMAND_GO(DEMAND_STATE_CLOSED),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_NO(DEMAND_ERR_ANSWERED_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_NO(DEMAND_ERR_CANCEL_ANSWERED),
	},
	[DEMAND_STATE_CLOSED] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_NO(DEMAND_ERR_CLOSED),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_CLOSED),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_NO(DEMAND_ERR_CLOSED),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_ENDED),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_NO(DEMAND_ERR_CLOSED),
		[DEMAND_ACTION_ANSWER] = DEMAND_NO(DEMAND_ERR_CLOSED_ANSWER),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_CLOSED_CLOSE),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_NO(DEMAND_ERR_CLOSED),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_NO(DEMAND_ERR_CANCEL_CLOSED),
	},
	[DEMAND_STATE_CANCELLED] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_NO(DEMAND_ERR_CANCELLED),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_CANCELLED),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_NO(DEMAND_ERR_CANCELLED),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_ENDED),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_NO(DEMAND_ERR_CANCELLED),
		[DEMAND_ACTION_ANSWER] = DEMAND_NO(DEMAND_ERR_CANCELLED_ANSWER),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_CANCELLED),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_NO(DEMAND_ERR_CANCELLED),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_NO(DEMAND_ERR_CANCEL_CANCELLED),
	},
	[DEMAND_STATE_NO_FOLLOW_UP] = {
		[DEMAND_ACTION_ASSIGN] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP),
		[DEMAND_ACTION_NOTE] = DEMAND_GO(DEMAND_STATE_NO_FOLLOW_UP),
		[DEMAND_ACTION_ASK_QUESTION] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_REPLY] = DEMAND_NO(DEMAND_ERR_REPLY_ENDED),
		[DEMAND_ACTION_SWITCH_REGIME] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP),
		[DEMAND_ACTION_ANSWER] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP_ANSWER),
		[DEMAND_ACTION_CLOSE] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP),
		[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = DEMAND_NO(DEMAND_ERR_NO_FOLLOW_UP),
		[DEMAND_ACTION_REQUESTER_CANCEL] = DEMAND_NO(DEMAND_ERR_CANCEL_NO_FOLLOW_UP),
	},
};

struct demand_state_text {
	const char *name, *label_public, *label_staff;
};

static const struct demand_state_text demand_state_texts[DEMAND_STATE_COUNT] = {
	[DEMAND_STATE_RECEIVED] = { "recue", "Reçue", "Reçue" },
	[DEMAND_STATE_IN_PROGRESS] = { "en_instruction", "En cours d'instruction", "En instruction" },
	[DEMAND_STATE_WAITING_REQUESTER] = { "attente_demandeur", "En attente de votre réponse",
		"En attente du demandeur" },
	[DEMAND_STATE_ANSWERED] = { "repondue", "Réponse envoyée", "Répondue" },
	[DEMAND_STATE_CLOSED] = { "close", "Clôturée", "Close" },
	[DEMAND_STATE_CANCELLED] = { "annulee", "Annulée", "Annulée par le demandeur" },
	[DEMAND_STATE_NO_FOLLOW_UP] = { "sans_suite", "Classée sans suite", "Sans suite" },
};

static const char *const demand_action_names[DEMAND_ACTION_COUNT] = {
	[DEMAND_ACTION_ASSIGN] = "assign",
	[DEMAND_ACTION_NOTE] = "note",
	[DEMAND_ACTION_ASK_QUESTION] = "ask_question",
	[DEMAND_ACTION_REQUESTER_REPLY] = "requester_reply",
	[DEMAND_ACTION_SWITCH_REGIME] = "switch_regime",
	[DEMAND_ACTION_ANSWER] = "answer",
	[DEMAND_ACTION_CLOSE] = "close",
	[DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP] = "classify_no_follow_up",
	[DEMAND_ACTION_REQUESTER_CANCEL] = "requester_cancel",
};

struct demand_outcome_text {
	const char *name, *label;
};

static const struct demand_outcome_text demand_outcome_texts[DEMAND_OUTCOME_COUNT] = {
	[DEMAND_OUTCOME_ACCEPTED] = { "acceptee", "Acceptée" },
	[DEMAND_OUTCOME_ALTERNATIVE] = { "alternative", "Alternative proposée" },
	[DEMAND_OUTCOME_REFUSED] = { "refusee", "Refusée" },
	[DEMAND_OUTCOME_REDIRECTED] = { "redirigee", "Réorientée" },
};

/* Enum values come from callers and from casts of stored integers: check
 * the range before indexing any table. */
static int demand_state_ok(enum demand_state s)
{
	return (int)s >= 0 && (int)s < DEMAND_STATE_COUNT;
}

static int demand_action_ok(enum demand_action a)
{
	return (int)a >= 0 && (int)a < DEMAND_ACTION_COUNT;
}

static int demand_outcome_ok(enum demand_outcome o)
{
	return (int)o >= 0 && (int)o < DEMAND_OUTCOME_COUNT;
}

const char *demand_state_name(enum demand_state s)
{
	return demand_state_ok(s) ? demand_state_texts[s].name : NULL;
}

int demand_state_parse(const char *s, enum demand_state *out)
{
	if (s == NULL || out == NULL)
		return -1;
	for (int i = 0; i < DEMAND_STATE_COUNT; i++) {
		if (strcmp(s, demand_state_texts[i].name) == 0) {
			*out = (enum demand_state)i;
			return 0;
		}
	}
	return -1;
}

const char *demand_state_label_public(enum demand_state s)
{
	return demand_state_ok(s) ? demand_state_texts[s].label_public : NULL;
}

const char *demand_state_label_staff(enum demand_state s)
{
	return demand_state_ok(s) ? demand_state_texts[s].label_staff : NULL;
}

int demand_state_is_open(enum demand_state s)
{
	return s == DEMAND_STATE_RECEIVED || s == DEMAND_STATE_IN_PROGRESS ||
		s == DEMAND_STATE_WAITING_REQUESTER;
}

int demand_state_clock_running(enum demand_state s)
{
	return s == DEMAND_STATE_RECEIVED || s == DEMAND_STATE_IN_PROGRESS;
}

int demand_state_is_final(enum demand_state s)
{
	return s == DEMAND_STATE_CLOSED || s == DEMAND_STATE_CANCELLED ||
		s == DEMAND_STATE_NO_FOLLOW_UP;
}

const char *demand_action_name(enum demand_action a)
{
	return demand_action_ok(a) ? demand_action_names[a] : NULL;
}

int demand_action_parse(const char *s, enum demand_action *out)
{
	if (s == NULL || out == NULL)
		return -1;
	for (int i = 0; i < DEMAND_ACTION_COUNT; i++) {
		if (strcmp(s, demand_action_names[i]) == 0) {
			*out = (enum demand_action)i;
			return 0;
		}
	}
	return -1;
}

int demand_action_by_requester(enum demand_action a)
{
	return a == DEMAND_ACTION_REQUESTER_REPLY || a == DEMAND_ACTION_REQUESTER_CANCEL;
}

static int demand_refuse(const char *message, const char **refusal_fr)
{
	if (refusal_fr != NULL)
		*refusal_fr = message;
	return -1;
}

int demand_transition(enum demand_state from, enum demand_action action,
		enum demand_state *to, const char **refusal_fr)
{
	if (!demand_state_ok(from) || !demand_action_ok(action))
		return demand_refuse(DEMAND_ERR_UNKNOWN, refusal_fr);
	const struct demand_rule *rule = &demand_rules[from][action];
	if (!rule->allowed)
		return demand_refuse(rule->refusal ? rule->refusal : DEMAND_ERR_MISSING_RULE,
			refusal_fr);
	if (to != NULL)
		*to = rule->to;
	if (refusal_fr != NULL)
		*refusal_fr = NULL;
	return 0;
}

const char *demand_outcome_name(enum demand_outcome o)
{
	return demand_outcome_ok(o) ? demand_outcome_texts[o].name : NULL;
}

int demand_outcome_parse(const char *s, enum demand_outcome *out)
{
	if (s == NULL || out == NULL)
		return -1;
	for (int i = 0; i < DEMAND_OUTCOME_COUNT; i++) {
		if (strcmp(s, demand_outcome_texts[i].name) == 0) {
			*out = (enum demand_outcome)i;
			return 0;
		}
	}
	return -1;
}

const char *demand_outcome_label_fr(enum demand_outcome o)
{
	return demand_outcome_ok(o) ? demand_outcome_texts[o].label : NULL;
}

int demand_outcome_requires_reason(enum demand_outcome o)
{
	return o == DEMAND_OUTCOME_REFUSED;
}

/* Spaces, tabs and line breaks only: a reason that says nothing. */
static int demand_is_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

const char *demand_outcome_check(enum demand_outcome o, const char *reason)
{
	if (!demand_outcome_ok(o))
		return "Choisissez l'issue de la réponse.";
	if (demand_outcome_requires_reason(o) && (reason == NULL || demand_is_blank(reason)))
		return "Un refus doit être motivé : indiquez la raison au demandeur.";
	return NULL;
}
