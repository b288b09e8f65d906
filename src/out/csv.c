#include "out/csv.h"

#include <string.h>

#include "base/buf.h"

int csv_bom(struct buf *out)
{
	return buf_append(out, CSV_BOM, sizeof(CSV_BOM) - 1);
}

int csv_is_formula(const char *value)
{
	return value && *value && strchr("=+-@\t\r", *value) != NULL;
}

static int needs_quotes(const char *value)
{
	return strpbrk(value, ";\"\r\n") != NULL;
}

/* One field, its quotes doubled inside a pair of quotes when needed. */
static int field(struct buf *out, const char *value)
{
	int quoted = needs_quotes(value);
	if (quoted && buf_append(out, "\"", 1) < 0)
		return -1;
	if (csv_is_formula(value) && buf_append(out, "'", 1) < 0)
		return -1;
	if (!quoted)
		return buf_puts(out, value);
	for (const char *p = value; *p; ) {
		size_t run = strcspn(p, "\"");
		if (buf_append(out, p, run) < 0)
			return -1;
		p += run;
		if (*p == '"') {
			if (buf_append(out, "\"\"", 2) < 0)
				return -1;
			p++;
		}
	}
	return buf_append(out, "\"", 1);
}

int csv_row(struct buf *out, const char *const *fields, size_t n)
{
	size_t before = out->len;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (i > 0)
			rc = buf_append(out, (const char[]){ CSV_SEPARATOR }, 1);
		if (rc == 0)
			rc = field(out, fields[i] ? fields[i] : "");
	}
	if (rc == 0)
		rc = buf_append(out, "\r\n", 2);
	if (rc < 0 && out->data) {
		/* Never half a row: a reader would take it for a whole one. */
		out->len = before;
		out->data[before] = '\0';
	}
	return rc;
}
