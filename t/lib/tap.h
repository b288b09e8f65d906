/* Minimal TAP producer for the C unit tests: each test binary prints
 * "ok N - name" / "not ok N - name" lines and the plan at the end, so prove
 * reads it like any other test. Header-only on purpose: tests link only the
 * code under test and this. */
#ifndef FORMATIONS_TAP_H
#define FORMATIONS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

__attribute__((format(printf, 2, 3)))
static int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return cond;
}

/* Compare two strings (NULL-safe) and show both on failure. */
#define tap_is_str(got, want, ...) do { \
	const char *tap_g_ = (got), *tap_w_ = (want); \
	int tap_c_ = (tap_g_ == NULL && tap_w_ == NULL) || \
		(tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0); \
	if (!tap_ok(tap_c_, __VA_ARGS__)) \
		printf("#   got:      '%s'\n#   expected: '%s'\n", \
			tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

#define tap_is_int(got, want, ...) do { \
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	if (!tap_ok(tap_g_ == tap_w_, __VA_ARGS__)) \
		printf("#   got:      %lld\n#   expected: %lld\n", tap_g_, tap_w_); \
} while (0)

static int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
