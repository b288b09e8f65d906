/* Attestations de fin de formation (sql/0015): issued for a whole session
 * once it is "realisee" and every half-day is certified, one per
 * participant with minutes attended, signed with the server's Ed25519 key
 * (rules/certificate.h), drawn as PDF (out/pdf.h), stored as mailed, and
 * mailed through the outbox with the PDF attached. Issuing also stores
 * each confirmed registration's minutes and outcome (presente, partielle,
 * absente), derived from the attendance events. */
#ifndef FORMATIONS_STORE_CERTIFICATES_H
#define FORMATIONS_STORE_CERTIFICATES_H

#include <stddef.h>
#include <stdint.h>

#include "rules/certificate.h"

struct arena;
struct db;
struct settings;

/* One attestation, with who it names (from the registration). */
#define CERTIFICATE_FIELDS(X) \
	X(id) X(registration_id) X(session_id) X(code) X(attests) X(signature) \
	X(issued_on) X(revoked_on) X(revoked_by) X(revoked_reason) X(last_name) \
	X(first_name) X(minutes_planned) X(minutes_attended) X(outcome)

struct certificate_row {
#define X(f) const char *f;
	CERTIFICATE_FIELDS(X)
#undef X
};

/* The server's signing keys, from a site secret (store_site_key): the same
 * on every worker and host. */
int store_certificate_keys(struct db *db, unsigned char pk[CERTIFICATE_PUBLIC_KEY],
		unsigned char sk[CERTIFICATE_SECRET_KEY]);

/* By its code (as certificate_code_read writes it). DB_NOT_FOUND. */
int store_certificate_by_code(struct db *db, struct arena *a, const char *code,
		struct certificate_row *out);
/* By id, without its PDF. DB_NOT_FOUND. */
int store_certificate_by_id(struct db *db, struct arena *a, const char *id, struct certificate_row *out);
/* By id, with its PDF (owned by the arena). DB_NOT_FOUND. */
int store_certificate_pdf(struct db *db, struct arena *a, const char *id, struct certificate_row *out,
		unsigned char **pdf, size_t *len);
/* The one in force of a registration (not revoked). DB_NOT_FOUND. */
int store_certificate_of_registration(struct db *db, struct arena *a, const char *registration_id,
		struct certificate_row *out);
/* Every attestation of a session, revoked ones included, by name. */
int store_certificates_of_session(struct db *db, struct arena *a, const char *session_id,
		struct certificate_row **out, size_t *n);
/* Revokes it for good, with who and why; DB_NOT_FOUND when it is unknown
 * or revoked already. */
int store_certificate_revoke(struct db *db, const char *id, const char *staff_id, const char *reason);

/* What issuing did. not_ready is NULL when the session could be issued,
 * else the French reason nothing was ("La session n'est pas encore
 * marquée réalisée.", "La demi-journée du … n'est pas encore certifiée."). */
struct certificate_issue {
	const char *not_ready;
	int issued;      /* new attestations (and mails queued) */
	int kept;        /* already in force: issuing twice gives the same document */
	int absent;      /* confirmed participants without minutes attended: none */
};

/* Issues the attestations of a session at now (Unix seconds; the issue
 * date is now's Paris date), in one transaction that holds the session's
 * row, as attendance events do: nothing half-issued, and two staff
 * clicking at once issue once. DB_OK with *out (not_ready set when nothing
 * could be issued), DB_NOT_FOUND for an unknown session, or an error. */
int store_certificates_issue(struct db *db, struct arena *a, const struct settings *s,
		const char *session_id, int64_t now, struct certificate_issue *out);

/* A course's objectives a line each, as the attestation lists them and
 * the questionnaires ask about them: list markers dropped, the evaluable
 * objectives after the general one ("" when memory runs out). */
const char *course_objective_lines(struct arena *a, const char *objective, const char *evaluable);

#endif
