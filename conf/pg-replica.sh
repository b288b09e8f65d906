#!/usr/bin/env bash
# The steps of a PostgreSQL failover between two database hosts, db1 and
# db2, run by the postgres account of a database host (README, "Scaling
# out"). t/99-several-hosts.t runs these very steps.
#
#   pg-replica.sh standby PGDATA PRIMARY NAME
#       A new standby: a base backup of the primary into PGDATA (absent or
#       empty), set to stream from it as NAME. Start the server afterwards.
#   pg-replica.sh promote PGDATA
#       This standby becomes the primary, alone: its commits stop waiting
#       for a synchronous standby (there is none left) until `synchronous`.
#   pg-replica.sh rejoin PGDATA PRIMARY NAME
#       The former primary, stopped (cleanly or not), becomes a standby of
#       the new one: pg_rewind takes back what it wrote after the split,
#       or, when it cannot, a new base backup replaces PGDATA. Start the
#       server afterwards.
#   pg-replica.sh synchronous NAME
#       On the primary: waits (60 s at most) until standby NAME streams,
#       then makes every commit wait for it again.
#
# PRIMARY is a libpq connection string of the replication role on the
# primary, e.g. "host=10.0.0.22 port=5432 user=replicator" (its password
# in ~/.pgpass, or password=... in the string); NAME is this host's name in
# synchronous_standby_names (conf/postgresql-replication.conf). promote
# and synchronous connect to the local server as the superuser (libpq's
# PGHOST and PGPORT say where, if not the default socket).
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

die() { echo "pg-replica: $*" >&2; exit 1; }
say() { echo "pg-replica: $*" >&2; }

local_sql() { "$PGBIN/psql" -X -qAt -v ON_ERROR_STOP=1 -d postgres "$@"; }

# The standby's settings: stream from PRIMARY as NAME. pg_rewind copies the
# primary's postgresql.auto.conf, which may name another primary (its own
# from when it was a standby) or no synchronous standby (set by promote):
# those lines go first.
follow() {
	local pgdata=$1 primary=$2 name=$3 auto=$1/postgresql.auto.conf
	[[ $name =~ ^[a-z0-9_]+$ ]] || die "bad standby name $name"
	touch "$auto"
	sed -i -e '/^primary_conninfo[ =]/d' -e '/^synchronous_standby_names[ =]/d' "$auto"
	printf "primary_conninfo = '%s application_name=%s'\n" "${primary//\'/\'\'}" "$name" >>"$auto"
	touch "$pgdata/standby.signal"
}

base_backup() {
	local pgdata=$1 primary=$2
	mkdir -p "$pgdata"
	chmod 700 "$pgdata"
	# Emptied rather than removed: PGDATA may be a link or a mount point.
	find -H "$pgdata" -mindepth 1 -delete
	"$PGBIN/pg_basebackup" -D "$pgdata" -d "$primary" -X stream -c fast -w ||
		die "pg_basebackup from the primary failed"
}

cmd_standby() {
	local pgdata=$1 primary=$2 name=$3
	[ ! -f "$pgdata/PG_VERSION" ] || die "$pgdata holds a cluster already"
	base_backup "$pgdata" "$primary"
	follow "$pgdata" "$primary" "$name"
	say "$pgdata is a standby of the primary as $name: start it"
}

cmd_promote() {
	local pgdata=$1
	[ -f "$pgdata/standby.signal" ] || die "$pgdata is not a standby"
	# Alone from the moment it is the primary: with no standby left, a
	# synchronous commit would wait forever. Written first (ALTER SYSTEM
	# works on a standby), so that no commit waits in between.
	local_sql -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
	"$PGBIN/pg_ctl" promote -D "$pgdata" -w -t 60 >/dev/null || die "promotion failed"
	[ "$(local_sql -c 'SELECT pg_is_in_recovery()')" = f ] || die "still in recovery"
	# The control file names the new timeline only after a checkpoint:
	# pg_rewind, reading it, would find nothing to rewind before that.
	local_sql -c CHECKPOINT >/dev/null
	say "$pgdata is the primary, without a synchronous standby until: pg-replica.sh synchronous NAME"
}

cmd_rejoin() {
	local pgdata=$1 primary=$2 name=$3
	[ -f "$pgdata/PG_VERSION" ] || die "$pgdata holds no cluster"
	[ ! -f "$pgdata/postmaster.pid" ] || ! "$PGBIN/pg_ctl" status -D "$pgdata" >/dev/null 2>&1 ||
		die "$pgdata is running: stop it first"
	rm -f "$pgdata/standby.signal"
	local out
	if out=$("$PGBIN/pg_rewind" --target-pgdata="$pgdata" --source-server="$primary dbname=postgres" 2>&1); then
		say "pg_rewind brought $pgdata to the new primary's timeline"
	else
		printf '%s\n' "$out" >&2
		say "pg_rewind failed: a new base backup instead"
		base_backup "$pgdata" "$primary"
	fi
	follow "$pgdata" "$primary" "$name"
	say "$pgdata is a standby of the new primary as $name: start it"
}

cmd_synchronous() {
	local name=$1
	[[ $name =~ ^[a-z0-9_]+$ ]] || die "bad standby name $name"
	local i
	for i in $(seq 1 300); do
		[ "$(local_sql -c "SELECT count(*) FROM pg_stat_replication
			WHERE application_name = '$name' AND state = 'streaming'")" = 1 ] && break
		[ "$i" = 300 ] && die "standby $name does not stream"
		sleep 0.2
	done
	# Back to the list of conf/postgresql-replication.conf.
	local_sql -c "ALTER SYSTEM RESET synchronous_standby_names" -c "SELECT pg_reload_conf()" >/dev/null
	for i in $(seq 1 100); do
		[ "$(local_sql -c "SELECT count(*) FROM pg_stat_replication
			WHERE application_name = '$name' AND sync_state IN ('sync', 'quorum')")" = 1 ] && break
		[ "$i" = 100 ] && die "standby $name streams but is not synchronous"
		sleep 0.2
	done
	say "every commit waits for $name again"
}

case "${1:-}" in
standby) [ $# = 4 ] || die "usage: standby PGDATA PRIMARY NAME"; cmd_standby "$2" "$3" "$4" ;;
promote) [ $# = 2 ] || die "usage: promote PGDATA"; cmd_promote "$2" ;;
rejoin) [ $# = 4 ] || die "usage: rejoin PGDATA PRIMARY NAME"; cmd_rejoin "$2" "$3" "$4" ;;
synchronous) [ $# = 2 ] || die "usage: synchronous NAME"; cmd_synchronous "$2" ;;
*) die "usage: $0 standby|promote|rejoin|synchronous ..." ;;
esac
