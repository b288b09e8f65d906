-- Search that forgives a typo: when the full-text search of the catalogue
-- finds nothing, each word typed is replaced by the closest word of the
-- published fiches (trigram similarity, pg_trgm), and the search runs
-- again ("cooperaton" finds "coopération"). pg_trgm is a trusted
-- extension: the database's owner creates it.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
