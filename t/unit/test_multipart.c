/* Uploads: the multipart/form-data parser (RFC 7578) — boundaries, text
 * parts into the form, the one file part, binary bytes, the limits on
 * parts, headers, fields and the file, everything a browser would not send
 * refused — and the rules of the scans of paper sheets (rules/scan.h):
 * what the first bytes say, the name kept, the size in French. */
#include <string.h>

#include <sodium.h>

#include "tap.h"
#include "base/arena.h"
#include "rules/scan.h"
#include "web/multipart.h"

static const struct multipart_limits lim = { 5, 200, 32, 64 };

static int parse_n(struct arena *a, const char *body, size_t len, struct params *p, struct upload *f)
{
	memset(p, 0, sizeof(*p));
	return parse_multipart(a, body, len, "XyZ", &lim, p, f);
}

static int parse(struct arena *a, const char *body, struct params *p, struct upload *f)
{
	return parse_n(a, body, strlen(body), p, f);
}

#define CSRF_PART "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"

static void test_boundary(struct arena *a)
{
	const char *b;
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk", &b),
		PARSE_OK, "a browser's Content-Type");
	tap_is_str(b, "----WebKitFormBoundary7MA4YWxk", "its boundary");
	tap_is_int(multipart_boundary(a, "Multipart/Form-Data;boundary=\"a b'()+_,-./:=?\"", &b), PARSE_OK,
		"case aside, no space, a quoted boundary with every character RFC 2046 allows");
	tap_is_str(b, "a b'()+_,-./:=?", "unquoted");
	tap_is_int(multipart_boundary(a, "multipart/form-data; charset=utf-8; BOUNDARY=abc", &b), PARSE_OK,
		"other parameters ignored, the name's case too");
	tap_is_str(b, "abc", "the boundary");
	tap_is_int(multipart_boundary(a, "multipart/form-data", &b), PARSE_MALFORMED, "no boundary: malformed");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=", &b), PARSE_MALFORMED, "an empty one");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=\"\"", &b), PARSE_MALFORMED, "an empty quoted one");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=a; boundary=b", &b), PARSE_MALFORMED,
		"two boundaries");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=\"abc ", &b), PARSE_MALFORMED,
		"an unclosed quote");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=\"abc \"", &b), PARSE_MALFORMED,
		"a boundary ending with a space");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=\"a\\\"b\"", &b), PARSE_MALFORMED,
		"a quote in a boundary");
	char long_one[120] = "multipart/form-data; boundary=";
	memset(long_one + strlen(long_one), 'b', 71);
	tap_is_int(multipart_boundary(a, long_one, &b), PARSE_MALFORMED, "71 characters: too long");
	long_one[strlen(long_one) - 1] = '\0';
	tap_is_int(multipart_boundary(a, long_one, &b), PARSE_OK, "70: fine");
	tap_is_int(multipart_boundary(a, "multipart/form-dataX; boundary=abc", &b), PARSE_MALFORMED,
		"another type that starts alike");
	tap_is_int(multipart_boundary(a, "multipart/mixed; boundary=abc", &b), PARSE_MALFORMED, "multipart/mixed");
	tap_is_int(multipart_boundary(a, "multipart/form-data; boundary=abc junk", &b), PARSE_MALFORMED,
		"junk after a parameter");
	tap_ok(multipart_is_form_data("multipart/form-data; boundary=x"), "multipart_is_form_data");
	tap_ok(!multipart_is_form_data("application/x-www-form-urlencoded"), "a form is not");
	tap_ok(!multipart_is_form_data(NULL), "nor nothing");
}

static void test_parts(struct arena *a)
{
	struct params p;
	struct upload f;
	tap_is_int(parse(a, CSRF_PART
			"--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
			"caf\xc3\xa9\r\nligne 2\r\n"
			"--XyZ\r\nContent-Disposition: form-data; name=\"feuille\"; filename=\"C:\\fakepath\\feuille \\\"1\\\".pdf\"\r\n"
			"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\r\n--XyZ--\r\n", &p, &f),
		PARSE_OK, "a form with text parts and a file");
	tap_is_int(p.count, 2, "two text fields");
	tap_is_str(params_get(&p, "_csrf"), "tok", "the anti-forgery token is a field like any form's");
	tap_is_str(params_get(&p, "note"), "caf\xc3\xa9\r\nligne 2", "a value with UTF-8 and a line break");
	tap_is_str(f.field, "feuille", "the file part's name");
	tap_is_str(f.filename, "C:\\fakepath\\feuille \"1\".pdf",
		"its file name: \\\" unescaped, other backslashes kept");
	tap_is_str(f.content_type, "application/pdf", "its declared type");
	tap_is_int(f.len, 10, "its length, up to the CRLF that belongs to the boundary");
	tap_ok(f.data && memcmp(f.data, "%PDF-1.4\r\n", 10) == 0, "its bytes, a CRLF inside included");

	static const char bin[] = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.png\"\r\n\r\n"
		"\x89PNG\r\n\x1a\n\0\0\xff\r\n-\r\n--X\r\n--XyZ--";
	tap_is_int(parse_n(a, bin, sizeof(bin) - 1, &p, &f), PARSE_OK,
		"binary bytes (NUL, invalid UTF-8, CRLF, a partial boundary) in a file; no CRLF after the end");
	tap_is_int(f.len, 19, "all of them");
	tap_ok(f.len == 19 && memcmp(f.data, "\x89PNG\r\n\x1a\n\0\0\xff\r\n-\r\n--X", 19) == 0, "byte for byte");
	tap_is_str(f.content_type, "", "no declared type: empty");

	tap_is_int(parse(a, "--XyZ\r\ncontent-disposition: FORM-DATA; NAME=a\r\nX-Other: ignored\r\n\r\n\r\n--XyZ--\r\n",
		&p, &f), PARSE_OK, "header and parameter names in any case, a token value, other headers ignored");
	tap_is_str(params_get(&p, "a"), "", "an empty value");
	tap_ok(f.field == NULL, "no file part: file.field NULL");
	tap_is_int(parse(a, "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n", &p, &f), PARSE_OK,
		"a file input left empty, as browsers send it");
	tap_ok(f.field && f.len == 0 && strcmp(f.filename, "") == 0, "an empty name, no byte");
	tap_is_int(parse(a, "--XyZ--\r\n", &p, &f), PARSE_OK, "no part at all");
	tap_is_int(p.count, 0, "nothing");
}

static void test_malformed(struct arena *a)
{
	struct params p;
	struct upload f;
	static const struct { const char *body, *what; int want; } cases[] = {
		{ "", "an empty body", PARSE_MALFORMED },
		{ "preamble\r\n" CSRF_PART "--XyZ--\r\n", "a preamble", PARSE_MALFORMED },
		{ CSRF_PART, "no closing boundary", PARSE_MALFORMED },
		{ CSRF_PART "--XyZ--\r\nepilogue", "an epilogue", PARSE_MALFORMED },
		{ "--XyZ \r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--", "padding after a boundary",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZzz\r\n--XyZ--",
			"a longer boundary inside a part", PARSE_MALFORMED },
		{ "--XyZ\r\n\r\nx\r\n--XyZ--", "a part without headers", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", "without Content-Disposition",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--", "not form-data",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", "without a name", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--", "an empty name",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--XyZ--", "two names",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\nx\r\n--XyZ--",
			"two Content-Disposition headers", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nx\r\n--XyZ--", "a folded header line",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\nx\r\n--XyZ--", "a bare LF in a header",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--", "an unclosed quote",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--", "a space in a header name",
			PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx", "cut in a part", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a", "cut in the headers", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n1\r\n"
			"--XyZ\r\nContent-Disposition: form-data; name=\"g\"; filename=\"b\"\r\n\r\n2\r\n--XyZ--",
			"two files", PARSE_MALFORMED },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xc3\x28\r\n--XyZ--",
			"invalid UTF-8 in a text part", PARSE_BAD_UTF8 },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\xff.pdf\"\r\n\r\nx\r\n--XyZ--",
			"invalid UTF-8 in a file name", PARSE_BAD_UTF8 },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n0123456789012345678901234567890123\r\n--XyZ--",
			"a text value over field_max", PARSE_TOO_LARGE },
		{ "--XyZ\r\nContent-Disposition: form-data; name=abcdefghijabcdefghijabcdefghijabc\r\n\r\nx\r\n--XyZ--",
			"a name over field_max", PARSE_TOO_LARGE },
		{ "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n"
			"01234567890123456789012345678901234567890123456789012345678901234\r\n--XyZ--",
			"a file over file_max", PARSE_TOO_LARGE },
		{ "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n1\r\n"
			"--XyZ\r\nContent-Disposition: form-data; name=c\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=d\r\n\r\n1\r\n"
			"--XyZ\r\nContent-Disposition: form-data; name=e\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=f\r\n\r\n1\r\n--XyZ--",
			"six parts, over parts_max", PARSE_TOO_LARGE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_is_int(parse(a, cases[i].body, &p, &f), cases[i].want, "%s: refused", cases[i].what);

	/* a header block over header_max, whether the body goes on or stops */
	char big[600];
	int n = snprintf(big, sizeof(big), "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: %0250d\r\n\r\nx\r\n--XyZ--", 0);
	tap_is_int(parse_n(a, big, (size_t)n, &p, &f), PARSE_TOO_LARGE, "a header block over header_max");
	n = snprintf(big, sizeof(big), "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: %0130d\r\n\r\nx\r\n--XyZ--", 0);
	tap_is_int(parse_n(a, big, (size_t)n, &p, &f), PARSE_OK, "one under it is fine");
	tap_is_int(parse(a, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n01234567890123456789012345678901\r\n--XyZ--",
		&p, &f), PARSE_OK, "a text value of exactly field_max is fine");
	tap_is_int(parse(a, "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n"
		"0123456789012345678901234567890123456789012345678901234567890123\r\n--XyZ--", &p, &f), PARSE_OK,
		"a file of exactly file_max too");
	tap_is_int(parse_multipart(a, "--\r\n", 4, "", &lim, &p, &f), PARSE_MALFORMED, "an empty boundary");
}

static void test_scan_rules(void)
{
	static const unsigned char pdf[] = "%PDF-1.7\n", jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0 },
		png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }, text[] = "Bonjour, ceci est du texte",
		almost_png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A }, pdfish[] = "%PDF";
	enum scan_kind k;
	tap_is_int(scan_sniff(pdf, sizeof(pdf) - 1), SCAN_PDF, "%%PDF- is a PDF");
	tap_is_int(scan_sniff(jpeg, sizeof(jpeg)), SCAN_JPEG, "FF D8 FF a JPEG");
	tap_is_int(scan_sniff(png, sizeof(png)), SCAN_PNG, "the eight bytes of PNG a PNG");
	tap_is_int(scan_sniff(text, sizeof(text) - 1), SCAN_NONE, "text is none of them");
	tap_is_int(scan_sniff(almost_png, sizeof(almost_png)), SCAN_NONE, "seven of PNG's eight bytes are not");
	tap_is_int(scan_sniff(pdfish, 4), SCAN_NONE, "%%PDF without its dash is not");
	tap_is_int(scan_sniff(NULL, 0), SCAN_NONE, "nothing is nothing");
	tap_ok(scan_check(1, pdf, sizeof(pdf) - 1, &k) == NULL && k == SCAN_PDF, "a PDF may be kept");
	tap_ok(scan_check(1, png, sizeof(png), &k) == NULL && k == SCAN_PNG, "a PNG too");
	const char *m = scan_check(1, text, sizeof(text) - 1, &k);
	tap_ok(m && strstr(m, "ni un PDF") && k == SCAN_NONE, "text is refused, in French (%s)", m ? m : "");
	m = scan_check(1, pdf, 0, &k);
	tap_ok(m && strstr(m, "vide"), "an empty file is refused (%s)", m ? m : "");
	m = scan_check(0, NULL, 0, &k);
	tap_ok(m && strstr(m, "Choisissez"), "no file chosen (%s)", m ? m : "");
	m = scan_check(1, pdf, (size_t)SCAN_BYTES_MAX + 1, &k);
	tap_ok(m && strstr(m, "10 Mo"), "over 10 MiB (%s)", m ? m : "");
	tap_is_str(scan_content_type(SCAN_JPEG), "image/jpeg", "the type of a JPEG");
	tap_is_str(scan_content_type(SCAN_NONE), NULL, "none for nothing");
	tap_is_int(scan_kind_of_type("application/pdf"), SCAN_PDF, "and back");
	tap_is_int(scan_kind_of_type("text/html"), SCAN_NONE, "no other type");
	tap_is_str(scan_extension(SCAN_JPEG), "jpg", "the extension of a JPEG");

	char out[SCAN_FILENAME_BUF];
	static const struct { const char *in, *want, *what; } names[] = {
		{ "feuille.pdf", "feuille.pdf", "a plain name" },
		{ "C:\\fakepath\\Émargement 4 mars.pdf", "Émargement 4 mars.pdf", "a Windows path: its last part" },
		{ "../../etc/passwd", "passwd", "a Unix path" },
		{ "  a\tb\r\nc\x7f.pdf  ", "abc.pdf", "controls and spaces at both ends dropped" },
		{ "facture\xe2\x80\xae" "fdp.exe", "facturefdp.exe", "a right-to-left override dropped" },
		{ "a\xe2\x80\xa8" "b\xef\xbb\xbf" "c\xc2\x85" "d", "abcd", "line separator, BOM, C1 control dropped" },
		{ "caf\xc3\xa9\xff\xc3.pdf", "caf\xc3\xa9.pdf", "bytes that are not UTF-8 dropped" },
		{ "dossier/", "", "nothing left" },
		{ "", "", "empty" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		scan_filename_clean(names[i].in, out, sizeof(out));
		tap_is_str(out, names[i].want, "file name: %s", names[i].what);
	}
	char longer[400] = "";
	for (int i = 0; i < 60; i++)
		strcat(longer, "é");
	for (int i = 0; i < 60; i++)
		strcat(longer, "x");
	scan_filename_clean(longer, out, sizeof(out));
	tap_ok(strlen(out) == 60 * 2 + 40 && strncmp(out + 120, "xxxx", 4) == 0,
		"cut at %d characters, accented ones counted once", SCAN_FILENAME_CHARS);
	scan_filename_clean(NULL, out, sizeof(out));
	tap_is_str(out, "", "no name");

	char hex[SCAN_SHA256_HEX];
	scan_sha256_hex((const unsigned char *)"abc", 3, hex);
	tap_is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "SHA-256 of abc");

	char size[SCAN_SIZE_FR_BUF];
	static const struct { long long bytes; const char *want; } sizes[] = {
		{ 0, "0 octet" }, { 1, "1 octet" }, { 850, "850 octets" }, { 1024, "1 Ko" }, { 1025, "2 Ko" },
		{ 1024 * 1024 - 1, "1024 Ko" }, { 1024 * 1024, "1,0 Mo" }, { 1258291, "1,2 Mo" },
		{ SCAN_BYTES_MAX, "10,0 Mo" },
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		tap_is_int(scan_size_fr(sizes[i].bytes, size, sizeof(size)), 0, "size %lld", sizes[i].bytes);
		tap_is_str(size, sizes[i].want, "in French");
	}
	tap_is_int(scan_size_fr(123456789, size, 4), -1, "a buffer too small");
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	struct arena *a = arena_new();
	test_boundary(a);
	test_parts(a);
	test_malformed(a);
	test_scan_rules();
	arena_free(a);
	return tap_done();
}
