/* The worker's memo (src/base/memo.c) and the arena kept from one request
 * to the next (arena_reset). */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/memo.h"
#include "tap.h"

static int cleaned;
static void count_cleanup(void *p)
{
	(void)p;
	cleaned++;
}

int main(void)
{
	static struct memo m = { .bytes_max = 4096 };
	tap_ok(memo_get(&m, "abc", 3) == NULL, "nothing known at first");
	tap_is_str(memo_put(&m, "abc", 3, "<p>abc</p>"), "<p>abc</p>", "put returns the kept copy");
	tap_is_str(memo_get(&m, "abc", 3), "<p>abc</p>", "a text already seen is found");
	tap_ok(memo_get(&m, "abd", 3) == NULL, "another text of the same length is not");
	tap_ok(memo_get(&m, "abcd", 3) != NULL && memo_get(&m, "abcd", 4) == NULL,
			"the key is the bytes given, by their length");
	/* texts longer than a word, differing in their last byte only */
	char a[100], b[100];
	memset(a, 'x', sizeof(a));
	memcpy(b, a, sizeof(b));
	b[99] = 'y';
	memo_put(&m, a, sizeof(a), "A");
	tap_ok(memo_get(&m, b, sizeof(b)) == NULL, "an edited text is a new key");
	memo_put(&m, b, sizeof(b), "B");
	tap_is_str(memo_get(&m, a, sizeof(a)), "A", "the first text keeps its value");
	tap_is_str(memo_get(&m, b, sizeof(b)), "B", "the edited one has its own");
	char big[2000];
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tap_ok(memo_put(&m, big, strlen(big), "big") == NULL, "a text over a quarter of the bound is not kept");
	/* filling past the bound forgets everything, then fills again */
	char key[16];
	for (int i = 0; i < 300; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		memo_put(&m, key, strlen(key), key);
	}
	tap_ok(m.bytes <= m.bytes_max && m.used <= MEMO_SLOTS / 4, "the memo stays within its bounds");
	tap_is_str(memo_get(&m, "k299", 4), "k299", "the last text put is found");
	memo_clear(&m);
	tap_ok(memo_get(&m, "k299", 4) == NULL && m.bytes == 0, "clear forgets everything");

	struct arena *ar = arena_new();
	char *first = arena_alloc(ar, 100);
	arena_defer(ar, count_cleanup, NULL);
	char *big_block = arena_alloc(ar, 100000);   /* a block of its own */
	arena_reset(ar);
	tap_is_int(cleaned, 1, "reset runs the cleanups");
	char *again = arena_alloc(ar, 100);
	tap_ok(again == first, "reset keeps the first block for the next request");
	tap_ok(arena_alloc(ar, 90000) == big_block, "and the larger one, handed out when it fits");
	char *huge = arena_alloc(ar, 5u << 20);
	tap_ok(huge != NULL && huge != big_block, "a need larger than every kept block gets a new one");
	memset(huge, 1, 5u << 20);
	arena_reset(ar);   /* frees the block over what a reset keeps (ASan: no leak) */
	arena_reset(ar);
	tap_is_int(cleaned, 1, "a cleanup runs once");
	tap_ok(arena_strdup(ar, "x") != NULL, "the arena serves after a reset");
	arena_free(ar);
	return tap_done();
}
