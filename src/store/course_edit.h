/* Staff edits of the catalogue: each save is one transaction that checks
 * the version read by the form (a second editor is refused, never
 * silently overwritten), writes the fields and the programme, records the
 * history and refreshes the search document. */
#ifndef FORMATIONS_STORE_COURSE_EDIT_H
#define FORMATIONS_STORE_COURSE_EDIT_H

#include <stddef.h>

#include "store/courses.h"

struct arena;
struct db;
struct programme;

struct course_history_entry {
	const char *at, *user_name, *action, *fields, *version;
};

/* A new draft with its programme (NULL or empty for none), in one
 * transaction; its slug is wanted_slug (a valid slug), or the first free
 * of wanted-2, wanted-3... Creations racing for the same slug are tried
 * again; DB_CONFLICT only when that keeps failing. */
int store_course_create(struct db *db, struct arena *a, const struct course *c,
		const struct programme *programme, const char *wanted_slug, const char *user_id,
		const char *user_name, const char **id);
/* Saves c (all fields) if the course is still at version; changed is the
 * comma-separated list of fields for the history. DB_STALE when
 * someone saved in between. The programme is replaced when not NULL. */
int store_course_save(struct db *db, struct arena *a, const char *id, const char *version,
		const struct course *c, const struct programme *programme, const char *changed,
		const char *user_id, const char *user_name);
/* draft / published / archived, with the history. */
int store_course_set_status(struct db *db, struct arena *a, const char *id, const char *status,
		const char *user_id, const char *user_name);
/* A draft copy of course id and its programme, titled "... (copie)",
 * under the first free slug of "<slug>-copie", "<slug>-copie-2"... (the
 * copy of a copy counts with its original's). DB_NOT_FOUND for an unknown
 * id. */
int store_course_duplicate(struct db *db, struct arena *a, const char *id,
		const char *user_id, const char *user_name, const char **new_id);
int store_course_history(struct db *db, struct arena *a, const char *id,
		struct course_history_entry **out, size_t *n);

#endif
