/* Cleaning of text that staff paste from Microsoft Word into the catalogue
 * forms. Word leaves two kinds of debris: the HTML of its clipboard (tags,
 * conditional comments, <style> and <xml> blocks, entities) and, once that
 * HTML has been flattened by some editor, the plain-text remains of its
 * style sheet ("Normal 0 21 false false false FR JA AR-SA",
 * "table.MsoNormalTable {mso-style-name:...}", lines of mso- declarations).
 * word_clean() removes both and returns Markdown-ish plain text: paragraphs
 * separated by one blank line, bullet lists written "- item". */
#ifndef FORMATIONS_WORD_CLEAN_H
#define FORMATIONS_WORD_CLEAN_H

#include <stddef.h>

/* Clean in[0..in_len) (UTF-8, not necessarily NUL-terminated).
 *
 * On success returns 0 and sets *out to a NUL-terminated string allocated
 * with malloc (the caller frees it with free()) and *out_len to its length.
 * Returns -1 with *out = NULL and *out_len = 0 when the input is not
 * well-formed UTF-8 or memory runs out.
 *
 * Choices the callers can rely on:
 * - the result is idempotent: cleaning it again returns it unchanged;
 * - text is taken for HTML only when it holds a Word marker (clipboard
 *   header, conditional comment, <o:p> and other Office elements) or HTML
 *   structure (an element of HTML with a valued attribute, or opened and
 *   then closed, or a doctype); so what staff type, "Initiation <HTML> et
 *   <CSS>", "niveau <B> ou <C>", "a < b", is kept as typed. In HTML, only
 *   HTML-shaped tags of HTML (or Office) elements are markup: "<CSS>" or
 *   an unclosed "<b" stays text, and no word is dropped except the content
 *   of <style>, <script>, <xml> and <title>. A "<" that would make the
 *   result HTML again (from "&lt;p&gt;", say) is written as Markdown's
 *   "\<", so the result is never taken for HTML again;
 * - every no-break space (U+00A0, U+202F, ...) becomes a plain space,
 *   including the French thin space before : ; ! ? and inside « »;
 * - ‘ ’ become ' and “ ” become ", « » are kept;
 * - Word bullets (•, ·, ▪, o, §, –, Symbol/Wingdings private-use glyphs)
 *   at the start of a line become "- ", and a blank line between two list
 *   items of the same kind is dropped so pasted lists stay one list;
 * - lines lose their indentation (Word indentation is meaningless, and four
 *   leading spaces would turn a paragraph into a Markdown code block);
 * - fenced code blocks get no special treatment, except that empty ones
 *   (what is left of a fenced style sheet) are removed. */
int word_clean(const char *in, size_t in_len, char **out, size_t *out_len);

#endif
