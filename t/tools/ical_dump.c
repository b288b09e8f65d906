/* Reads an iCalendar feed on standard input, parses it with libical (as a
 * calendar client would) and prints one line per VEVENT with the
 * properties the HTTP tests check:
 *   UID|DTSTART|DTEND|DTSTAMP|SEQUENCE|STATUS|SUMMARY|LOCATION|URL
 * (times as UTC "YYYYMMDDTHHMMSSZ"). Exits 1 with a message when the feed
 * does not parse, has no VCALENDAR, or libical reports an error
 * (X-LIC-ERROR) anywhere: "imports without warnings".
 *
 * With --itip (an invitation, RFC 5546), the first line is
 *   METHOD|<METHOD>
 * each event line goes on with
 *   |ORGANIZER|its CN|ATTENDEE|its CN|ROLE|PARTSTAT|RSVP
 * (one ATTENDEE expected; "" for what is missing), and a last line
 *   RESTRICTIONS|<n>
 * counts what icalrestriction_check() finds missing or forbidden, each
 * event checked in a calendar of its own (it looks at the first only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#define FEED_MAX (64u << 20)

static char *read_all(FILE *f)
{
	size_t cap = 1 << 16, len = 0;
	char *s = malloc(cap);
	while (s) {
		size_t got = fread(s + len, 1, cap - len - 1, f);
		len += got;
		if (got == 0)
			break;
		if (len + 1 == cap) {
			char *bigger = cap < FEED_MAX ? realloc(s, cap * 2) : NULL;
			if (!bigger) {
				free(s);
				return NULL;
			}
			s = bigger;
			cap *= 2;
		}
	}
	if (s)
		s[len] = '\0';
	return s;
}

static int count_errors(icalcomponent *c)
{
	int n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
			p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		fprintf(stderr, "ical_dump: %s\n", icalproperty_get_xlicerror(p));
		n++;
	}
	for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
			k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		n += count_errors(k);
	return n;
}

static const char *utc(struct icaltimetype t)
{
	static char buf[4][20];
	static int next;
	char *b = buf[next++ % 4];
	snprintf(b, 20, "%04d%02d%02dT%02d%02d%02d%s", t.year, t.month, t.day, t.hour, t.minute,
			t.second, icaltime_is_utc(t) ? "Z" : "");
	return b;
}

static const char *text(icalcomponent *e, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(e, kind);
	return p ? icalproperty_get_value_as_string(p) : "";
}

static const char *param(icalproperty *p, icalparameter_kind kind)
{
	icalparameter *k = p ? icalproperty_get_first_parameter(p, kind) : NULL;
	if (!k)
		return "";
	if (kind == ICAL_CN_PARAMETER)
		return icalparameter_get_cn(k);
	const char *s = icalparameter_as_ical_string(k);   /* "ROLE=REQ-PARTICIPANT" */
	const char *eq = s ? strchr(s, '=') : NULL;
	return eq ? eq + 1 : "";
}

static void people(icalcomponent *e)
{
	icalproperty *o = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY);
	icalproperty *a = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY);
	printf("|%s|%s|%s|%s|%s|%s|%s", o ? icalproperty_get_organizer(o) : "",
			param(o, ICAL_CN_PARAMETER), a ? icalproperty_get_attendee(a) : "",
			param(a, ICAL_CN_PARAMETER), param(a, ICAL_ROLE_PARAMETER),
			param(a, ICAL_PARTSTAT_PARAMETER), param(a, ICAL_RSVP_PARAMETER));
}

/* X-LIC-ERRORs that icalrestriction_check() adds, one event at a time. */
static int restrictions(icalcomponent *cal)
{
	int errors = 0, n = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
	for (int i = 0; i < n; i++) {
		icalcomponent *one = icalcomponent_new_clone(cal);
		icalcomponent *k = icalcomponent_get_first_component(one, ICAL_VEVENT_COMPONENT);
		for (int j = 0; k; j++) {
			icalcomponent *next = icalcomponent_get_next_component(one, ICAL_VEVENT_COMPONENT);
			if (j != i) {
				icalcomponent_remove_component(one, k);
				icalcomponent_free(k);
			}
			k = next;
		}
		icalrestriction_check(one);
		errors += count_errors(one);
		icalcomponent_free(one);
	}
	return errors;
}

int main(int argc, char **argv)
{
	int itip = argc == 2 && strcmp(argv[1], "--itip") == 0;
	if (argc > 1 && !itip) {
		fprintf(stderr, "usage: ical_dump [--itip] < calendar.ics\n");
		return 2;
	}
	char *feed = read_all(stdin);
	if (!feed) {
		fprintf(stderr, "ical_dump: cannot read the feed\n");
		return 1;
	}
	icalcomponent *cal = icalparser_parse_string(feed);
	free(feed);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fprintf(stderr, "ical_dump: no VCALENDAR\n");
		if (cal)
			icalcomponent_free(cal);
		return 1;
	}
	int errors = count_errors(cal);
	if (itip) {
		icalproperty *m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
		printf("METHOD|%s\n", m ? icalproperty_method_to_string(icalproperty_get_method(m)) : "");
	}
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
			e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		icalproperty *seq = icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY);
		icalproperty *st = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY);
		printf("%s|%s|%s|%s|%d|%s|%s|%s|%s", icalcomponent_get_uid(e),
				utc(icalcomponent_get_dtstart(e)), utc(icalcomponent_get_dtend(e)),
				utc(icalcomponent_get_dtstamp(e)), seq ? icalproperty_get_sequence(seq) : -1,
				st ? icalproperty_status_to_string(icalproperty_get_status(st)) : "",
				text(e, ICAL_SUMMARY_PROPERTY), text(e, ICAL_LOCATION_PROPERTY),
				text(e, ICAL_URL_PROPERTY));
		if (itip)
			people(e);
		putchar('\n');
	}
	if (itip)
		printf("RESTRICTIONS|%d\n", restrictions(cal));
	icalcomponent_free(cal);
	return errors ? 1 : 0;
}
