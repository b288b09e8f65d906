-- The dashboard's "Organisme" filter finds the open demands whose
-- organisation contains the words typed (lower(organisation) LIKE
-- '%…%'): without an index that is a read of every open demand, 3,000 at
-- 10,000 demands and 100,000 at a million (0.9 ms and more of the
-- filtered page: make bench, dashboard). A trigram index answers it with
-- the few that match. Partial, like demand_open_due: only open demands
-- are filtered so, and a closed one leaves the index; the price is paid
-- when a demand is received or its organisation changes, a GIN insert
-- (its pending list, merged by autovacuum).
CREATE INDEX demand_open_organisation_trgm ON demand
	USING gin (lower(organisation) public.gin_trgm_ops)
	WHERE status IN ('recue', 'en_instruction', 'attente_demandeur');
