#include "rules/registration.h"

#include <string.h>

#include "base/arena.h"
#include "rules/fields.h"

static const struct {
	const char *name, *label;
} statuses[REG_STATUS_COUNT] = {
	[REG_DEMANDEE] = { "demandee", "Demandée" },
	[REG_CONFIRMEE] = { "confirmee", "Confirmée" },
	[REG_ATTENTE] = { "attente", "Liste d'attente" },
	[REG_ANNULEE] = { "annulee", "Annulée" },
	[REG_EXCUSEE] = { "excusee", "Excusée" },
};

static int status_ok(enum registration_status s)
{
	return (int)s >= 0 && (int)s < REG_STATUS_COUNT;
}

const char *registration_status_name(enum registration_status s)
{
	return status_ok(s) ? statuses[s].name : NULL;
}

int registration_status_parse(const char *s, enum registration_status *out)
{
	for (int i = 0; s && i < REG_STATUS_COUNT; i++)
		if (strcmp(statuses[i].name, s) == 0) {
			*out = (enum registration_status)i;
			return 0;
		}
	return -1;
}

const char *registration_status_label_fr(enum registration_status s)
{
	return status_ok(s) ? statuses[s].label : NULL;
}

int registration_is_active(enum registration_status s)
{
	return s == REG_DEMANDEE || s == REG_CONFIRMEE || s == REG_ATTENTE;
}

static const char *const action_names[REG_ACTION_COUNT] = {
	[REG_ACT_CONFIRM] = "confirm",
	[REG_ACT_WAITLIST] = "waitlist",
	[REG_ACT_CANCEL] = "cancel",
	[REG_ACT_EXCUSE] = "excuse",
	[REG_ACT_PROMOTE] = "promote",
	[REG_ACT_MOVE] = "move",
};

const char *registration_action_name(enum registration_action a)
{
	return (int)a >= 0 && (int)a < REG_ACTION_COUNT ? action_names[a] : NULL;
}

static const char CANCELLED[] = "Cette inscription est annulée : inscrivez à nouveau la personne.";
static const char EXCUSED[] = "Cette personne est excusée pour cette session : inscrivez-la à "
	"nouveau si elle peut finalement venir.";
static const char ALREADY_CONFIRMED[] = "Cette inscription est déjà confirmée.";

/* Sets the sentence and returns the outcome: 1 for nothing to do, -1 for a
 * refusal. */
static int calm(const char **why, const char *sentence)
{
	*why = sentence;
	return 1;
}

static int refuse(const char **why, const char *sentence)
{
	*why = sentence;
	return -1;
}

int registration_transition(enum registration_status from, enum registration_action a,
		enum registration_status *to, const char **refusal_fr)
{
	enum registration_status next = from;
	const char *why = NULL;
	int rc = 0;
	if (!status_ok(from) || registration_action_name(a) == NULL) {
		rc = refuse(&why, "Cette opération n'existe pas pour une inscription.");
		goto out;
	}
	switch (a) {
	case REG_ACT_CONFIRM:
		if (from == REG_DEMANDEE || from == REG_ATTENTE)
			next = REG_CONFIRMEE;
		else if (from == REG_CONFIRMEE)
			rc = calm(&why, ALREADY_CONFIRMED);
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_WAITLIST:
		if (from == REG_DEMANDEE)
			next = REG_ATTENTE;
		else if (from == REG_ATTENTE)
			rc = calm(&why, "Cette inscription est déjà en liste d'attente.");
		else if (from == REG_CONFIRMEE)
			rc = refuse(&why, "Cette inscription est confirmée : la personne a sa place. "
				"Annulez-la, ou déplacez-la vers une autre session.");
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_CANCEL:
		if (registration_is_active(from))
			next = REG_ANNULEE;
		else if (from == REG_ANNULEE)
			rc = calm(&why, "Cette inscription est déjà annulée.");
		else
			rc = refuse(&why, "Cette personne est excusée pour cette session : son absence "
				"reste enregistrée comme excusée.");
		break;
	case REG_ACT_EXCUSE:
		if (from == REG_CONFIRMEE)
			next = REG_EXCUSEE;
		else if (from == REG_EXCUSEE)
			rc = calm(&why, "Cette absence est déjà excusée.");
		else if (from == REG_ANNULEE)
			rc = refuse(&why, "Cette inscription est annulée : il n'y a pas d'absence à "
				"excuser.");
		else
			rc = refuse(&why, "Seule une inscription confirmée peut être excusée : annulez "
				"plutôt celle-ci.");
		break;
	case REG_ACT_PROMOTE:
		if (from == REG_ATTENTE)
			next = REG_CONFIRMEE;
		else if (from == REG_CONFIRMEE)
			rc = calm(&why, ALREADY_CONFIRMED);
		else if (from == REG_DEMANDEE)
			rc = refuse(&why, "Cette inscription n'est pas en liste d'attente : vérifiez-la, "
				"puis confirmez-la.");
		else
			rc = refuse(&why, from == REG_ANNULEE ? CANCELLED : EXCUSED);
		break;
	case REG_ACT_MOVE:
		if (registration_is_active(from))
			next = from;
		else if (from == REG_ANNULEE)
			rc = refuse(&why, "Cette inscription est annulée : inscrivez la personne dans "
				"l'autre session.");
		else
			rc = refuse(&why, "Cette personne est excusée pour cette session : inscrivez-la "
				"dans l'autre session.");
		break;
	}
out:
	if (to && rc >= 0)
		*to = next;
	if (refusal_fr)
		*refusal_fr = why;
	return rc;
}

static const struct {
	const char *name, *label;
} origins[REG_ORIGIN_COUNT] = {
	[REG_BY_STAFF] = { "equipe", "par l'équipe" },
	[REG_BY_REQUESTER] = { "demandeur", "par le demandeur" },
	[REG_BY_PARTICIPANT] = { "participant", "par le participant" },
};

const char *registration_origin_name(enum registration_origin o)
{
	return (int)o >= 0 && (int)o < REG_ORIGIN_COUNT ? origins[o].name : NULL;
}

int registration_origin_parse(const char *s, enum registration_origin *out)
{
	for (int i = 0; s && i < REG_ORIGIN_COUNT; i++)
		if (strcmp(origins[i].name, s) == 0) {
			*out = (enum registration_origin)i;
			return 0;
		}
	return -1;
}

const char *registration_origin_label_fr(enum registration_origin o)
{
	return (int)o >= 0 && (int)o < REG_ORIGIN_COUNT ? origins[o].label : NULL;
}

const char *registration_reason_check(const char *reason, char *msg, size_t size)
{
	static const struct field_rule rule = { "raison", FIELD_TEXT, 1, REG_REASON_MAX, 0 };
	if (!reason || !*reason)
		return "Indiquez la raison de l'annulation.";
	return field_check(&rule, reason, msg, size);
}

enum registration_status registration_place(long confirmed, long max)
{
	return confirmed < max ? REG_CONFIRMEE : REG_ATTENTE;
}

enum registration_status registration_moved_status(enum registration_status from,
		long confirmed, long max)
{
	if (from == REG_CONFIRMEE || from == REG_ATTENTE)
		return registration_place(confirmed, max);
	return from;
}

/* Waiting list. */

size_t waitlist_rank(const struct waitlist *w, long long id)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->ids[i] == id)
			return i + 1;
	return 0;
}

int waitlist_append(struct waitlist *w, long long id)
{
	if (id <= 0 || w->n >= w->cap || waitlist_rank(w, id))
		return -1;
	w->ids[w->n++] = id;
	return 0;
}

int waitlist_remove(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	memmove(w->ids + r - 1, w->ids + r, (w->n - r) * sizeof(w->ids[0]));
	w->n--;
	return 0;
}

int waitlist_promote(struct waitlist *w, long long *promoted)
{
	*promoted = 0;
	if (w->n == 0)
		return 1;
	*promoted = w->ids[0];
	return waitlist_remove(w, w->ids[0]);
}

int waitlist_move_to(struct waitlist *w, long long id, size_t rank)
{
	size_t r = waitlist_rank(w, id);
	if (!r || rank < 1 || rank > w->n)
		return -1;
	if (r == rank)
		return 1;
	if (rank < r) /* up: the ones from rank to r - 1 go down by one */
		memmove(w->ids + rank, w->ids + rank - 1, (r - rank) * sizeof(w->ids[0]));
	else /* down: the ones from r + 1 to rank go up by one */
		memmove(w->ids + r - 1, w->ids + r, (rank - r) * sizeof(w->ids[0]));
	w->ids[rank - 1] = id;
	return 0;
}

int waitlist_move_up(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	return r == 1 ? 1 : waitlist_move_to(w, id, r - 1);
}

int waitlist_move_down(struct waitlist *w, long long id)
{
	size_t r = waitlist_rank(w, id);
	if (!r)
		return -1;
	return r == w->n ? 1 : waitlist_move_to(w, id, r + 1);
}

/* Go/no-go and the requester's closing date. */

struct civil_date registration_decision_day(struct civil_date first_day, int days_before)
{
	return cal_add_days(first_day, days_before > 0 ? -days_before : 0);
}

int registration_needs_decision(struct civil_date today, struct civil_date first_day,
		int days_before, long confirmed, long min, int session_is_envisaged_or_confirmed)
{
	if (!session_is_envisaged_or_confirmed || confirmed >= min)
		return 0;
	return cal_date_compare(today, registration_decision_day(first_day, days_before)) >= 0 &&
		cal_date_compare(today, first_day) <= 0;
}

int registration_open_for_requester(struct civil_date today, const struct civil_date *closes_on,
		struct civil_date first_day)
{
	if (closes_on)
		return cal_date_compare(today, *closes_on) <= 0;
	return cal_date_compare(today, first_day) < 0;
}

/* The pasted list. */

#define LIST_COLUMNS 5

static const char *const column_names[LIST_COLUMNS] = {
	"Nom", "Prénom", "Email", "Fonction", "Organisme"
};

static const struct field_rule column_rules[LIST_COLUMNS] = {
	{ "nom", FIELD_LINE, 1, REG_NAME_MAX, 0 },
	{ "prenom", FIELD_LINE, 1, REG_NAME_MAX, 0 },
	{ "email", FIELD_EMAIL, 1, EMAIL_MAX_BYTES, 0 },
	{ "fonction", FIELD_LINE, 0, REG_JOB_MAX, 0 },
	{ "organisme", FIELD_LINE, 0, REG_ORGANISATION_MAX, 0 },
};

/* The columns of one line once split. */
struct line_fields {
	const char *col[LIST_COLUMNS]; /* "" when absent */
	size_t n_cols;
	int extra_content;             /* a column after the fifth holds something */
	const char *problem;           /* a quote left open..., NULL when none */
};

/* Bytes of the space at p (a space or a no-break space, U+00A0), 0 when
 * none. */
static size_t space_at(const char *p, const char *end)
{
	if (p < end && *p == ' ')
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	return 0;
}

static const char *skip_spaces(const char *p, const char *end)
{
	for (size_t k; (k = space_at(p, end)) != 0;)
		p += k;
	return p;
}

/* [b, e) without its spaces at both ends, copied into a. */
static char *trimmed_copy(struct arena *a, const char *b, const char *e)
{
	b = skip_spaces(b, e);
	for (;;) {
		if (e > b && e[-1] == ' ')
			e--;
		else if (e - b >= 2 && (unsigned char)e[-2] == 0xC2 && (unsigned char)e[-1] == 0xA0)
			e -= 2;
		else
			break;
	}
	return arena_strndup(a, b, (size_t)(e - b));
}

/* "Nom (colonne 1)", or "Colonne 7" after the fifth. */
static const char *column_label(struct arena *a, size_t col)
{
	return col < LIST_COLUMNS ? arena_printf(a, "%s (colonne %zu)", column_names[col], col + 1) :
		arena_printf(a, "Colonne %zu", col + 1);
}

/* Splits line[0..n) at sep, Excel's quoting undone. -1 when out of
 * memory. */
static int split_line(struct arena *a, const char *line, size_t n, char sep, struct line_fields *lf)
{
	const char *p = line, *end = line + n;
	memset(lf, 0, sizeof(*lf));
	for (size_t i = 0; i < LIST_COLUMNS; i++)
		lf->col[i] = "";
	for (size_t col = 0;; col++) {
		const char *value;
		p = skip_spaces(p, end);
		if (p < end && *p == '"') {
			char *buf = arena_alloc(a, (size_t)(end - p) + 1);
			size_t k = 0;
			int closed = 0;
			if (!buf)
				return -1;
			for (p++; p < end;) {
				if (*p == '"' && p + 1 < end && p[1] == '"') {
					buf[k++] = '"';
					p += 2;
				} else if (*p == '"') {
					closed = 1;
					p++;
					break;
				} else {
					buf[k++] = *p++;
				}
			}
			const char *label = column_label(a, col);
			if (!label)
				return -1;
			if (!closed) {
				lf->problem = arena_printf(a, "%s : le guillemet ouvert n'est pas fermé.", label);
				return lf->problem ? 0 : -1;
			}
			p = skip_spaces(p, end);
			if (p < end && *p != sep) {
				lf->problem = arena_printf(a, "%s : du texte suit le guillemet fermant ; à "
						"l'intérieur des guillemets, doublez-les (\"\").", label);
				return lf->problem ? 0 : -1;
			}
			value = trimmed_copy(a, buf, buf + k);
		} else {
			const char *start = p;
			while (p < end && *p != sep)
				p++;
			value = trimmed_copy(a, start, p);
		}
		if (!value)
			return -1;
		if (col < LIST_COLUMNS)
			lf->col[col] = value;
		else if (*value)
			lf->extra_content = 1;
		lf->n_cols = col + 1;
		if (p >= end)
			return 0;
		p++; /* the separator */
	}
}

/* s folded for comparing column titles: ASCII lowercase, é è ê ë (either
 * case) as e, into out. */
static void fold_title(const char *s, char *out, size_t size)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 1 < size; p++) {
		if (p[0] == 0xC3 && ((p[1] >= 0xA8 && p[1] <= 0xAB) || (p[1] >= 0x88 && p[1] <= 0x8B))) {
			out[k++] = 'e';
			p++;
		} else {
			out[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		}
	}
	out[k] = '\0';
}

static int title_is(const char *s, const char *const *words)
{
	char folded[64];
	fold_title(s, folded, sizeof(folded));
	for (; *words; words++)
		if (strcmp(folded, *words) == 0)
			return 1;
	return 0;
}

static const char *const title_last_name[] = { "nom", "nom de famille", NULL };
static const char *const title_first_name[] = { "prenom", NULL };
static const char *const title_email[] = {
	"email", "e-mail", "mail", "mel", "courriel", "adresse email", "adresse e-mail",
	"adresse mail", "adresse electronique", "adresse courriel", NULL
};

/* 1 when the line is the header Nom, Prénom, Email; 2 when it is the
 * header with the names swapped (Prénom, Nom, Email); else 0. */
static int header_kind(const struct line_fields *lf)
{
	if (lf->problem || lf->n_cols < 3 || !title_is(lf->col[2], title_email))
		return 0;
	if (title_is(lf->col[0], title_last_name) && title_is(lf->col[1], title_first_name))
		return 1;
	if (title_is(lf->col[0], title_first_name) && title_is(lf->col[1], title_last_name))
		return 2;
	return 0;
}

/* A blank line: nothing but spaces, tabs and ';' (an empty spreadsheet
 * row). */
static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != ';')
			return 0;
	return 1;
}

/* Appends "label : problem" to *msg, the problem's first letter
 * lowercased (the field messages are sentences). -1 when out of memory. */
static int add_problem(struct arena *a, const char **msg, const char *label, const char *problem)
{
	char first = problem[0] >= 'A' && problem[0] <= 'Z' ? (char)(problem[0] - 'A' + 'a') : problem[0];
	const char *s = arena_printf(a, "%s%s%s : %c%s", *msg ? *msg : "", *msg ? " " : "", label,
			first, problem[0] ? problem + 1 : "");
	if (!s)
		return -1;
	*msg = s;
	return 0;
}

/* Reads one non-blank line into *p: its columns, its checks (the email
 * against the earlier lines' too). -1 when out of memory. */
static int read_person(struct arena *a, const char *line, size_t n, int line_no,
		const struct pasted_person *earlier, const unsigned char *earlier_email_ok, size_t n_earlier,
		struct pasted_person *p, unsigned char *email_ok, const struct line_fields *lf)
{
	const char *msg = NULL;
	memset(p, 0, sizeof(*p));
	p->line = line_no;
	p->raw = arena_strndup(a, line, n);
	char *email = arena_strdup(a, lf->col[2]);
	if (!p->raw || !email)
		return -1;
	field_email_fold(email);
	p->last_name = lf->col[0];
	p->first_name = lf->col[1];
	p->email = email;
	p->job_title = lf->col[3];
	p->organisation = lf->col[4];
	*email_ok = 0;
	if (memchr(line, '\0', n)) {
		p->error_fr = "Cette ligne contient des caractères de contrôle : retirez-les.";
		return 0;
	}
	if (lf->problem) {
		p->error_fr = lf->problem;
		return 0;
	}
	if (lf->n_cols < 3) {
		p->error_fr = "Cette ligne doit compter au moins trois colonnes (Nom, Prénom, Email), "
			"séparées par des tabulations ou des points-virgules.";
		return 0;
	}
	const char *values[LIST_COLUMNS] = { p->last_name, p->first_name, p->email, p->job_title,
		p->organisation };
	for (size_t c = 0; c < LIST_COLUMNS; c++) {
		char buf[128];
		const char *problem = !*values[c] && column_rules[c].required ? "Ce champ est obligatoire." :
			field_check(&column_rules[c], values[c], buf, sizeof(buf));
		const char *label = problem ? column_label(a, c) : NULL;
		if (problem && (!label || add_problem(a, &msg, label, problem) != 0))
			return -1;
		if (c == 2 && !problem) {
			*email_ok = 1;
			for (size_t j = 0; j < n_earlier; j++)
				if (earlier_email_ok[j] && strcmp(earlier[j].email, p->email) == 0) {
					*email_ok = 0;
					const char *dup = arena_printf(a, "cette adresse figure déjà ligne %d.",
							earlier[j].line);
					label = column_label(a, c);
					if (!dup || !label || add_problem(a, &msg, label, dup) != 0)
						return -1;
					break;
				}
		}
	}
	if (lf->extra_content) {
		const char *extra = "Cette ligne compte plus de cinq colonnes : gardez Nom, Prénom, Email, "
			"Fonction, Organisme (un texte qui contient le séparateur se met entre guillemets).";
		msg = msg ? arena_printf(a, "%s %s", msg, extra) : extra;
		if (!msg)
			return -1;
	}
	p->error_fr = msg;
	return 0;
}

static int list_refused(struct pasted_list *out, const char *why)
{
	out->people = NULL;
	out->n = out->n_wrong = 0;
	out->error_fr = why;
	return why ? 1 : -1;
}

int registration_parse_list(struct arena *a, const char *text, size_t len, struct pasted_list *out)
{
	memset(out, 0, sizeof(*out));
	struct pasted_person *people = arena_calloc(a, REG_LIST_MAX, sizeof(*people));
	unsigned char email_ok[REG_LIST_MAX];
	size_t n = 0, n_wrong = 0;
	int line_no = 0, seen_line = 0;
	if (!people)
		return -1;
	const char *p = text ? text : "", *end = p + (text ? len : 0);
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *line = p;
		while (p < end && *p != '\n' && *p != '\r')
			p++;
		size_t line_len = (size_t)(p - line);
		if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
			p++;
		if (p < end)
			p++; /* the line end */
		line_no++;
		if (blank_line(line, line_len))
			continue;
		char sep = memchr(line, '\t', line_len) ? '\t' : ';';
		struct line_fields lf;
		if (split_line(a, line, line_len, sep, &lf) != 0)
			return list_refused(out, NULL);
		if (!seen_line) {
			seen_line = 1;
			int header = header_kind(&lf);
			if (header == 2)
				return list_refused(out, "La première ligne annonce les colonnes Prénom puis Nom : "
						"mettez-les dans l'ordre Nom, Prénom, Email, Fonction, Organisme.");
			if (header == 1)
				continue;
		}
		if (n == REG_LIST_MAX)
			return list_refused(out, "La liste compte plus de 200 personnes : collez-la en "
					"plusieurs fois.");
		if (read_person(a, line, line_len, line_no, people, email_ok, n, &people[n], &email_ok[n],
					&lf) != 0)
			return list_refused(out, NULL);
		n_wrong += people[n].error_fr != NULL;
		n++;
	}
	if (n == 0)
		return list_refused(out, "La liste est vide : collez une ligne par personne, "
				"Nom;Prénom;Email;Fonction;Organisme.");
	out->people = people;
	out->n = n;
	out->n_wrong = n_wrong;
	return 0;
}
