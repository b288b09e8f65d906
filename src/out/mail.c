#include "out/mail.h"

#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "base/buf.h"
#include "base/utf8.h"

/* Header lines are folded to stay within RFC 5322's recommended length. */
#define HEADER_LINE 78
/* Bytes per RFC 2047 word: 39 bytes are 52 base64 characters, so a word is
 * 64 characters and "Subject: " plus one word still fits in 78. A multiple
 * of 3 keeps base64 padding for the last word only. */
#define WORD_BYTES 39

static const char hex_digits[] = "0123456789ABCDEF";
static const char b64_digits[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* ---- quoted-printable (RFC 2045, section 6.7) ---- */

/* Bytes of the line break at t[i]: 1 for "\n", 2 for "\r\n", 0 for none.
 * A lone "\r" is data, encoded as =0D. */
static size_t line_break(const char *t, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (t[i] == '\n')
		return 1;
	return t[i] == '\r' && i + 1 < len && t[i + 1] == '\n' ? 2 : 0;
}

/* Bytes of the character at t[i], so that a soft break never splits a
 * UTF-8 sequence (some readers decode line by line). A stray byte counts
 * alone. */
static size_t char_len(const unsigned char *t, size_t len, size_t i)
{
	size_t want = t[i] >= 0xF0 ? 4 : t[i] >= 0xE0 ? 3 : t[i] >= 0xC0 ? 2 : 1;
	size_t n = 1;
	while (n < want && i + n < len && (t[i + n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* The encoded form of the n bytes at t[i] into tok (12 bytes at most);
 * returns its length. A '.' opening a line is encoded too, so that no
 * relay ever mistakes it for the end of DATA, even one that does not
 * dot-stuff. */
static size_t qp_token(const unsigned char *t, size_t len, size_t i, size_t n,
		int line_start, char *tok)
{
	unsigned char c = t[i];
	int line_end = i + n == len || line_break((const char *)t, len, i + n);
	int literal = n == 1 && ((c >= 33 && c <= 126 && c != '=' && !(c == '.' && line_start)) ||
		((c == ' ' || c == '\t') && !line_end));
	if (literal) {
		tok[0] = (char)c;
		return 1;
	}
	for (size_t k = 0; k < n; k++) {
		tok[3 * k] = '=';
		tok[3 * k + 1] = hex_digits[t[i + k] >> 4];
		tok[3 * k + 2] = hex_digits[t[i + k] & 15];
	}
	return 3 * n;
}

int mail_qp_encode(struct buf *out, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t col = 0, i = 0;
	int ended_by_break = 0;
	while (i < len) {
		size_t br = line_break(text, len, i);
		if (br) {
			if (buf_append(out, "\r\n", 2) < 0)
				return MAIL_NOMEM;
			col = 0;
			i += br;
			ended_by_break = 1;
			continue;
		}
		ended_by_break = 0;
		char tok[12];
		size_t n = char_len(t, len, i);
		size_t tl = qp_token(t, len, i, n, col == 0, tok);
		/* The last token before a hard break may reach column 76; any
		 * other leaves room for the '=' of a soft break. */
		size_t limit = line_break(text, len, i + n) ? MAIL_QP_LINE : MAIL_QP_LINE - 1;
		if (col > 0 && col + tl > limit) {
			if (buf_append(out, "=\r\n", 3) < 0)
				return MAIL_NOMEM;
			col = 0;
			tl = qp_token(t, len, i, n, 1, tok);
		}
		if (buf_append(out, tok, tl) < 0)
			return MAIL_NOMEM;
		col += tl;
		i += n;
	}
	/* Without it the relay's own CRLF would add a line break to the text. */
	if (len && !ended_by_break && buf_append(out, "=\r\n", 3) < 0)
		return MAIL_NOMEM;
	return MAIL_OK;
}

/* ---- headers (RFC 5322, RFC 2047) ---- */

static int base64_append(struct buf *out, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)s[i] << 16 |
			(i + 1 < n ? (unsigned long)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
		char q[4] = {
			b64_digits[v >> 18 & 63], b64_digits[v >> 12 & 63],
			i + 1 < n ? b64_digits[v >> 6 & 63] : '=', i + 2 < n ? b64_digits[v & 63] : '=',
		};
		if (buf_append(out, q, 4) < 0)
			return -1;
	}
	return 0;
}

/* Bytes that cannot stand as they are in a header: controls other than
 * tab, 8-bit bytes, and "=?" which a reader would take for an encoded
 * word. */
static int needs_encoding(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p > 0x7E)
			return 1;
	return strstr(v, "=?") != NULL;
}

/* "=?UTF-8?B?...?=" words of whole characters (RFC 2047 forbids splitting
 * one), separated by folds; readers drop the whitespace between words. */
static int encoded_words(struct buf *out, const char *v, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = len - i < WORD_BYTES ? len - i : WORD_BYTES;
		while (n > 1 && i + n < len && ((unsigned char)v[i + n] & 0xC0) == 0x80)
			n--;
		if ((i && buf_append(out, "\r\n ", 3) < 0) || buf_puts(out, "=?UTF-8?B?") < 0 ||
				base64_append(out, (const unsigned char *)v + i, n) < 0 ||
				buf_puts(out, "?=") < 0)
			return -1;
		i += n;
	}
	return 0;
}

static int is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

/* Plain ASCII, folded before a space when a line would pass 78
 * characters. A word longer than a line stays whole: the hard limit, 998,
 * is far above what the outbox allows. */
static int folded(struct buf *out, size_t col, const char *v)
{
	const char *p = v;
	while (*p) {
		size_t w = 0;
		while (is_wsp(p[w]))
			w++;
		size_t lead = w;
		while (p[w] && !is_wsp(p[w]))
			w++;
		/* Fold only before a word: a line of spaces alone is not allowed. */
		if (p != v && lead && w > lead && col + w > HEADER_LINE) {
			if (buf_append(out, "\r\n", 2) < 0)
				return -1;
			col = 0;
		}
		if (buf_append(out, p, w) < 0)
			return -1;
		col += w;
		p += w;
	}
	return 0;
}

/* A value that may go in a header: no CR or LF (they would start a new
 * header, or the body), valid UTF-8. */
static int header_value_ok(const char *v, size_t len)
{
	return !memchr(v, '\r', len) && !memchr(v, '\n', len) && (len == 0 || utf8_valid(v, len));
}

int mail_header(struct buf *out, const char *name, const char *value)
{
	size_t len = strlen(value);
	if (!header_value_ok(value, len))
		return MAIL_INVALID;
	if (buf_puts(out, name) < 0 || buf_append(out, ": ", 2) < 0)
		return MAIL_NOMEM;
	int rc = needs_encoding(value) ? encoded_words(out, value, len) :
		folded(out, strlen(name) + 2, value);
	if (rc < 0 || buf_append(out, "\r\n", 2) < 0)
		return MAIL_NOMEM;
	return MAIL_OK;
}

int mail_date(time_t t, char *out, size_t size)
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_wday < 0 || tm.tm_wday > 6 || tm.tm_mon < 0 || tm.tm_mon > 11)
		return MAIL_INVALID;
	int n = snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
		tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return n > 0 && (size_t)n < size ? MAIL_OK : MAIL_INVALID;
}

/* Characters of a plain addr-spec: printable ASCII without the specials
 * that would need quoting, so the address is safe in a header and in the
 * SMTP envelope alike. */
static int address_char(unsigned char c)
{
	return c > 32 && c < 127 && !strchr("<>()[]\\,;:\"", c);
}

static int address_ok(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (n < 3 || n > 254 || !at || at == s || at == s + n - 1 || memchr(at + 1, '@', (size_t)(s + n - at - 1)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!address_char((unsigned char)s[i]))
			return 0;
	return 1;
}

int mail_address(const char *from, char *out, size_t size)
{
	const char *s = from, *lt = strchr(from, '<');
	size_t n = strlen(from);
	if (lt) {
		const char *gt = strchr(lt, '>');
		if (!gt || gt[1] != '\0')
			return MAIL_INVALID;
		s = lt + 1;
		n = (size_t)(gt - s);
	}
	if (!address_ok(s, n) || n >= size)
		return MAIL_INVALID;
	memcpy(out, s, n);
	out[n] = '\0';
	return MAIL_OK;
}

/* A display name that can go in quotes as it is: printable ASCII, and no
 * "=?" that a reader would decode. */
static int plain_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E ||
				(s[i] == '=' && i + 1 < n && s[i + 1] == '?'))
			return 0;
	return 1;
}

static int quoted_name(struct buf *out, const char *s, size_t n)
{
	if (buf_append(out, "\"", 1) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (((s[i] == '"' || s[i] == '\\') && buf_append(out, "\\", 1) < 0) ||
				buf_append(out, s + i, 1) < 0)
			return -1;
	return buf_append(out, "\"", 1);
}

/* From: the address alone, or a display name quoted (ASCII) or encoded
 * (anything else) before it. */
static int from_header(struct buf *out, const char *from, const char *addr)
{
	const char *lt = strchr(from, '<');
	size_t n = lt ? (size_t)(lt - from) : 0;
	while (n && is_wsp(from[n - 1]))
		n--;
	while (n && is_wsp(*from)) {
		from++;
		n--;
	}
	if (n == 0)
		return mail_header(out, "From", addr);
	if (!header_value_ok(from, n))
		return MAIL_INVALID;
	if (buf_puts(out, "From: ") < 0)
		return MAIL_NOMEM;
	int rc = plain_name(from, n) ? quoted_name(out, from, n) : encoded_words(out, from, n);
	if (rc < 0 || buf_printf(out, " <%s>\r\n", addr) < 0)
		return MAIL_NOMEM;
	return MAIL_OK;
}

static int fail(const char **why, const char *what)
{
	if (why)
		*why = what;
	return MAIL_INVALID;
}

/* The headers; boundary is NULL for a plain text message, else the
 * multipart boundary. */
static int headers(struct buf *out, const struct mail_message *m, const char *from_addr,
		const char *boundary, const char **why)
{
	char to_addr[256], date[40], id[400];
	if (mail_address(m->to, to_addr, sizeof(to_addr)) < 0 || strcmp(to_addr, m->to) != 0)
		return fail(why, "the To address is not one plain address");
	if (mail_date(m->date, date, sizeof(date)) < 0)
		return fail(why, "the date cannot be written");
	snprintf(id, sizeof(id), "<outbox-%lld.%lld@%s>", m->outbox_id, m->created,
		strchr(from_addr, '@') + 1);
	int rc = from_header(out, m->from, from_addr);
	if (rc == MAIL_INVALID)
		return fail(why, "the From name holds CR, LF or invalid UTF-8");
	if (rc == MAIL_OK)
		rc = mail_header(out, "To", to_addr);
	if (rc == MAIL_OK && (rc = mail_header(out, "Subject", m->subject)) == MAIL_INVALID)
		return fail(why, "the subject holds CR, LF or invalid UTF-8");
	if (rc == MAIL_OK)
		rc = mail_header(out, "Date", date);
	if (rc == MAIL_OK)
		rc = mail_header(out, "Message-ID", id);
	if (rc == MAIL_OK && !boundary && buf_puts(out, "MIME-Version: 1.0\r\n"
			"Content-Type: text/plain; charset=UTF-8\r\n"
			"Content-Transfer-Encoding: quoted-printable\r\n"
			"Auto-Submitted: auto-generated\r\n") < 0)
		rc = MAIL_NOMEM;
	if (rc == MAIL_OK && boundary && buf_printf(out, "MIME-Version: 1.0\r\n"
			"Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n"
			"Auto-Submitted: auto-generated\r\n", boundary) < 0)
		rc = MAIL_NOMEM;
	return rc;
}

/* ---- a calendar invitation (iMIP, RFC 6047) ----
 *
 * The form, after what the clients do with the others:
 *
 *   multipart/mixed
 *     text/plain                  the convocation, quoted-printable
 *     text/calendar; method=...   the invitation, base64, inline
 *
 * - Not multipart/alternative, though Outlook writes its invitations so
 *   (MS-OXCMAIL 2.1.3.3.8.1): alternatives are one text in two forms, and
 *   Thunderbird shows the calendar part instead of a text/plain one
 *   (mimemalt.cpp ranks text/calendar above text/plain), so the body of
 *   the convocation, with everything practical, would not be seen.
 *   In multipart/mixed every client shows the text, and Thunderbird adds
 *   its invitation bar below it.
 * - The text first: Outlook 2007 looked for iMIP data in the first child
 *   of a multipart/mixed only (MS-STANOICAL 2.2.168); later versions,
 *   Exchange, Gmail, Apple Mail and Thunderbird find it anywhere.
 * - Inline, not attachment: Outlook treats a text/calendar part with
 *   Content-Disposition: attachment as a file, not as an invitation
 *   (MS-STANOICAL 2.2.174), and so does Evolution. The name lets a client
 *   that knows no iMIP offer "invitation.ics" to open, instead of a
 *   nameless part (Nextcloud's invitations have long had this form).
 * - The method parameter repeats the calendar's METHOD, as RFC 6047 (2.4)
 *   requires; without it Outlook is reported to see no invitation.
 * - base64 keeps the calendar's bytes exactly (CRLF, the space that opens
 *   a folded line, UTF-8) through relays that rewrap or strip text.
 *
 * The boundary is made from the outbox id, so that the message stays the
 * same when sent again; it starts with "=_", which quoted-printable never
 * writes ('=' is always followed by a hex digit or a line break) and
 * base64 cannot hold ('_'), so it cannot occur in a part. It is checked
 * anyway. */

#define B64_LINE_BYTES 57   /* 76 base64 characters a line */

static int base64_lines(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i += B64_LINE_BYTES) {
		size_t k = n - i < B64_LINE_BYTES ? n - i : B64_LINE_BYTES;
		if ((i && buf_append(out, "\r\n", 2) < 0) ||
				base64_append(out, (const unsigned char *)s + i, k) < 0)
			return -1;
	}
	return 0;
}

static int calendar_ok(const struct mail_message *m, const char **why)
{
	const char *method = m->calendar_method ? m->calendar_method : "";
	if (strcmp(method, "REQUEST") != 0 && strcmp(method, "CANCEL") != 0)
		return fail(why, "the calendar method is not REQUEST or CANCEL");
	size_t len = strlen(m->calendar);
	if (!utf8_valid(m->calendar, len))
		return fail(why, "the calendar is not valid UTF-8");
	char line[32];
	snprintf(line, sizeof(line), "\r\nMETHOD:%s\r\n", method);
	if (strncmp(m->calendar, "BEGIN:VCALENDAR\r\n", 17) != 0 || !strstr(m->calendar, line))
		return fail(why, "the calendar is not a VCALENDAR whose METHOD is calendar_method");
	return MAIL_OK;
}

static int has(const struct buf *b, const char *s)
{
	return b->data && strstr(b->data, s) != NULL;
}

/* ---- an attached file ----
 *
 * Last part, Content-Disposition: attachment, base64. Its name goes in
 * both the Content-Type name parameter (older clients read that one) and
 * the Content-Disposition filename, in plain ASCII: the name itself, or a
 * stand-in where accents are dropped ("Hélène" gives "Helene") and any
 * other character is '_'. A name outside plain ASCII is also given as
 * RFC 2231 filename*=UTF-8''<percent-encoded>, which clients prefer when
 * present; a long one in numbered sections (filename*0*=, filename*1*=...,
 * RFC 2231 section 3) so that its lines stay within 78 characters. A long
 * plain name's own line may pass 78 (a quoted string cannot be folded),
 * never RFC 5322's 998: the stand-in is at most 255 characters. */

static int attachment_ok(const struct mail_message *m, const char **why)
{
	const char *name = m->attachment_name, *type = m->attachment_type;
	if (!name || !*name || !type || !m->attachment_len)
		return fail(why, "the attachment has no name, type or bytes");
	const char *slash = strchr(type, '/');
	if (!slash || slash == type || !slash[1] || strspn(type, "abcdefghijklmnopqrstuvwxyz0123456789.+-/") != strlen(type))
		return fail(why, "the attachment's type is not type/subtype");
	if (!utf8_valid(name, strlen(name)))
		return fail(why, "the attachment's name is not valid UTF-8");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return fail(why, "the attachment's name holds a control character");
	return MAIL_OK;
}

/* The code point of the n-byte UTF-8 character at s (valid UTF-8,
 * checked by attachment_ok). */
static unsigned code_point(const unsigned char *s, size_t n)
{
	unsigned cp = n == 1 ? s[0] : n == 2 ? s[0] & 0x1F : n == 3 ? s[0] & 0x0F : s[0] & 0x07;
	for (size_t k = 1; k < n; k++)
		cp = cp << 6 | (s[k] & 0x3F);
	return cp;
}

/* The ASCII stand-in of one character, for the plain name. */
static const char *ascii_for(unsigned cp, char one[2])
{
	static const char *const latin1[64] = {
		"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
		"D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", "_", "o", "u", "u", "u", "u", "y", "th", "y" };
	if (cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\') {
		one[0] = (char)cp;
		one[1] = '\0';
		return one;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	switch (cp) {
	case 0xA0: return " ";
	case 0x152: return "OE";
	case 0x153: return "oe";
	case 0x178: return "Y";
	case 0x2018: case 0x2019: return "'";
	case 0x2013: case 0x2014: return "-";
	default: return "_";
	}
}

/* "; filename=..." parameters: on the line, or on one of their own when
 * the line would pass HEADER_LINE. */
static int parameter(struct buf *out, size_t *col, const char *text)
{
	size_t n = strlen(text);
	int fold = *col + 2 + n > HEADER_LINE;
	if (buf_puts(out, fold ? ";\r\n " : "; ") < 0 || buf_append(out, text, n) < 0)
		return MAIL_NOMEM;
	*col = (fold ? 1 : *col + 2) + n;
	return MAIL_OK;
}

/* Characters of percent-encoded UTF-8 per RFC 2231 section: with
 * " filename*NN*=UTF-8''" and ";" a line stays within 78. */
#define SECTION_CHARS 54

/* The percent-encoded form of the UTF-8 character at p, n bytes, into tok
 * (12 bytes at most); returns its length. */
static size_t percent_token(const unsigned char *p, size_t n, char *tok)
{
	if (n == 1 && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || strchr("-._~", *p))) {
		tok[0] = (char)*p;
		return 1;
	}
	for (size_t k = 0; k < n; k++) {
		tok[3 * k] = '%';
		tok[3 * k + 1] = hex_digits[p[k] >> 4];
		tok[3 * k + 2] = hex_digits[p[k] & 15];
	}
	return 3 * n;
}

/* ";\r\n filename*=UTF-8''..." or, when longer than a section, numbered
 * sections, each of whole characters (some readers decode each section
 * alone). */
static int rfc2231_filename(struct buf *out, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name), total = 0, col = 0, section = 0;
	char tok[12];
	for (size_t i = 0, n; i < len; i += n)
		total += percent_token(s + i, n = char_len(s, len, i), tok);
	int sections = total > SECTION_CHARS;
	if (!sections && buf_puts(out, ";\r\n filename*=UTF-8''") < 0)
		return MAIL_NOMEM;
	for (size_t i = 0, n; i < len; i += n) {
		size_t t = percent_token(s + i, n = char_len(s, len, i), tok);
		if (sections && (i == 0 || col + t > SECTION_CHARS)) {
			if (buf_printf(out, ";\r\n filename*%zu*=%s", section, section ? "" : "UTF-8''") < 0)
				return MAIL_NOMEM;
			section++;
			col = 0;
		}
		if (buf_append(out, tok, t) < 0)
			return MAIL_NOMEM;
		col += t;
	}
	return MAIL_OK;
}

static int attachment_part(struct buf *out, const struct mail_message *m, const char *boundary,
		const struct buf *b64)
{
	const unsigned char *name = (const unsigned char *)m->attachment_name;
	size_t len = strlen(m->attachment_name), k = 0;
	char ascii[256], one[2];
	int plain = 1;
	for (size_t i = 0, c; i < len; i += c) {
		unsigned cp = code_point(name + i, c = char_len(name, len, i));
		const char *s = ascii_for(cp, one);
		size_t n = strlen(s);
		plain = plain && cp < 0x7f && cp != '"' && cp != '\\';
		if (k + n < sizeof(ascii)) {
			memcpy(ascii + k, s, n);
			k += n;
		}
	}
	ascii[k] = '\0';
	char param[sizeof(ascii) + 16];
	size_t col;
	snprintf(param, sizeof(param), "name=\"%s\"", ascii);
	int rc = buf_printf(out, "\r\n--%s\r\nContent-Type: %s", boundary, m->attachment_type) < 0 ?
		MAIL_NOMEM : MAIL_OK;
	col = strlen("Content-Type: ") + strlen(m->attachment_type);
	if (rc == MAIL_OK)
		rc = parameter(out, &col, param);
	if (rc == MAIL_OK && buf_puts(out, "\r\nContent-Transfer-Encoding: base64\r\n"
			"Content-Disposition: attachment") < 0)
		rc = MAIL_NOMEM;
	col = strlen("Content-Disposition: attachment");
	/* The RFC 2231 name first: a reader that takes the first of two
	 * names (Python's email package) then takes the exact one. */
	if (rc == MAIL_OK && !plain) {
		rc = rfc2231_filename(out, m->attachment_name);
		col = HEADER_LINE;
	}
	snprintf(param, sizeof(param), "filename=\"%s\"", ascii);
	if (rc == MAIL_OK)
		rc = parameter(out, &col, param);
	if (rc == MAIL_OK && (buf_puts(out, "\r\n\r\n") < 0 || buf_append(out, b64->data, b64->len) < 0))
		rc = MAIL_NOMEM;
	return rc;
}

/* The text first, then the calendar, then the attached file, each
 * present when the message has one. */
static int multipart(struct buf *out, const struct mail_message *m, const char *from_addr,
		const char **why)
{
	int has_cal = m->calendar && *m->calendar, has_att = m->attachment_name || m->attachment_len;
	int rc = has_cal ? calendar_ok(m, why) : MAIL_OK;
	if (rc == MAIL_OK && has_att)
		rc = attachment_ok(m, why);
	if (rc != MAIL_OK)
		return rc;
	struct buf text, cal, att;
	buf_init(&text, out->max);
	buf_init(&cal, out->max);
	buf_init(&att, out->max);
	rc = mail_qp_encode(&text, m->body, strlen(m->body));
	if (rc == MAIL_OK && has_cal && base64_lines(&cal, m->calendar, strlen(m->calendar)) < 0)
		rc = MAIL_NOMEM;
	if (rc == MAIL_OK && has_att &&
			base64_lines(&att, (const char *)m->attachment, m->attachment_len) < 0)
		rc = MAIL_NOMEM;
	char boundary[64];
	snprintf(boundary, sizeof(boundary), "=_formations-%lld", m->outbox_id);
	if (rc == MAIL_OK && (has(&text, boundary) || has(&cal, boundary) || has(&att, boundary)))
		rc = fail(why, "the multipart boundary occurs in a part");
	if (rc == MAIL_OK)
		rc = headers(out, m, from_addr, boundary, why);
	if (rc == MAIL_OK && (buf_printf(out, "\r\n--%s\r\n"
			"Content-Type: text/plain; charset=UTF-8\r\n"
			"Content-Transfer-Encoding: quoted-printable\r\n\r\n", boundary) < 0 ||
			(text.len && buf_append(out, text.data, text.len) < 0)))
		rc = MAIL_NOMEM;
	if (rc == MAIL_OK && has_cal && (buf_printf(out, "\r\n--%s\r\n"
			"Content-Type: text/calendar; charset=UTF-8; method=%s;\r\n"
			" name=\"invitation.ics\"\r\n"
			"Content-Transfer-Encoding: base64\r\n"
			"Content-Disposition: inline; filename=\"invitation.ics\"\r\n\r\n",
			boundary, m->calendar_method) < 0 ||
			buf_append(out, cal.data, cal.len) < 0))
		rc = MAIL_NOMEM;
	if (rc == MAIL_OK && has_att)
		rc = attachment_part(out, m, boundary, &att);
	if (rc == MAIL_OK && buf_printf(out, "\r\n--%s--\r\n", boundary) < 0)
		rc = MAIL_NOMEM;
	buf_free(&text);
	buf_free(&cal);
	buf_free(&att);
	return rc;
}

int mail_build(struct buf *out, const struct mail_message *m, const char **why)
{
	char from_addr[256];
	if (why)
		*why = NULL;
	if (mail_address(m->from, from_addr, sizeof(from_addr)) < 0)
		return fail(why, "the From address (mail_from) is not one plain address");
	size_t body_len = strlen(m->body);
	if (body_len && !utf8_valid(m->body, body_len))
		return fail(why, "the body is not valid UTF-8");
	if ((m->calendar && *m->calendar) || m->attachment_name || m->attachment_len)
		return multipart(out, m, from_addr, why);
	int rc = headers(out, m, from_addr, NULL, why);
	if (rc == MAIL_OK && buf_append(out, "\r\n", 2) < 0)
		rc = MAIL_NOMEM;
	if (rc == MAIL_OK)
		rc = mail_qp_encode(out, m->body, body_len);
	return rc;
}

/* ---- sending, with libcurl ---- */

int mail_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? MAIL_OK : MAIL_SEND;
}

void mail_cleanup(void)
{
	curl_global_cleanup();
}

struct upload {
	const char *data;
	size_t len, pos;
};

static size_t upload_read(char *dst, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t room = size * nmemb, left = u->len - u->pos;
	size_t n = left < room ? left : room;
	memcpy(dst, u->data + u->pos, n);
	u->pos += n;
	return n;
}

/* Every option of one delivery; the first refusal stops. */
static CURLcode smtp_options(CURL *c, const char *url, const char *from, struct curl_slist *rcpt,
		struct upload *u, long timeout, char *curl_err)
{
	CURLcode rc = curl_easy_setopt(c, CURLOPT_URL, url);
	/* smtp_url comes from a file: never let it name another protocol. */
#if LIBCURL_VERSION_NUM >= 0x075500
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_TIMEOUT, 3 * timeout);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_READDATA, u);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)u->len);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	return rc;
}

int mail_send(const char *smtp_url, const char *from_addr, const char *to_addr,
		const char *message, size_t len, long timeout, char *err, size_t errlen)
{
	char from[300], to[300], curl_err[CURL_ERROR_SIZE] = "";
	if (!*smtp_url) {
		snprintf(err, errlen, "smtp_url is empty");
		return MAIL_SEND;
	}
	snprintf(from, sizeof(from), "<%s>", from_addr);
	snprintf(to, sizeof(to), "<%s>", to_addr);
	struct upload u = { message, len, 0 };
	CURL *c = curl_easy_init();
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	CURLcode rc = c && rcpt ? smtp_options(c, smtp_url, from, rcpt, &u, timeout, curl_err) :
		CURLE_OUT_OF_MEMORY;
	if (rc == CURLE_OK)
		rc = curl_easy_perform(c);
	/* SMTP's first digit says whether trying again may help: 4xx is
	 * "later", 5xx is "never" (RFC 5321, 4.2.1). */
	long code = 0;
	if (rc != CURLE_OK && c && curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK)
		code = 0;
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s%s%s", curl_easy_strerror(rc), *curl_err ? ": " : "", curl_err);
	curl_slist_free_all(rcpt);
	if (c)
		curl_easy_cleanup(c);
	return rc == CURLE_OK ? MAIL_OK : code >= 500 && code < 600 ? MAIL_REFUSED : MAIL_SEND;
}
