/* The pure half of out/mail.c: quoted-printable, RFC 2047 headers, header
 * injection, dates, addresses and the layout of a whole message, with and
 * without a calendar invitation (multipart/mixed, decoded back). The
 * decoders below are written independently of the encoders, so a round
 * trip checks the encoders against the RFCs rather than against
 * themselves. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"

#include "base/buf.h"
#include "out/ical.h"
#include "out/mail.h"

static struct buf out;

/* The encoded text, owned by `out` until the next call. */
static const char *qp(const char *text)
{
	buf_free(&out);
	buf_init(&out, 1 << 22);
	if (mail_qp_encode(&out, text, strlen(text)) != MAIL_OK)
		return "(error)";
	return out.data ? out.data : "";
}

static const char *header(const char *name, const char *value, int *rc)
{
	buf_free(&out);
	buf_init(&out, 1 << 20);
	*rc = mail_header(&out, name, value);
	return out.data ? out.data : "";
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* RFC 2045 decoding: "=\r\n" vanishes, "=XX" is a byte, CRLF is a line
 * break ("\n" here). Returns a malloc'd string, NULL on a malformed input. */
static char *qp_decode(const char *s)
{
	char *d = malloc(strlen(s) + 1), *o = d;
	while (d && *s) {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n') {
			s += 3;
		} else if (s[0] == '=') {
			int hi = hexval(s[1]), lo = hi < 0 ? -1 : hexval(s[2]);
			if (lo < 0) {
				free(d);
				return NULL;
			}
			*o++ = (char)(hi * 16 + lo);
			s += 3;
		} else if (s[0] == '\r' && s[1] == '\n') {
			*o++ = '\n';
			s += 2;
		} else {
			*o++ = *s++;
		}
	}
	if (d)
		*o = '\0';
	return d;
}

/* Every encoded line: at most 76 characters, no bare CR or LF, no space
 * or tab before a line end, nothing but printable ASCII. */
static int qp_lines_ok(const char *s)
{
	size_t col = 0;
	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			if (p > s && (p[-1] == ' ' || p[-1] == '\t'))
				return 0;
			col = 0;
			p++;
			continue;
		}
		if (*p == '\r' || *p == '\n' || (unsigned char)*p > 126 ||
				((unsigned char)*p < 32 && *p != '\t') || ++col > MAIL_QP_LINE)
			return 0;
	}
	return 1;
}

static int roundtrip(const char *text)
{
	const char *enc = qp(text);
	char *dec = qp_decode(enc);
	/* The decoder gives "\n" for CRLF: compare with the text's own breaks
	 * made "\n" too. */
	char *want = malloc(strlen(text) + 1), *w = want;
	for (const char *p = text; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*w++ = *p;
	*w = '\0';
	int ok = dec && strcmp(dec, want) == 0 && qp_lines_ok(enc);
	free(dec);
	free(want);
	return ok;
}

static void test_qp_basics(void)
{
	tap_is_str(qp(""), "", "QP: empty text, empty body");
	tap_is_str(qp("Bonjour\n"), "Bonjour\r\n", "QP: ASCII stays, LF becomes CRLF");
	tap_is_str(qp("Bonjour\r\n"), "Bonjour\r\n", "QP: CRLF stays one break");
	tap_is_str(qp("café\n"), "caf=C3=A9\r\n", "QP: an accent is its UTF-8 bytes, upper-case hex");
	tap_is_str(qp("Accusé de réception à Créteil\n"),
		"Accus=C3=A9 de r=C3=A9ception =C3=A0 Cr=C3=A9teil\r\n", "QP: several accents");
	tap_is_str(qp("1 + 1 = 2\n"), "1 + 1 =3D 2\r\n", "QP: '=' is encoded");
	tap_is_str(qp("fin  \nsuite\n"), "fin =20\r\nsuite\r\n",
		"QP: a trailing space is encoded, the ones before it are not");
	tap_is_str(qp("tab\t\n"), "tab=09\r\n", "QP: a trailing tab is encoded");
	tap_is_str(qp("a \tb\n"), "a \tb\r\n", "QP: inner spaces and tabs stay");
	tap_is_str(qp("sans fin"), "sans fin=\r\n",
		"QP: no final break: a soft break, so decoding adds none");
	tap_is_str(qp("espace "), "espace=20=\r\n", "QP: a space ending the text is encoded");
	tap_is_str(qp(".\n.suite\nx.\n"), "=2E\r\n=2Esuite\r\nx.\r\n",
		"QP: a '.' opening a line is encoded, elsewhere it stays");
	tap_is_str(qp("a\rb\n"), "a=0Db\r\n", "QP: a lone CR is data");
	tap_is_str(qp("\n\n"), "\r\n\r\n", "QP: empty lines stay");
	tap_is_str(qp("\x01\x7f\n"), "=01=7F\r\n", "QP: controls are encoded");
}

static void test_qp_long_lines(void)
{
	char line[300];
	memset(line, 'a', 76);
	strcpy(line + 76, "\n");
	char want[400];
	memset(want, 'a', 76);
	strcpy(want + 76, "\r\n");
	tap_is_str(qp(line), want, "QP: 76 characters then a break: one line");

	memset(line, 'a', 77);
	strcpy(line + 77, "\n");
	memset(want, 'a', 75);
	strcpy(want + 75, "=\r\naa\r\n");
	tap_is_str(qp(line), want, "QP: 77 characters: 75, a soft break, then 2");

	memset(line, 'a', 200);
	strcpy(line + 200, "\n");
	const char *enc = qp(line);
	tap_ok(qp_lines_ok(enc), "QP: a 200-character line is cut into lines of at most 76");
	tap_ok(strlen(enc) == 200 + 2 * 3 + 2, "QP: with exactly two soft breaks");
	tap_ok(roundtrip(line), "QP: and decodes to the same line");

	char acc[400] = "";
	for (int i = 0; i < 40; i++)
		strcat(acc, "é");
	strcat(acc, "\n");
	enc = qp(acc);
	tap_ok(qp_lines_ok(enc), "QP: a long line of accents keeps lines of at most 76");
	tap_ok(!strstr(enc, "=C3=\r\n") && !strstr(enc, "\r\n=A9"),
		"QP: a soft break never splits the two bytes of é");
	tap_ok(roundtrip(acc), "QP: the accents decode back");

	/* A space at column 75 before a soft break is not trailing: the '='
	 * follows it. */
	memset(line, 'b', 74);
	strcpy(line + 74, " cd\n");
	enc = qp(line);
	tap_ok(qp_lines_ok(enc) && roundtrip(line), "QP: a space just before a soft break");
}

/* A fixed pseudo-random mix of the bytes that matter. */
static void test_qp_mixed(void)
{
	static const char *pieces[] = { "a", " ", "\t", "=", ".", "\n", "\r\n", "é", "€", "😀",
		"ß", "\r", "Z", "  ", "=\n", ". ", "«", "»" };
	unsigned long seed = 12345;
	int ok = 1;
	for (int round = 0; round < 300 && ok; round++) {
		char text[2000] = "";
		size_t n = 0;
		int pieces_in = (int)(seed % 300);
		for (int k = 0; k < pieces_in; k++) {
			seed = seed * 1103515245 + 12345;
			const char *p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
			if (n + strlen(p) + 1 >= sizeof(text))
				break;
			strcpy(text + n, p);
			n += strlen(p);
		}
		seed = seed * 1103515245 + 12345;
		ok = roundtrip(text);
		if (!ok)
			printf("# failed on: %s\n", text);
	}
	tap_ok(ok, "QP: 300 mixed texts decode back, lines within the limits");
}

static const unsigned char *b64_table(void)
{
	static unsigned char t[256];
	const char *d = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	memset(t, 0xff, sizeof(t));
	for (int i = 0; d[i]; i++)
		t[(unsigned char)d[i]] = (unsigned char)i;
	return t;
}

/* Decodes the encoded words of an unfolded header value into out (the
 * whitespace between adjacent words is dropped, as RFC 2047 says); 0 when
 * a word is malformed. */
static int rfc2047_decode(const char *v, char *dst, size_t size)
{
	const unsigned char *t = b64_table();
	size_t o = 0;
	while (*v) {
		while (*v == ' ')
			v++;
		if (strncmp(v, "=?UTF-8?B?", 10) != 0)
			return 0;
		v += 10;
		const char *end = strstr(v, "?=");
		if (!end || (end - v) % 4)
			return 0;
		for (; v < end; v += 4) {
			unsigned long x = 0;
			int pad = 0;
			for (int k = 0; k < 4; k++) {
				if (v[k] == '=')
					pad++;
				else if (t[(unsigned char)v[k]] == 0xff)
					return 0;
				x = x << 6 | (v[k] == '=' ? 0 : t[(unsigned char)v[k]]);
			}
			for (int k = 0; k < 3 - pad; k++) {
				if (o + 1 >= size)
					return 0;
				dst[o++] = (char)(x >> (16 - 8 * k) & 0xff);
			}
		}
		v = end + 2;
	}
	dst[o] = '\0';
	return 1;
}

/* "Subject: v1\r\n v2\r\n" -> "v1 v2"; 0 when a line passes 78. */
static int unfold(const char *h, const char *name, char *dst, size_t size)
{
	size_t nl = strlen(name);
	if (strncmp(h, name, nl) != 0 || strncmp(h + nl, ": ", 2) != 0)
		return 0;
	size_t o = 0, col = nl + 2;
	for (const char *p = h + nl + 2; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p++;
			col = 0;
			continue;
		}
		if (++col > 78 || o + 1 >= size)
			return 0;
		dst[o++] = *p;
	}
	dst[o] = '\0';
	return 1;
}

static void test_headers(void)
{
	int rc;
	tap_is_str(header("Subject", "Votre demande de formation", &rc),
		"Subject: Votre demande de formation\r\n", "header: ASCII stays as it is");
	tap_is_str(header("Subject", "Accusé de réception", &rc),
		"Subject: =?UTF-8?B?QWNjdXPDqSBkZSByw6ljZXB0aW9u?=\r\n",
		"header: accents make one RFC 2047 base64 word");
	tap_is_int(rc, MAIL_OK, "header: MAIL_OK");
	header("Subject", "voir =?UTF-8?B?eA==?= ici", &rc);
	tap_ok(strncmp(out.data, "Subject: =?UTF-8?B?", 19) == 0,
		"header: ASCII that looks like an encoded word is encoded");

	char subject[400] = "", value[1000], decoded[1000];
	for (int i = 0; i < 12; i++)
		strcat(subject, "Équipe Créteil ");
	strcat(subject, "€😀");
	const char *h = header("Subject", subject, &rc);
	tap_ok(rc == MAIL_OK && unfold(h, "Subject", value, sizeof(value)),
		"header: a long accented subject is folded, every line within 78");
	tap_ok(rfc2047_decode(value, decoded, sizeof(decoded)) && strcmp(decoded, subject) == 0,
		"header: its words decode back to the subject");
	int whole = 1;
	for (const char *w = strstr(h, "=?UTF-8?B?"); w && whole; w = strstr(w + 1, "=?UTF-8?B?")) {
		char one[200], dec[200];
		const char *e = strstr(w, "?=");
		snprintf(one, sizeof(one), "%.*s", (int)(e + 2 - w), w);
		whole = strlen(one) <= 75 && rfc2047_decode(one, dec, sizeof(dec)) &&
			(((unsigned char)dec[0] & 0xC0) != 0x80);
	}
	tap_ok(whole, "header: each word is at most 75 characters and holds whole characters");

	char ascii[400] = "";
	for (int i = 0; i < 15; i++)
		strcat(ascii, "formation longue ");
	strcat(ascii, "fin");
	h = header("Subject", ascii, &rc);
	tap_ok(rc == MAIL_OK && unfold(h, "Subject", value, sizeof(value)) && strcmp(value, ascii) == 0,
		"header: a long ASCII subject is folded at spaces and unfolds back");
	tap_ok(strstr(h, "\r\n ") != NULL, "header: with at least one fold");
}

static void test_header_injection(void)
{
	int rc;
	header("Subject", "Bonjour\r\nBcc: victime@example.org", &rc);
	tap_is_int(rc, MAIL_INVALID, "header: CRLF in a value is refused");
	tap_is_int(out.len, 0, "header: and nothing is written");
	header("Subject", "Bonjour\nBcc: victime@example.org", &rc);
	tap_is_int(rc, MAIL_INVALID, "header: LF alone is refused");
	header("Subject", "Bonjour\rBcc: victime@example.org", &rc);
	tap_is_int(rc, MAIL_INVALID, "header: CR alone is refused");
	header("Subject", "caf\xc3", &rc);
	tap_is_int(rc, MAIL_INVALID, "header: invalid UTF-8 is refused");

	struct mail_message m = { .from = "formations@egoc.example", .to = "a@b.example",
		.subject = "Sujet\r\nBcc: x@y.example", .body = "x\n", .outbox_id = 1, .created = 1 };
	const char *why = NULL;
	buf_free(&out);
	tap_is_int(mail_build(&out, &m, &why), MAIL_INVALID, "build: a subject with CRLF is refused");
	tap_ok(why && strstr(why, "subject"), "build: and says it is the subject");
	m.subject = "Sujet";
	m.to = "a@b.example\r\nBcc: x@y.example";
	buf_free(&out);
	tap_is_int(mail_build(&out, &m, &why), MAIL_INVALID, "build: a To with CRLF is refused");
	m.to = "Victime <a@b.example>";
	buf_free(&out);
	tap_is_int(mail_build(&out, &m, &why), MAIL_INVALID, "build: a To must be a bare address");
	m.to = "a@b.example";
	m.from = "Formations\r\nBcc: x@y.example <formations@egoc.example>";
	buf_free(&out);
	tap_is_int(mail_build(&out, &m, &why), MAIL_INVALID, "build: a From name with CRLF is refused");
	m.from = "formations@egoc.example";
	m.body = "caf\xc3\n";
	buf_free(&out);
	tap_is_int(mail_build(&out, &m, &why), MAIL_INVALID, "build: an invalid UTF-8 body is refused");
	buf_free(&out);
}

static void test_date_address(void)
{
	char d[40], a[256];
	tap_ok(mail_date(0, d, sizeof(d)) == MAIL_OK, "date: the epoch");
	tap_is_str(d, "Thu, 01 Jan 1970 00:00:00 +0000", "date: RFC 5322, UTC");
	mail_date(1751357109, d, sizeof(d));
	tap_is_str(d, "Tue, 01 Jul 2025 08:05:09 +0000", "date: a summer day, still UTC");
	tap_is_int(mail_date(0, d, 10), MAIL_INVALID, "date: a small buffer is refused");

	tap_ok(mail_address("formations@egoc.example", a, sizeof(a)) == MAIL_OK &&
		strcmp(a, "formations@egoc.example") == 0, "address: a bare address");
	tap_ok(mail_address("Formations EGOC <formations@egoc.example>", a, sizeof(a)) == MAIL_OK &&
		strcmp(a, "formations@egoc.example") == 0, "address: out of Name <addr>");
	static const char *bad[] = { "", "nobody", "@egoc.example", "a@", "a@b@c", "a b@c.fr",
		"a@b.fr>", "<a@b.fr> x", "a\r\n@b.fr", "é@b.fr", "a\"b@c.fr", "a@b.fr,c@d.fr" };
	int refused = 1;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (mail_address(bad[i], a, sizeof(a)) != MAIL_INVALID) {
			printf("# accepted: %s\n", bad[i]);
			refused = 0;
		}
	tap_ok(refused, "address: %zu malformed addresses refused", sizeof(bad) / sizeof(bad[0]));
}

static int starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_layout(void)
{
	struct mail_message m = {
		.from = "Formations EGOC <formations@egoc.example>",
		.to = "camille.dupont@caf.example",
		.subject = "Accusé de réception",
		.body = "Bonjour,\n\nVotre demande est reçue.\n",
		.outbox_id = 42, .created = 1700000000, .date = 1751357109,
	};
	const char *why = "";
	buf_init(&out, 1 << 20);
	tap_is_int(mail_build(&out, &m, &why), MAIL_OK, "build: MAIL_OK");
	tap_ok(why == NULL, "build: no reason on success");
	tap_is_str(out.data,
		"From: \"Formations EGOC\" <formations@egoc.example>\r\n"
		"To: camille.dupont@caf.example\r\n"
		"Subject: =?UTF-8?B?QWNjdXPDqSBkZSByw6ljZXB0aW9u?=\r\n"
		"Date: Tue, 01 Jul 2025 08:05:09 +0000\r\n"
		"Message-ID: <outbox-42.1700000000@egoc.example>\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"\r\n"
		"Bonjour,\r\n\r\nVotre demande est re=C3=A7ue.\r\n",
		"build: the whole message, byte for byte");
	int bare_lf = 0;
	for (size_t i = 0; i < out.len; i++)
		bare_lf |= out.data[i] == '\n' && (i == 0 || out.data[i - 1] != '\r');
	tap_ok(!bare_lf, "build: every line ends with CRLF");
	buf_free(&out);

	m.date = 1751357109 + 3600;
	buf_init(&out, 1 << 20);
	mail_build(&out, &m, NULL);
	tap_ok(strstr(out.data, "Message-ID: <outbox-42.1700000000@egoc.example>\r\n") != NULL,
		"build: the Message-ID stays the same when sent again later");
	buf_free(&out);

	m.from = "Équipe EGOC <formations@egoc.example>";
	buf_init(&out, 1 << 20);
	mail_build(&out, &m, NULL);
	tap_ok(starts_with(out.data, "From: =?UTF-8?B?w4lxdWlwZSBFR09D?= <formations@egoc.example>\r\n"),
		"build: an accented sender name is encoded");
	buf_free(&out);

	m.from = "Service \"formation\" <formations@egoc.example>";
	buf_init(&out, 1 << 20);
	mail_build(&out, &m, NULL);
	tap_ok(starts_with(out.data, "From: \"Service \\\"formation\\\"\" <formations@egoc.example>\r\n"),
		"build: quotes in the sender name are escaped");
	buf_free(&out);

	m.from = "formations@egoc.example";
	buf_init(&out, 64);
	tap_is_int(mail_build(&out, &m, NULL), MAIL_NOMEM, "build: over the buffer's cap, MAIL_NOMEM");
	buf_free(&out);
}

/* RFC 2045 base64, line breaks ignored; malloc'd, *n its length. NULL on
 * a malformed input. */
static char *b64_decode(const char *s, size_t *n)
{
	const unsigned char *t = b64_table();
	char *d = malloc(strlen(s) + 1);
	size_t o = 0;
	unsigned long x = 0;
	int bits = 0, pad = 0;
	for (const char *p = s; d && *p; p++) {
		if (*p == '\r' || *p == '\n')
			continue;
		if (*p == '=') {
			pad++;
			continue;
		}
		if (pad || t[(unsigned char)*p] == 0xff) {
			free(d);
			return NULL;
		}
		x = x << 6 | t[(unsigned char)*p];
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			d[o++] = (char)(x >> bits & 0xff);
		}
	}
	if (d)
		d[o] = '\0';
	*n = o;
	return d;
}

/* A message's body split at "--boundary" lines (RFC 2046, 5.1.1): the
 * CRLF before a delimiter belongs to it. Fills part[] with malloc'd
 * copies, returns their count, -1 when the close delimiter is missing or
 * something but a CRLF follows it. */
static int split_parts(const char *body, const char *boundary, char **part, int max)
{
	char delim[128];
	snprintf(delim, sizeof(delim), "--%s", boundary);
	size_t dl = strlen(delim);
	if (strncmp(body, delim, dl) != 0 || strncmp(body + dl, "\r\n", 2) != 0)
		return -1;
	const char *p = body + dl + 2;
	int n = 0;
	for (;;) {
		char next[140];
		snprintf(next, sizeof(next), "\r\n%s", delim);
		const char *e = strstr(p, next);
		if (!e || n == max)
			return -1;
		part[n] = strndup(p, (size_t)(e - p));
		n++;
		e += strlen(next);
		if (strcmp(e, "--\r\n") == 0)
			return n;
		if (strncmp(e, "\r\n", 2) != 0)
			return -1;
		p = e + 2;
	}
}

static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Every line: CRLF, printable ASCII, at most max characters. */
static int lines_ok(const char *s, size_t max)
{
	size_t col = 0;
	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			col = 0;
			p++;
			continue;
		}
		if (*p == '\r' || *p == '\n' || (unsigned char)*p > 126 ||
				((unsigned char)*p < 32 && *p != '\t') || ++col > max)
			return 0;
	}
	return 1;
}

/* The text with its CRLF made LF, as qp_decode gives it. */
static char *lf_only(const char *text)
{
	char *want = malloc(strlen(text) + 1), *w = want;
	for (const char *p = text; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*w++ = *p;
	*w = '\0';
	return want;
}

/* Builds m and checks the multipart layout: the headers, two parts with
 * their own headers, the text and the calendar decoded back exactly. */
static void check_multipart(const struct mail_message *m, const char *what)
{
	buf_free(&out);
	buf_init(&out, 1 << 22);
	const char *why = "";
	if (!tap_ok(mail_build(&out, m, &why) == MAIL_OK, "%s: MAIL_OK", what))
		printf("#   why: %s\n", why ? why : "(none)");
	char boundary[64], head[1024];
	snprintf(boundary, sizeof(boundary), "=_formations-%lld", m->outbox_id);
	snprintf(head, sizeof(head),
		"MIME-Version: 1.0\r\n"
		"Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"\r\n", boundary);
	const char *body = out.data ? strstr(out.data, head) : NULL;
	tap_ok(body && starts_with(out.data, "From: ") && strstr(out.data, "\r\nMessage-ID: ") < body,
		"%s: the headers, then MIME-Version, multipart/mixed and its boundary", what);
	if (!body)
		return;
	tap_ok(!strstr(out.data, "Content-Transfer-Encoding") || strstr(out.data, "Content-Transfer-Encoding") > body,
		"%s: no Content-Transfer-Encoding for the whole message", what);
	body += strlen(head);
	tap_ok(lines_ok(out.data, 78), "%s: 7-bit ASCII, CRLF line ends, no line over 78", what);

	char *part[4] = { NULL, NULL, NULL, NULL };
	int n = split_parts(body, boundary, part, 4);
	tap_is_int(n, 2, "%s: two parts, then the close delimiter and nothing else", what);
	char delim[80];
	snprintf(delim, sizeof(delim), "--%s", boundary);
	tap_is_int(count_of(out.data, delim), 3, "%s: the boundary occurs in its three delimiters only", what);
	if (n == 2) {
		const char *text_head = "Content-Type: text/plain; charset=UTF-8\r\n"
			"Content-Transfer-Encoding: quoted-printable\r\n\r\n";
		char cal_head[300];
		snprintf(cal_head, sizeof(cal_head),
			"Content-Type: text/calendar; charset=UTF-8; method=%s;\r\n"
			" name=\"invitation.ics\"\r\n"
			"Content-Transfer-Encoding: base64\r\n"
			"Content-Disposition: inline; filename=\"invitation.ics\"\r\n\r\n",
			m->calendar_method);
		tap_ok(starts_with(part[0], text_head), "%s: part 1 is text/plain, quoted-printable", what);
		tap_ok(starts_with(part[1], cal_head),
			"%s: part 2 is text/calendar; method=%s, base64, inline, named invitation.ics",
			what, m->calendar_method);
		char *text = starts_with(part[0], text_head) ? qp_decode(part[0] + strlen(text_head)) : NULL;
		char *want = lf_only(m->body);
		tap_ok(text && strcmp(text, want) == 0, "%s: part 1 decodes to the exact body", what);
		tap_ok(starts_with(part[0], text_head) && qp_lines_ok(part[0] + strlen(text_head)),
			"%s: part 1 lines within 76", what);
		size_t len = 0;
		char *cal = starts_with(part[1], cal_head) ? b64_decode(part[1] + strlen(cal_head), &len) : NULL;
		tap_ok(cal && len == strlen(m->calendar) && memcmp(cal, m->calendar, len) == 0,
			"%s: part 2 decodes to the exact calendar, CRLF kept", what);
		tap_ok(starts_with(part[1], cal_head) && lines_ok(part[1] + strlen(cal_head), 76),
			"%s: part 2 lines within 76", what);
		free(text);
		free(want);
		free(cal);
	}
	for (int i = 0; i < 4; i++)
		free(part[i]);
}

static void test_multipart(void)
{
	struct ical_event ev[2] = {
		{ .uid = "creneau-11@formations.egoc", .summary = "Gestion des conflits — jour 1 matin",
			.description = "Accueil à 8 h 45, salle Creuse.\nApportez un cas vécu ; le déjeuner "
			"est offert à l’hôtel-restaurant « Le Cœur de Guéret ».",
			.location = "Guéret, 12 rue du Pont", .url = "https://formations.egoc/participant/abc",
			.start_utc = 1757919600, .end_utc = 1757932200, .stamp_utc = 1756721472,
			.last_modified_utc = 1756540800, .sequence = 2, .status = ICAL_CONFIRMED },
		{ .uid = "creneau-12@formations.egoc", .summary = "Gestion des conflits — jour 1 après-midi",
			.description = "", .location = "", .url = "",
			.start_utc = 1757937600, .end_utc = 1757950200, .stamp_utc = 1756721472,
			.last_modified_utc = 1756540800, .sequence = 0, .status = ICAL_CONFIRMED },
	};
	struct ical_invitation inv = { ICAL_REQUEST, "EGOC", "formations@egoc.example",
		"Camille Dupont", "camille.dupont@caf.example", ev, 2 };
	struct buf request, cancel;
	buf_init(&request, 1 << 20);
	buf_init(&cancel, 1 << 20);
	inv.method = ICAL_REQUEST;
	int rc = ical_write_invitation(&request, &inv);
	inv.method = ICAL_CANCEL;
	rc |= ical_write_invitation(&cancel, &inv);
	tap_ok(rc == 0, "multipart: two invitations written by out/ical.c");

	struct mail_message m = {
		.from = "Formations EGOC <formations@egoc.example>",
		.to = "camille.dupont@caf.example",
		.subject = "Convocation : Gestion des conflits, 15 et 16 septembre",
		.body = "Bonjour Camille,\n\nVous êtes inscrite à la formation « Gestion des conflits ».\n"
			"Une ligne qui cite la frontière --=_formations-42 et =_formations-42 telle quelle.\n"
			"Cordialement,\nL’équipe EGOC\n",
		.outbox_id = 42, .created = 1700000000, .date = 1751357109,
		.calendar = request.data, .calendar_method = "REQUEST",
	};
	check_multipart(&m, "REQUEST");
	m.calendar = cancel.data;
	m.calendar_method = "CANCEL";
	check_multipart(&m, "CANCEL");
	m.body = "";
	check_multipart(&m, "empty body");
	m.body = "sans fin de ligne";
	check_multipart(&m, "body without a final line break");

	/* The whole of one, byte for byte, with a small calendar. */
	struct mail_message small = m;
	small.from = "formations@egoc.example";
	small.subject = "Annulation";
	small.body = "Séance annulée.\n";
	small.calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
	small.outbox_id = 7;
	buf_free(&out);
	buf_init(&out, 1 << 20);
	tap_is_int(mail_build(&out, &small, NULL), MAIL_OK, "multipart: a small one built");
	tap_is_str(out.data,
		"From: formations@egoc.example\r\n"
		"To: camille.dupont@caf.example\r\n"
		"Subject: Annulation\r\n"
		"Date: Tue, 01 Jul 2025 08:05:09 +0000\r\n"
		"Message-ID: <outbox-7.1700000000@egoc.example>\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: multipart/mixed;\r\n boundary=\"=_formations-7\"\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"\r\n"
		"--=_formations-7\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n"
		"\r\n"
		"S=C3=A9ance annul=C3=A9e.\r\n"
		"\r\n"
		"--=_formations-7\r\n"
		"Content-Type: text/calendar; charset=UTF-8; method=CANCEL;\r\n"
		" name=\"invitation.ics\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: inline; filename=\"invitation.ics\"\r\n"
		"\r\n"
		"QkVHSU46VkNBTEVOREFSDQpNRVRIT0Q6Q0FOQ0VMDQpFTkQ6VkNBTEVOREFSDQo=\r\n"
		"--=_formations-7--\r\n",
		"multipart: the whole message, byte for byte");

	/* No calendar, or an empty one: the plain message, unchanged. */
	struct mail_message plain = m;
	plain.body = "Bonjour.\n";
	plain.calendar = NULL;
	plain.calendar_method = NULL;
	buf_free(&out);
	buf_init(&out, 1 << 20);
	mail_build(&out, &plain, NULL);
	char *without = strdup(out.data);
	plain.calendar = "";
	plain.calendar_method = "REQUEST";
	buf_free(&out);
	buf_init(&out, 1 << 20);
	mail_build(&out, &plain, NULL);
	tap_ok(strcmp(out.data, without) == 0 && strstr(without, "Content-Type: text/plain; charset=UTF-8\r\n"),
		"an empty calendar is no calendar: the plain text message, byte for byte");
	free(without);

	/* Refusals. */
	struct { const char *calendar, *method, *why; } bad[] = {
		{ request.data, "PUBLISH", "a method other than REQUEST or CANCEL" },
		{ request.data, NULL, "no method" },
		{ request.data, "CANCEL", "a method that is not the calendar's METHOD" },
		{ "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:caf\xc3\r\nEND:VCALENDAR\r\n", "REQUEST",
			"a calendar of invalid UTF-8" },
		{ "Bonjour\r\nMETHOD:REQUEST\r\n", "REQUEST", "a text that is no VCALENDAR" },
		{ "BEGIN:VCALENDAR\r\nX-METHOD:REQUEST\r\nEND:VCALENDAR\r\n", "REQUEST", "a calendar without METHOD" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct mail_message b = m;
		b.calendar = bad[i].calendar;
		b.calendar_method = bad[i].method;
		const char *why = NULL;
		buf_free(&out);
		buf_init(&out, 1 << 20);
		int r = mail_build(&out, &b, &why);
		tap_ok(r == MAIL_INVALID && why && strstr(why, "calendar"),
			"multipart: %s is refused, and why says calendar", bad[i].why);
	}
	buf_free(&out);
	buf_init(&out, 2000);
	m.calendar = request.data;
	m.calendar_method = "REQUEST";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_NOMEM, "multipart: over the buffer's cap, MAIL_NOMEM");
	buf_free(&out);
	buf_free(&request);
	buf_free(&cancel);
}

/* The file name a reader finds in a part's headers (RFC 2231): the
 * UTF-8 of filename*= or of its numbered sections filename*0*=,
 * filename*1*=... put together, else the plain filename="..."; 0 when
 * there is none or it is malformed. */
static int filename_of(const char *part, char *dst, size_t size)
{
	const char *end = strstr(part, "\r\n\r\n");
	if (!end)
		return 0;
	char head[4096];
	size_t h = 0;
	for (const char *p = part; p < end && h + 1 < sizeof(head); p++) {
		if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
			p++;
		else
			head[h++] = *p;
	}
	head[h] = '\0';
	char enc[2048] = "";
	size_t e = 0;
	const char *v = strstr(head, "filename*=UTF-8''");
	for (int section = 0; !v; section++) {
		char key[32];
		snprintf(key, sizeof(key), section ? "filename*%d*=" : "filename*%d*=UTF-8''", section);
		const char *k = strstr(head, key);
		if (!k)
			break;
		k += strlen(key);
		size_t n = strcspn(k, ";\r\n");
		if (e + n >= sizeof(enc))
			return 0;
		memcpy(enc + e, k, n);
		enc[e += n] = '\0';
	}
	if (v) {
		v += strlen("filename*=UTF-8''");
		e = strcspn(v, ";\r\n");
		if (e >= sizeof(enc))
			return 0;
		memcpy(enc, v, e);
		enc[e] = '\0';
	}
	size_t o = 0;
	if (e) {
		for (size_t i = 0; i < e && o + 1 < size; i++) {
			if (enc[i] != '%') {
				dst[o++] = enc[i];
				continue;
			}
			if (i + 2 >= e || hexval(enc[i + 1]) < 0 || hexval(enc[i + 2]) < 0)
				return 0;
			dst[o++] = (char)(hexval(enc[i + 1]) << 4 | hexval(enc[i + 2]));
			i += 2;
		}
	} else {
		const char *q = strstr(head, "filename=\"");
		if (!q)
			return 0;
		q += strlen("filename=\"");
		for (; *q && *q != '"' && o + 1 < size; q++)
			dst[o++] = *q;
	}
	dst[o] = '\0';
	return 1;
}

/* An attached PDF: the last part, its headers (exactly, when headers is
 * not NULL), the name a reader finds, its bytes decoded back. With a
 * calendar, the file comes after it. Lines stay within 78 characters but
 * for a long plain name's own (a quoted string cannot be folded): those
 * within RFC 5322's 998. */
static void check_attachment(const char *name, const char *headers, const char *calendar,
		int long_name, const char *what)
{
	unsigned char pdf[3000];
	for (size_t i = 0; i < sizeof(pdf); i++)
		pdf[i] = (unsigned char)(i * 7 + 3);
	memcpy(pdf, "%PDF-1.5\n", 9);
	struct mail_message m = {
		.from = "formations@egoc.example", .to = "marie@caf.example",
		.subject = "Votre attestation", .body = "Bonjour,\nVotre attestation est jointe.\n",
		.outbox_id = 9, .created = 1700000000, .date = 1751357109,
		.calendar = calendar, .calendar_method = calendar ? "REQUEST" : NULL,
		.attachment_name = name, .attachment_type = "application/pdf",
		.attachment = pdf, .attachment_len = sizeof(pdf),
	};
	buf_free(&out);
	buf_init(&out, 1 << 22);
	const char *why = "";
	if (!tap_ok(mail_build(&out, &m, &why) == MAIL_OK, "%s: MAIL_OK", what))
		printf("#   why: %s\n", why ? why : "(none)");
	tap_ok(out.data && strstr(out.data, "Content-Type: multipart/mixed;\r\n boundary=\"=_formations-9\"\r\n"),
		"%s: multipart/mixed", what);
	if (long_name) {
		int ok = out.data && lines_ok(out.data, 998);
		for (const char *l = out.data; ok && l; l = strstr(l, "\r\n") ? strstr(l, "\r\n") + 2 : NULL) {
			size_t n = strcspn(l, "\r");
			ok = n <= 78 || starts_with(l, " name=\"") || starts_with(l, " filename=\"");
		}
		tap_ok(ok, "%s: 7-bit ASCII, CRLF line ends, no line over 78 but the plain name's", what);
	} else
		tap_ok(out.data && lines_ok(out.data, 78), "%s: 7-bit ASCII, CRLF line ends, no line over 78", what);
	char *part[4] = { NULL, NULL, NULL, NULL };
	const char *body = out.data ? strstr(out.data, "\r\n\r\n") : NULL;
	int want = calendar ? 3 : 2, n = body ? split_parts(body + 4, "=_formations-9", part, 4) : 0;
	tap_is_int(n, want, calendar ? "%s: the text, the calendar, then the file" : "%s: the text, then the file", what);
	if (n == want) {
		const char *file = part[want - 1];
		tap_ok(starts_with(part[0], "Content-Type: text/plain; charset=UTF-8\r\n"), "%s: the text first", what);
		if (calendar)
			tap_ok(starts_with(part[1], "Content-Type: text/calendar; charset=UTF-8; method=REQUEST;"),
				"%s: the calendar second", what);
		if (headers && !tap_ok(starts_with(file, headers), "%s: the file's headers", what))
			printf("#   got: %.*s\n", (int)(strstr(file, "\r\n\r\n") ? strstr(file, "\r\n\r\n") - file : 0), file);
		tap_ok(starts_with(file, "Content-Type: application/pdf;") &&
			strstr(file, "\r\nContent-Disposition: attachment;") &&
			strstr(file, "\r\nContent-Transfer-Encoding: base64\r\n"), "%s: a PDF, attached, base64", what);
		char found[1024];
		tap_ok(filename_of(file, found, sizeof(found)) && strcmp(found, name) == 0,
			"%s: a reader finds its name", what);
		const char *data = strstr(file, "\r\n\r\n");
		size_t len = 0;
		char *back = data ? b64_decode(data + 4, &len) : NULL;
		tap_ok(back && len == sizeof(pdf) && memcmp(back, pdf, len) == 0, "%s: its bytes decode back exactly", what);
		tap_ok(data && lines_ok(data + 4, 76) && strstr(data + 4, "\r\n") - (data + 4) == 76,
			"%s: base64 lines of 76", what);
		free(back);
	}
	for (int i = 0; i < 4; i++)
		free(part[i]);
}

static void test_attachment(void)
{
	check_attachment("attestation-K7QX-M2PA.pdf",
		"Content-Type: application/pdf; name=\"attestation-K7QX-M2PA.pdf\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: attachment; filename=\"attestation-K7QX-M2PA.pdf\"\r\n\r\n",
		NULL, 0, "ASCII name");
	check_attachment("attestation-Hélène.pdf",
		"Content-Type: application/pdf; name=\"attestation-Helene.pdf\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: attachment;\r\n"
		" filename*=UTF-8''attestation-H%C3%A9l%C3%A8ne.pdf;\r\n"
		" filename=\"attestation-Helene.pdf\"\r\n\r\n",
		NULL, 0, "accented name (RFC 2231, with an ASCII fallback)");
	check_attachment("Œuvre « d’art » 日本.pdf",
		"Content-Type: application/pdf; name=\"OEuvre _ d'art _ __.pdf\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: attachment;\r\n"
		" filename*0*=UTF-8''%C5%92uvre%20%C2%AB%20d%E2%80%99art%20%C2%BB%20;\r\n"
		" filename*1*=%E6%97%A5%E6%9C%AC.pdf;\r\n"
		" filename=\"OEuvre _ d'art _ __.pdf\"\r\n\r\n",
		NULL, 0, "a name beyond Latin-1, in RFC 2231 sections");
	check_attachment("Compte \"rendu\" \\ final.pdf", NULL, NULL, 0, "quotes and a backslash in the name");
	/* 120 characters, the longest the outbox keeps (sql/0016). */
	char longest[600] = "";
	for (int i = 0; i < 29; i++)
		strcat(longest, "Été ");
	strcat(longest, ".pdf");
	check_attachment(longest, NULL, NULL, 1, "a name of 120 accented characters");
	check_attachment("a-very-long-plain-ascii-name-for-an-attestation-de-fin-de-formation-2026.pdf",
		"Content-Type: application/pdf;\r\n"
		" name=\"a-very-long-plain-ascii-name-for-an-attestation-de-fin-de-formation-2026.pdf\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: attachment;\r\n"
		" filename=\"a-very-long-plain-ascii-name-for-an-attestation-de-fin-de-formation-2026.pdf\"\r\n\r\n",
		NULL, 1, "a long ASCII name, folded");
	check_attachment("attestation.pdf", NULL,
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//EGOC//Formations//FR\r\nMETHOD:REQUEST\r\n"
		"END:VCALENDAR\r\n", 0, "with a calendar too");
	unsigned char one = 'x';
	struct mail_message m = { .from = "formations@egoc.example", .to = "marie@caf.example",
		.subject = "S", .body = "B", .outbox_id = 9, .created = 1, .date = 1,
		.attachment_name = "a.pdf", .attachment_type = "application/pdf", .attachment = &one,
		.attachment_len = 0 };
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "an attachment without bytes: MAIL_INVALID");
	m.attachment_len = 1;
	tap_is_int(mail_build(&out, &m, NULL), MAIL_OK, "one byte: MAIL_OK");
	m.attachment_name = "";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "without a name: MAIL_INVALID");
	m.attachment_name = "a\r\nBcc: x@y.example";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "a name with CR LF: MAIL_INVALID");
	m.attachment_name = "a\tb.pdf";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "a name with a tab: MAIL_INVALID");
	m.attachment_name = "\xC3(.pdf";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "a name of invalid UTF-8: MAIL_INVALID");
	m.attachment_name = "a.pdf";
	m.attachment_type = "application/pdf\r\nX: y";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "a type with CR LF: MAIL_INVALID");
	m.attachment_type = "";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "an empty type: MAIL_INVALID");
	m.attachment_type = "pdf";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "a type without a subtype: MAIL_INVALID");
	m.attachment_type = NULL;
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "without a type: MAIL_INVALID");
	m.attachment_name = NULL;
	m.attachment_type = "application/pdf";
	tap_is_int(mail_build(&out, &m, NULL), MAIL_INVALID, "bytes without a name: MAIL_INVALID");
}

int main(void)
{
	buf_init(&out, 1 << 20);
	test_qp_basics();
	test_qp_long_lines();
	test_qp_mixed();
	test_headers();
	test_header_injection();
	test_date_address();
	test_layout();
	test_multipart();
	test_attachment();
	buf_free(&out);
	return tap_done();
}
