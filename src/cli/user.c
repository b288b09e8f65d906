/* `formations user ...`: accounts from the command line, for the first
 * admin of an installation and for scripts. Passwords come on standard
 * input, never in arguments (they would show in ps and shell history). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "base/utf8.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "web/auth.h"

static int usage(void)
{
	fprintf(stderr, "usage: formations user add EMAIL --role ROLE --name \"NAME\"  (password on stdin)\n"
		"       formations user passwd EMAIL                            (password on stdin)\n"
		"       formations user disable EMAIL\n");
	return 2;
}

/* One line of standard input, without its newline. */
static int read_password(char *out, size_t size)
{
	if (!fgets(out, (int)size, stdin))
		return -1;
	size_t n = strlen(out);
	if (n && out[n - 1] == '\n')
		out[--n] = '\0';
	else if (!feof(stdin))
		return -1; /* longer than the buffer: over the policy anyway */
	if (n && out[n - 1] == '\r')
		out[--n] = '\0';
	return utf8_valid(out, n) ? 0 : -1;
}

static int password_from_stdin(char *out, size_t size)
{
	const char *problem;
	if (read_password(out, size) < 0) {
		fprintf(stderr, "formations: give the password on standard input (valid UTF-8, "
			"at most %d bytes)\n", PASSWORD_MAX_BYTES);
		return -1;
	}
	if ((problem = field_password(out)) != NULL) {
		fprintf(stderr, "formations: %s\n", problem);
		return -1;
	}
	return 0;
}


static int report(int rc, const char *what)
{
	if (rc == DB_OK)
		return 0;
	fprintf(stderr, "formations: %s: %s\n", what,
		rc == DB_CONFLICT ? "an account with this email exists" :
		rc == DB_NOT_FOUND ? "no such account" :
		rc == DB_UNAVAILABLE ? "database unavailable" : "database error (see the log)");
	return 1;
}

static int user_add(struct db *db, struct arena *a, char *email, int argc, char **argv)
{
	const char *role = NULL, *name = NULL;
	for (int i = 0; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--role") == 0)
			role = argv[i + 1];
		else if (strcmp(argv[i], "--name") == 0)
			name = argv[i + 1];
		else
			return usage();
	}
	if (!role || !name || argc % 2)
		return usage();
	const char *problem = field_email(email);
	if (!problem && !field_is_role(role))
		problem = "role must be admin, conseiller, assistant or formateur";
	if (!problem && (!utf8_valid(name, strlen(name)) || field_length(name, 1, 120) ||
			field_one_line(name)))
		problem = "the name must be one line of 1 to 120 characters";
	if (problem) {
		fprintf(stderr, "formations: %s\n", problem);
		return 2;
	}
	char password[PASSWORD_MAX_BYTES + 2], hash[256];
	if (password_from_stdin(password, sizeof(password)) < 0)
		return 2;
	if (auth_hash_password(password, hash, sizeof(hash)) < 0)
		return report(DB_FAILED, "hashing");
	const char *id;
	int rc = store_user_create(db, a, email, name, role, hash, &id);
	if (rc == DB_OK) {
		(void)store_audit(db, id, email, "", "account_created", "formations user add");
		printf("created %s (%s)\n", email, role);
	}
	return report(rc, "user add");
}

static int user_passwd(struct db *db, struct arena *a, const char *email)
{
	struct staff_user u;
	int rc = store_user_by_email(db, a, email, &u);
	if (rc != DB_OK)
		return report(rc, "user passwd");
	char password[PASSWORD_MAX_BYTES + 2], hash[256];
	if (password_from_stdin(password, sizeof(password)) < 0)
		return 2;
	if (auth_hash_password(password, hash, sizeof(hash)) < 0)
		return report(DB_FAILED, "hashing");
	rc = store_user_set_password(db, email, hash);
	if (rc == DB_OK)
		(void)store_audit(db, u.id, email, "", "password_changed", "formations user passwd");
	return report(rc, "user passwd");
}

static int user_disable(struct db *db, struct arena *a, const char *email)
{
	struct staff_user u;
	int rc = store_user_by_email(db, a, email, &u);
	if (rc == DB_OK)
		rc = store_user_set_active(db, u.id, 0);
	if (rc == DB_OK)
		(void)store_audit(db, u.id, email, "", "account_disabled", "formations user disable");
	return report(rc, "user disable");
}

int cli_user(const struct settings *s, int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (auth_init() != 0)
		return 1;
	struct db *db = db_new(s->db, s->db_timeout);
	struct arena *a = arena_new();
	int rc = 1;
	char *email = a ? arena_strdup(a, argv[1]) : NULL;
	if (db && email) {
		field_email_fold(email);
		if (strcmp(argv[0], "add") == 0)
			rc = user_add(db, a, email, argc - 2, argv + 2);
		else if (strcmp(argv[0], "passwd") == 0 && argc == 2)
			rc = user_passwd(db, a, email);
		else if (strcmp(argv[0], "disable") == 0 && argc == 2)
			rc = user_disable(db, a, email);
		else
			rc = usage();
	}
	arena_free(a);
	db_free(db);
	return rc;
}
