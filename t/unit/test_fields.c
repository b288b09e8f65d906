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
	return tap_done();
}
