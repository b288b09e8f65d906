/* Unit tests of src/rules/richtext.c: Markdown rendered safely by cmark,
 * the checks shown to staff, and extracts cut on character boundaries. */
#include "rules/richtext.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "tap.h"

/* Render a NUL-terminated string; NULL when richtext_to_html() failed. */
static char *html(const char *md)
{
	char *out = NULL;

	if (richtext_to_html(md, strlen(md), &out) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

static void is_html(const char *md, const char *want, const char *name)
{
	char *got = html(md);

	tap_is_str(got, want, "%s", name);
	free(got);
}

/* Case-insensitive search, for markup whatever its case. */
static int has_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle), k, i;

	for (i = 0; hay && hay[i]; i++) {
		for (k = 0; k < n && hay[i + k]; k++) {
			char a = hay[i + k], b = needle[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

/* Rendered markup must not contain `bad` (lower case) anywhere. */
static void lacks(const char *md, const char *bad, const char *name)
{
	char *got = html(md);

	if (!tap_ok(got != NULL && !has_ci(got, bad), "%s", name))
		printf("#   got: '%s'\n", got ? got : "(null)");
	free(got);
}

static void test_safe_mode(void)
{
	lacks("<script>alert(1)</script>", "<script", "script block never a tag");
	lacks("Texte <script>alert(1)</script> suite", "<script",
	      "inline script never a tag");
	is_html("<script>alert(1)</script>",
		"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
		"raw HTML shown as escaped text");
	lacks("<img src=x onerror=alert(1)>", "<img", "img with onerror neutralised");
	is_html("a <img src=x onerror=alert(1)> b",
		"<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n",
		"no onerror attribute: the tag is text");
	lacks("<div onclick=\"x\">\n\n*a*\n\n</div>", "<div",
	      "an HTML block with Markdown inside is never a tag");
	lacks("[x](javascript:alert(1))", "javascript:", "javascript: link dropped");
	lacks("[x](JaVaScRiPt:alert(1))", "javascript:", "JaVaScRiPt: link dropped");
	lacks("[x](&#106;avascript:alert(1))", "javascript:",
	      "entity-encoded javascript: link dropped");
	is_html("<javascript:alert(1)>",
		"<p><a href=\"\">javascript:alert(1)</a></p>\n",
		"javascript: autolink loses its href, its text is shown");
	lacks("[x](<java\tscript:alert(1)>)", "script:",
	      "javascript: with a tab inside dropped");
	lacks("[x](vbscript:msgbox(1))", "vbscript:", "vbscript: link dropped");
	lacks("[x](file:///etc/passwd)", "file:", "file: link dropped");
	lacks("[x](data:text/html,<script>alert(1)</script>)", "data:",
	      "data: link dropped");
	lacks("![i](data:image/png;base64,AAAA)", "data:",
	      "data: image dropped (stricter than cmark)");
	lacks("[x](ftp://example.org/a)", "ftp:", "ftp: link dropped (allow-list)");
	is_html("[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n",
		"a dropped link keeps its text");
	lacks("[x](\"onmouseover=alert(1))", "\"onmouseover",
	      "a quote in a URL cannot open an attribute");
	is_html("[a](//evil.example/x)", "<p><a href=\"\">a</a></p>\n",
		"a protocol-relative link names another site: dropped");
	lacks("[a](<\\\\\\\\evil.example/x>) [b](/\\evil.example) [c](</\t/evil.example>)",
	      "evil", "backslashes and tabs do not hide a protocol-relative link");
	lacks("![i](//evil.example/i.png)", "evil",
	      "a protocol-relative image dropped");
}

static void test_rendering(void)
{
	is_html("**gras**", "<p><strong>gras</strong></p>\n", "**gras** gives <strong>");
	is_html("- un\n- deux", "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n",
		"dash list");
	is_html("1. un\n2. deux", "<ol>\n<li>un</li>\n<li>deux</li>\n</ol>\n",
		"numbered list");
	is_html("Été « à l'EGOC » -- \"test\"...",
		"<p>Été « à l'EGOC » -- &quot;test&quot;...</p>\n",
		"accents and quotes kept as typed (no smart punctuation)");
	is_html("## Contenu", "<h2>Contenu</h2>\n", "heading");
	is_html("[site](https://www.egoc.org/a?b=1&c=2)",
		"<p><a href=\"https://www.egoc.org/a?b=1&amp;c=2\">site</a></p>\n",
		"https link kept");
	is_html("[écrire](mailto:formation@egoc.org) "
		"[appeler](tel:+33299298242) [page](/catalogue) [ancre](#haut)",
		"<p><a href=\"mailto:formation@egoc.org\">écrire</a> "
		"<a href=\"tel:+33299298242\">appeler</a> "
		"<a href=\"/catalogue\">page</a> <a href=\"#haut\">ancre</a></p>\n",
		"mailto, tel and relative links kept");
	is_html("[a](catalogue) [b](formations/x) [c](formations) "
		"[d](/formations/x) [e](#ancre) [f](?q=coop) [g](formations-territoire/x#a)",
		"<p><a href=\"catalogue\">a</a> <a href=\"formations/x\">b</a> "
		"<a href=\"formations\">c</a> <a href=\"/formations/x\">d</a> "
		"<a href=\"#ancre\">e</a> <a href=\"?q=coop\">f</a> "
		"<a href=\"formations-territoire/x#a\">g</a></p>\n",
		"site paths of any length kept");
	is_html("![plan](images/plan-du-site.png)",
		"<p><img src=\"images/plan-du-site.png\" alt=\"plan\" /></p>\n",
		"relative image of any length kept");
	is_html("![plan](https://www.egoc.org/plan.png)",
		"<p><img src=\"https://www.egoc.org/plan.png\" alt=\"plan\" /></p>\n",
		"https image kept");
	is_html("a\xC3(b", "<p>a\xEF\xBF\xBD(b</p>\n",
		"malformed UTF-8 replaced by U+FFFD");
	is_html("", "", "empty text gives empty HTML");
	is_html("a < b & c", "<p>a &lt; b &amp; c</p>\n", "text escaped");
	is_html("niveau <B> ou <C>, groupes < 12 et > 4",
		"<p>niveau &lt;B&gt; ou &lt;C&gt;, groupes &lt; 12 et &gt; 4</p>\n",
		"angle brackets typed by staff shown as typed");
	is_html("Initiation <HTML> et **<CSS>**\n\n<br>\n\n- <!-- note -->",
		"<p>Initiation &lt;HTML&gt; et <strong>&lt;CSS&gt;</strong></p>\n"
		"<p>&lt;br&gt;</p>\n<ul>\n<li>&lt;!-- note --&gt;</li>\n</ul>\n",
		"what cmark takes for HTML, inline or block, is shown as text");
}

static void is_problem(const char *md, int want_rc, const char *want_msg,
		       const char *name)
{
	const char *msg = "(not set)";
	int rc = richtext_check(md, strlen(md), &msg);

	tap_is_int(rc, want_rc, "check %s: status", name);
	tap_is_str(msg, want_msg, "check %s: message", name);
}

static void test_check(void)
{
	const char *utf8_msg = NULL, *msg;

	is_problem("# Titre\n\n**Texte** [lien](https://egoc.org) « ok »\n\n"
		   "#### Niveau 4\n\nPrix < 10 € <https://egoc.org>",
		   0, NULL, "clean text");
	is_problem("niveau <B> ou <C>", 0, NULL,
		   "angle brackets: text, not HTML to refuse");
	is_problem("<div>\nbloc\n</div>", 0, NULL,
		   "an HTML block is shown as text");
	is_problem("##### Trop profond", 1,
		   "Les titres sont limités à quatre niveaux : utilisez au plus "
		   "#### pour un titre.", "heading level 5");
	is_problem("[x](javascript:alert(1))", 1,
		   "L'adresse d'un lien doit commencer par http://, https://, "
		   "mailto: ou tel: (ou être une adresse relative du site).",
		   "javascript: link");
	is_problem("[x](ftp://example.org)", 1,
		   "L'adresse d'un lien doit commencer par http://, https://, "
		   "mailto: ou tel: (ou être une adresse relative du site).",
		   "ftp: link");
	is_problem("[a](catalogue) [b](formations/x) [c](?q=x) [d](#ancre)",
		   0, NULL, "site paths");
	is_problem("[a](//evil.example/x)", 1,
		   "L'adresse d'un lien doit commencer par http://, https://, "
		   "mailto: ou tel: (ou être une adresse relative du site).",
		   "protocol-relative link");
	is_problem("[a](javascriptlong:alert(1))", 1,
		   "L'adresse d'un lien doit commencer par http://, https://, "
		   "mailto: ou tel: (ou être une adresse relative du site).",
		   "long unknown scheme");
	is_problem("![x](//evil.example/i.png)", 1,
		   "L'adresse d'une image doit commencer par http:// ou https:// "
		   "(ou être une adresse relative du site).", "protocol-relative image");
	is_problem("![x](mailto:a@b.fr)", 1,
		   "L'adresse d'une image doit commencer par http:// ou https:// "
		   "(ou être une adresse relative du site).", "mailto: image");
	tap_is_int(richtext_check("a\xC3(", 4, &utf8_msg), 1,
		   "check malformed UTF-8: status");
	tap_ok(utf8_msg && strstr(utf8_msg, "UTF-8") != NULL,
	       "check malformed UTF-8: message names the encoding");
	tap_is_int(richtext_check("a\0b", 3, &msg), 1, "check NUL byte: status");
	is_problem("[a](https://x.fr)\n\n<p>x</p>\n\n###### six\n\n"
		   "[b](ftp://x)", 1,
		   "Les titres sont limités à quatre niveaux : utilisez au plus "
		   "#### pour un titre.", "first problem in document order");
}

/* Whether s is well-formed UTF-8, to prove no cut falls inside a letter. */
static int valid_utf8(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len, k;

	while (s[i]) {
		len = s[i] < 0x80 ? 1 : s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 :
		      s[i] >= 0xC2 ? 2 : 0;
		if (len == 0)
			return 0;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void is_short(const char *text, size_t max, size_t size,
		     const char *want, const char *name)
{
	char buf[256];
	size_t n;

	memset(buf, 'X', sizeof buf);
	n = richtext_shorten(text, max, buf, size);
	tap_is_str(buf, want, "shorten %s", name);
	tap_is_int(n, strlen(want), "shorten %s: length returned", name);
}

static void test_shorten(void)
{
	static const char phrase[] =
		"Engager une réflexion collective et cohérente avec le projet "
		"de Caisse « à l'échelle » du territoire.";
	char buf[256];
	size_t max, size, n;
	int all_valid = 1, all_short = 1;

	is_short("Été à l'EGOC", 20, sizeof buf, "Été à l'EGOC", "short text unchanged");
	is_short("Été", 3, sizeof buf, "Été", "exact length unchanged");
	is_short("ééééé", 3, sizeof buf, "éé…", "é at the cut point kept whole");
	is_short("abcéfgh", 5, sizeof buf, "abcé…", "é just before the cut");
	is_short("Bonjour à tous les stagiaires", 12, sizeof buf, "Bonjour à…",
		 "cut at a word boundary");
	is_short("Anticonstitutionnellement", 10, sizeof buf, "Anticonst…",
		 "a long word is cut inside");
	is_short("Objectif, contenu et méthodes", 11, sizeof buf, "Objectif…",
		 "trailing comma dropped before the ellipsis");
	is_short("cafe\xCC\x81s et the\xCC\x81s", 5, sizeof buf, "caf…",
		 "never between a letter and its combining accent");
	is_short("ééééé", 10, 8, "éé…", "output buffer too small: cut to fit");
	is_short("ééééé", 10, 7, "é…", "one byte less: one letter less");
	is_short("ééééé", 10, 3, "", "buffer too small for the ellipsis");
	is_short("abc", 0, sizeof buf, "", "zero characters");
	is_short("abcdef", 1, sizeof buf, "…", "one character: only the ellipsis");
	tap_is_int(richtext_shorten("abc", 5, buf, 0), 0, "shorten into no buffer");

	for (max = 1; max < sizeof phrase; max++) {
		for (size = 1; size < 40; size += 3) {
			n = richtext_shorten(phrase, max, buf, size);
			if (!valid_utf8(buf) || n != strlen(buf))
				all_valid = 0;
			if (utf8_chars(buf) > max || n >= size)
				all_short = 0;
		}
		n = richtext_shorten(phrase, max, buf, sizeof buf);
		if (!valid_utf8(buf) || utf8_chars(buf) > max)
			all_valid = 0;
	}
	tap_ok(all_valid, "shorten: every cut of a French sentence is valid UTF-8");
	tap_ok(all_short, "shorten: never more than max_chars nor out_size - 1");
}

static void is_short_title(const char *title, size_t max, const char *want, const char *name)
{
	char buf[256];
	size_t n = richtext_short_title(title, max, buf, sizeof buf);
	tap_is_str(buf, want, "short title: %s", name);
	tap_is_int(n, strlen(want), "short title: %s: length returned", name);
}

static void test_short_title(void)
{
	char buf[8];
	is_short_title("Manager une équipe", 26, "Manager une équipe", "a short title unchanged");
	is_short_title("Écrits professionnels en travail social : notes, rapports et transmissions", 40,
		"Écrits professionnels en travail social", "the part before the subtitle");
	is_short_title("Accueillir l'allocataire et désamorcer les situations tendues", 26,
		"Accueillir l'allocataire…", "whole words only");
	is_short_title("Accueillir l'allocataire et désamorcer les situations tendues", 22,
		"Accueillir…", "never a word cut");
	is_short_title("Formation/Action Accompagner l'implantation", 20, "Formation/Action…",
		"a slash is part of a word");
	is_short_title("Prévenir les risques, psychosociaux", 22, "Prévenir les risques…",
		"the comma before the cut dropped");
	is_short_title("Anticonstitutionnellement dit", 10, "Anticonst…", "a long first word cut inside");
	is_short_title("Été", 0, "", "zero characters");
	tap_is_int(richtext_short_title("Bonjour à tous", 8, buf, sizeof buf), 7, "short title: cut to fit out");
	tap_is_str(buf, "Bonj…", "short title: a small buffer, cut to fit");
}

static void links_are(const char *text, const char *href, const char *want, const char *what)
{
	struct buf b;
	buf_init(&b, 1 << 16);
	int rc = richtext_plain_links(&b, text, href);
	tap_ok(rc == 0, "%s: made", what);
	tap_is_str(b.data ? b.data : "", want, "%s", what);
	buf_free(&b);
}

static void test_plain_links(void)
{
	links_are("vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43", NULL,
		"vous pouvez nous contacter au <a href=\"tel:+33299298242\">02 99 29 82 42</a> ou "
		"<a href=\"tel:+33299298243\">02 99 29 82 43</a>", "the fiche's two numbers");
	links_are("Tél. 02.99.29.82.42.", NULL, "Tél. <a href=\"tel:+33299298242\">02.99.29.82.42</a>.",
		"dots, and the sentence's own dot after");
	links_are("0299298242", NULL, "<a href=\"tel:+33299298242\">0299298242</a>", "no separators");
	links_are("06\u00a012\u00a034\u00a056\u00a078", NULL,
		"<a href=\"tel:+33612345678\">06\u00a012\u00a034\u00a056\u00a078</a>", "no-break spaces");
	links_are("SIRET 12302 99 29 82 42 1", NULL, "SIRET 12302 99 29 82 42 1", "digits around: no link");
	links_are("00 99 29 82 42 et 02 99 29 82", NULL, "00 99 29 82 42 et 02 99 29 82",
		"00... and nine digits: no link");
	links_are("Planification sur le site EGOC [Sessions à venir]. Nous contacter", "#sessions-titre",
		"Planification sur le site EGOC <a href=\"#sessions-titre\">Sessions à venir</a>. Nous contacter",
		"the fiche's [Sessions à venir] becomes a link");
	links_are("[Sessions à venir]", NULL, "[Sessions à venir]", "without a target it stays text");
	links_are("<b>A&B</b> \"x\" l'été", NULL, "&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot; l&#39;été",
		"everything else escaped");
	links_are("", NULL, "", "empty text");
	links_are(NULL, NULL, "", "NULL text");
}

int main(void)
{
	test_plain_links();
	test_safe_mode();
	test_rendering();
	test_check();
	test_shorten();
	test_short_title();
	return tap_done();
}
