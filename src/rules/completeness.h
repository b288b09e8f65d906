/* What a published fiche must show (the Qualiopi list of public items),
 * and which of those a course lacks. Pure: plain strings in, labels out. */
#ifndef FORMATIONS_RULES_COMPLETENESS_H
#define FORMATIONS_RULES_COMPLETENESS_H

#include <stddef.h>

struct completeness_input {
	const char *prerequisites, *objective, *duration_text, *duration_days;
	const char *access_modalities, *access_delay, *prices, *price_per_trainee;
	const char *contact_phones, *contact_email, *methods;
	const char *eval_before, *eval_during, *eval_hot, *eval_cold;
	const char *accessibility, *disability_referent_name, *disability_referent_contact;
	const char *updated_on, *satisfaction_rate;
};

#define COMPLETENESS_ITEMS_MAX 16

/* Fills missing[] with the French labels of the items that are empty and
 * returns how many. */
size_t completeness_missing(const struct completeness_input *in,
		const char *missing[COMPLETENESS_ITEMS_MAX]);
/* The same, and fields[] (when not NULL) with the name of the course
 * field to fill for each item, as the edit form names it ("prices"): the
 * first empty one of an item made of several ("eval_cold" when only the
 * evaluation à froid is missing), "updated_on" for the date of update,
 * which no field holds (a save sets it). */
size_t completeness_missing_fields(const struct completeness_input *in,
		const char *missing[COMPLETENESS_ITEMS_MAX], const char *fields[COMPLETENESS_ITEMS_MAX]);

#endif
