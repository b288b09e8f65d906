/* Attendance sheets and attestations as PDF: see pdf.h.
 *
 * Every document is laid out twice with the same code: a first pass only
 * measures (pango sets the text, nothing is drawn) and counts the pages, so
 * that the second pass, which draws, can write "page 2 / 3". Sizes are in
 * PostScript points (1/72 inch), the unit of cairo's PDF surface. */
#include "out/pdf.h"

#include "base/buf.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_FAMILY "Noto Sans"

/* A4 portrait. */
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN_X 42.0
#define MARGIN_TOP 36.0
#define FOOTER_Y (PAGE_H - 30.0)      /* baseline area of the footer */
#define BOTTOM (PAGE_H - 44.0)        /* the content stops here */
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)

/* Text styles: a set of flags. */
#define T_BOLD 1
#define T_ITALIC 2
#define T_RIGHT 4
#define T_CENTER 8
#define T_MULTILINE 16   /* keep the caller's line breaks */

struct doc {
	struct buf *out;
	int write_failed;               /* the buffer refused bytes (its cap) */
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pango;
	PangoLayout *layout;            /* reused for every piece of text */
	PangoFontDescription *font[4];  /* regular, bold, italic, bold italic */
	int draw;                       /* 0: the measuring pass */
	int page, pages;                /* within the current sheet or attestation */
	int abs_page;                   /* in the whole file, from 1 */
};

/* ---- text ------------------------------------------------------------ */

static int is_digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

static int is_space(gunichar c)
{
	return c == ' ' || c == 0xa0 || c == 0x202f;
}

/* The text as pango should set it: valid UTF-8, no control characters
 * (line breaks kept only with T_MULTILINE), and French typography: a
 * no-break space before ":" and "»" and after "«", a narrow no-break space
 * before ";", "!", "?" and "%", no break between a number and the word
 * that follows ("4 mars", "9 h", "45 min") nor inside "9 h 12" (all this
 * only with typography set). g_free() the result. */
static char *clean_text(const char *s, int multiline, int typography)
{
	char *valid = g_utf8_make_valid(s ? s : "", -1);
	glong n = 0;
	gunichar *u = g_utf8_to_ucs4_fast(valid, -1, &n);
	g_free(valid);
	GString *o = g_string_sized_new((gsize)n + 16);
	for (glong i = 0; i < n; i++) {
		gunichar c = u[i];
		gunichar prev = i > 0 ? u[i - 1] : 0, next = i + 1 < n ? u[i + 1] : 0;
		if (c == '\r') {
			if (next == '\n')
				continue;
			c = '\n';
		}
		if (c == '\t' || (c == '\n' && !multiline))
			c = ' ';
		if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0))
			continue;
		if (c == ' ' && typography) {
			if (next == ':' || next == 0xbb)
				c = 0xa0;
			else if (next == ';' || next == '!' || next == '?' || (next == '%' && is_digit(prev)))
				c = 0x202f;
			else if (prev == 0xab)
				c = 0xa0;
			else if (is_digit(prev) && g_unichar_isalpha(next))
				c = 0xa0;
			else if (prev == 'h' && i >= 3 && is_space(u[i - 2]) && is_digit(u[i - 3]) && is_digit(next))
				c = 0xa0;
		}
		g_string_append_unichar(o, c);
	}
	g_free(u);
	return g_string_free(o, FALSE);
}

/* Sets text in the shared layout: size in points, width 0 for one
 * unwrapped line, max_lines > 0 to cut with "…" beyond. */
static PangoLayout *layout_text(struct doc *d, const char *text, double size, int style,
		double width, int max_lines)
{
	PangoLayout *l = d->layout;
	PangoFontDescription *f = d->font[style & (T_BOLD | T_ITALIC)];
	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	pango_layout_set_font_description(l, f);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (max_lines > 0 && width > 0) {
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	} else {
		pango_layout_set_height(l, -1);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
	}
	pango_layout_set_alignment(l, style & T_RIGHT ? PANGO_ALIGN_RIGHT
			: style & T_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	char *t = clean_text(text, style & T_MULTILINE, 1);
	pango_layout_set_text(l, t, -1);
	g_free(t);
	return l;
}

/* Puts text at (x, y), its top left corner, when drawing; returns its
 * height either way. */
static double put(struct doc *d, double x, double y, double width, const char *text,
		double size, int style, int max_lines)
{
	PangoLayout *l = layout_text(d, text, size, style, width, max_lines);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	if (d->draw) {
		cairo_move_to(d->cr, x, y);
		pango_cairo_show_layout(d->cr, l);
	}
	return (double)h / PANGO_SCALE;
}

/* The width of one unwrapped line. */
static double text_width(struct doc *d, const char *text, double size, int style)
{
	PangoLayout *l = layout_text(d, text, size, style, 0, 0);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void ink(struct doc *d, double grey)
{
	cairo_set_source_rgb(d->cr, grey, grey, grey);
}

static void accent(struct doc *d)
{
	cairo_set_source_rgb(d->cr, 0.08, 0.22, 0.42);
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* ---- the document ---------------------------------------------------- */

/* cairo 1.16 does not always report a write error from its stream (the
 * trailer written by cairo_surface_finish() leaves the surface's status
 * alone), so the failure is kept here as well. */
static cairo_status_t write_to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	struct doc *d = closure;
	if (d->write_failed || buf_append(d->out, (const char *)data, len) < 0) {
		d->write_failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static int doc_open(struct doc *d, struct buf *out, const char *title)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->surface = cairo_pdf_surface_create_for_stream(write_to_buf, d, PAGE_W, PAGE_H);
	d->cr = cairo_create(d->surface);
	if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		return -1;
	char *t = clean_text(title, 0, 1);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, t);
	g_free(t);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, "EGOC");
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "Formations EGOC");

	d->pango = pango_cairo_create_context(d->cr);
	/* Outlines as the font draws them, at their exact advance: no hinting,
	 * which is for screens, not for a page. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(d->pango, FALSE);
	pango_context_set_language(d->pango, pango_language_from_string("fr-fr"));
	d->layout = pango_layout_new(d->pango);
	for (int i = 0; i < 4; i++) {
		d->font[i] = pango_font_description_new();
		pango_font_description_set_family_static(d->font[i], FONT_FAMILY);
		pango_font_description_set_weight(d->font[i], i & T_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_style(d->font[i], i & T_ITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	}
	d->abs_page = 1;
	return 0;
}

/* Finishes the file (cairo writes the fonts and the trailer into the
 * buffer now) and frees everything; -1 when anything failed on the way. */
static int doc_close(struct doc *d)
{
	int rc = 0;
	for (int i = 0; i < 4; i++)
		if (d->font[i])
			pango_font_description_free(d->font[i]);
	if (d->layout)
		g_object_unref(d->layout);
	if (d->pango)
		g_object_unref(d->pango);
	if (d->cr) {
		if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_destroy(d->cr);
	}
	if (d->surface) {
		cairo_surface_finish(d->surface);
		if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_surface_destroy(d->surface);
	}
	return d->write_failed ? -1 : rc;
}

/* Ends the current page: drawn, it goes to the file. */
static void page_end(struct doc *d)
{
	if (d->draw) {
		cairo_show_page(d->cr);
		d->abs_page++;
	}
	d->page++;
}

/* The footer of every page: what the page is, left; its number, right. */
static void footer(struct doc *d, const char *what)
{
	if (!d->draw)
		return;
	char num[48];
	snprintf(num, sizeof num, "page\u00a0%d\u00a0/\u00a0%d", d->page, d->pages);
	ink(d, 0.35);
	double w = text_width(d, num, 8, 0);
	put(d, PAGE_W - MARGIN_X - w, FOOTER_Y, 0, num, 8, 0, 0);
	put(d, MARGIN_X, FOOTER_Y, CONTENT_W - w - 12, what, 8, 0, 1);
	cairo_set_line_width(d->cr, 0.4);
	cairo_move_to(d->cr, MARGIN_X, FOOTER_Y - 4);
	cairo_line_to(d->cr, PAGE_W - MARGIN_X, FOOTER_Y - 4);
	cairo_stroke(d->cr);
}

/* ---- QR codes -------------------------------------------------------- */

/* NULL for an empty text; *failed set when libqrencode refuses it (too
 * long for a QR code, out of memory). */
static QRcode *qr_make(const char *text, int *failed)
{
	if (!text || !*text)
		return NULL;
	char *t = clean_text(text, 0, 0);
	QRcode *q = QRcode_encodeString8bit(t, 0, QR_ECLEVEL_M);
	g_free(t);
	if (!q)
		*failed = 1;
	return q;
}

/* The dark modules as rectangles (a row's run of modules as one), filled
 * at once; size is the side of the square, the quiet zone around it is
 * the caller's white space. */
static void qr_draw(struct doc *d, const QRcode *q, double x, double y, double size)
{
	if (!q || !d->draw)
		return;
	double m = size / q->width;
	for (int r = 0; r < q->width; r++) {
		const unsigned char *row = q->data + (size_t)r * (size_t)q->width;
		for (int c = 0; c < q->width;) {
			if (!(row[c] & 1)) {
				c++;
				continue;
			}
			int start = c;
			while (c < q->width && (row[c] & 1))
				c++;
			cairo_rectangle(d->cr, x + start * m, y + r * m, (c - start) * m, m);
		}
	}
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_fill(d->cr);
}

/* ---- attendance sheets ----------------------------------------------- */

#define QR_SHEET 68.0
#define ROW_MIN 32.0     /* about 11 mm: room for a handwritten signature */
#define PAD 4.0
#define COL_N 22.0       /* row number */
#define COL_NAME 150.0
#define COL_ORG 130.0
#define COL_SIG (CONTENT_W - COL_N - COL_NAME - COL_ORG)
#define X_NAME (MARGIN_X + COL_N)
#define X_ORG (X_NAME + COL_NAME)
#define X_SIG (X_ORG + COL_ORG)
#define SIZE_ROW 9.5
#define SIZE_SIG 8.0

/* A label and its value, the label bold, the value wrapping beside it
 * within width; returns the height. */
static double field(struct doc *d, double x, double y, double width, const char *label,
		const char *value, double size, int max_lines)
{
	ink(d, 0.3);
	double lw = text_width(d, label, size, T_BOLD);
	put(d, x, y, 0, label, size, T_BOLD, 0);
	ink(d, 0.05);
	double h = put(d, x + lw + 4, y, width - lw - 4, value, size, 0, max_lines);
	return h;
}

/* The header of each page of a sheet, ending with the table's heading;
 * returns where the rows start. */
static double sheet_header(struct doc *d, const struct pdf_sheet *s, const QRcode *qr)
{
	double x = MARGIN_X, y = MARGIN_TOP;
	double tw = CONTENT_W - (qr ? QR_SHEET + 14 : 0);
	qr_draw(d, qr, PAGE_W - MARGIN_X - QR_SHEET, MARGIN_TOP, QR_SHEET);

	accent(d);
	double h = put(d, x, y, 0, "EGOC", 17, T_BOLD, 0);
	double w = text_width(d, "EGOC", 17, T_BOLD);
	ink(d, 0.3);
	put(d, x + w + 10, y + 5.5, tw - w - 10, "Feuille d'émargement", 11, 0, 1);
	y += h + 2;

	ink(d, 0.05);
	y += put(d, x, y, tw, s->course_title, 12.5, T_BOLD, 3) + 2;
	const char *module = or_empty(s->module_label), *day = or_empty(s->day_label);
	char *labels = g_strdup_printf("%s%s%s", module, *module && *day ? " · " : "", day);
	accent(d);
	y += put(d, x, y, tw, labels, 10.5, T_BOLD, 2) + 4;
	g_free(labels);

	/* Two columns: date | times, place | room; then the trainers. */
	double half = tw / 2;
	double a = field(d, x, y, half - 8, "Date :", s->date, 9.5, 2);
	double b = field(d, x + half, y, half, "Horaires :", s->times, 9.5, 2);
	y += (a > b ? a : b) + 1.5;
	if (*or_empty(s->place) || *or_empty(s->room)) {
		a = *or_empty(s->place) ? field(d, x, y, half - 8, "Lieu :", s->place, 9.5, 2) : 0;
		b = *or_empty(s->room) ? field(d, x + half, y, half, "Salle :", s->room, 9.5, 2) : 0;
		y += (a > b ? a : b) + 1.5;
	}
	y += field(d, x, y, tw, "Formateurs :", s->trainers, 9.5, 2);
	if (qr && y < MARGIN_TOP + QR_SHEET)
		y = MARGIN_TOP + QR_SHEET;
	y += 10;

	/* The table's heading. */
	double hh = 16;
	if (d->draw) {
		cairo_set_source_rgb(d->cr, 0.88, 0.91, 0.95);
		cairo_rectangle(d->cr, MARGIN_X, y, CONTENT_W, hh);
		cairo_fill(d->cr);
		ink(d, 0.1);
		put(d, MARGIN_X, y + 3, COL_N - PAD, "n°", 8, T_BOLD | T_RIGHT, 1);
		put(d, X_NAME + PAD, y + 3, COL_NAME - 2 * PAD, "Nom", 8, T_BOLD, 1);
		put(d, X_ORG + PAD, y + 3, COL_ORG - 2 * PAD, "Organisation", 8, T_BOLD, 1);
		put(d, X_SIG + PAD, y + 3, COL_SIG - 2 * PAD, "Signature", 8, T_BOLD, 1);
	}
	return y + hh;
}

/* What the signature box says, "" for nothing. */
static const char *row_text(const struct pdf_sheet *s, const struct pdf_sheet_row *r)
{
	switch (r->state) {
	case PDF_ROW_SIGNED: return or_empty(r->signed_text);
	case PDF_ROW_PAPER: return "émargement sur papier";
	case PDF_ROW_ABSENT: return s->certified ? "absent" : "";
	case PDF_ROW_BLANK: break;
	}
	return "";
}

/* Lays out a row (drawn at y when drawing, h its height then); returns
 * its height. */
static double sheet_row(struct doc *d, const struct pdf_sheet *s, size_t i, double y, double h)
{
	const struct pdf_sheet_row *r = &s->rows[i];
	const char *state = row_text(s, r), *note = or_empty(r->note);
	int barred = s->certified && r->state == PDF_ROW_ABSENT;
	double top = y + PAD;

	if (d->draw) {
		if (barred || i % 2) {
			double g = barred ? 0.9 : 0.965;
			cairo_set_source_rgb(d->cr, g, g, g);
			cairo_rectangle(d->cr, MARGIN_X, y, CONTENT_W, h);
			cairo_fill(d->cr);
		}
		ink(d, 0.45);
		char num[24];
		snprintf(num, sizeof num, "%zu", i + 1);
		put(d, MARGIN_X, top + 1, COL_N - PAD, num, 8, T_RIGHT, 1);
	}
	ink(d, 0.02);
	double nh = put(d, X_NAME + PAD, top, COL_NAME - 2 * PAD, r->name, SIZE_ROW, 0, 3);
	ink(d, 0.25);
	double oh = put(d, X_ORG + PAD, top, COL_ORG - 2 * PAD, r->organisation, SIZE_ROW - 0.5, 0, 3);
	double sh = 0;
	if (*state) {
		if (r->state == PDF_ROW_SIGNED)
			cairo_set_source_rgb(d->cr, 0.05, 0.2, 0.5);
		sh = put(d, X_SIG + PAD, top, COL_SIG - 2 * PAD, state, SIZE_SIG, T_ITALIC, 3);
	}
	if (*note) {
		ink(d, 0.25);
		sh += put(d, X_SIG + PAD, top + sh, COL_SIG - 2 * PAD, note, SIZE_SIG, T_ITALIC, 2);
	}
	double need = nh > oh ? nh : oh;
	if (sh > need)
		need = sh;
	need += 2 * PAD;
	if (need < ROW_MIN)
		need = ROW_MIN;

	if (d->draw) {
		cairo_set_line_width(d->cr, 0.5);
		ink(d, 0.45);
		cairo_rectangle(d->cr, MARGIN_X, y, CONTENT_W, h);
		double xs[] = { X_NAME, X_ORG, X_SIG };
		for (int k = 0; k < 3; k++) {
			cairo_move_to(d->cr, xs[k], y);
			cairo_line_to(d->cr, xs[k], y + h);
		}
		cairo_stroke(d->cr);
		if (barred) {
			/* Barred, as a trainer bars an empty box on paper: nobody
			 * signs there afterwards. The name stays readable. */
			cairo_set_line_width(d->cr, 0.9);
			ink(d, 0.2);
			cairo_move_to(d->cr, X_SIG + 2, y + h - 2);
			cairo_line_to(d->cr, X_SIG + COL_SIG - 2, y + 2);
			cairo_stroke(d->cr);
		}
	}
	return need;
}

/* The trainer's box at the end of the sheet. */
static double trainer_box(struct doc *d, const struct pdf_sheet *s, double y)
{
	double x = MARGIN_X + 8, w = CONTENT_W - 16, top = y + 8;
	double half = w * 0.45;
	ink(d, 0.1);
	double h = put(d, x, top, half, "Le formateur", 9, T_BOLD, 1) + 2;
	ink(d, 0.02);
	h += put(d, x, top + h, half - 8, s->trainer_name, 10, 0, 3);
	ink(d, 0.1);
	double rh = put(d, x + half, top, w - half, "Signature du formateur", 9, T_BOLD, 1) + 2;
	if (s->certified && *or_empty(s->certified_text)) {
		cairo_set_source_rgb(d->cr, 0.05, 0.2, 0.5);
		rh += put(d, x + half, top + rh, w - half, s->certified_text, 9, T_ITALIC, 3);
	}
	if (rh > h)
		h = rh;
	h += 16;
	if (h < 70)
		h = 70;
	if (d->draw) {
		cairo_set_line_width(d->cr, 0.7);
		ink(d, 0.35);
		cairo_rectangle(d->cr, MARGIN_X, y, CONTENT_W, h);
		cairo_move_to(d->cr, x + half - 8, y);
		cairo_line_to(d->cr, x + half - 8, y + h);
		cairo_stroke(d->cr);
	}
	return h;
}

/* One pass over a sheet: measures (heights filled) or draws (heights
 * used). Returns the number of pages. */
static int sheet_pass(struct doc *d, const struct pdf_sheet *s, const QRcode *qr,
		double *heights, double *box_h)
{
	char *what = g_strdup_printf("EGOC · Feuille d'émargement · %s · %s",
			or_empty(s->day_label), or_empty(s->date));
	d->page = 1;
	double y = sheet_header(d, s, qr);
	for (size_t i = 0; i < s->n_rows; i++) {
		if (!d->draw)
			heights[i] = sheet_row(d, s, i, 0, 0);
		if (y + heights[i] > BOTTOM) {
			footer(d, what);
			page_end(d);
			y = sheet_header(d, s, qr);
		}
		if (d->draw)
			sheet_row(d, s, i, y, heights[i]);
		y += heights[i];
	}
	y += 12;
	if (!d->draw)
		*box_h = trainer_box(d, s, 0);
	if (y + *box_h > BOTTOM) {
		footer(d, what);
		page_end(d);
		y = sheet_header(d, s, qr) + 8;
	}
	if (d->draw)
		trainer_box(d, s, y);
	footer(d, what);
	int pages = d->page;
	page_end(d);
	g_free(what);
	return pages;
}

int pdf_sheets(struct buf *out, const struct pdf_sheet *sheets, size_t n)
{
	if (n == 0)
		return -1;
	char *title = n == 1
		? g_strdup_printf("Feuille d'émargement – %s – %s – %s", or_empty(sheets[0].course_title),
			or_empty(sheets[0].day_label), or_empty(sheets[0].date))
		: g_strdup_printf("Feuilles d'émargement – %s", or_empty(sheets[0].course_title));
	struct doc d;
	int rc = doc_open(&d, out, title);
	g_free(title);
	for (size_t k = 0; rc == 0 && k < n; k++) {
		const struct pdf_sheet *s = &sheets[k];
		int failed = 0;
		QRcode *qr = qr_make(s->qr_text, &failed);
		double *heights = s->n_rows ? malloc(s->n_rows * sizeof *heights) : NULL;
		if (failed || (s->n_rows && !heights)) {
			rc = -1;
		} else {
			char *entry = g_strdup_printf("%s – %s", or_empty(s->day_label), or_empty(s->date));
			char *clean = clean_text(entry, 0, 1);
			char link[32];
			snprintf(link, sizeof link, "page=%d", d.abs_page);
			cairo_pdf_surface_add_outline(d.surface, CAIRO_PDF_OUTLINE_ROOT, clean, link, 0);
			g_free(clean);
			g_free(entry);
			double box_h = 0;
			d.draw = 0;
			d.pages = sheet_pass(&d, s, qr, heights, &box_h);
			d.draw = 1;
			sheet_pass(&d, s, qr, heights, &box_h);
		}
		free(heights);
		if (qr)
			QRcode_free(qr);
	}
	if (doc_close(&d) < 0)
		rc = -1;
	return rc;
}

/* ---- attestations ---------------------------------------------------- */

#define QR_ATTEST 76.0
#define KEY_W 150.0

void pdf_duration(char *dst, size_t n, int minutes)
{
	if (minutes < 0)
		minutes = 0;
	int h = minutes / 60, m = minutes % 60;
	if (h == 0)
		snprintf(dst, n, "%d min", m);
	else if (m == 0)
		snprintf(dst, n, "%d h", h);
	else
		snprintf(dst, n, "%d h %02d", h, m);
}

struct flow {
	struct doc *d;
	const struct pdf_certificate *a;
	double y;
};

static void certificate_footer(struct flow *f)
{
	char *what = g_strdup_printf("EGOC · Attestation de fin de formation · %s · code %s",
			or_empty(f->a->participant_name), or_empty(f->a->verification_code));
	footer(f->d, what);
	g_free(what);
}

/* Makes room for h more points: a new page when they do not fit. */
static void room_for(struct flow *f, double h)
{
	if (f->y + h <= BOTTOM)
		return;
	certificate_footer(f);
	page_end(f->d);
	f->y = MARGIN_TOP;
	ink(f->d, 0.35);
	char *cont = g_strdup_printf("Attestation de fin de formation – %s (suite)",
			or_empty(f->a->participant_name));
	f->y += put(f->d, MARGIN_X, f->y, CONTENT_W, cont, 9, T_ITALIC, 2) + 14;
	g_free(cont);
}

/* A row of the key/value table, kept whole on a page. */
static void certificate_field(struct flow *f, const char *key, const char *value, int style)
{
	struct doc *d = f->d;
	int draw = d->draw;
	d->draw = 0;
	double kh = put(d, 0, 0, KEY_W - 10, key, 9.5, T_BOLD, 0);
	double vh = put(d, 0, 0, CONTENT_W - KEY_W, value, 10.5, style, 0);
	d->draw = draw;
	double h = (kh > vh ? kh : vh) + 5;
	room_for(f, h);
	ink(d, 0.35);
	put(d, MARGIN_X, f->y + 1, KEY_W - 10, key, 9.5, T_BOLD, 0);
	ink(d, 0.02);
	put(d, MARGIN_X + KEY_W, f->y, CONTENT_W - KEY_W, value, 10.5, style, 0);
	f->y += h;
}

static void certificate_heading(struct flow *f, const char *text)
{
	room_for(f, 40);   /* with the first line of what follows */
	f->y += 8;
	accent(f->d);
	f->y += put(f->d, MARGIN_X, f->y, CONTENT_W, text, 11.5, T_BOLD, 0) + 4;
}

static int certificate_pass(struct doc *d, const struct pdf_certificate *a, const QRcode *qr)
{
	struct flow f = { d, a, MARGIN_TOP };
	d->page = 1;

	accent(d);
	f.y += put(d, MARGIN_X, f.y, 0, "EGOC", 20, T_BOLD, 0);
	if (*or_empty(a->issuer_details)) {
		ink(d, 0.35);
		f.y += put(d, MARGIN_X, f.y, CONTENT_W * 0.6, a->issuer_details, 8.5, T_MULTILINE, 0);
	}
	f.y += 26;
	accent(d);
	f.y += put(d, MARGIN_X, f.y, CONTENT_W, "Attestation de fin de formation", 19, T_BOLD | T_CENTER, 0) + 2;
	ink(d, 0.35);
	f.y += put(d, MARGIN_X, f.y, CONTENT_W,
			"délivrée en application de l'article L6353-1 du Code du travail", 9, T_ITALIC | T_CENTER, 0) + 22;

	const char *nature = *or_empty(a->nature) ? a->nature : "action de formation";
	char *intro = *or_empty(a->organisation)
		? g_strdup_printf("EGOC atteste que %s (%s) a suivi l'action ci-dessous.",
			or_empty(a->participant_name), a->organisation)
		: g_strdup_printf("EGOC atteste que %s a suivi l'action ci-dessous.", or_empty(a->participant_name));
	ink(d, 0.02);
	f.y += put(d, MARGIN_X, f.y, CONTENT_W, intro, 10.5, 0, 0) + 14;
	g_free(intro);

	certificate_field(&f, "Participant", a->participant_name, T_BOLD);
	if (*or_empty(a->organisation))
		certificate_field(&f, "Organisation", a->organisation, 0);
	certificate_field(&f, "Intitulé de la formation", a->course_title, T_BOLD);
	certificate_field(&f, "Nature de l'action", nature, 0);
	certificate_field(&f, "Dates", a->dates, 0);
	if (*or_empty(a->place))
		certificate_field(&f, "Lieu", a->place, 0);
	char planned[32], attended[32];
	pdf_duration(planned, sizeof planned, a->planned_minutes);
	pdf_duration(attended, sizeof attended, a->attended_minutes);
	certificate_field(&f, "Durée prévue", planned, 0);
	char *att = (a->attended_minutes > 0 ? a->attended_minutes : 0)
			< (a->planned_minutes > 0 ? a->planned_minutes : 0)
		? g_strdup_printf("%s (présence partielle, sur %s prévues)", attended, planned)
		: g_strdup(attended);
	certificate_field(&f, "Durée suivie", att, T_BOLD);
	g_free(att);

	char **objectives = g_strsplit(or_empty(a->objectives), "\n", -1);
	int any = 0;
	for (char **o = objectives; *o; o++) {
		g_strstrip(*o);
		if (!**o)
			continue;
		if (!any++)
			certificate_heading(&f, "Objectifs de la formation");
		int draw = d->draw;
		d->draw = 0;
		double h = put(d, 0, 0, CONTENT_W - 14, *o, 10, 0, 0) + 3;
		d->draw = draw;
		room_for(&f, h);
		ink(d, 0.02);
		put(d, MARGIN_X + 2, f.y, 10, "•", 10, 0, 0);
		put(d, MARGIN_X + 14, f.y, CONTENT_W - 14, *o, 10, 0, 0);
		f.y += h;
	}
	g_strfreev(objectives);

	if (a->n_results) {
		certificate_heading(&f, "Résultats de l'évaluation des acquis");
		for (size_t i = 0; i < a->n_results; i++) {
			const struct pdf_result *r = &a->results[i];
			int draw = d->draw;
			d->draw = 0;
			double lh = put(d, 0, 0, CONTENT_W - 170, r->label, 10, 0, 0);
			double vh = put(d, 0, 0, 150, r->value, 10, T_BOLD | T_RIGHT, 0);
			d->draw = draw;
			double h = (lh > vh ? lh : vh) + 6;
			room_for(&f, h);
			ink(d, 0.02);
			put(d, MARGIN_X, f.y, CONTENT_W - 170, r->label, 10, 0, 0);
			put(d, PAGE_W - MARGIN_X - 150, f.y, 150, r->value, 10, T_BOLD | T_RIGHT, 0);
			if (d->draw) {
				cairo_set_line_width(d->cr, 0.3);
				ink(d, 0.6);
				cairo_move_to(d->cr, MARGIN_X, f.y + h - 2);
				cairo_line_to(d->cr, PAGE_W - MARGIN_X, f.y + h - 2);
				cairo_stroke(d->cr);
			}
			f.y += h;
		}
	}

	/* The signature, right; then the verification, QR code left. */
	double sx = MARGIN_X + CONTENT_W * 0.5, sw = CONTENT_W * 0.5;
	int draw = d->draw;
	d->draw = 0;
	double sig_h = put(d, 0, 0, sw, a->issued_at, 10, 0, 0) + 4
		+ put(d, 0, 0, sw, a->signatory_name, 10.5, T_BOLD, 0)
		+ (*or_empty(a->signatory_role) ? put(d, 0, 0, sw, a->signatory_role, 9.5, 0, 0) : 0) + 40;
	d->draw = draw;
	f.y += 22;
	room_for(&f, sig_h + QR_ATTEST + 20);
	ink(d, 0.02);
	double y = f.y;
	y += put(d, sx, y, sw, a->issued_at, 10, 0, 0) + 4;
	y += put(d, sx, y, sw, a->signatory_name, 10.5, T_BOLD, 0);
	if (*or_empty(a->signatory_role)) {
		ink(d, 0.3);
		put(d, sx, y, sw, a->signatory_role, 9.5, 0, 0);
	}
	f.y += sig_h;

	/* At the foot of the last page when there is room, else where it is. */
	double vy = BOTTOM - QR_ATTEST - 6;
	if (vy < f.y)
		vy = f.y;
	qr_draw(d, qr, MARGIN_X, vy, QR_ATTEST);
	double vx = MARGIN_X + (qr ? QR_ATTEST + 14 : 0), vw = CONTENT_W - (vx - MARGIN_X);
	double ty = vy + 6;
	ink(d, 0.3);
	ty += put(d, vx, ty, vw, "Code de vérification", 9, T_BOLD, 0) + 1;
	ink(d, 0.02);
	ty += put(d, vx, ty, vw, a->verification_code, 13, T_BOLD, 0) + 3;
	if (*or_empty(a->verification_url)) {
		ink(d, 0.3);
		ty += put(d, vx, ty, vw, "Son authenticité et ce qu'elle atteste se vérifient à l'adresse :", 8.5, 0, 0);
		put(d, vx, ty, vw, a->verification_url, 8.5, 0, 0);
	}
	certificate_footer(&f);
	int pages = d->page;
	page_end(d);
	return pages;
}

int pdf_certificate(struct buf *out, const struct pdf_certificate *a)
{
	char *title = g_strdup_printf("Attestation de fin de formation – %s – %s",
			or_empty(a->participant_name), or_empty(a->course_title));
	struct doc d;
	int rc = doc_open(&d, out, title);
	g_free(title);
	int failed = 0;
	QRcode *qr = rc == 0 ? qr_make(a->verification_url, &failed) : NULL;
	if (rc == 0 && !failed) {
		d.draw = 0;
		d.pages = certificate_pass(&d, a, qr);
		d.draw = 1;
		certificate_pass(&d, a, qr);
	} else {
		rc = -1;
	}
	if (qr)
		QRcode_free(qr);
	if (doc_close(&d) < 0)
		rc = -1;
	return rc;
}
