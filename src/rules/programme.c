/* The programme outline: see programme.h for the syntax. The parser reads
 * one line at a time through a small state machine (before the first
 * module, in a module's intro, in a day before/after its steps' intro, in
 * its steps), so that every error can name the line that caused it. */
#include "rules/programme.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* ------------------------------------------------------------------ */
/* Messages: static so that the caller need not free them and the      */
/* parser stays reentrant; the caller adds "Ligne N : ".               */

static const char ERR_NOMEM[] = "Mémoire insuffisante pour lire le programme.";
static const char ERR_UTF8[] =
	"Cette ligne contient des caractères illisibles (le texte doit être en UTF-8, sans caractère nul).";
static const char ERR_LINE_LONG[] = "Cette ligne dépasse 2 000 caractères.";
static const char ERR_TEXT_BEFORE[] =
	"Le programme doit commencer par un module, par exemple « # Module 1 : Titre ».";
static const char ERR_DAY_NO_MODULE[] =
	"Cette journée n'appartient à aucun module : ajoutez avant elle une ligne « # Module 1 : Titre ».";
static const char ERR_STEP_NO_DAY[] =
	"Cette étape n'appartient à aucune journée : ajoutez avant elle une ligne « ## Journée 1 : Sujet ».";
static const char ERR_TITLE_EMPTY[] = "Le titre du module est vide.";
static const char ERR_HEADING_EMPTY[] = "L'intitulé de la journée est vide.";
static const char ERR_MODULES_MAX[] = "Un programme compte au plus 50 modules.";
static const char ERR_DAYS_MAX[] = "Un module compte au plus 30 journées.";
static const char ERR_STEPS_MAX[] = "Une journée compte au plus 100 étapes.";
static const char ERR_STEP_EMPTY[] = "Cette étape est vide.";
static const char ERR_SUBSTEP_FIRST[] =
	"Une sous-étape (en retrait) doit suivre une étape : la première étape d'une journée commence par « - » sans retrait.";
static const char ERR_SECOND_INTRO[] =
	"Une journée n'a qu'une ligne avant ses étapes (par exemple « Processus proposé : ») ; "
	"le sujet de la journée se place sur la ligne « ## », après « : ».";
static const char ERR_TEXT_AFTER_STEPS[] =
	"Après les étapes d'une journée ne peuvent venir que d'autres étapes (« - … »), "
	"une journée (« ## … ») ou un module (« # … »).";
static const char ERR_NUMBER_LONG[] =
	"Le numéro du module (avant « : ») dépasse 40 caractères.";
static const char ERR_TITLE_LONG[] = "Le titre du module dépasse 300 caractères.";
static const char ERR_INTRO_LONG[] = "L'introduction du module dépasse 8 000 caractères.";
static const char ERR_HEADING_LONG[] =
	"L'intitulé de la journée (avant « : ») dépasse 120 caractères.";
static const char ERR_SUBJECT_LONG[] = "Le sujet de la journée dépasse 1 000 caractères.";
static const char ERR_STEPS_INTRO_LONG[] =
	"La ligne avant les étapes dépasse 200 caractères.";
static const char ERR_FIELD_SUBSTEP_FIRST[] =
	"La première étape d'une journée ne peut pas être une sous-étape.";
static const char ERR_FIELD_NUMBER_LONG[] = "Le numéro du module dépasse 40 caractères.";
static const char ERR_FIELD_HEADING_LONG[] = "L'intitulé de la journée dépasse 120 caractères.";
static const char ERR_STEP_LONG[] = "Cette étape dépasse 1 998 caractères.";
static const char ERR_INTRO_LINE_LONG[] =
	"Une ligne de l'introduction dépasse 2 000 caractères : coupez-la en paragraphes.";
static const char ERR_INTRO_MARKER[] =
	"Une ligne de l'introduction ne peut pas commencer par « # » ni par « - » : "
	"ce serait un module, une journée ou une étape. Ajoutez une journée ou une étape "
	"avec les boutons prévus.";

/* ------------------------------------------------------------------ */
/* Growing buffer with a sticky failure flag: appends need no checks,  */
/* one test at the end does.                                           */

struct pbuf {
	char *p;
	size_t len, cap;
	int oom;
};

static void pb_put(struct pbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (n > SIZE_MAX / 2 - b->len - 1) {
		b->oom = 1;
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void pb_str(struct pbuf *b, const char *s)
{
	pb_put(b, s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* Small text helpers.                                                 */

/* "Space" is a space, a tab, or the no-break spaces (U+00A0, U+202F)
 * that Word and French typing put around colons and in indentation: one
 * notion everywhere (trimming, blank lines, separators, markers), so that
 * formatting then parsing again cannot change what a line means.
 * Returns the byte length of the space at s[i], or 0. */
static size_t space_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (s[i] == ' ' || s[i] == '\t')
		return 1;
	if (len - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0)
		return 2;
	if (len - i >= 3 && memcmp(s + i, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* The byte length of the space that ends s[0..end), or 0. Reading
 * backwards is safe: 0xC2 and 0xE2 are lead bytes, never continuations. */
static size_t space_before(const char *s, size_t end)
{
	if (end >= 1 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		return 1;
	if (end >= 2 && memcmp(s + end - 2, "\xC2\xA0", 2) == 0)
		return 2;
	if (end >= 3 && memcmp(s + end - 3, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

static void trim(const char **s, size_t *len)
{
	size_t w;
	while ((w = space_at(*s, *len, 0)))
		*s += w, *len -= w;
	while ((w = space_before(*s, *len)))
		*len -= w;
}

/* Characters as the database counts them (length() on text): code points,
 * i.e. the bytes that do not continue a UTF-8 sequence. */
static size_t count_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Finds the first " : " in s[0..len) that separates a number (or a day's
 * heading) from its title: a colon with a space before it (French typing,
 * often a no-break one from Word) and a space or the end of the line
 * after it, so that "10:30" or "(CAF):" never split.
 * Returns 1 with the head's length and the tail's offset, else 0. */
static int split_colon(const char *s, size_t len, size_t *head_len, size_t *tail_off)
{
	for (size_t i = 1; i < len; i++) {
		size_t w;
		if (s[i] != ':' || (i + 1 < len && !space_at(s, len, i + 1)))
			continue;
		if (!(w = space_before(s, i)))
			continue;
		*head_len = i - w;
		*tail_off = i + 1;
		return 1;
	}
	return 0;
}

/* "Séminaire" at the start of a heading, in any case, with or without
 * its accent: staff type it all ways and the seminar format must follow. */
static int is_seminar(const char *s, size_t len)
{
	static const char *const e_forms[] = { "\xC3\xA9", "\xC3\x89", "e", "E" };
	static const char rest[] = "minaire";
	size_t i = 0;
	if (len < 1 || (s[0] != 'S' && s[0] != 's'))
		return 0;
	i = 1;
	size_t k, n = 0;
	for (k = 0; k < sizeof(e_forms) / sizeof(e_forms[0]); k++) {
		n = strlen(e_forms[k]);
		if (len - i >= n && memcmp(s + i, e_forms[k], n) == 0)
			break;
	}
	if (k == sizeof(e_forms) / sizeof(e_forms[0]))
		return 0;
	i += n;
	for (k = 0; rest[k]; k++, i++) {
		char c = i < len ? s[i] : '\0';
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != rest[k])
			return 0;
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* Parser.                                                             */

enum pstate {
	P_START,        /* no module yet */
	P_INTRO,        /* after a module line, before its first day */
	P_DAY,          /* after a day line, nothing else yet */
	P_DAY_INTRO,    /* the steps' intro line seen, no step yet */
	P_STEPS         /* at least one step seen */
};

struct parser {
	struct programme *out;
	enum pstate st;
	struct pbuf intro;      /* raw lines of the current module's intro */
	int intro_last_line;    /* its last non-blank line, for the length error */
	int has_level0;         /* the current day has a level-0 step */
	const char *err;
	int err_line;
};

static int fail(struct parser *ps, int line, const char *msg)
{
	ps->err = msg;
	ps->err_line = line;
	return -1;
}

static struct prog_module *cur_module(struct parser *ps)
{
	return &ps->out->modules[ps->out->n_modules - 1];
}

static struct prog_day *cur_day(struct parser *ps)
{
	struct prog_module *m = cur_module(ps);
	return &m->days[m->n_days - 1];
}

/* Sets the current module's intro from the collected lines, trimmed at
 * both ends (blank lines and spaces) as the syntax promises. */
static int finish_intro(struct parser *ps)
{
	struct prog_module *m = cur_module(ps);
	const char *s = ps->intro.p ? ps->intro.p : "";
	size_t len = ps->intro.len;
	if (ps->intro.oom)
		return fail(ps, 0, ERR_NOMEM);
	for (;;) {
		size_t w = len && *s == '\n' ? 1 : space_at(s, len, 0);
		if (!w)
			break;
		s += w;
		len -= w;
	}
	for (;;) {
		size_t w = len && s[len - 1] == '\n' ? 1 : space_before(s, len);
		if (!w)
			break;
		len -= w;
	}
	if (count_chars(s, len) > PROGRAMME_INTRO_MAX)
		return fail(ps, ps->intro_last_line, ERR_INTRO_LONG);
	if (!(m->intro = dup_n(s, len)))
		return fail(ps, 0, ERR_NOMEM);
	ps->intro.len = 0;
	return 0;
}

/* rest[0..len) is what follows "#", untrimmed so that "# : Titre" still
 * finds its separator. */
static int module_line(struct parser *ps, int no, const char *rest, size_t len)
{
	struct programme *p = ps->out;
	if (ps->st == P_INTRO && finish_intro(ps) < 0)
		return -1;
	if (p->n_modules >= PROGRAMME_MODULES_MAX)
		return fail(ps, no, ERR_MODULES_MAX);

	const char *num = rest, *title = rest;
	size_t num_len = 0, title_len = len, head, tail;
	if (split_colon(rest, len, &head, &tail)) {
		num_len = head;
		title = rest + tail;
		title_len = len - tail;
	}
	trim(&num, &num_len);
	trim(&title, &title_len);
	if (title_len == 0)
		return fail(ps, no, ERR_TITLE_EMPTY);
	if (count_chars(num, num_len) > PROGRAMME_NUMBER_MAX)
		return fail(ps, no, ERR_NUMBER_LONG);
	if (count_chars(title, title_len) > PROGRAMME_TITLE_MAX)
		return fail(ps, no, ERR_TITLE_LONG);

	struct prog_module *mods = realloc(p->modules, (p->n_modules + 1) * sizeof(*mods));
	if (!mods)
		return fail(ps, 0, ERR_NOMEM);
	p->modules = mods;
	struct prog_module *m = &mods[p->n_modules++];
	memset(m, 0, sizeof(*m));
	m->number = dup_n(num, num_len);
	m->title = dup_n(title, title_len);
	if (!m->number || !m->title)
		return fail(ps, 0, ERR_NOMEM);
	ps->st = P_INTRO;
	ps->intro.len = 0;
	return 0;
}

static int day_line(struct parser *ps, int no, const char *rest, size_t len)
{
	if (ps->st == P_START)
		return fail(ps, no, ERR_DAY_NO_MODULE);
	if (ps->st == P_INTRO && finish_intro(ps) < 0)
		return -1;
	struct prog_module *m = cur_module(ps);
	if (m->n_days >= PROGRAMME_DAYS_MAX)
		return fail(ps, no, ERR_DAYS_MAX);

	const char *heading = rest, *subject = "";
	size_t heading_len = len, subject_len = 0, head, tail;
	if (split_colon(rest, len, &head, &tail)) {
		heading_len = head;
		subject = rest + tail;
		subject_len = len - tail;
	}
	trim(&heading, &heading_len);
	trim(&subject, &subject_len);
	if (heading_len == 0)
		return fail(ps, no, ERR_HEADING_EMPTY);
	if (count_chars(heading, heading_len) > PROGRAMME_HEADING_MAX)
		return fail(ps, no, ERR_HEADING_LONG);
	if (count_chars(subject, subject_len) > PROGRAMME_SUBJECT_MAX)
		return fail(ps, no, ERR_SUBJECT_LONG);

	struct prog_day *days = realloc(m->days, (m->n_days + 1) * sizeof(*days));
	if (!days)
		return fail(ps, 0, ERR_NOMEM);
	m->days = days;
	struct prog_day *d = &days[m->n_days++];
	memset(d, 0, sizeof(*d));
	d->heading = dup_n(heading, heading_len);
	d->subject = dup_n(subject, subject_len);
	d->steps_intro = dup_n("", 0);
	if (!d->heading || !d->subject || !d->steps_intro)
		return fail(ps, 0, ERR_NOMEM);
	if (is_seminar(heading, heading_len))
		m->seminar = 1;
	ps->st = P_DAY;
	ps->has_level0 = 0;
	return 0;
}

static int step_line(struct parser *ps, int no, int level, const char *text, size_t len)
{
	if (ps->st == P_START || ps->st == P_INTRO)
		return fail(ps, no, ERR_STEP_NO_DAY);
	struct prog_day *d = cur_day(ps);
	if (d->n_steps >= PROGRAMME_STEPS_MAX)
		return fail(ps, no, ERR_STEPS_MAX);
	if (level == 1 && !ps->has_level0)
		return fail(ps, no, ERR_SUBSTEP_FIRST);
	trim(&text, &len);
	if (len == 0)
		return fail(ps, no, ERR_STEP_EMPTY);

	struct prog_step *steps = realloc(d->steps, (d->n_steps + 1) * sizeof(*steps));
	if (!steps)
		return fail(ps, 0, ERR_NOMEM);
	d->steps = steps;
	struct prog_step *s = &steps[d->n_steps++];
	s->level = level;
	if (!(s->text = dup_n(text, len)))
		return fail(ps, 0, ERR_NOMEM);
	if (level == 0)
		ps->has_level0 = 1;
	ps->st = P_STEPS;
	return 0;
}

/* Any other non-blank line; s[0..len) has its trailing blanks removed. */
static int text_line(struct parser *ps, int no, const char *s, size_t len)
{
	switch (ps->st) {
	case P_START:
		return fail(ps, no, ERR_TEXT_BEFORE);
	case P_INTRO:
		pb_put(&ps->intro, s, len);
		pb_put(&ps->intro, "\n", 1);
		ps->intro_last_line = no;
		return ps->intro.oom ? fail(ps, 0, ERR_NOMEM) : 0;
	case P_DAY: {
		struct prog_day *d = cur_day(ps);
		trim(&s, &len);
		if (count_chars(s, len) > PROGRAMME_STEPS_INTRO_MAX)
			return fail(ps, no, ERR_STEPS_INTRO_LONG);
		char *t = dup_n(s, len);
		if (!t)
			return fail(ps, 0, ERR_NOMEM);
		free(d->steps_intro);
		d->steps_intro = t;
		ps->st = P_DAY_INTRO;
		return 0;
	}
	case P_DAY_INTRO:
		return fail(ps, no, ERR_SECOND_INTRO);
	case P_STEPS:
		break;
	}
	return fail(ps, no, ERR_TEXT_AFTER_STEPS);
}

/* One line without its line end. The UTF-8 check comes first so that a
 * malformed line is refused whatever it would have meant. */
static int parse_line(struct parser *ps, int no, const char *s, size_t len)
{
	size_t lead = 0, spaces = 0, w;
	int tab = 0;

	if (!utf8_valid(s, len))
		return fail(ps, no, ERR_UTF8);
	while ((w = space_at(s, len, lead))) {
		tab |= s[lead] == '\t';
		spaces++;
		lead += w;
	}
	while (len > lead && (w = space_before(s, len)))
		len -= w;
	/* Indentation and trailing spaces carry no text and the formatted line
	 * may indent differently (a tab becomes two spaces): the limit is on
	 * the rest, so that format() never makes a line too long. */
	if (count_chars(s + lead, len - lead) > PROGRAMME_LINE_MAX)
		return fail(ps, no, ERR_LINE_LONG);
	if (lead == len) {
		/* Blank: meaningful only between paragraphs of an intro. */
		if (ps->st == P_INTRO && ps->intro.len)
			pb_put(&ps->intro, "\n", 1);
		return ps->intro.oom ? fail(ps, 0, ERR_NOMEM) : 0;
	}

	if (s[lead] == '#') {
		size_t h = 0;
		while (lead + h < len && s[lead + h] == '#')
			h++;
		size_t after = lead + h;
		if ((h == 1 || h == 2) && (after == len || space_at(s, len, after))) {
			if (h == 1)
				return module_line(ps, no, s + after, len - after);
			return day_line(ps, no, s + after, len - after);
		}
	}

	if (s[lead] == '-' && (lead + 1 == len || space_at(s, len, lead + 1))) {
		int level = (tab || spaces >= 2) ? 1 : 0;
		return step_line(ps, no, level, s + lead + 1, len - lead - 1);
	}

	return text_line(ps, no, s, len);
}

int programme_parse(const char *text, size_t len, struct programme *out,
		int *error_line, const char **error_fr)
{
	struct parser ps = { .out = out, .st = P_START };
	int rc = 0, no = 1;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	if (error_line)
		*error_line = 0;
	if (error_fr)
		*error_fr = NULL;

	/* Lines end at "\r\n", "\n" or a lone "\r": browsers send CRLF, old
	 * pastes may carry bare CR. */
	while (rc == 0 && i < len) {
		size_t start = i;
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		rc = parse_line(&ps, no, text + start, i - start);
		if (i < len) {
			if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
				i++;
			i++;
		}
		no++;
	}
	if (rc == 0 && ps.st == P_INTRO)
		rc = finish_intro(&ps);
	free(ps.intro.p);

	if (rc != 0) {
		programme_free(out);
		if (error_line)
			*error_line = ps.err_line;
		if (error_fr)
			*error_fr = ps.err;
		return -1;
	}
	return 0;
}

static void free_day(struct prog_day *d)
{
	for (size_t k = 0; k < d->n_steps; k++)
		free(d->steps[k].text);
	free(d->steps);
	free(d->heading);
	free(d->subject);
	free(d->steps_intro);
}

static void free_module(struct prog_module *m)
{
	for (size_t j = 0; j < m->n_days; j++)
		free_day(&m->days[j]);
	free(m->days);
	free(m->number);
	free(m->title);
	free(m->intro);
}

void programme_free(struct programme *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_modules; i++)
		free_module(&p->modules[i]);
	free(p->modules);
	p->modules = NULL;
	p->n_modules = 0;
}

/* ------------------------------------------------------------------ */
/* Formatting.                                                         */

/* A one-line field: a line break inside it would change the outline's
 * shape on the next parse, so it is written as a space. */
static void put_field(struct pbuf *b, const char *s)
{
	if (!s)
		return;
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		pb_put(b, s, n);
		s += n;
		if (*s) {
			pb_put(b, " ", 1);
			s++;
		}
	}
}

static int nonempty(const char *s)
{
	return s && *s;
}

/* A title without number that holds a separator (or starts with ": ")
 * would be split on the next parse; "# : title" keeps it whole, since
 * parse splits at the first separator and an empty number is allowed. */
static int title_needs_guard(const char *title)
{
	size_t head, tail, len = title ? strlen(title) : 0;
	if (len && title[0] == ':' && (len == 1 || space_at(title, len, 1)))
		return 1;
	return len && split_colon(title, len, &head, &tail);
}

int programme_format(const struct programme *p, char **out)
{
	struct pbuf b = { 0 };
	pb_put(&b, "", 0);      /* an empty programme still yields "" */

	for (size_t i = 0; p && i < p->n_modules; i++) {
		const struct prog_module *m = &p->modules[i];
		if (i)
			pb_put(&b, "\n", 1);
		pb_str(&b, "# ");
		if (nonempty(m->number)) {
			put_field(&b, m->number);
			pb_str(&b, " : ");
		} else if (title_needs_guard(m->title)) {
			pb_str(&b, ": ");
		}
		put_field(&b, m->title);
		pb_put(&b, "\n", 1);
		if (nonempty(m->intro)) {
			pb_put(&b, "\n", 1);
			pb_str(&b, m->intro);
			pb_put(&b, "\n", 1);
		}
		for (size_t j = 0; j < m->n_days; j++) {
			const struct prog_day *d = &m->days[j];
			pb_str(&b, "\n## ");
			put_field(&b, d->heading);
			if (nonempty(d->subject)) {
				pb_str(&b, " : ");
				put_field(&b, d->subject);
			}
			pb_put(&b, "\n", 1);
			if (nonempty(d->steps_intro)) {
				pb_put(&b, "\n", 1);
				put_field(&b, d->steps_intro);
				pb_put(&b, "\n", 1);
			}
			if (d->n_steps)
				pb_put(&b, "\n", 1);
			for (size_t k = 0; k < d->n_steps; k++) {
				pb_str(&b, d->steps[k].level ? "  - " : "- ");
				put_field(&b, d->steps[k].text);
				pb_put(&b, "\n", 1);
			}
		}
	}

	if (b.oom) {
		free(b.p);
		*out = NULL;
		return -1;
	}
	*out = b.p;
	return 0;
}

/* ------------------------------------------------------------------ */
/* A programme typed in fields.                                        */

static int blank_str(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	size_t i = 0, w;
	while (i < len) {
		if (s[i] == '\n' || s[i] == '\r')
			w = 1;
		else if (!(w = space_at(s, len, i)))
			return 0;
		i += w;
	}
	return 1;
}

static size_t trimmed_chars(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	if (!len)
		return 0;
	trim(&s, &len);
	return count_chars(s, len);
}

static int step_blank(const struct prog_step *st)
{
	return blank_str(st->text);
}

static int day_blank(const struct prog_day *d)
{
	for (size_t k = 0; k < d->n_steps; k++)
		if (!step_blank(&d->steps[k]))
			return 0;
	return blank_str(d->heading) && blank_str(d->subject) && blank_str(d->steps_intro);
}

static int module_blank(const struct prog_module *m)
{
	for (size_t j = 0; j < m->n_days; j++)
		if (!day_blank(&m->days[j]))
			return 0;
	return blank_str(m->number) && blank_str(m->title) && blank_str(m->intro);
}

/* An intro becomes outline lines as it is: each must stay text of the
 * intro (no header, no step) and within the line limit. */
static const char *intro_problem(const char *s)
{
	size_t len = s ? strlen(s) : 0, i = 0;
	if (trimmed_chars(s) > PROGRAMME_INTRO_MAX)
		return ERR_INTRO_LONG;
	while (i < len) {
		size_t start = i, w;
		while (i < len && s[i] != '\n' && s[i] != '\r')
			i++;
		size_t lead = start, end = i;
		while ((w = space_at(s, end, lead)))
			lead += w;
		while (end > lead && (w = space_before(s, end)))
			end -= w;
		if (count_chars(s + lead, end - lead) > PROGRAMME_LINE_MAX)
			return ERR_INTRO_LINE_LONG;
		if (lead < end && s[lead] == '-' && (lead + 1 == end || space_at(s, end, lead + 1)))
			return ERR_INTRO_MARKER;
		if (lead < end && s[lead] == '#') {
			size_t h = 0;
			while (lead + h < end && s[lead + h] == '#')
				h++;
			if ((h == 1 || h == 2) && (lead + h == end || space_at(s, end, lead + h)))
				return ERR_INTRO_MARKER;
		}
		i += i < len;
	}
	return NULL;
}

struct problems {
	struct prog_problem *out;
	size_t n, max;
};

static void problem(struct problems *pr, size_t m, size_t d, size_t s, enum prog_part part,
		const char *message)
{
	if (message && pr->n < pr->max)
		pr->out[pr->n++] = (struct prog_problem){ m, d, s, part, message };
}

static const char *longer(const char *s, size_t max, const char *message)
{
	return trimmed_chars(s) > max ? message : NULL;
}

size_t programme_check_rows(const struct programme *p, struct prog_problem *out, size_t max)
{
	struct problems pr = { out, 0, max };
	for (size_t i = 0; p && i < p->n_modules; i++) {
		const struct prog_module *m = &p->modules[i];
		if (module_blank(m))
			continue;
		problem(&pr, i + 1, 0, 0, PROG_NUMBER, longer(m->number, PROGRAMME_NUMBER_MAX, ERR_FIELD_NUMBER_LONG));
		problem(&pr, i + 1, 0, 0, PROG_TITLE, blank_str(m->title) ? ERR_TITLE_EMPTY :
			longer(m->title, PROGRAMME_TITLE_MAX, ERR_TITLE_LONG));
		problem(&pr, i + 1, 0, 0, PROG_INTRO, intro_problem(m->intro));
		for (size_t j = 0; j < m->n_days; j++) {
			const struct prog_day *d = &m->days[j];
			if (day_blank(d))
				continue;
			problem(&pr, i + 1, j + 1, 0, PROG_HEADING, blank_str(d->heading) ? ERR_HEADING_EMPTY :
				longer(d->heading, PROGRAMME_HEADING_MAX, ERR_FIELD_HEADING_LONG));
			problem(&pr, i + 1, j + 1, 0, PROG_SUBJECT,
				longer(d->subject, PROGRAMME_SUBJECT_MAX, ERR_SUBJECT_LONG));
			problem(&pr, i + 1, j + 1, 0, PROG_STEPS_INTRO,
				longer(d->steps_intro, PROGRAMME_STEPS_INTRO_MAX, ERR_STEPS_INTRO_LONG));
			int has_level0 = 0;
			for (size_t k = 0; k < d->n_steps; k++) {
				const struct prog_step *st = &d->steps[k];
				if (step_blank(st))
					continue;
				if (st->level && !has_level0)
					problem(&pr, i + 1, j + 1, k + 1, PROG_STEP_LEVEL, ERR_FIELD_SUBSTEP_FIRST);
				has_level0 |= !st->level;
				problem(&pr, i + 1, j + 1, k + 1, PROG_STEP_TEXT,
					longer(st->text, PROGRAMME_STEP_MAX, ERR_STEP_LONG));
			}
		}
	}
	return pr.n;
}

void programme_compact(struct programme *p)
{
	size_t keep_m = 0;
	for (size_t i = 0; p && i < p->n_modules; i++) {
		struct prog_module *m = &p->modules[i];
		size_t keep_d = 0;
		for (size_t j = 0; j < m->n_days; j++) {
			struct prog_day *d = &m->days[j];
			size_t keep_s = 0;
			for (size_t k = 0; k < d->n_steps; k++) {
				if (step_blank(&d->steps[k]))
					free(d->steps[k].text);
				else
					d->steps[keep_s++] = d->steps[k];
			}
			d->n_steps = keep_s;
			if (day_blank(d))
				free_day(d);    /* its steps, all blank, are already freed */
			else
				m->days[keep_d++] = *d;
		}
		m->n_days = keep_d;
		if (module_blank(m))
			free_module(m);
		else
			p->modules[keep_m++] = *m;
	}
	if (p)
		p->n_modules = keep_m;
}

/* Blank rows: every string "", so that the page shows empty fields. */
static int blank_step(struct prog_day *d)
{
	if (d->n_steps >= PROGRAMME_STEPS_MAX)
		return 1;
	struct prog_step *steps = realloc(d->steps, (d->n_steps + 1) * sizeof(*steps));
	if (!steps)
		return -1;
	d->steps = steps;
	if (!(steps[d->n_steps].text = dup_n("", 0)))
		return -1;
	steps[d->n_steps++].level = 0;
	return 0;
}

static int blank_day(struct prog_module *m)
{
	if (m->n_days >= PROGRAMME_DAYS_MAX)
		return 1;
	struct prog_day *days = realloc(m->days, (m->n_days + 1) * sizeof(*days));
	if (!days)
		return -1;
	m->days = days;
	struct prog_day d = { dup_n("", 0), dup_n("", 0), dup_n("", 0), NULL, 0 };
	if (!d.heading || !d.subject || !d.steps_intro || blank_step(&d) != 0) {
		free_day(&d);
		return -1;
	}
	days[m->n_days++] = d;
	return 0;
}

static int blank_module(struct programme *p)
{
	if (p->n_modules >= PROGRAMME_MODULES_MAX)
		return 1;
	struct prog_module *mods = realloc(p->modules, (p->n_modules + 1) * sizeof(*mods));
	if (!mods)
		return -1;
	p->modules = mods;
	struct prog_module m = { dup_n("", 0), dup_n("", 0), dup_n("", 0), 0, NULL, 0 };
	if (!m.number || !m.title || !m.intro || blank_day(&m) != 0) {
		free_module(&m);
		return -1;
	}
	mods[p->n_modules++] = m;
	return 0;
}

int programme_add_row(struct programme *p, size_t module, size_t day)
{
	if (module == 0)
		return blank_module(p);
	if (module > p->n_modules)
		return 1;
	struct prog_module *m = &p->modules[module - 1];
	if (day == 0)
		return blank_day(m);
	if (day > m->n_days)
		return 1;
	return blank_step(&m->days[day - 1]);
}

int programme_remove_row(struct programme *p, size_t module, size_t day, size_t step)
{
	if (module == 0 || module > p->n_modules)
		return 1;
	struct prog_module *m = &p->modules[module - 1];
	if (day == 0) {
		free_module(m);
		memmove(m, m + 1, (p->n_modules - module) * sizeof(*m));
		p->n_modules--;
		return 0;
	}
	if (day > m->n_days)
		return 1;
	struct prog_day *d = &m->days[day - 1];
	if (step == 0) {
		free_day(d);
		memmove(d, d + 1, (m->n_days - day) * sizeof(*d));
		m->n_days--;
		return 0;
	}
	if (step > d->n_steps)
		return 1;
	free(d->steps[step - 1].text);
	memmove(&d->steps[step - 1], &d->steps[step], (d->n_steps - step) * sizeof(*d->steps));
	d->n_steps--;
	return 0;
}
