/* Charts drawn on the server as inline SVG, readable without colour and
 * without the picture: each bar carries its label and its number as text,
 * and the <title> and <desc> say the same in words for screen readers
 * (the page also gives the figures in a table).
 *
 * Pure: no I/O, no globals; everything goes into a struct buf whose cap
 * the caller chose. */
#ifndef FORMATIONS_SVG_CHART_H
#define FORMATIONS_SVG_CHART_H

#include <stddef.h>

struct buf;

struct svg_bar {
	const char *label; /* UTF-8, escaped here */
	long value;        /* >= 0 (negatives are drawn as 0) */
};

/* Bars wider than this many are not drawn (the caller's table has them). */
#define SVG_BARS_MAX 30

/* Appends <svg role="img"> with a <title> (title) and a <desc> listing
 * every "label : value", one horizontal bar per item, its width
 * proportional to the largest value, and "value (pct %)" written after
 * it. id makes the title's and desc's ids unique on the page (letters,
 * digits and '-' only). 0, or -1 when an argument is wrong or the cap is
 * reached (out is then left as it was). */
int svg_bar_chart(struct buf *out, const char *id, const char *title, const struct svg_bar *bars,
		size_t n);

/* One item of a before-and-after chart: two means in tenths (0..max),
 * each with its number of answers (0: not drawn, "aucune réponse"). */
struct svg_pair {
	const char *label;          /* UTF-8, escaped here; drawn above the two bars */
	long before, after;         /* tenths: 35 is 3,5 */
	long before_n, after_n;
};

/* Appends <svg role="img"> with a <title> and a <desc> in words, per item
 * its label then two bars on a 0..max_tenths scale: "Avant" hatched and
 * "Après" solid, each named in text at its left and followed by its mean
 * ("3,5 (12 réponses)"), so that neither colour nor pattern is needed to
 * read it. 0, or -1 when an argument is wrong or the cap is reached (out
 * is then left as it was). */
int svg_pair_chart(struct buf *out, const char *id, const char *title,
		const struct svg_pair *items, size_t n, long max_tenths);

/* Appends s with &, <, >, " and ' escaped for XML text and attributes. */
int svg_escape(struct buf *out, const char *s);

#endif
