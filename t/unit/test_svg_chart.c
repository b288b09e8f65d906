/* The inline SVG bar charts of the evaluation results: readable without
 * colour (each bar's label and number as text, a title and a desc for
 * screen readers), escaped, proportional, and never half written. */
#include <string.h>

#include "tap.h"
#include "base/buf.h"
#include "out/svg_chart.h"

static int has(const struct buf *b, const char *s)
{
	return b->data && strstr(b->data, s) != NULL;
}

int main(void)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	const struct svg_bar scale[] = { { "1 – Pas du tout", 0 }, { "2", 1 }, { "3", 1 }, { "4", 4 },
		{ "5 – Tout à fait", 14 } };
	tap_ok(svg_bar_chart(&b, "q0", "Satisfaction <globale> & \"rythme\"", scale, 5) == 0,
		"a chart of five bars is drawn");
	tap_ok(has(&b, "<svg ") && has(&b, "role=\"img\"") && has(&b, "aria-labelledby=\"q0-t q0-d\""),
		"an image labelled by its title and desc");
	tap_ok(has(&b, "<title id=\"q0-t\">Satisfaction &lt;globale&gt; &amp; &quot;rythme&quot;</title>"),
		"the title is escaped");
	tap_ok(has(&b, "<desc id=\"q0-d\">1 – Pas du tout : 0 ; 2 : 1 ; 3 : 1 ; 4 : 4 ; 5 – Tout à fait : 14</desc>"),
		"the desc gives every figure in words");
	tap_ok(has(&b, ">14 (70 %)</text>") && has(&b, ">4 (20 %)</text>") && has(&b, ">0 (0 %)</text>"),
		"each bar carries its number and share as text");
	tap_ok(has(&b, "width=\"300\" height=\"18\"") && has(&b, "width=\"0\" height=\"18\""),
		"the largest bar is full width, a zero has none");
	tap_ok(has(&b, "stroke=\"#000\""), "bars are outlined: visible in grey levels");
	tap_ok(strlen(b.data) == b.len && has(&b, "</svg>") && b.data[b.len - 1] == '>', "closed");

	buf_free(&b);
	buf_init(&b, 1 << 20);
	tap_ok(svg_bar_chart(&b, "q1", "Vide", NULL, 0) == 0 && has(&b, "<desc id=\"q1-d\"></desc>"),
		"no bars: an empty chart, no division by zero");
	tap_ok(svg_bar_chart(&b, "bad id", "x", scale, 5) == -1, "an id with a space is refused");
	tap_ok(svg_bar_chart(&b, "q\"", "x", scale, 5) == -1, "an id with a quote is refused");
	const struct svg_bar neg[] = { { "a", -3 }, { "b", 2 } };
	buf_free(&b);
	buf_init(&b, 1 << 20);
	tap_ok(svg_bar_chart(&b, "n", "x", neg, 2) == 0 && has(&b, ">0 (0 %)</text>") &&
		has(&b, ">2 (100 %)</text>"), "a negative count is drawn as 0");

	struct buf small;
	buf_init(&small, 200);
	buf_puts(&small, "avant");
	tap_ok(svg_bar_chart(&small, "q2", "Titre", scale, 5) == -1 && small.len == 5 &&
		strcmp(small.data, "avant") == 0, "over the cap: -1, the buffer as it was");
	buf_free(&small);
	buf_free(&b);

	/* Before and after: means in tenths on 0..5, each side named. */
	buf_init(&b, 1 << 20);
	const struct svg_pair pairs[] = { { "Objectif <1>", 25, 45, 2, 2 }, { "Objectif 2", 0, 50, 0, 1 } };
	tap_ok(svg_pair_chart(&b, "obj", "Avant, après", pairs, 2, 50) == 0, "a before-and-after chart");
	tap_ok(has(&b, "<desc id=\"obj-d\">Objectif &lt;1&gt; : avant 2,5 (2 réponses), après 4,5 (2 réponses) ;"
		" Objectif 2 : avant aucune réponse, après 5,0 (1 réponse)</desc>"), "its desc in words");
	tap_ok(has(&b, ">Avant</text><rect") && has(&b, ">Après</text><rect"), "each bar named in text");
	tap_ok(has(&b, "fill=\"url(#obj-h)\"") && has(&b, "<pattern id=\"obj-h\""),
		"before is hatched: told from after without colour");
	tap_ok(has(&b, "width=\"230\" height=\"18\"") && has(&b, "width=\"115\" height=\"18\""),
		"bars proportional to the scale: 5 full, 2,5 half");
	tap_ok(has(&b, ">aucune réponse</text>"), "a side without answers says so, no bar");
	tap_ok(svg_pair_chart(&b, "obj", "x", pairs, 2, 0) == -1, "a scale of 0 is refused");
	buf_free(&b);
	return tap_done();
}
