/* The CSV writer of the demand export: byte order mark, separator, CRLF,
 * quoting, doubled quotes, formula injection, and a full buffer that never
 * leaves half a row. */
#include <string.h>

#include "tap.h"
#include "base/buf.h"
#include "out/csv.h"

/* The text of one row written into a fresh buffer. */
static const char *row(struct buf *b, const char *const *fields, size_t n)
{
	buf_free(b);
	buf_init(b, 1 << 20);
	if (csv_row(b, fields, n) < 0)
		return "(error)";
	return b->data;
}

#define ROW(b, ...) row((b), (const char *const[]){ __VA_ARGS__ }, \
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

int main(void)
{
	struct buf b;
	buf_init(&b, 1 << 20);

	tap_ok(csv_bom(&b) == 0 && b.len == 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0,
		"the byte order mark is EF BB BF");

	tap_is_str(ROW(&b, "a", "b", "c"), "a;b;c\r\n", "plain fields: ';' between, CRLF at the end");
	tap_is_str(ROW(&b, "seul"), "seul\r\n", "one field");
	tap_is_str(ROW(&b, "", NULL, "x"), ";;x\r\n", "empty and NULL fields are empty");
	tap_is_str(ROW(&b, "Caf de la Creuse", "Guéret"), "Caf de la Creuse;Guéret\r\n",
		"UTF-8 passes untouched, spaces need no quotes");
	tap_is_str(ROW(&b, "a,b"), "a,b\r\n", "a comma needs no quotes (';' separates)");

	tap_is_str(ROW(&b, "Caf; Sud"), "\"Caf; Sud\"\r\n", "a ';' is quoted");
	tap_is_str(ROW(&b, "dit \"oui\""), "\"dit \"\"oui\"\"\"\r\n", "quotes are doubled inside quotes");
	tap_is_str(ROW(&b, "\""), "\"\"\"\"\r\n", "a lone quote");
	tap_is_str(ROW(&b, "ligne 1\nligne 2"), "\"ligne 1\nligne 2\"\r\n", "a LF is quoted");
	tap_is_str(ROW(&b, "fin\r"), "\"fin\r\"\r\n", "a CR is quoted");
	tap_is_str(ROW(&b, "Caf; \"Sud\"", "x"), "\"Caf; \"\"Sud\"\"\";x\r\n", "';' and quotes together");

	tap_ok(csv_is_formula("=1+2"), "'=' starts a formula");
	tap_ok(csv_is_formula("+33 5"), "'+' starts a formula");
	tap_ok(csv_is_formula("-2"), "'-' starts a formula");
	tap_ok(csv_is_formula("@SUM(A1)"), "'@' starts a formula");
	tap_ok(csv_is_formula("\tx"), "a tab starts a formula");
	tap_ok(csv_is_formula("\rx"), "a CR starts a formula");
	tap_ok(!csv_is_formula("a=b"), "'=' inside is harmless");
	tap_ok(!csv_is_formula(""), "empty is not a formula");
	tap_ok(!csv_is_formula(NULL), "NULL is not a formula");
	tap_ok(!csv_is_formula(" =1"), "a leading space is not a formula");

	tap_is_str(ROW(&b, "=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0\r\n", "'=' gets an apostrophe");
	tap_is_str(ROW(&b, "+33 5 55 51 00 00"), "'+33 5 55 51 00 00\r\n", "'+' gets an apostrophe");
	tap_is_str(ROW(&b, "-1"), "'-1\r\n", "'-' gets an apostrophe");
	tap_is_str(ROW(&b, "@x"), "'@x\r\n", "'@' gets an apostrophe");
	tap_is_str(ROW(&b, "\tx"), "'\tx\r\n", "a tab gets an apostrophe");
	tap_is_str(ROW(&b, "=HYPERLINK(\"http://x\";\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"\r\n",
		"neutralised, then quoted: the apostrophe is inside the quotes");
	tap_is_str(ROW(&b, "\r=1"), "\"'\r=1\"\r\n", "a leading CR: apostrophe and quotes");
	tap_is_str(ROW(&b, "a", "=b"), "a;'=b\r\n", "only the field concerned changes");

	/* Two rows follow each other. */
	buf_free(&b);
	buf_init(&b, 1 << 20);
	tap_ok(csv_row(&b, (const char *const[]){ "a", "b" }, 2) == 0 &&
		csv_row(&b, (const char *const[]){ "c", "d" }, 2) == 0, "two rows written");
	tap_is_str(b.data, "a;b\r\nc;d\r\n", "rows follow each other");

	/* A full buffer: the row is refused whole, what was there stays. */
	struct buf small;
	buf_init(&small, 12);
	tap_ok(csv_row(&small, (const char *const[]){ "abc", "def" }, 2) == 0, "a row that fits");
	size_t len = small.len;
	tap_ok(csv_row(&small, (const char *const[]){ "ghi", "jkl" }, 2) < 0, "a row past the cap is refused");
	tap_is_int(small.len, len, "the buffer keeps its length");
	tap_is_str(small.data, "abc;def\r\n", "and its text: no half row");
	tap_ok(csv_row(&small, (const char *const[]){ "x" }, 1) == 0, "a shorter row still fits");
	tap_is_str(small.data, "abc;def\r\nx\r\n", "after the refused one");
	struct buf empty;
	buf_init(&empty, 2);
	tap_ok(csv_row(&empty, (const char *const[]){ "long" }, 1) < 0, "a row refused in an empty buffer");
	tap_is_int(empty.len, 0, "leaves it empty");
	tap_ok(csv_bom(&empty) < 0, "a cap under 3 bytes refuses the mark");

	buf_free(&b);
	buf_free(&small);
	buf_free(&empty);
	return tap_done();
}
