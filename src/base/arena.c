#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are chained; a request rarely needs more than the first one. */
#define ARENA_BLOCK 16384
/* What a reset arena keeps for the next request, at most: a worker that
 * rendered a month of a thousand slots reuses its blocks instead of
 * freeing them, and glibc frees a chunk of 64 KiB or more by first
 * consolidating every small chunk the request freed (4 million
 * instructions on that page). */
#define ARENA_SPARE_MAX (4u << 20)

/* Under AddressSanitizer a kept block is poisoned until handed out again,
 * so a use after the reset is still reported. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *);
	void *ptr;
};

struct arena {
	struct arena_block *blocks;
	struct arena_cleanup *cleanups;
	struct arena_block *spare;   /* kept by arena_reset, empty */
	size_t spare_bytes;
};

struct arena *arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

static void free_chain(struct arena_block *b)
{
	while (b) {
		struct arena_block *next = b->next;
		UNPOISON(b->data, b->size);
		free(b);
		b = next;
	}
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct arena_cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->ptr);
	free_chain(a->blocks);
	free_chain(a->spare);
	free(a);
}

/* The same as arena_free then arena_new, except that the blocks are kept
 * (up to ARENA_SPARE_MAX) for the next request of the worker. */
void arena_reset(struct arena *a)
{
	for (struct arena_cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->ptr);
	a->cleanups = NULL;
	struct arena_block *b = a->blocks;
	while (b) {
		struct arena_block *next = b->next;
		if (a->spare_bytes + b->size <= ARENA_SPARE_MAX) {
			b->used = 0;
			POISON(b->data, b->size);
			b->next = a->spare;
			a->spare = b;
			a->spare_bytes += b->size;
		} else {
			free(b);
		}
		b = next;
	}
	a->blocks = NULL;
}

/* A kept block of at least size bytes, unchained from the spares. */
static struct arena_block *take_spare(struct arena *a, size_t size)
{
	for (struct arena_block **p = &a->spare; *p; p = &(*p)->next)
		if ((*p)->size >= size) {
			struct arena_block *b = *p;
			*p = b->next;
			a->spare_bytes -= b->size;
			return b;
		}
	return NULL;
}

static struct arena_block *arena_grow(struct arena *a, size_t need)
{
	size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
	if (size > SIZE_MAX - sizeof(struct arena_block))
		return NULL;
	struct arena_block *b = take_spare(a, size);
	if (!b) {
		b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		POISON(b->data, size);
	}
	b->used = 0;
	b->next = a->blocks;
	a->blocks = b;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	struct arena_block *b = a->blocks;
	if (!b || b->size - b->used < size) {
		b = arena_grow(a, size);
		if (!b)
			return NULL;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	UNPOISON(p, size);
	return p;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_join(struct arena *a, const char *const *parts, size_t n)
{
	size_t len[16], total = 0;
	if (n > sizeof(len) / sizeof(len[0]))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		len[i] = parts[i] ? strlen(parts[i]) : 0;
		total += len[i];
	}
	char *out = arena_alloc(a, total + 1), *q = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		memcpy(q, parts[i] ? parts[i] : "", len[i]);
		q += len[i];
	}
	*q = '\0';
	return out;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

int arena_defer(struct arena *a, void (*fn)(void *), void *ptr)
{
	struct arena_cleanup *c = arena_alloc(a, sizeof(*c));
	if (!c)
		return -1;
	c->fn = fn;
	c->ptr = ptr;
	c->next = a->cleanups;
	a->cleanups = c;
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *arena_trim(struct arena *a, const char *s)
{
	if (!s)
		s = "";
	while (is_blank(*s))
		s++;
	size_t n = strlen(s);
	while (n && is_blank(s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

char *arena_url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *q = out;
	if (!out)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
				*p == '/' || *p == '-' || *p == '_' || *p == '.') {
			*q++ = (char)*p;
		} else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		}
	}
	*q = '\0';
	return out;
}
