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
