-- References are given after the demand's own transaction has committed,
-- by a short numbering transaction that numbers every demand still
-- without one, in order: no gaps (only committed demands are numbered),
-- and submissions no longer wait on each other's commit for the counter.
ALTER TABLE demand ALTER COLUMN reference DROP NOT NULL;
CREATE INDEX demand_unnumbered ON demand (id) WHERE reference IS NULL;

-- Numbers every committed demand still without a reference, unless
-- another numbering is under way (it, or the next one, will number them:
-- under load one call numbers many), then returns the reference of the
-- demand asked about (NULL while it has none). One round trip.
CREATE FUNCTION demand_number(wanted bigint) RETURNS text
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
			numbered AS (UPDATE demand d SET reference = 'D-' || p.y || '-' ||
					lpad((b.last_value - yr.n + p.rn)::text, 5, '0')
				FROM pending p JOIN years yr ON yr.y = p.y JOIN bumped b ON b.year = p.y
				WHERE d.id = p.id RETURNING d.id, d.reference)
		UPDATE mail_outbox m SET body = replace(m.body, '{REF}', n.reference)
			FROM numbered n WHERE m.demand_id = n.id AND position('{REF}' IN m.body) > 0;
	END IF;
	RETURN (SELECT reference FROM demand WHERE id = wanted);
END
$$;
