/* Subcommands of the admin tool that are more than a call. */
#ifndef FORMATIONS_CLI_H
#define FORMATIONS_CLI_H

#include <stdint.h>

struct settings;

/* formations user add EMAIL --role ROLE --name NAME   (password on stdin)
 * formations user passwd EMAIL                        (password on stdin)
 * formations user disable EMAIL */
int cli_user(const struct settings *s, int argc, char **argv);

/* formations due-date YYYY-MM-DD 15j|1mois [--paused-days N] */
int cli_due_date(const struct settings *s, int argc, char **argv);

int cli_mail(const struct settings *s, int argc, char **argv); /* mail [--loop SECONDS] */
int cli_remind(const struct settings *s, int argc, char **argv); /* remind: queue today's due-date warnings */
int cli_purge(const struct settings *s, int argc, char **argv); /* purge: anonymise demands ended over retention_days ago */
/* attendance verify SESSION_ID | attendance code HALF_DAY_ID [--at UNIX_SECONDS] */
int cli_attendance(const struct settings *s, int argc, char **argv);
/* attestations issue SESSION_ID [--at T]; the same for a command that has
 * a connection (the attendance demo): 0, or 1 with a message on stderr. */
int cli_certificates(const struct settings *s, int argc, char **argv);
/* surveys demo: answered questionnaires on the demonstration's given sessions */
int cli_surveys(const struct settings *s, int argc, char **argv);
struct db;
/* The questionnaires' part of remind, as of now (cli/remind_surveys.c). */
int cli_remind_surveys(struct db *db, const struct settings *s, int64_t now, long *created,
		long *mails, long *closed);
int cli_certificates_issue(struct db *db, const struct settings *s, const char *session_id,
		int64_t at, int quiet);
#endif
