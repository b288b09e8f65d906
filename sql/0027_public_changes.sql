-- What the public fiche reads at each view (its course, its next
-- sessions and their places, its satisfaction rate) is kept by each
-- worker between requests, until PostgreSQL says it changed: every
-- worker's connection LISTENs on formations_public (src/store/db.c,
-- db_listen), and any statement that writes one of those tables notifies
-- it when its transaction commits. A view of a kept fiche then asks
-- nothing of PostgreSQL: about half of the fiche's time with nginx's
-- page cache off was PostgreSQL's (make bench, fiche).
--
-- One notification per transaction whatever it wrote: the statement
-- triggers notify with an empty payload, which PostgreSQL sends once per
-- transaction. A worker does not look at what changed: any change drops
-- everything it kept, which is read again at the next view.
CREATE FUNCTION public_pages_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('formations_public', '');
	RETURN NULL;
END $$;

CREATE TRIGGER course_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course
	FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
CREATE TRIGGER course_module_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON course_module FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
CREATE TRIGGER course_day_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON course_day FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
CREATE TRIGGER day_step_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON day_step
	FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
-- a registration changes its session's counts (registration_count)
CREATE TRIGGER session_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON session
	FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
CREATE TRIGGER place_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON place
	FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
-- an answer changes its session's tally (sql/0024)
CREATE TRIGGER session_satisfaction_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON session_satisfaction FOR EACH STATEMENT EXECUTE FUNCTION public_pages_changed();
