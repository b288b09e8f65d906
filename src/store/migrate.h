#ifndef FORMATIONS_MIGRATE_H
#define FORMATIONS_MIGRATE_H

/* Applies sql_dir/NNNN_*.sql in order, each once, each in its own
 * transaction, connected as the schema owner. Prints what it applies.
 * Returns 0, or -1 after logging why. */
int migrate_run(const char *owner_conninfo, const char *sql_dir);

/* Runs one SQL file as the owner (the demonstration data). */
int migrate_load_file(const char *owner_conninfo, const char *path);

#endif
