#include "base/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are chained; a request rarely needs more than the first one. */
#define ARENA_BLOCK 16384

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
};

struct arena *arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct arena_cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->ptr);
	struct arena_block *b = a->blocks;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

/* The same as arena_free then arena_new, except that the first block is
 * kept: a worker reuses one arena and one block for all its requests
 * instead of a malloc and a free of 16 KiB each (a large free makes glibc
 * consolidate every small chunk the request freed). */
void arena_reset(struct arena *a)
{
	for (struct arena_cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->ptr);
	a->cleanups = NULL;
	struct arena_block *b = a->blocks, *kept = NULL;
	while (b) {
		struct arena_block *next = b->next;
		if (!next && b->size == ARENA_BLOCK)
			kept = b;
		else
			free(b);
		b = next;
	}
	if (kept) {
		kept->used = 0;
		kept->next = NULL;
	}
	a->blocks = kept;
}

static struct arena_block *arena_grow(struct arena *a, size_t need)
{
	size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
	if (size > SIZE_MAX - sizeof(struct arena_block))
		return NULL;
	struct arena_block *b = malloc(sizeof(*b) + size);
	if (!b)
		return NULL;
	b->used = 0;
	b->size = size;
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
