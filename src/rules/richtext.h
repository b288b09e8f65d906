/* The catalogue's rich text: Markdown typed (or cleaned by word_clean())
 * by staff, rendered to HTML with cmark in safe mode. The HTML it returns
 * is the only HTML a template may print unescaped (ClearSilver uvar:). */
#ifndef FORMATIONS_RICHTEXT_H
#define FORMATIONS_RICHTEXT_H

#include <stddef.h>

/* Render markdown[0..len) to HTML.
 *
 * What cmark would take for raw HTML ("<B>", "<div>") is shown as the
 * text it is, escaped: staff typed it, and HTML pasted from Word was
 * already turned into Markdown by word_clean(); cmark's safe mode stays on
 * behind that. A link whose URL is not http, https, mailto, tel or
 * relative, and an image whose URL is not http, https or relative, get an
 * empty URL (this
 * allow-list is stricter than cmark's own deny-list of javascript:,
 * vbscript:, file: and data:, and drops data: images too). Quotes are kept
 * as typed (no "smart" punctuation, so French « » and ' stay). Malformed
 * UTF-8 is replaced by U+FFFD.
 *
 * On success returns 0 and sets *html_out to a NUL-terminated string to
 * release with plain free(). Returns -1 with *html_out = NULL on failure.
 * Note that cmark's own allocator aborts the process when memory runs out
 * while parsing; there is no way around that short of replacing cmark. */
int richtext_to_html(const char *markdown, size_t len, char **html_out);

/* Structural problems staff should fix before saving, checked in this
 * order: malformed UTF-8 (or a NUL byte), then, in document order, a
 * heading deeper than level 4, a link or image with a URL that
 * richtext_to_html() would drop. Raw HTML is no problem: it is shown as
 * text.
 *
 * Returns 0 when the text is fine (*problem_fr = NULL), 1 when it has a
 * problem (*problem_fr = a static French sentence to show as is), -1 when
 * memory runs out (*problem_fr = a static French sentence too). */
int richtext_check(const char *markdown, size_t len, const char **problem_fr);

/* Shorten the NUL-terminated UTF-8 text to at most max_chars characters
 * (code points), ellipsis included, for extracts. The text is cut on a
 * character boundary, never before a combining accent, and preferably at
 * the last space when that keeps at least half of the allowed length;
 * trailing spaces and ",;:(-" are then dropped and "…" added. Text that
 * already fits is copied unchanged.
 *
 * out receives a NUL-terminated string of at most out_size - 1 bytes; when
 * out_size is too small for the whole text it is cut (with "…") to fit, or
 * left empty when not even "…" fits. Returns the length written, without
 * the NUL. */
size_t richtext_shorten(const char *text, size_t max_chars, char *out,
			size_t out_size);

/* A title in a few words, for a narrow place (a calendar's day): the part
 * before its subtitle (" : "), then as many whole words as fit in
 * max_chars characters with "…" (a first word too long for them is cut as
 * richtext_shorten does). out and the return value as richtext_shorten. */
size_t richtext_short_title(const char *title, size_t max_chars, char *out,
			    size_t out_size);

/* A one-paragraph plain text of a fiche (its contact sentence, its
 * "Calendrier, lieux, modalités d'accès") appended to out as HTML for
 * uvar:: escaped (& < > " '), each French phone number ("02 99 29 82 42",
 * "02.99.29.82.42", "0299298242") a tel: link in international form
 * (tel:+33299298242), and the fiche's literal "[Sessions à venir]" a link
 * to sessions_href (NULL: kept as text). 0, or -1 when out is full. */
struct buf;
int richtext_plain_links(struct buf *out, const char *text, const char *sessions_href);

#endif
