/* A session's status and the numbers a session form must respect. Pure:
 * the pages call these before the store, and the tests call them with
 * tables of cases.
 *
 * envisagee -> confirmee -> realisee; envisagee or confirmee -> annulee
 * (with a reason); confirmee -> envisagee when a confirmation was made in
 * error. realisee and annulee are final. */
#ifndef FORMATIONS_RULES_SESSION_STATE_H
#define FORMATIONS_RULES_SESSION_STATE_H

enum session_status {
	SESSION_ENVISAGEE, SESSION_CONFIRMEE, SESSION_REALISEE, SESSION_ANNULEE
};

#define SESSION_PARTICIPANTS_MAX 1000

/* The database name ("envisagee") to the value: 0, or -1 when unknown. */
int session_status_parse(const char *name, enum session_status *out);
const char *session_status_name(enum session_status s);
/* "Envisagée", "Confirmée", "Réalisée", "Annulée". */
const char *session_status_label(enum session_status s);
/* 0 when from -> to is allowed, else -1 with a French reason. */
int session_status_change(enum session_status from, enum session_status to,
		const char *reason, const char **refusal);

/* Checks the participants of a session: min and max as typed, the place's
 * capacity (0 when no place), the registrations so far. NULL when right,
 * else a French message; *field is "min" or "max". */
const char *session_participants_check(const char *min, const char *max, long place_capacity,
		long registered, long *min_out, long *max_out, const char **field);

#endif
