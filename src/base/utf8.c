#include "base/utf8.h"

/* Length of the sequence that starts with byte c and the bounds of its
 * second byte, per the table of RFC 3629 section 4. */
static int utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF) {
		if (c == 0xE0)
			*lo = 0xA0;
		if (c == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (c == 0xF0)
			*lo = 0x90;
		if (c == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return 0;
}

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		unsigned char lo, hi;
		int n = utf8_lead(c, &lo, &hi);
		if (n == 0 || len - i < (size_t)n)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (int k = 2; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
		i += (size_t)n;
	}
	return 1;
}
