#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/memo.h"

#define DB_PREPARED_MAX 256

struct db {
	PGconn *conn;
	char conninfo[1024];
	int timeout;
	/* Names of the statements prepared on this connection. */
	const char *prepared[DB_PREPARED_MAX];
	size_t n_prepared;
	int in_tx;            /* between db_begin and commit or rollback */
	int was_lost;         /* the last connection broke: say where the next one goes */
	int listen;           /* db_listen: every connection LISTENs on DB_CHANGES_CHANNEL */
	int listening;        /* this connection does */
	int closing;          /* the server said, while the connection was idle, that it ends it */
	unsigned long changes; /* connections opened and notifications received: see db_changes */
};

struct db *db_new(const char *conninfo, int timeout)
{
	struct db *db = calloc(1, sizeof(*db));
	if (!db)
		return NULL;
	snprintf(db->conninfo, sizeof(db->conninfo), "%s", conninfo);
	db->timeout = timeout;
	return db;
}

static void db_disconnect(struct db *db)
{
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
	db->n_prepared = 0;
	db->in_tx = 0;
	db->listening = 0;
	db->closing = 0;
}

void db_free(struct db *db)
{
	if (!db)
		return;
	db_disconnect(db);
	free(db);
}

/* A server that ends a connection (a stop, a restart, an administrator)
 * first sends why, which libpq hands to this receiver when it comes while
 * no statement runs: the connection cannot be trusted to have heard every
 * notification, though its socket may not say so yet. Other notices are
 * logged. */
static void on_notice(void *arg, const PGresult *res)
{
	struct db *db = arg;
	const char *severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	if (severity && (strcmp(severity, "FATAL") == 0 || strcmp(severity, "PANIC") == 0))
		db->closing = 1;
	const char *text = PQresultErrorMessage(res);
	size_t len = strlen(text);
	while (len && text[len - 1] == '\n')
		len--;
	log_line("db: %.*s", (int)len, text);
}

/* A statement without parameters, the channel being a literal. A refusal
 * is logged and leaves the connection usable, without kept reads. A new
 * connection counts as a change: what was kept by the last one may have
 * changed while no connection was listening. */
static void listen_changes(struct db *db)
{
	PGresult *res = PQexecParams(db->conn, "LISTEN " DB_CHANGES_CHANNEL, 0, NULL, NULL, NULL, NULL, 0);
	db->listening = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!db->listening)
		log_line("db: LISTEN refused, reads are not kept: %s", PQerrorMessage(db->conn));
	PQclear(res);
	db->changes++;
}

/* The search_path is fixed at connection time, so no statement depends on
 * the role's or the database's settings. */
static int db_connect(struct db *db)
{
	char timeout[16];
	snprintf(timeout, sizeof(timeout), "%d", db->timeout);
	const char *keys[] = { "dbname", "connect_timeout", "options",
		"application_name", NULL };
	const char *vals[] = { db->conninfo, timeout, "-c search_path=" DB_SCHEMA,
		"formations", NULL };
	db->conn = PQconnectdbParams(keys, vals, 1);
	if (!db->conn || PQstatus(db->conn) != CONNECTION_OK) {
		log_line("db: cannot connect: %s",
				db->conn ? PQerrorMessage(db->conn) : "out of memory");
		db_disconnect(db);
		return DB_UNAVAILABLE;
	}
	/* With several hosts in db (a failover), the log names the one that
	 * now accepts the connection. */
	if (db->was_lost)
		log_line("db: reconnected to %s port %s", PQhost(db->conn), PQport(db->conn));
	db->was_lost = 0;
	PQsetNoticeReceiver(db->conn, on_notice, db);
	if (db->listen)
		listen_changes(db);
	return DB_OK;
}

int db_ready(struct db *db)
{
	if (db->conn && PQstatus(db->conn) == CONNECTION_OK)
		return DB_OK;
	if (db->conn)
		db->was_lost = 1;
	db_disconnect(db);
	return db_connect(db);
}

static void rows_clear(void *p)
{
	PQclear(p);
}

/* After a failure, tells a lost connection (503, reconnect next time) from
 * a statement the server refused. A server that refuses writes (25006) is
 * a standby: the connection is dropped too, so that the next one goes to
 * whichever host of db accepts writes now (target_session_attrs). */
static int db_failure(struct db *db, PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (PQstatus(db->conn) != CONNECTION_OK || (state && strncmp(state, "08", 2) == 0) ||
			(state && strncmp(state, "57P", 3) == 0) || (state && strcmp(state, "25006") == 0)) {
		log_line("db: connection lost during %s: %s", what, PQerrorMessage(db->conn));
		db_disconnect(db);
		db->was_lost = 1;
		return DB_UNAVAILABLE;
	}
	log_line("db: %s failed (%s): %s", what, state ? state : "?",
			PQerrorMessage(db->conn));
	if (state && strncmp(state, "23", 2) == 0)
		return DB_CONFLICT;
	return DB_FAILED;
}

static int db_prepare(struct db *db, const struct db_stmt *stmt)
{
	for (size_t i = 0; i < db->n_prepared; i++)
		if (db->prepared[i] == stmt->name)
			return DB_OK;
	if (db->n_prepared >= DB_PREPARED_MAX)
		return DB_FAILED;
	PGresult *res = PQprepare(db->conn, stmt->name, stmt->sql, 0, NULL);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? DB_OK : db_failure(db, res, stmt->name);
	PQclear(res);
	if (rc == DB_OK)
		db->prepared[db->n_prepared++] = stmt->name;
	return rc;
}

/* How a statement is sent: planned for its values, one parameter as
 * bytes (bytes_param, or -1), its result in binary format. */
struct db_how {
	int custom_plan;
	int bytes_param;
	int bytes_len;
	int binary_result;
};

#define DB_PARAMS_MAX 32

static int db_run_once(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out, const struct db_how *how)
{
	int lengths[DB_PARAMS_MAX] = { 0 }, formats[DB_PARAMS_MAX] = { 0 };
	const int *lp = NULL, *fp = NULL;
	if (how->bytes_param >= 0) {
		if (how->bytes_param >= nparams || nparams > DB_PARAMS_MAX)
			return DB_FAILED;
		lengths[how->bytes_param] = how->bytes_len;
		formats[how->bytes_param] = 1;
		lp = lengths;
		fp = formats;
	}
	int rc = db_ready(db);
	if (rc == DB_OK && !how->custom_plan)
		rc = db_prepare(db, stmt);
	if (rc != DB_OK)
		return rc;
	PGresult *res = how->custom_plan ?
		PQexecParams(db->conn, stmt->sql, nparams, NULL, params, lp, fp, how->binary_result) :
		PQexecPrepared(db->conn, stmt->name, nparams, params, lp, fp, how->binary_result);
	ExecStatusType st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		rc = db_failure(db, res, stmt->name);
		PQclear(res);
		return rc;
	}
	struct db_rows *rows = out ? arena_alloc(a, sizeof(*rows)) : NULL;
	if (!out || !rows || arena_defer(a, rows_clear, res) < 0) {
		PQclear(res);
		return out ? DB_FAILED : DB_OK;
	}
	rows->res = res;
	*out = rows;
	return DB_OK;
}

/* A statement that only reads: SELECT, or WITH without a data-modifying
 * part. Only those are safe to run twice. */
static int reads_only(const char *sql)
{
	if (strncmp(sql, "SELECT", 6) == 0)
		return 1;
	return strncmp(sql, "WITH", 4) == 0 && !strstr(sql, "INSERT ") && !strstr(sql, "UPDATE ") &&
		!strstr(sql, "DELETE ");
}

/* A connection that PostgreSQL closed (a restart, a failover) is only
 * noticed when used. A read outside a transaction is tried once more on a
 * new connection, so that only requests made during the outage fail; a
 * write is never replayed, since it may have been committed. */
static int run(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out, const struct db_how *how)
{
	if (out)
		*out = NULL;
	int was_connected = db->conn != NULL;
	int rc = db_run_once(db, a, stmt, nparams, params, out, how);
	if (rc == DB_UNAVAILABLE && was_connected && !db->in_tx && reads_only(stmt->sql))
		rc = db_run_once(db, a, stmt, nparams, params, out, how);
	return rc;
}

int db_run(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out)
{
	const struct db_how how = { 0, -1, 0, 0 };
	return run(db, a, stmt, nparams, params, out, &how);
}

int db_run_custom_plan(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out)
{
	const struct db_how how = { 1, -1, 0, 0 };
	return run(db, a, stmt, nparams, params, out, &how);
}

int db_run_with_bytes(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, int bytes_param, size_t bytes_len,
		struct db_rows **out)
{
	if (bytes_len > 0x7fffffff || bytes_param < 0)
		return DB_FAILED;
	const struct db_how how = { 0, bytes_param, (int)bytes_len, 0 };
	return run(db, a, stmt, nparams, params, out, &how);
}

int db_run_binary_result(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out)
{
	const struct db_how how = { 0, -1, 0, 1 };
	return run(db, a, stmt, nparams, params, out, &how);
}

/* Keeps a pipeline's result in the arena, as db_run_once does. */
static int keep_rows(struct arena *a, PGresult *res, struct db_rows **out)
{
	struct db_rows *rows = arena_alloc(a, sizeof(*rows));
	if (!rows || arena_defer(a, rows_clear, res) < 0) {
		PQclear(res);
		return DB_FAILED;
	}
	rows->res = res;
	*out = rows;
	return DB_OK;
}

/* A pipeline left in a state that cannot be read on: the connection is
 * dropped (the next request opens another), never reused half-read. */
static int pipeline_lost(struct db *db, const char *what)
{
	log_line("db: pipeline broken at %s: %s", what, PQerrorMessage(db->conn));
	db_disconnect(db);
	db->was_lost = 1;
	return DB_UNAVAILABLE;
}

/* Reads every result of the pipeline up to its sync, so that the
 * connection leaves pipeline mode clean whatever failed. */
static int pipeline_collect(struct db *db, struct arena *a, struct db_call *calls, size_t n)
{
	int rc = DB_OK;
	for (size_t i = 0; i < n; i++) {
		PGresult *res = PQgetResult(db->conn);
		if (!res)
			return pipeline_lost(db, calls[i].stmt->name);
		/* each statement's result is followed by a NULL */
		PGresult *end = PQgetResult(db->conn);
		if (end)
			PQclear(end);
		if (rc == DB_OK && PQresultStatus(res) == PGRES_TUPLES_OK) {
			rc = keep_rows(a, res, &calls[i].rows);
			continue;
		}
		if (rc == DB_OK)
			rc = db_failure(db, res, calls[i].stmt->name);
		PQclear(res);
		if (!db->conn)
			return rc;
	}
	PGresult *sync = PQgetResult(db->conn);
	int synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
	PQclear(sync);
	if (!synced || PQexitPipelineMode(db->conn) != 1)
		return pipeline_lost(db, "pipeline sync");
	return rc;
}

static int run_reads_once(struct db *db, struct arena *a, struct db_call *calls, size_t n)
{
	int rc = db_ready(db);
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = db_prepare(db, calls[i].stmt);
	if (rc != DB_OK)
		return rc;
	if (PQenterPipelineMode(db->conn) != 1)
		return pipeline_lost(db, "pipeline start");
	int sent = 1;
	for (size_t i = 0; sent && i < n; i++)
		sent = PQsendQueryPrepared(db->conn, calls[i].stmt->name, calls[i].nparams,
				calls[i].params, NULL, NULL, 0) == 1;
	/* the sync ends the implicit transaction and flushes what was queued */
	if (!sent || PQpipelineSync(db->conn) != 1)
		return pipeline_lost(db, "pipeline send");
	return pipeline_collect(db, a, calls, n);
}

int db_run_reads(struct db *db, struct arena *a, struct db_call *calls, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		calls[i].rows = NULL;
		if (!reads_only(calls[i].stmt->sql) || calls[i].nparams > DB_CALL_PARAMS_MAX ||
				db->in_tx)
			return DB_FAILED;
	}
	int was_connected = db->conn != NULL;
	int rc = run_reads_once(db, a, calls, n);
	if (rc == DB_UNAVAILABLE && was_connected)
		rc = run_reads_once(db, a, calls, n);
	return rc;
}

void db_listen(struct db *db)
{
	db->listen = 1;
	if (db->conn && !db->listening)
		listen_changes(db);
}

/* Reads what arrived on the connection without waiting (a read of the
 * socket, no round trip): each notification is a change. */
unsigned long db_changes(struct db *db)
{
	if (!db->listening || !db->conn || PQconsumeInput(db->conn) != 1)
		return 0;
	PGnotify *n;
	while ((n = PQnotifies(db->conn)) != NULL) {
		db->changes++;
		PQfreemem(n);
	}
	if (db->closing || PQstatus(db->conn) != CONNECTION_OK) {
		db_disconnect(db);
		db->was_lost = 1;
		return 0;
	}
	return db->changes;
}

static void kept_clear(struct db_kept *k)
{
	for (size_t i = 0; i < k->n; i++) {
		PQclear(k->rows[i].res);
		k->rows[i].res = NULL;
	}
	free(k->key);
	*k = (struct db_kept){ 0 };
}

/* Keeps copies of the rows just read, stamped with the changes counted
 * before them on this connection (the notifications that came during the
 * reads are still queued: they make the next db_changes differ). Not
 * kept when out of memory: the reads were made all the same. */
static void kept_fill(struct db *db, struct db_kept *k, const char *key,
		const struct db_call *calls, size_t n)
{
	kept_clear(k);
	if (!db->listening || !(k->key = strdup(key)))
		return;
	for (; k->n < n; k->n++) {
		k->rows[k->n].res = PQcopyResult(calls[k->n].rows->res,
				PG_COPYRES_ATTRS | PG_COPYRES_TUPLES);
		if (!k->rows[k->n].res) {
			kept_clear(k);
			return;
		}
	}
	k->changes = db->changes;
	k->read_at = time(NULL);
}

struct db_kept *db_kept_entry(struct db_kept *table, size_t n, const char *key)
{
	return &table[memo_hash(key, strlen(key)) % n];
}

int db_run_reads_kept(struct db *db, struct arena *a, struct db_kept *k, const char *key,
		struct db_call *calls, size_t n)
{
	if (n > DB_KEPT_CALLS_MAX)
		return DB_FAILED;
	unsigned long now = db_changes(db);
	if (now && k->changes == now && k->n == n && strcmp(k->key, key) == 0 &&
			time(NULL) - k->read_at < DB_KEPT_SECONDS) {
		for (size_t i = 0; i < n; i++)
			calls[i].rows = &k->rows[i];
		return DB_OK;
	}
	int rc = db_run_reads(db, a, calls, n);
	if (rc == DB_OK)
		kept_fill(db, k, key, calls, n);
	return rc;
}

static const struct db_stmt stmt_begin = { "tx_begin", "BEGIN" };
static const struct db_stmt stmt_commit = { "tx_commit", "COMMIT" };
static const struct db_stmt stmt_rollback = { "tx_rollback", "ROLLBACK" };

int db_begin(struct db *db)
{
	int rc = db_run(db, NULL, &stmt_begin, 0, NULL, NULL);
	db->in_tx = rc == DB_OK;
	return rc;
}

int db_commit(struct db *db)
{
	int rc = db_run(db, NULL, &stmt_commit, 0, NULL, NULL);
	db->in_tx = 0;
	return rc;
}

void db_rollback(struct db *db)
{
	if (db->conn && PQstatus(db->conn) == CONNECTION_OK)
		(void)db_run(db, NULL, &stmt_rollback, 0, NULL, NULL);
	db->in_tx = 0;
}

size_t db_rows_count(const struct db_rows *r)
{
	return r ? (size_t)PQntuples(r->res) : 0;
}

/* PQfnumber folds case into a malloc'd copy at every call; our column
 * names are lowercase literals, so an exact comparison is enough and
 * allocates nothing (a page reads hundreds of values). Rows are mostly
 * read column after column in the order of the SELECT, so the column
 * after the last one found is tried first: a feed of thousands of rows
 * then makes one comparison per value instead of a dozen. The guess is
 * checked by name, so a wrong one only costs the usual search; a worker
 * is one thread. */
static const PGresult *guess_res;
static int guess_col;

static int column(const PGresult *res, const char *col)
{
	int n = PQnfields(res);
	if (res == guess_res && guess_col < n && strcmp(PQfname(res, guess_col), col) == 0)
		return guess_col++;
	for (int c = 0; c < n; c++)
		if (strcmp(PQfname(res, c), col) == 0) {
			guess_res = res;
			guess_col = c + 1;
			return c;
		}
	return -1;
}

int db_column(const struct db_rows *r, const char *col)
{
	return column(r->res, col);
}

const char *db_value(const struct db_rows *r, size_t i, int col)
{
	if (col < 0 || col >= PQnfields(r->res) || (int)i >= PQntuples(r->res) ||
			PQgetisnull(r->res, (int)i, col))
		return "";
	return PQgetvalue(r->res, (int)i, col);
}

const char *db_get(const struct db_rows *r, size_t i, const char *col)
{
	int c = column(r->res, col);
	if (c < 0 || (int)i >= PQntuples(r->res) || PQgetisnull(r->res, (int)i, c))
		return "";
	return PQgetvalue(r->res, (int)i, c);
}

int db_get_bytea(const struct db_rows *r, size_t i, const char *col, struct arena *a,
		unsigned char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	if (db_is_null(r, i, col))
		return DB_OK;
	const char *hex = db_get(r, i, col);
	size_t hl = strlen(hex);
	if (hl < 2 || hex[0] != '\\' || hex[1] != 'x' || hl % 2)
		return DB_FAILED;
	unsigned char *b = arena_alloc(a, (hl - 2) / 2 + 1);
	if (!b || sodium_hex2bin(b, (hl - 2) / 2 + 1, hex + 2, hl - 2, NULL, len, NULL) != 0)
		return DB_FAILED;
	*out = b;
	return DB_OK;
}

size_t db_get_len(const struct db_rows *r, size_t i, const char *col)
{
	int c = column(r->res, col);
	if (c < 0 || (int)i >= PQntuples(r->res) || PQgetisnull(r->res, (int)i, c))
		return 0;
	return (size_t)PQgetlength(r->res, (int)i, c);
}

int db_is_null(const struct db_rows *r, size_t i, const char *col)
{
	int c = column(r->res, col);
	return c < 0 || (int)i >= PQntuples(r->res) || PQgetisnull(r->res, (int)i, c);
}
