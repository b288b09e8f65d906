/* The demand state machine: every (state, action) pair against a table
 * written out here on its own, from README.md's "A demand's states" and the
 * decisions listed in demand_state.h; plus the stored names, the labels,
 * the clock and the answer outcomes. */
#include <string.h>

#include "tap.h"
#include "rules/demand_state.h"

#define NO (-1) /* refused */

enum {
	RECUE = DEMAND_STATE_RECEIVED,
	INSTR = DEMAND_STATE_IN_PROGRESS,
	ATTEN = DEMAND_STATE_WAITING_REQUESTER,
	REPON = DEMAND_STATE_ANSWERED,
	CLOSE = DEMAND_STATE_CLOSED,
	ANNUL = DEMAND_STATE_CANCELLED,
	SANSS = DEMAND_STATE_NO_FOLLOW_UP,
};

/* Columns, in this order: assign, note, ask_question, requester_reply,
 * switch_regime, answer, close, classify_no_follow_up, requester_cancel. */
static const enum demand_action columns[DEMAND_ACTION_COUNT] = {
	DEMAND_ACTION_ASSIGN, DEMAND_ACTION_NOTE, DEMAND_ACTION_ASK_QUESTION,
	DEMAND_ACTION_REQUESTER_REPLY, DEMAND_ACTION_SWITCH_REGIME, DEMAND_ACTION_ANSWER,
	DEMAND_ACTION_CLOSE, DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP, DEMAND_ACTION_REQUESTER_CANCEL,
};

static const struct {
	enum demand_state from;
	int to[DEMAND_ACTION_COUNT];
} expected[DEMAND_STATE_COUNT] = {
	/*                 assign note   ask    reply  regime answer close  sans   cancel */
	{ DEMAND_STATE_RECEIVED,
		{ INSTR, INSTR, ATTEN, NO,    INSTR, REPON, NO,    SANSS, ANNUL } },
	{ DEMAND_STATE_IN_PROGRESS,
		{ INSTR, INSTR, ATTEN, NO,    INSTR, REPON, NO,    SANSS, ANNUL } },
	{ DEMAND_STATE_WAITING_REQUESTER,
		{ ATTEN, ATTEN, ATTEN, INSTR, ATTEN, REPON, NO,    SANSS, ANNUL } },
	{ DEMAND_STATE_ANSWERED,
		{ REPON, REPON, NO,    NO,    NO,    NO,    CLOSE, NO,    NO    } },
	{ DEMAND_STATE_CLOSED,
		{ NO,    CLOSE, NO,    NO,    NO,    NO,    NO,    NO,    NO    } },
	{ DEMAND_STATE_CANCELLED,
		{ NO,    ANNUL, NO,    NO,    NO,    NO,    NO,    NO,    NO    } },
	{ DEMAND_STATE_NO_FOLLOW_UP,
		{ NO,    SANSS, NO,    NO,    NO,    NO,    NO,    NO,    NO    } },
};

/* A refusal must be a real French sentence: not empty, ends with a full
 * stop. */
static int is_message(const char *m)
{
	size_t n = m ? strlen(m) : 0;
	return n > 10 && m[n - 1] == '.';
}

static void test_every_pair(void)
{
	for (int s = 0; s < DEMAND_STATE_COUNT; s++) {
		const enum demand_state from = expected[s].from;
		for (int a = 0; a < DEMAND_ACTION_COUNT; a++) {
			const enum demand_action act = columns[a];
			const int want = expected[s].to[a];
			enum demand_state to = (enum demand_state)99;
			const char *why = "untouched";
			const int rc = demand_transition(from, act, &to, &why);
			if (want == NO)
				tap_ok(rc == -1 && is_message(why) && to == (enum demand_state)99,
					"%s + %s is refused (%s)", demand_state_name(from),
					demand_action_name(act), why ? why : "(no message)");
			else
				tap_ok(rc == 0 && (int)to == want && why == NULL,
					"%s + %s -> %s", demand_state_name(from), demand_action_name(act),
					demand_state_name((enum demand_state)want));
		}
	}
}

static void test_transition_edges(void)
{
	const char *why = NULL;
	enum demand_state to;
	tap_ok(demand_transition((enum demand_state)42, DEMAND_ACTION_NOTE, &to, &why) == -1 &&
		is_message(why), "an unknown state is refused with a message");
	tap_ok(demand_transition(DEMAND_STATE_IN_PROGRESS, (enum demand_action)42, &to, &why) == -1 &&
		is_message(why), "an unknown action is refused with a message");
	tap_ok(demand_transition((enum demand_state)-1, DEMAND_ACTION_NOTE, &to, &why) == -1,
		"a negative state is refused");
	tap_is_int(demand_transition(DEMAND_STATE_IN_PROGRESS, DEMAND_ACTION_ANSWER, NULL, NULL), 0,
		"to and refusal may be NULL (allowed)");
	tap_is_int(demand_transition(DEMAND_STATE_CLOSED, DEMAND_ACTION_ANSWER, NULL, NULL), -1,
		"to and refusal may be NULL (refused)");
	demand_transition(DEMAND_STATE_CLOSED, DEMAND_ACTION_ANSWER, &to, &why);
	tap_is_str(why, "Une demande close ne peut plus recevoir de réponse.", "the closed-answer message");
	demand_transition(DEMAND_STATE_IN_PROGRESS, DEMAND_ACTION_REQUESTER_REPLY, &to, &why);
	tap_ok(why != NULL && strstr(why, "vous") != NULL, "a requester's refusal speaks to the requester");
}

/* The full path of README.md's states, then both side exits. */
static void test_paths(void)
{
	static const enum demand_action path[] = {
		DEMAND_ACTION_ASSIGN, DEMAND_ACTION_ASK_QUESTION, DEMAND_ACTION_REQUESTER_REPLY,
		DEMAND_ACTION_ASK_QUESTION, DEMAND_ACTION_REQUESTER_REPLY, DEMAND_ACTION_ANSWER,
		DEMAND_ACTION_CLOSE,
	};
	enum demand_state s = DEMAND_STATE_RECEIVED;
	int ok = 1;
	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++)
		ok &= demand_transition(s, path[i], &s, NULL) == 0;
	tap_ok(ok && s == DEMAND_STATE_CLOSED, "recue -> en_instruction <-> attente_demandeur -> repondue -> close");
	s = DEMAND_STATE_RECEIVED;
	ok = demand_transition(s, DEMAND_ACTION_ASK_QUESTION, &s, NULL) == 0 &&
		demand_transition(s, DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP, &s, NULL) == 0;
	tap_ok(ok && s == DEMAND_STATE_NO_FOLLOW_UP, "no reply to a question -> sans_suite");
}

static void test_names_and_labels(void)
{
	static const struct {
		enum demand_state s;
		const char *name, *pub, *staff;
		int open, clock, final;
	} rows[] = {
		{ DEMAND_STATE_RECEIVED, "recue", "Reçue", "Reçue", 1, 1, 0 },
		{ DEMAND_STATE_IN_PROGRESS, "en_instruction", "En cours d'instruction", "En instruction", 1, 1, 0 },
		{ DEMAND_STATE_WAITING_REQUESTER, "attente_demandeur", "En attente de votre réponse",
			"En attente du demandeur", 1, 0, 0 },
		{ DEMAND_STATE_ANSWERED, "repondue", "Réponse envoyée", "Répondue", 0, 0, 0 },
		{ DEMAND_STATE_CLOSED, "close", "Clôturée", "Close", 0, 0, 1 },
		{ DEMAND_STATE_CANCELLED, "annulee", "Annulée", "Annulée par le demandeur", 0, 0, 1 },
		{ DEMAND_STATE_NO_FOLLOW_UP, "sans_suite", "Classée sans suite", "Sans suite", 0, 0, 1 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		enum demand_state back = (enum demand_state)99;
		const char *name = demand_state_name(rows[i].s);
		tap_ok(name != NULL && strcmp(name, rows[i].name) == 0, "stored name %s", rows[i].name);
		tap_ok(demand_state_parse(rows[i].name, &back) == 0 && back == rows[i].s,
			"%s parses back", rows[i].name);
		tap_is_str(demand_state_label_public(rows[i].s), rows[i].pub, "public label of %s", rows[i].name);
		tap_is_str(demand_state_label_staff(rows[i].s), rows[i].staff, "staff label of %s", rows[i].name);
		tap_ok(demand_state_is_open(rows[i].s) == rows[i].open &&
			demand_state_clock_running(rows[i].s) == rows[i].clock &&
			demand_state_is_final(rows[i].s) == rows[i].final,
			"%s: open %d, clock running %d, final %d", rows[i].name,
			rows[i].open, rows[i].clock, rows[i].final);
	}
	enum demand_state s;
	tap_is_int(demand_state_parse("Recue", &s), -1, "state names are case-sensitive");
	tap_is_int(demand_state_parse("reçue", &s), -1, "the stored name has no accent");
	tap_is_int(demand_state_parse(NULL, &s), -1, "NULL state name refused");
	tap_ok(demand_state_name((enum demand_state)7) == NULL &&
		demand_state_label_public((enum demand_state)-1) == NULL, "no name out of the enum");

	int actions_ok = 1;
	for (int a = 0; a < DEMAND_ACTION_COUNT; a++) {
		enum demand_action back;
		const char *n = demand_action_name((enum demand_action)a);
		actions_ok &= n != NULL && demand_action_parse(n, &back) == 0 && (int)back == a;
	}
	tap_ok(actions_ok, "every action name parses back");
	tap_is_str(demand_action_name(DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP), "classify_no_follow_up",
		"action name classify_no_follow_up");
	tap_ok(demand_action_by_requester(DEMAND_ACTION_REQUESTER_REPLY) &&
		demand_action_by_requester(DEMAND_ACTION_REQUESTER_CANCEL) &&
		!demand_action_by_requester(DEMAND_ACTION_ANSWER) &&
		!demand_action_by_requester(DEMAND_ACTION_NOTE), "requester actions are told apart");
}

static void test_outcomes(void)
{
	static const struct {
		enum demand_outcome o;
		const char *name, *label;
		int reason;
	} rows[] = {
		{ DEMAND_OUTCOME_ACCEPTED, "acceptee", "Acceptée", 0 },
		{ DEMAND_OUTCOME_ALTERNATIVE, "alternative", "Alternative proposée", 0 },
		{ DEMAND_OUTCOME_REFUSED, "refusee", "Refusée", 1 },
		{ DEMAND_OUTCOME_REDIRECTED, "redirigee", "Réorientée", 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		enum demand_outcome back = (enum demand_outcome)99;
		const char *name = demand_outcome_name(rows[i].o);
		tap_ok(name != NULL && strcmp(name, rows[i].name) == 0, "outcome name %s", rows[i].name);
		tap_ok(demand_outcome_parse(rows[i].name, &back) == 0 && back == rows[i].o,
			"%s parses back", rows[i].name);
		tap_is_str(demand_outcome_label_fr(rows[i].o), rows[i].label, "outcome label of %s", rows[i].name);
		tap_is_int(demand_outcome_requires_reason(rows[i].o), rows[i].reason,
			"%s requires a reason: %d", rows[i].name, rows[i].reason);
	}
	enum demand_outcome o;
	tap_is_int(demand_outcome_parse("refusée", &o), -1, "outcome names have no accent");
	tap_ok(demand_outcome_check(DEMAND_OUTCOME_REFUSED, NULL) != NULL, "a refusal without a reason is refused");
	tap_ok(demand_outcome_check(DEMAND_OUTCOME_REFUSED, " \t\n ") != NULL, "a blank reason is no reason");
	tap_ok(demand_outcome_check(DEMAND_OUTCOME_REFUSED, "Public hors du champ de l'offre.") == NULL,
		"a refusal with a reason is fine");
	tap_ok(demand_outcome_check(DEMAND_OUTCOME_ACCEPTED, NULL) == NULL, "an acceptance needs no reason");
	tap_ok(demand_outcome_check((enum demand_outcome)9, "x") != NULL, "an unknown outcome is refused");
}

int main(void)
{
	test_every_pair();
	test_transition_edges();
	test_paths();
	test_names_and_labels();
	test_outcomes();
	return tap_done();
}
