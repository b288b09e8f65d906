/* Inline SVG bar charts: see svg_chart.h. */
#include "out/svg_chart.h"

#include <string.h>

#include "base/buf.h"

int svg_escape(struct buf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		const char *e = NULL;
		switch (*p) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: break;
		}
		if (e ? buf_puts(out, e) < 0 : buf_append(out, p, 1) < 0)
			return -1;
	}
	return 0;
}

static int id_is_valid(const char *id)
{
	if (!id || !*id || strlen(id) > 64)
		return 0;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
				*p == '-'))
			return 0;
	return 1;
}

/* Geometry in SVG units; the picture scales to the width of its box. */
#define LABEL_W 210
#define BAR_W 300
#define ROW_H 26
#define BAR_H 18
#define WIDTH (LABEL_W + BAR_W + 110)

static int draw(struct buf *out, const char *id, const char *title, const struct svg_bar *bars,
		size_t n)
{
	long max = 0, total = 0;
	for (size_t i = 0; i < n; i++) {
		long v = bars[i].value > 0 ? bars[i].value : 0;
		max = v > max ? v : max;
		total += v;
	}
	int height = (int)n * ROW_H + 8;
	if (buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""
			" viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\""
			" aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">", WIDTH, height, WIDTH, id, id,
			id) < 0 || svg_escape(out, title) < 0 ||
			buf_printf(out, "</title><desc id=\"%s-d\">", id) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		long v = bars[i].value > 0 ? bars[i].value : 0;
		if ((i && buf_puts(out, " ; ") < 0) || svg_escape(out, bars[i].label) < 0 ||
				buf_printf(out, " : %ld", v) < 0)
			return -1;
	}
	if (buf_puts(out, "</desc>") < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		long v = bars[i].value > 0 ? bars[i].value : 0;
		int y = 4 + (int)i * ROW_H;
		int w = max ? (int)(v * BAR_W / max) : 0;
		int pct = total ? (int)((200 * v + total) / (2 * total)) : 0;
		/* Dark bars on white with a black outline: still bars in grey
		 * levels or printed; the number says the rest. */
		if (buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"14\">",
				LABEL_W - 8, y + BAR_H - 4) < 0 || svg_escape(out, bars[i].label) < 0 ||
				buf_printf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
				" fill=\"#1d4f91\" stroke=\"#000\" stroke-width=\"1\"/>"
				"<text x=\"%d\" y=\"%d\" font-size=\"14\">%ld (%d %%)</text>",
				LABEL_W, y, w, BAR_H, LABEL_W + w + 6, y + BAR_H - 4, v, pct) < 0)
			return -1;
	}
	return buf_puts(out, "</svg>");
}

int svg_bar_chart(struct buf *out, const char *id, const char *title, const struct svg_bar *bars,
		size_t n)
{
	if (!out || !id_is_valid(id) || !title || (!bars && n) || n > SVG_BARS_MAX)
		return -1;
	size_t len = out->len;
	if (draw(out, id, title, bars, n) < 0) {
		out->len = len;
		if (out->data)
			out->data[len] = '\0';
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------ before and after */

#define PAIR_LABEL_H 20
#define PAIR_ROW_H (PAIR_LABEL_H + 2 * ROW_H + 6)
#define PAIR_SIDE_W 70

static int pair_header(struct buf *out, const char *id, const char *title, int height)
{
	return buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""
			" viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\""
			" aria-labelledby=\"%s-t %s-d\"><defs><pattern id=\"%s-h\" width=\"6\" height=\"6\""
			" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
			"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\""
			" y2=\"6\" stroke=\"#1d4f91\" stroke-width=\"3\"/></pattern></defs><title id=\"%s-t\">",
			WIDTH, height, WIDTH, id, id, id, id) < 0 || svg_escape(out, title) < 0 ? -1 : 0;
}

/* "3,5 (12 réponses)", or "aucune réponse". */
static int pair_value(struct buf *out, long tenths, long n)
{
	if (n <= 0)
		return buf_puts(out, "aucune réponse");
	return buf_printf(out, "%ld,%ld (%ld réponse%s)", tenths / 10, tenths % 10, n, n > 1 ? "s" : "");
}

static int pair_bar(struct buf *out, const char *id, int y, const char *side, long tenths, long n,
		long max, int hatched)
{
	long v = tenths < 0 ? 0 : tenths > max ? max : tenths;
	int w = n > 0 ? (int)(v * (BAR_W - PAIR_SIDE_W) / max) : 0;
	int x = LABEL_W - PAIR_SIDE_W;
	if (buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"14\">%s</text>",
			x - 8, y + BAR_H - 4, side) < 0)
		return -1;
	if (w > 0 && (hatched ? buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			" fill=\"url(#%s-h)\" stroke=\"#000\" stroke-width=\"1\"/>", x, y, w, BAR_H, id) :
			buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			" fill=\"#1d4f91\" stroke=\"#000\" stroke-width=\"1\"/>", x, y, w, BAR_H)) < 0)
		return -1;
	return buf_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\">", x + w + 6,
			y + BAR_H - 4) < 0 || pair_value(out, tenths, n) < 0 || buf_puts(out, "</text>") < 0 ?
		-1 : 0;
}

static int draw_pairs(struct buf *out, const char *id, const char *title,
		const struct svg_pair *items, size_t n, long max)
{
	if (pair_header(out, id, title, (int)n * PAIR_ROW_H + 8) < 0 ||
			buf_printf(out, "</title><desc id=\"%s-d\">", id) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i && buf_puts(out, " ; ") < 0) || svg_escape(out, items[i].label) < 0 ||
				buf_puts(out, " : avant ") < 0 ||
				pair_value(out, items[i].before, items[i].before_n) < 0 ||
				buf_puts(out, ", après ") < 0 ||
				pair_value(out, items[i].after, items[i].after_n) < 0)
			return -1;
	if (buf_puts(out, "</desc>") < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int y = 4 + (int)i * PAIR_ROW_H;
		if (buf_printf(out, "<text x=\"0\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">",
				y + 14) < 0 || svg_escape(out, items[i].label) < 0 || buf_puts(out, "</text>") < 0 ||
				pair_bar(out, id, y + PAIR_LABEL_H, "Avant", items[i].before, items[i].before_n,
					max, 1) < 0 ||
				pair_bar(out, id, y + PAIR_LABEL_H + ROW_H, "Après", items[i].after,
					items[i].after_n, max, 0) < 0)
			return -1;
	}
	return buf_puts(out, "</svg>");
}

int svg_pair_chart(struct buf *out, const char *id, const char *title,
		const struct svg_pair *items, size_t n, long max_tenths)
{
	if (!out || !id_is_valid(id) || !title || (!items && n) || n > SVG_BARS_MAX || max_tenths <= 0)
		return -1;
	size_t len = out->len;
	if (draw_pairs(out, id, title, items, n, max_tenths) < 0) {
		out->len = len;
		if (out->data)
			out->data[len] = '\0';
		return -1;
	}
	return 0;
}
