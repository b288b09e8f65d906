/* Places (lieux) with their rooms (salles), and trainers (formateurs) with
 * the courses they may give, for the training desk:
 *   GET/POST /intranet/lieux             list, create
 *   GET/POST /intranet/lieux/{id}        edit; add, change, delete rooms
 *   GET/POST /intranet/formateurs        list, create
 *   GET/POST /intranet/formateurs/{id}   edit, courses, calendar feed link
 * A trainer (role formateur) reaches only their own trainer page, and may
 * only renew their feed link there; the route table lets every staff role
 * in, the check is here. Every wrong field comes back as the same form,
 * filled in, with a French message next to it (422). */
#include "pages/pages.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/settings.h"
#include "pages/form.h"
#include "rules/fields.h"
#include "store/accounts.h"
#include "store/db.h"
#include "store/resources.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/request.h"

/* The limits of the SQL CHECKs of 0007_sessions.sql. */
#define NAME_MAX_CHARS 200
#define ADDRESS_MAX_CHARS 500
#define CITY_MAX_CHARS 120
#define LONG_TEXT_MAX_CHARS 2000
#define CAPACITY_MAX 1000
#define PHONE_MAX_CHARS 30
#define ORGANISATION_MAX_CHARS 200

static const char DIGITS[] = "0123456789";

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int checked(struct ctx *ctx, const char *name)
{
	return same(params_get(&ctx->req->form, name), "oui");
}

/* NULL and the number as plain digits in *out, or the French message. */
static const char *capacity_problem(struct ctx *ctx, const char *s, const char **out)
{
	size_t len = strlen(s);
	if (len == 0)
		return "Indiquez la capacité, en nombre de places.";
	if (len > 6 || strspn(s, DIGITS) != len)
		return "Écrivez la capacité en chiffres : un nombre entier de places, entre 1 et 1 000.";
	long v = strtol(s, NULL, 10);
	if (v < 1 || v > CAPACITY_MAX)
		return "La capacité doit être comprise entre 1 et 1 000 places.";
	*out = arena_printf(ctx->arena, "%ld", v);
	return *out ? NULL : "Indiquez la capacité, en nombre de places.";
}

/* Puts message under key when there is one; counts it in *wrong. */
static int note(struct ctx *ctx, int *wrong, const char *key, const char *message)
{
	if (!message)
		return 0;
	(*wrong)++;
	return view_set(ctx->view, key, message);
}

static int set_notice(struct ctx *ctx, const char *const *codes, const char *const *texts, size_t n)
{
	const char *done = params_get(&ctx->req->query, "fait");
	for (size_t i = 0; done && i < n; i++)
		if (strcmp(done, codes[i]) == 0)
			return view_set(ctx->view, "Notice", texts[i]);
	return 0;
}

/* ---------------------------------------------------------------- places */

static int set_place_form(struct ctx *ctx, const struct place *p)
{
	if (view_set(ctx->view, "Form.name", p->name) < 0 ||
			view_set(ctx->view, "Form.address", p->address) < 0 ||
			view_set(ctx->view, "Form.city", p->city) < 0 ||
			view_set(ctx->view, "Form.access", p->access) < 0 ||
			view_set(ctx->view, "Form.capacity", p->capacity) < 0 ||
			view_set(ctx->view, "Form.accessibility", p->accessibility) < 0 ||
			view_set(ctx->view, "Form.remote", p->remote ? "1" : "") < 0)
		return -1;
	return 0;
}

/* Reads the place fields of the form into p (capacity normalised when
 * valid), puts them back in the view, and each problem next to its
 * field. Returns how many fields are wrong, or -1 (out of memory). */
static int read_place(struct ctx *ctx, struct place *p)
{
	*p = (struct place){ .remote = checked(ctx, "distanciel") };
	const struct form_field fields[] = {
		{ { "nom", FIELD_LINE, 1, NAME_MAX_CHARS, 0 }, "Errors.name", &p->name },
		{ { "adresse", FIELD_LINE, 0, ADDRESS_MAX_CHARS, 0 }, "Errors.address", &p->address },
		{ { "ville", FIELD_LINE, 0, CITY_MAX_CHARS, 0 }, "Errors.city", &p->city },
		{ { "acces", FIELD_TEXT, 0, LONG_TEXT_MAX_CHARS, 0 }, "Errors.access", &p->access },
		{ { "capacite", FIELD_LINE, 0, 6, 0 }, NULL, &p->capacity },
		{ { "accessibilite", FIELD_TEXT, 0, LONG_TEXT_MAX_CHARS, 0 }, "Errors.accessibility",
			&p->accessibility },
	};
	int wrong = form_read(ctx, fields, sizeof(fields) / sizeof(fields[0]), NULL);
	if (wrong < 0 || set_place_form(ctx, p) < 0)
		return -1;
	const char *capacity = NULL;
	if (note(ctx, &wrong, "Errors.capacity", capacity_problem(ctx, p->capacity, &capacity)) < 0)
		return -1;
	if (capacity)
		p->capacity = capacity;
	return wrong;
}

static const char *const NAME_TAKEN = "Un lieu porte déjà ce nom : choisissez-en un autre.";

static int places_page(struct ctx *ctx, int status)
{
	struct place *places;
	size_t n;
	int rc = store_places_list(ctx->db, ctx->arena, &places, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		const struct place *p = &places[i];
		if (VIEW_ROW(ctx->view, "Places", i, { "id", p->id }, { "name", p->name },
				{ "city", p->city }, { "capacity", p->capacity }, { "rooms", p->rooms },
				{ "remote", p->remote ? "1" : "" }) < 0)
			return 500;
	}
	if (view_set(ctx->view, "Page.title", "Lieux de formation") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/places.cs");
}

int page_places(struct ctx *ctx)
{
	return places_page(ctx, 200);
}

int page_place_create(struct ctx *ctx)
{
	struct place p;
	int wrong = read_place(ctx, &p);
	if (wrong < 0)
		return 500;
	if (wrong)
		return places_page(ctx, 422);
	const char *id;
	int rc = store_place_create(ctx->db, ctx->arena, &p, &id);
	if (rc == DB_CONFLICT) {
		if (view_set(ctx->view, "Errors.name", NAME_TAKEN) < 0)
			return 500;
		return places_page(ctx, 422);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/lieux/%s?fait=1", id));
}

/* The typed values and messages of a room whose change was refused. */
struct room_edit {
	struct room typed;
	const char *err_name, *err_capacity, *err_accessibility;
};

/* The place page: p as stored (its name heads the page), its rooms (read
 * when rooms is NULL), the edit form from p when fill_form (else the view
 * holds the typed values already), edit for a refused room change. */
static int place_page(struct ctx *ctx, const struct place *p, const struct room *rooms,
		size_t n_rooms, int status, int fill_form, const struct room_edit *edit)
{
	if (!rooms) {
		struct room *read;
		int rc = store_rooms_of_place(ctx->db, ctx->arena, p->id, &read, &n_rooms);
		if (rc != DB_OK)
			return handler_db_status(rc);
		rooms = read;
	}
	for (size_t i = 0; i < n_rooms; i++) {
		const struct room *r = &rooms[i];
		const struct room_edit *e = edit && same(edit->typed.id, r->id) ? edit : NULL;
		const struct room *shown = e ? &e->typed : r;
		if (VIEW_ROW(ctx->view, "Rooms", i, { "id", r->id }, { "name", r->name },
				{ "capacity", r->capacity }, { "accessibility", r->accessibility },
				{ "slots", strcmp(r->slots, "0") != 0 ? r->slots : "" },
				{ "form_name", shown->name }, { "form_capacity", shown->capacity },
				{ "form_accessibility", shown->accessibility },
				{ "err_name", e ? e->err_name : NULL },
				{ "err_capacity", e ? e->err_capacity : NULL },
				{ "err_accessibility", e ? e->err_accessibility : NULL },
				{ "open", e ? "1" : "" }) < 0)
			return 500;
	}
	if (fill_form && set_place_form(ctx, p) < 0)
		return 500;
	static const char *const codes[] = { "1", "salle", "suppression" };
	static const char *const texts[] = { "Le lieu est enregistré.", "La salle est enregistrée.",
		"La salle est supprimée." };
	if (view_set(ctx->view, "Place.id", p->id) < 0 || view_set(ctx->view, "Place.name", p->name) < 0 ||
			view_set(ctx->view, "Place.capacity", p->capacity) < 0 ||
			view_set(ctx->view, "Place.remote", p->remote ? "1" : "") < 0 ||
			view_set(ctx->view, "Page.title", arena_printf(ctx->arena, "Lieu : %s", p->name)) < 0 ||
			set_notice(ctx, codes, texts, 3) < 0)
		return 500;
	return handler_render(ctx, status, "intranet/place.cs");
}

/* Loads the place of the path: 0, or the status to answer with. */
static int place_of_path(struct ctx *ctx, struct place *p)
{
	const char *id = ctx->req->args[0];
	if (!field_is_id(id))
		return 404;
	int rc = store_place_by_id(ctx->db, ctx->arena, id, p);
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

int page_place(struct ctx *ctx)
{
	struct place p;
	int status = place_of_path(ctx, &p);
	if (status)
		return status;
	return place_page(ctx, &p, NULL, 0, 200, 1, NULL);
}

static const char *room_over_place(struct ctx *ctx, const struct place *p)
{
	return arena_printf(ctx->arena, "Une salle ne peut pas accueillir plus de personnes que "
		"son lieu (%s places) : réduisez sa capacité ou augmentez d'abord celle du lieu.",
		p->capacity);
}

static const char *const ROOM_TAKEN = "Une salle de ce lieu porte déjà ce nom.";
static const char *const ROOM_GONE = "Cette salle n'existe pas ou plus dans ce lieu : rechargez la page.";
static const char *const ROOM_HAS_SLOTS = "Cette salle a des créneaux : elle ne peut pas être "
	"supprimée. Retirez-la d'abord des créneaux qui l'utilisent (ou modifiez-la).";

static int place_modify(struct ctx *ctx, struct place *stored, const struct room *rooms, size_t n)
{
	struct place p;
	int wrong = read_place(ctx, &p);
	if (wrong < 0)
		return 500;
	p.id = stored->id;
	if (!wrong && strtol(p.capacity, NULL, 10) < strtol(stored->max_room, NULL, 10)) {
		wrong++;
		if (view_set(ctx->view, "Errors.capacity", arena_printf(ctx->arena, "Une salle de ce lieu "
				"accueille %s personnes : la capacité du lieu ne peut pas être inférieure.",
				stored->max_room)) < 0)
			return 500;
	}
	int taken = 0;
	int rc = wrong ? DB_OK : store_place_name_taken(ctx->db, ctx->arena, p.name, p.id, &taken);
	if (rc != DB_OK)
		return handler_db_status(rc);
	if (!wrong && !taken)
		rc = store_place_update(ctx->db, ctx->arena, &p);
	if (taken || rc == DB_CONFLICT) {
		wrong++;
		if (view_set(ctx->view, "Errors.name", NAME_TAKEN) < 0)
			return 500;
	} else if (rc == DB_STALE) {
		/* A room was made larger meanwhile: tell its size. */
		wrong++;
		if (store_place_by_id(ctx->db, ctx->arena, stored->id, stored) != DB_OK)
			return 500;
		if (view_set(ctx->view, "Errors.capacity", arena_printf(ctx->arena, "Une salle de ce "
				"lieu accueille %s personnes : la capacité du lieu ne peut pas être inférieure.",
				stored->max_room)) < 0)
			return 500;
		rooms = NULL;
	} else if (rc != DB_OK) {
		return handler_db_status(rc);
	}
	if (wrong)
		return place_page(ctx, stored, rooms, n, 422, 0, NULL);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/lieux/%s?fait=1", p.id));
}

/* Reads the room fields; checks them against the place and its other
 * rooms. Returns how many are wrong, or -1. */
static int read_room(struct ctx *ctx, const struct place *p, const struct room *rooms, size_t n,
		struct room_edit *e)
{
	const char *errors[3];
	const struct form_field fields[] = {
		{ { "nom", FIELD_LINE, 1, NAME_MAX_CHARS, 0 }, NULL, &e->typed.name },
		{ { "capacite", FIELD_LINE, 0, 6, 0 }, NULL, &e->typed.capacity },
		{ { "accessibilite", FIELD_TEXT, 0, LONG_TEXT_MAX_CHARS, 0 }, NULL,
			&e->typed.accessibility },
	};
	if (form_read(ctx, fields, 3, errors) < 0)
		return -1;
	int wrong = 0;
	const char *capacity = NULL;
	if ((e->err_name = errors[0]) != NULL)
		wrong++;
	if ((e->err_capacity = capacity_problem(ctx, e->typed.capacity, &capacity)) != NULL)
		wrong++;
	else if (strtol(capacity, NULL, 10) > strtol(p->capacity, NULL, 10)) {
		e->err_capacity = room_over_place(ctx, p);
		wrong++;
	} else
		e->typed.capacity = capacity;
	if ((e->err_accessibility = errors[2]) != NULL)
		wrong++;
	for (size_t i = 0; !e->err_name && i < n; i++)
		if (!same(rooms[i].id, e->typed.id) && strcmp(rooms[i].name, e->typed.name) == 0) {
			e->err_name = ROOM_TAKEN;
			wrong++;
		}
	return wrong;
}

static int set_new_room(struct ctx *ctx, const struct room_edit *e)
{
	if (view_set(ctx->view, "NewRoom.name", e->typed.name) < 0 ||
			view_set(ctx->view, "NewRoom.capacity", e->typed.capacity) < 0 ||
			view_set(ctx->view, "NewRoom.accessibility", e->typed.accessibility) < 0 ||
			view_set(ctx->view, "Errors.room_name", e->err_name) < 0 ||
			view_set(ctx->view, "Errors.room_capacity", e->err_capacity) < 0 ||
			view_set(ctx->view, "Errors.room_accessibility", e->err_accessibility) < 0)
		return -1;
	return 0;
}

static int room_add(struct ctx *ctx, const struct place *p, const struct room *rooms, size_t n)
{
	struct room_edit e = { 0 };
	int wrong = read_room(ctx, p, rooms, n, &e);
	if (wrong < 0)
		return 500;
	if (!wrong) {
		int rc = store_room_add(ctx->db, ctx->arena, p->id, &e.typed, NULL);
		if (rc == DB_CONFLICT)
			e.err_name = ROOM_TAKEN;
		else if (rc == DB_STALE)
			e.err_capacity = "La capacité du lieu vient de changer : vérifiez-la, puis réessayez.";
		else if (rc != DB_OK)
			return handler_db_status(rc);
		else
			return handler_redirect(ctx, arena_printf(ctx->arena,
				"/intranet/lieux/%s?fait=salle#salles", p->id));
		rooms = NULL;
	}
	if (set_new_room(ctx, &e) < 0)
		return 500;
	return place_page(ctx, p, rooms, n, 422, 1, NULL);
}

static const struct room *find_room(const struct room *rooms, size_t n, const char *id)
{
	for (size_t i = 0; field_is_id(id) && i < n; i++)
		if (strcmp(rooms[i].id, id) == 0)
			return &rooms[i];
	return NULL;
}

static int refuse_room(struct ctx *ctx, const struct place *p, const struct room *rooms,
		size_t n, const char *message)
{
	if (view_set(ctx->view, "Errors.change", message) < 0)
		return 500;
	return place_page(ctx, p, rooms, n, 422, 1, NULL);
}

static int room_modify(struct ctx *ctx, const struct place *p, const struct room *rooms, size_t n)
{
	const struct room *r = find_room(rooms, n, params_get(&ctx->req->form, "salle"));
	if (!r)
		return refuse_room(ctx, p, rooms, n, ROOM_GONE);
	struct room_edit e = { .typed = { .id = r->id } };
	int wrong = read_room(ctx, p, rooms, n, &e);
	if (wrong < 0)
		return 500;
	if (!wrong) {
		int rc = store_room_update(ctx->db, ctx->arena, p->id, &e.typed);
		if (rc == DB_OK)
			return handler_redirect(ctx, arena_printf(ctx->arena,
				"/intranet/lieux/%s?fait=salle#salles", p->id));
		if (rc == DB_CONFLICT)
			e.err_name = ROOM_TAKEN;
		else if (rc == DB_STALE)
			return refuse_room(ctx, p, NULL, 0, ROOM_GONE);
		else
			return handler_db_status(rc);
	}
	return place_page(ctx, p, rooms, n, 422, 1, &e);
}

static int room_delete(struct ctx *ctx, const struct place *p, const struct room *rooms, size_t n)
{
	const struct room *r = find_room(rooms, n, params_get(&ctx->req->form, "salle"));
	if (!r)
		return refuse_room(ctx, p, rooms, n, ROOM_GONE);
	if (strcmp(r->slots, "0") != 0)
		return refuse_room(ctx, p, rooms, n, ROOM_HAS_SLOTS);
	int rc = store_room_delete(ctx->db, ctx->arena, p->id, r->id);
	if (rc == DB_CONFLICT)
		return refuse_room(ctx, p, NULL, 0, ROOM_HAS_SLOTS);
	if (rc == DB_NOT_FOUND)
		return refuse_room(ctx, p, NULL, 0, ROOM_GONE);
	if (rc != DB_OK)
		return handler_db_status(rc);
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/lieux/%s?fait=suppression#salles", p->id));
}

int page_place_change(struct ctx *ctx)
{
	struct place p;
	int status = place_of_path(ctx, &p);
	if (status)
		return status;
	struct room *rooms;
	size_t n;
	int rc = store_rooms_of_place(ctx->db, ctx->arena, p.id, &rooms, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const char *action = params_get(&ctx->req->form, "action");
	if (same(action, "modifier"))
		return place_modify(ctx, &p, rooms, n);
	if (same(action, "salle_ajouter"))
		return room_add(ctx, &p, rooms, n);
	if (same(action, "salle_modifier"))
		return room_modify(ctx, &p, rooms, n);
	if (same(action, "salle_supprimer"))
		return room_delete(ctx, &p, rooms, n);
	return refuse_room(ctx, &p, rooms, n, "Action inconnue.");
}

/* -------------------------------------------------------------- trainers */

static const char *kind_label(const char *kind)
{
	return same(kind, "interne") ? "Interne" : same(kind, "externe") ? "Externe" : "";
}

static int set_accounts(struct ctx *ctx, const struct trainer_account *acc, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (VIEW_ROW(ctx->view, "Accounts", i, { "id", acc[i].id }, { "name", acc[i].name },
				{ "email", acc[i].email }) < 0)
			return -1;
	return 0;
}

static int set_trainer_form(struct ctx *ctx, const struct trainer *t)
{
	if (view_set(ctx->view, "Form.name", t->name) < 0 ||
			view_set(ctx->view, "Form.kind", t->kind) < 0 ||
			view_set(ctx->view, "Form.email", t->email) < 0 ||
			view_set(ctx->view, "Form.phone", t->phone) < 0 ||
			view_set(ctx->view, "Form.organisation", t->organisation) < 0 ||
			view_set(ctx->view, "Form.account", t->account_id) < 0 ||
			view_set(ctx->view, "Form.active", t->active ? "1" : "") < 0)
		return -1;
	return 0;
}

/* Length and control characters are the form's rules; this is the
 * character set of a phone number that staff may write as they like. */
static const char *phone_problem(const char *s)
{
	if (strspn(s, "0123456789 +.-()") != strlen(s))
		return "Le téléphone ne peut contenir que des chiffres, des espaces et les signes + . - ( ).";
	return NULL;
}

/* Reads the trainer fields of the form into t (with id kept), puts them
 * back in the view, and each problem next to its field; the account must
 * be one of acc. Returns how many fields are wrong, or -1. */
static int read_trainer(struct ctx *ctx, struct trainer *t, const struct trainer_account *acc,
		size_t n_acc)
{
	const char *kind = params_get(&ctx->req->form, "type");
	*t = (struct trainer){ .id = t->id, .kind = kind ? kind : "", .active = checked(ctx, "actif") };
	const char *email;
	const struct form_field fields[] = {
		{ { "nom", FIELD_LINE, 1, NAME_MAX_CHARS, 0 }, "Errors.name", &t->name },
		{ { "email", FIELD_LINE, 0, 0, 0 }, NULL, &email },
		{ { "telephone", FIELD_LINE, 0, PHONE_MAX_CHARS, 0 }, "Errors.phone", &t->phone },
		{ { "organisme", FIELD_LINE, 0, ORGANISATION_MAX_CHARS, 0 }, "Errors.organisation",
			&t->organisation },
		{ { "compte", FIELD_LINE, 0, 20, 0 }, "Errors.account", &t->account_id },
	};
	int wrong = form_read(ctx, fields, sizeof(fields) / sizeof(fields[0]), NULL);
	char *folded = wrong < 0 ? NULL : arena_strdup(ctx->arena, email);
	if (!folded)
		return -1;
	field_email_fold(folded);
	t->email = folded;
	if (set_trainer_form(ctx, t) < 0)
		return -1;
	const char *email_msg = NULL;
	if (*folded && field_email(folded))
		email_msg = strlen(folded) > EMAIL_MAX_BYTES ?
			"L'adresse électronique est trop longue (254 caractères au plus)." :
			arena_printf(ctx->arena, "Cette adresse électronique n'est pas valide : %s",
				field_email(folded));
	int known_account = !*t->account_id;
	for (size_t i = 0; !known_account && i < n_acc; i++)
		known_account = strcmp(acc[i].id, t->account_id) == 0;
	if (note(ctx, &wrong, "Errors.kind", same(t->kind, "interne") || same(t->kind, "externe") ?
				NULL : "Choisissez « Interne » ou « Externe ».") < 0 ||
			note(ctx, &wrong, "Errors.email", email_msg) < 0 ||
			note(ctx, &wrong, "Errors.phone", phone_problem(t->phone)) < 0 ||
			note(ctx, &wrong, "Errors.account", known_account ? NULL :
				"Choisissez un compte de la liste : un compte formateur actif qui n'est "
				"lié à aucun autre formateur.") < 0)
		return -1;
	return wrong;
}

static const char *const ACCOUNT_TAKEN = "Ce compte vient d'être lié à un autre formateur : "
	"choisissez-en un autre.";
static const char *const ACCOUNT_NOT_TRAINER = "Ce compte n'a pas (ou plus) le rôle formateur : "
	"choisissez-en un autre.";

static int trainers_page(struct ctx *ctx, int status)
{
	struct trainer *trainers;
	struct trainer_account *acc;
	size_t n, n_acc;
	int rc = store_trainers_list(ctx->db, ctx->arena, &trainers, &n);
	if (rc == DB_OK)
		rc = store_trainer_free_accounts(ctx->db, ctx->arena, NULL, &acc, &n_acc);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0; i < n; i++) {
		const struct trainer *t = &trainers[i];
		if (VIEW_ROW(ctx->view, "Trainers", i, { "id", t->id }, { "name", t->name },
				{ "kind", kind_label(t->kind) }, { "organisation", t->organisation },
				{ "email", t->email }, { "active", t->active ? "1" : "" },
				{ "courses", t->courses }, { "account", t->account_name }) < 0)
			return 500;
	}
	if (set_accounts(ctx, acc, n_acc) < 0 || view_set(ctx->view, "Page.title", "Formateurs") < 0)
		return 500;
	return handler_render(ctx, status, "intranet/trainers.cs");
}

int page_trainers(struct ctx *ctx)
{
	return trainers_page(ctx, 200);
}

/* Trainer changes go to the audit log (the journal): who changed which
 * trainer; the email column is the trainer's, as it is the account's for
 * account changes. */
static void trainer_audit(struct ctx *ctx, const char *action, const char *id,
		const char *name, const char *email)
{
	(void)store_audit(ctx->db, ctx->login->user_id, email ? email : "", ctx->req->remote_addr,
			action, arena_printf(ctx->arena, "%s (n° %s), par %s", name, id, ctx->login->email));
}

int page_trainer_create(struct ctx *ctx)
{
	struct trainer_account *acc;
	size_t n_acc;
	int rc = store_trainer_free_accounts(ctx->db, ctx->arena, NULL, &acc, &n_acc);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct trainer t = { 0 };
	int wrong = read_trainer(ctx, &t, acc, n_acc);
	if (wrong < 0)
		return 500;
	if (wrong)
		return trainers_page(ctx, 422);
	char token[AUTH_TOKEN_TEXT];
	auth_random_token(token);
	t.feed_token = token;
	const char *id;
	rc = store_trainer_create(ctx->db, ctx->arena, &t, &id);
	if (rc == DB_CONFLICT || rc == DB_STALE) {
		if (view_set(ctx->view, "Errors.account",
				rc == DB_CONFLICT ? ACCOUNT_TAKEN : ACCOUNT_NOT_TRAINER) < 0)
			return 500;
		return trainers_page(ctx, 422);
	}
	if (rc != DB_OK)
		return handler_db_status(rc);
	trainer_audit(ctx, "trainer_created", id, t.name, t.email);
	return handler_redirect(ctx, arena_printf(ctx->arena, "/intranet/formateurs/%s?fait=1", id));
}

static int is_trainer_role(const struct ctx *ctx)
{
	return same(ctx->login->role, "formateur");
}

/* Loads the trainer of the path and says whether this login may reach it:
 * 0, or the status to answer with. A trainer (role formateur) reaches
 * their own record only, and learns nothing about the others (403 for an
 * unknown id too). */
static int trainer_of_path(struct ctx *ctx, struct trainer *t)
{
	const char *id = ctx->req->args[0];
	if (!field_is_id(id))
		return 404;
	int rc = store_trainer_by_id(ctx->db, ctx->arena, id, t);
	if (is_trainer_role(ctx) && (rc == DB_NOT_FOUND ||
			(rc == DB_OK && !same(t->account_id, ctx->login->user_id))))
		return 403;
	return rc == DB_OK ? 0 : handler_db_status(rc);
}

/* 1 when id is one of the `formation` values of the form. */
static int course_typed(const struct params *form, const char *id)
{
	for (size_t i = 0; i < form->count; i++)
		if (strcmp(form->items[i].name, "formation") == 0 && strcmp(form->items[i].value, id) == 0)
			return 1;
	return 0;
}

/* The trainer page: t as stored; the edit form from t when fill_form;
 * the course boxes as typed when typed_courses. */
static int trainer_page(struct ctx *ctx, const struct trainer *t, int status, int fill_form,
		int typed_courses)
{
	int can_edit = !is_trainer_role(ctx);
	struct trainer_course_choice *c;
	size_t n;
	int rc = store_trainer_course_choices(ctx->db, ctx->arena, t->id, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	for (size_t i = 0, shown = 0; i < n; i++) {
		int chosen = typed_courses ? course_typed(&ctx->req->form, c[i].id) : c[i].chosen;
		if (!can_edit && !c[i].chosen)
			continue;
		if (VIEW_ROW(ctx->view, "Courses", shown++, { "id", c[i].id }, { "title", c[i].title },
				{ "draft", same(c[i].status, "draft") ? "1" : "" },
				{ "chosen", chosen ? "1" : "" }) < 0)
			return 500;
	}
	if (can_edit) {
		struct trainer_account *acc;
		size_t n_acc;
		rc = store_trainer_free_accounts(ctx->db, ctx->arena, t->id, &acc, &n_acc);
		if (rc != DB_OK)
			return handler_db_status(rc);
		if (set_accounts(ctx, acc, n_acc) < 0 || (fill_form && set_trainer_form(ctx, t) < 0) ||
				view_set(ctx->view, "CanEdit", "1") < 0)
			return 500;
	}
	/* The feed's address as calendar clients will call it. */
	size_t base_len = strlen(ctx->settings->base_url);
	while (base_len > 0 && ctx->settings->base_url[base_len - 1] == '/')
		base_len--;
	static const char *const codes[] = { "1", "cours", "lien" };
	static const char *const texts[] = { "La fiche du formateur est enregistrée.",
		"Les formations du formateur sont enregistrées.",
		"Le lien de l'agenda est renouvelé : l'ancien lien ne fonctionne plus. "
		"Abonnez votre agenda à la nouvelle adresse." };
	if (view_set(ctx->view, "Trainer.id", t->id) < 0 ||
			view_set(ctx->view, "Trainer.name", t->name) < 0 ||
			view_set(ctx->view, "Trainer.kind", kind_label(t->kind)) < 0 ||
			view_set(ctx->view, "Trainer.email", t->email) < 0 ||
			view_set(ctx->view, "Trainer.phone", t->phone) < 0 ||
			view_set(ctx->view, "Trainer.organisation", t->organisation) < 0 ||
			view_set(ctx->view, "Trainer.account", t->account_name) < 0 ||
			view_set(ctx->view, "Trainer.active", t->active ? "1" : "") < 0 ||
			view_setf(ctx->view, "Trainer.feed_url", "%.*s/intranet/agenda/%s.ics",
				(int)base_len, ctx->settings->base_url, t->feed_token) < 0 ||
			view_set(ctx->view, "Page.title",
				arena_printf(ctx->arena, "Formateur : %s", t->name)) < 0 ||
			set_notice(ctx, codes, texts, 3) < 0)
		return 500;
	return handler_render(ctx, status, "intranet/trainer.cs");
}

int page_trainer(struct ctx *ctx)
{
	struct trainer t;
	int status = trainer_of_path(ctx, &t);
	if (status)
		return status;
	return trainer_page(ctx, &t, 200, 1, 0);
}

static int trainer_modify(struct ctx *ctx, const struct trainer *stored)
{
	struct trainer_account *acc;
	size_t n_acc;
	int rc = store_trainer_free_accounts(ctx->db, ctx->arena, stored->id, &acc, &n_acc);
	if (rc != DB_OK)
		return handler_db_status(rc);
	struct trainer t = { .id = stored->id };
	int wrong = read_trainer(ctx, &t, acc, n_acc);
	if (wrong < 0)
		return 500;
	if (!wrong) {
		rc = store_trainer_update(ctx->db, ctx->arena, &t);
		if (rc == DB_OK) {
			trainer_audit(ctx, "trainer_changed", t.id, t.name, t.email);
			return handler_redirect(ctx, arena_printf(ctx->arena,
				"/intranet/formateurs/%s?fait=1", t.id));
		}
		if (rc != DB_CONFLICT && rc != DB_STALE)
			return handler_db_status(rc);
		if (view_set(ctx->view, "Errors.account",
				rc == DB_CONFLICT ? ACCOUNT_TAKEN : ACCOUNT_NOT_TRAINER) < 0)
			return 500;
	}
	return trainer_page(ctx, stored, 422, 0, 0);
}

static int trainer_courses(struct ctx *ctx, const struct trainer *t)
{
	struct trainer_course_choice *c;
	size_t n;
	int rc = store_trainer_course_choices(ctx->db, ctx->arena, t->id, &c, &n);
	if (rc != DB_OK)
		return handler_db_status(rc);
	const struct params *form = &ctx->req->form;
	const char **ids = arena_calloc(ctx->arena, form->count ? form->count : 1, sizeof(*ids));
	if (!ids)
		return 500;
	size_t n_ids = 0;
	int unknown = 0;
	for (size_t i = 0; i < form->count; i++) {
		if (strcmp(form->items[i].name, "formation") != 0)
			continue;
		int known = 0;
		for (size_t k = 0; !known && field_is_id(form->items[i].value) && k < n; k++)
			known = strcmp(c[k].id, form->items[i].value) == 0;
		if (known)
			ids[n_ids++] = form->items[i].value;
		else
			unknown = 1;
	}
	if (unknown) {
		if (view_set(ctx->view, "Errors.courses", "Une des formations cochées n'existe pas ou "
				"n'est plus proposée : vérifiez la liste, puis enregistrez de nouveau.") < 0)
			return 500;
		return trainer_page(ctx, t, 422, 1, 1);
	}
	rc = store_trainer_set_courses(ctx->db, ctx->arena, t->id, ids, n_ids);
	if (rc != DB_OK)
		return handler_db_status(rc);
	trainer_audit(ctx, "trainer_courses_changed", t->id, t->name, t->email);
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/formateurs/%s?fait=cours#formations", t->id));
}

static int trainer_renew(struct ctx *ctx, const struct trainer *t)
{
	char token[AUTH_TOKEN_TEXT];
	auth_random_token(token);
	int rc = store_trainer_set_feed_token(ctx->db, ctx->arena, t->id, token);
	if (rc != DB_OK)
		return handler_db_status(rc);
	trainer_audit(ctx, "trainer_feed_renewed", t->id, t->name, t->email);
	return handler_redirect(ctx, arena_printf(ctx->arena,
		"/intranet/formateurs/%s?fait=lien#agenda", t->id));
}

int page_trainer_change(struct ctx *ctx)
{
	struct trainer t;
	int status = trainer_of_path(ctx, &t);
	if (status)
		return status;
	const char *action = params_get(&ctx->req->form, "action");
	if (same(action, "renouveler"))
		return trainer_renew(ctx, &t);
	if (is_trainer_role(ctx))
		return 403;
	if (same(action, "modifier"))
		return trainer_modify(ctx, &t);
	if (same(action, "cours"))
		return trainer_courses(ctx, &t);
	if (view_set(ctx->view, "Errors.change", "Action inconnue.") < 0)
		return 500;
	return trainer_page(ctx, &t, 422, 1, 0);
}
