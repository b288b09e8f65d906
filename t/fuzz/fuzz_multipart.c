/* libFuzzer harness for the multipart/form-data parser: the input's first
 * line is the Content-Type, the rest the body. Whatever the bytes, a
 * status comes back; on success every field is valid UTF-8 within the
 * limits, and the file lies inside the body, within its limit. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"
#include "web/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct multipart_limits lim = { 8, 256, 64, 512 };
	const char *nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	struct arena *a = arena_new();
	if (!a)
		return 0;
	const char *ct = arena_strndup(a, (const char *)data, (size_t)(nl - (const char *)data));
	const char *body = nl + 1, *boundary;
	size_t len = size - (size_t)(body - (const char *)data);
	struct params p;
	struct upload f;
	memset(&p, 0, sizeof(p));
	if (ct && multipart_boundary(a, ct, &boundary) == PARSE_OK &&
			parse_multipart(a, body, len, boundary, &lim, &p, &f) == PARSE_OK) {
		if (p.count > lim.parts_max)
			__builtin_trap();
		for (size_t i = 0; i < p.count; i++)
			if (!*p.items[i].name || strlen(p.items[i].name) > lim.field_max ||
					p.items[i].value_len > lim.field_max ||
					strlen(p.items[i].value) != p.items[i].value_len ||
					!utf8_valid(p.items[i].value, p.items[i].value_len))
				__builtin_trap();
		if (f.field && (f.len > lim.file_max || (const char *)f.data < body ||
				(const char *)f.data + f.len > body + len || !f.filename || !f.content_type))
			__builtin_trap();
	}
	arena_free(a);
	return 0;
}
