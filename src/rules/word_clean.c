/* Cleaning of text pasted from Word. The work is a pipeline of passes, each
 * reading one buffer and writing the next, so that every pass stays small
 * and can assume what the previous one guaranteed:
 *
 *   1. validate UTF-8, turn CRLF and CR into LF;
 *   2. if the text is HTML (pasted, not typed: the rule is told in "HTML
 *      to text"), flatten it to text (tags, comments, entities);
 *   3. normalise characters (no-break spaces, smart quotes, invisible
 *      characters, control characters);
 *   4. normalise lines (indentation, runs of spaces, bullets, blank lines,
 *      empty fenced blocks);
 *   5. remove the plain-text remains of Word's style sheet, then normalise
 *      lines again, until nothing more is removed;
 *   6. if the previous passes left something that would be taken for
 *      HTML, escape the '<' of its tags.
 *
 * No pass keeps state outside its arguments: the module is pure. */
#include "rules/word_clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Growing buffer with a sticky failure flag, so that passes can append
 * without checking every call and test once at the end. */

struct wbuf {
	char *p;
	size_t len;
	size_t cap;
	int oom;
};

static void wb_reserve(struct wbuf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return;
	if (extra > SIZE_MAX - b->len - 1) {
		b->oom = 1;
		return;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return;
	}
	b->p = p;
	b->cap = cap;
}

static void wb_put(struct wbuf *b, const char *s, size_t n)
{
	wb_reserve(b, n);
	if (b->oom)
		return;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void wb_puts(struct wbuf *b, const char *s)
{
	wb_put(b, s, strlen(s));
}

static void wb_putc(struct wbuf *b, char c)
{
	wb_put(b, &c, 1);
}

/* Encode cp (a valid scalar value) as UTF-8 into s; returns its length. */
static size_t utf8_encode(uint32_t cp, char s[4])
{
	if (cp < 0x80) {
		s[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	s[0] = (char)(0xF0 | (cp >> 18));
	s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	s[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static void wb_put_cp(struct wbuf *b, uint32_t cp)
{
	char s[4];

	wb_put(b, s, utf8_encode(cp, s));
}

static char wb_last(const struct wbuf *b)
{
	return b->len ? b->p[b->len - 1] : '\0';
}

/* Hand the buffer's text over (an empty text still gets a string). */
static int wb_finish(struct wbuf *b, char **out, size_t *out_len)
{
	wb_reserve(b, 0);
	if (b->oom) {
		free(b->p);
		*b = (struct wbuf){0};
		return -1;
	}
	b->p[b->len] = '\0';
	*out = b->p;
	*out_len = b->len;
	*b = (struct wbuf){0};
	return 0;
}

/* ------------------------------------------------------------------ */
/* UTF-8 and small character helpers */

/* Decode one strict UTF-8 sequence (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF). Returns its length, or 0 when malformed. */
static size_t utf8_next(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t v, min;
	size_t len, k;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2, v = s[0] & 0x1Fu, min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3, v = s[0] & 0x0Fu, min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4, v = s[0] & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

static int is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_ascii_alnum(char c)
{
	return is_ascii_alpha(c) || is_ascii_digit(c);
}

static char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* strchr() would also find the terminating NUL. */
static int char_in(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive comparison of s[0..n) with the lower-case word w. */
static int ascii_ieq(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (w[k] == '\0' || ascii_lower(s[k]) != w[k])
			return 0;
	return w[n] == '\0';
}

static int ascii_iprefix(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; w[k]; k++)
		if (k >= n || ascii_lower(s[k]) != w[k])
			return 0;
	return 1;
}

static int has_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), k;

	for (k = 0; k + wl <= n; k++)
		if (memcmp(s + k, w, wl) == 0)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Validation and line endings */

static int pass_newlines(const char *in, size_t n, struct wbuf *out)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (in[i] == '\r') {
			wb_putc(out, '\n');
			i += (i + 1 < n && in[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		len = utf8_next(in + i, n - i, &cp);
		if (len == 0)
			return -1;
		wb_put(out, in + i, len);
		i += len;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* HTML to text */
/*
 * When is a text HTML? Staff type "Initiation <HTML> et <CSS>", "niveau
 * <B> ou <C>", "groupes < 12 et > 4" in the forms, and such text is kept
 * as typed (the templates escape it). What comes from Word's clipboard or
 * from a web page is HTML, and is flattened. A text is taken for HTML only
 * when it holds at least one of:
 *
 * - a Word marker: the Windows clipboard header ("Version:... StartHTML:"),
 *   a conditional comment (<!--[if ...]>, <![if ...]>, <![endif]>),
 *   <!--StartFragment-->, an element of an Office namespace (<o:p>,
 *   <w:WordDocument>, <v:shape>, <st1:place>);
 * - HTML structure: <!DOCTYPE html>, an element of HTML with a valued
 *   attribute written the way HTML writes it (<p class=MsoNormal>,
 *   <span style='mso-...'>, <a href="...">), or an element of HTML opened
 *   and then closed (<p>...</p>, <b>...</b>).
 *
 * A tag is always HTML-shaped: "<" or "</", the name of an element of
 * HTML, then a blank, ">" or "/", and a ">" before the next "<" (quoted
 * values honoured). Once a text is HTML, only such tags (and Office ones)
 * are markup: a "<CSS>" or a "<b" that never closes inside pasted HTML
 * stays text, so flattening never drops words.
 */

struct html_element {
	const char *name;
	int is_void; /* no closing tag: <br>, <img>... */
};

/* The elements of HTML, the obsolete ones Word and old editors still
 * write, and <xml>, Word's data island. */
static const struct html_element html_elements[] = {
	{"a", 0}, {"abbr", 0}, {"acronym", 0}, {"address", 0}, {"area", 1},
	{"article", 0}, {"aside", 0}, {"audio", 0}, {"b", 0}, {"base", 1},
	{"basefont", 1}, {"bdi", 0}, {"bdo", 0}, {"big", 0},
	{"blockquote", 0}, {"body", 0}, {"br", 1}, {"button", 0},
	{"caption", 0}, {"center", 0}, {"cite", 0}, {"code", 0}, {"col", 1},
	{"colgroup", 0}, {"dd", 0}, {"del", 0}, {"details", 0}, {"dfn", 0},
	{"dir", 0}, {"div", 0}, {"dl", 0}, {"dt", 0}, {"em", 0},
	{"embed", 1}, {"fieldset", 0}, {"figcaption", 0}, {"figure", 0},
	{"font", 0}, {"footer", 0}, {"form", 0}, {"frame", 1},
	{"frameset", 0}, {"h1", 0}, {"h2", 0}, {"h3", 0}, {"h4", 0},
	{"h5", 0}, {"h6", 0}, {"head", 0}, {"header", 0}, {"hr", 1},
	{"html", 0}, {"i", 0}, {"iframe", 0}, {"img", 1}, {"input", 1},
	{"ins", 0}, {"kbd", 0}, {"label", 0}, {"legend", 0}, {"li", 0},
	{"link", 1}, {"main", 0}, {"map", 0}, {"mark", 0}, {"menu", 0},
	{"meta", 1}, {"nav", 0}, {"nobr", 0}, {"noscript", 0},
	{"object", 0}, {"ol", 0}, {"optgroup", 0}, {"option", 0}, {"p", 0},
	{"param", 1}, {"picture", 0}, {"pre", 0}, {"q", 0}, {"s", 0},
	{"samp", 0}, {"script", 0}, {"section", 0}, {"select", 0},
	{"small", 0}, {"source", 1}, {"span", 0}, {"strike", 0},
	{"strong", 0}, {"style", 0}, {"sub", 0}, {"summary", 0}, {"sup", 0},
	{"table", 0}, {"tbody", 0}, {"td", 0}, {"textarea", 0},
	{"tfoot", 0}, {"th", 0}, {"thead", 0}, {"title", 0}, {"tr", 0},
	{"track", 1}, {"tt", 0}, {"u", 0}, {"ul", 0}, {"var", 0},
	{"video", 0}, {"wbr", 1}, {"xml", 0},
};

#define HTML_ELEMENTS (sizeof html_elements / sizeof *html_elements)

/* Index of the element name[0..n) in html_elements, or -1. */
static int html_element_index(const char *name, size_t n)
{
	size_t k;

	for (k = 0; k < HTML_ELEMENTS; k++)
		if (ascii_ieq(name, n, html_elements[k].name))
			return (int)k;
	return -1;
}

/* "prefix:local" with a short prefix and a local name: <o:p>, <st1:City>,
 * <u1:p>. With office set, only the namespaces of Office count (o, w, v,
 * m, x, st1...st9), as a marker; without, any such name is markup once
 * the text is known to be HTML. "<https://...>" is neither. */
static int html_namespaced(const char *name, size_t n, int office)
{
	size_t colon = 0;

	while (colon < n && name[colon] != ':')
		colon++;
	if (colon == 0 || colon > 4 || colon + 1 >= n ||
	    !is_ascii_alpha(name[colon + 1]))
		return 0;
	if (!office)
		return 1;
	if (colon == 1)
		return char_in(ascii_lower(name[0]), "owvmx");
	return colon == 3 && ascii_lower(name[0]) == 's' &&
	       ascii_lower(name[1]) == 't' && is_ascii_digit(name[2]);
}

/* Length of a tag name at s[0..n): letters, digits, ':', '-', '_'. */
static size_t html_name_len(const char *s, size_t n)
{
	size_t k = 0;

	if (n == 0 || !is_ascii_alpha(s[0]))
		return 0;
	while (k < n && (is_ascii_alnum(s[k]) || s[k] == ':' || s[k] == '-' ||
			 s[k] == '_'))
		k++;
	return k;
}

/* End (just past '>') of the tag whose attributes start at i, honouring
 * quoted values; 0 when a '<' or the end of the text comes first. A tag
 * never spans a '<', so a stray "<b" is text and every scan stops at the
 * next '<': detection and flattening stay linear. */
static size_t html_tag_end(const char *s, size_t i, size_t n)
{
	char q;

	while (i < n && s[i] != '<') {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '"' || s[i] == '\'') {
			q = s[i++];
			while (i < n && s[i] != q && s[i] != '<')
				i++;
			if (i >= n || s[i] == '<')
				return 0;
		}
		i++;
	}
	return 0;
}

struct html_tag_shape {
	int closing;
	size_t name, name_len;   /* offset and length of the name */
	size_t attrs, attrs_len; /* what lies between the name and '>' */
	size_t end;              /* just past '>' */
};

/* Whether s[i] == '<' opens an HTML-shaped tag (whatever its name). */
static int html_tag_shape_at(const char *s, size_t i, size_t n,
			     struct html_tag_shape *t)
{
	size_t j = i + 1, name;

	t->closing = 0;
	if (j < n && s[j] == '/')
		t->closing = 1, j++;
	name = html_name_len(s + j, n - j);
	if (name == 0 || j + name >= n)
		return 0;
	if (!(is_blank_char(s[j + name]) || s[j + name] == '>' ||
	      s[j + name] == '/'))
		return 0;
	t->end = html_tag_end(s, j + name, n);
	if (t->end == 0)
		return 0;
	t->name = j;
	t->name_len = name;
	t->attrs = j + name;
	t->attrs_len = t->end - 1 - t->attrs;
	return 1;
}

/* Number of valued attributes when s[0..n) is an attribute list as HTML
 * writes it (name, name=value, name="value", name='value', blanks between,
 * maybe a final '/'); -1 when it is something else ("<p = 3>"). */
static int html_attr_list(const char *s, size_t n)
{
	size_t i = 0, k;
	int valued = 0;
	char q;

	for (;;) {
		while (i < n && is_blank_char(s[i]))
			i++;
		if (i >= n || (s[i] == '/' && i + 1 == n))
			return valued;
		if (!is_ascii_alpha(s[i]) && s[i] != '_' && s[i] != ':')
			return -1;
		while (i < n && (is_ascii_alnum(s[i]) || char_in(s[i], "_:.-")))
			i++;
		for (k = i; k < n && is_blank_char(s[k]); k++)
			;
		if (k >= n || s[k] != '=') {
			if (i < n && !is_blank_char(s[i]) && s[i] != '/')
				return -1;
			continue; /* a boolean attribute */
		}
		for (i = k + 1; i < n && is_blank_char(s[i]); i++)
			;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			q = s[i++];
			while (i < n && s[i] != q)
				i++;
			if (i >= n)
				return -1;
			i++;
		} else {
			k = i;
			while (i < n && !is_blank_char(s[i]) &&
			       !char_in(s[i], "\"'=<>`"))
				i++;
			if (i == k || (i < n && !is_blank_char(s[i])))
				return -1;
		}
		valued++;
	}
}

/* Markers that are HTML by themselves, lower case. */
static int html_marker_at(const char *s, size_t i, size_t n)
{
	static const char *const markers[] = {
		"<!--[if", "<![if", "<![endif", "<!--startfragment",
		"<!doctype html",
	};
	size_t k;

	for (k = 0; k < sizeof markers / sizeof *markers; k++)
		if (ascii_iprefix(s + i, n - i, markers[k]))
			return 1;
	return 0;
}

/* The Windows clipboard prefixes its HTML with "Version:0.9
 * StartHTML:0000000105 ..." offsets: the index of the first tag after
 * them, or 0 when there is no such header. */
static size_t html_skip_clipboard_header(const char *s, size_t n)
{
	size_t k;

	if (n < 8 || memcmp(s, "Version:", 8) != 0)
		return 0;
	for (k = 0; k < n && s[k] != '<'; k++)
		;
	if (k >= n || !has_word(s, k, "StartHTML:"))
		return 0;
	return k;
}

/* Whether the '<' at s[i] counts for looks_like_html(): a marker, or a
 * tag of an element of HTML or of Office. A backslash-escaped "\<" is
 * Markdown for a literal "<" and never counts. */
static int html_tag_at(const char *s, size_t i, size_t n)
{
	struct html_tag_shape t;

	if (s[i] != '<' || (i > 0 && s[i - 1] == '\\'))
		return 0;
	if (html_marker_at(s, i, n))
		return 1;
	if (!html_tag_shape_at(s, i, n, &t))
		return 0;
	return html_namespaced(s + t.name, t.name_len, 1) ||
	       html_element_index(s + t.name, t.name_len) >= 0;
}

/* The rule told at the top of this section. */
static int looks_like_html(const char *s, size_t n)
{
	unsigned char opened[HTML_ELEMENTS] = {0};
	struct html_tag_shape t;
	size_t i;
	int k, attrs;

	if (html_skip_clipboard_header(s, n) != 0)
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] != '<' || (i > 0 && s[i - 1] == '\\'))
			continue;
		if (html_marker_at(s, i, n))
			return 1;
		if (!html_tag_shape_at(s, i, n, &t))
			continue;
		if (html_namespaced(s + t.name, t.name_len, 1))
			return 1;
		k = html_element_index(s + t.name, t.name_len);
		if (k < 0)
			continue;
		attrs = html_attr_list(s + t.attrs, t.attrs_len);
		if (t.closing) {
			if (attrs == 0 && opened[k])
				return 1;
		} else if (attrs > 0) {
			return 1;
		} else if (attrs == 0 && !html_elements[k].is_void) {
			opened[k] = 1;
		}
	}
	return 0;
}

struct html_entity {
	const char *name;
	uint32_t cp;
};

/* The named entities Word and web editors actually emit, French first. */
static const struct html_entity html_entities[] = {
	{"nbsp", 0xA0}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'},
	{"quot", '"'}, {"apos", '\''}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
	{"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB},
	{"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"hellip", 0x2026},
	{"ndash", 0x2013}, {"mdash", 0x2014}, {"bull", 0x2022},
	{"middot", 0xB7}, {"shy", 0xAD}, {"zwj", 0x200D}, {"zwnj", 0x200C},
	{"lrm", 0x200E}, {"rlm", 0x200F}, {"ensp", 0x2002}, {"emsp", 0x2003},
	{"thinsp", 0x2009}, {"euro", 0x20AC}, {"copy", 0xA9}, {"reg", 0xAE},
	{"trade", 0x2122}, {"deg", 0xB0}, {"sect", 0xA7}, {"para", 0xB6},
	{"times", 0xD7}, {"divide", 0xF7}, {"plusmn", 0xB1},
	{"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"sup1", 0xB9},
	{"sup2", 0xB2}, {"sup3", 0xB3}, {"micro", 0xB5}, {"ordf", 0xAA},
	{"ordm", 0xBA}, {"iexcl", 0xA1}, {"iquest", 0xBF}, {"cent", 0xA2},
	{"pound", 0xA3}, {"yen", 0xA5}, {"curren", 0xA4}, {"brvbar", 0xA6},
	{"uml", 0xA8}, {"not", 0xAC}, {"macr", 0xAF}, {"acute", 0xB4},
	{"cedil", 0xB8}, {"dagger", 0x2020}, {"Dagger", 0x2021},
	{"permil", 0x2030}, {"prime", 0x2032}, {"larr", 0x2190},
	{"rarr", 0x2192}, {"uarr", 0x2191}, {"darr", 0x2193},
	{"harr", 0x2194}, {"rArr", 0x21D2}, {"circ", 0x2C6}, {"tilde", 0x2DC},
	{"fnof", 0x192}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2},
	{"atilde", 0xE3}, {"auml", 0xE4}, {"aring", 0xE5}, {"aelig", 0xE6},
	{"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA},
	{"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE},
	{"iuml", 0xEF}, {"eth", 0xF0}, {"ntilde", 0xF1}, {"ograve", 0xF2},
	{"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ouml", 0xF6},
	{"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB},
	{"uuml", 0xFC}, {"yacute", 0xFD}, {"thorn", 0xFE}, {"yuml", 0xFF},
	{"szlig", 0xDF}, {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2},
	{"Atilde", 0xC3}, {"Auml", 0xC4}, {"Aring", 0xC5}, {"AElig", 0xC6},
	{"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA},
	{"Euml", 0xCB}, {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE},
	{"Iuml", 0xCF}, {"ETH", 0xD0}, {"Ntilde", 0xD1}, {"Ograve", 0xD2},
	{"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
	{"Oslash", 0xD8}, {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},
	{"Uuml", 0xDC}, {"Yacute", 0xDD}, {"THORN", 0xDE}, {"oelig", 0x153},
	{"OElig", 0x152}, {"Yuml", 0x178}, {"scaron", 0x161},
	{"Scaron", 0x160},
};

/* HTML maps the numeric references &#128;..&#159; to Windows-1252, which
 * is what old Word pages mean by them (&#146; is an apostrophe). */
static const uint16_t html_cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static uint32_t html_numeric_cp(uint32_t v)
{
	if (v >= 0x80 && v <= 0x9F)
		return html_cp1252[v - 0x80];
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	return v;
}

/* Decode the entity at s[i] == '&'. Returns the index just past it and
 * sets *cp, or returns 0 when it is not an entity we know (then the '&' is
 * literal text). */
static size_t html_entity_at(const char *s, size_t i, size_t n, uint32_t *cp)
{
	size_t j = i + 1, start, k;
	uint32_t v = 0;
	int hex = 0;

	if (j < n && s[j] == '#') {
		j++;
		if (j < n && (s[j] == 'x' || s[j] == 'X'))
			hex = 1, j++;
		start = j;
		for (; j < n && j - start < 8; j++) {
			char c = ascii_lower(s[j]);
			if (is_ascii_digit(c))
				v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				v = v * 16 + (uint32_t)(c - 'a' + 10);
			else
				break;
		}
		if (j == start || j >= n || s[j] != ';')
			return 0;
		*cp = html_numeric_cp(v);
		return j + 1;
	}
	start = j;
	while (j < n && j - start <= 8 && is_ascii_alnum(s[j]))
		j++;
	if (j == start || j >= n || s[j] != ';')
		return 0;
	for (k = 0; k < sizeof html_entities / sizeof *html_entities; k++) {
		if (strlen(html_entities[k].name) == j - start &&
		    memcmp(html_entities[k].name, s + start, j - start) == 0) {
			*cp = html_entities[k].cp;
			return j + 1;
		}
	}
	return 0;
}

enum { BRK_NONE, BRK_LINE, BRK_PARA };

/* State of the HTML flattener. Breaks, spaces, list and heading prefixes,
 * bold markers and link brackets are all emitted lazily, just before the
 * next visible character, so that empty elements (Word's <p>&nbsp;</p>,
 * <b> </b>) leave nothing behind and "**" never hugs a space. */
struct html {
	struct wbuf *out;
	int brk;
	int space;
	const char *prefix;
	int bold_depth;
	int bold_open;
	int link_state; /* 0 none, 1 waiting for its text, 2 "[" written */
	struct wbuf url;
	int list_depth;
	/* Where the last "-->" and the last closing tag of each raw element
	 * start (SIZE_MAX for none): an opening with no end after it is not
	 * allowed to swallow the rest of the text. */
	size_t last_comment_end;
	size_t last_raw_close[4];
};

/* Elements whose content is not text. */
static const char *const html_raw_elements[4] = {"style", "script", "xml", "title"};

static void html_request(struct html *h, int brk)
{
	if (brk > h->brk)
		h->brk = brk;
}

/* Bold never crosses a link bracket, or CommonMark would print the
 * asterisks: it is closed before "[" and "](" and reopened lazily. */
static void html_close_bold(struct html *h)
{
	if (h->bold_open) {
		wb_put(h->out, "**", 2);
		h->bold_open = 0;
	}
}

static void html_close_link(struct html *h)
{
	if (h->link_state == 2) {
		html_close_bold(h);
		wb_put(h->out, "](", 2);
		wb_put(h->out, h->url.p, h->url.len);
		wb_putc(h->out, ')');
	}
	h->link_state = 0;
}

/* Close what a paragraph break must not cross. A link does not reopen
 * after the break; bold does, lazily, while its element lasts. */
static void html_close_inline(struct html *h)
{
	if (h->link_state == 2)
		html_close_link(h);
	html_close_bold(h);
}

static void html_text(struct html *h, const char *s, size_t n)
{
	if (h->link_state == 1)
		html_close_bold(h); /* before the space: "**a** [b]" */
	if (h->brk) {
		if (h->out->len) {
			html_close_inline(h);
			wb_puts(h->out, h->brk == BRK_PARA ? "\n\n" : "\n");
		}
		h->brk = BRK_NONE;
		h->space = 0;
	} else if (h->space) {
		if (h->out->len && wb_last(h->out) != '\n')
			wb_putc(h->out, ' ');
		h->space = 0;
	}
	if (h->prefix) {
		wb_puts(h->out, h->prefix);
		h->prefix = NULL;
	}
	if (h->link_state == 1) {
		wb_putc(h->out, '[');
		h->link_state = 2;
	}
	if (h->bold_depth > 0 && !h->bold_open) {
		wb_put(h->out, "**", 2);
		h->bold_open = 1;
	}
	if (h->link_state == 2 && n == 1 && (s[0] == '[' || s[0] == ']'))
		wb_putc(h->out, '\\');
	wb_put(h->out, s, n);
}

static void html_text_cp(struct html *h, uint32_t cp)
{
	char s[4];

	html_text(h, s, utf8_encode(cp, s));
}

/* Find attribute `name` in a tag's attribute text; sets its raw value. */
static int html_attr(const char *s, size_t n, const char *name,
		     const char **val, size_t *val_len)
{
	size_t i = 0, ns, nl, vs;
	char q;

	while (i < n) {
		while (i < n && (is_blank_char(s[i]) || s[i] == '/'))
			i++;
		ns = i;
		while (i < n && !is_blank_char(s[i]) && s[i] != '=' &&
		       s[i] != '>' && s[i] != '/')
			i++;
		nl = i - ns;
		if (nl == 0)
			return 0;
		while (i < n && is_blank_char(s[i]))
			i++;
		if (i >= n || s[i] != '=') {
			if (ascii_ieq(s + ns, nl, name)) {
				*val = s + i, *val_len = 0;
				return 1;
			}
			continue;
		}
		i++;
		while (i < n && is_blank_char(s[i]))
			i++;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			q = s[i++];
			vs = i;
			while (i < n && s[i] != q)
				i++;
		} else {
			vs = i;
			while (i < n && !is_blank_char(s[i]) && s[i] != '>')
				i++;
		}
		if (ascii_ieq(s + ns, nl, name)) {
			*val = s + vs, *val_len = i - vs;
			return 1;
		}
		if (i < n)
			i++;
	}
	return 0;
}

/* Keep the target of a web or mail link as a Markdown destination; other
 * targets (Word's #_Toc anchors, file:// paths, scripts) are dropped. */
static int html_link_url(const char *v, size_t n, struct wbuf *url)
{
	struct wbuf dec = {0};
	size_t i = 0, j;
	uint32_t cp;
	int ok;

	while (i < n) {
		if (v[i] == '&' && (j = html_entity_at(v, i, n, &cp)) != 0) {
			wb_put_cp(&dec, cp);
			i = j;
		} else {
			wb_putc(&dec, v[i++]);
		}
	}
	if (dec.oom) {
		free(dec.p);
		return -1;
	}
	i = 0;
	while (i < dec.len && (unsigned char)dec.p[i] <= ' ')
		i++;
	ok = dec.len > i && (ascii_iprefix(dec.p + i, dec.len - i, "http://") ||
			     ascii_iprefix(dec.p + i, dec.len - i, "https://") ||
			     ascii_iprefix(dec.p + i, dec.len - i, "mailto:"));
	url->len = 0;
	for (; ok && i < dec.len; i++) {
		unsigned char c = (unsigned char)dec.p[i];
		if (c < ' ' || c == 0x7F)
			continue;
		if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>') {
			static const char hexd[] = "0123456789ABCDEF";
			char e[3] = {'%', hexd[c >> 4], hexd[c & 15]};
			wb_put(url, e, 3);
		} else {
			wb_putc(url, (char)c);
		}
	}
	free(dec.p);
	return ok && url->len ? 1 : 0;
}

static const char *html_heading_prefix(char level)
{
	switch (level) {
	case '1': return "# ";
	case '2': return "## ";
	case '3': return "### ";
	default: return "#### "; /* the catalogue accepts four levels */
	}
}

static int html_is_block(const char *name, size_t n)
{
	static const char *const blocks[] = {
		"p", "div", "blockquote", "pre", "table", "section",
		"article", "header", "footer", "center", "address", "dl",
		"dt", "dd", "hr", "caption", "form", "fieldset",
	};
	size_t k;

	for (k = 0; k < sizeof blocks / sizeof *blocks; k++)
		if (ascii_ieq(name, n, blocks[k]))
			return 1;
	return 0;
}

static void html_tag_link(struct html *h, int closing, const char *attrs,
			  size_t alen)
{
	const char *v;
	size_t vl;
	int r;

	if (closing) {
		html_close_link(h);
		return;
	}
	if (h->link_state != 0 || !html_attr(attrs, alen, "href", &v, &vl))
		return;
	r = html_link_url(v, vl, &h->url);
	if (r < 0)
		h->out->oom = 1;
	else if (r > 0)
		h->link_state = 1;
}

static void html_tag(struct html *h, const char *name, size_t n, int closing,
		     const char *attrs, size_t alen)
{
	if (ascii_ieq(name, n, "br")) {
		html_request(h, h->brk >= BRK_LINE ? BRK_PARA : BRK_LINE);
	} else if (ascii_ieq(name, n, "ul") || ascii_ieq(name, n, "ol")) {
		if (closing && h->list_depth > 0)
			h->list_depth--;
		else if (!closing)
			h->list_depth++;
		html_request(h, h->list_depth > (closing ? 0 : 1) ? BRK_LINE : BRK_PARA);
		h->prefix = NULL;
	} else if (ascii_ieq(name, n, "li")) {
		html_request(h, BRK_LINE);
		h->prefix = closing ? NULL : "- ";
	} else if (n == 2 && ascii_lower(name[0]) == 'h' && name[1] >= '1' &&
		   name[1] <= '6') {
		html_request(h, BRK_PARA);
		h->prefix = closing ? NULL : html_heading_prefix(name[1]);
	} else if (html_is_block(name, n)) {
		/* Keep a pending "- " on open: Word writes <li><p>item</p>. */
		html_request(h, BRK_PARA);
		if (closing)
			h->prefix = NULL;
	} else if (ascii_ieq(name, n, "tr")) {
		html_request(h, BRK_LINE);
	} else if (ascii_ieq(name, n, "td") || ascii_ieq(name, n, "th")) {
		h->space = 1;
	} else if (ascii_ieq(name, n, "b") || ascii_ieq(name, n, "strong")) {
		if (!closing) {
			h->bold_depth++;
		} else if (h->bold_depth > 0 && --h->bold_depth == 0) {
			html_close_bold(h);
		}
	} else if (ascii_ieq(name, n, "a")) {
		html_tag_link(h, closing, attrs, alen);
	}
}

/* Whether s[i] starts "</name" followed by no letter or digit. */
static int html_raw_close_at(const char *s, size_t i, size_t n,
			     const char *name, size_t nl)
{
	return i + 2 + nl <= n && s[i] == '<' && s[i + 1] == '/' &&
	       ascii_ieq(s + i + 2, nl, name) &&
	       !(i + 2 + nl < n && is_ascii_alnum(s[i + 2 + nl]));
}

/* Index just past "</name ...>" searched from i; the caller made sure
 * that one comes (see last_raw_close). */
static size_t html_skip_raw(const char *s, size_t i, size_t n,
			    const char *name, size_t nl)
{
	size_t e;

	for (; i + 2 + nl <= n; i++) {
		if (!html_raw_close_at(s, i, n, name, nl))
			continue;
		e = html_tag_end(s, i + 2 + nl, n);
		return e ? e : i + 2 + nl;
	}
	return n;
}

static size_t html_find(const char *s, size_t i, size_t n, const char *w)
{
	size_t wl = strlen(w);

	for (; i + wl <= n; i++)
		if (memcmp(s + i, w, wl) == 0)
			return i + wl;
	return n;
}

/* Fill h's last_comment_end and last_raw_close for s[0..n). */
static void html_find_ends(struct html *h, const char *s, size_t n)
{
	size_t i, k;

	h->last_comment_end = SIZE_MAX;
	for (k = 0; k < 4; k++)
		h->last_raw_close[k] = SIZE_MAX;
	for (i = 0; i < n; i++) {
		if (i + 3 <= n && memcmp(s + i, "-->", 3) == 0)
			h->last_comment_end = i;
		for (k = 0; k < 4; k++)
			if (html_raw_close_at(s, i, n, html_raw_elements[k],
					      strlen(html_raw_elements[k])))
				h->last_raw_close[k] = i;
	}
}

/* Handle the markup that starts at s[i] == '<'. Returns the index after
 * it, or i when the '<' is plain text. Only HTML-shaped tags of HTML or
 * namespaced elements are markup; a comment or a raw element (<style>...)
 * that never ends is dropped alone, and what follows it is kept. */
static size_t html_markup(struct html *h, const char *s, size_t i, size_t n)
{
	struct html_tag_shape t;
	size_t j = i + 1, end, k;

	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		if (h->last_comment_end == SIZE_MAX || h->last_comment_end < i + 4)
			return i + 4;
		return html_find(s, i + 4, n, "-->");
	}
	if (j < n && (s[j] == '!' || s[j] == '?')) {
		/* <!DOCTYPE>, <?xml?>, and Word's <![if !supportLists]> and
		 * <![endif]> markers, whose content is kept. */
		end = html_tag_end(s, j, n);
		return end ? end : i;
	}
	if (!html_tag_shape_at(s, i, n, &t))
		return i;
	if (html_element_index(s + t.name, t.name_len) < 0 &&
	    !html_namespaced(s + t.name, t.name_len, 0))
		return i;
	html_tag(h, s + t.name, t.name_len, t.closing, s + t.attrs, t.attrs_len);
	if (t.closing || s[t.end - 2] == '/')
		return t.end;
	for (k = 0; k < 4; k++) {
		const char *raw = html_raw_elements[k];
		if (!ascii_ieq(s + t.name, t.name_len, raw))
			continue;
		if (h->last_raw_close[k] == SIZE_MAX || h->last_raw_close[k] < t.end)
			return t.end;
		return html_skip_raw(s, t.end, n, raw, t.name_len);
	}
	return t.end;
}

static int pass_html(const char *s, size_t n, struct wbuf *out)
{
	struct html h = {0};
	size_t i = html_skip_clipboard_header(s, n), j;
	uint32_t cp;

	h.out = out;
	html_find_ends(&h, s, n);
	while (i < n && !out->oom) {
		if (s[i] == '<' && (j = html_markup(&h, s, i, n)) != i) {
			i = j;
		} else if (s[i] == '&' && (j = html_entity_at(s, i, n, &cp))) {
			/* A "&lt;" that would open a tag is written as
			 * Markdown's "\<": text for cmark and for a second
			 * cleaning alike. */
			if (cp == 0xA0)
				h.space = 1; /* a visible space is still a space */
			else if (cp == '<' && j < n && (is_ascii_alpha(s[j]) ||
							s[j] == '/' || s[j] == '!' ||
							s[j] == '?'))
				html_text(&h, "\\<", 2);
			else
				html_text_cp(&h, cp);
			i = j;
		} else if (is_blank_char(s[i])) {
			h.space = 1;
			i++;
		} else if ((unsigned char)s[i] == 0xC2 && i + 1 < n &&
			   (unsigned char)s[i + 1] == 0xA0) {
			h.space = 1;
			i += 2;
		} else {
			j = utf8_next(s + i, n - i, &cp);
			if (j == 0)
				j = 1; /* cannot happen: pass 1 validated */
			html_text(&h, s + i, j);
			i += j;
		}
	}
	html_close_inline(&h);
	free(h.url.p);
	if (h.url.oom)
		out->oom = 1;
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Characters */

static void normalise_cp(struct wbuf *out, uint32_t cp, const char *raw,
			 size_t len)
{
	switch (cp) {
	case '\t':
		wb_putc(out, ' ');
		return;
	case '\v': /* Word's manual line break (Shift+Enter) */
	case 0x2028:
		wb_putc(out, '\n');
		return;
	case '\f': /* Word's page break */
	case 0x2029:
		wb_puts(out, "\n\n");
		return;
	case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		wb_putc(out, ' ');
		return;
	case 0xAD: case 0x180E: case 0x200B: case 0x200C: case 0x200D:
	case 0x200E: case 0x200F: case 0x2060: case 0xFEFF: case 0xFFFC:
		return; /* invisible in Word, harmful in text */
	case 0x2010: case 0x2011:
		wb_putc(out, '-');
		return;
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
		wb_putc(out, '\'');
		return;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		wb_putc(out, '"');
		return;
	default:
		break;
	}
	if (cp >= 0x2000 && cp <= 0x200A) {
		wb_putc(out, ' ');
		return;
	}
	if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F))
		return; /* control characters */
	wb_put(out, raw, len);
}

static int pass_chars(const char *s, size_t n, struct wbuf *out)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_next(s + i, n - i, &cp);
		if (len == 0)
			return -1;
		normalise_cp(out, cp, s + i, len);
		i += len;
	}
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* The remains of Word's style sheet */
/*
 * Once flattened, Word's <style> block reads like this, one token per
 * line or all on one line: the run "Normal 0 21 false false false FR JA
 * AR-SA", a C comment "Style Definitions", then the rule
 * table.MsoNormalTable {mso-style-name:"Tableau Normal"; mso-...;}
 *
 * It is removed as a "chain" of units: the chain must start at the
 * beginning of a line with a unit that is unmistakably Word's (the
 * "Normal ... false false" run, a "Definitions" comment, a rule with an
 * Mso selector or an mso- property, a line of declarations with an mso-
 * property); then any unit of the same kinds, and code fences that
 * wrapped them, may follow after any white space. Prose never starts a
 * chain, so the text around is kept as it was.
 */

struct chain {
	const char *s;
	size_t n;
	int fences; /* fence lines eaten so far */
};

static size_t skip_space(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\n'))
		i++;
	return i;
}

static size_t skip_hspace(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static size_t token_end(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] != ' ' && s[i] != '\n')
		i++;
	return i;
}

static int token_is(const char *s, size_t i, size_t e, const char *w)
{
	return e - i == strlen(w) && memcmp(s + i, w, e - i) == 0;
}

/* A token of Word's "Normal 0 21 false false false FR JA AR-SA" run:
 * numbers, booleans, language tags (FR, EN-US, X-NONE), and the old
 * MicrosoftInternetExplorer4 compatibility flag. */
static int word_run_token(const char *s, size_t i, size_t e, int *boolean)
{
	size_t k, up = 0, dash = 0, after = 0;

	*boolean = token_is(s, i, e, "false") || token_is(s, i, e, "true");
	if (*boolean || token_is(s, i, e, "MicrosoftInternetExplorer4"))
		return 1;
	for (k = i; k < e && is_ascii_digit(s[k]); k++)
		;
	if (k == e)
		return e - i <= 3;
	for (k = i; k < e; k++) {
		if (s[k] >= 'A' && s[k] <= 'Z' && dash)
			after++;
		else if (s[k] >= 'A' && s[k] <= 'Z')
			up++;
		else if (s[k] == '-' && !dash && k > i)
			dash = 1;
		else if (dash && is_ascii_digit(s[k]))
			after++;
		else
			return 0;
	}
	if (dash)
		return up >= 1 && up <= 3 && after >= 2 && after <= 4;
	return up >= 2 && up <= 3;
}

static size_t unit_word_run(const struct chain *c, size_t i)
{
	size_t e = token_end(c->s, i, c->n), end, k, count = 0, bools = 0;
	int boolean;

	if (!token_is(c->s, i, e, "Normal"))
		return i;
	end = e;
	for (;;) {
		k = skip_space(c->s, end, c->n);
		e = token_end(c->s, k, c->n);
		if (e == k || !word_run_token(c->s, k, e, &boolean))
			break;
		count++;
		bools += (size_t)boolean;
		end = e;
	}
	return (count >= 4 && bools >= 2) ? end : i;
}

static size_t unit_comment(const struct chain *c, size_t i, int starter)
{
	size_t k, limit = i + 300 < c->n ? i + 300 : c->n;

	if (i + 1 >= c->n || c->s[i] != '/' || c->s[i + 1] != '*')
		return i;
	for (k = i + 2; k + 1 < limit; k++) {
		if (c->s[k] == '*' && c->s[k + 1] == '/') {
			if (starter && !has_word(c->s + i, k - i, "Definitions"))
				return i;
			return k + 2;
		}
	}
	return i;
}

static int at_line_start(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return i == 0 || s[i - 1] == '\n';
}

/* End of the line (past its '\n') when s[i] starts a code fence line. */
static size_t fence_line(const char *s, size_t i, size_t n)
{
	size_t k = i;
	char f;

	if (i >= n || (s[i] != '`' && s[i] != '~') || !at_line_start(s, i))
		return 0;
	f = s[i];
	while (k < n && s[k] == f)
		k++;
	if (k - i < 3)
		return 0;
	while (k < n && s[k] != '\n') {
		if (s[k] == '`' && f == '`')
			return 0;
		k++;
	}
	return k < n ? k + 1 : k;
}

/* One CSS declaration "prop: value" up to, not including, its ';' or '}'
 * or the end of its line. Returns its end, or i when it is none. */
static size_t css_declaration(const char *s, size_t i, size_t n, int *mso)
{
	size_t k = i, colon;

	while (k < n && (is_ascii_alpha(s[k]) || s[k] == '-'))
		k++;
	if (k == i || !is_ascii_alpha(s[i]))
		return i;
	*mso = ascii_iprefix(s + i, k - i, "mso-");
	k = skip_hspace(s, k, n);
	if (k >= n || s[k] != ':')
		return i;
	colon = k++;
	while (k < n && s[k] != ';' && s[k] != '}' && s[k] != '\n' && s[k] != '{')
		k++;
	if (k < n && s[k] == '{')
		return i;
	return k > colon + 1 ? k : i;
}

/* Body of a rule after its '{': declarations and stray fence lines, up to
 * the closing '}'. Returns the index after '}', or 0. */
static size_t css_body(struct chain *c, size_t i, int *mso, int *fences)
{
	size_t k = i, e, f;
	int decls = 0, m;

	*fences = 0;
	while (k < c->n && k - i < 8000) {
		k = skip_space(c->s, k, c->n);
		if (k >= c->n)
			return 0;
		if (c->s[k] == '}')
			return decls ? k + 1 : 0;
		if (c->s[k] == ';') {
			k++;
			continue;
		}
		if ((f = fence_line(c->s, k, c->n)) != 0) {
			(*fences)++;
			k = f;
			continue;
		}
		e = css_declaration(c->s, k, c->n, &m);
		if (e == k)
			return 0;
		decls++;
		*mso |= m;
		k = e;
	}
	return 0;
}

/* "table.MsoNormalTable {...}", "p.MsoNormal, li.MsoNormal {...}",
 * "@page WordSection1 {...}": a selector, then a body of declarations. */
static size_t unit_css_rule(struct chain *c, size_t i, int starter)
{
	size_t k = i, end;
	int mso = 0, fences, word_selector;

	while (k < c->n && k - i < 300 &&
	       (is_ascii_alnum(c->s[k]) || char_in(c->s[k], "._-#:@,*> \n")))
		k++;
	if (k == i || k >= c->n || c->s[k] != '{' ||
	    !(is_ascii_alpha(c->s[i]) || char_in(c->s[i], ".#@")))
		return i;
	word_selector = has_word(c->s + i, k - i, "Mso") ||
			has_word(c->s + i, k - i, "WordSection") ||
			c->s[i] == '@';
	end = css_body(c, k + 1, &mso, &fences);
	if (end == 0 || (starter && !mso && !word_selector))
		return i;
	c->fences += fences;
	return end;
}

/* A line made only of declarations, as left when a rule is split over
 * lines: "{mso-style-name:"Tableau Normal";", "mso-para-margin:0cm;",
 * "mso-fareast-language:JA;}". */
static size_t unit_declarations(const struct chain *c, size_t i, int starter)
{
	size_t k = i, e;
	int mso = 0, m, decls = 0;

	if (k < c->n && c->s[k] == '{')
		k = skip_hspace(c->s, k + 1, c->n);
	for (;;) {
		e = css_declaration(c->s, k, c->n, &m);
		if (e == k)
			break;
		decls++;
		mso |= m;
		k = e;
		if (k < c->n && c->s[k] == ';')
			k++;
		else if (!(k < c->n && c->s[k] == '}'))
			return i; /* prose like "Note: voir plus loin" */
		k = skip_hspace(c->s, k, c->n);
	}
	if (k < c->n && c->s[k] == '}')
		k = skip_hspace(c->s, k + 1, c->n);
	if (decls == 0 || (k < c->n && c->s[k] != '\n') || (starter && !mso))
		return i;
	return k;
}

static size_t chain_unit(struct chain *c, size_t i, int starter)
{
	size_t e;

	if ((e = unit_word_run(c, i)) != i)
		return e;
	if ((e = unit_comment(c, i, starter)) != i)
		return e;
	if ((e = unit_declarations(c, i, starter)) != i)
		return e;
	return unit_css_rule(c, i, starter);
}

/* End of the debris chain starting at i, or i when there is none. */
static size_t chain_match(const char *s, size_t i, size_t n)
{
	struct chain c = {s, n, 0};
	size_t end, q, f, peek;

	end = chain_unit(&c, i, 1);
	if (end == i)
		return i;
	for (;;) {
		q = skip_space(s, end, n);
		if ((f = fence_line(s, q, n)) != 0) {
			/* Eat a fence that closes one opened inside the chain,
			 * or one that is followed by more debris. */
			struct chain probe = c;

			peek = skip_space(s, f, n);
			if (c.fences % 2 == 0 && chain_unit(&probe, peek, 0) == peek)
				break;
			c.fences++;
			end = f;
			continue;
		}
		if (q >= n)
			break;
		f = chain_unit(&c, q, 0);
		if (f == q)
			break;
		end = f;
	}
	return end;
}

static int pass_debris(const char *s, size_t n, struct wbuf *out)
{
	size_t i = 0, j, e, le;

	while (i < n) {
		j = skip_hspace(s, i, n);
		e = chain_match(s, j, n);
		if (e != j) {
			i = e;
			continue;
		}
		for (le = i; le < n && s[le] != '\n'; le++)
			;
		if (le < n)
			le++;
		wb_put(out, s + i, le - i);
		i = le;
	}
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Lines */

enum { LINE_TEXT, LINE_DASH_ITEM, LINE_NUM_ITEM };

/* Length of a Word bullet at the start of s (its glyph and the space after
 * it), or 0. Letters used as bullets need the space; glyphs do not. */
static size_t bullet_len(const char *s, size_t n)
{
	static const uint32_t glyphs[] = {
		0x2022, 0xB7, 0x25AA, 0x25AB, 0x25E6, 0x25CF, 0x25CB, 0x25A0,
		0x25A1, 0x27A2, 0x25BA, 0x2023, 0x2043, 0x2713, 0x2714, 0x2756,
	};
	uint32_t cp;
	size_t len, k;
	int glyph = 0;

	if (n >= 2 && s[0] == 'o' && s[1] == ' ')
		return 2; /* Word's second-level bullet, in Courier New */
	len = utf8_next(s, n, &cp);
	if (len == 0)
		return 0;
	if (cp == 0xA7 || cp == 0x2013) /* §, – */
		return (len < n && s[len] == ' ') ? len + 1 : 0;
	if (cp >= 0xF000 && cp <= 0xF0FF) /* Symbol and Wingdings glyphs */
		glyph = 1;
	for (k = 0; k < sizeof glyphs / sizeof *glyphs; k++)
		if (cp == glyphs[k])
			glyph = 1;
	if (!glyph)
		return 0;
	return (len < n && s[len] == ' ') ? len + 1 : len;
}

static int line_kind(const char *s, size_t n)
{
	size_t k = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return LINE_DASH_ITEM;
	while (k < n && k < 9 && is_ascii_digit(s[k]))
		k++;
	if (k > 0 && k + 1 < n && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ')
		return LINE_NUM_ITEM;
	return LINE_TEXT;
}

/* Copy line s[0..n) into tmp without indentation, trailing spaces or runs
 * of spaces, with a Word bullet rewritten as "- ". */
static void normalise_line(const char *s, size_t n, struct wbuf *tmp)
{
	size_t i = skip_hspace(s, 0, n), b;
	int space = 0;

	tmp->len = 0;
	b = bullet_len(s + i, n - i);
	if (b && skip_hspace(s, i + b, n) < n) {
		wb_put(tmp, "- ", 2);
		i = skip_hspace(s, i + b, n);
	}
	for (; i < n; i++) {
		if (s[i] == ' ') {
			space = 1;
			continue;
		}
		if (space)
			wb_putc(tmp, ' ');
		space = 0;
		wb_putc(tmp, s[i]);
	}
	wb_reserve(tmp, 0);
}

struct line_iter {
	const char *s;
	size_t n;
	size_t pos;
};

static int next_line(struct line_iter *it, const char **line, size_t *len)
{
	size_t e;

	if (it->pos >= it->n)
		return 0;
	for (e = it->pos; e < it->n && it->s[e] != '\n'; e++)
		;
	*line = it->s + it->pos;
	*len = e - it->pos;
	it->pos = e < it->n ? e + 1 : e;
	return 1;
}

static int line_is_blank(const char *s, size_t n)
{
	return skip_hspace(s, 0, n) == n;
}

static int line_is_fence(const char *s, size_t n)
{
	return fence_line(s, skip_hspace(s, 0, n), n) != 0;
}

/* When the line just read opens a fenced block that holds nothing but
 * blank lines, move the iterator past its closing fence and say so. */
static int skip_empty_fence(struct line_iter *it)
{
	struct line_iter la = *it;
	const char *l;
	size_t ln;

	while (next_line(&la, &l, &ln)) {
		if (line_is_blank(l, ln))
			continue;
		if (!line_is_fence(l, ln))
			return 0;
		*it = la;
		return 1;
	}
	return 0;
}

static int pass_lines(const char *s, size_t n, struct wbuf *out)
{
	struct line_iter it = {s, n, 0};
	struct wbuf tmp = {0};
	const char *l;
	size_t ln;
	int blank = 0, in_fence = 0, kind, prev_kind = LINE_TEXT;

	while (next_line(&it, &l, &ln)) {
		if (line_is_fence(l, ln)) {
			if (!in_fence && skip_empty_fence(&it)) {
				blank = 1;
				continue;
			}
			in_fence = !in_fence;
		}
		normalise_line(l, ln, &tmp);
		if (tmp.oom)
			break;
		if (tmp.len == 0) {
			blank = 1;
			continue;
		}
		kind = line_kind(tmp.p, tmp.len);
		if (out->len) {
			if (blank && !(kind != LINE_TEXT && kind == prev_kind))
				wb_puts(out, "\n\n");
			else
				wb_putc(out, '\n');
		}
		wb_put(out, tmp.p, tmp.len);
		blank = 0;
		prev_kind = kind;
	}
	if (tmp.oom)
		out->oom = 1;
	free(tmp.p);
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* No tag left */

/* Removing a character can bring a '<' next to a tag name ("<\x01p>"
 * becomes "<p>"), and a decoded "&lt;" followed by an invisible character
 * too. When the result would then be taken for HTML, escape the '<' of
 * every tag as Markdown "\<", so that a second cleaning does not flatten
 * it (cleaning is idempotent). Text that is not HTML is left as typed. */
static int pass_no_tags(const char *s, size_t n, struct wbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (html_tag_at(s, i, n))
			wb_putc(out, '\\');
		wb_putc(out, s[i]);
	}
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------------ */

#define WORD_DEBRIS_ROUNDS 16

typedef int (*word_pass)(const char *s, size_t n, struct wbuf *out);

/* Run one pass from *cur into a fresh buffer that then becomes *cur. */
static int run_pass(word_pass pass, struct wbuf *cur)
{
	struct wbuf next = {0};
	int rc = pass(cur->p ? cur->p : "", cur->len, &next);

	free(cur->p);
	if (rc != 0 || next.oom) {
		free(next.p);
		*cur = (struct wbuf){0};
		return -1;
	}
	*cur = next;
	return 0;
}

int word_clean(const char *in, size_t in_len, char **out, size_t *out_len)
{
	struct wbuf cur = {0};
	size_t before;
	int round;

	*out = NULL;
	*out_len = 0;
	if (in == NULL && in_len != 0)
		return -1;
	if (pass_newlines(in ? in : "", in_len, &cur) != 0 || cur.oom) {
		free(cur.p);
		return -1;
	}
	if (looks_like_html(cur.p ? cur.p : "", cur.len) &&
	    run_pass(pass_html, &cur) != 0)
		return -1;
	if (run_pass(pass_chars, &cur) != 0 || run_pass(pass_lines, &cur) != 0)
		return -1;
	/* Removing one piece of debris can bring two others together into
	 * something that reads as debris only now; repeat until a round
	 * removes nothing, so that cleaning the result again changes nothing.
	 * Real pastes need one round; the cap bounds hostile input. */
	for (round = 0; round < WORD_DEBRIS_ROUNDS; round++) {
		before = cur.len;
		if (run_pass(pass_debris, &cur) != 0)
			return -1;
		if (cur.len == before) /* the pass only removes */
			break;
		if (run_pass(pass_lines, &cur) != 0)
			return -1;
	}
	if (looks_like_html(cur.p ? cur.p : "", cur.len) &&
	    run_pass(pass_no_tags, &cur) != 0)
		return -1;
	return wb_finish(&cur, out, out_len);
}
