/* The iCalendar feed writer: the calendar's own lines, CRLF everywhere, no
 * line over 75 octets and no UTF-8 character split by folding, escaping of
 * TEXT values, the fix-ups libical needs (controls, bad UTF-8, empty values,
 * unsafe URLs), a parse back with libical that finds every value again and
 * no X-LIC-ERROR, an empty feed, refusals that leave the buffer as it was,
 * and a feed of 12,000 events with its time. Then invitations (iTIP): the
 * REQUEST and CANCEL forms read back with libical (METHOD, ORGANIZER and
 * ATTENDEE with their parameters, every event), what RFC 5546 requires
 * (icalrestriction_check), display names and addresses that need care,
 * and the input refused. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "tap.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "out/ical.h"

#define START 1757919600   /* 2025-09-15 09:00 Paris = 07:00Z */
#define END   1757932200   /* 2025-09-15 12:30 Paris = 10:30Z */
#define STAMP 1756721472   /* 2025-09-01 10:11:12Z */
#define MODIFIED 1756540800 /* 2025-08-30 08:00:00Z */

#define FRENCH "Séance d’accueil : présentation générale du cursus, " \
	"œuvre collective — coût 1 500 € par stagiaire ; déjeuner à " \
	"l’hôtel-restaurant « Le Cœur de Guéret », café offert."
#define DENSE "éééééééééééééééééééééééééééééééééééééééééééééé" \
	"’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’" \
	"œœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœœ" \
	"€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€" \
	"🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓"

static struct ical_event event(const char *uid, const char *summary,
	const char *description, const char *location, const char *url,
	int sequence, enum ical_status status)
{
	return (struct ical_event){
		.uid = uid, .summary = summary, .description = description,
		.location = location, .url = url,
		.start_utc = START, .end_utc = END, .stamp_utc = STAMP,
		.last_modified_utc = MODIFIED,
		.sequence = sequence, .status = status,
	};
}

/* Line structure of a feed: CRLF line ends only, no line longer than 75
 * octets, each line whole UTF-8 by itself (so folding split no character). */
static void check_lines(const char *s, size_t len, const char *what)
{
	int crlf = len >= 2 && memcmp(s + len - 2, "\r\n", 2) == 0, whole = 1;
	size_t longest = 0, bad_line = 0, line = 0;
	for (const char *p = s, *end = s + len; p < end; ) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		if (!lf)
			break;
		line++;
		if (lf == p || lf[-1] != '\r')
			crlf = 0;
		size_t n = (size_t)(lf - p) - (lf > p && lf[-1] == '\r');
		if (memchr(p, '\r', n))
			crlf = 0;
		if (n > longest)
			longest = n;
		if (!utf8_valid(p, n) && whole) {
			whole = 0;
			bad_line = line;
		}
		p = lf + 1;
	}
	tap_ok(crlf, "%s: every line ends with CRLF, no bare CR or LF", what);
	tap_ok(longest <= 75, "%s: no line over 75 octets (longest: %zu)", what, longest);
	if (!tap_ok(whole, "%s: every line is whole UTF-8 (folding splits no character)", what))
		printf("#   first bad line: %zu\n", bad_line);
}

/* The feed unfolded (RFC 5545 section 3.1): every CRLF + space removed. */
static char *unfold(const char *s)
{
	char *u = malloc(strlen(s) + 1), *q = u;
	if (!u)
		abort();
	for (const char *p = s; *p; )
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
			p += 3;
		else
			*q++ = *p++;
	*q = '\0';
	return u;
}

/* Counts the X-LIC-ERROR properties that libical's parser left anywhere in
 * the tree, showing the first few. */
static int count_errors(icalcomponent *c, int *shown)
{
	int n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
	     p; p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
		if (icalproperty_isa(p) != ICAL_XLICERROR_PROPERTY)
			continue;
		if ((*shown)++ < 5)
			printf("#   %s\n", icalproperty_get_xlicerror(p));
		n++;
	}
	for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     k; k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		n += count_errors(k, shown);
	return n;
}

static int no_errors(icalcomponent *c)
{
	int shown = 0;
	return count_errors(c, &shown) == 0;
}

static const char *or_null(const char *s)
{
	return *s ? s : NULL;
}

static int64_t utc_time(icalproperty *p, struct icaltimetype (*get)(const icalproperty *))
{
	if (!p)
		return -1;
	struct icaltimetype t = get(p);
	if (!icaltime_is_utc(t))
		return -2;
	return (int64_t)icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
}

static const char *url_of(icalcomponent *e)
{
	icalproperty *p = icalcomponent_get_first_property(e, ICAL_URL_PROPERTY);
	return p ? icalproperty_get_url(p) : NULL;
}

#define PROP(e, kind) icalcomponent_get_first_property((e), ICAL_##kind##_PROPERTY)

/* One event read back against what went in, field by field. */
static icalproperty_status status_of(enum ical_status s)
{
	return s == ICAL_TENTATIVE ? ICAL_STATUS_TENTATIVE :
		s == ICAL_CONFIRMED ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_CANCELLED;
}

static int same_str(const char *got, const char *want)
{
	return *want ? got && strcmp(got, want) == 0 : got == NULL;
}

static void check_event(icalcomponent *e, const struct ical_event *w, const char *what)
{
	if (!tap_ok(e != NULL, "%s: read back", what))
		return;
	tap_is_str(icalcomponent_get_uid(e), w->uid, "%s: UID", what);
	tap_is_str(icalcomponent_get_summary(e), or_null(w->summary), "%s: SUMMARY", what);
	tap_is_str(icalcomponent_get_description(e), or_null(w->description), "%s: DESCRIPTION", what);
	tap_is_str(icalcomponent_get_location(e), or_null(w->location), "%s: LOCATION", what);
	tap_is_str(url_of(e), or_null(w->url), "%s: URL", what);
	tap_is_int(utc_time(PROP(e, DTSTART), icalproperty_get_dtstart), w->start_utc,
		"%s: DTSTART in UTC, the same instant", what);
	tap_is_int(utc_time(PROP(e, DTEND), icalproperty_get_dtend), w->end_utc,
		"%s: DTEND in UTC, the same instant", what);
	tap_is_int(utc_time(PROP(e, DTSTAMP), icalproperty_get_dtstamp), w->stamp_utc,
		"%s: DTSTAMP", what);
	tap_is_int(utc_time(PROP(e, LASTMODIFIED), icalproperty_get_lastmodified),
		w->last_modified_utc, "%s: LAST-MODIFIED", what);
	tap_is_int(icalcomponent_get_sequence(e), w->sequence, "%s: SEQUENCE", what);
	tap_is_int(icalcomponent_get_status(e), status_of(w->status), "%s: STATUS", what);
}

/* The same comparison, silent: NULL when equal, else the first field that
 * differs (for the big feed, where one TAP line per field is too many). */
static const char *differs(icalcomponent *e, const struct ical_event *w)
{
	if (!same_str(icalcomponent_get_uid(e), w->uid))
		return "UID";
	if (!same_str(icalcomponent_get_summary(e), w->summary))
		return "SUMMARY";
	if (!same_str(icalcomponent_get_description(e), w->description))
		return "DESCRIPTION";
	if (!same_str(icalcomponent_get_location(e), w->location))
		return "LOCATION";
	if (!same_str(url_of(e), w->url))
		return "URL";
	if (utc_time(PROP(e, DTSTART), icalproperty_get_dtstart) != w->start_utc)
		return "DTSTART";
	if (utc_time(PROP(e, DTEND), icalproperty_get_dtend) != w->end_utc)
		return "DTEND";
	if (utc_time(PROP(e, DTSTAMP), icalproperty_get_dtstamp) != w->stamp_utc)
		return "DTSTAMP";
	if (icalcomponent_get_sequence(e) != w->sequence)
		return "SEQUENCE";
	if (utc_time(PROP(e, LASTMODIFIED), icalproperty_get_lastmodified) != w->last_modified_utc)
		return "LAST-MODIFIED";
	if (icalcomponent_get_status(e) != status_of(w->status))
		return "STATUS";
	return NULL;
}

static int count_events(icalcomponent *cal)
{
	return icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
}

static int contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* ---- the calendar's own lines, and an empty feed ---- */
static void test_empty(void)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_feed(&b, "Sessions EGOC", NULL, 0) == 0, "empty feed: written");
	tap_is_str(b.data,
		"BEGIN:VCALENDAR\r\n"
		"PRODID:-//EGOC//Formations EGOC//FR\r\n"
		"VERSION:2.0\r\n"
		"CALSCALE:GREGORIAN\r\n"
		"METHOD:PUBLISH\r\n"
		"X-WR-CALNAME:Sessions EGOC\r\n"
		"X-WR-TIMEZONE:Europe/Paris\r\n"
		"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"
		"X-PUBLISHED-TTL:PT1H\r\n"
		"END:VCALENDAR\r\n",
		"empty feed: the calendar's lines, exactly");
	check_lines(b.data, b.len, "empty feed");
	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT,
		"empty feed: libical reads a VCALENDAR");
	tap_is_int(cal ? count_events(cal) : -1, 0, "empty feed: no VEVENT");
	tap_ok(cal && no_errors(cal), "empty feed: no X-LIC-ERROR");
	if (cal)
		icalcomponent_free(cal);
	buf_free(&b);
}

/* ---- escaping, folding and the values read back ---- */
static void test_values(void)
{
	struct ical_event ev[] = {
		event("slot-1@formations.egoc", "Gestion des conflits — niveau 1",
			"Ligne 1\nLigne 2\n\nLigne 4", "Guéret, salle Creuse",
			"https://formations.egoc/sessions/1", 0, ICAL_CONFIRMED),
		event("slot-2@formations.egoc", "a;b,c\\d", "a;b,c\\d",
			"12, rue du Pont; 23000 Guéret", "", 3, ICAL_TENTATIVE),
		event("slot-3@formations.egoc", FRENCH " " FRENCH, FRENCH " " FRENCH " " FRENCH "\n" DENSE,
			DENSE, "https://formations.egoc/formations/gestion-des-conflits?x=1,2;3",
			7, ICAL_CANCELLED),
		event("slot-4@formations.egoc", "", "", "", "", 1, ICAL_CONFIRMED),
	};
	size_t n = sizeof(ev) / sizeof(ev[0]);
	ev[3].end_utc = ev[3].start_utc + 60;
	ev[3].stamp_utc = ev[3].last_modified_utc = STAMP + 5;

	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_feed(&b, "Sessions EGOC – Guéret, Creuse; tous publics", ev, n) == 0,
		"feed written");
	check_lines(b.data, b.len, "feed");

	char *u = unfold(b.data);
	tap_ok(contains(u, "\r\nDESCRIPTION:Ligne 1\\nLigne 2\\n\\nLigne 4\r\n"),
		"line breaks in a value are written \\n");
	tap_ok(contains(u, "\r\nSUMMARY:a\\;b\\,c\\\\d\r\n"), "';', ',' and '\\' are escaped (SUMMARY)");
	tap_ok(contains(u, "\r\nDESCRIPTION:a\\;b\\,c\\\\d\r\n"), "';', ',' and '\\' are escaped (DESCRIPTION)");
	tap_ok(contains(u, "\r\nLOCATION:12\\, rue du Pont\\; 23000 Guéret\r\n"), "and in LOCATION");
	tap_ok(contains(u, "\r\nURL:https://formations.egoc/formations/gestion-des-conflits?x=1,2;3\r\n"),
		"a URL is not escaped (URI, not TEXT)");
	tap_ok(contains(u, "\r\nX-WR-CALNAME:Sessions EGOC – Guéret, Creuse; tous publics\r\n"),
		"X-WR-CALNAME as libical writes X- values: ',' and ';' as they are");
	tap_ok(contains(u, "\r\nDTSTART:20250915T070000Z\r\nDTEND:20250915T103000Z\r\n"),
		"DTSTART and DTEND in UTC");
	tap_ok(contains(u, "\r\nDTSTAMP:20250901T101112Z\r\n"), "DTSTAMP in UTC");
	tap_ok(contains(u, "\r\nLAST-MODIFIED:20250830T080000Z\r\n"), "LAST-MODIFIED in UTC");
	tap_ok(contains(u, "\r\nSTATUS:CANCELLED\r\nSEQUENCE:7\r\n"), "STATUS and SEQUENCE");
	tap_ok(strncmp(b.data, "BEGIN:VCALENDAR\r\nPRODID:", 24) == 0 &&
		contains(b.data, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") &&
		strcmp(b.data + b.len - 15, "END:VCALENDAR\r\n") == 0,
		"the events sit inside the one VCALENDAR");
	/* The empty values of slot 4: no "SUMMARY:" that libical would refuse. */
	const char *four = strstr(u, "UID:slot-4@");
	tap_ok(four && !contains(four, "SUMMARY") && !contains(four, "DESCRIPTION") &&
		!contains(four, "LOCATION") && !contains(four, "URL"),
		"empty values leave their property out");
	free(u);

	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal != NULL, "libical parses the feed");
	if (!cal) {
		buf_free(&b);
		return;
	}
	tap_ok(no_errors(cal), "no X-LIC-ERROR anywhere after parsing");
	tap_is_int(count_events(cal), n, "one VEVENT per event");
	icalproperty *name = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY);
	tap_is_str(name ? icalproperty_get_x_name(name) : NULL, "X-WR-CALNAME", "X-WR-CALNAME read back");
	tap_is_str(name ? icalproperty_get_x(name) : NULL,
		"Sessions EGOC – Guéret, Creuse; tous publics", "with its value whole");
	tap_ok(icalcomponent_get_method(cal) == ICAL_METHOD_PUBLISH, "METHOD:PUBLISH read back");
	icalproperty *refresh = icalcomponent_get_first_property(cal, ICAL_REFRESHINTERVAL_PROPERTY);
	tap_is_int(refresh ? icaldurationtype_as_int(icalproperty_get_refreshinterval(refresh)) : -1,
		3600, "REFRESH-INTERVAL read back: one hour");

	icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	for (size_t i = 0; i < n; i++) {
		char what[32];
		snprintf(what, sizeof(what), "event %zu", i + 1);
		check_event(e, &ev[i], what);
		e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	}

	/* iTIP (RFC 5546) is stricter than a subscription needs: it wants an
	 * ORGANIZER under METHOD:PUBLISH (and a SUMMARY, which event 4 lacks).
	 * icalrestriction_check() looks at the first event of a calendar only,
	 * so each event gets a calendar of its own. */
	int checked = 0, errors = 0, organizer = 0, shown = 5;   /* expected: not shown */
	for (size_t i = 0; i < n; i++) {
		if (!*ev[i].summary)
			continue;
		icalcomponent *one = icalcomponent_new_clone(cal), *drop[8];
		size_t n_drop = 0, j = 0;
		for (icalcomponent *k = icalcomponent_get_first_component(one, ICAL_VEVENT_COMPONENT);
		     k && n_drop < 8; k = icalcomponent_get_next_component(one, ICAL_VEVENT_COMPONENT))
			if (j++ != i)
				drop[n_drop++] = k;
		for (j = 0; j < n_drop; j++) {
			icalcomponent_remove_component(one, drop[j]);
			icalcomponent_free(drop[j]);
		}
		icalrestriction_check(one);
		errors += count_errors(one, &shown);
		icalcomponent *k = icalcomponent_get_first_component(one, ICAL_VEVENT_COMPONENT);
		for (icalproperty *p = icalcomponent_get_first_property(k, ICAL_XLICERROR_PROPERTY);
		     p; p = icalcomponent_get_next_property(k, ICAL_XLICERROR_PROPERTY))
			organizer += strstr(icalproperty_get_xlicerror(p), "ORGANIZER") != NULL;
		checked++;
		icalcomponent_free(one);
	}
	tap_ok(checked == 3 && errors == checked && organizer == checked,
		"icalrestriction_check: each event misses ORGANIZER, and nothing else (%d of %d)",
		organizer, errors);
	icalcomponent_free(cal);
	buf_free(&b);
}

/* Folding at every offset: a prefix of 0 to 80 ASCII characters puts each
 * multibyte character of the text across the 75th octet in turn. */
static void test_folding(void)
{
	enum { N = 81 };
	static char summaries[N][400], descriptions[N][800], locations[N][400], uids[N][48];
	static struct ical_event ev[N];
	for (int k = 0; k < N; k++) {
		snprintf(summaries[k], sizeof(summaries[k]), "%.*s%s", k,
			"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
			"é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓é’œ€🎓");
		snprintf(descriptions[k], sizeof(descriptions[k]), "%.*s%s", k,
			"a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d a;b,c\\d ",
			DENSE);
		snprintf(locations[k], sizeof(locations[k]), "%.*s%s", k,
			"L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\L;,\\",
			FRENCH);
		snprintf(uids[k], sizeof(uids[k]), "slot-%d@formations.egoc", k);
		ev[k] = event(uids[k], summaries[k], descriptions[k], locations[k],
			"", k, (enum ical_status)(k % 3));
	}
	struct buf b;
	buf_init(&b, 1 << 22);
	tap_ok(ical_write_feed(&b, DENSE, ev, N) == 0, "folding: feed written");
	check_lines(b.data, b.len, "folding");
	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && no_errors(cal), "folding: parsed, no X-LIC-ERROR");
	const char *bad = NULL;
	int i = 0;
	for (icalcomponent *e = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
	     e && i < N; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++)
		if ((bad = differs(e, &ev[i])) != NULL)
			break;
	if (!tap_ok(cal && !bad && i == N, "folding: all %d events read back unchanged", N))
		printf("#   event %d: %s\n", i + 1, bad ? bad : "missing");
	if (cal)
		icalcomponent_free(cal);
	buf_free(&b);
}

/* ---- what libical lets through, and what is refused ---- */
static void test_fixups(void)
{
	struct ical_event ev[] = {
		event("slot-9@formations.egoc", "caf\xE9 cr\xC3\xA8me \xC3",
			"a\x01" "b\x7F c\r\nd\re\tf\x1B[31m", "\x80salle\xC0\xAF",
			"https://x.test/a\r\nBEGIN:VEVENT", 2, ICAL_CONFIRMED),
		event("slot-10@formations.egoc", "\x01\x02", "\r", "ok",
			"https://x.test/une page", 0, ICAL_CONFIRMED),
	};
	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_feed(&b, "Nom\x07 d’agenda", ev, 2) == 0, "fix-ups: feed written");
	check_lines(b.data, b.len, "fix-ups");
	int controls = 0;
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
			controls++;
	}
	tap_is_int(controls, 0, "no control character in the output");
	tap_ok(utf8_valid(b.data, b.len), "the output is valid UTF-8");
	tap_ok(!contains(b.data, "x.test"), "a URL with a line break or a space is left out");
	tap_ok(contains(b.data, "\r\nX-WR-CALNAME:Nom d’agenda\r\n"), "controls are dropped from the name");

	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && no_errors(cal), "fix-ups: parsed, no X-LIC-ERROR");
	tap_is_int(cal ? count_events(cal) : -1, 2, "fix-ups: two events, none injected");
	icalcomponent *e = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
	tap_is_str(e ? icalcomponent_get_summary(e) : NULL, "caf\xEF\xBF\xBD cr\xC3\xA8me \xEF\xBF\xBD",
		"invalid UTF-8 becomes U+FFFD, valid characters stay");
	tap_is_str(e ? icalcomponent_get_description(e) : NULL, "ab c\nd\ne\tf[31m",
		"controls dropped, CRLF and lone CR become line breaks, tab kept");
	tap_is_str(e ? icalcomponent_get_location(e) : NULL, "\xEF\xBF\xBDsalle\xEF\xBF\xBD\xEF\xBF\xBD",
		"stray continuation and overlong bytes become U+FFFD");
	e = cal ? icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
	tap_ok(e && !PROP(e, SUMMARY), "a value of controls only is left out");
	tap_is_str(e ? icalcomponent_get_description(e) : NULL, "\n", "a lone CR is a line break");
	if (cal)
		icalcomponent_free(cal);

	/* Refusals leave what the buffer held. */
	struct ical_event good = event("slot-1@formations.egoc", "t", "d", "l", "", 0, ICAL_CONFIRMED);
	struct ical_event wrong[] = { good, good, good, good, good, good };
	wrong[0].status = (enum ical_status)7;
	wrong[1].uid = "";
	wrong[2].uid = "\x01";
	wrong[3].start_utc = -1;
	wrong[4].end_utc = INT64_C(253402300800);   /* 10000-01-01 */
	wrong[5].stamp_utc = INT64_MAX;
	const char *why[] = { "an unknown status", "an empty UID", "a UID of controls only",
		"a time before 1970", "a time after 9999", "a huge time" };
	buf_free(&b);
	buf_init(&b, 1 << 20);
	buf_puts(&b, "avant");
	for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		struct ical_event two[] = { good, wrong[i] };
		int rc = ical_write_feed(&b, "x", two, 2);
		tap_ok(rc < 0 && b.len == 5 && strcmp(b.data, "avant") == 0,
			"%s is refused, the buffer as it was", why[i]);
	}
	struct ical_event instant = good;
	instant.end_utc = instant.start_utc;
	tap_ok(ical_write_feed(&b, "x", &instant, 1) == 0 && !contains(b.data, "DTEND"),
		"an end not after the start: no DTEND (an instant)");
	tap_ok(strncmp(b.data, "avantBEGIN:VCALENDAR\r\n", 22) == 0, "a feed is appended to what was there");
	struct ical_event spaced = good;
	spaced.summary = " espaces autour ";
	tap_ok(ical_write_feed(&b, "x", &spaced, 1) == 0 && contains(b.data, "\r\nSUMMARY: espaces autour \r\n"),
		"spaces around a value are written as they are (libical's parser drops them)");
	buf_free(&b);

	/* The cap: refused whole, however far it got. */
	struct buf small;
	buf_init(&small, 600);
	tap_ok(ical_write_feed(&small, "x", NULL, 0) == 0, "an empty feed fits in 600 bytes");
	size_t len = small.len;
	tap_ok(ical_write_feed(&small, "x", &good, 1) < 0 && small.len == len,
		"a feed past the cap is refused, the buffer keeps its length");
	tap_ok(strncmp(small.data, "BEGIN:VCALENDAR\r\n", 17) == 0 &&
		strcmp(small.data + len - 15, "END:VCALENDAR\r\n") == 0, "and its text");
	buf_free(&small);
	struct buf tiny;
	buf_init(&tiny, 10);
	tap_ok(ical_write_feed(&tiny, "x", NULL, 0) < 0 && tiny.len == 0, "a cap under one line: refused, empty");
	buf_free(&tiny);
}

/* ---- 12,000 events ---- */
static void test_big(void)
{
	enum { N = 12000 };
	struct ical_event *ev = calloc(N, sizeof(*ev));
	char (*uid)[48] = calloc(N, sizeof(*uid));
	char (*summary)[128] = calloc(N, sizeof(*summary));
	char (*description)[640] = calloc(N, sizeof(*description));
	char (*location)[128] = calloc(N, sizeof(*location));
	char (*url)[96] = calloc(N, sizeof(*url));
	if (!ev || !uid || !summary || !description || !location || !url)
		abort();
	for (int i = 0; i < N; i++) {
		snprintf(uid[i], sizeof(uid[i]), "slot-%d@formations.egoc", i + 1);
		snprintf(summary[i], sizeof(summary[i]),
			"Prévention des risques psychosociaux — session n° %d (jour %d)", i / 4 + 1, i % 4 + 1);
		snprintf(description[i], sizeof(description[i]),
			"Module %d : l’écoute active ; repérer les signaux faibles, "
			"agir en équipe.\nFormateur : Hélène Lefèvre-Cœur\n"
			"Tarif : 1 200 € (déjeuner compris)\n%s", i % 9 + 1, FRENCH);
		snprintf(location[i], sizeof(location[i]),
			"Guéret — salle %d, 12 avenue de la République, 23000 Guéret", i % 5 + 1);
		snprintf(url[i], sizeof(url[i]), "https://formations.egoc/sessions/%d", i / 4 + 1);
		ev[i] = event(uid[i], summary[i], description[i], location[i], url[i],
			i % 3, i % 10 == 0 ? ICAL_CANCELLED : ICAL_CONFIRMED);
		ev[i].start_utc = START + (int64_t)i * 3600;
		ev[i].end_utc = ev[i].start_utc + 3 * 3600 + 1800;
	}

	struct buf b;
	buf_init(&b, 64u << 20);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = ical_write_feed(&b, "Sessions EGOC", ev, N);
	double ms = ms_since(&t0);
	tap_ok(rc == 0, "%d events: feed written", N);
	printf("# %d events in %.0f ms (%zu bytes; AddressSanitizer build)\n", N, ms, b.len);
	check_lines(b.data, b.len, "12000 events");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	icalcomponent *cal = icalparser_parse_string(b.data);
	printf("# parsed back by libical in %.0f ms\n", ms_since(&t0));
	tap_ok(cal && no_errors(cal), "%d events: parsed, no X-LIC-ERROR", N);
	tap_is_int(cal ? count_events(cal) : -1, N, "%d events: all read back", N);
	const char *bad = NULL;
	int i = 0;
	for (icalcomponent *e = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
	     e && i < N; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++)
		if ((bad = differs(e, &ev[i])) != NULL)
			break;
	if (!tap_ok(cal && !bad && i == N, "%d events: every value equal, in order", N))
		printf("#   event %d: %s\n", i + 1, bad ? bad : "missing");
	if (cal)
		icalcomponent_free(cal);
	buf_free(&b);
	free(ev);
	free(uid);
	free(summary);
	free(description);
	free(location);
	free(url);
}

/* ---- invitations (iTIP, RFC 5546) ---- */

#define ORGANIZER "formations@egoc.example"
#define ATTENDEE "camille.dupont@caf.example"

static struct ical_invitation invitation(enum ical_method method,
	const struct ical_event *ev, size_t n)
{
	return (struct ical_invitation){
		.method = method,
		.organizer_name = "EGOC", .organizer_email = ORGANIZER,
		.attendee_name = "Camille Dupont", .attendee_email = ATTENDEE,
		.events = ev, .n = n,
	};
}

static const char *param_of(icalproperty *p, icalparameter_kind kind)
{
	icalparameter *k = p ? icalproperty_get_first_parameter(p, kind) : NULL;
	if (!k)
		return NULL;
	switch (kind) {
	case ICAL_CN_PARAMETER:
		return icalparameter_get_cn(k);
	case ICAL_ROLE_PARAMETER:
		return icalparameter_get_role(k) == ICAL_ROLE_REQPARTICIPANT ? "REQ-PARTICIPANT" : "?";
	case ICAL_PARTSTAT_PARAMETER:
		return icalparameter_get_partstat(k) == ICAL_PARTSTAT_NEEDSACTION ? "NEEDS-ACTION" : "?";
	case ICAL_RSVP_PARAMETER:
		return icalparameter_get_rsvp(k) == ICAL_RSVP_FALSE ? "FALSE" : "?";
	default:
		return "?";
	}
}

/* One calendar per event, as icalrestriction_check() looks at the first
 * component only; returns the X-LIC-ERRORs it added, shown. */
static int restriction_errors(icalcomponent *cal)
{
	int errors = 0, shown = 0, n = count_events(cal);
	for (int i = 0; i < n; i++) {
		icalcomponent *one = icalcomponent_new_clone(cal), *drop[16];
		int n_drop = 0, j = 0;
		for (icalcomponent *k = icalcomponent_get_first_component(one, ICAL_VEVENT_COMPONENT);
		     k && n_drop < 16; k = icalcomponent_get_next_component(one, ICAL_VEVENT_COMPONENT))
			if (j++ != i)
				drop[n_drop++] = k;
		for (j = 0; j < n_drop; j++) {
			icalcomponent_remove_component(one, drop[j]);
			icalcomponent_free(drop[j]);
		}
		icalrestriction_check(one);
		errors += count_errors(one, &shown);
		icalcomponent_free(one);
	}
	return errors;
}

/* ORGANIZER and ATTENDEE of every event of cal, against what went in. */
static void check_people(icalcomponent *cal, const char *attendee_uri, const char *attendee_cn,
	const char *what)
{
	int events = 0, organizers = 0, attendees = 0;
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     e; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		events++;
		icalproperty *o = PROP(e, ORGANIZER), *a = PROP(e, ATTENDEE);
		organizers += o && icalcomponent_count_properties(e, ICAL_ORGANIZER_PROPERTY) == 1 &&
			same_str(icalproperty_get_organizer(o), "mailto:" ORGANIZER) &&
			same_str(param_of(o, ICAL_CN_PARAMETER), "EGOC");
		attendees += a && icalcomponent_count_properties(e, ICAL_ATTENDEE_PROPERTY) == 1 &&
			same_str(icalproperty_get_attendee(a), attendee_uri) &&
			same_str(param_of(a, ICAL_CN_PARAMETER), attendee_cn) &&
			same_str(param_of(a, ICAL_ROLE_PARAMETER), "REQ-PARTICIPANT") &&
			same_str(param_of(a, ICAL_PARTSTAT_PARAMETER), "NEEDS-ACTION") &&
			same_str(param_of(a, ICAL_RSVP_PARAMETER), "FALSE");
	}
	tap_ok(events > 0 && organizers == events,
		"%s: each VEVENT has ORGANIZER;CN=EGOC:mailto:" ORGANIZER, what);
	tap_ok(events > 0 && attendees == events,
		"%s: each VEVENT has one ATTENDEE (%s, CN, ROLE, PARTSTAT, RSVP=FALSE)", what, attendee_uri);
}

static void test_request(void)
{
	struct ical_event ev[] = {
		event("creneau-11@formations.egoc", "Gestion des conflits — jour 1 matin",
			"Accueil à 8 h 45.\nApportez un cas vécu.", "Guéret, salle Creuse",
			"https://formations.egoc/participant/abc", 0, ICAL_CONFIRMED),
		event("creneau-12@formations.egoc", "Gestion des conflits — jour 1 après-midi",
			"a;b,c\\d", "12, rue du Pont; 23000 Guéret", "", 4, ICAL_TENTATIVE),
	};
	ev[1].start_utc += 5 * 3600;
	ev[1].end_utc += 5 * 3600;
	struct ical_invitation inv = invitation(ICAL_REQUEST, ev, 2);
	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_invitation(&b, &inv) == 0, "REQUEST: written");
	check_lines(b.data, b.len, "REQUEST");
	tap_ok(strncmp(b.data, "BEGIN:VCALENDAR\r\n"
		"PRODID:-//EGOC//Formations EGOC//FR\r\n"
		"VERSION:2.0\r\n"
		"CALSCALE:GREGORIAN\r\n"
		"METHOD:REQUEST\r\n"
		"BEGIN:VEVENT\r\n", 115) == 0,
		"REQUEST: the calendar's lines, METHOD:REQUEST, no feed X- lines");
	char *u = unfold(b.data);
	tap_ok(contains(u, "\r\nORGANIZER;CN=EGOC:mailto:" ORGANIZER "\r\n"), "REQUEST: the ORGANIZER line");
	tap_ok(contains(u, "\r\nATTENDEE;CN=Camille Dupont;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
		"RSVP=FALSE:mailto:" ATTENDEE "\r\n"), "REQUEST: the ATTENDEE line, parameters in order");
	tap_ok(contains(u, "\r\nSUMMARY:Gestion des conflits — jour 1 matin\r\n") &&
		contains(u, "\r\nLOCATION:12\\, rue du Pont\\; 23000 Guéret\r\n") &&
		contains(u, "\r\nDESCRIPTION:a\\;b\\,c\\\\d\r\n"), "REQUEST: TEXT values escaped as in a feed");
	tap_ok(!contains(u, "X-WR-") && !contains(u, "REFRESH-INTERVAL"), "REQUEST: no feed hints");
	free(u);

	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && no_errors(cal), "REQUEST: libical parses it, no X-LIC-ERROR");
	if (!cal) {
		buf_free(&b);
		return;
	}
	tap_ok(icalcomponent_get_method(cal) == ICAL_METHOD_REQUEST, "REQUEST: METHOD read back");
	tap_is_int(count_events(cal), 2, "REQUEST: one VEVENT per slot");
	icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	check_event(e, &ev[0], "REQUEST event 1");
	check_event(icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), &ev[1], "REQUEST event 2");
	check_people(cal, "mailto:" ATTENDEE, "Camille Dupont", "REQUEST");
	tap_is_int(restriction_errors(cal), 0, "REQUEST: icalrestriction_check finds nothing missing (RFC 5546)");
	/* The check does see a REQUEST without its ATTENDEE. */
	for (icalcomponent *k = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     k; k = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		icalproperty *a = PROP(k, ATTENDEE);
		icalcomponent_remove_property(k, a);
		icalproperty_free(a);
	}
	printf("# expected:\n");
	tap_is_int(restriction_errors(cal), 2, "REQUEST: without ATTENDEE, icalrestriction_check complains");
	icalcomponent_free(cal);

	/* Appended, as a feed is. */
	tap_ok(ical_write_invitation(&b, &inv) == 0 && strstr(b.data + 1, "BEGIN:VCALENDAR") == b.data + b.len / 2,
		"REQUEST: a second one is appended after the first");
	buf_free(&b);
}

static void test_cancel(void)
{
	struct ical_event ev[] = {
		event("creneau-11@formations.egoc", "Gestion des conflits — jour 1 matin", "", "", "",
			1, ICAL_CONFIRMED),
		event("creneau-12@formations.egoc", "", "", "", "", 5, ICAL_CANCELLED),
	};
	struct ical_invitation inv = invitation(ICAL_CANCEL, ev, 2);
	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_invitation(&b, &inv) == 0, "CANCEL: written (a summary is not required)");
	check_lines(b.data, b.len, "CANCEL");
	tap_ok(contains(b.data, "\r\nMETHOD:CANCEL\r\n"), "CANCEL: METHOD:CANCEL");
	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && no_errors(cal), "CANCEL: libical parses it, no X-LIC-ERROR");
	if (!cal) {
		buf_free(&b);
		return;
	}
	tap_ok(icalcomponent_get_method(cal) == ICAL_METHOD_CANCEL, "CANCEL: METHOD read back");
	int cancelled = 0, i = 0, uids = 0, sequences = 0;
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     e && i < 2; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++) {
		cancelled += icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED;
		uids += same_str(icalcomponent_get_uid(e), ev[i].uid);
		sequences += icalcomponent_get_sequence(e) == ev[i].sequence;
	}
	tap_is_int(cancelled, 2, "CANCEL: every event STATUS:CANCELLED, even one given as CONFIRMED");
	tap_ok(uids == 2 && sequences == 2, "CANCEL: the same UIDs, the SEQUENCE given");
	check_people(cal, "mailto:" ATTENDEE, "Camille Dupont", "CANCEL");
	tap_is_int(restriction_errors(cal), 0, "CANCEL: icalrestriction_check finds nothing missing (RFC 5546)");
	icalcomponent_free(cal);
	buf_free(&b);
}

/* Names and addresses that need care. */
static void test_people(void)
{
	struct ical_event ev = event("creneau-1@formations.egoc", "Séance", "", "", "", 0, ICAL_CONFIRMED);
	struct ical_invitation inv = invitation(ICAL_REQUEST, &ev, 1);
	inv.attendee_name = "  Dupont, Jean-Noël; dit \"Jeannot\" : le \x01" "chef\r\nadjoint\t ";
	inv.attendee_email = "jean-noel.dupont@exemple-café.fr";
	inv.organizer_name = "EGOC";
	struct buf b;
	buf_init(&b, 1 << 20);
	tap_ok(ical_write_invitation(&b, &inv) == 0, "people: written");
	check_lines(b.data, b.len, "people");
	char *u = unfold(b.data);
	tap_ok(contains(u, "\r\nATTENDEE;CN=\"Dupont, Jean-Noël; dit 'Jeannot' : le chef adjoint\";ROLE="),
		"people: a CN with ',', ';' and ':' quoted, on one line, no RFC 6868 escape, trimmed");
	tap_ok(contains(u, ":mailto:jean-noel.dupont@xn--exemple-caf-lbb.fr\r\n"),
		"people: an internationalised domain in its ASCII form");
	free(u);
	icalcomponent *cal = icalparser_parse_string(b.data);
	tap_ok(cal && no_errors(cal), "people: parsed, no X-LIC-ERROR");
	if (cal) {
		check_people(cal, "mailto:jean-noel.dupont@xn--exemple-caf-lbb.fr",
			"Dupont, Jean-Noël; dit 'Jeannot' : le chef adjoint", "people");
		icalcomponent_free(cal);
	}

	buf_free(&b);
	buf_init(&b, 1 << 20);
	inv.attendee_name = "";
	inv.organizer_name = NULL;
	inv.attendee_email = "a/b?c%d#e@caf.example";
	tap_ok(ical_write_invitation(&b, &inv) == 0, "people: no names, an odd but valid address");
	u = unfold(b.data);
	tap_ok(contains(u, "\r\nORGANIZER:mailto:" ORGANIZER "\r\n") &&
		contains(u, "\r\nATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:"),
		"people: no name, no CN");
	tap_ok(contains(u, ":mailto:a%2Fb%3Fc%25d%23e@caf.example\r\n"),
		"people: '/', '?', '%%' and '#' percent-encoded in the mailto: URI (RFC 6068)");
	free(u);
	buf_free(&b);
}

static void test_invitation_refused(void)
{
	struct ical_event good = event("creneau-1@formations.egoc", "Séance", "", "", "", 0, ICAL_CONFIRMED);
	struct ical_event two[2] = { good, good };
	two[1].uid = "creneau-2@formations.egoc";
	struct buf b;
	buf_init(&b, 1 << 20);
	buf_puts(&b, "avant");

	struct { const char *why; struct ical_invitation inv; struct ical_event second; } cases[12];
	size_t n = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cases[i].inv = invitation(ICAL_REQUEST, NULL, 2);
		cases[i].second = two[1];
	}
	cases[n].why = "an empty UID";
	cases[n++].second.uid = "";
	cases[n].why = "a time out of range";
	cases[n++].second.start_utc = -1;
	cases[n].why = "an unknown status";
	cases[n++].second.status = (enum ical_status)9;
	cases[n].why = "a REQUEST with a CANCELLED event";
	cases[n++].second.status = ICAL_CANCELLED;
	cases[n].why = "a REQUEST without a summary";
	cases[n++].second.summary = "\x01";
	cases[n].why = "a bad attendee address";
	cases[n++].inv.attendee_email = "camille.dupont";
	cases[n].why = "an attendee address with a line break";
	cases[n++].inv.attendee_email = "a@b.example\r\nATTENDEE:mailto:x@y.example";
	cases[n].why = "no attendee address";
	cases[n++].inv.attendee_email = NULL;
	cases[n].why = "a bad organizer address";
	cases[n++].inv.organizer_email = "EGOC <formations@egoc.example>";
	cases[n].why = "an unknown method";
	cases[n++].inv.method = (enum ical_method)5;
	cases[n].why = "no event";
	cases[n++].inv.n = 0;
	for (size_t i = 0; i < n; i++) {
		struct ical_event evs[2] = { good, cases[i].second };
		cases[i].inv.events = evs;
		int rc = ical_write_invitation(&b, &cases[i].inv);
		tap_ok(rc < 0 && b.len == 5 && strcmp(b.data, "avant") == 0,
			"invitation: %s is refused, the buffer as it was", cases[i].why);
	}
	tap_ok(ical_write_invitation(&b, NULL) < 0 && b.len == 5, "invitation: NULL is refused");
	buf_free(&b);

	struct ical_invitation inv = invitation(ICAL_REQUEST, two, 2);
	struct buf small;
	buf_init(&small, 700);
	tap_ok(ical_write_invitation(&small, &inv) < 0 && small.len == 0,
		"invitation: past the cap, refused whole");
	buf_free(&small);
}

int main(void)
{
	test_empty();
	test_values();
	test_folding();
	test_fixups();
	test_big();
	test_request();
	test_cancel();
	test_people();
	test_invitation_refused();
	/* libical's own caches, so that the leak check sees only ours. */
	icalmemory_free_ring();
	icaltimezone_free_builtin_timezones();
	return tap_done();
}
