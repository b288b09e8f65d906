/* The life of a demand (README.md, "A demand's states"):
 *
 *   recue -> en_instruction <-> attente_demandeur -> repondue -> close
 *   side exits: annulee (by the requester), sans_suite (by staff)
 *
 * Late is a flag computed from the due date, not a state. This module only
 * says which action is allowed in which state and where it leads; the
 * caller records the event (who, when, comment, public or internal).
 *
 * Decisions the product left open, taken here:
 *   - Any staff action on a `recue` demand takes it out of `recue`: assign,
 *     note and switch_regime lead to `en_instruction`; ask_question, answer
 *     and classify_no_follow_up lead straight to their own state. So
 *     "Reçue" on the tracking page means nobody has touched it yet.
 *   - Internal notes are allowed in every state, closed ones included: they
 *     change nothing the requester sees, and a later note ("redemandé en
 *     2027") belongs with the demand.
 *   - While waiting on the requester, staff may send another question (the
 *     pause goes on, it does not restart), reassign, switch the régime,
 *     answer (the requester may have replied by phone) or classify it
 *     without follow-up (no reply ever came).
 *   - Once answered (`repondue`), the clock has stopped: the régime can no
 *     longer change, no second answer or question is accepted, and the
 *     requester can no longer cancel online; staff may still reassign the
 *     follow-up, add notes and close it.
 *   - `close`, `annulee` and `sans_suite` are final: only notes. */
#ifndef FORMATIONS_RULES_DEMAND_STATE_H
#define FORMATIONS_RULES_DEMAND_STATE_H

enum demand_state {
	DEMAND_STATE_RECEIVED,          /* "recue" */
	DEMAND_STATE_IN_PROGRESS,       /* "en_instruction" */
	DEMAND_STATE_WAITING_REQUESTER, /* "attente_demandeur": clock paused */
	DEMAND_STATE_ANSWERED,          /* "repondue": clock stopped */
	DEMAND_STATE_CLOSED,            /* "close" */
	DEMAND_STATE_CANCELLED,         /* "annulee": by the requester */
	DEMAND_STATE_NO_FOLLOW_UP,      /* "sans_suite": by staff */
};
#define DEMAND_STATE_COUNT 7

enum demand_action {
	DEMAND_ACTION_ASSIGN,                /* staff: (re)assign a conseiller */
	DEMAND_ACTION_NOTE,                  /* staff: internal note */
	DEMAND_ACTION_ASK_QUESTION,          /* staff: question to the requester, pauses the clock */
	DEMAND_ACTION_REQUESTER_REPLY,       /* requester: answers the question, resumes the clock */
	DEMAND_ACTION_SWITCH_REGIME,         /* staff: 15j <-> 1mois, with a reason */
	DEMAND_ACTION_ANSWER,                /* staff: substantive answer, stops the clock */
	DEMAND_ACTION_CLOSE,                 /* staff: closes an answered demand */
	DEMAND_ACTION_CLASSIFY_NO_FOLLOW_UP, /* staff: classée sans suite */
	DEMAND_ACTION_REQUESTER_CANCEL,      /* requester: cancels from the tracking page */
};
#define DEMAND_ACTION_COUNT 9

/* The outcome of a substantive answer, stored as its name. */
enum demand_outcome {
	DEMAND_OUTCOME_ACCEPTED,    /* "acceptee": with a session or a proposal */
	DEMAND_OUTCOME_ALTERNATIVE, /* "alternative": another offer proposed */
	DEMAND_OUTCOME_REFUSED,     /* "refusee": a reason is required */
	DEMAND_OUTCOME_REDIRECTED,  /* "redirigee": sent to another provider or service */
};
#define DEMAND_OUTCOME_COUNT 4

/* The name stored in the database ("recue", ...); NULL out of the enum. */
const char *demand_state_name(enum demand_state s);
/* Exact stored name -> 0 and *out, or -1. */
int demand_state_parse(const char *s, enum demand_state *out);
/* French labels: for the requester's tracking page ("En attente de votre
 * réponse") and for staff ("En attente du demandeur"). NULL out of the
 * enum. */
const char *demand_state_label_public(enum demand_state s);
const char *demand_state_label_staff(enum demand_state s);

/* 1 while the demand awaits its substantive answer (recue, en_instruction,
 * attente_demandeur): the commitment applies, it counts among the open
 * demands, the requester may cancel it. */
int demand_state_is_open(enum demand_state s);
/* 1 while the response clock runs (recue, en_instruction): not while
 * waiting on the requester, not once answered or ended. */
int demand_state_clock_running(enum demand_state s);
/* 1 for close, annulee and sans_suite: nothing but notes any more. */
int demand_state_is_final(enum demand_state s);

/* Stable English name of an action ("assign", "requester_reply", ...) for
 * event records and logs; NULL out of the enum. */
const char *demand_action_name(enum demand_action a);
/* Exact name -> 0 and *out, or -1. */
int demand_action_parse(const char *s, enum demand_action *out);
/* 1 for the actions the requester does from the tracking page
 * (requester_reply, requester_cancel); 0 for staff actions. */
int demand_action_by_requester(enum demand_action a);

/* Whether `action` is allowed on a demand in state `from`: 0 and *to (the
 * state after it, possibly the same), or -1 and *refusal_fr, a French
 * sentence to show to whoever tried (addressed to the requester for the
 * requester's actions). to and refusal_fr may be NULL; *refusal_fr is set
 * to NULL on success. */
int demand_transition(enum demand_state from, enum demand_action action,
		enum demand_state *to, const char **refusal_fr);

/* The stored name ("acceptee", "alternative", "refusee", "redirigee");
 * NULL out of the enum. */
const char *demand_outcome_name(enum demand_outcome o);
/* Exact stored name -> 0 and *out, or -1. */
int demand_outcome_parse(const char *s, enum demand_outcome *out);
/* French label for display ("Acceptée", "Refusée", ...); NULL out of the
 * enum. */
const char *demand_outcome_label_fr(enum demand_outcome o);
/* 1 when the answer must carry a reason (a refusal). */
int demand_outcome_requires_reason(enum demand_outcome o);
/* NULL when the outcome and its reason go together, else the French
 * message to show next to the reason field (a refusal without a reason,
 * or a reason made only of spaces). */
const char *demand_outcome_check(enum demand_outcome o, const char *reason);

#endif
