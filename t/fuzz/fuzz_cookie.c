/* libFuzzer harness for the Cookie header parser alone: whatever a
 * browser (or anyone) sends, a status comes back, every kept cookie is
 * valid UTF-8 and within the limits. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"
#include "web/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct parse_limits lim = { 20, 64 };
	struct arena *a = arena_new();
	if (!a)
		return 0;
	struct params p;
	memset(&p, 0, sizeof(p));
	if (parse_cookies(a, (const char *)data, size, &lim, &p) == PARSE_OK) {
		if (p.count > lim.fields_max)
			__builtin_trap();
		for (size_t i = 0; i < p.count; i++) {
			size_t n = strlen(p.items[i].name);
			if (n == 0 || n > lim.field_max || p.items[i].value_len > lim.field_max ||
					!utf8_valid(p.items[i].value, p.items[i].value_len))
				__builtin_trap();
			(void)params_get(&p, p.items[i].name);
		}
	}
	arena_free(a);
	return 0;
}
