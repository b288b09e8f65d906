/* iCalendar feeds (RFC 5545) of training sessions, for the calendar
 * clients that subscribe to them (Thunderbird, Outlook, Google, phones).
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

#endif
