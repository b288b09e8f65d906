/* The convocation builder (out/convocation.c): what each kind of mail
 * says, one invitation per slot with the right method, the waiting list
 * and the J-2 reminder without any, the withdrawn slot alone, the copy to
 * the requester, subjects that stay short. */
#include <string.h>

#include "tap.h"
#include "base/arena.h"
#include "out/convocation.h"

static const struct convocation_slot slots[] = {
	{ .id = "11", .day = "2027-03-04", .start = "09:00", .end = "12:30", .start_utc = 1804146000,
		.end_utc = 1804158600, .room = "Salle Iroise", .trainers = "Tanguy Formateur",
		.module_label = "Module 3", .day_label = "Journée 1", .sequence = 2 },
	{ .id = "12", .day = "2027-03-04", .start = "13:30", .end = "17:00", .start_utc = 1804163400,
		.end_utc = 1804176000, .room = "Salle Iroise", .trainers = "", .module_label = "",
		.day_label = "", .sequence = 0 },
	{ .id = "13", .day = "2027-03-11", .start = "09:00", .end = "12:30", .start_utc = 1804750800,
		.end_utc = 1804763400, .room = "", .trainers = "", .module_label = "", .day_label = "",
		.cancelled = 1 },
};

static struct convocation sample(void)
{
	return (struct convocation){ .registration_id = "7", .token = "abc123",
		.last_name = "Lefèvre-D'Arc", .first_name = "Anne-Laure", .email = "anne@caf35.example.org",
		.organisation = "Caf", .requester_name = "Claire Martin",
		.requester_email = "claire.martin@caf23.example.org",
		.course_title = "Coopération territoriale", .prerequisites = "Aucun",
		.session_kind = "inter", .session_status = "confirmee", .place_name = "Maison de la formation",
		.place_address = "3 rue de la Paix", .place_city = "Rennes", .place_access = "Métro A",
		.place_accessibility = "Plain-pied", .accessibility_contact = "referent@egoc.example",
		.rules_text = "règlement", .waiting_rank = "2", .slots = slots, .n_slots = 3 };
}

static struct convocation_mail build(struct arena *a, const struct convocation *c,
		enum convocation_kind k, const char *only)
{
	struct convocation_mail m;
	int rc = convocation_build(a, c, k, only, "https://formations.egoc", "EGOC — Formations",
		"formations@egoc.example", 1800000000, &m);
	tap_is_int(rc, 0, "built (kind %d)", (int)k);
	return m;
}

int main(void)
{
	struct arena *a = arena_new();
	struct convocation c = sample();
	struct convocation_mail m = build(a, &c, CONVOCATION_INVITE, NULL);
	tap_is_str(m.subject, "Convocation : Coopération territoriale", "the subject");
	tap_ok(strstr(m.body, "Bonjour Anne-Laure Lefèvre-D'Arc,") != NULL, "greets the person");
	tap_ok(strstr(m.body, "jeudi 4 mars 2027, 9 h – 12 h 30") != NULL, "each half-day in French, Paris times");
	tap_ok(strstr(m.body, "jeudi 4 mars 2027, 13 h 30 – 17 h") != NULL, "the afternoon too");
	tap_ok(strstr(m.body, "11 mars") == NULL, "not the cancelled slot");
	tap_ok(strstr(m.body, "Module 3 · Journée 1") != NULL, "the programme day");
	tap_ok(strstr(m.body, "Salle : Salle Iroise") && strstr(m.body, "Formateur(s) : Tanguy Formateur"),
		"room and trainers");
	tap_ok(strstr(m.body, "Lieu : Maison de la formation\n3 rue de la Paix\nRennes\nAccès : Métro A") != NULL,
		"place, address and access");
	tap_ok(strstr(m.body, "Prérequis : Aucun") && strstr(m.body, "Règlement intérieur : règlement") &&
		strstr(m.body, "referent@egoc.example") && strstr(m.body, "Ce qu'il faut apporter"),
		"prerequisites, règlement, accessibility contact, what to bring");
	tap_ok(strstr(m.body, "https://formations.egoc/participant/abc123") != NULL, "the private page");
	tap_is_int((long)m.n_invites, 2, "one invitation per live slot");
	tap_is_str(m.invites[0].method, "REQUEST", "a REQUEST");
	tap_ok(strstr(m.invites[0].calendar, "METHOD:REQUEST") &&
		strstr(m.invites[0].calendar, "UID:convocation-11@egoc.example"), "with the slot's stable UID");
	tap_ok(strstr(m.invites[0].calendar, "SEQUENCE:2") != NULL, "and its sequence");
	tap_ok(strstr(m.invites[1].calendar, "UID:convocation-12@egoc.example") &&
		!strstr(m.invites[1].calendar, "convocation-11@"), "each invitation holds its slot alone");
	tap_ok(strncmp(m.invites[0].subject, "Invitation : Coopération territoriale — jeudi 4 mars 2027, 9 h", 62) == 0,
		"its subject names the half-day");
	tap_ok(m.copy_subject && strncmp(m.copy_subject, "Copie — Anne-Laure Lefèvre-D'Arc : Convocation", 48) == 0,
		"a copy to the requester");
	tap_ok(strstr(m.copy_body, "Vous avez inscrit Anne-Laure") != NULL, "which says why");

	m = build(a, &c, CONVOCATION_WAITING, NULL);
	tap_ok(strstr(m.body, "au rang 2") != NULL, "the waiting list gives the rank");
	tap_is_int((long)m.n_invites, 0, "and no invitation");
	m = build(a, &c, CONVOCATION_REMINDER, NULL);
	tap_is_int((long)m.n_invites, 0, "the J-2 reminder: no invitation (the calendar is right)");
	m = build(a, &c, CONVOCATION_CANCEL, NULL);
	tap_is_int((long)m.n_invites, 2, "a cancellation: a CANCEL per live slot");
	tap_ok(strcmp(m.invites[0].method, "CANCEL") == 0 && strstr(m.invites[0].calendar, "METHOD:CANCEL") &&
		strstr(m.invites[0].calendar, "STATUS:CANCELLED"), "METHOD:CANCEL, STATUS:CANCELLED");
	m = build(a, &c, CONVOCATION_UPDATE, "13");
	tap_is_int((long)m.n_invites, 1, "a withdrawn slot: one invitation");
	tap_ok(strstr(m.invites[0].calendar, "UID:convocation-13@") && strstr(m.invites[0].calendar, "METHOD:CANCEL"),
		"its CANCEL");
	c.registration_version = 3;
	m = build(a, &c, CONVOCATION_UPDATE, NULL);
	tap_ok(strstr(m.invites[0].calendar, "SEQUENCE:5") != NULL, "a registration's changes raise the sequence");

	char title[400];
	memset(title, 'x', 299);
	title[299] = '\0';
	c = sample();
	c.course_title = title;
	m = build(a, &c, CONVOCATION_PROMOTED, NULL);
	tap_ok(strlen(m.subject) < 150 && strlen(m.copy_subject) < 300, "a 300-character title keeps subjects short");
	c.email = "";
	c.requester_email = "";
	m = build(a, &c, CONVOCATION_INVITE, NULL);
	tap_ok(m.n_invites == 0 && m.copy_subject == NULL, "no address: no invitation; no requester: no copy");
	arena_free(a);
	return tap_done();
}
