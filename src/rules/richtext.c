/* Rich text of the catalogue: Markdown rendered by cmark in safe mode, the
 * checks shown to staff before saving, and extracts cut on character
 * boundaries (ClearSilver's string.slice() counts bytes and would cut an
 * "é" in half). Pure functions: no I/O, no state between calls. */
#include "rules/richtext.h"

#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* Safe mode is cmark 0.30's default, but asking for it keeps the intent
 * visible and protects against a build where the default differs. Smart
 * punctuation stays off: staff type French quotes themselves. */
#define RICHTEXT_CMARK_OPTIONS (CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8)

#define RICHTEXT_MAX_HEADING 4

static const char msg_utf8[] =
	"Le texte contient des caractères illisibles (encodage UTF-8 "
	"incorrect) : recopiez-le depuis le document d'origine.";
static const char msg_heading[] =
	"Les titres sont limités à quatre niveaux : utilisez au plus "
	"#### pour un titre.";
static const char msg_link[] =
	"L'adresse d'un lien doit commencer par http://, https://, mailto: "
	"ou tel: (ou être une adresse relative du site).";
static const char msg_image[] =
	"L'adresse d'une image doit commencer par http:// ou https:// "
	"(ou être une adresse relative du site).";
static const char msg_memory[] =
	"Le texte n'a pas pu être vérifié : mémoire insuffisante, "
	"réessayez.";

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

/* Length of the well-formed sequence at s[i] (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or 0 when it is malformed. */
static size_t utf8_seq_len(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i], lo = 0x80, hi = 0xBF;
	size_t len, k;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (len > n - i || s[i + 1] < lo || s[i + 1] > hi)
		return 0;
	for (k = 2; k < len; k++)
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
	return len;
}

/* Well-formed and free of NUL, which cmark would silently replace. */
static int utf8_ok(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, len;

	while (i < n) {
		if (s[i] == '\0' || (len = utf8_seq_len(s, n, i)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* URLs                                                                */

enum { URL_LINK, URL_IMAGE };

/* Whether a link (or image) URL may be kept. The URL is read the way a
 * browser reads it — leading spaces and control characters skipped, tabs
 * and line breaks ignored anywhere, a backslash taken for '/' — so that
 * "java\tscript:" and "/\\evil.example" are caught too.
 *
 * - A scheme is allowed from a list (http, https; mailto and tel for
 *   links), rather than refused from cmark's deny-list, so that schemes
 *   nobody thought of are refused as well.
 * - A protocol-relative URL ("//evil.example/x") names another site: it is
 *   refused like any address without an allowed scheme (staff write
 *   https://), never taken for a page of this site.
 * - Anything else is relative to the site: "/formations/x",
 *   "formations/x", "catalogue", "#ancre", "?q=". */
static int richtext_url_allowed(const char *url, int kind)
{
	const unsigned char *p = (const unsigned char *)url;
	char scheme[8];
	size_t len = 0, slashes = 0;
	int too_long = 0;

	if (p == NULL)
		return 1;
	while (*p && *p <= ' ')
		p++;
	for (; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p != '/' && *p != '\\')
			break;
		if (++slashes == 2)
			return 0; /* another site, whatever follows */
	}
	if (slashes)
		return 1; /* a path from the site's root */
	for (; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == '/' || *p == '\\' || *p == '?' || *p == '#')
			return 1; /* no scheme: relative to the site */
		if (*p == ':')
			break;
		if (len < sizeof scheme - 1)
			scheme[len++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		else
			too_long = 1;
	}
	if (*p != ':')
		return 1; /* a bare path such as "catalogue" */
	if (too_long)
		return 0; /* longer than any scheme we accept */
	scheme[len] = '\0';
	if (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0)
		return 1;
	return kind == URL_LINK &&
	       (strcmp(scheme, "mailto") == 0 || strcmp(scheme, "tel") == 0);
}

/* Empty the URL of every link and image that is not allowed. */
static int richtext_neutralise_urls(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *node;
	cmark_node_type type;
	int rc = 0;

	if (it == NULL)
		return -1;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)
			continue;
		if (!richtext_url_allowed(cmark_node_get_url(node),
					  type == CMARK_NODE_LINK ? URL_LINK : URL_IMAGE) &&
		    !cmark_node_set_url(node, "")) {
			rc = -1;
			break;
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Raw HTML                                                            */

/* What cmark would take for raw HTML is, here, text that staff typed:
 * "niveau <B> ou <C>" (HTML pasted from Word was flattened to Markdown by
 * word_clean() before it was saved). Safe mode would replace it by a
 * comment and lose the words; instead every raw HTML node becomes a text
 * node with the same characters, which the renderer escapes, so the page
 * shows exactly what was typed. HTML blocks become paragraphs. */
static cmark_node *richtext_text_node(cmark_node *html)
{
	cmark_node_type type = cmark_node_get_type(html);
	const char *lit = cmark_node_get_literal(html);
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT), *para;
	size_t n = lit ? strlen(lit) : 0;
	char *copy;

	if (text == NULL)
		return NULL;
	while (n > 0 && (lit[n - 1] == '\n' || lit[n - 1] == '\r'))
		n--;
	copy = malloc(n + 1);
	if (copy == NULL) {
		cmark_node_free(text);
		return NULL;
	}
	if (n)
		memcpy(copy, lit, n);
	copy[n] = '\0';
	if (!cmark_node_set_literal(text, copy)) {
		free(copy);
		cmark_node_free(text);
		return NULL;
	}
	free(copy);
	if (type == CMARK_NODE_HTML_INLINE)
		return text;
	para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	if (para == NULL || !cmark_node_append_child(para, text)) {
		cmark_node_free(text);
		if (para)
			cmark_node_free(para);
		return NULL;
	}
	return para;
}

/* Replace every raw HTML node of doc by its text (see above). The nodes
 * are gathered first: the tree is not changed under the iterator. */
static int richtext_html_as_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **found = NULL, **grown, *node, *text;
	cmark_node_type type;
	size_t n = 0, cap = 0, k;
	int rc = 0;

	if (it == NULL)
		return -1;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (type != CMARK_NODE_HTML_INLINE && type != CMARK_NODE_HTML_BLOCK)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(found, cap * sizeof *found);
			if (grown == NULL) {
				rc = -1;
				break;
			}
			found = grown;
		}
		found[n++] = node;
	}
	cmark_iter_free(it);
	for (k = 0; rc == 0 && k < n; k++) {
		text = richtext_text_node(found[k]);
		if (text == NULL || !cmark_node_replace(found[k], text)) {
			if (text)
				cmark_node_free(text);
			rc = -1;
			break;
		}
		cmark_node_free(found[k]);
	}
	free(found);
	return rc;
}

/* ------------------------------------------------------------------ */

int richtext_to_html(const char *markdown, size_t len, char **html_out)
{
	cmark_node *doc;
	char *html, *copy;
	size_t n;

	*html_out = NULL;
	if (markdown == NULL && len != 0)
		return -1;
	doc = cmark_parse_document(markdown ? markdown : "", len,
				   RICHTEXT_CMARK_OPTIONS);
	if (doc == NULL)
		return -1;
	if (richtext_html_as_text(doc) != 0 || richtext_neutralise_urls(doc) != 0) {
		cmark_node_free(doc);
		return -1;
	}
	html = cmark_render_html(doc, RICHTEXT_CMARK_OPTIONS);
	cmark_node_free(doc);
	if (html == NULL)
		return -1;
	/* cmark allocates with its own allocator; hand back a malloc'd copy
	 * so that callers use plain free() and never need to know. */
	n = strlen(html);
	copy = malloc(n + 1);
	if (copy)
		memcpy(copy, html, n + 1);
	cmark_get_default_mem_allocator()->free(html);
	if (copy == NULL)
		return -1;
	*html_out = copy;
	return 0;
}

/* The first structural problem of one node, or NULL. */
static const char *richtext_node_problem(cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		return cmark_node_get_heading_level(node) > RICHTEXT_MAX_HEADING ?
		       msg_heading : NULL;
	case CMARK_NODE_LINK:
		return richtext_url_allowed(cmark_node_get_url(node), URL_LINK) ?
		       NULL : msg_link;
	case CMARK_NODE_IMAGE:
		return richtext_url_allowed(cmark_node_get_url(node), URL_IMAGE) ?
		       NULL : msg_image;
	default:
		return NULL;
	}
}

int richtext_check(const char *markdown, size_t len, const char **problem_fr)
{
	cmark_node *doc;
	cmark_iter *it;
	cmark_event_type ev;
	const char *problem = NULL;

	*problem_fr = NULL;
	if (markdown == NULL && len != 0) {
		*problem_fr = msg_utf8;
		return 1;
	}
	if (!utf8_ok(markdown ? markdown : "", len)) {
		*problem_fr = msg_utf8;
		return 1;
	}
	doc = cmark_parse_document(markdown ? markdown : "", len,
				   RICHTEXT_CMARK_OPTIONS);
	it = doc ? cmark_iter_new(doc) : NULL;
	if (it == NULL) {
		if (doc)
			cmark_node_free(doc);
		*problem_fr = msg_memory;
		return -1;
	}
	while (problem == NULL &&
	       (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER)
			problem = richtext_node_problem(cmark_iter_get_node(it));
	cmark_iter_free(it);
	cmark_node_free(doc);
	*problem_fr = problem;
	return problem ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Extracts                                                            */

/* Length of the character at s[i]; a malformed byte counts as one so that
 * bad input still advances (it cannot be cut worse than it already is). */
static size_t char_len(const unsigned char *s, size_t n, size_t i)
{
	size_t len = utf8_seq_len(s, n, i);

	return len ? len : 1;
}

static uint32_t char_at(const unsigned char *s, size_t n, size_t i)
{
	size_t len = utf8_seq_len(s, n, i), k;
	uint32_t cp;

	if (len <= 1)
		return s[i];
	cp = s[i] & (0xFFu >> (len + 1));
	for (k = 1; k < len; k++)
		cp = (cp << 6) | (s[i + k] & 0x3Fu);
	return cp;
}

/* Combining accents belong to the letter before them ("e" + U+0301). */
static int is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters not worth keeping right before the "…". */
static int is_trailing_junk(unsigned char c)
{
	return is_space(c) || c == ',' || c == ';' || c == ':' || c == '(' ||
	       c == '-';
}

static size_t prev_char_start(const unsigned char *s, size_t i)
{
	size_t k = i - 1;

	while (k > 0 && (s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

static size_t count_chars(const unsigned char *s, size_t from, size_t to)
{
	size_t count = 0;

	while (from < to) {
		from += char_len(s, to, from);
		count++;
	}
	return count;
}

/* Byte length of the longest prefix of at most max_chars characters and
 * max_bytes bytes that does not split a letter from its accents. */
static size_t cut_point(const unsigned char *s, size_t n, size_t max_chars,
			size_t max_bytes)
{
	size_t keep = 0, chars = 0, len;

	while (keep < n && chars < max_chars) {
		len = char_len(s, n, keep);
		if (keep + len > max_bytes)
			break;
		keep += len;
		chars++;
	}
	while (keep > 0 && keep < n && is_combining(char_at(s, n, keep)))
		keep = prev_char_start(s, keep);
	return keep;
}

/* Move a cut back to the last space when that keeps at least half. */
static size_t word_boundary(const unsigned char *s, size_t keep,
			    size_t max_chars)
{
	size_t k = keep;

	if (keep == 0 || is_space(s[keep]) || is_space(s[keep - 1]))
		return keep;
	while (k > 0 && !is_space(s[k - 1]))
		k--;
	if (k == 0 || 2 * count_chars(s, 0, k - 1) < max_chars)
		return keep;
	return k - 1;
}

size_t richtext_shorten(const char *text, size_t max_chars, char *out,
			size_t out_size)
{
	static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
	const size_t ell = sizeof ellipsis - 1;
	const unsigned char *s = (const unsigned char *)text;
	size_t n, keep;

	if (out == NULL || out_size == 0)
		return 0;
	out[0] = '\0';
	if (text == NULL || max_chars == 0)
		return 0;
	n = strlen(text);
	if (n < out_size && count_chars(s, 0, n) <= max_chars) {
		memcpy(out, text, n + 1);
		return n;
	}
	if (out_size < ell + 1)
		return 0;
	keep = cut_point(s, n, max_chars - 1, out_size - 1 - ell);
	keep = word_boundary(s, keep, max_chars - 1);
	while (keep > 0 && is_trailing_junk(s[keep - 1]))
		keep--;
	memcpy(out, text, keep);
	memcpy(out + keep, ellipsis, ell + 1);
	return keep + ell;
}

size_t richtext_short_title(const char *title, size_t max_chars, char *out,
			    size_t out_size)
{
	static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
	const size_t ell = sizeof ellipsis - 1;
	const unsigned char *s = (const unsigned char *)title;
	const char *colon;
	size_t head, keep, space = 0;

	if (out == NULL || out_size == 0)
		return 0;
	out[0] = '\0';
	if (title == NULL || max_chars == 0)
		return 0;
	colon = strstr(title, " : ");
	head = colon ? (size_t)(colon - title) : strlen(title);
	if (head < out_size && count_chars(s, 0, head) <= max_chars) {
		memcpy(out, title, head);
		out[head] = '\0';
		return head;
	}
	/* the last space before which the words and "…" fit */
	keep = cut_point(s, head, max_chars - 1, out_size > ell ? out_size - 1 - ell : 0);
	for (size_t i = 1; i <= keep && i < head; i++)
		if (s[i] == ' ')
			space = i;
	if (space == 0 || out_size < ell + 1) {   /* one long word */
		char *copy = malloc(head + 1);
		size_t n;
		if (copy == NULL)
			return 0;
		memcpy(copy, title, head);
		copy[head] = '\0';
		n = richtext_shorten(copy, max_chars, out, out_size);
		free(copy);
		return n;
	}
	keep = space;
	while (keep > 0 && (is_trailing_junk(s[keep - 1]) || s[keep - 1] == '\''))
		keep--;
	memcpy(out, title, keep);
	memcpy(out + keep, ellipsis, ell + 1);
	return keep + ell;
}

/* A French number at s[i]: "0" then a digit 1-9, then four pairs of
 * digits, each pair after nothing, one space (or no-break space) or one
 * dot. Its length in bytes, the ten digits into digits; 0 when there is
 * none. A digit just before or after means a longer number: no link. */
static size_t phone_at(const char *s, size_t i, size_t n, char digits[11])
{
	if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		return 0;
	size_t j = i, k = 0;
	while (k < 10 && j < n) {
		if (k >= 2 && k % 2 == 0) {
			if (s[j] == ' ' || s[j] == '.')
				j++;
			else if ((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0)
				j += 2;
		}
		if (j >= n || s[j] < '0' || s[j] > '9' || (k == 0 && s[j] != '0') || (k == 1 && s[j] == '0'))
			return 0;
		digits[k++] = s[j++];
	}
	if (k < 10 || (j < n && s[j] >= '0' && s[j] <= '9'))
		return 0;
	digits[10] = '\0';
	return j - i;
}

static int put_escaped(struct buf *out, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" :
			s[i] == '"' ? "&quot;" : s[i] == '\'' ? "&#39;" : NULL;
		if (!e)
			continue;
		if (buf_append(out, s + from, i - from) < 0 || buf_puts(out, e) < 0)
			return -1;
		from = i + 1;
	}
	return buf_append(out, s + from, n - from) < 0 ? -1 : 0;
}

int richtext_plain_links(struct buf *out, const char *text, const char *sessions_href)
{
	static const char marker[] = "[Sessions à venir]";
	if (!text)
		text = "";
	size_t n = strlen(text), from = 0;
	char digits[11];
	for (size_t i = 0; i < n; i++) {
		size_t pl = text[i] == '0' ? phone_at(text, i, n, digits) : 0;
		int marked = sessions_href && strncmp(text + i, marker, sizeof(marker) - 1) == 0;
		if (!pl && !marked)
			continue;
		if (put_escaped(out, text + from, i - from) != 0)
			return -1;
		if (pl) {
			if (buf_printf(out, "<a href=\"tel:+33%s\">", digits + 1) < 0 ||
					put_escaped(out, text + i, pl) != 0 || buf_puts(out, "</a>") < 0)
				return -1;
			from = i + pl;
		} else {
			if (buf_puts(out, "<a href=\"") < 0 || put_escaped(out, sessions_href, strlen(sessions_href)) != 0 ||
					buf_puts(out, "\">Sessions à venir</a>") < 0)
				return -1;
			from = i + sizeof(marker) - 1;
		}
		i = from - 1;
	}
	return put_escaped(out, text + from, n - from);
}
