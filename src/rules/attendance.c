/* Attendance rules: see attendance.h. */
#include "rules/attendance.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "rules/fields.h"

/* ---------------------------------------------------------------- helpers */

static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

static int minutes_valid(int m)
{
	return m >= 0 && m < SLOT_MINUTES_PER_DAY;
}

/* "9 h 30" for a message; "?" when out of range (never for checked values). */
static void time_fr(int minutes, char buf[SLOT_TIME_FR_BUF])
{
	if (slot_format_time_fr(minutes, buf, SLOT_TIME_FR_BUF) != 0)
		snprintf(buf, SLOT_TIME_FR_BUF, "?");
}

static void set_error(struct half_day_error *err, const char *field, const char *message)
{
	if (err == NULL)
		return;
	err->field = field;
	snprintf(err->message, sizeof(err->message), "%s", message ? message : "");
}

/* ------------------------------------------------------------- half-days */

static const char *const half_day_names[] = { "matin", "apres_midi" };
static const char *const half_day_labels[] = { "Matin", "Après-midi" };

static int half_day_kind_ok(enum half_day_kind k)
{
	return (int)k >= 0 && (int)k < 2;
}

const char *half_day_kind_name(enum half_day_kind k)
{
	return half_day_kind_ok(k) ? half_day_names[k] : NULL;
}

int half_day_kind_parse(const char *s, enum half_day_kind *out)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < 2; i++)
		if (strcmp(s, half_day_names[i]) == 0) {
			if (out)
				*out = (enum half_day_kind)i;
			return 0;
		}
	return -1;
}

const char *half_day_kind_label_fr(enum half_day_kind k)
{
	return half_day_kind_ok(k) ? half_day_labels[k] : NULL;
}

int half_day_lunch_check(int start_min, int end_min, int lunch_start_min, int lunch_end_min,
		struct half_day_error *err)
{
	char a[SLOT_TIME_FR_BUF], b[SLOT_TIME_FR_BUF], msg[HALF_DAY_MESSAGE_BUF];
	set_error(err, NULL, "");
	if (!minutes_valid(start_min) || !minutes_valid(end_min) || start_min >= end_min) {
		set_error(err, "start", "Les heures du créneau ne sont pas valides.");
		return -1;
	}
	if (!minutes_valid(lunch_start_min)) {
		set_error(err, "lunch_start", "L'heure de début de la pause de midi n'est pas valide.");
		return -1;
	}
	if (!minutes_valid(lunch_end_min)) {
		set_error(err, "lunch_end", "L'heure de fin de la pause de midi n'est pas valide.");
		return -1;
	}
	if (lunch_end_min <= lunch_start_min) {
		time_fr(lunch_start_min, a);
		time_fr(lunch_end_min, b);
		snprintf(msg, sizeof(msg),
				"La fin de la pause de midi (%s) doit être après son début (%s).", b, a);
		set_error(err, "lunch_end", msg);
		return -1;
	}
	if (lunch_start_min - start_min < HALF_DAY_MIN_MINUTES) {
		time_fr(start_min, a);
		time_fr(lunch_start_min, b);
		snprintf(msg, sizeof(msg),
				"La pause de midi doit commencer au moins %d minutes après le début du créneau "
				"(%s) ; elle commence à %s.", HALF_DAY_MIN_MINUTES, a, b);
		set_error(err, "lunch_start", msg);
		return -1;
	}
	if (end_min - lunch_end_min < HALF_DAY_MIN_MINUTES) {
		time_fr(end_min, a);
		time_fr(lunch_end_min, b);
		snprintf(msg, sizeof(msg),
				"La pause de midi doit finir au moins %d minutes avant la fin du créneau "
				"(%s) ; elle finit à %s.", HALF_DAY_MIN_MINUTES, a, b);
		set_error(err, "lunch_end", msg);
		return -1;
	}
	return 0;
}

int half_day_lunch_read(int start_min, int end_min, const char *lunch_start, const char *lunch_end,
		int *start_out, int *end_out, struct half_day_error *err)
{
	const int no_start = lunch_start == NULL || *lunch_start == '\0';
	const int no_end = lunch_end == NULL || *lunch_end == '\0';
	int ls = HALF_DAY_LUNCH_START_DEFAULT, le = HALF_DAY_LUNCH_END_DEFAULT;
	set_error(err, NULL, "");
	if (no_start && !no_end) {
		set_error(err, "lunch_start", "Indiquez le début de la pause de midi.");
		return -1;
	}
	if (no_end && !no_start) {
		set_error(err, "lunch_end", "Indiquez la fin de la pause de midi.");
		return -1;
	}
	if (!no_start && slot_parse_time(lunch_start, &ls) != 0) {
		set_error(err, "lunch_start",
				"L'heure de début de la pause de midi n'est pas valide : indiquez HH:MM, "
				"par exemple 12:30.");
		return -1;
	}
	if (!no_end && slot_parse_time(lunch_end, &le) != 0) {
		set_error(err, "lunch_end",
				"L'heure de fin de la pause de midi n'est pas valide : indiquez HH:MM, "
				"par exemple 13:30.");
		return -1;
	}
	if (half_day_lunch_check(start_min, end_min, ls, le, err) != 0)
		return -1;
	if (start_out)
		*start_out = ls;
	if (end_out)
		*end_out = le;
	return 0;
}

int half_day_split(const struct half_day_slot *slot, struct half_day out[2],
		struct half_day_error *err)
{
	set_error(err, NULL, "");
	if (slot == NULL || out == NULL) {
		set_error(err, "start", "Créneau absent.");
		return -1;
	}
	if (!minutes_valid(slot->start_min) || !minutes_valid(slot->end_min)
			|| slot->start_min >= slot->end_min) {
		set_error(err, "start", "Les heures du créneau ne sont pas valides.");
		return -1;
	}
	switch (slot->part) {
	case SLOT_MORNING:
	case SLOT_AFTERNOON:
		if (slot->cancelled)
			return 0;
		out[0].kind = slot->part == SLOT_MORNING ? HALF_DAY_MORNING : HALF_DAY_AFTERNOON;
		out[0].start_min = slot->start_min;
		out[0].end_min = slot->end_min;
		return 1;
	case SLOT_FULL_DAY:
		if (slot->cancelled)
			return 0;
		if (half_day_lunch_check(slot->start_min, slot->end_min, slot->lunch_start_min,
				slot->lunch_end_min, err) != 0)
			return -1;
		out[0].kind = HALF_DAY_MORNING;
		out[0].start_min = slot->start_min;
		out[0].end_min = slot->lunch_start_min;
		out[1].kind = HALF_DAY_AFTERNOON;
		out[1].start_min = slot->lunch_end_min;
		out[1].end_min = slot->end_min;
		return 2;
	}
	set_error(err, "start", "Type de créneau inconnu.");
	return -1;
}

int half_day_minutes(const struct half_day *h)
{
	if (h == NULL || !minutes_valid(h->start_min) || !minutes_valid(h->end_min)
			|| h->start_min >= h->end_min)
		return -1;
	return h->end_min - h->start_min;
}

int half_day_instants(struct civil_date day, const struct half_day *h, int64_t *start_utc,
		int64_t *end_utc)
{
	int64_t s, e;
	if (half_day_minutes(h) < 0 || start_utc == NULL || end_utc == NULL)
		return -1;
	if (slot_paris_to_utc(day, h->start_min, &s) == SLOT_LOCAL_INVALID
			|| slot_paris_to_utc(day, h->end_min, &e) == SLOT_LOCAL_INVALID)
		return -1;
	*start_utc = s;
	*end_utc = e;
	return 0;
}

int half_day_id(int64_t slot_id, enum half_day_kind kind, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return -1;
	buf[0] = '\0';
	if (slot_id <= 0 || !half_day_kind_ok(kind))
		return -1;
	int n = snprintf(buf, size, "%lld-%s", (long long)slot_id, half_day_names[kind]);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

int half_day_id_parse(const char *id, int64_t *slot_id, enum half_day_kind *kind)
{
	if (id == NULL || id[0] < '1' || id[0] > '9')
		return -1;
	int64_t v = 0;
	const char *p = id;
	for (; *p >= '0' && *p <= '9'; p++) {
		int d = *p - '0';
		if (v > (INT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	if (*p != '-')
		return -1;
	enum half_day_kind k;
	if (half_day_kind_parse(p + 1, &k) != 0)
		return -1;
	if (slot_id)
		*slot_id = v;
	if (kind)
		*kind = k;
	return 0;
}

/* -------------------------------------------------------- rotating code */

static const char code_domain[] = "EGOC attendance code v1";

/* 4 294 000 000 = 4294 * 10^6, the largest multiple of 10^6 below 2^32. */
#define CODE_LIMIT 4294000000u
#define CODE_MODULUS 1000000u

int64_t attendance_code_window(int64_t unix_time)
{
	int64_t w = unix_time / ATTENDANCE_CODE_PERIOD;
	if (unix_time % ATTENDANCE_CODE_PERIOD < 0)
		w--;
	return w;
}

int attendance_code_seconds_left(int64_t unix_time)
{
	int64_t into = unix_time - attendance_code_window(unix_time) * ATTENDANCE_CODE_PERIOD;
	return (int)(ATTENDANCE_CODE_PERIOD - into);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

void attendance_code_digits(const unsigned char mac[32], char out[ATTENDANCE_CODE_BUF])
{
	uint32_t chosen = be32(mac); /* the fallback when all eight are rejected */
	for (int i = 0; i < 8; i++)
		if (be32(mac + 4 * i) < CODE_LIMIT) {
			chosen = be32(mac + 4 * i);
			break;
		}
	uint32_t c = chosen % CODE_MODULUS;
	for (int i = ATTENDANCE_CODE_DIGITS - 1; i >= 0; i--) {
		out[i] = (char)('0' + c % 10);
		c /= 10;
	}
	out[ATTENDANCE_CODE_DIGITS] = '\0';
}

static void code_of_window(const unsigned char key[ATTENDANCE_KEY_BYTES], const char *half_day_id,
		int64_t window, char out[ATTENDANCE_CODE_BUF])
{
	crypto_auth_hmacsha512256_state st;
	unsigned char mac[crypto_auth_BYTES];
	unsigned char w[8];
	uint64_t u = (uint64_t)window;
	for (int i = 7; i >= 0; i--) {
		w[i] = (unsigned char)(u & 0xff);
		u >>= 8;
	}
	crypto_auth_hmacsha512256_init(&st, key, ATTENDANCE_KEY_BYTES);
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)code_domain, sizeof(code_domain));
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)half_day_id,
			strlen(half_day_id) + 1);
	crypto_auth_hmacsha512256_update(&st, w, sizeof(w));
	crypto_auth_hmacsha512256_final(&st, mac);
	attendance_code_digits(mac, out);
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(mac, sizeof(mac));
}

int attendance_code(const unsigned char key[ATTENDANCE_KEY_BYTES], const char *half_day_id,
		int64_t unix_time, char out[ATTENDANCE_CODE_BUF])
{
	if (out == NULL)
		return -1;
	out[0] = '\0';
	if (key == NULL || half_day_id == NULL || *half_day_id == '\0')
		return -1;
	code_of_window(key, half_day_id, attendance_code_window(unix_time), out);
	return 0;
}

static int id_url_safe(const char *id)
{
	if (id == NULL || *id == '\0')
		return 0;
	for (; *id; id++) {
		char c = *id;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

static int six_digits(const char *s)
{
	if (s == NULL)
		return 0;
	for (int i = 0; i < ATTENDANCE_CODE_DIGITS; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[ATTENDANCE_CODE_DIGITS] == '\0';
}

static const char qr_path[] = "/emargement/";
static const char qr_query[] = "?code=";

int attendance_qr_text(const char *base_url, const char *half_day_id, const char *code,
		char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return -1;
	buf[0] = '\0';
	if (base_url == NULL || !id_url_safe(half_day_id) || !six_digits(code))
		return -1;
	size_t blen = strlen(base_url);
	while (blen > 0 && base_url[blen - 1] == '/')
		blen--;
	if (blen == 0 || blen > INT_MAX)
		return -1;
	int n = snprintf(buf, size, "%.*s%s%s%s%s", (int)blen, base_url, qr_path, half_day_id,
			qr_query, code);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* Digits with spaces: the six digits into out, or -1. */
static int digits_with_spaces(const char *s, char out[ATTENDANCE_CODE_BUF])
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p >= '0' && *p <= '9') {
			if (n == ATTENDANCE_CODE_DIGITS)
				return -1;
			out[n++] = (char)*p++;
		} else if (*p == ' ' || *p == '\t') {
			p++;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			p += 2; /* U+00A0 */
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) {
			p += 3; /* U+202F */
		} else {
			return -1;
		}
	}
	if (n != ATTENDANCE_CODE_DIGITS)
		return -1;
	out[n] = '\0';
	return 0;
}

enum attendance_code_result attendance_code_input(const char *typed, const char *half_day_id,
		char out[ATTENDANCE_CODE_BUF])
{
	if (out == NULL)
		return ATTENDANCE_CODE_MALFORMED;
	out[0] = '\0';
	if (typed == NULL)
		return ATTENDANCE_CODE_MALFORMED;
	size_t len = strnlen(typed, ATTENDANCE_INPUT_MAX + 1);
	if (len > ATTENDANCE_INPUT_MAX)
		return ATTENDANCE_CODE_MALFORMED;
	char digits[ATTENDANCE_CODE_BUF];
	if (digits_with_spaces(typed, digits) == 0) {
		memcpy(out, digits, ATTENDANCE_CODE_BUF);
		return ATTENDANCE_CODE_OK;
	}
	/* The QR text: "<base>/emargement/<id>?code=DDDDDD", spaces around
	 * dropped (a scanner may add a newline). */
	const char *start = typed;
	const char *end = typed + len;
	while (start < end && (*start == ' ' || *start == '\t' || *start == '\r' || *start == '\n'))
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
		end--;
	const size_t qlen = sizeof(qr_query) - 1, plen = sizeof(qr_path) - 1;
	if ((size_t)(end - start) < plen + 1 + qlen + ATTENDANCE_CODE_DIGITS)
		return ATTENDANCE_CODE_MALFORMED;
	const char *code = end - ATTENDANCE_CODE_DIGITS;
	for (int i = 0; i < ATTENDANCE_CODE_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return ATTENDANCE_CODE_MALFORMED;
	const char *query = code - qlen;
	if (memcmp(query, qr_query, qlen) != 0)
		return ATTENDANCE_CODE_MALFORMED;
	/* The id runs back from the query to the last "/emargement/". */
	const char *id_end = query, *id_start = query;
	while (id_start > start && id_start[-1] != '/')
		id_start--;
	if (id_start == id_end || (size_t)(id_start - start) < plen
			|| memcmp(id_start - plen, qr_path, plen) != 0)
		return ATTENDANCE_CODE_MALFORMED;
	for (const char *c = id_start; c < id_end; c++) {
		char ch = *c;
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
				|| ch == '_' || ch == '-'))
			return ATTENDANCE_CODE_MALFORMED;
	}
	if (half_day_id == NULL || strlen(half_day_id) != (size_t)(id_end - id_start)
			|| memcmp(half_day_id, id_start, (size_t)(id_end - id_start)) != 0)
		return ATTENDANCE_CODE_WRONG;
	memcpy(out, code, ATTENDANCE_CODE_DIGITS);
	out[ATTENDANCE_CODE_DIGITS] = '\0';
	return ATTENDANCE_CODE_OK;
}

enum attendance_code_result attendance_code_check(const unsigned char key[ATTENDANCE_KEY_BYTES],
		const char *half_day_id, int64_t now, const char *typed)
{
	char got[ATTENDANCE_CODE_BUF], cur[ATTENDANCE_CODE_BUF], prev[ATTENDANCE_CODE_BUF];
	if (key == NULL || half_day_id == NULL || *half_day_id == '\0')
		return ATTENDANCE_CODE_MALFORMED;
	enum attendance_code_result r = attendance_code_input(typed, half_day_id, got);
	if (r != ATTENDANCE_CODE_OK)
		return r;
	const int64_t w = attendance_code_window(now);
	code_of_window(key, half_day_id, w, cur);
	code_of_window(key, half_day_id, w - 1, prev);
	const int c = sodium_memcmp(got, cur, ATTENDANCE_CODE_DIGITS);
	const int p = sodium_memcmp(got, prev, ATTENDANCE_CODE_DIGITS);
	return ((c == 0) | (p == 0)) ? ATTENDANCE_CODE_OK : ATTENDANCE_CODE_WRONG;
}

enum attendance_window attendance_signing_window(int64_t start_utc, int64_t end_utc, int64_t now)
{
	if (end_utc <= start_utc || now >= end_utc)
		return ATTENDANCE_WINDOW_CLOSED;
	/* start_utc - ATTENDANCE_OPEN_BEFORE without overflow. */
	if (start_utc >= INT64_MIN + ATTENDANCE_OPEN_BEFORE && now < start_utc - ATTENDANCE_OPEN_BEFORE)
		return ATTENDANCE_WINDOW_NOT_YET;
	return ATTENDANCE_WINDOW_OPEN;
}

enum attendance_sign attendance_sign_check(const unsigned char key[ATTENDANCE_KEY_BYTES],
		const char *half_day_id, int64_t start_utc, int64_t end_utc, int64_t now,
		int already_signed, const char *typed)
{
	if (already_signed)
		return ATTENDANCE_SIGN_ALREADY;
	switch (attendance_signing_window(start_utc, end_utc, now)) {
	case ATTENDANCE_WINDOW_NOT_YET:
		return ATTENDANCE_SIGN_NOT_YET;
	case ATTENDANCE_WINDOW_CLOSED:
		return ATTENDANCE_SIGN_CLOSED;
	case ATTENDANCE_WINDOW_OPEN:
		break;
	}
	switch (attendance_code_check(key, half_day_id, now, typed)) {
	case ATTENDANCE_CODE_OK:
		return ATTENDANCE_SIGN_OK;
	case ATTENDANCE_CODE_WRONG:
		return ATTENDANCE_SIGN_WRONG_CODE;
	case ATTENDANCE_CODE_MALFORMED:
		break;
	}
	return ATTENDANCE_SIGN_MALFORMED;
}

static const char *const sign_messages[ATTENDANCE_SIGN_COUNT] = {
	[ATTENDANCE_SIGN_OK] = "Votre présence est enregistrée.",
	[ATTENDANCE_SIGN_ALREADY] = "Vous avez déjà signé pour cette demi-journée.",
	[ATTENDANCE_SIGN_NOT_YET] =
		"La signature ouvre 15 minutes avant le début de la demi-journée.",
	[ATTENDANCE_SIGN_CLOSED] =
		"La demi-journée est terminée : la signature électronique est fermée. "
		"Adressez-vous au formateur.",
	[ATTENDANCE_SIGN_MALFORMED] =
		"Le code comporte six chiffres : saisissez celui qu'affiche l'écran du formateur.",
	[ATTENDANCE_SIGN_WRONG_CODE] =
		"Ce code n'est pas le bon ou a expiré : saisissez celui qu'affiche l'écran "
		"du formateur maintenant.",
};

const char *attendance_sign_message_fr(enum attendance_sign s)
{
	return (int)s >= 0 && (int)s < ATTENDANCE_SIGN_COUNT ? sign_messages[s] : NULL;
}

/* --------------------------------------------------------------- events */

static const char *const kind_names[ATTENDANCE_KIND_COUNT] = {
	"signature", "retard", "depart_anticipe", "absence", "certification",
};
static const char *const method_names[ATTENDANCE_METHOD_COUNT] = {
	"electronique", "papier", "formateur",
};
static const char *const method_labels[ATTENDANCE_METHOD_COUNT] = {
	"Signature électronique", "Feuille papier", "Par le formateur",
};

static int name_index(const char *s, const char *const *names, int count)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < count; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *attendance_kind_name(enum attendance_kind k)
{
	return (int)k >= 0 && (int)k < ATTENDANCE_KIND_COUNT ? kind_names[k] : NULL;
}

int attendance_kind_parse(const char *s, enum attendance_kind *out)
{
	int i = name_index(s, kind_names, ATTENDANCE_KIND_COUNT);
	if (i < 0)
		return -1;
	if (out)
		*out = (enum attendance_kind)i;
	return 0;
}

const char *attendance_method_name(enum attendance_method m)
{
	return (int)m >= 0 && (int)m < ATTENDANCE_METHOD_COUNT ? method_names[m] : NULL;
}

int attendance_method_parse(const char *s, enum attendance_method *out)
{
	int i = name_index(s, method_names, ATTENDANCE_METHOD_COUNT);
	if (i < 0)
		return -1;
	if (out)
		*out = (enum attendance_method)i;
	return 0;
}

const char *attendance_method_label_fr(enum attendance_method m)
{
	return (int)m >= 0 && (int)m < ATTENDANCE_METHOD_COUNT ? method_labels[m] : NULL;
}

const char *attendance_event_check(const struct attendance_event *e, int correcting)
{
	enum attendance_kind k;
	enum attendance_method m;
	if (e == NULL || attendance_kind_parse(e->kind, &k) != 0)
		return "Type d'événement d'émargement inconnu.";
	if (k == ATTENDANCE_CERTIFICATION ? e->registration_id != 0 : e->registration_id <= 0)
		return k == ATTENDANCE_CERTIFICATION
			? "La certification porte sur la demi-journée, pas sur une inscription."
			: "L'événement ne désigne aucune inscription.";
	if (half_day_id_parse(e->half_day_id, NULL, NULL) != 0)
		return "L'événement ne désigne aucune demi-journée.";
	if (k == ATTENDANCE_SIGNATURE) {
		if (attendance_method_parse(e->method, &m) != 0)
			return "Indiquez comment la présence a été signée (électronique, papier ou "
				"formateur).";
		if (m == ATTENDANCE_ELECTRONIQUE && (field_is_blank(e->ip) || field_is_blank(e->user_agent)))
			return "Une signature électronique garde l'adresse IP et le navigateur.";
	} else if (!field_is_blank(e->method)) {
		return "Seule une signature a une méthode.";
	}
	if (k == ATTENDANCE_RETARD || k == ATTENDANCE_DEPART_ANTICIPE) {
		if (e->minutes < 0 || e->minutes > SLOT_MAX_MINUTES)
			return "Le nombre de minutes n'est pas valide.";
	} else if (e->minutes != 0) {
		return "Seuls un retard ou un départ anticipé ont des minutes.";
	}
	if (field_is_blank(e->actor))
		return "L'événement ne dit pas qui l'a enregistré.";
	if (correcting && field_is_blank(e->reason))
		return "Une correction d'une demi-journée certifiée demande une raison.";
	return NULL;
}

/* The canonical text goes to a sink: a buffer (attendance_event_canonical)
 * or a hash state (attendance_hash), so that both read the same bytes. */
struct sink {
	char *buf;
	size_t size, len;
	crypto_generichash_state *h;
};

static void sink_put(struct sink *s, const void *p, size_t n)
{
	if (s->h)
		crypto_generichash_update(s->h, p, n);
	if (s->buf && s->len < s->size) {
		size_t room = s->size - s->len;
		memcpy(s->buf + s->len, p, n < room ? n : room);
	}
	s->len += n;
}

static void sink_field(struct sink *s, const char *name, const char *value, size_t vlen)
{
	char head[48];
	int n = snprintf(head, sizeof(head), "%s=%zu:", name, vlen);
	sink_put(s, head, (size_t)n);
	sink_put(s, value, vlen);
	sink_put(s, "\n", 1);
}

static void sink_str(struct sink *s, const char *name, const char *value)
{
	value = str_or_empty(value);
	sink_field(s, name, value, strlen(value));
}

static void sink_int(struct sink *s, const char *name, long long v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", v);
	sink_field(s, name, num, (size_t)n);
}

static const char canonical_head[] = "EGOC attendance event v1\n";

static void canonical(struct sink *s, const struct attendance_event *e, const char *prev)
{
	sink_put(s, canonical_head, sizeof(canonical_head) - 1);
	sink_int(s, "id", e->id);
	sink_int(s, "session_id", e->session_id);
	sink_int(s, "registration_id", e->registration_id);
	sink_str(s, "half_day_id", e->half_day_id);
	sink_str(s, "kind", e->kind);
	sink_str(s, "method", e->method);
	sink_int(s, "instant", e->instant);
	sink_int(s, "minutes", e->minutes);
	sink_str(s, "actor", e->actor);
	sink_str(s, "reason", e->reason);
	sink_str(s, "ip", e->ip);
	sink_str(s, "user_agent", e->user_agent);
	sink_str(s, "prev_hash", prev);
}

size_t attendance_event_canonical(const struct attendance_event *e, const char *prev_hash,
		char *buf, size_t size)
{
	if (buf && size > 0)
		buf[0] = '\0';
	if (e == NULL)
		return 0;
	struct sink s = { .buf = size > 0 ? buf : NULL, .size = size > 0 ? size - 1 : 0 };
	canonical(&s, e, prev_hash);
	if (s.buf)
		s.buf[s.len < s.size ? s.len : s.size] = '\0';
	return s.len;
}

static int hash_hex_ok(const char *h)
{
	if (h == NULL)
		return 0;
	for (int i = 0; i < 64; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return h[64] == '\0';
}

int attendance_hash(const char *prev_hex, const struct attendance_event *e,
		char out_hex[ATTENDANCE_HASH_HEX])
{
	if (out_hex == NULL)
		return -1;
	out_hex[0] = '\0';
	prev_hex = str_or_empty(prev_hex);
	if (e == NULL || (*prev_hex != '\0' && !hash_hex_ok(prev_hex)))
		return -1;
	crypto_generichash_state st;
	unsigned char h[32];
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	struct sink s = { .h = &st };
	canonical(&s, e, prev_hex);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out_hex, ATTENDANCE_HASH_HEX, h, sizeof(h));
	return 0;
}

enum attendance_chain attendance_chain_verify(const struct attendance_event *events, size_t n,
		size_t *first_bad)
{
	char want[ATTENDANCE_HASH_HEX];
	if (n > 0 && events == NULL) {
		if (first_bad)
			*first_bad = 0;
		return ATTENDANCE_CHAIN_BROKEN;
	}
	for (size_t i = 0; i < n; i++) {
		const char *expected_prev = i == 0 ? "" : str_or_empty(events[i - 1].hash);
		const char *prev = str_or_empty(events[i].prev_hash);
		enum attendance_chain bad = ATTENDANCE_CHAIN_OK;
		if (strcmp(prev, expected_prev) != 0)
			bad = ATTENDANCE_CHAIN_BROKEN;
		else if (attendance_hash(expected_prev, &events[i], want) != 0
				|| strcmp(want, str_or_empty(events[i].hash)) != 0)
			bad = ATTENDANCE_CHAIN_CHANGED;
		if (bad != ATTENDANCE_CHAIN_OK) {
			if (first_bad)
				*first_bad = i;
			return bad;
		}
	}
	return ATTENDANCE_CHAIN_OK;
}

void attendance_fold(const struct attendance_event *events, size_t n, int64_t registration_id,
		const char *half_day_id, struct attendance_state *out)
{
	if (out == NULL)
		return;
	memset(out, 0, sizeof(*out));
	if (events == NULL || half_day_id == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct attendance_event *e = &events[i];
		enum attendance_kind k;
		if (e->registration_id != registration_id || e->half_day_id == NULL
				|| strcmp(e->half_day_id, half_day_id) != 0
				|| attendance_kind_parse(e->kind, &k) != 0)
			continue;
		switch (k) {
		case ATTENDANCE_SIGNATURE:
			out->present = 1;
			out->signed_ = 1;
			out->absent_marked = 0;
			break;
		case ATTENDANCE_ABSENCE:
			out->present = 0;
			out->absent_marked = 1;
			break;
		case ATTENDANCE_RETARD:
			out->late = e->minutes > 0 ? e->minutes : 0;
			break;
		case ATTENDANCE_DEPART_ANTICIPE:
			out->early = e->minutes > 0 ? e->minutes : 0;
			break;
		case ATTENDANCE_CERTIFICATION:
			break;
		}
	}
}

int attendance_half_day_certified(const struct attendance_event *events, size_t n,
		const char *half_day_id)
{
	if (events == NULL || half_day_id == NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (events[i].half_day_id && strcmp(events[i].half_day_id, half_day_id) == 0
				&& events[i].kind && strcmp(events[i].kind, "certification") == 0)
			return 1;
	return 0;
}

/* -------------------------------------------------- minutes and outcomes */

static const char *const outcome_names[ATTENDANCE_OUTCOME_COUNT] = {
	"presente", "partielle", "absente",
};
static const char *const outcome_labels[ATTENDANCE_OUTCOME_COUNT] = {
	"Présente", "Présence partielle", "Absente",
};

const char *attendance_outcome_name(enum attendance_outcome o)
{
	return (int)o >= 0 && (int)o < ATTENDANCE_OUTCOME_COUNT ? outcome_names[o] : NULL;
}

int attendance_outcome_parse(const char *s, enum attendance_outcome *out)
{
	int i = name_index(s, outcome_names, ATTENDANCE_OUTCOME_COUNT);
	if (i < 0)
		return -1;
	if (out)
		*out = (enum attendance_outcome)i;
	return 0;
}

const char *attendance_outcome_label_fr(enum attendance_outcome o)
{
	return (int)o >= 0 && (int)o < ATTENDANCE_OUTCOME_COUNT ? outcome_labels[o] : NULL;
}

int attendance_delay_read(const char *typed, int planned_min, int *out, const char **message_fr)
{
	static const char not_number[] = "Indiquez un nombre entier de minutes.";
	static const char too_long[] =
		"Le retard ou le départ anticipé ne peut dépasser la durée de la demi-journée.";
	if (message_fr)
		*message_fr = NULL;
	const char *p = typed ? typed : "";
	while (*p == ' ' || *p == '\t')
		p++;
	const char *q = p;
	long v = 0;
	int digits = 0;
	while (*q >= '0' && *q <= '9') {
		if (++digits > 5) {
			if (message_fr)
				*message_fr = too_long;
			return -1;
		}
		v = v * 10 + (*q - '0');
		q++;
	}
	while (*q == ' ' || *q == '\t')
		q++;
	if (*q != '\0') {
		if (message_fr)
			*message_fr = not_number;
		return -1;
	}
	if (v > planned_min || planned_min < 0) {
		if (message_fr)
			*message_fr = too_long;
		return -1;
	}
	if (out)
		*out = (int)v;
	return 0;
}

int attendance_half_day_attended(int planned_min, int present, int late, int early)
{
	if (planned_min < 0 || late < 0 || early < 0)
		return -1;
	if (!present)
		return 0;
	long long m = (long long)planned_min - late - early;
	return m > 0 ? (int)m : 0;
}

int attendance_total(const struct attendance_minutes *h, size_t n, int *planned, int *attended)
{
	long long p = 0, a = 0;
	if (n > 0 && h == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (h[i].planned < 0 || h[i].attended < 0 || h[i].attended > h[i].planned)
			return -1;
		p += h[i].planned;
		a += h[i].attended;
		if (p > INT_MAX)
			return -1;
	}
	if (planned)
		*planned = (int)p;
	if (attended)
		*attended = (int)a;
	return 0;
}

int attendance_outcome_of(int planned, int attended, enum attendance_outcome *out)
{
	if (planned <= 0 || attended < 0 || attended > planned || out == NULL)
		return -1;
	*out = attended == planned ? ATTENDANCE_PRESENTE
		: attended == 0 ? ATTENDANCE_ABSENTE : ATTENDANCE_PARTIELLE;
	return 0;
}

int attendance_duration_fr(int minutes, char *buf, size_t size)
{
	if (buf == NULL || size == 0)
		return -1;
	buf[0] = '\0';
	if (minutes < 0)
		return -1;
	int n;
	if (minutes < 60)
		n = snprintf(buf, size, "%d min", minutes);
	else if (minutes % 60 == 0)
		n = snprintf(buf, size, "%d h", minutes / 60);
	else
		n = snprintf(buf, size, "%d h %02d", minutes / 60, minutes % 60);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ anomalies */

int attendance_browser_fingerprint(const char *ip, const char *user_agent,
		char out_hex[ATTENDANCE_HASH_HEX])
{
	if (out_hex == NULL)
		return -1;
	crypto_generichash_state st;
	unsigned char h[32];
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	struct sink s = { .h = &st };
	static const char head[] = "EGOC browser v1\n";
	sink_put(&s, head, sizeof(head) - 1);
	sink_str(&s, "ip", ip);
	sink_str(&s, "user_agent", user_agent);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out_hex, ATTENDANCE_HASH_HEX, h, sizeof(h));
	return 0;
}

static int fp_set(const char *f)
{
	return f != NULL && *f != '\0';
}

/* How many distinct registrations signed with sigs[i]'s fingerprint; 0
 * when sigs[i] is not the first signature of that fingerprint (first_only)
 * or has none. */
static size_t participants_of(const struct attendance_signature *sigs, size_t n, size_t i,
		int first_only)
{
	const char *f = sigs[i].fingerprint;
	if (!fp_set(f))
		return 0;
	if (first_only)
		for (size_t j = 0; j < i; j++)
			if (fp_set(sigs[j].fingerprint) && strcmp(sigs[j].fingerprint, f) == 0)
				return 0;
	size_t count = 0;
	for (size_t j = 0; j < n; j++) {
		if (!fp_set(sigs[j].fingerprint) || strcmp(sigs[j].fingerprint, f) != 0)
			continue;
		/* Count registration j once: only at its first signature with f. */
		int seen = 0;
		for (size_t k = 0; k < j && !seen; k++)
			seen = fp_set(sigs[k].fingerprint) && strcmp(sigs[k].fingerprint, f) == 0
				&& sigs[k].registration_id == sigs[j].registration_id;
		if (!seen)
			count++;
	}
	return count;
}

size_t attendance_shared_browsers(const struct attendance_signature *sigs, size_t n,
		struct attendance_shared_browser *out, size_t cap)
{
	size_t found = 0;
	if (sigs == NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t c = participants_of(sigs, n, i, 1);
		if (c < 2)
			continue;
		if (out && found < cap) {
			out[found].first = i;
			out[found].participants = c;
		}
		found++;
	}
	return found;
}

void attendance_shared_browser_marks(const struct attendance_signature *sigs, size_t n,
		unsigned char *shared)
{
	if (sigs == NULL || shared == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		shared[i] = 0;
		const char *f = sigs[i].fingerprint;
		if (!fp_set(f))
			continue;
		for (size_t j = 0; j < n; j++)
			if (fp_set(sigs[j].fingerprint) && strcmp(sigs[j].fingerprint, f) == 0
					&& sigs[j].registration_id != sigs[i].registration_id) {
				shared[i] = 1;
				break;
			}
	}
}
