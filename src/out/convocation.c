#include "out/convocation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "out/ical.h"
#include "rules/calendar_fr.h"
#include "rules/richtext.h"
#include "rules/slot_time.h"

#define CALENDAR_MAX (256 * 1024)

const char *convocation_uid(struct arena *a, const char *slot_id, const char *organizer_email)
{
	const char *at = strchr(organizer_email, '@');
	return arena_printf(a, "convocation-%s@%s", slot_id, at ? at + 1 : "formations.egoc");
}

/* "mardi 12 janvier 2027, 9 h 30 – 12 h 30" */
static const char *slot_when(struct arena *a, const struct convocation_slot *s)
{
	struct civil_date d;
	char day[CAL_LONG_FR_BUF], from[SLOT_TIME_FR_BUF], to[SLOT_TIME_FR_BUF];
	int start, end;
	if (cal_parse_date(s->day, &d) != 0 || cal_format_long_fr(d, day, sizeof(day)) != 0 ||
			slot_parse_time(s->start, &start) != 0 || slot_parse_time(s->end, &end) != 0 ||
			slot_format_time_fr(start, from, sizeof(from)) != 0 ||
			slot_format_time_fr(end, to, sizeof(to)) != 0)
		return s->day;
	return arena_printf(a, "%s, %s – %s", day, from, to);
}

static int live(const struct convocation_slot *s)
{
	return !s->cancelled;
}

/* The slots as lines: when, programme, room, trainers. */
static const char *slot_lines(struct arena *a, const struct convocation *c)
{
	const char *out = "";
	for (size_t i = 0; out && i < c->n_slots; i++) {
		const struct convocation_slot *s = &c->slots[i];
		if (!live(s))
			continue;
		const char *prog = *s->module_label || *s->day_label ? arena_printf(a, "\n    %s%s%s",
			s->module_label, *s->module_label && *s->day_label ? " · " : "", s->day_label) : "";
		const char *where = s->remote ? "\n    À distance (classe virtuelle)" :
			*s->room ? arena_printf(a, "\n    Salle : %s", s->room) : "";
		const char *who = *s->trainers ? arena_printf(a, "\n    Formateur(s) : %s", s->trainers) : "";
		out = arena_printf(a, "%s- %s%s%s%s\n", out, slot_when(a, s), prog ? prog : "",
			where ? where : "", who ? who : "");
	}
	return out;
}

static const char *place_text(struct arena *a, const struct convocation *c)
{
	if (!*c->place_name)
		return "Lieu : il vous sera précisé avant la formation.\n";
	return arena_printf(a, "Lieu : %s\n%s%s%s%s%s%s", c->place_name,
		*c->place_address ? c->place_address : "", *c->place_address ? "\n" : "",
		*c->place_city ? c->place_city : "", *c->place_city ? "\n" : "",
		*c->place_access ? arena_printf(a, "Accès : %s\n", c->place_access) : "",
		*c->place_accessibility ? arena_printf(a, "Accessibilité : %s\n", c->place_accessibility) : "");
}

/* Everything a participant needs to come, in the order they look for it. */
static const char *practical(struct arena *a, const struct convocation *c, const char *page)
{
	const char *lines = slot_lines(a, c), *place = place_text(a, c);
	if (!lines || !place)
		return NULL;
	return arena_printf(a,
		"Formation : %s\n\n"
		"Dates et horaires (heure de Paris) :\n%s\n"
		"%s\n"
		"%s%s%s"
		"Ce qu'il faut apporter : de quoi prendre des notes ; les supports vous sont remis.\n\n"
		"Règlement intérieur : %s\n\n"
		"Besoin d'un aménagement lié à un handicap ? Dites-le sur votre page, ou écrivez à %s : "
		"le référent handicap étudie chaque demande avant la formation.\n\n"
		"Votre page personnelle (dates, lieu, programme, agenda, « je ne pourrai pas venir ») :\n%s\n",
		c->course_title, lines, place,
		*c->prerequisites ? "Prérequis : " : "", c->prerequisites, *c->prerequisites ? "\n\n" : "",
		c->rules_text, c->accessibility_contact, page);
}

static struct ical_event slot_event(struct arena *a, const struct convocation *c,
		const struct convocation_slot *s, const char *organizer_email, const char *page,
		int64_t now, int cancel)
{
	const char *location = *c->place_name ? arena_printf(a, "%s%s%s", c->place_name,
		*c->place_address ? ", " : "", c->place_address) : "";
	const char *room = s->remote ? "À distance" : *s->room && location ?
		arena_printf(a, "%s%s%s", location, *location ? " · " : "", s->room) : location;
	return (struct ical_event){
		.uid = convocation_uid(a, s->id, organizer_email),
		.summary = c->course_title,
		.description = arena_printf(a, "%s%s%s%sVotre page : %s", s->module_label,
			*s->module_label && *s->day_label ? " · " : "", s->day_label,
			*s->module_label || *s->day_label ? "\n" : "", page),
		.location = room ? room : "", .url = page,
		.start_utc = s->start_utc, .end_utc = s->end_utc, .stamp_utc = now,
		.last_modified_utc = now,
		/* the registration's own changes count too: a cancelled then renewed
		 * registration must win over its CANCEL */
		.sequence = s->sequence + c->registration_version,
		.status = cancel ? ICAL_CANCELLED : ICAL_CONFIRMED,
	};
}

/* The invitation mail of one slot. */
static int invite_of(struct arena *a, const struct convocation *c, const struct convocation_slot *s,
		int cancel, const char *title, const char *organizer_name, const char *organizer_email,
		const char *page, int64_t now, struct convocation_invite *out)
{
	struct ical_event ev = slot_event(a, c, s, organizer_email, page, now, cancel);
	struct ical_invitation inv = {
		.method = cancel ? ICAL_CANCEL : ICAL_REQUEST,
		.organizer_name = organizer_name, .organizer_email = organizer_email,
		.attendee_name = arena_printf(a, "%s %s", c->first_name, c->last_name),
		.attendee_email = c->email, .events = &ev, .n = 1,
	};
	const char *when = slot_when(a, s);
	if (!inv.attendee_name || !when || !ev.uid || !ev.description)
		return -1;
	struct buf b;
	buf_init(&b, CALENDAR_MAX);
	int rc = ical_write_invitation(&b, &inv);
	*out = (struct convocation_invite){ .slot_id = s->id, .method = cancel ? "CANCEL" : "REQUEST",
		.calendar = rc == 0 ? arena_strndup(a, b.data, b.len) : NULL,
		.subject = arena_printf(a, "%s : %s — %s", cancel ? "Créneau annulé" : "Invitation", title, when),
		.body = arena_printf(a, "Bonjour %s %s,\n\n%s le créneau du %s de la formation « %s »%s.\n\n"
			"%s\n\nVotre page : %s\n\nL'équipe formation de l'EGOC\n", c->first_name, c->last_name,
			cancel ? "Ce message retire de votre agenda" : "Ce message ajoute à votre agenda (ou y met à jour)",
			when, c->course_title, cancel ? ", qui n'a plus lieu pour vous" : "",
			cancel ? "Votre agenda le retire en ouvrant ce message." :
			"Votre convocation, avec tous les détails pratiques, vous est adressée dans un message à part.",
			page) };
	buf_free(&b);
	return rc == 0 && out->calendar && out->subject && out->body ? 0 : -1;
}

/* Invitations for the live slots (or the one withdrawn, only). */
static int invites(struct arena *a, const struct convocation *c, const char *only, int cancel,
		const char *title, const char *organizer_name, const char *organizer_email,
		const char *page, int64_t now, struct convocation_mail *out)
{
	if (!*c->email || c->n_slots == 0)
		return 0;
	struct convocation_invite *inv = arena_calloc(a, c->n_slots, sizeof(*inv));
	if (!inv)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < c->n_slots; i++) {
		const struct convocation_slot *s = &c->slots[i];
		if (only ? strcmp(s->id, only) != 0 : !live(s))
			continue;
		if (invite_of(a, c, s, cancel, title, organizer_name, organizer_email, page, now, &inv[k++]) != 0)
			return -1;
	}
	out->invites = inv;
	out->n_invites = k;
	return 0;
}

static const char *greeting(struct arena *a, const struct convocation *c)
{
	return arena_printf(a, "Bonjour %s %s,\n\n", c->first_name, c->last_name);
}

static const char *signature(void)
{
	return "\nL'équipe formation de l'EGOC\n02 99 29 82 42 ou 02 99 29 82 43\n";
}

int convocation_build(struct arena *a, const struct convocation *c, enum convocation_kind kind,
		const char *cancelled_slot, const char *base_url, const char *organizer_name,
		const char *organizer_email, int64_t now, struct convocation_mail *out)
{
	*out = (struct convocation_mail){ 0 };
	const char *page = arena_printf(a, "%s/participant/%s", base_url, c->token);
	const char *hello = greeting(a, c), *details = page ? practical(a, c, page) : NULL;
	if (!page || !hello || !details)
		return -1;
	/* a subject stays short enough to read in a list of mails (and within
	 * the outbox's 300 characters, copy included) */
	char title[400];
	richtext_shorten(c->course_title, 90, title, sizeof(title));
	const char *lead = NULL;
	int cancel = 0, with_calendar = 1;  /* the J-2 reminder and the waiting list: none */
	const char *only = NULL;
	switch (kind) {
	case CONVOCATION_INVITE:
		out->subject = arena_printf(a, "Convocation : %s", title);
		lead = "Votre inscription est confirmée. Vous êtes convoqué(e) à la formation ci-dessous. "
			"Chaque créneau vous parvient aussi dans un message d'invitation, qui l'ajoute à votre agenda.\n\n";
		break;
	case CONVOCATION_PROMOTED:
		out->subject = arena_printf(a, "Une place s'est libérée : %s", title);
		lead = "Une place s'est libérée : vous quittez la liste d'attente et votre inscription est "
			"confirmée. Vous êtes convoqué(e) à la formation ci-dessous ; chaque créneau vous parvient "
			"aussi dans un message d'invitation, qui l'ajoute à votre agenda.\n\n";
		break;
	case CONVOCATION_REMINDER:
		out->subject = arena_printf(a, "Rappel : votre formation commence bientôt, %s", title);
		lead = "Nous vous attendons dans deux jours. Voici de nouveau ce qu'il faut savoir.\n\n";
		with_calendar = 0;
		break;
	case CONVOCATION_UPDATE:
		out->subject = arena_printf(a, "Changement de programme : %s", title);
		lead = cancelled_slot ? "Un créneau de votre formation est annulé. Voici les dates qui "
			"restent ; votre agenda retire le créneau annulé.\n\n" :
			"Les dates, les horaires ou le lieu de votre formation ont changé. Voici ce qui vaut "
			"désormais ; les invitations qui suivent mettent votre agenda à jour.\n\n";
		only = cancelled_slot;
		cancel = cancelled_slot != NULL;
		break;
	case CONVOCATION_CANCEL:
		out->subject = arena_printf(a, "Annulation : %s", title);
		lead = "Vous n'êtes plus inscrit(e) aux dates ci-dessous de cette formation ; votre agenda "
			"les retire (un message par créneau). Si vous avez été inscrit(e) à une autre session, "
			"sa convocation vous parvient à part ; sinon, répondez à ce message pour vous inscrire "
			"à une autre date.\n\n";
		cancel = 1;
		details = arena_printf(a, "Formation : %s\n\nDates annulées :\n%s", c->course_title,
			slot_lines(a, c));
		break;
	case CONVOCATION_WAITING:
		out->subject = arena_printf(a, "Liste d'attente : %s", title);
		lead = arena_printf(a, "La session est complète : vous êtes sur la liste d'attente, au "
			"rang %s. Si une place se libère, vous recevrez aussitôt votre convocation.\n\n",
			*c->waiting_rank ? c->waiting_rank : "?");
		with_calendar = 0;
		break;
	}
	if (!out->subject || !lead || !details)
		return -1;
	out->body = arena_printf(a, "%s%s%s%s", hello, lead, details, signature());
	if (!out->body)
		return -1;
	if (with_calendar && invites(a, c, only, cancel, title, organizer_name, organizer_email, page,
			now, out) != 0)
		return -1;
	if (*c->requester_email) {
		char who[300];
		const char *name = arena_printf(a, "%s %s", c->first_name, c->last_name);
		richtext_shorten(name ? name : "", 60, who, sizeof(who));
		out->copy_subject = arena_printf(a, "Copie — %s : %s", who, out->subject);
		out->copy_body = arena_printf(a, "Bonjour,\n\nVous avez inscrit %s %s : voici, pour "
			"information, le message que nous venons de lui adresser.\n\n---\n\n%s", c->first_name,
			c->last_name, out->body);
		if (!out->copy_subject || !out->copy_body)
			return -1;
	}
	return 0;
}
