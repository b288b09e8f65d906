/* One arena per request: everything a request allocates comes from here and
 * is released in one place when the request ends (PostgreSQL's memory
 * contexts, in small). Cleanups registered with arena_defer run first, in
 * reverse order, so foreign objects (PGresult, HDF) share the same owner. */
#ifndef FORMATIONS_ARENA_H
#define FORMATIONS_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Runs the cleanups and forgets every allocation, keeping the blocks (up
 * to 4 MiB) for the next request. */
void arena_reset(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
/* s percent-encoded for a URL's path or query: letters, digits and
 * "/-_." kept, every other byte as %XX. NULL when out of memory. */
char *arena_url_encode(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The strings of parts (up to 16; NULL as "") end to end: what a page
 * composes for each of a thousand rows, without printf's two passes over
 * a format. NULL when out of memory. */
char *arena_join(struct arena *a, const char *const *parts, size_t n);
#define ARENA_JOIN(a, ...) arena_join((a), (const char *const[]){ __VA_ARGS__ }, \
		sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))
int arena_defer(struct arena *a, void (*fn)(void *), void *ptr);
/* A copy of s without the spaces, tabs and line breaks at both ends; ""
 * for NULL. NULL only when out of memory. */
char *arena_trim(struct arena *a, const char *s);

#endif
