#include "out/ical.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "rules/fields.h"

#define PRODID "-//EGOC//Formations EGOC//FR"
#define TIMEZONE "Europe/Paris"
#define REFRESH_SECONDS 3600
#define PUBLISHED_TTL "PT1H"
#define END_CALENDAR "END:VCALENDAR\r\n"
/* 9999-12-31T23:59:59Z: after it, years take five digits, which the
 * DATE-TIME grammar does not allow. */
#define LAST_INSTANT INT64_C(253402300799)
#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */
/* Longest display name (CN) of an invitation, in bytes. */
#define NAME_MAX_BYTES 4096

/* A control character that RFC 5545 TEXT does not allow (tab and line
 * feed are allowed, the latter as "\n"). */
static int is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

/* 1 when s may go to libical as it is: valid UTF-8, no control character. */
static int text_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++)
		if (is_control(*p))
			return 0;
	return utf8_valid(s, (size_t)(p - (const unsigned char *)s));
}

/* s, or a cleaned copy of it in tmp (see ical.h): libical passes control
 * characters into TEXT values and takes the bytes it is given for UTF-8.
 * NULL when out of memory. */
static const char *clean_text(struct buf *tmp, const char *s)
{
	if (text_is_clean(s))
		return s;
	tmp->len = 0;
	int rc = buf_append(tmp, "", 0);   /* allocates, terminates */
	for (const char *p = s; rc == 0 && *p; ) {
		unsigned char c = (unsigned char)*p;
		size_t n = 1;
		if (c == '\r') {
			rc = buf_append(tmp, "\n", 1);
			n = p[1] == '\n' ? 2 : 1;
		} else if (is_control(c)) {
			/* dropped */
		} else if (c < 0x80) {
			rc = buf_append(tmp, p, 1);
		} else {
			n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (strnlen(p, n) == n && utf8_valid(p, n)) {
				rc = buf_append(tmp, p, n);
			} else {
				rc = buf_append(tmp, REPLACEMENT, sizeof(REPLACEMENT) - 1);
				n = 1;
			}
		}
		p += n;
	}
	return rc == 0 ? tmp->data : NULL;
}

/* A URI that cannot break the line it is on: printable ASCII, no space.
 * libical copies URI values as they are. */
static int url_is_safe(const char *s)
{
	if (!*s)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F)
			return 0;
	return 1;
}

/* Adds a property or says it could not be made. */
static int add(icalcomponent *c, icalproperty *p)
{
	if (!p)
		return -1;
	icalcomponent_add_property(c, p);
	return 0;
}

/* A TEXT property, cleaned; none at all for an empty value, which libical
 * would write as "NAME:" and then refuse to read back. */
static int add_text(icalcomponent *c, icalproperty *(*make)(const char *),
	const char *value, struct buf *tmp)
{
	const char *v = clean_text(tmp, value);
	if (!v)
		return -1;
	return *v ? add(c, make(v)) : 0;
}

/* A DATE-TIME property in UTC ("...Z"). */
static int add_time(icalcomponent *c,
	icalproperty *(*make)(struct icaltimetype), int64_t t)
{
	if (t < 0 || t > LAST_INSTANT)
		return -1;
	return add(c, make(icaltime_from_timet_with_zone((time_t)t, 0,
		icaltimezone_get_utc_timezone())));
}

/* An X- property. libical escapes backslashes and line breaks in it, but
 * not ',' or ';' (see ical.h). */
static int add_x(icalcomponent *c, const char *xname, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	if (!p)
		return -1;
	icalproperty_set_x_name(p, xname);
	icalcomponent_add_property(c, p);
	return 0;
}

/* The calendar's own lines, "BEGIN:VCALENDAR" to "END:VCALENDAR", as one
 * string from libical (free with icalmemory_free_buffer); NULL on error.
 * A feed (name given, METHOD:PUBLISH) has its X- lines; an invitation
 * (name NULL) has only what RFC 5546 asks for. */
static char *calendar_text(icalproperty_method method, const char *name, struct buf *tmp)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	if (!cal)
		return NULL;
	const char *clean = name ? clean_text(tmp, name) : "";
	int rc = clean ? 0 : -1;
	if (rc == 0)
		rc = add(cal, icalproperty_new_prodid(PRODID));
	if (rc == 0)
		rc = add(cal, icalproperty_new_version("2.0"));
	if (rc == 0)
		rc = add(cal, icalproperty_new_calscale("GREGORIAN"));
	if (rc == 0)
		rc = add(cal, icalproperty_new_method(method));
	if (name) {
		if (rc == 0 && *clean)
			rc = add_x(cal, "X-WR-CALNAME", clean);
		if (rc == 0)
			rc = add_x(cal, "X-WR-TIMEZONE", TIMEZONE);
		/* RFC 7986; libical writes the ";VALUE=DURATION" that it requires. */
		if (rc == 0)
			rc = add(cal, icalproperty_new_refreshinterval(
				icaldurationtype_from_int(REFRESH_SECONDS)));
		/* The same hint for Outlook, which predates RFC 7986. */
		if (rc == 0)
			rc = add_x(cal, "X-PUBLISHED-TTL", PUBLISHED_TTL);
	}
	char *text = rc == 0 ? icalcomponent_as_ical_string_r(cal) : NULL;
	icalcomponent_free(cal);
	return text;
}

static int status_of(enum ical_status s, icalproperty_status *out)
{
	switch (s) {
	case ICAL_TENTATIVE:
		*out = ICAL_STATUS_TENTATIVE;
		return 0;
	case ICAL_CONFIRMED:
		*out = ICAL_STATUS_CONFIRMED;
		return 0;
	case ICAL_CANCELLED:
		*out = ICAL_STATUS_CANCELLED;
		return 0;
	}
	return -1;
}

/* Who an invitation is from and to, ready for libical: display names
 * cleaned for a parameter value ("" leaves CN out), addresses as mailto:
 * URIs. */
struct people {
	enum ical_method method;
	const char *organizer_cn, *attendee_cn;
	char organizer_uri[8 + 3 * EMAIL_MAX_BYTES], attendee_uri[8 + 3 * EMAIL_MAX_BYTES];
};

/* The STATUS an event gets: its own in a feed; in a REQUEST only
 * TENTATIVE or CONFIRMED (RFC 5546, 3.2.2); always CANCELLED in a CANCEL
 * (3.2.5). */
static int event_status(const struct ical_event *e, const struct people *who,
	icalproperty_status *out)
{
	if (status_of(e->status, out) < 0)
		return -1;
	if (!who)
		return 0;
	if (who->method == ICAL_CANCEL) {
		*out = ICAL_STATUS_CANCELLED;
		return 0;
	}
	return e->status == ICAL_CANCELLED ? -1 : 0;
}

/* The properties of one event, in the order they are written. */
static int fill_event(icalcomponent *c, const struct ical_event *e,
	icalproperty_status status, struct buf *tmp)
{
	const char *uid = clean_text(tmp, e->uid);
	if (!uid || !*uid)   /* RFC 5545 requires a UID */
		return -1;
	int rc = add(c, icalproperty_new_uid(uid));
	if (rc == 0)
		rc = add_time(c, icalproperty_new_dtstamp, e->stamp_utc);
	if (rc == 0)
		rc = add_time(c, icalproperty_new_dtstart, e->start_utc);
	if (rc == 0 && e->end_utc > e->start_utc)
		rc = add_time(c, icalproperty_new_dtend, e->end_utc);
	if (rc == 0)
		rc = add_text(c, icalproperty_new_summary, e->summary, tmp);
	if (rc == 0)
		rc = add_text(c, icalproperty_new_description, e->description, tmp);
	if (rc == 0)
		rc = add_text(c, icalproperty_new_location, e->location, tmp);
	if (rc == 0 && url_is_safe(e->url))
		rc = add(c, icalproperty_new_url(e->url));
	if (rc == 0)
		rc = add(c, icalproperty_new_status(status));
	if (rc == 0)
		rc = add(c, icalproperty_new_sequence(e->sequence > 0 ? e->sequence : 0));
	if (rc == 0)
		rc = add_time(c, icalproperty_new_lastmodified, e->last_modified_utc);
	return rc;
}

/* ORGANIZER or ATTENDEE (p, already made with its address), with its CN
 * and, for the attendee, what RFC 5546 expects of a required participant
 * who is not asked to answer. */
static int add_person(icalcomponent *c, icalproperty *p, const char *cn, int attendee)
{
	if (!p)
		return -1;
	icalparameter *k[4] = { NULL, NULL, NULL, NULL };
	size_t n = 0;
	if (*cn)
		k[n++] = icalparameter_new_cn(cn);
	if (attendee) {
		k[n++] = icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT);
		k[n++] = icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION);
		k[n++] = icalparameter_new_rsvp(ICAL_RSVP_FALSE);
	}
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		rc |= k[i] == NULL ? -1 : 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			icalproperty_add_parameter(p, k[i]);
		else if (k[i])
			icalparameter_free(k[i]);
	}
	if (rc < 0) {
		icalproperty_free(p);
		return -1;
	}
	icalcomponent_add_property(c, p);
	return 0;
}

/* One VEVENT, built, written and freed on its own: a tree of thousands of
 * events costs memory and gains nothing, as libical writes a calendar one
 * component after the other anyway. who is NULL in a feed. */
static int write_event(struct buf *out, const struct ical_event *e,
	const struct people *who, struct buf *tmp)
{
	icalproperty_status status;
	if (event_status(e, who, &status) < 0)
		return -1;
	icalcomponent *c = icalcomponent_new_vevent();
	if (!c)
		return -1;
	int rc = fill_event(c, e, status, tmp);
	if (rc == 0 && who)
		rc = add_person(c, icalproperty_new_organizer(who->organizer_uri),
			who->organizer_cn, 0);
	if (rc == 0 && who)
		rc = add_person(c, icalproperty_new_attendee(who->attendee_uri),
			who->attendee_cn, 1);
	/* A REQUEST needs a SUMMARY (RFC 5546, 3.2.2), which an empty value
	 * left out. */
	if (rc == 0 && who && who->method == ICAL_REQUEST &&
			!icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY))
		rc = -1;
	char *text = rc == 0 ? icalcomponent_as_ical_string_r(c) : NULL;
	icalcomponent_free(c);
	if (!text)
		return -1;
	rc = buf_puts(out, text);
	icalmemory_free_buffer(text);
	/* libical reports its own failed allocations (a truncated line) only
	 * through icalerrno. */
	return rc == 0 && icalerrno == ICAL_NO_ERROR ? 0 : -1;
}

/* A whole VCALENDAR into out, or nothing (out as it was) and -1. */
static int write_calendar(struct buf *out, icalproperty_method method, const char *name,
	const struct ical_event *ev, size_t n, const struct people *who)
{
	size_t before = out->len;
	struct buf tmp;
	buf_init(&tmp, SIZE_MAX / 2);
	icalerror_clear_errno();

	/* The calendar's lines from libical, less the last one; the events go
	 * in between. */
	int rc = -1;
	char *head = calendar_text(method, name, &tmp);
	if (head && icalerrno == ICAL_NO_ERROR) {
		size_t len = strlen(head), end = sizeof(END_CALENDAR) - 1;
		if (len >= end && strcmp(head + len - end, END_CALENDAR) == 0)
			rc = buf_append(out, head, len - end);
	}
	icalmemory_free_buffer(head);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = write_event(out, &ev[i], who, &tmp);
	if (rc == 0)
		rc = buf_puts(out, END_CALENDAR);

	buf_free(&tmp);
	if (rc < 0 && out->data) {
		out->len = before;
		out->data[before] = '\0';
	}
	return rc;
}

int ical_write_feed(struct buf *out, const char *name,
	const struct ical_event *ev, size_t n)
{
	return write_calendar(out, ICAL_METHOD_PUBLISH, name, ev, n, NULL);
}

/* A display name as a parameter value, into dst: cleaned as TEXT is, then
 * on one line (line breaks and tabs become spaces), without double quotes
 * (which libical would write as RFC 6868 "^'", unknown to Outlook; they
 * become apostrophes) and without spaces around it. */
static int clean_name(struct buf *dst, const char *s, struct buf *tmp)
{
	const char *v = clean_text(tmp, s ? s : "");
	if (!v)
		return -1;
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	dst->len = 0;
	if (buf_puts(dst, v) < 0 || buf_append(dst, "", 0) < 0)
		return -1;
	for (char *p = dst->data; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
		else if (*p == '"')
			*p = '\'';
	while (dst->len && dst->data[dst->len - 1] == ' ')
		dst->data[--dst->len] = '\0';
	return 0;
}

/* "mailto:" and the address as it travels (an internationalised domain in
 * its ASCII form), the bytes that a URI gives a meaning to ('%', '?',
 * '#', '/' ... which RFC 5322 allows before the '@') percent-encoded
 * (RFC 6068). -1 when field_email refuses the address. */
static int mailto(const char *email, char *out, size_t size)
{
	char ascii[EMAIL_MAX_BYTES + 1];
	if (!email || field_email_ascii(email, ascii, sizeof(ascii)) < 0)
		return -1;
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	memcpy(out, "mailto:", 7);
	o = 7;
	for (const unsigned char *p = (const unsigned char *)ascii; *p; p++) {
		int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || strchr("-._~!$&'*+=@", *p);
		if (o + 4 > size)
			return -1;
		if (plain) {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return 0;
}

int ical_write_invitation(struct buf *out, const struct ical_invitation *inv)
{
	if (!inv || (inv->method != ICAL_REQUEST && inv->method != ICAL_CANCEL) ||
			!inv->events || inv->n == 0)
		return -1;
	struct people who = { .method = inv->method };
	struct buf org, att, tmp;
	buf_init(&org, NAME_MAX_BYTES);
	buf_init(&att, NAME_MAX_BYTES);
	buf_init(&tmp, SIZE_MAX / 2);
	int rc = mailto(inv->organizer_email, who.organizer_uri, sizeof(who.organizer_uri));
	if (rc == 0)
		rc = mailto(inv->attendee_email, who.attendee_uri, sizeof(who.attendee_uri));
	if (rc == 0)
		rc = clean_name(&org, inv->organizer_name, &tmp);
	if (rc == 0)
		rc = clean_name(&att, inv->attendee_name, &tmp);
	buf_free(&tmp);
	if (rc == 0) {
		who.organizer_cn = org.data;
		who.attendee_cn = att.data;
		rc = write_calendar(out, inv->method == ICAL_REQUEST ? ICAL_METHOD_REQUEST :
			ICAL_METHOD_CANCEL, NULL, inv->events, inv->n, &who);
	}
	buf_free(&org);
	buf_free(&att);
	return rc;
}
