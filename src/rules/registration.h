/* The rules of a registration (the participants of a session): its
 * statuses and what each action does to them, seats and the waiting list,
 * the go/no-go of a session under its minimum, the requester's closing
 * date, and the list staff paste from a spreadsheet.
 *
 * Pure: no I/O, no clock (today is a parameter), no state kept between
 * calls. The store applies the outcome in one transaction (PostgreSQL
 * decides who takes the last seat); these functions only say what the
 * outcome is.
 *
 *   demandee --confirm--> confirmee          (sent by a requester, checked by staff)
 *   demandee --waitlist--> attente
 *   attente --confirm | promote--> confirmee
 *   demandee | confirmee | attente --cancel--> annulee   (by whom, when, why)
 *   confirmee --excuse--> excusee            (excused absence)
 *   demandee | confirmee | attente --move--> the same status, in another
 *       session of the same course (then placed there: registration_moved_status)
 *
 * annulee and excusee are final: the person is registered anew. */
#ifndef FORMATIONS_RULES_REGISTRATION_H
#define FORMATIONS_RULES_REGISTRATION_H

#include <stddef.h>

#include "rules/calendar_fr.h"

struct arena;

enum registration_status {
	REG_DEMANDEE,  /* "demandee": named by a requester, to be checked by staff */
	REG_CONFIRMEE, /* "confirmee": has a seat */
	REG_ATTENTE,   /* "attente": on the waiting list, with a rank */
	REG_ANNULEE,   /* "annulee": by staff, the requester or the participant */
	REG_EXCUSEE,   /* "excusee": excused absence, recorded by staff */
};
#define REG_STATUS_COUNT 5

/* The SQL code ("demandee", "confirmee", "attente", "annulee", "excusee");
 * NULL out of the enum. */
const char *registration_status_name(enum registration_status s);
/* Exact SQL code -> 0 and *out, or -1 (NULL, unknown, other case). */
int registration_status_parse(const char *s, enum registration_status *out);
/* "Demandée", "Confirmée", "Liste d'attente", "Annulée", "Excusée"; NULL
 * out of the enum. */
const char *registration_status_label_fr(enum registration_status s);
/* 1 for demandee, confirmee and attente: the person counts as registered
 * in the session (one active registration per person and session; a
 * session's participants). 0 for annulee and excusee, which free the seat. */
int registration_is_active(enum registration_status s);

enum registration_action {
	REG_ACT_CONFIRM,  /* staff confirms (from demandee or attente) */
	REG_ACT_WAITLIST, /* to the waiting list */
	REG_ACT_CANCEL,   /* by staff, requester or participant, with reason */
	REG_ACT_EXCUSE,   /* excused absence, staff */
	REG_ACT_PROMOTE,  /* first of the waiting list takes a freed seat */
	REG_ACT_MOVE,     /* to another session of the same course */
};
#define REG_ACTION_COUNT 6

/* Stable English name of an action ("confirm", "waitlist", "cancel",
 * "excuse", "promote", "move") for event records and logs; NULL out of the
 * enum. */
const char *registration_action_name(enum registration_action a);

/* What action a does to a registration in status from:
 *
 *    0  allowed: *to is the new status, *refusal_fr NULL;
 *    1  nothing to do, harmless (a second click, two people acting at the
 *       same moment): *to is from, *refusal_fr a calm French sentence
 *       ("Cette inscription est déjà annulée.") the page may show as a
 *       notice, not as an error;
 *   -1  refused: *to untouched, *refusal_fr the French sentence saying why.
 *
 * Each case (from -> action):
 *   confirm:  demandee, attente -> confirmee (the caller has checked the
 *             seat with registration_place); confirmee -> 1; annulee,
 *             excusee -> -1 (register the person anew).
 *   waitlist: demandee -> attente; attente -> 1; confirmee -> -1 (a
 *             confirmed person has been convoked: cancel instead, or move
 *             to another session); annulee, excusee -> -1.
 *   cancel:   demandee, confirmee, attente -> annulee; annulee -> 1;
 *             excusee -> -1 (the excused absence is kept as recorded).
 *             The reason is checked with registration_reason_check.
 *   excuse:   confirmee -> excusee; excusee -> 1; demandee, attente -> -1
 *             (only someone expected can be excused: cancel instead);
 *             annulee -> -1.
 *   promote:  attente -> confirmee; confirmee -> 1 (already promoted by
 *             someone else); demandee -> -1 (to be checked first: confirm);
 *             annulee, excusee -> -1.
 *   move:     demandee, confirmee, attente -> the same status (the caller
 *             then places it in the target session with
 *             registration_moved_status, and takes it off this session's
 *             waiting list); annulee, excusee -> -1.
 * An action or status out of the enum is -1. to and refusal_fr may be
 * NULL. */
int registration_transition(enum registration_status from, enum registration_action a,
		enum registration_status *to, const char **refusal_fr);

/* Who made a change (who cancelled), stored as its name. */
enum registration_origin {
	REG_BY_STAFF,       /* "equipe" */
	REG_BY_REQUESTER,   /* "demandeur" */
	REG_BY_PARTICIPANT, /* "participant" */
};
#define REG_ORIGIN_COUNT 3

/* "equipe", "demandeur", "participant"; NULL out of the enum. */
const char *registration_origin_name(enum registration_origin o);
/* Exact name -> 0 and *out, or -1. */
int registration_origin_parse(const char *s, enum registration_origin *out);
/* "par l'équipe", "par le demandeur", "par le participant", to follow
 * "Annulée" ("Annulée par le demandeur le 3 mars 2026"); NULL out of the
 * enum. */
const char *registration_origin_label_fr(enum registration_origin o);

#define REG_REASON_MAX 1000
/* NULL when reason (trimmed by the caller; NULL is empty) is a reason for a
 * cancellation: required, several lines allowed, no other control
 * character, at most REG_REASON_MAX characters. Else the French message,
 * written into msg (size >= 128) when it names the bound. */
const char *registration_reason_check(const char *reason, char *msg, size_t size);

/* Seats. The status a newly accepted registration takes given the
 * session's confirmed registrations and its maximum: confirmee while
 * confirmed < max, else attente (also when max <= 0). */
enum registration_status registration_place(long confirmed, long max);
/* The status in the target session of a registration moved from status
 * from: demandee stays demandee (still to be checked); confirmee and
 * attente are placed anew with registration_place (a confirmed person
 * whose target session is full goes to its waiting list, at the end).
 * Any other status is returned as it is (the move is refused anyway). */
enum registration_status registration_moved_status(enum registration_status from,
		long confirmed, long max);

/* The waiting list of a session: registration ids in rank order, ids[0]
 * has rank 1, so ranks are always 1..n without gaps. The caller owns the
 * array (cap slots, n used) and writes rank i + 1 back for ids[i]. Every
 * change below keeps the order of the others; each returns
 *    0  changed,
 *    1  nothing to do (already there, already first...), list untouched,
 *   -1  refused (unknown id, rank out of range, list full, id <= 0),
 *       list untouched. */
struct waitlist {
	long long *ids;
	size_t n, cap;
};

/* Rank (1..n) of id, or 0 when it is not on the list. */
size_t waitlist_rank(const struct waitlist *w, long long id);
/* Appends id at the end (a new waiting registration, or one moved in from
 * another session). -1 when id <= 0, already on the list (rank unchanged)
 * or n == cap. */
int waitlist_append(struct waitlist *w, long long id);
/* Removes id (cancelled, promoted by staff out of turn, moved away); the
 * ones after it move up by one. -1 when unknown. */
int waitlist_remove(struct waitlist *w, long long id);
/* Takes the first off the list (a seat was freed): 0 and *promoted set,
 * or 1 and *promoted = 0 when nobody waits. */
int waitlist_promote(struct waitlist *w, long long *promoted);
/* Moves id to rank (1-based): the ones between shift by one. 1 when id
 * already has that rank; -1 when id is unknown or rank is not 1..n. */
int waitlist_move_to(struct waitlist *w, long long id, size_t rank);
/* Moves id up (towards rank 1) or down by one: 1 when already first
 * (last); -1 when unknown. */
int waitlist_move_up(struct waitlist *w, long long id);
int waitlist_move_down(struct waitlist *w, long long id);

/* Go/no-go. The day from which a session under its minimum must be
 * confirmed or cancelled: first_day minus days_before calendar days
 * (days_before < 0 counts as 0). */
struct civil_date registration_decision_day(struct civil_date first_day, int days_before);
/* 1 when the session is "à confirmer ou annuler": it is envisaged or
 * confirmed (the last parameter, 1 or 0), it has fewer than min confirmed
 * registrations, and today is from the decision day to the first day,
 * both included. Else 0. */
int registration_needs_decision(struct civil_date today, struct civil_date first_day,
		int days_before, long confirmed, long min, int session_is_envisaged_or_confirmed);

/* 1 while a requester may still name participants: until closes_on
 * included when the session has a closing date, else until the day before
 * the first day. Staff may always add. A closing date is honoured as given
 * (the session form decides whether it may fall after the first day). */
int registration_open_for_requester(struct civil_date today, const struct civil_date *closes_on,
		struct civil_date first_day);

/* The list staff paste from a spreadsheet: one person a line,
 *     Nom;Prénom;Email;Fonction;Organisme
 * columns separated by tabs when the line has one, else by ';'; Fonction
 * and Organisme optional. */
#define REG_LIST_MAX 200
#define REG_NAME_MAX 100
#define REG_JOB_MAX 200
#define REG_ORGANISATION_MAX 200

struct pasted_person {
	int line;              /* 1-based, as pasted (blank lines and the header counted) */
	const char *last_name, *first_name;
	const char *email;     /* lowercased with field_email_fold */
	const char *job_title, *organisation; /* "" when not given */
	const char *raw;       /* the line as pasted, without its line end */
	const char *error_fr;  /* NULL when the line is right, else what to fix */
};

struct pasted_list {
	struct pasted_person *people; /* every non-blank line but the header, in order */
	size_t n;
	size_t n_wrong;               /* lines with an error_fr */
	const char *error_fr;         /* whole-list error or NULL */
};

/* Reads text[0..len) into *out, everything allocated in a. Per line:
 * the separator is a tab when the line has one, else ';'; each field is
 * trimmed of spaces (and no-break spaces), and when it is quoted ("...",
 * "" for a quote inside, as Excel writes a field holding the separator)
 * the quotes are removed and the inside trimmed; quotes inside an
 * unquoted field are kept. Lines end with LF, CRLF or CR. Blank lines
 * (nothing but spaces, tabs and ';', as an empty spreadsheet row) are
 * skipped, and so is a UTF-8 byte order mark. The first non-blank line is a
 * header, and skipped, when its columns are Nom, Prénom, Email (any case,
 * with or without accents; E-mail, Mail, Courriel, Adresse électronique
 * too); a header Prénom, Nom, Email refuses the whole list (the columns
 * would be swapped). Empty columns after the fifth are ignored.
 *
 * Each person: last_name and first_name required, one line, at most
 * REG_NAME_MAX characters, kept exactly as typed (Lefèvre-D'Arc,
 * N'Diaye, de La Tour); email required, deliverable (field_email),
 * lowercased, and not the same as on an earlier line; job_title and
 * organisation one line of at most 200 characters. A line with fewer than
 * three columns or text in a column after the fifth, a quote left open or text after a
 * closing quote is wrong too. error_fr names each wrong column and what to
 * change.
 *
 * Returns 0 when the list was read (out->n_wrong lines may still be
 * wrong), 1 when the whole list is refused (out->error_fr: empty list, more
 * than REG_LIST_MAX people, swapped header; out->n = 0), -1 when out of
 * memory. */
int registration_parse_list(struct arena *a, const char *text, size_t len, struct pasted_list *out);

#endif
