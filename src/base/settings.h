/* Settings of one installation, read from conf/formations.conf (or the file
 * named by -c / FORMATIONS_CONF). Every setting has a default that runs on
 * one machine; a later line overrides an earlier one, so a generated file
 * can append its overrides to a copy of the defaults. */
#ifndef FORMATIONS_SETTINGS_H
#define FORMATIONS_SETTINGS_H

#include <stddef.h>

#define SETTINGS_STR 512

struct settings {
	char db[SETTINGS_STR];          /* libpq conninfo of the application role */
	char db_owner[SETTINGS_STR];    /* conninfo of the schema owner, for migrate */
	char socket[SETTINGS_STR];      /* FastCGI Unix socket path */
	char socket_group[64];          /* group given the socket, empty: unchanged */
	int workers;
	char base_url[SETTINGS_STR];
	char log_file[SETTINGS_STR];    /* empty: stderr */
	char templates[SETTINGS_STR];   /* folder of the ClearSilver templates */
	char sql_dir[SETTINGS_STR];     /* folder of the migrations */
	size_t body_max;                /* bytes of a request body */
	size_t fields_max;              /* fields in a query, form or cookie header */
	size_t field_max;               /* bytes of one field value */
	size_t response_max;            /* bytes of one response body */
	int db_timeout;                 /* seconds to connect */
	int stop_grace;                 /* seconds for requests in flight at stop */
	int keep_public_reads;          /* 1: workers LISTEN for changes and keep the fiche's reads */
	int cookie_secure;              /* 1: cookies carry Secure (site on HTTPS) */
	int login_idle;                 /* seconds of inactivity that end a login */
	int login_max;                  /* seconds after which a login ends anyway */
	int login_window;               /* seconds over which failures are counted */
	int login_failures_email;       /* failures for one email within the window */
	int login_failures_ip;          /* failures from one address: over it, its failures count double */
	int login_failures_ip_max;      /* failures from one address: over it, 429 for every email */
	char trusted_proxies[SETTINGS_STR]; /* proxies whose X-Forwarded-For nginx believes; empty: none */
	char smtp_url[SETTINGS_STR];    /* relay for `formations mail`: smtp://host:port */
	char mail_from[256];            /* sender of every mail */
	char mail_egoc[256];            /* EGOC's address for notices of new demands */
	int mail_batch;                 /* mails sent per `formations mail` pass */
	int retention_days;             /* closed demands are anonymised after this */
	int decision_days;              /* days before its first day a session under its minimum is to decide */
	/* The attestation de fin de formation: who signs it for EGOC, their
	 * role, the issuer's details (address, SIRET, déclaration d'activité;
	 * " | " separates lines), the town of "Fait à". */
	char certificate_signatory[256];
	char certificate_role[256];
	char certificate_issuer[SETTINGS_STR];
	char certificate_town[128];
};

void settings_defaults(struct settings *s);
/* Returns 0, or -1 with a message in err (unknown key, bad number, unreadable
 * file) so that a typo in production is refused at start, not ignored. */
int settings_load(struct settings *s, const char *path, char *err, size_t errlen);

#endif
