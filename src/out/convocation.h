/* The convocation of a participant (Qualiopi indicator 9): the mail that
 * invites them with every practical detail, and the calendar invitation
 * (iTIP, RFC 5546) that goes with it, so that their own calendar adds,
 * moves and removes the sessions' slots by itself. Also the mails of the
 * other moments of a registration: the reminder at J-2, an update when a
 * slot or the place changes, a cancellation, a place on the waiting list,
 * a seat that freed up.
 *
 * Pure: built from plain structs that store/convocations.c fills, as a
 * page is built from HDF; no SQL, no clock (now is a parameter). */
#ifndef FORMATIONS_OUT_CONVOCATION_H
#define FORMATIONS_OUT_CONVOCATION_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct convocation_slot {
	const char *id;                 /* the slot's id: its UID is stable */
	const char *day, *start, *end;  /* "YYYY-MM-DD", "09:00", "12:30" (Paris) */
	int64_t start_utc, end_utc;
	const char *room, *trainers;    /* "" when none */
	const char *module_label, *day_label;
	int remote, cancelled;
	int sequence;                   /* the slot's own changes (slot and session versions) */
};

struct convocation {
	const char *registration_id, *token;
	const char *last_name, *first_name, *email, *organisation;
	const char *requester_name, *requester_email;   /* "" when staff registered them */
	const char *course_title, *prerequisites, *session_kind, *session_status;
	const char *place_name, *place_address, *place_city, *place_access, *place_accessibility;
	const char *accessibility_contact;   /* who handles a need related to a disability */
	const char *rules_text;              /* the règlement intérieur, in short, or a link */
	const char *waiting_rank;            /* for the waiting-list mail */
	int registration_version;
	const struct convocation_slot *slots;
	size_t n_slots;
};

enum convocation_kind {
	CONVOCATION_INVITE,     /* confirmed in a confirmed session */
	CONVOCATION_REMINDER,   /* J-2 */
	CONVOCATION_UPDATE,     /* a slot, the place or the room changed */
	CONVOCATION_CANCEL,     /* the registration or the session is cancelled */
	CONVOCATION_WAITING,    /* on the waiting list: no invitation yet */
	CONVOCATION_PROMOTED    /* a seat freed up: the invitation */
};

/* One calendar invitation: a mail of its own per slot, because Outlook
 * reads only the first VEVENT of an invitation (Microsoft's MS-STANOICAL
 * 2.2.175), so a session of six half-days in one calendar would reach an
 * Outlook calendar as one. Each carries one VEVENT with the slot's stable
 * UID; method "REQUEST" adds or updates it, "CANCEL" removes it. */
struct convocation_invite {
	const char *slot_id, *subject, *body, *calendar, *method;
};

/* What to queue: the mail to the participant (plain text, every detail),
 * its invitations (none for the waiting list and the J-2 reminder, whose
 * calendar is already right), and the copy to the requester (text only:
 * their calendar is not the participant's). */
struct convocation_mail {
	const char *subject, *body;
	const struct convocation_invite *invites;
	size_t n_invites;
	const char *copy_subject, *copy_body;   /* NULL when there is no requester */
};

/* base_url for the participant's page; organizer_name and organizer_email
 * (EGOC, the mail_from address) for the invitation; cancelled_slot, when
 * not NULL with CONVOCATION_UPDATE, is the id of the slot withdrawn: the
 * invitation then cancels it alone. Returns 0, or -1 (out of memory, or
 * libical refused a value). Everything belongs to the arena. */
int convocation_build(struct arena *a, const struct convocation *c, enum convocation_kind kind,
		const char *cancelled_slot, const char *base_url, const char *organizer_name,
		const char *organizer_email, int64_t now, struct convocation_mail *out);

/* The stable UID of a slot in every invitation: "convocation-<slot>@<domain
 * of organizer_email>". */
const char *convocation_uid(struct arena *a, const char *slot_id, const char *organizer_email);

#endif
