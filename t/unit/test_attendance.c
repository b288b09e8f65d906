/* The attendance rules: half-days, the rotating code and the signing
 * window, minutes and outcomes, the hash chain, shared browsers. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "rules/attendance.h"
#include "tap.h"

#define HM(h, m) ((h) * 60 + (m))

static const unsigned char key[ATTENDANCE_KEY_BYTES] = {
	1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
};

/* ------------------------------------------------------------ half-days */

static void test_half_days(void)
{
	struct half_day h[2];
	struct half_day_error err;
	enum half_day_kind k;

	tap_is_str(half_day_kind_name(HALF_DAY_MORNING), "matin", "morning is matin");
	tap_is_str(half_day_kind_name(HALF_DAY_AFTERNOON), "apres_midi", "afternoon is apres_midi");
	tap_ok(half_day_kind_name((enum half_day_kind)2) == NULL, "kind out of the enum has no name");
	tap_ok(half_day_kind_parse("apres_midi", &k) == 0 && k == HALF_DAY_AFTERNOON, "parse apres_midi");
	tap_ok(half_day_kind_parse("Matin", &k) != 0, "kind names are exact");
	tap_ok(half_day_kind_parse("journee", &k) != 0, "journee is not a half-day");
	tap_ok(half_day_kind_parse(NULL, &k) != 0, "NULL kind");
	tap_is_str(half_day_kind_label_fr(HALF_DAY_AFTERNOON), "Après-midi", "afternoon label");
	tap_is_str(half_day_kind_label_fr(HALF_DAY_MORNING), "Matin", "morning label");

	/* One half-day slots: their own times, the lunch fields ignored. */
	struct half_day_slot matin = { SLOT_MORNING, HM(9, 0), HM(12, 30), -5, 99999, 0 };
	tap_is_int(half_day_split(&matin, h, &err), 1, "a matin slot is one half-day");
	tap_ok(h[0].kind == HALF_DAY_MORNING && h[0].start_min == HM(9, 0) && h[0].end_min == HM(12, 30),
			"  a morning 9:00-12:30");
	tap_ok(err.field == NULL && err.message[0] == '\0', "  no error");
	tap_is_int(half_day_minutes(&h[0]), 210, "  of 210 minutes");
	struct half_day_slot pm = { SLOT_AFTERNOON, HM(13, 30), HM(17, 0), 0, 0, 0 };
	tap_is_int(half_day_split(&pm, h, NULL), 1, "an apres_midi slot is one half-day");
	tap_ok(h[0].kind == HALF_DAY_AFTERNOON && h[0].start_min == HM(13, 30) && h[0].end_min == HM(17, 0),
			"  an afternoon 13:30-17:00");

	/* A journee at the default break. */
	struct half_day_slot day = { SLOT_FULL_DAY, HM(9, 0), HM(17, 0),
		HALF_DAY_LUNCH_START_DEFAULT, HALF_DAY_LUNCH_END_DEFAULT, 0 };
	tap_is_int(half_day_split(&day, h, &err), 2, "a journee slot is two half-days");
	tap_ok(h[0].kind == HALF_DAY_MORNING && h[0].start_min == HM(9, 0) && h[0].end_min == HM(12, 30),
			"  morning 9:00-12:30");
	tap_ok(h[1].kind == HALF_DAY_AFTERNOON && h[1].start_min == HM(13, 30) && h[1].end_min == HM(17, 0),
			"  afternoon 13:30-17:00");
	tap_is_int(half_day_minutes(&h[0]) + half_day_minutes(&h[1]), 420, "  7 hours in all");

	/* A custom break. */
	day.lunch_start_min = HM(12, 0);
	day.lunch_end_min = HM(13, 15);
	tap_is_int(half_day_split(&day, h, &err), 2, "a journee with a 12:00-13:15 break");
	tap_ok(h[0].end_min == HM(12, 0) && h[1].start_min == HM(13, 15), "  split at 12:00 and 13:15");
	tap_is_int(half_day_minutes(&h[0]), 180, "  a 3-hour morning");
	tap_is_int(half_day_minutes(&h[1]), 225, "  a 3 h 45 afternoon");

	/* Cancelled slots have none. */
	day.cancelled = 1;
	tap_is_int(half_day_split(&day, h, &err), 0, "a cancelled journee has no half-day");
	matin.cancelled = 1;
	tap_is_int(half_day_split(&matin, h, &err), 0, "a cancelled matin has no half-day");

	/* A journee whose break is outside it. */
	struct half_day_slot short_day = { SLOT_FULL_DAY, HM(11, 0), HM(13, 15),
		HALF_DAY_LUNCH_START_DEFAULT, HALF_DAY_LUNCH_END_DEFAULT, 0 };
	tap_is_int(half_day_split(&short_day, h, &err), -1, "a journee 11:00-13:15 with the default break is refused");
	tap_is_str(err.field, "lunch_end", "  on the break's end");
	tap_is_str(err.message,
			"La pause de midi doit finir au moins 15 minutes avant la fin du créneau (13 h 15) ; "
			"elle finit à 13 h 30.", "  saying why, with the times");
	struct half_day_slot early_break = { SLOT_FULL_DAY, HM(9, 0), HM(17, 0), HM(8, 0), HM(8, 30), 0 };
	tap_is_int(half_day_split(&early_break, h, &err), -1, "a break before the slot is refused");
	tap_is_str(err.field, "lunch_start", "  on the break's start");
	tap_is_str(err.message,
			"La pause de midi doit commencer au moins 15 minutes après le début du créneau (9 h) ; "
			"elle commence à 8 h.", "  saying why");
	struct half_day_slot late_break = { SLOT_FULL_DAY, HM(9, 0), HM(17, 0), HM(17, 30), HM(18, 0), 0 };
	tap_is_int(half_day_split(&late_break, h, &err), -1, "a break after the slot is refused");
	tap_is_str(err.field, "lunch_end", "  on the break's end");
	struct half_day_slot bad_times = { SLOT_FULL_DAY, HM(17, 0), HM(9, 0), HM(12, 30), HM(13, 30), 0 };
	tap_is_int(half_day_split(&bad_times, h, &err), -1, "a slot ending before its start is refused");
	tap_is_str(err.field, "start", "  on the slot's start");
	bad_times.part = SLOT_MORNING;
	tap_is_int(half_day_split(&bad_times, h, &err), -1, "  also as a matin");
	struct half_day_slot out_of_day = { SLOT_MORNING, -1, HM(12, 0), 0, 0, 0 };
	tap_is_int(half_day_split(&out_of_day, h, &err), -1, "times outside the day are refused");
	out_of_day.start_min = HM(9, 0);
	out_of_day.end_min = 1440;
	tap_is_int(half_day_split(&out_of_day, h, &err), -1, "  1440 too");
	struct half_day_slot unknown = { (enum slot_part)7, HM(9, 0), HM(12, 0), 0, 0, 0 };
	tap_is_int(half_day_split(&unknown, h, &err), -1, "an unknown part is refused");
	tap_is_int(half_day_split(NULL, h, &err), -1, "no slot");
	tap_is_int(half_day_split(&pm, NULL, &err), -1, "no output");

	/* The break's edges: 15 minutes each side at least. */
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(9, 15), HM(16, 45), &err), 0,
			"a break leaving exactly 15 minutes each side is accepted");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(9, 14), HM(13, 0), &err), -1,
			"14 minutes before it is refused");
	tap_is_str(err.field, "lunch_start", "  on its start");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(12, 0), HM(16, 46), &err), -1,
			"14 minutes after it is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(9, 0), HM(10, 0), &err), -1,
			"a break starting with the slot is refused");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(16, 0), HM(17, 0), &err), -1,
			"a break ending with the slot is refused");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(12, 30), HM(12, 30), &err), -1,
			"a break of no length is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_str(err.message, "La fin de la pause de midi (12 h 30) doit être après son début (12 h 30).",
			"  saying why");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(13, 30), HM(12, 30), &err), -1,
			"a break ending before it starts is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), -1, HM(12, 30), &err), -1,
			"a break start outside the day is refused");
	tap_is_str(err.field, "lunch_start", "  on its start");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(12, 0), 1440, &err), -1,
			"a break end outside the day is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(9, 0), HM(12, 0), HM(13, 0), &err), -1,
			"an empty slot is refused");
	tap_is_str(err.field, "start", "  on the slot");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(12, 0), HM(13, 0), NULL), 0,
			"err may be NULL");
	tap_is_int(half_day_lunch_check(HM(9, 0), HM(17, 0), HM(2, 0), HM(3, 0), NULL), -1,
			"  when refusing too");

	/* The break as typed on the slot form. */
	int ls = -1, le = -1;
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "", "", &ls, &le, &err), 0,
			"an empty break is the default");
	tap_ok(ls == HM(12, 30) && le == HM(13, 30), "  12:30-13:30");
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), NULL, NULL, &ls, &le, &err), 0, "  NULL too");
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "12:00", "13:00", &ls, &le, &err), 0,
			"a typed break 12:00-13:00");
	tap_ok(ls == HM(12, 0) && le == HM(13, 0), "  read");
	ls = le = -1;
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "12:00", "", &ls, &le, &err), -1,
			"a break without an end is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_str(err.message, "Indiquez la fin de la pause de midi.", "  asking for it");
	tap_ok(ls == -1 && le == -1, "  outputs untouched");
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "", "13:00", &ls, &le, &err), -1,
			"a break without a start is refused");
	tap_is_str(err.field, "lunch_start", "  on its start");
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "12h", "13:00", &ls, &le, &err), -1,
			"a malformed start is refused");
	tap_is_str(err.field, "lunch_start", "  on its start");
	tap_ok(strstr(err.message, "HH:MM") != NULL, "  showing the format");
	tap_is_int(half_day_lunch_read(HM(9, 0), HM(17, 0), "12:00", "24:00", &ls, &le, &err), -1,
			"24:00 is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");
	tap_is_int(half_day_lunch_read(HM(11, 0), HM(13, 15), "", "", &ls, &le, &err), -1,
			"the default break outside a short journee is refused");
	tap_is_str(err.field, "lunch_end", "  on its end");

	/* Lengths and instants. */
	struct half_day bad = { HALF_DAY_MORNING, HM(12, 0), HM(9, 0) };
	tap_is_int(half_day_minutes(&bad), -1, "a reversed half-day has no length");
	tap_is_int(half_day_minutes(NULL), -1, "NULL has no length");
	struct half_day am = { HALF_DAY_MORNING, HM(9, 0), HM(12, 30) };
	int64_t s = 0, e = 0;
	struct civil_date winter = { 2026, 1, 15 }, summer = { 2026, 7, 15 };
	const int64_t winter_midnight_utc = cal_days_from_civil(winter) * 86400;
	const int64_t summer_midnight_utc = cal_days_from_civil(summer) * 86400;
	tap_is_int(half_day_instants(winter, &am, &s, &e), 0, "instants of a winter morning");
	tap_is_int(s, winter_midnight_utc + 8 * 3600, "  9:00 Paris is 8:00 UTC");
	tap_is_int(e, winter_midnight_utc + 11 * 3600 + 1800, "  12:30 Paris is 11:30 UTC");
	tap_is_int(half_day_instants(summer, &am, &s, &e), 0, "instants of a summer morning");
	tap_is_int(s, summer_midnight_utc + 7 * 3600, "  9:00 Paris is 7:00 UTC");
	struct civil_date nodate = { 2026, 2, 30 };
	s = e = 42;
	tap_is_int(half_day_instants(nodate, &am, &s, &e), -1, "no instants on 30 February");
	tap_ok(s == 42 && e == 42, "  outputs untouched");
	tap_is_int(half_day_instants(winter, &bad, &s, &e), -1, "no instants for a reversed half-day");

	/* Ids. */
	char id[HALF_DAY_ID_BUF];
	int64_t sid;
	tap_ok(half_day_id(42, HALF_DAY_MORNING, id, sizeof(id)) == 0, "id of slot 42's morning");
	tap_is_str(id, "42-matin", "  42-matin");
	tap_ok(half_day_id(42, HALF_DAY_AFTERNOON, id, sizeof(id)) == 0, "id of slot 42's afternoon");
	tap_is_str(id, "42-apres_midi", "  42-apres_midi");
	tap_ok(half_day_id(INT64_MAX, HALF_DAY_AFTERNOON, id, sizeof(id)) == 0, "the longest id fits");
	tap_ok(half_day_id_parse(id, &sid, &k) == 0 && sid == INT64_MAX && k == HALF_DAY_AFTERNOON,
			"  and parses back");
	tap_ok(half_day_id(0, HALF_DAY_MORNING, id, sizeof(id)) != 0 && id[0] == '\0', "slot 0 has no id");
	tap_ok(half_day_id(-3, HALF_DAY_MORNING, id, sizeof(id)) != 0, "nor a negative slot");
	tap_ok(half_day_id(42, (enum half_day_kind)5, id, sizeof(id)) != 0, "nor a kind out of the enum");
	tap_ok(half_day_id(42, HALF_DAY_MORNING, id, 8) != 0 && id[0] == '\0', "a small buffer is refused");
	tap_ok(half_day_id(42, HALF_DAY_MORNING, id, 9) == 0, "  9 bytes fit 42-matin");
	tap_ok(half_day_id_parse("42-matin", &sid, &k) == 0 && sid == 42 && k == HALF_DAY_MORNING,
			"parse 42-matin");
	tap_ok(half_day_id_parse("7-apres_midi", NULL, NULL) == 0, "outputs may be NULL");
	const char *bad_ids[] = { "", "042-matin", "0-matin", "-1-matin", "+1-matin", "42-soir", "42matin",
		"42-", "42-matin ", " 42-matin", "42-Matin", "9223372036854775808-matin",
		"99999999999999999999-matin", "a-matin", "42--matin", "42-journee" };
	for (size_t i = 0; i < sizeof(bad_ids) / sizeof(*bad_ids); i++) {
		sid = 5;
		tap_ok(half_day_id_parse(bad_ids[i], &sid, &k) != 0 && sid == 5, "id '%s' refused", bad_ids[i]);
	}
	tap_ok(half_day_id_parse(NULL, &sid, &k) != 0, "NULL id refused");
}

/* ------------------------------------------------------- rotating code */

static void test_code(void)
{
	char c[ATTENDANCE_CODE_BUF], d[ATTENDANCE_CODE_BUF];
	unsigned char mac[32];

	/* Windows. */
	tap_is_int(attendance_code_window(0), 0, "window of 0");
	tap_is_int(attendance_code_window(29), 0, "window of 29");
	tap_is_int(attendance_code_window(30), 1, "window of 30");
	tap_is_int(attendance_code_window(59), 1, "window of 59");
	tap_is_int(attendance_code_window(-1), -1, "window of -1 (floor)");
	tap_is_int(attendance_code_window(-30), -1, "window of -30");
	tap_is_int(attendance_code_window(-31), -2, "window of -31");
	tap_is_int(attendance_code_window(1780000000), 59333333, "window of a 2026 instant");
	tap_is_int(attendance_code_window(INT64_MIN), INT64_MIN / 30 - 1, "window of INT64_MIN");
	tap_is_int(attendance_code_seconds_left(0), 30, "30 s left at a window's start");
	tap_is_int(attendance_code_seconds_left(29), 1, "1 s left at its end");
	tap_is_int(attendance_code_seconds_left(45), 15, "15 s left in its middle");
	tap_is_int(attendance_code_seconds_left(-1), 1, "1 s left at -1");

	/* Digits from a MAC: bias rejection. */
	memset(mac, 0, sizeof(mac));
	attendance_code_digits(mac, c);
	tap_is_str(c, "000000", "a zero MAC gives 000000");
	memset(mac, 0xff, 4);
	mac[7] = 1;
	attendance_code_digits(mac, c);
	tap_is_str(c, "000001", "a first number of 2^32-1 is rejected, the second is used");
	memset(mac, 0, sizeof(mac));
	/* 4 293 999 999 = 0xFFF13D7F: the largest number kept. */
	mac[0] = 0xff; mac[1] = 0xf1; mac[2] = 0x3d; mac[3] = 0x7f;
	mac[4] = 0; mac[5] = 0x01; mac[6] = 0xe2; mac[7] = 0x40; /* 123 456 */
	attendance_code_digits(mac, c);
	tap_is_str(c, "999999", "4 293 999 999 is kept");
	/* 4 294 000 000 = 0xFFF13D80: the first rejected. */
	mac[3] = 0x80;
	attendance_code_digits(mac, c);
	tap_is_str(c, "123456", "4 294 000 000 is rejected, the next number is used");
	memset(mac, 0xff, 28);
	mac[28] = 0; mac[29] = 0; mac[30] = 0x03; mac[31] = 0xe7; /* 999 */
	attendance_code_digits(mac, c);
	tap_is_str(c, "000999", "the eighth number is used when the seven first are rejected");
	memset(mac, 0xff, sizeof(mac));
	attendance_code_digits(mac, c);
	tap_is_str(c, "967295", "all eight rejected: the first reduced anyway (4 294 967 295 mod 10^6)");

	/* The code is the documented HMAC. */
	const int64_t t0 = 1780000020; /* a window's first second: 59333334 * 30 */
	tap_is_int(t0 % 30, 0, "t0 starts a window");
	tap_ok(attendance_code(key, "42-matin", t0, c) == 0, "a code");
	{
		unsigned char msg[64];
		static const char dom[] = "EGOC attendance code v1";
		size_t n = 0;
		memcpy(msg, dom, sizeof(dom));
		n += sizeof(dom);
		memcpy(msg + n, "42-matin", 9);
		n += 9;
		uint64_t w = (uint64_t)(t0 / 30);
		for (int i = 7; i >= 0; i--)
			msg[n + (size_t)(7 - i)] = (unsigned char)(w >> (8 * i));
		n += 8;
		crypto_auth(mac, msg, n, key);
		attendance_code_digits(mac, d);
		tap_is_str(c, d, "  is digits(crypto_auth(domain NUL id NUL window))");
	}
	tap_is_int(strlen(c), 6, "  of six characters");
	tap_ok(strspn(c, "0123456789") == 6, "  all digits");
	tap_ok(attendance_code(key, "42-matin", t0 + 29, d) == 0 && strcmp(c, d) == 0,
			"the same code until 29 s");
	tap_ok(attendance_code(key, "42-matin", t0 + 30, d) == 0 && strcmp(c, d) != 0,
			"another at 30 s");
	tap_ok(attendance_code(key, "42-apres_midi", t0, d) == 0 && strcmp(c, d) != 0,
			"another half-day has another code");
	tap_ok(attendance_code(key, "43-matin", t0, d) == 0 && strcmp(c, d) != 0,
			"another slot has another code");
	unsigned char key2[ATTENDANCE_KEY_BYTES];
	memcpy(key2, key, sizeof(key2));
	key2[31] ^= 1;
	tap_ok(attendance_code(key2, "42-matin", t0, d) == 0 && strcmp(c, d) != 0,
			"another key gives another code");
	tap_ok(attendance_code(key, "42-matin", -45, d) == 0 && strlen(d) == 6, "a code before 1970");
	tap_ok(attendance_code(NULL, "42-matin", t0, d) != 0 && d[0] == '\0', "no key, no code");
	tap_ok(attendance_code(key, "", t0, d) != 0 && d[0] == '\0', "no half-day, no code");
	tap_ok(attendance_code(key, NULL, t0, d) != 0, "NULL half-day, no code");
	tap_ok(attendance_code(key, "42-matin", t0, NULL) != 0, "no output");

	/* Uniformity sanity: every position's digits about equally likely,
	 * two half-days rarely share a window's code. */
	enum { N = 20000 };
	int count[6][10];
	int same = 0, repeats = 0, bad = 0;
	char prev[ATTENDANCE_CODE_BUF] = "";
	memset(count, 0, sizeof(count));
	for (int i = 0; i < N; i++) {
		if (attendance_code(key, "42-matin", (int64_t)i * 30, c) != 0 || strlen(c) != 6
				|| strspn(c, "0123456789") != 6)
			bad++;
		for (int p = 0; p < 6; p++)
			count[p][c[p] - '0']++;
		if (i < 1000) {
			attendance_code(key, "42-apres_midi", (int64_t)i * 30, d);
			same += strcmp(c, d) == 0;
		}
		repeats += strcmp(c, prev) == 0;
		memcpy(prev, c, sizeof(prev));
	}
	tap_is_int(bad, 0, "%d codes, each six digits", N);
	int lo = N, hi = 0;
	for (int p = 0; p < 6; p++)
		for (int v = 0; v < 10; v++) {
			lo = count[p][v] < lo ? count[p][v] : lo;
			hi = count[p][v] > hi ? count[p][v] : hi;
		}
	/* Expected 2000 each, standard deviation about 42. */
	tap_ok(lo > 1700 && hi < 2300, "every digit at every position between 1700 and 2300 of %d (%d..%d)",
			N, lo, hi);
	tap_ok(same <= 2, "two half-days share a code in at most 2 windows of 1000 (%d)", same);
	tap_ok(repeats <= 2, "consecutive windows rarely repeat a code (%d)", repeats);
}

static void spaced(const char *code, char *out, const char *sep)
{
	snprintf(out, 64, "%.3s%s%.3s", code, sep, code + 3);
}

static void test_check(void)
{
	char c[ATTENDANCE_CODE_BUF], next[ATTENDANCE_CODE_BUF], before[ATTENDANCE_CODE_BUF];
	char typed[700], out[ATTENDANCE_CODE_BUF];
	const char *hd = "42-matin";
	const int64_t t0 = 1780000020;
	attendance_code(key, hd, t0, c);
	attendance_code(key, hd, t0 + 30, next);
	attendance_code(key, hd, t0 - 30, before);

	/* The edges of the windows. */
	tap_is_int(attendance_code_check(key, hd, t0, c), ATTENDANCE_CODE_OK, "accepted in its window");
	tap_is_int(attendance_code_check(key, hd, t0 + 29, c), ATTENDANCE_CODE_OK, "accepted at 29 s");
	tap_is_int(attendance_code_check(key, hd, t0 + 30, c), ATTENDANCE_CODE_OK,
			"accepted at 30 s (previous window)");
	tap_is_int(attendance_code_check(key, hd, t0 + 59, c), ATTENDANCE_CODE_OK,
			"accepted at 59 s (previous window)");
	tap_is_int(attendance_code_check(key, hd, t0 + 60, c), ATTENDANCE_CODE_WRONG,
			"refused at 60 s (the window before the previous)");
	tap_is_int(attendance_code_check(key, hd, t0 + 3600, c), ATTENDANCE_CODE_WRONG, "refused an hour later");
	tap_is_int(attendance_code_check(key, hd, t0 + 29, before), ATTENDANCE_CODE_OK,
			"the previous window's code is accepted to the end of the current one");
	tap_is_int(attendance_code_check(key, hd, t0 + 30, before), ATTENDANCE_CODE_WRONG,
			"  and refused after");
	tap_is_int(attendance_code_check(key, hd, t0 + 29, next), ATTENDANCE_CODE_WRONG,
			"the next window's code is refused (future)");
	tap_is_int(attendance_code_check(key, hd, t0 - 1, c), ATTENDANCE_CODE_WRONG,
			"a code is refused one second before its window");
	tap_is_int(attendance_code_check(key, "42-apres_midi", t0, c), ATTENDANCE_CODE_WRONG,
			"another half-day's code is refused");
	unsigned char key2[ATTENDANCE_KEY_BYTES];
	memcpy(key2, key, sizeof(key2));
	key2[0] ^= 0x80;
	tap_is_int(attendance_code_check(key2, hd, t0, c), ATTENDANCE_CODE_WRONG, "another key refuses it");
	char wrong[ATTENDANCE_CODE_BUF];
	memcpy(wrong, c, sizeof(wrong));
	wrong[5] = (char)('0' + (wrong[5] - '0' + 1) % 10);
	tap_is_int(attendance_code_check(key, hd, t0, wrong), ATTENDANCE_CODE_WRONG, "one digit off is refused");

	/* Typed with spaces. */
	spaced(c, typed, " ");
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "'%s' accepted", typed);
	spaced(c, typed, "\xc2\xa0");
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "with a no-break space");
	spaced(c, typed, "\xe2\x80\xaf");
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "with a narrow no-break space");
	spaced(c, typed, "\t");
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "with a tab");
	snprintf(typed, sizeof(typed), "  %.2s %.2s %.2s  ", c, c + 2, c + 4);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "'%s' accepted", typed);
	tap_ok(attendance_code_input(typed, hd, out) == ATTENDANCE_CODE_OK && strcmp(out, c) == 0,
			"  read as the six digits");

	/* Malformed. */
	const char *malformed[] = { "", "   ", "12345", "1234567", "12345a", "abcdef", "123-456",
		"123\n456", "１２３４５６", "123 45", "0x1234", "\xc2" "123456", "123456\xe2\x80" };
	for (size_t i = 0; i < sizeof(malformed) / sizeof(*malformed); i++) {
		tap_is_int(attendance_code_check(key, hd, t0, malformed[i]), ATTENDANCE_CODE_MALFORMED,
				"malformed input %zu", i);
		memset(out, 'x', sizeof(out));
		tap_ok(attendance_code_input(malformed[i], hd, out) == ATTENDANCE_CODE_MALFORMED && out[0] == '\0',
				"  read as nothing");
	}
	tap_is_int(attendance_code_check(key, hd, t0, NULL), ATTENDANCE_CODE_MALFORMED, "NULL input");
	tap_is_int(attendance_code_check(NULL, hd, t0, c), ATTENDANCE_CODE_MALFORMED, "no key");
	tap_is_int(attendance_code_check(key, "", t0, c), ATTENDANCE_CODE_MALFORMED, "no half-day");
	tap_is_int(attendance_code_check(key, NULL, t0, c), ATTENDANCE_CODE_MALFORMED, "NULL half-day");
	memset(typed, ' ', 600);
	memcpy(typed + 600, c, 7);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_MALFORMED,
			"input longer than %d bytes refused", ATTENDANCE_INPUT_MAX);
	memset(typed, ' ', ATTENDANCE_INPUT_MAX - 6);
	memcpy(typed + ATTENDANCE_INPUT_MAX - 6, c, 7);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK,
			"input of exactly %d bytes read", ATTENDANCE_INPUT_MAX);

	/* The QR text. */
	char qr[200];
	tap_ok(attendance_qr_text("https://formations.egoc.fr", hd, "123456", qr, sizeof(qr)) == 0,
			"a QR text");
	tap_is_str(qr, "https://formations.egoc.fr/emargement/42-matin?code=123456", "  the URL");
	tap_ok(attendance_qr_text("https://formations.egoc.fr//", hd, "123456", qr, sizeof(qr)) == 0,
			"trailing slashes of the base");
	tap_is_str(qr, "https://formations.egoc.fr/emargement/42-matin?code=123456", "  dropped");
	tap_ok(attendance_qr_text("", hd, "123456", qr, sizeof(qr)) != 0 && qr[0] == '\0', "no base refused");
	tap_ok(attendance_qr_text("/", hd, "123456", qr, sizeof(qr)) != 0, "a base of slashes refused");
	tap_ok(attendance_qr_text(NULL, hd, "123456", qr, sizeof(qr)) != 0, "NULL base refused");
	tap_ok(attendance_qr_text("https://x", "42 matin", "123456", qr, sizeof(qr)) != 0,
			"an id that is not URL-safe refused");
	tap_ok(attendance_qr_text("https://x", "42/matin", "123456", qr, sizeof(qr)) != 0, "  a slash too");
	tap_ok(attendance_qr_text("https://x", "", "123456", qr, sizeof(qr)) != 0, "an empty id refused");
	tap_ok(attendance_qr_text("https://x", hd, "12345", qr, sizeof(qr)) != 0, "a five-digit code refused");
	tap_ok(attendance_qr_text("https://x", hd, "12345a", qr, sizeof(qr)) != 0, "a code with a letter refused");
	tap_ok(attendance_qr_text("https://x", hd, NULL, qr, sizeof(qr)) != 0, "no code refused");
	tap_ok(attendance_qr_text("https://x", hd, "123456", qr, 41) != 0 && qr[0] == '\0',
			"a buffer one byte short refused");
	tap_ok(attendance_qr_text("https://x", hd, "123456", qr, 42) == 0, "  the exact size works");

	/* Scanned: the QR text read back. */
	attendance_qr_text("https://formations.egoc.fr", hd, c, qr, sizeof(qr));
	tap_is_int(attendance_code_check(key, hd, t0, qr), ATTENDANCE_CODE_OK, "the scanned QR text is accepted");
	tap_ok(attendance_code_input(qr, hd, out) == ATTENDANCE_CODE_OK && strcmp(out, c) == 0,
			"  read as its code");
	snprintf(typed, sizeof(typed), "  %s\r\n", qr);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "  with spaces and a newline");
	tap_is_int(attendance_code_check(key, hd, t0 + 60, qr), ATTENDANCE_CODE_WRONG, "  refused once expired");
	snprintf(typed, sizeof(typed), "http://localhost:8080/emargement/%s?code=%s", hd, c);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_OK, "  from any base");
	attendance_qr_text("https://formations.egoc.fr", "42-apres_midi", c, qr, sizeof(qr));
	tap_is_int(attendance_code_input(qr, hd, out), ATTENDANCE_CODE_WRONG,
			"the QR of another half-day is wrong, not malformed");
	tap_is_int(attendance_code_check(key, hd, t0, qr), ATTENDANCE_CODE_WRONG, "  and refused");
	snprintf(typed, sizeof(typed), "https://x/emargement/2-matin?code=%s", c);
	tap_is_int(attendance_code_check(key, hd, t0, typed), ATTENDANCE_CODE_WRONG,
			"  a suffix of the id does not pass (2-matin for 42-matin)");
	const char *bad_qr[] = {
		"https://x/emargement/42-matin?code=12345",
		"https://x/emargement/42-matin?code=1234567",
		"https://x/emargement/42-matin?code=12345a",
		"https://x/emargement/42-matin&code=123456",
		"https://x/emargements/42-matin?code=123456",
		"https://x/autre/42-matin?code=123456",
		"https://x/emargement/?code=123456",
		"emargement/42-matin?code=123456",
		"https://x/emargement/42 matin?code=123456",
		"/emargement/42-matin?code=123456 x",
	};
	for (size_t i = 0; i < sizeof(bad_qr) / sizeof(*bad_qr); i++)
		tap_is_int(attendance_code_input(bad_qr[i], hd, out), ATTENDANCE_CODE_MALFORMED,
				"'%s' is malformed", bad_qr[i]);
	tap_is_int(attendance_code_input("/emargement/42-matin?code=123456", hd, out), ATTENDANCE_CODE_OK,
			"the path alone is read");
	tap_is_str(out, "123456", "  its code");
	tap_is_int(attendance_code_input("https://x/emargement/42-matin?code=123456", NULL, out),
			ATTENDANCE_CODE_WRONG, "a QR text for no half-day is wrong");
	tap_is_int(attendance_code_input("123456", hd, NULL), ATTENDANCE_CODE_MALFORMED, "no output");
}

static void test_window(void)
{
	const int64_t s = 1780000000, e = s + 3 * 3600 + 1800;
	tap_is_int(attendance_signing_window(s, e, s - 15 * 60 - 1), ATTENDANCE_WINDOW_NOT_YET,
			"not yet 15 min 1 s before the start");
	tap_is_int(attendance_signing_window(s, e, s - 15 * 60), ATTENDANCE_WINDOW_OPEN,
			"open 15 min before the start");
	tap_is_int(attendance_signing_window(s, e, s), ATTENDANCE_WINDOW_OPEN, "open at the start");
	tap_is_int(attendance_signing_window(s, e, e - 1), ATTENDANCE_WINDOW_OPEN, "open 1 s before the end");
	tap_is_int(attendance_signing_window(s, e, e), ATTENDANCE_WINDOW_CLOSED, "closed at the end");
	tap_is_int(attendance_signing_window(s, e, e + 86400), ATTENDANCE_WINDOW_CLOSED, "closed the next day");
	tap_is_int(attendance_signing_window(s, s, s - 60), ATTENDANCE_WINDOW_CLOSED, "an empty half-day is closed");
	tap_is_int(attendance_signing_window(e, s, s), ATTENDANCE_WINDOW_CLOSED, "a reversed half-day is closed");
	tap_is_int(attendance_signing_window(INT64_MIN, INT64_MIN + 10, INT64_MIN), ATTENDANCE_WINDOW_OPEN,
			"no overflow at the lowest instant");

	/* Every rule at once. */
	const char *hd = "42-apres_midi";
	char c[ATTENDANCE_CODE_BUF];
	const int64_t now = s + 600;
	attendance_code(key, hd, now, c);
	tap_is_int(attendance_sign_check(key, hd, s, e, now, 0, c), ATTENDANCE_SIGN_OK, "a signature in time");
	tap_is_int(attendance_sign_check(key, hd, s, e, now, 1, c), ATTENDANCE_SIGN_ALREADY,
			"a second signature is a no-op");
	tap_is_int(attendance_sign_check(key, hd, s, e, e + 10, 1, "nimporte"), ATTENDANCE_SIGN_ALREADY,
			"  whatever the time or the code");
	attendance_code(key, hd, s - 1000, c);
	tap_is_int(attendance_sign_check(key, hd, s, e, s - 1000, 0, c), ATTENDANCE_SIGN_NOT_YET,
			"too early, with a right code");
	attendance_code(key, hd, e, c);
	tap_is_int(attendance_sign_check(key, hd, s, e, e, 0, c), ATTENDANCE_SIGN_CLOSED,
			"at the end, with a right code");
	tap_is_int(attendance_sign_check(key, hd, s, e, now, 0, "12"), ATTENDANCE_SIGN_MALFORMED, "malformed code");
	attendance_code(key, hd, now, c);
	c[0] = c[0] == '9' ? '0' : (char)(c[0] + 1);
	tap_is_int(attendance_sign_check(key, hd, s, e, now, 0, c), ATTENDANCE_SIGN_WRONG_CODE, "wrong code");
	attendance_code(key, hd, s - 900, c);
	tap_is_int(attendance_sign_check(key, hd, s, e, s - 900, 0, c), ATTENDANCE_SIGN_OK,
			"the first second of the window signs");
	attendance_code(key, hd, e - 1, c);
	tap_is_int(attendance_sign_check(key, hd, s, e, e - 1, 0, c), ATTENDANCE_SIGN_OK,
			"the last second too");
	for (int i = 0; i < ATTENDANCE_SIGN_COUNT; i++) {
		const char *m = attendance_sign_message_fr((enum attendance_sign)i);
		tap_ok(m && *m && m[strlen(m) - 1] == '.', "message %d is a French sentence", i);
	}
	tap_is_str(attendance_sign_message_fr(ATTENDANCE_SIGN_ALREADY),
			"Vous avez déjà signé pour cette demi-journée.", "the no-op says so calmly");
	tap_ok(attendance_sign_message_fr((enum attendance_sign)ATTENDANCE_SIGN_COUNT) == NULL,
			"no message out of the enum");
}

/* ------------------------------------------------- minutes and outcomes */

static void test_minutes(void)
{
	tap_is_int(attendance_half_day_attended(210, 1, 0, 0), 210, "present all along: 210");
	tap_is_int(attendance_half_day_attended(210, 1, 10, 0), 200, "10 min late: 200");
	tap_is_int(attendance_half_day_attended(210, 1, 0, 30), 180, "left 30 min early: 180");
	tap_is_int(attendance_half_day_attended(210, 1, 10, 30), 170, "both: 170");
	tap_is_int(attendance_half_day_attended(210, 1, 200, 10), 0, "late and early as long as the half-day: 0");
	tap_is_int(attendance_half_day_attended(210, 1, 200, 30), 0, "more: never below 0");
	tap_is_int(attendance_half_day_attended(210, 0, 0, 0), 0, "absent: 0");
	tap_is_int(attendance_half_day_attended(210, 0, 10, 0), 0, "absent, with a lateness recorded: 0");
	tap_is_int(attendance_half_day_attended(0, 1, 0, 0), 0, "a half-day of no length: 0");
	tap_is_int(attendance_half_day_attended(-1, 1, 0, 0), -1, "negative length refused");
	tap_is_int(attendance_half_day_attended(210, 1, -5, 0), -1, "negative lateness refused");
	tap_is_int(attendance_half_day_attended(210, 1, 0, -5), -1, "negative early departure refused");
	tap_is_int(attendance_half_day_attended(INT_MAX, 1, INT_MAX, INT_MAX), 0, "no overflow");

	/* Typed minutes. */
	int v = -1;
	const char *msg = "x";
	tap_ok(attendance_delay_read("", 210, &v, &msg) == 0 && v == 0 && msg == NULL, "empty is 0");
	tap_ok(attendance_delay_read(NULL, 210, &v, &msg) == 0 && v == 0, "NULL is 0");
	tap_ok(attendance_delay_read("  ", 210, &v, &msg) == 0 && v == 0, "blank is 0");
	tap_ok(attendance_delay_read("15", 210, &v, &msg) == 0 && v == 15, "15");
	tap_ok(attendance_delay_read(" 15 ", 210, &v, &msg) == 0 && v == 15, "' 15 '");
	tap_ok(attendance_delay_read("007", 210, &v, &msg) == 0 && v == 7, "007 is 7");
	tap_ok(attendance_delay_read("210", 210, &v, &msg) == 0 && v == 210, "the whole half-day");
	v = -1;
	tap_ok(attendance_delay_read("211", 210, &v, &msg) != 0 && v == -1, "one minute more is refused");
	tap_is_str(msg, "Le retard ou le départ anticipé ne peut dépasser la durée de la demi-journée.",
			"  saying why");
	tap_ok(attendance_delay_read("99999999999", 210, &v, &msg) != 0, "a huge number is refused");
	tap_is_str(msg, "Le retard ou le départ anticipé ne peut dépasser la durée de la demi-journée.",
			"  as too long");
	const char *not_numbers[] = { "-5", "+5", "1.5", "1,5", "abc", "15 min", "1 5", "0x10", "½" };
	for (size_t i = 0; i < sizeof(not_numbers) / sizeof(*not_numbers); i++) {
		msg = NULL;
		tap_ok(attendance_delay_read(not_numbers[i], 210, &v, &msg) != 0 && msg
				&& strcmp(msg, "Indiquez un nombre entier de minutes.") == 0,
				"'%s' is not a number of minutes", not_numbers[i]);
	}
	tap_ok(attendance_delay_read("5", 210, NULL, NULL) == 0, "outputs may be NULL");

	/* Sums. */
	struct attendance_minutes hs[] = { { 210, 210 }, { 210, 200 }, { 180, 0 }, { 225, 225 } };
	int p = -1, a = -1;
	tap_ok(attendance_total(hs, 4, &p, &a) == 0, "a participant's session");
	tap_is_int(p, 825, "  825 minutes planned");
	tap_is_int(a, 635, "  635 attended");
	tap_ok(attendance_total(hs, 0, &p, &a) == 0 && p == 0 && a == 0, "no half-day: 0 and 0");
	tap_ok(attendance_total(NULL, 0, &p, &a) == 0, "  with NULL");
	tap_ok(attendance_total(NULL, 2, &p, &a) != 0, "NULL with n > 0 refused");
	struct attendance_minutes over[] = { { 210, 211 } };
	p = a = -7;
	tap_ok(attendance_total(over, 1, &p, &a) != 0 && p == -7 && a == -7,
			"attended more than planned refused, outputs untouched");
	struct attendance_minutes neg[] = { { 210, 10 }, { -1, 0 } };
	tap_ok(attendance_total(neg, 2, &p, &a) != 0, "a negative length refused");
	struct attendance_minutes neg2[] = { { 210, -1 } };
	tap_ok(attendance_total(neg2, 1, &p, &a) != 0, "negative minutes refused");
	struct attendance_minutes big[] = { { INT_MAX, 0 }, { 1, 0 } };
	tap_ok(attendance_total(big, 2, &p, &a) != 0, "a sum beyond INT_MAX refused");
	tap_ok(attendance_total(hs, 4, NULL, NULL) == 0, "outputs may be NULL");

	/* Outcomes at the edges. */
	enum attendance_outcome o;
	tap_ok(attendance_outcome_of(420, 420, &o) == 0 && o == ATTENDANCE_PRESENTE, "all minutes: presente");
	tap_ok(attendance_outcome_of(420, 419, &o) == 0 && o == ATTENDANCE_PARTIELLE,
			"one minute short: partielle");
	tap_ok(attendance_outcome_of(420, 1, &o) == 0 && o == ATTENDANCE_PARTIELLE, "one minute: partielle");
	tap_ok(attendance_outcome_of(420, 0, &o) == 0 && o == ATTENDANCE_ABSENTE, "none: absente");
	tap_ok(attendance_outcome_of(1, 1, &o) == 0 && o == ATTENDANCE_PRESENTE, "1 of 1: presente");
	o = ATTENDANCE_PARTIELLE;
	tap_ok(attendance_outcome_of(0, 0, &o) != 0 && o == ATTENDANCE_PARTIELLE,
			"no planned minute: no outcome");
	tap_ok(attendance_outcome_of(420, 421, &o) != 0, "more than planned: refused");
	tap_ok(attendance_outcome_of(420, -1, &o) != 0, "negative: refused");
	tap_ok(attendance_outcome_of(-5, 0, &o) != 0, "negative planned: refused");
	tap_ok(attendance_outcome_of(420, 420, NULL) != 0, "no output");
	const char *names[] = { "presente", "partielle", "absente" };
	const char *labels[] = { "Présente", "Présence partielle", "Absente" };
	for (int i = 0; i < ATTENDANCE_OUTCOME_COUNT; i++) {
		tap_is_str(attendance_outcome_name((enum attendance_outcome)i), names[i], "outcome %d's name", i);
		tap_is_str(attendance_outcome_label_fr((enum attendance_outcome)i), labels[i], "  label");
		tap_ok(attendance_outcome_parse(names[i], &o) == 0 && (int)o == i, "  parsed");
	}
	tap_ok(attendance_outcome_name((enum attendance_outcome)3) == NULL, "no outcome name out of the enum");
	tap_ok(attendance_outcome_label_fr((enum attendance_outcome)-1) == NULL, "  nor label");
	tap_ok(attendance_outcome_parse("Presente", &o) != 0, "outcome names are exact");
	tap_ok(attendance_outcome_parse(NULL, &o) != 0, "NULL outcome");

	/* French durations. */
	struct { int m; const char *want; } durs[] = {
		{ 0, "0 min" }, { 1, "1 min" }, { 45, "45 min" }, { 59, "59 min" }, { 60, "1 h" },
		{ 61, "1 h 01" }, { 305, "5 h 05" }, { 330, "5 h 30" }, { 420, "7 h" }, { 419, "6 h 59" },
		{ 6000, "100 h" }, { 6045, "100 h 45" }, { INT_MAX, "35791394 h 07" },
	};
	char buf[ATTENDANCE_DURATION_BUF];
	for (size_t i = 0; i < sizeof(durs) / sizeof(*durs); i++) {
		int r = attendance_duration_fr(durs[i].m, buf, sizeof(buf));
		tap_ok(r == 0 && strcmp(buf, durs[i].want) == 0, "duration %d as '%s'", durs[i].m, durs[i].want);
		if (r != 0 || strcmp(buf, durs[i].want) != 0)
			printf("#   got: '%s'\n", buf);
	}
	tap_ok(attendance_duration_fr(-1, buf, sizeof(buf)) != 0 && buf[0] == '\0', "a negative duration refused");
	tap_ok(attendance_duration_fr(330, buf, 6) != 0 && buf[0] == '\0', "a small buffer refused");
	tap_ok(attendance_duration_fr(330, buf, 7) == 0, "  the exact size works");
	tap_ok(attendance_duration_fr(330, NULL, 0) != 0, "no buffer");
}

/* --------------------------------------------------------- the chain */

enum { CHAIN_N = 6 };

/* Copies of strings the tests change. */
struct ev_store {
	struct attendance_event ev[CHAIN_N];
	char hash[CHAIN_N][ATTENDANCE_HASH_HEX];
	char prev[CHAIN_N][ATTENDANCE_HASH_HEX];
};

static void chain_build(struct ev_store *st)
{
	static const struct attendance_event base[CHAIN_N] = {
		{ 1, 7, 11, "42-matin", "signature", "electronique", 1780000100, 0, "participant", "",
			"192.0.2.10", "Mozilla/5.0 (Android)", NULL, NULL },
		{ 2, 7, 12, "42-matin", "signature", "papier", 1780000200, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 3, 7, 12, "42-matin", "retard", "", 1780000300, 15, "formateur:3", "", "", "", NULL, NULL },
		{ 4, 7, 13, "42-matin", "absence", "", 1780000400, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 5, 7, 0, "42-matin", "certification", "", 1780012000, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 6, 7, 13, "42-matin", "signature", "formateur", 1780090000, 0, "admin:1",
			"Arrivée à 10 h, feuille papier retrouvée", "", "", NULL, NULL },
	};
	for (int i = 0; i < CHAIN_N; i++) {
		st->ev[i] = base[i];
		snprintf(st->prev[i], sizeof(st->prev[i]), "%s", i == 0 ? "" : st->hash[i - 1]);
		st->ev[i].prev_hash = st->prev[i];
		attendance_hash(st->prev[i], &st->ev[i], st->hash[i]);
		st->ev[i].hash = st->hash[i];
	}
}

#define FIELD_COUNT 14
static const char *const field_names[FIELD_COUNT] = {
	"id", "session_id", "registration_id", "half_day_id", "kind", "method", "instant", "minutes",
	"actor", "reason", "ip", "user_agent", "prev_hash", "hash",
};

/* Changes field f of event e, as a person editing the table would. */
static void tamper(struct ev_store *st, int i, int f)
{
	struct attendance_event *e = &st->ev[i];
	switch (f) {
	case 0: e->id += 100; break;
	case 1: e->session_id = 8; break;
	case 2: e->registration_id += 1; break;
	case 3: e->half_day_id = "42-apres_midi"; break;
	case 4: e->kind = strcmp(e->kind, "absence") == 0 ? "signature" : "absence"; break;
	case 5: e->method = strcmp(e->method, "papier") == 0 ? "electronique" : "papier"; break;
	case 6: e->instant -= 1; break;
	case 7: e->minutes += 5; break;
	case 8: e->actor = "admin:2"; break;
	case 9: e->reason = "autre raison"; break;
	case 10: e->ip = "198.51.100.7"; break;
	case 11: e->user_agent = "curl/8.0"; break;
	case 12: st->prev[i][0] = st->prev[i][0] == 'a' ? 'b' : 'a'; st->prev[i][1] = '\0'; break;
	case 13: st->hash[i][10] = st->hash[i][10] == '0' ? '1' : '0'; break;
	}
}

static void test_chain(void)
{
	struct ev_store st, t;
	size_t bad = 99;

	chain_build(&st);
	tap_is_int(attendance_chain_verify(st.ev, CHAIN_N, &bad), ATTENDANCE_CHAIN_OK, "a chain of %d verifies",
			CHAIN_N);
	tap_is_int(bad, 99, "  first_bad untouched");
	tap_is_int(attendance_chain_verify(NULL, 0, &bad), ATTENDANCE_CHAIN_OK, "an empty chain verifies");
	tap_is_int(attendance_chain_verify(st.ev, 0, NULL), ATTENDANCE_CHAIN_OK, "  first_bad may be NULL");
	tap_is_int(attendance_chain_verify(NULL, 3, &bad), ATTENDANCE_CHAIN_BROKEN, "NULL events with n > 0");
	tap_is_int(strlen(st.hash[0]), 64, "a hash is 64 characters");
	tap_ok(strspn(st.hash[0], "0123456789abcdef") == 64, "  lowercase hex");
	tap_ok(strcmp(st.hash[0], st.hash[1]) != 0, "  distinct per event");

	/* Any change of any field of any event is found, at its index. */
	int all_found = 1;
	for (int i = 0; i < CHAIN_N; i++)
		for (int f = 0; f < FIELD_COUNT; f++) {
			memcpy(&t, &st, sizeof(t));
			for (int j = 0; j < CHAIN_N; j++) {
				t.ev[j].prev_hash = t.prev[j];
				t.ev[j].hash = t.hash[j];
			}
			tamper(&t, i, f);
			bad = 99;
			enum attendance_chain r = attendance_chain_verify(t.ev, CHAIN_N, &bad);
			enum attendance_chain want = f == 12 ? ATTENDANCE_CHAIN_BROKEN : ATTENDANCE_CHAIN_CHANGED;
			if (r != want || bad != (size_t)i) {
				all_found = 0;
				tap_ok(0, "event %d, field %s: got %d at %zu", i, field_names[f], (int)r, bad);
			}
		}
	tap_ok(all_found, "a change in any of the %d fields of any of the %d events is found at its index",
			FIELD_COUNT, CHAIN_N);

	/* Removed, inserted, reordered. */
	memcpy(&t, &st, sizeof(t));
	for (int j = 0; j < CHAIN_N; j++) {
		t.ev[j].prev_hash = t.prev[j];
		t.ev[j].hash = t.hash[j];
	}
	struct attendance_event gap[CHAIN_N - 1];
	for (int j = 0, k = 0; j < CHAIN_N; j++)
		if (j != 2)
			gap[k++] = t.ev[j];
	tap_is_int(attendance_chain_verify(gap, CHAIN_N - 1, &bad), ATTENDANCE_CHAIN_BROKEN, "a removed event");
	tap_is_int(bad, 2, "  shows where it was");
	tap_is_int(attendance_chain_verify(t.ev + 1, CHAIN_N - 1, &bad), ATTENDANCE_CHAIN_BROKEN,
			"the first event removed");
	tap_is_int(bad, 0, "  shows at 0");
	struct attendance_event swapped[CHAIN_N];
	memcpy(swapped, t.ev, sizeof(swapped));
	swapped[3] = t.ev[4];
	swapped[4] = t.ev[3];
	tap_is_int(attendance_chain_verify(swapped, CHAIN_N, &bad), ATTENDANCE_CHAIN_BROKEN, "two events swapped");
	tap_is_int(bad, 3, "  shows at the first");
	tap_is_int(attendance_chain_verify(t.ev, 3, &bad), ATTENDANCE_CHAIN_OK,
			"a chain cut at its end still verifies (the store keeps the count)");

	/* Rewritten with its hash recomputed: shows at the next event. */
	struct ev_store r;
	memcpy(&r, &st, sizeof(r));
	for (int j = 0; j < CHAIN_N; j++) {
		r.ev[j].prev_hash = r.prev[j];
		r.ev[j].hash = r.hash[j];
	}
	r.ev[2].minutes = 1;
	attendance_hash(r.prev[2], &r.ev[2], r.hash[2]);
	tap_is_int(attendance_chain_verify(r.ev, CHAIN_N, &bad), ATTENDANCE_CHAIN_BROKEN,
			"an event rewritten with a recomputed hash");
	tap_is_int(bad, 3, "  shows at the next event");

	/* The canonical text. */
	char text[1024];
	size_t n = attendance_event_canonical(&st.ev[1], "", text, sizeof(text));
	tap_is_str(text,
			"EGOC attendance event v1\n"
			"id=1:2\n" "session_id=1:7\n" "registration_id=2:12\n" "half_day_id=8:42-matin\n"
			"kind=9:signature\n" "method=6:papier\n" "instant=10:1780000200\n" "minutes=1:0\n"
			"actor=11:formateur:3\n" "reason=0:\n" "ip=0:\n" "user_agent=0:\n" "prev_hash=0:\n",
			"the canonical text of an event");
	tap_is_int(n, strlen(text), "  its length returned");
	unsigned char h[32];
	char hex[ATTENDANCE_HASH_HEX], mine[ATTENDANCE_HASH_HEX];
	crypto_generichash(h, sizeof(h), (const unsigned char *)text, n, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	attendance_hash("", &st.ev[1], mine);
	tap_is_str(mine, hex, "the hash is BLAKE2b-256 of the canonical text");
	n = attendance_event_canonical(&st.ev[1], st.hash[0], text, sizeof(text));
	tap_ok(strstr(text, "prev_hash=64:") != NULL && strstr(text, st.hash[0]) != NULL,
			"  prev_hash is in the text");
	crypto_generichash(h, sizeof(h), (const unsigned char *)text, n, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	attendance_hash(st.hash[0], &st.ev[1], mine);
	tap_is_str(mine, hex, "  and hashed");
	char small[10];
	size_t full = attendance_event_canonical(&st.ev[1], "", NULL, 0);
	tap_is_int(attendance_event_canonical(&st.ev[1], "", small, sizeof(small)), full,
			"a small buffer gets the full length");
	tap_is_str(small, "EGOC atte", "  and the text cut, NUL-terminated");
	tap_is_int(attendance_event_canonical(NULL, "", small, sizeof(small)), 0, "no event, no text");

	/* No ambiguity: the lengths keep fields apart. */
	struct attendance_event a = st.ev[1], b = st.ev[1];
	char ha[ATTENDANCE_HASH_HEX], hb[ATTENDANCE_HASH_HEX];
	a.actor = "ab"; a.reason = "";
	b.actor = "a"; b.reason = "b";
	attendance_hash("", &a, ha);
	attendance_hash("", &b, hb);
	tap_ok(strcmp(ha, hb) != 0, "moving a byte from one field to the next changes the hash");
	a.actor = "x\nreason=0:";
	a.reason = "";
	b.actor = "x";
	b.reason = "";
	attendance_hash("", &a, ha);
	attendance_hash("", &b, hb);
	tap_ok(strcmp(ha, hb) != 0, "a value that looks like a field does not pass for one");
	a = st.ev[1];
	a.reason = NULL;
	a.ip = NULL;
	a.user_agent = NULL;
	attendance_hash("", &a, ha);
	attendance_hash("", &st.ev[1], hb);
	tap_is_str(ha, hb, "NULL strings read as empty");
	attendance_hash(NULL, &st.ev[1], ha);
	tap_is_str(ha, hb, "a NULL prev_hash is the first event's");
	a = st.ev[1];
	a.id = -2;
	attendance_event_canonical(&a, "", text, sizeof(text));
	tap_ok(strstr(text, "\nid=2:-2\n") != NULL, "negative numbers are written with their sign");

	/* Bad previous hashes. */
	char upper[ATTENDANCE_HASH_HEX];
	snprintf(upper, sizeof(upper), "%s", st.hash[0]);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	const char *bad_prev[] = { "xyz", "abc", upper, "0" };
	for (size_t i = 0; i < sizeof(bad_prev) / sizeof(*bad_prev); i++)
		tap_ok(attendance_hash(bad_prev[i], &st.ev[1], ha) != 0 && ha[0] == '\0',
				"previous hash '%.8s' refused", bad_prev[i]);
	char longer[80];
	snprintf(longer, sizeof(longer), "%s0", st.hash[0]);
	tap_ok(attendance_hash(longer, &st.ev[1], ha) != 0, "a 65-digit previous hash refused");
	tap_ok(attendance_hash("", NULL, ha) != 0, "no event");
	tap_ok(attendance_hash("", &st.ev[1], NULL) != 0, "no output");
}

/* ---------------------------------------------- event checks and folds */

static void test_events(void)
{
	const char *names[] = { "signature", "retard", "depart_anticipe", "absence", "certification" };
	for (int i = 0; i < ATTENDANCE_KIND_COUNT; i++) {
		enum attendance_kind k;
		tap_is_str(attendance_kind_name((enum attendance_kind)i), names[i], "kind %d's name", i);
		tap_ok(attendance_kind_parse(names[i], &k) == 0 && (int)k == i, "  parsed");
	}
	tap_ok(attendance_kind_name((enum attendance_kind)ATTENDANCE_KIND_COUNT) == NULL, "no kind out of the enum");
	tap_ok(attendance_kind_parse("correction", NULL) != 0, "correction is not a kind");
	const char *methods[] = { "electronique", "papier", "formateur" };
	for (int i = 0; i < ATTENDANCE_METHOD_COUNT; i++) {
		enum attendance_method m;
		tap_is_str(attendance_method_name((enum attendance_method)i), methods[i], "method %d's name", i);
		tap_ok(attendance_method_parse(methods[i], &m) == 0 && (int)m == i, "  parsed");
		tap_ok(attendance_method_label_fr((enum attendance_method)i) != NULL, "  labelled");
	}
	tap_is_str(attendance_method_label_fr(ATTENDANCE_ELECTRONIQUE), "Signature électronique", "electronic label");
	tap_ok(attendance_method_name((enum attendance_method)3) == NULL, "no method out of the enum");
	tap_ok(attendance_method_parse("Papier", NULL) != 0, "method names are exact");

	struct attendance_event e = { 1, 7, 11, "42-matin", "signature", "electronique", 1780000100, 0,
		"participant", "", "192.0.2.10", "Mozilla/5.0", NULL, NULL };
	tap_ok(attendance_event_check(&e, 0) == NULL, "an electronic signature is right");
	e.ip = "";
	tap_ok(attendance_event_check(&e, 0) != NULL, "  not without an IP");
	e.ip = "192.0.2.10";
	e.user_agent = NULL;
	tap_is_str(attendance_event_check(&e, 0), "Une signature électronique garde l'adresse IP et le navigateur.",
			"  nor without a browser");
	e.user_agent = "";
	e.ip = "";
	e.method = "papier";
	tap_ok(attendance_event_check(&e, 0) == NULL, "a paper signature needs neither");
	e.method = "";
	tap_ok(attendance_event_check(&e, 0) != NULL, "a signature needs a method");
	e.method = "courriel";
	tap_ok(attendance_event_check(&e, 0) != NULL, "  a known one");
	e.method = "papier";
	e.registration_id = 0;
	tap_ok(attendance_event_check(&e, 0) != NULL, "a signature needs a registration");
	e.registration_id = 11;
	e.half_day_id = "42";
	tap_ok(attendance_event_check(&e, 0) != NULL, "and a half-day");
	e.half_day_id = "42-matin";
	e.actor = " ";
	tap_ok(attendance_event_check(&e, 0) != NULL, "and an actor");
	e.actor = "admin:1";
	tap_ok(attendance_event_check(&e, 1) != NULL, "a correction needs a reason");
	tap_is_str(attendance_event_check(&e, 1), "Une correction d'une demi-journée certifiée demande une raison.",
			"  saying so");
	e.reason = "Feuille retrouvée";
	tap_ok(attendance_event_check(&e, 1) == NULL, "  and passes with one");
	e.minutes = 5;
	tap_ok(attendance_event_check(&e, 0) != NULL, "a signature has no minutes");
	e.minutes = 0;

	struct attendance_event late = { 2, 7, 11, "42-matin", "retard", "", 1780000100, 15,
		"formateur:3", "", "", "", NULL, NULL };
	tap_ok(attendance_event_check(&late, 0) == NULL, "15 minutes late is right");
	late.minutes = 0;
	tap_ok(attendance_event_check(&late, 0) == NULL, "  0 (corrected away) too");
	late.minutes = -1;
	tap_ok(attendance_event_check(&late, 0) != NULL, "  not -1");
	late.minutes = SLOT_MAX_MINUTES + 1;
	tap_ok(attendance_event_check(&late, 0) != NULL, "  nor more than a slot");
	late.minutes = 10;
	late.method = "papier";
	tap_ok(attendance_event_check(&late, 0) != NULL, "  nor with a method");
	late.method = NULL;
	late.kind = "depart_anticipe";
	tap_ok(attendance_event_check(&late, 0) == NULL, "an early departure with NULL method is right");
	late.kind = "absence";
	tap_ok(attendance_event_check(&late, 0) != NULL, "an absence has no minutes");
	late.minutes = 0;
	tap_ok(attendance_event_check(&late, 0) == NULL, "  and is right without");
	late.kind = "certification";
	tap_ok(attendance_event_check(&late, 0) != NULL, "a certification has no registration");
	late.registration_id = 0;
	tap_ok(attendance_event_check(&late, 0) == NULL, "  and is right without");
	late.kind = "oubli";
	tap_ok(attendance_event_check(&late, 0) != NULL, "an unknown kind is refused");
	tap_ok(attendance_event_check(NULL, 0) != NULL, "no event");

	/* Folds: the latest wins. */
	struct attendance_event evs[] = {
		{ 1, 7, 11, "42-matin", "signature", "electronique", 100, 0, "participant", "", "ip", "ua", NULL, NULL },
		{ 2, 7, 11, "42-matin", "retard", "", 200, 10, "formateur:3", "", "", "", NULL, NULL },
		{ 3, 7, 12, "42-matin", "signature", "papier", 250, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 4, 7, 11, "42-apres_midi", "absence", "", 260, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 5, 7, 11, "42-matin", "absence", "", 300, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 6, 7, 0, "42-matin", "certification", "", 400, 0, "formateur:3", "", "", "", NULL, NULL },
		{ 7, 7, 11, "42-matin", "signature", "formateur", 500, 0, "admin:1", "erreur", "", "", NULL, NULL },
		{ 8, 7, 11, "42-matin", "depart_anticipe", "", 600, 20, "admin:1", "erreur", "", "", NULL, NULL },
		{ 9, 7, 11, "42-matin", "retard", "", 700, 0, "admin:1", "erreur", "", "", NULL, NULL },
		{ 10, 7, 11, "42-matin", "inconnu", "", 800, 0, "admin:1", "", "", "", NULL, NULL },
	};
	const size_t n = sizeof(evs) / sizeof(*evs);
	struct attendance_state s;
	attendance_fold(evs, 2, 11, "42-matin", &s);
	tap_ok(s.present && s.signed_ && !s.absent_marked && s.late == 10 && s.early == 0,
			"signed, then 10 minutes late");
	attendance_fold(evs, 5, 11, "42-matin", &s);
	tap_ok(!s.present && s.signed_ && s.absent_marked && s.late == 10, "then marked absent");
	attendance_fold(evs, n, 11, "42-matin", &s);
	tap_ok(s.present && s.signed_ && !s.absent_marked && s.late == 0 && s.early == 20,
			"then corrected: present, no lateness, 20 minutes early (unknown kinds skipped)");
	attendance_fold(evs, n, 11, "42-apres_midi", &s);
	tap_ok(!s.present && !s.signed_ && s.absent_marked, "another half-day is its own");
	attendance_fold(evs, n, 12, "42-matin", &s);
	tap_ok(s.present && s.signed_ && s.late == 0, "another participant is theirs");
	attendance_fold(evs, n, 13, "42-matin", &s);
	tap_ok(!s.present && !s.signed_ && !s.absent_marked, "nothing recorded: not present");
	attendance_fold(NULL, 0, 13, "42-matin", &s);
	tap_ok(!s.present && !s.signed_, "no event");
	attendance_fold(evs, n, 11, NULL, NULL);
	tap_ok(1, "no output, no crash");
	tap_ok(attendance_half_day_certified(evs, n, "42-matin") == 1, "the morning is certified");
	tap_ok(attendance_half_day_certified(evs, 5, "42-matin") == 0, "  not before its certification");
	tap_ok(attendance_half_day_certified(evs, n, "42-apres_midi") == 0, "the afternoon is not");
	tap_ok(attendance_half_day_certified(NULL, 0, "42-matin") == 0, "no event");
}

/* ------------------------------------------------------------ anomalies */

static void test_anomalies(void)
{
	char fa[ATTENDANCE_HASH_HEX], fb[ATTENDANCE_HASH_HEX], fc[ATTENDANCE_HASH_HEX], fx[ATTENDANCE_HASH_HEX];
	tap_ok(attendance_browser_fingerprint("192.0.2.10", "Mozilla/5.0 (Android)", fa) == 0, "a fingerprint");
	tap_ok(strlen(fa) == 64 && strspn(fa, "0123456789abcdef") == 64, "  64 hex digits");
	attendance_browser_fingerprint("192.0.2.10", "Mozilla/5.0 (Android)", fx);
	tap_is_str(fx, fa, "  the same for the same browser");
	attendance_browser_fingerprint("192.0.2.11", "Mozilla/5.0 (Android)", fb);
	tap_ok(strcmp(fa, fb) != 0, "  another for another IP");
	attendance_browser_fingerprint("192.0.2.10", "Mozilla/5.0 (iPhone)", fc);
	tap_ok(strcmp(fa, fc) != 0, "  another for another browser");
	attendance_browser_fingerprint("ab", "c", fx);
	attendance_browser_fingerprint("a", "bc", fb);
	tap_ok(strcmp(fx, fb) != 0, "  IP and browser kept apart");
	attendance_browser_fingerprint(NULL, NULL, fx);
	attendance_browser_fingerprint("", "", fb);
	tap_is_str(fx, fb, "  NULL reads as empty");
	tap_ok(attendance_browser_fingerprint("a", "b", NULL) != 0, "  no output");
	attendance_browser_fingerprint("192.0.2.11", "Mozilla/5.0 (Android)", fb);

	struct attendance_signature sigs[] = {
		{ 1, fa }, { 2, fb }, { 3, fa }, { 1, fa }, { 4, "" }, { 5, "" }, { 6, NULL }, { 7, fc }, { 7, fc },
	};
	const size_t n = sizeof(sigs) / sizeof(*sigs);
	struct attendance_shared_browser out[4];
	memset(out, 0, sizeof(out));
	tap_is_int(attendance_shared_browsers(sigs, n, out, 4), 1, "one browser signed for two participants");
	tap_ok(out[0].first == 0 && out[0].participants == 2,
			"  first seen at 0, for 2 participants (registration 1 twice counts once)");
	unsigned char marks[sizeof(sigs) / sizeof(*sigs)];
	static const unsigned char want[] = { 1, 0, 1, 1, 0, 0, 0, 0, 0 };
	attendance_shared_browser_marks(sigs, n, marks);
	tap_ok(memcmp(marks, want, n) == 0, "the rows marked: 0, 2, 3");

	struct attendance_signature more[] = {
		{ 1, fb }, { 2, fa }, { 3, fc }, { 4, fa }, { 5, fc }, { 6, fa }, { 7, fb },
	};
	const size_t m = sizeof(more) / sizeof(*more);
	tap_is_int(attendance_shared_browsers(more, m, out, 4), 3, "three shared browsers");
	tap_ok(out[0].first == 0 && out[0].participants == 2, "  in order of first signature: 0 for 2");
	tap_ok(out[1].first == 1 && out[1].participants == 3, "  1 for 3");
	tap_ok(out[2].first == 2 && out[2].participants == 2, "  2 for 2");
	memset(out, 0, sizeof(out));
	tap_is_int(attendance_shared_browsers(more, m, out, 1), 3, "a short output still counts all");
	tap_ok(out[0].first == 0 && out[1].first == 0 && out[1].participants == 0, "  writing only what fits");
	tap_is_int(attendance_shared_browsers(more, m, NULL, 0), 3, "  none with no output");
	attendance_shared_browser_marks(more, m, marks);
	tap_ok(memchr(marks, 0, m) == NULL, "  every row marked");

	struct attendance_signature alone[] = { { 1, fa }, { 2, fb }, { 3, fc }, { 3, fc } };
	tap_is_int(attendance_shared_browsers(alone, 4, out, 4), 0, "one browser each: no anomaly");
	attendance_shared_browser_marks(alone, 4, marks);
	tap_ok(marks[0] == 0 && marks[1] == 0 && marks[2] == 0 && marks[3] == 0, "  nothing marked");
	tap_is_int(attendance_shared_browsers(alone, 0, out, 4), 0, "no signature: no anomaly");
	tap_is_int(attendance_shared_browsers(NULL, 3, out, 4), 0, "NULL: no anomaly");
	attendance_shared_browser_marks(NULL, 3, marks);
	attendance_shared_browser_marks(alone, 4, NULL);
	tap_ok(1, "marks with NULL do not crash");
}

int main(void)
{
	if (sodium_init() < 0) {
		printf("Bail out! sodium_init failed\n");
		return 1;
	}
	test_half_days();
	test_code();
	test_check();
	test_window();
	test_minutes();
	test_chain();
	test_events();
	test_anomalies();
	return tap_done();
}
