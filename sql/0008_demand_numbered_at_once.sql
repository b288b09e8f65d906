-- The numbering (sql/0006) finds a demand's queued mails, and deleting or
-- anonymising a demand finds them too: without this index each of those
-- read the whole outbox, which grows by two rows a demand.
CREATE INDEX mail_outbox_demand ON mail_outbox (demand_id) WHERE demand_id IS NOT NULL;

-- Past 99,999 demands in a year the number takes a sixth digit: lpad()
-- used to cut it to five, which would give an existing reference again.
ALTER TABLE demand DROP CONSTRAINT demand_reference_check;
ALTER TABLE demand ADD CONSTRAINT demand_reference_check
	CHECK (reference ~ '^D-[0-9]{4}-[0-9]{5,}$');
CREATE FUNCTION demand_reference(y int, n int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT 'D-' || y || '-' || lpad(n::text, greatest(5, length(n::text)), '0')
$$;

-- sql/0006's numbering, with demand_reference().
CREATE OR REPLACE FUNCTION demand_number(wanted bigint) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	IF pg_try_advisory_xact_lock(7263550) THEN
		WITH pending AS (SELECT id, extract(year FROM received_on)::int AS y,
				row_number() OVER (PARTITION BY extract(year FROM received_on) ORDER BY id) AS rn
				FROM demand WHERE reference IS NULL),
			years AS (SELECT y, count(*)::int AS n FROM pending GROUP BY y),
			bumped AS (INSERT INTO demand_counter (year, last_value) SELECT y, n FROM years
				ON CONFLICT (year) DO UPDATE SET last_value = demand_counter.last_value + EXCLUDED.last_value
				RETURNING year, last_value),
			numbered AS (UPDATE demand d
				SET reference = demand_reference(p.y, (b.last_value - yr.n + p.rn)::int)
				FROM pending p JOIN years yr ON yr.y = p.y JOIN bumped b ON b.year = p.y
				WHERE d.id = p.id RETURNING d.id, d.reference)
		UPDATE mail_outbox m SET body = replace(m.body, '{REF}', n.reference)
			FROM numbered n WHERE m.demand_id = n.id AND position('{REF}' IN m.body) > 0;
	END IF;
	RETURN (SELECT reference FROM demand WHERE id = wanted);
END
$$;

-- A new demand takes its reference as it is inserted, in its own
-- transaction, when no other numbering is under way: one commit a demand
-- instead of two, and no second version of the row. The lock is only
-- tried, so submissions never wait for each other; a demand that finds it
-- taken stays unnumbered until the next numbering (the next demand, the
-- page that shows it, or `formations mail`), which numbers it first.
-- Gapless as before: the counter moves only in committed transactions,
-- and never for a form sent twice. That check needs care, since the
-- trigger runs before ON CONFLICT looks at the form token: the same form
-- in flight in another transaction (not yet visible) would be numbered
-- here and then dropped by ON CONFLICT DO NOTHING, leaving a gap. So each
-- insert first takes a lock on its form token, held to its end: the second
-- copy waits for the first and then sees it.
CREATE FUNCTION demand_number_new() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	y int := extract(year FROM NEW.received_on)::int;
	n int;
BEGIN
	PERFORM pg_advisory_xact_lock(7263551, hashtext(NEW.form_token));
	IF EXISTS (SELECT 1 FROM demand WHERE form_token = NEW.form_token) THEN
		RETURN NEW;   -- ON CONFLICT drops this copy
	END IF;
	IF pg_try_advisory_xact_lock(7263550) THEN
		IF EXISTS (SELECT 1 FROM demand WHERE reference IS NULL) THEN
			PERFORM demand_number(0);
		END IF;
		INSERT INTO demand_counter (year, last_value) VALUES (y, 1)
			ON CONFLICT (year) DO UPDATE SET last_value = demand_counter.last_value + 1
			RETURNING last_value INTO n;
		NEW.reference := demand_reference(y, n);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER demand_numbered BEFORE INSERT ON demand
	FOR EACH ROW WHEN (NEW.reference IS NULL) EXECUTE FUNCTION demand_number_new();
