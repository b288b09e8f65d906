/* A worker's memory of the results of a pure function of a string (the
 * HTML cmark makes of a text's Markdown): looked up by the whole text,
 * so a hit is always the result the function would give again, whatever
 * was edited since. Kept for the worker's life, bounded in bytes; when
 * full it forgets everything and fills again. One thread per worker, so
 * no lock. */
#ifndef FORMATIONS_MEMO_H
#define FORMATIONS_MEMO_H

#include <stddef.h>

#define MEMO_SLOTS 4096   /* a quarter used at most: 1,024 entries (512 fiches of two parts) */

struct memo_entry {
	unsigned long long hash;
	char *key, *value;
	size_t key_len;
};

struct memo {
	size_t bytes_max;      /* keys and values kept, in all */
	size_t bytes, used;
	struct memo_entry slots[MEMO_SLOTS];
};

/* The hash the memo looks keys up by, for other bounded tables of a
 * worker (src/store/db.c's kept reads). */
unsigned long long memo_hash(const char *s, size_t n);
/* The value kept for key (of len bytes), or NULL. */
const char *memo_get(const struct memo *m, const char *key, size_t len);
/* Keeps a copy of key and value; the copy of value is returned (NULL
 * when out of memory or too large to keep: the caller uses its own). */
const char *memo_put(struct memo *m, const char *key, size_t len, const char *value);
void memo_clear(struct memo *m);

#endif
