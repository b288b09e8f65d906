/* cgi-bin/formations: one program that is the FastCGI server and the admin
 * tool, like fossil's single binary. Each subcommand is one line of the
 * table below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "cli/cli.h"
#include "base/settings.h"
#include "store/migrate.h"
#include "web/server.h"

/* The settings file written by `make run` (conf/stack.sh) for its stack. */
#define DEV_CONF "var/dev/formations.conf"
#define DEFAULT_CONF "conf/formations.conf"

struct command {
	const char *name;
	int (*run)(const struct settings *s, int argc, char **argv);
	const char *usage;
};

static int cmd_serve(const struct settings *s, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return server_run(s);
}

static int cmd_migrate(const struct settings *s, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return migrate_run(s->db_owner, s->sql_dir) == 0 ? 0 : 1;
}

static int cmd_load(const struct settings *s, int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: formations load FILE.sql\n");
		return 2;
	}
	return migrate_load_file(s->db_owner, argv[0]) == 0 ? 0 : 1;
}

static const struct command commands[] = {
	{ "serve", cmd_serve, "serve              run the FastCGI server (the default)" },
	{ "migrate", cmd_migrate, "migrate            apply the pending sql/NNNN_*.sql migrations" },
	{ "load", cmd_load, "load FILE.sql      run one SQL file as the schema owner (demo data)" },
	{ "due-date", cli_due_date, "due-date YYYY-MM-DD 15j|1mois [--paused-days N]  the response due date" },
	{ "mail", cli_mail, "mail [--loop SECONDS]  send the pending mails of the outbox (every SECONDS)" },
	{ "remind", cli_remind, "remind [--at T]    queue today's due-date warnings, convocation reminders and questionnaires (idempotent)" },
	{ "purge", cli_purge, "purge              anonymise demands ended more than retention_days ago" },
	{ "attendance", cli_attendance, "attendance verify SESSION_ID | code HALF_DAY_ID [--at T]  the attendance chain, the code shown" },
	{ "certificates", cli_certificates, "certificates issue SESSION_ID [--at T]  issue a given session's attestations de fin de formation" },
	{ "surveys", cli_surveys, "surveys demo       answered chaud questionnaires on the demonstration's given sessions" },
	{ "user", cli_user, "user add|passwd|disable EMAIL ...  staff accounts (passwords on stdin)" },
};

static void usage(void)
{
	fprintf(stderr, "usage: formations [-c FILE] [COMMAND [ARGS]]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(stderr, "  %s\n", commands[i].usage);
	fprintf(stderr, "\nsettings: -c FILE, else $FORMATIONS_CONF, else (admin commands) " DEV_CONF
		" when make run wrote it, else " DEFAULT_CONF "\n");
}

/* -c FILE, else $FORMATIONS_CONF, else, for an admin command run from a
 * checkout where `make run` has written DEV_CONF, that file (so that
 * `./cgi-bin/formations user add ...` acts on the stack make run started),
 * else DEFAULT_CONF. Both defaults are relative to the current folder, as
 * the relative paths inside a settings file are. `serve` never takes
 * DEV_CONF by itself: it would take over the socket of the running stack. */
static const char *conf_path(const char *given, const char *command)
{
	if (given && *given)
		return given;
	const char *env = getenv("FORMATIONS_CONF");
	if (env && *env)
		return env;
	if (strcmp(command, "serve") != 0 && access(DEV_CONF, R_OK) == 0) {
		fprintf(stderr, "formations: settings of the make run stack, " DEV_CONF
			" (-c FILE for others)\n");
		return DEV_CONF;
	}
	return DEFAULT_CONF;
}

int main(int argc, char **argv)
{
	int i = 1;
	const char *given = NULL;
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		given = argv[2];
		i = 3;
	}
	const char *name = i < argc ? argv[i] : "serve";
	const char *conf = conf_path(given, name);
	struct settings s;
	char err[256];
	settings_defaults(&s);
	if (settings_load(&s, conf, err, sizeof(err)) < 0) {
		fprintf(stderr, "formations: settings: %s\n", err);
		return 2;
	}
	if (log_open(s.log_file) < 0) {
		fprintf(stderr, "formations: cannot open log %s\n", s.log_file);
		return 2;
	}
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(commands[k].name, name) == 0)
			return commands[k].run(&s, argc - i - 1, argv + i + 1);
	usage();
	return 2;
}
