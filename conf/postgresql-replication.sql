-- The role the standby streams with, on the primary, as the superuser
-- (README, "Scaling out"); its password then: \password replicator
-- It also serves pg_rewind, when a former primary rejoins as a standby
-- (conf/pg-replica.sh rejoin): the four functions pg_rewind reads the
-- primary's files with, and nothing else.
CREATE ROLE replicator LOGIN REPLICATION;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_ls_dir(text, boolean, boolean) TO replicator;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_stat_file(text, boolean) TO replicator;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text) TO replicator;
GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO replicator;
