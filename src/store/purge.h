/* `formations purge`: the personal data of finished demands is not kept
 * longer than needed (settings retention_days). */
#ifndef FORMATIONS_STORE_PURGE_H
#define FORMATIONS_STORE_PURGE_H

struct db;

/* In one transaction, taken by one purge at a time (a second one, from
 * another host, waits for it and then finds nothing more to do):
 *
 * anonymises every demand that is close, annulee or sans_suite, not
 * anonymised yet, and whose last event is older than retention_days: the
 * requester's names become "anonyme", the email "anonyme@invalid", phone,
 * job title, accessibility needs, message, period and place are emptied,
 * anonymised_at is set; the comments of its events are emptied (the
 * requester's replies are there), and its mails in the outbox, which
 * repeat the requester's address and words, are deleted; its
 * accessibility needs lose their text and decision (an open one is
 * closed, sans_objet): *demands of them;
 *
 * the same for the accessibility needs of registrations whose session's
 * last day is more than retention_days ago: *needs of them.
 *
 * DB_OK, or a DB_ status and nothing changed. */
int store_purge(struct db *db, int retention_days, long *demands, long *needs);

#endif
