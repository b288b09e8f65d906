#include "base/settings.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->db, sizeof(s->db), "dbname=formations user=formations_app");
	snprintf(s->db_owner, sizeof(s->db_owner), "dbname=formations user=formations_owner");
	snprintf(s->socket, sizeof(s->socket), "var/run/formations.sock");
	s->workers = 2;
	snprintf(s->base_url, sizeof(s->base_url), "http://127.0.0.1:8080");
	snprintf(s->templates, sizeof(s->templates), "templates");
	snprintf(s->sql_dir, sizeof(s->sql_dir), "sql");
	s->body_max = 1024 * 1024;
	s->fields_max = 2000;
	s->field_max = 64 * 1024;
	s->response_max = 8 * 1024 * 1024;
	s->db_timeout = 5;
	s->stop_grace = 10;
	s->keep_public_reads = 1;
	s->cookie_secure = 0;
	s->login_idle = 2 * 3600;
	s->login_max = 12 * 3600;
	s->login_window = 15 * 60;
	s->login_failures_email = 5;
	s->login_failures_ip = 20;
	s->login_failures_ip_max = 500;
	snprintf(s->smtp_url, sizeof(s->smtp_url), "smtp://127.0.0.1:2525");
	snprintf(s->mail_from, sizeof(s->mail_from), "formations@egoc.example");
	snprintf(s->mail_egoc, sizeof(s->mail_egoc), "formation@egoc.example");
	s->mail_batch = 100;
	s->retention_days = 3 * 365;
	s->decision_days = 10;
	snprintf(s->certificate_signatory, sizeof(s->certificate_signatory), "La direction d'EGOC");
	snprintf(s->certificate_role, sizeof(s->certificate_role), "Responsable de l'organisme de formation");
	snprintf(s->certificate_issuer, sizeof(s->certificate_issuer),
		"EGOC, organisme de formation | numéro de déclaration d'activité à compléter");
	snprintf(s->certificate_town, sizeof(s->certificate_town), "Rennes");
}

enum setting_kind { SET_STR, SET_INT, SET_SIZE, SET_ADDRESSES };

struct setting_def {
	const char *key;
	enum setting_kind kind;
	size_t offset, size;
	long min, max;
};

#define STR(k, f) { k, SET_STR, offsetof(struct settings, f), sizeof(((struct settings *)0)->f), 0, 0 }
#define INT(k, f, lo, hi) { k, SET_INT, offsetof(struct settings, f), 0, lo, hi }
#define ADDRESSES(k, f) { k, SET_ADDRESSES, offsetof(struct settings, f), sizeof(((struct settings *)0)->f), 0, 0 }
#define SIZE(k, f, lo, hi) { k, SET_SIZE, offsetof(struct settings, f), 0, lo, hi }

static const struct setting_def setting_defs[] = {
	STR("db", db),
	STR("db_owner", db_owner),
	STR("socket", socket),
	STR("socket_group", socket_group),
	INT("workers", workers, 1, 256),
	STR("base_url", base_url),
	STR("log_file", log_file),
	STR("templates", templates),
	STR("sql_dir", sql_dir),
	SIZE("body_max", body_max, 1024, 64L * 1024 * 1024),
	SIZE("fields_max", fields_max, 1, 10000),
	SIZE("field_max", field_max, 64, 16L * 1024 * 1024),
	SIZE("response_max", response_max, 64 * 1024, 256L * 1024 * 1024),
	INT("db_timeout", db_timeout, 1, 600),
	INT("stop_grace", stop_grace, 1, 600),
	INT("keep_public_reads", keep_public_reads, 0, 1),
	INT("cookie_secure", cookie_secure, 0, 1),
	INT("login_idle", login_idle, 1, 7 * 24 * 3600),
	INT("login_max", login_max, 1, 30 * 24 * 3600),
	INT("login_window", login_window, 1, 24 * 3600),
	INT("login_failures_email", login_failures_email, 1, 1000),
	INT("login_failures_ip", login_failures_ip, 1, 100000),
	INT("login_failures_ip_max", login_failures_ip_max, 1, 1000000),
	ADDRESSES("trusted_proxies", trusted_proxies),
	STR("smtp_url", smtp_url),
	STR("mail_from", mail_from),
	STR("mail_egoc", mail_egoc),
	INT("mail_batch", mail_batch, 1, 10000),
	INT("retention_days", retention_days, 30, 36500),
	INT("decision_days", decision_days, 0, 365),
	STR("certificate_signatory", certificate_signatory),
	STR("certificate_role", certificate_role),
	STR("certificate_issuer", certificate_issuer),
	STR("certificate_town", certificate_town),
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* One IPv4 or IPv6 address, with an optional /prefix: what nginx's
 * set_real_ip_from takes. */
static int address_ok(const char *word, size_t len)
{
	char text[INET6_ADDRSTRLEN + 8];
	if (len == 0 || len >= sizeof(text))
		return 0;
	memcpy(text, word, len);
	text[len] = '\0';
	char *slash = strchr(text, '/');
	long max_prefix = strchr(text, ':') ? 128 : 32;
	if (slash) {
		char *end;
		*slash = '\0';
		errno = 0;
		long prefix = strtol(slash + 1, &end, 10);
		if (errno || end == slash + 1 || *end || prefix < 0 || prefix > max_prefix)
			return 0;
	}
	unsigned char bin[sizeof(struct in6_addr)];
	return inet_pton(max_prefix == 128 ? AF_INET6 : AF_INET, text, bin) == 1;
}

/* Addresses separated by spaces or commas; empty is allowed. */
static int addresses_ok(const char *value)
{
	const char *p = value;
	while (*p) {
		size_t skip = strspn(p, " ,\t"), len;
		p += skip;
		len = strcspn(p, " ,\t");
		if (len && !address_ok(p, len))
			return 0;
		p += len;
	}
	return 1;
}

static int setting_apply(struct settings *s, const struct setting_def *d, const char *value)
{
	char *base = (char *)s + d->offset;
	if (d->kind == SET_ADDRESSES && !addresses_ok(value))
		return -1;
	if (d->kind == SET_STR || d->kind == SET_ADDRESSES) {
		if (strlen(value) >= d->size)
			return -1;
		memcpy(base, value, strlen(value) + 1);
		return 0;
	}
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < d->min || v > d->max)
		return -1;
	if (d->kind == SET_INT)
		*(int *)(void *)base = (int)v;
	else
		*(size_t *)(void *)base = (size_t)v;
	return 0;
}

static int settings_line(struct settings *s, char *line, char *err, size_t errlen, int lineno)
{
	char *p = trim(line);
	if (*p == '\0' || *p == '#')
		return 0;
	char *eq = strchr(p, '=');
	if (!eq) {
		snprintf(err, errlen, "line %d: expected key = value", lineno);
		return -1;
	}
	*eq = '\0';
	char *key = trim(p), *value = trim(eq + 1);
	for (size_t i = 0; i < sizeof(setting_defs) / sizeof(setting_defs[0]); i++) {
		if (strcmp(setting_defs[i].key, key) != 0)
			continue;
		if (setting_apply(s, &setting_defs[i], value) < 0) {
			snprintf(err, errlen, "line %d: bad value for %s", lineno, key);
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "line %d: unknown setting %s", lineno, key);
	return -1;
}

int settings_load(struct settings *s, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	char line[2048];
	int lineno = 0, rc = 0;
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		lineno++;
		rc = settings_line(s, line, err, errlen, lineno);
	}
	fclose(f);
	return rc;
}
