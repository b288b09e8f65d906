/* iCalendar (RFC 5545) for calendar clients (Thunderbird, Outlook, Google,
 * phones): feeds of training sessions that they subscribe to, and the
 * invitations (iTIP, RFC 5546) that go with a convocation mail.
 * libical builds every line: escaping of TEXT values (backslash, ';', ','
 * and line breaks), CRLF line ends, folding at 75 octets on UTF-8
 * character boundaries, UTC times ("...Z"). This module only fixes what
 * libical 3.0 gets wrong or lets through, before handing it the values:
 *
 *  - control characters: libical copies them raw into TEXT values, where
 *    RFC 5545 forbids them, so they are dropped; "\r\n" and a lone "\r"
 *    become "\n" (libical would drop the "\r", gluing two lines together);
 *  - invalid UTF-8 (RFC 5545 text is UTF-8, and libical's folding relies
 *    on it) becomes U+FFFD;
 *  - an empty value is left out: libical writes "SUMMARY:", which its own
 *    parser then rejects ("No value for SUMMARY property");
 *  - a URL is written only when it is printable ASCII without spaces:
 *    libical copies URI values unchecked, so a line break there would
 *    start a line of its own choosing in the feed.
 *
 * Display names (CN) get the same cleaning, on one line, double quotes
 * made apostrophes (libical would write RFC 6868's "^'", which Outlook
 * does not read).
 *
 * Times are UTC instants, so the feed needs no VTIMEZONE; X-WR-TIMEZONE
 * tells clients which zone to show them in. No ORGANIZER is written: iTIP
 * (RFC 5546) asks for one under METHOD:PUBLISH and libical's
 * icalrestriction_check() says so, but subscribed feeds do without it.
 *
 * Pure: no I/O, no clock; everything goes into a struct buf whose cap the
 * caller chose. Uses libical's per-thread error state (icalerrno). */
#ifndef FORMATIONS_ICAL_H
#define FORMATIONS_ICAL_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* STATUS of an event. */
enum ical_status { ICAL_TENTATIVE, ICAL_CONFIRMED, ICAL_CANCELLED };

/* One VEVENT. Strings are UTF-8, never NULL; "" leaves the property out
 * (a client then shows its own "no title"), except for uid, which RFC 5545
 * requires. Line breaks in the text values may be "\n" or "\r\n". Spaces
 * around a value are written as they are, but libical's own parser (and
 * perhaps others) drops them: trim values that should survive whole. */
struct ical_event {
	const char *uid;          /* stable per slot, e.g. "slot-42@formations.egoc" */
	const char *summary;      /* SUMMARY: the title */
	const char *description;  /* DESCRIPTION: plain text, several lines allowed */
	const char *location;     /* LOCATION: place, room, address */
	const char *url;          /* URL: an absolute http(s) URL, or "" for none */
	/* Seconds since the epoch (UTC), years 1970 to 9999. DTEND is left
	 * out when it is not after DTSTART (the event is then an instant,
	 * RFC 5545 section 3.6.1). DTSTAMP is when the feed is made (with
	 * METHOD, RFC 5545 section 3.8.7.2), LAST-MODIFIED when the slot last
	 * changed. */
	int64_t start_utc, end_utc, stamp_utc, last_modified_utc;
	int sequence;             /* SEQUENCE, raised at every change; < 0 counts as 0 */
	enum ical_status status;
};

/* Appends a whole VCALENDAR to out:
 *   PRODID:-//EGOC//Formations EGOC//FR, VERSION:2.0, CALSCALE:GREGORIAN,
 *   METHOD:PUBLISH, X-WR-CALNAME:<name>, X-WR-TIMEZONE:Europe/Paris,
 *   REFRESH-INTERVAL;VALUE=DURATION:PT1H, X-PUBLISHED-TTL:PT1H,
 * then one VEVENT per event (UID, DTSTAMP, DTSTART, DTEND, SUMMARY,
 * DESCRIPTION, LOCATION, URL, STATUS, SEQUENCE, LAST-MODIFIED, times in
 * UTC), each built and written on its own so that a feed of thousands of
 * events never holds them all in libical at once.
 *
 * Commas and semicolons in name stay unescaped: libical never escapes them
 * in X- properties (RFC 5545 gives X- properties no value type) and reads
 * them back intact.
 *
 * Returns 0, or -1 when out's cap is reached, memory runs out, libical
 * fails, or an event is invalid (empty uid, a time out of range, a status
 * not in enum ical_status); out is then left exactly as it was: never
 * half a calendar. */
int ical_write_feed(struct buf *out, const char *name,
	const struct ical_event *ev, size_t n);

/* iTIP methods of an invitation. */
enum ical_method { ICAL_REQUEST, ICAL_CANCEL };

/* An invitation from the organizer (EGOC, the mail_from address) to one
 * participant. Strings are UTF-8; a NULL or empty name leaves CN out.
 * Addresses must pass field_email (rules/fields.h); an internationalised
 * domain is written in its ASCII form. */
struct ical_invitation {
	enum ical_method method;
	const char *organizer_name, *organizer_email;
	const char *attendee_name, *attendee_email;
	const struct ical_event *events;   /* one VEVENT per slot, n >= 1 */
	size_t n;
};

/* Appends the VCALENDAR of an invitation to out:
 *   PRODID, VERSION:2.0, CALSCALE:GREGORIAN, METHOD:REQUEST or CANCEL,
 * then per event UID, DTSTAMP, DTSTART, DTEND, SUMMARY, DESCRIPTION,
 * LOCATION, URL, STATUS, SEQUENCE, LAST-MODIFIED (as in a feed), and
 *   ORGANIZER;CN=<name>:mailto:<address>
 *   ATTENDEE;CN=<name>;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;
 *    RSVP=FALSE:mailto:<address>
 *
 * REQUEST (RFC 5546, 3.2.2) adds or updates the events in the attendee's
 * calendar, by UID: keep one UID per slot for good, and raise SEQUENCE at
 * every change that the attendee should see (a client ignores a REQUEST
 * whose SEQUENCE is lower than the one it holds). An event's status must
 * be TENTATIVE or CONFIRMED, and its summary is required.
 * CANCEL (3.2.5) removes them: same UIDs, a SEQUENCE raised again; STATUS
 * is written CANCELLED whatever the event's status says.
 *
 * Outlook reads the first VEVENT of an invitation only (MS-STANOICAL
 * 2.2.175): several slots in one invitation reach Thunderbird and Apple
 * Calendar whole, Outlook only in part.
 *
 * Returns 0, or -1 (out exactly as it was) for what ical_write_feed
 * refuses, and for no event, an unknown method, an address field_email
 * refuses, a REQUEST with a CANCELLED event or an empty summary. */
int ical_write_invitation(struct buf *out, const struct ical_invitation *inv);

#endif
