/* Unit tests of the Word cleaner (src/rules/word_clean.c): the HTML that
 * Word puts on the clipboard, the plain-text debris of its style sheet as
 * found in the real fiche, characters, bullets, blank lines, idempotence
 * and refusal of malformed UTF-8. */
#include "rules/word_clean.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"

/* Clean a NUL-terminated string; NULL when word_clean() refused it. */
static char *clean(const char *in)
{
	char *out = NULL;
	size_t len = 99;

	if (word_clean(in, strlen(in), &out, &len) != 0)
		return NULL;
	if (strlen(out) != len) {
		free(out);
		return NULL;
	}
	return out;
}

/* Check one case and that cleaning the result again changes nothing. */
static void is_clean(const char *in, const char *want, const char *name)
{
	char *got = clean(in), *again;

	tap_is_str(got, want, "%s", name);
	again = got ? clean(got) : NULL;
	tap_is_str(again, got, "%s (idempotent)", name);
	free(got);
	free(again);
}

static int has(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* Lines 131 to 175 of t/fixtures/fiche-cooperation-territoriale.txt,
 * verbatim: the paragraph before Word's debris, the debris, and the
 * paragraph after it. */
static const char fixture_block[] =
	"Il s'agit bien de partir de la pratique des participants pour élaborer d'éventuelles pistes de progrès dans l'accompagnement à l'animation de la coopération entre acteurs au service développement des territoires.\n"
	"\n"
	"Normal\n"
	"\n"
	"0\n"
	"\n"
	"21\n"
	"\n"
	"false\n"
	"\n"
	"false\n"
	"\n"
	"false\n"
	"\n"
	"FR\n"
	"\n"
	"JA\n"
	"\n"
	"AR-SA\n"
	"\n"
	"/* Style Definitions */\n"
	"\n"
	"table.MsoNormalTable\n"
	"\n"
	"{mso-style-name:\"Tableau Normal\";\n"
	"\n"
	"mso-tstyle-rowband-size:0;\n"
	"\n"
	"mso-tstyle-colband-size:0;\n"
	"\n"
	"mso-style-noshow:yes;\n"
	"\n"
	"```\n"
	"mso-style-priority:99;  \n"
	"mso-style-parent:\"\";  \n"
	"mso-padding-alt:0cm 5.4pt 0cm 5.4pt;  \n"
	"mso-para-margin:0cm;  \n"
	"mso-pagination:widow-orphan;  \n"
	"font-size:10.0pt;  \n"
	"font-family:\"Calibri\",sans-serif;  \n"
	"mso-bidi-font-family:\"Times New Roman\";  \n"
	"mso-fareast-language:JA;}\n"
	"```\n"
	"\n"
	"Cette démarche de formation « propose le développement des compétences propres à une action émancipatrice en termes de capacitation de l'individu et/ou du groupe ». C'est pourquoi elle permet la mobilisation des acteurs au regard de leurs pratiques actuelles.\n";

static const char fixture_before[] =
	"Il s'agit bien de partir de la pratique des participants pour "
	"élaborer d'éventuelles pistes de progrès dans l'accompagnement à "
	"l'animation de la coopération entre acteurs au service "
	"développement des territoires.";

static const char fixture_after[] =
	"Cette démarche de formation « propose le développement des "
	"compétences propres à une action émancipatrice en termes de "
	"capacitation de l'individu et/ou du groupe ». C'est pourquoi elle "
	"permet la mobilisation des acteurs au regard de leurs pratiques "
	"actuelles.";

static void test_fixture_debris(void)
{
	char *got = clean(fixture_block), *want, *again;
	size_t n = strlen(fixture_before) + 2 + strlen(fixture_after) + 1;

	want = malloc(n);
	if (!want)
		return;
	snprintf(want, n, "%s\n\n%s", fixture_before, fixture_after);
	tap_ok(got != NULL, "fixture block: cleaned");
	tap_ok(has(got, "pistes de progrès dans l'accompagnement"),
	       "fixture block: paragraph before the debris kept");
	tap_ok(has(got, "Cette démarche de formation « propose"),
	       "fixture block: paragraph after the debris kept");
	tap_ok(got && !has(got, "mso-") && !has(got, "MsoNormalTable") &&
	       !has(got, "AR-SA") && !has(got, "Style Definitions") &&
	       !has(got, "```") && !has(got, "false") &&
	       !has(got, "Calibri"),
	       "fixture block: no Word debris survives");
	tap_is_str(got, want, "fixture block: exactly the two paragraphs");
	again = got ? clean(got) : NULL;
	tap_is_str(again, got, "fixture block: idempotent");
	free(again);
	free(got);
	free(want);
}

/* The same debris as Word leaves it when a whole <style> element is
 * flattened onto one line, with prose right after it. */
static void test_one_line_debris(void)
{
	is_clean("Objectif.\n\n"
		 "Normal 0 21 false false false FR X-NONE X-NONE "
		 "MicrosoftInternetExplorer4 /* Style Definitions */ "
		 "table.MsoNormalTable {mso-style-name:\"Tableau Normal\"; "
		 "mso-tstyle-rowband-size:0; mso-style-noshow:yes; "
		 "mso-style-parent:\"\"; mso-padding-alt:0cm 5.4pt 0cm 5.4pt; "
		 "font-size:10.0pt; font-family:\"Calibri\",sans-serif;} "
		 "Contenu de la formation.",
		 "Objectif.\n\nContenu de la formation.",
		 "one-line Word style sheet removed, text after it kept");
	is_clean("Avant\n\nmso-bidi-font-family:Calibri;\n"
		 "mso-ansi-language:FR; mso-fareast-language:JA;\n"
		 "font-size:11.0pt;\n\nAprès",
		 "Avant\n\nAprès",
		 "lines of mso- declarations removed");
	is_clean("Texte\n\n```\nNormal 0 false false false EN-US X-NONE "
		 "X-NONE\n```\n\nSuite",
		 "Texte\n\nSuite",
		 "debris alone in a fence: fence removed too");
	is_clean("p.MsoNormal, li.MsoNormal, div.MsoNormal\n"
		 "{mso-style-unhide:no;\nmargin:0cm;\n"
		 "font-family:\"Calibri\",sans-serif;}\n@page WordSection1\n"
		 "{size:595.3pt 841.9pt;}\n\nTitre",
		 "Titre",
		 "several CSS rules in a row removed");
}

/* Prose that merely looks a little like the debris must stay. */
static void test_prose_kept(void)
{
	is_clean("Normal : la journée commence à 9 h.\n\n"
		 "Note: prévoir un repas;\n\nRésultat 0 21 false",
		 "Normal : la journée commence à 9 h.\n\n"
		 "Note: prévoir un repas;\n\nRésultat 0 21 false",
		 "prose resembling debris kept");
	is_clean("Si a < b et c > d, alors <b est faux.",
		 "Si a < b et c > d, alors <b est faux.",
		 "a '<' in prose does not make HTML");
	is_clean("# Titre\n\n- **gras** et [lien](https://egoc.org)\n"
		 "- second\n\n1. un\n2. deux",
		 "# Titre\n\n- **gras** et [lien](https://egoc.org)\n"
		 "- second\n\n1. un\n2. deux",
		 "clean Markdown unchanged");
}

/* What staff type is kept as typed: angle brackets in plain text are not
 * HTML, and no word is ever dropped. */
static void test_typed_angle_brackets(void)
{
	static const char *const typed[] = {
		"Initiation <HTML> et <CSS> pour agents",
		"niveau <B> ou <C>, groupes < 12 et > 4",
		"Les balises <p>, <br> et <table> : premiers pas",
		"Ecrire à <prenom.nom@caf.fr> ou voir <https://egoc.org>",
		"x<y>z, a<b ou a <= b, <- flèche ->",
		"Un<br>deux<br/>trois",
		"<B>Important</C> : <i> et </u> ne vont pas ensemble",
		"<!-- pas un commentaire Word --> et &amp; &lt;p&gt; tels quels",
		"<p = 3> et <b class> et <a href>",
	};
	size_t k;

	for (k = 0; k < sizeof typed / sizeof *typed; k++)
		is_clean(typed[k], typed[k], typed[k]);
}

/* What makes a text HTML: Word's markers, or HTML structure. */
static void test_html_detection(void)
{
	is_clean("<p class=MsoNormal>Texte<o:p></o:p>", "Texte",
		 "Word paragraph, never closed: Word markers make it HTML");
	is_clean("Voir <span style='mso-bidi-font-family:Calibri'>ici",
		 "Voir ici", "a valued attribute makes it HTML");
	is_clean("<!--[if gte mso 9]><xml><w:WordDocument/></xml>"
		 "<![endif]-->Texte", "Texte", "a conditional comment makes it HTML");
	is_clean("Mot <st1:PersonName w:st=\"on\">Dupont</st1:PersonName>",
		 "Mot Dupont", "Office smart tags make it HTML");
	is_clean("<!DOCTYPE html><title>t</title>Texte", "Texte",
		 "a doctype makes it HTML");
	is_clean("Tapez <b>gras</b> ici", "Tapez **gras** ici",
		 "an element opened and closed makes it HTML");
	is_clean("<p class=MsoNormal>Modules <CSS> et <JS>, 3 < 4<o:p></o:p></p>",
		 "Modules <CSS> et <JS>, 3 < 4",
		 "inside Word HTML, unknown tags and '<' stay text");
	is_clean("<p class=MsoNormal>Début <b onclick=\"x\" fin</p>",
		 "Début <b onclick=\"x\" fin",
		 "an unterminated tag in HTML does not swallow the rest");
	is_clean("<p class=x>Avant <!-- jamais fermé et après</p>",
		 "Avant jamais fermé et après",
		 "an unclosed comment in HTML does not swallow the rest");
	is_clean("<p class=x>Avant <style>p{}</p><p>après</p>",
		 "Avant p{}\n\naprès",
		 "an unclosed <style> in HTML does not swallow the rest");
}

/* Hostile HTML: unclosed tags, comments and raw elements by the thousand
 * must neither swallow the text nor take quadratic time (the cleaner
 * runs inside a request). */
static void test_hostile_html(void)
{
	static const char *const pieces[] = {"<b x=", "<!--", "<style>", "<p "};
	size_t k, r, len, reps = 40000;
	char *in, *got;

	for (k = 0; k < sizeof pieces / sizeof *pieces; k++) {
		len = strlen(pieces[k]);
		in = malloc(12 + reps * len + 5);
		if (!in)
			return;
		memcpy(in, "<p class=x>", 11);
		for (r = 0; r < reps; r++)
			memcpy(in + 11 + r * len, pieces[k], len);
		memcpy(in + 11 + reps * len, " fin", 5);
		got = clean(in);
		tap_ok(got && strlen(got) >= 3 && strcmp(got + strlen(got) - 3, "fin") == 0,
		       "%d times '%s' in HTML: cleaned, the text after kept",
		       (int)reps, pieces[k]);
		free(got);
		free(in);
	}
}

static const char word_clipboard[] =
	"Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000003000\r\n"
	"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
	"xmlns:w=\"urn:schemas-microsoft-com:office:word\">\r\n"
	"<head><meta http-equiv=Content-Type content=\"text/html; "
	"charset=utf-8\">\r\n<title>Fiche formation</title>\r\n"
	"<!--[if gte mso 9]><xml>\r\n <o:OfficeDocumentSettings>\r\n"
	"  <o:AllowPNG/>\r\n </o:OfficeDocumentSettings>\r\n"
	"</xml><![endif]--><!--[if gte mso 9]><xml>\r\n <w:WordDocument>\r\n"
	"  <w:View>Normal</w:View>\r\n  <w:Zoom>0</w:Zoom>\r\n"
	"  <w:HyphenationZone>21</w:HyphenationZone>\r\n"
	" </w:WordDocument>\r\n</xml><![endif]-->\r\n"
	"<style>\r\n<!--\r\n /* Style Definitions */\r\n"
	" p.MsoNormal, li.MsoNormal, div.MsoNormal\r\n"
	"\t{mso-style-unhide:no;\r\n\tmargin:0cm;\r\n"
	"\tfont-family:\"Calibri\",sans-serif;}\r\n-->\r\n</style>\r\n"
	"</head>\r\n<body lang=FR style='tab-interval:35.4pt'>\r\n"
	"<!--StartFragment-->\r\n"
	"<h2>Objectif&nbsp;professionnel</h2>\r\n"
	"<p class=MsoNormal style='mso-margin-top-alt:auto'><span "
	"style='mso-bidi-font-family:Calibri'>Texte&nbsp;: l&#8217;objectif\r\n"
	"est d&rsquo;engager une r&eacute;flexion &laquo;&nbsp;collective"
	"&nbsp;&raquo;<o:p></o:p></span></p>\r\n"
	"<p class=MsoNormal><o:p>&nbsp;</o:p></p>\r\n"
	"<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;"
	"mso-list:l0 level1 lfo1'><![if !supportLists]><span\r\n"
	"style='font-family:Symbol;mso-fareast-font-family:Symbol'>"
	"\xC2\xB7<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;"
	"&nbsp;&nbsp;&nbsp;\r\n</span></span><![endif]><b style='"
	"mso-bidi-font-weight:normal'>Journ&eacute;e 1 </b>: la CTG"
	"<o:p></o:p></p>\r\n"
	"<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;"
	"mso-list:l0 level1 lfo1'><![if !supportLists]><span\r\n"
	"style='font-family:Symbol'>\xC2\xB7<span style='font:7.0pt "
	"\"Times New Roman\"'>&nbsp;&nbsp;&nbsp;\r\n</span></span>"
	"<![endif]>Journ&eacute;e 2 &amp; bilan<o:p></o:p></p>\r\n"
	"<p class=MsoNormal>Voir <a href=\"https://www.egoc.org/sessions?"
	"a=1&amp;b=2\">le site EGOC</a> ou <a href=\"#_Toc1\">plus haut</a>"
	".<br>\r\nSeconde ligne<o:p></o:p></p>\r\n"
	"<!--EndFragment-->\r\n</body>\r\n</html>\r\n";

static void test_word_html(void)
{
	char *got = clean(word_clipboard);

	is_clean(word_clipboard,
		 "## Objectif professionnel\n\n"
		 "Texte : l'objectif est d'engager une réflexion « collective »"
		 "\n\n- **Journée 1** : la CTG\n- Journée 2 & bilan\n\n"
		 "Voir [le site EGOC](https://www.egoc.org/sessions?a=1&b=2) "
		 "ou plus haut.\nSeconde ligne",
		 "Word clipboard HTML flattened to Markdown");
	tap_ok(got && !has(got, "mso") && !has(got, "<") &&
	       !has(got, "Normal") && !has(got, "Fiche formation") &&
	       !has(got, "Version:"),
	       "Word clipboard: no tag, style, xml, title or header left");
	free(got);
}

static void test_html_elements(void)
{
	is_clean("<p>Un</p><p>Deux<br>trois</p>", "Un\n\nDeux\ntrois",
		 "<p> gives paragraphs, <br> a line break");
	is_clean("<p>Liste :</p><ul><li>un</li>\n<li><b>deux</b></li></ul>"
		 "<p>fin</p>",
		 "Liste :\n\n- un\n- **deux**\n\nfin",
		 "<ul><li> gives a '- ' list");
	is_clean("<div>A<style>p{color:red}</style><script>alert(1)</script>"
		 "<!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]-->"
		 "B</div>",
		 "AB", "style, script, xml and conditional comments removed");
	is_clean("<p>&amp; &lt; &gt; &quot; &#39; &#8217; &rsquo; &laquo; "
		 "&raquo; &eacute;&Eacute;&agrave;&ccedil;&oelig; &#233;&#xE9;"
		 "&#x20AC; &#146; &hellip; &unknown; &</p>",
		 "& < > \" ' ' ' « » éÉàçœ éé€ ' … &unknown; &",
		 "HTML entities decoded");
	is_clean("<p>Voir <a href=\"javascript:alert(1)\">ici</a> et "
		 "<a href='file:///C:/doc.docx'>là</a></p>",
		 "Voir ici et là", "links other than web and mail lose their target");
	is_clean("<p><b>Voir <a href=\"https://egoc.org\">le site</a> "
		 "ici</b> et <a href=\"https://egoc.org/a\"><b>l[à]</b></a></p>",
		 "**Voir** [**le site**](https://egoc.org) **ici** et "
		 "[**l\\[à\\]**](https://egoc.org/a)",
		 "bold never crosses a link bracket, brackets escaped");
	is_clean("<p>Balise &lt;p&gt; et &lt;importante&gt;, 3 &lt; 4</p>",
		 "Balise \\<p> et \\<importante>, 3 < 4",
		 "a decoded '<' that would open a tag is escaped for Markdown");
	is_clean("Texte <\x01p> et <\xE2\x80\x8B/body>",
		 "Texte <p> et </body>",
		 "tags brought together by removing invisible characters: "
		 "still text when they make no HTML");
	is_clean("Texte <\x01p>un<\xE2\x80\x8B/p>",
		 "Texte \\<p>un\\</p>",
		 "no HTML appears when invisible characters are removed");
	is_clean("<h1>Titre</h1><h5>Petit</h5><p><b> </b>texte <strong>"
		 "gras </strong>fin</p>",
		 "# Titre\n\n#### Petit\n\ntexte **gras** fin",
		 "headings, empty and trailing-space bold");
}

static void test_characters(void)
{
	is_clean("Texte\xC2\xA0: \xC2\xAB\xE2\x80\xAFmot\xE2\x80\xAF\xC2\xBB"
		 " !\xE2\x80\xAF?",
		 "Texte : « mot » ! ?", "no-break spaces become spaces");
	is_clean("l\xE2\x80\x99objectif \xE2\x80\x9C" "cit\xC3\xA9\xE2\x80\x9D"
		 " \xE2\x80\x98" "a\xE2\x80\x99 \xC2\xAB ok \xC2\xBB",
		 "l'objectif \"cité\" 'a' « ok »",
		 "smart quotes straightened, guillemets kept");
	is_clean("co\xC2\xADop\xC3\xA9ra\xE2\x80\x8Btion\xEF\xBB\xBF "
		 "ter\xE2\x81\xA0ri\xE2\x80\x8Dtoriale",
		 "coopération territoriale", "soft hyphens and zero-width removed");
	is_clean("a\x01" "b\x7F" "c\td", "abc d", "control characters removed");
	is_clean("  Un   deux \t trois  ", "Un deux trois",
		 "runs of spaces collapsed, line trimmed");
}

static void test_lines(void)
{
	is_clean("un\r\ndeux\rtrois\n", "un\ndeux\ntrois", "CRLF and CR become LF");
	is_clean("\n\n  \nA\n\n\n\n \nB\n\n\n", "A\n\nB",
		 "blank lines collapsed and trimmed");
	is_clean("\xE2\x80\xA2 un\n\xC2\xB7\tdeux\no trois\n\xC2\xA7 quatre\n"
		 "\xEF\x82\xB7 cinq\n\xE2\x80\x93 six\n\xE2\x96\xAA" "sept",
		 "- un\n- deux\n- trois\n- quatre\n- cinq\n- six\n- sept",
		 "Word bullets become '- '");
	is_clean("Processus :\n\n\xE2\x80\xA2 un\n\n\xE2\x80\xA2 deux\n\nFin",
		 "Processus :\n\n- un\n- deux\n\nFin",
		 "a bullet list pasted with blank lines stays one list");
	is_clean("o\n\xC2\xA7\nolive oil\n - indenté",
		 "o\n\xC2\xA7\nolive oil\n- indenté",
		 "lone bullet glyphs and words starting with o kept");
	is_clean("", "", "empty input gives empty output");
	is_clean(" \n\xC2\xA0\n\t", "", "only white space gives empty output");
}

static void test_invalid_utf8(void)
{
	static const char *const bad[] = {
		"ab\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "fin\xE2\x82",
		"\xF5\x80\x80\x80", "\xFF", "<p>&eacute;\xE9</p>",
	};
	size_t k;
	int refused = 1;

	for (k = 0; k < sizeof bad / sizeof *bad; k++) {
		char *out = (char *)1;
		size_t len = 99;
		if (word_clean(bad[k], strlen(bad[k]), &out, &len) != -1 ||
		    out != NULL || len != 0)
			refused = 0;
	}
	tap_ok(refused, "malformed UTF-8 refused with -1, NULL, 0");
}

static void test_embedded_nul(void)
{
	char *out = NULL;
	size_t len = 0;

	tap_is_int(word_clean("a\0b", 3, &out, &len), 0, "input with a NUL accepted");
	tap_is_str(out, "ab", "NUL byte dropped");
	free(out);
}

int main(void)
{
	test_fixture_debris();
	test_one_line_debris();
	test_prose_kept();
	test_typed_angle_brackets();
	test_html_detection();
	test_hostile_html();
	test_word_html();
	test_html_elements();
	test_characters();
	test_lines();
	test_invalid_utf8();
	test_embedded_nul();
	return tap_done();
}
