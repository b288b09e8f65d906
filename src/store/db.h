/* The worker's one PostgreSQL connection. Statements are prepared on first
 * use on each connection and re-prepared after a reconnection; a lost
 * connection makes the current request answer 503 and is reopened by the
 * next one. Only src/store/ includes libpq-fe.h. */
#ifndef FORMATIONS_DB_H
#define FORMATIONS_DB_H

#include <stddef.h>

struct arena;
struct settings;
struct db;

enum db_status {
	DB_OK = 0,
	DB_NOT_FOUND = 1,
	DB_UNAVAILABLE = -1,   /* connection lost or refused: 503 */
	DB_FAILED = -2,        /* the statement failed: 500, logged */
	DB_CONFLICT = -3,      /* a constraint said no: the caller explains */
	DB_STALE = -4          /* the row changed since the form was read */
};

/* A statement: its SQL is always a literal with $n parameters. */
struct db_stmt {
	const char *name;
	const char *sql;
};

struct db_rows;

/* Every connection uses the fixed search_path of DB_SCHEMA. */
#define DB_SCHEMA "formations"

struct db *db_new(const char *conninfo, int timeout);
void db_free(struct db *db);
/* Connects if needed; DB_OK or DB_UNAVAILABLE. */
int db_ready(struct db *db);
/* Runs a prepared statement with text parameters (NULL is SQL NULL). The
 * result belongs to the arena. */
int db_run(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out);
/* The same, for a search whose optional filters ("$3 = '' OR ...") make
 * PostgreSQL's generic plan of a prepared statement wrong: not prepared,
 * so planned at each run for the values given (about a millisecond). */
int db_run_custom_plan(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out);
/* db_run with parameter bytes_param sent as bytes_len bytes of binary
 * data (a bytea: any byte, NUL included), the others as text. */
int db_run_with_bytes(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, int bytes_param, size_t bytes_len,
		struct db_rows **out);
/* db_run whose result comes in binary format: for a SELECT of text and
 * bytea columns only (a bytea as its bytes, read with db_get and
 * db_get_len; numbers would come in network order). */
int db_run_binary_result(struct db *db, struct arena *a, const struct db_stmt *stmt,
		int nparams, const char *const *params, struct db_rows **out);
/* Reads sent together and answered together (libpq's pipeline mode): one
 * round trip, one implicit transaction (one snapshot) for all of them,
 * instead of one each. The store fills each call (its statement and
 * parameters, which must stay valid until the run), the page runs them,
 * then the store reads each call's rows. Only statements that read (a
 * SELECT, or WITH without a data-modifying part), outside a transaction:
 * after a lost connection they are all sent once more on a new one, as
 * db_run does for one read. */
#define DB_CALL_PARAMS_MAX 12
struct db_call {
	const struct db_stmt *stmt;
	int nparams;
	const char *params[DB_CALL_PARAMS_MAX];
	struct db_rows *rows;   /* the result, set by db_run_reads */
};
int db_run_reads(struct db *db, struct arena *a, struct db_call *calls, size_t n);

/* Reads kept from one request to the next until what they read changes.
 * After db_listen, every connection LISTENs on DB_CHANGES_CHANNEL, which
 * the tables of the public pages notify at the commit of any change
 * (sql/0027). db_changes then gives a count that differs from the last one
 * whenever a notification came or the connection is another (0: no
 * connection listens, nothing can be kept). db_run_reads_kept runs calls
 * as db_run_reads does, except that it answers from the copy kept in k
 * when k holds the same key (the reads' parameters) and no change came
 * since: the calls' rows then belong to k, valid until the next
 * db_run_reads_kept of k (call it once per request). A notification may
 * reach a worker a few instants after the commit that made it: a view in
 * that instant still shows the copy. A copy is read again after
 * DB_KEPT_SECONDS all the same, so that a connection cut off without a
 * word (a network down between the hosts) does not keep it for longer. */
#define DB_KEPT_SECONDS 60
#define DB_CHANGES_CHANNEL "formations_public"
#define DB_KEPT_CALLS_MAX 4
struct db_rows {
	struct pg_result *res;
};
struct db_kept {
	unsigned long changes;  /* db_changes when read, 0: nothing to answer from */
	long long read_at;      /* time(): read again after DB_KEPT_SECONDS whatever came */
	char *key;
	size_t n;
	struct db_rows rows[DB_KEPT_CALLS_MAX];
};
void db_listen(struct db *db);
unsigned long db_changes(struct db *db);
int db_run_reads_kept(struct db *db, struct arena *a, struct db_kept *k, const char *key,
		struct db_call *calls, size_t n);
/* The entry of key in a table of n kept reads: the key's hash chooses
 * it, so that a page keeps a bounded number, and two keys that share an
 * entry only read more often. */
struct db_kept *db_kept_entry(struct db_kept *table, size_t n, const char *key);
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

size_t db_rows_count(const struct db_rows *r);
/* Value of row i, column named col ("" for NULL or an unknown column). */
const char *db_get(const struct db_rows *r, size_t i, const char *col);
/* Bytes of the value of row i, column col (0 for NULL or an unknown
 * column): for the bytea of a binary result. */
size_t db_get_len(const struct db_rows *r, size_t i, const char *col);
int db_is_null(const struct db_rows *r, size_t i, const char *col);
/* A bytea column (PostgreSQL's text form, "\x" and hex digits) as bytes
 * in the arena: DB_OK with *out and *len (NULL and 0 for SQL NULL), or
 * DB_FAILED when the value is not that form or memory runs out: for a
 * result that mixes bytea with other types (db_run_binary_result is for
 * text and bytea only). A bytea parameter goes as bytes (db_run_with_bytes). */
int db_get_bytea(const struct db_rows *r, size_t i, const char *col, struct arena *a,
		unsigned char **out, size_t *len);

/* The number of column col in r's result, or -1 when it has none; and
 * the value of row i in that column ("" for NULL, for -1 or a row out of
 * range). A loop over many rows resolves its columns once with the first
 * and reads them with the second: db_get looks the name up at each call,
 * and an absent column costs a comparison with every column there is. */
int db_column(const struct db_rows *r, const char *col);
const char *db_value(const struct db_rows *r, size_t i, int col);

/* The n rows of r into the array of T out[0..n), each field of the
 * X-macro FIELDS (X(name) for a struct member and its column of the same
 * name; a column the statement leaves out gives ""), the columns
 * resolved once. */
#define DB_FILL_ROWS(r, T, FIELDS, out, n) do { \
	const struct db_rows *fill_rows_ = (r); \
	T *fill_out_ = (out); \
	FIELDS(DB_FILL_COLUMN) \
	for (size_t i_ = 0; i_ < (n); i_++) { \
		FIELDS(DB_FILL_ONE) \
	} \
} while (0)
#define DB_FILL_COLUMN(f) const int col_##f##_ = db_column(fill_rows_, #f);
#define DB_FILL_ONE(f) fill_out_[i_].f = db_value(fill_rows_, i_, col_##f##_);

/* Rows into an array of T in the arena, as DB_FILL_ROWS; returns
 * DB_FAILED from the calling function when out of memory. */
#define DB_MAP_ROWS(r, a, T, FIELDS, out, n) do { \
	*(n) = db_rows_count(r); \
	*(out) = arena_calloc((a), *(n) ? *(n) : 1, sizeof(T)); \
	if (!*(out)) \
		return DB_FAILED; \
	DB_FILL_ROWS(r, T, FIELDS, *(out), *(n)); \
} while (0)

#endif
