/* libFuzzer harness for the request parsers: the first byte picks the
 * parser, the rest is its input. Every parser must return a status, never
 * crash, leak or read out of bounds, whatever the bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const struct parse_limits lim = { 50, 256 };
	struct arena *a = arena_new();
	if (!a)
		return 0;
	struct params p;
	memset(&p, 0, sizeof(p));
	const char *s = (const char *)data + 1;
	size_t n = size - 1, len;
	const char *path;
	switch (data[0] % 4) {
	case 0:
		parse_urlencoded(a, s, n, &lim, &p);
		break;
	case 1:
		parse_cookies(a, s, n, &lim, &p);
		break;
	case 2:
		parse_path(a, s, n, 1024, &path);
		break;
	default: {
		char *z = arena_strndup(a, s, n); /* Content-Length arrives NUL-terminated */
		if (z)
			parse_content_length(z, &len);
	}
	}
	for (size_t i = 0; i < p.count; i++)
		if (strlen(p.items[i].value) != p.items[i].value_len && p.items[i].value_len)
			__builtin_trap(); /* a decoded value must hold no NUL */
	arena_free(a);
	return 0;
}
