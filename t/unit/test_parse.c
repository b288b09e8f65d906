/* The request parsers: percent-decoding, '+', repeated keys, missing '=',
 * limits, invalid UTF-8, cookie edge cases, Content-Length. */
#include <string.h>

#include "tap.h"
#include "base/arena.h"
#include "web/parse.h"

static const struct parse_limits lim = { 10, 32 };

static int form(struct arena *a, const char *s, struct params *p)
{
	memset(p, 0, sizeof(*p));
	return parse_urlencoded(a, s, strlen(s), &lim, p);
}

static int cookies(struct arena *a, const char *s, struct params *p)
{
	memset(p, 0, sizeof(*p));
	return parse_cookies(a, s, strlen(s), &lim, p);
}

static void test_urlencoded(struct arena *a)
{
	struct params p;
	tap_is_int(form(a, "a=1&b=caf%C3%A9&c=x+y%2Bz", &p), PARSE_OK, "simple form parses");
	tap_is_int(p.count, 3, "three fields");
	tap_is_str(params_get(&p, "b"), "café", "percent-decoded UTF-8");
	tap_is_str(params_get(&p, "c"), "x y+z", "'+' is a space, %%2B a plus");
	tap_is_int(form(a, "k=1&k=2&k=3", &p), PARSE_OK, "repeated keys parse");
	tap_is_int(params_count(&p, "k"), 3, "repeated keys all kept");
	tap_is_str(params_get(&p, "k"), "1", "first value wins for params_get");
	tap_is_str(p.items[2].value, "3", "order kept");
	tap_is_int(form(a, "flag&x=", &p), PARSE_OK, "missing '=' parses");
	tap_is_str(params_get(&p, "flag"), "", "missing '=' gives an empty value");
	tap_is_str(params_get(&p, "x"), "", "empty value");
	tap_is_int(form(a, "&&a=1&&", &p), PARSE_OK, "empty pairs skipped");
	tap_is_int(p.count, 1, "only the real pair");
	tap_is_int(form(a, "", &p), PARSE_OK, "empty string parses");
	tap_is_int(p.count, 0, "to nothing");
	tap_is_str(params_get(&p, "absent"), NULL, "absent key is NULL");
	tap_is_int(form(a, "a=%zz", &p), PARSE_MALFORMED, "bad hex escape refused");
	tap_is_int(form(a, "a=%4", &p), PARSE_MALFORMED, "truncated escape refused");
	tap_is_int(form(a, "a=%", &p), PARSE_MALFORMED, "lone percent refused");
	tap_is_int(form(a, "a=%FF", &p), PARSE_BAD_UTF8, "invalid UTF-8 refused");
	tap_is_int(form(a, "a=%C0%AF", &p), PARSE_BAD_UTF8, "overlong UTF-8 refused");
	tap_is_int(form(a, "a=%ED%A0%80", &p), PARSE_BAD_UTF8, "UTF-16 surrogate refused");
	tap_is_int(form(a, "a=%00", &p), PARSE_BAD_UTF8, "NUL byte refused");
	tap_is_int(form(a, "%C3%A9t%C3%A9=ok", &p), PARSE_OK, "UTF-8 in a name accepted");
	tap_is_str(params_get(&p, "été"), "ok", "and found by its decoded name");
	tap_is_int(form(a, "a=0123456789012345678901234567890123456789", &p),
		PARSE_TOO_LARGE, "a value over field_max is too large");
	tap_is_int(form(a, "a=01234567890123456789012345678901", &p), PARSE_OK,
		"a value of exactly field_max is fine");
	tap_is_int(form(a, "a=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41", &p),
		PARSE_OK, "limit counts decoded bytes");
	tap_is_int(form(a, "a=1&b=1&c=1&d=1&e=1&f=1&g=1&h=1&i=1&j=1", &p), PARSE_OK,
		"fields_max fields are fine");
	tap_is_int(form(a, "a=1&b=1&c=1&d=1&e=1&f=1&g=1&h=1&i=1&j=1&k=1", &p),
		PARSE_TOO_LARGE, "one field more is too large");
}

static void test_cookies(struct arena *a)
{
	struct params p;
	tap_is_int(cookies(a, "a=1; b=2;c=3", &p), PARSE_OK, "cookies parse");
	tap_is_int(p.count, 3, "three cookies, with or without space");
	tap_is_str(params_get(&p, "c"), "3", "last cookie");
	tap_is_int(cookies(a, "  x = \"quoted value\" ; y=", &p), PARSE_OK, "quoted and empty");
	tap_is_str(params_get(&p, "x"), "quoted value", "quotes removed, spaces trimmed");
	tap_is_str(params_get(&p, "y"), "", "empty cookie value");
	tap_is_int(cookies(a, "novalue; =anon; ok=1", &p), PARSE_OK, "odd pairs ignored");
	tap_is_int(p.count, 1, "only the well-formed one kept");
	tap_is_str(params_get(&p, "ok"), "1", "well-formed one kept");
	tap_is_int(cookies(a, "a=%41", &p), PARSE_OK, "cookie values are not decoded");
	tap_is_str(params_get(&p, "a"), "%41", "raw value kept");
	tap_is_int(cookies(a, "a=x=y", &p), PARSE_OK, "'=' inside a value");
	tap_is_str(params_get(&p, "a"), "x=y", "value keeps its '='");
	tap_is_int(cookies(a, "bad=\xff\xfe; good=1", &p), PARSE_OK, "an unreadable cookie is skipped");
	tap_is_str(params_get(&p, "bad"), NULL, "the unreadable one is gone");
	tap_is_str(params_get(&p, "good"), "1", "the others kept");
	tap_is_int(cookies(a, "big=0123456789012345678901234567890123456789", &p),
		PARSE_TOO_LARGE, "an over-long cookie is too large");
	tap_is_int(cookies(a, ";;; ;", &p), PARSE_OK, "only separators");
	tap_is_int(p.count, 0, "give nothing");
	tap_is_int(cookies(a, "a=1;a=2", &p), PARSE_OK, "repeated cookie");
	tap_is_str(params_get(&p, "a"), "1", "first one wins, as browsers send the most specific first");
}

static void test_path_and_length(struct arena *a)
{
	const char *path;
	size_t n;
	tap_is_int(parse_path(a, "/formations/caf%C3%A9+x", 23, 100, &path), PARSE_OK, "path decodes");
	tap_is_str(path, "/formations/café+x", "'+' stays a plus in a path");
	tap_is_int(parse_path(a, "/%FF", 4, 100, &path), PARSE_BAD_UTF8, "bad UTF-8 path");
	tap_is_int(parse_path(a, "x", 1, 100, &path), PARSE_MALFORMED, "relative path refused");
	tap_is_int(parse_path(a, "", 0, 100, &path), PARSE_MALFORMED, "empty path refused");
	tap_is_int(parse_content_length("123", &n), PARSE_OK, "Content-Length digits");
	tap_is_int(n, 123, "value read");
	tap_is_int(parse_content_length(NULL, &n), PARSE_OK, "no Content-Length");
	tap_is_int(n, 0, "is zero");
	tap_is_int(parse_content_length("-1", &n), PARSE_MALFORMED, "negative refused");
	tap_is_int(parse_content_length(" 12", &n), PARSE_MALFORMED, "space refused");
	tap_is_int(parse_content_length("12a", &n), PARSE_MALFORMED, "trailing letter refused");
	tap_is_int(parse_content_length("99999999999999999999999", &n), PARSE_MALFORMED,
		"overflowing length refused");
}

int main(void)
{
	struct arena *a = arena_new();
	test_urlencoded(a);
	test_cookies(a);
	test_path_and_length(a);
	arena_free(a);
	return tap_done();
}
