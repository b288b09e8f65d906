-- References are given after the demand's own transaction has committed,
-- by a short numbering transaction that numbers every demand still
-- without one, in order: no gaps (only committed demands are numbered),
-- and submissions no longer wait on each other's commit for the counter.
ALTER TABLE demand ALTER COLUMN reference DROP NOT NULL;
CREATE INDEX demand_unnumbered ON demand (id) WHERE reference IS NULL;
