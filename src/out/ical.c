#include "out/ical.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "base/buf.h"
#include "base/utf8.h"

#define PRODID "-//EGOC//Formations EGOC//FR"
#define TIMEZONE "Europe/Paris"
#define REFRESH_SECONDS 3600
#define PUBLISHED_TTL "PT1H"
#define END_CALENDAR "END:VCALENDAR\r\n"
/* 9999-12-31T23:59:59Z: after it, years take five digits, which the
 * DATE-TIME grammar does not allow. */
#define LAST_INSTANT INT64_C(253402300799)
#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */

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
 * string from libical (free with icalmemory_free_buffer); NULL on error. */
static char *calendar_text(const char *name, struct buf *tmp)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	if (!cal)
		return NULL;
	const char *clean = clean_text(tmp, name);
	int rc = clean ? 0 : -1;
	if (rc == 0)
		rc = add(cal, icalproperty_new_prodid(PRODID));
	if (rc == 0)
		rc = add(cal, icalproperty_new_version("2.0"));
	if (rc == 0)
		rc = add(cal, icalproperty_new_calscale("GREGORIAN"));
	if (rc == 0)
		rc = add(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
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

/* The properties of one event, in the order they are written. */
static int fill_event(icalcomponent *c, const struct ical_event *e,
	struct buf *tmp)
{
	icalproperty_status status;
	if (status_of(e->status, &status) < 0)
		return -1;
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

/* One VEVENT, built, written and freed on its own: a tree of thousands of
 * events costs memory and gains nothing, as libical writes a calendar one
 * component after the other anyway. */
static int write_event(struct buf *out, const struct ical_event *e,
	struct buf *tmp)
{
	icalcomponent *c = icalcomponent_new_vevent();
	if (!c)
		return -1;
	char *text = fill_event(c, e, tmp) == 0 ?
		icalcomponent_as_ical_string_r(c) : NULL;
	icalcomponent_free(c);
	if (!text)
		return -1;
	int rc = buf_puts(out, text);
	icalmemory_free_buffer(text);
	/* libical reports its own failed allocations (a truncated line) only
	 * through icalerrno. */
	return rc == 0 && icalerrno == ICAL_NO_ERROR ? 0 : -1;
}

int ical_write_feed(struct buf *out, const char *name,
	const struct ical_event *ev, size_t n)
{
	size_t before = out->len;
	struct buf tmp;
	buf_init(&tmp, SIZE_MAX / 2);
	icalerror_clear_errno();

	/* The calendar's lines from libical, less the last one; the events go
	 * in between. */
	int rc = -1;
	char *head = calendar_text(name, &tmp);
	if (head && icalerrno == ICAL_NO_ERROR) {
		size_t len = strlen(head), end = sizeof(END_CALENDAR) - 1;
		if (len >= end && strcmp(head + len - end, END_CALENDAR) == 0)
			rc = buf_append(out, head, len - end);
	}
	icalmemory_free_buffer(head);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = write_event(out, &ev[i], &tmp);
	if (rc == 0)
		rc = buf_puts(out, END_CALENDAR);

	buf_free(&tmp);
	if (rc < 0 && out->data) {
		out->len = before;
		out->data[before] = '\0';
	}
	return rc;
}
