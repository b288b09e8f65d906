#include "base/memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time: a fiche's texts are hashed at each request, so
 * the hash must cost much less than what it saves. */
unsigned long long memo_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	uint64_t tail = 0;
	memcpy(&tail, s + i, n - i);
	h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static const struct memo_entry *find(const struct memo *m, unsigned long long h,
		const char *key, size_t len, size_t *slot)
{
	for (size_t k = 0, i = h % MEMO_SLOTS; k < MEMO_SLOTS; k++, i = (i + 1) % MEMO_SLOTS) {
		const struct memo_entry *e = &m->slots[i];
		*slot = i;
		if (!e->key)
			return NULL;
		if (e->hash == h && e->key_len == len && memcmp(e->key, key, len) == 0)
			return e;
	}
	return NULL;
}

const char *memo_get(const struct memo *m, const char *key, size_t len)
{
	size_t slot;
	const struct memo_entry *e = find(m, memo_hash(key, len), key, len, &slot);
	return e ? e->value : NULL;
}

void memo_clear(struct memo *m)
{
	for (size_t i = 0; i < MEMO_SLOTS; i++) {
		free(m->slots[i].key);
		free(m->slots[i].value);
		memset(&m->slots[i], 0, sizeof(m->slots[i]));
	}
	m->bytes = 0;
	m->used = 0;
}

const char *memo_put(struct memo *m, const char *key, size_t len, const char *value)
{
	size_t vlen = strlen(value), cost = len + vlen + 2;
	if (cost > m->bytes_max / 4)
		return NULL;
	/* open addressing stays short while three quarters are free */
	if (m->bytes + cost > m->bytes_max || m->used >= MEMO_SLOTS / 4)
		memo_clear(m);
	unsigned long long h = memo_hash(key, len);
	size_t slot;
	const struct memo_entry *known = find(m, h, key, len, &slot);
	if (known)
		return known->value;
	char *k = malloc(len + 1), *v = malloc(vlen + 1);
	if (!k || !v) {
		free(k);
		free(v);
		return NULL;
	}
	memcpy(k, key, len);
	k[len] = '\0';
	memcpy(v, value, vlen + 1);
	m->slots[slot] = (struct memo_entry){ h, k, v, len };
	m->bytes += cost;
	m->used++;
	return v;
}
