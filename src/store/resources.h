/* Places and their rooms, trainers and the courses they may give (tables
 * place, room, trainer, trainer_course of 0007_sessions.sql). Numbers and
 * ids come and go as text, as PostgreSQL writes them. */
#ifndef FORMATIONS_STORE_RESOURCES_H
#define FORMATIONS_STORE_RESOURCES_H

#include <stddef.h>

struct arena;
struct db;

struct place {
	const char *id, *name, *address, *city, *access, *capacity, *accessibility;
	int remote;
	const char *rooms;        /* number of rooms (lists) */
	const char *max_room;     /* capacity of its largest room, "0" without one */
};

struct room {
	const char *id, *name, *capacity, *accessibility;
	const char *slots;        /* slots that use the room, cancelled or not */
};

struct trainer {
	const char *id, *name, *kind, *email, *phone, *organisation;
	const char *account_id;   /* "" when no staff account is linked */
	const char *account_name, *feed_token;
	int active;
	const char *courses;      /* number of courses they may give */
};

/* A published or draft course, and whether the trainer may give it. */
struct trainer_course_choice {
	const char *id, *title, *status;
	int chosen;
};

/* A staff account a trainer may be linked to. */
struct trainer_account {
	const char *id, *name, *email;
};

int store_places_list(struct db *db, struct arena *a, struct place **out, size_t *n);
/* DB_NOT_FOUND for an unknown id. */
int store_place_by_id(struct db *db, struct arena *a, const char *id, struct place *out);
/* DB_CONFLICT: the name is taken. */
int store_place_create(struct db *db, struct arena *a, const struct place *p, const char **id);
/* DB_CONFLICT: the name is taken; DB_STALE: a room of the place is now
 * larger than the new capacity (or the place is gone). */
int store_place_update(struct db *db, struct arena *a, const struct place *p);
/* 1 in *taken when another place (not except_id, which may be NULL) has
 * this name. */
int store_place_name_taken(struct db *db, struct arena *a, const char *name,
		const char *except_id, int *taken);

int store_rooms_of_place(struct db *db, struct arena *a, const char *place_id,
		struct room **out, size_t *n);
/* DB_CONFLICT: a room of the place has this name; DB_STALE: the place is
 * gone or its capacity is below the room's. */
int store_room_add(struct db *db, struct arena *a, const char *place_id, const struct room *r,
		const char **id);
/* Same answers; DB_STALE also when the room is not (or no longer) one of
 * the place's. */
int store_room_update(struct db *db, struct arena *a, const char *place_id, const struct room *r);
/* DB_CONFLICT: slots use the room; DB_NOT_FOUND: no such room in the place. */
int store_room_delete(struct db *db, struct arena *a, const char *place_id, const char *room_id);

int store_trainers_list(struct db *db, struct arena *a, struct trainer **out, size_t *n);
int store_trainer_by_id(struct db *db, struct arena *a, const char *id, struct trainer *out);
/* t->account_id "" links no account. DB_CONFLICT: the account is linked to
 * another trainer already (or the token is taken); DB_STALE: the account
 * is not a trainer's (role formateur). */
int store_trainer_create(struct db *db, struct arena *a, const struct trainer *t, const char **id);
/* Name, kind, email, phone, organisation, account and active flag; same
 * answers, DB_NOT_FOUND for an unknown id. */
int store_trainer_update(struct db *db, struct arena *a, const struct trainer *t);
/* A new secret for the trainer's calendar feed: the old one stops working. */
int store_trainer_set_feed_token(struct db *db, struct arena *a, const char *id, const char *token);
/* Published and draft courses, by title, each with whether trainer_id
 * may give it. */
int store_trainer_course_choices(struct db *db, struct arena *a, const char *trainer_id,
		struct trainer_course_choice **out, size_t *n);
/* Replaces, in one transaction, the published and draft courses the
 * trainer may give by the n course ids (archived ones stay as they are).
 * DB_NOT_FOUND for an unknown trainer. */
int store_trainer_set_courses(struct db *db, struct arena *a, const char *trainer_id,
		const char *const *course_ids, size_t n);
/* Active formateur accounts that no trainer other than trainer_id (NULL
 * when creating) is linked to, and the account trainer_id is linked to. */
int store_trainer_free_accounts(struct db *db, struct arena *a, const char *trainer_id,
		struct trainer_account **out, size_t *n);

#endif
