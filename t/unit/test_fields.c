/* Field checks: emails, lengths, the password policy, roles, the return
 * target after a login (no open redirect). */
#include <string.h>

#include "tap.h"
#include "rules/fields.h"

int main(void)
{
	tap_ok(field_email("prenom.nom@caf.fr") == NULL, "plain address accepted");
	tap_ok(field_email("a.b+tag@sous.domaine.caf.fr") == NULL, "tag and subdomains accepted");
	tap_ok(field_email("") != NULL, "empty refused");
	tap_ok(field_email("sans-arobase.fr") != NULL, "no @ refused");
	tap_ok(field_email("@caf.fr") != NULL, "no local part refused");
	tap_ok(field_email("a@b@caf.fr") != NULL, "two @ refused");
	tap_ok(field_email("a@caf") != NULL, "domain without dot refused");
	tap_ok(field_email("a@caf.") != NULL, "trailing dot refused");
	tap_ok(field_email("a@.caf.fr") != NULL, "leading dot refused");
	tap_ok(field_email("a b@caf.fr") != NULL, "space refused");
	tap_ok(field_email("a@caf.fr\r\nBcc: x@y.fr") != NULL, "header injection refused");
	tap_ok(field_email("<a@caf.fr>") != NULL, "angle brackets refused");
	char long_email[300];
	memset(long_email, 'a', sizeof(long_email));
	memcpy(long_email + 280, "@caf.fr", 8);
	tap_ok(field_email(long_email) != NULL, "over 254 bytes refused");

	tap_ok(field_length("", 1, 10) != NULL, "empty required field refused");
	tap_ok(field_length("été", 1, 3) == NULL, "length counts characters, not bytes");
	tap_ok(field_length("étés", 1, 3) != NULL, "one character too many refused");
	tap_is_int(field_chars("Ça coûte €"), 10, "characters counted in UTF-8");

	tap_ok(field_password("court") != NULL, "short password refused");
	tap_ok(field_password("onze-caract") != NULL, "11 characters refused");
	tap_ok(field_password("douze-caract") == NULL, "12 characters accepted");
	tap_ok(field_password("éééééééééééé") == NULL, "12 accented characters accepted");
	char big[1100];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tap_ok(field_password(big) != NULL, "over 1024 bytes refused");

	tap_ok(field_is_role("admin") && field_is_role("conseiller") && field_is_role("assistant") &&
		field_is_role("formateur"), "the four roles");
	tap_ok(!field_is_role("root") && !field_is_role("") && !field_is_role("Admin"), "nothing else");
	tap_ok(field_is_blank(NULL) && field_is_blank("") && field_is_blank(" \t\r\n "), "blank: nothing, or only spaces and line breaks");
	tap_ok(!field_is_blank(" x ") && !field_is_blank("\xc2\xa0"), "not blank: a letter, a no-break space");
	tap_ok(field_is_id("1") && field_is_id("42") && field_is_id("123456789012345678"), "ids: 1 to 18 digits");
	tap_ok(!field_is_id("") && !field_is_id(NULL) && !field_is_id("1234567890123456789"),
		"no id: empty, missing, or 19 digits (past bigint)");
	tap_ok(!field_is_id("-1") && !field_is_id("1a") && !field_is_id(" 1") && !field_is_id("1.0"),
		"no id: sign, letters, spaces, decimals");
	tap_is_str(field_role_label("assistant"), "Assistant(e) formation", "role label in French");

	tap_ok(field_return_target("/intranet/utilisateurs?x=1"), "local path accepted");
	tap_ok(field_return_target("/"), "root accepted");
	tap_ok(!field_return_target("//evil.example/"), "protocol-relative URL refused");
	tap_ok(!field_return_target("/\\evil.example"), "backslash trick refused");
	tap_ok(!field_return_target("https://evil.example/"), "absolute URL refused");
	tap_ok(!field_return_target("javascript:alert(1)"), "javascript: refused");
	tap_ok(!field_return_target("/a\r\nSet-Cookie: x=1"), "CR/LF refused");
	tap_ok(!field_return_target("/a b"), "space refused");
	tap_ok(!field_return_target(""), "empty refused");
	tap_ok(!field_return_target("intranet"), "relative refused");
	char slug[128], num[32];
	tap_is_str(field_slugify("Formation/Action Accompagner l'implantation des chargés de coopération", slug, sizeof(slug)),
		"formation-action-accompagner-l-implantation-des-charges-de-cooperation", "slug from the real title");
	tap_is_str(field_slugify("Œuvrer à l'accueil : « Été » 2026 !", slug, sizeof(slug)),
		"oeuvrer-a-l-accueil-ete-2026", "ligatures, guillemets, punctuation");
	tap_is_str(field_slugify("«»!?", slug, sizeof(slug)), "formation", "nothing left gives a default");
	tap_ok(strlen(field_slugify("Une formation au titre vraiment très long, bien plus long que quatre-vingts caractères en tout", slug, sizeof(slug))) <= 80,
		"slug at most 80 bytes");
	tap_ok(slug[strlen(slug) - 1] != '-', "no trailing dash after cutting");
	tap_is_int(field_decimal("3,5", 0, 10, num, sizeof(num)), 0, "French decimal comma");
	tap_is_str(num, "3.5", "normalised");
	tap_is_int(field_decimal("", 0, 10, num, sizeof(num)), 0, "empty is allowed");
	tap_is_str(num, "", "as empty");
	tap_is_int(field_decimal("11", 0, 10, num, sizeof(num)), -1, "over the range refused");
	tap_is_int(field_decimal("1e3", 0, 1e9, num, sizeof(num)), -1, "exponent refused");
	tap_is_int(field_decimal("-2", 0, 10, num, sizeof(num)), -1, "negative refused");
	tap_is_int(field_decimal("2..5", 0, 10, num, sizeof(num)), -1, "two dots refused");
	/* Deliverable addresses (issue 14, defect 1): what the mailer can send
	 * through any relay, and nothing else. */
	char ascii[EMAIL_MAX_BYTES + 1];
	tap_ok(field_email("elodie.o'brien@caf.fr") == NULL, "an apostrophe is a plain address character");
	tap_ok(field_email("élodie@example.fr") != NULL, "an accent before the @ is refused");
	tap_ok(strstr(field_email("élodie@example.fr"), "avant le @") != NULL, "and the message says where");
	tap_ok(field_email("jean(travail)@caf.fr") != NULL, "parentheses (comments) refused");
	tap_ok(field_email("jean@caf.fr(x)") != NULL, "parentheses in the domain refused");
	tap_ok(field_email("a..b@caf.fr") != NULL && field_email(".a@caf.fr") != NULL &&
		field_email("a.@caf.fr") != NULL, "dots only between words");
	tap_ok(field_email("a=?b@caf.fr") != NULL, "no encoded-word opener in the local part");
	tap_ok(field_email("jean@[192.0.2.1]") != NULL, "address literals refused");
	tap_ok(field_email("jean@-caf.fr") != NULL && field_email("jean@caf-.fr") != NULL,
		"labels do not start or end with a hyphen");
	tap_ok(field_email("jean@caf.123") != NULL, "a numeric top label refused");
	tap_ok(field_email("jean@exemple-café.fr") == NULL, "an internationalised domain accepted");
	tap_is_int(field_email_ascii("jean@exemple-café.fr", ascii, sizeof(ascii)), 0, "written in ASCII");
	tap_is_str(ascii, "jean@xn--exemple-caf-lbb.fr", "as its punycode form");
	tap_is_int(field_email_ascii("prenom.nom@caf.fr", ascii, sizeof(ascii)), 0, "a plain address");
	tap_is_str(ascii, "prenom.nom@caf.fr", "is sent as it is");
	tap_is_int(field_email_ascii("élodie@example.fr", ascii, sizeof(ascii)), -1,
		"an address refused has no ASCII form");
	tap_ok(field_email("jean@exemple\xe2\x80\xa8" "caf.fr") != NULL, "a line separator in the domain refused");
	char local[80];
	memset(local, 'a', 65);
	memcpy(local + 65, "@caf.fr", 8);
	tap_ok(field_email(local) != NULL, "a local part over 64 bytes refused");

	/* One-line and multi-line text (defect 2). */
	tap_ok(field_one_line("Caf de la Creuse — Guéret") == NULL, "one line of text");
	tap_ok(field_one_line("Caf\nBcc: x@y.fr") != NULL, "a line feed refused");
	tap_ok(field_one_line("Caf\rde") != NULL && field_one_line("Caf\tde") != NULL, "CR and tab refused");
	tap_ok(field_one_line("a\x01" "b") != NULL && field_one_line("a\x7f") != NULL, "C0 and DEL refused");
	tap_ok(field_one_line("a\xc2\x85" "b") != NULL, "NEL (C1) refused");
	tap_ok(field_one_line("a\xe2\x80\xa8" "b") != NULL && field_one_line("a\xe2\x80\xa9" "b") != NULL,
		"Unicode line and paragraph separators refused");
	tap_ok(field_one_line("a\xc2\xa0" "b") == NULL, "a no-break space is text");
	tap_ok(field_multi_line("Bonjour,\r\n\tMerci.\n") == NULL, "line breaks and tabs in multi-line text");
	tap_ok(field_multi_line("a\x1b" "b") != NULL && field_multi_line("a\xc2\x9b" "b") != NULL,
		"other controls refused in multi-line text");

	/* Declared fields: each kind's rule. */
	char msg[160];
	const struct field_rule line = { "nom", FIELD_LINE, 1, 5, 0 };
	tap_ok(field_check(&line, "Marie", msg, sizeof(msg)) == NULL, "a line within its bound");
	tap_is_str(field_check(&line, "", msg, sizeof(msg)), "Ce champ est obligatoire.", "required");
	tap_is_str(field_check(&line, "Mariée", msg, sizeof(msg)),
		"Ce texte est trop long (5 caractères au plus).", "too long, with its bound");
	tap_ok(field_check(&line, "Ma\nie", msg, sizeof(msg)) != NULL, "a line break in a line");
	const struct field_rule text = { "message", FIELD_TEXT, 0, 2000, 0 };
	tap_ok(field_check(&text, "", msg, sizeof(msg)) == NULL, "an optional field may be empty");
	tap_ok(field_check(&text, "a\nb", msg, sizeof(msg)) == NULL, "several lines in a text");
	char longer[2100];
	memset(longer, 'x', 2001);
	longer[2001] = '\0';
	tap_is_str(field_check(&text, longer, msg, sizeof(msg)),
		"Ce texte est trop long (2 000 caractères au plus).", "French digit groups in the bound");
	const struct field_rule count = { "participants", FIELD_COUNT, 1, 200, 1 };
	tap_ok(field_check(&count, "12", msg, sizeof(msg)) == NULL, "a count");
	tap_ok(field_check(&count, "0", msg, sizeof(msg)) && field_check(&count, "201", msg, sizeof(msg)) &&
		field_check(&count, "012", msg, sizeof(msg)) && field_check(&count, "1 2", msg, sizeof(msg)) &&
		field_check(&count, "-1", msg, sizeof(msg)), "counts out of range or badly written");
	const struct field_rule email = { "email", FIELD_EMAIL, 1, 0, 0 };
	tap_is_str(field_check(&email, "", msg, sizeof(msg)), "Indiquez votre adresse électronique.",
		"a missing email says so");
	const struct field_rule day = { "date", FIELD_DATE, 1, 0, 0 };
	tap_ok(field_check(&day, "2028-02-29", msg, sizeof(msg)) == NULL, "a real day");
	tap_ok(field_check(&day, "2027-02-29", msg, sizeof(msg)) != NULL, "no 29 February in 2027");
	const struct field_rule hour = { "debut", FIELD_TIME, 1, 0, 0 };
	tap_ok(field_check(&hour, "09:30", msg, sizeof(msg)) == NULL, "a time");
	tap_ok(field_check(&hour, "24:00", msg, sizeof(msg)) && field_check(&hour, "9:30", msg, sizeof(msg)),
		"times out of range or badly written");
	const struct field_rule id = { "salle", FIELD_ID, 0, 0, 0 };
	tap_ok(field_check(&id, "12", msg, sizeof(msg)) == NULL && field_check(&id, "x", msg, sizeof(msg)),
		"ids");
	const struct field_rule phone = { "telephone", FIELD_PHONE, 0, 0, 0 };
	tap_ok(field_check(&phone, "02 99 29 82 42", msg, sizeof(msg)) == NULL &&
		field_check(&phone, "02 99\n29 82 42", msg, sizeof(msg)), "phones");

	tap_ok(field_role_handles_demands("conseiller") && field_role_handles_demands("assistant") &&
		field_role_handles_demands("admin"), "the desk handles demands");
	tap_ok(!field_role_handles_demands("formateur") && !field_role_handles_demands("x"),
		"a trainer does not (defect 3)");
	return tap_done();
}
