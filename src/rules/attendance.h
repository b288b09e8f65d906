/* The rules of attendance (émargement): the half-days a slot is made of,
 * the rotating code the trainer's screen shows and the participant types
 * or scans, the signing window, the minutes attended and the registration's
 * outcome, the hash chain of the attendance events, and the browsers that
 * signed for more than one participant.
 *
 * Pure: no I/O, no clock (now is a parameter), no allocation, no state
 * kept between calls. libsodium is used for computation only (crypto_auth,
 * crypto_generichash, sodium_memcmp); the caller has called sodium_init()
 * once, as the workers and the command line do. Times of day are minutes
 * since Paris midnight (0..1439), instants Unix seconds (int64_t), like
 * rules/slot_time.h. */
#ifndef FORMATIONS_RULES_ATTENDANCE_H
#define FORMATIONS_RULES_ATTENDANCE_H

#include <stddef.h>
#include <stdint.h>

#include "rules/calendar_fr.h"
#include "rules/slot_time.h"

/* ------------------------------------------------------------------------
 * Half-days (demi-journées): the unit of attendance. A matin or apres_midi
 * slot is one; a journee slot is two, split at its lunch break; a
 * cancelled slot has none. */

/* The lunch break of a journee slot unless one is set on the slot. */
#define HALF_DAY_LUNCH_START_DEFAULT (12 * 60 + 30)
#define HALF_DAY_LUNCH_END_DEFAULT (13 * 60 + 30)
/* The shortest half-day a lunch break may leave on either side. */
#define HALF_DAY_MIN_MINUTES SLOT_MIN_MINUTES
/* Buffer sizes, NUL included: the messages of half_day_lunch_check; a
 * half-day id ("9223372036854775807-apres_midi"). */
#define HALF_DAY_MESSAGE_BUF 240
#define HALF_DAY_ID_BUF 32

enum half_day_kind {
	HALF_DAY_MORNING,   /* "matin" */
	HALF_DAY_AFTERNOON, /* "apres_midi" */
};

/* "matin", "apres_midi" (the words of slot.part); NULL out of the enum. */
const char *half_day_kind_name(enum half_day_kind k);
/* Exact name -> 0 and *out, or -1. */
int half_day_kind_parse(const char *s, enum half_day_kind *out);
/* "Matin", "Après-midi"; NULL out of the enum. */
const char *half_day_kind_label_fr(enum half_day_kind k);

/* What a slot says about its half-days (the slot table's values). */
struct half_day_slot {
	enum slot_part part;               /* slot.part */
	int start_min, end_min;            /* Paris wall clock */
	int lunch_start_min, lunch_end_min; /* read for SLOT_FULL_DAY only */
	int cancelled;
};

struct half_day {
	enum half_day_kind kind;
	int start_min, end_min; /* Paris wall clock, start < end */
};

/* Why a lunch break or a slot was refused: the form field to mark
 * ("lunch_start", "lunch_end", or "start" for a slot whose own times are
 * wrong) and the French sentence. */
struct half_day_error {
	const char *field;
	char message[HALF_DAY_MESSAGE_BUF];
};

/* Checks the lunch break of a journee slot start_min..end_min (both valid,
 * start < end): each time 0..1439, the break's start before its end, and
 * the break inside the slot with at least HALF_DAY_MIN_MINUTES before and
 * after it (so that both half-days exist). 0 (err->field NULL, message
 * ""), or -1 with the first problem in *err (may be NULL):
 *   "lunch_start": "La pause de midi doit commencer au moins 15 minutes
 *                  après le début du créneau (9 h) ; elle commence à 9 h 10."
 *   "lunch_end":   its end not after its start, or "... finir au moins 15
 *                  minutes avant la fin du créneau (13 h 15) ; elle finit à
 *                  13 h 30."
 * A slot whose own times are invalid is reported on "start". */
int half_day_lunch_check(int start_min, int end_min, int lunch_start_min, int lunch_end_min,
		struct half_day_error *err);
/* The same from a staff form: lunch_start and lunch_end typed "HH:MM"
 * (slot_parse_time), both empty or NULL meaning the default break
 * (12:30-13:30), one empty asked for. 0 and *start_out, *end_out, or -1
 * with *err (outputs untouched). */
int half_day_lunch_read(int start_min, int end_min, const char *lunch_start, const char *lunch_end,
		int *start_out, int *end_out, struct half_day_error *err);

/* The half-days of a slot into out[0..1], in order: returns 0 (cancelled),
 * 1 (matin: one morning; apres_midi: one afternoon, both the slot's own
 * times, the lunch fields ignored) or 2 (journee: a morning from the
 * slot's start to the break, an afternoon from the break to the slot's
 * end); -1 with *err (may be NULL) when the slot's times are invalid or a
 * journee's break fails half_day_lunch_check. The slot's part is trusted
 * (slot_part_of made it). */
int half_day_split(const struct half_day_slot *slot, struct half_day out[2],
		struct half_day_error *err);
/* Length in minutes (end - start of the wall clock; -1 when h is NULL or
 * its times are invalid). Slots cross no change of time in practice
 * (those happen at 02:00-03:00); half_day_instants gives the real bounds. */
int half_day_minutes(const struct half_day *h);
/* The UTC bounds of a half-day on its Paris date, for the signing window
 * (slot_paris_to_utc; a time in the gap or the repeated hour is read as
 * that function says). 0, or -1 when the date or times are invalid
 * (outputs untouched). */
int half_day_instants(struct civil_date day, const struct half_day *h, int64_t *start_utc,
		int64_t *end_utc);

/* A stable id for a half-day, without a table of its own: the slot id and
 * the kind, "42-matin", "42-apres_midi" (a slot has at most one of each).
 * URL-safe. 0, or -1 (buf "" when size > 0) when slot_id <= 0, the kind
 * is out of the enum or buf is too small (HALF_DAY_ID_BUF always fits). */
int half_day_id(int64_t slot_id, enum half_day_kind kind, char *buf, size_t size);
/* The inverse, strict (no sign, no leading zero, exact kind): 0, or -1
 * (outputs untouched). Either output may be NULL. */
int half_day_id_parse(const char *id, int64_t *slot_id, enum half_day_kind *kind);

/* ------------------------------------------------------------------------
 * The rotating code. The trainer's screen shows six digits and a QR code
 * that change every 30 seconds; the participant types or scans them on
 * their own page. Possession of the personal link plus presence in the
 * room.
 *
 * code = digits(HMAC-SHA-512-256(key, "EGOC attendance code v1" NUL
 *        half_day_id NUL window)), window = floor(unix_time / 30) as 8
 *        bytes big-endian; crypto_auth is that HMAC. digits: the MAC read
 *        as eight 32-bit big-endian numbers, the first below 4 294 000 000
 *        (a multiple of 10^6) reduced mod 10^6, so that every code is
 *        equally likely; if all eight are above (probability about
 *        10^-29), the first reduced anyway. */

#define ATTENDANCE_KEY_BYTES 32 /* crypto_auth_KEYBYTES */
#define ATTENDANCE_CODE_PERIOD 30 /* seconds */
#define ATTENDANCE_CODE_DIGITS 6
#define ATTENDANCE_CODE_BUF 7
/* Electronic signing opens this long before the half-day starts. */
#define ATTENDANCE_OPEN_BEFORE (15 * 60)
/* Longest text attendance_code_check reads (typed or scanned). */
#define ATTENDANCE_INPUT_MAX 512
/* Buffer for a 64-hex hash (chain, browser fingerprint), NUL included. */
#define ATTENDANCE_HASH_HEX 65

/* The 30-second window of an instant: floor(unix_time / 30), negative
 * instants included. */
int64_t attendance_code_window(int64_t unix_time);
/* Seconds until the code shown at unix_time changes (1..30): when the
 * trainer's page refreshes it. */
int attendance_code_seconds_left(int64_t unix_time);
/* The six digits of a MAC (the reduction above) into out, NUL-terminated.
 * Exposed for the tests of the bias rejection. */
void attendance_code_digits(const unsigned char mac[32], char out[ATTENDANCE_CODE_BUF]);
/* The code of half_day_id during the window of unix_time into out. 0, or
 * -1 (out "") when key, half_day_id or out is NULL or half_day_id empty. */
int attendance_code(const unsigned char key[ATTENDANCE_KEY_BYTES], const char *half_day_id,
		int64_t unix_time, char out[ATTENDANCE_CODE_BUF]);

/* What the QR code carries: a URL, because a phone's camera opens URLs
 * (and shows other text as text). base_url is the site's public address
 * (trailing slashes dropped):
 *     <base_url>/emargement/<half_day_id>?code=<six digits>
 * The page behind it is the lead's to build: it holds no personal data
 * (the participant is known only by their private link), so it shows the
 * code and sends the person to their own page; the participant's page,
 * when it scans in the browser, reads the code out of that URL
 * (attendance_code_input). 0, or -1 (buf "" when size > 0) when base_url
 * is empty, the id is not [A-Za-z0-9_-]+, the code is not six digits or
 * buf is too small. */
int attendance_qr_text(const char *base_url, const char *half_day_id, const char *code,
		char *buf, size_t size);

enum attendance_code_result {
	ATTENDANCE_CODE_OK,        /* the code of the current or previous window */
	ATTENDANCE_CODE_WRONG,     /* six digits, but not those; or a QR of another half-day */
	ATTENDANCE_CODE_MALFORMED, /* not six digits, nor the QR text */
};

/* What the participant sent, as six digits into out: the digits with
 * spaces anywhere (ASCII space, tab, no-break space U+00A0, narrow
 * no-break space U+202F: "123 456", " 12 34 56 "), or the QR text of
 * attendance_qr_text (any base URL) for this half_day_id. Returns
 * ATTENDANCE_CODE_OK with out set; ATTENDANCE_CODE_WRONG for the QR text
 * of another half-day; ATTENDANCE_CODE_MALFORMED for anything else (empty,
 * NULL, five or seven digits, letters, longer than ATTENDANCE_INPUT_MAX).
 * out is "" unless OK. */
enum attendance_code_result attendance_code_input(const char *typed, const char *half_day_id,
		char out[ATTENDANCE_CODE_BUF]);
/* Checks what the participant sent at now: the code of now's window or of
 * the one before (a code read at 29 s and sent at 31 s passes; at 60 s
 * after its window began it is refused; a future window's code is
 * refused). Both windows are compared in constant time (sodium_memcmp,
 * both always computed). MALFORMED when attendance_code_input says so or
 * key or half_day_id is NULL/empty. */
enum attendance_code_result attendance_code_check(const unsigned char key[ATTENDANCE_KEY_BYTES],
		const char *half_day_id, int64_t now, const char *typed);

enum attendance_window {
	ATTENDANCE_WINDOW_NOT_YET, /* before start - 15 min */
	ATTENDANCE_WINDOW_OPEN,    /* start - 15 min <= now < end */
	ATTENDANCE_WINDOW_CLOSED,  /* now >= end: the half-day is over */
};

/* Whether electronic signing is open at now for a half-day of those UTC
 * bounds (half_day_instants). CLOSED too when end <= start. */
enum attendance_window attendance_signing_window(int64_t start_utc, int64_t end_utc, int64_t now);

/* The answer to a participant who signs, every rule at once, first match: */
enum attendance_sign {
	ATTENDANCE_SIGN_OK,         /* record the signature */
	ATTENDANCE_SIGN_ALREADY,    /* already signed: a no-op, said calmly */
	ATTENDANCE_SIGN_NOT_YET,    /* before the window */
	ATTENDANCE_SIGN_CLOSED,     /* after the half-day */
	ATTENDANCE_SIGN_MALFORMED,  /* not six digits */
	ATTENDANCE_SIGN_WRONG_CODE, /* wrong or expired code */
};
#define ATTENDANCE_SIGN_COUNT 6

/* already_signed first (a second signature is a no-op, whatever the time
 * or the code), then the window, then the code. */
enum attendance_sign attendance_sign_check(const unsigned char key[ATTENDANCE_KEY_BYTES],
		const char *half_day_id, int64_t start_utc, int64_t end_utc, int64_t now,
		int already_signed, const char *typed);
/* The French sentence for the participant ("Votre présence est
 * enregistrée.", "Vous avez déjà signé pour cette demi-journée.", ...);
 * NULL out of the enum. */
const char *attendance_sign_message_fr(enum attendance_sign s);

/* ------------------------------------------------------------------------
 * Attendance events, never deleted, chained by hash per session.
 *
 * Kinds ("in code" names, stored as text):
 *   signature        signed; method electronique | papier | formateur; ip
 *                    and user_agent for electronique
 *   retard           late arrival, minutes > 0 (0 to correct it away)
 *   depart_anticipe  early departure, minutes as retard
 *   absence          absent
 *   certification    the trainer certifies the half-day (registration_id 0)
 * A correction is not a kind of its own: it is the event that states the
 * right value (a signature after an absence, an absence after a signature,
 * retard 0), with its actor and a reason (attendance_event_check asks for
 * one when correcting is set). The latest event of each kind wins
 * (attendance_fold). */

enum attendance_kind {
	ATTENDANCE_SIGNATURE, ATTENDANCE_RETARD, ATTENDANCE_DEPART_ANTICIPE,
	ATTENDANCE_ABSENCE, ATTENDANCE_CERTIFICATION,
};
#define ATTENDANCE_KIND_COUNT 5

enum attendance_method {
	ATTENDANCE_ELECTRONIQUE, ATTENDANCE_PAPIER, ATTENDANCE_FORMATEUR,
};
#define ATTENDANCE_METHOD_COUNT 3

/* "signature", "retard", "depart_anticipe", "absence", "certification";
 * NULL out of the enum. */
const char *attendance_kind_name(enum attendance_kind k);
int attendance_kind_parse(const char *s, enum attendance_kind *out);
/* "electronique", "papier", "formateur"; NULL out of the enum. */
const char *attendance_method_name(enum attendance_method m);
int attendance_method_parse(const char *s, enum attendance_method *out);
/* "Signature électronique", "Feuille papier", "Par le formateur". */
const char *attendance_method_label_fr(enum attendance_method m);

/* One event as stored. Strings are NUL-terminated UTF-8; NULL reads as ""
 * (store SQL NULLs as ''). kind and method are the names above, kept as
 * text so that a row changed to any value still hashes. */
struct attendance_event {
	int64_t id;
	int64_t session_id;
	int64_t registration_id; /* 0 for a certification */
	const char *half_day_id; /* half_day_id() */
	const char *kind;
	const char *method;      /* signature only, else "" */
	int64_t instant;         /* Unix seconds (whole seconds: what is hashed is stored) */
	int minutes;             /* retard, depart_anticipe; else 0 */
	const char *actor;       /* who recorded it: "participant", "formateur:12", "admin:3" */
	const char *reason;      /* why, for a correction */
	const char *ip;          /* electronique only */
	const char *user_agent;  /* electronique only */
	const char *prev_hash;   /* hash of the session's previous event, "" for the first */
	const char *hash;        /* as stored; read by attendance_chain_verify only */
};

/* Whether an event about to be recorded makes sense; correcting is 1 when
 * it changes a certified half-day (a reason is then required). NULL when
 * right, else a French sentence: unknown kind; registration_id <= 0 except
 * for a certification (which has 0); no half-day; a signature without a
 * known method, or an electronique one without IP or browser; minutes
 * outside 0..SLOT_MAX_MINUTES for retard/depart_anticipe or not 0 for the
 * others; no actor; correcting without a reason (blank counts as none). */
const char *attendance_event_check(const struct attendance_event *e, int correcting);

/* The canonical text that is hashed, with prev_hash given (NULL reads as
 * ""; e->prev_hash and e->hash are not read):
 *     "EGOC attendance event v1\n"
 *     then for each field, in this order: id, session_id, registration_id,
 *     half_day_id, kind, method, instant, minutes, actor, reason, ip,
 *     user_agent, prev_hash — "<name>=<byte length>:<value>\n", numbers in
 *     decimal ("-" for negatives), strings as bytes.
 * The lengths make it unambiguous whatever a value contains (newlines,
 * "=", ":"). Written like snprintf: returns the full length (without the
 * NUL) and writes at most size bytes, NUL-terminated when size > 0; buf
 * may be NULL when size is 0. */
size_t attendance_event_canonical(const struct attendance_event *e, const char *prev_hash,
		char *buf, size_t size);
/* The hash of an event: BLAKE2b-256 (crypto_generichash, no key) of its
 * canonical text with prev_hex, as 64 lowercase hex digits into out_hex.
 * prev_hex is "" (or NULL) for the session's first event, else 64 hex
 * digits. 0, or -1 (out_hex "") when e or out_hex is NULL or prev_hex is
 * neither.
 * Unkeyed: anyone may recompute a chain; a change made behind the
 * application's back shows unless the person also rewrote every later
 * hash. */
int attendance_hash(const char *prev_hex, const struct attendance_event *e,
		char out_hex[ATTENDANCE_HASH_HEX]);

enum attendance_chain {
	ATTENDANCE_CHAIN_OK,
	/* event *first_bad's prev_hash is not its predecessor's hash (or not
	 * "" for the first): an event removed, inserted or reordered there */
	ATTENDANCE_CHAIN_BROKEN,
	/* event *first_bad's fields do not give its stored hash: changed */
	ATTENDANCE_CHAIN_CHANGED,
};

/* Recomputes the chain of one session's events, in the order recorded
 * (by id). OK for n == 0; else the first bad event's index into
 * *first_bad (may be NULL), untouched when OK. Each event: its link first,
 * then its hash, which is recomputed from the predecessor's stored hash. */
enum attendance_chain attendance_chain_verify(const struct attendance_event *events, size_t n,
		size_t *first_bad);

/* What the events say about one participant and one half-day: events in
 * the order recorded, those of other registrations and half-days skipped.
 * present: 1 after a signature, 0 after an absence (the latest wins),
 * 0 with neither; signed_: some signature was recorded (a second
 * electronic one is a no-op); absent_marked: the latest of signatures and
 * absences is an absence; late, early: the latest retard and
 * depart_anticipe minutes (0 without). Feed attendance_half_day_attended
 * with present, late and early. Unknown kinds are skipped. */
struct attendance_state {
	int present;
	int signed_;
	int absent_marked;
	int late, early;
};
void attendance_fold(const struct attendance_event *events, size_t n, int64_t registration_id,
		const char *half_day_id, struct attendance_state *out);
/* 1 when the events hold a certification of half_day_id, else 0. */
int attendance_half_day_certified(const struct attendance_event *events, size_t n,
		const char *half_day_id);

/* ------------------------------------------------------------------------
 * Minutes attended and the registration's outcome. */

enum attendance_outcome {
	ATTENDANCE_PRESENTE,  /* every planned minute */
	ATTENDANCE_PARTIELLE, /* some */
	ATTENDANCE_ABSENTE,   /* none */
};
#define ATTENDANCE_OUTCOME_COUNT 3

/* "presente", "partielle", "absente" (the registration's outcome column);
 * NULL out of the enum. */
const char *attendance_outcome_name(enum attendance_outcome o);
int attendance_outcome_parse(const char *s, enum attendance_outcome *out);
/* "Présente", "Présence partielle", "Absente". */
const char *attendance_outcome_label_fr(enum attendance_outcome o);

/* A late arrival or early departure typed by the trainer: empty or NULL is
 * 0, else ASCII digits only (spaces around allowed), at most the
 * half-day's length planned_min. 0 and *out, or -1 and *message_fr (may
 * be NULL): "Indiquez un nombre entier de minutes." or "Le retard ou le
 * départ anticipé ne peut dépasser la durée de la demi-journée." */
int attendance_delay_read(const char *typed, int planned_min, int *out, const char **message_fr);

/* Minutes attended in one half-day of planned_min minutes: 0 when not
 * present, else planned - late - early, never below 0. -1 when planned_min,
 * late or early is negative. */
int attendance_half_day_attended(int planned_min, int present, int late, int early);

/* One half-day of a participant: its length and the minutes attended. */
struct attendance_minutes {
	int planned;
	int attended;
};
/* The sums over a participant's half-days of a session into *planned and
 * *attended (either may be NULL). 0, or -1 (outputs untouched) when a
 * value is negative, attended exceeds planned in a half-day, or a sum
 * exceeds INT_MAX. n == 0 gives 0 and 0. */
int attendance_total(const struct attendance_minutes *h, size_t n, int *planned, int *attended);
/* The outcome from the sums: PRESENTE when attended == planned, ABSENTE
 * when attended == 0, PARTIELLE between. 0 and *out, or -1 when planned
 * <= 0 (no half-day: no outcome), attended < 0 or attended > planned. */
int attendance_outcome_of(int planned, int attended, enum attendance_outcome *out);

/* A duration the French way, for pages, attestations and sheets: 0 ->
 * "0 min", 45 -> "45 min", 60 -> "1 h", 330 -> "5 h 30", 305 -> "5 h 05",
 * 420 -> "7 h", 6000 -> "100 h". 0, or -1 (buf "" when size > 0) when
 * minutes < 0 or buf is too small (ATTENDANCE_DURATION_BUF always fits). */
#define ATTENDANCE_DURATION_BUF 24
int attendance_duration_fr(int minutes, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Anomalies: a browser that signs for more than one participant in a
 * half-day is shown to the trainer. */

/* The fingerprint of a browser: BLAKE2b-256 of the IP and the User-Agent,
 * length-prefixed, as 64 hex digits (NULL reads as ""). 0, or -1 when
 * out_hex is NULL. */
int attendance_browser_fingerprint(const char *ip, const char *user_agent,
		char out_hex[ATTENDANCE_HASH_HEX]);

/* One electronic signature of a half-day. fingerprint NULL or "" (a paper
 * or trainer's signature) is never an anomaly. */
struct attendance_signature {
	int64_t registration_id;
	const char *fingerprint;
};

/* A fingerprint that signed for several participants: the index of its
 * first signature and how many distinct registrations it signed for. */
struct attendance_shared_browser {
	size_t first;
	size_t participants;
};

/* The fingerprints among sigs[0..n) that signed for two registrations or
 * more, in the order of their first signature; the same registration twice
 * counts once. Writes up to cap entries into out (may be NULL when cap is
 * 0) and returns how many there are in all. O(n^2): fine for the
 * participants of one half-day. */
size_t attendance_shared_browsers(const struct attendance_signature *sigs, size_t n,
		struct attendance_shared_browser *out, size_t cap);
/* shared[i] = 1 when sigs[i]'s browser also signed for another
 * registration, else 0: the rows to mark on the trainer's page. */
void attendance_shared_browser_marks(const struct attendance_signature *sigs, size_t n,
		unsigned char *shared);

#endif
