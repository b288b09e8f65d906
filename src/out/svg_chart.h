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

/* Appends s with &, <, >, " and ' escaped for XML text and attributes. */
int svg_escape(struct buf *out, const char *s);

#endif
