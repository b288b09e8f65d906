/* `formations due-date YYYY-MM-DD REGIME [--paused-days N]`: the due date
 * of a demand received that day, by the rule of src/rules/due_date.c, so
 * that anyone can check it. Closure days set by an administrator live in
 * the database and are not applied here. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/calendar_fr.h"
#include "rules/due_date.h"

int cli_due_date(const struct settings *s, int argc, char **argv)
{
	(void)s;
	struct civil_date received, due;
	enum regime regime;
	long paused = 0;
	char *end = NULL, out[CAL_DATE_BUF];
	if (argc == 4 && strcmp(argv[2], "--paused-days") == 0)
		paused = strtol(argv[3], &end, 10);
	if ((argc != 2 && argc != 4) || (end && (*end || end == argv[3]))) {
		fprintf(stderr, "usage: formations due-date YYYY-MM-DD 15j|1mois [--paused-days N]\n");
		return 2;
	}
	if (cal_parse_date(argv[0], &received) != 0) {
		fprintf(stderr, "formations: not a date: %s (YYYY-MM-DD)\n", argv[0]);
		return 2;
	}
	if (due_regime_parse(argv[1], &regime) != 0) {
		fprintf(stderr, "formations: regime must be 15j or 1mois\n");
		return 2;
	}
	if (paused < 0 || paused > DUE_PAUSE_MAX_DAYS ||
			due_date_compute(received, regime, (int)paused, NULL, 0, &due) != 0 ||
			cal_format_date(due, out, sizeof(out)) != 0) {
		fprintf(stderr, "formations: paused days must be 0 to %d\n", DUE_PAUSE_MAX_DAYS);
		return 2;
	}
	printf("%s\n", out);
	return 0;
}
