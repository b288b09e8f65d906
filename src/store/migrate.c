/* Migrations are the one place where SQL comes from files and runs with
 * PQexec: the files are ours, in sql/, applied by the schema owner. */
#define _POSIX_C_SOURCE 200809L
#include "store/migrate.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "base/log.h"
#include "store/db.h"

#define MIGRATIONS_MAX 1000
#define MIGRATION_LOCK "7263549"

static PGconn *owner_connect(const char *conninfo)
{
	const char *keys[] = { "dbname", "options", "application_name", NULL };
	const char *vals[] = { conninfo, "-c search_path=" DB_SCHEMA " -c client_min_messages=warning",
		"formations-migrate", NULL };
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	if (!c || PQstatus(c) != CONNECTION_OK) {
		log_line("migrate: cannot connect: %s", c ? PQerrorMessage(c) : "out of memory");
		PQfinish(c);
		return NULL;
	}
	return c;
}

static int exec_ok(PGconn *c, const char *sql, const char *what)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
	if (!ok)
		log_line("migrate: %s: %s", what, PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	long n = -1;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
			(data = malloc((size_t)n + 1)) && fread(data, 1, (size_t)n, f) == (size_t)n) {
		data[n] = '\0';
	} else {
		free(data);
		data = NULL;
	}
	fclose(f);
	return data;
}

static int is_migration_name(const char *name)
{
	size_t n = strlen(name);
	for (int i = 0; i < 4; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return n > 9 && name[4] == '_' && strcmp(name + n - 4, ".sql") == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_migrations(const char *dir, char **names, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d) {
		log_line("migrate: cannot open %s", dir);
		return -1;
	}
	struct dirent *e;
	*n = 0;
	while ((e = readdir(d)) && *n < MIGRATIONS_MAX)
		if (is_migration_name(e->d_name) && (names[*n] = strdup(e->d_name)))
			(*n)++;
	closedir(d);
	qsort(names, *n, sizeof(*names), by_name);
	return 0;
}

static int already_applied(PGconn *c, const char *version)
{
	const char *params[] = { version };
	PGresult *r = PQexecParams(c, "SELECT 1 FROM schema_migrations WHERE version = $1",
			1, NULL, params, NULL, NULL, 0);
	int found = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) > 0 : -1;
	PQclear(r);
	return found;
}

static int record_applied(PGconn *c, const char *version)
{
	const char *params[] = { version };
	PGresult *r = PQexecParams(c, "INSERT INTO schema_migrations (version) VALUES ($1)",
			1, NULL, params, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	return ok ? 0 : -1;
}

static int apply_one(PGconn *c, const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *sql = read_file(path);
	if (!sql) {
		log_line("migrate: cannot read %s", path);
		return -1;
	}
	int rc = exec_ok(c, "BEGIN", "begin");
	int applied = rc == 0 ? already_applied(c, name) : -1;
	if (applied == 0) {
		rc = exec_ok(c, sql, name);
		if (rc == 0)
			rc = record_applied(c, name);
		if (rc == 0)
			printf("applied %s\n", name);
	}
	rc = applied < 0 ? -1 : rc;
	rc = rc == 0 ? exec_ok(c, "COMMIT", "commit") : (exec_ok(c, "ROLLBACK", "rollback"), -1);
	free(sql);
	return rc;
}

static int bootstrap(PGconn *c)
{
	/* A session lock: two deployments migrating at once wait in turn. */
	return exec_ok(c, "SELECT pg_advisory_lock(" MIGRATION_LOCK ")", "lock") ||
		exec_ok(c, "CREATE SCHEMA IF NOT EXISTS " DB_SCHEMA, "schema") ||
		exec_ok(c, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			"version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
			"schema_migrations") ? -1 : 0;
}

int migrate_run(const char *owner_conninfo, const char *sql_dir)
{
	PGconn *c = owner_connect(owner_conninfo);
	if (!c)
		return -1;
	char *names[MIGRATIONS_MAX];
	size_t n = 0;
	int rc = bootstrap(c);
	if (rc == 0)
		rc = list_migrations(sql_dir, names, &n);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = apply_one(c, sql_dir, names[i]);
		free(names[i]);
	}
	PQfinish(c);
	return rc;
}

int migrate_load_file(const char *owner_conninfo, const char *path)
{
	PGconn *c = owner_connect(owner_conninfo);
	if (!c)
		return -1;
	char *sql = read_file(path);
	int rc = -1;
	if (!sql)
		log_line("migrate: cannot read %s", path);
	else
		rc = exec_ok(c, "BEGIN", "begin") || exec_ok(c, sql, path) ||
			exec_ok(c, "COMMIT", "commit") ? -1 : 0;
	free(sql);
	PQfinish(c);
	return rc;
}
