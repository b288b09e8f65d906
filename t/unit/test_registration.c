/* The registration rules: every status and action, seats, the waiting list
 * after every kind of change, the go/no-go window, the requester's closing
 * date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "rules/registration.h"
#include "tap.h"

static struct civil_date D(int y, int m, int d)
{
	struct civil_date c = { y, m, d };
	return c;
}

static const char *const names[REG_STATUS_COUNT] = { "demandee", "confirmee", "attente", "annulee", "excusee" };
static const char *const labels[REG_STATUS_COUNT] = { "Demandée", "Confirmée", "Liste d'attente", "Annulée", "Excusée" };

static void statuses(void)
{
	for (int i = 0; i < REG_STATUS_COUNT; i++) {
		enum registration_status s = (enum registration_status)i, parsed = REG_EXCUSEE;
		tap_is_str(registration_status_name(s), names[i], "SQL code of status %d", i);
		tap_ok(registration_status_parse(names[i], &parsed) == 0 && parsed == s, "parse %s", names[i]);
		tap_is_str(registration_status_label_fr(s), labels[i], "French label of %s", names[i]);
		tap_is_int(registration_is_active(s), i <= REG_ATTENTE, "%s %s", names[i],
				i <= REG_ATTENTE ? "counts as registered" : "frees the seat");
	}
	enum registration_status s = REG_ATTENTE;
	tap_ok(registration_status_parse("Confirmee", &s) == -1 && s == REG_ATTENTE, "codes are exact (case)");
	tap_ok(registration_status_parse("confirmée", &s) == -1, "codes have no accents");
	tap_ok(registration_status_parse("", &s) == -1, "empty code");
	tap_ok(registration_status_parse(NULL, &s) == -1, "NULL code");
	tap_ok(registration_status_name((enum registration_status)REG_STATUS_COUNT) == NULL, "name out of the enum");
	tap_ok(registration_status_label_fr((enum registration_status)-1) == NULL, "label out of the enum");
	tap_ok(!registration_is_active((enum registration_status)REG_STATUS_COUNT), "out of the enum is not active");
}

/* The whole table: rc and the status after, for every (from, action). */
static void transitions(void)
{
	enum { D_ = REG_DEMANDEE, C_ = REG_CONFIRMEE, A_ = REG_ATTENTE, N_ = REG_ANNULEE, E_ = REG_EXCUSEE };
	static const struct { int rc, to; } table[REG_STATUS_COUNT][REG_ACTION_COUNT] = {
		/*              confirm     waitlist    cancel      excuse      promote     move */
		[REG_DEMANDEE] = { { 0, C_ }, { 0, A_ }, { 0, N_ }, { -1, 0 }, { -1, 0 }, { 0, D_ } },
		[REG_CONFIRMEE] = { { 1, C_ }, { -1, 0 }, { 0, N_ }, { 0, E_ }, { 1, C_ }, { 0, C_ } },
		[REG_ATTENTE] = { { 0, C_ }, { 1, A_ }, { 0, N_ }, { -1, 0 }, { 0, C_ }, { 0, A_ } },
		[REG_ANNULEE] = { { -1, 0 }, { -1, 0 }, { 1, N_ }, { -1, 0 }, { -1, 0 }, { -1, 0 } },
		[REG_EXCUSEE] = { { -1, 0 }, { -1, 0 }, { -1, 0 }, { 1, E_ }, { -1, 0 }, { -1, 0 } },
	};
	for (int f = 0; f < REG_STATUS_COUNT; f++)
		for (int a = 0; a < REG_ACTION_COUNT; a++) {
			enum registration_status to = (enum registration_status)99;
			const char *why = "unset";
			const char *act = registration_action_name((enum registration_action)a);
			int rc = registration_transition((enum registration_status)f, (enum registration_action)a,
					&to, &why);
			tap_is_int(rc, table[f][a].rc, "%s from %s: %s", act, names[f],
					table[f][a].rc == 0 ? "allowed" : table[f][a].rc == 1 ? "nothing to do" : "refused");
			if (table[f][a].rc >= 0)
				tap_is_int(to, table[f][a].to, "  %s from %s leads to %s", act, names[f],
						names[table[f][a].to]);
			else
				tap_is_int(to, 99, "  a refusal leaves the status untouched");
			if (table[f][a].rc == 0)
				tap_ok(why == NULL, "  no sentence when allowed");
			else
				tap_ok(why && strlen(why) > 20 && why[strlen(why) - 1] == '.',
						"  a French sentence says why: %s", why ? why : "(null)");
			/* to and refusal_fr may be NULL. */
			tap_is_int(registration_transition((enum registration_status)f, (enum registration_action)a,
						NULL, NULL), table[f][a].rc, "  same answer without out parameters");
		}
	const char *why;
	enum registration_status to;
	registration_transition(REG_ANNULEE, REG_ACT_CONFIRM, &to, &why);
	tap_is_str(why, "Cette inscription est annulée : inscrivez à nouveau la personne.",
			"a cancelled registration cannot be confirmed");
	tap_ok(registration_transition(REG_ANNULEE, REG_ACT_CANCEL, &to, &why) == 1 && strstr(why, "déjà annulée"),
			"a second cancel is harmless: %s", why);
	tap_ok(registration_transition(REG_CONFIRMEE, REG_ACT_WAITLIST, &to, &why) == -1 && strstr(why, "Annulez"),
			"a confirmed person is not sent back to the waiting list: %s", why);
	tap_ok(registration_transition(REG_DEMANDEE, REG_ACT_EXCUSE, &to, &why) == -1 && strstr(why, "confirmée"),
			"only a confirmed registration is excused: %s", why);
	tap_ok(registration_transition((enum registration_status)REG_STATUS_COUNT, REG_ACT_CONFIRM, &to, &why) == -1
			&& why, "status out of the enum refused");
	tap_ok(registration_transition(REG_DEMANDEE, (enum registration_action)REG_ACTION_COUNT, &to, &why) == -1
			&& why, "action out of the enum refused");
	tap_ok(registration_action_name((enum registration_action)REG_ACTION_COUNT) == NULL, "action name out of the enum");
	static const char *const acts[] = { "confirm", "waitlist", "cancel", "excuse", "promote", "move" };
	for (int a = 0; a < REG_ACTION_COUNT; a++)
		tap_is_str(registration_action_name((enum registration_action)a), acts[a], "name of action %d", a);
}

static void origins_and_reasons(void)
{
	static const char *const on[] = { "equipe", "demandeur", "participant" };
	static const char *const ol[] = { "par l'équipe", "par le demandeur", "par le participant" };
	for (int i = 0; i < REG_ORIGIN_COUNT; i++) {
		enum registration_origin o = (enum registration_origin)i, parsed = REG_BY_STAFF;
		tap_is_str(registration_origin_name(o), on[i], "name of origin %d", i);
		tap_is_str(registration_origin_label_fr(o), ol[i], "label of origin %d", i);
		tap_ok(registration_origin_parse(on[i], &parsed) == 0 && parsed == o, "parse origin %s", on[i]);
	}
	enum registration_origin o;
	tap_ok(registration_origin_parse("Equipe", &o) == -1 && registration_origin_parse(NULL, &o) == -1,
			"origin names are exact");
	tap_ok(registration_origin_name((enum registration_origin)REG_ORIGIN_COUNT) == NULL &&
			registration_origin_label_fr((enum registration_origin)-1) == NULL, "origin out of the enum");

	char msg[128];
	tap_ok(registration_reason_check("Malade", msg, sizeof(msg)) == NULL, "a reason");
	tap_ok(registration_reason_check("Mutation.\nRemplacée par sa collègue.", msg, sizeof(msg)) == NULL,
			"a reason on several lines");
	tap_is_str(registration_reason_check("", msg, sizeof(msg)), "Indiquez la raison de l'annulation.",
			"an empty reason");
	tap_is_str(registration_reason_check(NULL, msg, sizeof(msg)), "Indiquez la raison de l'annulation.",
			"a NULL reason");
	tap_ok(registration_reason_check("a\x01z", msg, sizeof(msg)) != NULL, "a control character in a reason");
	char *lng = malloc(REG_REASON_MAX + 2);
	memset(lng, 'e', REG_REASON_MAX);
	lng[REG_REASON_MAX] = '\0';
	tap_ok(registration_reason_check(lng, msg, sizeof(msg)) == NULL, "a reason of 1000 characters");
	lng[REG_REASON_MAX] = 'e';
	lng[REG_REASON_MAX + 1] = '\0';
	const char *m = registration_reason_check(lng, msg, sizeof(msg));
	tap_ok(m && strstr(m, "1 000"), "a reason of 1001 characters: %s", m ? m : "(null)");
	free(lng);
}

static void seats(void)
{
	struct { long confirmed, max; enum registration_status want; } cases[] = {
		{ 0, 12, REG_CONFIRMEE }, { 11, 12, REG_CONFIRMEE }, { 12, 12, REG_ATTENTE },
		{ 13, 12, REG_ATTENTE }, { 0, 1, REG_CONFIRMEE }, { 1, 1, REG_ATTENTE },
		{ 0, 0, REG_ATTENTE }, { 0, -1, REG_ATTENTE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_is_int(registration_place(cases[i].confirmed, cases[i].max), cases[i].want,
				"%ld confirmed of %ld: %s", cases[i].confirmed, cases[i].max, names[cases[i].want]);
	tap_is_int(registration_moved_status(REG_DEMANDEE, 0, 12), REG_DEMANDEE, "moved demandee stays demandee");
	tap_is_int(registration_moved_status(REG_DEMANDEE, 12, 12), REG_DEMANDEE, "  even to a full session");
	tap_is_int(registration_moved_status(REG_CONFIRMEE, 3, 12), REG_CONFIRMEE, "moved confirmee, seat free");
	tap_is_int(registration_moved_status(REG_CONFIRMEE, 12, 12), REG_ATTENTE, "moved confirmee, target full");
	tap_is_int(registration_moved_status(REG_ATTENTE, 3, 12), REG_CONFIRMEE, "moved attente, seat free");
	tap_is_int(registration_moved_status(REG_ATTENTE, 12, 12), REG_ATTENTE, "moved attente, target full");
	tap_is_int(registration_moved_status(REG_ANNULEE, 0, 12), REG_ANNULEE, "annulee is returned as it is");
}

/* "3 1 2" == the list, and every id has rank index + 1, no id twice. */
static int list_is(const struct waitlist *w, const char *want)
{
	char got[256] = "";
	size_t len = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (waitlist_rank(w, w->ids[i]) != i + 1)
			return 0;
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%lld", i ? " " : "", w->ids[i]);
	}
	if (strcmp(got, want) != 0) {
		printf("#   list:     '%s'\n#   expected: '%s'\n", got, want);
		return 0;
	}
	return 1;
}

static void waiting_list(void)
{
	long long ids[5], promoted = -1;
	struct waitlist w = { ids, 0, 5 };

	/* Empty list. */
	tap_ok(list_is(&w, ""), "empty list");
	tap_is_int(waitlist_rank(&w, 7), 0, "empty: no rank");
	tap_is_int(waitlist_promote(&w, &promoted), 1, "empty: nobody to promote");
	tap_is_int(promoted, 0, "  promoted id 0");
	tap_is_int(waitlist_remove(&w, 7), -1, "empty: remove unknown");
	tap_is_int(waitlist_move_to(&w, 7, 1), -1, "empty: move unknown");
	tap_is_int(waitlist_move_up(&w, 7), -1, "empty: up unknown");
	tap_is_int(waitlist_move_down(&w, 7), -1, "empty: down unknown");
	tap_ok(list_is(&w, ""), "  still empty");

	/* One element. */
	tap_is_int(waitlist_append(&w, 10), 0, "append 10");
	tap_ok(list_is(&w, "10"), "  10 has rank 1");
	tap_is_int(waitlist_move_to(&w, 10, 1), 1, "one: move to its own rank");
	tap_is_int(waitlist_move_to(&w, 10, 2), -1, "one: rank 2 out of range");
	tap_is_int(waitlist_move_to(&w, 10, 0), -1, "one: rank 0 out of range");
	tap_is_int(waitlist_move_up(&w, 10), 1, "one: up, already first");
	tap_is_int(waitlist_move_down(&w, 10), 1, "one: down, already last");
	tap_ok(list_is(&w, "10"), "  unchanged");
	tap_is_int(waitlist_append(&w, 10), -1, "append an id already there");
	tap_ok(list_is(&w, "10"), "  unchanged");
	tap_is_int(waitlist_append(&w, 0), -1, "append id 0");
	tap_is_int(waitlist_append(&w, -3), -1, "append a negative id");
	tap_is_int(waitlist_promote(&w, &promoted), 0, "one: promote");
	tap_is_int(promoted, 10, "  10 promoted");
	tap_ok(list_is(&w, ""), "  list empty again");

	/* Append at the end, up to the capacity. */
	for (long long id = 1; id <= 5; id++)
		waitlist_append(&w, id * 10);
	tap_ok(list_is(&w, "10 20 30 40 50"), "append five: ranks 1..5 in order");
	tap_is_int(waitlist_append(&w, 60), -1, "append past the capacity refused");
	tap_ok(list_is(&w, "10 20 30 40 50"), "  unchanged");
	tap_is_int(waitlist_rank(&w, 40), 4, "rank of 40");
	tap_is_int(waitlist_rank(&w, 41), 0, "rank of an unknown id");

	/* Reorder: move to a rank. */
	tap_is_int(waitlist_move_to(&w, 40, 1), 0, "move 40 to rank 1");
	tap_ok(list_is(&w, "40 10 20 30 50"), "  the others shift down");
	tap_is_int(waitlist_move_to(&w, 40, 5), 0, "move 40 to rank 5");
	tap_ok(list_is(&w, "10 20 30 50 40"), "  the others shift up");
	tap_is_int(waitlist_move_to(&w, 20, 4), 0, "move 20 to rank 4");
	tap_ok(list_is(&w, "10 30 50 20 40"), "  middle to middle, down");
	tap_is_int(waitlist_move_to(&w, 20, 2), 0, "move 20 to rank 2");
	tap_ok(list_is(&w, "10 20 30 50 40"), "  middle to middle, up");
	tap_is_int(waitlist_move_to(&w, 30, 3), 1, "move 30 to its own rank");
	tap_is_int(waitlist_move_to(&w, 30, 6), -1, "rank 6 of 5 out of range");
	tap_is_int(waitlist_move_to(&w, 30, 0), -1, "rank 0 out of range");
	tap_is_int(waitlist_move_to(&w, 30, (size_t)-1), -1, "a huge rank out of range");
	tap_is_int(waitlist_move_to(&w, 99, 1), -1, "move an unknown id");
	tap_ok(list_is(&w, "10 20 30 50 40"), "  unchanged");

	/* Up and down by one. */
	tap_is_int(waitlist_move_up(&w, 40), 0, "40 up");
	tap_ok(list_is(&w, "10 20 30 40 50"), "  40 and 50 swapped");
	tap_is_int(waitlist_move_down(&w, 10), 0, "10 down");
	tap_ok(list_is(&w, "20 10 30 40 50"), "  10 and 20 swapped");
	tap_is_int(waitlist_move_up(&w, 20), 1, "20 up: already first");
	tap_is_int(waitlist_move_down(&w, 50), 1, "50 down: already last");
	tap_is_int(waitlist_move_up(&w, 99), -1, "up: unknown id");
	tap_is_int(waitlist_move_down(&w, 99), -1, "down: unknown id");
	tap_ok(list_is(&w, "20 10 30 40 50"), "  unchanged");

	/* Remove (cancel, move away): first, middle, last. */
	tap_is_int(waitlist_remove(&w, 30), 0, "remove 30 (middle)");
	tap_ok(list_is(&w, "20 10 40 50"), "  no gap: ranks 1..4");
	tap_is_int(waitlist_remove(&w, 50), 0, "remove 50 (last)");
	tap_ok(list_is(&w, "20 10 40"), "  ranks 1..3");
	tap_is_int(waitlist_remove(&w, 20), 0, "remove 20 (first)");
	tap_ok(list_is(&w, "10 40"), "  ranks 1..2");
	tap_is_int(waitlist_remove(&w, 20), -1, "remove 20 again: unknown");
	tap_ok(list_is(&w, "10 40"), "  unchanged");

	/* Promote the first: the next becomes first. */
	tap_is_int(waitlist_append(&w, 60), 0, "append 60 (room again)");
	tap_ok(list_is(&w, "10 40 60"), "  60 at the end");
	tap_is_int(waitlist_promote(&w, &promoted), 0, "promote");
	tap_is_int(promoted, 10, "  the first, 10");
	tap_ok(list_is(&w, "40 60"), "  40 now has rank 1");
	tap_is_int(waitlist_append(&w, 10), 0, "10 comes back at the end");
	tap_ok(list_is(&w, "40 60 10"), "  rank 3");

	/* Large ids (bigint). */
	long long big[2];
	struct waitlist b = { big, 0, 2 };
	waitlist_append(&b, 999999999999999999LL);
	waitlist_append(&b, 1);
	tap_is_int(waitlist_move_up(&b, 1), 0, "bigint ids: up");
	tap_ok(list_is(&b, "1 999999999999999999"), "  bigint ids kept");
}

static void go_no_go(void)
{
	struct civil_date first = D(2026, 3, 16);
	struct civil_date dd = registration_decision_day(first, 10);
	tap_ok(cal_date_compare(dd, D(2026, 3, 6)) == 0, "decision day: 10 days before 16 March is 6 March");
	dd = registration_decision_day(D(2026, 3, 2), 3);
	tap_ok(cal_date_compare(dd, D(2026, 2, 27)) == 0, "across a month end");
	dd = registration_decision_day(D(2028, 3, 1), 1);
	tap_ok(cal_date_compare(dd, D(2028, 2, 29)) == 0, "a leap day");
	dd = registration_decision_day(D(2027, 1, 4), 5);
	tap_ok(cal_date_compare(dd, D(2026, 12, 30)) == 0, "across a year end");
	dd = registration_decision_day(first, 0);
	tap_ok(cal_date_compare(dd, first) == 0, "0 days before: the first day");
	dd = registration_decision_day(first, -4);
	tap_ok(cal_date_compare(dd, first) == 0, "negative days count as 0");

	struct { struct civil_date today; long confirmed, min; int live, want; const char *what; } cases[] = {
		{ { 2026, 3, 5 }, 3, 6, 1, 0, "the day before the decision day" },
		{ { 2026, 3, 6 }, 3, 6, 1, 1, "the decision day itself" },
		{ { 2026, 3, 10 }, 3, 6, 1, 1, "between" },
		{ { 2026, 3, 15 }, 3, 6, 1, 1, "the day before the first day" },
		{ { 2026, 3, 16 }, 3, 6, 1, 1, "the first day" },
		{ { 2026, 3, 17 }, 3, 6, 1, 0, "the day after the first day" },
		{ { 2025, 3, 10 }, 3, 6, 1, 0, "a year before" },
		{ { 2026, 3, 10 }, 5, 6, 1, 1, "one short of the minimum" },
		{ { 2026, 3, 10 }, 6, 6, 1, 0, "at the minimum" },
		{ { 2026, 3, 10 }, 8, 6, 1, 0, "above the minimum" },
		{ { 2026, 3, 10 }, 0, 6, 1, 1, "nobody confirmed" },
		{ { 2026, 3, 10 }, 3, 6, 0, 0, "a cancelled or done session" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_is_int(registration_needs_decision(cases[i].today, first, 10, cases[i].confirmed,
					cases[i].min, cases[i].live), cases[i].want, "needs a decision, %s (%ld of %ld): %s",
				cases[i].what, cases[i].confirmed, cases[i].min, cases[i].want ? "yes" : "no");
	tap_is_int(registration_needs_decision(first, first, 0, 0, 1, 1), 1, "0 days before: only the first day");
	tap_is_int(registration_needs_decision(D(2026, 3, 15), first, 0, 0, 1, 1), 0, "  not the day before");
}

static void requester_closing(void)
{
	struct civil_date first = D(2026, 3, 16), closes = D(2026, 3, 10), late = D(2026, 3, 16);
	tap_ok(registration_open_for_requester(D(2026, 3, 9), &closes, first), "open before the closing date");
	tap_ok(registration_open_for_requester(D(2026, 3, 10), &closes, first), "open on the closing date");
	tap_ok(!registration_open_for_requester(D(2026, 3, 11), &closes, first), "closed the day after it");
	tap_ok(!registration_open_for_requester(D(2026, 3, 16), &closes, first), "closed on the first day");
	tap_ok(registration_open_for_requester(D(2026, 3, 15), NULL, first), "no closing date: open the day before");
	tap_ok(!registration_open_for_requester(D(2026, 3, 16), NULL, first), "  closed on the first day");
	tap_ok(!registration_open_for_requester(D(2026, 3, 20), NULL, first), "  closed after");
	tap_ok(registration_open_for_requester(D(2025, 12, 1), NULL, first), "  open long before");
	tap_ok(registration_open_for_requester(D(2026, 12, 31), NULL, D(2027, 1, 1)), "  across a year end");
	tap_ok(registration_open_for_requester(D(2026, 3, 16), &late, first),
			"a closing date on the first day is honoured as given");
}

/* Parses a C string (len from strlen unless given). */
static int parse(struct arena *a, const char *text, struct pasted_list *l)
{
	return registration_parse_list(a, text, strlen(text), l);
}

static int has(const char *s, const char *part)
{
	int ok = s && strstr(s, part);
	if (!ok)
		printf("#   '%s' does not contain '%s'\n", s ? s : "(null)", part);
	return ok;
}

static void one_person(struct arena *a, const char *what, const char *text, const char *last,
		const char *first, const char *email, const char *job, const char *org)
{
	struct pasted_list l;
	int rc = parse(a, text, &l);
	tap_ok(rc == 0 && l.n == 1 && l.n_wrong == 0 && l.error_fr == NULL, "%s: one person, right", what);
	if (rc != 0 || l.n != 1) {
		printf("#   rc %d, n %zu, error %s\n", rc, l.n, l.error_fr ? l.error_fr : "(null)");
		return;
	}
	if (l.people[0].error_fr)
		printf("#   error: %s\n", l.people[0].error_fr);
	tap_is_str(l.people[0].last_name, last, "  last name");
	tap_is_str(l.people[0].first_name, first, "  first name");
	tap_is_str(l.people[0].email, email, "  email");
	tap_is_str(l.people[0].job_title, job, "  job title");
	tap_is_str(l.people[0].organisation, org, "  organisation");
}

/* The error of the one line of text (NULL when right). */
static const char *line_error(struct arena *a, const char *text)
{
	struct pasted_list l;
	if (parse(a, text, &l) != 0 || l.n != 1)
		return "(not one line)";
	return l.people[0].error_fr;
}

static void pasted_list(void)
{
	struct arena *a = arena_new();
	struct pasted_list l;
	char *big = malloc(64 * 1024);
	size_t len;

	/* 50 lines, one wrong. */
	len = 0;
	for (int i = 1; i <= 50; i++)
		len += (size_t)sprintf(big + len, "Nom%d;Prénom%d;p%d@%s;Conseiller;CAF 35\n", i, i, i,
				i == 37 ? "caf" : "caf.fr");
	tap_is_int(parse(a, big, &l), 0, "50 lines: read");
	tap_is_int(l.n, 50, "  50 people");
	tap_is_int(l.n_wrong, 1, "  one wrong");
	static const struct pasted_person none[50];
	const struct pasted_person *pp = l.n == 50 ? l.people : none; /* fail below, not crash */
	int others_right = l.n == 50;
	for (size_t i = 0; i < 50; i++)
		if (i != 36 && pp[i].error_fr)
			others_right = 0;
	tap_ok(others_right, "  the 49 others are right");
	tap_is_int(pp[36].line, 37, "  the wrong one is line 37");
	tap_ok(has(pp[36].error_fr, "Email (colonne 3) : indiquez une adresse électronique valide"),
			"  its error names the column and says what is wrong");
	tap_is_str(pp[36].raw, "Nom37;Prénom37;p37@caf;Conseiller;CAF 35", "  the line is shown back");
	tap_is_str(pp[36].last_name, "Nom37", "  its columns are read all the same");
	tap_is_str(pp[49].email, "p50@caf.fr", "  the last person");
	tap_is_int(pp[49].line, 50, "  on line 50");

	/* 200 and 201 people. */
	len = 0;
	for (int i = 1; i <= 200; i++)
		len += (size_t)sprintf(big + len, "Nom%d\tPrénom%d\tp%d@caf.fr\n", i, i, i);
	tap_is_int(parse(a, big, &l), 0, "200 lines: read");
	tap_ok(l.n == 200 && l.n_wrong == 0 && l.error_fr == NULL, "  200 people, all right");
	sprintf(big + len, "Nom201\tPrénom201\tp201@caf.fr\n");
	tap_is_int(parse(a, big, &l), 1, "201 lines: the whole list is refused");
	tap_is_str(l.error_fr, "La liste compte plus de 200 personnes : collez-la en plusieurs fois.",
			"  the French message");
	tap_ok(l.n == 0 && l.people == NULL && l.n_wrong == 0, "  nobody is kept");
	len = (size_t)sprintf(big, "Nom;Prénom;Email\n\n");
	for (int i = 1; i <= 200; i++)
		len += (size_t)sprintf(big + len, "Nom%d;Prénom%d;p%d@caf.fr\r\n\r\n", i, i, i);
	tap_is_int(parse(a, big, &l), 0, "a header, blank lines and 200 people: read");
	tap_is_int(l.n, 200, "  the header and blank lines are not counted");
	tap_is_int(l.n == 200 ? l.people[199].line : -1, 2 + 200 * 2 - 1, "  line numbers count them");
	len = 0;
	for (int i = 1; i <= 201; i++)
		len += (size_t)sprintf(big + len, "Nom%d;;p%d@caf.fr\n", i, i);
	tap_is_int(parse(a, big, &l), 1, "201 lines, wrong ones included: refused");

	/* Separators. */
	one_person(a, "semicolons", "Dupont;Jean;jean.dupont@caf.fr;Conseiller;CAF 35",
			"Dupont", "Jean", "jean.dupont@caf.fr", "Conseiller", "CAF 35");
	one_person(a, "tabs", "Dupont\tJean\tjean.dupont@caf.fr\tConseiller\tCAF 35",
			"Dupont", "Jean", "jean.dupont@caf.fr", "Conseiller", "CAF 35");
	one_person(a, "tabs, a semicolon in a field", "Lefèvre; D'Arc\tJeanne\tj@caf.fr\tAgent; accueil",
			"Lefèvre; D'Arc", "Jeanne", "j@caf.fr", "Agent; accueil", "");
	one_person(a, "spaces around", "  Dupont ;  Jean ; JEAN.Dupont@CAF.FR  ; Conseiller ;  CAF 35  ",
			"Dupont", "Jean", "jean.dupont@caf.fr", "Conseiller", "CAF 35");
	one_person(a, "no-break spaces around", "\xC2\xA0" "Dupont\xC2\xA0;Jean;j@caf.fr",
			"Dupont", "Jean", "j@caf.fr", "", "");
	one_person(a, "three columns", "Dupont;Jean;j@caf.fr", "Dupont", "Jean", "j@caf.fr", "", "");
	one_person(a, "four columns", "Dupont;Jean;j@caf.fr;Conseiller", "Dupont", "Jean", "j@caf.fr",
			"Conseiller", "");
	one_person(a, "empty job title", "Dupont;Jean;j@caf.fr;;CAF 35", "Dupont", "Jean", "j@caf.fr", "", "CAF 35");
	one_person(a, "empty columns after the fifth", "Dupont;Jean;j@caf.fr;Conseiller;CAF;;;",
			"Dupont", "Jean", "j@caf.fr", "Conseiller", "CAF");
	one_person(a, "empty tab columns after the fifth", "Dupont\tJean\tj@caf.fr\t\t\t\t",
			"Dupont", "Jean", "j@caf.fr", "", "");

	/* Quotes. */
	one_person(a, "Excel quotes a field with the separator", "\"Lefèvre; D'Arc\";Jeanne;j@caf.fr",
			"Lefèvre; D'Arc", "Jeanne", "j@caf.fr", "", "");
	one_person(a, "quoted fields everywhere", "\"Dupont\";\"Jean\";\"j@caf.fr\";\"Conseiller\";\"CAF\"",
			"Dupont", "Jean", "j@caf.fr", "Conseiller", "CAF");
	one_person(a, "doubled quotes inside", "\"Le \"\"Grand\"\"\";Jean;j@caf.fr",
			"Le \"Grand\"", "Jean", "j@caf.fr", "", "");
	one_person(a, "spaces inside and outside quotes", "  \" Dupont \"  ; Jean;j@caf.fr",
			"Dupont", "Jean", "j@caf.fr", "", "");
	tap_ok(has(line_error(a, "\"Martin\tX\"\tJean\tj@caf.fr"), "Nom (colonne 1) : ce champ tient sur une seule ligne"),
			"a quoted field holding a tab is one field, and a wrong one");
	one_person(a, "a quote inside an unquoted field is kept", "Du\"pont;Jean;j@caf.fr",
			"Du\"pont", "Jean", "j@caf.fr", "", "");
	one_person(a, "an empty quoted job title", "Dupont;Jean;j@caf.fr;\"\";CAF",
			"Dupont", "Jean", "j@caf.fr", "", "CAF");
	tap_ok(has(line_error(a, "\"Dupont;Jean;j@caf.fr"), "Nom (colonne 1) : le guillemet ouvert n'est pas fermé."),
			"a quote left open");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;\"Conseiller"), "Fonction (colonne 4) : le guillemet"),
			"a quote left open in column 4");
	tap_ok(has(line_error(a, "\"Dupont\" Martin;Jean;j@caf.fr"), "Nom (colonne 1) : du texte suit le guillemet"),
			"text after a closing quote");

	/* Names kept exactly. */
	one_person(a, "accents and apostrophes", "Lefèvre-D'Arc;Éloïse;eloise.lefevre@caf.fr;Référente;Caf d'Ille-et-Vilaine",
			"Lefèvre-D'Arc", "Éloïse", "eloise.lefevre@caf.fr", "Référente", "Caf d'Ille-et-Vilaine");
	one_person(a, "N'Diaye", "N'Diaye;Aminata;a.ndiaye@caf.fr", "N'Diaye", "Aminata", "a.ndiaye@caf.fr", "", "");
	one_person(a, "de La Tour", "de La Tour;Henri;h@caf.fr", "de La Tour", "Henri", "h@caf.fr", "", "");
	one_person(a, "a typographic apostrophe", "O\xE2\x80\x99" "Brien;Seán;s@caf.fr", "O\xE2\x80\x99" "Brien",
			"Seán", "s@caf.fr", "", "");
	one_person(a, "an internationalised domain", "Dupont;Jean;Jean@Exemple-Café.fr", "Dupont", "Jean",
			"jean@exemple-café.fr", "", "");

	/* Headers. */
	static const char *const headers[] = {
		"Nom;Prénom;Email", "NOM;PRÉNOM;EMAIL", "nom;prenom;email", "Nom\tPrénom\tE-mail\tFonction\tOrganisme",
		"Nom;Prénom;Courriel;Fonction;Organisme", "\"Nom\";\"Prénom\";\"Adresse électronique\"",
		" Nom ; Prenom ; Mail ", "Nom de famille;Prénom;Adresse e-mail", "NOM;PRENOM;MÉL",
	};
	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		char text[256];
		snprintf(text, sizeof(text), "%s\nDupont;Jean;j@caf.fr\n", headers[i]);
		tap_ok(parse(a, text, &l) == 0 && l.n == 1 && l.n_wrong == 0 && l.people[0].line == 2,
				"header %zu skipped", i);
	}
	tap_ok(parse(a, "\n  \n;;;\nNom;Prénom;Email\nDupont;Jean;j@caf.fr\n", &l) == 0 && l.n == 1 &&
			l.people[0].line == 5 && !l.people[0].error_fr, "a header after blank lines is skipped");
	tap_ok(parse(a, "Dupont;Jean;j@caf.fr\nNom;Prénom;Email\n", &l) == 0 && l.n == 2 && l.n_wrong == 1 &&
			l.people[1].error_fr, "a header on the second line is a wrong line");
	tap_is_int(parse(a, "Prénom;Nom;Email\nJean;Dupont;j@caf.fr\n", &l), 1, "a swapped header refuses the list");
	tap_ok(has(l.error_fr, "Prénom puis Nom"), "  and says why");
	tap_ok(parse(a, "Nom;Prénom;Email\n", &l) == 1 && has(l.error_fr, "La liste est vide"),
			"a header alone: an empty list");
	tap_ok(parse(a, "Nom;Prénom;Téléphone\nDupont;Jean;j@caf.fr\n", &l) == 0 && l.n == 2 && l.n_wrong == 1,
			"another third title is not a header");

	/* Line ends. */
	tap_ok(parse(a, "Dupont;Jean;j@caf.fr\r\nMartin;Paul;p@caf.fr\r\n", &l) == 0 && l.n == 2 &&
			l.n_wrong == 0, "CRLF line ends");
	tap_ok(l.n == 2 && l.people[1].line == 2 && strcmp(l.people[1].raw, "Martin;Paul;p@caf.fr") == 0 &&
			strcmp(l.people[0].email, "j@caf.fr") == 0, "  no CR left in the raw line or the last column");
	tap_ok(parse(a, "Dupont;Jean;j@caf.fr\rMartin;Paul;p@caf.fr", &l) == 0 && l.n == 2 && l.n_wrong == 0 &&
			l.people[1].line == 2, "CR line ends, no final line end");
	tap_ok(parse(a, "Dupont;Jean;j@caf.fr\r\n\r\n\nMartin;Paul;p@caf.fr\n", &l) == 0 && l.n == 2 &&
			l.people[1].line == 4, "mixed line ends and blank lines: line numbers as pasted");
	tap_ok(parse(a, "Dupont\tJean\tj@caf.fr\r\nMartin;Paul;p@caf.fr\r\n", &l) == 0 && l.n == 2 &&
			l.n_wrong == 0, "the separator is chosen per line");
	tap_ok(parse(a, "\xEF\xBB\xBFNom;Prénom;Email\nDupont;Jean;j@caf.fr\n", &l) == 0 && l.n == 1,
			"a byte order mark before the header");

	/* Empty lists. */
	tap_ok(parse(a, "", &l) == 1 && has(l.error_fr, "La liste est vide"), "empty text");
	tap_ok(parse(a, "\n\r\n  \n\t\n;;;;\n", &l) == 1 && l.people == NULL, "only blank lines");
	tap_ok(registration_parse_list(a, NULL, 0, &l) == 1, "NULL text");

	/* Column errors. */
	tap_ok(has(line_error(a, ";Jean;j@caf.fr"), "Nom (colonne 1) : ce champ est obligatoire."), "no last name");
	tap_ok(has(line_error(a, "Dupont;;j@caf.fr"), "Prénom (colonne 2) : ce champ est obligatoire."),
			"no first name");
	tap_ok(has(line_error(a, "Dupont;Jean;"), "Email (colonne 3) : ce champ est obligatoire."), "no email");
	tap_ok(has(line_error(a, "Dupont;Jean;  "), "Email (colonne 3) : ce champ est obligatoire."),
			"an email of spaces");
	tap_ok(has(line_error(a, "Dupont;Jean;jean.dupont"), "Email (colonne 3)"), "an email without @");
	tap_ok(has(line_error(a, "Dupont;Jean;jean.dupont@caf..fr"), "Email (colonne 3)"), "an email with ..");
	tap_ok(has(line_error(a, "Dupont;Jean;jérôme@caf.fr"), "Email (colonne 3) : retirez les lettres accentuées"),
			"an accented local part");
	const char *e = line_error(a, ";;");
	tap_ok(e == NULL || strcmp(e, "(not one line)") == 0, "';;' is a blank line");
	e = line_error(a, ";;x");
	tap_ok(has(e, "Nom (colonne 1)") && has(e, "Prénom (colonne 2)") && has(e, "Email (colonne 3)"),
			"every wrong column is named");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;Conseiller;CAF;Rennes"), "plus de cinq colonnes"),
			"six columns: too many");
	tap_ok(has(line_error(a, "Dupont\tJean\tj@caf.fr\t\t\t35000"), "plus de cinq colonnes"),
			"content in the seventh tab column: too many");
	tap_ok(has(line_error(a, "Dupont Jean jean.dupont@caf.fr"), "au moins trois colonnes"), "one column");
	tap_ok(has(line_error(a, "Dupont;Jean"), "au moins trois colonnes"), "two columns");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;Conseiller;\"CAF"), "Organisme (colonne 5) : le guillemet"),
			"a quote left open in column 5");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;a;b;\"c"), "Colonne 6 : le guillemet"),
			"a quote left open in column 6");

	/* Control characters (FIELD_LINE). */
	tap_ok(has(line_error(a, "Dup\x01ont;Jean;j@caf.fr"), "Nom (colonne 1) : ce champ tient sur une seule ligne"),
			"a C0 control character in a name");
	tap_ok(has(line_error(a, "Dupont;Je\x7F" "an;j@caf.fr"), "Prénom (colonne 2)"), "DEL in a first name");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;Con\xC2\x85seiller"), "Fonction (colonne 4)"),
			"a C1 control character in a job title");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr;;CAF\xE2\x80\xA8" "35"), "Organisme (colonne 5)"),
			"a line separator in an organisation");
	tap_ok(has(line_error(a, "Dupont;Jean;j@caf.fr\x0B"), "Email (colonne 3)"), "a vertical tab after an email");
	tap_ok(has(line_error(a, "\"Du\tpont\";Jean;j@caf.fr"), "colonne"), "a tab inside quotes on a ';' line");
	static const char nul_line[] = "Dupont;Je\0an;j@caf.fr\nMartin;Paul;p@caf.fr";
	tap_ok(registration_parse_list(a, nul_line, sizeof(nul_line) - 1, &l) == 0 && l.n == 2 && l.n_wrong == 1 &&
			has(l.people[0].error_fr, "caractères de contrôle") && !l.people[1].error_fr,
			"a NUL byte makes its line wrong, not the next");

	/* Lengths, in characters. */
	char text[2048];
	char name[512];
	memset(name, 'a', 100);
	name[100] = '\0';
	snprintf(text, sizeof(text), "%s;Jean;j@caf.fr", name);
	tap_ok(line_error(a, text) == NULL, "a last name of 100 characters");
	snprintf(text, sizeof(text), "Dupont;%sa;j@caf.fr", name);
	tap_ok(has(line_error(a, text), "Prénom (colonne 2) : ce texte est trop long (100 caractères au plus)."),
			"a first name of 101 characters");
	name[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(name, "é");
	snprintf(text, sizeof(text), "%s;Jean;j@caf.fr", name);
	tap_ok(line_error(a, text) == NULL, "100 accented characters (200 bytes) are 100 characters");
	memset(name, 'f', 200);
	name[200] = '\0';
	snprintf(text, sizeof(text), "Dupont;Jean;j@caf.fr;%s;%s", name, name);
	tap_ok(line_error(a, text) == NULL, "job title and organisation of 200 characters");
	snprintf(text, sizeof(text), "Dupont;Jean;j@caf.fr;%sf;%s", name, name);
	tap_ok(has(line_error(a, text), "Fonction (colonne 4) : ce texte est trop long (200 caractères au plus)."),
			"a job title of 201 characters");
	snprintf(text, sizeof(text), "Dupont;Jean;j@caf.fr;;%sf", name);
	tap_ok(has(line_error(a, text), "Organisme (colonne 5)"), "an organisation of 201 characters");

	/* The same email twice. */
	tap_ok(parse(a, "Dupont;Jean;j@caf.fr\nMartin;Paul;p@caf.fr\nDupont;Jean;J@CAF.fr\nDurand;Luc;j@caf.fr\n",
				&l) == 0 && l.n == 4 && l.n_wrong == 2, "the same email three times: two wrong lines");
	tap_ok(l.n == 4 && !l.people[0].error_fr && !l.people[1].error_fr, "  the first one is right");
	tap_ok(l.n == 4 && has(l.people[2].error_fr, "Email (colonne 3) : cette adresse figure déjà ligne 1."),
			"  the second says where it was, whatever the case");
	tap_ok(l.n == 4 && has(l.people[3].error_fr, "figure déjà ligne 1."), "  and the third");
	tap_ok(parse(a, ";Jean;j@caf.fr\nDupont;Jean;j@caf.fr\n", &l) == 0 && l.n_wrong == 2 &&
			has(l.people[1].error_fr, "figure déjà ligne 1"), "a duplicate of a line wrong elsewhere");
	tap_ok(parse(a, "Dupont;Jean;j@caf\nDupont;Jean;j@caf\n", &l) == 0 && l.n_wrong == 2 &&
			!strstr(l.people[1].error_fr, "figure déjà"), "two same invalid emails: each line says it is invalid");

	free(big);
	arena_free(a);
}

int main(void)
{
	statuses();
	transitions();
	origins_and_reasons();
	seats();
	waiting_list();
	go_no_go();
	requester_closing();
	pasted_list();
	return tap_done();
}
