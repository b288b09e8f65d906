/* `formations surveys demo`: answered chaud questionnaires on the
 * demonstration's given sessions, so that `make run` shows satisfaction
 * rates, results and Qualiopi figures: two given sessions of the real
 * fiche (coopération territoriale, whose own sessions of the demonstration
 * are still to come) are added months back, every given session of the
 * last 12 months gets its chaud questionnaires with five answers in six,
 * and one course ("Travailler avec Teams et SharePoint") only three
 * answers: too few for its fiche to publish a rate. Once: a session that
 * has chaud questionnaires is left as it is. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/settings.h"
#include "rules/calendar_fr.h"
#include "store/db.h"

#define FEW_ANSWERS_COURSE "travailler-avec-teams-et-sharepoint"

static int usage(void)
{
	fprintf(stderr, "usage: formations surveys demo\n");
	return 2;
}

static const struct db_stmt coop_given = { "surveys_demo_coop_given",
	"SELECT count(*) AS n FROM session se JOIN course c ON c.id = se.course_id"
	" WHERE c.slug = 'cooperation-territoriale' AND se.status = 'realisee'" };

/* $1 organisation */
static const struct db_stmt coop_session = { "surveys_demo_coop_session",
	"INSERT INTO session (course_id, kind, organisation, min_participants, max_participants, status, notes)"
	" SELECT c.id, 'intra', $1, 4, 14, 'confirmee',"
	" 'Session de démonstration déjà donnée : ses questionnaires à chaud font le taux de satisfaction de la fiche.'"
	" FROM course c WHERE c.slug = 'cooperation-territoriale' RETURNING id" };

/* $1 session, $2 day: a day in two slots, with the course's trainers
 * (months before any other session of the demonstration: no overlap). */
static const struct db_stmt coop_day = { "surveys_demo_coop_day",
	"WITH s AS (INSERT INTO slot (session_id, day, starts_at, ends_at, part)"
	" SELECT $1::bigint, d, (d + t1) AT TIME ZONE 'Europe/Paris', (d + t2) AT TIME ZONE 'Europe/Paris', part"
	" FROM (VALUES ($2::date, time '09:00', time '12:30', 'matin'),"
	"  ($2::date, time '13:30', time '17:00', 'apres_midi')) v(d, t1, t2, part) RETURNING id)"
	" INSERT INTO slot_trainer (slot_id, trainer_id) SELECT s.id, tc.trainer_id FROM s,"
	" trainer_course tc JOIN course c ON c.id = tc.course_id WHERE c.slug = 'cooperation-territoriale'" };

/* $1 session, $2 offset, $3 how many */
static const struct db_stmt coop_people = { "surveys_demo_coop_people",
	"INSERT INTO registration (session_id, participant_id, status, changed_by)"
	" SELECT $1::bigint, p.id, 'confirmee', 'démonstration' FROM participant p"
	" ORDER BY p.id OFFSET $2::int LIMIT $3::int" };

static const struct db_stmt coop_given_now = { "surveys_demo_coop_done",
	"UPDATE session SET status = 'realisee' WHERE id = $1::bigint" };

/* $1 today: the chaud questionnaires of the given sessions of the last 12
 * months, opened in the room on the last half-day, closed 30 days on. */
static const struct db_stmt surveys = { "surveys_demo_surveys",
	"INSERT INTO survey (kind, session_id, registration_id, opens_at, mail_at, opened_on, closed_at)"
	" SELECT 'chaud', se.id, r.id, ls.starts_at, ls.ends_at, se.last_day,"
	"  CASE WHEN se.last_day + 30 <= $1::date"
	"   THEN (se.last_day + 30)::timestamp AT TIME ZONE 'Europe/Paris' END"
	" FROM session se JOIN registration r ON r.session_id = se.id AND r.status = 'confirmee'"
	" JOIN LATERAL (SELECT starts_at, ends_at FROM slot WHERE session_id = se.id AND NOT cancelled"
	"  ORDER BY ends_at DESC LIMIT 1) ls ON true"
	" WHERE se.status = 'realisee' AND se.last_day >= $1::date - 365"
	" AND NOT EXISTS (SELECT 1 FROM survey x WHERE x.session_id = se.id AND x.kind = 'chaud')"
	" ON CONFLICT DO NOTHING" };

/* $1 the course with too few answers: five in six answer, there three;
 * answered in the room at the end of the last half-day. Only the
 * questionnaires this command created (they have no answer set yet and
 * their sessions no other answers). */
static const struct db_stmt answer_sets = { "surveys_demo_answer_sets",
	"WITH v AS (SELECT v.id FROM survey_model m JOIN survey_version v ON v.model_id = m.id"
	"  AND v.number = m.current_version WHERE m.kind = 'chaud' AND m.course_id IS NULL),"
	" who AS (SELECT sv.id, sv.mail_at, c.slug,"
	"  row_number() OVER (PARTITION BY sv.session_id ORDER BY sv.registration_id) AS k"
	"  FROM survey sv JOIN session se ON se.id = sv.session_id JOIN course c ON c.id = se.course_id"
	"  WHERE sv.kind = 'chaud' AND se.status = 'realisee'"
	"  AND NOT EXISTS (SELECT 1 FROM survey y JOIN survey_answer_set st ON st.survey_id = y.id"
	"   WHERE y.session_id = sv.session_id))"
	" INSERT INTO survey_answer_set (survey_id, version_id, submitted_at, updated_at)"
	" SELECT who.id, v.id, who.mail_at - who.k * interval '1 minute',"
	"  who.mail_at - who.k * interval '1 minute' FROM who, v"
	" WHERE CASE WHEN who.slug = $1 THEN who.k <= 3 ELSE who.k % 6 <> 0 END" };

/* A score from 1 to 5 per answer set and question, mostly 4 and 5, some 3,
 * a few 2: demonstration figures that look like a real course's. */
#define SCORE(set, pos) "(ARRAY[5,4,5,4,5,3,4,5,5,4,5,4,5,2,4,5])[1 + ((" set " * 5 + " pos " * 3) % 16)]"

/* Every question of the answered version but the per-objective ones; a
 * comment for each score of 3 or less where the model asks one; a free
 * comment in one set out of three. */
static const struct db_stmt answers = { "surveys_demo_answers",
	"INSERT INTO survey_answer (answer_set_id, question_id, item, value, comment)"
	" SELECT st.id, q.id, 0,"
	"  CASE q.type WHEN 'echelle' THEN sc::text"
	"   WHEN 'oui_non' THEN CASE WHEN g >= 4 THEN 'oui' ELSE 'non' END"
	"   WHEN 'choix' THEN split_part(q.options, E'\\n', 1)"
	"   ELSE (ARRAY['Des échanges très riches entre participants de plusieurs Caf.',"
	"    'J''aurais aimé plus de temps sur les cas pratiques.',"
	"    'Très concret, je repars avec des outils pour mon équipe.',"
	"    'La salle était un peu petite pour le travail en sous-groupes.'])[1 + st.id % 4] END,"
	"  CASE WHEN q.comment_low AND sc <= 3 THEN (ARRAY["
	"    'Le rythme de la deuxième journée était trop soutenu.',"
	"    'Les exemples ne correspondaient pas toujours à mon poste.',"
	"    'Il a manqué un temps pour revenir sur nos situations.'])[1 + (st.id + q.position) % 3]"
	"   ELSE '' END"
	" FROM survey_answer_set st JOIN survey sv ON sv.id = st.survey_id"
	" JOIN survey_question q ON q.version_id = st.version_id"
	" CROSS JOIN LATERAL (SELECT " SCORE("st.id", "q.position") " AS sc,"
	"  " SCORE("st.id", "(SELECT g.position FROM survey_question g WHERE g.version_id = st.version_id AND g.global)") " AS g) x"
	" WHERE sv.kind = 'chaud' AND NOT q.per_objective"
	" AND (q.type <> 'texte' OR st.id % 3 = 0)"
	" AND NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.answer_set_id = st.id)" };

/* Those who did not answer had their reminders on J+3 and J+7. */
static const struct db_stmt reminded = { "surveys_demo_reminded",
	"UPDATE survey sv SET reminders_sent = CASE WHEN sv.opened_on + 7 <= $1::date THEN 2"
	"  WHEN sv.opened_on + 3 <= $1::date THEN 1 ELSE 0 END"
	" WHERE sv.kind = 'chaud' AND sv.opened_on IS NOT NULL AND sv.reminders_sent = 0"
	" AND NOT EXISTS (SELECT 1 FROM survey_answer_set st WHERE st.survey_id = sv.id)" };

static int add_coop_session(struct db *db, struct arena *a, struct civil_date today, int days_ago,
		const char *organisation, const char *offset, const char *count)
{
	struct db_rows *r;
	const char *p1[] = { organisation };
	int rc = db_run(db, a, &coop_session, 1, p1, &r);
	if (rc != DB_OK || db_rows_count(r) != 1)
		return rc != DB_OK ? rc : DB_FAILED;
	const char *id = db_get(r, 0, "id");
	for (int d = 1; d >= 0 && rc == DB_OK; d--) {
		char day[CAL_DATE_BUF];
		if (cal_format_date(cal_add_days(today, -(days_ago + d)), day, sizeof(day)) != 0)
			return DB_FAILED;
		const char *p2[] = { id, day };
		rc = db_run(db, a, &coop_day, 2, p2, NULL);
	}
	const char *p3[] = { id, offset, count };
	if (rc == DB_OK)
		rc = db_run(db, a, &coop_people, 3, p3, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &coop_given_now, 1, &id, NULL);
	return rc;
}

static int demo(struct db *db)
{
	struct arena *a = arena_new();
	if (!a)
		return 1;
	struct civil_date today = cal_paris_local_date((int64_t)time(NULL));
	char iso[CAL_DATE_BUF];
	cal_format_date(today, iso, sizeof(iso));
	struct db_rows *r;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_run(db, a, &coop_given, 0, NULL, &r);
	if (rc == DB_OK && strcmp(db_get(r, 0, "n"), "0") == 0) {
		rc = add_coop_session(db, a, today, 160, "Caf du Finistère", "0", "12");
		if (rc == DB_OK)
			rc = add_coop_session(db, a, today, 230, "Caf des Côtes-d'Armor", "20", "11");
	}
	const char *p[] = { iso }, *few[] = { FEW_ANSWERS_COURSE };
	if (rc == DB_OK)
		rc = db_run(db, a, &surveys, 1, p, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &answer_sets, 1, few, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &answers, 0, NULL, NULL);
	if (rc == DB_OK)
		rc = db_run(db, a, &reminded, 1, p, NULL);
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == DB_OK)
		printf("chaud questionnaires answered on the given sessions\n");
	else
		fprintf(stderr, "formations: surveys demo: database error\n");
	arena_free(a);
	return rc == DB_OK ? 0 : 1;
}

int cli_surveys(const struct settings *s, int argc, char **argv)
{
	if (argc != 1 || strcmp(argv[0], "demo") != 0)
		return usage();
	struct db *db = db_new(s->db, s->db_timeout);
	int status = db ? demo(db) : 1;
	db_free(db);
	return status;
}
