/* CSV as spreadsheets set up for France read it: UTF-8 with a byte order
 * mark (without it Excel guesses Windows-1252 and breaks every accent),
 * ';' between fields (',' is the decimal separator in French), CRLF at the
 * end of each row (RFC 4180). A field is quoted when it holds ';', '"', CR
 * or LF, and its quotes are doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with '=', '+',
 * '-' or '@' (and, per OWASP, a tab or CR) as a formula, so text a
 * requester typed ("=HYPERLINK(...)") could act on the staff member's
 * machine. Such a value gets a leading apostrophe, which spreadsheets show
 * as text. The cost: a phone number "+33 ..." reads "'+33 ..." in the file.
 *
 * Pure: no I/O, no globals; everything goes into a struct buf whose cap
 * the caller chose. */
#ifndef FORMATIONS_CSV_H
#define FORMATIONS_CSV_H

#include <stddef.h>

struct buf;

#define CSV_SEPARATOR ';'
#define CSV_BOM "\xEF\xBB\xBF"

/* Appends the byte order mark: 0, or -1 when the cap is reached. */
int csv_bom(struct buf *out);
/* 1 when a spreadsheet would take value for a formula (it starts with
 * '=', '+', '-', '@', a tab or a CR). */
int csv_is_formula(const char *value);
/* Appends one row: the fields (NULL is an empty field), neutralised, quoted
 * when needed, separated by ';', then CRLF. Returns 0, or -1 when the row
 * does not fit under the buffer's cap; out is then left exactly as it was,
 * so a caller can stop cleanly between rows. */
int csv_row(struct buf *out, const char *const *fields, size_t n);

#endif
