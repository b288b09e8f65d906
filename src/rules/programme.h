/* A course's programme (modules, their days, the days' steps) as the one
 * plain-text outline staff edit in a textarea, and back. Pure: text in,
 * structures out; no database, no global state, so the same rules serve
 * the edit page, imports and the tests.
 *
 * The outline, line by line (CRLF, LF or CR line ends):
 *
 *   # Module 3 : Partager entre Conseillers techniques CAF et …
 *
 *   Ce module s'inscrira dans une démarche d'acculturation …
 *
 *   ## Journée 1 : De la CTG aux changements durables …
 *
 *   Processus proposé :
 *
 *   - La CTG : Des représentations individuelles à une démarche collective.
 *   - Co-construction d'un processus de définition de « futur idéal » …
 *     - Présentation et expérimentation d'outils supports …
 *
 *   ## Séminaire d'une journée : Chargé(e) de coopération territoriale : …
 *
 * "Space" below means a space, a tab, U+00A0 or U+202F (the no-break
 * spaces Word and French typing leave around colons); fields are trimmed
 * of spaces at both ends.
 *
 * - "# X : Y" starts a module: number "X", title "Y", split at the first
 *   " : " (a colon with a space before it and a space or the line's end
 *   after it: "10:30" never splits). Without " : " the number is "" and
 *   the whole line is the title ("# : Y" also gives number ""). An empty
 *   title is an error, so is "# Module 3 :".
 * - The lines between a module line and its first day are the module's
 *   intro: Markdown paragraphs, kept line by line (trailing spaces
 *   dropped) with their blank lines, the whole trimmed at both ends. A
 *   list line ("- …") there is an error: it is a step missing its day.
 *   (A list in an intro is therefore impossible.)
 * - "## X : Y" starts a day of the current module: heading "X", subject
 *   "Y" (no " : ": the whole line is the heading, the subject is "").
 *   A heading that begins with "Séminaire" (any case, accent optional)
 *   makes the module a seminar; the flag is derived, never written.
 * - In a day, one free line before the first step is the steps' intro
 *   ("Processus proposé :"); a second one is an error.
 * - "- text" is a step of level 0 (one leading space is tolerated, as in
 *   Markdown); two or more spaces, or a tab, before "- " make it a
 *   sub-step of level 1, which must follow a step of level 0 of the same
 *   day. An empty step is an error, so is free text after the steps.
 * - Headers may be indented; "#" or "##" must be followed by a space or
 *   end the line ("#hashtag" and "### …" are plain text).
 * - Blank lines are ignored except inside module intros. Text before the
 *   first module is an error.
 *
 * Limits, each an error on the line that breaks it: a line of at most
 * PROGRAMME_LINE_MAX characters (code points, indentation and trailing
 * spaces not counted, so that a reformatted line never grows past the
 * limit); PROGRAMME_MODULES_MAX modules, PROGRAMME_DAYS_MAX days per
 * module, PROGRAMME_STEPS_MAX steps per day; the column lengths of sql/0003_catalogue.sql (number 40,
 * title 300, intro 8000, heading 120, subject 1000, steps' intro 200
 * characters), so that a parsed programme always fits the database.
 * The text must be well-formed UTF-8 without NUL bytes. */
#ifndef FORMATIONS_RULES_PROGRAMME_H
#define FORMATIONS_RULES_PROGRAMME_H

#include <stddef.h>

#define PROGRAMME_LINE_MAX        2000
#define PROGRAMME_MODULES_MAX     50
#define PROGRAMME_DAYS_MAX        30
#define PROGRAMME_STEPS_MAX       100
#define PROGRAMME_NUMBER_MAX      40
#define PROGRAMME_TITLE_MAX       300
#define PROGRAMME_INTRO_MAX       8000
#define PROGRAMME_HEADING_MAX     120
#define PROGRAMME_SUBJECT_MAX     1000
#define PROGRAMME_STEPS_INTRO_MAX 200

struct prog_step {
	char *text;             /* never empty after a parse */
	int level;              /* 0, or 1 for a sub-step */
};

struct prog_day {
	char *heading, *subject, *steps_intro;
	struct prog_step *steps;
	size_t n_steps;
};

struct prog_module {
	char *number, *title, *intro;
	int seminar;            /* 1: format 'seminar', 0: format 'days' */
	struct prog_day *days;
	size_t n_days;
};

struct programme {
	struct prog_module *modules;
	size_t n_modules;
};

/* Parse the outline text[0..len) (text may be NULL when len is 0) into
 * *out, which the caller need not initialise.
 *
 * Returns 0 on success: *out owns malloc'd copies of every string (none
 * NULL; absent parts are ""), to release with programme_free(). Empty or
 * blank text gives zero modules.
 *
 * Returns -1 on error with *out empty (nothing to free, freeing is
 * harmless), *error_line set to the 1-based line at fault (0 when memory
 * ran out) and *error_fr to a static French sentence without the line
 * number, to show as "Ligne %d : %s". Either pointer may be NULL. */
int programme_parse(const char *text, size_t len, struct programme *out,
		int *error_line, const char **error_fr);

/* Free everything programme_parse() allocated and empty *p. A zeroed
 * struct (or NULL) is fine; so is a partly built one with NULL strings. */
void programme_free(struct programme *p);

/* Write p as outline text, the inverse of programme_parse(): headers,
 * intros, steps' intros and step lists as blocks separated by one blank
 * line, "- " for steps and "  - " for sub-steps, "\n" after the last line
 * (an empty programme gives ""). format(parse(x)) == x for normalised
 * text and parse(format(p)) equals p for any p that parse can produce.
 * It only reads p (borrowed strings are fine; NULL strings count as "");
 * line breaks inside one-line fields are written as spaces so that the
 * output always keeps p's shape, and a title without number that holds
 * " : " is written "# : title" so that it is not split. The seminar flag
 * is not written: it comes back only from a heading beginning with
 * "Séminaire", so a 'seminar' module without such a heading (possible
 * only in hand-built data) comes back as 'days'.
 *
 * Returns 0 with *out a malloc'd NUL-terminated string, or -1 (memory)
 * with *out = NULL. */
int programme_format(const struct programme *p, char **out);

/* --- a programme typed in fields (the course editor's rows) ----------
 * The editor shows modules, days and steps as fields, with spare rows
 * that may stay blank; the rows read back form a struct programme whose
 * strings may be NULL or blank. programme_check_rows() says what the
 * outline parser would refuse, field by field; programme_compact() drops
 * the blank rows; formatting the result and parsing it again gives what
 * is stored, exactly as if the outline had been typed. */

enum prog_part {
	PROG_NUMBER, PROG_TITLE, PROG_INTRO,                    /* a module's */
	PROG_HEADING, PROG_SUBJECT, PROG_STEPS_INTRO,           /* a day's */
	PROG_STEP_TEXT, PROG_STEP_LEVEL                         /* a step's */
};

/* A step's text as a field: at most this many characters, so that its
 * outline line "- text" keeps within PROGRAMME_LINE_MAX. */
#define PROGRAMME_STEP_MAX (PROGRAMME_LINE_MAX - 2)

struct prog_problem {
	size_t module, day, step;       /* 1-based positions in the rows; 0: not that level */
	enum prog_part part;
	const char *message;            /* static French sentence */
};

/* Fills out[0..max) with the problems of the rows of p, in reading order,
 * and returns how many were found (at most max). Blank rows (a step
 * without text, a day or a module with nothing typed and no row kept
 * under it) are no problem: they are dropped. */
size_t programme_check_rows(const struct programme *p, struct prog_problem *out, size_t max);

/* Drops the blank rows of p in place (freeing their strings as
 * programme_free would). */
void programme_compact(struct programme *p);

/* The editor's buttons, on rows owned as programme_free() expects.
 * Adds a blank row after the last of its parent: a module (with a blank
 * day and step) when module is 0, a day of that module (with a blank
 * step) when day is 0, else a step of that day. Removes a row with
 * everything under it: the module when day is 0, the day when step is 0,
 * else the step. Positions are 1-based. Returns 0, 1 when the position
 * does not exist or the limit of its level is reached (nothing changed),
 * -1 when memory ran out (nothing changed). */
int programme_add_row(struct programme *p, size_t module, size_t day);
int programme_remove_row(struct programme *p, size_t module, size_t day, size_t step);

#endif
