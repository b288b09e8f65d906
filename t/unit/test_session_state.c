/* The session status machine and the participants check, every pair. */
#include <string.h>

#include "rules/session_state.h"
#include "tap.h"

static const char *names[] = { "envisagee", "confirmee", "realisee", "annulee" };

int main(void)
{
	/* allowed[from][to] without a reason; cancelling needs one. */
	static const int allowed[4][4] = {
		/* to:  env  conf real ann */
		[SESSION_ENVISAGEE] = { 0, 1, 0, 1 },
		[SESSION_CONFIRMEE] = { 1, 0, 1, 1 },
		[SESSION_REALISEE] = { 0, 0, 0, 0 },
		[SESSION_ANNULEE] = { 0, 0, 0, 0 },
	};
	for (int f = 0; f < 4; f++) {
		enum session_status parsed;
		tap_ok(session_status_parse(names[f], &parsed) == 0 && (int)parsed == f, "parse %s", names[f]);
		const char *name = session_status_name((enum session_status)f);
		tap_ok(name && strcmp(name, names[f]) == 0, "name of %s", names[f]);
		for (int t = 0; t < 4; t++) {
			const char *why;
			int with_reason = session_status_change(f, t, "Salle indisponible", &why) == 0;
			tap_ok(with_reason == allowed[f][t], "%s -> %s with a reason: %s", names[f], names[t],
					allowed[f][t] ? "allowed" : "refused");
			tap_ok(with_reason || (why && *why), "%s -> %s: a refusal says why", names[f], names[t]);
			if (t == SESSION_ANNULEE && allowed[f][t]) {
				tap_ok(session_status_change(f, t, "", &why) != 0 && strstr(why, "raison"),
						"%s -> annulee without a reason is refused", names[f]);
				tap_ok(session_status_change(f, t, NULL, &why) != 0, "%s -> annulee, NULL reason", names[f]);
			}
		}
	}
	enum session_status s;
	tap_ok(session_status_parse("Confirmee", &s) != 0, "status names are exact");
	tap_ok(session_status_parse(NULL, &s) != 0, "NULL status");
	const char *label = session_status_label(SESSION_REALISEE);
	tap_ok(label && strcmp(label, "Réalisée") == 0, "French label");

	struct { const char *min, *max; long cap, reg; const char *field; int ok; } cases[] = {
		{ "6", "12", 0, 0, NULL, 1 },
		{ "1", "1", 0, 0, NULL, 1 },
		{ "1", "1000", 0, 0, NULL, 1 },
		{ "12", "12", 12, 12, NULL, 1 },
		{ "0", "12", 0, 0, "min", 0 },
		{ "", "12", 0, 0, "min", 0 },
		{ "-1", "12", 0, 0, "min", 0 },
		{ "6", "1001", 0, 0, "max", 0 },
		{ "6", "12.5", 0, 0, "max", 0 },
		{ "6", " 12", 0, 0, "max", 0 },
		{ "6", "00012", 0, 0, "max", 0 },
		{ "6", "5", 0, 0, "max", 0 },
		{ "6", "21", 20, 0, "max", 0 },
		{ "6", "20", 20, 0, NULL, 1 },
		{ "2", "4", 0, 5, "max", 0 },
		{ "2", "5", 0, 5, NULL, 1 },
		{ "douze", "12", 0, 0, "min", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long min, max;
		const char *field = NULL;
		const char *msg = session_participants_check(cases[i].min, cases[i].max, cases[i].cap,
				cases[i].reg, &min, &max, &field);
		tap_ok((msg == NULL) == cases[i].ok, "participants %s-%s, capacity %ld, %ld registered: %s",
				cases[i].min, cases[i].max, cases[i].cap, cases[i].reg, cases[i].ok ? "right" : "refused");
		if (!cases[i].ok)
			tap_ok(field && strcmp(field, cases[i].field) == 0, "  on the %s field", cases[i].field);
	}
	return tap_done();
}
